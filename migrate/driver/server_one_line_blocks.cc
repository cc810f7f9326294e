// One-line blocks in a server method being rewritten (server_method_planner.h): a body written
// `{ return parent_.Get(out); }` grows to several statements, which go on lines of their own,
// indented one step in, rather than onto the signature's line.
#include <cctype>

#include "migrate/driver/server_method_planner.h"
#include "migrate/driver/source_text.h"

namespace fdfkit::driver_migration::server_method {

void MethodPlanner::ExpandIfOneLine(const clang::CompoundStmt& block) {
  clang::SourceLocation open = block.getLBracLoc();
  clang::SourceLocation close = block.getRBracLoc();
  if (block.body_empty() || open.isMacroID() || close.isMacroID() ||
      sm_.getFileID(open) != sm_.getFileID(close) ||
      sm_.getSpellingLineNumber(open) != sm_.getSpellingLineNumber(close)) {
    return;
  }
  for (const OneLineBlock& known : one_line_blocks_) {
    if (known.open == open) return;
  }
  // The gaps between the braces and the statements (only blanks), which become line breaks.
  const char* left = sm_.getCharacterData(open) + 1;
  const char* first = left;
  while (*first == ' ' || *first == '\t') ++first;
  const char* right = sm_.getCharacterData(close);
  const char* last = right;
  while (last > first && (last[-1] == ' ' || last[-1] == '\t')) --last;
  OneLineBlock expanded;
  expanded.open = open;
  expanded.after_open = open.getLocWithOffset(1);
  expanded.first = open.getLocWithOffset(static_cast<int>(first - left) + 1);
  expanded.last_end = close.getLocWithOffset(-static_cast<int>(right - last));
  expanded.close = close;
  expanded.outer = LineIndent(sm_, open);
  expanded.inner = expanded.outer + "  ";
  one_line_blocks_.push_back(std::move(expanded));
}

MethodPlanner::OneLineBlock* MethodPlanner::OneLineBlockOf(const clang::CompoundStmt& block) {
  for (OneLineBlock& known : one_line_blocks_) {
    if (known.open == block.getLBracLoc()) return &known;
  }
  return nullptr;
}

std::string MethodPlanner::IndentAt(clang::SourceLocation location) const {
  clang::SourceLocation at = sm_.getExpansionLoc(location);
  const OneLineBlock* innermost = nullptr;
  for (const OneLineBlock& block : one_line_blocks_) {
    if (sm_.getFileID(at) == sm_.getFileID(block.open) &&
        sm_.isBeforeInTranslationUnit(block.open, at) &&
        sm_.isBeforeInTranslationUnit(at, block.close) &&
        (innermost == nullptr || sm_.isBeforeInTranslationUnit(innermost->open, block.open))) {
      innermost = &block;
    }
  }
  return innermost != nullptr ? innermost->inner : LineIndent(sm_, location);
}

void MethodPlanner::FinishOneLineBlocks(std::vector<ServerEdit>* edits) const {
  for (const OneLineBlock& block : one_line_blocks_) {
    std::string opening;
    for (const std::string& line : block.first_lines) opening += "\n" + block.inner + line;
    edits->push_back({clang::CharSourceRange::getCharRange(block.after_open, block.first),
                      opening + "\n" + block.inner});
    std::string closing;
    for (const std::string& line : block.last_lines) closing += "\n" + block.inner + line;
    edits->push_back({clang::CharSourceRange::getCharRange(block.last_end, block.close),
                      closing + "\n" + block.outer});
  }
}

}  // namespace fdfkit::driver_migration::server_method
