#include <wirestory/style.hpp>
#include <doctest/doctest.h>

#include <wirestory/json.hpp>
#include <wirestory/parse.hpp>

#include <string>

#include "test_helpers.hpp"

using wirestory_test::names;
using wirestory_test::sv;

namespace {
// A house style defined outside the library, as a newsroom would write it.
struct harbor_style : wirestory::base_style {
    static constexpr std::string_view name = "harbor";
    static constexpr std::string_view agencies[] = {"Harbor Wire"};
    static constexpr std::string_view affiliations[] = {"Harbor Wire"};
    static constexpr std::string_view signoffs[] = {"HW"};
};
static_assert(wirestory::detail::describe<harbor_style>().agencies.count == 1);
static_assert(wirestory::detail::describe<harbor_style>().titles.count > 0);  // inherited
} // namespace

TEST_CASE("style: auto-detection names the agency") {
    struct example {
        const char* story;
        const char* style;
        const char* agency;
    };
    const example examples[] = {
        {"VALDORA (Reuters) - Ferries resumed on Monday.", "reuters", "Reuters"},
        {"NEW YORK (Reuters Breakingviews) - Ferry stocks are cheap.", "reuters", "Reuters Breakingviews"},
        {"PORT ELLIS, S.D. (AP) \xE2\x80\x94 Ferries resumed on Monday.", "ap", "AP"},
        {"Valdora (AFP) - Ferries resumed on Monday.", "afp", "AFP"},
        {"(Bloomberg) -- Ferry operators rallied on Monday.", "bloomberg", "Bloomberg"},
        {"Nov. 25 (UPI) -- Ferries resumed on Monday.", "upi", "UPI"},
        {"Berlin (dpa) - Die F\xC3\xA4hren fahren wieder.", "dpa", "dpa"},
        {"GAZA, Dec. 1 (Xinhua) -- Ferries resumed on Monday.", "xinhua", "Xinhua"},
        {"NEW DELHI, Dec 3 (PTI) Ferries resumed on Monday.", "pti", "PTI"},
    };
    for (const auto& e : examples) {
        CAPTURE(e.story);
        auto a = wirestory::parse(e.story);
        CHECK(a.style == e.style);
        REQUIRE(a.dateline);
        CHECK(a.dateline->agency == std::string_view(e.agency));
    }
    SUBCASE("from the credits when the dateline has no tag") {
        CHECK(wirestory::parse("LONDON - Talks ended.\n\nAssociated Press writer Ana Ruiz in Valdora "
                               "contributed to this report.").style == "ap");
        CHECK(wirestory::parse("Ferries resumed.\n\n--With assistance from Ana Ruiz.").style == "bloomberg");
        CHECK(wirestory::parse("Ferries resumed.\n\n(Reporting by Ana Ruiz; Editing by Bo Park)").style == "reuters");
    }
    SUBCASE("from the byline and the sign-off") {
        CHECK(wirestory::parse("By Ana Ruiz, Associated Press\n\nFerries resumed.").style == "ap");
        CHECK(wirestory::parse("FERRIES RESUME\n    OSLO, Feb 2 - Ferries resumed.\n Reuter\n").style == "reuters");
    }
    SUBCASE("nothing to tell") {
        CHECK(wirestory::parse("Ferries resumed on Monday.").style == "generic");
        CHECK(wirestory::parse("").style == "generic");
    }
    SUBCASE("JSON") {
        auto a = wirestory::parse("Valdora (AFP) - Ferries resumed.");
        CHECK(wirestory::to_json(a, {false}).find("\"style\":\"afp\"") != std::string::npos);
    }
}

TEST_CASE("style: a named style is recorded as named") {
    auto a = wirestory::parse<wirestory::reuters_style>("PORT ELLIS (AP) \xE2\x80\x94 Ferries resumed.");
    CHECK(a.style == "reuters");
    REQUIRE(a.dateline);
    CHECK(a.dateline->agency == std::string_view("AP"));  // what is written is still read
    wirestory::parser p;
    const wirestory::style_ref* ap = wirestory::find_style("ap");
    REQUIRE(ap != nullptr);
    CHECK(p.parse("Ferries resumed.", *ap).style == "ap");
    CHECK(wirestory::find_style("auto") != nullptr);
    CHECK(wirestory::find_style("generic") != nullptr);
    CHECK(wirestory::find_style("harbor") == nullptr);
}

