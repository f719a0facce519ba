// Returns, shifts, held and open carts, savings and repayments on a real SQLite file.
#include "tests/support/shop_fixture.hpp"

#include "pos/store/migrations.hpp"

using namespace waserda;
using core::Money;
using core::PaymentMethod;

class Books : public test_support::ShopFixture {};

TEST_F(Books, ReturnRefundsCashPutsStockBackAndCannotRepeat) {
    auto cart = shop->new_cart();
    ASSERT_TRUE(shop->scan_into(cart, "MIE-01"));
    ASSERT_TRUE(core::cart_set_qty(cart, 0, 3));
    auto sale = must(shop->checkout({cart, {cash(10500)}, cashier, std::nullopt, ""}));
    core::ReturnRequest req;
    req.sale_number = sale.number;
    req.lines = {{1, 2}};
    req.cashier = cashier;
    auto denied = shop->return_sale(req);
    ASSERT_FALSE(denied);  // a cashier needs a supervisor
    req.approver = supervisor;
    auto ret = shop->return_sale(req);
    ASSERT_TRUE(ret) << ret.error().message;
    EXPECT_EQ(ret->total, Money::rp(-7000));
    EXPECT_EQ(ret->original_number, sale.number);
    EXPECT_EQ(must(store->item_by_id(noodles.id))->on_hand, 99);
    req.lines = {{1, 2}};
    auto again = shop->return_sale(req);
    ASSERT_FALSE(again);
    req.lines = {{1, 1}};
    ASSERT_TRUE(shop->return_sale(req));
    expect_books_balance();
}

TEST_F(Books, ReturnOfACreditSaleLowersTheDebt) {
    auto cart = shop->new_cart();
    ASSERT_TRUE(shop->set_member(cart, "A-0001"));
    ASSERT_TRUE(shop->scan_into(cart, "BRS-05"));
    auto sale = must(shop->checkout({cart, {pay(PaymentMethod::MemberCredit, 72000)}, cashier, std::nullopt, ""}));
    core::ReturnRequest req;
    req.sale_number = sale.number;
    req.cashier = supervisor;
    ASSERT_TRUE(shop->return_sale(req));
    EXPECT_EQ(must(store->member_balances(siti.id)).owed, Money::rp(0));
    expect_books_balance();
}

TEST_F(Books, ShiftCloseComparesCountedWithExpectedCash) {
    auto cart = shop->new_cart();
    ASSERT_TRUE(shop->scan_into(cart, "BRS-05"));
    ASSERT_TRUE(shop->checkout({cart, {cash(100000)}, cashier, std::nullopt, ""}));
    core::SavingsRequest dep{"A-0002", core::SavingsType::Sukarela, Money::rp(20000), true, cashier, std::nullopt, ""};
    ASSERT_TRUE(shop->savings_deposit(dep));
    auto figures = must(shop->shift_figures(shift.id));
    EXPECT_EQ(figures.sales_count, 1);
    EXPECT_EQ(figures.expected_cash(), Money::rp(200000 + 75000 + 20000));
    std::map<int64_t, int64_t> counted{{100000, 2}, {50000, 1}, {20000, 2}, {5000, 1}};
    auto closed = must(shop->close_shift(cashier, counted));
    EXPECT_EQ(*closed.counted_cash, Money::rp(295000));
    EXPECT_EQ(closed.expected_cash, Money::rp(295000));
    EXPECT_FALSE(must(shop->current_shift()).has_value());
}

TEST_F(Books, HeldCartsSurviveARestart) {
    auto cart = shop->new_cart();
    ASSERT_TRUE(shop->set_member(cart, "A-0001"));
    ASSERT_TRUE(shop->scan_into(cart, "MIE-01"));
    auto id = must(shop->hold(cart));
    open();  // the till restarts
    auto held = must(shop->held_carts());
    ASSERT_EQ(held.size(), 1u);
    EXPECT_EQ(held[0].label, "Siti Aminah");
    auto back = must(shop->resume(id));
    EXPECT_EQ(back.uuid, cart.uuid);
    EXPECT_EQ(back.lines.size(), 1u);
    EXPECT_TRUE(must(shop->held_carts()).empty());
}

TEST_F(Books, TheOpenCartComesBackAfterAPowerCutButNotOnceSold) {
    auto cart = shop->new_cart();
    ASSERT_TRUE(shop->scan_into(cart, "MIE-01"));
    ASSERT_TRUE(shop->autosave(cart));
    open();
    auto restored = must(shop->restore_open_cart());
    ASSERT_TRUE(restored);
    EXPECT_EQ(restored->uuid, cart.uuid);
    ASSERT_TRUE(shop->checkout({*restored, {cash(3500)}, cashier, std::nullopt, ""}));
    ASSERT_TRUE(shop->autosave(*restored));  // as if the power went before the screen cleared it
    open();
    EXPECT_FALSE(must(shop->restore_open_cart()).has_value());
}

TEST_F(Books, PokokAndWajibCannotBeWithdrawn) {
    core::SavingsRequest w{"A-0001", core::SavingsType::Wajib, Money::rp(1000), false, supervisor, std::nullopt, ""};
    auto r = shop->savings_withdraw(w);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, core::ErrorCode::Denied);
    w.type = core::SavingsType::Sukarela;
    w.amount = Money::rp(60000);
    EXPECT_FALSE(shop->savings_withdraw(w));  // more than the 50.000 balance
    w.amount = Money::rp(20000);
    EXPECT_TRUE(shop->savings_withdraw(w));
    EXPECT_EQ(must(store->member_balances(siti.id)).sukarela, Money::rp(30000));
    expect_books_balance();
}

