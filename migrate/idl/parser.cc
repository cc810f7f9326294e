#include "migrate/idl/parser.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "migrate/idl/comment_attacher.h"
#include "migrate/idl/identifiers.h"
#include "migrate/idl/lexer.h"
#include "migrate/idl/syntax_words.h"

namespace fdfkit::idl {
namespace {

using raw::Constant;
using raw::Layout;
using raw::TypeConstructor;

// Thrown after an error was reported; caught at declaration level to resynchronise.
struct SyntaxError {};

constexpr int kMaxNesting = 64;

class Parser {
 public:
  Parser(std::vector<Token> tokens, std::vector<Comment> comments, Reporter* reporter,
         std::string path)
      : tokens_(std::move(tokens)), comments_(std::move(comments)), reporter_(reporter) {
    file_.path = std::move(path);
    banjo_file_ = file_.path.size() >= 6 && file_.path.ends_with(".banjo");
    legacy_ = banjo_file_;
    legacy_decided_ = banjo_file_;
  }

  std::optional<raw::File> Parse() {
    try {
      file_.library_comments.leading = TakeLeading();
      raw::AttributeList attrs = ParseAttributes();
      if (PeekIdent("deprecated_syntax")) {
        Advance();
        Expect(TokenKind::kSemicolon);
        file_.deprecated_syntax = true;
        legacy_ = legacy_decided_ = true;
        raw::AttributeList more = ParseAttributes();
        attrs.items.insert(attrs.items.end(), more.items.begin(), more.items.end());
      }
      if (!PeekIdent("library")) {
        reporter_->Report(diag::kMissingLibrary, Peek().loc, Describe(Peek()));
        return std::nullopt;
      }
      file_.library_attrs = std::move(attrs);
      file_.library_loc = Peek().loc;
      Advance();
      file_.library = ParseCompoundName();
      FinishComments(Expect(TokenKind::kSemicolon), &file_.library_comments);
    } catch (const SyntaxError&) {
      return std::nullopt;
    }
    while (Peek().kind != TokenKind::kEnd) {
      size_t before = pos_;
      try {
        ParseTopLevel();
      } catch (const SyntaxError&) {
        Recover(before);
        if (pos_ == before) Advance();  // always make progress
      }
    }
    file_.end_comments = TakeLeading();
    file_.dialect = DecideDialect();
    ReportDigitIdentifiers();
    return std::move(file_);
  }

 private:
  // ---- comments (comment_attacher.h) ----
  std::vector<std::string> TakeLeading() { return comments_.TakeBefore(Peek().text.data()); }
  std::string TakeTrailing(const Token& end) { return comments_.TakeTrailing(end, Peek()); }
  void FinishComments(const Token& end, raw::Comments* comments) {
    comments_.Finish(end, Peek(), comments);
  }

  // ---- token helpers ----
  const Token& Peek(size_t ahead = 0) const {
    size_t i = std::min(pos_ + ahead, tokens_.size() - 1);
    return tokens_[i];
  }
  bool PeekKind(TokenKind kind, size_t ahead = 0) const { return Peek(ahead).kind == kind; }
  bool PeekIdent(std::string_view text, size_t ahead = 0) const {
    return Peek(ahead).kind == TokenKind::kIdentifier && Peek(ahead).text == text;
  }
  const Token& Advance() {
    const Token& t = tokens_[pos_];
    if (pos_ + 1 < tokens_.size()) ++pos_;
    return t;
  }
  bool Accept(TokenKind kind) {
    if (!PeekKind(kind)) return false;
    Advance();
    return true;
  }
  static std::string Describe(const Token& t) {
    return t.kind == TokenKind::kEnd          ? "end of file"
           : t.kind == TokenKind::kDocComment ? "doc comment"
                                              : "'" + std::string(t.text) + "'";
  }
  [[noreturn]] void ReportUnexpected(const std::string& expected) {
    reporter_->Report(diag::kUnexpectedToken, Peek().loc, expected, Describe(Peek()));
    throw SyntaxError{};
  }
  const Token& Expect(TokenKind kind) {
    if (!PeekKind(kind)) ReportUnexpected(TokenKindName(kind));
    return Advance();
  }
  // Skips to the end of the declaration that began at token `start`: the first ';' outside
  // braces, counting from the start so an error inside braces does not end it early.
  void Recover(size_t start) {
    int depth = 0;
    for (size_t i = start; i < tokens_.size(); ++i) {
      TokenKind k = tokens_[i].kind;
      if (k == TokenKind::kEnd) {
        pos_ = i;
        return;
      }
      if (k == TokenKind::kLBrace) ++depth;
      if (k == TokenKind::kRBrace) depth = std::max(0, depth - 1);
      if (k == TokenKind::kSemicolon && depth == 0 && i >= pos_) {
        pos_ = i + 1;
        return;
      }
    }
  }
  struct DepthGuard {
    Parser* p;
    explicit DepthGuard(Parser* parser) : p(parser) {
      if (++p->depth_ > kMaxNesting) {
        p->reporter_->Report(diag::kNestingTooDeep, p->Peek().loc, kMaxNesting);
        throw SyntaxError{};
      }
    }
    ~DepthGuard() { --p->depth_; }
  };

