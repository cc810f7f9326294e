// How every banjo method and struct field is spelled in C: fidlgen_banjo's parameter mapping
// (banjo-and-fidl-reference.md §2.4–2.5) computed once, so the C header, the C++ mixin and
// client, the mocks and the shims agree on each parameter's C form by construction.
//
//   Read(index uint32) -> (s zx.status, value uint8)
//   ⇒ returned: s (zx_status_t); in: index → `uint32_t index`; out: value → `uint8_t* out_value`
#ifndef FDFKIT_GENERATORS_BANJO_BANJO_SIGNATURES_H_
#define FDFKIT_GENERATORS_BANJO_BANJO_SIGNATURES_H_

#include <memory>
#include <string>
#include <vector>

#include "generators/banjo/banjo_names.h"
#include "generators/library_view.h"

namespace fdfkit::generators::banjo {

// One C declarator: `const uint8_t* data_list`, `float matrix[3][3]`.
struct CDeclarator {
  std::string type;    // `const uint8_t*`
  std::string name;    // `data_list`
  std::string suffix;  // array dimensions: `[3][3]`
  std::string Declare() const;  // type + " " + name + suffix
};

// What a value is, as far as C cares.
enum class Shape {
  kScalar,     // primitive, enum, bits, or an alias of one: passed by value
  kString,     // `const char*` in, `char* out_x, size_t x_capacity` out
  kAggregate,  // struct, union, table: by pointer
  kBox,        // optional struct (`box<S>`, `S?`): by pointer, `T**` out
  kHandle,     // zx_handle_t (zx::<object> in C++)
  kVector,     // pointer + count (+ actual when out)
  kArray,      // `T x[N]`
  kProtocol,   // client_end of a ddk-protocol or ddk-interface: `const foo_protocol_t*`
  kCallback,   // client_end of a ddk-callback: `const foo_t*`
  kServerEnd,  // a channel handle
};

struct Param {
  const flat::StructMember* member = nullptr;
  std::string name;  // C spelling of the FIDL name (`out_` and suffixes are in `c`)
  Shape shape = Shape::kScalar;
  bool out = false;
  // The attributes that changed the C form.
  bool buffer = false;            // @buffer or a D1 vector<voidptr>: `_buffer`/`_size`
  bool callee_allocated = false;  // @callee_allocated out vector: `T**`, `size_t*`
  bool inner_pointer = false;     // @inner_pointer in vector: `const T**`
  bool mutable_data = false;      // @in_out / @mutable: no `const`
  // kVector, kArray: the C element type (`uint8_t`, `void` for voidptr); kArray: dimensions.
  std::string element_type;
  std::vector<uint32_t> dimensions;
  // kScalar, kAggregate, kBox: the C type of the value (`gpio_polarity_t`, `i2c_impl_op_t`);
  // kProtocol, kCallback: the protocol struct (`ethernet_ifc_protocol_t`, `draw_t`); kHandle:
  // zx_handle_t.
  std::string value_type;
  const flat::Decl* decl = nullptr;  // the struct/union/table/enum/bits/protocol, if any
  std::string handle_subtype;        // kHandle: `VMO`, or empty for any handle
  std::vector<CDeclarator> c;        // this parameter's C parameters, in order
};

struct MethodSignature {
  const flat::Method* method = nullptr;
  BanjoMethodNames names;
  bool is_async = false;
  // The first response field, when C returns it (a scalar: usually the zx.Status); else void.
  std::string return_type = "void";
  const flat::StructMember* returned = nullptr;
  std::vector<Param> in;
  std::vector<Param> out;  // after `returned`, in order
  // @async: the response fields, handed to the callback as parameters (in-parameter forms).
  std::vector<Param> callback;
  // `zx_status_t (*read)(void* ctx, uint32_t index, uint8_t* out_value)` pieces:
  std::vector<CDeclarator> CParams() const;  // without ctx; @async adds callback and cookie
};

struct ProtocolSignature {
  const flat::Protocol* protocol = nullptr;
  Layout layout = Layout::kProtocol;
  BanjoProtocolNames names;
  std::string snake;  // gpio_impl
  std::vector<MethodSignature> methods;  // two-way and one-way methods; events are not banjo
};

// The C type of a value of `type` where C passes it by value or points at it: primitives,
// enums, bits and their aliases (`zx_status_t`), named layouts (`gpio_pin_t`), handles, and
// protocols (`foo_protocol_t`, or `foo_t` for a ddk-callback).
std::string CTypeOf(const flat::Type& type);
// `<snake>_t` of a declared type.
std::string CTypeName(const flat::Decl& decl);

// A table's or union's members as the struct members C lays out (a table is a plain struct of
// all its fields, a union has no tag); reserved ordinals are left out.
std::vector<std::unique_ptr<flat::StructMember>> EnvelopeFieldsOf(const flat::Decl& decl);

Param InParam(const flat::StructMember& member);
Param OutParam(const flat::StructMember& member);
// Struct, union and table fields: the same shapes, written as members (`const T* x_list;
// size_t x_count;`, bounded strings as `char x[N]`). `preserve_names`: @preserve_c_names.
Param FieldOf(const flat::StructMember& member, bool preserve_names);

ProtocolSignature SignatureOf(const flat::Protocol& protocol);
// The members of a method payload (its anonymous or named struct), or none.
std::vector<const flat::StructMember*> PayloadMembers(const std::optional<flat::Type>& payload);

}  // namespace fdfkit::generators::banjo

#endif  // FDFKIT_GENERATORS_BANJO_BANJO_SIGNATURES_H_
