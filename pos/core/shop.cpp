// Shop: the till's business rules.
//
// [SECTION] Setup and settings
// [SECTION] Users and permissions
// [SECTION] Catalog and members
// [SECTION] Cart acts
// [SECTION] Shifts
// [SECTION] Paying (in shop_checkout.cpp)
// [SECTION] Savings and credit (in shop_ledgers.cpp)
// [SECTION] Held and open carts
#include "pos/core/shop.hpp"

#include "pos/core/i18n.hpp"
#include "pos/core/json_codec.hpp"
#include "pos/core/uuid.hpp"

#include <algorithm>

namespace waserda::core {

// [SECTION] Setup and settings

Shop::Shop(ShopStore& store, const Clock* clock) : store_(store), clock_(clock ? clock : &system_clock_) {
    (void)reload_settings();
}

Status Shop::reload_settings() {
    auto s = store_.load_settings();
    if (!s) return s.error();
    settings_ = *s;
    return ok_status();
}

Status Shop::update_settings(const User& actor, const ShopSettings& s) {
    if (auto st = authorize(actor, Permission::ManageSettings, std::nullopt); !st) return st;
    if (auto st = store_.save_settings(s); !st) return st;
    settings_ = s;
    return audit(actor, std::nullopt, "settings.update", "", "");
}

std::string Shop::now_utc() const { return iso_utc(clock_->now()); }
std::string Shop::today_local() const { return local_date(clock_->now(), settings_.utc_offset_minutes); }

OutboxEvent Shop::make_event(const std::string& kind, const std::string& payload) const {
    OutboxEvent e;
    e.uuid = new_uuid();
    e.device = settings_.device;
    e.kind = kind;
    e.payload = payload;
    e.created_at = now_utc();
    return e;
}

// [SECTION] Users and permissions

Result<User> Shop::login(const std::string& name, const std::string& pin) {
    auto user = store_.user_by_name(name);
    if (!user) return user.error();
    if (!*user || !(*user)->active || !verify_pin((*user)->pin_hash, pin))
        return make_error(ErrorCode::Denied, tr("Nama atau PIN salah. Coba lagi."));
    (void)audit(**user, std::nullopt, "login", "", "");
    return **user;
}

Result<User> Shop::add_user(const std::optional<User>& actor, const std::string& name, Role role, const std::string& pin) {
    // No actor: the shop's own set-up (init, the CLI run by the machine's administrator).
    if (actor)
        if (auto st = authorize(*actor, Permission::ManageUsers, std::nullopt); !st) return st.error();
    std::string trimmed = name;
    trimmed.erase(0, trimmed.find_first_not_of(' '));
    trimmed.erase(trimmed.find_last_not_of(' ') + 1);
    if (trimmed.empty()) return make_error(ErrorCode::Invalid, tr("Nama pengguna tidak boleh kosong."));
    if (auto st = validate_pin(pin); !st) return st.error();
    auto existing = store_.user_by_name(trimmed);
    if (!existing) return existing.error();
    if (*existing) return make_error(ErrorCode::Conflict, tr("Pengguna {} sudah ada.", trimmed));
    User u;
    u.name = trimmed;
    u.role = role;
    u.pin_hash = hash_pin(pin);
    auto id = store_.save_user(u);
    if (!id) return id.error();
    u.id = *id;
    if (actor) (void)audit(*actor, std::nullopt, "user.add", u.name, to_string(role));
    return u;
}

Result<User> Shop::approve(Permission p, const std::string& pin, const std::string& name) {
    auto users = store_.list_users();
    if (!users) return users.error();
    for (const auto& u : *users) {
        if (!u.active || !role_allows(u.role, p)) continue;
        if (!name.empty() && u.name != name) continue;
        if (verify_pin(u.pin_hash, pin)) return u;
    }
    return make_error(ErrorCode::Denied, tr("PIN supervisor salah atau tidak berwenang untuk {}.", describe(p)));
}

Status Shop::authorize(const User& actor, Permission p, const std::optional<User>& approver) const {
    if (actor.active && role_allows(actor.role, p)) return ok_status();
    if (approver && approver->active && role_allows(approver->role, p)) return ok_status();
    return make_error(ErrorCode::Denied, tr("Perlu persetujuan supervisor untuk {}.", describe(p)));
}

Status Shop::audit(const User& actor, const std::optional<User>& approver, const std::string& action,
                   const std::string& ref, const std::string& detail) {
    AuditEntry e;
    e.at = now_utc();
    e.user_id = actor.id;
    e.approver_id = approver ? approver->id : 0;
    e.action = action;
    e.ref = ref;
    e.detail = detail;
    e.device = settings_.device;
    return store_.append_audit(e);
}

// [SECTION] Catalog and members

Result<ScanHit> Shop::lookup(const std::string& raw) {
    std::string code;
    for (char c : raw)
        if (!std::isspace(static_cast<unsigned char>(c))) code.push_back(c);
    if (code.empty()) return make_error(ErrorCode::Invalid, tr("Kode barang kosong."));
    if (code.size() > 64) return make_error(ErrorCode::Invalid, tr("Kode terlalu panjang; pindai ulang."));

    auto found = store_.item_by_code(code);
    if (!found) return found.error();
    if (*found) {
        ScanHit hit = **found;
        if (!hit.item.active) return make_error(ErrorCode::NotFound, tr("{} tidak aktif dijual.", hit.item.name));
        if (hit.item.weighed && hit.qty == 1) hit.qty = 1000;  // a weighed item by its own code: 1 kg to start
        return hit;
    }
    if (auto in_store = parse_in_store_code(code, settings_.in_store_rules)) {
        auto item = store_.item_by_sku(in_store->item_code);
        if (!item) return item.error();
        if (!*item)
            return make_error(ErrorCode::NotFound,
                              tr("Label timbangan {} menunjuk barang {} yang tidak ada.", code, in_store->item_code));
        ScanHit hit;
        hit.item = **item;
        hit.code = code;
        if (!hit.item.active) return make_error(ErrorCode::NotFound, tr("{} tidak aktif dijual.", hit.item.name));
        if (in_store->value == EmbeddedValue::WeightGrams) {
            if (in_store->amount <= 0) return make_error(ErrorCode::Invalid, tr("Berat pada label {} nol.", code));
            hit.qty = in_store->amount;
            if (!hit.item.weighed) hit.qty = 1;
        } else {
            hit.embedded_price = Money::rp(in_store->amount);
            // The quantity the price stands for, so stock follows what left the shelf.
            hit.qty = hit.item.weighed && hit.item.price.rupiah() > 0
                          ? std::max<int64_t>(1, mul_div_round(in_store->amount, 1000, hit.item.price.rupiah()))
                          : 1;
        }
        return hit;
    }
    if (!has_valid_check_digit(code))
        return make_error(ErrorCode::Invalid, tr("Kode {} salah terbaca (digit pemeriksa tidak cocok). Pindai ulang.", code));
    return make_error(ErrorCode::NotFound, tr("Barang dengan kode {} tidak ditemukan.", code));
}

Result<Member> Shop::find_member(const std::string& raw) {
    std::string code = raw;
    code.erase(0, code.find_first_not_of(' '));
    code.erase(code.find_last_not_of(' ') + 1);
    if (code.empty()) return make_error(ErrorCode::Invalid, tr("Nomor anggota kosong."));
    auto m = store_.member_by_number(code);
    if (!m) return m.error();
    if (!*m) {
        m = store_.member_by_card(code);
        if (!m) return m.error();
    }
    if (!*m) return make_error(ErrorCode::NotFound, tr("Anggota {} tidak ditemukan.", code));
    return **m;
}

Result<MemberView> Shop::member_view(MemberId id) {
    auto m = store_.member_by_id(id);
    if (!m) return m.error();
    if (!*m) return make_error(ErrorCode::NotFound, tr("Anggota tidak ditemukan."));
    auto b = store_.member_balances(id);
    if (!b) return b.error();
    MemberView v;
    v.member = **m;
    v.balances = *b;
    v.credit_limit = credit_limit(settings_.credit, v.member, v.balances);
    v.available_credit = available_credit(settings_.credit, v.member, v.balances);
    return v;
}

// [SECTION] Cart acts

Result<int> Shop::scan_into(Cart& cart, const std::string& code) {
    auto hit = lookup(code);
    if (!hit) return hit.error();
    return cart_add(cart, *hit);
}

Status Shop::set_member(Cart& cart, const std::string& number_or_card) {
    auto m = find_member(number_or_card);
    if (!m) return m.error();
    if (m->status != MemberStatus::Active)
        return make_error(ErrorCode::Denied, tr("{} ({}) bukan anggota aktif; harga umum berlaku.", m->name, m->number));
    cart_set_member(cart, *m);
    return ok_status();
}

void Shop::clear_member(Cart& cart) { cart_set_member(cart, std::nullopt); }

namespace {
std::string line_detail(const CartLine& l) {
    return fmt::format("{} qty {} @ {}", l.name, l.qty, l.unit_price.rupiah());
}
}  // namespace

Status Shop::change_qty(Cart& cart, int line, int64_t qty, const User& actor, const std::optional<User>& approver) {
    if (line < 0 || line >= static_cast<int>(cart.lines.size()))
        return make_error(ErrorCode::NotFound, tr("Baris tidak ditemukan di keranjang."));
    int64_t before = cart.lines[line].qty;
    bool lowers = qty < before;
    if (lowers)
        if (auto st = authorize(actor, Permission::VoidLine, approver); !st) return st;
    std::string detail = line_detail(cart.lines[line]);
    if (auto st = cart_set_qty(cart, line, qty); !st) return st;
    if (lowers) (void)audit(actor, approver, "void_line", cart.uuid, detail + fmt::format(" -> qty {}", qty));
    return ok_status();
}

Status Shop::void_line(Cart& cart, int line, const User& actor, const std::optional<User>& approver) {
    if (line < 0 || line >= static_cast<int>(cart.lines.size()))
        return make_error(ErrorCode::NotFound, tr("Baris tidak ditemukan di keranjang."));
    if (auto st = authorize(actor, Permission::VoidLine, approver); !st) return st;
    std::string detail = line_detail(cart.lines[line]);
    if (auto st = cart_remove_line(cart, line); !st) return st;
    return audit(actor, approver, "void_line", cart.uuid, detail);
}

Status Shop::discount_line(Cart& cart, int line, Money discount, const User& actor, const std::optional<User>& approver) {
    if (auto st = authorize(actor, Permission::LineDiscount, approver); !st) return st;
    if (auto st = cart_set_line_discount(cart, line, discount); !st) return st;
    return audit(actor, approver, "discount", cart.uuid,
                 line_detail(cart.lines[line]) + fmt::format(" discount {}", discount.rupiah()));
}

Status Shop::override_price(Cart& cart, int line, Money price, const User& actor, const std::optional<User>& approver) {
    if (auto st = authorize(actor, Permission::OverridePrice, approver); !st) return st;
    if (line < 0 || line >= static_cast<int>(cart.lines.size()))
        return make_error(ErrorCode::NotFound, tr("Baris tidak ditemukan di keranjang."));
    std::string before = line_detail(cart.lines[line]);
    if (auto st = cart_set_unit_price(cart, line, price); !st) return st;
    return audit(actor, approver, "override_price", cart.uuid, before + fmt::format(" -> {}", price.rupiah()));
}

Status Shop::discount_sale(Cart& cart, Money discount, const User& actor, const std::optional<User>& approver) {
    if (auto st = authorize(actor, Permission::LineDiscount, approver); !st) return st;
    if (auto st = cart_set_sale_discount(cart, discount); !st) return st;
    return audit(actor, approver, "discount", cart.uuid, fmt::format("sale discount {}", discount.rupiah()));
}

// [SECTION] Shifts

Result<Shift> Shop::open_shift(const User& user, Money opening_float) {
    if (opening_float.is_negative()) return make_error(ErrorCode::Invalid, tr("Modal awal tidak boleh negatif."));
    auto current = store_.current_shift(settings_.device);
    if (!current) return current.error();
    if (*current)
        return make_error(ErrorCode::Conflict,
                          tr("Shift oleh {} masih terbuka. Tutup shift itu dulu.", (*current)->user_name));
    Shift s;
    s.uuid = new_uuid();
    s.device = settings_.device;
    s.user_id = user.id;
    s.user_name = user.name;
    s.opening_float = opening_float;
    s.opened_at = now_utc();
    nlohmann::json payload{{"kind", "shift.open"}, {"device", s.device}, {"shift", to_json(s)}};
    auto id = store_.open_shift(s, make_event("shift.open", payload.dump()));
    if (!id) return id.error();
    s.id = *id;
    return s;
}

Result<std::optional<Shift>> Shop::current_shift() { return store_.current_shift(settings_.device); }

Result<ShiftFigures> Shop::shift_figures(int64_t shift_id) { return store_.shift_figures(shift_id); }

Result<Shift> Shop::close_shift(const User& user, const std::map<int64_t, int64_t>& denominations) {
    auto current = store_.current_shift(settings_.device);
    if (!current) return current.error();
    if (!*current) return make_error(ErrorCode::NotFound, tr("Tidak ada shift yang terbuka."));
    for (auto& [value, count] : denominations)
        if (value <= 0 || count < 0) return make_error(ErrorCode::Invalid, tr("Jumlah lembar/keping tidak boleh negatif."));
    Shift s = **current;
    auto figures = store_.shift_figures(s.id);
    if (!figures) return figures.error();
    s.closed_at = now_utc();
    s.closed_by = user.id;
    s.denominations = denominations;
    s.counted_cash = count_denominations(denominations);
    s.expected_cash = figures->expected_cash();
    nlohmann::json payload{{"kind", "shift.close"}, {"device", s.device}, {"shift", to_json(s)}};
    if (auto st = store_.close_shift(s, make_event("shift.close", payload.dump())); !st) return st.error();
    (void)audit(user, std::nullopt, "shift.close", s.uuid,
                fmt::format("expected {} counted {}", s.expected_cash.rupiah(), s.counted_cash->rupiah()));
    return s;
}

// [SECTION] Held and open carts

Cart Shop::new_cart() const {
    Cart c;
    c.uuid = new_uuid();
    return c;
}

Result<int64_t> Shop::hold(const Cart& cart) {
    if (cart.empty()) return make_error(ErrorCode::Invalid, tr("Keranjang kosong tidak perlu ditahan."));
    HeldCart h;
    h.device = settings_.device;
    Cart copy = cart;
    copy.held_at = now_utc();
    h.cart_json = cart_to_json(copy);
    h.held_at = copy.held_at;
    h.label = !cart.member_name.empty() ? cart.member_name : cart.lines.front().name;
    auto id = store_.hold_cart(h);
    if (!id) return id.error();
    (void)store_.save_open_cart(settings_.device, "");
    return id;
}

Result<std::vector<HeldCart>> Shop::held_carts() { return store_.held_carts(settings_.device); }

Result<Cart> Shop::resume(int64_t held_id) {
    auto h = store_.take_held_cart(held_id);
    if (!h) return h.error();
    if (!*h) return make_error(ErrorCode::NotFound, tr("Keranjang yang ditahan tidak ditemukan."));
    auto cart = cart_from_json((*h)->cart_json);
    if (!cart) return cart.error();
    cart->held_at.clear();
    (void)autosave(*cart);
    return cart;
}

Status Shop::autosave(const Cart& cart) {
    return store_.save_open_cart(settings_.device, cart.empty() ? std::string() : cart_to_json(cart));
}

Result<std::optional<Cart>> Shop::restore_open_cart() {
    auto text = store_.open_cart(settings_.device);
    if (!text) return text.error();
    if (!*text || (*text)->empty()) return std::optional<Cart>{};
    auto cart = cart_from_json(**text);
    if (!cart) return cart.error();
    if (cart->empty()) return std::optional<Cart>{};
    // The sale of this cart may have been committed just before the power went: never sell it twice.
    auto done = store_.sale_exists(cart->uuid);
    if (!done) return done.error();
    if (*done) {
        (void)store_.save_open_cart(settings_.device, "");
        return std::optional<Cart>{};
    }
    return std::optional<Cart>{std::move(*cart)};
}

}  // namespace waserda::core
