// `fdf-idl gen --bindings=banjo-c,banjo-cpp,banjo-mock`: the banjo bindings fidlgen_banjo
// produced, drop-in compatible (same type names, field order, ops-table members, helpers, C++
// mixins, clients and mocks), for the banjo protocols of a library:
//   banjo-c     <lib path>/c/banjo.h                 C types, ops tables, inline helpers
//   banjo-cpp   <lib path>/cpp/banjo.h               ddk::FooProtocol mixins, ddk::FooProtocolClient
//               <lib path>/cpp/banjo-internal.h      the mixins' compile-time signature checks
//   banjo-mock  <lib path>/cpp/banjo-mock.h          ddk::MockFoo
// where <lib path> is the library name with `.` → `/` (`fuchsia/hardware/gpio`).
#ifndef FDFKIT_GENERATORS_BANJO_BANJO_GENERATOR_H_
#define FDFKIT_GENERATORS_BANJO_BANJO_GENERATOR_H_

#include <map>
#include <string>
#include <vector>

#include "generators/library_view.h"

namespace fdfkit::generators::banjo {

enum class BanjoBindings { kC, kCpp, kMock };

// Relative path → contents.
std::map<std::string, std::string> Generate(const LibraryView& library,
                                            const std::vector<BanjoBindings>& bindings);

// `fuchsia.hardware.gpio` → `fuchsia/hardware/gpio`.
std::string LibraryPath(const std::string& library);

// The pieces (also used by tests).
std::string CHeader(const LibraryView& library);
std::string CppHeader(const LibraryView& library);
std::string CppInternalHeader(const LibraryView& library);
std::string MockHeader(const LibraryView& library);

}  // namespace fdfkit::generators::banjo

#endif  // FDFKIT_GENERATORS_BANJO_BANJO_GENERATOR_H_
