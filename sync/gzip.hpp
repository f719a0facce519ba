// gzip for request bodies: the client compresses a batch, the server undoes it with a size cap so a
// small hostile body cannot grow into gigabytes in memory.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace waserda::sync {

std::string gzip_compress(std::string_view data, int level = 6);
// nullopt when the input is not gzip, is truncated, or would exceed `max_output` bytes.
std::optional<std::string> gzip_decompress(std::string_view data, size_t max_output);

}  // namespace waserda::sync
