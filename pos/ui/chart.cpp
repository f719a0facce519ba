// Charts on ImDrawList. Each chart is one InvisibleButton (so a drag over it never scrolls the
// page by accident) plus drawing; a tap picks the nearest element and shows a label with the exact
// value until the next tap.
//
// [SECTION] Numbers
// [SECTION] Shared drawing
// [SECTION] Line / area
// [SECTION] Columns
// [SECTION] Horizontal bars
// [SECTION] Shares
#include "pos/ui/chart.hpp"

#include "pos/core/money.hpp"
#include "pos/core/reports.hpp"
#include "pos/ui/theme.hpp"
#include "pos/ui/widgets.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cfloat>
#include <cmath>

namespace waserda::ui::chart {

// [SECTION] Numbers

namespace {
// One decimal with an Indonesian comma, dropped when it is zero or the number is large.
std::string one_decimal(int64_t value, int64_t unit) {
    int64_t tenths = (value * 10 + unit / 2) / unit;   // value >= 0
    if (tenths % 10 == 0 || tenths >= 1000) return fmt::format("{}", (tenths + 5) / 10);
    return fmt::format("{},{}", tenths / 10, tenths % 10);
}
}  // namespace

std::string short_rupiah(int64_t rupiah) {
    std::string sign = rupiah < 0 ? "-" : "";
    int64_t v = rupiah < 0 ? -rupiah : rupiah;
    if (v >= 1'000'000'000) return sign + "Rp " + one_decimal(v, 1'000'000'000) + " M";
    if (v >= 1'000'000) return sign + "Rp " + one_decimal(v, 1'000'000) + " jt";
    if (v >= 1'000) return sign + "Rp " + one_decimal(v, 1'000) + " rb";
    return sign + fmt::format("Rp {}", v);
}

std::string exact_text(int64_t value, Unit unit) {
    return unit == Unit::Rupiah ? core::format_rupiah(core::Money::rp(value)) : core::format_amount(core::Money::rp(value));
}

std::string short_text(int64_t value, Unit unit) {
    return unit == Unit::Rupiah ? short_rupiah(value) : core::format_amount(core::Money::rp(value));
}

Axis nice_axis(int64_t min_value, int64_t max_value, int max_ticks) {
    int64_t lo = std::min<int64_t>(0, min_value), hi = std::max<int64_t>(0, max_value);
    if (hi == lo) hi = lo + 1;
    double raw = double(hi - lo) / std::max(1, max_ticks);
    double mag = std::pow(10.0, std::floor(std::log10(raw)));
    double step = mag;
    for (double m : {1.0, 2.0, 2.5, 5.0, 10.0})
        if (m * mag >= raw) {
            step = m * mag;
            break;
        }
    Axis a;
    a.step = std::max<int64_t>(1, int64_t(std::llround(step)));
    a.lo = lo < 0 ? -((-lo + a.step - 1) / a.step) * a.step : 0;
    a.hi = ((hi + a.step - 1) / a.step) * a.step;
    if (a.hi == a.lo) a.hi = a.lo + a.step;
    return a;
}

ImU32 color(int i) {
    static const ImU32 palette[] = {
        IM_COL32(25, 105, 190, 255), IM_COL32(46, 160, 67, 255), IM_COL32(230, 140, 20, 255), IM_COL32(150, 70, 180, 255),
        IM_COL32(200, 45, 45, 255),  IM_COL32(20, 150, 160, 255), IM_COL32(120, 120, 40, 255), IM_COL32(110, 115, 125, 255),
    };
    return palette[size_t(i) % (sizeof palette / sizeof palette[0])];
}

// [SECTION] Shared drawing

namespace {

struct Box {
    ImVec2 Min, Max;
    Box() = default;
    Box(ImVec2 a, ImVec2 b) : Min(a), Max(b) {}
    float GetWidth() const { return Max.x - Min.x; }
    float GetHeight() const { return Max.y - Min.y; }
};

constexpr ImU32 kGrid = IM_COL32(215, 220, 228, 255);
constexpr ImU32 kAxisText = IM_COL32(80, 88, 100, 255);
constexpr ImU32 kBg = IM_COL32(255, 255, 255, 255);

float small_size() { return theme().font(Font::Body)->FontSize * 0.82f; }
ImFont* body() { return theme().font(Font::Body); }
ImFont* bold() { return theme().font(Font::Bold); }

ImVec2 text_size(ImFont* f, float size, const std::string& s) { return f->CalcTextSizeA(size, FLT_MAX, 0, s.c_str()); }

// The text cut with "…" to fit `width`.
std::string fit(ImFont* f, float size, const std::string& s, float width) {
    if (text_size(f, size, s).x <= width) return s;
    std::string out = s;
    while (!out.empty()) {
        out.pop_back();
        while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) out.pop_back();
        if (text_size(f, size, out + "…").x <= width) return out + "…";
    }
    return "…";
}

// The chart's area as one button: returns the mouse position of a tap on it this frame, if any.
bool chart_area(std::string_view id, ImVec2 size, ImVec2& tap) {
    ImGui::InvisibleButton(std::string(id).c_str(), size);
    register_last_item(id);
    if (ImGui::IsItemClicked()) {
        tap = ImGui::GetIO().MousePos;
        return true;
    }
    return false;
}

// A hit rectangle of at least 48 px each way around an element (tests tap it by id; the chart
// itself picks the nearest element, so overlapping rectangles are harmless).
// Kept inside the chart's box (shifted, not shrunk, at its edges).
void register_element(std::string_view id, int i, ImVec2 min, ImVec2 max, const Box& box) {
    if (!hits().enabled()) return;
    const float least = 48.0f;
    float w = std::min(std::max(least, max.x - min.x), box.GetWidth()), h = std::min(std::max(least, max.y - min.y), box.GetHeight());
    float x0 = std::clamp((min.x + max.x - w) / 2, box.Min.x, box.Max.x - w);
    float y0 = std::clamp((min.y + max.y - h) / 2, box.Min.y, box.Max.y - h);
    hits().add(fmt::format("{}.{}", id, i), ImVec2(x0, y0), ImVec2(x0 + w, y0 + h));
}

// The label of a selected element: a dark box with the label and the exact value, kept inside
// `clip` and placed above `anchor` (below when there is no room).
void callout(ImDrawList* dl, ImVec2 anchor, const Box& clip, const std::string& label, const std::string& value) {
    const float s = theme().scale, fs = small_size() * 1.05f;
    ImVec2 a = text_size(body(), fs, label), b = text_size(bold(), fs * 1.1f, value);
    float w = std::max(a.x, b.x) + 20 * s, h = a.y + b.y + 14 * s;
    float x = std::clamp(anchor.x - w / 2, clip.Min.x, std::max(clip.Min.x, clip.Max.x - w));
    float y = anchor.y - h - 10 * s;
    if (y < clip.Min.y) y = std::min(anchor.y + 10 * s, clip.Max.y - h);
    dl->AddRectFilled(ImVec2(x, y), ImVec2(x + w, y + h), IM_COL32(33, 41, 54, 240), 6 * s);
    dl->AddText(body(), fs, ImVec2(x + 10 * s, y + 6 * s), IM_COL32(200, 208, 220, 255), label.c_str());
    dl->AddText(bold(), fs * 1.1f, ImVec2(x + 10 * s, y + 6 * s + a.y + 2 * s), IM_COL32_WHITE, value.c_str());
}

void empty_note(ImDrawList* dl, const Box& r) {
    std::string t = "—";
    ImVec2 ts = text_size(body(), small_size(), t);
    dl->AddText(body(), small_size(), ImVec2((r.Min.x + r.Max.x - ts.x) / 2, (r.Min.y + r.Max.y - ts.y) / 2), kAxisText, t.c_str());
}

// Gridlines with the value axis on the left; returns the plot rectangle right of the labels and
// above the category labels' band.
struct Plot {
    Box r;
    Axis axis;
    float y_of(int64_t v) const {
        double t = double(v - axis.lo) / double(axis.hi - axis.lo);
        return r.Max.y - float(t) * (r.Max.y - r.Min.y);
    }
};

Plot value_grid(ImDrawList* dl, const Box& box, const Series& s, float x_band) {
    const float fs = small_size(), sc = theme().scale;
    int64_t mn = 0, mx = 0;
    for (auto v : s.values) mn = std::min(mn, v), mx = std::max(mx, v);
    int ticks = std::clamp(int((box.GetHeight() - x_band) / (fs * 2.6f)), 2, 6);
    Plot p;
    p.axis = nice_axis(mn, mx, ticks);
    float gutter = 0;
    for (int64_t v = p.axis.lo; v <= p.axis.hi; v += p.axis.step) gutter = std::max(gutter, text_size(body(), fs, short_text(v, s.unit)).x);
    p.r = Box(ImVec2(box.Min.x + gutter + 10 * sc, box.Min.y + fs * 0.6f), ImVec2(box.Max.x - 8 * sc, box.Max.y - x_band));
    for (int64_t v = p.axis.lo; v <= p.axis.hi; v += p.axis.step) {
        float y = p.y_of(v);
        dl->AddLine(ImVec2(p.r.Min.x, y), ImVec2(p.r.Max.x, y), v == 0 ? IM_COL32(150, 158, 170, 255) : kGrid, 1.0f);
        std::string t = short_text(v, s.unit);
        ImVec2 ts = text_size(body(), fs, t);
        dl->AddText(body(), fs, ImVec2(p.r.Min.x - 8 * sc - ts.x, y - ts.y / 2), kAxisText, t.c_str());
    }
    return p;
}

// Category labels under the plot, every k-th so none overlap; the selected one always.
void x_labels(ImDrawList* dl, const Plot& p, const Series& s, const std::vector<float>& xs, int selected) {
    const float fs = small_size(), sc = theme().scale;
    float widest = 0;
    for (auto& l : s.labels) widest = std::max(widest, text_size(body(), fs, l).x);
    float slot = xs.size() > 1 ? (xs.back() - xs.front()) / float(xs.size() - 1) : p.r.GetWidth();
    int every = std::max(1, int(std::ceil((widest + 12 * sc) / std::max(1.0f, slot))));
    for (size_t i = 0; i < xs.size() && i < s.labels.size(); ++i) {
        bool sel = int(i) == selected;
        if (i % size_t(every) != 0 && !sel) continue;
        if (!sel && selected >= 0 && std::abs(int(i) - selected) < every) continue;   // room for the selected one
        ImVec2 ts = text_size(body(), fs, s.labels[i]);
        float x = std::clamp(xs[i] - ts.x / 2, p.r.Min.x - 4 * sc, p.r.Max.x - ts.x);
        dl->AddText(sel ? bold() : body(), fs, ImVec2(x, p.r.Max.y + 6 * sc), sel ? colors::Text : kAxisText, s.labels[i].c_str());
    }
}

const std::string& tip(const Series& s, size_t i) { return i < s.tips.size() && !s.tips[i].empty() ? s.tips[i] : s.labels[i]; }

int nearest(const std::vector<float>& xs, float x) {
    int best = -1;
    float d = FLT_MAX;
    for (size_t i = 0; i < xs.size(); ++i)
        if (std::abs(xs[i] - x) < d) d = std::abs(xs[i] - x), best = int(i);
    return best;
}

}  // namespace

