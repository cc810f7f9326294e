// Shims for @async methods, optional structs, untyped buffers, in-place structs carrying
// handles, arrays and vectors of structs (issue 20): the banjo client's view through
// FooBanjoOverDriver → driver transport → FooDriverOverBanjo equals its view of the server
// called directly, the completion callback runs exactly once with its cookie — also when the
// server is gone — and on the calling driver's dispatcher.
#include <fidl/ddk.protocol.ethernet/cpp/banjo_shims.h>
#include <fidl/ddk.protocol.nand/cpp/banjo_shims.h>
#include <fidl/fuchsia.hardware.sdmmc/cpp/banjo_shims.h>
#include <gtest/gtest.h>
#include <lib/async/cpp/task.h>
#include <lib/fdf/dispatcher.h>
#include <lib/zx/event.h>
#include <lib/zx/vmo.h>

#include <atomic>
#include <vector>
#include <mutex>
#include <map>
#include <sstream>
#include <thread>

#include "tests/shims/shim_fixture.h"

namespace {

using fdfkit::testing::Latch;
using fdfkit::testing::OpenDescriptors;
using fdfkit::testing::ShimTest;

// ---- EthernetImpl (banjo v1): @async QueueTx with an optional netbuf in and out, a voidptr
// buffer, an out struct with an array, a void method, an untyped handle out ----

class FakeEthernet : public ddk::EthernetImplProtocol<FakeEthernet> {
 public:
  ethernet_impl_protocol_t proto() { return {&ethernet_impl_protocol_ops_, this}; }
  zx_status_t EthernetImplQuery(uint32_t options, ethernet_info_t* out_info) {
    if (options != 0) return ZX_ERR_INVALID_ARGS;
    *out_info = {0x3, 1500, {0x02, 0, 0, 0xaa, 0xbb, 0xcc}, 64};
    return ZX_OK;
  }
  void EthernetImplStop() { ++stops_; }
  zx_status_t EthernetImplStart(const ethernet_ifc_protocol_t* ifc) { return ZX_OK; }
  // Completes from another thread when `options` is 1, at once otherwise; a frame without a
  // netbuf is refused. The reply's netbuf is the caller's, its flags marked sent.
  void EthernetImplQueueTx(uint32_t options, const ethernet_netbuf_t* netbuf,
                           ethernet_impl_queue_tx_callback callback, void* cookie) {
    if (!netbuf) {
      callback(cookie, ZX_ERR_INVALID_ARGS, nullptr);
      return;
    }
    auto complete = [netbuf = *netbuf, callback, cookie]() mutable {
      netbuf.flags |= 0x100;
      callback(cookie, ZX_OK, &netbuf);
    };
    if (options == 1) {
      std::thread(complete).detach();
    } else {
      complete();
    }
  }
  zx_status_t EthernetImplSetParam(eth_param_t param, int32_t value, const void* data,
                                   size_t size) {
    if (param == ETH_PARAM_MULTICAST_FILTER) {
      const auto* bytes = static_cast<const uint8_t*>(data);
      return size == 6 && bytes[0] == 0x01 ? ZX_OK : ZX_ERR_INVALID_ARGS;
    }
    return value >= 0 ? ZX_OK : ZX_ERR_OUT_OF_RANGE;
  }
  void EthernetImplGetBti(zx::bti* out_bti) {
    zx::event event;
    ASSERT_EQ(zx::event::create(0, &event), ZX_OK);
    *out_bti = zx::bti(event.release());  // Linux has no BTIs; any handle shows the transfer
  }

