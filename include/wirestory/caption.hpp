// wirestory: photo captions. "<description> REUTERS/Name/Pool", "(AP Photo/Name, File)".
//
// A caption is a description followed by a photo credit; web copy may add junk after the
// credit and even glue the story's dateline to it. The grammar, informally:
//
//   caption     := [counter] [text-label] description credit tail
//   counter     := "[" digits "/" digits "]"          gallery position "[1/4]", dropped
//   text-label  := "Photo:" | "IMAGE:" | ...          dropped from the description
//   credit      := "(" [label] body ")"               "(AP Photo/Name, File)", "(Reuters)"
//                | label body                         "Photo: Name, STF / Associated Press"
//                | agency " PHOTO:" body              "XINHUA PHOTO: NAME"
//                | body                               "REUTERS/Name/Pool", "Name/Pool via REUTERS"
//   label       := "Credit:" | "Image credit:" | "Photograph:" | "Photographer:" | "Photo:"
//                | "Image:" | ...                     not part of the credit ("...BezimenneImage:"
//                                                     glued to the description is fine)
//   body        := piece { sep piece }
//   sep         := "/" | "," | " - " before an agency ("AFP - Getty Images")
//                | ":" after "<agency> PHOTO"
//   piece       := agency ["Photo"]                   "REUTERS", "AP Photo", "PTI Photo"
//                | [piece-words] "via" agency         "Pool via REUTERS", "via REUTERS"
//                | qualifier                          "Pool", "File Photo", "Handout", "STF", ...
//                | "Courtesy" organisation            -> provider
//                | "Photo by" name                    -> photographer
//                | name | organisation               photographer or provider (see below)
//   tail        := { junk } [dateline] end            junk: "Purchase Licensing Rights, opens new
//                                                     tab", "ATTENTION EDITORS - ...", "© Provided
//                                                     by ..."; dateline: "PORT ELLIS, June 11
//                                                     (Reuters) -", "Nov 12 (Reuters) -"
//
// A body needs an agency: a name from the style's agencies and affiliations or a photo agency
// ("Getty Images", "EPA"). The distributor (`agency`) is the "via" target, else a leading
// agency piece, else a trailing one; any other agency piece is a provider ("AFP" in
// "Name/AFP/Getty Images"). Of the other pieces, qualifiers are a fixed list; a piece with an
// organisation word, a digit, "of"/"and", or a single word, or one right before "Handout",
// is a provider; the first person-like piece is the photographer and later ones providers
// ("Name/Ritzau Scanpix/via REUTERS").
//
// Where the credit starts: a bare body (no parenthesis, no label) starts at its first "/" or
// "via" and extends back over capitalised words until a sentence end ("2025. REUTERS/...",
// "hundred Action Images via Reuters/...").
//
// Place and date come from the description, the Reuters way:
//   "... in Paris, France, November 17, 2025."     -> "Paris, France", 2025-11-17
//   "... on December 28, 2017 in Moscow, Russia."   (Getty: place after the date)
//   "... near Azaz, Syria."                          (no date: only an "in/near/at Place." tail)
// Dates: "November 17, 2025", "Nov. 17, 2025", "March, 24, 2015", "17 November 2025",
// "13 septembre 2024"; a month without a day ("July, 2015") is no date.
//
// Scanning is one left-to-right pass; every attempt at a credit looks at a bounded number of
// bytes around its anchor, so the whole parse is linear in the paragraph. Attempts are made
// only where one can succeed ('(', '/', "via", and near a ':' for labels and "<AGENCY> PHOTO:"),
// found sixteen bytes at a time, so body paragraphs are rejected at close to memchr speed
// (see "where attempts can succeed" below).
#ifndef WIRESTORY_CAPTION_HPP
#define WIRESTORY_CAPTION_HPP

#include <algorithm>    // std::min, std::max
#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint32_t
#include <cstring>      // std::memchr, std::memcpy
#include <optional>     // no caption
#include <string_view>  // input

#include "article.hpp"
#include "style.hpp"
#include "detail/text.hpp"

#include "detail/simd.hpp"  // the fast scan: sixteen bytes at a time

