#include <wirestory/article.hpp>
#include <doctest/doctest.h>

#include <wirestory/fwd.hpp>
#include <wirestory/parse.hpp>
#include <wirestory/version.hpp>

#include <string>
#include <type_traits>

#include "test_helpers.hpp"

static_assert(std::is_same_v<wirestory::article_view::string_type, std::string_view>);
static_assert(std::is_same_v<wirestory::article::string_type, std::string>);

TEST_CASE("article: the owning copy outlives the input") {
    wirestory::article owned;
    {
        std::string story = "By Ines Moreau\n\nVALDORA, Feb 3 (Reuters) - Ferries\n   resumed.\n\n"
                            "(Reporting by Karl Benedek in Valdora; Editing by Ana Ruiz)";
        auto view = wirestory::parse(story);
        CHECK(wirestory_test::views_outside(story, view) == 0);
        owned = wirestory::to_owned(view);
        story.assign(story.size(), 'x');  // the views would now show garbage
    }
    REQUIRE(owned.dateline);
    CHECK(owned.dateline->locations == std::vector<std::string>{"VALDORA"});
    CHECK(owned.dateline->date == std::string("Feb 3"));
    CHECK(owned.dateline->month == 2);
    CHECK(owned.dateline->day == 3);
    CHECK(owned.byline.authors.at(0).name == "Ines Moreau");
    CHECK(owned.paragraphs == std::vector<std::string>{"Ferries resumed."});  // wrap collapsed
    REQUIRE(owned.credits.size() == 2);
    CHECK(owned.credits[0].people.at(0).location == std::string("Valdora"));
    CHECK(owned.credits[1].role == wirestory::credit_role::editing);
}

TEST_CASE("article: collapse_whitespace") {
    CHECK(wirestory::collapse_whitespace("  a \n\n b\t c  ") == "a b c");
    CHECK(wirestory::collapse_whitespace("") == "");
    CHECK(wirestory::collapse_whitespace("\xC2\xA0x\xE2\x80\x89y\xC2\xA0") == "x y");
}

TEST_CASE("article: enum names") {
    CHECK(wirestory::to_string(wirestory::credit_role::additional_reporting) == "additional reporting");
    CHECK(wirestory::to_string(wirestory::credit_role::fact_checking) == "fact-checking");
    CHECK(wirestory::to_string(wirestory::errc::repaired_separator) == "repaired_separator");
    CHECK(std::string(WIRESTORY_VERSION_STRING).size() >= 5);
}
