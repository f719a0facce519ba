#include "drivers/receipt/receipt.hpp"

#include "pos/core/clock.hpp"
#include "pos/core/i18n.hpp"
#include "pos/core/money.hpp"

#include <algorithm>
#include <cstdlib>

namespace waserda::drivers {

// [SECTION] Index
// - formatting helpers
// - receipt: header, lines, totals, payments, member, footer and code
// - test page, drawer kick

namespace {

// [SECTION] Formatting helpers

std::string amount(core::Money m) { return core::format_amount(m); }
std::string minus(core::Money m) { return core::format_amount(-m); }

// Word-wraps text to the encoder's current columns and prints each line (the printer's own
// wrapping cuts words and breaks centring).
void wrapped(EscposEncoder& enc, std::string_view text) {
    const size_t cols = static_cast<size_t>(enc.columns());
    std::string line;
    size_t i = 0;
    auto flush = [&] {
        enc.line(line);
        line.clear();
    };
    while (i < text.size()) {
        size_t sp = text.find(' ', i);
        std::string word(text.substr(i, sp == std::string_view::npos ? std::string_view::npos : sp - i));
        i = sp == std::string_view::npos ? text.size() : sp + 1;
        if (word.empty()) continue;
        // Measure in printed characters, not UTF-8 bytes.
        const size_t word_len = enc.encode(word).size(), line_len = enc.encode(line).size();
        if (!line.empty() && line_len + 1 + word_len > cols) flush();
        if (!line.empty()) line += ' ';
        line += word;
    }
    if (!line.empty()) flush();
}

void header(EscposEncoder& enc, const core::Sale& sale, const core::ShopSettings& s, const ReceiptOptions& opt) {
    enc.align(Align::Center);
    if (opt.logo && !opt.logo->empty()) enc.image(*opt.logo);
    // The shop's name in double width when it fits on one line, else bold.
    const size_t name_len = enc.encode(s.shop_name).size();
    if (name_len <= static_cast<size_t>(enc.profile().columns_a / 2)) {
        enc.bold(true).size(2, 1).line(s.shop_name).size(1, 1).bold(false);
    } else {
        enc.bold(true);
        wrapped(enc, s.shop_name);
        enc.bold(false);
    }
    if (!s.address.empty()) wrapped(enc, s.address);
    if (s.tax.pkp && !s.npwp.empty()) enc.line(core::tr("NPWP: {}", s.npwp));
    if (sale.kind == core::SaleKind::Return) {
        enc.feed(1).size(2, 2).line(core::tr("RETUR")).size(1, 1);
        if (!sale.original_number.empty()) enc.line(core::tr("Retur dari {}", sale.original_number));
    }
    if (opt.reprint) enc.invert(true).bold(true).line(" " + core::tr("SALINAN") + " ").bold(false).invert(false);
    enc.align(Align::Left).rule('-');
    enc.two_columns(core::tr("No."), sale.number);
    enc.two_columns(core::tr("Tanggal"), core::local_datetime(core::parse_iso_utc(sale.at), s.utc_offset_minutes));
    if (!sale.user_name.empty()) enc.two_columns(core::tr("Kasir"), sale.user_name);
    if (!sale.member_number.empty() || !sale.member_name.empty()) {
        std::string who = sale.member_number;
        if (!sale.member_name.empty()) who += (who.empty() ? "" : " ") + sale.member_name;
        enc.two_columns(core::tr("Anggota"), who);
    }
    enc.rule('-');
}

void lines(EscposEncoder& enc, const core::Sale& sale) {
    for (const auto& l : sale.lines) {
        const core::Money gross = l.total + l.discount;
        if (!l.weighed && std::llabs(l.qty) == 1 && gross == l.unit_price * l.qty) {
            enc.two_columns(l.name, amount(gross));
        } else {
            wrapped(enc, l.name);
            enc.two_columns("  " + format_quantity(l) + " x " + amount(l.unit_price), amount(gross));
        }
        if (!l.discount.is_zero()) enc.two_columns("  " + core::tr("Diskon"), minus(l.discount));
    }
    enc.rule('-');
}

void totals(EscposEncoder& enc, const core::Sale& sale, const core::ShopSettings& s) {
    const bool is_return = sale.kind == core::SaleKind::Return;
    enc.two_columns(core::tr("Subtotal"), amount(sale.subtotal));
    if (!sale.discount.is_zero()) enc.two_columns(core::tr("Total diskon"), minus(sale.discount));
    if (!sale.rounding.is_zero()) enc.two_columns(core::tr("Pembulatan"), amount(sale.rounding));
    enc.bold(true).size(2, 2);
    enc.two_columns(is_return ? core::tr("RETUR") : core::tr("TOTAL"), amount(sale.total));
    enc.size(1, 1).bold(false);
    if (s.tax.pkp) {
        enc.two_columns(core::tr("DPP"), amount(sale.dpp));
        enc.two_columns(core::tr("PPN {}", format_rate(s.tax.rate_bp)), amount(sale.ppn));
    }
    enc.rule('-');
}

void payments(EscposEncoder& enc, const core::Sale& sale) {
    if (sale.payments.empty()) return;
    for (const auto& p : sale.payments) {
        const core::Money shown = p.method == core::PaymentMethod::Cash && !p.tendered.is_zero() ? p.tendered : p.amount;
        enc.two_columns(core::describe(p.method), amount(shown));
        if (!p.reference.empty()) enc.two_columns("  " + core::tr("Ref."), p.reference);
    }
    if (!sale.change.is_zero()) enc.bold(true).two_columns(core::tr("Kembalian"), amount(sale.change)).bold(false);
    if (sale.member_available_credit || sale.member_sukarela) {
        enc.rule('-');
        if (sale.member_available_credit)
            enc.two_columns(core::tr("Sisa limit kredit"), amount(*sale.member_available_credit));
        if (sale.member_sukarela) enc.two_columns(core::tr("Simpanan sukarela"), amount(*sale.member_sukarela));
    }
    enc.rule('-');
}

void footer(EscposEncoder& enc, const core::Sale& sale, const core::ShopSettings& s, const ReceiptOptions& opt) {
    enc.align(Align::Center);
    if (!s.receipt_footer.empty()) wrapped(enc, s.receipt_footer);
    ReceiptCode code = opt.code;
    if (code == ReceiptCode::Auto) {
        // CODE128 at 2 dots a module with 10-module quiet zones each side, else a QR code.
        const int modules = code128_modules(code128_payload(sale.number)) + 20;
        code = modules * 2 <= enc.profile().dots ? ReceiptCode::Code128 : ReceiptCode::Qr;
    }
    if (!sale.number.empty() && code != ReceiptCode::None) {
        enc.feed(1);
        bool printed = false;
        if (code == ReceiptCode::Code128)
            printed = enc.barcode(BarcodeType::Code128, sale.number, {60, 2, HriPosition::Below}).ok();
        if (!printed) {
            printed = enc.qr(sale.number, {4, QrLevel::M}).ok();
            if (printed) enc.feed(1).line(sale.number);  // a QR code has no human-readable line
        } else {
            enc.feed(1);
        }
    }
    enc.align(Align::Left);
}

}  // namespace

std::string format_quantity(const core::SaleLine& line) {
    if (!line.weighed) return std::to_string(line.qty);
    const int64_t g = std::llabs(line.qty);
    std::string grams = std::to_string(g % 1000);
    grams.insert(0, 3 - grams.size(), '0');
    return (line.qty < 0 ? "-" : "") + std::to_string(g / 1000) + "," + grams + " kg";
}

std::string format_rate(int rate_bp) {
    std::string out = std::to_string(rate_bp / 100);
    int frac = std::abs(rate_bp % 100);
    if (frac) {
        std::string f = (frac < 10 ? "0" : "") + std::to_string(frac);
        if (f.back() == '0') f.pop_back();
        out += "," + f;
    }
    return out + "%";
}

// [SECTION] Receipt

void encode_receipt(EscposEncoder& enc, const core::Sale& sale, const core::ShopSettings& settings,
                    const ReceiptOptions& opt) {
    enc.initialize();
    header(enc, sale, settings, opt);
    lines(enc, sale);
    totals(enc, sale, settings);
    payments(enc, sale);
    footer(enc, sale, settings, opt);
    enc.cut(CutKind::Partial);
    if (opt.open_drawer && settings.drawer_enabled) enc.pulse_drawer();
}

std::vector<uint8_t> receipt_bytes(const core::Sale& sale, const core::ShopSettings& settings,
                                   const PrinterProfile& profile, const ReceiptOptions& opt) {
    EscposEncoder enc(profile);
    encode_receipt(enc, sale, settings, opt);
    return enc.take();
}

// [SECTION] Test page, drawer kick

std::vector<uint8_t> render_test_page(const PrinterProfile& profile) {
    EscposEncoder enc(profile);
    enc.initialize().align(Align::Center);
    enc.size(2, 2).line(core::tr("TES PRINTER")).size(1, 1);
    enc.line("Waserda POS");
    enc.line(profile.name);
    enc.line(core::tr("{} mm, {} titik, {}/{} kolom", profile.paper_mm, profile.dots, profile.columns_a,
                      profile.columns_b));
    enc.align(Align::Left).rule('=');

    // A ruler: the last digit printed is the column count of font A.
    std::string ruler;
    for (int i = 1; i <= enc.columns(); ++i) ruler += static_cast<char>('0' + i % 10);
    enc.line(ruler);
    enc.line(core::tr("Huruf A: ABCDEF abcdef 012345"));
    enc.font(Font::B).line(core::tr("Huruf B: ABCDEF abcdef 012345"));
    enc.font(Font::A);
    enc.bold(true).line(core::tr("Tebal")).bold(false);
    enc.underline(1).line(core::tr("Garis bawah tipis")).underline(2).line(core::tr("Garis bawah tebal")).underline(0);
    enc.double_width(true).line(core::tr("Lebar ganda")).double_width(false);
    enc.double_height(true).line(core::tr("Tinggi ganda")).double_height(false);
    enc.size(2, 2).line(core::tr("Besar")).size(1, 1);
    enc.invert(true).line(" " + core::tr("Warna terbalik") + " ").invert(false);
    enc.align(Align::Left).line(core::tr("Rata kiri"));
    enc.align(Align::Center).line(core::tr("Rata tengah"));
    enc.align(Align::Right).line(core::tr("Rata kanan"));
    enc.align(Align::Left).rule('-');
    enc.line(core::tr("Tabel karakter {}:", profile.code_page));
    enc.line("“Kafé” – crème, Rp 12.500…");
    enc.two_columns(core::tr("Nasi goreng spesial"), "12.500", '.');
    enc.two_columns(core::tr("Teh manis"), "4.000", '.');
    enc.rule('-');

    const BarcodeOptions bc{60, 2, HriPosition::Below};
    struct Sample { const char* label; BarcodeType type; const char* data; };
    const Sample samples[] = {{"EAN-13", BarcodeType::Ean13, "899123456789"},
                              {"EAN-8", BarcodeType::Ean8, "9638507"},
                              {"UPC-A", BarcodeType::UpcA, "03600029145"},
                              {"CODE39", BarcodeType::Code39, "WASERDA-01"},
                              {"CODE128", BarcodeType::Code128, "T01-20261122-0007"},
                              {"ITF", BarcodeType::Itf, "12345678"}};
    for (const auto& s : samples) {
        enc.align(Align::Left).line(s.label).align(Align::Center);
        (void)enc.barcode(s.type, s.data, bc);
        enc.feed(1);
    }
    enc.align(Align::Left).line(core::tr("Kode QR")).align(Align::Center);
    (void)enc.qr("WASERDA POS - TES QR", {4, QrLevel::M});
    enc.feed(1);

    // A grey ramp, dithered: shows how the printer renders a logo.
    enc.align(Align::Left).line(core::tr("Gambar")).align(Align::Center);
    GrayImage ramp{std::min(profile.dots, 320), 48, {}};
    ramp.pixels.resize(static_cast<size_t>(ramp.width) * ramp.height);
    for (int y = 0; y < ramp.height; ++y)
        for (int x = 0; x < ramp.width; ++x)
            ramp.pixels[static_cast<size_t>(y) * ramp.width + x] = static_cast<uint8_t>(255 * x / (ramp.width - 1));
    enc.image(dither(ramp));
    enc.align(Align::Left);
    if (profile.buzzer) enc.line(core::tr("Bunyi")).beep(1, 2);
    if (profile.partial_cut) {
        enc.line(core::tr("Potong sebagian"));
        enc.cut(CutKind::Partial);
    }
    enc.line(core::tr("Potong penuh"));
    enc.cut(CutKind::Full);
    return enc.take();
}

std::vector<uint8_t> drawer_kick_bytes(const PrinterProfile& profile) {
    EscposEncoder enc(profile);
    enc.pulse_drawer();
    return enc.take();
}

}  // namespace waserda::drivers
