#include <wirestory/credits.hpp>
#include <doctest/doctest.h>

#include <algorithm>  // std::is_permutation
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace {
using wirestory::credit_role;
using wirestory::credit_view;
using wirestory::detail::contains_view;
constexpr auto npos = std::string_view::npos;

const wirestory::detail::style_desc& reuters() {
    static const auto d = wirestory::detail::describe<wirestory::default_style>();
    return d;
}

/// Every view of every credit lies inside `input`.
bool all_inside(std::string_view input, const std::vector<credit_view>& credits) {
    for (const auto& c : credits) {
        if (!contains_view(input, c.label)) return false;
        for (const auto& p : c.people)
            if (!contains_view(input, p.name) || (p.location && !contains_view(input, *p.location)))
                return false;
        for (auto d : c.desks)
            if (!contains_view(input, d)) return false;
    }
    return true;
}

std::vector<std::string_view> names(const credit_view& c) {
    std::vector<std::string_view> out;
    for (const auto& p : c.people) out.push_back(p.name);
    return out;
}

using list = std::vector<std::string_view>;
} // namespace

TEST_CASE("parse_credits: roles and separators") {
    SUBCASE("parenthesised, semicolons") {
        std::string_view in = "(Reporting by Marta Kowalczyk and Idris Okafor; Editing by Lena Holt)";
        auto c = wirestory::parse_credits(in);
        REQUIRE(c.size() == 2);
        CHECK(c[0].role == credit_role::reporting);
        CHECK(c[0].label == "Reporting");
        CHECK(names(c[0]) == list{"Marta Kowalczyk", "Idris Okafor"});
        CHECK(c[1].role == credit_role::editing);
        CHECK(names(c[1]) == list{"Lena Holt"});
        CHECK(all_inside(in, c));
    }
    SUBCASE("no parentheses, commas between roles, small role words") {
        auto c = wirestory::parse_credits("Reporting by Tomas Vidal, editing by Greta Lind");
        REQUIRE(c.size() == 2);
        CHECK(names(c[0]) == list{"Tomas Vidal"});
        CHECK(c[1].label == "editing");
        CHECK(c[1].role == credit_role::editing);
    }
    SUBCASE("nothing between roles") {
        auto c = wirestory::parse_credits("Reporting by Ann Brook and Cole Ferris Writing by Dana Quill Editing by Eli Marsh");
        REQUIRE(c.size() == 3);
        CHECK(names(c[0]) == list{"Ann Brook", "Cole Ferris"});
        CHECK(c[1].role == credit_role::writing);
        CHECK(names(c[1]) == list{"Dana Quill"});
        CHECK(names(c[2]) == list{"Eli Marsh"});
    }
    SUBCASE("periods between roles") {
        std::string_view in = "Reporting by Ann Brook. Editing by Cole Ferris.";
        std::vector<credit_view> out;
        CHECK(wirestory::detail::parse_credits(in, out, reuters(), {}) == in.size());
        REQUIRE(out.size() == 2);
        CHECK(names(out[0]) == list{"Ann Brook"});
        CHECK(names(out[1]) == list{"Cole Ferris"});
    }
    SUBCASE("any case of 'by'") {
        auto c = wirestory::parse_credits("Reporting By Pia Lorne; Additional reporting BY Sven Arko");
        REQUIRE(c.size() == 2);
        CHECK(c[0].role == credit_role::reporting);
        CHECK(c[1].role == credit_role::additional_reporting);
        CHECK(c[1].label == "Additional reporting");
    }
    SUBCASE("every named role") {
        auto c = wirestory::parse_credits(
            "(Compiled by Ann Brook; Graphics by Cole Ferris; Fact-checking by Dana Quill; "
            "Writing by Eli Marsh; Editing by Fay Dunn)");
        REQUIRE(c.size() == 5);
        CHECK(c[0].role == credit_role::compiled);
        CHECK(c[1].role == credit_role::graphics);
        CHECK(c[2].role == credit_role::fact_checking);
        CHECK(c[2].label == "Fact-checking");
        CHECK(c[3].role == credit_role::writing);
        CHECK(c[4].role == credit_role::editing);
    }
    SUBCASE("other roles keep their label") {
        std::string_view in = "(Reporting by Ann Brook; Video production by Cole Ferris; Research by Dana Quill)";
        auto c = wirestory::parse_credits(in);
        REQUIRE(c.size() == 3);
        CHECK(c[1].role == credit_role::other);
        CHECK(c[1].label == "Video production");
        CHECK(c[2].role == credit_role::other);
        CHECK(c[2].label == "Research");
        CHECK(all_inside(in, c));
    }
    SUBCASE("unseparated additional reporting in title case") {
        auto c = wirestory::parse_credits("Reporting by Ann Brook Additional Reporting by Cole Ferris");
        REQUIRE(c.size() == 2);
        CHECK(names(c[0]) == list{"Ann Brook"});
        CHECK(c[1].role == credit_role::additional_reporting);
    }
    SUBCASE("a lowercase name is kept as written") {
        auto c = wirestory::parse_credits("Reporting by piotr Zalewski, Noor Haddad");
        REQUIRE(c.size() == 1);
        CHECK(names(c[0]) == list{"piotr Zalewski", "Noor Haddad"});
    }
    SUBCASE("UTF-8 names") {
        std::string_view in = "(Reporting by Gülşen Aydınoğlu in İzmir; Editing by Søren Ødegård)";
        auto c = wirestory::parse_credits(in);
        REQUIRE(c.size() == 2);
        CHECK(names(c[0]) == list{"Gülşen Aydınoğlu"});
        REQUIRE(c[0].people[0].location);
        CHECK(*c[0].people[0].location == "İzmir");
        CHECK(names(c[1]) == list{"Søren Ødegård"});
    }
    SUBCASE("three names with a comma and 'and'") {
        auto c = wirestory::parse_credits("Editing by Ann Brook, Cole Ferris and Dana Quill");
        REQUIRE(c.size() == 1);
        CHECK(names(c[0]) == list{"Ann Brook", "Cole Ferris", "Dana Quill"});
    }
}

