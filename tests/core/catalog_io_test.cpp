#include "pos/core/catalog_io.hpp"

#include <gtest/gtest.h>

#include <algorithm>

using namespace waserda::core;

namespace {

const char* kGoodItems =
    "sku,name,unit,category,weighed,price,member_price,wholesale_min_qty,wholesale_price,cost,taxable,min_stock,active,barcodes,stock\n"
    "MIE-GRG,Mie Instan Goreng 85 g,pcs,Mie Instan,0,3.500,Rp 3.300,40,3.200,2900,1,80,ya,8991234567891;8991234567907x40,200\n"
    "BRS-05,\"Beras Premium, 5 kg\",karung,Sembako,tidak,\"Rp 75.000\",72000,,,68000,0,10,1,8991234567914,25\n"
    "2000012,Telur Ayam Ras,kg,Sembako,1,28000,27000,0,0,24000,0,10000,true,,30000\n"
    "ATK-01,Pulpen Hitam,pcs,Alat Tulis,0,3000,,,,2000,1,,,036000291452;96385074,\n";

bool has_problem(const std::vector<ImportProblem>& ps, int line, const std::string& column) {
    return std::any_of(ps.begin(), ps.end(), [&](auto& p) { return p.line == line && p.column == column; });
}

}  // namespace

TEST(ItemsFromCsv, ReadsAGoodFile) {
    auto r = items_from_csv(kGoodItems, default_in_store_rules());
    ASSERT_TRUE(r.problems.empty()) << format_problems(r.problems);
    ASSERT_EQ(r.items.size(), 4u);
    const Item& mie = r.items[0];
    EXPECT_EQ(mie.sku, "MIE-GRG");
    EXPECT_EQ(mie.price, Money::rp(3500));
    EXPECT_EQ(mie.member_price, Money::rp(3300));
    EXPECT_EQ(mie.wholesale_min_qty, 40);
    EXPECT_EQ(mie.wholesale_price, Money::rp(3200));
    EXPECT_TRUE(mie.active);
    ASSERT_EQ(mie.barcodes.size(), 2u);
    EXPECT_EQ(mie.barcodes[1].code, "8991234567907");
    EXPECT_EQ(mie.barcodes[1].pack_qty, 40);
    EXPECT_EQ(r.items[1].name, "Beras Premium, 5 kg");
    EXPECT_EQ(r.items[1].price, Money::rp(75000));
    EXPECT_FALSE(r.items[1].taxable);
    EXPECT_TRUE(r.items[2].weighed);
    EXPECT_EQ(r.items[2].unit, "kg");
    EXPECT_EQ(r.items[3].member_price, Money{});  // empty: no member price
    EXPECT_EQ(r.items[3].barcodes.size(), 2u);     // a UPC-A and an EAN-8
    EXPECT_EQ(r.opening_stock, (std::vector<std::pair<std::string, int64_t>>{{"MIE-GRG", 200}, {"BRS-05", 25}, {"2000012", 30000}}));
}

TEST(ItemsFromCsv, AcceptsSemicolonSeparatedExcelExports) {
    auto r = items_from_csv("\xEF\xBB\xBFsku;name;price;barcodes\r\nK1;Kopi Sachet;1.500;\"8991234567891;8991234567907x10\"\r\n",
                            default_in_store_rules());
    ASSERT_TRUE(r.problems.empty()) << format_problems(r.problems);
    EXPECT_EQ(r.items[0].price, Money::rp(1500));
    EXPECT_EQ(r.items[0].barcodes[1].pack_qty, 10);
}

TEST(ItemsFromCsv, ReportsEveryProblemWithLineAndColumn) {
    const char* text =
        "sku,name,unit,weighed,price,member_price,barcodes,stock\n"
        "A1,Gula Pasir 1 kg,pcs,0,\"12,5\",,,\n"                       // 2: price with a decimal comma
        ",Tanpa SKU,pcs,0,1000,,,\n"                                   // 3: sku empty
        "A1,Kembar,pcs,0,1000,,,\n"                                    // 4: sku repeated
        "A4,,pcs,0,1000,1200,,\n"                                      // 5: no name; member price above price
        "A5,Kode Salah,pcs,0,1000,,8991234567890,\n"                   // 6: check digit
        "A6,Kode Kembar,pcs,0,1000,,8991234567891;8991234567891x0,\n"  // 7: pack qty 0
        "A7,Kode Dipakai,pcs,0,1000,,8991234567891,\n"                 // 8: barcode repeated
        "2100001,Bawang Merah,pcs,1,40000,,,\n"                        // 9: weighed not in kg
        "A9,Minus,pcs,0,-500,,,-3\n"                                   // 10: negative price and stock
        "A10,Banyak,pcs,0,1000,,,,extra\n";                            // 11: more fields than the header
    auto r = items_from_csv(text, default_in_store_rules());
    EXPECT_TRUE(has_problem(r.problems, 2, "price"));
    EXPECT_TRUE(has_problem(r.problems, 3, "sku"));
    EXPECT_TRUE(has_problem(r.problems, 4, "sku"));
    EXPECT_TRUE(has_problem(r.problems, 5, "name"));
    EXPECT_TRUE(has_problem(r.problems, 5, "member_price"));
    EXPECT_TRUE(has_problem(r.problems, 6, "barcodes"));
    EXPECT_TRUE(has_problem(r.problems, 7, "barcodes"));
    EXPECT_TRUE(has_problem(r.problems, 8, "barcodes"));
    EXPECT_TRUE(has_problem(r.problems, 9, "unit"));
    EXPECT_TRUE(has_problem(r.problems, 10, "price"));
    EXPECT_TRUE(has_problem(r.problems, 10, "stock"));
    EXPECT_TRUE(has_problem(r.problems, 11, ""));
    EXPECT_EQ(r.problems.size(), 12u) << format_problems(r.problems);
    std::string text_out = format_problems(r.problems);
    EXPECT_NE(text_out.find("baris 2, kolom price: Harga tidak berlaku: \"12,5\""), std::string::npos) << text_out;
    EXPECT_NE(text_out.find("baris 4, kolom sku: SKU A1 sudah dipakai di baris 2."), std::string::npos) << text_out;
}

