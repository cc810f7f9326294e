// Stand-in for the DFv2 driver base: what a migrated server publishes itself through.
#pragma once
#include <lib/async/dispatcher.h>
#include <lib/zx/result.h>

#include <memory>

namespace fdf {
struct Dispatcher {
  void* get() const { return nullptr; }
};
class OutgoingDirectory {
 public:
  template <typename Service, typename Handler>
  zx::result<int> AddService(Handler, const char* instance = "default") {
    return zx::result<int>(0);
  }
};
class DriverBase {
 public:
  virtual ~DriverBase() = default;
  virtual zx::result<> Start() = 0;
  std::shared_ptr<OutgoingDirectory>& outgoing() { return outgoing_; }
  const Dispatcher* driver_dispatcher() const { return &dispatcher_; }
  async_dispatcher_t* dispatcher() const { return nullptr; }  // the one channel servers run on

 private:
  std::shared_ptr<OutgoingDirectory> outgoing_;
  Dispatcher dispatcher_;
};
}  // namespace fdf
