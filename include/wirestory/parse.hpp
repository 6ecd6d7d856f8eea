// wirestory: a whole story. Splits the text into blocks (blank lines, indented wire
// paragraphs, lone web-junk lines), then reads them in order:
//
//   front:  junk ("1 Min Read", "Reuters Staff", time stamps) | headline | byline | caption
//           ... until a block opens with a dateline, or a plain paragraph starts the body;
//   body:   paragraphs | ALL-CAPS subheads | correction notes | junk | credits | sign-off.
//
// Each part is recognised by its own parser (byline.hpp, dateline.hpp, caption.hpp,
// credits.hpp); this file only decides which block goes where.
#ifndef WIRESTORY_PARSE_HPP
#define WIRESTORY_PARSE_HPP

#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint64_t: eight bytes at a time
#include <cstring>      // std::memchr, std::memcpy
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
#include "style.hpp"
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
    std::vector<line_info> lines;  // the first lines, which decide the layout
    std::vector<block> blocks;
    // Parts are parsed into these, then swapped into the article; the next story swaps them
    // back, so their vectors' capacity cycles instead of being freed and allocated again.
    dateline_view dateline;
    caption_view caption;
    std::vector<credit_view> spare_credits;
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
    // The rest is matched by its first letter, so most lines are rejected after one switch.
    auto whole = [&](std::string_view w) {  // the line is `w`, perhaps with a final '.' or ':'
        return iequals(s, w) || (s.size() == w.size() + 1 && istarts_with(s, w) && (s.back() == '.' || s.back() == ':'));
    };
    switch (s.front()) {
    case 'A': return istarts_with(s, "Advertisement") || whole("Acquire Licensing Rights");
    case 'I': return istarts_with(s, "Item 1 of");
    case 'L': return whole("Listen to article");
    case 'O': return istarts_with(s, "Our Standards:");
    case 'o': return whole("opens new tab");
    case 'P': return whole("Purchase Licensing Rights") || whole("Purchase Licensing Rights, opens new tab") ||
                     whole("Print");
    case 'R': return whole("Report this ad") || whole("Read more") || whole("Reuters Graphics");
    case 'S': return whole("Share") || whole("Skip to main content") || istarts_with(s, "Sign up here");
    default: return may_have_colon && is_timestamp_line(s);
    }
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

//--- splitting into blocks ---//

/// Finds line ends ('\n', '\r', "\r\n", mixed) and colons with memchr: each byte value is
/// searched for once per occurrence, so a story costs three fast passes whatever its shape
/// ('\r' and ':' are rare: their passes are mostly one memchr each).
class line_cursor {
public:
    explicit line_cursor(std::string_view text) : text_(text) {}

    /// The line that starts at `i`; `i` moves to the start of the next one.
    line_info next(std::size_t& i) {
        if (next_lf_ < i || next_lf_ == unset) next_lf_ = find('\n', i);
        if (next_cr_ < i || next_cr_ == unset) next_cr_ = find('\r', i);
        if (next_colon_ < i || next_colon_ == unset) next_colon_ = find(':', i);
        const std::size_t e = next_lf_ < next_cr_ ? next_lf_ : next_cr_;
        line_info l;
        l.raw = std::string_view(text_.data() + i, e - i);
        l.text = trim(l.raw);
        l.indented = e > i && (is_ascii_space(l.raw[0]) || (is_high(l.raw[0]) && unicode_space_len(l.raw, 0) != 0));
        l.colon = next_colon_ < e;
        // Where the next line starts after the line end `e`.
        if (e >= text_.size()) i = text_.size();
        else i = (text_[e] == '\r' && e + 1 < text_.size() && text_[e + 1] == '\n') ? e + 2 : e + 1;
        return l;
    }

private:
    static constexpr std::size_t unset = static_cast<std::size_t>(-1);
    std::size_t find(char c, std::size_t from) const {
        if (from >= text_.size()) return text_.size();
        const void* p = std::memchr(text_.data() + from, c, text_.size() - from);
        return p ? static_cast<std::size_t>(static_cast<const char*>(p) - text_.data()) : text_.size();
    }
    std::string_view text_;
    std::size_t next_lf_ = unset, next_cr_ = unset, next_colon_ = unset;
};

