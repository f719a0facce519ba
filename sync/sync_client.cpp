// [SECTION] index: lifecycle, rounds (drain, pull), background loop, master sink
#include "sync/sync_client.hpp"

#include "pos/core/clock.hpp"
#include "pos/core/i18n.hpp"
#include "sync/gzip.hpp"
#include "sync/http_client.hpp"

#include <algorithm>
#include <random>
#include <unordered_set>

namespace waserda::sync {

using core::ErrorCode;
using core::make_error;
using core::Result;
using core::Status;

namespace {
std::string now_utc() { return core::iso_utc(std::chrono::system_clock::now()); }

std::string trim_slash(std::string url) {
    while (!url.empty() && url.back() == '/') url.pop_back();
    return url;
}

// splitmix64: small, seedable, good enough for jitter.
uint64_t next_random(uint64_t& state) {
    uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}
}  // namespace

// [SECTION] Lifecycle
SyncClient::SyncClient(core::OutboxPort& outbox, MasterSink* master, SyncOptions options)
    : outbox_(outbox), master_(master), options_(std::move(options)) {
    options_.server_url = trim_slash(options_.server_url);
    options_.batch_size = std::clamp(options_.batch_size, 1, kMaxBatchEvents);
    rng_ = options_.seed ? options_.seed : std::random_device{}();
    HttpOptions http;
    http.ca_file = options_.ca_file;
    http.connect_timeout = options_.connect_timeout;
    http.transfer_timeout = options_.transfer_timeout;
    http.cancelled = [this] {
        std::lock_guard lock(mu_);
        return stopping_;
    };
    http_ = std::make_unique<HttpClient>(std::move(http));
}

SyncClient::~SyncClient() { stop(); }

void SyncClient::start() {
    std::lock_guard lock(mu_);
    if (thread_.joinable()) return;
    stopping_ = false;
    status_.running = true;
    thread_ = std::thread([this] { loop(); });
}

void SyncClient::stop() {
    {
        std::lock_guard lock(mu_);
        stopping_ = true;
    }
    cv_.notify_all();
    if (thread_.joinable()) thread_.join();
    std::lock_guard lock(mu_);
    status_.running = false;
}

void SyncClient::wake() {
    {
        std::lock_guard lock(mu_);
        woken_ = true;
    }
    cv_.notify_all();
}

SyncStatus SyncClient::status() const {
    std::lock_guard lock(mu_);
    return status_;
}

std::chrono::milliseconds SyncClient::backoff_delay(int failures) {
    using std::chrono::milliseconds;
    int64_t base = options_.retry_min.count();
    for (int i = 1; i < failures && base < options_.retry_max.count(); ++i) base *= 2;
    base = std::min<int64_t>(base, options_.retry_max.count());
    // Jitter spreads the retries of many shops after the central comes back.
    double factor = 0.5 + 0.5 * double(next_random(rng_) >> 11) / double(1ull << 53);
    return milliseconds(std::max<int64_t>(1, int64_t(double(base) * factor)));
}

// [SECTION] Rounds
Result<RoundReport> SyncClient::run_once() { return round(); }

Result<RoundReport> SyncClient::round() {
    std::lock_guard round_lock(round_mu_);
    RoundReport report;
    Status outcome = drain(report);
    if (outcome && options_.pull_master && master_) outcome = pull(report);
    refresh_status(outcome);
    if (!outcome) return outcome.error();
    return report;
}

Status SyncClient::drain(RoundReport& report) {
    int batch = options_.batch_size;
    const std::string url = options_.server_url + "/v1/events";
    for (;;) {
        {
            std::lock_guard lock(mu_);
            if (stopping_) return make_error(ErrorCode::Network, core::tr("Pengiriman dihentikan."));
        }
        auto events = outbox_.pending_events(batch);
        if (!events) return events.error();
        if (events->empty()) return core::ok_status();

        EncodedBatch encoded = encode_batch(*events);
        for (const auto& r : encoded.unsendable) {
            if (auto st = outbox_.park_event(r.seq, r.reason); !st) return st;
            ++report.parked;
        }
        if (encoded.sent == 0) continue;

        auto response = http_->post_gzip_json(url, options_.token, gzip_compress(encoded.body));
        if (!response) return response.error();
        const long code = response->status;
        if (code == 413) {
            if (batch > 1) {  // too big for the server: send smaller batches
                batch = std::max(1, batch / 2);
                continue;
            }
            std::string reason = error_from_body(response->body);
            if (auto st = outbox_.park_event(events->front().seq, reason); !st) return st;
            ++report.parked;
            continue;
        }
        if (code == 401 || code == 403)
            return make_error(ErrorCode::Denied, core::tr("Server pusat menolak token perangkat: {}", error_from_body(response->body)));
        if (code >= 500 || code == 0)
            return make_error(ErrorCode::Network, core::tr("Server pusat sedang bermasalah (kode {}).", code));
        if (code != 200)
            return make_error(ErrorCode::Network,
                              core::tr("Server pusat menolak kiriman (kode {}): {}", code, error_from_body(response->body)));

        auto ack = ack_from_json(response->body);
        if (!ack) return ack.error();
        std::unordered_set<int64_t> in_batch;
        for (const auto& e : *events) in_batch.insert(e.seq);
        int64_t parked_now = 0;
        for (const auto& r : ack->rejected) {
            if (!in_batch.count(r.seq)) continue;
            if (auto st = outbox_.park_event(r.seq, r.reason); !st) return st;
            ++parked_now;
        }
        // Never past what we sent: a server holding higher sequences than this outbox has ever made
        // (a restored backup, a reused token) must not make unsent events look sent.
        const int64_t upto = std::min(ack->acked_seq, encoded.max_seq);
        if (upto > 0) {
            if (auto st = outbox_.mark_acked(upto, now_utc()); !st) return st;
            recorded_error_.reset();  // a store may clear its last error on an acknowledgement
        }
        report.sent += encoded.sent;
        report.stored += ack->stored;
        report.duplicates += ack->duplicates;
        report.parked += parked_now;
        report.acked_seq = std::max(report.acked_seq, upto);
        // A server that neither holds nor rejects what it was sent would make us loop forever.
        if (upto < events->front().seq && parked_now == 0)
            return make_error(ErrorCode::Network, core::tr("Server pusat tidak mengakui kiriman."));
    }
}

Status SyncClient::pull(RoundReport& report) {
    auto version = master_->master_version();
    if (!version) return version.error();
    int64_t since = *version;
    for (int pages = 0; pages < 10000; ++pages) {
        auto response = http_->get(options_.server_url + "/v1/master?since=" + std::to_string(since) + "&limit=500",
                                   options_.token);
        if (!response) return response.error();
        if (response->status == 401 || response->status == 403)
            return make_error(ErrorCode::Denied, core::tr("Server pusat menolak token perangkat: {}", error_from_body(response->body)));
        if (response->status != 200)
            return make_error(ErrorCode::Network, core::tr("Server pusat sedang bermasalah (kode {}).", response->status));
        auto page = master_page_from_json(response->body);
        if (!page) return page.error();
        if (page->items.empty() && page->members.empty()) return core::ok_status();
        if (auto st = master_->apply_master(*page); !st) return st;
        report.items_pulled += int64_t(page->items.size());
        report.members_pulled += int64_t(page->members.size());
        if (!page->more || page->version <= since) return core::ok_status();
        since = page->version;
    }
    return core::ok_status();
}

void SyncClient::refresh_status(const Status& outcome) {
    std::string error = outcome ? std::string() : outcome.error().message;
    // Written when it changes only: a round after every sale should not add a write to the store.
    if (!recorded_error_ || *recorded_error_ != error)
        if (outbox_.record_sync_error(error)) recorded_error_ = error;
    auto stats = outbox_.outbox_stats();
    std::string when = now_utc();
    std::lock_guard lock(mu_);
    if (stats) {
        status_.pending = stats->pending;
        status_.parked = stats->parked;
        status_.acked_seq = stats->last_acked_seq;
        if (status_.last_success_at.empty()) status_.last_success_at = stats->last_success_at;
    }
    if (outcome) {
        status_.last_success_at = when;
        status_.last_error.clear();
        status_.consecutive_failures = 0;
    } else {
        status_.last_error = outcome.error().message;
        ++status_.consecutive_failures;
    }
}

// [SECTION] Background loop
void SyncClient::loop() {
    using clock = std::chrono::steady_clock;
    for (;;) {
        auto attempt = clock::now();
        auto outcome = round();
        std::unique_lock lock(mu_);
        if (stopping_) break;
        auto delay = outcome ? options_.idle_interval : backoff_delay(status_.consecutive_failures);
        // A wake() during the wait is honoured at once after a success, and no sooner than
        // retry_min after a failed attempt, so a busy till cannot hammer a dead server.
        cv_.wait_until(lock, attempt + delay, [&] { return stopping_ || woken_; });
        if (stopping_) break;
        if (woken_ && !outcome) cv_.wait_until(lock, attempt + options_.retry_min, [&] { return stopping_; });
        if (stopping_) break;
        woken_ = false;
    }
    std::lock_guard lock(mu_);
    status_.running = false;
}

// [SECTION] Settings in the shop's store
Result<SyncOptions> load_sync_settings(core::ShopStore& store) {
    SyncOptions o;
    for (auto [key, field] : {std::pair{"sync.server_url", &o.server_url}, std::pair{"sync.token", &o.token},
                              std::pair{"sync.ca_file", &o.ca_file}}) {
        auto v = store.meta(key);
        if (!v) return v.error();
        if (v.value()) *field = *v.value();
    }
    return o;
}

Status save_sync_settings(core::ShopStore& store, const SyncOptions& options) {
    for (auto [key, value] : {std::pair{"sync.server_url", &options.server_url}, std::pair{"sync.token", &options.token},
                              std::pair{"sync.ca_file", &options.ca_file}})
        if (auto st = store.set_meta(key, *value); !st) return st;
    return core::ok_status();
}

// [SECTION] Master sink on the shop's store
Result<int64_t> ShopMasterSink::master_version() {
    auto v = store_.meta(kVersionKey);
    if (!v) return v.error();
    if (!v.value()) return int64_t{0};
    try {
        return int64_t(std::stoll(*v.value()));
    } catch (const std::exception&) {
        return int64_t{0};  // unreadable: pull everything again, which is harmless
    }
}

Status ShopMasterSink::apply_master(const MasterPage& page) {
    std::vector<core::Item> items;
    for (const auto& incoming : page.items) {
        core::Item item = incoming;
        auto local = store_.item_by_sku(item.sku);
        if (!local) return local.error();
        if (local.value()) {
            const core::Item& mine = *local.value();
            item.id = mine.id;
            item.cost = mine.cost;
            item.on_hand = mine.on_hand;
            item.min_stock = mine.min_stock;
            item.consignment = mine.consignment;
            item.consignor_id = mine.consignor_id;
        }
        items.push_back(std::move(item));
    }
    if (!items.empty())
        if (auto st = store_.save_items(items, core::BarcodeWrite::Replace); !st) return st;   // the server's codes
    std::vector<core::Member> members;
    for (const auto& incoming : page.members) {
        core::Member m = incoming;
        auto local = store_.member_by_number(m.number);
        if (!local) return local.error();
        if (local.value()) m.id = local.value()->id;
        members.push_back(std::move(m));
    }
    if (!members.empty())
        if (auto st = store_.save_members(members); !st) return st;
    return store_.set_meta(kVersionKey, std::to_string(page.version));
}

}  // namespace waserda::sync
