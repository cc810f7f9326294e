#include "migrate/driver/mapping_index.h"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "migrate/driver/clone_bounds.h"
#include "migrate/driver/diagnostics.h"
#include "migrate/idl/flat_ast.h"
#include "support/read_file.h"

namespace fdfkit::driver_migration {
namespace {

// The text of `object[key]`, or "" (the caller says what was missing).
std::string StringAt(const nlohmann::json& object, const char* key) {
  if (!object.is_object()) return "";
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : "";
}

// The strings of `object[key]`; false if it is there and not a list of strings.
bool StringsAt(const nlohmann::json& object, const char* key, std::vector<std::string>* out) {
  auto it = object.find(key);
  if (it == object.end()) return true;
  if (!it->is_array()) return false;
  for (const nlohmann::json& item : *it) {
    if (!item.is_string()) return false;
    out->push_back(item.get<std::string>());
  }
  return true;
}

// Why `json` (at `where`) is not a method row, or "".
std::string ParseMethod(const nlohmann::json& json, const std::string& where, MethodMapping* out) {
  if (!json.is_object()) return where + " is not an object";
  const nlohmann::json& banjo = json.value("banjo", nlohmann::json());
  const nlohmann::json& fidl = json.value("fidl", nlohmann::json());
  out->cpp_client = StringAt(banjo, "cpp_client");
  out->cpp_mixin = StringAt(banjo, "cpp_mixin");
  auto async = banjo.is_object() ? banjo.find("async") : banjo.end();
  out->async = async != banjo.end() && async->is_boolean() && async->get<bool>();
  out->cloned = fidl.is_object();
  out->not_cloned = StringAt(json, "refused");
  if (out->not_cloned.empty() && StringAt(json, "replaced_by") == "events") {
    out->not_cloned = "the clone carries it as events";
  }
  out->fidl_method = StringAt(fidl, "method");
  out->kind = StringAt(fidl, "kind");
  out->error_syntax = StringAt(json, "status") == "error_syntax";
  const nlohmann::json& parameters = json.value("parameters", nlohmann::json::array());
  if (!parameters.is_array()) return where + ".parameters is not an array";
  for (size_t i = 0; i < parameters.size(); ++i) {
    std::string at = where + ".parameters[" + std::to_string(i) + "]";
    if (!parameters[i].is_object()) return at + " is not an object";
    ParameterMapping parameter{StringAt(parameters[i], "banjo"),
                               StringAt(parameters[i], "direction"),
                               {},
                               StringAt(parameters[i], "becomes"),
                               StringAt(parameters[i], "field")};
    if (!StringsAt(parameters[i], "c", &parameter.c)) return at + ".c is not a list of strings";
    out->parameters.push_back(std::move(parameter));
  }
  return "";
}

// Why `document` is not a mapping this tool can use, or "".
std::string Parse(const nlohmann::json& document, LibraryMapping* out) {
  if (StringAt(document, "schema") != "fdfkit-mapping/1") {
    return "its \"schema\" is not \"fdfkit-mapping/1\"";
  }
  if (!document.is_object()) return "it is not a JSON object";
  const nlohmann::json& library = document.value("library", nlohmann::json());
  out->banjo_library = StringAt(library, "banjo");
  out->fidl_library = StringAt(library, "fidl");
  if (out->banjo_library.empty() || out->fidl_library.empty()) {
    return "$.library needs \"banjo\" and \"fidl\" library names";
  }
  const nlohmann::json& protocols = document.value("protocols", nlohmann::json());
  if (!protocols.is_array()) return "$.protocols is not an array";
  for (size_t i = 0; i < protocols.size(); ++i) {
    if (!protocols[i].is_object()) return "$.protocols[" + std::to_string(i) + "] is not an object";
    const nlohmann::json& banjo = protocols[i].value("banjo", nlohmann::json());
    const nlohmann::json& fidl = protocols[i].value("fidl", nlohmann::json());
    ProtocolMapping p;
    p.banjo_protocol = StringAt(banjo, "protocol");
    p.layout = StringAt(banjo, "layout");
    p.cpp_client = StringAt(banjo, "cpp_client");
    p.cpp_mixin = StringAt(banjo, "cpp_mixin");
    p.protocol_id = StringAt(banjo, "protocol_id");
    p.c_protocol = StringAt(banjo, "c_protocol_type");
    p.fidl_protocol = StringAt(fidl, "protocol");
    p.openness = StringAt(fidl, "openness");
    p.transport = StringAt(fidl, "transport");
    if (p.transport.empty()) p.transport = "driver";
    if (p.transport != "driver" && p.transport != "channel") {
      return "$.protocols[" + std::to_string(i) + "].fidl.transport is '" + p.transport +
             "', not \"driver\" or \"channel\"";
    }
    const nlohmann::json& service = fidl.is_object() ? fidl.value("service", nlohmann::json())
                                                      : nlohmann::json();
    p.service_name = StringAt(service, "name");
    p.service_member = StringAt(service, "member");
    std::string where = "$.protocols[" + std::to_string(i) + "].methods";
    const nlohmann::json& methods = protocols[i].value("methods", nlohmann::json::array());
    if (!methods.is_array()) return where + " is not an array";
    for (size_t m = 0; m < methods.size(); ++m) {
      MethodMapping method;
      std::string why = ParseMethod(methods[m], where + "[" + std::to_string(m) + "]", &method);
      if (!why.empty()) return why;
      p.methods.push_back(std::move(method));
    }
    if (p.banjo_protocol.empty()) {
      return "$.protocols[" + std::to_string(i) + "].banjo.protocol is missing";
    }
    out->protocols.push_back(std::move(p));
  }
  return "";
}

}  // namespace

bool MappingIndex::Load(const std::vector<std::string>& files,
                        support::Diagnostics* diagnostics) {
  bool ok = true;
  for (const std::string& file : files) {
    std::optional<std::string> text = support::ReadFile(file);
    if (!text) {
      diagnostics->ReportFile(diag::kCannotReadFile, "", file);
      ok = false;
      continue;
    }
    nlohmann::json document = nlohmann::json::parse(*text, nullptr, /*allow_exceptions=*/false);
    LibraryMapping mapping;
    mapping.file = file;
    std::string why = document.is_discarded() ? "not valid JSON" : Parse(document, &mapping);
    if (!why.empty()) {
      diagnostics->ReportFile(diag::kInvalidMapping, "", file, why);
      ok = false;
      continue;
    }
    auto same = std::find_if(libraries_.begin(), libraries_.end(), [&](const LibraryMapping& l) {
      return l.banjo_library == mapping.banjo_library;
    });
    if (same != libraries_.end()) {
      diagnostics->ReportFile(diag::kDuplicateMapping, "", file, mapping.banjo_library,
                              same->file);
      ok = false;
      continue;
    }
    ReadCloneBounds(&mapping);
    libraries_.push_back(std::move(mapping));
  }
  return ok;
}

namespace {

// The spellings of a library's banjo headers: its C++ bindings (and their older ddktl name), its
// C bindings (and theirs), and the generated shims that bring them (with the dual servers and
// clients, which are banjo too until --mode=replace removes them).
struct BanjoHeaders {
  std::string cpp, ddktl, c, ddk, shims;
};
BanjoHeaders HeadersOf(const LibraryMapping& library) {
  std::string dirs = library.banjo_library;
  std::replace(dirs.begin(), dirs.end(), '.', '/');
  std::string last = library.banjo_library.substr(library.banjo_library.rfind('.') + 1);
  return {dirs + "/cpp/banjo.h", "ddktl/protocol/" + last + ".h", dirs + "/c/banjo.h",
          "ddk/protocol/" + last + ".h", "fidl/" + library.fidl_library + "/cpp/banjo_shims.h"};
}

bool EndsWithPath(std::string_view path, const std::string& header) {
  return path.size() > header.size() && path.substr(path.size() - header.size()) == header &&
         path[path.size() - header.size() - 1] == '/';
}

}  // namespace

namespace {

// The library of `libraries` whose banjo C++ header (or, `with_shims`, shims header) `include`
// names, or null.
const LibraryMapping* IncludedFrom(const std::vector<LibraryMapping>& libraries,
                                   std::string_view include, bool with_shims) {
  for (const LibraryMapping& library : libraries) {
    BanjoHeaders headers = HeadersOf(library);
    if (include == headers.cpp || include == headers.ddktl) return &library;
    if (with_shims && include == headers.shims) return &library;
  }
  return nullptr;
}

}  // namespace

const LibraryMapping* MappingIndex::ForBanjoInclude(std::string_view include,
                                                    bool with_shims) const {
  return IncludedFrom(libraries_, include, with_shims);
}

const LibraryMapping* MappingIndex::ForBanjoHeaderPath(std::string_view path) const {
  for (const LibraryMapping& library : libraries_) {
    BanjoHeaders headers = HeadersOf(library);
    for (const std::string* header :
         {&headers.cpp, &headers.ddktl, &headers.c, &headers.ddk, &headers.shims}) {
      if (EndsWithPath(path, *header)) return &library;
    }
  }
  return nullptr;
}

const ProtocolMapping* MappingIndex::ForClientClass(std::string_view qualified_name,
                                                    const LibraryMapping** library) const {
  for (const LibraryMapping& candidate : libraries_) {
    for (const ProtocolMapping& protocol : candidate.protocols) {
      if (!protocol.cpp_client.empty() && protocol.cpp_client == qualified_name) {
        *library = &candidate;
        return &protocol;
      }
    }
  }
  return nullptr;
}

bool ParameterMapping::returned() const {
  return c.size() == 1 && c[0].size() > 7 && c[0].compare(c[0].size() - 7, 7, " return") == 0;
}

std::string ArenaTag(const ProtocolMapping& protocol) {
  std::string tag = protocol.fidl_protocol.substr(0, 4);
  for (char& c : tag) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return tag;
}

std::vector<std::string> MethodMapping::CppParameters() const {
  std::vector<std::string> names;
  for (const ParameterMapping& parameter : parameters) {
    // An @async method's outputs are its callback's parameters, not its own.
    if (async && parameter.direction == "out") continue;
    if (!parameter.returned()) names.insert(names.end(), parameter.c.begin(), parameter.c.end());
  }
  return names;
}

std::string MethodMapping::WireFieldCast(const std::string& ns, const std::string& protocol,
                                         const std::string& message,
                                         const std::string& field) const {
  return "static_cast<" + WireFieldType(ns, protocol, message, field) + ">";
}

std::string MethodMapping::WireFieldType(const std::string& ns, const std::string& protocol,
                                         const std::string& message,
                                         const std::string& field) const {
  return "decltype(" + ns + "::wire::" + protocol + fidl_method + message + "::" + field + ")";
}

const MethodMapping* ProtocolMapping::MethodForClientCall(std::string_view name) const {
  for (const MethodMapping& method : methods) {
    if (method.cpp_client == name) return &method;
  }
  return nullptr;
}

std::string ServiceMemberTag(const std::string& member) { return idl::flat::UpperCamel(member); }

std::string FidlNamespace(const LibraryMapping& library) {
  std::string name = library.fidl_library;
  std::replace(name.begin(), name.end(), '.', '_');
  return name;
}

std::string ShimsNamespace(const LibraryMapping& library) {
  std::string name = library.banjo_library;
  std::replace(name.begin(), name.end(), '.', '_');
  return "fdfkit::shims::" + name;
}

}  // namespace fdfkit::driver_migration
