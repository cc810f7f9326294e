// The generated ddk::Mock* classes (banjo-mock.h), used as a driver under test uses them: through
// the banjo C table GetProto() returns. Covers expectations met in order, wrong and unexpected
// calls reported through mock_function's failure handler, out-parameters written (vectors cut to
// the caller's count, strings to its capacity), handles handed over both ways, and @async
// callbacks run once with the cookie. Libraries: fuchsia.hardware.gpioimpl, ddk.protocol.ethernet
// and fuchsia.hardware.spi from the corpus, and test.banjomock for the shapes they lack.
#include <ddk/protocol/ethernet/c/banjo.h>
#include <fuchsia/hardware/gpioimpl/c/banjo.h>
#include <fuchsia/hardware/spi/c/banjo.h>
#include <test/banjomock/c/banjo.h>

#include <cstring>
#include <string>
#include <vector>

// The mocks compare struct arguments with ==; a test provides it, as with fidlgen_banjo's mocks.
inline bool operator==(const ethernet_netbuf_t& a, const ethernet_netbuf_t& b) {
  return a.data_buffer == b.data_buffer && a.data_size == b.data_size && a.phys == b.phys &&
         a.flags == b.flags;
}
inline bool operator==(const pixel_t& a, const pixel_t& b) { return a.x == b.x && a.y == b.y; }

#include <ddk/protocol/ethernet/cpp/banjo-mock.h>
#include <fuchsia/hardware/gpioimpl/cpp/banjo-mock.h>
#include <fuchsia/hardware/spi/cpp/banjo-mock.h>
#include <gtest/gtest.h>
#include <lib/zx/channel.h>
#include <lib/zx/event.h>
#include <lib/zx/interrupt.h>
#include <lib/zx/vmo.h>
#include <test/banjomock/cpp/banjo-mock.h>

namespace {

std::vector<std::string>& Failures() {
  static std::vector<std::string> failures;
  return failures;
}

void RecordFailure(const char* message) { Failures().push_back(message); }

// Records mock failures instead of aborting, so a test can assert on them.
class BanjoMockTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Failures().clear();
    mock_function::SetFailureHandler(&RecordFailure);
  }
  void TearDown() override { mock_function::SetFailureHandler(nullptr); }
};

// Whether the peer of a channel end is still open.
bool PeerOpen(const zx::channel& end) {
  uint32_t bytes = 0, handles = 0;
  return zx_channel_read(end.get(), 0, nullptr, nullptr, 0, 0, &bytes, &handles) ==
         ZX_ERR_SHOULD_WAIT;
}

TEST_F(BanjoMockTest, GpioImplExpectationsAreMetInOrder) {
  ddk::MockGpioImpl gpio;
  gpio.ExpectConfigIn(ZX_OK, 3, GPIO_IMPL_FLAGS_PULL_UP)
      .ExpectWrite(ZX_OK, 3, 1)
      .ExpectWrite(ZX_ERR_IO, 3, 0)
      .ExpectRead(ZX_OK, 3, /*out_value=*/1)
      .ExpectSetPolarity(ZX_OK, 3, GPIO_POLARITY_HIGH)
      .ExpectSetDriveStrength(ZX_OK, 3, 4000, /*out_actual_ds_ua=*/3800);
  const gpio_impl_protocol_t* proto = gpio.GetProto();

  EXPECT_EQ(gpio_impl_config_in(proto, 3, GPIO_IMPL_FLAGS_PULL_UP), ZX_OK);
  EXPECT_EQ(gpio_impl_write(proto, 3, 1), ZX_OK);
  EXPECT_EQ(gpio_impl_write(proto, 3, 0), ZX_ERR_IO);
  uint8_t value = 0;
  EXPECT_EQ(gpio_impl_read(proto, 3, &value), ZX_OK);
  EXPECT_EQ(value, 1);
  EXPECT_EQ(gpio_impl_set_polarity(proto, 3, GPIO_POLARITY_HIGH), ZX_OK);
  uint64_t actual = 0;
  EXPECT_EQ(gpio_impl_set_drive_strength(proto, 3, 4000, &actual), ZX_OK);
  EXPECT_EQ(actual, 3800u);

  EXPECT_TRUE(gpio.mock_write().HasExpectations());
  EXPECT_FALSE(gpio.mock_get_interrupt().HasExpectations());
  gpio.VerifyAndClear();
  EXPECT_TRUE(Failures().empty());
  EXPECT_FALSE(gpio.mock_write().HasExpectations());
}

