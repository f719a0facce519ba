// The members' side through the real `waserda` binary on a real file: credit up to and over the
// limit, a payroll month exported and settled, a consignment settled once, SHU for the year, the
// RAT pack, a statement and a member leaving - with `waserda check` passing after each.
#include "tests/cli/cli_fixture.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>

using namespace waserda::test_support;

namespace {

// The shop's local (WIB) date now, as the binary will see it.
std::string local_today() {
    auto t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now() + std::chrono::hours(7));
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return buf;
}

class MembersCli : public CliFixture {
protected:
    void SetUp() override {
        db = tmp.file("shop.sqlite");
        today = local_today();
        month = today.substr(0, 7);
        year = today.substr(0, 4);
        ok({"init"});
        ok({"user", "add", "--name", "Admin", "--role", "admin", "--pin", "1234"});
        ok({"user", "add", "--name", "Mulyani", "--role", "manager", "--pin", "2345"});
        ok({"user", "add", "--name", "Budi", "--role", "cashier", "--pin", "1111"});
        ok({"user", "add", "--name", "Sari", "--role", "supervisor", "--pin", "3456"});
        ok({"item", "add", "--sku", "MIE-01", "--name", "Mie Instan Goreng", "--price", "3500", "--member-price", "3300",
            "--barcode", "8990000000013"});
        ok({"item", "add", "--sku", "BRS-05", "--name", "Beras Premium 5 kg", "--price", "75000", "--member-price", "72000",
            "--barcode", "8990000000037"});
        ok({"member", "add", "--number", "A-0001", "--name", "Siti Aminah", "--work-unit", "Produksi"});
        ok({"member", "add", "--number", "A-0002", "--name", "Joko Susilo", "--work-unit", "Gudang"});
        // Siti: locked savings 500,000 -> limit 80% = 400,000. Joko: 250,000 -> 200,000.
        ok({"savings", "deposit", "--member", "A-0001", "--type", "pokok", "--amount", "100000"});
        ok({"savings", "deposit", "--member", "A-0001", "--type", "wajib", "--amount", "400000"});
        ok({"savings", "deposit", "--member", "A-0002", "--type", "pokok", "--amount", "100000"});
        ok({"savings", "deposit", "--member", "A-0002", "--type", "wajib", "--amount", "150000"});
        ok({"shift", "open", "--user", "Budi", "--float", "500000"});
    }

    nlohmann::json json_of(std::vector<std::string> args) {
        auto r = ok(args);
        auto j = nlohmann::json::parse(r.out, nullptr, false);
        EXPECT_FALSE(j.is_discarded()) << r.out;
        return j;
    }

    int64_t owed(const std::string& member) { return json_of({"savings", "balance", "--member", member})["owed"].get<int64_t>(); }

    void expect_check_passes() {
        auto r = waserda({"check"});
        EXPECT_EQ(r.exit_code, 0) << r.out;
    }

    std::string today, month, year;
};

}  // namespace

