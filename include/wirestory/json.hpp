// wirestory: the Article as JSON. The one output format of the CLI and the contract that
// keys may be added, never renamed or removed:
//
// {"style": "reuters"|"ap"|...|"generic", "headline": string|null,
//  "caption": null | {"text", "credit", "agency", "photographers": [], "qualifiers": [],
//                     "providers": [], "place", "date": "YYYY-MM-DD"|null},
//  "byline": [{"name", "location"}],
//  "dateline": null | {"locations": [], "date", "agency", "iso_date": "YYYY-MM-DD"|null},
//  "paragraphs": [], "subheads": [],
//  "credits": [{"role", "people": [{"name", "location"}], "desks": []}],
//  "contributors": [{"name", "spellings": [], "roles": [], "location", "desk": bool}],
//  "corrections": [], "signoff": string|null,
//  "diagnostics": [{"code", "message", "offset"}]}
//
// Strings are written trimmed with white space runs collapsed to one space; bytes that are
// not UTF-8 become U+FFFD, so the output is always valid UTF-8 JSON.
#ifndef WIRESTORY_JSON_HPP
#define WIRESTORY_JSON_HPP

#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint64_t: eight bytes at a time
#include <charconv>     // std::to_chars
#include <cstring>      // std::memcpy
#include <optional>     // nullable fields
#include <string>       // the output
#include <string_view>  // input views
#include <vector>       // lists

#include "article.hpp"
#include "contributors.hpp"
#include "detail/simd.hpp"
#include "detail/text.hpp"

