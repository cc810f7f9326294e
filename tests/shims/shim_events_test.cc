// Shims for an interface mapping.json turned into events (issue 20): DisplayControllerImpl's
// banjo clients register a DisplayControllerInterface; its clone has OnDisplaysChanged and
// OnDisplayVsync events instead. Through the shims the banjo server's reports reach the banjo
// client's interface as the same calls with the same data, in order — also the report a display
// driver makes as soon as it is served, before any client registered — on the dispatcher the
// client shim was given; an interface method that answers its caller is not an event and answers
// ZX_ERR_NOT_SUPPORTED. ImportImage's @in_out image comes back written in place.
#include <fidl/fuchsia.hardware.display.controller/cpp/banjo_shims.h>
#include <gtest/gtest.h>
#include <lib/fdf/dispatcher.h>
#include <lib/zx/channel.h>

#include <condition_variable>
#include <mutex>
#include <optional>
#include <sstream>
#include <vector>

#include "tests/shims/shim_fixture.h"

namespace {

using fdfkit::testing::CountedShim;
using fdfkit::testing::FakeDriver;
using fdfkit::testing::Latch;
using fdfkit::testing::ShimTest;
namespace display_shims = fdfkit::shims::fuchsia_hardware_display_controller;
using DisplayShim = CountedShim<display_shims::DisplayControllerImplDriverOverBanjo>;

// The banjo client's interface: a line per call, and the dispatchers the calls ran on.
class DisplayRecorder : public ddk::DisplayControllerInterfaceProtocol<DisplayRecorder> {
 public:
  display_controller_interface_protocol_t proto() {
    return {&display_controller_interface_protocol_ops_, this};
  }
  void DisplayControllerInterfaceOnDisplaysChanged(const added_display_args_t* added_display_list,
                                                   size_t added_display_count,
                                                   const uint64_t* removed_display_list,
                                                   size_t removed_display_count) {
    std::ostringstream line;
    line << "changed +[";
    for (size_t i = 0; i < added_display_count; ++i) {
      const added_display_args_t& added = added_display_list[i];
      line << added.display_id << (added.edid_present ? " edid" : "") << " fmt";
      for (size_t f = 0; f < added.pixel_format_count; ++f) {
        line << " 0x" << std::hex << added.pixel_format_list[f] << std::dec;
      }
      line << ";";
    }
    line << "] -[";
    for (size_t i = 0; i < removed_display_count; ++i) line << removed_display_list[i] << ";";
    Record(line.str() + "]");
  }
  void DisplayControllerInterfaceOnDisplayVsync(uint64_t display_id, zx_time_t timestamp) {
    Record("vsync " + std::to_string(display_id) + " at " + std::to_string(timestamp));
  }
  zx_status_t DisplayControllerInterfaceGetAudioFormat(uint64_t display_id, uint32_t* out_fmt) {
    *out_fmt = 48000;
    return ZX_OK;
  }

  // Waits (bounded) for `count` calls; the log so far.
  std::string WaitFor(size_t count) {
    std::unique_lock lock(mu_);
    cv_.wait_for(lock, std::chrono::seconds(10), [&] { return lines_.size() >= count; });
    std::string log;
    for (const std::string& line : lines_) log += line + "\n";
    return log;
  }
  std::vector<fdf_dispatcher_t*> dispatchers() {
    std::lock_guard lock(mu_);
    return dispatchers_;
  }

