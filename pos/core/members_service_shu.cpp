// MembersService: SHU for the year, crediting it to sukarela, the RAT pack, and report tables.
//
// [SECTION] Report tables
// [SECTION] SHU
// [SECTION] RAT pack
#include "pos/core/i18n.hpp"
#include "pos/core/json_codec.hpp"
#include "pos/core/members_service.hpp"

#include <map>
#include <set>

namespace waserda::core {

namespace {
std::string n(Money m) { return std::to_string(m.rupiah()); }
std::string n(int64_t v) { return std::to_string(v); }
}  // namespace

// [SECTION] Report tables

ReportTable shu_pools_table(const ShuResult& r) {
    ReportTable t{"shu_pool", tr("Pembagian SHU {}", r.config.year), {"pool", "percent", "amount", "paid", "retained"}, {},
                  {false, false, true, true, true}};
    for (auto& p : r.pools) {
        std::string paid, retained;
        if (p.key == "jasa_modal") paid = n(r.jasa_modal_paid), retained = n(r.jasa_modal_retained);
        else if (p.key == "jasa_usaha") paid = n(r.jasa_usaha_paid), retained = n(r.jasa_usaha_retained);
        t.rows.push_back({p.name, format_percent_bp(p.basis_points), n(p.amount), paid, retained});
    }
    t.rows.push_back({tr("Total"), "100", n(r.config.surplus), n(r.total_paid()), ""});
    return t;
}

ReportTable shu_members_table(const ShuResult& r) {
    ReportTable t{"shu", tr("SHU anggota {}", r.config.year),
                  {"number", "name", "savings", "purchases", "jasa_modal", "jasa_usaha", "total"}, {},
                  {false, false, true, true, true, true, true}};
    for (auto& s : r.shares)
        t.rows.push_back({s.number, s.name, n(s.savings), n(s.purchases), n(s.jasa_modal), n(s.jasa_usaha), n(s.total())});
    return t;
}

ReportTable payroll_table(const PayrollList& list) {
    ReportTable t{"potong_gaji", tr("Potong gaji {}", list.month), {"work_unit", "number", "name", "amount"}, {},
                  {false, false, false, true}};
    for (auto& l : list.lines) t.rows.push_back({l.work_unit, l.number, l.name, n(l.due)});
    return t;
}

ReportTable consignment_table(const ConsignmentStatement& s) {
    ReportTable t{"titip_jual", tr("Titip jual {} {} s/d {}", s.consignor.name, s.from, s.to),
                  {"sku", "name", "qty_sold", "sold", "fee", "due", "unsold"}, {},
                  {false, false, true, true, true, true, true}};
    for (auto& r : s.items)
        t.rows.push_back({r.sku, r.name, n(r.qty_sold), n(r.sold), n(r.fee), n(r.due), n(r.unsold)});
    t.rows.push_back({"", tr("Total"), n(s.qty_sold), n(s.sold), n(s.fee), n(s.due), ""});
    return t;
}

// [SECTION] SHU

std::string MembersService::year_start_utc(int year) const {
    TimePoint local = parse_iso_utc(fmt::format("{:04}-01-01T00:00:00Z", year));
    return iso_utc(local - std::chrono::minutes(shop_.settings().utc_offset_minutes));
}

Result<ShuInput> MembersService::shu_input(const ShuConfig& config) {
    if (config.year < 2000 || config.year > 2200) return make_error(ErrorCode::Invalid, tr("Tahun buku {} tidak berlaku.", config.year));
    auto members = shop_.store().list_members();
    if (!members) return members.error();
    auto purchases = store_.purchases_by_member(fmt::format("{:04}-01", config.year), fmt::format("{:04}-12", config.year));
    if (!purchases) return purchases.error();
    auto savings = store_.savings_by_month(year_start_utc(config.year), year_start_utc(config.year + 1),
                                           shop_.settings().utc_offset_minutes);
    if (!savings) return savings.error();

    ShuInput in;
    std::map<MemberId, Money> bought;
    for (auto& p : *purchases) {
        in.turnover += p.amount;
        if (p.member_id != 0) bought[p.member_id] += p.amount;
    }
    // Year end: every entry counts. Monthly average: the sum of the twelve month-end balances
    // (an entry of month k is in the balances of months k..12), divided by 12 only for display.
    struct Capital {
        int64_t year_end = 0;
        int64_t month_sum = 0;
    };
    std::map<MemberId, Capital> capital;
    for (auto& s : *savings) {
        if (s.type == SavingsType::Sukarela && !config.include_sukarela) continue;
        auto& c = capital[s.member_id];
        c.year_end += s.amount.rupiah();
        int months_held = 12;
        if (!s.month.empty()) months_held = 13 - std::stoi(s.month.substr(5, 2));
        c.month_sum += s.amount.rupiah() * months_held;
    }
    for (auto& m : *members) {
        ShuMemberInput x;
        x.id = m.id;
        x.number = m.number;
        x.name = m.name;
        x.status = m.status;
        x.joined_on = m.joined_on;
        x.left_on = m.left_on;
        x.purchases = bought.count(m.id) ? bought[m.id] : Money{};
        Capital c = capital.count(m.id) ? capital[m.id] : Capital{};
        if (config.basis == ShuSavingsBasis::YearEnd) {
            x.savings = Money::rp(c.year_end);
            x.savings_weight = c.year_end;
        } else {
            x.savings = Money::rp(mul_div_round(c.month_sum, 1, 12));
            x.savings_weight = c.month_sum;
        }
        in.members.push_back(std::move(x));
    }
    return in;
}

Result<ShuResult> MembersService::shu(const ShuConfig& config) {
    auto in = shu_input(config);
    if (!in) return in.error();
    return compute_shu(config, *in);
}

namespace {
nlohmann::json config_json(const ShuConfig& c) {
    nlohmann::json funds = nlohmann::json::array();
    for (auto& f : c.funds) funds.push_back({{"name", f.name}, {"bp", f.basis_points}});
    nlohmann::json j{{"year", c.year},
                     {"surplus", c.surplus.rupiah()},
                     {"jasa_modal_bp", c.jasa_modal_bp},
                     {"jasa_usaha_bp", c.jasa_usaha_bp},
                     {"funds", funds},
                     {"basis", to_string(c.basis)},
                     {"include_sukarela", c.include_sukarela},
                     {"all_sales_denominator", c.all_sales_denominator},
                     {"pay_left_members", c.pay_left_members}};
    if (c.cadangan_bp) j["cadangan_bp"] = *c.cadangan_bp;
    return j;
}
}  // namespace

Result<Posting> MembersService::credit_shu(const ShuConfig& config, const User& user) {
    if (auto st = shop_.authorize(user, Permission::ManageMembers, std::nullopt); !st) return st.error();
    auto done = store_.shu_run(config.year);
    if (!done) return done.error();
    if (*done)
        return make_error(ErrorCode::Conflict, tr("SHU tahun {} sudah dikreditkan ke simpanan pada {}.", config.year,
                                                  local_date_of((*done)->credited_at, shop_.settings().utc_offset_minutes)));
    if (shop_.today_local() < fmt::format("{:04}-01-01", config.year + 1))
        return make_error(ErrorCode::Conflict, tr("Tahun buku {} belum selesai; SHU baru bisa dibagi sesudah tutup buku.", config.year));
    auto r = shu(config);
    if (!r) return r.error();
    auto members = shop_.store().list_members();
    if (!members) return members.error();
    std::set<MemberId> left;
    for (auto& m : *members)
        if (m.status == MemberStatus::Left) left.insert(m.id);

    Posting p;
    p.kind = "shu.credit";
    std::string at = shop_.now_utc();
    std::string ref = fmt::format("SHU-{}", config.year);
    Money credited;
    for (auto& s : r->shares) {
        // Members who have left are paid their share in cash; their savings books are closed.
        if (s.total().rupiah() <= 0 || left.count(s.id)) continue;
        SavingsEntry e;
        e.member_id = s.id;
        e.member_number = s.number;
        e.type = SavingsType::Sukarela;
        e.kind = SavingsEntryKind::Shu;
        e.amount = s.total();
        e.ref = ref;
        e.note = fmt::format("jasa modal {} jasa usaha {}", s.jasa_modal.rupiah(), s.jasa_usaha.rupiah());
        e.at = at;
        e.user_id = user.id;
        p.savings.push_back(e);
        credited += s.total();
    }
    if (p.savings.empty()) return make_error(ErrorCode::Invalid, tr("Tidak ada SHU anggota yang bisa dikreditkan."));
    AuditEntry a;
    a.at = at;
    a.user_id = user.id;
    a.action = "shu.credit";
    a.ref = ref;
    a.detail = fmt::format("surplus {} credited {} to {} members", config.surplus.rupiah(), credited.rupiah(), p.savings.size());
    a.device = shop_.settings().device;
    p.audit.push_back(a);
    auto payload = posting_payload(p);
    payload["shu"] = config_json(config);
    p.events.push_back(make_event(p.kind, payload.dump()));
    ShuRun run{config.year, config.surplus, config_json(config).dump(), credited, at, user.id};
    return store_.commit_shu_run(run, std::move(p));
}

// [SECTION] RAT pack

Result<std::vector<ReportTable>> MembersService::rat_pack(const ShuConfig& config) {
    auto in = shu_input(config);
    if (!in) return in.error();
    auto r = compute_shu(config, *in);
    if (!r) return r.error();
    std::string year = std::to_string(config.year);
    std::string first = year + "-01-01", last = year + "-12-31";
    std::vector<ReportTable> out;

    // Members: how many, joined and left in the year.
    auto members = shop_.store().list_members();
    if (!members) return members.error();
    {
        int64_t active = 0, inactive = 0, left_total = 0, joined = 0, left_year = 0;
        for (auto& m : *members) {
            if (!m.joined_on.empty() && m.joined_on > last) continue;
            if (m.status == MemberStatus::Active) ++active;
            else if (m.status == MemberStatus::Inactive) ++inactive;
            else ++left_total;
            if (m.joined_on >= first && m.joined_on <= last) ++joined;
            if (m.status == MemberStatus::Left && m.left_on >= first && m.left_on <= last) ++left_year;
        }
        ReportTable t{"anggota", tr("Rekap anggota {}", year), {"what", "count"}, {}, {false, true}};
        t.rows = {{tr("Anggota aktif"), n(active)},
                  {tr("Anggota tidak aktif"), n(inactive)},
                  {tr("Anggota keluar (seluruhnya)"), n(left_total)},
                  {tr("Masuk tahun ini"), n(joined)},
                  {tr("Keluar tahun ini"), n(left_year)}};
        out.push_back(std::move(t));
    }

    auto totals = store_.ledger_totals(year_start_utc(config.year), year_start_utc(config.year + 1));
    if (!totals) return totals.error();
    // Savings: per type, opening, each kind of movement, closing.
    {
        const std::vector<SavingsEntryKind> kinds{SavingsEntryKind::Deposit,   SavingsEntryKind::Withdrawal, SavingsEntryKind::Purchase,
                                                  SavingsEntryKind::Refund,    SavingsEntryKind::Repayment,  SavingsEntryKind::Shu,
                                                  SavingsEntryKind::Settlement};
        ReportTable t{"simpanan", tr("Rekap simpanan {}", year), {"type", "opening"}, {}, {false, true}};
        for (auto k : kinds) {
            t.header.push_back(to_string(k));
            t.numeric.push_back(true);
        }
        t.header.push_back("closing");
        t.numeric.push_back(true);
        for (auto type : {SavingsType::Pokok, SavingsType::Wajib, SavingsType::Sukarela}) {
            Money opening, closing;
            std::map<std::string, Money> by_kind;
            for (auto& x : *totals) {
                if (!x.savings || x.type != to_string(type)) continue;
                if (x.before) opening += x.amount;
                else by_kind[x.kind] += x.amount;
                closing += x.amount;
            }
            std::vector<std::string> row{to_string(type), n(opening)};
            for (auto k : kinds) row.push_back(n(by_kind[to_string(k)]));
            row.push_back(n(closing));
            t.rows.push_back(std::move(row));
        }
        out.push_back(std::move(t));
    }
    // Credit: the receivable ledger the same way, plus who owes and who is in arrears now.
    {
        ReportTable t{"kredit", tr("Rekap kredit anggota {}", year), {"what", "amount"}, {}, {false, true}};
        Money opening, closing;
        std::map<std::string, Money> by_kind;
        for (auto& x : *totals) {
            if (x.savings) continue;
            if (x.before) opening += x.amount;
            else by_kind[x.kind] += x.amount;
            closing += x.amount;
        }
        t.rows.push_back({tr("Piutang awal tahun"), n(opening)});
        for (auto k : {ReceivableEntryKind::CreditSale, ReceivableEntryKind::Repayment, ReceivableEntryKind::SavingsRepayment,
                       ReceivableEntryKind::PayrollDeduction, ReceivableEntryKind::Refund, ReceivableEntryKind::Settlement,
                       ReceivableEntryKind::Adjustment})
            t.rows.push_back({describe(k), n(by_kind[to_string(k)])});
        t.rows.push_back({tr("Piutang akhir tahun"), n(closing)});
        auto balances = store_.members_with_balances();
        if (!balances) return balances.error();
        int64_t owing = 0;
        for (auto& [m, b] : *balances)
            if (b.owed.rupiah() > 0) ++owing;
        auto arrears = members_in_arrears();
        if (!arrears) return arrears.error();
        t.rows.push_back({tr("Anggota berutang (sekarang)"), n(owing)});
        t.rows.push_back({tr("Anggota menunggak (sekarang)"), n(static_cast<int64_t>(arrears->size()))});
        out.push_back(std::move(t));
    }
    // The shop: turnover, cost of goods sold, gross margin; members' share of turnover.
    {
        auto tm = store_.turnover_and_margin(first, last);
        if (!tm) return tm.error();
        Money members_share;
        for (auto& m : in->members) members_share += m.purchases;
        Money margin = tm->revenue - tm->cost;
        int64_t margin_bp = tm->revenue.rupiah() > 0 ? mul_div_round(margin.rupiah(), 10000, tm->revenue.rupiah()) : 0;
        ReportTable t{"usaha", tr("Usaha toko {}", year), {"what", "amount"}, {}, {false, true}};
        t.rows = {{tr("Omzet (penjualan bersih)"), n(tm->revenue)},
                  {tr("Harga pokok penjualan"), n(tm->cost)},
                  {tr("Laba kotor"), n(margin)},
                  {tr("Margin kotor (%)"), format_percent_bp(margin_bp)},
                  {tr("Jumlah penjualan"), n(tm->sales)},
                  {tr("Jumlah retur"), n(tm->returns)},
                  {tr("Belanja anggota"), n(members_share)},
                  {tr("Belanja bukan anggota"), n(tm->revenue - members_share)}};
        t.numeric = {false, false};
        out.push_back(std::move(t));
    }
    out.push_back(shu_pools_table(*r));
    out.push_back(shu_members_table(*r));
    return out;
}

}  // namespace waserda::core
