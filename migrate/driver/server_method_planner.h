// The planner of one banjo server method (server_method_plan.h), shared by the files that
// implement it: server_method_plan.cc (parameters, out-parameters, returns) and
// server_callback_reply.cc (an @async method's callback, replied to in place or by a held
// completer). Not for use outside them.
#ifndef FDFKIT_MIGRATE_DRIVER_SERVER_METHOD_PLANNER_H_
#define FDFKIT_MIGRATE_DRIVER_SERVER_METHOD_PLANNER_H_

#include <clang/AST/ASTContext.h>
#include <clang/AST/ExprCXX.h>
#include <clang/ASTMatchers/ASTMatchFinder.h>

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "migrate/driver/enclosing_node.h"
#include "migrate/driver/scope_names.h"
#include "migrate/driver/server_method_plan.h"
#include "migrate/driver/source_text.h"
#include "migrate/driver/struct_list.h"

namespace fdfkit::driver_migration::server_method {

// One banjo method of the server, planned: the edits that make it a FIDL method, or why not.
class MethodPlanner {
 public:
  MethodPlanner(const RewriteContext& context, clang::ASTContext& ast,
                const clang::CXXMethodDecl& method, const MethodMapping& mapped,
                const LibraryMapping& library, const ProtocolMapping& protocol)
      : context_(context),
        ast_(ast),
        sm_(ast.getSourceManager()),
        method_(method),
        mapped_(mapped),
        library_(library),
        protocol_(protocol) {}

  // False (with `why`) if the method cannot be rewritten; `edits` otherwise.
  bool Plan(std::vector<ServerEdit>* edits, std::string* why);

