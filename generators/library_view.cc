#include "generators/library_view.h"

#include <cctype>

namespace fdfkit::generators {

std::vector<const flat::Decl*> LibraryView::OfKind(flat::Decl::Kind kind) const {
  std::vector<const flat::Decl*> out;
  for (const flat::Decl* decl : library_.declaration_order) {
    if (decl->kind == kind) out.push_back(decl);
  }
  return out;
}

std::optional<std::string> AttributeValue(const raw::AttributeList& attrs, std::string_view name) {
  const raw::Attribute* attribute = attrs.Find(name);
  if (!attribute) return std::nullopt;
  return attribute->args.empty() ? std::string() : attribute->args[0].value.text;
}

std::string TransportOf(const flat::Decl& protocol) {
  std::string transport = AttributeValue(protocol.attrs, "transport").value_or("channel");
  for (char& c : transport) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return transport;
}

}  // namespace fdfkit::generators
