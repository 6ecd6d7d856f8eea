// wirestory: who made the story. One entry per person across the byline, the reporting
// credits and the photo credit, with every role they had, their place, and the spellings
// seen: "Huseyin Hayatsever" (byline) and "Hüseyin Hayatsever" (credits) are one person.
//
// Two spellings are the same person when, with diacritics folded and case ignored, they have
// the same number of words, the same surname (last word), and differ in at most one letter
// elsewhere ("Anastasiia" / "Anastasia"). Different surnames never merge.
//
// Desks credited with reporting ("Kyiv, Moscow and Istanbul newsrooms") are contributors
// too, marked `desk`, so that the list accounts for everyone the story credits.
//
// The list is derived from the article on demand (it is not stored in it), and is linear in
// the number of people: exact matches go through a hash map, and a near match is looked for
// among at most a few earlier people with the same surname.
#ifndef WIRESTORY_CONTRIBUTORS_HPP
#define WIRESTORY_CONTRIBUTORS_HPP

#include <cstddef>        // std::size_t
#include <optional>       // location
#include <string>         // folded keys
#include <string_view>    // names
#include <unordered_map>  // key -> contributor
#include <vector>         // the list

#include "article.hpp"
#include "detail/text.hpp"

namespace wirestory {

/// How a contributor took part.
enum class contribution {
    byline,  ///< named in the byline
    photo,   ///< took the photo
    credit,  ///< a reporting-credit role; see `role` and `label`
};

template <class String = std::string>
struct basic_contributor_role {
    contribution kind = contribution::credit;
    credit_role role = credit_role::other;  ///< for `credit`
    String label;                           ///< for `credit`: the role as written
};

template <class String = std::string>
struct basic_contributor {
    String name;                                        ///< the first spelling seen
    std::vector<String> spellings;                      ///< every distinct spelling, in order
    std::vector<basic_contributor_role<String>> roles;  ///< in order, without repeats
    std::optional<String> location;                     ///< the first place given for them
    bool desk = false;                                  ///< a newsroom desk, not a person
};

using contributor = basic_contributor<std::string>;
using contributor_view = basic_contributor<std::string_view>;

/// The people of an article, merged across byline, credits and photo credit.
template <class String>
std::vector<basic_contributor<String>> contributors(const basic_article<String>& a);

//=== implementation ===//

namespace detail {

/// Lower-case ASCII letter for a Latin letter U+00C0..U+017F, '?' for the rest.
constexpr std::string_view latin_fold_table =
    "aaaaaaaceeeeiiiidnooooo?ouuuuytsaaaaaaaceeeeiiiidnooooo?ouuuuyty"
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkkllllllllll"
    "nnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

/// A name as a matching key: letters folded to lower-case ASCII, words separated by one
/// space; other bytes (punctuation, unknown scripts) kept as they are.
inline void fold_name(std::string_view name, std::string& key) {
    key.clear();
    bool space = false;
    for (std::size_t i = 0; i < name.size();) {
        if (std::size_t n = space_len(name, i)) {
            space = !key.empty();
            i += n;
            continue;
        }
        if (space) key.push_back(' ');
        space = false;
        unsigned char c = static_cast<unsigned char>(name[i]);
        if (c < 0x80) {
            if (c != '.' && c != '\'') key.push_back(to_lower(static_cast<char>(c)));
            ++i;
            continue;
        }
        std::size_t n = utf8_len(name, i);
        if (n == 2) {
            unsigned cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(name[i + 1]) & 0x3Fu);
            if (cp >= 0xC0 && cp < 0xC0 + latin_fold_table.size() && latin_fold_table[cp - 0xC0] != '?') {
                key.push_back(latin_fold_table[cp - 0xC0]);
                i += 2;
                continue;
            }
        }
        if (n == 0) n = 1;
        key.append(name.data() + i, n);
        i += n;
    }
}

/// The surname part of a folded key: its last word.
inline std::string_view key_surname(std::string_view key) {
    std::size_t sp = key.rfind(' ');
    return sp == std::string_view::npos ? key : key.substr(sp + 1);
}

/// Do two folded keys differ by at most one inserted, deleted or changed letter?
inline bool within_one_edit(std::string_view a, std::string_view b) {
    if (a.size() > b.size()) std::swap(a, b);
    if (b.size() - a.size() > 1) return false;
    std::size_t i = 0;
    while (i < a.size() && a[i] == b[i]) ++i;
    if (a.size() == b.size()) return a.substr(i + (i < a.size())) == b.substr(i + (i < b.size()));
    return a.substr(i) == b.substr(i + 1);
}

/// Same person: same number of words, same surname, at most one letter apart elsewhere.
inline bool same_person(std::string_view a, std::string_view b) {
    std::string_view sa = key_surname(a), sb = key_surname(b);
    if (sa != sb) return false;
    std::size_t wa = 0, wb = 0;
    for (char c : a) wa += c == ' ';
    for (char c : b) wb += c == ' ';
    return wa == wb && within_one_edit(a, b);
}

template <class String>
class contributor_builder {
public:
    void add(const String& name, const std::optional<String>& location, basic_contributor_role<String> role,
             bool desk = false) {
        if (std::string_view(name).empty()) return;
        fold_name(name, key_);
        if (key_.empty()) return;
        std::size_t index = find();
        if (index == npos) {
            index = out_.size();
            out_.push_back(basic_contributor<String>{name, {name}, {}, std::nullopt, desk});
            keys_.push_back(key_);
            if (indexed_) index_key(index);
            else if (keys_.size() > small) index_all();
        }
        auto& c = out_[index];
        bool spelled = false;
        for (const auto& s : c.spellings) spelled |= same_collapsed(s, name);
        if (!spelled) c.spellings.push_back(name);
        bool has_role = false;
        for (const auto& r : c.roles)
            has_role |= r.kind == role.kind && r.role == role.role &&
                        same_collapsed(r.label, role.label, true);
        if (!has_role) c.roles.push_back(role);
        if (!c.location && location) c.location = location;
    }

