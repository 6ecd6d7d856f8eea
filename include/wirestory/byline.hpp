// wirestory: bylines. "By A and B", "BY A, Reuters", "By A in Kyiv".
//
// The grammar, read left to right over the words of one line (',' and ';' are tokens of
// their own, so "KURTENBACH,AP" is three tokens):
//
//   byline   := [prefix] by [sep] [pretitle] people [tail] ["."]
//   prefix   := whole_line mode only: up to 12 words with some lowercase letters (an ALL
//               CAPS prefix is a headline: "WHEAT BY CLASS"), then "By" capitalised:
//               "Article By A", "Analysis & Commentary: By A", "Some headline By A and B".
//               Not after a credit role ("Reporting By A"); after two words or more only
//               with a label (':', '|', dash), two people or a tail ("Plant Hit By Storm
//               Surge" is a headline)
//   by       := "By" | "BY" | "by"          (a trailing ':' is allowed: "By: A")
//   sep      := a dash or ':'               "By - A"
//   pretitle := capitalised words ending in a title word (style.titles):
//               "By National Security Writer A", "By AP Staff Writer A"; or an
//               affiliation and a title in any case: "by Xinhua writer A"
//   people   := person (("," ["and"] | "and" | "&") person)*
//   person   := name ["," suffix] ["in" location]
//   name     := 2-6 name words: capitalised ("Lee", "O'Neill", "O’Neill", "McCune",
//               "Chien-kuo", "al-Hassan", "d'Afflisio", "Élodie"), ALL CAPS ("KIM"),
//               initials ("A", "J.R."), suffixes ("Jr.", "III"), and lowercase particles
//               inside ("van der", "de la", "bin"); or all lowercase words ("ann lee"),
//               accepted only before a known affiliation at the end of the line.
//   location := capitalised words [", " one capitalised word]   "Kyiv", "Boise, Idaho"
//   tail     := affiliation [title-words]   "Reuters", "AP Business Writer",
//                                           "Associated Press Writers" (style.affiliations)
//                                           "The Associated Press"
//             | words ending in a title     ", Staff Writer"
//             | words with an org word      "Religion News Service" (News, Service, Agency...)
//             | one last capitalised word after a comma (no person has one-word names here)
//             | "|" or "with", then an affiliation          "A | Bloomberg", "A with AFP"
//
// A name ends at a separator, at "in", at an affiliation / title / org word (the word
// before a title or org word belongs to the tail when the name keeps two words: "A B
// Business Writer"), at a word that ends a sentence ("Gannon."), and where a dateline
// starts on the same line: ALL CAPS words after mixed-case names, or ALL CAPS words
// followed by "(", a dash or ", <month>" ("By A B WASHINGTON (Reuters) -The ...").
//
// "Press", "Wire", "Post", "Times", ... are weak org words: they are also surnames, so after
// a comma "Harbor Wire" is a person unless the style lists it as an affiliation. "News",
// "Service", "Agency", ... are strong: "Ann Lee, Harbor News" is one author.
//
// A phrase with a company or place word ("Harbor Bank", "Ellis Holdings", "Mexico City"),
// an office anywhere ("Finance Minister A") or a leading honorific ("President A",
// "Mr A"), or a possessive ("A's") is not a person.
//
// Not a byline: a sentence that starts with "By" ("By most accounts, ...", "By July 2001,
// ...", "By the time ...", "By contrast, ..."): the words after "By" must form a name, and
// what follows the byline on its line must not continue a sentence (a lowercase word, a
// comma and a lowercase word, a number after a month or before a comma). A byline with no
// person ("by Reuters News 12 Jul 2017") is not a byline either. Web page chrome may follow
// a byline: a date ("March 3, 2020", "on March 3", "Wednesday"), "Updated ...", "| ...", and
// after mixed-case names an outlet in capitals (", HTV Business").
//
// whole_line mode also accepts a line without "By" that is nothing but two or more
// mixed-case names ("Ann Lee and Bo Park"), or one or more followed by an affiliation
// ("Ann Lee, Harbor News", "Ann Lee | AFP"): each name 2-4 capitalised words, nothing else
// on the line. Names in capitals need an affiliation of the style after them ("ANN LEE,
// Associated Press"); without one, capitals are a headline.
//
// Scanning is bounded: a line is cut into at most `byline_max_tokens` tokens, and every
// attempt reads them forward once with constant lookahead.
//
// Speed: most blocks given to this parser are not bylines (headlines, captions, the dateline
// paragraph), so refusals come first and cost little. In leading mode the first word must
// be "By", checked on its bytes before any token is made. In whole_line mode the search for
// "By" after a prefix is skipped when the line's bytes hold no "by" token (a dateline or a
// caption on a line of its own), and a names-only line is refused on a byte no such line
// can hold (a digit, a bracket, ';'). Tokens are read
// lazily, only as far as a question needs them, and each one is classified once (kind,
// affiliation, title are cached); the word lists are tables indexed by first letter and
// length, built at compile time.
#ifndef WIRESTORY_BYLINE_HPP
#define WIRESTORY_BYLINE_HPP

#include <cstddef>      // std::size_t
#include <cstdint>      // word-set masks
#include <optional>     // no byline
#include <string_view>  // input

#include "article.hpp"
#include "style.hpp"
#include "detail/text.hpp"

namespace wirestory {

/// Parse one byline line. Views point into `line`. Empty when the line is not a byline
/// (a body sentence that starts with "By ...").
template <class Style = default_style>
std::optional<byline_view> parse_byline(std::string_view line);

namespace detail {

/// Where the byline may stand in its line.
enum class byline_mode {
    leading,    ///< the text starts (after white space) with "By"
    whole_line, ///< the line is a block of its own: "Headline words By A", or "A and B"
};

/// Parse a byline at the start of `text`; fill `out` (its vectors are cleared, capacity
/// kept) and return how many bytes of `text` it took (a dateline may follow on the same
/// line), or 0 when `text` does not start with a byline.
std::size_t parse_byline(std::string_view text, byline_view& out, const style_desc& style,
                         const sink& diags, byline_mode mode = byline_mode::leading);
} // namespace detail

//=== implementation ===//

namespace detail {

//--- character and word helpers (candidates for detail/text.hpp) ---//

/// Case of the letter at `w[i]`: +1 upper, -1 lower, 0 not a letter or no case known.
/// ASCII, Latin-1, Latin Extended-A and Cyrillic are told apart; other letters count as
/// capitals (+1) so names in other scripts are not refused for their case.
inline int byline_letter_case(std::string_view w, std::size_t i) noexcept {
    if (i >= w.size()) return 0;
    char c = w[i];
    if (is_upper(c)) return 1;
    if (is_lower(c)) return -1;
    if (!is_high(c)) return 0;
    std::size_t n = utf8_len(w, i);
    if (n == 0) return 0;
    unsigned char a = static_cast<unsigned char>(c);
    if (n == 2) {
        unsigned char b = static_cast<unsigned char>(w[i + 1]);
        unsigned cp = ((a & 0x1Fu) << 6) | (b & 0x3Fu);
        if (cp < 0xC0) return 0;                          // symbols, NBSP
        if (cp == 0xD7 || cp == 0xF7) return 0;           // × ÷
        if (cp < 0xDF) return 1;                          // À..Þ
        if (cp < 0x100) return -1;                        // ß..ÿ
        if (cp < 0x180) {                                 // Latin Extended-A
            if (cp == 0x138 || cp == 0x149 || cp == 0x17F) return -1;
            if (cp == 0x178) return 1;
            bool odd_upper = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
            return ((cp % 2 == 1) == odd_upper) ? 1 : -1;
        }
        if (cp >= 0x400 && cp < 0x430) return 1;          // Cyrillic capitals
        if (cp >= 0x430 && cp < 0x460) return -1;
        return 1;
    }
    if (n == 3 && (a == 0xE2 || (a == 0xE3 && static_cast<unsigned char>(w[i + 1]) == 0x80) ||
                   a == 0xEF))
        return 0;  // punctuation, symbols, CJK punctuation, specials
    return 1;
}

/// Can `w` be a word of a person's name as far as its bytes go: letters (ASCII or UTF-8),
/// apostrophes (' and ’), hyphens and dots, starting with a letter? No digits, no brackets.
inline bool byline_name_chars(std::string_view w) noexcept {
    if (w.empty()) return false;
    bool letter = false;
    for (std::size_t i = 0; i < w.size();) {
        char c = w[i];
        if (is_alpha(c)) { letter = true; ++i; continue; }
        if (c == '\'' || c == '-' || c == '.') {
            if (i == 0) return false;
            ++i;
            continue;
        }
        if (!is_high(c)) return false;
        std::size_t n = utf8_len(w, i);
        if (n == 0) return false;
        if (n == 3 && c == '\xE2' && w[i + 1] == '\x80') {
            unsigned char d = static_cast<unsigned char>(w[i + 2]);
            if ((d == 0x99 || d == 0x90 || d == 0x91) && i > 0) { i += 3; continue; }  // ’ ‐ ‑
            return false;
        }
        if (byline_letter_case(w, i) == 0) return false;
        letter = true;
        i += n;
    }
    return letter;
}

/// A fixed word list indexed by first letter, with a filter on (first letter, length), so a
/// word is refused without a comparison, or compared with the few entries of its letter and
/// length. Every entry starts with an ASCII letter and is shorter than 32 bytes; at most 255.
struct byline_word_set {
    const std::string_view* words = nullptr;
    std::uint32_t lengths[26] = {};     ///< [letter] bit n: an entry of n bytes starts with it
    unsigned char order[255] = {};      ///< entry numbers sorted by first letter (any case)
    unsigned char first[27] = {};       ///< order[first[l] .. first[l + 1]) start with letter l

