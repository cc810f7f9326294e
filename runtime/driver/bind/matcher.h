// Evaluates compiled bind rules against node properties, fast enough for an index that checks
// every node against every driver. Loading a program maps its symbols into a SymbolTable shared
// by all loaded programs, and a node's properties are converted once into a PropertySet over the
// same symbols; a match is then integer comparisons only, with no allocation.
//
// Loading (Intern) is single-threaded; matching only reads and may run on any number of threads.
#ifndef FDFKIT_RUNTIME_DRIVER_BIND_MATCHER_H_
#define FDFKIT_RUNTIME_DRIVER_BIND_MATCHER_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "runtime/driver/bind/program.h"
#include "runtime/driver/bind/properties.h"

namespace fdfkit::bind {

class SymbolTable {
 public:
  uint32_t Intern(std::string_view text);
  // kNoSymbol when no loaded program mentions `text`.
  uint32_t Find(std::string_view text) const;

 private:
  std::unordered_map<std::string, uint32_t> ids_;
};

// A node's properties over a SymbolTable, sorted by key. Keys no program mentions are dropped
// (no rule can test them); string values no program mentions keep kNoSymbol (they equal nothing).
class PropertySet {
 public:
  PropertySet(const Properties& properties, const SymbolTable& symbols);
  struct Entry {
    uint32_t key;
    ProgramValue value;
  };
  // The entries with `key` (a node may carry a key more than once).
  std::span<const Entry> Find(uint32_t key) const;

 private:
  std::vector<Entry> entries_;
};

class LoadedProgram {
 public:
  LoadedProgram(const Program& program, SymbolTable* symbols);

  bool is_composite() const { return !composite_name_.empty(); }
  const std::string& composite_name() const { return composite_name_; }
  size_t node_count() const { return nodes_.size(); }
  const std::string& node_name(size_t node) const { return nodes_[node].name; }
  NodeKind node_kind(size_t node) const { return nodes_[node].kind; }

  // Whether node `node` of the rules (0 for plain rules; 0 is a composite's primary) accepts a
  // device with `properties`.
  bool Matches(size_t node, const PropertySet& properties) const;

 private:
  struct Step {
    Op op;
    bool equal;
    uint32_t key;
    uint32_t values_begin, values_count;
    uint32_t target;
  };
  struct Node {
    std::string name;
    NodeKind kind;
    std::vector<Step> code;
  };
  bool Holds(const Step& step, const PropertySet& properties) const;

  std::string composite_name_;
  std::vector<Node> nodes_;
  std::vector<ProgramValue> values_;
};

}  // namespace fdfkit::bind

#endif  // FDFKIT_RUNTIME_DRIVER_BIND_MATCHER_H_
