// libFuzzer target: the channel-transport decoder. The first byte picks a type of the bindings
// test library, the second how many (real) handles accompany the bytes; the rest is the message
// body. Decoding must never read out of bounds, leak a handle or crash; a success must re-encode.
#include <fidl/test.fdfkit/cpp/wire.h>
#include <lib/fidl/cpp/wire/codec.h>
#include <lib/zx/event.h>

#include <cstring>
#include <vector>

namespace {

const fidl::internal::FidlType* const kTypes[] = {
    &test_fdfkit::internal::kCodingPadded,   &test_fdfkit::internal::kCodingOuter,
    &test_fdfkit::internal::kCodingOptionalBytes, &test_fdfkit::internal::kCodingNamed,
    &test_fdfkit::internal::kCodingBoxed,    &test_fdfkit::internal::kCodingShorts,
    &test_fdfkit::internal::kCodingHandles,  &test_fdfkit::internal::kCodingSparse,
    &test_fdfkit::internal::kCodingChoice,   &test_fdfkit::internal::kCodingOpen,
    &test_fdfkit::internal::kCodingFlags,    &test_fdfkit::internal::kCodingNames,
    &test_fdfkit::internal::kCodingPayload,
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2) return 0;
  const fidl::internal::FidlType& type = *kTypes[data[0] % std::size(kTypes)];
  uint32_t num_handles = data[1] % 4;
  data += 2;
  size -= 2;
  if (size > fidl::kFidlMaxMessageBytes) return 0;
  std::vector<uint64_t> storage(size / 8 + 1);
  std::memcpy(storage.data(), data, size);
  std::vector<zx_handle_t> handles(num_handles);
  for (zx_handle_t& handle : handles) {
    zx::event event;
    zx::event::create(0, &event);
    handle = event.release();
  }
  auto* bytes = reinterpret_cast<uint8_t*>(storage.data());
  fidl::Status status = fidl::internal::Decode(type, bytes, static_cast<uint32_t>(size), 0,
                                               handles.data(), num_handles, nullptr);
  if (status.ok()) {
    // Decoded values re-encode (the handles move into the new message and are closed there).
    std::vector<uint8_t> out(fidl::kFidlMaxMessageBytes);
    zx_handle_t out_handles[64];
    fidl::internal::EncodeTarget target{out.data(), static_cast<uint32_t>(out.size()), out_handles,
                                        nullptr, 64};
    fidl::internal::EncodedSize encoded;
    fidl::Status again = fidl::internal::Encode(type, bytes, 0, target, &encoded);
    if (again.ok()) fidl::internal::CloseAnyHandles(out_handles, encoded.num_handles);
    fidl::internal::CloseHandles(type, bytes);
  }
  return 0;
}
