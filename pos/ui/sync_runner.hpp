// The till's sync service: owns the sync client (its thread, its own connection to the shop's
// database, the master-data sink) and follows the saved central server while the program runs.
// App::apply_sync_settings hands it the target after start-up, the first-run set-up and every
// saved settings change: a server and token start the client, other ones restart it, none stops
// it. The outbox is the only state, so a restart loses nothing and sends nothing twice (an event
// is marked sent only once the server acknowledged it).
//
// Nothing here blocks a frame: apply() only records the wish; a worker thread stops the old
// client (SyncClient::stop aborts a transfer under way through curl's progress callback, so that
// takes about a second at most, not an HTTP timeout) and starts the new one, then wakes the
// window. The new client starts only after the old one has stopped: one drainer at a time.
#pragma once

#include "pos/ui/services.hpp"

#ifdef WASERDA_HAVE_SYNC
#include "sync/sync_client.hpp"

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace waserda::ui {

class SyncRunner final : public SyncMonitor {
public:
    // `db_path`: the shop's database (each client opens its own connection to it). `base`: batch,
    // timeouts and backoff; apply() fills in server, token and CA file. `wake` is called from the
    // worker thread when a client was started or stopped (glfwPostEmptyEvent).
    SyncRunner(std::string db_path, sync::SyncOptions base, std::function<void()> wake);
    ~SyncRunner() override;   // stops the client (about a second at most) and the worker
    SyncRunner(const SyncRunner&) = delete;
    SyncRunner& operator=(const SyncRunner&) = delete;

    void apply(const SyncTarget& target) override;
    SyncStatus status() const override;
    void poke() override;

    // True while a client's thread runs (tests wait for a stop with this).
    bool client_running() const;
    // True once the last target given to apply() is the one in use (started, or stopped).
    bool settled() const;

private:
    struct Client;                       // sync_runner.cpp: store connection, sink, client
    void work();

    const std::string db_path_;
    const sync::SyncOptions base_;
    const std::function<void()> wake_;

    mutable std::mutex mu_;              // guards everything below
    std::condition_variable cv_;
    SyncTarget target_;                  // the last one asked for
    std::optional<SyncTarget> pending_;  // asked for, not yet taken by the worker
    bool switching_ = false;             // the worker is stopping or starting a client
    bool quit_ = false;
    std::unique_ptr<Client> client_;     // the running client; null when standalone
    std::string problem_;                // why the client could not start (the database would not open)
    mutable SyncStatus last_;            // shown while switching
    std::thread worker_;                 // last: started after the rest exists
};

}  // namespace waserda::ui
#endif
