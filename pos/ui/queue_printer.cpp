// The receipt printer through the drivers: receipt layout -> ESC/POS -> PrintQueue -> transport.
// The queue's worker thread does the printing; the UI only enqueues and reads its status.
#include "drivers/escpos/encoder.hpp"
#include "drivers/escpos/image.hpp"
#include "drivers/escpos/profile.hpp"
#include "drivers/queue/print_queue.hpp"
#include "drivers/receipt/labels.hpp"
#include "drivers/receipt/receipt.hpp"
#include "drivers/transport/file_transport.hpp"
#include "drivers/transport/net_transport.hpp"
#include "drivers/usb/usb_printer.hpp"
#include "drivers/virtual/virtual_printer.hpp"
#include "pos/core/i18n.hpp"
#include "pos/core/inventory.hpp"
#include "pos/ui/services.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <optional>
#include <sstream>
#include <utility>

namespace waserda::ui {

std::string shift_report_text(const ShiftReport& r, const core::ShopSettings& shop);   // services.cpp
std::shared_ptr<drivers::usb::UsbContext> shared_usb_context(std::string& error);      // scanner_source.cpp

namespace {

using core::tr;

// The virtual printer as a transport: each job becomes <label>.bin, .png and .txt in a folder.
// The queue's worker names the job it is about to print (QueuePrinter's observer sees it go to
// Printing just before the write), so a job that failed and is retried keeps its name.
// Every job printed adds its label to `printed.log`, in the order they came out of the printer.
// A file named `kertas-habis` in the folder makes it answer "paper out" (tests, demonstrations).
class VirtualFolderTransport final : public drivers::PrinterTransport {
public:
    VirtualFolderTransport(std::string dir, int dots) : dir_(std::move(dir)), dots_(dots) {
        std::error_code ec;
        std::filesystem::create_directories(dir_, ec);
    }

    // The label of the job the worker prints next (called on the worker thread).
    void printing(std::string label) {
        std::lock_guard lock(mu_);
        label_ = std::move(label);
    }

    core::Status write(std::span<const uint8_t> bytes) override {
        std::string label;
        {
            std::lock_guard lock(mu_);
            label = std::exchange(label_, std::string());
        }
        if (label.empty()) label = fmt::format("job-{}", ++unnamed_);
        std::string base = dir_ + "/" + label;
        std::ofstream bin(base + ".bin", std::ios::binary | std::ios::trunc);
        bin.write(reinterpret_cast<const char*>(bytes.data()), std::streamsize(bytes.size()));
        if (!bin) return core::make_error(core::ErrorCode::Device, tr("Struk tidak bisa disimpan ke folder {}. Periksa ruang disk.", dir_));
        bin.close();
        drivers::VirtualPrinterOptions opt;
        opt.paper_dots = dots_;
        drivers::VirtualPrinter vp(opt);
        vp.feed(bytes);
        vp.finish();
        std::ofstream(base + ".txt", std::ios::trunc) << vp.text();
        if (vp.picture().width > 0) {
            if (auto st = vp.write_png(base + ".png"); !st) return st;
        }
        std::ofstream(dir_ + "/printed.log", std::ios::app) << label << "\n";
        return core::ok_status();
    }
    core::Result<drivers::PrinterStatus> query_status() override {
        drivers::PrinterStatus st;
        std::error_code ec;
        st.paper_out = std::filesystem::exists(std::filesystem::path(dir_) / "kertas-habis", ec);
        return st;
    }
    std::string describe() const override { return "virtual " + dir_; }

private:
    std::string dir_;
    int dots_;
    std::mutex mu_;
    std::string label_;
    int unnamed_ = 0;
};

// What a PrinterConfig builds: the link, the virtual folder (when virtual), the profile fitted to
// the paper, the logo. Shared by make_printer and QueuePrinter::reconfigure.
struct PrinterParts {
    std::shared_ptr<drivers::PrinterTransport> transport;
    std::shared_ptr<VirtualFolderTransport> folder;
    drivers::PrinterProfile profile;
    std::optional<drivers::Bitmap> logo;
};
std::optional<PrinterParts> build_printer(const PrinterConfig& config, std::string& error);

class QueuePrinter final : public ReceiptPrinter {
public:
    QueuePrinter(std::shared_ptr<drivers::PrinterTransport> transport, std::shared_ptr<VirtualFolderTransport> folder,
                 drivers::PrinterProfile profile)
        : folder_(std::move(folder)), profile_(std::move(profile)), queue_(std::move(transport)) {
        queue_.add_observer([this](const drivers::PrintQueueStatus&, const drivers::PrintJob& job) {
            std::lock_guard lock(mu_);
            if (job.state == drivers::JobState::Printing && folder_) folder_->printing(job.label);
            if (auto it = raw_states_.find(job.id); it != raw_states_.end()) {
                if (job.state == drivers::JobState::Printed) raw_states_.erase(it);
                else it->second = job.state;
            }
            if (wake_) wake_();
        });
    }

