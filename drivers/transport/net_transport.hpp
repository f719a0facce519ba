// A network receipt printer: raw TCP on port 9100 (what Epson, Xprinter and most LAN printers
// accept). One connection per operation, so a printer that drops idle connections or is power
// cycled between sales just works; connect and I/O both have timeouts.
#pragma once

#include "drivers/transport/transport.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace waserda::drivers {

struct NetworkPrinterOptions {
    std::string host;
    uint16_t port = 9100;
    std::chrono::milliseconds connect_timeout{3000};
    std::chrono::milliseconds io_timeout{5000};
    std::chrono::milliseconds status_timeout{500};
    std::chrono::milliseconds drain_timeout{10};
    bool drawer_open_when_high = false;
};

// "192.168.1.50:9100", "printer.lan" (port 9100), "[fe80::1]:9100".
std::optional<std::pair<std::string, uint16_t>> parse_host_port(std::string_view text, uint16_t default_port = 9100);

class NetworkPrinterTransport final : public PrinterTransport {
public:
    explicit NetworkPrinterTransport(NetworkPrinterOptions options);

    core::Status write(std::span<const uint8_t> bytes) override;
    core::Result<PrinterStatus> query_status() override;
    std::string describe() const override;

private:
    core::Result<int> connect_socket() const;
    core::Error network_error(int err) const;

    NetworkPrinterOptions options_;
};

}  // namespace waserda::drivers
