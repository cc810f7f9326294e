// How the C++ banjo bindings spell what C spells differently: handles, which C++ receives as
// zx:: objects (`zx_handle_t vmo` → `zx::vmo vmo`, `zx_handle_t* out_irq` → `zx::interrupt*
// out_irq`), and so the parameters of the methods a driver implements for a ddk::FooProtocol
// mixin. The mixin (banjo_cpp.cc), its signature checks and the mocks (banjo_mock.cc) all read
// them here, so a mock always has the signature its mixin asserts.
#ifndef FDFKIT_GENERATORS_BANJO_BANJO_CPP_TYPES_H_
#define FDFKIT_GENERATORS_BANJO_BANJO_CPP_TYPES_H_

#include <string>
#include <vector>

#include "generators/banjo/banjo_signatures.h"

namespace fdfkit::generators::banjo {

// The zx:: objects with a header of their own; any other subtype (or none) is a zx::handle.
inline const std::vector<std::string>& CppHandleSubtypes() {
  static const std::vector<std::string> subtypes = {
      "VMO",  "INTERRUPT", "BTI",      "CHANNEL", "EVENT", "EVENTPAIR", "SOCKET",
      "PORT", "TIMER",     "RESOURCE", "FIFO",    "PMT",   "IOMMU",     "PROFILE",
      "JOB",  "PROCESS",   "THREAD",   "VMAR",    "CLOCK", "STREAM",    "MSI"};
  return subtypes;
}

// `vmo` for "VMO" (any case), `handle` for an unknown or empty subtype.
inline std::string CppHandleObject(const std::string& subtype) {
  std::string upper;
  for (char c : subtype) upper += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  for (const std::string& known : CppHandleSubtypes()) {
    if (known != upper) continue;
    std::string lower;
    for (char c : known) lower += static_cast<char>(c - 'A' + 'a');
    return lower;
  }
  return "handle";
}

// `zx::vmo`, or `zx::handle`.
inline std::string CppHandleType(const std::string& subtype) {
  return "zx::" + CppHandleObject(subtype);
}

// `lib/zx/vmo.h`, or `lib/zx/handle.h` (without the angle brackets).
inline std::string CppHandleHeader(const std::string& subtype) {
  return "lib/zx/" + CppHandleObject(subtype) + ".h";
}

// The parameters of `<Protocol><Method>` as a ddk::FooProtocol mixin's implementer declares it:
// MethodSignature::CParams() with each in handle a `zx::<object> name` and each out handle a
// `zx::<object>* out_name`. Everything else (handles in vectors, server ends, protocols,
// callbacks, @async's callback and cookie) keeps its C form.
inline std::vector<CDeclarator> CppMixinParams(const MethodSignature& method) {
  std::vector<CDeclarator> out;
  auto add = [&out](const Param& p) {
    if (p.shape == Shape::kHandle && p.c.size() == 1) {
      out.push_back({CppHandleType(p.handle_subtype) + (p.out ? "*" : ""), p.c[0].name, ""});
    } else {
      out.insert(out.end(), p.c.begin(), p.c.end());
    }
  };
  for (const Param& p : method.in) add(p);
  if (method.is_async) {
    out.push_back({method.names.c_callback, "callback", ""});
    out.push_back({"void*", "cookie", ""});
    return out;
  }
  for (const Param& p : method.out) add(p);
  return out;
}

}  // namespace fdfkit::generators::banjo

#endif  // FDFKIT_GENERATORS_BANJO_BANJO_CPP_TYPES_H_
