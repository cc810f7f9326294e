// The fdf C API: each function forwards to the object method of the same name.
#include <lib/fdf/arena.h>
#include <lib/fdf/channel.h>
#include <lib/fdf/dispatcher.h>
#include <lib/fdf/env.h>
#include <lib/fdf/testing.h>
#include <lib/fdf/token.h>
#include <zircon/syscalls.h>

#include <new>
#include <string_view>

#include "runtime/fdf/arena.h"
#include "runtime/fdf/channel.h"
#include "runtime/fdf/coordinator.h"
#include "runtime/fdf/dispatcher.h"
#include "runtime/fdf/driver_context.h"
#include "runtime/fdf/handle_table.h"
#include "runtime/fdf/poller.h"
#include "runtime/fdf/thread_pool.h"
#include "runtime/fdf/token_manager.h"

using fdf_internal::Arena;
using fdf_internal::Channel;
using fdf_internal::Coordinator;
using fdf_internal::Dispatcher;
using fdf_internal::HandleTable;
using fdf_internal::RefPtr;
using fdf_internal::ThreadPool;
namespace driver_context = fdf_internal::driver_context;

namespace {
fdf_internal::ChannelRef LookupChannel(fdf_handle_t handle) {
  return fdf_internal::ChannelRef::Lookup(handle);
}
}  // namespace

// ---- Arena ----

zx_status_t fdf_arena_create(uint32_t options, fdf_arena_tag_t tag, fdf_arena_t** out_arena) {
  if (options != 0 || out_arena == nullptr) return ZX_ERR_INVALID_ARGS;
  auto* arena = new (std::nothrow) Arena(tag);
  if (arena == nullptr) return ZX_ERR_NO_MEMORY;
  *out_arena = arena;
  return ZX_OK;
}

void* fdf_arena_allocate(fdf_arena_t* arena, size_t bytes) {
  return arena ? Arena::From(arena)->Allocate(bytes) : nullptr;
}

void fdf_arena_free(fdf_arena_t* arena, void* ptr) {}

bool fdf_arena_contains(fdf_arena_t* arena, const void* ptr, size_t num_bytes) {
  return arena && Arena::From(arena)->Contains(ptr, num_bytes);
}

void fdf_arena_add_ref(fdf_arena_t* arena) {
  if (arena) Arena::From(arena)->AddRef();
}

void fdf_arena_drop_ref(fdf_arena_t* arena) {
  if (arena) Arena::From(arena)->Release();
}

// ---- Handles and channels ----

void fdf_handle_close(fdf_handle_t handle) {
  if (handle == FDF_HANDLE_INVALID) return;
  if ((handle & FDF_HANDLE_FIXED_BITS_MASK) == ZX_HANDLE_FIXED_BITS_MASK) {
    zx_handle_close(handle);
    return;
  }
  RefPtr<Channel> channel = HandleTable::Get().Remove(handle);
  if (channel) channel->Close();
}

zx_status_t fdf_channel_create(uint32_t options, fdf_handle_t* out0, fdf_handle_t* out1) {
  return Channel::Create(out0, out1);
}

zx_status_t fdf_channel_write(fdf_handle_t channel, uint32_t options, fdf_arena_t* arena,
                              void* data, uint32_t num_bytes, zx_handle_t* handles,
                              uint32_t num_handles) {
  auto c = LookupChannel(channel);
  if (!c) {
    fdf_internal::ConsumeHandles(handles, num_handles, FDF_HANDLE_INVALID);
    return ZX_ERR_BAD_HANDLE;
  }
  return c->Write(options, arena, data, num_bytes, handles, num_handles);
}

zx_status_t fdf_channel_read(fdf_handle_t channel, uint32_t options, fdf_arena_t** out_arena,
                             void** out_data, uint32_t* out_num_bytes, zx_handle_t** out_handles,
                             uint32_t* out_num_handles) {
  auto c = LookupChannel(channel);
  if (!c) return ZX_ERR_BAD_HANDLE;
  return c->Read(options, out_arena, out_data, out_num_bytes, out_handles, out_num_handles);
}

zx_status_t fdf_channel_wait_async(fdf_dispatcher_t* dispatcher, fdf_channel_read_t* channel_read,
                                   uint32_t options) {
  if (dispatcher == nullptr || channel_read == nullptr || channel_read->handler == nullptr ||
      options != 0) {
    return ZX_ERR_INVALID_ARGS;
  }
  auto c = LookupChannel(channel_read->channel);
  if (!c) return ZX_ERR_BAD_HANDLE;
  return c->WaitAsync(Dispatcher::From(dispatcher), channel_read);
}

zx_status_t fdf_channel_cancel_wait(fdf_handle_t channel) {
  auto c = LookupChannel(channel);
  if (!c) return ZX_ERR_BAD_HANDLE;
  return c->CancelWait();
}

zx_status_t fdf_channel_call(fdf_handle_t channel, uint32_t options, zx_time_t deadline,
                             const fdf_channel_call_args_t* args) {
  auto c = LookupChannel(channel);
  if (!c) {
    if (args) fdf_internal::ConsumeHandles(args->wr_handles, args->wr_num_handles, FDF_HANDLE_INVALID);
    return ZX_ERR_BAD_HANDLE;
  }
  return c->Call(options, deadline, args);
}

// ---- Dispatchers ----