TEST_F(MembersCli, CreditSalesUpToTheLimitThenRefusedUnlessASupervisorApproves) {
    ok({"sale", "--user", "Budi", "--member", "A-0001", "--item", "BRS-05x5", "--pay", "member_credit"});  // 360,000
    EXPECT_EQ(owed("A-0001"), 360'000);
    auto over = waserda({"sale", "--user", "Budi", "--member", "A-0001", "--item", "BRS-05", "--pay", "member_credit"});
    EXPECT_NE(over.exit_code, 0);
    EXPECT_NE(over.err.find("Batas kredit"), std::string::npos) << over.err;
    EXPECT_EQ(owed("A-0001"), 360'000);
    ok({"sale", "--user", "Budi", "--member", "A-0001", "--item", "BRS-05", "--pay", "member_credit", "--approver", "Sari",
        "--approver-pin", "3456", "--reason", "gaji terlambat"});
    EXPECT_EQ(owed("A-0001"), 432'000);
    // Nobody's credit is old yet: no arrears.
    auto arrears = json_of({"credit", "arrears", "--format", "json"});
    EXPECT_TRUE(arrears.empty()) << arrears.dump();
    expect_check_passes();
}

TEST_F(MembersCli, PayrollMonthIsExportedForTheEmployerAndSettledOnce) {
    ok({"sale", "--user", "Budi", "--member", "A-0001", "--item", "BRS-05x2", "--pay", "member_credit"});  // 144,000
    ok({"sale", "--user", "Budi", "--member", "A-0002", "--item", "MIE-01x10", "--pay", "member_credit"});  // 33,000
    auto list = json_of({"payroll", "list", "--month", month, "--format", "json"});
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(list[0]["work_unit"], "Gudang");
    EXPECT_EQ(list[0]["amount"], 33'000);

    std::string csv = tmp.file("potong.csv"), xlsx = tmp.file("potong.xlsx");
    EXPECT_NE(waserda({"payroll", "export", "--month", month, "--user", "Budi", "--csv", csv}).exit_code, 0);  // a manager's task
    ok({"payroll", "export", "--month", month, "--user", "Mulyani", "--csv", csv, "--xlsx", xlsx});
    EXPECT_GT(std::filesystem::file_size(xlsx), 1000u);

    // The employer could deduct only 100,000 from Siti, and sent a line for someone unknown.
    std::string bad = tmp.file("hasil-salah.csv");
    std::ofstream(bad) << "number,deducted\nA-0001,100000\nA-0002,33000\nA-0099,5000\nA-0002,1\n";
    auto refused = waserda({"payroll", "settle", "--month", month, "--file", bad, "--user", "Mulyani"});
    EXPECT_NE(refused.exit_code, 0);
    EXPECT_NE(refused.err.find("baris 4"), std::string::npos) << refused.err;
    EXPECT_NE(refused.err.find("baris 5"), std::string::npos) << refused.err;
    EXPECT_EQ(owed("A-0001"), 144'000);  // nothing posted

    std::string good = tmp.file("hasil.csv");
    std::ofstream(good) << "number,deducted\nA-0001,100000\nA-0002,33000\n";
    auto settled = ok({"payroll", "settle", "--month", month, "--file", good, "--user", "Mulyani"});
    EXPECT_NE(settled.out.find("133.000"), std::string::npos) << settled.out;
    EXPECT_EQ(owed("A-0001"), 44'000);
    EXPECT_EQ(owed("A-0002"), 0);
    auto twice = waserda({"payroll", "settle", "--month", month, "--file", good, "--user", "Mulyani"});
    EXPECT_NE(twice.exit_code, 0);
    EXPECT_NE(twice.err.find("sudah diposting"), std::string::npos) << twice.err;
    EXPECT_EQ(owed("A-0001"), 44'000);
    expect_check_passes();
}

TEST_F(MembersCli, ConsignmentIsReceivedSoldAndSettledOnlyOnce) {
    ok({"consignor", "add", "--code", "K-01", "--name", "Bu Rina", "--fee", "10", "--user", "Mulyani"});
    ok({"item", "add", "--sku", "KRP-01", "--name", "Keripik Singkong", "--price", "10000"});
    ok({"consignment", "item", "--sku", "KRP-01", "--consignor", "K-01", "--user", "Mulyani"});
    ok({"consignment", "receive", "--consignor", "K-01", "--item", "KRP-01x10", "--user", "Mulyani"});
    ok({"sale", "--user", "Budi", "--item", "KRP-01x3", "--pay", "cash=30000"});
    auto report = json_of({"consignment", "report", "--consignor", "K-01", "--from", "2000-01-01", "--to", "2100-12-31",
                           "--format", "json"});
    ASSERT_EQ(report.size(), 2u);  // the item and the total
    EXPECT_EQ(report[0]["qty_sold"], 3);
    EXPECT_EQ(report[0]["sold"], 30'000);
    EXPECT_EQ(report[0]["fee"], 3'000);
    EXPECT_EQ(report[0]["due"], 27'000);
    EXPECT_EQ(report[0]["unsold"], 7);
    auto paid = json_of({"consignment", "pay", "--consignor", "K-01", "--from", "2000-01-01", "--to", "2100-12-31", "--user",
                         "Mulyani", "--method", "cash"});
    EXPECT_EQ(paid["due"], 27'000);
    auto again = waserda({"consignment", "pay", "--consignor", "K-01", "--from", "2000-01-01", "--to", "2100-12-31", "--user",
                          "Mulyani"});
    EXPECT_NE(again.exit_code, 0);
    auto x = json_of({"shift", "status"});
    EXPECT_EQ(x["expected_cash"], 500'000 + 30'000 - 27'000);
    expect_check_passes();
}

TEST_F(MembersCli, ShuForTheYearPaysThePoolsExactlyAndTheRatPackIsWritten) {
    ok({"sale", "--user", "Budi", "--member", "A-0001", "--item", "BRS-05", "--pay", "cash=72000"});
    ok({"sale", "--user", "Budi", "--member", "A-0002", "--item", "MIE-01x10", "--pay", "cash=33000"});
    ok({"sale", "--user", "Budi", "--item", "BRS-05", "--pay", "cash=75000"});
    auto shu = json_of({"report", "shu", "--year", year, "--surplus", "1.000.001", "--jasa-modal", "20", "--jasa-usaha", "25",
                        "--fund", "Dana pengurus=10", "--format", "json"});
    int64_t pools = 0;
    for (auto& p : shu["pools"]) pools += p["amount"].get<int64_t>();
    EXPECT_EQ(pools, 1'000'001);
    int64_t modal = 0, usaha = 0;
    for (auto& m : shu["members"]) {
        modal += m["jasa_modal"].get<int64_t>();
        usaha += m["jasa_usaha"].get<int64_t>();
    }
    EXPECT_EQ(modal, shu["jasa_modal"]["pool"].get<int64_t>());
    EXPECT_EQ(usaha, shu["jasa_usaha"]["pool"].get<int64_t>());
    EXPECT_EQ(shu["purchases_denominator"], 105'000);
    ASSERT_EQ(shu["members"].size(), 2u);
    EXPECT_EQ(shu["members"][0]["number"], "A-0001");
    EXPECT_EQ(shu["members"][0]["purchases"], 72'000);
    EXPECT_EQ(shu["members"][0]["savings"], 500'000);

    auto table = ok({"report", "shu", "--year", year, "--surplus", "1000000", "--jasa-modal", "20", "--jasa-usaha", "25"});
    EXPECT_NE(table.out.find("Siti Aminah"), std::string::npos);
    auto csv = ok({"report", "shu", "--year", year, "--surplus", "1000000", "--jasa-modal", "20", "--jasa-usaha", "25",
                   "--all-sales", "--format", "csv"});
    EXPECT_EQ(csv.out.rfind("number,name,savings,purchases,jasa_modal,jasa_usaha,total", 0), 0u) << csv.out;
    auto bad = waserda({"report", "shu", "--year", year, "--surplus", "1000000", "--jasa-modal", "60", "--jasa-usaha", "50"});
    EXPECT_NE(bad.exit_code, 0);

    // The year is still running: crediting SHU to savings waits for the books to close.
    auto early = waserda({"shu", "credit", "--year", year, "--surplus", "1000000", "--jasa-modal", "20", "--jasa-usaha", "25",
                          "--user", "Mulyani"});
    EXPECT_NE(early.exit_code, 0);
    EXPECT_NE(early.err.find("belum selesai"), std::string::npos) << early.err;

    std::string xlsx = tmp.file("rat.xlsx"), dir = tmp.file("rat");
    ok({"report", "rat", "--year", year, "--surplus", "1000000", "--jasa-modal", "20", "--jasa-usaha", "25", "--xlsx", xlsx,
        "--out", dir});
    EXPECT_GT(std::filesystem::file_size(xlsx), 1000u);
    for (auto name : {"anggota", "simpanan", "kredit", "usaha", "shu_pool", "shu"})
        EXPECT_TRUE(std::filesystem::exists(dir + "/rat-" + year + "-" + name + ".csv")) << name;
    expect_check_passes();
}

TEST_F(MembersCli, StatementAndLeavingSettleTheMembersMoney) {
    ok({"sale", "--user", "Budi", "--member", "A-0002", "--item", "MIE-01x10", "--pay", "member_credit"});  // 33,000
    ok({"repay", "--member", "A-0002", "--amount", "3000", "--user", "Budi"});
    auto statement = json_of({"statement", "--member", "A-0002", "--from", "2000-01-01", "--to", "2100-12-31", "--format", "json"});
    EXPECT_EQ(statement["closing"]["owed"], 30'000);
    EXPECT_EQ(statement["purchases"], 33'000);
    EXPECT_EQ(statement["repaid"], 3'000);
    auto text = ok({"statement", "--member", "A-0002", "--from", "2000-01-01", "--to", "2100-12-31", "--width", "32"});
    EXPECT_NE(text.out.find("REKENING ANGGOTA"), std::string::npos);

    auto preview = json_of({"leave", "--member", "A-0002", "--preview"});
    EXPECT_EQ(preview["payout"], 250'000 - 30'000);
    EXPECT_EQ(preview["recorded"], false);
    auto left = json_of({"leave", "--member", "A-0002", "--user", "Mulyani", "--drawer", "--note", "pensiun"});
    EXPECT_EQ(left["payout"], 220'000);
    EXPECT_EQ(left["member"]["status"], "left");
    auto balance = json_of({"savings", "balance", "--member", "A-0002"});
    EXPECT_EQ(balance["pokok"], 0);
    EXPECT_EQ(balance["owed"], 0);
    EXPECT_NE(waserda({"leave", "--member", "A-0002", "--user", "Mulyani"}).exit_code, 0);
    expect_check_passes();
}