    void set_wake(std::function<void()> wake) override {
        std::lock_guard lock(mu_);
        wake_ = std::move(wake);
    }

    core::Status print_sale(const core::Sale& sale, const core::ShopSettings& shop, bool copy) override {
        drivers::ReceiptOptions opt;
        opt.reprint = copy;
        if (logo_) opt.logo = &*logo_;
        std::string label = copy ? fmt::format("{}-salinan-{}", sale.number, ++copies_) : sale.number;
        // The customer gets this copy: a failed print of the same receipt must not come out too at
        // someone's later retry (the manager's labels, an hour on).
        if (copy)
            for (const auto& job : queue_.jobs())
                if (job.state == drivers::JobState::Failed &&
                    (job.label == sale.number || job.label.rfind(sale.number + "-salinan-", 0) == 0))
                    (void)queue_.discard(job.id);
        enqueue(label, drivers::receipt_bytes(sale, shop, profile_, opt));
        return core::ok_status();
    }

    core::Status print_shift(const ShiftReport& report, const core::ShopSettings& shop) override {
        drivers::EscposEncoder enc(profile_);
        enc.initialize();
        std::istringstream lines(shift_report_text(report, shop));
        for (std::string line; std::getline(lines, line);) enc.line(line);
        enc.feed(3).cut();
        enqueue(fmt::format("shift-{}-{}-{}", report.shift.id, report.z ? "Z" : "X", ++reports_), enc.take());
        return core::ok_status();
    }

    core::Status print_text(const std::string& label, const std::string& text) override {
        drivers::EscposEncoder enc(profile_);
        enc.initialize();
        std::istringstream lines(text);
        for (std::string line; std::getline(lines, line);) enc.line(line);
        enc.feed(3).cut();
        enqueue(fmt::format("{}-{}", label, ++texts_), enc.take());
        return core::ok_status();
    }

    int columns() const override { return profile_.columns(); }

    core::Result<uint64_t> print_raw(const std::string& title, std::vector<uint8_t> bytes) override {
        if (bytes.empty()) return core::make_error(core::ErrorCode::Invalid, tr("Tidak ada yang dicetak."));
        std::string label = fmt::format("{}-{}", title, ++raws_);
        std::lock_guard lock(mu_);   // the observer must know it is ours before the worker starts it
        uint64_t id = queue_.enqueue(label, std::move(bytes));
        raw_states_[id] = drivers::JobState::Queued;
        return id;
    }

    core::Result<uint64_t> print_labels(const std::string& title, const std::vector<core::ShelfLabel>& labels) override {
        if (labels.empty()) return core::make_error(core::ErrorCode::Invalid, tr("Tidak ada barang untuk dibuatkan label."));
        return print_raw(title, drivers::shelf_label_bytes(labels, profile_));
    }

    std::optional<PrintJobView> job(uint64_t id) const override {
        auto j = queue_.job(id);
        if (!j) return std::nullopt;
        PrintJobView v;
        v.id = j->id;
        v.title = j->label;
        v.error = j->error;
        switch (j->state) {
            case drivers::JobState::Queued: v.state = PrintJobState::Waiting; break;
            case drivers::JobState::Printing: v.state = PrintJobState::Printing; break;
            case drivers::JobState::Printed: v.state = PrintJobState::Printed; break;
            case drivers::JobState::Failed: v.state = PrintJobState::Failed; break;
        }
        return v;
    }

    // Receipts, reports and labels go back in their order; a drawer pulse that failed is dropped:
    // opening the drawer minutes after its sale, at someone's retry, would be a surprise.
    size_t retry_failed() override {
        size_t n = 0;
        for (const auto& job : queue_.jobs()) {
            if (job.state != drivers::JobState::Failed) continue;
            if (job.label.rfind("laci-", 0) == 0) (void)queue_.discard(job.id);
            else n += queue_.retry(job.id).ok();
        }
        return n;
    }

