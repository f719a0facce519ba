// waserda: the shop's command line. Every command goes through the same core as the touchscreen.
#include "pos/cli/commands.hpp"
#include "pos/core/i18n.hpp"
#include "pos/store/logging.hpp"

#include <iostream>
#include <string>

namespace {

// The value of `--name VALUE` or `--name=VALUE` in argv, read before CLI11 parses: help texts are
// translated when the commands are registered, so the language must be known first.
std::string early_option(int argc, char** argv, const std::string& name) {
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == name && i + 1 < argc) return argv[i + 1];
        if (a.rfind(name + "=", 0) == 0) return a.substr(name.size() + 1);
    }
    return {};
}

}  // namespace

int main(int argc, char** argv) {
    using namespace waserda;
    cli::Context ctx;
    std::string lang = early_option(argc, argv, "--lang");
    if (lang != "en") lang = "id";
    ctx.assets_dir = early_option(argc, argv, "--assets");
    if (ctx.assets_dir.empty()) ctx.assets_dir = cli::default_assets_dir();
    core::translator().load(ctx.assets_dir + "/i18n", lang);

    CLI::App app{core::tr("Waserda POS: kasir dan persediaan untuk waserda koperasi")};
    app.require_subcommand(1);
    app.set_version_flag("--version", std::string("waserda ") + WASERDA_VERSION);
    app.add_option("--db", ctx.db_path, core::tr("File database (bawaan: $WASERDA_DB atau ~/.local/share/waserda/waserda.sqlite)"));
    app.add_option("--assets", ctx.assets_dir, core::tr("Folder aset (terjemahan, katalog demo, profil printer)"));
    app.add_option("--lang", lang, core::tr("Bahasa pesan: id (bawaan) atau en"))->check(CLI::IsMember({"id", "en"}));
    app.parse_complete_callback([&] {
        if (ctx.assets_dir.empty()) ctx.assets_dir = cli::default_assets_dir();
        core::translator().load(ctx.assets_dir + "/i18n", lang);
        // Logs go next to the database; an unwritable folder only means no log, never a failed command.
        store::init_logging(store::data_dir_for(ctx.db_path), "waserda");
        store::log_invocation(argc, argv);
    });

    cli::register_core_commands(app, ctx);
    cli::register_sale_commands(app, ctx);
#ifdef WASERDA_CLI_MEMBERS
    cli::register_member_commands(app, ctx);
#endif
#ifdef WASERDA_CLI_MANAGER
    cli::register_manager_commands(app, ctx);
#endif
#ifdef WASERDA_CLI_ESCPOS
    cli::register_escpos_commands(app, ctx);
#endif
#ifdef WASERDA_CLI_DEVICES
    cli::register_device_commands(app, ctx);
#endif
#ifdef WASERDA_CLI_SYNC
    cli::register_sync_commands(app, ctx);
#endif
#ifdef WASERDA_CLI_LOGS
    cli::register_log_commands(app, ctx);
#endif

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e);
    }
    // Each subcommand's callback ran during parse and stored its exit code.
    return cli::exit_code();
}
