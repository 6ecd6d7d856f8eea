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

/// What every style starts from: the markers common to English-language wire copy, for
/// every agency at once. Parsing with it (or `auto_style`) reads any agency's copy.
struct base_style {
    /// The style's short name, as in JSON "style".
    static constexpr std::string_view name = "generic";
    /// Agency names as they stand in datelines: "(Reuters)", or bare before the dash in the
    /// classic wire ("MONTREAL, March 20, Reuter -").
    static constexpr std::string_view agencies[] = {
        "Reuters", "Reuters Breakingviews", "Reuter", "AP", "Associated Press", "AFP",
        "Bloomberg", "UPI", "dpa", "Xinhua", "PTI", "ANI", "IANS", "Kyodo", "Yonhap", "EFE",
        "ANSA", "Anadolu", "Bernama", "KUNA", "WAM", "Interfax", "TASS"};
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
    /// A story's last word on the wire: "Reuter".
    static constexpr std::string_view signoffs[] = {"Reuter", "Reuters", "More"};
};

/// Read any agency's copy, and record which agency's it was (the default of every parser).
struct auto_style : base_style {
    static constexpr std::string_view name = "auto";
};

/// Reuters: modern web copy, Breakingviews, and the 1987 wire layout.
struct reuters_style : base_style {
    static constexpr std::string_view name = "reuters";
    static constexpr std::string_view agencies[] = {"Reuters", "Reuters Breakingviews", "Reuter"};
};

/// The Associated Press: "WASHINGTON (AP) —", "By A and B Associated Press", "(AP Photo/A)".
struct ap_style : base_style {
    static constexpr std::string_view name = "ap";
    static constexpr std::string_view agencies[] = {"AP", "Associated Press"};
};

/// Agence France-Presse: "Paris (AFP) -", "A/AFP via Getty Images", desk tags "bur-abc/xyz".
struct afp_style : base_style {
    static constexpr std::string_view name = "afp";
    static constexpr std::string_view agencies[] = {"AFP", "Agence France-Presse"};
};

/// Bloomberg: "(Bloomberg) --", "--With assistance from A.", "Photographer: A/Bloomberg".
struct bloomberg_style : base_style {
    static constexpr std::string_view name = "bloomberg";
    static constexpr std::string_view agencies[] = {"Bloomberg", "Bloomberg News"};
};

/// United Press International: "Nov. 25 (UPI) --".
struct upi_style : base_style {
    static constexpr std::string_view name = "upi";
    static constexpr std::string_view agencies[] = {"UPI"};
};

/// Deutsche Presse-Agentur: "Berlin (dpa) -".
struct dpa_style : base_style {
    static constexpr std::string_view name = "dpa";
    static constexpr std::string_view agencies[] = {"dpa", "DPA"};
};

/// Xinhua: "GAZA, Dec. 1 (Xinhua) --".
struct xinhua_style : base_style {
    static constexpr std::string_view name = "xinhua";
    static constexpr std::string_view agencies[] = {"Xinhua", "XINHUA"};
};

/// Press Trust of India: "NEW DELHI, Dec 3 (PTI)".
struct pti_style : base_style {
    static constexpr std::string_view name = "pti";
    static constexpr std::string_view agencies[] = {"PTI"};
};

/// Asian News International: "NEW DELHI, Dec 3 (ANI)".
struct ani_style : base_style {
    static constexpr std::string_view name = "ani";
    static constexpr std::string_view agencies[] = {"ANI"};
};

/// Kyodo News: "TOKYO, Dec 3 (Kyodo) --".
struct kyodo_style : base_style {
    static constexpr std::string_view name = "kyodo";
    static constexpr std::string_view agencies[] = {"Kyodo", "KYODO"};
};

/// Yonhap: "SEOUL, Dec. 3 (Yonhap) --".
struct yonhap_style : base_style {
    static constexpr std::string_view name = "yonhap";
    static constexpr std::string_view agencies[] = {"Yonhap"};
};

/// Agencia EFE: "MADRID (EFE) -".
struct efe_style : base_style {
    static constexpr std::string_view name = "efe";
    static constexpr std::string_view agencies[] = {"EFE"};
};

/// ANSA: "ROME (ANSA) -".
struct ansa_style : base_style {
    static constexpr std::string_view name = "ansa";
    static constexpr std::string_view agencies[] = {"ANSA"};
};

/// Anadolu Agency: "ANKARA (AA) -".
struct anadolu_style : base_style {
    static constexpr std::string_view name = "anadolu";
    static constexpr std::string_view agencies[] = {"AA", "Anadolu", "Anadolu Agency"};
};

/// What `parse` uses when no style is named: any agency, detected.
using default_style = auto_style;

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

/// The built-in agency styles, for detection and for choosing one by name at run time.
inline constexpr style_desc builtin_styles[] = {
    describe<reuters_style>(), describe<ap_style>(),     describe<afp_style>(),
    describe<bloomberg_style>(), describe<upi_style>(),  describe<dpa_style>(),
    describe<xinhua_style>(),  describe<pti_style>(),    describe<ani_style>(),
    describe<kyodo_style>(),   describe<yonhap_style>(), describe<efe_style>(),
    describe<ansa_style>(),    describe<anadolu_style>()};

} // namespace detail

/// A style chosen at run time (the CLI's --style): plain data, from `find_style`.
using style_ref = detail::style_desc;

/// The built-in style called `name` ("reuters", "ap", ..., "auto", "generic"), or nullptr.
inline const style_ref* find_style(std::string_view name) noexcept {
    static constexpr style_ref automatic = detail::describe<auto_style>();
    static constexpr style_ref generic = detail::describe<base_style>();
    if (name == automatic.name) return &automatic;
    if (name == generic.name) return &generic;
    for (const auto& s : detail::builtin_styles)
        if (s.name == name) return &s;
    return nullptr;
}

} // namespace wirestory

#endif
