// libFuzzer target: the JSON reader and the checker on any bytes (check::CheckFile reads the kind from "format"),
// and core's strict parse (depth before parsing, duplicate keys). Built with -DTHIDUA_FUZZ=ON; run by scripts/fuzz.
#include "core/check/check.h"
#include "core/io/json_read.h"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    check::CheckFile("x.json", bytes);
    io::json doc;
    io::JsonError error;
    io::ParseDataJson(bytes, &doc, &error);
    return 0;
}
