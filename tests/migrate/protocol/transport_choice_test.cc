// One transport decision for migrate-plan and migrate-protocol: the user's rules, then the
// inventory, then the default rules (Fuchsia's choices), then defaults.transport.
#include "migrate/protocol/transport_choice.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace {

using fdfkit::protocol::ChooseTransport;
using fdfkit::protocol::InventoryTransports;
using fdfkit::protocol::Transport;

fdfkit::protocol::Rules Load(const std::string& patch) {
  fdfkit::protocol::RulesProblem problem;
  auto rules = fdfkit::protocol::LoadRules(patch, patch.empty() ? "" : "mine.json", &problem);
  EXPECT_TRUE(rules) << problem.Text();
  return rules ? *rules : fdfkit::protocol::Rules{};
}

TEST(TransportChoice, DefaultRulesCarryFuchsiasChoices) {
  auto rules = Load("");
  auto gpio = ChooseTransport("fuchsia.hardware.gpio", "Gpio", rules, {});
  EXPECT_EQ(gpio.transport, Transport::kChannel);
  EXPECT_EQ(gpio.source, "rules");
  EXPECT_EQ(gpio.where,
            "rules/migrate-protocol.json: $.libraries[\"fuchsia.hardware.gpio\"].transport");
  EXPECT_NE(gpio.why.find("consumer-facing"), std::string::npos);
  auto gpioimpl = ChooseTransport("fuchsia.hardware.gpioimpl", "GpioImpl", rules, {});
  EXPECT_EQ(gpioimpl.transport, Transport::kDriver);
  EXPECT_EQ(gpioimpl.source, "defaults");
  EXPECT_EQ(gpioimpl.where, "rules/migrate-protocol.json: $.defaults.transport");
  EXPECT_EQ(ChooseTransport("fuchsia.hardware.power", "Power", rules, {}).transport,
            Transport::kChannel);
}

TEST(TransportChoice, TheInventoryWinsOverTheDefaultRules) {
  InventoryTransports inventory = {
      {"fuchsia.hardware.gpio", {Transport::kDriver, "inv.json: $.protocols[1].transport"}},
      {"fuchsia.hardware.clockimpl", {Transport::kChannel, "inv.json: $.protocols[4].transport"}}};
  auto rules = Load("");
  auto gpio = ChooseTransport("fuchsia.hardware.gpio", "Gpio", rules, inventory);
  EXPECT_EQ(gpio.transport, Transport::kDriver);
  EXPECT_EQ(gpio.source, "inventory");
  EXPECT_EQ(gpio.where, "inv.json: $.protocols[1].transport");
  EXPECT_EQ(ChooseTransport("fuchsia.hardware.clockimpl", "ClockImpl", rules, inventory).transport,
            Transport::kChannel);
}

TEST(TransportChoice, TheUsersOwnRulesWinOverTheInventory) {
  InventoryTransports inventory = {
      {"fuchsia.hardware.gpio", {Transport::kDriver, "inv.json: $.protocols[1].transport"}}};
  auto by_protocol = Load(R"({"protocols": {"fuchsia.hardware.gpio/Gpio": {"transport": "channel"}}})");
  auto choice = ChooseTransport("fuchsia.hardware.gpio", "Gpio", by_protocol, inventory);
  EXPECT_EQ(choice.transport, Transport::kChannel);
  EXPECT_EQ(choice.where, "mine.json: $.protocols[\"fuchsia.hardware.gpio/Gpio\"].transport");
  auto by_library = Load(R"({"libraries": {"fuchsia.hardware.gpio": {"transport": "channel"}}})");
  EXPECT_EQ(ChooseTransport("fuchsia.hardware.gpio", "Gpio", by_library, inventory).where,
            "mine.json: $.libraries[\"fuchsia.hardware.gpio\"].transport");
}

TEST(TransportChoice, ACommandLineDefaultSaysSo) {
  auto rules = Load("");
  rules.transport = Transport::kChannel;
  rules.flags["$.defaults.transport"] = "--transport";
  auto choice = ChooseTransport("example.any", "P", rules, {});
  EXPECT_EQ(choice.transport, Transport::kChannel);
  EXPECT_EQ(choice.where, "command line: --transport");
}

}  // namespace

namespace {

// The corpus inventory (what migrate-plan plans the corpus boards with) and migrate-protocol's
// default rules make the same choice for every corpus library the inventory lists: with or
// without `--inventory`, the clones agree with the plan.
TEST(TransportChoice, TheCorpusInventoryAndTheDefaultRulesAgree) {
  auto rules = Load("");
  std::ifstream in(std::string(FDFKIT_SOURCE_DIR) + "/corpus/inventories/amlogic.json");
  nlohmann::json inventory = nlohmann::json::parse(in);
  size_t compared = 0;
  for (const auto& p : inventory["protocols"]) {
    std::string library = p["id"];
    if (!std::filesystem::exists(std::string(FDFKIT_SOURCE_DIR) + "/corpus/protocols/" + library)) {
      continue;
    }
    Transport expected = p["transport"] == "channel" ? Transport::kChannel : Transport::kDriver;
    EXPECT_EQ(ChooseTransport(library, "Any", rules, {}).transport, expected) << library;
    ++compared;
  }
  EXPECT_GE(compared, 10u);
}

}  // namespace
