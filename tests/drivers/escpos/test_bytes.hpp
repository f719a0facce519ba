// Helpers for writing expected ESC/POS bytes in tests.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

namespace waserda::drivers::testing {

// Bytes as a string, so expected streams can be built with + and compared with readable diffs.
inline std::string b(std::initializer_list<int> bytes) {
    std::string s;
    for (int v : bytes) s.push_back(static_cast<char>(v));
    return s;
}
inline std::string str(const std::vector<uint8_t>& v) { return std::string(v.begin(), v.end()); }
// A two-column line: left, n spaces, right, LF.
inline std::string row(const std::string& left, int spaces, const std::string& right) {
    return left + std::string(static_cast<size_t>(spaces), ' ') + right + "\n";
}
inline std::string ln(const std::string& text) { return text + "\n"; }

// Printable form of a byte string for failure messages: text stays, other bytes become <1B>.
inline std::string show(const std::string& s) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        if (c >= 0x20 && c < 0x7F) out.push_back(static_cast<char>(c));
        else if (c == '\n') out += "<LF>\n";
        else { out += '<'; out += hex[c >> 4]; out += hex[c & 15]; out += '>'; }
    }
    return out;
}

}  // namespace waserda::drivers::testing
