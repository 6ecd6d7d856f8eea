#include <wirestory/caption.hpp>
#include <doctest/doctest.h>

#include <string>
#include <vector>

// Every name, place and agency-less organisation here is invented; the formats are real.

namespace {

using wirestory::caption_view;
using list = std::vector<std::string_view>;

std::optional<caption_view> cap(std::string_view paragraph) {
    return wirestory::parse_caption(paragraph);
}

/// Every view of the caption lies inside the input.
bool views_inside(std::string_view in, const caption_view& c) {
    using wirestory::detail::contains_view;
    bool ok = contains_view(in, c.text);
    for (const auto& v : {c.credit, c.agency, c.place})
        ok = ok && (!v || contains_view(in, *v));
    for (const auto* l : {&c.photographers, &c.qualifiers, &c.providers})
        for (auto v : *l) ok = ok && contains_view(in, v);
    return ok;
}

std::string date_of(const caption_view& c) {
    if (!c.date) return "";
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", c.date->year, c.date->month, c.date->day);
    return buf;
}

/// The detail API: bytes of `text` that belong to the caption.
std::size_t caption_length(std::string_view text, caption_view& out,
                           std::vector<wirestory::diagnostic>* diags = nullptr) {
    wirestory::detail::sink sink{diags, text.data()};
    return wirestory::detail::parse_caption(
        text, out, wirestory::detail::describe<wirestory::default_style>(), sink);
}

} // namespace

