// deployment.json (core/deployment) and the ministry's table across clusters: parsing with pointers, Vietnamese
// order, the 20 % line rounded down, the ranking by ballot and vote share, ties at the line.
#include "core/deployment/deployment.h"
#include "core/deployment/ministry.h"

#include "sample.h"

#include <doctest/doctest.h>

#include <algorithm>

namespace
{
// A cluster whose `year` has one passed honour ballot electing `leader` with `votes` of `base` valid ballots.
model::Dataset Cluster(const std::string& leader, int64_t votes, int64_t base)
{
    model::Dataset d;
    d.organizations.push_back({});
    d.organizations.back().id = leader;
    d.organizations.back().name = "Đơn vị " + leader;
    model::YearFile y;
    y.year.id = "year.x";
    y.year.year = 2030;
    y.ruleset.vote_rules.threshold_base = "ballots_valid";
    model::Criterion c; // one criterion, scored for the one member: a failed ballot still leaves a unit ranked first
    c.id = c.code = "c1";
    c.kind = "manual";
    c.max_points = 1000;
    y.criteria.push_back(c);
    d.years.push_back(y);
    d.cluster.memberships.push_back({});
    d.cluster.memberships.back().organization_id = leader;
    d.cluster.memberships.back().start_year = 2030;
    model::Results r;
    r.year_id = "year.x";
    model::Ballot b;
    b.id = "b1";
    b.motion = "honour_leader";
    b.candidates = {leader};
    b.members_present = base;
    b.ballots_issued = b.ballots_returned = b.ballots_valid = base;
    b.counts = {{leader, votes}};
    r.ballots.push_back(b);
    model::Score score;
    score.criterion_id = "c1";
    score.subject_org_id = leader;
    score.scorer_org_id = "cluster";
    score.stage = "final";
    score.value = 800;
    r.scores.push_back(score);
    d.results.push_back(r);
    return d;
}
} // namespace

TEST_SUITE("io")
{
    TEST_CASE("deployment.json: valid index, and every problem named by pointer")
    {
        deployment::Deployment d;
        CHECK(deployment::ParseDeployment(R"({"format":"thidua.deployment","schema_version":1,"name":"Bộ",
            "clusters":[{"id":"khoi1","name":"Khối thi đua số I","kind":"block","parent":"Bộ","synthetic":true},
                        {"id":"cum2","name":"Cụm thi đua số II","kind":"cluster","parent":"Bộ"},
                        {"id":"cum1","name":"Cụm thi đua số I","kind":"cluster","parent":"Bộ"}]})",
                                          &d)
                  .empty());
        REQUIRE(d.clusters.size() == 3);
        const auto sorted = deployment::SortedForDisplay(d.clusters);
        CHECK(sorted[0].id == "cum1");
        CHECK(sorted[1].id == "cum2");
        CHECK(sorted[2].id == "khoi1");
        const auto issues = deployment::ParseDeployment(R"({"format":"thidua.deployment","schema_version":1,"name":"x",
            "clusters":[{"id":"../a","name":"x","kind":"cụm","parent":"y","extra":1},
                        {"id":"b","name":"x","kind":"block","parent":"y"},{"id":"b","name":"y","kind":"block","parent":"y"}]})",
                                                        &d);
        std::string all;
        for (const check::Issue& i : issues)
            all += check::FormatIssue(i) + "\n";
        CHECK(all.find("deployment.json:/clusters/0/id: '../a' is not a cluster id") != std::string::npos);
        CHECK(all.find("deployment.json:/clusters/0/kind: ") != std::string::npos);
        CHECK(all.find("deployment.json:/clusters/0/extra: unknown field") != std::string::npos);
        CHECK(all.find("deployment.json:/clusters/2/id: 'b' is listed twice") != std::string::npos);
        CHECK(d.clusters.size() == 1);
        CHECK(!deployment::ParseDeployment("{\"format\":", &d).empty());
        CHECK(!deployment::ParseDeployment("[]", &d).empty());
    }

    TEST_CASE("the ministry's table: 20 % rounded down, ballot before rank, vote share, a tie at the line")
    {
        CHECK(deployment::GovernmentFlagQuota(4) == 0);
        CHECK(deployment::GovernmentFlagQuota(5) == 1);
        CHECK(deployment::GovernmentFlagQuota(14) == 2);
        // Ten clusters -> 2 go forward. Shares: a 9/10, b 5/6 (=0.833), c 5/6, d..j lower.
        std::vector<model::Dataset> data = {Cluster("a", 9, 10), Cluster("b", 5, 6), Cluster("c", 10, 12)};
        for (int i = 0; i < 7; ++i)
            data.push_back(Cluster("z" + std::to_string(i), 5, 10));
        std::vector<deployment::ClusterData> in;
        for (size_t i = 0; i < data.size(); ++i)
            in.push_back({{"c" + std::to_string(i), "Cụm " + std::to_string(i), "cluster", "Bộ", false}, &data[i]});
        const deployment::MinistryTable t = deployment::BuildMinistryTable(in, 2030);
        CHECK(t.leaders == 10);
        CHECK(t.quota == 2);
        REQUIRE(t.rows.size() == 10);
        CHECK(t.rows[0].leader_org_id == "a");
        CHECK(t.rows[0].candidate_rank == 1);
        CHECK(t.rows[0].goes_forward);
        // b and c share rank 2 (5/6 = 10/12): places 2 and 3 straddle the line of 2: the council decides.
        CHECK(t.rows[1].candidate_rank == 2);
        CHECK(t.rows[2].candidate_rank == 2);
        CHECK(!t.rows[1].goes_forward);
        CHECK(t.rows[1].tied_at_quota);
        CHECK(t.rows[2].tied_at_quota);
        CHECK(t.rows[3].candidate_rank == 4);
        CHECK(!t.rows[3].goes_forward);
        CHECK(!t.rows[3].tied_at_quota);
        // A cluster whose ballot failed and whose member has no score yet has no leader: nobody is ranked first.
        data[9].results[0].scores.clear();
        const deployment::MinistryTable unscored = deployment::BuildMinistryTable(in, 2030);
        CHECK(unscored.leaders == 9);
        CHECK(unscored.rows.size() == 10);
        CHECK(std::count_if(unscored.rows.begin(), unscored.rows.end(), [](const deployment::LeaderRow& r) {
                  return r.leader_org_id.empty();
              }) == 1);
        // A year no cluster holds: rows without leaders.
        const deployment::MinistryTable none = deployment::BuildMinistryTable(in, 2031);
        CHECK(none.leaders == 0);
        CHECK(!none.rows[0].has_year);
        // The JSON the server sends reads back the same.
        deployment::MinistryTable back;
        REQUIRE(deployment::FromJson(deployment::ToJson(t), &back));
        CHECK(back.quota == 2);
        CHECK(back.rows[2].tied_at_quota);
        CHECK(back.rows[0].leader_name == "Đơn vị a");
        CHECK(!deployment::FromJson(nlohmann::json::array(), &back));
    }
}
