// The dual-mode classes of a protocol whose clone a service carries (shims/README.md, "Three
// ways to run dual-mode"); nothing is written for a protocol no service names.
#ifndef FDFKIT_SHIMS_SHIM_DUAL_H_
#define FDFKIT_SHIMS_SHIM_DUAL_H_

#include <ostream>

#include "generators/library_view.h"
#include "shims/shim_plan.h"

namespace fdfkit::shims {

// FooDualServer<D> and FooDualFidlServer<D>.
void WriteDualServer(const generators::LibraryView& fidl, const ProtocolPlan& plan,
                     std::ostream& out);
// FooDualClient.
void WriteDualClient(const generators::LibraryView& fidl, const ProtocolPlan& plan,
                     std::ostream& out);

}  // namespace fdfkit::shims

#endif  // FDFKIT_SHIMS_SHIM_DUAL_H_
