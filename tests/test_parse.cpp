#include <wirestory/parse.hpp>
#include <doctest/doctest.h>

#include <string>

#include "test_helpers.hpp"

using wirestory_test::names;
using wirestory_test::sv;
using wirestory_test::views_outside;

namespace {

// Modern web copy, as pasted from a news site: caption, byline, dateline glued to the lead,
// junk lines, a subhead, a newsletter promo, the credits.
constexpr std::string_view web_story =
    "A cargo ship passes under the Harbor Bridge in Port Ellis, Westmark, October 3, 2026. "
    "REUTERS/Lena Okafor/File Photo\n"
    "\n"
    "By Marta Kowalczyk and Tomasz Brenner\n"
    "\n"
    "PORT ELLIS/NORDHAVEN (Reuters) -Engineers will close the Harbor Bridge for three weeks, "
    "the city's transport authority said on Tuesday.\n"
    "\n"
    "The bridge carries about 60,000 vehicles a day.\n"
    "\n"
    "Advertisement \xC2\xB7 Scroll to continue\n"
    "\n"
    "CABLES FOUND CORRODED\n"
    "\n"
    "Inspectors found rust inside two cable bundles in September.\n"
    "\n"
    "Get the week's transport news with the Commuter Brief newsletter. Sign up here.\n"
    "\n"
    "(Reporting by Marta Kowalczyk in Port Ellis and Tomasz Brenner in Nordhaven; "
    "Editing by Rafael Duarte)\n";

// The classic 1987 wire layout: headline line, indented byline and paragraphs, hard wraps,
// "Reuter" sign-off.
constexpr std::string_view wire_story =
    "GRANVILLE MILLS <GRV> TO CLOSE TWO PLANTS\n"
    "    By Dora Whitcombe, Reuters\n"
    "    LAKE TARRANT, Minn., March 4 - Granville Mills Inc said it\n"
    "will close two flour plants in the state by June, cutting\n"
    "about 300 jobs.\n"
    "    The company said demand for its bakery flour fell 12 pct\n"
    "last year.\n"
    " Reuter\n";

} // namespace

TEST_CASE("parse: modern web copy") {
    auto a = wirestory::parse(web_story);
    CHECK(views_outside(web_story, a) == 0);
    CHECK_FALSE(a.headline);
    REQUIRE(a.caption);
    CHECK(a.caption->credit == std::string_view("REUTERS/Lena Okafor/File Photo"));
    CHECK(names(a.byline.authors) == sv{"Marta Kowalczyk", "Tomasz Brenner"});
    REQUIRE(a.dateline);
    CHECK(a.dateline->locations == sv{"PORT ELLIS", "NORDHAVEN"});
    CHECK(a.dateline->agency == std::string_view("Reuters"));
    REQUIRE(a.paragraphs.size() == 3);
    CHECK(a.paragraphs[0].substr(0, 27) == "Engineers will close the Ha");
    CHECK(a.paragraphs[1] == "The bridge carries about 60,000 vehicles a day.");
    CHECK(a.paragraphs[2] == "Inspectors found rust inside two cable bundles in September.");
    CHECK(a.subheads == sv{"CABLES FOUND CORRODED"});
    REQUIRE(a.credits.size() == 2);
    CHECK(a.credits[0].role == wirestory::credit_role::reporting);
    CHECK(names(a.credits[0].people) == sv{"Marta Kowalczyk", "Tomasz Brenner"});
    CHECK(a.credits[1].role == wirestory::credit_role::editing);
    CHECK_FALSE(a.signoff);

    SUBCASE("each dropped junk line has a diagnostic at its offset") {
        std::size_t junk = 0;
        for (const auto& d : a.diagnostics) {
            if (d.code != wirestory::errc::dropped_junk) continue;
            ++junk;
            CHECK(d.offset < web_story.size());
        }
        CHECK(junk == 2);  // the advert line and the newsletter promo
        CHECK(web_story.substr(a.diagnostics.front().offset, 13) == "Advertisement");
    }
}

