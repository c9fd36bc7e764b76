// Rules across fields and files (see rules.h). Each message names what is wrong and what is expected.
// Pointers come from model positions: the reader keeps one struct per array element, so indexes match.
#include "core/check/rules.h"

#include "core/text/text.h"

#include <algorithm>
#include <cstring>
#include <map>
#include <set>
#include <unordered_map>

namespace check
{
namespace
{
using model::FileKind;
using model::Points;

std::string Idx(size_t i) { return std::to_string(i); }
std::string Q(const std::string& s) { return "\"" + s + "\""; }

struct Ctx
{
    const model::Dataset& ds;
    std::vector<Issue>* issues;
    std::map<std::string, const model::Organization*> orgs;
    std::map<std::string, std::pair<const model::YearFile*, const model::Criterion*>> criteria;
    std::map<std::string, const model::YearFile*> years;

    void Error(const std::string& file, const std::string& pointer, const std::string& message) const
    {
        issues->push_back({file, pointer, message, Severity::Error});
    }
    void Warn(const std::string& file, const std::string& pointer, const std::string& message) const
    {
        issues->push_back({file, pointer, message, Severity::Warning});
    }
    std::string Name(const std::string& org_id) const
    {
        auto it = orgs.find(org_id);
        if (it == orgs.end())
            return org_id;
        return it->second->short_name.empty() ? it->second->name : it->second->short_name;
    }
    bool HasCluster() const
    {
        return std::any_of(ds.files.begin(), ds.files.end(), [](const model::FileInfo& f) { return f.kind == FileKind::Cluster && f.loaded; });
    }
    bool IsMember(const std::string& org, int32_t year) const
    {
        for (const model::ClusterMembership& m : ds.cluster.memberships)
            if (m.organization_id == org && m.start_year <= year && (m.end_year == 0 || year <= m.end_year))
                return true;
        return false;
    }
    int64_t MemberCount(int32_t year) const
    {
        std::set<std::string> ids;
        for (const model::ClusterMembership& m : ds.cluster.memberships)
            if (m.start_year <= year && (m.end_year == 0 || year <= m.end_year))
                ids.insert(m.organization_id);
        return static_cast<int64_t>(ids.size());
    }
};

const model::FileInfo* FileOf(const model::Dataset& ds, FileKind kind, size_t index)
{
    for (const model::FileInfo& f : ds.files)
        if (f.kind == kind && f.loaded && f.index == static_cast<int32_t>(index))
            return &f;
    return nullptr;
}

std::string YearFolder(const std::string& path) // "years/2021/..." -> "2021"
{
    return path.rfind("years/", 0) == 0 && path.size() > 10 ? path.substr(6, 4) : "";
}

std::string StemOf(const std::string& path) // "meetings/x.json" -> "x"
{
    std::string name = path.substr(path.rfind('/') + 1);
    return name.size() > 5 ? name.substr(0, name.size() - 5) : name;
}

void DateOrder(const Ctx& c, const std::string& file, const std::string& ptr, const std::string& start, const std::string& end,
               const char* end_key)
{
    if (!start.empty() && !end.empty() && end < start)
        c.Error(file, ptr + "/" + end_key, Q(end) + " is before the start date " + Q(start));
}

void CheckSources(const Ctx& c, const std::string& file, const std::string& ptr, const std::vector<model::Source>& sources)
{
    for (size_t i = 0; i < sources.size(); ++i)
        if (sources[i].url.empty() && sources[i].title.empty())
            c.Error(file, ptr + "/sources/" + Idx(i), "a source needs a \"url\" or a \"title\" saying where the fact comes from");
}

// ---- [SECTION] contact details ---------------------------------------------------------------------------

// A contact must be usable as written: a phone number dials, an e-mail address has a mailbox and a domain.
void CheckContacts(const Ctx& c, const std::string& file, const std::string& ptr,
                   const std::vector<model::ContactDetail>& contacts)
{
    for (size_t i = 0; i < contacts.size(); ++i)
    {
        const model::ContactDetail& k = contacts[i];
        const std::string p = ptr + "/contact_details/" + Idx(i) + "/value";
        if (k.type == "phone" || k.type == "mobile" || k.type == "fax")
        {
            const size_t digits = static_cast<size_t>(std::count_if(k.value.begin(), k.value.end(), [](char ch) { return ch >= '0' && ch <= '9'; }));
            const bool allowed = std::all_of(k.value.begin(), k.value.end(),
                                             [](char ch) { return (ch >= '0' && ch <= '9') || std::strchr(" +.-()", ch); });
            if (!allowed || digits < 8 || digits > 15)
                c.Error(file, p, Q(k.value) + " is not a telephone number; expected 8 to 15 digits such as \"0222 3822 100\"");
        }
        else if (k.type == "email")
        {
            const size_t at = k.value.find('@');
            if (at == std::string::npos || at == 0 || k.value.find('.', at) == std::string::npos ||
                k.value.find_first_of(" @", at + 1) != std::string::npos || k.value.back() == '.')
                c.Error(file, p, Q(k.value) + " is not an e-mail address such as \"vanphong@example.org\"");
        }
        else if (k.type == "website" && k.value.rfind("https://", 0) != 0 && k.value.rfind("http://", 0) != 0)
            c.Error(file, p, Q(k.value) + " is not a web address; it should start with https://");
    }
}

// ---- [SECTION] synthetic flags ---------------------------------------------------------------------------

void CheckSynthetic(const Ctx& c, const model::FileInfo& f, const std::string& ptr, bool record_synthetic)
{
    if (record_synthetic && !f.synthetic)
        c.Error(f.path, ptr + "/synthetic",
                "the record is marked synthetic (invented) but the file is not; add \"synthetic\": true at the top of the file");
}

// ---- [SECTION] registry and cluster ----------------------------------------------------------------

// A name that a spreadsheet would run as a formula: the exports neutralise it, but a person should look.
void FormulaWarning(const Ctx& c, const std::string& file, const std::string& pointer, const std::string& name)
{
    if (text::LooksLikeFormula(name))
        c.Warn(file, pointer, Q(name) + " starts with " + (name[0] == '\t' ? std::string("a tab") : name[0] == '\r' ? std::string("a line break") : Q(name.substr(0, 1))) +
                                  ", so a spreadsheet would run it as a formula; exports add an apostrophe before it (check the name)");
}

void CheckRegistry(const Ctx& c)
{
    const model::Dataset& ds = c.ds;
    if (const model::FileInfo* f = FileOf(ds, FileKind::Organizations, 0))
        for (size_t i = 0; i < ds.organizations.size(); ++i)
        {
            const model::Organization& o = ds.organizations[i];
            std::string p = "/organizations/" + Idx(i);
            CheckSynthetic(c, *f, p, o.synthetic);
            DateOrder(c, f->path, p, o.founding_date, o.dissolution_date, "dissolution_date");
            CheckSources(c, f->path, p, o.sources);
            CheckContacts(c, f->path, p, o.contact_details);
            FormulaWarning(c, f->path, p + "/name", o.name);
            FormulaWarning(c, f->path, p + "/short_name", o.short_name);
            if (o.parent_id == o.id && !o.id.empty())
                c.Error(f->path, p + "/parent_id", "an organization cannot be its own parent");
        }
    if (const model::FileInfo* f = FileOf(ds, FileKind::Areas, 0))
    {
        std::map<std::string, size_t> codes;
        for (size_t i = 0; i < ds.areas.size(); ++i)
        {
            const model::Area& a = ds.areas[i];
            std::string p = "/areas/" + Idx(i);
            CheckSynthetic(c, *f, p, a.synthetic);
            if (!a.gso_code.empty() && !std::all_of(a.gso_code.begin(), a.gso_code.end(), [](char ch) { return ch >= '0' && ch <= '9'; }))
                c.Error(f->path, p + "/gso_code", Q(a.gso_code) + " is not a GSO code; expected digits such as \"27\"");
            auto [it, inserted] = codes.emplace(a.gso_code, i);
            if (!inserted && !a.gso_code.empty())
                c.Error(f->path, p + "/gso_code", "GSO code " + Q(a.gso_code) + " is already used by /areas/" + Idx(it->second));
            DateOrder(c, f->path, p, a.valid_from, a.valid_to, "valid_to");
            CheckSources(c, f->path, p, a.sources);
        }
    }
    if (const model::FileInfo* f = FileOf(ds, FileKind::People, 0))
        for (size_t i = 0; i < ds.people.size(); ++i)
        {
            const model::Person& person = ds.people[i];
            std::string p = "/people/" + Idx(i);
            CheckSynthetic(c, *f, p, person.synthetic);
            CheckSources(c, f->path, p, person.sources);
            CheckContacts(c, f->path, p, person.contact_details);
            for (size_t k = 0; k < person.posts.size(); ++k)
            {
                DateOrder(c, f->path, p + "/posts/" + Idx(k), person.posts[k].start_date, person.posts[k].end_date, "end_date");
                CheckSources(c, f->path, p + "/posts/" + Idx(k), person.posts[k].sources);
            }
        }
}

void CheckCluster(const Ctx& c)
{
    const model::FileInfo* f = FileOf(c.ds, FileKind::Cluster, 0);
    if (!f)
        return;
    const model::Cluster& cl = c.ds.cluster;
    auto org = c.orgs.find(cl.cluster.organization_id);
    if (org != c.orgs.end() && org->second->classification != "emulation_cluster" && org->second->classification != "emulation_block")
        c.Error(f->path, "/cluster/organization_id",
                Q(cl.cluster.organization_id) + " is a " + org->second->classification + "; the cluster must be an emulation_cluster organization");
    CheckSources(c, f->path, "/cluster", cl.cluster.sources);
    for (size_t i = 0; i < cl.memberships.size(); ++i)
    {
        const model::ClusterMembership& m = cl.memberships[i];
        std::string p = "/memberships/" + Idx(i);
        CheckSynthetic(c, *f, p, m.synthetic);
        if (m.end_year != 0 && m.end_year < m.start_year)
            c.Error(f->path, p + "/end_year", std::to_string(m.end_year) + " is before start_year " + std::to_string(m.start_year));
        for (size_t k = 0; k < i; ++k)
        {
            const model::ClusterMembership& o = cl.memberships[k];
            bool overlap = o.organization_id == m.organization_id && (o.end_year == 0 || m.start_year <= o.end_year) &&
                           (m.end_year == 0 || o.start_year <= m.end_year);
            if (overlap)
                c.Error(f->path, p, c.Name(m.organization_id) + " is already a member in these years (/memberships/" + Idx(k) + ")");
        }
    }
    std::map<int32_t, size_t> years;
    for (size_t i = 0; i < cl.rotations.size(); ++i)
    {
        const model::Rotation& r = cl.rotations[i];
        std::string p = "/rotations/" + Idx(i);
        CheckSynthetic(c, *f, p, r.synthetic);
        auto [it, inserted] = years.emplace(r.year, i);
        if (!inserted)
            c.Error(f->path, p + "/year", "the chair of " + std::to_string(r.year) + " is already given at /rotations/" + Idx(it->second));
        if (!r.chair_org_id.empty() && !c.IsMember(r.chair_org_id, r.year))
            c.Error(f->path, p + "/chair_org_id", c.Name(r.chair_org_id) + " is not a member of the cluster in " + std::to_string(r.year));
        if (!r.deputy_org_id.empty() && !c.IsMember(r.deputy_org_id, r.year))
            c.Error(f->path, p + "/deputy_org_id", c.Name(r.deputy_org_id) + " is not a member of the cluster in " + std::to_string(r.year));
        if (!r.deputy_org_id.empty() && r.deputy_org_id == r.chair_org_id)
            c.Error(f->path, p + "/deputy_org_id", "the deputy must be another unit than the chair");
        CheckSources(c, f->path, p, r.sources);
    }
}

// ---- [SECTION] years: ruleset and criteria -----------------------------------------------------------

void CheckYear(const Ctx& c, const model::FileInfo& f, const model::YearFile& y)
{
    const std::string folder = YearFolder(f.path);
    if (!folder.empty() && y.year.year != 0 && folder != std::to_string(y.year.year))
        c.Error(f.path, "/year/year", "the file is in years/" + folder + "/ but says year " + std::to_string(y.year.year));
    if (c.HasCluster())
    {
        if (!y.year.cluster_id.empty() && !c.ds.cluster.cluster.id.empty() && y.year.cluster_id != c.ds.cluster.cluster.id)
            c.Error(f.path, "/year/cluster_id", Q(y.year.cluster_id) + " is not this dataset's cluster " + Q(c.ds.cluster.cluster.id));
        if (!y.year.chair_org_id.empty() && !c.IsMember(y.year.chair_org_id, y.year.year))
            c.Error(f.path, "/year/chair_org_id", c.Name(y.year.chair_org_id) + " is not a member of the cluster in " + std::to_string(y.year.year));
        if (!y.year.deputy_org_id.empty() && !c.IsMember(y.year.deputy_org_id, y.year.year))
            c.Error(f.path, "/year/deputy_org_id", c.Name(y.year.deputy_org_id) + " is not a member of the cluster in " + std::to_string(y.year.year));
        for (const model::Rotation& r : c.ds.cluster.rotations)
            if (r.year == y.year.year)
            {
                if (r.chair_org_id != y.year.chair_org_id)
                    c.Error(f.path, "/year/chair_org_id", "cluster.json names " + c.Name(r.chair_org_id) + " as chair of " +
                                                               std::to_string(r.year) + ", but this file names " + c.Name(y.year.chair_org_id));
                if (r.deputy_org_id != y.year.deputy_org_id)
                    c.Error(f.path, "/year/deputy_org_id", "cluster.json names " + Q(r.deputy_org_id) + " as deputy of " +
                                                                std::to_string(r.year) + ", but this file names " + Q(y.year.deputy_org_id));
            }
    }
    for (size_t i = 0; i < y.year.phases.size(); ++i)
        DateOrder(c, f.path, "/year/phases/" + Idx(i), y.year.phases[i].start_date, y.year.phases[i].end_date, "end_date");
    CheckSources(c, f.path, "/year", y.year.sources);

    const model::Ruleset& r = y.ruleset;
    const model::VoteRules& v = r.vote_rules;
    if (v.quorum.num > v.quorum.den)
        c.Error(f.path, "/ruleset/vote_rules/quorum/num", "the quorum " + std::to_string(v.quorum.num) + "/" + std::to_string(v.quorum.den) + " is more than all members");
    if (v.threshold.num > v.threshold.den)
        c.Error(f.path, "/ruleset/vote_rules/threshold/num", "the threshold " + std::to_string(v.threshold.num) + "/" + std::to_string(v.threshold.den) + " can never be reached");
    std::set<std::string> bands;
    for (const model::RatingBand& b : r.rating_bands)
        bands.insert(b.id);
    for (size_t i = 0; i < r.award_quotas.size(); ++i)
        if (!r.award_quotas[i].min_rating.empty() && !bands.count(r.award_quotas[i].min_rating))
            c.Error(f.path, "/ruleset/award_quotas/" + Idx(i) + "/min_rating", Q(r.award_quotas[i].min_rating) + " is not one of this ruleset's rating_bands");
    std::map<std::string, const model::Criterion*> crit;
    for (const model::Criterion& k : y.criteria)
        crit[k.id] = &k;
    for (size_t i = 0; i < r.tie_break_order.size(); ++i)
    {
        const std::string& t = r.tie_break_order[i];
        bool ok = t == "bonus" || t == "penalty" || t == "self_total" || t == "revote" || t == "conference";
        if (t.rfind("group:", 0) == 0)
        {
            auto it = crit.find(t.substr(6));
            ok = it != crit.end();
            if (!ok)
            {
                c.Error(f.path, "/ruleset/tie_break_order/" + Idx(i), "no criterion " + Q(t.substr(6)) + " in this year's criteria");
                continue;
            }
        }
        if (!ok)
            c.Error(f.path, "/ruleset/tie_break_order/" + Idx(i),
                    Q(t) + " is not a tie-break rule; expected \"group:<criterion id>\", \"bonus\", \"penalty\", \"self_total\", \"revote\" or \"conference\"");
    }
    CheckSources(c, f.path, "/ruleset", r.sources);

    std::map<std::string, size_t> codes;
    for (size_t i = 0; i < y.criteria.size(); ++i)
    {
        const model::Criterion& k = y.criteria[i];
        std::string p = "/criteria/" + Idx(i);
        std::string name = "criterion " + (k.code.empty() ? k.id : k.code);
        auto [it, inserted] = codes.emplace(k.code, i);
        if (!inserted && !k.code.empty())
            c.Error(f.path, p + "/code", "code " + Q(k.code) + " is already used by /criteria/" + Idx(it->second));
        const bool needs_max = k.kind == "group" || k.kind == "quantitative" || k.kind == "qualitative" || k.kind == "per_occurrence" || k.kind == "manual";
        if (needs_max && k.max_points <= 0)
            c.Error(f.path, p + "/max_points", "a " + k.kind + " " + name + " needs max_points above 0");
        if (k.kind == "quantitative" && k.target <= 0)
            c.Error(f.path, p + "/target", "a quantitative " + name + " needs a target above 0");
        if ((k.kind == "per_occurrence" || k.kind == "bonus" || k.kind == "penalty") && k.points_per_unit <= 0)
            c.Error(f.path, p + "/points_per_unit", "a " + k.kind + " " + name + " needs points_per_unit above 0");
        if ((k.kind == "bonus" || k.kind == "penalty") && !k.parent_id.empty())
            c.Error(f.path, p + "/parent_id", "bonus and penalty criteria are counted outside the groups; remove parent_id");
        if (!k.parent_id.empty())
        {
            auto parent = crit.find(k.parent_id);
            if (parent == crit.end())
            {
                if (c.criteria.count(k.parent_id))
                    c.Error(f.path, p + "/parent_id", Q(k.parent_id) + " belongs to another year's criteria");
            }
            else if (parent->second->kind != "group")
                c.Error(f.path, p + "/parent_id", Q(k.parent_id) + " is a " + parent->second->kind + " criterion; only a group can have sub-criteria");
            // cycle: walk up at most criteria.size() steps
            std::string at = k.parent_id;
            for (size_t steps = 0; !at.empty() && steps <= y.criteria.size(); ++steps)
            {
                if (at == k.id)
                {
                    c.Error(f.path, p + "/parent_id", name + " is inside itself (its parents lead back to it)");
                    break;
                }
                auto up = crit.find(at);
                at = up == crit.end() ? "" : up->second->parent_id;
            }
        }
    }
}

// ---- [SECTION] scores --------------------------------------------------------------------------------

void CheckScores(const Ctx& c, const model::FileInfo& f, const std::string& year_id, const std::vector<model::Score>& scores,
                 const std::string& self_org)
{
    const bool self_file = f.kind == FileKind::SelfAssessment;
    auto year = c.years.find(year_id);
    const model::YearFile* y = year == c.years.end() ? nullptr : year->second;
    std::unordered_map<std::string, size_t> seen;
    seen.reserve(scores.size());
    for (size_t i = 0; i < scores.size(); ++i)
    {
        const model::Score& s = scores[i];
        std::string p = "/scores/" + Idx(i);
        if (self_file)
        {
            if (s.stage != "self" && !s.stage.empty())
                c.Error(f.path, p + "/stage", "a unit's own file holds only \"self\" scores; " + Q(s.stage) + " scores belong in results.json");
            if (!self_org.empty() && !s.subject_org_id.empty() && s.subject_org_id != self_org)
                c.Error(f.path, p + "/subject_org_id", "this file is " + c.Name(self_org) + "'s self-assessment; it cannot score " + c.Name(s.subject_org_id));
            if (!self_org.empty() && !s.scorer_org_id.empty() && s.scorer_org_id != self_org)
                c.Error(f.path, p + "/scorer_org_id", "in a self-assessment the scorer is the unit itself (" + Q(self_org) + ")");
        }
        else
        {
            if (s.stage == "self")
                c.Error(f.path, p + "/stage", "self scores belong in years/<year>/self/<org-id>.json, written by the unit itself");
            if (s.stage == "cross" && !s.scorer_org_id.empty() && s.scorer_org_id == s.subject_org_id)
                c.Error(f.path, p + "/scorer_org_id", "in cross scoring a unit cannot score itself");
            if (y && (s.stage == "cross" || s.stage == "review") && s.stage != y->ruleset.second_stage)
                c.Error(f.path, p + "/stage", "the " + std::to_string(y->year.year) + " ruleset uses \"" + y->ruleset.second_stage +
                                                  "\" as the second stage, not " + Q(s.stage));
            if (y && s.stage == "cross" && c.HasCluster() && !s.scorer_org_id.empty() && !c.IsMember(s.scorer_org_id, y->year.year))
                c.Error(f.path, p + "/scorer_org_id", c.Name(s.scorer_org_id) + " is not a member in " + std::to_string(y->year.year) + " and cannot cross-score");
        }
        if (y && c.HasCluster() && !s.subject_org_id.empty() && !c.IsMember(s.subject_org_id, y->year.year))
            c.Error(f.path, p + "/subject_org_id", c.Name(s.subject_org_id) + " is not a member of the cluster in " + std::to_string(y->year.year));
        std::string key = s.stage + "|" + s.scorer_org_id + "|" + s.subject_org_id + "|" + s.criterion_id;
        auto [it, inserted] = seen.emplace(key, i);
        if (!inserted)
            c.Error(f.path, p, "the same scorer already scored this criterion for this unit at this stage (/scores/" + Idx(it->second) + ")");

        auto ci = c.criteria.find(s.criterion_id);
        if (ci == c.criteria.end())
            continue;
        const model::Criterion& k = *ci->second.second;
        if (y && ci->second.first != y)
        {
            c.Error(f.path, p + "/criterion_id", Q(s.criterion_id) + " is a criterion of " + std::to_string(ci->second.first->year.year) +
                                                     ", not of " + std::to_string(y->year.year));
            continue;
        }
        if (k.kind == "group")
            c.Error(f.path, p + "/criterion_id", "criterion " + k.code + " (" + k.title + ") is a group; score its sub-criteria instead");
        else if (std::string problem = ScoreValueProblem(k, s.value); !problem.empty())
            c.Error(f.path, p + "/value", problem);
    }
}

// ---- [SECTION] ballots and proposals -----------------------------------------------------------------

void CheckBallots(const Ctx& c, const model::FileInfo& f, const model::Results& r)
{
    auto year = c.years.find(r.year_id);
    const model::YearFile* y = year == c.years.end() ? nullptr : year->second;
    std::map<std::string, const model::Ballot*> by_id;
    for (const model::Ballot& b : r.ballots)
        by_id[b.id] = &b;
    for (size_t i = 0; i < r.ballots.size(); ++i)
    {
        const model::Ballot& b = r.ballots[i];
        std::string p = "/ballots/" + Idx(i);
        if (b.ballots_valid + b.ballots_invalid != b.ballots_returned)
            c.Error(f.path, p + "/ballots_returned", "valid (" + std::to_string(b.ballots_valid) + ") + invalid (" +
                                                         std::to_string(b.ballots_invalid) + ") ballots must equal the ballots returned (" +
                                                         std::to_string(b.ballots_returned) + ")");
        if (b.ballots_returned > b.ballots_issued)
            c.Error(f.path, p + "/ballots_returned", std::to_string(b.ballots_returned) + " ballots returned but only " +
                                                         std::to_string(b.ballots_issued) + " issued");
        if (y && y->ruleset.vote_rules.voter_kind == "organization" && b.ballots_issued > b.members_present)
            c.Error(f.path, p + "/ballots_issued", std::to_string(b.ballots_issued) + " ballots issued but only " +
                                                       std::to_string(b.members_present) + " member units present (one ballot per unit)");
        if (y && c.HasCluster() && b.members_present > c.MemberCount(y->year.year))
            c.Error(f.path, p + "/members_present", std::to_string(b.members_present) + " members present, but the cluster has only " +
                                                        std::to_string(c.MemberCount(y->year.year)) + " in " + std::to_string(y->year.year));
        int64_t sum = 0;
        std::set<std::string> options;
        for (size_t k = 0; k < b.counts.size(); ++k)
        {
            const model::VoteCount& vc = b.counts[k];
            sum += vc.votes;
            if (!vc.option.empty() && std::find(b.candidates.begin(), b.candidates.end(), vc.option) == b.candidates.end())
                c.Error(f.path, p + "/counts/" + Idx(k) + "/option", c.Name(vc.option) + " is not one of this ballot's candidates");
            if (!options.insert(vc.option).second)
                c.Error(f.path, p + "/counts/" + Idx(k) + "/option", c.Name(vc.option) + " is counted twice");
        }
        int64_t choices = y ? y->ruleset.vote_rules.max_choices : 1;
        if (sum > b.ballots_valid * choices)
            c.Error(f.path, p + "/counts", "the votes add up to " + std::to_string(sum) + ", more than " + std::to_string(b.ballots_valid) +
                                               " valid ballots × " + std::to_string(choices) + " choice(s) allow");
        for (size_t k = 0; k < b.candidates.size(); ++k)
        {
            if (std::count(b.candidates.begin(), b.candidates.end(), b.candidates[k]) > 1 &&
                std::find(b.candidates.begin(), b.candidates.end(), b.candidates[k]) - b.candidates.begin() != static_cast<std::ptrdiff_t>(k))
                c.Error(f.path, p + "/candidates/" + Idx(k), c.Name(b.candidates[k]) + " is listed twice");
            if (y && c.HasCluster() && !c.IsMember(b.candidates[k], y->year.year))
                c.Error(f.path, p + "/candidates/" + Idx(k), c.Name(b.candidates[k]) + " is not a member of the cluster in " + std::to_string(y->year.year));
        }
        if (b.seats > static_cast<int32_t>(b.candidates.size()) && !b.candidates.empty())
            c.Error(f.path, p + "/seats", std::to_string(b.seats) + " seats but only " + std::to_string(b.candidates.size()) + " candidates");
        if (b.round > 1 && b.previous_round_id.empty())
            c.Error(f.path, p + "/previous_round_id", "round " + std::to_string(b.round) + " must name the ballot it repeats (previous_round_id)");
        if (!b.previous_round_id.empty())
        {
            auto prev = by_id.find(b.previous_round_id);
            if (prev != by_id.end())
            {
                if (prev->second->round + 1 != b.round)
                    c.Error(f.path, p + "/round", "round " + std::to_string(b.round) + " follows round " + std::to_string(prev->second->round) +
                                                      "; expected round " + std::to_string(prev->second->round + 1));
                if (prev->second->motion != b.motion)
                    c.Error(f.path, p + "/motion", "a repeated round must vote on the same motion as " + Q(b.previous_round_id));
            }
            else
            {
                // Unknown ids are reported by the reference check; another file's ballot is wrong here.
                bool elsewhere = false;
                for (const model::Results& other : c.ds.results)
                    if (&other != &r)
                        for (const model::Ballot& ob : other.ballots)
                            elsewhere = elsewhere || ob.id == b.previous_round_id;
                if (elsewhere)
                    c.Error(f.path, p + "/previous_round_id", Q(b.previous_round_id) + " is a ballot of another year");
            }
        }
        if (y && b.round > y->ruleset.vote_rules.max_rounds)
            c.Error(f.path, p + "/round", "round " + std::to_string(b.round) + " is more than the " +
                                              std::to_string(y->ruleset.vote_rules.max_rounds) + " rounds the ruleset allows");
    }

    // award proposals within quotas
    std::map<std::string, int32_t> per_type;
    for (size_t i = 0; i < r.award_proposals.size(); ++i)
    {
        const model::AwardProposal& a = r.award_proposals[i];
        std::string p = "/award_proposals/" + Idx(i);
        if (a.basis == "ballot_winner" && a.ballot_id.empty())
            c.Error(f.path, p + "/ballot_id", "a proposal for the elected leading unit must name its ballot (ballot_id)");
        if (y && c.HasCluster() && !a.organization_id.empty() && !c.IsMember(a.organization_id, y->year.year))
            c.Error(f.path, p + "/organization_id", c.Name(a.organization_id) + " is not a member of the cluster in " + std::to_string(y->year.year));
        if (a.status == "rejected" || !a.ended.date.empty()) // withdrawn proposals stay on record, outside the quota
            continue;
        int32_t n = ++per_type[a.award_type];
        if (!y)
            continue;
        const model::AwardQuota* quota = nullptr;
        for (const model::AwardQuota& q : y->ruleset.award_quotas)
            if (q.award_type == a.award_type)
                quota = &q;
        if (!quota)
            c.Error(f.path, p + "/award_type", "the " + std::to_string(y->year.year) + " ruleset has no quota for " + Q(a.award_type));
        else if (n > quota->max_count)
            c.Error(f.path, p, "proposal number " + std::to_string(n) + " for " + Q(a.award_type) + " exceeds the quota of " +
                                   std::to_string(quota->max_count) + " in the " + std::to_string(y->year.year) + " ruleset");
        for (size_t k = 0; k < i; ++k)
            if (r.award_proposals[k].award_type == a.award_type && r.award_proposals[k].organization_id == a.organization_id &&
                r.award_proposals[k].status != "rejected" && r.award_proposals[k].ended.date.empty())
                c.Error(f.path, p + "/organization_id", c.Name(a.organization_id) + " is already proposed for " + Q(a.award_type) +
                                                            " (/award_proposals/" + Idx(k) + ")");
    }
}

// ---- [SECTION] covenant, meetings, self files ----------------------------------------------------------

void CheckYearLink(const Ctx& c, const model::FileInfo& f, const std::string& pointer, const std::string& year_id)
{
    auto y = c.years.find(year_id);
    std::string folder = YearFolder(f.path);
    if (y != c.years.end() && !folder.empty() && folder != std::to_string(y->second->year.year))
        c.Error(f.path, pointer, Q(year_id) + " is the year " + std::to_string(y->second->year.year) + ", but the file is in years/" + folder + "/");
}

void CheckCovenant(const Ctx& c, const model::FileInfo& f, const model::CovenantFile& cf)
{
    CheckYearLink(c, f, "/covenant/year_id", cf.covenant.year_id);
    auto y = c.years.find(cf.covenant.year_id);
    if (y != c.years.end() && !y->second->year.theme.empty() && cf.covenant.theme != y->second->year.theme)
        c.Warn(f.path, "/covenant/theme", "the covenant's theme differs from the theme in year.json (" + Q(y->second->year.theme) + ")");
    CheckSources(c, f.path, "/covenant", cf.covenant.sources);
    for (size_t i = 0; i < cf.covenant.commitments.size(); ++i)
        CheckSources(c, f.path, "/covenant/commitments/" + Idx(i), cf.covenant.commitments[i].sources);
    for (size_t i = 0; i < cf.registrations.size(); ++i)
    {
        const model::Registration& r = cf.registrations[i];
        std::string p = "/registrations/" + Idx(i);
        CheckSynthetic(c, f, p, r.synthetic);
        if (y != c.years.end() && c.HasCluster() && !r.organization_id.empty() && !c.IsMember(r.organization_id, y->second->year.year))
            c.Error(f.path, p + "/organization_id", c.Name(r.organization_id) + " is not a member of the cluster in " + std::to_string(y->second->year.year));
        for (size_t k = 0; k < i; ++k)
            if (cf.registrations[k].organization_id == r.organization_id)
                c.Error(f.path, p + "/organization_id", c.Name(r.organization_id) + " is already registered at /registrations/" + Idx(k));
    }
}

void CheckMeeting(const Ctx& c, const model::FileInfo& f, const model::Meeting& m)
{
    if (f.path.rfind("meetings/", 0) == 0 && !m.id.empty() && StemOf(f.path) != m.id)
        c.Error(f.path, "/meeting/id", "the file is named " + StemOf(f.path) + ".json but the meeting's id is " + Q(m.id) +
                                           "; they must match");
    DateOrder(c, f.path, "/meeting", m.start_date, m.end_date, "end_date");
    auto y = c.years.find(m.year_id);
    if (y != c.years.end() && m.start_date.size() >= 4 && m.start_date.substr(0, 4) != std::to_string(y->second->year.year) &&
        m.start_date.substr(0, 4) != std::to_string(y->second->year.year + 1))
        c.Warn(f.path, "/meeting/start_date", "the meeting is dated " + m.start_date + " but belongs to the year " + std::to_string(y->second->year.year));
    CheckSources(c, f.path, "/meeting", m.sources);
    for (size_t i = 0; i < m.participants.size(); ++i)
    {
        std::string p = "/meeting/participants/" + Idx(i);
        if (m.participants[i].person_id.empty() && m.participants[i].name.empty() && m.participants[i].organization_id.empty())
            c.Error(f.path, p, "a participant needs a person_id, a name or an organization_id");
        CheckSources(c, f.path, p, m.participants[i].sources);
    }
    for (size_t i = 0; i < m.agenda.size(); ++i)
        CheckSources(c, f.path, "/meeting/agenda/" + Idx(i), m.agenda[i].sources);
    for (size_t i = 0; i < m.decisions.size(); ++i)
        CheckSources(c, f.path, "/meeting/decisions/" + Idx(i), m.decisions[i].sources);
}
} // namespace

void CheckRules(const model::Dataset& ds, std::vector<Issue>* issues)
{
    Ctx c{ds, issues, {}, {}, {}};
    for (const model::Organization& o : ds.organizations)
        c.orgs[o.id] = &o;
    for (const model::YearFile& y : ds.years)
    {
        c.years[y.year.id] = &y;
        for (const model::Criterion& k : y.criteria)
            c.criteria[k.id] = {&y, &k};
    }
    CheckRegistry(c);
    CheckCluster(c);
    for (const model::FileInfo& f : ds.files)
    {
        if (!f.loaded || f.index < 0)
            continue;
        size_t i = static_cast<size_t>(f.index);
        switch (f.kind)
        {
        case FileKind::Year:
            if (i < ds.years.size())
                CheckYear(c, f, ds.years[i]);
            break;
        case FileKind::Covenant:
            if (i < ds.covenants.size())
                CheckCovenant(c, f, ds.covenants[i]);
            break;
        case FileKind::Meeting:
            if (i < ds.meetings.size())
                CheckMeeting(c, f, ds.meetings[i]);
            break;
        case FileKind::Results:
            if (i < ds.results.size())
            {
                CheckYearLink(c, f, "/year_id", ds.results[i].year_id);
                CheckScores(c, f, ds.results[i].year_id, ds.results[i].scores, "");
                CheckBallots(c, f, ds.results[i]);
            }
            break;
        case FileKind::SelfAssessment:
            if (i < ds.self_assessments.size())
            {
                const model::SelfAssessment& sa = ds.self_assessments[i];
                CheckYearLink(c, f, "/year_id", sa.year_id);
                if (f.path.find("/self/") != std::string::npos && !sa.organization_id.empty() && StemOf(f.path) != sa.organization_id)
                    c.Error(f.path, "/organization_id", "the file is named " + StemOf(f.path) + ".json but holds the self-assessment of " +
                                                            Q(sa.organization_id) + "; they must match");
                CheckScores(c, f, sa.year_id, sa.scores, sa.organization_id);
            }
            break;
        default: break;
        }
    }
}
} // namespace check

std::string check::ScoreValueProblem(const model::Criterion& k, model::Points value)
{
    const std::string name = "criterion " + k.code + " (" + k.title + ")";
    if (value < 0) // a file's negative number is refused when it is read; a typed one is asked here
        return text::FormatPoints(value) + " is negative; expected a number of 0 or more";
    if (k.kind == "manual" && value > k.max_points)
        return "score " + text::FormatPoints(value) + " is above the maximum " + text::FormatPoints(k.max_points) + " of " + name;
    if (k.kind == "qualitative" && value != 0 && value != 100)
        return text::FormatPoints(value) + " is not allowed for the qualitative " + name + "; expected 1 (achieved) or 0 (not achieved)";
    if ((k.kind == "per_occurrence" || k.kind == "bonus" || k.kind == "penalty") && value % 100 != 0)
        return text::FormatPoints(value) + " is not a whole number; " + name + " counts occurrences";
    if (k.kind == "quantitative" && k.unit == "%" && value > 10000)
        // Quantitative points are relative to the best result: one impossible percentage lowers every other unit.
        return text::FormatPoints(value) + " % is not possible for " + name + "; a percentage is from 0 to 100";
    return "";
}
