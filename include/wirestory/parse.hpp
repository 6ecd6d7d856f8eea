// wirestory: a whole story. Splits the text into blocks (blank lines, indented wire
// paragraphs, lone web-junk lines), then reads them in order:
//
//   front:  junk ("1 Min Read", "Reuters Staff", time stamps) | headline | byline | caption
//           ... until a block opens with a dateline, or a plain paragraph starts the body;
//   body:   paragraphs | ALL-CAPS subheads | correction notes | junk | credits | sign-off.
//
// Each part is recognised by its own parser (byline.hpp, dateline.hpp, caption.hpp,
// credits.hpp); this file only decides which block goes where. One pass over the story
// (marks.hpp) tells it which blocks can hold a photo caption or credits at all.
#ifndef WIRESTORY_PARSE_HPP
#define WIRESTORY_PARSE_HPP

#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint64_t: eight bytes at a time
#include <algorithm>    // std::rotate: the byte checks' reports go first
#include <cstring>      // std::memchr, std::memcpy, std::memset
#include <optional>     // parse_options
#include <string>       // deleted overloads for temporaries
#include <string_view>  // input
#include <type_traits>  // enable_if
#include <utility>      // std::swap
#include <vector>       // blocks

#include "article.hpp"
#include "byline.hpp"
#include "caption.hpp"
#include "credits.hpp"
#include "dateline.hpp"
#include "marks.hpp"
#include "style.hpp"
#include "detail/simd.hpp"  // the story scan: sixteen bytes at a time
#include "detail/text.hpp"

namespace wirestory {

/// What a caller may tell the parser beyond the text.
struct parse_options {
    /// A date near the story's (a feed's timestamp, a file's date): datelines say "Nov 19"
    /// without a year, and this gives them one (the year that puts the date nearest).
    std::optional<calendar_date> reference_date;
};

namespace detail {
/// One block of a story: a run of lines between blank lines (or starting at an indented
/// wire paragraph), as a trimmed view.
struct block {
    std::string_view text;
    std::size_t lines = 0;
    bool indented = false;
    bool junk = false;  ///< a lone web-junk line, decided once when the block is made
    /// Opened by its indented first line while another block was open: joined back to that
    /// one when the story marks paragraphs by blank lines (split_blocks).
    bool opened_by_indent = false;
};

/// One line of a story, found once and then read from here.
struct line_info {
    std::string_view raw;   ///< the line without its line end
    std::string_view text;  ///< trimmed
    bool indented = false;
    bool colon = false;     ///< the line has a ':' (else it can be no time stamp)
};

/// Working memory a parser keeps between stories, so a reused parser does not allocate.
struct story_scratch {
    std::vector<block> blocks;
    // Parts are parsed into these, then swapped into the article; the next story swaps them
    // back, so their vectors' capacity cycles instead of being freed and allocated again.
    dateline_view dateline;
    caption_view caption;
    std::vector<credit_view> spare_credits;
    story_marks marks;  // where a caption or credit can be: blocks without are not searched
};

void parse_story(std::string_view text, article_view& out, story_scratch& scratch,
                 const style_desc& style, const parse_options& options);
} // namespace detail

/// A reusable parser: the article it returns keeps its vectors' capacity from one story to
/// the next. The returned reference stays valid until the next call; its views point into
/// `text`.
class parser {
public:
    template <class Style = default_style>
    const article_view& parse(std::string_view text, const parse_options& options = {}) {
        return parse(text, detail::describe<Style>(), options);
    }

    /// With a style chosen at run time (`find_style("ap")`).
    const article_view& parse(std::string_view text, const style_ref& style,
                              const parse_options& options = {}) {
        detail::parse_story(text, article_, scratch_, style, options);
        return article_;
    }

