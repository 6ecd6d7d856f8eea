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

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <exception>
#include <functional>
#include <memory>
#include <new>
#include <mutex>
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
/// One thread writes at a time (the batches' turns); any thread may ask whether it failed.
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
    bool failed() const { return failed_.load(std::memory_order_relaxed); }

private:
    void fail() {
        if (!failed_) std::fprintf(stderr, "wirestory: cannot write the output: %s\n", std::strerror(errno));
        failed_.store(true, std::memory_order_relaxed);
    }
    std::atomic<bool> failed_{false};
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

//=== batches of stories, parsed by N threads, written in order ===//

// Parse in batches of about 256 KiB: a batch's text and its JSON then stay in a core's L2
// cache between being read, parsed and written (1 MiB batches did not fit: -j 2 on the 10x
// Reuters stream took 0.27 s against 0.23 s), and the threads share the work more evenly.
constexpr std::size_t batch_bytes = std::size_t(1) << 18;

/// A growable byte buffer that, unlike std::string, does not zero the room it is about to
/// read into.
class byte_buffer {
public:
    const char* data() const { return data_.get(); }
    std::size_t size() const { return size_; }
    /// Room for `n` more bytes after the end; commit() what was written there.
    char* room(std::size_t n) {
        if (capacity_ - size_ < n) {
            std::size_t grown = std::max(capacity_ * 2, size_ + n);
            std::unique_ptr<char[]> bigger(new char[grown]);
            if (size_) std::memcpy(bigger.get(), data_.get(), size_);
            data_ = std::move(bigger);
            capacity_ = grown;
        }
        return data_.get() + size_;
    }
    void commit(std::size_t n) { size_ += n; }
    void append(const char* p, std::size_t n) {
        if (n == 0) return;
        std::memcpy(room(n), p, n);
        size_ += n;
    }
    void clear() { size_ = 0; }

private:
    std::unique_ptr<char[]> data_;
    std::size_t size_ = 0, capacity_ = 0;
};

/// One story of a batch: its text, the members that precede the article in its JSON object
/// ("id", "source"; streams write "index" from `number`), or the error that takes its place.
struct item {
    std::size_t number = 0;  // the story's index (streams) or line number (JSONL), for messages
    std::string prefix;
    std::string owned_text;  // a file's text
    std::string line;        // a JSONL line, decoded by the worker
    std::string_view text;
    std::string error;       // non-empty: {"...prefix", "error": ...} instead of an article
};

/// What `item::number` counts, for "file: story N" / "file:N" / "file" in messages.
enum class where_kind { story, line, file };

/// A batch of stories: filled from the input, parsed and written as JSON, then written out in
/// input order, all by one thread.
struct batch {
    std::string source;  // the input's name, for messages
    where_kind kind = where_kind::file;
    byte_buffer text;    // streams: the bytes the items' texts view
    std::vector<item> items;
    std::size_t n = 0;   // items [0, n) are this batch's
    std::string out;
    std::string warnings;  // stderr lines, printed in input order after the batch's output
    tally count;
    std::size_t ticket = 0;  // its place in the input: batches are written in ticket order

    /// Empty again, keeping the capacity of its strings and items.
    void clear() {
        n = 0;
        out.clear();
        warnings.clear();
        count = tally{};
    }
    /// A new item at the end (reusing the strings of an earlier batch).
    item& add() {
        if (items.size() <= n) items.emplace_back();
        item& it = items[n++];
        it.prefix.clear();
        it.error.clear();
        return it;
    }
    std::string where(const item& it) const {
        switch (kind) {
        case where_kind::story: return source + ": story " + std::to_string(it.number);
        case where_kind::line: return source + ":" + std::to_string(it.number);
        case where_kind::file: break;
        }
        return source;
    }
};

/// Parses batches with N threads and writes their outputs in input order. Each thread does
/// the whole round for batches of its own: under the input lock it fills one (reads the
/// bytes, finds the stories), parses it, and writes it once every earlier batch is written.
/// A batch thus stays in one core's cache from the read to the write. (A reading thread that
/// handed batches to workers moved every byte and its JSON between cores, and its reading and
/// writing were serial: -j 2 ran 1.5-1.7x -j 1.) A thread keeps two batches, so one parsed
/// out of turn does not stall it; memory is bounded by threads x slots x batch size.
class batch_runner {
public:
    /// Fills an empty batch from the input; false when the input is over (nothing was added).
    /// Called under the input lock, so it may keep the input's state.
    using filler = std::function<bool(batch&)>;

