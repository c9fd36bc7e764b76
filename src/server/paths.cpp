// The allow-list of data paths and the web folder's path rules; see paths.h.
#include "server/paths.h"

#include <filesystem>
#include <regex>

namespace fs = std::filesystem;

std::string server::MimeType(const std::string& file_name)
{
    struct Entry
    {
        const char* ext;
        const char* type;
    };
    static const Entry kTypes[] = {
        {".html", "text/html; charset=utf-8"}, {".js", "text/javascript"},
        {".wasm", "application/wasm"},         {".json", "application/json"},
        {".css", "text/css"},                  {".png", "image/png"},
        {".svg", "image/svg+xml"},             {".webmanifest", "application/manifest+json"},
        {".ico", "image/x-icon"},              {".ttf", "font/ttf"},
        {".woff2", "font/woff2"},              {".txt", "text/plain; charset=utf-8"},
        {".csv", "text/csv; charset=utf-8"},   {".map", "application/json"},
    };
    for (const Entry& e : kTypes)
    {
        const std::string ext = e.ext;
        if (file_name.size() >= ext.size() && file_name.compare(file_name.size() - ext.size(), ext.size(), ext) == 0)
            return e.type;
    }
    return "application/octet-stream";
}

namespace
{
// An id segment: lowercase letters, digits, '.', '_', '-'; starts with a letter or digit.
const char* kId = "[a-z0-9][a-z0-9._-]{0,95}";

const std::regex& AllowList()
{
    static const std::regex re(std::string("^(datapackage\\.json|cluster\\.json|registry/(organizations|areas|people)\\.json"
                                           "|years/[0-9]{4}/(year|covenant|results)\\.json"
                                           "|years/[0-9]{4}/self/") + kId + "\\.json|meetings/" + kId + "\\.json)$");
    return re;
}
} // namespace

std::string server::CheckDataPath(const std::string& path)
{
    if (path.empty())
        return "empty data path";
    if (path.find('\0') != std::string::npos)
        return "NUL byte in path";
    if (path.find('\\') != std::string::npos)
        return "backslash in path";
    if (path.find('%') != std::string::npos)
        return "percent-encoding in path";
    if (path[0] == '/')
        return "absolute path";
    if (path.find("..") != std::string::npos)
        return "'..' in path";
    if (path.size() > 200)
        return "path too long";
    if (!std::regex_match(path, AllowList()))
        return "not a data file path (see the data layout)";
    return "";
}

std::string server::SelfAssessmentOrg(const std::string& path)
{
    static const std::regex re(std::string("^years/[0-9]{4}/self/(") + kId + ")\\.json$");
    std::smatch m;
    if (CheckDataPath(path).empty() && std::regex_match(path, m, re))
        return m[1];
    return "";
}

std::string server::CheckWebPath(const std::string& path)
{
    if (path.find('\0') != std::string::npos)
        return "NUL byte in path";
    if (path.find('\\') != std::string::npos)
        return "backslash in path";
    if (!path.empty() && path[0] == '/')
        return "absolute path";
    size_t start = 0;
    while (start <= path.size())
    {
        size_t end = path.find('/', start);
        if (end == std::string::npos)
            end = path.size();
        const std::string seg = path.substr(start, end - start);
        if (seg == ".." || seg == ".")
            return "'..' or '.' segment in path";
        start = end + 1;
    }
    return "";
}

std::string server::ResolveUnder(const std::string& root, const std::string& relative, std::string* full)
{
    std::error_code ec;
    const fs::path real_root = fs::canonical(root, ec);
    if (ec)
        return "folder not found: " + root;
    const fs::path joined = real_root / relative;
    // Resolve the deepest existing ancestor: a symlink anywhere on the way must stay inside the root.
    fs::path probe = joined;
    while (!probe.empty() && !fs::exists(fs::symlink_status(probe, ec)))
        probe = probe.parent_path();
    const fs::path real = fs::canonical(probe, ec);
    if (ec)
        return "cannot resolve path";
    const std::string r = real.string(), base = real_root.string();
    if (r != base && r.compare(0, base.size() + 1, base + "/") != 0)
        return "path leaves its folder (symlink?)";
    *full = joined.string();
    return "";
}
