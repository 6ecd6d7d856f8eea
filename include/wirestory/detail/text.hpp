// wirestory internals: byte-level text primitives shared by every part parser.
// Everything here is ASCII- or UTF-8-aware, never locale-dependent, and never reads
// outside the view it is given.
#ifndef WIRESTORY_DETAIL_TEXT_HPP
#define WIRESTORY_DETAIL_TEXT_HPP

#include <cstddef>      // std::size_t
#include <cstdint>      // std::uintptr_t, word_list_gate
#include <string>       // append_collapsed
#include <string_view>  // everything works on views
#include <vector>       // diagnostics sink

#include "../diagnostic.hpp"

namespace wirestory::detail {

//=== character classes (ASCII; bytes >= 0x80 are never letters here) ===//

constexpr bool is_ascii_space(char c) noexcept {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}
constexpr bool is_upper(char c) noexcept { return c >= 'A' && c <= 'Z'; }
constexpr bool is_lower(char c) noexcept { return c >= 'a' && c <= 'z'; }
constexpr bool is_alpha(char c) noexcept { return is_upper(c) || is_lower(c); }
constexpr bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
constexpr bool is_alnum(char c) noexcept { return is_alpha(c) || is_digit(c); }
constexpr bool is_utf8_lead(char c) noexcept { return static_cast<unsigned char>(c) >= 0xC0; }
constexpr bool is_high(char c) noexcept { return static_cast<unsigned char>(c) >= 0x80; }
constexpr char to_lower(char c) noexcept { return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c; }
constexpr char to_upper(char c) noexcept { return is_lower(c) ? static_cast<char>(c - 'a' + 'A') : c; }

/// Byte length of a Unicode space at `s[i]` (NBSP, U+2000..U+200A, U+202F, U+205F, U+3000,
/// and the BOM / zero-width no-break space, which web copy scatters around), else 0.
constexpr std::size_t unicode_space_len(std::string_view s, std::size_t i) noexcept {
    if (i + 1 < s.size() && s[i] == '\xC2' && s[i + 1] == '\xA0') return 2;
    if (i + 2 < s.size()) {
        unsigned char a = static_cast<unsigned char>(s[i]);
        unsigned char b = static_cast<unsigned char>(s[i + 1]);
        unsigned char c = static_cast<unsigned char>(s[i + 2]);
        if (a == 0xE2 && b == 0x80 && ((c >= 0x80 && c <= 0x8A) || c == 0xAF)) return 3;  // c a continuation byte
        if (a == 0xE2 && b == 0x81 && c == 0x9F) return 3;
        if (a == 0xE3 && b == 0x80 && c == 0x80) return 3;
        if (a == 0xEF && b == 0xBB && c == 0xBF) return 3;
    }
    return 0;
}

/// A printable ASCII byte other than the space ('!'..'~', or DEL): never part of white space,
/// so word scans step over it without asking space_len.
constexpr bool is_plain_word_byte(char c) noexcept {
    return static_cast<unsigned char>(static_cast<unsigned char>(c) - 0x21u) < 0x5Fu;
}

/// Byte length of any white space at `s[i]` (ASCII or Unicode), else 0.
constexpr std::size_t space_len(std::string_view s, std::size_t i) noexcept {
    if (i >= s.size()) return 0;
    if (is_ascii_space(s[i])) return 1;
    return is_high(s[i]) ? unicode_space_len(s, i) : 0;
}

/// Byte length of a dash at `s[i]`: "-" or "--" (1 or 2), en/em dash, figure dash,
/// horizontal bar, minus sign (3); else 0.
constexpr std::size_t dash_len(std::string_view s, std::size_t i) noexcept {
    if (i >= s.size()) return 0;
    if (s[i] == '-') return (i + 1 < s.size() && s[i + 1] == '-') ? 2 : 1;
    if (i + 2 < s.size() && s[i] == '\xE2') {
        unsigned char b = static_cast<unsigned char>(s[i + 1]);
        unsigned char c = static_cast<unsigned char>(s[i + 2]);
        if (b == 0x80 && c >= 0x92 && c <= 0x95) return 3;  // figure, en, em, bar
        if (b == 0x88 && c == 0x92) return 3;               // minus sign
    }
    return 0;
}

//=== trimming and comparing ===//

/// Can `c` start or end white space (an ASCII space or a byte of a UTF-8 sequence)? When the
/// first or last byte cannot, trimming that side is done without looking further.
constexpr bool may_border_space(char c) noexcept {
    return static_cast<unsigned char>(c) <= ' ' || is_high(c);
}

constexpr std::string_view trim_left(std::string_view s) noexcept {
    if (s.empty() || !may_border_space(s[0])) return s;
    std::size_t i = 0;
    while (std::size_t n = space_len(s, i)) i += n;
    return s.substr(i);
}

constexpr std::string_view trim_right(std::string_view s) noexcept {
    // Walk back over ASCII spaces and the last bytes of Unicode spaces.
    while (!s.empty()) {
        std::size_t n = s.size();
        if (!may_border_space(s[n - 1])) break;  // most text ends with a letter or a stop
        if (is_ascii_space(s[n - 1])) { s.remove_suffix(1); continue; }
        if (n >= 2 && unicode_space_len(s, n - 2) == 2) { s.remove_suffix(2); continue; }
        if (n >= 3 && unicode_space_len(s, n - 3) == 3) { s.remove_suffix(3); continue; }
        break;
    }
    return s;
}

constexpr std::string_view trim(std::string_view s) noexcept { return trim_right(trim_left(s)); }

constexpr bool iequals(std::string_view a, std::string_view b) noexcept {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (to_lower(a[i]) != to_lower(b[i])) return false;
    return true;
}

constexpr bool istarts_with(std::string_view s, std::string_view prefix) noexcept {
    return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}

constexpr bool iends_with(std::string_view s, std::string_view suffix) noexcept {
    return s.size() >= suffix.size() && iequals(s.substr(s.size() - suffix.size()), suffix);
}

constexpr bool starts_with(std::string_view s, std::string_view prefix) noexcept {
    return s.substr(0, prefix.size()) == prefix;
}

constexpr bool ends_with(std::string_view s, std::string_view suffix) noexcept {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

/// The view from `a` up to (not including) `b`; both must lie in the same buffer, a <= b.
constexpr std::string_view span(const char* a, const char* b) noexcept {
    return std::string_view(a, static_cast<std::size_t>(b - a));
}

/// True when `inner` lies entirely inside `outer` (for tests and fuzz checks).
inline bool contains_view(std::string_view outer, std::string_view inner) noexcept {
    if (inner.empty()) return true;
    auto o = reinterpret_cast<std::uintptr_t>(outer.data());
    auto i = reinterpret_cast<std::uintptr_t>(inner.data());
    return i >= o && i + inner.size() <= o + outer.size();
}

//=== words ===//

/// A word: a maximal run of bytes that are not white space.
struct word {
    std::string_view text;
    std::size_t begin = 0;  ///< offset of the word in the scanned view
};

/// The word starting at or after `pos` (skipping white space); empty text at the end.
constexpr word next_word(std::string_view s, std::size_t pos) noexcept {
    while (std::size_t n = space_len(s, pos)) pos += n;
    std::size_t b = pos;
    while (pos < s.size() && (is_plain_word_byte(s[pos]) || space_len(s, pos) == 0)) ++pos;
    return {s.substr(b, pos - b), b};
}

/// What the words of a constant list look like, so that most words are turned away without
/// being compared with each entry: for each first byte (lower-cased, folded to 64 slots), one
/// bit per word length (lengths of 31 and more share bit 31). A word the gate turns away is
/// in no entry under iequals; one it admits still has to be compared.
struct word_list_gate {
    std::uint32_t lengths[64] = {};

    static constexpr std::size_t slot(char first) noexcept {
        return static_cast<unsigned char>(to_lower(first)) & 63u;
    }
    static constexpr std::size_t length_bit(std::size_t size) noexcept { return size < 31 ? size : 31; }
    constexpr bool admits(std::string_view w) const noexcept {
        return !w.empty() && ((lengths[slot(w[0])] >> length_bit(w.size())) & 1u) != 0;
    }
};

template <std::size_t N>
constexpr word_list_gate make_word_list_gate(const std::string_view (&list)[N]) noexcept {
    word_list_gate gate;
    for (auto w : list)
        if (!w.empty()) gate.lengths[word_list_gate::slot(w[0])] |= 1u << word_list_gate::length_bit(w.size());
    return gate;
}

template <const auto& List>
inline constexpr word_list_gate word_list_gate_of = make_word_list_gate(List);

template <std::size_t N>
constexpr bool no_empty_word(const std::string_view (&list)[N]) noexcept {
    for (auto w : list)
        if (w.empty()) return false;
    return true;
}

/// Does the word consist of letters only, with at least one, and all capitals (ASCII letters;
/// non-ASCII bytes are allowed and ignored so "ÉTAT" counts)?
constexpr bool has_lower(std::string_view s) noexcept {
    for (char c : s)
        if (is_lower(c)) return true;
    return false;
}
constexpr bool has_upper(std::string_view s) noexcept {
    for (char c : s)
        if (is_upper(c)) return true;
    return false;
}
constexpr bool has_digit(std::string_view s) noexcept {
    for (char c : s)
        if (is_digit(c)) return true;
    return false;
}

//=== months ===//

/// Month number of a month name as wire copy writes it: "Jan", "Jan.", "January", "Sept",
/// "Sept.", "FEB", any case; 0 when it is not one.
constexpr int month_number(std::string_view w) noexcept {
    if (!w.empty() && w.back() == '.') w.remove_suffix(1);
    if (w.size() < 3 || w.size() > 9) return 0;  // "May" .. "September"
    constexpr std::string_view names[] = {"january", "february", "march",     "april",
                                          "may",     "june",     "july",      "august",
                                          "september", "october", "november", "december"};
    const auto is = [w, &names](int m) {
        const std::string_view full = names[m];
        return iequals(w, full) || (w.size() == 3 && iequals(w, full.substr(0, 3)));
    };
    // Only the months with the word's first letter are compared.
    switch (to_lower(w[0])) {
    case 'j': return is(0) ? 1 : is(5) ? 6 : is(6) ? 7 : 0;
    case 'f': return is(1) ? 2 : 0;
    case 'm': return is(2) ? 3 : is(4) ? 5 : 0;
    case 'a': return is(3) ? 4 : is(7) ? 8 : 0;
    case 's': return is(8) || iequals(w, "sept") ? 9 : 0;
    case 'o': return is(9) ? 10 : 0;
    case 'n': return is(10) ? 11 : 0;
    case 'd': return is(11) ? 12 : 0;
    default: return 0;
    }
}

//=== UTF-8 ===//

/// Length of the valid UTF-8 sequence at `s[i]` (1..4), or 0 when the bytes there are not
/// valid UTF-8 (overlong forms, surrogates, truncated or stray continuation bytes).
constexpr std::size_t utf8_len(std::string_view s, std::size_t i) noexcept {
    auto at = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    unsigned char c = at(i);
    if (c < 0x80) return 1;
    std::size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
    if (n == 0 || c > 0xF4 || i + n > s.size()) return 0;
    for (std::size_t k = 1; k < n; ++k)
        if ((at(i + k) & 0xC0) != 0x80) return 0;
    if (c == 0xE0 && at(i + 1) < 0xA0) return 0;  // overlong
    if (c == 0xED && at(i + 1) >= 0xA0) return 0; // surrogate
    if (c == 0xF0 && at(i + 1) < 0x90) return 0;  // overlong
    if (c == 0xF4 && at(i + 1) >= 0x90) return 0; // > U+10FFFF
    return n;
}

/// Append `text` trimmed, with every run of white space (line ends included) as one space.
inline void append_collapsed(std::string& out, std::string_view text) {
    text = trim(text);
    bool pending_space = false;
    for (std::size_t i = 0; i < text.size();) {
        if (std::size_t n = space_len(text, i)) {
            pending_space = true;
            i += n;
            continue;
        }
        if (pending_space) out.push_back(' ');
        pending_space = false;
        out.push_back(text[i++]);
    }
}

/// Are `a` and `b` the same text once trimmed with white space runs collapsed (as JSON
/// writes them)? With `ignore_case`, ASCII letters compare case-insensitively.
inline bool same_collapsed(std::string_view a, std::string_view b, bool ignore_case = false) {
    a = trim(a);
    b = trim(b);
    std::size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        std::size_t na = space_len(a, i), nb = space_len(b, j);
        if (na || nb) {
            if (!na || !nb) return false;
            while (std::size_t n = space_len(a, i)) i += n;
            while (std::size_t n = space_len(b, j)) j += n;
            continue;
        }
        char x = a[i++], y = b[j++];
        if (ignore_case ? to_lower(x) != to_lower(y) : x != y) return false;
    }
    return i == a.size() && j == b.size();
}

//=== diagnostics ===//

/// Where part parsers report: offsets are measured from `origin`, the start of the text the
/// caller handed in. A null `out` discards reports.
struct sink {
    std::vector<diagnostic>* out = nullptr;
    const char* origin = nullptr;

    void report(errc code, std::string_view message, const char* where) const {
        if (!out) return;
        std::size_t off = (origin && where >= origin) ? static_cast<std::size_t>(where - origin) : 0;
        out->push_back(diagnostic{code, message, off});
    }
};

} // namespace wirestory::detail

#endif