TEST_CASE("parse_caption: Reuters credits") {
    SUBCASE("REUTERS/Name") {
        std::string_view in = "A man walks past a shuttered bakery in Port Ellis, Westland, "
                              "June 3, 2024. REUTERS/Marta Kowalczyk";
        auto c = cap(in);
        REQUIRE(c);
        CHECK(c->text == "A man walks past a shuttered bakery in Port Ellis, Westland, June 3, 2024.");
        CHECK(c->credit == "REUTERS/Marta Kowalczyk");
        CHECK(c->agency == "REUTERS");
        CHECK(c->photographers == list{"Marta Kowalczyk"});
        CHECK(c->qualifiers.empty());
        CHECK(c->providers.empty());
        CHECK(views_inside(in, *c));
    }
    SUBCASE("REUTERS/Name/File Photo") {
        auto c = cap("Traders work on the floor in Harwick, Westland, May 1, 2019. "
                     "REUTERS/Owen Castell/File Photo");
        REQUIRE(c);
        CHECK(c->photographers == list{"Owen Castell"});
        CHECK(c->qualifiers == list{"File Photo"});
    }
    SUBCASE("REUTERS/Name/Pool, capitals kept as written") {
        auto c = cap("Leaders pose for a family photo. REUTERS/Tomas LINDQVIST/POOL");
        REQUIRE(c);
        CHECK(c->photographers == list{"Tomas LINDQVIST"});
        CHECK(c->qualifiers == list{"POOL"});
    }
    SUBCASE("REUTERS/Stringer: an unnamed photographer, neither a name nor a qualifier") {
        auto c = cap("Smoke rises over the harbour in Valdera, Ostland October 2, 2021. REUTERS/Stringer");
        REQUIRE(c);
        CHECK(c->credit == "REUTERS/Stringer");
        CHECK(c->photographers.empty());
        CHECK(c->qualifiers.empty());
    }
    SUBCASE("REUTERS/Handout") {
        auto c = cap("A satellite image shows the dam near Kessel, Ostland. REUTERS/Handout");
        REQUIRE(c);
        CHECK(c->credit == "REUTERS/Handout");
        CHECK(c->qualifiers == list{"Handout"});
        CHECK(c->photographers.empty());
    }
    SUBCASE("REUTERS/Name/Illustration/File Photo") {
        auto c = cap("Tokens are seen in this illustration taken January 8, 2022. "
                     "REUTERS/Dara Quill/Illustration/File Photo");
        REQUIRE(c);
        CHECK(c->photographers == list{"Dara Quill"});
        CHECK(c->qualifiers == list{"Illustration", "File Photo"});
    }
    SUBCASE("REUTERS/Name/File Photo/File Photo keeps both") {
        auto c = cap("The logo is seen in Harwick, May 1, 2019. REUTERS/Owen Castell/File Photo/File Photo");
        REQUIRE(c);
        CHECK(c->qualifiers == list{"File Photo", "File Photo"});
    }
    SUBCASE("Name/Pool via REUTERS") {
        auto c = cap("Prime Minister Ivo Brandt speaks in Lanford, Eastmark, April 2, 2020. "
                     "Lena Varga/Pool via REUTERS");
        REQUIRE(c);
        CHECK(c->credit == "Lena Varga/Pool via REUTERS");
        CHECK(c->agency == "REUTERS");
        CHECK(c->photographers == list{"Lena Varga"});
        CHECK(c->qualifiers == list{"Pool"});
    }
    SUBCASE("Name/Pool via REUTERS/File Photo") {
        auto c = cap("Envoy Ivo Brandt speaks in Lanford, Eastmark June 21, 2021. "
                     "Kim Ha-Eun/Pool via REUTERS/File Photo");
        REQUIRE(c);
        CHECK(c->photographers == list{"Kim Ha-Eun"});
        CHECK(c->qualifiers == list{"Pool", "File Photo"});
    }
    SUBCASE("Organisation/Handout via REUTERS") {
        auto c = cap("Soldiers fire a launcher near Dorvik, Ostland. Ostland Defence Ministry/Handout via REUTERS");
        REQUIRE(c);
        CHECK(c->photographers.empty());
        CHECK(c->providers == list{"Ostland Defence Ministry"});
        CHECK(c->qualifiers == list{"Handout"});
    }
    SUBCASE("an unnamed organisation right before Handout is a provider") {
        auto c = cap("A satellite image shows the port. Orbit Vista/Handout via REUTERS");
        REQUIRE(c);
        CHECK(c->providers == list{"Orbit Vista"});
        CHECK(c->photographers.empty());
    }
    SUBCASE("Name/Press Service/Handout via REUTERS") {
        auto c = cap("A soldier trains recruits in Dorvik region, Ostland August 1, 2025. "
                     "Pavel Orlov/Press Service of the 12th Brigade/Handout via REUTERS");
        REQUIRE(c);
        CHECK(c->photographers == list{"Pavel Orlov"});
        CHECK(c->providers == list{"Press Service of the 12th Brigade"});
        CHECK(c->qualifiers == list{"Handout"});
    }
    SUBCASE("numbered unit/Handout via REUTERS/File Photo") {
        auto c = cap("Troops fire a missile off Eastmark, July 5, 2017. "
                     "8th Westland Army Command/Handout via REUTERS/File Photo");
        REQUIRE(c);
        CHECK(c->providers == list{"8th Westland Army Command"});
        CHECK(c->qualifiers == list{"Handout", "File Photo"});
    }
    SUBCASE("Courtesy X/Handout via REUTERS.") {
        auto c = cap("Seized parcels are shown in Nogal, Westland, January 3, 2019. "
                     "Courtesy U.S. Border Watch/Handout via REUTERS.");
        REQUIRE(c);
        CHECK(c->credit == "Courtesy U.S. Border Watch/Handout via REUTERS");
        CHECK(c->providers == list{"U.S. Border Watch"});
        CHECK(c->text == "Seized parcels are shown in Nogal, Westland, January 3, 2019.");
    }
    SUBCASE("Agency/Name/Organisation via REUTERS") {
        auto c = cap("President Ivo Brandt meets the envoy in Lanford, Eastmark, July 1, 2022. "
                     "Sputnik/Pavel Orlov/Kremlin via REUTERS");
        REQUIRE(c);
        CHECK(c->photographers == list{"Pavel Orlov"});
        CHECK(c->providers == list{"Sputnik", "Kremlin"});
        CHECK(c->agency == "REUTERS");
    }
    SUBCASE("Name/Agency/via REUTERS") {
        auto c = cap("A ferry leaves the port of Halby, Nordland. Sven Aalto/Halby Foto/via REUTERS");
        REQUIRE(c);
        CHECK(c->photographers == list{"Sven Aalto"});
        CHECK(c->providers == list{"Halby Foto"});
        CHECK(c->credit == "Sven Aalto/Halby Foto/via REUTERS");
    }
    SUBCASE("Action Images via Reuters/Name, no full stop before it") {
        std::string_view in = "Cricket - Test - Westland v Eastmark - Harwick Oval - July 2, 2026 "
                              "Westland's Tom Ridley celebrates his century Action Images via Reuters/Pete Marlow";
        auto c = cap(in);
        REQUIRE(c);
        CHECK(c->credit == "Action Images via Reuters/Pete Marlow");
        CHECK(c->agency == "Reuters");
        CHECK(c->providers == list{"Action Images"});
        CHECK(c->photographers == list{"Pete Marlow"});
        CHECK(c->text.substr(c->text.size() - 11) == "his century");
        CHECK(date_of(*c) == "2026-07-02");
    }
    SUBCASE("Image: NAME/REUTERS glued to the description") {
        auto c = cap("Rescuers search the rubble in DornhofImage: KARL BREMER/REUTERS");
        REQUIRE(c);
        CHECK(c->text == "Rescuers search the rubble in Dornhof");
        CHECK(c->credit == "KARL BREMER/REUTERS");
        CHECK(c->agency == "REUTERS");
        CHECK(c->photographers == list{"KARL BREMER"});
    }
}

