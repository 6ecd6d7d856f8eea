// wirestory: reporting credits. "(Reporting by A in Ankara and B in Kyiv; Editing by C)".
//
// Grammar (informal; every step is one left-to-right pass, no backtracking over the input):
//
//   block     := lead? "("? ( by_form | contributed_form ) ")"? boilerplate?
//   lead      := white space, HTML tags ("<p>"), dashes ("--")
//   by_form   := segment ( sep? segment )*           sep is ";" or "," or nothing at all
//   segment   := role "by" names | "With assistance from" names
//   role      := 1-3 words, a known role ("Reporting", "Additional reporting", "Writing",
//                "Editing", "Compiled", "Graphics", "Fact-checking") or any short phrase of
//                role-shaped words whose head is a known role noun or ends in "-ing"
//                ("Research by", "Video production by"); "by" in any case. A role glued to
//                the names before it ("newsroomsWriting by") is split at the capital and
//                reported as errc::repaired_separator.
//   names     := item ( ("," | ";" | "and" | "&") item )*
//   item      := person | desk | place-continuation
//   person    := title-prefix? possessive? name ( ("in"|"at"|"aboard"|"on") place )?
//                "Associated Press writers A", "CNN's A", "A in Ankara"
//   desk      := "the"? words ending in "newsroom(s)" / "bureau(s)" / "desk(s)";
//                a plural desk swallows the one-word items before it:
//                "Kyiv, Moscow and Istanbul newsrooms" is one desk
//   place-continuation := a one-word item after a placed person, joined by a comma only:
//                "A in Vista, California", "A in Steele, Ala., and B"
//   contributed_form := names "contributed" ("to this report" | "reporting" | "from" place)? "."
//
// "A and B in Washington": an item with a place joined by "and" gives that place to the
// unplaced people just before it. Boilerplate ("Our Standards:", "Sign up here",
// "Read more"), a closing HTML tag, a blank line, or (outside parentheses) the end of a
// sentence ends the block; even when glued on ("...BOur Standards").
#ifndef WIRESTORY_CREDITS_HPP
#define WIRESTORY_CREDITS_HPP

#include <cstddef>      // std::size_t, std::ptrdiff_t
#include <cstdint>      // std::uint64_t (the pre-check without SSE2)
#include <cstring>      // std::memcpy (the same)
#include <string_view>  // input
#include <utility>      // std::move
#include <vector>       // the credit entries

#include "article.hpp"
#include "style.hpp"
#include "detail/text.hpp"

#include "detail/simd.hpp"  // find_credits' pre-check: 16 bytes at a time

