// libFuzzer target: the dateline parser on its own (detail::parse_dateline and the public
// wirestory::parse_dateline).
//   clang++ -std=c++17 -O1 -g -fsanitize=fuzzer,address,undefined -Iinclude tests/fuzz/fuzz_dateline.cpp
#include <wirestory/dateline.hpp>
#include <wirestory/json.hpp>

#include "fuzz_common.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

namespace {

using namespace wirestory_fuzz;

std::string run(std::string_view text, wirestory::dateline_view& out, const wirestory::detail::style_desc& style,
                std::size_t& lead) {
    std::vector<wirestory::diagnostic> diags;
    lead = wirestory::detail::parse_dateline(text, out, style, wirestory::detail::sink{&diags, text.data()});
    WIRESTORY_FUZZ_CHECK(lead <= text.size());
    check_diagnostics(text, diags);
    wirestory::article_view a;
    if (lead != 0) {
        check_dateline(text.substr(0, lead), out);  // the dateline lies before the lead
        a.dateline = out;
        // The lead paragraph that follows does not overlap the dateline.
        std::string_view rest = wirestory::detail::trim(text.substr(lead));
        if (!rest.empty()) a.paragraphs.push_back(rest);
    }
    return check_article(text, a);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string buffer(reinterpret_cast<const char*>(data), size);
    std::string_view input = buffer;
    const auto reuters = wirestory::detail::describe<wirestory::reuters_style>();
    const auto generic = wirestory::detail::describe<wirestory::base_style>();

    wirestory::dateline_view out;
    std::size_t lead = 0, again = 0, other = 0;
    std::string json = run(input, out, reuters, lead);
    run(input, out, generic, other);
    // `out` now holds an earlier result: reusing it changes nothing.
    WIRESTORY_FUZZ_CHECK(run(input, out, reuters, again) == json);
    WIRESTORY_FUZZ_CHECK(again == lead);

    auto pub = wirestory::parse_dateline<wirestory::reuters_style>(input);  // the style `run` used
    WIRESTORY_FUZZ_CHECK(pub.has_value() == (lead != 0));
    if (pub) {
        WIRESTORY_FUZZ_CHECK(pub->text == out.text && pub->text.data() == out.text.data());
        WIRESTORY_FUZZ_CHECK(pub->locations == out.locations);
        WIRESTORY_FUZZ_CHECK(pub->month == out.month && pub->day == out.day);
    }
    return 0;
}
