// App intents for the shop's settings: the first-run set-up (all or nothing, in one transaction),
// the admin's settings screen, the central server's connection test and the users.
//
// [SECTION] First run
// [SECTION] Saving settings
// [SECTION] Connection test
// [SECTION] Users
#include "pos/ui/app.hpp"

#include "pos/core/i18n.hpp"
#include "pos/store/database.hpp"
#include "pos/store/import.hpp"
#include "pos/store/sqlite_store.hpp"

#ifdef WASERDA_HAVE_SYNC
#include "sync/http_client.hpp"
#include "sync/sync_client.hpp"
#endif

#include <spdlog/spdlog.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>

namespace waserda::ui {

using core::tr;
namespace fs = std::filesystem;

struct App::SettingsWork {
    std::mutex mu;
    ConnectionTest test;
    bool reported = true;
    std::thread thread;      // last member: joined before the rest goes
    ~SettingsWork() {
        if (thread.joinable()) thread.join();
    }
};

namespace {

// The device token and server address shared with `waserda sync` (meta keys sync.*).
core::Status save_central(core::ShopStore& store, const std::string& url, const std::optional<std::string>& token) {
#ifdef WASERDA_HAVE_SYNC
    auto o = sync::load_sync_settings(store);
    if (!o) return o.error();
    o->server_url = url;
    if (token) o->token = *token;
    return sync::save_sync_settings(store, *o);
#else
    if (auto st = store.set_meta("sync.server_url", url); !st) return st;
    if (token) return store.set_meta("sync.token", *token);
    return core::ok_status();
#endif
}

}  // namespace

// [SECTION] First run

bool App::start_setup_if_needed() {
    auto users = shop_.store().list_users();
    if (!users || !users->empty() || !screens_.count("wizard")) return false;
    clear_banner();
    history_.clear();
    state_.screen = "wizard";
    screens_.at("wizard")->on_show(*this);
    return true;
}

core::ItemImport App::read_catalog(Catalog catalog, const std::string& csv_path, const core::ShopSettings& s) {
    core::ItemImport out;
    if (catalog == Catalog::Empty) return out;
    std::string file = catalog == Catalog::Demo ? options_.assets_dir + "/demo/items.csv" : csv_path;
    std::error_code ec;
    std::ifstream in(file, std::ios::binary);
    if (file.empty() || !fs::is_regular_file(file, ec) || !in) {
        out.problems.push_back({0, "", tr("File {} tidak bisa dibaca.", file)});
        return out;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    out = core::items_from_csv(ss.str(), s.in_store_rules);
    if (out.items.empty() && out.problems.empty())
        out.problems.push_back({0, "", tr("File {} tidak berisi barang.", file)});
    return out;
}

std::vector<std::string> App::usb_csv_files() const {
    // /media/<stick>/... and /run/media/<user>/<stick>/...: a few levels down, a bounded walk so a
    // stick full of photos never stalls the screen.
    std::vector<std::pair<fs::file_time_type, std::string>> found;
    int visited = 0;
    for (const auto& root : options_.usb_roots) {
        std::error_code ec;
        fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
        for (; !ec && it != end && visited < 5000; it.increment(ec), ++visited) {
            if (it.depth() >= 3) it.disable_recursion_pending();
            std::string ext = it->path().extension().string();
            std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return char(std::tolower(c)); });
            std::error_code fe;
            if (ext != ".csv" || !it->is_regular_file(fe)) continue;
            found.emplace_back(it->last_write_time(fe), it->path().string());
        }
    }
    std::sort(found.begin(), found.end(), [](auto& a, auto& b) { return a.first > b.first; });
    std::vector<std::string> out;
    for (auto& f : found) out.push_back(f.second);
    if (out.size() > 20) out.resize(20);
    return out;
}

