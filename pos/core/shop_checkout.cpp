// Shop: paying and returns. A sale is validated completely, then committed with its stock moves,
// ledger entries and outbox event in one Posting (one transaction). Nothing is printed from here.
#include "pos/core/i18n.hpp"
#include "pos/core/json_codec.hpp"
#include "pos/core/member_ledger.hpp"
#include "pos/core/shop.hpp"
#include "pos/core/uuid.hpp"

#include <algorithm>
#include <numeric>

namespace waserda::core {
namespace {

// Splits `amount` over `weights` in proportion, in whole rupiah, by largest remainder: the parts
// always add up to `amount` exactly.
std::vector<int64_t> split_proportionally(int64_t amount, const std::vector<int64_t>& weights) {
    std::vector<int64_t> out(weights.size(), 0);
    int64_t total = 0;
    for (auto w : weights) total += std::max<int64_t>(w, 0);
    if (total == 0 || amount == 0) return out;
    std::vector<std::pair<int64_t, size_t>> rema;
    int64_t given = 0;
    for (size_t i = 0; i < weights.size(); ++i) {
        __int128 p = static_cast<__int128>(amount) * std::max<int64_t>(weights[i], 0);
        out[i] = static_cast<int64_t>(p / total);
        rema.push_back({static_cast<int64_t>(p % total), i});
        given += out[i];
    }
    std::stable_sort(rema.begin(), rema.end(), [](auto& a, auto& b) { return a.first > b.first; });
    for (size_t k = 0; given < amount && k < rema.size(); ++k, ++given) out[rema[k].second] += 1;
    return out;
}

Money sum_method(const std::vector<Payment>& payments, PaymentMethod m) {
    Money s;
    for (auto& p : payments)
        if (p.method == m) s += p.amount;
    return s;
}

std::string sale_number(const std::string& device, const std::string& local_date, int counter) {
    return fmt::format("{}-{}-{:04}", device, compact_date(local_date), counter);
}

}  // namespace

PaymentPlan Shop::plan_payment(const Cart& cart, const std::vector<Payment>& payments) const {
    PaymentPlan plan;
    plan.total = cart_totals(cart).total;
    for (auto& p : payments) {
        if (p.method == PaymentMethod::Cash) plan.cash_tendered += p.amount;
        else plan.non_cash += p.amount;
    }
    Money left = plan.total - plan.non_cash;
    if (left.is_negative()) left = Money{};
    plan.cash_due = left.is_zero() ? left : settings_.cash_rounding.apply(left);
    plan.rounding = plan.cash_due - left;
    if (plan.cash_tendered >= plan.cash_due) {
        plan.change = plan.cash_tendered - plan.cash_due;
    } else {
        plan.remaining = plan.cash_due - plan.cash_tendered;
    }
    plan.enough = plan.remaining.is_zero() && plan.non_cash <= plan.total;
    return plan;
}

Result<Sale> Shop::checkout(const CheckoutRequest& req) {
    // Checked and written in one write transaction: the open shift, the cart not sold yet and the
    // day's next number cannot change under the sale (another program on this till waits).
    std::optional<Sale> done;
    auto st = store_.atomically([&]() -> Status {
        Posting posting;
        auto sale = build_sale(req, posting);
        if (!sale) return sale.error();
        auto committed = store_.commit(std::move(posting));
        if (!committed) return committed.error();
        done = std::move(committed->sale);
        return ok_status();
    });
    if (!st) return st.error();
    return std::move(*done);
}

Result<Sale> Shop::build_sale(const CheckoutRequest& req, Posting& posting) {
    const Cart& cart = req.cart;
    if (cart.empty()) return make_error(ErrorCode::Invalid, tr("Keranjang masih kosong."));
    if (auto st = authorize(req.cashier, Permission::Sell, std::nullopt); !st) return st.error();
    auto shift = store_.current_shift(settings_.device);
    if (!shift) return shift.error();
    if (!*shift) return make_error(ErrorCode::Conflict, tr("Belum ada shift terbuka. Buka shift dulu sebelum menjual."));
    auto exists = store_.sale_exists(cart.uuid);
    if (!exists) return exists.error();
    if (*exists) return make_error(ErrorCode::Conflict, tr("Penjualan ini sudah tersimpan."));
    for (auto& l : cart.lines)
        if (l.qty <= 0) return make_error(ErrorCode::Invalid, tr("Jumlah {} harus lebih dari nol.", l.name));

    // Payments: merge by method, check each amount.
    std::vector<Payment> payments;
    for (auto& p : req.payments) {
        if (p.amount.is_negative() || (p.amount.is_zero() && p.method != PaymentMethod::Cash))
            return make_error(ErrorCode::Invalid, tr("Jumlah pembayaran {} tidak berlaku.", describe(p.method)));
        auto it = std::find_if(payments.begin(), payments.end(), [&](auto& q) { return q.method == p.method; });
        if (it == payments.end()) payments.push_back(p);
        else { it->amount += p.amount; if (!p.reference.empty()) it->reference = p.reference; }
    }
    PaymentPlan plan = plan_payment(cart, payments);
    if (plan.non_cash > plan.total)
        return make_error(ErrorCode::Invalid, tr("Pembayaran non-tunai ({}) melebihi total belanja ({}).",
                                                 format_rupiah(plan.non_cash), format_rupiah(plan.total)));
    if (!plan.enough)
        return make_error(ErrorCode::Insufficient, tr("Pembayaran kurang {}.", format_rupiah(plan.remaining)));

    Sale sale;
    sale.uuid = cart.uuid.empty() ? new_uuid() : cart.uuid;
    sale.device = settings_.device;
    sale.kind = SaleKind::Sale;
    sale.at = now_utc();
    sale.local_date = today_local();
    sale.user_id = req.cashier.id;
    sale.user_name = req.cashier.name;
    sale.shift_id = (*shift)->id;

    // Member payments: credit within the limit, sukarela within the balance.
    Money credit = sum_method(payments, PaymentMethod::MemberCredit);
    Money from_savings = sum_method(payments, PaymentMethod::Savings);
    std::optional<MemberView> member;
    if (cart.member_id) {
        auto v = member_view(*cart.member_id);
        if (!v) return v.error();
        member = *v;
        sale.member_id = v->member.id;
        sale.member_number = v->member.number;
        sale.member_name = v->member.name;
    }
    if ((credit.rupiah() > 0 || from_savings.rupiah() > 0) && !member)
        return make_error(ErrorCode::Invalid, tr("Pilih anggota dulu untuk membayar dengan kredit atau simpanan."));
    if (credit.rupiah() > 0) {
        if (member->member.status != MemberStatus::Active)
            return make_error(ErrorCode::Denied, tr("{} bukan anggota aktif; tidak bisa berbelanja kredit.", member->member.name));
        bool over = credit > member->available_credit;
        std::string why;
        if (over) why = tr("Batas kredit {} tidak cukup: tersedia {}, diminta {}.", member->member.name,
                           format_rupiah(member->available_credit), format_rupiah(credit));
        if (!over && settings_.credit.monthly_cap) {
            auto month = store_.member_credit_in_month(member->member.id, sale.local_date.substr(0, 7));
            if (!month) return month.error();
            if (*month + credit > *settings_.credit.monthly_cap) {
                over = true;
                why = tr("Kredit bulan ini untuk {} melewati batas bulanan {}.", member->member.name,
                         format_rupiah(*settings_.credit.monthly_cap));
            }
        }
        if (!over && settings_.credit.block_in_arrears) {
            auto arrears = member_arrears(store_, member->member.id, clock_->now(), settings_.credit.arrears_days);
            if (!arrears) return arrears.error();
            if (arrears->in_arrears()) {
                over = true;
                why = arrears_message(member->member, *arrears, settings_.utc_offset_minutes);
            }
        }
        if (over) {
            if (!req.approver || !role_allows(req.approver->role, Permission::OverrideCreditLimit) || !req.approver->active)
                return make_error(ErrorCode::CreditLimit, why + " " + tr("Minta persetujuan supervisor atau bayar dengan cara lain."));
            AuditEntry a;
            a.at = sale.at;
            a.user_id = req.cashier.id;
            a.approver_id = req.approver->id;
            a.action = to_string(Permission::OverrideCreditLimit);
            a.detail = fmt::format("member {} credit {} available {}; {}", member->member.number, credit.rupiah(),
                                   member->available_credit.rupiah(), req.override_reason);
            a.device = settings_.device;
            posting.audit.push_back(a);
            sale.approver_id = req.approver->id;
        }
    }
    if (from_savings.rupiah() > 0 && from_savings > member->balances.sukarela)
        return make_error(ErrorCode::Insufficient, tr("Simpanan sukarela {} tidak cukup: saldo {}.", member->member.name,
                                                      format_rupiah(member->balances.sukarela)));

    auto counter = store_.next_sale_counter(sale.device, sale.local_date);
    if (!counter) return counter.error();
    sale.number = sale_number(sale.device, sale.local_date, *counter);
    for (auto& a : posting.audit) a.ref = sale.number;

    // Lines: the sale discount is shared over the lines so that lines add up to the total.
    std::vector<int64_t> weights;
    for (auto& l : cart.lines) weights.push_back(l.total().rupiah());
    auto shares = split_proportionally(cart.sale_discount.rupiah(), weights);
    Money taxable;
    for (size_t i = 0; i < cart.lines.size(); ++i) {
        const CartLine& c = cart.lines[i];
        SaleLine l;
        l.line_no = static_cast<int>(i + 1);
        l.item_id = c.item_id;
        l.sku = c.sku;
        l.name = c.name;
        l.code = c.code;
        l.unit = c.unit;
        l.weighed = c.weighed;
        l.taxable = c.taxable;
        l.qty = c.qty;
        l.unit_price = c.unit_price;
        l.price_kind = c.price_kind;
        l.discount = c.discount + Money::rp(shares[i]);
        l.total = c.gross() - l.discount;
        l.unit_cost = c.unit_cost;
        sale.subtotal += c.gross();
        sale.discount += l.discount;
        if (l.taxable) taxable += l.total;
        sale.lines.push_back(l);

        StockMove m;
        m.item_id = c.item_id;
        m.sku = c.sku;
        m.kind = StockMoveKind::Sale;
        m.qty = -c.qty;
        m.unit_cost = c.unit_cost;
        m.ref = sale.number;
        m.at = sale.at;
        m.user_id = req.cashier.id;
        posting.stock_moves.push_back(m);
    }
    sale.rounding = plan.rounding;
    sale.total = sale.subtotal - sale.discount + sale.rounding;
    TaxBreakdown tax = split_included_tax(taxable, settings_.tax);
    sale.dpp = tax.dpp;
    sale.ppn = tax.ppn;

    for (auto& p : payments) {
        Payment out = p;
        if (p.method == PaymentMethod::Cash) {
            out.tendered = p.amount;
            out.amount = plan.cash_due;
            if (out.amount.is_zero()) continue;  // cash handed over but nothing due in cash
        }
        sale.payments.push_back(out);
    }
    sale.change = plan.change;

    if (credit.rupiah() > 0) {
        ReceivableEntry r;
        r.member_id = member->member.id;
        r.member_number = member->member.number;
        r.kind = ReceivableEntryKind::CreditSale;
        r.amount = credit;
        r.ref = sale.number;
        r.at = sale.at;
        r.user_id = req.cashier.id;
        posting.receivables.push_back(r);
    }
    if (from_savings.rupiah() > 0) {
        SavingsEntry e;
        e.member_id = member->member.id;
        e.member_number = member->member.number;
        e.type = SavingsType::Sukarela;
        e.kind = SavingsEntryKind::Purchase;
        e.amount = -from_savings;
        e.ref = sale.number;
        e.at = sale.at;
        e.user_id = req.cashier.id;
        posting.savings.push_back(e);
    }
    if (member) {
        sale.member_available_credit = std::max(Money{}, member->available_credit - credit);
        sale.member_sukarela = member->balances.sukarela - from_savings;
    }

    posting.kind = "sale";
    posting.sale = sale;
    posting.clear_open_cart_of_device = settings_.device;
    posting.events.push_back(make_event("sale", posting_payload_text(posting)));
    return sale;
}

Result<Sale> Shop::return_sale(const ReturnRequest& req) {
    if (auto st = authorize(req.cashier, Permission::Refund, req.approver); !st) return st.error();
    auto original = store_.sale_by_number(req.sale_number);
    if (!original) return original.error();
    if (!*original) return make_error(ErrorCode::NotFound, tr("Struk {} tidak ditemukan.", req.sale_number));
    const Sale& orig = **original;
    if (orig.kind != SaleKind::Sale) return make_error(ErrorCode::Invalid, tr("{} adalah struk retur, bukan penjualan.", orig.number));
    auto shift = store_.current_shift(settings_.device);
    if (!shift) return shift.error();
    if (!*shift) return make_error(ErrorCode::Conflict, tr("Belum ada shift terbuka. Buka shift dulu."));

    std::vector<ReturnLineRequest> wanted = req.lines;
    if (wanted.empty())
        for (auto& l : orig.lines)
            if (l.qty - l.returned_qty > 0) wanted.push_back({l.line_no, l.qty - l.returned_qty});
    if (wanted.empty()) return make_error(ErrorCode::Conflict, tr("Semua barang di struk {} sudah diretur.", orig.number));

    Posting posting;
    Sale ret;
    ret.uuid = new_uuid();
    ret.device = settings_.device;
    ret.kind = SaleKind::Return;
    ret.original_number = orig.number;
    ret.at = now_utc();
    ret.local_date = today_local();
    ret.user_id = req.cashier.id;
    ret.user_name = req.cashier.name;
    ret.approver_id = req.approver ? req.approver->id : 0;
    ret.shift_id = (*shift)->id;
    ret.member_id = orig.member_id;
    ret.member_number = orig.member_number;
    ret.member_name = orig.member_name;

    Money refund;       // positive: what goes back to the customer
    Money taxable;
    int line_no = 0;
    for (auto& w : wanted) {
        auto it = std::find_if(orig.lines.begin(), orig.lines.end(), [&](auto& l) { return l.line_no == w.line_no; });
        if (it == orig.lines.end()) return make_error(ErrorCode::NotFound, tr("Baris {} tidak ada di struk {}.", w.line_no, orig.number));
        int64_t left = it->qty - it->returned_qty;
        if (w.qty <= 0 || w.qty > left)
            return make_error(ErrorCode::Invalid, tr("Jumlah retur {} untuk {} tidak berlaku (sisa yang bisa diretur: {}).",
                                                     w.qty, it->name, left));
        SaleLine l = *it;
        l.line_no = ++line_no;
        l.original_line_no = it->line_no;
        l.returned_qty = 0;
        l.qty = -w.qty;
        l.total = -Money::rp(mul_div_round(it->total.rupiah(), w.qty, it->qty));
        l.discount = -Money::rp(mul_div_round(it->discount.rupiah(), w.qty, it->qty));
        ret.subtotal += l.total + l.discount;
        ret.discount += l.discount;
        if (l.taxable) taxable += l.total;
        refund -= l.total;
        ret.lines.push_back(l);

        StockMove m;
        m.item_id = l.item_id;
        m.sku = l.sku;
        m.kind = StockMoveKind::Return;
        m.qty = w.qty;
        m.unit_cost = l.unit_cost;
        m.at = ret.at;
        m.reason = req.reason;
        m.user_id = req.cashier.id;
        posting.stock_moves.push_back(m);
    }
    TaxBreakdown tax = split_included_tax(-taxable, settings_.tax);
    ret.dpp = -tax.dpp;
    ret.ppn = -tax.ppn;

    // Refund what was paid on credit first (the debt shrinks), then sukarela, then money.
    Money left = refund;
    auto paid_with = [&](PaymentMethod m) { return sum_method(orig.payments, m); };
    Money to_credit = std::min(left, paid_with(PaymentMethod::MemberCredit));
    left -= to_credit;
    Money to_savings = std::min(left, paid_with(PaymentMethod::Savings));
    left -= to_savings;
    PaymentMethod money_method = req.refund_method.value_or(PaymentMethod::Cash);
    if (money_method == PaymentMethod::MemberCredit || money_method == PaymentMethod::Savings) money_method = PaymentMethod::Cash;
    if (!req.refund_method) {
        // As it was paid: the largest non-member method of the original sale.
        Money best;
        for (auto& p : orig.payments)
            if (p.method != PaymentMethod::MemberCredit && p.method != PaymentMethod::Savings && p.amount > best) {
                best = p.amount;
                money_method = p.method;
            }
    }
    Money money = left;
    if (money_method == PaymentMethod::Cash && money.rupiah() > 0) {
        Money rounded = settings_.cash_rounding.apply(money);
        ret.rounding = money - rounded;  // the shop pays out less (or more) by rounding
        money = rounded;
    }
    ret.total = -(to_credit + to_savings + money);
    if (!to_credit.is_zero()) ret.payments.push_back({PaymentMethod::MemberCredit, -to_credit, Money{}, ""});
    if (!to_savings.is_zero()) ret.payments.push_back({PaymentMethod::Savings, -to_savings, Money{}, ""});
    if (!money.is_zero()) ret.payments.push_back({money_method, -money, Money{}, ""});

    auto counter = store_.next_sale_counter(ret.device, ret.local_date);
    if (!counter) return counter.error();
    ret.number = sale_number(ret.device, ret.local_date, *counter);
    for (auto& m : posting.stock_moves) m.ref = ret.number;

    if (!to_credit.is_zero()) {
        ReceivableEntry r;
        r.member_id = orig.member_id.value_or(0);
        r.member_number = orig.member_number;
        r.kind = ReceivableEntryKind::Refund;
        r.amount = -to_credit;
        r.ref = ret.number;
        r.at = ret.at;
        r.user_id = req.cashier.id;
        posting.receivables.push_back(r);
    }
    if (!to_savings.is_zero()) {
        SavingsEntry e;
        e.member_id = orig.member_id.value_or(0);
        e.member_number = orig.member_number;
        e.type = SavingsType::Sukarela;
        e.kind = SavingsEntryKind::Refund;
        e.amount = to_savings;
        e.ref = ret.number;
        e.at = ret.at;
        e.user_id = req.cashier.id;
        posting.savings.push_back(e);
    }
    AuditEntry a;
    a.at = ret.at;
    a.user_id = req.cashier.id;
    a.approver_id = req.approver ? req.approver->id : 0;
    a.action = to_string(Permission::Refund);
    a.ref = ret.number;
    a.detail = fmt::format("return of {} total {}; {}", orig.number, ret.total.rupiah(), req.reason);
    a.device = settings_.device;
    posting.audit.push_back(a);

    posting.kind = "return";
    posting.sale = ret;
    posting.events.push_back(make_event("return", posting_payload_text(posting)));
    auto committed = store_.commit(std::move(posting));
    if (!committed) return committed.error();
    return committed->sale.value();
}

}  // namespace waserda::core
