// waserda escpos render FILE [--png OUT.png] [--text OUT.txt] [--width 384|576]: the virtual printer
// on a file of ESC/POS bytes (ours or any other program's). No database needed.
#include "pos/cli/commands.hpp"
#include "drivers/virtual/virtual_printer.hpp"
#include "pos/core/i18n.hpp"

#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>

namespace waserda::cli {

using core::tr;

namespace {

struct RenderArgs {
    std::string file;
    std::string png;
    std::string text;
    int width = 576;
};

int render(const RenderArgs& a, const Context& ctx) {
    if (a.width != 384 && a.width != 576)
        return fail(tr("Lebar kertas harus 384 (58 mm) atau 576 (80 mm) titik, bukan {}.", a.width));
    std::ifstream in(a.file, std::ios::binary);
    if (!in) return fail(tr("File {} tidak bisa dibaca.", a.file));
    std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (bytes.empty()) return fail(tr("File {} kosong: tidak ada yang dicetak.", a.file));

    drivers::VirtualPrinterOptions opt;
    opt.paper_dots = a.width;
    if (!ctx.assets_dir.empty()) opt.font_dir = ctx.assets_dir + "/fonts";
    drivers::VirtualPrinter printer(opt);
    printer.feed(bytes);
    printer.finish();

    if (!a.png.empty())
        if (auto st = printer.write_png(a.png); !st) return fail(st.error());
    if (a.text.empty()) {
        std::cout << printer.text();
    } else {
        std::ofstream out(a.text, std::ios::binary);
        out << printer.text();
        if (!out) return fail(tr("File {} tidak bisa ditulis.", a.text));
    }
    return 0;
}

}  // namespace

void register_escpos_commands(CLI::App& app, Context& ctx) {
    auto* escpos = app.add_subcommand("escpos", tr("Printer virtual untuk byte ESC/POS"));
    escpos->require_subcommand(1);
    auto args = std::make_shared<RenderArgs>();
    auto* cmd = escpos->add_subcommand(
        "render", tr("Mencetak file ESC/POS ke teks (dan PNG) seperti printer struk"));
    cmd->add_option("FILE", args->file, tr("File berisi byte ESC/POS"))->required();
    cmd->add_option("--png", args->png, tr("Tulis gambar struk ke file PNG ini"));
    cmd->add_option("--text", args->text, tr("Tulis teks struk ke file ini (bawaan: layar)"));
    cmd->add_option("--width", args->width, tr("Lebar kertas dalam titik: 384 (58 mm) atau 576 (80 mm)"));
    cmd->callback([args, &ctx] { exit_code() = render(*args, ctx); });
}

}  // namespace waserda::cli