TEST_CASE("parse_credits: people with places") {
    SUBCASE("each person a place") {
        auto c = wirestory::parse_credits("(Reporting by Ann Brook in Port Ellis and Cole Ferris in Valmora)");
        REQUIRE(c.size() == 1);
        REQUIRE(c[0].people.size() == 2);
        CHECK(c[0].people[0].location == std::optional<std::string_view>("Port Ellis"));
        CHECK(c[0].people[1].location == std::optional<std::string_view>("Valmora"));
    }
    SUBCASE("a place with a state after a comma") {
        auto c = wirestory::parse_credits("Reporting by Ann Brook in Cedar Falls, Montana; Editing by Cole Ferris");
        REQUIRE(c.size() == 2);
        REQUIRE(c[0].people.size() == 1);
        CHECK(c[0].people[0].location == std::optional<std::string_view>("Cedar Falls, Montana"));
        CHECK(names(c[1]) == list{"Cole Ferris"});
    }
    SUBCASE("a two-word state after a comma") {
        auto c = wirestory::parse_credits("Reporting by Ann Brook in Lakeport, New Hampshire");
        REQUIRE(c.size() == 1);
        REQUIRE(c[0].people.size() == 1);
        CHECK(c[0].people[0].location == std::optional<std::string_view>("Lakeport, New Hampshire"));
    }
    SUBCASE("two people share a place") {
        auto c = wirestory::parse_credits("Reporting by Ann Brook and Cole Ferris in Valmora");
        REQUIRE(c.size() == 1);
        REQUIRE(c[0].people.size() == 2);
        CHECK(c[0].people[0].location == std::optional<std::string_view>("Valmora"));
        CHECK(c[0].people[1].location == std::optional<std::string_view>("Valmora"));
    }
    SUBCASE("a comma list is not a place") {
        auto c = wirestory::parse_credits("Reporting by Ann Brook in Valmora, Cole Ferris and Dana Quill");
        REQUIRE(c.size() == 1);
        CHECK(names(c[0]) == list{"Ann Brook", "Cole Ferris", "Dana Quill"});
        CHECK(c[0].people[0].location == std::optional<std::string_view>("Valmora"));
        CHECK_FALSE(c[0].people[1].location);
    }
}

TEST_CASE("parse_credits: desks") {
    SUBCASE("one newsroom") {
        auto c = wirestory::parse_credits("(Reporting by Valmora newsroom; Editing by Ann Brook)");
        REQUIRE(c.size() == 2);
        CHECK(c[0].people.empty());
        CHECK(c[0].desks == list{"Valmora newsroom"});
    }
    SUBCASE("'the ... Newsroom' after a person") {
        auto c = wirestory::parse_credits("Reporting by Ann Brook and the Port Ellis Newsroom; Editing by Cole Ferris");
        REQUIRE(c.size() == 2);
        CHECK(names(c[0]) == list{"Ann Brook"});
        CHECK(c[0].desks == list{"Port Ellis Newsroom"});
    }
    SUBCASE("several cities, one desk") {
        auto c = wirestory::parse_credits("(Reporting by Valmora, Kestrel and Dunmore newsrooms)");
        REQUIRE(c.size() == 1);
        CHECK(c[0].people.empty());
        CHECK(c[0].desks == list{"Valmora, Kestrel and Dunmore newsrooms"});
    }
    SUBCASE("desks after placed people") {
        auto c = wirestory::parse_credits(
            "(Reporting by Ann Brook in Valmora and Cole Ferris in Kestrel, and Kestrel, Dunmore and Ostrava newsrooms)");
        REQUIRE(c.size() == 1);
        CHECK(names(c[0]) == list{"Ann Brook", "Cole Ferris"});
        CHECK(c[0].people[1].location == std::optional<std::string_view>("Kestrel"));
        CHECK(c[0].desks == list{"Kestrel, Dunmore and Ostrava newsrooms"});
    }
}

