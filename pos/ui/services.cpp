#include "pos/ui/services.hpp"

#include "pos/core/i18n.hpp"
#include "pos/core/inventory.hpp"
#include "pos/core/money.hpp"

#include <fmt/format.h>

#include <atomic>
#include <filesystem>
#include <fstream>

namespace waserda::ui {

using core::tr;

namespace {

std::string pad_line(const std::string& left, const std::string& right, size_t width = 42) {
    size_t used = left.size() + right.size();
    return left + std::string(used < width ? width - used : 1, ' ') + right;
}

// A plain-text receipt, 42 columns like an 80 mm roll; the stand-in until the ESC/POS receipt
// layout is plugged in.
std::string receipt_text(const core::Sale& sale, const core::ShopSettings& shop, bool copy) {
    std::string out;
    out += shop.shop_name + "\n";
    if (!shop.address.empty()) out += shop.address + "\n";
    if (copy) out += tr("SALINAN") + "\n";
    if (sale.kind == core::SaleKind::Return) out += tr("RETUR atas {}", sale.original_number) + "\n";
    out += pad_line(sale.number, sale.user_name) + "\n";
    if (!sale.member_name.empty()) out += tr("Anggota: {} ({})", sale.member_name, sale.member_number) + "\n";
    out += std::string(42, '-') + "\n";
    for (auto& l : sale.lines) {
        out += l.name + "\n";
        out += pad_line(fmt::format("  {} x {}", l.qty, core::format_amount(l.unit_price)), core::format_amount(l.total)) + "\n";
    }
    out += std::string(42, '-') + "\n";
    out += pad_line(tr("TOTAL"), core::format_amount(sale.total)) + "\n";
    for (auto& p : sale.payments) out += pad_line(core::describe(p.method), core::format_amount(p.amount)) + "\n";
    if (!sale.change.is_zero()) out += pad_line(tr("Kembalian"), core::format_amount(sale.change)) + "\n";
    if (sale.member_available_credit) out += pad_line(tr("Sisa kredit"), core::format_amount(*sale.member_available_credit)) + "\n";
    if (sale.member_sukarela) out += pad_line(tr("Saldo sukarela"), core::format_amount(*sale.member_sukarela)) + "\n";
    out += shop.receipt_footer + "\n";
    return out;
}

}  // namespace

std::string shift_report_text(const ShiftReport& r, const core::ShopSettings& shop) {
    std::string out = shop.shop_name + "\n";
    out += (r.z ? tr("LAPORAN Z (TUTUP SHIFT)") : tr("LAPORAN X")) + "\n";
    out += tr("Shift #{} - {}", r.shift.id, r.shift.user_name) + "\n";
    out += std::string(42, '-') + "\n";
    out += pad_line(tr("Jumlah penjualan"), fmt::format("{}", r.figures.sales_count)) + "\n";
    out += pad_line(tr("Penjualan"), core::format_amount(r.figures.gross_sales)) + "\n";
    out += pad_line(tr("Retur"), core::format_amount(r.figures.returns)) + "\n";
    for (auto& [m, amount] : r.figures.by_method) out += pad_line(core::describe(m), core::format_amount(amount)) + "\n";
    out += pad_line(tr("Modal awal"), core::format_amount(r.figures.opening_float)) + "\n";
    out += pad_line(tr("Kas seharusnya"), core::format_amount(r.figures.expected_cash())) + "\n";
    if (r.shift.counted_cash) {
        out += pad_line(tr("Kas dihitung"), core::format_amount(*r.shift.counted_cash)) + "\n";
        out += pad_line(tr("Selisih"), core::format_amount(*r.shift.counted_cash - r.figures.expected_cash())) + "\n";
    }
    return out;
}

namespace {

class FolderPrinter final : public ReceiptPrinter {
public:
    explicit FolderPrinter(std::string dir) : dir_(std::move(dir)) {
        std::error_code ec;
        std::filesystem::create_directories(dir_, ec);
        ok_ = !ec;
    }

    core::Status print_sale(const core::Sale& sale, const core::ShopSettings& shop, bool copy) override {
        return write(sale.number + (copy ? fmt::format("-copy{}", ++copies_) : std::string()) + ".txt",
                     receipt_text(sale, shop, copy));
    }
    core::Status print_shift(const ShiftReport& report, const core::ShopSettings& shop) override {
        return write(fmt::format("shift-{}-{}-{}.txt", report.shift.id, report.z ? "Z" : "X", ++reports_),
                     shift_report_text(report, shop));
    }
    core::Status print_text(const std::string& label, const std::string& text) override {
        return write(fmt::format("{}-{}.txt", label, ++texts_), text);
    }
    // Bytes as they are (<title>-N.bin); labels as plain lines (<title>-N.txt). Written at once: printed.
    core::Result<uint64_t> print_raw(const std::string& title, std::vector<uint8_t> bytes) override {
        std::string name = fmt::format("{}-{}.bin", title, ++raws_);
        std::ofstream out(dir_ + "/" + name, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(bytes.data()), std::streamsize(bytes.size()));
        if (!out) return core::make_error(core::ErrorCode::Device, tr("Struk tidak bisa disimpan ke folder {}. Periksa ruang disk.", dir_));
        return remember(name);
    }
    core::Result<uint64_t> print_labels(const std::string& title, const std::vector<core::ShelfLabel>& labels) override {
        std::string text;
        for (auto& l : labels)
            text += l.name + "\n" + core::format_rupiah(l.price) + "\n" + (l.barcode.empty() ? l.sku : l.barcode) + "\n--\n";
        std::string name = fmt::format("{}-{}.txt", title, ++raws_);
        if (auto st = write(name, text); !st) return st.error();
        return remember(name);
    }
    std::optional<PrintJobView> job(uint64_t id) const override {
        if (id == 0 || id > jobs_.size()) return std::nullopt;
        return PrintJobView{id, jobs_[id - 1], PrintJobState::Printed, {}};
    }
    core::Status kick_drawer() override {
        ++drawer_kicks_;
        return write("drawer.log", fmt::format("kick {}\n", drawer_kicks_.load()), true);
    }
    DeviceStatus status() const override {
        if (!ok_) return {DeviceState::Problem, tr("Folder printer tidak bisa ditulis")};
        return {DeviceState::Ready, tr("Printer virtual siap")};
    }

private:
    uint64_t remember(const std::string& name) {
        jobs_.push_back(name);
        return jobs_.size();
    }
    core::Status write(const std::string& name, const std::string& text, bool append = false) {
        std::ofstream out(dir_ + "/" + name, append ? std::ios::app : std::ios::trunc);
        out << text;
        if (!out) {
            ok_ = false;
            return core::make_error(core::ErrorCode::Device,
                                    tr("Struk tidak bisa disimpan ke folder {}. Periksa ruang disk.", dir_));
        }
        ok_ = true;
        return core::ok_status();
    }

    std::string dir_;
    bool ok_ = true;
    int copies_ = 0;
    int reports_ = 0;
    int texts_ = 0;
    int raws_ = 0;
    std::vector<std::string> jobs_;   // print_raw / print_labels, by id - 1
    std::atomic<int> drawer_kicks_{0};
};

}  // namespace

std::unique_ptr<ReceiptPrinter> make_folder_printer(const std::string& dir) {
    return std::make_unique<FolderPrinter>(dir);
}

}  // namespace waserda::ui