TEST_F(BanjoMockTest, GpioImplWrongArgumentsAndUnexpectedCallsAreReported) {
  ddk::MockGpioImpl gpio;
  gpio.ExpectWrite(ZX_OK, 3, 1);
  const gpio_impl_protocol_t* proto = gpio.GetProto();

  // A mismatch still returns the expectation's values.
  EXPECT_EQ(gpio_impl_write(proto, 3, 0), ZX_OK);
  ASSERT_EQ(Failures().size(), 1u);
  EXPECT_NE(Failures()[0].find("argument 1"), std::string::npos) << Failures()[0];

  uint8_t value = 7;
  gpio_impl_read(proto, 3, &value);
  ASSERT_EQ(Failures().size(), 2u);
  EXPECT_NE(Failures()[1].find("unexpected call"), std::string::npos) << Failures()[1];

  gpio.VerifyAndClear();
  EXPECT_EQ(Failures().size(), 2u);
}

TEST_F(BanjoMockTest, GpioImplUnmetExpectationsAreReportedByVerifyAndClear) {
  ddk::MockGpioImpl gpio;
  gpio.ExpectConfigOut(ZX_OK, 1, 0).ExpectConfigOut(ZX_OK, 2, 0);
  EXPECT_EQ(gpio_impl_config_out(gpio.GetProto(), 1, 0), ZX_OK);
  gpio.VerifyAndClear();
  ASSERT_EQ(Failures().size(), 1u);
  EXPECT_NE(Failures()[0].find("not made"), std::string::npos) << Failures()[0];

  // Cleared: nothing is left to report.
  gpio.VerifyAndClear();
  EXPECT_EQ(Failures().size(), 1u);
}

TEST_F(BanjoMockTest, GpioImplHandsOutTheExpectedHandle) {
  ddk::MockGpioImpl gpio;
  zx::interrupt irq;
  ASSERT_EQ(zx::interrupt::create(zx::handle(), 0, ZX_INTERRUPT_VIRTUAL, &irq), ZX_OK);
  zx_handle_t expected = irq.get();
  gpio.ExpectGetInterrupt(ZX_OK, 5, 0, std::move(irq));

  zx_handle_t received = ZX_HANDLE_INVALID;
  EXPECT_EQ(gpio_impl_get_interrupt(gpio.GetProto(), 5, 0, &received), ZX_OK);
  EXPECT_EQ(received, expected);
  zx::interrupt owned(received);  // the caller owns it now
  EXPECT_EQ(owned.trigger(0, 0), ZX_OK);
  gpio.VerifyAndClear();
  EXPECT_TRUE(Failures().empty());
}

TEST_F(BanjoMockTest, EthernetAsyncCallbackRunsOnceWithTheCookie) {
  ddk::MockEthernetImpl ethernet;
  const uint8_t frame[] = {0xde, 0xad, 0xbe, 0xef};
  ethernet_netbuf_t netbuf = {frame, sizeof(frame), 0x1000, 0, 0};
  ethernet.ExpectQueueTx(0, netbuf, ZX_OK, &netbuf);

  struct Completion {
    int calls = 0;
    zx_status_t status = ZX_ERR_INTERNAL;
    const ethernet_netbuf_t* netbuf = nullptr;
  } completion;
  ethernet_impl_queue_tx(
      ethernet.GetProto(), 0, &netbuf,
      [](void* cookie, zx_status_t status, const ethernet_netbuf_t* returned) {
        auto* c = static_cast<Completion*>(cookie);
        c->calls++;
        c->status = status;
        c->netbuf = returned;
      },
      &completion);
  // Called back before queue_tx returned, exactly once.
  EXPECT_EQ(completion.calls, 1);
  EXPECT_EQ(completion.status, ZX_OK);
  EXPECT_EQ(completion.netbuf, &netbuf);
  ethernet.VerifyAndClear();
  EXPECT_TRUE(Failures().empty());
}

