// Matching node properties against compiled rules: the semantics of each condition, legacy integer
// keys, value types, and programs sharing one symbol table as in the driver index.
#include <gtest/gtest.h>

#include "runtime/driver/bind/matcher.h"
#include "tests/runtime/driver/bind/bind_test_support.h"

namespace fdfkit::bind::testing {
namespace {

constexpr uint32_t kBindProtocol = 0x0001;

class Rules {
 public:
  Rules(const std::string& text, SymbolTable* symbols) : symbols_(symbols) {
    Compilation c(text, {kExampleLibrary});
    EXPECT_TRUE(c.compiled) << c.diagnostics.Summary();
    if (c.compiled) loaded_.emplace(c.compiled->program, symbols);
  }
  bool Matches(const Properties& properties, size_t node = 0) const {
    return loaded_ && loaded_->Matches(node, PropertySet(properties, *symbols_));
  }
  const LoadedProgram& loaded() const { return *loaded_; }

 private:
  SymbolTable* symbols_;
  std::optional<LoadedProgram> loaded_;
};

TEST(BindMatcher, EqualNeedsTheKeyAndNotEqualHoldsWithoutIt) {
  SymbolTable symbols;
  Rules equal("fuchsia.BIND_PROTOCOL == 10;", &symbols);
  Rules not_equal("fuchsia.BIND_PROTOCOL != 10;", &symbols);
  EXPECT_TRUE(equal.Matches({{kBindProtocol, 10u}}));
  EXPECT_FALSE(equal.Matches({{kBindProtocol, 11u}}));
  EXPECT_FALSE(equal.Matches({}));
  EXPECT_FALSE(not_equal.Matches({{kBindProtocol, 10u}}));
  EXPECT_TRUE(not_equal.Matches({{kBindProtocol, 11u}}));
  EXPECT_TRUE(not_equal.Matches({}));
}

TEST(BindMatcher, ALegacyKeyMatchesByIntegerOrByName) {
  SymbolTable symbols;
  Rules rules("fuchsia.BIND_PROTOCOL == 10;", &symbols);
  EXPECT_TRUE(rules.Matches({{kBindProtocol, 10u}}));
  EXPECT_TRUE(rules.Matches({{std::string("fuchsia.BIND_PROTOCOL"), 10u}}));
  EXPECT_FALSE(rules.Matches({{0x0002u, 10u}}));  // BIND_AUTOBIND
}

TEST(BindMatcher, ValuesOfAnotherTypeNeverEqual) {
  SymbolTable symbols;
  Rules uint_rule("fuchsia.BIND_PROTOCOL == 1;", &symbols);
  Rules enum_rule("using fuchsia.example;\nfuchsia.example.Mode == fuchsia.example.Mode.FAST;",
                  &symbols);
  Rules bool_rule("using fuchsia.example;\nfuchsia.example.FLAG == true;", &symbols);
  EXPECT_FALSE(uint_rule.Matches({{kBindProtocol, true}}));
  EXPECT_FALSE(uint_rule.Matches({{kBindProtocol, std::string("1")}}));
  std::string mode = "fuchsia.example.Mode";
  EXPECT_TRUE(enum_rule.Matches({{mode, EnumValue{"fuchsia.example.Mode.FAST"}}}));
  EXPECT_FALSE(enum_rule.Matches({{mode, std::string("fuchsia.example.Mode.FAST")}}));
  EXPECT_FALSE(enum_rule.Matches({{mode, EnumValue{"fuchsia.example.Mode.SLOW"}}}));
  EXPECT_TRUE(bool_rule.Matches({{std::string("fuchsia.example.FLAG"), true}}));
  EXPECT_FALSE(bool_rule.Matches({{std::string("fuchsia.example.FLAG"), 1u}}));
}

TEST(BindMatcher, StringsNoProgramMentionsEqualNothing) {
  SymbolTable symbols;
  Rules equal("using fuchsia.example;\nfuchsia.example.NAME == \"first\";", &symbols);
  Rules differ("using fuchsia.example;\nfuchsia.example.NAME != \"first\";", &symbols);
  std::string key = "fuchsia.example.NAME";
  EXPECT_TRUE(equal.Matches({{key, std::string("first")}}));
  EXPECT_FALSE(equal.Matches({{key, std::string("never-mentioned")}}));
  EXPECT_TRUE(differ.Matches({{key, std::string("never-mentioned")}}));
}

TEST(BindMatcher, AcceptMatchesAnyListedValue) {
  SymbolTable symbols;
  // Fuchsia's grammar ends an accept with its '}'; a ';' after it is accepted too.
  for (const char* text : {"accept fuchsia.BIND_PROTOCOL { 1, 5, 9 }",
                           "accept fuchsia.BIND_PROTOCOL { 1, 5, 9 };"}) {
    Rules rules(text, &symbols);
    for (uint32_t value : {1u, 5u, 9u}) EXPECT_TRUE(rules.Matches({{kBindProtocol, value}}));
    EXPECT_FALSE(rules.Matches({{kBindProtocol, 2u}}));
    EXPECT_FALSE(rules.Matches({}));
  }
}

TEST(BindMatcher, ANodeCarryingAKeyTwiceMatchesIfAnyEntryDoes) {
  SymbolTable symbols;
  Rules equal("fuchsia.BIND_PROTOCOL == 10;", &symbols);
  Rules differ("fuchsia.BIND_PROTOCOL != 10;", &symbols);
  Properties twice = {{kBindProtocol, 3u}, {std::string("fuchsia.BIND_PROTOCOL"), 10u}};
  EXPECT_TRUE(equal.Matches(twice));
  EXPECT_FALSE(differ.Matches(twice));
}

TEST(BindMatcher, IfElseTakesTheFirstBranchWhoseConditionHolds) {
  SymbolTable symbols;
  Rules rules(R"(using fuchsia.example;
if fuchsia.example.NAME == fuchsia.example.NAME.FIRST {
  true;
} else if fuchsia.BIND_PROTOCOL == 10 {
  fuchsia.example.FLAG == true;
} else {
  false;
}
)", &symbols);
  std::string name = "fuchsia.example.NAME", flag = "fuchsia.example.FLAG";
  EXPECT_TRUE(rules.Matches({{name, std::string("first")}}));
  EXPECT_TRUE(rules.Matches({{kBindProtocol, 10u}, {flag, true}}));
  EXPECT_FALSE(rules.Matches({{kBindProtocol, 10u}, {flag, false}}));
  EXPECT_FALSE(rules.Matches({{kBindProtocol, 11u}, {flag, true}}));
}

TEST(BindMatcher, EachCompositeNodeHasItsOwnRules) {
  SymbolTable symbols;
  Rules rules(R"(composite pair;
node "gpio" {
  fuchsia.BIND_GPIO_PIN == 4;
}
primary node "pdev" {
  fuchsia.BIND_PROTOCOL == 10;
}
)", &symbols);
  const LoadedProgram& loaded = rules.loaded();
  ASSERT_EQ(loaded.node_count(), 2u);
  EXPECT_TRUE(loaded.is_composite());
  EXPECT_EQ(loaded.composite_name(), "pair");
  EXPECT_EQ(loaded.node_name(0), "pdev");
  EXPECT_EQ(loaded.node_kind(0), NodeKind::kPrimary);
  EXPECT_EQ(loaded.node_name(1), "gpio");
  Properties pdev = {{kBindProtocol, 10u}};
  Properties gpio = {{0x0A10u, 4u}};
  EXPECT_TRUE(rules.Matches(pdev, 0));
  EXPECT_FALSE(rules.Matches(gpio, 0));
  EXPECT_TRUE(rules.Matches(gpio, 1));
  EXPECT_FALSE(rules.Matches(pdev, 1));
}

TEST(BindMatcher, PropertyNamesAndValuesPrintAsListingsShowThem) {
  EXPECT_EQ(KeyName(PropertyKey{kBindProtocol}), "fuchsia.BIND_PROTOCOL");
  EXPECT_EQ(KeyName(PropertyKey{0x7777u}), "fuchsia.BIND_0x7777");
  EXPECT_EQ(ValueText(PropertyValue{EnumValue{"a.B.C"}}), "a.B.C");
  EXPECT_EQ(ValueText(PropertyValue{std::string("x")}), "\"x\"");
  EXPECT_EQ(ValueText(PropertyValue{false}), "false");
  EXPECT_EQ(ValueText(PropertyValue{7u}), "7");
}

}  // namespace
}  // namespace fdfkit::bind::testing
