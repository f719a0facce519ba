// The central server's database: devices, the events every shop sent, the facts reports read, and
// the master data the office owns. Two implementations with the same behaviour: SQLite (embedded,
// one server process) and PostgreSQL (many shops, several stateless server processes).
//
// Idempotence lives in the database, not in the server: events are unique on (device, seq) and on
// uuid, and a batch is inserted with insert-or-ignore in one transaction, so a replayed batch
// changes nothing and is answered the same way.
#pragma once

#include "pos/core/result.hpp"
#include "sync/protocol.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace waserda::sync {

struct DeviceInfo {
    int64_t id = 0;
    std::string name;          // unique on the central: "toko-pusat-T01"
    std::string shop;          // groups devices in reports
    std::string created_at;
    std::string revoked_at;    // empty while the token is valid
};

// A row of master data: kind "item" (key sku) or "member" (key number), body in wire form.
struct MasterRow {
    std::string kind;
    std::string key;
    std::string body;          // compact JSON (item_to_wire / member_to_wire)
    std::string name;          // for reports
    std::optional<int64_t> credit_limit;
    int64_t version = 0;
};

struct SalesDayRow {
    std::string shop;
    std::string date;
    int64_t sales = 0;
    int64_t returns = 0;
    int64_t total = 0;         // rupiah, returns subtracted
};

struct CreditRow {
    std::string member_number;
    std::string name;
    int64_t owed = 0;          // sum of every shop's deltas
    std::optional<int64_t> limit;
    int64_t shops = 0;         // how many shops hold entries of this member
    bool over_limit = false;   // the merged balance exceeds the limit the office set

    void set_limit(int64_t l) {
        limit = l;
        over_limit = owed > l;
    }
};

struct UpsertCounts {
    int64_t changed = 0;       // inserted or updated (a new version)
    int64_t unchanged = 0;
    int64_t version = 0;       // the highest master version after the import
};

class CentralStore {
public:
    virtual ~CentralStore() = default;

    // [SECTION] Devices. Only the hash of a token is stored.
    virtual core::Result<DeviceInfo> add_device(const std::string& name, const std::string& shop,
                                                const std::string& token_hash) = 0;
    virtual core::Status revoke_device(const std::string& name) = 0;
    virtual core::Result<std::vector<DeviceInfo>> list_devices() = 0;
    // Includes revoked devices, so the caller can say why it refuses.
    virtual core::Result<std::optional<DeviceInfo>> device_by_token_hash(const std::string& token_hash) = 0;

    // [SECTION] Events
    // Stores valid events of a device in one transaction; a duplicate (same device, seq and uuid)
    // is counted, a clash (seq or uuid used by another event) is rejected. `acked_seq` is then the
    // highest sequence the database holds for the device.
    virtual core::Result<BatchAck> ingest(int64_t device_id, const std::vector<WireEvent>& events) = 0;
    virtual core::Result<int64_t> acked_seq(int64_t device_id) = 0;
    virtual core::Result<int64_t> event_count() = 0;

    // [SECTION] Master data, versioned: a row gets a new version only when its body changes.
    virtual core::Result<UpsertCounts> upsert_master(const std::vector<MasterRow>& rows) = 0;
    // Rows with version > since, oldest first, at most `limit`.
    virtual core::Result<std::vector<MasterRow>> master_since(int64_t since, int limit) = 0;

    // [SECTION] Reports. Dates are local shop dates "YYYY-MM-DD"; empty means unbounded.
    virtual core::Result<std::vector<SalesDayRow>> sales_report(const std::string& from, const std::string& to) = 0;
    virtual core::Result<std::vector<CreditRow>> credit_report(bool over_limit_only) = 0;
};

core::Result<std::unique_ptr<CentralStore>> open_sqlite_central(const std::string& path);
// `pool` connections are opened lazily, one per concurrent request at most.
core::Result<std::unique_ptr<CentralStore>> open_pg_central(const std::string& url, int pool = 8);

// [SECTION] Tokens: random, shown once, stored as a BLAKE2b hash (they are long random secrets,
// so a slow password hash would add nothing but latency to every request).
std::string new_device_token();
std::string hash_token(const std::string& token);

}  // namespace waserda::sync
