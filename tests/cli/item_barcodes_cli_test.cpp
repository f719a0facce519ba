// `waserda item add` and `item import` change an item's barcodes only when they are given.
#include "tests/cli/cli_fixture.hpp"

#include <gtest/gtest.h>

#include <fstream>

using namespace waserda::test_support;

namespace {

class ItemBarcodesCli : public CliFixture {
protected:
    void SetUp() override {
        db = tmp.file("shop.sqlite");
        ok({"init"});
        ok({"item", "add", "--sku", "MIE-01", "--name", "Mie Instan Goreng", "--price", "3500", "--barcode",
            "8990000000013", "--barcode", "8990000000020x40"});
    }
    std::string exported() { return ok({"item", "export"}).out; }
};

TEST_F(ItemBarcodesCli, ChangingThePriceWithoutBarcodesKeepsThem) {
    ok({"item", "add", "--sku", "MIE-01", "--name", "Mie Instan Goreng", "--price", "3700"});
    auto csv = exported();
    EXPECT_NE(csv.find("8990000000013;8990000000020x40"), std::string::npos) << csv;
    EXPECT_NE(csv.find("3700"), std::string::npos) << csv;
}

TEST_F(ItemBarcodesCli, GivenBarcodesReplaceTheOldOnes) {
    ok({"item", "add", "--sku", "MIE-01", "--name", "Mie Instan Goreng", "--price", "3500", "--barcode", "8990000000044"});
    auto csv = exported();
    EXPECT_NE(csv.find("8990000000044"), std::string::npos) << csv;
    EXPECT_EQ(csv.find("8990000000013"), std::string::npos) << csv;
}

TEST_F(ItemBarcodesCli, AnImportWithoutABarcodesColumnKeepsThem) {
    std::string file = tmp.file("prices.csv");
    std::ofstream(file) << "sku,name,price\nMIE-01,Mie Instan Goreng,3900\n";
    ok({"item", "import", file});
    auto csv = exported();
    EXPECT_NE(csv.find("8990000000013;8990000000020x40"), std::string::npos) << csv;
    EXPECT_NE(csv.find("3900"), std::string::npos) << csv;
}

}  // namespace
