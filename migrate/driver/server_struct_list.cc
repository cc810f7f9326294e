// A server method taking a list of banjo structs (server_method_planner.h): the body keeps
// working on the elements, now the request's wire structs, read field by field where it read
// the banjo ones. What the body writes through an element's buffer lands in the request's memory
// (on the request's arena, writable), which the reply hands back.
#include <clang/AST/ParentMapContext.h>
#include <clang/ASTMatchers/ASTMatchFinder.h>

#include "migrate/driver/server_method_planner.h"

namespace fdfkit::driver_migration::server_method {

using namespace clang::ast_matchers;  // NOLINT: the matcher language

namespace {

// Whether `expr` is only read as a value: its parent loads it. An initializer list has two
// forms, and the one as written holds `expr` without the load.
bool Loaded(clang::ASTContext& ast, const clang::Expr& expr) {
  bool loaded = false;
  for (const clang::DynTypedNode& parent : ast.getParents(expr)) {
    const auto* load = parent.get<clang::ImplicitCastExpr>();
    if (load != nullptr && load->getCastKind() == clang::CK_LValueToRValue) {
      loaded = true;
    } else if (parent.get<clang::InitListExpr>() == nullptr) {
      return false;
    }
  }
  return loaded;
}

}  // namespace

bool MethodPlanner::InStructList(const ParameterMapping& row, const clang::ParmVarDecl& list,
                                 const clang::ParmVarDecl& count, const ElementStruct& element,
                                 std::vector<ServerEdit>* edits, std::string* why) {
  std::string list_name = list.getNameAsString();
  if (mapped_.async) {
    *why = "takes the list of structs '" + list_name +
           "' in an @async method, whose reply may come after the request (and the buffers its "
           "elements view) is gone";
    return false;
  }
  std::string wire = "request->" + row.field;
  // In the method itself only: a lambda may outlive the request.
  auto where_not = [&](const clang::DeclRefExpr& use) -> std::string {
    if (use.getBeginLoc().isMacroID()) return "in a macro";
    if (EnclosingFunction(ast_, use) != definition_) return "in a lambda";
    return "";
  };
  for (const clang::DeclRefExpr* use : UsesOf(count)) {
    if (std::string not_here = where_not(*use); !not_here.empty()) {
      *why = "reads '" + count.getNameAsString() + "' " + not_here + " (at " +
             Where(sm_, use->getBeginLoc()) + ")";
      return false;
    }
    edits->push_back(
        {clang::CharSourceRange::getTokenRange(use->getSourceRange()), wire + ".count()"});
  }
  std::vector<const clang::MemberExpr*> enum_reads;
  for (const clang::DeclRefExpr* use : UsesOf(list)) {
    std::string at = Where(sm_, use->getBeginLoc());
    if (std::string not_here = where_not(*use); !not_here.empty()) {
      *why = "reads the list '" + list_name + "' " + not_here + " (at " + at + ")";
      return false;
    }
    // Only indexed, `op_list[i]`: the request's list is a fidl::VectorView of wire structs, no
    // pointer to banjo ones.
    Enclosing around = EnclosingNode(ast_, clang::DynTypedNode::create(*use));
    const auto* indexed = around.node.get<clang::ArraySubscriptExpr>();
    if (indexed == nullptr || indexed->getLHS()->IgnoreParenImpCasts() != use) {
      *why = "uses the list '" + list_name + "' at " + at + " other than as " + list_name +
             "[i] (passed on, dereferenced, moved through): its elements are wire structs now";
      return false;
    }
    edits->push_back({clang::CharSourceRange::getTokenRange(use->getSourceRange()), wire});
    if (!ElementUse(*indexed, element, list_name, edits, &enum_reads, why)) return false;
  }
  // A banjo enum is read as the integer banjo had: its text with the edits inside it made.
  for (const clang::MemberExpr* read : enum_reads) {
    const ElementField* field = element.Field(read->getMemberDecl()->getName());
    std::string text = TextWithEdits(read->getSourceRange(), edits);
    edits->push_back({clang::CharSourceRange::getTokenRange(read->getSourceRange()),
                      AsBanjoInteger(ast_.getLangOpts(), *field->banjo_typedef, text),
                      /*consumes=*/true});
  }
  struct_lists_[row.banjo] = StructListParameter{row.field, element};
  return true;
}

bool MethodPlanner::ElementUse(const clang::ArraySubscriptExpr& indexed,
                               const ElementStruct& element, const std::string& list,
                               std::vector<ServerEdit>* edits,
                               std::vector<const clang::MemberExpr*>* enum_reads,
                               std::string* why) {
  Enclosing around = EnclosingNode(ast_, clang::DynTypedNode::create(indexed));
  if (const auto* read = around.node.get<clang::MemberExpr>();
      read != nullptr && !read->isArrow()) {
    return ElementFieldRead(*read, element, list, edits, enum_reads, why);
  }
  std::string whole = "uses an element of '" + list + "' at " + Where(sm_, indexed.getBeginLoc()) +
                      " whole, not field by field (copied, passed on, its address taken)";
  // `const i2c_impl_op_t& op = op_list[i];`, alone in its declaration, in the method itself.
  const auto* reference = around.node.get<clang::VarDecl>();
  const clang::DeclStmt* statement = nullptr;
  if (reference != nullptr) {
    auto declaration = ast_.getParents(*reference);
    statement = declaration.size() == 1 ? declaration[0].get<clang::DeclStmt>() : nullptr;
  }
  if (reference == nullptr || !reference->getType()->isLValueReferenceType() ||
      !reference->isLocalVarDecl() || statement == nullptr || !statement->isSingleDecl() ||
      reference->getBeginLoc().isMacroID() || reference->getLocation().isMacroID()) {
    *why = whole;
    return false;
  }
  // Its type names the banjo struct: it becomes the wire struct's, deduced, const as it was.
  clang::QualType referred = reference->getType()->getPointeeType();
  if (referred->getContainedAutoType() == nullptr) {
    edits->push_back(
        {clang::CharSourceRange::getCharRange(reference->getBeginLoc(), reference->getLocation()),
         referred.isConstQualified() ? "const auto& " : "auto& ",
         /*consumes=*/true});
  }
  std::string name = reference->getNameAsString();
  for (const BoundNodes& bound :
       match(findAll(declRefExpr(to(varDecl(equalsNode(reference)))).bind("use")),
             *definition_->getBody(), ast_)) {
    const auto* use = bound.getNodeAs<clang::DeclRefExpr>("use");
    const auto* read =
        EnclosingNode(ast_, clang::DynTypedNode::create(*use)).node.get<clang::MemberExpr>();
    if (use->getBeginLoc().isMacroID() || EnclosingFunction(ast_, *use) != definition_ ||
        read == nullptr || read->isArrow()) {
      *why = "uses '" + name + "', an element of '" + list + "', at " +
             Where(sm_, use->getBeginLoc()) + " other than field by field in the method itself";
      return false;
    }
    if (!ElementFieldRead(*read, element, list, edits, enum_reads, why)) return false;
  }
  return true;
}

bool MethodPlanner::ElementFieldRead(const clang::MemberExpr& read, const ElementStruct& element,
                                     const std::string& list, std::vector<ServerEdit>* edits,
                                     std::vector<const clang::MemberExpr*>* enum_reads,
                                     std::string* why) {
  std::string name = read.getMemberDecl()->getNameAsString();
  std::string at = Where(sm_, read.getMemberLoc());
  if (read.getMemberLoc().isMacroID()) {
    *why = "reads '" + name + "' of an element of '" + list + "' in a macro (at " + at + ")";
    return false;
  }
  clang::CharSourceRange member = clang::CharSourceRange::getTokenRange(read.getMemberLoc());
  // A buffer's pointer and size are its view's data() and count(): values to read, nothing the
  // wire struct holds to write, bind to a reference or take the address of.
  bool is_count = false;
  const ElementField* buffer = element.BufferOf(name, &is_count);
  const ElementField* field = buffer ? buffer : element.Field(name);
  bool enum_field = field != nullptr && field->kind == ValueKind::kBanjoInteger;
  if ((buffer != nullptr || enum_field) && !Loaded(ast_, read)) {
    *why = "uses '" + name + "' of an element of '" + list + "' at " + at +
           " other than by reading its value (written, bound to a reference, its address "
           "taken)";
    return false;
  }
  if (field == nullptr) {
    *why = "reads '" + name + "' of an element of '" + list + "' at " + at +
           ", which the wire struct does not have";
    return false;
  }
  if (buffer != nullptr) {
    edits->push_back({member, buffer->name + (is_count ? ".count()" : ".data()"),
                      /*consumes=*/true});
    return true;
  }
  if (enum_field) enum_reads->push_back(&read);
  // The same name in the wire struct: the banjo field it named is gone all the same.
  edits->push_back({member, "", /*consumes=*/true, /*consume_only=*/true});
  return true;
}

bool MethodPlanner::OutWrittenInPlace(const ParameterMapping& row, const std::string& list,
                                      const std::string& field, std::string* why) {
  auto taken = struct_lists_.find(list);
  if (taken == struct_lists_.end()) {
    *why = "returns '" + row.banjo + "', written in place in the elements of '" + list +
           "', which it does not take as a list of structs";
    return false;
  }
  const ElementField* written = taken->second.element.Field(field);
  if (written == nullptr || !written->written_in_place) {
    *why = "returns '" + row.banjo +
           "', which is no buffer of the banjo header's element struct "
           "the body can write";
    return false;
  }
  // One reply element per request element, in order, carrying the buffers the body wrote in
  // place: views of the request's own memory, so they are built first and read what the body
  // leaves there.
  std::string reply = NewName(row.field, "out");
  std::string index = reply == "i" ? "j" : "i";
  std::string from = "request->" + taken->second.field;
  locals_.push_back(mapped_.WireFieldType(FidlNamespace(library_), protocol_.fidl_protocol,
                                          "Response", row.field) +
                    " " + reply + "(arena, " + from + ".count());");
  NeedArena(protocol_);
  locals_.push_back("for (size_t " + index + " = 0; " + index + " < " + from + ".count(); ++" +
                    index + ") {");
  for (const ElementField& buffer : taken->second.element.fields) {
    if (!buffer.written_in_place) continue;
    locals_.push_back("  " + reply + "[" + index + "]." + buffer.name + " = " + from + "[" + index +
                      "]." + buffer.name + ";");
  }
  locals_.push_back("}");
  reply_fields_.push_back(reply);
  taken->second.returned = true;
  return true;
}

}  // namespace fdfkit::driver_migration::server_method
