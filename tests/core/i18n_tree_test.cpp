// Every string any part of the program passes to core::tr (pos/, drivers/, sync/) has English in
// assets/i18n/en.json merged with assets/i18n/en/*.json, and every translation keeps its placeholders.
// (tests/ui/i18n_test.cpp checks pos/ui alone; this one covers the whole tree.)
#include "pos/core/i18n.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

const std::string kSource = WASERDA_SOURCE_DIR;

// Strings handed to tr() through a variable (the scanner only sees literals written inside tr(...)).
// Keep this list in step with the code: each must still be written somewhere in the tree.
const std::vector<std::string> kPassedThroughVariables = {
    // pos/core/catalog_io.cpp: RowReader::money's bad_message
    "Harga tidak berlaku: \"{}\"",
    "Jumlah simpanan tidak berlaku: \"{}\"",
    "Batas kredit tidak berlaku: \"{}\"",
    // pos/store/store_maintenance.cpp: check()'s bad_detail
    "{} baris menunjuk data yang tidak ada",
    "{} barang stoknya tidak sama dengan mutasinya",
    "{} anggota saldonya tidak sama dengan buku simpanan",
    "{} anggota piutangnya tidak sama dengan buku piutang",
    "{} penjualan tanpa event sinkronisasi",
    "{} penjualan totalnya tidak sama dengan jumlah barisnya",
    "{} penjualan pembayarannya tidak sama dengan totalnya",
    "{} penjualan tanpa mutasi stok",
    "{} ringkasan harian tidak cocok",
};

struct Found {
    std::string text;   // the string as the program sees it (escapes resolved, adjacent literals joined)
    std::string where;  // path:line of the tr( call
};

// One C string literal starting at text[i] == '"'; returns the index after its closing quote.
size_t read_literal(const std::string& text, size_t i, std::string& out) {
    for (++i; i < text.size() && text[i] != '"'; ++i) {
        if (text[i] != '\\' || i + 1 == text.size()) {
            out.push_back(text[i]);
            continue;
        }
        char c = text[++i];
        out.push_back(c == 'n' ? '\n' : c == 't' ? '\t' : c);  // \" \\ \' stand for themselves
    }
    return i + 1;
}

size_t skip_space(const std::string& text, size_t i) {
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    return i;
}

// Whether text[at] follows a // on its line (outside string literals).
bool in_line_comment(const std::string& text, size_t at) {
    size_t i = text.rfind('\n', at);
    i = i == std::string::npos ? 0 : i + 1;
    bool quoted = false;
    for (; i < at; ++i) {
        if (quoted && text[i] == '\\') ++i;
        else if (text[i] == '"') quoted = !quoted;
        else if (!quoted && text[i] == '/' && i + 1 < at && text[i + 1] == '/') return true;
    }
    return false;
}

