// Printers and scanners the kernel already turned into device files: /dev/usb/lp* (usblp) and
// /dev/ttyACM* (cdc_acm). Listed by `waserda devices` next to what libusb sees.
#pragma once

#include <string>
#include <vector>

namespace waserda::drivers {

struct DeviceFileInfo {
    std::string path;
    std::string kind;      // "printer" or "scanner-serial"
    bool usable = false;   // this user may read and write it
    std::string problem;   // the sentence when not usable
};

// `dev_root` is "/dev" except in tests.
std::vector<DeviceFileInfo> list_device_files(const std::string& dev_root = "/dev");

}  // namespace waserda::drivers