    /// A view into a dying string would dangle: pass an lvalue, or copy with `to_owned`.
    template <class Style = default_style, class S,
              std::enable_if_t<std::is_same_v<S, std::string>, int> = 0>
    const article_view& parse(S&& temporary, const parse_options& = {}) = delete;
    template <class S, std::enable_if_t<std::is_same_v<S, std::string>, int> = 0>
    const article_view& parse(S&& temporary, const style_ref&, const parse_options& = {}) = delete;

private:
    article_view article_;
    detail::story_scratch scratch_;
};

/// Parse one story. Never throws on any input; what was skipped or repaired is in
/// `diagnostics`. The views point into `text`.
/// With no style named, any agency's copy is read and `style` says which agency it was.
template <class Style = default_style>
article_view parse(std::string_view text, const parse_options& options = {}) {
    article_view out;
    detail::story_scratch scratch;
    detail::parse_story(text, out, scratch, detail::describe<Style>(), options);
    return out;
}

/// A view into a dying string would dangle: pass an lvalue, or copy with `to_owned`.
template <class Style = default_style, class S,
          std::enable_if_t<std::is_same_v<S, std::string>, int> = 0>
article_view parse(S&& temporary, const parse_options& = {}) = delete;

//=== implementation ===//

namespace detail {

//--- lines that are web-page furniture, not the story ---//

/// "12:33", "7:05" somewhere in the line.
inline bool has_clock_time(std::string_view s) {
    for (std::size_t i = 1; i + 2 < s.size(); ++i) {
        const void* colon = std::memchr(s.data() + i, ':', s.size() - 2 - i);
        if (!colon) return false;
        i = static_cast<std::size_t>(static_cast<const char*>(colon) - s.data());
        if (is_digit(s[i - 1]) && is_digit(s[i + 1]) && is_digit(s[i + 2])) return true;
    }
    return false;
}

/// A time stamp line: "12 Apr 2017 at 13:33 ET", "Updated 5:02 PM GMT, March 3, 2024".
inline bool is_timestamp_line(std::string_view s) {
    if (s.size() > 90 || !has_clock_time(s)) return false;
    for (std::size_t pos = 0;;) {
        word w = next_word(s, pos);
        if (w.text.empty()) return false;
        std::string_view t = w.text;
        while (!t.empty() && (t.back() == ',' || t.back() == '.')) t.remove_suffix(1);
        if (month_number(t) || iequals(t, "GMT") || iequals(t, "UTC") || iequals(t, "ET") ||
            iequals(t, "EST") || iequals(t, "EDT") || iequals(t, "BST") || iequals(t, "IST") ||
            iequals(t, "CET") || iequals(t, "AM") || iequals(t, "PM") || iequals(t, "a.m") ||
            iequals(t, "p.m"))
            return true;
        pos = w.begin + w.text.size();
    }
}

/// "3 Min Read", "1 min read".
inline bool is_reading_time_line(std::string_view s) {
    word n = next_word(s, 0);
    if (n.text.empty() || n.text.size() > 3) return false;
    for (char c : n.text)
        if (!is_digit(c)) return false;
    std::string_view rest = trim(s.substr(n.begin + n.text.size()));
    return iequals(rest, "min read") || iequals(rest, "mins read") || iequals(rest, "minute read");
}

/// The phrases of web-page lines that are not the story. A phrase is picked by the line's
/// first byte as it is, and compared ignoring case after it: as the whole line (a final '.'
/// or ':' allowed) or as the line's start. The newsletter call "Sign up here" also counts at
/// the line's end (is_junk_line).
struct junk_phrase {
    std::string_view text;
    bool whole_line;
};
inline constexpr junk_phrase junk_phrases[] = {
    {"Advertisement", false},
    {"Acquire Licensing Rights", true},
    {"Item 1 of", false},
    {"Listen to article", true},
    {"Our Standards:", false},
    {"opens new tab", true},
    {"Purchase Licensing Rights", true},
    {"Purchase Licensing Rights, opens new tab", true},
    {"Print", true},
    {"Report this ad", true},
    {"Read more", true},
    {"Reuters Graphics", true},
    {"Share", true},
    {"Skip to main content", true},
    {"Sign up here", false},
};

/// Lines that web copies of wire stories carry but that are not the story. Matched on the
/// whole line, so a sentence that merely contains these words is never dropped.
/// `may_have_colon` false says the line has no ':' (the caller found its colons already), so
/// it can be no time stamp, which needs a clock time ("12:33").
inline bool is_junk_line(std::string_view s, bool may_have_colon = true) {
    if (s.empty() || s.size() > 400) return false;  // furniture is short
    // Newsletter promotions end with the call to action: "...here." or "...here", so the
    // byte before the last is an 'e' or an 'r' before the words are compared.
    const std::size_t n = s.size();
    if ((s.back() == '.' || s.back() == 'e') && n >= 12 && (to_lower(s[n - 2]) == 'e' || to_lower(s[n - 2]) == 'r') &&
        (iends_with(s, "Sign up here.") || iends_with(s, "Sign up here")))
        return true;
    if (is_digit(s.front())) return is_reading_time_line(s) || (may_have_colon && is_timestamp_line(s));
    // A line opening with a phrase's first byte is that phrase or nothing; any other may be a
    // time stamp.
    bool phrase_letter = false;
    for (const junk_phrase& p : junk_phrases) {
        if (s.front() != p.text.front()) continue;
        phrase_letter = true;
        const bool match = p.whole_line ? iequals(s, p.text) || (s.size() == p.text.size() + 1 &&
                                                                   istarts_with(s, p.text) &&
                                                                   (s.back() == '.' || s.back() == ':'))
                                        : istarts_with(s, p.text);
        if (match) return true;
    }
    return !phrase_letter && may_have_colon && is_timestamp_line(s);
}

/// The four bytes at `p` with ASCII capitals made small (and a few other bytes moved too,
/// which only lets more through): a quick necessary test for a case-insensitive word.
inline std::uint32_t folded4(const char* p) noexcept {
    std::uint32_t w;
    std::memcpy(&w, p, 4);
    return w | 0x20202020u;
}
inline bool folded4_is(const char* p, const char (&word)[5]) noexcept {
    std::uint32_t w;
    std::memcpy(&w, word, 4);
    return folded4(p) == w;
}

/// The four bytes at `p` as one number (in memory order: compared only with a constant whose
/// four bytes are alike).
inline std::uint32_t load4(const char* p) noexcept {
    std::uint32_t w;
    std::memcpy(&w, p, 4);
    return w;
}
constexpr std::uint32_t four_spaces = 0x20202020u;

/// Per first byte of a line: the second bytes, as `(c | 0x20) & 31`, with which one of
/// junk_phrases goes on after it ("Ad"vertisement, "Sh"are, "Re"ad more, ...).
struct junk_pair_table {
    std::uint32_t seconds[256];
};
constexpr junk_pair_table make_junk_pair_table() noexcept {
    junk_pair_table t{};
    for (const junk_phrase& p : junk_phrases)
        t.seconds[static_cast<unsigned char>(p.text[0])] |= 1u << ((p.text[1] | 0x20) & 31);
    return t;
}
inline constexpr junk_pair_table junk_pairs = make_junk_pair_table();

/// True for most lines of a story, which is_junk_line would refuse; false says nothing. A
/// line can be junk only if it ends in "here" or "here." (a newsletter's call), opens with a
/// phrase's first two bytes, opens with a digit and ends in "read" ("3 min read"), or has a
/// ':' and at most 90 bytes (a time stamp); no line under five bytes is junk (the shortest
/// phrases are "Share" and "Print"; a time stamp needs a clock time and a word). The tests
/// are made all at once, without a branch each: which way they go depends on the text.
/// `s` is trimmed (an empty line is no junk: one reaches here when a stray byte before
/// spaces is dropped, "c    \n").
WIRESTORY_DETAIL_INLINE_HOT bool junk_line_ruled_out(std::string_view s, bool may_have_colon) noexcept {
    const std::size_t n = s.size();
    if (n < 5) return true;
    const char* const end = s.data() + n;
    const bool last_here = folded4_is(end - 4, "here"), here_dot = folded4_is(end - 5, "here"),
               last_read = folded4_is(end - 4, "read"), first_digit = is_digit(s[0]);
    const bool ends_here = last_here | ((end[-1] == '.') & here_dot);
    const bool reading_time = first_digit & last_read;
    const bool phrase = ((junk_pairs.seconds[static_cast<unsigned char>(s[0])] >> ((s[1] | 0x20) & 31)) & 1u) != 0;
    const bool time_stamp = may_have_colon & (n <= 90);
    return !(ends_here | reading_time | phrase | time_stamp);
}

/// A line before the story that only names the agency: "Reuters", "Reuters Staff".
inline bool is_agency_chrome(std::string_view s, const style_desc& style) {
    if (iends_with(s, " Staff")) s = trim(s.substr(0, s.size() - 6));
    for (auto a : style.agencies)
        if (iequals(s, a)) return true;
    for (auto a : style.affiliations)
        if (iequals(s, a)) return true;
    return false;
}

/// "(This story has been refiled to ...)", "(Corrects paragraph 3 ...)": an editor's note
/// about the story itself, kept apart from the paragraphs.
inline bool is_correction_note(std::string_view s) {
    if (s.size() < 3 || s.front() != '(' || s.back() != ')') return false;
    std::string_view inner = trim_left(s.substr(1));
    constexpr std::string_view leads[] = {"This story ", "This version ", "Corrects ", "Correcting ",
                                          "Refiles ", "Updates ", "Adds ", "Recasts ", "Fixes ",
                                          "Clarifies ", "Repeats ", "Changes "};
    for (auto l : leads)
        if (istarts_with(inner, l)) return true;
    return false;
}

/// An ALL-CAPS heading inside the body: one line, no lowercase letters, at least two words of
/// two or more capitals ("UKRAINE'S TOP PRIORITY IS ENDING WAR", "WHAT'S NEXT?").
inline bool is_subhead(const block& b) {
    if (b.lines != 1 || b.text.size() > 120 || has_lower(b.text)) return false;
    std::size_t caps_words = 0, words = 0;
    for (std::size_t pos = 0;;) {
        word w = next_word(b.text, pos);
        if (w.text.empty()) break;
        ++words;
        std::size_t caps = 0;
        for (char c : w.text) caps += is_upper(c);
        if (caps >= 2) ++caps_words;
        pos = w.begin + w.text.size();
    }
    char last = b.text.back();
    return caps_words >= 2 && caps_words * 2 >= words && words <= 16 && last != ',' && last != ';';
}

/// The classic wire's last word, "Reuter" (also "REUTER...", "REUTER^M"); returns the word,
/// or an empty view.
inline std::string_view signoff_word(std::string_view s, const style_desc& style) {
    std::string_view w = s;
    while (!w.empty() && (w.back() == '.' || w.back() == ','))
        w.remove_suffix(1);
    if (ends_with(w, "^M")) w.remove_suffix(2);
    for (auto sign : style.signoffs)
        if (iequals(w, sign)) return w;
    return {};
}

/// AFP's closing desk tag: "bur-abc/xyz", "jm/des" - initials joined by '/' and '-'.
inline bool is_desk_tag(std::string_view s) {
    if (s.size() < 3 || s.size() > 40 || s.find('/') == std::string_view::npos) return false;
    for (char c : s)
        if (!(is_lower(c) || is_digit(c) || c == '/' || c == '-')) return false;
    return is_lower(s.front()) && is_lower(s.back());
}

/// A single-line block that can be a headline: a title, not a sentence.
inline bool is_headline_like(const block& b) {
    if (b.lines != 1 || b.text.size() > 300) return false;
    char last = b.text.back();
    if (last == ',' || last == ';' || last == ':') return false;
    if (last == '.' && !ends_with(b.text, "...")) return false;
    std::size_t words = 0;
    for (std::size_t pos = 0;;) {
        word w = next_word(b.text, pos);
        if (w.text.empty()) break;
        ++words;
        pos = w.begin + w.text.size();
    }
    return words <= 30;
}

//--- one pass over the story: line ends, colons, byte checks, ETX ---//

/// Can `c` stop the story scan? Line ends and every other control byte (ETX, tabs), DEL,
/// bytes >= 0x80 (UTF-8 to check) and ':' (a line may be a time stamp). The plain rule that
/// the word-at-a-time masks below must agree with.
constexpr bool is_story_stop(char c) noexcept {
    const unsigned char u = static_cast<unsigned char>(c);
    return u < 0x20 || u >= 0x7F || c == ':';
}

/// 0x80 in each byte of `w` that is a story stop, 0 elsewhere; exact per byte (every sum
/// below stays under 0x100 in its byte, so no carry crosses into the next).
constexpr std::uint64_t story_stop_bytes8(std::uint64_t w) noexcept {
    constexpr std::uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
    const std::uint64_t low = w & ~high;                            // bytes >= 0x80: `w & high`
    const std::uint64_t below_20 = ~(low + ones * 0x60);            // byte < 0x20
    const std::uint64_t is_7f = low + ones;                         // byte == 0x7F
    const std::uint64_t is_colon = ~((low ^ (ones * ':')) + ones * 0x7F);  // byte == ':'
    return (below_20 | is_7f | is_colon | w) & high;
}

/// Bit k set when `p[k]` is a story stop, for the 64 bytes at `p` (all readable).
WIRESTORY_DETAIL_INLINE_HOT std::uint64_t story_stops64(const char* p) noexcept {
#ifdef WIRESTORY_SSE2
    const __m128i one = _mm_set1_epi8(1), space = _mm_set1_epi8(' '), colon = _mm_set1_epi8(':');
    const auto plain16 = [&](int k) -> std::uint64_t {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * k));
        // ' '..'~' stay above ' ' when one is added (signed): DEL and bytes >= 0x80 wrap below.
        const __m128i printable = _mm_cmpgt_epi8(_mm_add_epi8(v, one), space);
        return static_cast<unsigned>(_mm_movemask_epi8(_mm_andnot_si128(_mm_cmpeq_epi8(v, colon), printable)));
    };
    return ~(plain16(0) | plain16(1) << 16 | plain16(2) << 32 | plain16(3) << 48);
#else
    // Eight bytes at a time are passed over when none stops; the bits are set byte by byte.
    std::uint64_t stops = 0;
    for (int k = 0; k < 64; k += 8) {
        std::uint64_t w;
        std::memcpy(&w, p + k, 8);
        if (story_stop_bytes8(w) == 0) continue;
        for (int j = k; j < k + 8; ++j)
            if (is_story_stop(p[j])) stops |= std::uint64_t{1} << j;
    }
    return stops;
#endif
}

