#include "ui/year_plan.h"

#include "ui/year_work.h"

#include "core/io/dataset.h"
#include "core/text/text.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <set>

namespace
{
const model::Organization* FindOrg(const model::Dataset& data, const std::string& id)
{
    for (const model::Organization& org : data.organizations)
        if (org.id == id)
            return &org;
    return nullptr;
}

const model::YearFile* LatestYear(const model::Dataset& data, int32_t before)
{
    const model::YearFile* latest = nullptr;
    for (const model::YearFile& y : data.years)
        if ((before == 0 || y.year.year < before) && (!latest || y.year.year > latest->year.year))
            latest = &y;
    return latest;
}

// Has the organisation ended by `date`, handing over to its successors?
bool EndedBy(const model::Dataset& data, const model::Organization& org, const std::string& date)
{
    if (!org.dissolution_date.empty())
        return org.dissolution_date < date;
    if (org.successor_ids.empty())
        return false;
    for (const std::string& id : org.successor_ids)
    {
        const model::Organization* next = FindOrg(data, id);
        if (next && !next->founding_date.empty() && next->founding_date > date)
            return false; // its successor does not exist yet
    }
    return true;
}

std::string YearToken(int32_t year)
{
    return std::to_string(year);
}

// "crit.cum1.2026.I.1" -> "crit.cum1.2027.I.1": the old year as a dot-separated part becomes the new one.
std::string RenameId(const std::string& id, int32_t from, int32_t to)
{
    const std::string old_part = YearToken(from), new_part = YearToken(to);
    std::string out = id;
    size_t pos = 0;
    while ((pos = out.find(old_part, pos)) != std::string::npos)
    {
        const bool starts = pos == 0 || out[pos - 1] == '.' || out[pos - 1] == ':';
        const size_t end = pos + old_part.size();
        const bool ends = end == out.size() || out[end] == '.';
        if (starts && ends)
        {
            out.replace(pos, old_part.size(), new_part);
            pos += new_part.size();
        }
        else
            pos = end;
    }
    return out;
}

// Renames every id and reference of a year document (keys "id", "*_id", "min_rating", tie-break entries).
void RenameIds(nlohmann::json& node, int32_t from, int32_t to, const std::string& key = "")
{
    if (node.is_object())
    {
        for (auto it = node.begin(); it != node.end(); ++it)
            RenameIds(it.value(), from, to, it.key());
        return;
    }
    if (node.is_array())
    {
        for (nlohmann::json& item : node)
            RenameIds(item, from, to, key);
        return;
    }
    if (!node.is_string())
        return;
    const bool id_key = key == "id" || key == "min_rating" || key == "tie_break_order" ||
                        (key.size() > 3 && key.compare(key.size() - 3, 3, "_id") == 0);
    if (id_key)
        node = RenameId(node.get<std::string>(), from, to);
}

std::string MoveYear(const std::string& iso, int32_t years)
{
    if (!text::IsValidDate(iso))
        return "";
    const int y = std::atoi(iso.substr(0, 4).c_str()) + years;
    std::string out = std::to_string(y) + iso.substr(4);
    if (out.substr(5) == "02-29" && !text::IsValidDate(out))
        out = out.substr(0, 5) + "02-28";
    return out;
}
} // namespace

std::string ui::SuccessorOn(const model::Dataset& data, const std::string& org_id, const std::string& date)
{
    std::string current = org_id;
    std::set<std::string> seen;
    while (seen.insert(current).second)
    {
        const model::Organization* org = FindOrg(data, current);
        if (!org || !EndedBy(data, *org, date))
            break;
        // Several successors (a split): the first stands for the unit in the cluster.
        current = org->successor_ids.front();
    }
    return current;
}

bool ui::MembershipInForce(const model::ClusterMembership& m, int32_t year)
{
    if (m.start_year > year || (m.end_year != 0 && m.end_year < year))
        return false;
    // An end year says it all; an ended record without one counts from its date.
    return m.end_year != 0 || m.ended.date.empty() || m.ended.date >= std::to_string(year) + "-01-01";
}

