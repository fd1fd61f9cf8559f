#pragma once
#include <string>
#include <string_view>

namespace thidua::crypto {

std::string sha256_hex(std::string_view data);
std::string sha1_hex(std::string_view data);
// Compares without an early exit, so timing does not tell how much of a secret matched.
bool constant_time_equal(std::string_view a, std::string_view b);
// For two digests of one algorithm (so of one length): compares without an early exit.
bool digests_equal(std::string_view a, std::string_view b);
// `bytes` random bytes from the OS CSPRNG, as lowercase hex.
std::string random_hex(std::size_t bytes);

}  // namespace thidua::crypto
