// MembersService: arrears, statements, receipts, leaving, payroll deduction, consignment.
// SHU and the RAT pack are in members_service_shu.cpp.
//
// [SECTION] Setup
// [SECTION] Credit: arrears
// [SECTION] Statements and receipts
// [SECTION] Leaving
// [SECTION] Payroll deduction
// [SECTION] Consignment
#include "pos/core/members_service.hpp"

#include "pos/core/catalog_io.hpp"
#include "pos/core/i18n.hpp"
#include "pos/core/json_codec.hpp"
#include "pos/core/uuid.hpp"

#include <algorithm>
#include <map>

namespace waserda::core {

// [SECTION] Setup

MembersService::MembersService(Shop& shop, MembersStore& store) : shop_(shop), store_(store) {}

OutboxEvent MembersService::make_event(const std::string& kind, const std::string& payload) const {
    OutboxEvent e;
    e.uuid = new_uuid();
    e.device = shop_.settings().device;
    e.kind = kind;
    e.payload = payload;
    e.created_at = shop_.now_utc();
    return e;
}

namespace {

AuditEntry audit_of(const User& user, const std::optional<User>& approver, const std::string& action, const std::string& ref,
                    const std::string& detail, const std::string& at, const std::string& device) {
    AuditEntry a;
    a.at = at;
    a.user_id = user.id;
    a.approver_id = approver ? approver->id : 0;
    a.action = action;
    a.ref = ref;
    a.detail = detail;
    a.device = device;
    return a;
}

Status need_valid_period(const std::string& from, const std::string& to) {
    if (!is_valid_date(from) || !is_valid_date(to))
        return make_error(ErrorCode::Invalid, tr("Tanggal harus YYYY-MM-DD, misalnya 2026-11-01."));
    if (from > to) return make_error(ErrorCode::Invalid, tr("Tanggal awal {} sesudah tanggal akhir {}.", from, to));
    return ok_status();
}

}  // namespace

// [SECTION] Credit: arrears

Result<ArrearsStatus> MembersService::arrears(const std::string& member_number) {
    auto m = shop_.find_member(member_number);
    if (!m) return m.error();
    return member_arrears(shop_.store(), m->id, shop_.clock().now(), shop_.settings().credit.arrears_days);
}

Result<std::vector<ArrearsRow>> MembersService::members_in_arrears() {
    std::string cutoff = arrears_cutoff(shop_.clock().now(), shop_.settings().credit.arrears_days);
    auto members = store_.members_with_balances();
    if (!members) return members.error();
    std::vector<ArrearsRow> out;
    for (auto& [m, b] : *members) {
        if (b.owed.rupiah() <= 0) continue;
        auto entries = shop_.store().receivable_entries(m.id);
        if (!entries) return entries.error();
        auto a = arrears_of(*entries, cutoff);
        if (a.in_arrears()) out.push_back({m, a});
    }
    return out;
}

Status MembersService::set_arrears_days(const User& actor, int days) {
    if (auto st = shop_.authorize(actor, Permission::ManageSettings, std::nullopt); !st) return st;
    if (days < 1 || days > 3650) return make_error(ErrorCode::Invalid, tr("Batas hari tunggakan harus 1 sampai 3650."));
    ShopSettings s = shop_.settings();
    s.credit.arrears_days = days;
    if (auto st = shop_.update_settings(actor, s); !st) return st;
    return shop_.audit(actor, std::nullopt, "settings.update", kArrearsDaysKey, std::to_string(days));
}

// [SECTION] Statements and receipts

Result<MemberStatement> MembersService::statement(const std::string& member_number, const std::string& from,
                                                  const std::string& to) {
    if (auto st = need_valid_period(from, to); !st) return st.error();
    auto m = shop_.find_member(member_number);
    if (!m) return m.error();
    auto savings = shop_.store().savings_entries(m->id);
    if (!savings) return savings.error();
    auto receivables = shop_.store().receivable_entries(m->id);
    if (!receivables) return receivables.error();
    auto sales = store_.member_sales(m->id, from, to);
    if (!sales) return sales.error();
    return build_statement(*m, *savings, *receivables, *sales, from, to, shop_.settings().utc_offset_minutes);
}

Result<MemberReceipt> MembersService::receipt(const Posting& p, const User& user) {
    std::string number;
    if (!p.savings.empty()) number = p.savings.front().member_number;
    else if (!p.receivables.empty()) number = p.receivables.front().member_number;
    if (number.empty()) return make_error(ErrorCode::Invalid, tr("Transaksi ini bukan transaksi anggota."));
    auto m = shop_.find_member(number);
    if (!m) return m.error();
    auto b = shop_.store().member_balances(m->id);
    if (!b) return b.error();
    std::string at = p.savings.empty() ? p.receivables.front().at : p.savings.front().at;
    auto r = member_receipt(p, *m, *b, shop_.settings().shop_name, shop_.settings().device, user.name,
                            local_datetime(parse_iso_utc(at), shop_.settings().utc_offset_minutes));
    r.footer = shop_.settings().receipt_footer;
    return r;
}

// [SECTION] Leaving

Result<LeavingSettlement> MembersService::leaving_preview(const std::string& member_number) {
    auto m = shop_.find_member(member_number);
    if (!m) return m.error();
    auto b = shop_.store().member_balances(m->id);
    if (!b) return b.error();
    return plan_leaving(*m, *b);
}

Result<LeaveResult> MembersService::leave(const LeaveRequest& req) {
    if (auto st = shop_.authorize(req.user, Permission::ManageMembers, req.approver); !st) return st.error();
    auto plan = leaving_preview(req.member_number);
    if (!plan) return plan.error();
    const Member& m = plan->member;
    if (m.status == MemberStatus::Left)
        return make_error(ErrorCode::Conflict, tr("{} sudah keluar pada {}.", m.name, m.left_on));
    if (plan->debt_left.rupiah() > 0)
        return make_error(ErrorCode::Insufficient, tr("Utang {} ({}) melebihi simpanannya; lunasi dulu sisa {}.", m.name,
                                                      format_rupiah(plan->balances.owed), format_rupiah(plan->debt_left)));
    Posting p;
    p.kind = "member.leave";
    std::string at = shop_.now_utc();
    std::string ref = "KELUAR-" + m.number;
    for (auto [type, balance] : {std::pair{SavingsType::Pokok, plan->balances.pokok}, {SavingsType::Wajib, plan->balances.wajib},
                                 {SavingsType::Sukarela, plan->balances.sukarela}}) {
        if (balance.is_zero()) continue;
        SavingsEntry e;
        e.member_id = m.id;
        e.member_number = m.number;
        e.type = type;
        e.kind = SavingsEntryKind::Settlement;
        e.amount = -balance;
        e.ref = ref;
        e.note = req.note;
        e.at = at;
        e.user_id = req.user.id;
        p.savings.push_back(e);
    }
    if (plan->debt_offset.rupiah() > 0) {
        ReceivableEntry r;
        r.member_id = m.id;
        r.member_number = m.number;
        r.kind = ReceivableEntryKind::Settlement;
        r.amount = -plan->debt_offset;
        r.ref = ref;
        r.note = req.note;
        r.at = at;
        r.user_id = req.user.id;
        p.receivables.push_back(r);
    }
    if (req.through_drawer && plan->payout.rupiah() != 0) {
        auto shift = shop_.current_shift();
        if (!shift) return shift.error();
        if (!*shift) return make_error(ErrorCode::Conflict, tr("Belum ada shift terbuka. Buka shift dulu untuk mengeluarkan uang."));
        p.cash_moves.push_back({(*shift)->id, -plan->payout, "member.leave", m.number, at});
    }
    p.audit.push_back(audit_of(req.user, req.approver, "member.leave", m.number,
                               fmt::format("savings {} debt {} payout {}; {}", plan->savings_total.rupiah(),
                                           plan->debt_offset.rupiah(), plan->payout.rupiah(), req.note),
                               at, shop_.settings().device));
    Member left = m;
    left.status = MemberStatus::Left;
    left.left_on = shop_.today_local();
    auto payload = posting_payload(p);
    payload["member"] = to_json(left);
    payload["payout"] = plan->payout.rupiah();
    p.events.push_back(make_event(p.kind, payload.dump()));
    auto committed = store_.commit_leaving(left, std::move(p));
    if (!committed) return committed.error();
    LeaveResult out{*plan, std::move(*committed)};
    out.settlement.member = left;
    return out;
}

// [SECTION] Payroll deduction

Result<PayrollList> MembersService::payroll_list(const std::string& month) {
    if (!is_valid_month(month)) return make_error(ErrorCode::Invalid, tr("Bulan harus YYYY-MM, misalnya 2026-11."));
    auto saved = store_.payroll_batch(month);
    if (!saved) return saved.error();
    if (*saved && (*saved)->list.settled) return (*saved)->list;
    auto members = store_.members_with_balances();
    if (!members) return members.error();
    std::string cutoff = month_end_utc(month, shop_.settings().utc_offset_minutes);
    std::vector<PayrollLine> lines;
    for (auto& [m, b] : *members) {
        if (m.status == MemberStatus::Left || b.owed.rupiah() <= 0) continue;
        auto entries = shop_.store().receivable_entries(m.id);
        if (!entries) return entries.error();
        lines.push_back({m.id, m.number, m.name, m.work_unit, payroll_due(*entries, cutoff)});
    }
    return make_payroll_list(month, std::move(lines));
}

Result<PayrollList> MembersService::prepare_payroll(const std::string& month, const User& user) {
    if (auto st = shop_.authorize(user, Permission::ManageMembers, std::nullopt); !st) return st.error();
    auto list = payroll_list(month);
    if (!list) return list.error();
    if (list->settled)
        return make_error(ErrorCode::Conflict, tr("Potong gaji bulan {} sudah diposting pada {}.", month, list->settled_at));
    PayrollRecord rec{*list, shop_.now_utc(), user.id};
    if (auto st = store_.save_payroll_batch(rec); !st) return st.error();
    (void)shop_.audit(user, std::nullopt, "payroll.list", month, fmt::format("{} lines total {}", list->lines.size(), list->total.rupiah()));
    return list;
}

Result<PayrollSettlementOutcome> MembersService::settle_payroll(const std::string& month, const std::string& csv, const User& user) {
    if (auto st = shop_.authorize(user, Permission::ManageMembers, std::nullopt); !st) return st.error();
    if (!is_valid_month(month)) return make_error(ErrorCode::Invalid, tr("Bulan harus YYYY-MM, misalnya 2026-11."));
    auto saved = store_.payroll_batch(month);
    if (!saved) return saved.error();
    PayrollSettlementOutcome out;
    if (!*saved) {
        out.parse.problems.push_back({0, "", tr("Daftar potong gaji bulan {} belum dibuat; buat dulu daftarnya untuk pemberi kerja.", month)});
        return out;
    }
    const PayrollList& list = (*saved)->list;
    if (list.settled) {
        out.parse.problems.push_back({0, "", tr("Potong gaji bulan {} sudah diposting pada {}.", month, list.settled_at)});
        return out;
    }
    std::map<std::string, Money> owed;
    for (auto& l : list.lines) {
        auto b = shop_.store().member_balances(l.member_id);
        if (!b) return b.error();
        owed[l.number] = b->owed;
    }
    out.parse = parse_payroll_settlement(csv, list, owed);
    if (!out.parse.problems.empty()) return out;
    if (out.parse.lines.empty()) {
        out.parse.problems.push_back({0, "", tr("File tidak berisi potongan sama sekali.")});
        return out;
    }
    Posting p;
    p.kind = "payroll.settlement";
    std::string at = shop_.now_utc();
    std::string ref = "POTGAJI-" + month;
    for (auto& l : out.parse.lines) {
        ReceivableEntry r;
        r.member_id = l.member_id;
        r.member_number = l.number;
        r.kind = ReceivableEntryKind::PayrollDeduction;
        r.amount = -l.amount;
        r.ref = ref;
        r.at = at;
        r.user_id = user.id;
        p.receivables.push_back(r);
    }
    p.audit.push_back(audit_of(user, std::nullopt, "payroll.settle", month,
                               fmt::format("{} lines total {}", out.parse.lines.size(), out.parse.total.rupiah()), at,
                               shop_.settings().device));
    auto payload = posting_payload(p);
    payload["month"] = month;
    payload["total"] = out.parse.total.rupiah();
    p.events.push_back(make_event(p.kind, payload.dump()));
    auto committed = store_.commit_payroll_settlement(month, out.parse.lines, at, user.id, std::move(p));
    if (!committed) return committed.error();
    out.posting = std::move(*committed);
    return out;
}

// [SECTION] Consignment

Result<std::vector<Consignor>> MembersService::list_consignors() { return store_.list_consignors(); }

Result<Consignor> MembersService::add_consignor(const User& user, Consignor c) {
    if (auto st = shop_.authorize(user, Permission::ManageStock, std::nullopt); !st) return st.error();
    auto trim = [](std::string& s) {
        s.erase(0, s.find_first_not_of(' '));
        s.erase(s.find_last_not_of(' ') + 1);
    };
    trim(c.code);
    trim(c.name);
    if (c.code.empty() || c.name.empty()) return make_error(ErrorCode::Invalid, tr("Kode dan nama penitip wajib diisi."));
    if (c.fee_bp < 0 || c.fee_bp > 10000) return make_error(ErrorCode::Invalid, tr("Biaya toko harus 0% sampai 100%."));
    if (!c.member_number.empty()) {
        auto m = shop_.find_member(c.member_number);
        if (!m) return m.error();
        c.member_number = m->number;
    }
    auto existing = store_.consignor_by_code(c.code);
    if (!existing) return existing.error();
    c.id = *existing ? (*existing)->id : 0;
    auto id = store_.save_consignor(c);
    if (!id) return id.error();
    c.id = *id;
    (void)shop_.audit(user, std::nullopt, "consignor.save", c.code, fmt::format("{} fee {}bp", c.name, c.fee_bp));
    return c;
}

Status MembersService::set_consignment_item(const User& user, const std::string& sku, const std::string& consignor_code,
                                            std::optional<Money> consignor_price) {
    if (auto st = shop_.authorize(user, Permission::ManageItems, std::nullopt); !st) return st;
    auto c = store_.consignor_by_code(consignor_code);
    if (!c) return c.error();
    if (!*c) return make_error(ErrorCode::NotFound, tr("Penitip {} tidak ditemukan.", consignor_code));
    auto item = shop_.store().item_by_sku(sku);
    if (!item) return item.error();
    if (!*item) return make_error(ErrorCode::NotFound, tr("Barang {} tidak ditemukan.", sku));
    if (consignor_price && consignor_price->is_negative())
        return make_error(ErrorCode::Invalid, tr("Harga ke penitip tidak boleh negatif."));
    Item it = **item;
    if (it.consignment && it.consignor_id != (*c)->id && it.on_hand > 0)
        return make_error(ErrorCode::Conflict, tr("{} masih ada {} titipan penitip lain; kembalikan dulu.", it.name, it.on_hand));
    it.consignment = true;
    it.consignor_id = (*c)->id;
    it.cost = Money{};  // not bought: the margin is the fee
    if (auto id = shop_.store().save_item(it, BarcodeWrite::Keep); !id) return id.error();
    if (auto st = store_.set_consignment_term({it.id, consignor_price}); !st) return st;
    return shop_.audit(user, std::nullopt, "consignment.item", sku,
                       fmt::format("consignor {} price {}", consignor_code, consignor_price ? consignor_price->rupiah() : -1));
}

Result<Posting> MembersService::receive_consignment(const User& user, const std::string& consignor_code,
                                                    const std::vector<std::pair<std::string, int64_t>>& lines,
                                                    const std::string& note) {
    if (auto st = shop_.authorize(user, Permission::ManageStock, std::nullopt); !st) return st.error();
    auto c = store_.consignor_by_code(consignor_code);
    if (!c) return c.error();
    if (!*c) return make_error(ErrorCode::NotFound, tr("Penitip {} tidak ditemukan.", consignor_code));
    if (lines.empty()) return make_error(ErrorCode::Invalid, tr("Tidak ada barang yang diterima."));
    Posting p;
    p.kind = "consignment.receive";
    std::string at = shop_.now_utc();
    std::string ref = "TERIMA-" + (*c)->code + "-" + compact_date(shop_.today_local());
    for (auto& [sku, qty] : lines) {
        auto item = shop_.store().item_by_sku(sku);
        if (!item) return item.error();
        if (!*item) return make_error(ErrorCode::NotFound, tr("Barang {} tidak ditemukan.", sku));
        if (!(*item)->consignment || (*item)->consignor_id != (*c)->id)
            return make_error(ErrorCode::Invalid, tr("{} bukan barang titipan {}.", (*item)->name, (*c)->name));
        if (qty == 0) return make_error(ErrorCode::Invalid, tr("Jumlah {} tidak boleh nol.", (*item)->name));
        if (qty < 0 && (*item)->on_hand + qty < 0)
            return make_error(ErrorCode::Insufficient, tr("Stok {} hanya {}; tidak bisa mengembalikan {}.", (*item)->name,
                                                          (*item)->on_hand, -qty));
        StockMove m;
        m.item_id = (*item)->id;
        m.sku = sku;
        m.kind = StockMoveKind::Consignment;
        m.qty = qty;
        m.ref = ref;
        m.reason = note;
        m.at = at;
        m.user_id = user.id;
        p.stock_moves.push_back(m);
    }
    p.audit.push_back(audit_of(user, std::nullopt, "consignment.receive", ref, note, at, shop_.settings().device));
    auto payload = posting_payload(p);
    payload["consignor"] = (*c)->code;
    p.events.push_back(make_event(p.kind, payload.dump()));
    return shop_.store().commit(std::move(p));
}

Result<ConsignmentStatement> MembersService::consignment_statement(const std::string& consignor_code, const std::string& from,
                                                                   const std::string& to) {
    if (auto st = need_valid_period(from, to); !st) return st.error();
    auto c = store_.consignor_by_code(consignor_code);
    if (!c) return c.error();
    if (!*c) return make_error(ErrorCode::NotFound, tr("Penitip {} tidak ditemukan.", consignor_code));
    auto items = store_.consignor_items((*c)->id);
    if (!items) return items.error();
    auto terms = store_.consignment_terms((*c)->id);
    if (!terms) return terms.error();
    auto lines = store_.unsettled_consignment_lines((*c)->id, from, to);
    if (!lines) return lines.error();
    return build_consignment_statement(**c, from, to, *items, *terms, std::move(*lines));
}

Result<ConsignmentPaid> MembersService::pay_consignment(const User& user, const std::string& consignor_code,
                                                        const std::string& from, const std::string& to, PaymentMethod method) {
    if (auto st = shop_.authorize(user, Permission::ManageStock, std::nullopt); !st) return st.error();
    auto s = consignment_statement(consignor_code, from, to);
    if (!s) return s.error();
    if (s->lines.empty())
        return make_error(ErrorCode::Conflict, tr("Tidak ada penjualan titipan {} yang belum dibayar pada {} s/d {}.",
                                                  s->consignor.name, from, to));
    if (s->due.rupiah() <= 0)
        return make_error(ErrorCode::Invalid, tr("Tidak ada yang perlu dibayar ke {} (jumlah {}).", s->consignor.name,
                                                 format_rupiah(s->due)));
    auto previous = store_.consignment_payments(s->consignor.id);
    if (!previous) return previous.error();
    ConsignmentPayment pay;
    pay.number = fmt::format("TJ-{}-{}-{}", s->consignor.code, compact_date(to), previous->size() + 1);
    pay.consignor_id = s->consignor.id;
    pay.from = from;
    pay.to = to;
    pay.sold = s->sold;
    pay.fee = s->fee;
    pay.due = s->due;
    pay.method = to_string(method);
    pay.paid_at = shop_.now_utc();
    pay.user_id = user.id;

    Posting p;
    p.kind = "consignment.settlement";
    if (method == PaymentMethod::Cash) {
        auto shift = shop_.current_shift();
        if (!shift) return shift.error();
        if (!*shift) return make_error(ErrorCode::Conflict, tr("Belum ada shift terbuka. Buka shift dulu untuk mengeluarkan uang."));
        p.cash_moves.push_back({(*shift)->id, -s->due, "consignment.payout", pay.number, pay.paid_at});
    } else if (method == PaymentMethod::Savings) {
        if (s->consignor.member_number.empty())
            return make_error(ErrorCode::Invalid, tr("{} bukan anggota; bayar tunai atau transfer.", s->consignor.name));
        auto m = shop_.find_member(s->consignor.member_number);
        if (!m) return m.error();
        if (m->status == MemberStatus::Left) return make_error(ErrorCode::Denied, tr("{} sudah keluar dari koperasi.", m->name));
        SavingsEntry e;
        e.member_id = m->id;
        e.member_number = m->number;
        e.type = SavingsType::Sukarela;
        e.kind = SavingsEntryKind::Deposit;
        e.amount = s->due;
        e.ref = pay.number;
        e.note = tr("Hasil titip jual");
        e.at = pay.paid_at;
        e.user_id = user.id;
        p.savings.push_back(e);
    } else if (method != PaymentMethod::Transfer) {
        return make_error(ErrorCode::Invalid, tr("Penitip dibayar tunai, transfer, atau ke simpanan sukarela."));
    }
    p.audit.push_back(audit_of(user, std::nullopt, "consignment.pay", pay.number,
                               fmt::format("{} {}..{} sold {} fee {} due {}", s->consignor.code, from, to, s->sold.rupiah(),
                                           s->fee.rupiah(), s->due.rupiah()),
                               pay.paid_at, shop_.settings().device));
    auto payload = posting_payload(p);
    payload["consignment"] = {{"number", pay.number}, {"consignor", s->consignor.code}, {"from", from}, {"to", to},
                              {"sold", s->sold.rupiah()}, {"fee", s->fee.rupiah()}, {"due", s->due.rupiah()},
                              {"method", pay.method}, {"lines", s->lines.size()}};
    p.events.push_back(make_event(p.kind, payload.dump()));
    auto committed = store_.commit_consignment_payment(pay, s->lines, std::move(p));
    if (!committed) return committed.error();
    return ConsignmentPaid{std::move(*s), pay, std::move(*committed)};
}

}  // namespace waserda::core