ui::YearPlan ui::ProposeYear(const model::Dataset& data, int32_t year)
{
    YearPlan plan;
    const model::YearFile* last = LatestYear(data, year);
    plan.year = year != 0 ? year : (last ? last->year.year + 1 : 0);
    const std::string first_day = std::to_string(plan.year) + "-01-01";
    plan.year_id = last ? RenameId(last->year.id, last->year.year, plan.year)
                        : "year." + ClusterStem(data) + "." + first_day.substr(0, 4);
    if (last)
    {
        plan.from_year_id = last->year.id;
        plan.theme = last->year.theme;
        plan.criteria_count = static_cast<int>(last->criteria.size());
        for (const model::Phase& phase : last->year.phases)
        {
            model::Phase p;
            p.id = RenameId(phase.id, last->year.year, plan.year);
            p.kind = phase.kind;
            p.status = "not_started";
            p.start_date = MoveYear(phase.start_date, plan.year - last->year.year);
            p.end_date = MoveYear(phase.end_date, plan.year - last->year.year);
            plan.phases.push_back(p);
        }
    }
    // Members: the memberships in force in the last year (or the new one), each unit followed to its successor.
    const int32_t base_year = last ? last->year.year : plan.year;
    std::set<std::string> in_force_new;
    for (const model::ClusterMembership& m : data.cluster.memberships)
        if (MembershipInForce(m, plan.year))
            in_force_new.insert(m.organization_id);
    for (const model::ClusterMembership& m : data.cluster.memberships)
    {
        if (!MembershipInForce(m, base_year) && !MembershipInForce(m, plan.year))
            continue;
        const std::string now = SuccessorOn(data, m.organization_id, first_day);
        auto it = std::find_if(plan.members.begin(), plan.members.end(),
                               [&](const PlannedMember& p) { return p.organization_id == now; });
        if (it == plan.members.end())
        {
            PlannedMember p;
            p.organization_id = now;
            p.needs_membership = !in_force_new.count(now);
            plan.members.push_back(p);
            it = plan.members.end() - 1;
        }
        if (now != m.organization_id)
            it->replaces.push_back(m.organization_id);
    }
    // Chair: the last year's deputy (as it stands now); else the first member.
    if (last && !last->year.deputy_org_id.empty())
        plan.chair_org_id = SuccessorOn(data, last->year.deputy_org_id, first_day);
    if (plan.chair_org_id.empty() && !plan.members.empty())
        plan.chair_org_id = plan.members.front().organization_id;
    for (size_t i = 0; i < plan.members.size(); ++i)
        if (plan.members[i].organization_id == plan.chair_org_id)
        {
            plan.deputy_org_id = plan.members[(i + 1) % plan.members.size()].organization_id;
            if (plan.deputy_org_id == plan.chair_org_id)
                plan.deputy_org_id.clear();
        }
    return plan;
}

