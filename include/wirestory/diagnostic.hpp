// wirestory: what a parser skipped or repaired, and where.
#ifndef WIRESTORY_DIAGNOSTIC_HPP
#define WIRESTORY_DIAGNOSTIC_HPP

#include <cstddef>      // std::size_t
#include <string_view>  // diagnostic messages are static text

namespace wirestory {

/// What happened. Nothing in wire text is fatal: every code describes a recovery.
enum class errc {
    dropped_junk,          ///< a web-page line that is not the story ("Advertisement", "Sign up here.")
    dropped_boilerplate,   ///< agency boilerplate after the credits ("Our Standards: ...")
    correction_note,       ///< "(This story has been refiled ...)" moved to `corrections`
    extra_caption,         ///< a second photo caption, kept out of the paragraphs
    repaired_separator,    ///< a lost separator was assumed ("newsroomsWriting by")
    invalid_utf8,          ///< bytes that are not UTF-8 (replaced with U+FFFD in JSON)
    control_character,     ///< a NUL or other control byte in the text
    unbalanced_parenthesis,///< a "(" without its ")" (or the reverse) in a part
    truncated,             ///< the part ends before it is complete
    empty_input,           ///< nothing but white space
};

/// Short stable name of a code, used as the JSON "code".
constexpr std::string_view to_string(errc e) noexcept {
    switch (e) {
    case errc::dropped_junk: return "dropped_junk";
    case errc::dropped_boilerplate: return "dropped_boilerplate";
    case errc::correction_note: return "correction_note";
    case errc::extra_caption: return "extra_caption";
    case errc::repaired_separator: return "repaired_separator";
    case errc::invalid_utf8: return "invalid_utf8";
    case errc::control_character: return "control_character";
    case errc::unbalanced_parenthesis: return "unbalanced_parenthesis";
    case errc::truncated: return "truncated";
    case errc::empty_input: return "empty_input";
    }
    return "unknown";
}

/// One diagnostic: a code, a human message (static text), and the byte offset into the
/// text that was given to the parser.
struct diagnostic {
    errc code;
    std::string_view message;
    std::size_t offset = 0;

    friend bool operator==(const diagnostic& a, const diagnostic& b) noexcept {
        return a.code == b.code && a.offset == b.offset && a.message == b.message;
    }
};

} // namespace wirestory

#endif
