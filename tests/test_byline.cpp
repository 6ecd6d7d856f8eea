#include <wirestory/byline.hpp>
#include <doctest/doctest.h>

#include <string>       // owned copies in the to_owned test
#include <string_view>  // lines
#include <vector>       // name lists

// Every person and place here is invented.

namespace {

using wirestory::byline_view;
using wirestory::detail::byline_mode;
using wirestory::detail::contains_view;

/// A style whose own agency is "Harbor Wire": "By A, Harbor Wire" names one author.
struct harbor_style : wirestory::base_style {
    static constexpr std::string_view name = "harbor";
    static constexpr std::string_view agencies[] = {"Harbor Wire"};
    static constexpr std::string_view affiliations[] = {"Harbor Wire", "HW", "Reuters"};
};

std::vector<std::string_view> names_of(const byline_view& b) {
    std::vector<std::string_view> out;
    for (const auto& p : b.authors) out.push_back(p.name);
    return out;
}

/// Every view of the byline lies inside `line`.
bool all_inside(std::string_view line, const byline_view& b) {
    if (!contains_view(line, b.text)) return false;
    for (const auto& p : b.authors) {
        if (!contains_view(line, p.name)) return false;
        if (p.location && !contains_view(line, *p.location)) return false;
    }
    return true;
}

/// Parse in leading mode through the public wrapper; empty names when not a byline.
template <class Style = wirestory::default_style>
std::vector<std::string_view> lead_names(std::string_view line) {
    auto b = wirestory::parse_byline<Style>(line);
    if (!b) return {};
    CHECK(all_inside(line, *b));
    return names_of(*b);
}

/// Parse in whole_line mode through the detail function.
std::vector<std::string_view> whole_names(std::string_view line, std::size_t* used = nullptr) {
    byline_view out;
    std::size_t n = wirestory::detail::parse_byline(
        line, out, wirestory::detail::describe<wirestory::default_style>(), wirestory::detail::sink{},
        byline_mode::whole_line);
    if (used) *used = n;
    CHECK(all_inside(line, out));
    if (n == 0) CHECK(out.authors.empty());
    return names_of(out);
}

using names = std::vector<std::string_view>;

} // namespace

TEST_CASE("byline: people joined by and, &, and commas") {
    SUBCASE("one person") { CHECK(lead_names("By Marta Kowalczyk") == names{"Marta Kowalczyk"}); }
    SUBCASE("A and B") {
        CHECK(lead_names("By Marta Kowalczyk and Tomasz Wren") ==
              names{"Marta Kowalczyk", "Tomasz Wren"});
    }
    SUBCASE("A, B and C") {
        CHECK(lead_names("By Marta Kowalczyk, Tomasz Wren and Ines Varga") ==
              names{"Marta Kowalczyk", "Tomasz Wren", "Ines Varga"});
    }
    SUBCASE("A, B, and C (serial comma)") {
        CHECK(lead_names("By Ann Lee, Bo Park, and Cy Dunn") ==
              names{"Ann Lee", "Bo Park", "Cy Dunn"});
    }
    SUBCASE("A & B") {
        CHECK(lead_names("By Marta Kowalczyk & Tomasz Wren") ==
              names{"Marta Kowalczyk", "Tomasz Wren"});
    }
    SUBCASE("commas without spaces") {
        CHECK(lead_names("By Ann Lee,Bo Park and Cy Dunn") == names{"Ann Lee", "Bo Park", "Cy Dunn"});
    }
}

TEST_CASE("byline: the word By in any case, and what may follow it") {
    SUBCASE("BY") { CHECK(lead_names("BY MARTA KOWALCZYK") == names{"MARTA KOWALCZYK"}); }
    SUBCASE("by") { CHECK(lead_names("by Marta Kowalczyk") == names{"Marta Kowalczyk"}); }
    SUBCASE("By - A") { CHECK(lead_names("By - Marta Kowalczyk") == names{"Marta Kowalczyk"}); }
    SUBCASE("By: A") { CHECK(lead_names("By: Marta Kowalczyk") == names{"Marta Kowalczyk"}); }
    SUBCASE("leading white space, classic wire indent") {
        CHECK(lead_names("    By Ann Lee, Reuters") == names{"Ann Lee"});
    }
    SUBCASE("ALL CAPS AND") {
        CHECK(lead_names("BY ANN LEE AND BO PARK, REUTERS") == names{"ANN LEE", "BO PARK"});
    }
    SUBCASE("all lowercase names before a known affiliation") {
        CHECK(lead_names("By ann lee, Reuters") == names{"ann lee"});
        CHECK(lead_names("By ann lee").empty());  // no affiliation: could be a sentence
    }
}