// [SECTION] Line / area

void line(std::string_view id, const Series& s, ImVec2 size, Selection& sel) {
    ImVec2 pos = ImGui::GetCursorScreenPos();
    ImVec2 tap;
    bool tapped = chart_area(id, size, tap);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    Box box(pos, ImVec2(pos.x + size.x, pos.y + size.y));
    dl->AddRectFilled(box.Min, box.Max, kBg, 6 * theme().scale);
    const size_t n = s.values.size();
    if (n == 0) return empty_note(dl, box);
    Plot p = value_grid(dl, box, s, small_size() * 1.9f);
    // Room for half of the first and the last date under the ends of the line.
    float widest = 0;
    for (auto& l : s.labels) widest = std::max(widest, text_size(body(), small_size(), l).x);
    const float pad = std::max(8 * theme().scale, widest / 2 + 2);
    std::vector<float> xs(n);
    for (size_t i = 0; i < n; ++i)
        xs[i] = n == 1 ? (p.r.Min.x + p.r.Max.x) / 2 : p.r.Min.x + pad + (p.r.GetWidth() - 2 * pad) * float(i) / float(n - 1);
    if (tapped) sel.index = nearest(xs, tap.x);
    if (sel.index >= int(n)) sel.index = -1;
    const ImU32 col = color(0);
    const ImU32 fill = IM_COL32(25, 105, 190, 50);
    float y0 = p.y_of(std::clamp<int64_t>(0, p.axis.lo, p.axis.hi));
    // Area: one quad per segment down to the zero line (convex pieces, so no triangulation issues).
    for (size_t i = 0; i + 1 < n; ++i) {
        ImVec2 a(xs[i], p.y_of(s.values[i])), b(xs[i + 1], p.y_of(s.values[i + 1]));
        dl->AddQuadFilled(ImVec2(a.x, y0), a, b, ImVec2(b.x, y0), fill);
    }
    std::vector<ImVec2> pts(n);
    for (size_t i = 0; i < n; ++i) pts[i] = ImVec2(xs[i], p.y_of(s.values[i]));
    dl->AddPolyline(pts.data(), int(n), col, ImDrawFlags_None, 2.5f * theme().scale);
    float dot = (n <= 62 ? 3.5f : 2.0f) * theme().scale;
    for (size_t i = 0; i < n; ++i) {
        dl->AddCircleFilled(pts[i], dot, col);
        float half = n > 1 ? (xs[1] - xs[0]) / 2 : 24;
        register_element(id, int(i), ImVec2(xs[i] - half, p.r.Min.y), ImVec2(xs[i] + half, p.r.Max.y), box);
    }
    x_labels(dl, p, s, xs, sel.index);
    if (sel.index >= 0) {
        ImVec2 q = pts[size_t(sel.index)];
        dl->AddLine(ImVec2(q.x, p.r.Min.y), ImVec2(q.x, p.r.Max.y), IM_COL32(33, 41, 54, 120), 1.0f);
        dl->AddCircleFilled(q, dot * 2.0f, col);
        dl->AddCircle(q, dot * 2.0f, IM_COL32_WHITE, 0, 2.0f);
        callout(dl, q, box, tip(s, size_t(sel.index)), exact_text(s.values[size_t(sel.index)], s.unit));
    }
}