    std::vector<basic_contributor<String>> take() { return std::move(out_); }

private:
    static constexpr std::size_t npos = static_cast<std::size_t>(-1);
    static constexpr std::size_t max_candidates = 8;  // keeps 100,000 namesakes linear

    // Up to `small` people (nearly every story) are looked up by a plain scan, with no hash
    // maps built; past that the maps take over. Both find the same entry: the exact key
    // first, else the first earlier person of that surname (of at most max_candidates) who
    // is a near match.
    static constexpr std::size_t small = 8;

    std::size_t find() const {
        if (!indexed_) {
            for (std::size_t k = 0; k < keys_.size(); ++k)
                if (keys_[k] == key_) return k;
            const std::string_view surname = key_surname(key_);
            std::size_t candidates = 0;
            for (std::size_t k = 0; k < keys_.size() && candidates < max_candidates; ++k)
                if (key_surname(keys_[k]) == surname) {
                    ++candidates;
                    if (same_person(keys_[k], key_)) return k;
                }
            return npos;
        }
        if (auto it = by_key_.find(key_); it != by_key_.end()) return it->second;
        auto bucket = by_surname_.find(std::string(key_surname(key_)));
        if (bucket == by_surname_.end()) return npos;
        for (std::size_t index : bucket->second)
            if (same_person(keys_[index], key_)) return index;
        return npos;
    }

    void index_key(std::size_t index) {
        by_key_.emplace(keys_[index], index);
        auto& bucket = by_surname_[std::string(key_surname(keys_[index]))];
        if (bucket.size() < max_candidates) bucket.push_back(index);
    }
    void index_all() {
        for (std::size_t k = 0; k < keys_.size(); ++k) index_key(k);
        indexed_ = true;
    }

    std::string key_;
    std::vector<basic_contributor<String>> out_;
    std::vector<std::string> keys_;
    bool indexed_ = false;  // the maps below are built (more than `small` people)
    std::unordered_map<std::string, std::size_t> by_key_;
    std::unordered_map<std::string, std::vector<std::size_t>> by_surname_;
};

} // namespace detail

template <class String>
std::vector<basic_contributor<String>> contributors(const basic_article<String>& a) {
    detail::contributor_builder<String> b;
    for (const auto& p : a.byline.authors) b.add(p.name, p.location, {contribution::byline, credit_role::other, {}});
    for (const auto& c : a.credits) {
        for (const auto& p : c.people) b.add(p.name, p.location, {contribution::credit, c.role, c.label});
        for (const auto& d : c.desks) b.add(d, std::nullopt, {contribution::credit, c.role, c.label}, true);
    }
    if (a.caption)
        for (const auto& p : a.caption->photographers) b.add(p, std::nullopt, {contribution::photo, credit_role::other, {}});
    return b.take();
}

} // namespace wirestory

#endif
