// A deployment: several clusters and blocks (cụm, khối thi đua) of one ministry or province, each its own data
// tree <root>/<cluster-id>/ (datapackage.json, cluster.json, registry/, years/, meetings/), listed in
// <root>/deployment.json (schema: assets/schema/thidua.deployment.schema.json). No I/O here: the bytes come from
// the caller (the server, the CLI), so the same parser serves a local folder or an object store.
#pragma once

#include "core/check/issue.h"

#include <string>
#include <vector>

namespace deployment
{
struct ClusterEntry
{
    std::string id;     // folder and address: <root>/<id>/, /c/<id>/ (roles::ValidClusterId)
    std::string name;   // Vietnamese, as on screen: "Cụm thi đua số I"
    std::string kind;   // cluster (cụm) | block (khối)
    std::string parent; // the ministry or province the cluster belongs to
    bool synthetic = false; // invented demonstration data: marked on every screen
};

struct Deployment
{
    std::string name; // "Các cụm, khối thi đua – Bộ Tài nguyên và Môi trường"
    std::vector<ClusterEntry> clusters; // in file order
};

// Parses deployment.json. Every problem is an Issue naming "deployment.json" and a JSON pointer; `out` holds the
// entries that were valid. Never throws (the web build has no exceptions).
std::vector<check::Issue> ParseDeployment(const std::string& bytes, Deployment* out);

// The clusters in Vietnamese alphabetical order of their names (text::VietnameseLess), ties by id.
std::vector<ClusterEntry> SortedForDisplay(std::vector<ClusterEntry> clusters);

const ClusterEntry* Find(const Deployment& d, const std::string& id);
} // namespace deployment
