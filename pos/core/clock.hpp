// Time: UTC in storage, the shop's local time on screen and receipts.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace waserda::core {

using TimePoint = std::chrono::system_clock::time_point;

class Clock {
public:
    virtual ~Clock() = default;
    virtual TimePoint now() const = 0;
};

class SystemClock final : public Clock {
public:
    TimePoint now() const override { return std::chrono::system_clock::now(); }
};

// A clock tests set by hand.
class FixedClock final : public Clock {
public:
    explicit FixedClock(TimePoint t) : t_(t) {}
    TimePoint now() const override { return t_; }
    void set(TimePoint t) { t_ = t; }
    void advance(std::chrono::seconds s) { t_ += s; }

private:
    TimePoint t_;
};

std::string iso_utc(TimePoint t);                                // 2026-11-22T03:04:05Z
std::string local_date(TimePoint t, int utc_offset_minutes);     // 2026-11-22
std::string local_datetime(TimePoint t, int utc_offset_minutes); // 22/11/2026 10:04
std::string compact_date(const std::string& yyyy_mm_dd);         // 20261122
// Parses "2026-11-22T03:04:05Z"; the epoch on garbage.
TimePoint parse_iso_utc(const std::string& s);
// Local "YYYY-MM-DD" of a stored UTC timestamp.
std::string local_date_of(const std::string& iso_utc, int utc_offset_minutes);

}  // namespace waserda::core