    template <std::size_t N>
    constexpr byline_word_set(const std::string_view (&list)[N]) noexcept : words(list) {
        static_assert(N < 256, "byline_word_set holds at most 255 words");
        unsigned counts[26] = {};
        for (std::string_view w : list) {
            unsigned l = static_cast<unsigned>(to_lower(w[0]) - 'a');
            lengths[l] |= std::uint32_t{1} << w.size();
            ++counts[l];
        }
        for (unsigned l = 0; l < 26; ++l)
            first[l + 1] = static_cast<unsigned char>(first[l] + counts[l]);
        unsigned next[26] = {};
        for (std::size_t k = 0; k < N; ++k) {
            unsigned l = static_cast<unsigned>(to_lower(list[k][0]) - 'a');
            order[first[l] + next[l]++] = static_cast<unsigned char>(k);
        }
    }
    /// The letter slot of `w` (0-25) when an entry of its first letter and length exists,
    /// else 26.
    constexpr unsigned slot(std::string_view w) const noexcept {
        if (w.empty() || w.size() >= 32) return 26;
        char c = to_lower(w[0]);
        if (c < 'a' || c > 'z') return 26;
        unsigned l = static_cast<unsigned>(c - 'a');
        return ((lengths[l] >> w.size()) & 1u) ? l : 26;
    }
    /// Exactly as written.
    constexpr bool has(std::string_view w) const noexcept {
        unsigned l = slot(w);
        if (l == 26) return false;
        for (unsigned k = first[l]; k < first[l + 1]; ++k)
            if (w == words[order[k]]) return true;
        return false;
    }
    /// In any case (ASCII).
    constexpr bool has_icase(std::string_view w) const noexcept {
        unsigned l = slot(w);
        if (l == 26) return false;
        for (unsigned k = first[l]; k < first[l + 1]; ++k)
            if (iequals(w, words[order[k]])) return true;
        return false;
    }
};

/// Lowercase words that join the parts of a name: "van der", "de la", "bin", "y".
inline constexpr std::string_view byline_particle_words[] = {
    "van", "von", "der", "den", "de", "del", "della", "di", "da", "dos", "das", "do", "du",
    "la", "le", "bin", "binti", "bint", "ibn", "ben", "y", "ter", "ten", "zu", "af", "al", "el"};
inline constexpr byline_word_set byline_particle_set{byline_particle_words};
constexpr bool byline_is_particle(std::string_view w) noexcept {
    return byline_particle_set.has(w);
}

/// Words that begin or carry a sentence and are never part of a name. Lowercase forms are
/// checked exactly; the short list below also in any case ("The", "THE").
inline constexpr std::string_view byline_function_word_any_case_words[] = {
    "the", "this", "that", "these", "those", "its", "our", "their", "his", "her", "of", "for",
    "with", "from", "to", "at", "on", "is", "was", "are", "were", "has", "had", "have", "said",
    "if", "when", "while", "after", "before"};
inline constexpr byline_word_set byline_function_word_any_case_set{
    byline_function_word_any_case_words};
inline constexpr std::string_view byline_function_word_lower_words[] = {
    "a", "an", "be", "been", "will", "would", "can", "could", "should", "may", "might", "must",
    "says", "it", "as", "or", "but", "not", "no", "nor", "so", "than", "then", "there", "they",
    "them", "he", "she", "we", "us", "you", "your", "i", "me", "my", "which", "who", "whom",
    "whose", "what", "where", "why", "how", "all", "any", "some", "most", "more", "many",
    "much", "each", "every", "other", "such", "only", "also", "into", "onto", "over", "under",
    "about", "between", "through", "during", "against", "among", "up", "down", "out", "off",
    "via", "per", "because", "since", "until", "far", "now", "way", "contrast", "comparison",
    "just", "last", "next", "early", "late", "mid", "end", "time"};
inline constexpr byline_word_set byline_function_word_lower_set{byline_function_word_lower_words};
constexpr bool byline_is_function_word(std::string_view w) noexcept {
    return byline_function_word_any_case_set.has_icase(w) ||
           byline_function_word_lower_set.has(w);
}

/// Abbreviations whose period does not end the byline: "Jr.", "Dr.", "St.".
inline constexpr std::string_view byline_abbreviation_words[] = {
    "Jr", "Sr", "St", "Ste", "Mt", "Ft", "Dr", "Rep", "Sen", "Gov", "Gen", "Lt", "Col", "Capt",
    "Sgt", "Mr", "Mrs", "Ms", "Prof", "Rev", "Msgr"};
inline constexpr byline_word_set byline_abbreviation_set{byline_abbreviation_words};
constexpr bool byline_is_abbreviation(std::string_view core) noexcept {
    return byline_abbreviation_set.has_icase(core);
}

/// Name suffixes: "Jr.", "Sr", "II", "III", "IV".
inline constexpr std::string_view byline_suffix_words[] = {
    "Jr", "Sr", "II", "III", "IV"};
inline constexpr byline_word_set byline_suffix_set{byline_suffix_words};
constexpr bool byline_is_suffix(std::string_view core) noexcept {
    return byline_suffix_set.has_icase(core);
}

/// Initials: "A", "A.", "J.R.", "J.-P." (capitals each followed by '.' or '-').
constexpr bool byline_is_initial(std::string_view raw) noexcept {
    if (raw.size() == 1) return is_upper(raw[0]);
    if (raw.size() == 2 && is_upper(raw[0]) && raw[1] == '.') return true;
    bool dot = false, prev_letter = false;
    for (char c : raw) {
        if (is_upper(c)) {
            if (prev_letter) return false;
            prev_letter = true;
        } else if (c == '.' || c == '-') {
            dot = dot || c == '.';
            prev_letter = false;
        } else {
            return false;
        }
    }
    return dot && !raw.empty() && is_upper(raw[0]);
}

/// Words that make a capitalised phrase a company or an institution, not a person:
/// "by Harbor Bank", "by Ellis Holdings Inc".
inline constexpr std::string_view byline_company_word_words[] = {
    "Inc", "Corp", "Co", "Ltd", "Plc", "LLC", "Cos", "GmbH", "Group", "Bank", "Holdings",
    "Airlines", "Corporation", "Company", "Partners", "Securities", "Industries", "Trust",
    "Ministry", "Department", "Committee", "Council", "Government", "Party", "University",
    "Association", "Institute", "Commission", "Exchange", "Markets", "Board", "Office",
    "Authority", "Administration", "Foundation", "Fund", "Federation", "Organization",
    "Organisation", "Subcommittee", "Limited", "Associates", "International", "Hotels",
    // places
    "City", "Kingdom", "Republic", "States", "Island", "Islands", "County", "Province",
    "Territories", "Region", "Valley", "Union"};
inline constexpr byline_word_set byline_company_word_set{byline_company_word_words};
constexpr bool byline_is_company_word(std::string_view w) noexcept {
    return byline_company_word_set.has_icase(w);
}

/// Honorifics and offices that open a phrase naming a person in a sentence, never a
/// byline: "by President Ellis", "by Senator Ann Lee". ("Dr." is left out: op-eds use it.)
/// Some are surnames too ("Ann Prince"), so these count only as a name's first word.
inline constexpr std::string_view byline_office_words[] = {
    "Vice", "Senate", "Sen", "Rep", "Mayor", "Prince", "Princess", "Pope", "Gen", "General",
    "Judge", "Justice", "Treasury", "Mr", "Mrs", "Ms", "Prime", "King", "Queen"};
inline constexpr byline_word_set byline_office_set{byline_office_words};
constexpr bool byline_is_office(std::string_view w) noexcept {
    return byline_office_set.has_icase(w);
}

/// Offices that no surname is: a phrase with one names an official, not an author
/// ("Finance Minister Ann Lee", "Ann Lee, Chairman").
inline constexpr std::string_view byline_office_anywhere_words[] = {
    "President", "Minister", "Secretary", "Chairman", "Chairwoman", "Senator", "Governor",
    "Premier", "Officer", "Representative", "Ambassador", "Commissioner", "Chancellor",
    "Congressman", "Congresswoman", "Spokesman", "Spokeswoman", "Director"};
inline constexpr byline_word_set byline_office_anywhere_set{byline_office_anywhere_words};
constexpr bool byline_is_office_anywhere(std::string_view w) noexcept {
    return byline_office_anywhere_set.has_icase(w);
}

/// Organisation words that no surname is: "Religion News Service", "Harbor News".
inline constexpr std::string_view byline_strong_org_words[] = {
    "News", "Newswire", "Newswires", "Agency", "Service", "Services", "Media", "Network",
    "Radio", "Television", "Newspaper", "Newspapers", "Magazine", "Syndicate", "Bureau"};
inline constexpr byline_word_set byline_strong_org_set{byline_strong_org_words};
constexpr bool byline_is_strong_org(std::string_view w) noexcept {
    return byline_strong_org_set.has_icase(w);
}

/// Organisation words that are also surnames: an org word only before another org word
/// or a title ("Harbor Press Service", "Associated Press Writers").
inline constexpr std::string_view byline_weak_org_words[] = {
    "Press", "Wire", "Post", "Times", "Journal", "Herald", "Tribune", "Gazette", "Daily"};
inline constexpr byline_word_set byline_weak_org_set{byline_weak_org_words};
constexpr bool byline_is_weak_org(std::string_view w) noexcept {
    return byline_weak_org_set.has_icase(w);
}

/// "Ellis's", "Ellis’s": a possessive is never the end of a byline name.
constexpr bool byline_is_possessive(std::string_view w) noexcept {
    const std::size_t n = w.size();
    if (n < 2 || (w[n - 1] != 's' && w[n - 1] != 'S')) return false;
    if (w[n - 2] == '\'') return true;
    return w[n - 1] == 's' && n >= 4 && w[n - 4] == '\xE2' && w[n - 3] == '\x80' &&
           w[n - 2] == '\x99';
}

/// month_number(w) > 0 ("Jan", "Jan.", "January", "Sept", any case), with its table at
/// namespace scope so that a call builds nothing.
inline constexpr std::string_view byline_month_words[] = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december"};
constexpr bool byline_is_month(std::string_view w) noexcept {
    if (!w.empty() && w.back() == '.') w.remove_suffix(1);
    if (w.size() < 3) return false;
    const char c = to_lower(w[0]);
    if (c != 'j' && c != 'f' && c != 'm' && c != 'a' && c != 's' && c != 'o' && c != 'n' &&
        c != 'd')
        return false;
    for (std::string_view full : byline_month_words) {
        if (full[0] != c) continue;
        if (iequals(w, full) || (w.size() == 3 && iequals(w, full.substr(0, 3)))) return true;
    }
    return iequals(w, "sept");
}

/// "Monday".."Sunday" and "Mon".."Sun", any case.
inline constexpr std::string_view byline_weekday_words[] = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Mon", "Tue",
    "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun"};
inline constexpr byline_word_set byline_weekday_set{byline_weekday_words};
constexpr bool byline_is_weekday(std::string_view w) noexcept {
    return byline_weekday_set.has_icase(w);
}

/// Web page stamps after a byline: "By A Updated 3 hours ago", "By A | Published".
inline constexpr std::string_view byline_web_stamp_words[] = {
    "Updated", "Published", "Posted", "Modified"};
inline constexpr byline_word_set byline_web_stamp_set{byline_web_stamp_words};
constexpr bool byline_is_web_stamp(std::string_view w) noexcept {
    return byline_web_stamp_set.has_icase(w);
}

/// Does `w` start with a capital, after a lowercase prefix such as "al-", "el-", "d'",
/// "d’" ("al-Hassan", "d'Afflisio")?
inline bool byline_is_capitalised(std::string_view w) noexcept {
    int first = byline_letter_case(w, 0);
    if (first >= 0) return first > 0;
    // A lowercase prefix of one to three letters, then '-', '\'' or '’', then a capital.
    std::size_t i = 0;
    while (i < w.size() && i < 4 && is_lower(w[i])) ++i;
    if (i == 0 || i > 3 || i >= w.size()) return false;
    if (w[i] == '-' || w[i] == '\'') return byline_letter_case(w, i + 1) > 0;
    if (w[i] == '\xE2' && i + 2 < w.size() && w[i + 1] == '\x80' && w[i + 2] == '\x99')
        return byline_letter_case(w, i + 3) > 0;
    return false;
}

/// ALL CAPS: at least two ASCII capitals and no ASCII lowercase letter ("KIM", "ÉLODIE").
constexpr bool byline_is_all_caps(std::string_view w) noexcept {
    int upper = 0;
    for (char c : w) {
        if (is_lower(c)) return false;
        if (is_upper(c)) ++upper;
    }
    return upper >= 2;
}

/// A word of a capitals place name in a dateline: "WASHINGTON", "LONDON/KYIV", "ST.".
inline bool byline_is_caps_place(std::string_view w) noexcept {
    if (!byline_is_all_caps(w)) return false;
    for (std::size_t i = 0; i < w.size(); ++i) {
        char c = w[i];
        if (is_digit(c) || c == '(' || c == ')' || c == '"') return false;
    }
    return is_upper(w[0]) || is_high(w[0]);
}

/// Is the whole token a dash ("-", "--", "—")?
constexpr bool byline_is_dash_token(std::string_view w) noexcept {
    if (w.empty()) return false;
    for (std::size_t i = 0; i < w.size();) {
        std::size_t n = dash_len(w, i);
        if (n == 0) return false;
        i += n;
    }
    return true;
}

//--- bytes ---//

/// Byte classes for reading a byline line: what ends a word, and what no names-only line
/// can hold.
enum : unsigned char {
    byline_byte_word = 0,   ///< part of a word
    byline_byte_space = 1,  ///< ASCII white space
    byline_byte_break = 2,  ///< ',' or ';': a token of its own
    byline_byte_high = 3,   ///< >= 0x80: part of a word, or of a Unicode space
    byline_byte_class = 3,  ///< mask of the four classes above
    /// Flag: a byte no token of a line of bare names has ("Ann Lee, Bo Park and Cy Dunn"):
    /// not a letter, white space, ',', '\'', '-', '.', ':', '&', '|' or >= 0x80.
    byline_byte_not_bare = 4,
};

struct byline_byte_table {
    unsigned char cls[256] = {};
    constexpr byline_byte_table() noexcept {
        for (int c = 0; c < 256; ++c) {
            char ch = static_cast<char>(c);
            unsigned char v = byline_byte_word;
            if (c >= 0x80) v = byline_byte_high;
            else if (is_ascii_space(ch)) v = byline_byte_space;
            else if (ch == ',' || ch == ';') v = byline_byte_break;
            bool bare_ok = c >= 0x80 || is_alpha(ch) || is_ascii_space(ch) || ch == ',' ||
                           ch == '\'' || ch == '-' || ch == '.' || ch == ':' || ch == '&' ||
                           ch == '|';  // "Ann Lee | Harbor News"
            if (!bare_ok) v = static_cast<unsigned char>(v | byline_byte_not_bare);
            cls[c] = v;
        }
    }
    constexpr unsigned char operator[](char c) const noexcept {
        return cls[static_cast<unsigned char>(c)];
    }
};
inline constexpr byline_byte_table byline_bytes{};

/// Do the words of `list` hold only bytes a names-only line may hold?
constexpr bool byline_words_plain(const std::string_view* list, std::size_t count) noexcept {
    for (std::size_t k = 0; k < count; ++k)
        for (char c : list[k])
            if (byline_bytes[c] & byline_byte_not_bare) return false;
    return true;
}
inline constexpr bool byline_base_affiliations_plain = byline_words_plain(
    base_style::affiliations, sizeof base_style::affiliations / sizeof base_style::affiliations[0]);

/// Can the line at the start of `rest` be nothing but names, with no "By" ("Ann Lee and Bo
/// Park", "Ann Lee, Harbor News")? Not when it holds a byte that neither a name, "and",
/// "&", "the", ',' nor an affiliation of the style has: a digit, a bracket, ';', '/', '"'.
/// A cheap refusal for datelines and captions; `true` means "maybe".
inline bool byline_bare_possible(std::string_view rest, const style_desc& style) noexcept {
    for (char c : rest) {
        if (c == '\n' || c == '\r') return true;
        if (!(byline_bytes[c] & byline_byte_not_bare)) continue;
        // The built-in styles share base_style's list, known to hold no such byte.
        if (style.affiliations.begin() == base_style::affiliations &&
            byline_base_affiliations_plain)
            return false;
        for (std::string_view entry : style.affiliations)
            if (entry.find(c) != std::string_view::npos) return true;  // let the parser decide
        return false;
    }
    return true;
}

/// Can the line at the start of `rest` hold the token "by" (any case, its '.' or ':' after
/// it)? Tokens end at white space (ASCII or Unicode), ',' and ';', so "by" must stand after
/// one of those (or a byte >= 0x80) and before one. A cheap refusal for whole_line mode: a
/// dateline or a caption on a line of its own has none, and its tokens need not be read.
/// `true` means "maybe": also the answer past the first 256 bytes, so that a long line (the
/// caller looks at its first twelve tokens only) costs no pass over the whole line.
inline bool byline_by_token_possible(std::string_view rest) noexcept {
    const auto ends_token = [](char c) {
        return is_ascii_space(c) || c == ',' || c == ';' || is_high(c);
    };
    constexpr std::size_t reach = 256;
    for (std::size_t i = 0; i + 1 < rest.size(); ++i) {
        if (i == reach) return true;
        const char c = rest[i];
        if (c == '\n' || c == '\r') return false;
        if ((c | 0x20) != 'b' || (rest[i + 1] | 0x20) != 'y') continue;
        if (i > 0 && !ends_token(rest[i - 1])) continue;
        std::size_t j = i + 2;
        while (j < rest.size() && (rest[j] == '.' || rest[j] == ':')) ++j;
        if (j == rest.size() || ends_token(rest[j])) return true;
    }
    return false;
}

/// A bit number for a word's first byte: 0-25 for a letter in any case, 26 for any other.
constexpr unsigned byline_letter_slot(char c) noexcept {
    char l = to_lower(c);
    return (l >= 'a' && l <= 'z') ? static_cast<unsigned>(l - 'a') : 26u;
}

/// Bit byline_letter_slot(c) for the first byte c of every entry of a style list (bit 31:
/// computed), so that most words need no look at the list.
constexpr std::uint32_t byline_first_letters(const std::string_view* list,
                                             std::size_t count) noexcept {
    std::uint32_t mask = std::uint32_t{1} << 31;
    for (std::size_t k = 0; k < count; ++k)
        if (!list[k].empty()) mask |= std::uint32_t{1} << byline_letter_slot(list[k][0]);
    return mask;
}
/// The same for the first byte of every entry's last word ("Staff Writer": 'W').
constexpr std::uint32_t byline_last_word_letters(const std::string_view* list,
                                                 std::size_t count) noexcept {
    std::uint32_t mask = std::uint32_t{1} << 31;
    for (std::size_t k = 0; k < count; ++k) {
        std::string_view entry = list[k];
        std::size_t at = entry.size();
        while (at > 0 && entry[at - 1] != ' ') --at;
        if (at < entry.size()) mask |= std::uint32_t{1} << byline_letter_slot(entry[at]);
    }
    return mask;
}
inline constexpr std::uint32_t byline_base_affiliation_letters = byline_first_letters(
    base_style::affiliations, sizeof base_style::affiliations / sizeof base_style::affiliations[0]);
inline constexpr std::uint32_t byline_base_title_letters = byline_last_word_letters(
    base_style::titles, sizeof base_style::titles / sizeof base_style::titles[0]);

//--- tokens ---//

/// How many tokens of one line a byline parse looks at; a longer line is cut there.
inline constexpr std::size_t byline_max_tokens = 96;

enum class byline_kind : unsigned char {
    punct,     ///< "," or ";"
    conj,      ///< "and", "And", "AND", "&"
    in,        ///< "in" before a location
    by,        ///< "by" in any case
    dash,      ///< "-", "—"
    initial,   ///< "A", "J.R."
    suffix,    ///< "Jr.", "III"
    particle,  ///< "van", "de", "bin"
    cap,       ///< a capitalised or ALL CAPS name-like word
    weak,      ///< an all-lowercase word that could still be a name ("keith")
    other,     ///< anything else: function words, numbers, "(Reuters)", ...
};

/// Is `core` (a token without its trailing '.' / ':') the word "by" in any case?
constexpr bool byline_is_by_word(std::string_view core) noexcept {
    return core.size() == 2 && (core[0] == 'b' || core[0] == 'B') &&
           (core[1] == 'y' || core[1] == 'Y');
}

/// Does the first token of `rest` (which starts at a token) read "By": "By", "BY", "by",
/// "By:", "BY." - the same as byline_scanner::is_by(0), from the bytes alone.
constexpr bool byline_starts_with_by(std::string_view rest) noexcept {
    if (rest.size() < 2 || (rest[0] != 'b' && rest[0] != 'B') || (rest[1] != 'y' && rest[1] != 'Y'))
        return false;
    std::size_t i = 2;
    while (i < rest.size() && (rest[i] == '.' || rest[i] == ':')) ++i;
    return i == rest.size() || space_len(rest, i) > 0 || rest[i] == ',' || rest[i] == ';';
}

/// The parser of one line. Every member reads the tokens forward with constant lookahead.
///
/// Tokens are read lazily, only as far as a question needs them (`has(i)`), and each one
/// is classified at most once (its kind, affiliation length and title flag are cached), so
/// a line that is plainly no byline ("PORT ELLIS, March 3 - ...", a caption) costs a token
/// or two, not the 96 the scanner may read.
class byline_scanner {
public:
    /// `rest` starts at the line's first token; the line ends at the first CR or LF.
    byline_scanner(std::string_view rest, const style_desc& style) noexcept
        : style_(style), text_(rest) {}

