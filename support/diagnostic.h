// Diagnostics declared once, fidlc-style. Every error and warning a tool can report is one
// DiagnosticDef in that tool's table (a `.def` file listing FDFKIT_DIAGNOSTIC rows): a stable
// number, a severity and a message template whose `{}` holes take typed arguments. Call sites pass
// the arguments, never text, so a message is written in exactly one place and its id cannot drift
// from it. Numbers are never reused: a diagnostic that is no longer reported stays in its table
// marked retired, so an old log or bug report still names something.
//
// The template is checked at compile time: a def whose holes do not match its argument types does
// not compile.
#ifndef FDFKIT_SUPPORT_DIAGNOSTIC_H_
#define FDFKIT_SUPPORT_DIAGNOSTIC_H_

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <type_traits>

namespace fdfkit::support {

enum class Severity { kError, kWarning, kRetired };
const char* SeverityName(Severity severity);  // "error", "warning", "retired"

// What a table row declares, independent of its argument types.
struct DiagnosticInfo {
  std::string_view prefix;    // the tool's code prefix: "FDFIDL", "FDFMIG", "FDFPLAN"
  unsigned number = 0;        // stable, unique within the prefix
  Severity severity = Severity::kError;
  std::string_view name;      // "UnexpectedToken"
  std::string_view message;   // "expected {}, found {}"
  std::string Code() const;   // "FDFIDL003"
};

// A message argument as text. Strings are taken as they are; integers in decimal.
inline std::string Display(std::string_view text) { return std::string(text); }
inline std::string Display(const std::string& text) { return text; }
inline std::string Display(const char* text) { return text; }
template <typename Integer>
  requires std::is_integral_v<Integer> && (!std::is_same_v<Integer, bool>)
std::string Display(Integer value) {
  return std::to_string(value);
}

// `message` with each `{}` replaced by the next argument.
std::string FormatMessage(std::string_view message, std::initializer_list<std::string> arguments);

namespace internal {
constexpr unsigned CountHoles(std::string_view message) {
  unsigned holes = 0;
  for (size_t i = 0; i + 1 < message.size(); ++i) {
    if (message[i] == '{' && message[i + 1] == '}') ++holes;
  }
  return holes;
}
// Not constexpr: reaching it during constant evaluation is the compile error.
void TheMessageTemplateHasADifferentNumberOfHolesThanArguments();
}  // namespace internal

template <typename... Args>
class DiagnosticDef {
 public:
  consteval DiagnosticDef(std::string_view prefix, unsigned number, Severity severity,
                          std::string_view name, std::string_view message)
      : info_{prefix, number, severity, name, message} {
    if (internal::CountHoles(message) != sizeof...(Args)) {
      internal::TheMessageTemplateHasADifferentNumberOfHolesThanArguments();
    }
  }
  constexpr const DiagnosticInfo& info() const { return info_; }
  std::string Format(const std::type_identity_t<Args>&... args) const {
    return FormatMessage(info_.message, {Display(args)...});
  }

 private:
  DiagnosticInfo info_;
};

// One reported diagnostic: which row, and its message with the arguments filled in.
struct Diagnostic {
  const DiagnosticInfo* info = nullptr;
  std::string message;
  bool is_error() const { return info->severity == Severity::kError; }
  // "error: [FDFIDL003] expected identifier, found ';'"
  std::string Text() const;
};

template <typename... Args>
Diagnostic Make(const DiagnosticDef<Args...>& def, const std::type_identity_t<Args>&... args) {
  return {&def.info(), def.Format(args...)};
}

}  // namespace fdfkit::support

namespace fdfkit::support::internal {
// Whether every number in a table appears once (checked by a static_assert beside each table).
template <size_t N>
constexpr bool NumbersAreUnique(const DiagnosticInfo* const (&rows)[N]) {
  for (size_t i = 0; i < N; ++i) {
    for (size_t j = i + 1; j < N; ++j) {
      if (rows[i]->number == rows[j]->number) return false;
    }
  }
  return true;
}
}  // namespace fdfkit::support::internal

// A table is a `.def` file of rows
//   FDFKIT_DIAGNOSTIC(number, Name, kError | kWarning, "message with {} holes", ArgType...)
//   FDFKIT_RETIRED(number, Name, "what it reported")
// turned into `inline constexpr` DiagnosticDefs named k<Name> (kRetired<Name> for retired rows)
// and `kAllDiagnostics`, every row in table order. Inside the tool's namespace:
//   #define FDFKIT_DIAGNOSTIC_PREFIX "FDFIDL"
//   #define FDFKIT_DIAGNOSTIC_TABLE "migrate/idl/diagnostics.def"
//   #include "support/diagnostic_table.inc"
#endif  // FDFKIT_SUPPORT_DIAGNOSTIC_H_
