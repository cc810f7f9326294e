#include "migrate/driver/server_method_plan.h"

#include <clang/AST/ParentMapContext.h>
#include <clang/AST/TypeLoc.h>
#include <clang/ASTMatchers/ASTMatchFinder.h>
#include <clang/Lex/Lexer.h>

#include <algorithm>
#include <memory>
#include <set>

#include "migrate/driver/enclosing_node.h"
#include "migrate/driver/main_file_match.h"
#include "migrate/driver/scope_names.h"
#include "migrate/driver/source_text.h"
#include "migrate/driver/value_kind.h"

namespace fdfkit::driver_migration {

using namespace clang::ast_matchers;  // NOLINT: the matcher language

namespace {

// A call of `method` (or a reference to it) in the file being rewritten, or null.
const clang::Expr* CallOf(clang::ASTContext& ast, const clang::CXXMethodDecl& method) {
  auto uses = MatchInMainFile(
      ast, expr(isExpansionInMainFile(), anyOf(memberExpr(member(equalsNode(&method))),
                                               declRefExpr(to(functionDecl(equalsNode(&method))))))
               .bind("use"));
  return uses.empty() ? nullptr : uses[0].getNodeAs<clang::Expr>("use");
}

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
  // The expression `use` is the operand of `*`, or null.
  const clang::UnaryOperator* DereferenceOf(const clang::DeclRefExpr& use) const;
  bool In(const ParameterMapping& row, std::vector<ServerEdit>* edits, std::string* why);
  bool Out(const ParameterMapping& row, std::vector<ServerEdit>* edits, std::string* why);
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
  std::vector<std::string> c_names_;       // the banjo C++ parameters, in order
  std::unique_ptr<ScopeNames> names_;      // what the method's body already uses
  const clang::ParmVarDecl* callback_ = nullptr;  // @async: the callback and its cookie
  const clang::ParmVarDecl* cookie_ = nullptr;
  std::vector<const ParameterMapping*> callback_outputs_;  // @async: what the callback reports
};

std::string MethodPlanner::TextWithEdits(clang::SourceRange range,
                                         std::vector<ServerEdit>* edits) const {
  const clang::LangOptions& lang = ast_.getLangOpts();
  clang::CharSourceRange chars =
      clang::Lexer::makeFileCharRange(clang::CharSourceRange::getTokenRange(range), sm_, lang);
  std::string text = clang::Lexer::getSourceText(chars, sm_, lang).str();
  unsigned begin = sm_.getFileOffset(chars.getBegin());
  unsigned end = sm_.getFileOffset(chars.getEnd());
  std::vector<std::pair<unsigned, ServerEdit>> inside;
  for (auto edit = edits->begin(); edit != edits->end();) {
    clang::CharSourceRange at = clang::Lexer::makeFileCharRange(edit->range, sm_, lang);
    unsigned from = at.isValid() ? sm_.getFileOffset(at.getBegin()) : 0;
    if (at.isValid() && sm_.getFileID(at.getBegin()) == sm_.getFileID(chars.getBegin()) &&
        from >= begin && sm_.getFileOffset(at.getEnd()) <= end) {
      inside.emplace_back(from - begin, ServerEdit{at, edit->text, edit->consumes});
      edit = edits->erase(edit);
    } else {
      ++edit;
    }
  }
  // Back to front, so the offsets still hold.
  std::sort(inside.begin(), inside.end(),
            [](const auto& a, const auto& b) { return a.first > b.first; });
  for (const auto& [offset, edit] : inside) {
    unsigned length =
        sm_.getFileOffset(edit.range.getEnd()) - sm_.getFileOffset(edit.range.getBegin());
    text.replace(offset, length, edit.text);
  }
  return text;
}

const clang::UnaryOperator* MethodPlanner::DereferenceOf(const clang::DeclRefExpr& use) const {
  const auto* op =
      EnclosingNode(ast_, clang::DynTypedNode::create(use)).node.get<clang::UnaryOperator>();
  return op != nullptr && op->getOpcode() == clang::UO_Deref ? op : nullptr;
}

bool MethodPlanner::In(const ParameterMapping& row, std::vector<ServerEdit>* edits,
                       std::string* why) {
  const std::string& field = row.field;
  has_request_ = true;
  std::vector<const clang::ParmVarDecl*> parameters;
  for (const std::string& name : row.c) {
    const clang::ParmVarDecl* parameter = Parameter(name);
    if (parameter == nullptr) {
      *why = "has no parameter '" + name + "' (the mapping names it)";
      return false;
    }
    parameters.push_back(parameter);
  }
  auto replace_uses = [&](const clang::ParmVarDecl& parameter, const std::string& text) {
    std::string name = parameter.getNameAsString();
    std::set<const clang::LambdaExpr*> copies;
    for (const clang::DeclRefExpr* use : UsesOf(parameter)) {
      if (use->getBeginLoc().isMacroID()) {
        *why = "reads '" + name + "' in a macro";
        return false;
      }
      if (EnclosingFunction(ast_, *use) == definition_) {
        edits->push_back({clang::CharSourceRange::getTokenRange(use->getSourceRange()), text});
        continue;
      }
      // A lambda's copy, captured by name, becomes a copy of the request's field under the same
      // name: the lambda may run after the request is gone. Other captures are left.
      const clang::LambdaExpr* lambda = OuterLambda(*use);
      if (lambda == nullptr || CopyCapture(*lambda, parameter) == nullptr) {
        *why = "reads '" + name + "' in a lambda (at " + Where(sm_, use->getBeginLoc()) +
               ") that does not capture it by copy, by name";
        return false;
      }
      copies.insert(lambda);
    }
    for (const clang::LambdaExpr* lambda : copies) {
      edits->push_back(
          {clang::CharSourceRange::getTokenRange(CopyCapture(*lambda, parameter)->getLocation()),
           name + " = " + text});
    }
    return true;
  };
  if (parameters.size() == 1) {
    clang::QualType type = parameters[0]->getType();
    // A struct by value or by const pointer: its fields are read from the request's.
    bool by_pointer = type->isPointerType() && type->getPointeeType().isConstQualified();
    if (KindOf(context_.mappings(), sm_, by_pointer ? type->getPointeeType() : type, nullptr) ==
        ValueKind::kPlainStruct) {
      return ReplaceFieldAccess(*parameters[0], by_pointer, "request->" + field + ".", "reads",
                                edits, why);
    }
    const clang::TypedefNameDecl* banjo_typedef = nullptr;
    switch (KindOf(context_.mappings(), sm_, type, &banjo_typedef)) {
      case ValueKind::kPlain:
      case ValueKind::kZxObject:
        return replace_uses(*parameters[0], "request->" + field);
      case ValueKind::kBanjoInteger:
        return replace_uses(*parameters[0], "static_cast<" +
                                                TypeName(banjo_typedef->getUnderlyingType()) +
                                                ">(request->" + field + ")");
      case ValueKind::kRawHandle:
      case ValueKind::kPlainStruct:
      case ValueKind::kOther:
        *why = "takes '" + parameters[0]->getNameAsString() + "' (" + TypeName(type) +
               "), whose FIDL wire type reads differently";
        return false;
    }
  }
  if (parameters.size() == 2 && parameters[0]->getType()->isPointerType() &&
      KindOf(context_.mappings(), sm_, parameters[0]->getType()->getPointeeType(), nullptr) ==
          ValueKind::kPlain) {
    return replace_uses(*parameters[0], "request->" + field + ".data()") &&
           replace_uses(*parameters[1], "request->" + field + ".count()");
  }
  *why = "takes '" + row.banjo + "' in a shape the rewrite does not know";
  return false;
}

bool MethodPlanner::ReplaceFieldAccess(const clang::ParmVarDecl& parameter, bool by_pointer,
                                       const std::string& prefix, const char* verb,
                                       std::vector<ServerEdit>* edits, std::string* why) {
  std::string name = parameter.getNameAsString();
  for (const clang::DeclRefExpr* use : UsesOf(parameter)) {
    const auto* member =
        EnclosingNode(ast_, clang::DynTypedNode::create(*use)).node.get<clang::MemberExpr>();
    if (member == nullptr || member->isArrow() != by_pointer || use->getBeginLoc().isMacroID() ||
        member->getMemberLoc().isMacroID() || EnclosingFunction(ast_, *use) != definition_) {
      *why = std::string(verb) + " the struct '" + name + "' at " +
             Where(sm_, use->getBeginLoc()) +
             " other than field by field in the method itself";
      return false;
    }
    // `config->frequency` becomes `request->config.frequency`.
    edits->push_back(
        {clang::CharSourceRange::getCharRange(use->getBeginLoc(), member->getMemberLoc()), prefix,
         /*consumes=*/true});
  }
  return true;
}

bool MethodPlanner::Out(const ParameterMapping& row, std::vector<ServerEdit>* edits,
                        std::string* why) {
  const std::string& field = row.field;
  const std::vector<std::string>& c = row.c;
  if (row.returned()) {
    if (KindOf(context_.mappings(), sm_, method_.getReturnType(), nullptr) != ValueKind::kPlain) {
      *why = "returns " + TypeName(method_.getReturnType()) + ", which the clone names differently";
      return false;
    }
    returns_value_ = true;
    reply_fields_.push_back("$value");
    return true;
  }
  if (c.size() != 1) {
    *why = "returns '" + row.banjo +
           "' through a caller's buffer, which the rewrite leaves to a human";
    return false;
  }
  const clang::ParmVarDecl* parameter = Parameter(c[0]);
  if (parameter == nullptr || !parameter->getType()->isPointerType()) {
    *why = "has no out-parameter '" + c[0] + "' (the mapping names it)";
    return false;
  }
  clang::QualType pointee = parameter->getType()->getPointeeType();
  const clang::TypedefNameDecl* banjo_typedef = nullptr;
  ValueKind kind = KindOf(context_.mappings(), sm_, pointee, &banjo_typedef);
  if (kind == ValueKind::kOther || kind == ValueKind::kRawHandle) {
    *why = "returns '" + parameter->getNameAsString() + "' (" + TypeName(pointee) +
           "), whose FIDL wire type is built differently";
    return false;
  }
  if (const clang::DeclRefExpr* use = UseInLambda(*parameter)) {
    *why = "writes '" + parameter->getNameAsString() + "' in a lambda (at " +
           Where(sm_, use->getBeginLoc()) + "), whose captures the rewrite does not change";
    return false;
  }
  // The value lives in a local the reply carries; the body writes it where it wrote `*out`.
  std::string local = names_->Fresh(field, "out");
  if (kind == ValueKind::kPlainStruct) {
    // The wire struct itself, its fields written where the banjo one's were.
    locals_.push_back(mapped_.WireFieldType(FidlNamespace(library_), protocol_.fidl_protocol,
                                            "Response", field) +
                      " " + local + "{};");
    reply_fields_.push_back(local);
    return ReplaceFieldAccess(*parameter, /*by_pointer=*/true, local + ".", "writes", edits,
                              why);
  }
  locals_.push_back(TypeName(pointee.getUnqualifiedType()) + " " + local + "{};");
  for (const clang::DeclRefExpr* use : UsesOf(*parameter)) {
    const clang::UnaryOperator* deref = DereferenceOf(*use);
    if (deref == nullptr || deref->getBeginLoc().isMacroID()) {
      *why = "uses its out-parameter '" + parameter->getNameAsString() + "' at " +
             Where(sm_, use->getBeginLoc()) + " other than to write through it (it escapes)";
      return false;
    }
    edits->push_back({clang::CharSourceRange::getTokenRange(deref->getSourceRange()), local});
  }
  switch (kind) {
    case ValueKind::kZxObject:
      reply_fields_.push_back("std::move(" + local + ")");
      break;
    case ValueKind::kBanjoInteger:
      reply_fields_.push_back(mapped_.WireFieldCast(FidlNamespace(library_),
                                                    protocol_.fidl_protocol, "Response", field) +
                              "(" + local + ")");
      break;
    default:
      reply_fields_.push_back(local);
  }
  return true;
}

std::string MethodPlanner::Reply(const std::string& reply, const std::string& value) const {
  std::string arguments;
  for (const std::string& field : reply_fields_) {
    arguments += (arguments.empty() ? "" : ", ") + (field == "$value" ? value : field);
  }
  return "completer.buffer(arena)." + reply + "(" + arguments + ");";
}

std::vector<std::string> MethodPlanner::StatusReply(const clang::Expr& value, std::string status,
                                                    const std::string& success) const {
  clang::Expr::EvalResult constant;
  if (value.EvaluateAsInt(constant, ast_)) {
    return {constant.Val.getInt() == 0 ? success
                                       : "completer.buffer(arena).ReplyError(" + status + ");"};
  }
  std::vector<std::string> lines;
  if (!llvm::isa<clang::DeclRefExpr>(value.IgnoreParenImpCasts())) {
    std::string name = names_->Fresh("reply_status", "fidl");
    lines.push_back("zx_status_t " + name + " = " + status + ";");
    status = name;
  }
  lines.push_back("if (" + status + " == ZX_OK) {");
  lines.push_back("  " + success);
  lines.push_back("} else {");
  lines.push_back("  completer.buffer(arena).ReplyError(" + status + ");");
  lines.push_back("}");
  return lines;
}

bool MethodPlanner::ReplaceStatement(const clang::Stmt& statement, std::vector<std::string> lines,
                                     bool then_return, std::vector<ServerEdit>* edits,
                                     std::string* why) const {
  const auto* body = llvm::cast<clang::CompoundStmt>(definition_->getBody());
  clang::SourceLocation begin = sm_.getExpansionLoc(statement.getBeginLoc());
  clang::SourceLocation end = sm_.getExpansionLoc(statement.getEndLoc());
  clang::SourceLocation after_semi =
      clang::Lexer::findLocationAfterToken(end, clang::tok::semi, sm_, ast_.getLangOpts(),
                                           /*SkipTrailingWhitespaceAndNewLine=*/false);
  if (after_semi.isInvalid()) {
    *why = "has a statement the rewrite cannot find the end of (at " + Where(sm_, begin) + ")";
    return false;
  }
  auto parents = ast_.getParents(statement);
  bool alone = parents.size() == 1 && parents[0].get<clang::CompoundStmt>() != nullptr;
  // No return needed where the method ends anyway.
  if (then_return && !(alone && !body->body_empty() && body->body_back() == &statement)) {
    lines.push_back("return;");
  }
  // Braced where it was the body of an if, else or loop.
  std::string indent = LineIndent(sm_, begin);
  std::string text = alone ? "" : "{\n";
  for (size_t i = 0; i < lines.size(); ++i) {
    text += (alone && i == 0 ? "" : indent + (alone ? "" : "  ")) + lines[i] +
            (i + 1 < lines.size() || !alone ? "\n" : "");
  }
  if (!alone) text += indent + "}";
  edits->push_back({clang::CharSourceRange::getCharRange(begin, after_semi), text});
  return true;
}

bool MethodPlanner::Returns(std::vector<ServerEdit>* edits, std::string* why) {
  bool one_way = mapped_.kind == "one-way";
  const auto* body = llvm::cast<clang::CompoundStmt>(definition_->getBody());
  auto returns =
      match(findAll(returnStmt(forFunction(functionDecl(equalsNode(definition_)))).bind("return")),
            *body, ast_);
  for (const BoundNodes& bound : returns) {
    const auto* ret = bound.getNodeAs<clang::ReturnStmt>("return");
    if (ret->getBeginLoc().isMacroID()) {
      *why = "returns through a macro";
      return false;
    }
    if (one_way) continue;  // nothing to reply
    const clang::Expr* value = ret->getRetValue();
    // The reply, as lines; then the return, unless the method ends there anyway.
    std::vector<std::string> lines;
    if (returns_status_) {
      lines = StatusReply(*value, TextWithEdits(value->getSourceRange(), edits),
                          Reply("ReplySuccess", ""));
    } else {
      lines.push_back(Reply("Reply", value ? TextWithEdits(value->getSourceRange(), edits) : ""));
    }
    if (!ReplaceStatement(*ret, std::move(lines), /*then_return=*/true, edits, why)) return false;
  }
  // A void method may end without a return: it replies as it ends.
  if (!one_way && !returns_status_ && !returns_value_ &&
      (body->body_empty() || !llvm::isa<clang::ReturnStmt>(body->body_back()))) {
    std::string indent = LineIndent(sm_, body->getRBracLoc());
    edits->push_back(
        {clang::CharSourceRange::getCharRange(body->getRBracLoc(), body->getRBracLoc()),
         "  " + Reply("Reply", "") + "\n" + indent});
  }
  return true;
}

bool MethodPlanner::CallbackReply(const clang::CallExpr& call, std::vector<ServerEdit>* edits,
                                  std::string* why) {
  std::string at = Where(sm_, call.getBeginLoc());
  if (call.getBeginLoc().isMacroID() || call.getEndLoc().isMacroID()) {
    *why = "calls its callback through a macro (at " + at + ")";
    return false;
  }
  const auto* first =
      call.getNumArgs() > 0
          ? llvm::dyn_cast<clang::DeclRefExpr>(call.getArg(0)->IgnoreParenImpCasts())
          : nullptr;
  if (first == nullptr || first->getDecl() != cookie_) {
    *why = "calls its callback without its cookie (at " + at + ")";
    return false;
  }
  // A statement of its own (in a block, or the body of an if, else or loop), which the reply
  // replaces: not inside an expression, not even a cast to void.
  Enclosing enclosing = EnclosingNode(ast_, clang::DynTypedNode::create(call));
  if (!ResultUnused(ast_, call) || enclosing.node.get<clang::Expr>() != nullptr) {
    *why = "calls its callback inside an expression (at " + at + ")";
    return false;
  }
  // The values are passed only when the status is ZX_OK: evaluated on every path, they must not
  // do anything.
  for (unsigned i = 1; i < call.getNumArgs(); ++i) {
    if (call.getArg(i)->HasSideEffects(ast_)) {
      *why = "passes its callback an argument with side effects (at " +
             Where(sm_, call.getArg(i)->getBeginLoc()) + "), which the reply might not evaluate";
      return false;
    }
  }
  // The callback's arguments after the cookie: the status, then the outputs in order (a list as
  // its pointer and count).
  unsigned next = 1;
  const clang::Expr* status = nullptr;
  std::vector<std::string> fields;
  for (const ParameterMapping* output : callback_outputs_) {
    unsigned width = output->becomes == "response" && output->c.size() >= 2 ? 2 : 1;
    if (next + width > call.getNumArgs()) break;
    const clang::Expr* argument = call.getArg(next);
    clang::QualType type = argument->IgnoreParenImpCasts()->getType();
    std::string text = TextWithEdits(argument->getSourceRange(), edits);
    next += width;
    if (output->becomes == "error") {
      status = argument;
      continue;
    }
    if (width == 2) {
      clang::QualType element = type->isPointerType() ? type->getPointeeType() : type;
      if (!type->isPointerType() || KindOf(context_.mappings(), sm_, element.getUnqualifiedType(),
                                           nullptr) != ValueKind::kPlain) {
        *why = "reports '" + output->banjo + "', a list whose FIDL wire type is built differently";
        return false;
      }
      fields.push_back(
          ExternalVectorView(TypeName(element.getUnqualifiedType()), text,
                             TextWithEdits(call.getArg(next - 1)->getSourceRange(), edits)));
      continue;
    }
    switch (KindOf(context_.mappings(), sm_, type, nullptr)) {
      case ValueKind::kPlain:
        fields.push_back(text);
        continue;
      case ValueKind::kBanjoInteger:
        fields.push_back(mapped_.WireFieldCast(FidlNamespace(library_), protocol_.fidl_protocol,
                                               "Response", output->field) +
                         "(" + text + ")");
        continue;
      default:
        *why = "reports '" + output->banjo + "' (" + TypeName(type) +
               "), whose FIDL wire type is built differently";
        return false;
    }
  }
  if (status == nullptr || next != call.getNumArgs()) {
    *why = "calls its callback (at " + at +
           ") with arguments that do not line up with the mapping's outputs";
    return false;
  }
  std::string success = "completer.buffer(arena).ReplySuccess(";
  for (size_t i = 0; i < fields.size(); ++i) success += (i ? ", " : "") + fields[i];
  success += ");";
  if (!ReplaceStatement(
          call, StatusReply(*status, TextWithEdits(status->getSourceRange(), edits), success),
          /*then_return=*/false, edits, why)) {
    return false;
  }
  edits->back().consumes = true;  // the callback, of the banjo header's type, is gone
  return true;
}

bool MethodPlanner::CallbackReplies(std::vector<ServerEdit>* edits, std::string* why) {
  if (callback_ == nullptr || cookie_ == nullptr) {
    *why = "has no callback and cookie parameters (the mapping names them)";
    return false;
  }
  // Each use of the callback is a call of it with the cookie first, in the method itself or in
  // one lambda written in it that captures both by name. In the method, the reply goes where
  // the call was; the lambda holds completer.ToAsync() instead, and replies the same way.
  const clang::LambdaExpr* deferred = nullptr;
  size_t calls = 0;
  std::vector<const clang::CallExpr*> in_method;
  for (const clang::DeclRefExpr* use : UsesOf(*callback_)) {
    std::string at = Where(sm_, use->getBeginLoc());
    const clang::FunctionDecl* in = EnclosingFunction(ast_, *use);
    if (in != definition_) {
      const clang::LambdaExpr* lambda = OuterLambda(*use);
      if (lambda == nullptr || CopyCapture(*lambda, *callback_) == nullptr ||
          CopyCapture(*lambda, *cookie_) == nullptr || (deferred && deferred != lambda)) {
        *why = "keeps its callback past the call (at " + at +
               ") other than in one lambda that captures it and its cookie by name: reply "
               "through completer.ToAsync() held there, by hand";
        return false;
      }
      deferred = lambda;
      if (IsCapture(*lambda, *use)) continue;
    }
    Enclosing enclosing = EnclosingNode(ast_, clang::DynTypedNode::create(*use));
    const auto* call = enclosing.node.get<clang::CallExpr>();
    if (call == nullptr || call->getCallee()->IgnoreParenImpCasts() != use ||
        EnclosingFunction(ast_, *call) !=
            (in == definition_ ? definition_ : deferred->getCallOperator())) {
      *why = "stores or passes on its callback (at " + at +
             ") instead of calling it: hold "
             "completer.ToAsync() there instead, by hand";
      return false;
    }
    if (!CallbackReply(*call, edits, why)) return false;
    if (in == definition_) in_method.push_back(call);
    ++calls;
  }
  // Once the lambda holds the completer, the method has none left to reply with.
  for (const clang::CallExpr* call : in_method) {
    if (deferred != nullptr &&
        !sm_.isBeforeInTranslationUnit(call->getBeginLoc(), deferred->getBeginLoc())) {
      *why = "calls its callback (at " + Where(sm_, call->getBeginLoc()) +
             ") after the lambda that keeps it (at " + Where(sm_, deferred->getBeginLoc()) +
             "), which will hold the completer by then";
      return false;
    }
  }
  size_t cookies = 0;
  for (const clang::DeclRefExpr* use : UsesOf(*cookie_)) {
    if (!(deferred && IsCapture(*deferred, *use))) ++cookies;
  }
  if (cookies != calls) {
    *why = "uses its cookie other than to pass it to its callback";
    return false;
  }
  return deferred == nullptr || HoldCompleter(*deferred, edits, why);
}

bool MethodPlanner::HoldCompleter(const clang::LambdaExpr& lambda, std::vector<ServerEdit>* edits,
                                  std::string* why) {
  // The held completer can only be moved: a lambda made into a std::function (constructed,
  // assigned) would not compile.
  auto is_std_function = [](const clang::CXXRecordDecl* record) {
    return record != nullptr && record->isInStdNamespace() && IsNamed(*record, "function");
  };
  for (clang::DynTypedNode node = clang::DynTypedNode::create(lambda);;) {
    auto parents = ast_.getParents(node);
    const auto* expr = parents.size() == 1 ? parents[0].get<clang::Expr>() : nullptr;
    if (expr == nullptr) break;
    node = parents[0];
    const clang::CXXRecordDecl* record = nullptr;
    if (const auto* construct = llvm::dyn_cast<clang::CXXConstructExpr>(expr)) {
      record = construct->getType()->getAsCXXRecordDecl();
    } else if (const auto* call = llvm::dyn_cast<clang::CallExpr>(expr)) {
      const auto* method = llvm::dyn_cast_or_null<clang::CXXMethodDecl>(call->getDirectCallee());
      record = method ? method->getParent() : nullptr;
    }
    if (is_std_function(record)) {
      *why = "keeps its callback in a lambda stored as a std::function (at " +
             Where(sm_, lambda.getBeginLoc()) +
             "), which must be copyable; the completer "
             "that replaces it is not";
      return false;
    }
  }
  // Passed straight to a call (a task posted, a queue): a lambda kept in a variable may be copied
  // later, which the completer it holds cannot be.
  clang::DynTypedNode node = clang::DynTypedNode::create(lambda);
  for (;;) {
    auto parents = ast_.getParents(node);
    const auto* wrapper = parents.size() == 1 ? parents[0].get<clang::Expr>() : nullptr;
    const auto* construct = llvm::dyn_cast_or_null<clang::CXXConstructExpr>(wrapper);
    if (wrapper == nullptr ||
        !(llvm::isa<clang::ImplicitCastExpr, clang::MaterializeTemporaryExpr,
                    clang::CXXBindTemporaryExpr, clang::ExprWithCleanups>(wrapper) ||
          (construct != nullptr && construct->getNumArgs() == 1))) {
      break;
    }
    node = parents[0];
  }
  auto parents = ast_.getParents(node);
  const auto* call = parents.size() == 1 ? parents[0].get<clang::CallExpr>() : nullptr;
  if (call == nullptr || llvm::isa<clang::CXXOperatorCallExpr>(call)) {
    *why = "keeps its callback in a lambda that is not passed straight to a call (at " +
           Where(sm_, lambda.getBeginLoc()) + "): the completer it will hold can only be moved";
    return false;
  }
  const clang::LangOptions& lang = ast_.getLangOpts();
  auto after = [&](clang::SourceLocation token) {
    clang::SourceLocation end = clang::Lexer::getLocForEndOfToken(token, 0, sm_, lang);
    return clang::CharSourceRange::getCharRange(end, end);
  };
  edits->push_back(
      {clang::CharSourceRange::getTokenRange(CopyCapture(lambda, *callback_)->getLocation()),
       "completer = completer.ToAsync()", /*consumes=*/true});
  // The cookie's capture goes, with the comma that separates it from a neighbour.
  clang::SourceLocation cookie = CopyCapture(lambda, *cookie_)->getLocation();
  clang::SourceLocation cookie_end = clang::Lexer::getLocForEndOfToken(cookie, 0, sm_, lang);
  auto next = clang::Lexer::findNextToken(cookie, sm_, lang);
  if (next && next->is(clang::tok::comma)) {
    auto following = clang::Lexer::findNextToken(next->getLocation(), sm_, lang);
    edits->push_back({clang::CharSourceRange::getCharRange(
                          cookie, following ? following->getLocation() : next->getEndLoc()),
                      ""});
  } else {
    // The last capture: from the comma before it.
    const char* text = sm_.getCharacterData(cookie);
    const char* begin = text;
    while (begin > sm_.getCharacterData(lambda.getIntroducerRange().getBegin()) &&
           begin[-1] != ',') {
      --begin;
    }
    edits->push_back({clang::CharSourceRange::getCharRange(
                          cookie.getLocWithOffset(-static_cast<int>(text - begin + 1)), cookie_end),
                      ""});
  }
  // Replying changes the held completer.
  if (!lambda.isMutable()) {
    if (lambda.hasExplicitParameters()) {
      clang::FunctionTypeLoc type = lambda.getCallOperator()->getFunctionTypeLoc();
      if (!type) {
        *why = "keeps its callback in a lambda whose parameters the rewrite cannot find";
        return false;
      }
      edits->push_back({after(type.getRParenLoc()), " mutable"});
    } else {
      edits->push_back({after(lambda.getIntroducerRange().getEnd()), "() mutable"});
    }
  }
  // Its replies are made on an arena of its own.
  BodyStart start = StartOf(sm_, *lambda.getCompoundStmtBody());
  edits->push_back({clang::CharSourceRange::getCharRange(start.after_brace, start.after_brace),
                    "\n" + start.indent + "fdf::Arena arena('" + ArenaTag(protocol_) + "');"});
  return true;
}

bool MethodPlanner::Plan(std::vector<ServerEdit>* edits, std::string* why) {
  definition_ = method_.getDefinition();
  if (definition_ == nullptr ||
      !sm_.isWrittenInMainFile(sm_.getExpansionLoc(definition_->getLocation()))) {
    *why = "is defined in another file, which is not being rewritten";
    return false;
  }
  if (!mapped_.cloned) {
    *why = "has no method in the clone (" +
           (mapped_.not_cloned.empty() ? std::string("not cloned") : mapped_.not_cloned) + ")";
    return false;
  }
  const auto* body = llvm::dyn_cast_or_null<clang::CompoundStmt>(definition_->getBody());
  if (body == nullptr) {
    *why = "has no plain body";
    return false;
  }
  if (method_.isConst() || method_.isVirtual() || method_.isStatic()) {
    *why = "is const, virtual or static, unlike a FIDL server method";
    return false;
  }
  for (const clang::FunctionDecl* decl : method_.redecls()) {
    if (decl->getReturnTypeSourceRange().isInvalid() ||
        decl->getType()->castAs<clang::FunctionProtoType>()->hasTrailingReturn()) {
      *why = "has a return type the rewrite cannot find (a trailing one?)";
      return false;
    }
  }
  if (const clang::Expr* call = CallOf(ast_, method_)) {
    *why = "is called by the driver itself (at " + Where(sm_, call->getExprLoc()) +
           "), and would not be by that name any more";
    return false;
  }
  // The old parameters go away with the rewrite; everything else the body names stays.
  std::set<const clang::Decl*> parameters(definition_->param_begin(), definition_->param_end());
  names_ = std::make_unique<ScopeNames>(*definition_, parameters);
  for (const char* name : {"request", "arena", "completer"}) {
    if (names_->Taken(name)) {
      *why = std::string("already names something '") + name + "', which the FIDL method needs";
      return false;
    }
  }
  c_names_ = mapped_.CppParameters();
  for (const ParameterMapping& parameter : mapped_.parameters) {
    const std::string& becomes = parameter.becomes;
    if (mapped_.async && parameter.direction == "out") {
      callback_outputs_.push_back(&parameter);
    } else if (mapped_.async && becomes == "dropped" &&
               (parameter.banjo == "callback" || parameter.banjo == "cookie")) {
      (parameter.banjo == "callback" ? callback_ : cookie_) =
          parameter.c.empty() ? nullptr : Parameter(parameter.c[0]);
    } else if (becomes == "error") {
      returns_status_ = true;
    } else if (parameter.direction == "in" && becomes == "request") {
      if (!In(parameter, edits, why)) return false;
    } else if (parameter.direction == "out" && becomes == "response") {
      if (!Out(parameter, edits, why)) return false;
    } else {
      *why = "has '" + parameter.banjo + "', which becomes '" + becomes + "' in the clone";
      return false;
    }
  }
  if (!(mapped_.async ? CallbackReplies(edits, why) : Returns(edits, why))) return false;
  // The signature of every declaration of it in this file.
  std::string params = (has_request_ ? mapped_.fidl_method + "RequestView request, " : "") +
                       "fdf::Arena& arena, " + mapped_.fidl_method + "Completer::Sync& completer";
  for (const clang::FunctionDecl* decl : method_.redecls()) {
    clang::FunctionTypeLoc type = decl->getFunctionTypeLoc();
    if (!type || decl->getBeginLoc().isMacroID() || type.getRParenLoc().isMacroID()) {
      *why = "is declared through a macro";
      return false;
    }
    edits->push_back(
        {clang::CharSourceRange::getTokenRange(decl->getReturnTypeSourceRange()), "void", true});
    edits->push_back(
        {clang::CharSourceRange::getTokenRange(decl->getLocation()), mapped_.fidl_method, true});
    bool in_class = decl->getLexicalDeclContext() == method_.getParent();
    edits->push_back(
        {clang::CharSourceRange::getTokenRange(type.getLParenLoc(), type.getRParenLoc()),
         "(" + params + ")" + (in_class ? " override" : ""), true});
  }
  if (!locals_.empty()) {
    BodyStart start = StartOf(sm_, *body);
    std::string text;
    for (const std::string& local : locals_) text += "\n" + start.indent + local;
    edits->push_back(
        {clang::CharSourceRange::getCharRange(start.after_brace, start.after_brace), text});
  }
  return true;
}

}  // namespace

bool PlanServerMethod(const RewriteContext& context, clang::ASTContext& ast,
                      const clang::CXXMethodDecl& method, const MethodMapping& mapped,
                      const LibraryMapping& library, const ProtocolMapping& protocol,
                      std::vector<ServerEdit>* edits, std::string* why) {
  return MethodPlanner(context, ast, method, mapped, library, protocol).Plan(edits, why);
}

}  // namespace fdfkit::driver_migration
