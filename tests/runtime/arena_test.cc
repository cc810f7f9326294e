#include <lib/fdf/arena.h>
#include <lib/fdf/cpp/arena.h>

#include <atomic>
#include <set>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

namespace {

class ArenaTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(ZX_OK, fdf_arena_create(0, 'ARNA', &arena_)); }
  void TearDown() override { fdf_arena_drop_ref(arena_); }
  fdf_arena_t* arena_ = nullptr;
};

TEST_F(ArenaTest, B1_AllocationsAreDistinctAndDoNotOverlap) {
  auto* a = static_cast<char*>(fdf_arena_allocate(arena_, 64));
  auto* b = static_cast<char*>(fdf_arena_allocate(arena_, 64));
  ASSERT_NE(a, nullptr);
  ASSERT_NE(b, nullptr);
  EXPECT_TRUE(a + 64 <= b || b + 64 <= a);
}

TEST_F(ArenaTest, B2_ZeroBytesReturnsNullAndNullRangeIsContained) {
  EXPECT_EQ(fdf_arena_allocate(arena_, 0), nullptr);
  EXPECT_TRUE(fdf_arena_contains(arena_, nullptr, 0));
  EXPECT_FALSE(fdf_arena_contains(arena_, nullptr, 1));
  void* p = fdf_arena_allocate(arena_, 64);
  EXPECT_TRUE(fdf_arena_contains(arena_, p, 64));
}

TEST_F(ArenaTest, B3_LargeAllocationsSucceed) {
  void* one = fdf_arena_allocate(arena_, 1 << 20);
  void* six = fdf_arena_allocate(arena_, 6 << 20);
  ASSERT_NE(one, nullptr);
  ASSERT_NE(six, nullptr);
  EXPECT_NE(one, six);
  memset(six, 0xab, 6 << 20);
  EXPECT_TRUE(fdf_arena_contains(arena_, six, 6 << 20));
}

TEST_F(ArenaTest, B4_ContainsRangesInsideOneBlockOnly) {
  auto* a = static_cast<char*>(fdf_arena_allocate(arena_, 0x1000));   // fills the 4 KiB buffer
  auto* b = static_cast<char*>(fdf_arena_allocate(arena_, 0x10000));  // dedicated block
  auto* c = static_cast<char*>(fdf_arena_allocate(arena_, 0x500));    // first 16 KiB block
  EXPECT_FALSE(fdf_arena_contains(arena_, reinterpret_cast<void*>(0), 1));
  EXPECT_TRUE(fdf_arena_contains(arena_, a, 0x1000));
  EXPECT_TRUE(fdf_arena_contains(arena_, a + 0x10, 0x100));
  EXPECT_FALSE(fdf_arena_contains(arena_, a, 0x1001));  // past the initial buffer
  EXPECT_TRUE(fdf_arena_contains(arena_, b, 0x10000));
  EXPECT_FALSE(fdf_arena_contains(arena_, b + 1, 0x10000));
  EXPECT_TRUE(fdf_arena_contains(arena_, c, 0x500));
  EXPECT_FALSE(fdf_arena_contains(arena_, c + 0x500, 8));  // not handed out yet
  auto* d = static_cast<char*>(fdf_arena_allocate(arena_, 0x10));
  EXPECT_EQ(d, c + 0x500);
  EXPECT_TRUE(fdf_arena_contains(arena_, c + 0x4f0, 0x20));  // straddles two allocations
}

TEST_F(ArenaTest, B4_FreshArenaContainsNothing) {
  EXPECT_FALSE(fdf_arena_contains(arena_, reinterpret_cast<void*>(0xFFFFFFFF), 16));
  int on_stack = 0;
  EXPECT_FALSE(fdf_arena_contains(arena_, &on_stack, sizeof(on_stack)));
}

TEST_F(ArenaTest, B5_SizesRoundUpToEightAndStayAligned) {
  auto* a = static_cast<char*>(fdf_arena_allocate(arena_, 3));
  auto* b = static_cast<char*>(fdf_arena_allocate(arena_, 5));
  EXPECT_EQ(b - a, 8);
  EXPECT_EQ(reinterpret_cast<uintptr_t>(a) % 8, 0u);
  EXPECT_EQ(reinterpret_cast<uintptr_t>(b) % 8, 0u);
}

