// See sample.h.
#include "sample.h"

#include "core/io/dataset.h"

#include <fstream>
#include <sstream>

model::Dataset coretest::LoadSample()
{
    const std::string root = THIDUA_SOURCE_DIR "/assets/data/cum1/";
    auto read = [](const std::string& path) {
        std::ifstream in(path, std::ios::binary);
        std::ostringstream out;
        out << in.rdbuf();
        return out.str();
    };
    io::DataFiles files;
    files[io::kDescriptorPath] = read(root + io::kDescriptorPath);
    std::vector<check::Issue> issues;
    for (const std::string& path : io::ListDatasetFiles(files[io::kDescriptorPath], &issues))
        files[path] = read(root + path);
    return io::LoadDataset(files).dataset;
}
