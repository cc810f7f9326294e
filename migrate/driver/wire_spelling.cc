#include "migrate/driver/wire_spelling.h"

#include <algorithm>

namespace fdfkit::driver_migration {

bool OnChannel(const ProtocolMapping& protocol) { return protocol.transport == "channel"; }

bool OnChannel(const LibraryMapping& library) {
  return !library.protocols.empty() &&
         std::all_of(library.protocols.begin(), library.protocols.end(),
                     [](const ProtocolMapping& protocol) { return OnChannel(protocol); });
}

std::string BindingsNamespace(const ProtocolMapping& protocol) {
  return OnChannel(protocol) ? "fidl" : "fdf";
}

std::string WireHeaderSuffix(const LibraryMapping& library) {
  return OnChannel(library) ? "/cpp/wire.h" : "/cpp/driver/wire.h";
}

std::string CppBindingsTargetSuffix(const LibraryMapping& library) {
  return OnChannel(library) ? "_cpp" : "_cpp_driver";
}

std::string ArenaDeclaration(const ProtocolMapping& protocol, const std::string& name) {
  return OnChannel(protocol) ? "fidl::Arena " + name + ";"
                             : "fdf::Arena " + name + "('" + ArenaTag(protocol) + "');";
}

std::string ReplyThrough(const ProtocolMapping& protocol) {
  return OnChannel(protocol) ? "completer." : "completer.buffer(arena).";
}

std::string ServerArenaParameter(const ProtocolMapping& protocol) {
  return OnChannel(protocol) ? "" : "fdf::Arena& arena, ";
}

std::string AllocateArray(const ProtocolMapping& protocol, const std::string& arena,
                          const std::string& type, const std::string& count) {
  if (OnChannel(protocol)) return arena + ".AllocateVector<" + type + ">(" + count + ")";
  std::string bytes = type == "char" ? count : "sizeof(" + type + ") * " + count;
  return "static_cast<" + type + "*>(" + arena + ".Allocate(" + bytes + "))";
}

}  // namespace fdfkit::driver_migration