namespace wirestory {

/// Parse a reporting-credit block. Views point into `block`. Empty when it is none.
template <class Style = default_style>
std::vector<credit_view> parse_credits(std::string_view block);

namespace detail {
/// Where a credit block starts in `block`: 0 when the block is one, or the offset of one that
/// ends the block ("... goal. (Reporting by A; editing by B)"); `npos` when there is none.
std::size_t find_credits(std::string_view block, const style_desc& style);

/// Parse the credit block at the start of `text`, appending to `out`; return how many bytes
/// it took (boilerplate after it, "Our Standards: ...", is left to the caller), or 0 when
/// `text` does not start with a credit block.
/// `spare`, when given, is a pool of used entries: a new entry is taken from its back (its
/// people and desks cleared, their capacity kept) instead of being made, and entries added
/// and then given up (the block turned out not to be one) go back to it. A caller that
/// recycles its entries into the pool parses without allocating at steady state.
std::size_t parse_credits(std::string_view text, std::vector<credit_view>& out,
                          const style_desc& style, const sink& diags,
                          std::vector<credit_view>* spare = nullptr);
} // namespace detail

//=== implementation ===//

namespace detail {

//--- word lists ---//

/// Head words of a role phrase besides any "-ing" word: "Graphics by", "Compiled by".
inline constexpr std::string_view credits_role_nouns[] = {
    "compiled", "graphics", "graphic", "photos", "photo", "photography", "pictures", "video",
    "videos", "research", "production", "produced", "design", "designed", "data", "translation",
    "translated", "illustration", "illustrations", "interviews", "edited", "written", "reported",
    "text", "visuals", "animation", "maps", "map", "charts", "chart", "audio", "podcast"};

/// Words that may stand before a capitalised role word in an unseparated block:
/// "... Ann Lee Additional Reporting by".
inline constexpr std::string_view credits_role_modifiers[] = {
    "additional", "fact", "video", "photo", "data", "graphics", "research", "sub", "further"};

/// Words that never occur in a role phrase; they mark an ordinary sentence ("was hit by").
inline constexpr std::string_view credits_stop_words[] = {
    "was", "were", "is", "are", "be", "been", "being", "has", "have", "had", "will", "would",
    "could", "should", "can", "may", "might", "the", "a", "an", "and", "or", "but", "of", "to",
    "in", "on", "at", "for", "with", "from", "it", "its", "he", "she", "they", "we", "you", "i",
    "his", "her", "their", "our", "this", "that", "these", "those", "who", "which", "what",
    "not", "also", "said", "says", "after", "before", "as", "than", "then", "when", "while",
    "if", "so", "just", "only", "there", "here", "hit", "killed", "followed", "led", "driven"};

/// Job titles before names in credits, besides the style's ("Associated Press writers A").
inline constexpr std::string_view credits_extra_titles[] = {
    "photographer", "photographers", "researcher", "researchers", "journalist", "journalists",
    "producer", "producers", "reporter", "reporters"};

/// Abbreviations whose final period belongs to the word: "Steele, Ala.", "Martin Jr.".
inline constexpr std::string_view credits_abbreviations[] = {
    "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan",
    "ky", "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore",
    "pa", "tenn", "tex", "va", "vt", "wash", "wis", "wyo", "jr", "sr", "st", "inc", "co", "ltd",
    "mt", "ft", "gen", "col", "lt", "sgt", "dr"};

/// First words of two-word places that follow a comma: "A in Albany, New York".
inline constexpr std::string_view credits_place_first_words[] = {
    "new", "north", "south", "west", "east", "rhode", "district"};

/// Boilerplate that ends a credit block, even glued to the last name.
inline constexpr std::string_view credits_boilerplate[] = {"Our Standards", "Sign up here",
                                                           "Read more"};

template <std::size_t N>
constexpr bool credits_in_list(std::string_view w, const std::string_view (&list)[N]) noexcept {
    for (auto x : list)
        if (iequals(w, x)) return true;
    return false;
}

/// credits_in_list for a constant list, with the list's gate (first letter and length) first:
/// role-phrase checks ask these lists about every word of a credit block.
template <const auto& List>
bool credits_in(std::string_view w) noexcept {
    static_assert(no_empty_word(List), "the gate turns empty words away");
    return word_list_gate_of<List>.admits(w) && credits_in_list(w, List);
}

//--- small scanners (every one is bounded by `end`) ---//

/// A word of `t` as offsets: [b, e), e <= the bound it was scanned with.
struct credits_word {
    std::size_t b = 0;
    std::size_t e = 0;
    bool empty() const noexcept { return b >= e; }
};

/// The word starting at or after `pos`, not reaching past `end`.
inline credits_word credits_word_at(std::string_view t, std::size_t pos, std::size_t end) noexcept {
    while (pos < end) {
        std::size_t n = space_len(t, pos);
        if (n == 0) break;
        pos += n;
    }
    if (pos > end) pos = end;
    std::size_t b = pos;
    while (pos < end && (is_plain_word_byte(t[pos]) || space_len(t, pos) == 0)) ++pos;
    return {b, pos};
}

constexpr bool credits_is_sep(char c) noexcept { return c == ',' || c == ';'; }

/// The word without surrounding punctuation: "(Reporting" -> "Reporting", "Ali;" -> "Ali".
inline std::string_view credits_core(std::string_view t, credits_word w) noexcept {
    std::size_t b = w.b, e = w.e;
    while (b < e && (t[b] == '(' || t[b] == '"')) ++b;
    while (e > b && (credits_is_sep(t[e - 1]) || t[e - 1] == ':' || t[e - 1] == '.' ||
                     t[e - 1] == ')' || t[e - 1] == '"'))
        --e;
    return t.substr(b, e - b);
}

/// Does `w` look like a role word: ASCII letters and hyphens, capitals only first or after
/// a hyphen ("Fact-Checking"), not a stop word?
inline bool credits_role_shaped(std::string_view w) noexcept {
    if (w.size() < 2 || credits_in<credits_stop_words>(w)) return false;
    for (std::size_t i = 0; i < w.size(); ++i) {
        char c = w[i];
        if (c == '-') continue;
        if (!is_alpha(c)) return false;
        if (is_upper(c) && i > 0 && w[i - 1] != '-') return false;
    }
    return true;
}

/// Can `w` end a role phrase: a role noun or an "-ing" word ("Reporting", "Graphics")?
inline bool credits_role_head(std::string_view w) noexcept {
    return credits_role_shaped(w) &&
           (credits_in<credits_role_nouns>(w) || (w.size() > 4 && iends_with(w, "ing")));
}

/// The role named by a label (as written; white space between its words may be anything).
inline credit_role credits_role_of(std::string_view label) noexcept {
    credits_word a = credits_word_at(label, 0, label.size());
    credits_word b = credits_word_at(label, a.e, label.size());
    credits_word c = credits_word_at(label, b.e, label.size());
    std::string_view w1 = label.substr(a.b, a.e - a.b), w2 = label.substr(b.b, b.e - b.b);
    if (!c.empty()) return credit_role::other;
    if (b.empty()) {
        if (iequals(w1, "reporting")) return credit_role::reporting;
        if (iequals(w1, "writing")) return credit_role::writing;
        if (iequals(w1, "editing")) return credit_role::editing;
        if (iequals(w1, "compiled") || iequals(w1, "compiling")) return credit_role::compiled;
        if (iequals(w1, "graphics")) return credit_role::graphics;
        if (iequals(w1, "fact-checking") || iequals(w1, "factchecking"))
            return credit_role::fact_checking;
        if (iequals(w1, "contributed")) return credit_role::contributed;
        return credit_role::other;
    }
    if (iequals(w1, "additional") && iequals(w2, "reporting")) return credit_role::additional_reporting;
    if (iequals(w1, "fact") && iequals(w2, "checking")) return credit_role::fact_checking;
    if (iequals(w1, "with") && iequals(w2, "assistance")) return credit_role::with_assistance;
    return credit_role::other;
}

/// Offset of a role glued to the word before it ("newsroomsWriting" -> 9), else npos: the
/// last capital that follows a small letter, a period or a ')'.
inline std::size_t credits_glue_point(std::string_view w) noexcept {
    std::size_t at = std::string_view::npos;
    for (std::size_t i = 1; i < w.size(); ++i)
        if (is_upper(w[i]) && (is_lower(w[i - 1]) || w[i - 1] == '.' || w[i - 1] == ')')) at = i;
    return at;
}

/// A boilerplate phrase starting at `t[i]`?
inline bool credits_boilerplate_at(std::string_view t, std::size_t i) noexcept {
    if (i >= t.size() || (t[i] != 'O' && t[i] != 'S' && t[i] != 'R')) return false;
    for (auto b : credits_boilerplate)
        if (starts_with(t.substr(i), b)) return true;
    return false;
}

/// Length of an HTML tag at `t[i]` ("<p>", "</p>", "<br/>"), else 0. Tags are short.
inline std::size_t credits_tag_len(std::string_view t, std::size_t i) noexcept {
    if (i + 2 >= t.size() || t[i] != '<' || !(is_alpha(t[i + 1]) || t[i + 1] == '/')) return 0;
    for (std::size_t k = i + 1; k < t.size() && k < i + 40; ++k) {
        if (t[k] == '>') return k + 1 - i;
        if (t[k] == '<') return 0;
    }
    return 0;
}

/// Does the period at `t[dot]` end a sentence (outside parentheses): a space and a capital
/// follow, and the word before it is not an initial or an abbreviation ("Ala.", "D.C.")?
inline bool credits_sentence_end(std::string_view t, std::size_t dot) noexcept {
    std::size_t k = dot + 1;
    if (k >= t.size() || space_len(t, k) == 0) return false;
    while (std::size_t n = space_len(t, k)) k += n;
    if (k >= t.size() || !(is_upper(t[k]) || t[k] == '(' || is_utf8_lead(t[k]))) return false;
    // The word before the period, looked at no further than 12 bytes back.
    std::size_t b = dot;
    while (b > 0 && dot - b < 12 && space_len(t, b - 1) == 0 && t[b - 1] != '(') --b;
    if (b > 0 && space_len(t, b - 1) == 0 && t[b - 1] != '(') return true;  // a long word
    std::string_view w = t.substr(b, dot - b);
    if (w.size() <= 1 || w.find('.') != std::string_view::npos) return false;  // "A.", "D.C."
    return !credits_in<credits_abbreviations>(w);
}

/// Are the brackets of a name or place at most one level deep and balanced?
inline bool credits_brackets_ok(std::string_view s) noexcept {
    int depth = 0;
    for (char c : s) {
        if (c == '(' && ++depth > 1) return false;
        if (c == ')' && --depth < 0) return false;
    }
    return depth == 0;
}

//--- the parser ---//

/// One pass over a credit region. `out` may be null: then it only decides whether the text
/// is a credit block (find_credits), without storing anything.
struct credits_parser {
    std::string_view t;
    std::vector<credit_view>* out;
    const style_desc& style;
    const sink& diags;
    std::vector<credit_view>* spare = nullptr;  ///< used entries to take instead of new ones