    /// Is there a token `i` on the line? Reads tokens up to it.
    bool has(std::size_t i) const noexcept {
        while (i >= count_ && !done_) read_token();
        return i < count_;
    }

    /// Read every token of the line (up to the limit), so `cut_at` and `line_end` are known.
    void read_all() const noexcept {
        while (!done_) read_token();
    }

    /// Parse the byline whose "By" is token `b`; returns the end of what was consumed
    /// (nullptr when it is not a byline) and fills `out`.
    const char* parse_after_by(std::size_t b, byline_view& out) const {
        std::size_t i = b + 1;
        if (has(i) && (kind(i) == byline_kind::dash || raw(i) == ":")) ++i;
        i = skip_pretitle(i);
        return parse_people(i, raw(b).data(), false, out);
    }

    /// Parse the whole line as names without "By" ("Ann Lee and Bo Park").
    const char* parse_bare(byline_view& out) const {
        if (!has(0)) return nullptr;
        return parse_people(0, raw(0).data(), true, out);
    }

    /// A prefix must not end in a credit role ("Reporting By A", "Photographs By A"). After
    /// a prefix of two words or more ("Plant Hit By Storm Surge"), a byline needs more than
    /// one capitalised pair: a label before it ("Commentary: By A"), two or more people, or
    /// an affiliation / title after them.
    bool prefix_confirmed(std::size_t b, const byline_view& out) const noexcept {
        // "Reporting By A", "Photographs By A": a credit, not a byline.
        std::string_view role = core(b - 1);
        if (iends_with(role, "ing") || iequals(role, "compiled") || iequals(role, "edited") ||
            iequals(role, "graphics") ||
            iequals(role, "photos") || iequals(role, "photographs") || iequals(role, "video") ||
            iequals(role, "illustrations") || iequals(role, "illustration"))
            return false;
        if (b <= 1 || out.authors.size() >= 2) return true;
        std::string_view before = raw(b - 1);
        if (before.back() == ':' || before == "|" || byline_is_dash_token(before)) return true;
        const auto& last = out.authors.back();
        const char* name_end = last.location ? last.location->data() + last.location->size()
                                             : last.name.data() + last.name.size();
        return out.text.data() + out.text.size() > name_end;  // a tail after the name
    }

