#include "pos/core/json_writer.hpp"

#include <charconv>

namespace waserda::core {

namespace {

// Bytes that cannot be copied as they are: control characters, '"', '\\' and everything >= 0x80
// (which needs a UTF-8 check).
constexpr bool plain_ascii(unsigned char c) { return c >= 0x20 && c < 0x80 && c != '"' && c != '\\'; }

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

void append_json_escaped(std::string& out, std::string_view s) {
    static constexpr char hex[] = "0123456789abcdef";
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const auto* end = p + s.size();
    const auto* run = p;  // start of the bytes not yet appended that are copied verbatim
    auto flush = [&] { out.append(reinterpret_cast<const char*>(run), static_cast<std::size_t>(p - run)); };
    while (p < end) {
        const unsigned char c = *p;
        if (plain_ascii(c)) {
            ++p;
            continue;
        }
        if (c >= 0x80) {
            bool valid = false;
            const std::size_t n = utf8_sequence(p, end, valid);
            if (valid) {
                p += n;
                continue;
            }
            flush();
            out += "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER
            p += n;
            run = p;
            continue;
        }
        flush();
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default: {
                const char u[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xF]};
                out.append(u, sizeof u);
            }
        }
        ++p;
        run = p;
    }
    flush();
}

JsonWriter& JsonWriter::open(char c) {
    separate();
    out_ += c;
    first_ = true;
    ++depth_;
    return *this;
}

JsonWriter& JsonWriter::close(char c) {
    assert(depth_ > 0 && "JsonWriter: end_object/end_array without a begin");
    --depth_;
    out_ += c;
    first_ = false;
    return *this;
}

JsonWriter& JsonWriter::key(std::string_view k) {
    separate();
    out_ += '"';
    append_json_escaped(out_, k);
    out_ += "\":";
    first_ = true;  // the value that follows takes no comma
    return *this;
}

JsonWriter& JsonWriter::value(std::string_view s) {
    separate();
    out_ += '"';
    append_json_escaped(out_, s);
    out_ += '"';
    return *this;
}

JsonWriter& JsonWriter::value(bool b) {
    separate();
    out_ += b ? "true" : "false";
    return *this;
}

JsonWriter& JsonWriter::value(std::nullptr_t) {
    separate();
    out_ += "null";
    return *this;
}

JsonWriter& JsonWriter::signed_value(int64_t v) {
    separate();
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    out_.append(buf, r.ptr);
    return *this;
}

JsonWriter& JsonWriter::unsigned_value(uint64_t v) {
    separate();
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    out_.append(buf, r.ptr);
    return *this;
}

}  // namespace waserda::core
