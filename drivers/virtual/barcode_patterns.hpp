// Bar patterns of the 1D symbologies a receipt printer draws (GS k), written from the symbology
// specifications: EAN-13/UPC-A, EAN-8, UPC-E, CODE39, ITF, CODABAR, CODE93, CODE128.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace waserda::drivers {

enum class Symbology { UpcA, UpcE, Ean13, Ean8, Code39, Itf, Codabar, Code93, Code128, Gs1_128 };

struct BarPattern {
    std::string name;           // "EAN13": the marker of the text output
    std::string text;           // what the symbol holds, as people read it (HRI)
    // Element widths, alternating bar, space, bar... starting with a bar. In modules for the
    // module-based codes; 1 = narrow, 2 = wide when two_widths is set (CODE39, ITF, CODABAR).
    std::vector<uint8_t> runs;
    bool two_widths = false;
};

std::string_view symbology_name(Symbology s);

// The pattern of data as a printer receives it in GS k (CODE128 with its {A/{B/{C code-set
// prefixes and binary values in set C). nullopt when the data cannot be drawn; the name and data
// still make a marker then.
std::optional<BarPattern> bar_pattern(Symbology s, std::string_view data);

}  // namespace waserda::drivers
