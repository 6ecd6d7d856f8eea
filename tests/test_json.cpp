#include <wirestory/json.hpp>
#include <doctest/doctest.h>

#include <wirestory/parse.hpp>

#include <string>

namespace {
std::string json_string(std::string_view s, bool collapse = true) {
    std::string out;
    wirestory::append_json_string(out, s, collapse);
    return out;
}
} // namespace

TEST_CASE("json: strings") {
    SUBCASE("escapes quotes, backslashes and control bytes") {
        CHECK(json_string("say \"hi\"") == "\"say \\\"hi\\\"\"");
        CHECK(json_string("a\\b") == "\"a\\\\b\"");
        CHECK(json_string(std::string_view("a\0b", 3)) == "\"a\\u0000b\"");
        CHECK(json_string("a\x1f" "b") == "\"a\\u001fb\"");
    }
    SUBCASE("collapses white space and line wraps") {
        CHECK(json_string("  two\n   words \r\n") == "\"two words\"");
        CHECK(json_string("non\xC2\xA0" "breaking") == "\"non breaking\"");
        CHECK(json_string(" keep \n as is", false) == "\" keep \\u000a as is\"");
    }
    SUBCASE("keeps valid UTF-8, replaces invalid bytes with U+FFFD") {
        CHECK(json_string("H\xC3\xBCseyin") == "\"H\xC3\xBCseyin\"");
        CHECK(json_string("a\xC3") == "\"a\xEF\xBF\xBD\"");                 // truncated at the end
        CHECK(json_string("a\x80z") == "\"a\xEF\xBF\xBDz\"");               // lone continuation
        CHECK(json_string("\xC0\xAF") == "\"\xEF\xBF\xBD\xEF\xBF\xBD\"");   // overlong '/'
        CHECK(json_string("\xED\xA0\x80") == "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");  // surrogate
        CHECK(json_string("\xF0\x9F\x93\xB0") == "\"\xF0\x9F\x93\xB0\"");   // 4-byte emoji
    }
}

TEST_CASE("json: the article object") {
    std::string_view story = "PORT ELLIS, Nov 19 (Reuters) - The council voted.\n\n"
                             "(Reporting by Ines Moreau in Port Ellis; Additional reporting by Karl Benedek)";
    auto a = wirestory::parse(story);

    SUBCASE("compact output is one line with every key in order") {
        std::string j = wirestory::to_json(a, {false});
        CHECK(j.find('\n') == std::string::npos);
        const char* keys[] = {"\"style\":",      "\"headline\":", "\"caption\":",      "\"byline\":",
                              "\"dateline\":",   "\"paragraphs\":", "\"subheads\":", "\"credits\":",
                              "\"contributors\":", "\"corrections\":", "\"signoff\":", "\"diagnostics\":"};
        std::size_t at = 0;
        for (const char* k : keys) {
            std::size_t found = j.find(k);
            CAPTURE(k);
            REQUIRE(found != std::string::npos);
            CHECK(found >= at);
            at = found;
        }
        CHECK(j.find("\"dateline\":{\"locations\":[\"PORT ELLIS\"],\"date\":\"Nov 19\",\"agency\":\"Reuters\","
                     "\"iso_date\":null}") != std::string::npos);
        CHECK(j.find("\"style\":\"reuters\"") != std::string::npos);
        CHECK(j.find("\"role\":\"additional reporting\"") != std::string::npos);
        CHECK(j.find("{\"name\":\"Ines Moreau\",\"location\":\"Port Ellis\"}") != std::string::npos);
        CHECK(j.find("\"headline\":null,\"caption\":null") != std::string::npos);
    }
    SUBCASE("pretty output is indented") {
        std::string j = wirestory::to_json(a);
        CHECK(j.substr(0, 13) == "{\n  \"style\": ");
        CHECK(j.back() == '}');
    }
    SUBCASE("members can follow keys of the caller's own") {
        std::string out = "{\"id\":7";
        wirestory::append_json_members(out, a, {false}, true);
        out += "}";
        CHECK(out.substr(0, 16) == "{\"id\":7,\"style\":");
    }
}

TEST_CASE("json: caption dates and owned articles give the same output") {
    std::string_view story = "Crews repair a pier in Valdora, Westmark, March 5, 2026. REUTERS/Piet Jansen\n\n"
                             "VALDORA (Reuters) - Repairs   began\n on Monday.";
    auto a = wirestory::parse(story);
    REQUIRE(a.caption);
    std::string j = wirestory::to_json(a, {false});
    CHECK(j.find("\"date\":\"2026-03-05\"") != std::string::npos);
    CHECK(j.find("\"Repairs began on Monday.\"") != std::string::npos);
    CHECK(wirestory::to_json(wirestory::to_owned(a), {false}) == j);
}
