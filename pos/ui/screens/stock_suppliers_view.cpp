// Suppliers (pemasok): the list, and a form to add one or change one (code, name, phone,
// address) with the on-screen keyboard.
#include "pos/core/i18n.hpp"
#include "pos/ui/app.hpp"
#include "pos/ui/keys.hpp"
#include "pos/ui/screens/stock_common.hpp"
#include "pos/ui/widgets.hpp"

namespace waserda::ui {
namespace {

using core::tr;

class StockSuppliersView final : public View {
public:
    StockSuppliersView() : View("stock_suppliers") {}
    std::string title() const override { return tr("Pemasok"); }
    std::optional<core::Permission> permission() const override { return core::Permission::ManageStock; }
    void on_show(App& app) override {
        reload(app);
        clear_form();
    }

protected:
    void drawContent(App& app) override {
        core::ManagerService* m = stock::service_or_say(app);
        if (!m) {
            stock::bottom_bar(app, "suppliers", {});
            return;
        }
        const Theme& t = theme();
        const float gap = ImGui::GetStyle().ItemSpacing.x;
        ImVec2 avail = ImGui::GetContentRegionAvail();
        float left_w = std::floor(avail.x * 0.40f);   // the keyboard keys stay finger-wide at 1024
        float body_h = avail.y - t.touch - gap;

        ImGui::BeginChild("list", ImVec2(left_w, body_h));
        section_label(tr("Daftar pemasok (ketuk untuk mengubah)"));
        std::vector<std::vector<std::string>> rows;
        for (auto& s : suppliers_) rows.push_back({s.code, s.name, s.phone});
        int tapped = stock::table("suppliers.row", {{tr("Kode"), 1}, {tr("Nama"), 2}, {tr("Telepon"), 1.2f}}, rows,
                                  ImGui::GetContentRegionAvail(), selected_);
        if (tapped >= 0) {
            selected_ = tapped;
            form_ = suppliers_[size_t(tapped)];
            field_ = 1;
        }
        ImGui::EndChild();
        ImGui::SameLine();
        ImGui::BeginChild("form", ImVec2(avail.x - left_w - gap, body_h));
        section_label(form_.id ? tr("Ubah pemasok {}", form_.code) : tr("Pemasok baru"));
        float w = ImGui::GetContentRegionAvail().x;
        float lw = 120 * t.scale;
        std::string* fields[] = {&form_.code, &form_.name, &form_.phone, &form_.address};
        const std::string names[] = {tr("Kode"), tr("Nama"), tr("Telepon"), tr("Alamat")};
        for (int i = 0; i < 4; ++i) {
            if (i == 0 && form_.id) {   // the code names the supplier: fixed once saved
                text_colored(colors::Muted, tr("Kode: {}", form_.code));
                continue;
            }
            if (big_button(names[i] + "##f" + std::to_string(i), ImVec2(lw, t.touch), field_ == i ? Tone::Selected : Tone::Ghost,
                           nullptr, "suppliers.field." + std::to_string(i)))
                field_ = i;
            ImGui::SameLine();
            display_field("suppliers.value." + std::to_string(i), *fields[i], "", w - lw - gap, false, field_ == i);
            if (ImGui::IsItemClicked()) field_ = i;
        }
        std::string& edited = *fields[field_];
        auto r = keyboard("suppliers.kb", edited, ImGui::GetContentRegionAvail(), !shortcuts_blocked());
        if (field_ == 0)
            for (auto& c : edited) c = char(std::toupper(static_cast<unsigned char>(c)));
        if (r == PadResult::Ok) field_ = std::min(field_ + 1, 3);
        ImGui::EndChild();
        int b = stock::bottom_bar(app, "suppliers", {tr("Baru"), tr("Simpan pemasok")});
        if (b == 1) clear_form();
        if (b == 2 || shortcut(keys::F12)) save(app, *m);
    }

private:
    void reload(App& app) {
        suppliers_.clear();
        if (auto* m = app.manager()) {
            if (auto s = m->suppliers()) suppliers_ = std::move(*s);
            else app.show_error(s.error());
        }
    }
    void clear_form() {
        form_ = {};
        selected_ = -1;
        field_ = 0;
    }
    void save(App& app, core::ManagerService& m) {
        if (!app.state().user) return;
        auto saved = m.save_supplier(*app.state().user, form_);
        if (!saved) {
            app.show_error(saved.error());
            return;
        }
        app.show_info(tr("Pemasok {} tersimpan.", saved->name), true);
        reload(app);
        clear_form();
    }

    std::vector<core::Supplier> suppliers_;
    core::Supplier form_;
    int selected_ = -1;
    int field_ = 0;
};

}  // namespace

std::unique_ptr<View> make_stock_suppliers_view() { return std::make_unique<StockSuppliersView>(); }

}  // namespace waserda::ui
