// wirestory: where in a story a photo caption or a credit block can be.
//
// Almost no paragraph holds a photo caption or a credit block, yet looking for them took about
// half the time of a parse: parse_caption and find_credits_and_parse each scanned every
// paragraph on their own, with branches at every candidate byte. One pass over the story now
// marks the bytes where they can find anything:
//   caption: caption_scan_stop holds ('(', '/', ':', "via"/"Via"): parse_caption finds
//            nothing in a text without such a byte;
//   credit:  credits_key_candidate holds (implied by credits_key_at): without one,
//            find_credits_and_parse finds nothing.
// Both rules read a position's byte, the one before and the two after, and look no further
// than the text they are given. So a span of the story that has no mark has no stop and no
// key of its own either, and parse_story calls neither parser on it.
//
// The pass is one tight loop with no branch on the text: AVX2 where the CPU has it (chosen
// once, at run time, with GCC and Clang on x86), else SSE2, else plain C++.
#ifndef WIRESTORY_MARKS_HPP
#define WIRESTORY_MARKS_HPP

#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint64_t: one bit per byte
#include <cstring>      // std::memcpy, std::memset
#include <string_view>  // the story
#include <vector>       // the marks, kept from story to story

#include "caption.hpp"  // caption_scan_stop, caption_stops16
#include "credits.hpp"  // credits_key_candidate, credits_key_candidates16
#include "detail/simd.hpp"

#if defined(WIRESTORY_SSE2) && (defined(__GNUC__) || defined(__clang__)) && \
    (defined(__x86_64__) || defined(__i386__))
#include <immintrin.h>  // AVX2, for the functions compiled for it
#define WIRESTORY_AVX2_DISPATCH 1
#endif

namespace wirestory {
namespace detail {

/// The caption and credit marks of 64 bytes: bit j for the j-th byte.
struct mark_words {
    std::uint64_t caption = 0, credit = 0;
};

/// The marks of the 64 bytes at `p`, where p[0] .. p[65] are readable (the rules look two
/// bytes on) and `before` is the byte before p ('x', no part of any mark, at the start).
inline mark_words marks64(const char* p, char before) noexcept {
    mark_words m;
#ifdef WIRESTORY_SSE2
    const auto at = [p](int k) { return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + k)); };
    const __m128i a = _mm_set1_epi8('a');
    // The first sixteen's bytes before: its own, moved up one lane, `before` in lane 0.
    const __m128i first_before =
        _mm_or_si128(_mm_slli_si128(at(0), 1), _mm_cvtsi32_si128(static_cast<unsigned char>(before)));
    const __m128i befores[4] = {first_before, at(15), at(31), at(47)};
    for (int k = 0; k < 4; ++k) {
        const __m128i v = at(16 * k), next = at(16 * k + 1);
        m.caption |= static_cast<std::uint64_t>(caption_stops16(v, next, _mm_cmpeq_epi8(at(16 * k + 2), a))) << (16 * k);
        m.credit |= static_cast<std::uint64_t>(credits_key_candidates16(befores[k], v, next)) << (16 * k);
    }
#else
    char window[67];  // the byte before, the 64 bytes, the two after
    window[0] = before;
    std::memcpy(window + 1, p, 66);
    const std::string_view w(window, sizeof window);
    for (std::size_t j = 1; j <= 64; ++j) {
        if (caption_scan_stop(w, j)) m.caption |= std::uint64_t{1} << (j - 1);
        if (credits_key_candidate(w, j)) m.credit |= std::uint64_t{1} << (j - 1);
    }
#endif
    return m;
}

/// marks64 for `count` chunks of 64 bytes from `p` (p[64 * count + 1] readable), into `out`.
inline void marks_chunks(const char* p, std::size_t count, char before, mark_words* out) noexcept {
    for (std::size_t k = 0; k < count; ++k, p += 64) out[k] = marks64(p, k == 0 ? before : p[-1]);
}