/// The stops of a text shorter than 64 bytes, padded with a byte that is no stop.
WIRESTORY_DETAIL_COLD inline std::uint64_t story_stops_short(const char* p, std::size_t n) noexcept {
    char padded[64];
    std::memset(padded, 'a', sizeof padded);
    std::memcpy(padded, p, n);
    return story_stops64(padded);
}

/// The offsets of the story stops of a text from `from` on, in order, 64 bytes read at a
/// time: each byte is loaded once, and between stops nothing is done per byte.
class story_stop_scanner {
public:
    explicit story_stop_scanner(std::string_view text, std::size_t from = 0) noexcept
        : text_(text), next_base_(from) {}

    /// The next stop's offset; text.size() once there are no more.
    WIRESTORY_DETAIL_INLINE_HOT std::size_t next() noexcept {
        const std::size_t n = text_.size();
        while (bits_ == 0) {
            base_ = next_base_;
            if (base_ >= n) return n;
            next_base_ = base_ + 64;
            if (next_base_ <= n) bits_ = story_stops64(text_.data() + base_);
            else if (n >= 64) bits_ = story_stops64(text_.data() + n - 64) >> (next_base_ - n);  // the last 64, shifted
            else bits_ = story_stops_short(text_.data() + base_, n - base_);
        }
        const std::size_t at = base_ + lowest_set_bit(bits_);
        bits_ &= bits_ - 1;
        return at;
    }

private:
    std::string_view text_;
    std::size_t base_ = 0, next_base_ = 0;
    std::uint64_t bits_ = 0;
};

