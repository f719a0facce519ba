// The till's sync service: one client at a time for the saved central server, switched on a
// worker thread so a frame never waits for a transfer to stop.
#include "pos/ui/sync_runner.hpp"

#ifdef WASERDA_HAVE_SYNC
#include "pos/core/i18n.hpp"
#include "pos/store/sqlite_store.hpp"

#include <spdlog/spdlog.h>

#include <utility>

namespace waserda::ui {

namespace {

// The master-data version is the central's own counter: kept from another server it would make
// the new one skip every row older than that number. The server it belongs to is remembered
// (meta sync.master_server); pulled from another one, the next pull starts from the beginning
// (applying a page again changes nothing). A version saved before this was remembered is taken
// as the current server's. Runs while no client uses the store: the old one has stopped.
void forget_other_servers_master_version(store::SqliteStore& store, const std::string& server_url) {
    constexpr const char* kMasterServerKey = "sync.master_server";
    auto was = store.meta(kMasterServerKey);
    if (!was || (*was && **was == server_url)) return;
    if (*was) {
        spdlog::info("sync: master data came from {}; pulled again from the start from {}", **was, server_url);
        if (auto st = store.set_meta(sync::ShopMasterSink::kVersionKey, "0"); !st) return;
    }
    (void)store.set_meta(kMasterServerKey, server_url);
}

}  // namespace

struct SyncRunner::Client {
    std::unique_ptr<store::SqliteStore> store;   // its own connection (WAL): never blocks the till
    std::unique_ptr<sync::ShopMasterSink> master;
    std::unique_ptr<sync::SyncClient> client;    // last: stopped and destroyed before the rest
};

SyncRunner::SyncRunner(std::string db_path, sync::SyncOptions base, std::function<void()> wake)
    : db_path_(std::move(db_path)), base_(std::move(base)), wake_(wake ? std::move(wake) : std::function<void()>([] {})) {
    worker_ = std::thread([this] { work(); });
}

SyncRunner::~SyncRunner() {
    {
        std::lock_guard lock(mu_);
        quit_ = true;
    }
    cv_.notify_all();
    worker_.join();
}

void SyncRunner::apply(const SyncTarget& target) {
    {
        std::lock_guard lock(mu_);
        if (target == target_) return;   // a footer or rounding saved: the client goes on as it was
        target_ = target;
        pending_ = target;
    }
    cv_.notify_all();
}

SyncStatus SyncRunner::status() const {
    std::lock_guard lock(mu_);
    if (target_.server_url.empty()) return {};    // standalone (or stopping): nothing to show
    if (client_ && !pending_ && !switching_) {
        auto s = client_->client->status();
        last_ = SyncStatus{true, s.pending, s.last_success_at, s.last_error};
        return last_;
    }
    SyncStatus s = last_;                         // switching: the last figures, no stale error
    s.enabled = true;
    s.last_error = problem_;
    return s;
}

void SyncRunner::poke() {
    std::lock_guard lock(mu_);
    if (client_) client_->client->wake();
}

bool SyncRunner::client_running() const {
    std::lock_guard lock(mu_);
    return client_ && client_->client->status().running;
}

bool SyncRunner::settled() const {
    std::lock_guard lock(mu_);
    return !pending_ && !switching_ && (target_.server_url.empty() ? !client_ : (client_ || !problem_.empty()));
}

void SyncRunner::work() {
    std::unique_lock lock(mu_);
    for (;;) {
        cv_.wait(lock, [this] { return quit_ || pending_.has_value(); });
        if (quit_) break;
        SyncTarget target = std::move(*pending_);
        pending_.reset();
        switching_ = true;
        std::unique_ptr<Client> old = std::move(client_);
        lock.unlock();

        old.reset();   // stops its thread (a transfer under way is aborted) and closes its connection
        std::unique_ptr<Client> next;
        std::string problem;
        if (!target.server_url.empty()) {
            if (auto s = store::SqliteStore::open(db_path_)) {
                next = std::make_unique<Client>();
                next->store = std::move(*s);
                next->master = std::make_unique<sync::ShopMasterSink>(*next->store);
                forget_other_servers_master_version(*next->store, target.server_url);
                sync::SyncOptions o = base_;
                o.server_url = target.server_url;
                o.token = target.token;
                o.ca_file = target.ca_file;
                next->client = std::make_unique<sync::SyncClient>(*next->store, next->master.get(), o);
                next->client->start();
                spdlog::info("sync: sending to {}", target.server_url);
            } else {
                problem = core::tr("Sinkron tidak bisa dimulai: {}", s.error().message);
                spdlog::error("{}", problem);
            }
        } else {
            spdlog::info("sync: standalone, client stopped");
        }

        lock.lock();
        client_ = std::move(next);
        problem_ = std::move(problem);
        switching_ = false;
        lock.unlock();
        wake_();
        lock.lock();
    }
    std::unique_ptr<Client> old = std::move(client_);
    lock.unlock();
    old.reset();
}

}  // namespace waserda::ui
#endif
