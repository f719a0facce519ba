// Shop: savings deposits and withdrawals, credit repayments, the drawer.
#include "pos/core/i18n.hpp"
#include "pos/core/json_codec.hpp"
#include "pos/core/shop.hpp"

namespace waserda::core {
namespace {

Status need_positive(Money amount) {
    if (amount.rupiah() <= 0) return make_error(ErrorCode::Invalid, tr("Jumlah harus lebih dari Rp 0."));
    return ok_status();
}

}  // namespace

Result<Posting> Shop::savings_deposit(const SavingsRequest& req) {
    if (auto st = authorize(req.user, Permission::SavingsDeposit, req.approver); !st) return st.error();
    if (auto st = need_positive(req.amount); !st) return st.error();
    auto m = find_member(req.member_number);
    if (!m) return m.error();
    if (m->status == MemberStatus::Left)
        return make_error(ErrorCode::Denied, tr("{} sudah keluar dari koperasi.", m->name));
    Posting p;
    p.kind = "savings.deposit";
    SavingsEntry e;
    e.member_id = m->id;
    e.member_number = m->number;
    e.type = req.type;
    e.kind = SavingsEntryKind::Deposit;
    e.amount = req.amount;
    e.note = req.note;
    e.at = now_utc();
    e.user_id = req.user.id;
    if (req.through_drawer) {
        auto shift = store_.current_shift(settings_.device);
        if (!shift) return shift.error();
        if (!*shift) return make_error(ErrorCode::Conflict, tr("Belum ada shift terbuka. Buka shift dulu untuk menerima uang."));
        p.cash_moves.push_back({(*shift)->id, req.amount, "savings.deposit", m->number, e.at});
    }
    p.savings.push_back(e);
    p.events.push_back(make_event(p.kind, posting_payload_text(p)));
    return store_.commit(std::move(p));
}

Result<Posting> Shop::savings_withdraw(const SavingsRequest& req) {
    if (auto st = authorize(req.user, Permission::SavingsWithdraw, req.approver); !st) return st.error();
    if (auto st = need_positive(req.amount); !st) return st.error();
    if (req.type != SavingsType::Sukarela)
        return make_error(ErrorCode::Denied, tr("Simpanan pokok dan wajib tidak bisa ditarik selama masih anggota."));
    auto m = find_member(req.member_number);
    if (!m) return m.error();
    auto b = store_.member_balances(m->id);
    if (!b) return b.error();
    if (req.amount > b->sukarela)
        return make_error(ErrorCode::Insufficient, tr("Simpanan sukarela {} tidak cukup: saldo {}.", m->name, format_rupiah(b->sukarela)));
    Posting p;
    p.kind = "savings.withdraw";
    SavingsEntry e;
    e.member_id = m->id;
    e.member_number = m->number;
    e.type = SavingsType::Sukarela;
    e.kind = SavingsEntryKind::Withdrawal;
    e.amount = -req.amount;
    e.note = req.note;
    e.at = now_utc();
    e.user_id = req.user.id;
    if (req.through_drawer) {
        auto shift = store_.current_shift(settings_.device);
        if (!shift) return shift.error();
        if (!*shift) return make_error(ErrorCode::Conflict, tr("Belum ada shift terbuka. Buka shift dulu untuk mengeluarkan uang."));
        p.cash_moves.push_back({(*shift)->id, -req.amount, "savings.withdraw", m->number, e.at});
    }
    p.savings.push_back(e);
    if (req.approver) {
        AuditEntry a{0, e.at, req.user.id, req.approver->id, to_string(Permission::SavingsWithdraw), m->number,
                     fmt::format("{}", req.amount.rupiah()), settings_.device};
        p.audit.push_back(a);
    }
    p.events.push_back(make_event(p.kind, posting_payload_text(p)));
    return store_.commit(std::move(p));
}

Result<Posting> Shop::repay_credit(const RepaymentRequest& req) {
    if (auto st = authorize(req.user, Permission::Sell, std::nullopt); !st) return st.error();
    if (auto st = need_positive(req.amount); !st) return st.error();
    auto m = find_member(req.member_number);
    if (!m) return m.error();
    auto b = store_.member_balances(m->id);
    if (!b) return b.error();
    if (req.amount > b->owed)
        return make_error(ErrorCode::Invalid, tr("Pembayaran {} melebihi utang {} ({}).", format_rupiah(req.amount), m->name,
                                                 format_rupiah(b->owed)));
    Posting p;
    p.kind = "credit.repayment";
    std::string at = now_utc();
    ReceivableEntry r;
    r.member_id = m->id;
    r.member_number = m->number;
    r.amount = -req.amount;
    r.note = req.note;
    r.at = at;
    r.user_id = req.user.id;
    if (req.method == PaymentMethod::Cash) {
        r.kind = ReceivableEntryKind::Repayment;
        auto shift = store_.current_shift(settings_.device);
        if (!shift) return shift.error();
        if (!*shift) return make_error(ErrorCode::Conflict, tr("Belum ada shift terbuka. Buka shift dulu untuk menerima uang."));
        p.cash_moves.push_back({(*shift)->id, req.amount, "repayment", m->number, at});
    } else if (req.method == PaymentMethod::Savings) {
        if (req.amount > b->sukarela)
            return make_error(ErrorCode::Insufficient, tr("Simpanan sukarela {} tidak cukup: saldo {}.", m->name, format_rupiah(b->sukarela)));
        r.kind = ReceivableEntryKind::SavingsRepayment;
        SavingsEntry e;
        e.member_id = m->id;
        e.member_number = m->number;
        e.type = SavingsType::Sukarela;
        e.kind = SavingsEntryKind::Repayment;
        e.amount = -req.amount;
        e.at = at;
        e.user_id = req.user.id;
        p.savings.push_back(e);
    } else {
        return make_error(ErrorCode::Invalid, tr("Pelunasan hanya bisa tunai atau dari simpanan sukarela."));
    }
    p.receivables.push_back(r);
    p.events.push_back(make_event(p.kind, posting_payload_text(p)));
    return store_.commit(std::move(p));
}

Status Shop::open_drawer(const User& actor, const std::optional<User>& approver) {
    if (auto st = authorize(actor, Permission::OpenDrawer, approver); !st) return st;
    return audit(actor, approver, to_string(Permission::OpenDrawer), "", "");
}

}  // namespace waserda::core
