#include "migrate/protocol/message_size.h"

#include <algorithm>

#include "migrate/protocol/fidl_spelling.h"

namespace fdfkit::protocol {
namespace {

namespace flat = fdfkit::idl::flat;

constexpr uint64_t kUnbounded = flat::TypeShape::kUnbounded;

uint64_t Align8(uint64_t n) { return (n + 7) & ~uint64_t{7}; }

// The most bytes a member adds out of line; UINT64_MAX if unbounded.
uint64_t OutOfLine(const flat::Type& type) {
  return type.shape.max_out_of_line == kUnbounded ? UINT64_MAX : type.shape.max_out_of_line;
}

std::string Bytes(uint64_t n) {
  return n == UINT64_MAX ? "an unbounded number of" : std::to_string(n);
}

struct Culprit {
  std::string path;
  const flat::Type* type;
  uint64_t others;  // what the rest of the message needs, so the culprit's budget is known
  const flat::Struct* owner;  // nullptr: the payload itself
  std::string member;
};

// Members whose own out-of-line part breaks the budget; `base` is what the message needs besides
// these members' out-of-line parts. Looks into inline structs, a few levels deep.
void FindCulprits(const flat::Struct& s, const std::string& prefix, uint64_t limit, uint64_t base,
                  std::vector<Culprit>* out, int depth = 0) {
  uint64_t bounded = 0;
  for (const auto& m : s.members) {
    if (OutOfLine(m.type) != UINT64_MAX) bounded += OutOfLine(m.type);
  }
  for (const auto& m : s.members) {
    uint64_t ool = OutOfLine(m.type);
    if (ool != UINT64_MAX && base + ool <= limit) continue;
    uint64_t others = base + bounded - (ool == UINT64_MAX ? 0 : ool);
    // Inline structs and boxed ones: the fields inside are what to bound.
    const flat::Type* inner = &m.type;
    bool boxed = m.type.kind == flat::Type::Kind::kBox && m.type.element;
    if (boxed) inner = m.type.element.get();
    if (inner->kind == flat::Type::Kind::kIdentifier && inner->decl &&
        inner->decl->kind == flat::Decl::Kind::kStruct && (boxed || !inner->nullable) &&
        depth < 4) {
      FindCulprits(static_cast<const flat::Struct&>(*inner->decl), prefix + m.name + ".", limit,
                   others + (boxed ? Align8(inner->shape.inline_size) : 0), out, depth + 1);
      continue;
    }
    out->push_back({prefix + m.name, &m.type, others, depth == 0 ? nullptr : &s, m.name});
  }
}

// How many elements of a vector (bytes of a string) fit beside everything else.
std::optional<uint64_t> ElementsThatFit(const flat::Type& type, uint64_t limit, uint64_t others) {
  if (others >= limit) return std::nullopt;
  uint64_t each_inline = 1, each_ool = 0;
  if (type.kind == flat::Type::Kind::kVector) {
    const flat::TypeShape& e = type.element->shape;
    if (e.max_out_of_line == kUnbounded) return std::nullopt;
    each_inline = e.inline_size;
    each_ool = e.max_out_of_line;
  } else if (type.kind != flat::Type::Kind::kString) {
    return std::nullopt;
  }
  uint64_t n = (limit - others) / std::max<uint64_t>(each_inline + each_ool, 1);
  while (n > 0 && Align8(n * each_inline) + n * each_ool + others > limit) --n;
  return n;
}

const flat::Struct* PayloadStruct(const std::optional<flat::Type>& t) {
  if (!t || !t->decl || t->decl->kind != flat::Decl::Kind::kStruct) return nullptr;
  return static_cast<const flat::Struct*>(t->decl);
}

}  // namespace

std::vector<Note> CheckMessageSizes(const flat::Library& clone, const Translation& translation,
                                    uint64_t limit) {
  std::vector<Note> notes;
  SpellingScope scope{clone.name};
  for (const auto& decl : clone.decls) {
    if (decl->kind != flat::Decl::Kind::kProtocol) continue;
    const auto& p = static_cast<const flat::Protocol&>(*decl);
    for (const flat::Method& m : p.methods) {
      std::string key = p.name.name + "." + m.name;
      auto origin = translation.origins.find(key);
      if (origin == translation.origins.end()) continue;
      struct Message {
        const char* what;
        std::optional<flat::TypeShape> shape;
        const flat::Struct* payload;
        bool in_result_union;  // the payload sits in a result union's envelope
      };
      const flat::Struct* response =
          m.has_result_union() ? PayloadStruct(m.success) : PayloadStruct(m.response);
      for (const Message& message :
           {Message{"request", m.request_shape(), PayloadStruct(m.request), false},
            Message{m.is_event ? "event" : "response", m.response_shape(), response,
                    m.has_result_union()}}) {
        if (!message.shape) continue;
        uint64_t size = flat::MaxMessageSize(message.shape);
        if (size <= limit) continue;
        std::string text = "the " + std::string(message.what) + " of '" + key + "' can reach " +
                           Bytes(size) + " bytes, over the " + std::to_string(limit) +
                           "-byte message limit.";
        std::vector<Culprit> culprits;
        if (message.payload) {
          // The header, a result union's inline part, and the payload's inline part.
          uint64_t base = flat::kTransactionalHeaderSize + (message.in_result_union ? 16 : 0) +
                          Align8(message.payload->shape.inline_size);
          FindCulprits(*message.payload, "", limit, base, &culprits);
        }
        for (const Culprit& c : culprits) {
          text += " Bound '" + c.path + "' (`" + TypeSpelling(*c.type, scope) + "`)";
          std::optional<uint64_t> fit = ElementsThatFit(*c.type, limit, c.others);
          if (fit) {
            // A payload field is bounded by its protocol's rule, a nested one by its library's.
            std::string rule, key;
            if (!c.owner) {
              rule = "protocols[\"" + origin->second.rule_protocol + "\"]";
              key = origin->second.banjo_method + "." + c.path;
            } else {
              bool own = c.owner->name.library == clone.name;
              rule = "libraries[\"" + (own ? translation.library : c.owner->name.library) + "\"]";
              key = c.owner->name.name + "." + c.member;
            }
            text += ": at most " + std::to_string(*fit) + " fit; rule " + rule + ".bounds {\"" +
                    key + "\": " + std::to_string(*fit) + "}";
          } else if (c.type->element && c.type->element->shape.max_out_of_line == kUnbounded) {
            text += ": its elements can grow without bound too, so bound their fields first";
          }
          text += ".";
        }
        if (culprits.empty()) text += " No single field is to blame: split the message.";
        notes.push_back({Note::Kind::kDecision, origin->second.where, text});
      }
    }
  }
  return notes;
}

}  // namespace fdfkit::protocol
