#include "runtime/driver/bind/libraries.h"

#include "runtime/driver/bind/legacy_keys.h"
#include "runtime/driver/bind/parser.h"

namespace fdfkit::bind {
namespace {

// "a number", "a string", ... for type mismatches.
std::string DescribeLiteral(const ast::Value& value) {
  switch (value.kind) {
    case ast::Value::Kind::kNumber: return "a uint";
    case ast::Value::Kind::kString: return "a string";
    case ast::Value::Kind::kBool: return "a bool";
    case ast::Value::Kind::kIdentifier: return "a name";
  }
  return "?";
}

std::string LiteralText(const ast::Value& value) {
  return value.kind == ast::Value::Kind::kString ? "\"" + value.text + "\"" : value.text;
}

}  // namespace

std::string Constant::Display() const {
  switch (type) {
    case ValueType::kUint: return std::to_string(number);
    case ValueType::kBool: return number ? "true" : "false";
    case ValueType::kString: return "\"" + text + "\"";
    case ValueType::kEnum: return text;
  }
  return "?";
}

Libraries::Libraries(Diagnostics* diagnostics) : diagnostics_(diagnostics) {
  Library& builtin = libraries_[std::string(kBuiltinLibrary)];
  builtin.name = kBuiltinLibrary;
  builtin.state = Library::State::kDone;
  for (const LegacyKey& legacy : LegacyKeys()) {
    keys_.push_back({std::string(kBuiltinLibrary) + "." + std::string(legacy.name),
                     ValueType::kUint, ""});
    builtin.keys[std::string(legacy.name)] = &keys_.back();
  }
}

bool Libraries::Add(std::unique_ptr<SourceFile> file) {
  std::optional<ast::LibraryFile> syntax = ParseLibrary(*file, diagnostics_);
  if (!syntax) return false;
  const ast::Name& name = syntax->name;
  if (name.text == kBuiltinLibrary) {
    diagnostics_->Report(diag::kReservedLibraryName, *file, name.offset);
    return false;
  }
  auto [it, inserted] = libraries_.try_emplace(name.text);
  if (!inserted) {
    diagnostics_->Report(diag::kDuplicateLibrary, *file, name.offset, name.text,
                         it->second.file->Where(it->second.syntax->name.offset));
    return false;
  }
  it->second.name = name.text;
  it->second.syntax = std::move(syntax);
  it->second.file = std::move(file);
  return true;
}

bool Libraries::Resolve() {
  size_t errors = diagnostics_->error_count();
  for (auto& [name, library] : libraries_) {
    std::vector<std::string> path;
    ResolveLibrary(&library, &path);
  }
  return diagnostics_->error_count() == errors;
}

bool Libraries::ResolveLibrary(Library* library, std::vector<std::string>* path) {
  if (library->state == Library::State::kDone) return true;
  const SourceFile& file = *library->file;
  if (library->state == Library::State::kResolving) {
    std::string cycle;
    for (const std::string& step : *path) cycle += step + " -> ";
    diagnostics_->Report(diag::kLibraryCycle, file, library->syntax->name.offset,
                         cycle + library->name);
    return false;
  }
  library->state = Library::State::kResolving;
  path->push_back(library->name);
  bool ok = true;
  // Imported libraries first: an `extend` names their keys.
  for (const ast::Using& use : library->syntax->usings) {
    auto it = libraries_.find(use.library.text);
    if (it != libraries_.end()) ok = ResolveLibrary(&it->second, path) && ok;
  }
  Scope scope = ImportsOf(library->syntax->usings, file);
  scope.visible[library->name] = library->name;  // its own values, by full name
  for (const ast::KeyDeclaration& declaration : library->syntax->declarations) {
    ok = Declare(library, declaration, scope) && ok;
  }
  path->pop_back();
  library->state = Library::State::kDone;
  return ok;
}

bool Libraries::Declare(Library* library, const ast::KeyDeclaration& declaration,
                        const Scope& scope) {
  const SourceFile& file = *library->file;
  ValueType type = declaration.type;
  const Key* key = nullptr;
  std::string local = declaration.key.text;
  if (declaration.extend) {
    key = LookupKey(scope, declaration.key.text, declaration.key.offset);
    if (!key) return false;
    if (key->type != type) {
      diagnostics_->Report(diag::kExtendWrongType, file, declaration.offset,
                           ValueTypeName(declaration.type), key->name, ValueTypeName(key->type));
      return false;
    }
    local = local.substr(local.rfind('.') + 1);
  } else if (local.find('.') != std::string::npos) {
    diagnostics_->Report(diag::kUnexpectedToken, file, declaration.key.offset,
                         "a key name without '.'", "'" + local + "'");
    return false;
  }
  auto [existing, inserted] = library->keys.try_emplace(local, nullptr);
  if (!inserted && existing->second != key) {
    diagnostics_->Report(diag::kDuplicateKey, file, declaration.key.offset, local,
                         existing->second->where.empty() ? "the built-in library"
                                                          : existing->second->where);
    return false;
  }
  if (!key) {
    keys_.push_back({library->name + "." + local, type, file.Where(declaration.key.offset)});
    key = &keys_.back();
    existing->second = key;
  }
  bool ok = true;
  for (const ast::KeyDeclaration::Entry& entry : declaration.values) {
    const std::string& name = entry.name.text;
    std::optional<Constant> value;
    if (name.find('.') != std::string::npos) {
      diagnostics_->Report(diag::kUnexpectedToken, file, entry.name.offset,
                           "a value name without '.'", "'" + name + "'");
    } else if (type == ValueType::kEnum && entry.literal) {
      diagnostics_->Report(diag::kEnumValueWithLiteral, file, entry.literal->offset, name);
    } else if (type == ValueType::kEnum) {
      value = Constant{ValueType::kEnum, 0, library->name + "." + local + "." + name};
    } else if (!entry.literal) {
      diagnostics_->Report(diag::kValueNeedsLiteral, file, entry.name.offset, name,
                           ValueTypeName(type), name);
    } else {
      value = Literal(*entry.literal, *key, name, file);
    }
    if (!value) {
      ok = false;
      continue;
    }
    auto [slot, fresh] = library->values.try_emplace(local + "." + name);
    if (!fresh) {
      diagnostics_->Report(diag::kDuplicateValue, file, entry.name.offset, key->name, name,
                           slot->second.where);
      ok = false;
      continue;
    }
    slot->second = {std::move(*value), key, file.Where(entry.name.offset)};
  }
  return ok;
}

std::optional<Constant> Libraries::Literal(const ast::Value& literal, const Key& key,
                                           const std::string& value_name,
                                           const SourceFile& file) {
  Constant value{key.type, 0, ""};
  bool fits = false;
  switch (literal.kind) {
    case ast::Value::Kind::kNumber:
      fits = key.type == ValueType::kUint;
      value.number = literal.number;
      break;
    case ast::Value::Kind::kString:
      fits = key.type == ValueType::kString;
      value.text = literal.text;
      break;
    case ast::Value::Kind::kBool:
      fits = key.type == ValueType::kBool;
      value.number = literal.boolean ? 1 : 0;
      break;
    case ast::Value::Kind::kIdentifier:
      break;
  }
  if (!fits) {
    diagnostics_->Report(diag::kTypeMismatch, file, literal.offset, key.name,
                         ValueTypeName(key.type), value_name + " = " + LiteralText(literal),
                         DescribeLiteral(literal));
    return std::nullopt;
  }
  return value;
}

Scope Libraries::ImportsOf(const std::vector<ast::Using>& usings, const SourceFile& file) {
  Scope scope;
  scope.file = &file;
  scope.visible[std::string(kBuiltinLibrary)] = std::string(kBuiltinLibrary);
  std::map<std::string, size_t> imported_at;  // visible name → offset of its `using`
  for (const ast::Using& use : usings) {
    if (!libraries_.count(use.library.text)) {
      diagnostics_->Report(diag::kUnknownLibrary, file, use.library.offset, use.library.text);
      scope.missing.push_back((use.alias ? *use.alias : use.library).text + ".");
      continue;
    }
    const ast::Name& visible = use.alias ? *use.alias : use.library;
    auto [it, fresh] = imported_at.try_emplace(visible.text, use.offset);
    if (!fresh) {
      diagnostics_->Report(diag::kDuplicateUsing, file, visible.offset, visible.text,
                           file.Where(it->second));
      continue;
    }
    scope.visible[visible.text] = use.library.text;
  }
  return scope;
}

Libraries::Found Libraries::Find(const Scope& scope, const std::string& name) const {
  Found found;
  for (const std::string& prefix : scope.missing) {
    if (name.starts_with(prefix)) {
      found.error = support::Make(diag::kUnknownIdentifier, name, "");
      found.already_reported = true;
      return found;
    }
  }
  // The longest prefix that names a library decides: imported ("fuchsia.platform" before the
  // built-in "fuchsia"), or known but not imported.
  const Library* library = nullptr;
  std::string rest;
  for (size_t dot = name.rfind('.'); dot != std::string::npos && dot > 0 && !library;
       dot = name.rfind('.', dot - 1)) {
    std::string prefix = name.substr(0, dot);
    if (auto it = scope.visible.find(prefix); it != scope.visible.end()) {
      library = &libraries_.at(it->second);
      rest = name.substr(dot + 1);
    } else if (libraries_.count(prefix)) {
      found.error = support::Make(diag::kLibraryNotImported, name, prefix, prefix);
      return found;
    }
  }
  if (!library) {
    found.error = support::Make(diag::kUnknownIdentifier, name, "");
    return found;
  }
  size_t dot = rest.find('.');
  if (dot == std::string::npos) {
    auto key = library->keys.find(rest);
    if (key != library->keys.end()) {
      found.key = key->second;
      return found;
    }
  } else if (rest.find('.', dot + 1) == std::string::npos) {
    auto value = library->values.find(rest);
    if (value != library->values.end()) {
      found.value = value->second.value;
      found.value_key = value->second.key;
      return found;
    }
  }
  found.error =
      support::Make(diag::kUnknownIdentifier, name, " in library '" + library->name + "'");
  return found;
}

const Key* Libraries::FindKey(const Scope& scope, const std::string& name,
                              support::Diagnostic* error) const {
  Found found = Find(scope, name);
  if (found.value) found.error = support::Make(diag::kNotAKey, name);
  if (!found.key) *error = found.error;
  return found.key;
}

std::optional<Constant> Libraries::FindValue(const Scope& scope, const std::string& name,
                                             support::Diagnostic* error,
                                             const Key** value_key) const {
  Found found = Find(scope, name);
  if (found.key) found.error = support::Make(diag::kNotAValue, name);
  if (!found.value) *error = found.error;
  if (value_key) *value_key = found.value_key;
  return found.value;
}

const Key* Libraries::LookupKey(const Scope& scope, const std::string& name, size_t offset) {
  Found found = Find(scope, name);
  if (found.key || found.already_reported) return found.key;
  support::Diagnostic error;
  FindKey(scope, name, &error);
  diagnostics_->AddAt(std::move(error), *scope.file, offset);
  return nullptr;
}

std::optional<Constant> Libraries::LookupValue(const Scope& scope, const std::string& name,
                                               size_t offset, const Key** value_key) {
  support::Diagnostic error;
  std::optional<Constant> value = FindValue(scope, name, &error, value_key);
  if (!value && !Find(scope, name).already_reported) {
    diagnostics_->AddAt(std::move(error), *scope.file, offset);
  }
  return value;
}

}  // namespace fdfkit::bind
