// Single-byte character tables of receipt printers (ESC t), UTF-8 helpers and the ASCII stand-ins
// used for characters a table cannot show. Shared by the encoder (UTF-8 -> bytes) and the virtual
// printer (bytes -> UTF-8).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace waserda::drivers {

struct CodePageTable {
    const char* name;          // "CP437", "WPC1252", ...
    const char32_t* high;      // code points of bytes 0x80..0xFF; U+FFFD where the table has none
};

struct Transliteration {
    char32_t code_point;
    const char* ascii;
};

namespace detail {
extern const CodePageTable kCodePageTables[];
extern const int kCodePageTableCount;
extern const Transliteration kTransliterations[];
extern const int kTransliterationCount;
}  // namespace detail

// The table of that name (case-insensitive), or nullptr.
const CodePageTable* find_code_page(std::string_view name);

// Epson's ESC t numbering (0 = CP437, 2 = CP850, 16 = WPC1252, 19 = CP858, ...): what the virtual
// printer assumes. Empty for numbers it has no table for.
std::string_view epson_code_page_name(int table_number);

// Decodes one UTF-8 sequence at s[i] and moves i past it; U+FFFD for malformed input.
char32_t next_code_point(std::string_view s, size_t& i);
void append_utf8(std::string& out, char32_t cp);

// The code point a printer shows for byte b under table t (ASCII below 0x80).
char32_t decode_byte(const CodePageTable& t, uint8_t b);
// The byte of cp in table t, if the table has it.
std::optional<uint8_t> encode_code_point(const CodePageTable& t, char32_t cp);
// Plain ASCII for cp ("é" -> "e", "“" -> "\""); nullopt when there is no sensible stand-in.
std::optional<std::string_view> transliterate(char32_t cp);

}  // namespace waserda::drivers
