// The App's intents for the manager's member screens: printing plain lines (member receipts,
// statements, settlements) through the receipt printer's queue, the savings/credit acts that print
// a receipt, a member leaving, and writing exports into a folder.
#include "pos/core/i18n.hpp"
#include "pos/store/sqlite_store.hpp"
#include "pos/store/xlsx_export.hpp"
#include "pos/ui/app.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace waserda::ui {

using core::tr;

namespace fs = std::filesystem;

// [SECTION] Printing

bool App::print_text(const std::string& label, const std::string& text) {
    if (!services_.printer) {
        show_error(tr("Tidak ada printer struk. Pasang printer lalu cetak lagi."));
        return false;
    }
    if (auto st = services_.printer->print_text(label, text); !st) {
        show_error(tr("Gagal mencetak: {}", st.error().message));
        return false;
    }
    return true;
}

int App::receipt_columns() const { return services_.printer ? services_.printer->columns() : 42; }

bool App::print_member_receipt(const core::Posting& posting) {
    if (!office() || !state_.user) return false;
    auto r = office()->members().receipt(posting, *state_.user);
    if (!r) {
        show_error(r.error());
        return false;
    }
    std::string label = posting.kind;
    std::replace(label.begin(), label.end(), '.', '-');
    return print_text(label + "-" + r->member_number, core::receipt_text(*r, receipt_columns()));
}

// [SECTION] Savings, repayments, leaving

bool App::member_savings(bool withdraw, const std::string& number, core::SavingsType type, core::Money amount,
                         bool through_drawer) {
    if (!state_.user) return false;
    const int64_t before = committed_;
    guarded(withdraw ? core::Permission::SavingsWithdraw : core::Permission::SavingsDeposit,
            [this, withdraw, number, type, amount, through_drawer](const std::optional<core::User>& approver) {
                core::SavingsRequest req{number, type, amount, through_drawer, *state_.user, approver, tr("di layar anggota")};
                auto p = withdraw ? shop_.savings_withdraw(req) : shop_.savings_deposit(req);
                if (!p) return core::Status(p.error());
                ++committed_;
                refresh_shift();
                bool printed = print_member_receipt(*p);
                if (printed)
                    show_info(withdraw ? tr("Penarikan {} tersimpan; struk dicetak.", core::format_rupiah(amount))
                                       : tr("Setoran {} tersimpan; struk dicetak.", core::format_rupiah(amount)),
                              true);
                return core::ok_status();
            });
    return committed_ != before;
}

bool App::member_repay(const std::string& number, core::Money amount, core::PaymentMethod method) {
    if (!state_.user) return false;
    core::RepaymentRequest req;
    req.member_number = number;
    req.amount = amount;
    req.method = method;
    req.user = *state_.user;
    req.note = tr("di layar anggota");
    auto p = shop_.repay_credit(req);
    if (!p) {
        show_error(p.error());
        return false;
    }
    ++committed_;
    if (print_member_receipt(*p)) show_info(tr("Pembayaran kredit {} tersimpan; struk dicetak.", core::format_rupiah(amount)), true);
    return true;
}

bool App::member_leave(const std::string& number, const std::string& pin, bool through_drawer) {
    if (!state_.user || !office()) return false;
    auto approver = shop_.approve(core::Permission::ManageMembers, pin);
    if (!approver) {
        show_error(tr("PIN salah atau tidak berwenang mengeluarkan anggota."));
        return false;
    }
    core::LeaveRequest req;
    req.member_number = number;
    req.user = *state_.user;
    req.approver = *approver;
    req.through_drawer = through_drawer;
    req.note = tr("dikonfirmasi {}", approver->name);
    auto r = office()->members().leave(req);
    if (!r) {
        show_error(r.error());
        return false;
    }
    ++committed_;
    refresh_shift();
    const auto& s = shop_.settings();
    bool printed = print_text("keluar-" + number,
                              core::leaving_text(r->settlement, s.shop_name, shop_.today_local(), receipt_columns()));
    if (printed)
        show_info(tr("{} keluar dari koperasi; dibayar {}. Bukti dicetak.", r->settlement.member.name,
                     core::format_rupiah(r->settlement.payout)),
                  true);
    return true;
}

// [SECTION] Exports

std::vector<std::string> App::export_folders() const {
    std::vector<std::string> out;
    fs::path base = fs::current_path();
    if (auto* sq = dynamic_cast<store::SqliteStore*>(&shop_.store())) {
        fs::path db = sq->db().path();
        if (db.has_parent_path()) base = db.parent_path();
    }
    out.push_back((base / "ekspor").string());
    // A USB stick: <root>/<user>/<label> (udisks) or <root>/<label>, for each of AppOptions::usb_roots.
    std::error_code ec;
    for (auto& root : options_.usb_roots) {
        for (auto& e : fs::directory_iterator(root, ec)) {
            if (!e.is_directory(ec)) continue;
            bool nested = false;
            for (auto& f : fs::directory_iterator(e.path(), ec)) {
                if (f.is_directory(ec)) {
                    out.push_back((f.path() / "ekspor").string());
                    nested = true;
                }
            }
            if (!nested) out.push_back((e.path() / "ekspor").string());
        }
    }
    return out;
}

namespace {
bool make_dir(const std::string& dir) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    return fs::is_directory(dir, ec);
}
}  // namespace

std::string App::export_text(const std::string& dir, const std::string& name, const std::string& content) {
    std::string path = (fs::path(dir) / name).string();
    if (!make_dir(dir)) {
        show_error(tr("Folder {} tidak bisa dibuat. Pilih folder lain.", dir));
        return {};
    }
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << content;
    out.close();
    if (!out) {
        show_error(tr("File {} tidak bisa ditulis. Periksa ruang disk atau flashdisk.", path));
        return {};
    }
    return path;
}

std::string App::export_xlsx(const std::string& dir, const std::string& name, const std::vector<core::ReportTable>& tables) {
    std::string path = (fs::path(dir) / name).string();
    if (!make_dir(dir)) {
        show_error(tr("Folder {} tidak bisa dibuat. Pilih folder lain.", dir));
        return {};
    }
    if (auto st = store::write_xlsx(path, tables); !st) {
        show_error(st.error());
        return {};
    }
    return path;
}

std::string App::export_payroll_xlsx(const std::string& dir, const std::string& name, const core::PayrollList& list) {
    std::string path = (fs::path(dir) / name).string();
    if (!make_dir(dir)) {
        show_error(tr("Folder {} tidak bisa dibuat. Pilih folder lain.", dir));
        return {};
    }
    if (auto st = store::write_payroll_xlsx(path, list, shop_.settings().shop_name); !st) {
        show_error(st.error());
        return {};
    }
    return path;
}

}  // namespace waserda::ui