    explicit batch_runner(const options& opt) : opt_(opt) {}
    batch_runner(const batch_runner&) = delete;
    batch_runner& operator=(const batch_runner&) = delete;

    /// Parses and writes until `fill` ends the input or the output fails. What a thread
    /// threw (out of memory) is rethrown here, after every batch parsed so far is written.
    void run(const filler& fill, progress& prog) {
        prog_ = &prog;
        std::vector<std::thread> threads;
        {
            // Held until the threads are counted: one that cannot set up compares with the count.
            std::lock_guard<std::mutex> lock(input_mutex_);
            try {
                threads.reserve(opt_.threads - 1);
                for (unsigned t = 1; t < opt_.threads; ++t) threads.emplace_back([&] { serve(fill); });
            } catch (const std::exception& e) {  // the system's limit or memory: go on with those started
                std::fprintf(stderr, "wirestory: started %zu of %u threads: %s\n", threads.size() + 1,
                             opt_.threads, e.what());
            }
            threads_started_ = threads.size() + 1;
        }
        serve(fill);
        for (auto& t : threads) t.join();
        if (error_) std::rethrow_exception(error_);
    }

    const tally& total() const { return total_; }
    output& out() { return out_; }

private:
    /// A parser and its scratch, one per thread.
    struct worker {
        wirestory::parser parser;
        jsonl::reader reader;
        jsonl::record record;  // the decoded line: its text is parsed in place
    };

    // Two batches a thread: one parsed and waiting for its turn, one being parsed. (Three
    // were 2-4% slower at -j 2: a thread's batches and their JSON no longer stayed in its L2.)
    static constexpr std::size_t slots_per_thread = 2;

    /// One thread's part: set up its parser and batches (allocated by the thread that uses
    /// them), then take batches until the input is over.
    void serve(const filler& fill) {
        std::unique_ptr<worker> w;
        std::vector<std::unique_ptr<batch>> slots;
        try {
            w = std::make_unique<worker>();
            slots.resize(opt_.threads == 1 ? 1 : slots_per_thread);
            for (auto& b : slots) b = std::make_unique<batch>();
        } catch (...) {  // out of memory before taking any work: the other threads go on without it
            std::lock_guard<std::mutex> lock(input_mutex_);
            if (++threads_without_memory_ == threads_started_ && !error_) error_ = std::current_exception();
            return;
        }
        for (auto& b : slots) {
            // Room for a batch's JSON (1.3x its text on the Reuters stream) from the start: grown
            // by doubling, each slot's string was copied and its new pages faulted in several
            // times (two thirds of -j 2's page faults; -j 2 3% faster without them).
            try {
                b->out.reserve(2 * batch_bytes);
            } catch (const std::bad_alloc&) {  // only a head start: the string grows as needed
            }
        }
        take_batches(fill, *w, slots);
    }

    void take_batches(const filler& fill, worker& w, std::vector<std::unique_ptr<batch>>& slots) {
        std::size_t oldest = 0, held = 0;  // slots [oldest, oldest + held) wait for their turn
        auto write_oldest = [&](bool wait) {
            if (!write_in_turn(*slots[oldest], wait)) return false;
            oldest = (oldest + 1) % slots.size();
            --held;
            return true;
        };
        for (;;) {
            if (held == slots.size()) write_oldest(true);
            batch& b = *slots[(oldest + held) % slots.size()];
            b.clear();
            try {
                std::lock_guard<std::mutex> lock(input_mutex_);
                if (input_over_ || out_.failed()) break;
                if (!fill(b)) {
                    input_over_ = true;
                    break;
                }
                b.ticket = tickets_++;
            } catch (...) {  // out of memory while reading: stop reading, write what is parsed
                fail(std::current_exception());
                break;
            }
            ++held;
            try {
                work(w, b);
            } catch (...) {  // out of memory outside a story: the batch keeps its turn
                // Its complete objects only: an error object cut short would run into the next.
                const std::size_t line_end = b.out.rfind('\n');
                b.out.resize(line_end == std::string::npos ? 0 : line_end + 1);
                fail(std::current_exception());
            }
            while (held != 0 && write_oldest(false)) {
            }
        }
        while (held != 0) write_oldest(true);
    }

    /// Records the first error and ends the input for every thread.
    void fail(std::exception_ptr e) {
        std::lock_guard<std::mutex> lock(input_mutex_);
        if (!error_) error_ = e;
        input_over_ = true;
    }

