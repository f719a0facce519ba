// Schema of the members' side: version 2 (credit, payroll deduction, consignment, SHU) and 4
// (the arrears days into the settings).
#include "pos/store/migrations.hpp"

namespace waserda::store {

std::vector<Migration> members_migrations() {
    return {
        {2, "members: purchases summary, payroll deduction, consignment, SHU", R"SQL(
-- What each member (0: non-members) bought per local month, net of returns and before cash
-- rounding. A trigger keeps it in the same transaction as every sale, so SHU and statements
-- never scan a year of sales; the backfill covers sales written before this version.
CREATE TABLE member_month_sales(
  member_id INTEGER NOT NULL,
  month TEXT NOT NULL,
  amount INTEGER NOT NULL DEFAULT 0,
  sales INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY(member_id, month)
) WITHOUT ROWID;
INSERT INTO member_month_sales(member_id, month, amount, sales)
  SELECT COALESCE(member_id, 0), substr(local_date, 1, 7), SUM(total - rounding), COUNT(*) FROM sales GROUP BY 1, 2;
CREATE TRIGGER member_month_sales_on_sale AFTER INSERT ON sales BEGIN
  INSERT INTO member_month_sales(member_id, month, amount, sales)
    VALUES(COALESCE(NEW.member_id, 0), substr(NEW.local_date, 1, 7), NEW.total - NEW.rounding, 1)
    ON CONFLICT(member_id, month) DO UPDATE SET amount = amount + excluded.amount, sales = sales + 1;
END;

-- Potong gaji: the list sent to the employer for a month, and what came back.
CREATE TABLE payroll_batches(
  month TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  created_by INTEGER NOT NULL DEFAULT 0,
  total_due INTEGER NOT NULL DEFAULT 0,
  settled_at TEXT,
  settled_by INTEGER,
  total_settled INTEGER
);
CREATE TABLE payroll_lines(
  month TEXT NOT NULL REFERENCES payroll_batches(month),
  member_id INTEGER NOT NULL REFERENCES members(id),
  work_unit TEXT NOT NULL DEFAULT '',
  due INTEGER NOT NULL,
  settled INTEGER,
  PRIMARY KEY(month, member_id)
) WITHOUT ROWID;

-- Titip jual: consignors, agreed prices, settlements and the sale lines each one paid.
CREATE TABLE consignors(
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  phone TEXT NOT NULL DEFAULT '',
  member_number TEXT NOT NULL DEFAULT '',
  fee_bp INTEGER NOT NULL DEFAULT 0 CHECK(fee_bp BETWEEN 0 AND 10000),
  active INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE consignment_terms(
  item_id INTEGER PRIMARY KEY REFERENCES items(id),
  consignor_price INTEGER
);
CREATE INDEX items_consignor ON items(consignor_id) WHERE consignment = 1;
CREATE TABLE consignment_settlements(
  id INTEGER PRIMARY KEY,
  number TEXT NOT NULL UNIQUE,
  consignor_id INTEGER NOT NULL REFERENCES consignors(id),
  period_from TEXT NOT NULL,
  period_to TEXT NOT NULL,
  sold INTEGER NOT NULL,
  fee INTEGER NOT NULL,
  due INTEGER NOT NULL,
  method TEXT NOT NULL,
  paid_at TEXT NOT NULL,
  user_id INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX consignment_settlements_consignor ON consignment_settlements(consignor_id, id);
-- The primary key is what makes a sale line impossible to pay to its consignor twice.
CREATE TABLE consignment_settled_lines(
  sale_id INTEGER NOT NULL REFERENCES sales(id),
  line_no INTEGER NOT NULL,
  settlement_id INTEGER NOT NULL REFERENCES consignment_settlements(id),
  PRIMARY KEY(sale_id, line_no)
) WITHOUT ROWID;

-- SHU credited to sukarela, once per fiscal year.
CREATE TABLE shu_runs(
  year INTEGER PRIMARY KEY,
  surplus INTEGER NOT NULL,
  config TEXT NOT NULL,
  total_credited INTEGER NOT NULL,
  credited_at TEXT NOT NULL,
  user_id INTEGER NOT NULL DEFAULT 0
);
)SQL"},
        {4, "members: the arrears days move from meta into the settings (credit.arrears_days)", R"SQL(
-- Shops set the arrears days with `waserda credit arrears --set-days` into the meta table before
-- CreditPolicy carried it; they keep their value. A settings row already there wins.
INSERT OR IGNORE INTO settings(key, value)
  SELECT key, value FROM meta WHERE key = 'credit.arrears_days';
DELETE FROM meta WHERE key = 'credit.arrears_days';
)SQL"},
    };
}

}  // namespace waserda::store
