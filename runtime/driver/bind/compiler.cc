#include "runtime/driver/bind/compiler.h"

#include <map>

#include "runtime/driver/bind/parser.h"

namespace fdfkit::bind {
namespace {

std::string Article(ValueType type) {
  return std::string(type == ValueType::kEnum ? "an " : "a ") + ValueTypeName(type);
}

std::string ValueText(const ast::Value& value) {
  return value.kind == ast::Value::Kind::kString ? "\"" + value.text + "\"" : value.text;
}

Instruction Verdict(Op op) {
  Instruction instruction;
  instruction.op = op;
  return instruction;
}

}  // namespace

std::optional<CompiledRules> Compiler::Compile(const SourceFile& rules) {
  size_t errors_before = diagnostics_->error_count();
  if (!libraries_resolved_) {
    libraries_.Resolve();
    libraries_resolved_ = true;
  }
  std::optional<ast::RulesFile> syntax = ParseRules(rules, diagnostics_);
  if (!syntax) return std::nullopt;

  CompiledRules compiled;
  Program& program = compiled.program;
  compiled.scope = libraries_.ImportsOf(syntax->usings, rules);

  if (!syntax->composite) {
    if (syntax->top.statements.empty()) {
      diagnostics_->Report(diag::kNoConditions, rules, syntax->top.offset);
    }
    ProgramNode node{program.Intern(""), NodeKind::kPrimary, {}};
    EmitBlock(syntax->top, compiled.scope, &program, &node.code);
    program.nodes.push_back(std::move(node));
  } else {
    const std::string& name = syntax->composite->text;
    program.composite = program.Intern(name);
    const ast::Node* primary = nullptr;
    std::map<std::string, const ast::Node*> by_name;
    for (const ast::Node& node : syntax->nodes) {
      auto [it, fresh] = by_name.try_emplace(node.name.text, &node);
      if (!fresh) {
        diagnostics_->Report(diag::kDuplicateNodeName, rules, node.name.offset, node.name.text,
                             rules.Where(it->second->name.offset));
      }
      if (node.kind != ast::Node::Kind::kPrimary) continue;
      if (primary) {
        diagnostics_->Report(diag::kSecondPrimaryNode, rules, node.offset, name,
                             rules.Where(primary->offset));
      } else {
        primary = &node;
      }
    }
    if (!primary) diagnostics_->Report(diag::kNoPrimaryNode, rules, syntax->composite->offset, name);
    // The primary first: the index and the manager read it as "the" parent.
    auto emit = [&](const ast::Node& node) {
      static constexpr NodeKind kKinds[] = {NodeKind::kPrimary, NodeKind::kAdditional,
                                            NodeKind::kOptional};
      ProgramNode out{program.Intern(node.name.text), kKinds[static_cast<int>(node.kind)], {}};
      EmitBlock(node.block, compiled.scope, &program, &out.code);
      program.nodes.push_back(std::move(out));
    };
    if (primary) emit(*primary);
    for (const ast::Node& node : syntax->nodes) {
      if (&node != primary) emit(node);
    }
  }
  if (diagnostics_->error_count() != errors_before) return std::nullopt;
  return compiled;
}

bool Compiler::EmitBlock(const ast::Block& block, const Scope& scope, Program* program,
                         std::vector<Instruction>* code) {
  bool ok = true;
  // key symbol → the first `key == value` of this block, to warn about contradictions.
  std::map<uint32_t, std::pair<const ast::Condition*, ProgramValue>> required;
  const ast::Statement* trailing_if = nullptr;
  bool verdict_false = false;
  for (const ast::Statement& statement : block.statements) {
    using Kind = ast::Statement::Kind;
    switch (statement.kind) {
      case Kind::kTrue:
        break;
      case Kind::kFalse:
        verdict_false = true;
        break;
      case Kind::kIf:
        trailing_if = &statement;  // last by grammar (the parser reports otherwise)
        break;
      case Kind::kCondition: {
        const ast::Condition& condition = statement.condition;
        Instruction instruction;
        if (!EmitCondition(condition.key, condition.equal, {condition.value}, scope, program,
                           &instruction)) {
          ok = false;
          break;
        }
        if (condition.equal) {
          auto [it, fresh] = required.try_emplace(instruction.key, &condition,
                                                  instruction.values[0]);
          if (!fresh && it->second.second != instruction.values[0]) {
            diagnostics_->Report(diag::kConditionsCannotHold, *scope.file, statement.offset,
                                 condition.key.text, ValueText(it->second.first->value),
                                 ValueText(condition.value),
                                 scope.file->Where(it->second.first->key.offset));
          }
        }
        code->push_back(std::move(instruction));
        break;
      }
      case Kind::kAccept: {
        Instruction instruction;
        if (!EmitCondition(statement.accept_key, true, statement.accepted, scope, program,
                           &instruction)) {
          ok = false;
          break;
        }
        code->push_back(std::move(instruction));
        break;
      }
    }
  }
  if (verdict_false) {
    code->push_back(Verdict(Op::kAbort));
    return ok;
  }
  if (!trailing_if) {
    code->push_back(Verdict(Op::kMatch));
    return ok;
  }
  // if c0 {b0} else if c1 {b1} else {e}: test each condition in turn; a failed test jumps past
  // its branch, whose code ends in a verdict.
  for (const auto& [condition, branch] : trailing_if->branches) {
    Instruction test;
    if (!EmitCondition(condition.key, condition.equal, {condition.value}, scope, program, &test)) {
      ok = false;
    }
    test.op = Op::kJumpUnless;
    size_t at = code->size();
    code->push_back(std::move(test));
    ok = EmitBlock(*branch, scope, program, code) && ok;
    (*code)[at].target = static_cast<uint32_t>(code->size());
  }
  if (trailing_if->else_block) {
    ok = EmitBlock(*trailing_if->else_block, scope, program, code) && ok;
  } else {
    code->push_back(Verdict(Op::kAbort));  // reported by the parser; keeps the code well formed
  }
  return ok;
}

bool Compiler::EmitCondition(const ast::Name& key_name, bool equal,
                             const std::vector<ast::Value>& values, const Scope& scope,
                             Program* program, Instruction* out) {
  const Key* key = libraries_.LookupKey(scope, key_name.text, key_name.offset);
  if (!key) return false;
  out->op = Op::kAbortUnless;
  out->equal = equal;
  out->key = program->Intern(key->name);
  bool ok = true;
  for (const ast::Value& value : values) {
    std::optional<ProgramValue> compiled = CompileValue(value, *key, scope, program);
    if (compiled) out->values.push_back(*compiled);
    ok = ok && compiled.has_value();
  }
  return ok;
}

std::optional<ProgramValue> Compiler::CompileValue(const ast::Value& value, const Key& key,
                                                   const Scope& scope, Program* program) {
  Constant constant;
  std::string description;
  switch (value.kind) {
    case ast::Value::Kind::kIdentifier: {
      std::optional<Constant> found = libraries_.LookupValue(scope, value.text, value.offset);
      if (!found) return std::nullopt;
      constant = *found;
      description = Article(constant.type) + " value";
      break;
    }
    case ast::Value::Kind::kNumber:
      constant = {ValueType::kUint, value.number, ""};
      description = "a uint";
      break;
    case ast::Value::Kind::kString:
      constant = {ValueType::kString, 0, value.text};
      description = "a string";
      break;
    case ast::Value::Kind::kBool:
      constant = {ValueType::kBool, value.boolean ? 1u : 0u, ""};
      description = "a bool";
      break;
  }
  if (constant.type != key.type) {
    diagnostics_->Report(diag::kTypeMismatch, *scope.file, value.offset, key.name,
                         ValueTypeName(key.type), ValueText(value), description);
    return std::nullopt;
  }
  bool named = constant.type == ValueType::kString || constant.type == ValueType::kEnum;
  return ProgramValue{constant.type, named ? program->Intern(constant.text) : constant.number};
}

}  // namespace fdfkit::bind
