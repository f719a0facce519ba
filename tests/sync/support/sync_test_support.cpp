// [SECTION] index: polling, temp dirs, payloads, fake outbox, PostgreSQL, in-process central, child central
#include "sync_test_support.hpp"

#include "pos/core/uuid.hpp"

#include <gtest/gtest.h>
#include <httplib.h>
#include <libpq-fe.h>
#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <thread>

namespace waserda::sync::testkit {

using nlohmann::json;

// [SECTION] Polling
bool wait_until(const std::function<bool()>& condition, std::chrono::milliseconds deadline) {
    auto end = std::chrono::steady_clock::now() + deadline;
    auto pause = std::chrono::milliseconds(1);
    while (std::chrono::steady_clock::now() < end) {
        if (condition()) return true;
        // Yield the CPU between checks; this is polling, not waiting for a guessed duration.
        std::this_thread::sleep_for(pause);
        pause = std::min(pause * 2, std::chrono::milliseconds(50));
    }
    return condition();
}

// [SECTION] Temp dirs
TempDir::TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "waserda-sync-XXXXXX").string();
    char* made = mkdtemp(tmpl.data());
    EXPECT_NE(made, nullptr);
    path_ = tmpl;
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
}

// [SECTION] Payloads
std::string sale_payload(const std::string& device, const std::string& sale_uuid, const std::string& number, int64_t total,
                         const std::string& member_number) {
    const bool credit = !member_number.empty();
    json payment = credit ? json{{"method", "member_credit"}, {"amount", total}, {"tendered", 0}, {"reference", ""}}
                          : json{{"method", "cash"}, {"amount", total}, {"tendered", total}, {"reference", ""}};
    json sale = {{"uuid", sale_uuid},
                 {"number", number},
                 {"device", device},
                 {"kind", total < 0 ? "return" : "sale"},
                 {"original_number", ""},
                 {"at", "2026-11-22T03:04:05Z"},
                 {"local_date", "2026-11-22"},
                 {"user_name", "kasir1"},
                 {"member_number", member_number},
                 {"member_name", credit ? "Siti" : ""},
                 {"subtotal", total},
                 {"discount", 0},
                 {"rounding", 0},
                 {"total", total},
                 {"change", 0},
                 {"dpp", 0},
                 {"ppn", 0},
                 {"lines", json::array({{{"line_no", 1}, {"sku", "BRS-5"}, {"name", "Beras 5 kg"}, {"code", "8991234567890"},
                                         {"qty", total < 0 ? -1 : 1}, {"unit_price", total < 0 ? -total : total},
                                         {"discount", 0}, {"total", total}, {"unit_cost", 1000}}})},
                 {"payments", json::array({payment})}};
    json receivables = json::array();
    if (credit)
        receivables.push_back({{"member_number", member_number}, {"kind", "credit_sale"}, {"amount", total}, {"ref", number},
                               {"at", "2026-11-22T03:04:05Z"}});
    return json{{"kind", "sale"},
                {"device", device},
                {"sale", sale},
                {"stock_moves", json::array({{{"sku", "BRS-5"}, {"kind", "sale"}, {"qty", -1}, {"unit_cost", 1000},
                                              {"ref", number}, {"reason", ""}, {"at", "2026-11-22T03:04:05Z"}}})},
                {"savings", json::array()},
                {"receivables", receivables},
                {"cash_moves", json::array()},
                {"audit", json::array()}}
        .dump();
}

// [SECTION] Fake outbox
int64_t FakeOutbox::add_sale(int64_t total, const std::string& member_number) {
    std::lock_guard lock(mu_);
    int64_t seq = int64_t(rows_.size()) + 1;
    std::string number = device_ + "-20261122-" + std::to_string(seq);
    Row r;
    r.event = {seq, core::new_uuid(), device_, "sale", sale_payload(device_, core::new_uuid(), number, total, member_number),
               "2026-11-22T03:04:05Z"};
    rows_.push_back(std::move(r));
    ++sales_;
    total_ += total;
    return seq;
}

int64_t FakeOutbox::add_raw(const std::string& kind, const std::string& payload) {
    std::lock_guard lock(mu_);
    int64_t seq = int64_t(rows_.size()) + 1;
    Row r;
    r.event = {seq, core::new_uuid(), device_, kind, payload, "2026-11-22T03:04:05Z"};
    rows_.push_back(std::move(r));
    return seq;
}

