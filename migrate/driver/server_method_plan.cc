#include "migrate/driver/server_method_plan.h"

#include "migrate/driver/server_method_planner.h"

#include <clang/AST/DeclTemplate.h>
#include <clang/AST/ParentMapContext.h>
#include <clang/AST/TypeLoc.h>
#include <clang/ASTMatchers/ASTMatchFinder.h>
#include <clang/Lex/Lexer.h>

#include <algorithm>
#include <memory>
#include <set>

#include "migrate/driver/enclosing_node.h"
#include "migrate/driver/scope_names.h"
#include "migrate/driver/source_text.h"
#include "migrate/driver/value_kind.h"
#include "migrate/driver/wire_spelling.h"

namespace fdfkit::driver_migration {

// What a reply with no bound in the clone may carry, as the shims offer a banjo server
// (shim_support.h, kUnboundedOutBytes): one driver-transport message's worth.
constexpr const char* kUnboundedReplyBytes = "65536";

using namespace clang::ast_matchers;  // NOLINT: the matcher language

namespace {

// A call of `method` (or a reference to it) in the file being rewritten, or null.
const clang::Expr* CallOf(const RewritableFiles& files, clang::ASTContext& ast,
                          const clang::CXXMethodDecl& method) {
  auto uses = MatchInRewritableFiles(
      files, ast, expr(isExpansionInRewritableFile(&files), anyOf(memberExpr(member(equalsNode(&method))),
                                               declRefExpr(to(functionDecl(equalsNode(&method))))))
               .bind("use"));
  return uses.empty() ? nullptr : uses[0].getNodeAs<clang::Expr>("use");
}

}  // namespace

namespace server_method {

std::string MethodPlanner::TextWithEdits(clang::SourceRange range,
                                         std::vector<ServerEdit>* edits) const {
  std::string text = TextWithEditsKept(range, *edits);
  DropEditsWithin(range, edits);
  return text;
}

void MethodPlanner::DropEditsWithin(clang::SourceRange range,
                                    std::vector<ServerEdit>* edits) const {
  const clang::LangOptions& lang = ast_.getLangOpts();
  clang::CharSourceRange chars =
      clang::Lexer::makeFileCharRange(clang::CharSourceRange::getTokenRange(range), sm_, lang);
  unsigned begin = sm_.getFileOffset(chars.getBegin());
  unsigned end = sm_.getFileOffset(chars.getEnd());
  edits->erase(std::remove_if(edits->begin(), edits->end(),
                              [&](const ServerEdit& edit) {
                                if (edit.consume_only) return false;
                                clang::CharSourceRange at =
                                    clang::Lexer::makeFileCharRange(edit.range, sm_, lang);
                                return at.isValid() &&
                                       sm_.getFileID(at.getBegin()) ==
                                           sm_.getFileID(chars.getBegin()) &&
                                       sm_.getFileOffset(at.getBegin()) >= begin &&
                                       sm_.getFileOffset(at.getEnd()) <= end;
                              }),
               edits->end());
}

std::string MethodPlanner::TextWithEditsKept(clang::SourceRange range,
                                             const std::vector<ServerEdit>& edits) const {
  const clang::LangOptions& lang = ast_.getLangOpts();
  clang::CharSourceRange chars =
      clang::Lexer::makeFileCharRange(clang::CharSourceRange::getTokenRange(range), sm_, lang);
  std::string text = clang::Lexer::getSourceText(chars, sm_, lang).str();
  unsigned begin = sm_.getFileOffset(chars.getBegin());
  unsigned end = sm_.getFileOffset(chars.getEnd());
  std::vector<std::pair<unsigned, ServerEdit>> inside;
  for (const ServerEdit& edit : edits) {
    if (edit.consume_only) continue;
    clang::CharSourceRange at = clang::Lexer::makeFileCharRange(edit.range, sm_, lang);
    unsigned from = at.isValid() ? sm_.getFileOffset(at.getBegin()) : 0;
    if (at.isValid() && sm_.getFileID(at.getBegin()) == sm_.getFileID(chars.getBegin()) &&
        from >= begin && sm_.getFileOffset(at.getEnd()) <= end) {
      inside.emplace_back(from - begin, ServerEdit{at, edit.text, edit.consumes});
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
        return replace_uses(*parameters[0], AsBanjoInteger(ast_.getLangOpts(), *banjo_typedef,
                                                           "request->" + field));
      case ValueKind::kRawHandle:
      case ValueKind::kPlainStruct:
      case ValueKind::kPlainArray:
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
  if (parameters.size() == 2 && parameters[0]->getType()->isPointerType()) {
    if (std::optional<ElementStruct> element = AsElementStruct(
            context_.mappings(), sm_,
            parameters[0]->getType()->getPointeeType().getUnqualifiedType())) {
      return InStructList(row, *parameters[0], *parameters[1], *element, edits, why);
    }
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
    // Down nested structs: `config->range.low`.
    const clang::MemberExpr* outer = member;
    for (;;) {
      const auto* next =
          EnclosingNode(ast_, clang::DynTypedNode::create(*outer)).node.get<clang::MemberExpr>();
      if (next == nullptr || next->isArrow() || next->getMemberLoc().isMacroID()) break;
      outer = next;
    }
    std::string path =
        Text(clang::SourceRange(member->getMemberLoc(), outer->getEndLoc()));  // `range.low`
    const clang::TypedefNameDecl* banjo_typedef = nullptr;
    ValueKind kind = KindOf(context_.mappings(), sm_, outer->getType(), &banjo_typedef);
    if (kind == ValueKind::kPlainStruct) {
      *why = std::string(verb) + " the nested struct '" + name + "->" + path + "' at " +
             Where(sm_, use->getBeginLoc()) + " whole, not field by field";
      return false;
    }
    clang::DynTypedNode around = EnclosingNode(ast_, clang::DynTypedNode::create(*outer)).node;
    if (kind == ValueKind::kBanjoInteger) {
      // The clone's enum or bits: read as the integer banjo had, assigned from it by a cast.
      const auto* assignment = around.get<clang::BinaryOperator>();
      if (assignment != nullptr && assignment->getOpcode() == clang::BO_Assign &&
          assignment->getLHS()->IgnoreParenImpCasts() == outer) {
        edits->push_back(
            {clang::CharSourceRange::getCharRange(use->getBeginLoc(), member->getMemberLoc()),
             prefix, /*consumes=*/true});
        // Around the value, so that edits inside it stay apart.
        clang::SourceRange value = assignment->getRHS()->getSourceRange();
        clang::SourceLocation after = clang::Lexer::getLocForEndOfToken(
            value.getEnd(), 0, sm_, ast_.getLangOpts());
        edits->push_back({clang::CharSourceRange::getCharRange(value.getBegin(), value.getBegin()),
                          "static_cast<decltype(" + prefix + path + ")>("});
        edits->push_back({clang::CharSourceRange::getCharRange(after, after), ")"});
        continue;
      }
      // Else only read as a value: its direct parent loads it (a reference bound to it, `&`,
      // `++`, `|=` would want the banjo object).
      auto direct = ast_.getParents(*outer);
      const auto* load = direct.size() == 1 ? direct[0].get<clang::ImplicitCastExpr>() : nullptr;
      if (load == nullptr || load->getCastKind() != clang::CK_LValueToRValue) {
        *why = std::string(verb) + " the enum '" + name + "->" + path + "' at " +
               Where(sm_, use->getBeginLoc()) + " other than by reading or assigning it";
        return false;
      }
      edits->push_back({clang::CharSourceRange::getTokenRange(
                            clang::SourceRange(use->getBeginLoc(), outer->getEndLoc())),
                        AsBanjoInteger(ast_.getLangOpts(), *banjo_typedef, prefix + path),
                        /*consumes=*/true});
      continue;
    }
    // `config->frequency` becomes `request->config.frequency`.
    edits->push_back(
        {clang::CharSourceRange::getCharRange(use->getBeginLoc(), member->getMemberLoc()), prefix,
         /*consumes=*/true});
    // An array field is a fidl::Array: indexed as before, and where the C array decayed to a
    // pointer (memcpy(out->gains, ...)), its data().
    if (kind == ValueKind::kPlainArray) {
      auto direct = ast_.getParents(*outer);
      const auto* decay = direct.size() == 1 ? direct[0].get<clang::ImplicitCastExpr>() : nullptr;
      bool indexed = false;
      if (decay != nullptr && decay->getCastKind() == clang::CK_ArrayToPointerDecay) {
        auto above = ast_.getParents(*decay);
        const auto* subscript =
            above.size() == 1 ? above[0].get<clang::ArraySubscriptExpr>() : nullptr;
        indexed = subscript != nullptr && subscript->getBase()->IgnoreParenImpCasts() == outer;
        if (!indexed) {
          clang::SourceLocation after = clang::Lexer::getLocForEndOfToken(
              outer->getEndLoc(), 0, sm_, ast_.getLangOpts());
          edits->push_back({clang::CharSourceRange::getCharRange(after, after), ".data()"});
        }
      }
    }
  }
  return true;
}

bool MethodPlanner::Out(const ParameterMapping& row, std::vector<ServerEdit>* edits,
                        std::string* why) {
  const std::string& field = row.field;
  const std::vector<std::string>& c = row.c;
  if (std::string list, element_field; SplitElementRow(row.banjo, &list, &element_field)) {
    return OutWrittenInPlace(row, list, element_field, why);
  }
  if (row.returned()) {
    if (KindOf(context_.mappings(), sm_, method_.getReturnType(), nullptr) != ValueKind::kPlain) {
      *why = "returns " + TypeName(method_.getReturnType()) + ", which the clone names differently";
      return false;
    }
    returns_value_ = true;
    reply_fields_.push_back("$value");
    return true;
  }
  if (c.size() == 3) return OutBuffer(row, why);
  if (c.size() == 2 && llvm::StringRef(c[1]).endswith("_capacity")) return OutString(row, why);
  if (c.size() == 2) return OutCalleeList(row, why);
  if (c.size() != 1) {
    *why = "returns '" + row.banjo + "' in a shape the rewrite does not know";
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
  std::string local = NewName(field, "out");
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
    // Passed on to a call (a layer forwarding to its parent, or a helper that fills it in): the
    // callee writes the local instead, as long as the pointer was good for: until the reply.
    if (IsCallArgument(*use) && !use->getBeginLoc().isMacroID()) {
      edits->push_back({clang::CharSourceRange::getTokenRange(use->getSourceRange()), "&" + local});
      continue;
    }
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

bool MethodPlanner::OutBuffer(const ParameterMapping& row, std::string* why) {
  // `uint8_t* out_data_buffer, size_t data_size, size_t* out_data_actual`.
  std::vector<const clang::ParmVarDecl*> named;
  if (!NamedParameters(row, "through a caller's buffer", &named, why)) return false;
  const clang::ParmVarDecl* buffer = named[0];
  const clang::ParmVarDecl* size = named[1];
  const clang::ParmVarDecl* actual = named[2];
  if (!buffer->getType()->isPointerType() || !actual->getType()->isPointerType()) {
    *why = "has no out-buffer '" + row.c[0] + "', '" + row.c[1] + "', '" + row.c[2] +
           "' (the mapping names them)";
    return false;
  }
  clang::QualType element = buffer->getType()->getPointeeType().getUnqualifiedType();
  if (KindOf(context_.mappings(), sm_, element, nullptr) != ValueKind::kPlain) {
    *why = "returns '" + row.banjo + "' through a caller's buffer of " + TypeName(element) +
           ", whose FIDL wire type is built differently";
    return false;
  }
  if (!library_.clone_read) {
    *why = "returns '" + row.banjo + "' through a caller's buffer, and the clone beside " +
           library_.file + " could not be read for the reply's bound";
    return false;
  }
  // The request carries no size: the buffer holds what the clone's reply may (its bound), or what
  // one driver-transport message could (64 KiB, as the shims offer a banjo server).
  std::string type = TypeName(element);
  std::set<std::string> parameters = {buffer->getNameAsString(), size->getNameAsString(),
                                      actual->getNameAsString()};
  std::string capacity = FreshLocal(row.field + "_capacity", &parameters);
  std::string written = FreshLocal(row.field + "_actual", &parameters);
  locals_.push_back("const size_t " + capacity + " = " +
                    (row.bound != 0 ? std::to_string(row.bound)
                                    : std::string(kUnboundedReplyBytes) + " / sizeof(" + type + ")") +
                    ";");
  locals_.push_back("size_t " + size->getNameAsString() + " = " + capacity + ";");
  locals_.push_back("auto* " + buffer->getNameAsString() + " = " +
                    AllocateArray(protocol_, "arena", type, capacity) + ";");
  NeedArena(protocol_);
  locals_.push_back("size_t " + written + " = 0;");
  locals_.push_back("size_t* " + actual->getNameAsString() + " = &" + written + ";");
  // Never more than the buffer holds, whatever the body claims or did to its size.
  reply_fields_.push_back(ExternalVectorView(
      type, buffer->getNameAsString(),
      written + " < " + capacity + " ? " + written + " : " + capacity));
  return true;
}

bool MethodPlanner::NamedParameters(const ParameterMapping& row, const char* how,
                                    std::vector<const clang::ParmVarDecl*>* parameters,
                                    std::string* why) {
  for (const std::string& name : row.c) {
    const clang::ParmVarDecl* parameter = Parameter(name);
    if (parameter == nullptr) {
      *why = "has no parameter '" + name + "' (the mapping names it)";
      return false;
    }
    parameters->push_back(parameter);
  }
  // The body goes on using the parameters: they become locals of the same names.
  for (const clang::ParmVarDecl* parameter : *parameters) {
    if (parameter->getName().empty()) {
      *why = "returns '" + row.banjo + "' " + how + " whose parameters are not all named "
             "(the body's locals would take their names)";
      return false;
    }
  }
  if (mapped_.async) {
    *why = "returns '" + row.banjo + "' " + how + " from an @async method";
    return false;
  }
  return true;
}

bool MethodPlanner::OutString(const ParameterMapping& row, std::string* why) {
  std::vector<const clang::ParmVarDecl*> parameters;
  if (!NamedParameters(row, "into a caller's string", &parameters, why)) return false;
  const clang::ParmVarDecl& text = *parameters[0];
  const clang::ParmVarDecl& capacity = *parameters[1];
  if (!text.getType()->isPointerType() ||
      !text.getType()->getPointeeType().getUnqualifiedType()->isCharType()) {
    *why = "has no string '" + row.c[0] + "' (char*) to write (the mapping names it)";
    return false;
  }
  if (!library_.clone_read) {
    *why = "returns the string '" + row.banjo + "', and the clone beside " + library_.file +
           " could not be read for the reply's bound";
    return false;
  }
  // As large as the clone's bound and its NUL, or what one message could carry (as the shims
  // offer a banjo server); the reply carries the text up to the NUL, never past the buffer.
  std::set<std::string> taken = {text.getNameAsString(), capacity.getNameAsString()};
  std::string bound = FreshLocal(row.field + "_bound", &taken);
  locals_.push_back("const size_t " + bound + " = " +
                    (row.bound != 0 ? std::to_string(row.bound + 1) : kUnboundedReplyBytes) + ";");
  locals_.push_back("size_t " + capacity.getNameAsString() + " = " + bound + ";");
  locals_.push_back("auto* " + text.getNameAsString() + " = " +
                    AllocateArray(protocol_, "arena", "char", bound) + ";");
  NeedArena(protocol_);
  locals_.push_back(text.getNameAsString() + "[0] = '\\0';");
  reply_fields_.push_back("fidl::StringView::FromExternal(" + text.getNameAsString() +
                          ", static_cast<size_t>(std::find(" + text.getNameAsString() + ", " +
                          text.getNameAsString() + " + " + bound + ", '\\0') - " +
                          text.getNameAsString() + "))");
  return true;
}

bool MethodPlanner::OutCalleeList(const ParameterMapping& row, std::string* why) {
  std::vector<const clang::ParmVarDecl*> parameters;
  if (!NamedParameters(row, "as its own list", &parameters, why)) return false;
  const clang::ParmVarDecl& list = *parameters[0];
  const clang::ParmVarDecl& count = *parameters[1];
  if (!list.getType()->isPointerType() || !list.getType()->getPointeeType()->isPointerType() ||
      !count.getType()->isPointerType()) {
    *why = "has no list '" + row.c[0] + "' (T**) and count '" + row.c[1] +
           "' (size_t*) to point at its own (the mapping names them)";
    return false;
  }
  clang::QualType pointer = list.getType()->getPointeeType().getUnqualifiedType();
  clang::QualType element = pointer->getPointeeType().getUnqualifiedType();
  if (KindOf(context_.mappings(), sm_, element, nullptr) != ValueKind::kPlain) {
    *why = "returns its own list '" + row.banjo + "' of " + TypeName(element) +
           ", whose FIDL wire type is built differently";
    return false;
  }
  // The parameters become pointers to locals the reply reads: the body points them at its own
  // memory as before, which must hold until the reply is sent (a synchronous reply is at once).
  std::set<std::string> taken = {list.getNameAsString(), count.getNameAsString()};
  // Declared as drivers write them (`uint32_t*`, not clang's `uint32_t *`).
  auto declared = [&](clang::QualType type) {
    std::string name = TypeName(type);
    for (size_t at = name.find(" *"); at != std::string::npos; at = name.find(" *", at)) {
      name.erase(at, 1);
    }
    return name;
  };
  std::string list_local = FreshLocal(row.field + "_list", &taken);
  std::string count_local = FreshLocal(row.field + "_size", &taken);
  locals_.push_back(declared(pointer) + " " + list_local + " = nullptr;");
  locals_.push_back("size_t " + count_local + " = 0;");
  locals_.push_back(declared(list.getType()) + " " + list.getNameAsString() + " = &" +
                    list_local + ";");
  locals_.push_back(declared(count.getType()) + " " + count.getNameAsString() + " = &" +
                    count_local + ";");
  // Never more than the clone's bound (a longer reply would not encode), as for a buffer.
  std::string count_sent =
      row.bound == 0 ? count_local
                     : count_local + " < " + std::to_string(row.bound) + " ? " + count_local +
                           " : " + std::to_string(row.bound);
  reply_fields_.push_back(ExternalVectorView(TypeName(element), list_local, count_sent));
  return true;
}

std::string MethodPlanner::Reply(const std::string& reply, const std::string& value) const {
  std::string arguments;
  for (const std::string& field : reply_fields_) {
    arguments += (arguments.empty() ? "" : ", ") + (field == "$value" ? value : field);
  }
  return ReplyThrough(protocol_) + reply + "(" + arguments + ");";
}

void MethodPlanner::NeedArena(const ProtocolMapping& user) {
  if (!OnChannel(protocol_)) return;
  // A driver-transport call's fdf::Arena wins: it holds the channel's copies as well.
  if (!OnChannel(user) || local_arena_.empty()) local_arena_ = ArenaDeclaration(user, "arena");
}

std::vector<std::string> MethodPlanner::StatusReply(const clang::Expr& value, std::string status,
                                                    const std::string& success) const {
  clang::Expr::EvalResult constant;
  if (value.EvaluateAsInt(constant, ast_)) {
    return {constant.Val.getInt() == 0 ? success
                                       : ReplyThrough(protocol_) + "ReplyError(" + status + ");"};
  }
  std::vector<std::string> lines;
  if (!llvm::isa<clang::DeclRefExpr>(value.IgnoreParenImpCasts())) {
    std::string name = NewName("reply_status", "fidl");
    lines.push_back("zx_status_t " + name + " = " + status + ";");
    status = name;
  }
  lines.push_back("if (" + status + " == ZX_OK) {");
  lines.push_back("  " + success);
  lines.push_back("} else {");
  lines.push_back("  " + ReplyThrough(protocol_) + "ReplyError(" + status + ");");
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
  std::string indent = IndentAt(begin);
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
    } else if (value != nullptr && reply_fields_.size() > 1 &&
               !llvm::isa<clang::DeclRefExpr, clang::IntegerLiteral, clang::MemberExpr>(
                   value->IgnoreParenImpCasts())) {
      // The value may write the out-parameters' locals (a call filling them in): computed
      // first, since the reply's arguments are evaluated in no set order.
      std::string name = NewName("reply_value", "fidl");
      lines.push_back("auto " + name + " = " + TextWithEdits(value->getSourceRange(), edits) + ";");
      lines.push_back(Reply("Reply", name));
    } else {
      lines.push_back(Reply("Reply", value ? TextWithEdits(value->getSourceRange(), edits) : ""));
    }
    if (!ReplaceStatement(*ret, std::move(lines), /*then_return=*/true, edits, why)) return false;
  }
  // A void method may end without a return: it replies as it ends.
  if (!one_way && !returns_status_ && !returns_value_ &&
      (body->body_empty() || !llvm::isa<clang::ReturnStmt>(body->body_back()))) {
    if (OneLineBlock* one_line = OneLineBlockOf(*body)) {
      one_line->last_lines.push_back(Reply("Reply", ""));
    } else {
      std::string indent = LineIndent(sm_, body->getRBracLoc());
      edits->push_back(
          {clang::CharSourceRange::getCharRange(body->getRBracLoc(), body->getRBracLoc()),
           "  " + Reply("Reply", "") + "\n" + indent});
    }
  }
  return true;
}

bool MethodPlanner::Plan(std::vector<ServerEdit>* edits, std::string* why) {
  definition_ = method_.getDefinition();
  if (definition_ == nullptr ||
      !context_.files().Contains(sm_, definition_->getLocation())) {
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
  ExpandIfOneLine(*body);
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
  if (const clang::Expr* call = CallOf(context_.files(), ast_, method_)) {
    *why = "is called by the driver itself (at " + Where(sm_, call->getExprLoc()) +
           "), and would not be by that name any more";
    return false;
  }
  // The old parameters go away with the rewrite; everything else the body names stays.
  std::set<const clang::Decl*> parameters(definition_->param_begin(), definition_->param_end());
  names_ = std::make_unique<ScopeNames>(*definition_, parameters);
  for (const char* name : {"request", "arena", "completer"}) {
    if (names_->Taken(name) && !RenameLocal(name, edits)) {
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
  for (const auto& [banjo, list] : struct_lists_) {
    if (!list.returned && !list.element.WrittenInPlace().empty()) {
      *why = "takes the list '" + banjo + "', whose elements hold buffers it may write in place (" +
             list.element.WrittenInPlace() + "), which the clone does not return";
      return false;
    }
  }
  if (!ClientCalls(edits, why)) return false;
  if (!(mapped_.async ? CallbackReplies(edits, why) : Returns(edits, why))) return false;
  // The signature of every declaration of it in this file.
  std::string params = (has_request_ ? mapped_.fidl_method + "RequestView request, " : "") +
                       ServerArenaParameter(protocol_) + mapped_.fidl_method +
                       "Completer::Sync& completer";
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
  if (!local_arena_.empty()) locals_.insert(locals_.begin(), local_arena_);
  if (OneLineBlock* one_line = OneLineBlockOf(*body)) {
    one_line->first_lines.insert(one_line->first_lines.begin(), locals_.begin(), locals_.end());
  } else if (!locals_.empty()) {
    BodyStart start = StartOf(sm_, *body);
    std::string text;
    for (const std::string& local : locals_) text += "\n" + start.indent + local;
    edits->push_back(
        {clang::CharSourceRange::getCharRange(start.after_brace, start.after_brace), text});
  }
  FinishOneLineBlocks(edits);
  return true;
}

}  // namespace server_method

bool PlanServerMethod(const RewriteContext& context, clang::ASTContext& ast,
                      const clang::CXXMethodDecl& method, const MethodMapping& mapped,
                      const LibraryMapping& library, const ProtocolMapping& protocol,
                      std::vector<ServerEdit>* edits, std::string* why) {
  return server_method::MethodPlanner(context, ast, method, mapped, library, protocol)
      .Plan(edits, why);
}

namespace {

// The mapped protocol `record` is the banjo mixin of, or derives from (a dual server is built on
// it), or null.
const ProtocolMapping* MixinProtocol(const MappingIndex& mappings, const clang::CXXRecordDecl* record,
                                     int depth = 0) {
  if (record == nullptr || depth > 4) return nullptr;
  if (const auto* mixin = llvm::dyn_cast<clang::ClassTemplateSpecializationDecl>(record)) {
    std::string name = mixin->getSpecializedTemplate()->getQualifiedNameAsString();
    for (const LibraryMapping& library : mappings.libraries()) {
      for (const ProtocolMapping& protocol : library.protocols) {
        if (protocol.cpp_mixin == name) return &protocol;
      }
    }
  }
  if (!record->hasDefinition()) return nullptr;
  for (const clang::CXXBaseSpecifier& base : record->bases()) {
    if (const ProtocolMapping* protocol =
            MixinProtocol(mappings, base.getType()->getAsCXXRecordDecl(), depth + 1)) {
      return protocol;
    }
  }
  return nullptr;
}

}  // namespace

const clang::CXXBaseSpecifier* ServedBy(const MappingIndex& mappings,
                                        const clang::CXXMethodDecl& method) {
  for (const clang::CXXBaseSpecifier& base : method.getParent()->bases()) {
    const ProtocolMapping* protocol =
        MixinProtocol(mappings, base.getType()->getAsCXXRecordDecl());
    if (protocol == nullptr) continue;
    for (const MethodMapping& row : protocol->methods) {
      if (IsNamed(method, row.cpp_mixin)) return &base;
    }
  }
  return nullptr;
}

}  // namespace fdfkit::driver_migration
