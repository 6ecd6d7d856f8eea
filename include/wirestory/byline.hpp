// wirestory: bylines. "By A and B", "BY A, Reuters", "By A in Kyiv".
#ifndef WIRESTORY_BYLINE_HPP
#define WIRESTORY_BYLINE_HPP

#include <cstddef>      // std::size_t
#include <optional>     // no byline
#include <string_view>  // input

#include "article.hpp"
#include "style.hpp"
#include "detail/text.hpp"

namespace wirestory {

/// Parse one byline line. Views point into `line`. Empty when the line is not a byline
/// (a body sentence that starts with "By ...").
template <class Style = default_style>
std::optional<byline_view> parse_byline(std::string_view line);

namespace detail {
/// Parse a byline at the start of `text`; fill `out` (its vectors are cleared, capacity
/// kept) and return how many bytes of `text` it took (a dateline may follow on the same
/// line), or 0 when `text` does not start with a byline.
std::size_t parse_byline(std::string_view text, byline_view& out, const style_desc& style,
                         const sink& diags);
} // namespace detail

//=== implementation ===//

namespace detail {
inline std::size_t parse_byline(std::string_view text, byline_view& out, const style_desc& style,
                                const sink& diags) {
    (void)text; (void)style; (void)diags;
    out.text = {};
    out.authors.clear();
    return 0;  // TODO: byline grammar
}
} // namespace detail

template <class Style>
std::optional<byline_view> parse_byline(std::string_view line) {
    byline_view out;
    if (detail::parse_byline(line, out, detail::describe<Style>(), detail::sink{}) == 0)
        return std::nullopt;
    return out;
}

} // namespace wirestory

#endif
