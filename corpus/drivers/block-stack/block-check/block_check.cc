// The block stack's behaviour check, in a host of its own: a program using the stack through the
// block client's Zircon-channel service. It lends the stack a VMO, writes patterns at both ends
// of the partition and a maximal transfer in the middle, reads them back elsewhere in the VMO and
// compares the bytes; asks for what each layer must refuse; then keeps 16 writes and 16 reads in
// flight at once. Each result goes to the event log, which the board test reads; the driver has
// started when the last one is in (an asynchronous Start), so a board booted --once checks all.
#include <fidl/fdfkit.examples.block/cpp/wire.h>
#include <lib/driver/component/cpp/driver_export.h>
#include <lib/zx/vmo.h>
#include <zircon/status.h>

#include <optional>
#include <string>
#include <vector>

#include "corpus/drivers/block-stack/common/block_layers.h"
#include "corpus/drivers/common/event_log.h"

namespace {

namespace block = fdfkit_examples_block;
namespace bs = fdfkit::examples::block_stack;

constexpr uint32_t kSlotBlocks = 8;  // 4 KiB
constexpr uint64_t kSlotBytes = kSlotBlocks * bs::kBlockSize;
constexpr uint64_t kVmoBytes = 2 * uint64_t{bs::kCardMaxTransferBlocks} * bs::kBlockSize;
constexpr uint32_t kDepth = 16;

uint8_t Pattern(uint64_t seed, uint64_t i) { return static_cast<uint8_t>((i * 131 + seed * 7 + 1) % 251); }

std::vector<uint8_t> Filled(uint64_t seed, uint64_t size) {
  std::vector<uint8_t> bytes(size);
  for (uint64_t i = 0; i < size; ++i) bytes[i] = Pattern(seed, i);
  return bytes;
}

std::string Name(zx_status_t status) { return zx_status_get_string(status); }

template <typename Result>
zx_status_t StatusOf(Result&& result) {
  if (!result.ok()) return result.status();
  return result->is_error() ? result->error_value() : ZX_OK;
}

class BlockCheck : public fdf::DriverBase {
 public:
  BlockCheck(fdf::DriverStartArgs start_args, fdf::UnownedSynchronizedDispatcher dispatcher)
      : DriverBase("block-check", std::move(start_args), std::move(dispatcher)) {}

  void Start(fdf::StartCompleter completer) override {
    zx::result<> checked = CheckInOrder();
    if (checked.is_error()) return completer(checked);
    started_.emplace(std::move(completer));
    KeepDepth();
  }
  void Stop() override { Record("stop"); }

 private:
  zx::result<> CheckInOrder() {
    zx::result end = incoming()->Connect<block::Service::Session>();
    if (end.is_error()) return end.take_error();
    fidl::WireSyncClient<block::Session> session(std::move(*end));
    auto info = session->GetInfo();
    if (!info.ok()) return zx::error(info.status());
    Record("info blocks=" + std::to_string(info->block_count) +
           " block_size=" + std::to_string(info->block_size) +
           " max_transfer_blocks=" + std::to_string(info->max_transfer_blocks));
    if (zx_status_t status = zx::vmo::create(kVmoBytes, 0, &vmo_); status != ZX_OK) {
      return zx::error(status);
    }
    zx::vmo lent;
    vmo_.duplicate(ZX_RIGHT_SAME_RIGHTS, &lent);
    auto attached = session->AttachVmo(std::move(lent));
    if (StatusOf(attached) != ZX_OK) return zx::error(StatusOf(attached));
    vmo_id_ = attached->value()->vmo_id;

    // Both ends of the partition, and one maximal transfer in the middle.
    const uint64_t last = info->block_count - kSlotBlocks;
    const uint64_t middle = info->block_count / 2;
    std::string written = Transfer(session, true, 1, 0, kSlotBlocks, 0) + "," +
                          Transfer(session, true, 2, last, kSlotBlocks, kSlotBytes) + "," +
                          Transfer(session, true, 3, middle, bs::kCardMaxTransferBlocks, 0);
    std::string read = Reads(session, 0, 1, kSlotBlocks) + "," + Reads(session, last, 2, kSlotBlocks) +
                       "," + Reads(session, middle, 3, bs::kCardMaxTransferBlocks);
    Record("write " + written + " read " + read);

    // What each layer refuses: the partition (past its end, too long), the core (a VMO offset off a
    // block boundary), the card (a VMO it was never lent).
    Record("refused past_end=" + Name(Call(session, false, vmo_id_, last + 4, kSlotBlocks, 0)) +
           " too_long=" +
           Name(Call(session, false, vmo_id_, 0, bs::kCardMaxTransferBlocks + 1, 0)) +
           " unaligned=" + Name(Call(session, false, vmo_id_, 0, kSlotBlocks, 100)) +
           " unknown_vmo=" + Name(Call(session, false, vmo_id_ + 100, 0, kSlotBlocks, 0)));

    session_.Bind(session.TakeClientEnd(), dispatcher());
    return zx::ok();
  }