    bool bad = false;          ///< something that cannot be a credit was seen
    std::size_t segments = 0;  ///< roles seen
    std::size_t items = 0;     ///< people and desks in the current segment
    // State of the names list of the current segment:
    bool last_placed = false;        ///< the previous item was a person with a place
    std::size_t unplaced_run = 0;    ///< people without a place since the last placed one
    std::size_t one_word_run = 0;    ///< one-word unplaced people just before (desk parts)
    std::size_t one_word_begin = 0;  ///< where that run starts

    std::string_view view(std::size_t b, std::size_t e) const noexcept {
        return e > b ? t.substr(b, e - b) : t.substr(b, 0);
    }

    void trim(std::size_t& b, std::size_t& e) const noexcept {
        std::string_view s = detail::trim(view(b, e));
        b = static_cast<std::size_t>(s.data() - t.data());
        e = b + s.size();
    }

    void begin_segment(credit_role role, std::size_t lb, std::size_t le) {
        ++segments;
        items = 0;
        last_placed = false;
        unplaced_run = one_word_run = 0;
        if (!out) return;
        if (spare && !spare->empty()) {
            // Reuse a used entry: its vectors keep their capacity.
            out->push_back(std::move(spare->back()));
            spare->pop_back();
            out->back().people.clear();
            out->back().desks.clear();
        } else {
            out->emplace_back();
        }
        out->back().role = role;
        out->back().label = view(lb, le);
    }

    /// Words of [b, e) as a count, and whether a title word ends a prefix of them.
    std::size_t count_words(std::size_t b, std::size_t e) const noexcept {
        std::size_t n = 0;
        for (credits_word w = credits_word_at(t, b, e); !w.empty(); w = credits_word_at(t, w.e, e)) ++n;
        return n;
    }

    bool is_title(std::string_view w) const noexcept {
        for (auto x : style.titles)
            if (iequals(w, x)) return true;
        return credits_in<credits_extra_titles>(w);
    }

    /// A plausible name: 1-6 words, no digits, at least one capitalised (or non-ASCII) word,
    /// brackets only as one balanced aside ("Ann (Annie) Brook", not "Ann ((Brook" or "Ann)").
    bool plausible_name(std::size_t b, std::size_t e) const noexcept {
        if (!credits_brackets_ok(view(b, e))) return false;
        std::size_t n = 0;
        bool capital = false;
        for (credits_word w = credits_word_at(t, b, e); !w.empty(); w = credits_word_at(t, w.e, e)) {
            if (++n > 6) return false;
            std::string_view s = view(w.b, w.e);
            if (has_digit(s) || s.find('"') != std::string_view::npos) return false;
            if (is_upper(s[0]) || is_high(s[0])) capital = true;
        }
        return n > 0 && capital;
    }

    void add_desk(std::size_t b, std::size_t e, bool plural) {
        if (plural && one_word_run > 0) {  // "Kyiv, Moscow and Istanbul newsrooms"
            b = one_word_begin;
            if (out && !out->empty()) {
                auto& ppl = out->back().people;
                for (std::size_t k = 0; k < one_word_run && !ppl.empty(); ++k) ppl.pop_back();
            }
            items -= one_word_run;
            unplaced_run = unplaced_run >= one_word_run ? unplaced_run - one_word_run : 0;
        }
        ++items;
        one_word_run = 0;
        last_placed = false;
        if (out && !out->empty()) out->back().desks.push_back(view(b, e));
    }

