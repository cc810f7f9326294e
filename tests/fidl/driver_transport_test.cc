// The driver transport end to end: generated clients and servers over libfdf channels, with the
// runtime's threads running the server (fdf_env_start), in both the zero-copy and the linearizing
// mode.
#include <fidl/test.fdfkit/cpp/driver/wire.h>
#include <gtest/gtest.h>
#include <lib/async/cpp/task.h>
#include <lib/fdf/env.h>
#include <lib/fidl/cpp/wire/codec.h>
#include <lib/zx/vmo.h>

#include <atomic>
#include <mutex>

#include "tests/fidl/gpio_binding_fixture.h"

namespace {

using test_fdfkit::Gpio;
using test_fdfkit::Sensor;
namespace wire = test_fdfkit::wire;

using fdfkit::testing::Latch;

class GpioServer : public fdf::WireServer<Gpio> {
 public:
  void Read(ReadRequestView request, fdf::Arena& arena, ReadCompleter::Sync& completer) override {
    if (request->pin >= test_fdfkit::wire::kMaxPins) {
      completer.buffer(arena).ReplyError(ZX_ERR_OUT_OF_RANGE);
    } else {
      completer.buffer(arena).ReplySuccess(static_cast<uint8_t>(request->pin * 2));
    }
  }
  void Write(WriteRequestView request, fdf::Arena& arena, WriteCompleter::Sync& completer) override {
    last_written = request->value;
    completer.buffer(arena).Reply();
  }
  void Echo(EchoRequestView request, fdf::Arena& arena, EchoCompleter::Sync& completer) override {
    received_data = request->data.data();
    received_arena_contains = fdf_arena_contains(arena.get(), request->data.data(),
                                                 request->data.count());
    completer.buffer(arena).Reply(request->data);
  }
  void Describe(DescribeRequestView request, fdf::Arena& arena,
                DescribeCompleter::Sync& completer) override {
    uint32_t total = 0;
    for (const fidl::StringView& name : request->names) total += static_cast<uint32_t>(name.size());
    if (request->choice.is_s()) total += static_cast<uint32_t>(request->choice.s().size());
    completer.buffer(arena).Reply(total);
  }
  void Ping(fdf::Arena& arena, PingCompleter::Sync& completer) override {
    pings++;
    ping_latch.Signal();
  }
  void TakeVmo(TakeVmoRequestView request, fdf::Arena& arena,
               TakeVmoCompleter::Sync& completer) override {
    uint64_t size = 0;
    zx::vmo vmo = std::move(request->vmo);
    vmo.get_size(&size);
    completer.buffer(arena).Reply(size);
  }

