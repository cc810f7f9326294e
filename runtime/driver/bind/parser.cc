#include "runtime/driver/bind/parser.h"

#include <string>
#include <vector>

#include "runtime/driver/bind/lexer.h"

namespace fdfkit::bind {
namespace {

using ast::Block;
using ast::Statement;

class Parser {
 public:
  Parser(const SourceFile& file, Diagnostics* diagnostics)
      : file_(file), diagnostics_(diagnostics), tokens_(Lex(file, diagnostics)) {
    failed_ = !tokens_.empty() && tokens_.back().kind == TokenKind::kError;
  }

  std::optional<ast::RulesFile> Rules();
  std::optional<ast::LibraryFile> Library();

 private:
  const Token& Peek(size_t ahead = 0) const {
    size_t at = std::min(position_ + ahead, tokens_.size() - 1);
    return tokens_[at];
  }
  bool IsKeyword(std::string_view word, size_t ahead = 0) const {
    return Peek(ahead).kind == TokenKind::kIdentifier && Peek(ahead).text == word;
  }
  // Consumes a token of `kind`, or reports "expected <what>" and fails the parse.
  bool Expect(TokenKind kind, std::string_view what, Token* out = nullptr) {
    if (failed_) return false;
    if (Peek().kind != kind) return Fail(what);
    if (out) *out = Peek();
    ++position_;
    return true;
  }
  bool ExpectKeyword(std::string_view word) {
    if (failed_) return false;
    if (!IsKeyword(word)) return Fail("'" + std::string(word) + "'");
    ++position_;
    return true;
  }
  bool Fail(std::string_view expected) {
    if (!failed_) {
      diagnostics_->Report(diag::kUnexpectedToken, file_, Peek().offset, expected,
                           Describe(Peek()));
    }
    failed_ = true;
    return false;
  }

  bool ParseName(std::string_view what, ast::Name* name) {
    Token token;
    if (!Expect(TokenKind::kIdentifier, what, &token)) return false;
    *name = {std::string(token.text), token.offset};
    return true;
  }
  bool ParseUsing(ast::Using* out);
  bool ParseValue(ast::Value* out);
  bool ParseCondition(ast::Condition* out);
  bool ParseBlock(Block* block, int depth);
  bool ParseStatement(Statement* out, int depth);
  void CheckShape(const Block& block);

