#include "migrate/driver/call_plan.h"

#include <map>

#include "migrate/driver/enclosing_node.h"
#include "migrate/driver/source_text.h"
#include "migrate/driver/struct_list.h"
#include "migrate/driver/value_kind.h"
#include "migrate/driver/wire_spelling.h"

namespace fdfkit::driver_migration {
namespace {

class CallPlanner {
 public:
  CallPlanner(const RewriteContext& context, const clang::SourceManager& sm, clang::ASTContext& ast,
              const clang::CXXMemberCallExpr& call, const clang::CXXMethodDecl& method,
              const MethodMapping& mapped, const LibraryMapping& library,
              const ProtocolMapping& protocol, const std::string& result_name,
              const std::string& arena, const LocalName& local_name, const ArgumentText* text_of)
      : context_(context),
        sm_(sm),
        ast_(ast),
        call_(call),
        method_(method),
        mapped_(mapped),
        library_(library),
        protocol_(protocol),
        field_prefix_(result_name + (mapped.error_syntax ? "->value()->" : "->")),
        arena_(arena),
        local_name_(local_name),
        text_of_(text_of) {}

  CallPlan Plan() {
    CallPlan plan;
    for (const ParameterMapping& parameter : mapped_.parameters) {
      Parameter(parameter, &plan);
      if (plan.refusal) break;
    }
    if (!plan.refusal && mapped_.async) AsyncOutputs(&plan);
    for (const auto& [banjo, list] : struct_lists_) {
      if (!plan.refusal && !list.returned && !list.element.WrittenInPlace().empty()) {
        Refuse(&plan, banjo, list.type,
               "is a list whose elements hold buffers the callee writes in place (" +
                   list.element.WrittenInPlace() + "), which the clone does not return");
      }
    }
    if (!plan.refusal && !plan.value_field.empty() && !plan.checks.empty()) {
      Refuse(&plan, plan.value_field, call_.getType(),
             "is returned beside out-parameters that need checks, which the rewrite does not "
             "unpack together");
    }
    // A value returned beside plain out-parameters: both come out of one response.
    if (!plan.value_field.empty()) plan.value_type = TypeName(call_.getType());
    return plan;
  }

 private:
  // The argument passed for the banjo C++ parameter called `name`, or null.
  const clang::Expr* ArgumentFor(const std::string& name, clang::QualType* type) const {
    for (unsigned i = 0; i < method_.getNumParams() && i < call_.getNumArgs(); ++i) {
      if (IsNamed(*method_.getParamDecl(i), name)) {
        *type = method_.getParamDecl(i)->getType();
        return call_.getArg(i);
      }
    }
    return nullptr;
  }
  std::string Text(const clang::Expr& expr) const {
    if (text_of_ != nullptr) return (*text_of_)(expr);
    return driver_migration::Text(sm_, ast_.getLangOpts(), expr.getSourceRange());
  }
  // `expr` as an operand of a larger expression: parenthesized unless it is one term already.
  std::string Operand(const clang::Expr& expr) const {
    const clang::Expr* bare = expr.IgnoreImpCasts();
    bool term = llvm::isa<clang::DeclRefExpr, clang::MemberExpr, clang::IntegerLiteral,
                          clang::CallExpr, clang::ParenExpr, clang::UnaryExprOrTypeTraitExpr>(bare);
    return term ? Text(expr) : "(" + Text(expr) + ")";
  }
  std::string TypeName(clang::QualType type) const {
    return driver_migration::TypeName(ast_.getLangOpts(), type);
  }
  // Where an out-parameter's value goes: `x` for `&x`, `*p` for `p`; nullopt for nullptr.
  std::optional<std::string> Target(const clang::Expr& argument, CallPlan* plan,
                                    const std::string& name, clang::QualType type) {
    const clang::Expr* bare = argument.IgnoreParenImpCasts();
    if (bare->isNullPointerConstant(ast_, clang::Expr::NPC_ValueDependentIsNotNull)) {
      return std::nullopt;
    }
    if (bare->HasSideEffects(ast_)) {
      Refuse(plan, name, type,
             "is an expression with side effects, which would run after the call");
      return std::nullopt;
    }
    if (const auto* address = llvm::dyn_cast<clang::UnaryOperator>(bare);
        address != nullptr && address->getOpcode() == clang::UO_AddrOf) {
      return Text(*address->getSubExpr());
    }
    if (llvm::isa<clang::DeclRefExpr, clang::MemberExpr>(bare)) {
      // A pointer another rewrite made the address of a local (`&x`): the local itself.
      std::string pointer = Text(*bare);
      if (pointer.size() > 1 && pointer[0] == '&' &&
          pointer.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_",
                                    1) == std::string::npos) {
        return pointer.substr(1);
      }
      return "*" + pointer;
    }
    return "*(" + Text(*bare) + ")";
  }
  void Refuse(CallPlan* plan, const std::string& parameter, clang::QualType type, std::string why) {
    if (!plan->refusal) {
      plan->refusal = CallRefusal{parameter, type.isNull() ? "" : TypeName(type), std::move(why)};
    }
  }

