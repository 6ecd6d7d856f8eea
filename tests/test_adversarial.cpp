// Adversarial input: every hostile story gives a DEFINED result (the fields below), every
// view lies inside the input, every repair or skip has a diagnostic at its byte offset, and
// the JSON is valid UTF-8. Findings of the fuzz targets (tests/fuzz/) are the TEST_CASEs
// named "finding: ...".
#include <wirestory/parse.hpp>
#include <doctest/doctest.h>

#include <wirestory/byline.hpp>
#include <wirestory/credits.hpp>
#include <wirestory/json.hpp>

#include "test_helpers.hpp"

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

using wirestory::errc;
using wirestory_test::names;
using wirestory_test::sv;
using wirestory_test::valid_utf8;
using wirestory_test::views_outside;

namespace {

/// The codes of the diagnostics, in order.
std::vector<errc> codes(const wirestory::article_view& a) {
    std::vector<errc> out;
    for (const auto& d : a.diagnostics) out.push_back(d.code);
    return out;
}

/// JSON of `a`, checked to be valid UTF-8 and to be what the owning copy gives too.
std::string checked_json(const wirestory::article_view& a) {
    std::string json = wirestory::to_json(a, wirestory::json_options{false});
    CHECK(valid_utf8(json));
    CHECK(wirestory::to_json(wirestory::to_owned(a), wirestory::json_options{false}) == json);
    return json;
}

bool contains(std::string_view hay, std::string_view needle) {
    return hay.find(needle) != std::string_view::npos;
}

constexpr std::string_view plain_story =
    "By Ines Moreau\n\nPORT ELLIS, Nov 19 (Reuters) - The council voted.\n\nTurnout was low.\n\n"
    "(Reporting by Ines Moreau; Editing by Karl Benedek)";

/// Views with their white space collapsed, as JSON and `to_owned` give them.
template <class People>
std::vector<std::string> collapsed_names(const People& people) {
    std::vector<std::string> out;
    for (const auto& p : people) out.push_back(wirestory::collapse_whitespace(p.name));
    return out;
}
using strings = std::vector<std::string>;

/// The fields every variant of `plain_story` must give (white space may be any kind).
void check_plain_fields(std::string_view input, const wirestory::article_view& a) {
    CHECK(views_outside(input, a) == 0);
    CHECK(collapsed_names(a.byline.authors) == strings{"Ines Moreau"});
    REQUIRE(a.dateline);
    REQUIRE(a.dateline->locations.size() == 1);
    CHECK(wirestory::collapse_whitespace(a.dateline->locations[0]) == "PORT ELLIS");
    CHECK(a.dateline->month == 11);
    CHECK(a.dateline->day == 19);
    CHECK(a.dateline->agency == std::string_view("Reuters"));
    REQUIRE(a.paragraphs.size() == 2);
    CHECK(wirestory::collapse_whitespace(a.paragraphs[0]) == "The council voted.");
    CHECK(wirestory::collapse_whitespace(a.paragraphs[1]) == "Turnout was low.");
    REQUIRE(a.credits.size() == 2);
    CHECK(collapsed_names(a.credits[0].people) == strings{"Ines Moreau"});
    CHECK(collapsed_names(a.credits[1].people) == strings{"Karl Benedek"});
    CHECK(a.diagnostics.empty());
}

std::string replace_all(std::string s, std::string_view from, std::string_view to) {
    for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
        s.replace(at, from.size(), to);
    return s;
}

} // namespace

