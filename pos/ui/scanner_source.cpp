// Scanners into the till: a ScanSource over the drivers' readers (USB HID keyboard or HID POS
// through libusb, CDC-ACM serial). The readers run on their own threads and push whole codes
// into a drivers::ScanQueue; App::poll_services drains it on the UI thread. A scanner that is not
// plugged in when the till starts is looked for again every two seconds, so plugging it in later
// just works; the status bar says what is going on in one sentence.
// Keyboard-wedge scanners ("keyboard") need no source: App::route_wedge_keys reads them.
#include "drivers/scanner/scan_event.hpp"
#include "drivers/scanner/serial_scanner.hpp"
#include "drivers/scanner/usb_hid_scanner.hpp"
#include "drivers/usb/usb_context.hpp"
#include "pos/core/i18n.hpp"
#include "pos/ui/services.hpp"

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace waserda::ui {

using core::tr;

// One libusb context for the printer, the scanner and the device list. Kept while someone uses
// it and made again afterwards (tests under umockdev need a fresh one per testbed).
std::shared_ptr<drivers::usb::UsbContext> shared_usb_context(std::string& error) {
    static std::mutex mu;
    static std::weak_ptr<drivers::usb::UsbContext> cached;
    std::lock_guard lock(mu);
    if (auto ctx = cached.lock()) return ctx;
    auto made = drivers::usb::UsbContext::create();
    if (!made) {
        error = made.error().message;
        return nullptr;
    }
    cached = *made;
    return *made;
}

ScannerConfig scanner_config(const core::ShopSettings& s) {
    ScannerConfig c;
    c.spec = s.scanner.empty() ? "keyboard" : s.scanner;
    c.prefix = s.scanner_prefix;
    c.suffix = s.scanner_suffix;
    return c;
}

namespace {

class ReaderScanSource final : public ScanSource {
public:
    ReaderScanSource(ScannerConfig config, std::function<void()> wake)
        : config_(std::move(config)), wake_(wake ? std::move(wake) : [] {}) {
        drivers::AffixOptions affixes{config_.prefix, config_.suffix};
        auto on_scan = [this](drivers::ScanEvent e) {
            queue_.push(std::move(e));
            wake_();
        };
        auto on_status = [this](const std::string&, const std::optional<core::Error>& error) {
            {
                std::lock_guard lock(mu_);
                problem_ = error ? error->message : std::string();
            }
            wake_();
        };
        if (config_.spec.rfind("serial:", 0) == 0) {
            drivers::SerialScannerOptions o;
            o.path = config_.spec.substr(7);
            o.affixes = affixes;
            serial_ = std::make_unique<drivers::SerialScanner>(o, on_scan, on_status);
            name_ = tr("Pemindai serial");
        } else {
            std::string error;
            ctx_ = shared_usb_context(error);
            if (!ctx_) {
                problem_ = error;
                name_ = tr("Pemindai USB");
                return;   // nothing to read from; the status says why
            }
            drivers::UsbScannerOptions o;
            if (config_.spec.rfind("usb:", 0) == 0) o.id = drivers::usb::parse_vid_pid(config_.spec.substr(4));
            o.keyboard.affixes = affixes;
            usb_ = std::make_unique<drivers::UsbHidScanner>(ctx_, o, on_scan, on_status);
            name_ = tr("Pemindai USB");
        }
        opener_ = std::thread([this] { open_until_running(); });
    }

    ~ReaderScanSource() override {
        {
            std::lock_guard lock(mu_);
            stopping_ = true;
        }
        stop_.notify_all();
        if (opener_.joinable()) opener_.join();
        if (usb_) usb_->stop();
        if (serial_) serial_->stop();
    }

    std::vector<ScanEvent> drain() override {
        std::vector<ScanEvent> out;
        while (auto e = queue_.try_pop()) out.push_back(ScanEvent{std::move(e->code), std::move(e->source)});
        return out;
    }

    DeviceStatus status() const override {
        std::lock_guard lock(mu_);
        if (!problem_.empty()) return {DeviceState::Problem, problem_};
        if (!running_) return {DeviceState::Working, tr("Mencari pemindai...")};
        return {DeviceState::Ready, tr("{} siap", name_)};
    }

private:
    // start() fails while the scanner is not there; try again until it is (or we stop).
    void open_until_running() {
        std::unique_lock lock(mu_);
        while (!stopping_) {
            lock.unlock();
            core::Status st = usb_ ? usb_->start() : serial_->start();
            lock.lock();
            if (st) {
                running_ = true;
                problem_.clear();
            } else {
                problem_ = st.error().message;
            }
            lock.unlock();
            wake_();
            lock.lock();
            if (running_) return;
            stop_.wait_for(lock, std::chrono::seconds(2), [this] { return stopping_; });
        }
    }

    ScannerConfig config_;
    std::function<void()> wake_;
    drivers::ScanQueue queue_;
    std::shared_ptr<drivers::usb::UsbContext> ctx_;
    std::unique_ptr<drivers::UsbHidScanner> usb_;
    std::unique_ptr<drivers::SerialScanner> serial_;
    std::string name_;
    mutable std::mutex mu_;
    std::condition_variable stop_;
    std::string problem_;
    bool running_ = false;
    bool stopping_ = false;
    std::thread opener_;
};

}  // namespace

std::unique_ptr<ScanSource> make_scan_source(const ScannerConfig& config, std::function<void()> wake) {
    if (config.spec.empty() || config.spec == "keyboard") return nullptr;
    return std::make_unique<ReaderScanSource>(config, std::move(wake));
}

}  // namespace waserda::ui