    /// One item of a names list, [b, e) without its separator; `after_and` when "and" joined it.
    void item(std::size_t b, std::size_t e, bool after_and, bool last_of_segment) {
        trim(b, e);
        if (b >= e) return;
        // A final period that is not part of an abbreviation ends a sentence, not the name.
        if (last_of_segment && t[e - 1] == '.') {
            credits_word lw{b, e};
            for (credits_word w = credits_word_at(t, b, e); !w.empty(); w = credits_word_at(t, w.e, e)) lw = w;
            std::string_view core = view(lw.b, e - 1);
            if (core.size() > 1 && core.find('.') == std::string_view::npos &&
                !credits_in<credits_abbreviations>(core))
                --e;
        }
        credits_word first = credits_word_at(t, b, e);
        credits_word second = credits_word_at(t, first.e, e);
        credits_word third = credits_word_at(t, second.e, e);
        // "A in Vista, California", "A in Steele, Ala.": the place goes on.
        if (!after_and && last_placed &&
            (second.empty() ||
             (third.empty() && credits_in<credits_place_first_words>(view(first.b, first.e))))) {
            if (out && !out->empty() && !out->back().people.empty()) {
                auto& loc = out->back().people.back().location;
                if (loc) *loc = view(static_cast<std::size_t>(loc->data() - t.data()), e);
            }
            return;
        }
        // Desks: "Moscow newsroom", "the Beijing Newsroom", "Kyiv and Moscow newsrooms".
        credits_word lastw = first;
        for (credits_word w = second; !w.empty(); w = credits_word_at(t, w.e, e)) lastw = w;
        std::string_view head = credits_core(t, lastw);
        bool plural_desk = iequals(head, "newsrooms") || iequals(head, "bureaus") ||
                           iequals(head, "bureaux") || iequals(head, "desks");
        if (plural_desk || iequals(head, "newsroom") || iequals(head, "bureau") ||
            iequals(head, "desk")) {
            if (iequals(view(first.b, first.e), "the") && !second.empty()) b = second.b;
            add_desk(b, e, plural_desk);
            return;
        }
        // A person: strip a title prefix ("Associated Press writers") and a possessive ("CNN's").
        std::size_t name_b = b;
        {
            std::size_t n = 0;
            for (credits_word w = first; !w.empty() && n < 4; w = credits_word_at(t, w.e, e), ++n) {
                credits_word next = credits_word_at(t, w.e, e);
                if (next.empty()) break;
                if (is_title(credits_core(t, w))) name_b = next.b;
            }
            credits_word w = credits_word_at(t, name_b, e);
            std::string_view s = view(w.b, w.e);
            credits_word next = credits_word_at(t, w.e, e);
            if (!next.empty() && (ends_with(s, "'s") || ends_with(s, "\xE2\x80\x99s"))) name_b = next.b;
        }
        // "A in Ankara": the place starts after the first place word that follows the name.
        std::size_t name_e = e, loc_b = e;
        for (credits_word w = credits_word_at(t, name_b, e); !w.empty(); w = credits_word_at(t, w.e, e)) {
            std::string_view s = view(w.b, w.e);
            if (w.b > name_b && (s == "in" || s == "at" || s == "aboard" || s == "on")) {
                name_e = w.b;
                loc_b = w.e;
                break;
            }
        }
        trim(name_b, name_e);
        trim(loc_b, e);
        if (!plausible_name(name_b, name_e) ||
            (loc_b < e && (count_words(loc_b, e) > 6 || !credits_brackets_ok(view(loc_b, e))))) {
            bad = true;
            return;
        }
        bool placed = loc_b < e;
        ++items;
        if (out && !out->empty()) {
            person_view p;
            p.name = view(name_b, name_e);
            if (placed) p.location = view(loc_b, e);
            auto& ppl = out->back().people;
            // "A and B in Washington": B's place is A's too.
            if (placed && after_and)
                for (std::size_t k = 0; k < unplaced_run && k < ppl.size(); ++k)
                    ppl[ppl.size() - 1 - k].location = p.location;
            ppl.push_back(p);
        }
        if (placed) {
            unplaced_run = 0;
            one_word_run = 0;
        } else {
            ++unplaced_run;
            if (second.empty() || credits_word_at(t, name_b, name_e).e == name_e) {
                if (one_word_run == 0) one_word_begin = name_b;
                ++one_word_run;
            } else {
                one_word_run = 0;
            }
        }
        last_placed = placed;
    }

    /// The names of the current segment, [b, e): items split on ",", ";", "and", "&".
    void names(std::size_t b, std::size_t e) {
        std::size_t item_b = std::string_view::npos, item_e = 0;
        bool after_and = false;
        for (credits_word w = credits_word_at(t, b, e); !w.empty(); w = credits_word_at(t, w.e, e)) {
            std::string_view s = view(w.b, w.e);
            if (s == "and" || s == "&" || s == "And") {
                if (item_b != std::string_view::npos) item(item_b, item_e, after_and, false);
                item_b = std::string_view::npos;
                after_and = true;
                continue;
            }
            if (item_b == std::string_view::npos) item_b = w.b;
            item_e = w.e;
            if (credits_is_sep(t[w.e - 1])) {
                std::size_t ie = w.e;
                while (ie > item_b && credits_is_sep(t[ie - 1])) --ie;
                item(item_b, ie, after_and, false);
                item_b = std::string_view::npos;
                after_and = false;
            }
        }
        if (item_b != std::string_view::npos) item(item_b, item_e, after_and, true);
        if (items == 0) bad = true;  // "Reporting by" with nobody
    }

