#include "pos/core/shu.hpp"

#include "pos/core/i18n.hpp"

#include <algorithm>
#include <charconv>
#include <numeric>

namespace waserda::core {

std::vector<int64_t> apportion(int64_t amount, const std::vector<int64_t>& weights) {
    std::vector<int64_t> out(weights.size(), 0);
    __int128 total = 0;
    for (auto w : weights) total += std::max<int64_t>(w, 0);
    if (total == 0 || amount <= 0) return out;
    struct Rem {
        __int128 rem;
        size_t index;
    };
    std::vector<Rem> rems;
    rems.reserve(weights.size());
    int64_t given = 0;
    for (size_t i = 0; i < weights.size(); ++i) {
        __int128 p = static_cast<__int128>(amount) * std::max<int64_t>(weights[i], 0);
        out[i] = static_cast<int64_t>(p / total);
        rems.push_back({p % total, i});
        given += out[i];
    }
    // Fewer leftover rupiah than parts, so each part gets at most one more.
    std::stable_sort(rems.begin(), rems.end(), [](const Rem& a, const Rem& b) { return a.rem > b.rem; });
    for (size_t k = 0; given < amount && k < rems.size(); ++k, ++given) out[rems[k].index] += 1;
    return out;
}

bool shu_eligible(const ShuConfig& config, const ShuMemberInput& m) {
    std::string year_end = std::to_string(config.year) + "-12-31";
    if (m.status == MemberStatus::Left && !config.pay_left_members && (m.left_on.empty() || m.left_on <= year_end))
        return false;
    if (!m.joined_on.empty() && m.joined_on > year_end) return false;
    return true;
}

Result<ShuResult> compute_shu(const ShuConfig& config, const ShuInput& input) {
    if (config.surplus.rupiah() <= 0)
        return make_error(ErrorCode::Invalid, tr("SHU harus lebih dari Rp 0; kerugian tidak dibagikan."));
    int64_t named = config.jasa_modal_bp + config.jasa_usaha_bp;
    bool negative = config.jasa_modal_bp < 0 || config.jasa_usaha_bp < 0 || (config.cadangan_bp && *config.cadangan_bp < 0);
    for (auto& f : config.funds) {
        named += f.basis_points;
        negative = negative || f.basis_points < 0;
    }
    if (negative) return make_error(ErrorCode::Invalid, tr("Persentase pembagian SHU tidak boleh negatif."));
    int64_t cadangan = config.cadangan_bp ? *config.cadangan_bp : 10000 - named;
    if (cadangan < 0 || named + cadangan != 10000)
        return make_error(ErrorCode::Invalid, tr("Persentase pembagian SHU berjumlah {}%, harus 100%.",
                                                 format_percent_bp(named + std::max<int64_t>(cadangan, 0))));

    ShuResult r;
    r.config = config;
    r.pools.push_back({"cadangan", tr("Cadangan"), cadangan, {}});
    r.pools.push_back({"jasa_modal", tr("Jasa modal"), config.jasa_modal_bp, {}});
    r.pools.push_back({"jasa_usaha", tr("Jasa usaha"), config.jasa_usaha_bp, {}});
    for (auto& f : config.funds) r.pools.push_back({f.name, f.name, f.basis_points, {}});
    std::vector<int64_t> bps;
    for (auto& p : r.pools) bps.push_back(p.basis_points);
    auto amounts = apportion(config.surplus.rupiah(), bps);
    for (size_t i = 0; i < r.pools.size(); ++i) r.pools[i].amount = Money::rp(amounts[i]);
    r.jasa_modal_pool = r.pools[1].amount;
    r.jasa_usaha_pool = r.pools[2].amount;

    std::vector<const ShuMemberInput*> members;
    for (auto& m : input.members)
        if (shu_eligible(config, m)) members.push_back(&m);
    std::sort(members.begin(), members.end(), [](auto* a, auto* b) { return a->number < b->number; });

    std::vector<int64_t> purchase_w, savings_w;
    int64_t purchases_sum = 0;
    for (auto* m : members) {
        int64_t p = std::max<int64_t>(m->purchases.rupiah(), 0);
        purchase_w.push_back(p);
        purchases_sum += p;
        int64_t s = std::max<int64_t>(m->savings_weight, 0);
        savings_w.push_back(s);
        r.savings_denominator += s;
    }
    // With all sales as the denominator, the non-members' part of turnover belongs to no member:
    // it joins the apportionment as one more part (placed last, so it loses ties) and is retained.
    int64_t denominator = purchases_sum;
    if (config.all_sales_denominator) denominator = std::max(purchases_sum, input.turnover.rupiah());
    r.purchases_denominator = Money::rp(denominator);
    purchase_w.push_back(denominator - purchases_sum);

    auto usaha = apportion(r.jasa_usaha_pool.rupiah(), purchase_w);
    auto modal = apportion(r.jasa_modal_pool.rupiah(), savings_w);
    for (size_t i = 0; i < members.size(); ++i) {
        const auto& m = *members[i];
        ShuShare s{m.id, m.number, m.name, m.purchases, m.savings, Money::rp(modal[i]), Money::rp(usaha[i])};
        r.jasa_modal_paid += s.jasa_modal;
        r.jasa_usaha_paid += s.jasa_usaha;
        r.shares.push_back(std::move(s));
    }
    r.jasa_modal_retained = r.jasa_modal_pool - r.jasa_modal_paid;
    r.jasa_usaha_retained = r.jasa_usaha_pool - r.jasa_usaha_paid;
    return r;
}

std::optional<int64_t> parse_percent_bp(std::string_view text) {
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '%')) text.remove_suffix(1);
    if (text.empty()) return std::nullopt;
    auto sep = text.find_first_of(".,");
    std::string_view whole = text.substr(0, sep);
    std::string_view frac = sep == std::string_view::npos ? std::string_view{} : text.substr(sep + 1);
    if (whole.empty() || frac.size() > 2 || (sep != std::string_view::npos && frac.empty())) return std::nullopt;
    int64_t w = 0, f = 0;
    auto [p1, e1] = std::from_chars(whole.data(), whole.data() + whole.size(), w);
    if (e1 != std::errc() || p1 != whole.data() + whole.size() || w < 0 || w > 100) return std::nullopt;
    if (!frac.empty()) {
        auto [p2, e2] = std::from_chars(frac.data(), frac.data() + frac.size(), f);
        if (e2 != std::errc() || p2 != frac.data() + frac.size() || f < 0) return std::nullopt;
        if (frac.size() == 1) f *= 10;
    }
    int64_t bp = w * 100 + f;
    if (bp > 10000) return std::nullopt;
    return bp;
}

std::string format_percent_bp(int64_t bp) {
    std::string s = std::to_string(bp / 100);
    int64_t f = bp % 100;
    if (f == 0) return s;
    if (f % 10 == 0) return s + "." + std::to_string(f / 10);
    return s + (f < 10 ? ".0" : ".") + std::to_string(f);
}

std::string to_string(ShuSavingsBasis b) { return b == ShuSavingsBasis::YearEnd ? "year-end" : "average"; }

std::optional<ShuSavingsBasis> shu_savings_basis_from(std::string_view s) {
    if (s == "year-end") return ShuSavingsBasis::YearEnd;
    if (s == "average") return ShuSavingsBasis::MonthlyAverage;
    return std::nullopt;
}

}  // namespace waserda::core
