// The App: state, intents and the frame layout.
//
// [SECTION] Setup
// [SECTION] Frame layout
// [SECTION] Screens and dialogs
// [SECTION] Users and shifts
// [SECTION] The cart
// [SECTION] Paying
// [SECTION] Returns
// [SECTION] Messages and approvals
#include "pos/ui/app.hpp"

#include "pos/core/clock.hpp"
#include "pos/core/i18n.hpp"
#include "pos/ui/keys.hpp"
#include "pos/ui/qris.hpp"
#include "pos/ui/theme.hpp"
#include "pos/ui/widgets.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>

namespace waserda::ui {

using core::tr;

// [SECTION] Setup

App::App(core::Shop& shop, Services services, AppOptions options)
    : shop_(shop), services_(std::move(services)), options_(std::move(options)) {
    if (!services_.wake) services_.wake = [] {};
    if (services_.printer) services_.printer->set_wake(services_.wake);
    add_builtin_screens(*this);
}

App::~App() = default;

void App::start() {
    if (auto users = shop_.store().list_users()) {
        for (auto& u : *users)
            if (u.active) state_.users.push_back(u);
    } else {
        show_error(users.error());
    }
    set_cart(shop_.new_cart());
    if (auto restored = shop_.restore_open_cart(); restored && *restored) {
        set_cart(std::move(**restored));
        refresh_member();
        show_info(tr("Transaksi yang belum selesai telah dipulihkan. Lanjutkan setelah masuk."));
    } else if (!restored) {
        show_error(restored.error());
    }
    load_quick_keys();
    (void)apply_due_prices_daily();
    refresh_status();
    go("login");
}

void App::load_quick_keys() {
    // assets/quickkeys.json: {"pages": [{"category": "Sayur", "keys": [{"label": "Pisang", "code": "..."}]}]}
    // Codes that the catalog does not know are left out, so a stale config never shows a dead key.
    std::ifstream in(options_.quick_keys_file.empty() ? options_.assets_dir + "/quickkeys.json" : options_.quick_keys_file);
    if (!in) return;
    auto doc = nlohmann::json::parse(in, nullptr, false);
    if (!doc.is_object() || !doc.contains("pages") || !doc["pages"].is_array()) return;
    for (auto& page : doc["pages"]) {
        QuickKeyPage p;
        p.category = page.value("category", std::string());
        if (!page.contains("keys") || !page["keys"].is_array()) continue;
        for (auto& k : page["keys"]) {
            QuickKey key{k.value("label", std::string()), k.value("code", std::string())};
            if (key.code.empty()) continue;
            auto hit = shop_.lookup(key.code);
            if (!hit) continue;
            if (key.label.empty()) key.label = hit->item.name;
            p.keys.push_back(std::move(key));
        }
        if (!p.keys.empty()) state_.quick_keys.push_back(std::move(p));
    }
}

double App::seconds_until_tick() const {
    auto now = shop_.clock().now();
    auto secs = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
    return double(60 - secs % 60) + 0.05;
}

bool App::poll_services() {
    bool changed = false;
    if (services_.scanner) {
        for (auto& ev : services_.scanner->drain()) {
            scan(ev.code, ev.source);
            changed = true;
        }
    }
    changed = apply_due_prices_daily() || changed;   // once a day: today's price changes
    changed = poll_settings_work() || changed;       // a central server connection test finished
    auto before_printer = state_.printer;
    auto before_scanner = state_.scanner;
    auto before_sync = state_.sync;
    auto before_clock = state_.clock_text;
    refresh_status();
    return changed || before_printer != state_.printer || before_scanner != state_.scanner ||
           before_sync != state_.sync || before_clock != state_.clock_text;
}

void App::refresh_status() {
    state_.clock_text = core::local_datetime(shop_.clock().now(), shop_.settings().utc_offset_minutes);
    if (services_.printer) {
        state_.printer = services_.printer->status();
    } else {
        state_.printer = {DeviceState::Absent, tr("Tidak ada printer")};
    }
    if (services_.scanner) {
        state_.scanner = services_.scanner->status();
    } else {
        state_.scanner = {DeviceState::Ready, tr("Pemindai keyboard")};
    }
    if (services_.sync) {
        state_.sync = services_.sync->status();
    } else if (!shop_.settings().central_url.empty()) {
        SyncStatus s;
        s.enabled = true;
        if (auto st = shop_.store().outbox_stats()) {
            s.pending = st->pending;
            s.last_success_at = st->last_success_at;
            s.last_error = st->last_error;
        }
        state_.sync = s;
    } else {
        state_.sync = {};
    }
}

// [SECTION] Frame layout

void App::frame() {
    hits().begin_frame();
    use_saved_devices();    // app_devices.cpp: saved device settings take effect; keyboard-wedge scans
    route_wedge_keys();
    ImVec2 display = ImGui::GetIO().DisplaySize;
    set_shortcuts_blocked(dialog_open());

    auto it = screens_.find(state_.screen);
    IM_ASSERT(it != screens_.end());
    View* view = it->second.get();
    const float bar = theme().status_bar;
    view->draw(*this, ImVec2(0, bar), ImVec2(display.x, display.y - bar));
    draw_status_bar(display);
    if (state_.approval) draw_approval(display);
    else if (dialog_) draw_dialog(display);
}

void App::draw_status_bar(ImVec2 display) {
    const Theme& t = theme();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(display.x, t.status_bar));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, colors::StatusBar);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(10 * t.scale, 0));
    ImGui::Begin("##statusbar", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoBringToFrontOnFocus);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImFont* bold = t.font(Font::Bold);
    ImFont* body = t.font(Font::Body);
    float fs = body->FontSize * 0.9f;
    float y = (t.status_bar - fs) / 2;
    float x = 12 * t.scale;
    auto put = [&](ImFont* f, ImU32 col, const std::string& s) {
        dl->AddText(f, fs, ImVec2(x, y), col, s.c_str());
        x += f->CalcTextSizeA(fs, FLT_MAX, 0, s.c_str()).x + 24 * t.scale;
    };
    const ImU32 light = IM_COL32(235, 238, 243, 255);
    const ImU32 dim = IM_COL32(160, 170, 185, 255);

    // Right side, from the right edge: clock, sync, scanner, printer. Each is a dot and a few words.
    float rx = display.x - 12 * t.scale;
    auto put_right = [&](ImU32 dot, const std::string& s, ImFont* f) {
        float w = f->CalcTextSizeA(fs, FLT_MAX, 0, s.c_str()).x;
        rx -= w;
        dl->AddText(f, fs, ImVec2(rx, y), light, s.c_str());
        if (dot) {
            rx -= 18 * t.scale;
            dl->AddCircleFilled(ImVec2(rx + 6 * t.scale, t.status_bar / 2), 6 * t.scale, dot);
        }
        rx -= 22 * t.scale;
    };
    auto dot_for = [](DeviceState s) -> ImU32 {
        switch (s) {
            case DeviceState::Ready: return colors::Ok;
            case DeviceState::Working: return colors::Accent;
            case DeviceState::Warning: return colors::Warning;
            case DeviceState::Problem: return colors::Danger;
            case DeviceState::Absent: return IM_COL32(130, 135, 145, 255);
        }
        return 0;
    };
    put_right(0, state_.clock_text, bold);
    if (state_.sync.enabled) {
        std::string s;
        ImU32 d = colors::Ok;
        if (!state_.sync.last_error.empty()) {
            d = colors::Warning;
            s = tr("Sinkron tertunda: {}", state_.sync.pending);
        } else if (state_.sync.pending > 0) {
            d = colors::Accent;
            s = tr("Menunggu kirim: {}", state_.sync.pending);
        } else {
            s = state_.sync.last_success_at.empty()
                    ? tr("Belum pernah sinkron")
                    : tr("Sinkron {}", core::local_datetime(core::parse_iso_utc(state_.sync.last_success_at),
                                                            shop_.settings().utc_offset_minutes).substr(11));
        }
        put_right(d, s, body);
    }
    put_right(dot_for(state_.scanner.state), state_.scanner.text, body);
    put_right(dot_for(state_.printer.state), state_.printer.text, body);

    // Left side, in what is left of the bar: the shop, who, the shift, then the screen's title.
    // What does not fit is left out (the title first), never drawn over the devices.
    auto width_of = [&](ImFont* f, const std::string& s) { return f->CalcTextSizeA(fs, FLT_MAX, 0, s.c_str()).x; };
    struct Part { ImFont* font; ImU32 col; std::string text; };
    std::vector<Part> parts{{bold, light, shop_.settings().shop_name}};
    if (state_.user) parts.push_back({body, light, role_label(state_.user->role) + ": " + state_.user->name});
    if (state_.shift) parts.push_back({body, light, tr("Shift #{}", state_.shift->id)});
    else if (state_.user) parts.push_back({body, IM_COL32(255, 200, 90, 255), tr("Shift belum dibuka")});
    float total = 0;
    for (auto& p : parts) total += width_of(p.font, p.text) + 24 * t.scale;
    if (auto it = screens_.find(state_.screen); it != screens_.end()) {
        const std::string& title = it->second->title();
        if (x + total + width_of(body, title) <= rx) parts.insert(parts.begin() + 1, {body, dim, title});
    }
    for (auto& p : parts) {
        float w = width_of(p.font, p.text);
        if (x + w > rx) {
            dl->PushClipRect(ImVec2(x, 0), ImVec2(rx, t.status_bar), true);   // the shop's long name: cut
            dl->AddText(p.font, fs, ImVec2(x, y), p.col, p.text.c_str());
            dl->PopClipRect();
            break;
        }
        put(p.font, p.col, p.text);
    }
    ImGui::End();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
}

