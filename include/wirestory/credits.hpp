// wirestory: reporting credits. "(Reporting by A in Ankara and B in Kyiv; Editing by C)".
#ifndef WIRESTORY_CREDITS_HPP
#define WIRESTORY_CREDITS_HPP

#include <cstddef>      // std::size_t
#include <string_view>  // input
#include <vector>       // the credit entries

#include "article.hpp"
#include "style.hpp"
#include "detail/text.hpp"

namespace wirestory {

/// Parse a reporting-credit block. Views point into `block`. Empty when it is none.
template <class Style = default_style>
std::vector<credit_view> parse_credits(std::string_view block);

namespace detail {
/// Where a credit block starts in `block`: 0 when the block is one, or the offset of one that
/// ends the block ("... goal. (Reporting by A; editing by B)"); `npos` when there is none.
std::size_t find_credits(std::string_view block, const style_desc& style);

/// Parse the credit block at the start of `text`, appending to `out`; return how many bytes
/// it took (boilerplate after it, "Our Standards: ...", is left to the caller), or 0 when
/// `text` does not start with a credit block.
std::size_t parse_credits(std::string_view text, std::vector<credit_view>& out,
                          const style_desc& style, const sink& diags);
} // namespace detail

//=== implementation ===//

namespace detail {
inline std::size_t find_credits(std::string_view block, const style_desc& style) {
    (void)block; (void)style;
    return std::string_view::npos;  // TODO
}

inline std::size_t parse_credits(std::string_view text, std::vector<credit_view>& out,
                                 const style_desc& style, const sink& diags) {
    (void)text; (void)out; (void)style; (void)diags;
    return 0;  // TODO
}
} // namespace detail

template <class Style>
std::vector<credit_view> parse_credits(std::string_view block) {
    std::vector<credit_view> out;
    detail::parse_credits(block, out, detail::describe<Style>(), detail::sink{});
    return out;
}

} // namespace wirestory

#endif