TEST_CASE("byline: agency affiliations are not people") {
    SUBCASE("A, Reuters") { CHECK(lead_names("By Marta Kowalczyk, Reuters") == names{"Marta Kowalczyk"}); }
    SUBCASE("A, Reuter") { CHECK(lead_names("By Marta Kowalczyk, Reuter") == names{"Marta Kowalczyk"}); }
    SUBCASE("A Reuters (no comma)") {
        CHECK(lead_names("By Marta Kowalczyk Reuters") == names{"Marta Kowalczyk"});
    }
    SUBCASE("A, REUTERS.") { CHECK(lead_names("BY ANN LEE, REUTERS.") == names{"ANN LEE"}); }
    SUBCASE("one last word after a comma is an affiliation (misspelt)") {
        CHECK(lead_names("By Ann Lee, Reutersx") == names{"Ann Lee"});
    }
    SUBCASE("The Associated Press") {
        CHECK(lead_names("By Ann Lee, The Associated Press") == names{"Ann Lee"});
    }
    SUBCASE("Bloomberg News without By, whole line") {
        CHECK(whole_names("Marta Kowalczyk, Bloomberg News") == names{"Marta Kowalczyk"});
    }
    SUBCASE("the byline text covers the affiliation") {
        auto b = wirestory::parse_byline("By Ann Lee, Reuters");
        REQUIRE(b);
        CHECK(b->text == "By Ann Lee, Reuters");
    }
}

TEST_CASE("byline: titles before and after the names") {
    SUBCASE("title before the name") {
        CHECK(lead_names("By National Security Writer Marta Kowalczyk.") ==
              names{"Marta Kowalczyk"});
        CHECK(lead_names("BY AP STAFF WRITER ANN LEE") == names{"ANN LEE"});
    }
    SUBCASE("A, AP Business Writer") {
        CHECK(lead_names("By Marta Kowalczyk, AP Business Writer") == names{"Marta Kowalczyk"});
    }
    SUBCASE("A,AP Business Writer AP - weekday, date (web chrome after it)") {
        std::string_view line = "By MARTA KOWALCZYK,AP Business Writer AP - Wednesday, March 18";
        auto b = wirestory::parse_byline(line);
        REQUIRE(b);
        CHECK(names_of(*b) == names{"MARTA KOWALCZYK"});
        CHECK(b->text == "By MARTA KOWALCZYK,AP Business Writer");
    }
    SUBCASE("A and B, Associated Press Writers") {
        CHECK(lead_names("By Marta Kowalczyk and Tomasz Wren, Associated Press Writers") ==
              names{"Marta Kowalczyk", "Tomasz Wren"});
    }
    SUBCASE("A, Staff Writer") { CHECK(lead_names("By Ann Lee, Staff Writer") == names{"Ann Lee"}); }
    SUBCASE("A Religion News Service (an organisation without a comma)") {
        CHECK(lead_names("By Marta Kowalczyk Religion News Service") == names{"Marta Kowalczyk"});
    }
    SUBCASE("A, Harbor News (a strong organisation word)") {
        CHECK(lead_names("By Ann Lee, Harbor News") == names{"Ann Lee"});
    }
}

TEST_CASE("byline: the style decides which organisations are affiliations") {
    // "Wire" is also a surname, so only a style that knows "Harbor Wire" drops it.
    CHECK(lead_names<harbor_style>("By Ann Lee, Harbor Wire") == names{"Ann Lee"});
    CHECK(lead_names<wirestory::reuters_style>("By Ann Lee, Harbor Wire") ==
          names{"Ann Lee", "Harbor Wire"});
    CHECK(lead_names<harbor_style>("By Ann Lee and Bo Park HW") == names{"Ann Lee", "Bo Park"});
}

