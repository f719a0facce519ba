// [SECTION] index: field readers, events, acknowledgements, master data, helpers
#include "sync/protocol.hpp"

#include "pos/core/i18n.hpp"

#include <algorithm>
#include <chrono>

namespace waserda::sync {

using core::ErrorCode;
using core::make_error;
using core::Result;
using nlohmann::json;

namespace {

// [SECTION] Field readers: each returns false and sets `why` when the field is wrong.

bool read_string(const json& obj, const char* key, std::string& out, std::string& why, bool required = true,
                 size_t max_len = 256) {
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) {
        if (required) why = core::tr("kolom \"{}\" tidak ada", key);
        return !required;
    }
    if (!it->is_string()) {
        why = core::tr("kolom \"{}\" harus berupa teks", key);
        return false;
    }
    out = it->get<std::string>();
    if (required && out.empty()) {
        why = core::tr("kolom \"{}\" kosong", key);
        return false;
    }
    if (out.size() > max_len) {
        why = core::tr("kolom \"{}\" terlalu panjang", key);
        return false;
    }
    return true;
}

bool read_int(const json& obj, const char* key, int64_t& out, std::string& why, bool required = true) {
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) {
        if (required) why = core::tr("kolom \"{}\" tidak ada", key);
        return !required;
    }
    // Amounts are whole rupiah: 1.5 or "1500" is a bug on the sender's side, not something to guess.
    if (!it->is_number_integer()) {
        why = core::tr("kolom \"{}\" harus bilangan bulat", key);
        return false;
    }
    out = it->get<int64_t>();
    return true;
}

const json* read_array(const json& obj, const char* key, std::string& why) {
    static const json empty = json::array();
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) return &empty;
    if (!it->is_array()) {
        why = core::tr("kolom \"{}\" harus berupa daftar", key);
        return nullptr;
    }
    return &*it;
}

bool parse_sale(const json& s, SaleFacts& f, std::string& why) {
    if (!s.is_object()) {
        why = core::tr("kolom \"sale\" harus berupa objek");
        return false;
    }
    if (!read_string(s, "uuid", f.uuid, why) || !read_string(s, "number", f.number, why) ||
        !read_string(s, "kind", f.kind, why) || !read_string(s, "local_date", f.local_date, why) ||
        !read_string(s, "at", f.at, why, false) || !read_string(s, "member_number", f.member_number, why, false) ||
        !read_int(s, "total", f.total, why))
        return false;
    if (f.kind != "sale" && f.kind != "return") {
        why = core::tr("jenis penjualan \"{}\" tidak dikenal", f.kind);
        return false;
    }
    if (!is_iso_date(f.local_date)) {
        why = core::tr("tanggal penjualan \"{}\" tidak sah", f.local_date);
        return false;
    }
    const json* lines = read_array(s, "lines", why);
    if (!lines) return false;
    for (const auto& line : *lines) {
        int64_t qty = 0, total = 0;
        if (!line.is_object() || !read_int(line, "qty", qty, why) || !read_int(line, "total", total, why)) {
            if (why.empty()) why = core::tr("baris penjualan tidak sah");
            why = core::tr("baris penjualan {}: {}", f.number, why);
            return false;
        }
    }
    f.line_count = static_cast<int64_t>(lines->size());
    const json* payments = read_array(s, "payments", why);
    if (!payments) return false;
    for (const auto& p : *payments) {
        std::string method;
        int64_t amount = 0;
        if (!p.is_object() || !read_string(p, "method", method, why) || !read_int(p, "amount", amount, why)) {
            if (why.empty()) why = core::tr("pembayaran tidak sah");
            why = core::tr("pembayaran penjualan {}: {}", f.number, why);
            return false;
        }
        static const char* kMethods[] = {"cash", "member_credit", "savings", "qris", "transfer", "card"};
        if (std::find(std::begin(kMethods), std::end(kMethods), method) == std::end(kMethods)) {
            why = core::tr("cara bayar \"{}\" tidak dikenal", method);
            return false;
        }
    }
    return true;
}

}  // namespace

// [SECTION] Events

EncodedBatch encode_batch(const std::vector<core::OutboxEvent>& events) {
    EncodedBatch out;
    json list = json::array();
    for (const auto& e : events) {
        json payload = json::parse(e.payload, nullptr, /*allow_exceptions=*/false);
        if (payload.is_discarded()) {
            out.unsendable.push_back({e.seq, core::tr("Isi catatan bukan JSON yang sah.")});
            continue;
        }
        list.push_back({{"seq", e.seq},
                        {"uuid", e.uuid},
                        {"device", e.device},
                        {"kind", e.kind},
                        {"created_at", e.created_at},
                        {"payload", std::move(payload)}});
        out.max_seq = std::max(out.max_seq, e.seq);
        ++out.sent;
    }
    out.body = json{{"events", std::move(list)}}.dump();
    return out;
}

