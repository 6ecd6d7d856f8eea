// wirestory: the command-line tool. Reads wire stories, prints their Articles as JSON.
//
//   wirestory FILE             one pretty JSON object
//   wirestory FILE...          JSON Lines, one object per file, with "source"
//   wirestory [-]              one story from stdin
//   wirestory --jsonl [FILE]   JSON Lines in ({"id", "text"}), JSON Lines out, "id" echoed
//   wirestory --stream [FILE]  stories ended by ETX (0x03) or form feed, JSON Lines with "index"
//   --summary                  a table of counts instead of JSON;  -j N  parse with N threads
//
// Input is read in bounded batches, so memory does not grow with the input; output order is
// always the input order. Exit status: 0 all went well, 1 some input failed (reported, the
// rest still processed), 2 usage error.
#include <wirestory/wirestory.hpp>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <exception>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <unistd.h>  // isatty

#include "jsonl_reader.hpp"

namespace {

constexpr std::string_view usage_text =
    "usage: wirestory [options] [FILE...]\n"
    "Parse news-agency wire stories into JSON.\n"
    "\n"
    "  FILE             a story as text; several FILEs give JSON Lines with \"source\"\n"
    "  -                read one story from standard input (also when no FILE is given)\n"
    "  --jsonl [FILE]   read JSON Lines {\"id\": ..., \"text\": \"...\"}, write one object per line\n"
    "  --stream [FILE]  read stories ended by ETX (0x03) or form feed (0x0C), write one object\n"
    "                   per story with its \"index\"\n"
    "  --summary        print a table of counts and speed instead of JSON\n"
    "  -j N             parse with N threads (default 1); output keeps the input order\n"
    "  --style NAME     the agency style: auto (default: detect it), reuters, ap, afp,\n"
    "                   bloomberg, upi, dpa, xinhua, pti, ani, kyodo, yonhap, efe, ansa,\n"
    "                   anadolu, generic\n"
    "  --compact        one-line JSON instead of indented\n"
    "  --quiet          no progress line on stderr\n"
    "  --version        print the version\n"
    "  --help           print this help\n"
    "\n"
    "Exit status: 0 success, 1 some input could not be read or parsed, 2 usage error.\n";

enum class mode { files, jsonl, stream };

struct options {
    mode input = mode::files;
    bool compact = false;
    bool summary = false;
    bool quiet = false;
    unsigned threads = 1;
    const wirestory::style_ref* style = wirestory::find_style("auto");
    std::vector<std::string> files;
};

//=== output ===//

/// stdout with failures noticed: a closed pipe or a full disk ends the run with status 1.
class output {
public:
    bool write(const std::string& s) {
        if (failed_ || s.empty()) return !failed_;
        if (std::fwrite(s.data(), 1, s.size(), stdout) != s.size()) fail();
        return !failed_;
    }
    bool finish() {
        if (!failed_ && std::fflush(stdout) != 0) fail();
        return !failed_;
    }
    bool failed() const { return failed_; }

private:
    void fail() {
        if (!failed_) std::fprintf(stderr, "wirestory: cannot write the output: %s\n", std::strerror(errno));
        failed_ = true;
    }
    bool failed_ = false;
};

//=== counting for --summary ===//

struct tally {
    std::size_t stories = 0, bytes = 0, errors = 0, warnings = 0;
    std::size_t headline = 0, byline = 0, dateline = 0, caption = 0, credits = 0, subheads = 0;