  void Parameter(const ParameterMapping& parameter, CallPlan* plan) {
    const std::string& becomes = parameter.becomes;
    const std::string& field = parameter.field;
    const std::string& banjo = parameter.banjo;
    if (mapped_.async && becomes == "dropped" && (banjo == "callback" || banjo == "cookie")) {
      CallbackOrCookie(parameter, plan);
      return;
    }
    if (mapped_.async && parameter.direction == "out") return;  // the callback's (AsyncOutputs)
    if (becomes == "error") {
      plan->returns_status = true;
      return;
    }
    if (std::string list, element_field;
        parameter.direction == "out" && becomes == "response" &&
        SplitElementRow(banjo, &list, &element_field)) {
      WrittenInPlace(parameter, list, element_field, plan);
      return;
    }
    if (parameter.returned()) {
      if (KindOf(context_.mappings(), sm_, call_.getType(), nullptr) != ValueKind::kPlain) {
        Refuse(plan, banjo, call_.getType(), "is returned as a type the clone names differently");
        return;
      }
      plan->value_field = field;
      return;
    }
    std::vector<std::pair<const clang::Expr*, clang::QualType>> arguments;
    for (const std::string& name : parameter.c) {
      clang::QualType type;
      const clang::Expr* argument = ArgumentFor(name, &type);
      if (argument == nullptr) {
        Refuse(plan, banjo, {},
               "is not a parameter of " + method_.getQualifiedNameAsString() +
                   " as the header declares it (the mapping names '" + name + "')");
        return;
      }
      arguments.emplace_back(argument, type);
    }
    if (parameter.direction == "in" && becomes == "request") {
      In(banjo, field, arguments, plan);
    } else if (parameter.direction == "out" && becomes == "response") {
      Out(banjo, field_prefix_ + field, arguments, plan);
    } else {
      Refuse(plan, banjo, arguments.empty() ? clang::QualType() : arguments[0].second,
             "becomes '" + becomes + "' in the clone, which a call site cannot express");
    }
  }

  // How the fields of a struct argument are read: `x.` for `&x` or `x`, `p->` for a pointer.
  // Nullopt (refused) for an expression with side effects, which would run once per field.
  std::optional<std::string> FieldsOf(const clang::Expr& argument, bool by_pointer, CallPlan* plan,
                                      const std::string& banjo, clang::QualType type) {
    const clang::Expr* bare = argument.IgnoreParenImpCasts();
    if (by_pointer) {
      if (const auto* address = llvm::dyn_cast<clang::UnaryOperator>(bare);
          address != nullptr && address->getOpcode() == clang::UO_AddrOf) {
        bare = address->getSubExpr()->IgnoreParens();
        by_pointer = false;
      } else if (bare->isNullPointerConstant(ast_, clang::Expr::NPC_ValueDependentIsNotNull)) {
        Refuse(plan, banjo, type, "is null, which the FIDL struct cannot be");
        return std::nullopt;
      }
    }
    if (bare->HasSideEffects(ast_)) {
      Refuse(plan, banjo, type, "is an expression with side effects, read once per field");
      return std::nullopt;
    }
    std::string text = Text(*bare);
    if (!llvm::isa<clang::DeclRefExpr, clang::MemberExpr>(bare)) text = "(" + text + ")";
    return text + (by_pointer ? "->" : ".");
  }

