#include "pos/core/user.hpp"

#include "pos/core/i18n.hpp"

#include <sodium.h>

#include <mutex>

namespace waserda::core {

bool role_allows(Role role, Permission p) {
    switch (p) {
        case Permission::Sell:
        case Permission::SavingsDeposit:
            return true;
        case Permission::VoidLine:
        case Permission::LineDiscount:
        case Permission::OverridePrice:
        case Permission::Refund:
        case Permission::OverrideCreditLimit:
        case Permission::OpenDrawer:
        case Permission::SavingsWithdraw:
            return role != Role::Cashier;
        case Permission::ManageItems:
        case Permission::ManageMembers:
        case Permission::ManageStock:
        case Permission::ViewReports:
            return role == Role::Manager || role == Role::Admin;
        case Permission::ManageUsers:
        case Permission::ManageSettings:
            return role == Role::Admin;
    }
    return false;
}

std::string describe(Permission p) {
    switch (p) {
        case Permission::Sell: return tr("menjual");
        case Permission::VoidLine: return tr("membatalkan baris");
        case Permission::LineDiscount: return tr("memberi diskon");
        case Permission::OverridePrice: return tr("mengubah harga");
        case Permission::Refund: return tr("retur/pengembalian uang");
        case Permission::OverrideCreditLimit: return tr("melewati batas kredit");
        case Permission::OpenDrawer: return tr("membuka laci tanpa penjualan");
        case Permission::SavingsDeposit: return tr("menerima setoran simpanan");
        case Permission::SavingsWithdraw: return tr("penarikan simpanan");
        case Permission::ManageItems: return tr("mengelola barang");
        case Permission::ManageMembers: return tr("mengelola anggota");
        case Permission::ManageStock: return tr("mengelola stok");
        case Permission::ViewReports: return tr("melihat laporan");
        case Permission::ManageUsers: return tr("mengelola pengguna");
        case Permission::ManageSettings: return tr("mengubah pengaturan");
    }
    return "?";
}

Status validate_pin(std::string_view pin) {
    if (pin.size() < 4 || pin.size() > 8) return make_error(ErrorCode::Invalid, tr("PIN harus 4 sampai 8 angka."));
    for (char c : pin)
        if (c < '0' || c > '9') return make_error(ErrorCode::Invalid, tr("PIN hanya boleh berisi angka."));
    return ok_status();
}

namespace {
void ensure_sodium() {
    static std::once_flag once;
    std::call_once(once, [] {
        if (sodium_init() < 0) std::abort();  // no safe way to go on without a random source
    });
}
}  // namespace

std::string hash_pin(std::string_view pin) {
    ensure_sodium();
    char out[crypto_pwhash_STRBYTES];
    // Interactive limits: ~64 MiB and a fraction of a second on an old till; a PIN is short,
    // so the cost is what protects it if the database leaves the shop.
    if (crypto_pwhash_str(out, pin.data(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        return {};
    return out;
}

bool verify_pin(const std::string& hash, std::string_view pin) {
    ensure_sodium();
    if (hash.empty()) return false;
    return crypto_pwhash_str_verify(hash.c_str(), pin.data(), pin.size()) == 0;
}

}  // namespace waserda::core