std::vector<edit::Change> ui::OpenYearChanges(const model::Dataset& data, const YearPlan& plan,
                                              const std::string& reason_prefix)
{
    std::vector<edit::Change> changes;
    const std::string y = std::to_string(plan.year);
    const std::string dir = "years/" + y + "/";
    const model::YearFile* last = nullptr;
    for (const model::YearFile& file : data.years)
        if (file.year.id == plan.from_year_id)
            last = &file;

    // years/<y>/year.json: the last year's document with ids renamed, the new people and dates.
    nlohmann::json doc;
    if (last)
    {
        doc = nlohmann::json::parse(io::WriteFile(data, YearFilePath(data, last->year.id)), nullptr, false);
        if (doc.is_discarded())
            doc = nlohmann::json::object();
        RenameIds(doc, last->year.year, plan.year);
    }
    doc["format"] = "thidua.year";
    doc["schema_version"] = model::kSchemaVersion;
    doc.erase("synthetic");
    nlohmann::json& year = doc["year"];
    year.erase("sources");
    year.erase("sector_theme");
    year["id"] = plan.year_id;
    year["rev"] = 1;
    year["year"] = plan.year;
    if (!year.contains("cluster_id"))
        year["cluster_id"] = data.cluster.cluster.id;
    year["status"] = "planning";
    year["chair_org_id"] = plan.chair_org_id;
    if (plan.deputy_org_id.empty())
        year.erase("deputy_org_id");
    else
        year["deputy_org_id"] = plan.deputy_org_id;
    if (plan.theme.empty())
        year.erase("theme");
    else
        year["theme"] = plan.theme;
    nlohmann::json phases = nlohmann::json::array();
    for (const model::Phase& p : plan.phases)
    {
        nlohmann::json phase = {{"id", p.id}, {"kind", p.kind}, {"status", "not_started"}};
        if (!p.start_date.empty())
            phase["start_date"] = p.start_date;
        if (!p.end_date.empty())
            phase["end_date"] = p.end_date;
        phases.push_back(phase);
    }
    year["phases"] = phases;
    if (doc.contains("ruleset"))
        doc["ruleset"]["rev"] = 1;
    if (!doc.contains("criteria"))
        doc["criteria"] = nlohmann::json::array();
    for (nlohmann::json& c : doc["criteria"])
        c["rev"] = 1;
    changes.push_back(edit::CreateChange(dir + "year.json", doc));

    std::string stem = plan.year_id; // "year.cum1.2027" -> "cum1.2027"
    if (stem.rfind("year.", 0) == 0)
        stem = stem.substr(5);
    const nlohmann::json covenant = {
        {"format", "thidua.covenant"},
        {"schema_version", model::kSchemaVersion},
        {"covenant",
         {{"id", "cov." + stem}, {"rev", 1}, {"year_id", plan.year_id}, {"theme", plan.theme},
          {"commitments", nlohmann::json::array()}}},
        {"registrations", nlohmann::json::array()},
    };
    changes.push_back(edit::CreateChange(dir + "covenant.json", covenant));
    const nlohmann::json results = {{"format", "thidua.results"},  {"schema_version", model::kSchemaVersion},
                                    {"year_id", plan.year_id},     {"scores", nlohmann::json::array()},
                                    {"ballots", nlohmann::json::array()},
                                    {"award_proposals", nlohmann::json::array()}};
    changes.push_back(edit::CreateChange(dir + "results.json", results));
    for (const PlannedMember& m : plan.members)
    {
        const nlohmann::json self = {{"format", "thidua.self_assessment"}, {"schema_version", model::kSchemaVersion},
                                     {"year_id", plan.year_id},           {"organization_id", m.organization_id},
                                     {"scores", nlohmann::json::array()}};
        changes.push_back(edit::CreateChange(dir + "self/" + m.organization_id + ".json", self));
    }

    // cluster.json: the rotation, the successors' memberships, the ended memberships of the units they replace.
    nlohmann::json rotation = {{"id", edit::NewId(data, "rot." + stem.substr(0, stem.rfind('.')), y)},
                               {"year", plan.year},
                               {"chair_org_id", plan.chair_org_id}};
    if (!plan.deputy_org_id.empty())
        rotation["deputy_org_id"] = plan.deputy_org_id;
    changes.push_back(edit::AddChange("cluster.json", "/rotations", rotation));
    const std::string first_day = y + "-01-01";
    for (const PlannedMember& m : plan.members)
    {
        if (m.needs_membership)
        {
            nlohmann::json membership = {{"id", edit::NewId(data, "mem", m.organization_id)},
                                         {"organization_id", m.organization_id},
                                         {"start_year", plan.year}};
            const model::Organization* org = FindOrg(data, m.organization_id);
            if (org && !org->founding_date.empty() && org->founding_date.substr(0, 4) == y)
                membership["start_date"] = org->founding_date;
            changes.push_back(edit::AddChange("cluster.json", "/memberships", membership));
        }
        if (m.replaces.empty())
            continue;
        const model::Organization* successor = FindOrg(data, m.organization_id);
        const std::string successor_name =
            successor ? (successor->short_name.empty() ? successor->name : successor->short_name) : m.organization_id;
        for (const model::ClusterMembership& old : data.cluster.memberships)
        {
            if (std::find(m.replaces.begin(), m.replaces.end(), old.organization_id) == m.replaces.end() ||
                !old.ended.date.empty() || !MembershipInForce(old, plan.year))
                continue;
            const model::Organization* gone = FindOrg(data, old.organization_id);
            std::string date = gone && !gone->dissolution_date.empty() ? gone->dissolution_date
                               : successor && !successor->founding_date.empty() ? successor->founding_date
                                                                                 : first_day;
            if (date > first_day)
                date = first_day;
            // A member until the last year ends (the years it took part in stay its own).
            changes.push_back(edit::SetChange("cluster.json", old.id, "end_year", std::max(plan.year - 1, old.start_year)));
            changes.push_back(edit::SetChange("cluster.json", old.id, "ended",
                                              {{"date", date}, {"reason", reason_prefix + " " + successor_name}}));
        }
    }
    return changes;
}

