// wirestory: the typed Article and its parts.
//
// Every part is a class template over the string type. `basic_article<std::string_view>`
// (alias `article_view`) is what the parsers produce: each string is a view of the caller's
// text, exactly the bytes written there (trimmed), so its position in the input is known.
// `basic_article<std::string>` (alias `article`) owns its text; `to_owned` makes one from a
// view, collapsing runs of white space and hard line wraps to one space, as JSON output does.
#ifndef WIRESTORY_ARTICLE_HPP
#define WIRESTORY_ARTICLE_HPP

#include <optional>     // parts that may be absent
#include <string>       // the owning form
#include <string_view>  // the borrowing form
#include <vector>       // lists of people, paragraphs, ...

#include "diagnostic.hpp"

namespace wirestory {

//=== parts ===//

/// A person named in a byline or a credit: "A in Kyiv" -> {name "A", location "Kyiv"}.
template <class String = std::string>
struct basic_person {
    String name;
    std::optional<String> location;
};

/// "By A and B" -> authors {A, B}. `text` is the whole byline as written (empty when absent).
template <class String = std::string>
struct basic_byline {
    String text;
    std::vector<basic_person<String>> authors;

    bool empty() const noexcept { return authors.empty(); }
};

/// "WASHINGTON, Nov 19 (Reuters) -": where, when and through whom the story was filed.
template <class String = std::string>
struct basic_dateline {
    String text;                    ///< the dateline as written, dash included
    std::vector<String> locations;  ///< "ANKARA/KYIV" -> {ANKARA, KYIV}; "BOISE, Idaho" is one
    std::optional<String> date;     ///< as written: "Nov 19", "March 2", "2 March"
    int month = 0;                  ///< 1..12 when `date` names a month, else 0
    int day = 0;                    ///< 1..31 when `date` names a day, else 0
    int year = 0;                   ///< the year when known: written ("17 January 2008"), or
                                    ///< from the caller's reference date or the caption's date
    std::optional<String> agency;   ///< "Reuters", "Reuters Breakingviews", "AP", ...
};

/// A calendar date (from a caption's "November 17, 2025").
struct calendar_date {
    int year = 0;
    int month = 0;
    int day = 0;
    friend bool operator==(const calendar_date& a, const calendar_date& b) noexcept {
        return a.year == b.year && a.month == b.month && a.day == b.day;
    }
    friend bool operator!=(const calendar_date& a, const calendar_date& b) noexcept { return !(a == b); }
};

/// A photo caption: description, then a credit "REUTERS/Name/Pool".
template <class String = std::string>
struct basic_caption {
    String text;                        ///< the description
    std::optional<String> credit;       ///< the whole credit as written
    std::optional<String> agency;       ///< the distributor: "REUTERS", "AP", "Getty Images"
    std::vector<String> photographers;  ///< people
    std::vector<String> qualifiers;     ///< "Pool", "File Photo", "Handout", ... as written
    std::vector<String> providers;      ///< other organisations: "Sputnik", "Kremlin"
    std::optional<String> place;        ///< "Paris, France" from "... in Paris, France, November 17, 2025."
    std::optional<calendar_date> date;  ///< 2025-11-17 from the same
};

/// What a person did for the story, from "<Role> by".
enum class credit_role {
    reporting,             ///< "Reporting by"
    additional_reporting,  ///< "Additional reporting by"
    writing,               ///< "Writing by"
    editing,               ///< "Editing by"
    compiled,              ///< "Compiled by"
    graphics,              ///< "Graphics by"
    fact_checking,         ///< "Fact-checking by"
    contributed,           ///< "A contributed to this report."
    with_assistance,       ///< Bloomberg's "--With assistance from A."
    other,                 ///< any other "<Role> by"; see `label`
};

/// One role of a reporting-credit block: "Reporting by A in Ankara and B in Kyiv".
template <class String = std::string>
struct basic_credit {
    credit_role role = credit_role::other;
    String label;                               ///< the role as written: "Additional reporting"
    std::vector<basic_person<String>> people;
    std::vector<String> desks;                  ///< "Kyiv, Moscow and Istanbul newsrooms"
};

//=== the article ===//

template <class String = std::string>
struct basic_article {
    using string_type = String;

    /// The agency style the story was read with: the one named, or the one detected
    /// ("reuters", "ap", ..., "generic" when nothing told). Static text, not from the input.
    std::string_view style;

