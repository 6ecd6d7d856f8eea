// A house style defined outside the library: the (invented) Harbor Wire agency.
// Its datelines read "PORT ELLIS (Harbor Wire) –", its bylines end with ", Harbor Wire",
// and its stories end with the desk's sign-off "HW". Nothing inside wirestory changes.
#include <wirestory/wirestory.hpp>

#include <iostream>

struct harbor_style : wirestory::base_style {
    static constexpr std::string_view name = "harbor";
    static constexpr std::string_view agencies[] = {"Harbor Wire"};
    static constexpr std::string_view affiliations[] = {"Harbor Wire", "Harbor Wire Service"};
    static constexpr std::string_view signoffs[] = {"HW"};
};

int main() {
    const std::string_view story =
        "By Ann Lee, Harbor Wire\n"
        "\n"
        "PORT ELLIS (Harbor Wire) \xE2\x80\x93 The ferry line to Nordhaven reopened on Monday after a "
        "two-week repair of its landing stage.\n"
        "\n"
        "Reporting by Ann Lee; editing by Bo Park\n"
        "\n"
        "HW\n";

    auto a = wirestory::parse<harbor_style>(story);
    std::cout << wirestory::to_json(a) << '\n';
}