    /// Is [b, e) (its words given) an acceptable role phrase? `first` when it opens the block.
    bool role_phrase_ok(const credits_word* w, std::size_t n, bool first) const noexcept {
        if (n == 0 || n > 3) return false;
        for (std::size_t k = 0; k < n; ++k)
            if (!credits_role_shaped(view(w[k].b, w[k].e))) return false;
        if (!credits_role_head(view(w[n - 1].b, w[n - 1].e))) return false;
        // Later words are small ("Additional reporting") unless the earlier ones are modifiers.
        for (std::size_t k = 1; k < n; ++k)
            if (is_upper(t[w[k].b]) && !credits_in<credits_role_modifiers>(view(w[k - 1].b, w[k - 1].e)))
                return false;
        if (first && !is_upper(t[w[0].b]) && credits_role_of(view(w[0].b, w[n - 1].e)) == credit_role::other)
            return false;
        return true;
    }
};

/// Skip what may stand before a credit block: white space, HTML tags, dashes.
inline std::size_t credits_skip_lead(std::string_view t, std::size_t pos) noexcept {
    while (pos < t.size()) {
        if (std::size_t n = space_len(t, pos)) { pos += n; continue; }
        if (std::size_t n = credits_tag_len(t, pos)) { pos += n; continue; }
        if (std::size_t n = dash_len(t, pos)) { pos += n; continue; }
        break;
    }
    return pos;
}

/// Does a "<Role> by" open the text at `pos` ("Editing by", "Additional reporting by")?
/// Looks at no more than four words.
inline bool credits_role_opens(std::string_view t, std::size_t pos) noexcept {
    credits_word prev{};
    credits_word w = credits_word_at(t, pos, t.size());
    for (int n = 0; n < 4 && !w.empty(); ++n, prev = w, w = credits_word_at(t, w.e, t.size())) {
        std::string_view s = t.substr(w.b, w.e - w.b);
        if (iequals(s, "by")) return !prev.empty() && credits_role_head(t.substr(prev.b, prev.e - prev.b));
        if (!credits_role_shaped(s)) return false;
    }
    return false;
}

/// The work of parse_credits; `out` null means: only decide.
inline std::size_t credits_parse(std::string_view t, std::vector<credit_view>* out,
                                 const style_desc& style, const sink& diags,
                                 std::vector<credit_view>* spare = nullptr) {
    const std::size_t npos = std::string_view::npos;
    const std::size_t kept = out ? out->size() : 0;
    std::size_t pos = credits_skip_lead(t, 0);
    const std::size_t open = pos;
    bool paren = pos < t.size() && t[pos] == '(';
    if (paren) pos = credits_skip_lead(t, pos + 1);

    // 1. Where the region ends: the matching ')', a tag, a blank line, boilerplate, or
    //    (outside parentheses) the end of the first sentence.
    std::size_t end = t.size(), close = npos;
    std::size_t depth = paren ? 1 : 0;
    for (std::size_t i = pos; i < t.size(); ++i) {
        char c = t[i];
        if (c == '(') {
            ++depth;
        } else if (c == ')') {
            if (depth == 0) {  // a stray ')' ends an unparenthesised block
                diags.report(errc::unbalanced_parenthesis, "')' without '(' in credits", t.data() + i);
                end = i;
                break;
            }
            if (--depth == 0 && paren) {
                close = i;
                end = i;
                break;
            }
        } else if (c == '<' && credits_tag_len(t, i)) {
            end = i;
            break;
        } else if (c == '\n') {
            std::size_t k = i + 1;
            while (k < t.size() && (t[k] == ' ' || t[k] == '\t' || t[k] == '\r')) ++k;
            if (k < t.size() && t[k] == '\n') { end = i; break; }
        } else if (credits_boilerplate_at(t, i)) {
            end = i;
            break;
        } else if (c == '.' && !paren && depth == 0 && credits_sentence_end(t, i) &&
                   !credits_role_opens(t, i + 1)) {  // "Reporting by A. Editing by B" goes on
            end = i + 1;
            break;
        }
    }
    if (paren && close == npos && out)
        diags.report(errc::unbalanced_parenthesis, "'(' without ')' in credits", t.data() + open);

    credits_parser p{t, out, style, diags, spare};
    auto fail = [&]() -> std::size_t {
        if (out)
            while (out->size() > kept) {
                if (spare) spare->push_back(std::move(out->back()));
                out->pop_back();
            }
        return 0;
    };

    // 2. The "<Role> by" segments. The last four words since the previous role are kept so a
    //    role phrase can be found when its "by" arrives.
    credits_word ring[4];
    std::size_t rn = 0;
    std::size_t names_b = 0;
    for (credits_word w = credits_word_at(t, pos, end); !w.empty(); w = credits_word_at(t, w.e, end)) {
        std::string_view core = credits_core(t, w);
        std::size_t label_b = npos, label_e = 0, glue = npos;
        credit_role role = credit_role::other;
        bool is_by = iequals(core, "by") && credits_core(t, w).size() == w.e - w.b;
        if (is_by && p.segments == 0) {
            if (p.role_phrase_ok(ring, rn, true)) { label_b = ring[0].b; label_e = ring[rn - 1].e; }
        } else if (is_by && rn > 0) {
            // Separated: the words after the last ";" or "," ("...; Additional reporting by").
            std::size_t k = rn;
            while (k > 0 && !credits_is_sep(t[ring[k - 1].e - 1])) --k;
            if (k > 0 && k < rn && p.role_phrase_ok(ring + k, rn - k, false)) {
                label_b = ring[k].b;
                label_e = ring[rn - 1].e;
            } else {
                // Unseparated ("Ann Lee Writing by"), or glued ("newsroomsWriting by").
                std::size_t j = rn - 1;
                std::string_view last = p.view(ring[j].b, ring[j].e);
                std::size_t g = credits_glue_point(last);
                if (g != npos) {
                    if (credits_role_head(last.substr(g))) { glue = ring[j].b + g; label_b = glue; label_e = ring[j].e; }
                } else if (credits_role_head(last)) {
                    label_b = ring[j].b;
                    label_e = ring[j].e;
                    // Reach back over small role words and modifiers: "Additional reporting".
                    while (j > 0 && rn - j < 3 && !credits_is_sep(t[ring[j - 1].e - 1])) {
                        std::string_view prev = p.view(ring[j - 1].b, ring[j - 1].e);
                        bool small = is_lower(t[ring[j].b]);
                        std::size_t pg = credits_glue_point(prev);
                        if (pg != npos && small && credits_role_shaped(prev.substr(pg))) {
                            glue = ring[j - 1].b + pg;
                            label_b = glue;
                            break;
                        }
                        if (!credits_role_shaped(prev) ||
                            !(small || credits_in<credits_role_modifiers>(prev)))
                            break;
                        --j;
                        label_b = ring[j].b;
                    }
                    if (!is_upper(t[label_b])) label_b = npos;
                }
            }
        } else if (iequals(core, "from") && rn >= 2 && iequals(credits_core(t, ring[rn - 1]), "assistance") &&
                   iequals(credits_core(t, ring[rn - 2]), "with") &&
                   (p.segments > 0 ? (rn == 2 || credits_is_sep(t[ring[rn - 3].e - 1])) : rn == 2)) {
            label_b = ring[rn - 2].b;
            label_e = w.e;
            role = credit_role::with_assistance;
        }
        if (label_b != npos) {
            if (role != credit_role::with_assistance) role = credits_role_of(p.view(label_b, label_e));
            if (p.segments > 0) {
                std::size_t ne = label_b;
                p.names(names_b, ne);
                if (p.bad) return fail();
            }
            if (glue != npos && out)
                diags.report(errc::repaired_separator, "a role glued to the name before it", t.data() + glue);
            p.begin_segment(role, label_b, label_e);
            names_b = w.e;
            rn = 0;
            continue;
        }
        if (p.segments == 0 && rn == 4) break;  // no role in the first words: not this form
        if (rn == 4) {
            ring[0] = ring[1]; ring[1] = ring[2]; ring[2] = ring[3];
            rn = 3;
        }
        ring[rn++] = w;
    }
    if (p.segments > 0) {
        p.names(names_b, end);
        if (p.bad) return fail();
    } else {
        // 3. "A in X and B in Y contributed to this report."
        if (p.view(pos, end).find("contributed") == std::string_view::npos) return fail();  // cheap no
        credits_word cw{};
        std::size_t words = 0;
        for (credits_word w = credits_word_at(t, pos, end); !w.empty(); w = credits_word_at(t, w.e, end)) {
            if (credits_core(t, w) == "contributed") { cw = w; break; }
            ++words;
        }
        if (cw.empty() || words == 0) return fail();
        // What follows must be about the report: "to this report", "reporting", nothing; or
        // where it was written: "contributed from Port Ellis." (AP).
        std::size_t tail = 0;
        bool about_report = false;
        std::size_t from_b = npos, from_e = npos;  // the place after "from"
        for (credits_word w = credits_word_at(t, cw.e, end); !w.empty(); w = credits_word_at(t, w.e, end)) {
            std::string_view s = credits_core(t, w);
            if (++tail > 8) return fail();
            if (tail == 1 && iequals(s, "from")) {
                from_b = w.e;
                continue;
            }
            if (from_b != npos) {  // capitalised place words, "the" allowed first
                if (!(is_upper(s.empty() ? 'x' : s[0]) || (tail == 2 && iequals(s, "the")) ||
                      (tail > 2 && s.size() <= 3 && !s.empty() && is_lower(s[0]))))
                    return fail();
                from_e = static_cast<std::size_t>(s.data() - t.data()) + s.size();
                about_report = true;
                continue;
            }
            if (tail == 1 && !(iequals(s, "to") || iequals(s, "reporting") || iequals(s, "additional")))
                return fail();
            if (iequals(s, "report") || iequals(s, "reporting") || iequals(s, "story") || iequals(s, "article"))
                about_report = true;
        }
        if (tail > 0 && !about_report) return fail();
        std::string_view label = credits_core(t, cw);
        std::size_t lb = static_cast<std::size_t>(label.data() - t.data());
        p.begin_segment(credit_role::contributed, lb, lb + label.size());
        p.names(pos, cw.b);
        if (p.bad) return fail();
        if (from_e != npos && out && !out->empty()) {
            std::size_t b = from_b, e = from_e;
            p.trim(b, e);
            for (auto& person : out->back().people)  // "A and B contributed from X": both
                if (!person.location) person.location = p.view(b, e);
        }
    }
    if (close != npos) return close + 1;
    std::string_view rest = trim_right(p.view(0, end));
    return rest.size();
}

inline std::size_t parse_credits(std::string_view text, std::vector<credit_view>& out,
                                 const style_desc& style, const sink& diags,
                                 std::vector<credit_view>* spare) {
    return credits_parse(text, &out, style, diags, spare);
}

//--- where a block can start (find_credits' cheap pre-checks) ---//
//
// find_credits tries up to four starts in a paragraph; almost no paragraph has credits, so
// each start is first tested for what credits_parse needs there, which is cheap:
//   - a "<Role> by" block has, among its first four words, "by" after a role phrase, or it
//     opens with "With assistance from" (credits_may_open checks exactly that);
//   - a "contributed" block has the word "contributed" at or after its start.
// And the whole paragraph is first scanned, eight bytes at a time, for a key byte of any of
// those ("by", "contributed", "with assistance"): most paragraphs have none and end there.

/// White space for the pre-check: an ASCII space or any byte of a UTF-8 sequence (a superset
/// of what space_len accepts, which is all the pre-check needs).
constexpr bool credits_loose_space(char c) noexcept { return is_ascii_space(c) || is_high(c); }

/// Length of the longest role noun.
constexpr std::size_t credits_longest_role_noun() noexcept {
    std::size_t n = 0;
    for (auto w : credits_role_nouns) n = w.size() > n ? w.size() : n;
    return n;
}

/// Can the word that ends just before `t[k]` (white space may stand between) be the head of a
/// role phrase ("Reporting", "Graphics")? Looks at no more than a role noun's length of
/// letters. Loose: the word is only checked for its last letters.
inline bool credits_role_head_before(std::string_view t, std::size_t k) noexcept {
    while (k > 0 && credits_loose_space(t[k - 1])) --k;  // stops at the head's last letter
    std::size_t b = k;
    while (b > 0 && k - b <= credits_longest_role_noun() && is_alpha(t[b - 1])) --b;
    std::string_view letters = t.substr(b, k - b);
    if (iends_with(letters, "ing")) return true;  // "Reporting", "Fact-checking"
    return letters.size() <= credits_longest_role_noun() && (b == 0 || !is_alpha(t[b - 1])) &&
           credits_in<credits_role_nouns>(letters);
}

/// Is a key of a credit block at `t[k]`: "by" (any case) after a role head, "bu" of
/// "contributed", or "ss" of "assistance" after "with"? The key is the first byte of its
/// pair, so it never stands before the start of the block it belongs to. Loose: true for
/// every word credits_parse could open a block with (and for some more).
inline bool credits_key_at(std::string_view t, std::size_t k) noexcept {
    if (k + 1 >= t.size()) return false;
    const char c = to_lower(t[k]), d = to_lower(t[k + 1]);
    if (c == 'b' && d == 'y')
        return k > 0 && credits_loose_space(t[k - 1]) &&
               (k + 2 >= t.size() || credits_loose_space(t[k + 2])) && credits_role_head_before(t, k);
    if (c == 'b' && d == 'u')
        return k >= 6 && t.size() - (k - 6) >= 11 && t.substr(k - 6, 11) == "contributed";
    if (c != 's' || d != 's' || k < 1 || t.size() - (k - 1) < 10 || !iequals(t.substr(k - 1, 10), "assistance"))
        return false;
    // "With assistance": what credits_core strips, and white space, may stand between.
    std::size_t j = k - 1;
    while (j > 0 && (credits_loose_space(t[j - 1]) || credits_is_sep(t[j - 1]) || t[j - 1] == ':' ||
                     t[j - 1] == '.' || t[j - 1] == ')' || t[j - 1] == '(' || t[j - 1] == '"'))
        --j;
    return j >= 4 && iequals(t.substr(j - 4, 4), "with");
}

/// Is `t[k], t[k + 1]` one of the pairs credits_key_at looks at ("by", "bu", "ss", any case)?
/// One well-predicted branch: the pair is compared as one number.
inline bool credits_key_pair(std::string_view t, std::size_t k) noexcept {
    const unsigned pair = (static_cast<unsigned>(static_cast<unsigned char>(t[k] | 0x20)) << 8) |
                          static_cast<unsigned char>(t[k + 1] | 0x20);
    return (pair == ('b' << 8 | 'y')) | (pair == ('b' << 8 | 'u')) | (pair == ('s' << 8 | 's'));
}

/// A superset of credits_key_pair that the portable scan tests first, eight pairs at a time
/// (the SSE2 scan tests credits_key_candidate instead): 'b' then 'y', 'u', 'q' or '}' (one
/// compare: those are the bytes that OR 0x2C makes 0x7D), or "ss"; any case.
constexpr bool credits_pair_candidate(char first, char second) noexcept {
    const char f = static_cast<char>(first | 0x20);
    return (f == 'b' && static_cast<char>(second | 0x2C) == '}') ||
           (f == 's' && static_cast<char>(second | 0x20) == 's');
}

/// A cheap first test for a candidate pair at `t[k]` (credits_key_pair true): the byte
/// before it, which credits_key_at needs to be white space before "by", 'i' before "bu"
/// (contrIButed) and 'a' before "ss" (aSSistance). False means credits_key_at(t, k) is
/// false; most pairs inside words ("lobby", "business") end here without the call.
inline bool credits_key_may_be_at(std::string_view t, std::size_t k) noexcept {
    if (k == 0) return false;
    const char before = t[k - 1];
    if ((t[k] | 0x20) == 'b') return credits_loose_space(before) || before == 'i';
    return (before | 0x20) == 'a';
}

/// The test the SSE2 scan (and the story scan's marks, parse.hpp) makes at `t[k]`: a
/// candidate pair with the byte before that credits_key_at needs. "by" (any case) after
/// white space or a byte >= 0x80 (both below 0x21 as signed), "bu" after 'i', "ss" after 'a'
/// (any case). credits_key_at(t, k) implies it (tested).
constexpr bool credits_key_candidate(std::string_view t, std::size_t k) noexcept {
    if (k == 0 || k + 1 >= t.size()) return false;
    const char first = static_cast<char>(t[k] | 0x20), second = static_cast<char>(t[k + 1] | 0x20);
    const char before = t[k - 1], before_folded = static_cast<char>(before | 0x20);
    if (first == 'b')
        return (second == 'y' && static_cast<signed char>(before) < 0x21) || (second == 'u' && before_folded == 'i');
    return first == 's' && second == 's' && before_folded == 'a';
}

#ifdef WIRESTORY_SSE2
/// Bit n set iff credits_key_candidate holds at the byte `at` holds in lane n, given the
/// bytes before (`before`) and after (`next`) each lane.
WIRESTORY_DETAIL_INLINE_HOT unsigned credits_key_candidates16(__m128i before, __m128i at, __m128i next) noexcept {
    const __m128i fold = _mm_set1_epi8(0x20);
    const __m128i v0 = _mm_or_si128(at, fold), v1 = _mm_or_si128(next, fold);
    const __m128i before_folded = _mm_or_si128(before, fold);
    const __m128i space_before = _mm_cmplt_epi8(before, _mm_set1_epi8(0x21));
    const __m128i by = _mm_and_si128(_mm_cmpeq_epi8(v1, _mm_set1_epi8('y')), space_before);
    const __m128i ibu = _mm_and_si128(_mm_cmpeq_epi8(v1, _mm_set1_epi8('u')),
                                      _mm_cmpeq_epi8(before_folded, _mm_set1_epi8('i')));
    const __m128i b_pair = _mm_and_si128(_mm_cmpeq_epi8(v0, _mm_set1_epi8('b')), _mm_or_si128(by, ibu));
    const __m128i ass = _mm_and_si128(
        _mm_and_si128(_mm_cmpeq_epi8(v0, _mm_set1_epi8('s')), _mm_cmpeq_epi8(v1, _mm_set1_epi8('s'))),
        _mm_cmpeq_epi8(before_folded, _mm_set1_epi8('a')));
    return static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(b_pair, ass)));
}
#endif

