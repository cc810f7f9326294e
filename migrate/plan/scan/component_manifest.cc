#include "migrate/plan/scan/component_manifest.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <set>

namespace fdfkit::plan::scan {

std::string Json5ToJson(const std::string& text) {
  std::string out;
  size_t i = 0;
  auto ident_char = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$'; };
  while (i < text.size()) {
    char c = text[i];
    if (c == '/' && i + 1 < text.size() && text[i + 1] == '/') {
      while (i < text.size() && text[i] != '\n') ++i;
    } else if (c == '/' && i + 1 < text.size() && text[i + 1] == '*') {
      i += 2;
      while (i + 1 < text.size() && !(text[i] == '*' && text[i + 1] == '/')) {
        if (text[i] == '\n') out += '\n';
        ++i;
      }
      i += 2;
    } else if (c == '"' || c == '\'') {
      out += '"';
      for (++i; i < text.size() && text[i] != c; ++i) {
        if (text[i] == '\\' && i + 1 < text.size()) {
          out += text[i];
          out += text[++i];
        } else if (text[i] == '"') {
          out += "\\\"";
        } else {
          out += text[i];
        }
      }
      out += '"';
      ++i;
    } else if (c == ',') {
      size_t j = i + 1;  // a comma before a closing bracket is dropped
      while (j < text.size() && std::isspace(static_cast<unsigned char>(text[j]))) ++j;
      if (j < text.size() && (text[j] == '}' || text[j] == ']')) {
        ++i;
      } else {
        out += c;
        ++i;
      }
    } else if (std::isalpha(static_cast<unsigned char>(c)) || c == '_' || c == '$') {
      size_t start = i;
      while (i < text.size() && ident_char(text[i])) ++i;
      std::string word = text.substr(start, i - start);
      size_t j = i;
      while (j < text.size() && (text[j] == ' ' || text[j] == '\t')) ++j;
      bool key = j < text.size() && text[j] == ':';
      out += key ? "\"" + word + "\"" : word;
    } else {
      out += c;
      ++i;
    }
  }
  return out;
}

namespace {

using Json = nlohmann::json;

void CollectServices(const Json& decls, std::vector<std::string>* out) {
  if (!decls.is_array()) return;
  for (const Json& d : decls) {
    if (!d.is_object() || !d.contains("service")) continue;
    const Json& s = d["service"];
    if (s.is_string()) out->push_back(s.get<std::string>());
    if (s.is_array()) {
      for (const Json& name : s) {
        if (name.is_string()) out->push_back(name.get<std::string>());
      }
    }
  }
}

// The line of `name`'s first appearance as a quoted string in `text` (1 if not found).
int LineOf(const std::string& text, const std::string& name) {
  size_t at = std::string::npos;
  for (const char* quote : {"\"", "'"}) {
    size_t found = text.find(quote + name + quote);
    if (found < at) at = found;
  }
  if (at == std::string::npos) return 1;
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
}

void Locate(const std::vector<std::string>& names, size_t from, const std::string& path,
            const std::string& text, std::map<std::string, std::pair<std::string, int>>* at) {
  for (size_t i = from; i < names.size(); ++i) at->emplace(names[i], std::make_pair(path, LineOf(text, names[i])));
}

void Read(const std::string& path, const GnSourceReader& read, std::set<std::string>* seen,
          ComponentManifest* out) {
  if (!seen->insert(path).second) return;
  std::optional<std::string> text = read(path);
  if (!text) {
    out->errors.push_back(AtFile(path, 0, 0, diag::kManifestUnreadable));
    return;
  }
  Json doc;
  try {
    doc = Json::parse(Json5ToJson(*text));
  } catch (const Json::parse_error& e) {
    // nlohmann reports a byte offset into the converted text, whose lines match the original.
    std::string converted = Json5ToJson(*text);
    int line = 1, column = 1;
    for (size_t k = 0; k + 1 < e.byte && k < converted.size(); ++k) {
      if (converted[k] == '\n') {
        ++line;
        column = 1;
      } else {
        ++column;
      }
    }
    out->errors.push_back(AtFile(path, line, column, diag::kManifestInvalid));
    return;
  }
  if (!doc.is_object()) {
    out->errors.push_back(AtFile(path, 1, 1, diag::kManifestNotAnObject));
    return;
  }
  if (doc.contains("include") && doc["include"].is_array()) {
    size_t slash = path.rfind('/');
    std::string dir = slash == std::string::npos ? "" : path.substr(0, slash);
    for (const Json& inc : doc["include"]) {
      if (!inc.is_string()) continue;
      std::string name = inc.get<std::string>();
      std::string resolved = name.rfind("//", 0) == 0 ? name.substr(2) : dir + "/" + name;
      // Shards outside the tree (syslog/client.shard.cml) come from the SDK: nothing to plan in them.
      if (read(resolved)) Read(resolved, read, seen, out);
    }
  }
  if (doc.contains("program") && doc["program"].is_object()) {
    const Json& program = doc["program"];
    if (program.contains("colocate")) {
      const Json& c = program["colocate"];
      if (c.is_boolean()) out->colocate = c.get<bool>();
      if (c.is_string()) out->colocate = c.get<std::string>() == "true";
    }
    if (program.contains("compat") && program["compat"].is_string()) {
      out->compat = true;
      out->binary = program["compat"].get<std::string>();
    } else if (program.contains("binary") && program["binary"].is_string() && out->binary.empty()) {
      out->binary = program["binary"].get<std::string>();
    }
  }
  size_t uses = out->use_services.size(), exposes = out->expose_services.size(),
         declared = out->capability_services.size();
  if (doc.contains("use")) CollectServices(doc["use"], &out->use_services);
  if (doc.contains("expose")) CollectServices(doc["expose"], &out->expose_services);
  if (doc.contains("capabilities")) CollectServices(doc["capabilities"], &out->capability_services);
  Locate(out->use_services, uses, path, *text, &out->use_at);
  Locate(out->expose_services, exposes, path, *text, &out->serve_at);
  Locate(out->capability_services, declared, path, *text, &out->serve_at);
}

}  // namespace

ComponentManifest ReadComponentManifest(const std::string& path, const GnSourceReader& read) {
  ComponentManifest manifest;
  std::set<std::string> seen;
  Read(path, read, &seen, &manifest);
  return manifest;
}

}  // namespace fdfkit::plan::scan
