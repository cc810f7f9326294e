// lib/ddk/protodefs.h: an id for every ddk-protocol banjo protocol of the corpus (as the reviewed
// migration mappings name them), no two alike, and Fuchsia's ids where fdfkit uses them.
#include <gtest/gtest.h>
#include <lib/ddk/protodefs.h>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <string>

#include "support/read_file.h"

namespace {

const std::string kSourceDir = FDFKIT_SOURCE_DIR;

// Every `#define ZX_PROTOCOL_<NAME> <decimal>` of the header, as written.
std::map<std::string, unsigned long> DefinedIds() {
  std::optional<std::string> text =
      fdfkit::support::ReadFile(kSourceDir + "/runtime/include/lib/ddk/protodefs.h");
  EXPECT_TRUE(text.has_value());
  std::map<std::string, unsigned long> ids;
  if (!text) return ids;
  static const std::regex kDefine(R"(#define (ZX_PROTOCOL_[A-Z0-9_]+) ([0-9]+)\b)");
  for (std::sregex_iterator it(text->begin(), text->end(), kDefine), end; it != end; ++it) {
    EXPECT_TRUE(ids.emplace((*it)[1].str(), std::stoul((*it)[2].str())).second)
        << (*it)[1].str() << " is defined twice";
  }
  return ids;
}

TEST(ProtodefsTest, EveryDdkProtocolOfTheCorpusHasAnId) {
  std::map<std::string, unsigned long> ids = DefinedIds();
  std::set<std::string> needed;
  size_t mappings = 0;
  for (const auto& entry :
       std::filesystem::directory_iterator(kSourceDir + "/tests/migrate/protocol/golden")) {
    std::string name = entry.path().filename().string();
    if (!name.ends_with(".mapping.json")) continue;
    ++mappings;
    std::optional<std::string> text = fdfkit::support::ReadFile(entry.path().string());
    ASSERT_TRUE(text) << name;
    nlohmann::json mapping = nlohmann::json::parse(*text);
    for (const nlohmann::json& protocol : mapping.at("protocols")) {
      const nlohmann::json& banjo = protocol.at("banjo");
      if (banjo.value("layout", "") == "ddk-protocol") needed.insert(banjo.at("protocol_id"));
    }
  }
  EXPECT_GT(mappings, 20u);
  EXPECT_EQ(needed.size(), 31u);  // the corpus today; a new protocol needs an id here too
  for (const std::string& id : needed) EXPECT_TRUE(ids.count(id)) << id << " has no define";
  // And nothing but those, and the example board's LED protocol.
  for (const auto& [id, value] : ids) {
    EXPECT_TRUE(needed.count(id) || id == "ZX_PROTOCOL_EXAMPLE_LED") << id << " is not in the corpus";
  }
}

TEST(ProtodefsTest, IdsAreDistinctAndFdfkitsOwnStayAbove1000) {
  std::map<std::string, unsigned long> ids = DefinedIds();
  ASSERT_FALSE(ids.empty());
  std::map<unsigned long, std::string> by_value;
  for (const auto& [id, value] : ids) {
    auto [it, inserted] = by_value.emplace(value, id);
    EXPECT_TRUE(inserted) << id << " and " << it->second << " are both " << value;
  }
  // The preprocessor agrees with what was read.
  EXPECT_EQ(ids["ZX_PROTOCOL_MISC"], static_cast<unsigned long>(ZX_PROTOCOL_MISC));
  EXPECT_EQ(ids["ZX_PROTOCOL_EXAMPLE_LED"], static_cast<unsigned long>(ZX_PROTOCOL_EXAMPLE_LED));
  EXPECT_GE(ZX_PROTOCOL_BLOCK_IMPL, 1000);
  EXPECT_GE(ZX_PROTOCOL_WLAN_PHY_IMPL, 1000);
}

TEST(ProtodefsTest, FuchsiasIdsAndTheCorpusBindLibrariesValues) {
  EXPECT_EQ(ZX_PROTOCOL_GPIO, 20);
  EXPECT_EQ(ZX_PROTOCOL_GPIO_IMPL, 21);
  EXPECT_EQ(ZX_PROTOCOL_I2C_IMPL, 25);
  EXPECT_EQ(ZX_PROTOCOL_REGISTERS, 152);
  EXPECT_EQ(ZX_PROTOCOL_PWM, 127);
  // corpus/tree/src/devices/bind and corpus/drivers/bind.
  EXPECT_EQ(ZX_PROTOCOL_I2C, 24);
  EXPECT_EQ(ZX_PROTOCOL_SDMMC, 51);
  EXPECT_EQ(ZX_PROTOCOL_PBUS, 0x53);
  EXPECT_EQ(ZX_PROTOCOL_PDEV, 0x54);
  EXPECT_EQ(ZX_PROTOCOL_EXAMPLE_LED, 200);
}

}  // namespace