bool App::finish_setup(const SetupPlan& plan) {
    // Only the SQLite store can wrap the whole set-up in one transaction; it is the only one the
    // till runs on.
    auto* sqlite = dynamic_cast<store::SqliteStore*>(&shop_.store());
    if (!sqlite) {
        show_error(tr("Penyiapan toko memerlukan database SQLite."));
        return false;
    }
    // Read again: the stick may have been pulled out or the file changed since the wizard looked.
    core::ItemImport catalog = read_catalog(plan.catalog, plan.csv_path, plan.settings);
    if (!catalog.problems.empty()) {
        show_error(tr("Katalog tidak diimpor ({} kesalahan); tidak ada yang disimpan. {}", catalog.problems.size(),
                      core::format_problems({catalog.problems.front()})));
        return false;
    }
    core::Status st = [&]() -> core::Status {
        store::Transaction tx(sqlite->db());
        if (!tx.begun()) return tx.begun();
        auto admin = shop_.add_user(std::nullopt, plan.admin_name, core::Role::Admin, plan.admin_pin);
        if (!admin) return admin.error();
        if (auto s = shop_.update_settings(*admin, plan.settings); !s) return s;
        if (auto s = save_central(shop_.store(), plan.settings.central_url,
                                  plan.settings.central_url.empty() ? std::string() : plan.sync_token);
            !s)
            return s;
        if (plan.catalog != Catalog::Empty)
            if (auto s = store::import_items(*sqlite, shop_, catalog); !s) return s;
        return tx.commit();
    }();
    if (!st) {
        (void)shop_.reload_settings();   // the rolled-back settings, not the draft
        show_error(tr("Penyiapan belum tersimpan: {}", st.error().message));
        return false;
    }
    spdlog::info("first-run set-up done: shop \"{}\", device {}, admin {}, catalog {} items, central {}",
                 plan.settings.shop_name, plan.settings.device, plan.admin_name, catalog.items.size(),
                 plan.settings.central_url.empty() ? "none" : plan.settings.central_url);
    if (plan.settings.language != options_.language) set_language(plan.settings.language);
    apply_sync_settings();   // the central server chosen in the wizard: syncing starts now
    state_.users.clear();
    for (auto& u : all_users())
        if (u.active) state_.users.push_back(u);
    logout();   // the login screen, with the new admin picked
    refresh_status();
    show_info(tr("Toko siap. {} masuk dengan PIN yang baru dibuat.", plan.admin_name), true);
    return true;
}

// [SECTION] Saving settings

bool App::save_settings(const core::ShopSettings& draft, const std::optional<std::string>& sync_token) {
    if (!state_.user) return false;
    const std::string before_lang = shop_.settings().language;
    guarded(core::Permission::ManageSettings, [this, draft, sync_token, before_lang](const std::optional<core::User>& approver) {
        const core::User& actor = approver ? *approver : *state_.user;
        if (auto st = shop_.update_settings(actor, draft); !st) return st;
        if (auto st = save_central(shop_.store(), draft.central_url, sync_token); !st) return st;
        apply_sync_settings();   // a new server or token syncs at once; none stops the client
        spdlog::info("settings saved by {}", actor.name);
        if (draft.language != before_lang) set_language(draft.language);
        refresh_status();
        show_info(tr("Pengaturan tersimpan."), true);
        return core::ok_status();
    });
    return core::settings_to_kv(shop_.settings()) == core::settings_to_kv(draft);
}

std::string App::saved_sync_token() {
    auto t = shop_.store().meta("sync.token");
    return t && *t ? **t : std::string();
}

// [SECTION] Connection test

