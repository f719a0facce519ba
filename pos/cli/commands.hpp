// The `waserda` command line: each command group registers itself on the CLI11 app from its own
// file (cmd_<group>.cpp). main.cpp calls every register_* below.
#pragma once

#include "pos/core/result.hpp"
#include "pos/core/user.hpp"

#include <CLI/CLI.hpp>

#include <memory>
#include <optional>
#include <string>

namespace waserda::core {
class Shop;
class ShopStore;
}

namespace waserda::store {
class SqliteStore;
}

namespace waserda::cli {

// What every command shares: the global options and the lazily opened shop.
class Context {
public:
    std::string db_path;       // --db, else the default under the user's data folder
    std::string assets_dir;    // --assets, else the installed or source-tree assets folder

    Context();
    ~Context();
    // Opens (and migrates) the database on first use. Prints the reason and exits 1 when it cannot.
    core::Shop& shop();
    core::ShopStore& store();
    store::SqliteStore& sqlite_store();
    bool shop_open() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// --assets, else $WASERDA_ASSETS, else the installed folder, else the source tree's assets/.
std::string default_assets_dir();

// Prints one clear error line to stderr and returns the exit code 1: every failing command ends so.
int fail(const std::string& message);
int fail(const core::Error& error);

// The user a command acts as: --user NAME, trusted because the CLI runs on the shop's own machine
// under its administrator's account. PINs are for the touchscreen and for approvals.
core::Result<core::User> acting_user(Context& ctx, const std::string& name);
// --approver NAME --approver-pin PIN: a supervisor's approval, checked as on the touchscreen.
core::Result<std::optional<core::User>> approver(Context& ctx, const std::string& name, const std::string& pin,
                                                 core::Permission p);

// The exit code of the command that ran: subcommand callbacks set it (CLI11 callbacks return void).
int& exit_code();

// Command groups. A group's subcommands set their own callbacks; errors end in fail().
void register_core_commands(CLI::App& app, Context& ctx);     // init, item, member, savings, user, sale, return, report stock, check, backup, demo
void register_escpos_commands(CLI::App& app, Context& ctx);   // escpos render
void register_device_commands(CLI::App& app, Context& ctx);   // devices, print-test
void register_sync_commands(CLI::App& app, Context& ctx);     // sync
void register_sale_commands(CLI::App& app, Context& ctx);     // sale, return, shift, savings, repay
void register_member_commands(CLI::App& app, Context& ctx);   // credit, payroll, consignment, statement, leave, report shu/rat
void register_manager_commands(CLI::App& app, Context& ctx);  // supplier, receive, adjust, opname, reorder, price, report sales/margin/...
void register_log_commands(CLI::App& app, Context& ctx);      // logs

}  // namespace waserda::cli
