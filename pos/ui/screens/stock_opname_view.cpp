// Stock count (stok opname). A manager opens a session (one shelf, an area, or the whole shop);
// any logged-in user counts into an open session under a counter's name, so several people can
// count different shelves at once (several sessions, or several counters in one). Each scan adds
// what the code means; "Ketik jumlah" sets this counter's count of the item instead. The variance
// tab shows counted against the book; posting the differences takes a manager's PIN. The count
// sheet and the variance report export as CSV and XLSX.
//
// [SECTION] Sessions
// [SECTION] Counting
// [SECTION] Variance, export, posting
#include "pos/core/i18n.hpp"
#include "pos/ui/app.hpp"
#include "pos/ui/keys.hpp"
#include "pos/ui/screens/stock_common.hpp"
#include "pos/ui/widgets.hpp"

#include <fmt/format.h>

#include <map>

namespace waserda::ui {
namespace {

using core::tr;

enum class Tab { Count, Variance };
enum class Panel { Pad, Counter, Note };

class StockOpnameView final : public View {
public:
    StockOpnameView() : View("stock_opname") {}
    std::string title() const override { return tr("Stok opname"); }
    bool in_menu() const override { return true; }   // cashiers count too; opening and posting are the manager's
    void on_show(App& app) override {
        if (counter_.empty() && app.state().user) counter_ = app.state().user->name;
        reload_sessions(app);
        if (!session_.empty()) refresh(app);
    }
    bool on_scan(App& app, const std::string& code) override {
        if (!session_.empty()) count(app, code);
        return true;
    }

protected:
    void drawContent(App& app) override {
        if (!stock::service_or_say(app)) {
            stock::bottom_bar(app, "opname", {});
            return;
        }
        if (session_.empty()) return draw_sessions(app);
        if (tab_ == Tab::Count) {
            if (panel_ == Panel::Pad)
                if (auto code = code_.poll()) count(app, *code);
            draw_count(app);
        } else {
            draw_variance(app);
        }
    }

private:
    core::ManagerService& svc(App& app) { return *app.manager(); }

    // [SECTION] Sessions
    void reload_sessions(App& app) {
        sessions_.clear();
        if (!app.manager()) return;
        auto s = svc(app).opname_sessions();
        if (!s) return app.show_error(s.error());
        for (auto& x : *s)
            if (x.state == core::OpnameState::Open) sessions_.push_back(x);
    }

    void open_session(App& app, const std::string& number) {
        session_ = number;
        for (auto& s : sessions_)
            if (s.number == number) note_of_session_ = s.note, full_ = s.full;
        tab_ = Tab::Count;
        panel_ = Panel::Pad;
        last_.clear();
        selected_item_.clear();
        refresh(app);
    }

    void draw_sessions(App& app) {
        const Theme& t = theme();
        const float gap = ImGui::GetStyle().ItemSpacing.x;
        ImVec2 avail = ImGui::GetContentRegionAvail();
        float left_w = std::floor((avail.x - gap) * 0.38f);   // the keyboard's keys stay finger-wide at 1024
        float body_h = avail.y - t.touch - gap;
        ImGui::BeginChild("sessions", ImVec2(left_w, body_h));
        section_label(tr("Sesi yang terbuka (ketuk untuk menghitung)"));
        std::vector<std::vector<std::string>> rows;
        for (auto& s : sessions_)
            rows.push_back({s.number, s.note, s.full ? tr("penuh") : tr("sebagian"), s.opened_at.substr(0, 10)});
        if (rows.empty()) text_colored(colors::Muted, tr("Belum ada sesi terbuka. Manajer membuka sesi di sebelah kanan."));
        int tapped = stock::table("opname.session", {{tr("Nomor"), 1.4f}, {tr("Catatan"), 2}, {tr("Jenis"), 0.9f}, {tr("Dibuka"), 1.1f}},
                                  rows, ImGui::GetContentRegionAvail());
        if (tapped >= 0) open_session(app, sessions_[size_t(tapped)].number);
        ImGui::EndChild();
        ImGui::SameLine();
        ImGui::BeginChild("new", ImVec2(avail.x - left_w - gap, body_h), false, ImGuiWindowFlags_NoScrollbar);
        section_label(tr("Buka sesi baru (manajer)"));
        float w = ImGui::GetContentRegionAvail().x;
        display_field("opname.note", new_note_, tr("Catatan, mis. Rak minuman"), w);
        if (big_button(tr("Hitung penuh (yang tidak dihitung = 0)") + "##full", ImVec2(w, t.touch),
                       new_full_ ? Tone::Selected : Tone::Ghost, nullptr, "opname.full"))
            new_full_ = !new_full_;
        auto r = keyboard("opname.kb", new_note_, ImVec2(w, ImGui::GetContentRegionAvail().y - t.touch - gap), !shortcuts_blocked());
        (void)r;
        if (big_button(tr("Buka sesi") + "##open", ImVec2(w, t.touch), Tone::Primary, nullptr, "opname.open") && app.state().user) {
            auto s = svc(app).open_opname(*app.state().user, new_note_, new_full_);
            if (!s) {
                app.show_error(s.error());
            } else {
                app.show_info(tr("Sesi {} dibuka. Mulai pindai barang.", s->number), true);
                new_note_.clear();
                new_full_ = false;
                reload_sessions(app);
                open_session(app, s->number);
            }
        }
        ImGui::EndChild();
        stock::bottom_bar(app, "opname", {});
    }