void App::test_connection(const std::string& url, const std::string& token) {
    if (!settings_work_) settings_work_ = std::make_shared<SettingsWork>();
    SettingsWork* w = settings_work_.get();
    {
        std::lock_guard lock(w->mu);
        if (w->test.running) return;
    }
    if (w->thread.joinable()) w->thread.join();
    ConnectionTest start;
    if (url.empty()) {
        start.done = true;
        start.text = tr("Isi alamat server pusat dulu.");
    } else if (auto st = core::check_central_url(url); !st) {
        start.done = true;
        start.text = st.error().message;
    } else if (token.empty()) {
        start.done = true;
        start.text = tr("Isi token perangkat dulu.");
    }
    std::lock_guard lock(w->mu);
    if (start.done) {
        w->test = start;
        w->reported = true;
        return;
    }
    w->test = {true, false, false, tr("Menghubungi {} ...", url)};
    w->reported = false;
    auto wake = services_.wake;
    w->thread = std::thread([w, url, token, wake] {
        ConnectionTest r;
        r.done = true;
#ifdef WASERDA_HAVE_SYNC
        sync::HttpOptions o;
        o.connect_timeout = std::chrono::milliseconds(3000);
        o.transfer_timeout = std::chrono::milliseconds(5000);
        sync::HttpClient http(o);
        std::string base = url;
        while (!base.empty() && base.back() == '/') base.pop_back();
        auto res = http.get(base + "/v1/status", token);
        if (!res) r.text = res.error().message;
        else if (res->status == 200) {
            r.ok = true;
            r.text = tr("Server pusat menjawab dan menerima token ini.");
        } else if (res->status == 401 || res->status == 403) {
            r.text = tr("Server pusat menolak token ini. Periksa token dari waserda-central device add.");
        } else {
            r.text = tr("Server pusat menjawab dengan kode {}; periksa alamatnya.", res->status);
        }
#else
        (void)token;
        r.text = tr("Program ini dibuat tanpa modul sinkron.");
#endif
        {
            std::lock_guard lock(w->mu);
            w->test = r;
        }
        wake();
    });
}

App::ConnectionTest App::connection_test() const {
    if (!settings_work_) return {};
    std::lock_guard lock(settings_work_->mu);
    return settings_work_->test;
}

bool App::poll_settings_work() {
    if (!settings_work_) return false;
    std::lock_guard lock(settings_work_->mu);
    if (!settings_work_->test.done || settings_work_->reported) return false;
    settings_work_->reported = true;
    return true;
}

// [SECTION] Users

std::vector<core::User> App::all_users() {
    auto users = shop_.store().list_users();
    if (!users) {
        show_error(users.error());
        return {};
    }
    return std::move(*users);
}

namespace {
// The login buttons show the active users.
void reload_login_users(core::ShopStore& store, std::vector<core::User>& out) {
    if (auto users = store.list_users()) {
        out.clear();
        for (auto& u : *users)
            if (u.active) out.push_back(u);
    }
}
}  // namespace

bool App::add_user(const std::string& name, core::Role role, const std::string& pin) {
    if (!state_.user) return false;
    auto done = std::make_shared<bool>(false);
    guarded(core::Permission::ManageUsers, [this, name, role, pin, done](const std::optional<core::User>& approver) {
        auto u = shop_.add_user(approver ? approver : state_.user, name, role, pin);
        if (!u) return core::Status(u.error());
        *done = true;
        reload_login_users(shop_.store(), state_.users);
        show_info(tr("Pengguna {} dibuat.", u->name), true);
        return core::ok_status();
    });
    return *done;
}

bool App::reset_pin(const std::string& name, const std::string& pin) {
    if (!state_.user) return false;
    auto done = std::make_shared<bool>(false);
    guarded(core::Permission::ManageUsers, [this, name, pin, done](const std::optional<core::User>& approver) {
        // The rules (ManageUsers, a valid PIN, the audit line) are core's: Shop::reset_pin.
        if (auto st = shop_.reset_pin(*state_.user, approver, name, pin); !st) return st;
        *done = true;
        show_info(tr("PIN {} sudah diganti.", name), true);
        return core::ok_status();
    });
    return *done;
}

bool App::set_user_active(const std::string& name, bool active) {
    if (!state_.user) return false;
    auto done = std::make_shared<bool>(false);
    guarded(core::Permission::ManageUsers, [this, name, active, done](const std::optional<core::User>& approver) {
        // The rules (ManageUsers, not oneself, never the last active admin) are core's: Shop::set_user_active.
        if (auto st = shop_.set_user_active(*state_.user, approver, name, active); !st) return st;
        reload_login_users(shop_.store(), state_.users);
        *done = true;
        show_info(active ? tr("{} aktif kembali.", name) : tr("{} dinonaktifkan; tidak bisa masuk lagi.", name), true);
        return core::ok_status();
    });
    return *done;
}

}  // namespace waserda::ui
