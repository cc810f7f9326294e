#include "migrate/idl/type_shape.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace fdfkit::idl {
namespace {

using flat::TypeShape;
constexpr uint32_t kUnbounded = TypeShape::kUnbounded;

uint32_t Add(uint32_t a, uint32_t b) {
  uint64_t sum = static_cast<uint64_t>(a) + b;
  return a == kUnbounded || b == kUnbounded || sum >= kUnbounded ? kUnbounded
                                                                 : static_cast<uint32_t>(sum);
}
uint32_t Mul(uint32_t a, uint32_t b) {
  if (a == 0 || b == 0) return 0;
  uint64_t product = static_cast<uint64_t>(a) * b;
  return a == kUnbounded || b == kUnbounded || product >= kUnbounded
             ? kUnbounded
             : static_cast<uint32_t>(product);
}
uint32_t Align(uint32_t size, uint32_t alignment) {
  if (size == kUnbounded) return kUnbounded;
  uint64_t aligned = (static_cast<uint64_t>(size) + alignment - 1) / alignment * alignment;
  return aligned >= kUnbounded ? kUnbounded : static_cast<uint32_t>(aligned);
}

// An envelope holds values of ≤ 4 bytes inline and everything else out of line.
uint32_t EnvelopeOutOfLine(const TypeShape& content) {
  return content.inline_size <= 4 ? content.max_out_of_line
                                  : Add(Align(content.inline_size, 8), content.max_out_of_line);
}
bool EnvelopePadding(const TypeShape& content) {
  return content.has_padding ||
         (content.inline_size <= 4 ? content.inline_size < 4 : content.inline_size % 8 != 0);
}

class ShapeComputer {
 public:
  ShapeComputer(flat::Library* library, Reporter* reporter)
      : library_(library), reporter_(reporter) {}

  void Run() {
    for (auto& decl : library_->decls) ShapeOfDecl(decl.get(), /*inline_use=*/false);
    for (auto& decl : library_->decls) FillTypes(decl.get());
    for (auto& decl : library_->decls) Order(decl.get());
  }

 private:
  enum class State { kComputing, kDone };

  TypeShape* StoredShape(flat::Decl* decl) {
    switch (decl->kind) {
      case flat::Decl::Kind::kStruct: return &static_cast<flat::Struct*>(decl)->shape;
      case flat::Decl::Kind::kUnion: return &static_cast<flat::Union*>(decl)->shape;
      case flat::Decl::Kind::kTable: return &static_cast<flat::Table*>(decl)->shape;
      case flat::Decl::Kind::kEnum:
      case flat::Decl::Kind::kBits: return &static_cast<flat::Enum*>(decl)->shape;
      default: return nullptr;
    }
  }

  // `inline_use`: the caller stores the value inline (a struct member or array element), so
  // meeting a struct that is still being laid out means its size would be infinite.
  TypeShape ShapeOfDecl(const flat::Decl* const_decl, bool inline_use) {
    auto* decl = const_cast<flat::Decl*>(const_decl);
    TypeShape* stored = StoredShape(decl);
    if (!stored) return {};
    if (decl->name.library != library_->name) return *stored;  // a dependency: already computed
    auto state = states_.find(decl);
    if (state != states_.end()) {
      if (state->second == State::kDone) return *stored;
      return Recursive(decl, inline_use);
    }
    if (depth_ >= flat::kMaxDeclarationDepth) {
      if (!nesting_reported_) {
        nesting_reported_ = true;
        reporter_->Report(diag::kLayoutTooDeep, decl->loc, decl->name.name,
                          flat::kMaxDeclarationDepth);
      }
      return Recursive(decl, /*inline_use=*/false);
    }
    flat::DepthScope nested(&depth_);
    states_[decl] = State::kComputing;
    TypeShape shape;
    switch (decl->kind) {
      case flat::Decl::Kind::kStruct: shape = LayOutStruct(static_cast<flat::Struct*>(decl)); break;
      case flat::Decl::Kind::kUnion: {
        auto* u = static_cast<flat::Union*>(decl);
        shape = EnvelopeShape(u->members, /*table=*/false);
        shape.has_flexible_envelope |= !u->strict;
        break;
      }
      case flat::Decl::Kind::kTable:
        shape = EnvelopeShape(static_cast<flat::Table*>(decl)->members, /*table=*/true);
        break;
      default: {
        uint32_t size = flat::PrimitiveSize(static_cast<flat::Enum*>(decl)->subtype);
        shape.inline_size = shape.alignment = size;
        break;
      }
    }
    *stored = shape;
    states_[decl] = State::kDone;
    return shape;
  }

