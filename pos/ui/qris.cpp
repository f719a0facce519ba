#include "pos/ui/qris.hpp"

#include <fmt/format.h>
#include <qrencode.h>

#include <map>

namespace waserda::ui {

std::string qris_crc(std::string_view data) {
    uint16_t crc = 0xFFFF;
    for (unsigned char c : data) {
        crc ^= uint16_t(c) << 8;
        for (int i = 0; i < 8; ++i) crc = (crc & 0x8000) ? uint16_t((crc << 1) ^ 0x1021) : uint16_t(crc << 1);
    }
    return fmt::format("{:04X}", crc);
}

namespace {

std::string tlv(std::string_view tag, std::string_view value) {
    return fmt::format("{}{:02}{}", tag, value.size(), value);
}

// Top-level TLVs in order; nothing when the text is not well formed.
bool parse_tlv(const std::string& s, std::vector<std::pair<std::string, std::string>>& out) {
    size_t i = 0;
    while (i < s.size()) {
        if (i + 4 > s.size()) return false;
        std::string tag = s.substr(i, 2);
        int len = 0;
        for (int k = 2; k < 4; ++k) {
            char c = s[i + k];
            if (c < '0' || c > '9') return false;
            len = len * 10 + (c - '0');
        }
        if (i + 4 + len > s.size()) return false;
        out.emplace_back(tag, s.substr(i + 4, len));
        i += 4 + len;
    }
    return true;
}

}  // namespace

std::string make_dynamic_qris(const std::string& static_payload, core::Money amount, const std::string& merchant) {
    std::vector<std::pair<std::string, std::string>> fields;
    if (static_payload.empty() || !parse_tlv(static_payload, fields)) {
        fields.clear();
        fields.emplace_back("00", "01");
        fields.emplace_back("01", "11");
        fields.emplace_back("26", tlv("00", "ID.CO.QRIS.WWW") + tlv("01", "936000000000000000") +
                                      tlv("02", "WASERDA-DEMO") + tlv("03", "UMI"));
        fields.emplace_back("52", "5411");
        fields.emplace_back("53", "360");
        fields.emplace_back("58", "ID");
        fields.emplace_back("59", merchant.substr(0, 25));
        fields.emplace_back("60", "JAKARTA");
    }
    std::string out;
    bool amount_written = false;
    for (auto& [tag, value] : fields) {
        if (tag == "54" || tag == "63") continue;
        if (!amount_written && tag > "54") {
            out += tlv("54", fmt::format("{}", amount.rupiah()));
            amount_written = true;
        }
        out += tlv(tag, tag == "01" ? std::string("12") : value);
    }
    if (!amount_written) out += tlv("54", fmt::format("{}", amount.rupiah()));
    out += "6304";
    return out + qris_crc(out);
}

QrMatrix encode_qr(const std::string& text) {
    QrMatrix m;
    QRcode* code = QRcode_encodeString8bit(text.c_str(), 0, QR_ECLEVEL_M);
    if (!code) return m;
    m.width = code->width;
    m.dark.resize(size_t(code->width) * code->width);
    for (size_t i = 0; i < m.dark.size(); ++i) m.dark[i] = code->data[i] & 1;
    QRcode_free(code);
    return m;
}

void draw_qr(const QrMatrix& qr, float side) {
    ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, ImVec2(p.x + side, p.y + side), IM_COL32_WHITE);
    if (qr.ok()) {
        const int quiet = 4;
        // Whole pixels per module keep every module the same size, which phone cameras need.
        float module = float(int(side / float(qr.width + 2 * quiet)));
        if (module < 1) module = side / float(qr.width + 2 * quiet);
        float off = (side - module * qr.width) / 2;
        for (int y = 0; y < qr.width; ++y) {
            for (int x = 0; x < qr.width; ++x) {
                if (!qr.dark[size_t(y) * qr.width + x]) continue;
                ImVec2 a(p.x + off + x * module, p.y + off + y * module);
                dl->AddRectFilled(a, ImVec2(a.x + module, a.y + module), IM_COL32_BLACK);
            }
        }
    }
    ImGui::Dummy(ImVec2(side, side));
}

}  // namespace waserda::ui