TEST_CASE("byline: locations after in") {
    SUBCASE("A in Kyiv") {
        auto b = wirestory::parse_byline("By Marta Kowalczyk in Kyiv");
        REQUIRE(b);
        REQUIRE(b->authors.size() == 1);
        CHECK(b->authors[0].name == "Marta Kowalczyk");
        REQUIRE(b->authors[0].location);
        CHECK(*b->authors[0].location == "Kyiv");
    }
    SUBCASE("A in Boise, Idaho") {
        auto b = wirestory::parse_byline("By Marta Kowalczyk in Boise, Idaho");
        REQUIRE(b);
        REQUIRE(b->authors.size() == 1);
        REQUIRE(b->authors[0].location);
        CHECK(*b->authors[0].location == "Boise, Idaho");
    }
    SUBCASE("A in X and B in Y") {
        auto b = wirestory::parse_byline("By Ann Lee in Port Ellis and Bo Park in Lviv, Reuters");
        REQUIRE(b);
        REQUIRE(b->authors.size() == 2);
        CHECK(*b->authors[0].location == "Port Ellis");
        CHECK(b->authors[1].name == "Bo Park");
        CHECK(*b->authors[1].location == "Lviv");
    }
    SUBCASE("no location") {
        auto b = wirestory::parse_byline("By Ann Lee");
        REQUIRE(b);
        CHECK_FALSE(b->authors[0].location.has_value());
    }
}

TEST_CASE("byline: name shapes") {
    SUBCASE("particles") {
        CHECK(lead_names("By Pieter van der Berg and Lucia de la Fuente") ==
              names{"Pieter van der Berg", "Lucia de la Fuente"});
        CHECK(lead_names("By Omar bin Rashid and Samir al-Haddad") ==
              names{"Omar bin Rashid", "Samir al-Haddad"});
    }
    SUBCASE("apostrophes, straight and curly") {
        CHECK(lead_names("By Sean O'Farrell and Niamh O\xE2\x80\x99" "Donnell") ==
              names{"Sean O'Farrell", "Niamh O\xE2\x80\x99" "Donnell"});
        CHECK(lead_names("BY TED d'ALESSIO, REUTERS") == names{"TED d'ALESSIO"});
    }
    SUBCASE("hyphens") {
        CHECK(lead_names("By Jean-Luc Moreau-Vidal") == names{"Jean-Luc Moreau-Vidal"});
        CHECK(lead_names("By KIM SEO-YEON") == names{"KIM SEO-YEON"});
    }
    SUBCASE("initials") {
        CHECK(lead_names("By J.R. Tolliver and Christina A Marsh") ==
              names{"J.R. Tolliver", "Christina A Marsh"});
        CHECK(lead_names("By Ann B. Lee.") == names{"Ann B. Lee"});
    }
    SUBCASE("suffixes") {
        CHECK(lead_names("By Harold Finch Jr. and Tobias Grant III") ==
              names{"Harold Finch Jr.", "Tobias Grant III"});
        CHECK(lead_names("By Harold Finch, Jr.") == names{"Harold Finch, Jr."});
    }
    SUBCASE("diacritics (UTF-8)") {
        CHECK(lead_names("By Zo\xC3\xAB \xC3\x85ngstr\xC3\xB6m and \xC5\x81ukasz \xC5\xBB" "ak") ==
              names{"Zo\xC3\xAB \xC3\x85ngstr\xC3\xB6m", "\xC5\x81ukasz \xC5\xBB" "ak"});
    }
    SUBCASE("ALL CAPS kept as written") {
        CHECK(lead_names("By LISA MORROW, DANA OKAFOR and ERIC TULL") ==
              names{"LISA MORROW", "DANA OKAFOR", "ERIC TULL"});
    }
    SUBCASE("a trailing period is not part of the name") {
        auto b = wirestory::parse_byline("By Marta Kowalczyk.");
        REQUIRE(b);
        CHECK(b->authors[0].name == "Marta Kowalczyk");
        CHECK(b->text == "By Marta Kowalczyk");
    }
    SUBCASE("a month as a surname") { CHECK(lead_names("By Yeoh May, Reuters") == names{"Yeoh May"}); }
}

TEST_CASE("byline: a dateline on the same line ends the byline") {
    SUBCASE("mixed-case names, then capitals with (Agency)") {
        std::string_view line = "By Ann Lee and Bo Park PORT ELLIS (Reuters) -The port reopened.";
        byline_view out;
        std::size_t n = wirestory::detail::parse_byline(
            line, out, wirestory::detail::describe<wirestory::reuters_style>(), {});
        CHECK(names_of(out) == names{"Ann Lee", "Bo Park"});
        CHECK(line.substr(n, 11) == " PORT ELLIS");
        CHECK(out.text == "By Ann Lee and Bo Park");
    }
    SUBCASE("capitals names, capitals dateline") {
        CHECK(lead_names("BY ANN LEE WASHINGTON (AP) \xE2\x80\x94 The") == names{"ANN LEE"});
        CHECK(lead_names("By ANN LEE NORTH HAVEN, March 3 -") == names{"ANN LEE"});
    }
    SUBCASE("only the first line is read") {
        std::string_view text = "By Ann Lee\nPORT ELLIS (Reuters) - Bo Park said";
        byline_view out;
        std::size_t n = wirestory::detail::parse_byline(
            text, out, wirestory::detail::describe<wirestory::reuters_style>(), {});
        CHECK(n == 10);
        CHECK(names_of(out) == names{"Ann Lee"});
    }
}