core::Result<std::vector<core::OutboxEvent>> FakeOutbox::pending_events(int limit) {
    std::lock_guard lock(mu_);
    if (fail_reads_ > 0) {
        --fail_reads_;
        return core::make_error(core::ErrorCode::Storage, "database is locked");
    }
    std::vector<core::OutboxEvent> out;
    for (const auto& r : rows_) {
        if (int(out.size()) >= limit) break;
        if (r.state == "pending") out.push_back(r.event);
    }
    return out;
}

core::Status FakeOutbox::mark_acked(int64_t seq, const std::string& at) {
    std::lock_guard lock(mu_);
    ++mark_calls_;
    if (fail_acks_ > 0) {
        --fail_acks_;
        return core::make_error(core::ErrorCode::Storage, "disk I/O error");
    }
    for (auto& r : rows_)
        if (r.event.seq <= seq && r.state == "pending") r.state = "acked";
    last_success_ = at;
    return core::ok_status();
}

core::Status FakeOutbox::park_event(int64_t seq, const std::string& reason) {
    std::lock_guard lock(mu_);
    for (auto& r : rows_)
        if (r.event.seq == seq && r.state == "pending") {
            r.state = "parked";
            r.reason = reason;
        }
    return core::ok_status();
}

core::Status FakeOutbox::record_sync_error(const std::string& error) {
    std::lock_guard lock(mu_);
    last_error_ = error;
    return core::ok_status();
}

core::Result<core::OutboxStats> FakeOutbox::outbox_stats() {
    std::lock_guard lock(mu_);
    core::OutboxStats s;
    for (const auto& r : rows_) {
        if (r.state == "pending") ++s.pending;
        if (r.state == "parked") ++s.parked;
        if (r.state == "acked") s.last_acked_seq = std::max(s.last_acked_seq, r.event.seq);
    }
    s.last_success_at = last_success_;
    s.last_error = last_error_;
    return s;
}

int64_t FakeOutbox::acked_count() const {
    std::lock_guard lock(mu_);
    return std::count_if(rows_.begin(), rows_.end(), [](const Row& r) { return r.state == "acked"; });
}

int64_t FakeOutbox::sale_count() const {
    std::lock_guard lock(mu_);
    return sales_;
}

int64_t FakeOutbox::expected_total() const {
    std::lock_guard lock(mu_);
    return total_;
}

std::vector<std::pair<int64_t, std::string>> FakeOutbox::parked() const {
    std::lock_guard lock(mu_);
    std::vector<std::pair<int64_t, std::string>> out;
    for (const auto& r : rows_)
        if (r.state == "parked") out.emplace_back(r.event.seq, r.reason);
    return out;
}

int FakeOutbox::mark_acked_calls() const {
    std::lock_guard lock(mu_);
    return mark_calls_;
}

void FakeOutbox::fail_next_acks(int n) {
    std::lock_guard lock(mu_);
    fail_acks_ = n;
}

void FakeOutbox::fail_next_reads(int n) {
    std::lock_guard lock(mu_);
    fail_reads_ = n;
}

// [SECTION] PostgreSQL
std::optional<std::string> pg_base_url() {
    const char* url = std::getenv("WASERDA_TEST_PG_URL");
    if (!url || !*url) return std::nullopt;
    return std::string(url);
}

std::string pg_fresh_database() {
    static std::atomic<int> counter{0};
    auto base = pg_base_url();
    if (!base) return {};
    std::string name = "wt_" + std::to_string(getpid()) + "_" + std::to_string(counter++) + "_" +
                       std::to_string(std::random_device{}() % 100000);
    PGconn* c = PQconnectdb(base->c_str());
    EXPECT_EQ(PQstatus(c), CONNECTION_OK) << PQerrorMessage(c);
    PGresult* r = PQexec(c, ("CREATE DATABASE " + name).c_str());
    EXPECT_EQ(PQresultStatus(r), PGRES_COMMAND_OK) << PQerrorMessage(c);
    PQclear(r);
    PQfinish(c);
    // postgresql://user@host:port/db?params -> same URL with the new database name.
    std::string url = *base;
    size_t scheme = url.find("://");
    size_t slash = url.find('/', scheme == std::string::npos ? 0 : scheme + 3);
    size_t query = url.find('?');
    std::string params = query == std::string::npos ? "" : url.substr(query);
    std::string head = slash == std::string::npos ? url.substr(0, query) : url.substr(0, slash);
    return head + "/" + name + params;
}