// [SECTION] Columns

void columns(std::string_view id, const Series& s, ImVec2 size, Selection& sel) {
    ImVec2 pos = ImGui::GetCursorScreenPos();
    ImVec2 tap;
    bool tapped = chart_area(id, size, tap);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    Box box(pos, ImVec2(pos.x + size.x, pos.y + size.y));
    dl->AddRectFilled(box.Min, box.Max, kBg, 6 * theme().scale);
    const size_t n = s.values.size();
    if (n == 0) return empty_note(dl, box);
    Plot p = value_grid(dl, box, s, small_size() * 1.9f);
    float slot = p.r.GetWidth() / float(n);
    float w = std::max(2.0f, slot * 0.7f);
    std::vector<float> xs(n);
    for (size_t i = 0; i < n; ++i) xs[i] = p.r.Min.x + slot * (float(i) + 0.5f);
    if (tapped) sel.index = nearest(xs, tap.x);
    if (sel.index >= int(n)) sel.index = -1;
    float y0 = p.y_of(std::clamp<int64_t>(0, p.axis.lo, p.axis.hi));
    for (size_t i = 0; i < n; ++i) {
        float y = p.y_of(s.values[i]);
        ImU32 c = int(i) == sel.index ? IM_COL32(20, 85, 160, 255) : color(0);
        dl->AddRectFilled(ImVec2(xs[i] - w / 2, std::min(y, y0)), ImVec2(xs[i] + w / 2, std::max(y, y0)), c, 2 * theme().scale);
        register_element(id, int(i), ImVec2(xs[i] - slot / 2, p.r.Min.y), ImVec2(xs[i] + slot / 2, p.r.Max.y), box);
    }
    x_labels(dl, p, s, xs, sel.index);
    if (sel.index >= 0)
        callout(dl, ImVec2(xs[size_t(sel.index)], p.y_of(std::max<int64_t>(0, s.values[size_t(sel.index)]))), box,
                tip(s, size_t(sel.index)), exact_text(s.values[size_t(sel.index)], s.unit));
}