    /// Where the tokens not read start, when the line had too many (else nullptr).
    /// Reads the whole line.
    const char* cut_at() const noexcept {
        read_all();
        return cut_ ? cut_at_ : nullptr;
    }
    /// The end of the line, trailing white space excluded. Reads the whole line.
    const char* line_end() const noexcept {
        read_all();
        // No CR or LF before the last token read: look from there.
        std::size_t from =
            count_ == 0 ? 0 : static_cast<std::size_t>(toks_[count_ - 1].data - text_.data());
        std::size_t eol = text_.find_first_of("\r\n", from);  // CR alone ends a line too
        if (eol == std::string_view::npos) eol = text_.size();
        std::string_view line = trim_right(text_.substr(0, eol));
        return line.data() + line.size();
    }
    /// Token `i` as written (empty past the end of the line).
    std::string_view raw(std::size_t i) const noexcept {
        return has(i) ? std::string_view(toks_[i].data, toks_[i].raw_len) : std::string_view();
    }
    /// Token `i` without its trailing '.' and ':'.
    std::string_view core(std::size_t i) const noexcept {
        return has(i) ? std::string_view(toks_[i].data, toks_[i].core_len) : std::string_view();
    }
    /// Is token `i` "By" (in any case, maybe with ':' or '.')? The same as kind(i) ==
    /// byline_kind::by, without classifying the word.
    bool is_by(std::size_t i) const noexcept { return has(i) && byline_is_by_word(core(i)); }