TEST(ItemsFromCsv, WeighedSkuMustMatchTheScaleLabelScheme) {
    auto r = items_from_csv("sku,name,unit,weighed,price\n200001,Cabai Merah,kg,1,60000\n2000021,Cabai Rawit,kg,1,70000\n",
                            default_in_store_rules());
    ASSERT_EQ(r.problems.size(), 1u) << format_problems(r.problems);
    EXPECT_EQ(r.problems[0].line, 2);
    EXPECT_EQ(r.problems[0].column, "sku");
}

TEST(ItemsFromCsv, MissingRequiredAndUnknownColumnsAreReportedOnTheHeader) {
    auto r = items_from_csv("sku,nama,harga\nA,B,1000\n", default_in_store_rules());
    EXPECT_TRUE(has_problem(r.problems, 1, "name"));
    EXPECT_TRUE(has_problem(r.problems, 1, "price"));
    EXPECT_TRUE(has_problem(r.problems, 1, "nama"));
    EXPECT_TRUE(r.items.empty());
}

TEST(ItemsFromCsv, BrokenCsvIsOneProblemWithItsLine) {
    auto r = items_from_csv("sku,name,price\nA,\"Gula,1000\n", default_in_store_rules());
    ASSERT_EQ(r.problems.size(), 1u);
    EXPECT_EQ(r.problems[0].line, 2);
}

TEST(ItemsToCsv, ExportReadsBackAsTheSameItems) {
    auto first = items_from_csv(kGoodItems, default_in_store_rules());
    ASSERT_TRUE(first.problems.empty());
    first.items[0].consignment = true;
    first.items[1].active = false;
    first.items[1].name = "Beras \"Pulen\", 5 kg";
    auto again = items_from_csv(items_to_csv(first.items), default_in_store_rules());
    ASSERT_TRUE(again.problems.empty()) << format_problems(again.problems);
    ASSERT_EQ(again.items.size(), first.items.size());
    for (size_t i = 0; i < first.items.size(); ++i) {
        const Item& a = first.items[i];
        const Item& b = again.items[i];
        EXPECT_EQ(a.sku, b.sku);
        EXPECT_EQ(a.name, b.name);
        EXPECT_EQ(a.unit, b.unit);
        EXPECT_EQ(a.category, b.category);
        EXPECT_EQ(a.weighed, b.weighed);
        EXPECT_EQ(a.price, b.price);
        EXPECT_EQ(a.member_price, b.member_price);
        EXPECT_EQ(a.wholesale_min_qty, b.wholesale_min_qty);
        EXPECT_EQ(a.wholesale_price, b.wholesale_price);
        EXPECT_EQ(a.cost, b.cost);
        EXPECT_EQ(a.taxable, b.taxable);
        EXPECT_EQ(a.min_stock, b.min_stock);
        EXPECT_EQ(a.active, b.active);
        EXPECT_EQ(a.consignment, b.consignment);
        EXPECT_EQ(a.on_hand, b.on_hand);
        ASSERT_EQ(a.barcodes.size(), b.barcodes.size());
        for (size_t k = 0; k < a.barcodes.size(); ++k) {
            EXPECT_EQ(a.barcodes[k].code, b.barcodes[k].code);
            EXPECT_EQ(a.barcodes[k].pack_qty, b.barcodes[k].pack_qty);
        }
    }
    EXPECT_EQ(again.opening_stock, first.opening_stock);
}

namespace {
const char* kGoodMembers =
    "number,name,card_code,work_unit,phone,status,joined_on,pokok,wajib,sukarela,credit_limit\n"
    "A-0001,Siti Aminah,M0001,Produksi,0812-3456-7890,aktif,2019-03-01,100.000,Rp 4.200.000,250000,\n"
    "A-0002,\"Joko Susilo, S.E.\",M0002,Keuangan,,active,2024-07-15,100000,900000,,500.000\n"
    "A-0003,Rahmat Hidayat,,Satpam,,nonaktif,,100000,0,0,\n";
}  // namespace

