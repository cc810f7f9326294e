// The per-thread driver call stack: which drivers (and through which dispatchers) the current
// thread is executing. It decides reentrancy: a driver is never re-entered on a thread that is
// already running it, however deep in the stack.
#ifndef FDFKIT_RUNTIME_FDF_DRIVER_CONTEXT_H_
#define FDFKIT_RUNTIME_FDF_DRIVER_CONTEXT_H_

namespace fdf_internal {

class Dispatcher;

namespace driver_context {

void Push(const void* driver, Dispatcher* dispatcher = nullptr);
// Aborts on an empty stack.
void Pop();
bool IsEmpty();
const void* CurrentDriver();
// The dispatcher of the top entry, or the testing default when the stack is empty.
Dispatcher* CurrentDispatcher();
// O(1): a per-thread count of each driver's entries on the stack.
bool IsDriverInCallStack(const void* driver);

// Testing default dispatcher for threads with an empty stack.
void SetDefaultDispatcher(Dispatcher* dispatcher);

}  // namespace driver_context
}  // namespace fdf_internal

#endif  // FDFKIT_RUNTIME_FDF_DRIVER_CONTEXT_H_
