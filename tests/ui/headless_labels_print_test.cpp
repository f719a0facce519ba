// Shelf labels printed from the prices screen on the till's receipt printer (the virtual printer
// here: every job is <label>.bin/.png/.txt and a line in printed.log): what arrives on the paper,
// at 58 and 80 mm, and a label sheet waiting behind a receipt while the paper is out, printed once
// each, in order, after the retry.
#include "pos/ui/keys.hpp"
#include "pos/ui/widgets.hpp"
#include "tests/ui/ui_fixture.hpp"

#include <cctype>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

namespace waserda::ui_test {
namespace {

namespace fs = std::filesystem;

class LabelsPrintUi : public UiFixture {
protected:
    // The app afresh with the virtual printer on `paper` mm paper, folder `printer_dir`.
    void start_with_virtual_printer(int paper) {
        printer_dir = tmp.file("printer");
        app.reset();
        ui::Services services;
        std::string error;
        services.printer = ui::make_printer("virtual:" + printer_dir, error, paper);
        ASSERT_TRUE(services.printer) << error;
        services.office = ui::make_back_office(*store, *shop);
        ui::AppOptions opt;
        opt.quick_keys_file = quick_keys;
        app = std::make_unique<ui::App>(*shop, std::move(services), opt);
        app->start();
        frames(2);
    }

    static std::string slurp(const std::string& path) {
        std::ifstream in(path, std::ios::binary);
        std::stringstream ss;
        ss << in.rdbuf();
        return ss.str();
    }
    std::string printed_log() const { return slurp(printer_dir + "/printed.log"); }

    // Rina (manager) on the prices screen.
    void manager_on_prices() {
        login("Rina", "5555");
        app->go("menu");
        frames(2);
        ASSERT_TRUE(tap("menu.stock"));
        ASSERT_TRUE(tap("stock.go.stock_prices"));
        ASSERT_EQ(state().screen, "stock_prices");
    }

    // The sugar becomes Rp 12.500 (members Rp 12.000) today, which puts it on the label list; the
    // tea is added by hand.
    void choose_labels() {
        scan(codes.sugar);
        for (int i = 0; i < 5; ++i) ASSERT_TRUE(tap("prices.pad.back"));
        tap_digits("prices.pad", "12500");
        ASSERT_TRUE(tap("prices.field.member"));
        for (int i = 0; i < 5; ++i) ASSERT_TRUE(tap("prices.pad.back"));
        tap_digits("prices.pad", "12000");
        ASSERT_TRUE(tap("prices.b4"));
        scan(codes.tea);
        ASSERT_TRUE(tap("prices.label.add"));
    }

    void expect_labels_on_paper(int paper) {
        start_with_virtual_printer(paper);
        manager_on_prices();
        choose_labels();
        ASSERT_TRUE(tap("prices.labels.print"));
        EXPECT_NE(state().banner.text.find("2 label rak dikirim ke printer"), std::string::npos) << state().banner.text;
        // printed.log gets its line once the job's files are written.
        ASSERT_TRUE(frames_until([&] { return printed_log() == "label-rak-1\n"; })) << state().printer.text;
        std::string text = slurp(printer_dir + "/label-rak-1.txt");
        EXPECT_NE(text.find("Gula Pasir 1 kg"), std::string::npos) << text;
        EXPECT_NE(text.find("Rp 12.500"), std::string::npos) << text;
        EXPECT_NE(text.find("Harga anggota Rp 12.000"), std::string::npos) << text;
        EXPECT_NE(text.find("[EAN13 " + codes.sugar + "]"), std::string::npos) << text;
        EXPECT_NE(text.find("Teh Celup isi 25"), std::string::npos) << text;
        EXPECT_NE(text.find("Rp 7.500"), std::string::npos) << text;
        EXPECT_NE(text.find("[EAN13 " + codes.tea + "]"), std::string::npos) << text;
        EXPECT_GT(fs::file_size(printer_dir + "/label-rak-1.png"), 1000u);
        EXPECT_EQ(printed_log(), "label-rak-1\n");
        // The screen says it printed; the list stays for a second copy or the file.
        ASSERT_TRUE(frames_until([&] { return state().banner.text.find("Label rak sudah tercetak") != std::string::npos; }))
            << state().banner.text;
        EXPECT_TRUE(ui->visible("prices.labels.0"));
        // Keeping a copy as a file is still there, beside the print button.
        ASSERT_TRUE(tap("prices.b3"));
        EXPECT_NE(state().banner.text.find(".bin untuk printer struk"), std::string::npos) << state().banner.text;
        if (const char* dir = std::getenv("WASERDA_SCREENSHOT_DIR"))
            fs::copy_file(printer_dir + "/label-rak-1.png", fs::path(dir) / ("labels-pos-" + std::to_string(paper) + "mm.png"),
                          fs::copy_options::overwrite_existing);
    }

    // On the virtual printer with its paper out, Siti sells the sugar: the sale is committed, its
    // receipt fails for want of paper. `receipt` is the sale's number.
    void sell_without_paper(std::string& receipt) {
        start_with_virtual_printer(58);
        std::ofstream(printer_dir + "/kertas-habis") << "";
        open_till();
        scan(codes.sugar);
        press(ui::keys::F12);
        press(ui::keys::Enter);
        ASSERT_TRUE(state().last_sale.has_value()) << state().banner.text;
        receipt = state().last_sale->number;
        ASSERT_TRUE(frames_until([&] { return state().printer.text.find("Kertas printer habis") != std::string::npos; }))
            << state().printer.text;
    }