  // ---- names ----
  // An identifier; `@name` escapes a keyword in banjo v1, and `@8BIT` a name the lexer read as a
  // number. A bare `2ghz`, which is no number, is a name too (banjo and old FIDL allowed both).
  std::pair<std::string, llvm::SMLoc> ParseIdentifier(const char* what = "identifier") {
    bool escaped = false;
    if (PeekKind(TokenKind::kAt) &&
        (PeekKind(TokenKind::kIdentifier, 1) || PeekKind(TokenKind::kNumber, 1)) &&
        Peek(1).text.data() == Peek().text.data() + 1) {
      Advance();
      escaped = true;
    }
    if (PeekKind(TokenKind::kNumber) && (escaped || IsNamedLikeIdentifier(Peek().text))) {
      const Token& t = Advance();
      digit_identifiers_.push_back({std::string(t.text), t.loc});
      return {std::string(t.text), t.loc};
    }
    if (!PeekKind(TokenKind::kIdentifier)) ReportUnexpected(what);
    const Token& t = Advance();
    return {std::string(t.text), t.loc};
  }
  std::string ParseCompoundName() {
    std::string name = ParseIdentifier().first;
    while (PeekKind(TokenKind::kDot) && PeekKind(TokenKind::kIdentifier, 1)) {
      Advance();
      name += ".";
      name += Advance().text;
    }
    return name;
  }