TEST_F(BanjoMockTest, EthernetOptionalStructsBuffersAndProtocols) {
  ddk::MockEthernetImpl ethernet;
  ddk::MockEthernetIfc ifc;
  const ethernet_ifc_protocol_t* ifc_proto = ifc.GetProto();
  ethernet_info_t info = {};
  info.mtu = 1500;
  info.mac[5] = 0x42;
  ethernet.ExpectStart(ZX_OK, {ifc_proto->ops, ifc_proto->ctx})
      .ExpectQuery(ZX_OK, 0, info)
      .ExpectSetParam(ZX_OK, ETH_PARAM_PROMISC, 1, {0x01, 0x02})
      .ExpectQueueTx(0, std::nullopt, ZX_ERR_INVALID_ARGS, nullptr)
      .ExpectGetBti(zx::bti());
  ifc.ExpectStatus(ETH_STATUS_ONLINE).ExpectRecv({0xaa, 0xbb, 0xcc}, 0);

  const ethernet_impl_protocol_t* proto = ethernet.GetProto();
  EXPECT_EQ(ethernet_impl_start(proto, ifc_proto->ctx, ifc_proto->ops), ZX_OK);
  ethernet_info_t queried = {};
  EXPECT_EQ(ethernet_impl_query(proto, 0, &queried), ZX_OK);
  EXPECT_EQ(queried.mtu, 1500u);
  EXPECT_EQ(queried.mac[5], 0x42);
  const uint8_t param[] = {0x01, 0x02};
  EXPECT_EQ(ethernet_impl_set_param(proto, ETH_PARAM_PROMISC, 1, param, sizeof(param)), ZX_OK);
  int calls = 0;
  ethernet_impl_queue_tx(
      proto, 0, nullptr,
      [](void* cookie, zx_status_t status, const ethernet_netbuf_t* returned) {
        EXPECT_EQ(status, ZX_ERR_INVALID_ARGS);
        EXPECT_EQ(returned, nullptr);
        ++*static_cast<int*>(cookie);
      },
      &calls);
  EXPECT_EQ(calls, 1);
  zx_handle_t bti = 1234;
  ethernet_impl_get_bti(proto, &bti);
  EXPECT_EQ(bti, ZX_HANDLE_INVALID);

  ethernet_ifc_status(ifc_proto, ETH_STATUS_ONLINE);
  const uint8_t received[] = {0xaa, 0xbb, 0xcc};
  ethernet_ifc_recv(ifc_proto, received, sizeof(received), 0);

  ethernet.VerifyAndClear();
  ifc.VerifyAndClear();
  EXPECT_TRUE(Failures().empty());
}

TEST_F(BanjoMockTest, EthernetWrongBufferIsReported) {
  ddk::MockEthernetIfc ifc;
  ifc.ExpectRecv({1, 2, 3}, 0);
  const uint8_t other[] = {1, 2};
  ethernet_ifc_recv(ifc.GetProto(), other, sizeof(other), 0);
  ASSERT_EQ(Failures().size(), 1u);
  EXPECT_NE(Failures()[0].find("argument 0"), std::string::npos) << Failures()[0];
  ifc.VerifyAndClear();
}

TEST_F(BanjoMockTest, SpiOutVectorsStopAtTheCallersCount) {
  ddk::MockSpi spi;
  spi.ExpectExchange(ZX_OK, {0x10, 0x20}, {9, 8, 7, 6})
      .ExpectReceive(ZX_OK, 4, {1, 2, 3})
      .ExpectTransmit(ZX_OK, {});
  const spi_protocol_t* proto = spi.GetProto();

  // Two bytes of room (and a guard byte the mock must not touch).
  uint8_t rx[3] = {0, 0, 0x55};
  size_t actual = 0;
  const uint8_t tx[] = {0x10, 0x20};
  EXPECT_EQ(spi_exchange(proto, tx, sizeof(tx), rx, 2, &actual), ZX_OK);
  EXPECT_EQ(actual, 2u);
  EXPECT_EQ(rx[0], 9);
  EXPECT_EQ(rx[1], 8);
  EXPECT_EQ(rx[2], 0x55);

  // More room than data: what there is.
  uint8_t big[8] = {};
  EXPECT_EQ(spi_receive(proto, 4, big, sizeof(big), &actual), ZX_OK);
  EXPECT_EQ(actual, 3u);
  EXPECT_EQ(big[2], 3);
  EXPECT_EQ(big[3], 0);

  // An empty buffer (null, 0) matches an empty vector.
  EXPECT_EQ(spi_transmit(proto, nullptr, 0), ZX_OK);
  spi.VerifyAndClear();
  EXPECT_TRUE(Failures().empty());
}

