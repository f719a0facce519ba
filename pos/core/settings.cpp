#include "pos/core/settings.hpp"

#include "pos/core/i18n.hpp"

#include <cctype>
#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <sstream>

namespace waserda::core {
namespace {

std::string bool_text(bool b) { return b ? "true" : "false"; }

std::optional<bool> parse_bool(const std::string& v) {
    if (v == "true" || v == "1" || v == "yes" || v == "ya") return true;
    if (v == "false" || v == "0" || v == "no" || v == "tidak") return false;
    return std::nullopt;
}

std::optional<int64_t> parse_int(const std::string& v) {
    int64_t out = 0;
    auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
    if (ec != std::errc() || p != v.data() + v.size()) return std::nullopt;
    return out;
}

std::string rounding_mode_text(CashRoundingMode m) {
    switch (m) {
        case CashRoundingMode::None: return "none";
        case CashRoundingMode::Nearest: return "nearest";
        case CashRoundingMode::Down: return "down";
        case CashRoundingMode::Up: return "up";
    }
    return "nearest";
}

std::string rules_text(const std::vector<InStoreRule>& rules) {
    std::string out;
    for (auto& r : rules) {
        if (!out.empty()) out += ",";
        out += r.prefix + ":" + std::to_string(r.item_digits) + ":" +
               (r.value == EmbeddedValue::WeightGrams ? "weight" : "price");
    }
    return out;
}

std::optional<std::vector<InStoreRule>> parse_rules(const std::string& text) {
    std::vector<InStoreRule> rules;
    std::stringstream ss(text);
    std::string part;
    while (std::getline(ss, part, ',')) {
        if (part.empty()) continue;
        auto a = part.find(':'), b = part.rfind(':');
        if (a == std::string::npos || a == b) return std::nullopt;
        InStoreRule r;
        r.prefix = part.substr(0, a);
        auto digits = parse_int(part.substr(a + 1, b - a - 1));
        std::string kind = part.substr(b + 1);
        if (r.prefix.size() != 2 || r.prefix[0] != '2' || !digits || *digits < 1 || *digits > 8) return std::nullopt;
        r.item_digits = static_cast<int>(*digits);
        if (kind == "weight") r.value = EmbeddedValue::WeightGrams;
        else if (kind == "price") r.value = EmbeddedValue::PriceRupiah;
        else return std::nullopt;
        rules.push_back(r);
    }
    return rules;
}

Error bad(const std::string& key, const std::string& value) {
    return make_error(ErrorCode::Invalid, tr("Nilai \"{}\" tidak berlaku untuk pengaturan {}.", value, key));
}

}  // namespace

std::map<std::string, std::string> settings_to_kv(const ShopSettings& s) {
    std::map<std::string, std::string> kv;
    kv["shop.name"] = s.shop_name;
    kv["shop.address"] = s.address;
    kv["shop.npwp"] = s.npwp;
    kv["device"] = s.device;
    kv["language"] = s.language;
    kv["utc_offset_minutes"] = std::to_string(s.utc_offset_minutes);
    kv["tax.pkp"] = bool_text(s.tax.pkp);
    kv["tax.rate_bp"] = std::to_string(s.tax.rate_bp);
    kv["tax.dpp_num"] = std::to_string(s.tax.dpp_num);
    kv["tax.dpp_den"] = std::to_string(s.tax.dpp_den);
    kv["cash_rounding.unit"] = std::to_string(s.cash_rounding.unit);
    kv["cash_rounding.mode"] = rounding_mode_text(s.cash_rounding.mode);
    kv["in_store_codes"] = rules_text(s.in_store_rules);
    kv["credit.mode"] = to_string(s.credit.mode);
    kv["credit.fixed_limit"] = std::to_string(s.credit.fixed_limit.rupiah());
    kv["credit.percent"] = std::to_string(s.credit.percent);
    kv["credit.include_sukarela"] = bool_text(s.credit.include_sukarela);
    kv["credit.monthly_cap"] = s.credit.monthly_cap ? std::to_string(s.credit.monthly_cap->rupiah()) : "";
    kv["credit.block_in_arrears"] = bool_text(s.credit.block_in_arrears);
    kv["credit.arrears_days"] = std::to_string(s.credit.arrears_days);
    kv["receipt.footer"] = s.receipt_footer;
    kv["backup.dir"] = s.backup_dir;
    kv["backup.keep"] = std::to_string(s.backup_keep);
    kv["central.url"] = s.central_url;
    kv["drawer.enabled"] = bool_text(s.drawer_enabled);
    kv["printer"] = s.printer;
    kv["printer.profile"] = s.printer_profile;
    kv["printer.paper"] = std::to_string(s.paper_mm);
    kv["receipt.logo"] = s.receipt_logo;
    kv["scanner"] = s.scanner;
    kv["scanner.prefix"] = s.scanner_prefix;
    kv["scanner.suffix"] = s.scanner_suffix;
    return kv;
}

Status set_setting(ShopSettings& s, const std::string& key, const std::string& value) {
    auto set_int = [&](auto& field, int64_t lo, int64_t hi) -> Status {
        auto v = parse_int(value);
        if (!v || *v < lo || *v > hi) return bad(key, value);
        field = static_cast<std::remove_reference_t<decltype(field)>>(*v);
        return ok_status();
    };
    auto set_bool = [&](bool& field) -> Status {
        auto v = parse_bool(value);
        if (!v) return bad(key, value);
        field = *v;
        return ok_status();
    };
    if (key == "shop.name") { if (value.empty()) return bad(key, value); s.shop_name = value; return ok_status(); }
    if (key == "shop.address") { s.address = value; return ok_status(); }
    if (key == "shop.npwp") {
        // NPWP: 15 digits (00.000.000.0-000.000) or the 16 of the NIK-based form; dots, dashes and
        // spaces as written on the card are fine. Empty: not registered.
        size_t digits = 0;
        for (char c : value) {
            if (std::isdigit(static_cast<unsigned char>(c))) ++digits;
            else if (c != '.' && c != '-' && c != ' ') return bad(key, value);
        }
        if (!value.empty() && digits != 15 && digits != 16) return bad(key, value);
        s.npwp = value;
        return ok_status();
    }
    if (key == "device") {
        if (value.empty() || value.size() > 8) return bad(key, value);
        for (char c : value)
            if (!std::isalnum(static_cast<unsigned char>(c))) return bad(key, value);
        s.device = value;
        return ok_status();
    }
    if (key == "language") { if (value != "id" && value != "en") return bad(key, value); s.language = value; return ok_status(); }
    if (key == "utc_offset_minutes") return set_int(s.utc_offset_minutes, -720, 840);
    if (key == "tax.pkp") return set_bool(s.tax.pkp);
    if (key == "tax.rate_bp") return set_int(s.tax.rate_bp, 0, 5000);
    if (key == "tax.dpp_num") return set_int(s.tax.dpp_num, 1, 1000);
    if (key == "tax.dpp_den") return set_int(s.tax.dpp_den, 1, 1000);
    if (key == "cash_rounding.unit") return set_int(s.cash_rounding.unit, 1, 100000);
    if (key == "cash_rounding.mode") {
        if (value == "none") s.cash_rounding.mode = CashRoundingMode::None;
        else if (value == "nearest") s.cash_rounding.mode = CashRoundingMode::Nearest;
        else if (value == "down") s.cash_rounding.mode = CashRoundingMode::Down;
        else if (value == "up") s.cash_rounding.mode = CashRoundingMode::Up;
        else return bad(key, value);
        return ok_status();
    }
    if (key == "in_store_codes") {
        auto rules = parse_rules(value);
        if (!rules) return bad(key, value);
        s.in_store_rules = *rules;
        return ok_status();
    }
    if (key == "credit.mode") {
        auto m = credit_limit_mode_from(value);
        if (!m) return bad(key, value);
        s.credit.mode = *m;
        return ok_status();
    }
    if (key == "credit.fixed_limit") {
        auto v = parse_int(value);
        if (!v || *v < 0) return bad(key, value);
        s.credit.fixed_limit = Money::rp(*v);
        return ok_status();
    }
    if (key == "credit.percent") return set_int(s.credit.percent, 0, 1000);
    if (key == "credit.include_sukarela") return set_bool(s.credit.include_sukarela);
    if (key == "credit.monthly_cap") {
        if (value.empty()) { s.credit.monthly_cap.reset(); return ok_status(); }
        auto v = parse_int(value);
        if (!v || *v < 0) return bad(key, value);
        s.credit.monthly_cap = Money::rp(*v);
        return ok_status();
    }
    if (key == "credit.block_in_arrears") return set_bool(s.credit.block_in_arrears);
    if (key == "credit.arrears_days") return set_int(s.credit.arrears_days, 1, 3650);
    if (key == "receipt.footer") { s.receipt_footer = value; return ok_status(); }
    if (key == "backup.dir") { s.backup_dir = value; return ok_status(); }
    if (key == "backup.keep") return set_int(s.backup_keep, 1, 365);
    if (key == "central.url") {
        if (auto st = check_central_url(value); !st) return st;
        s.central_url = value;
        return ok_status();
    }
    if (key == "drawer.enabled") return set_bool(s.drawer_enabled);
    if (key == "printer") {
        if (auto st = check_printer_spec(value); !st) return st;
        s.printer = value;
        return ok_status();
    }
    if (key == "printer.profile") {
        // The profile's file must exist too; the UI checks that against the installed profiles.
        bool ok = !value.empty() && value.size() <= 40;
        for (char c : value)
            if (!std::islower(static_cast<unsigned char>(c)) && !std::isdigit(static_cast<unsigned char>(c)) && c != '-') ok = false;
        if (!ok)
            return make_error(ErrorCode::Invalid,
                              tr("Profil printer \"{}\" tidak berlaku. Pilih auto, generic, atau nama profil seperti epson-tm-t20.", value));
        s.printer_profile = value;
        return ok_status();
    }
    if (key == "printer.paper") {
        if (value != "58" && value != "80")
            return make_error(ErrorCode::Invalid, tr("Lebar kertas \"{}\" tidak berlaku. Pilih 58 atau 80 (mm).", value));
        s.paper_mm = value == "58" ? 58 : 80;
        return ok_status();
    }
    if (key == "receipt.logo") {
        std::string ext = value.size() >= 4 ? value.substr(value.size() - 4) : std::string();
        for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (!value.empty() && ext != ".png")
            return make_error(ErrorCode::Invalid, tr("Logo harus berkas PNG (mis. /home/kasir/logo.png), bukan \"{}\".", value));
        s.receipt_logo = value;
        return ok_status();
    }
    if (key == "scanner") {
        if (auto st = check_scanner_spec(value); !st) return st;
        s.scanner = value;
        return ok_status();
    }
    if (key == "scanner.prefix" || key == "scanner.suffix") {
        bool ok = value.size() <= 8;
        for (char c : value)
            if (c <= ' ' || c >= 0x7f) ok = false;
        if (!ok)
            return make_error(ErrorCode::Invalid,
                              tr("Awalan atau akhiran pemindai paling banyak 8 huruf, angka atau tanda, tanpa spasi."));
        (key == "scanner.prefix" ? s.scanner_prefix : s.scanner_suffix) = value;
        return ok_status();
    }
    return make_error(ErrorCode::NotFound, tr("Pengaturan {} tidak dikenal.", key));
}

namespace {

bool is_vid_pid(const std::string& t) {
    if (t.size() != 9 || t[4] != ':') return false;
    for (size_t i = 0; i < t.size(); ++i)
        if (i != 4 && !std::isxdigit(static_cast<unsigned char>(t[i]))) return false;
    return true;
}

bool is_host_port(const std::string& t) {
    std::string host = t;
    std::string port;
    if (!host.empty() && host.front() == '[') {          // [fe80::1]:9100
        auto close = host.find(']');
        if (close == std::string::npos) return false;
        std::string rest = host.substr(close + 1);
        host = host.substr(1, close - 1);
        if (!rest.empty()) {
            if (rest.front() != ':') return false;
            port = rest.substr(1);
            if (port.empty()) return false;
        }
    } else if (auto colon = host.find(':'); colon != std::string::npos) {
        port = host.substr(colon + 1);
        host = host.substr(0, colon);
        if (port.empty()) return false;
    }
    if (host.empty()) return false;
    for (char c : host)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '-' && c != ':' && c != '_') return false;
    if (!port.empty()) {
        auto p = parse_int(port);
        if (!p || *p < 1 || *p > 65535) return false;
    }
    return true;
}

}  // namespace

