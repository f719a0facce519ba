// The receipt (struk) of a sale or a return, laid out for the printer's paper width, and the other
// jobs the print queue sends (test page, drawer kick). Everything here returns bytes: the queue
// does not need to know ESC/POS.
#pragma once

#include "drivers/escpos/encoder.hpp"
#include "drivers/escpos/image.hpp"
#include "drivers/escpos/profile.hpp"
#include "pos/core/sale.hpp"
#include "pos/core/settings.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace waserda::drivers {

// How the sale number is printed at the bottom, for finding the sale again on a return.
enum class ReceiptCode {
    Auto,      // CODE128 when it fits the paper with its quiet zones, else QR
    Code128,
    Qr,
    None,
};

struct ReceiptOptions {
    const Bitmap* logo = nullptr;   // already dithered (load_logo) to at most the paper's width
    bool reprint = false;           // a copy: marked SALINAN
    bool open_drawer = false;       // pulse the drawer (cash sales) after the cut
    ReceiptCode code = ReceiptCode::Auto;
};

// The whole receipt job: initialise, header, lines, totals, tax, payments, member balances,
// footer, sale number code, cut (and drawer pulse if asked).
std::vector<uint8_t> receipt_bytes(const core::Sale& sale, const core::ShopSettings& settings,
                                   const PrinterProfile& profile, const ReceiptOptions& opt = {});
// Appends the receipt to an encoder already in use (e.g. after other jobs).
void encode_receipt(EscposEncoder& enc, const core::Sale& sale, const core::ShopSettings& settings,
                    const ReceiptOptions& opt = {});

// `waserda print-test`: every command the encoder has, so a person can check a printer.
std::vector<uint8_t> render_test_page(const PrinterProfile& profile);
// Only the drawer pulse (the "open drawer" button).
std::vector<uint8_t> drawer_kick_bytes(const PrinterProfile& profile);

// Receipt quantities: "2" for pieces, "0,750 kg" for weighed goods (grams in, 3 decimals).
std::string format_quantity(const core::SaleLine& line);
// Tax rate in basis points as people write it: 1200 -> "12%", 1150 -> "11,5%".
std::string format_rate(int rate_bp);

}  // namespace waserda::drivers
