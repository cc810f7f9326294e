// Runs Fuchsia's bind test format against compiled rules. A spec is a JSON list of cases
//   {"name": "...", "expected": "match" | "abort", "device": {KEY: VALUE, ...}}
// or, for a composite, a list of {"node": "NAME", "tests": [cases]}. KEY is a key as the rules
// file would write it (its `using`s apply). VALUE is a JSON number (uint), a bool, or a string:
// a declared value's name (`fuchsia.platform.BIND_PROTOCOL.DEVICE`), else, for a string key, the
// string itself; `"\"text\""` is always the string `text`.
#ifndef FDFKIT_RUNTIME_DRIVER_BIND_BIND_TEST_H_
#define FDFKIT_RUNTIME_DRIVER_BIND_BIND_TEST_H_

#include <string>
#include <vector>

#include "runtime/driver/bind/compiler.h"
#include "runtime/driver/bind/diagnostics.h"

namespace fdfkit::bind {

struct BindTestResult {
  std::string path;  // "$[1]" or "$[0].tests[2]"
  std::string name;
  std::string node;  // "" for plain rules
  bool expected_match = false;
  bool matched = false;
  bool passed() const { return expected_match == matched; }
};

// Reads `spec` and runs every case. Problems with the spec are reported and no case runs; a case
// whose verdict differs is reported as TestFailed. Returns the cases that ran.
std::vector<BindTestResult> RunBindTests(const CompiledRules& rules, const Libraries& libraries,
                                         const SourceFile& spec, Diagnostics* diagnostics);

}  // namespace fdfkit::bind

#endif  // FDFKIT_RUNTIME_DRIVER_BIND_BIND_TEST_H_