  void In(const std::string& banjo, const std::string& field,
          const std::vector<std::pair<const clang::Expr*, clang::QualType>>& arguments,
          CallPlan* plan) {
    if (arguments.size() == 1) {
      auto [argument, type] = arguments[0];
      if (type->isPointerType() && type->getPointeeType()->isCharType()) {
        plan->request.push_back("fidl::StringView::FromExternal(" + Text(*argument) + ")");
        return;
      }
      // A struct by value or by const pointer: the wire struct, built field by field.
      bool by_pointer = type->isPointerType() && type->getPointeeType().isConstQualified();
      clang::QualType value = by_pointer ? type->getPointeeType() : type;
      if (KindOf(context_.mappings(), sm_, value, nullptr) == ValueKind::kPlainStruct) {
        std::optional<std::string> base = FieldsOf(*argument, by_pointer, plan, banjo, type);
        if (!base) return;
        plan->request.push_back(BuildWireStruct(
            context_.mappings(), sm_, value,
            mapped_.WireFieldType(FidlNamespace(library_), protocol_.fidl_protocol, "Request",
                                  field),
            *base));
        return;
      }
      switch (KindOf(context_.mappings(), sm_, type, nullptr)) {
        case ValueKind::kPlain:
        case ValueKind::kZxObject:  // taken by value in banjo too: moved by the caller already
          plan->request.push_back(Text(*argument));
          return;
        case ValueKind::kBanjoInteger:
          // The clone's enum or bits, named by what the request field is.
          plan->request.push_back(mapped_.WireFieldCast(FidlNamespace(library_),
                                                        protocol_.fidl_protocol, "Request", field) +
                                  "(" + Text(*argument) + ")");
          return;
        case ValueKind::kRawHandle:
          Refuse(plan, banjo, type,
                 "is a raw handle, which the FIDL call takes as an owning zx:: "
                 "object of its own type");
          return;
        case ValueKind::kPlainStruct:
        case ValueKind::kPlainArray:
        case ValueKind::kOther:
          Refuse(plan, banjo, type, "is a struct, whose FIDL wire type is built differently");
          return;
      }
    }
    if (arguments.size() == 2 && arguments[0].second->isPointerType()) {
      clang::QualType element = arguments[0].second->getPointeeType().getUnqualifiedType();
      if (std::optional<ElementStruct> fields =
              AsElementStruct(context_.mappings(), sm_, element)) {
        StructList(banjo, field, *fields, arguments, plan);
        return;
      }
      if (KindOf(context_.mappings(), sm_, element, nullptr) != ValueKind::kPlain) {
        Refuse(plan, banjo, arguments[0].second,
               "is a list of elements whose FIDL wire type is built differently (the rewrite "
               "builds lists of numbers, bools, and banjo structs of those, banjo enums and bits, "
               "and buffers)");
        return;
      }
      plan->request.push_back(ExternalVectorView(TypeName(element), Text(*arguments[0].first),
                                                 Text(*arguments[1].first)));
      return;
    }
    Refuse(plan, banjo, arguments.empty() ? clang::QualType() : arguments[0].second,
           "has a shape the rewrite does not know");
  }

