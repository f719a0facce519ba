// The shop's settings, kept as key/value pairs in the store and edited by the admin.
#pragma once

#include "barcode.hpp"
#include "credit.hpp"
#include "money.hpp"
#include "result.hpp"
#include "tax.hpp"

#include <map>
#include <string>
#include <vector>

namespace waserda::core {

struct ShopSettings {
    std::string shop_name = "Waserda Koperasi";
    std::string address;
    std::string npwp;
    std::string device = "T01";          // this till's code, prefixes its sale numbers
    std::string language = "id";
    int utc_offset_minutes = 7 * 60;     // WIB; WITA +8, WIT +9
    TaxConfig tax;
    CashRounding cash_rounding;
    std::vector<InStoreRule> in_store_rules = default_in_store_rules();
    CreditPolicy credit;
    std::string receipt_footer = "Terima kasih atas kunjungan Anda";
    std::string backup_dir;              // daily automatic backup target (e.g. a USB stick)
    int backup_keep = 7;
    std::string central_url;             // empty: standalone
    bool drawer_enabled = true;
    // Devices (the device panel, `waserda settings set printer usb:0416:5011`).
    std::string printer;                 // "virtual:DIR", "usb", "usb:VID:PID", "file:/dev/usb/lp0",
                                         // "tcp:HOST[:PORT]"; empty: the virtual printer beside the database
    std::string printer_profile = "auto";   // a profile of assets/printers, "auto" (by USB id) or "generic"
    int paper_mm = 80;                   // 58 or 80
    std::string receipt_logo;            // a PNG printed above the shop's name; empty: none
    std::string scanner = "keyboard";    // "keyboard" (wedge only), "usb", "usb:VID:PID", "serial:/dev/ttyACM0"
    std::string scanner_prefix;          // what the scanner is programmed to add, removed from codes
    std::string scanner_suffix;
};

// Settings <-> the store's key/value table. Unknown keys are kept untouched by the store.
std::map<std::string, std::string> settings_to_kv(const ShopSettings& s);
ShopSettings settings_from_kv(const std::map<std::string, std::string>& kv);
// Sets one key from text, checking its value ("tax.pkp" = "true", "cash_rounding.unit" = "100"...).
Status set_setting(ShopSettings& s, const std::string& key, const std::string& value);

// Device settings' syntax ("usb:0416:5011", "tcp:192.168.1.50:9100", "serial:/dev/ttyACM0"); the
// message says what is accepted. Whether the device is there is the drivers' business.
Status check_printer_spec(const std::string& spec);
Status check_scanner_spec(const std::string& spec);

// A central server address: empty (standalone) or http(s)://host[:port][/path], no spaces.
Status check_central_url(const std::string& url);

// The assets folder (translations, fonts, printer profiles, demo catalog) for every program:
// $WASERDA_ASSETS; else /usr/share/waserda/assets for a program installed under /usr (the .deb);
// else `compiled_in` (the source tree's assets/) when it exists; else the installed folder.
std::string default_assets_dir(const std::string& compiled_in);

}  // namespace waserda::core
