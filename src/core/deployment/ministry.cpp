// The ministry's table across clusters; see ministry.h for the rules.
#include "core/deployment/ministry.h"

#include "core/io/json_read.h"
#include "core/scoring/scoring.h"
#include "core/text/text.h"

#include <algorithm>
#include <set>

namespace deployment
{
namespace
{
std::string OrgName(const model::Dataset& ds, const std::string& id)
{
    for (const model::Organization& o : ds.organizations)
        if (o.id == id)
            return o.short_name.empty() ? o.name : o.short_name;
    return id;
}

LeaderRow RowOf(const ClusterData& c, int32_t year)
{
    LeaderRow row;
    row.cluster_id = c.entry.id;
    row.cluster_name = c.entry.name;
    row.kind = c.entry.kind;
    row.synthetic = c.entry.synthetic;
    if (!c.dataset)
        return row;
    const model::Dataset& ds = *c.dataset;
    const model::YearFile* y = nullptr;
    for (const model::YearFile& f : ds.years)
        if (f.year.year == year)
            y = &f;
    for (const model::FileInfo& f : ds.files)
        row.synthetic = row.synthetic || f.synthetic;
    if (!y)
        return row;
    row.has_year = true;
    const scoring::YearResult result = scoring::ComputeYear(ds, y->year.id);
    row.members = static_cast<int32_t>(result.member_ids.size());
    const model::Results* results = nullptr;
    for (const model::Results& r : ds.results)
        if (r.year_id == y->year.id)
            results = &r;
    // The leader: the honour ballot's winner (the last passed one), else the unit ranked first.
    if (results)
        for (const scoring::BallotOutcome& outcome : result.ballots)
            for (const model::Ballot& b : results->ballots)
                if (b.id == outcome.ballot_id && b.motion == "honour_leader" && b.ended.date.empty() &&
                    outcome.result == "pass" && !outcome.winners.empty())
                {
                    row.leader_org_id = outcome.winners.front();
                    row.by_ballot = true;
                    row.base = outcome.base;
                    row.votes = 0;
                    for (const model::VoteCount& v : b.counts)
                        if (v.option == row.leader_org_id)
                            row.votes = v.votes;
                }
    if (row.leader_org_id.empty() && result.unranked == 0 && !result.members.empty() && result.members.front().rank == 1 &&
        (result.members.size() < 2 || result.members[1].rank != 1))
        row.leader_org_id = result.members.front().organization_id;
    if (!row.leader_org_id.empty())
    {
        row.leader_name = OrgName(ds, row.leader_org_id);
        for (const scoring::MemberResult& m : result.members)
            if (m.organization_id == row.leader_org_id)
                row.total = m.ranking_total.value;
    }
    if (results)
        for (const model::AwardProposal& p : results->award_proposals)
            if (p.ended.date.empty())
                row.proposals.push_back(
                    {p.award_type, OrgName(ds, p.organization_id), p.status, p.decision_number, p.decision_date});
    return row;
}

// -1 when a ranks before b, 1 after, 0 equal (ministry.h: ballot first, then the larger vote share).
int Compare(const LeaderRow& a, const LeaderRow& b)
{
    if (a.by_ballot != b.by_ballot)
        return a.by_ballot ? -1 : 1;
    if (a.by_ballot)
    {
        const int64_t left = a.votes * b.base, right = b.votes * a.base;
        if (left != right)
            return left > right ? -1 : 1;
    }
    return 0;
}
} // namespace

int32_t GovernmentFlagQuota(int32_t leaders)
{
    return leaders * 20 / 100;
}

MinistryTable BuildMinistryTable(const std::vector<ClusterData>& clusters, int32_t year)
{
    MinistryTable t;
    t.year = year;
    std::set<int32_t> years;
    std::vector<LeaderRow> leaders, others;
    for (const ClusterData& c : clusters)
    {
        if (c.dataset)
            for (const model::YearFile& f : c.dataset->years)
                years.insert(f.year.year);
        LeaderRow row = RowOf(c, year);
        (row.leader_org_id.empty() ? others : leaders).push_back(std::move(row));
    }
    t.years.assign(years.begin(), years.end());
    auto by_name = [](const LeaderRow& a, const LeaderRow& b) {
        return a.cluster_name != b.cluster_name ? text::VietnameseLess(a.cluster_name, b.cluster_name)
                                                : a.cluster_id < b.cluster_id;
    };
    std::stable_sort(leaders.begin(), leaders.end(), by_name);
    std::stable_sort(leaders.begin(), leaders.end(),
                     [](const LeaderRow& a, const LeaderRow& b) { return Compare(a, b) < 0; });
    std::stable_sort(others.begin(), others.end(), by_name);
    t.leaders = static_cast<int32_t>(leaders.size());
    t.quota = GovernmentFlagQuota(t.leaders);
    for (size_t i = 0; i < leaders.size(); ++i)
        leaders[i].candidate_rank =
            i > 0 && Compare(leaders[i - 1], leaders[i]) == 0 ? leaders[i - 1].candidate_rank : static_cast<int32_t>(i + 1);
    for (LeaderRow& r : leaders)
    {
        // The n units sharing r's rank take places rank .. rank+n-1: all within the quota, none, or the council
        // decides between them.
        const int32_t n = static_cast<int32_t>(std::count_if(
            leaders.begin(), leaders.end(), [&](const LeaderRow& o) { return o.candidate_rank == r.candidate_rank; }));
        r.goes_forward = r.candidate_rank + n - 1 <= t.quota;
        r.tied_at_quota = !r.goes_forward && r.candidate_rank <= t.quota;
    }
    t.rows = std::move(leaders);
    for (LeaderRow& o : others)
        t.rows.push_back(std::move(o));
    return t;
}

nlohmann::json ToJson(const MinistryTable& t)
{
    nlohmann::json rows = nlohmann::json::array();
    for (const LeaderRow& r : t.rows)
    {
        nlohmann::json props = nlohmann::json::array();
        for (const ProposalRow& p : r.proposals)
            props.push_back({{"award_type", p.award_type}, {"organization", p.organization}, {"status", p.status},
                             {"decision_number", p.decision_number}, {"decision_date", p.decision_date}});
        rows.push_back({{"cluster_id", r.cluster_id}, {"cluster_name", r.cluster_name}, {"kind", r.kind},
                        {"synthetic", r.synthetic}, {"has_year", r.has_year}, {"leader_org_id", r.leader_org_id},
                        {"leader_name", r.leader_name}, {"by_ballot", r.by_ballot}, {"votes", r.votes},
                        {"base", r.base}, {"total", r.total}, {"members", r.members}, {"proposals", props},
                        {"candidate_rank", r.candidate_rank}, {"goes_forward", r.goes_forward},
                        {"tied_at_quota", r.tied_at_quota}});
    }
    return {{"format", "thidua.ministry_table"}, {"year", t.year},     {"years", t.years},
            {"leaders", t.leaders},              {"quota", t.quota},   {"rows", rows}};
}

bool FromJson(const nlohmann::json& j, MinistryTable* out)
{
    *out = {};
    if (!j.is_object() || io::StringOr(j, "format", "") != "thidua.ministry_table")
        return false;
    out->year = static_cast<int32_t>(io::IntOr(j, "year", 0));
    out->leaders = static_cast<int32_t>(io::IntOr(j, "leaders", 0));
    out->quota = static_cast<int32_t>(io::IntOr(j, "quota", 0));
    if (const io::json* ys = io::Child(j, "years"); ys && ys->is_array())
        for (const io::json& y : *ys)
            if (y.is_number_integer())
                out->years.push_back(y.get<int32_t>());
    const io::json* rows = io::Child(j, "rows");
    if (!rows || !rows->is_array())
        return false;
    for (const io::json& r : *rows)
    {
        if (!r.is_object())
            return false;
        LeaderRow row;
        row.cluster_id = io::StringOr(r, "cluster_id", "");
        row.cluster_name = io::StringOr(r, "cluster_name", "");
        row.kind = io::StringOr(r, "kind", "");
        row.synthetic = io::BoolOr(r, "synthetic", false);
        row.has_year = io::BoolOr(r, "has_year", false);
        row.leader_org_id = io::StringOr(r, "leader_org_id", "");
        row.leader_name = io::StringOr(r, "leader_name", "");
        row.by_ballot = io::BoolOr(r, "by_ballot", false);
        row.votes = io::IntOr(r, "votes", 0);
        row.base = io::IntOr(r, "base", 0);
        row.total = io::IntOr(r, "total", 0);
        row.members = static_cast<int32_t>(io::IntOr(r, "members", 0));
        row.candidate_rank = static_cast<int32_t>(io::IntOr(r, "candidate_rank", 0));
        row.goes_forward = io::BoolOr(r, "goes_forward", false);
        row.tied_at_quota = io::BoolOr(r, "tied_at_quota", false);
        if (const io::json* ps = io::Child(r, "proposals"); ps && ps->is_array())
            for (const io::json& p : *ps)
                if (p.is_object())
                    row.proposals.push_back({io::StringOr(p, "award_type", ""), io::StringOr(p, "organization", ""),
                                             io::StringOr(p, "status", ""), io::StringOr(p, "decision_number", ""),
                                             io::StringOr(p, "decision_date", "")});
        out->rows.push_back(std::move(row));
    }
    return true;
}
} // namespace deployment