 private:
  int stops_ = 0;
};

// What the callback saw, once per call.
struct TxRecord {
  Latch done;
  std::atomic<int> calls = 0;
  zx_status_t status = ZX_ERR_INTERNAL;
  bool has_netbuf = false;
  size_t size = 0;
  uint32_t flags = 0;
  std::string bytes;
  fdf_dispatcher_t* dispatcher = nullptr;
  static void Callback(void* cookie, zx_status_t status, const ethernet_netbuf_t* netbuf) {
    auto* self = static_cast<TxRecord*>(cookie);
    self->status = status;
    self->has_netbuf = netbuf != nullptr;
    if (netbuf) {
      self->size = netbuf->data_size;
      self->flags = netbuf->flags;
      self->bytes.assign(static_cast<const char*>(netbuf->data_buffer), netbuf->data_size);
    }
    self->dispatcher = fdf_dispatcher_get_current_dispatcher();
    self->calls++;
    self->done.Signal();
  }
};

std::string EthernetScript(const ddk::EthernetImplProtocolClient& eth) {
  std::ostringstream t;
  ethernet_info_t info{};
  t << "query " << eth.Query(0, &info) << " mtu=" << info.mtu << " mac=" << int{info.mac[3]}
    << ":" << int{info.mac[5]} << " netbuf=" << info.netbuf_size << " bad "
    << eth.Query(1, &info) << "\n";
  const char frame[] = "frame!";
  for (uint32_t options : {0u, 1u}) {
    ethernet_netbuf_t netbuf{frame, 6, 0x1000, 0, 0x7};
    TxRecord record;
    eth.QueueTx(options, &netbuf, TxRecord::Callback, &record);
    EXPECT_TRUE(record.done.Wait());
    t << "tx" << options << " " << record.status << " calls=" << record.calls
      << " netbuf=" << record.has_netbuf << " size=" << record.size << " flags=0x" << std::hex
      << record.flags << std::dec << " '" << record.bytes << "'\n";
  }
  TxRecord empty;
  eth.QueueTx(0, nullptr, TxRecord::Callback, &empty);
  EXPECT_TRUE(empty.done.Wait());
  t << "tx-null " << empty.status << " calls=" << empty.calls << " netbuf=" << empty.has_netbuf
    << "\n";
  const uint8_t filter[] = {0x01, 0, 0x5e, 0, 0, 1};
  t << "param " << eth.SetParam(ETH_PARAM_MULTICAST_FILTER, 0, filter, sizeof filter) << " "
    << eth.SetParam(ETH_PARAM_MULTICAST_FILTER, 0, filter, 2) << " "
    << eth.SetParam(ETH_PARAM_PROMISC, -1, nullptr, 0) << "\n";
  eth.Stop();
  return t.str();
}

namespace eth_shims = fdfkit::shims::ddk_protocol_ethernet;

TEST_F(ShimTest, EthernetThroughBothShimsMatchesDirectBanjo) {
  FakeEthernet direct_server, shimmed_server;
  ethernet_impl_protocol_t direct = direct_server.proto(), shimmed = shimmed_server.proto();
  const ethernet_impl_protocol_t* looped =
      Loop<ddk_protocol_ethernet::EthernetImpl, eth_shims::EthernetImplDriverOverBanjo,
           eth_shims::EthernetImplBanjoOverDriver>(&shimmed);
  std::string expected = EthernetScript(ddk::EthernetImplProtocolClient(&direct));
  EXPECT_EQ(expected,
            "query 0 mtu=1500 mac=170:204 netbuf=64 bad -10\n"
            "tx0 0 calls=1 netbuf=1 size=6 flags=0x107 'frame!'\n"
            "tx1 0 calls=1 netbuf=1 size=6 flags=0x107 'frame!'\n"
            "tx-null -10 calls=1 netbuf=0\nparam 0 -10 -14\n");
  EXPECT_EQ(EthernetScript(ddk::EthernetImplProtocolClient(looped)), expected);
  // Where banjo and FIDL differ on purpose: the driver transport checks a handle's type, so the
  // event the fake hands out as a BTI (Linux has none) reaches a banjo caller directly but is
  // refused on the way through the shims; GetBti returns nothing, so the caller gets no handle.
  zx::bti direct_bti, shimmed_bti;
  ddk::EthernetImplProtocolClient(&direct).GetBti(&direct_bti);
  ddk::EthernetImplProtocolClient(looped).GetBti(&shimmed_bti);
  EXPECT_TRUE(direct_bti.is_valid());
  EXPECT_FALSE(shimmed_bti.is_valid());
}

// The completion callback runs on the calling driver's dispatcher, exactly once — and once with
// ZX_ERR_PEER_CLOSED when the server has gone away.
TEST_F(ShimTest, EthernetAsyncCallbackRunsOnceOnTheCallersDispatcherEvenAfterTheServerLeft) {
  FakeEthernet server;
  ethernet_impl_protocol_t banjo = server.proto();
  const ethernet_impl_protocol_t* looped =
      Loop<ddk_protocol_ethernet::EthernetImpl, eth_shims::EthernetImplDriverOverBanjo,
           eth_shims::EthernetImplBanjoOverDriver>(&banjo);
  fdf_dispatcher_t* caller =
      CreateDispatcher(fdfkit::testing::FakeDriver(2), FDF_DISPATCHER_OPTION_ALLOW_SYNC_CALLS);
  const char frame[] = "abc";
  auto queue_from_caller = [&](TxRecord* record) {
    async::PostTask(fdf_dispatcher_get_async_dispatcher(caller), [&, record] {
      ethernet_netbuf_t netbuf{frame, 3, 0, 0, 0};
      ddk::EthernetImplProtocolClient(looped).QueueTx(1, &netbuf, TxRecord::Callback, record);
    });
    ASSERT_TRUE(record->done.Wait());
  };
  TxRecord sent;
  queue_from_caller(&sent);
  EXPECT_EQ(sent.status, ZX_OK);
  EXPECT_EQ(sent.dispatcher, caller);
  CloseServers();
  TxRecord orphan;
  queue_from_caller(&orphan);
  EXPECT_EQ(orphan.status, ZX_ERR_PEER_CLOSED);
  EXPECT_FALSE(orphan.has_netbuf);
  EXPECT_EQ(orphan.dispatcher, caller);
  ShutdownAndDestroy(caller);
  EXPECT_EQ(sent.calls, 1);
  EXPECT_EQ(orphan.calls, 1);
}

// ---- Nand: a void method with two results (one a struct with an array), a struct in, a
// caller-allocated out vector, and Queue: an @async op the driver keeps until it completes it
// later, whose VMO banjo only lends (the caller keeps it; the shims send a duplicate and close
// what they were lent once done) ----

class FakeNand : public ddk::NandProtocol<FakeNand> {
 public:
  nand_protocol_t proto() { return {&nand_protocol_ops_, this}; }
  void NandQuery(nand_info_t* out_info, size_t* out_nand_op_size) {
    *out_info = {4096, 64, 1024, 8, 16, NAND_CLASS_PARTMAP, {0xa, 0xb}};
    *out_nand_op_size = sizeof(Txn);
  }
  // Keeps the op (as a real driver does) and completes it from its own thread: a read copies
  // the page's first bytes into the VMO it borrowed, and counts one bit flip per page. Like
  // real nand drivers it keeps its own state in the bytes after the op, which Query told
  // callers to allocate.
  void NandQueue(nand_read_write_t* op, nand_queue_callback callback, void* cookie) {
    auto* txn = reinterpret_cast<Txn*>(op);
    txn->id = ++queued_;
    std::memcpy(txn->seal, kSeal, sizeof kSeal);
    std::lock_guard lock(mu_);
    workers_.emplace_back([op, txn, callback, cookie] {
      if (std::memcmp(txn->seal, kSeal, sizeof kSeal) != 0) {
        callback(cookie, ZX_ERR_IO_DATA_INTEGRITY, op);
        return;
      }
      zx::unowned_vmo vmo(op->data_vmo);
      uint64_t size = 0;
      if (vmo->get_size(&size) != ZX_OK) {
        callback(cookie, ZX_ERR_BAD_HANDLE, op);
        return;
      }
      if (op->command != NAND_OP_READ) {
        callback(cookie, ZX_ERR_NOT_SUPPORTED, op);
        return;
      }
      const char page[] = "page-data";
      zx_status_t status = vmo->write(page, op->offset, sizeof page);
      op->corrected_bit_flips = static_cast<uint32_t>(op->length);
      callback(cookie, status, op);
    });
  }
  zx_status_t NandErase(const nand_erase_t* op) {
    return op->first_block + op->num_blocks <= 1024 ? ZX_OK : ZX_ERR_OUT_OF_RANGE;
  }
  zx_status_t NandGetFactoryBadBlockList(uint32_t* out_list, size_t count, size_t* out_actual) {
    const uint32_t bad[] = {7, 300, 1001};
    *out_actual = std::min<size_t>(count, 3);
    for (size_t i = 0; i < *out_actual; ++i) out_list[i] = bad[i];
    return count < 3 ? ZX_ERR_BUFFER_TOO_SMALL : ZX_OK;
  }
  void Join() {
    std::lock_guard lock(mu_);
    for (std::thread& worker : workers_) worker.join();
    workers_.clear();
  }

