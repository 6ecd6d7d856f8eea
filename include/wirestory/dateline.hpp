// wirestory: datelines. "ANKARA/KYIV (Reuters) -", "WASHINGTON, Nov 19 (Reuters) -",
// "SAN MATEO, Calif., March 2 -".
//
// The grammar, read left to right; every part is optional, but see "accepted when" below:
//
//   dateline := places [", " region]{0,2} [","] [date] [","] [tag | agency-word] [dash | ":"]
//   places   := place ("/" place)*          "ANKARA/KYIV" -> two locations
//   place    := 1-6 words                   "PORT ELLIS", "The Hague", "ST. JOSEPH"
//   region   := 1-4 capitalised words       "Calif.", "South Dakota", "N.Y.", "Ukraine",
//               or in brackets, ANI's way    "New Delhi [India]"
//                                           (kept in the last location: "BOISE, Idaho")
//   date     := month day [","? year]       "Nov 19", "Nov. 19", "Sept. 3", "FEB 26"
//             | day month [year]            "19 November", "17 January 2008", "10 août"
//   tag      := "(" 1-4 short words ")"     "(Reuters)", "(AP)", "(dpa)", "(Korea Bizwire)"
//             | "/" words "/" after a date  "/PRNewswire/", TASS's ". /TASS/."
//   agency-word := a name from style.agencies after a comma: "MONTREAL, March 20, Reuter -"
//   dash     := "-" | "--" | en dash | em dash (no space needed before the lead); after a tag
//               also EFE's ".-", TASS's ".", old AP's "_", or nothing before a capital
//               ("Port Ellis (CNN)The ...")
//
// Words of a place are capitals ("WASHINGTON", "ST. JOSEPH", "WINSTON-SALEM", with '.', '-',
// '\'', '&', '/' and UTF-8 letters) or mixed case ("Paris", "Rio de Janeiro"). Because so
// many first paragraphs start with capitals ("U.S. stocks fell", "NATO said"), a dateline
// is accepted only when its shape confirms it:
//   - a tag with a dash: "(Reuters) -", "LONDON (Reuters) -", "Paris (AFP) -";
//   - a tag without a dash, after a capitals place ("HUNTSVILLE, Ala. (RNS) A federal
//     judge") or a place with its comma and date ("Oldharbour, Dec 3 (PTI) The ...");
//   - a place in brackets: "(PORT ELLIS) -- ..." (capitals, no agency anyone knows);
//   - a date with a dash, a tag or ", Reuter -"; a mixed-case place then needs the comma
//     before its date ("Caracas, feb 26 -", not "On March 3 - ..."); without any of them,
//     only after a capitals place or alone ("TOKYO Feb 8 Japan is ...", "Sept 30 Match ...");
//   - a capitals place and a dash, no tag or date: "LONDON — Theresa ...";
//   - a place and a colon: "SEOUL: ...", "New Delhi : ...".
// Where only a place and a dash or colon (or no dash at all) mark the dateline, the lead
// must read like prose: "OPEC - the cartel - said", "WHEAT - 1550 tonnes" and
// "SAO PAULO STATE: UMUARAMA NIL" are not datelines. Label words ("EXCLUSIVE -", "Note:",
// "FILE -") are never places, an organisation's last word ("Gould Inc (GLD) -") ends no
// place, and a tag is at most 4 capitalised words or one short lower-case agency ("dpa"):
// not "(Note: ...)", "(IBM.N)", "(in millions)". Days must be 1-31.
// With no mark at all (tried last, see dateline_unmarked): a place of 1-3 capitalised
// words, then a capitalised sentence opener ("Vellore Nagar As opposition grows") or a comma
// and a sentence ("New Orvik, Stocks are slipping"), the next word in lower case.
// Linear: one forward pass over a bounded number of words, with constant lookahead.
// Speed: the classic wire's shape, "PLACE, [Region,] Mon D -" (nine in ten Reuters-21578
// datelines), is read first in one pass (dateline_classic); where it does not hold, the
// general parse above decides. A date is read once per offset, and month words are
// refused by their first three bytes.
#ifndef WIRESTORY_DATELINE_HPP
#define WIRESTORY_DATELINE_HPP

#include <cstddef>      // std::size_t
#include <cstdint>      // month prefixes as numbers
#include <optional>     // no dateline
#include <string_view>  // input

#include "article.hpp"
#include "style.hpp"
#include "detail/text.hpp"

