// Plain comments, which the lexer sets aside, attached to the nodes of the raw AST so that none is
// lost: each belongs to the node it precedes, or to the node it follows on the same line; one
// inside a node that cannot hold it (a type constructor) moves above that node. The parser asks
// at each node boundary; the formatter and migrate-protocol's clones write them back.
#ifndef FDFKIT_MIGRATE_IDL_COMMENT_ATTACHER_H_
#define FDFKIT_MIGRATE_IDL_COMMENT_ATTACHER_H_

#include <string>
#include <vector>

#include "migrate/idl/lexer.h"
#include "migrate/idl/raw_ast.h"

namespace fdfkit::idl {

class CommentAttacher {
 public:
  explicit CommentAttacher(std::vector<Comment> comments) : comments_(std::move(comments)) {}

  // The comments not yet attached that start before `position`, as lines: "" for a blank line
  // between them, and a final "" when a blank line separates them from `position`.
  std::vector<std::string> TakeBefore(const char* position);
  // The comment that follows `end` on its line, before `next` (the token after `end`); "" if none.
  std::string TakeTrailing(const Token& end, const Token& next);
  // After a node's last token `end`: comments inside the node join its leading ones, then the one
  // after it on its line becomes its trailing comment.
  void Finish(const Token& end, const Token& next, raw::Comments* comments);

  // Appends `lines` to `to`, keeping at most one blank line in a row.
  static void AppendLines(std::vector<std::string> lines, std::vector<std::string>* to);
  // Doc comments left before a `}` with nothing to document, kept as closing comment lines.
  static void KeepStrayDocs(const raw::AttributeList& attrs, std::vector<std::string>* closing);

 private:
  std::vector<Comment> comments_;
  size_t next_ = 0;  // comments before it are attached
};

}  // namespace fdfkit::idl

#endif  // FDFKIT_MIGRATE_IDL_COMMENT_ATTACHER_H_
