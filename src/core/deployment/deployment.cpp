// deployment.json: parsing and ordering; see deployment.h.
#include "core/deployment/deployment.h"

#include "core/io/json_read.h"
#include "core/roles/roles.h"
#include "core/text/text.h"

#include <algorithm>
#include <set>

namespace deployment
{
namespace
{
check::Issue Error(const std::string& pointer, const std::string& message)
{
    return {"deployment.json", pointer, message, check::Severity::Error};
}
} // namespace

std::vector<check::Issue> ParseDeployment(const std::string& bytes, Deployment* out)
{
    *out = {};
    std::vector<check::Issue> issues;
    io::json doc;
    io::JsonError err;
    if (!io::ParseDataJson(bytes, &doc, &err))
        return {Error("", err.message)};
    if (!doc.is_object())
        return {Error("", "must be a JSON object")};
    if (io::StringOr(doc, "format", "") != "thidua.deployment")
        issues.push_back(Error("/format", "must be \"thidua.deployment\""));
    const int64_t version = io::IntOr(doc, "schema_version", 0);
    if (version != 1)
        issues.push_back(Error("/schema_version", "must be 1"));
    if (!io::GetString(doc, "name", &out->name) || out->name.empty())
        issues.push_back(Error("/name", "a name is required"));
    const io::json* list = io::Child(doc, "clusters");
    if (!list || !list->is_array() || list->empty())
    {
        issues.push_back(Error("/clusters", "must be a list of at least one cluster"));
        return issues;
    }
    const std::set<std::string> known = {"format", "schema_version", "name", "clusters", "synthetic"};
    for (const auto& kv : doc.items())
        if (!known.count(kv.key()))
            issues.push_back(Error("/" + io::PointerToken(kv.key()), "unknown field"));
    std::set<std::string> seen;
    for (size_t i = 0; i < list->size(); ++i)
    {
        const io::json& c = (*list)[i];
        const std::string at = "/clusters/" + std::to_string(i);
        if (!c.is_object())
        {
            issues.push_back(Error(at, "must be an object"));
            continue;
        }
        ClusterEntry e;
        bool ok = true;
        io::GetString(c, "id", &e.id);
        io::GetString(c, "name", &e.name);
        io::GetString(c, "kind", &e.kind);
        io::GetString(c, "parent", &e.parent);
        e.synthetic = io::BoolOr(c, "synthetic", false);
        if (!roles::ValidClusterId(e.id))
            issues.push_back(Error(at + "/id", "'" + e.id + "' is not a cluster id (a-z, 0-9 and '-', at most 40)")),
                ok = false;
        else if (!seen.insert(e.id).second)
            issues.push_back(Error(at + "/id", "'" + e.id + "' is listed twice")), ok = false;
        if (e.name.empty())
            issues.push_back(Error(at + "/name", "a name is required")), ok = false;
        else if (!text::IsNfc(e.name))
            issues.push_back(Error(at + "/name", "not in Unicode NFC")), ok = false;
        if (e.kind != "cluster" && e.kind != "block")
            issues.push_back(Error(at + "/kind", "must be \"cluster\" or \"block\"")), ok = false;
        if (e.parent.empty())
            issues.push_back(Error(at + "/parent", "the ministry or province it belongs to is required")), ok = false;
        if (const io::json* s = io::Child(c, "synthetic"); s && !s->is_boolean())
            issues.push_back(Error(at + "/synthetic", "must be true or false")), ok = false;
        for (const auto& kv : c.items())
            if (kv.key() != "id" && kv.key() != "name" && kv.key() != "kind" && kv.key() != "parent" &&
                kv.key() != "synthetic")
                issues.push_back(Error(at + "/" + io::PointerToken(kv.key()), "unknown field")), ok = false;
        if (ok)
            out->clusters.push_back(e);
    }
    return issues;
}

std::vector<ClusterEntry> SortedForDisplay(std::vector<ClusterEntry> clusters)
{
    std::stable_sort(clusters.begin(), clusters.end(), [](const ClusterEntry& a, const ClusterEntry& b) {
        if (a.name != b.name)
            return text::VietnameseLess(a.name, b.name);
        return a.id < b.id;
    });
    return clusters;
}

const ClusterEntry* Find(const Deployment& d, const std::string& id)
{
    for (const ClusterEntry& c : d.clusters)
        if (c.id == id)
            return &c;
    return nullptr;
}
} // namespace deployment
