// A member's ledgers as people read them.
//
// [SECTION] Text helpers
// [SECTION] Arrears
// [SECTION] Statement
// [SECTION] Leaving
// [SECTION] Receipts
#include "pos/core/member_ledger.hpp"

#include "pos/core/csv.hpp"
#include "pos/core/i18n.hpp"

#include <algorithm>
#include <charconv>

namespace waserda::core {

// [SECTION] Text helpers

namespace {

// Display width of UTF-8 text: count code points, not bytes.
size_t text_width(const std::string& s) {
    size_t n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}

std::string cut(const std::string& s, size_t width) {
    if (text_width(s) <= width) return s;
    std::string out;
    size_t n = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if ((c & 0xC0) != 0x80) {
            if (n == width) break;
            ++n;
        }
        out.push_back(s[i]);
    }
    return out;
}

// "label ........ amount" on one line of `width`.
std::string row(const std::string& label, const std::string& value, int width) {
    size_t w = static_cast<size_t>(width);
    size_t vw = text_width(value);
    std::string l = cut(label, vw + 1 < w ? w - vw - 1 : 0);
    size_t pad = w > text_width(l) + vw ? w - text_width(l) - vw : 1;
    return l + std::string(pad, ' ') + value + "\n";
}

std::string center(const std::string& s, int width) {
    std::string c = cut(s, static_cast<size_t>(width));
    size_t pad = (static_cast<size_t>(width) - text_width(c)) / 2;
    return std::string(pad, ' ') + c + "\n";
}

std::string rule(int width) { return std::string(static_cast<size_t>(width), '-') + "\n"; }

// 2026-11-22 -> 22/11/2026
std::string dmy(const std::string& ymd) {
    if (ymd.size() != 10) return ymd;
    return ymd.substr(8, 2) + "/" + ymd.substr(5, 2) + "/" + ymd.substr(0, 4);
}

Money& balance_of(MemberBalances& b, SavingsType t) {
    switch (t) {
        case SavingsType::Pokok: return b.pokok;
        case SavingsType::Wajib: return b.wajib;
        case SavingsType::Sukarela: return b.sukarela;
    }
    return b.sukarela;
}

std::string balances_block(const MemberBalances& b, int width) {
    std::string out;
    out += row(" " + tr("Simpanan pokok"), format_amount(b.pokok), width);
    out += row(" " + tr("Simpanan wajib"), format_amount(b.wajib), width);
    out += row(" " + tr("Simpanan sukarela"), format_amount(b.sukarela), width);
    out += row(" " + tr("Sisa utang"), format_amount(b.owed), width);
    return out;
}

}  // namespace

std::string describe(SavingsType t) {
    switch (t) {
        case SavingsType::Pokok: return tr("pokok");
        case SavingsType::Wajib: return tr("wajib");
        case SavingsType::Sukarela: return tr("sukarela");
    }
    return {};
}

std::string describe(SavingsEntryKind k) {
    switch (k) {
        case SavingsEntryKind::Deposit: return tr("Setoran");
        case SavingsEntryKind::Withdrawal: return tr("Penarikan");
        case SavingsEntryKind::Purchase: return tr("Belanja dari simpanan");
        case SavingsEntryKind::Refund: return tr("Retur ke simpanan");
        case SavingsEntryKind::Repayment: return tr("Pelunasan kredit dari simpanan");
        case SavingsEntryKind::Shu: return tr("SHU");
        case SavingsEntryKind::Settlement: return tr("Pengembalian saat keluar");
    }
    return {};
}

std::string describe(ReceivableEntryKind k) {
    switch (k) {
        case ReceivableEntryKind::CreditSale: return tr("Belanja kredit");
        case ReceivableEntryKind::Repayment: return tr("Pelunasan tunai");
        case ReceivableEntryKind::SavingsRepayment: return tr("Pelunasan dari sukarela");
        case ReceivableEntryKind::PayrollDeduction: return tr("Potong gaji");
        case ReceivableEntryKind::Refund: return tr("Retur belanja kredit");
        case ReceivableEntryKind::Settlement: return tr("Dipotong dari simpanan saat keluar");
        case ReceivableEntryKind::Adjustment: return tr("Koreksi");
    }
    return {};
}

