// Usb.RequestQueue through the shims (issue 20): a request the bus driver keeps until a callback
// of another library (fuchsia.hardware.usb.request's UsbRequestCompleteCallback) hands it back,
// later and from the bus's own thread. Through FooBanjoOverDriver → driver transport →
// FooDriverOverBanjo the banjo caller sees what it sees calling the bus directly: its own
// request back, written in place (pinned pages in its own list, the response), with its own VMO,
// exactly once, on its dispatcher; the bus gets the private part GetRequestSize asks for. A
// server that lets the callback go, a failed call, and a server answering twice each still run
// the caller's callback exactly once.
#include <fidl/fuchsia.hardware.usb/cpp/banjo_shims.h>
#include <gtest/gtest.h>
#include <lib/fdf/dispatcher.h>
#include <lib/zx/vmo.h>

#include <atomic>
#include <cstring>
#include <mutex>
#include <sstream>
#include <thread>
#include <vector>

#include "tests/shims/shim_fixture.h"

namespace {

using fdfkit::testing::Latch;
using fdfkit::testing::OpenDescriptors;
using fdfkit::testing::ShimTest;
using fdfkit::testing::WaitUntil;
namespace usb_shims = fdfkit::shims::fuchsia_hardware_usb;
namespace usb = fuchsia_hardware_usb;
namespace usb_request = fuchsia_hardware_usb_request;

class FakeUsbBus : public ddk::UsbProtocol<FakeUsbBus> {
 public:
  usb_protocol_t proto() { return {&usb_protocol_ops_, this}; }
  zx_status_t UsbControlOut(uint8_t, uint8_t, uint16_t, uint16_t, zx_time_t, const uint8_t*,
                            size_t write_size) {
    return write_size <= 8 ? ZX_OK : ZX_ERR_OUT_OF_RANGE;
  }
  zx_status_t UsbControlIn(uint8_t, uint8_t request, uint16_t, uint16_t, zx_time_t,
                           uint8_t* out_read_buffer, size_t read_size, size_t* out_read_actual) {
    const char descriptor[] = "fake-usb";
    *out_read_actual = std::min(read_size, sizeof descriptor);
    std::memcpy(out_read_buffer, descriptor, *out_read_actual);
    return request == 6 ? ZX_OK : ZX_ERR_NOT_SUPPORTED;
  }
  // Keeps the request, as bus drivers do, with its own state in the bytes after it; a request
  // for endpoint 0 is refused at once, inline, as bus drivers complete errors.
  void UsbRequestQueue(usb_request_t* req, const usb_request_complete_callback_t* complete_cb) {
    auto* txn = reinterpret_cast<Txn*>(req);
    std::memcpy(txn->seal, kSeal, sizeof kSeal);
    if (req->header.ep_address == 0) {
      req->response = {ZX_ERR_IO_NOT_PRESENT, 0, 0};
      complete_cb->callback(complete_cb->ctx, req);
      return;
    }
    std::lock_guard lock(mu_);
    queued_.push_back({req, *complete_cb});
  }
  usb_speed_t UsbGetSpeed() { return USB_SPEED_HIGH; }
  zx_status_t UsbSetInterface(uint8_t interface_number, uint8_t) {
    return interface_number < 2 ? ZX_OK : ZX_ERR_INVALID_ARGS;
  }
  uint64_t UsbGetRequestSize() { return sizeof(Txn); }
  zx_status_t UsbCancelAll(uint8_t) { return ZX_OK; }

  // Completes what is queued, in order, from the bus's own thread: writes the data into the
  // request's VMO, pins "pages" into the caller's lists (as many as fit) and reports the size.
  void CompleteAll() {
    std::vector<Queued> queued;
    {
      std::lock_guard lock(mu_);
      queued.swap(queued_);
    }
    std::thread([&queued] {
      for (Queued& q : queued) Complete(q);
    }).join();
  }

