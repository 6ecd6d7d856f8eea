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
//               "By National Security Writer A", "By AP Staff Writer A"
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
// ("Ann Lee, Harbor News"): each name 2-4 capitalised words, nothing else on the line.
//
// Scanning is bounded: a line is cut into at most `byline_max_tokens` tokens, and every
// attempt reads them forward once with constant lookahead.
#ifndef WIRESTORY_BYLINE_HPP
#define WIRESTORY_BYLINE_HPP

#include <cstddef>      // std::size_t
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

/// A fixed word list with a filter on first letter and length, so most words are refused
/// without a comparison. Every entry starts with an ASCII letter and is shorter than 32 bytes.
struct byline_word_set {
    const std::string_view* words = nullptr;
    std::size_t count = 0;
    std::uint32_t letters = 0;  ///< bit k: some entry starts with 'a' + k (any case)
    std::uint32_t lengths = 0;  ///< bit n: some entry has n bytes

    template <std::size_t N>
    constexpr byline_word_set(const std::string_view (&list)[N]) noexcept : words(list), count(N) {
        for (std::string_view w : list) {
            letters |= std::uint32_t{1} << (to_lower(w[0]) - 'a');
            lengths |= std::uint32_t{1} << w.size();
        }
    }
    constexpr bool may_hold(std::string_view w) const noexcept {
        if (w.empty() || w.size() >= 32 || !((lengths >> w.size()) & 1u)) return false;
        char c = to_lower(w[0]);
        return c >= 'a' && c <= 'z' && ((letters >> (c - 'a')) & 1u);
    }
    /// Exactly as written.
    constexpr bool has(std::string_view w) const noexcept {
        if (!may_hold(w)) return false;
        for (std::size_t k = 0; k < count; ++k)
            if (w == words[k]) return true;
        return false;
    }
    /// In any case (ASCII).
    constexpr bool has_icase(std::string_view w) const noexcept {
        if (!may_hold(w)) return false;
        for (std::size_t k = 0; k < count; ++k)
            if (iequals(w, words[k])) return true;
        return false;
    }
};

/// Lowercase words that join the parts of a name: "van der", "de la", "bin", "y".
inline constexpr std::string_view byline_particle_words[] = {"van", "von",  "der",  "den", "de",  "del", "della",
                                         "di",  "da",   "dos",  "das", "do",  "du",  "la",
                                         "le",  "bin",  "binti", "bint", "ibn", "ben", "y",
                                         "ter", "ten",  "zu",   "af",  "al",  "el"};
constexpr bool byline_is_particle(std::string_view w) noexcept {
    return byline_word_set{byline_particle_words}.has(w);
}

/// Words that begin or carry a sentence and are never part of a name. Lowercase forms are
/// checked exactly; the short list below also in any case ("The", "THE").
inline constexpr std::string_view byline_function_word_any_case_words[] = {
        "the",  "this", "that", "these", "those", "its", "our", "their", "his", "her",
        "of",   "for",  "with", "from",  "to",    "at",  "on",  "is",    "was", "are",
        "were", "has",  "had",  "have",  "said",  "if",  "when", "while", "after", "before"};
inline constexpr std::string_view byline_function_word_lower_words[] = {
        "a",     "an",    "be",     "been",  "will",   "would", "can",    "could",  "should",
        "may",   "might", "must",   "says",  "it",     "as",    "or",     "but",    "not",
        "no",    "nor",   "so",     "than",  "then",   "there", "they",   "them",   "he",
        "she",   "we",    "us",     "you",   "your",   "i",     "me",     "my",     "which",
        "who",   "whom",  "whose",  "what",  "where",  "why",   "how",    "all",    "any",
        "some",  "most",  "more",   "many",  "much",   "each",  "every",  "other",  "such",
        "only",  "also",  "into",   "onto",  "over",   "under", "about",  "between", "through",
        "during", "against", "among", "up",  "down",   "out",   "off",    "via",    "per",
        "because", "since", "until", "far",  "now",    "way",   "contrast", "comparison",
        "just",  "last",   "next",  "early",  "late",  "mid",    "end",    "time"};
