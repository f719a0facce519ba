// App intents for live sync: the saved central server handed to the sync service (SyncRunner in
// waserda-pos), so the wizard and the settings screen start, change and stop syncing at once.
#include "pos/ui/app.hpp"

#ifdef WASERDA_HAVE_SYNC
#include "sync/sync_client.hpp"
#endif

namespace waserda::ui {

void App::apply_sync_settings() {
    if (!services_.sync) return;   // a till (or test) without a sync service
#ifdef WASERDA_HAVE_SYNC
    // The same keys `waserda sync --server --token` saves and reads.
    auto o = sync::load_sync_settings(shop_.store());
    if (!o) {
        show_error(o.error());
        return;
    }
    services_.sync->apply(SyncTarget{o->server_url, o->token, o->ca_file});
#endif
}

}  // namespace waserda::ui