// [SECTION] Arrears

ArrearsStatus arrears_of(const std::vector<ReceivableEntry>& entries, const std::string& cutoff_utc) {
    ArrearsStatus a;
    Money recent_credit, paid;
    std::vector<const ReceivableEntry*> credits;
    for (auto& e : entries) {
        a.owed += e.amount;
        if (e.amount.rupiah() > 0) {
            credits.push_back(&e);
            if (e.at >= cutoff_utc) recent_credit += e.amount;
        } else {
            paid -= e.amount;
        }
    }
    Money overdue = a.owed - recent_credit;
    a.overdue = overdue.is_negative() ? Money{} : overdue;
    std::stable_sort(credits.begin(), credits.end(), [](auto* x, auto* y) { return x->at < y->at; });
    Money covered;
    for (auto* c : credits) {
        covered += c->amount;
        if (covered > paid) {
            a.oldest_unpaid_at = c->at;
            break;
        }
    }
    return a;
}

std::string arrears_cutoff(TimePoint now, int days) { return iso_utc(now - std::chrono::hours(24) * days); }

Result<ArrearsStatus> member_arrears(ShopStore& store, MemberId id, TimePoint now, int days) {
    auto entries = store.receivable_entries(id);
    if (!entries) return entries.error();
    return arrears_of(*entries, arrears_cutoff(now, days));
}

std::string arrears_message(const Member& m, const ArrearsStatus& a, int utc_offset_minutes) {
    return tr("{} ({}) menunggak {} sejak {}; kredit ditahan sampai tunggakan dilunasi.", m.name, m.number,
              format_rupiah(a.overdue), dmy(local_date_of(a.oldest_unpaid_at, utc_offset_minutes)));
}

// [SECTION] Statement

MemberStatement build_statement(const Member& m, const std::vector<SavingsEntry>& savings,
                                const std::vector<ReceivableEntry>& receivables, const std::vector<MemberSaleSummary>& sales,
                                const std::string& from, const std::string& to, int utc_offset_minutes) {
    MemberStatement s;
    s.member = m;
    s.from = from;
    s.to = to;
    for (auto& e : savings) {
        std::string d = local_date_of(e.at, utc_offset_minutes);
        if (d > to) continue;
        if (d < from) {
            balance_of(s.opening, e.type) += e.amount;
            continue;
        }
        std::string what = describe(e.kind) + " " + describe(e.type);
        s.lines.push_back({e.at, d, StatementLineKind::Savings, what, e.ref.empty() ? e.note : e.ref, e.amount, e.type});
        int t = static_cast<int>(e.type);
        if (e.amount.rupiah() > 0) s.deposits[t] += e.amount;
        else s.withdrawals[t] -= e.amount;
    }
    for (auto& e : receivables) {
        std::string d = local_date_of(e.at, utc_offset_minutes);
        if (d > to) continue;
        if (d < from) {
            s.opening.owed += e.amount;
            continue;
        }
        s.lines.push_back({e.at, d, StatementLineKind::Receivable, describe(e.kind), e.ref.empty() ? e.note : e.ref, e.amount, {}});
        if (e.kind == ReceivableEntryKind::CreditSale) s.credit_taken += e.amount;
        else if (e.kind == ReceivableEntryKind::Repayment || e.kind == ReceivableEntryKind::SavingsRepayment ||
                 e.kind == ReceivableEntryKind::PayrollDeduction || e.kind == ReceivableEntryKind::Settlement)
            s.repaid -= e.amount;
    }
    for (auto& sale : sales) {
        if (sale.local_date < from || sale.local_date > to) continue;
        s.lines.push_back({sale.at, sale.local_date, StatementLineKind::Purchase,
                           sale.is_return ? tr("Retur belanja") : tr("Belanja"), sale.number, sale.total, {}});
        s.purchases += sale.total;
        s.purchases_on_credit += sale.on_credit;
    }
    // Purchases first on the same moment: the sale comes before the ledger entries it caused.
    std::stable_sort(s.lines.begin(), s.lines.end(), [](const StatementLine& a, const StatementLine& b) {
        if (a.at != b.at) return a.at < b.at;
        return (a.kind == StatementLineKind::Purchase) > (b.kind == StatementLineKind::Purchase);
    });
    s.closing = s.opening;
    for (auto& l : s.lines) {
        if (l.kind == StatementLineKind::Savings) balance_of(s.closing, *l.savings_type) += l.amount;
        else if (l.kind == StatementLineKind::Receivable) s.closing.owed += l.amount;
    }
    return s;
}

