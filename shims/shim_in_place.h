// Data a banjo callee wrote in place in every element of a vector in-parameter, which the clone
// returns as a response vector of one struct per element (ElementWriteBack): back into the banjo
// caller's own element buffers, and out of a banjo server's elements into the FIDL reply.
#ifndef FDFKIT_SHIMS_SHIM_IN_PLACE_H_
#define FDFKIT_SHIMS_SHIM_IN_PLACE_H_

#include <string>

#include "shims/shim_plan.h"

namespace fdfkit::shims {

// FooBanjoOverDriver, after a successful call: statements copying `response.<field>[i]` into
// the caller's elements (`op_list[i].data_buffer`), each bounded by that element's own count.
// Nothing is copied unless every entry fits (else `copied` = ZX_ERR_BUFFER_TOO_SMALL) and the
// server returned one entry per element (else `copied` = ZX_ERR_INTERNAL).
std::string ElementWriteBackToBanjo(const ElementWriteBack& w, const std::string& indent);

// FooDriverOverBanjo, after the banjo call: statements building the response vector from what
// the callee wrote in the locals `v_<list>` (on `arena`), and the expression naming it.
struct ReplyValue {
  std::string statements;
  std::string value;
};
ReplyValue ElementWriteBackToWire(const Conversions& conversions, const ElementWriteBack& w,
                                  const std::string& indent);

// The method a banjo protocol tells callers how many bytes to allocate per op with (a
// `*_op_size` result of a synchronous method taking nothing: block's and nand's Query; or what
// usb's GetRequestSize returns), if any: a banjo driver that owns an op until its callback may
// use the bytes after it.
const MethodPlan* OpSizeMethod(const ProtocolPlan& plan);
// The out-parameter local (`out_v_block_op_size`) that method's size lands in; empty when the
// method returns it.
std::string OpSizeOut(const MethodSignature& m);

}  // namespace fdfkit::shims

#endif  // FDFKIT_SHIMS_SHIM_IN_PLACE_H_