// Every tr("literal" ["literal"...] ...) in one file's text; calls with a non-literal first argument are skipped.
std::vector<Found> tr_literals(const std::string& text, const std::string& path) {
    std::vector<Found> out;
    for (size_t at = text.find("tr("); at != std::string::npos; at = text.find("tr(", at + 3)) {
        if (at > 0 && (std::isalnum(static_cast<unsigned char>(text[at - 1])) || text[at - 1] == '_')) continue;
        if (in_line_comment(text, at)) continue;
        size_t i = skip_space(text, at + 3);
        if (i >= text.size() || text[i] != '"') continue;
        Found f;
        while (i < text.size() && text[i] == '"') i = skip_space(text, read_literal(text, i, f.text));
        f.where = path + ":" + std::to_string(1 + std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
        out.push_back(std::move(f));
    }
    return out;
}

std::string read_all(const fs::path& p) {
    std::ifstream in(p);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::vector<fs::path> source_files() {
    std::vector<fs::path> out;
    for (const char* dir : {"pos", "drivers", "sync"}) {
        for (auto& e : fs::recursive_directory_iterator(fs::path(kSource) / dir)) {
            auto ext = e.path().extension();
            if (e.is_regular_file() && (ext == ".cpp" || ext == ".hpp")) out.push_back(e.path());
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<Found> tree_strings() {
    std::vector<Found> out;
    for (auto& p : source_files()) {
        auto found = tr_literals(read_all(p), fs::relative(p, kSource).string());
        out.insert(out.end(), found.begin(), found.end());
    }
    return out;
}

// assets/i18n/en.json and assets/i18n/en/*.json in the order Translator::load merges them.
std::vector<fs::path> english_files() {
    fs::path dir = fs::path(kSource) / "assets" / "i18n";
    std::vector<fs::path> parts;
    if (fs::is_directory(dir / "en")) {
        for (auto& e : fs::directory_iterator(dir / "en"))
            if (e.path().extension() == ".json") parts.push_back(e.path());
    }
    std::sort(parts.begin(), parts.end());
    parts.insert(parts.begin(), dir / "en.json");
    return parts;
}

nlohmann::json english() {
    nlohmann::json all = nlohmann::json::object();
    for (auto& f : english_files()) {
        std::ifstream in(f);
        auto doc = nlohmann::json::parse(in, nullptr, false);
        if (doc.is_object()) all.update(doc);
    }
    return all;
}

// A string with no letter outside its placeholders ("{}: {}", "{} {}") reads the same in English.
bool needs_words(const std::string& s) {
    int depth = 0;
    for (char c : s) {
        if (c == '{') ++depth;
        else if (c == '}') depth = std::max(0, depth - 1);
        else if (depth == 0 && std::isalpha(static_cast<unsigned char>(c))) return true;
    }
    return false;
}

// The fmt replacement fields of a string, in order ("{}", "{:>3}"); "{{" and "}}" are literal braces.
std::vector<std::string> placeholders(const std::string& s) {
    std::vector<std::string> out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '{' && i + 1 < s.size() && s[i + 1] == '{') {
            ++i;
        } else if (s[i] == '{') {
            size_t end = s.find('}', i);
            if (end == std::string::npos) break;
            out.push_back(s.substr(i, end - i + 1));
            i = end;
        }
    }
    return out;
}

std::string shown(const std::string& s) {
    std::string out;
    for (char c : s) out += c == '\n' ? std::string("\\n") : std::string(1, c);
    return "\"" + out + "\"";
}

}  // namespace

TEST(TreeStrings, ScannerJoinsAdjacentLiteralsAndResolvesEscapes) {
    std::string code =
        "auto a = core::tr(\"Baris {}: tanda kutip (\\\") tidak ditutup.\", n);\n"
        "  // tr(\"dalam komentar\")\n"
        "f(\"http://x\", tr(\"Sesudah alamat\"));\n"
        "std::cout << tr(\"Aturan: satu \"\n"
        "               \"dua\\n\") << attr(\"bukan\") << tr(name);\n";
    auto found = tr_literals(code, "x.cpp");
    ASSERT_EQ(found.size(), 3u);
    EXPECT_EQ(found[0].text, "Baris {}: tanda kutip (\") tidak ditutup.");
    EXPECT_EQ(found[0].where, "x.cpp:1");
    EXPECT_EQ(found[1].text, "Sesudah alamat");
    EXPECT_EQ(found[2].text, "Aturan: satu dua\n");
    EXPECT_EQ(found[2].where, "x.cpp:4");
    EXPECT_EQ(placeholders("{} ({:>3}) {{literal}} {}"), (std::vector<std::string>{"{}", "{:>3}", "{}"}));
    EXPECT_FALSE(needs_words("{}: {} ({})"));
    EXPECT_TRUE(needs_words("Struk {}"));
}

TEST(TreeStrings, EveryStringInTheTreeHasEnglish) {
    auto doc = english();
    auto found = tree_strings();
    ASSERT_GT(found.size(), 900u) << "the scanner finds too few tr() calls";
    std::map<std::string, std::vector<std::string>> missing;  // string -> where
    for (auto& f : found) {
        if (!needs_words(f.text)) continue;
        if (!doc.contains(f.text)) missing[f.text].push_back(f.where);
    }
    std::string report;
    for (auto& [text, where] : missing) {
        report += "\n  " + shown(text) + "  (" + where.front();
        if (where.size() > 1) report += " and " + std::to_string(where.size() - 1) + " more";
        report += ")";
    }
    EXPECT_TRUE(missing.empty()) << missing.size() << " tr() strings have no English in assets/i18n/en.json or en/*.json:"
                                 << report;
}

TEST(TreeStrings, StringsPassedThroughVariablesHaveEnglish) {
    auto doc = english();
    std::string all_source;
    for (auto& p : source_files()) all_source += read_all(p);
    for (auto& s : kPassedThroughVariables) {
        std::string literal;
        for (char c : s) literal += c == '"' ? std::string("\\\"") : std::string(1, c);
        EXPECT_NE(all_source.find("\"" + literal + "\""), std::string::npos)
            << shown(s) << " is no longer in the source; remove it from kPassedThroughVariables";
        EXPECT_TRUE(doc.contains(s)) << "no English for " << shown(s);
    }
}

TEST(TreeStrings, EveryTranslationFileKeepsThePlaceholders) {
    auto files = english_files();
    ASSERT_GT(files.size(), 1u);
    for (auto& f : files) {
        std::ifstream in(f);
        ASSERT_TRUE(in) << f;
        auto doc = nlohmann::json::parse(in, nullptr, false);
        ASSERT_TRUE(doc.is_object()) << f << " is not a JSON object";
        for (auto& [key, value] : doc.items()) {
            ASSERT_TRUE(value.is_string()) << f.filename() << ": " << shown(key) << " is not translated to a string";
            auto english = value.get<std::string>();
            EXPECT_FALSE(english.empty()) << f.filename() << ": " << shown(key) << " has an empty translation";
            EXPECT_EQ(placeholders(key), placeholders(english))
                << f.filename() << ": the placeholders differ between " << shown(key) << " and " << shown(english);
        }
    }
}

TEST(TreeStrings, TheCommandLineSpeaksEnglishFromTheAssets) {
    auto& t = waserda::core::translator();
    ASSERT_TRUE(t.load(kSource + "/assets/i18n", "en"));
    EXPECT_EQ(waserda::core::tr("Pengguna {} tidak ditemukan.", "Budi"), "User Budi was not found.");
    EXPECT_EQ(waserda::core::tr("Pencadangan ke {} gagal: {}.", "/media/usb", "disk penuh"),
              "Backup to /media/usb failed: disk penuh.");
    t.load("", "id");
    EXPECT_EQ(waserda::core::tr("Pengguna {} tidak ditemukan.", "Budi"), "Pengguna Budi tidak ditemukan.");
}
