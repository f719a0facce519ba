// Log files with spdlog: rotating files, a redacting sink in front of them, reading them back.
//
// [SECTION] Redaction
// [SECTION] Setup
// [SECTION] Reading the logs back
#include "pos/store/logging.hpp"

#include <spdlog/sinks/base_sink.h>
#include <spdlog/sinks/null_sink.h>
#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/spdlog.h>

#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <regex>

namespace waserda::store {

namespace fs = std::filesystem;

// [SECTION] Redaction

namespace {

// A value: a quoted string or a run up to a separator. The key names that hold secrets in this
// project: PINs (pin, approver-pin, new_pin), tokens (token, sync.token, device_token), passwords,
// secrets and API keys.
constexpr const char* kValue = R"((?:"[^"]*"|'[^']*'|[^\s"',;&}\]]+))";
constexpr const char* kSecretWord = R"((?:pins?|password|passwd|token|secret|api[-_]?key))";

const std::vector<std::regex>& secret_patterns() {
    static const std::vector<std::regex> patterns = [] {
        auto icase = std::regex::ECMAScript | std::regex::icase | std::regex::optimize;
        std::string word = kSecretWord;
        std::string value = kValue;
        return std::vector<std::regex>{
            // Command-line options: --pin 1234, --approver-pin=3456, --token abc.
            std::regex(R"((--(?:[a-z0-9]+[-_])*)" + word + R"((?:\s+|\s*=\s*)))" + value, icase),
            // key=value, key: value, "key": "value" (JSON), including dotted settings keys.
            std::regex(R"(("?\b(?:[a-z0-9]+[-_.])*)" + word + R"("?\s*[:=]\s*))" + value, icase),
            // `settings set sync.token abc`: a dotted settings key followed by its value.
            std::regex(R"((\b[a-z0-9_]+\.(?:[a-z0-9]+[-_.])*)" + word + R"(\s+))" + value, icase),
            // HTTP authorization headers.
            std::regex(R"((\bbearer\s+)[^\s"',;]+)", icase),
        };
    }();
    return patterns;
}

// base_sink's own formatter is unused: formatting is the inner sink's job, so the pattern goes there.
class RedactingSink final : public spdlog::sinks::base_sink<std::mutex> {
public:
    explicit RedactingSink(spdlog::sink_ptr inner) : inner_(std::move(inner)) {}

protected:
    void sink_it_(const spdlog::details::log_msg& msg) override {
        std::string clean = redact_secrets(std::string_view(msg.payload.data(), msg.payload.size()));
        spdlog::details::log_msg copy = msg;
        copy.payload = spdlog::string_view_t(clean.data(), clean.size());
        inner_->log(copy);
    }
    void flush_() override { inner_->flush(); }
    void set_pattern_(const std::string& pattern) override { inner_->set_pattern(pattern); }
    void set_formatter_(std::unique_ptr<spdlog::formatter> f) override { inner_->set_formatter(std::move(f)); }

private:
    spdlog::sink_ptr inner_;
};

}  // namespace

std::string redact_secrets(std::string_view text) {
    // Cheap exit for the common line that mentions no secret at all.
    std::string lower(text);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    bool maybe = false;
    for (const char* w : {"pin", "pass", "token", "secret", "key", "bearer"})
        if (lower.find(w) != std::string::npos) maybe = true;
    if (!maybe) return std::string(text);
    std::string out(text);
    for (const auto& re : secret_patterns()) out = std::regex_replace(out, re, "$1***");
    return out;
}

// [SECTION] Setup

namespace {

constexpr std::size_t kMaxFileBytes = 1024 * 1024;
constexpr std::size_t kKeptFiles = 5;
// Sortable as text (logs are read back in time order by this prefix) and with the process id, so
// two programs writing side by side can be told apart.
constexpr const char* kPattern = "[%Y-%m-%d %H:%M:%S.%e] [%n] [%l] [%P] %v";

void drop_everything(const std::string& program_name) {
    auto logger = std::make_shared<spdlog::logger>(program_name, std::make_shared<spdlog::sinks::null_sink_mt>());
    spdlog::set_default_logger(logger);
}

}  // namespace

std::string data_dir_for(const std::string& db_path) {
    if (!db_path.empty()) {
        auto parent = fs::path(db_path).parent_path();
        return parent.empty() ? std::string(".") : parent.string();
    }
    if (const char* env = std::getenv("WASERDA_DB"); env && *env) return data_dir_for(env);
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) return std::string(xdg) + "/waserda";
    if (const char* home = std::getenv("HOME"); home && *home) return std::string(home) + "/.local/share/waserda";
    return ".";
}

std::string logs_dir(const std::string& data_dir) { return (fs::path(data_dir) / "logs").string(); }

bool init_logging(const std::string& data_dir, const std::string& program_name) {
    // Until a file is open nothing may reach stdout: spdlog's stock default logger writes there,
    // and the CLI's stdout is read by scripts.
    drop_everything(program_name);
    std::error_code ec;
    fs::path dir = logs_dir(data_dir);
    fs::create_directories(dir, ec);
    if (ec) return false;
    try {
        auto file = std::make_shared<spdlog::sinks::rotating_file_sink_mt>((dir / (program_name + ".log")).string(),
                                                                           kMaxFileBytes, kKeptFiles);
        auto logger = std::make_shared<spdlog::logger>(program_name, std::make_shared<RedactingSink>(file));
        logger->set_pattern(kPattern);
        logger->set_level(spdlog::level::info);
        logger->flush_on(spdlog::level::info);
        spdlog::set_default_logger(logger);
        return true;
    } catch (const spdlog::spdlog_ex&) {
        return false;
    }
}

