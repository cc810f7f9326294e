#include "migrate/driver/client_declaration.h"

#include <clang/AST/DeclCXX.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/TypeLoc.h>
#include <clang/ASTMatchers/ASTMatchFinder.h>

#include <algorithm>

#include "migrate/driver/connect_result.h"
#include "migrate/driver/wire_spelling.h"

namespace fdfkit::driver_migration {
namespace {

// The class part of `loc` under references, pointers and cv-qualifiers.
clang::TypeLoc ClassLoc(clang::TypeLoc loc) {
  for (;;) {
    loc = loc.getUnqualifiedLoc();
    if (auto reference = loc.getAs<clang::ReferenceTypeLoc>()) {
      loc = reference.getPointeeLoc();
    } else if (auto pointer = loc.getAs<clang::PointerTypeLoc>()) {
      loc = pointer.getPointeeLoc();
    } else {
      return loc;
    }
  }
}

bool IsDevicePointer(clang::QualType type) {
  if (!type->isPointerType()) return false;
  std::string pointee = type->getPointeeType().getUnqualifiedType().getAsString();
  return pointee == "zx_device_t" || pointee == "zx_device" || pointee == "struct zx_device";
}

// How `init` (a declaration's initializer) constructs the client.
void Classify(const clang::Expr* init, ClientDeclaration* out) {
  if (init == nullptr) return;
  init = init->IgnoreImplicit();
  // `ddk::FooProtocolClient(parent)`, assigned.
  if (const auto* cast = llvm::dyn_cast<clang::CXXFunctionalCastExpr>(init)) {
    init = cast->getSubExpr()->IgnoreImplicit();
  }
  if (const auto* list = llvm::dyn_cast<clang::InitListExpr>(init);
      list && list->getNumInits() == 0) {
    return;
  }
  const auto* construct = llvm::dyn_cast<clang::CXXConstructExpr>(init);
  if (construct == nullptr) {
    out->construction = ClientDeclaration::Construction::kOther;
    return;
  }
  std::vector<const clang::Expr*> arguments;
  for (const clang::Expr* argument : construct->arguments()) {
    if (!llvm::isa<clang::CXXDefaultArgExpr>(argument)) arguments.push_back(argument);
  }
  if (arguments.empty()) return;
  // `x(&proto)`, a local banjo protocol struct (device_get_protocol's, checked by the caller).
  const auto* address = llvm::dyn_cast<clang::UnaryOperator>(arguments[0]->IgnoreParenImpCasts());
  if (arguments.size() == 1 && address != nullptr && address->getOpcode() == clang::UO_AddrOf) {
    const auto* reference =
        llvm::dyn_cast<clang::DeclRefExpr>(address->getSubExpr()->IgnoreParens());
    const auto* variable =
        reference ? llvm::dyn_cast<clang::VarDecl>(reference->getDecl()) : nullptr;
    if (variable != nullptr && variable->isLocalVarDecl()) {
      out->protocol_struct = variable;
      out->protocol_struct_use = address;
      out->construction = ClientDeclaration::Construction::kProtocolStruct;
      return;
    }
  }
  if (IsDevicePointer(arguments[0]->IgnoreImplicit()->getType())) {
    out->parent = arguments[0];
    if (arguments.size() == 1) {
      out->construction = ClientDeclaration::Construction::kParent;
      return;
    }
    if (arguments.size() == 2) {
      out->fragment = arguments[1];
      out->construction = ClientDeclaration::Construction::kFragment;
      return;
    }
  }
  out->construction = ClientDeclaration::Construction::kOther;
}

// Where `field`'s constructors initialize it and statements assign it: connections to its
// parent go to `out->connections`; anything else sets `out->why_not`.
void FindMemberConnections(const RewritableFiles& files, clang::ASTContext& ast,
                           const clang::FieldDecl& field,
                           ClientDeclaration* out) {
  auto connection = [&](const clang::Expr* init, clang::SourceRange range,
                        const clang::MemberExpr* assigned, const char* where) {
    // DFv2: what compat::ConnectBanjo gave, copied or moved in.
    const clang::Expr* value = init ? init->IgnoreImplicit()->IgnoreParens() : nullptr;
    if (const auto* move = llvm::dyn_cast_or_null<clang::CallExpr>(value);
        move != nullptr && move->getNumArgs() == 1 && move->getDirectCallee() != nullptr &&
        move->getDirectCallee()->getQualifiedNameAsString() == "std::move") {
      value = move->getArg(0)->IgnoreImplicit()->IgnoreParens();
    }
    if (const clang::VarDecl* result = value ? ConnectResultReceiver(*value) : nullptr) {
      if (assigned == nullptr) {
        out->why_not = "is initialized from a compat::ConnectBanjo result in a constructor";
        return;
      }
      out->connections.push_back({range, assigned, nullptr, nullptr, result, value});
      return;
    }
    ClientDeclaration written;
    Classify(init, &written);
    if (written.construction == ClientDeclaration::Construction::kParent ||
        written.construction == ClientDeclaration::Construction::kFragment) {
      out->connections.push_back({range, assigned, written.parent, written.fragment});
    } else if (written.construction != ClientDeclaration::Construction::kNone) {
      out->why_not = std::string("is ") + where + " from something other than its parent device";
    }
  };
  if (const auto* owner = llvm::dyn_cast<clang::CXXRecordDecl>(field.getParent())) {
    for (const clang::CXXConstructorDecl* constructor : owner->ctors()) {
      // The initializers are the definition's, which may be out of the class.
      const auto* defined =
          llvm::dyn_cast_or_null<clang::CXXConstructorDecl>(constructor->getDefinition());
      if (defined == nullptr) continue;
      for (const clang::CXXCtorInitializer* initializer : defined->inits()) {
        if (initializer->isWritten() && initializer->getMember() == &field) {
          connection(initializer->getInit(), initializer->getSourceRange(), nullptr,
                     "constructed in a constructor's initializer list");
        }
      }
    }
  }
  using namespace clang::ast_matchers;  // NOLINT: the matcher language
  auto assignments = MatchInRewritableFiles(
      files, ast, cxxOperatorCallExpr(hasOverloadedOperatorName("="),
                               hasArgument(0, ignoringParenImpCasts(
                                                  memberExpr(member(equalsNode(&field)))
                                                      .bind("member"))))
               .bind("assignment"));
  for (const BoundNodes& bound : assignments) {
    const auto* assignment = bound.getNodeAs<clang::CXXOperatorCallExpr>("assignment");
    // A statement of its own (the temporary's cleanups aside): in a block, an if's branch...
    auto parents = ast.getParents(*assignment);
    while (parents.size() == 1 && parents[0].get<clang::ExprWithCleanups>() != nullptr) {
      parents = ast.getParents(parents[0]);
    }
    const clang::Stmt* holder = parents.size() == 1 ? parents[0].get<clang::Stmt>() : nullptr;
    if (holder == nullptr || llvm::isa<clang::Expr>(holder)) {
      out->why_not = "is assigned inside an expression";
      continue;
    }
    connection(assignment->getArg(1), assignment->getSourceRange(),
               bound.getNodeAs<clang::MemberExpr>("member"), "assigned");
  }
}

}  // namespace

std::string ClientDeclaration::WireClientType(bool called_async) const {
  return BindingsNamespace(*protocol) + (called_async ? "::WireClient<" : "::WireSyncClient<") +
         FidlNamespace(*library) + "::" + protocol->fidl_protocol + ">";
}

bool CalledAsync(const RewritableFiles& files, clang::ASTContext& ast,
                 const clang::DeclaratorDecl& decl, const ProtocolMapping& protocol) {
  using namespace clang::ast_matchers;  // NOLINT: the matcher language
  auto calls = MatchInRewritableFiles(
      files, ast, cxxMemberCallExpr(callee(cxxMethodDecl(ofClass(hasName(protocol.cpp_client)))))
               .bind("call"));
  for (const BoundNodes& bound : calls) {
    const auto* call = bound.getNodeAs<clang::CXXMemberCallExpr>("call");
    const clang::Expr* receiver = call->getImplicitObjectArgument();
    const MethodMapping* method =
        protocol.MethodForClientCall(call->getMethodDecl()->getNameAsString());
    if (method != nullptr && method->async && receiver != nullptr &&
        ReceiverDeclaration(*receiver) == &decl) {
      return true;
    }
  }
  return false;
}

std::optional<ClientDeclaration> FindClientDeclaration(const MappingIndex& mappings,
                                                       const RewritableFiles& files,
                                                       clang::ASTContext& ast,
                                                       const clang::DeclaratorDecl& decl) {
  const clang::SourceManager& sm = ast.getSourceManager();
  const clang::TypeSourceInfo* info = decl.getTypeSourceInfo();
  if (info == nullptr) return std::nullopt;
  clang::TypeLoc loc = ClassLoc(info->getTypeLoc());
  // Spelled out: `auto` and template arguments are not declarations of the client's type.
  if (!loc.getAs<clang::ElaboratedTypeLoc>() && !loc.getAs<clang::RecordTypeLoc>()) {
    return std::nullopt;
  }
  const clang::CXXRecordDecl* record = loc.getType()->getAsCXXRecordDecl();
  if (record == nullptr) return std::nullopt;
  ClientDeclaration out;
  out.decl = &decl;
  out.protocol = mappings.ForClientClass(record->getQualifiedNameAsString(), &out.library);
  if (out.protocol == nullptr) return std::nullopt;
  out.type_range = loc.getSourceRange();
  if (const auto* field = llvm::dyn_cast<clang::FieldDecl>(&decl)) {
    Classify(field->getInClassInitializer(), &out);
    FindMemberConnections(files, ast, *field, &out);
  } else if (const auto* variable = llvm::dyn_cast<clang::VarDecl>(&decl);
             variable != nullptr && !llvm::isa<clang::ParmVarDecl>(variable)) {
    Classify(variable->getInit(), &out);
  }
  bool connected_in_macro = false;
  for (const ClientDeclaration::Connection& c : out.connections) {
    connected_in_macro |= c.range.getBegin().isMacroID() || c.range.getEnd().isMacroID();
  }
  if (out.type_range.getBegin().isMacroID() || out.type_range.getEnd().isMacroID()) {
    out.why_not = "has a type written through a macro";
  } else if (connected_in_macro) {
    out.why_not = "is connected to its parent through a macro";
  } else if (!files.Contains(sm, out.type_range.getBegin())) {
    out.why_not = "is declared in " + sm.getFilename(out.type_range.getBegin()).str() +
                  ", which is not being rewritten";
  } else if (llvm::isa<clang::ParmVarDecl>(&decl)) {
    out.why_not = "is a parameter, whose callers pass banjo clients";
  } else if (out.construction == ClientDeclaration::Construction::kOther) {
    out.why_not = "is constructed from something other than its parent device";
  } else if (out.construction == ClientDeclaration::Construction::kProtocolStruct &&
             out.protocol_struct->getType().getUnqualifiedType().getAsString() !=
                 out.protocol->c_protocol) {
    out.why_not = "is constructed from a " +
                  out.protocol_struct->getType().getUnqualifiedType().getAsString() +
                  ", not the " + out.protocol->c_protocol + " device_get_protocol fills";
  } else if (out.construction != ClientDeclaration::Construction::kNone ||
             !out.connections.empty()) {
    if (out.protocol->service_name.empty()) {
      out.why_not = "connects to its parent, but " + out.library->file +
                    " names no service for " + out.protocol->fidl_protocol +
                    " (written by an older migrate-protocol?)";
    } else if (out.construction != ClientDeclaration::Construction::kNone &&
               !llvm::isa<clang::VarDecl>(&decl)) {
      out.why_not = "connects to its parent outside a function body";
    } else if (std::any_of(out.connections.begin(), out.connections.end(),
                           [](const auto& c) { return c.connect_result == nullptr; }) &&
               CalledAsync(files, ast, decl, *out.protocol)) {
      out.why_not = "is connected to its parent where it is initialized or assigned, and called "
                    "@async: the fdf::WireClient it would become needs a dispatcher to bind on";
    }
  }
  return out;
}

const clang::DeclaratorDecl* ReceiverDeclaration(const clang::Expr& receiver) {
  const clang::Expr* expr = receiver.IgnoreParenImpCasts();
  if (const auto* deref = llvm::dyn_cast<clang::UnaryOperator>(expr);
      deref != nullptr && deref->getOpcode() == clang::UO_Deref) {
    expr = deref->getSubExpr()->IgnoreParenImpCasts();
  }
  if (const auto* reference = llvm::dyn_cast<clang::DeclRefExpr>(expr)) {
    return llvm::dyn_cast<clang::DeclaratorDecl>(reference->getDecl());
  }
  if (const auto* member = llvm::dyn_cast<clang::MemberExpr>(expr)) {
    return llvm::dyn_cast<clang::DeclaratorDecl>(member->getMemberDecl());
  }
  return nullptr;
}

}  // namespace fdfkit::driver_migration
