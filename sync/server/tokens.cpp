#include "sync/server/central_store.hpp"

#include <sodium.h>

#include <cassert>

namespace waserda::sync {

namespace {
std::string to_hex(const unsigned char* bytes, size_t n) {
    std::string hex(n * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), bytes, n);
    hex.pop_back();
    return hex;
}
}  // namespace

std::string new_device_token() {
    [[maybe_unused]] int rc = sodium_init();
    assert(rc >= 0);
    unsigned char bytes[32];
    randombytes_buf(bytes, sizeof bytes);
    return "wsd_" + to_hex(bytes, sizeof bytes);
}

std::string hash_token(const std::string& token) {
    [[maybe_unused]] int rc = sodium_init();
    assert(rc >= 0);
    unsigned char out[crypto_generichash_BYTES];
    crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(token.data()), token.size(), nullptr, 0);
    return to_hex(out, sizeof out);
}

}  // namespace waserda::sync