constexpr bool byline_is_function_word(std::string_view w) noexcept {
    return byline_word_set{byline_function_word_any_case_words}.has_icase(w) ||
           byline_word_set{byline_function_word_lower_words}.has(w);
}

/// Abbreviations whose period does not end the byline: "Jr.", "Dr.", "St.".
inline constexpr std::string_view byline_abbreviation_words[] = {"Jr", "Sr",  "St",  "Ste", "Mt",   "Ft",  "Dr",
                                         "Rep", "Sen", "Gov", "Gen", "Lt",  "Col", "Capt",
                                         "Sgt", "Mr",  "Mrs", "Ms",  "Prof", "Rev", "Msgr"};
constexpr bool byline_is_abbreviation(std::string_view core) noexcept {
    return byline_word_set{byline_abbreviation_words}.has_icase(core);
}

/// Name suffixes: "Jr.", "Sr", "II", "III", "IV".
inline constexpr std::string_view byline_suffix_words[] = {"Jr", "Sr", "II", "III", "IV"};
constexpr bool byline_is_suffix(std::string_view core) noexcept {
    return byline_word_set{byline_suffix_words}.has_icase(core);
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
        "Inc",        "Corp",      "Co",         "Ltd",        "Plc",       "LLC",
        "Cos",        "GmbH",      "Group",      "Bank",       "Holdings",  "Airlines",
        "Corporation", "Company",  "Partners",   "Securities", "Industries", "Trust",
        "Ministry",   "Department", "Committee", "Council",    "Government", "Party",
        "University", "Association", "Institute", "Commission", "Exchange",  "Markets",
        "Board",      "Office",    "Authority",  "Administration", "Foundation", "Fund",
        "Federation", "Organization", "Organisation", "Subcommittee", "Limited", "Associates",
        "International", "Hotels",
        // places
        "City",       "Kingdom",   "Republic",   "States",     "Island",    "Islands",
        "County",     "Province",  "Territories", "Region",    "Valley",    "Union"};
constexpr bool byline_is_company_word(std::string_view w) noexcept {
    return byline_word_set{byline_company_word_words}.has_icase(w);
}

/// Honorifics and offices that open a phrase naming a person in a sentence, never a
/// byline: "by President Ellis", "by Senator Ann Lee". ("Dr." is left out: op-eds use it.)
/// Some are surnames too ("Ann Prince"), so these count only as a name's first word.
inline constexpr std::string_view byline_office_words[] = {
        "Vice",   "Senate", "Sen",    "Rep",  "Mayor",   "Prince", "Princess", "Pope", "Gen",
        "General", "Judge", "Justice", "Treasury", "Mr", "Mrs",    "Ms",       "Prime", "King",
        "Queen"};
constexpr bool byline_is_office(std::string_view w) noexcept {
    return byline_word_set{byline_office_words}.has_icase(w);
}

/// Offices that no surname is: a phrase with one names an official, not an author
/// ("Finance Minister Ann Lee", "Ann Lee, Chairman").
inline constexpr std::string_view byline_office_anywhere_words[] = {
        "President",  "Minister",   "Secretary", "Chairman",     "Chairwoman", "Senator",
        "Governor",   "Premier",    "Officer",   "Representative", "Ambassador", "Commissioner",
        "Chancellor", "Congressman", "Congresswoman", "Spokesman", "Spokeswoman", "Director"};
constexpr bool byline_is_office_anywhere(std::string_view w) noexcept {
    return byline_word_set{byline_office_anywhere_words}.has_icase(w);
}

/// Organisation words that no surname is: "Religion News Service", "Harbor News".
inline constexpr std::string_view byline_strong_org_words[] = {"News",    "Newswire", "Newswires",  "Agency",
                                         "Service", "Services", "Media",      "Network",
                                         "Radio",   "Television", "Newspaper", "Newspapers",
                                         "Magazine", "Syndicate", "Bureau"};
