// The translator's state, shared by its parts: declarations and members (translate_types.cc),
// protocols, methods, events and services (translate_protocols.cc), and the library as a whole
// (translator.cc). Private to migrate/protocol.
#ifndef FDFKIT_MIGRATE_PROTOCOL_TRANSLATOR_IMPL_H_
#define FDFKIT_MIGRATE_PROTOCOL_TRANSLATOR_IMPL_H_

#include <map>
#include <set>
#include <string>
#include <vector>

#include "migrate/protocol/fidl_spelling.h"
#include "migrate/protocol/transport_choice.h"
#include "migrate/protocol/translator.h"

namespace fdfkit::protocol {

namespace flat = fdfkit::idl::flat;
namespace raw = fdfkit::idl::raw;
using Json = nlohmann::ordered_json;

// A protocol's banjo layout: ddk-protocol, ddk-interface or ddk-callback. Protocols already on a
// FIDL transport (earlier clones) are ddk-protocol if discoverable, ddk-interface otherwise.
std::string LayoutOf(const flat::Protocol& protocol);
// The `@transport` a declaration names, lower case ("banjo", "driver"); "" when it has none.
std::string TransportOf(const flat::Decl& decl);

// Where a struct's members come from, for bounds rules and the mapping.
struct MemberContext {
  const std::map<std::string, uint32_t>* bounds = nullptr;  // rule bounds, keyed "owner.member"
  std::string owner;                  // declaration or banjo method name
  Json* parameters = nullptr;         // method payloads: the mapping's parameter rows
  std::string direction = {};         // "in" | "out"
  std::string becomes = {};           // the mapping's `becomes` for kept members (default: by direction)
  bool first_is_return = false;       // the first member was the C function's return value
  size_t skip_first = 0;              // members already accounted for (a leading status)
  const std::map<size_t, std::string>* dropped = nullptr;  // member index → why it is dropped
};

// Members a translation adds to a payload (data written in place, now returned explicitly).
struct ExtraMembers {
  std::string text;
  bool handles = false;  // the payload must be a resource
};

// What one request parameter hands back in place, as the clone returns it (translate_in_place.cc).
struct InPlaceData {
  std::string members;   // response members, as FIDL text
  bool handles = false;  // they hold handles: the response is a resource
  std::string refusal;   // non-empty: the method cannot be cloned without losing this data
  std::map<std::string, Translation::Origin::BoundBy> bound_by;  // response field → its rule
};

// Data the callee wrote through a non-const pointer (@in_out, @mutable). On a client_end or
// handle the attribute had no effect in banjo either.
bool IsInPlace(const flat::StructMember& m);

// How the clone returns what the callee wrote into one request parameter (translate_in_place.cc).
struct InPlacePlan {
  enum class Kind {
    kNone,             // nothing written in place
    kWhole,            // the parameter comes back whole
    kAlreadyReturned,  // the response returns it already (`returned`)
    kStructFields,     // `fields` of the struct parameter come back by name
    kElementFields,    // `fields` of every element of `holder` come back, one struct per element
    kDeferred,         // a completion callback (or the call itself) hands it back: `detail`
    kRefused,          // too deep to return: the method is not cloned; `detail` says why
  };
  Kind kind = Kind::kNone;
  const flat::StructMember* returned = nullptr;
  const flat::Struct* holder = nullptr;
  std::vector<const flat::StructMember*> fields;
  std::string detail;
};
InPlacePlan PlanInPlace(const flat::Protocol& p, const flat::Method& m,
                        const flat::StructMember& parameter);

// What an @in_out/@mutable attribute means where it is written.
enum class InPlaceAttribute {
  kDecide,     // nobody returns the data yet: a human decides
  kReturned,   // the clone's response returns it (the method's report line says where)
  kNoMemory,   // on a client_end or handle it meant nothing
  kResponse,   // on a response or event field it only made a C callback's pointer non-const
};
// The C type fidlgen_banjo wrote for a value a C function returned: `uint32_t`, `gpio_mode_t`,
// `zx_status_t`.
std::string CTypeName(const flat::Type& type);
// A method payload written inline (`Method(struct {...})`); nullptr otherwise.
const flat::Struct* AnonymousStruct(const std::optional<flat::Type>& payload);
// The response member that already returns `in_place` (same name, or the same declared type).
const flat::StructMember* AlreadyReturned(const flat::Method& m, const flat::StructMember& in_place);

// How one protocol is written: from the rules (and the inventory), or kept from an earlier clone.
struct ProtocolStyle {
  TransportChoice transport;
  Openness openness = Openness::kClosed;
  Strictness strictness = Strictness::kStrict;  // its methods', unless a method rule says
  const ProtocolRule* rule = nullptr;
  bool keep_strictness = false;  // an earlier clone: each method keeps strict/flexible
  bool driver() const { return transport.transport == Transport::kDriver; }
  // The strictness of banjo method `m` in the clone.
  Strictness Of(const flat::Method& m) const;
};

class Translator {
 public:
  Translator(const flat::Library& library, const fdfkit::idl::SourceFiles& files, const Rules& rules,
             const InventoryTransports& inventory, const std::set<std::string>& migrating);
  Translation Run();