TEST_CASE("parse_credits: damaged web copy") {
    SUBCASE("a role glued to the desk before it is split and reported") {
        std::string in =
            "(Reporting by Ann Brook in Valmora and Cole Ferris in Kestrel, and Kestrel, Dunmore and Ostrava "
            "newsroomsWriting by Dana Quill, Editing by Eli Marsh)";
        std::vector<credit_view> out;
        std::vector<wirestory::diagnostic> diags;
        wirestory::detail::sink sink{&diags, in.data()};
        std::size_t used = wirestory::detail::parse_credits(in, out, reuters(), sink);
        CHECK(used == in.size());
        REQUIRE(out.size() == 3);
        CHECK(out[0].desks == list{"Kestrel, Dunmore and Ostrava newsrooms"});
        CHECK(out[1].role == credit_role::writing);
        CHECK(out[1].label == "Writing");
        CHECK(names(out[1]) == list{"Dana Quill"});
        CHECK(names(out[2]) == list{"Eli Marsh"});
        REQUIRE(diags.size() == 1);
        CHECK(diags[0].code == wirestory::errc::repaired_separator);
        CHECK(diags[0].offset == in.find("Writing"));
        CHECK(all_inside(in, out));
    }
    SUBCASE("boilerplate glued to the last name is left out") {
        std::string_view in = "Reporting by Ann Brook; Editing by Cole Ferris and Dana QuillOur Standards: The Trust Principles.";
        std::vector<credit_view> out;
        std::size_t used = wirestory::detail::parse_credits(in, out, reuters(), {});
        CHECK(used == in.find("Our Standards"));
        REQUIRE(out.size() == 2);
        CHECK(names(out[1]) == list{"Cole Ferris", "Dana Quill"});
    }
    SUBCASE("boilerplate sentences after the credits") {
        std::string_view in = "Reporting by Ann Brook. Sign up here.";
        std::vector<credit_view> out;
        std::size_t used = wirestory::detail::parse_credits(in, out, reuters(), {});
        CHECK(used == in.find(" Sign"));
        REQUIRE(out.size() == 1);
        CHECK(names(out[0]) == list{"Ann Brook"});
    }
    SUBCASE("HTML paragraph tags") {
        std::string_view in = "<p>Reporting By Ann Brook; Editing by Cole Ferris</p>";
        auto c = wirestory::parse_credits(in);
        REQUIRE(c.size() == 2);
        CHECK(names(c[1]) == list{"Cole Ferris"});
        CHECK(wirestory::detail::find_credits(in, reuters()) == 0);
    }
}

TEST_CASE("parse_credits: contributed and assistance forms") {
    SUBCASE("AP writers with places and state abbreviations") {
        std::string_view in =
            "Associated Press writers Ann Brook in Harlow, Ala., and Cole Ferris in Mead, Ala., contributed to this report.";
        auto c = wirestory::parse_credits(in);
        REQUIRE(c.size() == 1);
        CHECK(c[0].role == credit_role::contributed);
        CHECK(c[0].label == "contributed");
        CHECK(names(c[0]) == list{"Ann Brook", "Cole Ferris"});
        CHECK(c[0].people[0].location == std::optional<std::string_view>("Harlow, Ala."));
        CHECK(c[0].people[1].location == std::optional<std::string_view>("Mead, Ala."));
        CHECK(all_inside(in, c));
    }
    SUBCASE("one name") {
        auto c = wirestory::parse_credits("Ann Brook contributed to this report.");
        REQUIRE(c.size() == 1);
        CHECK(names(c[0]) == list{"Ann Brook"});
    }
    SUBCASE("another outlet's reporter") {
        auto c = wirestory::parse_credits("-- KXTV's Cole Ferris contributed to this report.");
        REQUIRE(c.size() == 1);
        CHECK(names(c[0]) == list{"Cole Ferris"});
    }
    SUBCASE("a short 'contributed.'") {
        auto c = wirestory::parse_credits("Associated Press writer Dana Quill in Valmora contributed.");
        REQUIRE(c.size() == 1);
        CHECK(names(c[0]) == list{"Dana Quill"});
        CHECK(c[0].people[0].location == std::optional<std::string_view>("Valmora"));
    }
    SUBCASE("Bloomberg assistance with dashes and a period") {
        std::string_view in = "--With assistance from Ann Brook, Cole Ferris and Dana Quill.";
        auto c = wirestory::parse_credits(in);
        REQUIRE(c.size() == 1);
        CHECK(c[0].role == credit_role::with_assistance);
        CHECK(c[0].label == "With assistance from");
        CHECK(names(c[0]) == list{"Ann Brook", "Cole Ferris", "Dana Quill"});
        CHECK(all_inside(in, c));
    }
    SUBCASE("Bloomberg assistance without punctuation") {
        auto c = wirestory::parse_credits("With assistance from Eli Marsh and Fay Dunn");
        REQUIRE(c.size() == 1);
        CHECK(names(c[0]) == list{"Eli Marsh", "Fay Dunn"});
    }
    SUBCASE("contributed from a place (AP)") {
        std::string_view in = "Associated Press writer Dana Quill contributed from Valmora.";
        auto c = wirestory::parse_credits(in);
        REQUIRE(c.size() == 1);
        CHECK(names(c[0]) == list{"Dana Quill"});
        CHECK(c[0].people[0].location == std::optional<std::string_view>("Valmora"));
        CHECK(all_inside(in, c));
        auto two = wirestory::parse_credits("Ann Brook and Cole Ferris contributed from the Port of Mead.");
        REQUIRE(two.size() == 1);
        REQUIRE(two[0].people.size() == 2);
        CHECK(two[0].people[0].location == std::optional<std::string_view>("the Port of Mead"));
        CHECK(two[0].people[1].location == std::optional<std::string_view>("the Port of Mead"));
        auto placed = wirestory::parse_credits("Ann Brook in Harlow and Cole Ferris contributed from Mead.");
        REQUIRE(placed.size() == 1);
        REQUIRE(placed[0].people.size() == 2);
        CHECK(placed[0].people[0].location == std::optional<std::string_view>("Harlow"));
        CHECK(placed[0].people[1].location == std::optional<std::string_view>("Mead"));
    }
    SUBCASE("contributing money is not a credit") {
        CHECK(wirestory::parse_credits("Ann Brook contributed to the campaign fund.").empty());
        CHECK(wirestory::parse_credits("Ann Brook contributed from her savings.").empty());
    }
}

