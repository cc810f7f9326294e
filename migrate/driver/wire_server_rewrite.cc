#include "migrate/driver/wire_server_rewrite.h"

#include <vector>

#include "migrate/driver/diagnostics.h"
#include "migrate/driver/main_file_match.h"
#include "migrate/driver/server_method_plan.h"
#include "migrate/driver/source_text.h"

namespace fdfkit::driver_migration {

using namespace clang::ast_matchers;  // NOLINT: the matcher language

namespace {

bool DerivesFrom(const clang::CXXRecordDecl& record, llvm::StringRef name) {
  for (const clang::CXXBaseSpecifier& base : record.bases()) {
    const auto* decl = base.getType()->getAsCXXRecordDecl();
    if (decl != nullptr && decl->getQualifiedNameAsString() == name) return true;
  }
  return false;
}

}  // namespace

void WireServerRewrite::Rewrite(const MatchFinder::MatchResult& result,
                                const clang::CXXRecordDecl& server,
                                const clang::CXXBaseSpecifier& mixin,
                                const LibraryMapping& library, const ProtocolMapping& protocol) {
  clang::ASTContext& ast = *result.Context;
  const clang::SourceManager& sm = *result.SourceManager;
  std::string name = server.getNameAsString();
  clang::SourceLocation base_at = mixin.getTypeSourceInfo()->getTypeLoc().getBeginLoc();
  std::vector<ServerEdit> edits;
  // Anything of the mixin's used by name (its ops table for compat::BanjoServer...) goes with it.
  const auto* mixin_record = mixin.getType()->getAsCXXRecordDecl();
  for (const BoundNodes& bound :
       MatchInMainFile(ast, memberExpr(isExpansionInMainFile()).bind("member"))) {
    const auto* member = bound.getNodeAs<clang::MemberExpr>("member");
    const auto* owner =
        llvm::dyn_cast<clang::CXXRecordDecl>(member->getMemberDecl()->getDeclContext());
    if (owner != nullptr && mixin_record != nullptr &&
        owner->getCanonicalDecl() == mixin_record->getCanonicalDecl()) {
      context_->Leave(sm, base_at, diag::kServerLeft, name, protocol.cpp_mixin,
                      "it uses the mixin's " + member->getMemberDecl()->getNameAsString() +
                          " (at " + Where(sm, member->getExprLoc()) +
                          "), which goes with it; --mode=dual keeps serving banjo");
      return;
    }
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
      context_->Leave(sm, base_at, diag::kServerLeft, name, protocol.cpp_mixin,
                      "its method " + banjo_name + " is not rewritten");
      return;
    }
  }
  std::string ns = FidlNamespace(library);
  std::string marker = ns + "::" + protocol.fidl_protocol;
  edits.push_back({clang::CharSourceRange::getTokenRange(
                       mixin.getTypeSourceInfo()->getTypeLoc().getSourceRange()),
                   "fdf::WireServer<" + marker + ">", true});
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
  members += indent + "fdf::ServerBindingGroup<" + marker + "> " + bindings + ";\n";
  clang::SourceLocation close = server.getBraceRange().getEnd();
  edits.push_back({clang::CharSourceRange::getCharRange(close, close), members});
  // Published where a DFv2 driver starts; anywhere else, by a human.
  const clang::CXXMethodDecl* start = nullptr;
  for (const clang::CXXMethodDecl* candidate : server.methods()) {
    if (IsNamed(*candidate, "Start") && candidate->getDefinition() != nullptr) {
      start = candidate;
    }
  }
  const auto* start_body =
      start ? llvm::dyn_cast_or_null<clang::CompoundStmt>(start->getDefinition()->getBody())
            : nullptr;
  std::string service = ns + "::" + protocol.service_name;
  if (start_body != nullptr && !protocol.service_name.empty() &&
      DerivesFrom(server, "fdf::DriverBase") &&
      sm.isWrittenInMainFile(sm.getExpansionLoc(start_body->getLBracLoc()))) {
    BodyStart start = StartOf(sm, *start_body);
    const std::string& indent = start.indent;
    edits.push_back(
        {clang::CharSourceRange::getCharRange(start.after_brace, start.after_brace),
         "\n" + indent + "if (zx::result<> added = outgoing()->AddService<" + service + ">(" +
             service + "::InstanceHandler({." + protocol.service_member + " = " + bindings +
             ".CreateHandler(this, driver_dispatcher()->get(), fidl::kIgnoreBindingClosure)}));\n" +
             indent + "    added.is_error()) {\n" + indent + "  return added.take_error();\n" +
             indent + "}"});
  } else {
    context_->Leave(sm, server.getLocation(), diag::kServerPublishByHand, name,
                    protocol.fidl_protocol,
                    protocol.service_name.empty() ? "the service the clone declares"
                                                  : service);
  }
  for (const ServerEdit& edit : edits) {
    context_->Replace(sm, edit.range, edit.text);
    if (edit.consumes) context_->Consumed(sm, edit.range);
  }
}

}  // namespace fdfkit::driver_migration
