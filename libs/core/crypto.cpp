#include "core/crypto.hpp"

#include <openssl/crypto.h>
#include <openssl/err.h>
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

// OpenSSL 3 looks the algorithm up in its provider store on every digest given EVP_sha256()
// (an "implicit fetch": a lock and a hash lookup), 250 of the 350 ns it took to hash a token
// here. Fetched once, an EVP_MD is immutable and shared by every thread (OpenSSL 3.0's
// crypto(7), "Performance"); the legacy handle stays the fallback if the fetch fails.
const EVP_MD* fetched(const char* name, const EVP_MD* legacy) {
  const EVP_MD* md = EVP_MD_fetch(nullptr, name, nullptr);
  if (md != nullptr) return md;
  ERR_clear_error();  // the failed fetch's entry must not be read as a later call's error
  return legacy;
}
}  // namespace

std::string sha256_hex(std::string_view data) {
  static const EVP_MD* const kSha256 = fetched("SHA256", EVP_sha256());
  return digest_hex(kSha256, data);
}
std::string sha1_hex(std::string_view data) {
  static const EVP_MD* const kSha1 = fetched("SHA1", EVP_sha1());
  return digest_hex(kSha1, data);
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