TEST_CASE("parse_credits: what is not a credit") {
    CHECK(wirestory::parse_credits("").empty());
    CHECK(wirestory::parse_credits("The cyclist was hit by a car on Tuesday.").empty());
    CHECK(wirestory::parse_credits("Responsibility was claimed by the rebel group, officials said.").empty());
    CHECK(wirestory::parse_credits("Written by hand, the letter ran to 40 pages.").empty());
    CHECK(wirestory::parse_credits("With assistance from the government, the mill reopened.").empty());
    CHECK(wirestory::parse_credits("By Ann Brook").empty());
    CHECK(wirestory::parse_credits("Reporting by").empty());
    std::vector<credit_view> out(1);  // a failed parse leaves earlier entries alone
    CHECK(wirestory::detail::parse_credits("Shares fell 3%.", out, reuters(), {}) == 0);
    CHECK(out.size() == 1);
}

TEST_CASE("parse_credits appends") {
    std::vector<credit_view> out;
    std::string_view a = "(Reporting by Ann Brook)", b = "(Editing by Cole Ferris)";
    CHECK(wirestory::detail::parse_credits(a, out, reuters(), {}) == a.size());
    CHECK(wirestory::detail::parse_credits(b, out, reuters(), {}) == b.size());
    REQUIRE(out.size() == 2);
    CHECK(out[0].role == credit_role::reporting);
    CHECK(out[1].role == credit_role::editing);
}

TEST_CASE("find_credits") {
    const auto& s = reuters();
    SUBCASE("the block is a credit") {
        CHECK(wirestory::detail::find_credits("(Reporting by Ann Brook; Editing by Cole Ferris)", s) == 0);
        CHECK(wirestory::detail::find_credits("Reporting by Ann Brook, Writing by Dana Quill", s) == 0);
    }
    SUBCASE("a credit ends a paragraph of body text") {
        std::string_view in = "The hosts sat deep in front of goal. (Reporting by Ann Brook; editing by Cole Ferris)";
        std::size_t at = wirestory::detail::find_credits(in, s);
        CHECK(at == in.find('('));
        auto c = wirestory::parse_credits(in.substr(at == npos ? 0 : at));
        CHECK(c.size() == 2);
    }
    SUBCASE("a hard-wrapped story whose last line is the credit") {
        std::string_view in = "The ministry said the loan\nwould be repaid by 2030.\n(Reporting by Ann Brook; Editing by\nCole Ferris)\n";
        CHECK(wirestory::detail::find_credits(in, s) == in.find('('));
    }
    SUBCASE("an unparenthesised credit after the last sentence") {
        std::string_view in = "Talks resume on Monday. Reporting by Ann Brook; Editing by Cole Ferris";
        CHECK(wirestory::detail::find_credits(in, s) == in.find("Reporting"));
    }
    SUBCASE("boilerplate after the credit") {
        std::string_view in = "Reporting by Ann Brook; Editing by Cole FerrisOur Standards: The Trust Principles.";
        CHECK(wirestory::detail::find_credits(in, s) == 0);
    }
    SUBCASE("body text is not a credit") {
        CHECK(wirestory::detail::find_credits("Responsibility was claimed by the rebels, who were driven out by troops in 2001.", s) == npos);
        CHECK(wirestory::detail::find_credits("He said (in a statement) that the plan was backed by lenders.", s) == npos);
        CHECK(wirestory::detail::find_credits("Shares rose (by 3%)", s) == npos);
        CHECK(wirestory::detail::find_credits("", s) == npos);
        CHECK(wirestory::detail::find_credits("(This story corrects the figure in paragraph 2)", s) == npos);
    }
}

