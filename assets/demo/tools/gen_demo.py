#!/usr/bin/env python3
"""Writes assets/demo/items.csv and assets/demo/members.csv: the demo shop's catalog and members.

The output is committed next to this script; run it again after editing the tables below:
    python3 assets/demo/tools/gen_demo.py
Deterministic: the same script always writes the same files.

Barcodes are made up but valid: EAN-13 starting 899 (Indonesia) with a correct check digit, a few
UPC-A (imported goods) and EAN-8 (small packs; member-made goods get in-store EAN-8 codes starting
2). Weighed goods have the in-store item code as SKU: prefix 20 (weight labels) or 25 (price
labels) + 5 digits, matching the shop's default scale-label scheme.
"""
import csv
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)


def check_digit(digits: str) -> str:
    total = sum(int(c) * (3 if i % 2 == 0 else 1) for i, c in enumerate(reversed(digits)))
    return str((10 - total % 10) % 10)


class Codes:
    """Hands out unique valid codes: EAN-13 899 + company(4) + product(5), UPC-A, EAN-8."""

    def __init__(self):
        self.next_product = {}
        self.used = set()

    def _take(self, code):
        assert code not in self.used, code
        self.used.add(code)
        return code

    def ean13(self, company: int) -> str:
        n = self.next_product.get(company, 10011)
        self.next_product[company] = n + 7
        body = f"899{company:04d}{n:05d}"
        return self._take(body + check_digit(body))

    def upca(self, company: int) -> str:
        n = self.next_product.get(("upc", company), 20031)
        self.next_product[("upc", company)] = n + 11
        body = f"0{company:05d}{n:05d}"
        return self._take(body + check_digit(body))

    def ean8(self, prefix: str) -> str:
        n = self.next_product.get(("ean8", prefix), 101)
        self.next_product[("ean8", prefix)] = n + 3
        body = f"{prefix}{n:0{7 - len(prefix)}d}"
        return self._take(body + check_digit(body))


codes = Codes()
items = []


