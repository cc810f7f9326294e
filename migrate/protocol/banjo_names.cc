#include "migrate/protocol/banjo_names.h"

#include <cctype>

namespace fdfkit::protocol {

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

namespace {

std::string Upper(std::string text) {
  for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

}  // namespace

BanjoProtocolNames BanjoNamesOf(std::string_view protocol) {
  std::string snake = CName(protocol);
  return {snake + "_protocol_ops_t", snake + "_protocol_t", "ZX_PROTOCOL_" + Upper(snake),
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

}  // namespace fdfkit::protocol