    void add(const wirestory::article_view& a, std::size_t size) {
        ++stories;
        bytes += size;
        headline += a.headline.has_value();
        byline += !a.byline.empty();
        dateline += a.dateline.has_value();
        caption += a.caption.has_value();
        credits += !a.credits.empty();
        subheads += !a.subheads.empty();
    }
    void merge(const tally& o) {
        stories += o.stories, bytes += o.bytes, errors += o.errors, warnings += o.warnings;
        headline += o.headline, byline += o.byline, dateline += o.dateline;
        caption += o.caption, credits += o.credits, subheads += o.subheads;
    }
};

void print_summary(const tally& t, double seconds) {
    double mb = static_cast<double>(t.bytes) / 1e6;
    std::printf("stories    %zu\n", t.stories);
    std::printf("errors     %zu\n", t.errors);
    std::printf("bytes      %zu\n", t.bytes);
    std::printf("seconds    %.3f\n", seconds);
    std::printf("MB/s       %.1f\n", seconds > 0 ? mb / seconds : 0.0);
    auto row = [&](const char* name, std::size_t n) {
        std::printf("%-10s %zu (%.1f%%)\n", name, n, t.stories ? 100.0 * static_cast<double>(n) / static_cast<double>(t.stories) : 0.0);
    };
    row("headline", t.headline);
    row("byline", t.byline);
    row("dateline", t.dateline);
    row("caption", t.caption);
    row("credits", t.credits);
    row("subheads", t.subheads);
}

//=== batches of stories, parsed by N threads, written in order ===//

/// One story of a batch: its text, the members that precede the article in its JSON object
/// ("id", "source", "index"), or the error that takes its place.
struct item {
    std::string where;       // for messages: "file:line", "file: story N", "file"
    std::string prefix;
    std::string owned_text;  // JSONL texts are decoded into here
    std::string_view text;
    std::string error;       // non-empty: {"...prefix", "error": ...} instead of an article
};

struct worker {
    wirestory::parser parser;
    std::string out;
    std::string warnings;  // stderr lines, printed in input order after the batch
    tally count;
};

class batch_runner {
public:
    explicit batch_runner(const options& opt) : opt_(opt), workers_(opt.threads) {}

    /// Parse items [0, n) of `items` and write their objects in order.
    void run(std::vector<item>& items, std::size_t n) {
        const std::size_t k = std::min<std::size_t>(workers_.size(), n == 0 ? 1 : n);
        std::vector<std::thread> threads;
        for (std::size_t w = 1; w < k; ++w)
            threads.emplace_back([&, w] { work(workers_[w], items, n * w / k, n * (w + 1) / k); });
        work(workers_[0], items, 0, n * 1 / k);
        for (auto& t : threads) t.join();
        for (std::size_t w = 0; w < k; ++w) {
            if (!opt_.summary) out_.write(workers_[w].out);
            std::fputs(workers_[w].warnings.c_str(), stderr);
            total_.merge(workers_[w].count);
            workers_[w].count = tally{};
        }
    }

    const tally& total() const { return total_; }
    output& out() { return out_; }

private:
    void work(worker& w, std::vector<item>& items, std::size_t begin, std::size_t end) {
        w.out.clear();
        w.warnings.clear();
        for (std::size_t i = begin; i < end; ++i) {
            const item& it = items[i];
            if (!it.error.empty()) {
                ++w.count.errors;
                if (!opt_.summary) write_error(w.out, it.prefix, it.error);
                continue;
            }
            const std::size_t mark = w.out.size();
            try {
                const auto& a = w.parser.parse(it.text, *opt_.style);
                w.count.add(a, it.text.size());
                for (const auto& d : a.diagnostics)
                    if (d.code == wirestory::errc::invalid_utf8) {
                        w.warnings += "wirestory: " + it.where + ": bytes that are not UTF-8 at offset " +
                                      std::to_string(d.offset) + " (written as U+FFFD)\n";
                        ++w.count.warnings;
                    }
                if (opt_.summary) continue;
                w.out += '{';
                w.out += it.prefix;
                wirestory::append_json_members(w.out, a, {false}, true);
                w.out += "}\n";
            } catch (const std::exception&) {  // only memory can run out; the story keeps its place
                w.out.resize(mark);
                ++w.count.errors;
                w.warnings += "wirestory: " + it.where + ": out of memory\n";
                if (!opt_.summary) write_error(w.out, it.prefix, "out of memory");
            }
        }
    }

    static void write_error(std::string& out, const std::string& prefix, std::string_view error) {
        out += '{';
        out += prefix;
        out += ",\"error\":";
        wirestory::append_json_string(out, error);
        out += "}\n";
    }

