// The async free functions forward through the dispatcher's ops table.
#include <lib/async/dispatcher.h>
#include <lib/async/irq.h>
#include <lib/async/receiver.h>
#include <lib/async/task.h>
#include <lib/async/wait.h>

extern "C" {

zx_status_t async_post_task(async_dispatcher_t* dispatcher, async_task_t* task) {
  return dispatcher->ops->v1.post_task(dispatcher, task);
}

zx_status_t async_cancel_task(async_dispatcher_t* dispatcher, async_task_t* task) {
  return dispatcher->ops->v1.cancel_task(dispatcher, task);
}

zx_time_t async_now(async_dispatcher_t* dispatcher) { return dispatcher->ops->v1.now(dispatcher); }

zx_status_t async_begin_wait(async_dispatcher_t* dispatcher, async_wait_t* wait) {
  return dispatcher->ops->v1.begin_wait(dispatcher, wait);
}

zx_status_t async_cancel_wait(async_dispatcher_t* dispatcher, async_wait_t* wait) {
  return dispatcher->ops->v1.cancel_wait(dispatcher, wait);
}

zx_status_t async_queue_packet(async_dispatcher_t* dispatcher, async_receiver_t* receiver,
                               const zx_packet_user_t* data) {
  if (!dispatcher->ops->v1.queue_packet) return ZX_ERR_NOT_SUPPORTED;
  return dispatcher->ops->v1.queue_packet(dispatcher, receiver, data);
}

zx_status_t async_bind_irq(async_dispatcher_t* dispatcher, async_irq_t* irq) {
  if (!dispatcher->ops->v1.bind_irq) return ZX_ERR_NOT_SUPPORTED;
  return dispatcher->ops->v1.bind_irq(dispatcher, irq);
}

zx_status_t async_unbind_irq(async_dispatcher_t* dispatcher, async_irq_t* irq) {
  if (!dispatcher->ops->v1.unbind_irq) return ZX_ERR_NOT_SUPPORTED;
  return dispatcher->ops->v1.unbind_irq(dispatcher, irq);
}

zx_status_t async_get_sequence_id(async_dispatcher_t* dispatcher, async_sequence_id_t* out_id,
                                  const char** out_error) {
  if (dispatcher->ops->version < ASYNC_OPS_V2 || !dispatcher->ops->v2.get_sequence_id) {
    return ZX_ERR_NOT_SUPPORTED;
  }
  return dispatcher->ops->v2.get_sequence_id(dispatcher, out_id, out_error);
}

zx_status_t async_check_sequence_id(async_dispatcher_t* dispatcher, async_sequence_id_t id,
                                    const char** out_error) {
  if (dispatcher->ops->version < ASYNC_OPS_V2 || !dispatcher->ops->v2.check_sequence_id) {
    return ZX_ERR_NOT_SUPPORTED;
  }
  return dispatcher->ops->v2.check_sequence_id(dispatcher, id, out_error);
}

}  // extern "C"
