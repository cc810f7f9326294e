// The owning wrapper ClientEnd and ServerEnd of both transports share: one channel object
// (zx::channel or fdf::Channel), four bytes, so an end sits in a wire object like a handle.
#ifndef LIB_FIDL_CPP_WIRE_INTERNAL_CHANNEL_END_H_
#define LIB_FIDL_CPP_WIRE_INTERNAL_CHANNEL_END_H_

#include <utility>

namespace fidl::internal {

template <typename ChannelType>
class ChannelEnd {
 public:
  using Channel = ChannelType;
  ChannelEnd() = default;
  explicit ChannelEnd(Channel channel) : channel_(std::move(channel)) {}
  const Channel& channel() const { return channel_; }
  Channel& channel() { return channel_; }
  Channel TakeChannel() { return std::move(channel_); }
  auto handle() const { return channel_.get(); }
  bool is_valid() const { return channel_.is_valid(); }
  explicit operator bool() const { return is_valid(); }
  void reset() { channel_.reset(); }

 private:
  Channel channel_;
};

}  // namespace fidl::internal

#endif  // LIB_FIDL_CPP_WIRE_INTERNAL_CHANNEL_END_H_
