// `thidua check PATH...`: prints every problem as `file:/json/pointer: message`; exit 0 valid, 1 problems, 2 usage.
// Reads a folder or an S3 bucket (the core takes bytes); a location with datapackage.json is checked as one dataset, a
// deployment (deployment.json) as its index plus one dataset per cluster it lists.
#include "cli/commands.h"
#include "server/store.h"

#include "core/check/check.h"
#include "core/deployment/deployment.h"
#include "core/io/dataset.h"
#include "server/location.h"
#include "server/paths.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace fs = std::filesystem;

namespace
{
bool ReadBytes(const fs::path& path, std::string* out)
{
    return server::ReadWholeFile(path.string(), out);
}

// Every *.json under `root` (hidden folders skipped), keyed by its path relative to root with '/'.
io::DataFiles ReadFolder(const fs::path& root)
{
    io::DataFiles files;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(root, ec); it != fs::recursive_directory_iterator(); it.increment(ec))
    {
        if (ec)
            break;
        const fs::path& p = it->path();
        if (it->is_directory() && p.filename().string().rfind('.', 0) == 0)
        {
            it.disable_recursion_pending();
            continue;
        }
        if (!it->is_regular_file() || p.extension() != ".json")
            continue;
        std::string bytes;
        if (ReadBytes(p, &bytes))
            files[fs::relative(p, root).generic_string()] = std::move(bytes);
    }
    return files;
}

std::string Join(const std::string& root, const std::string& file)
{
    if (root.empty() || root == ".")
        return file;
    return root.back() == '/' ? root + file : root + "/" + file;
}

struct Totals
{
    int errors = 0;
    int warnings = 0;
};

void Print(const std::vector<check::Issue>& issues, const std::string& root, Totals* totals)
{
    for (check::Issue issue : issues)
    {
        issue.file = Join(root, issue.file);
        std::printf("%s\n", check::FormatIssue(issue).c_str());
        (issue.severity == check::Severity::Error ? totals->errors : totals->warnings)++;
    }
}

// The folder above `file` that holds a datapackage.json listing it, or "" when there is none.
fs::path FindDatasetRoot(const fs::path& file, std::string* relative)
{
    fs::path abs = fs::absolute(file).lexically_normal();
    for (fs::path dir = abs.parent_path(); !dir.empty(); dir = dir.parent_path())
    {
        if (fs::exists(dir / io::kDescriptorPath))
        {
            std::string rel = abs.lexically_relative(dir).generic_string();
            std::string descriptor;
            ReadBytes(dir / io::kDescriptorPath, &descriptor);
            std::vector<std::string> listed = io::ListDatasetFiles(descriptor, nullptr);
            if (rel == io::kDescriptorPath || std::find(listed.begin(), listed.end(), rel) != listed.end())
            {
                *relative = rel;
                return dir;
            }
            return {};
        }
        if (dir == dir.parent_path())
            break;
    }
    return {};
}

int Bench(const std::string& folder)
{
    io::DataFiles files = ReadFolder(folder);
    size_t bytes = 0;
    for (const auto& [path, data] : files)
        bytes += data.size();
    double best_parse = 1e30, best_load = 1e30;
    size_t issues = 0;
    for (int run = 0; run < 5; ++run)
    {
        auto t0 = std::chrono::steady_clock::now();
        size_t values = 0;
        for (const auto& [path, data] : files)
            values += nlohmann::json::parse(data).size();
        auto t1 = std::chrono::steady_clock::now();
        io::LoadResult result = io::LoadDataset(files);
        auto t2 = std::chrono::steady_clock::now();
        issues = result.issues.size() + (values == 0 ? 1 : 0) * 0;
        best_parse = std::min(best_parse, std::chrono::duration<double, std::milli>(t1 - t0).count());
        best_load = std::min(best_load, std::chrono::duration<double, std::milli>(t2 - t1).count());
    }
    std::printf("files: %zu, bytes: %zu (%.1f MB)\n", files.size(), bytes, static_cast<double>(bytes) / (1024.0 * 1024.0));
    std::printf("bare nlohmann::json::parse: %.1f ms (best of 5)\n", best_parse);
    std::printf("io::LoadDataset (parse + read + check): %.1f ms (best of 5), %zu issues\n", best_load, issues);
    std::printf("ratio: %.2fx (target <= 2x)\n", best_load / best_parse);
    return 0;
}

void Usage()
{
    std::fprintf(stderr, "usage: thidua check [--s3-endpoint URL] PATH...\n"
                         "  PATH: s3://BUCKET/PREFIX: the data files of a bucket, checked as one dataset (keys as for\n"
                         "        thidua serve), or:\n"
                         "  PATH: a data folder (with datapackage.json: checked as one dataset, references across files too),\n"
                         "        a deployment folder (deployment.json: the index, then each cluster folder it lists),\n"
                         "        a folder of loose files, or single files (a file listed by a datapackage.json above it\n"
                         "        is checked within that dataset; any other file is checked on its own).\n"
                         "  prints file:/json/pointer: message lines; exit 0 = valid, 1 = problems found, 2 = usage error\n");
}
} // namespace