TEST_CASE("byline: web page chrome after the byline") {
    SUBCASE("a date") {
        CHECK(lead_names("By Ann Lee March 3, 2020") == names{"Ann Lee"});
        CHECK(lead_names("By Ann Lee, March 3, 2020") == names{"Ann Lee"});
        CHECK(lead_names("By Ann Lee on March 3, 2020") == names{"Ann Lee"});
        CHECK(lead_names("By Ann Lee Wednesday, March 18") == names{"Ann Lee"});
        CHECK(lead_names("By Ann Lee 12 Jul 2017, 17:12 IST") == names{"Ann Lee"});
    }
    SUBCASE("a page stamp or separator") {
        CHECK(lead_names("By Ann Lee Updated 3 hours ago") == names{"Ann Lee"});
        CHECK(lead_names("By Ann Lee | Harbor Daily") == names{"Ann Lee"});
    }
    SUBCASE("an outlet in capitals after mixed-case names") {
        auto b = wirestory::parse_byline("By Ann Lee, HTV Business");
        REQUIRE(b);
        CHECK(names_of(*b) == names{"Ann Lee"});
        CHECK(b->text == "By Ann Lee, HTV Business");
    }
    SUBCASE("a label with lowercase by, whole line") {
        CHECK(whole_names("Story by Ann Lee") == names{"Ann Lee"});
        CHECK(whole_names("Co by Ann Lee and other investors").empty());
    }
}

TEST_CASE("byline: body sentences that start with By are not bylines") {
    CHECK_FALSE(wirestory::parse_byline("By most accounts, the law worked."));
    CHECK_FALSE(wirestory::parse_byline("By July 2001, the firm had moved to Ellisport."));
    CHECK_FALSE(wirestory::parse_byline("By the time rescuers arrived, the hut was gone."));
    CHECK_FALSE(wirestory::parse_byline("By contrast, exports rose."));
    CHECK_FALSE(wirestory::parse_byline("By Late March 2020, prices had fallen."));
    CHECK_FALSE(wirestory::parse_byline("By Ann Lee and the team"));
    CHECK_FALSE(wirestory::parse_byline("By Ann Lee said the"));
    CHECK_FALSE(wirestory::parse_byline("By Ann Lee in the end"));
    CHECK_FALSE(wirestory::parse_byline("by Harbor Bank Corp and its partners"));
    CHECK_FALSE(wirestory::parse_byline("by President Tomas Ellis"));
    CHECK_FALSE(wirestory::parse_byline("By Ann Lee's account"));
    CHECK_FALSE(wirestory::parse_byline("By Marta"));
    CHECK_FALSE(wirestory::parse_byline("By"));
    CHECK_FALSE(wirestory::parse_byline(""));
    CHECK_FALSE(wirestory::parse_byline("   \n  "));
}

TEST_CASE("byline: a byline with no person is none") {
    CHECK_FALSE(wirestory::parse_byline("by Reuters News 12 Jul 2017, 17:12 IST"));
    CHECK_FALSE(wirestory::parse_byline("By Reuters Staff"));
    CHECK_FALSE(wirestory::parse_byline("By The Associated Press"));
}

TEST_CASE("byline: leading mode needs By first") {
    CHECK_FALSE(wirestory::parse_byline("HARBOR CRANES IDLE FOR A WEEK"));
    CHECK_FALSE(wirestory::parse_byline("    PORT ELLIS, March 3 - Cranes stood idle"));
    CHECK_FALSE(wirestory::parse_byline("Article By Marta Kowalczyk"));
    CHECK_FALSE(wirestory::parse_byline("Ann Lee and Bo Park"));
}

