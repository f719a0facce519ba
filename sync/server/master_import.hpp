// Master data files the office imports on the central server: items and members as CSV with a header
// row (columns by name, any order; unknown columns ignored). See sync/README.md for the columns.
#pragma once

#include "pos/core/result.hpp"
#include "sync/server/central_store.hpp"

#include <string>
#include <vector>

namespace waserda::sync {

// RFC 4180: quoted fields may hold commas, quotes ("") and line breaks. A ';' separator is
// accepted too when the header has no comma (spreadsheets with an Indonesian locale write it).
core::Result<std::vector<std::vector<std::string>>> parse_csv(const std::string& text);

core::Result<std::vector<MasterRow>> items_from_csv(const std::string& text);
core::Result<std::vector<MasterRow>> members_from_csv(const std::string& text);

}  // namespace waserda::sync
