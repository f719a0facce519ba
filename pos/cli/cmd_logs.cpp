// `waserda logs [-n N] [--follow]`: the last lines of the log files in the data folder
// (<folder of the database>/logs), every program's together in time order.
#include "pos/cli/commands.hpp"
#include "pos/core/i18n.hpp"
#include "pos/store/logging.hpp"

#include <atomic>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <iostream>
#include <thread>

namespace waserda::cli {

namespace {

using core::tr;

std::atomic<bool> g_stop{false};
void on_signal(int) { g_stop = true; }

struct LogsArgs {
    std::size_t lines = 50;
    bool follow = false;
};

int show_logs(const LogsArgs& args, const Context& ctx) {
    // Reading the logs must not open (and so create or migrate) the database.
    std::string dir = store::logs_dir(store::data_dir_for(ctx.db_path));
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec) && !args.follow)
        return fail(tr("Belum ada catatan (log) di {}.", dir));
    // Primed before printing the tail, so a line written in between is printed once, not lost.
    store::LogFollower follower(dir);
    for (const auto& line : store::last_log_lines(dir, args.lines)) std::cout << line << "\n";
    std::cout << std::flush;
    if (!args.follow) return 0;
    std::signal(SIGINT, on_signal);
    std::signal(SIGTERM, on_signal);
    // Like `tail -F`: a log file has no change notification worth the complexity here.
    while (!g_stop) {
        for (const auto& line : follower.poll()) std::cout << line << "\n";
        std::cout << std::flush;
        std::this_thread::sleep_for(std::chrono::milliseconds(250));
    }
    return 0;
}

}  // namespace

void register_log_commands(CLI::App& app, Context& ctx) {
    auto args = std::make_shared<LogsArgs>();
    auto* cmd = app.add_subcommand("logs", tr("Menampilkan baris terakhir catatan (log) program di folder data"));
    cmd->add_option("-n,--lines", args->lines, tr("Jumlah baris (bawaan 50)"))->check(CLI::Range(1, 1000000));
    cmd->add_flag("-f,--follow", args->follow, tr("Terus menampilkan baris baru sampai Ctrl+C"));
    cmd->callback([args, &ctx] { exit_code() = show_logs(*args, ctx); });
}

}  // namespace waserda::cli
