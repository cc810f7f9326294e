// Data written in place in every element of a vector (I2cImpl.Transact: each op's `data` buffer,
// filled by the controller for reads), which the clone returns as `read`, one ReadData per op.
// Through both shims a banjo client's buffers hold exactly what a direct call leaves in them; a
// FIDL server that returns too many bytes for a buffer, or not one entry per op, gets a status
// and never a write past (or into) the caller's buffers; a FIDL client of a banjo controller
// gets the bytes it read.
#include <fidl/fuchsia.hardware.i2cimpl/cpp/banjo_shims.h>
#include <gtest/gtest.h>

#include <array>
#include <cstring>
#include <sstream>
#include <vector>

#include "tests/shims/shim_fixture.h"

namespace {

using fdfkit::testing::ShimTest;
namespace i2c_shims = fdfkit::shims::fuchsia_hardware_i2cimpl;

// An EEPROM at address 0x50 on bus 0: a write's first byte sets the address pointer and the rest
// is stored from there; a read fills its whole buffer from the pointer on. Both advance it.
class FakeI2c : public ddk::I2cImplProtocol<FakeI2c> {
 public:
  FakeI2c() {
    for (size_t i = 0; i < memory_.size(); ++i) memory_[i] = static_cast<uint8_t>(i * 3);
  }
  i2c_impl_protocol_t proto() { return {&i2c_impl_protocol_ops_, this}; }
  uint32_t I2cImplGetBusBase() { return 2; }
  uint32_t I2cImplGetBusCount() { return 1; }
  zx_status_t I2cImplGetMaxTransferSize(uint32_t bus_id, uint64_t* out_size) {
    *out_size = memory_.size();
    return bus_id == 0 ? ZX_OK : ZX_ERR_OUT_OF_RANGE;
  }
  zx_status_t I2cImplSetBitrate(uint32_t bus_id, uint32_t bitrate) { return ZX_OK; }
  zx_status_t I2cImplTransact(uint32_t bus_id, const i2c_impl_op_t* ops, size_t count) {
    if (bus_id != 0) return ZX_ERR_OUT_OF_RANGE;
    for (size_t i = 0; i < count; ++i) {
      if (ops[i].address != 0x50) return ZX_ERR_NOT_FOUND;  // before anything is read
    }
    for (size_t i = 0; i < count; ++i) {
      const i2c_impl_op_t& op = ops[i];
      for (size_t k = 0; k < op.data_size; ++k) {
        if (op.is_read) {
          op.data_buffer[k] = memory_[pointer_++ % memory_.size()];
        } else if (k == 0) {
          pointer_ = op.data_buffer[0];
        } else {
          memory_[pointer_++ % memory_.size()] = op.data_buffer[k];
        }
      }
    }
    return ZX_OK;
  }

