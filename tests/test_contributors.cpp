#include <wirestory/contributors.hpp>
#include <doctest/doctest.h>

#include <wirestory/json.hpp>
#include <wirestory/parse.hpp>

#include <string>

using wirestory::contribution;

namespace {
std::vector<std::string> spellings(const wirestory::contributor_view& c) {
    return {c.spellings.begin(), c.spellings.end()};
}
} // namespace

TEST_CASE("contributors: one entry per person across byline, credits and photo") {
    std::string_view story =
        "Divers inspect the hull in Valdora, Westmark, May 2, 2026. REUTERS/Piet Jansen/Pool\n\n"
        "By Marek Dvorak and Yekaterina Orlova\n\n"
        "VALDORA (Reuters) - Divers found the leak.\n\n"
        "(Reporting by Marek Dvo\xC5\x99\xC3\xA1k in Valdora and Ekaterina Orlova in Nordhaven, and Valdora "
        "newsroom; Writing by Ana Ruiz; Editing by Piet Jansen)";
    auto a = wirestory::parse(story);
    auto people = wirestory::contributors(a);
    REQUIRE(people.size() == 5);

    SUBCASE("diacritics fold: Dvořák is Dvorak") {
        CHECK(people[0].name == "Marek Dvorak");
        CHECK(spellings(people[0]) == std::vector<std::string>{"Marek Dvorak", "Marek Dvo\xC5\x99\xC3\xA1k"});
        CHECK(people[0].location == std::string_view("Valdora"));
        REQUIRE(people[0].roles.size() == 2);
        CHECK(people[0].roles[0].kind == contribution::byline);
        CHECK(people[0].roles[1].kind == contribution::credit);
        CHECK(people[0].roles[1].role == wirestory::credit_role::reporting);
    }
    SUBCASE("one letter of transliteration: Yekaterina is Ekaterina") {
        CHECK(people[1].name == "Yekaterina Orlova");
        CHECK(people[1].spellings.size() == 2);
        CHECK(people[1].location == std::string_view("Nordhaven"));
    }
    SUBCASE("desks are listed, marked as desks") {
        CHECK(people[2].name == "Valdora newsroom");
        CHECK(people[2].desk);
        CHECK_FALSE(people[0].desk);
    }
    SUBCASE("the photographer who also edited is one person with two roles") {
        CHECK(people[4].name == "Piet Jansen");
        REQUIRE(people[4].roles.size() == 2);
        CHECK(people[4].roles[0].role == wirestory::credit_role::editing);
        CHECK(people[4].roles[1].kind == contribution::photo);
    }
    SUBCASE("JSON") {
        std::string j = wirestory::to_json(a, {false});
        CHECK(j.find("{\"name\":\"Marek Dvorak\",\"spellings\":[\"Marek Dvorak\",\"Marek Dvo\xC5\x99\xC3\xA1k\"],"
                     "\"roles\":[\"byline\",\"reporting\"],\"location\":\"Valdora\",\"desk\":false}") !=
              std::string::npos);
        CHECK(j.find("\"roles\":[\"editing\",\"photo\"]") != std::string::npos);
    }
}

TEST_CASE("contributors: what must not merge") {
    SUBCASE("different surnames, even one letter apart") {
        auto a = wirestory::parse("By Anna Berg and Anna Borg\n\nVALDORA (Reuters) - Talks ended.");
        CHECK(wirestory::contributors(a).size() == 2);
    }
    SUBCASE("two letters apart in the first name") {
        auto a = wirestory::parse("By Jon Lind\n\nVALDORA (Reuters) - Talks ended.\n\n(Reporting by Jonas Lind)");
        CHECK(wirestory::contributors(a).size() == 2);
    }
    SUBCASE("a different number of words") {
        auto a = wirestory::parse("By Ana Ruiz\n\nVALDORA (Reuters) - Talks ended.\n\n(Reporting by Ana Maria Ruiz)");
        CHECK(wirestory::contributors(a).size() == 2);
    }
}

TEST_CASE("contributors: case and spacing are not new spellings") {
    wirestory::article_view a;
    a.byline.authors.push_back({"ANA RUIZ", std::nullopt});
    a.byline.authors.push_back({"Ana  Ruiz", std::nullopt});
    wirestory::credit_view c;
    c.role = wirestory::credit_role::editing;
    c.label = "Editing";
    c.people.push_back({"Ana Ruiz", std::nullopt});
    a.credits.push_back(c);
    auto people = wirestory::contributors(a);
    REQUIRE(people.size() == 1);
    CHECK(people[0].spellings.size() == 2);  // "ANA RUIZ" and "Ana  Ruiz" (= "Ana Ruiz")
    CHECK(people[0].roles.size() == 2);
}

TEST_CASE("contributors: many namesakes stay cheap") {
    // 20,000 different first names with one surname: each is compared with a bounded number
    // of candidates, so this is linear.
    wirestory::article_view a;
    std::vector<std::string> names;
    names.reserve(20000);
    for (int i = 0; i < 20000; ++i) names.push_back("Name" + std::to_string(i) + "x Lind");
    for (const auto& n : names) a.byline.authors.push_back({n, std::nullopt});
    auto people = wirestory::contributors(a);
    CHECK(people.size() >= 19000);  // a few one-edit neighbours (Name1x / Name11x) may merge
}
