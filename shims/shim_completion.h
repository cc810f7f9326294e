// Requests handed back through a callback of another library (shim_plan.h's Completion): usb's
// RequestQueue(usb_request, complete_cb) keeps the request until `complete_cb` returns it, later
// and on the bus driver's thread. Planned here, and written for both shim directions:
//
//   banjo caller → FooBarCompletion (served for the FIDL server's callback) writes the answer
//                  into the caller's own request, runs its callback once, or cancels;
//   FIDL caller  → the server shim keeps the request (with the banjo server's private part)
//                  and the caller's client end until the banjo callback hands it back.
#ifndef FDFKIT_SHIMS_SHIM_COMPLETION_H_
#define FDFKIT_SHIMS_SHIM_COMPLETION_H_

#include <optional>
#include <string>

#include "shims/shim_conversions.h"
#include "shims/shim_plan.h"

namespace fdfkit::shims {

// Sets `plan->completion` when a binding passes another library's callback (Binding::foreign);
// why such a method cannot be shimmed, if so.
std::optional<std::string> PlanCompletion(MethodPlan* plan);

// `FooBarCompletion`: the server a banjo caller's callback is reached through.
std::string CompletionClassName(const ProtocolPlan& protocol, const MethodPlan& plan);
std::string CompletionClass(const ProtocolPlan& protocol, const MethodPlan& plan,
                            const Conversions& conversions);
// The statements of the banjo op (BanjoOverDriver), after `self` is declared.
std::string CompletionBanjoCall(const ProtocolPlan& protocol, const MethodPlan& plan,
                                const Conversions& conversions);
// The statements of the FIDL method (DriverOverBanjo) calling `target` (`banjo_.ops->x`);
// `sized`: the request gets the private part OpSize() asks for.
std::string CompletionFidlCall(const flat::Method& fidl, const MethodPlan& plan,
                               const Conversions& conversions, const std::string& target,
                               bool sized);

}  // namespace fdfkit::shims

#endif  // FDFKIT_SHIMS_SHIM_COMPLETION_H_