    byline_kind kind(std::size_t i) const noexcept {
        if (!has(i)) return byline_kind::other;
        slot& t = toks_[i];
        if (t.kind == unknown) t.kind = static_cast<unsigned char>(classify(i));
        return static_cast<byline_kind>(t.kind);
    }

private:
    static constexpr std::size_t npos = static_cast<std::size_t>(-1);

    bool is_word(std::size_t i) const noexcept {
        return has(i) && kind(i) != byline_kind::punct;
    }
    /// The same as is_word, without classifying the token.
    bool is_plain_word(std::size_t i) const noexcept {
        if (!has(i)) return false;
        std::string_view w = raw(i);
        return w != "," && w != ";";
    }
    bool is_name_word(std::size_t i) const noexcept {
        byline_kind k = kind(i);
        return k == byline_kind::cap || k == byline_kind::initial || k == byline_kind::suffix;
    }

    /// Does the token's trailing '.' end a sentence ("Gannon.") rather than an
    /// abbreviation ("Jr.", "J.R.", "D.C.")?
    bool ends_sentence(std::size_t i) const noexcept {
        std::string_view raw = this->raw(i);
        if (raw.empty() || raw.back() != '.') return false;
        std::string_view core = this->core(i);
        if (byline_is_initial(raw) || byline_is_suffix(core) || byline_is_abbreviation(core))
            return false;
        for (char c : core)
            if (c == '.') return false;  // "D.C.", "U.S."
        return true;
    }

    /// Where the token's text ends in a view: before a sentence period.
    const char* content_end(std::size_t i) const noexcept {
        std::string_view raw = this->raw(i);
        if (ends_sentence(i)) return raw.data() + core(i).size();
        return raw.data() + raw.size();
    }
    const char* raw_end(std::size_t i) const noexcept {
        return raw(i).data() + raw(i).size();
    }

    /// How many tokens from `i` spell an affiliation of the style ("Associated Press");
    /// 0 if none. Words compare exactly, or in any case when written ALL CAPS.
    std::size_t affiliation_len(std::size_t i) const noexcept {
        if (!has(i)) return 0;
        slot& t = toks_[i];
        if (t.affiliation == unknown)
            t.affiliation = static_cast<unsigned char>(find_affiliation(i));
        return t.affiliation;
    }
    std::size_t find_affiliation(std::size_t i) const noexcept {
        if (!is_plain_word(i)) return 0;  // every entry starts with a word
        const std::string_view first = core(i);
        // (A word with no core, "." or ":", matches no entry: its first part would be
        // empty, and the raw word is longer than its core.)
        if (first.empty() || !((first_letters(style_.affiliations, affiliation_letters_) >>
                                byline_letter_slot(first[0])) & 1u))
            return 0;
        const bool first_caps = !has_lower(first);
        std::size_t best = 0;
        for (std::string_view entry : style_.affiliations) {
            // Most entries fail on their first word: compare it before splitting the entry.
            const std::size_t n = first.size();
            if (entry.size() < n || (entry.size() > n && entry[n] != ' ')) continue;
            if (to_lower(entry[0]) != to_lower(first[0])) continue;
            std::string_view head = entry.substr(0, n);
            if (head != first && !(first_caps && iequals(head, first))) continue;
            std::size_t k = i, pos = 0;
            bool ok = !entry.empty();
            while (ok && pos < entry.size()) {
                std::size_t sp = entry.find(' ', pos);
                std::string_view part = entry.substr(pos, sp == std::string_view::npos
                                                              ? std::string_view::npos
                                                              : sp - pos);
                if (!is_plain_word(k)) { ok = false; break; }
                std::string_view w = core(k);
                bool caps = !has_lower(w);
                ok = (w == part) || (caps && iequals(w, part));
                // Only the last word may carry the sentence period.
                if (ok && sp != std::string_view::npos && raw(k).size() != w.size())
                    ok = false;
                ++k;
                pos = sp == std::string_view::npos ? entry.size() : sp + 1;
            }
            if (ok && k - i > best) best = k - i;
        }
        return best;
    }

