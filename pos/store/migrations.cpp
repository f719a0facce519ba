#include "pos/store/migrations.hpp"

#include "pos/core/i18n.hpp"

#include <algorithm>

namespace waserda::store {

// Append only: never edit a migration that has shipped; add the next number. Version 2 belongs to
// the members' ledgers (migrations_members.cpp), 3 to stock work and reports (migrations_stock.cpp).
const std::vector<Migration>& migrations() {
    static const std::vector<Migration> list = [] {
        std::vector<Migration> all = books_migrations();
        for (auto& m : members_migrations()) all.push_back(m);
        for (auto& m : stock_migrations()) all.push_back(m);
        std::sort(all.begin(), all.end(), [](auto& a, auto& b) { return a.version < b.version; });
        return all;
    }();
    return list;
}

std::vector<Migration> books_migrations() {
    return {
        {1, "the shop's books", R"SQL(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE settings(key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE items(
  id INTEGER PRIMARY KEY,
  sku TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  unit TEXT NOT NULL DEFAULT 'pcs',
  category TEXT NOT NULL DEFAULT '',
  weighed INTEGER NOT NULL DEFAULT 0,
  price INTEGER NOT NULL CHECK(price >= 0),
  member_price INTEGER NOT NULL CHECK(member_price >= 0),
  wholesale_min_qty INTEGER NOT NULL DEFAULT 0,
  wholesale_price INTEGER NOT NULL DEFAULT 0,
  cost INTEGER NOT NULL DEFAULT 0,
  taxable INTEGER NOT NULL DEFAULT 1,
  min_stock INTEGER NOT NULL DEFAULT 0,
  active INTEGER NOT NULL DEFAULT 1,
  consignment INTEGER NOT NULL DEFAULT 0,
  consignor_id INTEGER NOT NULL DEFAULT 0,
  on_hand INTEGER NOT NULL DEFAULT 0,
  updated_at TEXT NOT NULL DEFAULT ''
);
CREATE INDEX items_name ON items(name COLLATE NOCASE);
CREATE INDEX items_category ON items(category);
CREATE TABLE barcodes(
  code TEXT PRIMARY KEY,
  item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  pack_qty INTEGER NOT NULL DEFAULT 1 CHECK(pack_qty > 0)
) WITHOUT ROWID;
CREATE INDEX barcodes_item ON barcodes(item_id);

CREATE TABLE members(
  id INTEGER PRIMARY KEY,
  number TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  card_code TEXT UNIQUE,
  work_unit TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'active',
  joined_on TEXT NOT NULL DEFAULT '',
  left_on TEXT NOT NULL DEFAULT '',
  credit_limit_override INTEGER
);
CREATE INDEX members_name ON members(name COLLATE NOCASE);
CREATE TABLE member_balances(
  member_id INTEGER PRIMARY KEY REFERENCES members(id),
  pokok INTEGER NOT NULL DEFAULT 0,
  wajib INTEGER NOT NULL DEFAULT 0,
  sukarela INTEGER NOT NULL DEFAULT 0,
  owed INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE savings_entries(
  id INTEGER PRIMARY KEY,
  member_id INTEGER NOT NULL REFERENCES members(id),
  type TEXT NOT NULL,
  kind TEXT NOT NULL,
  amount INTEGER NOT NULL,
  ref TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  at TEXT NOT NULL,
  user_id INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX savings_member ON savings_entries(member_id, at);
CREATE TABLE receivable_entries(
  id INTEGER PRIMARY KEY,
  member_id INTEGER NOT NULL REFERENCES members(id),
  kind TEXT NOT NULL,
  amount INTEGER NOT NULL,
  ref TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  at TEXT NOT NULL,
  user_id INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX receivable_member ON receivable_entries(member_id, at);

CREATE TABLE users(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  role TEXT NOT NULL,
  pin_hash TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE shifts(
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  device TEXT NOT NULL,
  user_id INTEGER NOT NULL,
  user_name TEXT NOT NULL,
  opening_float INTEGER NOT NULL,
  opened_at TEXT NOT NULL,
  closed_at TEXT,
  closed_by INTEGER,
  counted_cash INTEGER,
  expected_cash INTEGER,
  denominations TEXT
);
CREATE UNIQUE INDEX shifts_one_open ON shifts(device) WHERE closed_at IS NULL;

CREATE TABLE sales(
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  number TEXT NOT NULL UNIQUE,
  device TEXT NOT NULL,
  day_seq INTEGER NOT NULL,
  kind TEXT NOT NULL,
  original_number TEXT NOT NULL DEFAULT '',
  at TEXT NOT NULL,
  local_date TEXT NOT NULL,
  user_id INTEGER NOT NULL,
  user_name TEXT NOT NULL,
  approver_id INTEGER NOT NULL DEFAULT 0,
  shift_id INTEGER REFERENCES shifts(id),
  member_id INTEGER REFERENCES members(id),
  member_number TEXT NOT NULL DEFAULT '',
  member_name TEXT NOT NULL DEFAULT '',
  subtotal INTEGER NOT NULL,
  discount INTEGER NOT NULL,
  rounding INTEGER NOT NULL,
  total INTEGER NOT NULL,
  change INTEGER NOT NULL,
  dpp INTEGER NOT NULL,
  ppn INTEGER NOT NULL,
  member_available_credit INTEGER,
  member_sukarela INTEGER
);
CREATE INDEX sales_day ON sales(device, local_date, day_seq);
CREATE INDEX sales_local_date ON sales(local_date);
CREATE INDEX sales_member ON sales(member_id, local_date);
CREATE INDEX sales_shift ON sales(shift_id);
CREATE TABLE sale_lines(
  sale_id INTEGER NOT NULL REFERENCES sales(id),
  line_no INTEGER NOT NULL,
  item_id INTEGER NOT NULL REFERENCES items(id),
  sku TEXT NOT NULL,
  name TEXT NOT NULL,
  code TEXT NOT NULL,
  unit TEXT NOT NULL,
  weighed INTEGER NOT NULL,
  taxable INTEGER NOT NULL,
  qty INTEGER NOT NULL,
  unit_price INTEGER NOT NULL,
  price_kind TEXT NOT NULL,
  discount INTEGER NOT NULL,
  total INTEGER NOT NULL,
  unit_cost INTEGER NOT NULL,
  original_line_no INTEGER NOT NULL DEFAULT 0,
  returned_qty INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY(sale_id, line_no)
) WITHOUT ROWID;
CREATE INDEX sale_lines_item ON sale_lines(item_id);
CREATE TABLE sale_payments(
  sale_id INTEGER NOT NULL REFERENCES sales(id),
  method TEXT NOT NULL,
  amount INTEGER NOT NULL,
  tendered INTEGER NOT NULL DEFAULT 0,
  reference TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sale_payments_sale ON sale_payments(sale_id);

CREATE TABLE stock_moves(
  id INTEGER PRIMARY KEY,
  item_id INTEGER NOT NULL REFERENCES items(id),
  kind TEXT NOT NULL,
  qty INTEGER NOT NULL,
  unit_cost INTEGER NOT NULL DEFAULT 0,
  ref TEXT NOT NULL DEFAULT '',
  reason TEXT NOT NULL DEFAULT '',
  at TEXT NOT NULL,
  user_id INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX stock_moves_item ON stock_moves(item_id, id);
CREATE INDEX stock_moves_ref ON stock_moves(ref);

CREATE TABLE cash_moves(
  id INTEGER PRIMARY KEY,
  shift_id INTEGER NOT NULL REFERENCES shifts(id),
  amount INTEGER NOT NULL,
  kind TEXT NOT NULL,
  ref TEXT NOT NULL DEFAULT '',
  at TEXT NOT NULL
);
CREATE INDEX cash_moves_shift ON cash_moves(shift_id);

CREATE TABLE audit_log(
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  user_id INTEGER NOT NULL,
  approver_id INTEGER NOT NULL DEFAULT 0,
  action TEXT NOT NULL,
  ref TEXT NOT NULL DEFAULT '',
  detail TEXT NOT NULL DEFAULT '',
  device TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_action ON audit_log(action, at);

CREATE TABLE outbox(
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  uuid TEXT NOT NULL UNIQUE,
  device TEXT NOT NULL,
  kind TEXT NOT NULL,
  payload TEXT NOT NULL,
  created_at TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'pending' CHECK(state IN ('pending', 'acked', 'parked')),
  acked_at TEXT,
  error TEXT,
  ref TEXT NOT NULL DEFAULT ''  -- the sale's uuid for sale and return events
);
CREATE INDEX outbox_state ON outbox(state, seq);
CREATE INDEX outbox_ref ON outbox(ref);

CREATE TABLE held_carts(
  id INTEGER PRIMARY KEY,
  device TEXT NOT NULL,
  cart_json TEXT NOT NULL,
  held_at TEXT NOT NULL,
  label TEXT NOT NULL DEFAULT ''
);
CREATE TABLE open_carts(device TEXT PRIMARY KEY, cart_json TEXT NOT NULL);

-- Daily summaries, so reports never scan all history (schema 6 folds them in batches: summaries.hpp).
CREATE TABLE daily_item_sales(
  local_date TEXT NOT NULL,
  item_id INTEGER NOT NULL,
  qty INTEGER NOT NULL DEFAULT 0,
  revenue INTEGER NOT NULL DEFAULT 0,
  cost INTEGER NOT NULL DEFAULT 0,
  lines INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY(local_date, item_id)
) WITHOUT ROWID;
)SQL"},
        {5, "catalog: a change counter for barcodes, so the scan path's memory sees every change", R"SQL(
-- barcodes is WITHOUT ROWID, which SQLite's update hook does not report: its triggers bump a
-- rowid table the hook does see (pos/store/code_cache.hpp).
CREATE TABLE IF NOT EXISTS catalog_changes(id INTEGER PRIMARY KEY CHECK(id = 1), n INTEGER NOT NULL DEFAULT 0);
INSERT OR IGNORE INTO catalog_changes(id, n) VALUES(1, 0);
CREATE TRIGGER IF NOT EXISTS barcodes_added AFTER INSERT ON barcodes BEGIN UPDATE catalog_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER IF NOT EXISTS barcodes_changed AFTER UPDATE ON barcodes BEGIN UPDATE catalog_changes SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER IF NOT EXISTS barcodes_removed AFTER DELETE ON barcodes BEGIN UPDATE catalog_changes SET n = n + 1 WHERE id = 1; END;
)SQL"},
        {6, "sales: the report summaries are folded in batches (summaries.hpp), not in each sale; indexes no sale needs", R"SQL(
-- Until now triggers kept the summaries in each sale's transaction: every sale so far is in them.
DROP TRIGGER IF EXISTS sales_added;
DROP TRIGGER IF EXISTS member_month_sales_on_sale;
DROP TRIGGER IF EXISTS sale_payments_added;
CREATE TABLE summary_mark(id INTEGER PRIMARY KEY CHECK(id = 1), sale_id INTEGER NOT NULL);
INSERT INTO summary_mark(id, sale_id) VALUES(1, COALESCE((SELECT MAX(id) FROM sales), 0));
-- Only `waserda check` looked these up; it reads them with one ephemeral index per run instead.
DROP INDEX IF EXISTS outbox_ref;
DROP INDEX IF EXISTS stock_moves_ref;
-- One index serves both the day's sale counter and the reports' date ranges.
DROP INDEX IF EXISTS sales_local_date;
DROP INDEX IF EXISTS sales_day;
CREATE INDEX sales_day ON sales(local_date, device, day_seq);
-- Only members' sales are looked up by member: a cash sale to a non-member leaves this index alone.
DROP INDEX IF EXISTS sales_member;
CREATE INDEX sales_member ON sales(member_id, local_date) WHERE member_id IS NOT NULL;
)SQL"},
    };
}

int schema_version(Database& db) {
    auto st = db.prepare("PRAGMA user_version");
    if (!st || !st->step()) return -1;
    return static_cast<int>(st->int64(0));
}

int latest_schema_version() { return migrations().back().version; }

core::Result<int> migrate(Database& db) {
    int current = schema_version(db);
    if (current < 0) return core::make_error(core::ErrorCode::Storage, core::tr("Versi database tidak terbaca."));
    if (current > latest_schema_version())
        return core::make_error(core::ErrorCode::Storage,
                                core::tr("Database ini dibuat oleh versi Waserda yang lebih baru ({}). Perbarui program ini.", current));
    for (const auto& m : migrations()) {
        if (m.version <= current) continue;
        Transaction tx(db);
        if (!tx.begun()) return tx.begun().error();
        if (auto st = db.exec(m.sql); !st)
            return core::make_error(core::ErrorCode::Storage,
                                    core::tr("Migrasi database {} gagal; database lama tidak diubah. {}", m.version, st.error().message));
        if (auto st = db.exec("PRAGMA user_version = " + std::to_string(m.version)); !st) return st.error();
        if (auto st = tx.commit(); !st) return st.error();
        current = m.version;
    }
    return current;
}

}  // namespace waserda::store
