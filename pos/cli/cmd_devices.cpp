// `waserda devices` and `waserda print-test`: setting up a till's printer and scanners.
#include "pos/cli/commands.hpp"

#include "drivers/transport/device_files.hpp"
#include "drivers/transport/file_transport.hpp"
#include "drivers/transport/net_transport.hpp"
#include "drivers/usb/usb_devices.hpp"
#include "drivers/usb/usb_printer.hpp"
#include "pos/core/i18n.hpp"

#if __has_include("drivers/receipt/receipt.hpp")
#include "drivers/receipt/receipt.hpp"
#define WASERDA_HAVE_RECEIPT 1
#endif

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>
#include <memory>

namespace waserda::cli {

namespace {

using core::tr;
namespace usb = drivers::usb;

std::string hex_endpoint(uint8_t address) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "0x%02x", address);
    return buf;
}

std::string endpoints_text(const usb::UsbDeviceInfo& d) {
    std::string out;
    for (const auto& e : d.endpoints) {
        if (!out.empty()) out += ", ";
        out += std::string((e.address & 0x80) ? "IN " : "OUT ") + hex_endpoint(e.address) + " " + e.type;
    }
    return out.empty() ? "-" : out;
}

std::string state_text(const usb::UsbDeviceInfo& d) {
    if (!d.can_open) return d.problem;
    if (d.kernel_driver_active) return tr("siap (driver kernel aktif, dilepas saat dipakai)");
    return tr("siap");
}

// [SECTION] devices

int run_devices(bool json, bool no_probe) {
    std::vector<usb::UsbDeviceInfo> found;
    std::string usb_problem;
    if (auto ctx = usb::UsbContext::create()) {
        usb::ListOptions lo;
        lo.probe = !no_probe;
        if (auto list = usb::list_usb_devices(**ctx, lo)) found = std::move(*list);
        else usb_problem = list.error().message;
    } else {
        usb_problem = ctx.error().message;
    }
    const auto files = drivers::list_device_files();

    if (json) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& d : found) {
            nlohmann::json eps = nlohmann::json::array();
            for (const auto& e : d.endpoints)
                eps.push_back({{"address", e.address}, {"type", e.type}, {"max_packet", e.max_packet}});
            out.push_back({{"bus", "usb"}, {"id", usb::to_string(d.id)}, {"kind", usb::kind_name(d.kind)},
                           {"usb_bus", d.bus}, {"address", d.address}, {"interface", d.interface_number},
                           {"endpoints", eps}, {"manufacturer", d.manufacturer}, {"product", d.product},
                           {"serial", d.serial}, {"kernel_driver_active", d.kernel_driver_active},
                           {"can_open", d.can_open}, {"problem", d.problem}});
        }
        for (const auto& f : files)
            out.push_back({{"bus", "file"}, {"path", f.path}, {"kind", f.kind}, {"can_open", f.usable},
                           {"problem", f.problem}});
        std::cout << out.dump(2) << "\n";
        return usb_problem.empty() ? 0 : fail(usb_problem);
    }

    if (!usb_problem.empty()) std::cerr << "waserda: " << usb_problem << "\n";
    if (found.empty() && files.empty()) {
        std::cout << tr("Tidak ada printer atau pemindai yang ditemukan. Periksa kabel USB, lalu coba lagi.") << "\n";
        return 0;
    }
    bool permission_hint = false;
    for (const auto& d : found) {
        std::cout << usb::kind_name(d.kind) << "  " << usb::to_string(d.id) << "  " << usb::describe(d) << "\n";
        std::cout << fmt::format("    bus {:03} alamat {:03}, interface {}: {}\n", d.bus, d.address,
                                 d.interface_number, endpoints_text(d));
        std::cout << "    " << state_text(d) << "\n";
        permission_hint = permission_hint || d.problem.find("udev") != std::string::npos;
    }
    for (const auto& f : files) {
        std::cout << f.kind << "  " << f.path << "\n    " << (f.usable ? tr("siap") : f.problem) << "\n";
        permission_hint = permission_hint || !f.usable;
    }
    if (permission_hint)
        std::cout << tr("Aturan udev: sudo cp packaging/udev/60-waserda-pos.rules /etc/udev/rules.d/ && "
                        "sudo udevadm control --reload && sudo usermod -aG waserda $USER") << "\n";
    return 0;
}

// [SECTION] print-test

struct PrintTestArgs {
    std::string usb_id, net, file, out, profile;
};

