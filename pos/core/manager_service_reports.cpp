// ManagerService: the report queries (the stock acts are in manager_service.cpp).
#include "pos/core/i18n.hpp"
#include "pos/core/manager_service.hpp"

#include <set>
#include <unordered_map>

namespace waserda::core {

#define MS_TRY(expr)                                      \
    do {                                                  \
        if (auto _st = (expr); !_st) return _st.error();  \
    } while (0)

Result<std::vector<SalesDayRow>> ManagerService::sales_by_day(const DateRange& r) {
    MS_TRY(check_range(r));
    auto days = reports_.day_sales(r);
    if (!days) return days.error();
    return sales_day_rows(*days);
}

Result<std::vector<HourSales>> ManagerService::sales_by_hour(const DateRange& r) {
    MS_TRY(check_range(r));
    return reports_.hour_sales(r);
}

Result<std::vector<MarginRow>> ManagerService::sales_by_item(const DateRange& r) {
    MS_TRY(check_range(r));
    auto items = reports_.item_sales(r);
    if (!items) return items.error();
    return margin_by_item(*items);
}

Result<std::vector<MarginRow>> ManagerService::sales_by_category(const DateRange& r) {
    MS_TRY(check_range(r));
    auto items = reports_.item_sales(r);
    if (!items) return items.error();
    return margin_by_category(*items);
}

Result<std::vector<CashierSales>> ManagerService::sales_by_cashier(const DateRange& r) {
    MS_TRY(check_range(r));
    return reports_.cashier_sales(r);
}

Result<std::vector<PaymentSales>> ManagerService::sales_by_payment(const DateRange& r) {
    MS_TRY(check_range(r));
    return reports_.payment_sales(r);
}

Result<std::vector<MemberSplit>> ManagerService::sales_by_member(const DateRange& r) {
    MS_TRY(check_range(r));
    return reports_.member_sales(r);
}

Result<StockValuation> ManagerService::stock_value() {
    auto items = reports_.stock_items();
    if (!items) return items.error();
    return stock_valuation(*items);
}

Result<std::vector<StockValueRow>> ManagerService::low_stock() {
    auto items = reports_.stock_items();
    if (!items) return items.error();
    return core::low_stock(*items);
}

Result<std::vector<SlowMoverRow>> ManagerService::slow_movers(int days) {
    if (days <= 0) return make_error(ErrorCode::Invalid, tr("Jumlah hari harus lebih dari 0."));
    auto items = reports_.stock_items();
    if (!items) return items.error();
    DateRange window = last_days(days);
    auto sold = reports_.items_sold_since(window.from);
    if (!sold) return sold.error();
    std::set<ItemId> sold_set(sold->begin(), sold->end());
    std::vector<ItemId> idle;
    for (auto& it : *items)
        if (it.active && it.on_hand > 0 && !sold_set.count(it.id)) idle.push_back(it.id);
    auto last = reports_.last_sold(idle);
    if (!last) return last.error();
    return core::slow_movers(*items, *sold, *last, window.to);
}

Result<std::vector<ExpiryRow>> ManagerService::expiring(int days) {
    if (days < 0) return make_error(ErrorCode::Invalid, tr("Jumlah hari tidak boleh negatif."));
    auto items = reports_.stock_items();
    if (!items) return items.error();
    auto lots = reports_.expiry_lots();
    if (!lots) return lots.error();
    std::string today = shop_.today_local();
    return core::expiring(*items, *lots, today, add_days(today, days));
}

Result<std::vector<ShiftReportRow>> ManagerService::shifts(const DateRange& r) {
    MS_TRY(check_range(r));
    auto [begin, end] = utc_bounds(r, shop_.settings().utc_offset_minutes);
    auto list = reports_.shifts_between(begin, end);
    if (!list) return list.error();
    std::vector<ShiftReportRow> out;
    for (auto& s : *list) {
        auto f = store_.shift_figures(s.id);
        if (!f) return f.error();
        ShiftReportRow row{s, *f, {}};
        if (!s.open() && s.counted_cash) row.difference = *s.counted_cash - s.expected_cash;
        out.push_back(std::move(row));
    }
    return out;
}

Result<std::vector<AuditRow>> ManagerService::audit(const std::string& kind, const DateRange& r) {
    MS_TRY(check_range(r));
    auto actions = audit_actions_for(kind);
    if (!actions)
        return make_error(ErrorCode::Invalid,
                          tr("Jenis \"{}\" tidak dikenal (voids, refunds, overrides, drawer, discounts, stock, all).", kind));
    auto [begin, end] = utc_bounds(r, shop_.settings().utc_offset_minutes);
    auto entries = reports_.audit_between(*actions, begin, end);
    if (!entries) return entries.error();
    auto users = store_.list_users();
    if (!users) return users.error();
    std::unordered_map<UserId, std::string> names;
    for (auto& u : *users) names[u.id] = u.name;
    std::vector<AuditRow> out;
    for (auto& e : *entries)
        out.push_back(AuditRow{e, names[e.user_id], e.approver_id ? names[e.approver_id] : std::string()});
    return out;
}

}  // namespace waserda::core
