#include "pos/core/i18n.hpp"

#include <nlohmann/json.hpp>

#include <fstream>

namespace waserda::core {

bool Translator::load(const std::string& i18n_dir, const std::string& lang) {
    if (lang.empty() || lang == "id") {
        set_table("id", {});
        return true;
    }
    std::ifstream in(i18n_dir + "/" + lang + ".json");
    if (!in) return false;
    auto doc = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
    if (!doc.is_object()) return false;
    std::unordered_map<std::string, std::string> table;
    for (auto& [key, value] : doc.items()) {
        if (value.is_string()) table.emplace(key, value.get<std::string>());
    }
    set_table(lang, std::move(table));
    return true;
}

void Translator::set_table(std::string lang, std::unordered_map<std::string, std::string> table) {
    lang_ = std::move(lang);
    table_ = std::move(table);
}

std::string_view Translator::translate(std::string_view source) const {
    if (table_.empty()) return source;
    auto it = table_.find(std::string(source));
    return it == table_.end() ? source : std::string_view(it->second);
}

Translator& translator() {
    static Translator instance;
    return instance;
}

}  // namespace waserda::core
