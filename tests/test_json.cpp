#include <wirestory/json.hpp>
#include <doctest/doctest.h>

#include <wirestory/parse.hpp>

#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

namespace {
std::string json_string(std::string_view s, bool collapse = true) {
    std::string out;
    wirestory::append_json_string(out, s, collapse);
    return out;
}

/// The string writer's rule, one byte (or one code point) at a time: what the word-at-a-time
/// writer must reproduce exactly.
std::string reference_json_string(std::string_view text, bool collapse) {
    using namespace wirestory::detail;
    static constexpr char hex[] = "0123456789abcdef";
    if (collapse) text = trim(text);
    std::string out = "\"";
    for (std::size_t i = 0; i < text.size();) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (collapse && space_len(text, i)) {
            while (std::size_t sp = space_len(text, i)) i += sp;
            out += ' ';
        } else if (c >= 0x80) {
            std::size_t len = utf8_len(text, i);
            out += len ? std::string(text.substr(i, len)) : std::string("\xEF\xBF\xBD");
            i += len ? len : 1;
        } else if (c == '"' || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
            ++i;
        } else if (c < 0x20 || c == 0x7F) {
            out += "\\u00";
            out += hex[c >> 4];
            out += hex[c & 15];
            ++i;
        } else {
            out += static_cast<char>(c);
            ++i;
        }
    }
    return out + "\"";
}