// [SECTION] In-process central
InProcessCentral::InProcessCentral(const std::string& backend) {
    auto store = backend == "pg" ? open_pg_central(pg_fresh_database()) : open_sqlite_central(dir_.file("central.sqlite"));
    EXPECT_TRUE(store.ok()) << (store.ok() ? "" : store.error().message);
    if (!store) return;
    store_ = std::move(store.value());
    server_ = std::make_unique<CentralServer>(*store_);
    auto port = server_->start("127.0.0.1", 0);
    EXPECT_TRUE(port.ok());
    port_ = port.ok() ? *port : 0;
    EXPECT_TRUE(wait_until([&] { return healthy(url()); }));
}

InProcessCentral::~InProcessCentral() { stop(); }

void InProcessCentral::stop() {
    if (server_) server_->stop();
}

std::string InProcessCentral::url() const { return "http://127.0.0.1:" + std::to_string(port_); }

std::string InProcessCentral::add_device(const std::string& name, const std::string& shop) {
    std::string token = new_device_token();
    auto d = store_->add_device(name, shop, hash_token(token));
    EXPECT_TRUE(d.ok());
    return token;
}

bool healthy(const std::string& url) {
    httplib::Client cli(url);
    cli.set_connection_timeout(0, 200000);
    cli.set_read_timeout(1, 0);
    auto res = cli.Get("/v1/health");
    return res && res->status == 200;
}

// [SECTION] Child central
std::string central_binary() { return std::string(WASERDA_BINARY_DIR) + "/bin/waserda-central"; }

CentralProcess::CentralProcess(std::vector<std::string> store_args, int port) : store_args_(std::move(store_args)), port_(port) {
    spawn();
}

CentralProcess::~CentralProcess() { kill_hard(); }

std::string CentralProcess::url() const { return "http://127.0.0.1:" + std::to_string(port_); }

void CentralProcess::spawn() {
    int out[2];
    ASSERT_EQ(pipe(out), 0);
    std::vector<std::string> args = {central_binary(), "serve", "--listen", "127.0.0.1:" + std::to_string(port_)};
    args.insert(args.end(), store_args_.begin(), store_args_.end());
    pid_ = fork();
    ASSERT_GE(pid_, 0);
    if (pid_ == 0) {
        dup2(out[1], 1);
        int devnull = open("/dev/null", O_WRONLY);
        if (!std::getenv("WASERDA_TEST_VERBOSE")) dup2(devnull, 2);
        close(out[0]);
        std::vector<char*> argv;
        for (auto& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);
        execv(argv[0], argv.data());
        _exit(127);
    }
    close(out[1]);
    // The first stdout line names the port: "waserda-central listening on 127.0.0.1:PORT".
    std::string line;
    char ch;
    while (read(out[0], &ch, 1) == 1 && ch != '\n') line += ch;
    close(out[0]);
    auto colon = line.rfind(':');
    ASSERT_NE(colon, std::string::npos) << "waserda-central did not start: " << line;
    port_ = std::stoi(line.substr(colon + 1));
    ASSERT_TRUE(wait_until([&] { return healthy(url()); })) << "waserda-central does not answer on " << url();
}

void CentralProcess::kill_hard() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGKILL);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
}

void CentralProcess::restart() {
    kill_hard();
    spawn();  // httplib binds with SO_REUSEADDR, so the same port is free again at once
}

std::string run_central(const std::vector<std::string>& args) {
    std::string cmd = "'" + central_binary() + "'";
    for (const auto& a : args) cmd += " '" + a + "'";
    FILE* p = popen(cmd.c_str(), "r");
    EXPECT_NE(p, nullptr);
    if (!p) return {};
    std::string out;
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
    int rc = pclose(p);
    EXPECT_EQ(rc, 0) << cmd << "\n" << out;
    return out;
}

}  // namespace waserda::sync::testkit
