// The streaming JSON writer, and the outbox payloads written with it: they must parse to exactly the
// json the previous nlohmann-tree code built (posting_payload_reference.hpp), for every kind of posting.
#include "pos/core/json_codec.hpp"
#include "pos/core/json_writer.hpp"
#include "tests/core/posting_payload_reference.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <random>
#include <string>
#include <vector>

using namespace waserda::core;
using nlohmann::json;

namespace {

namespace reference = payload_reference;

// [SECTION] Helpers

// What nlohmann writes for `s` when told to replace invalid UTF-8 (its default throws instead).
std::string nlohmann_replacing(const std::string& s) {
    return json(s).dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string written(const std::string& s) {
    JsonWriter w;
    w.value(s);
    return w.take();
}

// Expects the writer's payload to parse to the reference's json, and the json value API to agree.
void expect_same_payload(const Posting& p) {
    const std::string text = posting_payload_text(p);
    const json parsed = json::parse(text);
    const json expected = reference::posting_payload(p);
    EXPECT_EQ(parsed, expected) << "writer: " << text << "\nreference: " << expected.dump();
    EXPECT_EQ(parsed.dump(), expected.dump());  // same members, same values (dump sorts keys)
    EXPECT_EQ(posting_payload(p), expected);
}

SaleLine line(int no, const std::string& name, int64_t qty, int64_t price) {
    SaleLine l;
    l.line_no = no;
    l.item_id = 100 + no;
    l.sku = "SKU-" + std::to_string(no);
    l.name = name;
    l.code = "89912345678" + std::to_string(no);
    l.unit = "pcs";
    l.qty = qty;
    l.unit_price = Money::rp(price);
    l.total = Money::rp(price * qty);
    l.unit_cost = Money::rp(price * 8 / 10);
    return l;
}

Sale cash_sale() {
    Sale s;
    s.id = 7;
    s.uuid = "4f1c2a9e-0d3b-4c7a-9e61-2b8f5d0a7c13";
    s.number = "T01-20261122-0007";
    s.device = "T01";
    s.at = "2026-11-22T03:04:05Z";
    s.local_date = "2026-11-22";
    s.user_id = 3;
    s.user_name = "Budi Santoso";
    s.shift_id = 12;
    s.lines = {line(1, "Beras Pandan Wangi 5 kg", 1, 62500), line(2, "Minyak Goreng \"Bimoli\" 2 L", 2, 38000),
               line(3, "Gula Pasir Gulaku 1 kg", 3, 17500)};
    SaleLine weighed = line(4, "Telur Ayam Negeri", 750, 28000);
    weighed.unit = "kg";
    weighed.weighed = true;
    weighed.taxable = false;
    weighed.total = Money::rp(21000);
    weighed.price_kind = PriceKind::Embedded;
    s.lines.push_back(weighed);
    s.subtotal = Money::rp(62500 + 76000 + 52500 + 21000);
    s.discount = Money::rp(500);
    s.total = s.subtotal - s.discount;
    Payment cash;
    cash.amount = s.total;
    cash.tendered = Money::rp(250000);
    s.payments = {cash};
    s.change = cash.tendered - cash.amount;
    s.dpp = Money::rp(171417);
    s.ppn = Money::rp(20570);
    return s;
}

AuditEntry audit(const std::string& action, const std::string& ref, const std::string& detail) {
    return AuditEntry{0, "2026-11-22T03:04:05Z", 3, 2, action, ref, detail, "T01"};
}

}  // namespace

// [SECTION] The writer

TEST(JsonWriter, WritesEmptyContainers) {
    JsonWriter w;
    w.begin_object().key("a").begin_array().end_array().key("o").begin_object().end_object().end_object();
    EXPECT_EQ(w.str(), R"({"a":[],"o":{}})");
    JsonWriter top;
    top.begin_array().end_array();
    EXPECT_EQ(top.str(), "[]");
}

TEST(JsonWriter, PutsCommasBetweenMembersAndElementsOnly) {
    JsonWriter w;
    w.begin_object()
        .field("kind", "sale")
        .key("lines")
        .begin_array()
        .value(1)
        .value(int64_t{-2})
        .begin_object()
        .field("ok", true)
        .end_object()
        .begin_array()
        .end_array()
        .value(nullptr)
        .end_array()
        .field("none", nullptr)
        .key("nested")
        .begin_object()
        .key("deeper")
        .begin_array()
        .begin_array()
        .value("x")
        .end_array()
        .end_array()
        .end_object()
        .field("last", false)
        .end_object();
    EXPECT_EQ(w.str(),
              R"({"kind":"sale","lines":[1,-2,{"ok":true},[],null],"none":null,"nested":{"deeper":[["x"]]},"last":false})");
    EXPECT_TRUE(json::accept(w.str()));
}

TEST(JsonWriter, WritesEveryIntegerTypeExactly) {
    JsonWriter w;
    w.begin_array()
        .value(0)
        .value(std::numeric_limits<int64_t>::min())
        .value(std::numeric_limits<int64_t>::max())
        .value(std::numeric_limits<uint64_t>::max())
        .value(std::numeric_limits<int>::min())
        .value(uint8_t{255})
        .value(int16_t{-7})
        .end_array();
    EXPECT_EQ(w.str(), "[0,-9223372036854775808,9223372036854775807,18446744073709551615,-2147483648,255,-7]");
}

TEST(JsonWriter, TakesAStringLiteralAsAStringNotABool) {
    JsonWriter w;
    w.begin_array().value("ya").value(std::string("tidak")).value(std::string_view("mungkin")).value(true).end_array();
    EXPECT_EQ(w.str(), R"(["ya","tidak","mungkin",true])");
}

TEST(JsonWriter, EscapesQuotesAndBackslashes) {
    EXPECT_EQ(written(R"(Kopi "Kapal Api" C:\gudang\rak)"), R"("Kopi \"Kapal Api\" C:\\gudang\\rak")");
    EXPECT_EQ(written("/"), R"("/")");       // JSON allows a bare solidus; nlohmann writes it bare too
    EXPECT_EQ(written("\x7f"), "\"\x7f\"");  // DEL is not a control character in JSON
}

TEST(JsonWriter, EscapesEveryControlCharacterAsNlohmannDoes) {
    for (int c = 0; c < 0x20; ++c) {
        const std::string s = std::string("a") + static_cast<char>(c) + "b";
        EXPECT_EQ(written(s), json(s).dump()) << "control character " << c;
        EXPECT_EQ(json::parse(written(s)).get<std::string>(), s) << "control character " << c;
    }
    EXPECT_EQ(written("\n\t\r\b\f"), R"("\n\t\r\b\f")");
    EXPECT_EQ(written(std::string("\0\x01\x1f", 3)), R"("\u0000\u0001\u001f")");
}

TEST(JsonWriter, PassesValidUtf8ThroughUnchanged) {
    const std::vector<std::string> texts = {
        "Ibu Sri Wahyuningsih, S.Pd.",
        "Rp 62.500 — harga anggota",
        "Kue lapis legit ½ loyang",
        "Kerupuk udang “Sidoarjo”",
        "Bu Made 🙏 terima kasih",   // a 4-byte sequence
        "\xed\x9f\xbf\xee\x80\x80",  // U+D7FF and U+E000, either side of the surrogates
        "\xf4\x8f\xbf\xbf",          // U+10FFFF, the last code point
        "\xc2\x80\xdf\xbf\xe0\xa0\x80\xf0\x90\x80\x80",  // the smallest of each length
    };
    for (auto& s : texts) {
        EXPECT_EQ(written(s), "\"" + s + "\"") << s;
        EXPECT_EQ(written(s), json(s).dump()) << s;
    }
}

TEST(JsonWriter, ReplacesInvalidUtf8WithTheReplacementCharacter) {
    const std::string fffd = "\xef\xbf\xbd";
    struct Case {
        std::string in, out;
    };
    const std::vector<Case> cases = {
        {"Caf\xe9 Susu", "Caf" + fffd + " Susu"},             // Latin-1 from an old spreadsheet
        {"\x80", fffd},                                       // a continuation byte alone
        {"ab\xc3", "ab" + fffd},                              // cut off at the end
        {"\xc3(", fffd + "("},                                // the breaking byte is kept
        {"\xc0\xaf", fffd + fffd},                            // overlong '/'
        {"\xe0\x80\xaf", fffd + fffd + fffd},                 // overlong, 3 bytes
        {"\xed\xa0\x80", fffd + fffd + fffd},                 // a UTF-16 surrogate
        {"\xf4\x90\x80\x80", fffd + fffd + fffd + fffd},      // above U+10FFFF
        {"\xf0\x9f\x99" "A", fffd + "A"},                     // a 4-byte sequence missing its last byte
        {"\xe2\x82\xe2\x82\xac", fffd + "\xe2\x82\xac"},      // a broken euro sign, then a whole one
        {"\xff\xfe", fffd + fffd},
    };
    for (auto& c : cases) {
        EXPECT_EQ(written(c.in), "\"" + c.out + "\"") << c.out;
        EXPECT_EQ(written(c.in), nlohmann_replacing(c.in)) << c.out;
        EXPECT_EQ(json::parse(written(c.in)).get<std::string>(), c.out);
        EXPECT_THROW((void)json(c.in).dump(), json::type_error);  // what the tree code did: error 316
    }
}

TEST(JsonWriter, AgreesWithNlohmannOnRandomBytes) {
    std::mt19937 rng(20261122);
    // Runs of plain letters (the writer skips those eight bytes at a time) broken by the bytes that
    // make JSON and UTF-8 interesting, at every position in and across the eight-byte words.
    const std::string plain = "abcXYZ019 !#[]-.,:/~";  // with the neighbours of '"' and '\\'
    const std::string special = std::string("\"\\\n\x01\x1f\x00\x7f", 7) +
                                "\x80\x8f\x90\x9f\xa0\xbf\xc0\xc1\xc2\xdf\xe0\xe1\xed\xee\xef\xf0\xf1\xf4\xf5\xff";
    std::uniform_int_distribution<size_t> pick_plain(0, plain.size() - 1), pick_special(0, special.size() - 1),
        length(0, 40), percent(0, 99);
    for (int byte = 0; byte < 256; ++byte) {  // every byte at every place of two eight-byte words
        for (size_t at = 0; at < 16; ++at) {
            std::string s = "Beras Pandan 5kg";
            s[at] = static_cast<char>(byte);
            ASSERT_EQ(written(s), nlohmann_replacing(s)) << "byte " << byte << " at " << at;
        }
    }
    for (int i = 0; i < 20000; ++i) {
        const size_t specials = percent(rng);  // from none to nearly all
        std::string s;
        for (size_t n = length(rng); n > 0; --n)
            s += percent(rng) < specials ? special[pick_special(rng)] : plain[pick_plain(rng)];
        ASSERT_EQ(written(s), nlohmann_replacing(s)) << "case " << i;
        ASSERT_TRUE(json::accept(written(s))) << "case " << i;
    }
}

TEST(JsonWriter, GrowsItsBufferInTheMiddleOfAnEscapedString) {
    std::string worst;  // every byte grows: control characters (6 bytes each), bad bytes (3 each)
    for (int i = 0; i < 300; ++i) worst += i % 3 == 0 ? '\x01' : i % 3 == 1 ? '\xff' : 'a';
    const std::vector<std::string> texts = {"", worst, std::string(1000, 'x'), "Rp 62.500\n" + worst, "\""};
    json expected = json::array();
    for (auto& t : texts) expected.push_back(t);
    for (size_t reserve : {size_t{0}, size_t{1}, size_t{2}, size_t{7}, size_t{4096}}) {
        JsonWriter w(reserve);
        w.begin_array();
        for (auto& t : texts) w.value(t);
        w.value(std::numeric_limits<int64_t>::min()).end_array();
        json with_int = expected;
        with_int.push_back(std::numeric_limits<int64_t>::min());
        EXPECT_EQ(w.take(), with_int.dump(-1, ' ', false, json::error_handler_t::replace)) << "reserve " << reserve;
    }
}

TEST(JsonWriter, EscapesKeysLikeValues) {
    JsonWriter w;
    w.begin_object().field("a\"b\n", 1).field("\xe9", 2).end_object();
    EXPECT_EQ(w.str(), "{\"a\\\"b\\n\":1,\"\xef\xbf\xbd\":2}");
}

// [SECTION] Outbox payloads: the same json as before the writer, for every kind of posting

TEST(PostingPayload, CashSaleWithoutMemberMatchesTheTreeBuilder) {
    Posting p;
    p.kind = "sale";
    p.sale = cash_sale();
    for (auto& l : p.sale->lines)
        p.stock_moves.push_back(StockMove{0, l.item_id, l.sku, StockMoveKind::Sale, -l.qty, l.unit_cost, p.sale->number, "",
                                          p.sale->at, 3});
    expect_same_payload(p);
    auto j = json::parse(posting_payload_text(p));
    EXPECT_FALSE(j["sale"].contains("member_available_credit"));
    EXPECT_FALSE(j["sale"].contains("member_sukarela"));
    EXPECT_EQ(j["device"], "T01");
}

TEST(PostingPayload, MemberCreditSaleWithOptionalFiguresMatchesTheTreeBuilder) {
    Posting p;
    p.kind = "sale";
    Sale s = cash_sale();
    s.member_id = 41;
    s.member_number = "A-0012";
    s.member_name = "Siti Aminah";
    s.approver_id = 2;
    s.lines[1].price_kind = PriceKind::Member;
    s.lines[2].price_kind = PriceKind::Wholesale;
    s.lines[0].price_kind = PriceKind::Manual;
    s.lines[0].discount = Money::rp(2500);
    Payment credit;
    credit.method = PaymentMethod::MemberCredit;
    credit.amount = Money::rp(100000);
    Payment savings;
    savings.method = PaymentMethod::Savings;
    savings.amount = Money::rp(11500);
    Payment qris;
    qris.method = PaymentMethod::Qris;
    qris.amount = Money::rp(100000);
    qris.reference = "QR-8812\t#2";
    s.payments = {credit, savings, qris};
    s.change = Money{};
    s.member_available_credit = Money::rp(400000);
    s.member_sukarela = Money::rp(0);  // set, though zero: it must still be written
    p.sale = s;
    p.receivables.push_back(ReceivableEntry{0, 41, "A-0012", ReceivableEntryKind::CreditSale, Money::rp(100000), s.number,
                                            "bon", s.at, 3});
    p.savings.push_back(SavingsEntry{0, 41, "A-0012", SavingsType::Sukarela, SavingsEntryKind::Purchase,
                                     Money::rp(-11500), s.number, "", s.at, 3});
    p.audit.push_back(audit("sale.credit_override", s.number, "limit 300000 -> 400000; alasan: \"acara RT\""));
    expect_same_payload(p);
    auto j = json::parse(posting_payload_text(p));
    EXPECT_EQ(j["sale"]["member_sukarela"], 0);
    EXPECT_EQ(j["sale"]["member_available_credit"], 400000);
}

TEST(PostingPayload, ReturnMatchesTheTreeBuilder) {
    Posting p;
    p.kind = "return";
    Sale r = cash_sale();
    r.kind = SaleKind::Return;
    r.number = "T01-20261122-0009";
    r.original_number = "T01-20261122-0007";
    r.member_number = "A-0012";
    r.lines = {line(1, "Minyak Goreng \"Bimoli\" 2 L", -1, 38000)};
    r.lines[0].original_line_no = 2;
    r.lines[0].total = Money::rp(-38000);
    r.subtotal = r.total = Money::rp(-38000);
    r.payments[0].amount = r.payments[0].tendered = Money::rp(-38000);
    p.sale = r;
    p.stock_moves.push_back(StockMove{0, 102, "SKU-2", StockMoveKind::Return, 1, Money::rp(30400), r.number, "rusak", r.at, 3});
    p.receivables.push_back(ReceivableEntry{0, 41, "A-0012", ReceivableEntryKind::Refund, Money::rp(-38000), r.number, "", r.at, 3});
    p.savings.push_back(SavingsEntry{0, 41, "A-0012", SavingsType::Sukarela, SavingsEntryKind::Refund, Money::rp(0), r.number, "", r.at, 3});
    p.audit.push_back(audit("sale.refund", r.number, "return of T01-20261122-0007 total -38000; kemasan bocor"));
    expect_same_payload(p);
    EXPECT_EQ(json::parse(posting_payload_text(p))["sale"]["kind"], "return");
}

TEST(PostingPayload, SavingsDepositAndWithdrawalMatchTheTreeBuilder) {
    Posting deposit;
    deposit.kind = "savings.deposit";
    deposit.savings.push_back(SavingsEntry{0, 41, "A-0012", SavingsType::Wajib, SavingsEntryKind::Deposit, Money::rp(50000),
                                           "SV-1", "simpanan wajib November", "2026-11-22T03:04:05Z", 3});
    deposit.cash_moves.push_back(CashMove{12, Money::rp(50000), "savings.deposit", "SV-1", "2026-11-22T03:04:05Z"});
    expect_same_payload(deposit);

    Posting withdraw;
    withdraw.kind = "savings.withdraw";
    withdraw.savings.push_back(SavingsEntry{0, 41, "A-0012", SavingsType::Sukarela, SavingsEntryKind::Withdrawal,
                                            Money::rp(-75000), "SV-2", "", "2026-11-22T03:04:05Z", 3});
    withdraw.cash_moves.push_back(CashMove{12, Money::rp(-75000), "savings.withdraw", "SV-2", "2026-11-22T03:04:05Z"});
    withdraw.audit.push_back(audit("savings.withdraw", "A-0012", ""));
    expect_same_payload(withdraw);
    EXPECT_FALSE(json::parse(posting_payload_text(withdraw)).contains("sale"));
}

TEST(PostingPayload, RepaymentsMatchTheTreeBuilder) {
    Posting p;
    p.kind = "repayment";
    p.receivables.push_back(ReceivableEntry{0, 41, "A-0012", ReceivableEntryKind::Repayment, Money::rp(-60000), "RP-1",
                                            "cicilan ke-2", "2026-11-22T03:04:05Z", 3});
    p.receivables.push_back(ReceivableEntry{0, 41, "A-0012", ReceivableEntryKind::SavingsRepayment, Money::rp(-40000),
                                            "RP-1", "", "2026-11-22T03:04:05Z", 3});
    p.savings.push_back(SavingsEntry{0, 41, "A-0012", SavingsType::Sukarela, SavingsEntryKind::Repayment, Money::rp(-40000),
                                     "RP-1", "", "2026-11-22T03:04:05Z", 3});
    p.cash_moves.push_back(CashMove{12, Money::rp(60000), "repayment", "RP-1", "2026-11-22T03:04:05Z"});
    expect_same_payload(p);
}

TEST(PostingPayload, StockWorkPayoutsAndAnEmptyPostingMatchTheTreeBuilder) {
    Posting stock;
    stock.kind = "stock.adjust";
    stock.stock_moves.push_back(StockMove{0, 7, "BRS-5", StockMoveKind::Adjustment, -2, Money::rp(58000), "ADJ-3",
                                          "karung sobek\r\ntikus", "2026-11-22T03:04:05Z", 4});
    stock.stock_moves.push_back(StockMove{0, 8, "TLR", StockMoveKind::Opname, 1250, Money::rp(26000), "OP-1", "", "", 4});
    stock.stock_moves.push_back(StockMove{0, 9, "KRP", StockMoveKind::Consignment, 40, Money{}, "TJ-1", "", "", 4});
    stock.audit.push_back(audit("stock.adjust", "BRS-5", "-2"));
    expect_same_payload(stock);

    Posting payout;
    payout.kind = "payout";
    payout.cash_moves.push_back(CashMove{12, Money::rp(-15000), "payout", "", "2026-11-22T03:04:05Z"});
    expect_same_payload(payout);

    Posting empty;
    expect_same_payload(empty);
    EXPECT_EQ(posting_payload_text(empty), R"({"kind":"","stock_moves":[],"savings":[],"receivables":[],"cash_moves":[],"audit":[]})");
}

TEST(PostingPayload, InvalidUtf8BecomesTheReplacementCharacterInsteadOfThrowing) {
    Posting p;
    p.kind = "sale";
    p.sale = cash_sale();
    p.sale->lines[0].name = "Caf\xe9 Susu";  // a Latin-1 name imported from an old spreadsheet
    EXPECT_THROW((void)reference::posting_payload(p).dump(), json::type_error);  // the tree code threw here
    std::string text;
    ASSERT_NO_THROW(text = posting_payload_text(p));
    EXPECT_EQ(json::parse(text)["sale"]["lines"][0]["name"], "Caf\xef\xbf\xbd Susu");
    EXPECT_NO_THROW((void)posting_payload(p).dump());
}

TEST(PostingPayload, ReservesRoughlyWhatAFiveLineSaleNeeds) {
    Posting p;
    p.kind = "sale";
    p.sale = cash_sale();
    p.sale->lines.push_back(line(5, "Sabun Cuci Piring Sunlight 755 ml", 1, 15900));
    for (auto& l : p.sale->lines)
        p.stock_moves.push_back(StockMove{0, l.item_id, l.sku, StockMoveKind::Sale, -l.qty, l.unit_cost, p.sale->number, "",
                                          p.sale->at, 3});
    const std::string text = posting_payload_text(p);
    EXPECT_LE(text.size(), text.capacity());
    EXPECT_LE(text.capacity(), text.size() * 2) << "the size hint is far too large";
}

// [SECTION] The json values made from the same writer

TEST(RecordJson, ShiftItemAndMemberMatchTheTreeBuilder) {
    Shift s;
    s.uuid = "sh-1";
    s.device = "T01";
    s.user_id = 3;
    s.user_name = "Budi";
    s.opening_float = Money::rp(200000);
    s.opened_at = "2026-11-22T00:00:00Z";
    EXPECT_EQ(to_json(s), reference::tree(s));  // open: no count, no denominations
    s.closed_at = "2026-11-22T09:00:00Z";
    s.closed_by = 2;
    s.expected_cash = Money::rp(1250000);
    s.counted_cash = Money::rp(1249500);
    s.denominations = {{100000, 9}, {50000, 5}, {2000, 12}, {500, 3}, {100, 10}};
    EXPECT_EQ(to_json(s), reference::tree(s));

    Item item;
    item.id = 7;
    item.sku = "BRS-5";
    item.name = "Beras Pandan Wangi 5 kg";
    item.category = "Sembako";
    item.price = Money::rp(62500);
    item.member_price = Money::rp(61000);
    item.wholesale_min_qty = 10;
    item.wholesale_price = Money::rp(60000);
    item.on_hand = 37;
    EXPECT_EQ(to_json(item), reference::tree(item));  // no barcodes
    item.barcodes = {{"8991234567890", 1}, {"18991234567897", 10}};
    EXPECT_EQ(to_json(item), reference::tree(item));

    Member m;
    m.id = 41;
    m.number = "A-0012";
    m.name = "Siti Aminah";
    m.work_unit = "Bagian Keuangan";
    m.status = MemberStatus::Left;
    m.joined_on = "2019-01-02";
    m.left_on = "2026-11-01";
    EXPECT_EQ(to_json(m), reference::tree(m));
    m.credit_limit_override = Money::rp(750000);
    EXPECT_EQ(to_json(m), reference::tree(m));

    Sale sale = cash_sale();
    EXPECT_EQ(to_json(sale), reference::tree(sale));
    EXPECT_EQ(to_json(sale.lines[0]), reference::tree(sale.lines[0]));
    EXPECT_EQ(to_json(sale.payments[0]), reference::tree(sale.payments[0]));
}