 private:
  std::array<uint8_t, 64> memory_;
  size_t pointer_ = 0;
};

std::string Bytes(const uint8_t* data, size_t size) {
  std::ostringstream t;
  for (size_t i = 0; i < size; ++i) t << (i ? "," : "") << int{data[i]};
  return t.str();
}

std::string I2cScript(const ddk::I2cImplProtocolClient& i2c) {
  std::ostringstream t;
  uint8_t at_0x10[] = {0x10};
  uint8_t read[4];
  std::memset(read, 0xee, sizeof read);
  i2c_impl_op_t write_then_read[] = {{0x50, at_0x10, sizeof at_0x10, false, false},
                                     {0x50, read, sizeof read, true, true}};
  t << "read " << i2c.Transact(0, write_then_read, 2) << " " << Bytes(read, sizeof read) << "\n";
  uint8_t store[] = {0x20, 7, 8, 9};
  uint8_t back[] = {0x20};
  uint8_t first[2], second[3];
  std::memset(first, 0xee, sizeof first);
  std::memset(second, 0xee, sizeof second);
  i2c_impl_op_t store_then_read_twice[] = {{0x50, store, sizeof store, false, false},
                                           {0x50, back, sizeof back, false, false},
                                           {0x50, first, sizeof first, true, false},
                                           {0x50, second, sizeof second, true, true}};
  t << "store " << i2c.Transact(0, store_then_read_twice, 4) << " " << Bytes(first, 2) << " "
    << Bytes(second, 3) << " written " << Bytes(store, sizeof store) << "\n";
  std::memset(read, 0xee, sizeof read);
  i2c_impl_op_t elsewhere[] = {{0x50, at_0x10, 1, false, false}, {0x51, read, 4, true, true}};
  t << "no device " << i2c.Transact(0, elsewhere, 2) << " " << Bytes(read, sizeof read) << "\n";
  t << "bad bus " << i2c.Transact(3, write_then_read, 2) << " empty "
    << i2c.Transact(0, nullptr, 0) << "\n";
  uint64_t max = 0;
  t << "base " << i2c.GetBusBase() << " count " << i2c.GetBusCount() << " max "
    << i2c.GetMaxTransferSize(0, &max) << "=" << max << "\n";
  return t.str();
}

TEST_F(ShimTest, I2cImplReadsLandInTheCallersBuffersThroughBothShims) {
  FakeI2c direct_server, shimmed_server;
  i2c_impl_protocol_t direct = direct_server.proto(), shimmed = shimmed_server.proto();
  const i2c_impl_protocol_t* looped =
      Loop<fuchsia_hardware_i2cimpl::Device, i2c_shims::I2cImplDriverOverBanjo,
           i2c_shims::I2cImplBanjoOverDriver>(&shimmed);
  std::string expected = I2cScript(ddk::I2cImplProtocolClient(&direct));
  EXPECT_EQ(expected,
            "read 0 48,51,54,57\n"
            "store 0 7,8 9,105,108 written 32,7,8,9\n"
            "no device -25 238,238,238,238\n"
            "bad bus -14 empty 0\n"
            "base 2 count 1 max 0=64\n");
  EXPECT_EQ(I2cScript(ddk::I2cImplProtocolClient(looped)), expected);
}

// More ops than the FIDL vector's bound (I2C_IMPL_MAX_RW_OPS) cannot be sent: a status, and no
// read buffer touched.
TEST_F(ShimTest, I2cImplTooManyOpsFailWithoutTouchingBuffers) {
  FakeI2c server;
  i2c_impl_protocol_t banjo = server.proto();
  const i2c_impl_protocol_t* looped =
      Loop<fuchsia_hardware_i2cimpl::Device, i2c_shims::I2cImplDriverOverBanjo,
           i2c_shims::I2cImplBanjoOverDriver>(&banjo);
  std::vector<std::array<uint8_t, 2>> buffers(I2C_IMPL_MAX_RW_OPS + 1, {0xee, 0xee});
  std::vector<i2c_impl_op_t> ops;
  for (auto& buffer : buffers) ops.push_back({0x50, buffer.data(), buffer.size(), true, false});
  EXPECT_NE(ddk::I2cImplProtocolClient(looped).Transact(0, ops.data(), ops.size()), ZX_OK);
  for (const auto& buffer : buffers) EXPECT_EQ(Bytes(buffer.data(), 2), "238,238");
}

// A driver-transport controller that answers `read` as it is told to.
class ScriptedI2c : public fdf::WireServer<fuchsia_hardware_i2cimpl::Device> {
 public:
  explicit ScriptedI2c(std::vector<std::vector<uint8_t>> entries) : entries_(std::move(entries)) {}
  void GetBusBase(fdf::Arena& arena, GetBusBaseCompleter::Sync& c) override {
    c.buffer(arena).Reply(0);
  }
  void GetBusCount(fdf::Arena& arena, GetBusCountCompleter::Sync& c) override {
    c.buffer(arena).Reply(1);
  }
  void GetMaxTransferSize(GetMaxTransferSizeRequestView, fdf::Arena& arena,
                          GetMaxTransferSizeCompleter::Sync& c) override {
    c.buffer(arena).ReplySuccess(64);
  }
  void SetBitrate(SetBitrateRequestView, fdf::Arena& arena,
                  SetBitrateCompleter::Sync& c) override {
    c.buffer(arena).ReplySuccess();
  }
  void Transact(TransactRequestView request, fdf::Arena& arena,
                TransactCompleter::Sync& c) override {
    ops_seen = request->op.count();
    fidl::VectorView<fuchsia_hardware_i2cimpl::wire::ReadData> read(arena, entries_.size());
    for (size_t i = 0; i < entries_.size(); ++i) {
      read[i].data = fidl::VectorView<uint8_t>::FromExternal(entries_[i]);
    }
    c.buffer(arena).ReplySuccess(read);
  }
  void handle_unknown_method(fidl::UnknownMethodMetadata<fuchsia_hardware_i2cimpl::Device>,
                             fidl::UnknownMethodCompleter::Sync&) override {}
  size_t ops_seen = 0;