TEST_F(Books, CreditIsRepaidInCashOrFromSukarela) {
    auto cart = shop->new_cart();
    ASSERT_TRUE(shop->set_member(cart, "A-0001"));
    ASSERT_TRUE(shop->scan_into(cart, "BRS-05"));
    ASSERT_TRUE(shop->checkout({cart, {pay(PaymentMethod::MemberCredit, 72000)}, cashier, std::nullopt, ""}));
    EXPECT_FALSE(shop->repay_credit({"A-0001", Money::rp(80000), PaymentMethod::Cash, cashier, ""}));
    ASSERT_TRUE(shop->repay_credit({"A-0001", Money::rp(40000), PaymentMethod::Savings, cashier, ""}));
    ASSERT_TRUE(shop->repay_credit({"A-0001", Money::rp(32000), PaymentMethod::Cash, cashier, ""}));
    auto b = must(store->member_balances(siti.id));
    EXPECT_EQ(b.owed, Money::rp(0));
    EXPECT_EQ(b.sukarela, Money::rp(10000));
    expect_books_balance();
}

TEST_F(Books, WrongPinDoesNotLogIn) {
    EXPECT_FALSE(shop->login("Budi", "9999"));
    EXPECT_FALSE(shop->login("Nobody", "1111"));
    auto ok = shop->login("budi", "1111");  // names are not case sensitive
    ASSERT_TRUE(ok);
    EXPECT_EQ(ok->name, "Budi");
}

TEST_F(Books, OutboxDrainsInOrderAndParkedEventsDoNotBlock) {
    for (int i = 0; i < 3; ++i) {
        auto cart = shop->new_cart();
        ASSERT_TRUE(shop->scan_into(cart, "MIE-01"));
        ASSERT_TRUE(shop->checkout({cart, {cash(3500)}, cashier, std::nullopt, ""}));
    }
    auto events = must(store->pending_events(100));
    ASSERT_GE(events.size(), 3u);
    for (size_t i = 1; i < events.size(); ++i) EXPECT_LT(events[i - 1].seq, events[i].seq);
    ASSERT_TRUE(store->park_event(events[0].seq, "ditolak server"));
    ASSERT_TRUE(store->mark_acked(events[1].seq, "2026-11-22T04:00:00Z"));
    auto stats = must(store->outbox_stats());
    EXPECT_EQ(stats.parked, 1);
    EXPECT_EQ(stats.pending, static_cast<int64_t>(events.size()) - 2);
    EXPECT_EQ(stats.last_acked_seq, events[1].seq);
}

TEST_F(Books, BackupIsAWholeDatabase) {
    auto cart = shop->new_cart();
    ASSERT_TRUE(shop->scan_into(cart, "MIE-01"));
    ASSERT_TRUE(shop->checkout({cart, {cash(3500)}, cashier, std::nullopt, ""}));
    std::string copy = tmp.file("backup.sqlite");
    ASSERT_TRUE(store->backup_to(copy));
    auto other = store::SqliteStore::open(copy);
    ASSERT_TRUE(other);
    EXPECT_EQ(must((*other)->recent_sales("T01", 10)).size(), 1u);
    auto first = store::auto_backup(*store, tmp.file("usb"), 2, "20261122-100000");
    ASSERT_TRUE(first);
    EXPECT_FALSE(first->empty());
    auto same_day = store::auto_backup(*store, tmp.file("usb"), 2, "20261122-180000");
    ASSERT_TRUE(same_day);
    EXPECT_TRUE(same_day->empty());
    ASSERT_TRUE(store::auto_backup(*store, tmp.file("usb"), 2, "20261123-100000"));
    ASSERT_TRUE(store::auto_backup(*store, tmp.file("usb"), 2, "20261124-100000"));
    int files = 0;
    for (auto& e : std::filesystem::directory_iterator(tmp.file("usb"))) files += e.path().extension() == ".sqlite";
    EXPECT_EQ(files, 2);
}

TEST_F(Books, ANewerSchemaIsRefusedAndLeftUntouched) {
    store.reset();
    shop.reset();
    {
        auto db = store::Database::open(db_path);
        ASSERT_TRUE(db);
        ASSERT_TRUE((*db)->exec("PRAGMA user_version = 999"));
    }
    auto s = store::SqliteStore::open(db_path);
    ASSERT_FALSE(s);
    EXPECT_NE(s.error().message.find("lebih baru"), std::string::npos);
}

TEST(Upgrade, TheDatabaseIsBackedUpBeforeAMigration) {
    if (store::latest_schema_version() < 2) GTEST_SKIP() << "only one schema version so far";
    test_support::TempDir tmp;
    std::string path = tmp.file("old.sqlite");
    {
        auto db = store::Database::open(path);
        ASSERT_TRUE(db);
        ASSERT_TRUE((*db)->exec(store::books_migrations().front().sql));  // as the first release left it
        ASSERT_TRUE((*db)->exec("PRAGMA user_version = 1"));
    }
    auto s = store::SqliteStore::open(path);
    ASSERT_TRUE(s) << s.error().message;
    std::string copy = path + ".sebelum-v" + std::to_string(store::latest_schema_version()) + ".bak";
    ASSERT_TRUE(std::filesystem::exists(copy));
    auto old = store::Database::open(copy);
    ASSERT_TRUE(old);
    EXPECT_EQ(store::schema_version(**old), 1);
    EXPECT_EQ(store::schema_version((*s)->db()), store::latest_schema_version());
}