  // A list of structs (`const i2c_impl_op_t* ops, size_t count`): a wire list on the function's
  // arena, built element by element, each buffer a view of the caller's memory (which the
  // transport copies onto the arena). The list and the count are read once each.
  void StructList(const std::string& banjo, const std::string& field, const ElementStruct& element,
                  const std::vector<std::pair<const clang::Expr*, clang::QualType>>& arguments,
                  CallPlan* plan) {
    if (mapped_.async) {
      Refuse(plan, banjo, arguments[0].second,
             "is a list of structs passed to an @async method: the rewrite builds one only for a "
             "call that waits for its reply");
      return;
    }
    StructListArgument list{ReadOnce(*arguments[0].first, banjo + "_list", "const auto*", plan),
                            ReadOnce(*arguments[1].first, banjo + "_count", "const size_t", plan),
                            local_name_("i"), element, arguments[0].second};
    std::string wire = local_name_(field);
    std::vector<std::string> built = BuildWireList(
        element,
        mapped_.WireFieldType(FidlNamespace(library_), protocol_.fidl_protocol, "Request", field),
        wire, arena_, list.list, list.count, list.index);
    plan->preparations.insert(plan->preparations.end(), built.begin(), built.end());
    plan->request.push_back(wire);
    plan->uses_arena = true;  // the list is built on it
    struct_lists_[banjo] = std::move(list);
  }

  // `argument` as an operand read once: itself if it is a plain name (a variable, a member of
  // one or of this) or a constant, else a local of `type` it is bound to first.
  std::string ReadOnce(const clang::Expr& argument, const std::string& base,
                       const std::string& type, CallPlan* plan) {
    const clang::Expr* bare = argument.IgnoreParenImpCasts();
    bool name = llvm::isa<clang::DeclRefExpr>(bare);
    if (const auto* member = llvm::dyn_cast<clang::MemberExpr>(bare)) {
      name = llvm::isa<clang::CXXThisExpr, clang::DeclRefExpr>(
          member->getBase()->IgnoreParenImpCasts());
    }
    if (name || (!bare->HasSideEffects(ast_) && bare->isIntegerConstantExpr(ast_))) {
      return Operand(argument);
    }
    std::string local = local_name_(base);
    plan->preparations.push_back(type + " " + local + " = " + Text(argument) + ";");
    return local;
  }

  // Data the callee wrote in place in the elements of a list of structs (the row `op[].data`):
  // the reply has one element per request element, in order, whose buffers are copied back
  // into the caller's, as far as each holds.
  void WrittenInPlace(const ParameterMapping& parameter, const std::string& list_name,
                      const std::string& element_field, CallPlan* plan) {
    auto list = struct_lists_.find(list_name);
    if (list == struct_lists_.end()) {
      Refuse(plan, parameter.banjo, {},
             "was written in place in the elements of '" + list_name +
                 "', which the call does not pass as a list of structs");
      return;
    }
    const ElementField* written = list->second.element.Field(element_field);
    if (written == nullptr || !written->written_in_place) {
      Refuse(plan, parameter.banjo, list->second.type,
             "is no buffer the callee can write in the banjo header's element struct (a '" +
                 element_field + "_buffer' or '" + element_field +
                 "_list' pointing at non-const data)");
      return;
    }
    if (!plan->returns_status) {
      Refuse(plan, parameter.banjo, list->second.type,
             "is written in place by a call that returns no status to report a reply longer "
             "than the list with");
      return;
    }
    std::string reply = field_prefix_ + parameter.field;
    plan->checks.push_back(CheckWrittenList(reply, list->second.count));
    std::vector<std::string> copies =
        CopyWrittenInPlace(list->second.element, reply, list->second.list, list->second.index);
    plan->assignments.insert(plan->assignments.end(), copies.begin(), copies.end());
    list->second.returned = true;
  }

