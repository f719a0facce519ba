// Shelf labels on the receipt printer (labels.hpp).
#include "drivers/receipt/labels.hpp"

#include "pos/core/i18n.hpp"
#include "pos/core/money.hpp"

#include <algorithm>
#include <cctype>

namespace waserda::drivers {

namespace {

bool all_digits(const std::string& s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c) != 0; });
}

// "Rp 28.000" or, for goods sold by weight, "Rp 28.000/kg".
std::string price_text(core::Money m, const std::string& unit) {
    std::string s = core::format_rupiah(m);
    if (unit == "kg") s += "/kg";
    return s;
}

// Words on lines of at most `width` characters (a word longer than a line is cut).
std::vector<std::string> wrap_words(const std::string& text, int width) {
    std::vector<std::string> out;
    std::string cur;
    size_t i = 0;
    while (i < text.size()) {
        size_t sp = text.find(' ', i);
        std::string word = text.substr(i, sp == std::string::npos ? std::string::npos : sp - i);
        i = sp == std::string::npos ? text.size() : sp + 1;
        if (word.empty()) continue;
        while (int(word.size()) > width) {
            if (!cur.empty()) out.push_back(cur), cur.clear();
            out.push_back(word.substr(0, size_t(width)));
            word = word.substr(size_t(width));
        }
        if (cur.empty()) cur = word;
        else if (int(cur.size() + 1 + word.size()) <= width) cur += " " + word;
        else out.push_back(cur), cur = word;
    }
    if (!cur.empty()) out.push_back(cur);
    return out;
}

}  // namespace

BarcodeType label_barcode_type(const std::string& code, int paper_dots, bool& fits) {
    BarcodeType type = BarcodeType::Code128;
    fits = label_module_width(code, paper_dots, type) > 0;
    return type;
}

int label_module_width(const std::string& code, int paper_dots, BarcodeType& type) {
    int modules = 0;
    if (code.size() == 13 && all_digits(code) && ean_check_digit(code.substr(0, 12)) == code[12] - '0') {
        type = BarcodeType::Ean13;
        modules = 95 + 11 + 7;   // with its quiet zones
    } else {
        type = BarcodeType::Code128;
        if (code.empty()) return 0;
        modules = code128_modules(code128_payload(code)) + 20;
    }
    for (int dots : {3, 2})
        if (modules * dots <= paper_dots) return dots;
    return 0;
}

void encode_shelf_label(EscposEncoder& enc, const core::ShelfLabel& l) {
    enc.align(Align::Center);
    // The name in bold, wrapped at words to the paper.
    enc.bold(true);
    for (auto& part : wrap_words(l.name, enc.columns())) enc.line(part);
    enc.bold(false);
    // The price the customer pays, as large as the paper allows: read from across the aisle.
    const std::string price = price_text(l.price, l.unit);
    int big = 3;
    while (big > 1 && int(price.size()) * big > enc.columns()) --big;
    enc.size(big, big).bold(true).line(price).bold(false).size(1, 1);
    if (l.member_price.rupiah() > 0 && l.member_price != l.price)
        enc.line(core::tr("Harga anggota {}", price_text(l.member_price, l.unit)));
    const std::string code = l.barcode.empty() ? l.sku : l.barcode;
    BarcodeType type = BarcodeType::Code128;
    const int module = label_module_width(code, enc.profile().dots, type);
    bool printed = false;
    if (module > 0) {
        // 10 mm high and as wide as fits (3 dots = 0.375 mm, an EAN-13 at about 100 %): a
        // hand scanner reads it at the first pass.
        BarcodeOptions bo;
        bo.height = 80;
        bo.module_width = module;
        bo.hri = HriPosition::Below;
        printed = enc.barcode(type, code, bo).ok();
        if (printed) enc.line();
    }
    // Small print: the SKU (and the code when no barcode could be drawn), the date the price holds from.
    enc.font(Font::B);
    std::string small = l.sku;
    if (!printed && code != l.sku) small += "  " + code;
    if (!l.effective_date.empty()) small += "  " + core::tr("berlaku {}", l.effective_date);
    enc.line(small);
    enc.font(Font::A).align(Align::Left);
}

std::vector<uint8_t> shelf_label_bytes(const std::vector<core::ShelfLabel>& labels, const PrinterProfile& profile,
                                       const LabelSheetOptions& opt) {
    EscposEncoder enc(profile);
    enc.initialize();
    for (size_t i = 0; i < labels.size(); ++i) {
        encode_shelf_label(enc, labels[i]);
        // A dashed line between labels to cut along with scissors.
        std::string dashes;
        for (int c = 0; c < enc.columns(); ++c) dashes.push_back(c % 2 ? ' ' : '-');
        enc.line(dashes);
    }
    if (opt.cut) enc.cut();
    return enc.take();
}

}  // namespace waserda::drivers