TEST_CASE("byline: other agencies' ways of naming themselves") {
    SUBCASE("an agency and a title in lower case before the name (Xinhua)") {
        CHECK(lead_names("by Xinhua writer Zhang Lin") == names{"Zhang Lin"});
        CHECK(lead_names("By Xinhua correspondent Zhang Lin and Wu Fei") ==
              names{"Zhang Lin", "Wu Fei"});
    }
    SUBCASE("with the agency after the name (AFP)") {
        std::string_view line = "By Marta Kowalczyk with AFP";
        auto b = wirestory::parse_byline(line);
        REQUIRE(b);
        CHECK(names_of(*b) == names{"Marta Kowalczyk"});
        CHECK(b->text == line);
        CHECK(lead_names("By Marta Kowalczyk with Tomasz Wren").empty());  // "with" a person
    }
    SUBCASE("a bar before the agency") {
        auto b = wirestory::parse_byline("By Marta Kowalczyk | Bloomberg");
        REQUIRE(b);
        CHECK(b->text == "By Marta Kowalczyk | Bloomberg");
        CHECK(whole_names("Marta Kowalczyk | AFP") == names{"Marta Kowalczyk"});
        CHECK(whole_names("Marta Kowalczyk and Tomasz Wren | Bloomberg") ==
              names{"Marta Kowalczyk", "Tomasz Wren"});
        CHECK(whole_names("Marta Kowalczyk | Harbor Bank").empty());
        CHECK(whole_names("Talks | Reuters").empty());
    }
    SUBCASE("capitals without By when an agency follows (AP)") {
        CHECK(whole_names("MARTA KOWALCZYK, Associated Press") == names{"MARTA KOWALCZYK"});
        CHECK(whole_names("MARTA KOWALCZYK, AP Business Writer") == names{"MARTA KOWALCZYK"});
        CHECK(whole_names("MARTA KOWALCZYK and TOMASZ WREN, Associated Press") ==
              names{"MARTA KOWALCZYK", "TOMASZ WREN"});
        CHECK(whole_names("MARTA KOWALCZYK").empty());
        CHECK(whole_names("HARBOR CRANES, STORM SURGE").empty());
        CHECK(whole_names("MARTA KOWALCZYK and TOMASZ WREN").empty());  // a headline
    }
}

TEST_CASE("byline: whole_line mode") {
    SUBCASE("a label before By") {
        CHECK(whole_names("Article By Marta Kowalczyk, Reuters") == names{"Marta Kowalczyk"});
        CHECK(whole_names("Analysis & Commentary: By Marta Kowalczyk") == names{"Marta Kowalczyk"});
    }
    SUBCASE("headline words before By, consumed count covers the byline") {
        std::string_view line =
            "Harbor cranes idle for a week By ANN LEE and BO PARK, Associated Press Writers";
        std::size_t used = 0;
        CHECK(whole_names(line, &used) == names{"ANN LEE", "BO PARK"});
        CHECK(used == line.size());
    }
    SUBCASE("names only") {
        CHECK(whole_names("Ann Lee and Bo Park") == names{"Ann Lee", "Bo Park"});
        CHECK(whole_names("Ann Lee, Bo Park and Cy Dunn") == names{"Ann Lee", "Bo Park", "Cy Dunn"});
        CHECK(whole_names("Ann Lee, Harbor News") == names{"Ann Lee"});
    }
    SUBCASE("plain By lines work too") { CHECK(whole_names("By Ann Lee") == names{"Ann Lee"}); }
    SUBCASE("not bylines") {
        CHECK(whole_names("Ann Lee").empty());                 // one name alone: a label?
        CHECK(whole_names("Oil Prices Rise").empty());
        CHECK(whole_names("OIL PRICES AND GOLD RISE").empty());  // capitals: a headline
        CHECK(whole_names("WHEAT BY CLASS BREAKDOWN").empty());
        CHECK(whole_names("Plant Hit By Storm Surge").empty());
        CHECK(whole_names("The deal was approved by Ann Lee and Bo Park.").empty());
        CHECK(whole_names("Reporting By Ann Lee and Bo Park; Editing by Cy Dunn").empty());
        CHECK(whole_names("Ann Lee in Kyiv").empty());
        CHECK(whole_names("ann lee and bo park").empty());
        CHECK(whole_names("Finance Minister Ann Lee and Bo Park").empty());
        CHECK(whole_names("Harbor Intelligence Agency").empty());
    }
}