// [SECTION] Horizontal bars

void bars(std::string_view id, const Series& s, ImVec2 size, Selection& sel) {
    ImVec2 pos = ImGui::GetCursorScreenPos();
    ImVec2 tap;
    bool tapped = chart_area(id, size, tap);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    Box box(pos, ImVec2(pos.x + size.x, pos.y + size.y));
    dl->AddRectFilled(box.Min, box.Max, kBg, 6 * theme().scale);
    const float fs = small_size(), sc = theme().scale;
    const size_t n = s.values.size();
    if (n == 0) return empty_note(dl, box);
    float row = std::clamp((box.GetHeight() - 8 * sc) / float(n), fs * 1.5f, fs * 2.6f);
    size_t shown = std::min(n, size_t((box.GetHeight() - 8 * sc) / row));
    int64_t mn = 0, mx = 0;
    for (size_t i = 0; i < shown; ++i) mn = std::min(mn, s.values[i]), mx = std::max(mx, s.values[i]);
    if (mx == mn) mx = mn + 1;
    float label_w = std::min(box.GetWidth() * 0.42f, 320 * sc);
    float value_w = 0;
    for (size_t i = 0; i < shown; ++i) value_w = std::max(value_w, text_size(body(), fs, short_text(s.values[i], s.unit)).x);
    float x0 = box.Min.x + label_w + 12 * sc, x1 = box.Max.x - value_w - 16 * sc;
    float zero = x0 + (x1 - x0) * float(double(-mn) / double(mx - mn));
    if (tapped) {
        int i = int((tap.y - box.Min.y - 4 * sc) / row);
        if (i >= 0 && size_t(i) < shown) sel.index = i;
    }
    if (sel.index >= int(shown)) sel.index = -1;
    for (size_t i = 0; i < shown; ++i) {
        float y = box.Min.y + 4 * sc + row * float(i);
        bool on = int(i) == sel.index;
        if (on) dl->AddRectFilled(ImVec2(box.Min.x + 2, y), ImVec2(box.Max.x - 2, y + row), colors::Highlight, 4 * sc);
        std::string label = fit(body(), fs, s.labels[i], label_w - 8 * sc);
        ImVec2 ls = text_size(body(), fs, label);
        dl->AddText(on ? bold() : body(), fs, ImVec2(box.Min.x + label_w - ls.x, y + (row - ls.y) / 2), colors::Text, label.c_str());
        float xv = x0 + (x1 - x0) * float(double(s.values[i] - mn) / double(mx - mn));
        float bh = row * 0.62f;
        dl->AddRectFilled(ImVec2(std::min(zero, xv), y + (row - bh) / 2), ImVec2(std::max(zero, xv) + 1, y + (row + bh) / 2),
                          s.values[i] < 0 ? colors::Danger : color(0), 2 * sc);
        std::string v = on ? exact_text(s.values[i], s.unit) : short_text(s.values[i], s.unit);
        ImVec2 vs = text_size(on ? bold() : body(), fs, v);
        float vx = std::min(std::max(zero, xv) + 8 * sc, box.Max.x - vs.x - 6 * sc);
        dl->AddText(on ? bold() : body(), fs, ImVec2(vx, y + (row - vs.y) / 2), on ? colors::Text : kAxisText, v.c_str());
        register_element(id, int(i), ImVec2(box.Min.x, y), ImVec2(box.Max.x, y + row), box);
    }
    if (shown < n) {
        std::string more = fmt::format("+{}", n - shown);
        dl->AddText(body(), fs, ImVec2(box.Min.x + 8 * sc, box.Max.y - fs - 4 * sc), kAxisText, more.c_str());
    }
}

