// How the rewrites spell a clone's bindings on its transport: the driver transport's (fdf::, an
// fdf::Arena handed to every call and server method) or Zircon channels' (fidl::, where the
// bindings allocate their own buffers and a method takes no arena).
#ifndef FDFKIT_MIGRATE_DRIVER_WIRE_SPELLING_H_
#define FDFKIT_MIGRATE_DRIVER_WIRE_SPELLING_H_

#include <string>

#include "migrate/driver/mapping_index.h"

namespace fdfkit::driver_migration {

bool OnChannel(const ProtocolMapping& protocol);
// A library every protocol of which is cloned onto Zircon channels: its C++ bindings are the
// channel ones (`<fidl/LIB/cpp/wire.h>`, GN `LIB_cpp`).
bool OnChannel(const LibraryMapping& library);

// "fdf" or "fidl": the namespace of WireServer, WireSyncClient, WireClient, ClientEnd,
// WireUnownedResult, ServerBindingGroup for the protocol.
std::string BindingsNamespace(const ProtocolMapping& protocol);

// "/cpp/driver/wire.h" or "/cpp/wire.h", after "fidl/LIB".
std::string WireHeaderSuffix(const LibraryMapping& library);
// "_cpp_driver" or "_cpp": the bindings' GN target, after the library's name.
std::string CppBindingsTargetSuffix(const LibraryMapping& library);

// The declaration of an arena called `name` for the protocol's calls or replies:
// `fdf::Arena name('TAG');` or `fidl::Arena name;`.
std::string ArenaDeclaration(const ProtocolMapping& protocol, const std::string& name);
// What a server method's reply is sent through: `completer.buffer(arena).` (the method's arena)
// or `completer.` (the channel bindings' own buffer).
std::string ReplyThrough(const ProtocolMapping& protocol);
// The arena parameter of a server method's FIDL signature, with its comma: "fdf::Arena& arena, "
// or nothing.
std::string ServerArenaParameter(const ProtocolMapping& protocol);
// `count` elements of `type` on the arena called `arena` (uninitialized on the driver transport,
// as fdf::Arena::Allocate gives them; value-initialized on a fidl::Arena).
std::string AllocateArray(const ProtocolMapping& protocol, const std::string& arena,
                          const std::string& type, const std::string& count);

}  // namespace fdfkit::driver_migration

#endif  // FDFKIT_MIGRATE_DRIVER_WIRE_SPELLING_H_
