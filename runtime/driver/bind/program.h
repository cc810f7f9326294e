// Compiled bind rules: the compact form fdf-bindc writes and the driver index loads. Per node (one
// for plain rules; one per `node` block of a composite, the primary first) a short list of
// instructions over keys and values that name entries of the program's symbol table:
//
//   AbortUnless cond      the node does not match unless cond holds
//   JumpUnless cond, T    go to instruction T unless cond holds (T is always ahead)
//   Match / Abort         the verdict
//
// A condition is `key == v`, `key != v`, or `key` in a set (an `accept`). A key the node lacks
// equals nothing and differs from everything. Jumps only go forward, so evaluation ends within
// one pass over the code.
//
// Encoded (little-endian): "FDFBIND\0", u32 version, u32 flags, u32 symbol count, each symbol as u32 length +
// bytes; u32 composite-name symbol (0xffffffff: not a composite); u32 node count, each node as
// u32 name symbol, u8 kind, u32 instruction count, each instruction as u8 op, u8 equal, u32 key
// symbol, u32 value count, values as (u8 type, u32 payload), u32 target. Decode checks every
// field, so a corrupt or hostile file is rejected with the reason, never trusted.
#ifndef FDFKIT_RUNTIME_DRIVER_BIND_PROGRAM_H_
#define FDFKIT_RUNTIME_DRIVER_BIND_PROGRAM_H_

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace fdfkit::bind {

// The type of a key's values, and the alternatives of a property value (same order).
enum class ValueType : uint8_t { kUint = 0, kString = 1, kBool = 2, kEnum = 3 };
const char* ValueTypeName(ValueType type);  // "uint", "string", "bool", "enum"

struct ProgramValue {
  ValueType type = ValueType::kUint;
  uint32_t payload = 0;  // the number, 0/1, or the string's or enum name's symbol
  bool operator==(const ProgramValue&) const = default;
};

enum class Op : uint8_t { kAbortUnless = 0, kJumpUnless = 1, kMatch = 2, kAbort = 3 };

struct Instruction {
  Op op = Op::kMatch;
  bool equal = true;        // == (or in the set) versus !=
  uint32_t key = 0;         // symbol of the key's full name
  std::vector<ProgramValue> values;
  uint32_t target = 0;      // kJumpUnless
  bool operator==(const Instruction&) const = default;
};

enum class NodeKind : uint8_t { kPrimary = 0, kAdditional = 1, kOptional = 2 };

struct ProgramNode {
  uint32_t name = 0;  // symbol; "" for plain rules
  NodeKind kind = NodeKind::kPrimary;
  std::vector<Instruction> code;
  bool operator==(const ProgramNode&) const = default;
};

inline constexpr uint32_t kNoSymbol = 0xffffffff;

// Program flags.
inline constexpr uint32_t kProgramDisableAutobind = 1;  // bound only on an explicit request

struct Program {
  uint32_t flags = 0;
  std::vector<std::string> symbols;
  uint32_t composite = kNoSymbol;  // symbol of the composite's name
  std::vector<ProgramNode> nodes;
  bool is_composite() const { return composite != kNoSymbol; }
  bool disable_autobind() const { return (flags & kProgramDisableAutobind) != 0; }
  const std::string& Symbol(uint32_t index) const { return symbols[index]; }
  // Index of `name` in the symbol table, added if absent (for the compiler).
  uint32_t Intern(const std::string& name);
  bool operator==(const Program&) const = default;
};

inline constexpr uint32_t kProgramVersion = 2;  // 2: the flags word

std::vector<uint8_t> Encode(const Program& program);
// The program, or std::nullopt with the first problem found in `error`.
std::optional<Program> Decode(std::span<const uint8_t> bytes, std::string* error);

// A readable listing ("node \"pdev\" (additional)\n  0: abort unless fuchsia.BIND_PROTOCOL == 20"),
// for `fdf-bindc compile --disassemble` and for tests.
std::string Disassemble(const Program& program);

}  // namespace fdfkit::bind

#endif  // FDFKIT_RUNTIME_DRIVER_BIND_PROGRAM_H_
