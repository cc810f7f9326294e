// fdf-runtime-demo: two drivers exchange messages over an fdf channel, first inline on the
// writer's stack, then through the thread pool, and print what the runtime did.
#include <lib/fdf/arena.h>
#include <lib/fdf/channel.h>
#include <lib/fdf/dispatcher.h>
#include <lib/fdf/env.h>
#include <lib/fdf/testing.h>

#include <atomic>
#include <chrono>
#include <cstdio>

namespace {

char g_client_driver, g_server_driver;

struct Server : fdf_channel_read_t {
  std::atomic<uint64_t> received{0};
};

void OnRead(fdf_dispatcher_t* dispatcher, fdf_channel_read_t* read, zx_status_t status) {
  if (status != ZX_OK) return;
  auto* server = static_cast<Server*>(read);
  fdf_arena_t* arena;
  while (fdf_channel_read(read->channel, 0, &arena, nullptr, nullptr, nullptr, nullptr) == ZX_OK) {
    server->received++;
    fdf_arena_drop_ref(arena);
  }
  fdf_channel_wait_async(dispatcher, read, 0);
}

double SendMessages(fdf_handle_t end, int count) {
  fdf_arena_t* arena;
  fdf_arena_create(0, 'DEMO', &arena);
  void* data = fdf_arena_allocate(arena, 64);
  auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < count; ++i) fdf_channel_write(end, 0, arena, data, 64, nullptr, 0);
  auto elapsed = std::chrono::steady_clock::now() - start;
  fdf_arena_drop_ref(arena);
  return std::chrono::duration<double, std::nano>(elapsed).count() / count;
}

}  // namespace

int main() {
  constexpr int kMessages = 1000000;
  fdf_dispatcher_t* dispatcher;
  if (fdf_env_dispatcher_create_with_owner(&g_server_driver, 0, "server", 6, "", 0, nullptr,
                                           &dispatcher) != ZX_OK) {
    fprintf(stderr, "fdf-runtime-demo: cannot create a dispatcher\n");
    return 1;
  }
  fdf_handle_t client, server_end;
  fdf_channel_create(0, &client, &server_end);
  Server server;
  server.state = ASYNC_STATE_INIT;
  server.handler = &OnRead;
  server.channel = server_end;
  server.options = 0;
  fdf_channel_wait_async(dispatcher, &server, 0);

  // A driver thread writing to another driver: every handler runs inline.
  fdf_env_register_driver_entry(&g_client_driver);
  double inline_ns = SendMessages(client, kMessages);
  fdf_env_register_driver_exit();
  printf("inline one-way:  %d messages, %.1f ns each, %llu delivered before write returned\n",
         kMessages, inline_ns, static_cast<unsigned long long>(server.received.load()));

  // A plain thread: messages are queued and the pool delivers them.
  fdf_env_start(0);
  server.received = 0;
  double queued_ns = SendMessages(client, kMessages);
  fdf_testing_wait_until_all_dispatchers_idle();
  printf("queued one-way:  %d messages, %.1f ns per write, %llu delivered by %u pool thread(s)\n",
         kMessages, queued_ns, static_cast<unsigned long long>(server.received.load()),
         fdf_env_get_thread_count());

  fdf_channel_cancel_wait(server_end);
  fdf_handle_close(client);
  fdf_handle_close(server_end);
  fdf_env_destroy_all_dispatchers();
  fdf_env_reset();
  return server.received.load() == kMessages ? 0 : 1;
}
