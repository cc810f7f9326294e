// Libraries every compilation knows without a file: `zx` (handles, object types, rights, status
// and time aliases) and `fidl` (the framework error of flexible methods). They are written in FIDL
// and go through the same parser and resolver as user files.
#ifndef FDFKIT_MIGRATE_IDL_BUILTIN_LIBRARIES_H_
#define FDFKIT_MIGRATE_IDL_BUILTIN_LIBRARIES_H_

#include <string>
#include <string_view>

namespace fdfkit::idl {

struct BuiltinLibrary {
  std::string_view name;
  std::string_view source;
};

// nullptr unless `library` is built in.
const BuiltinLibrary* FindBuiltinLibrary(std::string_view library);

// The capitalised spelling of a legacy lowercase `zx` name (`status` → `Status`, `obj_type` →
// `ObjType`); empty when `name` does not start with a lowercase letter.
// The ObjType member an older handle subtype name stands for (`MSI_ALLOCATION` → `MSI`); other
// names unchanged.
std::string_view LegacyHandleSubtype(std::string_view subtype);

std::string ZxCanonicalSpelling(std::string_view name);

}  // namespace fdfkit::idl

#endif  // FDFKIT_MIGRATE_IDL_BUILTIN_LIBRARIES_H_