TEST_CASE("find_credits: the quick rejection keeps every start") {
    const auto& s = reuters();
    using wirestory::detail::find_credits;
    SUBCASE("any role head before 'by', 'by' in any case") {
        std::string_view in = "The vote was close. Fact-checking BY Ann Brook";
        CHECK(find_credits(in, s) == in.find("Fact"));
        CHECK(find_credits("Video production by Ann Brook and Cole Ferris", s) == 0);
        std::string_view two = "The plan stalled. Video production by Ann Brook";
        CHECK(find_credits(two, s) == two.find("Video"));
        CHECK(find_credits("Graphics by Ann Brook", s) == 0);
        std::string_view more = "Rates held. Additional reporting by Ann Brook in Port Ellis";
        CHECK(find_credits(more, s) == more.find("Additional"));
    }
    SUBCASE("Unicode and line-break white space around 'by'") {
        CHECK(find_credits("Reporting\xC2\xA0" "by Ann Brook", s) == 0);
        CHECK(find_credits("Reporting\xE2\x80\x89" "by\tAnn Brook", s) == 0);
        std::string_view in = "The plan stalled.\nReporting by\nAnn Brook";
        CHECK(find_credits(in, s) == in.find("Reporting"));
    }
    SUBCASE("the 'contributed' form at the start and after the last sentence") {
        CHECK(find_credits("Ann Brook in Port Ellis contributed to this report.", s) == 0);
        std::string_view in = "Talks resume on Monday. Ann Brook contributed.";
        CHECK(find_credits(in, s) == in.find("Ann"));
        std::string_view tagged = "Rates held. Ann Brook contributed to this report.<p>Sign up here.";
        CHECK(find_credits(tagged, s) == tagged.find("Ann"));
    }
    SUBCASE("'With assistance from' at the start, in parentheses and after a sentence") {
        CHECK(find_credits("--With assistance from Ann Brook and Cole Ferris.", s) == 0);
        std::string_view paren = "Rates held. (With assistance from Ann Brook)";
        CHECK(find_credits(paren, s) == paren.find('('));
        std::string_view comma = "Its assistance was praised. With, assistance from Ann Brook";
        CHECK(find_credits(comma, s) == comma.find("With"));
    }
    SUBCASE("the last '(' and the last line") {
        std::string_view in = "The bank said. (Compiled by Ann Brook)";
        CHECK(find_credits(in, s) == in.find('('));
        std::string_view line = "Rates held.\n(Editing by Cole Ferris)";
        CHECK(find_credits(line, s) == line.find('('));
        std::string_view boiler = "Rates held. Reporting by Ann Brook Our Standards: The Trust Principles.";
        CHECK(find_credits(boiler, s) == boiler.find("Reporting"));
    }
    SUBCASE("a credit after a long paragraph") {
        std::string in;
        for (int i = 0; i < 2000; ++i) in += "Grain output in Port Ellis fell by 4 pct, the ministry said. ";
        in += "(Reporting by Ann Brook; Editing by Cole Ferris)";
        CHECK(find_credits(in, s) == in.rfind('('));
    }
    SUBCASE("words that hold a key but are no credit") {
        CHECK(find_credits("Output rose by 5%.", s) == npos);
        CHECK(find_credits("Sales climbed. Falling by half is unlikely, he said.", s) == npos);
        CHECK(find_credits("The fund contributed $5 million.", s) == npos);
        CHECK(find_credits("With assistance from the state, the plant reopened.", s) == npos);
        CHECK(find_credits("Abby Lane saw the bystander near the ibis and the baby.", s) == npos);
        CHECK(find_credits("rates held. reporting by ann brook", s) == npos);
        CHECK(find_credits("Rates held. BY Ann Brook", s) == npos);
        CHECK(find_credits("Rates held. Writing by: Ann Brook", s) == npos);
        CHECK(find_credits("The deal was brokered by Reporting Co. Reporting by Ann Brook", s) == npos);
        CHECK(find_credits("Prices rose. --With assistance from Ann Brook.", s) == npos);
        CHECK(find_credits("b", s) == npos);
        CHECK(find_credits("by", s) == npos);
    }
    SUBCASE("long paragraphs without a credit (linear shapes)") {
        std::string plain;
        for (int i = 0; i < 20000; ++i) plain += "Exports rose 5 pct. ";
        CHECK(find_credits(plain, s) == npos);
        CHECK(find_credits(std::string(100000, '(') + ")", s) == npos);
        std::string falling;
        for (int i = 0; i < 50000; ++i) falling += "falling by ";
        CHECK(find_credits(falling, s) == npos);
        std::string assist;
        for (int i = 0; i < 50000; ++i) assist += "with assistance ";
        CHECK(find_credits(assist, s) == npos);
        CHECK(find_credits(std::string(100000, 's'), s) == npos);
    }
}