Result<WireEvent> parse_event(const json& e) {
    std::string why;
    WireEvent w;
    auto bad = [&](const std::string& reason) { return make_error(ErrorCode::Invalid, reason); };
    if (!e.is_object()) return bad(core::tr("Catatan bukan objek JSON."));
    if (!read_int(e, "seq", w.seq, why)) return bad(why);
    if (w.seq <= 0) return bad(core::tr("Nomor urut catatan harus lebih dari nol."));
    if (!read_string(e, "uuid", w.uuid, why, true, 64) || !read_string(e, "kind", w.kind, why, true, 64) ||
        !read_string(e, "device", w.device, why, false, 64) || !read_string(e, "created_at", w.created_at, why, false))
        return bad(why);
    auto payload = e.find("payload");
    if (payload == e.end() || !payload->is_object()) return bad(core::tr("Isi catatan harus berupa objek JSON."));
    w.payload = payload->dump();
    if (w.payload.size() > kMaxEventBytes) return bad(core::tr("Isi catatan terlalu besar."));

    if (auto s = payload->find("sale"); s != payload->end() && !s->is_null()) {
        SaleFacts f;
        if (!parse_sale(*s, f, why)) return bad(core::tr("Penjualan tidak sah: {}.", why));
        w.sale = std::move(f);
    } else if (w.kind == "sale" || w.kind == "return") {
        return bad(core::tr("Catatan jenis \"{}\" tidak membawa penjualan.", w.kind));
    }
    const json* receivables = read_array(*payload, "receivables", why);
    if (!receivables) return bad(why);
    for (const auto& r : *receivables) {
        CreditFact c;
        if (!r.is_object() || !read_string(r, "member_number", c.member_number, why) ||
            !read_int(r, "amount", c.amount, why) || !read_string(r, "kind", c.kind, why, false) ||
            !read_string(r, "ref", c.ref, why, false) || !read_string(r, "at", c.at, why, false)) {
            if (why.empty()) why = core::tr("entri piutang bukan objek");
            return bad(core::tr("Piutang anggota tidak sah: {}.", why));
        }
        w.credits.push_back(std::move(c));
    }
    return w;
}

json ack_to_json(const BatchAck& ack) {
    json rejected = json::array();
    for (const auto& r : ack.rejected) rejected.push_back({{"seq", r.seq}, {"reason", r.reason}});
    return {{"acked_seq", ack.acked_seq},
            {"stored", ack.stored},
            {"duplicates", ack.duplicates},
            {"rejected", std::move(rejected)}};
}

Result<BatchAck> ack_from_json(const std::string& text) {
    json j = json::parse(text, nullptr, false);
    std::string why;
    BatchAck ack;
    if (j.is_discarded() || !j.is_object() || !read_int(j, "acked_seq", ack.acked_seq, why) ||
        !read_int(j, "stored", ack.stored, why, false) || !read_int(j, "duplicates", ack.duplicates, why, false))
        return make_error(ErrorCode::Network, core::tr("Jawaban server pusat tidak dapat dibaca."));
    const json* rejected = read_array(j, "rejected", why);
    if (!rejected) return make_error(ErrorCode::Network, core::tr("Jawaban server pusat tidak dapat dibaca."));
    for (const auto& r : *rejected) {
        Rejection rej;
        if (!r.is_object() || !read_int(r, "seq", rej.seq, why) || !read_string(r, "reason", rej.reason, why, false, 4096))
            return make_error(ErrorCode::Network, core::tr("Jawaban server pusat tidak dapat dibaca."));
        ack.rejected.push_back(std::move(rej));
    }
    return ack;
}

// [SECTION] Master data

json item_to_wire(const core::Item& item) {
    json barcodes = json::array();
    for (const auto& b : item.barcodes) barcodes.push_back({{"code", b.code}, {"pack_qty", b.pack_qty}});
    return {{"sku", item.sku},
            {"name", item.name},
            {"unit", item.unit},
            {"category", item.category},
            {"weighed", item.weighed},
            {"price", item.price.rupiah()},
            {"member_price", item.member_price.rupiah()},
            {"wholesale_min_qty", item.wholesale_min_qty},
            {"wholesale_price", item.wholesale_price.rupiah()},
            {"taxable", item.taxable},
            {"active", item.active},
            {"barcodes", std::move(barcodes)}};
}

namespace {
bool read_bool(const json& j, const char* key, bool& out) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return true;
    if (!it->is_boolean()) return false;
    out = it->get<bool>();
    return true;
}
}  // namespace

