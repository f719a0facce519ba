#include "pos/core/clock.hpp"

#include <fmt/format.h>

#include <cstdio>

namespace waserda::core {
namespace {

struct Civil {
    int y, m, d, hh, mm, ss;
};

Civil civil_of(TimePoint t, int offset_minutes) {
    using namespace std::chrono;
    auto secs = time_point_cast<seconds>(t).time_since_epoch() + minutes(offset_minutes);
    auto days = floor<std::chrono::days>(secs);
    year_month_day ymd{sys_days{days}};
    auto rest = secs - days;
    hh_mm_ss hms{rest};
    return {int(ymd.year()), int(unsigned(ymd.month())), int(unsigned(ymd.day())),
            int(hms.hours().count()), int(hms.minutes().count()), int(hms.seconds().count())};
}

}  // namespace

std::string iso_utc(TimePoint t) {
    Civil c = civil_of(t, 0);
    return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", c.y, c.m, c.d, c.hh, c.mm, c.ss);
}

std::string local_date(TimePoint t, int utc_offset_minutes) {
    Civil c = civil_of(t, utc_offset_minutes);
    return fmt::format("{:04}-{:02}-{:02}", c.y, c.m, c.d);
}

std::string local_datetime(TimePoint t, int utc_offset_minutes) {
    Civil c = civil_of(t, utc_offset_minutes);
    return fmt::format("{:02}/{:02}/{:04} {:02}:{:02}", c.d, c.m, c.y, c.hh, c.mm);
}

std::string compact_date(const std::string& d) {
    std::string out;
    for (char ch : d)
        if (ch != '-') out.push_back(ch);
    return out;
}

TimePoint parse_iso_utc(const std::string& s) {
    using namespace std::chrono;
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, se = 0;
    if (std::sscanf(s.c_str(), "%d-%d-%dT%d:%d:%d", &y, &mo, &d, &h, &mi, &se) < 3) return TimePoint{};
    year_month_day ymd{year{y}, month{unsigned(mo)}, day{unsigned(d)}};
    if (!ymd.ok()) return TimePoint{};
    return sys_days{ymd} + hours{h} + minutes{mi} + seconds{se};
}

std::string local_date_of(const std::string& iso, int utc_offset_minutes) {
    return local_date(parse_iso_utc(iso), utc_offset_minutes);
}

}  // namespace waserda::core
