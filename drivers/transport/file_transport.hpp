// A printer reached through a device file (/dev/usb/lp0 from the kernel's usblp, a serial port)
// or a plain file (`waserda print-test --out receipt.bin`, to look at the bytes).
#pragma once

#include "drivers/transport/transport.hpp"

#include <chrono>
#include <string>

namespace waserda::drivers {

enum class FileMode {
    Device,    // must exist; written as is
    Append,    // a file collecting every job
    Truncate,  // a file holding the last job only
};

struct FilePrinterOptions {
    std::string path = "/dev/usb/lp0";
    FileMode mode = FileMode::Device;
    // usblp answers DLE EOT through read() on bidirectional printers; off by default because a
    // unidirectional one would make every query wait for the timeout.
    bool read_status = false;
    std::chrono::milliseconds io_timeout{5000};
    std::chrono::milliseconds status_timeout{500};
    bool drawer_open_when_high = false;
};

class FilePrinterTransport final : public PrinterTransport {
public:
    explicit FilePrinterTransport(FilePrinterOptions options);

    core::Status write(std::span<const uint8_t> bytes) override;
    core::Result<PrinterStatus> query_status() override;
    bool supports_status() const override { return options_.read_status && options_.mode == FileMode::Device; }
    std::string describe() const override;

private:
    core::Error file_error(int err) const;
    FilePrinterOptions options_;
};

}  // namespace waserda::drivers