#ifdef WIRESTORY_AVX2_DISPATCH
/// The marks of the 32 bytes at `q` (q[0] .. q[33] readable), given the bytes before them:
/// the same tests as caption_stops16 and credits_key_candidates16 (tested to agree).
__attribute__((target("avx2"))) inline std::uint32_t marks32_avx2(const char* q, __m256i prior,
                                                                  std::uint32_t& credit) noexcept {
    const __m256i fold = _mm256_set1_epi8(0x20);
    const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(q));
    const __m256i next = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(q + 1));
    const __m256i next2 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(q + 2));
    const __m256i vf = _mm256_or_si256(v, fold), nf = _mm256_or_si256(next, fold), pf = _mm256_or_si256(prior, fold);
    const __m256i stop = _mm256_or_si256(
        _mm256_or_si256(_mm256_cmpeq_epi8(v, _mm256_set1_epi8('(')), _mm256_cmpeq_epi8(v, _mm256_set1_epi8('/'))),
        _mm256_cmpeq_epi8(v, _mm256_set1_epi8(':')));
    const __m256i via = _mm256_and_si256(
        _mm256_and_si256(_mm256_cmpeq_epi8(vf, _mm256_set1_epi8('v')), _mm256_cmpeq_epi8(next, _mm256_set1_epi8('i'))),
        _mm256_cmpeq_epi8(next2, _mm256_set1_epi8('a')));
    const __m256i space_before = _mm256_cmpgt_epi8(_mm256_set1_epi8(0x21), prior);  // signed: >= 0x80 too
    const __m256i by = _mm256_and_si256(_mm256_cmpeq_epi8(nf, _mm256_set1_epi8('y')), space_before);
    const __m256i ibu =
        _mm256_and_si256(_mm256_cmpeq_epi8(nf, _mm256_set1_epi8('u')), _mm256_cmpeq_epi8(pf, _mm256_set1_epi8('i')));
    const __m256i b_pair = _mm256_and_si256(_mm256_cmpeq_epi8(vf, _mm256_set1_epi8('b')), _mm256_or_si256(by, ibu));
    const __m256i ass = _mm256_and_si256(
        _mm256_and_si256(_mm256_cmpeq_epi8(vf, _mm256_set1_epi8('s')), _mm256_cmpeq_epi8(nf, _mm256_set1_epi8('s'))),
        _mm256_cmpeq_epi8(pf, _mm256_set1_epi8('a')));
    credit = static_cast<std::uint32_t>(_mm256_movemask_epi8(_mm256_or_si256(b_pair, ass)));
    return static_cast<std::uint32_t>(_mm256_movemask_epi8(_mm256_or_si256(stop, via)));
}

/// marks_chunks with AVX2, 32 bytes a step.
__attribute__((target("avx2"))) inline void marks_chunks_avx2(const char* p, std::size_t count, char before,
                                                              mark_words* out) noexcept {
    const auto combine = [](std::uint32_t low, std::uint32_t high) {
        return static_cast<std::uint64_t>(low) | static_cast<std::uint64_t>(high) << 32;
    };
    std::uint32_t credit_low, credit_high;
    // The first 32: the bytes before are their own moved up one, `before` first.
    alignas(32) char first_prior[32];
    first_prior[0] = before;
    std::memcpy(first_prior + 1, p, 31);
    std::uint32_t caption_low =
        marks32_avx2(p, _mm256_load_si256(reinterpret_cast<const __m256i*>(first_prior)), credit_low);
    for (std::size_t k = 0;;) {
        const std::uint32_t caption_high =
            marks32_avx2(p + 32, _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + 31)), credit_high);
        out[k] = mark_words{combine(caption_low, caption_high), combine(credit_low, credit_high)};
        if (++k == count) break;
        p += 64;
        caption_low = marks32_avx2(p, _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p - 1)), credit_low);
    }
}

/// Does this CPU run AVX2? Asked once.
inline bool cpu_has_avx2() noexcept {
    static const bool has = __builtin_cpu_supports("avx2") != 0;
    return has;
}
#endif

/// The marks of a story, one bit per byte, and the test parse_story asks of each block.
class story_marks {
public:
    /// Longer stories are not marked (the marks take over a third of a story's size: 48 MB
    /// here): every span of them may hold anything, and the parsers look for themselves. Up
    /// to this size the time per byte stays flat (the adversarial benchmark goes to 64 MB).
    static constexpr std::size_t default_max_story_bytes = std::size_t{128} << 20;

