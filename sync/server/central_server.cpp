// [SECTION] index: helpers, authentication, routes (health, events, master, status, credit), lifecycle
#include "sync/server/central_server.hpp"

#include "pos/core/i18n.hpp"
#include "sync/protocol.hpp"

#include <httplib.h>
#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <thread>

namespace waserda::sync {

using nlohmann::json;

struct CentralServer::Impl {
    CentralStore& store;
    ServerOptions options;
    httplib::Server http;
    std::thread thread;
    std::atomic<bool> finished{false};

    Impl(CentralStore& s, ServerOptions o) : store(s), options(o) {}

    // [SECTION] Helpers
    static void reply_error(httplib::Response& res, int status, const std::string& message) {
        res.status = status;
        res.set_content(error_body(message), "application/json");
    }

    static void reply_json(httplib::Response& res, const json& body) {
        res.status = 200;
        res.set_content(body.dump(), "application/json");
    }

    // 503: the client treats it as temporary and retries, which is right when the database is down.
    static void reply_store_error(httplib::Response& res, const core::Error& e) {
        spdlog::warn("store: {}", e.message);
        reply_error(res, 503, core::tr("Server pusat sedang tidak dapat menyimpan, coba lagi nanti."));
    }

    // [SECTION] Authentication: Authorization: Bearer <device token>
    std::optional<DeviceInfo> authenticate(const httplib::Request& req, httplib::Response& res) {
        const std::string header = req.get_header_value("Authorization");
        const std::string prefix = "Bearer ";
        if (header.size() <= prefix.size() || header.compare(0, prefix.size(), prefix) != 0) {
            reply_error(res, 401, core::tr("Token perangkat tidak ada."));
            return std::nullopt;
        }
        auto device = store.device_by_token_hash(hash_token(header.substr(prefix.size())));
        if (!device) {
            reply_store_error(res, device.error());
            return std::nullopt;
        }
        if (!device.value()) {
            reply_error(res, 401, core::tr("Token perangkat tidak dikenal."));
            return std::nullopt;
        }
        if (!device.value()->revoked_at.empty()) {
            reply_error(res, 401, core::tr("Token perangkat \"{}\" sudah dicabut.", device.value()->name));
            return std::nullopt;
        }
        return *device.value();
    }

    // [SECTION] POST /v1/events
    void post_events(const httplib::Request& req, httplib::Response& res, const httplib::ContentReader& reader) {
        auto device = authenticate(req, res);
        // Read (and so drain) the body even when refusing, so the connection stays usable.
        std::string body;
        bool too_large = false;
        bool read_ok = reader([&](const char* data, size_t len) {
            if (body.size() + len > kMaxBodyBytes) {
                too_large = true;
                return false;
            }
            body.append(data, len);
            return true;
        });
        if (!device) return;
        if (too_large) return reply_error(res, 413, core::tr("Kiriman terlalu besar; kirim lebih sedikit catatan sekaligus."));
        if (!read_ok) return reply_error(res, 400, core::tr("Kiriman tidak terbaca utuh."));

        json doc = json::parse(body, nullptr, false);
        if (doc.is_discarded() || !doc.is_object()) return reply_error(res, 400, core::tr("Kiriman bukan JSON yang sah."));
        auto events = doc.find("events");
        if (events == doc.end() || !events->is_array())
            return reply_error(res, 400, core::tr("Kiriman tidak memuat daftar \"events\"."));
        if (events->size() > size_t(kMaxBatchEvents))
            return reply_error(res, 413, core::tr("Paling banyak {} catatan sekali kirim.", kMaxBatchEvents));

        std::vector<WireEvent> valid;
        std::vector<Rejection> rejected;
        for (const auto& e : *events) {
            auto parsed = parse_event(e);
            if (parsed) {
                valid.push_back(std::move(parsed.value()));
                continue;
            }
            // Without its sequence an event cannot be named back to the shop: the batch is unusable.
            if (!e.is_object() || !e.contains("seq") || !e["seq"].is_number_integer())
                return reply_error(res, 400, core::tr("Ada catatan tanpa nomor urut."));
            rejected.push_back({e["seq"].get<int64_t>(), parsed.error().message});
        }
        core::Result<BatchAck> ack = BatchAck{};
        if (!valid.empty()) {
            ack = store.ingest(device->id, valid);
        } else {
            auto seq = store.acked_seq(device->id);
            if (!seq) return reply_store_error(res, seq.error());
            ack.value().acked_seq = *seq;
        }
        if (!ack) return reply_store_error(res, ack.error());
        for (auto& r : rejected) ack.value().rejected.push_back(std::move(r));
        std::sort(ack.value().rejected.begin(), ack.value().rejected.end(),
                  [](const Rejection& a, const Rejection& b) { return a.seq < b.seq; });
        spdlog::debug("{}: {} events, {} stored, {} duplicates, {} rejected, acked {}", device->name, events->size(),
                     ack.value().stored, ack.value().duplicates, ack.value().rejected.size(), ack.value().acked_seq);
        reply_json(res, ack_to_json(ack.value()));
    }