TEST_CASE("parse_caption: AP credits") {
    SUBCASE("(AP Photo/Name)") {
        auto c = cap("Senator Jane Holt (AP Photo/Ray Dunmore)");
        REQUIRE(c);
        CHECK(c->text == "Senator Jane Holt");
        CHECK(c->credit == "AP Photo/Ray Dunmore");
        CHECK(c->agency == "AP");
        CHECK(c->photographers == list{"Ray Dunmore"});
    }
    SUBCASE("(AP Photo/Name, File)") {
        auto c = cap("FILE - In this May 3, 2019, file photo, Senator Jane Holt speaks in Harwick, "
                     "Westland. (AP Photo/Ray Dunmore, File)");
        REQUIRE(c);
        CHECK(c->credit == "AP Photo/Ray Dunmore, File");
        CHECK(c->qualifiers == list{"File"});
        CHECK(c->text.substr(0, 6) == "FILE -");
    }
    SUBCASE("(Name / AP)") {
        auto c = cap("Senator Jane Holt speaks at a rally in Harwick, Westland, on Feb. 3, 2020. (Ray Dunmore / AP)");
        REQUIRE(c);
        CHECK(c->credit == "Ray Dunmore / AP");
        CHECK(c->agency == "AP");
        CHECK(c->photographers == list{"Ray Dunmore"});
    }
    SUBCASE("NAME / AP after a French description") {
        auto c = cap("Le pr\xC3\xA9sident Ivo Brandt \xC3\xA0 Lanford, le 3 mars 2024. RAY DUNMORE / AP");
        REQUIRE(c);
        CHECK(c->credit == "RAY DUNMORE / AP");
        CHECK(c->photographers == list{"RAY DUNMORE"});
        CHECK(c->place == "Lanford");
        CHECK(date_of(*c) == "2024-03-03");
    }
    SUBCASE("Photo: Name, STF / Associated Press (a credit line alone)") {
        std::string_view in = "Photo: Ray Dunmore, STF / Associated Press";
        auto c = cap(in);
        REQUIRE(c);
        CHECK(c->text.empty());
        CHECK(c->credit == "Ray Dunmore, STF / Associated Press");
        CHECK(c->agency == "Associated Press");
        CHECK(c->photographers == list{"Ray Dunmore"});
        CHECK(c->qualifiers == list{"STF"});
        CHECK(views_inside(in, *c));
    }
    SUBCASE("a bare (AP) after a labelled description") {
        auto c = cap("Photo: Mourners follow the coffin of the former president (AP)");
        REQUIRE(c);
        CHECK(c->text == "Mourners follow the coffin of the former president");
        CHECK(c->credit == "AP");
        CHECK(c->agency == "AP");
        CHECK(c->photographers.empty());
    }
}

TEST_CASE("parse_caption: Getty and other agencies") {
    SUBCASE("Name/AFP via Getty Images") {
        auto c = cap("Fans cheer in Harwick. Lena Varga/AFP via Getty Images");
        REQUIRE(c);
        CHECK(c->agency == "Getty Images");
        CHECK(c->providers == list{"AFP"});
        CHECK(c->photographers == list{"Lena Varga"});
    }
    SUBCASE("(Name/AFP/Getty Images)") {
        auto c = cap("Fans cheer during the final in Harwick.  (Lena Varga/AFP/Getty Images)");
        REQUIRE(c);
        CHECK(c->credit == "Lena Varga/AFP/Getty Images");
        CHECK(c->agency == "Getty Images");
        CHECK(c->providers == list{"AFP"});
        CHECK(c->place == "Harwick");
    }
    SUBCASE("NAME / AFP - Getty Images") {
        auto c = cap("LENA VARGA / AFP - Getty Images");
        REQUIRE(c);
        CHECK(c->text.empty());
        CHECK(c->agency == "Getty Images");
        CHECK(c->providers == list{"AFP"});
        CHECK(c->photographers == list{"LENA VARGA"});
    }
    SUBCASE("(Photo by Name/Getty Images) keeps 'Photo by' in the credit") {
        auto c = cap("HARWICK, WESTLAND - MAY 02: Fans cheer on May 2, 2024 in Harwick, Westland. "
                     "(Photo by Lena Varga/Getty Images)");
        REQUIRE(c);
        CHECK(c->credit == "Photo by Lena Varga/Getty Images");
        CHECK(c->photographers == list{"Lena Varga"});
        CHECK(c->place == "Harwick, Westland");
        CHECK(date_of(*c) == "2024-05-02");
    }
    SUBCASE("Credit: Name/Bloomberg via Getty Images") {
        auto c = cap("Cars wait at a charger. Are their owners stranded? Credit: Lena Varga/Bloomberg via Getty Images");
        REQUIRE(c);
        CHECK(c->text == "Cars wait at a charger. Are their owners stranded?");
        CHECK(c->credit == "Lena Varga/Bloomberg via Getty Images");
        CHECK(c->providers == list{"Bloomberg"});
        CHECK(!c->place);
    }
    SUBCASE("(Image credit: Name/Bloomberg via Getty Images)") {
        auto c = cap("(Image credit: Lena Varga/Bloomberg via Getty Images)");
        REQUIRE(c);
        CHECK(c->text.empty());
        CHECK(c->credit == "Lena Varga/Bloomberg via Getty Images");
    }
    SUBCASE("Photographer: Name/Bloomberg") {
        auto c = cap("Workers stack crates at the port. Photographer: Lena Varga/Bloomberg");
        REQUIRE(c);
        CHECK(c->credit == "Lena Varga/Bloomberg");
        CHECK(c->agency == "Bloomberg");
        CHECK(c->providers.empty());
    }
    SUBCASE("XINHUA PHOTO: NAME") {
        auto c = cap("WESTON, (Xinhua) -- Dancers perform in Weston, on Oct. 3, 2019. XINHUA PHOTO: LI MENG");
        REQUIRE(c);
        CHECK(c->credit == "XINHUA PHOTO: LI MENG");
        CHECK(c->agency == "XINHUA");
        CHECK(c->photographers == list{"LI MENG"});
        CHECK(date_of(*c) == "2019-10-03");
    }
    SUBCASE("Photograph: Name/PTI Photo") {
        auto c = cap("IMAGE: Farmers march in Lanford on Monday. Photograph: Arun Das/PTI Photo");
        REQUIRE(c);
        CHECK(c->text == "Farmers march in Lanford on Monday.");
        CHECK(c->credit == "Arun Das/PTI Photo");
        CHECK(c->agency == "PTI");
        CHECK(c->place == "Lanford");
    }
    SUBCASE("(AFP/stringer)") {
        auto c = cap("The victims were prepared for burial, May, 2014. (AFP/stringer)");
        REQUIRE(c);
        CHECK(c->agency == "AFP");
        CHECK(c->qualifiers == list{"stringer"});
        CHECK(!c->date);  // no day
    }
    SUBCASE("Name / Bloomberg via Getty Images file: a qualifier after the agency") {
        auto c = cap("Cars wait at a charger. Lena Varga / Bloomberg via Getty Images file");
        REQUIRE(c);
        CHECK(c->agency == "Getty Images");
        CHECK(c->providers == list{"Bloomberg"});
        CHECK(c->qualifiers == list{"file"});
    }
    SUBCASE("(Xinhua/Name): a leading agency") {
        auto c = cap("Dancers perform in Weston. (Xinhua/Li Meng)");
        REQUIRE(c);
        CHECK(c->agency == "Xinhua");
        CHECK(c->photographers == list{"Li Meng"});
    }
    SUBCASE("a bare (Reuters) after a caption-like sentence") {
        auto c = cap("Gunmen stormed the hotel and killed at least 10 people. (Reuters)");
        REQUIRE(c);
        CHECK(c->credit == "Reuters");
        CHECK(c->agency == "Reuters");
        CHECK(c->text == "Gunmen stormed the hotel and killed at least 10 people.");
        CHECK(!c->place);
    }
}

