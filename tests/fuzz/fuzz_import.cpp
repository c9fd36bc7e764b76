// libFuzzer target: importing a picked file (one data file or a whole-dataset package) into a client that holds
// the sample dataset, with the app's checker: datasync::PlanImport on any bytes.
#include "core/check/check.h"
#include "core/io/dataset.h"
#include "core/sync/import.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace
{
datasync::Client SampleClient()
{
    datasync::Client c;
    c.device_id = "fuzz";
    c.check = [](const std::string& path, const std::string& bytes) { return check::CheckFile(path, bytes); };
    const std::filesystem::path root = std::filesystem::path(THIDUA_SOURCE_DIR) / "assets/data/cum1";
    for (const auto& e : std::filesystem::recursive_directory_iterator(root))
        if (e.is_regular_file() && e.path().extension() == ".json")
        {
            std::ifstream in(e.path(), std::ios::binary);
            std::ostringstream bytes;
            bytes << in.rdbuf();
            c.synced[std::filesystem::relative(e.path(), root).generic_string()] = {"\"e\"", bytes.str()};
        }
    return c;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static const datasync::Client client = SampleClient();
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    datasync::PlanImport(client, "x.json", bytes);
    return 0;
}
