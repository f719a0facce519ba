// Synthetic items and members for the generated big shop (demo_generate.cpp): a deterministic
// random source, weighted picking, and a catalog and membership that look like a real waserda's.
#pragma once

#include "pos/core/catalog.hpp"
#include "pos/core/member.hpp"
#include "pos/store/demo.hpp"

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include <fmt/format.h>

namespace waserda::store::synth {

// splitmix64: tiny, fast and the same on every platform (std distributions are not).
class Rng {
public:
    explicit Rng(uint64_t seed) : s_(seed) {}
    uint64_t next() {
        uint64_t z = (s_ += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    int64_t below(int64_t n) { return n <= 1 ? 0 : static_cast<int64_t>(next() % static_cast<uint64_t>(n)); }
    int64_t between(int64_t lo, int64_t hi) { return lo + below(hi - lo + 1); }
    double unit() { return static_cast<double>(next() >> 11) * (1.0 / 9007199254740992.0); }
    bool chance(double p) { return unit() < p; }
    std::string uuid() {
        uint64_t a = next(), b = next();
        a = (a & 0xFFFFFFFFFFFF0FFFull) | 0x4000ull;                  // version 4
        b = (b & 0x3FFFFFFFFFFFFFFFull) | 0x8000000000000000ull;      // RFC 4122 variant
        return fmt::format("{:08x}-{:04x}-{:04x}-{:04x}-{:012x}", a >> 32, (a >> 16) & 0xFFFF, a & 0xFFFF, b >> 48,
                           b & 0xFFFFFFFFFFFFull);
    }

private:
    uint64_t s_;
};

// Picks an index with probability proportional to its weight.
class Picker {
public:
    explicit Picker(const std::vector<double>& weights) {
        double sum = 0;
        for (double w : weights) cumulative_.push_back(sum += w);
    }
    size_t pick(Rng& rng) const {
        double x = rng.unit() * cumulative_.back();
        return static_cast<size_t>(std::upper_bound(cumulative_.begin(), cumulative_.end(), x) - cumulative_.begin()) %
               cumulative_.size();
    }

private:
    std::vector<double> cumulative_;
};

using Days = std::chrono::sys_days;

// "YYYY-MM-DD" of a date.
std::string ymd(Days d);
// The UTC timestamp of a local wall-clock time on a local date.
std::string at_local(Days d, int seconds_of_day, int utc_offset_minutes);

struct SimItem {
    core::Item item;
    int64_t carton = 0;
    std::string code;          // what the scanner reads for one piece
    std::string carton_code;
    double daily_units = 0;    // expected pieces (or grams) sold a day
};

struct SimMember {
    core::Member member;
    core::MemberBalances balances;
};

// `spec.items` items: about 1% weighed (SKU = scale-label code 20xxxxx), the rest packaged goods
// with EAN-13 codes starting 899 and, for some, a carton code. Stock figures are left to the caller.
std::vector<SimItem> make_items(const BigShopSpec& spec, Rng& rng);
// `spec.members` members who joined before `start`, with pokok, wajib and some sukarela.
std::vector<SimMember> make_members(const BigShopSpec& spec, Days start, Rng& rng);

}  // namespace waserda::store::synth
