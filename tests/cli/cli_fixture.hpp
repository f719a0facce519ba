// The real `waserda` program on a database file in a fresh temporary folder: `waserda(args)` runs
// it with `--db`, `ok(args)` expects it to succeed. Each CLI suite derives its shop from this.
#pragma once

#include "tests/support/process.hpp"
#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace waserda::test_support {

class CliFixture : public ::testing::Test {
protected:
    RunResult waserda(std::vector<std::string> args) {
        std::vector<std::string> argv{std::string(WASERDA_BINARY_DIR) + "/bin/waserda", "--db", db};
        argv.insert(argv.end(), args.begin(), args.end());
        return run(argv);
    }

    RunResult ok(std::vector<std::string> args) {
        auto r = waserda(args);
        EXPECT_EQ(r.exit_code, 0) << args[0] << " " << (args.size() > 1 ? args[1] : "") << ": " << r.err;
        return r;
    }

    TempDir tmp;
    std::string db;
};

}  // namespace waserda::test_support