std::string statement_text(const MemberStatement& s, const std::string& shop_name, int width) {
    std::string out;
    out += center(shop_name, width);
    out += center(tr("REKENING ANGGOTA"), width);
    out += rule(width);
    out += cut(s.member.number + " " + s.member.name, static_cast<size_t>(width)) + "\n";
    out += cut(dmy(s.from) + " - " + dmy(s.to), static_cast<size_t>(width)) + "\n";
    out += rule(width);
    out += tr("Saldo awal") + "\n";
    out += balances_block(s.opening, width);
    out += rule(width);
    for (auto& l : s.lines) {
        std::string amount = l.amount.is_negative() ? "-" + format_amount(-l.amount) : format_amount(l.amount);
        out += row(dmy(l.local_date).substr(0, 5) + " " + l.what, amount, width);
        if (!l.ref.empty()) out += cut("      " + l.ref, static_cast<size_t>(width)) + "\n";
    }
    if (s.lines.empty()) out += tr("Tidak ada transaksi pada periode ini.") + "\n";
    out += rule(width);
    out += row(tr("Belanja"), format_amount(s.purchases), width);
    out += row(" " + tr("dengan kredit"), format_amount(s.purchases_on_credit), width);
    out += row(tr("Kredit baru"), format_amount(s.credit_taken), width);
    out += row(tr("Pelunasan"), format_amount(s.repaid), width);
    out += rule(width);
    out += tr("Saldo akhir") + "\n";
    out += balances_block(s.closing, width);
    return out;
}

std::string statement_csv(const MemberStatement& s) {
    std::vector<std::vector<std::string>> rows;
    auto push = [&](const std::string& date, const std::string& kind, const std::string& what, const std::string& ref,
                    const std::string& amount, const MemberBalances& b) {
        rows.push_back({date, kind, what, ref, amount, std::to_string(b.pokok.rupiah()), std::to_string(b.wajib.rupiah()),
                        std::to_string(b.sukarela.rupiah()), std::to_string(b.owed.rupiah())});
    };
    MemberBalances running = s.opening;
    push(s.from, "opening", tr("Saldo awal"), "", "", running);
    for (auto& l : s.lines) {
        const char* kind = "purchase";
        if (l.kind == StatementLineKind::Savings) {
            balance_of(running, *l.savings_type) += l.amount;
            kind = "savings";
        } else if (l.kind == StatementLineKind::Receivable) {
            running.owed += l.amount;
            kind = "credit";
        }
        push(l.local_date, kind, l.what, l.ref, std::to_string(l.amount.rupiah()), running);
    }
    push(s.to, "closing", tr("Saldo akhir"), "", "", running);
    return write_csv({"date", "kind", "what", "ref", "amount", "pokok", "wajib", "sukarela", "owed"}, rows);
}

// [SECTION] Leaving

LeavingSettlement plan_leaving(const Member& m, const MemberBalances& b) {
    LeavingSettlement s;
    s.member = m;
    s.balances = b;
    s.savings_total = b.total_savings();
    Money debt = b.owed.is_negative() ? Money{} : b.owed;
    Money savings = s.savings_total.is_negative() ? Money{} : s.savings_total;
    s.debt_offset = std::min(debt, savings);
    s.payout = s.savings_total - s.debt_offset;
    s.debt_left = debt - s.debt_offset;
    return s;
}

