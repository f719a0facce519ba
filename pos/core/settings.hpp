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
};

// Settings <-> the store's key/value table. Unknown keys are kept untouched by the store.
std::map<std::string, std::string> settings_to_kv(const ShopSettings& s);
ShopSettings settings_from_kv(const std::map<std::string, std::string>& kv);
// Sets one key from text, checking its value ("tax.pkp" = "true", "cash_rounding.unit" = "100"...).
Status set_setting(ShopSettings& s, const std::string& key, const std::string& value);

}  // namespace waserda::core