void App::draw_banner(float width) {
    if (state_.banner.kind == Banner::Kind::None) return;
    const Theme& t = theme();
    ImU32 bg = colors::Accent, fg = IM_COL32_WHITE;
    if (state_.banner.kind == Banner::Kind::Error) bg = colors::Danger;
    if (state_.banner.kind == Banner::Kind::Success) bg = colors::OkDark;
    ImVec2 p = ImGui::GetCursorScreenPos();
    const float close_w = 150 * t.scale;
    float text_w = width - close_w - 40 * t.scale;
    ImFont* f = t.font(Font::Bold);
    ImVec2 ts = f->CalcTextSizeA(f->FontSize, FLT_MAX, text_w, state_.banner.text.c_str());
    float h = std::max(t.touch, ts.y + 20 * t.scale);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, ImVec2(p.x + width, p.y + h), bg, 8 * t.scale);
    dl->AddText(f, f->FontSize, ImVec2(p.x + 16 * t.scale, p.y + (h - ts.y) / 2), fg, state_.banner.text.c_str(),
                nullptr, text_w);
    ImGui::SetCursorScreenPos(ImVec2(p.x + width - close_w - 6 * t.scale, p.y + (h - t.touch) / 2 + 2));
    if (big_button(tr("Tutup") + "##banner", ImVec2(close_w, t.touch - 4), Tone::Ghost, nullptr, "banner.close"))
        clear_banner();
    ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + h + ImGui::GetStyle().ItemSpacing.y));
}

