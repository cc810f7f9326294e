// corpus/drivers/pmic-steps, a banjo client, and the two drivers migrate-driver made of it at
// build time (--mode=replace: the driver transport; --mode=dual: the generated dual client), each
// booted with the PMIC on a board of its own: every variant takes the same steps and must write
// the same transcript, and the PMIC must have seen them over the transport the variant was
// migrated to. Then the same for corpus/drivers/pmic-server, a banjo server, and what
// migrate-driver made of it (--mode=dual; --mode=replace of that once its child had moved).
#include <gtest/gtest.h>

#include <string>

#include "tests/runtime/driver/manager/board_fixture.h"

namespace fdfkit::driver {
namespace {

// What the steps read back (domain 1 of the PMIC, as the original wrote them).
constexpr char kSteps[] =
    "pmic-steps steps domain=1 get_status=ZX_OK/DISABLED request_while_disabled=ZX_ERR_BAD_STATE"
    " enable=ZX_OK range=ZX_OK/600000-1300000 request=ZX_OK/900000 write=ZX_OK"
    " read=ZX_OK/0xc0ffee read_missing_domain=ZX_ERR_OUT_OF_RANGE";

class PmicStepsBoard : public BoardTest, public ::testing::WithParamInterface<const char*> {
 protected:
  std::string BoardPath() const override {
    return std::string(DRIVERS_DIR) + "/pmic-steps-" + GetParam() + "-board.json";
  }
};

TEST_P(PmicStepsBoard, TakesTheSameStepsAsTheBanjoOriginal) {
  EXPECT_EQ(Find("pmic-steps steps ").first, kSteps);
  // The PMIC records how each call reached it: on the caller's dispatcher (banjo, a direct call)
  // or its own (the driver transport).
  std::string dispatcher = std::string(GetParam()) == "banjo" ? "caller" : "own";
  EXPECT_EQ(Find("dual-pmic enable domain=1").first,
            "dual-pmic enable domain=1 ZX_OK dispatcher=" + dispatcher);
  // The original's last call, its status ignored, is still made.
  EXPECT_EQ(Find("dual-pmic disable domain=1").first,
            "dual-pmic disable domain=1 ZX_OK dispatcher=" + dispatcher);
}

INSTANTIATE_TEST_SUITE_P(Variants, PmicStepsBoard, ::testing::Values("banjo", "replace", "dual"));

// pmic-server (banjo), its dual variant (still serving its banjo child) and its replace variant
// (serving pmic-steps-replace over the driver transport) answer the same steps.
class PmicServerBoard : public BoardTest, public ::testing::WithParamInterface<const char*> {
 protected:
  std::string BoardPath() const override {
    return std::string(DRIVERS_DIR) + "/pmic-server-" + GetParam() + "-board.json";
  }
};

TEST_P(PmicServerBoard, AnswersTheSameStepsAsTheBanjoOriginal) {
  EXPECT_EQ(Find("pmic-steps steps ").first, kSteps);
  std::string dispatcher = std::string(GetParam()) == "replace" ? "own" : "caller";
  EXPECT_EQ(Find("pmic-server enable domain=1").first,
            "pmic-server enable domain=1 ZX_OK dispatcher=" + dispatcher);
  EXPECT_EQ(Find("pmic-server read_reg domain=9").first,
            "pmic-server read_reg domain=9 addr=0x4 ZX_ERR_OUT_OF_RANGE dispatcher=" + dispatcher);
  EXPECT_EQ(Find("pmic-server disable domain=1").first,
            "pmic-server disable domain=1 ZX_OK dispatcher=" + dispatcher);
}

INSTANTIATE_TEST_SUITE_P(Variants, PmicServerBoard, ::testing::Values("banjo", "dual", "replace"));

}  // namespace
}  // namespace fdfkit::driver
