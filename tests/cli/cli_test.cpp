// `waserda` as the shop's administrator uses it: every command a real process on a real file.
#include "tests/cli/cli_fixture.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>

using namespace waserda::test_support;

namespace {

class Cli : public CliFixture {
protected:
    void SetUp() override {
        db = tmp.file("shop.sqlite");
        ok({"init"});
        ok({"user", "add", "--name", "Admin", "--role", "admin", "--pin", "1234"});
        ok({"user", "add", "--name", "Budi", "--role", "cashier", "--pin", "1111"});
        ok({"user", "add", "--name", "Sari", "--role", "supervisor", "--pin", "3456"});
        ok({"item", "add", "--sku", "MIE-01", "--name", "Mie Instan Goreng", "--price", "3.500", "--member-price", "3300",
            "--barcode", "8990000000013", "--barcode", "8990000000020x40", "--cost", "2900"});
        ok({"item", "add", "--sku", "BRS-05", "--name", "Beras Premium 5 kg", "--price", "75000", "--member-price", "72000",
            "--barcode", "8990000000037"});
        ok({"member", "add", "--number", "A-0001", "--name", "Siti Aminah", "--card", "M0001", "--work-unit", "Produksi"});
        ok({"savings", "deposit", "--member", "A-0001", "--type", "pokok", "--amount", "100000"});
        ok({"savings", "deposit", "--member", "A-0001", "--type", "wajib", "--amount", "400000"});
        ok({"shift", "open", "--user", "Budi", "--float", "200000"});
    }
};

int count_lines(const std::string& s) { return static_cast<int>(std::count(s.begin(), s.end(), '\n')); }

}  // namespace

TEST_F(Cli, SaleRecordsThroughTheCoreAndPrintsJson) {
    auto r = ok({"sale", "--user", "Budi", "--member", "A-0001", "--item", "8990000000013x3", "--item", "BRS-05",
                 "--pay", "cash=100000"});
    auto sale = nlohmann::json::parse(r.out);
    EXPECT_EQ(sale["number"], "T01-" + sale["local_date"].get<std::string>().substr(0, 4) +
                                  sale["local_date"].get<std::string>().substr(5, 2) +
                                  sale["local_date"].get<std::string>().substr(8, 2) + "-0001");
    EXPECT_EQ(sale["total"], 3 * 3300 + 72000);
    EXPECT_EQ(sale["change"], 100000 - 81900);
    EXPECT_EQ(waserda({"check"}).exit_code, 0);
}

TEST_F(Cli, PackBarcodeTimesQuantitySellsWholeCartons) {
    auto r = ok({"sale", "--user", "Budi", "--item", "8990000000020x2", "--pay", "cash"});
    auto sale = nlohmann::json::parse(r.out);
    EXPECT_EQ(sale["lines"][0]["qty"], 80);
}

TEST_F(Cli, AFailingSaleSaysOneLineExitsNonZeroAndRecordsNothing) {
    auto unknown = waserda({"sale", "--user", "Budi", "--item", "8990000000013", "--item", "NOPE", "--pay", "cash=10000"});
    EXPECT_NE(unknown.exit_code, 0);
    EXPECT_EQ(count_lines(unknown.err), 1) << unknown.err;
    EXPECT_NE(unknown.err.find("NOPE"), std::string::npos);
    auto short_paid = waserda({"sale", "--user", "Budi", "--item", "BRS-05", "--pay", "cash=1000"});
    EXPECT_NE(short_paid.exit_code, 0);
    EXPECT_NE(short_paid.err.find("kurang"), std::string::npos);
    auto over_limit = waserda({"sale", "--user", "Budi", "--member", "A-0001", "--item", "BRS-05x6", "--pay", "member_credit"});
    EXPECT_NE(over_limit.exit_code, 0);
    EXPECT_NE(over_limit.err.find("Batas kredit"), std::string::npos);
    auto stock = ok({"report", "stock", "--format", "json"});
    for (auto& row : nlohmann::json::parse(stock.out)) EXPECT_EQ(row["on_hand"], 0) << row.dump();
}

TEST_F(Cli, SupervisorPinUnlocksACreditOverride) {
    auto wrong = waserda({"sale", "--user", "Budi", "--member", "A-0001", "--item", "BRS-05x6", "--pay", "member_credit",
                          "--approver", "Sari", "--approver-pin", "0000"});
    EXPECT_NE(wrong.exit_code, 0);
    ok({"sale", "--user", "Budi", "--member", "A-0001", "--item", "BRS-05x6", "--pay", "member_credit", "--approver", "Sari",
        "--approver-pin", "3456", "--reason", "panen"});
    auto bal = nlohmann::json::parse(ok({"savings", "balance", "--member", "A-0001"}).out);
    EXPECT_EQ(bal["owed"], 6 * 72000);
    EXPECT_EQ(bal["available_credit"], 0);
}