/// Count the inputs on which the fast writer and the reference disagree (both modes).
int disagreements(const std::string& in) {
    int bad = 0;
    for (bool collapse : {true, false}) {
        if (json_string(in, collapse) != reference_json_string(in, collapse)) {
            ++bad;
            if (bad == 1) {  // show the first one
                CAPTURE(collapse);
                CHECK(json_string(in, collapse) == reference_json_string(in, collapse));
            }
        }
    }
    return bad;
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

TEST_CASE("json: the word-at-a-time string writer agrees with the byte-wise rule") {
    // Inputs long enough for several words, so every position relative to the 8-byte loads
    // (and to the 9-byte limit of the last load) is covered.
    const std::string plain = "Ferries resumed on the north route at dawn";  // 42 bytes
    const std::string tight = "Ferriesresumedonthenorthrouteatdawnxxxxxxx";  // no spaces at all
    SUBCASE("every byte value at every position") {
        int bad = 0;
        for (const std::string& base : {plain, tight})
            for (std::size_t at = 0; at < 26; ++at)
                for (int value = 0; value < 256; ++value) {
                    std::string in = base;
                    in[at] = static_cast<char>(value);
                    bad += disagreements(in);
                    bad += disagreements(in.substr(0, at + 1));  // the byte last
                    bad += disagreements(in.substr(0, at + 9));  // the byte in the last full load
                }
        CHECK(bad == 0);
    }
    SUBCASE("a space, then every byte value, at every position") {
        int bad = 0;
        for (std::size_t at = 0; at + 1 < 26; ++at)
            for (int value = 0; value < 256; ++value)
                for (std::size_t cut : {at + 2, at + 3, at + 9, at + 10, tight.size()}) {
                    std::string in = tight;
                    in[at] = ' ';
                    in[at + 1] = static_cast<char>(value);
                    bad += disagreements(in.substr(0, cut));
                }
        CHECK(bad == 0);
    }
    SUBCASE("multi-byte sequences, white space runs and invalid bytes across word boundaries") {
        const char* pieces[] = {
            "\xC3\xBC",          "\xE2\x82\xAC",      "\xF0\x9F\x93\xB0", "\xC2\xA0",        "\xE2\x80\x89",
            "\xE2\x80\xAF",     "\xE3\x80\x80",      "\xEF\xBB\xBF",     "\xE2\x81\x9F",    " \xC2\xA0 ",
            "  ",                "\r\n",              " \t ",              "\n\n\n",           " \"",
            "\xC3",              "\xE2\x82",          "\xF0\x9F\x93",     "\x80",             "\xFF",
            "\xC0\xAF",          "\xED\xA0\x80",      "\xF4\x90\x80\x80", "\xE0\x80\x80",    "\x7F",
            "\\\"",             "\x01\x1F",          " \xC3\xBC",         "\xC2\xA0\xC3\xBC", "\xE2\x80\x8B"};
        int bad = 0;
        for (const char* piece : pieces)
            for (std::size_t at = 0; at < 26; ++at)
                for (std::size_t cut = at; cut <= plain.size(); ++cut) {
                    std::string in = tight.substr(0, at) + piece + tight.substr(at);
                    bad += disagreements(in.substr(0, cut + std::strlen(piece)));
                    bad += disagreements(in.substr(0, cut + 1));  // cuts inside the piece too
                    std::string spaced = plain.substr(0, at) + piece + plain.substr(at);
                    bad += disagreements(spaced.substr(0, cut + std::strlen(piece)));
                }
        CHECK(bad == 0);
    }
    SUBCASE("long runs: all plain, all special, alternating") {
        int bad = 0;
        for (std::size_t len = 0; len < 40; ++len) {
            bad += disagreements(std::string(len, 'a'));
            bad += disagreements(std::string(len, ' '));
            bad += disagreements(std::string(len, '"'));
            bad += disagreements(std::string(len, '\x80'));
            std::string alt;
            for (std::size_t k = 0; k < len; ++k) alt += k % 2 ? ' ' : 'x';
            bad += disagreements(alt);
            bad += disagreements("x" + alt + " ");
        }
        CHECK(bad == 0);
    }
}

TEST_CASE("json: the word test of the string writer marks the first byte the byte-wise rule looks at") {
    using namespace wirestory::detail;
    // The byte-wise rule for "look at this byte": what json_attention must never miss.
    const auto needs_look = [](const unsigned char* b, int k, bool collapse) {
        const unsigned char c = b[k], next = b[k + 1];
        if (c < 0x20 || c >= 0x7F || c == '"' || c == '\\') return true;
        return collapse && c == ' ' && (next < 0x21 || next >= 0x80);
    };
    int late = 0, spurious = 0;
    for (bool collapse : {true, false})
        for (int first = 0; first < 256; ++first)
            for (int second = 0; second < 256; ++second)
                for (int at = 0; at < 8; ++at) {
                    unsigned char bytes[9] = {'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'};
                    bytes[at] = static_cast<unsigned char>(first);
                    bytes[at + 1] = static_cast<unsigned char>(second);
                    char text[9];
                    std::memcpy(text, bytes, 9);
                    const std::uint64_t m = json_attention(load_le64(text), load_le64(text + 1), collapse);
                    int want = 8;  // the first byte that needs a look, 8 for none
                    for (int k = 7; k >= 0; --k)
                        if (needs_look(bytes, k, collapse)) want = k;
                    const int got = m ? static_cast<int>(first_marked_byte(m)) : 8;
                    late += got > want;
                    // The per-byte tests carry nothing across bytes: the first mark is exact.
                    spurious += got < want;
                }
    CHECK(late == 0);
    CHECK(spurious == 0);
}

TEST_CASE("json: json_next_attention finds the first byte the byte-wise rule looks at, at every offset and length") {
    using namespace wirestory::detail;
    const auto needs_look = [](const std::string& t, std::size_t k, bool collapse) {
        const unsigned char c = static_cast<unsigned char>(t[k]);
        if (c < 0x20 || c >= 0x7F || c == '"' || c == '\\') return true;
        if (!collapse || c != ' ' || k + 1 >= t.size()) return false;
        const unsigned char next = static_cast<unsigned char>(t[k + 1]);
        return next < 0x21 || next >= 0x80;
    };
    const unsigned char seconds[] = {' ', '\t', '\n', 'a', 0x21, 0x20, 0x7F, 0x80, 0xC3, '"', 0x00, 0xFF};
    int wrong = 0, checked = 0;
    for (bool collapse : {true, false})
        for (std::size_t len = 1; len <= 40; ++len)
            for (std::size_t at = 0; at < len; ++at)
                for (int first = 0; first < 256; ++first)
                    for (unsigned char second : seconds) {
                        std::string t(len, 'q');
                        t[at] = static_cast<char>(first);
                        if (at + 1 < len) t[at + 1] = static_cast<char>(second);
                        std::size_t want = len;
                        for (std::size_t k = len; k-- > 0;)
                            if (needs_look(t, k, collapse)) want = k;
                        wrong += json_next_attention(t.data(), 0, len, collapse) != want;
                        ++checked;
                    }
    CHECK(checked > 1000000);
    CHECK(wrong == 0);
}