    story_marks() = default;
    explicit story_marks(std::size_t max_story_bytes) noexcept : max_story_bytes_(max_story_bytes) {}

    /// Marks `story`; the spans asked about later must lie inside it.
    void mark(std::string_view story) {
        mark_words_of(story);
        if (!unmarked_) count_marked();
    }

    /// Can parse_caption find anything in `span` (a view into the story)?
    bool caption_in(std::string_view span) const noexcept {
        return any_in(span, &mark_words::caption, caption_before_);
    }
    /// Can find_credits_and_parse find anything in `span` (a view into the story)?
    bool credit_in(std::string_view span) const noexcept {
        return any_in(span, &mark_words::credit, credit_before_);
    }

    /// caption_next_scan_stop(span, from) from the marks: the first caption mark from `from`
    /// on where caption_scan_stop holds in the span itself (a "via" may run past its end).
    std::size_t next_caption_stop(std::string_view span, std::size_t from) const noexcept {
        if (unmarked_) return caption_next_scan_stop(span, from);
        const std::size_t k = first_marked(span, from, [span](std::size_t i) { return caption_scan_stop(span, i); });
        return k == std::string_view::npos ? span.size() : k;
    }

    /// credits_last_key(span) from the marks: the last credit mark where credits_key_at holds
    /// in the span, else npos.
    std::size_t last_credit_key(std::string_view span) const noexcept {
        if (unmarked_) return credits_last_key(span);
        return last_marked(span, [span](std::size_t k) { return credits_key_at(span, k); });
    }

private:
    /// The first offset from `from` in `span` with a caption mark and `ok`, else npos (the
    /// caption marks are read forwards, the credit marks backwards: what the scans they stand
    /// in for do).
    template <class Ok>
    std::size_t first_marked(std::string_view span, std::size_t from, const Ok& ok) const noexcept {
        const std::size_t base = static_cast<std::size_t>(span.data() - base_), end = base + span.size();
        for (std::size_t p = base + from; p < end; p = (p / 64 + 1) * 64) {
            std::uint64_t bits = words_[p / 64].caption & (~std::uint64_t{0} << (p % 64));
            if (end - p / 64 * 64 < 64) bits &= (std::uint64_t{1} << (end - p / 64 * 64)) - 1;
            for (; bits != 0; bits &= bits - 1) {
                const std::size_t at = p / 64 * 64 + lowest_set_bit(bits) - base;
                if (ok(at)) return at;
            }
        }
        return std::string_view::npos;
    }

    /// The last offset in `span` with a credit mark and `ok`, else npos.
    template <class Ok>
    std::size_t last_marked(std::string_view span, const Ok& ok) const noexcept {
        const std::size_t base = static_cast<std::size_t>(span.data() - base_);
        for (std::size_t end = base + span.size(); end > base; end = (end - 1) / 64 * 64) {
            const std::size_t word = (end - 1) / 64;  // positions [word * 64, end) of it
            std::uint64_t bits = words_[word].credit & (~std::uint64_t{0} >> (63 - (end - 1) % 64));
            if (word * 64 < base) bits &= ~std::uint64_t{0} << (base - word * 64);
            for (; bits != 0; bits &= ~(std::uint64_t{1} << highest_set_bit(bits))) {
                const std::size_t at = word * 64 + highest_set_bit(bits) - base;
                if (ok(at)) return at;
            }
        }
        return std::string_view::npos;
    }

