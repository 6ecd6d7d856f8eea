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
    std::cout << "style:    " << a.style << '\n';
    if (a.dateline)
        std::cout << "dateline: " << a.dateline->locations.at(0) << " (" << a.dateline->agency.value_or("?") << ")\n";
    for (const auto& p : a.byline.authors) std::cout << "byline:   " << p.name << '\n';
    for (const auto& c : a.credits)
        for (const auto& p : c.people) std::cout << "credit:   " << c.label << " by " << p.name << '\n';
    std::cout << "signoff:  " << a.signoff.value_or("none") << '\n';

    // The same story read with the default (auto-detecting) style: "Harbor Wire" is not an
    // agency it knows, so the byline reads as two people and "HW" as a paragraph.
    auto b = wirestory::parse(story);
    std::cout << "default:  " << b.byline.authors.size() << " authors, " << b.paragraphs.size()
              << " paragraphs, signoff " << b.signoff.value_or("none") << '\n';
}
