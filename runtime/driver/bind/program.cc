#include "runtime/driver/bind/program.h"

#include <cstring>

namespace fdfkit::bind {
namespace {

constexpr char kMagic[8] = {'F', 'D', 'F', 'B', 'I', 'N', 'D', '\0'};

class Writer {
 public:
  void U8(uint8_t value) { bytes_.push_back(value); }
  void U32(uint32_t value) {
    for (int i = 0; i < 4; ++i) bytes_.push_back(static_cast<uint8_t>(value >> (8 * i)));
  }
  void Bytes(const void* data, size_t size) {
    const auto* begin = static_cast<const uint8_t*>(data);
    bytes_.insert(bytes_.end(), begin, begin + size);
  }
  std::vector<uint8_t> Take() { return std::move(bytes_); }

 private:
  std::vector<uint8_t> bytes_;
};

class Reader {
 public:
  explicit Reader(std::span<const uint8_t> bytes) : bytes_(bytes) {}
  bool U8(uint8_t* value) {
    if (at_ + 1 > bytes_.size()) return false;
    *value = bytes_[at_++];
    return true;
  }
  bool U32(uint32_t* value) {
    if (at_ + 4 > bytes_.size()) return false;
    *value = 0;
    for (int i = 0; i < 4; ++i) *value |= static_cast<uint32_t>(bytes_[at_++]) << (8 * i);
    return true;
  }
  bool Bytes(size_t size, std::string* out) {
    if (size > bytes_.size() - at_) return false;
    out->assign(reinterpret_cast<const char*>(bytes_.data() + at_), size);
    at_ += size;
    return true;
  }
  size_t remaining() const { return bytes_.size() - at_; }
  size_t offset() const { return at_; }