TEST_F(BanjoMockTest, SpiKeepsAServerEndUntilVerifyAndClear) {
  ddk::MockSpi spi;
  zx::channel client, server;
  ASSERT_EQ(zx::channel::create(0, &client, &server), ZX_OK);
  spi.ExpectConnectServer(server.get());
  spi_connect_server(spi.GetProto(), server.release());
  EXPECT_TRUE(PeerOpen(client));
  spi.VerifyAndClear();
  EXPECT_FALSE(PeerOpen(client));
  EXPECT_TRUE(Failures().empty());
}

TEST_F(BanjoMockTest, ShapesStringsOut) {
  ddk::MockShapes shapes;
  shapes.ExpectGetName(ZX_OK, "display-0").ExpectGetName(ZX_OK, "x").ExpectSetLabel(ZX_OK, "");
  const shapes_protocol_t* proto = shapes.GetProto();

  char name[6];
  std::memset(name, '#', sizeof(name));
  EXPECT_EQ(shapes_get_name(proto, name, 4), ZX_OK);
  EXPECT_STREQ(name, "dis");  // three characters and the terminator
  EXPECT_EQ(name[4], '#');
  // Nothing fits in no room: nothing is written.
  EXPECT_EQ(shapes_get_name(proto, name, 0), ZX_OK);
  EXPECT_STREQ(name, "dis");
  // A null string compares as an empty one.
  EXPECT_EQ(shapes_set_label(proto, nullptr), ZX_OK);
  shapes.VerifyAndClear();
  EXPECT_TRUE(Failures().empty());
}

TEST_F(BanjoMockTest, ShapesVectorsArraysAndOptionalStructs) {
  ddk::MockShapes shapes;
  pixel_t found = {7, 8};
  shapes.ExpectGetPixels(ZX_OK, {{1, 2}, {3, 4}})
      .ExpectDraw({{5, 6}, {7, 8}})
      .ExpectSetMatrix(ZX_OK, {{{1, 2, 3}, {4, 5, 6}}})
      .ExpectGetMatrix({{{9, 8, 7}, {6, 5, 4}}})
      .ExpectFind(ZX_OK, std::nullopt, &found)
      .ExpectFind(ZX_ERR_NOT_FOUND, pixel_t{1, 1}, nullptr);
  const shapes_protocol_t* proto = shapes.GetProto();

  pixel_t* pixels = nullptr;
  size_t count = 0;
  EXPECT_EQ(shapes_get_pixels(proto, &pixels, &count), ZX_OK);
  ASSERT_EQ(count, 2u);
  EXPECT_EQ(pixels[1].y, 4u);

  pixel_t a = {5, 6}, b = {7, 8};
  const pixel_t* list[] = {&a, &b};
  shapes_draw(proto, list, 2);

  const float matrix[2][3] = {{1, 2, 3}, {4, 5, 6}};
  EXPECT_EQ(shapes_set_matrix(proto, matrix), ZX_OK);
  float out[2][3] = {};
  shapes_get_matrix(proto, out);
  EXPECT_EQ(out[0][0], 9);
  EXPECT_EQ(out[1][2], 4);

  pixel_t* result = nullptr;
  EXPECT_EQ(shapes_find(proto, nullptr, &result), ZX_OK);
  EXPECT_EQ(result, &found);
  pixel_t hint = {1, 1};
  EXPECT_EQ(shapes_find(proto, &hint, &result), ZX_ERR_NOT_FOUND);
  EXPECT_EQ(result, nullptr);

  shapes.VerifyAndClear();
  EXPECT_TRUE(Failures().empty());
}

