// App intents of the manager's stock screens (pos/ui/screens/stock_*.cpp): they reach
// core::ManagerService through the BackOffice; a Denied from core asks for a manager's PIN.
#include "drivers/escpos/profile.hpp"
#include "drivers/receipt/labels.hpp"
#include "drivers/virtual/virtual_printer.hpp"
#include "pos/core/i18n.hpp"
#include "pos/ui/app.hpp"

#include <filesystem>

namespace waserda::ui {

using core::tr;

core::ManagerService* App::manager() { return services_.office ? &services_.office->manager() : nullptr; }

std::optional<core::ScanHit> App::stock_lookup(const std::string& code) {
    // The store's own lookup first (inactive items still sit on shelves), then the till's rules
    // (scale labels with a weight).
    auto found = shop_.store().item_by_code(code);
    if (!found) {
        show_error(found.error());
        return std::nullopt;
    }
    if (*found) return **found;
    auto hit = shop_.lookup(code);
    if (!hit) {
        show_error(hit.error());
        return std::nullopt;
    }
    return *hit;
}

void App::stock_receive(const core::ReceiveRequest& req, bool to_supplier,
                        std::function<void(const core::GoodsReceipt&)> done) {
    core::ManagerService* m = manager();
    if (!m || !state_.user) return;
    guarded(core::Permission::ManageStock, [this, m, req, to_supplier, done](const std::optional<core::User>& approver) {
        core::ReceiveRequest r = req;
        r.user = *state_.user;
        r.approver = approver;
        auto doc = to_supplier ? m->return_to_supplier(r) : m->receive(r);
        if (!doc) return core::Status(doc.error());
        clear_banner();
        if (done) done(*doc);
        return core::ok_status();
    });
}

void App::stock_adjust(const core::AdjustRequest& req, std::function<void()> done) {
    core::ManagerService* m = manager();
    if (!m || !state_.user) return;
    guarded(core::Permission::ManageStock, [this, m, req, done](const std::optional<core::User>& approver) {
        core::AdjustRequest r = req;
        r.user = *state_.user;
        r.approver = approver;
        auto p = m->adjust(r);
        if (!p) return core::Status(p.error());
        clear_banner();
        if (done) done();
        return core::ok_status();
    });
}

void App::stock_post_opname(const std::string& session, std::function<void(const core::OpnameSession&)> done) {
    core::ManagerService* m = manager();
    if (!m || !state_.user) return;
    // Posting changes the books of every counted item: a manager confirms with a PIN even when a
    // manager is the one logged in. Core checks again that the approver may manage stock.
    PendingApproval a;
    a.permission = core::Permission::ManageStock;
    a.why = tr("Posting selisih opname {} mengubah stok. Manajer memasukkan PIN untuk menyetujui.", session);
    a.retry = [this, m, session, done](const core::User& approver) -> core::Status {
        auto posted = m->post_opname(session, *state_.user, approver);
        if (!posted) return posted.error();
        if (done) done(*posted);
        return core::ok_status();
    };
    state_.approval = std::move(a);
    approval_pin_.clear();
}

bool App::apply_due_prices_daily() {
    core::ManagerService* m = manager();
    if (!m) return false;
    std::string today = shop_.today_local();
    if (today == prices_checked_on_) return false;
    auto applied = m->apply_due_prices();
    if (!applied) {
        // Tried again at the next poll; the till keeps selling at the old prices meanwhile.
        show_error(tr("Perubahan harga hari ini belum bisa diterapkan: {}", applied.error().message));
        return true;
    }
    prices_checked_on_ = today;
    return !applied->empty();
}

bool App::stock_label_sheet(const std::vector<core::ShelfLabel>& labels, const std::string& base) {
    auto folders = export_folders();
    if (folders.empty()) return false;
    const std::string& dir = folders.front();
    // The paper of this till's printer: 48 columns or more is 80 mm.
    const int paper = receipt_columns() >= 48 ? 80 : 58;
    drivers::PrinterProfile profile = drivers::generic_profile(paper);
    std::vector<uint8_t> bytes = drivers::shelf_label_bytes(labels, profile);
    if (export_text(dir, base + ".csv", core::labels_to_csv(labels)).empty()) return false;
    if (export_text(dir, base + ".bin", std::string(bytes.begin(), bytes.end())).empty()) return false;
    drivers::VirtualPrinter vp({profile.dots, options_.assets_dir + "/fonts"});
    vp.feed(bytes);
    vp.finish();
    const std::string png = (std::filesystem::path(dir) / (base + ".png")).string();
    if (auto st = vp.write_png(png); !st) {
        show_error(st.error());
        return false;
    }
    show_info(tr("{} label rak di {}: {}.bin untuk printer struk, {}.png untuk dilihat, {}.csv.", labels.size(), dir, base,
                 base, base),
              true);
    return true;
}

std::optional<uint64_t> App::stock_print_labels(const std::vector<core::ShelfLabel>& labels) {
    if (!services_.printer) {
        show_error(tr("Tidak ada printer struk. Pasang printer lalu cetak lagi."));
        return std::nullopt;
    }
    auto id = services_.printer->print_labels("label-rak", labels);
    if (!id) {
        show_error(tr("Label rak tidak bisa dicetak: {}", id.error().message));
        return std::nullopt;
    }
    show_info(tr("{} label rak dikirim ke printer.", labels.size()));
    return *id;
}

std::optional<PrintJobView> App::print_job(uint64_t id) const {
    return services_.printer ? services_.printer->job(id) : std::nullopt;
}

size_t App::retry_failed_prints() {
    size_t n = services_.printer ? services_.printer->retry_failed() : 0;
    if (n == 0) show_info(tr("Tidak ada cetakan yang gagal."));
    else show_info(tr("{} cetakan dikirim lagi ke printer.", n));
    return n;
}

}  // namespace waserda::ui