std::vector<uint8_t> test_page(const std::string& profile_id, std::optional<usb::VidPid> id) {
#ifdef WASERDA_HAVE_RECEIPT
    const auto& profiles = drivers::PrinterProfiles::installed();
    const drivers::PrinterProfile* p = profile_id.empty() ? nullptr : profiles.find(profile_id);
    if (!p) p = id ? &profiles.profile_for(id->vid, id->pid) : &profiles.generic();
    return drivers::render_test_page(*p);
#else
    (void)profile_id;
    (void)id;
    // Until the receipt layout exists: initialise, a few lines, feed, cut.
    std::vector<uint8_t> b = {0x1b, 0x40};
    const std::string text = "WASERDA POS\nHalaman tes printer\n0123456789 ABCDEFGHIJ\n\n\n\n";
    b.insert(b.end(), text.begin(), text.end());
    b.insert(b.end(), {0x1d, 0x56, 0x42, 0x00});
    return b;
#endif
}

int run_print_test(const PrintTestArgs& a) {
    const int chosen = !a.usb_id.empty() + !a.net.empty() + !a.file.empty() + !a.out.empty();
    if (chosen > 1) return fail(tr("Pilih satu tujuan saja: --usb, --net, --file atau --out."));

    std::shared_ptr<usb::UsbContext> ctx;
    std::unique_ptr<drivers::PrinterTransport> transport;
    std::optional<usb::VidPid> id;
    if (!a.net.empty()) {
        auto hp = drivers::parse_host_port(a.net);
        if (!hp) return fail(tr("Alamat printer jaringan tidak sah: {}. Contoh: 192.168.1.50:9100", a.net));
        drivers::NetworkPrinterOptions o;
        o.host = hp->first;
        o.port = hp->second;
        transport = std::make_unique<drivers::NetworkPrinterTransport>(o);
    } else if (!a.file.empty() || !a.out.empty()) {
        drivers::FilePrinterOptions o;
        o.path = a.file.empty() ? a.out : a.file;
        o.mode = a.file.empty() ? drivers::FileMode::Truncate : drivers::FileMode::Device;
        transport = std::make_unique<drivers::FilePrinterTransport>(o);
    } else {
        if (!a.usb_id.empty()) {
            id = usb::parse_vid_pid(a.usb_id);
            if (!id) return fail(tr("VID:PID tidak sah: {}. Contoh: 0416:5011", a.usb_id));
        }
        auto c = usb::UsbContext::create();
        if (!c) return fail(c.error());
        ctx = *c;
        usb::UsbPrinterOptions o;
        o.id = id;
        auto usb_printer = std::make_unique<usb::UsbPrinterTransport>(ctx, o);
        if (auto s = usb_printer->open(); !s) return fail(s.error());
        if (auto d = usb_printer->device()) id = d->id;
        transport = std::move(usb_printer);
    }

    if (transport->supports_status()) {
        if (auto st = transport->query_status()) {
            std::cout << tr("Status printer: {}", drivers::describe_status(*st)) << "\n";
            if (auto problem = drivers::status_problem(*st)) return fail(*problem);
        } else {
            // Many cheap printers never answer DLE EOT; the test page is how to find out if it prints.
            std::cout << tr("Status printer tidak terbaca: {}", st.error().message) << "\n";
        }
    }
    const auto bytes = test_page(a.profile, id);
    if (auto s = transport->write(bytes); !s) return fail(s.error());
    std::cout << tr("Halaman tes terkirim ke {} ({} byte).", transport->describe(), bytes.size()) << "\n";
    return 0;
}

}  // namespace

void register_device_commands(CLI::App& app, Context& /*ctx*/) {
    auto* devices = app.add_subcommand("devices", tr("Daftar printer dan pemindai: VID:PID, jenis, endpoint, masalah"));
    auto json = std::make_shared<bool>(false);
    auto no_probe = std::make_shared<bool>(false);
    devices->add_flag("--json", *json, tr("Keluaran JSON"));
    devices->add_flag("--no-probe", *no_probe, tr("Jangan membuka perangkat (tanpa nama dan pemeriksaan izin)"));
    devices->callback([json, no_probe] { exit_code() = run_devices(*json, *no_probe); });

    auto* test = app.add_subcommand("print-test", tr("Mencetak halaman tes (semua fitur printer)"));
    auto args = std::make_shared<PrintTestArgs>();
    test->add_option("--usb", args->usb_id, tr("Printer USB VID:PID (tanpa pilihan: printer USB pertama)"));
    test->add_option("--net", args->net, tr("Printer jaringan HOST:PORT (port 9100 bila kosong)"));
    test->add_option("--file", args->file, tr("Berkas perangkat, mis. /dev/usb/lp0"));
    test->add_option("--out", args->out, tr("Tulis byte ESC/POS ke berkas ini (tanpa printer)"));
    test->add_option("--profile", args->profile, tr("Profil printer (nama berkas di assets/printers tanpa .json)"));
    test->callback([args] { exit_code() = run_print_test(*args); });
}

}  // namespace waserda::cli