    /// Writes the batch when every earlier one is written: waits for that, or (not `wait`)
    /// returns false. Only the thread whose turn it is writes, counts and shows progress.
    bool write_in_turn(batch& b, bool wait) {
        {
            std::unique_lock<std::mutex> lock(turn_mutex_);
            if (turn_ != b.ticket) {
                if (!wait) return false;
                turn_changed_.wait(lock, [&] { return turn_ == b.ticket; });
            }
        }
        if (!opt_.summary) out_.write(b.out);
        std::fputs(b.warnings.c_str(), stderr);
        total_.merge(b.count);
        prog_->update(total_);
        {
            std::lock_guard<std::mutex> lock(turn_mutex_);
            ++turn_;
        }
        turn_changed_.notify_all();
        return true;
    }

    /// A JSONL line's "id" and "text", or the error in its place (reported in input order).
    static void decode(worker& w, batch& b, item& it) {
        if (const char* err = w.reader.read(it.line, w.record)) {
            it.prefix = "\"id\":null,\"line\":" + std::to_string(it.number);
            it.error = err;
            b.warnings += "wirestory: " + b.where(it) + ": " + err + "\n";
            return;
        }
        it.prefix = "\"id\":";
        if (w.record.id_is_string) wirestory::append_json_string(it.prefix, w.record.id_string, false);
        else it.prefix += w.record.id.empty() ? std::string_view("null") : w.record.id;
        it.text = w.record.text;
    }

    void work(worker& w, batch& b) {
        for (std::size_t i = 0; i < b.n; ++i) {
            item& it = b.items[i];
            if (b.kind == where_kind::line) decode(w, b, it);
            if (!it.error.empty()) {
                ++b.count.errors;
                if (!opt_.summary) write_error(b, it, it.error);
                continue;
            }
            const std::size_t mark = b.out.size();
            try {
                const auto& a = w.parser.parse(it.text, *opt_.style);
                b.count.add(a, it.text.size());
                for (const auto& d : a.diagnostics)
                    if (d.code == wirestory::errc::invalid_utf8) {
                        b.warnings += "wirestory: " + b.where(it) + ": bytes that are not UTF-8 at offset " +
                                      std::to_string(d.offset) + " (written as U+FFFD)\n";
                        ++b.count.warnings;
                    }
                if (opt_.summary) continue;
                open_object(b, it);
                wirestory::append_json_members(b.out, a, {false}, true);
                b.out.append("}\n", 2);
            } catch (const std::exception&) {  // only memory can run out; the story keeps its place
                b.out.resize(mark);
                ++b.count.errors;
                b.warnings += "wirestory: " + b.where(it) + ": out of memory\n";
                if (!opt_.summary) write_error(b, it, "out of memory");
            }
        }
    }

    /// '{' and the members before the article's: "index" for streams, else the item's prefix.
    static void open_object(batch& b, const item& it) {
        if (b.kind == where_kind::story) {
            char digits[24];
            const char* end = std::to_chars(digits, digits + sizeof digits, it.number).ptr;
            b.out.append("{\"index\":", 9);
            b.out.append(digits, static_cast<std::size_t>(end - digits));
        } else {
            b.out += '{';
            b.out += it.prefix;
        }
    }

    static void write_error(batch& b, const item& it, std::string_view error) {
        open_object(b, it);
        b.out += ",\"error\":";
        wirestory::append_json_string(b.out, error);
        b.out += "}\n";
    }

