// lib/mock-function: expected calls in order, argument checks, leftover expectations, move-only
// values, ExpectNoCall, and failures reported through the replaceable handler.
#include <gtest/gtest.h>
#include <lib/mock-function/mock-function.h>
#include <lib/zx/event.h>
#include <lib/zx/vmo.h>
#include <zircon/types.h>

#include <memory>
#include <string>
#include <tuple>
#include <vector>

namespace {

// Records every failure instead of aborting, for the duration of one test.
class MockFunctionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    failures().clear();
    mock_function::SetFailureHandler([](const char* message) { failures().push_back(message); });
  }
  void TearDown() override { mock_function::SetFailureHandler(nullptr); }

  static std::vector<std::string>& failures() {
    static std::vector<std::string> recorded;
    return recorded;
  }
};

struct MoveOnly {
  explicit MoveOnly(int v) : value(v) {}
  MoveOnly(MoveOnly&&) = default;
  MoveOnly& operator=(MoveOnly&&) = default;
  MoveOnly(const MoveOnly&) = delete;
  bool operator==(const MoveOnly& other) const { return value == other.value; }
  int value;
};

TEST_F(MockFunctionTest, CallsReturnTheirExpectationsValuesInOrder) {
  mock_function::MockFunction<std::tuple<zx_status_t, uint8_t>, uint32_t> mock_read;
  EXPECT_FALSE(mock_read.HasExpectations());
  mock_read.ExpectCall({ZX_OK, 5}, 3).ExpectCall({ZX_ERR_IO, 0}, 7);
  EXPECT_TRUE(mock_read.HasExpectations());
  std::tuple<zx_status_t, uint8_t> first = mock_read.Call(3);
  EXPECT_EQ(first, std::make_tuple(ZX_OK, uint8_t{5}));
  std::tuple<zx_status_t, uint8_t> second = mock_read.Call(7);
  EXPECT_EQ(second, std::make_tuple(ZX_ERR_IO, uint8_t{0}));
  mock_read.VerifyAndClear();
  EXPECT_TRUE(failures().empty());
  EXPECT_FALSE(mock_read.HasExpectations());
}

TEST_F(MockFunctionTest, AnArgumentThatDiffersIsReportedWithItsPositionAndTheValueStillReturned) {
  mock_function::MockFunction<zx_status_t, uint32_t, uint32_t> mock_config;
  mock_config.ExpectCall(ZX_OK, 1, 2).ExpectCall(ZX_ERR_INTERNAL, 3, 4);
  EXPECT_EQ(mock_config.Call(1, 9), ZX_OK);
  ASSERT_EQ(failures().size(), 1u);
  EXPECT_EQ(failures()[0], "call 1: argument 1 (counting from 0) differs from the expected one");
  // Calls are matched in order: the second expectation is for the second call.
  EXPECT_EQ(mock_config.Call(1, 2), ZX_ERR_INTERNAL);
  ASSERT_EQ(failures().size(), 2u);
  EXPECT_EQ(failures()[1], "call 2: argument 0 (counting from 0) differs from the expected one");
  mock_config.VerifyAndClear();
  EXPECT_EQ(failures().size(), 2u);
}

TEST_F(MockFunctionTest, VerifyAndClearReportsExpectedCallsNotMadeAndForgetsThem) {
  mock_function::MockFunction<zx_status_t, uint32_t> mock_write;
  mock_write.ExpectCall(ZX_OK, 1).ExpectCall(ZX_OK, 2).ExpectCall(ZX_OK, 3);
  EXPECT_EQ(mock_write.Call(1), ZX_OK);
  mock_write.VerifyAndClear();
  ASSERT_EQ(failures().size(), 1u);
  EXPECT_EQ(failures()[0], "2 expected call(s) not made (1 of 3 made)");
  EXPECT_FALSE(mock_write.HasExpectations());
  mock_write.VerifyAndClear();  // nothing left
  EXPECT_EQ(failures().size(), 1u);
}

