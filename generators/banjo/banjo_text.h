// Text every banjo backend writes the same way: the banner, doc comments, and the banjo
// protocols of a library in order.
#ifndef FDFKIT_GENERATORS_BANJO_BANJO_TEXT_H_
#define FDFKIT_GENERATORS_BANJO_BANJO_TEXT_H_

#include <string>
#include <vector>

#include "generators/banjo/banjo_signatures.h"

namespace fdfkit::generators::banjo {

// `// WARNING: ...` banner naming the library.
std::string Banner(const LibraryView& library);
// The `///` docs of a declaration or member as `// ` lines at `indent`.
std::string DocComment(const raw::AttributeList& attrs, const std::string& indent);
// The banjo protocols of a library, in declaration order.
std::vector<ProtocolSignature> BanjoProtocols(const LibraryView& library);
// `a, b, c`.
std::string Join(const std::vector<std::string>& items, const std::string& separator = ", ");
// Declarators joined as a parameter list.
std::string ParameterList(const std::vector<CDeclarator>& params);

}  // namespace fdfkit::generators::banjo

#endif  // FDFKIT_GENERATORS_BANJO_BANJO_TEXT_H_