  // `field` is how the response field is read: result->value()->x, or result->x.
  void Out(const std::string& banjo, const std::string& field,
           const std::vector<std::pair<const clang::Expr*, clang::QualType>>& arguments,
           CallPlan* plan) {
    if (arguments.empty()) {
      Refuse(plan, banjo, {}, "was written in place by the callee, which FIDL cannot do");
      return;
    }
    auto [argument, type] = arguments[0];
    if (!type->isPointerType()) {
      Refuse(plan, banjo, type, "is not a pointer to write through");
      return;
    }
    clang::QualType pointee = type->getPointeeType();
    if (arguments.size() == 2 && pointee->isCharType()) {  // (string, capacity)
      OutString(banjo, field, arguments, plan);
      return;
    }
    if (arguments.size() == 2) {  // @callee_allocated: (&list, &count)
      OutCalleeList(banjo, field, arguments, plan);
      return;
    }
    if (arguments.size() == 3) {  // (buffer, capacity, &actual)
      if (!plan->returns_status) {
        Refuse(plan, banjo, type,
               "is an out-buffer of a call that returns no status to report "
               "a short buffer with");
        return;
      }
      if (KindOf(context_.mappings(), sm_, pointee, nullptr) != ValueKind::kPlain) {
        Refuse(plan, banjo, type, "is an out-buffer of elements whose FIDL wire type differs");
        return;
      }
      if (argument->HasSideEffects(ast_) || arguments[1].first->HasSideEffects(ast_)) {
        Refuse(plan, banjo, type,
               "is an expression with side effects, which would run after "
               "the call");
        return;
      }
      plan->checks.push_back("if (" + field + ".count() > " + Operand(*arguments[1].first) +
                             ") return ZX_ERR_BUFFER_TOO_SMALL;");
      plan->assignments.push_back("std::copy(" + field + ".begin(), " + field + ".end(), " +
                                  Text(*argument) + ");");
      if (std::optional<std::string> actual =
              Target(*arguments[2].first, plan, banjo, arguments[2].second)) {
        plan->assignments.push_back(*actual + " = " + field + ".count();");
      }
      return;
    }
    std::optional<std::string> target = Target(*argument, plan, banjo, type);
    if (!target) return;
    const clang::TypedefNameDecl* banjo_typedef = nullptr;
    switch (KindOf(context_.mappings(), sm_, pointee, &banjo_typedef)) {
      case ValueKind::kPlain:
        plan->assignments.push_back(*target + " = " + field + ";");
        return;
      case ValueKind::kBanjoInteger:
        plan->assignments.push_back(
            *target + " = " + AsBanjoInteger(ast_.getLangOpts(), *banjo_typedef, field) + ";");
        return;
      case ValueKind::kZxObject:
        plan->assignments.push_back(*target + " = std::move(" + field + ");");
        return;
      case ValueKind::kRawHandle:
        plan->assignments.push_back(*target + " = " + field + ".release();");
        return;
      case ValueKind::kPlainStruct: {
        // Field by field: the banjo struct and the wire one are different types.
        std::string base = (*target)[0] == '*' ? "(" + *target + ")" : *target;
        std::vector<std::string> copies =
            CopyPlainStructOut(context_.mappings(), sm_, ast_.getLangOpts(), pointee, base, field);
        plan->assignments.insert(plan->assignments.end(), copies.begin(), copies.end());
        return;
      }
      case ValueKind::kPlainArray:
      case ValueKind::kOther:
        Refuse(plan, banjo, type, "is a struct, whose FIDL wire type must be copied out by hand");
        return;
    }
  }

  // `char* out_x, size_t x_capacity`: the text and its NUL, or ZX_ERR_BUFFER_TOO_SMALL, as for a
  // buffer.
  void OutString(const std::string& banjo, const std::string& field,
                 const std::vector<std::pair<const clang::Expr*, clang::QualType>>& arguments,
                 CallPlan* plan) {
    auto [text, type] = arguments[0];
    if (!plan->returns_status) {
      Refuse(plan, banjo, type,
             "is an out-string of a call that returns no status to report a short buffer with");
      return;
    }
    if (text->HasSideEffects(ast_) || arguments[1].first->HasSideEffects(ast_)) {
      Refuse(plan, banjo, type, "is an expression with side effects, which would run after the call");
      return;
    }
    // Spliced whole: `have ? size : 0`, `buf + off` keep their meaning.
    plan->checks.push_back("if (" + field + ".size() >= " + Operand(*arguments[1].first) +
                           ") return ZX_ERR_BUFFER_TOO_SMALL;");
    plan->assignments.push_back("std::copy(" + field + ".begin(), " + field + ".end(), " +
                                Text(*text) + ");");
    plan->assignments.push_back(Operand(*text) + "[" + field + ".size()] = '\\0';");
  }

