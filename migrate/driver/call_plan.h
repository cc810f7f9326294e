// What one banjo client call becomes (the call-site rewrite's plan): the FIDL request's
// arguments, then how the reply is unpacked into what the banjo call returned and wrote — or,
// for an @async call, which arguments its callback gets — or why the call cannot be rewritten.
#ifndef FDFKIT_MIGRATE_DRIVER_CALL_PLAN_H_
#define FDFKIT_MIGRATE_DRIVER_CALL_PLAN_H_

#include <clang/AST/ASTContext.h>
#include <clang/AST/ExprCXX.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "migrate/driver/mapping_index.h"
#include "migrate/driver/rewrite_context.h"

namespace fdfkit::driver_migration {

// A call that could not be rewritten: which parameter, and why.
struct CallRefusal {
  std::string parameter, type, why;
};

// One argument of an @async call's callback after its context: the reply's field, or the status.
struct CallbackArgument {
  std::string on_success;  // empty for the status
  bool status = false;
};

struct CallPlan {
  std::vector<std::string> preparations;  // statements before the call (a list built)
  std::vector<std::string> request;       // the FIDL call's arguments
  std::vector<std::string> checks;        // statements before the assignments (may return)
  std::vector<std::string> assignments;   // out-parameters written from the response
  bool returns_status = false;            // the banjo call returned a zx_status_t
  std::string value_field;                // or the value of this response field
  std::string value_type;                 // and its C++ type
  // @async: the callback and cookie as the call passed them, and what the callback is called with.
  std::string callback, cookie;
  std::vector<CallbackArgument> callback_arguments;
  // The assignments copy into the function's arena (on the driver transport, the call needs one
  // anyway).
  bool uses_arena = false;
  std::optional<CallRefusal> refusal;
};

// The text an argument (or a part of one) of the call reads as: its source, or, where another
// rewrite edits the code around the call (a server method forwarding to its parent), its source
// with that rewrite's edits applied.
using ArgumentText = std::function<std::string(const clang::Expr&)>;

// A name for a local the plan declares (`base`, or another if the code around the call takes
// it); each call gives a new one.
using LocalName = std::function<std::string(const std::string& base)>;

// The plan for `call` of the banjo client method `method`, mapped to `mapped`. `result_name`
// names the FIDL call's result where the response is read; `arena`, the function's arena.
CallPlan PlanCall(const RewriteContext& context, const clang::SourceManager& sm,
                  clang::ASTContext& ast, const clang::CXXMemberCallExpr& call,
                  const clang::CXXMethodDecl& method, const MethodMapping& mapped,
                  const LibraryMapping& library, const ProtocolMapping& protocol,
                  const std::string& result_name, const std::string& arena,
                  const LocalName& local_name, const ArgumentText* text_of = nullptr);

}  // namespace fdfkit::driver_migration

#endif  // FDFKIT_MIGRATE_DRIVER_CALL_PLAN_H_
