// The bind libraries a compilation sees: the built-in `fuchsia` library of legacy keys and the
// library files passed with --include. Declares their keys and values and resolves the dotted
// names a rules file (or a bind test) writes: `lib.KEY` is a key, `lib.KEY.VALUE` a value, where
// `lib` is a library the file imports (by name or `as` alias) and KEY may be another library's key
// that `lib` extends (`fuchsia.platform.BIND_PROTOCOL.DEVICE`).
#ifndef FDFKIT_RUNTIME_DRIVER_BIND_LIBRARIES_H_
#define FDFKIT_RUNTIME_DRIVER_BIND_LIBRARIES_H_

#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "runtime/driver/bind/ast.h"
#include "runtime/driver/bind/diagnostics.h"
#include "runtime/driver/bind/program.h"

namespace fdfkit::bind {

struct Key {
  std::string name;  // full: "fuchsia.BIND_PROTOCOL", "fuchsia.gpio.FUNCTION"
  ValueType type = ValueType::kUint;
  std::string where;  // "file:line:col" of its declaration ("" for built-ins)
};

// A declared or literal value, typed. `text` holds a string, or an enum value's full name.
struct Constant {
  ValueType type = ValueType::kUint;
  uint32_t number = 0;  // kUint; 0/1 for kBool
  std::string text;
  std::string Display() const;  // 20, true, "text", lib.KEY.NAME
  bool operator==(const Constant&) const = default;
};

// What a rules file (or library) can see: library names and aliases → library name.
struct Scope {
  std::map<std::string, std::string> visible;
  // Imports that named an unknown library (already reported): names under them report nothing.
  std::vector<std::string> missing;
  const SourceFile* file = nullptr;
};

class Libraries {
 public:
  explicit Libraries(Diagnostics* diagnostics);

  // Parses one library file and keeps it; false after a syntax error or a duplicate library.
  bool Add(std::unique_ptr<SourceFile> file);
  // Declares every library added so far (their keys, extensions and values); reports what is
  // wrong with them. Returns false on errors.
  bool Resolve();

  // The scope of a file's `using` lines, reporting unknown and duplicate imports.
  Scope ImportsOf(const std::vector<ast::Using>& usings, const SourceFile& file);

  // Resolves a dotted name in `scope`. Reports (at `offset` of `scope.file`) and returns nullptr /
  // std::nullopt when it is not a key / not a value. A value's key is stored in `value_key`.
  const Key* LookupKey(const Scope& scope, const std::string& name, size_t offset);
  std::optional<Constant> LookupValue(const Scope& scope, const std::string& name, size_t offset,
                                      const Key** value_key = nullptr);
  // The same without reporting: the diagnostic is returned in `error` (bind tests place it in
  // their JSON themselves).
  const Key* FindKey(const Scope& scope, const std::string& name, support::Diagnostic* error) const;
  std::optional<Constant> FindValue(const Scope& scope, const std::string& name,
                                    support::Diagnostic* error,
                                    const Key** value_key = nullptr) const;

 private:
  struct Library {
    std::string name;
    std::unique_ptr<SourceFile> file;  // null for the built-in library
    std::optional<ast::LibraryFile> syntax;
    std::map<std::string, const Key*> keys;  // local key name (own or extended) → key
    struct Entry {
      Constant value;
      const Key* key;
      std::string where;
    };
    std::map<std::string, Entry> values;  // "KEY.VALUE" → value
    enum class State { kPending, kResolving, kDone } state = State::kPending;
  };
  // What a dotted name denotes: a key, a value (and its key), or why neither.
  struct Found {
    const Key* key = nullptr;
    std::optional<Constant> value;
    const Key* value_key = nullptr;
    support::Diagnostic error;
    bool already_reported = false;  // under a missing import
  };
  Found Find(const Scope& scope, const std::string& name) const;
  bool ResolveLibrary(Library* library, std::vector<std::string>* path);
  bool Declare(Library* library, const ast::KeyDeclaration& declaration, const Scope& scope);
  std::optional<Constant> Literal(const ast::Value& literal, const Key& key,
                                  const std::string& value_name, const SourceFile& file);

  Diagnostics* diagnostics_;
  std::map<std::string, Library> libraries_;
  std::deque<Key> keys_;
};

}  // namespace fdfkit::bind

#endif  // FDFKIT_RUNTIME_DRIVER_BIND_LIBRARIES_H_
