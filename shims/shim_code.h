// The pieces of C++ every shim class is written from (shim_generator, shim_events, shim_dual):
// the locals a banjo value is kept in, the forms a parameter takes, the names of both sides.
#ifndef FDFKIT_SHIMS_SHIM_CODE_H_
#define FDFKIT_SHIMS_SHIM_CODE_H_

#include <functional>
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "shims/shim_plan.h"

namespace fdfkit::shims {

// Names of the C locals a shim keeps a banjo value in, in the field form (`v_data_list`,
// `v_data_count`), and the arguments that pass them in the in-parameter form.
struct Locals {
  std::string declarations;            // `uint32_t v_index{};\n`...
  std::vector<std::string> field_form;  // one per field-form declarator
  std::vector<std::string> arguments;   // in-parameter form
};
Locals LocalsFor(const Param& p, const std::string& indent, const std::string& prefix = "v_");

// The field-form expressions of an in-parameter named as in the C signature.
std::vector<std::string> InFieldForm(const Param& p);
bool IsStatus(const Param& p);
// Whether what a call hands back may point into its arena (which the shim then keeps until the
// method is called again): anything but scalars, handles and caller-owned buffers.
bool KeepsMemory(const MethodPlan& plan);

std::string FidlProtocol(const ProtocolPlan& plan);  // `::lib::Foo`
std::string Field(const flat::StructMember* f);       // a wire member's C++ name
// The C struct a banjo user holds: `foo_protocol_t` ({ops, ctx}), or a ddk-callback's
// `foo_t` ({callback, ctx}).
bool IsCallback(const ProtocolPlan& plan);
std::string ProtoType(const ProtocolPlan& plan);
bool PassesInterfaces(const ProtocolPlan& plan);
// What differs with the clone's transport (ProtocolPlan::channel): the bindings' namespace
// (`::fdf`, `::fidl`), the adapters' names (FooBanjoOverDriver, FooBanjoOverChannel;
// FooDriverOverBanjo, FooChannelOverBanjo) and how comments name the transport.
std::string TransportNs(const ProtocolPlan& plan);
std::string BanjoOverName(const ProtocolPlan& plan);
std::string OverBanjoName(const ProtocolPlan& plan);
std::string TransportText(const ProtocolPlan& plan);  // `driver-transport`, `Zircon-channel`
// `return <status>;` in a function returning what `m` returns (zero values, or nothing).
std::string Returning(const MethodSignature& m, const std::string& status);
std::string WireTypeDefault(const flat::Type& type);  // `::lib::wire::Foo{}`
// `lines` with `more` added at the start of each line.
std::string Indented(const std::string& lines, const std::string& more);

// The banjo in-parameters `m` is called with, kept in locals converted from the wire fields
// `from(field)`: views into the message when the call happens while it lives, else (`copy`)
// copies on `arena`. Locals are named `v_<param>`; `access` ("pending->") prefixes them where the
// conversions and the call use them. `hook` may write a parameter itself (and return true).
struct InLocals {
  std::string declarations;  // `nand_read_write_t v_op{};`, one per line, indented by four
  std::string conversions;   // the statements filling them
  std::vector<std::string> arguments;
  std::map<const Param*, size_t> first_argument;  // where each parameter's arguments start
  std::string close_lent;    // closes the handles lent inside them, once the callee returned
  std::string close_moved;   // closes the handles they move, for a call that never happens
};
using FieldSource = std::function<std::string(const flat::StructMember*)>;
using ParamHook = std::function<bool(const Param&, const Binding&, std::vector<std::string>*,
                                     std::ostream&)>;
InLocals InLocalsFromWire(const Conversions& conversions, const MethodSignature& m,
                          const std::vector<Binding>& bindings, const FieldSource& from,
                          bool copy, const ParamHook& hook = nullptr,
                          const std::string& access = "");

}  // namespace fdfkit::shims

#endif  // FDFKIT_SHIMS_SHIM_CODE_H_