 private:
  std::vector<std::vector<uint8_t>> entries_;
};

class I2cAnswers : public ShimTest {
 protected:
  // Two read ops of 2 and 3 bytes against a server answering `entries`: the status, and both
  // buffers as the caller finds them.
  std::string Transact(std::vector<std::vector<uint8_t>> entries) {
    ScriptedI2c server(std::move(entries));
    i2c_shims::I2cImplBanjoOverDriver shim(Serve<fuchsia_hardware_i2cimpl::Device>(&server));
    uint8_t first[2] = {0xee, 0xee}, second[3] = {0xee, 0xee, 0xee};
    i2c_impl_op_t ops[] = {{0x50, first, 2, true, false}, {0x50, second, 3, true, true}};
    zx_status_t status = ddk::I2cImplProtocolClient(shim.proto()).Transact(0, ops, 2);
    EXPECT_EQ(server.ops_seen, 2u);
    FinishServing();
    return std::to_string(status) + " " + Bytes(first, 2) + " " + Bytes(second, 3);
  }
};

TEST_F(I2cAnswers, EntriesThatFitAreCopiedAndShortOnesLeaveTheRest) {
  EXPECT_EQ(Transact({{1, 2}, {3, 4, 5}}), "0 1,2 3,4,5");
  EXPECT_EQ(Transact({{1}, {}}), "0 1,238 238,238,238");
}

TEST_F(I2cAnswers, AnEntryLargerThanItsBufferCopiesNothing) {
  EXPECT_EQ(Transact({{1, 2}, {3, 4, 5, 6}}), std::to_string(ZX_ERR_BUFFER_TOO_SMALL) +
                                                  " 238,238 238,238,238");
}

TEST_F(I2cAnswers, NotOneEntryPerOpCopiesNothing) {
  std::string untouched = " 238,238 238,238,238";
  EXPECT_EQ(Transact({{1, 2}}), std::to_string(ZX_ERR_INTERNAL) + untouched);
  EXPECT_EQ(Transact({{1, 2}, {3}, {4}}), std::to_string(ZX_ERR_INTERNAL) + untouched);
}

// A FIDL client of a banjo controller: one entry per op, reads holding what was read, writes
// what was written.
TEST_F(ShimTest, I2cImplFidlClientGetsWhatTheBanjoControllerRead) {
  FakeI2c controller;
  i2c_impl_protocol_t banjo = controller.proto();
  i2c_shims::I2cImplDriverOverBanjo fidl_server(&banjo);
  fdf::WireSyncClient client(Serve<fuchsia_hardware_i2cimpl::Device>(&fidl_server));
  fdf::Arena arena('TEST');
  uint8_t pointer[] = {0x04};
  uint8_t unread[3] = {};
  fidl::VectorView<fuchsia_hardware_i2cimpl::wire::I2cImplOp> ops(arena, 2);
  ops[0] = {0x50, fidl::VectorView<uint8_t>::FromExternal(pointer), false, false};
  ops[1] = {0x50, fidl::VectorView<uint8_t>::FromExternal(unread), true, true};
  auto result = client.buffer(arena)->Transact(0, ops);
  ASSERT_TRUE(result.ok());
  ASSERT_FALSE(result->is_error());
  const auto& read = result->value()->read;
  ASSERT_EQ(read.count(), 2u);
  EXPECT_EQ(Bytes(read[0].data.data(), read[0].data.count()), "4");
  EXPECT_EQ(Bytes(read[1].data.data(), read[1].data.count()), "12,15,18");
  EXPECT_EQ(Bytes(unread, 3), "0,0,0");  // the client's own request bytes were not written
  auto missing = client.buffer(arena)->Transact(0, [&] {
    fidl::VectorView<fuchsia_hardware_i2cimpl::wire::I2cImplOp> one(arena, 1);
    one[0] = {0x23, fidl::VectorView<uint8_t>::FromExternal(unread), true, true};
    return one;
  }());
  ASSERT_TRUE(missing.ok());
  ASSERT_TRUE(missing->is_error());
  EXPECT_EQ(missing->error_value(), ZX_ERR_NOT_FOUND);
  client = {};
  FinishServing();
}

}  // namespace
