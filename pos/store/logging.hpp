// Log files: rotating spdlog files in the data folder (<data>/logs/<program>.log), secrets redacted.
//
// Every program of the shop (waserda, waserda-pos) calls init_logging() once at start; after it,
// spdlog::info(...) anywhere in the process lands in the file. A log line never carries a PIN or
// a token: every message passes through redact_secrets() on its way to the file, whoever wrote it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace waserda::store {

// Opens <data_dir>/logs/<program_name>.log (1 MiB per file, 5 older files kept) as spdlog's default
// logger, flushed on every line so that a power cut loses nothing written. Cheap (one open()).
// Returns false, and leaves a logger that drops everything, when the folder is not writable:
// logging must never stop the shop from selling nor print on a command's stdout.
bool init_logging(const std::string& data_dir, const std::string& program_name);

// The folder of the shop's data for a database path: its parent folder, or, for an empty path, the
// default the programs use ($WASERDA_DB's folder, else $XDG_DATA_HOME/waserda, else
// ~/.local/share/waserda).
std::string data_dir_for(const std::string& db_path);
std::string logs_dir(const std::string& data_dir);

// Masks the values of secrets in free text: `--pin 1234`, `--approver-pin=3456`, `pin=1111`,
// `"token": "abc"`, `sync.token abc`, `Authorization: Bearer abc`. Keys are matched without regard
// to case; the value becomes ***.
std::string redact_secrets(std::string_view text);

// Logs how the program was started (the command line, secrets redacted) at info level.
void log_invocation(int argc, const char* const* argv);

// The last n lines of the log files in logs_dir, all programs together in time order.
std::vector<std::string> last_log_lines(const std::string& logs_dir, std::size_t n);

// Follows the log files of a folder like `tail -F`: poll() returns the complete lines written
// since the previous call (or since construction), across rotations, in file-time order.
class LogFollower {
public:
    explicit LogFollower(std::string logs_dir);
    std::vector<std::string> poll();

private:
    struct Seen {
        std::uintmax_t offset = 0;
        bool present = false;
    };
    std::string dir_;
    std::map<std::uintmax_t, Seen> by_inode_;  // a rotated file keeps its inode, so its offset too
    bool primed_ = false;
};

}  // namespace waserda::store
