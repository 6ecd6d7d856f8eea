// wirestory: datelines. "ANKARA/KYIV (Reuters) -", "WASHINGTON, Nov 19 (Reuters) -",
// "SAN MATEO, Calif., March 2 -".
#ifndef WIRESTORY_DATELINE_HPP
#define WIRESTORY_DATELINE_HPP

#include <cstddef>      // std::size_t
#include <optional>     // no dateline
#include <string_view>  // input

#include "article.hpp"
#include "style.hpp"
#include "detail/text.hpp"

namespace wirestory {

/// Parse the dateline that opens `paragraph`. Views point into `paragraph`. Empty when the
/// paragraph does not open with one.
template <class Style = default_style>
std::optional<dateline_view> parse_dateline(std::string_view paragraph);

namespace detail {
/// Parse a dateline at the start of `text`; fill `out` (vectors cleared, capacity kept) and
/// return the offset in `text` where the lead begins (after the dash and white space), or 0
/// when `text` does not open with a dateline.
std::size_t parse_dateline(std::string_view text, dateline_view& out, const style_desc& style,
                           const sink& diags);
} // namespace detail

//=== implementation ===//

namespace detail {
inline std::size_t parse_dateline(std::string_view text, dateline_view& out,
                                  const style_desc& style, const sink& diags) {
    (void)text; (void)style; (void)diags;
    out = dateline_view{};
    return 0;  // TODO: dateline grammar
}
} // namespace detail

template <class Style>
std::optional<dateline_view> parse_dateline(std::string_view paragraph) {
    dateline_view out;
    if (detail::parse_dateline(paragraph, out, detail::describe<Style>(), detail::sink{}) == 0)
        return std::nullopt;
    return out;
}

} // namespace wirestory

#endif