// [SECTION] Shares

void shares(std::string_view id, const Series& s, ImVec2 size, Selection& sel) {
    ImVec2 pos = ImGui::GetCursorScreenPos();
    ImVec2 tap;
    bool tapped = chart_area(id, size, tap);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    Box box(pos, ImVec2(pos.x + size.x, pos.y + size.y));
    dl->AddRectFilled(box.Min, box.Max, kBg, 6 * theme().scale);
    const float fs = small_size() * 1.1f, sc = theme().scale;
    const size_t n = s.values.size();
    int64_t total = 0;
    for (auto v : s.values) total += std::max<int64_t>(0, v);
    if (n == 0 || total <= 0) return empty_note(dl, box);
    float radius = std::min(box.GetHeight() * 0.40f, box.GetWidth() * 0.19f);
    ImVec2 c(box.Min.x + radius + 20 * sc, (box.Min.y + box.Max.y) / 2);
    float thick = radius * 0.42f;
    // Legend on the right: one tappable row per slice.
    float lx = c.x + radius + 30 * sc;
    float row = std::clamp(box.GetHeight() / float(std::max<size_t>(n, 1)), fs * 1.6f, fs * 2.8f);
    float ly = c.y - row * float(n) / 2;
    if (tapped) {
        float dx = tap.x - c.x, dy = tap.y - c.y;
        if (tap.x >= lx - 10 * sc) {
            int i = int((tap.y - ly) / row);
            if (i >= 0 && size_t(i) < n) sel.index = i;
        } else if (dx * dx + dy * dy <= (radius + thick) * (radius + thick)) {
            float ang = std::atan2(dy, dx) + float(M_PI) / 2;   // 0 at twelve o'clock, clockwise
            if (ang < 0) ang += float(2 * M_PI);
            double acc = 0;
            for (size_t i = 0; i < n; ++i) {
                acc += double(std::max<int64_t>(0, s.values[i])) / double(total);
                if (ang <= float(acc * 2 * M_PI) + 1e-4f) {
                    sel.index = int(i);
                    break;
                }
            }
        }
    }
    if (sel.index >= int(n)) sel.index = -1;
    double a0 = -M_PI / 2;
    for (size_t i = 0; i < n; ++i) {
        double frac = double(std::max<int64_t>(0, s.values[i])) / double(total);
        double a1 = a0 + frac * 2 * M_PI;
        if (frac > 0) {
            bool on = int(i) == sel.index;
            float r = on ? radius + 6 * sc : radius;
            dl->PathArcTo(c, r - thick / 2, float(a0), float(a1), std::max(8, int(frac * 90)));
            dl->PathStroke(color(int(i)), ImDrawFlags_None, on ? thick + 8 * sc : thick);
        }
        a0 = a1;
    }
    // The centre: the total, or the selected slice's share.
    std::string big = sel.index >= 0 ? core::format_bp(int64_t(std::llround(10000.0 * double(std::max<int64_t>(0, s.values[size_t(sel.index)])) /
                                                                              double(total))))
                                     : short_text(total, s.unit);
    ImVec2 bs = text_size(bold(), fs * 1.15f, big);
    dl->AddText(bold(), fs * 1.15f, ImVec2(c.x - bs.x / 2, c.y - bs.y / 2), colors::Text, big.c_str());
    for (size_t i = 0; i < n; ++i) {
        float y = ly + row * float(i);
        bool on = int(i) == sel.index;
        if (on) dl->AddRectFilled(ImVec2(lx - 8 * sc, y), ImVec2(box.Max.x - 4 * sc, y + row), colors::Highlight, 4 * sc);
        float sq = fs * 0.9f;
        dl->AddRectFilled(ImVec2(lx, y + (row - sq) / 2), ImVec2(lx + sq, y + (row + sq) / 2), color(int(i)), 3 * sc);
        int64_t bp = int64_t(std::llround(10000.0 * double(std::max<int64_t>(0, s.values[i])) / double(total)));
        std::string pct = core::format_bp(bp);
        std::string value = on ? exact_text(s.values[i], s.unit) : short_text(s.values[i], s.unit);
        ImVec2 vs = text_size(bold(), fs, value), ps = text_size(body(), fs, pct);
        float right = box.Max.x - 12 * sc;
        dl->AddText(bold(), fs, ImVec2(right - vs.x, y + (row - vs.y) / 2), colors::Text, value.c_str());
        float pct_x = right - vs.x - 16 * sc - ps.x;
        dl->AddText(body(), fs, ImVec2(pct_x, y + (row - ps.y) / 2), kAxisText, pct.c_str());
        std::string label = fit(on ? bold() : body(), fs, s.labels[i], pct_x - (lx + sq + 10 * sc) - 8 * sc);
        dl->AddText(on ? bold() : body(), fs, ImVec2(lx + sq + 10 * sc, y + (row - ps.y) / 2), colors::Text, label.c_str());
        register_element(id, int(i), ImVec2(lx - 8 * sc, y), ImVec2(box.Max.x - 4 * sc, y + row), box);
    }
}

}  // namespace waserda::ui::chart
