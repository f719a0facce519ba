// generate_big_shop: a year of a busy cooperative shop, written fast enough to benchmark with.
// Postings are built here directly (no Shop, no PIN checks, no per-sale lookups) but every one
// goes through SqliteStore::commit, so the books obey the same invariants as the till's.
//
// [SECTION] The day's trading
// [SECTION] generate_big_shop
#include "pos/core/cart.hpp"
#include "pos/core/clock.hpp"
#include "pos/core/catalog_io.hpp"
#include "pos/core/credit.hpp"
#include "pos/core/i18n.hpp"
#include "pos/core/json_codec.hpp"
#include "pos/store/demo.hpp"
#include "pos/store/demo_synth.hpp"
#include "pos/store/try.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <memory>
#include <deque>
#include <map>

namespace waserda::store {

using core::ErrorCode;
using core::Money;
using core::Result;
using core::Status;
#define TRY WASERDA_TRY

namespace {

using synth::at_local;
using synth::Days;
using synth::Picker;
using synth::Rng;
using synth::SimItem;
using synth::SimMember;
using synth::ymd;

// [SECTION] The day's trading

struct CashSaleRef {
    std::string number;
    core::SaleLine line;
};

class Generator {
public:
    Generator(SqliteStore& store, const BigShopSpec& spec) : store_(store), spec_(spec), rng_(spec.seed) {}
    Status run(const std::function<void(int)>& progress);

private:
    Status setup(Days start);
    Status trade_day(Days day);
    Status monthly_wajib(Days day);
    Status payroll_deduction(Days day);
    Status restock(Days day);
    Status sale(Days day, int secs, core::Shift& shift);
    Status return_one(Days day, int secs, core::Shift& shift);
    Status repayment(Days day, int secs, core::Shift& shift);
    Status commit(core::Posting p, const std::string& event_kind, const std::string& at);
    std::string next_number(Days day) { return fmt::format("{}-{}-{:04}", settings_.device, core::compact_date(ymd(day)), ++day_counter_); }
    Money limit_of(const SimMember& m) const { return core::credit_limit(settings_.credit, m.member, m.balances); }

