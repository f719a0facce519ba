// The manager's commands as the shop's administrator types them: real processes, real files.
#include "tests/cli/cli_fixture.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>

using namespace waserda::test_support;

namespace {

class ManagerCli : public CliFixture {
protected:
    void SetUp() override {
        db = tmp.file("shop.sqlite");
        ok({"init"});
        ok({"user", "add", "--name", "Budi", "--role", "cashier", "--pin", "1111"});
        ok({"user", "add", "--name", "Mulyani", "--role", "manager", "--pin", "2345"});
        ok({"item", "add", "--sku", "MIE-01", "--name", "Mie Instan Goreng", "--price", "3500", "--member-price", "3300",
            "--barcode", "8990000000013", "--barcode", "8990000000020x40", "--cost", "2800", "--category", "Makanan",
            "--min-stock", "50"});
        ok({"item", "add", "--sku", "SBN-01", "--name", "Sabun Batang", "--price", "4000", "--cost", "3000", "--category",
            "Rumah Tangga"});
        ok({"supplier", "add", "--user", "Mulyani", "--code", "SRB", "--name", "CV Sumber Rejeki"});
        ok({"receive", "--user", "Mulyani", "--supplier", "SRB", "--invoice", "F-77", "--line", "8990000000020,2,120000",
            "--line", "SBN-01,10,3200,2030-01-31"});
        ok({"shift", "open", "--user", "Budi", "--float", "100000"});
    }
};

}  // namespace

TEST_F(ManagerCli, ReceiptSetsStockAndAverageCostAndTheBooksStayBalanced) {
    auto value = nlohmann::json::parse(ok({"report", "stock-value", "--format", "json"}).out);
    ASSERT_EQ(value.size(), 2u);
    EXPECT_EQ(value[0]["sku"], "MIE-01");
    EXPECT_EQ(value[0]["on_hand"], 80);
    EXPECT_EQ(value[0]["cost"], 3000);   // nothing on hand before: the receipt's cost per piece
    EXPECT_EQ(value[1]["cost"], 3200);
    auto bad = waserda({"receive", "--user", "Mulyani", "--supplier", "NOPE", "--line", "SBN-01,1,100"});
    EXPECT_NE(bad.exit_code, 0);
    EXPECT_EQ(std::count(bad.err.begin(), bad.err.end(), '\n'), 1) << bad.err;
    auto denied = waserda({"adjust", "--user", "Budi", "--item", "SBN-01", "--qty", "-1", "--reason", "damaged"});
    EXPECT_NE(denied.exit_code, 0);
    ok({"adjust", "--user", "Budi", "--item", "SBN-01", "--qty", "-1", "--reason", "damaged", "--approver", "Mulyani",
        "--approver-pin", "2345"});
    EXPECT_EQ(waserda({"check"}).exit_code, 0);
}

TEST_F(ManagerCli, OpnameCountsFromTwoCountersAndPostsTheVariance) {
    auto number = ok({"opname", "open", "--user", "Mulyani", "--note", "Rak A"}).out;
    number.erase(number.find_last_not_of('\n') + 1);
    ok({"opname", "count", number, "--counter", "Budi", "--scan", "8990000000020", "--scan", "8990000000013"});
    ok({"opname", "count", number, "--counter", "Wati", "--set", "MIE-01=37", "--set", "SBN-01=10"});
    auto csv = ok({"opname", "variance", number, "--format", "csv"}).out;
    EXPECT_NE(csv.find("MIE-01,Mie Instan Goreng,Makanan,pcs,78,80,-2,3000,-6000,\"Budi, Wati\""), std::string::npos) << csv;
    auto xlsx = tmp.file("selisih.xlsx");
    ok({"opname", "variance", number, "--xlsx", xlsx});
    std::ifstream in(xlsx, std::ios::binary);
    char magic[2] = {};
    in.read(magic, 2);
    EXPECT_EQ(std::string(magic, 2), "PK");
    auto sheet = nlohmann::json::parse(ok({"opname", "sheet", number, "--format", "json"}).out);
    EXPECT_EQ(sheet.size(), 3u);
    EXPECT_NE(waserda({"opname", "post", number, "--user", "Budi"}).exit_code, 0);
    ok({"opname", "post", number, "--user", "Mulyani"});
    auto card = nlohmann::json::parse(ok({"report", "item-card", "MIE-01", "--format", "json"}).out);
    EXPECT_EQ(card.back()["kind"], "opname");
    EXPECT_EQ(card.back()["balance"], 78);
    EXPECT_EQ(waserda({"check"}).exit_code, 0);
}

