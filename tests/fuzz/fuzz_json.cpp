// libFuzzer target: the JSON writer. Three ways in: the article parsed from the bytes, raw
// bytes as a JSON string (collapsed or not), and an article built field by field from the
// bytes (strings with any bytes, any dates, any enum values, any offsets).
//   clang++ -std=c++17 -O1 -g -fsanitize=fuzzer,address,undefined -Iinclude tests/fuzz/fuzz_json.cpp
#include <wirestory/json.hpp>
#include <wirestory/parse.hpp>

#include "fuzz_common.hpp"

#include <fuzzer/FuzzedDataProvider.h>

#include <cstddef>
#include <cstdint>
#include <string>

namespace {

using namespace wirestory_fuzz;

template <class String>
void check_append_members(const wirestory::basic_article<String>& a) {
    // A writer that adds keys of its own around the members ("id", ...).
    std::string out = "{\"id\":7";
    wirestory::append_json_members(out, a, wirestory::json_options{false}, true);
    out += "}";
    WIRESTORY_FUZZ_CHECK(valid_json(out));
    std::string bare = "{";
    wirestory::append_json_members(bare, a, wirestory::json_options{true}, false);
    bare += "}";
    WIRESTORY_FUZZ_CHECK(valid_json(bare));
}

void check_string(std::string_view s) {
    for (bool collapse : {true, false}) {
        std::string out;
        wirestory::append_json_string(out, s, collapse);
        WIRESTORY_FUZZ_CHECK(valid_utf8(out));
        WIRESTORY_FUZZ_CHECK(valid_json(out));
        WIRESTORY_FUZZ_CHECK(out.find('\n') == std::string::npos);
    }
    // Collapsing is what the owning copy does: writing its result again changes nothing.
    std::string a, b;
    wirestory::append_json_string(a, s);
    wirestory::append_json_string(b, wirestory::collapse_whitespace(s));
    WIRESTORY_FUZZ_CHECK(a == b);
}

wirestory::article built(FuzzedDataProvider& in) {
    auto str = [&] { return in.ConsumeRandomLengthString(64); };
    auto opt = [&]() -> std::optional<std::string> {
        if (in.ConsumeBool()) return str();
        return std::nullopt;
    };
    auto list = [&] {
        std::vector<std::string> v(in.ConsumeIntegralInRange<std::size_t>(0, 3));
        for (auto& s : v) s = str();
        return v;
    };
    auto people = [&] {
        std::vector<wirestory::person> v(in.ConsumeIntegralInRange<std::size_t>(0, 3));
        for (auto& p : v) {
            p.name = str();
            p.location = opt();
        }
        return v;
    };
    wirestory::article a;
    a.headline = opt();
    if (in.ConsumeBool()) {
        wirestory::caption c;
        c.text = str();
        c.credit = opt();
        c.agency = opt();
        c.photographers = list();
        c.qualifiers = list();
        c.providers = list();
        c.place = opt();
        if (in.ConsumeBool())
            c.date = wirestory::calendar_date{in.ConsumeIntegral<int>(), in.ConsumeIntegral<int>(),
                                              in.ConsumeIntegral<int>()};
        a.caption = c;
    }
    a.byline.text = str();
    a.byline.authors = people();
    if (in.ConsumeBool()) {
        wirestory::dateline d;
        d.text = str();
        d.locations = list();
        d.date = opt();
        d.month = in.ConsumeIntegral<int>();
        d.day = in.ConsumeIntegral<int>();
        d.agency = opt();
        a.dateline = d;
    }
    a.paragraphs = list();
    a.subheads = list();
    a.credits.resize(in.ConsumeIntegralInRange<std::size_t>(0, 3));
    for (auto& c : a.credits) {
        c.role = static_cast<wirestory::credit_role>(in.ConsumeIntegral<std::uint8_t>());
        c.label = str();
        c.people = people();
        c.desks = list();
    }
    a.corrections = list();
    a.signoff = opt();
    a.diagnostics.resize(in.ConsumeIntegralInRange<std::size_t>(0, 3));
    for (auto& d : a.diagnostics) {
        d.code = static_cast<wirestory::errc>(in.ConsumeIntegral<std::uint8_t>());
        d.message = "fuzzed";
        d.offset = in.ConsumeIntegral<std::size_t>();
    }
    return a;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string buffer(reinterpret_cast<const char*>(data), size);
    std::string_view input = buffer;

    auto parsed = wirestory::parse(input);
    check_article(input, parsed);
    check_append_members(parsed);
    check_string(input);

    FuzzedDataProvider in(data, size);
    wirestory::article a = built(in);
    checked_json(a);
    check_append_members(a);
    // The owned article again through to_owned-style collapsing gives the same JSON.
    return 0;
}