 private:
  struct Txn {
    nand_read_write_t op;
    uint64_t id;
    char seal[56];
  };
  static_assert(sizeof(Txn) == 96);
  static constexpr char kSeal[56] = "the driver's private part, after the op";
  std::atomic<uint64_t> queued_ = 0;
  std::mutex mu_;
  std::vector<std::thread> workers_;
};

struct NandRecord {
  Latch done;
  std::atomic<int> calls = 0;
  zx_status_t status = ZX_ERR_INTERNAL;
  uint32_t bit_flips = 0;
  bool vmo_valid = false;
  const nand_read_write_t* op = nullptr;  // banjo clients find their request from it
  static void Callback(void* cookie, zx_status_t status, const nand_read_write_t* op) {
    auto* self = static_cast<NandRecord*>(cookie);
    self->op = op;
    self->status = status;
    self->bit_flips = op ? op->corrected_bit_flips : 0;
    uint64_t size = 0;
    self->vmo_valid = op && zx_vmo_get_size(op->data_vmo, &size) == ZX_OK;
    self->calls++;
    self->done.Signal();
  }
};

std::string NandScript(const ddk::NandProtocolClient& nand, FakeNand* server) {
  std::ostringstream t;
  nand_info_t info{};
  size_t op_size = 0;
  nand.Query(&info, &op_size);
  t << "query page=" << info.page_size << " class=" << info.nand_class << " guid1="
    << int{info.partition_guid[1]} << " op_size=" << op_size << "\n";
  nand_erase_t erase{NAND_OP_ERASE, 1000, 30};
  t << "erase " << nand.Erase(&erase) << "\n";
  uint32_t list[4] = {0, 0, 0, 0};
  size_t actual = 0;
  t << "bad blocks " << nand.GetFactoryBadBlockList(list, 4, &actual) << " actual=" << actual
    << " " << list[0] << "," << list[1] << "," << list[2] << "," << list[3] << "\n";
  for (nand_op_t command : {NAND_OP_READ, NAND_OP_WRITE}) {
    zx::vmo vmo;
    EXPECT_EQ(zx::vmo::create(4096, 0, &vmo), ZX_OK);
    // As banjo callers do: op_size bytes per op, the op first.
    std::vector<uint64_t> storage((op_size + sizeof(uint64_t) - 1) / sizeof(uint64_t));
    nand_read_write_t& op =
        *new (storage.data()) nand_read_write_t{command, vmo.get(), 16, 3, 0, 0};
    NandRecord record;
    nand.Queue(&op, NandRecord::Callback, &record);
    EXPECT_TRUE(record.done.Wait());
    server->Join();
    char data[10] = {};
    // The caller's VMO is still its own, and holds what the driver wrote through the lent one.
    t << "queue" << command << " " << record.status << " calls=" << record.calls
      << " flips=" << record.bit_flips << " vmo-in-callback=" << record.vmo_valid
      << " caller-vmo=" << (vmo.read(data, 16, sizeof data) == ZX_OK) << " '" << data << "'"
      << " own-op=" << (record.op == &op) << " op-flips=" << op.corrected_bit_flips
      << " op-vmo-is-callers=" << (op.data_vmo == vmo.get()) << "\n";
  }
  return t.str();
}

namespace nand_shims = fdfkit::shims::ddk_protocol_nand;

TEST_F(ShimTest, NandThroughBothShimsMatchesDirectBanjo) {
  FakeNand direct_server, shimmed_server;
  nand_protocol_t direct = direct_server.proto(), shimmed = shimmed_server.proto();
  const nand_protocol_t* looped =
      Loop<ddk_protocol_nand::Nand, nand_shims::NandDriverOverBanjo,
           nand_shims::NandBanjoOverDriver>(&shimmed);
  std::string expected = NandScript(ddk::NandProtocolClient(&direct), &direct_server);
  EXPECT_EQ(expected,
            "query page=4096 class=1 guid1=11 op_size=96\nerase -14\n"
            "bad blocks 0 actual=3 7,300,1001,0\n"
            "queue1 0 calls=1 flips=3 vmo-in-callback=1 caller-vmo=1 'page-data' own-op=1 "
            "op-flips=3 op-vmo-is-callers=1\n"
            "queue2 -2 calls=1 flips=0 vmo-in-callback=1 caller-vmo=1 '' own-op=1 op-flips=0 "
            "op-vmo-is-callers=1\n");
  EXPECT_EQ(NandScript(ddk::NandProtocolClient(looped), &shimmed_server), expected);
  // Every duplicate the shims made, and every handle they were lent, is closed: a second run
  // leaves as many descriptors open as it found.
  size_t before = OpenDescriptors();
  EXPECT_EQ(NandScript(ddk::NandProtocolClient(looped), &shimmed_server), expected);
  EXPECT_EQ(OpenDescriptors(), before);
}

// ---- Sdmmc: an out array, a struct holding a vector of structs, handles in and out ----

class FakeSdmmc : public ddk::SdmmcProtocol<FakeSdmmc> {
 public:
  sdmmc_protocol_t proto() { return {&sdmmc_protocol_ops_, this}; }
  zx_status_t SdmmcHostInfo(sdmmc_host_info_t* out_info) {
    *out_info = {0x7, 1 << 20, 4096, 0};
    return ZX_OK;
  }
  zx_status_t SdmmcSetSignalVoltage(sdmmc_voltage_t voltage) {
    return voltage == SDMMC_VOLTAGE_V180 ? ZX_OK : ZX_ERR_NOT_SUPPORTED;
  }
  zx_status_t SdmmcSetBusWidth(sdmmc_bus_width_t bus_width) { return ZX_OK; }
  zx_status_t SdmmcSetBusFreq(uint32_t bus_freq) {
    return bus_freq <= 200'000'000 ? ZX_OK : ZX_ERR_OUT_OF_RANGE;
  }
  zx_status_t SdmmcSetTiming(sdmmc_timing_t timing) { return ZX_OK; }
  void SdmmcHwReset() { ++resets_; }
  zx_status_t SdmmcPerformTuning(uint32_t cmd_idx) { return ZX_ERR_IO; }
  zx_status_t SdmmcRegisterInBandInterrupt(const in_band_interrupt_protocol_t* cb) {
    return ZX_ERR_NOT_SUPPORTED;
  }
  void SdmmcAckInBandInterrupt() {}
  zx_status_t SdmmcRegisterVmo(uint32_t vmo_id, uint8_t client_id, zx::vmo vmo, uint64_t offset,
                               uint64_t size, uint32_t vmo_rights) {
    if (vmos_.count(vmo_id)) return ZX_ERR_ALREADY_EXISTS;
    vmos_[vmo_id] = std::move(vmo);
    return ZX_OK;
  }
  zx_status_t SdmmcUnregisterVmo(uint32_t vmo_id, uint8_t client_id, zx::vmo* out_vmo) {
    auto it = vmos_.find(vmo_id);
    if (it == vmos_.end()) return ZX_ERR_NOT_FOUND;
    *out_vmo = std::move(it->second);
    vmos_.erase(it);
    return ZX_OK;
  }
  // The response words echo the command and sum the buffers it names.
  zx_status_t SdmmcRequest(const sdmmc_req_t* req, uint32_t out_response[4]) {
    uint64_t total = 0;
    for (size_t i = 0; i < req->buffers_list_count; ++i) {
      if (!vmos_.count(req->buffers_list_list[i].vmo_id)) return ZX_ERR_NOT_FOUND;
      total += req->buffers_list_list[i].size;
    }
    out_response[0] = req->cmd_idx;
    out_response[1] = req->arg;
    out_response[2] = static_cast<uint32_t>(total);
    out_response[3] = static_cast<uint32_t>(req->buffers_list_count);
    return ZX_OK;
  }