/// What the scan finds besides the lines: where the story ends, and the whole text's first
/// control byte (not an ASCII space, not ETX) and first bytes that are not UTF-8.
struct story_checks {
    static constexpr std::size_t none = static_cast<std::size_t>(-1);
    std::size_t story_end = 0;  ///< the first ETX (a wire feed ends each story with it), else the text's end
    std::size_t first_control = none;
    std::size_t first_invalid_utf8 = none;
    std::size_t utf8_checked = 0;  ///< the bytes before this were checked as part of a sequence
};

/// A control byte, DEL or a byte >= 0x80 at `text[at]`, met in order.
WIRESTORY_DETAIL_COLD inline void check_story_byte(std::string_view text, std::size_t at, story_checks& found) noexcept {
    const char c = text[at];
    if (!is_high(c)) {
        if (found.first_control == story_checks::none && !is_ascii_space(c) && c != '\x03') found.first_control = at;
        return;
    }
    if (at < found.utf8_checked) return;  // inside a sequence already found valid
    if (std::size_t len = utf8_len(text, at)) found.utf8_checked = at + len;
    else if (found.first_invalid_utf8 == story_checks::none) found.first_invalid_utf8 = at;
}

/// The story ends at `end`: the bytes after it (after an ETX) are checked too.
WIRESTORY_DETAIL_COLD inline void end_story(std::string_view text, std::size_t end, story_checks& found) noexcept {
    found.story_end = end;
    story_stop_scanner stops(text, end + 1);
    for (std::size_t at = stops.next(); at < text.size(); at = stops.next()) {
        const char c = text[at];
        if (c != '\n' && c != '\r' && c != ':') check_story_byte(text, at, found);
    }
}

