// ui_seed_shop DB [QUICKKEYS.json]: the UI tests' shop, for trying the till by hand.
#include "tests/ui/ui_shop.hpp"

#include <cstdio>

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: ui_seed_shop DB [QUICKKEYS.json]\n");
        return 2;
    }
    auto codes = waserda::ui_test::seed_ui_shop(argv[1], argc > 2 ? argv[2] : "");
    for (auto& c : codes.barcodes) std::printf("%s\n", c.c_str());
    std::printf("carton %s\nweighed %s\n", codes.noodles_carton.c_str(), codes.eggs_label_1250g.c_str());
    return 0;
}
