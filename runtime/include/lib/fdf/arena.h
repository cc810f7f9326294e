// Arenas: ref-counted bump allocators that carry message memory between drivers without copies.
#ifndef LIB_FDF_ARENA_H_
#define LIB_FDF_ARENA_H_

#include <lib/fdf/types.h>

#ifdef __cplusplus
extern "C" {
#endif

// Creates an arena holding one reference for the caller. `tag` is a diagnostic hint.
// ZX_OK; ZX_ERR_INVALID_ARGS (options != 0 or out_arena NULL); ZX_ERR_NO_MEMORY.
zx_status_t fdf_arena_create(uint32_t options, fdf_arena_tag_t tag, fdf_arena_t** out_arena);

// Returns `bytes` (rounded up to 8) of 8-byte-aligned memory that lives until the last reference
// to the arena is dropped. 0 bytes → NULL.
void* fdf_arena_allocate(fdf_arena_t* arena, size_t bytes);

// A hint: memory is only reclaimed when the arena dies.
void fdf_arena_free(fdf_arena_t* arena, void* ptr);

// True iff [ptr, ptr + num_bytes) lies within memory already handed out by one block of this arena.
// (NULL, 0) → true.
bool fdf_arena_contains(fdf_arena_t* arena, const void* ptr, size_t num_bytes);

void fdf_arena_add_ref(fdf_arena_t* arena);
// Drops one reference; the memory is freed with the last one.
void fdf_arena_drop_ref(fdf_arena_t* arena);

#ifdef __cplusplus
}  // extern "C"
#endif

#endif  // LIB_FDF_ARENA_H_