/// Reads a text's lines (ended by '\n', '\r', "\r\n", mixed) up to its first ETX, which ends a
/// story on a wire feed, and checks the bytes of the whole text on the same pass into `found`.
class line_cursor {
public:
    line_cursor(std::string_view text, story_checks& found) noexcept : text_(text), stops_(text), found_(&found) {}

    /// The story's next line; false after the last.
    WIRESTORY_DETAIL_INLINE_HOT bool next(line_info& l) noexcept {
        const std::size_t n = text_.size(), b = start_;
        if (b > n) return false;  // the story has ended
        bool colon = false;
        std::size_t e;
        char c;
        for (;;) {  // to the line's end: most lines stop only there
            e = stops_.next();
            if (e >= n) {
                c = '\0';
                break;
            }
            c = text_[e];
            if (c == '\n') {
                if (e != crlf_lf_) break;  // else the second byte of "\r\n"
            } else if (c == ':') {
                colon = true;
            } else if (c == '\r' || c == '\x03') {
                break;
            } else {
                check_story_byte(text_, e, *found_);
            }
        }
        start_ = e + 1;
        if (e >= n || c == '\x03') {
            end_story(text_, e, *found_);
            start_ = n + 1;
            if (b == e) return false;  // the story ended right after a line end
        } else if (c == '\r' && start_ < n && text_[start_] == '\n') {
            crlf_lf_ = start_++;
        }
        // The wire's indent, four plain spaces, is passed without a branch: whether a line has
        // it follows the text, not a pattern the branch predictor could learn.
        std::size_t t = b + (e - b >= 4 && load4(text_.data() + b) == four_spaces ? 4 : 0);
        while (t < e && text_[t] == ' ') ++t;
        l.raw = std::string_view(text_.data() + b, e - b);
        l.text = std::string_view(text_.data() + t, e - t);
        // Most lines start and end with a byte that no white space starts or ends with.
        if (t < e && (may_border_space(text_[t]) || may_border_space(text_[e - 1]))) l.text = trim(l.text);
        l.indented = t > b;
        if ((t == b) & (b < e) && may_border_space(text_[b])) l.indented = is_space_at(l.raw);
        l.colon = colon;
        return true;
    }

private:
    static bool is_space_at(std::string_view raw) noexcept {
        return is_ascii_space(raw[0]) || unicode_space_len(raw, 0) != 0;
    }

    std::string_view text_;
    story_stop_scanner stops_;
    story_checks* found_;
    std::size_t start_ = 0;                       // where the next line starts; past the end once it ended
    std::size_t crlf_lf_ = story_checks::none;    // a '\n' already taken as the end of "\r\n"
};

//--- splitting into blocks ---//

/// A line of web junk ends the open block and is a block of its own.
WIRESTORY_DETAIL_COLD inline void add_junk_block(std::vector<block>& blocks, block& cur, bool& open,
                                                 std::string_view line, bool indented) {
    if (open) blocks.push_back(cur);
    open = false;
    blocks.push_back(block{line, 1, indented, true});
}