  std::atomic<uint8_t> last_written{0};
  std::atomic<int> pings{0};
  Latch ping_latch;
  const uint8_t* received_data = nullptr;
  bool received_arena_contains = false;
};

class DriverTransportTest
    : public fdfkit::testing::GpioBindingFixture<GpioServer>,
      public ::testing::WithParamInterface<fdf::internal::DriverTransportMode> {
 protected:
  void SetUp() override {
    fdf::internal::SetDriverTransportMode(GetParam());
    GpioBindingFixture::SetUp();
  }
  void TearDown() override {
    GpioBindingFixture::TearDown();
    fdf::internal::SetDriverTransportMode(fdf::internal::DriverTransportMode::kZeroCopy);
  }
};

TEST_P(DriverTransportTest, SyncTwoWayWithDomainErrors) {
  fdf::WireSyncClient client(std::move(client_end_));
  fdf::Arena arena('TEST');
  auto ok = client.buffer(arena)->Read(21);
  ASSERT_TRUE(ok.ok()) << ok;
  ASSERT_TRUE(ok->is_ok());
  EXPECT_EQ(ok->value()->value, 42);
  auto error = client.buffer(arena)->Read(64);
  ASSERT_TRUE(error.ok());
  ASSERT_TRUE(error->is_error());
  EXPECT_EQ(error->error_value(), ZX_ERR_OUT_OF_RANGE);
  auto written = client.buffer(arena)->Write(3, 7);
  ASSERT_TRUE(written.ok());
  EXPECT_EQ(server_.last_written.load(), 7);
}

TEST_P(DriverTransportTest, OneWayCallArrives) {
  fdf::WireSyncClient client(std::move(client_end_));
  fdf::Arena arena('TEST');
  EXPECT_TRUE(client.buffer(arena)->Ping().ok());
  ASSERT_TRUE(server_.ping_latch.Wait());
  EXPECT_EQ(server_.pings.load(), 1);
}

TEST_P(DriverTransportTest, ZeroCopyHandsTheSameBytesToTheServer) {
  fdf::WireSyncClient client(std::move(client_end_));
  fdf::Arena arena('TEST');
  fidl::VectorView<uint8_t> data(arena, 4096);
  for (size_t i = 0; i < data.count(); ++i) data[i] = static_cast<uint8_t>(i);
  auto result = client.buffer(arena)->Echo(data);
  ASSERT_TRUE(result.ok()) << result;
  ASSERT_EQ(result->data.count(), 4096u);
  for (size_t i = 0; i < 4096; ++i) ASSERT_EQ(result->data[i], static_cast<uint8_t>(i));
  EXPECT_TRUE(server_.received_arena_contains);
  if (GetParam() == fdf::internal::DriverTransportMode::kZeroCopy) {
    EXPECT_EQ(server_.received_data, data.data());  // no copy: the sender's own memory
    EXPECT_EQ(result->data.data(), data.data());
  } else {
    EXPECT_NE(server_.received_data, data.data());  // linearized into a new buffer
  }
}

TEST_P(DriverTransportTest, EmptyAndDefaultRequiredVectors) {
  fdf::WireSyncClient client(std::move(client_end_));
  fdf::Arena arena('TEST');
  // Built with no elements: present and empty, so a required vector accepts it.
  auto empty = client.buffer(arena)->Echo(fidl::VectorView<uint8_t>(arena, 0));
  ASSERT_TRUE(empty.ok()) << empty;
  EXPECT_EQ(empty->data.count(), 0u);
  EXPECT_FALSE(empty->data.is_null());
  // Default-constructed ({}): sent as an empty vector, as Fuchsia's wire encoder does, so driver
  // code like `Echo({})` works; the receiver sees a present, empty vector.
  auto defaulted = client.buffer(arena)->Echo({});
  ASSERT_TRUE(defaulted.ok()) << defaulted;
  EXPECT_EQ(defaulted->data.count(), 0u);
  EXPECT_FALSE(defaulted->data.is_null());
}

TEST_P(DriverTransportTest, ExternalDataIsCopiedOntoTheArena) {
  fdf::WireSyncClient client(std::move(client_end_));
  fdf::Arena arena('TEST');
  std::vector<uint8_t> external(100, 0x5a);
  auto result = client.buffer(arena)->Echo(fidl::VectorView<uint8_t>::FromExternal(external));
  ASSERT_TRUE(result.ok()) << result;
  EXPECT_TRUE(server_.received_arena_contains);
  EXPECT_NE(server_.received_data, external.data());
  EXPECT_EQ(result->data[99], 0x5a);
}

TEST_P(DriverTransportTest, NestedStringsAndUnions) {
  fdf::WireSyncClient client(std::move(client_end_));
  fdf::Arena arena('TEST');
  fidl::StringView names[] = {"sda", "scl"};
  auto result = client.buffer(arena)->Describe(
      fidl::VectorView<fidl::StringView>::FromExternal(names, 2),
      wire::Choice::WithS(arena, fidl::StringView("abcd")));
  ASSERT_TRUE(result.ok()) << result;
  EXPECT_EQ(result->count, 10u);
}

TEST_P(DriverTransportTest, HandlesTravelAndAreOwnedByTheServer) {
  fdf::WireSyncClient client(std::move(client_end_));
  fdf::Arena arena('TEST');
  zx::vmo vmo;
  ASSERT_EQ(zx::vmo::create(8192, 0, &vmo), ZX_OK);
  auto result = client.buffer(arena)->TakeVmo(std::move(vmo));
  ASSERT_TRUE(result.ok()) << result;
  EXPECT_EQ(result->size, 8192u);
}

TEST_P(DriverTransportTest, AsyncCallsCompleteExactlyOnceInOrder) {
  fdf::WireClient<Gpio> client;
  Latch done;
  std::vector<uint8_t> values;
  std::mutex mu;
  fdf::Arena arena('TEST');
  // Bind and call on the client dispatcher, as a driver would.
  async::PostTask(fdf_dispatcher_get_async_dispatcher(client_dispatcher_), [&] {
    client.Bind(std::move(client_end_), client_dispatcher_);
    for (uint32_t pin = 0; pin < 20; ++pin) {
      client.buffer(arena)->Read(pin).ThenExactlyOnce(
          [&](fdf::WireUnownedResult<Gpio::Read>& result) {
            ASSERT_TRUE(result.ok());
            std::lock_guard lock(mu);
            values.push_back(result->value()->value);
            done.Signal();
          });
    }
  });
  ASSERT_TRUE(done.Wait(20));
  std::lock_guard lock(mu);
  ASSERT_EQ(values.size(), 20u);
  for (uint8_t i = 0; i < 20; ++i) EXPECT_EQ(values[i], i * 2);
  Latch destroyed;
  async::PostTask(fdf_dispatcher_get_async_dispatcher(client_dispatcher_), [&] {
    client = fdf::WireClient<Gpio>();
    destroyed.Signal();
  });
  ASSERT_TRUE(destroyed.Wait());
}

TEST_P(DriverTransportTest, ServerUnbindRunsOnUnboundOnceAndFailsLaterCalls) {
  binding_->Unbind();
  ASSERT_TRUE(unbound_.Wait());
  EXPECT_EQ(unbind_reason_.load(), fidl::Reason::kUnbind);
  EXPECT_EQ(unbound_.count(), 1);
}

TEST_P(DriverTransportTest, PeerClosedEndsTheBinding) {
  client_end_.reset();
  ASSERT_TRUE(unbound_.Wait());
  EXPECT_EQ(unbind_reason_.load(), fidl::Reason::kPeerClosedWhileReading);
}

TEST_P(DriverTransportTest, PointerOutsideTheArenaClosesTheBinding) {
  if (GetParam() != fdf::internal::DriverTransportMode::kZeroCopy) GTEST_SKIP();
  // A hand-made message whose vector points at memory the arena does not own.
  static uint8_t outside[16] = {};
  fdf::Arena arena('TEST');
  using Message = fidl::internal::TransactionalMessage<wire::GpioEchoRequest>;
  auto* message = static_cast<Message*>(arena.Allocate(sizeof(Message)));
  message->header = fidl::WireMessageHeader::Make(0, Gpio::Echo::kOrdinal, false);
  message->header.txid = 7;
  message->body.data = fidl::VectorView<uint8_t>::FromExternal(outside, 16);
  ASSERT_EQ(ZX_OK, fdf_channel_write(client_end_.handle(), 0, arena.get(), message,
                                     sizeof(Message), nullptr, 0));
  ASSERT_TRUE(unbound_.Wait());
  EXPECT_EQ(unbind_reason_.load(), fidl::Reason::kDecodeError);
}

TEST_P(DriverTransportTest, UnknownOrdinalOnAClosedProtocolClosesTheBinding) {
  fdf::Arena arena('TEST');
  auto* header = static_cast<fidl::WireMessageHeader*>(arena.Allocate(16));
  *header = fidl::WireMessageHeader::Make(0, 0x1234, true);
  ASSERT_EQ(ZX_OK, fdf_channel_write(client_end_.handle(), 0, arena.get(), header, 16, nullptr, 0));
  ASSERT_TRUE(unbound_.Wait());
  EXPECT_EQ(unbind_reason_.load(), fidl::Reason::kUnexpectedMessage);
}

INSTANTIATE_TEST_SUITE_P(Modes, DriverTransportTest,
                         ::testing::Values(fdf::internal::DriverTransportMode::kZeroCopy,
                                           fdf::internal::DriverTransportMode::kLinearize),
                         [](const auto& info) {
                           return info.param == fdf::internal::DriverTransportMode::kZeroCopy
                                      ? "ZeroCopy"
                                      : "Linearize";
                         });

// An open protocol: unknown flexible two-way methods get a framework error, and the binding
// stays up.
class SensorServer : public fdf::WireServer<Sensor> {
 public:
  void Sample(fdf::Arena& arena, SampleCompleter::Sync& completer) override {
    completer.buffer(arena).Reply(-40);
  }
  void Calibrate(CalibrateRequestView request, fdf::Arena& arena,
                 CalibrateCompleter::Sync& completer) override {
    if (request->offset < 0) {
      completer.buffer(arena).ReplyError(5);
    } else {
      completer.buffer(arena).ReplySuccess();
    }
  }
  void Reset(fdf::Arena& arena, ResetCompleter::Sync& completer) override {}
  void handle_unknown_method(fidl::UnknownMethodMetadata<Sensor> metadata,
                             fidl::UnknownMethodCompleter::Sync& completer) override {
    unknown_ordinal = metadata.method_ordinal;
    unknown_two_way = metadata.unknown_method_type == fidl::UnknownMethodType::kTwoWay;
  }
  std::atomic<uint64_t> unknown_ordinal{0};
  std::atomic<bool> unknown_two_way{false};
};

class SensorTest : public fdfkit::testing::RuntimeTest {};

TEST_F(SensorTest, FlexibleMethodsAndUnknownInteractions) {
  ASSERT_EQ(ZX_OK, fdf_env_start(0));
  fdf_dispatcher_t* dispatcher = CreateDispatcher(fdfkit::testing::FakeDriver(1));
  SensorServer server;
  auto endpoints = fdf::CreateEndpoints<Sensor>();
  ASSERT_TRUE(endpoints.is_ok());
  fdf::BindServer(dispatcher, std::move(endpoints->server), &server);
  fdf::WireSyncClient client(std::move(endpoints->client));
  fdf::Arena arena('TEST');
  auto sample = client.buffer(arena)->Sample();
  ASSERT_TRUE(sample.ok()) << sample;
  EXPECT_EQ(sample->reading, -40);
  auto bad = client.buffer(arena)->Calibrate(-1);
  ASSERT_TRUE(bad.ok());
  ASSERT_TRUE(bad->is_error());
  EXPECT_EQ(bad->error_value(), 5u);
  auto good = client.buffer(arena)->Calibrate(1);
  ASSERT_TRUE(good.ok());
  EXPECT_TRUE(good->is_ok());

  // A flexible two-way call the server does not know: framework_err comes back.
  using Message = fidl::internal::EmptyTransactionalMessage;
  auto* message = static_cast<Message*>(arena.Allocate(sizeof(Message)));
  message->header = fidl::WireMessageHeader::Make(0, 0x0123456789abcdefull, true);
  fidl::internal::IncomingMessage reply;
  fidl::Status status = fdf::internal::DriverCall(
      client.client_end().handle(), message, nullptr, arena.get(),
      &fidl::internal::kFrameworkErrResultType, &reply);
  ASSERT_TRUE(status.ok()) << status;
  auto* result = static_cast<fidl::internal::WireResultUnion*>(reply.body());
  EXPECT_EQ(result->ordinal, 3u);
  EXPECT_EQ(*result->envelope.get<int32_t>(), -2);
  EXPECT_TRUE(reply.header().is_flexible());
  EXPECT_EQ(server.unknown_ordinal.load(), 0x0123456789abcdefull);
  EXPECT_TRUE(server.unknown_two_way.load());
  // Still bound.
  EXPECT_TRUE(client.buffer(arena)->Sample().ok());
  ShutdownAndDestroy(dispatcher);
}

}  // namespace
