// The write-permission table; see roles.h.
#include "core/roles/roles.h"

#include <algorithm>

namespace roles
{
bool ParseRole(const std::string& text, Principal* out)
{
    if (text == "viewer" || text == "secretariat" || text == "admin" || text == "ministry")
    {
        *out = {text == "viewer"        ? Role::Viewer
                : text == "secretariat" ? Role::Secretariat
                : text == "admin"       ? Role::Admin
                                        : Role::Ministry,
                ""};
        return true;
    }
    const std::string prefix = "unit:";
    if (text.rfind(prefix, 0) == 0 && text.size() > prefix.size())
    {
        *out = {Role::Unit, text.substr(prefix.size())};
        return true;
    }
    return false;
}

std::string RoleName(const Principal& who)
{
    switch (who.role)
    {
    case Role::Viewer: return "viewer";
    case Role::Unit: return "unit:" + who.org;
    case Role::Secretariat: return "secretariat";
    case Role::Admin: return "admin";
    case Role::Ministry: return "ministry";
    }
    return "viewer";
}

int32_t YearOfPath(const std::string& path)
{
    const std::string prefix = "years/";
    if (path.rfind(prefix, 0) != 0 || path.size() < prefix.size() + 5 || path[prefix.size() + 4] != '/')
        return 0;
    int32_t y = 0;
    for (size_t i = prefix.size(); i < prefix.size() + 4; ++i)
    {
        if (path[i] < '0' || path[i] > '9')
            return 0;
        y = y * 10 + (path[i] - '0');
    }
    return y;
}

std::string SelfAssessmentOrg(const std::string& path)
{
    if (YearOfPath(path) == 0)
        return "";
    const std::string mid = "/self/";
    const size_t at = path.find(mid);
    const std::string ext = ".json";
    if (at != 10 || path.size() <= at + mid.size() + ext.size() ||
        path.compare(path.size() - ext.size(), ext.size(), ext) != 0)
        return "";
    const std::string org = path.substr(at + mid.size(), path.size() - at - mid.size() - ext.size());
    return org.find('/') == std::string::npos ? org : "";
}

namespace
{
const model::YearFile* FindYear(const model::Dataset& data, int32_t y)
{
    for (const model::YearFile& f : data.years)
        if (f.year.year == y)
            return &f;
    return nullptr;
}

// The year of the meeting stored at `path` (0 when the dataset holds no meeting there).
int32_t MeetingYear(const model::Dataset& data, const std::string& path)
{
    for (const model::FileInfo& f : data.files)
        if (f.path == path && f.kind == model::FileKind::Meeting && f.loaded && f.index >= 0 &&
            static_cast<size_t>(f.index) < data.meetings.size())
            for (const model::YearFile& y : data.years)
                if (y.year.id == data.meetings[static_cast<size_t>(f.index)].year_id)
                    return y.year.year;
    return 0;
}

bool PhaseOpen(const model::YearFile& year, const std::string& kind)
{
    return std::any_of(year.year.phases.begin(), year.year.phases.end(), [&](const model::Phase& p) {
        return p.kind == kind && p.status == "open";
    });
}
} // namespace

Refusal WriteRefusal(const Principal& who, const std::string& path, const model::Dataset& data)
{
    if (who.role == Role::Viewer || who.role == Role::Ministry)
        return Refusal::ReadOnlyRole;
    int32_t y = YearOfPath(path);
    if (y == 0)
        y = MeetingYear(data, path); // a meeting belongs to the year it names
    const model::YearFile* year = y ? FindYear(data, y) : nullptr;
    const bool closed = year && year->year.status == "closed";
    if (who.role == Role::Secretariat || who.role == Role::Admin)
        return closed && path != "years/" + std::to_string(y) + "/year.json" ? Refusal::YearClosed : Refusal::None;

    // A member unit.
    if (SelfAssessmentOrg(path) != who.org || who.org.empty())
        return Refusal::NotOwnFile;
    if (closed)
        return Refusal::YearClosed;
    if (!year)
        return Refusal::None; // a year the dataset does not hold: the checker refuses content that names none
    if (!PhaseOpen(*year, "self_assessment"))
        return Refusal::PhaseNotOpen;
    for (const model::SelfAssessment& s : data.self_assessments)
        if (s.year_id == year->year.id && s.organization_id == who.org)
            return s.submitted_date.empty() ? Refusal::None : Refusal::SelfSubmitted;
    return Refusal::NotAMember; // the secretariat creates each member's file when it opens the year
}

bool MaySeePrivate(const Principal& who)
{
    return who.role != Role::Viewer && who.role != Role::Ministry;
}

bool ValidClusterId(const std::string& id)
{
    if (id.empty() || id.size() > 40 || id[0] == '-')
        return false;
    return std::all_of(id.begin(), id.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

std::string CheckScope(Role role, const std::vector<std::string>& clusters)
{
    if (clusters.empty())
        return ""; // a token for a one-cluster server (refused by a deployment: MayOpenCluster)
    const bool all = std::find(clusters.begin(), clusters.end(), "*") != clusters.end();
    if (all && clusters.size() > 1)
        return "'*' (every cluster) cannot be combined with named clusters";
    for (const std::string& c : clusters)
        if (c != "*" && !ValidClusterId(c))
            return "'" + c + "' is not a cluster id (a-z, 0-9 and '-', at most 40)";
    switch (role)
    {
    case Role::Unit:
    case Role::Secretariat:
        if (clusters.size() != 1 || all)
            return "a unit or secretariat token names exactly one cluster (--cluster <id>)";
        return "";
    case Role::Ministry:
        if (!clusters.empty() && !all)
            return "a ministry token reads every cluster: give no --cluster (or '*')";
        return "";
    case Role::Viewer:
    case Role::Admin:
        return "";
    }
    return "";
}

ScopeRefusal MayOpenCluster(Role role, const std::vector<std::string>& clusters, const std::string& cluster_id,
                            bool deployment)
{
    if (!deployment)
        return ScopeRefusal::None;
    if (role == Role::Ministry)
        return ScopeRefusal::None;
    if (clusters.empty())
        return ScopeRefusal::NoCluster;
    const bool all = clusters.size() == 1 && clusters[0] == "*";
    // "*" is for the deployment's viewer and admin only; a unit or secretariat token is always for one cluster.
    if (all && (role == Role::Viewer || role == Role::Admin))
        return ScopeRefusal::None;
    if (role == Role::Unit || role == Role::Secretariat)
        return clusters.size() == 1 && clusters[0] == cluster_id ? ScopeRefusal::None : ScopeRefusal::OtherCluster;
    return std::find(clusters.begin(), clusters.end(), cluster_id) != clusters.end() ? ScopeRefusal::None
                                                                                     : ScopeRefusal::OtherCluster;
}
} // namespace roles
