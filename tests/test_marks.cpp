// The story marks (marks.hpp): where a caption or credit can be. parse_story skips the two
// parsers on spans without marks, so the marks must never miss a place where they could find
// something; these tests hold every path (AVX2, SSE2 or portable, the short-story and
// end-of-story paths) to the scalar rules, and the rules to the parsers.
#include <wirestory/parse.hpp>
#include <doctest/doctest.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace {

using wirestory::detail::caption_scan_stop;
using wirestory::detail::credits_key_candidate;
using wirestory::detail::story_marks;

// A small generator with a fixed seed: the same texts on every run.
struct lcg {
    std::uint64_t state;
    unsigned next(unsigned bound) {
        state = state * 6364136223846793005ull + 1442695040888963407ull;
        return static_cast<unsigned>((state >> 33) % bound);
    }
};

// Text made of the pieces the marks are about (and near misses), with line ends, tabs and
// bytes >= 0x80 between them.
std::string piece_text(lcg& rng, std::size_t size) {
    static const std::string_view pieces[] = {
        " by ",  "By",    "bY\n",  "ibu",   "contributed", "assistance", "ASS", "less",  "lobby", "but ",
        "(",     ")",     "/",     ":",     "via ",        "Via",        "vi",  "VIA",   "\t",    "\n",
        "\r\n",  "\xC2\xA0", "\xE2\x80\x94", "x",  "Reporting", " ",   "s",   "b",     "a",     "i"};
    std::string t;
    while (t.size() < size) t += pieces[rng.next(sizeof pieces / sizeof pieces[0])];
    t.resize(size);
    return t;
}

// The marks of every position of `t`, compared with the rules one position at a time.
int disagreements(const story_marks& marks, std::string_view t) {
    int bad = 0;
    for (std::size_t p = 0; p < t.size(); ++p) {
        const std::string_view one = t.substr(p, 1);
        bad += marks.caption_in(one) != caption_scan_stop(t, p);
        bad += marks.credit_in(one) != credits_key_candidate(t, p);
    }
    return bad;
}

} // namespace

TEST_CASE("marks: every position of texts of every length agrees with the rules") {
    // One reused object, as a parser reuses it: a word left from a longer story would show.
    story_marks marks;
    lcg rng{42};
    int bad = 0, caption_marks = 0, credit_marks = 0;
    for (std::size_t size = 0; size <= 300; ++size)
        for (int round = 0; round < 4; ++round) {
            const std::string t = piece_text(rng, size);
            marks.mark(t);
            bad += disagreements(marks, t);
            for (std::size_t p = 0; p < t.size(); ++p) {
                caption_marks += caption_scan_stop(t, p);
                credit_marks += credits_key_candidate(t, p);
            }
        }
    CHECK(bad == 0);
    // The texts are full of marks: the agreement is not that of two empty answers.
    CHECK(caption_marks > 10000);
    CHECK(credit_marks > 5000);
}

TEST_CASE("marks: each byte value, before and after every mark, at every offset") {
    // A mark's bytes at each offset of a 140-byte text (chunk edges, the last two bytes, the
    // copy that shorter texts are read from), with every byte value put just before or after.
    story_marks marks;
    const std::string_view keys[] = {" by", "ibu", "ass", "via", "(", "/", ":"};
    int bad = 0;
    for (std::size_t size : {3u, 40u, 64u, 65u, 66u, 67u, 129u, 130u, 140u})
        for (const std::string_view key : keys)
            for (std::size_t at = 0; at + key.size() <= size; at += (size > 70 ? 3 : 1))
                for (int value = 0; value < 256; value += 5)
                    for (const bool after : {false, true}) {
                        std::string t(size, 'q');
                        t.replace(at, key.size(), key);
                        const std::size_t where = after ? at + key.size() : at;
                        if (where == 0 || where >= size) continue;
                        t[after ? where : where - 1] = static_cast<char>(value);
                        marks.mark(t);
                        bad += disagreements(marks, t);
                    }
    CHECK(bad == 0);
}

TEST_CASE("marks: a span is asked about exactly its own bytes") {
    story_marks marks;
    const std::string t = std::string(100, 'q') + "(" + std::string(100, 'q');  // one mark, at 100
    marks.mark(t);
    const std::string_view v(t);
    for (std::size_t from = 0; from < v.size(); from += 7)
        for (std::size_t to = from; to <= v.size(); to += 5) {
            const bool has = from <= 100 && 100 < to;
            CHECK(marks.caption_in(v.substr(from, to - from)) == has);
            CHECK_FALSE(marks.credit_in(v.substr(from, to - from)));
        }
    CHECK_FALSE(marks.caption_in(v.substr(50, 0)));
}

