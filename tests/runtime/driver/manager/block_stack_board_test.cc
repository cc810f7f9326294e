// corpus/drivers/block-stack: the six banjo drivers of the block stack in one host, block-check
// using them from another over the block client's Zircon-channel service. The bytes written come
// back; each layer refuses what it must and nothing below it sees the request; 16 requests in
// flight all complete, once; and every request reached each layer the number of times it should.
// The same for the stack as migrate-driver made it at build time, mid-migration: every driver
// --mode=dual (block-stack-dual), and the block client --mode=replace on the driver transport
// above a dual partition (block-stack-wave); and once the host switched, every block driver
// --mode=replace after its author's edit (block-stack-replace), no banjo left between them. Each
// must behave exactly as the banjo original.
#include <gtest/gtest.h>

#include <string>

#include "tests/runtime/driver/manager/board_fixture.h"

namespace fdfkit::driver {
namespace {

class BlockStackBoardTest : public BoardTest, public ::testing::WithParamInterface<const char*> {
 protected:
  std::string BoardPath() const override {
    return std::string(DRIVERS_DIR) + "/" + GetParam() + "-board.json";
  }
};

TEST_P(BlockStackBoardTest, TheStackSharesOneHostAndItsUserHasAnother) {
  std::string stack = Find("block-platform-bus start").second;
  ASSERT_FALSE(stack.empty());
  for (const char* driver : {"sdmmc-controller start", "sdmmc start", "block start",
                             "partition start", "block-client start"}) {
    EXPECT_EQ(Find(driver).second, stack) << driver;
  }
  std::string user = Find("block-check info").second;
  EXPECT_FALSE(user.empty());
  EXPECT_NE(user, stack);
}

TEST_P(BlockStackBoardTest, ReadsBackWhatItWroteThroughEveryLayer) {
  // The partition shows its own extent: the card's 65536 blocks less 2048 before it and 34 after.
  EXPECT_EQ(Find("block-check info").first,
            "block-check info blocks=63454 block_size=512 max_transfer_blocks=256");
  EXPECT_EQ(Find("sdmmc start").first, "sdmmc start blocks=65536");
  EXPECT_EQ(Find("block-check write").first,
            "block-check write ZX_OK,ZX_OK,ZX_OK read ZX_OK/same,ZX_OK/same,ZX_OK/same");
  EXPECT_EQ(Find("block-check refused").first,
            "block-check refused past_end=ZX_ERR_OUT_OF_RANGE too_long=ZX_ERR_INVALID_ARGS"
            " unaligned=ZX_ERR_INVALID_ARGS unknown_vmo=ZX_ERR_NOT_FOUND");
  EXPECT_EQ(Find("block-check depth").first, "block-check depth 16 failed=0 same=16");
}

TEST_P(BlockStackBoardTest, EachRequestReachesExactlyTheLayersItShould) {
  system_.reset();  // stops the board: each layer records what it saw
  // 6 checked transfers, 4 refusals, 32 in flight: 42 from the client. The partition refuses 2
  // (past its end, too long), the core 1 (unaligned), the card 1 (a VMO it never got).
  EXPECT_EQ(Find("block-client stop").first, "block-client stop queued=42");
  EXPECT_EQ(Find("partition stop").first, "partition stop queued=42 refused=2");
  EXPECT_EQ(Find("block stop").first, "block stop queued=40 refused=0");
  EXPECT_EQ(Find("sdmmc stop").first, "sdmmc stop queued=40 refused=1");
  std::string controller = Find("sdmmc-controller stop").first;
  EXPECT_EQ(controller.substr(0, controller.find(" interrupts=")),
            "sdmmc-controller stop transferred=38");
  EXPECT_NE(controller.find(" canceled=0"), std::string::npos) << controller;
}

#ifdef FDFKIT_BLOCK_STACK_DUAL
INSTANTIATE_TEST_SUITE_P(Variants, BlockStackBoardTest,
                         ::testing::Values("block-stack", "block-stack-dual",
                                           "block-stack-wave", "block-stack-replace"));
#else
INSTANTIATE_TEST_SUITE_P(Variants, BlockStackBoardTest, ::testing::Values("block-stack"));
#endif

}  // namespace
}  // namespace fdfkit::driver
