// The README's example, kept compiling and checked by ctest (its output is matched there).
#include <wirestory/wirestory.hpp>

#include <fstream>
#include <iostream>
#include <sstream>

int main(int argc, char** argv) {
    std::ifstream file(argc > 1 ? argv[1] : "examples/stories/harbor-bridge.txt");
    std::stringstream buffer;
    buffer << file.rdbuf();
    const std::string story = buffer.str();

    // --- README example begins ---
    auto a = wirestory::parse(story);  // views into `story`, no copies
    if (a.dateline && !a.byline.empty())
        std::cout << a.dateline->locations[0] << " | " << a.byline.authors[0].name << '\n';
    for (const auto& c : a.credits)  // (Reporting by ...; Writing by ...; Editing by ...)
        std::cout << c.label << ": " << c.people.size() << " people\n";
    std::cout << wirestory::to_json(a) << '\n';
    // --- README example ends ---
}