#ifndef WIRESTORY_SSE2
/// 0x80 in each byte of `v` that equals `c`, 0 in the others (exact: no carries between bytes).
constexpr std::uint64_t credits_swar_eq(std::uint64_t v, unsigned char c) noexcept {
    const std::uint64_t low7 = 0x7F7F7F7F7F7F7F7FULL;
    const std::uint64_t x = v ^ (0x0101010101010101ULL * c);
    return ~(((x & low7) + low7) | x | low7);
}
#endif

/// Offset of the last key (see credits_key_at) in `t`, or npos: a credit block can start at
/// `p` only if this is at least `p`. Scans backwards, 16 byte pairs at a time with SSE2.
inline std::size_t credits_last_key(std::string_view t) noexcept {
    if (t.size() < 2) return std::string_view::npos;
    std::size_t i = t.size() - 1;  // pairs at [k, k+1] for k < i remain
#ifdef WIRESTORY_SSE2
    // Bit n: credits_key_candidate at at[n]. The byte before is part of the test: it turns
    // away most pairs inside words ("but", "less", "lobby"), so few 16-byte steps stop.
    auto load = [](const char* at) { return _mm_loadu_si128(reinterpret_cast<const __m128i*>(at)); };
    auto pairs_at = [&](const char* at) {  // at[-1] .. at[16] readable
        return credits_key_candidates16(load(at - 1), load(at), load(at + 1));
    };
    auto first_pairs = [&](const char* at) {  // at == t.data(): no byte before; a 0 stands in
        return credits_key_candidates16(_mm_slli_si128(load(at), 1), load(at), load(at + 1));
    };
    auto last_in = [&](std::size_t base, unsigned hits) {
        while (hits != 0) {  // the highest set bit is the last pair
            const unsigned bit = highest_set_bit(hits);
            hits &= ~(1u << bit);
            if (credits_key_may_be_at(t, base + bit) && credits_key_at(t, base + bit)) return base + bit;
        }
        return std::string_view::npos;
    };
    while (i >= 17) {
        if (unsigned hits = pairs_at(t.data() + i - 16))
            if (std::size_t k = last_in(i - 16, hits); k != std::string_view::npos) return k;
        i -= 16;
    }
    if (i > 0 && t.size() >= 17)  // the first pairs: the first 16 again, those before i
        return last_in(0, first_pairs(t.data()) & ((1u << i) - 1));
#else
    // Eight pairs at a time in a 64-bit word; a word with a candidate is looked at bytewise.
    while (i >= 8) {
        std::uint64_t v0, v1;
        std::memcpy(&v0, t.data() + i - 8, 8);
        std::memcpy(&v1, t.data() + i - 7, 8);
        const std::uint64_t fold = 0x2020202020202020ULL;
        v0 |= fold;
        v1 |= fold;
        std::uint64_t hits = (credits_swar_eq(v0, 'b') & credits_swar_eq(v1 | 0x0C0C0C0C0C0C0C0CULL, 0x7D)) |
                             (credits_swar_eq(v0, 's') & credits_swar_eq(v1, 's'));
        if (hits != 0)
            for (std::size_t k = i; k-- > i - 8;)
                if (credits_key_pair(t, k) && credits_key_may_be_at(t, k) && credits_key_at(t, k)) return k;
        i -= 8;
    }
#endif
    while (i-- > 0)
        if (credits_key_pair(t, i) && credits_key_may_be_at(t, i) && credits_key_at(t, i)) return i;
    return std::string_view::npos;
}