 private:
  void Record(std::string line) {
    std::lock_guard lock(mu_);
    lines_.push_back(std::move(line));
    dispatchers_.push_back(fdf_dispatcher_get_current_dispatcher());
    cv_.notify_all();
  }
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::string> lines_;
  std::vector<fdf_dispatcher_t*> dispatchers_;
};

// A display driver: reports display 1 as soon as an interface is registered, then vsyncs and
// hotplugs when the test says so.
class FakeDisplay : public ddk::DisplayControllerImplProtocol<FakeDisplay> {
 public:
  display_controller_impl_protocol_t proto() {
    return {&display_controller_impl_protocol_ops_, this};
  }
  void DisplayControllerImplSetDisplayControllerInterface(
      const display_controller_interface_protocol_t* intf) {
    intf_.emplace(intf);
    const uint32_t formats[] = {0x1, 0x20004};
    added_display_args_t added{1, true, formats, 2};
    intf_->OnDisplaysChanged(&added, 1, nullptr, 0);
  }
  zx_status_t DisplayControllerImplImportImage(image_t* image, zx::channel collection,
                                               uint32_t index) {
    if (!collection.is_valid()) return ZX_ERR_INVALID_ARGS;
    image->handle = 0x7700 + index;  // written in place
    return ZX_OK;
  }
  void DisplayControllerImplReleaseImage(const image_t* image) {}
  // Each layer's result is its z-index times 10 plus the row-2, column-1 colour coefficient
  // (as a whole number); more than two layers on a display is too many.
  config_check_result_t DisplayControllerImplCheckConfiguration(
      const display_config_t** display_config_list, size_t display_config_count,
      uint32_t** out_layer_cfg_result_list, size_t* layer_cfg_result_count) {
    layer_results_.clear();
    for (size_t i = 0; i < display_config_count; ++i) {
      const display_config_t& config = *display_config_list[i];
      if (config.layer_count > 2) return CONFIG_CHECK_RESULT_UNSUPPORTED_CONFIG;
      for (size_t l = 0; l < config.layer_count; ++l) {
        layer_results_.push_back(config.layer_list[l]->z_index * 10 +
                                 static_cast<uint32_t>(config.cc_coefficients[2][1]));
      }
    }
    *out_layer_cfg_result_list = layer_results_.data();  // callee-allocated: ours until next call
    *layer_cfg_result_count = layer_results_.size();
    return CONFIG_CHECK_RESULT_OK;
  }
  // Applies the gamma table in place (each value halved, plus the display's preoffset 1) and
  // records what it saw.
  void DisplayControllerImplApplyConfiguration(const display_config_t** display_config_list,
                                               size_t display_config_count) {
    std::ostringstream seen;
    for (size_t i = 0; i < display_config_count; ++i) {
      const display_config_t& config = *display_config_list[i];
      seen << "display " << config.display_id << " layers " << config.layer_count;
      for (size_t l = 0; l < config.layer_count; ++l) {
        const layer_t& layer = *config.layer_list[l];
        seen << " [" << layer.primary.image.width << "x" << layer.primary.image.height << " z"
             << layer.z_index << " dest " << layer.primary.dest_frame.x_pos << "]";
      }
      seen << " cc";
      for (const auto& row : config.cc_coefficients) {
        for (float v : row) seen << " " << v;
      }
      seen << ";";
      for (size_t g = 0; g < config.gamma_red_count; ++g) {
        config.gamma_red_list[g] = config.gamma_red_list[g] / 2 + config.cc_preoffsets[1];
      }
    }
    applied_ = seen.str();
  }
  std::string applied() const { return applied_; }
  void DisplayControllerImplSetEld(uint64_t display_id, const uint8_t* raw_eld_list,
                                   size_t raw_eld_count) {
    eld_bytes_ += raw_eld_count;
  }

  void Vsync(uint64_t display_id, zx_time_t timestamp) {
    intf_->OnDisplayVsync(display_id, timestamp);
  }
  void Unplug(uint64_t display_id) { intf_->OnDisplaysChanged(nullptr, 0, &display_id, 1); }
  zx_status_t AskAudioFormat(uint32_t* fmt) { return intf_->GetAudioFormat(1, fmt); }
  size_t eld_bytes() const { return eld_bytes_; }