TEST_F(Cli, ReturnByReceiptNumber) {
    auto sale = nlohmann::json::parse(ok({"sale", "--user", "Budi", "--item", "MIE-01x4", "--pay", "cash"}).out);
    auto denied = waserda({"return", "--user", "Budi", "--sale", sale["number"], "--line", "1x1"});
    EXPECT_NE(denied.exit_code, 0);
    auto ret = nlohmann::json::parse(
        ok({"return", "--user", "Budi", "--sale", sale["number"], "--line", "1x1", "--approver-pin", "3456"}).out);
    EXPECT_EQ(ret["kind"], "return");
    EXPECT_EQ(ret["total"], -3500);
    EXPECT_EQ(waserda({"check"}).exit_code, 0);
}

TEST_F(Cli, CsvImportIsAllOrNothingAndNamesLineAndColumn) {
    std::string bad = tmp.file("bad.csv");
    std::ofstream(bad) << "sku,name,unit,category,weighed,price,member_price,wholesale_min_qty,wholesale_price,cost,taxable,"
                          "min_stock,active,barcodes,stock\n"
                          "GUL-01,Gula Pasir 1 kg,pcs,Sembako,0,18000,17500,0,0,16000,0,10,1,8990000000044,50\n"
                          "MNY-02,Minyak 2 L,pcs,Sembako,0,12.5,36000,0,0,33000,1,10,1,8990000000051,20\n"
                          "TEH-01,,pcs,Minuman,0,5000,4800,0,0,4000,1,10,1,8990000000068,20\n";
    auto r = waserda({"item", "import", bad});
    EXPECT_NE(r.exit_code, 0);
    EXPECT_NE(r.err.find("3"), std::string::npos);
    EXPECT_NE(r.err.find("price"), std::string::npos);
    EXPECT_NE(r.err.find("4"), std::string::npos);
    EXPECT_NE(r.err.find("name"), std::string::npos);
    auto export_after = ok({"item", "export"});
    EXPECT_EQ(export_after.out.find("GUL-01"), std::string::npos);  // nothing was imported

    std::string good = tmp.file("good.csv");
    std::ofstream(good) << "sku,name,unit,category,weighed,price,member_price,wholesale_min_qty,wholesale_price,cost,taxable,"
                           "min_stock,active,barcodes,stock\n"
                           "GUL-01,Gula Pasir 1 kg,pcs,Sembako,0,18000,17500,0,0,16000,0,10,1,8990000000044,50\n";
    ok({"item", "import", good});
    auto stock = nlohmann::json::parse(ok({"report", "stock", "--format", "json"}).out);
    bool found = false;
    for (auto& row : stock)
        if (row["sku"] == "GUL-01") found = row["on_hand"] == 50;
    EXPECT_TRUE(found);
    EXPECT_EQ(waserda({"check"}).exit_code, 0);
}

TEST_F(Cli, StockReportInEveryFormat) {
    ok({"sale", "--user", "Budi", "--item", "MIE-01x2", "--pay", "cash"});
    auto table = ok({"report", "stock"});
    EXPECT_NE(table.out.find("Mie Instan Goreng"), std::string::npos);
    auto csv = ok({"report", "stock", "--format", "csv"});
    EXPECT_EQ(csv.out.rfind("sku,name", 0), 0u);
    auto json = nlohmann::json::parse(ok({"report", "stock", "--format", "json"}).out);
    EXPECT_EQ(json.size(), 2u);
}

TEST_F(Cli, BackupWhileOpenGivesAUsableDatabase) {
    ok({"sale", "--user", "Budi", "--item", "MIE-01", "--pay", "cash"});
    std::string copy = tmp.file("copy.sqlite");
    ok({"backup", copy});
    auto r = run({std::string(WASERDA_BINARY_DIR) + "/bin/waserda", "--db", copy, "check"});
    EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
}

TEST_F(Cli, EveryCommandHasHelp) {
    for (auto cmd : {"init", "item", "member", "savings", "user", "sale", "return", "report", "check", "backup", "demo", "shift"}) {
        auto r = waserda({cmd, "--help"});
        EXPECT_EQ(r.exit_code, 0) << cmd;
        EXPECT_FALSE(r.out.empty()) << cmd;
    }
}