namespace wirestory {

struct json_options {
    bool pretty = true;  ///< indented, one key a line; false gives one line (JSON Lines)
};

/// The article as a JSON object (see the top of this header).
template <class String>
std::string to_json(const basic_article<String>& a, json_options options = {});

/// Append the article's JSON members (without the surrounding braces) to `out`; for
/// writers that add keys of their own ("id", "source") around them.
/// `after_members`: the object already has members, so a comma comes first.
template <class String>
void append_json_members(std::string& out, const basic_article<String>& a, json_options options = {},
                         bool after_members = false);

/// Append `text` to `out` as a JSON string: quoted, escaped, invalid UTF-8 replaced with
/// U+FFFD, and (unless `collapse` is false) trimmed with white space runs collapsed.
void append_json_string(std::string& out, std::string_view text, bool collapse = true);

//=== implementation ===//

namespace detail {

// Word-at-a-time helpers for the string writer (and the CLI's story splitter).
constexpr std::uint64_t json_ones = 0x0101010101010101u;
constexpr std::uint64_t json_highs = 0x8080808080808080u;
constexpr std::uint64_t json_lows = 0x7F7F7F7F7F7F7F7Fu;

/// Eight bytes from `p`, the first in the low byte whatever the machine's byte order
/// (compilers turn this into one load).
inline std::uint64_t load_le64(const char* p) noexcept {
    unsigned char b[8];
    std::memcpy(b, p, 8);
    return std::uint64_t(b[0]) | std::uint64_t(b[1]) << 8 | std::uint64_t(b[2]) << 16 |
           std::uint64_t(b[3]) << 24 | std::uint64_t(b[4]) << 32 | std::uint64_t(b[5]) << 40 |
           std::uint64_t(b[6]) << 48 | std::uint64_t(b[7]) << 56;
}
/// High bit set in the zero bytes of `t`. The lowest is exact; a byte above a zero byte may
/// be marked as well (the borrow), which only the lowest mark makes harmless.
constexpr std::uint64_t zero_bytes(std::uint64_t t) noexcept { return (t - json_ones) & ~t & json_highs; }
/// Index (0..7) of the lowest marked byte (high bit set) of a non-zero mask.
constexpr std::size_t first_marked_byte(std::uint64_t mask) noexcept {
    // The lowest mark, moved to bit 8k, times a constant whose byte 7-k holds k.
    return static_cast<std::size_t>((((mask & (0 - mask)) >> 7) * 0x0001020304050607u) >> 56);
}
/// Marks the bytes of `w` (text[i..i+8)) that the string writer must look at one by one:
/// control bytes, DEL, non-ASCII bytes, quotes, backslashes, and (when collapsing) a space
/// followed by a byte that may start white space; `next` is text[i+1..i+9). No such byte is
/// ever missed and the lowest mark is exact; a plain byte may be marked above one that is
/// (a borrow in the quote tests). The writer takes only the lowest mark.
constexpr std::uint64_t json_attention(std::uint64_t w, std::uint64_t next, bool collapse) noexcept {
    // Adding to the low seven bits never carries into the next byte: these tests are exact
    // per byte and leave the answer in its high bit.
    const std::uint64_t low7 = w & json_lows;
    const std::uint64_t control_del_high = w | ~(low7 + 0x60 * json_ones)  // 0x80 and up, below 0x20
                                           | (low7 + json_ones);           // 0x7F
    std::uint64_t m = control_del_high | zero_bytes(w ^ ('"' * json_ones)) | zero_bytes(w ^ ('\\' * json_ones));
    if (collapse) {
        // A byte below 0x21 or 0x80 and up may be white space; one such byte followed by
        // another marks the same bytes as "a space followed by one", since a control or
        // high byte is marked anyway. Cheaper than looking for the space itself.
        const std::uint64_t may_be_space = w | ~(low7 + 0x5F * json_ones);
        const std::uint64_t next_may_be_space = next | ~((next & json_lows) + 0x5F * json_ones);
        m |= may_be_space & next_may_be_space;
    }
    return m & json_highs;
}
/// json_attention() for text[i..i+8) when fewer than nine bytes may be left: the bytes past
/// the end read as plain letters.
inline std::uint64_t json_attention_at(const char* p, std::size_t i, std::size_t n, bool collapse) noexcept {
    if (i + 9 <= n) return json_attention(load_le64(p + i), load_le64(p + i + 1), collapse);
    char padded[16];
    std::memset(padded, 'x', sizeof padded);
    std::memcpy(padded, p + i, n - i);
    return json_attention(load_le64(padded), load_le64(padded + 1), collapse);
}

#ifdef WIRESTORY_SSE2
/// json_attention() for sixteen bytes at `p` (17 readable), one bit per byte, every bit
/// exact: control bytes and bytes >= 0x80 (negative as signed bytes, so one compare finds
/// both), DEL, quotes, backslashes, and when collapsing a byte that may be white space
/// (below 0x21 or >= 0x80) followed by another.
inline std::uint32_t json_attention16(const char* p, bool collapse) noexcept {
    const __m128i w = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    __m128i m = _mm_or_si128(
        _mm_or_si128(_mm_cmplt_epi8(w, _mm_set1_epi8(0x20)), _mm_cmpeq_epi8(w, _mm_set1_epi8(0x7F))),
        _mm_or_si128(_mm_cmpeq_epi8(w, _mm_set1_epi8('"')), _mm_cmpeq_epi8(w, _mm_set1_epi8('\\'))));
    if (collapse) {
        const __m128i next = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 1));
        m = _mm_or_si128(m, _mm_and_si128(_mm_cmplt_epi8(w, _mm_set1_epi8(0x21)),
                                          _mm_cmplt_epi8(next, _mm_set1_epi8(0x21))));
    }
    return static_cast<std::uint32_t>(_mm_movemask_epi8(m));
}
#endif

/// The first byte at or after `i` that the string writer must look at, or `n`: sixteen
/// bytes at a time with SSE2, eight at a time without (both exact for the first mark).
inline std::size_t json_next_attention(const char* p, std::size_t i, std::size_t n, bool collapse) noexcept {
#ifdef WIRESTORY_SSE2
    for (; i + 17 <= n; i += 16)
        if (std::uint32_t m = json_attention16(p + i, collapse)) return i + lowest_set_bit(m);
#endif
    for (; i < n; i += 8)
        if (std::uint64_t m = json_attention_at(p, i, n, collapse)) {
            i += first_marked_byte(m);  // only a borrow can mark the padding, above a real mark
            return i < n ? i : n;
        }
    return n;
}