def round_to(v, step):
    return int((v + step / 2) // step * step)


def add(sku, name, category, price, *, unit="pcs", taxable=1, min_stock=10, stock=40, company=None, packs=(),
        weighed=0, member_off=0.03, margin=0.14, wholesale=None, upca=False, ean8=None, no_barcode=False,
        consignment=0, active=1):
    """packs: ((pack_qty, company_or_None), ...) extra carton/renceng barcodes."""
    step = 50 if price < 10000 else 100
    member = round_to(price * (1 - member_off), step) if member_off else ""
    if member != "" and member >= price:
        member = price - step
    cost = round_to(price * (1 - margin), 50)
    barcodes = []
    if not no_barcode and not weighed:
        if upca:
            barcodes.append(codes.upca(company or 71234))
        elif ean8:
            barcodes.append(codes.ean8(ean8))
        else:
            barcodes.append(codes.ean13(company))
        for pack_qty in packs:
            barcodes.append(f"{codes.ean13(company)}x{pack_qty}")
    wmin, wprice = ("", "")
    if wholesale:
        wmin, wprice = wholesale
    items.append({
        "sku": sku, "name": name, "unit": unit, "category": category, "weighed": weighed, "price": price,
        "member_price": member, "wholesale_min_qty": wmin, "wholesale_price": wprice, "cost": cost,
        "taxable": taxable, "min_stock": min_stock, "active": active, "barcodes": ";".join(barcodes),
        "stock": stock, "consignment": consignment,
    })


# [SECTION] Sembako (basic staples: no PPN on rice, sugar, salt, eggs)
C = 1201
add("BRS-P05", "Beras Premium 5 kg", "Sembako", 76000, taxable=0, min_stock=10, stock=40, company=C, margin=0.08, member_off=0.025)
add("BRS-P10", "Beras Premium 10 kg", "Sembako", 150000, taxable=0, min_stock=5, stock=20, company=C, margin=0.08, member_off=0.025)
add("BRS-M05", "Beras Medium 5 kg", "Sembako", 66000, taxable=0, min_stock=10, stock=40, company=C, margin=0.08, member_off=0.025)
add("BRS-M10", "Beras Medium 10 kg", "Sembako", 130000, taxable=0, min_stock=5, stock=20, company=C, margin=0.08, member_off=0.025)
add("BRS-P25", "Beras Pulen 25 kg", "Sembako", 360000, taxable=0, min_stock=2, stock=8, company=C, margin=0.07, member_off=0.02)
add("BRS-MRH1", "Beras Merah 1 kg", "Sembako", 25000, taxable=0, company=C, stock=15)
add("BRS-KTN1", "Beras Ketan Putih 1 kg", "Sembako", 22000, taxable=0, company=C, stock=15)
C = 1202
add("GLA-1KG", "Gula Pasir 1 kg", "Sembako", 18500, taxable=0, min_stock=24, stock=100, company=C, margin=0.07,
    wholesale=(10, 18000))
add("GLA-05KG", "Gula Pasir 1/2 kg", "Sembako", 9500, taxable=0, min_stock=24, stock=60, company=C, margin=0.07)
add("GLA-TBU", "Gula Tebu Kemasan 1 kg", "Sembako", 19500, taxable=0, company=C, margin=0.08)
add("GRM-250", "Garam Beryodium 250 g", "Sembako", 3000, taxable=0, min_stock=20, stock=80, company=C)
add("GRM-500", "Garam Beryodium 500 g", "Sembako", 5000, taxable=0, min_stock=10, stock=40, company=C)
add("GRM-KSR", "Garam Kasar 1 kg", "Sembako", 6000, taxable=0, company=C)
add("TLR-10", "Telur Ayam Ras isi 10", "Sembako", 19000, taxable=0, min_stock=10, stock=30, company=C, margin=0.09)
add("TLR-ASN", "Telur Bebek Asin", "Sembako", 4500, taxable=0, min_stock=20, stock=60, company=C)
C = 1203
for size, price, pack, stock in (("1 L", 20000, 12, 60), ("2 L", 38000, 6, 48)):
    add(f"MYK-PR{size[0]}", f"Minyak Goreng Premium Pouch {size}", "Minyak & Margarin", price, min_stock=12, stock=stock,
        company=C, margin=0.09, packs=(pack,), wholesale=(pack, price - 500))
add("MYK-RKT1", "Minyak Goreng Rakyat 1 L", "Minyak & Margarin", 17500, min_stock=24, stock=96, company=C, margin=0.06,
    member_off=0.02)
add("MYK-BTL2", "Minyak Goreng Botol 2 L", "Minyak & Margarin", 42000, company=C, margin=0.10)
add("MYK-JRG5", "Minyak Goreng Jeriken 5 L", "Minyak & Margarin", 95000, min_stock=3, stock=10, company=C, margin=0.08)
add("MYK-KLP", "Minyak Kelapa 600 ml", "Minyak & Margarin", 24000, company=C)
add("MRG-200", "Margarin Serbaguna 200 g", "Minyak & Margarin", 8500, company=C, stock=50)
add("MRG-1KG", "Margarin Kaleng 1 kg", "Minyak & Margarin", 38000, company=C, stock=10)
add("MNT-200", "Mentega Tawar 200 g", "Minyak & Margarin", 32000, company=C, stock=8)
C = 1204
add("TPG-SRB1", "Tepung Terigu Serbaguna 1 kg", "Tepung", 14000, min_stock=12, stock=50, company=C, packs=(12,))
add("TPG-PRT1", "Tepung Terigu Protein Tinggi 1 kg", "Tepung", 15500, company=C, stock=30)
add("TPG-RDH1", "Tepung Terigu Protein Rendah 1 kg", "Tepung", 13500, company=C, stock=20)
add("TPG-BRS5", "Tepung Beras 500 g", "Tepung", 8000, company=C)
add("TPG-KTN5", "Tepung Ketan 500 g", "Tepung", 9000, company=C)
add("TPG-TPK5", "Tepung Tapioka 500 g", "Tepung", 7500, company=C)
add("TPG-MZN", "Tepung Maizena 150 g", "Tepung", 6000, company=C)
add("TPG-BMB", "Tepung Bumbu Serbaguna 80 g", "Tepung", 3000, company=C, stock=60)
add("TPG-BMBP", "Tepung Bumbu Pedas 80 g", "Tepung", 3200, company=C, stock=40)
add("TPG-RTI", "Tepung Roti 100 g", "Tepung", 5000, company=C)

# [SECTION] Mie instan (cartons of 40)
C = 1301
for sku, flavour, price in (("GRG", "Goreng", 3500), ("SOTO", "Soto Ayam", 3300), ("AYB", "Ayam Bawang", 3300),
                            ("KARI", "Kari Ayam", 3400), ("RDG", "Rendang", 3500), ("GPK", "Ayam Geprek", 3600),
                            ("GPD", "Goreng Pedas", 3600), ("KLD", "Kuah Kaldu Ayam", 3200), ("BKS", "Baso Sapi", 3300),
                            ("SLR", "Selera Pedas", 3500)):
    add(f"MIE-{sku}", f"Mie Instan {flavour}", "Mie Instan", price, min_stock=40, stock=160, company=C, margin=0.11,
        member_off=0.05, packs=(40,), wholesale=(40, price - 200))
add("MIE-JMB", "Mie Instan Goreng Jumbo", "Mie Instan", 4500, min_stock=24, stock=72, company=C, packs=(24,))
add("MIE-CUP", "Mie Cup Rasa Ayam", "Mie Instan", 6500, min_stock=12, stock=48, company=C, packs=(24,))
add("MIE-CUPS", "Mie Cup Rasa Soto", "Mie Instan", 6500, min_stock=12, stock=48, company=C, packs=(24,))
add("MIE-TLR", "Mie Telur Kering 200 g", "Mie Instan", 9000, company=C, stock=30)
add("MIE-BHN", "Bihun Jagung 175 g", "Mie Instan", 6000, company=C, stock=30)
add("MIE-SOUN", "Soun 100 g", "Mie Instan", 5000, company=C, stock=20)
add("MIE-KWT", "Kwetiau Kering 200 g", "Mie Instan", 8500, company=C, stock=15)

# [SECTION] Kopi, teh, susu
C = 1401
for sku, name, price in (("3IN1", "Kopi Susu 3in1 Sachet", 1600), ("ARN", "Kopi Gula Aren Sachet", 2000),
                         ("PTH", "Kopi Putih Sachet", 1800), ("CPC", "Kopi Cappuccino Sachet", 2500),
                         ("MOC", "Kopi Moka Sachet", 1700), ("HTM", "Kopi Hitam Manis Sachet", 1500)):
    add(f"KPI-{sku}", name, "Kopi & Teh", price, min_stock=30, stock=150, company=C, packs=(10,),
        wholesale=(10, price - 100), member_off=0.05)
add("KPI-BBK165", "Kopi Bubuk Hitam 165 g", "Kopi & Teh", 14000, company=C, stock=30)
add("KPI-BBK380", "Kopi Bubuk Hitam 380 g", "Kopi & Teh", 30000, company=C, stock=15)
add("KPI-INS50", "Kopi Instan Toples 50 g", "Kopi & Teh", 25000, company=C, stock=10)
add("KPI-TBR", "Kopi Tubruk 200 g", "Kopi & Teh", 18000, company=C, stock=15)
add("KPI-BTL", "Kopi Susu Botol 225 ml", "Kopi & Teh", 8000, company=C, stock=24, packs=(24,))
add("KPI-KLG", "Kopi Kaleng 240 ml", "Kopi & Teh", 8500, company=C, stock=24)
C = 1402
add("TEH-MLT25", "Teh Celup Melati isi 25", "Kopi & Teh", 7500, company=C, stock=40)
add("TEH-HJU25", "Teh Celup Hijau isi 25", "Kopi & Teh", 9000, company=C, stock=20)
add("TEH-MLT50", "Teh Celup Melati isi 50", "Kopi & Teh", 13500, company=C, stock=20)
add("TEH-TBR40", "Teh Tubruk Wangi 40 g", "Kopi & Teh", 4000, company=C, stock=40)
add("TEH-SRB", "Teh Seduh Serbuk Lemon Sachet", "Kopi & Teh", 1500, company=C, stock=60, packs=(10,))
add("TEH-BTL", "Teh Botol 350 ml", "Minuman", 5000, company=C, stock=48, packs=(24,), member_off=0.04)
add("TEH-KTK", "Teh Kotak 200 ml", "Minuman", 4000, company=C, stock=48, packs=(24,))
add("TEH-GLS", "Teh Gelas 170 ml", "Minuman", 1500, company=C, stock=96, packs=(24,))
C = 1403
add("SKM-KLG", "Susu Kental Manis Kaleng 370 g", "Susu", 13500, min_stock=12, stock=48, company=C, packs=(48,))
add("SKM-SCT", "Susu Kental Manis Sachet 37 g", "Susu", 2000, min_stock=30, stock=120, company=C, packs=(6,))
add("SKM-PCH", "Susu Kental Manis Pouch 280 g", "Susu", 11000, company=C, stock=30)
for flavour in ("Full Cream", "Cokelat", "Stroberi", "Vanila"):
    add(f"UHT-200-{flavour[:3].upper()}", f"Susu UHT {flavour} 200 ml", "Susu", 6000, min_stock=12, stock=48, company=C,
        packs=(24,))
add("UHT-1L", "Susu UHT Full Cream 1 L", "Susu", 20000, company=C, stock=24)
add("UHT-125", "Susu UHT Anak 125 ml", "Susu", 3500, company=C, stock=48, packs=(36,))
add("SBK-DWS400", "Susu Bubuk Dewasa 400 g", "Susu", 55000, company=C, stock=10, margin=0.10)
add("SBK-ANK800", "Susu Bubuk Anak 3+ 800 g", "Susu", 120000, company=C, stock=8, margin=0.10)
add("SBK-CKL", "Susu Bubuk Cokelat Sachet 27 g", "Susu", 2500, company=C, stock=60, packs=(10,))
add("SBK-BAYI", "Bubur Bayi Instan 120 g", "Susu", 12500, company=C, stock=15)
add("SKD-200", "Susu Kedelai 200 ml", "Susu", 4000, company=C, stock=24)

# [SECTION] Minuman (water cartons of 24 and 48)
C = 1501
add("AIR-600", "Air Mineral 600 ml", "Minuman", 3500, min_stock=48, stock=240, company=C, packs=(24,),
    wholesale=(24, 3100), member_off=0.05)
add("AIR-330", "Air Mineral 330 ml", "Minuman", 2500, min_stock=48, stock=192, company=C, packs=(24, 48))
add("AIR-1500", "Air Mineral 1,5 L", "Minuman", 7000, min_stock=12, stock=60, company=C, packs=(12,))
add("AIR-GLS", "Air Mineral Gelas 220 ml", "Minuman", 800, min_stock=48, stock=240, company=C, packs=(48,),
    member_off=0)
add("AIR-GLN", "Isi Ulang Air Galon 19 L", "Minuman", 22000, company=C, no_barcode=True, stock=30, min_stock=5)
add("ISO-500", "Minuman Isotonik 500 ml", "Minuman", 7500, company=C, stock=48, packs=(24,))
add("SODA-390", "Minuman Soda 390 ml", "Minuman", 7000, company=C, stock=24)
add("SODA-1500", "Minuman Soda 1,5 L", "Minuman", 15000, company=C, stock=12)
add("JUS-JBU", "Jus Jambu 250 ml", "Minuman", 5000, company=C, stock=24)
add("JUS-JRK", "Jus Jeruk 250 ml", "Minuman", 5000, company=C, stock=24)
add("ENR-SCT", "Minuman Energi Sachet", "Minuman", 1500, company=C, stock=60, packs=(6,))
add("ENR-BTL", "Minuman Energi Botol 150 ml", "Minuman", 6500, company=C, stock=24)
add("SRP-MLN", "Sirup Rasa Melon 460 ml", "Minuman", 23000, company=C, stock=12)
add("SRP-CPD", "Sirup Rasa Cocopandan 460 ml", "Minuman", 23000, company=C, stock=12)
add("JHE-SCT", "Minuman Jahe Instan Sachet", "Minuman", 2000, company=C, stock=60, packs=(10,))
add("SRB-JRK", "Minuman Serbuk Jeruk Sachet", "Minuman", 1000, company=C, stock=100, packs=(10,), member_off=0)
add("CKL-BTL", "Minuman Cokelat Botol 250 ml", "Minuman", 7000, company=C, stock=24)
add("YGT-BTL", "Minuman Yogurt 200 ml", "Minuman", 8500, company=C, stock=12)

# [SECTION] Makanan kaleng, bumbu, kecap, saus
C = 1601
add("SRD-TMT155", "Sarden Saus Tomat 155 g", "Makanan Kaleng", 11000, company=C, stock=36, packs=(50,))
add("SRD-CBE155", "Sarden Saus Cabai 155 g", "Makanan Kaleng", 11500, company=C, stock=36)
add("SRD-TMT425", "Sarden Saus Tomat 425 g", "Makanan Kaleng", 26000, company=C, stock=24)
add("MKR-425", "Makarel Saus Tomat 425 g", "Makanan Kaleng", 28000, company=C, stock=12)
add("KRN-198", "Kornet Sapi 198 g", "Makanan Kaleng", 26000, company=C, stock=12)
add("TNA-150", "Tuna Kaleng 150 g", "Makanan Kaleng", 18000, company=C, stock=12)
add("BSN-KLG", "Buah Leci Kaleng 565 g", "Makanan Kaleng", 32000, company=C, stock=6)
C = 1602
add("KCP-MNS520", "Kecap Manis Botol 520 ml", "Kecap & Saus", 24000, company=C, stock=24)
add("KCP-MNS220", "Kecap Manis Botol 220 ml", "Kecap & Saus", 10500, company=C, stock=24)
add("KCP-MNS550R", "Kecap Manis Isi Ulang 550 ml", "Kecap & Saus", 21000, company=C, stock=30, packs=(24,))
add("KCP-MNSSCT", "Kecap Manis Sachet 21 ml", "Kecap & Saus", 1000, company=C, stock=60, packs=(12,), member_off=0)
add("KCP-ASN", "Kecap Asin 135 ml", "Kecap & Saus", 9000, company=C, stock=12)
add("KCP-IKN", "Kecap Ikan 150 ml", "Kecap & Saus", 11000, company=C, stock=8)
add("KCP-IGR", "Saus Tiram 133 ml", "Kecap & Saus", 12500, company=C, stock=12)
add("SOS-SMB340", "Saus Sambal Botol 340 ml", "Kecap & Saus", 13000, company=C, stock=24)
add("SOS-SMB135", "Saus Sambal Botol 135 ml", "Kecap & Saus", 7000, company=C, stock=24)
add("SOS-TMT340", "Saus Tomat Botol 340 ml", "Kecap & Saus", 12000, company=C, stock=18)
add("SOS-SMBSCT", "Saus Sambal Sachet 9 g", "Kecap & Saus", 500, company=C, stock=120, packs=(24,), member_off=0)
add("SOS-MYN", "Mayones 200 g", "Kecap & Saus", 15000, company=C, stock=12)
add("SOS-SMBTRS", "Sambal Terasi Botol 140 g", "Kecap & Saus", 16000, company=C, stock=12)
add("CKA-150", "Cuka Makan 150 ml", "Kecap & Saus", 5000, company=C, stock=12)
C = 1603
add("PNY-SCT", "Penyedap Rasa Sachet 9 g", "Bumbu", 500, company=C, stock=200, packs=(12,), member_off=0)
add("PNY-250", "Penyedap Rasa 250 g", "Bumbu", 12000, company=C, stock=20)
add("KLD-AYM", "Kaldu Ayam Bubuk 100 g", "Bumbu", 8000, company=C, stock=24)
add("KLD-SPI", "Kaldu Sapi Bubuk Sachet", "Bumbu", 500, company=C, stock=120, packs=(12,), member_off=0)
for bumbu, price in (("Nasi Goreng", 2500), ("Rendang", 6000), ("Opor", 5000), ("Soto", 5000), ("Rawon", 5500),
                     ("Gulai", 5500), ("Sayur Asem", 3500), ("Ayam Goreng", 4500), ("Semur", 5000), ("Balado", 4500)):
    add(f"BMB-{bumbu.replace(' ', '')[:6].upper()}", f"Bumbu Instan {bumbu}", "Bumbu", price, company=C, stock=24)
add("MRC-SCT", "Merica Bubuk Sachet", "Bumbu", 1000, company=C, stock=72, packs=(12,), member_off=0)
add("KTB-SCT", "Ketumbar Bubuk Sachet", "Bumbu", 1000, company=C, stock=48, packs=(12,), member_off=0)
add("KNY-SCT", "Kunyit Bubuk Sachet", "Bumbu", 1000, company=C, stock=48, member_off=0)
add("STN-65", "Santan Kemasan 65 ml", "Bumbu", 3500, company=C, stock=60)
add("STN-200", "Santan Kemasan 200 ml", "Bumbu", 8000, company=C, stock=24)
add("TRS-BKS", "Terasi Udang Blok", "Bumbu", 2000, company=C, stock=40, member_off=0)
add("ASM-JWA", "Asam Jawa 250 g", "Bumbu", 6000, company=C, stock=12)
add("DUN-SLM", "Daun Salam Kering", "Bumbu", 2000, company=C, stock=20, member_off=0)

# [SECTION] Makanan ringan, roti, beku
C = 1701
for sku, name, price in (("BSK-KLP", "Biskuit Kelapa 250 g", 9000), ("BSK-SSU", "Biskuit Susu 120 g", 6500),
                         ("BSK-MRI", "Biskuit Marie 200 g", 8000), ("BSK-KRK", "Biskuit Kraker 100 g", 5500),
                         ("WFR-CKL", "Wafer Cokelat 110 g", 8500), ("WFR-KJU", "Wafer Keju 110 g", 8500),
                         ("WFR-STK", "Wafer Stik Cokelat", 2000), ("SDW-CKL", "Biskuit Krim Cokelat 130 g", 9500),
                         ("SDW-VNL", "Biskuit Krim Vanila 130 g", 9500), ("KPK-ORI", "Keripik Kentang Original 68 g", 11000),
                         ("KPK-BBQ", "Keripik Kentang Barbeku 68 g", 11000), ("KSG-PDS", "Keripik Singkong Pedas 120 g", 9000),
                         ("KCG-ATM", "Kacang Atom 150 g", 10000), ("KCG-KLT", "Kacang Kulit 200 g", 13000),
                         ("KCG-MDR", "Kacang Madu 80 g", 8000), ("CHK-JGB", "Snak Jagung Bakar 15 g", 1000),
                         ("CHK-KJU", "Snak Keju 15 g", 1000), ("CHK-AYM", "Snak Rasa Ayam 15 g", 1000),
                         ("CHK-RMP", "Snak Rumput Laut 50 g", 6000), ("CHK-TRC", "Snak Tortila 55 g", 8500),
                         ("PRM-MNT", "Permen Mint Stik", 2500), ("PRM-JHE", "Permen Jahe 125 g", 7500),
                         ("PRM-SSU", "Permen Susu 100 g", 8000), ("PRM-KRT", "Permen Karet Stik", 2000),
                         ("CKL-BTG", "Cokelat Batang 35 g", 5500), ("CKL-KCG", "Cokelat Kacang 45 g", 8500),
                         ("JLY-CUP", "Jeli Cup Buah", 1000), ("AGR-BKS", "Agar-agar Bubuk 7 g", 3000),
                         ("PDG-CKL", "Puding Cokelat Instan 145 g", 9500), ("SRL-CKL", "Sereal Cokelat 225 g", 32000)):
    small = price <= 2500
    add(sku, name, "Makanan Ringan", price, company=C, stock=60 if small else 24, member_off=0.03 if price > 1000 else 0,
        packs=(20,) if sku.startswith("CHK-") and small else ())
C = 1702
add("ROT-TWR", "Roti Tawar 370 g", "Roti & Kue", 15000, company=C, stock=10, min_stock=4)
add("ROT-SBK", "Roti Sobek Cokelat", "Roti & Kue", 18000, company=C, stock=8, min_stock=3)
add("ROT-MNS", "Roti Manis Isi Cokelat", "Roti & Kue", 5000, company=C, stock=20)
add("ROT-KJU", "Roti Manis Isi Keju", "Roti & Kue", 5000, company=C, stock=20)
add("ROT-KSM", "Roti Kasur Susu", "Roti & Kue", 12000, company=C, stock=8)
add("KUE-BLU", "Bolu Pandan Potong", "Roti & Kue", 6000, company=C, stock=12)
add("KUE-KLG", "Kue Kering Kaleng Lebaran 650 g", "Roti & Kue", 65000, company=C, stock=0, min_stock=0, active=0)
C = 1703
add("FRZ-NGT", "Nugget Ayam 500 g", "Beku", 45000, company=C, stock=10)
add("FRZ-SSS", "Sosis Ayam 500 g", "Beku", 35000, company=C, stock=10)
add("FRZ-BKS", "Bakso Sapi 500 g", "Beku", 40000, company=C, stock=8)
add("FRZ-KNT", "Kentang Goreng Beku 500 g", "Beku", 28000, company=C, stock=8)
add("FRZ-OTK", "Otak-otak Ikan 500 g", "Beku", 30000, company=C, stock=6)
add("ES-KRM", "Es Krim Cup Cokelat", "Beku", 5000, company=C, stock=24)
add("ES-STK", "Es Krim Stik Vanila", "Beku", 4000, company=C, stock=24)

# [SECTION] Sabun, sampo, pasta gigi, perawatan
C = 1801
for scent in ("Mawar", "Lemon", "Susu", "Antiseptik", "Melati"):
    add(f"SBN-BTG-{scent[:3].upper()}", f"Sabun Mandi Batang {scent} 75 g", "Sabun & Sampo", 4500 if scent != "Antiseptik" else 6500,
        company=C, stock=48, packs=(72,) if scent == "Mawar" else ())
add("SBN-CR450", "Sabun Mandi Cair Isi Ulang 450 ml", "Sabun & Sampo", 25000, company=C, stock=12)
add("SBN-CR250", "Sabun Mandi Cair Botol 250 ml", "Sabun & Sampo", 22000, company=C, stock=12)
add("SBN-BYI", "Sabun Bayi 75 g", "Sabun & Sampo", 5500, company=C, stock=24)
add("SBN-CTG", "Sabun Cuci Tangan Isi Ulang 375 ml", "Sabun & Sampo", 16000, company=C, stock=12)
for kind in ("Hitam Berkilau", "Anti Ketombe", "Lembut Halus"):
    add(f"SMP-SCT-{kind[:3].upper()}", f"Sampo Sachet {kind} 10 ml", "Sabun & Sampo", 1000, company=C, stock=120,
        packs=(12,), member_off=0)
    add(f"SMP-170-{kind[:3].upper()}", f"Sampo {kind} 170 ml", "Sabun & Sampo", 26000 if kind != "Anti Ketombe" else 28000,
        company=C, stock=12)
add("KND-170", "Kondisioner Rambut 170 ml", "Sabun & Sampo", 27000, company=C, stock=6)
add("MNY-RMB", "Minyak Rambut 100 ml", "Sabun & Sampo", 12000, company=C, stock=12)
C = 1802
add("PGG-190", "Pasta Gigi 190 g", "Perawatan Gigi", 15000, company=C, stock=24)
add("PGG-75", "Pasta Gigi 75 g", "Perawatan Gigi", 7500, company=C, stock=36)
add("PGG-HRB", "Pasta Gigi Herbal 150 g", "Perawatan Gigi", 14500, company=C, stock=12)
add("PGG-ANK", "Pasta Gigi Anak 45 g", "Perawatan Gigi", 8000, company=C, stock=12)
add("SKG-DWS", "Sikat Gigi Dewasa", "Perawatan Gigi", 5500, company=C, stock=24)
add("SKG-ANK", "Sikat Gigi Anak", "Perawatan Gigi", 6000, company=C, stock=12)
add("SKG-HMT3", "Sikat Gigi Hemat isi 3", "Perawatan Gigi", 12000, company=C, stock=12)
add("OBK-250", "Obat Kumur 250 ml", "Perawatan Gigi", 22000, company=C, stock=6)
C = 1803
add("PBL-8", "Pembalut Wanita isi 8", "Perawatan Diri", 8500, company=C, stock=24)
add("PBL-16", "Pembalut Wanita Malam isi 16", "Perawatan Diri", 18000, company=C, stock=12)
add("PPK-M20", "Popok Bayi Celana M isi 20", "Perawatan Diri", 58000, company=C, stock=8, margin=0.10)
add("PPK-L18", "Popok Bayi Celana L isi 18", "Perawatan Diri", 58000, company=C, stock=8, margin=0.10)
add("PPK-XL16", "Popok Bayi Celana XL isi 16", "Perawatan Diri", 58000, company=C, stock=6, margin=0.10)
add("TSU-WJH", "Tisu Wajah 250 lembar", "Perawatan Diri", 12000, company=C, stock=24)
add("TSU-GLG4", "Tisu Gulung isi 4", "Perawatan Diri", 12000, company=C, stock=24)
add("TSU-BSH", "Tisu Basah isi 50", "Perawatan Diri", 10000, company=C, stock=12)
add("MKP-60", "Minyak Kayu Putih 60 ml", "Perawatan Diri", 22000, company=C, stock=12)
add("MTL-60", "Minyak Telon 60 ml", "Perawatan Diri", 20000, company=C, stock=12)
add("BDK-BYI", "Bedak Bayi 100 g", "Perawatan Diri", 9000, company=C, stock=12)
add("DEO-ROL", "Deodoran Roll On 50 ml", "Perawatan Diri", 14000, company=C, stock=12)
add("LTN-100", "Losion Tangan dan Badan 100 ml", "Perawatan Diri", 15000, company=C, stock=12)
add("CTB-100", "Cotton Bud isi 100", "Perawatan Diri", 5000, company=C, stock=12)
add("PSC-2", "Pisau Cukur isi 2", "Perawatan Diri", 7500, upca=True, company=71234, stock=12)
add("SSR-PRM", "Sisir Rambut", "Perawatan Diri", 5000, company=C, stock=12)
add("BLS-20", "Balsem Gosok 20 g", "Kesehatan", 8000, company=C, stock=12)
add("OMA-SCT", "Jamu Masuk Angin Sachet", "Kesehatan", 3500, company=C, stock=60, packs=(12,))
add("PLS-10", "Plester Luka isi 10", "Kesehatan", 4000, company=C, stock=12)
add("MSK-5", "Masker Kain Medis isi 5", "Kesehatan", 5000, company=C, stock=20)
add("KYU-PTH", "Koyo Hangat isi 10", "Kesehatan", 9000, company=C, stock=12)

# [SECTION] Sabun cuci, deterjen, kebersihan rumah
C = 1901
add("SCP-780R", "Sabun Cuci Piring Isi Ulang 780 ml", "Sabun Cuci", 15000, company=C, stock=24)
add("SCP-400", "Sabun Cuci Piring Botol 400 ml", "Sabun Cuci", 12000, company=C, stock=12)
add("SCP-SCT", "Sabun Cuci Piring Sachet 23 ml", "Sabun Cuci", 500, company=C, stock=120, packs=(24,), member_off=0)
add("SCP-CLK", "Sabun Colek 500 g", "Sabun Cuci", 7500, company=C, stock=24)
add("SCB-BTG", "Sabun Cuci Batang 250 g", "Sabun Cuci", 8000, company=C, stock=24)
add("DTJ-800", "Deterjen Bubuk 800 g", "Deterjen", 22000, company=C, stock=24)
add("DTJ-1800", "Deterjen Bubuk 1,8 kg", "Deterjen", 45000, company=C, stock=12)
add("DTJ-SCT", "Deterjen Bubuk Sachet 40 g", "Deterjen", 1000, company=C, stock=120, packs=(12,), member_off=0)
add("DTJ-CR750", "Deterjen Cair Isi Ulang 750 ml", "Deterjen", 20000, company=C, stock=12)
add("DTJ-MTK", "Deterjen Mesin Cuci Bukaan Depan 800 g", "Deterjen", 32000, company=C, stock=6)
add("PWG-800", "Pelembut dan Pewangi Pakaian 800 ml", "Deterjen", 15000, company=C, stock=12)
add("PWG-SCT", "Pewangi Pakaian Sachet 21 ml", "Deterjen", 500, company=C, stock=120, packs=(12,), member_off=0)
add("PMT-500", "Pemutih Pakaian 500 ml", "Deterjen", 8000, company=C, stock=12)
add("PLC-SCT", "Pelicin Pakaian Isi Ulang 400 ml", "Deterjen", 9500, company=C, stock=12)
C = 1902
add("PBL-LNT", "Pembersih Lantai 800 ml", "Kebersihan Rumah", 14000, company=C, stock=12)
add("KRB-700", "Karbol Wangi 700 ml", "Kebersihan Rumah", 12000, company=C, stock=12)
add("PKM-KMD", "Pembersih Kamar Mandi 800 ml", "Kebersihan Rumah", 14000, company=C, stock=8)
add("PKC-BTL", "Pembersih Kaca 425 ml", "Kebersihan Rumah", 13000, company=C, stock=6)
add("KMP-BOLA", "Kamper Bola isi 6", "Kebersihan Rumah", 6000, company=C, stock=12)
add("ONB-10", "Obat Nyamuk Bakar isi 10", "Kebersihan Rumah", 6500, company=C, stock=24)
add("ONS-600", "Obat Nyamuk Semprot 600 ml", "Kebersihan Rumah", 38000, company=C, stock=6)
add("ONL-SCT", "Losion Anti Nyamuk Sachet", "Kebersihan Rumah", 1000, company=C, stock=60, packs=(12,), member_off=0)
add("ONE-ELK", "Obat Nyamuk Elektrik Isi Ulang", "Kebersihan Rumah", 18000, company=C, stock=6)
add("SPN-CUC", "Spons Cuci Piring isi 3", "Kebersihan Rumah", 6000, company=C, stock=12)
add("SBT-KWT", "Sabut Kawat", "Kebersihan Rumah", 2500, company=C, stock=12)
add("SPU-IJK", "Sapu Ijuk", "Kebersihan Rumah", 25000, company=C, stock=5)
add("KPL-PEL", "Alat Pel Lantai", "Kebersihan Rumah", 35000, company=C, stock=4)
add("KTG-SMP", "Kantong Sampah Hitam isi 10", "Kebersihan Rumah", 8000, company=C, stock=12)
add("PLK-KRS", "Kantong Plastik Kresek isi 50", "Kebersihan Rumah", 10000, company=C, stock=12)
add("PLK-KLP", "Plastik Klip Kecil isi 100", "Kebersihan Rumah", 6000, company=C, stock=6)
add("LLN-PTH", "Lilin Putih isi 5", "Kebersihan Rumah", 6000, company=C, stock=12)
add("KRK-GAS", "Korek Api Gas", "Kebersihan Rumah", 3000, company=C, stock=30, member_off=0)
add("KRK-KYU", "Korek Api Kayu isi 10", "Kebersihan Rumah", 3500, company=C, stock=20, member_off=0)
add("BTR-AA2", "Baterai AA isi 2", "Kebersihan Rumah", 9000, upca=True, company=71235, stock=24)
add("BTR-AAA2", "Baterai AAA isi 2", "Kebersihan Rumah", 9000, upca=True, company=71235, stock=12)
add("LMP-LED9", "Lampu LED 9 Watt", "Kebersihan Rumah", 22000, upca=True, company=71236, stock=8)
add("LMP-LED13", "Lampu LED 13 Watt", "Kebersihan Rumah", 27000, upca=True, company=71236, stock=6)

# [SECTION] Rokok (PPN is collected by the manufacturer: not taxed at the till)
C = 2001
for sku, name, price in (("KRF12", "Rokok Kretek Filter 12 batang", 28000), ("KRF16", "Rokok Kretek Filter 16 batang", 35000),
                         ("MLD16", "Rokok Mild 16 batang", 34000), ("KRT12", "Rokok Kretek Tangan 12 batang", 22000),
                         ("PTH20", "Rokok Putih 20 batang", 38000)):
    add(f"RKK-{sku}", name, "Rokok", price, taxable=0, company=C, stock=50, min_stock=20, margin=0.06, member_off=0,
        packs=(10,))
add("RKK-KRT10", "Rokok Kretek Tanpa Filter 10 batang", "Rokok", 16000, taxable=0, company=C, stock=30, margin=0.06,
    member_off=0)

# [SECTION] LPG and refills: sold by SKU, no barcode
add("LPG-3", "Isi Ulang LPG 3 kg", "Gas & Air", 22000, company=None, no_barcode=True, stock=40, min_stock=10,
    margin=0.10, member_off=0.045)
add("LPG-55", "Isi Ulang LPG 5,5 kg", "Gas & Air", 100000, company=None, no_barcode=True, stock=10, min_stock=3,
    margin=0.08)
add("LPG-12", "Isi Ulang LPG 12 kg", "Gas & Air", 200000, company=None, no_barcode=True, stock=6, min_stock=2, margin=0.08)

# [SECTION] Alat tulis
C = 2101
add("BKT-38", "Buku Tulis 38 lembar", "Alat Tulis", 4000, company=C, stock=100, packs=(10,), wholesale=(10, 3600))
add("BKT-58", "Buku Tulis 58 lembar", "Alat Tulis", 5500, company=C, stock=60, packs=(10,), wholesale=(10, 5000))
add("BKT-BGR", "Buku Gambar A4", "Alat Tulis", 5000, company=C, stock=30)
add("BKT-FLO", "Buku Folio Bergaris 100 lembar", "Alat Tulis", 15000, company=C, stock=12)
add("PLP-HTM", "Pulpen Hitam", "Alat Tulis", 3000, company=C, stock=60, packs=(12,))
add("PLP-BRU", "Pulpen Biru", "Alat Tulis", 3000, company=C, stock=60, packs=(12,))
add("PLP-MRH", "Pulpen Merah", "Alat Tulis", 3000, company=C, stock=24)
add("PSL-2B", "Pensil 2B", "Alat Tulis", 3500, company=C, stock=60, packs=(12,))
add("PNG-HPS", "Penghapus Pensil", "Alat Tulis", 2000, company=C, stock=30)
add("RTN-PSL", "Rautan Pensil", "Alat Tulis", 2500, company=C, stock=30)
add("PGR-30", "Penggaris 30 cm", "Alat Tulis", 3000, company=C, stock=20)
add("SPD-PMN", "Spidol Permanen Hitam", "Alat Tulis", 8000, company=C, stock=12)
add("SPD-PPN", "Spidol Papan Tulis Hitam", "Alat Tulis", 9000, company=C, stock=12)
add("LEM-KRT", "Lem Kertas Stik", "Alat Tulis", 3500, company=C, stock=20)
add("ISL-BNG", "Isolasi Bening 1 inci", "Alat Tulis", 5000, company=C, stock=20)
add("ISL-LKB", "Lakban Cokelat 2 inci", "Alat Tulis", 12000, company=C, stock=12)
add("AMP-PTH", "Amplop Putih isi 10", "Alat Tulis", 4000, company=C, stock=30)
add("HVS-A4", "Kertas HVS A4 70 gram 1 rim", "Alat Tulis", 55000, company=C, stock=10, margin=0.10)
add("HVS-F4", "Kertas HVS F4 70 gram 1 rim", "Alat Tulis", 60000, company=C, stock=6, margin=0.10)
add("MAP-PLS", "Map Plastik Kancing", "Alat Tulis", 2500, company=C, stock=30)
add("STP-10", "Stapler Kecil No. 10", "Alat Tulis", 15000, company=C, stock=6)
add("STP-ISI", "Isi Stapler No. 10", "Alat Tulis", 3000, company=C, stock=24)
add("KRT-KRK", "Cairan Koreksi", "Alat Tulis", 6000, company=C, stock=12)
add("KLK-12", "Kalkulator 12 Digit", "Alat Tulis", 45000, upca=True, company=71237, stock=4)
add("GNT-10", "Gunting Kertas", "Alat Tulis", 8000, company=C, stock=8)
add("CRY-12", "Krayon isi 12", "Alat Tulis", 15000, company=C, stock=8)
add("SPD-WRN", "Spidol Warna isi 12", "Alat Tulis", 18000, company=C, stock=6)
# Small packs with manufacturer EAN-8 codes
add("PRM-KPI", "Permen Kopi Bungkus Kecil", "Makanan Ringan", 500, ean8="899", stock=200, member_off=0)
add("PRM-ASM", "Permen Asam Bungkus Kecil", "Makanan Ringan", 500, ean8="899", stock=200, member_off=0)
add("PLP-GEL", "Pulpen Gel Hitam", "Alat Tulis", 5000, ean8="899", stock=24)
add("PSL-WRN", "Pensil Warna isi 12", "Alat Tulis", 20000, ean8="899", stock=6)

# [SECTION] Member-made goods on consignment (titip jual): in-store EAN-8 starting 2
for sku, name, category, price, stock in (
        ("TJ-KSB", "Keripik Singkong Balado 200 g", "Titipan Anggota", 12000, 20),
        ("TJ-KPS", "Keripik Pisang Manis 200 g", "Titipan Anggota", 12000, 20),
        ("TJ-KTP", "Keripik Tempe 150 g", "Titipan Anggota", 10000, 20),
        ("TJ-RPK", "Rempeyek Kacang 150 g", "Titipan Anggota", 10000, 20),
        ("TJ-RPT", "Rempeyek Teri 150 g", "Titipan Anggota", 12000, 15),
        ("TJ-KRI", "Kerupuk Ikan Mentah 250 g", "Titipan Anggota", 15000, 15),
        ("TJ-KRU", "Kerupuk Udang Mentah 250 g", "Titipan Anggota", 18000, 10),
        ("TJ-DDL", "Dodol Ketan 250 g", "Titipan Anggota", 18000, 10),
        ("TJ-NST", "Kue Kering Nastar 250 g", "Titipan Anggota", 45000, 8),
        ("TJ-PSJ", "Kue Kering Putri Salju 250 g", "Titipan Anggota", 40000, 8),
        ("TJ-SMB", "Sambal Bawang Botol 150 ml", "Titipan Anggota", 20000, 12),
        ("TJ-ABN", "Abon Ayam 100 g", "Titipan Anggota", 25000, 10),
        ("TJ-MDU", "Madu Hutan 250 ml", "Titipan Anggota", 65000, 6),
        ("TJ-GSA", "Gula Semut Aren 250 g", "Titipan Anggota", 20000, 10),
        ("TJ-KBR", "Kopi Robusta Bubuk Lokal 250 g", "Titipan Anggota", 30000, 10),
        ("TJ-TMP", "Tempe Papan", "Titipan Anggota", 5000, 20),
        ("TJ-TAH", "Tahu Putih isi 10", "Titipan Anggota", 6000, 20),
        ("TJ-KUE", "Kue Basah Aneka (per potong)", "Titipan Anggota", 2000, 40),
        ("TJ-TAS", "Tas Anyaman Pandan", "Kerajinan Anggota", 75000, 5),
        ("TJ-TKR", "Tikar Anyaman Pandan", "Kerajinan Anggota", 120000, 3),
        ("TJ-KRJ", "Keranjang Rotan Kecil", "Kerajinan Anggota", 35000, 5),
        ("TJ-TTS", "Tempat Tisu Anyaman", "Kerajinan Anggota", 30000, 5),
        ("TJ-BTK", "Kain Batik Tulis Lokal", "Kerajinan Anggota", 250000, 2)):
    add(sku, name, category, price, ean8="2", stock=stock, min_stock=2, consignment=1, member_off=0, margin=0.15)

# [SECTION] Weighed goods: SKU = scale-label item code (prefix 20 = weight in grams)
for n, (name, category, per_kg, taxable, stock_kg) in enumerate((
        ("Telur Ayam Ras", "Sembako", 30000, 0, 40),
        ("Gula Pasir Curah", "Sembako", 18000, 0, 50),
        ("Beras Curah Medium", "Sembako", 13500, 0, 100),
        ("Beras Curah Premium", "Sembako", 15000, 0, 80),
        ("Tepung Terigu Curah", "Tepung", 12000, 1, 25),
        ("Bawang Merah", "Sayur & Bumbu Segar", 45000, 0, 10),
        ("Bawang Putih", "Sayur & Bumbu Segar", 42000, 0, 10),
        ("Cabai Merah Keriting", "Sayur & Bumbu Segar", 55000, 0, 5),
        ("Cabai Rawit Merah", "Sayur & Bumbu Segar", 70000, 0, 4),
        ("Tomat", "Sayur & Bumbu Segar", 14000, 0, 8),
        ("Kentang", "Sayur & Bumbu Segar", 20000, 0, 15),
        ("Wortel", "Sayur & Bumbu Segar", 15000, 0, 10),
        ("Jahe", "Sayur & Bumbu Segar", 30000, 0, 3),
        ("Kunyit", "Sayur & Bumbu Segar", 20000, 0, 3),
        ("Kemiri", "Sayur & Bumbu Segar", 60000, 0, 3),
        ("Kacang Tanah", "Sembako", 38000, 0, 10),
        ("Kacang Hijau", "Sembako", 28000, 0, 10),
        ("Kedelai", "Sembako", 14000, 0, 15),
        ("Gula Merah Kelapa", "Sembako", 28000, 0, 8),
        ("Ikan Asin Teri Medan", "Lauk", 120000, 0, 3),
        ("Ikan Asin Jambal", "Lauk", 110000, 0, 3)), start=1):
    add(f"20{n:05d}", name, category, per_kg, unit="kg", weighed=1, taxable=taxable, min_stock=stock_kg * 200,
        stock=stock_kg * 1000, margin=0.10, member_off=0.03)
# Prefix 25: price labels printed by the scale (the label carries the amount to pay)
add("2500001", "Daging Ayam Potong", "Lauk", 38000, unit="kg", weighed=1, taxable=0, min_stock=3000, stock=15000,
    margin=0.12, member_off=0.03)
add("2500002", "Daging Sapi Segar", "Lauk", 140000, unit="kg", weighed=1, taxable=0, min_stock=2000, stock=8000,
    margin=0.10, member_off=0.02)

HEADER = ["sku", "name", "unit", "category", "weighed", "price", "member_price", "wholesale_min_qty", "wholesale_price",
          "cost", "taxable", "min_stock", "active", "barcodes", "stock", "consignment"]

# [SECTION] Members: an employee cooperative of a factory
FIRST = ["Siti", "Budi", "Sri", "Agus", "Dewi", "Joko", "Rina", "Andi", "Yuni", "Hendra", "Wulan", "Bambang", "Ratna",
         "Eko", "Lestari", "Slamet", "Fitri", "Dedi", "Nur", "Rudi", "Endang", "Teguh", "Indah", "Wahyu", "Ayu", "Sugeng",
         "Mega", "Arief", "Nining", "Yusuf", "Rahmawati", "Dimas", "Sulastri", "Fajar", "Ani", "Heru", "Puji", "Irfan",
         "Tri", "Asep", "Euis", "Ujang", "Kartini", "Made", "Nyoman", "Putu", "Ketut", "Ahmad", "Fatimah", "Rizky",
         "Dwi", "Hadi", "Ratih", "Yanto", "Suparmi", "Gilang", "Nanda", "Tatang", "Cecep", "Maya"]
LAST = ["Rahayu", "Santoso", "Wahyuni", "Setiawan", "Lestari", "Susilo", "Marlina", "Pratama", "Kurniasih", "Gunawan",
        "Sari", "Sutrisno", "Handayani", "Prasetyo", "Wulandari", "Riyadi", "Anggraini", "Hermawan", "Hasanah",
        "Hartono", "Suryani", "Nugroho", "Permata", "Saputra", "Puspita", "Widodo", "Utami", "Hidayat", "Kusuma",
        "Maulana", "Damayanti", "Firmansyah", "Ningsih", "Ramadhan", "Suryadi", "Purnomo", "Astuti", "Fauzi",
        "Handoko", "Sunarya", "Komalasari", "Supriatna", "Dewi", "Wirawan", "Sudarma", "Arsana", "Wiguna", "Fauzan",
        "Zahra", "Ananda", "Cahyono", "Kusnadi", "Pertiwi", "Mulyono", "Sukaesih", "Ramadhani", "Safitri", "Suherman",
        "Hidayatullah", "Anjani"]
UNITS = ["Produksi"] * 8 + ["Gudang"] * 3 + ["Administrasi"] * 2 + ["Keuangan", "Satpam", "Satpam", "Pemeliharaan",
                                                                       "Pengiriman", "Kebersihan"]
AS_OF = (2026, 1)   # wajib is paid monthly up to and including December 2025


def members():
    rnd = random.Random(2026)
    rows = []
    for i in range(60):
        n = i + 1
        year = rnd.choice([2012, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2025])
        month = rnd.randint(1, 12)
        day = rnd.randint(1, 28)
        months = (AS_OF[0] - year) * 12 + (AS_OF[1] - month)
        status = "active"
        left_on = ""
        pokok, wajib = 100000, 50000 * max(months, 1)
        sukarela = rnd.choice([0, 0, 0, 50000, 100000, 250000, 500000, 750000, 1000000, 2500000])
        credit_limit = ""
        if n == 57:
            status = "inactive"      # on long leave: keeps savings, no credit
        if n == 60:
            status = "left"          # left and settled: nothing locked any more
            left_on = "2025-09-30"
            year, month = 2016, 3
            pokok = wajib = sukarela = 0
        if n in (7, 23):
            credit_limit = 500000    # the board lowered the limit
        if n == 12:
            credit_limit = 3000000   # the board raised it
        phone = f"08{rnd.choice([12, 13, 21, 22, 52, 53, 57, 77, 78, 81, 95])}-{rnd.randint(1000, 9999)}-{rnd.randint(1000, 9999)}"
        rows.append({
            "number": f"A-{n:04d}", "name": f"{FIRST[i]} {LAST[i]}", "card_code": f"M{n:04d}",
            "work_unit": UNITS[i % len(UNITS)], "phone": phone, "status": status,
            "joined_on": f"{year:04d}-{month:02d}-{day:02d}", "pokok": pokok, "wajib": wajib, "sukarela": sukarela,
            "credit_limit": credit_limit, "left_on": left_on,
        })
    return rows


MEMBER_HEADER = ["number", "name", "card_code", "work_unit", "phone", "status", "joined_on", "pokok", "wajib", "sukarela",
                 "credit_limit", "left_on"]


def write(path, header, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=header, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


if __name__ == "__main__":
    skus = [i["sku"] for i in items]
    assert len(skus) == len(set(skus)), "duplicate SKU"
    write(os.path.join(OUT, "items.csv"), HEADER, items)
    write(os.path.join(OUT, "members.csv"), MEMBER_HEADER, members())
    print(f"{len(items)} items, 60 members written to {OUT}")