TEST_CASE("parse_credits: a spare pool of entries") {
    const auto& s = reuters();
    using wirestory::detail::parse_credits;
    // Two used entries whose vectors have capacity; the back one is taken first.
    auto make_pool = [] {
        std::vector<credit_view> pool(2);
        pool[0].people.reserve(16);
        pool[0].desks.reserve(4);
        pool[1].people.reserve(8);
        pool[1].desks.reserve(2);
        pool[0].people.resize(3);  // stale content from an earlier story
        pool[1].desks.push_back("Old newsroom");
        pool[1].label = "stale";
        return pool;
    };
    SUBCASE("new entries come from the back of the pool, cleared, capacity kept") {
        auto pool = make_pool();
        const auto* people0 = pool[0].people.data();
        const auto* people1 = pool[1].people.data();
        const auto* desks1 = pool[1].desks.data();
        std::vector<credit_view> out;
        std::string_view in = "(Reporting by Ann Brook and Cole Ferris; Editing by Dana Quill)";
        CHECK(parse_credits(in, out, s, {}, &pool) == in.size());
        CHECK(pool.empty());
        REQUIRE(out.size() == 2);
        CHECK(out[0].people.data() == people1);  // the pool's back entry
        CHECK(out[0].people.capacity() >= 8);
        CHECK(out[0].desks.data() == desks1);
        CHECK(out[0].desks.empty());
        CHECK(out[1].people.data() == people0);
        CHECK(out[1].people.capacity() >= 16);
        CHECK(out[1].desks.capacity() >= 4);
        CHECK(out[0].role == credit_role::reporting);
        CHECK(out[0].label == "Reporting");
        CHECK(names(out[0]) == list{"Ann Brook", "Cole Ferris"});
        CHECK(out[1].role == credit_role::editing);
        CHECK(names(out[1]) == list{"Dana Quill"});
        CHECK(all_inside(in, out));
    }
    SUBCASE("an empty pool: entries are made as without one") {
        std::vector<credit_view> pool, out;
        CHECK(parse_credits("Reporting by Ann Brook", out, s, {}, &pool) > 0);
        REQUIRE(out.size() == 1);
        CHECK(names(out[0]) == list{"Ann Brook"});
        CHECK(pool.empty());
    }
    SUBCASE("entries given up on failure go back to the pool") {
        auto pool = make_pool();
        const auto* people0 = pool[0].people.data();
        const auto* people1 = pool[1].people.data();
        std::vector<credit_view> out(1);  // what the caller had already
        // Two roles are begun, then the second turns out to have nobody.
        CHECK(parse_credits("Reporting by Ann Brook; Editing by", out, s, {}, &pool) == 0);
        CHECK(out.size() == 1);
        REQUIRE(pool.size() == 2);
        CHECK(pool[0].people.data() == people0);
        CHECK(pool[1].people.data() == people1);
        CHECK(pool[1].people.capacity() >= 8);
        // A block that is no credit takes nothing.
        CHECK(parse_credits("Shares fell 3%.", out, s, {}, &pool) == 0);
        CHECK(pool.size() == 2);
    }
    SUBCASE("recycled entries: steady state reuses the same buffers") {
        std::string_view in = "(Reporting by Ann Brook in Port Ellis and Cole Ferris; Additional reporting by "
                              "the Port Ellis newsroom; Editing by Dana Quill)";
        std::vector<credit_view> pool, out;
        std::vector<const void*> first;  // the people and desks buffers
        bool stable = true;
        // The entries rotate through the roles; once each has held the largest list, no
        // vector grows again: the same buffers come back round after round.
        for (int round = 0; round < 10; ++round) {
            for (auto& c : out) pool.push_back(std::move(c));  // as the story parser recycles
            out.clear();
            REQUIRE(parse_credits(in, out, s, {}, &pool) == in.size());
            REQUIRE(out.size() == 3);
            CHECK(pool.empty());
            std::vector<const void*> now;
            for (auto& c : out) {
                now.push_back(c.people.data());
                now.push_back(c.desks.data());
            }
            if (round == 4) first = now;
            if (round > 4) stable = stable && std::is_permutation(now.begin(), now.end(), first.begin());
        }
        CHECK(stable);
        CHECK(out[1].desks == list{"Port Ellis newsroom"});
        CHECK(out[0].people[0].location == std::optional<std::string_view>("Port Ellis"));
    }
    SUBCASE("the same result with and without a pool") {
        std::string_view in = "Ann Brook and Cole Ferris in Port Ellis, Ala., contributed to this report.";
        auto pool = make_pool();
        std::vector<credit_view> a, b;
        CHECK(parse_credits(in, a, s, {}, &pool) == parse_credits(in, b, s, {}));
        REQUIRE(a.size() == 1);
        REQUIRE(b.size() == 1);
        CHECK(a[0].role == b[0].role);
        CHECK(a[0].label == b[0].label);
        CHECK(names(a[0]) == names(b[0]));
        CHECK(a[0].people[1].location == b[0].people[1].location);
    }
}

TEST_CASE("credits: broken and hostile input") {
    SUBCASE("unbalanced parentheses") {
        std::string_view in = "(Reporting by Ann Brook; Editing by Cole Ferris";
        std::vector<credit_view> out;
        std::vector<wirestory::diagnostic> diags;
        wirestory::detail::sink sink{&diags, in.data()};
        CHECK(wirestory::detail::parse_credits(in, out, reuters(), sink) == in.size());
        CHECK(out.size() == 2);
        REQUIRE(!diags.empty());
        CHECK(diags[0].code == wirestory::errc::unbalanced_parenthesis);
        CHECK(diags[0].offset == 0);
        CHECK(wirestory::parse_credits("Reporting by Ann Brook) Editing").size() == 1);
        CHECK(wirestory::detail::find_credits("((((", reuters()) == npos);
        CHECK(wirestory::detail::find_credits("))))", reuters()) == npos);
    }
    SUBCASE("nested parentheses") {
        std::string_view in = "(Reporting by Ann (Annie) Brook; Editing by Cole Ferris)";
        auto c = wirestory::parse_credits(in);
        CHECK(c.size() == 2);
        CHECK(all_inside(in, c));
    }
    SUBCASE("100,000 names") {
        std::string in = "Reporting by Ann Brook";
        for (int i = 0; i < 100000; ++i) in += ", Cole Ferris";
        auto c = wirestory::parse_credits(in);
        REQUIRE(c.size() == 1);
        CHECK(c[0].people.size() == 100001);
        CHECK(wirestory::detail::find_credits(in, reuters()) == 0);
    }
    SUBCASE("100,000 semicolons") {
        std::string in = "(Reporting by Ann Brook" + std::string(100000, ';') + ")";
        auto c = wirestory::parse_credits(in);
        REQUIRE(c.size() == 1);
        CHECK(names(c[0]) == list{"Ann Brook"});
        std::string bare(100000, ';');
        CHECK(wirestory::parse_credits(bare).empty());
        CHECK(wirestory::detail::find_credits(bare, reuters()) == npos);
    }
    SUBCASE("100,000 'by' words") {
        std::string in = "Reporting";
        for (int i = 0; i < 100000; ++i) in += " by";
        CHECK(wirestory::parse_credits(in).empty());
        CHECK(wirestory::detail::find_credits(in, reuters()) == npos);
    }
}

