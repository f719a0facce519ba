// Shelf labels (label rak) on the receipt printer: one label after the other down the roll, each
// with the item's name, its price (as large as fits: triple size), the member price, the barcode
// (10 mm high, 3 dots a module where it fits) and the SKU, separated by
// a dashed cutting line, for 58 and 80 mm paper. Returns bytes like the receipt does.
#pragma once

#include "drivers/escpos/encoder.hpp"
#include "drivers/escpos/profile.hpp"
#include "pos/core/inventory.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace waserda::drivers {

struct LabelSheetOptions {
    bool cut = true;                 // cut after the last label (feed only on printers without a cutter)
};

// Which barcode a label carries: EAN-13 for a valid 13-digit EAN (the shop's product barcodes),
// CODE128 for anything else that fits the paper at 2 dots a module with its quiet zones, else none
// (the SKU is printed as text on every label anyway).
BarcodeType label_barcode_type(const std::string& code, int paper_dots, bool& fits);
// Dots per module of that barcode: 3 when it fits the paper with its quiet zones (an EAN-13 at
// about its nominal size), else 2, else 0 (no barcode, the code goes on the label as text).
int label_module_width(const std::string& code, int paper_dots, BarcodeType& type);

// The whole job: initialise, every label, the cut.
std::vector<uint8_t> shelf_label_bytes(const std::vector<core::ShelfLabel>& labels, const PrinterProfile& profile,
                                       const LabelSheetOptions& opt = {});
// One label appended to an encoder in use.
void encode_shelf_label(EscposEncoder& enc, const core::ShelfLabel& label);

}  // namespace waserda::drivers
