// packaging/udev/60-waserda-pos.rules: well formed, and in step with the devices the code knows.
#include "drivers/usb/usb_devices.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

using namespace waserda::drivers::usb;

namespace {

std::vector<std::string> rule_lines() {
    std::ifstream in(std::string(WASERDA_SOURCE_DIR) + "/packaging/udev/60-waserda-pos.rules");
    std::vector<std::string> lines;
    for (std::string l; std::getline(in, l);)
        if (!l.empty() && l[0] != '#') lines.push_back(l);
    return lines;
}

TEST(UdevRules, EveryGotoHasItsLabel) {
    const auto lines = rule_lines();
    ASSERT_FALSE(lines.empty());
    std::set<std::string> gotos, labels;
    const std::regex go(R"(GOTO="([^"]+)\")"), label(R"(^LABEL="([^"]+)\")");
    for (const auto& l : lines) {
        std::smatch m;
        if (std::regex_search(l, m, go)) gotos.insert(m[1]);
        if (std::regex_search(l, m, label)) labels.insert(m[1]);
    }
    for (const auto& g : gotos) EXPECT_TRUE(labels.count(g)) << g;
}

TEST(UdevRules, GrantsTheWaserdaGroupThePrinterClassTheKnownIdsAndTheDeviceFiles) {
    const auto lines = rule_lines();
    auto has = [&](const std::string& needle) {
        for (const auto& l : lines)
            if (l.find(needle) != std::string::npos && l.find("GROUP=\"waserda\"") != std::string::npos) return true;
        return false;
    };
    EXPECT_TRUE(has(R"(ENV{ID_USB_INTERFACES}=="*:07????:*")"));
    EXPECT_TRUE(has(R"(ATTR{idVendor}=="04b8")"));
    for (const char* id : {"0416:5011", "0483:5743", "28e9:0289", "1fc9:2016"}) {
        const auto vp = parse_vid_pid(id);
        ASSERT_TRUE(vp);
        EXPECT_TRUE(is_known_printer(*vp)) << id;
        const std::string s(id);
        EXPECT_TRUE(has("ATTR{idVendor}==\"" + s.substr(0, 4) + "\", ATTR{idProduct}==\"" + s.substr(5) + "\"")) << id;
    }
    for (const char* vid : {"0c2e", "05e0", "05f9", "1eab"}) {
        EXPECT_TRUE(is_scanner_vendor(static_cast<uint16_t>(std::stoul(vid, nullptr, 16)))) << vid;
        EXPECT_TRUE(has(std::string("ATTR{idVendor}==\"") + vid + "\"")) << vid;
        EXPECT_TRUE(has(std::string("ATTRS{idVendor}==\"") + vid + "\"")) << vid;  // its ttyACM
    }
    EXPECT_TRUE(has(R"(KERNEL=="lp[0-9]*")"));
}

}  // namespace
