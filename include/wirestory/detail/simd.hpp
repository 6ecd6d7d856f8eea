// wirestory: the one switch for the SSE2 fast paths. Every fast path has a portable twin that
// gives the same answer; define WIRESTORY_NO_SIMD to build the portable twins everywhere (the
// test suite is built both ways, so neither twin goes untested).
#ifndef WIRESTORY_DETAIL_SIMD_HPP
#define WIRESTORY_DETAIL_SIMD_HPP

#if !defined(WIRESTORY_NO_SIMD) && \
    (defined(__SSE2__) || defined(_M_X64) || (defined(_M_IX86_FP) && _M_IX86_FP >= 2))
#include <emmintrin.h>  // SSE2: sixteen bytes at a time
#define WIRESTORY_SSE2 1
#endif

#endif
