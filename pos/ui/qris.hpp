// QRIS on screen: the amount is put into the shop's static QRIS payload (EMVCo merchant-presented:
// tag 01 "12" dynamic, tag 54 amount, tag 63 CRC-16/CCITT-FALSE), and the QR modules come from
// libqrencode, drawn as ImGui rectangles (no texture needed).
#pragma once

#include "pos/core/money.hpp"

#include <imgui.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace waserda::ui {

// CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF) as 4 upper-case hex digits.
std::string qris_crc(std::string_view data);

// The dynamic payload for `amount`. An empty `static_payload` gives a sample payload for demos.
std::string make_dynamic_qris(const std::string& static_payload, core::Money amount, const std::string& merchant);

struct QrMatrix {
    int width = 0;
    std::vector<uint8_t> dark;   // width*width, 1 = dark module
    bool ok() const { return width > 0; }
};
QrMatrix encode_qr(const std::string& text);

// Draws the code with a white quiet zone in a square of `side` pixels at the cursor.
void draw_qr(const QrMatrix& qr, float side);

}  // namespace waserda::ui