TEST_CASE("byline: detail function contract") {
    const auto style = wirestory::detail::describe<wirestory::reuters_style>();
    SUBCASE("vectors are cleared, capacity kept") {
        byline_view out;
        REQUIRE(wirestory::detail::parse_byline("By Ann Lee and Bo Park", out, style, {}) > 0);
        std::size_t cap = out.authors.capacity();
        CHECK(wirestory::detail::parse_byline("By most accounts, it worked", out, style, {}) == 0);
        CHECK(out.authors.empty());
        CHECK(out.text.empty());
        CHECK(out.authors.capacity() == cap);
    }
    SUBCASE("the count includes leading white space and a final period") {
        byline_view out;
        CHECK(wirestory::detail::parse_byline("  By Ann Lee.", out, style, {}) == 13);
    }
    SUBCASE("a very long line is cut, never overrun") {
        // A names list past the scanner's limit is still a byline: the whole line, its
        // first authors kept (the rest reported as truncated).
        std::string line = "By Ann Lee";
        for (int i = 0; i < 300; ++i) line += " and Bo Park";
        byline_view out;
        CHECK(wirestory::detail::parse_byline(line, out, style, {}) == line.size());
        CHECK(out.text.size() == line.size());
        CHECK_FALSE(out.authors.empty());
        std::string junk(5000, 'A');
        CHECK(wirestory::detail::parse_byline("By " + junk, out, style, {}) == 0);
    }
    SUBCASE("bytes that are not UTF-8 are not name letters") {
        byline_view out;
        CHECK(wirestory::detail::parse_byline("By Ann \xFF\xFE", out, style, {}) == 0);
        CHECK(wirestory::detail::parse_byline("By Ann L\xC3", out, style, {}) == 0);
    }
    SUBCASE("to_owned copies the byline") {
        auto b = wirestory::parse_byline("By Ann Lee in Kyiv");
        REQUIRE(b);
        wirestory::byline owned = wirestory::to_owned(*b);
        CHECK(owned.text == std::string("By Ann Lee in Kyiv"));
        CHECK(owned.authors.at(0).location == std::string("Kyiv"));
    }
}

namespace {

/// A style whose affiliations hold digits and brackets: a names-only line may end in them,
/// so the byte refusal of bare lines must ask the style.
struct channel_style : wirestory::base_style {
    static constexpr std::string_view name = "channel";
    static constexpr std::string_view affiliations[] = {"Harbor 24", "Coast (FM)", "Reuters"};
};

std::vector<std::string_view> whole_names_in(std::string_view line,
                                             const wirestory::detail::style_desc& style) {
    byline_view out;
    std::size_t n = wirestory::detail::parse_byline(line, out, style, wirestory::detail::sink{},
                                                    byline_mode::whole_line);
    CHECK(all_inside(line, out));
    if (n == 0) CHECK(out.authors.empty());
    return names_of(out);
}

} // namespace

TEST_CASE("byline: cheap refusals give the same answers as the full parse") {
    using wirestory::detail::byline_starts_with_by;
    SUBCASE("the first word is By, from its bytes") {
        CHECK(byline_starts_with_by("By Ann Lee"));
        CHECK(byline_starts_with_by("BY ANN LEE"));
        CHECK(byline_starts_with_by("by ann lee"));
        CHECK(byline_starts_with_by("bY Ann"));
        CHECK(byline_starts_with_by("By: Ann Lee"));
        CHECK(byline_starts_with_by("By.: Ann"));
        CHECK(byline_starts_with_by("By,Ann Lee"));
        CHECK(byline_starts_with_by("By;"));
        CHECK(byline_starts_with_by("By"));
        CHECK(byline_starts_with_by("By\xC2\xA0" "Ann Lee"));  // NBSP after By
        CHECK(byline_starts_with_by("By\nAnn"));
        CHECK_FALSE(byline_starts_with_by("Bye Ann"));
        CHECK_FALSE(byline_starts_with_by("Byline: Ann Lee"));
        CHECK_FALSE(byline_starts_with_by("By-Ann"));
        CHECK_FALSE(byline_starts_with_by("B y Ann"));
        CHECK_FALSE(byline_starts_with_by("PORT ELLIS, March 3 -"));
        CHECK_FALSE(byline_starts_with_by("B"));
        CHECK_FALSE(byline_starts_with_by(""));
    }
    SUBCASE("leading mode refuses a paragraph on its first word") {
        CHECK(lead_names("Bye Ann Lee and Bo Park").empty());
        CHECK(lead_names("Byline Ann Lee").empty());
        CHECK(lead_names("By. Ann Lee") == names{"Ann Lee"});
        CHECK(lead_names("  \n By Ann Lee") == names{"Ann Lee"});
    }
    SUBCASE("a names-only line has no digit, bracket or ';'") {
        const auto generic = wirestory::detail::describe<wirestory::default_style>();
        CHECK(wirestory::detail::byline_bare_possible("Ann Lee and Bo Park", generic));
        CHECK_FALSE(wirestory::detail::byline_bare_possible("PORT ELLIS, March 3 -", generic));
        CHECK_FALSE(
            wirestory::detail::byline_bare_possible("PORT ELLIS (Reuters) - Cranes", generic));
        CHECK_FALSE(wirestory::detail::byline_bare_possible("Ann Lee; Bo Park", generic));
        // Only the first line counts.
        CHECK(wirestory::detail::byline_bare_possible("Ann Lee and Bo Park\n12 (x)", generic));
        CHECK(whole_names("Ann Lee and Bo Park 2").empty());
        CHECK(whole_names("Ann Lee and Bo Park (AP)").empty());
    }
    SUBCASE("unless the style's affiliations hold such bytes") {
        const auto channel = wirestory::detail::describe<channel_style>();
        CHECK(wirestory::detail::byline_bare_possible("Ann Lee, Harbor 24", channel));
        CHECK(whole_names_in("Ann Lee, Harbor 24", channel) == names{"Ann Lee"});
        CHECK(whole_names_in("Ann Lee and Bo Park, Coast (FM)", channel) ==
              names{"Ann Lee", "Bo Park"});
        CHECK(whole_names_in("Ann Lee, Harbor 25", channel).empty());
        CHECK(whole_names("Ann Lee, Harbor 24").empty());  // the generic style knows no such agency
    }
}

