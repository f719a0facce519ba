// waserda-central: the cooperative's central server and its admin commands.
//   serve --listen HOST:PORT [--db central.sqlite | --pg postgresql://...]
//   device add --name N [--shop S] | device revoke --name N | device list
//   item import FILE.csv | member import FILE.csv
//   report sales [--from D] [--to D] [--format table|csv|json] | report credit [--over-limit] [--format ...]
#include "pos/core/i18n.hpp"
#include "sync/server/central_server.hpp"
#include "sync/server/central_store.hpp"
#include "sync/server/master_import.hpp"
#include "sync/server/reports.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <csignal>
#include <fstream>
#include <iostream>
#include <sstream>

namespace {

using namespace waserda;
using namespace waserda::sync;

struct StoreOptions {
    std::string db = "central.sqlite";
    std::string pg;
};

void add_store_options(CLI::App* cmd, StoreOptions& o) {
    cmd->add_option("--db", o.db, "SQLite database file (default: central.sqlite)");
    cmd->add_option("--pg", o.pg, "PostgreSQL URL, e.g. postgresql://user@host/db (instead of --db)");
}

int fail(const std::string& message) {
    std::cerr << "waserda-central: " << message << "\n";
    return 1;
}

core::Result<std::unique_ptr<CentralStore>> open_store(const StoreOptions& o) {
    return o.pg.empty() ? open_sqlite_central(o.db) : open_pg_central(o.pg);
}


CentralServer* g_server = nullptr;

void on_signal(int) {
    // httplib's stop() only flips a flag and shuts the listening socket: safe enough here.
    if (g_server) g_server->stop();
}

int serve(const StoreOptions& so, const std::string& listen, int threads) {
    auto colon = listen.rfind(':');
    if (colon == std::string::npos) return fail(core::tr("--listen harus berbentuk HOST:PORT."));
    std::string host = listen.substr(0, colon);
    int port = 0;
    try {
        port = std::stoi(listen.substr(colon + 1));
    } catch (const std::exception&) {
        return fail(core::tr("Port \"{}\" tidak sah.", listen.substr(colon + 1)));
    }
    auto store = open_store(so);
    if (!store) return fail(store.error().message);
    ServerOptions options;
    options.threads = threads;
    CentralServer server(*store.value(), options);
    auto bound = server.bind(host, port);
    if (!bound) return fail(bound.error().message);
    // Tests and scripts read this line to learn the port chosen for --listen HOST:0.
    std::cout << fmt::format("waserda-central listening on {}:{}", host, *bound) << std::endl;
    g_server = &server;
    std::signal(SIGINT, on_signal);
    std::signal(SIGTERM, on_signal);
    server.run();
    g_server = nullptr;
    return 0;
}

std::optional<std::string> read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

int import_master(const StoreOptions& so, const std::string& path, bool items) {
    auto text = read_file(path);
    if (!text) return fail(core::tr("Berkas {} tidak dapat dibaca.", path));
    auto rows = items ? items_from_csv(*text) : members_from_csv(*text);
    if (!rows) return fail(core::tr("{}: {}", path, rows.error().message));
    auto store = open_store(so);
    if (!store) return fail(store.error().message);
    auto counts = store.value()->upsert_master(*rows);
    if (!counts) return fail(counts.error().message);
    std::cout << core::tr("{} baris: {} baru atau berubah, {} sama; versi data induk {}.", rows->size(), counts->changed,
                          counts->unchanged, counts->version)
              << "\n";
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"waserda-central: the cooperative's central server for Waserda POS shops"};
    app.require_subcommand(1);
    StoreOptions so;

    auto* serve_cmd = app.add_subcommand("serve", "Serve the /v1 sync API");
    std::string listen = "127.0.0.1:8470";
    int threads = 8;
    serve_cmd->add_option("--listen", listen, "HOST:PORT to listen on (port 0: any free port)");
    serve_cmd->add_option("--threads", threads, "Worker threads")->check(CLI::Range(1, 256));
    add_store_options(serve_cmd, so);

