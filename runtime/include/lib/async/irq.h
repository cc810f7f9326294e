// Interrupts delivered through a dispatcher. On Linux the interrupt objects are virtual
// (zx_interrupt_create with ZX_INTERRUPT_VIRTUAL, raised with zx_interrupt_trigger).
//
// A bound irq stays bound: after each handler returns, the binding waits for the next trigger
// (zx_interrupt_ack is accepted but not needed). Triggers raised while the handler runs coalesce
// into one callback after it.
#ifndef LIB_ASYNC_IRQ_H_
#define LIB_ASYNC_IRQ_H_

#include <lib/async/dispatcher.h>

#ifdef __cplusplus
extern "C" {
#endif

// ZX_OK with `signal->timestamp` set to the trigger's timestamp, or ZX_ERR_CANCELED (signal
// NULL) once at dispatcher shutdown if the irq is still bound.
typedef void(async_irq_handler_t)(async_dispatcher_t* dispatcher, async_irq_t* irq,
                                  zx_status_t status, const zx_packet_interrupt_t* signal);

struct async_irq {
  async_state_t state;
  async_irq_handler_t* handler;
  zx_handle_t object;
};

// ZX_OK; ZX_ERR_NOT_SUPPORTED (unsynchronized fdf dispatcher, or the dispatcher has no irq
// support); ZX_ERR_ALREADY_EXISTS (already bound); ZX_ERR_BAD_STATE (shutting down);
// ZX_ERR_BAD_HANDLE; ZX_ERR_WRONG_TYPE (not an interrupt).
zx_status_t async_bind_irq(async_dispatcher_t* dispatcher, async_irq_t* irq);
// Must run on the dispatcher's own thread (a callback of that dispatcher): ZX_ERR_BAD_STATE
// otherwise. ZX_ERR_NOT_FOUND if not bound. Drops a queued, undelivered trigger.
zx_status_t async_unbind_irq(async_dispatcher_t* dispatcher, async_irq_t* irq);

#ifdef __cplusplus
}  // extern "C"
#endif

#endif  // LIB_ASYNC_IRQ_H_