    core::Status kick_drawer() override {
        enqueue(fmt::format("laci-{}", ++kicks_), drivers::drawer_kick_bytes(profile_));
        return core::ok_status();
    }

    core::Status print_test_page() override {
        enqueue(fmt::format("tes-printer-{}", ++tests_), drivers::render_test_page(profile_));
        return core::ok_status();
    }

    // The queue keeps its jobs: what is waiting goes to the new link (already laid out for the old paper).
    bool reconfigure(const PrinterConfig& config, std::string& error) override {
        auto parts = build_printer(config, error);
        if (!parts) return false;
        {
            std::lock_guard lock(mu_);   // the observer names the virtual printer's files
            folder_ = parts->folder;
        }
        profile_ = std::move(parts->profile);
        logo_ = std::move(parts->logo);
        queue_.set_transport(std::move(parts->transport));
        return true;
    }
    void set_logo(std::optional<drivers::Bitmap> logo) { logo_ = std::move(logo); }

    DeviceStatus status() const override {
        auto s = queue_.status();
        size_t labels_failed = 0;
        {
            std::lock_guard lock(mu_);
            for (const auto& [id, st] : raw_states_) labels_failed += st == drivers::JobState::Failed;
        }
        switch (s.state) {
            case drivers::PrinterState::Ready:
                if (s.failed > 0 && labels_failed > 0)
                    return {DeviceState::Problem, tr("{} cetakan gagal, {} di antaranya label rak. Ketuk Ulangi cetak.", s.failed,
                                                     labels_failed)};
                if (s.failed > 0) return {DeviceState::Problem, tr("{} struk gagal dicetak", s.failed)};
                return {s.message.empty() ? DeviceState::Ready : DeviceState::Warning,
                        s.message.empty() ? tr("Printer siap") : s.message};
            case drivers::PrinterState::Printing: return {DeviceState::Working, tr("Mencetak...")};
            case drivers::PrinterState::Problem: {
                std::string text = s.message.empty() ? tr("Printer bermasalah") : s.message;
                if (labels_failed > 0) text += " " + tr("Label rak menunggu.");   // short: the status bar is one line
                return {DeviceState::Problem, text};
            }
            case drivers::PrinterState::Unknown: break;
        }
        return {DeviceState::Ready, folder_ ? tr("Printer virtual siap") : tr("Printer siap")};
    }

private:
    void enqueue(const std::string& label, std::vector<uint8_t> bytes) { queue_.enqueue(label, std::move(bytes)); }