TEST_CASE("parse_caption: the description") {
    SUBCASE("a gallery counter is dropped") {
        auto c = cap("[2/5] Supporters cheer in Harwick, Westland June 11, 2023. REUTERS/Ann Lee");
        REQUIRE(c);
        CHECK(c->text == "Supporters cheer in Harwick, Westland June 11, 2023.");
    }
    SUBCASE("FILE PHOTO: and (not seen) are kept") {
        auto c = cap("FILE PHOTO: Minister Ivo Brandt greets Mayor Lia Sorn (not seen) in Lanford, "
                     "Eastmark, November 17, 2025. REUTERS/Ann Lee/File Photo");
        REQUIRE(c);
        CHECK(c->text.substr(0, 11) == "FILE PHOTO:");
        CHECK(c->text.find("(not seen)") != std::string_view::npos);
        CHECK(c->place == "Lanford, Eastmark");
    }
    SUBCASE("a Photo: label is dropped") {
        auto c = cap("Photo: Miners leave the shaft in Karsk. REUTERS/Ann Lee");
        REQUIRE(c);
        CHECK(c->text == "Miners leave the shaft in Karsk.");
    }
    SUBCASE("text spread over lines is kept as written, trimmed") {
        std::string_view in = "  Miners leave the shaft\nin Karsk.\n REUTERS/Ann Lee \n";
        auto c = cap(in);
        REQUIRE(c);
        CHECK(c->text == "Miners leave the shaft\nin Karsk.");
        CHECK(c->place == "Karsk");
        auto owned = wirestory::to_owned(*c);
        CHECK(owned.text == "Miners leave the shaft in Karsk.");
        CHECK(owned.credit == std::string("REUTERS/Ann Lee"));
    }
}

