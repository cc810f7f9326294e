#include "migrate/protocol/message_size.h"

#include <algorithm>
#include <map>

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

// A field whose out-of-line part must be bounded for its message to fit.
struct Culprit {
  std::string path;                 // "netbuf.data"
  const flat::Type* type = nullptr;
  const flat::Struct* owner = nullptr;  // nullptr: a member of the payload itself
  std::string member;
};

// An inline struct, or a boxed one, held by `type`: its fields are what to bound.
const flat::Struct* InlineStruct(const flat::Type& type, bool* boxed) {
  *boxed = type.kind == flat::Type::Kind::kBox && type.element;
  const flat::Type* inner = *boxed ? type.element.get() : &type;
  if (inner->kind != flat::Type::Kind::kIdentifier || !inner->decl ||
      inner->decl->kind != flat::Decl::Kind::kStruct || (inner->nullable && !*boxed)) {
    return nullptr;
  }
  return static_cast<const flat::Struct*>(inner->decl);
}

// Walks a payload: the culprits (members that can grow without bound, or alone exceed the limit;
// with `every_vector`, every vector and string that has an out-of-line part), and the fixed cost,
// what the message needs with every culprit empty.
class Budget {
 public:
  Budget(uint64_t limit, bool every_vector) : limit_(limit), every_vector_(every_vector) {}

  void Walk(const flat::Struct& s, const std::string& prefix, int depth) {
    for (const auto& m : s.members) {
      uint64_t ool = OutOfLine(m.type);
      bool growing = m.type.kind == flat::Type::Kind::kVector ||
                     m.type.kind == flat::Type::Kind::kString;
      if (ool != UINT64_MAX && ool <= limit_ && !(every_vector_ && growing && ool > 0)) {
        fixed_ += ool;
        continue;
      }
      bool boxed = false;
      if (const flat::Struct* inner = InlineStruct(m.type, &boxed); inner && depth < 4) {
        if (boxed) fixed_ += Align8(inner->shape.inline_size);
        Walk(*inner, prefix + m.name + ".", depth + 1);
        continue;
      }
      culprits_.push_back({prefix + m.name, &m.type, depth == 0 ? nullptr : &s, m.name});
    }
  }
  void AddFixed(uint64_t bytes) { fixed_ += bytes; }
  uint64_t fixed() const { return fixed_; }
  const std::vector<Culprit>& culprits() const { return culprits_; }

 private:
  uint64_t limit_;
  bool every_vector_;
  uint64_t fixed_ = 0;
  std::vector<Culprit> culprits_;
};

// The struct a vector's or array's elements are; nullptr for anything else.
const flat::Struct* ElementStruct(const flat::Type& type) {
  const flat::Type* element = type.element.get();
  if (!element || element->kind != flat::Type::Kind::kIdentifier || !element->decl ||
      element->decl->kind != flat::Decl::Kind::kStruct) {
    return nullptr;
  }
  return static_cast<const flat::Struct*>(element->decl);
}

// The fields of a vector's element struct that grow without bound: "DisplayConfig.gamma_red".
std::string UnboundedElementFields(const flat::Type& type) {
  std::string out;
  const flat::Type* element = type.element.get();
  if (!element || element->kind != flat::Type::Kind::kIdentifier || !element->decl ||
      element->decl->kind != flat::Decl::Kind::kStruct) {
    return out;
  }
  for (const auto& m : static_cast<const flat::Struct&>(*element->decl).members) {
    if (OutOfLine(m.type) == UINT64_MAX) {
      out += (out.empty() ? "" : ", ") + element->decl->name.name + "." + m.name;
    }
  }
  return out;
}

// How many elements of a vector (bytes of a string) fit in `share` bytes; nullopt when its
// elements are unbounded themselves (their fields must be bounded first).
std::optional<uint64_t> ElementsThatFit(const flat::Type& type, uint64_t share) {
  uint64_t each_inline = 1, each_ool = 0;
  if (type.kind == flat::Type::Kind::kVector) {
    const flat::TypeShape& e = type.element->shape;
    if (e.max_out_of_line == kUnbounded) return std::nullopt;
    each_inline = e.inline_size;
    each_ool = e.max_out_of_line;
  } else if (type.kind != flat::Type::Kind::kString) {
    return std::nullopt;
  }
  uint64_t n = share / std::max<uint64_t>(each_inline + each_ool, 1);
  while (n > 0 && Align8(n * each_inline) + n * each_ool > share) --n;
  return n;
}

