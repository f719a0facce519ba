// Result<T>: an expected business outcome is a value the caller must handle.
// A failure carries a stable code (for tests and logs) and a message a cashier can read,
// already translated into the current UI language (see i18n.hpp).
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace waserda::core {

enum class ErrorCode {
    Invalid,          // bad input from a person, a file or the network
    NotFound,         // unknown barcode, member, sale, user...
    Conflict,         // already exists, already closed, already returned...
    Denied,           // wrong PIN, missing permission, supervisor approval needed
    CreditLimit,      // member credit limit would be exceeded
    Insufficient,     // not enough paid, not enough savings
    Storage,          // the database failed (disk full, corrupt...)
    Device,           // printer, scanner, drawer
    Network,          // central server unreachable
};

struct Error {
    ErrorCode code = ErrorCode::Invalid;
    std::string message;  // one plain sentence, in the current UI language

    friend bool operator==(const Error&, const Error&) = default;
};

inline Error make_error(ErrorCode code, std::string message) { return Error{code, std::move(message)}; }

template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : v_(std::move(value)) {}
    Result(Error error) : v_(std::move(error)) {}

    bool ok() const { return v_.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() & { assert(ok()); return std::get<0>(v_); }
    const T& value() const& { assert(ok()); return std::get<0>(v_); }
    T&& value() && { assert(ok()); return std::get<0>(std::move(v_)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

    const Error& error() const { assert(!ok()); return std::get<1>(v_); }

private:
    std::variant<T, Error> v_;
};

// Result<void>: success carries nothing.
struct Ok {};
using Status = Result<Ok>;
inline Status ok_status() { return Ok{}; }

}  // namespace waserda::core