    SqliteStore& store_;
    BigShopSpec spec_;
    Rng rng_;
    core::ShopSettings settings_ = demo_settings();
    std::map<std::string, core::User> users_;
    std::vector<SimItem> items_;
    std::vector<SimMember> members_;
    std::unique_ptr<Picker> item_picker_, member_picker_, hour_picker_;
    std::deque<CashSaleRef> returnable_;
    int day_counter_ = 0;
    Money drawer_;   // cash that should be in the open shift's drawer
};

Status Generator::commit(core::Posting p, const std::string& event_kind, const std::string& at) {
    core::OutboxEvent e;
    e.uuid = rng_.uuid();
    e.device = settings_.device;
    e.kind = event_kind;
    e.payload = core::posting_payload_text(p);
    e.created_at = at;
    p.events.push_back(std::move(e));
    auto c = store_.commit(std::move(p));
    if (!c) return c.error();
    return core::ok_status();
}

Status Generator::setup(Days start) {
    TRY(store_.save_settings(settings_));
    for (const auto& u : demo_users()) {
        auto existing = store_.user_by_name(u.name);
        if (!existing) return existing.error();
        core::User user = existing->value_or(core::User{});
        if (!*existing) {
            user.name = u.name;
            user.role = u.role;
            user.pin_hash = core::hash_pin(u.pin);
            auto id = store_.save_user(user);
            if (!id) return id.error();
            user.id = *id;
        }
        users_[u.name] = user;
    }

    items_ = synth::make_items(spec_, rng_);
    members_ = synth::make_members(spec_, start, rng_);
    // Popularity falls off like real baskets: a few items sell every hour, most rarely.
    std::vector<double> weights(items_.size());
    std::vector<size_t> rank(items_.size());
    for (size_t i = 0; i < rank.size(); ++i) rank[i] = i;
    for (size_t i = rank.size(); i > 1; --i) std::swap(rank[i - 1], rank[rng_.below(static_cast<int64_t>(i))]);
    for (size_t i = 0; i < items_.size(); ++i) weights[i] = 1.0 / std::pow(static_cast<double>(rank[i] + 1), 0.9);
    double wsum = 0;
    for (double w : weights) wsum += w;
    const double lines_per_day = spec_.sales_per_day * 2.8;
    for (size_t i = 0; i < items_.size(); ++i) {
        SimItem& s = items_[i];
        double units = lines_per_day * weights[i] / wsum * (s.item.weighed ? 800.0 : 1.6);
        s.daily_units = units;
        s.item.min_stock = std::max<int64_t>(s.item.weighed ? 2000 : 3, static_cast<int64_t>(std::ceil(units * 4)));
        s.item.on_hand = std::max<int64_t>(s.item.weighed ? 10000 : 12, static_cast<int64_t>(std::ceil(units * 21)));
    }
    item_picker_ = std::make_unique<Picker>(weights);
    std::vector<double> mw;
    for (size_t i = 0; i < members_.size(); ++i) mw.push_back(0.2 + 2.0 * rng_.unit());
    if (!mw.empty()) member_picker_ = std::make_unique<Picker>(mw);
    // Opening 07:00-21:00, busiest before work, at lunch and after the day shift ends.
    hour_picker_ = std::make_unique<Picker>(std::vector<double>{6, 8, 5, 4, 5, 9, 8, 5, 4, 7, 10, 9, 6, 3});

    Transaction tx(store_.db());
    TRY(tx.begun());
    std::vector<core::Item> plain;
    for (auto& s : items_) plain.push_back(s.item);
    TRY(store_.save_items(plain, core::BarcodeWrite::Replace));
    std::vector<core::Member> ms;
    for (auto& s : members_) ms.push_back(s.member);
    TRY(store_.save_members(ms));
    {
        auto ids = store_.db().prepare("SELECT id FROM items ORDER BY id");
        if (!ids) return ids.error();
        for (auto& s : items_) {
            if (!ids->step()) return core::make_error(ErrorCode::Storage, core::tr("Barang hasil buatan tidak lengkap."));
            s.item.id = ids->int64(0);
        }
        auto mids = store_.db().prepare("SELECT id FROM members ORDER BY id");
        if (!mids) return mids.error();
        for (auto& s : members_) {
            if (!mids->step()) return core::make_error(ErrorCode::Storage, core::tr("Anggota hasil buatan tidak lengkap."));
            s.member.id = mids->int64(0);
        }
    }
    std::string at = at_local(start - std::chrono::days(1), 20 * 3600, settings_.utc_offset_minutes);
    const core::UserId admin = users_.at("Admin").id;
    core::Posting stock;
    stock.kind = "stock.opening";
    for (auto& s : items_) {
        stock.stock_moves.push_back({0, s.item.id, s.item.sku, core::StockMoveKind::Adjustment, s.item.on_hand, s.item.cost,
                                     "STOK-AWAL", "stok awal", at, admin});
    }
    TRY(commit(std::move(stock), "stock", at));
    for (size_t first = 0; first < members_.size(); first += 250) {
        core::Posting p;
        p.kind = "savings.opening";
        for (size_t i = first; i < std::min(members_.size(), first + 250); ++i) {
            const SimMember& s = members_[i];
            for (auto [type, amount] : {std::pair{core::SavingsType::Pokok, s.balances.pokok},
                                        {core::SavingsType::Wajib, s.balances.wajib},
                                        {core::SavingsType::Sukarela, s.balances.sukarela}}) {
                if (amount.is_zero()) continue;
                p.savings.push_back({0, s.member.id, s.member.number, type, core::SavingsEntryKind::Deposit, amount,
                                     "SALDO-AWAL", "saldo awal", at, admin});
            }
        }
        TRY(commit(std::move(p), "savings", at));
    }
    return tx.commit();
}

Status Generator::monthly_wajib(Days day) {
    // Wajib comes in through payroll on the first of the month: no cash at the till.
    std::string at = at_local(day, 7 * 3600, settings_.utc_offset_minutes);
    std::string note = "simpanan wajib " + ymd(day).substr(0, 7);
    for (size_t first = 0; first < members_.size(); first += 250) {
        core::Posting p;
        p.kind = "savings.wajib";
        for (size_t i = first; i < std::min(members_.size(), first + 250); ++i) {
            SimMember& s = members_[i];
            if (s.member.status != core::MemberStatus::Active) continue;
            p.savings.push_back({0, s.member.id, s.member.number, core::SavingsType::Wajib, core::SavingsEntryKind::Deposit,
                                 Money::rp(50'000), "POTGAJI-" + ymd(day).substr(0, 7), note, at, users_.at("Mulyani").id});
            s.balances.wajib += Money::rp(50'000);
        }
        if (!p.savings.empty()) TRY(commit(std::move(p), "savings", at));
    }
    return core::ok_status();
}

Status Generator::payroll_deduction(Days day) {
    // Potong gaji: the employer deducts what each member owes and pays the cooperative.
    std::string at = at_local(day, 7 * 3600 + 300, settings_.utc_offset_minutes);
    std::string ref = "POTGAJI-" + ymd(day).substr(0, 7);
    core::Posting p;
    p.kind = "credit.payroll";
    for (auto& s : members_) {
        if (s.balances.owed.rupiah() <= 0) continue;
        p.receivables.push_back({0, s.member.id, s.member.number, core::ReceivableEntryKind::PayrollDeduction, -s.balances.owed,
                                 ref, "potong gaji", at, users_.at("Mulyani").id});
        s.balances.owed = Money{};
    }
    if (p.receivables.empty()) return core::ok_status();
    return commit(std::move(p), "credit", at);
}

Status Generator::restock(Days day) {
    std::string at = at_local(day, 6 * 3600 + 1800, settings_.utc_offset_minutes);
    core::Posting p;
    p.kind = "stock.receipt";
    std::string ref = "GR-" + core::compact_date(ymd(day));
    for (auto& s : items_) {
        if (s.item.on_hand >= s.item.min_stock) continue;
        int64_t target = std::max<int64_t>(s.item.min_stock * 3, static_cast<int64_t>(s.daily_units * 14));
        int64_t qty = target - s.item.on_hand;
        if (s.carton) qty = (qty + s.carton - 1) / s.carton * s.carton;  // suppliers deliver whole cartons
        p.stock_moves.push_back({0, s.item.id, s.item.sku, core::StockMoveKind::GoodsReceipt, qty, s.item.cost, ref,
                                 "", at, users_.at("Mulyani").id});
        s.item.on_hand += qty;
    }
    if (p.stock_moves.empty()) return core::ok_status();
    return commit(std::move(p), "stock", at);
}

Status Generator::sale(Days day, int secs, core::Shift& shift) {
    core::Sale s;
    s.uuid = rng_.uuid();
    s.number = next_number(day);
    s.device = settings_.device;
    s.at = at_local(day, secs, settings_.utc_offset_minutes);
    s.local_date = ymd(day);
    s.user_id = shift.user_id;
    s.user_name = shift.user_name;
    s.shift_id = shift.id;
    SimMember* member = nullptr;
    if (member_picker_ && rng_.chance(0.45)) {
        member = &members_[member_picker_->pick(rng_)];
        if (member->member.status != core::MemberStatus::Active) member = nullptr;
    }
    if (member) {
        s.member_id = member->member.id;
        s.member_number = member->member.number;
        s.member_name = member->member.name;
    }

    core::Posting p;
    p.kind = "sale";
    int64_t n_lines = 1;
    while (n_lines < 12 && rng_.chance(0.62)) ++n_lines;
    Money taxable;
    std::vector<size_t> used;
    for (int64_t k = 0; k < n_lines; ++k) {
        size_t idx = item_picker_->pick(rng_);
        if (std::find(used.begin(), used.end(), idx) != used.end()) continue;
        used.push_back(idx);
        SimItem& si = items_[idx];
        const core::Item& it = si.item;
        core::SaleLine l;
        l.line_no = static_cast<int>(s.lines.size() + 1);
        l.item_id = it.id;
        l.sku = it.sku;
        l.name = it.name;
        l.unit = it.unit;
        l.weighed = it.weighed;
        l.taxable = it.taxable;
        if (it.weighed) {
            l.qty = rng_.between(5, 40) * 50;
            l.code = core::make_in_store_code(settings_.in_store_rules.front(), it.sku.substr(2), l.qty);
        } else if (si.carton && rng_.chance(0.02)) {
            l.qty = si.carton;
            l.code = si.carton_code;
        } else {
            double r = rng_.unit();
            l.qty = r < 0.7 ? 1 : r < 0.9 ? 2 : rng_.between(3, 6);
            l.code = si.code;
        }
        auto price = core::choose_unit_price(it, l.qty, member != nullptr);
        l.unit_price = price.price;
        l.price_kind = price.kind;
        l.total = Money::rp(core::mul_div_round(l.unit_price.rupiah(), l.qty, core::qty_scale(it)));
        l.unit_cost = it.cost;
        s.subtotal += l.total;
        if (l.taxable) taxable += l.total;
        p.stock_moves.push_back({0, it.id, it.sku, core::StockMoveKind::Sale, -l.qty, it.cost, s.number, "", s.at, s.user_id});
        si.item.on_hand -= l.qty;
        s.lines.push_back(std::move(l));
    }
    auto tax = core::split_included_tax(taxable, settings_.tax);
    s.dpp = tax.dpp;
    s.ppn = tax.ppn;

    // How it is paid: members often on credit (bon) or from sukarela; everyone by cash or QRIS.
    double r = rng_.unit();
    Money due = s.subtotal;
    if (member && r < 0.35 && limit_of(*member) - member->balances.owed >= due) {
        s.payments.push_back({core::PaymentMethod::MemberCredit, due, {}, ""});
        p.receivables.push_back({0, member->member.id, member->member.number, core::ReceivableEntryKind::CreditSale, due,
                                 s.number, "", s.at, s.user_id});
        member->balances.owed += due;
    } else if (member && r < 0.40 && member->balances.sukarela >= due) {
        s.payments.push_back({core::PaymentMethod::Savings, due, {}, ""});
        p.savings.push_back({0, member->member.id, member->member.number, core::SavingsType::Sukarela,
                             core::SavingsEntryKind::Purchase, -due, s.number, "", s.at, s.user_id});
        member->balances.sukarela -= due;
    } else if (r > 0.80) {
        s.payments.push_back({core::PaymentMethod::Qris, due, {}, fmt::format("QR{:012}", rng_.below(1'000'000'000'000))});
    } else {
        Money cash = settings_.cash_rounding.apply(due);
        s.rounding = cash - due;
        int64_t step = cash.rupiah() < 20'000 ? 5'000 : cash.rupiah() < 100'000 ? 10'000 : 50'000;
        Money tendered = rng_.chance(0.3) ? cash : Money::rp((cash.rupiah() + step - 1) / step * step);
        s.change = tendered - cash;
        if (!cash.is_zero()) s.payments.push_back({core::PaymentMethod::Cash, cash, tendered, ""});
        drawer_ += cash;
        if (!member && s.lines.size() <= 4) {
            returnable_.push_back({s.number, s.lines.front()});
            if (returnable_.size() > 500) returnable_.pop_front();
        }
    }
    s.total = s.subtotal + s.rounding;
    if (member) {
        Money left = limit_of(*member) - member->balances.owed;
        s.member_available_credit = left.is_negative() ? Money{} : left;
        s.member_sukarela = member->balances.sukarela;
    }
    p.sale = std::move(s);
    std::string at = p.sale->at;
    return commit(std::move(p), "sale", at);
}

Status Generator::return_one(Days day, int secs, core::Shift& shift) {
    // A customer brings one line of an earlier cash sale back; the supervisor approves the refund.
    if (returnable_.empty()) return core::ok_status();
    size_t pick = static_cast<size_t>(rng_.below(static_cast<int64_t>(returnable_.size())));
    CashSaleRef ref = returnable_[pick];
    returnable_.erase(returnable_.begin() + static_cast<std::ptrdiff_t>(pick));
    core::Sale s;
    s.uuid = rng_.uuid();
    s.number = next_number(day);
    s.device = settings_.device;
    s.kind = core::SaleKind::Return;
    s.original_number = ref.number;
    s.at = at_local(day, secs, settings_.utc_offset_minutes);
    s.local_date = ymd(day);
    s.user_id = shift.user_id;
    s.user_name = shift.user_name;
    s.approver_id = users_.at("Sari").id;
    s.shift_id = shift.id;
    core::SaleLine l = ref.line;
    l.original_line_no = l.line_no;
    l.line_no = 1;
    l.qty = -l.qty;
    l.total = -l.total;
    s.subtotal = l.total;
    Money money = -l.total;
    Money paid = settings_.cash_rounding.apply(money);
    s.rounding = money - paid;
    s.total = -paid;
    if (!paid.is_zero()) s.payments.push_back({core::PaymentMethod::Cash, -paid, {}, ""});
    auto tax = core::split_included_tax(l.taxable ? money : Money{}, settings_.tax);
    s.dpp = -tax.dpp;
    s.ppn = -tax.ppn;
    drawer_ -= paid;

    core::Posting p;
    p.kind = "return";
    p.stock_moves.push_back({0, l.item_id, l.sku, core::StockMoveKind::Return, -l.qty, l.unit_cost, s.number,
                             "rusak atau kedaluwarsa", s.at, s.user_id});
    for (auto& si : items_)
        if (si.item.id == l.item_id) si.item.on_hand += -l.qty;
    p.audit.push_back({0, s.at, s.user_id, s.approver_id, core::to_string(core::Permission::Refund), s.number,
                       fmt::format("return of {} total {}", ref.number, s.total.rupiah()), settings_.device});
    s.lines.push_back(std::move(l));
    p.sale = std::move(s);
    std::string at = p.sale->at;
    return commit(std::move(p), "return", at);
}

Status Generator::repayment(Days day, int secs, core::Shift& shift) {
    // A member pays part of their bon in cash at the till before payday.
    std::vector<SimMember*> owing;
    for (int tries = 0; tries < 20 && owing.empty(); ++tries) {
        SimMember& m = members_[static_cast<size_t>(rng_.below(static_cast<int64_t>(members_.size())))];
        if (m.balances.owed.rupiah() >= 10'000) owing.push_back(&m);
    }
    if (owing.empty()) return core::ok_status();
    SimMember& m = *owing.front();
    Money amount = Money::rp(std::max<int64_t>(10'000, m.balances.owed.rupiah() / 2 / 10'000 * 10'000));
    std::string at = at_local(day, secs, settings_.utc_offset_minutes);
    core::Posting p;
    p.kind = "credit.repayment";
    p.receivables.push_back({0, m.member.id, m.member.number, core::ReceivableEntryKind::Repayment, -amount, "", "bayar bon",
                             at, shift.user_id});
    p.cash_moves.push_back({shift.id, amount, "repayment", m.member.number, at});
    m.balances.owed -= amount;
    drawer_ += amount;
    return commit(std::move(p), "credit.repayment", at);
}

Status Generator::trade_day(Days day) {
    day_counter_ = 0;
    std::chrono::year_month_day d{day};
    if (unsigned(d.day()) == 1) TRY(monthly_wajib(day));
    if (unsigned(d.day()) == 25) TRY(payroll_deduction(day));
    TRY(restock(day));

    std::vector<int> times;
    times.reserve(static_cast<size_t>(spec_.sales_per_day));
    for (int i = 0; i < spec_.sales_per_day; ++i)
        times.push_back((7 + static_cast<int>(hour_picker_->pick(rng_))) * 3600 + static_cast<int>(rng_.below(3600)));
    std::sort(times.begin(), times.end());

    const char* cashiers[] = {"Budi", "Wati"};
    const int bounds[] = {7 * 3600, 14 * 3600, 21 * 3600};
    size_t next = 0;
    for (int k = 0; k < 2; ++k) {
        const core::User& cashier = users_.at(cashiers[(k + static_cast<int>(day.time_since_epoch().count())) % 2]);
        core::Shift shift;
        shift.uuid = rng_.uuid();
        shift.device = settings_.device;
        shift.user_id = cashier.id;
        shift.user_name = cashier.name;
        shift.opening_float = Money::rp(300'000);
        shift.opened_at = at_local(day, bounds[k] - 300, settings_.utc_offset_minutes);
        core::OutboxEvent open{0, rng_.uuid(), settings_.device, "shift.open",
                               nlohmann::json{{"kind", "shift.open"}, {"device", shift.device}, {"shift", core::to_json(shift)}}.dump(),
                               shift.opened_at};
        auto id = store_.open_shift(shift, open);
        if (!id) return id.error();
        shift.id = *id;
        drawer_ = shift.opening_float;
        for (; next < times.size() && times[next] < bounds[k + 1]; ++next) {
            int secs = times[next];
            if (rng_.chance(0.003)) TRY(return_one(day, secs, shift));
            else if (rng_.chance(0.006)) TRY(repayment(day, secs, shift));
            TRY(sale(day, secs, shift));
        }
        shift.closed_at = at_local(day, bounds[k + 1] - 60, settings_.utc_offset_minutes);
        shift.closed_by = cashier.id;
        Money counted = drawer_ + Money::rp(rng_.chance(0.1) ? (rng_.chance(0.5) ? -1000 : 500) : 0);
        int64_t left = counted.rupiah();
        for (int64_t v : core::rupiah_denominations()) {
            if (left >= v) shift.denominations[v] = left / v;
            left %= v;
        }
        shift.counted_cash = counted;
        shift.expected_cash = drawer_;
        core::OutboxEvent close{0, rng_.uuid(), settings_.device, "shift.close",
                                nlohmann::json{{"kind", "shift.close"}, {"device", shift.device}, {"shift", core::to_json(shift)}}.dump(),
                                shift.closed_at};
        TRY(store_.close_shift(shift, close));
    }
    return core::ok_status();
}

Status Generator::run(const std::function<void(int)>& progress) {
    std::string end = spec_.end_date;
    if (end.empty()) end = core::local_date(std::chrono::system_clock::now(), settings_.utc_offset_minutes);
    if (!core::is_valid_date(end))
        return core::make_error(ErrorCode::Invalid, core::tr("Tanggal akhir \"{}\" tidak berlaku; tulis TTTT-BB-HH.", end));
    if (spec_.items < 1 || spec_.members < 0 || spec_.days < 1 || spec_.sales_per_day < 0)
        return core::make_error(ErrorCode::Invalid, core::tr("Jumlah barang dan hari harus lebih dari nol."));
    Days last{std::chrono::floor<std::chrono::days>(core::parse_iso_utc(end + "T00:00:00Z"))};
    Days first = last - std::chrono::days(spec_.days - 1);

    TRY(setup(first));
    int64_t synced_seq = 0;
    for (int i = 0; i < spec_.days; ++i) {
        Days day = first + std::chrono::days(i);
        if (i == spec_.days - 1) {
            // Everything before the last day has reached the central server already.
            auto st = store_.db().prepare("SELECT COALESCE(MAX(seq), 0) FROM outbox");
            if (!st) return st.error();
            if (st->step()) synced_seq = st->int64(0);
        }
        Transaction tx(store_.db());
        TRY(tx.begun());
        TRY(trade_day(day));
        TRY(tx.commit());
        if (progress) progress(i);
    }
    if (synced_seq > 0) TRY(store_.mark_acked(synced_seq, at_local(last, 6 * 3600, settings_.utc_offset_minutes)));
    return core::ok_status();
}

}  // namespace

// [SECTION] generate_big_shop

Status generate_big_shop(SqliteStore& store, const BigShopSpec& spec, const std::function<void(int)>& progress) {
    TRY(require_empty_books(store));
    // Speed over durability while generating: a crash here only loses a benchmark database.
    // A bigger page cache keeps the random-UUID indexes of sales and the outbox in memory.
    int64_t cache_size = -2000;
    if (auto c = store.db().prepare("PRAGMA cache_size"); c && c->step()) cache_size = c->int64(0);
    TRY(store.db().exec("PRAGMA synchronous=OFF"));
    TRY(store.db().exec("PRAGMA cache_size=-131072"));
    Generator g(store, spec);
    Status st = g.run(progress);
    Status restore = store.db().exec("PRAGMA synchronous=FULL");
    (void)store.db().exec("PRAGMA cache_size=" + std::to_string(cache_size));
    if (!st) return st;
    return restore;
}

}  // namespace waserda::store
