// Shared pieces of the sync tests: an in-memory outbox, sale payloads, temp dirs, a central server
// in-process or as a child process, fresh PostgreSQL databases, and polling with a deadline.
#pragma once

#include "pos/core/ports.hpp"
#include "sync/server/central_server.hpp"
#include "sync/server/central_store.hpp"

#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace waserda::sync::testkit {

// [SECTION] Polling: tests never sleep to wait for something.
bool wait_until(const std::function<bool()>& condition, std::chrono::milliseconds deadline = std::chrono::seconds(20));

// [SECTION] Temp dirs
class TempDir {
public:
    TempDir();
    ~TempDir();
    const std::string& path() const { return path_; }
    std::string file(const std::string& name) const { return path_ + "/" + name; }

private:
    std::string path_;
};

// [SECTION] Payloads as core/json_codec's posting_payload writes them
// A cash sale (or, with a member, a credit sale that adds a receivable) of `total` rupiah.
std::string sale_payload(const std::string& device, const std::string& sale_uuid, const std::string& number, int64_t total,
                         const std::string& member_number = "");

// [SECTION] In-memory outbox, safe to use from a writer thread and the sync thread at once.
class FakeOutbox final : public core::OutboxPort {
public:
    explicit FakeOutbox(std::string device = "T01") : device_(std::move(device)) {}

    // Appends a sale event; returns its seq. `total` is summed into expected_total().
    int64_t add_sale(int64_t total, const std::string& member_number = "");
    int64_t add_raw(const std::string& kind, const std::string& payload);

    core::Result<std::vector<core::OutboxEvent>> pending_events(int limit) override;
    core::Status mark_acked(int64_t seq, const std::string& at) override;
    core::Status park_event(int64_t seq, const std::string& reason) override;
    core::Status record_sync_error(const std::string& error) override;
    core::Result<core::OutboxStats> outbox_stats() override;

    int64_t acked_count() const;
    int64_t sale_count() const;
    int64_t expected_total() const;    // sum of the totals of sales added with add_sale
    std::vector<std::pair<int64_t, std::string>> parked() const;
    const std::string& device() const { return device_; }
    int mark_acked_calls() const;
    // Makes the next `n` pending_events calls fail, as a locked or broken database would.
    void fail_next_reads(int n);
    // Makes the next `n` mark_acked calls fail: the server has the events, the shop does not know.
    void fail_next_acks(int n);

private:
    struct Row {
        core::OutboxEvent event;
        std::string state = "pending";
        std::string reason;
    };
    mutable std::mutex mu_;
    std::string device_;
    std::vector<Row> rows_;
    int64_t sales_ = 0, total_ = 0;
    std::string last_error_, last_success_;
    int mark_calls_ = 0, fail_reads_ = 0, fail_acks_ = 0;
};

// [SECTION] PostgreSQL: WASERDA_TEST_PG_URL names a throwaway cluster (packaging/pg-test-cluster.sh).
std::optional<std::string> pg_base_url();
// Creates an empty database on that cluster and returns its URL.
std::string pg_fresh_database();

// [SECTION] A central server running in this process on a free port.
class InProcessCentral {
public:
    // backend "sqlite" (a file in a fresh temp dir) or "pg" (a fresh database).
    explicit InProcessCentral(const std::string& backend = "sqlite");
    ~InProcessCentral();
    std::string url() const;
    int port() const { return port_; }
    CentralStore& store() { return *store_; }
    std::string add_device(const std::string& name, const std::string& shop = "");
    void stop();

private:
    TempDir dir_;
    std::unique_ptr<CentralStore> store_;
    std::unique_ptr<CentralServer> server_;
    int port_ = 0;
};

// [SECTION] waserda-central as a child process (to be killed with SIGKILL).
std::string central_binary();

class CentralProcess {
public:
    // Starts `waserda-central serve` on `port` (0: a free one) over the store args ("--db F" or "--pg URL")
    // and waits until /v1/health answers.
    CentralProcess(std::vector<std::string> store_args, int port = 0);
    ~CentralProcess();
    int port() const { return port_; }
    std::string url() const;
    bool running() const { return pid_ > 0; }
    void kill_hard();                 // SIGKILL and reap
    void restart();                   // same port, same store

private:
    void spawn();
    std::vector<std::string> store_args_;
    int port_ = 0;
    pid_t pid_ = -1;
};

// Runs a waserda-central admin command to completion; returns its stdout. Fails the test on exit != 0.
std::string run_central(const std::vector<std::string>& args);

// True when GET url/v1/health answers 200.
bool healthy(const std::string& url);

}  // namespace waserda::sync::testkit
