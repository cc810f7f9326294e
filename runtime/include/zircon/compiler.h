// The compiler macros banjo's C headers use: C linkage brackets and two attributes. Each is
// defined only if nothing else defined it first, so a system header that provides one wins.
#ifndef ZIRCON_COMPILER_H_
#define ZIRCON_COMPILER_H_

// `__BEGIN_CDECLS` ... `__END_CDECLS`: declarations with C linkage in C++, nothing in C.
#ifndef __BEGIN_CDECLS
#ifdef __cplusplus
#define __BEGIN_CDECLS extern "C" {
#define __END_CDECLS }
#else
#define __BEGIN_CDECLS
#define __END_CDECLS
#endif
#endif

// A struct laid out without padding.
#ifndef __PACKED
#define __PACKED __attribute__((__packed__))
#endif

// A declaration that may go unused without a warning.
#ifndef __UNUSED
#define __UNUSED __attribute__((__unused__))
#endif

#endif  // ZIRCON_COMPILER_H_
