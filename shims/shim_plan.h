// Which banjo parameter meets which FIDL field, method by method, read from migrate-protocol's
// mapping.json and checked against both compiled libraries: the plan every shim class is
// written from.
#ifndef FDFKIT_SHIMS_SHIM_PLAN_H_
#define FDFKIT_SHIMS_SHIM_PLAN_H_

#include <nlohmann/json.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "generators/banjo/banjo_signatures.h"
#include "shims/shim_conversions.h"

namespace fdfkit::shims {

using generators::banjo::MethodSignature;
using generators::banjo::ProtocolSignature;

// One banjo parameter and the FIDL field it travels in (none: dropped, or the error).
struct Binding {
  const Param* param = nullptr;
  enum class Role { kIn, kOut, kReturned, kCallback } role = Role::kIn;
  const flat::StructMember* field = nullptr;  // in the request or the (success) response
  bool is_error = false;                      // the status that became `error zx.Status`
  // An interface or callback parameter that became `client_end:Q`: the banjo protocol of this
  // library whose shims carry it (its DriverOverBanjo serves Q for a banjo caller's interface,
  // its BanjoOverDriver makes a banjo interface of a FIDL caller's client end).
  std::string reverse;
  // `reverse` is a ddk-callback of another library: only a Completion carries one.
  bool foreign = false;
};

// The binding of `field` among `bindings`, or null.
const Binding* BindingOfField(const std::vector<Binding>& bindings,
                              const flat::StructMember* field);

// In-place fields of every element of a vector in-parameter, which the mapping returns as a
// response vector of one struct per element, in order (`op[].data` → `read`, i2cimpl's
// ReadData): the banjo callee wrote them through the caller's element pointers.
struct ElementWriteBack {
  const Param* param = nullptr;               // the vector in-parameter (`op`)
  const flat::StructMember* field = nullptr;  // the response vector (`read`)
  struct Written {
    const flat::StructMember* banjo;  // a field of the banjo element (`data`)
    const flat::StructMember* fidl;   // the same field of the response element
  };
  std::vector<Written> fields;
};

// A request the server keeps until a callback of another library hands it back, later and from
// any thread (usb's RequestQueue: `complete_cb` gets `usb_request` back). The shims write it
// into the caller's own request and run the caller's callback exactly once; the request's own
// status reports a cancellation.
struct Completion {
  const Param* request = nullptr;   // the @in_out in-parameter
  const Param* callback = nullptr;  // the ddk-callback parameter
  const flat::StructMember* request_field = nullptr;  // the request's FIDL field
  const flat::Protocol* fidl = nullptr;  // the callback's clone
  const flat::Method* method = nullptr;  // its one method, handing the request back
  MethodSignature handed;                // the same method, banjo side
  std::string status;    // the request's zx.Status as a C member path (`response.status`)
  struct Buffer {
    std::string list, count;  // C members
    bool writable = false;    // @mutable: the server's answer is copied into the caller's
  };
  std::vector<Buffer> buffers;
};

struct MethodPlan {
  const MethodSignature* banjo = nullptr;
  const flat::Method* fidl = nullptr;
  std::string fidl_name;
  std::vector<Binding> bindings;
  std::vector<const flat::StructMember*> request;   // the FIDL request fields, in order
  std::vector<const flat::StructMember*> response;  // the (success) response fields, in order
  bool error_syntax = false;
  std::vector<ElementWriteBack> element_write_backs;
  std::optional<std::string> left_out;  // why this method is not shimmed
  std::shared_ptr<const Param> returned;  // the value C returns, as a parameter
  // A banjo method with `error zx.Status` returns a status no payload member names: this one.
  std::shared_ptr<const flat::StructMember> returned_error;
  std::optional<Completion> completion;
  const Binding* ForField(const flat::StructMember* field) const;
  const ElementWriteBack* WriteBackOf(const flat::StructMember* field) const;
};

// A banjo interface method that became an event of the FIDL protocol (mapping rows of kind
// "event"): its in-parameters against the event's fields.
struct EventPlan {
  const MethodSignature* banjo = nullptr;  // a method of EventsPlan::banjo
  const flat::Method* fidl = nullptr;      // null: not an event (the shims answer for it)
  std::vector<Binding> bindings;           // kIn, field of the event payload
  std::vector<const flat::StructMember*> fields;
  std::optional<std::string> left_out;
  const Binding* ForField(const flat::StructMember* field) const;
};

// The interface a protocol's events replace, and the method that registered it.
struct EventsPlan {
  ProtocolSignature banjo;          // the ddk-interface
  std::vector<EventPlan> methods;   // in banjo order
  const MethodSignature* registering = nullptr;  // `SetFooInterface(intf)`, in the protocol
};

struct ProtocolPlan {
  ProtocolSignature banjo;
  const flat::Protocol* fidl = nullptr;
  std::vector<MethodPlan> methods;  // in banjo order; the registering method is left out here
  std::optional<EventsPlan> events;
  // The clone is a Zircon-channel protocol (a banjo protocol planned off the driver transport,
  // like fuchsia.hardware.gpio): its shims make and serve channel calls. Only synchronous
  // methods of plain data and handles are shimmed then: what carries interfaces, callbacks,
  // events and @async replies is the driver transport's own.
  bool channel = false;
};

// The plans of every shimmable protocol of the mapping; `error` says what did not match.
std::optional<std::vector<ProtocolPlan>> PlanShims(const generators::LibraryView& banjo,
                                                   const generators::LibraryView& fidl,
                                                   const nlohmann::json& mapping,
                                                   Conversions* conversions, std::string* error);

}  // namespace fdfkit::shims

#endif  // FDFKIT_SHIMS_SHIM_PLAN_H_
