// Translations. Source strings are written in Bahasa Indonesia (the default language) and are
// also the lookup keys, as gettext does. Other languages are JSON files in assets/i18n/<lang>.json
// mapping the Indonesian source string to its translation, plus
// assets/i18n/<lang>/*.json (one file per part of the program), merged. A missing entry falls back to Indonesian.
#pragma once

#include <fmt/format.h>

#include <string>
#include <string_view>
#include <unordered_map>

namespace waserda::core {

class Translator {
public:
    // Loads assets/i18n/<lang>.json and assets/i18n/<lang>/*.json. "id" (or an unreadable file) means the built-in Indonesian.
    bool load(const std::string& i18n_dir, const std::string& lang);
    void set_table(std::string lang, std::unordered_map<std::string, std::string> table);
    const std::string& language() const { return lang_; }
    std::string_view translate(std::string_view source) const;

private:
    std::string lang_ = "id";
    std::unordered_map<std::string, std::string> table_;
};

// The process-wide translator used by tr(). Set once at start-up (UI or CLI).
Translator& translator();

inline std::string tr(std::string_view source) { return std::string(translator().translate(source)); }

template <typename... Args>
std::string tr(std::string_view source, Args&&... args) {
    return fmt::vformat(translator().translate(source), fmt::make_format_args(args...));
}

}  // namespace waserda::core
