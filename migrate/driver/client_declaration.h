// A variable, member or parameter declared with a banjo C++ client type
// (`ddk::FooProtocolClient x;`, `const ddk::FooProtocolClient& x`), and whether --mode=replace
// can turn it into an `fdf::WireSyncClient`: the declaration rewrite and the call-site rewrite
// must agree, or a call would be rewritten on a client that stays banjo.
#ifndef FDFKIT_MIGRATE_DRIVER_CLIENT_DECLARATION_H_
#define FDFKIT_MIGRATE_DRIVER_CLIENT_DECLARATION_H_

#include <clang/AST/ASTContext.h>
#include <clang/AST/Decl.h>
#include <clang/AST/Expr.h>
#include <clang/Basic/SourceManager.h>

#include <optional>
#include <string>
#include <vector>

#include "migrate/driver/mapping_index.h"
#include "migrate/driver/rewritable_files.h"

namespace fdfkit::driver_migration {

struct ClientDeclaration {
  const clang::DeclaratorDecl* decl = nullptr;
  clang::SourceRange type_range;  // the class as spelled: `ddk::FooProtocolClient`
  const LibraryMapping* library = nullptr;
  const ProtocolMapping* protocol = nullptr;
  enum class Construction {
    kNone,      // default-constructed, a parameter, or assigned later
    kParent,    // DFv1: `x(parent)`
    kFragment,  // DFv1: `x(parent, "fragment")`
    kProtocolStruct,  // DFv1: `x(&proto)`, `proto` filled by device_get_protocol
    kOther,     // from a copy, a function's result...: left for a human
  } construction = Construction::kNone;
  const clang::Expr* parent = nullptr;
  const clang::Expr* fragment = nullptr;
  const clang::VarDecl* protocol_struct = nullptr;  // kProtocolStruct: the local `proto`
  const clang::Expr* protocol_struct_use = nullptr;  // and the `&proto` passed
  // A member connected to its parent where a constructor initializes it (DFv1: `gpio_(parent)`)
  // or a statement assigns it (`gpio_ = ddk::FooProtocolClient(parent, "frag");`; DFv2: `gpio_ =
  // *gpio;` from a ConnectBanjo result, `std::move`d or not).
  struct Connection {
    clang::SourceRange range;  // the initializer, or the assignment expression
    const clang::MemberExpr* assigned = nullptr;  // an assignment's left side
    const clang::Expr* parent = nullptr;
    const clang::Expr* fragment = nullptr;  // or null
    const clang::VarDecl* connect_result = nullptr;  // DFv2: the ConnectBanjo result read
    const clang::Expr* result_value = nullptr;       // and the read: `*gpio`, `gpio.value()`
  };
  std::vector<Connection> connections;
  std::string why_not;  // set when the declaration is left alone, saying why

  bool rewritable() const { return why_not.empty(); }
  // `fdf::WireSyncClient<fuchsia_hardware_foo::Foo>`, or `fdf::WireClient<...>` for a client
  // called @async (`fidl::` for a clone on Zircon channels).
  std::string WireClientType(bool called_async) const;
};

// `decl`'s client declaration, or nullopt if its type is no mapped banjo client. Only
// declarations written in the files this unit rewrites are rewritable.
std::optional<ClientDeclaration> FindClientDeclaration(const MappingIndex& mappings,
                                                       const RewritableFiles& files,
                                                       clang::ASTContext& ast,
                                                       const clang::DeclaratorDecl& decl);

// Whether a call on `decl` (a client of `protocol`) in the translation unit is @async: the client
// then becomes an fdf::WireClient, whose replies come through ThenExactlyOnce, and its other calls
// go through sync().
bool CalledAsync(const RewritableFiles& files, clang::ASTContext& ast,
                 const clang::DeclaratorDecl& decl, const ProtocolMapping& protocol);

// The declaration a call's object expression names: `x`, `this->x_`, `*p`, `p->`; or null.
const clang::DeclaratorDecl* ReceiverDeclaration(const clang::Expr& receiver);

}  // namespace fdfkit::driver_migration

#endif  // FDFKIT_MIGRATE_DRIVER_CLIENT_DECLARATION_H_