    // [SECTION] Counting
    void refresh(App& app) {
        auto v = svc(app).variance(session_);
        if (!v) return app.show_error(v.error());
        variance_ = std::move(*v);
        names_.clear();
        for (auto& l : variance_) names_[l.item_id] = {l.sku, l.name, l.unit, l.weighed};
        auto c = svc(app).count_lines(session_);
        if (!c) return app.show_error(c.error());
        counts_ = std::move(*c);
    }

    void count(App& app, const std::string& code) {
        if (counter_.empty()) return app.show_error(tr("Tulis nama penghitung dulu."));
        if (typed_qty_) {
            // Choose the item; the keypad sets this counter's count of it.
            auto hit = app.stock_lookup(code);
            if (!hit) return;
            selected_item_ = code;
            selected_name_ = hit->item.name;
            pad_.clear();
            app.clear_banner();
            return;
        }
        auto n = svc(app).count_scan(session_, counter_, code);
        if (!n) return app.show_error(n.error());
        app.clear_banner();
        refresh(app);
        std::string name = code;
        if (auto hit = app.stock_lookup(code)) name = hit->item.name;
        last_ = tr("{}: {} (dihitung {})", name, *n, counter_);
    }

    void set_typed(App& app) {
        if (selected_item_.empty() || pad_.empty()) return;
        auto n = svc(app).count_set(session_, counter_, selected_item_, std::stoll(pad_.substr(0, 15)));
        if (!n) return app.show_error(n.error());
        last_ = tr("{}: {} (dihitung {})", selected_name_, *n, counter_);
        pad_.clear();
        selected_item_.clear();
        refresh(app);
    }

    void draw_header(App& app) {
        const Theme& t = theme();
        const float gap = ImGui::GetStyle().ItemSpacing.x;
        float w = ImGui::GetContentRegionAvail().x;
        {
            FontScope f(Font::Bold);
            ImGui::TextUnformatted(fmt::format("{}  {}", session_, note_of_session_).c_str());
        }
        float bw = 250 * t.scale;
        display_field("opname.counter", counter_, tr("Nama penghitung"), w - bw - gap, false, panel_ == Panel::Counter);
        ImGui::SameLine();
        if (big_button((panel_ == Panel::Counter ? tr("Selesai") : tr("Ganti penghitung")) + "##counter", ImVec2(bw, t.touch),
                       Tone::Ghost, nullptr, "opname.counter.edit")) {
            panel_ = panel_ == Panel::Counter ? Panel::Pad : Panel::Counter;
            if (panel_ == Panel::Counter) counter_.clear();   // a new name is typed from scratch
            if (panel_ == Panel::Pad && counter_.empty() && app.state().user) counter_ = app.state().user->name;
        }
    }

