// wirestory: agency styles. A style is a policy struct passed as the parsers' template
// parameter; a new agency is a new struct, not a new `if`.
//
//   struct harbor_style : wirestory::base_style {
//       static constexpr std::string_view name = "harbor";
//       static constexpr std::string_view agencies[] = {"Harbor Wire"};
//       static constexpr std::string_view affiliations[] = {"Harbor Wire", "HW"};
//   };
//   auto a = wirestory::parse<harbor_style>(text);
//
// Members a style leaves out are inherited from `base_style`. The parsers turn a style into
// a `detail::style_desc` (plain views) once, so the real work is ordinary non-template code.
#ifndef WIRESTORY_STYLE_HPP
#define WIRESTORY_STYLE_HPP

#include <cstddef>      // std::size_t
#include <string_view>  // style word lists

namespace wirestory {

/// What every style starts from: the markers common to English-language wire copy.
struct base_style {
    /// The style's short name, as in JSON "style".
    static constexpr std::string_view name = "generic";
    /// The agency's names as they stand in its datelines: "(Reuters)", or bare before the dash
    /// in the classic wire ("MONTREAL, March 20, Reuter -").
    static constexpr std::string_view agencies[] = {"Reuters"};
    /// Words after a byline's names that name the employer, not a person: "By A, Reuters".
    static constexpr std::string_view affiliations[] = {
        "Reuters",          "Reuter",        "Thomson Reuters",  "Reuters News",
        "Associated Press", "AP",            "AFP",              "Agence France-Presse",
        "Bloomberg",        "Bloomberg News", "UPI",             "dpa",
        "Xinhua",           "PTI",           "ANI",              "Kyodo",
        "Yonhap",           "EFE",           "ANSA",             "Anadolu"};
    /// Job titles that may stand between "By" and the names or after them:
    /// "By National Security Writer A", "By A, AP Business Writer".
    static constexpr std::string_view titles[] = {
        "Writer", "Writers", "Correspondent", "Correspondents", "Reporter", "Reporters",
        "Editor", "Editors", "Columnist", "Staff", "Staff Writer", "Staff Writers"};
    /// The classic wire's last word: "Reuter".
    static constexpr std::string_view signoffs[] = {"Reuter", "Reuters", "More"};
};

/// Reuters: modern web copy, Breakingviews, and the 1987 wire layout. The default style.
struct reuters_style : base_style {
    static constexpr std::string_view name = "reuters";
    static constexpr std::string_view agencies[] = {"Reuters", "Reuters Breakingviews", "Reuter"};
};

using default_style = reuters_style;

namespace detail {

/// A read-only list of words from a style (a tiny span: C++17 has no std::span).
struct word_list {
    const std::string_view* first = nullptr;
    std::size_t count = 0;

    constexpr const std::string_view* begin() const noexcept { return first; }
    constexpr const std::string_view* end() const noexcept { return first + count; }
    constexpr bool empty() const noexcept { return count == 0; }
};

template <std::size_t N>
constexpr word_list words(const std::string_view (&list)[N]) noexcept {
    return {list, N};
}

/// A style as plain data, what the non-template parsing code reads.
struct style_desc {
    std::string_view name;
    word_list agencies;
    word_list affiliations;
    word_list titles;
    word_list signoffs;
};

template <class Style>
constexpr style_desc describe() noexcept {
    return {Style::name, words(Style::agencies), words(Style::affiliations), words(Style::titles),
            words(Style::signoffs)};
}

} // namespace detail
} // namespace wirestory

#endif