  // ---- constants ----
  Constant ParsePrimaryConstant() {
    Constant c;
    c.loc = Peek().loc;
    if (PeekKind(TokenKind::kNumber)) {
      c.kind = Constant::Kind::kNumber;
      c.text = std::string(Advance().text);
      ValidateNumber(c);
    } else if (PeekKind(TokenKind::kString)) {
      c.kind = Constant::Kind::kString;
      c.text = Unescape(Advance().text);
    } else if (PeekIdent("true") || PeekIdent("false")) {
      c.kind = Constant::Kind::kBool;
      c.text = std::string(Advance().text);
    } else if (PeekKind(TokenKind::kIdentifier)) {
      c.kind = Constant::Kind::kIdentifier;
      c.text = ParseCompoundName();
    } else {
      ReportUnexpected("constant");
    }
    return c;
  }
  Constant ParseConstant() {
    Constant first = ParsePrimaryConstant();
    if (!PeekKind(TokenKind::kPipe)) return first;
    Constant c;
    c.kind = Constant::Kind::kOr;
    c.loc = first.loc;
    c.operands.push_back(std::move(first));
    while (Accept(TokenKind::kPipe)) c.operands.push_back(ParsePrimaryConstant());
    return c;
  }
  // Letters, digits and underscores that do not make a number literal: `2ghz`, `20BIT_PACKED`.
  static bool IsNamedLikeIdentifier(std::string_view text) {
    for (char ch : text) {
      if (!std::isalnum(static_cast<unsigned char>(ch)) && ch != '_') return false;
    }
    return !IsNumberLiteral(text);
  }
  static bool IsNumberLiteral(std::string_view t) {
    if (t.starts_with("-")) t.remove_prefix(1);
    bool ok = !t.empty();
    if (t.starts_with("0x") || t.starts_with("0X")) {
      ok = t.size() > 2;
      for (char ch : t.substr(2)) ok = ok && std::isxdigit(static_cast<unsigned char>(ch));
    } else if (t.starts_with("0b") || t.starts_with("0B")) {
      ok = t.size() > 2;
      for (char ch : t.substr(2)) ok = ok && (ch == '0' || ch == '1');
    } else if (std::all_of(t.begin(), t.end(), [](char ch) { return ch >= '0' && ch <= '9'; })) {
      // A decimal integer, the usual case: no need for strtod.
    } else {
      char* end = nullptr;
      std::string copy(t);
      strtod(copy.c_str(), &end);
      ok = ok && end == copy.c_str() + copy.size();
    }
    return ok;
  }
  // Names starting with a digit: legal in banjo and old FIDL (a warning saying how modern FIDL
  // will name them), an error in the new syntax, which fidlc parsed.
  void ReportDigitIdentifiers() {
    bool legacy = file_.dialect == raw::Dialect::kBanjoV1 ||
                  file_.dialect == raw::Dialect::kBanjoV2 ||
                  file_.dialect == raw::Dialect::kLegacyFidl;
    for (const auto& [name, loc] : digit_identifiers_) {
      reporter_->Report(legacy ? diag::kIdentifierSpelledForFidl : diag::kIdentifierStartsWithDigit,
                        loc, name, FidlIdentifier(name));
    }
  }
  void ValidateNumber(const Constant& c) {
    if (!IsNumberLiteral(c.text)) {
      reporter_->Report(diag::kInvalidNumber, c.loc, c.text);
      throw SyntaxError{};
    }
  }

  // ---- attributes and doc comments ----
  raw::AttributeList ParseAttributes() {
    raw::AttributeList list;
    for (;;) {
      if (PeekKind(TokenKind::kDocComment)) {
        raw::Attribute doc;
        doc.name = "doc";
        doc.loc = Peek().loc;
        std::string text;
        while (PeekKind(TokenKind::kDocComment)) {
          text += std::string(Advance().text);
          text += "\n";
        }
        Constant value;
        value.kind = Constant::Kind::kString;
        value.text = std::move(text);
        value.loc = doc.loc;
        doc.args.push_back({"", std::move(value)});
        list.items.push_back(std::move(doc));
        continue;
      }
      if (PeekKind(TokenKind::kAt) && PeekKind(TokenKind::kIdentifier, 1) &&
          Peek(1).text.data() == Peek().text.data() + 1 && !AtEscapedIdentifier()) {
        raw::Attribute attr;
        attr.loc = Advance().loc;
        attr.name = std::string(Advance().text);
        if (Accept(TokenKind::kLParen)) {
          if (PeekKind(TokenKind::kIdentifier) && PeekKind(TokenKind::kEqual, 1)) {
            do {
              std::string name = ParseIdentifier().first;
              Expect(TokenKind::kEqual);
              attr.args.push_back({name, ParseConstant()});
            } while (Accept(TokenKind::kComma));
          } else if (!PeekKind(TokenKind::kRParen)) {
            attr.args.push_back({"", ParseConstant()});
          }
          Expect(TokenKind::kRParen);
        }
        list.items.push_back(std::move(attr));
        continue;
      }
      if (PeekKind(TokenKind::kLBracket)) {
        saw_bracket_attributes_ = true;
        Advance();
        if (!PeekKind(TokenKind::kRBracket)) {
          do {
            raw::Attribute attr;
            attr.loc = Peek().loc;
            attr.name = ParseIdentifier("attribute name").first;
            if (raw::CanonicalAttributeName(attr.name) == "layout") saw_layout_attribute_ = true;
            if (Accept(TokenKind::kEqual)) attr.args.push_back({"", ParseConstant()});
            list.items.push_back(std::move(attr));
          } while (Accept(TokenKind::kComma));
        }
        Expect(TokenKind::kRBracket);
        continue;
      }
      return list;
    }
  }
  // `uint64 @handle;`: an `@identifier` directly followed by ';' or ',' or ')' is a name.
  bool AtEscapedIdentifier() const {
    TokenKind after = Peek(2).kind;
    return after == TokenKind::kSemicolon || after == TokenKind::kComma ||
           after == TokenKind::kRParen || (after == TokenKind::kEqual && legacy_);
  }

