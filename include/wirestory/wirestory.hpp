// wirestory: parse news-agency wire stories into a typed Article.
// Include this one header and you have everything:
//
//   #include <wirestory/wirestory.hpp>
//   auto a = wirestory::parse(story_text);            // article_view: views into story_text
//   std::string json = wirestory::to_json(a);
//   wirestory::article owned = wirestory::to_owned(a);  // outlives story_text
#ifndef WIRESTORY_WIRESTORY_HPP
#define WIRESTORY_WIRESTORY_HPP

#include "version.hpp"
#include "diagnostic.hpp"
#include "article.hpp"
#include "style.hpp"
#include "byline.hpp"
#include "dateline.hpp"
#include "caption.hpp"
#include "credits.hpp"
#include "contributors.hpp"
#include "parse.hpp"
#include "json.hpp"

#endif