// [SECTION] Screens and dialogs

void View::draw(App& app, ImVec2 pos, ImVec2 size) {
    ImGui::SetNextWindowPos(pos);
    ImGui::SetNextWindowSize(size);
    ImGui::Begin(("##screen." + id_).c_str(), nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse);
    app.draw_banner(ImGui::GetContentRegionAvail().x);
    size_ = ImGui::GetContentRegionAvail();
    drawContent(app);
    ImGui::End();
}

void App::add_screen(std::unique_ptr<View> view) {
    std::string id = view->id();
    if (!screens_.count(id)) order_.push_back(id);
    screens_[id] = std::move(view);
}

std::vector<View*> App::menu_screens() const {
    std::vector<View*> out;
    for (auto& id : order_) {
        View* v = screens_.at(id).get();
        if (!v->in_menu()) continue;
        if (auto p = v->permission(); p && (!state_.user || !core::role_allows(state_.user->role, *p))) continue;
        out.push_back(v);
    }
    return out;
}

void App::go(const std::string& screen) {
    auto it = screens_.find(screen);
    if (it == screens_.end()) return;
    if (screen != "login" && (!state_.user || state_.locked)) return;
    if (it->second->needs_shift() && !state_.shift) {
        show_error(tr("Belum ada shift terbuka. Buka shift dulu sebelum menjual."));
        it = screens_.find("shift_open");
    }
    if (state_.screen != it->first) {
        // A confirmation belongs to the screen it was shown on; errors stay until dealt with.
        if (state_.banner.kind != Banner::Kind::Error) clear_banner();
        history_.push_back(state_.screen);
        if (history_.size() > 16) history_.erase(history_.begin());
    }
    state_.screen = it->first;
    it->second->on_show(*this);
}

