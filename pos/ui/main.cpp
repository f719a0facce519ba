// waserda-pos: the touchscreen checkout on GLFW + OpenGL3.
//
// The loop idles: it sleeps in glfwWaitEventsTimeout until input arrives, a background service
// posts an empty event, or the clock's minute turns; then it renders only the few frames ImGui
// needs to settle. CPU stays near zero while the till waits for a customer.
//
// [SECTION] Options
// [SECTION] Input: command keys one per frame, each seen down for a whole frame
// [SECTION] Screenshot
// [SECTION] main
#include "pos/core/i18n.hpp"
#include "pos/core/shop.hpp"
#include "pos/store/logging.hpp"
#include "pos/store/sqlite_store.hpp"
#include "pos/ui/app.hpp"
#include "pos/ui/keys.hpp"
#include "pos/ui/theme.hpp"
#include "pos/ui/widgets.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <spdlog/spdlog.h>
#include <stb_image_write.h>

#ifdef WASERDA_HAVE_SYNC
#include "pos/ui/sync_runner.hpp"
#endif

#include <atomic>
#include <csignal>
#include <deque>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

using namespace waserda;

static_assert(ui::keys::F12 == GLFW_KEY_F12 && ui::keys::Enter == GLFW_KEY_ENTER && ui::keys::Escape == GLFW_KEY_ESCAPE &&
              ui::keys::KeypadEnter == GLFW_KEY_KP_ENTER && ui::keys::Backspace == GLFW_KEY_BACKSPACE &&
              ui::keys::F2 == GLFW_KEY_F2 && ui::keys::Delete == GLFW_KEY_DELETE && ui::keys::Down == GLFW_KEY_DOWN,
              "ui::keys must mirror GLFW key codes");

namespace {

// [SECTION] Options
struct Options {
    std::string db;
    std::string assets;      // --assets, else core::default_assets_dir (installed or source tree)
    std::string lang;
    int width = 1366, height = 768;
    bool fullscreen = false;
    std::string screenshot;
    int frames = 4;
    bool screenshot_on_signal = false;
    std::string printer;
    std::string quick_keys;
    int paper_mm = 0;        // 0: the saved setting (printer.paper)
};

std::string data_dir() {
    if (const char* x = std::getenv("XDG_DATA_HOME"); x && *x) return std::string(x) + "/waserda";
    if (const char* h = std::getenv("HOME"); h && *h) return std::string(h) + "/.local/share/waserda";
    return ".";
}

void usage() {
    std::puts("waserda-pos [--db PATH] [--assets DIR] [--lang id|en] [--size WxH] [--fullscreen]\n"
              "            [--printer usb[:VID:PID]|virtual:DIR|file:/dev/usb/lp0|tcp:HOST[:PORT]] [--paper 58|80]\n"
              "            [--quickkeys FILE.json] [--screenshot OUT.png [--frames N] [--screenshot-on-signal]]");
}

bool parse(int argc, char** argv, Options& o) {
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        auto next = [&](std::string& out) {
            if (i + 1 >= argc) return false;
            out = argv[++i];
            return true;
        };
        std::string v;
        if (a == "--db") { if (!next(o.db)) return false; }
        else if (a == "--assets") { if (!next(o.assets)) return false; }
        else if (a == "--lang") { if (!next(o.lang)) return false; }
        else if (a == "--printer") { if (!next(o.printer)) return false; }
        else if (a == "--quickkeys") { if (!next(o.quick_keys)) return false; }
        else if (a == "--paper") { if (!next(v)) return false; o.paper_mm = std::atoi(v.c_str()) == 58 ? 58 : 80; }
        else if (a == "--screenshot") { if (!next(o.screenshot)) return false; }
        else if (a == "--frames") { if (!next(v)) return false; o.frames = std::max(1, std::atoi(v.c_str())); }
        else if (a == "--screenshot-on-signal") o.screenshot_on_signal = true;
        else if (a == "--fullscreen") o.fullscreen = true;
        else if (a == "--size") {
            if (!next(v) || std::sscanf(v.c_str(), "%dx%d", &o.width, &o.height) != 2 || o.width < 640 || o.height < 480)
                return false;
        } else if (a == "--help" || a == "-h") {
            usage();
            std::exit(0);
        } else {
            return false;
        }
    }
    return true;
}

