#include "generators/banjo/banjo_generator.h"

namespace fdfkit::generators::banjo {

std::string LibraryPath(const std::string& library) {
  std::string path = library;
  for (char& c : path) c = c == '.' ? '/' : c;
  return path;
}

std::map<std::string, std::string> Generate(const LibraryView& library,
                                            const std::vector<BanjoBindings>& bindings) {
  std::map<std::string, std::string> files;
  std::string base = LibraryPath(library.name());
  for (BanjoBindings b : bindings) {
    switch (b) {
      case BanjoBindings::kC: files[base + "/c/banjo.h"] = CHeader(library); break;
      case BanjoBindings::kCpp:
        files[base + "/cpp/banjo.h"] = CppHeader(library);
        files[base + "/cpp/banjo-internal.h"] = CppInternalHeader(library);
        break;
      case BanjoBindings::kMock: files[base + "/cpp/banjo-mock.h"] = MockHeader(library); break;
    }
  }
  return files;
}

}  // namespace fdfkit::generators::banjo
