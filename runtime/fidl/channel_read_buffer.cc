// Per-thread recycling of channel read buffers (64 KiB + a handle table each): a client or
// server that reads one message at a time reuses the same buffer on every read.
#include <lib/fidl/cpp/wire/internal/transport.h>

#include <vector>

namespace fidl::internal {
namespace {

constexpr size_t kCachedPerThread = 4;

struct BufferCache {
  std::vector<ChannelReadBuffer*> free;
  ~BufferCache();
};

// Trivially destructible, so it can be read while the thread's other locals are being destroyed
// (a message destroyed then frees its buffer instead of touching a dead cache).
thread_local bool cache_alive = false;
thread_local BufferCache cache;

BufferCache::~BufferCache() {
  cache_alive = false;
  for (ChannelReadBuffer* buffer : free) delete buffer;
}

}  // namespace

void ChannelReadBufferRecycler::operator()(ChannelReadBuffer* buffer) const {
  if (cache_alive && cache.free.size() < kCachedPerThread) {
    cache.free.push_back(buffer);
    return;
  }
  delete buffer;
}

ChannelReadBufferPtr AcquireChannelReadBuffer() {
  if (!cache_alive) {
    cache.free.reserve(kCachedPerThread);  // first use constructs the cache on this thread
    cache_alive = true;
  }
  if (!cache.free.empty()) {
    ChannelReadBuffer* buffer = cache.free.back();
    cache.free.pop_back();
    return ChannelReadBufferPtr(buffer);
  }
  // Not value-initialised: zeroing 64 KiB would cost more than the read that fills it.
  return ChannelReadBufferPtr(new ChannelReadBuffer);
}

}  // namespace fidl::internal
