#ifndef FDFKIT_RUNTIME_FDF_RUNNABLE_H_
#define FDFKIT_RUNTIME_FDF_RUNNABLE_H_

#include "runtime/fdf/intrusive_list.h"

namespace fdf_internal {

// Work the thread pool runs: a dispatcher with ready callbacks, or a one-off runtime job.
class Runnable : public ListNode {
 public:
  virtual void Run() = 0;

 protected:
  ~Runnable() = default;
};

}  // namespace fdf_internal

#endif  // FDFKIT_RUNTIME_FDF_RUNNABLE_H_
