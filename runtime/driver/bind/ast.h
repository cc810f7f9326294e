// What the parser reads, before names are resolved: a rules file (usings, then either statements
// or a composite's nodes) and a bind library file (its keys and the values it declares or adds to
// other libraries' keys). Offsets point into the SourceFile for diagnostics.
#ifndef FDFKIT_RUNTIME_DRIVER_BIND_AST_H_
#define FDFKIT_RUNTIME_DRIVER_BIND_AST_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "runtime/driver/bind/program.h"

namespace fdfkit::bind::ast {

using bind::ValueType;

struct Name {
  std::string text;  // "fuchsia.gpio.FUNCTION"
  size_t offset = 0;
};

// A literal or a name standing for a declared value.
struct Value {
  enum class Kind { kIdentifier, kString, kNumber, kBool };
  Kind kind = Kind::kIdentifier;
  std::string text;     // identifier, or the string without quotes
  uint32_t number = 0;  // kNumber
  bool boolean = false; // kBool
  size_t offset = 0;
};

struct Using {
  Name library;
  std::optional<Name> alias;
  size_t offset = 0;
};

struct Block;

struct Condition {
  Name key;
  bool equal = true;  // == or !=
  Value value;
};

// One statement of a block.
struct Statement {
  enum class Kind { kCondition, kAccept, kIf, kTrue, kFalse };
  Kind kind = Kind::kCondition;
  size_t offset = 0;
  Condition condition;         // kCondition
  Name accept_key;             // kAccept
  std::vector<Value> accepted; // kAccept
  // kIf: `if c0 {b0} else if c1 {b1} ... else {else_block}`; else_block null when absent.
  std::vector<std::pair<Condition, std::unique_ptr<Block>>> branches;
  std::unique_ptr<Block> else_block;
};

struct Block {
  std::vector<Statement> statements;
  size_t offset = 0;  // the '{' (or the file start for top-level rules)
};

struct Node {
  enum class Kind { kPrimary, kAdditional, kOptional };
  Kind kind = Kind::kAdditional;
  Name name;  // the string's contents; offset at the string
  Block block;
  size_t offset = 0;
};

struct RulesFile {
  std::vector<Using> usings;
  std::optional<Name> composite;  // `composite NAME;`
  Block top;                      // a non-composite file's statements
  std::vector<Node> nodes;        // a composite's nodes, in file order
};

// A library declaration: `[extend] TYPE KEY [{ VALUE [= literal], ... }];`
struct KeyDeclaration {
  ValueType type = ValueType::kUint;
  bool extend = false;
  Name key;  // local name, or the extended key's full name
  struct Entry {
    Name name;
    std::optional<Value> literal;
  };
  std::vector<Entry> values;
  size_t offset = 0;
};

struct LibraryFile {
  Name name;
  std::vector<Using> usings;
  std::vector<KeyDeclaration> declarations;
};

}  // namespace fdfkit::bind::ast

#endif  // FDFKIT_RUNTIME_DRIVER_BIND_AST_H_