 private:
  struct Txn {
    usb_request_t req;
    char seal[64];
  };
  static constexpr char kSeal[64] = "the bus driver's private part, after the request";
  struct Queued {
    usb_request_t* req;
    usb_request_complete_callback_t callback;
  };
  static void Complete(Queued& q) {
    usb_request_t* req = q.req;
    zx_status_t status = ZX_OK;
    if (std::memcmp(reinterpret_cast<Txn*>(req)->seal, kSeal, sizeof kSeal) != 0) {
      status = ZX_ERR_IO_DATA_INTEGRITY;
    } else if (zx_vmo_write(req->vmo_handle, "usb-data", req->offset, 8) != ZX_OK) {
      status = ZX_ERR_BAD_HANDLE;
    }
    size_t pages = (req->size + 4095) / 4096;
    req->phys_count = std::min(req->phys_count, pages);
    for (size_t i = 0; i < req->phys_count; ++i) req->phys_list[i] = 0x10000 * (i + 1);
    if (req->sg_count > 0) {
      req->sg_list[0] = {req->size, req->offset};
      req->sg_count = 1;
    }
    req->response = {status, status == ZX_OK ? req->size : 0, 0};
    q.callback.callback(q.callback.ctx, req);
  }
  std::mutex mu_;
  std::vector<Queued> queued_;
};

// What the caller's callback saw.
struct UsbRecord {
  Latch done;
  std::atomic<int> calls = 0;
  usb_request_t* req = nullptr;
  fdf_dispatcher_t* dispatcher = nullptr;
  static void Callback(void* ctx, usb_request_t* req) {
    auto* self = static_cast<UsbRecord*>(ctx);
    self->req = req;
    self->dispatcher = fdf_dispatcher_get_current_dispatcher();
    self->calls++;
    self->done.Signal();
  }
  usb_request_complete_callback_t callback() { return {Callback, this}; }
};

// A request as usb_request_alloc makes one: GetRequestSize bytes, the request first, with room
// for four pinned pages and two scatter-gather entries.
struct CallerRequest {
  explicit CallerRequest(size_t size, uint8_t ep) : storage((size + 7) / 8) {
    EXPECT_EQ(zx::vmo::create(16384, 0, &vmo), ZX_OK);
    req = new (storage.data()) usb_request_t{};
    req->header = {7, 1, ep, 512, true};
    req->vmo_handle = vmo.get();
    req->size = 5000;
    req->offset = 100;
    req->phys_list = phys;
    req->phys_count = 4;
    req->sg_list = sg;
    req->sg_count = 2;
    req->response = {ZX_ERR_INTERNAL, 0, 0};
  }
  std::vector<uint64_t> storage;
  usb_request_t* req;
  zx::vmo vmo;
  zx_paddr_t phys[4] = {};
  phys_iter_sg_entry_t sg[2] = {};
};

// Queues `caller`'s request on `usb`, to be handed back to `record`.
void Queue(const usb_protocol_t* usb, CallerRequest* caller, UsbRecord* record) {
  usb_request_complete_callback_t callback = record->callback();
  usb->ops->request_queue(usb->ctx, caller->req, &callback);
}

std::string UsbScript(const ddk::UsbProtocolClient& usb, FakeUsbBus* bus) {
  std::ostringstream t;
  uint8_t descriptor[16] = {};
  size_t actual = 0;
  uint8_t setup[4] = {1, 2, 3, 4};
  t << "control-out " << usb.ControlOut(0x21, 9, 1, 0, 0, setup, sizeof setup) << " "
    << usb.ControlOut(0x21, 9, 1, 0, 0, descriptor, sizeof descriptor) << "\n"
    << "control-in " << usb.ControlIn(0x80, 6, 0x100, 0, 0, descriptor, sizeof descriptor, &actual)
    << " actual=" << actual << " '" << reinterpret_cast<char*>(descriptor) << "'\n"
    << "speed " << usb.GetSpeed() << " interface " << usb.SetInterface(1, 0) << " "
    << usb.SetInterface(3, 0) << " cancel " << usb.CancelAll(0x81) << "\n";
  size_t request_size = usb.GetRequestSize();
  t << "request-size " << request_size << "\n";
  for (uint8_t ep : {0x81, 0x00}) {
    CallerRequest caller(request_size, ep);
    UsbRecord record;
    usb_request_complete_callback_t callback = record.callback();
    usb.RequestQueue(caller.req, &callback);
    bus->CompleteAll();
    EXPECT_TRUE(record.done.Wait());
    char data[9] = {};
    const usb_request_t& r = *caller.req;
    t << "queue ep=" << int{ep} << " status=" << r.response.status
      << " actual=" << r.response.actual << " calls=" << record.calls
      << " own-request=" << (record.req == caller.req)
      << " own-vmo=" << (r.vmo_handle == caller.vmo.get())
      << " own-lists=" << (r.phys_list == caller.phys && r.sg_list == caller.sg)
      << " data='" << (caller.vmo.read(data, 100, 8) == ZX_OK ? data : "?") << "' phys=";
    for (size_t i = 0; i < r.phys_count; ++i) t << std::hex << r.phys_list[i] << std::dec << ",";
    t << " sg=";
    for (size_t i = 0; i < r.sg_count; ++i) {
      t << r.sg_list[i].length << "@" << r.sg_list[i].offset << ",";
    }
    t << " header=" << r.header.frame << "/" << r.header.device_id << "/" << r.header.length << "/"
      << r.header.send_zlp << " size=" << r.size << "\n";
  }
  return t.str();
}

class UsbShimTest : public ShimTest {
 protected:
  void SetUp() override {
    ShimTest::SetUp();
    client_dispatcher_ = CreateDispatcher(fdfkit::testing::FakeDriver(6));
  }
  void TearDown() override {
    ShutdownAndDestroy(client_dispatcher_);
    ShimTest::TearDown();
  }
  fdf_dispatcher_t* client_dispatcher_ = nullptr;
};

TEST_F(UsbShimTest, RequestQueueThroughBothShimsMatchesDirectBanjo) {
  FakeUsbBus direct_bus, shimmed_bus;
  usb_protocol_t direct = direct_bus.proto(), shimmed = shimmed_bus.proto();
  const usb_protocol_t* looped =
      Loop<usb::Usb, usb_shims::UsbDriverOverBanjo, usb_shims::UsbBanjoOverDriver>(
          &shimmed, client_dispatcher_);
  std::string expected = UsbScript(ddk::UsbProtocolClient(&direct), &direct_bus);
  EXPECT_EQ(expected,
            "control-out 0 -14\ncontrol-in 0 actual=9 'fake-usb'\n"
            "speed 3 interface 0 -10 cancel 0\nrequest-size 184\n"
            "queue ep=129 status=0 actual=5000 calls=1 own-request=1 own-vmo=1 own-lists=1 "
            "data='usb-data' phys=10000,20000, sg=5000@100, header=7/1/512/1 size=5000\n"
            "queue ep=0 status=-44 actual=0 calls=1 own-request=1 own-vmo=1 own-lists=1 "
            "data='' phys=0,0,0,0, sg=0@0,0@0, header=7/1/512/1 size=5000\n");
  EXPECT_EQ(UsbScript(ddk::UsbProtocolClient(looped), &shimmed_bus), expected);
  // The duplicates the shims sent and the handles they kept for the bus are all closed.
  size_t before = OpenDescriptors();
  EXPECT_EQ(UsbScript(ddk::UsbProtocolClient(looped), &shimmed_bus), expected);
  EXPECT_TRUE(WaitUntil([&] { return OpenDescriptors() == before; }, std::chrono::seconds(10)))
      << OpenDescriptors() << " descriptors open, " << before << " before";
}

TEST_F(UsbShimTest, CallbackRunsOnTheCallersDispatcher) {
  FakeUsbBus bus;
  usb_protocol_t banjo = bus.proto();
  const usb_protocol_t* looped =
      Loop<usb::Usb, usb_shims::UsbDriverOverBanjo, usb_shims::UsbBanjoOverDriver>(
          &banjo, client_dispatcher_);
  CallerRequest caller(sizeof(usb_request_t) + 64, 0x81);
  UsbRecord record;
  Queue(looped, &caller, &record);
  bus.CompleteAll();
  ASSERT_TRUE(record.done.Wait());
  EXPECT_EQ(record.dispatcher, client_dispatcher_);
}

// A driver-transport Usb server written for the test: it lets the callback go unanswered, or
// answers it twice.
class ScriptedUsb : public fdf::WireServer<usb::Usb> {
 public:
  enum class Mode { kDrop, kTwice } mode;
  explicit ScriptedUsb(Mode m) : mode(m) {}
  void RequestQueue(RequestQueueRequestView request, fdf::Arena& arena,
                    RequestQueueCompleter::Sync& completer) override {
    if (mode == Mode::kTwice) {
      auto client = std::make_shared<fdf::WireSharedClient<usb_request::UsbRequestCompleteCallback>>(
          std::move(request->complete_cb), fdf_dispatcher_get_current_dispatcher());
      for (int status : {ZX_OK, ZX_ERR_IO}) {
        const usb_request::wire::UsbRequest& asked = request->usb_request;
        usb_request::wire::UsbRequest answer{asked.header,
                                             fdfkit::shims::Duplicate<zx::vmo>(asked.vmo_handle.get()),
                                             asked.size, asked.offset, asked.phys, asked.sg,
                                             asked.response, asked.release_frees};
        answer.response.status = status;
        client->buffer(arena)->Callback(std::move(answer)).Then([this, client](auto&) {
          answered++;
        });
      }
    }
    completer.buffer(arena).Reply();  // kDrop: the message closes the client end
  }
  void ControlOut(ControlOutRequestView, fdf::Arena&, ControlOutCompleter::Sync& c) override {
    c.Close(ZX_ERR_NOT_SUPPORTED);
  }
  void ControlIn(ControlInRequestView, fdf::Arena&, ControlInCompleter::Sync& c) override {
    c.Close(ZX_ERR_NOT_SUPPORTED);
  }
  void GetSpeed(fdf::Arena&, GetSpeedCompleter::Sync& c) override { c.Close(ZX_ERR_NOT_SUPPORTED); }
  void SetInterface(SetInterfaceRequestView, fdf::Arena&, SetInterfaceCompleter::Sync& c) override {
    c.Close(ZX_ERR_NOT_SUPPORTED);
  }
  void GetRequestSize(fdf::Arena&, GetRequestSizeCompleter::Sync& c) override {
    c.Close(ZX_ERR_NOT_SUPPORTED);
  }
  void CancelAll(CancelAllRequestView, fdf::Arena&, CancelAllCompleter::Sync& c) override {
    c.Close(ZX_ERR_NOT_SUPPORTED);
  }
  std::atomic<int> answered = 0;
};

TEST_F(UsbShimTest, UnansweredCallbackCancelsTheRequestOnce) {
  ScriptedUsb server(ScriptedUsb::Mode::kDrop);
  usb_shims::UsbBanjoOverDriver client(Serve<usb::Usb>(&server), client_dispatcher_);
  CallerRequest caller(sizeof(usb_request_t), 0x81);
  UsbRecord record;
  Queue(client.proto(), &caller, &record);
  ASSERT_TRUE(record.done.Wait());
  EXPECT_EQ(record.req, caller.req);
  EXPECT_EQ(caller.req->response.status, ZX_ERR_CANCELED);
  EXPECT_EQ(caller.req->vmo_handle, caller.vmo.get());
  EXPECT_EQ(caller.req->phys_count, 4u);
  FinishServing();
  EXPECT_EQ(record.calls, 1);
}

TEST_F(UsbShimTest, SecondAnswerIsIgnored) {
  ScriptedUsb server(ScriptedUsb::Mode::kTwice);
  usb_shims::UsbBanjoOverDriver client(Serve<usb::Usb>(&server), client_dispatcher_);
  CallerRequest caller(sizeof(usb_request_t), 0x81);
  UsbRecord record;
  size_t before = OpenDescriptors();
  Queue(client.proto(), &caller, &record);
  // The completion replies after it handed the request back (or found it handed back already):
  // both replies in, both answers were handled.
  ASSERT_TRUE(WaitUntil([&] { return server.answered.load() == 2; }));
  EXPECT_EQ(record.calls, 1);
  EXPECT_EQ(caller.req->response.status, ZX_OK);  // the first answer
  EXPECT_EQ(caller.req->vmo_handle, caller.vmo.get());
  FinishServing();
  // The VMOs both answers carried are closed: the caller holds only its own.
  EXPECT_TRUE(WaitUntil([&] { return OpenDescriptors() <= before; }, std::chrono::seconds(10)))
      << OpenDescriptors() << " descriptors open, " << before << " before";
}

// The request goes back once the client end it went with is closed (on the caller's dispatcher,
// or inline when that came before the call returned, as a bus completing an error inline would),
// with the call's status.
TEST_F(UsbShimTest, FailedCallCompletesWithItsStatus) {
  auto endpoints = fdf::CreateEndpoints<usb::Usb>();
  ASSERT_TRUE(endpoints.is_ok());
  endpoints->server.reset();  // no server
  usb_shims::UsbBanjoOverDriver client(std::move(endpoints->client), client_dispatcher_);
  CallerRequest caller(sizeof(usb_request_t), 0x81);
  UsbRecord record;
  Queue(client.proto(), &caller, &record);
  ASSERT_TRUE(record.done.Wait());
  EXPECT_EQ(caller.req->response.status, ZX_ERR_PEER_CLOSED);
  EXPECT_EQ(record.req, caller.req);
  EXPECT_EQ(record.calls, 1);
}

TEST_F(UsbShimTest, NoDispatcherCompletesInlineWithBadState) {
  ScriptedUsb server(ScriptedUsb::Mode::kDrop);
  usb_shims::UsbBanjoOverDriver client(Serve<usb::Usb>(&server), nullptr);
  CallerRequest caller(sizeof(usb_request_t), 0x81);
  UsbRecord record;
  Queue(client.proto(), &caller, &record);
  EXPECT_EQ(record.calls, 1);
  EXPECT_EQ(caller.req->response.status, ZX_ERR_BAD_STATE);
  FinishServing();
}

}  // namespace
