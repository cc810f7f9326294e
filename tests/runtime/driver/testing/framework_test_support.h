// Pieces the driver framework's tests share: the runtime started once per process, a dispatcher
// the test owns, a fake manager Node, start arguments for a test driver, and bounded waits.
#ifndef FDFKIT_TESTS_RUNTIME_DRIVER_TESTING_FRAMEWORK_TEST_SUPPORT_H_
#define FDFKIT_TESTS_RUNTIME_DRIVER_TESTING_FRAMEWORK_TEST_SUPPORT_H_

#include <fidl/fuchsia.driver.framework/cpp/wire.h>
#include <fidl/fuchsia.io/cpp/wire.h>
#include <lib/fdf/cpp/env.h>
#include <lib/fdf/env.h>
#include <lib/zx/channel.h>
#include <zircon/syscalls.h>

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

namespace fdfkit::driver::testing {

// Waits for the peer of `channel` to close; returns its epitaph (ZX_ERR_PEER_CLOSED if none) or
// ZX_ERR_TIMED_OUT.
zx_status_t WaitForEpitaph(const zx::channel& channel,
                           std::chrono::milliseconds timeout = std::chrono::seconds(10));

// A test-owned synchronized dispatcher (shut down and destroyed with this object). With
// `own_thread`, the runtime's pool gets a thread for it (it allows sync calls).
class TestDispatcher {
 public:
  explicit TestDispatcher(const char* name, bool own_thread = false);
  ~TestDispatcher();
  fdf_dispatcher_t* get() const { return dispatcher_; }
  async_dispatcher_t* async() const;
  // Runs `fn` on the dispatcher and waits for it (what is bound to a dispatcher is used there).
  void RunSync(const std::function<void()>& fn);

 private:
  fdf_dispatcher_t* dispatcher_ = nullptr;
  const void* owner_;  // never reused: a shut-down owner's record outlives its observer briefly
};

// The manager's side of a node: records AddChild calls and keeps their controllers.
class FakeNode : public fidl::WireServer<fuchsia_driver_framework::Node> {
 public:
  struct Child {
    std::string name;
    size_t properties = 0;
    std::vector<std::string> offered_services;
  };
  void AddChild(AddChildRequestView request, AddChildCompleter::Sync& completer) override;
  std::vector<Child> children() const;

 private:
  mutable std::mutex mu_;
  std::vector<Child> children_;
  std::vector<fidl::ServerEnd<fuchsia_driver_framework::NodeController>> controllers_;
};

// Opens `path` in the directory at `directory` with a fresh channel; returns the client end.
zx::channel OpenIn(const fidl::ClientEnd<fuchsia_io::Directory>& directory, const std::string& path);

}  // namespace fdfkit::driver::testing

#endif  // FDFKIT_TESTS_RUNTIME_DRIVER_TESTING_FRAMEWORK_TEST_SUPPORT_H_
