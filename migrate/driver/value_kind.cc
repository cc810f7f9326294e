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
        plain = plain && field->getIdentifier() != nullptr && !field->isBitField() &&
                KindOf(mappings, sm, field->getType(), nullptr) == ValueKind::kPlain;
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

std::vector<std::string> PlainStructFields(clang::QualType type) {
  std::vector<std::string> names;
  if (const auto* record = type->getAsCXXRecordDecl()) {
    for (const clang::FieldDecl* field : record->fields()) names.push_back(field->getNameAsString());
  }
  return names;
}

}  // namespace fdfkit::driver_migration
