// A banjo union crossing the shims (BlockImpl.Queue's block_op_t, untagged in C; the corpus
// protocol says with @selected_by/@selected_when that the opcode picks the member): through both
// shims a block client's reads, writes, trims and flushes end as they do calling the driver
// directly — the status, the data in the caller's VMO, the op written back in place and handed
// to the callback as the caller's own pointer, the driver's private part after the op intact.
#include <fidl/fuchsia.hardware.block/cpp/banjo_shims.h>
#include <gtest/gtest.h>
#include <lib/zx/vmo.h>

#include <cstring>
#include <mutex>
#include <sstream>
#include <thread>
#include <vector>

#include "tests/shims/shim_fixture.h"

namespace {

using fdfkit::testing::Latch;
using fdfkit::testing::ShimTest;
namespace block_shims = fdfkit::shims::fuchsia_hardware_block;

constexpr uint32_t kBlockSize = 512;
constexpr uint64_t kBlocks = 16;

// A RAM disk that completes every op from its own thread, keeping its state in the bytes after
// the op (block_op_size), as banjo block drivers do. Reads and writes report the blocks moved in
// `extra`; trims zero the range.
class FakeBlock : public ddk::BlockImplProtocol<FakeBlock> {
 public:
  FakeBlock() { EXPECT_EQ(zx::vmo::create(kBlocks * kBlockSize, 0, &disk_), ZX_OK); }
  block_impl_protocol_t proto() { return {&block_impl_protocol_ops_, this}; }
  void BlockImplQuery(block_info_t* out_info, uint64_t* out_block_op_size) {
    *out_info = {kBlocks, kBlockSize, 8 * kBlockSize, 0};
    *out_block_op_size = sizeof(Txn);
  }
  void BlockImplQueue(block_op_t* op, block_impl_queue_callback callback, void* cookie) {
    auto* txn = reinterpret_cast<Txn*>(op);
    txn->queued = ++queued_;
    std::lock_guard lock(mu_);
    workers_.emplace_back([this, txn, callback, cookie] {
      zx_status_t status = Run(&txn->op, txn->queued);
      callback(cookie, status, &txn->op);
    });
  }
  void Join() {
    std::lock_guard lock(mu_);
    for (std::thread& worker : workers_) worker.join();
    workers_.clear();
  }