/// The output string written through a raw pointer: room is made ahead (with
/// std::string::resize, so no byte is ever left uninitialised) and the unused rest is cut
/// off when the buffer goes away. Saves a capacity check and a call per byte or piece.
class json_buffer {
public:
    explicit json_buffer(std::string& s) noexcept : s_(s), begin_(s.size()), used_(s.size()) {}
    ~json_buffer() { s_.resize(used_); }  // shrinking: cannot throw
    json_buffer(const json_buffer&) = delete;
    json_buffer& operator=(const json_buffer&) = delete;

    /// Where the next `n` bytes go; advance() over those written.
    char* room(std::size_t n) {
        if (s_.size() - used_ < n) grow(n);
        return &s_[0] + used_;
    }
    void advance(std::size_t n) noexcept { used_ += n; }
    void put(char c) {
        *room(1) = c;
        ++used_;
    }
    void put(std::string_view v) {
        if (v.empty()) return;
        std::memcpy(room(v.size()), v.data(), v.size());
        used_ += v.size();
    }

private:
    void grow(std::size_t n) {
        // Slack as much as this buffer has written so far, not a share of the whole string:
        // the string may be long already (a batch of objects), and each object's slack is
        // zeroed and cut off again.
        const std::size_t written = used_ - begin_;
        const std::size_t slack = written > min_slack ? written : min_slack;
        s_.resize(used_ + (n > slack ? n : slack));
    }
    static constexpr std::size_t min_slack = 256;

    std::string& s_;
    std::size_t begin_;  // the string's size when this buffer took it
    std::size_t used_;
};

/// trim() for the string writer: most strings start and end with a printable ASCII byte,
/// which is never white space, so they need no search.
inline std::string_view json_trim(std::string_view s) noexcept {
    if (s.empty()) return s;
    const auto plain = [](char c) { return static_cast<unsigned char>(c) > 0x20 && static_cast<unsigned char>(c) < 0x80; };
    return plain(s.front()) && plain(s.back()) ? s : trim(s);
}

/// append_json_string() into a json_buffer.
inline void write_json_string(json_buffer& buf, std::string_view text, bool collapse) {
    static constexpr char hex[] = "0123456789abcdef";
    // The worst escape is six bytes for one: room for the rest of the text copied as it is,
    // the closing quote and one escape is made before each escape.
    constexpr std::size_t escape_room = 6;
    if (collapse) text = json_trim(text);
    const std::size_t n = text.size();
    const char* const p = text.data();
    char* start = buf.room(n + 2 + escape_room);
    char* o = start;
    char* limit = start + n + 2 + escape_room;
    *o++ = '"';
    std::size_t run = 0;  // start of the bytes not yet copied: they are copied in one go
    std::size_t i = 0;
    while (i < n) {
        i = json_next_attention(p, i, n, collapse);
        if (i >= n) break;
        const unsigned char c = static_cast<unsigned char>(p[i]);
        std::size_t sp = 0;  // > 0: white space to collapse starts here, this long
        if (c >= 0x80) {
            sp = collapse ? unicode_space_len(text, i) : 0;
            if (sp == 0) {
                if (std::size_t len = utf8_len(text, i)) {  // valid UTF-8 stays in the run
                    i += len;
                    continue;
                }
            }
        } else if (c > 0x20 && c != 0x7F && c != '"' && c != '\\') {
            ++i;  // plain printable ASCII
            continue;
        } else if (c == ' ' || (collapse && is_ascii_space(static_cast<char>(c)))) {
            // A lone space between words is copied as it is.
            if (!collapse || (c == ' ' && !space_len(text, i + 1))) {
                ++i;
                continue;
            }
            sp = 1;
        }
        std::memcpy(o, p + run, i - run);
        o += i - run;
        if (static_cast<std::size_t>(limit - o) < (n - i) + 1 + escape_room) {
            buf.advance(static_cast<std::size_t>(o - start));
            const std::size_t want = (n - i) + 1 + escape_room + n / 8;
            start = o = buf.room(want);
            limit = start + want;
        }
        if (sp != 0) {
            // A run of white space (line ends, NBSP, ...) becomes one space.
            i += sp;
            while (i < n) {
                if (is_ascii_space(p[i])) ++i;
                else if (std::size_t more = is_high(p[i]) ? unicode_space_len(text, i) : 0) i += more;
                else break;
            }
            *o++ = ' ';
        } else if (c >= 0x80) {
            std::memcpy(o, "\xEF\xBF\xBD", 3);  // U+FFFD for a byte that is not UTF-8
            o += 3;
            ++i;
        } else if (c == '"' || c == '\\') {
            o[0] = '\\';
            o[1] = static_cast<char>(c);
            o += 2;
            ++i;
        } else {  // control bytes, and white space when not collapsing
            const char escaped[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            std::memcpy(o, escaped, 6);
            o += 6;
            ++i;
        }
        run = i;
    }
    if (n > run) std::memcpy(o, p + run, n - run);
    o += n - run;
    *o++ = '"';
    buf.advance(static_cast<std::size_t>(o - start));
}

} // namespace detail