/// Does the story mark paragraphs by indenting their first line (the classic wire), rather
/// than by blank lines (web copy, where an indented line just continues its paragraph)?
/// Decided on the first 64 lines: a story keeps one layout throughout.
inline bool indented_layout(const std::vector<line_info>& lines) {
    std::size_t indented = 0, flush_after_blank = 0;
    bool after_blank = true;
    for (std::size_t n = 0; n < lines.size() && n < 64; ++n) {
        const auto& l = lines[n];
        const bool blank = l.text.empty();
        if (!blank) {
            if (l.indented) ++indented;
            else if (after_blank) ++flush_after_blank;
        }
        after_blank = blank;
    }
    return indented >= 1 && indented >= flush_after_blank;
}

inline void split_blocks(std::string_view text, std::vector<line_info>& lines, std::vector<block>& blocks,
                         const sink& diags) {
    blocks.clear();
    // The first 64 lines are kept to decide the layout; the rest are read as they come.
    lines.clear();
    line_cursor cursor(text);
    std::size_t i = 0;
    while (i < text.size() && lines.size() < 64) lines.push_back(cursor.next(i));
    const bool indent_starts_block = indented_layout(lines);

    block cur;
    bool open = false;
    // One loop over the kept lines and then the rest, so the per-line work is inlined once.
    for (std::size_t k = 0;; ++k) {
        line_info l;
        if (k < lines.size()) l = lines[k];
        else if (i < text.size()) l = cursor.next(i);
        else break;
        std::string_view line = l.text;
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
        }
        if (is_junk_line(line, l.colon)) {
            if (open) blocks.push_back(cur);
            open = false;
            blocks.push_back(block{line, 1, indented, true});
            continue;
        }
        if (!open || (indented && indent_starts_block)) {
            if (open) blocks.push_back(cur);
            cur = block{line, 1, indented};
            open = true;
        } else {
            cur.text = span(cur.text.data(), line.data() + line.size());
            ++cur.lines;
        }
    }
    if (open) blocks.push_back(cur);
}

//--- reading the blocks ---//

/// 0x80 in each byte of `w` that check_bytes would stop at: a byte >= 0x80, 0x7F, or a
/// control byte other than the ASCII spaces 0x09..0x0D; 0 elsewhere. Exact per byte for
/// words of ASCII bytes (each sum below stays under 0x100 per byte, so no carry crosses
/// bytes); any word with a high byte is flagged whatever the other bytes are.
constexpr std::uint64_t unplain_bytes8(std::uint64_t w) noexcept {
    constexpr std::uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
    const std::uint64_t low = w & ~high;             // the high bits are flagged by `w & high`
    const std::uint64_t below_20 = ~(low + ones * 0x60);  // high bit set iff byte < 0x20
    const std::uint64_t below_09 = ~(low + ones * 0x77);  // byte < 0x09
    const std::uint64_t above_0d = low + ones * 0x72;     // byte > 0x0D
    const std::uint64_t is_7f = low + ones;               // byte == 0x7F
    return ((below_20 & (below_09 | above_0d)) | is_7f | w) & high;
}

/// Are these eight bytes printable ASCII or ASCII spaces ('\t', '\n', '\v', '\f', '\r'), so
/// that check_bytes need not look at them one by one?
constexpr bool plain_ascii8(std::uint64_t w) noexcept { return unplain_bytes8(w) == 0; }