bool ui::ParseDayMonthYear(const std::string& text_in, std::string* iso)
{
    const std::string date = ParseDateVi(text_in); // the one dd/mm/yyyy reader (year_work.h)
    if (date.empty())
        return false;
    *iso = date;
    return true;
}

bool ui::CriteriaLocked(const model::Dataset& data, const model::YearFile& year)
{
    if (year.year.status == "closed")
        return true;
    for (const model::Phase& p : year.year.phases)
        if (p.kind == "self_assessment" && (p.status == "open" || p.status == "closed"))
            return true;
    for (const model::SelfAssessment& s : data.self_assessments)
        if (s.year_id == year.year.id && !s.scores.empty())
            return true;
    for (const model::Results& r : data.results)
        if (r.year_id == year.year.id && !r.scores.empty())
            return true;
    return false;
}

std::string ui::YearFilePath(const model::Dataset& data, const std::string& year_id)
{
    for (size_t i = 0; i < data.years.size(); ++i)
        if (data.years[i].year.id == year_id)
            return edit::FilePath(data, model::FileKind::Year, static_cast<int32_t>(i));
    return "";
}

std::vector<edit::Change> ui::MoveCriterion(const model::Dataset& data, const model::YearFile& year,
                                            const std::string& criterion_id, int direction)
{
    const std::string path = YearFilePath(data, year.year.id);
    const model::Criterion* self = nullptr;
    for (const model::Criterion& c : year.criteria)
        if (c.id == criterion_id)
            self = &c;
    if (!self || path.empty())
        return {};
    std::vector<const model::Criterion*> siblings;
    for (const model::Criterion& c : year.criteria)
        if (c.parent_id == self->parent_id)
            siblings.push_back(&c);
    std::stable_sort(siblings.begin(), siblings.end(),
                     [](const model::Criterion* a, const model::Criterion* b) { return a->order < b->order; });
    const auto it = std::find(siblings.begin(), siblings.end(), self);
    const long at = it - siblings.begin(), to = at + direction;
    if (to < 0 || to >= static_cast<long>(siblings.size()))
        return {};
    // Number the siblings 1..n in the new order, changing only the orders that differ.
    std::swap(siblings[at], siblings[to]);
    std::vector<edit::Change> changes;
    for (size_t i = 0; i < siblings.size(); ++i)
        if (siblings[i]->order != static_cast<int32_t>(i + 1))
            changes.push_back(edit::SetChange(path, siblings[i]->id, "order", static_cast<int>(i + 1)));
    return changes;
}

std::vector<std::pair<int32_t, std::string>> ui::MemberYearsWithPredecessors(const model::Dataset& data,
                                                                             const std::string& org_id)
{
    std::vector<std::string> line{org_id}; // the unit and its predecessors, followed back
    for (size_t i = 0; i < line.size() && i < 64; ++i)
        if (const model::Organization* org = FindOrg(data, line[i]))
            for (const std::string& p : org->predecessor_ids)
                if (std::find(line.begin(), line.end(), p) == line.end())
                    line.push_back(p);
    std::vector<std::pair<int32_t, std::string>> out;
    for (const model::YearFile& y : data.years)
        for (const std::string& id : line)
        {
            bool member = false;
            for (const model::ClusterMembership& m : data.cluster.memberships)
                member = member || (m.organization_id == id && MembershipInForce(m, y.year.year));
            if (member)
                out.push_back({y.year.year, id});
        }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    return out;
}
