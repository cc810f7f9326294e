// The manager's refusals and lifecycle corners, on the probe board (tests/runtime/driver/probe):
// offers of undeclared services, the router's checks (a manifest's `use`, the host boundary for
// driver-transport tokens), several instances of one composite, a driver that drops its node, a
// stop that never completes, and a rebind racing a removal.
#include <gtest/gtest.h>

#include <algorithm>

#include "tests/runtime/driver/manager/board_fixture.h"

namespace fdfkit::driver {
namespace {

class ProbeBoardTest : public BoardTest {
 protected:
  std::string BoardPath() const override { return PROBE_BOARD; }
};

TEST_F(ProbeBoardTest, AParentMayOfferOnlyWhatItsManifestDeclares) {
  EXPECT_EQ(Find("parent bad-offer").first, "parent bad-offer ZX_ERR_NOT_FOUND");
  EXPECT_FALSE(Ask<bool>([](Manager& m) { return m.FindNode("root.parent.bad-offer") != nullptr; }));
}

TEST_F(ProbeBoardTest, TheRouterEnforcesUseAndKeepsDriverTransportInsideAHost) {
  // A channel service crosses hosts; a driver-transport token, opened past Connect's own check,
  // is refused by the manager's router.
  EXPECT_EQ(Find("remote echo").first, "remote echo ZX_OK");
  EXPECT_EQ(Find("remote token").first, "remote token ZX_ERR_PEER_CLOSED");
  // Offered, but not in the driver's manifest `use`: not found.
  EXPECT_EQ(Find("bad-use echo").first, "bad-use echo ZX_ERR_NOT_FOUND");
}

TEST_F(ProbeBoardTest, EachSetOfParentsAssemblesItsOwnComposite) {
  std::string devices = Ask<std::string>([](Manager& m) { return m.ListDevices(true); });
  EXPECT_NE(devices.find("Moniker  : root.parent.pa-1.pair\nParents  : root.parent.pa-1 root.parent.pb-1\n"),
            std::string::npos)
      << devices;
  EXPECT_NE(devices.find("Moniker  : root.parent.pa-2.pair\nParents  : root.parent.pa-2 root.parent.pb-2\n"),
            std::string::npos);
  EXPECT_EQ(Find("pair start").first, "pair start");
}

TEST_F(ProbeBoardTest, NodeControllerRemoveOverFidlRemovesTheChild) {
  EXPECT_EQ(Find("parent remove gone").first, "parent remove gone ZX_OK");
  ASSERT_TRUE(WaitForManager([](Manager& m) {
    return m.FindNode("root.parent.gone") == nullptr;
  }));
}

TEST_F(ProbeBoardTest, ACompositeNodeSpecAssemblesItsCompositeFromItsParents) {
  EXPECT_EQ(Find("parent spec spec-pair").first, "parent spec spec-pair ZX_OK");
  std::vector<std::string> events = Events();
  EXPECT_NE(std::find(events.begin(), events.end(),
                      "parent spec spec-pair error 3 pid=" + Find("parent start").second),
            events.end());  // ALREADY_EXISTS
  EXPECT_EQ(Find("parent spec spec-none").first, "parent spec spec-none error 4");  // NO_DRIVER
  std::string devices = Ask<std::string>([](Manager& m) { return m.ListDevices(true); });
  EXPECT_NE(devices.find("Moniker  : root.parent.spec-a.spec-pair\nParents  : root.parent.spec-a "
                         "root.parent.spec-b\nDriver   : fuchsia-boot:///probe-spec#meta/probe-spec.cm"),
            std::string::npos)
      << devices;
  // Started as the composite's driver, in its primary parent's creator's host.
  EXPECT_EQ(Find("spec-pair start").second, Find("parent start").second);
}

TEST_F(ProbeBoardTest, ADriverThatDropsItsNodeLosesIt) {
  ASSERT_TRUE(WaitForManager([](Manager& m) {
    return m.FindNode("root.parent.dropper") == nullptr;
  }));
  ASSERT_TRUE(system_->WaitUntilSettled());
  EXPECT_LT(IndexOf("dropper drop_node"), IndexOf("dropper prepare_stop"));
  EXPECT_EQ(Find("dropper stop").first, "dropper stop");
  EXPECT_EQ(Find("parent stop").first, "");
}

TEST_F(ProbeBoardTest, AStopThatNeverCompletesEndsItsHostAfterTheTimeout) {
  bool removed = false;
  system_->WithManager([&](Manager& m) {
    m.set_stop_timeout(zx::msec(200));
    m.RemoveNode(m.FindNode("root.parent.hang"), [&] { removed = true; });
  });
  ASSERT_TRUE(system_->WaitUntilSettled());
  EXPECT_TRUE(Ask<bool>([&](Manager&) { return removed; }));
  EXPECT_EQ(Find("hang prepare_stop").first, "hang prepare_stop");
  EXPECT_EQ(Find("hang stop").first, "");  // its host was ended, not the driver stopped
  EXPECT_EQ(Find("parent stop").first, "");
  EXPECT_EQ(Ask<uint64_t>([](Manager& m) { return m.HostOf("root.parent.remote"); }) != 0, true);
}

TEST_F(ProbeBoardTest, ARebindRacingARemovalCompletesBoth) {
  zx_status_t rebind = ZX_ERR_INTERNAL;
  bool replied = false, removed = false;
  system_->WithManager([&](Manager& m) {
    Node* node = m.FindNode("root.parent.remote");
    m.RequestBind(node, true, "", [&](zx_status_t status) {
      rebind = status;
      replied = true;
    });
    m.RemoveNode(node, [&] { removed = true; });
  });
  ASSERT_TRUE(system_->WaitUntilSettled());
  EXPECT_TRUE(Ask<bool>([&](Manager&) { return replied && removed; }));
  EXPECT_EQ(rebind, ZX_ERR_BAD_STATE);  // the node was going away: not bound again
  EXPECT_FALSE(Ask<bool>([](Manager& m) { return m.FindNode("root.parent.remote") != nullptr; }));
}

}  // namespace
}  // namespace fdfkit::driver