// [SECTION] Input: command keys one per frame, each seen down for a whole frame
// ImGui 1.86 reads key state once per frame (its event queue came in 1.87), so a scanner's Enter,
// down and up within a millisecond, would never be seen, and F12 + Enter typed in one burst would
// land in the same frame as the screen change. Keyboard events are queued here and fed so that
// each command key (Enter, Esc, F-keys, arrows...) gets a frame of its own, and is seen down for a
// whole frame. Printable keys pass straight through: their text arrives as characters, in order.
struct InputEvent {
    double t = 0;            // glfwGetTime() when it arrived: the keyboard-wedge detector's clock
    bool is_char = false;
    unsigned int c = 0;
    int key = 0, scancode = 0, action = 0, mods = 0;
};
std::deque<InputEvent> g_input;
double g_keys_t = 0;         // arrival of the last key event fed to this frame
std::atomic<uint64_t> g_events{0};

bool is_command_key(int key) { return key >= 256; }

void on_key(GLFWwindow*, int key, int scancode, int action, int mods) {
    ++g_events;
    g_input.push_back({glfwGetTime(), false, 0, key, scancode, action, mods});
}
void on_char(GLFWwindow*, unsigned int c) {
    ++g_events;
    g_input.push_back({glfwGetTime(), true, c, 0, 0, 0, 0});
}

// Feeds queued events for the next frame; true when some are left for the frame after.
bool feed_input(GLFWwindow* w) {
    bool command_pressed = false;
    std::set<int> down_this_frame, up_this_frame;
    while (!g_input.empty()) {
        const InputEvent e = g_input.front();
        if (e.is_char) {
            ImGui_ImplGlfw_CharCallback(w, e.c);
        } else if (!is_command_key(e.key)) {
            ImGui_ImplGlfw_KeyCallback(w, e.key, e.scancode, e.action, e.mods);
        } else if (e.action == GLFW_RELEASE) {
            if (down_this_frame.count(e.key)) break;          // let one frame see it down
            up_this_frame.insert(e.key);
            ImGui_ImplGlfw_KeyCallback(w, e.key, e.scancode, e.action, e.mods);
        } else {
            if (command_pressed) break;                       // one command per frame
            if (up_this_frame.count(e.key)) break;            // and one frame sees it up in between
            command_pressed = true;
            down_this_frame.insert(e.key);
            ImGui_ImplGlfw_KeyCallback(w, e.key, e.scancode, e.action, e.mods);
        }
        g_keys_t = e.t;
        g_input.pop_front();
    }
    return !g_input.empty();
}

void on_mouse(GLFWwindow* w, int b, int a, int m) { ++g_events; ImGui_ImplGlfw_MouseButtonCallback(w, b, a, m); }
void on_scroll(GLFWwindow* w, double x, double y) { ++g_events; ImGui_ImplGlfw_ScrollCallback(w, x, y); }
void on_cursor(GLFWwindow*, double, double) { ++g_events; }
void on_focus(GLFWwindow* w, int f) { ++g_events; ImGui_ImplGlfw_WindowFocusCallback(w, f); }
void on_enter(GLFWwindow* w, int e) { ++g_events; ImGui_ImplGlfw_CursorEnterCallback(w, e); }
void on_size(GLFWwindow*, int, int) { ++g_events; }
void on_refresh(GLFWwindow*) { ++g_events; }


// [SECTION] Screenshot
volatile std::sig_atomic_t g_screenshot_signal = 0;
void on_sigusr1(int) { g_screenshot_signal = 1; }

// Where each tappable widget was in the frame a screenshot shows: `<png>.hits`, lines of
// "id x0 y0 x1 y1" in pixels. The Xvfb tests read it to tap a widget by its id.
void save_hits(const std::string& png) {
    std::string tmp = png + ".hits.tmp";
    if (FILE* f = std::fopen(tmp.c_str(), "w")) {
        for (auto& [id, r] : ui::hits().all())
            std::fprintf(f, "%s %.0f %.0f %.0f %.0f\n", id.c_str(), r.min.x, r.min.y, r.max.x, r.max.y);
        std::fclose(f);
        std::rename(tmp.c_str(), (png + ".hits").c_str());
    }
}

bool save_screenshot(const std::string& path, int w, int h) {
    std::vector<unsigned char> px(size_t(w) * h * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, px.data());
    // GL's origin is bottom-left; PNG rows go top-down.
    std::vector<unsigned char> flipped(px.size());
    for (int y = 0; y < h; ++y)
        std::copy_n(&px[size_t(h - 1 - y) * w * 4], size_t(w) * 4, &flipped[size_t(y) * w * 4]);
    for (size_t i = 3; i < flipped.size(); i += 4) flipped[i] = 255;
    std::string tmp = path + ".tmp.png";
    if (!stbi_write_png(tmp.c_str(), w, h, 4, flipped.data(), w * 4)) return false;
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);   // appears whole, for tests that poll for it
    return !ec;
}

}  // namespace

