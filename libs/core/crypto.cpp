#include "core/crypto.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <stdexcept>
#include <vector>

namespace thidua::crypto {
namespace {
std::string to_hex(const unsigned char* data, std::size_t n) {
  static const char* digits = "0123456789abcdef";
  std::string out(n * 2, '0');
  for (std::size_t i = 0; i < n; ++i) {
    out[2 * i] = digits[data[i] >> 4];
    out[2 * i + 1] = digits[data[i] & 0xF];
  }
  return out;
}

std::string digest_hex(const EVP_MD* md, std::string_view data) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (EVP_Digest(data.data(), data.size(), out, &len, md, nullptr) != 1) {
    throw std::runtime_error("digest failed");
  }
  return to_hex(out, len);
}
}  // namespace

std::string sha256_hex(std::string_view data) {
  return digest_hex(EVP_sha256(), data);
}
std::string sha1_hex(std::string_view data) {
  return digest_hex(EVP_sha1(), data);
}

bool constant_time_equal(std::string_view a, std::string_view b) {
  // Hash both sides first so the comparison length never depends on the secret's length.
  auto ha = sha256_hex(a);
  auto hb = sha256_hex(b);
  return digests_equal(ha, hb);
}

bool digests_equal(std::string_view a, std::string_view b) {
  return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string random_hex(std::size_t bytes) {
  std::vector<unsigned char> buf(bytes);
  if (RAND_bytes(buf.data(), static_cast<int>(buf.size())) != 1) {
    throw std::runtime_error("no randomness available");
  }
  return to_hex(buf.data(), buf.size());
}

}  // namespace thidua::crypto