  // `T** out_x_list, size_t* x_count` (@callee_allocated): banjo handed out the callee's own
  // list; the reply's ends with the call, so the list is copied into the function's arena and
  // lives as long as it. Only into a local pointer used to read through (`list[i]`, `*list`, a
  // test), which cannot outlive the function.
  void OutCalleeList(const std::string& banjo, const std::string& field,
                     const std::vector<std::pair<const clang::Expr*, clang::QualType>>& arguments,
                     CallPlan* plan) {
    auto [list, type] = arguments[0];
    clang::QualType pointer = type->getPointeeType();
    if (!pointer->isPointerType() || !arguments[1].second->isPointerType()) {
      Refuse(plan, banjo, type, "has a shape the rewrite does not know");
      return;
    }
    clang::QualType element = pointer->getPointeeType().getUnqualifiedType();
    if (KindOf(context_.mappings(), sm_, element, nullptr) != ValueKind::kPlain) {
      Refuse(plan, banjo, type, "is a list of elements whose FIDL wire type differs");
      return;
    }
    if (std::string why = WhyListEscapes(*list); !why.empty()) {
      Refuse(plan, banjo, type, why);
      return;
    }
    std::optional<std::string> target = Target(*list, plan, banjo, type);
    std::optional<std::string> count =
        target ? Target(*arguments[1].first, plan, banjo, arguments[1].second) : std::nullopt;
    if (!target || !count) return;
    std::string name = TypeName(element);
    plan->assignments.push_back("{\n  auto* copied = " +
                                AllocateArray(protocol_, arena_, name, field + ".count()") +
                                ";\n  std::copy(" + field + ".begin(), " + field +
                                ".end(), copied);\n  " + *target + " = copied;\n}");
    plan->uses_arena = true;
    plan->assignments.push_back(*count + " = " + field + ".count();");
  }

  // Why the list a call hands out through `&x` could outlive the function's arena ("" if it
  // cannot): x must be a local pointer read through and nothing else.
  std::string WhyListEscapes(const clang::Expr& argument) {
    const auto* address = llvm::dyn_cast<clang::UnaryOperator>(argument.IgnoreParenImpCasts());
    const auto* reference =
        address != nullptr && address->getOpcode() == clang::UO_AddrOf
            ? llvm::dyn_cast<clang::DeclRefExpr>(address->getSubExpr()->IgnoreParenImpCasts())
            : nullptr;
    const auto* variable = reference ? llvm::dyn_cast<clang::VarDecl>(reference->getDecl()) : nullptr;
    // The arena is the enclosing function's: the pointer must be a local of that very function
    // (not of a lambda's caller, not a reference to something longer-lived).
    const clang::FunctionDecl* function = EnclosingFunction(ast_, call_);
    const auto* method = llvm::dyn_cast_or_null<clang::CXXMethodDecl>(function);
    if (variable == nullptr || !variable->hasLocalStorage() ||
        llvm::isa<clang::ParmVarDecl>(variable) || variable->getType()->isReferenceType() ||
        function == nullptr || function->getBody() == nullptr ||
        (method != nullptr && method->getParent()->isLambda()) ||
        variable->getDeclContext() != function) {
      return "is a list the callee allocates, copied into the function's arena: only into the "
             "address of a local pointer of the function, which cannot outlive it";
    }
    using namespace clang::ast_matchers;  // NOLINT: the matcher language
    for (const BoundNodes& bound :
         match(findAll(declRefExpr(to(varDecl(equalsNode(variable)))).bind("use")),
               *function->getBody(), ast_)) {
      const auto* use = bound.getNodeAs<clang::DeclRefExpr>("use");
      if (use == reference || ReadThrough(*use)) continue;
      return "is a list the callee allocates, copied into the function's arena, and '" +
             variable->getNameAsString() + "' is used at " + Where(sm_, use->getBeginLoc()) +
             " other than to read through it (it may outlive the arena)";
    }
    return "";
  }