namespace wirestory {

/// Parse the dateline that opens `paragraph`. Views point into `paragraph`. Empty when the
/// paragraph does not open with one.
template <class Style = default_style>
std::optional<dateline_view> parse_dateline(std::string_view paragraph);

namespace detail {
/// Parse a dateline at the start of `text`; fill `out` (vectors cleared, capacity kept) and
/// return the offset in `text` where the lead begins (after the dash and white space), or 0
/// when `text` does not open with a dateline.
std::size_t parse_dateline(std::string_view text, dateline_view& out, const style_desc& style,
                           const sink& diags);
} // namespace detail

//=== implementation ===//

namespace detail {

//--- character helpers (candidates for detail/text.hpp) ---//

/// Byte length of a UTF-8 letter at `s[i]`, else 0. Approximate by block: two-byte
/// sequences from U+00C0 on (Latin, Greek, Cyrillic, ...) and three-byte ones outside the
/// punctuation and symbol blocks (U+2000-U+2FFF, CJK punctuation, specials) count as letters.
inline std::size_t dateline_utf8_letter_len(std::string_view s, std::size_t i) noexcept {
    if (i >= s.size()) return 0;
    std::size_t n = utf8_len(s, i);
    if (n < 2) return 0;
    unsigned char lead = static_cast<unsigned char>(s[i]);
    unsigned char second = static_cast<unsigned char>(s[i + 1]);
    if (n == 2) return lead >= 0xC3 ? 2 : 0;  // U+0080-U+00BF: NBSP, quotes, signs
    if (n == 3) {
        if (lead == 0xE2 || lead == 0xEF) return 0;   // punctuation, symbols, specials
        if (lead == 0xE3 && second == 0x80) return 0; // CJK punctuation
        return 3;
    }
    return 0;
}

/// Is `s[i]` the right single quote U+2019, used as an apostrophe ("CÔTE D’IVOIRE")?
inline bool dateline_is_curly_apostrophe(std::string_view s, std::size_t i) noexcept {
    return i + 2 < s.size() && s[i] == '\xE2' && s[i + 1] == '\x80' && s[i + 2] == '\x99';
}

/// The bytes [b, e) of `s`, for offsets known to lie inside it (no range check needed).
constexpr std::string_view dateline_slice(std::string_view s, std::size_t b, std::size_t e) noexcept {
    return std::string_view(s.data() + b, e - b);
}

/// Is there white space at `s[p]`? (space_len, with the plain space first.)
inline bool dateline_space_at(std::string_view s, std::size_t p) noexcept {
    return p < s.size() && (s[p] == ' ' || space_len(s, p) != 0);
}

/// Position of the first non-space byte at or after `p` (see dateline_skip_space).
inline std::size_t dateline_skip_space_run(std::string_view s, std::size_t p) noexcept {
    while (p < s.size()) {
        if (s[p] == ' ') {
            ++p;
            continue;
        }
        if (is_plain_word_byte(s[p])) break;  // most stops: a printable ASCII byte
        const std::size_t n = space_len(s, p);
        if (n == 0) break;
        p += n;
    }
    return p;
}

/// Position of the first non-space byte at or after `p`. Most calls stand at a word or
/// after one plain space: those are answered here, in line.
inline std::size_t dateline_skip_space(std::string_view s, std::size_t p) noexcept {
    if (p < s.size() && is_plain_word_byte(s[p])) return p;
    if (p + 1 < s.size() && s[p] == ' ' && is_plain_word_byte(s[p + 1])) return p + 1;
    return dateline_skip_space_run(s, p);
}

/// A month name with its number.
struct dateline_month_name {
    std::string_view text;  ///< lower case
    int month;
};

/// Month names in French, Spanish, German, Italian and Portuguese ("août", "März", "mayo"),
/// and the abbreviations agencies write in datelines ("3 dic (EFE)", "3 déc 2025 (AFP)").
/// Kept in order of their first letter, so a word is compared only with its letter's names.
inline constexpr dateline_month_name dateline_foreign_months[] = {
    {"abril", 4},      {"abr", 4},        {"agosto", 8},     {"ago", 8},       {"aprile", 4},
    {"août", 8},       {"avril", 4},      {"avr", 4},
    {"décembre", 12},  {"déc", 12},       {"dezember", 12},  {"dezembro", 12}, {"dez", 12},
    {"diciembre", 12}, {"dicembre", 12},  {"dic", 12},
    {"enero", 1},
    {"février", 2},    {"févr", 2},       {"febrero", 2},    {"februar", 2},   {"febbraio", 2},
    {"fevereiro", 2},  {"fev", 2},
    {"gennaio", 1},    {"gen", 1},        {"giugno", 6},     {"giu", 6},
    {"janvier", 1},    {"janv", 1},       {"januar", 1},     {"janeiro", 1},   {"juin", 6},
    {"juillet", 7},    {"juil", 7},       {"junio", 6},      {"juni", 6},      {"junho", 6},
    {"julio", 7},      {"juli", 7},       {"julho", 7},
    {"luglio", 7},     {"lug", 7},
    {"mars", 3},       {"marzo", 3},      {"märz", 3},       {"março", 3},     {"mai", 5},
    {"mayo", 5},       {"maio", 5},       {"maggio", 5},     {"mag", 5},
    {"novembre", 11},  {"noviembre", 11},
    {"octobre", 10},   {"octubre", 10},   {"oktober", 10},   {"okt", 10},      {"ottobre", 10},
    {"ott", 10},       {"outubro", 10},   {"out", 10},
    {"septembre", 9},  {"septiembre", 9}, {"setiembre", 9},  {"settembre", 9}, {"setembro", 9},
    {"set", 9}};

/// Where each first letter's names start in dateline_foreign_months: [from[l], from[l + 1]).
struct dateline_letter_index {
    unsigned char from[27] = {};
    bool sorted = true;  ///< every name starts with a-z, in order
    std::size_t longest = 0;
};
constexpr dateline_letter_index dateline_index_foreign_months() noexcept {
    dateline_letter_index x;
    constexpr std::size_t count = sizeof dateline_foreign_months / sizeof dateline_foreign_months[0];
    int last = 0;
    for (std::size_t k = 0; k < count; ++k) {
        const int l = dateline_foreign_months[k].text[0] - 'a';
        if (l < last || l > 25) x.sorted = false;
        if (l >= 0 && l <= 25) last = l;
        if (dateline_foreign_months[k].text.size() > x.longest)
            x.longest = dateline_foreign_months[k].text.size();
    }
    for (int l = 0; l < 26; ++l) {
        std::size_t end = x.from[l];
        while (end < count && dateline_foreign_months[end].text[0] - 'a' <= l) ++end;
        x.from[l + 1] = static_cast<unsigned char>(end);
    }
    return x;
}
inline constexpr dateline_letter_index dateline_foreign_month_index =
    dateline_index_foreign_months();
static_assert(dateline_foreign_month_index.sorted, "foreign month names sorted by first letter");

/// The longest month name in bytes ("septiembre"); no longer word is one.
inline constexpr std::size_t dateline_month_max_len = 10;
static_assert(dateline_foreign_month_index.longest <= dateline_month_max_len, "a longer name");

/// Are the bytes of `w` from `from` on those of `name` (lower case), ASCII letters folded?
/// `w` is no longer than `name`.
constexpr bool dateline_folded_equal_from(std::string_view w, std::string_view name,
                                          std::size_t from) noexcept {
    for (std::size_t i = from; i < w.size(); ++i)
        if (to_lower(w[i]) != name[i]) return false;
    return true;
}

/// Month number of a foreign month word ("août", "März", "mayo", "dic"), lower case or
/// capitalised; 0 when it is not one. Only the names of its first letter are compared.
inline int dateline_foreign_month(std::string_view w) noexcept {
    if (w.empty()) return 0;
    const char first = to_lower(w[0]);
    if (!is_lower(first)) return 0;
    const int l = first - 'a';
    for (std::size_t k = dateline_foreign_month_index.from[l];
         k < dateline_foreign_month_index.from[l + 1]; ++k) {
        const dateline_month_name& name = dateline_foreign_months[k];
        if (name.text.size() == w.size() && dateline_folded_equal_from(w, name.text, 1))
            return name.month;
    }
    return 0;
}

/// Three bytes as one number: "nov" -> 0x6E6F76.
constexpr std::uint32_t dateline_prefix_key(std::string_view t) noexcept {
    return static_cast<std::uint32_t>(static_cast<unsigned char>(t[0])) << 16 |
           static_cast<std::uint32_t>(static_cast<unsigned char>(t[1])) << 8 |
           static_cast<std::uint32_t>(static_cast<unsigned char>(t[2]));
}

inline constexpr std::string_view dateline_english_month_names[] = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};

/// Which month names start with these three bytes, folded to lower case: the English
/// month's number (1-12) for "jan".."dec", 13 for the start of foreign names only ("avr",
/// "dic", "ao\xC3" of "août"), 0 for none: most words are no month from this one test.
constexpr int dateline_month_family(std::uint32_t key) noexcept {
    switch (key) {
    case dateline_prefix_key("jan"): return 1;
    case dateline_prefix_key("feb"): return 2;
    case dateline_prefix_key("mar"): return 3;
    case dateline_prefix_key("apr"): return 4;
    case dateline_prefix_key("may"): return 5;
    case dateline_prefix_key("jun"): return 6;
    case dateline_prefix_key("jul"): return 7;
    case dateline_prefix_key("aug"): return 8;
    case dateline_prefix_key("sep"): return 9;
    case dateline_prefix_key("oct"): return 10;
    case dateline_prefix_key("nov"): return 11;
    case dateline_prefix_key("dec"): return 12;
    case dateline_prefix_key("f\xC3\xA9"):  // février
    case dateline_prefix_key("m\xC3\xA4"):  // märz
    case dateline_prefix_key("ao\xC3"):      // août
    case dateline_prefix_key("d\xC3\xA9"):  // décembre
    case dateline_prefix_key("avr"): case dateline_prefix_key("mai"):
    case dateline_prefix_key("jui"): case dateline_prefix_key("ene"):
    case dateline_prefix_key("abr"): case dateline_prefix_key("ago"):
    case dateline_prefix_key("set"): case dateline_prefix_key("dic"):
    case dateline_prefix_key("okt"): case dateline_prefix_key("dez"):
    case dateline_prefix_key("gen"): case dateline_prefix_key("mag"):
    case dateline_prefix_key("giu"): case dateline_prefix_key("lug"):
    case dateline_prefix_key("ott"): case dateline_prefix_key("fev"):
    case dateline_prefix_key("out"):
        return 13;
    default: return 0;
    }
}

/// The family of every foreign name is its start's: checked when compiled.
constexpr bool dateline_foreign_families_known() noexcept {
    for (const dateline_month_name& n : dateline_foreign_months)
        if (dateline_month_family(dateline_prefix_key(n.text)) == 0) return false;
    return true;
}
static_assert(dateline_foreign_families_known(), "a foreign month name dateline_month_family misses");

/// The first three bytes at `s[p]` folded to lower case as a key; 0 when fewer remain.
constexpr std::uint32_t dateline_folded_key_at(std::string_view s, std::size_t p) noexcept {
    if (p + 3 > s.size()) return 0;
    return static_cast<std::uint32_t>(static_cast<unsigned char>(to_lower(s[p]))) << 16 |
           static_cast<std::uint32_t>(static_cast<unsigned char>(to_lower(s[p + 1]))) << 8 |
           static_cast<std::uint32_t>(static_cast<unsigned char>(to_lower(s[p + 2])));
}

/// Month number of an English or foreign month word, with an optional final '.', in any
/// case of its ASCII letters; 0 when it is not one. (dateline_month_in_family: the same
/// for a word without its '.', whose family of names is known and not 0.) A clipped English name of four letters
/// or more counts too: the 1987 wire has "Marc 3", "Apri 1". (Where a foreign name starts
/// an English one, "Januar", "Februar", both give the same month.)
inline int dateline_month_in_family(std::string_view w, int family) noexcept {
    if (w.size() < 3 || w.size() > dateline_month_max_len) return 0;
    // English: the name or any start of it of three letters or more ("sept", "marc").
    if (family <= 12) {
        const std::string_view name = dateline_english_month_names[family - 1];
        if (w.size() <= name.size() && dateline_folded_equal_from(w, name, 3)) return family;
    }
    return dateline_foreign_month(w);
}
inline int dateline_month(std::string_view w) noexcept {
    if (!w.empty() && w.back() == '.') w.remove_suffix(1);
    if (w.size() < 3) return 0;
    const int family = dateline_month_family(dateline_folded_key_at(w, 0));
    return family == 0 ? 0 : dateline_month_in_family(w, family);
}

//--- the pieces of a dateline ---//

/// A run of words, as [begin, end) offsets, with what their letters look like.
struct dateline_words {
    std::size_t begin = 0;
    std::size_t end = 0;
    int count = 0;
    int letters = 0;            ///< ASCII and UTF-8 letters in all words
    bool all_caps = true;       ///< no ASCII lower-case letter anywhere
    bool capitalised = true;    ///< every word starts with a capital or a UTF-8 letter, or is
                                ///< a short lower-case connector ("de", "la") after the first
    bool first_capital = false; ///< the first word starts with a capital or UTF-8 letter
    std::size_t last_word = 0;  ///< offset of the last word
};

/// One place-like word at `p`: [p, end) and its letter shape. `end == p` when the bytes at
/// `p` do not make a place word (digits, quotes, brackets, ...).
struct dateline_word {
    std::size_t end = 0;
    int letters = 0;
    bool has_lower = false;
    bool starts_capital = false;  ///< first letter is a capital or a UTF-8 letter
    bool starts_lower = false;
};

/// What an ASCII byte is to a place word (dateline_scan_word); bytes >= 0x80 are `high`.
enum : unsigned char {
    dateline_byte_other = 0,  ///< ends the scan: no place word ("1987", "\"", "*")
    dateline_byte_upper,      ///< A-Z
    dateline_byte_lower,      ///< a-z
    dateline_byte_stop,       ///< white space or ",():;[]": the word ends before it
    dateline_byte_join,       ///< ".-'&/": inside a word ("ST.", "WINSTON-SALEM")
    dateline_byte_high,       ///< a UTF-8 letter, space, dash or apostrophe, or no place word
};

struct dateline_byte_table {
    unsigned char cls[256] = {};
    constexpr dateline_byte_table() noexcept {
        for (int c = 0; c < 256; ++c) {
            const char ch = static_cast<char>(c);
            unsigned char v = dateline_byte_other;
            if (c >= 0x80) v = dateline_byte_high;
            else if (is_upper(ch)) v = dateline_byte_upper;
            else if (is_lower(ch)) v = dateline_byte_lower;
            else if (is_ascii_space(ch) || ch == ',' || ch == '(' || ch == ')' || ch == ':' ||
                     ch == ';' || ch == '[' || ch == ']')
                v = dateline_byte_stop;
            else if (ch == '.' || ch == '-' || ch == '\'' || ch == '&' || ch == '/')
                v = dateline_byte_join;
            cls[c] = v;
        }
    }
    constexpr unsigned char operator[](char c) const noexcept {
        return cls[static_cast<unsigned char>(c)];
    }
};
inline constexpr dateline_byte_table dateline_bytes{};

/// One place word at `p`. A word ends at the end of the text, white space, ",():;[]", "--"
/// or a Unicode dash (a single '-' joins "WINSTON-SALEM"); it holds letters (ASCII and
/// UTF-8), '.', '-', '\'', '&', '/' and the curly apostrophe, and at least one letter.
inline dateline_word dateline_scan_word(std::string_view s, std::size_t p) noexcept {
    const dateline_word none{p, 0, false, false, false};  // no place word here
    dateline_word w;
    std::size_t i = p;
    bool first_letter_seen = false;
    const std::size_t n = s.size();
    while (i < n) {
        const char c = s[i];
        switch (dateline_bytes[c]) {
        case dateline_byte_upper:
            if (!first_letter_seen) w.starts_capital = first_letter_seen = true;
            do {
                ++w.letters;
                ++i;
            } while (i < n && is_upper(s[i]));
            continue;
        case dateline_byte_lower:
            if (!first_letter_seen) w.starts_lower = first_letter_seen = true;
            w.has_lower = true;
            do {
                ++w.letters;
                ++i;
            } while (i < n && is_lower(s[i]));
            continue;
        case dateline_byte_join:
            if (c == '-' && i + 1 < n && s[i + 1] == '-') break;  // "--" ends the word
            if (c == '.' && i + 1 < n && s[i + 1] == '.') return none;  // "TANDIL......": a table
            ++i;
            continue;
        case dateline_byte_high:
            if (space_len(s, i) || dash_len(s, i)) break;
            if (std::size_t len = dateline_utf8_letter_len(s, i)) {
                ++w.letters;
                if (!first_letter_seen) w.starts_capital = first_letter_seen = true;
                i += len;
                continue;
            }
            if (dateline_is_curly_apostrophe(s, i)) {
                i += 3;
                continue;
            }
            return none;
        case dateline_byte_stop:
            break;
        default:
            return none;  // digits, quotes, other punctuation
        }
        break;
    }
    if (w.letters == 0) return none;
    w.end = i;
    return w;
}

/// A date: [begin, end), month and day (day 1..31).
struct dateline_date {
    std::size_t begin = 0;
    std::size_t end = 0;
    int month = 0;
    int day = 0;
    int year = 0;  // when written: "17 January 2008"
    bool found() const noexcept { return end > begin; }
};

/// Does white space and then a '/' follow `p` ("3. /TASS/.")?
inline bool dateline_slash_tag_follows(std::string_view s, std::size_t p) noexcept {
    std::size_t gap = 0;
    while (std::size_t n = space_len(s, p)) { p += n; ++gap; }
    return gap > 0 && p + 1 < s.size() && s[p] == '/' && s[p + 1] != '/';
}

/// A day number at `p`: 1-2 digits, 1..31, with an optional "st"/"nd"/"rd"/"th"; returns
/// the end offset (0 when there is none). The day must end at a word boundary.
inline std::size_t dateline_scan_day(std::string_view s, std::size_t p, int& day) noexcept {
    if (p >= s.size() || !is_digit(s[p])) return 0;
    std::size_t i = p + 1;
    int value = s[p] - '0';
    if (i < s.size() && is_digit(s[i])) {
        value = value * 10 + (s[i] - '0');
        ++i;
        if (i < s.size() && is_digit(s[i])) return 0;  // three digits: no day
    }
    if (value < 1 || value > 31) return 0;
    if (i + 1 < s.size() && is_alpha(s[i]) && is_alpha(s[i + 1])) {
        std::string_view suffix = s.substr(i, 2);
        if (iequals(suffix, "st") || iequals(suffix, "nd") || iequals(suffix, "rd") ||
            iequals(suffix, "th"))
            i += 2;
    }
    // TASS closes the date with a full stop before its tag: "December 3. /TASS/."
    const bool tass_stop = i < s.size() && s[i] == '.' && dateline_slash_tag_follows(s, i + 1);
    if (!tass_stop && i < s.size() && (is_alnum(s[i]) || s[i] == '.' || s[i] == '/')) return 0;
    day = value;
    return i;
}

/// A four-digit year (1800-2199) at `p`; returns its end or 0, and the year in `year`.
inline std::size_t dateline_scan_year(std::string_view s, std::size_t p, int& year) noexcept {
    if (p + 4 > s.size()) return 0;
    int value = 0;
    for (std::size_t k = p; k < p + 4; ++k) {
        if (!is_digit(s[k])) return 0;
        value = value * 10 + (s[k] - '0');
    }
    if (p + 4 < s.size() && (is_alnum(s[p + 4]) || s[p + 4] == '.')) return 0;
    if (value < 1800 || value > 2199) return 0;
    year = value;
    return p + 4;
}

/// The end of a month word at `p` ("Nov", "Nov.", "août"), or p when there is none. Its
/// letters (ASCII or UTF-8) are read only as far as the longest month name.
inline std::size_t dateline_scan_month_word(std::string_view s, std::size_t p, int& month) noexcept {
    // The first three bytes name the family of month names the word may be: for most words,
    // none.
    const int family = dateline_month_family(dateline_folded_key_at(s, p));
    if (family == 0) return p;
    std::size_t i = p;
    const std::size_t limit = p + dateline_month_max_len;
    while (i < s.size() && i <= limit) {
        if (is_alpha(s[i])) { ++i; continue; }
        if (!is_high(s[i])) break;
        if (std::size_t n = dateline_utf8_letter_len(s, i)) { i += n; continue; }
        break;
    }
    if (i > limit) return p;  // longer than any month name
    const std::size_t letters_end = i;
    if (i < s.size() && s[i] == '.') ++i;
    if (i < s.size() && s[i] != ' ' && s[i] != ',' && !space_len(s, i)) return p;
    month = dateline_month_in_family(dateline_slice(s, p, letters_end), family);
    return month ? i : p;
}

/// A date starting at `p`: "Nov 19", "Nov. 19, 2008", "19 November", "17 January 2008".
inline dateline_date dateline_scan_date(std::string_view s, std::size_t p) noexcept {
    dateline_date d;
    if (p >= s.size()) return d;
    if (is_digit(s[p])) {  // day first
        std::size_t i = dateline_scan_day(s, p, d.day);
        if (i == 0 && p + 2 < s.size()) {  // German "3. März"
            std::size_t k = p;
            while (k < s.size() && is_digit(s[k]) && k - p < 3) ++k;
            if (k < s.size() && s[k] == '.' && space_len(s, k + 1)) {
                int value = 0;
                for (std::size_t j = p; j < k; ++j) value = value * 10 + (s[j] - '0');
                if (k - p <= 2 && value >= 1 && value <= 31) { d.day = value; i = k + 1; }
            }
        }
        if (i == 0 || !space_len(s, i)) return dateline_date{};
        std::size_t m = dateline_skip_space(s, i);
        std::size_t e = dateline_scan_month_word(s, m, d.month);
        if (e == m) return dateline_date{};
        int year = 0;
        std::size_t y = dateline_scan_year(s, dateline_skip_space(s, e), year);
        if (y && space_len(s, e)) {
            e = y;
            d.year = year;
        }
        d.begin = p;
        d.end = e;
        return d;
    }
    std::size_t e = dateline_scan_month_word(s, p, d.month);  // most place words stop here
    if (e == p || !dateline_space_at(s, e)) return dateline_date{};
    std::size_t day_at = dateline_skip_space(s, e);
    std::size_t end = dateline_scan_day(s, day_at, d.day);
    if (end == 0) return dateline_date{};
    // ", 2008" or " 2008" after the day belongs to the date.
    std::size_t after = end;
    if (after < s.size() && s[after] == ',') ++after;
    int year = 0;
    std::size_t y = dateline_scan_year(s, dateline_skip_space(s, after), year);
    if (y && (after > end || dateline_space_at(s, end))) {
        end = y;
        d.year = year;
    }
    d.begin = p;
    d.end = end;
    return d;
}

/// The last date tried, by its offset: the place words, the region groups and the date step
/// of one dateline ask about the same offsets ("SALVADOR, Feb 26 -": "Feb" twice), and a
/// date is read once.
struct dateline_date_memo {
    std::size_t at = static_cast<std::size_t>(-1);
    dateline_date date;