Status check_printer_spec(const std::string& spec) {
    auto starts = [&](const char* p) { return spec.rfind(p, 0) == 0; };
    bool ok = spec.empty() || spec == "usb" ||
              (starts("usb:") && is_vid_pid(spec.substr(4))) ||
              (starts("virtual:") && spec.size() > 8) ||
              (starts("file:") && spec.size() > 6 && spec[5] == '/') ||
              (starts("tcp:") && is_host_port(spec.substr(4)));
    if (ok) return ok_status();
    return make_error(ErrorCode::Invalid,
                      tr("Printer \"{}\" tidak dikenal. Tulis usb, usb:VID:PID (mis. usb:0416:5011), file:/dev/usb/lp0, tcp:ALAMAT[:PORT] atau virtual:FOLDER.", spec));
}

Status check_scanner_spec(const std::string& spec) {
    bool ok = spec == "keyboard" || spec == "usb" || (spec.rfind("usb:", 0) == 0 && is_vid_pid(spec.substr(4))) ||
              (spec.rfind("serial:", 0) == 0 && spec.size() > 8 && spec[7] == '/');
    if (ok) return ok_status();
    return make_error(ErrorCode::Invalid,
                      tr("Pemindai \"{}\" tidak dikenal. Tulis keyboard, usb, usb:VID:PID (mis. usb:0c2e:0b61) atau serial:/dev/ttyACM0.", spec));
}

