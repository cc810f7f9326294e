// A JSON5 input file (a driver manifest, a board file) being read: its values and where each
// starts, so every problem is reported at the value it is about (file:line:col, caret).
#ifndef FDFKIT_RUNTIME_DRIVER_CONFIG_JSON_INPUT_H_
#define FDFKIT_RUNTIME_DRIVER_CONFIG_JSON_INPUT_H_

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

#include "runtime/driver/diagnostics.h"
#include "support/json5.h"

namespace fdfkit::driver {

class JsonInput {
 public:
  // Parses `file`; a syntax error is reported as MalformedJson5 naming `kind` ("driver manifest").
  static std::optional<JsonInput> Parse(const SourceFile& file, const std::string& kind,
                                        Diagnostics* diagnostics);

  const nlohmann::json& root() const { return document_.root; }
  const SourceFile& file() const { return *file_; }

  // Reports row `def` at the value `pointer` ("/program/binary") names.
  template <typename... Args>
  void Report(const support::DiagnosticDef<Args...>& def, const std::string& pointer,
              const std::type_identity_t<Args>&... args) const {
    diagnostics_->Report(def, *file_, document_.OffsetOf(pointer), args...);
  }
  Diagnostics* diagnostics() const { return diagnostics_; }

  // The value at `pointer` if it has the wanted type; reports WrongType otherwise. `name` is how
  // the message names the field ("program.binary"). An absent field gives std::nullopt silently.
  std::optional<std::string> String(const std::string& pointer, const std::string& name) const;
  // "true"/"false" or a JSON bool, as CML writes program flags.
  std::optional<bool> Flag(const std::string& pointer, const std::string& name) const;
  const nlohmann::json* Find(const std::string& pointer) const;
  // `pointer` + "/" + `key`, the key escaped as JSON pointers need ("a/b" → "a~1b").
  static std::string Child(const std::string& pointer, const std::string& key);

 private:
  JsonInput(const SourceFile* file, support::Json5Document document, Diagnostics* diagnostics)
      : file_(file), document_(std::move(document)), diagnostics_(diagnostics) {}
  const SourceFile* file_;
  support::Json5Document document_;
  Diagnostics* diagnostics_;
};

}  // namespace fdfkit::driver

#endif  // FDFKIT_RUNTIME_DRIVER_CONFIG_JSON_INPUT_H_
