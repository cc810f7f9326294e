// The text a planned banjo client call becomes (call_plan.h's plan, rendered): the FIDL call on
// the clone's transport, and what unpacks its result, continues it (@async), or replies with it
// (a server forwarding its request).
#ifndef FDFKIT_MIGRATE_DRIVER_CALL_TEXT_H_
#define FDFKIT_MIGRATE_DRIVER_CALL_TEXT_H_

#include <string>
#include <vector>

#include "migrate/driver/call_plan.h"
#include "migrate/driver/mapping_index.h"

namespace fdfkit::driver_migration {

// `client.buffer(arena)->Method(request...)`, through sync() on an fdf::WireClient (one the
// driver also calls @async) for a call that waits for its reply; on Zircon channels
// `client->Method(request...)`, whose request the bindings build in a buffer of the call's own.
std::string FidlCallText(const ProtocolMapping& protocol, const std::string& client, bool arrow,
                         bool through_sync, const std::string& arena,
                         const std::string& fidl_method, const std::vector<std::string>& request);

// Whether the call needs the function's arena: every driver-transport call does; a channel call
// builds its request in a buffer of its own, so only for what its reply's lists are copied into.
bool CallNeedsArena(const ProtocolMapping& protocol, const CallPlan& plan);

// The text that replaces a two-way or one-way banjo call: `fidl_call` itself, or a lambda run in
// place that unpacks its result. `indent` is the statement's line indentation; `unused`, whether
// the banjo call's value was thrown away.
std::string CallText(const CallPlan& plan, const std::string& fidl_call, bool error_syntax,
                     bool unused, const std::string& result, const std::string& indent);

// The text that replaces an @async banjo call: `fidl_call` continued with ThenExactlyOnce, whose
// callback (of the method marked `method_marker`) calls the banjo callback with its cookie once,
// with the status and the reply's fields, or with the error and empty values.
std::string AsyncCallText(const CallPlan& plan, const std::string& fidl_call,
                          const ProtocolMapping& client, const std::string& method_marker,
                          const std::string& result, const std::string& indent);

// The same for an @async call a server method makes with its own callback and cookie (a layer
// forwarding a request down): the continuation holds the server's completer instead and replies
// with what the reply brought (on an arena of its own, for a server on the driver transport).
// `method_marker` is the client's method, on `client`'s transport; the reply is on `server`'s.
std::string ForwardedAsyncCallText(const CallPlan& plan, const std::string& fidl_call,
                                   const ProtocolMapping& client, const std::string& method_marker,
                                   const ProtocolMapping& server, const std::string& result,
                                   const std::string& indent);

}  // namespace fdfkit::driver_migration

#endif  // FDFKIT_MIGRATE_DRIVER_CALL_TEXT_H_