TEST_CASE("parse: classic wire layout") {
    auto a = wirestory::parse(wire_story);
    CHECK(views_outside(wire_story, a) == 0);
    CHECK(a.headline == std::string_view("GRANVILLE MILLS <GRV> TO CLOSE TWO PLANTS"));
    CHECK(names(a.byline.authors) == sv{"Dora Whitcombe"});
    REQUIRE(a.dateline);
    CHECK(a.dateline->locations == sv{"LAKE TARRANT, Minn."});
    CHECK(a.dateline->date == std::string_view("March 4"));
    CHECK(a.dateline->month == 3);
    CHECK(a.dateline->day == 4);
    CHECK_FALSE(a.dateline->agency);
    REQUIRE(a.paragraphs.size() == 2);
    CHECK(wirestory::collapse_whitespace(a.paragraphs[0]) ==
          "Granville Mills Inc said it will close two flour plants in the state by June, cutting about 300 jobs.");
    CHECK(a.signoff == std::string_view("Reuter"));
    CHECK(a.diagnostics.empty());

    SUBCASE("sign-off variants") {
        for (std::string_view end : {" REUTER\n", " reuter\n", "REUTER...\n", " REUTER^M\n"}) {
            std::string s = "RATES STEADY\n    OSLO, Feb 2 - Rates held.\n" + std::string(end);
            auto b = wirestory::parse(s);
            CAPTURE(end);
            CHECK(b.signoff);
            CHECK(b.paragraphs.size() == 1);
        }
    }
    SUBCASE("sign-off at the end of the last line") {
        std::string_view s = "RATES STEADY\n    OSLO, Feb 2 - Rates held, the bank said. REUTER\n";
        auto b = wirestory::parse(s);
        CHECK(b.signoff == std::string_view("REUTER"));
        CHECK(b.paragraphs == sv{"Rates held, the bank said."});
    }
    SUBCASE("ETX ends the story") {
        std::string s = std::string(wire_story) + "\x03";
        auto b = wirestory::parse(s);
        CHECK(b.signoff == std::string_view("Reuter"));
        CHECK(b.diagnostics.empty());
    }
    SUBCASE("a table of indented lines is one paragraph per line") {
        std::string_view s = "ORBEN CORP <ORB> RAISES DIVIDEND\n    TULSA, Okla., Feb 26 -\n"
                             "    Qtly div nine cts vs eight cts prior\n    Pay March 31\n Reuter\n";
        auto b = wirestory::parse(s);
        REQUIRE(b.dateline);
        CHECK(b.dateline->locations == sv{"TULSA, Okla."});
        CHECK(b.paragraphs == sv{"Qtly div nine cts vs eight cts prior", "Pay March 31"});
    }
}

TEST_CASE("parse: line ends and byte order mark") {
    std::string lf = "By Ines Moreau\n\nVALDORA (Reuters) - Ferries resumed.\n\nPorts reopened.\n";
    auto expect = [](const wirestory::article_view& a) {
        CHECK(names(a.byline.authors) == sv{"Ines Moreau"});
        REQUIRE(a.dateline);
        CHECK(a.dateline->locations == sv{"VALDORA"});
        CHECK(a.paragraphs == sv{"Ferries resumed.", "Ports reopened."});
    };
    SUBCASE("LF") { expect(wirestory::parse(lf)); }
    SUBCASE("CRLF") {
        std::string s;
        for (char c : lf) s += c == '\n' ? std::string("\r\n") : std::string(1, c);
        expect(wirestory::parse(s));
    }
    SUBCASE("CR") {
        std::string s = lf;
        for (char& c : s) c = c == '\n' ? '\r' : c;
        expect(wirestory::parse(s));
    }
    SUBCASE("BOM") {
        std::string s = "\xEF\xBB\xBF" + lf;
        auto a = wirestory::parse(s);
        expect(a);
        CHECK(views_outside(s, a) == 0);
    }
}