namespace wirestory {

/// Parse a caption paragraph (a description ending with a photo credit). Views point into
/// `paragraph`. Empty when the paragraph carries no photo credit.
template <class Style = default_style>
std::optional<caption_view> parse_caption(std::string_view paragraph);

namespace detail {
/// Parse a caption at the start of `text`; fill `out` (vectors cleared, capacity kept) and
/// return how many bytes of `text` belong to it (web junk right after the credit, such as
/// "Purchase Licensing Rights, opens new tab", included), or 0 when `text` is no caption.
/// What follows (a dateline glued to the credit) is left to the caller.
std::size_t parse_caption(std::string_view text, caption_view& out, const style_desc& style,
                          const sink& diags);
} // namespace detail

//=== implementation ===//

namespace detail {

//--- limits that keep every credit attempt bounded ---//

inline constexpr std::size_t caption_max_pieces = 16;         // "/"-separated parts of a credit
inline constexpr std::size_t caption_max_piece_words = 16;    // "Press Service of the ... Forces"
inline constexpr std::size_t caption_max_credit_bytes = 400;
inline constexpr std::size_t caption_max_credit_words = 48;
inline constexpr std::size_t caption_max_back_words = 10;     // "Courtesy U.S. Customs and ..."
inline constexpr std::size_t caption_max_back_bytes = 160;
inline constexpr std::size_t caption_max_paren_bytes = 250;
inline constexpr std::size_t caption_dateline_lookahead = 100;

//--- word lists ---//

/// Photo agencies besides the style's own agencies and affiliations.
inline constexpr std::string_view caption_photo_agencies[] = {
    "Getty Images", "Getty", "EPA-EFE", "EPA", "AAP", "The Associated Press", "Associated Press",
    "AP", "AFP", "Reuters"};

/// Credit pieces that qualify the picture rather than name who took it, compared ignoring case.
inline constexpr std::string_view caption_qualifiers[] = {
    "Pool",   "File Photo", "File",     "Files", "Handout", "Illustration", "Photo Illustration",
    "Livepic", "Stringer",  "STF",      "Staff", "File Picture", "Handout Photo"};

/// Lower-case words allowed inside a credit: name particles, organisation glue, qualifiers.
inline constexpr std::string_view caption_credit_lower_words[] = {
    "of", "the", "and", "for", "de", "da", "del", "della", "der", "den", "des", "di", "do", "dos",
    "das", "du", "el", "al", "la", "le", "van", "von", "bin", "ibn", "y", "e", "via", "by",
    "stringer", "file", "files", "photo", "pool", "handout", "illustration", "staff"};

/// Lower-case particles that may stand inside a person's name ("Rupak de Chowdhuri").
inline constexpr std::string_view caption_name_particles[] = {
    "de", "da", "del", "della", "der", "den", "des", "di", "do", "dos", "das", "du",
    "el", "al", "la", "le", "van", "von", "bin", "ibn", "y", "e"};

/// Words that make a credit piece an organisation, compared ignoring case.
inline constexpr std::string_view caption_org_words[] = {
    "of", "the", "and", "for", "&", "Army", "Command", "Service", "Services", "Ministry",
    "Office", "Press", "Agency", "Police", "Department", "Forces", "Force", "Government",
    "Images", "News", "TV", "Television", "Media", "Council", "Institute", "University",
    "Protection", "Navy", "Corps", "Authority", "Committee", "Presidency", "Foundation",
    "Company", "Group", "Centre", "Center", "Administration", "Network", "Guard", "Brigade",
    "Embassy", "Party", "Federation", "Association", "Bureau", "Society", "Photo", "Photos",
    "Pictures", "Archive", "Archives", "Museum", "Handout", "Inc", "Inc.", "Ltd", "Ltd."};

/// Labels before a credit, not part of it.
inline constexpr std::string_view caption_credit_labels[] = {
    "Image credit:", "Photo credit:", "Picture credit:", "Credit:", "Photograph:",
    "Photographer:", "Photos:", "Photo:", "Image:", "Picture:"};

/// Labels at the start of a description, dropped from its text.
inline constexpr std::string_view caption_text_labels[] = {"Photo:", "Photos:", "Image:",
                                                           "Picture:", "Caption:"};

/// Abbreviations whose period ends no sentence ("St. Louis", "Mr. Smith", "Feb. 27").
inline constexpr std::string_view caption_abbreviations[] = {
    "Mr.", "Mrs.", "Ms.", "Dr.", "St.", "Mt.", "Ft.", "Jr.", "Sr.", "Gen.", "Lt.", "Col.",
    "Sgt.", "Capt.", "Gov.", "Sen.", "Rep.", "Prof.", "Rev.", "No.", "Co.", "Corp.", "Inc.",
    "Ltd.", "vs.", "Ave.", "Blvd."};

/// Prepositions that introduce the place in a description.
inline constexpr std::string_view caption_place_prepositions[] = {"in", "near", "at", "\xC3\xA0"};

/// Lower-case words allowed inside a place ("Haltern am See", "Zaporizhzhia region").
inline constexpr std::string_view caption_place_lower_words[] = {
    "am", "an", "de", "del", "der", "des", "di", "du", "da", "do", "dos", "el", "al", "of",
    "upon", "sur", "region", "province", "district", "state", "county", "governorate",
    "oblast", "city", "area", "village", "town", "township", "prefecture"};

inline constexpr std::string_view caption_weekdays[] = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};

/// French month names, for captions of French-language copy ("le 13 septembre 2024").
inline constexpr std::string_view caption_french_months[] = {
    "janvier", "f\xC3\xA9vrier", "mars",    "avril",    "mai",      "juin",
    "juillet", "ao\xC3\xBBt",    "septembre", "octobre", "novembre", "d\xC3\xA9" "cembre"};

//--- small helpers ---//

inline bool caption_in_list(std::string_view w, const std::string_view* first,
                            const std::string_view* last) noexcept {
    for (; first != last; ++first)
        if (iequals(w, *first)) return true;
    return false;
}
template <std::size_t N>
bool caption_in_list(std::string_view w, const std::string_view (&list)[N]) noexcept {
    return caption_in_list(w, list, list + N);
}

/// Is `w` in the constant word list `List` (ignoring case)? Same as caption_in_list, with the
/// list's gate (word_list_gate, detail/text.hpp) first. No list holds an empty word.
template <const auto& List>
bool caption_in(std::string_view w) noexcept {
    static_assert(no_empty_word(List), "the gate turns empty words away");
    return word_list_gate_of<List>.admits(w) && caption_in_list(w, List);
}

/// next_word (detail/text.hpp) with a fast path for printable ASCII, which is never white
/// space; same result. (Belongs in text.hpp.)
constexpr word caption_next_word(std::string_view s, std::size_t pos) noexcept {
    while (std::size_t n = space_len(s, pos)) pos += n;
    const std::size_t b = pos;
    while (pos < s.size()) {
        const unsigned char c = static_cast<unsigned char>(s[pos]);
        if ((c > ' ' && c < 0x80) || space_len(s, pos) == 0)
            ++pos;
        else
            break;
    }
    return {s.substr(b, pos - b), b};
}

/// month_number (detail/text.hpp) after a check of length and first letter that every month
/// name passes ("Jan" .. "September."); same result, cheaper on the other words.
constexpr int caption_month_number(std::string_view w) noexcept {
    if (w.size() < 3 || w.size() > 10) return 0;
    switch (to_lower(w[0])) {
    case 'j': case 'f': case 'm': case 'a': case 's': case 'o': case 'n': case 'd': return month_number(w);
    default: return 0;
    }
}

/// The rest of `s` from `p` (empty past the end; never throws).
constexpr std::string_view caption_rest(std::string_view s, std::size_t p) noexcept {
    return p < s.size() ? s.substr(p) : std::string_view{};
}

inline std::size_t caption_skip_spaces(std::string_view s, std::size_t p) noexcept {
    while (std::size_t n = space_len(s, p)) p += n;
    return p;
}

/// Does white space (ASCII or Unicode) end right before `s[i]`?
constexpr bool caption_space_before(std::string_view s, std::size_t i) noexcept {
    if (i == 0 || i > s.size()) return false;
    if (is_ascii_space(s[i - 1])) return true;
    if (i >= 2 && unicode_space_len(s, i - 2) == 2) return true;
    return i >= 3 && unicode_space_len(s, i - 3) == 3;
}

/// A letter-like first byte: ASCII capital or the lead byte of a non-ASCII letter (the E2
/// block holds quotes and dashes, not letters).
constexpr bool caption_capital_start(std::string_view w) noexcept {
    return !w.empty() && (is_upper(w[0]) || (is_utf8_lead(w[0]) && w[0] != '\xE2'));
}

/// "U.S.", "N.C.", "J." (a middle initial): letter runs of at most two, each closed by '.',
/// and either two runs or one letter ("DC." ends a sentence).
constexpr bool caption_initialism(std::string_view w) noexcept {
    if (w.size() < 2 || w.back() != '.') return false;
    std::size_t run = 0, runs = 0;
    for (char c : w) {
        if (c == '.') {
            if (run == 0) return false;
            run = 0;
            ++runs;
        } else if (is_alpha(c)) {
            if (++run > 2) return false;
        } else {
            return false;
        }
    }
    return runs >= 2 || w.size() == 2;
}

/// A word ending in '.' whose period ends no sentence.
inline bool caption_keeps_period(std::string_view w) noexcept {
    return caption_initialism(w) || caption_in<caption_abbreviations>(w);
}

/// The word "via" (exactly, as in "Pool via REUTERS").
constexpr bool caption_is_via(std::string_view w) noexcept { return w == "via" || w == "Via"; }

//--- agencies, qualifiers, labels ---//

/// Is `w` (the whole view) a known agency name?
inline bool caption_known_agency(std::string_view w, const style_desc& style) noexcept {
    return caption_in_list(w, style.agencies.begin(), style.agencies.end()) ||
           caption_in_list(w, style.affiliations.begin(), style.affiliations.end()) ||
           caption_in<caption_photo_agencies>(w);
}

/// Length of the longest known agency name starting at `s[p]` and ending at a word boundary.
inline std::size_t caption_agency_prefix_len(std::string_view s, std::size_t p,
                                             const style_desc& style) noexcept {
    std::string_view rest = caption_rest(s, p);
    std::size_t best = 0;
    auto consider = [&](std::string_view name) {
        if (name.size() <= best || !istarts_with(rest, name)) return;
        if (name.size() < rest.size() && is_alnum(rest[name.size()])) return;
        best = name.size();
    };
    for (auto name : style.agencies) consider(name);
    for (auto name : style.affiliations) consider(name);
    for (auto name : caption_photo_agencies) consider(name);
    return best;
}

inline bool caption_is_qualifier(std::string_view piece) noexcept {
    return caption_in<caption_qualifiers>(piece);
}

/// The agency named by a whole piece: "REUTERS", "AP Photo" -> "AP", "XINHUA PHOTO" ->
/// "XINHUA", "Getty Images file" -> "Getty Images" with `trailing` "file"; empty when the
/// piece is something else.
inline std::string_view caption_piece_agency(std::string_view piece, const style_desc& style,
                                             std::string_view* trailing = nullptr) noexcept {
    if (caption_known_agency(piece, style)) return piece;
    std::size_t last_space = piece.rfind(' ');
    if (last_space == std::string_view::npos) return {};
    std::string_view head = trim(piece.substr(0, last_space));
    std::string_view tail = piece.substr(last_space + 1);
    if (iequals(tail, "photo") && caption_known_agency(head, style)) return head;
    if (caption_is_qualifier(tail) && !iequals(tail, "photo")) {
        std::string_view agency = caption_piece_agency(head, style);
        if (!agency.empty() && trailing) *trailing = tail;
        return agency;
    }
    return {};
}

/// Length of a label from `labels` at `s[p]` plus the spaces after it, else 0.
template <std::size_t N>
std::size_t caption_label_len(std::string_view s, std::size_t p,
                              const std::string_view (&labels)[N]) noexcept {
    std::string_view rest = caption_rest(s, p);
    for (auto label : labels)
        if (istarts_with(rest, label)) return caption_skip_spaces(s, p + label.size()) - p;
    return 0;
}

//--- what may follow a credit: junk and a glued dateline ---//

/// "(Reuters)" at `s[p]`: returns the offset after ')' or 0.
inline std::size_t caption_agency_tag_end(std::string_view s, std::size_t p,
                                          const style_desc& style) noexcept {
    if (p >= s.size() || s[p] != '(') return 0;
    std::size_t n = caption_agency_prefix_len(s, p + 1, style);
    if (n == 0 || p + 1 + n >= s.size() || s[p + 1 + n] != ')') return 0;
    return p + 2 + n;
}

/// Does a dateline start at `s[p]`? Two shapes, both ending in an agency tag and a dash:
/// capitals ("PORT ELLIS, June 11 (Reuters) -", "SEOUL (Reuters) -") and a bare date
/// ("Nov 12 (Reuters) -"). Looks at most `caption_dateline_lookahead` bytes ahead.
inline bool caption_dateline_at(std::string_view s, std::size_t p, const style_desc& style) noexcept {
    if (p >= s.size() || !is_upper(s[p])) return false;
    const std::size_t limit = s.size() - p > caption_dateline_lookahead ? p + caption_dateline_lookahead
                                                                      : s.size();
    std::size_t q = p;
    while (q < limit && (is_alpha(s[q]) || s[q] == '.')) ++q;
    std::string_view first = s.substr(p, q - p);
    if (caption_month_number(first) != 0 && has_lower(first)) {
        // "Nov 12 (Reuters) -"
        q = caption_skip_spaces(s, q);
        std::size_t digits = q;
        while (q < limit && is_digit(s[q])) ++q;
        if (q == digits || q - digits > 2) return false;
        if (q < limit && s[q] == ',') ++q;
    } else {
        // Capitals: "MEXICO CITY", "ANKARA/KYIV", then an optional ", June 11".
        q = p;
        std::size_t letters = 0;
        while (q < limit) {
            char c = s[q];
            if (is_upper(c) || is_high(c) || c == '.' || c == '\'' || c == '-') {
                letters += is_upper(c) ? 1 : 0;
                ++q;
            } else if ((c == ' ' || c == '/') && q + 1 < limit && is_upper(s[q + 1])) {
                ++q;
            } else {
                break;
            }
        }
        if (letters < 2 || (q < limit && is_lower(s[q]))) return false;
        if (q < limit && s[q] == ',') {
            while (q < limit && s[q] != '(' && s[q] != ')' && s[q] != '\n') ++q;
        }
    }
    q = caption_skip_spaces(s, q);
    if (q >= limit) return false;
    std::size_t after_tag = caption_agency_tag_end(s, q, style);
    if (after_tag == 0) return false;
    return dash_len(s, caption_skip_spaces(s, after_tag)) != 0;
}

/// Can junk or a dateline start with byte `c`? Notices and datelines open with a capital
/// (or "©"), picture numbers with a dash, the licensing links with "purchase", "acquire" or
/// "opens" in any case. A cheap gate before comparing phrase lists.
constexpr bool caption_tail_opening(char c) noexcept {
    const char lower = to_lower(c);
    return is_upper(c) || c == '-' || c == '\xE2' || c == '\xC2' || lower == 'p' || lower == 'a' ||
           lower == 'o';
}

/// Notices after a credit: Reuters' capitals ("ATTENTION EDITORS - ...", "TPX IMAGES OF THE
/// DAY") and a copyright line ("© Provided by ..."). Length of the opening words, else 0.
inline std::size_t caption_notice_len(std::string_view rest) noexcept {
    constexpr std::string_view openings[] = {
        "ATTENTION EDITOR", "TPX IMAGES OF THE DAY", "EDITORIAL USE ONLY", "NO RESALES",
        "NO ARCHIVES", "MANDATORY CREDIT", "THIS IMAGE HAS BEEN", "THIS PICTURE WAS",
        "BEST QUALITY AVAILABLE", "SEARCH \"", "\xC2\xA9"};
    for (auto o : openings)
        if (starts_with(rest, o)) return o.size();
    return 0;
}

/// A picture number after a credit: "- RTX2ABCD", "- RC1A2B3C4D5E". Length, else 0.
inline std::size_t caption_picture_id_len(std::string_view s, std::size_t p) noexcept {
    std::size_t d = dash_len(s, p);
    if (d == 0) return 0;
    std::size_t b = caption_skip_spaces(s, p + d), e = b;
    while (e < s.size() && (is_upper(s[e]) || is_digit(s[e])) && e - b <= 20) ++e;
    std::string_view id = s.substr(b, e - b);
    if (id.size() < 6 || id.size() > 20 || !has_digit(id) || !has_upper(id) || !is_upper(id[0]) ||
        (e < s.size() && space_len(s, e) == 0 && s[e] != '.'))
        return 0;
    return e - p;
}

/// Bytes of web-page junk at `s[p]` ("Purchase Licensing Rights, opens new tab",
/// "ATTENTION EDITORS - THIS IMAGE HAS BEEN SUPPLIED BY A THIRD PARTY", "© Provided by X"),
/// else 0.
inline std::size_t caption_junk_len(std::string_view s, std::size_t p, const style_desc& style) noexcept {
    if (p >= s.size() || !caption_tail_opening(s[p])) return 0;
    std::string_view rest = caption_rest(s, p);
    auto after_phrase = [&](std::size_t q, std::string_view phrase) -> std::size_t {
        std::size_t r = caption_skip_spaces(s, q);
        if (r < s.size() && s[r] == ',') r = caption_skip_spaces(s, r + 1);
        return istarts_with(caption_rest(s, r), phrase) ? r + phrase.size() : q;
    };
    std::size_t q = 0;
    if (istarts_with(rest, "Purchase Licensing Rights") || istarts_with(rest, "Acquire Licensing Rights")) {
        q = after_phrase(p + 25, "opens new tab");
    } else if (istarts_with(rest, "opens new tab")) {
        q = p + 13;
    } else if (std::size_t id = caption_picture_id_len(s, p)) {
        q = p + id;
    } else if (std::size_t head = caption_notice_len(rest)) {
        // Runs to the end of the notice: capitals for the editors' note, names for "©".
        const bool capitals = rest[0] != '\xC2';
        q = p + head;
        for (;;) {
            word w = caption_next_word(s, q);
            if (w.text.empty() || caption_dateline_at(s, w.begin, style)) break;
            bool fits = capitals ? !has_lower(w.text)
                                 : (caption_capital_start(w.text) || w.text == "by" ||
                                    w.text == "of" || w.text == "and");
            if (!fits) break;
            q = w.begin + w.text.size();
        }
    } else {
        return 0;
    }
    if (q < s.size() && s[q] == '.') ++q;
    return q - p;
}

/// Does junk or a dateline start at `s[p]`? (Looks at a bounded number of bytes.)
inline bool caption_tail_at(std::string_view s, std::size_t p, const style_desc& style) noexcept {
    if (p >= s.size() || !caption_tail_opening(s[p])) return false;
    std::string_view rest = caption_rest(s, p);
    return caption_notice_len(rest) != 0 || caption_picture_id_len(s, p) != 0 ||
           istarts_with(rest, "Purchase Licensing Rights") ||
           istarts_with(rest, "Acquire Licensing Rights") || istarts_with(rest, "opens new tab") ||
           caption_dateline_at(s, p, style);
}

/// Where the caption ends when its credit ends at `q`: past any junk, before a dateline.
/// `npos` when something else follows (then it was no credit). `junk_at` gets the offset of
/// the first junk, or npos.
inline std::size_t caption_tail_end(std::string_view s, std::size_t q, const style_desc& style,
                                    std::size_t& junk_at) noexcept {
    junk_at = std::string_view::npos;
    q = caption_skip_spaces(s, q);
    if (q < s.size() && s[q] == '.') q = caption_skip_spaces(s, q + 1);
    while (std::size_t n = caption_junk_len(s, q, style)) {
        if (junk_at == std::string_view::npos) junk_at = q;
        q = caption_skip_spaces(s, q + n);
    }
    if (q >= s.size()) return s.size();
    if (caption_dateline_at(s, q, style)) return q;
    return junk_at != std::string_view::npos ? q : std::string_view::npos;
}

//--- the credit body ---//

/// May `w` (trailing period already removed) stand inside a credit?
inline bool caption_credit_word(std::string_view w) noexcept {
    if (w.empty()) return false;
    char last = w.back();
    if (last == ';' || last == ':' || last == '?' || last == '!' || last == '"') return false;
    if (caption_capital_start(w) || w == "&") return true;
    if (is_digit(w[0])) {  // "8th", "65th"; a bare number is no name
        for (char c : w)
            if (is_alpha(c)) return true;
        return false;
    }
    if (istarts_with(w, "al-") || istarts_with(w, "el-")) return true;
    return caption_in<caption_credit_lower_words>(w);
}

/// A credit split into pieces, as views into the paragraph.
struct caption_credit {
    std::string_view pieces[caption_max_pieces];
    std::size_t count = 0;
    std::size_t begin = 0;  ///< offset of the credit's first byte
    std::size_t end = 0;    ///< one past its last byte
};

/// Read a credit body from `begin`, not past `limit`. Returns false when it is malformed
/// (an empty piece, too long). `resume` is where reading stopped; `reached_limit` tells
/// whether it stopped only because `limit` was reached.
inline bool caption_read_body(std::string_view s, std::size_t begin, std::size_t limit,
                              const style_desc& style, caption_credit& c, std::size_t& resume,
                              bool& reached_limit) noexcept {
    constexpr std::size_t none = std::string_view::npos;
    c.count = 0;
    c.begin = begin;
    c.end = begin;
    reached_limit = false;
    std::size_t p = begin, piece_begin = none, piece_end = begin, words = 0, total_words = 0;
    auto close_piece = [&]() {
        if (piece_begin == none || c.count == caption_max_pieces) return false;
        c.pieces[c.count++] = s.substr(piece_begin, piece_end - piece_begin);
        c.end = piece_end;
        piece_begin = none;
        words = 0;
        return true;
    };
    auto pending = [&]() { return s.substr(piece_begin, piece_end - piece_begin); };
    for (;;) {
        p = caption_skip_spaces(s, p);
        if (p >= limit) {
            reached_limit = true;
            break;
        }
        if (p - begin > caption_max_credit_bytes) return false;
        const char ch = s[p];
        if (ch == '/' || ch == ',') {
            if (!close_piece()) return false;
            ++p;
            continue;
        }
        if (ch == ':') {  // only in "XINHUA PHOTO: NAME"
            if (piece_begin == none || !iends_with(pending(), " photo") ||
                caption_piece_agency(pending(), style).empty())
                break;
            if (!close_piece()) return false;
            ++p;
            continue;
        }
        if (std::size_t d = dash_len(s, p); d != 0 && piece_begin != none &&
                                            caption_space_before(s, p) && space_len(s, p + d) != 0) {
            // "AFP - Getty Images": a spaced dash separates only before an agency.
            std::size_t next = caption_skip_spaces(s, p + d);
            if (caption_agency_prefix_len(s, next, style) == 0) break;
            if (!close_piece()) return false;
            p = next;
            continue;
        }
        // Junk or a dateline after the credit ("... Lee Purchase Licensing Rights"); glued
        // ones are cut out of their word below.
        if ((piece_begin != none || c.count != 0) && caption_space_before(s, p) &&
            caption_tail_at(s, p, style))
            break;
        // One word, cut where junk or a dateline is glued to it ("RomeroMEXICO CITY, ...").
        std::size_t e = p;
        bool glued = false;
        while (e < limit && space_len(s, e) == 0 && s[e] != '/' && s[e] != ',' && s[e] != ':' &&
               s[e] != '(' && s[e] != ')') {
            if (e > p && is_lower(s[e - 1]) && is_upper(s[e]) && caption_tail_at(s, e, style)) {
                glued = true;
                break;
            }
            ++e;
        }
        if (e == p) break;  // a parenthesis
        std::string_view w = s.substr(p, e - p);
        const bool period = w.back() == '.' && !caption_keeps_period(w);
        std::string_view core = period ? w.substr(0, w.size() - 1) : w;
        if (!caption_credit_word(core)) break;
        if (piece_begin == none) piece_begin = p;
        piece_end = p + core.size();
        if (++words > caption_max_piece_words || ++total_words > caption_max_credit_words) return false;
        p += core.size();
        if (period || glued) break;
    }
    if (!close_piece()) return false;
    resume = p;
    return true;
}

/// Where a bare credit starts, walking back from its first "/" or "via" at `anchor` over
/// credit words until a sentence end: "2021. Jung Yeon-Je/Pool" -> "Jung".
inline std::size_t caption_walk_back(std::string_view s, std::size_t anchor,
                                     const style_desc& style) noexcept {
    std::size_t start = anchor;
    for (std::size_t words = 0; words < caption_max_back_words; ++words) {
        std::size_t e = start;
        while (e > 0 && is_ascii_space(s[e - 1])) --e;
        if (e == 0 || anchor - e > caption_max_back_bytes) break;
        std::size_t b = e;
        while (b > 0 && !is_ascii_space(s[b - 1]) && s[b - 1] != '(' && s[b - 1] != '/' &&
               anchor - b <= caption_max_back_bytes)
            --b;
        if (anchor - b > caption_max_back_bytes) break;
        std::string_view w = s.substr(b, e - b);
        std::string_view core = w;
        if (w.empty()) break;  // "A//B", "(/"
        if (w.back() == ',') {
            // "Name, STF / Associated Press": cross a comma only before a qualifier.
            if (!caption_is_qualifier(trim(s.substr(start, anchor - start)))) break;
            core.remove_suffix(1);
        } else if (w.back() == '.' && !caption_keeps_period(w)) {
            break;
        }
        if (!caption_credit_word(core)) break;
        if (core == "By" || core == "BY") return anchor;  // a byline "By Name/Agency", no credit
        start = b;
        if (caption_known_agency(core, style)) break;  // "REUTERS" opens the credit
    }
    // A credit starts with a capital: drop "the" in "with the Name/Pool".
    while (start < anchor) {
        word w = caption_next_word(s.substr(0, anchor), start);  // bounded by the anchor
        if (w.text.empty() || !is_lower(w.text[0]) || caption_in<caption_qualifiers>(w.text))
            break;
        start = caption_skip_spaces(s, w.begin + w.text.size());
    }
    return start;
}

/// Does the credit name an agency (a piece that is one, or a "via" target)?
inline bool caption_has_agency(const caption_credit& c, const style_desc& style) noexcept {
    for (std::size_t i = 0; i < c.count; ++i) {
        std::string_view piece = c.pieces[i];
        if (!caption_piece_agency(piece, style).empty()) return true;
        for (std::size_t pos = 0;;) {
            word w = caption_next_word(piece, pos);
            if (w.text.empty()) break;
            if (caption_is_via(w.text) &&
                !caption_piece_agency(trim(piece.substr(w.begin + w.text.size())), style).empty())
                return true;
            pos = w.begin + w.text.size();
        }
    }
    return false;
}

/// A piece split at "via": "Pool via REUTERS" -> {"Pool", "REUTERS"}.
struct caption_via_split {
    std::string_view before;
    std::string_view agency;    ///< empty when the piece has no "via <agency>"
    std::string_view trailing;  ///< a qualifier after the agency: "via Getty Images file"
};

inline caption_via_split caption_split_via(std::string_view piece, const style_desc& style) noexcept {
    for (std::size_t pos = 0;;) {
        word w = caption_next_word(piece, pos);
        if (w.text.empty()) break;
        if (caption_is_via(w.text)) {
            std::string_view trailing;
            std::string_view agency =
                caption_piece_agency(trim(piece.substr(w.begin + w.text.size())), style, &trailing);
            if (!agency.empty()) return {trim(piece.substr(0, w.begin)), agency, trailing};
        }
        pos = w.begin + w.text.size();
    }
    return {piece, {}, {}};
}

/// Two to six capitalised words (name particles allowed), no digits, no organisation word.
inline bool caption_person_like(std::string_view piece) noexcept {
    std::size_t words = 0;
    for (std::size_t pos = 0;;) {
        word w = caption_next_word(piece, pos);
        if (w.text.empty()) break;
        if (++words > 6 || has_digit(w.text) || caption_in<caption_org_words>(w.text)) return false;
        if (!caption_capital_start(w.text) && !caption_in<caption_name_particles>(w.text) &&
            !istarts_with(w.text, "al-") && !istarts_with(w.text, "el-"))
            return false;
        pos = w.begin + w.text.size();
    }
    return words >= 2;
}

inline bool caption_org_like(std::string_view piece) noexcept {
    if (has_digit(piece)) return true;
    std::size_t words = 0;
    for (std::size_t pos = 0;;) {
        word w = caption_next_word(piece, pos);
        if (w.text.empty()) break;
        ++words;
        if (caption_in<caption_org_words>(w.text)) return true;
        pos = w.begin + w.text.size();
    }
    return words < 2;
}

/// File one non-agency piece as qualifier, provider or photographer. `before_handout`: the
/// next piece is "Handout", so this one is the organisation that handed the picture out.
inline void caption_file_piece(std::string_view piece, bool before_handout, caption_view& out) {
    if (piece.empty()) return;
    // Reuters writes "REUTERS/Stringer" where an unnamed freelancer's name would stand: the
    // slot is a photographer left anonymous, so it is neither a name nor a qualifier. A
    // lower-case "stringer" ("AFP/stringer") describes the picture and stays a qualifier.
    if (piece == "Stringer" || piece == "STRINGER") return;
    if (caption_is_qualifier(piece)) {
        out.qualifiers.push_back(piece);
        return;
    }
    if (istarts_with(piece, "Courtesy ")) {
        std::string_view who = trim(piece.substr(9));
        if (istarts_with(who, "of ")) who = trim(who.substr(3));
        if (!who.empty()) out.providers.push_back(who);
        return;
    }
    if (istarts_with(piece, "Photo by ")) piece = trim(piece.substr(9));
    if (!before_handout && !caption_org_like(piece) && caption_person_like(piece) &&
        out.photographers.empty())
        out.photographers.push_back(piece);
    else
        out.providers.push_back(piece);
}

/// Fill agency, photographers, qualifiers and providers from the pieces of a credit.
inline void caption_classify(const caption_credit& c, const style_desc& style, caption_view& out) {
    caption_via_split split[caption_max_pieces];
    std::string_view agency_of[caption_max_pieces];
    std::size_t chosen = caption_max_pieces;  // the piece whose agency is the distributor
    for (std::size_t i = 0; i < c.count; ++i) {
        split[i] = caption_split_via(c.pieces[i], style);
        if (split[i].agency.empty())
            agency_of[i] = caption_piece_agency(c.pieces[i], style, &split[i].trailing);
        if (chosen == caption_max_pieces && !split[i].agency.empty()) chosen = i;
    }
    if (chosen == caption_max_pieces && c.count != 0) {
        if (!agency_of[0].empty())
            chosen = 0;
        else if (!agency_of[c.count - 1].empty())
            chosen = c.count - 1;
        else
            for (std::size_t i = 0; i < c.count && chosen == caption_max_pieces; ++i)
                if (!agency_of[i].empty()) chosen = i;
    }
    auto is_handout = [&](std::size_t i) {
        if (i >= c.count) return false;
        std::string_view piece = split[i].agency.empty() ? c.pieces[i] : split[i].before;
        return iequals(piece, "Handout");
    };
    for (std::size_t i = 0; i < c.count; ++i) {
        if (!split[i].agency.empty()) {
            if (i == chosen)
                out.agency = split[i].agency;
            else
                out.providers.push_back(split[i].agency);
            caption_file_piece(split[i].before, false, out);
        } else if (!agency_of[i].empty()) {
            if (i == chosen)
                out.agency = agency_of[i];
            else
                out.providers.push_back(agency_of[i]);
        } else {
            caption_file_piece(c.pieces[i], is_handout(i + 1), out);
        }
        if (!split[i].trailing.empty()) out.qualifiers.push_back(split[i].trailing);
    }
}

//--- place and date ---//

struct caption_date_hit {
    std::size_t begin = 0;
    std::size_t end = 0;
    calendar_date date;
};

inline int caption_month(std::string_view w) noexcept {
    if (int m = caption_month_number(w)) return m;
    for (int m = 0; m < 12; ++m)
        if (iequals(w, caption_french_months[m])) return m + 1;
    return 0;
}

/// A full date at `s[p]`: "November 17, 2025", "Nov. 17, 2025", "March, 24, 2015",
/// "December 28,2017", "17 November 2025", "13 septembre 2024".
inline bool caption_date_at(std::string_view s, std::size_t p, caption_date_hit& hit) noexcept {
    const std::size_t n = s.size();
    auto digits = [&](std::size_t& q, std::size_t min, std::size_t max, int& value) {
        std::size_t b = q;
        value = 0;
        while (q < n && is_digit(s[q]) && q - b < max) value = value * 10 + (s[q++] - '0');
        return q - b >= min && !(q < n && is_digit(s[q]));
    };
    auto letters = [&](std::size_t q) {
        while (q < n && (is_alpha(s[q]) || is_high(s[q]))) ++q;
        return q;
    };
    auto year_end = [&](std::size_t q) {  // the year must end the number and the word
        return !(q < n && is_alnum(s[q]));
    };
    if (p >= n) return false;
    int day = 0, month = 0, year = 0;
    std::size_t q = p;
    if (is_upper(s[p])) {  // month day, year
        q = letters(p);
        month = caption_month_number(s.substr(p, q - p));
        if (month == 0) return false;
        if (q < n && s[q] == '.') ++q;
        if (q < n && s[q] == ',') ++q;
        std::size_t r = caption_skip_spaces(s, q);
        if (r == q || !digits(r, 1, 2, day)) return false;
        if (r + 1 < n && is_lower(s[r]) && is_lower(s[r + 1])) r += 2;  // "2nd", "28th"
        if (r < n && s[r] == ',') ++r;
        r = caption_skip_spaces(s, r);
        if (!digits(r, 4, 4, year) || !year_end(r)) return false;
        q = r;
    } else if (is_digit(s[p])) {  // day month year
        if (!digits(q, 1, 2, day)) return false;
        std::size_t r = caption_skip_spaces(s, q);
        if (r == q) return false;
        std::size_t m_end = letters(r);
        month = caption_month(s.substr(r, m_end - r));
        if (month == 0) return false;
        q = caption_skip_spaces(s, m_end);
        if (q == m_end || !digits(q, 4, 4, year) || !year_end(q)) return false;
    } else {
        return false;
    }
    if (day < 1 || day > 31 || year < 1800 || year > 2100) return false;
    hit.begin = p;
    hit.end = q;
    hit.date = calendar_date{year, month, day};
    return true;
}

/// The first full date that starts a word of `d`.
inline bool caption_find_date(std::string_view d, caption_date_hit& hit) noexcept {
    for (std::size_t pos = 0;;) {
        word w = caption_next_word(d, pos);
        if (w.text.empty()) return false;
        if (caption_date_at(d, w.begin, hit)) return true;
        pos = w.begin + w.text.size();
    }
}

/// Does `w` end with a sentence's closing punctuation (before any quotes and ')')? A cheap
/// first check for caption_sentence_end.
constexpr bool caption_may_end_sentence(std::string_view w) noexcept {
    while (!w.empty() && (w.back() == '"' || w.back() == '\'' || w.back() == ')')) w.remove_suffix(1);
    return !w.empty() && (w.back() == '.' || w.back() == '?' || w.back() == '!');
}

/// Does `w` end a sentence (given the word after it)?
inline bool caption_sentence_end(std::string_view w, std::string_view next) noexcept {
    while (!w.empty() && (w.back() == '"' || w.back() == '\'' || w.back() == ')')) w.remove_suffix(1);
    if (w.empty()) return false;
    char last = w.back();
    if (last != '.' && last != '?' && last != '!') return false;
    if (last == '.' && (caption_keeps_period(w) || caption_month_number(w) != 0)) return false;
    return next.empty() || caption_capital_start(next) || is_digit(next[0]) || next[0] == '"';
}

/// May `w` (trailing punctuation removed) stand inside a place name?
inline bool caption_place_word(std::string_view w) noexcept {
    return caption_capital_start(w) || caption_in<caption_place_lower_words>(w);
}

/// A place: the run of place words from `p`, not past `limit`.
struct caption_place_run {
    std::size_t begin = 0;
    std::size_t end = 0;           ///< end of the place (trailing comma or period left out)
    std::size_t next = 0;          ///< where reading stopped
    bool closed_sentence = false;  ///< the last word ended with the sentence's period
};

inline caption_place_run caption_read_place(std::string_view d, std::size_t p, std::size_t limit) noexcept {
    caption_place_run run;
    run.begin = run.end = run.next = p;
    for (std::size_t pos = p;;) {
        word w = caption_next_word(d, pos);
        if (w.text.empty() || w.begin >= limit) break;
        std::string_view t = w.text;
        if (w.begin + t.size() > limit) t = t.substr(0, limit - w.begin);
        run.next = w.begin;
        if (t == ",") {  // "Seoul , South Korea"
            pos = w.begin + t.size();
            continue;
        }
        std::string_view core = t;
        while (!core.empty() && (core.back() == ',' || core.back() == ';' || core.back() == ':'))
            core.remove_suffix(1);
        const bool period = core.size() == t.size() && !core.empty() && core.back() == '.';
        const bool keep = period && caption_keeps_period(core);
        std::string_view bare = period && !keep ? core.substr(0, core.size() - 1) : core;
        if (bare.empty() || !caption_place_word(bare)) break;
        run.end = w.begin + bare.size();
        run.next = pos = w.begin + t.size();
        if (period && !caption_in<caption_abbreviations>(core)) {
            run.closed_sentence = true;  // "Syria." or "N.C."
            break;
        }
        if (core.size() != t.size() && t.back() != ',') break;  // ';' or ':'
    }
    return run;
}

/// The start of the place after the last "in/near/at <Capital>" among the words of [from, to).
inline std::size_t caption_last_place_start(std::string_view d, std::size_t from, std::size_t to) noexcept {
    std::size_t found = std::string_view::npos;
    for (std::size_t pos = from;;) {
        word w = caption_next_word(d, pos);
        if (w.text.empty() || w.begin >= to) break;
        pos = w.begin + w.text.size();
        bool preposition = false;  // lower case only: "In this March 2 photo" opens no place
        for (auto p : caption_place_prepositions) preposition = preposition || w.text == p;
        if (!preposition) continue;
        word next = caption_next_word(d, pos);
        if (!next.text.empty() && next.begin < to && caption_capital_start(next.text)) found = next.begin;
    }
    return found;
}

/// Place and date of a description (see the top of this header).
inline void caption_place_and_date(std::string_view d, caption_view& out) noexcept {
    constexpr std::size_t none = std::string_view::npos;
    out.place.reset();
    out.date.reset();
    if (d.empty()) return;
    caption_date_hit hit;
    const bool dated = caption_find_date(d, hit);
    if (dated) out.date = hit.date;

    // The sentence holding the date (or the first sentence).
    const std::size_t anchor = dated ? hit.begin : 0;
    std::size_t sentence_begin = 0, sentence_end = d.size();
    for (std::size_t pos = 0;;) {
        word w = caption_next_word(d, pos);
        if (w.text.empty()) break;
        pos = w.begin + w.text.size();
        if (!caption_may_end_sentence(w.text) ||
            !caption_sentence_end(w.text, caption_next_word(d, pos).text))
            continue;
        if (pos <= anchor) {
            sentence_begin = pos;
        } else {
            sentence_end = pos;
            break;
        }
    }
    auto set_place = [&](const caption_place_run& run) {
        if (run.end <= run.begin) return false;
        out.place = d.substr(run.begin, run.end - run.begin);
        return true;
    };
    if (dated) {
        // Getty: "on November 22, 2021 in Washington, DC."
        std::size_t q = caption_skip_spaces(d, hit.end);
        if (q < d.size() && d[q] == ',') ++q;
        word in = caption_next_word(d, q);
        if (in.text == "in") {
            std::size_t start = caption_skip_spaces(d, in.begin + in.text.size());
            caption_place_run run = caption_read_place(d, start, d.size());
            if (caption_capital_start(caption_rest(d, start)) &&
                (run.closed_sentence || caption_next_word(d, run.next).text.empty()) && set_place(run))
                return;
        }
        // Reuters: "in Paris, France, November 17, 2025" - the place runs up to the date.
        std::size_t start = caption_last_place_start(d, sentence_begin, hit.begin);
        if (start != none && set_place(caption_read_place(d, start, hit.begin))) return;
    }
    // No date there: "... near Azaz, Syria." or "... in New Delhi on Tuesday."
    std::size_t start = caption_last_place_start(d, sentence_begin, sentence_end);
    if (start == none) return;
    caption_place_run run = caption_read_place(d, start, d.size());
    bool ends_sentence = run.closed_sentence && caption_sentence_end(".", caption_next_word(d, run.next).text);
    if (!run.closed_sentence) {
        word on = caption_next_word(d, run.next);
        word day = caption_next_word(d, on.begin + on.text.size());
        std::string_view day_name = day.text;
        if (!day_name.empty() && day_name.back() == '.') day_name.remove_suffix(1);
        ends_sentence = on.text == "on" && day.text.size() > day_name.size() &&
                        caption_in<caption_weekdays>(day_name);
    }
    if (ends_sentence) set_place(run);
}

//--- the caption ---//

/// Drop a gallery counter "[1/4]" and a "Photo:" label from the front of a description.
inline std::string_view caption_strip_text_front(std::string_view d) noexcept {
    d = trim(d);
    if (!d.empty() && d[0] == '[') {
        std::size_t i = 1;
        while (i < d.size() && (is_digit(d[i]) || d[i] == '/')) ++i;
        if (i > 1 && i < d.size() && d[i] == ']') d = trim_left(d.substr(i + 1));
    }
    if (std::size_t n = caption_label_len(d, 0, caption_text_labels)) d = d.substr(n);
    return trim(d);
}

/// One attempt at a credit whose body starts at `body`; `credit_open` is where the
/// description ends ('(' or the label, else `body`). For a parenthesised credit `close` is
/// the offset of ')', else npos. Returns the caption's length, or 0.
inline std::size_t caption_try(std::string_view s, std::size_t credit_open, std::size_t body,
                               std::size_t close, caption_view& out, const style_desc& style,
                               const sink& diags) {
    constexpr std::size_t none = std::string_view::npos;
    caption_credit c;
    std::size_t resume = 0;
    bool reached_limit = false;
    std::size_t junk_at = none, end = none;
    // The checks are pure, so the cheap ones go first: most '(' and '/' in body text are
    // followed by more prose, which no credit is.
    if (close != none && (end = caption_tail_end(s, close + 1, style, junk_at)) == none) return 0;
    const std::size_t limit = close == none ? s.size() : close;
    if (!caption_read_body(s, body, limit, style, c, resume, reached_limit)) return 0;
    if (close != none && !reached_limit) return 0;
    if (close == none && (end = caption_tail_end(s, resume, style, junk_at)) == none) return 0;
    if (!caption_has_agency(c, style)) return 0;

    out.credit = s.substr(c.begin, c.end - c.begin);
    caption_classify(c, style, out);
    out.text = caption_strip_text_front(s.substr(0, credit_open));
    if (out.text.empty()) out.text = s.substr(0, 0);
    caption_place_and_date(out.text, out);
    if (junk_at != none)
        diags.report(errc::dropped_junk, "web-page junk after a photo credit", s.data() + junk_at);
    return end;
}

/// Every attempt the grammar allows at `text[i]`: a parenthesised credit at '(', a bare one
/// anchored at '/' or "via <agency>", a label ("Photo:"), "<AGENCY> PHOTO:". Returns the
/// caption's length, or 0 (then `out` and `diags` are untouched).
inline std::size_t caption_attempt_at(std::string_view text, std::size_t i, caption_view& out,
                                      const style_desc& style, const sink& diags) {
    constexpr std::size_t none = std::string_view::npos;
    const std::size_t n = text.size();
    const char c = text[i];
    const bool word_start = i == 0 || caption_space_before(text, i) || text[i - 1] == '(';
    if (c == '(') {
        // "(AP Photo/Name, File)", "(Photo by Name/Getty Images)", "(Reuters)"
        std::size_t close = i + 1;
        while (close < n && close - i <= caption_max_paren_bytes && text[close] != ')' &&
               text[close] != '(')
            ++close;
        if (close >= n || text[close] != ')') return 0;
        std::size_t body = caption_skip_spaces(text, i + 1);
        body += caption_label_len(text, body, caption_credit_labels);
        return caption_try(text, i, body, close, out, style, diags);
    }
    if (c == '/') {
        std::size_t start = caption_walk_back(text, i, style);
        return start < i ? caption_try(text, start, start, none, out, style, diags) : 0;
    }
    if (!word_start && !(i > 0 && is_lower(text[i - 1]) && is_upper(c))) return 0;
    if (std::size_t label = caption_label_len(text, i, caption_credit_labels))
        return caption_try(text, i, i + label, none, out, style, diags);
    if (!word_start) return 0;
    if (caption_is_via(text.substr(i, 3)) && space_len(text, i + 3) != 0 &&
        caption_agency_prefix_len(text, caption_skip_spaces(text, i + 3), style)) {
        std::size_t start = caption_walk_back(text, i, style);
        return start < i ? caption_try(text, start, start, none, out, style, diags) : 0;
    }
    // "XINHUA PHOTO: NAME". (A lone "REUTER" after a sentence is the classic wire's
    // sign-off, not a credit.)
    if (std::size_t a = caption_agency_prefix_len(text, i, style))
        if (istarts_with(caption_rest(text, i + a), " photo:"))
            return caption_try(text, i, i, none, out, style, diags);
    return 0;
}

//--- where attempts can succeed: the fast path for paragraphs that are no caption ---//
//
// Almost every paragraph handed to the parser is body text, so the scan must not look at
// every word. caption_attempt_at can only succeed at
//   - '(' or '/',
//   - "via"/"Via" before white space,
//   - a credit label: every label ends in ':', so within caption_label_reach bytes before a ':',
//   - "<agency> PHOTO:": within the longest agency name + 6 bytes before a ':' that follows
//     " photo" (any case).
// parse_caption jumps from stop to stop ('(', '/', ':', "via"/"Via"; sixteen positions at a
// time with SSE2, byte by byte elsewhere) and, only within reach of a ':' (found with memchr
// once the scan stops somewhere), tries the positions there one by one. Positions are tried
// in increasing order and a failed attempt changes nothing, so the first success is the one
// that trying every byte would find.

template <std::size_t N>
constexpr std::size_t caption_longest(const std::string_view (&list)[N]) noexcept {
    std::size_t m = 0;
    for (auto s : list) m = s.size() > m ? s.size() : m;
    return m;
}
template <std::size_t N>
constexpr bool caption_all_end_in_colon(const std::string_view (&list)[N]) noexcept {
    for (auto s : list)
        if (s.empty() || s.back() != ':') return false;
    return true;
}
static_assert(caption_all_end_in_colon(caption_credit_labels),
              "the fast path finds labels by their closing ':'");

template <std::size_t N>
constexpr bool caption_one_colon_each(const std::string_view (&list)[N]) noexcept {
    for (auto s : list)
        for (std::size_t i = 0; i + 1 < s.size(); ++i)
            if (s[i] == ':') return false;
    return true;
}
static_assert(caption_one_colon_each(caption_credit_labels),
              "a label at i ends at the first ':' from i (caption_label_fits)");

/// Can a credit label start `len - 1` bytes before the first ':' after it? Only if some label
/// is `len` bytes long: its own ':' is its last byte and it holds no other.
constexpr bool caption_label_fits(std::size_t len) noexcept {
    for (auto label : caption_credit_labels)
        if (label.size() == len) return true;
    return false;
}

/// How far before its ':' a credit label can start.
inline constexpr std::size_t caption_label_reach = caption_longest(caption_credit_labels) - 1;

/// The longest agency name the style (or the photo-agency list) knows.
inline std::size_t caption_longest_agency(const style_desc& style) noexcept {
    std::size_t m = caption_longest(caption_photo_agencies);
    for (auto a : style.agencies) m = a.size() > m ? a.size() : m;
    for (auto a : style.affiliations) m = a.size() > m ? a.size() : m;
    return m;
}

/// Is the ':' at `s[k]` the one of "<agency> PHOTO:"?
constexpr bool caption_photo_colon(std::string_view s, std::size_t k) noexcept {
    return k >= 6 && k < s.size() && s[k - 6] == ' ' && iequals(s.substr(k - 5, 5), "photo");
}

/// Can an attempt at `s[i]` succeed without a ':' near it? '(' or '/' or "via " ("Via ").
constexpr bool caption_trigger_at(std::string_view s, std::size_t i) noexcept {
    if (i >= s.size()) return false;
    const char c = s[i];
    if (c == '(' || c == '/') return true;
    return (c == 'v' || c == 'V') && i + 3 < s.size() && s[i + 1] == 'i' && s[i + 2] == 'a' &&
           space_len(s, i + 3) != 0;
}

/// Is `s[i]` one of the bytes the fast scan stops at: '(', '/', ':', or "via" ("Via")?
constexpr bool caption_scan_stop(std::string_view s, std::size_t i) noexcept {
    if (i >= s.size()) return false;
    const char c = s[i];
    return c == '(' || c == '/' || c == ':' ||
           ((c | 0x20) == 'v' && i + 2 < s.size() && s[i + 1] == 'i' && s[i + 2] == 'a');
}

/// Is `s[i]` a candidate for a stop: '(', '/', ':', or "via" ("Via"), where the 'a' may
/// also lie past the end of `s` ("vi" as its last two bytes)? A superset of caption_scan_stop
/// that needs one byte less: the vector test reads 17 bytes for 16 positions.
constexpr bool caption_stop_candidate(std::string_view s, std::size_t i) noexcept {
    if (i >= s.size()) return false;
    const char c = s[i];
    return c == '(' || c == '/' || c == ':' ||
           ((c | 0x20) == 'v' && i + 1 < s.size() && s[i + 1] == 'i' && (i + 2 == s.size() || s[i + 2] == 'a'));
}

#ifdef WIRESTORY_SSE2
/// Bit j set iff lane j of `w` is '(', '/', ':', or 'v'/'V' with 'i' in lane j of `w1` (the
/// next bytes) and `third_a` set in lane j (the byte after is 'a', as far as the caller knows).
WIRESTORY_DETAIL_INLINE_HOT unsigned caption_stops16(__m128i w, __m128i w1, __m128i third_a) noexcept {
    const __m128i marks = _mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi8(w, _mm_set1_epi8('(')), _mm_cmpeq_epi8(w, _mm_set1_epi8('/'))),
        _mm_cmpeq_epi8(w, _mm_set1_epi8(':')));
    const __m128i via = _mm_and_si128(  // 'V' | 0x20 == 'v'
        _mm_and_si128(_mm_cmpeq_epi8(_mm_or_si128(w, _mm_set1_epi8(0x20)), _mm_set1_epi8('v')),
                      _mm_cmpeq_epi8(w1, _mm_set1_epi8('i'))),
        third_a);
    return static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(marks, via)));
}
#endif