TEST_CASE("byline: word tables") {
    using namespace wirestory::detail;
    SUBCASE("a word set finds its words, in any case when asked") {
        CHECK(byline_is_company_word("Bank"));
        CHECK(byline_is_company_word("BANK"));
        CHECK(byline_is_company_word("bank"));
        CHECK_FALSE(byline_is_company_word("Banks"));
        CHECK_FALSE(byline_is_company_word("Ban"));
        CHECK(byline_is_particle("van"));
        CHECK_FALSE(byline_is_particle("Van"));  // particles are exact
        CHECK(byline_is_function_word("The"));
        CHECK(byline_is_function_word("said"));
        CHECK(byline_is_function_word("will"));
        CHECK_FALSE(byline_is_function_word("Will"));  // "Will" is a name too
        CHECK_FALSE(byline_is_function_word(""));
        CHECK_FALSE(byline_is_function_word("\xC3\x89lodie"));
        CHECK_FALSE(byline_is_weekday("Wednesdays"));
        CHECK(byline_is_weekday("WED"));
    }
    SUBCASE("byline_is_month agrees with month_number") {
        for (std::string_view w : {"Jan", "jan.", "JANUARY", "Sept", "sept.", "Sep", "May", "may",
                                   "Ma", "Mar", "Marc", "March.", "Dec", "Decemberr", "", ".",
                                   "Mayor", "Juni", "Oct.", "Nov", "A", "Augusts"})
            CHECK(byline_is_month(w) == (month_number(w) > 0));
    }
    SUBCASE("possessives") {
        CHECK(byline_is_possessive("Ellis's"));
        CHECK(byline_is_possessive("ELLIS'S"));
        CHECK(byline_is_possessive("Ellis\xE2\x80\x99s"));
        CHECK_FALSE(byline_is_possessive("Ellis\xE2\x80\x99S"));
        CHECK_FALSE(byline_is_possessive("Ellis"));
        CHECK_FALSE(byline_is_possessive("s"));
        CHECK_FALSE(byline_is_possessive("'"));
    }
}

TEST_CASE("byline: the scanner reads tokens only as far as it needs") {
    using wirestory::detail::byline_scanner;
    const auto style = wirestory::detail::describe<wirestory::default_style>();
    SUBCASE("tokens, cores and the line end") {
        std::string_view text = "By: Ann Lee,Reuters.  \r\nPORT ELLIS";
        byline_scanner scan(text, style);
        REQUIRE(scan.has(0));
        CHECK(scan.raw(0) == "By:");
        CHECK(scan.core(0) == "By");
        CHECK(scan.is_by(0));
        CHECK(scan.raw(3) == ",");
        CHECK(scan.core(4) == "Reuters");
        CHECK_FALSE(scan.has(5));  // the line ends at CR
        CHECK(scan.raw(5).empty());
        CHECK(scan.cut_at() == nullptr);
        CHECK(scan.line_end() == text.data() + 20);
    }
    SUBCASE("a long line is cut at the token limit") {
        std::string line;
        for (std::size_t i = 0; i < wirestory::detail::byline_max_tokens + 5; ++i) line += "Ann ";
        byline_scanner scan(line, style);
        CHECK(scan.has(wirestory::detail::byline_max_tokens - 1));
        CHECK_FALSE(scan.has(wirestory::detail::byline_max_tokens));
        REQUIRE(scan.cut_at() != nullptr);
        CHECK(scan.cut_at() == line.data() + 4 * wirestory::detail::byline_max_tokens);
        CHECK(scan.line_end() == line.data() + line.size() - 1);
    }
    SUBCASE("kinds are the same whenever asked") {
        byline_scanner scan("By Ann van Lee Jr. and J.R. Park in Kyiv", style);
        using k = wirestory::detail::byline_kind;
        CHECK(scan.kind(0) == k::by);
        CHECK(scan.kind(1) == k::cap);
        CHECK(scan.kind(2) == k::particle);
        CHECK(scan.kind(4) == k::suffix);
        CHECK(scan.kind(5) == k::conj);
        CHECK(scan.kind(6) == k::initial);
        CHECK(scan.kind(8) == k::in);
        CHECK(scan.kind(1) == k::cap);
        CHECK(scan.kind(40) == k::other);
    }
}

