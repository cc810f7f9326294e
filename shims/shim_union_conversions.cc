// Banjo unions carry no tag in C: which member is set is the protocol's convention (block ops:
// the command every member starts with). fdfkit reads that convention from two attributes on the
// banjo union, which fidlgen_banjo ignores, and converts such a union both ways; a union without
// them stays left out, with the attributes to add in the reason.
//
//   @selected_by(field="command", mask="BLOCK_OP_MASK")   // or @selected_by("command")
//   type BlockOp = strict resource union {
//       @selected_when("BLOCK_OP_READ, BLOCK_OP_WRITE")
//       1: rw BlockReadWrite;      // starts with `command uint32`
//       3: command uint32;         // no @selected_when: any other value
//   };
#include <cctype>
#include <sstream>

#include "generators/cpp/cpp_names.h"
#include "shims/shim_conversions.h"

namespace fdfkit::shims {
namespace {

namespace raw = fdfkit::idl::raw;
using Kind = flat::Type::Kind;
using generators::banjo::Shape;

std::string ArgOf(const raw::Attribute& attribute, const std::string& name) {
  for (const raw::AttributeArg& arg : attribute.args) {
    if (arg.name == name || (arg.name.empty() && name == "field")) return arg.value.text;
  }
  return "";
}

std::vector<std::string> SplitList(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream in(text);
  std::string item;
  while (std::getline(in, item, ',')) {
    size_t start = item.find_first_not_of(" \t"), end = item.find_last_not_of(" \t");
    if (start != std::string::npos) out.push_back(item.substr(start, end - start + 1));
  }
  return out;
}

// The integer a member starts with: the member itself, or its first field; null otherwise.
const flat::StructMember* LeadingField(const flat::StructMember& member,
                                       const std::string& name) {
  if (member.type.kind == Kind::kPrimitive) return member.name == name ? &member : nullptr;
  if (member.type.kind != Kind::kIdentifier || !member.type.decl ||
      member.type.decl->kind != flat::Decl::Kind::kStruct) {
    return nullptr;
  }
  const auto& fields = static_cast<const flat::Struct*>(member.type.decl)->members;
  return !fields.empty() && fields.front().name == name &&
                 fields.front().type.kind == Kind::kPrimitive
             ? &fields.front()
             : nullptr;
}

std::string Tag(const flat::StructMember* m) {
  return "Tag::" + generators::cpp::ConstantName(m->name);
}

}  // namespace

std::optional<uint64_t> Conversions::ConstantValue(const std::string& text) const {
  if (!text.empty() && std::isdigit(static_cast<unsigned char>(text[0]))) {
    try {
      size_t used = 0;
      uint64_t value = std::stoull(text, &used, 0);
      if (used == text.size()) return value;
    } catch (const std::exception&) {
    }
    return std::nullopt;
  }
  const flat::Decl* decl = banjo_ ? banjo_->Lookup(text) : nullptr;
  if (!decl || decl->kind != flat::Decl::Kind::kConst) return std::nullopt;
  const auto& value = static_cast<const flat::Const*>(decl)->value;
  if (value.kind != flat::ConstantValue::Kind::kInteger || value.integer < 0) return std::nullopt;
  return static_cast<uint64_t>(value.integer);
}

std::optional<std::string> Conversions::CheckUnion(const flat::Decl& banjo, AggregatePair* pair) {
  const std::string& name = banjo.name.name;
  const raw::Attribute* selected_by = banjo.attrs.Find("selected_by");
  if (!selected_by) {
    return "union " + name + " is untagged in banjo: say which member is set with " +
           "@selected_by(\"<leading field>\") on it and @selected_when(\"<values>\") on its " +
           "members (shims/README.md)";
  }
  UnionRule rule;
  std::string field = ArgOf(*selected_by, "field");
  std::string mask = ArgOf(*selected_by, "mask");
  if (!mask.empty()) {
    std::optional<uint64_t> value = ConstantValue(mask);
    if (!value) return "@selected_by of " + name + ": mask '" + mask + "' is no integer constant";
    rule.mask = std::to_string(*value) + "u";
  }
  std::set<uint64_t> seen;
  for (size_t i = 0; i < pair->banjo_fields.size(); ++i) {
    const flat::StructMember& member = *pair->banjo_fields[i];
    const flat::StructMember* leading = LeadingField(member, field);
    if (!leading) {
      return "@selected_by of " + name + ": member '" + member.name + "' does not start with " +
             "the integer '" + field + "'";
    }
    std::string type = generators::banjo::CTypeOf(leading->type);
    if (!rule.selector.empty() && type != rule.selector) {
      return "@selected_by of " + name + ": '" + field + "' is " + rule.selector +
             " in one member and " + type + " in '" + member.name + "'";
    }
    rule.selector = type;
    if (type.rfind("uint", 0) != 0) {
      return "@selected_by of " + name + ": '" + field + "' is " + type +
             ", not an unsigned integer";
    }
    uint32_t bytes = leading->type.shape.inline_size;
    uint64_t max = bytes >= 8 ? ~uint64_t{0} : (uint64_t{1} << (8 * bytes)) - 1;
    std::vector<uint64_t> values;
    if (const raw::Attribute* when = member.attrs.Find("selected_when")) {
      for (const std::string& item : SplitList(ArgOf(*when, "field"))) {
        std::optional<uint64_t> value = ConstantValue(item);
        if (!value || *value > max) {
          return "@selected_when of " + name + "." + member.name + ": '" + item +
                 "' is no integer constant that fits " + type;
        }
        if (!seen.insert(*value).second) {
          return "@selected_when of " + name + ": " + item + " selects two members";
        }
        values.push_back(*value);
      }
    }
    if (values.empty()) {
      if (rule.fallback >= 0) {
        return "union " + name + " has two members without @selected_when ('" +
               pair->banjo_fields[rule.fallback]->name + "', '" + member.name + "')";
      }
      rule.fallback = static_cast<int>(i);
    }
    rule.values.push_back(std::move(values));
  }
  pair->rule = std::move(rule);
  return std::nullopt;
}

std::string Conversions::UnionConverters(const AggregatePair& pair) const {
  const UnionRule& rule = *pair.rule;
  std::string c = generators::banjo::CTypeName(*pair.banjo);
  // Which member is set (-1: none): read from the first bytes, where every member keeps the
  // selector.
  std::string out = "inline int SelectedMember(const " + c + "& c) {\n  " + rule.selector +
        " selector;\n  memcpy(&selector, &c, sizeof selector);\n  switch (selector" +
        (rule.mask.empty() ? "" : " & " + rule.mask) + ") {\n";
  for (size_t i = 0; i < rule.values.size(); ++i) {
    for (uint64_t value : rule.values[i]) out += "    case " + std::to_string(value) + "u:\n";
    if (!rule.values[i].empty()) out += "      return " + std::to_string(i) + ";\n";
  }
  out += "    default:\n      return " + std::to_string(rule.fallback) + ";\n  }\n}\n\n";
  out += UnionToWire(pair, Handles::kTransfer);
  std::string wire = generators::cpp::DeclName(*pair.fidl);
  // FIDL → banjo: the tag says which member; the rest of the union is zero. A member whose
  // leading integer selects another one would be read as that one in banjo (its bytes taken for
  // another member's handles): nothing of it is kept, and banjo gets an all-zero union.
  out += "inline void ToBanjo([[maybe_unused]] " + wire + "& w, " + c +
         "* c, [[maybe_unused]] ::fdf::Arena& arena) {\n  *c = " + c +
         "{};\n  switch (w.Which()) {\n";
  for (size_t i = 0; i < pair.banjo_fields.size(); ++i) {
    const flat::StructMember* member = pair.banjo_fields[i];
    const flat::StructMember* fidl = FidlFieldNamed(pair, member->name);
    Param field = generators::banjo::FieldOf(*member, false);
    std::vector<std::string> to;
    for (const auto& d : field.c) to.push_back("c->" + d.name);
    std::string close = CloseElement(member->type, "c->" + field.c[0].name);
    out += "    case " + wire + "::" + Tag(fidl) + ":\n" +
           ToBanjo(field, fidl->type, "w." + generators::cpp::Escape(fidl->name) + "()", to,
                   "      ") +
           "      if (SelectedMember(*c) != " + std::to_string(i) + ") {\n" +
           (close.empty() ? "" : "        " + close + "\n") + "        *c = " + c +
           "{};\n      }\n      break;\n";
  }
  out += "    default:\n      break;\n  }\n}\n\n";
  if (!HoldsHandles(pair)) return out;
  out += UnionToWire(pair, Handles::kLentField);
  std::string close =
      "inline void CloseHandles(const " + c + "& c) {\n  switch (SelectedMember(c)) {\n";
  std::string keep = "inline void KeepOwnHandles(const " + c + "& own, " + c +
                     "* c) {\n  // A reply that set another member is not written back: the\n"
                     "  // caller's op stays as it was, its handles in place.\n"
                     "  if (SelectedMember(own) != SelectedMember(*c)) {\n    *c = own;\n"
                     "    return;\n  }\n"
                     "  switch (SelectedMember(own)) {\n";
  for (size_t i = 0; i < pair.banjo_fields.size(); ++i) {
    const flat::StructMember* member = pair.banjo_fields[i];
    if (!HasHandles(member->type)) continue;
    std::string name = generators::banjo::FieldOf(*member, false).c[0].name;
    std::string index = std::to_string(i);
    if (member->type.kind == Kind::kHandle) {
      close += "    case " + index + ":\n      zx_handle_close(c." + name + ");\n      break;\n";
      keep += "    case " + index + ":\n      c->" + name + " = own." + name + ";\n      break;\n";
    } else {
      close += "    case " + index + ":\n      CloseHandles(c." + name + ");\n      break;\n";
      keep += "    case " + index + ":\n      KeepOwnHandles(own." + name + ", &c->" + name +
              ");\n      break;\n";
    }
  }
  std::string end = "    default:\n      break;\n  }\n}\n\n";
  return out + close + end + keep + end;
}

std::string Conversions::UnionToWire(const AggregatePair& pair, Handles handles) const {
  std::string wire = generators::cpp::DeclName(*pair.fidl);
  std::string c = generators::banjo::CTypeName(*pair.banjo);
  std::string name = handles == Handles::kTransfer ? "ToWire" : "LendToWire";
  // No member selected: an absent union, which the transport refuses to send.
  std::string out = "inline " + wire + " " + name +
                    "([[maybe_unused]] ::fdf::Arena& arena, const " + c +
                    "& c) {\n  switch (SelectedMember(c)) {\n";
  for (size_t i = 0; i < pair.banjo_fields.size(); ++i) {
    const flat::StructMember* member = pair.banjo_fields[i];
    const flat::StructMember* fidl = FidlFieldNamed(pair, member->name);
    Param field = generators::banjo::FieldOf(*member, false);
    std::vector<std::string> from;
    for (const auto& d : field.c) from.push_back("c." + d.name);
    std::string value = ToWire(field, fidl->type, from, handles);
    std::string factory = wire + "::With" + generators::cpp::ConstantName(fidl->name).substr(1);
    out += "    case " + std::to_string(i) + ":\n      return " + factory + "(" +
           (fidl->type.shape.inline_size <= 4 ? value : "arena, " + value) + ");\n";
  }
  return out + "    default:\n      return " + wire + "();\n  }\n}\n\n";
}

}  // namespace fdfkit::shims
