#include "runtime/driver/config/board_file.h"

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <set>

#include "runtime/driver/bind/legacy_keys.h"
#include "runtime/driver/config/json_input.h"

namespace fdfkit::driver {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

bool CheckFields(const JsonInput& input, const std::string& pointer, const Json& object,
                 std::initializer_list<const char*> known, const std::string& where) {
  bool ok = true;
  for (const auto& item : object.items()) {
    const std::string& key = item.key();
    if (std::none_of(known.begin(), known.end(), [&](const char* k) { return key == k; })) {
      input.Report(diag::kUnknownField, JsonInput::Child(pointer, key), key, where);
      ok = false;
    }
  }
  return ok;
}

bool ReadProperty(const JsonInput& input, const std::string& pointer, const std::string& key,
                  const Json& value, bind::Property* out) {
  char* end = nullptr;
  unsigned long number = key.starts_with("0x") ? std::strtoul(key.c_str() + 2, &end, 16) : 0;
  if (std::optional<uint32_t> legacy = bind::LegacyKeyId(key)) {
    out->key = *legacy;
  } else if (end && *end == '\0' && key.size() > 2 && number <= UINT32_MAX) {
    out->key = static_cast<uint32_t>(number);  // a legacy key by number: "0x0A10"
  } else {
    out->key = key;
  }
  if (value.is_number_unsigned() && value.get<uint64_t>() <= UINT32_MAX) {
    out->value = static_cast<uint32_t>(value.get<uint64_t>());
  } else if (value.is_boolean()) {
    out->value = value.get<bool>();
  } else if (value.is_string()) {
    out->value = value.get<std::string>();
  } else if (value.is_object() && value.size() == 1 && value.contains("enum") &&
             value["enum"].is_string()) {
    out->value = bind::EnumValue{value["enum"]};
  } else {
    input.Report(diag::kBadPropertyValue, pointer, key, value.dump());
    return false;
  }
  return true;
}

bool ReadNode(const JsonInput& input, const std::string& pointer, const Json& json,
              const std::string& parent, BoardNode* out) {
  if (!json.is_object()) {
    input.Report(diag::kWrongType, pointer, "a node", "an object");
    return false;
  }
  bool ok = CheckFields(input, pointer, json, {"name", "properties", "children"}, "a node");
  std::optional<std::string> name = input.String(pointer + "/name", "name");
  if (!name) {
    if (!json.contains("name")) input.Report(diag::kMissingField, pointer, "a node", "name");
    return false;
  }
  if (!IsValidNodeName(*name)) {
    input.Report(diag::kBadNodeName, pointer + "/name", *name);
    ok = false;
  }
  out->name = *name;
  std::string path = parent + "." + *name;
  if (const Json* properties = input.Find(pointer + "/properties")) {
    if (!properties->is_object()) {
      input.Report(diag::kWrongType, pointer + "/properties", "properties", "an object");
      ok = false;
    } else {
      std::set<std::string> seen;
      for (const auto& [key, value] : properties->items()) {
        bind::Property property;
        std::string at = JsonInput::Child(pointer + "/properties", key);
        if (!ReadProperty(input, at, key, value, &property)) {
          ok = false;
          continue;
        }
        // "fuchsia.BIND_PROTOCOL" and its integer are one key.
        if (!seen.insert(bind::KeyName(property.key)).second) {
          input.Report(diag::kDuplicateProperty, at, *name, key);
          ok = false;
          continue;
        }
        out->properties.push_back(std::move(property));
      }
    }
  }
  if (const Json* children = input.Find(pointer + "/children")) {
    if (!children->is_array()) {
      input.Report(diag::kWrongType, pointer + "/children", "children", "a list of nodes");
      return false;
    }
    std::set<std::string> names;
    for (size_t i = 0; i < children->size(); ++i) {
      std::string at = pointer + "/children/" + std::to_string(i);
      BoardNode child;
      if (!ReadNode(input, at, (*children)[i], path, &child)) {
        ok = false;
        continue;
      }
      if (!names.insert(child.name).second) {
        input.Report(diag::kDuplicateNodeName, at + "/name", child.name, path);
        ok = false;
        continue;
      }
      out->children.push_back(std::move(child));
    }
  }
  return ok;
}

}  // namespace

bool IsValidNodeName(std::string_view name) {
  return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
  });
}

std::optional<Board> ReadBoard(const SourceFile& file, Diagnostics* diagnostics) {
  size_t errors = diagnostics->error_count();
  std::optional<JsonInput> input = JsonInput::Parse(file, "board file", diagnostics);
  if (!input) return std::nullopt;
  const Json& root = input->root();
  if (!root.is_object()) {
    input->Report(diag::kWrongType, "", "the board file", "an object");
    return std::nullopt;
  }
  CheckFields(*input, "", root, {"name", "drivers", "nodes"}, "the board file");
  Board board;
  board.path = file.name();
  if (std::optional<std::string> name = input->String("/name", "name")) {
    board.name = *name;
  } else if (!root.contains("name")) {
    input->Report(diag::kMissingField, "", "the board file", "name");
  }
  const Json* drivers = input->Find("/drivers");
  if (drivers && !drivers->is_array()) {
    input->Report(diag::kWrongType, "/drivers", "drivers", "a list of manifest paths");
  }
  std::set<std::string> seen;
  for (size_t i = 0; drivers && drivers->is_array() && i < drivers->size(); ++i) {
    std::string pointer = "/drivers/" + std::to_string(i);
    std::optional<std::string> path = input->String(pointer, "drivers[" + std::to_string(i) + "]");
    if (!path) continue;
    std::string resolved = fs::path(*path).is_absolute()
                               ? *path
                               : (fs::path(file.name()).parent_path() / *path).lexically_normal().string();
    if (!seen.insert(resolved).second) {
      input->Report(diag::kDuplicateDriver, pointer, *path);
      continue;
    }
    board.drivers.push_back(resolved);
  }
  if (const Json* nodes = input->Find("/nodes")) {
    if (!nodes->is_array()) {
      input->Report(diag::kWrongType, "/nodes", "nodes", "a list of nodes");
    } else {
      std::set<std::string> names;
      for (size_t i = 0; i < nodes->size(); ++i) {
        std::string at = "/nodes/" + std::to_string(i);
        BoardNode node;
        if (!ReadNode(*input, at, (*nodes)[i], "root", &node)) continue;
        if (!names.insert(node.name).second) {
          input->Report(diag::kDuplicateNodeName, at + "/name", node.name, "root");
          continue;
        }
        board.nodes.push_back(std::move(node));
      }
    }
  }
  if (diagnostics->error_count() != errors) return std::nullopt;
  return board;
}

}  // namespace fdfkit::driver
