// `fdf-idl gen --bindings=wire|driver|channel`: C++ wire bindings (fidlgen_cpp's "wire" flavor)
// generated from a resolved library.
//   wire     fidl/<lib>/cpp/wire_types.h + wire_types.cc  domain objects, coding tables
//   channel  fidl/<lib>/cpp/wire_messaging.h              channel-transport protocols
//   driver   fidl/<lib>/cpp/driver/wire.h                 driver-transport protocols
// plus fidl/<lib>/cpp/wire.h, the umbrella Fuchsia code includes.
#ifndef FDFKIT_GENERATORS_CPP_CPP_GENERATOR_H_
#define FDFKIT_GENERATORS_CPP_CPP_GENERATOR_H_

#include <map>
#include <set>
#include <string>

#include "generators/library_view.h"

namespace fdfkit::generators::cpp {

enum class Bindings { kWire, kChannel, kDriver };

// Relative path → contents.
using GeneratedFiles = std::map<std::string, std::string>;

GeneratedFiles Generate(const LibraryView& library, const std::set<Bindings>& bindings);

// The pieces (also used by tests).
std::string WireTypesHeader(const LibraryView& library);
std::string WireTypesSource(const LibraryView& library);
std::string MessagingHeader(const LibraryView& library, bool driver);

}  // namespace fdfkit::generators::cpp

#endif  // FDFKIT_GENERATORS_CPP_CPP_GENERATOR_H_