  void Record(const std::string& what) { fdfkit::examples::RecordEvent("block-check", what); }

  zx_status_t Call(fidl::WireSyncClient<block::Session>& session, bool write, uint32_t vmo_id,
                   uint64_t block_offset, uint32_t block_count, uint64_t vmo_offset) {
    if (write) return StatusOf(session->Write(vmo_id, block_count, block_offset, vmo_offset));
    return StatusOf(session->Read(vmo_id, block_count, block_offset, vmo_offset));
  }

  // Fills the VMO at `vmo_offset` with pattern `seed` and writes it at `block_offset`.
  std::string Transfer(fidl::WireSyncClient<block::Session>& session, bool write, uint64_t seed,
                       uint64_t block_offset, uint32_t block_count, uint64_t vmo_offset) {
    std::vector<uint8_t> bytes = Filled(seed, uint64_t{block_count} * bs::kBlockSize);
    vmo_.write(bytes.data(), vmo_offset, bytes.size());
    return Name(Call(session, write, vmo_id_, block_offset, block_count, vmo_offset));
  }

  // Reads `block_count` blocks at `block_offset` into the VMO's second half and compares them with
  // pattern `seed`: "ZX_OK/same" when the bytes are those written.
  std::string Reads(fidl::WireSyncClient<block::Session>& session, uint64_t block_offset,
                    uint64_t seed, uint32_t block_count) {
    const uint64_t into = kVmoBytes / 2;
    std::vector<uint8_t> zeros(uint64_t{block_count} * bs::kBlockSize);
    vmo_.write(zeros.data(), into, zeros.size());
    zx_status_t status = Call(session, false, vmo_id_, block_offset, block_count, into);
    std::vector<uint8_t> bytes(zeros.size());
    vmo_.read(bytes.data(), into, bytes.size());
    return Name(status) + (bytes == Filled(seed, bytes.size()) ? "/same" : "/differs");
  }

  // kDepth writes in flight at once, each to its own slot and blocks; when all are done, kDepth
  // reads of the same blocks into other slots; then the bytes are compared.
  void KeepDepth() {
    for (uint32_t i = 0; i < kDepth; ++i) {
      std::vector<uint8_t> bytes = Filled(100 + i, kSlotBytes);
      vmo_.write(bytes.data(), i * kSlotBytes, bytes.size());
      session_->Write(vmo_id_, kSlotBlocks, 64 + i * kSlotBlocks, i * kSlotBytes)
          .Then([this](auto& result) { OnDeep(StatusOf(result), true); });
    }
  }
  void OnDeep(zx_status_t status, bool write) {
    if (status != ZX_OK) ++deep_failed_;
    if (++deep_done_ < kDepth) return;
    deep_done_ = 0;
    if (write) {
      for (uint32_t i = 0; i < kDepth; ++i) {
        session_->Read(vmo_id_, kSlotBlocks, 64 + i * kSlotBlocks, kVmoBytes / 2 + i * kSlotBytes)
            .Then([this](auto& result) { OnDeep(StatusOf(result), false); });
      }
      return;
    }
    uint32_t same = 0;
    for (uint32_t i = 0; i < kDepth; ++i) {
      std::vector<uint8_t> bytes(kSlotBytes);
      vmo_.read(bytes.data(), kVmoBytes / 2 + i * kSlotBytes, bytes.size());
      same += bytes == Filled(100 + i, kSlotBytes) ? 1 : 0;
    }
    Record("depth " + std::to_string(kDepth) + " failed=" + std::to_string(deep_failed_) +
           " same=" + std::to_string(same));
    (*started_)(zx::ok());
  }

  zx::vmo vmo_;
  uint32_t vmo_id_ = 0;
  fidl::WireClient<block::Session> session_;
  uint32_t deep_done_ = 0;
  uint32_t deep_failed_ = 0;
  std::optional<fdf::StartCompleter> started_;
};

}  // namespace

FUCHSIA_DRIVER_EXPORT(BlockCheck);