Result<core::Item> item_from_wire(const json& j) {
    core::Item item;
    std::string why;
    int64_t price = 0, member_price = 0, wholesale_price = 0;
    if (!j.is_object() || !read_string(j, "sku", item.sku, why, true, 64) || !read_string(j, "name", item.name, why) ||
        !read_string(j, "unit", item.unit, why, false, 32) || !read_string(j, "category", item.category, why, false) ||
        !read_int(j, "price", price, why) || !read_int(j, "member_price", member_price, why, false) ||
        !read_int(j, "wholesale_min_qty", item.wholesale_min_qty, why, false) ||
        !read_int(j, "wholesale_price", wholesale_price, why, false) || !read_bool(j, "weighed", item.weighed) ||
        !read_bool(j, "taxable", item.taxable) || !read_bool(j, "active", item.active)) {
        if (why.empty()) why = core::tr("data barang tidak sah");
        return make_error(ErrorCode::Invalid, core::tr("Barang dari server pusat tidak sah: {}.", why));
    }
    if (item.unit.empty()) item.unit = "pcs";
    item.price = core::Money::rp(price);
    item.member_price = core::Money::rp(member_price ? member_price : price);
    item.wholesale_price = core::Money::rp(wholesale_price);
    const json* barcodes = read_array(j, "barcodes", why);
    if (!barcodes) return make_error(ErrorCode::Invalid, core::tr("Barang dari server pusat tidak sah: {}.", why));
    for (const auto& b : *barcodes) {
        core::ItemBarcode bc;
        if (!b.is_object() || !read_string(b, "code", bc.code, why, true, 64) || !read_int(b, "pack_qty", bc.pack_qty, why, false) ||
            bc.pack_qty <= 0)
            return make_error(ErrorCode::Invalid, core::tr("Barcode barang {} tidak sah.", item.sku));
        item.barcodes.push_back(std::move(bc));
    }
    return item;
}

json member_to_wire(const core::Member& m) {
    json j = {{"number", m.number},       {"name", m.name},   {"card_code", m.card_code},
              {"work_unit", m.work_unit}, {"phone", m.phone}, {"status", core::to_string(m.status)},
              {"joined_on", m.joined_on}, {"left_on", m.left_on}};
    j["credit_limit"] = m.credit_limit_override ? json(m.credit_limit_override->rupiah()) : json(nullptr);
    return j;
}

Result<core::Member> member_from_wire(const json& j) {
    core::Member m;
    std::string why, status = "active";
    int64_t limit = -1;
    bool has_limit = j.is_object() && j.contains("credit_limit") && !j["credit_limit"].is_null();
    if (!j.is_object() || !read_string(j, "number", m.number, why, true, 64) || !read_string(j, "name", m.name, why) ||
        !read_string(j, "card_code", m.card_code, why, false, 64) || !read_string(j, "work_unit", m.work_unit, why, false) ||
        !read_string(j, "phone", m.phone, why, false, 64) || !read_string(j, "status", status, why, false, 16) ||
        !read_string(j, "joined_on", m.joined_on, why, false, 10) || !read_string(j, "left_on", m.left_on, why, false, 10) ||
        (has_limit && !read_int(j, "credit_limit", limit, why))) {
        if (why.empty()) why = core::tr("data anggota tidak sah");
        return make_error(ErrorCode::Invalid, core::tr("Anggota dari server pusat tidak sah: {}.", why));
    }
    auto st = core::member_status_from(status.empty() ? "active" : status);
    if (!st) return make_error(ErrorCode::Invalid, core::tr("Status anggota \"{}\" tidak dikenal.", status));
    m.status = *st;
    if (has_limit) m.credit_limit_override = core::Money::rp(limit);
    return m;
}

Result<MasterPage> master_page_from_json(const std::string& text) {
    json j = json::parse(text, nullptr, false);
    std::string why;
    MasterPage page;
    auto unreadable = [] { return make_error(ErrorCode::Network, core::tr("Jawaban server pusat tidak dapat dibaca.")); };
    if (j.is_discarded() || !j.is_object() || !read_int(j, "version", page.version, why) || !read_bool(j, "more", page.more))
        return unreadable();
    const json* items = read_array(j, "items", why);
    const json* members = read_array(j, "members", why);
    if (!items || !members) return unreadable();
    for (const auto& i : *items) {
        auto item = item_from_wire(i);
        if (!item) return item.error();
        page.items.push_back(std::move(item.value()));
    }
    for (const auto& m : *members) {
        auto member = member_from_wire(m);
        if (!member) return member.error();
        page.members.push_back(std::move(member.value()));
    }
    return page;
}

// [SECTION] Helpers

std::string error_body(const std::string& message) { return json{{"error", message}}.dump(); }

std::string error_from_body(const std::string& body) {
    json j = json::parse(body, nullptr, false);
    if (j.is_object() && j.contains("error") && j["error"].is_string()) return j["error"].get<std::string>();
    return body.size() > 200 ? body.substr(0, 200) : body;
}

bool is_iso_date(const std::string& s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (s[i] < '0' || s[i] > '9') return false;
    using namespace std::chrono;
    year_month_day ymd{year{std::stoi(s.substr(0, 4))}, month{unsigned(std::stoi(s.substr(5, 2)))},
                       day{unsigned(std::stoi(s.substr(8, 2)))}};
    return ymd.ok();
}

}  // namespace waserda::sync
