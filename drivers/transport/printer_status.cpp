#include "drivers/transport/printer_status.hpp"
#include "drivers/transport/transport.hpp"

#include "pos/core/i18n.hpp"

namespace waserda::drivers {

bool is_status_byte(uint8_t b) { return (b & 0x93) == 0x12; }

bool apply_status_reply(PrinterStatus& status, uint8_t n, uint8_t reply, bool drawer_open_when_high) {
    if (!is_status_byte(reply)) return false;
    switch (n) {
    case 1: {
        const bool pin_high = (reply & 0x04) != 0;
        status.drawer_open = drawer_open_when_high ? pin_high : !pin_high;
        status.online = (reply & 0x08) == 0;
        break;
    }
    case 2:
        status.cover_open = (reply & 0x04) != 0;
        status.paper_out = status.paper_out || (reply & 0x20) != 0;
        status.error = (reply & 0x40) != 0;
        break;
    case 4:
        status.paper_near_end = (reply & 0x0C) != 0;
        status.paper_out = status.paper_out || (reply & 0x60) != 0;
        break;
    default:
        break;
    }
    return true;
}

std::optional<core::Error> status_problem(const PrinterStatus& s) {
    using core::ErrorCode;
    // Most specific first: an open cover and an empty roll both make the printer offline.
    if (s.paper_out)
        return core::make_error(ErrorCode::Device,
                                core::tr("Kertas printer habis. Ganti gulungan kertas lalu cetak ulang."));
    if (s.cover_open)
        return core::make_error(ErrorCode::Device,
                                core::tr("Tutup printer terbuka. Tutup penutup printer lalu cetak ulang."));
    if (s.error)
        return core::make_error(ErrorCode::Device,
                                core::tr("Printer mengalami gangguan. Matikan lalu nyalakan printer, kemudian cetak ulang."));
    if (!s.online)
        return core::make_error(ErrorCode::Device,
                                core::tr("Printer sedang offline. Periksa lampu printer lalu cetak ulang."));
    return std::nullopt;
}

std::string describe_status(const PrinterStatus& s) {
    std::string out = s.online ? "online" : "offline";
    if (s.paper_out) out += ", " + core::tr("kertas habis");
    else if (s.paper_near_end) out += ", " + core::tr("kertas hampir habis");
    if (s.cover_open) out += ", " + core::tr("tutup terbuka");
    if (s.error) out += ", " + core::tr("gangguan");
    if (s.drawer_open) out += ", " + core::tr("laci terbuka");
    return out;
}

namespace printer_errors {
using core::ErrorCode;
core::Error not_connected() {
    return core::make_error(ErrorCode::Device, core::tr("Printer tidak terhubung. Periksa kabel USB printer."));
}
core::Error busy() {
    return core::make_error(ErrorCode::Device, core::tr("Printer sedang dipakai program lain (resource busy)."));
}
core::Error permission() {
    return core::make_error(ErrorCode::Device,
                            core::tr("Tidak ada izin membuka printer. Pasang aturan udev Waserda lalu cabut-colok printer."));
}
core::Error timeout() {
    return core::make_error(ErrorCode::Device,
                            core::tr("Printer tidak menjawab. Periksa apakah printer menyala dan tidak macet."));
}
core::Error no_status_support() {
    return core::make_error(ErrorCode::Device, core::tr("Printer ini tidak bisa ditanya statusnya."));
}
core::Error io(const std::string& detail) {
    return core::make_error(ErrorCode::Device, core::tr("Gagal mengirim ke printer ({}).", detail));
}
}  // namespace printer_errors

}  // namespace waserda::drivers