TEST_F(BanjoMockTest, ShapesOutVectorStopsAtTheCallersCount) {
  ddk::MockShapes shapes;
  shapes.ExpectReadPixels(ZX_OK, {{1, 1}, {2, 2}, {3, 3}});
  pixel_t pixels[3] = {{0, 0}, {0, 0}, {9, 9}};
  size_t actual = 0;
  EXPECT_EQ(shapes_read_pixels(shapes.GetProto(), pixels, 2, &actual), ZX_OK);
  EXPECT_EQ(actual, 2u);
  EXPECT_EQ(pixels[1].x, 2u);
  EXPECT_EQ(pixels[2].x, 9u);
  shapes.VerifyAndClear();
  EXPECT_TRUE(Failures().empty());
}

TEST_F(BanjoMockTest, ShapesHandlesAndCallbacksIn) {
  ddk::MockShapes shapes;
  zx::vmo vmo;
  ASSERT_EQ(zx::vmo::create(4096, 0, &vmo), ZX_OK);
  zx::channel client, server;
  ASSERT_EQ(zx::channel::create(0, &client, &server), ZX_OK);
  int context = 0;
  shape_callback_t cb = {[](void*, uint32_t) {}, &context};
  shapes.ExpectSend(vmo.get(), {server.get()}).ExpectWatch(&context);

  const shapes_protocol_t* proto = shapes.GetProto();
  zx_handle_t handles[] = {server.release()};
  shapes_send(proto, vmo.release(), handles, 1);
  shapes_watch(proto, &cb);
  // The mock owns what it was handed until VerifyAndClear.
  EXPECT_TRUE(PeerOpen(client));
  shapes.VerifyAndClear();
  EXPECT_FALSE(PeerOpen(client));
  EXPECT_TRUE(Failures().empty());
}

TEST_F(BanjoMockTest, ShapesAsyncResponseOfEveryKind) {
  ddk::MockShapes shapes;
  zx::event event;
  ASSERT_EQ(zx::event::create(0, &event), ZX_OK);
  zx_handle_t event_value = event.get();
  shapes.ExpectFetch("key", ZX_OK, "name", std::move(event), {1, 2}, {{{1, 2}, {3, 4}}}, {5, 6},
                     {{7, 8}, {9, 10}}, {0xab});

  struct Response {
    int calls = 0;
    zx_status_t status = ZX_ERR_INTERNAL;
    std::string name;
    zx::event event;
    uint32_t coords[2] = {};
    uint8_t grid[2][2] = {};
    pixel_t pixel = {};
    std::vector<pixel_t> pixels;
    std::vector<uint8_t> bytes;
  } response;
  shapes_fetch(
      shapes.GetProto(), "key",
      [](void* cookie, zx_status_t status, const char* name, zx_handle_t event,
         const uint32_t coords[2], const uint8_t grid[2][2], const pixel_t* pixel,
         const pixel_t** pixels_list, size_t pixels_count, const uint8_t* bytes_list,
         size_t bytes_count) {
        auto* r = static_cast<Response*>(cookie);
        r->calls++;
        r->status = status;
        r->name = name;
        r->event.reset(event);
        std::memcpy(r->coords, coords, sizeof(r->coords));
        std::memcpy(r->grid, grid, sizeof(r->grid));
        r->pixel = *pixel;
        for (size_t i = 0; i < pixels_count; ++i) r->pixels.push_back(*pixels_list[i]);
        r->bytes.assign(bytes_list, bytes_list + bytes_count);
      },
      &response);

  EXPECT_EQ(response.calls, 1);
  EXPECT_EQ(response.status, ZX_OK);
  EXPECT_EQ(response.name, "name");
  EXPECT_EQ(response.event.get(), event_value);
  EXPECT_EQ(response.coords[1], 2u);
  EXPECT_EQ(response.grid[1][0], 3);
  EXPECT_EQ(response.pixel.y, 6u);
  ASSERT_EQ(response.pixels.size(), 2u);
  EXPECT_EQ(response.pixels[1].x, 9u);
  EXPECT_EQ(response.bytes, std::vector<uint8_t>{0xab});
  shapes.VerifyAndClear();
  EXPECT_TRUE(Failures().empty());
}

}  // namespace