    const options& opt_;
    std::vector<worker> workers_;
    tally total_;
    output out_;
};

/// A progress line on stderr for long runs, when stderr is a terminal.
class progress {
public:
    explicit progress(bool enabled) : on_(enabled && isatty(2)), start_(clock::now()), last_(start_) {}
    void update(const tally& t) {
        if (!on_) return;
        auto now = clock::now();
        if (now - last_ < std::chrono::milliseconds(500)) return;
        last_ = now;
        double s = std::chrono::duration<double>(now - start_).count();
        std::fprintf(stderr, "\rwirestory: %zu stories, %.1f MB, %.1f MB/s ", t.stories,
                     static_cast<double>(t.bytes) / 1e6, static_cast<double>(t.bytes) / 1e6 / s);
        shown_ = true;
    }
    void done() {
        if (shown_) std::fputc('\n', stderr);
    }
    double seconds() const { return std::chrono::duration<double>(clock::now() - start_).count(); }

private:
    using clock = std::chrono::steady_clock;
    bool on_;
    bool shown_ = false;
    clock::time_point start_, last_;
};

//=== input ===//

bool is_blank(std::string_view s) {
    for (char c : s)
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != '\v' && c != '\f') return false;
    return true;
}

/// A readable stream: a file or stdin.
class input_file {
public:
    explicit input_file(const std::string& path) : path_(path) {
        if (path == "-") {
            f_ = stdin;
        } else {
            f_ = std::fopen(path.c_str(), "rb");
            if (!f_) error_ = std::strerror(errno);
        }
    }
    ~input_file() {
        if (f_ && f_ != stdin) std::fclose(f_);
    }
    input_file(const input_file&) = delete;
    input_file& operator=(const input_file&) = delete;

    bool ok() const { return f_ != nullptr; }
    const char* error() const { return error_; }
    std::string name() const { return path_ == "-" ? "<stdin>" : path_; }

    /// Append up to `n` bytes to `buf`; returns how many were read (0 at the end).
    std::size_t read(std::string& buf, std::size_t n) {
        std::size_t old = buf.size();
        buf.resize(old + n);
        std::size_t got = std::fread(&buf[old], 1, n, f_);
        buf.resize(old + got);
        if (got == 0 && std::ferror(f_)) {
            error_ = std::strerror(errno);
            bad_ = true;
        }
        return got;
    }
    bool bad() const { return bad_; }

    /// One line (without its '\n') into `line`; false at the end. Lines are as long as they
    /// come: a JSONL record is one line.
    bool getline(std::string& line) {
        line.clear();
        for (;;) {
            if (pos_ == len_) {
                len_ = std::fread(chunk_, 1, sizeof chunk_, f_);
                pos_ = 0;
                if (len_ == 0) {
                    if (std::ferror(f_)) {
                        error_ = std::strerror(errno);
                        bad_ = true;
                    }
                    return !line.empty();
                }
            }
            const char* b = chunk_ + pos_;
            const void* nl = std::memchr(b, '\n', len_ - pos_);
            std::size_t n = nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - b) : len_ - pos_;
            line.append(b, n);
            pos_ += n;
            if (nl) {
                ++pos_;
                return true;
            }
        }
    }

private:
    std::string path_;
    std::FILE* f_ = nullptr;
    const char* error_ = "";
    bool bad_ = false;
    char chunk_[1 << 16];
    std::size_t pos_ = 0, len_ = 0;
};

constexpr std::size_t batch_bytes = std::size_t(4) << 20;  // parse in batches of about 4 MiB

