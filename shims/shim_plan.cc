#include "shims/shim_plan.h"

#include "generators/banjo/banjo_text.h"
#include "shims/shim_completion.h"

namespace fdfkit::shims {
namespace {

const nlohmann::json* FindRow(const nlohmann::json& rows, const char* side, const char* key,
                              const std::string& name) {
  if (!rows.is_array()) return nullptr;
  for (const nlohmann::json& row : rows) {
    if (row.contains(side) && row[side].is_object() && row[side].value(key, "") == name) {
      return &row;
    }
  }
  return nullptr;
}

const flat::StructMember* FieldNamed(const std::vector<const flat::StructMember*>& fields,
                                     const std::string& name) {
  for (const flat::StructMember* field : fields) {
    if (field->name == name) return field;
  }
  return nullptr;
}

// A method row's parameter rows (none when the mapping has no list).
const nlohmann::json& ParametersOf(const nlohmann::json& row) {
  static const nlohmann::json kNone = nlohmann::json::array();
  return row.contains("parameters") ? row["parameters"] : kNone;
}

bool PassesProtocol(const Param& p) {
  return p.shape == generators::banjo::Shape::kProtocol ||
         p.shape == generators::banjo::Shape::kCallback;
}

// An interface or callback parameter travels as a client end of its own clone: the mapping row
// of its banjo protocol must name the FIDL protocol of the field, in this library.
std::optional<std::string> CheckReverse(const Param& p, const flat::Type& fidl,
                                        const nlohmann::json& protocol_rows,
                                        const std::string& banjo_library) {
  if (fidl.kind != flat::Type::Kind::kClientEnd || !fidl.decl) {
    return "'" + p.name + "' passes a protocol but its FIDL field is not a client_end";
  }
  if (!p.decl) return "'" + p.name + "' passes a protocol it does not name";
  const nlohmann::json* row = FindRow(protocol_rows, "banjo", "protocol", p.decl->name.name);
  if (!row || row->value("/fidl/protocol"_json_pointer, "") != fidl.decl->name.name ||
      row->value("/fidl/transport"_json_pointer, "") != "driver") {
    return "'" + p.name + "' passes " + p.decl->name.name + ", which the mapping does not clone " +
           "as the driver-transport protocol " + fidl.decl->name.name;
  }
  return std::nullopt;
}

// A ddk-callback of another library travels as a client end of its clone there (a
// driver-transport protocol of the same name); its shims are that library's, so only a
// Completion (shim_completion.h) carries it.
std::optional<std::string> CheckForeignCallback(const Param& p, const flat::Type& fidl) {
  std::string why = "'" + p.name + "' passes " + p.decl->name.Full() +
                    ", whose shims belong to another library's header";
  if (p.shape != generators::banjo::Shape::kCallback) return why;
  if (fidl.kind != flat::Type::Kind::kClientEnd || !fidl.decl ||
      fidl.decl->name.name != p.decl->name.name ||
      generators::TransportOf(*fidl.decl) != "driver") {
    return why + ", and its FIDL field is no client end of that callback's driver-transport clone";
  }
  return std::nullopt;
}

// `param[].field` written in place in every element, returned as the response vector `field`
// whose elements hold the written fields by name; why not, if it cannot be shimmed.
std::optional<std::string> PlanElementWriteBack(const std::string& banjo_name,
                                                const std::string& field, MethodPlan* plan,
                                                Conversions* conversions) {
  std::string param_name = banjo_name.substr(0, banjo_name.find("[]."));
  std::string why = "the mapping returns '" + banjo_name + "' as response field '" + field + "'";
  if (plan->banjo->is_async) return why + " of an @async method, which is not shimmed";
  const Param* param = nullptr;
  for (const Param& p : plan->banjo->in) {
    if (p.member->name == param_name) param = &p;
  }
  const flat::StructMember* returned = FieldNamed(plan->response, field);
  if (!param || param->shape != generators::banjo::Shape::kVector || !returned) {
    return why + ", but '" + param_name + "' is no vector in-parameter or '" + field +
           "' no response field";
  }
  const flat::Type& element = *param->member->type.element;
  const flat::Type* written = returned->type.element.get();
  auto is_struct = [](const flat::Type* t) {
    return t && t->kind == flat::Type::Kind::kIdentifier && t->decl &&
           t->decl->kind == flat::Decl::Kind::kStruct;
  };
  if (returned->type.kind != flat::Type::Kind::kVector || !is_struct(written) ||
      !is_struct(&element)) {
    return why + ", which is not a vector of structs for a vector of structs";
  }
  ElementWriteBack write_back{param, returned, {}};
  const auto& banjo_fields = static_cast<const flat::Struct*>(element.decl)->members;
  for (const flat::StructMember& f : static_cast<const flat::Struct*>(written->decl)->members) {
    const flat::StructMember* source = nullptr;
    for (const flat::StructMember& candidate : banjo_fields) {
      if (candidate.name == f.name) source = &candidate;
    }
    if (!source) return why + ", whose field '" + f.name + "' is not in " + element.decl->name.name;
    Param as_field = generators::banjo::FieldOf(*source, false);
    // Copied into the caller's own buffer of that element: numbers only, bounded by its count.
    if (as_field.shape != generators::banjo::Shape::kVector || !as_field.mutable_data ||
        !IsScalar(*source->type.element)) {
      return why + ", but '" + f.name + "' is not a mutable vector of numbers in banjo";
    }
    if (auto problem = conversions->Check(as_field, f.type)) return why + ": " + *problem;
    write_back.fields.push_back({source, &f});
  }
  plan->element_write_backs.push_back(std::move(write_back));
  return std::nullopt;
}

// Plans one method; a method it cannot shim gets `left_out` instead of an error.
void PlanMethod(const nlohmann::json& row, const nlohmann::json& protocol_rows,
                const std::string& banjo_library, MethodPlan* plan, Conversions* conversions) {
  const MethodSignature& m = *plan->banjo;
  const flat::Method& f = *plan->fidl;
  plan->request = generators::banjo::PayloadMembers(f.request);
  plan->error_syntax = f.has_result_union() && f.error.has_value();
  // A result union (error syntax, or a flexible method whose framework errors become the
  // status): the fields are the success payload's.
  plan->response =
      generators::banjo::PayloadMembers(f.has_result_union() ? f.success : f.response);
  const nlohmann::json& parameters = ParametersOf(row);
  auto add = [&](const Param& p, Binding::Role role) -> bool {
    const nlohmann::json* entry = nullptr;
    for (const nlohmann::json& candidate : parameters) {
      if (candidate.value("banjo", "") == p.member->name &&
          (candidate.value("direction", "") == "in") ==
              (role == Binding::Role::kIn)) {
        entry = &candidate;
      }
    }
    Binding b{&p, role, nullptr, false, {}};
    std::string becomes = entry ? entry->value("becomes", "") : "";
    if (becomes == "error") {
      b.is_error = true;
    } else if (becomes == "request" || becomes == "response") {
      b.field = FieldNamed(becomes == "request" ? plan->request : plan->response,
                           entry->value("field", ""));
      if (!b.field) {
        plan->left_out = "the mapping puts '" + p.member->name + "' in " + becomes + " field '" +
                         entry->value("field", "") + "', which the FIDL method does not have";
        return false;
      }
      if (PassesProtocol(p)) {
        b.foreign = p.decl && p.decl->name.library != banjo_library;
        if (auto why = b.foreign ? CheckForeignCallback(p, b.field->type)
                                 : CheckReverse(p, b.field->type, protocol_rows, banjo_library)) {
          plan->left_out = *why;
          return false;
        }
        b.reverse = p.decl->name.name;
      } else if (auto why = conversions->Check(p, b.field->type)) {
        plan->left_out = *why;
        return false;
      } else if (role == Binding::Role::kIn && p.mutable_data &&
                 p.shape == generators::banjo::Shape::kAggregate &&
                 !conversions->RestoresOwnHandles(p.member->type)) {
        // Written back in place, it would hand the caller copies of its own handles.
        plan->left_out = "@in_out '" + p.member->name +
                         "' holds handles in an array, vector or box, which cannot be put back "
                         "in place as the caller's own";
        return false;
      }
    } else {
      plan->left_out = "'" + p.member->name + "' " +
                       (becomes.empty() ? std::string("is not in the mapping")
                                        : "becomes " + becomes);
      return false;
    }
    plan->bindings.push_back(b);
    return true;
  };
  for (const Param& p : m.in) {
    if (!add(p, Binding::Role::kIn)) return;
  }
  for (const Param& p : m.out) {
    if (!add(p, Binding::Role::kOut)) return;
  }
  for (const Param& p : m.callback) {
    if (!add(p, Binding::Role::kCallback)) return;
  }
  if (m.returned) {
    plan->returned = std::make_shared<Param>(generators::banjo::InParam(*m.returned));
    if (!add(*plan->returned, Binding::Role::kReturned)) return;
  } else if (!m.is_async && m.method->has_result_union() && m.method->error) {
    // `-> (...) error zx.Status` in banjo too: the status C returns is FIDL's error.
    if (!plan->error_syntax) {
      plan->left_out = "banjo returns an error the FIDL method does not have";
      return;
    }
    auto status = std::make_shared<flat::StructMember>();
    status->name = "status";
    status->type = *m.method->error;
    plan->returned_error = status;
    plan->returned = std::make_shared<Param>(generators::banjo::InParam(*status));
    plan->bindings.push_back(Binding{plan->returned.get(), Binding::Role::kReturned, nullptr,
                                     /*is_error=*/true, {}});
  }
  // Data the mapping reshaped has no parameter of its own: fields written in place in every
  // element of a vector (`op[].data`) come back as a response vector; anything else needs
  // hand-written code.
  for (const nlohmann::json& entry : parameters) {
    std::string banjo_name = entry.value("banjo", "");
    std::string becomes = entry.value("becomes", "");
    if (becomes != "request" && becomes != "response") continue;
    bool bound = false;
    for (const Binding& b : plan->bindings) bound |= b.param->member->name == banjo_name;
    if (bound) continue;
    std::optional<std::string> why =
        becomes == "response" && banjo_name.find("[].") != std::string::npos
            ? PlanElementWriteBack(banjo_name, entry.value("field", ""), plan, conversions)
            : "the mapping reshapes '" + banjo_name + "' into " + becomes + " field '" +
                  entry.value("field", "") + "'";
    if (why) {
      plan->left_out = why;
      return;
    }
  }
  if (auto why = PlanCompletion(plan)) {
    plan->left_out = why;
    return;
  }
  if (m.is_async) {
    for (const Binding& b : plan->bindings) {
      if (!b.reverse.empty()) {
        plan->left_out = "'" + b.param->name + "' passes an interface to an @async method";
        return;
      }
    }
  }
  // An error-syntax method needs its status: the returned value, or the callback's first field.
  if (plan->error_syntax) {
    bool has_status = false;
    for (const Binding& b : plan->bindings) has_status |= b.is_error;
    if (!has_status) plan->left_out = "the FIDL method has an error but banjo has no status";
  }
}

// The events of `plan` (mapping rows of kind "event", their banjo side an interface of this
// library) and the method that registered that interface; nothing when there are none.
void PlanEvents(const nlohmann::json& row, const std::vector<ProtocolSignature>& interfaces,
                ProtocolPlan* plan, Conversions* conversions) {
  if (!row.contains("methods") || !row["methods"].is_array()) return;
  for (const nlohmann::json& method_row : row["methods"]) {
    if (method_row.value("/fidl/kind"_json_pointer, "") != "event") continue;
    std::string interface = method_row.value("/banjo/protocol"_json_pointer, "");
    if (!plan->events) {
      for (const ProtocolSignature& candidate : interfaces) {
        if (candidate.protocol->name.name == interface) plan->events = EventsPlan{candidate, {}};
      }
      if (!plan->events) return;
      for (const MethodSignature& m : plan->events->banjo.methods) {
        plan->events->methods.push_back(EventPlan{&m, nullptr, {}, {}, std::nullopt});
      }
    }
    if (interface != plan->events->banjo.protocol->name.name) continue;  // one interface
    std::string method = method_row.value("/banjo/method"_json_pointer, "");
    std::string event = method_row.value("/fidl/method"_json_pointer, "");
    for (EventPlan& e : plan->events->methods) {
      if (e.banjo->method->name != method) continue;
      for (const flat::Method* candidate : plan->fidl->all_methods) {
        if (candidate->is_event && candidate->name == event) e.fidl = candidate;
      }
      if (!e.fidl) {
        e.left_out = "it became " + event + ", which is not an event of the FIDL protocol";
        continue;
      }
      e.fields = generators::banjo::PayloadMembers(e.fidl->request ? e.fidl->request
                                                                   : e.fidl->response);
      for (const Param& p : e.banjo->in) {
        const flat::StructMember* field = nullptr;
        for (const nlohmann::json& entry : ParametersOf(method_row)) {
          if (entry.value("banjo", "") == p.member->name && entry.value("becomes", "") == "event") {
            field = FieldNamed(e.fields, entry.value("field", ""));
          }
        }
        std::optional<std::string> why =
            field ? conversions->Check(p, field->type)
                  : "the mapping puts '" + p.member->name + "' in no field of the event";
        if (why) {
          e.left_out = why;
          break;
        }
        e.bindings.push_back(Binding{&p, Binding::Role::kIn, field, false, {}});
      }
    }
  }
  if (!plan->events) return;
  // The method that registered the interface: replaced by the events, it now has no FIDL method.
  for (MethodPlan& m : plan->methods) {
    if (m.fidl || m.banjo->in.size() != 1 || !m.banjo->out.empty()) continue;
    const Param& p = m.banjo->in.front();
    if (p.shape == generators::banjo::Shape::kProtocol && p.decl == plan->events->banjo.protocol) {
      plan->events->registering = m.banjo;
      m.left_out = "it registered the interface the events replace";
    }
  }
}

std::optional<std::vector<ProtocolPlan>> Plan(const generators::LibraryView& banjo,
                                              const generators::LibraryView& fidl,
                                              const nlohmann::json& mapping,
                                              Conversions* conversions, std::string* error);

}  // namespace

const Binding* BindingOfField(const std::vector<Binding>& bindings,
                              const flat::StructMember* field) {
  for (const Binding& b : bindings) {
    if (b.field == field) return &b;
  }
  return nullptr;
}

const Binding* MethodPlan::ForField(const flat::StructMember* field) const {
  return BindingOfField(bindings, field);
}

const ElementWriteBack* MethodPlan::WriteBackOf(const flat::StructMember* field) const {
  for (const ElementWriteBack& w : element_write_backs) {
    if (w.field == field) return &w;
  }
  return nullptr;
}

const Binding* EventPlan::ForField(const flat::StructMember* field) const {
  return BindingOfField(bindings, field);
}

std::optional<std::vector<ProtocolPlan>> PlanShims(const generators::LibraryView& banjo,
                                                   const generators::LibraryView& fidl,
                                                   const nlohmann::json& mapping,
                                                   Conversions* conversions, std::string* error) {
  // A value of the wrong JSON type anywhere is a malformed mapping, not a crash.
  try {
    return Plan(banjo, fidl, mapping, conversions, error);
  } catch (const nlohmann::json::exception& e) {
    *error = std::string("malformed: ") + e.what();
    return std::nullopt;
  }
}

namespace {

// A channel clone's shims are synchronous channel calls: what needs the driver transport's
// own machinery (serving an interface or a callback on the caller's dispatcher, a reply that
// waits for an @async callback) is left out, saying so.
void LeaveOutOffChannel(ProtocolPlan* plan) {
  for (MethodPlan& method : plan->methods) {
    if (method.left_out) continue;
    if (method.banjo->is_async) {
      method.left_out = "an @async method of a Zircon-channel clone";
    } else if (method.completion) {
      method.left_out = "a request handed back later, over a Zircon-channel clone";
    }
    for (const Binding& b : method.bindings) {
      if (!b.reverse.empty() && !method.left_out) {
        method.left_out = "'" + b.param->name + "' passes " + b.reverse +
                          ", an interface a Zircon-channel clone does not carry";
      }
    }
  }
}

std::optional<std::vector<ProtocolPlan>> Plan(const generators::LibraryView& banjo,
                                              const generators::LibraryView& fidl,
                                              const nlohmann::json& mapping,
                                              Conversions* conversions, std::string* error) {
  if (!mapping.is_object() || mapping.value("schema", "") != "fdfkit-mapping/1" ||
      !mapping.contains("protocols") || !mapping["protocols"].is_array()) {
    *error = "not an fdfkit-mapping/1 document";
    return std::nullopt;
  }
  std::string banjo_library = mapping.value("/library/banjo"_json_pointer, "");
  std::string fidl_library = mapping.value("/library/fidl"_json_pointer, "");
  if (banjo_library != banjo.name() || fidl_library != fidl.name()) {
    *error = "maps " + banjo_library + " to " + fidl_library + ", but the inputs are " +
             banjo.name() + " (--banjo) and " + fidl.name();
    return std::nullopt;
  }
  std::vector<ProtocolPlan> plans;
  const std::vector<ProtocolSignature> interfaces = generators::banjo::BanjoProtocols(banjo);
  for (ProtocolSignature protocol : interfaces) {
    const nlohmann::json* row =
        FindRow(mapping["protocols"], "banjo", "protocol", protocol.protocol->name.name);
    if (!row) continue;  // folded into events of another protocol, or not migrated
    std::string fidl_name = row->value("/fidl/protocol"_json_pointer, "");
    std::string transport = row->value("/fidl/transport"_json_pointer, "");
    bool channel = transport == "channel" &&
                   protocol.layout == generators::banjo::Layout::kProtocol;
    if (transport != "driver" && !channel) continue;
    const flat::Decl* decl = fidl.Lookup(fidl_name);
    if (!decl || decl->kind != flat::Decl::Kind::kProtocol) {
      *error = "protocol " + fidl_name + " is not in " + fidl.name();
      return std::nullopt;
    }
    ProtocolPlan plan{std::move(protocol), static_cast<const flat::Protocol*>(decl), {}, {}};
    plan.methods.reserve(plan.banjo.methods.size());
    for (const MethodSignature& m : plan.banjo.methods) {
      MethodPlan method;
      method.banjo = &m;
      const nlohmann::json* method_row =
          row->contains("methods") ? FindRow((*row)["methods"], "banjo", "method", m.method->name)
                                   : nullptr;
      if (!method_row) {
        method.left_out = "the mapping has no row for it";
        plan.methods.push_back(std::move(method));
        continue;
      }
      method.fidl_name = method_row->value("/fidl/method"_json_pointer, "");
      for (const flat::Method* candidate : plan.fidl->all_methods) {
        if (candidate->name == method.fidl_name && !candidate->is_event) method.fidl = candidate;
      }
      if (method.fidl_name.empty()) {
        method.left_out = "it became events of the FIDL protocol";
      } else if (!method.fidl) {
        method.left_out = "it became " + method.fidl_name + ", which is not a FIDL method";
      } else {
        PlanMethod(*method_row, mapping["protocols"], banjo.name(), &method, conversions);
      }
      plan.methods.push_back(std::move(method));
    }
    plan.channel = channel;
    if (channel) {
      LeaveOutOffChannel(&plan);
    } else {
      PlanEvents(*row, interfaces, &plan, conversions);
    }
    plans.push_back(std::move(plan));
  }
  // A reverse protocol is carried by its own shims: they must exist.
  for (ProtocolPlan& plan : plans) {
    for (MethodPlan& method : plan.methods) {
      for (const Binding& b : method.bindings) {
        bool planned = b.reverse.empty() || b.foreign;
        for (const ProtocolPlan& other : plans) {
          planned |= other.banjo.protocol->name.name == b.reverse;
        }
        if (!planned && !method.left_out) {
          method.left_out = "'" + b.param->name + "' passes " + b.reverse + ", which has no shims";
        }
      }
    }
  }
  return plans;
}

}  // namespace

}  // namespace fdfkit::shims
