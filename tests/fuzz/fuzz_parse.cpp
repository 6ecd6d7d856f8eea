// libFuzzer target: wirestory::parse over arbitrary bytes.
//   clang++ -std=c++17 -O1 -g -fsanitize=fuzzer,address,undefined -Iinclude tests/fuzz/fuzz_parse.cpp
// Properties: every view inside the input, story parts disjoint, diagnostics in range,
// JSON valid UTF-8 and valid JSON, owning copy == view, deterministic, and a reused
// `parser` (holding another story's capacity) gives the same result as a fresh parse.
#include <wirestory/parse.hpp>
#include <wirestory/json.hpp>

#include "fuzz_common.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace wirestory_fuzz;
    // A copy the exact size of the input, so ASan catches any read past its end.
    std::string buffer(reinterpret_cast<const char*>(data), size);
    std::string_view input = buffer;

    auto a = wirestory::parse(input);
    std::string json = check_article(input, a);

    // Deterministic: a second parse gives the same JSON.
    WIRESTORY_FUZZ_CHECK(wirestory::to_json(wirestory::parse(input), wirestory::json_options{false}) == json);

    // A reused parser first fed a different story (the first half) gives the same answer.
    wirestory::parser p;
    std::string half(input.substr(0, input.size() / 2));
    check_article(half, p.parse(half));
    const auto& again = p.parse(input);
    WIRESTORY_FUZZ_CHECK(wirestory::to_json(again, wirestory::json_options{false}) == json);

    // Other styles share the parsing code: they must hold the same properties.
    check_article(input, wirestory::parse<wirestory::base_style>(input));
    return 0;
}