const flat::Struct* PayloadStruct(const std::optional<flat::Type>& t) {
  if (!t || !t->decl || t->decl->kind != flat::Decl::Kind::kStruct) return nullptr;
  return static_cast<const flat::Struct*>(t->decl);
}

// One message over the limit, and what to bound.
struct Finding {
  std::string where;  // the banjo method
  std::string text;   // up to the advice
  struct Advice {
    std::string path, spelling, rule, key;  // rule and key empty: no number to give
    std::optional<uint64_t> fit;
    std::string element_fields;  // with no number: what must be bounded first
    bool count_next = false;     // its element fields get numbers now, its count the next run
    bool no_room = false;        // not one element fits its share: no bound helps
    std::string elsewhere;       // the library, not cloned in this run, whose rule bounds it
  };
  std::vector<Advice> advice;
};

}  // namespace

// Every culprit of a message gets an equal share of what the fixed part leaves, so applying all
// the suggested bounds at once yields a message that fits; a bound serves every message that
// holds its member (a library's struct member, or a request parameter a response mirrors), so it
// takes the smallest of their suggestions.
std::vector<Note> CheckMessageSizes(const flat::Library& clone, const Translation& translation,
                                    uint64_t limit,
                                    const std::map<std::string, std::string>& banjo_names) {
  std::vector<Finding> findings;
  std::map<std::string, uint64_t> suggested;  // "rule/key" → the smallest suggestion
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
        bool is_response;
      };
      const flat::Struct* response =
          m.has_result_union() ? PayloadStruct(m.success) : PayloadStruct(m.response);
      for (const Message& message :
           {Message{"request", m.request_shape(), PayloadStruct(m.request), false, false},
            Message{m.is_event ? "event" : "response", m.response_shape(), response,
                    m.has_result_union(), !m.is_event}}) {
        if (!message.shape) continue;
        uint64_t size = flat::MaxMessageSize(message.shape);
        if (size <= limit) continue;
        Finding finding{origin->second.where,
                        "the " + std::string(message.what) + " of '" + key + "' can reach " +
                            Bytes(size) + " bytes, over the " + std::to_string(limit) +
                            "-byte message limit.",
                        {}};
        if (message.payload) {
          // The header, a result union's inline part, and the payload's inline part.
          uint64_t inline_part = flat::kTransactionalHeaderSize +
                                 (message.in_result_union ? 16 : 0) +
                                 Align8(message.payload->shape.inline_size);
          Budget budget(limit, /*every_vector=*/false);
          budget.AddFixed(inline_part);
          budget.Walk(*message.payload, "", 0);
          if (budget.fixed() >= limit) {  // bounded fields that only together are too much
            budget = Budget(limit, /*every_vector=*/true);
            budget.AddFixed(inline_part);
            budget.Walk(*message.payload, "", 0);
          }
          size_t count = budget.culprits().size();
          uint64_t share = budget.fixed() < limit && count > 0
                               ? ((limit - budget.fixed()) / count) & ~uint64_t{7}
                               : 0;
          // One rule key, one number: the smallest any message suggests.
          auto suggest = [&](const Finding::Advice& advice) {
            auto [it, fresh] = suggested.emplace(advice.rule + "/" + advice.key, *advice.fit);
            if (!fresh) it->second = std::min(it->second, *advice.fit);
          };
          // A struct member is bounded by its library's rule (that library's own run, when
          // this one only imports it); the smallest suggestion of any message wins.
          auto library_advice = [&](Finding::Advice* advice, const flat::Struct& owner,
                                    const std::string& member) {
            auto banjo = banjo_names.find(owner.name.library);
            if (banjo == banjo_names.end()) advice->elsewhere = owner.name.library;
            advice->rule = "libraries[\"" +
                           (banjo == banjo_names.end() ? owner.name.library : banjo->second) + "\"]";
            auto synthesized = translation.synthesized.find(owner.name.name);
            advice->key = (owner.name.library == clone.name && synthesized != translation.synthesized.end()
                               ? synthesized->second
                               : owner.name.name) +
                          "." + member;
          };
          for (const Culprit& c : budget.culprits()) {
            Finding::Advice advice;
            advice.path = c.path;
            advice.spelling = TypeSpelling(*c.type, scope);
            advice.element_fields = UnboundedElementFields(*c.type);
            advice.fit = ElementsThatFit(*c.type, share);
            if (advice.fit == 0u) {
              advice.fit.reset();
              advice.no_room = true;
              finding.advice.push_back(std::move(advice));
              continue;
            }
            if (advice.fit) {
              auto mirrored = message.is_response ? origin->second.returned.find(c.path)
                                                  : origin->second.returned.end();
              if (mirrored != origin->second.returned.end()) {
                // Data written in place: bounded by the rule of the banjo member it mirrors.
                const Translation::Origin::BoundBy& by = mirrored->second;
                advice.rule = by.library.empty()
                                  ? "protocols[\"" + origin->second.rule_protocol + "\"]"
                                  : "libraries[\"" + by.library + "\"]";
                advice.key = by.key;
              } else if (!c.owner) {  // a payload field: its protocol's rule
                advice.rule = "protocols[\"" + origin->second.rule_protocol + "\"]";
                advice.key = origin->second.banjo_method + "." + c.path;
              } else {
                library_advice(&advice, *c.owner, c.member);
              }
              suggest(advice);
              finding.advice.push_back(std::move(advice));
              continue;
            }
            // A vector (or array) whose elements grow: bound the element fields, each to its share
            // of what one element may take. With no count yet, one element may take the whole
            // share; the next run, with the elements bounded, gives the count.
            const flat::Struct* element = ElementStruct(*c.type);
            bool counted = c.type->kind == flat::Type::Kind::kArray || c.type->bounded;
            if (!element || (counted && c.type->element_count == 0)) {
              finding.advice.push_back(std::move(advice));
              continue;
            }
            if (!counted) {  // named first, its element fields after it
              advice.count_next = true;
              finding.advice.push_back(std::move(advice));
            }
            uint64_t n = counted ? c.type->element_count : 1;
            uint64_t per_element = share > Align8(n * element->shape.inline_size)
                                       ? (share - Align8(n * element->shape.inline_size)) / n
                                       : 0;
            std::vector<const flat::StructMember*> growing;
            for (const auto& f : element->members) {
              uint64_t ool = OutOfLine(f.type);
              if (ool == UINT64_MAX) {
                growing.push_back(&f);
              } else {
                per_element = per_element > ool ? per_element - ool : 0;
              }
            }
            for (const flat::StructMember* f : growing) {
              Finding::Advice inner;
              inner.path = c.path + "[]." + f->name;
              inner.spelling = TypeSpelling(f->type, scope);
              inner.element_fields = UnboundedElementFields(f->type);
              inner.fit = ElementsThatFit(f->type, (per_element / growing.size()) & ~uint64_t{7});
              if (inner.fit == 0u) {
                inner.fit.reset();
                inner.no_room = true;
              }
              if (inner.fit) {
                library_advice(&inner, *element, f->name);
                suggest(inner);
              }
              finding.advice.push_back(std::move(inner));
            }
          }
        }
        findings.push_back(std::move(finding));
      }
    }
  }
  std::vector<Note> notes;
  for (const Finding& finding : findings) {
    std::string text = finding.text;
    for (const Finding::Advice& a : finding.advice) {
      text += " Bound '" + a.path + "' (`" + a.spelling + "`)";
      if (a.fit) {
        uint64_t fit = *a.fit;
        if (auto shared = suggested.find(a.rule + "/" + a.key); shared != suggested.end()) {
          fit = shared->second;
        }
        text += ": " + std::to_string(fit) + " fit in its share of what the rest leaves; rule " +
                a.rule + ".bounds {\"" + a.key + "\": " + std::to_string(fit) + "}";
        if (!a.elsewhere.empty()) {
          text += ", in the run that migrates '" + a.elsewhere + "' (this one imports it)";
        }
      } else if (a.no_room) {
        text += ": not one element fits in its share of what the rest leaves, so no bound makes "
                "the message fit; split it";
      } else if (a.count_next) {
        text += ": its elements can grow without bound too, so bound their fields first (" +
                a.element_fields + "; the bounds that follow let one element take its whole share) "
                "and run again for its count";
      } else {
        text += ": its elements can grow without bound too, so bound their fields first (" +
                a.element_fields + ") and run again";
      }
      text += ".";
    }
    if (finding.advice.empty()) text += " No single field is to blame: split the message.";
    bool all_numbers = std::all_of(finding.advice.begin(), finding.advice.end(),
                                   [](const Finding::Advice& a) { return a.fit.has_value(); });
    if (finding.advice.size() > 1) {
      text += all_numbers ? " The bounds leave room for each other: apply them all at once."
                          : " The bounds leave room for each other and for the fields still to "
                            "bound: apply them all at once.";
    }
    notes.push_back({Note::Kind::kDecision, finding.where, text});
  }
  return notes;
}

}  // namespace fdfkit::protocol