    const dateline_date& scan(std::string_view s, std::size_t p) noexcept {
        if (p != at) {
            date = dateline_scan_date(s, p);
            at = p;
        }
        return date;
    }
};

/// Words that open a paragraph as a label, never as a place: "EXCLUSIVE - ...",
/// "Note: ...", "By: ...".
inline bool dateline_is_kicker_word(std::string_view w) noexcept {
    static constexpr std::string_view kickers[] = {
        "Note",      "Notes",     "Update",     "Updated",  "Correction", "Corrected",
        "Exclusive", "Analysis",  "Factbox",    "Breaking", "Warning",    "Refile",
        "Repeat",    "Photo",     "Photos",     "Video",    "Watch",      "Read",
        "Related",   "Source",    "Sources",    "Caption",  "Credit",     "Summary",
        "Background", "Opinion",  "Comment",    "Editorial", "Column",    "Insight",
        "Interview", "Feature",   "Graphic",    "Graphics", "Advertisement", "Disclaimer",
        "By",        "Posted",    "Published",  "Date",     "Tags",       "Topics",
        "Transcript", "Listen",   "Share",      "Q&A",      "Wrapup",     "Preview",
        "Review",    "Explainer", "Timeline",   "Quote",    "Quotes",     "Text",
        "Editor",    "Editors",   "Reporting",  "Writing",  "Editing",    "More",
        "RPT",       "Urgent",    "Flash",      "Bulletin", "Advisory",   "Alert",
        "File",      "Image",     "Images",     "Pictured", "Illustration", "Photograph"};
    if (!w.empty() && w.back() == '.') w.remove_suffix(1);
    for (std::string_view k : kickers)
        if (iequals(w, k)) return true;
    return false;
}

/// Scan place or region words from `p`, stopping before a date, before a word that is not
/// place-like, or after a word that punctuation ends (',', '(', ':' or a dash follows).
inline dateline_words dateline_scan_words(std::string_view s, std::size_t p, int max_words,
                                          dateline_date_memo& dates) noexcept {
    dateline_words ws;
    ws.begin = ws.end = p;
    std::size_t q = p;
    while (ws.count < max_words && q < s.size()) {
        if (dates.scan(s, q).found()) break;
        dateline_word w = dateline_scan_word(s, q);
        if (w.letters == 0) break;  // not a place word (its end is p)
        if (ws.count == 0) ws.first_capital = w.starts_capital;
        bool connector = ws.count > 0 && w.starts_lower && w.letters <= 3;
        if (!w.starts_capital && !connector) ws.capitalised = false;
        if (w.has_lower) ws.all_caps = false;
        ws.letters += w.letters;
        ws.last_word = q;
        ++ws.count;
        ws.end = w.end;
        std::size_t next = dateline_skip_space(s, w.end);
        if (next >= s.size()) break;
        char c = s[next];
        if (c == ',' || c == '(' || c == ':' || dash_len(s, next)) break;
        q = next;
    }
    return ws;
}

/// An agency tag at `p`: "(Reuters)", "(AP)", "(Korea Bizwire)", or TASS's "/TASS/" when
/// `close` is '/' (the opening byte is at `p`). Returns the offset after the closing byte and
/// sets `inner`, or 0. Not a tag: more than 4 words, digits, ':' ("(Note: ...)"), a ticker
/// "(IBM.N)", a lower-case phrase "(in millions)".
inline std::size_t dateline_scan_tag(std::string_view s, std::size_t p, std::string_view& inner,
                                     char close = ')') noexcept {
    constexpr std::size_t max_len = 48;
    if (p >= s.size() || s[p] != (close == ')' ? '(' : close)) return 0;
    std::size_t i = p + 1;
    int words = 0;
    int run = 0;  // letters in the current run, to tell "A.P." from "IBM.N"
    bool in_word = false;
    bool first_upper = false;
    bool first_seen = false;
    while (i < s.size() && s[i] != close) {
        if (i - p > max_len) return 0;
        char c = s[i];
        if (std::size_t n = space_len(s, i)) {
            in_word = false;
            run = 0;
            i += n;
            continue;
        }
        if (!in_word) {
            ++words;
            in_word = true;
            // Every word of a longer tag is capitalised: "(Korea Bizwire)", not "(Updates with
            // details)".
            if (words > 1 && is_lower(c)) return 0;
        }
        if (is_alpha(c)) {
            if (!first_seen) { first_upper = is_upper(c); first_seen = true; }
            ++run;
            ++i;
            continue;
        }
        if (std::size_t n = dateline_utf8_letter_len(s, i)) {
            if (!first_seen) { first_upper = true; first_seen = true; }
            ++run;
            i += n;
            continue;
        }
        if (c == '.') {
            if (run >= 2 && i + 1 < s.size() && is_alpha(s[i + 1])) return 0;  // "IBM.N"
            run = 0;
            ++i;
            continue;
        }
        if (c == '-' || c == '&' || c == '\'') { run = 0; ++i; continue; }
        return 0;
    }
    if (i >= s.size() || words == 0 || words > 4 || !first_seen) return 0;
    std::string_view content = trim(dateline_slice(s, p + 1, i));
    // A lower-case tag is one short agency word ("dpa"), not "(in millions)" or "(cont.)".
    if (!first_upper && (words > 1 || content.size() > 5 || !has_lower(content) ||
                         content.find('.') != std::string_view::npos))
        return 0;
    inner = content;
    return i + 1;
}

/// The longest name of `agencies` that stands at `p` as whole words; returns its end or 0.
inline std::size_t dateline_scan_agency_word(std::string_view s, std::size_t p,
                                             const word_list& agencies) noexcept {
    std::size_t best = 0;
    for (std::string_view a : agencies) {
        if (a.empty() || p > s.size() || s.size() - p < a.size()) continue;
        if (!iequals(dateline_slice(s, p, p + a.size()), a)) continue;
        std::size_t e = p + a.size();
        if (e < s.size() && (is_alnum(s[e]) || is_high(s[e]))) continue;
        if (e > best) best = e;
    }
    return best;
}

/// Does the text at `p` read like the start of a sentence, not a table or a heading? It
/// starts with a capital, a UTF-8 letter or an opening quote, and its first or second word
/// has a lower-case letter: "Japan is ...", "U.S. officials ...", "A federal judge ...";
/// not "1550 tonnes ...", "NO COMPARISON ...", "UMUARAMA NIL, ...".
inline bool dateline_lead_is_prose(std::string_view s, std::size_t p) noexcept {
    if (p >= s.size()) return false;
    char c = s[p];
    bool opening = is_upper(c) || c == '"' || c == '\'' || dateline_utf8_letter_len(s, p) > 0 ||
                   (p + 2 < s.size() && s[p] == '\xE2' && s[p + 1] == '\x80' &&
                    (s[p + 2] == '\x9C' || s[p + 2] == '\x98'));  // “ ‘
    if (!opening) return false;
    // The first word (as next_word reads it); a lower-case letter in it settles the question.
    std::size_t i = dateline_skip_space(s, p);
    const std::size_t first_begin = i;
    while (i < s.size()) {
        const char ch = s[i];
        if (is_lower(ch)) return true;
        if (!is_plain_word_byte(ch) && space_len(s, i)) break;
        ++i;
    }
    word second = next_word(s, i);
    return i - first_begin <= 5 && has_lower(second.text);
}

/// Does the second word from `p` contain a letter? ("The planned", not "Feed  4,500")
inline bool dateline_second_word_has_letter(std::string_view s, std::size_t p) noexcept {
    word first = next_word(s, p);
    word second = next_word(s, first.begin + first.text.size());
    for (char c : second.text)
        if (is_alpha(c) || is_high(c)) return true;
    return false;
}

/// Is the white space between a dashless dateline and its lead a plain word gap (one or two
/// spaces on the same line), as in "TOKYO Feb 8 Japan ...", not a table's column gap?
inline bool dateline_plain_gap(std::string_view s, std::size_t from, std::size_t to) noexcept {
    if (to <= from || to - from > 2) return false;
    for (std::size_t i = from; i < to; ++i)
        if (s[i] == '\n' || s[i] == '\r') return false;
    return true;
}

/// Words that end an organisation's name, never a place: "Gould Inc (GLD) -".
inline bool dateline_is_company_word(std::string_view w) noexcept {
    static constexpr std::string_view words[] = {
        "Inc",       "Corp",      "Co",        "Ltd",      "Plc",        "LLC",
        "LP",        "AG",        "SA",        "NV",       "BV",         "GmbH",
        "Group",     "Holdings",  "Bank",      "Securities", "Partners", "Institute",
        "Association", "Company", "Corporation", "Trust",  "Fund",       "Party",
        "Council",   "Ministry",  "Agency",    "Committee", "Commission", "Union"};
    if (!w.empty() && w.back() == '.') w.remove_suffix(1);
    for (std::string_view k : words)
        if (iequals(w, k)) return true;
    return false;
}

/// Push the locations of `places` (split on '/') into `out`; the last one runs to
/// `last_end`, so a region stays with its place: "BOISE, Idaho".
inline void dateline_push_locations(std::string_view s, const dateline_words& places,
                                    std::size_t last_end, dateline_view& out) {
    std::size_t piece = places.begin;
    // A region qualifies one place, so "DALLAS/FORT WORTH, Texas" is one location.
    const bool split = last_end == places.end;
    for (std::size_t i = places.begin; split && i < places.end; ++i) {
        if (s[i] != '/') continue;
        std::string_view loc = trim(dateline_slice(s, piece, i));
        if (!loc.empty()) out.locations.push_back(loc);
        piece = i + 1;
    }
    std::string_view last = trim(dateline_slice(s, piece, last_end));
    if (!last.empty()) out.locations.push_back(last);
}

inline void dateline_clear(dateline_view& out) noexcept {
    out.text = {};
    out.locations.clear();
    out.date.reset();
    out.month = 0;
    out.day = 0;
    out.year = 0;
    out.agency.reset();
}

//--- datelines without a mark: "Lucknow As opposition grows ...", "Oldharbour, Stocks are ..." ---//

/// Capitalised words that open an English sentence and never name a place: articles,
/// pronouns, prepositions, conjunctions, sentence adverbs, days. A place written with no
/// mark at all ends where one of them starts the sentence; none of them is a place.
inline bool dateline_is_opener_word(std::string_view w) noexcept {
    static constexpr std::string_view words[] = {
        "The",      "A",         "An",        "As",        "In",        "On",
        "At",       "After",     "Before",    "While",     "When",      "With",
        "Amid",     "Despite",   "For",       "If",        "It",        "He",
        "She",      "They",      "We",        "I",         "You",       "This",
        "That",     "These",     "Those",     "There",     "Here",      "But",
        "And",      "Or",        "So",        "Yet",       "Still",     "However",
        "Meanwhile", "Also",     "Now",       "Then",      "Today",     "Yesterday",
        "Tomorrow", "Earlier",   "Later",     "Separately", "Instead",  "Overall",
        "Indeed",   "Thus",      "Since",     "Until",     "Though",    "Although",
        "Because",  "Once",      "Under",     "Over",      "From",      "To",
        "By",       "Of",        "Its",       "His",       "Her",       "Their",
        "Our",      "My",        "Your",      "What",      "Who",       "Why",
        "How",      "Where",     "Which",     "Not",       "No",        "Some",
        "Many",     "Most",      "All",       "Both",      "Each",      "Every",
        "Several",  "Few",       "Other",     "Another",   "Such",      "Only",
        "Even",     "Just",      "Following", "According", "Among",     "During",
        "Including", "Without",  "Against",   "Around",    "About",     "Across",
        "Monday",   "Tuesday",   "Wednesday", "Thursday",  "Friday",    "Saturday",
        "Sunday",   "Mr",        "Mrs",       "Ms",        "Dr"};
    if (!w.empty() && w.back() == '.') w.remove_suffix(1);
    for (std::string_view k : words)
        if (w == k) return true;
    return false;
}

/// Lower-case words that tie a capitalised word to what follows ("President of", "Smith
/// and"), so that word is no sentence's subject.
inline bool dateline_is_linking_word(std::string_view w) noexcept {
    static constexpr std::string_view words[] = {"of", "for", "and", "or", "nor", "at", "in",
                                                 "on", "to", "with", "from", "by", "the", "a",
                                                 "an", "as", "but", "de", "du", "la", "von"};
    for (std::string_view k : words)
        if (w == k) return true;
    return false;
}

/// A dateline that no tag, date, dash or colon marks: one to three capitalised words that
/// name a place, then the lead, which opens with a capitalised sentence opener ("Lucknow As
/// opposition grows") or follows a comma ("Oldharbour, Stocks are slipping"); either way
/// its next word is lower case, as prose runs on. Returns the lead's offset, or 0.
inline std::size_t dateline_unmarked(std::string_view text, std::size_t start,
                                     dateline_words& place) noexcept {
    place = dateline_words{};
    place.begin = start;
    std::size_t p = start;
    bool last_connector = false;  // "Rio de" is no place yet
    for (;;) {
        if (p >= text.size()) return 0;
        dateline_word w = dateline_scan_word(text, p);
        if (w.letters == 0) return 0;
        const std::string_view word_text = dateline_slice(text, p, w.end);
        const bool connector = place.count > 0 && w.starts_lower && w.letters <= 3;
        if (place.count > 0 && w.starts_capital && dateline_is_opener_word(word_text)) {
            // "Lucknow As opposition": the sentence starts here; its next word is prose.
            word after = next_word(text, w.end);
            if (after.text.empty() || !is_lower(after.text.front()) ||
                !dateline_plain_gap(text, w.end, after.begin))
                return 0;
            break;
        }
        if (!(w.starts_capital || connector) || w.letters < 1 || place.count == 3 ||
            dateline_is_opener_word(word_text) || dateline_is_kicker_word(word_text) ||
            dateline_is_company_word(word_text) || dateline_month(word_text) != 0)
            return 0;
        if (w.has_lower) place.all_caps = false;
        last_connector = connector;
        place.letters += w.letters;
        place.last_word = p;
        place.end = w.end;
        ++place.count;
        if (w.end < text.size() && text[w.end] == ',') {
            // "Oldharbour, Stocks are slipping": a capitalised word then a lower-case one
            // that does not tie it to more ("Aldo Verr, President of ..." is no dateline).
            word subject = next_word(text, w.end + 1);
            if (subject.text.empty() || !is_upper(subject.text.front()) ||
                !dateline_plain_gap(text, w.end + 1, subject.begin))
                return 0;
            dateline_word sw = dateline_scan_word(text, subject.begin);
            if (sw.end != subject.begin + subject.text.size()) return 0;  // "Ohio," "U.S.-based"
            word verb = next_word(text, sw.end);
            if (verb.text.empty() || !is_lower(verb.text.front()) ||
                !dateline_plain_gap(text, sw.end, verb.begin) ||
                dateline_is_linking_word(verb.text))
                return 0;
            p = subject.begin;
            break;
        }
        const std::size_t next = dateline_skip_space(text, w.end);
        if (!dateline_plain_gap(text, w.end, next)) return 0;
        p = next;
    }
    // Capitals with no mark are an acronym opening a sentence ("NATO The alliance"), and an
    // agency's name is a credit line, not a place.
    if (place.letters < 3 || last_connector || place.all_caps) return 0;
    return p;
}

//--- the parser ---//

/// Is `name` wholly an agency this style or any built-in one knows ("AP", "Bloomberg")?
inline bool dateline_is_known_agency(std::string_view name, const style_desc& style) noexcept {
    constexpr style_desc known = describe<base_style>();
    return dateline_scan_agency_word(name, 0, style.agencies) == name.size() ||
           dateline_scan_agency_word(name, 0, known.agencies) == name.size();
}

/// Is a tag that stands where the agency goes a place instead: "(HONOLULU) -- Twice now"?
/// Capitals, four letters or more, and no agency this style or any built-in one knows.
inline bool dateline_tag_is_place(std::string_view tag, const style_desc& style) noexcept {
    if (has_lower(tag)) return false;
    int letters = 0;
    for (char c : tag) letters += is_alpha(c) ? 1 : 0;
    if (letters < 4) return false;  // "(RNS)", "(FH)": agencies' initials
    return !dateline_is_known_agency(tag, style);
}

/// A dateline that a tag, date, dash or colon marks (the grammar at the top of this file).
inline std::size_t dateline_marked(std::string_view text, std::size_t start, dateline_view& out,
                                   const style_desc& style, const sink& diags) {
    // 1. Places, then up to two ", region" groups.
    dateline_date_memo dates;
    dateline_words places = dateline_scan_words(text, start, 6, dates);
    bool region_capitalised = true;   // "Calif.", "South Dakota"; not "the Netherlands"
    std::size_t location_end = places.end;
    std::size_t q = places.count ? places.end : start;
    bool comma_before_date = false;
    if (places.count) {
        // ANI's region in brackets: "New Delhi [India], Dec 3 (ANI):".
        std::size_t b = dateline_skip_space(text, q);
        if (b < text.size() && text[b] == '[') {
            dateline_words r = dateline_scan_words(text, b + 1, 4, dates);
            std::size_t close = dateline_skip_space(text, r.end);
            if (r.count && r.capitalised && r.first_capital && close < text.size() &&
                text[close] == ']') {
                location_end = close + 1;
                q = close + 1;
            }
        }
        for (int groups = 0; groups < 2; ++groups) {
            std::size_t t = dateline_skip_space(text, q);
            if (t >= text.size() || text[t] != ',') break;
            std::size_t u = dateline_skip_space(text, t + 1);
            if (dates.scan(text, u).found()) {
                comma_before_date = true;
                q = t + 1;
                break;
            }
            dateline_words r = dateline_scan_words(text, u, 4, dates);
            if (r.count == 0) break;
            if (!r.capitalised || !r.first_capital) region_capitalised = false;
            location_end = r.end;
            q = r.end;
        }
    }

    // 2. The date.
    const dateline_date date = dates.scan(text, dateline_skip_space(text, q));
    if (date.found()) q = date.end;

    // 3. A tag or a bare agency word, then the dash or colon.
    std::size_t t = dateline_skip_space(text, q);
    bool trailing_comma = false;
    if (t < text.size() && text[t] == ',' && (date.found() || places.count)) {
        trailing_comma = true;  // "WASHINGTON, June 19, -", "MONTREAL, March 20, Reuter -"
        t = dateline_skip_space(text, t + 1);
    }
    std::string_view tag;
    std::size_t tag_end = 0;
    std::size_t agency_begin = 0;
    std::size_t agency_end = 0;
    std::size_t tag_begin = 0;
    if (t < text.size() && text[t] == '(') {
        tag_begin = t;
        tag_end = dateline_scan_tag(text, t, tag);
        if (tag_end == 0) {
            // "(Reuters -": a known agency whose ')' was lost, right before the dash.
            std::size_t a = dateline_skip_space(text, t + 1);
            std::size_t e = dateline_scan_agency_word(text, a, style.agencies);
            if (e && dash_len(text, dateline_skip_space(text, e))) {
                tag = dateline_slice(text, a, e);
                tag_end = e;
                diags.report(errc::unbalanced_parenthesis, "dateline tag without ')'",
                             text.data() + t);
            }
        }
        if (tag_end == 0) return 0;
        q = tag_end;
    } else if (date.found() && t < text.size() &&
               ((text[t] == '.' && dateline_slash_tag_follows(text, t + 1)) ||
                (text[t] == '/' && t > q))) {
        // TASS: "MOSCOW, December 3. /TASS/."; press wires: "Dec. 3, 2025 /PRNewswire/ --".
        if (text[t] == '.') t = dateline_skip_space(text, t + 1);
        tag_begin = t;
        tag_end = dateline_scan_tag(text, t, tag, '/');
        if (tag_end == 0) return 0;
        q = tag_end;
    } else if (trailing_comma) {
        agency_begin = t;
        agency_end = dateline_scan_agency_word(text, t, style.agencies);
        if (agency_end) q = agency_end;
    }
    if (trailing_comma && !tag_end && !agency_end) q = t;  // the comma is part of the dateline
    t = dateline_skip_space(text, q);
    std::size_t dash = dash_len(text, t);
    // "June 15-July 15", "10-year": a hyphen glued to both neighbours joins them.
    if (dash == 1 && t == q && t > 0 && text[t - 1] != ')' && t + 1 < text.size() &&
        !space_len(text, t + 1))
        dash = 0;
    // After a tag, other agencies' marks: EFE's ".-", TASS's ".", old AP's "_".
    if (!dash && tag_end && t < text.size()) {
        if (text[t] == '.') dash = 1 + dash_len(text, t + 1);
        else if (text[t] == '_' && (t + 1 == text.size() || space_len(text, t + 1))) dash = 1;
    }
    bool colon = !dash && t < text.size() && text[t] == ':';
    std::size_t end = q;                  // end of the dateline as written
    if (dash || colon) end = t + (dash ? dash : 1);
    std::size_t lead = dateline_skip_space(text, end);

    // 4. Does the shape confirm a dateline?
    const bool has_place = places.count > 0;
    const bool has_tag = tag_end > 0;
    const bool has_date = date.found();
    const bool has_agency_word = agency_end > 0;
    const bool ends_with_marker = dash || colon;
    // The place's shape: capitals, capitalised words, or (after a strong date) anything.
    const bool caps_place = has_place && places.all_caps;
    const bool named_place = has_place && places.first_capital && places.capitalised &&
                             places.count <= 4;
    const bool strong_date = has_date && comma_before_date && (dash || has_tag || has_agency_word);
    const std::string_view last_word = has_place ? dateline_slice(text, places.last_word, places.end)
                                                 : std::string_view{};
    // (Asked only where no tag or date confirms the dateline: a word list is slow to ask.)
    const auto kicker = [&] {
        return has_place && places.count <= 2 && dateline_is_kicker_word(last_word);
    };
    if (has_place && places.letters < 2) return 0;
    // "Gould Inc (GLD) -" is a company and its ticker; "RED BANK, N.J., March 11 -" a place.
    if (has_place && !has_date && location_end == places.end &&
        dateline_is_company_word(last_word))
        return 0;
    if (trailing_comma && !ends_with_marker && !has_tag) return 0;  // "New York, Stocks ..."
    if (has_agency_word && !dash) return 0;
    // A lower-case region ("GRONINGEN, the Netherlands") only before a confirmed date.
    if (!region_capitalised && !strong_date) return 0;
    const bool prose = dateline_lead_is_prose(text, lead);
    const bool plain_gap = dateline_plain_gap(text, end, lead);
    // CNN's tag runs into the lead: "Hong Kong (CNN)Stocks fell", "(CNN)The ...".
    const bool glued_lead = has_tag && !ends_with_marker && text[tag_end - 1] == ')' &&
                            lead == tag_end && lead < text.size() && is_upper(text[lead]);

    bool accepted = false;
    if (has_tag) {
        if (dash || colon || glued_lead) {
            accepted = (!has_place || caps_place || named_place) &&
                       (has_date || caps_place || lead < text.size());
        } else {
            // "HUNTSVILLE, Ala. (RNS) A federal judge": a capitals place, an agency-like tag.
            const bool agency_like = !has_lower(tag) ||
                                     dateline_scan_agency_word(tag, 0, style.agencies) == tag.size();
            // "Oldharbour, Dec 3 (PTI) The ...": a named place, its comma and a date do too.
            const bool dated_place = named_place && has_date && comma_before_date;
            accepted = (caps_place || dated_place || (!has_place && has_date)) && agency_like &&
                       prose && plain_gap;
        }
    } else if (has_date) {
        // A mixed-case place needs its comma: "Caracas, feb 26 -", not "On March 3 - ...".
        if (dash || has_agency_word)
            accepted = !has_place || caps_place || strong_date;
        else if (colon)
            accepted = (!has_place || caps_place || named_place) && prose;
        else  // "TOKYO Feb 8 Japan is ...", "Sept 30 Match results ..."
            accepted = (!has_place || caps_place) && !trailing_comma && prose && plain_gap;
    } else if (has_place && ends_with_marker && prose && !kicker()) {
        // "LONDON — Theresa ...", not "N.A. - Not available" or "COPPER - Quiet 75 tonnes".
        if (dash) accepted = caps_place && places.letters >= 3 &&
                             dateline_second_word_has_letter(text, lead);
        else accepted = (caps_place || (named_place && places.count <= 3)) &&
                        dateline_second_word_has_letter(text, lead);  // not "Usage: Feed  4,500"
    }
    if (!accepted) return 0;
    if (lead == 0) return 0;

    // "(HONOLULU) -- Twice now": the place in brackets, with no agency. Text glued to its
    // front ("A. Photographer/Getty Images(HONOLULU) --") is a photo credit that lost its
    // line end, not a place; it stays out of the lead and is reported.
    const bool glued_tag = has_place && has_tag && tag_begin == places.end;
    if (has_tag && !has_date && dash && (!has_place || glued_tag) &&
        dateline_tag_is_place(tag, style)) {
        if (glued_tag)
            diags.report(errc::dropped_junk, "dropped text glued before a bracketed dateline place",
                         text.data() + start);
        out.text = dateline_slice(text, tag_begin, end);
        out.locations.push_back(tag);
        return lead;
    }

    out.text = dateline_slice(text, start, end);
    if (has_place) dateline_push_locations(text, places, location_end, out);
    if (has_date) {
        out.date = dateline_slice(text, date.begin, date.end);
        out.month = date.month;
        out.day = date.day;
        out.year = date.year;
    }
    if (has_tag) out.agency = tag;
    else if (has_agency_word) out.agency = dateline_slice(text, agency_begin, agency_end);
    return lead;
}

//--- the classic wire's shape, read in one pass ---//

/// A word of the classic shape at `p`: ASCII letters with '.' and '-' inside ("ST.", "N.Y.",
/// "WINSTON-SALEM"), ending at a space or a comma; sets `end` and adds its letters. False
/// for anything else ("..", "--", digits, UTF-8, other punctuation): the general parse
/// reads those.
inline bool dateline_classic_word(std::string_view s, std::size_t p, std::size_t& end,
                                  int& letters) noexcept {
    if (p >= s.size() || !is_alpha(s[p])) return false;
    std::size_t i = p;
    while (i < s.size()) {
        const char c = s[i];
        if (is_alpha(c)) {
            ++letters;
            ++i;
            continue;
        }
        if (c != '.' && c != '-') break;
        if (i + 1 < s.size() && s[i + 1] == c) return false;  // "TANDIL..", "TOKYO--"
        ++i;
    }
    if (i >= s.size() || (s[i] != ' ' && s[i] != ',')) return false;
    end = i;
    return true;
}

/// Words of the classic shape from `p`, one space apart, up to `max_words`, none of them the
/// start of a date, the last one followed by a comma. Returns the end of the last word (at
/// its comma), or 0.
inline std::size_t dateline_classic_words(std::string_view s, std::size_t p, int max_words,
                                          int& letters) noexcept {
    for (int words = 1;; ++words) {
        std::size_t end = 0;
        if (!dateline_classic_word(s, p, end, letters)) return 0;
        if (dateline_month_family(dateline_folded_key_at(s, p)) != 0 &&
            dateline_scan_date(s, p).found())
            return 0;  // "MARCH 3" inside: the general parse decides
        if (s[end] == ',') return end;
        if (words == max_words) return 0;
        p = end + 1;  // after one space, the next word (checked above)
    }
}

/// The date at `p` as dateline_scan_date reads it, with its commonest form read here in
/// line: a month word of ASCII letters (and its '.'), one space, a day of one or two digits,
/// one space and no year ("Feb 26 -", "Sept. 3 -"). Other forms go to dateline_scan_date.
inline dateline_date dateline_classic_date(std::string_view s, std::size_t p) noexcept {
    if (p >= s.size()) return dateline_date{};
    const int family = dateline_month_family(dateline_folded_key_at(s, p));
    if (family == 0) {
        if (!is_digit(s[p])) return dateline_date{};  // no month word: no date
        return dateline_scan_date(s, p);              // "26 Feb"
    }
    std::size_t i = p;
    while (i < s.size() && is_alpha(s[i])) ++i;
    const std::size_t letters_end = i;
    if (i < s.size() && s[i] == '.') ++i;
    if (i + 3 < s.size() && s[i] == ' ' && is_digit(s[i + 1])) {
        int day = s[i + 1] - '0';
        std::size_t e = i + 2;
        if (is_digit(s[e])) day = day * 10 + (s[e++] - '0');
        // The byte after the space is no digit (a year) and no more white space.
        if (e + 1 < s.size() && s[e] == ' ' && is_plain_word_byte(s[e + 1]) &&
            !is_digit(s[e + 1]) && day >= 1 && day <= 31) {
            const int month = dateline_month_in_family(dateline_slice(s, p, letters_end), family);
            if (month != 0) return dateline_date{p, e, month, day, 0};
        }
    }
    return dateline_scan_date(s, p);
}

/// The classic wire's dateline, nine in ten of Reuters-21578's: a place, at most one
/// region, the date, a spaced dash: "SALVADOR, Feb 26 -", "PORTLAND, Ore., Feb 26 -",
/// "LOS ANGELES, March 2 --". Where this shape holds, dateline_marked reads the same (a
/// date after the place's comma and a dash confirm any place), so this fills `out` as it
/// would and returns the lead's offset; 0 when the shape does not hold, and then
/// dateline_marked decides.
inline std::size_t dateline_classic(std::string_view text, std::size_t start,
                                    dateline_view& out) {
    int letters = 0;
    const std::size_t place_end = dateline_classic_words(text, start, 6, letters);
    if (place_end == 0 || letters < 2) return 0;
    std::size_t location_end = place_end;
    std::size_t u = place_end + 1;  // after ", "
    if (u >= text.size() || text[u] != ' ') return 0;
    ++u;
    dateline_date date = dateline_classic_date(text, u);
    if (!date.found()) {
        // One region ("Ore.", "N.Y.", "British Columbia"), its comma, then the date.
        int region_letters = 0;
        location_end = dateline_classic_words(text, u, 4, region_letters);
        if (location_end == 0) return 0;
        u = location_end + 1;
        if (u >= text.size() || text[u] != ' ') return 0;
        ++u;
        date = dateline_classic_date(text, u);
        if (!date.found()) return 0;
    }
    // " -", " --" or a spaced Unicode dash after the date.
    const std::size_t t = date.end + 1;
    if (t >= text.size() || text[date.end] != ' ') return 0;
    const std::size_t dash = dash_len(text, t);
    if (dash == 0) return 0;
    const std::size_t end = t + dash;
    out.text = dateline_slice(text, start, end);
    out.locations.push_back(dateline_slice(text, start, location_end));
    out.date = dateline_slice(text, date.begin, date.end);
    out.month = date.month;
    out.day = date.day;
    out.year = date.year;
    return dateline_skip_space(text, end);
}

inline std::size_t parse_dateline(std::string_view text, dateline_view& out,
                                  const style_desc& style, const sink& diags) {
    dateline_clear(out);
    std::size_t start = dateline_skip_space(text, 0);
    // The 1987 wire flags some stories with "****" before the dateline; not part of it.
    while (start < text.size() && text[start] == '*') ++start;
    start = dateline_skip_space(text, start);
    if (start >= text.size()) return 0;
    if (std::size_t lead = dateline_classic(text, start, out)) return lead;
    if (std::size_t lead = dateline_marked(text, start, out, style, diags)) return lead;
    dateline_clear(out);

    dateline_words place;
    std::size_t lead = dateline_unmarked(text, start, place);
    if (lead == 0 || !dateline_lead_is_prose(text, lead)) return 0;
    const std::string_view place_text = dateline_slice(text, start, place.end);
    if (dateline_is_known_agency(place_text, style)) return 0;
    out.text = place_text;
    dateline_push_locations(text, place, place.end, out);
    return lead;
}

} // namespace detail

template <class Style>
std::optional<dateline_view> parse_dateline(std::string_view paragraph) {
    dateline_view out;
    if (detail::parse_dateline(paragraph, out, detail::describe<Style>(), detail::sink{}) == 0)
        return std::nullopt;
    return out;
}

} // namespace wirestory

#endif
