#include "pos/cli/commands.hpp"

#include "pos/core/i18n.hpp"
#include "pos/core/shop.hpp"
#include "pos/store/sqlite_store.hpp"

#include <cstdlib>
#include <filesystem>
#include <iostream>

namespace waserda::cli {

namespace fs = std::filesystem;

struct Context::Impl {
    std::unique_ptr<store::SqliteStore> store;
    std::unique_ptr<core::Shop> shop;
};

Context::Context() : impl_(std::make_unique<Impl>()) {}
Context::~Context() = default;

namespace {

std::string default_db_path() {
    if (const char* env = std::getenv("WASERDA_DB"); env && *env) return env;
    std::string base;
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) base = xdg;
    else if (const char* home = std::getenv("HOME"); home && *home) base = std::string(home) + "/.local/share";
    else base = ".";
    return base + "/waserda/waserda.sqlite";
}

}  // namespace

std::string default_assets_dir() { return core::default_assets_dir(WASERDA_ASSETS_DIR); }

core::Shop& Context::shop() {
    if (!impl_->shop) {
        if (db_path.empty()) db_path = default_db_path();
        std::error_code ec;
        auto parent = fs::path(db_path).parent_path();
        if (!parent.empty()) fs::create_directories(parent, ec);
        auto opened = store::SqliteStore::open(db_path);
        if (!opened) std::exit(fail(opened.error()));
        impl_->store = std::move(*opened);
        impl_->shop = std::make_unique<core::Shop>(*impl_->store);
    }
    return *impl_->shop;
}

core::ShopStore& Context::store() {
    shop();
    return *impl_->store;
}

store::SqliteStore& Context::sqlite_store() {
    shop();
    return *impl_->store;
}

bool Context::shop_open() const { return impl_->shop != nullptr; }

core::Result<core::User> acting_user(Context& ctx, const std::string& name) {
    if (name.empty()) return core::make_error(core::ErrorCode::Invalid, core::tr("Sebutkan pengguna dengan --user NAMA."));
    auto u = ctx.store().user_by_name(name);
    if (!u) return u.error();
    if (!*u || !(*u)->active) return core::make_error(core::ErrorCode::NotFound, core::tr("Pengguna {} tidak ditemukan.", name));
    return **u;
}

core::Result<std::optional<core::User>> approver(Context& ctx, const std::string& name, const std::string& pin,
                                                 core::Permission p) {
    if (name.empty() && pin.empty()) return std::optional<core::User>{};
    auto u = ctx.shop().approve(p, pin, name);
    if (!u) return u.error();
    return std::optional<core::User>{*u};
}

int fail(const std::string& message) {
    std::cerr << "waserda: " << message << std::endl;
    return 1;
}

int fail(const core::Error& error) { return fail(error.message); }

}  // namespace waserda::cli

namespace waserda::cli {
int& exit_code() {
    static int code = 0;
    return code;
}
}  // namespace waserda::cli
