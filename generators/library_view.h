// LibraryView: the one read-only door through which every generator reads a compiled library.
// The front end's flat model is mutable while it is being resolved; generators must never change
// it, and should not care how it is stored. The view gives them the library's name, its
// dependencies and its declarations in emission order, and answers the questions every backend
// asks (which transport a protocol uses, its banjo layout, an attribute's value).
#ifndef FDFKIT_GENERATORS_LIBRARY_VIEW_H_
#define FDFKIT_GENERATORS_LIBRARY_VIEW_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "migrate/idl/flat_ast.h"

namespace fdfkit::generators {

namespace flat = fdfkit::idl::flat;
namespace raw = fdfkit::idl::raw;

class LibraryView {
 public:
  explicit LibraryView(const flat::Library& library) : library_(library) {}

  const std::string& name() const { return library_.name; }
  // Every library this one uses, `zx` and `fidl` included.
  const std::vector<const flat::Library*>& dependencies() const { return library_.dependencies; }
  // Every declaration after the ones it uses: the order a generator emits them in.
  const std::vector<const flat::Decl*>& declaration_order() const {
    return library_.declaration_order;
  }
  // The declarations of one kind, in emission order.
  std::vector<const flat::Decl*> OfKind(flat::Decl::Kind kind) const;
  const flat::Decl* Lookup(const std::string& name) const { return library_.Lookup(name); }
  const raw::AttributeList& attributes() const { return library_.attrs; }
  // The dialect of the library's first file (banjo's .banjo files imply the banjo transport).
  raw::Dialect dialect() const { return library_.dialect; }

 private:
  const flat::Library& library_;
};

// The value of attribute `name` (any spelling: `BanjoLayout` == `banjo_layout`), if present.
std::optional<std::string> AttributeValue(const raw::AttributeList& attrs, std::string_view name);
// The transport a protocol names in @transport, lower case ("banjo", "driver", "channel"); a
// protocol without the attribute uses Zircon channels.
std::string TransportOf(const flat::Decl& protocol);

}  // namespace fdfkit::generators

#endif  // FDFKIT_GENERATORS_LIBRARY_VIEW_H_
