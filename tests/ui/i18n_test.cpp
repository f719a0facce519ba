// Every string the touchscreen shows goes through core::tr and has an English translation.
#include "pos/core/i18n.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <vector>

namespace {

std::set<std::string> ui_source_strings() {
    std::set<std::string> out;
    // tr("...") with a plain literal first argument (escaped quotes allowed).
    std::regex call(R"(\btr\(\s*"((?:[^"\\]|\\.)*)\")");
    for (auto& e : std::filesystem::recursive_directory_iterator(std::string(WASERDA_SOURCE_DIR) + "/pos/ui")) {
        if (e.path().extension() != ".cpp" && e.path().extension() != ".hpp") continue;
        std::ifstream in(e.path());
        std::stringstream ss;
        ss << in.rdbuf();
        std::string text = ss.str();
        for (std::sregex_iterator it(text.begin(), text.end(), call), end; it != end; ++it) {
            std::string s = (*it)[1];
            std::string unescaped;
            for (size_t i = 0; i < s.size(); ++i) {
                if (s[i] == '\\' && i + 1 < s.size()) {
                    ++i;
                    unescaped.push_back(s[i] == 'n' ? '\n' : s[i]);
                } else {
                    unescaped.push_back(s[i]);
                }
            }
            out.insert(unescaped);
        }
    }
    return out;
}

// assets/i18n/en.json merged with assets/i18n/en/*.json, as Translator::load reads them.
nlohmann::json english() {
    namespace fs = std::filesystem;
    std::string dir = std::string(WASERDA_SOURCE_DIR) + "/assets/i18n";
    std::vector<fs::path> files{dir + "/en.json"};
    if (fs::is_directory(dir + "/en")) {
        for (auto& e : fs::directory_iterator(dir + "/en")) {
            if (e.path().extension() == ".json") files.push_back(e.path());
        }
    }
    nlohmann::json all = nlohmann::json::object();
    for (auto& f : files) {
        std::ifstream in(f);
        auto doc = nlohmann::json::parse(in, nullptr, false);
        EXPECT_TRUE(doc.is_object()) << f << " is not a JSON object";
        if (doc.is_object()) all.update(doc);
    }
    return all;
}

}  // namespace

TEST(UiStrings, EveryUiStringHasAnEnglishTranslation) {
    auto doc = english();
    ASSERT_TRUE(doc.contains("Siapa yang bertugas?")) << "assets/i18n/en.json is missing";
    auto strings = ui_source_strings();
    ASSERT_GT(strings.size(), 100u);
    for (auto& s : strings) {
        ASSERT_TRUE(doc.contains(s)) << "no English for: " << s;
        EXPECT_FALSE(doc[s].get<std::string>().empty()) << s;
    }
}

TEST(UiStrings, TranslationsKeepTheirPlaceholders) {
    auto doc = english();
    auto count = [](const std::string& s) {
        size_t n = 0;
        for (size_t i = s.find("{}"); i != std::string::npos; i = s.find("{}", i + 2)) ++n;
        return n;
    };
    for (auto& [key, value] : doc.items()) EXPECT_EQ(count(key), count(value.get<std::string>())) << key;
}

TEST(UiStrings, EnglishIsLoadedFromTheAssets) {
    auto& t = waserda::core::translator();
    ASSERT_TRUE(t.load(std::string(WASERDA_SOURCE_DIR) + "/assets/i18n", "en"));
    EXPECT_EQ(waserda::core::tr("Siapa yang bertugas?"), "Who is on duty?");
    t.load("", "id");
    EXPECT_EQ(waserda::core::tr("Siapa yang bertugas?"), "Siapa yang bertugas?");
}
