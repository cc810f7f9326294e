// Requests handed back through a callback of another library (usb's RequestQueue shape): a
// request the shims can write back into the caller's own is shimmed, with the cancellation
// status and buffers found in it; each shape that cannot be leaves only its method out, with a
// reason naming what is wrong.
#include <gtest/gtest.h>

#include "tests/shims/shim_rule_support.h"

namespace fdfkit::shims {
namespace {

using testing::Outcome;

// ex.cb declares the request (`req_fields`, beside `extra` declarations) and the callback that
// hands it back (`callback_payload`; the clone's answers with `clone_reply`); ex.q's Bus.Queue
// passes both, and a second callback `done2` when `second_callback`. The clones say the same.
Outcome Generate(const std::string& req_fields, const std::string& extra = "",
                 const std::string& callback_payload = "resource struct { @in_out req Req; }",
                 const std::string& clone_reply = " -> ()", bool second_callback = false) {
  std::string more = second_callback ? " done2 client_end:ex.cb.Done;" : "";
  std::string types = "using zx;\ntype Resp = struct { status zx.Status; actual uint64; };\n" +
                      extra + "type Req = resource struct {\n" + req_fields + "};\n";
  std::string banjo_cb = "library ex.cb;\n" + types +
                         "@transport(\"Banjo\")\n@banjo_layout(\"ddk-callback\")\n"
                         "protocol Done {\n    Callback(" + callback_payload + ") -> ();\n};\n";
  std::string banjo_q = "library ex.q;\nusing ex.cb;\n"
                        "@transport(\"Banjo\")\n@banjo_layout(\"ddk-protocol\")\nprotocol Bus {\n"
                        "    Queue(resource struct { @in_out req ex.cb.Req; "
                        "done client_end:ex.cb.Done;" + more + " }) -> ();\n};\n";
  std::string clone_cb = "library ex.cb;\n" + types +
                         "@transport(\"Driver\")\nclosed protocol Done {\n    strict Callback(" +
                         callback_payload + ")" + clone_reply + ";\n};\n";
  std::string clone_q = "library ex.q;\nusing ex.cb;\n@transport(\"Driver\")\nclosed protocol Bus {\n"
                        "    strict Queue(resource struct { req ex.cb.Req; "
                        "done client_end:ex.cb.Done;" + more + " }) -> ();\n};\n";
  nlohmann::json mapping = nlohmann::json::parse(R"({
    "schema": "fdfkit-mapping/1", "library": {"banjo": "ex.q", "fidl": "ex.q"},
    "protocols": [{"banjo": {"protocol": "Bus"}, "fidl": {"protocol": "Bus", "transport": "driver"},
      "methods": [
        {"banjo": {"method": "Queue"}, "fidl": {"method": "Queue"}, "parameters": [
          {"banjo": "req", "direction": "in", "becomes": "request", "field": "req"},
          {"banjo": "done", "direction": "in", "becomes": "request", "field": "done"}]}]}]})");
  if (second_callback) {
    mapping["protocols"][0]["methods"][0]["parameters"].push_back(
        {{"banjo", "done2"}, {"direction", "in"}, {"becomes", "request"}, {"field", "done2"}});
  }
  return testing::GenerateFrom({{"cb.fidl", banjo_cb}, {"q.fidl", banjo_q}},
                               {{"cb.fidl", clone_cb}, {"q.fidl", clone_q}}, "ex.q", mapping);
}

TEST(ShimCompletionRule, AWritableRequestIsShimmed) {
  Outcome out = Generate("    resp Resp;\n    @mutable\n    pages vector<uint64>:MAX;\n"
                         "    tags vector<uint8>:MAX;\n    buf zx.Handle:VMO;\n");
  EXPECT_TRUE(out.left_out.empty()) << out.left_out.front();
  for (const char* expected :
       {"class BusQueueCompletion : public ::fdf::WireServer<::ex_cb::Done>, public "
        "::fdfkit::shims::HandBack {",
        "    own_->resp.status = status;\n",
        "KeepOwnBuffer(own_->pages_list, own_->pages_count, true, &written.pages_list",
        "KeepOwnBuffer(own_->tags_list, own_->tags_count, false, &written.tags_list",
        "    KeepOwnHandles(*own_, &written);\n",
        "completion->CallReturned(result.ok() ? ZX_OK : "}) {
    EXPECT_NE(out.header.find(expected), std::string::npos) << expected << "\n" << out.header;
  }
}

struct Unshimmable {
  const char* what;
  const char* req_fields;
  const char* extra;
  const char* callback_payload;
  const char* reason;
  const char* clone_reply = " -> ()";
  bool second_callback = false;
};

class ShimCompletionRuleUnshimmable : public ::testing::TestWithParam<Unshimmable> {};

TEST_P(ShimCompletionRuleUnshimmable, LeavesOnlyTheMethodOutWithItsReason) {
  const Unshimmable& c = GetParam();
  Outcome out = Generate(c.req_fields, c.extra,
                         c.callback_payload ? c.callback_payload
                                            : "resource struct { @in_out req Req; }",
                         c.clone_reply, c.second_callback);
  ASSERT_EQ(out.left_out.size(), 1u) << out.header;
  EXPECT_NE(out.left_out.front().find(c.reason), std::string::npos) << out.left_out.front();
  EXPECT_EQ(out.left_out.front().rfind("Bus.Queue: 'done' passes ex.cb/Done, which", 0), 0u)
      << out.left_out.front();
}

INSTANTIATE_TEST_SUITE_P(
    Shapes, ShimCompletionRuleUnshimmable,
    ::testing::Values(
        Unshimmable{"NoStatus", "    actual uint64;\n", "", nullptr,
                    "holds no zx.Status to report a cancellation in"},
        Unshimmable{"TwoStatuses", "    resp Resp;\n    status zx.Status;\n", "", nullptr,
                    "holds more than one zx.Status"},
        Unshimmable{"NestedBuffer", "    resp Resp;\n    inner Inner;\n",
                    "type Inner = struct { data vector<uint8>:MAX; };\n", nullptr,
                    "'inner.data_list' is a buffer inside a nested struct"},
        Unshimmable{"String", "    resp Resp;\n    name string:MAX;\n", "", nullptr,
                    "'name' is a string, box or protocol"},
        Unshimmable{"NotHandedBack", "    resp Resp;\n", "", "struct { status zx.Status; }",
                    "does not hand back one @in_out struct"},
        Unshimmable{"ElementsPointingOut", "    resp Resp;\n    @mutable\n    segs vector<Seg>:MAX;\n",
                    "type Seg = struct { name string:MAX; };\n", nullptr,
                    "'segs_list' holds elements with handles or out-of-line data"},
        Unshimmable{"OneWayClone", "    resp Resp;\n", "", nullptr,
                    "'s clone ex.cb/Done is not one two-way method handing back ex.cb/Req", ""},
        Unshimmable{"TwoCallbacks", "    resp Resp;\n", "", nullptr,
                    "must be the only interface or callback the method passes", " -> ()", true}),
    [](const ::testing::TestParamInfo<Unshimmable>& info) { return info.param.what; });

}  // namespace
}  // namespace fdfkit::shims