TEST_CASE("parse_caption: place and date") {
    struct row {
        const char* in;
        const char* place;  // nullptr: none
        const char* date;   // "": none
    };
    const row rows[] = {
        {"Crowds gather at the palace in Brenna, Northmark, November 17, 2025. REUTERS/Ann Lee",
         "Brenna, Northmark", "2025-11-17"},
        {"Crowds gather in Brenna, Northmark, Nov. 17, 2025. REUTERS/Ann Lee", "Brenna, Northmark", "2025-11-17"},
        {"Crowds gather in Dorne, Ostland 17 November 2025. REUTERS/Ann Lee", "Dorne, Ostland", "2025-11-17"},
        {"A man walks in Tabor, Westland March 11, 2018. REUTERS/Ann Lee", "Tabor, Westland", "2018-03-11"},
        {"Troops take cover near Vasko, Ostland March 10, 2022. REUTERS/Ann Lee", "Vasko, Ostland", "2022-03-10"},
        {"The building at the corner in Lanford, June 24, 2011. REUTERS/Ann Lee", "Lanford", "2011-06-24"},
        {"Students hug in Halten am Wald, Westland, March, 24, 2015. Staff wept. REUTERS/Ann Lee",
         "Halten am Wald, Westland", "2015-03-24"},
        {"Crowds gather at a hotel in Brenna , Northmark June 21, 2021. REUTERS/Ann Lee", "Brenna , Northmark",
         "2021-06-21"},
        {"Recruits train in Dorvik region, Ostland August 1, 2025. REUTERS/Ann Lee", "Dorvik region, Ostland",
         "2025-08-01"},
        {"Senator Holt speaks in Lanford, Westland, U.S., March 17, 2023. REUTERS/Ann Lee",
         "Lanford, Westland, U.S.", "2023-03-17"},
        {"The radio room in New Harwick, seen Feb. 27, 1953. Staff produce news. (AP Photo/Ray Dunmore)",
         "New Harwick", "1953-02-27"},
        {"Holt speaks in Sutter Falls, Ioland, on Jan. 23, 2016. (Ray Dunmore / AP)", "Sutter Falls, Ioland",
         "2016-01-23"},
        {"Troops parade on December 28,2017 in Karsk, Ostland. Medals followed. (Photo by Lena Varga/Getty Images)",
         "Karsk, Ostland", "2017-12-28"},
        {"FILE - In this March 2, 2020, file photo Holt speaks at a rally in Lanford, N.C. Facing "
         "pressure, Holt rallied his base. (AP Photo/Ray Dunmore, File)",
         "Lanford, N.C.", "2020-03-02"},
        // No date: only a clear "in/near/at Place." tail.
        {"A fighter patrols a road near Kessel, Ostland. REUTERS/Ann Lee", "Kessel, Ostland", ""},
        {"Women take pictures on a foggy morning in Lanford. REUTERS/Ann Lee", "Lanford", ""},
        {"Farmers clashed with police at Velpur in New Harwick on Tuesday. REUTERS/Ann Lee", "New Harwick", ""},
        {"Chancellor Lia Sorn welcomes President Ivo Brandt as the summit opens. REUTERS/Ann Lee", nullptr, ""},
        {"Rebels killed at least 19 people in the attack, officials said. REUTERS/Ann Lee", nullptr, ""},
        {"A dog peers over the shore at Faxe Cove, south of Harwick, Nordland. REUTERS/Ann Lee", nullptr, ""},
    };
    for (const auto& r : rows) {
        CAPTURE(r.in);
        auto c = cap(r.in);
        REQUIRE(c);
        if (r.place)
            CHECK(c->place == std::string_view(r.place));
        else
            CHECK(!c->place);
        CHECK(date_of(*c) == r.date);
        CHECK(views_inside(r.in, *c));
    }
}

TEST_CASE("detail::parse_caption: junk and glued datelines") {
    caption_view out;
    SUBCASE("Purchase Licensing Rights is part of the caption, not of the credit") {
        std::string_view in = "Crowds gather in Harwick, Westland, June 11, 2023. REUTERS/Ann Lee "
                              "Purchase Licensing Rights, opens new tab";
        std::vector<wirestory::diagnostic> diags;
        CHECK(caption_length(in, out, &diags) == in.size());
        CHECK(out.credit == "REUTERS/Ann Lee");
        CHECK(out.photographers == list{"Ann Lee"});
        REQUIRE(diags.size() == 1);
        CHECK(diags[0].code == wirestory::errc::dropped_junk);
        CHECK(diags[0].offset == in.find("Purchase"));
    }
    SUBCASE("ATTENTION EDITORS notice") {
        std::string_view in = "Recruits train near Dorvik, Ostland. Ostland Army/Handout via REUTERS "
                              "ATTENTION EDITORS - THIS IMAGE HAS BEEN SUPPLIED BY A THIRD PARTY";
        CHECK(caption_length(in, out) == in.size());
        CHECK(out.credit == "Ostland Army/Handout via REUTERS");
    }
    SUBCASE("TPX IMAGES OF THE DAY notice") {
        std::string_view in = "Crowds gather in Harwick. REUTERS/Ann Lee TPX IMAGES OF THE DAY";
        CHECK(caption_length(in, out) == in.size());
        CHECK(out.credit == "REUTERS/Ann Lee");
    }
    SUBCASE("© Provided by, glued to a parenthesised credit") {
        std::string_view in = "FILE - Senator Holt speaks. (AP Photo/Ray Dunmore, File)\xC2\xA9 Provided by Associated Press";
        CHECK(caption_length(in, out) == in.size());
        CHECK(out.credit == "AP Photo/Ray Dunmore, File");
    }
    SUBCASE("a dateline glued to a name") {
        std::string_view in = "A worker sorts parcels in Harwick, Westland, June 11, 2023. "
                              "REUTERS/Ann LeePORT ELLIS, June 11 (Reuters) - The company said";
        std::size_t n = caption_length(in, out);
        CHECK(in.substr(n).substr(0, 10) == "PORT ELLIS");
        CHECK(out.credit == "REUTERS/Ann Lee");
        CHECK(out.photographers == list{"Ann Lee"});
    }
    SUBCASE("a date-only dateline glued to a qualifier") {
        std::string_view in = "The logo in Harwick, June 24, 2011. REUTERS/Owen Castell/File Photo/File "
                              "PhotoNov 12 (Reuters) - The agency said";
        std::size_t n = caption_length(in, out);
        CHECK(in.substr(n).substr(0, 6) == "Nov 12");
        CHECK(out.qualifiers == list{"File Photo", "File Photo"});
    }
    SUBCASE("a capitals dateline glued after 'via REUTERS/File Photo'") {
        std::string_view in = "Envoy Kim Ha-Eun speaks in Brenna, Northmark June 21, 2021. Lia Sorn/Pool via "
                              "REUTERS/File PhotoBRENNA, Aug 20 (Reuters) - The envoy";
        std::size_t n = caption_length(in, out);
        CHECK(in.substr(n).substr(0, 6) == "BRENNA");
        CHECK(out.credit == "Lia Sorn/Pool via REUTERS/File Photo");
    }
    SUBCASE("junk, then a dateline after a space") {
        std::string_view in = "Fans cheer in Harwick. REUTERS/Ann Lee Purchase Licensing Rights, opens new tab "
                              "PORT ELLIS, June 11 (Reuters) - The club said";
        std::size_t n = caption_length(in, out);
        CHECK(in.substr(n).substr(0, 10) == "PORT ELLIS");
    }
    SUBCASE("a picture number after the credit") {
        std::string_view in = "Fans cheer in Harwick. REUTERS/Ann Lee - RTX2ABC4";
        CHECK(caption_length(in, out) == in.size());
        CHECK(out.credit == "REUTERS/Ann Lee");
    }
    SUBCASE("a dateline glued after a parenthesised credit") {
        std::string_view in = "Senator Holt speaks. (AP Photo/Ray Dunmore)HARWICK (AP) \xE2\x80\x94 The Senate voted";
        std::size_t n = caption_length(in, out);
        CHECK(in.substr(n).substr(0, 7) == "HARWICK");
    }
}