std::string leaving_text(const LeavingSettlement& s, const std::string& shop_name, const std::string& local_date, int width) {
    std::string out;
    out += center(shop_name, width);
    out += center(tr("PENYELESAIAN ANGGOTA KELUAR"), width);
    out += rule(width);
    out += cut(s.member.number + " " + s.member.name, static_cast<size_t>(width)) + "\n";
    out += cut(tr("Tanggal keluar") + " " + dmy(local_date), static_cast<size_t>(width)) + "\n";
    out += rule(width);
    out += row(tr("Simpanan pokok"), format_amount(s.balances.pokok), width);
    out += row(tr("Simpanan wajib"), format_amount(s.balances.wajib), width);
    out += row(tr("Simpanan sukarela"), format_amount(s.balances.sukarela), width);
    out += row(tr("Jumlah simpanan"), format_amount(s.savings_total), width);
    out += row(tr("Dipotong utang"), "-" + format_amount(s.debt_offset), width);
    out += rule(width);
    out += row(tr("DIBAYARKAN"), format_amount(s.payout), width);
    if (s.debt_left.rupiah() > 0) out += row(tr("Sisa utang"), format_amount(s.debt_left), width);
    out += "\n\n" + row(tr("Anggota"), tr("Pengurus"), width);
    out += "\n\n" + row("(" + std::string(12, '.') + ")", "(" + std::string(12, '.') + ")", width);
    return out;
}

// [SECTION] Receipts

MemberReceipt member_receipt(const Posting& p, const Member& m, const MemberBalances& after, const std::string& shop_name,
                             const std::string& device, const std::string& user_name, const std::string& at_local) {
    MemberReceipt r;
    r.shop_name = shop_name;
    r.device = device;
    r.user_name = user_name;
    r.at_local = at_local;
    r.member_number = m.number;
    r.member_name = m.name;
    r.balances_after = after;
    Money savings_sum, receivable_sum;
    for (auto& e : p.savings) {
        if (e.member_number != m.number && e.member_id != m.id) continue;
        r.lines.push_back({describe(e.kind) + " " + describe(e.type), e.amount.is_negative() ? -e.amount : e.amount});
        savings_sum += e.amount;
    }
    for (auto& e : p.receivables) {
        if (e.member_number != m.number && e.member_id != m.id) continue;
        r.lines.push_back({describe(e.kind), e.amount.is_negative() ? -e.amount : e.amount});
        receivable_sum += e.amount;
    }
    if (p.kind == "savings.deposit") {
        r.title = tr("SETORAN SIMPANAN");
        r.total = savings_sum;
    } else if (p.kind == "savings.withdraw") {
        r.title = tr("PENARIKAN SIMPANAN");
        r.total = -savings_sum;
    } else if (p.kind == "credit.repayment" || p.kind == "payroll.settlement") {
        r.title = tr("PELUNASAN KREDIT");
        r.total = -receivable_sum;
    } else if (p.kind == "member.leave") {
        r.title = tr("PENYELESAIAN ANGGOTA KELUAR");
        r.total = -savings_sum + receivable_sum;
    } else if (p.kind == "shu.credit") {
        r.title = tr("SHU KE SIMPANAN SUKARELA");
        r.total = savings_sum;
    } else {
        r.title = p.kind;
        r.total = savings_sum + receivable_sum;
    }
    return r;
}

std::string receipt_text(const MemberReceipt& r, int width) {
    std::string out;
    out += center(r.shop_name, width);
    out += center(r.title, width);
    out += rule(width);
    out += row(r.at_local, r.device + " " + r.user_name, width);
    out += cut(r.member_number + " " + r.member_name, static_cast<size_t>(width)) + "\n";
    out += rule(width);
    for (auto& l : r.lines) out += row(l.label, format_amount(l.amount), width);
    out += rule(width);
    out += row(tr("JUMLAH"), format_amount(r.total), width);
    out += rule(width);
    out += tr("Saldo setelah transaksi") + "\n";
    out += balances_block(r.balances_after, width);
    if (!r.footer.empty()) out += center(r.footer, width);
    return out;
}

}  // namespace waserda::core
