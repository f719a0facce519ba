#include "pos/core/shift.hpp"

namespace waserda::core {

const std::vector<int64_t>& rupiah_denominations() {
    static const std::vector<int64_t> values{100000, 50000, 20000, 10000, 5000, 2000, 1000, 500, 200, 100};
    return values;
}

Money count_denominations(const std::map<int64_t, int64_t>& counts) {
    int64_t total = 0;
    for (auto& [value, count] : counts) total += value * count;
    return Money::rp(total);
}

}  // namespace waserda::core