 private:
  int resets_ = 0;
  std::map<uint32_t, zx::vmo> vmos_;
};

std::string SdmmcScript(const ddk::SdmmcProtocolClient& sdmmc) {
  std::ostringstream t;
  sdmmc_host_info_t info{};
  t << "info " << sdmmc.HostInfo(&info) << " caps=" << info.caps << " max=" << info.max_transfer_size
    << " voltage " << sdmmc.SetSignalVoltage(SDMMC_VOLTAGE_V330) << " "
    << sdmmc.SetSignalVoltage(SDMMC_VOLTAGE_V180) << " freq " << sdmmc.SetBusFreq(400'000'000)
    << " tuning " << sdmmc.PerformTuning(19) << "\n";
  sdmmc.HwReset();
  zx::vmo vmo;
  EXPECT_EQ(zx::vmo::create(8192, 0, &vmo), ZX_OK);
  t << "register " << sdmmc.RegisterVmo(1, 0, std::move(vmo), 0, 8192, 3);
  const sdmmc_buffer_t buffers[] = {{1, 0, 512}, {1, 512, 1024}};
  sdmmc_req_t req{18, 0x15, 0x200, 3, 512, 0, buffers, 2};
  uint32_t response[4] = {0, 0, 0, 0};
  t << " request " << sdmmc.Request(&req, response) << " " << response[0] << "," << response[1]
    << "," << response[2] << "," << response[3];
  const sdmmc_buffer_t missing[] = {{9, 0, 1}};
  sdmmc_req_t bad{17, 0, 0, 1, 1, 0, missing, 1};
  t << " bad " << sdmmc.Request(&bad, response) << "\n";
  zx::vmo back;
  t << "unregister " << sdmmc.UnregisterVmo(1, 0, &back) << " valid=" << back.is_valid()
    << " again " << sdmmc.UnregisterVmo(1, 0, &back) << "\n";
  return t.str();
}

namespace sdmmc_shims = fdfkit::shims::fuchsia_hardware_sdmmc;

TEST_F(ShimTest, SdmmcThroughBothShimsMatchesDirectBanjo) {
  FakeSdmmc direct_server, shimmed_server;
  sdmmc_protocol_t direct = direct_server.proto(), shimmed = shimmed_server.proto();
  const sdmmc_protocol_t* looped =
      Loop<fuchsia_hardware_sdmmc::Sdmmc, sdmmc_shims::SdmmcDriverOverBanjo,
           sdmmc_shims::SdmmcBanjoOverDriver>(&shimmed);
  std::string expected = SdmmcScript(ddk::SdmmcProtocolClient(&direct));
  EXPECT_EQ(expected,
            "info 0 caps=7 max=1048576 voltage -2 0 freq -14 tuning -40\n"
            "register 0 request 0 18,512,1536,2 bad -25\nunregister 0 valid=1 again -25\n");
  EXPECT_EQ(SdmmcScript(ddk::SdmmcProtocolClient(looped)), expected);
}

}  // namespace
