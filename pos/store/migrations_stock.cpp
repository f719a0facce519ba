// Schema of the manager's stock work and reports: version 3.
//
// Version 3 kept the report summaries by triggers in each sale's own transaction; version 6
// (migrations.cpp) folds them in batches instead (summaries.hpp). Each summary table below is
// backfilled from the books when the migration runs.
#include "pos/store/migrations.hpp"
#include "pos/store/summaries.hpp"

#include <string>

namespace waserda::store {

namespace {

const char* kStockSchema = R"SQL(
CREATE TABLE suppliers(
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name TEXT NOT NULL,
  phone TEXT NOT NULL DEFAULT '',
  address TEXT NOT NULL DEFAULT '',
  active INTEGER NOT NULL DEFAULT 1
);

-- Per-prefix counters of document numbers (GR-T01-20261122-, OP-20261122-, ADJ-...).
CREATE TABLE doc_counters(prefix TEXT PRIMARY KEY, last INTEGER NOT NULL) WITHOUT ROWID;

-- Goods receipts and returns to suppliers. Their stock moves carry the number as ref.
CREATE TABLE goods_receipts(
  id INTEGER PRIMARY KEY,
  number TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK(kind IN ('receipt', 'return')),
  supplier_id INTEGER NOT NULL REFERENCES suppliers(id),
  invoice_ref TEXT NOT NULL DEFAULT '',
  at TEXT NOT NULL,
  local_date TEXT NOT NULL,
  user_id INTEGER NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  total INTEGER NOT NULL
);
CREATE INDEX goods_receipts_date ON goods_receipts(local_date);
CREATE TABLE goods_receipt_lines(
  receipt_id INTEGER NOT NULL REFERENCES goods_receipts(id),
  line_no INTEGER NOT NULL,
  item_id INTEGER NOT NULL REFERENCES items(id),
  qty INTEGER NOT NULL CHECK(qty > 0),
  unit_cost INTEGER NOT NULL CHECK(unit_cost >= 0),
  expiry TEXT NOT NULL DEFAULT '',
  cost_before INTEGER NOT NULL,
  cost_after INTEGER NOT NULL,
  PRIMARY KEY(receipt_id, line_no)
) WITHOUT ROWID;
CREATE INDEX goods_receipt_lines_item ON goods_receipt_lines(item_id, receipt_id);

-- Stock counts. One count line per session, item and counter; the counters' lines add up.
CREATE TABLE opname_sessions(
  id INTEGER PRIMARY KEY,
  number TEXT NOT NULL UNIQUE,
  note TEXT NOT NULL DEFAULT '',
  full INTEGER NOT NULL DEFAULT 0,
  state TEXT NOT NULL DEFAULT 'open' CHECK(state IN ('open', 'posted', 'cancelled')),
  opened_at TEXT NOT NULL,
  opened_by INTEGER NOT NULL,
  posted_at TEXT NOT NULL DEFAULT '',
  posted_by INTEGER NOT NULL DEFAULT 0,
  approver_id INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE opname_counts(
  session_id INTEGER NOT NULL REFERENCES opname_sessions(id),
  item_id INTEGER NOT NULL REFERENCES items(id),
  counter TEXT NOT NULL,
  qty INTEGER NOT NULL CHECK(qty >= 0),
  last_move_id INTEGER NOT NULL,   -- the newest stock move when this line last changed
  updated_at TEXT NOT NULL,
  PRIMARY KEY(session_id, item_id, counter)
) WITHOUT ROWID;

-- Price changes with the local date they take effect; applied_at is set once, when applied.
CREATE TABLE price_changes(
  id INTEGER PRIMARY KEY,
  item_id INTEGER NOT NULL REFERENCES items(id),
  price INTEGER NOT NULL CHECK(price >= 0),
  member_price INTEGER NOT NULL CHECK(member_price >= 0),
  effective_date TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  created_by INTEGER NOT NULL,
  applied_at TEXT,
  old_price INTEGER,
  old_member_price INTEGER
);
CREATE INDEX price_changes_pending ON price_changes(effective_date) WHERE applied_at IS NULL;
CREATE INDEX price_changes_item ON price_changes(item_id);

-- [Summaries] Per item: by month (a year is 12 rows per item, not 365). Per day: totals of the
-- lines, and the sales themselves by local hour, cashier and member/non-member. Per day and
-- payment method. Slow movers and reorder read daily_item_sales by item.
CREATE INDEX daily_item_sales_item ON daily_item_sales(item_id, local_date);
CREATE TABLE monthly_item_sales(
  month TEXT NOT NULL,
  item_id INTEGER NOT NULL,
  qty INTEGER NOT NULL DEFAULT 0,
  revenue INTEGER NOT NULL DEFAULT 0,
  cost INTEGER NOT NULL DEFAULT 0,
  lines INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY(month, item_id)
) WITHOUT ROWID;
CREATE TABLE daily_totals(
  local_date TEXT PRIMARY KEY,
  qty INTEGER NOT NULL DEFAULT 0,
  revenue INTEGER NOT NULL DEFAULT 0,
  cost INTEGER NOT NULL DEFAULT 0,
  lines INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE TABLE daily_sales(
  local_date TEXT NOT NULL,
  hour INTEGER NOT NULL,
  user_id INTEGER NOT NULL,
  member INTEGER NOT NULL,
  sales INTEGER NOT NULL DEFAULT 0,
  returns INTEGER NOT NULL DEFAULT 0,
  sales_total INTEGER NOT NULL DEFAULT 0,
  returns_total INTEGER NOT NULL DEFAULT 0,
  discount INTEGER NOT NULL DEFAULT 0,
  rounding INTEGER NOT NULL DEFAULT 0,
  ppn INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY(local_date, hour, user_id, member)
) WITHOUT ROWID;
CREATE TABLE daily_payments(
  local_date TEXT NOT NULL,
  method TEXT NOT NULL,
  count INTEGER NOT NULL DEFAULT 0,
  amount INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY(local_date, method)
) WITHOUT ROWID;

INSERT INTO monthly_item_sales(month, item_id, qty, revenue, cost, lines)
  SELECT substr(local_date, 1, 7), item_id, SUM(qty), SUM(revenue), SUM(cost), SUM(lines) FROM daily_item_sales GROUP BY 1, 2;
INSERT INTO daily_totals(local_date, qty, revenue, cost, lines)
  SELECT local_date, SUM(qty), SUM(revenue), SUM(cost), SUM(lines) FROM daily_item_sales GROUP BY 1;
INSERT INTO daily_sales(local_date, hour, user_id, member, sales, returns, sales_total, returns_total, discount, rounding, ppn)
  SELECT local_date, )SQL" WASERDA_LOCAL_HOUR_SQL("at") R"SQL(, user_id, member_id IS NOT NULL,
         SUM(kind = 'sale'), SUM(kind = 'return'), SUM(CASE WHEN kind = 'sale' THEN total ELSE 0 END),
         SUM(CASE WHEN kind = 'return' THEN total ELSE 0 END), SUM(discount), SUM(rounding), SUM(ppn)
  FROM sales GROUP BY 1, 2, 3, 4;
INSERT INTO daily_payments(local_date, method, count, amount)
  SELECT s.local_date, p.method, COUNT(*), SUM(p.amount) FROM sale_payments p JOIN sales s ON s.id = p.sale_id GROUP BY 1, 2;

CREATE TRIGGER daily_item_sales_added AFTER INSERT ON daily_item_sales BEGIN
  INSERT INTO monthly_item_sales(month, item_id, qty, revenue, cost, lines)
    VALUES(substr(NEW.local_date, 1, 7), NEW.item_id, NEW.qty, NEW.revenue, NEW.cost, NEW.lines)
    ON CONFLICT(month, item_id) DO UPDATE SET qty = qty + excluded.qty, revenue = revenue + excluded.revenue,
      cost = cost + excluded.cost, lines = lines + excluded.lines;
  INSERT INTO daily_totals(local_date, qty, revenue, cost, lines)
    VALUES(NEW.local_date, NEW.qty, NEW.revenue, NEW.cost, NEW.lines)
    ON CONFLICT(local_date) DO UPDATE SET qty = qty + excluded.qty, revenue = revenue + excluded.revenue,
      cost = cost + excluded.cost, lines = lines + excluded.lines;
END;

-- The till only ever updates the figures of a (date, item) row: its change is added as a delta.
CREATE TRIGGER daily_item_sales_changed AFTER UPDATE ON daily_item_sales
WHEN OLD.local_date = NEW.local_date AND OLD.item_id = NEW.item_id BEGIN
  INSERT INTO monthly_item_sales(month, item_id, qty, revenue, cost, lines)
    VALUES(substr(NEW.local_date, 1, 7), NEW.item_id, NEW.qty - OLD.qty, NEW.revenue - OLD.revenue, NEW.cost - OLD.cost,
           NEW.lines - OLD.lines)
    ON CONFLICT(month, item_id) DO UPDATE SET qty = qty + excluded.qty, revenue = revenue + excluded.revenue,
      cost = cost + excluded.cost, lines = lines + excluded.lines;
  INSERT INTO daily_totals(local_date, qty, revenue, cost, lines)
    VALUES(NEW.local_date, NEW.qty - OLD.qty, NEW.revenue - OLD.revenue, NEW.cost - OLD.cost, NEW.lines - OLD.lines)
    ON CONFLICT(local_date) DO UPDATE SET qty = qty + excluded.qty, revenue = revenue + excluded.revenue,
      cost = cost + excluded.cost, lines = lines + excluded.lines;
END;

-- A row moved to another date or item (a repair by hand): out of the old keys, into the new.
CREATE TRIGGER daily_item_sales_rekeyed AFTER UPDATE ON daily_item_sales
WHEN OLD.local_date <> NEW.local_date OR OLD.item_id <> NEW.item_id BEGIN
  INSERT INTO monthly_item_sales(month, item_id, qty, revenue, cost, lines)
    VALUES(substr(OLD.local_date, 1, 7), OLD.item_id, -OLD.qty, -OLD.revenue, -OLD.cost, -OLD.lines)
    ON CONFLICT(month, item_id) DO UPDATE SET qty = qty + excluded.qty, revenue = revenue + excluded.revenue,
      cost = cost + excluded.cost, lines = lines + excluded.lines;
  INSERT INTO monthly_item_sales(month, item_id, qty, revenue, cost, lines)
    VALUES(substr(NEW.local_date, 1, 7), NEW.item_id, NEW.qty, NEW.revenue, NEW.cost, NEW.lines)
    ON CONFLICT(month, item_id) DO UPDATE SET qty = qty + excluded.qty, revenue = revenue + excluded.revenue,
      cost = cost + excluded.cost, lines = lines + excluded.lines;
  INSERT INTO daily_totals(local_date, qty, revenue, cost, lines)
    VALUES(OLD.local_date, -OLD.qty, -OLD.revenue, -OLD.cost, -OLD.lines)
    ON CONFLICT(local_date) DO UPDATE SET qty = qty + excluded.qty, revenue = revenue + excluded.revenue,
      cost = cost + excluded.cost, lines = lines + excluded.lines;
  INSERT INTO daily_totals(local_date, qty, revenue, cost, lines)
    VALUES(NEW.local_date, NEW.qty, NEW.revenue, NEW.cost, NEW.lines)
    ON CONFLICT(local_date) DO UPDATE SET qty = qty + excluded.qty, revenue = revenue + excluded.revenue,
      cost = cost + excluded.cost, lines = lines + excluded.lines;
END;

CREATE TRIGGER daily_item_sales_removed AFTER DELETE ON daily_item_sales BEGIN
  UPDATE monthly_item_sales SET qty = qty - OLD.qty, revenue = revenue - OLD.revenue, cost = cost - OLD.cost,
    lines = lines - OLD.lines WHERE month = substr(OLD.local_date, 1, 7) AND item_id = OLD.item_id;
  UPDATE daily_totals SET qty = qty - OLD.qty, revenue = revenue - OLD.revenue, cost = cost - OLD.cost,
    lines = lines - OLD.lines WHERE local_date = OLD.local_date;
END;

CREATE TRIGGER sales_added AFTER INSERT ON sales BEGIN
  INSERT INTO daily_sales(local_date, hour, user_id, member, sales, returns, sales_total, returns_total, discount, rounding, ppn)
    VALUES(NEW.local_date, )SQL" WASERDA_LOCAL_HOUR_SQL("NEW.at") R"SQL(, NEW.user_id, NEW.member_id IS NOT NULL,
      NEW.kind = 'sale', NEW.kind = 'return', CASE WHEN NEW.kind = 'sale' THEN NEW.total ELSE 0 END,
      CASE WHEN NEW.kind = 'return' THEN NEW.total ELSE 0 END, NEW.discount, NEW.rounding, NEW.ppn)
    ON CONFLICT(local_date, hour, user_id, member) DO UPDATE SET sales = sales + excluded.sales,
      returns = returns + excluded.returns, sales_total = sales_total + excluded.sales_total,
      returns_total = returns_total + excluded.returns_total, discount = discount + excluded.discount,
      rounding = rounding + excluded.rounding, ppn = ppn + excluded.ppn;
END;

CREATE TRIGGER sale_payments_added AFTER INSERT ON sale_payments BEGIN
  INSERT INTO daily_payments(local_date, method, count, amount)
    SELECT s.local_date, NEW.method, 1, NEW.amount FROM sales s WHERE s.id = NEW.sale_id
    ON CONFLICT(local_date, method) DO UPDATE SET count = count + 1, amount = amount + excluded.amount;
END;
)SQL";

}  // namespace

std::vector<Migration> stock_migrations() {
    return {{3, "stock work and report summaries", kStockSchema}};
}

}  // namespace waserda::store
