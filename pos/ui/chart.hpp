// Small charts drawn with ImGui's ImDrawList (no ImPlot in Debian): a line/area chart over days,
// vertical columns (hours 0-23), horizontal bars with labels (top items, categories, cashiers) and
// a donut for shares (payment methods, members). Axis labels are short rupiah ("Rp 1,2 jt"); a tap
// on a point, column, bar or slice shows its exact value. Made for touch: every element registers
// a hit rectangle at least 48 px wide and high (tests tap "<id>.<index>").
#pragma once

#include <imgui.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace waserda::ui::chart {

enum class Unit { Rupiah, Count };

struct Series {
    std::vector<std::string> labels;     // per element: a date, an hour, a name
    std::vector<int64_t> values;         // whole rupiah or counts
    std::vector<std::string> tips;       // optional: the label in a tapped element's callout ("10:00–10:59")
    Unit unit = Unit::Rupiah;
};

// The element a tap selected, kept by the caller across frames (-1: none).
struct Selection {
    int index = -1;
};

// "Rp 850", "Rp 12 rb", "Rp 1,2 jt", "Rp 3,4 M" (ribu, juta, miliar); negative with a minus.
std::string short_rupiah(int64_t rupiah);
// Exact: "Rp 1.234.500" or "1.234".
std::string exact_text(int64_t value, Unit unit);
// Short: short_rupiah or a count with thousands dots.
std::string short_text(int64_t value, Unit unit);

// A round axis: `ticks` + 1 gridlines from lo to hi (lo <= min(0, min value), hi >= max value).
struct Axis {
    int64_t lo = 0, hi = 0, step = 1;
};
Axis nice_axis(int64_t min_value, int64_t max_value, int max_ticks = 5);

// Each draws into a rectangle of `size` at the cursor and advances the cursor past it.
void line(std::string_view id, const Series& s, ImVec2 size, Selection& sel);
void columns(std::string_view id, const Series& s, ImVec2 size, Selection& sel);
void bars(std::string_view id, const Series& s, ImVec2 size, Selection& sel);
void shares(std::string_view id, const Series& s, ImVec2 size, Selection& sel);

// The colour of the i-th slice or series (a palette readable on the light panels).
ImU32 color(int i);

}  // namespace waserda::ui::chart