    /// A job title word of the style ("Writer", "Correspondents"), capitalised.
    bool is_title(std::size_t i) const noexcept {
        if (!has(i)) return false;
        slot& t = toks_[i];
        if (t.title == unknown) t.title = find_title(i) ? 1 : 0;
        return t.title == 1;
    }
    bool find_title(std::size_t i) const noexcept {
        if (!is_plain_word(i)) return false;
        std::string_view w = core(i);
        if (w.empty() || !is_upper(w[0])) return false;
        if (!((last_word_letters(style_.titles, title_letters_) >> byline_letter_slot(w[0])) & 1u))
            return false;
        // The entry's last word is `w`: the entry ends with it, after a space or nothing
        // (`w` has no space in it).
        const std::size_t n = w.size();
        for (std::string_view entry : style_.titles)
            if (entry.size() >= n && (entry.size() == n || entry[entry.size() - n - 1] == ' ') &&
                iequals(w, entry.substr(entry.size() - n)))
                return true;
        return false;
    }

    /// A one-word title of the style in any case: "writer" in "by Xinhua writer A".
    bool is_title_any_case(std::size_t i) const noexcept {
        if (!is_plain_word(i)) return false;
        std::string_view w = core(i);
        for (std::string_view entry : style_.titles)
            if (iequals(w, entry)) return true;
        return false;
    }

    /// A word that makes what ends with it an organisation or a job ("News", "Writer", and
    /// "Press" before "Writers").
    bool is_org_or_title(std::size_t i) const noexcept {
        if (!is_word(i)) return false;
        if (is_title(i)) return true;
        std::string_view w = core(i);
        if (w.empty() || !is_upper(w[0])) return false;
        if (byline_is_strong_org(w)) return true;
        return byline_is_weak_org(w) && !ends_sentence(i) &&
               (is_title(i + 1) || (is_word(i + 1) && (byline_is_strong_org(core(i + 1)) ||
                                                       byline_is_weak_org(core(i + 1)))));
    }

    /// Does a dateline start at token `j`: ALL CAPS words, then "(", a dash, or ", " and a
    /// month, a number, or a capitalised word before "(" / a dash ("BOISE, Idaho (AP)")?
    bool dateline_ahead(std::size_t j) const noexcept {
        std::size_t k = j, m = 0;
        while (has(k) && m < 4 && kind(k) != byline_kind::punct &&
               byline_is_caps_place(raw(k))) {
            ++k;
            ++m;
        }
        if (m == 0 || !has(k)) return false;
        std::string_view after_place = raw(k);
        if (after_place[0] == '(' || byline_is_dash_token(after_place) ||
            dash_len(after_place, 0) > 0)
            return true;
        if (after_place == "," && has(k + 1)) {
            std::string_view next = raw(k + 1);
            if (byline_is_month(core(k + 1)) || is_digit(next[0])) return true;
            if (byline_is_capitalised(next) && has(k + 2)) {
                std::string_view after = raw(k + 2);
                return after[0] == '(' || dash_len(after, 0) > 0;
            }
        }
        return false;
    }

    /// Skip a job title between "By" and the names: capitalised words ending in title
    /// words, when name words follow ("By National Security Writer A").
    std::size_t skip_pretitle(std::size_t i) const noexcept {
        // "by Xinhua writer A": an affiliation, then a title in lower case.
        if (std::size_t a = affiliation_len(i)) {
            std::size_t k = i + a;
            if (is_title_any_case(k)) {
                while (is_title_any_case(k + 1)) ++k;
                if (is_name_word(k + 1) && is_name_word(k + 2)) return k + 1;
            }
        }
        for (std::size_t k = i; has(k) && k < i + 6; ++k) {
            if (!is_name_word(k)) break;
            if (is_title(k)) {
                while (is_title(k + 1)) ++k;
                if (is_name_word(k + 1) && is_name_word(k + 2)) return k + 1;
                break;
            }
        }
        return i;
    }

    /// Result of scanning one name.
    struct name_scan {
        std::size_t end = 0;         ///< one past the last name token
        std::size_t tail = npos;     ///< where an affiliation / title / org tail starts
        bool weak = false;           ///< an all-lowercase name
        bool sentence_end = false;   ///< the last word ended with a sentence period
        bool valid = false;          ///< 2+ words, starts and ends with a name word
    };

    name_scan scan_name(std::size_t s) const noexcept {
        name_scan r;
        std::size_t i = s, words = 0;
        bool weak = kind(s) == byline_kind::weak;
        bool mixed = false;  // a word with lowercase letters seen (Mixed Case names)
        bool not_person = false;
        while (has(i) && words < 6) {
            byline_kind k = kind(i);
            if (weak) {
                if (k != byline_kind::weak && k != byline_kind::particle) break;
            } else {
                if (k != byline_kind::cap && k != byline_kind::initial &&
                    k != byline_kind::suffix && k != byline_kind::particle)
                    break;
                if (k == byline_kind::cap) {
                    if (std::size_t a = affiliation_len(i)) {
                        (void)a;
                        if (words == 0) r.tail = s;
                        else if (words >= 2) r.tail = i;
                        break;  // one word then an affiliation: not a name
                    }
                    if (is_org_or_title(i)) {
                        if (words >= 3) { r.tail = i - 1; i = i - 1; }
                        else if (words == 2) r.tail = i;
                        else { r.tail = s; i = s; }
                        break;
                    }
                    // "by Harbor Bank", "by President Ellis": not an author.
                    if (byline_is_company_word(core(i)) ||
                        byline_is_office_anywhere(core(i)) ||
                        (words == 0 && byline_is_office(core(i))))
                        not_person = true;
                    bool caps = byline_is_all_caps(core(i));
                    if (words >= 2 && caps && (mixed || dateline_ahead(i))) break;
                    // A date or a page stamp after the name: "By A B March 3, 2020",
                    // "By A B Wednesday", "By A B Updated 2 hours ago".
                    if (words >= 2 && (byline_is_weekday(core(i)) ||
                                       byline_is_web_stamp(core(i)) ||
                                       (byline_is_month(core(i)) && has(i + 1) &&
                                        is_digit(raw(i + 1)[0]))))
                        break;
                    if (has_lower(core(i))) mixed = true;
                }
            }
            ++words;
            ++i;
            if (ends_sentence(i - 1)) {
                r.sentence_end = true;
                break;
            }
        }
        r.end = i;
        r.weak = weak;
        std::size_t n = i - s;
        r.valid = n >= 2 && !not_person && kind(s) != byline_kind::particle &&
                  kind(i - 1) != byline_kind::particle && kind(s) != byline_kind::suffix;
        return r;
    }

    /// Scan a location after "in": capitalised words, and ", <Word>" for a state or country
    /// when no name follows ("in Boise, Idaho"). Returns one past its end, or `i`.
    std::size_t scan_location(std::size_t i, bool& sentence_end) const noexcept {
        std::size_t k = i, words = 0;
        sentence_end = false;
        while (has(k) && words < 4) {
            byline_kind kk = kind(k);
            if (kk == byline_kind::particle && words > 0 && is_name_word(k + 1)) { ++k; ++words; continue; }
            if (kk != byline_kind::cap && kk != byline_kind::initial) break;
            if (affiliation_len(k) || is_org_or_title(k)) break;
            if (words >= 1 && byline_is_all_caps(core(k)) && dateline_ahead(k)) break;
            ++k;
            ++words;
            if (ends_sentence(k - 1)) { sentence_end = true; return k; }
        }
        if (words == 0) return i;
        // ", Idaho" - one capitalised word, not an affiliation, not followed by more name.
        if (has(k + 1) && raw(k) == "," && kind(k + 1) == byline_kind::cap &&
            !affiliation_len(k + 1) && !is_org_or_title(k + 1) &&
            (ends_sentence(k + 1) || !is_name_word(k + 2))) {
            if (!(byline_is_all_caps(core(k + 1)) && dateline_ahead(k + 1))) {
                sentence_end = ends_sentence(k + 1);
                return k + 2;
            }
        }
        return k;
    }

