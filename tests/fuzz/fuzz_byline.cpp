// libFuzzer target: the byline parser on its own (detail::parse_byline in both modes and
// the public wirestory::parse_byline).
//   clang++ -std=c++17 -O1 -g -fsanitize=fuzzer,address,undefined -Iinclude tests/fuzz/fuzz_byline.cpp
#include <wirestory/byline.hpp>
#include <wirestory/json.hpp>

#include "fuzz_common.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

namespace {

using namespace wirestory_fuzz;

// Runs the detail parser into `out` (which may hold an earlier result) and checks it.
std::size_t run(std::string_view text, wirestory::byline_view& out, const wirestory::detail::style_desc& style,
                wirestory::detail::byline_mode mode) {
    std::vector<wirestory::diagnostic> diags;
    const wirestory::detail::sink sink{&diags, text.data()};
    std::size_t n = wirestory::detail::parse_byline(text, out, style, sink, mode);
    WIRESTORY_FUZZ_CHECK(n <= text.size());
    check_diagnostics(text, diags);
    if (n == 0) {
        WIRESTORY_FUZZ_CHECK(out.text.empty() && out.authors.empty());
        return 0;
    }
    WIRESTORY_FUZZ_CHECK(!out.authors.empty());
    check_byline(text.substr(0, n), out);  // what it took holds the whole byline

    wirestory::article_view a;
    a.byline = out;
    check_article(text, a);
    return n;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string buffer(reinterpret_cast<const char*>(data), size);
    std::string_view input = buffer;
    const auto reuters = wirestory::detail::describe<wirestory::reuters_style>();
    const auto generic = wirestory::detail::describe<wirestory::base_style>();
    using wirestory::detail::byline_mode;

    wirestory::byline_view out;
    std::size_t leading = run(input, out, reuters, byline_mode::leading);
    std::string json_leading;
    {
        wirestory::article_view a;
        a.byline = out;
        json_leading = wirestory::to_json(a);
    }

    // The same `out`, now holding a result, is reused: the answer must not depend on it.
    std::size_t whole = run(input, out, reuters, byline_mode::whole_line);
    if (leading != 0) {
        // Whatever whole_line mode finds starts no later than a leading "By".
        WIRESTORY_FUZZ_CHECK(whole != 0);
    }
    WIRESTORY_FUZZ_CHECK(run(input, out, reuters, byline_mode::leading) == leading);
    {
        wirestory::article_view a;
        a.byline = out;
        WIRESTORY_FUZZ_CHECK(wirestory::to_json(a) == json_leading);
    }
    run(input, out, generic, byline_mode::leading);
    run(input, out, generic, byline_mode::whole_line);

    // The public wrapper is the leading mode.
    auto pub = wirestory::parse_byline<wirestory::reuters_style>(input);  // the style `run` used
    WIRESTORY_FUZZ_CHECK(pub.has_value() == (leading != 0));
    if (pub) {
        wirestory::article_view a;
        a.byline = *pub;
        WIRESTORY_FUZZ_CHECK(wirestory::to_json(a) == json_leading);
    }
    return 0;
}