int run_stream(const options& opt, batch_runner& runner, progress& prog) {
    input_file in(opt.files.empty() ? "-" : opt.files.front());
    if (!in.ok()) {
        std::fprintf(stderr, "wirestory: %s: cannot open: %s\n", in.name().c_str(), in.error());
        return 1;
    }
    std::string buf;
    std::vector<item> items;
    std::size_t index = 0;
    bool eof = false;
    while (!eof) {
        // Fill to at least one batch; a story longer than that grows the buffer until it ends.
        std::size_t scan_from = 0;
        std::size_t last_sep = std::string::npos;
        while (!eof) {
            if (in.read(buf, batch_bytes) == 0) {
                eof = true;
                break;
            }
            for (std::size_t i = buf.size(); i > scan_from; --i)
                if (buf[i - 1] == '\x03' || buf[i - 1] == '\x0C') {
                    last_sep = i - 1;
                    break;
                }
            scan_from = buf.size();
            if (last_sep != std::string::npos && buf.size() >= batch_bytes) break;
        }
        std::size_t end = eof ? buf.size() : last_sep + 1;
        std::size_t n = 0;
        for (std::size_t b = 0; b < end;) {
            std::size_t e = b;
            while (e < end && buf[e] != '\x03' && buf[e] != '\x0C') ++e;
            std::string_view story(buf.data() + b, e - b);
            if (!is_blank(story)) {
                if (items.size() <= n) items.emplace_back();
                item& it = items[n++];
                it.where = in.name() + ": story " + std::to_string(index);
                it.prefix = "\"index\":" + std::to_string(index++);
                it.text = story;
                it.error.clear();
            }
            b = e + 1;
        }
        runner.run(items, n);
        prog.update(runner.total());
        buf.erase(0, end);
        if (runner.out().failed()) break;
    }
    if (in.bad()) {
        std::fprintf(stderr, "wirestory: %s: read error: %s\n", in.name().c_str(), in.error());
        return 1;
    }
    return 0;
}

int run_jsonl(const options& opt, batch_runner& runner, progress& prog) {
    input_file in(opt.files.empty() ? "-" : opt.files.front());
    if (!in.ok()) {
        std::fprintf(stderr, "wirestory: %s: cannot open: %s\n", in.name().c_str(), in.error());
        return 1;
    }
    int status = 0;
    jsonl::reader reader;
    jsonl::record rec;
    std::string line;
    std::vector<item> items;
    std::size_t line_no = 0;
    bool more = true;
    while (more) {
        std::size_t n = 0, bytes = 0;
        while (bytes < batch_bytes && (more = in.getline(line))) {
            ++line_no;
            if (is_blank(line)) continue;
            if (items.size() <= n) items.emplace_back();
            item& it = items[n++];
            it.error.clear();
            it.where = in.name() + ":" + std::to_string(line_no);
            if (const char* err = reader.read(line, rec)) {
                it.prefix = "\"id\":null,\"line\":" + std::to_string(line_no);
                it.error = err;
                std::fprintf(stderr, "wirestory: %s:%zu: %s\n", in.name().c_str(), line_no, err);
                status = 1;
                continue;
            }
            it.prefix = "\"id\":";
            if (rec.id_is_string) wirestory::append_json_string(it.prefix, rec.id_string, false);
            else it.prefix += rec.id.empty() ? std::string_view("null") : rec.id;
            it.owned_text.swap(rec.text);
            bytes += it.owned_text.size();
        }
        // Only now that the batch is complete: growing `items` moves the strings (a short one
        // lives inside its item), so a view taken earlier could point at freed memory.
        for (std::size_t k = 0; k < n; ++k)
            if (items[k].error.empty()) items[k].text = items[k].owned_text;
        runner.run(items, n);
        prog.update(runner.total());
        if (runner.out().failed()) break;
    }
    if (in.bad()) {
        std::fprintf(stderr, "wirestory: %s: read error: %s\n", in.name().c_str(), in.error());
        return 1;
    }
    return status;
}