TEST_CASE("parse: front matter of web copies") {
    SUBCASE("agency and reading-time lines are dropped") {
        std::string_view s = "Reuters Staff\n\n2 Min Read\n\nVALDORA (Reuters) - Ferries resumed.\n";
        auto a = wirestory::parse(s);
        CHECK_FALSE(a.headline);
        REQUIRE(a.dateline);
        CHECK(a.paragraphs == sv{"Ferries resumed."});
        CHECK(a.diagnostics.size() == 2);
    }
    SUBCASE("a time stamp line glued to the caption") {
        std::string_view s = "Reuters\n\n3 Feb 2026 at 09:41 ET\nA ferry docks at dawn. REUTERS/Piet Jansen\n\n"
                             "Ferry crews returned to work on Monday.\n";
        auto a = wirestory::parse(s);
        CHECK_FALSE(a.headline);
        REQUIRE(a.caption);
        CHECK(a.paragraphs == sv{"Ferry crews returned to work on Monday."});
    }
    SUBCASE("a headline above the caption") {
        std::string_view s = "Valdora ferries resume after storm\n\nA ferry docks at dawn in Valdora. "
                             "REUTERS/Piet Jansen\n\nVALDORA: Ferries resumed on Monday.\n";
        auto a = wirestory::parse(s);
        CHECK(a.headline == std::string_view("Valdora ferries resume after storm"));
        REQUIRE(a.caption);
        CHECK(a.paragraphs.size() == 1);
    }
    SUBCASE("a story with no dateline starts with its first paragraph") {
        std::string_view s = "Ferry crews returned to work on Monday.\n\nPorts reopened.\n";
        auto a = wirestory::parse(s);
        CHECK_FALSE(a.dateline);
        CHECK_FALSE(a.headline);
        CHECK(a.paragraphs == sv{"Ferry crews returned to work on Monday.", "Ports reopened."});
    }
    SUBCASE("a single line is a paragraph, not a headline") {
        auto a = wirestory::parse("Shares in the companies below moved sharply");
        CHECK_FALSE(a.headline);
        CHECK(a.paragraphs.size() == 1);
    }
    SUBCASE("byline and dateline on one line") {
        std::string_view s = "By Ines Moreau and Karl Benedek VALDORA (Reuters) -Ferries resumed on Monday.";
        auto a = wirestory::parse(s);
        CHECK(names(a.byline.authors) == sv{"Ines Moreau", "Karl Benedek"});
        REQUIRE(a.dateline);
        CHECK(a.paragraphs == sv{"Ferries resumed on Monday."});
    }
}