TEST_F(MockFunctionTest, ACallBeyondTheExpectationsIsReportedAndReturnsAValueInitializedResult) {
  mock_function::MockFunction<std::tuple<zx_status_t, uint8_t>, uint32_t> mock_read;
  mock_read.ExpectCall({ZX_OK, 5}, 3);
  mock_read.Call(3);
  std::tuple<zx_status_t, uint8_t> extra = mock_read.Call(3);
  EXPECT_EQ(extra, std::make_tuple(zx_status_t{0}, uint8_t{0}));
  ASSERT_EQ(failures().size(), 1u);
  EXPECT_EQ(failures()[0], "unexpected call 2: only 1 call(s) were expected");
}

TEST_F(MockFunctionTest, ExpectNoCallMakesAnyCallAFailureAndVerifiesCleanWithoutOne) {
  mock_function::MockFunction<void, uint32_t> mock_enable;
  mock_enable.ExpectNoCall();
  EXPECT_TRUE(mock_enable.HasExpectations());
  mock_enable.VerifyAndClear();
  EXPECT_TRUE(failures().empty());

  mock_enable.ExpectNoCall();
  mock_enable.Call(1);
  ASSERT_EQ(failures().size(), 1u);
  EXPECT_EQ(failures()[0], "unexpected call 1: no call was expected");
}

TEST_F(MockFunctionTest, VoidFunctionsCheckTheirArguments) {
  mock_function::MockFunction<void, uint32_t, bool> mock_set;
  mock_set.ExpectCall(4, true).ExpectCall(5, false);
  mock_set.Call(4, true);
  mock_set.Call(5, true);
  ASSERT_EQ(failures().size(), 1u);
  EXPECT_EQ(failures()[0], "call 2: argument 1 (counting from 0) differs from the expected one");
  mock_function::MockFunction<void> mock_reset;
  mock_reset.ExpectCall();
  mock_reset.Call();
  mock_reset.VerifyAndClear();
  EXPECT_EQ(failures().size(), 1u);
}

TEST_F(MockFunctionTest, MoveOnlyResultsAndArgumentsWork) {
  zx::vmo vmo;
  ASSERT_EQ(zx::vmo::create(4096, 0, &vmo), ZX_OK);
  zx_handle_t value = vmo.get();
  mock_function::MockFunction<std::tuple<zx_status_t, zx::vmo>, uint32_t> mock_get_vmo;
  mock_get_vmo.ExpectCall(std::make_tuple(ZX_OK, std::move(vmo)), 0);
  std::tuple<zx_status_t, zx::vmo> ret = mock_get_vmo.Call(0);
  EXPECT_EQ(std::get<0>(ret), ZX_OK);
  EXPECT_EQ(std::get<1>(ret).get(), value);  // the same handle, moved through
  mock_get_vmo.VerifyAndClear();

  mock_function::MockFunction<MoveOnly, MoveOnly, uint32_t> mock_transfer;
  mock_transfer.ExpectCall(MoveOnly(10), MoveOnly(1), 2);
  MoveOnly result = mock_transfer.Call(MoveOnly(1), 2);
  EXPECT_EQ(result.value, 10);
  mock_transfer.ExpectCall(MoveOnly(11), MoveOnly(1), 2);
  mock_transfer.Call(MoveOnly(3), 2);
  ASSERT_EQ(failures().size(), 1u);
  EXPECT_EQ(failures()[0], "call 2: argument 0 (counting from 0) differs from the expected one");
}

TEST_F(MockFunctionTest, ReferenceArgumentsAreStoredAsCopies) {
  mock_function::MockFunction<zx_status_t, const std::string&> mock_named;
  {
    std::string name = "gpio";
    mock_named.ExpectCall(ZX_OK, name);
  }  // the expected value outlives the string it was given as
  EXPECT_EQ(mock_named.Call(std::string("gpio")), ZX_OK);
  mock_named.VerifyAndClear();
  EXPECT_TRUE(failures().empty());
}

TEST(MockFunctionDefaultHandlerTest, PrintsAndAborts) {
  mock_function::MockFunction<zx_status_t, uint32_t> mock_read;
  mock_read.ExpectCall(ZX_OK, 1);
  EXPECT_DEATH(mock_read.Call(2), "mock_function: call 1: argument 0");
  EXPECT_DEATH(mock_read.VerifyAndClear(), "mock_function: 1 expected call\\(s\\) not made");
}

}  // namespace
