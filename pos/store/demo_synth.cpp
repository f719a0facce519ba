#include "pos/store/demo_synth.hpp"

#include "pos/core/barcode.hpp"
#include "pos/core/clock.hpp"

#include <algorithm>
#include <cmath>

namespace waserda::store::synth {

using core::Money;

std::string ymd(Days d) {
    std::chrono::year_month_day x{d};
    return fmt::format("{:04}-{:02}-{:02}", int(x.year()), unsigned(x.month()), unsigned(x.day()));
}

std::string at_local(Days d, int seconds_of_day, int utc_offset_minutes) {
    auto t = core::TimePoint(d) + std::chrono::seconds(seconds_of_day) - std::chrono::minutes(utc_offset_minutes);
    return core::iso_utc(t);
}

namespace {

struct Template {
    const char* name;
    const char* category;
    int64_t price;
    bool taxable;
    int carton;        // pieces in its carton barcode, 0: none
};

// Base products; brands and sizes multiply them into thousands of items.
const Template kTemplates[] = {
    {"Beras Premium 5 kg", "Sembako", 76000, false, 0},       {"Gula Pasir 1 kg", "Sembako", 18500, false, 0},
    {"Minyak Goreng 2 L", "Minyak & Margarin", 38000, true, 6}, {"Minyak Goreng 1 L", "Minyak & Margarin", 20000, true, 12},
    {"Tepung Terigu 1 kg", "Tepung", 14000, true, 12},          {"Garam 250 g", "Sembako", 3000, false, 0},
    {"Mie Instan Goreng", "Mie Instan", 3500, true, 40},        {"Mie Instan Kuah", "Mie Instan", 3300, true, 40},
    {"Kopi Sachet", "Kopi & Teh", 1600, true, 10},              {"Kopi Bubuk 165 g", "Kopi & Teh", 14000, true, 0},
    {"Teh Celup isi 25", "Kopi & Teh", 7500, true, 0},          {"Teh Botol 350 ml", "Minuman", 5000, true, 24},
    {"Susu Kental Manis 370 g", "Susu", 13500, true, 48},       {"Susu UHT 200 ml", "Susu", 6000, true, 24},
    {"Air Mineral 600 ml", "Minuman", 3500, true, 24},          {"Air Mineral Gelas 220 ml", "Minuman", 800, true, 48},
    {"Sabun Mandi 75 g", "Sabun & Sampo", 4500, true, 0},       {"Sampo Sachet", "Sabun & Sampo", 1000, true, 12},
    {"Sampo 170 ml", "Sabun & Sampo", 26000, true, 0},          {"Pasta Gigi 190 g", "Perawatan Gigi", 15000, true, 0},
    {"Sabun Cuci Piring 780 ml", "Sabun Cuci", 15000, true, 0}, {"Deterjen Bubuk 800 g", "Deterjen", 22000, true, 0},
    {"Pewangi Pakaian Sachet", "Deterjen", 500, true, 12},      {"Kecap Manis 520 ml", "Kecap & Saus", 24000, true, 0},
    {"Saus Sambal 340 ml", "Kecap & Saus", 13000, true, 0},     {"Sarden 155 g", "Makanan Kaleng", 11000, true, 0},
    {"Bumbu Instan", "Bumbu", 5000, true, 0},                   {"Penyedap Rasa Sachet", "Bumbu", 500, true, 12},
    {"Biskuit 250 g", "Makanan Ringan", 9000, true, 0},         {"Wafer 110 g", "Makanan Ringan", 8500, true, 0},
    {"Keripik 68 g", "Makanan Ringan", 11000, true, 0},         {"Snak Jagung 15 g", "Makanan Ringan", 1000, true, 20},
    {"Roti Tawar", "Roti & Kue", 15000, true, 0},               {"Rokok Kretek 16 batang", "Rokok", 35000, false, 10},
    {"Buku Tulis 38 lembar", "Alat Tulis", 4000, true, 10},     {"Pulpen", "Alat Tulis", 3000, true, 12},
    {"Tisu Wajah 250 lembar", "Perawatan Diri", 12000, true, 0}, {"Pembalut isi 8", "Perawatan Diri", 8500, true, 0},
    {"Obat Nyamuk Bakar", "Kebersihan Rumah", 6500, true, 0},   {"Keripik Titipan Anggota", "Titipan Anggota", 12000, true, 0},
};
const char* kBrands[] = {"Sinar",   "Mawar",  "Cap Jago", "Bintang", "Sehat",     "Nusantara", "Sumber Rejeki", "Makmur",
                         "Sedap",   "Harum",  "Segar",    "Lestari", "Cap Kapal", "Merpati",   "Garuda Mas",    "Citra",
                         "Pelangi", "Rajawali", "Melati", "Kencana", "Surya",     "Cempaka",   "Tunas",         "Jaya",
                         "Mulia",   "Sentosa", "Permata", "Berkah", "Mutiara",   "Anggrek"};
const char* kSizes[] = {"", "Hemat", "Jumbo", "Mini", "Keluarga", "Ekstra"};
const int kSizePercent[] = {100, 90, 160, 45, 250, 125};
const char* kWeighed[] = {"Telur Ayam Ras", "Gula Pasir Curah", "Beras Curah",  "Bawang Merah", "Bawang Putih",
                          "Cabai Merah",    "Cabai Rawit",      "Tomat",        "Kentang",      "Kacang Tanah"};
const int64_t kWeighedPrice[] = {30000, 18000, 13500, 45000, 42000, 55000, 70000, 14000, 20000, 38000};

int64_t round_price(double v) {
    int64_t step = v < 10000 ? 100 : 500;
    return std::max<int64_t>(step, static_cast<int64_t>(std::llround(v / step)) * step);
}

// A carton or renceng barcode: EAN-13 starting 899, distinct from every single-piece code.
std::string ean13(int64_t n) { return core::with_check_digit(fmt::format("899{:09}", n)); }

const char* kFirst[] = {"Siti", "Budi", "Sri", "Agus", "Dewi", "Joko", "Rina", "Andi", "Yuni", "Hendra", "Wulan",
                        "Bambang", "Ratna", "Eko", "Lestari", "Slamet", "Fitri", "Dedi", "Nur", "Rudi", "Endang",
                        "Teguh", "Indah", "Wahyu", "Ayu", "Sugeng", "Mega", "Arief", "Asep", "Euis", "Made", "Putu"};
const char* kLast[] = {"Rahayu", "Santoso", "Wahyuni", "Setiawan", "Lestari", "Susilo", "Pratama", "Gunawan", "Sari",
                       "Sutrisno", "Handayani", "Prasetyo", "Hidayat", "Kusuma", "Nugroho", "Saputra", "Utami",
                       "Widodo", "Hartono", "Suryani", "Maulana", "Firmansyah", "Purnomo", "Astuti", "Wirawan"};
const char* kUnits[] = {"Produksi", "Produksi", "Produksi", "Gudang", "Administrasi", "Keuangan", "Satpam",
                        "Pemeliharaan", "Pengiriman"};

}  // namespace

std::vector<SimItem> make_items(const BigShopSpec& spec, Rng& rng) {
    std::vector<SimItem> out;
    const int n_templates = static_cast<int>(std::size(kTemplates));
    const int n_brands = static_cast<int>(std::size(kBrands));
    int weighed_left = std::min<int>(static_cast<int>(std::size(kWeighed)), std::max(1, spec.items / 100));
    for (int i = 0; i < spec.items; ++i) {
        SimItem s;
        core::Item& it = s.item;
        if (i < weighed_left) {
            // Scale goods: the SKU is the label's item code (prefix 20, weight in grams).
            it.sku = fmt::format("20{:05}", i + 1);
            it.name = kWeighed[i];
            it.category = "Timbang";
            it.weighed = true;
            it.unit = "kg";
            it.price = Money::rp(kWeighedPrice[i]);
            it.taxable = false;
        } else {
            const Template& t = kTemplates[i % n_templates];
            int combo = i / n_templates;
            int size = combo / n_brands % static_cast<int>(std::size(kSizes));
            int copy = combo / (n_brands * static_cast<int>(std::size(kSizes)));
            std::string name = std::string(t.name) + " " + kBrands[combo % n_brands];
            if (*kSizes[size]) name += std::string(" ") + kSizes[size];
            if (copy) name += fmt::format(" Varian {}", copy + 1);
            it.sku = fmt::format("BRG-{:05}", i + 1);
            it.name = name;
            it.category = t.category;
            it.price = Money::rp(round_price(t.price * kSizePercent[size] / 100.0 * (0.85 + 0.3 * rng.unit())));
            it.taxable = t.taxable;
            it.consignment = std::string(t.category) == "Titipan Anggota";
            s.code = ean13(i + 1);
            it.barcodes.push_back({s.code, 1});
            if (t.carton && !it.consignment) {
                s.carton = t.carton;
                s.carton_code = ean13(500'000'000 + i + 1);
                it.barcodes.push_back({s.carton_code, t.carton});
            }
        }
        int64_t p = it.price.rupiah();
        it.member_price = it.consignment ? Money{} : Money::rp(p - std::max<int64_t>(50, p * 3 / 100 / 50 * 50));
        it.cost = Money::rp(p * (82 + rng.below(10)) / 100);
        if (s.carton && rng.chance(0.5)) {
            it.wholesale_min_qty = s.carton;
            it.wholesale_price = Money::rp(std::max<int64_t>(50, (p - p * 5 / 100) / 50 * 50));
        }
        if (s.code.empty()) s.code = it.sku;
        out.push_back(std::move(s));
    }
    return out;
}

std::vector<SimMember> make_members(const BigShopSpec& spec, Days start, Rng& rng) {
    std::vector<SimMember> out;
    int width = std::max<int>(4, static_cast<int>(std::to_string(spec.members).size()));
    for (int i = 0; i < spec.members; ++i) {
        SimMember s;
        core::Member& m = s.member;
        m.number = fmt::format("A-{:0{}}", i + 1, width);
        m.name = fmt::format("{} {}", kFirst[rng.below(std::size(kFirst))], kLast[rng.below(std::size(kLast))]);
        m.card_code = fmt::format("M{:0{}}", i + 1, width);
        m.work_unit = kUnits[i % std::size(kUnits)];
        m.phone = fmt::format("08{}-{}-{}", rng.between(11, 99), rng.between(1000, 9999), rng.between(1000, 9999));
        int months = static_cast<int>(rng.between(1, 150));
        m.joined_on = ymd(start - std::chrono::days(months * 30 + rng.below(30)));
        if (rng.chance(0.01)) m.status = core::MemberStatus::Inactive;
        s.balances.pokok = Money::rp(100'000);
        s.balances.wajib = Money::rp(50'000 * months);
        s.balances.sukarela = Money::rp(rng.chance(0.4) ? rng.between(1, 60) * 50'000 : 0);
        out.push_back(std::move(s));
    }
    return out;
}

}  // namespace waserda::store::synth
