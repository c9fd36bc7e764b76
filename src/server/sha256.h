// SHA-256 (FIPS 180-4), small and dependency-free: ETags of data files and hashes of bearer tokens.
#pragma once

#include <array>
#include <cstdint>
#include <string>

namespace server
{
std::array<uint8_t, 32> Sha256(const std::string& bytes);
std::string Sha256Hex(const std::string& bytes);
// Base64url without padding (RFC 4648 §5): 43 characters for a SHA-256 digest.
std::string Base64Url(const uint8_t* data, size_t size);
} // namespace server