 private:
  struct Txn {
    block_op_t op;
    uint64_t queued;  // the driver's private part
  };
  zx_status_t Run(block_op_t* op, uint64_t queued) {
    if (reinterpret_cast<Txn*>(op)->queued != queued) return ZX_ERR_IO_DATA_INTEGRITY;
    switch (op->command & BLOCK_OP_MASK) {
      case BLOCK_OP_READ:
      case BLOCK_OP_WRITE: {
        block_read_write_t& rw = op->rw;
        if (rw.offset_dev + rw.length > kBlocks) return ZX_ERR_OUT_OF_RANGE;
        std::vector<uint8_t> bytes(rw.length * kBlockSize);
        bool read = (op->command & BLOCK_OP_MASK) == BLOCK_OP_READ;
        zx_handle_t from = read ? disk_.get() : rw.vmo, to = read ? rw.vmo : disk_.get();
        uint64_t from_offset = (read ? rw.offset_dev : rw.offset_vmo) * kBlockSize;
        uint64_t to_offset = (read ? rw.offset_vmo : rw.offset_dev) * kBlockSize;
        if (zx_status_t s = zx_vmo_read(from, bytes.data(), from_offset, bytes.size()); s != ZX_OK) {
          return s;
        }
        if (zx_status_t s = zx_vmo_write(to, bytes.data(), to_offset, bytes.size()); s != ZX_OK) {
          return s;
        }
        rw.extra = rw.length;
        return ZX_OK;
      }
      case BLOCK_OP_TRIM: {
        block_trim_t& trim = op->trim;
        if (trim.offset_dev + trim.length > kBlocks) return ZX_ERR_OUT_OF_RANGE;
        std::vector<uint8_t> zeros(trim.length * kBlockSize);
        return disk_.write(zeros.data(), trim.offset_dev * kBlockSize, zeros.size());
      }
      case BLOCK_OP_FLUSH:
        return ZX_OK;
      default:
        return ZX_ERR_NOT_SUPPORTED;
    }
  }
  zx::vmo disk_;
  std::atomic<uint64_t> queued_ = 0;
  std::mutex mu_;
  std::vector<std::thread> workers_;
};

struct Completion {
  Latch done;
  zx_status_t status = ZX_ERR_INTERNAL;
  const block_op_t* op = nullptr;
  static void Callback(void* cookie, zx_status_t status, block_op_t* op) {
    auto* self = static_cast<Completion*>(cookie);
    self->status = status;
    self->op = op;
    self->done.Signal();
  }
};

std::string BlockScript(const ddk::BlockImplProtocolClient& block, FakeBlock* driver) {
  std::ostringstream t;
  block_info_t info{};
  uint64_t op_size = 0;
  block.Query(&info, &op_size);
  t << "query blocks=" << info.block_count << " size=" << info.block_size
    << " op_size=" << op_size << "\n";
  zx::vmo data;
  EXPECT_EQ(zx::vmo::create(4 * kBlockSize, 0, &data), ZX_OK);
  const char text[] = "block two, written through the stack";
  EXPECT_EQ(data.write(text, kBlockSize, sizeof text), ZX_OK);
  // As banjo callers do: op_size bytes per op, the op first.
  std::vector<uint64_t> storage((op_size + sizeof(uint64_t) - 1) / sizeof(uint64_t));
  auto* op = new (storage.data()) block_op_t{};
  auto queue = [&](const char* what) {
    Completion completion;
    block.Queue(op, Completion::Callback, &completion);
    EXPECT_TRUE(completion.done.Wait());
    driver->Join();
    t << what << " " << completion.status << " own-op=" << (completion.op == op)
      << " command=" << op->command;
  };
  op->rw = {BLOCK_OP_WRITE | 0x100, 0, data.get(), 2, 5, 1};  // a flag above the opcode
  queue("write");
  t << " extra=" << op->rw.extra << " vmo-is-callers=" << (op->rw.vmo == data.get()) << "\n";
  op->rw = {BLOCK_OP_READ, 0, data.get(), 1, 5, 3};
  queue("read");
  char back[sizeof text] = {};
  EXPECT_EQ(data.read(back, 3 * kBlockSize, sizeof back), ZX_OK);
  t << " extra=" << op->rw.extra << " '" << back << "'\n";
  op->trim = {BLOCK_OP_TRIM, 1, 5};
  queue("trim");
  op->rw = {BLOCK_OP_READ, 0, data.get(), 1, 5, 3};
  queue(" read");
  std::memset(back, 0x55, sizeof back);
  EXPECT_EQ(data.read(back, 3 * kBlockSize, sizeof back), ZX_OK);
  t << " zeroed=" << (back[0] == 0 && back[sizeof back - 1] == 0) << "\n";
  op->command = BLOCK_OP_FLUSH;
  queue("flush");
  op->command = 0x77;
  queue(" unknown");
  op->rw = {BLOCK_OP_READ, 0, data.get(), 1, kBlocks, 0};
  queue(" past-end");
  t << "\n";
  return t.str();
}

TEST_F(ShimTest, BlockImplUnionOpsThroughBothShimsMatchDirectBanjo) {
  FakeBlock direct_driver, shimmed_driver;
  block_impl_protocol_t direct = direct_driver.proto(), shimmed = shimmed_driver.proto();
  const block_impl_protocol_t* looped =
      Loop<fuchsia_hardware_block::BlockImpl, block_shims::BlockImplDriverOverBanjo,
           block_shims::BlockImplBanjoOverDriver>(&shimmed);
  std::string expected = BlockScript(ddk::BlockImplProtocolClient(&direct), &direct_driver);
  EXPECT_EQ(expected,
            "query blocks=16 size=512 op_size=40\n"
            "write 0 own-op=1 command=258 extra=2 vmo-is-callers=1\n"
            "read 0 own-op=1 command=1 extra=1 'block two, written through the stack'\n"
            "trim 0 own-op=1 command=4 read 0 own-op=1 command=1 zeroed=1\n"
            "flush 0 own-op=1 command=3 unknown -2 own-op=1 command=119 past-end -14 "
            "own-op=1 command=1\n");
  EXPECT_EQ(BlockScript(ddk::BlockImplProtocolClient(looped), &shimmed_driver), expected);
  // No duplicate of a caller's VMO outlives its op.
  size_t before = fdfkit::testing::OpenDescriptors();
  EXPECT_EQ(BlockScript(ddk::BlockImplProtocolClient(looped), &shimmed_driver), expected);
  EXPECT_EQ(fdfkit::testing::OpenDescriptors(), before);
}

// A FIDL client sees the member its op selected come back, and a banjo driver sees the member
// the FIDL union's tag names.
TEST_F(ShimTest, BlockImplFidlClientGetsItsMemberBack) {
  FakeBlock driver;
  block_impl_protocol_t banjo = driver.proto();
  block_shims::BlockImplDriverOverBanjo fidl_server(&banjo);
  fdf::WireSyncClient client(Serve<fuchsia_hardware_block::BlockImpl>(&fidl_server));
  fdf::Arena arena('TEST');
  auto trim = client.buffer(arena)->Queue(fuchsia_hardware_block::wire::BlockOp::WithTrim(
      arena, fuchsia_hardware_block::wire::BlockTrim{BLOCK_OP_TRIM, 2, 3}));
  ASSERT_TRUE(trim.ok());
  ASSERT_FALSE(trim->is_error());
  ASSERT_TRUE(trim->value()->op.is_trim());
  EXPECT_EQ(trim->value()->op.trim().length, 2u);
  auto flush = client.buffer(arena)->Queue(
      fuchsia_hardware_block::wire::BlockOp::WithCommand(BLOCK_OP_FLUSH));
  ASSERT_TRUE(flush.ok());
  ASSERT_FALSE(flush->is_error());
  EXPECT_TRUE(flush->value()->op.is_command());
  auto far = client.buffer(arena)->Queue(fuchsia_hardware_block::wire::BlockOp::WithTrim(
      arena, fuchsia_hardware_block::wire::BlockTrim{BLOCK_OP_TRIM, 1, kBlocks}));
  ASSERT_TRUE(far.ok());
  ASSERT_TRUE(far->is_error());
  EXPECT_EQ(far->error_value(), ZX_ERR_OUT_OF_RANGE);
  driver.Join();
  client = {};
  FinishServing();
}

// A FIDL op whose tag and command disagree would be read in banjo as the member its command
// selects (a trim's offset taken for a read's VMO): banjo gets an all-zero op instead, and the
// handles the op carried are closed, not leaked.
TEST_F(ShimTest, BlockImplOpWhoseTagAndCommandDisagreeReachesBanjoEmpty) {
  FakeBlock driver;
  block_impl_protocol_t banjo = driver.proto();
  block_shims::BlockImplDriverOverBanjo fidl_server(&banjo);
  fdf::WireSyncClient client(Serve<fuchsia_hardware_block::BlockImpl>(&fidl_server));
  fdf::Arena arena('TEST');
  size_t before = fdfkit::testing::OpenDescriptors();
  zx::vmo vmo;
  ASSERT_EQ(zx::vmo::create(kBlockSize, 0, &vmo), ZX_OK);
  auto flush_as_rw = client.buffer(arena)->Queue(fuchsia_hardware_block::wire::BlockOp::WithRw(
      arena, fuchsia_hardware_block::wire::BlockReadWrite{BLOCK_OP_FLUSH, 0, std::move(vmo), 1,
                                                          0, 0}));
  ASSERT_TRUE(flush_as_rw.ok());
  ASSERT_TRUE(flush_as_rw->is_error());
  EXPECT_EQ(flush_as_rw->error_value(), ZX_ERR_NOT_SUPPORTED);  // command 0
  auto read_as_trim = client.buffer(arena)->Queue(fuchsia_hardware_block::wire::BlockOp::WithTrim(
      arena, fuchsia_hardware_block::wire::BlockTrim{BLOCK_OP_READ, 0, 0x1234}));
  ASSERT_TRUE(read_as_trim.ok());
  ASSERT_TRUE(read_as_trim->is_error());
  EXPECT_EQ(read_as_trim->error_value(), ZX_ERR_NOT_SUPPORTED);
  driver.Join();
  EXPECT_EQ(fdfkit::testing::OpenDescriptors(), before);
  client = {};
  FinishServing();
}

// A driver-transport block server whose reply sets another member than the op it was given.
class SwitchingBlock : public fdf::WireServer<fuchsia_hardware_block::BlockImpl> {
 public:
  void Query(fdf::Arena& arena, QueryCompleter::Sync& c) override {
    c.buffer(arena).Reply({kBlocks, kBlockSize, 0, 0}, sizeof(block_op_t));
  }
  void Queue(QueueRequestView, fdf::Arena& arena, QueueCompleter::Sync& c) override {
    c.buffer(arena).ReplySuccess(fuchsia_hardware_block::wire::BlockOp::WithCommand(BLOCK_OP_FLUSH));
  }
};

TEST_F(ShimTest, BlockImplReplyOfAnotherMemberLeavesTheCallersOpAsItWas) {
  SwitchingBlock server;
  block_shims::BlockImplBanjoOverDriver shim(
      Serve<fuchsia_hardware_block::BlockImpl>(&server));
  zx::vmo vmo;
  ASSERT_EQ(zx::vmo::create(kBlockSize, 0, &vmo), ZX_OK);
  block_op_t op{};
  op.rw = {BLOCK_OP_READ, 7, vmo.get(), 1, 2, 0};
  Completion completion;
  ddk::BlockImplProtocolClient(shim.proto()).Queue(&op, Completion::Callback, &completion);
  ASSERT_TRUE(completion.done.Wait());
  EXPECT_EQ(completion.status, ZX_OK);
  EXPECT_EQ(completion.op, &op);
  EXPECT_EQ(op.rw.command, BLOCK_OP_READ);
  EXPECT_EQ(op.rw.extra, 7u);
  EXPECT_EQ(op.rw.vmo, vmo.get());
  uint64_t size = 0;
  EXPECT_EQ(vmo.get_size(&size), ZX_OK);  // still the caller's, open
  FinishServing();
}

}  // namespace
