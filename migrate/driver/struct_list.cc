#include "migrate/driver/struct_list.h"

#include <clang/AST/DeclCXX.h>

#include "migrate/driver/source_text.h"

namespace fdfkit::driver_migration {
namespace {

// fidlgen_banjo's C names of a struct's vector `x`: `x_buffer` and `x_size` for a [Buffer],
// `x_list` and `x_count` otherwise. The wire name `x`, or "" if `pointer` is not one.
std::string VectorName(llvm::StringRef pointer, llvm::StringRef count) {
  for (auto [list, size] : {std::pair{"_buffer", "_size"}, std::pair{"_list", "_count"}}) {
    if (pointer.endswith(list) && pointer.size() > strlen(list)) {
      llvm::StringRef name = pointer.drop_back(strlen(list));
      if (count == (name + size).str()) return name.str();
    }
  }
  return "";
}

}  // namespace

const ElementField* ElementStruct::Field(std::string_view name) const {
  for (const ElementField& field : fields) {
    if (field.name == name) return &field;
  }
  return nullptr;
}

const ElementField* ElementStruct::BufferOf(std::string_view c_name, bool* is_count) const {
  for (const ElementField& field : fields) {
    if (field.buffer && (field.pointer == c_name || field.count == c_name)) {
      *is_count = field.count == c_name;
      return &field;
    }
  }
  return nullptr;
}

std::string ElementStruct::WrittenInPlace() const {
  std::string names;
  for (const ElementField& field : fields) {
    if (field.written_in_place) names += (names.empty() ? "'" : ", '") + field.name + "'";
  }
  return names;
}

std::optional<ElementStruct> AsElementStruct(const MappingIndex& mappings,
                                             const clang::SourceManager& sm, clang::QualType type) {
  const auto* record = type->getAsCXXRecordDecl();
  if (record == nullptr || !record->isStruct() || record->getDefinition() == nullptr) {
    return std::nullopt;
  }
  clang::SourceLocation declared = sm.getExpansionLoc(record->getLocation());
  const clang::FileEntry* file = sm.getFileEntryForID(sm.getFileID(declared));
  if (file == nullptr || mappings.ForBanjoHeaderPath(file->getName()) == nullptr) {
    return std::nullopt;
  }
  std::vector<const clang::FieldDecl*> c_fields(record->field_begin(), record->field_end());
  ElementStruct element;
  for (size_t i = 0; i < c_fields.size(); ++i) {
    const clang::FieldDecl& c = *c_fields[i];
    if (c.getIdentifier() == nullptr || c.isBitField()) return std::nullopt;
    ElementField field;
    field.name = c.getNameAsString();
    clang::QualType c_type = c.getType();
    if (c_type->isPointerType()) {
      // A vector: the pointer, then its count (an integer) right after it.
      const clang::FieldDecl* count = i + 1 < c_fields.size() ? c_fields[i + 1] : nullptr;
      std::string name = count && count->getIdentifier() && count->getType()->isIntegerType()
                             ? VectorName(c.getName(), count->getName())
                             : "";
      clang::QualType pointee = c_type->getPointeeType();
      if (name.empty() ||
          KindOf(mappings, sm, pointee.getUnqualifiedType(), nullptr) != ValueKind::kPlain) {
        return std::nullopt;
      }
      field.name = name;
      field.buffer = true;
      field.pointer = c.getNameAsString();
      field.count = count->getNameAsString();
      field.element = pointee.getUnqualifiedType();
      field.written_in_place = !pointee.isConstQualified();
      element.fields.push_back(field);
      ++i;
      continue;
    }
    field.kind = KindOf(mappings, sm, c_type, &field.banjo_typedef);
    if (field.kind != ValueKind::kPlain && field.kind != ValueKind::kBanjoInteger) {
      return std::nullopt;
    }
    element.fields.push_back(field);
  }
  if (element.fields.empty()) return std::nullopt;
  return element;
}

bool SplitElementRow(std::string_view banjo, std::string* list, std::string* field) {
  size_t at = banjo.find("[].");
  if (at == std::string_view::npos || at == 0 ||
      banjo.find('.', at + 3) != std::string_view::npos) {
    return false;
  }
  *list = std::string(banjo.substr(0, at));
  *field = std::string(banjo.substr(at + 3));
  return !field->empty();
}

std::vector<std::string> BuildWireList(const ElementStruct& element, const std::string& wire_type,
                                       const std::string& wire, const std::string& arena,
                                       const std::string& list, const std::string& count,
                                       const std::string& index) {
  std::string to = wire + "[" + index + "].";
  std::string from = list + "[" + index + "].";
  std::string loop =
      "for (size_t " + index + " = 0; " + index + " < " + count + "; ++" + index + ") {\n";
  for (const ElementField& field : element.fields) {
    std::string value;
    if (field.buffer) {
      // The view does not write through a const pointer: the cast only makes the types meet.
      std::string data = from + field.pointer;
      if (!field.written_in_place) {
        data = "const_cast<" + field.element.getAsString() + "*>(" + data + ")";
      }
      value = "fidl::VectorView<" + field.element.getAsString() + ">::FromExternal(" + data + ", " +
              from + field.count + ")";
    } else if (field.kind == ValueKind::kBanjoInteger) {
      value = "static_cast<decltype(" + to + field.name + ")>(" + from + field.name + ")";
    } else {
      value = from + field.name;
    }
    loop += "  " + to + field.name + " = " + value + ";\n";
  }
  return {wire_type + " " + wire + "(" + arena + ", " + count + ");", loop + "}"};
}

std::string CheckWrittenList(const std::string& written, const std::string& count) {
  // One element per request element: more is a reply the caller has nowhere to put.
  return "if (" + written + ".count() > " + count + ") return ZX_ERR_INTERNAL;";
}

std::vector<std::string> CopyWrittenInPlace(const ElementStruct& element,
                                            const std::string& written, const std::string& list,
                                            const std::string& index) {
  std::string loop = "for (size_t " + index + " = 0; " + index + " < " + written + ".count(); ++" +
                     index + ") {\n";
  for (const ElementField& field : element.fields) {
    if (!field.written_in_place) continue;
    std::string from = written + "[" + index + "]." + field.name;
    std::string to = list + "[" + index + "].";
    loop += "  std::copy_n(" + from + ".data(), std::min<size_t>(" + from + ".count(), " + to +
            field.count + "), " + to + field.pointer + ");\n";
  }
  return {loop + "}"};
}

}  // namespace fdfkit::driver_migration