int cli::RunCheck(int argc, char** argv)
{
    if (argc == 3 && !std::strcmp(argv[1], "--bench"))
        return Bench(argv[2]); // hidden: scripts/bench-data
    if (argc < 2)
    {
        Usage();
        return 2;
    }
    for (int i = 1; i < argc; ++i)
        if (!std::strcmp(argv[i], "--help") || !std::strcmp(argv[i], "-h"))
        {
            Usage();
            return 0;
        }
    Totals totals;
    int checked = 0;
    server::StoreOptions store;
    for (int i = 1; i + 1 < argc; ++i)
        if (!std::strcmp(argv[i], "--s3-endpoint"))
            store.s3_endpoint = argv[i + 1];
    for (int i = 1; i < argc; ++i)
    {
        std::string arg = argv[i];
        std::error_code ec;
        if (arg == "--s3-endpoint" && i + 1 < argc)
        {
            ++i;
            continue;
        }
        if (server::IsBucketLocation(arg) || fs::is_directory(arg, ec))
        {
            // The data files of a folder or a bucket prefix, and deployment.json when it is there.
            auto read = [&](const std::string& where, io::DataFiles* files) -> std::string {
                if (!server::IsBucketLocation(where))
                {
                    *files = ReadFolder(where);
                    return "";
                }
                server::Location at;
                std::vector<std::string> keys;
                std::string err = server::OpenLocation(where, store, &at);
                if (err.empty())
                    err = server::ListKeys(at, &keys);
                for (const std::string& key : keys)
                    if (err.empty() && (server::CheckDataPath(key).empty() || key == "deployment.json"))
                        err = server::ReadKey(at, key, &(*files)[key]);
                return err;
            };
            io::DataFiles files;
            if (std::string err = read(arg, &files); !err.empty())
            {
                std::fprintf(stderr, "thidua check: %s: %s\n", arg.c_str(), err.c_str());
                return 2;
            }
            if (!files.count(io::kDescriptorPath) && files.count("deployment.json"))
            {
                // A deployment: its index, then each cluster it lists as one dataset (<root>/<id>/).
                deployment::Deployment d;
                Print(deployment::ParseDeployment(files["deployment.json"], &d), arg, &totals);
                checked += 1;
                for (const deployment::ClusterEntry& c : d.clusters)
                {
                    io::DataFiles one;
                    if (std::string err = read(Join(arg, c.id), &one); !err.empty())
                    {
                        std::fprintf(stderr, "thidua check: %s: %s\n", Join(arg, c.id).c_str(), err.c_str());
                        return 2;
                    }
                    if (!one.count(io::kDescriptorPath))
                        Print({{"deployment.json", "", "cluster '" + c.id + "': " + Join(arg, c.id) +
                                                           "/datapackage.json is missing", check::Severity::Error}},
                              arg, &totals);
                    else
                        Print(check::CheckDataset(one), Join(arg, c.id), &totals);
                    checked += static_cast<int>(one.size());
                }
                continue;
            }
            if (files.count(io::kDescriptorPath) || server::IsBucketLocation(arg))
                Print(check::CheckDataset(files), arg, &totals);
            else
                for (const auto& [path, bytes] : files)
                    Print(check::CheckFile(path, bytes), arg, &totals);
            checked += static_cast<int>(files.size());
        }
        else if (fs::is_regular_file(arg, ec))
        {
            std::string relative;
            fs::path root = FindDatasetRoot(arg, &relative);
            if (!root.empty())
            {
                io::LoadResult result = io::LoadDataset(ReadFolder(root));
                std::vector<check::Issue> mine;
                for (check::Issue& issue : result.issues)
                    if (issue.file == relative)
                    {
                        issue.file = arg;
                        mine.push_back(issue);
                    }
                Print(mine, "", &totals);
            }
            else
            {
                std::string bytes;
                if (!ReadBytes(arg, &bytes))
                {
                    std::fprintf(stderr, "thidua check: %s: cannot read the file\n", arg.c_str());
                    return 2;
                }
                Print(check::CheckFile(arg, bytes), "", &totals);
            }
            ++checked;
        }
        else
        {
            std::fprintf(stderr, "thidua check: %s: no such file or folder\n", arg.c_str());
            return 2;
        }
    }
    std::fprintf(stderr, "%d file(s) checked: %d error(s), %d warning(s)\n", checked, totals.errors, totals.warnings);
    return totals.errors > 0 ? 1 : 0;
}