 private:
  std::span<const uint8_t> bytes_;
  size_t at_ = 0;
};

// Each encoded element takes at least this many bytes, so a count larger than the bytes left
// divided by it is corrupt: checked before reserving, so a hostile count cannot allocate much.
constexpr size_t kMinSymbolBytes = 4, kMinNodeBytes = 9, kMinInstructionBytes = 14,
                 kValueBytes = 5;

}  // namespace

const char* ValueTypeName(ValueType type) {
  switch (type) {
    case ValueType::kUint: return "uint";
    case ValueType::kString: return "string";
    case ValueType::kBool: return "bool";
    case ValueType::kEnum: return "enum";
  }
  return "?";
}

uint32_t Program::Intern(const std::string& name) {
  for (uint32_t i = 0; i < symbols.size(); ++i) {
    if (symbols[i] == name) return i;
  }
  symbols.push_back(name);
  return static_cast<uint32_t>(symbols.size() - 1);
}

std::vector<uint8_t> Encode(const Program& program) {
  Writer out;
  out.Bytes(kMagic, sizeof kMagic);
  out.U32(kProgramVersion);
  out.U32(program.flags);
  out.U32(static_cast<uint32_t>(program.symbols.size()));
  for (const std::string& symbol : program.symbols) {
    out.U32(static_cast<uint32_t>(symbol.size()));
    out.Bytes(symbol.data(), symbol.size());
  }
  out.U32(program.composite);
  out.U32(static_cast<uint32_t>(program.nodes.size()));
  for (const ProgramNode& node : program.nodes) {
    out.U32(node.name);
    out.U8(static_cast<uint8_t>(node.kind));
    out.U32(static_cast<uint32_t>(node.code.size()));
    for (const Instruction& instruction : node.code) {
      out.U8(static_cast<uint8_t>(instruction.op));
      out.U8(instruction.equal ? 1 : 0);
      out.U32(instruction.key);
      out.U32(static_cast<uint32_t>(instruction.values.size()));
      for (const ProgramValue& value : instruction.values) {
        out.U8(static_cast<uint8_t>(value.type));
        out.U32(value.payload);
      }
      out.U32(instruction.target);
    }
  }
  return out.Take();
}

std::optional<Program> Decode(std::span<const uint8_t> bytes, std::string* error) {
  Reader in(bytes);
  Program program;
  auto fail = [&](const std::string& why) {
    *error = why + " (at byte " + std::to_string(in.offset()) + ")";
    return std::nullopt;
  };
  std::string magic;
  if (!in.Bytes(sizeof kMagic, &magic) || std::memcmp(magic.data(), kMagic, sizeof kMagic) != 0) {
    *error = "it does not start with the FDFBIND signature";
    return std::nullopt;
  }
  uint32_t version = 0, count = 0;
  if (!in.U32(&version)) return fail("truncated header");
  if (version != kProgramVersion) {
    return fail("version " + std::to_string(version) + ", this reader knows version " +
                std::to_string(kProgramVersion));
  }
  if (!in.U32(&program.flags)) return fail("truncated header");
  if ((program.flags & ~kProgramDisableAutobind) != 0) return fail("unknown flags");
  if (!in.U32(&count) || count > in.remaining() / kMinSymbolBytes) return fail("bad symbol count");
  program.symbols.resize(count);
  for (std::string& symbol : program.symbols) {
    uint32_t size = 0;
    if (!in.U32(&size) || !in.Bytes(size, &symbol)) return fail("truncated symbol");
  }
  auto symbol_ok = [&](uint32_t index) { return index < program.symbols.size(); };
  if (!in.U32(&program.composite)) return fail("truncated header");
  if (program.composite != kNoSymbol && !symbol_ok(program.composite)) {
    return fail("composite name is not a symbol");
  }
  if (!in.U32(&count) || count == 0 || count > in.remaining() / kMinNodeBytes) {
    return fail("bad node count");
  }
  if (program.composite == kNoSymbol && count != 1) return fail("plain rules with several nodes");
  program.nodes.resize(count);
  int primaries = 0;
  for (ProgramNode& node : program.nodes) {
    uint8_t kind = 0;
    uint32_t instructions = 0;
    if (!in.U32(&node.name) || !in.U8(&kind) || !in.U32(&instructions)) {
      return fail("truncated node");
    }
    if (!symbol_ok(node.name)) return fail("node name is not a symbol");
    if (kind > static_cast<uint8_t>(NodeKind::kOptional)) return fail("bad node kind");
    node.kind = static_cast<NodeKind>(kind);
    primaries += node.kind == NodeKind::kPrimary;
    if (instructions == 0 || instructions > in.remaining() / kMinInstructionBytes) {
      return fail("bad instruction count");
    }
    node.code.resize(instructions);
    for (uint32_t pc = 0; pc < instructions; ++pc) {
      Instruction& instruction = node.code[pc];
      uint8_t op = 0, equal = 0;
      uint32_t values = 0;
      if (!in.U8(&op) || !in.U8(&equal) || !in.U32(&instruction.key) || !in.U32(&values)) {
        return fail("truncated instruction");
      }
      if (op > static_cast<uint8_t>(Op::kAbort) || equal > 1) return fail("bad instruction");
      instruction.op = static_cast<Op>(op);
      instruction.equal = equal == 1;
      bool conditional = instruction.op == Op::kAbortUnless || instruction.op == Op::kJumpUnless;
      if (conditional && (!symbol_ok(instruction.key) || values == 0)) {
        return fail("condition without a key or values");
      }
      if (!instruction.equal && values != 1) return fail("'!=' with several values");
      if (values > in.remaining() / kValueBytes) return fail("bad value count");
      instruction.values.resize(values);
      for (ProgramValue& value : instruction.values) {
        uint8_t type = 0;
        if (!in.U8(&type) || !in.U32(&value.payload)) return fail("truncated value");
        if (type > static_cast<uint8_t>(ValueType::kEnum)) return fail("bad value type");
        value.type = static_cast<ValueType>(type);
        bool is_symbol = value.type == ValueType::kString || value.type == ValueType::kEnum;
        if (is_symbol && !symbol_ok(value.payload)) return fail("value is not a symbol");
        if (value.type == ValueType::kBool && value.payload > 1) return fail("bad bool");
      }
      if (!in.U32(&instruction.target)) return fail("truncated instruction");
      if (instruction.op == Op::kJumpUnless &&
          (instruction.target <= pc || instruction.target >= instructions)) {
        return fail("jump that does not go forward within the node");
      }
    }
    Op last = node.code.back().op;
    if (last != Op::kMatch && last != Op::kAbort) return fail("node code does not end in a verdict");
  }
  if (program.composite != kNoSymbol &&
      (primaries != 1 || program.nodes.front().kind != NodeKind::kPrimary)) {
    return fail("a composite needs exactly one primary node, first");
  }
  if (in.remaining() != 0) return fail("trailing bytes");
  return program;
}

std::string Disassemble(const Program& program) {
  std::string out;
  if (program.disable_autobind()) out += "disable_autobind\n";
  if (program.is_composite()) out += "composite " + program.Symbol(program.composite) + "\n";
  auto value_text = [&](const ProgramValue& value) -> std::string {
    switch (value.type) {
      case ValueType::kUint: return std::to_string(value.payload);
      case ValueType::kBool: return value.payload ? "true" : "false";
      case ValueType::kString: return "\"" + program.Symbol(value.payload) + "\"";
      case ValueType::kEnum: return program.Symbol(value.payload);
    }
    return "?";
  };
  static const char* const kKinds[] = {"primary", "additional", "optional"};
  for (const ProgramNode& node : program.nodes) {
    out += "node \"" + program.Symbol(node.name) + "\" (" +
           kKinds[static_cast<int>(node.kind)] + ")\n";
    for (size_t pc = 0; pc < node.code.size(); ++pc) {
      const Instruction& instruction = node.code[pc];
      out += "  " + std::to_string(pc) + ": ";
      if (instruction.op == Op::kMatch) {
        out += "match\n";
        continue;
      }
      if (instruction.op == Op::kAbort) {
        out += "abort\n";
        continue;
      }
      out += instruction.op == Op::kAbortUnless ? "abort unless " : "jump unless ";
      out += program.Symbol(instruction.key);
      if (instruction.values.size() == 1) {
        out += instruction.equal ? " == " : " != ";
        out += value_text(instruction.values[0]);
      } else {
        out += " in {";
        for (size_t i = 0; i < instruction.values.size(); ++i) {
          out += (i ? ", " : "") + value_text(instruction.values[i]);
        }
        out += "}";
      }
      if (instruction.op == Op::kJumpUnless) out += " to " + std::to_string(instruction.target);
      out += "\n";
    }
  }
  return out;
}

}  // namespace fdfkit::bind