  // `p[i]`, `*p` read as values, `p == nullptr`, `if (p)`: a use of a pointer that keeps nothing
  // of it (not `&p[i]`, not `*p` bound to a reference).
  bool ReadThrough(const clang::DeclRefExpr& use) {
    const clang::Stmt* node = &use;
    auto parents = ast_.getParents(*node);
    while (parents.size() == 1 && parents[0].get<clang::ImplicitCastExpr>() != nullptr &&
           parents[0].get<clang::ImplicitCastExpr>()->getCastKind() != clang::CK_PointerToBoolean) {
      node = parents[0].get<clang::ImplicitCastExpr>();
      parents = ast_.getParents(*node);
    }
    if (parents.size() != 1) return false;
    // The element an access names must be loaded right away.
    auto loaded = [&](const clang::Expr& access) {
      auto above = ast_.getParents(access);
      const auto* load = above.size() == 1 ? above[0].get<clang::ImplicitCastExpr>() : nullptr;
      return load != nullptr && load->getCastKind() == clang::CK_LValueToRValue;
    };
    if (const auto* subscript = parents[0].get<clang::ArraySubscriptExpr>()) {
      return subscript->getBase()->IgnoreParenImpCasts() == &use && loaded(*subscript);
    }
    if (const auto* unary = parents[0].get<clang::UnaryOperator>()) {
      return (unary->getOpcode() == clang::UO_Deref && loaded(*unary)) ||
             unary->getOpcode() == clang::UO_LNot;
    }
    if (const auto* cast = parents[0].get<clang::ImplicitCastExpr>()) {
      return cast->getCastKind() == clang::CK_PointerToBoolean;
    }
    if (const auto* binary = parents[0].get<clang::BinaryOperator>()) {
      return binary->isEqualityOp();
    }
    return false;
  }

  // @async: the callback or the cookie, as passed. fidlgen_banjo's C names them with their type
  // ("foo_bar_callback callback").
  void CallbackOrCookie(const ParameterMapping& parameter, CallPlan* plan) {
    std::string name = parameter.c.empty() ? parameter.banjo : parameter.c[0];
    name = name.substr(name.find_last_of(' ') + 1);
    clang::QualType type;
    const clang::Expr* argument = ArgumentFor(name, &type);
    if (argument == nullptr) {
      Refuse(plan, parameter.banjo, {},
             "is not a parameter of " + method_.getQualifiedNameAsString() +
                 " as the header declares it");
      return;
    }
    if (argument->HasSideEffects(ast_)) {
      // Captured by the continuation, it would be evaluated after the request's arguments.
      Refuse(plan, parameter.banjo, type, "has side effects, which would run in another order");
      return;
    }
    // The continuation runs after the calling function may have returned: a cookie that is the
    // address of one of its locals would dangle (banjo's callback could run before the return).
    if (const auto* address = llvm::dyn_cast<clang::UnaryOperator>(argument->IgnoreParenImpCasts());
        address != nullptr && address->getOpcode() == clang::UO_AddrOf) {
      const auto* reference =
          llvm::dyn_cast<clang::DeclRefExpr>(address->getSubExpr()->IgnoreParenImpCasts());
      const auto* variable =
          reference ? llvm::dyn_cast<clang::VarDecl>(reference->getDecl()) : nullptr;
      if (variable != nullptr && variable->hasLocalStorage()) {
        Refuse(plan, parameter.banjo, type,
               "points to the local '" + variable->getNameAsString() +
                   "', which the reply may come after");
        return;
      }
    }
    if (parameter.banjo == "callback") {
      plan->callback = Text(*argument);
      callback_type_ = type;
    } else {
      plan->cookie = Text(*argument);
    }
  }