TEST_CASE("parse_caption: not captions") {
    const char* body[] = {
        "LONDON (Reuters) - Shares fell on Tuesday, a source told Reuters.",
        "Shares fell on Tuesday, a source told Reuters.",
        "The club hopes to win the 2023/24 title and/or the cup, the coach said.",
        "A Reuters/Ipsos poll found that 40% of voters backed the plan.",
        "He called the figure \"unacceptable\". (Reporting by Jane Doe; Editing by Tom Roe)",
        "HARWICK, Westland (Reuters) - Ivo Brandt (pictured) met Lia Sorn on Monday.",
        "By Jane Doe/Reuters",
        "Alex Roe via Getty Images HARWICK - MAY 02: fans cheered",
        "Input/output rose 3% in the quarter, Reuters calculations showed.",
        "The minister (R) shakes hands with the envoy in Brenna, Northmark, June 2, 2022.",
        "Gold futures remained idle in quiet trade. REUTER",  // the classic wire's sign-off
        "Gold futures remained idle in quiet trade. REUTERS",
        "",
        "   ",
    };
    for (const char* in : body) {
        CAPTURE(in);
        CHECK(!cap(in));
    }
}

TEST_CASE("detail::parse_caption: the output object") {
    caption_view out;
    SUBCASE("vectors are cleared between calls, capacity kept") {
        REQUIRE(caption_length("Fans cheer. Sputnik/Pavel Orlov/Kremlin via REUTERS", out) != 0);
        CHECK(out.providers.size() == 2);
        const auto capacity = out.providers.capacity();
        REQUIRE(caption_length("Fans cheer. REUTERS/Ann Lee", out) != 0);
        CHECK(out.providers.empty());
        CHECK(out.providers.capacity() == capacity);
        CHECK(out.photographers == list{"Ann Lee"});
    }
    SUBCASE("no caption leaves an empty object") {
        REQUIRE(caption_length("Fans cheer. REUTERS/Ann Lee", out) != 0);
        CHECK(caption_length("Fans cheered all night, a source told Reuters.", out) == 0);
        CHECK(!out.credit);
        CHECK(out.photographers.empty());
        CHECK(!out.date);
    }
}

TEST_CASE("parse_caption: damaged input never escapes the buffer") {
    const std::string_view inputs[] = {
        "/",          "(",           ")",         "REUTERS/",      "/REUTERS",      "( REUTERS/ )",
        "Photo:",     "via REUTERS", "A//B/REUTERS", "(AP Photo/",  "XINHUA PHOTO:", "[1/",
        "\xC2",       "REUTERS/Ann \xE2\x80", "Ann Lee/REUTERS \xC2\xA9", "Nov 12 (Reuters",
        "in Karsk, June 3, 20", "REUTERS/Ann LeeP",
    };
    for (auto in : inputs) {
        CAPTURE(in);
        caption_view out;
        std::size_t n = caption_length(in, out);
        CHECK(n <= in.size());
        CHECK(views_inside(in, out));
    }
}

namespace {

/// A style whose agency name is longer than any built-in one, to reach far before a "PHOTO:".
struct harbor_photo_style {
    static constexpr std::string_view name = "harbor-photo";
    static constexpr std::string_view agencies[] = {"Harbor Wire Photographic Service"};
    static constexpr std::string_view affiliations[] = {"Harbor Wire"};
    static constexpr std::string_view titles[] = {"correspondent"};
    static constexpr std::string_view signoffs[] = {"HW"};
};

/// `times` copies of `piece`.
std::string repeated(std::string_view piece, int times) {
    std::string s;
    for (int i = 0; i < times; ++i) s += piece;
    return s;
}

} // namespace