    std::shared_ptr<VirtualFolderTransport> folder_;
    drivers::PrinterProfile profile_;
    mutable std::mutex mu_;
    std::function<void()> wake_;
    std::map<uint64_t, drivers::JobState> raw_states_;   // print_raw jobs not printed yet
    int copies_ = 0, reports_ = 0, kicks_ = 0, texts_ = 0, tests_ = 0, raws_ = 0;
    std::optional<drivers::Bitmap> logo_;
    // Last: destroyed first, so its worker (and the observer above) stops before the rest goes.
    drivers::PrintQueue queue_;
};

// A profile for another paper width: the same model with a 58 mm or 80 mm roll.
void fit_paper(drivers::PrinterProfile& p, int paper_mm) {
    if (p.paper_mm == paper_mm) return;
    drivers::PrinterProfile g = drivers::generic_profile(paper_mm);
    p.paper_mm = g.paper_mm;
    p.dots = g.dots;
    p.columns_a = g.columns_a;
    p.columns_b = g.columns_b;
}

std::optional<PrinterParts> build_printer(const PrinterConfig& c, std::string& error) {
    PrinterParts parts;
    const int paper = c.paper_mm == 58 ? 58 : 80;
    const auto& profiles = drivers::PrinterProfiles::installed();
    std::optional<drivers::usb::VidPid> usb_id;
    if (c.spec.rfind("usb:", 0) == 0) usb_id = drivers::usb::parse_vid_pid(c.spec.substr(4));
    if (c.profile.empty() || c.profile == "auto") {
        parts.profile = usb_id ? profiles.profile_for(usb_id->vid, usb_id->pid) : drivers::generic_profile(paper);
    } else if (c.profile == "generic") {
        parts.profile = drivers::generic_profile(paper);
    } else if (const auto* p = profiles.find(c.profile)) {
        parts.profile = *p;
    } else {
        error = tr("Profil printer \"{}\" tidak ada. Pilih salah satu dari daftar, atau auto.", c.profile);
        return std::nullopt;
    }
    fit_paper(parts.profile, paper);

    if (c.spec.rfind("virtual:", 0) == 0 && c.spec.size() > 8) {
        parts.profile.cut = true;   // the virtual paper shows where a cutter would cut
        parts.folder = std::make_shared<VirtualFolderTransport>(c.spec.substr(8), parts.profile.dots);
        parts.transport = parts.folder;
    } else if (c.spec.rfind("file:", 0) == 0 && c.spec.size() > 5) {
        drivers::FilePrinterOptions o;
        o.path = c.spec.substr(5);
        parts.transport = std::make_shared<drivers::FilePrinterTransport>(o);
    } else if (auto hp = c.spec.rfind("tcp:", 0) == 0 ? drivers::parse_host_port(c.spec.substr(4)) : std::nullopt) {
        drivers::NetworkPrinterOptions o;
        o.host = hp->first;
        o.port = hp->second;
        parts.transport = std::make_shared<drivers::NetworkPrinterTransport>(o);
    } else if (c.spec == "usb" || usb_id) {
        // Opened lazily by the queue's worker: an unplugged printer is a status, not a refusal.
        auto ctx = shared_usb_context(error);
        if (!ctx) return std::nullopt;
        drivers::usb::UsbPrinterOptions o;
        o.id = usb_id;
        parts.transport = std::make_shared<drivers::usb::UsbPrinterTransport>(ctx, o);
    } else {
        error = tr("Printer \"{}\" tidak dikenal. Tulis usb, usb:VID:PID (mis. usb:0416:5011), file:/dev/usb/lp0, tcp:ALAMAT[:PORT] atau virtual:FOLDER.", c.spec);
        return std::nullopt;
    }
    if (!c.logo.empty()) {
        auto logo = drivers::load_logo(c.logo, parts.profile.dots * 3 / 4);
        if (!logo) {
            error = tr("Logo {} tidak bisa dipakai: {}", c.logo, logo.error().message);
            return std::nullopt;
        }
        parts.logo = std::move(*logo);
    }
    return parts;
}

}  // namespace

PrinterConfig printer_config(const core::ShopSettings& s, const std::string& default_spec) {
    PrinterConfig c;
    c.spec = s.printer.empty() ? default_spec : s.printer;
    c.profile = s.printer_profile;
    c.paper_mm = s.paper_mm;
    c.logo = s.receipt_logo;
    return c;
}

std::unique_ptr<ReceiptPrinter> make_printer(const PrinterConfig& config, std::string& error) {
    auto parts = build_printer(config, error);
    if (!parts) return nullptr;
    auto printer = std::make_unique<QueuePrinter>(parts->transport, parts->folder, parts->profile);
    printer->set_logo(std::move(parts->logo));
    return printer;
}

std::unique_ptr<ReceiptPrinter> make_printer(const std::string& spec, std::string& error, int paper_mm) {
    drivers::PrinterProfile profile = drivers::generic_profile(paper_mm);
    if (spec.rfind("virtual:", 0) == 0 && spec.size() > 8) {
        profile.cut = true;
        auto folder = std::make_shared<VirtualFolderTransport>(spec.substr(8), profile.dots);
        return std::make_unique<QueuePrinter>(folder, folder, profile);
    }
    if (spec.rfind("file:", 0) == 0 && spec.size() > 5) {
        drivers::FilePrinterOptions o;
        o.path = spec.substr(5);
        return std::make_unique<QueuePrinter>(std::make_shared<drivers::FilePrinterTransport>(o), nullptr, profile);
    }
    if (spec.rfind("tcp:", 0) == 0) {
        auto hp = drivers::parse_host_port(spec.substr(4));
        if (hp) {
            drivers::NetworkPrinterOptions o;
            o.host = hp->first;
            o.port = hp->second;
            return std::make_unique<QueuePrinter>(std::make_shared<drivers::NetworkPrinterTransport>(o), nullptr, profile);
        }
    }
    error = tr("Printer '{}' tidak dikenal. Gunakan virtual:FOLDER, file:/dev/usb/lp0 atau tcp:ALAMAT:9100.", spec);
    return nullptr;
}

}  // namespace waserda::ui
