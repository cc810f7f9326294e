// A counter tests wait on until callbacks (on runtime threads) have signalled it enough times.
#ifndef FDFKIT_TESTS_FIDL_LATCH_H_
#define FDFKIT_TESTS_FIDL_LATCH_H_

#include <chrono>
#include <condition_variable>
#include <mutex>

namespace fdfkit::testing {

class Latch {
 public:
  void Signal() {
    std::lock_guard lock(mu_);
    ++count_;
    cv_.notify_all();
  }
  // False after 10 s without reaching `count`.
  bool Wait(int count = 1) {
    std::unique_lock lock(mu_);
    return cv_.wait_for(lock, std::chrono::seconds(10), [&] { return count_ >= count; });
  }
  int count() {
    std::lock_guard lock(mu_);
    return count_;
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  int count_ = 0;
};

}  // namespace fdfkit::testing

#endif  // FDFKIT_TESTS_FIDL_LATCH_H_
