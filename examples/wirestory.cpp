// wirestory: the command-line tool. Reads wire stories, prints their Articles as JSON.
//
//   wirestory FILE            one pretty JSON object
//   wirestory FILE...         JSON Lines, one object per file, with "source"
//   wirestory [-]             one story from stdin
//   wirestory --jsonl [FILE]  JSON Lines in ({"id", "text"}), JSON Lines out, "id" echoed
//
// Exit status: 0 all went well, 1 some input failed (reported, the rest still processed),
// 2 usage error.
#include <wirestory/wirestory.hpp>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "jsonl_reader.hpp"

namespace {

constexpr std::string_view usage_text =
    "usage: wirestory [options] [FILE...]\n"
    "Parse news-agency wire stories into JSON.\n"
    "\n"
    "  FILE            a story as text; several FILEs give JSON Lines with \"source\"\n"
    "  -               read one story from standard input (also when no FILE is given)\n"
    "  --jsonl [FILE]  read JSON Lines {\"id\": ..., \"text\": \"...\"}, write one object per line\n"
    "  --compact       one-line JSON instead of indented\n"
    "  --version       print the version\n"
    "  --help          print this help\n"
    "\n"
    "Exit status: 0 success, 1 some input could not be read or parsed, 2 usage error.\n";

struct options {
    bool jsonl = false;
    bool compact = false;
    std::vector<std::string> files;
};

bool read_all(std::istream& in, std::string& out) {
    out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    return !in.bad();
}

bool read_file(const std::string& path, std::string& out) {
    if (path == "-") return read_all(std::cin, out);
    std::ifstream f(path, std::ios::binary);
    if (!f) return false;
    return read_all(f, out);
}

void write(const std::string& s) {
    std::fwrite(s.data(), 1, s.size(), stdout);
}

/// Every written object goes through here so a failed write (closed pipe, full disk) is noticed.
bool flush_ok() { return std::fflush(stdout) == 0 && !std::ferror(stdout); }

int run_jsonl(const options& opt) {
    std::string path = opt.files.empty() ? "-" : opt.files.front();
    std::ifstream file;
    std::istream* in = &std::cin;
    if (path != "-") {
        file.open(path, std::ios::binary);
        if (!file) {
            std::cerr << "wirestory: " << path << ": cannot open: " << std::strerror(errno) << '\n';
            return 1;
        }
        in = &file;
    }
    int status = 0;
    wirestory::parser parser;
    jsonl::reader reader;
    jsonl::record rec;
    std::string line, out;
    std::size_t line_no = 0;
    const wirestory::json_options jopt{false};
    while (std::getline(*in, line)) {
        ++line_no;
        if (wirestory::detail::trim(line).empty()) continue;
        out.clear();
        if (const char* err = reader.read(line, rec)) {
            out += "{\"id\":null,\"line\":" + std::to_string(line_no) + ",\"error\":";
            wirestory::append_json_string(out, err);
            out += "}\n";
            std::cerr << "wirestory: " << (path == "-" ? "<stdin>" : path) << ":" << line_no << ": " << err << '\n';
            status = 1;
        } else {
            out += "{\"id\":";
            if (rec.id_is_string) wirestory::append_json_string(out, rec.id_string, false);
            else if (rec.id.empty()) out += "null";
            else out += rec.id;
            const auto& a = parser.parse(rec.text);
            wirestory::append_json_members(out, a, jopt, true);
            out += "}\n";
        }
        write(out);
    }
    if (in->bad()) {
        std::cerr << "wirestory: " << path << ": read error\n";
        status = 1;
    }
    if (!flush_ok()) {
        std::cerr << "wirestory: cannot write the output\n";
        return 1;
    }
    return status;
}

int run_files(const options& opt) {
    std::vector<std::string> files = opt.files;
    if (files.empty()) files.push_back("-");
    const bool lines = files.size() > 1;
    const wirestory::json_options jopt{!(lines || opt.compact)};
    int status = 0;
    std::string text, out;
    wirestory::parser parser;
    for (const auto& path : files) {
        out.clear();
        if (!read_file(path, text)) {
            std::cerr << "wirestory: " << path << ": cannot read: " << std::strerror(errno) << '\n';
            status = 1;
            if (lines) {
                out += "{\"source\":";
                wirestory::append_json_string(out, path, false);
                out += ",\"error\":\"cannot read the file\"}\n";
                write(out);
            }
            continue;
        }
        const auto& a = parser.parse(text);
        if (lines) {
            out += "{\"source\":";
            wirestory::append_json_string(out, path, false);
            wirestory::append_json_members(out, a, jopt, true);
            out += "}\n";
        } else {
            out = wirestory::to_json(a, jopt);
            out += '\n';
        }
        write(out);
    }
    if (!flush_ok()) {
        std::cerr << "wirestory: cannot write the output\n";
        return 1;
    }
    return status;
}

} // namespace

int main(int argc, char** argv) {
    options opt;
    for (int i = 1; i < argc; ++i) {
        std::string_view a = argv[i];
        if (a == "--help" || a == "-h") {
            std::cout << usage_text;
            return 0;
        } else if (a == "--version") {
            std::cout << "wirestory " WIRESTORY_VERSION_STRING "\n";
            return 0;
        } else if (a == "--jsonl") {
            opt.jsonl = true;
        } else if (a == "--compact") {
            opt.compact = true;
        } else if (a.size() > 1 && a[0] == '-') {
            std::cerr << "wirestory: unknown option '" << a << "'\n" << usage_text;
            return 2;
        } else {
            opt.files.emplace_back(a);
        }
    }
    if (opt.jsonl && opt.files.size() > 1) {
        std::cerr << "wirestory: --jsonl reads one FILE (or stdin)\n";
        return 2;
    }
    return opt.jsonl ? run_jsonl(opt) : run_files(opt);
}
