#include "drivers/transport/device_files.hpp"

#include "pos/core/i18n.hpp"

#include <algorithm>
#include <filesystem>
#include <system_error>
#include <unistd.h>

namespace waserda::drivers {

namespace fs = std::filesystem;

std::vector<DeviceFileInfo> list_device_files(const std::string& dev_root) {
    std::vector<DeviceFileInfo> out;
    auto scan = [&](const fs::path& dir, const std::string& prefix, const std::string& kind) {
        std::error_code ec;
        for (const auto& entry : fs::directory_iterator(dir, ec)) {
            const std::string name = entry.path().filename().string();
            if (name.rfind(prefix, 0) != 0) continue;
            DeviceFileInfo info;
            info.path = entry.path().string();
            info.kind = kind;
            info.usable = ::access(info.path.c_str(), R_OK | W_OK) == 0;
            if (!info.usable)
                info.problem = kind == "printer"
                    ? core::tr("Tidak ada izin membuka printer. Pasang aturan udev Waserda lalu cabut-colok printer.")
                    : core::tr("Tidak ada izin membuka pemindai. Pasang aturan udev Waserda lalu cabut-colok pemindai.");
            out.push_back(std::move(info));
        }
    };
    scan(fs::path(dev_root) / "usb", "lp", "printer");
    scan(fs::path(dev_root), "ttyACM", "scanner-serial");
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
    return out;
}

}  // namespace waserda::drivers
