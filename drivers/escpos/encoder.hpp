// EscposEncoder: builds the byte stream of an ESC/POS receipt printer, one command per call.
// Text is UTF-8 in, the profile's code page out; what the page cannot show is transliterated.
// Commands a profile lacks are left out (no buzzer) or replaced (QR as a raster image).
#pragma once

#include "drivers/escpos/code_pages.hpp"
#include "drivers/escpos/image.hpp"
#include "drivers/escpos/profile.hpp"
#include "pos/core/result.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace waserda::drivers {

enum class Align { Left, Center, Right };
enum class Font { A, B };
enum class CutKind { Full, Partial };
enum class BarcodeType { Ean13, Ean8, UpcA, Code39, Code128, Itf };
enum class HriPosition { None, Above, Below, Both };
enum class QrLevel { L, M, Q, H };

struct BarcodeOptions {
    int height = 80;                     // dots (GS h)
    int module_width = 2;                // dots per narrow bar (GS w, 2..6)
    HriPosition hri = HriPosition::Below;
};

struct QrOptions {
    int module_size = 4;                 // dots per module (GS ( k 1 C, 1..16)
    QrLevel level = QrLevel::M;
};

class EscposEncoder {
public:
    explicit EscposEncoder(const PrinterProfile& profile);

    // ESC @ then ESC t of the profile's code page: every receipt starts so.
    EscposEncoder& initialize();
    // Text in the current code page; '\n' passes through as a line feed.
    EscposEncoder& text(std::string_view utf8);
    EscposEncoder& line(std::string_view utf8 = {});   // text + LF
    EscposEncoder& bold(bool on);                      // ESC E
    EscposEncoder& underline(int dots);                // ESC - 0/1/2
    EscposEncoder& size(int width, int height);        // GS ! multiples 1..8
    EscposEncoder& double_width(bool on) { return size(on ? 2 : 1, height_); }
    EscposEncoder& double_height(bool on) { return size(width_, on ? 2 : 1); }
    EscposEncoder& invert(bool on);                    // GS B
    EscposEncoder& align(Align a);                     // ESC a
    EscposEncoder& font(Font f);                       // ESC M
    EscposEncoder& feed(int lines = 1);                // LF, or ESC d n for more than one
    // ESC t n when the profile knows the table; false (nothing sent) when it does not.
    bool code_page(std::string_view name);
    // "Nasi goreng ........ 12.500": left and right text filling one line of the current font and
    // width. A left part too long for the line wraps; the right part ends the last line.
    EscposEncoder& two_columns(std::string_view left, std::string_view right, char fill = ' ');
    EscposEncoder& rule(char c = '-');                 // a full line of c

    // GS H, GS h, GS w, then GS k. Invalid data (wrong length, characters the symbology lacks) is
    // refused with nothing sent. EAN-13/EAN-8/UPC-A take the digits with or without check digit.
    core::Status barcode(BarcodeType type, std::string_view data, const BarcodeOptions& opt = {});
    // GS ( k model 2, module size, error level, store, print; as a raster image when the profile has
    // no QR support.
    core::Status qr(std::string_view data, const QrOptions& opt = {});
    // GS v 0 in bands of at most 16 KiB each (left out when the profile has no graphics).
    EscposEncoder& image(const Bitmap& bmp);
    // Feeds the profile's cut_feed_lines, then GS V 0 (full) / GS V 1 (partial). Without a cutter
    // only the feed is sent; partial falls back to full where partial is unknown.
    EscposEncoder& cut(CutKind kind = CutKind::Full);
    // ESC p m t1 t2: pin 0 = drawer 1 (connector pin 2), 1 = drawer 2 (pin 5); times in ms.
    EscposEncoder& pulse_drawer(int pin = 0, int on_ms = 50, int off_ms = 500);
    // ESC B n t: n beeps of t x 50 ms, only where the profile has a buzzer.
    EscposEncoder& beep(int times = 1, int duration_50ms = 2);
    EscposEncoder& raw(std::initializer_list<uint8_t> bytes);
    EscposEncoder& raw(const std::vector<uint8_t>& bytes);

    // Characters per line in the current font and width.
    int columns() const;
    const PrinterProfile& profile() const { return profile_; }
    const std::vector<uint8_t>& bytes() const { return out_; }
    std::vector<uint8_t> take() { return std::move(out_); }
    // UTF-8 to bytes of the current code page, without sending them.
    std::string encode(std::string_view utf8) const;

private:
    void put(uint8_t b) { out_.push_back(b); }
    void put(std::initializer_list<uint8_t> bs) { out_.insert(out_.end(), bs); }

    PrinterProfile profile_;
    const CodePageTable* table_;
    std::vector<uint8_t> out_;
    int width_ = 1;
    int height_ = 1;
    Font font_ = Font::A;
};

// Validates data for a symbology and returns what goes after GS k m n (CODE128 with its code-set
// prefixes, see code128_payload).
core::Result<std::string> barcode_payload(BarcodeType type, std::string_view data);
// CODE128 data for GS k 73: code set B, with set C for runs of four or more digits.
std::string code128_payload(std::string_view data);
// Width in modules of a CODE128 symbol from its GS k payload (quiet zones not included).
int code128_modules(std::string_view payload);
// The check digit of an EAN/UPC number given without it.
int ean_check_digit(std::string_view digits);

}  // namespace waserda::drivers
