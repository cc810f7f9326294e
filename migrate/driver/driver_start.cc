#include "migrate/driver/driver_start.h"

#include "migrate/driver/source_text.h"

namespace fdfkit::driver_migration {

namespace {

bool IsDriverBase(const clang::CXXRecordDecl* record) {
  return record != nullptr && record->getQualifiedNameAsString() == "fdf::DriverBase";
}

}  // namespace

const clang::CompoundStmt* DriverStartBody(const RewriteContext& context,
                                           const clang::SourceManager& sm,
                                           const clang::CXXRecordDecl& driver) {
  bool derives = false;
  for (const clang::CXXBaseSpecifier& base : driver.bases()) {
    const clang::CXXRecordDecl* record = base.getType()->getAsCXXRecordDecl();
    if (IsDriverBase(record) ||
        (record != nullptr && record->hasDefinition() &&
         !record->forallBases([](const clang::CXXRecordDecl* b) { return !IsDriverBase(b); }))) {
      derives = true;
    }
  }
  if (!derives) return nullptr;
  for (const clang::CXXMethodDecl* method : driver.methods()) {
    if (!IsNamed(*method, "Start") || method->getNumParams() != 0) continue;
    const clang::FunctionDecl* definition = method->getDefinition();
    if (definition == nullptr) continue;
    // zx::result<> and nothing else: the inserted statement returns its error.
    const clang::CXXRecordDecl* returned = method->getReturnType()->getAsCXXRecordDecl();
    if (returned == nullptr || returned->getQualifiedNameAsString() != "zx::result") continue;
    const auto* body = llvm::dyn_cast_or_null<clang::CompoundStmt>(definition->getBody());
    if (body != nullptr && context.files().Contains(sm, body->getLBracLoc())) {
      return body;
    }
  }
  return nullptr;
}

void PublishFirstInStart(RewriteContext* context, const clang::SourceManager& sm,
                         const clang::CompoundStmt& start, const std::string& call,
                         const void* group) {
  BodyStart at = StartOf(sm, start);
  const std::string& indent = at.indent;
  clang::CharSourceRange range = clang::CharSourceRange::getCharRange(at.after_brace, at.after_brace);
  std::string text = "\n" + indent + "if (zx::result<> added = " + call + ";\n" + indent +
                     "    added.is_error()) {\n" + indent + "  return added.take_error();\n" +
                     indent + "}";
  if (group != nullptr) {
    context->ReplaceIn(group, sm, range, text);
  } else {
    context->Replace(sm, range, text);
  }
}

}  // namespace fdfkit::driver_migration