TEST_F(ManagerCli, SalesReportsAgreeAcrossGroupingsAndFormats) {
    ok({"sale", "--user", "Budi", "--item", "8990000000013x3", "--item", "SBN-01", "--pay", "cash=20000"});
    ok({"sale", "--user", "Budi", "--item", "8990000000013", "--pay", "qris"});
    auto days = nlohmann::json::parse(ok({"report", "sales", "--by", "day", "--format", "json"}).out);
    ASSERT_EQ(days.size(), 1u);
    EXPECT_EQ(days[0]["sales"], 2);
    int64_t net = days[0]["net"];
    EXPECT_EQ(net, 4 * 3500 + 4000);
    auto pays = nlohmann::json::parse(ok({"report", "sales", "--by", "payment", "--format", "json"}).out);
    int64_t paid = 0;
    for (auto& p : pays) paid += p["amount"].get<int64_t>();
    EXPECT_EQ(paid, net);
    auto cats = ok({"report", "margin", "--by", "category", "--format", "csv"}).out;
    EXPECT_EQ(cats.substr(0, cats.find('\n')), "category,revenue,cost,margin,margin_bp\r");
    EXPECT_NE(cats.find("Makanan,14000,12000,2000,1429"), std::string::npos) << cats;
    auto table = ok({"report", "sales", "--by", "item"}).out;
    EXPECT_NE(table.find("14,29%"), std::string::npos) << table;
    auto xlsx = tmp.file("harian.xlsx");
    ok({"report", "sales", "--by", "day", "--xlsx", xlsx});
    std::ifstream in(xlsx, std::ios::binary);
    EXPECT_TRUE(in.good());
    EXPECT_NE(waserda({"report", "sales", "--from", "2026-13-01"}).exit_code, 0);
}

TEST_F(ManagerCli, ReorderPriceChangesAndLabels) {
    ok({"sale", "--user", "Budi", "--item", "8990000000020", "--pay", "cash=200000"});   // 40 sold: 40 left, min 50
    auto list = nlohmann::json::parse(ok({"reorder", "--format", "json"}).out);
    ASSERT_EQ(list.size(), 1u);
    EXPECT_EQ(list[0]["supplier"], "SRB");
    EXPECT_EQ(list[0]["sold"], 40);
    EXPECT_EQ(list[0]["suggested"], 40);   // 50 + 20 (40 over 28 days x 14) - 40 = 30 -> one carton of 40
    ok({"price", "set", "--user", "Mulyani", "--item", "MIE-01", "--price", "3700", "--from", "2099-01-01"});
    auto pending = nlohmann::json::parse(ok({"price", "list", "--pending", "--format", "json"}).out);
    EXPECT_EQ(pending.size(), 1u);
    EXPECT_NE(ok({"price", "apply"}).out.find("0 "), std::string::npos);
    ok({"price", "set", "--user", "Mulyani", "--item", "SBN-01", "--price", "4200", "--member-price", "4100"});
    auto labels = ok({"labels", "--item", "MIE-01", "--item", "SBN-01"}).out;
    EXPECT_NE(labels.find("SBN-01,Sabun Batang,pcs,4200,4100,SBN-01,"), std::string::npos) << labels;
    EXPECT_NE(labels.find("MIE-01,Mie Instan Goreng,pcs,3500,3300,8990000000013,"), std::string::npos) << labels;
}
