// wirestory: forward declarations and aliases, for headers that only name our types.
#ifndef WIRESTORY_FWD_HPP
#define WIRESTORY_FWD_HPP

#include <string>       // default string type
#include <string_view>  // the borrowing aliases

namespace wirestory {
struct diagnostic;
struct calendar_date;
enum class errc;
enum class credit_role;
template <class String> struct basic_person;
template <class String> struct basic_byline;
template <class String> struct basic_dateline;
template <class String> struct basic_caption;
template <class String> struct basic_credit;
template <class String> struct basic_article;
struct base_style;
struct reuters_style;
class parser;

using article = basic_article<std::string>;
using article_view = basic_article<std::string_view>;
} // namespace wirestory

#endif