    std::optional<String> headline;                  ///< classic wire: the first line
    std::optional<basic_caption<String>> caption;    ///< photo caption + credit line
    basic_byline<String> byline;                     ///< "By A and B"
    std::optional<basic_dateline<String>> dateline;  ///< "ANKARA/KYIV (Reuters) -"
    std::vector<String> paragraphs;                  ///< body text; the first follows the dateline
    std::vector<String> subheads;                    ///< ALL-CAPS headings inside the body
    std::vector<basic_credit<String>> credits;       ///< "(Reporting by ...; Editing by ...)"
    std::vector<String> corrections;                 ///< "(This story has been refiled ...)"
    std::optional<String> signoff;                   ///< classic wire: "Reuter"
    std::vector<diagnostic> diagnostics;             ///< what was skipped or repaired, with offsets
};

using person = basic_person<std::string>;
using person_view = basic_person<std::string_view>;
using byline = basic_byline<std::string>;
using byline_view = basic_byline<std::string_view>;
using dateline = basic_dateline<std::string>;
using dateline_view = basic_dateline<std::string_view>;
using caption = basic_caption<std::string>;
using caption_view = basic_caption<std::string_view>;
using credit = basic_credit<std::string>;
using credit_view = basic_credit<std::string_view>;
using article = basic_article<std::string>;
using article_view = basic_article<std::string_view>;

/// The JSON name of a role enumerator ("additional reporting"); `label` keeps the spelling.
constexpr std::string_view to_string(credit_role r) noexcept {
    switch (r) {
    case credit_role::reporting: return "reporting";
    case credit_role::additional_reporting: return "additional reporting";
    case credit_role::writing: return "writing";
    case credit_role::editing: return "editing";
    case credit_role::compiled: return "compiled";
    case credit_role::graphics: return "graphics";
    case credit_role::fact_checking: return "fact-checking";
    case credit_role::contributed: return "contributed";
    case credit_role::with_assistance: return "with assistance from";
    case credit_role::other: return "other";
    }
    return "other";
}

//=== borrowing -> owning ===//

/// A view's text as an owned string: trimmed, white space runs and line wraps collapsed.
std::string collapse_whitespace(std::string_view text);

/// An owning copy of a borrowing part or article, with white space collapsed.
person to_owned(const person_view& p);
byline to_owned(const byline_view& b);
dateline to_owned(const dateline_view& d);
caption to_owned(const caption_view& c);
credit to_owned(const credit_view& c);
article to_owned(const article_view& a);

} // namespace wirestory

//=== implementation ===//

#include "detail/text.hpp"

namespace wirestory {

inline std::string collapse_whitespace(std::string_view text) {
    std::string out;
    detail::append_collapsed(out, text);
    return out;
}

namespace detail {
inline std::optional<std::string> owned(const std::optional<std::string_view>& s) {
    if (!s) return std::nullopt;
    return collapse_whitespace(*s);
}
inline std::vector<std::string> owned(const std::vector<std::string_view>& v) {
    std::vector<std::string> out;
    out.reserve(v.size());
    for (auto s : v) out.push_back(collapse_whitespace(s));
    return out;
}
template <class T>
auto owned(const std::vector<T>& v) -> std::vector<decltype(to_owned(v.front()))> {
    std::vector<decltype(to_owned(v.front()))> out;
    out.reserve(v.size());
    for (const auto& x : v) out.push_back(to_owned(x));
    return out;
}
} // namespace detail

inline person to_owned(const person_view& p) {
    return {collapse_whitespace(p.name), detail::owned(p.location)};
}

inline byline to_owned(const byline_view& b) {
    return {collapse_whitespace(b.text), detail::owned(b.authors)};
}

inline dateline to_owned(const dateline_view& d) {
    dateline out;
    out.text = collapse_whitespace(d.text);
    out.locations = detail::owned(d.locations);
    out.date = detail::owned(d.date);
    out.month = d.month;
    out.day = d.day;
    out.year = d.year;
    out.agency = detail::owned(d.agency);
    return out;
}

inline caption to_owned(const caption_view& c) {
    caption out;
    out.text = collapse_whitespace(c.text);
    out.credit = detail::owned(c.credit);
    out.agency = detail::owned(c.agency);
    out.photographers = detail::owned(c.photographers);
    out.qualifiers = detail::owned(c.qualifiers);
    out.providers = detail::owned(c.providers);
    out.place = detail::owned(c.place);
    out.date = c.date;
    return out;
}

inline credit to_owned(const credit_view& c) {
    credit out;
    out.role = c.role;
    out.label = collapse_whitespace(c.label);
    out.people = detail::owned(c.people);
    out.desks = detail::owned(c.desks);
    return out;
}

inline article to_owned(const article_view& a) {
    article out;
    out.style = a.style;
    out.headline = detail::owned(a.headline);
    if (a.caption) out.caption = to_owned(*a.caption);
    out.byline = to_owned(a.byline);
    if (a.dateline) out.dateline = to_owned(*a.dateline);
    out.paragraphs = detail::owned(a.paragraphs);
    out.subheads = detail::owned(a.subheads);
    out.credits = detail::owned(a.credits);
    out.corrections = detail::owned(a.corrections);
    out.signoff = detail::owned(a.signoff);
    out.diagnostics = a.diagnostics;
    return out;
}

} // namespace wirestory

#endif