  // @async: what the callback gets after its context, one argument per parameter of its C
  // signature: the status, then each out-parameter of the mapping in order (a list as its
  // pointer and count).
  void AsyncOutputs(CallPlan* plan) {
    const auto* signature =
        callback_type_.isNull() || !callback_type_->isFunctionPointerType()
            ? nullptr
            : callback_type_->getPointeeType()->getAs<clang::FunctionProtoType>();
    if (signature == nullptr || signature->getNumParams() == 0) {
      Refuse(plan, "callback", callback_type_, "is not a C callback with a context parameter");
      return;
    }
    unsigned next = 1;
    bool status = false;
    for (const ParameterMapping& parameter : mapped_.parameters) {
      if (parameter.direction != "out") continue;
      if (parameter.becomes == "error") {
        status = true;
        plan->callback_arguments.push_back({"", true});
        ++next;
        continue;
      }
      unsigned width = parameter.CallbackSlots();
      if (parameter.becomes != "response" || next + width > signature->getNumParams()) {
        Refuse(plan, parameter.banjo, {}, "does not line up with the callback's parameters");
        return;
      }
      clang::QualType type = signature->getParamType(next);
      std::string field = field_prefix_ + parameter.field;
      next += width;
      if (width == 2) {
        clang::QualType element =
            type->isPointerType() ? type->getPointeeType().getUnqualifiedType() : type;
        if (!type->isPointerType() ||
            KindOf(context_.mappings(), sm_, element, nullptr) != ValueKind::kPlain) {
          Refuse(plan, parameter.banjo, type,
                 "is a list whose FIDL wire type is built differently");
          return;
        }
        plan->callback_arguments.push_back({field + ".data()"});
        plan->callback_arguments.push_back({field + ".count()"});
        continue;
      }
      const clang::TypedefNameDecl* banjo_typedef = nullptr;
      switch (KindOf(context_.mappings(), sm_, type, &banjo_typedef)) {
        case ValueKind::kPlain:
          plan->callback_arguments.push_back({field});
          continue;
        case ValueKind::kBanjoInteger:
          plan->callback_arguments.push_back(
              {AsBanjoInteger(ast_.getLangOpts(), *banjo_typedef, field)});
          continue;
        case ValueKind::kRawHandle:
          plan->callback_arguments.push_back({field + ".release()"});
          continue;
        case ValueKind::kZxObject:
          plan->callback_arguments.push_back({"std::move(" + field + ")"});
          continue;
        case ValueKind::kPlainStruct:
        case ValueKind::kPlainArray:
        case ValueKind::kOther:
          Refuse(plan, parameter.banjo, type,
                 "is a struct, whose FIDL wire type must be copied "
                 "out by hand");
          return;
      }
    }
    if (!status) {
      Refuse(plan, "callback", callback_type_,
             "has no status to report a transport error with, and must still run once");
    } else if (next != signature->getNumParams()) {
      Refuse(plan, "callback", callback_type_, "does not line up with the mapping's outputs");
    }
  }

  const RewriteContext& context_;
  const clang::SourceManager& sm_;
  clang::ASTContext& ast_;
  const clang::CXXMemberCallExpr& call_;
  const clang::CXXMethodDecl& method_;
  const MethodMapping& mapped_;
  const LibraryMapping& library_;
  const ProtocolMapping& protocol_;
  std::string field_prefix_;
  std::string arena_;
  const LocalName& local_name_;
  const ArgumentText* text_of_;    // or null: the source text
  // The lists of structs passed, by banjo name: how the call reads them (both read once), and
  // whether what the callee writes in their elements came back.
  struct StructListArgument {
    std::string list, count, index;
    ElementStruct element;
    clang::QualType type;  // the banjo list's
    bool returned = false;
  };
  std::map<std::string, StructListArgument> struct_lists_;
  clang::QualType callback_type_;  // @async: the C callback's type
};

}  // namespace

CallPlan PlanCall(const RewriteContext& context, const clang::SourceManager& sm,
                  clang::ASTContext& ast, const clang::CXXMemberCallExpr& call,
                  const clang::CXXMethodDecl& method, const MethodMapping& mapped,
                  const LibraryMapping& library, const ProtocolMapping& protocol,
                  const std::string& result_name, const std::string& arena,
                  const LocalName& local_name, const ArgumentText* text_of) {
  return CallPlanner(context, sm, ast, call, method, mapped, library, protocol, result_name, arena,
                     local_name, text_of)
      .Plan();
}

}  // namespace fdfkit::driver_migration
