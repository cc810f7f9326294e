#include "migrate/protocol/translator.h"

#include <cctype>
#include <functional>
#include <utility>

#include "generators/banjo/banjo_names.h"
#include "migrate/idl/formatter.h"
#include "migrate/protocol/translator_impl.h"

namespace fdfkit::protocol {

namespace {

std::string Lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

std::string AttributeValue(const raw::AttributeList& attrs, std::string_view name) {
  const raw::Attribute* a = attrs.Find(name);
  if (!a || a->args.empty()) return "";
  return a->args[0].value.text;
}

// Calls `visit` on every type a declaration mentions, elements included.
void ForEachType(const flat::Decl& decl, const std::function<void(const flat::Type&)>& visit) {
  std::function<void(const flat::Type&)> walk = [&](const flat::Type& t) {
    visit(t);
    if (t.element) walk(*t.element);
  };
  switch (decl.kind) {
    case flat::Decl::Kind::kStruct:
      for (const auto& m : static_cast<const flat::Struct&>(decl).members) walk(m.type);
      break;
    case flat::Decl::Kind::kUnion:
      for (const auto& m : static_cast<const flat::Union&>(decl).members) {
        if (m.type) walk(*m.type);
      }
      break;
    case flat::Decl::Kind::kTable:
      for (const auto& m : static_cast<const flat::Table&>(decl).members) {
        if (m.type) walk(*m.type);
      }
      break;
    case flat::Decl::Kind::kAlias: walk(static_cast<const flat::Alias&>(decl).target); break;
    case flat::Decl::Kind::kConst: walk(static_cast<const flat::Const&>(decl).type); break;
    case flat::Decl::Kind::kService:
      for (const auto& m : static_cast<const flat::Service&>(decl).members) walk(m.type);
      break;
    case flat::Decl::Kind::kProtocol:
      for (const auto& m : static_cast<const flat::Protocol&>(decl).methods) {
        for (const auto* t : {&m.request, &m.response, &m.success, &m.error}) {
          if (*t) walk(**t);
        }
      }
      break;
    default: break;
  }
}

}  // namespace

std::string TransportOf(const flat::Decl& decl) {
  return Lower(AttributeValue(decl.attrs, "transport"));
}

std::string LayoutOf(const flat::Protocol& p) {
  return generators::banjo::LayoutName(generators::banjo::LayoutOf(p));
}

Translator::Translator(const flat::Library& library, const fdfkit::idl::SourceFiles& files,
                       const Rules& rules, const InventoryTransports& inventory,
                       const std::set<std::string>& migrating)
    : library_(library), files_(files), rules_(rules), inventory_(inventory), migrating_(migrating),
      names_(rules) {
  scope_ = {library_.name, &names_, &copies_, &usings_, &applied_};
}

void Translator::Change(llvm::SMLoc loc, std::string text) {
  out_.notes.push_back({Note::Kind::kChange, files_.Where(loc), std::move(text)});
}

void Translator::LibraryChange(std::string text) {
  out_.notes.push_back({Note::Kind::kChange, out_.source, std::move(text)});
}

void Translator::Decision(llvm::SMLoc loc, std::string text) {
  out_.notes.push_back({Note::Kind::kDecision, files_.Where(loc), std::move(text)});
}

bool Translator::Migrating(const std::string& library) const {
  return library == library_.name || library == "zx" || library == "fidl" ||
         migrating_.count(library);
}

// Method payloads are written inline in their methods, not as declarations.
void Translator::CollectPayloads() {
  for (const auto& decl : library_.decls) {
    if (decl->kind != flat::Decl::Kind::kProtocol) continue;
    for (const flat::Method& m : static_cast<const flat::Protocol&>(*decl).methods) {
      for (const auto* type : {&m.request, &m.response, &m.success}) {
        if (*type && (*type)->decl && (*type)->decl->anonymous) payloads_.insert((*type)->decl);
      }
    }
  }
}

// Types from libraries that have not migrated and whose rule says "copy" are copied into the
// clone (with what they reference from such libraries), as Fuchsia did with TemporaryBoardInfo.
void Translator::CollectCopies() {
  std::function<void(const flat::Type&)> visit;
  std::function<void(const flat::ConstantExpr&)> visit_constant;
  // A declaration of a library that has not migrated and whose rule says copy: copied, with what
  // it references. Types get the copy prefix; constants keep their names (unless one is taken).
  auto copy = [&](const flat::Decl* d) {
    if (!d || Migrating(d->name.library) || copies_.count(d)) return;
    if (d->kind == flat::Decl::Kind::kProtocol || d->kind == flat::Decl::Kind::kResource) return;
    const LibraryRule& rule = rules_.Library(d->name.library);
    if (rule.unmigrated.value_or(rules_.unmigrated_dependencies) != DependencyMode::kCopy) return;
    if (rules_.Type(d->name.library + "/" + d->name.name)) return;  // a type rule replaces it
    std::string name = names_.Decl(*d);
    bool constant = d->kind == flat::Decl::Kind::kConst;
    copies_[d] = constant && !library_.Lookup(d->name.name) ? name : rules_.naming.copy_prefix + name;
    copy_order_.push_back(d);
    ForEachType(*d, visit);
    if (constant && static_cast<const flat::Const*>(d)->value_expr) {
      visit_constant(*static_cast<const flat::Const*>(d)->value_expr);
    }
  };
  visit_constant = [&](const flat::ConstantExpr& e) {
    if (e.kind == flat::ConstantExpr::Kind::kReference) copy(e.decl);
    for (const flat::ConstantExpr& operand : e.operands) visit_constant(operand);
  };
  visit = [&](const flat::Type& t) {
    copy(t.decl);
    copy(t.alias);
    for (const auto& e : {t.size_expr, t.rights_expr}) {
      if (e) visit_constant(*e);
    }
  };
  for (const auto& decl : library_.decls) ForEachType(*decl, visit);
}

bool Translator::FoldsIntoEvents(const flat::Protocol& p, const flat::StructMember& m) const {
  if (m.type.kind != flat::Type::Kind::kClientEnd || !m.type.decl) return false;
  const auto& target = static_cast<const flat::Protocol&>(*m.type.decl);
  if (LayoutOf(target) == "ddk-protocol") return false;
  const ProtocolRule& rule = rules_.Protocol(p.name.library, p.name.name);
  return rule.callbacks.value_or(rules_.callbacks) == Callbacks::kEvents;
}

// Interfaces that a protocol's rule turns into events are not written as protocols.
void Translator::CollectFoldedInterfaces() {
  for (const auto& decl : library_.decls) {
    if (decl->kind != flat::Decl::Kind::kProtocol) continue;
    const auto& p = static_cast<const flat::Protocol&>(*decl);
    if (LayoutOf(p) != "ddk-protocol") continue;
    for (const flat::Method& m : p.methods) {
      if (m.is_event || !m.request || !m.request->decl ||
          m.request->decl->kind != flat::Decl::Kind::kStruct) {
        continue;
      }
      for (const auto& member : static_cast<const flat::Struct&>(*m.request->decl).members) {
        if (FoldsIntoEvents(p, member)) folded_.insert(member.type.decl);
      }
    }
  }
}

// Before anything is written: which in-place members some response returns, so their
// attributes need no decision where the declaration holding them is written.
void Translator::CollectReturnedInPlace() {
  for (const auto& decl : library_.decls) {
    if (decl->kind != flat::Decl::Kind::kProtocol || folded_.count(decl.get())) continue;
    const auto& p = static_cast<const flat::Protocol&>(*decl);
    for (const flat::Method& m : p.methods) {
      const flat::Struct* s = AnonymousStruct(m.request);
      for (size_t i = 0; s && i < s->members.size(); ++i) {
        InPlacePlan plan = PlanInPlace(p, m, s->members[i]);
        using Kind = InPlacePlan::Kind;
        if (plan.kind == Kind::kWhole || plan.kind == Kind::kAlreadyReturned) {
          returned_in_place_.insert(&s->members[i]);
        }
        if (plan.kind != Kind::kNone && plan.kind != Kind::kDeferred && plan.kind != Kind::kRefused) {
          returned_in_place_.insert(plan.fields.begin(), plan.fields.end());
        }
      }
    }
  }
}

Translation Translator::Run() {
  out_.library = library_.name;
  out_.new_library = names_.Library(library_.name);
  out_.source = library_.files.empty() ? "" : library_.files.front();
  out_.mapping = {{"schema", "fdfkit-mapping/1"},
                  {"library", {{"banjo", library_.name}, {"fidl", out_.new_library}}},
                  {"protocols", Json::array()}};
  if (out_.new_library != library_.name) {
    LibraryChange("library '" + library_.name + "' renamed '" + out_.new_library +
                             "' by rule");
  }
  CollectPayloads();
  CollectCopies();
  CollectFoldedInterfaces();
  CollectReturnedInPlace();
  std::string body;
  for (const auto& decl : library_.decls) {
    if (decl->kind == flat::Decl::Kind::kResource || payloads_.count(decl.get()) ||
        folded_.count(decl.get())) {
      continue;
    }
    if (decl->kind == flat::Decl::Kind::kUnion &&
        static_cast<const flat::Union&>(*decl).is_result) {
      continue;
    }
    // The header of another file of the library goes above that file's first declaration.
    auto header = library_.file_headers.find(std::string(files_.FileOf(decl->loc)));
    if (header != library_.file_headers.end() && headers_written_.insert(header->first).second) {
      body += fdfkit::idl::CommentLines(header->second.leading, "");
      if (!header->second.trailing.empty()) body += header->second.trailing + "\n";
    }
    body += Decl(*decl);
    body += std::exchange(pending_declarations_, "");
  }
  for (const flat::Decl* copy : copy_order_) {
    body += Decl(*copy);
    LibraryChange("copied '" + copy->name.library + "." + copy->name.name + "' as '" +
                  copies_.at(copy) + "': '" + copy->name.library + "' is not migrated in this "
                  "run (rule: copy). Delete the copy and import it once that library has "
                  "migrated.");
  }
  body += Services();
  if (!library_.end_comments.empty()) {
    body += fdfkit::idl::CommentLines(library_.end_comments, "", /*closing=*/true);
  }
  std::string head = fdfkit::idl::CommentLines(library_.header.leading, "") +
                     Attributes(library_.attrs, "") +
                     fdfkit::idl::WithTrailing("library " + out_.new_library + ";\n",
                                               library_.header.trailing) +
                     "\n";
  usings_.erase(out_.new_library);
  std::set<std::string> clones = {"zx", "fidl"};  // libraries this run provides, by new name
  for (const std::string& m : migrating_) clones.insert(names_.Library(m));
  for (const std::string& u : usings_) {
    head += "using " + u + ";\n";
    if (!clones.count(u)) {
      LibraryChange("imports '" + u + "', which is not migrated in this run (rule: import): it "
                    "must be on the search path of whoever compiles the clone");
    }
  }
  out_.fidl = head + "\n" + body;
  return std::move(out_);
}

Translation Translate(const flat::Library& library, const fdfkit::idl::SourceFiles& files,
                      const Rules& rules, const InventoryTransports& inventory,
                      const std::set<std::string>& migrating) {
  return Translator(library, files, rules, inventory, migrating).Run();
}

}  // namespace fdfkit::protocol
