#include "migrate/plan/scan/gn_file.h"

#include "migrate/plan/scan/gn_lexer.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <set>
#include <stdexcept>

namespace fdfkit::plan::scan {

GnValue GnValue::String(std::string text, std::string file, int line) {
  GnValue v;
  v.kind = Kind::kString;
  v.string = std::move(text);
  v.file = std::move(file);
  v.line = line;
  return v;
}

GnValue GnValue::Bool(bool value) {
  GnValue v;
  v.kind = Kind::kBool;
  v.boolean = value;
  return v;
}

GnValue GnValue::List(std::vector<GnValue> items) {
  GnValue v;
  v.kind = Kind::kList;
  v.list = std::move(items);
  return v;
}

std::vector<std::string> GnValue::Strings() const {
  std::vector<std::string> out;
  if (kind == Kind::kString) out.push_back(string);
  for (const GnValue& item : list) {
    if (item.kind == Kind::kString) out.push_back(item.string);
  }
  return out;
}

const GnValue* GnValue::Member(const std::string& name) const {
  for (size_t i = 0; i < member_names.size(); ++i) {
    if (member_names[i] == name) return &member_values[i];
  }
  return nullptr;
}

void GnValue::AddMember(std::string name, GnValue value) {
  member_names.push_back(std::move(name));
  member_values.push_back(std::move(value));
}

const GnValue* GnTarget::Find(const std::string& variable) const {
  auto it = variables.find(variable);
  return it == variables.end() ? nullptr : &it->second;
}

std::vector<std::string> GnTarget::Strings(const std::string& variable) const {
  const GnValue* v = Find(variable);
  return v ? v->Strings() : std::vector<std::string>{};
}

std::optional<std::string> GnTarget::String(const std::string& variable) const {
  const GnValue* v = Find(variable);
  if (v == nullptr || v->kind != GnValue::Kind::kString) return std::nullopt;
  return v->string;
}

bool GnTarget::Bool(const std::string& variable) const {
  const GnValue* v = Find(variable);
  return v != nullptr && v->kind == GnValue::Kind::kBool && v->boolean;
}

const GnTarget* GnFile::FindTarget(const std::string& name) const {
  for (const GnTarget& t : targets) {
    if (t.name == name) return &t;
  }
  return nullptr;
}

std::optional<GnLabel> ParseGnLabel(const std::string& label, const std::string& dir) {
  std::string text = label.substr(0, label.find('('));  // drop "(toolchain)"
  GnLabel out;
  std::string path;
  size_t colon = text.find(':');
  if (text.rfind("//", 0) == 0) {
    path = text.substr(2, colon == std::string::npos ? std::string::npos : colon - 2);
  } else if (!text.empty() && text[0] == ':') {
    path = dir;
  } else {
    path = dir.empty() ? text.substr(0, colon) : dir + "/" + text.substr(0, colon);
  }
  // "../gpio/x" from src/devices/i2c is src/devices/gpio/x: one directory, one spelling.
  std::vector<std::string> parts;
  for (size_t start = 0; start <= path.size();) {
    size_t slash = std::min(path.find('/', start), path.size());
    std::string part = path.substr(start, slash - start);
    if (part == "..") {
      if (parts.empty()) return std::nullopt;  // above the tree's root
      parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    start = slash + 1;
  }
  path.clear();
  for (const std::string& part : parts) path += (path.empty() ? "" : "/") + part;
  if (colon != std::string::npos) {
    out.name = text.substr(colon + 1);
  } else {
    size_t slash = path.rfind('/');
    out.name = slash == std::string::npos ? path : path.substr(slash + 1);
  }
  out.dir = path;
  if (out.name.empty()) return std::nullopt;
  return out;
}

namespace {

using gn::Fail;
using gn::Found;
using gn::Lex;
using gn::SyntaxError;
using gn::Tok;
using gn::Token;

using Scope = std::map<std::string, GnValue>;

// A template's body as written, run again at each invocation.
struct Template {
  std::string path;  // the file defining it
  std::vector<Token> body;  // '{' ... '}', then the end
};

// What every file of one read shares: the files being imported and the templates defined so far.
struct ReadState {
  std::set<std::string> importing;
  std::map<std::string, Template> templates;
  int expansion_depth = 0;
  std::set<std::string> arguments;  // names set before any file ran: declare_args keeps them
  std::set<std::string> declared;   // names declare_args gave a default
};

// Templates invoking templates deeper than this are a loop (GN itself would fail).
constexpr int kMaxExpansionDepth = 32;

// Evaluates one file's statements as it parses them. `execute == false` parses a branch that was
// not taken, so its syntax is still checked.
class Interpreter {
 public:
  Interpreter(GnFile* file, const GnSourceReader& read, ReadState* state)
      : file_(file), read_(read), state_(state) {}

  void Run(const std::string& path, const std::string& source, Scope* scope) {
    SetPath(path);
    tokens_ = Lex(source);
    pos_ = 0;
    while (Peek().kind != Tok::kEnd) Statement(scope, true, nullptr);
  }

  // Runs a template's body for one invocation; the targets it declares are the invocation's.
  void Expand(const Template& t, Scope* scope, bool execute) {
    SetPath(t.path);
    tokens_ = t.body;
    pos_ = 0;
    Block(scope, execute, nullptr);
  }

 private:
  void SetPath(const std::string& path) {
    path_ = path;
    size_t slash = path.rfind('/');
    dir_ = slash == std::string::npos ? "" : path.substr(0, slash);
  }

  const Token& Peek(size_t ahead = 0) const {
    return tokens_[std::min(pos_ + ahead, tokens_.size() - 1)];
  }
  Token Next() { return tokens_[pos_ < tokens_.size() - 1 ? pos_++ : pos_]; }
  bool Accept(const char* punct) {
    if (Peek().kind == Tok::kPunct && Peek().text == punct) {
      ++pos_;
      return true;
    }
    return false;
  }
  Token ExpectIdentifier() {
    Token t = Next();
    if (t.kind != Tok::kIdent) Fail(t.line, t.column, diag::kExpectedValue, Found(t.kind == Tok::kEnd, t.text));
    return t;
  }

  void Expect(const char* punct) {
    if (!Accept(punct)) {
      const Token& t = Peek();
      Fail(t.line, t.column, diag::kExpectedToken, punct, Found(t.kind == Tok::kEnd, t.text));
    }
  }

  // `target` is the target whose block is being evaluated (for `target_name`), if any.
  void Statement(Scope* scope, bool execute, const GnTarget* target) {
    Token head = Next();
    if (head.kind != Tok::kIdent) {
      Fail(head.line, head.column, diag::kExpectedStatement, head.text);
    }
    if (head.text == "if") {
      Conditional(scope, execute, target, head);
      return;
    }
    if (Accept("(")) {
      Call(head, scope, execute, target);
      return;
    }
    // Assignment to a plain variable (scope.member assignments are read and ignored).
    std::string name = head.text;
    if (Accept(".")) {
      Token member = Next();
      name += "." + member.text;
    }
    Token op = Next();
    if (op.kind != Tok::kPunct || (op.text != "=" && op.text != "+=" && op.text != "-=")) {
      Fail(op.line, op.column, diag::kExpectedAssignment, name);
    }
    GnValue value = Expression(scope, target);
    if (!execute) return;
    if (in_declare_args_ && state_->arguments.count(name)) return;  // set by the build's arguments
    if (in_declare_args_) state_->declared.insert(name);
    Assigned(name);
    bool was_set = scope->count(name) > 0;
    GnValue& slot = (*scope)[name];
    if (op.text == "=") {
      slot = std::move(value);
    } else if (op.text == "+=") {
      // An unset list grows from empty (a board file appending to a list another file defines); a
      // computed one (a function's result) stays marked so.
      if (!was_set && value.kind == GnValue::Kind::kList) slot.kind = GnValue::Kind::kList;
      slot = Plus(std::move(slot), std::move(value));
    } else {
      slot = Minus(std::move(slot), value);
    }
  }

  void Conditional(Scope* scope, bool execute, const GnTarget* target, const Token& head) {
    Expect("(");
    GnValue condition = Expression(scope, target);
    Expect(")");
    bool known = condition.kind == GnValue::Kind::kBool;
    if (execute && !known) {
      file_->notes.push_back(AtFile(path_, head.line, head.column, diag::kUndecidableCondition));
    }
    bool then_runs = execute && (!known || condition.boolean);
    bool else_runs = execute && (!known || !condition.boolean);
    Block(scope, then_runs, target);
    if (Peek().kind == Tok::kIdent && Peek().text == "else") {
      Next();
      if (Peek().kind == Tok::kIdent && Peek().text == "if") {
        Token nested = Next();
        Conditional(scope, else_runs, target, nested);
      } else {
        Block(scope, else_runs, target);
      }
    }
  }

  void Block(Scope* scope, bool execute, const GnTarget* target) {
    bool was_executing = executing_;
    executing_ = execute;
    Expect("{");
    while (!Accept("}")) {
      if (Peek().kind == Tok::kEnd) {
        Fail(Peek().line, Peek().column, diag::kMissingClosingBrace);
      }
      Statement(scope, execute, target);
    }
    executing_ = was_executing;
  }

  void Assigned(const std::string& name) {
    if (assigned_ != nullptr && std::find(assigned_->begin(), assigned_->end(), name) == assigned_->end()) {
      assigned_->push_back(name);
    }
  }

  // Runs a block in a scope of its own seeing `*scope`; returns the names it set, in the order
  // first set, their values in `*inner`.
  std::vector<std::string> OwnBlock(Scope* inner, bool execute, const GnTarget* target) {
    std::vector<std::string> assigned;
    std::vector<std::string>* outer = assigned_;
    assigned_ = &assigned;
    Block(inner, execute, target);
    assigned_ = outer;
    return assigned;
  }

  std::vector<GnValue> Arguments(Scope* scope, const GnTarget* target) {
    std::vector<GnValue> args;
    if (!Accept(")")) {
      do {
        args.push_back(Expression(scope, target));
      } while (Accept(","));
      Expect(")");
    }
    return args;
  }

  void Call(const Token& function, Scope* scope, bool execute, const GnTarget* target) {
    const std::string& name = function.text;
    if (name == "foreach") return Foreach(scope, execute, target);
    if (name == "forward_variables_from") return Forward(scope, execute, target);
    std::vector<GnValue> args = Arguments(scope, target);
    bool has_block = Peek().kind == Tok::kPunct && Peek().text == "{";
    if (name == "import" && execute) {
      if (!args.empty() && args[0].kind == GnValue::Kind::kString) Import(args[0].string, scope, function);
      return;
    }
    if (!has_block) return;  // assert(), print(), ...
    if (name == "template") {
      size_t start = pos_;
      Block(scope, false, target);  // checked now, run at each invocation
      if (execute && !args.empty() && args[0].kind == GnValue::Kind::kString) {
        Template& t = state_->templates[args[0].string];
        t.path = path_;
        t.body.assign(tokens_.begin() + static_cast<long>(start), tokens_.begin() + static_cast<long>(pos_));
        t.body.push_back({Tok::kEnd, "", Peek().line, Peek().column});
      }
      return;
    }
    if (name == "declare_args") {
      bool outer = in_declare_args_;
      in_declare_args_ = execute;
      Block(scope, execute, target);  // defaults land in the enclosing scope
      in_declare_args_ = outer;
      return;
    }
    // Any other call with a block declares a target (or invokes a template); its block sees the
    // enclosing scope.
    GnTarget declared;
    declared.type = name;
    declared.line = function.line;
    if (!args.empty() && args[0].kind == GnValue::Kind::kString) declared.name = args[0].string;
    Scope inner = *scope;
    inner["target_name"] = GnValue::String(declared.name, path_, function.line);
    std::vector<std::string> assigned = OwnBlock(&inner, execute, &declared);
    if (!execute) return;
    if (auto t = state_->templates.find(name); t != state_->templates.end()) {
      Invoke(t->second, declared, inner, assigned, *scope, function);
      return;
    }
    for (const std::string& key : assigned) declared.variables[key] = inner[key];
    file_->targets.push_back(std::move(declared));
  }

  // A template invocation: its body runs with `target_name` and `invoker.*` set; every target it
  // declares is the invocation's, at the invocation's line.
  void Invoke(const Template& t, const GnTarget& invocation, Scope& invoker,
              const std::vector<std::string>& assigned, const Scope& scope, const Token& at) {
    if (state_->expansion_depth >= kMaxExpansionDepth) {
      Fail(at.line, at.column, diag::kTemplateExpansionTooDeep, at.text, kMaxExpansionDepth);
    }
    Scope body = scope;
    body["target_name"] = GnValue::String(invocation.name, path_, at.line);
    GnValue whole;
    whole.kind = GnValue::Kind::kScope;
    for (const std::string& key : assigned) whole.AddMember(key, invoker[key]);
    body["invoker"] = std::move(whole);  // `invoker.x` is looked up through it
    size_t first = file_->targets.size();
    ++state_->expansion_depth;
    Interpreter nested(file_, read_, state_);
    nested.Expand(t, &body, true);
    --state_->expansion_depth;
    for (size_t i = first; i < file_->targets.size(); ++i) file_->targets[i].line = at.line;
  }

  // foreach(item, list) { ... }: the body runs once per item; an uncomputable list skips it.
  void Foreach(Scope* scope, bool execute, const GnTarget* target) {
    Token variable = ExpectIdentifier();
    Expect(",");
    GnValue list = Expression(scope, target);
    Expect(")");
    bool known = list.kind == GnValue::Kind::kList;
    if (execute && !known) {
      file_->notes.push_back(AtFile(path_, variable.line, variable.column, diag::kUncomputableForeach, variable.text));
    }
    if (!execute || !known || list.list.empty()) {
      Block(scope, false, target);
      return;
    }
    auto previous = scope->find(variable.text);
    std::optional<GnValue> saved;
    if (previous != scope->end()) saved = previous->second;
    size_t body = pos_;
    for (const GnValue& item : list.list) {
      pos_ = body;
      (*scope)[variable.text] = item;
      Block(scope, true, target);
    }
    if (saved) (*scope)[variable.text] = *saved;
    else scope->erase(variable.text);
  }

  // forward_variables_from(from, "*" | [names], [excluded]): copies a scope's variables (the
  // invoker's, in a template) into this one.
  void Forward(Scope* scope, bool execute, const GnTarget* target) {
    Token from = ExpectIdentifier();
    Expect(",");
    GnValue which = Expression(scope, target);
    GnValue excluded;
    if (Accept(",")) excluded = Expression(scope, target);
    Expect(")");
    if (!execute) return;
    auto source = scope->find(from.text);
    if (source == scope->end() || source->second.kind != GnValue::Kind::kScope) return;
    bool all = which.kind == GnValue::Kind::kString && which.string == "*";
    std::vector<std::string> wanted = which.Strings(), skipped = excluded.Strings();
    GnValue copy = source->second;
    for (size_t i = 0; i < copy.member_names.size(); ++i) {
      const std::string& name = copy.member_names[i];
      if (!all && std::find(wanted.begin(), wanted.end(), name) == wanted.end()) continue;
      if (std::find(skipped.begin(), skipped.end(), name) != skipped.end()) continue;
      (*scope)[name] = std::move(copy.member_values[i]);
      Assigned(name);
    }
  }

  void Import(const std::string& label, Scope* scope, const Token& at) {
    std::string path = label.rfind("//", 0) == 0 ? label.substr(2)
                                                  : (dir_.empty() ? label : dir_ + "/" + label);
    if (state_->importing.count(path)) return;  // GN imports each file once per scope
    std::optional<std::string> source = read_(path);
    if (!source) {
      file_->notes.push_back(AtFile(path_, at.line, at.column, diag::kUnreadableImport, "//" + path));
      return;
    }
    state_->importing.insert(path);
    file_->imports.push_back(path);
    Interpreter nested(file_, read_, state_);
    try {
      nested.Run(path, *source, scope);
    } catch (const SyntaxError& e) {
      file_->errors.push_back({e.diagnostic, path, e.line, e.column});
    }
  }

  // expression := or ; or := and ('||' and)* ; and := cmp ('&&' cmp)* ;
  // cmp := sum (('=='|'!='|'<'|'>'|'<='|'>=') sum)? ; sum := unary (('+'|'-') unary)*
  GnValue Expression(Scope* scope, const GnTarget* target) {
    GnValue left = And(scope, target);
    while (Accept("||")) {
      GnValue right = And(scope, target);
      left = Logic(left, right, false);
    }
    return left;
  }
  GnValue And(Scope* scope, const GnTarget* target) {
    GnValue left = Compare(scope, target);
    while (Accept("&&")) {
      GnValue right = Compare(scope, target);
      left = Logic(left, right, true);
    }
    return left;
  }
  static GnValue Logic(const GnValue& a, const GnValue& b, bool is_and) {
    bool ka = a.kind == GnValue::Kind::kBool, kb = b.kind == GnValue::Kind::kBool;
    if (is_and && ((ka && !a.boolean) || (kb && !b.boolean))) return GnValue::Bool(false);
    if (!is_and && ((ka && a.boolean) || (kb && b.boolean))) return GnValue::Bool(true);
    if (ka && kb) return GnValue::Bool(is_and ? a.boolean && b.boolean : a.boolean || b.boolean);
    return {};
  }
  GnValue Compare(Scope* scope, const GnTarget* target) {
    GnValue left = Sum(scope, target);
    for (const char* op : {"==", "!=", "<=", ">=", "<", ">"}) {
      if (!Accept(op)) continue;
      GnValue right = Sum(scope, target);
      std::string o = op;
      if (left.kind == GnValue::Kind::kUnknown || right.kind == GnValue::Kind::kUnknown) return {};
      if (o == "==" || o == "!=") {
        bool equal = left.kind == right.kind && left.string == right.string &&
                     left.boolean == right.boolean && left.integer == right.integer &&
                     left.Strings() == right.Strings();
        return GnValue::Bool(o == "==" ? equal : !equal);
      }
      long a = left.integer, b = right.integer;
      return GnValue::Bool(o == "<" ? a < b : o == ">" ? a > b : o == "<=" ? a <= b : a >= b);
    }
    return left;
  }
  GnValue Sum(Scope* scope, const GnTarget* target) {
    GnValue left = Unary(scope, target);
    while (true) {
      if (Accept("+")) {
        left = Plus(std::move(left), Unary(scope, target));
      } else if (Accept("-")) {
        left = Minus(std::move(left), Unary(scope, target));
      } else {
        return left;
      }
    }
  }
  // GN's `+`: lists concatenate (a scalar is appended), strings and integers add.
  static GnValue Plus(GnValue left, GnValue right) {
    // A value computed by a function, then a list (`get_target_outputs(":g") + [ "a.cc" ]`): the
    // list's known items are kept, after an unknown one standing for the computed part.
    if (left.kind == GnValue::Kind::kUnknown && right.kind == GnValue::Kind::kList) {
      right.list.insert(right.list.begin(), GnValue{});
      return right;
    }
    if (left.kind == GnValue::Kind::kList) {
      if (right.kind == GnValue::Kind::kList) {
        for (GnValue& v : right.list) left.list.push_back(std::move(v));
      } else {
        left.list.push_back(std::move(right));
      }
      return left;
    }
    if (left.kind == GnValue::Kind::kString && right.kind == GnValue::Kind::kString) {
      left.written = Written(left) + " + " + Written(right);  // no text of the file equals the sum
      left.string += right.string;
      return left;
    }
    if (left.kind == GnValue::Kind::kInt && right.kind == GnValue::Kind::kInt) {
      left.integer += right.integer;
      return left;
    }
    return {};
  }
  static std::string Written(const GnValue& v) { return v.written.empty() ? "\"" + v.string + "\"" : v.written; }

  // GN's `-`: every occurrence of the right side's strings leaves the list; integers subtract.
  static GnValue Minus(GnValue left, const GnValue& right) {
    if (left.kind == GnValue::Kind::kList) {
      std::set<std::string> removed;
      for (const std::string& s : right.Strings()) removed.insert(s);
      std::vector<GnValue> kept;
      for (GnValue& v : left.list) {
        if (!(v.kind == GnValue::Kind::kString && removed.count(v.string))) kept.push_back(std::move(v));
      }
      left.list = std::move(kept);
      return left;
    }
    if (left.kind == GnValue::Kind::kInt && right.kind == GnValue::Kind::kInt) {
      left.integer -= right.integer;
      return left;
    }
    return {};
  }
  GnValue Unary(Scope* scope, const GnTarget* target) {
    if (Accept("!")) {
      GnValue v = Unary(scope, target);
      return v.kind == GnValue::Kind::kBool ? GnValue::Bool(!v.boolean) : GnValue{};
    }
    if (Accept("-")) {
      GnValue v = Unary(scope, target);
      v.integer = -v.integer;
      return v;
    }
    return Primary(scope, target);
  }
  GnValue Primary(Scope* scope, const GnTarget* target) {
    Token t = Next();
    if (t.kind == Tok::kString) {
      GnValue value = GnValue::String(Interpolate(t.text, *scope), path_, t.line);
      if (value.string != t.text) value.written = "\"" + t.text + "\"";
      return value;
    }
    if (t.kind == Tok::kInt) {
      GnValue v;
      v.kind = GnValue::Kind::kInt;
      auto [end, error] = std::from_chars(t.text.data(), t.text.data() + t.text.size(), v.integer);
      if (error != std::errc()) return {};  // beyond a long: not a value this reader needs
      return v;
    }
    if (t.kind == Tok::kPunct && t.text == "(") {
      GnValue v = Expression(scope, target);
      Expect(")");
      return v;
    }
    if (t.kind == Tok::kPunct && t.text == "[") {
      std::vector<GnValue> items;
      while (!Accept("]")) {
        items.push_back(Expression(scope, target));
        if (!Accept(",")) {
          Expect("]");
          break;
        }
      }
      return GnValue::List(std::move(items));
    }
    if (t.kind == Tok::kPunct && t.text == "{") {  // a scope literal: its variables, in order
      Scope inner = *scope;
      --pos_;
      std::vector<std::string> assigned = OwnBlock(&inner, executing_, target);
      GnValue value;
      value.kind = GnValue::Kind::kScope;
      for (const std::string& name : assigned) value.AddMember(name, inner[name]);
      return value;
    }
    if (t.kind != Tok::kIdent) {
      Fail(t.line, t.column, diag::kExpectedValue, Found(t.kind == Tok::kEnd, t.text));
    }
    if (t.text == "true" || t.text == "false") return GnValue::Bool(t.text == "true");
    if (t.text == "defined" && Accept("(")) {  // defined(x), defined(invoker.x)
      Token name = Next();
      std::string dotted = DottedName(name);
      Expect(")");
      return GnValue::Bool(Lookup(*scope, dotted) != nullptr);
    }
    if (Accept("(")) {  // a function used as a value: get_path_info(), rebase_path(), ...
      int depth = 1;
      while (depth > 0) {
        Token inner = Next();
        if (inner.kind == Tok::kEnd) Fail(t.line, t.column, diag::kUnterminatedCall);
        if (inner.kind == Tok::kPunct && inner.text == "(") ++depth;
        if (inner.kind == Tok::kPunct && inner.text == ")") --depth;
      }
      return {};
    }
    std::string dotted = DottedName(t);
    GnValue value;
    if (const GnValue* found = Lookup(*scope, dotted)) {
      value = *found;
      if (state_->declared.count(dotted)) ArgumentRead(dotted);  // a default a board may change
    } else {
      ArgumentRead(dotted);
    }
    if (Accept("[")) {
      GnValue index = Expression(scope, target);
      Expect("]");
      if (value.kind == GnValue::Kind::kList && index.kind == GnValue::Kind::kInt &&
          index.integer >= 0 && static_cast<size_t>(index.integer) < value.list.size()) {
        return value.list[static_cast<size_t>(index.integer)];
      }
      return {};
    }
    return value;
  }

  // `a.b.c` after its first identifier was read.
  std::string DottedName(const Token& first) {
    if (first.kind != Tok::kIdent) {
      Fail(first.line, first.column, diag::kExpectedValue, Found(first.kind == Tok::kEnd, first.text));
    }
    std::string name = first.text;
    while (Accept(".")) name += "." + Next().text;
    return name;
  }

  // A variable, or a member of a scope variable (`invoker.sources`, `bundle.drivers`).
  static const GnValue* Lookup(const Scope& scope, const std::string& dotted) {
    if (auto it = scope.find(dotted); it != scope.end()) return &it->second;
    size_t dot = dotted.find('.');
    if (dot == std::string::npos) return nullptr;
    auto base = scope.find(dotted.substr(0, dot));
    const GnValue* value = base == scope.end() ? nullptr : &base->second;
    while (value != nullptr && dot != std::string::npos) {
      size_t next = dotted.find('.', dot + 1);
      value = value->kind == GnValue::Kind::kScope ? value->Member(dotted.substr(dot + 1, next - dot - 1)) : nullptr;
      dot = next;
    }
    return value;
  }

  // "$name" and "${name}" take the variable's string value; an unknown one stays as written.
  static std::string Interpolate(const std::string& text, const Scope& scope) {
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\\' && i + 1 < text.size() && text[i + 1] == '$') {
        out += '$';
        ++i;
        continue;
      }
      if (text[i] != '$') {
        out += text[i];
        continue;
      }
      size_t start = i + 1, end;
      bool braced = start < text.size() && text[start] == '{';
      if (braced) {
        end = text.find('}', start);
        if (end == std::string::npos) {
          out += text.substr(i);
          break;
        }
        ++start;
      } else {
        end = start;
        while (end < text.size() && (std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '_')) ++end;
      }
      std::string name = text.substr(start, end - start);
      auto it = scope.find(name);
      if (it != scope.end() && it->second.kind == GnValue::Kind::kString) {
        out += it->second.string;
      } else {
        out += text.substr(i, end + (braced ? 1 : 0) - i);
      }
      i = end + (braced ? 1 : 0) - 1;
    }
    return out;
  }

  GnFile* file_;
  const GnSourceReader& read_;
  ReadState* state_;
  std::vector<std::string>* assigned_ = nullptr;  // names the block being run sets, in order
  // A variable read that a build's arguments may set: unset, or a declare_args default.
  void ArgumentRead(const std::string& name) {
    auto& names = file_->argument_reads;
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  }
  bool executing_ = true;
  bool in_declare_args_ = false;
  std::string path_, dir_;
  std::vector<Token> tokens_;
  size_t pos_ = 0;
};

}  // namespace

GnFile ReadGnFile(const std::string& path, const GnSourceReader& read,
                  const std::map<std::string, GnValue>& arguments) {
  GnFile file;
  file.path = path;
  file.scope = arguments;
  std::optional<std::string> source = read(path);
  if (!source) {
    file.errors.push_back(AtFile(path, 0, 0, diag::kCannotReadFile, path));
    return file;
  }
  ReadState state;
  state.importing.insert(path);
  for (const auto& [name, value] : arguments) state.arguments.insert(name);
  Interpreter interpreter(&file, read, &state);
  try {
    interpreter.Run(path, *source, &file.scope);
  } catch (const SyntaxError& e) {
    file.errors.push_back({e.diagnostic, path, e.line, e.column});
  }
  return file;
}

}  // namespace fdfkit::plan::scan
