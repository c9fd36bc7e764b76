// The write-permission table; see roles.h.
#include "core/roles/roles.h"

#include <algorithm>

namespace roles
{
bool ParseRole(const std::string& text, Principal* out)
{
    if (text == "viewer" || text == "secretariat" || text == "admin")
    {
        *out = {text == "viewer" ? Role::Viewer : text == "secretariat" ? Role::Secretariat : Role::Admin, ""};
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

bool PhaseOpen(const model::YearFile& year, const std::string& kind)
{
    return std::any_of(year.year.phases.begin(), year.year.phases.end(), [&](const model::Phase& p) {
        return p.kind == kind && p.status == "open";
    });
}
} // namespace

Refusal WriteRefusal(const Principal& who, const std::string& path, const model::Dataset& data)
{
    if (who.role == Role::Viewer)
        return Refusal::ReadOnlyRole;
    const int32_t y = YearOfPath(path);
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
    return who.role != Role::Viewer;
}
} // namespace roles
