// Lists of banjo structs, buffers and all: fuchsia.hardware.i2cimpl's Transact takes
// `const i2c_impl_op_t* op_list, size_t op_count`, each op `{uint16_t address; uint8_t*
// data_buffer; size_t data_size; bool is_read; bool stop;}`. Banjo's C spells a struct's
// `vector<T> x` as a pointer and a count (`x_buffer`/`x_size` for a [Buffer], else
// `x_list`/`x_count`; the pointee const unless the callee writes the data in place); the clone's
// wire struct holds one `fidl::VectorView<T> x` there and every other field under its own name.
// A caller builds the wire list element by element, a server reads the request's elements field
// by field, and data the callee wrote in place comes back in the response, one element per
// request element (migrate-protocol's `op[].data` mapping row).
#ifndef FDFKIT_MIGRATE_DRIVER_STRUCT_LIST_H_
#define FDFKIT_MIGRATE_DRIVER_STRUCT_LIST_H_

#include <clang/AST/Decl.h>
#include <clang/AST/Type.h>
#include <clang/Basic/SourceManager.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "migrate/driver/mapping_index.h"
#include "migrate/driver/value_kind.h"

namespace fdfkit::driver_migration {

// One field of the wire element, and the C field or fields it comes from.
struct ElementField {
  std::string name;                    // the wire struct's (and a scalar's C) name: `address`
  ValueKind kind = ValueKind::kPlain;  // a scalar: kPlain or kBanjoInteger
  const clang::TypedefNameDecl* banjo_typedef = nullptr;  // kBanjoInteger
  // A buffer: its C pointer and count, what it holds, and whether the callee may write it.
  bool buffer = false;
  std::string pointer, count;     // `data_buffer`, `data_size`
  clang::QualType element;        // `uint8_t`
  bool written_in_place = false;  // `uint8_t*`, not `const uint8_t*` (banjo's [Mutable])
};

struct ElementStruct {
  std::vector<ElementField> fields;

  // The field the wire struct calls `name`, or null.
  const ElementField* Field(std::string_view name) const;
  // The buffer whose C pointer or count is called `c_name`, or null; `is_count` says which.
  const ElementField* BufferOf(std::string_view c_name, bool* is_count) const;
  // The buffers the callee may write, by wire name: "'data'", "'data', 'status'".
  std::string WrittenInPlace() const;
};

// `type` as the element of a list of structs: a struct of a mapped banjo header whose fields
// are numbers, bools, banjo enums and bits, and buffers of numbers or bools; else nullopt.
std::optional<ElementStruct> AsElementStruct(const MappingIndex& mappings,
                                             const clang::SourceManager& sm, clang::QualType type);

// A mapping row of data written in place in the elements of a list: `op[].data` gives `op` and
// `data`; false for any other row.
bool SplitElementRow(std::string_view banjo, std::string* list, std::string* field);

// The caller's side. Statements that make `wire` (a name) the wire list of `count` elements on
// `arena`, of the type `wire_type`, built from the banjo elements `list[index]` (`list` and
// `count` each read once, as operands): every field by its name, a banjo enum cast to the
// clone's, each buffer a view of the caller's memory.
std::vector<std::string> BuildWireList(const ElementStruct& element, const std::string& wire_type,
                                       const std::string& wire, const std::string& arena,
                                       const std::string& list, const std::string& count,
                                       const std::string& index);

// After the call: the check that the reply's list `written` (`result->value()->read`) has no
// more elements than the request had, and the statements copying each buffer written in place
// back into the caller's, never past the caller's size.
std::string CheckWrittenList(const std::string& written, const std::string& count);
std::vector<std::string> CopyWrittenInPlace(const ElementStruct& element,
                                            const std::string& written, const std::string& list,
                                            const std::string& index);

}  // namespace fdfkit::driver_migration

#endif  // FDFKIT_MIGRATE_DRIVER_STRUCT_LIST_H_