    // [SECTION] GET /v1/master?since=V&limit=N
    void get_master(const httplib::Request& req, httplib::Response& res) {
        auto device = authenticate(req, res);
        if (!device) return;
        int64_t since = 0;
        int limit = 500;
        try {
            if (req.has_param("since")) since = std::stoll(req.get_param_value("since"));
            if (req.has_param("limit")) limit = std::stoi(req.get_param_value("limit"));
        } catch (const std::exception&) {
            return reply_error(res, 400, core::tr("Parameter since/limit harus bilangan bulat."));
        }
        if (since < 0 || limit < 1) return reply_error(res, 400, core::tr("Parameter since/limit tidak sah."));
        limit = std::min(limit, kMaxMasterPage);
        auto rows = store.master_since(since, limit);
        if (!rows) return reply_store_error(res, rows.error());
        json items = json::array(), members = json::array();
        int64_t version = since;
        for (const auto& r : rows.value()) {
            json body = json::parse(r.body, nullptr, false);
            (r.kind == "item" ? items : members).push_back(std::move(body));
            version = std::max(version, r.version);
        }
        reply_json(res, {{"version", version},
                         {"more", int(rows.value().size()) == limit},
                         {"items", std::move(items)},
                         {"members", std::move(members)}});
    }

    // [SECTION] GET /v1/status and GET /v1/credit
    void get_status(const httplib::Request& req, httplib::Response& res) {
        auto device = authenticate(req, res);
        if (!device) return;
        auto seq = store.acked_seq(device->id);
        if (!seq) return reply_store_error(res, seq.error());
        reply_json(res, {{"device", device->name}, {"shop", device->shop}, {"acked_seq", *seq}, {"api", kApiVersion}});
    }

    void get_credit(const httplib::Request& req, httplib::Response& res) {
        auto device = authenticate(req, res);
        if (!device) return;
        auto rows = store.credit_report(/*over_limit_only=*/true);
        if (!rows) return reply_store_error(res, rows.error());
        json members = json::array();
        for (const auto& r : rows.value())
            members.push_back({{"number", r.member_number}, {"name", r.name}, {"owed", r.owed},
                               {"limit", r.limit ? json(*r.limit) : json(nullptr)}, {"shops", r.shops}});
        reply_json(res, {{"over_limit", std::move(members)}});
    }

    void routes() {
        http.new_task_queue = [n = options.threads] { return new httplib::ThreadPool(size_t(n)); };
        http.set_read_timeout(options.read_timeout_seconds, 0);
        http.set_write_timeout(options.read_timeout_seconds, 0);
        http.set_payload_max_length(kMaxBodyBytes);
        http.set_tcp_nodelay(true);  // small JSON answers must not wait for a delayed ACK
        http.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
            std::string what = "unknown";
            try {
                std::rethrow_exception(ep);
            } catch (const std::exception& e) {
                what = e.what();
            } catch (...) {
            }
            spdlog::error("request failed: {}", what);
            reply_error(res, 500, core::tr("Kesalahan di server pusat."));
        });
        http.set_error_handler([](const httplib::Request&, httplib::Response& res) {
            if (res.body.empty()) {
                std::string msg = res.status == 404   ? core::tr("Alamat API tidak dikenal.")
                                  : res.status == 413 ? core::tr("Kiriman terlalu besar; kirim lebih sedikit catatan sekaligus.")
                                                      : core::tr("Permintaan tidak sah (kode {}).", res.status);
                res.set_content(error_body(msg), "application/json");
            }
        });
        http.Get("/v1/health", [](const httplib::Request&, httplib::Response& res) {
            reply_json(res, {{"status", "ok"}, {"api", kApiVersion}});
        });
        http.Post("/v1/events", [this](const httplib::Request& req, httplib::Response& res, const httplib::ContentReader& reader) {
            post_events(req, res, reader);
        });
        http.Get("/v1/master", [this](const httplib::Request& req, httplib::Response& res) { get_master(req, res); });
        http.Get("/v1/status", [this](const httplib::Request& req, httplib::Response& res) { get_status(req, res); });
        http.Get("/v1/credit", [this](const httplib::Request& req, httplib::Response& res) { get_credit(req, res); });
    }
};

// [SECTION] Lifecycle
CentralServer::CentralServer(CentralStore& store, ServerOptions options)
    : impl_(std::make_unique<Impl>(store, options)) {
    impl_->routes();
}

CentralServer::~CentralServer() { stop(); }

core::Result<int> CentralServer::bind(const std::string& host, int port) {
    int bound = port == 0 ? impl_->http.bind_to_any_port(host) : (impl_->http.bind_to_port(host, port) ? port : -1);
    if (bound <= 0)
        return core::make_error(core::ErrorCode::Network, core::tr("Tidak dapat mendengarkan di {}:{}.", host, port));
    return bound;
}

void CentralServer::run() { impl_->http.listen_after_bind(); }

core::Result<int> CentralServer::start(const std::string& host, int port) {
    auto bound = bind(host, port);
    if (!bound) return bound;
    impl_->finished = false;
    impl_->thread = std::thread([this] {
        run();
        impl_->finished = true;
    });
    return bound;
}

void CentralServer::stop() {
    if (impl_->thread.joinable()) {
        // httplib ignores stop() before its loop runs; the loop starts at once, so this wait is short.
        while (!impl_->http.is_running() && !impl_->finished) std::this_thread::yield();
        impl_->http.stop();
        impl_->thread.join();
    } else if (impl_->http.is_running()) {
        impl_->http.stop();
    }
}

}  // namespace waserda::sync
