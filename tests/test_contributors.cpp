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

namespace {
/// Which entry each added name joins, by the rule itself with no index: the exact key
/// first, else the first near match among the first eight earlier people of that surname.
std::vector<std::size_t> reference_entries(const std::vector<std::string>& names) {
    using namespace wirestory::detail;
    std::vector<std::string> keys;
    std::vector<std::size_t> joined;
    std::string key;
    for (const auto& name : names) {
        fold_name(name, key);
        std::size_t found = keys.size();
        for (std::size_t k = 0; k < keys.size() && found == keys.size(); ++k)
            if (keys[k] == key) found = k;
        std::size_t candidates = 0;
        for (std::size_t k = 0; k < keys.size() && found == keys.size() && candidates < 8; ++k)
            if (key_surname(keys[k]) == key_surname(key)) {
                ++candidates;
                if (same_person(keys[k], key)) found = k;
            }
        if (found == keys.size()) keys.push_back(key);
        joined.push_back(found);
    }
    return joined;
}
} // namespace

TEST_CASE("contributors: the scan for a few people and the index for many agree with the rule") {
    // Namesakes and near spellings, in counts on both sides of the switch from scan to index
    // (at nine people), with exact repeats after near ones.
    const std::vector<std::string> pool = {
        "Ana Ruiz",   "Ana Ruis",   "Anna Ruiz",   "Ana Ruiz",    "Piet Jansen", "Pieter Jansen", "Piet Jansen",
        "Karl Benedek", "Karla Benedek", "Kurt Benedek", "Ines Moreau", "In\xC3\xA9s Moreau", "Ines Moreau",
        "Marek Dvorak", "Marek Dvo\xC5\x99\xC3\xA1k", "Mark Dvorak", "Mare Dvorak", "Ola Ruiz", "Olga Ruiz",
        "Alberto Ruiz", "Carmen Ruiz", "Diego Ruiz", "Elena Ruiz", "Fernando Ruiz", "Gloria Ruiz", "Hector Ruiz",
        "Isabel Ruiz", "Javier Ruiz", "Lucia Ruiz", "Javier Ruiz", "Lucia Ruis"};
    for (std::size_t count = 1; count <= pool.size(); ++count)
        for (std::size_t start = 0; start < pool.size(); start += 3) {
            std::vector<std::string> names;
            for (std::size_t k = 0; k < count; ++k) names.push_back(pool[(start + k * 7) % pool.size()]);
            wirestory::article a;
            for (const auto& n : names) a.byline.authors.push_back({n, std::nullopt});
            const auto people = wirestory::contributors(a);
            const auto joined = reference_entries(names);
            // Entry k of the reference must be the k-th person, named by its first spelling,
            // with every spelling that joined it, in order.
            std::vector<std::vector<std::string>> want;
            for (std::size_t k = 0; k < names.size(); ++k) {
                if (joined[k] == want.size()) want.push_back({});
                auto& s = want[joined[k]];
                bool seen = false;
                for (const auto& t : s) seen |= t == names[k];
                if (!seen) s.push_back(names[k]);
            }
            CAPTURE(count);
            CAPTURE(start);
            REQUIRE(people.size() == want.size());
            for (std::size_t k = 0; k < want.size(); ++k) {
                CHECK(people[k].name == want[k].front());
                CHECK(people[k].spellings == want[k]);
            }
        }
}
