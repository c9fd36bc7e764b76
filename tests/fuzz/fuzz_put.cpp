// libFuzzer target: what the server does with a PUT body before the checker: the strict parse (BOM, depth,
// duplicate keys, number range), a unit's own-records walk, and the private-contact filter for a viewer.
#include "server/rules.h"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    nlohmann::json doc;
    if (server::ParseStrict("years/2025/self/org.a.json", bytes, &doc, 64).empty())
        server::CheckUnitContent("years/2025/self/org.a.json", "org.a", doc);
    server::ForRole(server::Principal{}, "registry/people.json", bytes);
    return 0;
}