  // ---- types ----
  TypeConstructor ParseType() {
    DepthGuard guard(this);
    raw::AttributeList attrs = ParseAttributes();
    std::vector<std::string> modifiers;
    while (PeekKind(TokenKind::kIdentifier) && IsLayoutModifier(Peek().text) &&
           PeekKind(TokenKind::kIdentifier, 1) &&
           (IsLayoutModifier(Peek(1).text) || IsLayoutKeyword(Peek(1).text))) {
      modifiers.emplace_back(Advance().text);
    }
    if (PeekKind(TokenKind::kIdentifier) && IsLayoutKeyword(Peek().text) &&
        (PeekKind(TokenKind::kLBrace, 1) || PeekKind(TokenKind::kColon, 1))) {
      TypeConstructor t;
      t.loc = Peek().loc;
      t.layout = std::make_shared<Layout>(ParseLayout(std::move(attrs), std::move(modifiers),
                                                      /*legacy_members=*/false));
      return t;
    }
    if (!attrs.empty() || !modifiers.empty()) ReportUnexpected("layout after attributes or modifiers");
    TypeConstructor t;
    t.loc = Peek().loc;
    t.name = ParseCompoundName();
    if (Accept(TokenKind::kLAngle)) {
      t.type_args.push_back(ParseType());
      if (Accept(TokenKind::kComma)) t.size_arg = ParseConstant();
      Expect(TokenKind::kRAngle);
    }
    if (Accept(TokenKind::kColon)) {
      if (Accept(TokenKind::kLAngle)) {
        do {
          t.constraints.push_back(ParseConstant());
        } while (Accept(TokenKind::kComma));
        Expect(TokenKind::kRAngle);
      } else {
        t.constraints.push_back(ParseConstant());
      }
    }
    if (PeekKind(TokenKind::kQuestion)) {
      Constant optional;
      optional.kind = Constant::Kind::kIdentifier;
      optional.text = "optional";
      optional.loc = Advance().loc;
      t.constraints.push_back(std::move(optional));
    }
    Normalize(t);
    return t;
  }
  // Legacy spellings → the modern shape.
  void Normalize(TypeConstructor& t) {
    if (t.name == "handle") {
      saw_legacy_handle_ = true;
      t.name = "zx.Handle";
      if (!t.type_args.empty()) {
        Constant subtype;
        subtype.kind = Constant::Kind::kIdentifier;
        subtype.loc = t.type_args[0].loc;
        for (char c : t.type_args[0].name) subtype.text += static_cast<char>(std::toupper(c));
        t.type_args.clear();
        t.constraints.insert(t.constraints.begin(), std::move(subtype));
      }
    } else if (t.name == "request" && t.type_args.size() == 1) {
      Constant protocol;
      protocol.kind = Constant::Kind::kIdentifier;
      protocol.text = t.type_args[0].name;
      protocol.loc = t.type_args[0].loc;
      t.name = "server_end";
      t.type_args.clear();
      t.constraints.insert(t.constraints.begin(), std::move(protocol));
    } else if (t.name == "array" && !t.size_arg && !t.constraints.empty()) {
      t.size_arg = t.constraints.front();
      t.constraints.erase(t.constraints.begin());
    }
  }

  // ---- layouts ----
  // At the layout keyword. Legacy members are `type name`, modern ones `name type`.
  Layout ParseLayout(raw::AttributeList attrs, std::vector<std::string> modifiers,
                     bool legacy_members) {
    Layout layout;
    layout.attrs = std::move(attrs);
    layout.modifiers = std::move(modifiers);
    layout.loc = Peek().loc;
    std::string keyword(Advance().text);
    layout.kind = LayoutKindOf(keyword);
    if (keyword == "xunion" && std::find(layout.modifiers.begin(), layout.modifiers.end(),
                                         "flexible") == layout.modifiers.end()) {
      layout.modifiers.push_back("flexible");
    }
    if (Accept(TokenKind::kColon)) layout.subtype = ParseType();
    ParseLayoutBody(layout, legacy_members);
    return layout;
  }