TEST_CASE("marks: a story too long to mark says every span may hold anything") {
    story_marks marks(1000);  // the limit, made small (the parser's is 128 MB)
    const std::string t(1001, 'q');
    marks.mark(t);
    CHECK(marks.caption_in(std::string_view(t).substr(10, 5)));
    CHECK(marks.credit_in(std::string_view(t).substr(10, 5)));
    // The stops and keys then come from the scans themselves.
    const std::string u = std::string(1000, 'q') + " (Reporting by Ana Ruiz)";
    marks.mark(u);
    CHECK(marks.next_caption_stop(u, 0) == 1001);
    CHECK(marks.last_credit_key(u) == wirestory::detail::credits_last_key(u));
    CHECK(marks.last_credit_key(u) != std::string_view::npos);
    // And at the limit itself, it marks.
    const std::string w(1000, 'q');
    marks.mark(w);
    CHECK_FALSE(marks.caption_in(w));
}

TEST_CASE("marks: the parsers find nothing in a span without marks") {
    // The property parse_story relies on, on every span of generated texts: no caption mark,
    // no caption; no credit mark, no credits.
    using wirestory::detail::find_credits;
    using wirestory::detail::parse_caption;
    const auto& style = wirestory::detail::describe<wirestory::reuters_style>();
    story_marks marks;
    lcg rng{7};
    int unsound = 0, skipped = 0;
    for (int round = 0; round < 6; ++round) {
        const std::string t = piece_text(rng, 90) + "REUTERS/Ana Ruiz" + piece_text(rng, 30) +
                              "(Reporting by Bo Park; Editing by Al Chen)" + piece_text(rng, 40);
        marks.mark(t);
        const std::string_view v(t);
        for (std::size_t from = 0; from < v.size(); from += 3)
            for (std::size_t to = from + 1; to <= v.size(); to += 2) {
                const std::string_view span = v.substr(from, to - from);
                wirestory::caption_view cap;
                if (!marks.caption_in(span)) {
                    ++skipped;
                    unsound += parse_caption(span, cap, style, wirestory::detail::sink{}) != 0;
                }
                if (!marks.credit_in(span)) {
                    ++skipped;
                    unsound += find_credits(span, style) != std::string_view::npos;
                }
            }
    }
    CHECK(unsound == 0);
    CHECK(skipped > 1000);  // spans without marks exist: the check is not vacuous
}

TEST_CASE("marks: credits_key_at never holds where credits_key_candidate does not") {
    using wirestory::detail::credits_key_at;
    lcg rng{11};
    int dropped = 0, keys = 0;
    for (int round = 0; round < 400; ++round) {
        const std::string t = piece_text(rng, 120);
        for (std::size_t k = 0; k < t.size(); ++k) {
            keys += credits_key_at(t, k);
            dropped += credits_key_at(t, k) && !credits_key_candidate(t, k);
        }
    }
    CHECK(dropped == 0);
    CHECK(keys > 100);
}

#ifdef WIRESTORY_AVX2_DISPATCH
TEST_CASE("marks: the AVX2 and SSE2 passes agree") {
    using wirestory::detail::mark_words;
    if (!wirestory::detail::cpu_has_avx2()) return;  // nothing to compare on this CPU
    lcg rng{5};
    int bad = 0;
    for (int round = 0; round < 200; ++round) {
        const std::string t = piece_text(rng, 64 * 6 + 2);
        mark_words sse[6], avx[6];
        const char before = static_cast<char>(rng.next(256));
        wirestory::detail::marks_chunks(t.data(), 6, before, sse);
        wirestory::detail::marks_chunks_avx2(t.data(), 6, before, avx);
        for (int k = 0; k < 6; ++k) bad += sse[k].caption != avx[k].caption || sse[k].credit != avx[k].credit;
    }
    CHECK(bad == 0);
}
#endif

TEST_CASE("marks: the stops and keys read from the marks are the scans' own, on every span") {
    // parse_story hands parse_caption and find_credits_and_parse these instead of their scans.
    using wirestory::detail::caption_next_scan_stop;
    using wirestory::detail::credits_last_key;
    story_marks marks;
    lcg rng{3};
    int bad = 0, stops = 0, keys = 0;
    for (int round = 0; round < 8; ++round) {
        const std::string t = piece_text(rng, 150 + 40 * static_cast<std::size_t>(round));
        marks.mark(t);
        const std::string_view v(t);
        for (std::size_t from = 0; from < v.size(); from += 3)
            for (std::size_t to = from + 1; to <= v.size(); to += 4) {
                const std::string_view span = v.substr(from, to - from);
                const std::size_t key = credits_last_key(span);
                bad += marks.last_credit_key(span) != key;
                keys += key != std::string_view::npos;
                for (std::size_t i = 0; i < span.size(); i += 5) {
                    const std::size_t stop = caption_next_scan_stop(span, i);
                    bad += marks.next_caption_stop(span, i) != stop;
                    stops += stop < span.size();
                }
            }
    }
    CHECK(bad == 0);
    CHECK(stops > 10000);  // both answers are mostly found places, not "none" agreeing
    CHECK(keys > 1000);
}
