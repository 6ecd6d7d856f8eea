// wirestory: photo captions. "<description> REUTERS/Name/Pool", "(AP Photo/Name, File)".
#ifndef WIRESTORY_CAPTION_HPP
#define WIRESTORY_CAPTION_HPP

#include <cstddef>      // std::size_t
#include <optional>     // no caption
#include <string_view>  // input

#include "article.hpp"
#include "style.hpp"
#include "detail/text.hpp"

namespace wirestory {

/// Parse a caption paragraph (a description ending with a photo credit). Views point into
/// `paragraph`. Empty when the paragraph carries no photo credit.
template <class Style = default_style>
std::optional<caption_view> parse_caption(std::string_view paragraph);

namespace detail {
/// Parse a caption at the start of `text`; fill `out` (vectors cleared, capacity kept) and
/// return how many bytes of `text` belong to it (web junk right after the credit, such as
/// "Purchase Licensing Rights, opens new tab", included), or 0 when `text` is no caption.
/// What follows (a dateline glued to the credit) is left to the caller.
std::size_t parse_caption(std::string_view text, caption_view& out, const style_desc& style,
                          const sink& diags);
} // namespace detail

//=== implementation ===//

namespace detail {
inline std::size_t parse_caption(std::string_view text, caption_view& out, const style_desc& style,
                                 const sink& diags) {
    (void)text; (void)style; (void)diags;
    out = caption_view{};
    return 0;  // TODO: caption grammar
}
} // namespace detail

template <class Style>
std::optional<caption_view> parse_caption(std::string_view paragraph) {
    caption_view out;
    if (detail::parse_caption(paragraph, out, detail::describe<Style>(), detail::sink{}) == 0)
        return std::nullopt;
    return out;
}

} // namespace wirestory

#endif
