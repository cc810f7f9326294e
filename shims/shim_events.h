// The shims of an interface mapping.json turned into events (EventsPlan): written into the
// FooBanjoOverDriver and FooDriverOverBanjo classes of the protocol that has them.
#ifndef FDFKIT_SHIMS_SHIM_EVENTS_H_
#define FDFKIT_SHIMS_SHIM_EVENTS_H_

#include <ostream>
#include <string>

#include "shims/shim_plan.h"

namespace fdfkit::shims {

// The class comment's line about events ("" without any).
std::string EventsComment(const ProtocolPlan& plan);
// FooBanjoOverDriver's `Events` handler class and member (an EventRelay to the registered
// banjo interface).
void WriteEventHandler(const ProtocolPlan& plan, const Conversions& conversions,
                       std::ostream& out);
// FooDriverOverBanjo's private part: the interface it registers (`ServeEvents`), whose calls
// send the events on the connection named.
void WriteEventSender(const ProtocolPlan& plan, const Conversions& conversions,
                      std::ostream& out);

}  // namespace fdfkit::shims

#endif  // FDFKIT_SHIMS_SHIM_EVENTS_H_