  TypeShape Recursive(flat::Decl* decl, bool inline_use) {
    TypeShape shape;
    if (decl->kind == flat::Decl::Kind::kStruct) {
      if (inline_use && reported_.insert(decl).second) {
        reporter_->Report(diag::kIncludeCycle, decl->loc, decl->name.name, decl->name.name);
      }
      shape.alignment = 8;  // unknown until done; the cycle makes the rest unbounded anyway
    } else {
      shape.inline_size = 16;
      shape.alignment = 8;
    }
    shape.depth = kUnbounded;
    shape.max_out_of_line = kUnbounded;
    shape.max_handles = flat::IsResource(*decl) ? kUnbounded : 0;
    shape.has_padding = true;
    return shape;
  }

  TypeShape ShapeOfType(const flat::Type& type, bool inline_use) {
    TypeShape shape;
    switch (type.kind) {
      case flat::Type::Kind::kPrimitive:
        shape.inline_size = shape.alignment = flat::PrimitiveSize(type.primitive);
        break;
      case flat::Type::Kind::kHandle:
      case flat::Type::Kind::kClientEnd:
      case flat::Type::Kind::kServerEnd:
        shape.inline_size = shape.alignment = 4;
        shape.max_handles = 1;
        break;
      case flat::Type::Kind::kString: {
        uint32_t bound = type.bounded ? type.element_count : kUnbounded;
        shape.inline_size = 16;
        shape.alignment = 8;
        shape.depth = 1;
        shape.max_out_of_line = Align(bound, 8);
        shape.has_padding = !type.bounded || bound % 8 != 0;
        break;
      }
      case flat::Type::Kind::kVector: {
        TypeShape element = ShapeOfType(*type.element, /*inline_use=*/false);
        uint32_t bound = type.bounded ? type.element_count : kUnbounded;
        shape.inline_size = 16;
        shape.alignment = 8;
        shape.depth = Add(element.depth, 1);
        shape.max_handles = Mul(bound, element.max_handles);
        shape.max_out_of_line =
            Add(Align(Mul(bound, element.inline_size), 8), Mul(bound, element.max_out_of_line));
        shape.has_padding = element.has_padding || element.inline_size % 8 != 0;
        shape.has_flexible_envelope = element.has_flexible_envelope;
        break;
      }
      case flat::Type::Kind::kArray: {
        TypeShape element = ShapeOfType(*type.element, inline_use);
        shape = element;
        shape.inline_size = Mul(type.element_count, element.inline_size);
        shape.max_handles = Mul(type.element_count, element.max_handles);
        shape.max_out_of_line = Mul(type.element_count, element.max_out_of_line);
        break;
      }
      case flat::Type::Kind::kBox: {
        TypeShape boxed = ShapeOfType(*type.element, /*inline_use=*/false);
        shape.inline_size = shape.alignment = 8;
        shape.depth = Add(boxed.depth, 1);
        shape.max_handles = boxed.max_handles;
        shape.max_out_of_line = Add(Align(boxed.inline_size, 8), boxed.max_out_of_line);
        shape.has_padding = boxed.has_padding || boxed.inline_size % 8 != 0;
        shape.has_flexible_envelope = boxed.has_flexible_envelope;
        break;
      }
      case flat::Type::Kind::kIdentifier:
        shape = ShapeOfDecl(type.decl, inline_use);
        break;
    }
    return shape;
  }

  TypeShape LayOutStruct(flat::Struct* s) {
    TypeShape shape;
    if (s->members.empty()) {
      shape.inline_size = 1;  // an empty struct is one zero byte
      return shape;
    }
    uint32_t offset = 0;
    flat::StructMember* previous = nullptr;
    for (auto& m : s->members) {
      TypeShape member = ShapeOfType(m.type, /*inline_use=*/true);
      uint32_t aligned = Align(offset, member.alignment);
      if (previous) previous->padding = aligned - offset;
      shape.has_padding |= aligned != offset || member.has_padding;
      m.offset = aligned;
      offset = Add(aligned, member.inline_size);
      shape.alignment = std::max(shape.alignment, member.alignment);
      shape.depth = std::max(shape.depth, member.depth);
      shape.max_handles = Add(shape.max_handles, member.max_handles);
      shape.max_out_of_line = Add(shape.max_out_of_line, member.max_out_of_line);
      shape.has_flexible_envelope |= member.has_flexible_envelope;
      previous = &m;
    }
    shape.inline_size = Align(offset, shape.alignment);
    previous->padding = shape.inline_size - offset;
    shape.has_padding |= previous->padding != 0;
    return shape;
  }

