// A streaming JSON writer: writes straight into one std::string, with no tree and no allocation
// per value. Outbox payloads are written with it once per sale (json_codec's posting_payload_text).
//
//     JsonWriter w;
//     w.begin_object().field("kind", "sale").key("lines").begin_array().value(1).end_array().end_object();
//     std::string text = w.take();   // {"kind":"sale","lines":[1]}
//
// Commas are the writer's business. Strings are escaped as JSON requires (", \, control characters);
// valid UTF-8 is copied as is, invalid UTF-8 becomes U+FFFD, one per maximal invalid subsequence
// exactly as nlohmann's dump() with error_handler_t::replace (its default, strict, throws
// type_error 316 instead). Only integers: money and quantities are integers in this program.
#pragma once

#include <cassert>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>

namespace waserda::core {

class JsonWriter {
public:
    explicit JsonWriter(std::size_t reserve = 256) { out_.resize(reserve); }

    JsonWriter& begin_object() { return open('{'); }
    JsonWriter& end_object() { return close('}'); }
    JsonWriter& begin_array() { return open('['); }
    JsonWriter& end_array() { return close(']'); }
    // Inside an object: the next value's name.
    JsonWriter& key(std::string_view k);

    JsonWriter& value(std::string_view s);
    JsonWriter& value(const char* s) { return value(std::string_view(s)); }  // not the bool overload
    JsonWriter& value(bool b);
    JsonWriter& value(std::nullptr_t);
    template <std::integral T>
        requires(!std::same_as<T, bool>)
    JsonWriter& value(T v) {
        if constexpr (std::is_signed_v<T>)
            return signed_value(static_cast<int64_t>(v));
        else
            return unsigned_value(static_cast<uint64_t>(v));
    }

    // key(k).value(v)
    template <class T>
    JsonWriter& field(std::string_view k, const T& v) {
        key(k);
        return value(v);
    }

    // What has been written so far.
    std::string_view str() const { return {out_.data(), len_}; }
    // The text, leaving the writer empty.
    std::string take() {
        out_.resize(len_);
        len_ = 0;
        first_ = true;
        depth_ = 0;
        return std::move(out_);
    }

private:
    static constexpr std::size_t kMaxIntChars = 20;  // "-9223372036854775808", "18446744073709551615"

    JsonWriter& open(char c);
    JsonWriter& close(char c);
    JsonWriter& signed_value(int64_t v);
    JsonWriter& unsigned_value(uint64_t v);
    // A comma unless this value is the first of its container or follows its key.
    void separate() {
        if (!first_) put(',');
        first_ = false;
    }
    // At least n writable bytes at out_.data() + len_ (out_ is kept sized past len_, so writing is a
    // pointer store, not a std::string call per piece).
    char* room(std::size_t n) {
        if (out_.size() - len_ < n) grow(n);
        return out_.data() + len_;
    }
    void grow(std::size_t n);
    void put(char c) {
        *room(1) = c;
        ++len_;
    }
    void put(std::string_view s) {
        std::memcpy(room(s.size()), s.data(), s.size());
        len_ += s.size();
    }
    void put_string(std::string_view s);  // quoted and escaped

    std::string out_;      // sized to its capacity; the text is its first len_ bytes
    std::size_t len_ = 0;
    bool first_ = true;
    int depth_ = 0;
};

}  // namespace waserda::core
