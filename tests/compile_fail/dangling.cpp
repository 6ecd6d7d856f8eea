// Parsing a temporary std::string would leave every view dangling, so it must not compile.
// Built normally this file must compile; with WIRESTORY_EXPECT_FAIL=1 it must not.
#include <wirestory/parse.hpp>

#include <string>

std::size_t lvalue_is_fine() {
    std::string story = "LONDON (Reuters) - Shares rose.";
    return wirestory::parse(story).paragraphs.size();
}

#if WIRESTORY_EXPECT_FAIL
std::size_t temporary_is_rejected() {
    return wirestory::parse(std::string("LONDON (Reuters) - Shares rose.")).paragraphs.size();
}
#endif