    /// Scan a tail at `t`: an affiliation with its title ("AP Business Writer"), or
    /// capitalised words up to the last title / org word ("Religion News Service").
    /// Returns one past its end (== t when there is none); `known` tells whether it
    /// started with an affiliation of the style.
    std::size_t scan_tail(std::size_t t, bool& known) const noexcept {
        known = false;
        // "The Associated Press": the article belongs to the tail when a tail follows it.
        std::size_t from = (is_word(t) && iequals(raw(t), "the")) ? t + 1 : t;
        std::size_t j = from;
        if (std::size_t a = affiliation_len(from)) {
            known = true;
            j = from + a;
            if (ends_sentence(j - 1)) return j;
        }
        // Capitalised words up to the last title / org word, within five words.
        std::size_t last = npos;
        for (std::size_t k = j; has(k) && k < j + 5; ++k) {
            if (kind(k) != byline_kind::cap && kind(k) != byline_kind::initial) break;
            if (is_org_or_title(k)) last = k;
            if (ends_sentence(k)) break;
        }
        if (last != npos) return last + 1;
        return j > from ? j : t;
    }

    /// May the rest of the line follow a byline? Not when it continues a sentence.
    bool rest_ok(std::size_t i, std::size_t last_name_word) const noexcept {
        if (!has(i)) return !cut_;  // has() read to the end: cut_ is known
        std::size_t w = i;
        if (kind(i) == byline_kind::punct) {
            if (!has(i + 1)) return !cut_;
            w = i + 1;
        }
        std::string_view word = raw(w);
        std::string_view word_core = core(w);
        // Web chrome: "By A B on March 3", "by A B at 10:42", "By A B updated 2 hours ago".
        if (byline_is_web_stamp(word_core)) return true;
        if ((word_core == "on" || word_core == "at") && has(w + 1) &&
            (is_digit(raw(w + 1)[0]) || byline_is_month(core(w + 1)) ||
             byline_is_weekday(core(w + 1))))
            return true;
        if (is_lower(word[0])) return false;
        if (is_digit(word[0])) {
            if (has(w + 1) && raw(w + 1) == ",") return false;  // "By Christmas 2019,"
            if (last_name_word != npos && byline_is_month(core(last_name_word)))
                return false;  // "By Late March 2020"
        }
        byline_kind k = kind(w);
        if (k == byline_kind::other && byline_is_function_word(core(w)) && w != i)
            return false;  // ", The ..." after a comma
        return true;
    }

    /// people [tail]: the heart of the grammar. `bare` is whole_line mode without "By".
    const char* parse_people(std::size_t i, const char* start, bool bare,
                             byline_view& out) const {
        out.authors.clear();
        out.text = {};
        bool need_person = true;     // after "By" or "and" a person must follow
        bool any_weak = false, known_tail = false, any_tail = false;
        bool bare_caps = false;      // ALL CAPS names without "By"
        std::size_t last = npos;     // last consumed token
        std::size_t last_name_word = npos;
        bool stop = false;
        while (!stop) {
            name_scan n = scan_name(i);
            if (n.valid && (n.tail == npos || n.tail >= n.end)) {
                // Without "By": 2-4 words ending in a capitalised word, and an affiliation
                // only after a comma ("Ann Lee, Harbor News", not "Harbor Intelligence Agency").
                if (bare && (n.weak || n.end - i > 4 || n.tail != npos ||
                             kind(n.end - 1) == byline_kind::initial))
                    return nullptr;
                if (bare)
                    for (std::size_t k = i; k < n.end; ++k)
                        if (kind(k) == byline_kind::cap && !has_lower(core(k)) &&
                            !byline_is_suffix(core(k)))
                            bare_caps = true;  // a headline, unless an affiliation follows
                any_weak = any_weak || n.weak;
                std::size_t end = n.end;
                stop = n.sentence_end;
                // ", Jr." belongs to the name.
                if (!stop && has(end + 1) && raw(end) == "," &&
                    kind(end + 1) == byline_kind::suffix) {
                    end += 2;
                    stop = ends_sentence(end - 1);
                }
                out.authors.push_back({span(raw(i).data(), content_end(end - 1)), {}});
                last = end - 1;
                last_name_word = end - 1;
                i = end;
                need_person = false;
                if (!stop && n.tail == npos && kind(i) == byline_kind::in && !bare) {
                    bool loc_end = false;
                    std::size_t l = scan_location(i + 1, loc_end);
                    if (l == i + 1) return nullptr;  // "By A B in the end"
                    out.authors.back().location =
                        span(raw(i + 1).data(), content_end(l - 1));
                    last = l - 1;
                    i = l;
                    stop = loc_end;
                }
            } else if (n.tail == i) {
                if (need_person && out.authors.empty()) return nullptr;  // "By Reuters Staff"
            } else {
                if (need_person) return nullptr;  // "By July 2001", "A and the team"
                break;  // after a comma: the byline ended before it
            }
            if (stop) break;
            // A tail: straight after the name ("A B Reuters"), or after a comma.
            std::size_t tail_at = n.tail != npos ? n.tail : npos;
            std::size_t comma = npos;
            // "A B with AFP", "A B | Harbor News": a word or a bar, then an affiliation.
            if (tail_at == npos && is_plain_word(i) &&
                (raw(i) == "|" || iequals(raw(i), "with")) && affiliation_len(i + 1)) {
                bool known = false;
                std::size_t j = scan_tail(i + 1, known);
                any_tail = true;
                known_tail = known;
                last = j - 1;
                i = j;
                break;
            }
            if (tail_at == npos && has(i) && raw(i) == ",") {
                comma = i;
                if (kind(i + 1) == byline_kind::conj) {  // "A, B, and C"
                    i += 2;
                    need_person = true;
                    continue;
                }
                tail_at = i + 1;
            } else if (tail_at == npos && kind(i) == byline_kind::cap) {
                tail_at = i;  // "A B in Kyiv Reuters"
            }
            if (tail_at != npos) {
                bool known = false;
                std::size_t j = scan_tail(tail_at, known);
                if (j > tail_at) {
                    any_tail = true;
                    known_tail = known;
                    last = j - 1;
                    i = j;
                    break;
                }
                // After mixed-case names, a segment opening with capitals is an outlet
                // ("By Ann Lee, CNN Business"), unless a dateline starts there.
                if (comma != npos && !bare && has_lower(out.authors.back().name) &&
                    kind(tail_at) == byline_kind::cap &&
                    byline_is_all_caps(core(tail_at)) && !dateline_ahead(tail_at)) {
                    std::size_t k = tail_at + 1;
                    while (has(k) && k < tail_at + 4 && kind(k) == byline_kind::cap &&
                           !ends_sentence(k - 1))
                        ++k;
                    any_tail = true;
                    last = k - 1;
                    i = k;
                    break;
                }
                // One last capitalised word after a comma: an affiliation we do not know
                // ("By A B, Reutersd"); no person here has a one-word name.
                if (comma != npos && kind(tail_at) == byline_kind::cap && !bare &&
                    !(byline_is_all_caps(core(tail_at)) && dateline_ahead(tail_at)) &&
                    (!has(tail_at + 1) || ends_sentence(tail_at))) {
                    any_tail = true;
                    last = tail_at;
                    i = tail_at + 1;
                    break;
                }
                if (n.tail != npos) return nullptr;  // a marker we could not read as a tail
                if (comma != npos) {
                    i = comma + 1;
                    need_person = false;
                    continue;  // the next person, or the end before the comma
                }
                break;
            }
            if (kind(i) == byline_kind::conj) {
                ++i;
                need_person = true;
                continue;
            }
            break;
        }
        if (out.authors.empty() || last == npos) return nullptr;
        // What follows starts after the last consumed token; a comma we stopped before
        // counts as following.
        std::size_t next = last + 1;
        // A list of names that runs into the token limit ("By A, B, ... 100,000 names")
        // goes on past what was read: the byline is the whole line, its first authors kept.
        // (has() first: once it says no, the line is read to its end and cut_ is known.)
        const bool runs_past_cut = !bare && !has(next + 2) && cut_;
        if (bare) {
            if (has(next) || cut_) return nullptr;
            if (out.authors.size() < 2 && !any_tail) return nullptr;
            // "MARTA KOWALCZYK, Associated Press" is a byline; "PLANT HIT, STORM" is not.
            if (bare_caps && !known_tail) return nullptr;
        } else if (!runs_past_cut && !rest_ok(next, last_name_word)) {
            return nullptr;
        }
        if (any_weak && (!known_tail || has(next) || cut_)) return nullptr;
        if (runs_past_cut) {
            const char* end = line_end();
            out.text = span(start, end);
            return end;
        }
        out.text = span(start, content_end(last));
        return raw_end(last);
    }