/// Can a "<Role> by" or "With assistance from" block open at `t[p]`? The same test
/// credits_parse applies to its first words (it finds the first role within four words),
/// made on at most four words.
inline bool credits_may_open(std::string_view t, std::size_t p, const style_desc& style) {
    if (p >= t.size()) return false;
    std::size_t pos = credits_skip_lead(t, p);
    if (pos < t.size() && t[pos] == '(') pos = credits_skip_lead(t, pos + 1);
    // Before any word is looked at: a role word is letters and hyphens, "With" may follow
    // '(' or '"' (credits_core); anything else cannot open a block.
    if (pos >= t.size() || !(is_alpha(t[pos]) || t[pos] == '(' || t[pos] == '"')) return false;
    const sink quiet{};
    const credits_parser parser{t, nullptr, style, quiet};
    credits_word ring[4];
    std::size_t n = 0;
    for (credits_word w = credits_word_at(t, pos, t.size()); !w.empty() && n < 4;
         w = credits_word_at(t, w.e, t.size())) {
        std::string_view core = credits_core(t, w);
        if (n > 0 && core.size() == w.e - w.b && iequals(core, "by"))
            return parser.role_phrase_ok(ring, n, true);  // credits_parse decides at this "by"
        if (n == 2 && iequals(core, "from") && iequals(credits_core(t, ring[1]), "assistance") &&
            iequals(credits_core(t, ring[0]), "with"))
            return true;
        ring[n++] = w;
    }
    return false;
}

