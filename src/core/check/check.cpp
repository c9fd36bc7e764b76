// CheckDataset / CheckFile: thin entry points over io::LoadDataset, so checking and loading never disagree.
#include "core/check/check.h"

namespace check
{
std::vector<Issue> CheckDataset(const io::DataFiles& files)
{
    return io::LoadDataset(files).issues;
}

std::vector<Issue> CheckFile(const std::string& path, const std::string& bytes)
{
    return io::LoadSingleFile(path, bytes).issues;
}
} // namespace check
