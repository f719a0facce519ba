#include "pos/core/i18n.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <vector>

namespace waserda::core {

bool Translator::load(const std::string& i18n_dir, const std::string& lang) {
    if (lang.empty() || lang == "id") {
        set_table("id", {});
        return true;
    }
    // <lang>.json, then every <lang>/*.json in name order (one file per part of the program).
    std::vector<std::filesystem::path> files{std::filesystem::path(i18n_dir) / (lang + ".json")};
    std::error_code ec;
    std::vector<std::filesystem::path> parts;
    for (auto& e : std::filesystem::directory_iterator(std::filesystem::path(i18n_dir) / lang, ec)) {
        if (e.path().extension() == ".json") parts.push_back(e.path());
    }
    std::sort(parts.begin(), parts.end());
    files.insert(files.end(), parts.begin(), parts.end());

    std::unordered_map<std::string, std::string> table;
    bool any = false;
    for (auto& file : files) {
        std::ifstream in(file);
        if (!in) continue;
        auto doc = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
        if (!doc.is_object()) continue;
        any = true;
        for (auto& [key, value] : doc.items()) {
            if (value.is_string()) table.insert_or_assign(key, value.get<std::string>());
        }
    }
    if (!any) return false;
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