  // A member's `name type` (modern) or `type name` (legacy).
  void ParseNameAndType(raw::LayoutMember& m, bool legacy) {
    if (legacy) {
      m.type = ParseType();
      std::tie(m.name, m.loc) = ParseIdentifier("member name");
    } else {
      std::tie(m.name, m.loc) = ParseIdentifier("member name");
      m.type = ParseType();
    }
  }

  void ParseLayoutBody(Layout& layout, bool legacy_members) {
    Expect(TokenKind::kLBrace);
    for (;;) {
      if (PeekKind(TokenKind::kRBrace)) {
        layout.closing = TakeLeading();
        Advance();
        break;
      }
      raw::LayoutMember m;
      m.comments.leading = TakeLeading();
      m.attrs = ParseAttributes();
      CommentAttacher::AppendLines(TakeLeading(), &m.comments.leading);
      if (PeekKind(TokenKind::kRBrace)) {  // trailing doc comment
        layout.closing = std::move(m.comments.leading);
        CommentAttacher::KeepStrayDocs(m.attrs, &layout.closing);
        CommentAttacher::AppendLines(TakeLeading(), &layout.closing);
        Advance();
        break;
      }
      m.loc = Peek().loc;
      if (layout.kind == Layout::Kind::kEnum || layout.kind == Layout::Kind::kBits) {
        std::tie(m.name, m.loc) = ParseIdentifier("member name");
        Expect(TokenKind::kEqual);
        m.value = ParseConstant();
      } else {
        bool ordinal_allowed = layout.kind != Layout::Kind::kStruct;
        if (ordinal_allowed && PeekKind(TokenKind::kNumber) && PeekKind(TokenKind::kColon, 1)) {
          m.ordinal = ParsePrimaryConstant();
          Advance();
          layout.has_ordinals = true;
          if (PeekIdent("reserved") && PeekKind(TokenKind::kSemicolon, 1)) {
            m.reserved = true;
            m.name = "reserved";
            Advance();
            FinishComments(Expect(TokenKind::kSemicolon), &m.comments);
            layout.members.push_back(std::move(m));
            continue;
          }
        }
        ParseNameAndType(m, legacy_members);
        if (Accept(TokenKind::kEqual)) m.value = ParseConstant();
      }
      FinishComments(Expect(TokenKind::kSemicolon), &m.comments);
      layout.members.push_back(std::move(m));
    }
  }

