// A minimal ZIP writer for the Office files (.docx, .xlsx): stored entries (no compression), CRC-32, fixed
// timestamps, so the same input gives the same bytes in the browser, the CLI and the tests. Pure function.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace docs
{
struct ZipEntry
{
    std::string path;  // "word/document.xml" (forward slashes, ASCII)
    std::string bytes;
};

// CRC-32 (IEEE 802.3, the polynomial ZIP uses: reflected 0xEDB88320).
uint32_t Crc32(const std::string& bytes);

// The entries as one ZIP archive, in the given order (Office wants [Content_Types].xml first by convention).
std::string Zip(const std::vector<ZipEntry>& entries);
} // namespace docs