TEST_CASE("adversarial: the validator used here") {
    CHECK(valid_utf8("H\xC3\xBCseyin \xE2\x80\x94 \xF0\x9F\x93\xB0"));
    CHECK_FALSE(valid_utf8("\xC0\xAF"));          // overlong
    CHECK_FALSE(valid_utf8("\xED\xA0\x80"));      // surrogate
    CHECK_FALSE(valid_utf8("\x80"));              // lone continuation
    CHECK_FALSE(valid_utf8("\xE2\x80"));          // truncated
    CHECK_FALSE(valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
}

TEST_CASE("adversarial: nothing to parse") {
    SUBCASE("empty input") {
        std::string_view in = "";
        auto a = wirestory::parse(in);
        CHECK(views_outside(in, a) == 0);
        CHECK(a.paragraphs.empty());
        CHECK_FALSE(a.dateline);
        CHECK(a.byline.empty());
        REQUIRE(a.diagnostics.size() == 1);
        CHECK(a.diagnostics[0].code == errc::empty_input);
        CHECK(a.diagnostics[0].offset == 0);
        checked_json(a);
    }
    SUBCASE("only white space, ASCII and Unicode") {
        std::string_view in = " \t\r\n \xC2\xA0 \xE2\x80\x89\n\xE3\x80\x80\r\n";
        auto a = wirestory::parse(in);
        CHECK(views_outside(in, a) == 0);
        CHECK(a.paragraphs.empty());
        CHECK_FALSE(a.headline);
        CHECK(codes(a) == std::vector<errc>{errc::empty_input});
        CHECK(a.diagnostics[0].offset == 0);
        checked_json(a);
    }
    SUBCASE("a lone By is a one-word paragraph, not a byline") {
        for (std::string_view in : {"By", "By\n", "  By  ", "BY:"}) {
            CAPTURE(in);
            auto a = wirestory::parse(in);
            CHECK(views_outside(in, a) == 0);
            CHECK(a.byline.empty());
            CHECK(a.byline.text.empty());
            REQUIRE(a.paragraphs.size() == 1);
            CHECK(a.paragraphs[0] == wirestory::detail::trim(in));
            CHECK(a.diagnostics.empty());
            CHECK_FALSE(wirestory::parse_byline(in));
        }
    }
    SUBCASE("a lone (Reuters) - is a paragraph, not a dateline") {
        std::string_view in = "(Reuters) -";
        auto a = wirestory::parse(in);
        CHECK(views_outside(in, a) == 0);
        CHECK_FALSE(a.dateline);
        CHECK(a.paragraphs == sv{"(Reuters) -"});
        CHECK(a.diagnostics.empty());
        CHECK_FALSE(wirestory::parse_dateline(in));
    }
}

TEST_CASE("adversarial: control bytes") {
    SUBCASE("a NUL inside a paragraph is kept, reported and escaped") {
        std::string in = "PORT ELLIS, Nov 19 (Reuters) - The council";
        const std::size_t nul = in.size();
        in += std::string(1, '\0') + " voted.\n\nTurnout was low.";
        auto a = wirestory::parse(in);
        CHECK(views_outside(in, a) == 0);
        REQUIRE(a.dateline);
        CHECK(a.dateline->locations == sv{"PORT ELLIS"});
        REQUIRE(a.paragraphs.size() == 2);
        CHECK(a.paragraphs[0] == std::string_view("The council\0 voted.", 19));
        CHECK(a.paragraphs[1] == "Turnout was low.");
        REQUIRE(a.diagnostics.size() == 1);
        CHECK(a.diagnostics[0].code == errc::control_character);
        CHECK(a.diagnostics[0].offset == nul);
        CHECK(contains(checked_json(a), "The council\\u0000 voted."));
    }
    SUBCASE("only NUL bytes: one paragraph, one diagnostic at 0") {
        std::string in(3, '\0');
        auto a = wirestory::parse(in);
        CHECK(views_outside(in, a) == 0);
        CHECK(a.paragraphs.size() == 1);
        CHECK(codes(a) == std::vector<errc>{errc::control_character});
        CHECK(a.diagnostics[0].offset == 0);
        CHECK(contains(checked_json(a), "\"\\u0000\\u0000\\u0000\""));
    }
}

TEST_CASE("adversarial: the word-at-a-time byte check agrees with a byte-by-byte one") {
    // The story scan stops at every byte that check_bytes used to report and at line ends and
    // colons; eight and sixty-four bytes at a time, every byte value at every position must be
    // judged as the byte-wise rule judges it.
    const auto stop_byte = [](unsigned char c) { return c < 0x20 || c >= 0x7F || c == ':'; };
    int disagreements = 0, mask_disagreements = 0;
    for (int value = 0; value < 256; ++value) {
        for (int at = 0; at < 8; ++at) {
            unsigned char bytes[8] = {'a', 'b', ' ', '\n', 'Z', '9', '~', '\t'};
            bytes[at] = static_cast<unsigned char>(value);
            std::uint64_t w;
            std::memcpy(&w, bytes, 8);
            const std::uint64_t m = wirestory::detail::story_stop_bytes8(w);
            unsigned char flags[8];
            std::memcpy(flags, &m, 8);
            for (int k = 0; k < 8; ++k)
                if (((flags[k] & 0x80) != 0) != stop_byte(bytes[k]) || (flags[k] & 0x7F) != 0) ++mask_disagreements;
            if (wirestory::detail::is_story_stop(static_cast<char>(value)) != stop_byte(static_cast<unsigned char>(value)))
                ++disagreements;
        }
        for (int at = 0; at < 64; ++at) {
            for (unsigned char background : {'a', ':', ' ', '\xC3'}) {
                unsigned char bytes[64];
                std::memset(bytes, background, sizeof bytes);
                bytes[at] = static_cast<unsigned char>(value);
                const std::uint64_t stops = wirestory::detail::story_stops64(reinterpret_cast<const char*>(bytes));
                for (int k = 0; k < 64; ++k)
                    if ((((stops >> k) & 1u) != 0) != stop_byte(bytes[k])) ++disagreements;
            }
        }
    }
    CHECK(disagreements == 0);
    CHECK(mask_disagreements == 0);
    SUBCASE("every pair of neighbouring byte values") {  // carries between bytes would show here
        int pair_disagreements = 0;
        for (int a = 0; a < 256; ++a)
            for (int b = 0; b < 256; ++b) {
                unsigned char bytes[8] = {'x', 'x', 'x', static_cast<unsigned char>(a), static_cast<unsigned char>(b), 'x', 'x', 'x'};
                std::uint64_t w;
                std::memcpy(&w, bytes, 8);
                const std::uint64_t m = wirestory::detail::story_stop_bytes8(w);
                unsigned char flags[8];
                std::memcpy(flags, &m, 8);
                for (int k = 0; k < 8; ++k)
                    if (((flags[k] & 0x80) != 0) != stop_byte(bytes[k])) ++pair_disagreements;
                unsigned char wide[64];
                std::memset(wide, 'x', sizeof wide);
                wide[15] = bytes[3];  // across the sixteen-byte halves of the SSE2 path
                wide[16] = bytes[4];
                const std::uint64_t stops = wirestory::detail::story_stops64(reinterpret_cast<const char*>(wide));
                if (stops != ((stop_byte(bytes[3]) ? 1ull << 15 : 0) | (stop_byte(bytes[4]) ? 1ull << 16 : 0)))
                    ++pair_disagreements;
            }
        CHECK(pair_disagreements == 0);
    }
    SUBCASE("vertical tab and form feed inside plain text are not reported") {
        std::string in = "PORT ELLIS, Nov 19 (Reuters) - The harbour council met late on Tuesday.\v\f "
                         "It voted for the new ferry timetable and adjourned.";
        auto a = wirestory::parse(in);
        CHECK(a.diagnostics.empty());
    }
    SUBCASE("a control byte anywhere in a long plain paragraph is found at its offset") {
        const std::string prose = "PORT ELLIS, Nov 19 (Reuters) - The harbour council met late "
                                  "on Tuesday and voted for the new ferry timetable.\n";
        for (std::size_t at = 31; at < 110; ++at) {
            std::string in = prose + prose;
            in[at] = '\x01';
            auto a = wirestory::parse(in);
            CAPTURE(at);
            REQUIRE(codes(a) == std::vector<errc>{errc::control_character});
            CHECK(a.diagnostics[0].offset == at);
        }
    }
}

TEST_CASE("adversarial: byte order marks") {
    SUBCASE("a BOM at the start is white space") {
        std::string in = "\xEF\xBB\xBF" + std::string(plain_story);
        auto a = wirestory::parse(in);
        check_plain_fields(in, a);
    }
    SUBCASE("a BOM in the middle is white space: kept in the view, a space in JSON") {
        std::string_view in = "PORT ELLIS, Nov 19 (Reuters) - The council \xEF\xBB\xBFvoted. The coun\xEF\xBB\xBF" "cil met.";
        auto a = wirestory::parse(in);
        CHECK(views_outside(in, a) == 0);
        REQUIRE(a.dateline);
        CHECK(a.dateline->locations == sv{"PORT ELLIS"});
        REQUIRE(a.paragraphs.size() == 1);
        CHECK(contains(a.paragraphs[0], "\xEF\xBB\xBF"));
        CHECK(wirestory::collapse_whitespace(a.paragraphs[0]) == "The council voted. The coun cil met.");
        CHECK(a.diagnostics.empty());  // valid UTF-8, not a control byte
        CHECK(contains(checked_json(a), "\"The council voted. The coun cil met.\""));
    }
}

TEST_CASE("adversarial: invalid UTF-8") {
    // The first bad byte is reported once, at its offset; JSON writes U+FFFD per bad byte.
    constexpr std::string_view head = "PORT ELLIS, Nov 19 (Reuters) - The ";
    struct bad_case {
        const char* name;
        std::string_view bytes;
        const char* json;  // the paragraph as JSON writes it
    };
    const bad_case cases[] = {
        {"overlong '/'", "\xC0\xAF", "The \xEF\xBF\xBD\xEF\xBF\xBD council voted."},
        {"overlong 3-byte", "\xE0\x80\xAF", "The \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD council voted."},
        {"lone continuation bytes", "\x80\xBF", "The \xEF\xBF\xBD\xEF\xBF\xBD council voted."},
        {"surrogate U+D800", "\xED\xA0\x80", "The \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD council voted."},
        {"above U+10FFFF", "\xF4\x90\x80\x80",
         "The \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD council voted."},
        {"0xFF", "\xFF", "The \xEF\xBF\xBD council voted."},
    };
    for (const auto& c : cases) {
        CAPTURE(c.name);
        std::string in = std::string(head) + std::string(c.bytes) + " council voted.";
        auto a = wirestory::parse(in);
        CHECK(views_outside(in, a) == 0);
        REQUIRE(a.dateline);
        CHECK(a.dateline->locations == sv{"PORT ELLIS"});
        REQUIRE(a.paragraphs.size() == 1);
        CHECK(codes(a) == std::vector<errc>{errc::invalid_utf8});
        CHECK(a.diagnostics[0].offset == head.size());
        CHECK(contains(checked_json(a), std::string("\"") + c.json + "\""));
    }
    SUBCASE("truncated sequences at the very end") {
        for (std::string_view tail : {"\xC3", "\xE2\x80", "\xF0\x9F\x93"}) {
            std::string in = std::string(head) + "council voted " + std::string(tail);
            auto a = wirestory::parse(in);
            CAPTURE(tail.size());
            CHECK(views_outside(in, a) == 0);
            REQUIRE(a.paragraphs.size() == 1);
            CHECK(codes(a) == std::vector<errc>{errc::invalid_utf8});
            CHECK(a.diagnostics[0].offset == in.size() - tail.size());
            std::string fffd;
            for (std::size_t k = 0; k < tail.size(); ++k) fffd += "\xEF\xBF\xBD";
            CHECK(contains(checked_json(a), "\"The council voted " + fffd + "\""));
        }
    }
    SUBCASE("only the first of many bad sequences is reported") {
        std::string in = std::string(head) + "\x80 council \xFF voted.";
        auto a = wirestory::parse(in);
        CHECK(codes(a) == std::vector<errc>{errc::invalid_utf8});
        CHECK(a.diagnostics[0].offset == head.size());
        checked_json(a);
    }
}

TEST_CASE("adversarial: line ends") {
    SUBCASE("LF, CRLF and CR alone give the same story") {
        std::string lf(plain_story);
        check_plain_fields(lf, wirestory::parse(lf));
        std::string crlf = replace_all(lf, "\n", "\r\n");
        check_plain_fields(crlf, wirestory::parse(crlf));
        std::string cr = replace_all(lf, "\n", "\r");
        check_plain_fields(cr, wirestory::parse(cr));
    }
    SUBCASE("mixed in one story") {
        std::string_view in =
            "By Ines Moreau\r\n\r\nPORT ELLIS, Nov 19 (Reuters) - The council voted.\r\rTurnout was low.\n\r\n"
            "(Reporting by Ines Moreau; Editing by Karl Benedek)\r";
        check_plain_fields(in, wirestory::parse(in));
    }
    SUBCASE("a hard-wrapped paragraph with CR line ends stays one paragraph") {
        std::string_view in = "PORT ELLIS, Nov 19 (Reuters) - The council\rvoted on\r\nTuesday.";
        auto a = wirestory::parse(in);
        CHECK(views_outside(in, a) == 0);
        REQUIRE(a.paragraphs.size() == 1);
        CHECK(wirestory::collapse_whitespace(a.paragraphs[0]) == "The council voted on Tuesday.");
    }
}

TEST_CASE("adversarial: Unicode spaces, dashes and quotes around every token") {
    SUBCASE("NBSP, thin, narrow and ideographic spaces between every token") {
        std::string in = replace_all(std::string(plain_story), " ", "\xC2\xA0");
        in = replace_all(in, "Moreau\n", "Moreau\xE2\x80\x89\n");                 // thin space
        in = replace_all(in, "PORT\xC2\xA0" "ELLIS", "PORT\xE2\x80\xAF" "ELLIS"); // narrow NBSP
        in = replace_all(in, "Turnout\xC2\xA0", "Turnout\xE3\x80\x80");           // ideographic
        in = "\xE2\x80\x89" + in + "\xC2\xA0";
        auto a = wirestory::parse(in);
        check_plain_fields(in, a);
        CHECK(contains(checked_json(a), "\"The council voted.\""));
    }
    SUBCASE("an em or en dash closes the dateline like a hyphen") {
        for (std::string_view dash : {"\xE2\x80\x94", "\xE2\x80\x93", "--"}) {
            std::string in = replace_all(std::string(plain_story), "(Reuters) -", "(Reuters) " + std::string(dash));
            CAPTURE(dash);
            check_plain_fields(in, wirestory::parse(in));
        }
    }
    SUBCASE("dashes instead of every space: no byline, no dateline; headline and paragraph") {
        std::string_view in = "By\xE2\x80\x94Ines\xE2\x80\x93Moreau\n\n"
                              "PORT\xE2\x80\x94" "ELLIS,\xE2\x80\x93Nov\xE2\x80\x94" "19\xE2\x80\x93(Reuters)\xE2\x80\x94The\xE2\x80\x93" "council";
        auto a = wirestory::parse(in);
        CHECK(views_outside(in, a) == 0);
        CHECK(a.byline.empty());
        CHECK_FALSE(a.dateline);
        CHECK(a.headline == std::string_view("By\xE2\x80\x94Ines\xE2\x80\x93Moreau"));
        REQUIRE(a.paragraphs.size() == 1);
        CHECK(a.paragraphs[0].substr(0, 4) == "PORT");
        CHECK(a.diagnostics.empty());
        checked_json(a);
    }
    SUBCASE("curly quotes around every token: nothing is a name or a place") {
        std::string_view in =
            "\xE2\x80\x9C" "By\xE2\x80\x9D \xE2\x80\x9CInes\xE2\x80\x9D \xE2\x80\x9CMoreau\xE2\x80\x9D\n\n"
            "\xE2\x80\x98PORT\xE2\x80\x99 \xE2\x80\x98" "ELLIS,\xE2\x80\x99 \xE2\x80\x9CNov\xE2\x80\x9D \xE2\x80\x9C"
            "19\xE2\x80\x9D (Reuters) \xE2\x80\x94 \xE2\x80\x9CThe\xE2\x80\x9D \xE2\x80\x9C" "council\xE2\x80\x9D "
            "\xE2\x80\x9Cvoted.\xE2\x80\x9D";
        auto a = wirestory::parse(in);
        CHECK(views_outside(in, a) == 0);
        CHECK(a.byline.empty());
        CHECK_FALSE(a.dateline);
        CHECK(a.headline == std::string_view("\xE2\x80\x9C" "By\xE2\x80\x9D \xE2\x80\x9CInes\xE2\x80\x9D \xE2\x80\x9CMoreau\xE2\x80\x9D"));
        REQUIRE(a.paragraphs.size() == 1);
        CHECK(a.paragraphs[0].substr(0, 7) == "\xE2\x80\x98PORT");
        CHECK(a.diagnostics.empty());
        CHECK(valid_utf8(checked_json(a)));
    }
    SUBCASE("curly apostrophes inside names are part of the name") {
        std::string_view in = "By Sean O\xE2\x80\x99Neill\n\nPORT ELLIS, Nov 19 (Reuters) - The council voted.";
        auto a = wirestory::parse(in);
        CHECK(views_outside(in, a) == 0);
        CHECK(names(a.byline.authors) == sv{"Sean O\xE2\x80\x99Neill"});
        REQUIRE(a.dateline);
    }
}

TEST_CASE("adversarial: parentheses in credits") {
    SUBCASE("one balanced aside in a name is kept") {
        std::string_view in = "The council voted.\n\n(Reporting by Ines (Nessa) Moreau; Editing by Karl Benedek)";
        auto a = wirestory::parse(in);
        CHECK(views_outside(in, a) == 0);
        REQUIRE(a.credits.size() == 2);
        CHECK(names(a.credits[0].people) == sv{"Ines (Nessa) Moreau"});
        CHECK(a.diagnostics.empty());
    }
    SUBCASE("a missing ')' is reported where the '(' is") {
        std::string_view in = "The council voted.\n\n(Reporting by Ines Moreau; Editing by Karl Benedek";
        auto a = wirestory::parse(in);
        CHECK(views_outside(in, a) == 0);
        CHECK(a.paragraphs == sv{"The council voted."});
        REQUIRE(a.credits.size() == 2);
        CHECK(names(a.credits[1].people) == sv{"Karl Benedek"});
        CHECK(codes(a) == std::vector<errc>{errc::unbalanced_parenthesis});
        CHECK(a.diagnostics[0].offset == in.find('('));
        checked_json(a);
    }
    SUBCASE("a stray ')' ends the block, is reported, and what follows stays a paragraph") {
        std::string_view in = "The council voted.\n\nReporting by Ines Moreau; Editing by Karl Benedek))";
        auto a = wirestory::parse(in);
        CHECK(views_outside(in, a) == 0);
        REQUIRE(a.credits.size() == 2);
        CHECK(names(a.credits[1].people) == sv{"Karl Benedek"});
        CHECK(a.paragraphs == sv{"The council voted.", "))"});
        CHECK(codes(a) == std::vector<errc>{errc::unbalanced_parenthesis});
        CHECK(a.diagnostics[0].offset == in.find(')'));
    }
    SUBCASE("100,000 ';' between the roles are empty separators") {
        std::string in = "The council voted.\n\n(Reporting by Ines Moreau" + std::string(100000, ';') +
                         " Editing by Karl Benedek)";
        auto a = wirestory::parse(in);
        CHECK(views_outside(in, a) == 0);
        CHECK(a.paragraphs == sv{"The council voted."});
        REQUIRE(a.credits.size() == 2);
        CHECK(a.credits[0].role == wirestory::credit_role::reporting);
        CHECK(names(a.credits[0].people) == sv{"Ines Moreau"});
        CHECK(a.credits[1].role == wirestory::credit_role::editing);
        CHECK(names(a.credits[1].people) == sv{"Karl Benedek"});
        CHECK(a.diagnostics.empty());
        checked_json(a);
    }
    SUBCASE("100,000 names separated by ';'") {
        std::string in = "The council voted.\n\n(Reporting by Ines Moreau";
        for (int k = 0; k < 100000; ++k) in += "; Karl Benedek";
        in += "; Editing by Lena Okafor)";
        auto a = wirestory::parse(in);
        CHECK(views_outside(in, a) == 0);
        REQUIRE(a.credits.size() == 2);
        CHECK(a.credits[0].people.size() == 100001);
        CHECK(a.credits[0].people.back().name == "Karl Benedek");
        CHECK(names(a.credits[1].people) == sv{"Lena Okafor"});
        CHECK(a.diagnostics.empty());
    }
}

TEST_CASE("finding: credit names kept nested or unbalanced brackets") {
    // fuzz_credits: "Reporting by A (((in (B (C)))))" gave the name "A (((in (B (C)))))", and
    // "(Reporting by A((((...; Editing by B)" the names "A((((..." and "B)". A name may hold
    // one balanced aside ("Ann (Annie) Brook") and nothing more: such a block is no credit.
    SUBCASE("nested brackets") {
        std::string_view block = "(Reporting by Ines Moreau (((in (Port (Ellis))))); Editing by Karl Benedek)";
        CHECK(wirestory::parse_credits(block).empty());
        std::string in = "The council voted.\n\n" + std::string(block);
        auto a = wirestory::parse(in);
        CHECK(views_outside(in, a) == 0);
        CHECK(a.credits.empty());
        CHECK(a.paragraphs == sv{"The council voted.", block});
        CHECK(a.diagnostics.empty());
    }
    SUBCASE("10,000 unclosed '(' glued to a name") {
        std::string block = "(Reporting by Ines Moreau" + std::string(10000, '(') + "; Editing by Karl Benedek)";
        CHECK(wirestory::parse_credits(block).empty());
        std::string in = "The council voted.\n\n" + block;
        auto a = wirestory::parse(in);
        CHECK(views_outside(in, a) == 0);
        CHECK(a.credits.empty());
        REQUIRE(a.paragraphs.size() == 2);
        CHECK(a.paragraphs[1].size() == block.size());
        checked_json(a);
    }
    SUBCASE("a ')' inside a name or a place") {
        // A stray ')' outside brackets ends the block (reported), so the name is "Ines".
        std::string_view stray = "Reporting by Ines) Moreau; Editing by Karl Benedek";
        std::vector<wirestory::credit_view> out;
        std::vector<wirestory::diagnostic> diags;
        const auto style = wirestory::detail::describe<wirestory::default_style>();
        CHECK(wirestory::detail::parse_credits(stray, out, style, {&diags, stray.data()}) == stray.find(')'));
        REQUIRE(out.size() == 1);
        CHECK(names(out[0].people) == sv{"Ines"});
        REQUIRE(diags.size() == 1);
        CHECK(diags[0].code == errc::unbalanced_parenthesis);
        CHECK(diags[0].offset == stray.find(')'));
        CHECK(wirestory::parse_credits("Reporting by Ines Moreau in Port (Ellis; Editing by Karl Benedek").empty());
        auto ok = wirestory::parse_credits("(Reporting by Ines Moreau in Port Ellis; Editing by Karl Benedek)");
        REQUIRE(ok.size() == 2);
        REQUIRE(ok[0].people.size() == 1);
        CHECK(ok[0].people[0].location == std::string_view("Port Ellis"));
    }
}

TEST_CASE("finding: a byline of 100,000 authors was dropped and hid the dateline") {
    // fuzz_byline/fuzz_parse: a names list longer than the byline scanner reads (96 tokens)
    // was no byline at all; the story then began with that line as its first paragraph and
    // the dateline after it was never looked for. Now the first authors are kept, the byline
    // is the whole line, and errc::truncated marks the first token not read.
    std::string line = "By Ines Moreau";
    for (int k = 0; k < 100000; ++k) line += ", Karl Benedek";
    line += " and Lena Okafor";
    // Tokens: By, Ines, Moreau, then ",", Karl, Benedek per author; token 96 is the comma
    // before the 33rd author.
    const std::size_t first_unread = 14 + 31 * 14;

    SUBCASE("in a story") {
        std::string in = line + "\n\nPORT ELLIS, Nov 19 (Reuters) - The council voted.";
        auto a = wirestory::parse(in);
        CHECK(views_outside(in, a) == 0);
        REQUIRE(a.byline.authors.size() == 32);
        CHECK(a.byline.authors.front().name == "Ines Moreau");
        CHECK(a.byline.authors.back().name == "Karl Benedek");
        CHECK(a.byline.text.size() == line.size());
        REQUIRE(a.dateline);
        CHECK(a.dateline->locations == sv{"PORT ELLIS"});
        CHECK(a.paragraphs == sv{"The council voted."});
        REQUIRE(a.diagnostics.size() == 1);
        CHECK(a.diagnostics[0].code == errc::truncated);
        CHECK(a.diagnostics[0].offset == first_unread);
        CHECK(in[first_unread] == ',');
        checked_json(a);
    }
    SUBCASE("the part parser alone") {
        wirestory::byline_view out;
        std::vector<wirestory::diagnostic> diags;
        const auto style = wirestory::detail::describe<wirestory::default_style>();
        std::string text = line + "\nPORT ELLIS (Reuters) - Lead.";
        std::size_t n = wirestory::detail::parse_byline(text, out, style, {&diags, text.data()});
        CHECK(n == line.size());
        CHECK(out.authors.size() == 32);
        REQUIRE(diags.size() == 1);
        CHECK(diags[0].code == errc::truncated);
        CHECK(diags[0].offset == first_unread);
        auto pub = wirestory::parse_byline(line);
        REQUIRE(pub);
        CHECK(pub->authors.size() == 32);
    }
    SUBCASE("a sentence of 100 words that starts with By is still no byline") {
        std::string s = "By the time the council met";
        for (int k = 0; k < 100; ++k) s += " again";
        s += ".";
        CHECK_FALSE(wirestory::parse_byline(s));
    }
    SUBCASE("a long line of names with CR line ends stops at the CR") {
        std::string in = line + "\r\rPORT ELLIS, Nov 19 (Reuters) - The council voted.";
        wirestory::byline_view out;
        const auto style = wirestory::detail::describe<wirestory::default_style>();
        CHECK(wirestory::detail::parse_byline(in, out, style, {}) == line.size());
        auto a = wirestory::parse(in);
        CHECK(a.byline.authors.size() == 32);
        CHECK(a.dateline);
    }
}

TEST_CASE("adversarial: a multi-MB single line") {
    std::string in = "PORT ELLIS, Nov 19 (Reuters) - ";
    const std::size_t head = in.size();
    while (in.size() < (2u << 20)) in += "The council voted to widen the harbour, officials said. ";
    auto a = wirestory::parse(in);
    CHECK(views_outside(in, a) == 0);
    REQUIRE(a.dateline);
    CHECK(a.dateline->locations == sv{"PORT ELLIS"});
    REQUIRE(a.paragraphs.size() == 1);
    CHECK(a.paragraphs[0].data() == in.data() + head);
    CHECK(a.paragraphs[0].size() == in.size() - head - 1);  // trailing space trimmed
    CHECK(a.diagnostics.empty());
    std::string json = checked_json(a);
    CHECK(json.size() > in.size() - head);
}

TEST_CASE("finding: a broken 3-byte sequence before an ASCII byte was read as a Unicode space") {
    // fuzz_dateline: "\xE2\x80" followed by any byte up to 0x8A (a space, a letter) passed
    // for U+2000..U+200A, so the ASCII byte was swallowed as white space; JSON of the view
    // and of its owning copy then differed ("(AP) \uFFFD\uFFFD TN" vs "(AP) TN").
    CHECK(wirestory::detail::space_len("\xE2\x80 ", 0) == 0);
    CHECK(wirestory::detail::space_len("\xE2\x80" "A", 0) == 0);
    CHECK(wirestory::detail::space_len("\xE2\x80\x89", 0) == 3);  // a real thin space
    CHECK(wirestory::detail::trim("x\xE2\x80 ") == "x\xE2\x80");

    std::string_view in = "PORT ELLIS, Nov 19 (Reuters) - The \xE2\x80" "Alpha \xE2\x80\xE2\x80 council voted.";
    auto a = wirestory::parse(in);
    CHECK(views_outside(in, a) == 0);
    REQUIRE(a.paragraphs.size() == 1);
    CHECK(codes(a) == std::vector<errc>{errc::invalid_utf8});
    CHECK(a.diagnostics[0].offset == in.find('\xE2'));
    std::string json = checked_json(a);  // also: JSON of to_owned(a) is the same
    CHECK(contains(json, "\"The \xEF\xBF\xBD\xEF\xBF\xBD" "Alpha \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD council voted.\""));
}
