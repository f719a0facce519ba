// Power cuts at the till: `waserda sale` is SIGKILLed at random moments, at least 200 times.
// After each kill the books must check out, and every sale must be whole or absent.
#include "tests/support/process.hpp"
#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <random>
#include <thread>

using namespace waserda::test_support;

TEST(CrashSafety, SalesKilledAtRandomMomentsAreWholeOrAbsent) {
    TempDir tmp;
    std::string db = tmp.file("till.sqlite");
    std::string bin = std::string(WASERDA_BINARY_DIR) + "/bin/waserda";
    auto w = [&](std::vector<std::string> args) {
        std::vector<std::string> argv{bin, "--db", db};
        argv.insert(argv.end(), args.begin(), args.end());
        return run(argv);
    };
    ASSERT_EQ(w({"init"}).exit_code, 0);
    ASSERT_EQ(w({"user", "add", "--name", "Budi", "--role", "cashier", "--pin", "1111"}).exit_code, 0);
    std::vector<std::string> skus;
    for (int i = 0; i < 5; ++i) {
        std::string sku = "ITEM-" + std::to_string(i);
        skus.push_back(sku);
        ASSERT_EQ(w({"item", "add", "--sku", sku, "--name", "Barang " + std::to_string(i), "--price", std::to_string(1000 * (i + 1))})
                      .exit_code, 0);
    }
    ASSERT_EQ(w({"shift", "open", "--user", "Budi", "--float", "0"}).exit_code, 0);

    std::vector<std::string> sale_args{bin, "--db", db, "sale", "--user", "Budi"};
    for (auto& s : skus) {
        sale_args.push_back("--item");
        sale_args.push_back(s + "x2");
    }
    sale_args.push_back("--pay");
    sale_args.push_back("cash");

    // Kill points spread over the life of one sale; learn how long one takes first.
    auto t0 = std::chrono::steady_clock::now();
    int devnull = open("/dev/null", O_WRONLY);
    ASSERT_EQ(wait_exit(spawn(sale_args, devnull, devnull)), 0);
    auto one_sale = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - t0);
    int completed = 1;

    std::mt19937 rng(20261122);
    std::uniform_int_distribution<int64_t> when(0, std::max<int64_t>(one_sale.count() * 3 / 2, 2000));
    const int kills = 200;
    for (int i = 0; i < kills; ++i) {
        pid_t pid = spawn(sale_args, devnull, devnull);
        // Not a wait for something to happen: this picks the moment the power goes.
        std::this_thread::sleep_for(std::chrono::microseconds(when(rng)));
        kill(pid, SIGKILL);
        int code = wait_exit(pid);
        if (code == 0) ++completed;
        auto check = w({"check"});
        ASSERT_EQ(check.exit_code, 0) << "after kill " << i << ":\n" << check.out << check.err;
    }
    close(devnull);

    // Every recorded sale is whole: 5 lines of 2, and stock fell by exactly what the sales say.
    auto stock = nlohmann::json::parse(w({"report", "stock", "--format", "json"}).out);
    int64_t sold_each = -1;
    for (auto& row : stock) {
        int64_t sold = -row["on_hand"].get<int64_t>();
        if (sold_each < 0) sold_each = sold;
        EXPECT_EQ(sold, sold_each) << "every sale moves every item";
        EXPECT_EQ(sold % 2, 0);
    }
    EXPECT_GE(sold_each / 2, completed) << "a sale that reported success is in the books";
    EXPECT_LE(sold_each / 2, completed + kills);
}