TEST_CASE("seed zelenskiy-turkey: the credit block at the story's end (invented names)") {
    std::string_view in =
        "(Reporting by Hüseyin Aksoylu in Ankara and Oksana Lutsenko in Kyiv, and Kyiv, Moscow and Istanbul "
        "newsroomsWriting by Tobias Herrold, Editing by Petra Grall)";
    auto c = wirestory::parse_credits(in);
    REQUIRE(c.size() == 3);
    CHECK(names(c[0]) == list{"Hüseyin Aksoylu", "Oksana Lutsenko"});
    CHECK(c[0].people[0].location == std::optional<std::string_view>("Ankara"));
    CHECK(c[0].people[1].location == std::optional<std::string_view>("Kyiv"));
    CHECK(c[0].desks == list{"Kyiv, Moscow and Istanbul newsrooms"});
    CHECK(c[1].role == credit_role::writing);
    CHECK(names(c[1]) == list{"Tobias Herrold"});
    CHECK(c[2].role == credit_role::editing);
    CHECK(names(c[2]) == list{"Petra Grall"});
    CHECK(all_inside(in, c));
}

TEST_CASE("credits: finding and parsing in one go gives what finding and then parsing gave") {
    // find_credits_and_parse parses the found block once, filling the entries; it must give
    // the same place, length, entries and reports as find_credits followed by parse_credits,
    // and leave no trace (entries, reports) when it finds nothing.
    using wirestory::diagnostic;
    const std::string_view blocks[] = {
        "(Reporting by Ann Lee in Ankara and Bo Kim in Kyiv; Editing by Cy Dunn)",
        "The council met. (Reporting by Ann Lee; Editing by Cy Dunn)",
        "The council met. Reporting by Ann Lee; Editing by Cy Dunn",
        "The council met on Tuesday\nReporting by Ann Lee; editing by Cy Dunn",
        "Ann Lee in Ankara contributed to this report.",
        "(Reporting by Ann Lee) Our Standards: The Thomson Reuters Trust Principles.",
        "Reporting by Ann Lee) and more words follow here",          // ')' without '(' then prose
        "(Reporting by Ann Lee; Editing by Cy Dunn) and the vote was close.",  // refused after the parse
        "The ship was hit by a wave. Reporting by Ann Lee",
        "With assistance from Ann Lee and Bo Kim.",
        "newsroomsWriting by Ann Lee",
        "The business was seized by creditors, said Ann Lee.",
        "(Reporting by Ann Lee; Editing by Cy Dunn",                 // '(' without ')'
        "Plain prose without any credit at all.",
        ""};
    for (std::string_view b : blocks) {
        CAPTURE(b);
        const auto& style = reuters();
        std::vector<diagnostic> d1, d2;
        std::vector<credit_view> c1, c2, spare1, spare2;
        const wirestory::detail::sink s1{&d1, b.data()}, s2{&d2, b.data()};
        std::size_t at1 = wirestory::detail::find_credits(b, style), n1 = 0;
        if (at1 != npos) n1 = wirestory::detail::parse_credits(b.substr(at1), c1, style, s1, &spare1);
        std::size_t n2 = 0;
        std::size_t at2 = wirestory::detail::find_credits_and_parse(b, style, &c2, s2, &spare2, &n2);
        CHECK(at1 == at2);
        CHECK(n1 == n2);
        CHECK(d1 == d2);
        REQUIRE(c1.size() == c2.size());
        for (std::size_t k = 0; k < c1.size(); ++k) {
            CHECK(c1[k].role == c2[k].role);
            CHECK(c1[k].label == c2[k].label);
            CHECK(c1[k].desks == c2[k].desks);
            REQUIRE(c1[k].people.size() == c2[k].people.size());
            for (std::size_t j = 0; j < c1[k].people.size(); ++j) {
                CHECK(c1[k].people[j].name == c2[k].people[j].name);
                CHECK(c1[k].people[j].location == c2[k].people[j].location);
            }
        }
        if (at2 == npos) {
            CHECK(c2.empty());
            CHECK(d2.empty());
        }
    }
}

TEST_CASE("credits: the word scanner steps over plain bytes exactly as space_len would") {
    using wirestory::detail::space_len;
    int disagreements = 0;
    for (int value = 0; value < 256; ++value) {
        const char c = static_cast<char>(value);
        const std::string s = std::string("Ann") + c + "Lee\xC2\xA0" "in" + c + "\xE3\x80\x80Kyiv" + c;
        for (std::size_t end = 0; end <= s.size(); ++end)
            for (std::size_t pos = 0; pos <= end; ++pos) {
                const auto w = wirestory::detail::credits_word_at(s, pos, end);
                std::size_t b = pos;  // the plain rule
                while (b < end && space_len(s, b) != 0) b += space_len(s, b);
                if (b > end) b = end;
                std::size_t e = b;
                while (e < end && space_len(s, e) == 0) ++e;
                if (w.b != b || w.e != e) ++disagreements;
            }
    }
    CHECK(disagreements == 0);
}