TEST(MembersFromCsv, ReadsMembersAndOpeningSavings) {
    auto r = members_from_csv(kGoodMembers);
    ASSERT_TRUE(r.problems.empty()) << format_problems(r.problems);
    ASSERT_EQ(r.members.size(), 3u);
    EXPECT_EQ(r.members[0].phone, "0812-3456-7890");
    EXPECT_EQ(r.members[1].name, "Joko Susilo, S.E.");
    EXPECT_EQ(r.members[1].credit_limit_override, Money::rp(500000));
    EXPECT_FALSE(r.members[0].credit_limit_override.has_value());
    EXPECT_EQ(r.members[2].status, MemberStatus::Inactive);
    ASSERT_EQ(r.savings.size(), 6u);  // zero amounts are not openings
    EXPECT_EQ(r.savings[1].number, "A-0001");
    EXPECT_EQ(r.savings[1].type, SavingsType::Wajib);
    EXPECT_EQ(r.savings[1].amount, Money::rp(4'200'000));
}

TEST(MembersFromCsv, ReportsEveryProblemWithLineAndColumn) {
    const char* text =
        "number,name,card_code,status,joined_on,pokok,wajib,credit_limit,left_on\n"
        "A-1,Ani,C1,aktif,2024-02-30,100000,0,,\n"         // 2: no such date
        "a-1,Budi,C1,aktif,2024-02-01,100000,0,,\n"        // 3: number repeated (case-insensitive), card repeated
        "A-3,,,pensiun,2024-01-01,1.00,0,,\n"              // 4: no name, unknown status, bad amount
        "A-4,Cici,,keluar,2020-01-01,100000,0,-1,2019-12-31\n";  // 5: left with pokok, negative limit, left before joined
    auto r = members_from_csv(text);
    EXPECT_TRUE(has_problem(r.problems, 2, "joined_on"));
    EXPECT_TRUE(has_problem(r.problems, 3, "number"));
    EXPECT_TRUE(has_problem(r.problems, 3, "card_code"));
    EXPECT_TRUE(has_problem(r.problems, 4, "name"));
    EXPECT_TRUE(has_problem(r.problems, 4, "status"));
    EXPECT_TRUE(has_problem(r.problems, 4, "pokok"));
    EXPECT_TRUE(has_problem(r.problems, 5, "pokok"));
    EXPECT_TRUE(has_problem(r.problems, 5, "credit_limit"));
    EXPECT_TRUE(has_problem(r.problems, 5, "left_on"));
    EXPECT_EQ(r.problems.size(), 9u) << format_problems(r.problems);
}

TEST(MembersToCsv, ExportReadsBackAsTheSameMembersAndBalances) {
    auto first = members_from_csv(kGoodMembers);
    ASSERT_TRUE(first.problems.empty());
    std::vector<MemberBalances> balances(first.members.size());
    for (auto& o : first.savings) {
        size_t i = 0;
        while (first.members[i].number != o.number) ++i;
        MemberBalances& b = balances[i];
        (o.type == SavingsType::Pokok ? b.pokok : o.type == SavingsType::Wajib ? b.wajib : b.sukarela) += o.amount;
    }
    first.members[2].status = MemberStatus::Left;
    first.members[2].left_on = "2025-12-31";
    balances[2] = MemberBalances{};
    first.savings.erase(std::remove_if(first.savings.begin(), first.savings.end(), [](auto& o) { return o.number == "A-0003"; }),
                        first.savings.end());
    auto again = members_from_csv(members_to_csv(first.members, balances));
    ASSERT_TRUE(again.problems.empty()) << format_problems(again.problems);
    ASSERT_EQ(again.members.size(), first.members.size());
    for (size_t i = 0; i < first.members.size(); ++i) {
        const Member& a = first.members[i];
        const Member& b = again.members[i];
        EXPECT_EQ(a.number, b.number);
        EXPECT_EQ(a.name, b.name);
        EXPECT_EQ(a.card_code, b.card_code);
        EXPECT_EQ(a.work_unit, b.work_unit);
        EXPECT_EQ(a.phone, b.phone);
        EXPECT_EQ(a.status, b.status);
        EXPECT_EQ(a.joined_on, b.joined_on);
        EXPECT_EQ(a.left_on, b.left_on);
        EXPECT_EQ(a.credit_limit_override, b.credit_limit_override);
    }
    ASSERT_EQ(again.savings.size(), first.savings.size());
    for (size_t i = 0; i < first.savings.size(); ++i) {
        EXPECT_EQ(again.savings[i].number, first.savings[i].number);
        EXPECT_EQ(again.savings[i].type, first.savings[i].type);
        EXPECT_EQ(again.savings[i].amount, first.savings[i].amount);
    }
}

TEST(FormatProblems, OneLinePerProblem) {
    std::string out = format_problems({{12, "price", "Harga tidak berlaku: \"12,5\""}, {3, "", "Baris rusak."}, {0, "", "File kosong."}});
    EXPECT_EQ(out, "baris 12, kolom price: Harga tidak berlaku: \"12,5\"\nbaris 3: Baris rusak.\nFile kosong.\n");
}