  // ---- declarations ----
  void ParseTopLevel() {
    raw::Comments comments;
    comments.leading = TakeLeading();
    raw::AttributeList attrs = ParseAttributes();
    // Comments between the attributes and the declaration.
    CommentAttacher::AppendLines(TakeLeading(), &comments.leading);
    if (PeekKind(TokenKind::kEnd)) {
      if (!attrs.empty()) ReportUnexpected("declaration after attributes");
      return;
    }
    if (!PeekKind(TokenKind::kIdentifier)) ReportUnexpected("declaration");
    DecideSyntax(attrs);
    std::string_view word = Peek().text;
    if (word == "using") return ParseUsing(std::move(attrs), std::move(comments));
    raw::Decl decl;
    decl.comments = std::move(comments);
    decl.attrs = std::move(attrs);
    if (word == "const") {
      ParseConst(decl);
    } else if (word == "alias") {
      Advance();
      decl.kind = raw::Decl::Kind::kAlias;
      std::tie(decl.name, decl.loc) = ParseIdentifier("alias name");
      Expect(TokenKind::kEqual);
      decl.type = ParseType();
    } else if (word == "type") {
      Advance();
      decl.kind = raw::Decl::Kind::kType;
      std::tie(decl.name, decl.loc) = ParseIdentifier("type name");
      Expect(TokenKind::kEqual);
      decl.type = ParseType();
      if (!decl.type->layout) {
        reporter_->Report(diag::kTypeNeedsLayout, decl.type->loc, decl.name);
        throw SyntaxError{};
      }
    } else if (word == "service") {
      ParseService(decl);
    } else if (word == "resource_definition") {
      decl.kind = raw::Decl::Kind::kResource;
      Advance();
      std::tie(decl.name, decl.loc) = ParseIdentifier();
      Recover(pos_);
      // Comments inside a definition the formatter does not rewrite.
      comments_.TakeBefore(Peek().text.data());
      file_.decls.push_back(std::move(decl));
      return;
    } else {
      std::vector<std::string> modifiers;
      while (PeekKind(TokenKind::kIdentifier) && PeekKind(TokenKind::kIdentifier, 1) &&
             (IsLayoutModifier(Peek().text) || Peek().text == "open" || Peek().text == "ajar" ||
              Peek().text == "closed")) {
        modifiers.emplace_back(Advance().text);
      }
      if (PeekIdent("protocol") || PeekIdent("interface")) {
        decl.modifiers = std::move(modifiers);
        ParseProtocol(decl);
      } else if (PeekKind(TokenKind::kIdentifier) && IsLayoutKeyword(Peek().text) &&
                 PeekKind(TokenKind::kIdentifier, 1)) {
        // Legacy `struct Name { ... };`
        decl.kind = raw::Decl::Kind::kType;
        saw_legacy_layout_decl_ = true;
        auto layout = std::make_shared<Layout>();
        layout->modifiers = std::move(modifiers);
        layout->loc = Peek().loc;
        std::string keyword(Advance().text);
        layout->kind = LayoutKindOf(keyword);
        if (keyword == "xunion") layout->modifiers.push_back("flexible");
        std::tie(decl.name, decl.loc) = ParseIdentifier("type name");
        if (Accept(TokenKind::kColon)) layout->subtype = ParseType();
        ParseLayoutBody(*layout, /*legacy_members=*/true);
        TypeConstructor t;
        t.loc = layout->loc;
        t.layout = std::move(layout);
        decl.type = std::move(t);
      } else {
        ReportUnexpected("declaration");
      }
    }
    FinishComments(Expect(TokenKind::kSemicolon), &decl.comments);
    file_.decls.push_back(std::move(decl));
  }

  void ParseUsing(raw::AttributeList attrs, raw::Comments comments) {
    llvm::SMLoc loc = Advance().loc;
    std::string name = ParseCompoundName();
    if (Accept(TokenKind::kEqual)) {  // banjo v1: `using Name = type;`
      raw::Decl decl;
      decl.kind = raw::Decl::Kind::kAlias;
      decl.comments = std::move(comments);
      decl.attrs = std::move(attrs);
      decl.name = name;
      decl.loc = loc;
      decl.type = ParseType();
      FinishComments(Expect(TokenKind::kSemicolon), &decl.comments);
      file_.decls.push_back(std::move(decl));
      return;
    }
    raw::Using u{std::move(comments), name, "", loc};
    if (PeekIdent("as")) {
      Advance();
      u.alias = ParseIdentifier("alias").first;
    }
    FinishComments(Expect(TokenKind::kSemicolon), &u.comments);
    file_.usings.push_back(std::move(u));
  }

  void ParseConst(raw::Decl& decl) {
    Advance();
    decl.kind = raw::Decl::Kind::kConst;
    if (LooksLegacyConst()) {
      decl.type = ParseType();
      std::tie(decl.name, decl.loc) = ParseIdentifier("constant name");
    } else {
      std::tie(decl.name, decl.loc) = ParseIdentifier("constant name");
      decl.type = ParseType();
    }
    Expect(TokenKind::kEqual);
    decl.value = ParseConstant();
  }
  // `const uint32 X = 1;` vs `const X uint32 = 1;`.
  bool LooksLegacyConst() const {
    if (!PeekKind(TokenKind::kIdentifier)) return legacy_;
    TokenKind after = Peek(1).kind;
    if (after == TokenKind::kDot || after == TokenKind::kColon || after == TokenKind::kLAngle ||
        after == TokenKind::kQuestion) {
      return true;
    }
    if (IsPrimitive(Peek().text) && !IsPrimitive(Peek(1).text)) return true;
    if (IsPrimitive(Peek(1).text) && !IsPrimitive(Peek().text)) return false;
    return legacy_;
  }

