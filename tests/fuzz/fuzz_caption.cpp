// libFuzzer target: the caption parser on its own (detail::parse_caption and the public
// wirestory::parse_caption).
//   clang++ -std=c++17 -O1 -g -fsanitize=fuzzer,address,undefined -Iinclude tests/fuzz/fuzz_caption.cpp
#include <wirestory/caption.hpp>
#include <wirestory/json.hpp>

#include "fuzz_common.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

namespace {

using namespace wirestory_fuzz;

std::string run(std::string_view text, wirestory::caption_view& out, const wirestory::detail::style_desc& style,
                std::size_t& took) {
    std::vector<wirestory::diagnostic> diags;
    took = wirestory::detail::parse_caption(text, out, style, wirestory::detail::sink{&diags, text.data()});
    WIRESTORY_FUZZ_CHECK(took <= text.size());
    check_diagnostics(text, diags);
    wirestory::article_view a;
    if (took != 0) {
        WIRESTORY_FUZZ_CHECK(out.credit.has_value());
        check_caption(text.substr(0, took), out);  // the caption lies in what it took
        a.caption = out;
        // What follows (a glued dateline, the story) does not overlap the caption.
        std::string_view rest = wirestory::detail::trim(text.substr(took));
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

    wirestory::caption_view out;
    std::size_t took = 0, again = 0, other = 0;
    std::string json = run(input, out, reuters, took);
    run(input, out, generic, other);
    WIRESTORY_FUZZ_CHECK(run(input, out, reuters, again) == json);  // `out` reused
    WIRESTORY_FUZZ_CHECK(again == took);

    auto pub = wirestory::parse_caption<wirestory::reuters_style>(input);  // the style `run` used
    WIRESTORY_FUZZ_CHECK(pub.has_value() == (took != 0));
    if (pub) {
        wirestory::article_view a;
        a.caption = *pub;
        wirestory::article_view b;
        b.caption = out;
        WIRESTORY_FUZZ_CHECK(wirestory::to_json(a) == wirestory::to_json(b));
    }
    return 0;
}