TEST_F(ArenaTest, B6_FreeDoesNotInvalidate) {
  auto* a = static_cast<uint64_t*>(fdf_arena_allocate(arena_, 8));
  *a = 42;
  fdf_arena_free(arena_, a);
  auto* b = static_cast<uint64_t*>(fdf_arena_allocate(arena_, 8));
  EXPECT_NE(a, b);
  EXPECT_EQ(*a, 42u);
  EXPECT_TRUE(fdf_arena_contains(arena_, a, 8));
}

TEST_F(ArenaTest, B7_ReferencesKeepMemoryAlive) {
  auto* p = static_cast<uint32_t*>(fdf_arena_allocate(arena_, 4));
  *p = 7;
  fdf_arena_add_ref(arena_);
  fdf_arena_drop_ref(arena_);
  EXPECT_EQ(*p, 7u);  // ASan would flag a use after free
}

TEST_F(ArenaTest, B8_ConcurrentAllocationsAreDistinct) {
  std::vector<std::vector<void*>> got(4);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 2000; ++i) got[t].push_back(fdf_arena_allocate(arena_, 24));
    });
  }
  for (auto& t : threads) t.join();
  std::set<void*> all;
  for (auto& v : got) all.insert(v.begin(), v.end());
  EXPECT_EQ(all.size(), 8000u);
}

TEST_F(ArenaTest, B9_ContainsEveryBlockOfALargeArena) {
  // More blocks than the lock-free scan covers, so the sorted index answers for the old ones.
  std::vector<char*> chunks;
  for (int i = 0; i < 24; ++i) {
    auto* p = static_cast<char*>(fdf_arena_allocate(arena_, 700 * 1024));
    ASSERT_NE(p, nullptr);
    chunks.push_back(p);
  }
  for (char* p : chunks) {
    EXPECT_TRUE(fdf_arena_contains(arena_, p, 700 * 1024));
    EXPECT_TRUE(fdf_arena_contains(arena_, p + 700 * 1024 - 8, 8));
  }
  // The last chunk's block is still being filled: the bytes after it are not handed out yet.
  EXPECT_FALSE(fdf_arena_contains(arena_, chunks.back() + 700 * 1024, 8));
  int on_stack = 0;
  EXPECT_FALSE(fdf_arena_contains(arena_, &on_stack, sizeof(on_stack)));
}

TEST_F(ArenaTest, B10_ContainsWhileOtherThreadsAllocate) {
  // Every thread checks its own allocations while the others add blocks (run under TSan in CI).
  std::atomic<int> misses{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 3000; ++i) {
        size_t size = 16 + static_cast<size_t>(i % 7) * 600;
        void* p = fdf_arena_allocate(arena_, size);
        if (!fdf_arena_contains(arena_, p, size)) misses.fetch_add(1);
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(misses.load(), 0);
}

TEST(ArenaBadInput, CreateRejectsOptionsAndNullOut) {
  fdf_arena_t* arena;
  EXPECT_EQ(ZX_ERR_INVALID_ARGS, fdf_arena_create(1, 0, &arena));
  EXPECT_EQ(ZX_ERR_INVALID_ARGS, fdf_arena_create(0, 0, nullptr));
}

TEST(ArenaWrapper, CreateAllocateContainsAndMove) {
  auto arena = fdf::Arena::Create(0, 'WRAP');
  ASSERT_TRUE(arena.is_ok());
  auto* value = static_cast<uint64_t*>(arena->Allocate(sizeof(uint64_t)));
  EXPECT_TRUE(arena->Contains(value));
  fdf::Arena moved = std::move(*arena);
  EXPECT_EQ(arena->get(), nullptr);
  EXPECT_TRUE(moved.Contains(value));
  fdf::Arena by_tag('ABCD');
  EXPECT_NE(by_tag.get(), nullptr);
  uint64_t on_stack = 0;
  EXPECT_FALSE(moved.Contains(&on_stack));
  fdf::Arena adopted(moved.release());  // release hands the reference over
  EXPECT_EQ(moved.get(), nullptr);
  EXPECT_TRUE(adopted.Contains(value));
}

}  // namespace
