// Shared by the cmd_members*.cpp files: the members' side of the `waserda` command line.
#pragma once

#include "pos/cli/commands.hpp"
#include "pos/cli/output.hpp"
#include "pos/core/members_service.hpp"
#include "pos/store/members_store.hpp"

#include <functional>
#include <memory>
#include <string>

namespace waserda::cli::members {

// The service over the context's shop and store, made when a command runs (not at registration,
// so `--help` never opens a database).
class Services {
public:
    explicit Services(Context& ctx);
    core::Shop& shop() { return shop_; }
    core::MembersService& service() { return service_; }
    store::SqliteMembersStore& store() { return store_; }

private:
    core::Shop& shop_;
    store::SqliteMembersStore store_;
    core::MembersService service_;
};

void run(const std::function<int()>& body);
// --user NAME: trusted on the shop's own machine, as the other commands do.
core::Result<core::Money> parse_amount(const std::string& text);
// Table cells: numeric columns grouped with dots ("1.240.000") for the screen, raw for CSV/JSON.
Table to_table(const core::ReportTable& t, bool for_screen);
std::string render_report(const core::ReportTable& t, Format f);

void add_payroll(CLI::App& app, Context& ctx);
void add_consignment(CLI::App& app, Context& ctx);
void add_shu(CLI::App& app, Context& ctx);

}  // namespace waserda::cli::members
