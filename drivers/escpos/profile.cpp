#include "drivers/escpos/profile.hpp"

#include "drivers/escpos/code_pages.hpp"
#include "pos/core/i18n.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace waserda::drivers {

namespace {

std::optional<UsbId> parse_usb_id(const std::string& s) {
    // "04b8:0e03"
    auto colon = s.find(':');
    if (colon == std::string::npos) return std::nullopt;
    char* end = nullptr;
    std::string v = s.substr(0, colon), p = s.substr(colon + 1);
    if (v.empty() || p.empty()) return std::nullopt;
    unsigned long vid = std::strtoul(v.c_str(), &end, 16);
    if (*end != '\0' || vid > 0xFFFF) return std::nullopt;
    unsigned long pid = std::strtoul(p.c_str(), &end, 16);
    if (*end != '\0' || pid > 0xFFFF) return std::nullopt;
    return UsbId{static_cast<uint16_t>(vid), static_cast<uint16_t>(pid)};
}

std::string default_assets_dir() {
    if (const char* env = std::getenv("WASERDA_ASSETS"); env && *env) return env;
#ifdef WASERDA_ASSETS_DIR
    return WASERDA_ASSETS_DIR;
#else
    return "assets";
#endif
}

}  // namespace

int PrinterProfile::code_page_number() const {
    auto it = code_pages.find(code_page);
    return it == code_pages.end() ? 0 : it->second;
}

PrinterProfile generic_profile(int paper_mm) {
    PrinterProfile p;
    if (paper_mm >= 80) {
        p.id = "generic-80";
        p.name = "Generic 80 mm";
        p.paper_mm = 80;
        p.dots = 576;
        p.columns_a = 48;
        p.columns_b = 64;
        p.cut = true;  // 80 mm printers without a cutter are rare, and ignore GS V anyway
    } else {
        p.id = "generic-58";
        p.name = "Generic 58 mm";
    }
    p.code_pages = {{"CP437", 0}};
    return p;
}

core::Result<PrinterProfile> parse_profile(std::string_view json_text, std::string_view id) {
    auto bad = [&](const std::string& why) {
        return core::make_error(core::ErrorCode::Invalid,
                                core::tr("Profil printer {} tidak valid: {}", std::string(id), why));
    };
    nlohmann::json j = nlohmann::json::parse(json_text, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded() || !j.is_object()) return bad("JSON rusak");
    try {
        PrinterProfile p = generic_profile(j.value("paper_mm", 58));
        p.id = j.value("id", std::string(id));
        p.name = j.value("name", p.id);
        p.dots = j.value("dots", p.dots);
        if (j.contains("columns")) {
            p.columns_a = j["columns"].value("font_a", p.columns_a);
            p.columns_b = j["columns"].value("font_b", p.columns_b);
        }
        if (j.contains("supports")) {
            const auto& s = j["supports"];
            p.cut = s.value("cut", p.cut);
            p.partial_cut = s.value("partial_cut", p.partial_cut);
            p.drawer = s.value("drawer", p.drawer);
            p.qr = s.value("qr", p.qr);
            p.graphics = s.value("graphics", p.graphics);
            p.buzzer = s.value("buzzer", p.buzzer);
        }
        p.cut_feed_lines = j.value("cut_feed_lines", p.cut_feed_lines);
        if (j.contains("code_pages")) {
            p.code_pages.clear();
            for (auto& [name, number] : j["code_pages"].items()) {
                if (!find_code_page(name)) return bad("tabel karakter " + name + " tidak dikenal");
                p.code_pages[name] = number.get<int>();
            }
        }
        p.code_page = j.value("code_page", p.code_page);
        if (!p.code_pages.count(p.code_page)) return bad("code_page tidak ada di code_pages");
        for (const auto& u : j.value("usb", nlohmann::json::array())) {
            auto usb = parse_usb_id(u.get<std::string>());
            if (!usb) return bad("id USB " + u.get<std::string>());
            p.usb.push_back(*usb);
        }
        if (p.dots <= 0 || p.dots > 832 || p.columns_a <= 0 || p.columns_b <= 0)
            return bad("lebar kertas");
        return p;
    } catch (const nlohmann::json::exception& e) {
        return bad(e.what());
    }
}

core::Result<PrinterProfiles> PrinterProfiles::load(const std::string& dir) {
    namespace fs = std::filesystem;
    std::error_code ec;
    std::vector<fs::path> files;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
        if (it->path().extension() == ".json") files.push_back(it->path());
    if (ec)
        return core::make_error(core::ErrorCode::NotFound,
                                core::tr("Folder profil printer {} tidak bisa dibaca.", dir));
    std::sort(files.begin(), files.end());
    PrinterProfiles out;
    for (const auto& f : files) {
        std::ifstream in(f);
        std::stringstream ss;
        ss << in.rdbuf();
        auto p = parse_profile(ss.str(), f.stem().string());
        if (!p) return p.error();
        if (p->id == "generic-58") out.generic_ = *p;
        out.profiles_.push_back(std::move(*p));
    }
    return out;
}

const PrinterProfiles& PrinterProfiles::installed() {
    static const PrinterProfiles profiles = [] {
        auto loaded = load(default_assets_dir() + "/printers");
        if (loaded) return std::move(*loaded);
        PrinterProfiles fallback;
        fallback.profiles_ = {generic_profile(58), generic_profile(80)};
        return fallback;
    }();
    return profiles;
}

const PrinterProfile* PrinterProfiles::find(std::string_view id) const {
    for (const auto& p : profiles_)
        if (p.id == id) return &p;
    return nullptr;
}

const PrinterProfile& PrinterProfiles::profile_for(uint16_t vid, uint16_t pid) const {
    for (const auto& p : profiles_)
        if (std::find(p.usb.begin(), p.usb.end(), UsbId{vid, pid}) != p.usb.end()) return p;
    return generic_;
}

const PrinterProfile& profile_for(uint16_t vid, uint16_t pid) {
    return PrinterProfiles::installed().profile_for(vid, pid);
}

}  // namespace waserda::drivers