 private:
  std::string Text(clang::SourceRange range) const {
    return driver_migration::Text(sm_, ast_.getLangOpts(), range);
  }
  std::string TypeName(clang::QualType type) const {
    return driver_migration::TypeName(ast_.getLangOpts(), type);
  }
  // A use of `parameter` in a lambda (its capture, or its body), or null: the lambda's capture
  // would have to change with it (a copy of `request->x`, which a later call could not reach).
  const clang::DeclRefExpr* UseInLambda(const clang::ParmVarDecl& parameter) const {
    for (const clang::DeclRefExpr* use : UsesOf(parameter)) {
      if (EnclosingFunction(ast_, *use) != definition_) return use;
    }
    return nullptr;
  }
  // The uses of `parameter` in the definition's body.
  std::vector<const clang::DeclRefExpr*> UsesOf(const clang::ParmVarDecl& parameter) const {
    using namespace clang::ast_matchers;  // NOLINT: the matcher language
    std::vector<const clang::DeclRefExpr*> uses;
    for (const BoundNodes& bound :
         match(findAll(declRefExpr(to(parmVarDecl(equalsNode(&parameter)))).bind("use")),
               *definition_->getBody(), ast_)) {
      uses.push_back(bound.getNodeAs<clang::DeclRefExpr>("use"));
    }
    return uses;
  }
  // The definition's parameter the mapping calls `name`: by position (fidlgen_banjo's order, which
  // the mapping keeps), so a driver's own parameter names do not matter.
  const clang::ParmVarDecl* Parameter(const std::string& name) const {
    for (size_t i = 0; i < c_names_.size(); ++i) {
      if (c_names_[i] == name && c_names_.size() == definition_->getNumParams()) {
        return definition_->getParamDecl(static_cast<unsigned>(i));
      }
    }
    for (const clang::ParmVarDecl* parameter : definition_->parameters()) {
      if (IsNamed(*parameter, name)) return parameter;
    }
    return nullptr;
  }
  // `range`'s text with the edits inside it applied (an in-parameter read in a returned
  // expression); those edits are taken out of `edits`, so none overlaps the one using the text.
  std::string TextWithEdits(clang::SourceRange range, std::vector<ServerEdit>* edits) const;
  // Takes the edits inside `range` out of `edits` (a text made with them replaces the range).
  void DropEditsWithin(clang::SourceRange range, std::vector<ServerEdit>* edits) const;
  // TextWithEdits's text, leaving `edits` as they are (a text read more than once before use).
  std::string TextWithEditsKept(clang::SourceRange range,
                                const std::vector<ServerEdit>& edits) const;
  // Whether `expr` is itself passed (through implicit conversions only) for a plain pointer
  // parameter of a function or method the call names.
  bool IsCallArgument(const clang::Expr& expr) const;
  // The banjo client call (of a mapped client class) `expr` is an argument of, or null.
  const clang::CXXMemberCallExpr* ClientCallWithArgument(const clang::Expr& expr) const;
  // Each call on a banjo member client made directly in the method, but for one its callback is
  // forwarded to (CallbackReplies): written as the call-site rewrite would, its arguments read
  // after this method's edits (a parameter read from the request, an out-parameter's local).
  bool ClientCalls(std::vector<ServerEdit>* edits, std::string* why);
  // One of them; `forward`: an @async call passed this method's callback and cookie, whose
  // continuation holds the completer and replies with what the reply brought.
  bool ClientCall(const clang::CXXMemberCallExpr& call, bool forward,
                  std::vector<ServerEdit>* edits, std::string* why);
  // The expression `use` is the operand of `*`, or null.
  const clang::UnaryOperator* DereferenceOf(const clang::DeclRefExpr& use) const;
  bool In(const ParameterMapping& row, std::vector<ServerEdit>* edits, std::string* why);
  bool Out(const ParameterMapping& row, std::vector<ServerEdit>* edits, std::string* why);
  // An out-buffer (pointer, capacity, actual): locals of the parameters' names, on the arena,
  // that the reply carries.
  bool OutBuffer(const ParameterMapping& row, std::string* why);
  // `char* out_x, size_t x_capacity`: a C string the body writes; the reply carries its text.
  bool OutString(const ParameterMapping& row, std::string* why);
  // `T** out_x_list, size_t* x_count` (@callee_allocated): the body points at its own list,
  // which the reply carries.
  bool OutCalleeList(const ParameterMapping& row, std::string* why);
  // A list of structs (`const i2c_impl_op_t* op_list, size_t op_count`), read from the request's
  // wire elements (server_struct_list.cc): `op_count` as `request->op.count()`, `op_list[i]` as
  // `request->op[i]`, a reference bound to an element retyped to the wire struct, a buffer's
  // pointer and size as its view's data() and count(), other fields under their own names.
  bool InStructList(const ParameterMapping& row, const clang::ParmVarDecl& list,
                    const clang::ParmVarDecl& count, const ElementStruct& element,
                    std::vector<ServerEdit>* edits, std::string* why);
  // One element of it, `op_list[i]`: a field read from it, or a reference bound to it whose
  // fields are read; a banjo enum read is added to `enum_reads` (cast once the list's own edits
  // are made).
  bool ElementUse(const clang::ArraySubscriptExpr& indexed, const ElementStruct& element,
                  const std::string& list, std::vector<ServerEdit>* edits,
                  std::vector<const clang::MemberExpr*>* enum_reads, std::string* why);
  bool ElementFieldRead(const clang::MemberExpr& read, const ElementStruct& element,
                        const std::string& list, std::vector<ServerEdit>* edits,
                        std::vector<const clang::MemberExpr*>* enum_reads, std::string* why);
  // Data the callee wrote in place in the elements of such a list (the row `op[].data`): the
  // reply carries each element's buffers as the body left them.
  bool OutWrittenInPlace(const ParameterMapping& row, const std::string& list,
                         const std::string& field, std::string* why);
  // The parameters the row names, all named, of a synchronous method; else false, `why` said.
  bool NamedParameters(const ParameterMapping& row, const char* how,
                       std::vector<const clang::ParmVarDecl*>* parameters, std::string* why);
  // A local of the body called `name`, which the FIDL method's signature needs, renamed to a
  // free name (declaration and uses); false if it is not a plain local or is captured by name.
  bool RenameLocal(const std::string& name, std::vector<ServerEdit>* edits);
  // A block written on one line (`{ return x; }`), whose statements the rewrite makes longer:
  // its statements go on lines of their own, one step in; what the rewrite adds first or last
  // in it goes in `first_lines` / `last_lines` (edits made by FinishOneLineBlocks, at the end).
  struct OneLineBlock {
    clang::SourceLocation open, after_open, first, last_end, close;
    std::string outer, inner;
    std::vector<std::string> first_lines, last_lines;
  };
  void ExpandIfOneLine(const clang::CompoundStmt& block);
  OneLineBlock* OneLineBlockOf(const clang::CompoundStmt& block);
  // The indentation of the line `location` is on, or will be on once its one-line block grew.
  std::string IndentAt(clang::SourceLocation location) const;
  void FinishOneLineBlocks(std::vector<ServerEdit>* edits) const;
  // A name no parameter, no other name of the body and no name the rewrite added before takes
  // (`base`, else `base_suffix`, `base2_suffix`...).
  std::string NewName(const std::string& base, const std::string& suffix) const;
  // A local name no parameter and no other name of the body takes.
  std::string FreshLocal(const std::string& base, std::set<std::string>* taken);
  bool Returns(std::vector<ServerEdit>* edits, std::string* why);
  // Each use of a struct parameter is a field access (`p->f`, or `p.f` by value) whose
  // `p->` becomes `prefix` (`request->config.`, a local's `config.`); `verb` says what the method
  // does with it ("reads", "writes").
  bool ReplaceFieldAccess(const clang::ParmVarDecl& parameter, bool by_pointer,
                          const std::string& prefix, const char* verb,
                          std::vector<ServerEdit>* edits, std::string* why);
  // @async: each `callback(cookie, status, values...)` in the body becomes the reply.
  bool CallbackReplies(std::vector<ServerEdit>* edits, std::string* why);
  // The reply that replaces one `callback(cookie, ...)`.
  bool CallbackReply(const clang::CallExpr& call, std::vector<ServerEdit>* edits, std::string* why);
  // `lambda`, which the callback and cookie were captured by, holds completer.ToAsync() instead
  // (mutable, with an arena of its own to reply on).
  bool HoldCompleter(const clang::LambdaExpr& lambda, std::vector<ServerEdit>* edits,
                     std::string* why);
  // The outermost lambda written in the method that holds `stmt`, or null.
  const clang::LambdaExpr* OuterLambda(const clang::Stmt& stmt) const {
    const clang::LambdaExpr* outer = nullptr;
    for (clang::DynTypedNode node = clang::DynTypedNode::create(stmt);;) {
      node = ParentLeadingOut(ast_, node);
      if (node.getNodeKind().isNone()) return nullptr;
      if (const auto* lambda = node.get<clang::LambdaExpr>()) outer = lambda;
      if (const auto* function = node.get<clang::FunctionDecl>()) {
        const auto* method = llvm::dyn_cast<clang::CXXMethodDecl>(function);
        if (method == nullptr || !method->getParent()->isLambda()) {
          return function == definition_ ? outer : nullptr;
        }
      }
    }
  }
  // `lambda`'s capture of `decl` by copy, by name (`[x]`), or null.
  static const clang::LambdaCapture* CopyCapture(const clang::LambdaExpr& lambda,
                                                 const clang::ValueDecl& decl) {
    for (const clang::LambdaCapture& capture : lambda.explicit_captures()) {
      if (capture.capturesVariable() && capture.getCapturedVar() == &decl &&
          capture.getCaptureKind() == clang::LCK_ByCopy && !lambda.isInitCapture(&capture)) {
        return &capture;
      }
    }
    return nullptr;
  }
  // Whether `use` is the expression a capture of `lambda` copies (written as the capture).
  bool IsCapture(const clang::LambdaExpr& lambda, const clang::DeclRefExpr& use) const {
    const auto* captured = llvm::dyn_cast<clang::ValueDecl>(use.getDecl());
    const clang::LambdaCapture* capture = captured ? CopyCapture(lambda, *captured) : nullptr;
    return capture != nullptr &&
           sm_.getExpansionLoc(capture->getLocation()) == sm_.getExpansionLoc(use.getLocation());
  }
  // The reply for a method that ended with the status `value` (its text `status`): `success`,
  // or the error.
  std::vector<std::string> StatusReply(const clang::Expr& value, std::string status,
                                       const std::string& success) const;
  // `statement` (to its `;`) replaced by `lines`, braced where it was the body of an if, else or
  // loop; then `return;` if `then_return`, unless the method ends there anyway.
  bool ReplaceStatement(const clang::Stmt& statement, std::vector<std::string> lines,
                        bool then_return, std::vector<ServerEdit>* edits, std::string* why) const;
  // `completer.buffer(arena).Reply...(...)` for a method that ended with `value` (or ZX_OK).
  std::string Reply(const std::string& reply, const std::string& value) const;
  // The body uses an arena called `arena` for `user`'s messages or copies: a driver-transport
  // method has it as a parameter; a channel method gets a local (an fdf::Arena if any
  // driver-transport call needs it, which holds copies as well).
  void NeedArena(const ProtocolMapping& user);

