#include "migrate/plan/scan/code_signals.h"

#include "migrate/plan/scan/comment_blanking.h"

#include <map>
#include <regex>

namespace fdfkit::plan::scan {
namespace {

std::string FidlLibrary(const std::string& cpp_namespace) {
  std::string library = cpp_namespace;
  for (char& c : library) c = c == '_' ? '.' : c;
  return library;
}

}  // namespace

std::vector<CodeSignal> FindCodeSignals(const std::string& file, const std::string& text) {
  static const std::regex kSignal(
      R"(ddk::(\w+?)Protocol(Client\b|\s*<)|AddService\s*<\s*(?:::)?(\w+)::(\w+)\s*>|Connect\s*<\s*(?:::)?(\w+)::(\w+)::\w+\s*>|\b(?:fdf|fidl)::WireServer\s*<\s*(?:::)?(\w+)::\w+\s*>)");
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
    if (m[1].matched) {
      CodeSignal::Kind kind = std::string(m[2]) == "Client" ? CodeSignal::Kind::kBanjoConsumes
                                                           : CodeSignal::Kind::kBanjoServes;
      out.push_back({kind, m[1], "", file, line});
    } else if (m[3].matched) {
      out.push_back({CodeSignal::Kind::kFidlServes, library(m[3]), m[4], file, line});
    } else if (m[7].matched) {
      // A FIDL server of the library (a migrated or dual driver), whatever service it is under.
      out.push_back({CodeSignal::Kind::kFidlServes, library(m[7]), "", file, line});
    } else {
      out.push_back({CodeSignal::Kind::kFidlConsumes, library(m[5]), m[6], file, line});
    }
  }
  return out;
}

}  // namespace fdfkit::plan::scan