TEST_CASE("parse_caption: long body text full of '/', '(' and ':' is no caption") {
    // Every '(' and '/' is a place where a credit could start; none of these has one.
    const std::string sentence =
        "Output for 2023/24 rose 1-1/2 pct (EC figures) to 40 dlrs/tonne, and/or more (see "
        "below), the Karsk/Brenna council said via its port office: costs (ex-works) fell. ";
    SUBCASE("many sentences") {
        const std::string body = repeated(sentence, 22);  // long, but within caption_max_bytes
        CHECK(body.size() > 3500);
        CHECK(body.size() < wirestory::detail::caption_max_bytes);
        CHECK(!cap(body));
        caption_view out;
        CHECK(caption_length(body, out) == 0);
        CHECK(!out.credit);
    }
    SUBCASE("a slash or a parenthesis every few bytes") {
        CHECK(!cap(repeated("a/b (c) ", 500)));
        CHECK(!cap(repeated("(/(/ ", 500)));
        CHECK(!cap(repeated("Ann/Lee ", 300)));       // names, but no agency
        CHECK(!cap(repeated("(Ann Lee) ", 300)));
        CHECK(!cap(repeated("Note: a/b: (c): ", 300)));  // ':' near '/' and '('
    }
    SUBCASE("agency names in the body are no credit either") {
        CHECK(!cap(repeated("Reuters said (Reuters) the Reuters/Ipsos poll, via Reuters data, showed. ", 50)));
        CHECK(!cap(repeated("AP and AFP photos: none (AP) were taken. ", 80)));
    }
    SUBCASE("the same body ending with a credit is a caption") {
        const std::string in = repeated(sentence, 22) + "REUTERS/Marta Kowalczyk";
        auto c = cap(in);
        REQUIRE(c);
        CHECK(c->credit == "REUTERS/Marta Kowalczyk");
        CHECK(c->photographers == list{"Marta Kowalczyk"});
        CHECK(c->text.size() + 1 + c->credit->size() == in.size());
        CHECK(views_inside(in, *c));
    }
    SUBCASE("a body ending with a parenthesised credit") {
        const std::string in = repeated(sentence, 10) + "(AP Photo/Ray Dunmore, File)";
        auto c = cap(in);
        REQUIRE(c);
        CHECK(c->credit == "AP Photo/Ray Dunmore, File");
        CHECK(c->agency == "AP");
        CHECK(c->qualifiers == list{"File"});
        CHECK(views_inside(in, *c));
    }
}

TEST_CASE("parse_caption: credits found near their ':' after long text") {
    const std::string lead = repeated("Boats sail past the old harbour wall in Karsk (Westland) at dawn. ", 20);
    SUBCASE("a label") {
        const std::string in = lead + "Photo: Ann Lee/Reuters";
        auto c = cap(in);
        REQUIRE(c);
        CHECK(c->credit == "Ann Lee/Reuters");
        CHECK(c->agency == "Reuters");
        CHECK(views_inside(in, *c));
    }
    SUBCASE("the longest label, \"Picture credit:\"") {
        const std::string in = lead + "Picture credit: Ann Lee/AFP";
        auto c = cap(in);
        REQUIRE(c);
        CHECK(c->credit == "Ann Lee/AFP");
        CHECK(c->agency == "AFP");
    }
    SUBCASE("a label glued to the description") {
        const std::string in = lead + "A fishing boat in KarskImage: Ann Lee/AFP";
        auto c = cap(in);
        REQUIRE(c);
        CHECK(c->credit == "Ann Lee/AFP");
        CHECK(c->text.substr(c->text.size() - 5) == "Karsk");
    }
    SUBCASE("<AGENCY> PHOTO:") {
        const std::string in = lead + "XINHUA PHOTO: ANN LEE";
        auto c = cap(in);
        REQUIRE(c);
        CHECK(c->agency == "XINHUA");
        CHECK(views_inside(in, *c));
    }
    SUBCASE("an agency name longer than any label, before \"PHOTO:\"") {
        const std::string in = lead + "Harbor Wire Photographic Service PHOTO: Ann Lee";
        auto c = wirestory::parse_caption<harbor_photo_style>(in);
        REQUIRE(c);
        CHECK(c->agency == "Harbor Wire Photographic Service");
        CHECK(c->credit == "Harbor Wire Photographic Service PHOTO: Ann Lee");
        CHECK(views_inside(in, *c));
        // The built-in styles do not know that agency.
        CHECK(!cap(in));
    }
    SUBCASE("\"via\" before an agency") {
        const std::string in = lead + "Ann Lee via Getty Images";
        auto c = cap(in);
        REQUIRE(c);
        CHECK(c->agency == "Getty Images");
        CHECK(c->photographers == list{"Ann Lee"});
    }
    SUBCASE("\"via\" inside words and before other words starts nothing") {
        CHECK(!cap(lead + "Trivia from Bolivia: the plan went via the council (and Via Rail)."));
    }
}

