// wirestory: the one switch for the SSE2 fast paths, and the bit and inlining helpers they
// use. Every fast path has a portable twin that gives the same answer; define
// WIRESTORY_NO_SIMD to build the portable twins everywhere (the test suite is built both
// ways, so neither twin goes untested).
#ifndef WIRESTORY_DETAIL_SIMD_HPP
#define WIRESTORY_DETAIL_SIMD_HPP

#if !defined(WIRESTORY_NO_SIMD) && \
    (defined(__SSE2__) || defined(_M_X64) || (defined(_M_IX86_FP) && _M_IX86_FP >= 2))
#include <emmintrin.h>  // SSE2: sixteen bytes at a time
#define WIRESTORY_SSE2 1
#endif

#include <cstdint>  // std::uint64_t

// Per-line steps the compiler should inline into the loop that reads the lines (GCC's -O2
// would not on its own), and rare paths it should keep out of it.
#if defined(__GNUC__) || defined(__clang__)
#define WIRESTORY_DETAIL_INLINE_HOT inline __attribute__((always_inline))
#define WIRESTORY_DETAIL_COLD __attribute__((noinline, cold))
#elif defined(_MSC_VER)
#define WIRESTORY_DETAIL_INLINE_HOT __forceinline
#define WIRESTORY_DETAIL_COLD __declspec(noinline)
#else
#define WIRESTORY_DETAIL_INLINE_HOT inline
#define WIRESTORY_DETAIL_COLD
#endif

namespace wirestory::detail {
/// Index of the lowest set bit of `m` (m != 0): where the first marked byte of a mask is.
WIRESTORY_DETAIL_INLINE_HOT unsigned lowest_set_bit(std::uint64_t m) noexcept {
#if defined(__GNUC__) || defined(__clang__)
    return static_cast<unsigned>(__builtin_ctzll(m));
#else
    unsigned k = 0;
    while (!(m & 1u)) m >>= 1, ++k;
    return k;
#endif
}

/// Index of the highest set bit of `m` (m != 0): where the last marked byte of a mask is.
WIRESTORY_DETAIL_INLINE_HOT unsigned highest_set_bit(std::uint64_t m) noexcept {
#if defined(__GNUC__) || defined(__clang__)
    return 63u - static_cast<unsigned>(__builtin_clzll(m));
#else
    unsigned k = 0;
    while (m >>= 1) ++k;
    return k;
#endif
}
} // namespace wirestory::detail

#endif
