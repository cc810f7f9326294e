#include "migrate/plan/scan/code_signals.h"

#include "migrate/plan/scan/comment_blanking.h"

#include <cctype>
#include <map>
#include <regex>

namespace fdfkit::plan::scan {
namespace {

// ZX_PROTOCOL_GPIO_IMPL's tag → "GpioImpl", the protocol's banjo name (mixins are named after it).
std::string ProtocolName(const std::string& tag) {
  std::string name;
  bool upper = true;
  for (char c : tag) {
    if (c == '_') {
      upper = true;
      continue;
    }
    name += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c)))
                  : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    upper = false;
  }
  return name;
}

std::string FidlLibrary(const std::string& cpp_namespace) {
  std::string library = cpp_namespace;
  for (char& c : library) c = c == '_' ? '.' : c;
  return library;
}

}  // namespace

std::string CodeSignal::Construct() const {
  if (!protocol_id.empty()) return protocol_id;
  switch (kind) {
    case Kind::kBanjoServes: return "ddk::" + name + "Protocol";
    case Kind::kBanjoConsumes: return "ddk::" + name + "ProtocolClient";
    default: return name + (service.empty() ? "" : "." + service);
  }
}

std::vector<CodeSignal> FindCodeSignals(const std::string& file, const std::string& text) {
  // One alternative per signal, each with its own groups (see the kinds below).
  static const std::regex kSignal(
      R"(ddk::(\w+?)Protocol(Client\b|\s*<))"                                     // 1-2 mixin, client
      R"(|AddService\s*<\s*(?:::)?(\w+)::(\w+)\s*>)"                              // 3-4 outgoing service
      R"(|Connect(?:Fragment)?(?:Fidl(?:Protocol)?)?\s*<\s*(?:::)?(\w+)::(\w+)::\w+\s*>)"  // 5-6 incoming
      R"(|\b(?:fdf|fidl)::(?:WireServer|Server|ServerBindingGroup)\s*<\s*(?:::)?(\w+)::\w+\s*>)"  // 7 server
      R"(|\b(?:fdf|fidl)::(?:Wire(?:Sync|Shared)?Client|(?:Sync|Shared)?Client)\s*<\s*(?:::)?(\w+)::\w+\s*>)"  // 8
      R"(|\bdevice_get_(?:fragment_)?protocol\s*\([^;]*?\bZX_PROTOCOL_(\w+))"     // 9 DFv1 client
      R"(|\bBanjoServer\b[^;]*?\bZX_PROTOCOL_(\w+))"                              // 10 compat server
      R"(|\bBanjoConfig\b[^;]*?\bZX_PROTOCOL_(\w+))"                              // 11 compat config
      R"(|\bcallbacks\s*\[\s*ZX_PROTOCOL_(\w+)\s*\])");                           // 12 config entry
  // `namespace i2c = fdfkit_examples_i2c;`: the bindings' namespace under a short name.
  static const std::regex kAlias(R"(\bnamespace\s+(\w+)\s*=\s*(?:::)?(\w+)\s*;)");
  std::string code = BlankComments(text, StringLiterals::kBlank);
  std::map<std::string, std::string> aliases;
  for (std::sregex_iterator it(code.begin(), code.end(), kAlias), end; it != end; ++it) {
    aliases[(*it)[1]] = (*it)[2];
  }
  auto library = [&](const std::string& name) {
    auto alias = aliases.find(name);
    return FidlLibrary(alias == aliases.end() ? name : alias->second);
  };
  std::vector<CodeSignal> out;
  int line = 1;
  size_t counted = 0;
  for (std::sregex_iterator it(code.begin(), code.end(), kSignal), end; it != end; ++it) {
    size_t at = static_cast<size_t>(it->position(0));
    for (; counted < at; ++counted) line += code[counted] == '\n';
    const std::smatch& m = *it;
    using Kind = CodeSignal::Kind;
    if (m[1].matched) {
      out.push_back({std::string(m[2]) == "Client" ? Kind::kBanjoConsumes : Kind::kBanjoServes, m[1], "", file, line, ""});
    } else if (m[3].matched) {
      out.push_back({Kind::kFidlServes, library(m[3]), m[4], file, line, ""});
    } else if (m[5].matched) {
      out.push_back({Kind::kFidlConsumes, library(m[5]), m[6], file, line, ""});
    } else if (m[7].matched) {
      // A FIDL server of the library (a migrated or dual driver), whatever service it is under.
      out.push_back({Kind::kFidlServes, library(m[7]), "", file, line, ""});
    } else if (m[8].matched) {
      out.push_back({Kind::kFidlConsumes, library(m[8]), "", file, line, ""});
    } else if (m[9].matched) {
      out.push_back({Kind::kBanjoConsumes, ProtocolName(m[9]), "", file, line, "ZX_PROTOCOL_" + std::string(m[9])});
    } else {
      std::string tag = m[10].matched ? m[10] : m[11].matched ? m[11] : m[12];
      out.push_back({Kind::kBanjoServes, ProtocolName(tag), "", file, line, "ZX_PROTOCOL_" + tag});
    }
  }
  return out;
}

}  // namespace fdfkit::plan::scan
