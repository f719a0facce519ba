// waserda: the shop's command line. Every command goes through the same core as the touchscreen.
#include "pos/cli/commands.hpp"
#include "pos/core/i18n.hpp"
#include "pos/store/logging.hpp"

#include <iostream>

int main(int argc, char** argv) {
    using namespace waserda;
    cli::Context ctx;
    CLI::App app{"Waserda POS: kasir dan persediaan untuk waserda koperasi"};
    app.require_subcommand(1);
    app.set_version_flag("--version", std::string("waserda ") + WASERDA_VERSION);
    app.add_option("--db", ctx.db_path, "Database file (default: $WASERDA_DB or ~/.local/share/waserda/waserda.sqlite)");
    app.add_option("--assets", ctx.assets_dir, "Assets folder (translations, demo catalog, printer profiles)");
    std::string lang = "id";
    app.add_option("--lang", lang, "Language of messages: id (default) or en")->check(CLI::IsMember({"id", "en"}));
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