 private:
  std::optional<ddk::DisplayControllerInterfaceProtocolClient> intf_;
  size_t eld_bytes_ = 0;
  std::vector<uint32_t> layer_results_;
  std::string applied_;
};

// Two displays' configurations: layers by pointer, a 3x3 colour matrix, gamma tables the driver
// rewrites in place.
std::string ConfigurationScript(const display_controller_impl_protocol_t* display,
                                FakeDisplay* server) {
  std::ostringstream t;
  ddk::DisplayControllerImplProtocolClient client(display);
  layer_t a{{{640, 480, 0x1, IMAGE_TYPE_SIMPLE, 7}, 0, 1.0f, {0, 0, 640, 480}, {5, 0, 640, 480}},
            1};
  layer_t b{{{320, 240, 0x1, IMAGE_TYPE_SIMPLE, 8}, 0, 1.0f, {0, 0, 320, 240}, {9, 0, 320, 240}},
            2};
  const layer_t* first_layers[] = {&a, &b};
  const layer_t* second_layers[] = {&b};
  float gamma_first[] = {2, 4, 8}, gamma_second[] = {10};
  display_config_t first{1, first_layers, 2, 0, {0, 0.5f, 0}, {{1, 0, 0}, {0, 1, 0}, {0, 3, 1}},
                         gamma_first, 3};
  display_config_t second{2, second_layers, 1, 0, {0, 1, 0}, {{2, 0, 0}, {0, 2, 0}, {0, 7, 2}},
                          gamma_second, 1};
  const display_config_t* configs[] = {&first, &second};
  uint32_t* results = nullptr;
  size_t count = 0;
  t << "check " << client.CheckConfiguration(configs, 2, &results, &count) << " [";
  for (size_t i = 0; i < count; ++i) t << " " << results[i];
  t << " ]\n";
  client.ApplyConfiguration(configs, 2);
  t << "applied " << server->applied() << "\ngamma " << gamma_first[0] << " " << gamma_first[1]
    << " " << gamma_first[2] << " / " << gamma_second[0] << "\n";
  const layer_t* three[] = {&a, &b, &a};
  first.layer_list = three;
  first.layer_count = 3;
  t << "check-crowded " << client.CheckConfiguration(configs, 1, &results, &count) << "\n";
  return t.str();
}

// The calls a banjo display client makes, and what its interface heard (waited for: through
// the shims the reports are events, which arrive on their own).
std::string DisplayScript(const display_controller_impl_protocol_t* display, FakeDisplay* server,
                          DisplayRecorder* recorder) {
  std::ostringstream t;
  ddk::DisplayControllerImplProtocolClient client(display);
  display_controller_interface_protocol_t intf = recorder->proto();
  client.SetDisplayControllerInterface(intf.ctx, intf.ops);
  zx::channel collection, peer;
  EXPECT_EQ(zx::channel::create(0, &collection, &peer), ZX_OK);
  image_t image{640, 480, 0x1, IMAGE_TYPE_SIMPLE, 0};
  t << "import " << client.ImportImage(&image, std::move(collection), 3) << " handle=0x"
    << std::hex << image.handle << std::dec << "\n";
  t << "import-bad " << client.ImportImage(&image, zx::channel(), 4) << "\n";
  const uint8_t eld[] = {1, 2, 3};
  client.SetEld(1, eld, sizeof eld);
  server->Vsync(1, 1000);
  server->Vsync(1, 2000);
  server->Unplug(1);
  t << "eld bytes " << server->eld_bytes() << "\n";
  return t.str() + recorder->WaitFor(4);
}

class EventShimTest : public ShimTest {
 protected:
  void SetUp() override {
    ShimTest::SetUp();
    events_dispatcher_ = CreateDispatcher(FakeDriver(5));
  }
  void TearDown() override {
    CloseServers();
    ShutdownAndDestroy(events_dispatcher_);
    ShimTest::TearDown();
  }
  // `banjo` served through both shims; its events reach the client shim on events_dispatcher_.
  const display_controller_impl_protocol_t* LoopDisplay(
      const display_controller_impl_protocol_t* banjo) {
    return Loop<fuchsia_hardware_display_controller::DisplayControllerImpl,
                display_shims::DisplayControllerImplDriverOverBanjo,
                display_shims::DisplayControllerImplBanjoOverDriver>(banjo, events_dispatcher_);
  }
  fdf_dispatcher_t* events_dispatcher_ = nullptr;
};

TEST_F(EventShimTest, DisplayReportsReachTheBanjoInterfaceAsEventsInOrder) {
  FakeDisplay direct_server, shimmed_server;
  DisplayRecorder direct_recorder, shimmed_recorder;
  display_controller_impl_protocol_t direct = direct_server.proto();
  display_controller_impl_protocol_t shimmed = shimmed_server.proto();
  // Binding the server shim registers its interface: display 1 is reported at once, before the
  // banjo client below registers its own.
  const display_controller_impl_protocol_t* looped = LoopDisplay(&shimmed);
  std::string expected = DisplayScript(&direct, &direct_server, &direct_recorder);
  EXPECT_EQ(expected,
            "import 0 handle=0x7703\nimport-bad -10\neld bytes 3\n"
            "changed +[1 edid fmt 0x1 0x20004;] -[]\nvsync 1 at 1000\nvsync 1 at 2000\n"
            "changed +[] -[1;]\n");
  EXPECT_EQ(DisplayScript(looped, &shimmed_server, &shimmed_recorder), expected);
  for (fdf_dispatcher_t* d : shimmed_recorder.dispatchers()) EXPECT_EQ(d, events_dispatcher_);
  // Where the two differ on purpose: an interface method that answers its caller has no event.
  uint32_t fmt = 0;
  EXPECT_EQ(direct_server.AskAudioFormat(&fmt), ZX_OK);
  EXPECT_EQ(fmt, 48000u);
  fmt = 0;
  EXPECT_EQ(shimmed_server.AskAudioFormat(&fmt), ZX_ERR_NOT_SUPPORTED);
  EXPECT_EQ(fmt, 0u);
}

// CheckConfiguration and ApplyConfiguration: configurations holding layers by pointer and a
// 3x3 colour matrix cross both shims intact, the callee-allocated results come back, and the
// gamma tables the driver rewrote in place land in the caller's own arrays.
TEST_F(EventShimTest, DisplayConfigurationsMatchDirectBanjo) {
  FakeDisplay direct_server, shimmed_server;
  display_controller_impl_protocol_t direct = direct_server.proto();
  display_controller_impl_protocol_t shimmed = shimmed_server.proto();
  const display_controller_impl_protocol_t* looped = LoopDisplay(&shimmed);
  std::string expected = ConfigurationScript(&direct, &direct_server);
  EXPECT_EQ(expected,
            "check 0 [ 13 23 27 ]\n"
            "applied display 1 layers 2 [640x480 z1 dest 5] [320x240 z2 dest 9] cc 1 0 0 0 1 0 0 "
            "3 1;display 2 layers 1 [320x240 z2 dest 9] cc 2 0 0 0 2 0 0 7 2;\n"
            "gamma 1.5 2.5 4.5 / 6\n"
            "check-crowded 2\n");
  EXPECT_EQ(ConfigurationScript(looped, &shimmed_server), expected);
}

// Banjo keeps one interface: the server shim's, past the shim itself. Once a connection's shim is
// gone, the banjo server's reports go nowhere (as on a closed channel); the next connection that
// asks for events gets them.
TEST_F(EventShimTest, EventsGoToTheLastConnectionAndOutliveTheServerShimsBeforeIt) {
  FakeDisplay server;
  display_controller_impl_protocol_t banjo = server.proto();
  // A connection whose server shim is owned by its binding, with events, as a driver serves one.
  auto connect = [&](Latch* destroyed) {
    auto endpoints =
        fdf::CreateEndpoints<fuchsia_hardware_display_controller::DisplayControllerImpl>();
    EXPECT_TRUE(endpoints.is_ok());
    auto shim = std::make_unique<DisplayShim>(&banjo, destroyed);
    DisplayShim* raw = shim.get();
    auto binding = fdf::BindServer(server_dispatcher_, std::move(endpoints->server),
                                   std::move(shim));
    EXPECT_EQ(raw->ServeEvents(binding), ZX_OK);  // the client end is open: the shim lives
    return std::make_unique<display_shims::DisplayControllerImplBanjoOverDriver>(
        std::move(endpoints->client), events_dispatcher_);
  };
  DisplayRecorder first_recorder, second_recorder;
  Latch first_destroyed, second_destroyed;
  auto first = connect(&first_destroyed);
  display_controller_interface_protocol_t first_intf = first_recorder.proto();
  ddk::DisplayControllerImplProtocolClient(first->proto())
      .SetDisplayControllerInterface(first_intf.ctx, first_intf.ops);
  EXPECT_EQ(first_recorder.WaitFor(1), "changed +[1 edid fmt 0x1 0x20004;] -[]\n");
  first.reset();
  ASSERT_TRUE(first_destroyed.Wait());
  server.Vsync(1, 10);  // no connection asked for events now: reaches no one (see below)

  auto second = connect(&second_destroyed);
  display_controller_interface_protocol_t second_intf = second_recorder.proto();
  ddk::DisplayControllerImplProtocolClient(second->proto())
      .SetDisplayControllerInterface(second_intf.ctx, second_intf.ops);
  server.Vsync(1, 20);
  // Exactly these: vsync 10 was not kept for a later connection.
  EXPECT_EQ(second_recorder.WaitFor(2),
            "changed +[1 edid fmt 0x1 0x20004;] -[]\nvsync 1 at 20\n");
  EXPECT_EQ(first_recorder.WaitFor(1), "changed +[1 edid fmt 0x1 0x20004;] -[]\n");
  second.reset();
  ASSERT_TRUE(second_destroyed.Wait());
  fdfkit::shims::ReleaseKeptBy(banjo.ctx);
}

// A migrated display driver: FIDL methods once, served to banjo callers too
// (DisplayControllerImplDualFidlServer). Its events, sent through bindings(), reach the interface
// a banjo caller registered, as the banjo calls its banjo twin would have made.
class FidlDisplay
    : public display_shims::DisplayControllerImplDualFidlServer<FidlDisplay> {
 public:
  void ImportImage(ImportImageRequestView request, fdf::Arena& arena,
                   ImportImageCompleter::Sync& completer) override {
    if (!request->collection.is_valid()) {
      completer.buffer(arena).ReplyError(ZX_ERR_INVALID_ARGS);
      return;
    }
    auto image = request->image;
    image.handle = 0x7700 + request->index;
    completer.buffer(arena).ReplySuccess(image);
  }
  void ReleaseImage(ReleaseImageRequestView, fdf::Arena& arena,
                    ReleaseImageCompleter::Sync& completer) override {
    completer.buffer(arena).Reply();
  }
  void CheckConfiguration(CheckConfigurationRequestView, fdf::Arena&,
                          CheckConfigurationCompleter::Sync& completer) override {
    completer.Close(ZX_ERR_NOT_SUPPORTED);
  }
  void ApplyConfiguration(ApplyConfigurationRequestView, fdf::Arena&,
                          ApplyConfigurationCompleter::Sync& completer) override {
    completer.Close(ZX_ERR_NOT_SUPPORTED);
  }
  void SetEld(SetEldRequestView, fdf::Arena& arena, SetEldCompleter::Sync& completer) override {
    completer.buffer(arena).Reply();
  }
  void handle_unknown_method(
      fidl::UnknownMethodMetadata<fuchsia_hardware_display_controller::DisplayControllerImpl>,
      fidl::UnknownMethodCompleter::Sync&) override {}

  // Reports a vsync to every connection.
  void Vsync(uint64_t display_id, zx_time_t timestamp) {
    bindings().ForEachBinding([&](auto& binding) {
      fdf::Arena arena('TEST');
      EXPECT_TRUE(fdf::WireSendEvent(binding).buffer(arena)->OnDisplayVsync(display_id, timestamp)
                      .ok());
    });
  }
};

TEST_F(EventShimTest, ADualFidlServerSendsItsEventsToBanjoCallersThroughItsBindings) {
  FidlDisplay display;
  ASSERT_TRUE(display.ServeBanjo(server_dispatcher_).is_ok());
  EXPECT_EQ(display.bindings().size(), 1u);
  DisplayRecorder recorder;
  display_controller_interface_protocol_t intf = recorder.proto();
  ddk::DisplayControllerImplProtocolClient client(display.banjo_proto());
  client.SetDisplayControllerInterface(intf.ctx, intf.ops);
  zx::channel collection, peer;
  ASSERT_EQ(zx::channel::create(0, &collection, &peer), ZX_OK);
  image_t image{640, 480, 0x1, IMAGE_TYPE_SIMPLE, 0};
  EXPECT_EQ(client.ImportImage(&image, std::move(collection), 3), ZX_OK);
  EXPECT_EQ(image.handle, 0x7703u);
  display.Vsync(1, 40);
  display.Vsync(2, 50);
  EXPECT_EQ(recorder.WaitFor(2), "vsync 1 at 40\nvsync 2 at 50\n");
  for (fdf_dispatcher_t* d : recorder.dispatchers()) EXPECT_EQ(d, server_dispatcher_);
  FinishServing();  // the bindings end before the server object does
}

TEST_F(EventShimTest, WithoutADispatcherTheClientShimRefusesCalls) {
  FakeDisplay server;
  display_controller_impl_protocol_t banjo = server.proto();
  const display_controller_impl_protocol_t* homeless =
      Loop<fuchsia_hardware_display_controller::DisplayControllerImpl,
           display_shims::DisplayControllerImplDriverOverBanjo,
           display_shims::DisplayControllerImplBanjoOverDriver>(&banjo, nullptr);
  zx::channel collection, peer;
  ASSERT_EQ(zx::channel::create(0, &collection, &peer), ZX_OK);
  image_t image{};
  EXPECT_EQ(display_controller_impl_import_image(homeless, &image, collection.release(), 0),
            ZX_ERR_BAD_STATE);
  // The handle the call was given is closed on that early return, not leaked.
  zx_signals_t pending = 0;
  EXPECT_EQ(peer.wait_one(ZX_CHANNEL_PEER_CLOSED, zx::time::infinite_past(), &pending), ZX_OK);
  EXPECT_TRUE(pending & ZX_CHANNEL_PEER_CLOSED);
}

}  // namespace
