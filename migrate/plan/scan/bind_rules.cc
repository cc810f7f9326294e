#include "migrate/plan/scan/bind_rules.h"

#include "migrate/plan/scan/comment_blanking.h"

#include <algorithm>
#include <regex>

namespace fdfkit::plan::scan {
namespace {

// Values of `key == v` and `accept key { v1, v2 }` for one key, given the two patterns built once.
std::vector<std::string> ValuesOf(const std::string& body, const std::regex& equals, const std::regex& accept) {
  std::vector<std::string> out;
  static const std::regex kValue(R"([A-Za-z_][\w.]*)");
  for (std::sregex_iterator it(body.begin(), body.end(), equals), end; it != end; ++it) out.push_back((*it)[1]);
  for (std::sregex_iterator it(body.begin(), body.end(), accept), end; it != end; ++it) {
    std::string list = (*it)[1];
    for (std::sregex_iterator v(list.begin(), list.end(), kValue); v != end; ++v) out.push_back((*v)[0]);
  }
  return out;
}

// `using fuchsia.hardware.gpioimpl as gpioimpl;`: every `gpioimpl.X` below means
// `fuchsia.hardware.gpioimpl.X`.
std::string ExpandAliases(const std::string& text) {
  static const std::regex kAlias(R"(\busing\s+([A-Za-z_][\w.]*)\s+as\s+(\w+)\s*;)");
  std::string out = text;
  for (std::sregex_iterator it(text.begin(), text.end(), kAlias), end; it != end; ++it) {
    const std::regex use("(^|[^\\w.])" + std::string((*it)[2]) + "\\.");
    out = std::regex_replace(out, use, "$1" + std::string((*it)[1]) + ".");
  }
  return out;
}

void ReadConditions(const std::string& body, BindParent* parent) {
  static const std::regex kFidl(
      R"(([A-Za-z_][\w.]*)\.(\w+)\s*==\s*([A-Za-z_][\w.]*)\.(\w+)\.(DriverTransport|ZirconTransport)\b)");
  static const std::regex kBanjo(R"((?:^|[^\w.])fuchsia\.BIND_PROTOCOL\s*==\s*([A-Za-z_][\w.]*))");
  static const std::regex kBanjoList(R"(accept\s+fuchsia\.BIND_PROTOCOL\s*\{([^}]*)\})");
  static const std::regex kFidlProtocol(R"((?:^|[^\w.])fuchsia\.BIND_FIDL_PROTOCOL\s*==\s*([A-Za-z_][\w.]*))");
  static const std::regex kFidlProtocolList(R"(accept\s+fuchsia\.BIND_FIDL_PROTOCOL\s*\{([^}]*)\})");
  parent->banjo_values = ValuesOf(body, kBanjo, kBanjoList);
  parent->fidl_protocol_values = ValuesOf(body, kFidlProtocol, kFidlProtocolList);
  for (std::sregex_iterator it(body.begin(), body.end(), kFidl), end; it != end; ++it) {
    if ((*it)[1] != (*it)[3] || (*it)[2] != (*it)[4]) continue;  // lib.X == lib.X.Transport
    parent->fidl.push_back({(*it)[1], (*it)[5] == "DriverTransport" ? "driver" : "channel", (*it)[2]});
  }
}

}  // namespace

BindRules ParseBindRules(const std::string& path, const std::string& raw) {
  BindRules rules;
  std::string text = ExpandAliases(BlankComments(raw, StringLiterals::kKeep));
  // Braces must balance; a stray one is the commonest way a hand-edited rule file breaks.
  std::vector<size_t> open;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '"') {
      size_t close = text.find('"', i + 1);
      if (close == std::string::npos) {
        rules.errors.push_back(AtFile(path, LineAt(text, i), 0, diag::kUnterminatedString));
        return rules;
      }
      i = close;
    } else if (text[i] == '{') {
      open.push_back(i);
    } else if (text[i] == '}') {
      if (open.empty()) {
        rules.errors.push_back(AtFile(path, LineAt(text, i), 0, diag::kUnmatchedClosingBrace));
        return rules;
      }
      open.pop_back();
    }
  }
  if (!open.empty()) {
    rules.errors.push_back(AtFile(path, LineAt(text, open.back()), 0, diag::kUnclosedBrace));
    return rules;
  }
  static const std::regex kComposite(R"(^\s*composite\s+[\w.]+\s*;)");
  static const std::regex kNode(R"re((primary\s+|optional\s+)?node\s+"([^"]*)"\s*\{)re");
  rules.composite = std::regex_search(text, kComposite);
  if (!rules.composite) {
    BindParent parent;
    parent.line = 1;
    ReadConditions(text, &parent);
    rules.parents.push_back(std::move(parent));
    return rules;
  }
  for (std::sregex_iterator it(text.begin(), text.end(), kNode), end; it != end; ++it) {
    size_t body_start = static_cast<size_t>(it->position(0) + it->length(0));
    int depth = 1;
    size_t i = body_start;
    for (; i < text.size() && depth > 0; ++i) {
      if (text[i] == '{') ++depth;
      if (text[i] == '}') --depth;
    }
    BindParent parent;
    parent.node = (*it)[2];
    std::string kind = (*it)[1];
    parent.primary = kind.rfind("primary", 0) == 0;
    parent.optional = kind.rfind("optional", 0) == 0;
    parent.line = LineAt(text, static_cast<size_t>(it->position(0)));
    ReadConditions(text.substr(body_start, i - body_start), &parent);
    rules.parents.push_back(std::move(parent));
  }
  int primaries = 0;
  for (const BindParent& p : rules.parents) primaries += p.primary;
  if (primaries != 1) {
    rules.errors.push_back(AtFile(path, 1, 0, diag::kPrimaryNodeCount, primaries));
  }
  std::stable_partition(rules.parents.begin(), rules.parents.end(),
                        [](const BindParent& p) { return p.primary; });
  return rules;
}

}  // namespace fdfkit::plan::scan
