// What cmd_devices.cpp needs from the CLI's context.cpp, without the database: the devices
// commands never open the shop, so these tests link cmd_devices.cpp alone.
#include "pos/cli/commands.hpp"

#include <cstdlib>
#include <iostream>

namespace waserda::cli {

struct Context::Impl {};
Context::Context() : impl_(std::make_unique<Impl>()) {}
Context::~Context() = default;
core::Shop& Context::shop() { std::abort(); }  // the device commands must not need the shop
bool Context::shop_open() const { return false; }

int fail(const std::string& message) {
    std::cerr << "waserda: " << message << std::endl;
    return 1;
}
int fail(const core::Error& error) { return fail(error.message); }

int& exit_code() {
    static int code = 0;
    return code;
}

}  // namespace waserda::cli
