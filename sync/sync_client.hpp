// The shop's sync client: drains the outbox to waserda-central and pulls the office's master data.
//
// The outbox is the only state: an event is marked sent only after the server acknowledged it, so a
// crash, a kill or a power cut at any moment just means the next round sends it again, and the
// server's unique keys turn the replay into a no-op. In the POS the client runs on its own thread
// with its own store connection (SQLite WAL), so a sale or a frame never waits for the network.
#pragma once

#include "pos/core/ports.hpp"
#include "pos/core/result.hpp"
#include "sync/protocol.hpp"

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace waserda::sync {

class HttpClient;

// Where pulled master data goes. ShopMasterSink writes into the shop's store; tests fake it.
class MasterSink {
public:
    virtual ~MasterSink() = default;
    // The version of the last page applied (0: nothing pulled yet).
    virtual core::Result<int64_t> master_version() = 0;
    // Applies a page and remembers page.version. Applying the same page twice changes nothing.
    virtual core::Status apply_master(const MasterPage& page) = 0;
};

// Writes pulled items and members into the shop's store. The office owns the catalog and prices;
// the shop keeps what is its own: local ids, stock on hand, average cost, minimum stock.
class ShopMasterSink final : public MasterSink {
public:
    explicit ShopMasterSink(core::ShopStore& store) : store_(store) {}
    core::Result<int64_t> master_version() override;
    core::Status apply_master(const MasterPage& page) override;
    static constexpr const char* kVersionKey = "sync.master_version";

private:
    core::ShopStore& store_;
};

// The POS and `waserda sync` share one configuration, kept in the shop's store (meta keys
// sync.server_url, sync.token, sync.ca_file), so `waserda sync --server --token` once is enough.
struct SyncOptions;
core::Result<SyncOptions> load_sync_settings(core::ShopStore& store);
core::Status save_sync_settings(core::ShopStore& store, const SyncOptions& options);

struct SyncOptions {
    std::string server_url;                               // "https://pusat.koperasi.id" (no /v1)
    std::string token;                                    // the device token from `waserda-central device add`
    std::string ca_file;                                  // a private CA for the server's certificate
    int batch_size = 500;
    std::chrono::milliseconds connect_timeout{5000};
    std::chrono::milliseconds transfer_timeout{30000};
    std::chrono::milliseconds retry_min{1000};            // first retry after a failure
    std::chrono::milliseconds retry_max{300000};          // backoff ceiling
    std::chrono::milliseconds idle_interval{60000};       // a round every minute even without wake()
    bool pull_master = true;
    uint64_t seed = 0;                                    // jitter; 0 picks a random seed
};

// What the POS status bar shows. A copy, cheap to take every frame.
struct SyncStatus {
    int64_t pending = 0;
    int64_t parked = 0;               // rejected by the server, waiting for the manager
    int64_t acked_seq = 0;
    std::string last_success_at;      // UTC ISO-8601; empty before the first success
    std::string last_error;           // one Indonesian sentence; empty after a success
    int consecutive_failures = 0;
    bool running = false;             // the background thread is alive
};

struct RoundReport {
    int64_t sent = 0;                 // events put on the wire (replays included)
    int64_t stored = 0;               // new on the server
    int64_t duplicates = 0;           // the server already had them
    int64_t parked = 0;
    int64_t acked_seq = 0;
    int64_t items_pulled = 0;
    int64_t members_pulled = 0;
};

class SyncClient {
public:
    // `outbox` (and `master`, may be null) must outlive the client and belong to it alone while it runs.
    SyncClient(core::OutboxPort& outbox, MasterSink* master, SyncOptions options);
    ~SyncClient();   // stops the thread, aborting a transfer under way
    SyncClient(const SyncClient&) = delete;
    SyncClient& operator=(const SyncClient&) = delete;

    // One full round on the calling thread: drain everything pending, then pull master data.
    // Do not mix with start(): rounds are serialised, but the round's owner should be clear.
    core::Result<RoundReport> run_once();

    // The background loop: a round now, then after each wake(), every idle_interval, and after a
    // failure with exponential backoff and jitter (never sooner than retry_min after wake()).
    void start();
    void stop();
    void wake();
    SyncStatus status() const;

    // The delay before retry number `failures` (1-based): retry_min * 2^(failures-1), capped at
    // retry_max, times a jitter factor in [0.5, 1).
    std::chrono::milliseconds backoff_delay(int failures);

private:
    core::Result<RoundReport> round();
    core::Status drain(RoundReport& report);
    core::Status pull(RoundReport& report);
    void refresh_status(const core::Status& outcome);
    void loop();

    core::OutboxPort& outbox_;
    MasterSink* master_;
    SyncOptions options_;
    std::unique_ptr<HttpClient> http_;
    uint64_t rng_;
    std::optional<std::string> recorded_error_;   // what the store holds as last error, once known

    std::mutex round_mu_;             // one round at a time
    mutable std::mutex mu_;           // guards everything below
    std::condition_variable cv_;
    bool stopping_ = false;
    bool woken_ = false;
    SyncStatus status_;
    std::thread thread_;
};

}  // namespace waserda::sync
