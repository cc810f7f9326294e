#include "migrate/idl/resolver.h"

#include <algorithm>
#include <cctype>
#include <unordered_map>

#include "migrate/idl/identifiers.h"

namespace fdfkit::idl {
namespace {

bool HasModifier(const std::vector<std::string>& modifiers, std::string_view word) {
  return std::find(modifiers.begin(), modifiers.end(), word) != modifiers.end();
}

int OpennessRank(flat::Protocol::Openness openness) { return static_cast<int>(openness); }

// Whether values of `type` carry handles, given the resourceness known so far.
bool CarriesHandles(const flat::Type& type) {
  switch (type.kind) {
    case flat::Type::Kind::kHandle:
    case flat::Type::Kind::kClientEnd:
    case flat::Type::Kind::kServerEnd:
      return true;
    case flat::Type::Kind::kVector:
    case flat::Type::Kind::kArray:
    case flat::Type::Kind::kBox:
      return CarriesHandles(*type.element);
    case flat::Type::Kind::kIdentifier:
      return flat::IsResource(*type.decl);
    default:
      return false;
  }
}

}  // namespace

std::unique_ptr<flat::Decl> NewLayoutDecl(raw::Layout::Kind kind) {
  switch (kind) {
    case raw::Layout::Kind::kStruct: return std::make_unique<flat::Struct>();
    case raw::Layout::Kind::kUnion: return std::make_unique<flat::Union>();
    case raw::Layout::Kind::kTable: return std::make_unique<flat::Table>();
    case raw::Layout::Kind::kEnum: return std::make_unique<flat::Enum>(flat::Decl::Kind::kEnum);
    case raw::Layout::Kind::kBits: return std::make_unique<flat::Enum>(flat::Decl::Kind::kBits);
  }
  return nullptr;
}

Resolver::Resolver(flat::Library* library, std::vector<const raw::File*> files,
                   const LibraryMap& known, Reporter* reporter)
    : library_(library), files_(std::move(files)), known_(known), reporter_(reporter) {}

void Resolver::Run() {
  BuildScopes();
  for (size_t i = 0; i < files_.size(); ++i) {
    for (const raw::Decl& decl : files_[i]->decls) RegisterTopLevel(decl, scopes_[i].get());
  }
  // Index loop: resolving appends the inline and synthesized declarations it creates.
  for (size_t i = 0; i < library_->decls.size(); ++i) Resolve(library_->decls[i].get());
  CheckLibraryModernSpellings();
  InferResources();
}

Resolver::ScopedName Resolver::Scoped(std::string_view owner, std::string_view name,
                                      llvm::SMLoc loc, bool alias_constant) {
  ScopedName n{owner, name, alias_constant, loc};
  if (StartsWithDigit(name)) n.modern = FidlIdentifier(name);
  return n;
}

std::string Resolver::ScopedName::What() const {
  std::string full = owner.empty() ? std::string(name) : std::string(owner) + "." + std::string(name);
  return alias_constant ? "enum alias '" + full + "' (a constant)" : "'" + full + "'";
}

void Resolver::CheckModernSpellings(const std::vector<ScopedName>& names) {
  // Almost every scope is spelled the same in modern FIDL: nothing to compare then.
  if (std::none_of(names.begin(), names.end(), [](const ScopedName& n) { return n.Changed(); })) {
    return;
  }
  std::unordered_map<std::string_view, const ScopedName*> taken;  // spelling → its first owner
  for (const ScopedName& n : names) {
    if (!n.Changed()) taken.emplace(n.Written(), &n);  // the names the input wrote come first
  }
  for (const ScopedName& n : names) {
    if (!n.Changed()) continue;
    auto [it, fresh] = taken.emplace(n.Written(), &n);
    if (!fresh) {
      reporter_->Report(diag::kModernSpellingCollides, n.loc, n.What(), n.Written(),
                        it->second->What(), reporter_->Where(it->second->loc));
    }
  }
}

void Resolver::CheckLibraryModernSpellings() {
  std::vector<ScopedName> names;
  for (const auto& decl : library_->decls) {
    if (decl->name.name.empty() || decl->name.name.find('.') != std::string::npos) continue;
    names.push_back(Scoped("", decl->name.name, decl->loc));
  }
  for (const auto& decl : library_->decls) {
    if (decl->kind != flat::Decl::Kind::kEnum && decl->kind != flat::Decl::Kind::kBits) continue;
    const auto& e = static_cast<const flat::Enum&>(*decl);
    for (const auto& m : e.members) {
      if (e.aliases.count(m.name)) names.push_back(Scoped(e.name.name, m.name, m.loc, true));
    }
  }
  CheckModernSpellings(names);
}

void Resolver::BuildScopes() {
  for (const raw::File* file : files_) {
    auto scope = std::make_unique<Scope>();
    scope->file = file;
    // zx is ambient: banjo and old FIDL used `handle<vmo>` and `zx.status` without importing it.
    if (known_.count("zx")) scope->imports["zx"] = known_.at("zx");
    for (const raw::Using& u : file->usings) {
      auto it = known_.find(u.library);
      if (it == known_.end()) continue;  // the loader reported it
      if (!u.alias.empty()) {
        if (scope->imports.count(u.alias) && scope->imports[u.alias] != it->second) {
          reporter_->Report(diag::kDuplicateImportAlias, u.loc, u.alias);
          continue;
        }
        scope->imports[u.alias] = it->second;
      } else {
        scope->imports[u.library] = it->second;
      }
      if (std::find(library_->dependencies.begin(), library_->dependencies.end(), it->second) ==
          library_->dependencies.end()) {
        library_->dependencies.push_back(it->second);
      }
    }
    scopes_.push_back(std::move(scope));
  }
}

flat::Decl* Resolver::Register(std::unique_ptr<flat::Decl> decl, Source source) {
  decl->name.library = library_->name;
  decl->raw_layout = source.layout;
  auto [it, inserted] = library_->by_name.emplace(decl->name.name, decl.get());
  if (!inserted) {
    reporter_->Report(diag::kDuplicateDeclaration, decl->loc, decl->name.name,
                      reporter_->Where(it->second->loc));
  }
  flat::Decl* raw_pointer = decl.get();
  sources_[raw_pointer] = source;
  library_->decls.push_back(std::move(decl));
  return raw_pointer;
}

void Resolver::RegisterTopLevel(const raw::Decl& decl, const Scope* scope) {
  std::unique_ptr<flat::Decl> out;
  Source source{&decl, nullptr, scope};
  switch (decl.kind) {
    case raw::Decl::Kind::kConst: out = std::make_unique<flat::Const>(); break;
    case raw::Decl::Kind::kAlias: out = std::make_unique<flat::Alias>(); break;
    case raw::Decl::Kind::kProtocol: out = std::make_unique<flat::Protocol>(); break;
    case raw::Decl::Kind::kService: out = std::make_unique<flat::Service>(); break;
    case raw::Decl::Kind::kResource: out = std::make_unique<flat::Resource>(); break;
    case raw::Decl::Kind::kType:
      if (!decl.type || !decl.type->layout) return;  // the parser reported it
      source.layout = decl.type->layout.get();
      out = NewLayoutDecl(source.layout->kind);
      break;
  }
  out->name.name = decl.name;
  out->loc = decl.loc;
  out->comments = decl.comments;
  out->attrs = decl.attrs;
  out->closing = source.layout ? source.layout->closing : decl.closing;
  if (source.layout) {
    for (const raw::Attribute& a : source.layout->attrs.items) out->attrs.items.push_back(a);
  }
  Register(std::move(out), source);
}

void Resolver::Resolve(flat::Decl* decl) {
  auto it = sources_.find(decl);
  if (it == sources_.end()) return;  // from another library: resolved already
  Source& source = it->second;
  if (source.state == State::kDone) return;
  if (source.state == State::kResolving) {
    reporter_->Report(diag::kSelfReference, decl->loc, decl->name.name);
    return;
  }
  if (depth_ >= flat::kMaxDeclarationDepth) {
    if (!nesting_reported_) {  // once: a long chain would otherwise repeat it every 128 links
      nesting_reported_ = true;
      reporter_->Report(diag::kDefinitionTooDeep, decl->loc, decl->name.name,
                        flat::kMaxDeclarationDepth);
    }
    source.state = State::kDone;
    return;
  }
  flat::DepthScope nested(&depth_);
  source.state = State::kResolving;
  const Scope* scope = source.scope;
  if (source.layout) {
    ResolveLayout(decl, *source.layout, scope);
  } else if (source.decl) {
    const raw::Decl& raw = *source.decl;
    switch (decl->kind) {
      case flat::Decl::Kind::kConst: {
        auto* c = static_cast<flat::Const*>(decl);
        c->type = ResolveType(*raw.type, scope, "");
        if (raw.value) {
          c->expression = raw.value->text;
          if (auto value = ResolveConstant(*raw.value, c->type, scope)) {
            c->value = *value;
            c->value_expr = ExpressionOf(*raw.value, scope);
          }
        }
        break;
      }
      case flat::Decl::Kind::kAlias:
        static_cast<flat::Alias*>(decl)->target = ResolveType(*raw.type, scope, "");
        break;
      case flat::Decl::Kind::kProtocol:
        ResolveProtocol(static_cast<flat::Protocol*>(decl), raw, scope);
        break;
      case flat::Decl::Kind::kService:
        ResolveService(static_cast<flat::Service*>(decl), raw, scope);
        break;
      default:
        break;
    }
  }
  // Synthesized declarations (empty success structs, result unions) are complete on creation.
  sources_[decl].state = State::kDone;
}

void Resolver::ResolveLayout(flat::Decl* decl, const raw::Layout& layout, const Scope* scope) {
  switch (decl->kind) {
    case flat::Decl::Kind::kStruct:
      ResolveStruct(static_cast<flat::Struct*>(decl), layout, scope);
      break;
    case flat::Decl::Kind::kUnion: {
      auto* u = static_cast<flat::Union*>(decl);
      u->strict = !HasModifier(layout.modifiers, "flexible");
      u->resource = HasModifier(layout.modifiers, "resource");
      ResolveEnvelopes(decl, &u->members, layout, scope);
      break;
    }
    case flat::Decl::Kind::kTable: {
      auto* t = static_cast<flat::Table*>(decl);
      t->resource = HasModifier(layout.modifiers, "resource");
      ResolveEnvelopes(decl, &t->members, layout, scope);
      break;
    }
    case flat::Decl::Kind::kEnum:
    case flat::Decl::Kind::kBits:
      ResolveEnum(static_cast<flat::Enum*>(decl), layout, scope);
      break;
    default:
      break;
  }
}

static void CopyMemberHeader(const raw::LayoutMember& m, flat::Member* out) {
  out->name = m.name;
  out->loc = m.loc;
  out->comments = m.comments;
  out->attrs = m.attrs;
}

// The name an inline layout of member `m` gets: `@generated_name` or the member's name in
// UpperCamelCase.
static std::string InlineName(const raw::LayoutMember& m) {
  if (m.type && m.type->layout) {
    if (const raw::Attribute* a = m.type->layout->attrs.Find("generated_name");
        a && !a->args.empty()) {
      return a->args[0].value.text;
    }
  }
  return flat::UpperCamel(m.name);
}

void Resolver::ResolveStruct(flat::Struct* decl, const raw::Layout& layout, const Scope* scope) {
  decl->resource = HasModifier(layout.modifiers, "resource");
  std::vector<const flat::Member*> members;
  decl->members.reserve(layout.members.size());
  for (const raw::LayoutMember& m : layout.members) {
    flat::StructMember out;
    CopyMemberHeader(m, &out);
    if (!m.type) continue;
    out.type = ResolveType(*m.type, scope, InlineName(m));
    if (m.value) {
      out.default_value = ResolveConstant(*m.value, out.type, scope);
      if (out.default_value) out.default_expr = ExpressionOf(*m.value, scope);
    }
    decl->members.push_back(std::move(out));
  }
  for (const auto& m : decl->members) members.push_back(&m);
  CheckDuplicateMembers(members, *decl);
}

void Resolver::ResolveEnvelopes(flat::Decl* decl, std::vector<flat::EnvelopeMember>* out,
                                const raw::Layout& layout, const Scope* scope) {
  std::map<uint64_t, const flat::EnvelopeMember*> ordinals;
  uint64_t next = 1;
  out->reserve(layout.members.size());
  for (const raw::LayoutMember& m : layout.members) {
    flat::EnvelopeMember member;
    CopyMemberHeader(m, &member);
    member.ordinal = next++;
    if (m.ordinal) {
      flat::Type u64;
      u64.primitive = flat::PrimitiveKind::kUint64;
      auto value = ResolveLiteral(*m.ordinal, u64);
      if (!value || value->integer < 1 || value->integer > UINT32_MAX) {
        reporter_->Report(diag::kOrdinalOutOfRange, m.ordinal->loc, m.ordinal->text);
        continue;
      }
      member.ordinal = static_cast<uint64_t>(value->integer);
    }
    if (!m.reserved && m.type) member.type = ResolveType(*m.type, scope, InlineName(m));
    out->push_back(std::move(member));
  }
  std::vector<const flat::Member*> named;
  for (const auto& member : *out) {
    auto [it, inserted] = ordinals.emplace(member.ordinal, &member);
    if (!inserted) {
      reporter_->Report(diag::kDuplicateOrdinal, member.loc, std::to_string(member.ordinal),
                        member.name, it->second->name, reporter_->Where(it->second->loc));
    }
    if (member.type) named.push_back(&member);
  }
  CheckDuplicateMembers(named, *decl);
}

void Resolver::ResolveEnum(flat::Enum* decl, const raw::Layout& layout, const Scope* scope) {
  bool bits = decl->kind == flat::Decl::Kind::kBits;
  decl->strict = !HasModifier(layout.modifiers, "flexible");
  if (layout.subtype) {
    flat::Type subtype = ResolveType(*layout.subtype, scope, "");
    bool ok = subtype.kind == flat::Type::Kind::kPrimitive && flat::IsInteger(subtype.primitive) &&
              subtype.primitive != flat::PrimitiveKind::kUsize &&
              (!bits || !flat::IsSigned(subtype.primitive));
    if (ok) {
      decl->subtype = subtype.primitive;
    } else {
      reporter_->Report(bits ? diag::kBitsNeedUnsigned : diag::kEnumNeedsInteger,
                        layout.subtype->loc, decl->name.name, layout.subtype->name);
    }
  }
  flat::Type value_type;
  value_type.primitive = decl->subtype;
  std::map<__int128, std::string_view> values;  // value → the first member with it
  decl->members.reserve(layout.members.size());
  for (const raw::LayoutMember& m : layout.members) {
    flat::ValueMember member;
    CopyMemberHeader(m, &member);
    if (!m.value) continue;
    auto value = ResolveConstant(*m.value, value_type, scope);
    if (!value) continue;
    member.value = *value;
    member.value_expr = ExpressionOf(*m.value, scope);
    __int128 v = value->integer;
    if (bits) {
      if (v != 0 && (v & (v - 1)) != 0) {
        reporter_->Report(diag::kBitsNotPowerOfTwo, m.value->loc, m.name, value->ToString());
      }
      decl->mask |= static_cast<uint64_t>(v);
    }
    if (auto [it, inserted] = values.emplace(v, m.name); !inserted) {
      // Banjo allowed aliases (two names for one value); the new syntax, which fidlc parsed,
      // never did. The same line as for names that start with a digit (parser.cc).
      raw::Dialect dialect = scope->file->dialect;
      bool legacy = dialect == raw::Dialect::kBanjoV1 || dialect == raw::Dialect::kBanjoV2 ||
                    dialect == raw::Dialect::kLegacyFidl;
      reporter_->Report(legacy ? diag::kMemberValueAlias : diag::kDuplicateMemberValue,
                        m.value->loc, bits ? "bits" : "enum", m.name, it->second,
                        value->ToString());
      decl->aliases.emplace(m.name, it->second);
    }
    decl->members.push_back(std::move(member));
  }
  std::vector<const flat::Member*> members;
  members.reserve(decl->members.size());
  for (const auto& m : decl->members) members.push_back(&m);
  CheckDuplicateMembers(members, *decl);
}

void Resolver::CheckDuplicateMembers(const std::vector<const flat::Member*>& members,
                                     const flat::Decl& owner) {
  std::unordered_map<std::string_view, const flat::Member*> seen;
  seen.reserve(members.size());
  for (const flat::Member* m : members) {
    auto [it, inserted] = seen.emplace(m->name, m);
    if (!inserted) {
      reporter_->Report(diag::kDuplicateMember, m->loc, owner.name.name, m->name,
                        reporter_->Where(it->second->loc));
    }
  }
  std::vector<ScopedName> names;
  names.reserve(members.size());
  for (const flat::Member* m : members) names.push_back(Scoped(owner.name.name, m->name, m->loc));
  CheckModernSpellings(names);
}

void Resolver::ResolveProtocol(flat::Protocol* decl, const raw::Decl& raw, const Scope* scope) {
  if (HasModifier(raw.modifiers, "open")) decl->openness = flat::Protocol::Openness::kOpen;
  if (HasModifier(raw.modifiers, "ajar")) decl->openness = flat::Protocol::Openness::kAjar;
  for (const raw::Compose& c : raw.composes) {
    auto target = Lookup(c.name, c.loc, scope);
    if (!target) continue;
    if (target->member || target->decl->kind != flat::Decl::Kind::kProtocol) {
      reporter_->Report(diag::kNotAProtocol, c.loc, c.name);
      continue;
    }
    auto* composed = static_cast<const flat::Protocol*>(target->decl);
    Resolve(const_cast<flat::Decl*>(target->decl));
    if (OpennessRank(composed->openness) > OpennessRank(decl->openness)) {
      reporter_->Report(diag::kComposedOpenness, c.loc, flat::OpennessName(decl->openness),
                        decl->name.name, flat::OpennessName(composed->openness), c.name);
    }
    decl->composed.push_back(composed);
    for (const flat::Method* m : composed->all_methods) decl->all_methods.push_back(m);
  }
  decl->methods.reserve(raw.methods.size());  // all_methods points into it
  for (const raw::Method& m : raw.methods) {
    decl->methods.emplace_back();
    ResolveMethod(decl, &decl->methods.back(), m, scope);
  }
  for (const flat::Method& m : decl->methods) decl->all_methods.push_back(&m);
  std::vector<ScopedName> spellings;
  spellings.reserve(decl->all_methods.size());
  for (const flat::Method* m : decl->all_methods) {
    spellings.push_back(Scoped(decl->name.name, m->name, m->loc));
  }
  CheckModernSpellings(spellings);
  std::map<std::string_view, const flat::Method*> names;
  std::map<uint64_t, const flat::Method*> ordinals;
  for (const flat::Method* m : decl->all_methods) {
    if (auto [it, inserted] = names.emplace(m->name, m); !inserted) {
      reporter_->Report(diag::kDuplicateMethod, m->loc, decl->name.name, m->name,
                        reporter_->Where(it->second->loc));
    } else if (auto [other, fresh] = ordinals.emplace(m->ordinal, m); !fresh) {
      reporter_->Report(diag::kDuplicateMethodOrdinal, m->loc, m->name, other->second->name);
    }
  }
}

void Resolver::ResolveMethod(flat::Protocol* protocol, flat::Method* method, const raw::Method& raw,
                             const Scope* scope) {
  method->name = raw.name;
  method->loc = raw.loc;
  method->comments = raw.comments;
  method->attrs = raw.attrs;
  method->declared_in = protocol;
  method->is_event = raw.is_event;
  method->strict = !HasModifier(raw.modifiers, "flexible");
  method->selector = library_->name + "/" + protocol->name.name + "." + raw.name;
  if (const raw::Attribute* a = raw.attrs.Find("selector"); a && !a->args.empty()) {
    const std::string& selector = a->args[0].value.text;
    method->selector = selector.find('/') != std::string::npos
                           ? selector
                           : library_->name + "/" + protocol->name.name + "." + selector;
  }
  method->ordinal = flat::MethodOrdinal(method->selector);
  bool two_way = raw.has_request && raw.has_response;
  if (!method->strict && protocol->openness == flat::Protocol::Openness::kClosed) {
    reporter_->Report(diag::kFlexibleMethodInClosedProtocol, raw.loc, protocol->name.name,
                      raw.name);
  } else if (!method->strict && two_way && protocol->openness == flat::Protocol::Openness::kAjar) {
    reporter_->Report(diag::kFlexibleTwoWayInAjarProtocol, raw.loc, protocol->name.name,
                      raw.name);
  }
  std::string prefix = protocol->name.name + flat::UpperCamel(raw.name);
  method->has_request = raw.has_request;
  if (raw.request) method->request = ResolvePayload(*raw.request, prefix + "Request", scope);
  method->has_response = raw.has_response;
  std::optional<flat::Type> payload;
  if (raw.response) {
    payload = ResolvePayload(*raw.response, prefix + (raw.is_event ? "Request" : "Response"), scope);
  }
  if (raw.error) {
    flat::Type error = ResolveType(*raw.error, scope, "");
    const flat::Type* underlying = &error;
    flat::Type enum_subtype;
    if (error.kind == flat::Type::Kind::kIdentifier && error.decl->kind == flat::Decl::Kind::kEnum) {
      enum_subtype.primitive = static_cast<const flat::Enum*>(error.decl)->subtype;
      underlying = &enum_subtype;
    }
    if (underlying->kind != flat::Type::Kind::kPrimitive ||
        (underlying->primitive != flat::PrimitiveKind::kInt32 &&
         underlying->primitive != flat::PrimitiveKind::kUint32)) {
      reporter_->Report(diag::kInvalidErrorType, raw.error->loc, raw.name);
    }
    method->error = std::move(error);
  }
  if (!raw.is_event && two_way && (method->error || !method->strict)) {
    method->response = SynthesizeResult(protocol, method, std::move(payload), raw.loc);
  } else {
    method->response = std::move(payload);
  }
}

std::optional<flat::Type> Resolver::ResolvePayload(const raw::TypeConstructor& type,
                                                   const std::string& name, const Scope* scope) {
  flat::Type out = ResolveType(type, scope, name);
  bool layout = out.kind == flat::Type::Kind::kIdentifier &&
                (out.decl->kind == flat::Decl::Kind::kStruct ||
                 out.decl->kind == flat::Decl::Kind::kTable ||
                 out.decl->kind == flat::Decl::Kind::kUnion);
  if (!layout || out.nullable) {
    reporter_->Report(diag::kInvalidPayloadType, type.loc,
                      type.name.empty() ? std::string("inline layout") : type.name);
    return std::nullopt;
  }
  return out;
}

flat::Type Resolver::SynthesizeResult(flat::Protocol* protocol, flat::Method* method,
                                      std::optional<flat::Type> payload, llvm::SMLoc loc) {
  std::string prefix = protocol->name.name + flat::UpperCamel(method->name);
  if (!payload) {
    auto empty = std::make_unique<flat::Struct>();
    empty->name.name = prefix + "Response";
    empty->loc = loc;
    empty->anonymous = true;
    flat::Type t;
    t.kind = flat::Type::Kind::kIdentifier;
    t.decl = Register(std::move(empty), Source{});
    payload = std::move(t);
  }
  auto result = std::make_unique<flat::Union>();
  result->name.name = prefix + "Result";
  result->loc = loc;
  result->anonymous = true;
  result->is_result = true;
  flat::EnvelopeMember response;
  response.name = "response";
  response.loc = loc;
  response.ordinal = 1;
  response.type = *payload;
  result->members.push_back(response);
  flat::EnvelopeMember err;
  err.name = method->error ? "err" : "reserved";
  err.loc = loc;
  err.ordinal = 2;
  err.type = method->error;
  result->members.push_back(err);
  if (!method->strict) {
    const flat::Library* fidl = known_.count("fidl") ? known_.at("fidl") : nullptr;
    if (const flat::Decl* framework_err = fidl ? fidl->Lookup("FrameworkErr") : nullptr) {
      flat::EnvelopeMember framework;
      framework.name = "framework_err";
      framework.loc = loc;
      framework.ordinal = 3;
      framework.type.emplace();
      framework.type->kind = flat::Type::Kind::kIdentifier;
      framework.type->decl = framework_err;
      result->members.push_back(framework);
    }
  }
  method->success = std::move(payload);
  flat::Type t;
  t.kind = flat::Type::Kind::kIdentifier;
  t.decl = Register(std::move(result), Source{});
  return t;
}

void Resolver::ResolveService(flat::Service* decl, const raw::Decl& raw, const Scope* scope) {
  std::vector<const flat::Member*> members;
  for (const raw::LayoutMember& m : raw.members) {
    if (!m.type) continue;
    flat::ServiceMember member;
    CopyMemberHeader(m, &member);
    member.type = ResolveType(*m.type, scope, "");
    if (member.type.kind != flat::Type::Kind::kClientEnd) {
      reporter_->Report(diag::kServiceMemberNotClientEnd, m.type->loc, m.name);
    }
    decl->members.push_back(std::move(member));
  }
  for (const auto& m : decl->members) members.push_back(&m);
  CheckDuplicateMembers(members, *decl);
}

// A layout that holds handles is a resource type. Banjo and old-syntax files never say so, so
// there it is inferred; modern FIDL must say it, as fidlc requires.
void Resolver::InferResources() {
  // Users of each layout, and the layouts that hold a handle themselves: resourceness then
  // spreads from those along the user edges, once per declaration (linear, whatever the order).
  std::unordered_map<const flat::Decl*, std::vector<flat::Decl*>> users;
  std::vector<flat::Decl*> worklist;
  std::set<const flat::Decl*> declared;
  for (auto& d : library_->decls) {
    bool* flag = flat::ResourceFlag(d.get());
    if (!flag) continue;
    if (*flag) {
      declared.insert(d.get());
      worklist.push_back(d.get());
    }
    std::vector<const flat::Type*> types;
    if (d->kind == flat::Decl::Kind::kStruct) {
      for (const auto& m : static_cast<flat::Struct*>(d.get())->members) types.push_back(&m.type);
    } else {
      const auto& members = d->kind == flat::Decl::Kind::kUnion
                                ? static_cast<flat::Union*>(d.get())->members
                                : static_cast<flat::Table*>(d.get())->members;
      for (const auto& m : members) {
        if (m.type) types.push_back(&*m.type);
      }
    }
    for (const flat::Type* type : types) {
      while (type->element) type = type->element.get();
      if (type->kind == flat::Type::Kind::kIdentifier && type->decl->name.library == library_->name) {
        users[type->decl].push_back(d.get());
      } else if (!*flag && CarriesHandles(*type)) {
        *flag = true;
        worklist.push_back(d.get());
      }
    }
  }
  while (!worklist.empty()) {
    flat::Decl* done = worklist.back();
    worklist.pop_back();
    for (flat::Decl* user : users[done]) {
      bool* flag = flat::ResourceFlag(user);
      if (!*flag) {
        *flag = true;
        worklist.push_back(user);
      }
    }
  }
  for (auto& d : library_->decls) {
    bool* flag = flat::ResourceFlag(d.get());
    if (!flag || !*flag || declared.count(d.get())) continue;
    const Source& source = sources_[d.get()];
    if (!source.scope) continue;  // synthesized: follows its members
    raw::Dialect dialect = source.scope->file->dialect;
    if (dialect == raw::Dialect::kFidl || dialect == raw::Dialect::kModernFidl) {
      reporter_->Report(diag::kMustBeResource, d->loc, d->name.name);
    }
  }
}

}  // namespace fdfkit::idl
