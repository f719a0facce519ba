// `waserda sync`: drain the outbox to the central server and pull master data, once or in a loop;
// `waserda sync status`: what is waiting, what was parked, the last success and the last error.
#include "pos/cli/commands.hpp"
#include "pos/core/i18n.hpp"
#include "pos/core/ports.hpp"
#include "sync/sync_client.hpp"

#include <atomic>
#include <csignal>
#include <iostream>
#include <thread>

namespace waserda::cli {

namespace {

using core::tr;

struct SyncArgs {
    std::string server;
    std::string token;
    std::string ca_file;
    bool once = false;
    bool no_pull = false;
    int batch = 500;
};

std::atomic<bool> g_stop{false};
void on_signal(int) { g_stop = true; }

void print_status(const sync::SyncStatus& s) {
    std::cout << tr("Menunggu dikirim: {}", s.pending) << "\n"
              << tr("Ditolak server (diparkir, perlu diperiksa manajer): {}", s.parked) << "\n"
              << tr("Terakhir berhasil: {}", s.last_success_at.empty() ? tr("belum pernah") : s.last_success_at) << "\n";
    if (!s.last_error.empty()) std::cout << tr("Galat terakhir: {}", s.last_error) << "\n";
}

int run_sync(const SyncArgs& args, Context& ctx) {
    core::ShopStore& store = ctx.store();
    auto saved = sync::load_sync_settings(store);
    if (!saved) return fail(saved.error());
    sync::SyncOptions options = saved.value();
    bool changed = false;
    for (auto [given, field] : {std::pair{&args.server, &options.server_url}, std::pair{&args.token, &options.token},
                                std::pair{&args.ca_file, &options.ca_file}})
        if (!given->empty() && *given != *field) {
            *field = *given;
            changed = true;
        }
    if (options.server_url.empty()) return fail(tr("Alamat server pusat belum diatur; berikan --server URL."));
    if (options.token.empty()) return fail(tr("Token perangkat belum diatur; berikan --token dari `waserda-central device add`."));
    if (changed)
        if (auto st = sync::save_sync_settings(store, options); !st) return fail(st.error());
    options.batch_size = args.batch;
    options.pull_master = !args.no_pull;

    sync::ShopMasterSink sink(store);
    sync::SyncClient client(store, &sink, options);
    if (args.once) {
        auto round = client.run_once();
        if (!round) return fail(round.error());
        std::cout << tr("Terkirim {} catatan ({} baru, {} sudah ada di pusat), {} diparkir.", round->sent, round->stored,
                        round->duplicates, round->parked)
                  << "\n";
        if (round->items_pulled || round->members_pulled)
            std::cout << tr("Data induk diperbarui: {} barang, {} anggota.", round->items_pulled, round->members_pulled) << "\n";
        print_status(client.status());
        return round->parked ? 2 : 0;
    }

    // The loop: the client's own thread does the work; this one reports changes until Ctrl+C.
    std::signal(SIGINT, on_signal);
    std::signal(SIGTERM, on_signal);
    client.start();
    std::string last_line;
    while (!g_stop) {
        auto s = client.status();
        std::string line = s.last_error.empty() ? tr("Menunggu: {}, diparkir: {}, terakhir berhasil {}", s.pending, s.parked, s.last_success_at)
                                                : tr("Menunggu: {}, diparkir: {}; {}", s.pending, s.parked, s.last_error);
        if (line != last_line) std::cout << line << std::endl;
        last_line = line;
        std::this_thread::sleep_for(std::chrono::milliseconds(250));
    }
    client.stop();
    return 0;
}

int show_status(Context& ctx) {
    auto stats = ctx.store().outbox_stats();
    if (!stats) return fail(stats.error());
    sync::SyncStatus s;
    s.pending = stats->pending;
    s.parked = stats->parked;
    s.acked_seq = stats->last_acked_seq;
    s.last_success_at = stats->last_success_at;
    s.last_error = stats->last_error;
    print_status(s);
    auto settings = sync::load_sync_settings(ctx.store());
    if (settings && !settings->server_url.empty()) std::cout << tr("Server pusat: {}", settings->server_url) << "\n";
    return 0;
}

}  // namespace

void register_sync_commands(CLI::App& app, Context& ctx) {
    auto args = std::make_shared<SyncArgs>();
    auto* cmd = app.add_subcommand("sync", tr("Kirim penjualan ke server pusat dan ambil data induk"));
    cmd->add_option("--server", args->server, tr("Alamat server pusat, mis. https://pusat.koperasi.id (disimpan)"));
    cmd->add_option("--token", args->token, tr("Token perangkat dari `waserda-central device add` (disimpan)"));
    cmd->add_option("--ca-file", args->ca_file, tr("Berkas CA sendiri untuk memverifikasi sertifikat server"));
    cmd->add_option("--batch", args->batch, tr("Catatan per kiriman"))->check(CLI::Range(1, 1000));
    cmd->add_flag("--once", args->once, tr("Satu putaran lalu selesai (kode keluar 2 bila ada yang diparkir)"));
    cmd->add_flag("--no-pull", args->no_pull, tr("Jangan mengambil data induk"));
    auto* status = cmd->add_subcommand("status", tr("Tampilkan antrean pengiriman"));
    status->callback([&ctx] { exit_code() = show_status(ctx); });
    cmd->callback([args, cmd, status, &ctx] {
        if (status->parsed()) return;
        (void)cmd;
        exit_code() = run_sync(*args, ctx);
    });
}

}  // namespace waserda::cli