    std::string printer_dir;
};

TEST_F(LabelsPrintUi, LabelsPrintOnTheReceiptPrinterAt58mm) { expect_labels_on_paper(58); }
TEST_F(LabelsPrintUi, LabelsPrintOnTheReceiptPrinterAt80mm) { expect_labels_on_paper(80); }

TEST_F(LabelsPrintUi, ALabelSheetBehindAReceiptWaitsForPaperAndPrintsOnceAfterTheRetry) {
    std::string receipt;
    ASSERT_NO_FATAL_FAILURE(sell_without_paper(receipt));
    app->logout();
    frames(2);

    // The manager's labels go into the same queue and wait too.
    manager_on_prices();
    choose_labels();
    ASSERT_TRUE(tap("prices.labels.print"));
    ASSERT_TRUE(frames_until([&] { return ui->visible("prices.labels.retry"); })) << state().printer.text;
    EXPECT_NE(state().banner.text.find("Label rak belum tercetak: Kertas printer habis"), std::string::npos)
        << state().banner.text;
    EXPECT_TRUE(frames_until([&] {
        return state().printer.text == "Kertas printer habis. Ganti gulungan kertas lalu cetak ulang. Label rak menunggu.";
    })) << state().printer.text;
    EXPECT_FALSE(fs::exists(printer_dir + "/printed.log")) << "nothing came out of a printer without paper";
    // Retrying before the paper is in: still waiting, nothing lost.
    ASSERT_TRUE(tap("prices.labels.retry"));
    ASSERT_TRUE(frames_until([&] { return ui->visible("prices.labels.retry"); }));
    EXPECT_FALSE(fs::exists(printer_dir + "/printed.log"));

    // New paper, one retry: the receipt, then the labels, each once (the sale's drawer pulse that
    // failed with them is dropped, not fired minutes later).
    fs::remove(printer_dir + "/kertas-habis");
    ASSERT_TRUE(tap("prices.labels.retry"));
    EXPECT_NE(state().banner.text.find("2 cetakan dikirim lagi ke printer"), std::string::npos) << state().banner.text;
    ASSERT_TRUE(frames_until([&] { return state().banner.text.find("Label rak sudah tercetak") != std::string::npos; }))
        << state().banner.text << " / " << state().printer.text;
    EXPECT_EQ(printed_log(), receipt + "\nlabel-rak-1\n");
    EXPECT_NE(slurp(printer_dir + "/label-rak-1.txt").find("Rp 12.500"), std::string::npos);
    EXPECT_NE(slurp(printer_dir + "/" + receipt + ".txt").find("Gula Pasir"), std::string::npos);
    EXPECT_FALSE(ui->visible("prices.labels.retry"));
    ASSERT_TRUE(frames_until([&] { return state().printer.text == "Printer siap"; })) << state().printer.text;
    // Nothing is left to print again.
    frames(5);
    app->poll_services();
    EXPECT_EQ(printed_log(), receipt + "\nlabel-rak-1\n");
}

TEST_F(LabelsPrintUi, AReceiptReprintedAtTheTillIsNotPrintedAgainByALaterRetry) {
    std::string receipt;
    ASSERT_NO_FATAL_FAILURE(sell_without_paper(receipt));
    // New paper; the cashier prints the copy from the checkout for the waiting customer.
    fs::remove(printer_dir + "/kertas-habis");
    app->reprint_last();
    ASSERT_TRUE(frames_until([&] { return printed_log() == receipt + "-salinan-1\n"; })) << printed_log();
    // Later, a retry finds nothing of that sale to print again (its drawer pulse is dropped too).
    EXPECT_EQ(app->retry_failed_prints(), 0u);
    frames(5);
    app->poll_services();
    EXPECT_EQ(printed_log(), receipt + "-salinan-1\n");
}

// The tests' folder printer writes the labels as plain lines at once.
TEST_F(LabelsPrintUi, TheFolderPrinterWritesTheLabelsAsText) {
    manager_on_prices();
    choose_labels();
    ASSERT_TRUE(tap("prices.labels.print"));
    frames(2);
    EXPECT_NE(state().banner.text.find("Label rak sudah tercetak"), std::string::npos) << state().banner.text;
    std::string text = slurp(receipts + "/label-rak-1.txt");
    EXPECT_NE(text.find("Gula Pasir 1 kg\nRp 12.500\n" + codes.sugar), std::string::npos) << text;
}

// The failed state (status line and Ulangi cetak) fits a finger on the smallest screen.
class LabelsPrintUi1024 : public LabelsPrintUi {
protected:
    int width() const override { return 1024; }
};

TEST_F(LabelsPrintUi1024, ThePaperOutStateIsTouchableAt1024x768) {
    start_with_virtual_printer(58);
    std::ofstream(printer_dir + "/kertas-habis") << "";
    manager_on_prices();
    choose_labels();
    ASSERT_TRUE(tap("prices.labels.print"));
    ASSERT_TRUE(frames_until([&] { return ui->visible("prices.labels.retry"); }));
    for (auto& [id, r] : ui::hits().all()) {
        const bool row = id.find(".pending.") != std::string::npos ||
                         (id.rfind("prices.labels.", 0) == 0 && std::isdigit(static_cast<unsigned char>(id.back())));
        if (row) continue;   // table rows scroll
        EXPECT_GE(r.max.y - r.min.y, 47.5f) << id;
        EXPECT_GE(r.max.x - r.min.x, 47.5f) << id;
        EXPECT_LE(r.max.x, 1024.5f) << id;
        EXPECT_LE(r.max.y, 768.5f) << id;
    }
}

}  // namespace
}  // namespace waserda::ui_test