zx_status_t fdf_dispatcher_create(uint32_t options, const char* name, size_t name_len,
                                  const char* scheduler_role, size_t scheduler_role_len,
                                  fdf_dispatcher_shutdown_observer_t* observer,
                                  fdf_dispatcher_t** out_dispatcher) {
  const void* owner = driver_context::CurrentDriver();
  if (owner == nullptr) return ZX_ERR_INVALID_ARGS;
  return fdf_env_dispatcher_create_with_owner(owner, options, name, name_len, scheduler_role,
                                              scheduler_role_len, observer, out_dispatcher);
}

async_dispatcher_t* fdf_dispatcher_get_async_dispatcher(fdf_dispatcher_t* dispatcher) {
  return dispatcher;
}

fdf_dispatcher_t* fdf_dispatcher_downcast_async_dispatcher(async_dispatcher_t* dispatcher) {
  return Dispatcher::Downcast(dispatcher);
}

fdf_dispatcher_t* fdf_dispatcher_get_current_dispatcher(void) {
  return driver_context::CurrentDispatcher();
}

uint32_t fdf_dispatcher_get_options(const fdf_dispatcher_t* dispatcher) {
  return static_cast<const Dispatcher*>(dispatcher)->options();
}

void fdf_dispatcher_shutdown_async(fdf_dispatcher_t* dispatcher) {
  Dispatcher::From(dispatcher)->ShutdownAsync();
}

void fdf_dispatcher_destroy(fdf_dispatcher_t* dispatcher) {
  Dispatcher::From(dispatcher)->Destroy();
}

// ---- Tokens ----

zx_status_t fdf_token_register(zx_handle_t token, fdf_dispatcher_t* dispatcher,
                               fdf_token_t* handler) {
  return fdf_internal::TokenManager::Get().Register(token, Dispatcher::From(dispatcher), handler);
}

zx_status_t fdf_token_transfer(zx_handle_t token, fdf_handle_t handle) {
  return fdf_internal::TokenManager::Get().Transfer(token, handle);
}

zx_status_t fdf_token_receive(zx_handle_t token, fdf_handle_t* out_handle) {
  return fdf_internal::TokenManager::Get().Receive(token, out_handle);
}

// ---- Environment ----

zx_status_t fdf_env_start(uint32_t options) {
  if (options != 0) return ZX_ERR_INVALID_ARGS;
  zx_status_t status = ThreadPool::Get().Start();
  if (status != ZX_OK) return status;
  fdf_internal::Poller::Get().StartThread();
  return ZX_OK;
}

void fdf_env_reset(void) {
  fdf_internal::Poller::Get().StopThread();
  ThreadPool::Get().Reset();
}

zx_status_t fdf_env_dispatcher_create_with_owner(const void* driver, uint32_t options,
                                                 const char* name, size_t name_len,
                                                 const char* scheduler_role,
                                                 size_t scheduler_role_len,
                                                 fdf_dispatcher_shutdown_observer_t* observer,
                                                 fdf_dispatcher_t** out_dispatcher) {
  Dispatcher* dispatcher;
  zx_status_t status = Dispatcher::Create(
      driver, options, std::string_view(name ? name : "", name ? name_len : 0), observer,
      &dispatcher);
  if (status == ZX_OK) *out_dispatcher = dispatcher;
  return status;
}

zx_status_t fdf_env_shutdown_dispatchers_async(const void* driver,
                                               fdf_env_driver_shutdown_observer_t* observer) {
  return Coordinator::Get().ShutdownDriver(driver, observer);
}

void fdf_env_destroy_all_dispatchers(void) { Coordinator::Get().DestroyAllDispatchers(); }

void fdf_env_register_driver_entry(const void* driver) { driver_context::Push(driver); }
void fdf_env_register_driver_exit(void) { driver_context::Pop(); }
const void* fdf_env_get_current_driver(void) { return driver_context::CurrentDriver(); }

bool fdf_env_dispatcher_has_queued_tasks(fdf_dispatcher_t* dispatcher) {
  return Dispatcher::From(dispatcher)->HasQueuedTasks();
}

zx_status_t fdf_env_set_thread_limit(const char* scheduler_role, size_t scheduler_role_len,
                                     uint32_t max_threads) {
  if (scheduler_role_len != 0) return ZX_ERR_NOT_FOUND;
  return ThreadPool::Get().set_thread_limit(max_threads);
}

zx_status_t fdf_env_get_thread_limit(const char* scheduler_role, size_t scheduler_role_len,
                                     uint32_t* out_max_threads) {
  if (scheduler_role_len != 0) return ZX_ERR_NOT_FOUND;
  if (out_max_threads == nullptr) return ZX_ERR_INVALID_ARGS;
  *out_max_threads = ThreadPool::Get().thread_limit();
  return ZX_OK;
}

uint32_t fdf_env_get_thread_count(void) { return ThreadPool::Get().thread_count(); }

// ---- Testing ----

zx_status_t fdf_testing_run_until_idle(void) {
  if (ThreadPool::Get().started()) return ZX_ERR_BAD_STATE;
  Coordinator::RunUntilIdle();
  return ZX_OK;
}

void fdf_testing_push_driver(const void* driver) { driver_context::Push(driver); }
void fdf_testing_pop_driver(void) { driver_context::Pop(); }

void fdf_testing_wait_until_all_dispatchers_idle(void) { Coordinator::Get().WaitUntilAllIdle(); }

void fdf_testing_wait_until_all_dispatchers_destroyed(void) {
  Coordinator::Get().WaitUntilAllDestroyed();
}

zx_status_t fdf_testing_set_default_dispatcher(fdf_dispatcher_t* dispatcher) {
  if (!driver_context::IsEmpty()) return ZX_ERR_BAD_STATE;
  driver_context::SetDefaultDispatcher(Dispatcher::From(dispatcher));
  return ZX_OK;
}