    auto* device = app.add_subcommand("device", "Manage shop devices and their tokens");
    device->require_subcommand(1);
    std::string name, shop;
    auto* dev_add = device->add_subcommand("add", "Register a device and print its token (shown once)");
    dev_add->add_option("--name", name, "Unique device name, e.g. toko-pusat-T01")->required();
    dev_add->add_option("--shop", shop, "Shop the device belongs to (default: the name)");
    add_store_options(dev_add, so);
    auto* dev_revoke = device->add_subcommand("revoke", "Refuse a device's token from now on");
    dev_revoke->add_option("--name", name)->required();
    add_store_options(dev_revoke, so);
    auto* dev_list = device->add_subcommand("list", "List devices");
    add_store_options(dev_list, so);

    std::string file;
    auto* item = app.add_subcommand("item", "Items master data");
    item->require_subcommand(1);
    auto* item_import = item->add_subcommand("import", "Import items from CSV (sku,name,price,...)");
    item_import->add_option("file", file)->required();
    add_store_options(item_import, so);
    auto* member = app.add_subcommand("member", "Members master data");
    member->require_subcommand(1);
    auto* member_import = member->add_subcommand("import", "Import members from CSV (number,name,credit_limit,...)");
    member_import->add_option("file", file)->required();
    add_store_options(member_import, so);

    auto* report = app.add_subcommand("report", "Reports across the cooperative");
    report->require_subcommand(1);
    std::string from, to, format = "table";
    bool over_only = false;
    auto* sales = report->add_subcommand("sales", "Sales by shop and day");
    sales->add_option("--from", from, "First local date YYYY-MM-DD");
    sales->add_option("--to", to, "Last local date YYYY-MM-DD");
    sales->add_option("--format", format)->check(CLI::IsMember({"table", "csv", "json"}));
    add_store_options(sales, so);
    auto* credit = report->add_subcommand("credit", "Members' credit owed across shops");
    credit->add_flag("--over-limit", over_only, "Only members over their credit limit");
    credit->add_option("--format", format)->check(CLI::IsMember({"table", "csv", "json"}));
    add_store_options(credit, so);

    CLI11_PARSE(app, argc, argv);
    // Logs on stderr: stdout carries what scripts read (the port, a token, a report).
    spdlog::set_default_logger(spdlog::stderr_color_mt("waserda-central"));
    spdlog::set_level(spdlog::level::info);

    if (serve_cmd->parsed()) return serve(so, listen, threads);
    if (item_import->parsed()) return import_master(so, file, true);
    if (member_import->parsed()) return import_master(so, file, false);

    auto store = open_store(so);
    if (!store) return fail(store.error().message);
    CentralStore& db = *store.value();
    if (dev_add->parsed()) {
        std::string token = new_device_token();
        auto d = db.add_device(name, shop, hash_token(token));
        if (!d) return fail(d.error().message);
        std::cerr << core::tr("Perangkat \"{}\" (toko {}) terdaftar. Simpan token ini; ia tidak akan ditampilkan lagi:", d->name,
                              d->shop)
                  << "\n";
        std::cout << token << "\n";
        return 0;
    }
    if (dev_revoke->parsed()) {
        auto st = db.revoke_device(name);
        if (!st) return fail(st.error().message);
        std::cout << core::tr("Token perangkat \"{}\" dicabut.", name) << "\n";
        return 0;
    }
    if (dev_list->parsed()) {
        auto list = db.list_devices();
        if (!list) return fail(list.error().message);
        for (const auto& d : *list)
            std::cout << fmt::format("{}\t{}\t{}\t{}\n", d.name, d.shop, d.created_at,
                                     d.revoked_at.empty() ? core::tr("aktif") : core::tr("dicabut {}", d.revoked_at));
        return 0;
    }
    auto fmt_kind = report_format_from(format).value_or(ReportFormat::Table);
    if (sales->parsed()) {
        if ((!from.empty() && !is_iso_date(from)) || (!to.empty() && !is_iso_date(to)))
            return fail(core::tr("Tanggal harus berbentuk YYYY-MM-DD."));
        auto rows = db.sales_report(from, to);
        if (!rows) return fail(rows.error().message);
        std::cout << format_sales_report(*rows, fmt_kind);
        return 0;
    }
    if (credit->parsed()) {
        auto rows = db.credit_report(over_only);
        if (!rows) return fail(rows.error().message);
        std::cout << format_credit_report(*rows, fmt_kind);
        return 0;
    }
    return 0;
}
