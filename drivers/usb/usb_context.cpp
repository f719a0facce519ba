#include "drivers/usb/usb_context.hpp"

#include "pos/core/i18n.hpp"

#include <libusb.h>

#include <charconv>
#include <cstdio>

namespace waserda::drivers::usb {

std::optional<VidPid> parse_vid_pid(std::string_view text) {
    const auto colon = text.find(':');
    if (colon == std::string_view::npos) return std::nullopt;
    auto hex = [](std::string_view s) -> std::optional<uint16_t> {
        if (s.empty() || s.size() > 4) return std::nullopt;
        unsigned v = 0;
        auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v, 16);
        if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
        return static_cast<uint16_t>(v);
    };
    auto vid = hex(text.substr(0, colon));
    auto pid = hex(text.substr(colon + 1));
    if (!vid || !pid) return std::nullopt;
    return VidPid{*vid, *pid};
}

std::string to_string(VidPid id) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04x:%04x", id.vid, id.pid);
    return buf;
}

core::Error usb_error(int code, UsbRole role) {
    using core::ErrorCode;
    const bool printer = role == UsbRole::Printer;
    auto err = [](std::string s) { return core::make_error(ErrorCode::Device, std::move(s)); };
    switch (code) {
    case LIBUSB_ERROR_NO_DEVICE:
    case LIBUSB_ERROR_NOT_FOUND:
        return err(printer ? core::tr("Printer tidak terhubung. Periksa kabel USB printer.")
                           : core::tr("Pemindai tidak terhubung. Periksa kabel USB pemindai."));
    case LIBUSB_ERROR_BUSY:
        return err(printer ? core::tr("Printer sedang dipakai program lain (resource busy).")
                           : core::tr("Pemindai sedang dipakai program lain (resource busy)."));
    case LIBUSB_ERROR_ACCESS:
        return err(printer
            ? core::tr("Tidak ada izin membuka printer. Pasang aturan udev Waserda lalu cabut-colok printer.")
            : core::tr("Tidak ada izin membuka pemindai. Pasang aturan udev Waserda lalu cabut-colok pemindai."));
    case LIBUSB_ERROR_TIMEOUT:
        return err(printer ? core::tr("Printer tidak menjawab. Periksa apakah printer menyala dan tidak macet.")
                           : core::tr("Pemindai tidak menjawab. Cabut lalu colok lagi kabel pemindai."));
    case LIBUSB_ERROR_PIPE:
        return err(printer ? core::tr("Printer menolak data (endpoint macet). Matikan lalu nyalakan printer.")
                           : core::tr("Pemindai menolak permintaan. Cabut lalu colok lagi kabel pemindai."));
    case LIBUSB_ERROR_OVERFLOW:
        return err(printer ? core::tr("Printer mengirim jawaban yang tidak dikenal. Matikan lalu nyalakan printer.")
                           : core::tr("Pemindai mengirim data yang tidak dikenal. Periksa mode pemindai."));
    case LIBUSB_ERROR_NO_MEM:
        return err(core::tr("Memori komputer habis. Tutup program lain lalu coba lagi."));
    case LIBUSB_ERROR_NOT_SUPPORTED:
        return err(printer ? core::tr("Printer ini tidak didukung lewat USB langsung. Coba sambungan /dev/usb/lp0.")
                           : core::tr("Pemindai ini tidak didukung lewat USB langsung. Pakai mode keyboard."));
    case LIBUSB_ERROR_INTERRUPTED:
        return err(core::tr("Pengiriman terputus. Coba lagi."));
    case LIBUSB_ERROR_IO:
    case LIBUSB_ERROR_INVALID_PARAM:
    case LIBUSB_ERROR_OTHER:
    default:
        return err(printer ? core::tr("Gagal berkomunikasi dengan printer ({}). Cabut lalu colok lagi kabel USB printer.",
                                      libusb_error_name(code))
                           : core::tr("Gagal berkomunikasi dengan pemindai ({}). Cabut lalu colok lagi kabel pemindai.",
                                      libusb_error_name(code)));
    }
}

core::Result<std::shared_ptr<UsbContext>> UsbContext::create() {
    std::shared_ptr<UsbContext> self(new UsbContext());
    const int r = libusb_init(&self->ctx_);
    if (r != LIBUSB_SUCCESS) {
        self->ctx_ = nullptr;
        return core::make_error(core::ErrorCode::Device,
                                core::tr("USB tidak bisa dipakai di komputer ini ({}).", libusb_error_name(r)));
    }
    if (libusb_has_capability(LIBUSB_CAP_HAS_HOTPLUG)) {
        libusb_hotplug_callback_handle h = -1;
        const int hr = libusb_hotplug_register_callback(
            self->ctx_,
            static_cast<libusb_hotplug_event>(LIBUSB_HOTPLUG_EVENT_DEVICE_ARRIVED | LIBUSB_HOTPLUG_EVENT_DEVICE_LEFT),
            static_cast<libusb_hotplug_flag>(0), LIBUSB_HOTPLUG_MATCH_ANY, LIBUSB_HOTPLUG_MATCH_ANY,
            LIBUSB_HOTPLUG_MATCH_ANY,
            [](libusb_context* c, libusb_device*, libusb_hotplug_event e, void* user) {
                return UsbContext::on_hotplug(c, nullptr, static_cast<int>(e), user);
            },
            self.get(), &h);
        if (hr == LIBUSB_SUCCESS) self->hotplug_handle_ = h;
    }
    return self;
}

int UsbContext::on_hotplug(libusb_context*, void*, int, void* self) {
    static_cast<UsbContext*>(self)->generation_.fetch_add(1);
    return 0;  // stay registered
}

UsbContext::~UsbContext() {
    if (!ctx_) return;
    if (hotplug_handle_ >= 0) libusb_hotplug_deregister_callback(ctx_, hotplug_handle_);
    libusb_exit(ctx_);
}

void UsbContext::poll_events() {
    timeval zero{0, 0};
    libusb_handle_events_timeout_completed(ctx_, &zero, nullptr);
}

}  // namespace waserda::drivers::usb