void App::back() {
    // Back always lands somewhere safe: the previous screen, else the checkout.
    std::string target = state_.shift ? "checkout" : "shift_open";
    while (!history_.empty()) {
        std::string prev = history_.back();
        history_.pop_back();
        if (prev != state_.screen && prev != "login") {
            target = prev;
            break;
        }
    }
    state_.screen = target;
    screens_.at(target)->on_show(*this);
}

void App::open_dialog(std::unique_ptr<Dialog> dialog) { dialog_ = std::move(dialog); }

namespace {
constexpr ImGuiWindowFlags kDialogFlags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                          ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse |
                                          ImGuiWindowFlags_NoTitleBar;

// A modal popup opened (if needed) and begun in one call, centred, of a fixed size.
bool begin_modal(const char* name, ImVec2 display, ImVec2 size) {
    if (!ImGui::IsPopupOpen(name)) ImGui::OpenPopup(name);
    ImGui::SetNextWindowPos(ImVec2(display.x / 2, display.y / 2), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(size);
    return ImGui::BeginPopupModal(name, nullptr, kDialogFlags);
}

void dialog_title(const std::string& title) {
    FontScope f(Font::Large);
    ImGui::TextUnformatted(title.c_str());
    ImGui::Separator();
}
}  // namespace

void App::draw_dialog(ImVec2 display) {
    if (!begin_modal("##dialog", display, dialog_->size(display))) return;
    dialog_title(dialog_->title());
    bool keep = dialog_->draw(*this);
    if (!keep) {
        dialog_.reset();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

void App::draw_approval(ImVec2 display) {
    const Theme& t = theme();
    ImVec2 size(std::min(display.x - 40, 560 * t.scale), std::min(display.y - 20, 700 * t.scale));
    if (!begin_modal("##approval", display, size)) return;
    dialog_title(tr("Persetujuan supervisor"));
    {
        ImGui::PushTextWrapPos(0);
        FontScope f(Font::Bold);
        ImGui::TextUnformatted(state_.approval->why.c_str());
        ImGui::PopTextWrapPos();
    }
    ImGui::TextUnformatted(tr("Supervisor memasukkan PIN:").c_str());
    float w = ImGui::GetContentRegionAvail().x;
    display_field("approval.pin", approval_pin_, tr("PIN supervisor"), w, true);
    if (!state_.approval->error.empty()) {
        ImGui::PushTextWrapPos(0);
        text_colored(colors::Danger, state_.approval->error);
        ImGui::PopTextWrapPos();
    }
    PadOptions opt;
    opt.double_zero = false;
    opt.max_len = 8;
    opt.ok_label = nullptr;
    auto r = keypad("approval.pad", approval_pin_, ImGui::GetContentRegionAvail(), opt);
    bool close = false;
    if (r == PadResult::Ok) {
        std::string pin = approval_pin_;
        approval_pin_.clear();
        submit_approval(pin);
        close = !state_.approval.has_value();
    } else if (r == PadResult::Cancel) {
        cancel_approval();
        close = true;
    }
    if (close) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

// [SECTION] Users and shifts

bool App::login(const std::string& name, const std::string& pin) {
    auto u = shop_.login(name, pin);
    if (!u) {
        show_error(u.error());
        return false;
    }
    clear_banner();
    state_.user = *u;
    state_.locked = false;
    after_login();
    return true;
}

void App::after_login() {
    refresh_shift();
    refresh_held();
    if (!state_.cart.empty()) show_info(tr("Transaksi yang belum selesai telah dipulihkan."));
    go(state_.shift ? "checkout" : "shift_open");
}

void App::lock() {
    if (!state_.user) return;
    state_.locked = true;
    dialog_.reset();
    state_.screen = "login";
    screens_.at("login")->on_show(*this);
}

void App::logout() {
    state_.user.reset();
    state_.locked = false;
    dialog_.reset();
    history_.clear();
    state_.screen = "login";
    screens_.at("login")->on_show(*this);
}

void App::refresh_shift() {
    auto s = shop_.current_shift();
    if (!s) {
        show_error(s.error());
        return;
    }
    state_.shift = *s;
}

void App::open_shift(core::Money opening_float) {
    if (!state_.user) return;
    auto s = shop_.open_shift(*state_.user, opening_float);
    if (!s) {
        show_error(s.error());
        return;
    }
    state_.shift = *s;
    show_info(tr("Shift dibuka dengan modal {}.", core::format_rupiah(opening_float)), true);
    go("checkout");
}

std::optional<core::ShiftFigures> App::shift_figures() {
    if (!state_.shift) return std::nullopt;
    auto f = shop_.shift_figures(state_.shift->id);
    if (!f) {
        show_error(f.error());
        return std::nullopt;
    }
    return *f;
}

void App::print_x_report() {
    auto f = shift_figures();
    if (!f || !services_.printer) return;
    auto st = services_.printer->print_shift(ShiftReport{*state_.shift, *f, false}, shop_.settings());
    if (!st) show_error(st.error());
    else show_info(tr("Laporan X sedang dicetak."), true);
}

bool App::close_shift(const std::map<int64_t, int64_t>& denominations) {
    if (!state_.user || !state_.shift) return false;
    auto figures = shift_figures();
    auto closed = shop_.close_shift(*state_.user, denominations);
    if (!closed) {
        show_error(closed.error());
        return false;
    }
    state_.shift.reset();
    if (figures && services_.printer) {
        auto st = services_.printer->print_shift(ShiftReport{*closed, *figures, true}, shop_.settings());
        if (!st) show_error(tr("Shift sudah ditutup, tetapi laporan Z gagal dicetak: {}", st.error().message));
    }
    if (state_.banner.kind != Banner::Kind::Error) show_info(tr("Shift ditutup. Laporan Z sudah dicetak."), true);
    logout();
    return true;
}

void App::set_language(const std::string& lang) {
    core::translator().load(options_.assets_dir + "/i18n", lang);
    options_.language = core::translator().language();
    refresh_status();
}

// [SECTION] The cart

void App::set_cart(core::Cart cart) {
    state_.cart = std::move(cart);
    state_.totals = core::cart_totals(state_.cart);
    state_.last_line = state_.cart.lines.empty() ? -1 : int(state_.cart.lines.size()) - 1;
    state_.selected_line = -1;
    state_.payments.clear();
    refresh_member();
}

void App::cart_changed(int touched_line) {
    state_.totals = core::cart_totals(state_.cart);
    state_.last_line = touched_line;
    if (state_.selected_line >= int(state_.cart.lines.size())) state_.selected_line = -1;
    // Every change is saved at once: a crash or a power cut restores the cart on restart.
    if (auto st = shop_.autosave(state_.cart); !st) show_error(st.error());
}

void App::refresh_member() {
    state_.member.reset();
    if (!state_.cart.member_id) return;
    auto v = shop_.member_view(*state_.cart.member_id);
    if (v) state_.member = *v;
    else show_error(v.error());
}

void App::scan(const std::string& raw, const std::string& source) {
    std::string code;
    for (char c : raw)
        if (c != ' ' && c != '\r' && c != '\n' && c != '\t') code.push_back(c);
    if (code.empty()) return;
    state_.last_scan = {code, source};
    if (scan_to_device_test(code)) return;   // a device panel is up: shown there, never sold (app_devices.cpp)
    if (!state_.user || state_.locked) return;
    if (auto v = screens_.find(state_.screen); v != screens_.end() && v->second->on_scan(*this, code)) return;
    if (state_.screen == "returns") {
        (void)load_return(code);
        return;
    }
    if (state_.screen == "member") {
        if (set_member(code)) go("checkout");
        return;
    }
    if (!state_.shift) {
        show_error(tr("Belum ada shift terbuka. Buka shift dulu sebelum menjual."));
        return;
    }
    state_.show_last_sale = false;
    auto line = shop_.scan_into(state_.cart, code);
    if (line) {
        clear_banner();
        cart_changed(*line);
        if (state_.screen != "checkout") go("checkout");
        return;
    }
    if (line.error().code == core::ErrorCode::NotFound) {
        // Not an item: perhaps a member card.
        if (auto m = shop_.find_member(code)) {
            (void)set_member(code);
            return;
        }
    }
    show_error(line.error());
}

bool App::set_member(const std::string& number_or_card) {
    auto st = shop_.set_member(state_.cart, number_or_card);
    if (!st) {
        show_error(st.error());
        return false;
    }
    refresh_member();
    cart_changed(state_.last_line);
    if (state_.member) show_info(tr("Anggota {}: harga anggota berlaku.", state_.member->member.name), true);
    return true;
}

void App::clear_member() {
    shop_.clear_member(state_.cart);
    state_.member.reset();
    state_.payments.clear();
    cart_changed(state_.last_line);
}

void App::change_qty(int line, int64_t qty) {
    if (!state_.user) return;
    if (qty <= 0) {
        void_line(line);
        return;
    }
    guarded(core::Permission::VoidLine, [this, line, qty](const std::optional<core::User>& approver) {
        auto st = shop_.change_qty(state_.cart, line, qty, *state_.user, approver);
        if (st) cart_changed(line);
        return st;
    });
}

void App::void_line(int line) {
    if (!state_.user) return;
    guarded(core::Permission::VoidLine, [this, line](const std::optional<core::User>& approver) {
        auto st = shop_.void_line(state_.cart, line, *state_.user, approver);
        if (st) cart_changed(state_.cart.lines.empty() ? -1 : std::min(line, int(state_.cart.lines.size()) - 1));
        return st;
    });
}

void App::discount_line(int line, core::Money discount) {
    if (!state_.user) return;
    guarded(core::Permission::LineDiscount, [this, line, discount](const std::optional<core::User>& approver) {
        auto st = shop_.discount_line(state_.cart, line, discount, *state_.user, approver);
        if (st) cart_changed(line);
        return st;
    });
}

void App::override_price(int line, core::Money price) {
    if (!state_.user) return;
    guarded(core::Permission::OverridePrice, [this, line, price](const std::optional<core::User>& approver) {
        auto st = shop_.override_price(state_.cart, line, price, *state_.user, approver);
        if (st) cart_changed(line);
        return st;
    });
}

std::vector<core::Item> App::search_items(const std::string& text, int limit) {
    auto r = shop_.store().search_items(text, limit);
    if (!r) {
        show_error(r.error());
        return {};
    }
    return std::move(*r);
}

std::vector<core::Member> App::search_members(const std::string& text, int limit) {
    auto r = shop_.store().search_members(text, limit);
    if (!r) {
        show_error(r.error());
        return {};
    }
    return std::move(*r);
}

void App::hold() {
    auto id = shop_.hold(state_.cart);
    if (!id) {
        show_error(id.error());
        return;
    }
    set_cart(shop_.new_cart());
    cart_changed(-1);
    refresh_held();
    show_info(tr("Transaksi ditahan. Lanjutkan nanti dari tombol Ditahan."), true);
}

void App::refresh_held() {
    auto h = shop_.held_carts();
    if (h) state_.held = std::move(*h);
}

void App::resume(int64_t held_id) {
    if (!state_.cart.empty()) {
        // The cart on screen is parked rather than lost.
        if (auto id = shop_.hold(state_.cart); !id) {
            show_error(id.error());
            return;
        }
    }
    auto c = shop_.resume(held_id);
    if (!c) {
        show_error(c.error());
        refresh_held();
        return;
    }
    set_cart(std::move(*c));
    cart_changed(state_.last_line);
    refresh_held();
    state_.show_last_sale = false;
    go("checkout");
}

void App::new_sale_screen() { state_.show_last_sale = false; }

// [SECTION] Paying

void App::start_payment() {
    if (state_.cart.empty()) {
        show_error(tr("Keranjang masih kosong. Pindai barang dulu."));
        return;
    }
    state_.payments.clear();
    state_.plan = shop_.plan_payment(state_.cart, state_.payments);
    go("payment");
}

void App::add_payment(const core::Payment& p) {
    // One entry per method on screen: a second cash amount adds to the first.
    auto it = std::find_if(state_.payments.begin(), state_.payments.end(),
                           [&](const core::Payment& q) { return q.method == p.method; });
    if (it == state_.payments.end()) {
        state_.payments.push_back(p);
    } else {
        it->amount += p.amount;
        it->tendered += p.tendered;
        if (!p.reference.empty()) it->reference = p.reference;
    }
    state_.plan = shop_.plan_payment(state_.cart, state_.payments);
}

void App::remove_payment(size_t index) {
    if (index < state_.payments.size()) state_.payments.erase(state_.payments.begin() + long(index));
    state_.plan = shop_.plan_payment(state_.cart, state_.payments);
}

void App::clear_payments() {
    state_.payments.clear();
    state_.plan = shop_.plan_payment(state_.cart, state_.payments);
}

bool App::pay() {
    if (!state_.user) return false;
    state_.plan = shop_.plan_payment(state_.cart, state_.payments);
    if (state_.payments.empty()) {
        // Enter on an empty pay screen: the customer hands over the exact cash.
        core::Payment cash;
        cash.method = core::PaymentMethod::Cash;
        cash.amount = state_.plan.cash_due;
        cash.tendered = state_.plan.cash_due;
        add_payment(cash);
    }
    const int64_t before = committed_;
    guarded(core::Permission::OverrideCreditLimit, [this](const std::optional<core::User>& approver) {
        core::CheckoutRequest req;
        req.cart = state_.cart;
        req.payments = state_.payments;
        req.cashier = *state_.user;
        req.approver = approver;
        if (approver) req.override_reason = tr("Disetujui {} di kasir", approver->name);
        auto sale = shop_.checkout(req);
        if (!sale) return core::Status(sale.error());
        // Committed: from here on nothing can lose the sale. Print and open the drawer after.
        state_.last_sale = *sale;
        state_.show_last_sale = true;
        clear_banner();
        set_cart(shop_.new_cart());
        cart_changed(-1);
        if (services_.printer) {
            if (auto st = services_.printer->print_sale(*sale, shop_.settings(), false); !st)
                show_error(tr("Penjualan tersimpan, tetapi struk gagal dicetak: {} Cetak ulang dari layar kasir.",
                              st.error().message));
            bool cash = std::any_of(sale->payments.begin(), sale->payments.end(),
                                    [](const core::Payment& p) { return p.method == core::PaymentMethod::Cash; });
            if (cash && shop_.settings().drawer_enabled) (void)services_.printer->kick_drawer();
        }
        if (services_.sync) services_.sync->poke();
        refresh_status();
        go("checkout");
        ++committed_;
        return core::ok_status();
    });
    return committed_ != before;
}

void App::reprint_last() {
    if (!state_.last_sale || !services_.printer) {
        show_error(tr("Belum ada struk untuk dicetak ulang."));
        return;
    }
    if (auto st = services_.printer->print_sale(*state_.last_sale, shop_.settings(), true); !st) show_error(st.error());
    else show_info(tr("Salinan struk {} sedang dicetak.", state_.last_sale->number), true);
}

void App::open_drawer() {
    if (!state_.user) return;
    guarded(core::Permission::OpenDrawer, [this](const std::optional<core::User>& approver) {
        auto st = shop_.open_drawer(*state_.user, approver);
        if (!st) return st;
        if (services_.printer) return services_.printer->kick_drawer();
        return core::ok_status();
    });
}

// The shop's static QRIS (from its acquirer) is kept as the meta value "qris.payload"; the amount
// is added to it here. Without one, a sample code marked as such is shown.
std::string App::qris_payload(core::Money amount) const {
    auto stat = shop_.store().meta("qris.payload");
    std::string base = (stat && *stat) ? **stat : std::string();
    return make_dynamic_qris(base, amount, shop_.settings().shop_name);
}

bool App::qris_configured() const {
    auto stat = shop_.store().meta("qris.payload");
    return stat && *stat && !(*stat)->empty();
}

// [SECTION] Returns

bool App::load_return(const std::string& number) {
    auto s = shop_.store().sale_by_number(number);
    if (!s) {
        show_error(s.error());
        return false;
    }
    if (!*s) {
        show_error(tr("Struk {} tidak ditemukan. Periksa nomornya lalu coba lagi.", number));
        return false;
    }
    if ((*s)->kind != core::SaleKind::Sale) {
        show_error(tr("{} adalah struk retur; pilih struk penjualannya.", number));
        return false;
    }
    clear_banner();
    state_.return_sale = **s;
    return true;
}

bool App::do_return(const std::vector<core::ReturnLineRequest>& lines, std::optional<core::PaymentMethod> method) {
    if (!state_.user || !state_.return_sale) return false;
    const int64_t before = committed_;
    std::string number = state_.return_sale->number;
    guarded(core::Permission::Refund, [this, lines, method, number](const std::optional<core::User>& approver) {
        core::ReturnRequest req;
        req.sale_number = number;
        req.lines = lines;
        req.refund_method = method;
        req.cashier = *state_.user;
        req.approver = approver;
        req.reason = tr("Retur di kasir");
        auto r = shop_.return_sale(req);
        if (!r) return core::Status(r.error());
        state_.return_sale.reset();
        state_.last_sale = *r;
        if (services_.printer) {
            if (auto st = services_.printer->print_sale(*r, shop_.settings(), false); !st) show_error(st.error());
            bool cash = std::any_of(r->payments.begin(), r->payments.end(),
                                    [](const core::Payment& p) { return p.method == core::PaymentMethod::Cash; });
            if (cash && shop_.settings().drawer_enabled) (void)services_.printer->kick_drawer();
        }
        if (state_.banner.kind != Banner::Kind::Error)
            show_info(tr("Retur {} tersimpan. Kembalikan {} kepada pelanggan.", r->number,
                         core::format_rupiah(-r->total)), true);
        ++committed_;
        return core::ok_status();
    });
    return committed_ != before;
}

// [SECTION] Messages and approvals

void App::show_error(const core::Error& e) { show_error(e.message); }
void App::show_error(const std::string& text) { state_.banner = {Banner::Kind::Error, text}; }
void App::show_info(const std::string& text, bool success) {
    state_.banner = {success ? Banner::Kind::Success : Banner::Kind::Info, text};
}

void App::guarded(core::Permission p, std::function<core::Status(const std::optional<core::User>&)> act) {
    auto st = act(std::nullopt);
    if (st) return;
    auto code = st.error().code;
    bool approvable = code == core::ErrorCode::Denied ||
                      (code == core::ErrorCode::CreditLimit && p == core::Permission::OverrideCreditLimit);
    if (!approvable) {
        show_error(st.error());
        return;
    }
    PendingApproval a;
    a.permission = p;
    a.why = st.error().message;
    a.retry = [act](const core::User& approver) { return act(approver); };
    state_.approval = std::move(a);
    approval_pin_.clear();
}

void App::submit_approval(const std::string& pin) {
    if (!state_.approval) return;
    auto approver = shop_.approve(state_.approval->permission, pin);
    if (!approver) {
        state_.approval->error = approver.error().message;
        return;
    }
    auto retry = std::move(state_.approval->retry);
    state_.approval.reset();
    auto st = retry(*approver);
    if (!st) show_error(st.error());
}

void App::cancel_approval() {
    state_.approval.reset();
    approval_pin_.clear();
}

}  // namespace waserda::ui
