// Two translation units that include everything and link into one program: a function
// defined in a header without `inline` breaks the link.
#include <wirestory/wirestory.hpp>

std::size_t odr_paragraphs_1(std::string_view text) { return wirestory::parse(text).paragraphs.size(); }