TEST_CASE("byline: a byline of many authors keeps the first ones and says so") {
    std::string line = "By Ann Lee";
    for (int i = 0; i < 2000; ++i) line += " and Bo Park";
    std::vector<wirestory::diagnostic> diags;
    byline_view out;
    std::size_t n = wirestory::detail::parse_byline(
        line, out, wirestory::detail::describe<wirestory::default_style>(),
        wirestory::detail::sink{&diags, line.data()}, byline_mode::whole_line);
    CHECK(n == line.size());
    CHECK(out.authors.size() == 32);
    CHECK(out.text.size() == line.size());
    REQUIRE(diags.size() == 1);
    CHECK(diags[0].code == wirestory::errc::truncated);
    CHECK(all_inside(line, out));
}

TEST_CASE("byline: the byte check for a 'by' token never misses one the scanner reads") {
    // byline_by_token_possible lets whole_line mode skip its search for "By" after a prefix;
    // it may say "maybe" too often, never "no" where a token of the line is "by". Every byte
    // value before, inside and after a "by", and every pair of neighbouring bytes.
    using wirestory::detail::byline_by_token_possible;
    using wirestory::detail::byline_scanner;
    const auto style = wirestory::detail::describe<wirestory::default_style>();
    const auto scanner_sees_by = [&](std::string_view line) {
        byline_scanner scan(line, style);
        for (std::size_t i = 0; scan.has(i); ++i)
            if (scan.is_by(i)) return true;
        return false;
    };
    int misses = 0;
    const std::string_view shapes[] = {"Story By Ann", "x by.", "BY: A", ",by;", "a\xC2\xA0" "bY b"};
    for (std::string_view shape : shapes)
        for (std::size_t at = 0; at <= shape.size(); ++at)
            for (int value = 0; value < 256; ++value) {
                std::string line(shape);
                line.insert(line.begin() + static_cast<std::ptrdiff_t>(at), static_cast<char>(value));
                if (scanner_sees_by(line) && !byline_by_token_possible(line)) ++misses;
                if (at < shape.size()) {
                    line = std::string(shape);
                    line[at] = static_cast<char>(value);
                    if (scanner_sees_by(line) && !byline_by_token_possible(line)) ++misses;
                }
            }
    for (int a = 0; a < 256; ++a)
        for (int b = 0; b < 256; ++b) {
            const std::string line = {'A', static_cast<char>(a), 'b', 'y', static_cast<char>(b), 'C'};
            if (scanner_sees_by(line) && !byline_by_token_possible(line)) ++misses;
        }
    CHECK(misses == 0);
    // It does refuse what it is for: datelines and captions on a line of their own.
    CHECK_FALSE(byline_by_token_possible("SANTA CRUZ, Calif., Feb 26 -"));
    CHECK_FALSE(byline_by_token_possible("Ferries wait at Bywater (A. Photographer/Harbor)"));
    CHECK_FALSE(byline_by_token_possible("NEW YORK, Feb 26 -\nBy Ann Lee"));  // the next line
    CHECK(byline_by_token_possible("Analysis by Ann Lee"));
    // It looks no further than its reach: a long line is a "maybe", and costs no pass over
    // all its bytes (a 64 MB paragraph on one line used to be read byte by byte here).
    CHECK(byline_by_token_possible(std::string(300, 'x')));
    CHECK_FALSE(byline_by_token_possible(std::string(200, 'x')));
}