// [SECTION] main
int main(int argc, char** argv) {
    Options opt;
    if (!parse(argc, argv, opt)) {
        usage();
        return 2;
    }
    // The same default as the `waserda` CLI: $WASERDA_DB, else the data folder's waserda.sqlite.
    if (opt.db.empty()) {
        const char* env = std::getenv("WASERDA_DB");
        opt.db = env && *env ? std::string(env) : data_dir() + "/waserda.sqlite";
    }
    if (opt.assets.empty()) opt.assets = core::default_assets_dir(WASERDA_ASSETS_DIR);
    // Rotating logs next to the database, as the CLI writes them (`waserda logs` shows both).
    store::init_logging(store::data_dir_for(opt.db), "waserda-pos");
    store::log_invocation(argc, argv);
    std::error_code ec;
    std::filesystem::create_directories(std::filesystem::path(opt.db).parent_path().empty()
                                            ? std::filesystem::path(".")
                                            : std::filesystem::path(opt.db).parent_path(), ec);

    auto store = store::SqliteStore::open(opt.db);
    if (!store) {
        spdlog::error("{}", store.error().message);
        std::fprintf(stderr, "%s\n", store.error().message.c_str());
        return 1;
    }
    core::Shop shop(**store);
    std::string lang = opt.lang.empty() ? shop.settings().language : opt.lang;
    core::translator().load(opt.assets + "/i18n", lang);

    // The daily automatic backup (to a USB stick, when the admin set backup.dir): once a day, at
    // start-up; a missing stick never stops the till from selling.
    if (!shop.settings().backup_dir.empty()) {
        auto now = shop.clock().now() + std::chrono::minutes(shop.settings().utc_offset_minutes);
        std::string iso = core::iso_utc(now);  // shifted: reads as local time
        std::string stamp = core::compact_date(iso.substr(0, 10)) + "-" + iso.substr(11, 2) + iso.substr(14, 2) + iso.substr(17, 2);
        auto done = store::auto_backup(**store, shop.settings().backup_dir, shop.settings().backup_keep, stamp);
        if (!done) std::fprintf(stderr, "%s\n", done.error().message.c_str());
    }

    ui::Services services;
    // The saved printer (device panel, `waserda settings set printer ...`); --printer and --paper
    // win. A saved printer that cannot be set up (a logo gone missing) must not stop the till:
    // it then prints on the virtual printer and says why.
    const std::string default_printer = "virtual:" + (std::filesystem::path(opt.db).parent_path() / "receipts").string();
    ui::PrinterConfig printer = ui::printer_config(shop.settings(), default_printer);
    if (!opt.printer.empty()) printer.spec = opt.printer;
    if (opt.paper_mm) printer.paper_mm = opt.paper_mm;
    std::string perr;
    services.printer = ui::make_printer(printer, perr);
    if (!services.printer && opt.printer.empty()) {
        std::fprintf(stderr, "%s\n", perr.c_str());
        printer = ui::PrinterConfig{default_printer, "auto", printer.paper_mm, ""};
        perr.clear();
        services.printer = ui::make_printer(printer, perr);
    }
    if (!services.printer) {
        std::fprintf(stderr, "%s\n", perr.c_str());
        return 2;
    }

    services.office = ui::make_back_office(**store, shop);

    // GLFW's own reason (no display, no GLX...) goes to stderr and the log, after our sentence.
    glfwSetErrorCallback([](int code, const char* what) { std::fprintf(stderr, "GLFW %d: %s\n", code, what); });
    if (!glfwInit()) {
        std::fprintf(stderr, "%s\n", core::tr("Layar tidak bisa dibuka (GLFW). Periksa tampilan grafis.").c_str());
        return 1;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    GLFWmonitor* monitor = opt.fullscreen ? glfwGetPrimaryMonitor() : nullptr;
    if (monitor) {
        const GLFWvidmode* mode = glfwGetVideoMode(monitor);
        opt.width = mode->width;
        opt.height = mode->height;
    }
    GLFWwindow* window = glfwCreateWindow(opt.width, opt.height, "Waserda POS", monitor, nullptr);
    if (!window) {
        std::fprintf(stderr, "%s\n", core::tr("Jendela kasir tidak bisa dibuat (OpenGL 3). Periksa driver grafis.").c_str());
        glfwTerminate();
        return 1;
    }
    glfwMakeContextCurrent(window);
    glfwSwapInterval(1);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;      // the layout is fixed; nothing to remember
    io.ConfigInputTextCursorBlink = false;   // a blinking cursor would need frames while idle
    ImGui_ImplGlfw_InitForOpenGL(window, false);
    glfwSetKeyCallback(window, on_key);
    glfwSetCharCallback(window, on_char);
    glfwSetMouseButtonCallback(window, on_mouse);
    glfwSetScrollCallback(window, on_scroll);
    glfwSetCursorPosCallback(window, on_cursor);
    glfwSetWindowFocusCallback(window, on_focus);
    glfwSetCursorEnterCallback(window, on_enter);
    glfwSetFramebufferSizeCallback(window, on_size);
    glfwSetWindowRefreshCallback(window, on_refresh);
    ImGui_ImplOpenGL3_Init("#version 130");
    int fbw = 0, fbh = 0;
    glfwGetFramebufferSize(window, &fbw, &fbh);
    ui::load_theme(opt.assets, ui::scale_for(fbw, fbh));

    services.wake = [] { glfwPostEmptyEvent(); };
#ifdef WASERDA_HAVE_SYNC
    // The sync client on its own thread and connection, following the saved central server
    // (`waserda sync --server`, the wizard, Settings) while the program runs.
    services.sync = std::make_unique<ui::SyncRunner>(opt.db, sync::SyncOptions{}, services.wake);
#endif
    ui::AppOptions app_opt;
    app_opt.assets_dir = opt.assets;
    app_opt.language = core::translator().language();
    app_opt.quick_keys_file = opt.quick_keys;
    app_opt.default_printer = default_printer;
    ui::App app(shop, std::move(services), app_opt);
    app.start();
    app.apply_sync_settings();   // a saved central server: syncing starts
    // A new database (or one nobody can log in to): the first-run set-up instead of the login.
    if (app.start_setup_if_needed()) spdlog::info("first run: set-up wizard shown");

    if (opt.screenshot_on_signal) {
        std::signal(SIGUSR1, on_sigusr1);
        ui::hits().set_enabled(true);   // tests tap widgets by id through <screenshot>.hits
    }

    uint64_t seen = ~uint64_t(0);
    int frames_left = 0;
    int frames_rendered = 0;
    int screenshot_after = 0;
    while (!glfwWindowShouldClose(window)) {
        if (frames_left > 0) {
            glfwPollEvents();
        } else {
            double timeout = app.seconds_until_tick();
            if (opt.screenshot_on_signal) timeout = std::min(timeout, 0.1);
            if (app.wedge_holding()) timeout = std::min(timeout, 0.02);   // let held keys go as typing
            glfwWaitEventsTimeout(timeout);
        }
        if (g_events.load() != seen) {
            seen = g_events.load();
            frames_left = 3;   // a tap needs its press and release frames, and a popup one to appear
        }
        if (app.poll_services()) frames_left = std::max(frames_left, 2);
        if (app.wedge_holding()) frames_left = std::max(frames_left, 1);
        if (g_screenshot_signal) {
            g_screenshot_signal = 0;
            screenshot_after = 2;   // let the screen settle, then save
        }
        if (screenshot_after > 0) frames_left = std::max(frames_left, screenshot_after);
        if (!opt.screenshot.empty() && !opt.screenshot_on_signal) frames_left = std::max(frames_left, opt.frames - frames_rendered);
        if (frames_left <= 0 && g_input.empty()) continue;
        --frames_left;
        if (feed_input(window)) frames_left = std::max(frames_left, 1);

        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        ImGui::NewFrame();
        app.set_wedge_clock(int64_t(glfwGetTime() * 1000), int64_t(g_keys_t * 1000));
        app.frame();
        ImGui::Render();
        glfwGetFramebufferSize(window, &fbw, &fbh);
        glViewport(0, 0, fbw, fbh);
        glClearColor(0.96f, 0.965f, 0.97f, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        ++frames_rendered;

        if (!opt.screenshot.empty()) {
            if (opt.screenshot_on_signal && screenshot_after > 0 && --screenshot_after == 0) {
                save_hits(opt.screenshot);
                if (!save_screenshot(opt.screenshot, fbw, fbh)) std::fprintf(stderr, "screenshot failed\n");
            } else if (!opt.screenshot_on_signal && frames_rendered >= opt.frames) {
                bool ok = save_screenshot(opt.screenshot, fbw, fbh);
                glfwSwapBuffers(window);
                glfwSetWindowShouldClose(window, 1);
                if (!ok) std::fprintf(stderr, "screenshot failed: %s\n", opt.screenshot.c_str());
                continue;
            }
        }
        glfwSwapBuffers(window);
    }

    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window);
    glfwTerminate();
    return 0;
}