  void ParseService(raw::Decl& decl) {
    Advance();
    decl.kind = raw::Decl::Kind::kService;
    std::tie(decl.name, decl.loc) = ParseIdentifier("service name");
    Expect(TokenKind::kLBrace);
    for (;;) {
      if (PeekKind(TokenKind::kRBrace)) {
        decl.closing = TakeLeading();
        Advance();
        break;
      }
      raw::LayoutMember m;
      m.comments.leading = TakeLeading();
      m.attrs = ParseAttributes();
      ParseNameAndType(m, legacy_);
      FinishComments(Expect(TokenKind::kSemicolon), &m.comments);
      decl.members.push_back(std::move(m));
    }
  }

  void ParseProtocol(raw::Decl& decl) {
    Advance();
    decl.kind = raw::Decl::Kind::kProtocol;
    if (!decl.modifiers.empty()) saw_protocol_modifier_ = true;
    std::tie(decl.name, decl.loc) = ParseIdentifier("protocol name");
    Expect(TokenKind::kLBrace);
    while (!PeekKind(TokenKind::kRBrace)) {
      if (PeekKind(TokenKind::kEnd)) ReportUnexpected("'}'");
      raw::Comments comments;
      comments.leading = TakeLeading();
      raw::AttributeList attrs = ParseAttributes();
      CommentAttacher::AppendLines(TakeLeading(), &comments.leading);
      if (PeekKind(TokenKind::kRBrace)) {  // trailing doc comment
        decl.closing = std::move(comments.leading);
        CommentAttacher::KeepStrayDocs(attrs, &decl.closing);
        break;
      }
      if (PeekIdent("compose") && PeekKind(TokenKind::kIdentifier, 1)) {
        raw::Compose c;
        c.comments = std::move(comments);
        c.attrs = std::move(attrs);
        c.loc = Advance().loc;
        c.name = ParseCompoundName();
        FinishComments(Expect(TokenKind::kSemicolon), &c.comments);
        decl.composes.push_back(std::move(c));
        continue;
      }
      raw::Method m;
      m.comments = std::move(comments);
      m.attrs = std::move(attrs);
      while (PeekKind(TokenKind::kIdentifier) && (Peek().text == "strict" || Peek().text == "flexible") &&
             (PeekKind(TokenKind::kIdentifier, 1) || PeekKind(TokenKind::kArrow, 1))) {
        m.modifiers.emplace_back(Advance().text);
        saw_method_modifier_ = true;
      }
      if (Accept(TokenKind::kArrow)) {
        m.is_event = true;
        std::tie(m.name, m.loc) = ParseIdentifier("event name");
        m.has_response = true;
        m.response = ParsePayload();
      } else {
        std::tie(m.name, m.loc) = ParseIdentifier("method name");
        m.has_request = true;
        m.request = ParsePayload();
        if (Accept(TokenKind::kArrow)) {
          m.has_response = true;
          m.response = ParsePayload();
        }
      }
      if (PeekIdent("error")) {
        Advance();
        m.error = ParseType();
      }
      FinishComments(Expect(TokenKind::kSemicolon), &m.comments);
      decl.methods.push_back(std::move(m));
    }
    CommentAttacher::AppendLines(TakeLeading(), &decl.closing);
    Advance();
  }