/// The story's blocks, from the cursor's lines.
inline story_checks split_blocks(std::string_view text, std::vector<block>& blocks, const sink& diags) {
    blocks.clear();
    story_checks found;
    line_cursor cursor(text, found);
    // The layout (paragraphs opened by an indent, the classic wire, or by blank lines, web copy,
    // where an indented line just continues its paragraph) is decided on the first 64 lines:
    // the blocks are made as for an indent, and joined at the end if that was not the layout.
    std::size_t counted = 0, indented_lines = 0, flush_after_blank = 0;
    bool after_blank = true;
    block cur;
    bool open = false;
    line_info l;
    while (cursor.next(l)) {
        std::string_view line = l.text;
        if (counted < 64) {  // counted without branches on the text, as the indent above
            ++counted;
            const bool text_line = !line.empty();
            indented_lines += text_line & l.indented;
            flush_after_blank += text_line & !l.indented & after_blank;
            after_blank = !text_line;
        }
        if (line.empty()) {
            if (open) blocks.push_back(cur);
            open = false;
            continue;
        }
        bool indented = l.indented;
        const std::string_view raw = l.raw;
        // Wire noise: one stray byte before an indented line ("c    CHICAGO, March 9 - ...").
        if (!indented && raw.size() > 4 && raw[1] == ' ' && raw[2] == ' ' && raw[3] == ' ' &&
            !is_ascii_space(raw[0])) {
            diags.report(errc::dropped_junk, "dropped a stray character before an indented line", raw.data());
            line = trim(raw.substr(1));
            indented = true;
            if (line.empty()) {  // nothing but the stray byte: a blank line
                if (open) blocks.push_back(cur);
                open = false;
                continue;
            }
        }
        if (!junk_line_ruled_out(line, l.colon) && is_junk_line(line, l.colon)) {
            add_junk_block(blocks, cur, open, line, indented);
            continue;
        }
        if (!open || indented) {
            if (open) blocks.push_back(cur);
            cur = block{line, 1, indented, false, open};
            open = true;
        } else {
            cur.text = span(cur.text.data(), line.data() + line.size());
            ++cur.lines;
        }
    }
    if (open) blocks.push_back(cur);
    if (indented_lines >= 1 && indented_lines >= flush_after_blank) return found;
    std::size_t kept = 0;
    for (std::size_t k = 0; k < blocks.size(); ++k) {
        const block& b = blocks[k];
        if (b.opened_by_indent && kept > 0) {
            block& into = blocks[kept - 1];
            into.text = span(into.text.data(), b.text.data() + b.text.size());
            into.lines += b.lines;
        } else {
            blocks[kept++] = b;
        }
    }
    blocks.resize(kept);
    return found;
}

//--- after the parts: which agency, which year ---//

/// The built-in style whose agency is `name` ("Reuters", "AP", "XINHUA"), or empty.
inline std::string_view style_of_agency(std::string_view name) {
    for (const auto& s : builtin_styles)
        for (auto a : s.agencies)
            if (iequals(name, a)) return s.name;
    return {};
}