Status check_central_url(const std::string& url) {
    if (url.empty()) return ok_status();
    std::string rest;
    if (url.rfind("https://", 0) == 0) rest = url.substr(8);
    else if (url.rfind("http://", 0) == 0) rest = url.substr(7);
    else return make_error(ErrorCode::Invalid, tr("Alamat server harus diawali http:// atau https://."));
    std::string host = rest.substr(0, rest.find('/'));
    auto colon = host.rfind(':');
    if (colon != std::string::npos) {
        auto port = parse_int(host.substr(colon + 1));
        if (!port || *port < 1 || *port > 65535)
            return make_error(ErrorCode::Invalid, tr("Nomor port pada alamat server tidak berlaku."));
        host = host.substr(0, colon);
    }
    bool ok_host = !host.empty() && host.front() != '.' && host.back() != '.';
    for (char c : host)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '-') ok_host = false;
    for (char c : rest)
        if (std::isspace(static_cast<unsigned char>(c))) ok_host = false;
    if (!ok_host) return make_error(ErrorCode::Invalid, tr("Nama server pada alamat itu tidak berlaku."));
    return ok_status();
}

std::string default_assets_dir(const std::string& compiled_in) {
    namespace fs = std::filesystem;
    if (const char* env = std::getenv("WASERDA_ASSETS"); env && *env) return env;
    const std::string installed = "/usr/share/waserda/assets";
    std::error_code ec;
    // The installed program uses the installed assets even on the machine that built it.
    auto exe = fs::read_symlink("/proc/self/exe", ec);
    bool installed_program = !ec && exe.string().rfind("/usr/", 0) == 0;
    if (installed_program && fs::exists(installed + "/i18n", ec)) return installed;
    if (fs::exists(fs::path(compiled_in) / "i18n", ec)) return compiled_in;
    if (fs::exists(installed + "/i18n", ec)) return installed;
    return compiled_in;
}

ShopSettings settings_from_kv(const std::map<std::string, std::string>& kv) {
    ShopSettings s;
    for (auto& [k, v] : kv) (void)set_setting(s, k, v);  // unknown or bad stored values keep defaults
    return s;
}

}  // namespace waserda::core