    void draw_count(App& app) {
        const Theme& t = theme();
        const float gap = ImGui::GetStyle().ItemSpacing.x;
        ImVec2 avail = ImGui::GetContentRegionAvail();
        float left_w = std::floor((avail.x - gap) * 0.62f);
        float body_h = avail.y - t.touch - gap;
        ImGui::BeginChild("left", ImVec2(left_w, body_h), false, ImGuiWindowFlags_NoScrollbar);
        draw_header(app);
        code_.draw("opname.code", typed_qty_ ? tr("Pindai barang, lalu ketik jumlahnya") : tr("Pindai barang: setiap pindai menambah satu"),
                   ImGui::GetContentRegionAvail().x);
        {
            FontScope f(Font::Large);
            ImGui::TextUnformatted(last_.empty() ? " " : last_.c_str());
        }
        std::vector<std::vector<std::string>> rows;
        for (auto& c : counts_) {
            auto it = names_.find(c.item_id);
            const Name& n = it != names_.end() ? it->second : Name{"?", "?", "pcs", false};
            rows.push_back({n.sku, n.name, c.counter, qty_text(c.qty, n.weighed, n.unit)});
        }
        stock::table("opname.count", {{tr("SKU"), 1}, {tr("Barang"), 2.6f}, {tr("Penghitung"), 1.2f}, {tr("Hitungan"), 1, true}}, rows,
                     ImGui::GetContentRegionAvail());
        ImGui::EndChild();
        ImGui::SameLine();
        ImGui::BeginChild("right", ImVec2(avail.x - left_w - gap, body_h), false, ImGuiWindowFlags_NoScrollbar);
        float w = ImGui::GetContentRegionAvail().x;
        if (panel_ == Panel::Counter) {
            section_label(tr("Nama penghitung dan raknya, mis. Siti rak 3"));
            if (keyboard("opname.counter.kb", counter_, ImGui::GetContentRegionAvail(), !shortcuts_blocked()) == PadResult::Ok) {
                panel_ = Panel::Pad;
                if (counter_.empty() && app.state().user) counter_ = app.state().user->name;
            }
        } else {
            if (big_button(tr("Pindai +1") + "##scan", ImVec2((w - gap) / 2, t.touch), typed_qty_ ? Tone::Ghost : Tone::Selected,
                           nullptr, "opname.mode.scan"))
                typed_qty_ = false;
            ImGui::SameLine();
            if (big_button(tr("Ketik jumlah") + "##typed", ImVec2((w - gap) / 2, t.touch), typed_qty_ ? Tone::Selected : Tone::Ghost,
                           nullptr, "opname.mode.typed"))
                typed_qty_ = true;
            if (typed_qty_) {
                ImGui::PushTextWrapPos(0);
                text_colored(selected_item_.empty() ? colors::Muted : colors::Text,
                             selected_item_.empty() ? tr("Pindai barangnya dulu.") : selected_name_);
                ImGui::PopTextWrapPos();
                display_field("opname.qty", pad_, tr("Jumlah dihitung"), w);
                PadOptions opt;
                opt.listen_keyboard = false;
                opt.double_zero = false;
                opt.show_cancel = false;
                if (keypad("opname.pad", pad_, ImGui::GetContentRegionAvail(), opt) == PadResult::Ok) set_typed(app);
            } else {
                ImGui::PushTextWrapPos(0);
                text_colored(colors::Muted, tr("Setiap pindai menambah satu (karton: isinya). Untuk jumlah besar pilih Ketik jumlah."));
                ImGui::PopTextWrapPos();
            }
        }
        ImGui::EndChild();
        bottom(app);
    }

