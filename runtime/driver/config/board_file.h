// A board description for fdfkit-boot (JSON5 or JSON): the drivers the board ships and the nodes
// its board driver would add under the root, with their properties.
//
//   {
//     name: "example-board",
//     drivers: [ "parent/parent.cml", "child/child.cml" ],     // manifests, relative to this file
//     nodes: [
//       { name: "sys", properties: { "fuchsia.BIND_PROTOCOL": 0x53 },
//         children: [ { name: "gpio", properties: { "fuchsia.BIND_PROTOCOL": 0x54,
//                                                    "fuchsia.example.Mode": { enum: "fuchsia.example.Mode.FAST" } } } ] },
//     ],
//   }
//
// A property key naming a legacy key ("fuchsia.BIND_PROTOCOL", or its number as "0x0001") is
// stored as its integer, as DFv1 boards added them; other keys as strings. Values: a number (uint), a bool, a string, or
// {enum: NAME}. Every field is checked; an unknown one is an error (a typo would silently change
// the board otherwise).
#ifndef FDFKIT_RUNTIME_DRIVER_CONFIG_BOARD_FILE_H_
#define FDFKIT_RUNTIME_DRIVER_CONFIG_BOARD_FILE_H_

#include <optional>
#include <string>
#include <vector>

#include "runtime/driver/bind/properties.h"
#include "runtime/driver/diagnostics.h"

namespace fdfkit::driver {

struct BoardNode {
  std::string name;
  bind::Properties properties;
  std::vector<BoardNode> children;
};

struct Board {
  std::string path;
  std::string name;
  std::vector<std::string> drivers;  // manifest paths, resolved against the board's folder
  std::vector<BoardNode> nodes;      // children of the root node
};

std::optional<Board> ReadBoard(const SourceFile& file, Diagnostics* diagnostics);

// Whether `name` may name a node: letters, digits, '_' and '-' (a node's path joins names with
// '.', as monikers do).
bool IsValidNodeName(std::string_view name);

}  // namespace fdfkit::driver

#endif  // FDFKIT_RUNTIME_DRIVER_CONFIG_BOARD_FILE_H_
