// Shop: changing users. The rules live here once, so the touchscreen (App) and `waserda user`
// keep them alike: Permission::ManageUsers, an audit line, and always one active admin left.
#include "pos/core/shop.hpp"

#include "pos/core/i18n.hpp"

#include <algorithm>

namespace waserda::core {

namespace {

Result<User> find_user(ShopStore& store, const std::string& name) {
    auto u = store.user_by_name(name);
    if (!u) return u.error();
    if (!*u) return make_error(ErrorCode::NotFound, tr("Pengguna {} tidak ditemukan.", name));
    return **u;
}

// True when `who` is an active admin and no other active admin exists.
Result<bool> is_last_active_admin(ShopStore& store, const User& who) {
    if (!who.active || who.role != Role::Admin) return false;
    auto users = store.list_users();
    if (!users) return users.error();
    return std::none_of(users->begin(), users->end(), [&](const User& u) {
        return u.active && u.role == Role::Admin && u.id != who.id;
    });
}

}  // namespace

Status Shop::reset_pin(const User& actor, const std::optional<User>& approver, const std::string& name,
                       const std::string& new_pin) {
    if (auto st = authorize(actor, Permission::ManageUsers, approver); !st) return st;
    if (auto st = validate_pin(new_pin); !st) return st;
    return store_.atomically([&]() -> Status {
        auto u = find_user(store_, name);
        if (!u) return u.error();
        u->pin_hash = hash_pin(new_pin);
        if (auto id = store_.save_user(*u); !id) return id.error();
        return audit(actor, approver, "user.reset_pin", name, "");
    });
}

Status Shop::set_user_active(const User& actor, const std::optional<User>& approver, const std::string& name,
                             bool active) {
    if (auto st = authorize(actor, Permission::ManageUsers, approver); !st) return st;
    // Read and written under the write lock: two tills deactivating the last two admins at once
    // cannot both pass the check.
    return store_.atomically([&]() -> Status {
        auto u = find_user(store_, name);
        if (!u) return u.error();
        if (!active) {
            if (u->id == actor.id || u->name == actor.name)
                return make_error(ErrorCode::Invalid, tr("Anda tidak bisa menonaktifkan diri sendiri."));
            auto last = is_last_active_admin(store_, *u);
            if (!last) return last.error();
            if (*last)
                return make_error(ErrorCode::Invalid,
                                  tr("{} adalah admin aktif terakhir dan tidak bisa dinonaktifkan; harus ada paling sedikit satu admin aktif.",
                                     name));
        }
        u->active = active;
        if (auto id = store_.save_user(*u); !id) return id.error();
        return audit(actor, approver, active ? "user.activate" : "user.deactivate", name, "");
    });
}

Status Shop::set_user_role(const User& actor, const std::optional<User>& approver, const std::string& name, Role role) {
    if (auto st = authorize(actor, Permission::ManageUsers, approver); !st) return st;
    return store_.atomically([&]() -> Status {
        auto u = find_user(store_, name);
        if (!u) return u.error();
        if (u->role == role) return ok_status();
        if (role != Role::Admin) {
            auto last = is_last_active_admin(store_, *u);
            if (!last) return last.error();
            if (*last)
                return make_error(ErrorCode::Invalid,
                                  tr("{} adalah admin aktif terakhir dan tidak bisa diturunkan perannya; harus ada paling sedikit satu admin aktif.",
                                     name));
        }
        std::string detail = to_string(u->role) + " -> " + to_string(role);
        u->role = role;
        if (auto id = store_.save_user(*u); !id) return id.error();
        return audit(actor, approver, "user.role", name, detail);
    });
}

}  // namespace waserda::core