    // [SECTION] Variance, export, posting
    void draw_variance(App& app) {
        const Theme& t = theme();
        const float gap = ImGui::GetStyle().ItemSpacing.x;
        {
            FontScope f(Font::Bold);
            ImGui::TextUnformatted(fmt::format("{}  {}", session_, note_of_session_).c_str());
        }
        auto sum = core::summarize_variance(variance_);
        text_colored(colors::Text, tr("{} barang dihitung   kurang {} ({})   lebih {} ({})   bersih {}", sum.items_counted,
                                      sum.items_short, core::format_rupiah(sum.value_short), sum.items_over,
                                      core::format_rupiah(sum.value_over), core::format_rupiah(sum.net())));
        std::vector<std::vector<std::string>> rows;
        for (auto& l : variance_)
            rows.push_back({l.sku, l.name, l.counted ? qty_text(l.counted_qty, l.weighed, l.unit) : "-",
                            qty_text(l.book_qty, l.weighed, l.unit),
                            (l.variance > 0 ? "+" : "") + qty_text(l.variance, l.weighed, l.unit),
                            core::format_rupiah(l.variance_value), l.counters});
        stock::table("opname.variance",
                     {{tr("SKU"), 0.9f}, {tr("Barang"), 2.2f}, {tr("Dihitung"), 0.9f, true}, {tr("Buku"), 0.9f, true},
                      {tr("Selisih"), 0.9f, true}, {tr("Nilai"), 1.1f, true}, {tr("Penghitung"), 2.1f}},
                     rows, ImVec2(ImGui::GetContentRegionAvail().x, ImGui::GetContentRegionAvail().y - t.touch - gap));
        bottom(app);
    }

    void bottom(App& app) {
        int b = stock::bottom_bar(app, "opname", {tr("Sesi lain"), tab_ == Tab::Count ? tr("Lihat selisih") : tr("Hitung"),
                                                  tr("Ekspor"), tr("Batalkan sesi"), tr("Posting selisih")});
        if (b == 1) {
            session_.clear();
            reload_sessions(app);
        } else if (b == 2) {
            tab_ = tab_ == Tab::Count ? Tab::Variance : Tab::Count;
            refresh(app);
        } else if (b == 3) {
            export_sheets(app);
        } else if (b == 4) {
            if (!app.state().user) return;
            if (auto st = svc(app).cancel_opname(session_, *app.state().user); !st) return app.show_error(st.error());
            app.show_info(tr("Sesi {} dibatalkan; stok tidak berubah.", session_), true);
            session_.clear();
            reload_sessions(app);
        } else if (b == 5) {
            refresh(app);
            std::string number = session_;
            app.stock_post_opname(number, [this, &app, number](const core::OpnameSession&) {
                int n = 0;
                for (auto& l : variance_) n += l.variance != 0;
                app.show_info(tr("Opname {} diposting: {} penyesuaian stok.", number, n), true);
                session_.clear();
                reload_sessions(app);
            });
        }
    }

    void export_sheets(App& app) {
        refresh(app);
        core::ReportTable sheet{"lembar_hitung", tr("Lembar hitung {}", session_), {"counter", "sku", "name", "qty"}, {},
                                {false, false, false, true}};
        for (auto& c : counts_) {
            auto it = names_.find(c.item_id);
            sheet.rows.push_back({c.counter, it != names_.end() ? it->second.sku : "", it != names_.end() ? it->second.name : "",
                                  std::to_string(c.qty)});
        }
        core::ReportTable var{"selisih", tr("Selisih opname {}", session_),
                              {"sku", "name", "category", "unit", "counted", "book", "variance", "unit_cost", "variance_value", "counters"},
                              {},
                              {false, false, false, false, true, true, true, true, true, false}};
        for (auto& l : variance_)
            var.rows.push_back({l.sku, l.name, l.category, l.unit, l.counted ? std::to_string(l.counted_qty) : "",
                                std::to_string(l.book_qty), std::to_string(l.variance), std::to_string(l.unit_cost.rupiah()),
                                std::to_string(l.variance_value.rupiah()), l.counters});
        stock::export_tables(app, "opname-" + session_, {sheet, var});
    }

    struct Name {
        std::string sku, name, unit;
        bool weighed = false;
    };

    std::vector<core::OpnameSession> sessions_;
    std::string session_, note_of_session_;
    bool full_ = false;
    std::string new_note_;
    bool new_full_ = false;
    std::string counter_;
    Tab tab_ = Tab::Count;
    Panel panel_ = Panel::Pad;
    bool typed_qty_ = false;
    stock::CodeField code_;
    std::string last_;
    std::string selected_item_, selected_name_, pad_;
    std::vector<core::VarianceLine> variance_;
    std::vector<core::OpnameCount> counts_;
    std::map<core::ItemId, Name> names_;
};

}  // namespace

std::unique_ptr<View> make_stock_opname_view() { return std::make_unique<StockOpnameView>(); }

}  // namespace waserda::ui
