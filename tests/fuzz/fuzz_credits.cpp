// libFuzzer target: the credits parser on its own (detail::find_credits,
// detail::parse_credits and the public wirestory::parse_credits).
//   clang++ -std=c++17 -O1 -g -fsanitize=fuzzer,address,undefined -Iinclude tests/fuzz/fuzz_credits.cpp
#include <wirestory/credits.hpp>
#include <wirestory/json.hpp>

#include "fuzz_common.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

namespace {

using namespace wirestory_fuzz;

std::string run(std::string_view text, std::vector<wirestory::credit_view>& out,
                const wirestory::detail::style_desc& style, std::size_t& took) {
    std::vector<wirestory::diagnostic> diags;
    const std::size_t before = out.size();
    took = wirestory::detail::parse_credits(text, out, style, wirestory::detail::sink{&diags, text.data()});
    WIRESTORY_FUZZ_CHECK(took <= text.size());
    WIRESTORY_FUZZ_CHECK(out.size() >= before);  // appends, never drops what was there
    check_diagnostics(text, diags);
    wirestory::article_view a;
    a.credits.assign(out.begin() + static_cast<std::ptrdiff_t>(before), out.end());
    if (took == 0) WIRESTORY_FUZZ_CHECK(a.credits.empty());
    check_credits(text.substr(0, took), a.credits);  // the credits lie in what it took
    std::string_view rest = wirestory::detail::trim(text.substr(took));
    if (!rest.empty()) a.paragraphs.push_back(rest);
    return check_article(text, a);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string buffer(reinterpret_cast<const char*>(data), size);
    std::string_view input = buffer;
    const auto reuters = wirestory::detail::describe<wirestory::reuters_style>();
    const auto generic = wirestory::detail::describe<wirestory::base_style>();

    std::vector<wirestory::credit_view> out;
    std::size_t took = 0, again = 0, other = 0;
    std::string json = run(input, out, reuters, took);
    const std::size_t first = out.size();
    run(input, out, generic, other);
    // Appending to a vector that already holds credits gives the same new entries.
    std::vector<wirestory::credit_view> fresh;
    std::string json_again = run(input, out, reuters, again);
    WIRESTORY_FUZZ_CHECK(json_again == json && again == took);
    (void)first;

    auto pub = wirestory::parse_credits<wirestory::reuters_style>(input);  // the style `run` used
    {
        wirestory::article_view a;
        a.credits = pub;
        std::string_view rest = wirestory::detail::trim(input.substr(took));
        if (!rest.empty()) a.paragraphs.push_back(rest);
        WIRESTORY_FUZZ_CHECK(wirestory::to_json(a, wirestory::json_options{false}) == json);
    }

    // find_credits points at a block that parse_credits accepts.
    std::size_t at = wirestory::detail::find_credits(input, reuters);
    if (at != std::string_view::npos) {
        WIRESTORY_FUZZ_CHECK(at < input.size());
        std::size_t n = 0;
        fresh.clear();
        run(input.substr(at), fresh, reuters, n);
        WIRESTORY_FUZZ_CHECK(n != 0);
    }
    return 0;
}