int run_files(const options& opt, batch_runner& runner, progress& prog) {
    std::vector<std::string> files = opt.files;
    if (files.empty()) files.push_back("-");
    int status = 0;
    if (files.size() == 1 && !opt.summary) {  // one story: one (pretty) object
        input_file in(files[0]);
        std::string text;
        while (in.ok() && in.read(text, std::size_t(1) << 20) != 0) {
        }
        if (!in.ok() || in.bad()) {
            std::fprintf(stderr, "wirestory: %s: cannot read: %s\n", in.name().c_str(), in.error());
            return 1;
        }
        wirestory::parser parser;
        const auto& a = parser.parse(text, *opt.style);
        for (const auto& d : a.diagnostics)
            if (d.code == wirestory::errc::invalid_utf8) {
                std::fprintf(stderr, "wirestory: %s: bytes that are not UTF-8 at offset %zu (written as U+FFFD)\n",
                             in.name().c_str(), d.offset);
                status = 1;
            }
        std::string out = wirestory::to_json(a, {!opt.compact});
        out += '\n';
        runner.out().write(out);
        return status;
    }
    std::vector<item> items(1);
    for (const auto& path : files) {
        item& it = items[0];
        it.where = path;
        it.prefix = "\"source\":";
        wirestory::append_json_string(it.prefix, path, false);
        it.error.clear();
        it.owned_text.clear();
        input_file in(path);
        while (in.ok() && in.read(it.owned_text, std::size_t(1) << 20) != 0) {
        }
        if (!in.ok() || in.bad()) {
            std::fprintf(stderr, "wirestory: %s: cannot read: %s\n", in.name().c_str(), in.error());
            it.error = "cannot read the file";
            status = 1;
        }
        it.text = it.owned_text;
        runner.run(items, 1);
        prog.update(runner.total());
        if (runner.out().failed()) break;
    }
    return status;
}

bool parse_threads(std::string_view s, unsigned& n) {
    if (s.empty() || s.size() > 4) return false;
    n = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return false;
        n = n * 10 + static_cast<unsigned>(c - '0');
    }
    return n >= 1 && n <= 1024;
}

} // namespace

int main(int argc, char** argv) {
    std::signal(SIGPIPE, SIG_IGN);  // a closed stdout is a write error we report, not a crash
    options opt;
    for (int i = 1; i < argc; ++i) {
        std::string_view a = argv[i];
        if (a == "--help" || a == "-h") {
            std::fputs(usage_text.data(), stdout);
            return 0;
        } else if (a == "--version") {
            std::puts("wirestory " WIRESTORY_VERSION_STRING);
            return 0;
        } else if (a == "--jsonl") {
            opt.input = mode::jsonl;
        } else if (a == "--stream") {
            opt.input = mode::stream;
        } else if (a == "--style") {
            opt.style = i + 1 < argc ? wirestory::find_style(argv[++i]) : nullptr;
            if (!opt.style) {
                std::fprintf(stderr, "wirestory: --style needs one of: auto, reuters, ap, afp, bloomberg, upi, dpa, "
                                     "xinhua, pti, ani, kyodo, yonhap, efe, ansa, anadolu, generic\n");
                return 2;
            }
        } else if (a == "--compact") {
            opt.compact = true;
        } else if (a == "--summary") {
            opt.summary = true;
        } else if (a == "--quiet" || a == "-q") {
            opt.quiet = true;
        } else if (a == "-j" || a.substr(0, 2) == "-j") {
            std::string_view v = a.size() > 2 ? a.substr(2) : (i + 1 < argc ? std::string_view(argv[++i]) : "");
            if (!parse_threads(v, opt.threads)) {
                std::fprintf(stderr, "wirestory: -j needs a number of threads from 1 to 1024\n");
                return 2;
            }
        } else if (a.size() > 1 && a[0] == '-') {
            std::fprintf(stderr, "wirestory: unknown option '%s'\n%s", argv[i], usage_text.data());
            return 2;
        } else {
            opt.files.emplace_back(a);
        }
    }
    if (opt.input != mode::files && opt.files.size() > 1) {
        std::fprintf(stderr, "wirestory: --jsonl and --stream read one FILE (or stdin)\n");
        return 2;
    }
    batch_runner runner(opt);
    progress prog(!opt.quiet);
    int status = 0;
    try {
        status = opt.input == mode::jsonl    ? run_jsonl(opt, runner, prog)
                 : opt.input == mode::stream ? run_stream(opt, runner, prog)
                                             : run_files(opt, runner, prog);
    } catch (const std::exception&) {  // reading a huge input can exhaust memory
        std::fprintf(stderr, "wirestory: out of memory\n");
        status = 1;
    }
    prog.done();
    if (opt.summary) print_summary(runner.total(), prog.seconds());
    if (!runner.out().finish()) return 1;
    if (runner.total().errors || runner.total().warnings) status = 1;
    return status;
}