    const options& opt_;
    progress* prog_ = nullptr;
    std::mutex input_mutex_;  // guards the filler's input and the three below
    bool input_over_ = false;
    std::size_t tickets_ = 0;  // batches filled so far
    std::exception_ptr error_;
    std::size_t threads_started_ = 0;
    std::size_t threads_without_memory_ = 0;  // threads that could not set up: all of them is an error
    std::mutex turn_mutex_;
    std::condition_variable turn_changed_;
    std::size_t turn_ = 0;  // the ticket of the next batch to write
    tally total_;
    output out_;
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
    /// The same into a byte_buffer, which is not zeroed first.
    std::size_t read(byte_buffer& buf, std::size_t n) {
        std::size_t got = std::fread(buf.room(n), 1, n, f_);
        buf.commit(got);
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

/// Finds the stories' ends, ETX (0x03) or form feed (0x0C), in order: memchr for each, the
/// next position of each remembered until it is passed, so every byte is searched once.
class separator_finder {
public:
    separator_finder(const char* p, std::size_t end)
        : p_(p), end_(end), etx_(find('\x03', 0)), form_feed_(find('\x0C', 0)) {}
    /// The first separator at or after `from`, else the end.
    std::size_t next(std::size_t from) {
        if (etx_ < from) etx_ = find('\x03', from);
        if (form_feed_ < from) form_feed_ = find('\x0C', from);
        return std::min(etx_, form_feed_);
    }

private:
    std::size_t find(char c, std::size_t from) const {
        if (from >= end_) return end_;
        const void* hit = std::memchr(p_ + from, c, end_ - from);
        return hit ? static_cast<std::size_t>(static_cast<const char*>(hit) - p_) : end_;
    }
    const char* p_;
    std::size_t end_;
    std::size_t etx_, form_feed_;  // the next of each, the end when there is none
};

int run_stream(const options& opt, batch_runner& runner, progress& prog) {
    input_file in(opt.files.empty() ? "-" : opt.files.front());
    if (!in.ok()) {
        std::fprintf(stderr, "wirestory: %s: cannot open: %s\n", in.name().c_str(), in.error());
        return 1;
    }
    const std::string name = in.name();
    byte_buffer pending;  // a story cut off by the end of the last batch: the next one starts with it
    std::size_t index = 0;
    bool eof = false;
    runner.run(
        [&](batch& b) {
            if (eof) return false;
            b.kind = where_kind::story;
            b.source = name;
            b.text.clear();
            b.text.append(pending.data(), pending.size());
            pending.clear();
            // Fill to at least one batch; a story longer than that grows the buffer until it ends.
            std::size_t scan_from = b.text.size();  // the pending bytes hold no separator
            std::size_t last_sep = std::string::npos;
            while (!eof) {
                const std::size_t size = b.text.size();
                if (in.read(b.text, size < batch_bytes ? batch_bytes - size : batch_bytes) == 0) {
                    eof = true;
                    break;
                }
                const char* p = b.text.data();
                for (std::size_t i = b.text.size(); i > scan_from; --i)
                    if (p[i - 1] == '\x03' || p[i - 1] == '\x0C') {
                        last_sep = i - 1;
                        break;
                    }
                scan_from = b.text.size();
                if (last_sep != std::string::npos && b.text.size() >= batch_bytes) break;
            }
            const std::size_t end = eof ? b.text.size() : last_sep + 1;
            pending.append(b.text.data() + end, b.text.size() - end);
            const char* p = b.text.data();
            separator_finder separators(p, end);
            for (std::size_t s = 0; s < end;) {
                const std::size_t e = separators.next(s);
                std::string_view story(p + s, e - s);
                if (!is_blank(story)) {
                    item& it = b.add();
                    it.number = index++;
                    it.text = story;
                }
                s = e + 1;
            }
            return true;
        },
        prog);
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
    const std::string name = in.name();
    std::string line;
    std::size_t line_no = 0;
    bool more = true;
    runner.run(
        [&](batch& b) {
            if (!more) return false;
            // The parsing threads decode the lines: only finding them is done under the lock.
            b.kind = where_kind::line;
            b.source = name;
            std::size_t bytes = 0;
            while (bytes < batch_bytes && (more = in.getline(line))) {
                ++line_no;
                if (is_blank(line)) continue;
                item& it = b.add();
                it.number = line_no;
                it.line.swap(line);
                bytes += it.line.size();
            }
            return true;
        },
        prog);
    if (in.bad()) {
        std::fprintf(stderr, "wirestory: %s: read error: %s\n", in.name().c_str(), in.error());
        return 1;
    }
    return 0;
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
    std::size_t next_file = 0;
    runner.run(
        [&](batch& b) {
            if (next_file == files.size()) return false;
            const std::string& path = files[next_file++];
            b.kind = where_kind::file;
            b.source = path;
            item& it = b.add();
            it.prefix = "\"source\":";
            wirestory::append_json_string(it.prefix, path, false);
            it.owned_text.clear();
            input_file in(path);
            while (in.ok() && in.read(it.owned_text, std::size_t(1) << 20) != 0) {
            }
            if (!in.ok() || in.bad()) {
                // In the batch's messages, so that it keeps its place among the others.
                b.warnings += "wirestory: " + in.name() + ": cannot read: " + in.error() + "\n";
                it.error = "cannot read the file";
                status = 1;
            }
            it.text = it.owned_text;
            return true;
        },
        prog);
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
