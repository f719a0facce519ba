#include "pos/core/json_writer.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstring>

namespace waserda::core {

namespace {

// For each byte: 0 copied as it is; 1 escaped (control characters, '"', '\\'); 2 the start of a
// multi-byte sequence, or not valid UTF-8 (>= 0x80). One table look-up per byte on the common path.
constexpr auto kByteClass = [] {
    std::array<unsigned char, 256> t{};
    for (int c = 0; c < 256; ++c) t[static_cast<std::size_t>(c)] = c < 0x20 || c == '"' || c == '\\' ? 1 : c >= 0x80 ? 2 : 0;
    return t;
}();

// Whether the 8 bytes at p are all plain (class 0): none >= 0x80, < 0x20, '"' or '\\'. The classic
// "has a byte less than n" word tricks; they never miss such a byte (a false alarm only means the
// bytes are then looked at one by one).
inline bool plain8(const unsigned char* p) {
    constexpr uint64_t ones = 0x0101010101010101ULL, high = 0x8080808080808080ULL;
    uint64_t v;
    std::memcpy(&v, p, sizeof v);
    auto has_zero = [](uint64_t x) { return (x - ones) & ~x & high; };
    const uint64_t special = v | ((v - ones * 0x20) & ~v) | has_zero(v ^ (ones * '"')) | has_zero(v ^ (ones * '\\'));
    return (special & high) == 0;
}

// How many bytes of a UTF-8 sequence start at p: the whole sequence when it is valid (valid = true),
// otherwise its maximal valid prefix (at least 1), which becomes one U+FFFD — the byte that broke it
// is looked at again on its own. Overlong forms, surrogates and code points above U+10FFFF are invalid.
std::size_t utf8_sequence(const unsigned char* p, const unsigned char* end, bool& valid) {
    const unsigned char lead = *p;
    std::size_t len = 0;
    unsigned char lo = 0x80, hi = 0xBF;  // the range of the second byte
    if (lead >= 0xC2 && lead <= 0xDF) {
        len = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        len = 3;
        if (lead == 0xE0) lo = 0xA0;
        if (lead == 0xED) hi = 0x9F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        len = 4;
        if (lead == 0xF0) lo = 0x90;
        if (lead == 0xF4) hi = 0x8F;
    } else {
        valid = false;  // a continuation byte without a lead, C0/C1 (always overlong), F5..FF
        return 1;
    }
    std::size_t n = 1;
    for (; n < len && p + n < end; ++n) {
        const unsigned char c = p[n];
        if (n == 1 ? (c < lo || c > hi) : (c < 0x80 || c > 0xBF)) break;
    }
    valid = n == len;
    return n;
}

}  // namespace

// The string goes straight into the buffer. Invariant: the room left is at least what the rest of
// the string needs as it is, plus the closing quote; an escape (up to 6 bytes for 1) or a replacement
// (3 bytes for 1 or more) asks for more before it is written.
void JsonWriter::put_string(std::string_view s) {
    static constexpr char hex[] = "0123456789abcdef";
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const auto* end = p + s.size();
    char* d = room(s.size() + 2);
    *d++ = '"';
    while (p < end) {
        const auto* run = p;  // bytes copied as they are: plain ASCII and valid UTF-8
        bool valid = true;
        std::size_t n = 0;
        for (;;) {
            while (end - p >= 8 && plain8(p)) p += 8;  // names, dates and keys are mostly plain ASCII
            while (p < end && kByteClass[*p] == 0) ++p;
            if (p == end || kByteClass[*p] == 1) break;
            n = utf8_sequence(p, end, valid);
            if (!valid) break;
            p += n;
        }
        std::memcpy(d, run, static_cast<std::size_t>(p - run));
        d += p - run;
        if (p == end) break;
        len_ = static_cast<std::size_t>(d - out_.data());
        d = room(static_cast<std::size_t>(end - p) + 7);
        if (!valid) {
            std::memcpy(d, "\xEF\xBF\xBD", 3);  // U+FFFD REPLACEMENT CHARACTER
            d += 3;
            p += n;
            continue;
        }
        const unsigned char c = *p++;
        *d++ = '\\';
        switch (c) {
            case '"': *d++ = '"'; break;
            case '\\': *d++ = '\\'; break;
            case '\b': *d++ = 'b'; break;
            case '\f': *d++ = 'f'; break;
            case '\n': *d++ = 'n'; break;
            case '\r': *d++ = 'r'; break;
            case '\t': *d++ = 't'; break;
            default:
                d[0] = 'u';
                d[1] = '0';
                d[2] = '0';
                d[3] = hex[c >> 4];
                d[4] = hex[c & 0xF];
                d += 5;
        }
    }
    *d++ = '"';
    len_ = static_cast<std::size_t>(d - out_.data());
}

void JsonWriter::grow(std::size_t n) { out_.resize(std::max(out_.size() * 2, len_ + n)); }

JsonWriter& JsonWriter::open(char c) {
    separate();
    put(c);
    first_ = true;
    ++depth_;
    return *this;
}

JsonWriter& JsonWriter::close(char c) {
    assert(depth_ > 0 && "JsonWriter: end_object/end_array without a begin");
    --depth_;
    put(c);
    first_ = false;
    return *this;
}

JsonWriter& JsonWriter::key(std::string_view k) {
    separate();
    put_string(k);
    put(':');
    first_ = true;  // the value that follows takes no comma
    return *this;
}

JsonWriter& JsonWriter::value(std::string_view s) {
    separate();
    put_string(s);
    return *this;
}

JsonWriter& JsonWriter::value(bool b) {
    separate();
    put(b ? std::string_view("true") : std::string_view("false"));
    return *this;
}

JsonWriter& JsonWriter::value(std::nullptr_t) {
    separate();
    put(std::string_view("null"));
    return *this;
}

JsonWriter& JsonWriter::signed_value(int64_t v) {
    separate();
    char* d = room(kMaxIntChars);
    len_ = static_cast<std::size_t>(std::to_chars(d, d + kMaxIntChars, v).ptr - out_.data());
    return *this;
}

JsonWriter& JsonWriter::unsigned_value(uint64_t v) {
    separate();
    char* d = room(kMaxIntChars);
    len_ = static_cast<std::size_t>(std::to_chars(d, d + kMaxIntChars, v).ptr - out_.data());
    return *this;
}

}  // namespace waserda::core
