// One fuzzer input as up to five files, separated by a line `---`, so imports between libraries,
// duplicate declarations across files and import cycles get exercised too.
#ifndef FDFKIT_FUZZ_SPLIT_INPUT_H_
#define FDFKIT_FUZZ_SPLIT_INPUT_H_

#include <string>
#include <string_view>
#include <vector>

inline std::vector<std::string_view> SplitFiles(std::string_view input) {
  std::vector<std::string_view> files;
  constexpr std::string_view kSeparator = "\n---\n";
  while (files.size() < 4) {
    size_t at = input.find(kSeparator);
    if (at == std::string_view::npos) break;
    files.push_back(input.substr(0, at));
    input.remove_prefix(at + kSeparator.size());
  }
  files.push_back(input);
  return files;
}

// Alternating extensions: `.banjo` switches the parser's banjo dialect detection on.
inline std::string FuzzFileName(size_t i) {
  return "input" + std::to_string(i) + (i % 2 ? ".banjo" : ".fidl");
}

#endif  // FDFKIT_FUZZ_SPLIT_INPUT_H_