/// Report the first NUL/control byte and the first invalid UTF-8 sequence: the text is kept
/// as it is (JSON output replaces what is not UTF-8), but nothing goes unremarked.
inline void check_bytes(std::string_view text, const sink& diags) {
    bool control = false, invalid = false;
    const auto load = [&text](std::size_t at) noexcept {
        std::uint64_t w;
        std::memcpy(&w, text.data() + at, 8);
        return w;
    };
    for (std::size_t i = 0; i < text.size() && !(control && invalid);) {
        // Plain text 32 and then 8 bytes at a time; anything else byte by byte.
        while (i + 32 <= text.size() &&
               (unplain_bytes8(load(i)) | unplain_bytes8(load(i + 8)) | unplain_bytes8(load(i + 16)) |
                unplain_bytes8(load(i + 24))) == 0)
            i += 32;
        while (i + 8 <= text.size() && plain_ascii8(load(i))) i += 8;
        if (i >= text.size()) break;
        unsigned char c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            // ETX ends a story on a wire feed; it is a separator, not damage.
            if (!control && (c < 0x20 || c == 0x7F) && c != 0x03 && !is_ascii_space(static_cast<char>(c))) {
                diags.report(errc::control_character, "control character in the text", text.data() + i);
                control = true;
            }
            ++i;
            continue;
        }
        std::size_t n = utf8_len(text, i);
        if (n == 0) {
            if (!invalid)
                diags.report(errc::invalid_utf8, "bytes that are not UTF-8 (written as U+FFFD in JSON)",
                             text.data() + i);
            invalid = true;
            n = 1;
        }
        i += n;
    }
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
    check_bytes(text, diags);

    // A wire feed ends each story with ETX; anything after it is not this story.
    std::string_view story = text;
    if (std::size_t etx = story.find('\x03'); etx != std::string_view::npos) {
        if (!trim(story.substr(etx + 1)).empty())
            diags.report(errc::dropped_junk, "text after the end-of-text mark (ETX)", story.data() + etx + 1);
        story = story.substr(0, etx);
    }
    if (trim(story).empty()) {
        diags.report(errc::empty_input, "the story is empty", text.data());
        if (style.name == auto_style::name) out.style = base_style::name;
        return;
    }

    auto& blocks = scratch.blocks;
    split_blocks(story, scratch.lines, blocks, diags);

    std::size_t next = 0;
    block cur;
    bool have_pending = false;  // `cur` holds the rest of a block a part parser did not take
    bool in_body = false;
    bool front_part_seen = false;  // a byline or caption: a headline can no longer follow
    dateline_view& dl = scratch.dateline;
    caption_view& cap = scratch.caption;
    auto adopt_caption = [&] {
        out.caption.emplace();
        std::swap(*out.caption, cap);
    };

    auto last_block = [&] { return !have_pending && next == blocks.size(); };
    auto take_rest = [&](std::string_view rest, std::size_t lines) {
        rest = trim(rest);
        if (rest.empty()) return;
        cur = block{rest, lines, false, lines == 1 && is_junk_line(rest)};
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
        if (!have_pending) cur = blocks[next++];
        have_pending = false;
        std::string_view t = cur.text;

        // Classic wire: the unindented first line above indented paragraphs is the headline,
        // whatever it says ("MIDWEST GRAIN FUTURES 10:50 EDT" is no web time stamp).
        if (!in_body && !out.headline && cur.lines == 1 && !cur.indented && blocks.size() > 1 &&
            t.data() == blocks.front().text.data() && blocks[1].indented) {
            out.headline = t;
            continue;
        }
        if (cur.junk) {
            // A byline may carry its time stamp: "By A | Nov. 25, 2025 at 3:45 PM".
            if (!in_body && out.byline.empty() && cur.lines == 1 && take_byline(t, byline_mode::whole_line))
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
            if (cur.lines == 1 && is_agency_chrome(t, style)) {
                diags.report(errc::dropped_junk, "dropped a line naming only the agency", t.data());
                continue;
            }
            if (out.byline.empty() &&
                take_byline(t, cur.lines == 1 ? byline_mode::whole_line : byline_mode::leading))
                continue;
            if (!out.caption) {
                if (std::size_t n = detail::parse_caption(t, cap, style, diags)) {
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
                cur.text = t;
                if (t.empty()) continue;  // "RICHMOND, Va. Feb 26 -" alone: the body follows
            } else if (!out.headline && !front_part_seen && is_headline_like(cur) && !last_block()) {
                out.headline = t;
                continue;
            } else {
                in_body = true;  // a story without a dateline: this is its first paragraph
            }
        }

        // Body.
        if (cur.lines == 1 && last_block() && (!signoff_word(t, style).empty() || is_desk_tag(t))) {
            out.signoff = is_desk_tag(t) ? t : signoff_word(t, style);
            continue;
        }
        // Found and parsed in one go: the block's credits are not parsed a second time.
        std::size_t n = 0;
        if (std::size_t at = find_credits_and_parse(t, style, &out.credits, diags, &scratch.spare_credits, &n);
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
        if (is_subhead(cur)) {
            out.subheads.push_back(t);
            continue;
        }
        if (std::size_t n = detail::parse_caption(t, cap, style, diags)) {
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
            if (sp > 0 && !signoff_word(tail_word, style).empty()) {
                out.signoff = signoff_word(tail_word, style);
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
