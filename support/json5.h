// Reads the JSON5 that component manifests (CML) are written in: `//` and `/* */` comments,
// unquoted keys, single- or double-quoted strings, trailing commas, hexadecimal and signed numbers.
// nlohmann::json reads JSON only, so this small reader builds its values and remembers where each
// one starts, for diagnostics that point at the value that is wrong. Duplicate keys are an error,
// as in CML.
#ifndef FDFKIT_SUPPORT_JSON5_H_
#define FDFKIT_SUPPORT_JSON5_H_

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace fdfkit::support {

struct Json5Document {
  nlohmann::json root;
  // JSON pointer ("/program/binary", "/use/0") → byte offset where that value starts.
  std::unordered_map<std::string, size_t> offsets;
  // Where the value at `pointer` starts; its closest recorded ancestor's place otherwise.
  size_t OffsetOf(std::string pointer) const;
};

struct Json5Error {
  size_t offset = 0;
  std::string message;  // "expected ':' after a key"
};

// How deep objects and arrays may nest; deeper input (a fuzzer's) is an error, not a crash.
inline constexpr int kJson5MaxDepth = 64;

std::optional<Json5Document> ParseJson5(std::string_view text, Json5Error* error);

}  // namespace fdfkit::support

#endif  // FDFKIT_SUPPORT_JSON5_H_