/// Which agency's copy this is, from its markers: the dateline's tag, the photo credit's
/// agency, the byline's affiliation, the credit forms, the sign-off.
inline std::string_view detect_style(const article_view& a) {
    if (a.dateline && a.dateline->agency)
        if (auto s = style_of_agency(*a.dateline->agency); !s.empty()) return s;
    // "By A, Reuters", "By A and B Associated Press": an agency among the byline's last words.
    if (!a.byline.empty()) {
        std::string_view rest = a.byline.text;
        if (!a.byline.authors.empty()) {
            const auto& last = a.byline.authors.back().name;
            if (contains_view(rest, last)) rest = rest.substr(static_cast<std::size_t>(last.data() + last.size() - rest.data()));
        }
        for (std::size_t pos = 0;;) {
            word w = next_word(rest, pos);
            if (w.text.empty()) break;
            std::string_view t = w.text;
            while (!t.empty() && (t.back() == ',' || t.back() == '.')) t.remove_suffix(1);
            std::string_view two = trim(rest.substr(w.begin));  // "Associated Press Writers"
            for (const auto& s : builtin_styles)
                for (auto ag : s.agencies)
                    if (iequals(t, ag) || (ag.find(' ') != std::string_view::npos && istarts_with(two, ag)))
                        return s.name;
            pos = w.begin + w.text.size();
        }
    }
    if (a.caption && a.caption->agency)
        if (auto s = style_of_agency(*a.caption->agency); !s.empty()) return s;
    for (const auto& c : a.credits) {
        if (c.role == credit_role::contributed) return "ap";
        if (c.role == credit_role::with_assistance) return "bloomberg";
    }
    if (!a.credits.empty()) return "reuters";  // "(Reporting by ...; Editing by ...)"
    if (a.signoff && style_of_agency(*a.signoff) == "reuters") return "reuters";
    return "generic";
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
constexpr long days_from_civil(int y, int m, int d) noexcept {
    y -= m <= 2;
    const long era = (y >= 0 ? y : y - 399) / 400;
    const long yoe = static_cast<long>(y) - era * 400;
    const long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

/// The year, next to `ref`, that puts month/day nearest to it; 0 when more than
/// `max_days` away.
inline int nearest_year(int month, int day, const calendar_date& ref, long max_days) {
    long r = days_from_civil(ref.year, ref.month, ref.day);
    int best = 0;
    long best_gap = max_days + 1;
    for (int y = ref.year - 1; y <= ref.year + 1; ++y) {
        long gap = days_from_civil(y, month, day) - r;
        if (gap < 0) gap = -gap;
        if (gap < best_gap) best = y, best_gap = gap;
    }
    return best;
}

/// A caption date says when the story happened, unless the photo is an old one.
inline bool caption_dates_story(const caption_view& c) {
    for (auto q : c.qualifiers)
        if (istarts_with(q, "File")) return false;
    return c.date && !istarts_with(trim(c.text), "FILE");
}

inline void complete_dateline_year(article_view& out, const parse_options& options) {
    if (!out.dateline || out.dateline->month == 0 || out.dateline->day == 0 || out.dateline->year != 0)
        return;
    auto& d = *out.dateline;
    if (options.reference_date && options.reference_date->year > 0)
        d.year = nearest_year(d.month, d.day, *options.reference_date, 400);
    else if (out.caption && caption_dates_story(*out.caption))
        d.year = nearest_year(d.month, d.day, *out.caption->date, 31);
}

inline void parse_story(std::string_view text, article_view& out, story_scratch& scratch,
                        const style_desc& style, const parse_options& options) {
    // Reset, keeping capacity.
    out.style = style.name;
    out.headline.reset();
    if (out.caption) std::swap(*out.caption, scratch.caption);
    out.caption.reset();
    out.byline.text = {};
    out.byline.authors.clear();
    if (out.dateline) std::swap(*out.dateline, scratch.dateline);
    out.dateline.reset();
    for (auto& c : out.credits)  // bounded: a block of 100,000 roles keeps no more than this
        if (scratch.spare_credits.size() < 64) scratch.spare_credits.push_back(std::move(c));
    out.paragraphs.clear();
    out.subheads.clear();
    out.credits.clear();
    out.corrections.clear();
    out.signoff.reset();
    out.diagnostics.clear();

    const sink diags{&out.diagnostics, text.data()};
    // One pass reads the lines up to the first ETX (a wire feed ends each story with it) and
    // checks the bytes of the whole text on the way.
    auto& blocks = scratch.blocks;
    const std::size_t split_reports_from = out.diagnostics.size();
    const story_checks found = split_blocks(text, blocks, diags);
    const std::size_t split_reports_to = out.diagnostics.size();

    // The whole text's reports come before the blocks': the first control byte and the first
    // bytes that are not UTF-8 (the text is kept as it is, JSON output replaces what is not
    // UTF-8, but nothing goes unremarked), then what follows the ETX.
    const std::size_t control = found.first_control, invalid = found.first_invalid_utf8;
    const auto report_control = [&] {
        diags.report(errc::control_character, "control character in the text", text.data() + control);
    };
    const auto report_invalid = [&] {
        diags.report(errc::invalid_utf8, "bytes that are not UTF-8 (written as U+FFFD in JSON)", text.data() + invalid);
    };
    if (control != story_checks::none && control < invalid) report_control();
    if (invalid != story_checks::none) report_invalid();
    if (control != story_checks::none && control > invalid) report_control();
    if (const std::size_t etx = found.story_end; etx < text.size() && !trim(text.substr(etx + 1)).empty())
        diags.report(errc::dropped_junk, "text after the end-of-text mark (ETX)", text.data() + etx + 1);
    std::rotate(out.diagnostics.begin() + static_cast<std::ptrdiff_t>(split_reports_from),
                out.diagnostics.begin() + static_cast<std::ptrdiff_t>(split_reports_to), out.diagnostics.end());
    // No block: nothing but white space before the ETX.
    if (blocks.empty()) {
        diags.report(errc::empty_input, "the story is empty", text.data());
        if (style.name == auto_style::name) out.style = base_style::name;
        return;
    }

    // Only the story up to its ETX is read (blocks lie inside it).
    story_marks& marks = scratch.marks;
    marks.mark(text.substr(0, found.story_end));
    const auto marked_stops = [&marks](std::string_view s, std::size_t from) { return marks.next_caption_stop(s, from); };

    std::size_t next = 0;
    // The block read: one of `blocks`, or `rest`. (Not a copy: a block copied just before it
    // is read stalls the load, the copy's two stores overlapping in the middle of its text.)
    const block* cur = nullptr;
    block rest;                 // the rest of a block a part parser did not take, or a trimmed one
    bool have_pending = false;  // `rest` is to be read next
    bool in_body = false;
    bool front_part_seen = false;  // a byline or caption: a headline can no longer follow
    dateline_view& dl = scratch.dateline;
    caption_view& cap = scratch.caption;
    auto adopt_caption = [&] {
        out.caption.emplace();
        std::swap(*out.caption, cap);
    };

    auto last_block = [&] { return !have_pending && next == blocks.size(); };
    auto take_rest = [&](std::string_view left, std::size_t lines) {
        left = trim(left);
        if (left.empty()) return;
        rest = block{left, lines, false, lines == 1 && is_junk_line(left)};
        have_pending = true;
    };

    // A byline at the start of `t` (parse_byline leaves out.byline empty when there is none);
    // what follows it on the block is read on.
    auto take_byline = [&](std::string_view t, byline_mode mode) {
        std::size_t n = detail::parse_byline(t, out.byline, style, diags, mode);
        if (n == 0) return false;
        front_part_seen = true;
        take_rest(t.substr(n), 1);
        return true;
    };

    while (have_pending || next < blocks.size()) {
        cur = have_pending ? &rest : &blocks[next++];
        have_pending = false;
        std::string_view t = cur->text;

        // Classic wire: the unindented first line above indented paragraphs is the headline,
        // whatever it says ("MIDWEST GRAIN FUTURES 10:50 EDT" is no web time stamp).
        if (!in_body && !out.headline && cur->lines == 1 && !cur->indented && blocks.size() > 1 &&
            t.data() == blocks.front().text.data() && blocks[1].indented) {
            out.headline = t;
            continue;
        }
        if (cur->junk) {
            // A byline may carry its time stamp: "By A | Nov. 25, 2025 at 3:45 PM".
            if (!in_body && out.byline.empty() && cur->lines == 1 && take_byline(t, byline_mode::whole_line))
                continue;
            diags.report(errc::dropped_junk, "dropped a web-page line that is not the story", t.data());
            continue;
        }
        if (is_correction_note(t)) {
            out.corrections.push_back(t);
            diags.report(errc::correction_note, "moved an editor's note to corrections", t.data());
            continue;
        }

        if (!in_body) {
            if (cur->lines == 1 && is_agency_chrome(t, style)) {
                diags.report(errc::dropped_junk, "dropped a line naming only the agency", t.data());
                continue;
            }
            if (out.byline.empty() &&
                take_byline(t, cur->lines == 1 ? byline_mode::whole_line : byline_mode::leading))
                continue;
            if (!out.caption && marks.caption_in(t)) {
                if (std::size_t n = parse_caption_with(t, cap, style, diags, marked_stops)) {
                    adopt_caption();
                    front_part_seen = true;
                    take_rest(t.substr(n), 1);
                    continue;
                }
            }
            if (std::size_t n = detail::parse_dateline(t, dl, style, diags)) {
                out.dateline.emplace();
                std::swap(*out.dateline, dl);
                in_body = true;
                t = trim(t.substr(n));
                rest = *cur;
                rest.text = t;
                cur = &rest;
                if (t.empty()) continue;  // "RICHMOND, Va. Feb 26 -" alone: the body follows
            } else if (!out.headline && !front_part_seen && is_headline_like(*cur) && !last_block()) {
                out.headline = t;
                continue;
            } else {
                in_body = true;  // a story without a dateline: this is its first paragraph
            }
        }

        // Body.
        if (cur->lines == 1 && last_block()) {  // each test once
            const std::string_view sign = signoff_word(t, style);
            const bool desk_tag = is_desk_tag(t);
            if (!sign.empty() || desk_tag) {
                out.signoff = desk_tag ? t : sign;
                continue;
            }
        }
        // Found and parsed in one go: the block's credits are not parsed a second time.
        std::size_t n = 0;
        if (std::size_t at = marks.credit_in(t) ? find_credits_and_parse(t, style, &out.credits, diags,
                                                                         &scratch.spare_credits, &n,
                                                                         marks.last_credit_key(t))
                                                : std::string_view::npos;
            at != std::string_view::npos) {
            std::string_view head = trim(t.substr(0, at));
            if (!head.empty()) out.paragraphs.push_back(head);
            std::string_view tail = trim(t.substr(at + n));
            if (!tail.empty() && is_junk_line(tail))
                diags.report(errc::dropped_boilerplate, "dropped boilerplate after the credits", tail.data());
            else
                take_rest(tail, 1);
            continue;
        }
        if (is_subhead(*cur)) {
            out.subheads.push_back(t);
            continue;
        }
        if (std::size_t n = marks.caption_in(t) ? parse_caption_with(t, cap, style, diags, marked_stops) : 0) {
            if (!out.caption) {
                adopt_caption();
            } else {
                diags.report(errc::extra_caption, "a second photo caption, kept out of the paragraphs", t.data());
            }
            take_rest(t.substr(n), 1);
            continue;
        }
        // The classic sign-off may end the last line: "... the company said. REUTER".
        if (last_block()) {
            std::size_t sp = t.size();
            while (sp > 0 && space_len(t, sp - 1) == 0) --sp;
            std::string_view tail_word = t.substr(sp);
            if (const std::string_view sign = sp > 0 ? signoff_word(tail_word, style) : std::string_view{};
                !sign.empty()) {
                out.signoff = sign;
                t = trim(t.substr(0, sp));
            }
        }
        if (!t.empty()) out.paragraphs.push_back(t);
    }
    complete_dateline_year(out, options);
    if (style.name == auto_style::name) out.style = detect_style(out);
}

} // namespace detail
} // namespace wirestory

#endif
