// Why our own ~80 lines and not a library: Office Open XML needs only a ZIP container (ECMA-376 Part 2, Open
// Packaging Conventions, allows the "stored" method 0), and the documents are tens of kilobytes, so compression buys
// little. Debian's zlib/minizip are native-only here (Emscripten's zlib is a "port" that cannot be downloaded on
// this machine), and the browser's CompressionStream is asynchronous and absent from the CLI and tests, so the
// same bytes everywhere would be lost. Format: PKWARE APPNOTE.TXT 6.3.x, sections 4.3.7 (local file header),
// 4.3.12 (central directory header) and 4.3.16 (end of central directory record);
// https://pkware.cachefly.net/webdocs/casestudies/APPNOTE.TXT
#include "core/docs/zip.h"

namespace
{
void Put16(std::string& out, uint32_t v)
{
    out += static_cast<char>(v & 0xff);
    out += static_cast<char>((v >> 8) & 0xff);
}

void Put32(std::string& out, uint32_t v)
{
    Put16(out, v & 0xffff);
    Put16(out, v >> 16);
}

// MS-DOS date and time of every entry: 1980-01-01 00:00 (the earliest DOS date), so the output is reproducible.
constexpr uint32_t kDosTime = 0;
constexpr uint32_t kDosDate = (0 << 9) | (1 << 5) | 1;
constexpr uint32_t kUtf8Flag = 1u << 11; // general purpose bit 11: names are UTF-8 (APPNOTE 4.4.4)
} // namespace

uint32_t docs::Crc32(const std::string& bytes)
{
    uint32_t crc = 0xffffffffu;
    for (unsigned char c : bytes)
    {
        crc ^= c;
        for (int k = 0; k < 8; ++k)
            crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

std::string docs::Zip(const std::vector<ZipEntry>& entries)
{
    std::string out, central;
    for (const ZipEntry& e : entries)
    {
        const uint32_t offset = static_cast<uint32_t>(out.size());
        const uint32_t crc = Crc32(e.bytes);
        const uint32_t size = static_cast<uint32_t>(e.bytes.size());
        // Local file header (APPNOTE 4.3.7).
        Put32(out, 0x04034b50);
        Put16(out, 20); // version needed: 2.0
        Put16(out, kUtf8Flag);
        Put16(out, 0); // method: stored
        Put16(out, kDosTime);
        Put16(out, kDosDate);
        Put32(out, crc);
        Put32(out, size);
        Put32(out, size);
        Put16(out, static_cast<uint32_t>(e.path.size()));
        Put16(out, 0);
        out += e.path;
        out += e.bytes;
        // Central directory header (APPNOTE 4.3.12).
        Put32(central, 0x02014b50);
        Put16(central, 20); // made by: 2.0, MS-DOS attributes
        Put16(central, 20);
        Put16(central, kUtf8Flag);
        Put16(central, 0);
        Put16(central, kDosTime);
        Put16(central, kDosDate);
        Put32(central, crc);
        Put32(central, size);
        Put32(central, size);
        Put16(central, static_cast<uint32_t>(e.path.size()));
        Put16(central, 0); // extra
        Put16(central, 0); // comment
        Put16(central, 0); // disk
        Put16(central, 0); // internal attributes
        Put32(central, 0); // external attributes
        Put32(central, offset);
        central += e.path;
    }
    const uint32_t central_offset = static_cast<uint32_t>(out.size());
    out += central;
    // End of central directory record (APPNOTE 4.3.16).
    Put32(out, 0x06054b50);
    Put16(out, 0);
    Put16(out, 0);
    Put16(out, static_cast<uint32_t>(entries.size()));
    Put16(out, static_cast<uint32_t>(entries.size()));
    Put32(out, static_cast<uint32_t>(central.size()));
    Put32(out, central_offset);
    Put16(out, 0);
    return out;
}
