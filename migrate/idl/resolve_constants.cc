// Names and constant values: lookup through the library and its imports (with ambiguity checks),
// literals in every base, references to constants and enum/bits members, `|` expressions, and
// range checks against the type a value lands in.
#include <charconv>
#include <cstdlib>

#include "migrate/idl/builtin_libraries.h"
#include "migrate/idl/resolver.h"

namespace fdfkit::idl {
namespace {

std::vector<std::string> SplitDots(const std::string& name) {
  std::vector<std::string> parts;
  size_t start = 0;
  for (size_t dot; (dot = name.find('.', start)) != std::string::npos; start = dot + 1) {
    parts.push_back(name.substr(start, dot - start));
  }
  parts.push_back(name.substr(start));
  return parts;
}

std::string Join(const std::vector<std::string>& parts, size_t begin, size_t end) {
  std::string out;
  for (size_t i = begin; i < end; ++i) out += (i > begin ? "." : "") + parts[i];
  return out;
}

// The integer kind a value of `type` is stored as (enums and bits: their subtype).
std::optional<flat::PrimitiveKind> StorageKind(const flat::Type& type) {
  if (type.kind == flat::Type::Kind::kPrimitive) return type.primitive;
  if (type.kind == flat::Type::Kind::kIdentifier &&
      (type.decl->kind == flat::Decl::Kind::kEnum || type.decl->kind == flat::Decl::Kind::kBits)) {
    return static_cast<const flat::Enum*>(type.decl)->subtype;
  }
  return std::nullopt;
}

// Parses `-0x1f`, `0b101`, `42` into an integer; false when it is not one or needs > 64 bits.
bool ParseInteger(const std::string& text, __int128* out) {
  std::string_view digits = text;
  bool negative = digits.starts_with('-');
  if (negative) digits.remove_prefix(1);
  int base = 10;
  if (digits.starts_with("0x") || digits.starts_with("0X")) {
    base = 16;
    digits.remove_prefix(2);
  } else if (digits.starts_with("0b") || digits.starts_with("0B")) {
    base = 2;
    digits.remove_prefix(2);
  }
  uint64_t magnitude = 0;
  auto result = std::from_chars(digits.data(), digits.data() + digits.size(), magnitude, base);
  if (result.ec != std::errc() || result.ptr != digits.data() + digits.size() || digits.empty()) {
    return false;
  }
  *out = negative ? -static_cast<__int128>(magnitude) : static_cast<__int128>(magnitude);
  return true;
}

}  // namespace

std::optional<Resolver::Target> Resolver::Lookup(const std::string& name, llvm::SMLoc loc,
                                                 const Scope* scope) {
  std::vector<std::string> parts = SplitDots(name);
  std::vector<Target> found;
  // How each match read the name (library, index of its first part after the library's), put
  // into words only for the ambiguity error.
  std::vector<std::pair<const flat::Library*, size_t>> readings;
  auto describe = [&](const std::pair<const flat::Library*, size_t>& reading) -> std::string {
    auto [library, first] = reading;
    if (library != library_) return "library '" + library->name + "'";
    if (first == 0) return "a declaration of this library";
    return "this library's '" + Join(parts, first, parts.size()) + "'";
  };
  // `rest` (one or two parts) inside `library`: a declaration, or an enum/bits member.
  auto find_in = [&](const flat::Library* library, size_t first) {
    std::pair<const flat::Library*, size_t> reading{library, first};
    size_t remaining = parts.size() - first;
    if (remaining == 0 || remaining > 2) return;
    const flat::Decl* decl = library->Lookup(parts[first]);
    if (!decl && library->name == "zx") {
      std::string capitalised = ZxCanonicalSpelling(parts[first]);
      if (!capitalised.empty()) decl = library->Lookup(capitalised);
    }
    if (!decl) return;
    if (remaining == 1) {
      found.push_back({decl, nullptr});
      readings.push_back(reading);
      return;
    }
    if (decl->kind != flat::Decl::Kind::kEnum && decl->kind != flat::Decl::Kind::kBits) return;
    Resolve(const_cast<flat::Decl*>(decl));
    for (const auto& m : static_cast<const flat::Enum*>(decl)->members) {
      if (m.name == parts[first + 1]) {
        found.push_back({decl, &m});
        readings.push_back(reading);
        return;
      }
    }
  };
  find_in(library_, 0);
  for (size_t split = 1; split < parts.size(); ++split) {
    std::string prefix = Join(parts, 0, split);
    if (prefix == library_->name) {
      find_in(library_, split);
      continue;
    }
    auto it = scope->imports.find(prefix);
    if (it != scope->imports.end()) {
      find_in(it->second, split);
    }
  }
  if (found.empty()) {
    bool missing_using = parts.size() > 1 &&
                         !scope->imports.count(Join(parts, 0, parts.size() - 1)) &&
                         parts[0] != library_->name;
    reporter_->Report(missing_using ? diag::kUndefinedNameMissingUsing : diag::kUndefinedName, loc,
                      name);
    return std::nullopt;
  }
  if (found.size() > 1 && (found[0].decl != found[1].decl || found[0].member != found[1].member)) {
    reporter_->Report(diag::kAmbiguousName, loc, name, describe(readings[0]), describe(readings[1]));
    return std::nullopt;
  }
  return found[0];
}

std::optional<flat::ConstantValue> Resolver::ResolveLiteral(const raw::Constant& c,
                                                            const flat::Type& type) {
  flat::ConstantValue value;
  switch (c.kind) {
    case raw::Constant::Kind::kString:
      value.kind = flat::ConstantValue::Kind::kString;
      value.string = c.text;
      return value;
    case raw::Constant::Kind::kBool:
      value.kind = flat::ConstantValue::Kind::kBool;
      value.boolean = c.text == "true";
      return value;
    case raw::Constant::Kind::kNumber: {
      auto storage = StorageKind(type);
      bool wants_float = storage && (*storage == flat::PrimitiveKind::kFloat32 ||
                                     *storage == flat::PrimitiveKind::kFloat64);
      if (ParseInteger(c.text, &value.integer)) {
        if (wants_float) {
          value.kind = flat::ConstantValue::Kind::kFloat;
          value.floating = static_cast<double>(value.integer);
        }
        return value;
      }
      // Integer syntax that does not parse is too large; only a fraction or exponent makes a float.
      bool integer_syntax = c.text.find_first_of(".eE") == std::string::npos ||
                            c.text.find_first_of("xX") != std::string::npos;
      char* end = nullptr;
      double d = std::strtod(c.text.c_str(), &end);
      if (!integer_syntax && end == c.text.c_str() + c.text.size() && !c.text.empty()) {
        value.kind = flat::ConstantValue::Kind::kFloat;
        value.floating = d;
        return value;
      }
      reporter_->Report(diag::kIntegerTooLarge, c.loc, c.text);
      return std::nullopt;
    }
    default:
      return std::nullopt;
  }
}

std::optional<flat::ConstantValue> Resolver::ResolveConstant(const raw::Constant& c,
                                                             const flat::Type& type,
                                                             const Scope* scope) {
  std::optional<flat::ConstantValue> value;
  switch (c.kind) {
    case raw::Constant::Kind::kNumber:
    case raw::Constant::Kind::kString:
    case raw::Constant::Kind::kBool:
      value = ResolveLiteral(c, type);
      break;
    case raw::Constant::Kind::kIdentifier: {
      auto target = Lookup(c.text, c.loc, scope);
      if (!target) return std::nullopt;
      if (target->member) {
        value = target->member->value;
      } else if (target->decl->kind == flat::Decl::Kind::kConst) {
        Resolve(const_cast<flat::Decl*>(target->decl));
        value = static_cast<const flat::Const*>(target->decl)->value;
      } else {
        reporter_->Report(diag::kNotAConstant, c.loc, c.text, flat::DeclKindName(target->decl->kind));
        return std::nullopt;
      }
      break;
    }
    case raw::Constant::Kind::kOr: {
      flat::ConstantValue combined;
      for (const raw::Constant& operand : c.operands) {
        auto part = ResolveConstant(operand, type, scope);
        if (!part) return std::nullopt;
        if (part->kind != flat::ConstantValue::Kind::kInteger) {
          reporter_->Report(diag::kOrOperandNotInteger, operand.loc, operand.text);
          return std::nullopt;
        }
        combined.integer |= part->integer;
      }
      value = combined;
      break;
    }
  }
  if (!value || !CheckInRange(*value, type, c.loc)) return std::nullopt;
  return value;
}

flat::ConstantExpr Resolver::ExpressionOf(const raw::Constant& c, const Scope* scope) {
  flat::ConstantExpr expr;
  switch (c.kind) {
    case raw::Constant::Kind::kNumber:
    case raw::Constant::Kind::kBool:
      expr.text = c.text;
      break;
    case raw::Constant::Kind::kString:
      expr.kind = flat::ConstantExpr::Kind::kString;
      expr.text = c.text;
      break;
    case raw::Constant::Kind::kIdentifier:
      expr.kind = flat::ConstantExpr::Kind::kReference;
      if (auto target = Lookup(c.text, c.loc, scope)) {
        if (target->member) {
          // The enum or bits that holds the member: its name minus the member's.
          std::string holder = c.text.substr(0, c.text.rfind('.'));
          if (auto owner = Lookup(holder, c.loc, scope)) expr.decl = owner->decl;
          expr.member = target->member->name;
        } else {
          expr.decl = target->decl;
        }
      }
      if (!expr.decl) {  // unreachable after a successful resolution; keep the spelling
        expr.kind = flat::ConstantExpr::Kind::kLiteral;
        expr.text = c.text;
      }
      break;
    case raw::Constant::Kind::kOr:
      expr.kind = flat::ConstantExpr::Kind::kOr;
      for (const raw::Constant& operand : c.operands) expr.operands.push_back(ExpressionOf(operand, scope));
      break;
  }
  return expr;
}

bool Resolver::CheckInRange(const flat::ConstantValue& value, const flat::Type& type,
                            llvm::SMLoc loc) {
  auto mismatch = [&](const std::string& wanted) {
    reporter_->Report(diag::kConstantTypeMismatch, loc, value.ToString(), wanted);
    return false;
  };
  if (type.kind == flat::Type::Kind::kString) {
    if (value.kind != flat::ConstantValue::Kind::kString) return mismatch("a string");
    if (type.bounded && value.string.size() > type.element_count) {
      reporter_->Report(diag::kStringTooLong, loc, value.string.size(), type.element_count);
      return false;
    }
    return true;
  }
  auto storage = StorageKind(type);
  if (!storage) return true;  // not a constant type; the caller reports what it expected
  if (*storage == flat::PrimitiveKind::kBool) {
    return value.kind == flat::ConstantValue::Kind::kBool || mismatch("a bool");
  }
  if (*storage == flat::PrimitiveKind::kFloat32 || *storage == flat::PrimitiveKind::kFloat64) {
    return value.kind == flat::ConstantValue::Kind::kFloat ||
           value.kind == flat::ConstantValue::Kind::kInteger || mismatch("a number");
  }
  if (value.kind != flat::ConstantValue::Kind::kInteger) return mismatch("an integer");
  if (value.integer < flat::PrimitiveMin(*storage) || value.integer > flat::PrimitiveMax(*storage)) {
    flat::ConstantValue low, high;
    low.integer = flat::PrimitiveMin(*storage);
    high.integer = flat::PrimitiveMax(*storage);
    reporter_->Report(diag::kValueOutOfRange, loc, value.ToString(), flat::PrimitiveName(*storage),
                      low.ToString(), high.ToString());
    return false;
  }
  return true;
}

}  // namespace fdfkit::idl
