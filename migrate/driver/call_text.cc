#include "migrate/driver/call_text.h"

#include "migrate/driver/wire_spelling.h"

namespace fdfkit::driver_migration {

bool CallNeedsArena(const ProtocolMapping& protocol, const CallPlan& plan) {
  return !OnChannel(protocol) || plan.uses_arena;
}

std::string FidlCallText(const ProtocolMapping& protocol, const std::string& client, bool arrow,
                         bool through_sync, const std::string& arena,
                         const std::string& fidl_method, const std::vector<std::string>& request) {
  std::string text;
  if (OnChannel(protocol)) {
    text = (arrow ? "(*" + client + ")" : client) + (through_sync ? ".sync()" : "") + "->";
  } else {
    std::string access = arrow ? "->" : ".";
    text = client + (through_sync ? access + "sync()" + access : access) + "buffer(" + arena +
           ")->";
  }
  text += fidl_method + "(";
  for (size_t i = 0; i < request.size(); ++i) text += (i ? ", " : "") + request[i];
  return text + ")";
}

namespace {

// `statement` as lines of a body indented by `indent`, its own lines too (a loop, a block).
std::string Line(const std::string& indent, const std::string& statement) {
  std::string out = indent;
  for (char c : statement) out += c == '\n' ? "\n" + indent : std::string(1, c);
  return out + "\n";
}

}  // namespace

std::string CallText(const CallPlan& plan, const std::string& fidl_call, bool error_syntax,
                     bool unused, const std::string& result, const std::string& indent) {
  bool plain = plan.preparations.empty() && plan.checks.empty() && plan.assignments.empty();
  if (plan.returns_status && plain && unused) return fidl_call;
  if (!plan.value_field.empty() && !plain) {
    // The out-parameters written, then the value; a transport error asserts, as above.
    std::string body = indent + "    ";
    std::string out = "[&]() -> " + plan.value_type + " {\n";
    for (const std::string& line : plan.preparations) out += Line(body, line);
    out += body + "auto " + result + " = " + fidl_call + ";\n";
    for (const std::string& line : plan.assignments) out += Line(body, line);
    out += body + "return " + result + "->" + plan.value_field + ";\n";
    return out + indent + "  }()";
  }
  if (!plan.returns_status && plain) {
    // A value read out of the response (a transport error asserts, as Fuchsia's bindings do); a
    // call of a void method used as a value (`return f();`) is cast to void, as it was.
    if (!plan.value_field.empty()) return fidl_call + "->" + plan.value_field;
    return unused ? fidl_call : "(void)" + fidl_call;
  }
  std::string body = indent + "    ";
  std::string out = plan.returns_status ? "[&]() -> zx_status_t {\n" : "[&] {\n";
  std::string on_failure = plan.returns_status ? "return " + result + ".status();" : "return;";
  for (const std::string& line : plan.preparations) out += Line(body, line);
  out += body + "auto " + result + " = " + fidl_call + ";\n";
  out += body + "if (!" + result + ".ok()) " + on_failure + "\n";
  if (error_syntax) {
    out += body + "if (" + result + "->is_error()) " +
           (plan.returns_status ? "return " + result + "->error_value();" : on_failure) + "\n";
  }
  for (const std::string& line : plan.checks) out += Line(body, line);
  for (const std::string& line : plan.assignments) out += Line(body, line);
  if (plan.returns_status) out += body + "return ZX_OK;\n";
  return out + indent + "  }()";
}

std::string AsyncCallText(const CallPlan& plan, const std::string& fidl_call,
                          const ProtocolMapping& client, const std::string& method_marker,
                          const std::string& result, const std::string& indent) {
  // Every path calls the callback exactly once, as the banjo server had to.
  auto call_back = [&](const std::string& status, bool success) {
    std::string out = "callback(cookie";
    for (const CallbackArgument& argument : plan.callback_arguments) {
      out += ", " + (argument.status ? status : success ? argument.on_success : "{}");
    }
    return out + ")";
  };
  std::string body = indent + "      ";
  std::string out = fidl_call + ".ThenExactlyOnce(\n" + indent +
                    "    [callback = " + plan.callback + ", cookie = " + plan.cookie +
                    "](" + BindingsNamespace(client) + "::WireUnownedResult<" + method_marker + ">& " +
                    result + ") {\n";
  out +=
      body + "if (!" + result + ".ok()) return " + call_back(result + ".status()", false) + ";\n";
  out += body + "if (" + result + "->is_error()) return " +
         call_back(result + "->error_value()", false) + ";\n";
  out += body + call_back("ZX_OK", true) + ";\n";
  return out + indent + "    })";
}

std::string ForwardedAsyncCallText(const CallPlan& plan, const std::string& fidl_call,
                                   const ProtocolMapping& client, const std::string& method_marker,
                                   const ProtocolMapping& server, const std::string& result,
                                   const std::string& indent) {
  // Every path replies exactly once, as the banjo callback was called once.
  std::string reply = ReplyThrough(server);
  std::string success = reply + "ReplySuccess(";
  bool first = true;
  for (const CallbackArgument& argument : plan.callback_arguments) {
    if (argument.status) continue;
    success += (first ? "" : ", ") + argument.on_success;
    first = false;
  }
  success += ");";
  std::string body = indent + "      ";
  std::string out = fidl_call + ".ThenExactlyOnce(\n" + indent +
                    "    [completer = completer.ToAsync()](" + BindingsNamespace(client) +
                    "::WireUnownedResult<" + method_marker + ">& " + result + ") mutable {\n";
  if (!OnChannel(server)) out += body + ArenaDeclaration(server, "arena") + "\n";
  out += body + "if (!" + result + ".ok()) {\n";
  out += body + "  " + reply + "ReplyError(" + result + ".status());\n";
  out += body + "} else if (" + result + "->is_error()) {\n";
  out += body + "  " + reply + "ReplyError(" + result + "->error_value());\n";
  out += body + "} else {\n";
  out += body + "  " + success + "\n";
  out += body + "}\n";
  return out + indent + "    })";
}

}  // namespace fdfkit::driver_migration
