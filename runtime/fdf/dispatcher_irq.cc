// Dispatcher: interrupts bound to a synchronized dispatcher, and user packets.
//
// A bound irq owns one pooled request for its whole binding. It cycles registered (the poller
// waits for a trigger) → ready → running → registered again once the handler returns. Unbinding
// from inside the handler marks it unbound; the request is freed when the handler returns.
#include <zircon/linux.h>

#include "runtime/fdf/dispatcher.h"
#include "runtime/fdf/driver_context.h"
#include "runtime/zircon/object.h"

namespace fdf_internal {

using Where = CallbackRequest::Where;

// ---- Interrupts ----

// The trigger is consumed here, at delivery, so that triggers raised while the handler runs leave
// the interrupt pending and fire again once the binding is re-armed.
void Dispatcher::InvokeIrq(void* target, Dispatcher* d, zx_status_t status,
                           const CallbackRequest::Payload&) {
  auto* irq = static_cast<async_irq_t*>(target);
  if (status != ZX_OK) {
    irq->handler(d, irq, status, nullptr);
    return;
  }
  zx_packet_interrupt_t packet{0, 0, 0, 0};
  // Someone else (zx_interrupt_wait) took the trigger: nothing to deliver, the binding re-arms.
  if (!fdf_internal::zircon::ConsumeInterrupt(zx_linux_handle_to_fd(irq->object), &packet.timestamp)) return;
  irq->handler(d, irq, status, &packet);
}

zx_status_t Dispatcher::BindIrq(async_irq_t* irq) {
  if (irq == nullptr) return ZX_ERR_INVALID_ARGS;
  if (unsynchronized()) return ZX_ERR_NOT_SUPPORTED;
  int fd;
  fdf_internal::zircon::ObjectType type;
  if (fdf_internal::zircon::Lookup(irq->object, &fd, &type) != ZX_OK) return ZX_ERR_BAD_HANDLE;
  if (type != fdf_internal::zircon::ObjectType::kInterrupt) return ZX_ERR_WRONG_TYPE;
  return BeginPollerRequest(CallbackRequest::Kind::kIrq, irq, &irq->state,
                            &Dispatcher::InvokeIrq, irq->object, fdf_internal::zircon::kInterruptTriggered);
}

void Dispatcher::FinishIrqLocked(CallbackRequest* request) {
  if (request->where == Where::kNone) {  // unbound by its own handler
    FreeRequestLocked(request);
    return;
  }
  if (state_ != State::kRunning) {
    request->where = Where::kShutdown;
    shutdown_.push_back(request);
    return;
  }
  RegisterForPollerLocked(request);
  auto* irq = static_cast<async_irq_t*>(request->target);
  uint32_t generation = request->generation;
  mu_.Unlock();
  zx_status_t status = ArmPollerWait(request, generation, irq->object,
                                     fdf_internal::zircon::kInterruptTriggered,
                                     &Dispatcher::OnWaitSignalled);
  mu_.Lock();
  if (status != ZX_OK) {
    // The interrupt handle was closed under the binding: it can never fire again.
    irq->state = ASYNC_STATE_INIT;
    FreeRequestLocked(request);
  }
}

zx_status_t Dispatcher::UnbindIrq(async_irq_t* irq) {
  if (irq == nullptr) return ZX_ERR_INVALID_ARGS;
  if (driver_context::CurrentDispatcher() != this) return ZX_ERR_BAD_STATE;
  MutexLock lock(&mu_);
  CallbackRequest* request = LookupRequestLocked(irq->state, irq);
  if (request == nullptr) return ZX_ERR_NOT_FOUND;
  if (request->where == Where::kRunning) {
    // Unbound by its own handler: FinishIrqLocked frees the request when the handler returns.
    request->where = Where::kNone;
    irq->state = ASYNC_STATE_INIT;
    return ZX_OK;
  }
  zx_status_t status = WithdrawLocked(request);
  if (status == ZX_ERR_SHOULD_WAIT) return ZX_ERR_BAD_STATE;  // still being bound elsewhere
  if (status == ZX_OK) irq->state = ASYNC_STATE_INIT;
  return status;
}

// ---- Packets ----

void Dispatcher::InvokePacket(void* target, Dispatcher* d, zx_status_t status,
                              const CallbackRequest::Payload& payload) {
  auto* receiver = static_cast<async_receiver_t*>(target);
  receiver->handler(d, receiver, status, status == ZX_OK ? &payload.user : nullptr);
}

zx_status_t Dispatcher::QueuePacket(async_receiver_t* receiver, const zx_packet_user_t* data) {
  if (receiver == nullptr) return ZX_ERR_INVALID_ARGS;
  MutexLock lock(&mu_);
  if (state_ != State::kRunning) return ZX_ERR_BAD_STATE;
  CallbackRequest* request = AllocateRequestLocked(CallbackRequest::Kind::kPacket, receiver);
  request->invoke = &Dispatcher::InvokePacket;
  if (data != nullptr) request->payload.user = *data;
  MakeReadyLocked(request);
  return ZX_OK;
}

}  // namespace fdf_internal