/// find_credits_and_parse's `last_key` when the caller does not know it (npos is a known answer:
/// no key).
inline constexpr std::size_t unknown_key = static_cast<std::size_t>(-2);

/// find_credits, and with `out` given also parse_credits at the place it finds, in one parse:
/// the credits are appended to `out` (entries from `spare`), `diags` gets that parse's
/// reports and `*used` its length. A start that the checks after the parse refuse leaves
/// `out` and `diags` as they were. With `out` null, `diags` is not used.
/// `last_key` is credits_last_key(block) when the caller knows it (parse_story reads it from
/// the story's marks, marks.hpp), else unknown_key.
inline std::size_t find_credits_and_parse(std::string_view block, const style_desc& style,
                                          std::vector<credit_view>* out, const sink& diags,
                                          std::vector<credit_view>* spare, std::size_t* used,
                                          std::size_t last_key = unknown_key) {
    const std::size_t npos = std::string_view::npos;
    const sink quiet{};
    const sink& reports = out ? diags : quiet;
    // Most paragraphs have no word a credit block needs.
    if (last_key == unknown_key) last_key = credits_last_key(block);
    if (last_key == npos) return npos;
    // A credit block at `p` that runs to the end of `block` (boilerplate and tags may follow).
    auto credit_at = [&](std::size_t p) {
        if (p >= block.size() || p > last_key) return false;
        if (!credits_may_open(block, p, style) && block.find("contributed", p) == npos) return false;
        std::string_view sub = block.substr(p);
        const std::size_t kept = out ? out->size() : 0;
        const std::size_t reports_kept = reports.out ? reports.out->size() : 0;
        auto undo = [&] {  // a refused start leaves no trace
            if (out)
                while (out->size() > kept) {
                    if (spare) spare->push_back(std::move(out->back()));
                    out->pop_back();
                }
            if (reports.out)
                reports.out->erase(reports.out->begin() + static_cast<std::ptrdiff_t>(reports_kept), reports.out->end());
        };
        std::size_t n = credits_parse(sub, out, style, reports, spare);
        if (n == 0) {
            undo();
            return false;
        }
        std::size_t k = n;
        while (k < sub.size()) {
            if (std::size_t m = space_len(sub, k)) { k += m; continue; }
            if (std::size_t m = credits_tag_len(sub, k)) { k += m; continue; }
            if (sub[k] == '.' || sub[k] == ')') { ++k; continue; }
            break;
        }
        if (k >= sub.size() || credits_boilerplate_at(sub, k)) {
            if (used) *used = n;
            return true;
        }
        undo();
        return false;
    };
    if (credit_at(0)) return 0;
    std::string_view t = trim_right(block);
    // "... goal. (Reporting by A; editing by B)": the '(' matching the last ')'.
    if (!t.empty() && t.back() == ')') {
        std::size_t depth = 0;
        for (std::size_t i = t.size(); i-- > 0;) {
            if (t[i] == ')') ++depth;
            else if (t[i] == '(' && --depth == 0) {
                if (credit_at(i)) return i;
                break;
            }
        }
    }
    // A hard-wrapped story whose last line is the credit.
    std::size_t nl = t.rfind('\n');
    if (nl != npos) {
        std::size_t p = credits_skip_lead(t, nl + 1);
        if (credit_at(p)) return p;
    }
    // The last sentence: "... goal. Reporting by A; Editing by B" or "... B contributed."
    // The last sentence end, looked for from the back.
    for (std::size_t i = t.size() > 0 ? t.size() - 1 : 0; i-- > 0;)
        if ((t[i] == '.' || t[i] == '!' || t[i] == '?') && credits_sentence_end(t, i)) {
            std::size_t last_start = credits_skip_lead(t, i + 1);
            return credit_at(last_start) ? last_start : npos;
        }
    return npos;
}


inline std::size_t find_credits(std::string_view block, const style_desc& style) {
    return find_credits_and_parse(block, style, nullptr, sink{}, nullptr, nullptr);
}

} // namespace detail

template <class Style>
std::vector<credit_view> parse_credits(std::string_view block) {
    std::vector<credit_view> out;
    detail::parse_credits(block, out, detail::describe<Style>(), detail::sink{});
    return out;
}

} // namespace wirestory

#endif