/// Bit j is set iff caption_stop_candidate holds at `p[j]`, for j < 16; `p` has 17 readable
/// bytes. Two loads, a handful of compares: the scan's whole cost on text with no stop.
inline unsigned caption_stop_candidates16(const char* p) noexcept {
#ifdef WIRESTORY_SSE2
    const __m128i w = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const __m128i w1 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 1));
    // The 'a' of "via" is the byte after w1's: w1 shifted down one byte. The last position
    // has no such byte in the 17 read, and takes "vi" alone.
    const __m128i a_or_last = _mm_or_si128(_mm_cmpeq_epi8(_mm_srli_si128(w1, 1), _mm_set1_epi8('a')),
                                           _mm_set_epi8(-1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
    return caption_stops16(w, w1, a_or_last);
#else
    unsigned mask = 0;
    const std::string_view window(p, 17);
    for (std::size_t j = 0; j < 16; ++j)
        if (caption_stop_candidate(window, j)) mask |= 1u << j;
    return mask;
#endif
}

/// The first of the candidates `m` (bit j: `s[at + j]`) that is a stop, else npos.
inline std::size_t caption_first_stop_in(std::string_view s, std::size_t at, std::uint32_t m) noexcept {
    for (; m != 0; m &= m - 1)
        if (caption_scan_stop(s, at + lowest_set_bit(m))) return at + lowest_set_bit(m);
    return std::string_view::npos;
}

/// The first offset from `from` where caption_scan_stop holds, else `s.size()`. Candidates
/// (caption_stop_candidate) are found 32 positions at a time, then 16, and each is confirmed;
/// what is left is covered by one more block, overlapping the previous ones, that ends one
/// byte before the end (its bits before `from` are dropped), and the last byte on its own.
inline std::size_t caption_next_scan_stop(std::string_view s, std::size_t from) noexcept {
    constexpr std::size_t none = std::string_view::npos;
    const std::size_t n = s.size();
    const char* p = s.data();
    for (; from + 33 <= n; from += 32) {
        const std::uint32_t m = caption_stop_candidates16(p + from) |
                                static_cast<std::uint32_t>(caption_stop_candidates16(p + from + 16)) << 16;
        if (m != 0)
            if (std::size_t k = caption_first_stop_in(s, from, m); k != none) return k;
    }
    if (from + 17 <= n) {
        if (std::uint32_t m = caption_stop_candidates16(p + from))
            if (std::size_t k = caption_first_stop_in(s, from, m); k != none) return k;
        from += 16;
    }
    if (from + 1 < n && n >= 17) {
        const std::size_t last = n - 17;  // last < from < last + 16, after the loops
        if (std::uint32_t m = caption_stop_candidates16(p + last) >> (from - last))
            if (std::size_t k = caption_first_stop_in(s, from, m); k != none) return k;
        from = n - 1;
    }
    while (from < n && !caption_scan_stop(s, from)) ++from;
    return from;
}

/// The longest block read as a photo caption (real ones stay under 1 KB).
inline constexpr std::size_t caption_max_bytes = 4096;

/// parse_caption, with the scan for stops given: `next_stop(text, i)` is the first offset from
/// i where caption_scan_stop holds, else text.size() (caption_next_scan_stop; parse_story
/// reads it from the story's marks instead, marks.hpp).
template <class NextStop>
std::size_t parse_caption_with(std::string_view text, caption_view& out, const style_desc& style, const sink& diags,
                               const NextStop& next_stop) {
    out.text = {};
    out.credit.reset();
    out.agency.reset();
    out.photographers.clear();
    out.qualifiers.clear();
    out.providers.clear();
    out.place.reset();
    out.date.reset();
    // A caption is a sentence or three and its credit; a longer block is never one, and is
    // not scanned for a credit at all (it would be one more pass over a large paragraph).
    if (text.size() > caption_max_bytes) return 0;

    const std::size_t n = text.size();
    auto colon_from = [&](std::size_t from) -> std::size_t {
        if (from >= n) return n;
        const void* p = std::memchr(text.data() + from, ':', n - from);
        return p ? static_cast<std::size_t>(static_cast<const char*>(p) - text.data()) : n;
    };
    auto photo_colon_from = [&](std::size_t k) {  // k: a ':' or n
        while (k < n && !caption_photo_colon(text, k)) k = colon_from(k + 1);
        return k;
    };
    // The first ':' and the first " photo:" at or after the scan; looked up only once the
    // scan meets a stop, and again once passed.
    std::size_t colon = 0, photo = 0, photo_reach = 0;
    bool colons_known = false;

    for (std::size_t i = 0; i < n;) {
        if (colons_known && photo < i) colons_known = false;
        if (colons_known && colon < i) colon = colon_from(i);
        const bool near_photo = colons_known && photo < n && i + photo_reach >= photo;
        const bool near_colon = colons_known && colon < n && i + caption_label_reach >= colon;
        if (near_photo || near_colon) {
            // Within reach of a ':': a label ("Photo:") or "<AGENCY> PHOTO:" may start here.
            // (`colon` is the first ':' from i, so a label at i ends there.)
            if (near_photo || caption_trigger_at(text, i) ||
                (caption_label_fits(colon - i + 1) && caption_label_len(text, i, caption_credit_labels)))
                if (std::size_t got = caption_attempt_at(text, i, out, style, diags)) return got;
            ++i;
            continue;
        }
        const std::size_t t = next_stop(text, i);
        if (t >= n) break;
        if (!colons_known || colon < t) {
            colon = colon_from(t);
            photo = photo_colon_from(colon);
            if (photo < n && photo_reach == 0) photo_reach = caption_longest_agency(style) + 6;
            colons_known = true;
        }
        // A ':' whose reach starts at or before t: try the positions from there (or from i).
        std::size_t reach_start = n;
        if (colon < n) reach_start = colon > caption_label_reach ? colon - caption_label_reach : 0;
        if (photo < n) reach_start = std::min(reach_start, photo > photo_reach ? photo - photo_reach : 0);
        if (reach_start <= t) {
            i = std::max(i, reach_start);
            continue;
        }
        if (caption_trigger_at(text, t))
            if (std::size_t got = caption_attempt_at(text, t, out, style, diags)) return got;
        i = t + 1;
    }
    return 0;
}

inline std::size_t parse_caption(std::string_view text, caption_view& out, const style_desc& style,
                                 const sink& diags) {
    return parse_caption_with(text, out, style, diags, [](std::string_view s, std::size_t from) {
        return caption_next_scan_stop(s, from);
    });
}

} // namespace detail

template <class Style>
std::optional<caption_view> parse_caption(std::string_view paragraph) {
    caption_view out;
    if (detail::parse_caption(paragraph, out, detail::describe<Style>(), detail::sink{}) == 0)
        return std::nullopt;
    return out;
}

} // namespace wirestory

#endif