constexpr bool byline_is_strong_org(std::string_view w) noexcept {
    return byline_word_set{byline_strong_org_words}.has_icase(w);
}

/// Organisation words that are also surnames: an org word only before another org word
/// or a title ("Harbor Press Service", "Associated Press Writers").
inline constexpr std::string_view byline_weak_org_words[] = {"Press",  "Wire",    "Post",    "Times", "Journal",
                                         "Herald", "Tribune", "Gazette", "Daily"};
constexpr bool byline_is_weak_org(std::string_view w) noexcept {
    return byline_word_set{byline_weak_org_words}.has_icase(w);
}

/// "Ellis's", "Ellis’s": a possessive is never the end of a byline name.
constexpr bool byline_is_possessive(std::string_view w) noexcept {
    return ends_with(w, "'s") || ends_with(w, "'S") || ends_with(w, "\xE2\x80\x99s");
}

/// "Monday".."Sunday" and "Mon".."Sun", any case.
inline constexpr std::string_view byline_weekday_words[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                                         "Saturday", "Sunday", "Mon", "Tue", "Tues", "Wed",
                                         "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun"};
constexpr bool byline_is_weekday(std::string_view w) noexcept {
    return byline_word_set{byline_weekday_words}.has_icase(w);
}

/// Web page stamps after a byline: "By A Updated 3 hours ago", "By A | Published".
inline constexpr std::string_view byline_web_stamp_words[] = {"Updated", "Published", "Posted", "Modified"};
constexpr bool byline_is_web_stamp(std::string_view w) noexcept {
    return byline_word_set{byline_web_stamp_words}.has_icase(w);
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

//--- tokens ---//

/// One token of a byline line: a word (bytes that are neither white space nor ',' / ';')
/// or a lone ',' or ';'.
struct byline_token {
    std::string_view raw;   ///< as written
    std::string_view core;  ///< without trailing '.' and ':' ("Gannon." -> "Gannon")
};

/// How many tokens of one line a byline parse looks at; a longer line is cut there.
inline constexpr std::size_t byline_max_tokens = 96;

enum class byline_kind {
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

/// The parser of one line. Every member reads `toks_` forward with constant lookahead.
class byline_scanner {
public:
    byline_scanner(std::string_view line, const style_desc& style) noexcept : style_(style) {
        std::string_view trimmed = trim_right(line);
        line_end_ = trimmed.data() + trimmed.size();
        std::size_t i = 0;
        while (i < line.size()) {
            if (std::size_t s = space_len(line, i)) { i += s; continue; }
            if (count_ == byline_max_tokens) {
                cut_ = true;
                cut_at_ = line.data() + i;
                break;
            }
            if (line[i] == ',' || line[i] == ';') {
                toks_[count_++] = {line.substr(i, 1), line.substr(i, 1)};
                ++i;
                continue;
            }
            std::size_t b = i;
            while (i < line.size() && space_len(line, i) == 0 && line[i] != ',' && line[i] != ';')
                ++i;
            std::string_view raw = line.substr(b, i - b);
            std::string_view core = raw;
            while (!core.empty() && (core.back() == '.' || core.back() == ':'))
                core.remove_suffix(1);
            toks_[count_++] = {raw, core};
        }
    }

    /// Parse the byline whose "By" is token `b`; returns the end of what was consumed
    /// (nullptr when it is not a byline) and fills `out`.
    const char* parse_after_by(std::size_t b, byline_view& out) const {
        std::size_t i = b + 1;
        if (i < count_ && (kind(i) == byline_kind::dash || toks_[i].raw == ":")) ++i;
        i = skip_pretitle(i);
        return parse_people(i, toks_[b].raw.data(), false, out);
    }

    /// Parse the whole line as names without "By" ("Ann Lee and Bo Park").
    const char* parse_bare(byline_view& out) const {
        if (count_ == 0) return nullptr;
        return parse_people(0, toks_[0].raw.data(), true, out);
    }

    /// A prefix must not end in a credit role ("Reporting By A", "Photographs By A"). After
    /// a prefix of two words or more ("Plant Hit By Storm Surge"), a byline needs more than
    /// one capitalised pair: a label before it ("Commentary: By A"), two or more people, or
    /// an affiliation / title after them.
    bool prefix_confirmed(std::size_t b, const byline_view& out) const noexcept {
        // "Reporting By A", "Photographs By A": a credit, not a byline.
        std::string_view role = toks_[b - 1].core;
        if (iends_with(role, "ing") || iequals(role, "compiled") || iequals(role, "edited") ||
            iequals(role, "graphics") ||
            iequals(role, "photos") || iequals(role, "photographs") || iequals(role, "video") ||
            iequals(role, "illustrations") || iequals(role, "illustration"))
            return false;
        if (b <= 1 || out.authors.size() >= 2) return true;
        std::string_view before = toks_[b - 1].raw;
        if (before.back() == ':' || before == "|" || byline_is_dash_token(before)) return true;
        const auto& last = out.authors.back();
        const char* name_end = last.location ? last.location->data() + last.location->size()
                                             : last.name.data() + last.name.size();
        return out.text.data() + out.text.size() > name_end;  // a tail after the name
    }

    std::size_t size() const noexcept { return count_; }
    /// Where the tokens not read start, when the line had too many (else nullptr).
    const char* cut_at() const noexcept { return cut_ ? cut_at_ : nullptr; }
    /// The end of the line, trailing white space excluded.
    const char* line_end() const noexcept { return line_end_; }
    const byline_token& token(std::size_t i) const noexcept { return toks_[i]; }

    byline_kind kind(std::size_t i) const noexcept {
        if (i >= count_) return byline_kind::other;
        const byline_token& t = toks_[i];
        if (t.raw == "," || t.raw == ";") return byline_kind::punct;
        if (byline_is_dash_token(t.raw)) return byline_kind::dash;
        std::string_view w = t.core;
        if (w.empty()) return byline_kind::other;
        if (w == "&" || iequals(w, "and")) return byline_kind::conj;
        if (iequals(w, "by")) return byline_kind::by;
        if (w == "in" || w == "In" || w == "IN") return byline_kind::in;
        if (!byline_name_chars(w) || byline_is_possessive(w)) return byline_kind::other;
        if (byline_is_initial(t.raw) || byline_is_initial(w)) return byline_kind::initial;
        if (byline_is_suffix(w)) return byline_kind::suffix;
        if (byline_is_particle(w)) return byline_kind::particle;
        if (byline_is_function_word(w)) return byline_kind::other;
        if (byline_is_capitalised(w)) return byline_kind::cap;
        if (is_lower(w[0])) return byline_kind::weak;
        return byline_kind::other;
    }

private:
    static constexpr std::size_t npos = static_cast<std::size_t>(-1);

    bool is_word(std::size_t i) const noexcept {
        return i < count_ && kind(i) != byline_kind::punct;
    }
    bool is_name_word(std::size_t i) const noexcept {
        byline_kind k = kind(i);
        return k == byline_kind::cap || k == byline_kind::initial || k == byline_kind::suffix;
    }

    /// Does the token's trailing '.' end a sentence ("Gannon.") rather than an
    /// abbreviation ("Jr.", "J.R.", "D.C.")?
    bool ends_sentence(std::size_t i) const noexcept {
        const byline_token& t = toks_[i];
        if (t.raw.empty() || t.raw.back() != '.') return false;
        std::string_view core = t.core;
        if (byline_is_initial(t.raw) || byline_is_suffix(core) || byline_is_abbreviation(core))
            return false;
        for (char c : core)
            if (c == '.') return false;  // "D.C.", "U.S."
        return true;
    }

    /// Where the token's text ends in a view: before a sentence period.
    const char* content_end(std::size_t i) const noexcept {
        const byline_token& t = toks_[i];
        const char* end = t.raw.data() + t.raw.size();
        if (ends_sentence(i)) return t.core.data() + t.core.size();
        return end;
    }
    const char* raw_end(std::size_t i) const noexcept {
        return toks_[i].raw.data() + toks_[i].raw.size();
    }

    /// How many tokens from `i` spell an affiliation of the style ("Associated Press");
    /// 0 if none. Words compare exactly, or in any case when written ALL CAPS.
    std::size_t affiliation_len(std::size_t i) const noexcept {
        std::size_t best = 0;
        for (std::string_view entry : style_.affiliations) {
            std::size_t k = i, pos = 0;
            bool ok = !entry.empty();
            while (ok && pos < entry.size()) {
                std::size_t sp = entry.find(' ', pos);
                std::string_view part = entry.substr(pos, sp == std::string_view::npos
                                                              ? std::string_view::npos
                                                              : sp - pos);
                if (!is_word(k)) { ok = false; break; }
                std::string_view w = toks_[k].core;
                bool caps = !has_lower(w);
                ok = (w == part) || (caps && iequals(w, part));
                // Only the last word may carry the sentence period.
                if (ok && sp != std::string_view::npos && toks_[k].raw.size() != w.size())
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
        if (!is_word(i)) return false;
        std::string_view w = toks_[i].core;
        if (w.empty() || !is_upper(w[0])) return false;
        for (std::string_view entry : style_.titles) {
            std::size_t sp = entry.rfind(' ');
            std::string_view last = sp == std::string_view::npos ? entry : entry.substr(sp + 1);
            if (iequals(w, last)) return true;
        }
        return false;
    }

    /// A word that makes what ends with it an organisation or a job ("News", "Writer", and
    /// "Press" before "Writers").
    bool is_org_or_title(std::size_t i) const noexcept {
        if (!is_word(i)) return false;
        if (is_title(i)) return true;
        std::string_view w = toks_[i].core;
        if (w.empty() || !is_upper(w[0])) return false;
        if (byline_is_strong_org(w)) return true;
        return byline_is_weak_org(w) && !ends_sentence(i) &&
               (is_title(i + 1) || (is_word(i + 1) && (byline_is_strong_org(toks_[i + 1].core) ||
                                                       byline_is_weak_org(toks_[i + 1].core))));
    }

    /// Does a dateline start at token `j`: ALL CAPS words, then "(", a dash, or ", " and a
    /// month, a number, or a capitalised word before "(" / a dash ("BOISE, Idaho (AP)")?
    bool dateline_ahead(std::size_t j) const noexcept {
        std::size_t k = j, m = 0;
        while (k < count_ && m < 4 && kind(k) != byline_kind::punct &&
               byline_is_caps_place(toks_[k].raw)) {
            ++k;
            ++m;
        }
        if (m == 0 || k >= count_) return false;
        std::string_view raw = toks_[k].raw;
        if (raw[0] == '(' || byline_is_dash_token(raw) || dash_len(raw, 0) > 0) return true;
        if (raw == "," && k + 1 < count_) {
            std::string_view next = toks_[k + 1].raw;
            if (month_number(toks_[k + 1].core) > 0 || is_digit(next[0])) return true;
            if (byline_is_capitalised(next) && k + 2 < count_) {
                std::string_view after = toks_[k + 2].raw;
                return after[0] == '(' || dash_len(after, 0) > 0;
            }
        }
        return false;
    }

    /// Skip a job title between "By" and the names: capitalised words ending in title
    /// words, when name words follow ("By National Security Writer A").
    std::size_t skip_pretitle(std::size_t i) const noexcept {
        for (std::size_t k = i; k < count_ && k < i + 6; ++k) {
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
        while (i < count_ && words < 6) {
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
                    if (byline_is_company_word(toks_[i].core) ||
                        byline_is_office_anywhere(toks_[i].core) ||
                        (words == 0 && byline_is_office(toks_[i].core)))
                        not_person = true;
                    bool caps = byline_is_all_caps(toks_[i].core);
                    if (words >= 2 && caps && (mixed || dateline_ahead(i))) break;
                    // A date or a page stamp after the name: "By A B March 3, 2020",
                    // "By A B Wednesday", "By A B Updated 2 hours ago".
                    if (words >= 2 && (byline_is_weekday(toks_[i].core) ||
                                       byline_is_web_stamp(toks_[i].core) ||
                                       (month_number(toks_[i].core) > 0 && i + 1 < count_ &&
                                        is_digit(toks_[i + 1].raw[0]))))
                        break;
                    if (has_lower(toks_[i].core)) mixed = true;
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
        while (k < count_ && words < 4) {
            byline_kind kk = kind(k);
            if (kk == byline_kind::particle && words > 0 && is_name_word(k + 1)) { ++k; ++words; continue; }
            if (kk != byline_kind::cap && kk != byline_kind::initial) break;
            if (affiliation_len(k) || is_org_or_title(k)) break;
            if (words >= 1 && byline_is_all_caps(toks_[k].core) && dateline_ahead(k)) break;
            ++k;
            ++words;
            if (ends_sentence(k - 1)) { sentence_end = true; return k; }
        }
        if (words == 0) return i;
        // ", Idaho" - one capitalised word, not an affiliation, not followed by more name.
        if (k + 1 < count_ && toks_[k].raw == "," && kind(k + 1) == byline_kind::cap &&
            !affiliation_len(k + 1) && !is_org_or_title(k + 1) &&
            (ends_sentence(k + 1) || !is_name_word(k + 2))) {
            if (!(byline_is_all_caps(toks_[k + 1].core) && dateline_ahead(k + 1))) {
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
        std::size_t from = (is_word(t) && iequals(toks_[t].raw, "the")) ? t + 1 : t;
        std::size_t j = from;
        if (std::size_t a = affiliation_len(from)) {
            known = true;
            j = from + a;
            if (ends_sentence(j - 1)) return j;
        }
        // Capitalised words up to the last title / org word, within five words.
        std::size_t last = npos;
        for (std::size_t k = j; k < count_ && k < j + 5; ++k) {
            if (kind(k) != byline_kind::cap && kind(k) != byline_kind::initial) break;
            if (is_org_or_title(k)) last = k;
            if (ends_sentence(k)) break;
        }
        if (last != npos) return last + 1;
        return j > from ? j : t;
    }

    /// May the rest of the line follow a byline? Not when it continues a sentence.
    bool rest_ok(std::size_t i, std::size_t last_name_word) const noexcept {
        if (i >= count_) return !cut_;
        std::size_t w = i;
        if (kind(i) == byline_kind::punct) {
            if (i + 1 >= count_) return !cut_;
            w = i + 1;
        }
        std::string_view raw = toks_[w].raw;
        std::string_view core = toks_[w].core;
        // Web chrome: "By A B on March 3", "by A B at 10:42", "By A B updated 2 hours ago".
        if (byline_is_web_stamp(core)) return true;
        if ((core == "on" || core == "at") && w + 1 < count_ &&
            (is_digit(toks_[w + 1].raw[0]) || month_number(toks_[w + 1].core) > 0 ||
             byline_is_weekday(toks_[w + 1].core)))
            return true;
        if (is_lower(raw[0])) return false;
        if (is_digit(raw[0])) {
            if (w + 1 < count_ && toks_[w + 1].raw == ",") return false;  // "By Christmas 2019,"
            if (last_name_word != npos && month_number(toks_[last_name_word].core) > 0)
                return false;  // "By Late March 2020"
        }
        byline_kind k = kind(w);
        if (k == byline_kind::other && byline_is_function_word(toks_[w].core) && w != i)
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
                        if (kind(k) == byline_kind::cap && !has_lower(toks_[k].core) &&
                            !byline_is_suffix(toks_[k].core))
                            return nullptr;  // ALL CAPS without "By": a headline
                any_weak = any_weak || n.weak;
                std::size_t end = n.end;
                stop = n.sentence_end;
                // ", Jr." belongs to the name.
                if (!stop && end + 1 < count_ && toks_[end].raw == "," &&
                    kind(end + 1) == byline_kind::suffix) {
                    end += 2;
                    stop = ends_sentence(end - 1);
                }
                out.authors.push_back({span(toks_[i].raw.data(), content_end(end - 1)), {}});
                last = end - 1;
                last_name_word = end - 1;
                i = end;
                need_person = false;
                if (!stop && n.tail == npos && kind(i) == byline_kind::in && !bare) {
                    bool loc_end = false;
                    std::size_t l = scan_location(i + 1, loc_end);
                    if (l == i + 1) return nullptr;  // "By A B in the end"
                    out.authors.back().location =
                        span(toks_[i + 1].raw.data(), content_end(l - 1));
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
            if (tail_at == npos && i < count_ && toks_[i].raw == ",") {
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
                    byline_is_all_caps(toks_[tail_at].core) && !dateline_ahead(tail_at)) {
                    std::size_t k = tail_at + 1;
                    while (k < count_ && k < tail_at + 4 && kind(k) == byline_kind::cap &&
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
                    !(byline_is_all_caps(toks_[tail_at].core) && dateline_ahead(tail_at)) &&
                    (tail_at + 1 >= count_ || ends_sentence(tail_at))) {
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
        const bool runs_past_cut = cut_ && !bare && next + 2 >= count_;
        if (bare) {
            if (next < count_ || cut_) return nullptr;
            if (out.authors.size() < 2 && !any_tail) return nullptr;
        } else if (!runs_past_cut && !rest_ok(next, last_name_word)) {
            return nullptr;
        }
        if (any_weak && (!known_tail || next < count_ || cut_)) return nullptr;
        if (runs_past_cut) {
            out.text = span(start, line_end_);
            return line_end_;
        }
        out.text = span(start, content_end(last));
        return raw_end(last);
    }

    const style_desc& style_;
    byline_token toks_[byline_max_tokens] = {};
    std::size_t count_ = 0;
    bool cut_ = false;  ///< the line had more tokens than we read
    const char* cut_at_ = nullptr;    ///< where the first token not read starts
    const char* line_end_ = nullptr;  ///< the end of the line without trailing white space
};

inline std::size_t parse_byline(std::string_view text, byline_view& out, const style_desc& style,
                                const sink& diags, byline_mode mode) {
    out.text = {};
    out.authors.clear();
    std::string_view rest = trim_left(text);
    std::size_t eol = rest.find_first_of("\r\n");  // CR alone ends a line too
    std::string_view line = rest.substr(0, eol == std::string_view::npos ? rest.size() : eol);
    byline_scanner scan(line, style);
    if (scan.size() == 0) return 0;

    const char* end = nullptr;
    if (scan.kind(0) == byline_kind::by) {
        end = scan.parse_after_by(0, out);
    } else if (mode == byline_mode::whole_line) {
        // "By" after a short prefix: it must be capitalised there ("hit by" is a sentence),
        // and an ALL CAPS prefix is a headline ("PLANT HIT BY STORM").
        bool saw_by = false, prefix_lower = false;
        for (std::size_t b = 1; b < scan.size() && b <= 12 && !end; ++b) {
            prefix_lower = prefix_lower || has_lower(scan.token(b - 1).raw);
            if (scan.kind(b) != byline_kind::by) continue;
            saw_by = true;
            // Lowercase "by" only after one capitalised label word: "Story by A".
            bool label_by = b == 1 && is_upper(scan.token(0).raw[0]) &&
                            has_lower(scan.token(0).raw);
            if ((scan.token(b).core[0] == 'B' || label_by) && prefix_lower &&
                (end = scan.parse_after_by(b, out)) != nullptr && !scan.prefix_confirmed(b, out))
                end = nullptr;
        }
        if (!end && !saw_by) end = scan.parse_bare(out);
    }
    if (!end) {
        out.text = {};
        out.authors.clear();
        return 0;
    }
    if (scan.cut_at() && end == scan.line_end())
        diags.report(errc::truncated, "a byline too long to read whole: later authors skipped",
                     scan.cut_at());
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