void log_invocation(int argc, const char* const* argv) {
    std::string line;
    for (int i = 0; i < argc; ++i) {
        std::string arg = i == 0 ? fs::path(argv[i]).filename().string() : std::string(argv[i]);
        if (!line.empty()) line += ' ';
        bool quote = arg.empty() || arg.find_first_of(" \t\"'") != std::string::npos;
        line += quote ? "\"" + arg + "\"" : arg;
    }
    spdlog::info("mulai: {}", line);  // redacted by the sink
}

// [SECTION] Reading the logs back

namespace {

struct LogFile {
    fs::path path;
    fs::file_time_type mtime;
    std::uintmax_t inode = 0;
    std::uintmax_t size = 0;
};

// waserda.log -> 0, waserda.3.log -> 3: spdlog's rotated files, higher is older.
int rotation_index(const fs::path& path) {
    std::string stem = path.stem().string();
    auto dot = stem.rfind('.');
    if (dot == std::string::npos || dot + 1 == stem.size()) return 0;
    for (std::size_t i = dot + 1; i < stem.size(); ++i)
        if (!std::isdigit(static_cast<unsigned char>(stem[i]))) return 0;
    return std::atoi(stem.c_str() + dot + 1);
}

// The log files of a folder, oldest first (a rotated file is older than the one that replaced it).
std::vector<LogFile> log_files(const std::string& dir) {
    std::vector<LogFile> files;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec)) {
        if (!e.is_regular_file(ec) || e.path().extension() != ".log") continue;
        struct stat st{};
        if (::stat(e.path().c_str(), &st) != 0) continue;
        files.push_back({e.path(), e.last_write_time(ec), static_cast<std::uintmax_t>(st.st_ino),
                         static_cast<std::uintmax_t>(st.st_size)});
    }
    std::stable_sort(files.begin(), files.end(), [](const LogFile& a, const LogFile& b) {
        if (a.mtime != b.mtime) return a.mtime < b.mtime;
        return rotation_index(a.path) > rotation_index(b.path);  // same instant: waserda.1.log first
    });
    return files;
}

// "[2025-01-31 08:00:00.123] ..." -> "2025-01-31 08:00:00.123"; other lines have no time of their own.
std::string time_key(const std::string& line) {
    if (line.size() < 25 || line[0] != '[' || line[24] != ']' || !std::isdigit(static_cast<unsigned char>(line[1])))
        return {};
    return line.substr(1, 23);
}

std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        auto nl = text.find('\n', start);
        if (nl == std::string::npos) nl = text.size();
        lines.push_back(text.substr(start, nl - start));
        start = nl + 1;
    }
    return lines;
}

std::string read_range(const fs::path& path, std::uintmax_t from, std::uintmax_t to) {
    std::ifstream in(path, std::ios::binary);
    if (!in || to <= from) return {};
    in.seekg(static_cast<std::streamoff>(from));
    std::string data(static_cast<std::size_t>(to - from), '\0');
    in.read(data.data(), static_cast<std::streamsize>(data.size()));
    data.resize(static_cast<std::size_t>(in.gcount()));
    return data;
}

}  // namespace

std::vector<std::string> last_log_lines(const std::string& dir, std::size_t n) {
    struct Keyed {
        std::string key;
        std::string line;
    };
    std::vector<Keyed> all;
    for (const auto& f : log_files(dir)) {
        // Files are at most kMaxFileBytes: reading one whole is cheaper than being clever.
        auto lines = split_lines(read_range(f.path, 0, f.size));
        std::size_t first = lines.size() > n ? lines.size() - n : 0;
        std::string key;
        // The key of the first kept line may come from a line before it (a continuation line).
        for (std::size_t i = 0; i < first; ++i)
            if (auto k = time_key(lines[i]); !k.empty()) key = k;
        for (std::size_t i = first; i < lines.size(); ++i) {
            if (auto k = time_key(lines[i]); !k.empty()) key = k;
            all.push_back({key, std::move(lines[i])});
        }
    }
    std::stable_sort(all.begin(), all.end(), [](const Keyed& a, const Keyed& b) { return a.key < b.key; });
    std::vector<std::string> out;
    std::size_t first = all.size() > n ? all.size() - n : 0;
    for (std::size_t i = first; i < all.size(); ++i) out.push_back(std::move(all[i].line));
    return out;
}

LogFollower::LogFollower(std::string logs_dir) : dir_(std::move(logs_dir)) { poll(); }

std::vector<std::string> LogFollower::poll() {
    std::vector<std::string> out;
    for (auto& [inode, seen] : by_inode_) seen.present = false;
    for (const auto& f : log_files(dir_)) {
        auto [it, is_new] = by_inode_.try_emplace(f.inode);
        Seen& seen = it->second;
        seen.present = true;
        // A file that appeared after we started is read from its start; before that, from its end.
        if (is_new) seen.offset = primed_ ? 0 : f.size;
        if (f.size < seen.offset) seen.offset = 0;  // truncated, or a new file on a reused inode
        std::string data = read_range(f.path, seen.offset, f.size);
        auto last_nl = data.rfind('\n');
        if (last_nl == std::string::npos) continue;  // only half a line so far
        data.resize(last_nl + 1);
        seen.offset += data.size();
        for (auto& line : split_lines(data)) out.push_back(std::move(line));
    }
    std::erase_if(by_inode_, [](const auto& kv) { return !kv.second.present; });
    primed_ = true;
    return out;
}

}  // namespace waserda::store
