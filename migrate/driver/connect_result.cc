#include "migrate/driver/connect_result.h"

#include <clang/AST/ExprCXX.h>
#include <clang/AST/ParentMapContext.h>
#include <clang/ASTMatchers/ASTMatchFinder.h>

#include "migrate/driver/enclosing_node.h"
#include "migrate/driver/source_text.h"

namespace fdfkit::driver_migration {

using namespace clang::ast_matchers;  // NOLINT: the matcher language

namespace {

// `expr` without the implicit nodes and parentheses the compiler puts around a value.
const clang::Expr* Bare(const clang::Expr* expr) {
  return expr == nullptr ? nullptr : expr->IgnoreImplicit()->IgnoreParens()->IgnoreImplicit();
}

// The variable that `expr`, `*expr`, `expr->` or `expr.value()` reads the client out of.
const clang::VarDecl* ResultVariable(const clang::Expr* expr) {
  expr = Bare(expr);
  if (const auto* op = llvm::dyn_cast_or_null<clang::CXXOperatorCallExpr>(expr)) {
    if ((op->getOperator() == clang::OO_Star || op->getOperator() == clang::OO_Arrow) &&
        op->getNumArgs() == 1) {
      expr = Bare(op->getArg(0));
    } else {
      return nullptr;
    }
  } else if (const auto* call = llvm::dyn_cast_or_null<clang::CXXMemberCallExpr>(expr)) {
    if (call->getMethodDecl() == nullptr || !IsNamed(*call->getMethodDecl(), "value")) {
      return nullptr;
    }
    expr = Bare(call->getImplicitObjectArgument());
  } else {
    return nullptr;
  }
  const auto* reference = llvm::dyn_cast_or_null<clang::DeclRefExpr>(expr);
  const auto* variable =
      reference ? llvm::dyn_cast<clang::VarDecl>(reference->getDecl()) : nullptr;
  return variable != nullptr && ConnectBanjoInitializer(*variable) ? variable : nullptr;
}

clang::DynTypedNode ParentOf(clang::ASTContext& context, clang::DynTypedNode node) {
  return EnclosingNode(context, node).node;
}

bool IsResultApi(llvm::StringRef name) {
  return name == "is_ok" || name == "is_error" || name == "status_value" ||
         name == "status_string" || name == "take_error" || name == "error_value";
}

// The copy of a banjo client `value` (`*x`, `x.value()`) feeds, walking out past std::move:
// the assignment's left side or the constructed variable; null when it is not copied.
struct CopyTarget {
  const clang::Expr* assigned = nullptr;   // `lhs = value`
  const clang::VarDecl* declared = nullptr;  // `T v(value)`, `T v = value`
  bool moved = false;
};
CopyTarget CopyOf(clang::ASTContext& context, const clang::Expr& value) {
  CopyTarget target;
  clang::DynTypedNode node = clang::DynTypedNode::create(value);
  clang::DynTypedNode parent = ParentOf(context, node);
  if (const auto* call = parent.get<clang::CallExpr>()) {
    const auto* callee = call->getDirectCallee();
    if (callee != nullptr && callee->getQualifiedNameAsString() == "std::move" &&
        call->getNumArgs() == 1) {
      target.moved = true;
      node = parent;
      parent = ParentOf(context, parent);
    }
  }
  if (const auto* op = parent.get<clang::CXXOperatorCallExpr>()) {
    if (op->getOperator() == clang::OO_Equal && op->getNumArgs() == 2 &&
        Bare(op->getArg(1)) == Bare(node.get<clang::Expr>())) {
      target.assigned = Bare(op->getArg(0));
    }
    return target;
  }
  if (parent.get<clang::CXXConstructExpr>() != nullptr) {
    clang::DynTypedNode holder = ParentOf(context, parent);
    target.declared = holder.get<clang::VarDecl>();
  } else {
    target.declared = parent.get<clang::VarDecl>();
  }
  return target;
}

// `target` assigns a data member of this class whose type is a mapped banjo client, or such a
// member of a struct this class holds by value (`controller_.client`): either lives as long as
// the object.
bool IntoOwnClientMember(const MappingIndex& mappings, const CopyTarget& target) {
  const auto* member = llvm::dyn_cast_or_null<clang::MemberExpr>(target.assigned);
  const auto* field = member ? llvm::dyn_cast<clang::FieldDecl>(member->getMemberDecl()) : nullptr;
  if (field == nullptr) return false;
  const clang::Expr* base = member->getBase()->IgnoreImplicit();
  for (const auto* outer = llvm::dyn_cast<clang::MemberExpr>(base);
       outer != nullptr && !member->isArrow() && llvm::isa<clang::FieldDecl>(outer->getMemberDecl()) &&
       !outer->getMemberDecl()->getType()->isReferenceType();
       outer = llvm::dyn_cast<clang::MemberExpr>(base)) {
    member = outer;
    base = outer->getBase()->IgnoreImplicit();
  }
  if (!llvm::isa<clang::CXXThisExpr>(base)) return false;
  const clang::CXXRecordDecl* type = field->getType()->getAsCXXRecordDecl();
  const LibraryMapping* library = nullptr;
  return type != nullptr && mappings.ForClientClass(type->getQualifiedNameAsString(), &library);
}

}  // namespace

const clang::CallExpr* ConnectBanjoInitializer(const clang::VarDecl& variable) {
  const auto* call = llvm::dyn_cast_or_null<clang::CallExpr>(Bare(variable.getInit()));
  if (call == nullptr) return nullptr;
  const auto* callee = call->getDirectCallee();
  return callee != nullptr && callee->getQualifiedNameAsString() == "compat::ConnectBanjo"
             ? call
             : nullptr;
}

const clang::VarDecl* ConnectResultReceiver(const clang::Expr& receiver) {
  return ResultVariable(&receiver);
}

namespace {

// One use of a ConnectBanjo result, as the rewrites see it.
struct ResultUse {
  const clang::DeclRefExpr* ref = nullptr;
  const clang::Expr* value = nullptr;  // `*x`, `x->`, `x.value()` when the client is read out
  enum class Kind {
    kResultApi,     // x.is_error(), x.take_error()...: zx::result's own
    kCallThrough,   // the object of a call on a mapped banjo client
    kIntoMember,    // copied or moved into a banjo client member of this class (`field`)
    kIntoLocal,     // copied into a local variable (not a lambda's capture)
    kByReference,   // passed to a `const Client&` parameter
    kOther,         // anything else: stored, returned, captured, passed by value...
  } kind = Kind::kOther;
  const clang::FieldDecl* field = nullptr;
  CopyTarget target;
};

std::vector<ResultUse> UsesOf(clang::ASTContext& context, const MappingIndex& mappings,
                              const clang::VarDecl& variable,
                              const clang::FunctionDecl& function) {
  std::vector<ResultUse> uses;
  if (function.getBody() == nullptr) return uses;
  auto references = match(
      findAll(declRefExpr(to(varDecl(equalsNode(&variable)))).bind("use")), *function.getBody(),
      context);
  for (const BoundNodes& bound : references) {
    ResultUse out;
    out.ref = bound.getNodeAs<clang::DeclRefExpr>("use");
    clang::DynTypedNode parent = ParentOf(context, clang::DynTypedNode::create(*out.ref));
    if (const auto* member = parent.get<clang::MemberExpr>()) {
      if (member->getMemberDecl()->getIdentifier() != nullptr &&
          IsResultApi(member->getMemberDecl()->getName())) {
        out.kind = ResultUse::Kind::kResultApi;
        uses.push_back(out);
        continue;
      }
    }
    clang::DynTypedNode value = parent;
    if (parent.get<clang::MemberExpr>()) value = ParentOf(context, parent);  // x.value()
    const auto* value_expr = value.get<clang::Expr>();
    if (value_expr == nullptr || ResultVariable(value_expr) != &variable) {
      uses.push_back(out);
      continue;
    }
    out.value = value_expr;
    clang::DynTypedNode around = ParentOf(context, value);
    const auto* member = around.get<clang::MemberExpr>();
    clang::DynTypedNode call = member ? ParentOf(context, around) : clang::DynTypedNode();
    const auto* client_call = call.get<clang::CXXMemberCallExpr>();
    const LibraryMapping* library = nullptr;
    if (client_call != nullptr && client_call->getMethodDecl() != nullptr &&
        mappings.ForClientClass(
            client_call->getMethodDecl()->getParent()->getQualifiedNameAsString(), &library)) {
      out.kind = ResultUse::Kind::kCallThrough;
      uses.push_back(out);
      continue;
    }
    out.target = CopyOf(context, *value_expr);
    if (IntoOwnClientMember(mappings, out.target)) {
      out.kind = ResultUse::Kind::kIntoMember;
      out.field = llvm::cast<clang::FieldDecl>(
          llvm::cast<clang::MemberExpr>(out.target.assigned)->getMemberDecl());
    } else if (out.target.declared != nullptr && out.target.declared->hasLocalStorage() &&
               !out.target.declared->isInitCapture()) {
      out.kind = ResultUse::Kind::kIntoLocal;
    } else if (const auto* reference =
                   out.target.assigned ? llvm::dyn_cast<clang::DeclRefExpr>(out.target.assigned)
                                       : nullptr) {
      const auto* local = llvm::dyn_cast<clang::VarDecl>(reference->getDecl());
      if (local != nullptr && local->hasLocalStorage()) out.kind = ResultUse::Kind::kIntoLocal;
    } else if (const auto* call_expr = around.get<clang::CallExpr>()) {
      // An argument: fine for a `const Client&` parameter of a plain function (the result
      // outlives the call); a copy, a forwarding or non-const reference may be kept.
      const clang::FunctionDecl* callee = call_expr->getDirectCallee();
      for (unsigned i = 0; callee != nullptr && i < call_expr->getNumArgs() &&
                           i < callee->getNumParams();
           ++i) {
        if (Bare(call_expr->getArg(i)) != Bare(value_expr)) continue;
        clang::QualType type = callee->getParamDecl(i)->getType();
        if (!callee->isTemplateInstantiation() && type->isLValueReferenceType() &&
            type->getPointeeType().isConstQualified()) {
          out.kind = ResultUse::Kind::kByReference;
        }
      }
    }
    uses.push_back(out);
  }
  return uses;
}

}  // namespace

const clang::Expr* BlockingUse(clang::ASTContext& context, const MappingIndex& mappings,
                               const clang::VarDecl& variable,
                               const clang::FunctionDecl& function) {
  std::vector<ResultUse> uses = UsesOf(context, mappings, variable, function);
  const clang::SourceManager& sm = context.getSourceManager();
  // Once moved into a member, the end is the member's: a later read of the client would be of a
  // moved-from end (the banjo original copied, so both worked).
  clang::SourceLocation moved;
  for (const ResultUse& use : uses) {
    if (use.kind == ResultUse::Kind::kIntoMember &&
        (moved.isInvalid() || sm.isBeforeInTranslationUnit(use.ref->getBeginLoc(), moved))) {
      moved = use.ref->getBeginLoc();
    }
  }
  for (const ResultUse& use : uses) {
    switch (use.kind) {
      case ResultUse::Kind::kResultApi:
        continue;
      case ResultUse::Kind::kIntoMember:
        // Bound into the member instead (the two are tied: both rewritten or neither); only one.
        if (use.ref->getBeginLoc() == moved) continue;
        return use.ref;
      case ResultUse::Kind::kCallThrough:
        if (moved.isValid() && sm.isBeforeInTranslationUnit(moved, use.ref->getBeginLoc())) {
          return use.ref;
        }
        continue;
      default:
        return use.ref;
    }
  }
  return nullptr;
}

std::vector<const clang::FieldDecl*> MembersAssignedFrom(clang::ASTContext& context,
                                                         const MappingIndex& mappings,
                                                         const clang::VarDecl& variable,
                                                         const clang::FunctionDecl& function) {
  std::vector<const clang::FieldDecl*> fields;
  for (const ResultUse& use : UsesOf(context, mappings, variable, function)) {
    if (use.kind == ResultUse::Kind::kIntoMember) fields.push_back(use.field);
  }
  return fields;
}

std::vector<ClientCopy> ClientCopies(clang::ASTContext& context, const MappingIndex& mappings,
                                     const clang::VarDecl& variable,
                                     const clang::FunctionDecl& function) {
  std::vector<ClientCopy> copies;
  const clang::SourceManager& sm = context.getSourceManager();
  for (const ResultUse& use : UsesOf(context, mappings, variable, function)) {
    if (use.value == nullptr) continue;  // the result's own API, or not the client read out
    switch (use.kind) {
      case ResultUse::Kind::kCallThrough:
      case ResultUse::Kind::kIntoLocal:
      case ResultUse::Kind::kByReference:
        continue;  // the result outlives these
      case ResultUse::Kind::kIntoMember:
        copies.push_back({use.value, use.field, use.target.moved, ""});
        continue;
      default: {
        std::string target = "what it is handed to";
        if (use.target.declared != nullptr) {
          target = "'" + use.target.declared->getNameAsString() + "'";
        } else if (use.target.assigned != nullptr) {
          const auto* member = llvm::dyn_cast<clang::MemberExpr>(use.target.assigned);
          target = member ? "member '" + member->getMemberDecl()->getNameAsString() + "'"
                          : "'" + Text(sm, context.getLangOpts(),
                                       use.target.assigned->getSourceRange()) + "'";
        }
        copies.push_back({use.value, nullptr, use.target.moved, target});
      }
    }
  }
  return copies;
}

std::string WhyConnectStays(clang::ASTContext& context, const MappingIndex& mappings,
                            const clang::VarDecl& variable, const clang::FunctionDecl& function,
                            const LibraryMapping& library, const ProtocolMapping& protocol) {
  if (variable.getTypeSourceInfo() == nullptr ||
      variable.getTypeSourceInfo()->getType()->getContainedDeducedType() == nullptr) {
    return "its result's type is spelled out (zx::result<...>), not deduced";
  }
  if (protocol.service_name.empty()) {
    return library.file + " names no service for " + protocol.fidl_protocol +
           " (written by an older migrate-protocol?)";
  }
  if (const clang::Expr* use = BlockingUse(context, mappings, variable, function)) {
    return "the client is used at " + Where(context.getSourceManager(), use->getBeginLoc()) +
           " other than to call it, which an fdf::ClientEnd would not compile with";
  }
  return "";
}

}  // namespace fdfkit::driver_migration
