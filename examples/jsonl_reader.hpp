// The CLI's reader for JSON Lines input: {"id": ..., "text": "..."} per line.
// Only what the CLI needs: the raw text of "id" (echoed as written) and the decoded "text".
// Iterative (no recursion), so a hostile line cannot exhaust the stack.
#ifndef WIRESTORY_EXAMPLES_JSONL_READER_HPP
#define WIRESTORY_EXAMPLES_JSONL_READER_HPP

#include <cstddef>
#include <string>
#include <string_view>

namespace jsonl {

struct record {
    std::string_view id;  ///< raw JSON of the "id" value when it is a number/true/false/null
    std::string id_string;  ///< the decoded "id" when it is a string
    bool id_is_string = false;
    std::string text;     ///< the decoded "text" string
    bool has_text = false;
};

class reader {
public:
    /// Parse one line. Returns nullptr on success, else what is wrong.
    const char* read(std::string_view line, record& out) {
        s_ = line;
        i_ = 0;
        out.id = {};
        out.id_string.clear();
        out.id_is_string = false;
        out.text.clear();
        out.has_text = false;
        ws();
        if (!eat('{')) return "not a JSON object";
        ws();
        if (eat('}')) return finish();
        for (;;) {
            ws();
            if (!peek('"')) return "expected a key";
            key_.clear();
            if (!string(key_)) return "bad string";
            ws();
            if (!eat(':')) return "expected ':'";
            ws();
            if (key_ == "text") {
                if (!peek('"')) return "\"text\" is not a string";
                if (!string(out.text)) return "bad string in \"text\"";
                out.has_text = true;
            } else if (key_ == "id") {
                if (peek('"')) {
                    out.id_string.clear();
                    if (!string(out.id_string)) return "bad string in \"id\"";
                    out.id_is_string = true;
                    out.id = {};
                } else {
                    if (peek('{') || peek('[')) return "\"id\" is not a string or a number";
                    std::size_t b = i_;
                    if (!skip_value()) return "bad value in \"id\"";
                    out.id = s_.substr(b, i_ - b);
                    out.id_is_string = false;
                }
            } else {
                if (!skip_value()) return "bad value";
            }
            ws();
            if (eat(',')) continue;
            if (eat('}')) break;
            return "expected ',' or '}'";
        }
        if (const char* e = finish()) return e;
        if (!out.has_text) return "no \"text\" member";
        return nullptr;
    }

private:
    const char* finish() {
        ws();
        return i_ == s_.size() ? nullptr : "text after the object";
    }
    void ws() {
        while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\r' || s_[i_] == '\n')) ++i_;
    }
    bool peek(char c) const { return i_ < s_.size() && s_[i_] == c; }
    bool eat(char c) {
        if (!peek(c)) return false;
        ++i_;
        return true;
    }
    static int hex(char c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }
    bool hex4(unsigned& v) {
        if (i_ + 4 > s_.size()) return false;
        v = 0;
        for (int k = 0; k < 4; ++k) {
            int h = hex(s_[i_++]);
            if (h < 0) return false;
            v = v * 16 + static_cast<unsigned>(h);
        }
        return true;
    }
    static void utf8(std::string& out, unsigned cp) {
        if (cp < 0x80) {
            out.push_back(static_cast<char>(cp));
        } else if (cp < 0x800) {
            out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        } else if (cp < 0x10000) {
            out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
            out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        } else {
            out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
            out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        }
    }
    /// A JSON string at i_ (which is '"'), decoded into `out`. Lone surrogates become U+FFFD.
    bool string(std::string& out) {
        ++i_;
        while (i_ < s_.size()) {
            // Copy the plain run up to the next quote, backslash or control byte in one go.
            std::size_t b = i_;
            while (i_ < s_.size() && s_[i_] != '"' && s_[i_] != '\\' && static_cast<unsigned char>(s_[i_]) >= 0x20)
                ++i_;
            out.append(s_.data() + b, i_ - b);
            if (i_ >= s_.size()) return false;
            char c = s_[i_++];
            if (c == '"') return true;
            if (static_cast<unsigned char>(c) < 0x20) return false;
            if (c != '\\') {
                out.push_back(c);
                continue;
            }
            if (i_ >= s_.size()) return false;
            char e = s_[i_++];
            switch (e) {
            case '"': out.push_back('"'); break;
            case '\\': out.push_back('\\'); break;
            case '/': out.push_back('/'); break;
            case 'b': out.push_back('\b'); break;
            case 'f': out.push_back('\f'); break;
            case 'n': out.push_back('\n'); break;
            case 'r': out.push_back('\r'); break;
            case 't': out.push_back('\t'); break;
            case 'u': {
                unsigned cp;
                if (!hex4(cp)) return false;
                if (cp >= 0xD800 && cp < 0xDC00 && i_ + 6 <= s_.size() && s_[i_] == '\\' && s_[i_ + 1] == 'u') {
                    std::size_t save = i_;
                    i_ += 2;
                    unsigned lo;
                    if (hex4(lo) && lo >= 0xDC00 && lo < 0xE000) {
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    } else {
                        i_ = save;
                        cp = 0xFFFD;
                    }
                } else if (cp >= 0xD800 && cp < 0xE000) {
                    cp = 0xFFFD;
                }
                utf8(out, cp);
                break;
            }
            default: return false;
            }
        }
        return false;
    }
    /// Skip any JSON value, nesting tracked with a counter rather than recursion.
    bool skip_value() {
        std::size_t depth = 0;
        std::string scratch;
        do {
            ws();
            if (i_ >= s_.size()) return false;
            char c = s_[i_];
            if (c == '{' || c == '[') {
                ++depth;
                ++i_;
                continue;
            }
            if (c == '}' || c == ']') {
                if (depth == 0) return false;
                --depth;
                ++i_;
            } else if (c == '"') {
                scratch.clear();
                if (!string(scratch)) return false;
            } else if (c == ',' || c == ':') {
                if (depth == 0) return false;
                ++i_;
            } else {
                std::size_t b = i_;
                while (i_ < s_.size() && s_[i_] != ',' && s_[i_] != '}' && s_[i_] != ']' && s_[i_] != ' ' &&
                       s_[i_] != '\t' && s_[i_] != ':')
                    ++i_;
                std::string_view tok = s_.substr(b, i_ - b);
                if (!(tok == "true" || tok == "false" || tok == "null" || number(tok))) return false;
            }
        } while (depth > 0);
        return true;
    }
    static bool number(std::string_view t) {
        std::size_t k = 0;
        if (k < t.size() && t[k] == '-') ++k;
        std::size_t digits = 0;
        while (k < t.size() && t[k] >= '0' && t[k] <= '9') ++k, ++digits;
        if (digits == 0) return false;
        if (k < t.size() && t[k] == '.') {
            ++k;
            std::size_t frac = 0;
            while (k < t.size() && t[k] >= '0' && t[k] <= '9') ++k, ++frac;
            if (frac == 0) return false;
        }
        if (k < t.size() && (t[k] == 'e' || t[k] == 'E')) {
            ++k;
            if (k < t.size() && (t[k] == '+' || t[k] == '-')) ++k;
            std::size_t exp = 0;
            while (k < t.size() && t[k] >= '0' && t[k] <= '9') ++k, ++exp;
            if (exp == 0) return false;
        }
        return k == t.size();
    }

    std::string_view s_;
    std::size_t i_ = 0;
    std::string key_;
};

} // namespace jsonl

#endif
