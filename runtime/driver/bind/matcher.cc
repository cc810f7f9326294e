#include "runtime/driver/bind/matcher.h"

#include <algorithm>

#include "runtime/driver/bind/legacy_keys.h"

namespace fdfkit::bind {

std::string KeyName(const PropertyKey& key) {
  if (const uint32_t* id = std::get_if<uint32_t>(&key)) return LegacyKeyName(*id);
  return std::get<std::string>(key);
}

std::string ValueText(const PropertyValue& value) {
  switch (value.index()) {
    case 0: return std::to_string(std::get<uint32_t>(value));
    case 1: return "\"" + std::get<std::string>(value) + "\"";
    case 2: return std::get<bool>(value) ? "true" : "false";
    default: return std::get<EnumValue>(value).name;
  }
}

uint32_t SymbolTable::Intern(std::string_view text) {
  auto [it, fresh] = ids_.try_emplace(std::string(text), static_cast<uint32_t>(ids_.size()));
  return it->second;
}

uint32_t SymbolTable::Find(std::string_view text) const {
  auto it = ids_.find(std::string(text));
  return it == ids_.end() ? kNoSymbol : it->second;
}

PropertySet::PropertySet(const Properties& properties, const SymbolTable& symbols) {
  entries_.reserve(properties.size());
  for (const Property& property : properties) {
    uint32_t key = symbols.Find(KeyName(property.key));
    if (key == kNoSymbol) continue;
    ProgramValue value{static_cast<ValueType>(property.value.index()), 0};
    switch (value.type) {
      case ValueType::kUint: value.payload = std::get<uint32_t>(property.value); break;
      case ValueType::kString: value.payload = symbols.Find(std::get<std::string>(property.value)); break;
      case ValueType::kBool: value.payload = std::get<bool>(property.value) ? 1 : 0; break;
      case ValueType::kEnum: value.payload = symbols.Find(std::get<EnumValue>(property.value).name); break;
    }
    entries_.push_back({key, value});
  }
  std::stable_sort(entries_.begin(), entries_.end(),
                   [](const Entry& a, const Entry& b) { return a.key < b.key; });
}

std::span<const PropertySet::Entry> PropertySet::Find(uint32_t key) const {
  auto begin = std::lower_bound(entries_.begin(), entries_.end(), key,
                                [](const Entry& entry, uint32_t k) { return entry.key < k; });
  auto end = begin;
  while (end != entries_.end() && end->key == key) ++end;
  return {begin, end};
}

LoadedProgram::LoadedProgram(const Program& program, SymbolTable* symbols) {
  std::vector<uint32_t> mapped(program.symbols.size());
  for (size_t i = 0; i < program.symbols.size(); ++i) mapped[i] = symbols->Intern(program.symbols[i]);
  if (program.is_composite()) composite_name_ = program.Symbol(program.composite);
  for (const ProgramNode& node : program.nodes) {
    Node loaded{program.Symbol(node.name), node.kind, {}};
    loaded.code.reserve(node.code.size());
    for (const Instruction& instruction : node.code) {
      Step step{instruction.op, instruction.equal, 0, static_cast<uint32_t>(values_.size()),
                static_cast<uint32_t>(instruction.values.size()), instruction.target};
      if (instruction.op == Op::kAbortUnless || instruction.op == Op::kJumpUnless) {
        step.key = mapped[instruction.key];
      }
      for (ProgramValue value : instruction.values) {
        if (value.type == ValueType::kString || value.type == ValueType::kEnum) {
          value.payload = mapped[value.payload];
        }
        values_.push_back(value);
      }
      loaded.code.push_back(step);
    }
    nodes_.push_back(std::move(loaded));
  }
}

bool LoadedProgram::Holds(const Step& step, const PropertySet& properties) const {
  bool any_equal = false;
  const ProgramValue* values = values_.data() + step.values_begin;
  for (const PropertySet::Entry& entry : properties.Find(step.key)) {
    for (uint32_t i = 0; i < step.values_count && !any_equal; ++i) {
      any_equal = entry.value == values[i];
    }
  }
  return step.equal ? any_equal : !any_equal;
}

bool LoadedProgram::Matches(size_t node, const PropertySet& properties) const {
  const std::vector<Step>& code = nodes_[node].code;
  size_t pc = 0;
  while (pc < code.size()) {
    const Step& step = code[pc];
    switch (step.op) {
      case Op::kMatch: return true;
      case Op::kAbort: return false;
      case Op::kAbortUnless:
        if (!Holds(step, properties)) return false;
        ++pc;
        break;
      case Op::kJumpUnless:
        pc = Holds(step, properties) ? pc + 1 : step.target;
        break;
    }
  }
  return false;  // Decode guarantees a verdict; unreachable for decoded programs
}

}  // namespace fdfkit::bind