inline void append_json_string(std::string& out, std::string_view text, bool collapse) {
    detail::json_buffer buf(out);
    detail::write_json_string(buf, text, collapse);
}

namespace detail {

/// Writes members with commas, indentation and nesting handled in one place.
class json_writer {
public:
    json_writer(json_buffer& out, bool pretty, int depth, bool first = true)
        : out_(out), pretty_(pretty), depth_(depth), first_(first) {}

    /// A key: a plain ASCII name (a literal), so it is written as it is, with the comma
    /// before it, in one go.
    template <std::size_t N>
    void key(const char (&name)[N]) {
        constexpr std::size_t len = N - 1;
        if (pretty_) {
            separator();
        } else if (!first_) {
            out_.put(',');
        }
        first_ = false;
        char* p = out_.room(len + 4);
        p[0] = '"';
        std::memcpy(p + 1, name, len);
        p[len + 1] = '"';
        p[len + 2] = ':';
        p[len + 3] = ' ';
        out_.advance(len + (pretty_ ? 4 : 3));
    }
    void value(std::string_view s) { write_json_string(out_, s, true); }
    void value(const std::optional<std::string_view>& s) { s ? value(*s) : null(); }
    void value(const std::optional<std::string>& s) { s ? value(std::string_view(*s)) : null(); }
    void value(std::size_t n) {
        char* p = out_.room(24);
        out_.advance(static_cast<std::size_t>(std::to_chars(p, p + 24, n).ptr - p));
    }
    void null() { out_.put("null"); }
    void raw(std::string_view literal) { out_.put(literal); }

    void open(char bracket) {
        out_.put(bracket);
        ++depth_;
        first_ = true;
    }
    void close(char bracket) {
        --depth_;
        if (!first_) newline();
        out_.put(bracket);
        first_ = false;
    }
    /// Before an array element.
    void element() { separator(); }

    template <class String>
    void strings(const std::vector<String>& v) {
        open('[');
        for (const auto& s : v) {
            element();
            value(std::string_view(s));
        }
        close(']');
    }

    json_buffer& buffer() noexcept { return out_; }

private:
    void separator() {
        if (!first_) out_.put(',');
        first_ = false;
        newline();
    }
    void newline() {
        if (!pretty_) return;
        const std::size_t indent = static_cast<std::size_t>(depth_) * 2;
        char* p = out_.room(indent + 1);
        p[0] = '\n';
        std::memset(p + 1, ' ', indent);
        out_.advance(indent + 1);
    }

    json_buffer& out_;
    bool pretty_;
    int depth_;
    bool first_;
};

inline void append_iso_date(json_buffer& out, const calendar_date& d) {
    const auto digit = [](int v) { return static_cast<char>('0' + v % 10); };
    const char text[12] = {'"', digit(d.year / 1000), digit(d.year / 100), digit(d.year / 10), digit(d.year), '-',
                           digit(d.month / 10),     digit(d.month),        '-',
                           digit(d.day / 10),       digit(d.day),          '"'};
    out.put(std::string_view(text, sizeof text));
}

template <class String>
void write_people(json_writer& w, const std::vector<basic_person<String>>& people) {
    w.open('[');
    for (const auto& p : people) {
        w.element();
        w.open('{');
        w.key("name");
        w.value(std::string_view(p.name));
        w.key("location");
        w.value(p.location);
        w.close('}');
    }
    w.close(']');
}

/// "Additional reporting" -> "additional reporting": the role words, lowercased.
inline void append_role(std::string& tmp, std::string_view label) {
    tmp.clear();
    append_collapsed(tmp, label);
    for (char& c : tmp) c = to_lower(c);
}

} // namespace detail