TEST_CASE("style: a user-defined style changes what is read") {
    std::string_view story = "By Ann Lee, Harbor Wire\n\nPORT ELLIS (Harbor Wire) \xE2\x80\x93 The ferry line "
                             "reopened on Monday.\n\nReporting by Ann Lee; editing by Bo Park\n\nHW\n";
    auto h = wirestory::parse<harbor_style>(story);
    CHECK(wirestory_test::views_outside(story, h) == 0);
    CHECK(h.style == "harbor");
    CHECK(names(h.byline.authors) == sv{"Ann Lee"});
    REQUIRE(h.dateline);
    CHECK(h.dateline->agency == std::string_view("Harbor Wire"));
    CHECK(h.signoff == std::string_view("HW"));
    CHECK(h.paragraphs.size() == 1);
    REQUIRE(h.credits.size() == 2);

    auto d = wirestory::parse(story);  // the default style does not know the agency
    CHECK(names(d.byline.authors) == sv{"Ann Lee", "Harbor Wire"});
    CHECK_FALSE(d.signoff);
    CHECK(d.paragraphs.size() == 2);
}

TEST_CASE("style: dateline dates and years") {
    SUBCASE("every agency's date form gives month and day") {
        struct form {
            const char* story;
            int month, day;
        };
        const form forms[] = {{"VALDORA, Nov 19 (Reuters) - Talks ended.", 11, 19},
                              {"VALDORA, Nov. 19 (Reuters) - Talks ended.", 11, 19},
                              {"VALDORA, 19 November (AFP) - Talks ended.", 11, 19},
                              {"VALDORA, Sept. 3 (UPI) -- Talks ended.", 9, 3},
                              {"VALDORA, FEB 26 - Talks ended.", 2, 26}};
        for (const auto& f : forms) {
            CAPTURE(f.story);
            auto a = wirestory::parse(f.story);
            REQUIRE(a.dateline);
            CHECK(a.dateline->month == f.month);
            CHECK(a.dateline->day == f.day);
            CHECK(a.dateline->year == 0);
        }
    }
    SUBCASE("a reference date gives the nearest year") {
        wirestory::parse_options o;
        o.reference_date = wirestory::calendar_date{2026, 1, 2};
        auto a = wirestory::parse("VALDORA, Dec 30 (Reuters) - Talks ended.", o);
        REQUIRE(a.dateline);
        CHECK(a.dateline->year == 2025);
        CHECK(wirestory::to_json(a, {false}).find("\"iso_date\":\"2025-12-30\"") != std::string::npos);
        auto b = wirestory::parse("VALDORA, Jan 3 (Reuters) - Talks ended.", o);
        CHECK(b.dateline->year == 2026);
    }
    SUBCASE("a written year is kept") {
        auto a = wirestory::parse("The Hague, 17 January 2008 (FH) - Three judges were sworn in.");
        REQUIRE(a.dateline);
        CHECK(a.dateline->year == 2008);
    }
    SUBCASE("the caption's date gives the year, unless the photo is a file photo") {
        auto a = wirestory::parse("Crews work in Valdora, Westmark, December 31, 2025. REUTERS/Piet Jansen\n\n"
                                  "VALDORA, Jan 1 (Reuters) - Crews worked overnight.");
        REQUIRE(a.dateline);
        CHECK(a.dateline->year == 2026);
        auto b = wirestory::parse("Crews work in Valdora, Westmark, December 31, 2019. REUTERS/Piet Jansen/File Photo\n\n"
                                  "VALDORA, Jan 1 (Reuters) - Crews worked overnight.");
        REQUIRE(b.dateline);
        CHECK(b.dateline->year == 0);
    }
    SUBCASE("a reused parser forgets the last story's year") {
        wirestory::parser p;
        wirestory::parse_options o;
        o.reference_date = wirestory::calendar_date{2026, 6, 1};
        CHECK(p.parse("VALDORA, May 30 (Reuters) - Talks ended.", o).dateline->year == 2026);
        CHECK(p.parse("VALDORA, May 30 (Reuters) - Talks ended.").dateline->year == 0);
    }
}