 private:
  // translator.cc
  void Change(llvm::SMLoc loc, std::string text);
  void Decision(llvm::SMLoc loc, std::string text);
  void LibraryChange(std::string text);  // located at the library's first file
  void CollectPayloads();
  void CollectCopies();
  void CollectFoldedInterfaces();
  void CollectReturnedInPlace();
  bool Migrating(const std::string& library) const;

  // translate_types.cc
  std::string Attributes(const raw::AttributeList& attrs, const std::string& indent,
                         llvm::SMLoc loc = {}, const std::string& what = "",
                         InPlaceAttribute in_place = InPlaceAttribute::kDecide);
  std::string Type(const flat::Type& type, llvm::SMLoc loc, const std::string& what,
                   bool quiet = false);
  std::string Decl(const flat::Decl& decl);
  std::string DeclBody(const flat::Decl& decl, const std::string& name, const std::string& what);
  std::string Closing(const flat::Decl& decl);
  std::string EnumAliasConstants(const flat::Decl& decl, const std::string& name);
  // A member's name as a FIDL identifier (banjo allowed names that start with a digit).
  std::string MemberName(const flat::Member& m);
  std::string LocalName(const flat::Decl& decl) const;
  std::string StructMembers(const flat::Struct& s, const MemberContext& context);
  std::string EnvelopeBody(const flat::Decl& decl);
  // `quiet`: a second use of a member already reported (no second note).
  std::optional<flat::Type> Bounded(const flat::Type& type, const MemberContext& context,
                                    const std::string& member, llvm::SMLoc loc, bool quiet = false);
  void DocHints(const raw::AttributeList& attrs, llvm::SMLoc loc, const std::string& what);

  // translate_protocols.cc
  std::string Protocol(const flat::Protocol& p);
  void CheckAjarTwoWay(const flat::Protocol& p, const ProtocolStyle& style, const flat::Method& m);
  std::string Method(const flat::Protocol& p, const ProtocolStyle& style, const flat::Method& m,
                     Json* methods, std::vector<const flat::Protocol*>* events);
  std::string Event(const flat::Protocol& p, const ProtocolStyle& style, const flat::Protocol& ifc,
                    const flat::Method& m, Json* methods);
  std::string Payload(const std::optional<flat::Type>& payload, const MemberContext& context,
                      const ExtraMembers& extra = {});
  std::string Response(const flat::Protocol& p, const flat::Method& m, Json* map,
                       Json* parameters, const ExtraMembers& extra_members);
  Json Parameter(const flat::StructMember& m, const std::string& direction,
                 const std::string& becomes);
  void NotCloned(Json map, const char* key, const std::string& why, Json parameters, Json* methods);
  std::string Services();
  // translate_in_place.cc
  InPlaceData InPlace(const flat::Protocol& p, const flat::Method& m,
                      const flat::StructMember& parameter, Json* parameters);
  bool FoldsIntoEvents(const flat::Protocol& p, const flat::StructMember& m) const;
  bool AlreadyMigrated(const flat::Protocol& p) const;
  ProtocolStyle StyleOf(const flat::Protocol& p) const;
  // The mapping's `fidl` row of a clone method (its ordinal from the new names), recording where
  // the method came from for the checks made after compiling.
  // `base`, or `base` + separator + a number, whichever the clone does not declare yet.
  std::string FreeDeclName(const std::string& base, const std::string& members) const;
  Json FidlMethodRow(const std::string& protocol, const std::string& method, const char* kind,
                     Strictness strictness, llvm::SMLoc banjo_loc,
                     const flat::Protocol& rule_protocol, const std::string& banjo_method);

  const flat::Library& library_;
  const fdfkit::idl::SourceFiles& files_;
  const Rules& rules_;
  const InventoryTransports& inventory_;
  const std::set<std::string>& migrating_;
  CloneNames names_;
  Translation out_;
  std::set<std::string> usings_;
  std::vector<std::string> applied_;  // type rules applied by the last spelling
  std::map<const flat::Decl*, std::string> copies_;  // declarations from unmigrated libraries
  std::vector<const flat::Decl*> copy_order_;
  SpellingScope scope_;
  std::set<const flat::Decl*> payloads_;
  std::set<const flat::Decl*> folded_;  // interfaces that became events
  std::vector<const flat::Protocol*> served_;
  // Element structs declared for returned in-place data: name → their members.
  std::map<std::string, std::string> in_place_types_;
  std::set<const flat::StructMember*> returned_in_place_;  // members whose writes come back
  std::set<std::string> headers_written_;  // files of the library whose header is in the clone
  std::string pending_declarations_;      // written after the declaration being translated
};

}  // namespace fdfkit::protocol

#endif  // FDFKIT_MIGRATE_PROTOCOL_TRANSLATOR_IMPL_H_