template <class String>
void append_json_members(std::string& out, const basic_article<String>& a, json_options options,
                         bool after_members) {
    detail::json_buffer buf(out);
    // Room for the whole object at once (the paragraphs are most of it), rather than growing
    // it several times per story.
    std::size_t text_bytes = 0;
    for (const auto& p : a.paragraphs) text_bytes += std::string_view(p).size() + 8;
    buf.room(text_bytes + text_bytes / 8 + 1024);
    detail::json_writer w(buf, options.pretty, 1, !after_members);
    w.key("style");
    w.value(a.style);
    w.key("headline");
    w.value(a.headline);

    w.key("caption");
    if (!a.caption) {
        w.null();
    } else {
        const auto& c = *a.caption;
        w.open('{');
        w.key("text");
        w.value(std::string_view(c.text));
        w.key("credit");
        w.value(c.credit);
        w.key("agency");
        w.value(c.agency);
        w.key("photographers");
        w.strings(c.photographers);
        w.key("qualifiers");
        w.strings(c.qualifiers);
        w.key("providers");
        w.strings(c.providers);
        w.key("place");
        w.value(c.place);
        w.key("date");
        if (c.date) detail::append_iso_date(buf, *c.date);
        else w.null();
        w.close('}');
    }

    w.key("byline");
    detail::write_people(w, a.byline.authors);

    w.key("dateline");
    if (!a.dateline) {
        w.null();
    } else {
        w.open('{');
        w.key("locations");
        w.strings(a.dateline->locations);
        w.key("date");
        w.value(a.dateline->date);
        w.key("agency");
        w.value(a.dateline->agency);
        w.key("iso_date");
        if (a.dateline->year && a.dateline->month && a.dateline->day)
            detail::append_iso_date(buf, {a.dateline->year, a.dateline->month, a.dateline->day});
        else
            w.null();
        w.close('}');
    }

    w.key("paragraphs");
    w.strings(a.paragraphs);
    w.key("subheads");
    w.strings(a.subheads);

    w.key("credits");
    w.open('[');
    std::string role;
    for (const auto& c : a.credits) {
        w.element();
        w.open('{');
        w.key("role");
        detail::append_role(role, c.label.empty() ? to_string(c.role) : std::string_view(c.label));
        w.value(std::string_view(role));
        w.key("people");
        detail::write_people(w, c.people);
        w.key("desks");
        w.strings(c.desks);
        w.close('}');
    }
    w.close(']');

    w.key("contributors");
    w.open('[');
    for (const auto& c : contributors(a)) {
        w.element();
        w.open('{');
        w.key("name");
        w.value(std::string_view(c.name));
        w.key("spellings");
        w.strings(c.spellings);
        w.key("roles");
        w.open('[');
        for (const auto& r : c.roles) {
            w.element();
            if (r.kind == contribution::byline) {
                w.value(std::string_view("byline"));
            } else if (r.kind == contribution::photo) {
                w.value(std::string_view("photo"));
            } else {
                detail::append_role(role, r.label.empty() ? to_string(r.role) : std::string_view(r.label));
                w.value(std::string_view(role));
            }
        }
        w.close(']');
        w.key("location");
        w.value(c.location);
        w.key("desk");
        w.raw(c.desk ? "true" : "false");
        w.close('}');
    }
    w.close(']');

    w.key("corrections");
    w.strings(a.corrections);
    w.key("signoff");
    w.value(a.signoff);

    w.key("diagnostics");
    w.open('[');
    for (const auto& d : a.diagnostics) {
        w.element();
        w.open('{');
        w.key("code");
        w.value(to_string(d.code));
        w.key("message");
        w.value(d.message);
        w.key("offset");
        w.value(d.offset);
        w.close('}');
    }
    w.close(']');
}

template <class String>
std::string to_json(const basic_article<String>& a, json_options options) {
    std::string out = "{";
    append_json_members(out, a, options);
    out += options.pretty ? "\n}" : "}";
    return out;
}

} // namespace wirestory

#endif
