// ZX_ASSERT and ZX_DEBUG_ASSERT, for C and C++: a failed check prints the file, the line and the
// condition (and a printf-style message with the _MSG forms) to standard error, then aborts.
//
//   ZX_ASSERT(x)                      always checked
//   ZX_ASSERT_MSG(x, fmt, ...)        always checked; fmt and its arguments describe the failure
//   ZX_DEBUG_ASSERT(x)                checked when ZX_DEBUG_ASSERT_IMPLEMENTED is 1
//   ZX_DEBUG_ASSERT_MSG(x, fmt, ...)
//
// fdfkit: ZX_DEBUG_ASSERT_IMPLEMENTED is 1 unless NDEBUG is defined (as with assert()); define it
// yourself to choose. A disabled debug assertion still compiles its condition (so what it names
// counts as used) but never evaluates it.
#ifndef ZIRCON_ASSERT_H_
#define ZIRCON_ASSERT_H_

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#ifndef ZX_DEBUG_ASSERT_IMPLEMENTED
#ifdef NDEBUG
#define ZX_DEBUG_ASSERT_IMPLEMENTED 0
#else
#define ZX_DEBUG_ASSERT_IMPLEMENTED 1
#endif
#endif

#ifdef __cplusplus
extern "C" {
#endif

static inline __attribute__((__noreturn__)) void zx_assert_fail_(const char* file, int line,
                                                                 const char* condition) {
  fprintf(stderr, "%s:%d: ASSERT FAILED: %s\n", file, line, condition);
  abort();
}

static inline __attribute__((__noreturn__, __format__(__printf__, 4, 5))) void zx_assert_fail_msg_(
    const char* file, int line, const char* condition, const char* format, ...) {
  va_list args;
  fprintf(stderr, "%s:%d: ASSERT FAILED: %s: ", file, line, condition);
  va_start(args, format);
  vfprintf(stderr, format, args);
  va_end(args);
  fputc('\n', stderr);
  abort();
}

#ifdef __cplusplus
}  // extern "C"
#endif

#define ZX_ASSERT(x)                                         \
  do {                                                       \
    if (!(x)) zx_assert_fail_(__FILE__, __LINE__, #x);       \
  } while (0)

// The format is the first variadic argument, so a message without arguments needs no GNU comma
// extension.
#define ZX_ASSERT_MSG(x, ...)                                          \
  do {                                                                 \
    if (!(x)) zx_assert_fail_msg_(__FILE__, __LINE__, #x, __VA_ARGS__); \
  } while (0)

#define ZX_DEBUG_ASSERT(x)                                                       \
  do {                                                                           \
    if (ZX_DEBUG_ASSERT_IMPLEMENTED && !(x)) zx_assert_fail_(__FILE__, __LINE__, #x); \
  } while (0)

#define ZX_DEBUG_ASSERT_MSG(x, ...)                                                        \
  do {                                                                                     \
    if (ZX_DEBUG_ASSERT_IMPLEMENTED && !(x))                                               \
      zx_assert_fail_msg_(__FILE__, __LINE__, #x, __VA_ARGS__);                            \
  } while (0)

#endif  // ZIRCON_ASSERT_H_
