// See odr_1.cpp.
#include <wirestory/wirestory.hpp>

std::size_t odr_paragraphs_2(std::string_view text) { return wirestory::parse(text).paragraphs.size(); }
