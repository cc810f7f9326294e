#include "migrate/driver/value_kind.h"

#include <clang/AST/DeclCXX.h>

#include "migrate/driver/source_text.h"

namespace fdfkit::driver_migration {

ValueKind KindOf(const MappingIndex& mappings, const clang::SourceManager& sm,
                 clang::QualType type, const clang::TypedefNameDecl** banjo_typedef) {
  type = type.getUnqualifiedType();
  if (const auto* typedef_type = type->getAs<clang::TypedefType>()) {
    const clang::TypedefNameDecl* decl = typedef_type->getDecl();
    if (IsNamed(*decl, "zx_handle_t")) return ValueKind::kRawHandle;
    clang::SourceLocation declared = sm.getExpansionLoc(decl->getLocation());
    const clang::FileEntry* file = sm.getFileEntryForID(sm.getFileID(declared));
    if (file != nullptr && mappings.ForBanjoHeaderPath(file->getName()) != nullptr &&
        type->isIntegerType()) {
      if (banjo_typedef != nullptr) *banjo_typedef = decl;
      return ValueKind::kBanjoInteger;
    }
  }
  if (type->isBooleanType() || type->isIntegerType() || type->isRealFloatingType()) {
    return ValueKind::kPlain;
  }
  // The element as written: `char name[32]` is a bounded string (a fidl::StringView, NUL and
  // all), `tuner_band_t bands[2]` an array of the clone's enum; only numbers and bools copy as
  // they are.
  if (const auto* array = llvm::dyn_cast<clang::ConstantArrayType>(type.getTypePtr())) {
    clang::QualType element = array->getElementType();
    bool character = element.getCanonicalType()->isSpecificBuiltinType(clang::BuiltinType::Char_S) ||
                     element.getCanonicalType()->isSpecificBuiltinType(clang::BuiltinType::Char_U);
    return !character && KindOf(mappings, sm, element, nullptr) == ValueKind::kPlain
               ? ValueKind::kPlainArray
               : ValueKind::kOther;
  }
  if (const auto* record = type->getAsCXXRecordDecl()) {
    const auto* ns = llvm::dyn_cast<clang::NamespaceDecl>(record->getDeclContext());
    if (ns != nullptr && IsNamed(*ns, "zx") && !IsNamed(*record, "result")) {
      return ValueKind::kZxObject;
    }
    // A C struct of the banjo header whose every field is a number or a bool.
    clang::SourceLocation declared = sm.getExpansionLoc(record->getLocation());
    const clang::FileEntry* file = sm.getFileEntryForID(sm.getFileID(declared));
    bool plain = record->isStruct() && record->getDefinition() != nullptr &&
                 !record->field_empty() && file != nullptr &&
                 mappings.ForBanjoHeaderPath(file->getName()) != nullptr;
    if (plain) {
      for (const clang::FieldDecl* field : record->fields()) {
        ValueKind kind = plain && field->getIdentifier() != nullptr && !field->isBitField()
                             ? KindOf(mappings, sm, field->getType(), nullptr)
                             : ValueKind::kOther;
        plain = kind == ValueKind::kPlain || kind == ValueKind::kBanjoInteger ||
                kind == ValueKind::kPlainArray || kind == ValueKind::kPlainStruct;
      }
    }
    if (plain) return ValueKind::kPlainStruct;
  }
  return ValueKind::kOther;
}

std::string AsBanjoInteger(const clang::LangOptions& lang, const clang::TypedefNameDecl& banjo,
                           const std::string& value) {
  return "static_cast<" + TypeName(lang, banjo.getUnderlyingType()) + ">(" + value + ")";
}

std::string ExternalVectorView(const std::string& element, const std::string& data,
                               const std::string& count) {
  return "fidl::VectorView<" + element + ">::FromExternal(const_cast<" + element + "*>(" + data +
         "), " + count + ")";
}

std::vector<PlainField> PlainStructFields(const MappingIndex& mappings,
                                          const clang::SourceManager& sm, clang::QualType type) {
  std::vector<PlainField> fields;
  if (const auto* record = type->getAsCXXRecordDecl()) {
    for (const clang::FieldDecl* field : record->fields()) {
      PlainField f{field->getNameAsString(), field->getType()};
      f.kind = KindOf(mappings, sm, field->getType(), &f.banjo_typedef);
      fields.push_back(f);
    }
  }
  return fields;
}

std::vector<std::string> CopyPlainStructOut(const MappingIndex& mappings,
                                            const clang::SourceManager& sm,
                                            const clang::LangOptions& lang, clang::QualType type,
                                            const std::string& to, const std::string& from) {
  std::vector<std::string> statements;
  for (const PlainField& f : PlainStructFields(mappings, sm, type)) {
    std::string target = to + "." + f.name, source = from + "." + f.name;
    if (f.kind == ValueKind::kPlainStruct) {
      std::vector<std::string> inner =
          CopyPlainStructOut(mappings, sm, lang, f.type, target, source);
      statements.insert(statements.end(), inner.begin(), inner.end());
    } else if (f.kind == ValueKind::kBanjoInteger) {
      statements.push_back(target + " = " + AsBanjoInteger(lang, *f.banjo_typedef, source) + ";");
    } else if (f.kind == ValueKind::kPlainArray) {
      statements.push_back("std::copy(" + source + ".begin(), " + source + ".end(), " + target +
                           ");");
    } else {
      statements.push_back(target + " = " + source + ";");
    }
  }
  return statements;
}

std::string BuildWireStruct(const MappingIndex& mappings, const clang::SourceManager& sm,
                            clang::QualType type, const std::string& wire,
                            const std::string& from) {
  std::string built = wire + "{";
  bool first = true;
  for (const PlainField& f : PlainStructFields(mappings, sm, type)) {
    built += (first ? "." : ", .") + f.name + " = ";
    first = false;
    std::string source = from + f.name;
    if (f.kind == ValueKind::kPlainStruct) {
      built += BuildWireStruct(mappings, sm, f.type, "decltype(" + wire + "::" + f.name + ")",
                               source + ".");
    } else if (f.kind == ValueKind::kBanjoInteger) {
      built += "static_cast<decltype(" + wire + "::" + f.name + ")>(" + source + ")";
    } else if (f.kind == ValueKind::kPlainArray) {
      // A C array does not initialize a fidl::Array: copied into one, element by element.
      built += "[&] { decltype(" + wire + "::" + f.name + ") array{}; std::copy(std::begin(" +
               source + "), std::end(" + source + "), array.begin()); return array; }()";
    } else {
      built += source;
    }
  }
  return built + "}";
}

}  // namespace fdfkit::driver_migration