    /// The words of `story` (unmarked_ when it is too long).
    void mark_words_of(std::string_view story) {
        base_ = story.data();
        const std::size_t n = story.size();
        unmarked_ = n > max_story_bytes_;
        if (unmarked_) return;
        count_ = (n + 63) / 64;
        // The vectors only grow (resizing them down and up again, story after story, costs a
        // pass that sets the new words); count_ is how many this story has.
        if (words_.size() < count_) words_.resize(count_);
        if (caption_before_.size() < count_ + 1) {
            caption_before_.resize(count_ + 1);
            credit_before_.resize(count_ + 1);
        }
        if (n == 0) return;
        if (n < 66) {  // one or two chunks, read from a copy
            marks_of_short(story, words_.data());
            return;
        }
        // Chunks whose 64 bytes and the two after are all in the story are read in place.
        const std::size_t in_place = (n - 66) / 64 + 1;
        chunks(story.data(), in_place, 'x', words_.data());
        // The last one or two chunks: the 64 positions that end two bytes before the story's
        // end, read in place and moved down to each chunk, and the last two positions alone.
        const std::size_t window = n - 66;
        mark_words tail;
        chunks(story.data() + window, 1, window > 0 ? story[window - 1] : 'x', &tail);
        for (std::size_t k = in_place; k < count_; ++k) {
            const std::size_t base = 64 * k, shift = base - window;  // base > window
            mark_words m;
            if (shift < 64) m = mark_words{tail.caption >> shift, tail.credit >> shift};
            for (std::size_t at = n - 2; at < n; ++at)
                if (at >= base && at - base < 64) {
                    m.caption |= std::uint64_t{caption_scan_stop(story, at)} << (at - base);
                    m.credit |= std::uint64_t{credits_key_candidate(story, at)} << (at - base);
                }
            words_[k] = m;
        }
    }

    /// marks_chunks, with AVX2 where the CPU has it.
    static void chunks(const char* p, std::size_t count, char before, mark_words* out) noexcept {
#ifdef WIRESTORY_AVX2_DISPATCH
        if (cpu_has_avx2()) return marks_chunks_avx2(p, count, before, out);
#endif
        marks_chunks(p, count, before, out);
    }

    /// The marks of a story shorter than 66 bytes (one or two chunks), from a copy padded
    /// with 'x' (no part of a mark); bits past its end are 0.
    static void marks_of_short(std::string_view story, mark_words* out) noexcept {
        char padded[64 + 66];
        std::memset(padded, 'x', sizeof padded);
        std::memcpy(padded, story.data(), story.size());
        marks_chunks(padded, story.size() > 64 ? 2 : 1, 'x', out);
        if (story.size() < 64) {
            const std::uint64_t inside = (std::uint64_t{1} << story.size()) - 1;
            out[0].caption &= inside;
            out[0].credit &= inside;
        } else if (story.size() > 64) {
            const std::uint64_t inside = (std::uint64_t{1} << (story.size() - 64)) - 1;
            out[1].caption &= inside;
            out[1].credit &= inside;
        }
    }

    /// Without a branch on where the span lies (parse_story asks twice a paragraph): its
    /// first and last words, masked, and between them the count of words with a mark.
    bool any_in(std::string_view span, std::uint64_t mark_words::*which,
                const std::vector<std::uint32_t>& marked_before) const noexcept {
        if (unmarked_) return true;
        if (span.empty()) return false;
        const std::size_t from = static_cast<std::size_t>(span.data() - base_), last = from + span.size() - 1;
        const std::size_t first_word = from / 64, last_word = last / 64;
        const std::uint64_t first = words_[first_word].*which & (~std::uint64_t{0} << (from % 64));
        const std::uint64_t final = words_[last_word].*which & (~std::uint64_t{0} >> (63 - last % 64));
        const std::uint64_t ends = first_word == last_word ? first & final : first | final;
        // Words strictly between the two (none when they are the same or adjacent).
        const bool between = marked_before[last_word] > marked_before[first_word + 1];
        return (ends != 0) | between;
    }

    /// marked_before[k]: how many of the first k words have a mark.
    void count_marked() {
        std::uint32_t captions = 0, credits = 0;
        for (std::size_t k = 0; k < count_; ++k) {
            caption_before_[k] = captions;
            credit_before_[k] = credits;
            captions += words_[k].caption != 0;
            credits += words_[k].credit != 0;
        }
        caption_before_[count_] = captions;
        credit_before_[count_] = credits;
    }

    std::size_t max_story_bytes_ = default_max_story_bytes;
    const char* base_ = nullptr;
    bool unmarked_ = true;
    std::size_t count_ = 0;          // the story's words
    std::vector<mark_words> words_;  // at least count_ (they only grow)
    std::vector<std::uint32_t> caption_before_, credit_before_;
};

} // namespace detail
} // namespace wirestory

#endif
