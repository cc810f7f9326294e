#include "migrate/driver/clone_bounds.h"

#include <filesystem>
#include <sstream>

#include "migrate/idl/commands.h"

namespace fdfkit::driver_migration {
namespace {

// The members of a method's (success) response payload.
const std::vector<idl::flat::StructMember>* ResponseMembers(const idl::flat::Method& method) {
  const std::optional<idl::flat::Type>& payload =
      method.has_result_union() ? method.success : method.response;
  if (!payload || !payload->decl || payload->decl->kind != idl::flat::Decl::Kind::kStruct) {
    return nullptr;
  }
  return &static_cast<const idl::flat::Struct*>(payload->decl)->members;
}

}  // namespace

void ReadCloneBounds(LibraryMapping* library) {
  namespace fs = std::filesystem;
  fs::path dir = fs::path(library->file).parent_path();
  fs::path clone = dir / (library->fidl_library + ".fidl");
  std::error_code ec;
  if (!fs::is_regular_file(clone, ec)) return;
  idl::Compilation compilation;
  std::ostringstream ignored;  // a clone that does not compile only leaves bounds unknown
  if (!idl::CompileInputs({{clone.string()}, {dir.empty() ? "." : dir.string()}}, false,
                          &compilation, ignored)) {
    return;
  }
  const idl::flat::Library* compiled = compilation.compiler.Find(library->fidl_library);
  if (compiled == nullptr) return;
  library->clone_read = true;
  for (ProtocolMapping& protocol : library->protocols) {
    const idl::flat::Decl* decl = compiled->Lookup(protocol.fidl_protocol);
    if (decl == nullptr || decl->kind != idl::flat::Decl::Kind::kProtocol) continue;
    const auto& fidl = static_cast<const idl::flat::Protocol&>(*decl);
    for (MethodMapping& method : protocol.methods) {
      for (const idl::flat::Method* candidate : fidl.all_methods) {
        if (candidate->name != method.fidl_method || candidate->is_event) continue;
        const std::vector<idl::flat::StructMember>* members = ResponseMembers(*candidate);
        if (members == nullptr) continue;
        for (ParameterMapping& parameter : method.parameters) {
          for (const idl::flat::StructMember& member : *members) {
            if (member.name == parameter.field && parameter.becomes == "response" &&
                (member.type.kind == idl::flat::Type::Kind::kVector ||
                 member.type.kind == idl::flat::Type::Kind::kString) &&
                member.type.bounded) {
              parameter.bound = member.type.element_count;
            }
          }
        }
      }
    }
  }
}

}  // namespace fdfkit::driver_migration
