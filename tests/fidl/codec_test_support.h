// Helpers for the codec suites: encode a wire object into bytes, decode bytes back in place.
#ifndef FDFKIT_TESTS_FIDL_CODEC_TEST_SUPPORT_H_
#define FDFKIT_TESTS_FIDL_CODEC_TEST_SUPPORT_H_

#include <lib/fidl/cpp/wire/codec.h>

#include <cstdint>
#include <vector>

namespace fdfkit::testing {

struct Encoded {
  fidl::Status status;
  std::vector<uint8_t> bytes;
  std::vector<zx_handle_t> handles;
  std::vector<fidl::internal::HandleMetadata> metadata;
};

inline Encoded EncodeValue(const fidl::internal::FidlType& type, void* value) {
  Encoded out;
  out.bytes.resize(fidl::kFidlMaxMessageBytes);
  out.handles.resize(64);
  out.metadata.resize(64);
  fidl::internal::EncodeTarget target{out.bytes.data(), static_cast<uint32_t>(out.bytes.size()),
                                      out.handles.data(), out.metadata.data(), 64};
  fidl::internal::EncodedSize size{};
  out.status = fidl::internal::Encode(type, value, 0, target, &size);
  out.bytes.resize(out.status.ok() ? size.num_bytes : 0);
  out.handles.resize(out.status.ok() ? size.num_handles : 0);
  out.metadata.resize(out.handles.size());
  return out;
}

// Decodes a copy of `bytes` (8-aligned storage); the decoded object lives in `storage`.
inline fidl::Status DecodeBytes(const fidl::internal::FidlType& type, std::vector<uint64_t>& storage,
                                const std::vector<uint8_t>& bytes,
                                std::vector<zx_handle_t> handles = {}) {
  storage.assign((bytes.size() + 7) / 8 + 1, 0);
  std::memcpy(storage.data(), bytes.data(), bytes.size());
  return fidl::internal::Decode(type, reinterpret_cast<uint8_t*>(storage.data()),
                                static_cast<uint32_t>(bytes.size()), 0, handles.data(),
                                static_cast<uint32_t>(handles.size()), nullptr);
}

}  // namespace fdfkit::testing

#endif  // FDFKIT_TESTS_FIDL_CODEC_TEST_SUPPORT_H_
