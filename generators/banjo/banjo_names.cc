#include "generators/banjo/banjo_names.h"

#include <cctype>

#include "generators/library_view.h"

namespace fdfkit::generators::banjo {

std::string CName(std::string_view name) {
  // Fold each run of capitals to one capital followed by lower case (`GUIDType` → `Guidtype`).
  std::string folded;
  for (size_t i = 0; i < name.size(); ++i) {
    char c = name[i];
    bool upper = std::isupper(static_cast<unsigned char>(c));
    bool previous_upper = i > 0 && std::isupper(static_cast<unsigned char>(name[i - 1]));
    folded += upper && previous_upper ? static_cast<char>(std::tolower(c)) : c;
  }
  std::string out;
  for (size_t i = 0; i < folded.size(); ++i) {
    char c = folded[i];
    if (std::isupper(static_cast<unsigned char>(c))) {
      if (i > 0 && folded[i - 1] != '_') out += '_';
      out += static_cast<char>(std::tolower(c));
    } else {
      out += c;
    }
  }
  return out;
}

std::string UpperName(std::string_view name) {
  std::string out(name);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string PascalName(std::string_view name) {
  std::string out;
  bool start = true;
  for (char c : name) {
    if (c == '_') {
      start = true;
      continue;
    }
    out += start ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    start = false;
  }
  return out;
}

BanjoProtocolNames BanjoNamesOf(std::string_view protocol) {
  std::string snake = CName(protocol);
  return {snake + "_protocol_ops_t", snake + "_protocol_t", "ZX_PROTOCOL_" + UpperName(snake),
          "ddk::" + std::string(protocol) + "Protocol",
          "ddk::" + std::string(protocol) + "ProtocolClient"};
}

BanjoMethodNames BanjoNamesOf(std::string_view protocol, std::string_view method, bool is_async) {
  BanjoMethodNames names;
  names.c_ops_member = CName(method);
  names.cpp_mixin = std::string(protocol) + std::string(method);
  names.cpp_client = std::string(method);
  if (is_async) names.c_callback = CName(protocol) + "_" + CName(method) + "_callback";
  return names;
}

const char* LayoutName(Layout layout) {
  switch (layout) {
    case Layout::kProtocol: return "ddk-protocol";
    case Layout::kInterface: return "ddk-interface";
    case Layout::kCallback: return "ddk-callback";
  }
  return "ddk-protocol";
}

namespace {

std::string Lower(std::optional<std::string> text) {
  std::string out = text.value_or("");
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

Layout LayoutOf(const flat::Decl& protocol) {
  std::string layout = Lower(AttributeValue(protocol.attrs, "banjo_layout"));
  if (layout.empty()) layout = Lower(AttributeValue(protocol.attrs, "layout"));
  std::string transport = Lower(AttributeValue(protocol.attrs, "transport"));
  if (layout.empty() && !transport.empty() && transport != "banjo") {
    layout = protocol.attrs.Find("discoverable") ? "ddk-protocol" : "ddk-interface";
  }
  if (layout.empty() && protocol.name.name.ends_with("Callback")) layout = "ddk-callback";
  if (layout == "ddk-interface") return Layout::kInterface;
  if (layout == "ddk-callback") return Layout::kCallback;
  return Layout::kProtocol;
}

bool IsBanjoProtocol(const flat::Decl& protocol, idl::raw::Dialect dialect) {
  if (protocol.kind != flat::Decl::Kind::kProtocol) return false;
  std::string transport = Lower(AttributeValue(protocol.attrs, "transport"));
  if (transport == "banjo") return true;
  bool has_layout = protocol.attrs.Find("banjo_layout") || protocol.attrs.Find("layout");
  if (transport == "driver") return has_layout;
  if (!transport.empty()) return false;
  // .banjo files had no transport attribute: everything in them is banjo.
  return dialect == idl::raw::Dialect::kBanjoV1 || dialect == idl::raw::Dialect::kBanjoV2 ||
         has_layout;
}

}  // namespace fdfkit::generators::banjo