  const RewriteContext& context_;
  clang::ASTContext& ast_;
  const clang::SourceManager& sm_;
  const clang::CXXMethodDecl& method_;
  const MethodMapping& mapped_;
  const LibraryMapping& library_;
  const ProtocolMapping& protocol_;
  const clang::FunctionDecl* definition_ = nullptr;
  bool has_request_ = false;
  bool returns_status_ = false;
  bool returns_value_ = false;
  std::vector<std::string> reply_fields_;  // the response in FIDL order; "$value" for the return
  std::vector<std::string> locals_;        // declarations of the out-parameters' values
  std::string local_arena_;                // a channel method's `arena`, declared first
  std::vector<std::string> c_names_;       // the banjo C++ parameters, in order
  std::unique_ptr<ScopeNames> names_;      // what the method's body already uses
  const clang::ParmVarDecl* callback_ = nullptr;  // @async: the callback and its cookie
  const clang::ParmVarDecl* cookie_ = nullptr;
  std::vector<const ParameterMapping*> callback_outputs_;  // @async: what the callback reports
  // The lists of structs taken, by banjo name: the request's field, and whether what the body
  // writes in their elements' buffers is replied.
  struct StructListParameter {
    std::string field;
    ElementStruct element;
    bool returned = false;
  };
  std::map<std::string, StructListParameter> struct_lists_;
  std::vector<OneLineBlock> one_line_blocks_;
  mutable std::set<std::string> added_names_;  // what NewName gave out
};

}  // namespace fdfkit::driver_migration::server_method

#endif  // FDFKIT_MIGRATE_DRIVER_SERVER_METHOD_PLANNER_H_
