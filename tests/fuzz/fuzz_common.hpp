// Shared checks for the libFuzzer targets in this directory. Every check that fails calls
// fuzz_fail(), which traps: libFuzzer reports it as a crash and saves the input.
//
//   valid_utf8(s)        strict UTF-8 (no overlongs, surrogates, > U+10FFFF, truncation)
//   valid_json(s)        strict RFC 8259 JSON text, checked iteratively (no recursion)
//   check_article(...)   views inside the input, parts that must not overlap, diagnostic
//                        offsets, JSON valid, owning copy == view, deterministic
#ifndef WIRESTORY_FUZZ_COMMON_HPP
#define WIRESTORY_FUZZ_COMMON_HPP

#include <wirestory/article.hpp>
#include <wirestory/json.hpp>
#include <wirestory/detail/text.hpp>

#include "../test_helpers.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace wirestory_fuzz {

[[noreturn]] inline void fuzz_fail(const char* what) {
    std::fprintf(stderr, "property failed: %s\n", what);
    __builtin_trap();
}

#define WIRESTORY_FUZZ_CHECK(cond)                         \
    do {                                                   \
        if (!(cond)) ::wirestory_fuzz::fuzz_fail(#cond);   \
    } while (0)

inline std::string_view as_view(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

//=== UTF-8 ===//

using wirestory_test::valid_utf8;

//=== JSON ===//

/// A strict JSON validator (RFC 8259): one value, no trailing commas, no leading zeros,
/// escapes checked, no raw control characters in strings, strings valid UTF-8. Nesting is
/// kept on an explicit stack, so depth costs no native stack.
inline bool valid_json(std::string_view s) {
    std::size_t i = 0;
    const std::size_t n = s.size();
    auto ws = [&] {
        while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i;
    };
    auto hex = [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    };
    auto string = [&]() -> bool {
        if (i >= n || s[i] != '"') return false;
        std::size_t b = ++i;
        while (i < n && s[i] != '"') {
            unsigned char c = static_cast<unsigned char>(s[i]);
            if (c < 0x20) return false;
            if (c == '\\') {
                if (++i >= n) return false;
                char e = s[i];
                if (e == 'u') {
                    if (i + 4 >= n) return false;
                    for (int k = 1; k <= 4; ++k)
                        if (!hex(s[i + k])) return false;
                    i += 5;
                    continue;
                }
                if (e != '"' && e != '\\' && e != '/' && e != 'b' && e != 'f' && e != 'n' && e != 'r' &&
                    e != 't')
                    return false;
            }
            ++i;
        }
        if (i >= n) return false;
        if (!valid_utf8(s.substr(b, i - b))) return false;
        ++i;
        return true;
    };
    auto number = [&]() -> bool {
        if (i < n && s[i] == '-') ++i;
        if (i >= n) return false;
        if (s[i] == '0') ++i;
        else if (s[i] >= '1' && s[i] <= '9') while (i < n && s[i] >= '0' && s[i] <= '9') ++i;
        else return false;
        if (i < n && s[i] == '.') {
            ++i;
            std::size_t d = i;
            while (i < n && s[i] >= '0' && s[i] <= '9') ++i;
            if (i == d) return false;
        }
        if (i < n && (s[i] == 'e' || s[i] == 'E')) {
            ++i;
            if (i < n && (s[i] == '+' || s[i] == '-')) ++i;
            std::size_t d = i;
            while (i < n && s[i] >= '0' && s[i] <= '9') ++i;
            if (i == d) return false;
        }
        return true;
    };
    auto literal = [&](std::string_view w) {
        if (s.substr(i, w.size()) != w) return false;
        i += w.size();
        return true;
    };

    std::vector<char> stack;  // '{' or '['
    ws();
    for (;;) {
        // A value is expected here.
        ws();
        if (i >= n) return false;
        char c = s[i];
        if (c == '{' || c == '[') {
            stack.push_back(c);
            ++i;
            ws();
            if (i < n && s[i] == (c == '{' ? '}' : ']')) {
                ++i;
                stack.pop_back();
            } else {
                if (c == '{') {
                    if (!string()) return false;
                    ws();
                    if (i >= n || s[i] != ':') return false;
                    ++i;
                }
                continue;  // the first member's value
            }
        } else if (c == '"') {
            if (!string()) return false;
        } else if (c == 't') {
            if (!literal("true")) return false;
        } else if (c == 'f') {
            if (!literal("false")) return false;
        } else if (c == 'n') {
            if (!literal("null")) return false;
        } else if (!number()) {
            return false;
        }
        // After a value: close containers or move to the next member.
        for (;;) {
            ws();
            if (stack.empty()) return i == n;
            if (i >= n) return false;
            char top = stack.back();
            if (s[i] == ',') {
                ++i;
                ws();
                if (top == '{') {
                    if (!string()) return false;
                    ws();
                    if (i >= n || s[i] != ':') return false;
                    ++i;
                }
                break;  // next value
            }
            if (s[i] == (top == '{' ? '}' : ']')) {
                ++i;
                stack.pop_back();
                continue;
            }
            return false;
        }
    }
}

/// JSON of an article, both layouts, each checked.
template <class String>
std::string checked_json(const wirestory::basic_article<String>& a) {
    std::string compact = wirestory::to_json(a, wirestory::json_options{false});
    WIRESTORY_FUZZ_CHECK(valid_utf8(compact));
    WIRESTORY_FUZZ_CHECK(valid_json(compact));
    WIRESTORY_FUZZ_CHECK(compact.find('\n') == std::string::npos);  // JSON Lines safe
    std::string pretty = wirestory::to_json(a);
    WIRESTORY_FUZZ_CHECK(valid_utf8(pretty));
    WIRESTORY_FUZZ_CHECK(valid_json(pretty));
    return compact;
}

//=== views ===//

struct interval {
    const char* begin;
    const char* end;
    int group;
};

/// Adds `v` (non-empty only) as a region of `group`.
inline void add_region(std::vector<interval>& out, std::string_view v, int group) {
    if (!v.empty()) out.push_back({v.data(), v.data() + v.size(), group});
}

/// True when no two regions of different groups share a byte.
inline bool disjoint_groups(std::vector<interval> r) {
    std::sort(r.begin(), r.end(), [](const interval& a, const interval& b) {
        return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
    });
    // Sweep: keep the furthest end seen and its group; a region of another group that
    // starts before it overlaps. Regions of one group may overlap each other.
    const char* far_end = nullptr;
    int far_group = -1;
    for (const auto& x : r) {
        if (far_end && x.begin < far_end && x.group != far_group) return false;
        if (!far_end || x.end > far_end) {
            far_end = x.end;
            far_group = x.group;
        }
    }
    return true;
}

inline bool inside(std::string_view outer, std::string_view inner) {
    return wirestory::detail::contains_view(outer, inner);
}

inline void check_person(std::string_view outer, const wirestory::person_view& p) {
    WIRESTORY_FUZZ_CHECK(inside(outer, p.name));
    if (p.location) WIRESTORY_FUZZ_CHECK(inside(outer, *p.location));
}

/// The structure of a caption: the description and the credit do not overlap, every
/// credit part lies in the credit, place lies in the description.
inline void check_caption(std::string_view input, const wirestory::caption_view& c) {
    WIRESTORY_FUZZ_CHECK(inside(input, c.text));
    if (c.credit) {
        WIRESTORY_FUZZ_CHECK(inside(input, *c.credit));
        std::vector<interval> r;
        add_region(r, c.text, 0);
        add_region(r, *c.credit, 1);
        WIRESTORY_FUZZ_CHECK(disjoint_groups(r));
        if (c.agency) WIRESTORY_FUZZ_CHECK(inside(*c.credit, *c.agency));
        for (auto v : c.photographers) WIRESTORY_FUZZ_CHECK(inside(*c.credit, v));
        for (auto v : c.qualifiers) WIRESTORY_FUZZ_CHECK(inside(*c.credit, v));
        for (auto v : c.providers) WIRESTORY_FUZZ_CHECK(inside(*c.credit, v));
    }
    if (c.place) WIRESTORY_FUZZ_CHECK(inside(c.text, *c.place));
    if (c.date) {
        WIRESTORY_FUZZ_CHECK(c.date->month >= 1 && c.date->month <= 12);
        WIRESTORY_FUZZ_CHECK(c.date->day >= 1 && c.date->day <= 31);
        WIRESTORY_FUZZ_CHECK(c.date->year >= 0 && c.date->year <= 9999);
    }
}

inline void check_dateline(std::string_view input, const wirestory::dateline_view& d) {
    WIRESTORY_FUZZ_CHECK(inside(input, d.text));
    for (auto v : d.locations) WIRESTORY_FUZZ_CHECK(inside(d.text, v));
    if (d.date) WIRESTORY_FUZZ_CHECK(inside(d.text, *d.date));
    if (d.agency) WIRESTORY_FUZZ_CHECK(inside(d.text, *d.agency));
    WIRESTORY_FUZZ_CHECK(d.month >= 0 && d.month <= 12);
    WIRESTORY_FUZZ_CHECK(d.day >= 0 && d.day <= 31);
}

inline void check_byline(std::string_view input, const wirestory::byline_view& b) {
    WIRESTORY_FUZZ_CHECK(inside(input, b.text));
    std::vector<interval> r;
    int g = 0;
    for (const auto& p : b.authors) {
        check_person(b.text, p);
        add_region(r, p.name, g++);  // two authors never share a byte of their names
    }
    WIRESTORY_FUZZ_CHECK(disjoint_groups(r));
}

inline void check_credits(std::string_view input, const std::vector<wirestory::credit_view>& cs) {
    std::vector<interval> r;
    int g = 0;
    for (const auto& c : cs) {
        WIRESTORY_FUZZ_CHECK(inside(input, c.label));
        add_region(r, c.label, g++);
        for (const auto& p : c.people) {
            check_person(input, p);
            add_region(r, p.name, g++);
        }
        for (auto d : c.desks) {
            WIRESTORY_FUZZ_CHECK(inside(input, d));
            add_region(r, d, g++);
        }
    }
    // Labels, names and desks are distinct words of the block (locations may be shared:
    // "A and B in Kyiv").
    WIRESTORY_FUZZ_CHECK(disjoint_groups(r));
}

inline void check_diagnostics(std::string_view input, const std::vector<wirestory::diagnostic>& ds) {
    for (const auto& d : ds) {
        WIRESTORY_FUZZ_CHECK(d.offset <= input.size());
        WIRESTORY_FUZZ_CHECK(!d.message.empty());
        WIRESTORY_FUZZ_CHECK(wirestory::to_string(d.code) != "unknown");
    }
}

/// Every property of a borrowing article parsed from `input`; returns its compact JSON.
inline std::string check_article(std::string_view input, const wirestory::article_view& a) {
    WIRESTORY_FUZZ_CHECK(wirestory_test::views_outside(input, a) == 0);
    if (a.caption) check_caption(input, *a.caption);
    if (a.dateline) check_dateline(input, *a.dateline);
    check_byline(input, a.byline);
    check_credits(input, a.credits);
    check_diagnostics(input, a.diagnostics);

    // Parts of the story are distinct stretches of the text: no paragraph overlaps another
    // paragraph, the dateline, the caption, the byline, the headline, a subhead, a
    // correction, the credits or the sign-off.
    std::vector<interval> r;
    int g = 0;
    if (a.headline) add_region(r, *a.headline, g);
    ++g;
    if (a.caption) {
        add_region(r, a.caption->text, g);
        if (a.caption->credit) add_region(r, *a.caption->credit, g);
    }
    ++g;
    add_region(r, a.byline.text, g++);
    if (a.dateline) add_region(r, a.dateline->text, g);
    ++g;
    for (auto p : a.paragraphs) add_region(r, p, g++);
    for (auto p : a.subheads) add_region(r, p, g++);
    for (auto p : a.corrections) add_region(r, p, g++);
    for (const auto& c : a.credits) {
        add_region(r, c.label, g);
        for (const auto& p : c.people) add_region(r, p.name, g);
        for (auto d : c.desks) add_region(r, d, g);
    }
    ++g;
    if (a.signoff) add_region(r, *a.signoff, g);
    WIRESTORY_FUZZ_CHECK(disjoint_groups(r));

    // Paragraphs keep the order of the text.
    for (std::size_t k = 1; k < a.paragraphs.size(); ++k)
        WIRESTORY_FUZZ_CHECK(a.paragraphs[k - 1].data() < a.paragraphs[k].data());

    // Views are trimmed: JSON and the owning copy see the same text.
    std::string json = checked_json(a);
    WIRESTORY_FUZZ_CHECK(checked_json(wirestory::to_owned(a)) == json);
    return json;
}

} // namespace wirestory_fuzz

#endif