TEST_CASE("parse: body furniture") {
    SUBCASE("correction notes go to their own field") {
        std::string_view s = "(This story has been refiled to fix a typo in paragraph 2)\n\n"
                             "VALDORA (Reuters) - Ferries resumed.\n";
        auto a = wirestory::parse(s);
        CHECK(a.corrections == sv{"(This story has been refiled to fix a typo in paragraph 2)"});
        CHECK(a.paragraphs == sv{"Ferries resumed."});
        REQUIRE(a.diagnostics.size() == 1);
        CHECK(a.diagnostics[0].code == wirestory::errc::correction_note);
        CHECK(a.diagnostics[0].offset == 0);
    }
    SUBCASE("an unclosed note stays a paragraph") {
        auto a = wirestory::parse("(This story fixes the second paragraph, removing a");
        CHECK(a.corrections.empty());
        CHECK(a.paragraphs.size() == 1);
    }
    SUBCASE("subheads with question marks") {
        std::string_view s = "VALDORA (Reuters) - Ferries resumed.\n\nWHAT HAPPENS NEXT?\n\nTalks go on.\n";
        auto a = wirestory::parse(s);
        CHECK(a.subheads == sv{"WHAT HAPPENS NEXT?"});
        CHECK(a.paragraphs == sv{"Ferries resumed.", "Talks go on."});
    }
    SUBCASE("a short capitalised sentence is not a subhead") {
        std::string_view s = "VALDORA (Reuters) - Ferries resumed.\n\nNATO said nothing.\n";
        auto a = wirestory::parse(s);
        CHECK(a.subheads.empty());
        CHECK(a.paragraphs.size() == 2);
    }
    SUBCASE("credits at the end of the last paragraph") {
        std::string_view s = "VALDORA (Reuters) - Ferries resumed. (Reporting by Ines Moreau; editing by Karl Benedek)";
        auto a = wirestory::parse(s);
        CHECK(a.paragraphs == sv{"Ferries resumed."});
        REQUIRE(a.credits.size() == 2);
        CHECK(a.credits[1].label == "editing");
    }
    SUBCASE("boilerplate glued after the credits is dropped with a diagnostic") {
        std::string_view s = "VALDORA (Reuters) - Ferries resumed.\n\nReporting by Ines Moreau; "
                             "Editing by Karl BenedekOur Standards: The Thomson Reuters Trust Principles.";
        auto a = wirestory::parse(s);
        REQUIRE(a.credits.size() == 2);
        CHECK(names(a.credits[1].people) == sv{"Karl Benedek"});
        bool dropped = false;
        for (const auto& d : a.diagnostics) dropped |= d.code == wirestory::errc::dropped_boilerplate;
        CHECK(dropped);
    }
}

TEST_CASE("parse: bad input never crashes and is reported") {
    SUBCASE("empty") {
        auto a = wirestory::parse("");
        CHECK(a.paragraphs.empty());
        REQUIRE(a.diagnostics.size() == 1);
        CHECK(a.diagnostics[0].code == wirestory::errc::empty_input);
    }
    SUBCASE("white space only") {
        auto a = wirestory::parse(" \n\t\r\n  ");
        CHECK(a.paragraphs.empty());
        CHECK(a.diagnostics.size() == 1);
    }
    SUBCASE("a lone By") {
        auto a = wirestory::parse("By");
        CHECK(a.byline.empty());
        CHECK(a.paragraphs == sv{"By"});
    }
    SUBCASE("a lone dateline tag with no lead is kept as a paragraph") {
        auto a = wirestory::parse("(Reuters) -");
        CHECK_FALSE(a.dateline);
        CHECK(a.paragraphs == sv{"(Reuters) -"});
    }
    SUBCASE("NUL bytes and invalid UTF-8 are reported with offsets") {
        std::string s = "VALDORA (Reuters) - Fer";
        s += '\0';
        s += "ries \xC3 resumed.";
        auto a = wirestory::parse(s);
        CHECK(views_outside(s, a) == 0);
        bool control = false, utf8 = false;
        for (const auto& d : a.diagnostics) {
            if (d.code == wirestory::errc::control_character) control = d.offset == 23;
            if (d.code == wirestory::errc::invalid_utf8) utf8 = d.offset == 29;
        }
        CHECK(control);
        CHECK(utf8);
    }
    SUBCASE("text after ETX is reported") {
        std::string s = "OSLO, Feb 2 - Rates held.\x03junk";
        auto a = wirestory::parse(s);
        REQUIRE_FALSE(a.diagnostics.empty());
        CHECK(a.diagnostics[0].offset == s.find('\x03') + 1);
    }
}

TEST_CASE("parser: reuse keeps results independent") {
    wirestory::parser p;
    std::string first = std::string(web_story);
    std::string second = std::string(wire_story);
    const auto& a = p.parse(first);
    CHECK(a.subheads.size() == 1);
    const auto& b = p.parse(second);
    CHECK(b.subheads.empty());
    CHECK(b.headline);
    CHECK_FALSE(b.caption);
    CHECK(views_outside(second, b) == 0);
    CHECK(wirestory::to_owned(p.parse(first)).byline.authors.size() == 2);
}