  TypeShape EnvelopeShape(const std::vector<flat::EnvelopeMember>& members, bool table) {
    TypeShape shape;
    shape.inline_size = 16;
    shape.alignment = 8;
    uint32_t deepest = 0;
    uint64_t max_ordinal = 0;
    for (const auto& m : members) {
      if (!m.type) continue;
      max_ordinal = std::max(max_ordinal, m.ordinal);
      TypeShape content = ShapeOfType(*m.type, /*inline_use=*/false);
      deepest = std::max(deepest, content.depth);
      uint32_t out_of_line = EnvelopeOutOfLine(content);
      shape.max_out_of_line = table ? Add(shape.max_out_of_line, out_of_line)
                                    : std::max(shape.max_out_of_line, out_of_line);
      shape.max_handles = table ? Add(shape.max_handles, content.max_handles)
                                : std::max(shape.max_handles, content.max_handles);
      shape.has_padding |= EnvelopePadding(content);
      shape.has_flexible_envelope |= content.has_flexible_envelope;
    }
    if (table) {
      shape.has_flexible_envelope = true;  // tables are always flexible
      shape.max_out_of_line =
          Add(Mul(static_cast<uint32_t>(std::min<uint64_t>(max_ordinal, kUnbounded)), 8),
              shape.max_out_of_line);
      shape.depth = max_ordinal == 0 ? 1 : Add(deepest, 2);
    } else {
      shape.depth = Add(deepest, 1);
    }
    return shape;
  }

  // Copies shapes into every type the library holds, for readers of the model.
  void FillType(flat::Type& type) {
    if (type.element) FillType(*type.element);
    type.shape = ShapeOfType(type, /*inline_use=*/false);
  }
  void FillTypes(flat::Decl* decl) {
    switch (decl->kind) {
      case flat::Decl::Kind::kStruct:
        for (auto& m : static_cast<flat::Struct*>(decl)->members) FillType(m.type);
        break;
      case flat::Decl::Kind::kUnion:
        for (auto& m : static_cast<flat::Union*>(decl)->members) {
          if (m.type) FillType(*m.type);
        }
        break;
      case flat::Decl::Kind::kTable:
        for (auto& m : static_cast<flat::Table*>(decl)->members) {
          if (m.type) FillType(*m.type);
        }
        break;
      case flat::Decl::Kind::kConst: FillType(static_cast<flat::Const*>(decl)->type); break;
      case flat::Decl::Kind::kAlias: FillType(static_cast<flat::Alias*>(decl)->target); break;
      case flat::Decl::Kind::kService:
        for (auto& m : static_cast<flat::Service*>(decl)->members) FillType(m.type);
        break;
      case flat::Decl::Kind::kProtocol:
        for (auto& m : static_cast<flat::Protocol*>(decl)->methods) {
          for (auto* t : {&m.request, &m.response, &m.success, &m.error}) {
            if (*t) FillType(**t);
          }
        }
        break;
      default:
        break;
    }
  }

  // Post-order over the declarations a declaration uses: what a generator must emit first.
  void Order(const flat::Decl* decl) {
    if (decl->name.library != library_->name || !visited_.insert(decl).second) return;
    // Past the limit (already reported by ShapeOfDecl) the order is only approximate.
    if (depth_ >= flat::kMaxDeclarationDepth) {
      library_->declaration_order.push_back(decl);
      return;
    }
    flat::DepthScope nested(&depth_);
    auto visit = [&](const flat::Type& type) { VisitType(type); };
    switch (decl->kind) {
      case flat::Decl::Kind::kStruct:
        for (const auto& m : static_cast<const flat::Struct*>(decl)->members) visit(m.type);
        break;
      case flat::Decl::Kind::kUnion:
        for (const auto& m : static_cast<const flat::Union*>(decl)->members) {
          if (m.type) visit(*m.type);
        }
        break;
      case flat::Decl::Kind::kTable:
        for (const auto& m : static_cast<const flat::Table*>(decl)->members) {
          if (m.type) visit(*m.type);
        }
        break;
      case flat::Decl::Kind::kConst: visit(static_cast<const flat::Const*>(decl)->type); break;
      case flat::Decl::Kind::kAlias: visit(static_cast<const flat::Alias*>(decl)->target); break;
      case flat::Decl::Kind::kService:
        for (const auto& m : static_cast<const flat::Service*>(decl)->members) visit(m.type);
        break;
      case flat::Decl::Kind::kProtocol: {
        auto* p = static_cast<const flat::Protocol*>(decl);
        for (const flat::Protocol* composed : p->composed) Order(composed);
        for (const auto& m : p->methods) {
          for (const auto* t : {&m.request, &m.response, &m.success, &m.error}) {
            if (*t) visit(**t);
          }
        }
        break;
      }
      default:
        break;
    }
    library_->declaration_order.push_back(decl);
  }
  void VisitType(const flat::Type& type) {
    if (type.element) VisitType(*type.element);
    // Protocol ends only name a protocol; they need no definition first (and often cycle).
    if (type.kind == flat::Type::Kind::kIdentifier && type.decl) Order(type.decl);
  }

  flat::Library* library_;
  Reporter* reporter_;
  std::unordered_map<const flat::Decl*, State> states_;
  std::set<const flat::Decl*> reported_;
  int depth_ = 0;
  bool nesting_reported_ = false;
  std::unordered_set<const flat::Decl*> visited_;
};

}  // namespace

void ComputeShapes(flat::Library* library, Reporter* reporter) {
  ShapeComputer(library, reporter).Run();
}

}  // namespace fdfkit::idl