  const SourceFile& file_;
  Diagnostics* diagnostics_;
  std::vector<Token> tokens_;
  size_t position_ = 0;
  bool failed_ = false;
};

std::string Unquote(std::string_view literal) {
  std::string out;
  for (size_t i = 1; i + 1 < literal.size(); ++i) {
    if (literal[i] == '\\' && i + 2 < literal.size()) ++i;
    out += literal[i];
  }
  return out;
}

bool Parser::ParseUsing(ast::Using* out) {
  out->offset = Peek().offset;
  if (!ExpectKeyword("using") || !ParseName("a library name", &out->library)) return false;
  if (IsKeyword("as")) {
    ++position_;
    ast::Name alias;
    if (!ParseName("an alias", &alias)) return false;
    out->alias = alias;
  }
  return Expect(TokenKind::kSemicolon, "';'");
}

bool Parser::ParseValue(ast::Value* out) {
  const Token& token = Peek();
  out->offset = token.offset;
  switch (token.kind) {
    case TokenKind::kNumber:
      out->kind = ast::Value::Kind::kNumber;
      out->number = token.number;
      out->text = std::string(token.text);
      break;
    case TokenKind::kString:
      out->kind = ast::Value::Kind::kString;
      out->text = Unquote(token.text);
      break;
    case TokenKind::kIdentifier:
      if (token.text == "true" || token.text == "false") {
        out->kind = ast::Value::Kind::kBool;
        out->boolean = token.text == "true";
      } else {
        out->kind = ast::Value::Kind::kIdentifier;
      }
      out->text = std::string(token.text);
      break;
    default:
      return Fail("a value");
  }
  ++position_;
  return true;
}

bool Parser::ParseCondition(ast::Condition* out) {
  if (!ParseName("a key", &out->key)) return false;
  if (Peek().kind == TokenKind::kEqual || Peek().kind == TokenKind::kNotEqual) {
    out->equal = Peek().kind == TokenKind::kEqual;
    ++position_;
  } else {
    return Fail("'==' or '!='");
  }
  return ParseValue(&out->value);
}

bool Parser::ParseBlock(Block* block, int depth) {
  block->offset = Peek().offset;
  if (!Expect(TokenKind::kLeftBrace, "'{'")) return false;
  while (!failed_ && Peek().kind != TokenKind::kRightBrace) {
    if (Peek().kind == TokenKind::kEnd) return Fail("'}'");
    block->statements.emplace_back();
    if (!ParseStatement(&block->statements.back(), depth)) return false;
  }
  if (!Expect(TokenKind::kRightBrace, "'}'")) return false;
  if (block->statements.empty()) diagnostics_->Report(diag::kEmptyBlock, file_, block->offset);
  CheckShape(*block);
  return true;
}

bool Parser::ParseStatement(Statement* out, int depth) {
  out->offset = Peek().offset;
  if (IsKeyword("true") || IsKeyword("false")) {
    out->kind = IsKeyword("true") ? Statement::Kind::kTrue : Statement::Kind::kFalse;
    ++position_;
    return Expect(TokenKind::kSemicolon, "';'");
  }
  if (IsKeyword("accept")) {
    out->kind = Statement::Kind::kAccept;
    ++position_;
    if (!ParseName("a key", &out->accept_key) || !Expect(TokenKind::kLeftBrace, "'{'")) {
      return false;
    }
    do {
      if (Peek().kind == TokenKind::kRightBrace && !out->accepted.empty()) break;  // trailing ','
      out->accepted.emplace_back();
      if (!ParseValue(&out->accepted.back())) return false;
    } while (Peek().kind == TokenKind::kComma && (++position_, true));
    if (!Expect(TokenKind::kRightBrace, "',' or '}'")) return false;
    if (Peek().kind == TokenKind::kSemicolon) ++position_;  // `accept k { ... };` is common too
    return true;
  }
  if (IsKeyword("if")) {
    if (depth >= kMaxNesting) {
      diagnostics_->Report(diag::kNestingTooDeep, file_, Peek().offset, kMaxNesting);
      failed_ = true;
      return false;
    }
    out->kind = Statement::Kind::kIf;
    ++position_;
    while (true) {
      ast::Condition condition;
      auto block = std::make_unique<Block>();
      if (!ParseCondition(&condition) || !ParseBlock(block.get(), depth + 1)) return false;
      out->branches.emplace_back(std::move(condition), std::move(block));
      if (!IsKeyword("else")) {
        diagnostics_->Report(diag::kIfWithoutElse, file_, out->offset);
        return true;
      }
      ++position_;
      if (IsKeyword("if")) {
        ++position_;
        continue;
      }
      out->else_block = std::make_unique<Block>();
      return ParseBlock(out->else_block.get(), depth + 1);
    }
  }
  if (IsKeyword("node") || IsKeyword("primary") || IsKeyword("optional")) {
    diagnostics_->Report(diag::kNodeOutsideComposite, file_, Peek().offset);
    failed_ = true;
    return false;
  }
  if (IsKeyword("library")) {
    ast::Name name;
    ++position_;
    if (ParseName("a library name", &name)) {
      diagnostics_->Report(diag::kLibraryGivenAsRules, file_, out->offset, name.text);
      failed_ = true;
    }
    return false;
  }
  out->kind = Statement::Kind::kCondition;
  return ParseCondition(&out->condition) && Expect(TokenKind::kSemicolon, "';'");
}

// Rules are declarative, but Fuchsia's grammar still fixes two things per block: an `if` comes
// last, and `true;`/`false;` stand alone.
void Parser::CheckShape(const Block& block) {
  for (size_t i = 0; i < block.statements.size(); ++i) {
    const Statement& statement = block.statements[i];
    if (statement.kind == Statement::Kind::kIf && i + 1 < block.statements.size()) {
      diagnostics_->Report(diag::kIfNotLast, file_, block.statements[i + 1].offset);
    }
    if ((statement.kind == Statement::Kind::kTrue || statement.kind == Statement::Kind::kFalse) &&
        block.statements.size() > 1) {
      diagnostics_->Report(diag::kTrueFalseNotAlone, file_, statement.offset,
                           statement.kind == Statement::Kind::kTrue ? "true" : "false");
    }
  }
}

std::optional<ast::RulesFile> Parser::Rules() {
  ast::RulesFile rules;
  while (!failed_) {
    if (IsKeyword("using")) {
      rules.usings.emplace_back();
      ParseUsing(&rules.usings.back());
    } else if (IsKeyword("composite") && !rules.composite) {
      ++position_;
      ast::Name name;
      if (ParseName("a composite name", &name) && Expect(TokenKind::kSemicolon, "';'")) {
        rules.composite = name;
      }
    } else {
      break;
    }
  }
  if (!rules.composite) {
    rules.top.offset = Peek().offset;
    while (!failed_ && Peek().kind != TokenKind::kEnd) {
      rules.top.statements.emplace_back();
      ParseStatement(&rules.top.statements.back(), 0);
    }
    if (!failed_) CheckShape(rules.top);
  } else {
    while (!failed_ && Peek().kind != TokenKind::kEnd) {
      ast::Node node;
      node.offset = Peek().offset;
      if (IsKeyword("primary")) {
        node.kind = ast::Node::Kind::kPrimary;
        ++position_;
      } else if (IsKeyword("optional")) {
        node.kind = ast::Node::Kind::kOptional;
        ++position_;
      } else if (!IsKeyword("node")) {
        Fail("'primary node', 'node' or 'optional node'");
        break;
      }
      Token name;
      if (!ExpectKeyword("node") || !Expect(TokenKind::kString, "the node's name as a string", &name) ||
          !ParseBlock(&node.block, 0)) {
        break;
      }
      node.name = {Unquote(name.text), name.offset};
      rules.nodes.push_back(std::move(node));
    }
    if (!failed_ && rules.nodes.empty()) Fail("'primary node'");
  }
  if (failed_) return std::nullopt;
  return rules;
}

std::optional<ast::LibraryFile> Parser::Library() {
  ast::LibraryFile library;
  if (!ExpectKeyword("library") || !ParseName("a library name", &library.name) ||
      !Expect(TokenKind::kSemicolon, "';'")) {
    return std::nullopt;
  }
  while (!failed_ && IsKeyword("using")) {
    library.usings.emplace_back();
    ParseUsing(&library.usings.back());
  }
  while (!failed_ && Peek().kind != TokenKind::kEnd) {
    ast::KeyDeclaration declaration;
    declaration.offset = Peek().offset;
    if (IsKeyword("extend")) {
      declaration.extend = true;
      ++position_;
    }
    using Type = ValueType;
    if (IsKeyword("uint")) declaration.type = Type::kUint;
    else if (IsKeyword("string")) declaration.type = Type::kString;
    else if (IsKeyword("bool")) declaration.type = Type::kBool;
    else if (IsKeyword("enum")) declaration.type = Type::kEnum;
    else {
      Fail(declaration.extend ? "a type (uint, string, bool, enum)"
                              : "a key declaration (uint, string, bool, enum or extend)");
      break;
    }
    ++position_;
    if (!ParseName("a key name", &declaration.key)) break;
    if (Peek().kind == TokenKind::kLeftBrace) {
      ++position_;
      while (!failed_ && Peek().kind != TokenKind::kRightBrace) {
        ast::KeyDeclaration::Entry entry;
        if (!ParseName("a value name", &entry.name)) break;
        if (Peek().kind == TokenKind::kAssign) {
          ++position_;
          ast::Value literal;
          if (!ParseValue(&literal)) break;
          entry.literal = literal;
        }
        declaration.values.push_back(std::move(entry));
        if (Peek().kind != TokenKind::kComma) break;
        ++position_;
      }
      Expect(TokenKind::kRightBrace, "',' or '}'");
    }
    Expect(TokenKind::kSemicolon, "';'");
    library.declarations.push_back(std::move(declaration));
  }
  if (failed_) return std::nullopt;
  return library;
}

}  // namespace

std::optional<ast::RulesFile> ParseRules(const SourceFile& file, Diagnostics* diagnostics) {
  return Parser(file, diagnostics).Rules();
}

std::optional<ast::LibraryFile> ParseLibrary(const SourceFile& file, Diagnostics* diagnostics) {
  return Parser(file, diagnostics).Library();
}

}  // namespace fdfkit::bind