  // `(...)`: empty, a named or inline payload type, or a legacy parameter list (which becomes an
  // inline struct).
  std::optional<TypeConstructor> ParsePayload() {
    llvm::SMLoc open = Expect(TokenKind::kLParen).loc;
    if (Accept(TokenKind::kRParen)) return std::nullopt;
    if (PeekKind(TokenKind::kLBracket)) return ParseLegacyParams(open, std::nullopt);
    TypeConstructor first = ParseType();
    if (Accept(TokenKind::kRParen)) return first;  // a named or inline payload
    return ParseLegacyParams(open, std::move(first));
  }
  TypeConstructor ParseLegacyParams(llvm::SMLoc open, std::optional<TypeConstructor> first) {
    saw_legacy_params_ = true;
    auto layout = std::make_shared<Layout>();
    layout->kind = Layout::Kind::kStruct;
    layout->loc = open;
    bool have_first = first.has_value();
    bool more = true;
    while (more) {
      raw::LayoutMember m;
      m.comments.leading = TakeLeading();
      if (have_first) {
        m.type = std::move(*first);
        have_first = false;
      } else {
        m.attrs = ParseAttributes();
        m.type = ParseType();
      }
      std::tie(m.name, m.loc) = ParseIdentifier("parameter name");
      more = PeekKind(TokenKind::kComma);
      // A comment after the comma, on the parameter's line, belongs to the parameter.
      m.comments.trailing = TakeTrailing(more ? Advance() : tokens_[pos_ - 1]);
      layout->members.push_back(std::move(m));
    }
    layout->closing = TakeLeading();
    const Token& close = Expect(TokenKind::kRParen);
    // `uint32 flags) // reserved`: a comment after the list on its line belongs to its last member.
    if (layout->members.back().comments.trailing.empty()) {
      layout->members.back().comments.trailing = TakeTrailing(close);
    }
    TypeConstructor t;
    t.loc = open;
    t.layout = std::move(layout);
    return t;
  }

  // ---- dialect ----
  void DecideSyntax(const raw::AttributeList& attrs) {
    if (legacy_decided_) return;
    if (saw_bracket_attributes_) {
      legacy_ = legacy_decided_ = true;
      return;
    }
    if (!attrs.empty() && attrs.items.back().name != "doc") {
      legacy_decided_ = true;  // `@attr` → modern
      return;
    }
    std::string_view word = Peek().text;
    size_t i = 0;
    while (PeekKind(TokenKind::kIdentifier, i) && IsLayoutModifier(Peek(i).text)) ++i;
    if (PeekKind(TokenKind::kIdentifier, i) && IsLayoutKeyword(Peek(i).text) &&
        PeekKind(TokenKind::kIdentifier, i + 1)) {
      legacy_ = legacy_decided_ = true;
    } else if (word == "type" || word == "alias") {
      legacy_decided_ = true;
    }
  }

  raw::Dialect DecideDialect() const {
    if (banjo_file_) {
      return saw_layout_attribute_ || saw_legacy_handle_ ? raw::Dialect::kBanjoV1
                                                         : raw::Dialect::kBanjoV2;
    }
    if (file_.deprecated_syntax || saw_bracket_attributes_ || saw_legacy_layout_decl_ ||
        saw_legacy_params_) {
      return raw::Dialect::kLegacyFidl;
    }
    if (saw_protocol_modifier_ || saw_method_modifier_) return raw::Dialect::kModernFidl;
    return raw::Dialect::kFidl;
  }

  std::vector<Token> tokens_;
  CommentAttacher comments_;
  size_t pos_ = 0;
  Reporter* reporter_;
  raw::File file_;
  int depth_ = 0;
  bool banjo_file_ = false;
  bool legacy_ = false;
  bool legacy_decided_ = false;
  bool saw_bracket_attributes_ = false;
  bool saw_layout_attribute_ = false;
  bool saw_legacy_handle_ = false;
  bool saw_legacy_layout_decl_ = false;
  bool saw_legacy_params_ = false;
  bool saw_protocol_modifier_ = false;
  bool saw_method_modifier_ = false;
  std::vector<std::pair<std::string, llvm::SMLoc>> digit_identifiers_;
};

}  // namespace

std::optional<raw::File> ParseFile(SourceFiles& files, unsigned buffer_id, Reporter* reporter) {
  std::vector<Comment> comments;
  std::vector<Token> tokens = Lex(files.Text(buffer_id), reporter, &comments);
  Parser parser(std::move(tokens), std::move(comments), reporter, std::string(files.Name(buffer_id)));
  return parser.Parse();
}

}  // namespace fdfkit::idl
