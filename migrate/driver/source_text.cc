#include "migrate/driver/source_text.h"

#include <clang/AST/PrettyPrinter.h>
#include <clang/Lex/Lexer.h>

namespace fdfkit::driver_migration {

std::string Text(const clang::SourceManager& sm, const clang::LangOptions& lang,
                 clang::SourceRange range) {
  return clang::Lexer::getSourceText(clang::CharSourceRange::getTokenRange(range), sm, lang).str();
}

std::string LineIndent(const clang::SourceManager& sm, clang::SourceLocation location) {
  auto [file, offset] = sm.getDecomposedLoc(sm.getExpansionLoc(location));
  llvm::StringRef buffer = sm.getBufferData(file);
  size_t line = buffer.rfind('\n', offset == 0 ? 0 : offset - 1);
  line = line == llvm::StringRef::npos || offset == 0 ? 0 : line + 1;
  size_t end = line;
  while (end < buffer.size() && (buffer[end] == ' ' || buffer[end] == '\t')) ++end;
  return buffer.substr(line, end - line).str();
}

BodyStart StartOf(const clang::SourceManager& sm, const clang::CompoundStmt& body) {
  return {body.getLBracLoc().getLocWithOffset(1),
          body.body_empty() ? LineIndent(sm, body.getLBracLoc()) + "  "
                            : LineIndent(sm, body.body_front()->getBeginLoc())};
}

std::string Where(const clang::SourceManager& sm, clang::SourceLocation location) {
  clang::PresumedLoc where = sm.getPresumedLoc(sm.getExpansionLoc(location));
  if (where.isInvalid()) return "an unknown place";
  return "line " + std::to_string(where.getLine()) + ", column " +
         std::to_string(where.getColumn());
}

std::string TypeName(const clang::LangOptions& lang, clang::QualType type) {
  clang::PrintingPolicy policy(lang);
  policy.SuppressTagKeyword = true;
  return type.getAsString(policy);
}

}  // namespace fdfkit::driver_migration