    /// The kind of token `i`, from its bytes (see `kind`, which caches it).
    byline_kind classify(std::size_t i) const noexcept {
        std::string_view raw = this->raw(i);
        if (raw == "," || raw == ";") return byline_kind::punct;
        if (byline_is_dash_token(raw)) return byline_kind::dash;
        std::string_view w = core(i);
        if (w.empty()) return byline_kind::other;
        if (w == "&" || iequals(w, "and")) return byline_kind::conj;
        if (byline_is_by_word(w)) return byline_kind::by;
        if (w == "in" || w == "In" || w == "IN") return byline_kind::in;
        if (!byline_name_chars(w) || byline_is_possessive(w)) return byline_kind::other;
        if (byline_is_initial(raw) || byline_is_initial(w)) return byline_kind::initial;
        if (byline_is_suffix(w)) return byline_kind::suffix;
        if (byline_is_particle(w)) return byline_kind::particle;
        if (byline_is_function_word(w)) return byline_kind::other;
        if (byline_is_capitalised(w)) return byline_kind::cap;
        if (is_lower(w[0])) return byline_kind::weak;
        return byline_kind::other;
    }

    /// Read the next token of the line, or find that there is none (the end of the text, a
    /// CR or LF, or the token limit: then `cut_`).
    void read_token() const noexcept {
        const char* p = text_.data();
        const std::size_t n = text_.size();
        std::size_t i = pos_;
        for (;;) {  // white space (space_len), up to a line end
            if (i >= n) {
                done_ = true;
                return;
            }
            unsigned char c = byline_bytes[p[i]] & byline_byte_class;
            if (c == byline_byte_space) {
                if (p[i] == '\n' || p[i] == '\r') {
                    done_ = true;
                    return;
                }
                ++i;
                continue;
            }
            if (c == byline_byte_high)
                if (std::size_t sp = unicode_space_len(text_, i)) {
                    i += sp;
                    continue;
                }
            break;
        }
        if (count_ == byline_max_tokens) {
            cut_ = true;
            cut_at_ = p + i;
            done_ = true;
            return;
        }
        std::size_t b = i;
        std::size_t core_end = b + 1;  // ',' and ';' are tokens of their own
        if ((byline_bytes[p[i]] & byline_byte_class) == byline_byte_break) {
            ++i;
        } else {
            // Up to white space (space_len) or ',' / ';'.
            for (;;) {
                while (i < n && (byline_bytes[p[i]] & byline_byte_class) == byline_byte_word) ++i;
                if (i < n && (byline_bytes[p[i]] & byline_byte_class) == byline_byte_high &&
                    unicode_space_len(text_, i) == 0) {
                    ++i;
                    continue;
                }
                break;
            }
            core_end = i;
            while (core_end > b && (p[core_end - 1] == '.' || p[core_end - 1] == ':')) --core_end;
        }
        slot& t = toks_[count_++];
        t.data = p + b;
        t.raw_len = i - b;
        t.core_len = core_end - b;
        t.kind = t.affiliation = t.title = unknown;
        pos_ = i;
    }

    /// The built-in styles share base_style's lists: their masks are known at compile time.
    static std::uint32_t first_letters(const word_list& list, std::uint32_t& cache) noexcept {
        if (cache == 0)
            cache = list.begin() == base_style::affiliations
                        ? byline_base_affiliation_letters
                        : byline_first_letters(list.begin(), list.count);
        return cache;
    }
    /// The same for the first byte of every entry's last word ("Staff Writer": 'W').
    static std::uint32_t last_word_letters(const word_list& list, std::uint32_t& cache) noexcept {
        if (cache == 0)
            cache = list.begin() == base_style::titles
                        ? byline_base_title_letters
                        : byline_last_word_letters(list.begin(), list.count);
        return cache;
    }

    /// A token and what is known of it so far (`unknown` until first asked).
    struct slot {
        const char* data;
        std::size_t raw_len;
        std::size_t core_len;
        unsigned char kind;         ///< a byline_kind
        unsigned char affiliation;  ///< affiliation_len (at most byline_max_tokens)
        unsigned char title;        ///< is_title: 0 or 1
    };
    static constexpr unsigned char unknown = 0xFF;

    const style_desc& style_;
    std::string_view text_;                  ///< from the first token to the end of the text
    // Left uninitialised: only slots below count_ are read.
    mutable slot toks_[byline_max_tokens];
    mutable std::size_t count_ = 0;          ///< tokens read so far
    mutable std::size_t pos_ = 0;            ///< where reading goes on in text_
    mutable bool done_ = false;              ///< no more tokens: the line end or the limit
    mutable bool cut_ = false;               ///< the line had more tokens than we read
    mutable const char* cut_at_ = nullptr;   ///< where the first token not read starts
    mutable std::uint32_t affiliation_letters_ = 0;  ///< see first_letters
    mutable std::uint32_t title_letters_ = 0;        ///< see last_word_letters
};

inline std::size_t parse_byline(std::string_view text, byline_view& out, const style_desc& style,
                                const sink& diags, byline_mode mode) {
    out.text = {};
    out.authors.clear();
    const std::string_view rest = trim_left(text);
    // Cheap refusals first: a leading byline starts with the word "By", seen in its bytes;
    // then tokens are read only as far as each question needs.
    const bool by_first = byline_starts_with_by(rest);
    if (!by_first && mode == byline_mode::leading) return 0;
    byline_scanner scan(rest, style);
    if (!scan.has(0)) return 0;

    const char* end = nullptr;
    if (by_first) {
        end = scan.parse_after_by(0, out);
    } else {
        // whole_line: "By" after a short prefix: it must be capitalised there ("hit by" is a
        // sentence), and an ALL CAPS prefix is a headline ("PLANT HIT BY STORM").
        bool saw_by = false, prefix_lower = false;
        const bool by_possible = byline_by_token_possible(rest);
        for (std::size_t b = 1; by_possible && scan.has(b) && b <= 12 && !end; ++b) {
            prefix_lower = prefix_lower || has_lower(scan.raw(b - 1));
            if (!scan.is_by(b)) continue;
            saw_by = true;
            // Lowercase "by" only after one capitalised label word: "Story by A".
            bool label_by = b == 1 && is_upper(scan.raw(0)[0]) && has_lower(scan.raw(0));
            if ((scan.core(b)[0] == 'B' || label_by) && prefix_lower &&
                (end = scan.parse_after_by(b, out)) != nullptr && !scan.prefix_confirmed(b, out))
                end = nullptr;
        }
        if (!end && !saw_by && byline_bare_possible(rest, style)) end = scan.parse_bare(out);
    }
    if (!end) {
        out.text = {};
        out.authors.clear();
        return 0;
    }
    if (const char* cut = scan.cut_at())
        if (end == scan.line_end())
            diags.report(errc::truncated, "a byline too long to read whole: later authors skipped",
                         cut);
    return static_cast<std::size_t>(end - text.data());
}

} // namespace detail

template <class Style>
std::optional<byline_view> parse_byline(std::string_view line) {
    byline_view out;
    if (detail::parse_byline(line, out, detail::describe<Style>(), detail::sink{}) == 0)
        return std::nullopt;
    return out;
}

} // namespace wirestory

#endif