TEST_CASE("detail::parse_caption: junk and glued datelines after long text") {
    caption_view out;
    const std::string lead = repeated("Cranes unload grain (wheat/barley) at the port of Karsk. ", 15);
    SUBCASE("junk after the credit is part of the caption") {
        const std::string in = lead + "REUTERS/Ann Lee Purchase Licensing Rights, opens new tab";
        std::vector<wirestory::diagnostic> diags;
        CHECK(caption_length(in, out, &diags) == in.size());
        CHECK(out.credit == "REUTERS/Ann Lee");
        REQUIRE(diags.size() == 1);
        CHECK(diags[0].code == wirestory::errc::dropped_junk);
    }
    SUBCASE("a dateline glued to the credit is left to the caller") {
        const std::string in = lead + "REUTERS/Ann LeePORT ELLIS, June 11 (Reuters) - Grain prices rose.";
        std::size_t n = caption_length(in, out);
        REQUIRE(n != 0);
        CHECK(std::string_view(in).substr(n, 10) == "PORT ELLIS");
        CHECK(out.photographers == list{"Ann Lee"});
    }
}

TEST_CASE("detail::caption_next_scan_stop: every stop, at every length and offset") {
    using wirestory::detail::caption_next_scan_stop;
    using wirestory::detail::caption_scan_stop;
    // Stops at block edges (16, 32, 34 bytes) and "via" cut by the end of the text.
    const std::string texts[] = {
        "", "v", "vi", "via", "Via", "xvia", "(", "/", ":",
        repeated("x", 15) + "(", repeated("x", 16) + "/", repeated("x", 31) + ":",
        repeated("x", 32) + "via", repeated("x", 33) + "vi", repeated("x", 40) + "(x",
        repeated("x", 47) + "Via x", repeated("x", 70) + "/", "a/b (c) via d: e",
        repeated("x", 17), repeated("x", 33), repeated("x", 34), repeated("vi ", 30),
        repeated("vix", 20) + "via", repeated("x", 31) + "vi" + repeated("x", 31) + "via",
        repeated("x", 15) + "Vi", repeated("x", 16) + "v", repeated("x", 30) + "via",
    };
    bool all_agree = true;
    for (const std::string& t : texts) {
        std::string_view s = t;
        for (std::size_t from = 0; from <= s.size(); ++from) {
            std::size_t expected = from;
            while (expected < s.size() && !caption_scan_stop(s, expected)) ++expected;
            if (caption_next_scan_stop(s, from) != expected) all_agree = false;
        }
    }
    CHECK(all_agree);
    CHECK(caption_next_scan_stop(repeated("x", 40) + "via", 0) == 40);
    CHECK(caption_next_scan_stop(repeated("x", 40) + "vi", 0) == 42);
    CHECK(caption_next_scan_stop("ab:cd", 3) == 5);
}

TEST_CASE("detail::caption_stop_candidates16: the plain rule, for every byte at every position") {
    using wirestory::detail::caption_stop_candidate;
    using wirestory::detail::caption_stop_candidates16;
    // Each byte value at each of the 17 positions, alone, after a 'v' / 'V' (the pair) and
    // after "vi" / "Vi" (the third byte of "via").
    int bad = 0;
    for (int b = 0; b < 256; ++b)
        for (std::size_t at = 0; at < 17; ++at)
            for (const std::string_view before : {"x", "v", "V", "vi", "Vi", "vI"}) {
                std::string w(17, 'x');
                w[at] = static_cast<char>(b);
                for (std::size_t k = 0; k < before.size() && k < at; ++k) w[at - 1 - k] = before[before.size() - 1 - k];
                unsigned expected = 0;
                for (std::size_t j = 0; j < 16; ++j)
                    if (caption_stop_candidate(std::string_view(w), j)) expected |= 1u << j;
                bad += caption_stop_candidates16(w.data()) != expected;
            }
    CHECK(bad == 0);
    // And the candidates hold every stop.
    const std::string_view t = "via Via vi vIa (x/y: z";
    for (std::size_t i = 0; i < t.size(); ++i)
        if (wirestory::detail::caption_scan_stop(t, i)) CHECK(caption_stop_candidate(t, i));
}

TEST_CASE("parse_caption: a block longer than a caption can be is not read as one") {
    // Real captions stay under 1 KB; a block over caption_max_bytes is a paragraph whatever
    // it ends with, and is not scanned for a credit.
    const std::string credit = " REUTERS/Ines Varga";
    std::string sentence = "A ferry leaves the harbour of Port Ellis at dawn. ";
    std::string shorter, longer;
    while (shorter.size() + sentence.size() + credit.size() <= 900) shorter += sentence;
    while (longer.size() + credit.size() <= wirestory::detail::caption_max_bytes) longer += sentence;
    shorter += credit.substr(1);
    longer += credit.substr(1);
    REQUIRE(longer.size() > wirestory::detail::caption_max_bytes);
    auto a = wirestory::parse_caption(shorter);
    REQUIRE(a);
    CHECK(a->photographers == std::vector<std::string_view>{"Ines Varga"});
    CHECK_FALSE(wirestory::parse_caption(longer));
}
