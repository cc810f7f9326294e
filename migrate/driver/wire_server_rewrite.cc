#include "migrate/driver/wire_server_rewrite.h"

#include <vector>

#include "migrate/driver/diagnostics.h"
#include "migrate/driver/driver_start.h"
#include "migrate/driver/server_method_plan.h"
#include "migrate/driver/source_text.h"
#include "migrate/driver/wire_spelling.h"

namespace fdfkit::driver_migration {

using namespace clang::ast_matchers;  // NOLINT: the matcher language

namespace {

bool IsOrDerivesFrom(const clang::CXXRecordDecl& record, const clang::CXXRecordDecl& base) {
  if (record.getCanonicalDecl() == base.getCanonicalDecl()) return true;
  return record.hasDefinition() && record.isDerivedFrom(&base);
}

// What the server derives from, as the messages name it.
std::string MixinName(const clang::CXXBaseSpecifier& mixin, const ProtocolMapping& protocol) {
  const auto* record = mixin.getType()->getAsCXXRecordDecl();
  return record != nullptr && record->getName().endswith("DualServer")
             ? record->getQualifiedNameAsString()
             : protocol.cpp_mixin;
}

// The dual server's method publishing the clone's service on its transport.
const char* PublicationName(const ProtocolMapping& protocol) {
  return OnChannel(protocol) ? "AddChannelService" : "AddDriverTransportService";
}

// `AddDriverTransportService(...)` (`AddChannelService(...)`) called on the server itself (`this`, said or not), as a
// call; else null: publishing another object's service is that object's business.
const clang::CXXMemberCallExpr* PublicationOnItself(clang::ASTContext& ast,
                                                    const clang::MemberExpr& member) {
  for (const clang::DynTypedNode& parent : ast.getParents(member)) {
    const auto* call = parent.get<clang::CXXMemberCallExpr>();
    if (call == nullptr || call->getCallee()->IgnoreParens() != &member) continue;
    const clang::Expr* object = call->getImplicitObjectArgument();
    if (object != nullptr && llvm::isa<clang::CXXThisExpr>(object->IgnoreParenImpCasts()) &&
        call->getNumArgs() >= 2) {
      return call;
    }
  }
  return nullptr;
}

// Whether any of `call` (the callee, an argument) is spelled through a macro: its text cannot be
// rebuilt from the source.
bool WrittenInMacro(const clang::CXXMemberCallExpr& call) {
  if (call.getBeginLoc().isMacroID() || call.getEndLoc().isMacroID()) return true;
  for (const clang::Expr* argument : call.arguments()) {
    if (llvm::isa<clang::CXXDefaultArgExpr>(argument)) continue;
    if (argument->getBeginLoc().isMacroID() || argument->getEndLoc().isMacroID()) return true;
  }
  return false;
}

// Why a server that uses `used` of its mixin stays: a banjo publication (a compat::BanjoServer
// built from the ops table, or the dual server's banjo_server()) means banjo children remain.
std::string WhyKept(const clang::CXXRecordDecl& server, const clang::NamedDecl& used,
                    clang::SourceLocation at, bool from_dual, const clang::SourceManager& sm) {
  std::string where = " (at " + Where(sm, at) + ")";
  for (const clang::FieldDecl* field : server.fields()) {
    const clang::Expr* init = field->getInClassInitializer();
    const clang::CXXRecordDecl* type = field->getType()->getAsCXXRecordDecl();
    if (init != nullptr && type != nullptr &&
        type->getQualifiedNameAsString() == "compat::BanjoServer" &&
        sm.isPointWithin(at, sm.getExpansionLoc(init->getBeginLoc()),
                         sm.getExpansionLoc(init->getEndLoc()))) {
      return "it serves banjo children through compat::BanjoServer " + field->getNameAsString() +
             where +
             ": --mode=dual serves both transports; once its children use the driver "
             "transport, remove the BanjoServer and run --mode=replace again";
    }
  }
  if (from_dual) {
    return "it still uses the dual server's " + used.getNameAsString() + where +
           (IsNamed(used, "AddDriverTransportService") || IsNamed(used, "AddChannelService")
                ? std::string(", on another object than itself")
                : std::string(": banjo children remain; once they use the driver transport, "
                              "remove what serves them and run --mode=replace again"));
  }
  return "it uses the mixin's " + used.getNameAsString() + where +
         ", which goes with it; --mode=dual keeps serving banjo";
}

// `X::AddDriverTransportService(OUT, DISPATCHER[, INSTANCE])` (or AddChannelService) →
// `OUT.AddService<Service>(handler
// on DISPATCHER[, INSTANCE])`: the same publication, through the binding group.
ServerEdit RepublishCall(const clang::SourceManager& sm, const clang::LangOptions& lang,
                         const clang::CXXMemberCallExpr& call, const std::string& service,
                         const std::string& handler) {
  // `*outgoing()` (a shared_ptr's, or a pointer's) is called through as `outgoing()->`.
  const clang::Expr* object = call.getArg(0)->IgnoreParenImpCasts();
  const clang::Expr* pointer = nullptr;
  if (const auto* deref = llvm::dyn_cast<clang::UnaryOperator>(object);
      deref != nullptr && deref->getOpcode() == clang::UO_Deref) {
    pointer = deref->getSubExpr();
  } else if (const auto* op = llvm::dyn_cast<clang::CXXOperatorCallExpr>(object);
             op != nullptr && op->getOperator() == clang::OO_Star && op->getNumArgs() == 1) {
    pointer = op->getArg(0);
  }
  std::string outgoing = pointer != nullptr ? Text(sm, lang, pointer->getSourceRange()) + "->"
                                            : "(" + Text(sm, lang, object->getSourceRange()) + ").";
  std::string text = outgoing + "AddService<" + service + ">(" + handler +
                     Text(sm, lang, call.getArg(1)->getSourceRange()) +
                     ", fidl::kIgnoreBindingClosure)})";
  if (call.getNumArgs() > 2 && !llvm::isa<clang::CXXDefaultArgExpr>(call.getArg(2))) {
    text += ", " + Text(sm, lang, call.getArg(2)->getSourceRange());
  }
  return {clang::CharSourceRange::getTokenRange(call.getSourceRange()), text + ")", true};
}

}  // namespace

void WireServerRewrite::Rewrite(const MatchFinder::MatchResult& result,
                                const clang::CXXRecordDecl& server,
                                const clang::CXXBaseSpecifier& mixin,
                                const LibraryMapping& library, const ProtocolMapping& protocol,
                                bool from_dual) {
  clang::ASTContext& ast = *result.Context;
  const clang::SourceManager& sm = *result.SourceManager;
  std::string name = server.getNameAsString();
  clang::SourceLocation base_at = mixin.getTypeSourceInfo()->getTypeLoc().getBeginLoc();
  std::vector<ServerEdit> edits;
  // Anything of the mixin's used by name (its ops table for compat::BanjoServer...) goes with it;
  // of a dual server's, only its own publication of the service, which moves to the binding
  // group.
  const auto* mixin_record = mixin.getType()->getAsCXXRecordDecl();
  const clang::CXXMemberCallExpr* publication = nullptr;
  for (const BoundNodes& bound :
       MatchInRewritableFiles(context_->files(), ast,
                              memberExpr(isExpansionInRewritableFile(&context_->files()))
                                  .bind("member"))) {
    const auto* member = bound.getNodeAs<clang::MemberExpr>("member");
    const auto* owner =
        llvm::dyn_cast<clang::CXXRecordDecl>(member->getMemberDecl()->getDeclContext());
    if (owner == nullptr || mixin_record == nullptr || !IsOrDerivesFrom(*mixin_record, *owner)) {
      continue;
    }
    const clang::NamedDecl& used = *member->getMemberDecl();
    if (from_dual && IsNamed(used, PublicationName(protocol)) && publication == nullptr) {
      publication = PublicationOnItself(ast, *member);
      if (publication != nullptr && WrittenInMacro(*publication)) {
        context_->Leave(sm, base_at, diag::kServerLeft, name, MixinName(mixin, protocol),
                        "it publishes its service through a macro (at " +
                            Where(sm, publication->getBeginLoc()) + "), which is not rewritten");
        return;
      }
      if (publication != nullptr) continue;
    }
    context_->Leave(sm, base_at, diag::kServerLeft, name, MixinName(mixin, protocol),
                    WhyKept(server, used, sm.getExpansionLoc(member->getExprLoc()), from_dual,
                            sm));
    return;
  }
  for (const MethodMapping& row : protocol.methods) {
    const std::string& banjo_name = row.cpp_mixin;
    const clang::CXXMethodDecl* method = nullptr;
    for (const clang::CXXMethodDecl* candidate : server.methods()) {
      if (IsNamed(*candidate, banjo_name)) method = candidate;
    }
    if (method == nullptr) continue;  // the mixin's static checks say so at compile time
    std::string why;
    if (!PlanServerMethod(*context_, ast, *method, row, library, protocol, &edits, &why)) {
      context_->Leave(sm, method->getLocation(), diag::kServerMethodLeft, name, banjo_name, why);
      context_->Leave(sm, base_at, diag::kServerLeft, name, MixinName(mixin, protocol),
                      "its method " + banjo_name + " is not rewritten");
      return;
    }
  }
  std::string ns = FidlNamespace(library);
  std::string marker = ns + "::" + protocol.fidl_protocol;
  edits.push_back({clang::CharSourceRange::getTokenRange(
                       mixin.getTypeSourceInfo()->getTypeLoc().getSourceRange()),
                   BindingsNamespace(protocol) + "::WireServer<" + marker + ">", true});
  // What the class gains: the unknown-method handler of an open protocol, the binding group.
  std::string bindings = protocol.fidl_protocol;
  for (size_t i = 0; i < bindings.size(); ++i) {
    if (std::isupper(static_cast<unsigned char>(bindings[i]))) {
      bindings.replace(i, 1, std::string(i ? "_" : "") +
                                 static_cast<char>(std::tolower(static_cast<unsigned char>(
                                     bindings[i]))));
    }
  }
  bindings += "_bindings_";
  std::string members;
  std::string indent = LineIndent(sm, server.getBeginLoc()) + "  ";
  if (protocol.openness != "closed") {
    members += indent + "void handle_unknown_method(fidl::UnknownMethodMetadata<" + marker +
               "> metadata, fidl::UnknownMethodCompleter::Sync& completer) override {}\n";
  }
  members += indent + BindingsNamespace(protocol) + "::ServerBindingGroup<" + marker + "> " +
             bindings + ";\n";
  clang::SourceLocation close = server.getBraceRange().getEnd();
  edits.push_back({clang::CharSourceRange::getCharRange(close, close), members});
  // Published where the dual server published it, else where a DFv2 driver starts; anywhere
  // else, by a human.
  std::string service = ns + "::" + protocol.service_name;
  std::string handler = service + "::InstanceHandler({." + protocol.service_member + " = " +
                        bindings + ".CreateHandler(this, ";
  if (publication != nullptr && !protocol.service_name.empty()) {
    edits.push_back(RepublishCall(sm, ast.getLangOpts(), *publication, service, handler));
  }
  const clang::CompoundStmt* start =
      publication != nullptr ? nullptr : DriverStartBody(*context_, sm, server);
  context_->DeclareServerGroup(&mixin, base_at, name, MixinName(mixin, protocol));
  if ((start == nullptr && publication == nullptr) || protocol.service_name.empty()) {
    context_->LeaveIn(&mixin, server.getLocation(), diag::kServerPublishByHand, name,
                      protocol.fidl_protocol,
                      OnChannel(protocol) ? "a fidl::WireServer" : "an fdf::WireServer",
                      protocol.service_name.empty() ? "the service the clone declares" : service);
  }
  // One group, which the clients its methods call (rewritten with them) stand or fall with
  // (the call-site rewrite ties them, keyed by the mixin).
  for (const ServerEdit& edit : edits) {
    if (!edit.consume_only) context_->ReplaceIn(&mixin, sm, edit.range, edit.text);
    if (edit.consumes) context_->ConsumedIn(&mixin, sm, edit.range);
  }
  if (start != nullptr && !protocol.service_name.empty()) {
    PublishFirstInStart(context_, sm, *start,
                        "outgoing()->AddService<" + service + ">(" + handler +
                            (OnChannel(protocol) ? "dispatcher()" : "driver_dispatcher()->get()") +
                            ", fidl::kIgnoreBindingClosure)}))",
                        &mixin);
  }
}

}  // namespace fdfkit::driver_migration
