// Stand-in for the async dispatcher a channel binding runs on.
#pragma once
typedef struct async_dispatcher async_dispatcher_t;
