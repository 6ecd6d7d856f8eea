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

#include <cstdint>  // std::uint64_t

namespace wirestory::detail {
/// Index of the lowest set bit of `m` (m != 0): where the first marked byte of a mask is.
inline unsigned lowest_set_bit(std::uint64_t m) noexcept {
#if defined(__GNUC__) || defined(__clang__)
    return static_cast<unsigned>(__builtin_ctzll(m));
#else
    unsigned k = 0;
    while (!(m & 1u)) m >>= 1, ++k;
    return k;
#endif
}
} // namespace wirestory::detail

#endif