namespace {
// Every word of `list` in every case mix, each one changed by a byte at every position, cut
// short and lengthened: the gated lookup must answer as the plain list walk does.
template <const auto& List>
int gated_list_disagreements() {
    using wirestory::detail::credits_in;
    using wirestory::detail::credits_in_list;
    std::vector<std::string> probes = {"", "a", "A", "zz", std::string(40, 'x'), "\xC3\xA9t\xC3\xA9"};
    for (auto w : List) {
        std::string s(w);
        probes.push_back(s);
        std::string upper = s, first_up = s;
        for (auto& c : upper) c = wirestory::detail::to_upper(c);
        first_up[0] = wirestory::detail::to_upper(first_up[0]);
        probes.push_back(upper);
        probes.push_back(first_up);
        probes.push_back(std::string(w.data(), w.size() - 1));
        probes.push_back(std::string(w).append(1, 's'));
        probes.push_back(std::string(w).append(30, 'q'));
        for (std::size_t at = 0; at < s.size(); ++at)
            for (int v : {0x00, 0x20, 0x41, 0x61, 0x7F, 0x80, 0xC1, 0xE1, 0xFF}) {
                std::string t = s;
                t[at] = static_cast<char>(v);
                probes.push_back(t);
                probes.push_back(std::string(t.data(), at + 1));
            }
    }
    // Every byte value as a first letter, with the list's word lengths and their neighbours.
    for (int v = 0; v < 256; ++v)
        for (std::size_t len = 1; len < 36; ++len) {
            std::string t(len, 'e');
            t[0] = static_cast<char>(v);
            probes.push_back(t);
        }
    int disagreements = 0;
    for (const auto& p : probes)
        if (credits_in<List>(p) != credits_in_list(p, List)) ++disagreements;
    return disagreements;
}
} // namespace

TEST_CASE("credits: gated word lists answer as the plain list walk") {
    using namespace wirestory::detail;
    CHECK(gated_list_disagreements<credits_stop_words>() == 0);
    CHECK(gated_list_disagreements<credits_role_nouns>() == 0);
    CHECK(gated_list_disagreements<credits_role_modifiers>() == 0);
    CHECK(gated_list_disagreements<credits_extra_titles>() == 0);
    CHECK(gated_list_disagreements<credits_abbreviations>() == 0);
    CHECK(gated_list_disagreements<credits_place_first_words>() == 0);
    // And the gate does turn words away (else it would be no fast path at all).
    CHECK_FALSE(word_list_gate_of<credits_role_nouns>.admits("Smith"));
    CHECK(word_list_gate_of<credits_role_nouns>.admits("Video"));
}

TEST_CASE("credits: the scans' pair test keeps every key pair") {
    using namespace wirestory::detail;
    int dropped = 0, extra = 0;
    for (int a = 0; a < 256; ++a)
        for (int b = 0; b < 256; ++b) {
            const char pair[2] = {static_cast<char>(a), static_cast<char>(b)};
            const bool key = credits_key_pair(std::string_view(pair, 2), 0);
            const bool candidate = credits_pair_candidate(pair[0], pair[1]);
            dropped += key && !candidate;
            extra += candidate && !key;
        }
    CHECK(dropped == 0);
    CHECK(extra == 4 * 4 - 4 * 2);  // "b" + "qQ}]" with either case of b: the price of one compare
}

TEST_CASE("credits: credits_last_key finds a key at every offset of texts of every length") {
    using namespace wirestory::detail;
    // The SIMD scan reads the byte before each 16-byte step; the first step has none. Keys at
    // every offset of texts up to 70 bytes long cover both, and every chunk edge.
    const std::string keys[] = {"Reporting by ", "contributed", "With assistance", "editing\tBY\n"};
    int bad = 0, found = 0, placed = 0;
    for (const std::string& key : keys)
        for (std::size_t len = key.size(); len <= 70; ++len)
            for (std::size_t at = 0; at + key.size() <= len; ++at) {
                ++placed;
                std::string t(len, ' ');
                t.replace(at, key.size(), key);
                std::size_t want = std::string_view::npos;
                for (std::size_t k = t.size(); k-- > 0;)
                    if (credits_key_at(t, k)) {
                        want = k;
                        break;
                    }
                found += want != std::string_view::npos;
                bad += credits_last_key(t) != want;
            }
    CHECK(bad == 0);
    CHECK(found == placed);  // each key is one where it stands: the test is not "no key" agreeing
}

TEST_CASE("credits: the byte-before test of credits_last_key never drops a key") {
    using namespace wirestory::detail;
    // The plain rule: the last k where credits_key_at holds.
    const auto plain_last_key = [](std::string_view t) {
        for (std::size_t k = t.size(); k-- > 0;)
            if (credits_key_at(t, k)) return k;
        return std::string_view::npos;
    };
    const std::string keys[] = {"Reporting by Ann Lee", "reporting BY x",       "Photos by\nBo",
                                "Graphics by",          "Ann contributed to it", "With assistance from Al",
                                "with ASSISTANCE from", "lobby business possible", "Editing by Jo; contributed",
                                "distributed, contribute", "BUBY}bq sub"};
    int bad = 0, dropped = 0;
    for (const std::string& key : keys)
        for (std::size_t lead = 0; lead < 20; ++lead)
            for (int before = 0; before < 256; before += 3) {
                // The key at every offset (both scan paths and chunk edges), with every kind of
                // byte put just before each of its bytes in turn.
                std::string t = std::string(lead, 'x') + key + std::string(20 - lead, 'x');
                for (std::size_t at = lead; at <= lead + key.size(); ++at) {
                    std::string u = t;
                    u.insert(at, 1, static_cast<char>(before));
                    const std::string_view v(u);
                    bad += credits_last_key(v) != plain_last_key(v);
                    for (std::size_t k = 0; k + 1 < v.size(); ++k)
                        dropped += credits_key_at(v, k) && !credits_key_may_be_at(v, k);
                }
            }
    CHECK(bad == 0);
    CHECK(dropped == 0);
}
