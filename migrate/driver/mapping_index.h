// The mappings migrate-protocol wrote (LIB.mapping.json, schema fdfkit-mapping/1), indexed the
// way the rewrites look them up: by the banjo header a driver includes, by the banjo C++ names
// it spells.
#ifndef FDFKIT_MIGRATE_DRIVER_MAPPING_INDEX_H_
#define FDFKIT_MIGRATE_DRIVER_MAPPING_INDEX_H_

#include <string>
#include <string_view>
#include <vector>

#include "support/located_diagnostics.h"

namespace fdfkit::driver_migration {

// One banjo parameter and what it became in the clone.
struct ParameterMapping {
  std::string banjo;           // "value"
  std::string direction;       // "in", "out"
  std::vector<std::string> c;  // fidlgen_banjo's C/C++ names: "out_value"; "uint32_t return"
  std::string becomes;         // "request", "response", "error", "dropped", "event"
  std::string field;           // the clone's field
  uint32_t bound = 0;  // a response vector's or string's bound in the clone; 0: unbounded/unknown

  // The banjo method returned it (`uint32_t GetCount()`) rather than writing a parameter.
  bool returned() const;
  // An @async method's output: how many parameters of its C callback carry it (a list, its
  // pointer and count; anything else, one).
  unsigned CallbackSlots() const { return becomes == "response" && c.size() >= 2 ? 2 : 1; }
};

// One banjo method and its clone.
struct MethodMapping {
  std::string cpp_client;  // "Read", the ddk client's method
  std::string cpp_mixin;   // "GpioImplRead", the server's
  bool async = false;
  bool cloned = false;     // the clone has it; else `not_cloned` says why
  std::string not_cloned;
  std::string fidl_method;  // "Read"
  std::string kind;         // "two-way", "one-way", "event"
  bool error_syntax = false;
  std::vector<ParameterMapping> parameters;

  // The banjo C++ parameters in fidlgen_banjo's order: every C name but returned values (and an
  // @async method's outputs, which its callback takes).
  std::vector<std::string> CppParameters() const;
  // `static_cast<decltype(ns::wire::<Protocol><Method>Request::field)>`: the clone's type of a
  // field of the method's request ("Request") or success response ("Response").
  std::string WireFieldCast(const std::string& ns, const std::string& protocol,
                            const std::string& message, const std::string& field) const;
  // `decltype(ns::wire::<Protocol><Method>Request::field)`, the type itself.
  std::string WireFieldType(const std::string& ns, const std::string& protocol,
                            const std::string& message, const std::string& field) const;
};

struct ProtocolMapping {
  std::string banjo_protocol;  // "GpioImpl"
  std::string layout;          // "ddk-protocol", "ddk-interface", "ddk-callback"
  std::string cpp_client;      // "ddk::GpioImplProtocolClient"
  std::string cpp_mixin;       // "ddk::GpioImplProtocol"
  std::string protocol_id;     // "ZX_PROTOCOL_GPIO_IMPL"
  std::string c_protocol;      // "gpio_impl_protocol_t", what device_get_protocol fills
  std::string fidl_protocol;   // "GpioImpl"
  std::string openness;        // "open", "ajar", "closed"
  std::string transport;       // the clone's: "driver" (also when unsaid) or "channel"
  // The service a migrated client connects through (Service::Device); empty in mappings written
  // before migrate-protocol recorded it, or for a protocol the clone serves no service for.
  std::string service_name;    // "Service"
  std::string service_member;  // "device"
  std::vector<MethodMapping> methods;

  // The method the banjo C++ client calls `name` ("ConfigIn"), or null.
  const MethodMapping* MethodForClientCall(std::string_view name) const;
};

// 'GPIO': the tag of the arenas the rewrites declare for `protocol`'s calls and replies (the
// first four letters of its name).
std::string ArenaTag(const ProtocolMapping& protocol);
// The namespace of a banjo library's generated shims: fdfkit::shims::fuchsia_hardware_gpioimpl.
struct LibraryMapping;
std::string ShimsNamespace(const LibraryMapping& library);
// A service member's C++ tag: `device` → `Device`, `spi_device` → `SpiDevice`.
std::string ServiceMemberTag(const std::string& member);
// The C++ namespace of the clone's bindings: fuchsia_hardware_gpioimpl.
std::string FidlNamespace(const LibraryMapping& library);

struct LibraryMapping {
  std::string file;           // where it was read from
  std::string banjo_library;  // "fuchsia.hardware.gpioimpl"
  std::string fidl_library;   // the clone's name (often the same)
  bool clone_read = false;    // its clone (beside the file) was read: the bounds are known
  std::vector<ProtocolMapping> protocols;
};

class MappingIndex {
 public:
  // Reads every file; false (with a diagnostic per bad file) if one is not a mapping or two map
  // the same banjo library.
  bool Load(const std::vector<std::string>& files, support::Diagnostics* diagnostics);

  // The library whose banjo C++ header is `include` (as spelled between the brackets:
  // "fuchsia/hardware/gpioimpl/cpp/banjo.h", or the older "ddktl/protocol/gpioimpl.h"; with
  // `with_shims`, also its clone's "fidl/fuchsia.hardware.gpioimpl/cpp/banjo_shims.h"), or null.
  const LibraryMapping* ForBanjoInclude(std::string_view include, bool with_shims = false) const;
  // The library whose banjo bindings (C or C++, either spelling, or the shims that bring them)
  // the header at `path` is, or null.
  const LibraryMapping* ForBanjoHeaderPath(std::string_view path) const;
  // The protocol whose banjo C++ client class is `qualified_name` ("ddk::GpioImplProtocolClient"),
  // with its library, or null.
  const ProtocolMapping* ForClientClass(std::string_view qualified_name,
                                        const LibraryMapping** library) const;

  const std::vector<LibraryMapping>& libraries() const { return libraries_; }


 private:
  std::vector<LibraryMapping> libraries_;
};

}  // namespace fdfkit::driver_migration

#endif  // FDFKIT_MIGRATE_DRIVER_MAPPING_INDEX_H_
