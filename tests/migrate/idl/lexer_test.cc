#include "migrate/idl/lexer.h"

#include <gtest/gtest.h>

namespace {

using fdfkit::idl::Lex;
using fdfkit::idl::TokenKind;

struct Lexed {
  fdfkit::idl::SourceFiles files;
  fdfkit::idl::Reporter reporter{&files};
  std::vector<fdfkit::idl::Token> tokens;
  explicit Lexed(std::string_view text) {
    unsigned id = files.AddBuffer(text, "lex.fidl");
    tokens = Lex(files.Text(id), &reporter);
  }
  std::vector<TokenKind> kinds() const {
    std::vector<TokenKind> out;
    for (const auto& t : tokens) out.push_back(t.kind);
    return out;
  }
};

TEST(Lexer, NumbersInEveryForm) {
  Lexed l("0x1F 0b101 -1 42 3.5 1e-3 -0x2");
  ASSERT_FALSE(l.reporter.has_errors());
  std::vector<std::string_view> texts;
  for (const auto& t : l.tokens) {
    if (t.kind == TokenKind::kNumber) texts.push_back(t.text);
  }
  EXPECT_EQ(texts, (std::vector<std::string_view>{"0x1F", "0b101", "-1", "42", "3.5", "1e-3", "-0x2"}));
}

TEST(Lexer, DocCommentsAreTokensPlainCommentsVanish) {
  Lexed l("// plain\n/// doc line\n//// not a doc\nx");
  EXPECT_EQ(l.kinds(), (std::vector<TokenKind>{TokenKind::kDocComment, TokenKind::kIdentifier,
                                               TokenKind::kEnd}));
  EXPECT_EQ(l.tokens[0].text, " doc line");
}

TEST(Lexer, PunctuationArrowAndStrings) {
  Lexed l(R"(M(a) -> ("q\"x"); @b [c] <d>:e | f?)");
  EXPECT_EQ(l.kinds(),
            (std::vector<TokenKind>{
                TokenKind::kIdentifier, TokenKind::kLParen, TokenKind::kIdentifier,
                TokenKind::kRParen, TokenKind::kArrow, TokenKind::kLParen, TokenKind::kString,
                TokenKind::kRParen, TokenKind::kSemicolon, TokenKind::kAt, TokenKind::kIdentifier,
                TokenKind::kLBracket, TokenKind::kIdentifier, TokenKind::kRBracket,
                TokenKind::kLAngle, TokenKind::kIdentifier, TokenKind::kRAngle, TokenKind::kColon,
                TokenKind::kIdentifier, TokenKind::kPipe, TokenKind::kIdentifier,
                TokenKind::kQuestion, TokenKind::kEnd}));
  EXPECT_EQ(l.tokens[6].text, R"("q\"x")");
}

TEST(Lexer, BadCharactersAndUnterminatedStringsAreReportedWithLocations) {
  Lexed l("library x;\n  $ \"open\n");
  EXPECT_EQ(l.reporter.Summary(),
            "lex.fidl:2:3: [FDFIDL001] invalid character '$'\n"
            "lex.fidl:2:5: [FDFIDL002] unterminated string literal\n");
}

}  // namespace
