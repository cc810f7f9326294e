#include <clang/Lex/Lexer.h>

#include "migrate/driver/enclosing_node.h"
#include "migrate/driver/server_method_planner.h"
#include "migrate/driver/source_text.h"
#include "migrate/driver/value_kind.h"
#include "migrate/driver/wire_spelling.h"

namespace fdfkit::driver_migration::server_method {

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
    unsigned width = output->CallbackSlots();
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
  std::string success = ReplyThrough(protocol_) + "ReplySuccess(";
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
      ExpandIfOneLine(*lambda->getCompoundStmtBody());
      if (IsCapture(*lambda, *use)) continue;
    }
    // Passed down with its cookie to a banjo client's @async call (a layer forwarding the
    // request): that call's continuation replies instead.
    if (const clang::CXXMemberCallExpr* forward = ClientCallWithArgument(*use);
        forward != nullptr && in == definition_) {
      if (!ClientCall(*forward, /*forward=*/true, edits, why)) return false;
      in_method.push_back(forward);
      ++calls;
      continue;
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
  // The held completer can only be moved. The lambda must go straight into a call (a task
  // posted, a queue), through nothing but the compiler's wrappers and moves: one kept in a
  // variable may be copied later, and one made into a std::function (constructed, assigned)
  // must be copyable.
  auto std_function = [](const clang::Expr& expr) {
    const clang::CXXRecordDecl* record = nullptr;
    if (const auto* construct = llvm::dyn_cast<clang::CXXConstructExpr>(&expr)) {
      record = construct->getType()->getAsCXXRecordDecl();
    } else if (const auto* call = llvm::dyn_cast<clang::CallExpr>(&expr)) {
      const auto* method = llvm::dyn_cast_or_null<clang::CXXMethodDecl>(call->getDirectCallee());
      record = method ? method->getParent() : nullptr;
    }
    return record != nullptr && record->isInStdNamespace() && IsNamed(*record, "function");
  };
  const clang::Expr* around = nullptr;  // what the lambda goes into
  for (clang::DynTypedNode node = clang::DynTypedNode::create(lambda);;) {
    auto parents = ast_.getParents(node);
    around = parents.size() == 1 ? parents[0].get<clang::Expr>() : nullptr;
    if (around != nullptr && std_function(*around)) {
      *why = "keeps its callback in a lambda stored as a std::function (at " +
             Where(sm_, lambda.getBeginLoc()) +
             "), which must be copyable; the completer that replaces it is not";
      return false;
    }
    const auto* construct = llvm::dyn_cast_or_null<clang::CXXConstructExpr>(around);
    if (around == nullptr ||
        !(llvm::isa<clang::ImplicitCastExpr, clang::MaterializeTemporaryExpr,
                    clang::CXXBindTemporaryExpr, clang::ExprWithCleanups>(around) ||
          (construct != nullptr && construct->getNumArgs() == 1))) {
      break;
    }
    node = parents[0];
  }
  if (!llvm::isa_and_nonnull<clang::CallExpr>(around) ||
      llvm::isa<clang::CXXOperatorCallExpr>(around)) {
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
  // Its replies are made on an arena of its own (the channel bindings bring theirs).
  if (OnChannel(protocol_)) return true;
  std::string arena = ArenaDeclaration(protocol_, "arena");
  if (OneLineBlock* one_line = OneLineBlockOf(*lambda.getCompoundStmtBody())) {
    one_line->first_lines.push_back(arena);
    return true;
  }
  BodyStart start = StartOf(sm_, *lambda.getCompoundStmtBody());
  edits->push_back({clang::CharSourceRange::getCharRange(start.after_brace, start.after_brace),
                    "\n" + start.indent + arena});
  return true;
}

}  // namespace fdfkit::driver_migration::server_method
