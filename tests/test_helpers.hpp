// Shared test helpers: every view of a borrowing article must lie inside the input.
#ifndef WIRESTORY_TEST_HELPERS_HPP
#define WIRESTORY_TEST_HELPERS_HPP

#include <wirestory/article.hpp>
#include <wirestory/detail/text.hpp>

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace wirestory_test {

/// Counts the views of `a` that do not lie inside `input` (0 is the only good answer).
inline std::size_t views_outside(std::string_view input, const wirestory::article_view& a) {
    std::size_t bad = 0;
    auto check = [&](std::string_view v) { bad += !wirestory::detail::contains_view(input, v); };
    auto check_opt = [&](const std::optional<std::string_view>& v) {
        if (v) check(*v);
    };
    auto check_all = [&](const std::vector<std::string_view>& vs) {
        for (auto v : vs) check(v);
    };
    auto check_people = [&](const std::vector<wirestory::person_view>& ps) {
        for (const auto& p : ps) {
            check(p.name);
            check_opt(p.location);
        }
    };
    check_opt(a.headline);
    if (a.caption) {
        check(a.caption->text);
        check_opt(a.caption->credit);
        check_opt(a.caption->agency);
        check_all(a.caption->photographers);
        check_all(a.caption->qualifiers);
        check_all(a.caption->providers);
        check_opt(a.caption->place);
    }
    check(a.byline.text);
    check_people(a.byline.authors);
    if (a.dateline) {
        check(a.dateline->text);
        check_all(a.dateline->locations);
        check_opt(a.dateline->date);
        check_opt(a.dateline->agency);
    }
    check_all(a.paragraphs);
    check_all(a.subheads);
    for (const auto& c : a.credits) {
        check(c.label);
        check_people(c.people);
        check_all(c.desks);
    }
    check_all(a.corrections);
    check_opt(a.signoff);
    for (const auto& d : a.diagnostics) bad += d.offset > input.size();
    return bad;
}

template <class People>
std::vector<std::string_view> names(const People& people) {
    std::vector<std::string_view> out;
    for (const auto& p : people) out.push_back(p.name);
    return out;
}

using sv = std::vector<std::string_view>;

/// Strict UTF-8: no overlong forms, no surrogates, nothing above U+10FFFF, no truncation.
/// Written independently of detail::utf8_len, so that one checks the other.
inline bool valid_utf8(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        unsigned c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) { ++i; continue; }
        std::size_t n = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
        if (n == 0 || i + n > s.size()) return false;
        std::uint32_t cp = c & (0x7F >> n);
        for (std::size_t k = 1; k < n; ++k) {
            unsigned b = static_cast<unsigned char>(s[i + k]);
            if ((b & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (b & 0x3F);
        }
        static constexpr std::uint32_t min_cp[] = {0, 0, 0x80, 0x800, 0x10000};
        if (cp < min_cp[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
        i += n;
    }
    return true;
}

} // namespace wirestory_test

#endif
