// Board files: the node tree with typed properties, driver paths, and strict checking.
#include <gtest/gtest.h>

#include "runtime/driver/config/board_file.h"

namespace fdfkit::driver {
namespace {

TEST(BoardFile, ReadsDriversAndTheNodeTreeWithTypedProperties) {
  SourceFile file("/boards/example/board.json", R"({
  // JSON5 is fine too.
  name: "example",
  drivers: [ "../../drivers/parent/parent.cml", "/abs/child.cml" ],
  nodes: [
    { name: "sys", properties: { "fuchsia.BIND_PROTOCOL": 0x53 },
      children: [
        { name: "gpio-0",
          properties: { "fuchsia.BIND_PROTOCOL": 84, "0x0A10": 3, "fuchsia.example.NAME": "first",
                        "fuchsia.example.FLAG": true,
                        "fuchsia.example.Mode": { enum: "fuchsia.example.Mode.FAST" } } },
      ] },
    { name: "empty" },
  ],
})");
  Diagnostics diagnostics;
  std::optional<Board> board = ReadBoard(file, &diagnostics);
  ASSERT_TRUE(board) << diagnostics.Summary();
  EXPECT_EQ(board->name, "example");
  EXPECT_EQ(board->drivers, (std::vector<std::string>{"/drivers/parent/parent.cml", "/abs/child.cml"}));
  ASSERT_EQ(board->nodes.size(), 2u);
  EXPECT_EQ(board->nodes[0].properties, (bind::Properties{{1u, 0x53u}}));
  ASSERT_EQ(board->nodes[0].children.size(), 1u);
  const BoardNode& gpio = board->nodes[0].children[0];
  EXPECT_EQ(gpio.name, "gpio-0");
  // In the file's key order as nlohmann keeps objects: sorted.
  EXPECT_EQ(gpio.properties,
            (bind::Properties{{0x0A10u, 3u},
                              {1u, 84u},
                              {std::string("fuchsia.example.FLAG"), true},
                              {std::string("fuchsia.example.Mode"), bind::EnumValue{"fuchsia.example.Mode.FAST"}},
                              {std::string("fuchsia.example.NAME"), std::string("first")}}));
  EXPECT_TRUE(board->nodes[1].properties.empty());
}

TEST(BoardFile, UnknownFieldsAndBadValuesAreErrorsEverywhere) {
  SourceFile file("board.json", R"({
  "name": "b",
  "drivrs": [],
  "nodes": [ { "name": "a b", "properties": { "k": [1] } }, { "name": "ok", "children": {} } ]
})");
  Diagnostics diagnostics;
  EXPECT_FALSE(ReadBoard(file, &diagnostics));
  EXPECT_EQ(diagnostics.Summary(),
            "board.json:3:13: error: [FDFDRV005] unknown field 'drivrs' in the board file\n"
            "board.json:4:24: error: [FDFDRV020] node name \"a b\" may hold only letters, digits, "
            "'_' and '-'\n"
            "board.json:4:52: error: [FDFDRV022] property 'k' must be a uint, a bool, a string or "
            "an object {\"enum\": NAME}; found [1]\n"
            "board.json:4:89: error: [FDFDRV003] 'children' must be a list of nodes\n");
}

TEST(BoardFile, NodeNamesAreCheckedAsTheManagerUsesThem) {
  EXPECT_TRUE(IsValidNodeName("pdev-gpio_0"));
  EXPECT_FALSE(IsValidNodeName(""));
  EXPECT_FALSE(IsValidNodeName("a.b"));
  EXPECT_FALSE(IsValidNodeName("a/b"));
}

}  // namespace
}  // namespace fdfkit::driver
