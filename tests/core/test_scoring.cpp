// scoring:: every rule with hand-computed expectations: criterion kinds, caps, stages, cross aggregation,
// ranking and tie-breaks, rating bands, secret ballots and award proposals.
#include "core/io/dataset.h"
#include "core/scoring/scoring.h"
#include "sample.h"

#include <doctest/doctest.h>

#include <algorithm>

#include <filesystem>
#include <fstream>
#include <sstream>

using model::Points;

namespace
{
model::Criterion Crit(const std::string& id, const std::string& kind, Points max, const std::string& parent = "")
{
    model::Criterion c;
    c.id = id;
    c.code = id;
    c.kind = kind;
    c.max_points = max;
    c.parent_id = parent;
    return c;
}

model::Score Input(Points value)
{
    model::Score s;
    s.value = value;
    return s;
}

// Three members a, b, c in 2021; criteria G1 {m1}, G2 {m2} (max 10 each), bonus T (1 per time, ruleset cap 3),
// penalty P (2 per time). `final` gives the final-stage inputs per unit: m1, m2, bonus count, penalty count.
model::Dataset Small(const std::vector<std::vector<Points>>& final, std::vector<std::string> tie_break = {"group:G1", "bonus", "penalty", "revote"})
{
    model::Dataset ds;
    for (const char* id : {"a", "b", "c"})
    {
        model::ClusterMembership m;
        m.organization_id = id;
        m.start_year = 2020;
        ds.cluster.memberships.push_back(m);
    }
    model::YearFile y;
    y.year.id = "y";
    y.year.year = 2021;
    y.ruleset.bonus_cap = 300;
    y.ruleset.tie_break_order = tie_break;
    y.ruleset.rating_bands = {{"band.b", 500, "Hoàn thành tốt"}, {"band.a", 1000, "Hoàn thành xuất sắc"}};
    y.ruleset.award_quotas = {{"q.co", "co_thi_dua_bo", 1, "band.a", "ballot_winner"}, {"q.bk", "bang_khen_bo_truong", 1, "band.b", "rank"}};
    y.criteria = {Crit("G1", "group", 1000), Crit("m1", "manual", 1000, "G1"), Crit("G2", "group", 1000), Crit("m2", "manual", 1000, "G2"),
                  Crit("T", "bonus", 0), Crit("P", "penalty", 0)};
    y.criteria[0].order = 1;
    y.criteria[2].order = 2;
    y.criteria[4].points_per_unit = 100;
    y.criteria[4].order = 3;
    y.criteria[5].points_per_unit = 200;
    y.criteria[5].order = 4;
    ds.years.push_back(y);
    model::Results r;
    r.year_id = "y";
    const char* units[] = {"a", "b", "c"};
    const char* crits[] = {"m1", "m2", "T", "P"};
    for (size_t u = 0; u < final.size(); ++u)
        for (size_t k = 0; k < 4; ++k)
        {
            model::Score s;
            s.criterion_id = crits[k];
            s.subject_org_id = units[u];
            s.scorer_org_id = "cluster";
            s.stage = "final";
            s.value = final[u][k];
            r.scores.push_back(s);
        }
    ds.results.push_back(r);
    return ds;
}

const scoring::MemberResult& Member(const scoring::YearResult& yr, const std::string& id)
{
    for (const scoring::MemberResult& m : yr.members)
        if (m.organization_id == id)
            return m;
    FAIL("no member " << id);
    return yr.members.front();
}
} // namespace

TEST_SUITE("scoring")
{
    TEST_CASE("quantitative criteria against a target, with the cluster's leader")
    {
        model::Criterion q = Crit("q", "quantitative", 1000);
        q.target = 9000;
        CHECK(scoring::ScoreCriterion(q, Input(4500), 10000).value == 250); // 10 × 1/2 × 45/90
        CHECK(scoring::ScoreCriterion(q, Input(9000), 10000).value == 500); // at target: half
        CHECK(scoring::ScoreCriterion(q, Input(10000), 10000).value == 1000); // above target and leading: max
        CHECK(scoring::ScoreCriterion(q, Input(9500), 10000).value == 750);  // 5 + 5 × (95-90)/(100-90)
        CHECK(scoring::ScoreCriterion(q, Input(9500), 10000).explanation ==
              "Định lượng: đạt 95, vượt chỉ tiêu 90; đơn vị dẫn đầu đạt 100 → 10/2 + 10/2 × (95 − 90)/(100 − 90) = 7,5");
        CHECK(scoring::ScoreCriterion(q, Input(1), 10000).value == 0); // 10 × 1/2 × 0.01/90 = 0.0005… rounds to 0
    }

    TEST_CASE("qualitative, per occurrence, bonus, penalty and manual criteria")
    {
        model::Criterion ql = Crit("ql", "qualitative", 500);
        CHECK(scoring::ScoreCriterion(ql, Input(100), 0).value == 500);
        CHECK(scoring::ScoreCriterion(ql, Input(0), 0).value == 0);
        model::Criterion po = Crit("po", "per_occurrence", 1000);
        po.points_per_unit = 250;
        CHECK(scoring::ScoreCriterion(po, Input(300), 0).value == 750);
        CHECK(scoring::ScoreCriterion(po, Input(500), 0).value == 1000); // 12.5 capped at the maximum 10
        po.cap = 600;
        CHECK(scoring::ScoreCriterion(po, Input(300), 0).value == 600);
        model::Criterion bonus = Crit("t", "bonus", 0);
        bonus.points_per_unit = 100;
        bonus.cap = 300;
        CHECK(scoring::ScoreCriterion(bonus, Input(500), 0).value == 300);
        model::Criterion penalty = Crit("p", "penalty", 0);
        penalty.points_per_unit = 200;
        CHECK(scoring::ScoreCriterion(penalty, Input(200), 0).value == 400);
        model::Criterion manual = Crit("m", "manual", 1500);
        CHECK(scoring::ScoreCriterion(manual, Input(1275), 0).value == 1275);
        CHECK(scoring::ScoreCriterion(manual, Input(1600), 0).value == 1500);
    }

    TEST_CASE("cross scores: the mean of the other members, optionally without the extremes")
    {
        CHECK(scoring::AggregateCross({800, 900, 1000}, false).value == 900);
        CHECK(scoring::AggregateCross({800, 900, 1000}, true).value == 900); // too few to drop
        CHECK(scoring::AggregateCross({100, 800, 900, 1000, 2000}, true).value == 900);
        CHECK(scoring::AggregateCross({100, 800, 900, 1000, 2000}, false).value == 960);
        CHECK(scoring::AggregateCross({1, 2}, false).value == 2); // 1.5 hundredths rounds half away from zero
        CHECK(scoring::AggregateCross({}, false).value == 0);
    }

    TEST_CASE("groups are capped, bonus is capped, penalty is subtracted")
    {
        model::Dataset ds = Small({{900, 1000, 500, 100}, {500, 500, 0, 0}, {100, 100, 0, 0}});
        ds.years[0].criteria[0].max_points = 800; // G1 max 8
        scoring::YearResult yr = scoring::ComputeYear(ds, "y");
        REQUIRE(yr.found);
        CHECK(yr.ranking_stage == "final");
        const scoring::StageTotal& fin = Member(yr, "a").stages[2];
        CHECK(fin.base.value == 800 + 1000);
        CHECK(fin.bonus.value == 300); // 5 × 1 = 5, capped at 3
        CHECK(fin.penalty.value == 200);
        CHECK(fin.total.value == 1800 + 300 - 200);
        CHECK(fin.total.explanation == "Tổng = 18 + thưởng 3 − trừ 2 = 19");
        CHECK(Member(yr, "a").stages[0].has_scores == false); // no self scores entered
    }

    TEST_CASE("ties are broken by the configured order and the rule is recorded")
    {
        // a and b both total 10; a has more in group G1
        model::Dataset ds = Small({{800, 200, 0, 0}, {600, 400, 0, 0}, {500, 400, 0, 0}});
        scoring::YearResult yr = scoring::ComputeYear(ds, "y");
        REQUIRE(yr.members.size() == 3);
        CHECK(yr.members[0].organization_id == "a");
        CHECK(yr.members[0].rank == 1);
        CHECK(yr.members[0].tie_broken_by == "group:G1");
        CHECK(yr.members[1].organization_id == "b");
        CHECK(yr.members[1].rank == 2);
        CHECK(yr.members[2].rank == 3);
        CHECK(yr.members[2].tie_broken_by == "");
        REQUIRE(yr.ties.size() == 1);
        CHECK(yr.ties[0].resolved);
        CHECK(yr.ties[0].broken_by == "group:G1");
        CHECK(yr.ties[0].organization_ids == std::vector<std::string>{"a", "b"});

        // G1 equal too: the next rule (bonus) decides; a bonus of 1 makes b's total 11, so give a the penalty instead
        model::Dataset ds2 = Small({{600, 400, 100, 0}, {600, 500, 0, 0}, {500, 400, 0, 0}});
        scoring::YearResult yr2 = scoring::ComputeYear(ds2, "y");
        CHECK(yr2.members[0].organization_id == "a");
        CHECK(yr2.members[0].tie_broken_by == "bonus");
        CHECK(yr2.ties.at(0).broken_by == "bonus");
    }

    TEST_CASE("a tie no rule can break is reported and shares the rank")
    {
        model::Dataset ds = Small({{600, 400, 0, 0}, {600, 400, 0, 0}, {100, 100, 0, 0}});
        scoring::YearResult yr = scoring::ComputeYear(ds, "y");
        CHECK(yr.members[0].rank == 1);
        CHECK(yr.members[1].rank == 1);
        CHECK(yr.members[2].rank == 3);
        REQUIRE(yr.ties.size() == 1);
        CHECK_FALSE(yr.ties[0].resolved);
        CHECK(yr.ties[0].explanation == "2 đơn vị bằng 10 điểm; không tiêu chí phụ nào phân định được; còn bằng nhau → bỏ phiếu lại giữa các đơn vị bằng điểm");
    }

    TEST_CASE("a unit with no score at the ranking stage is not ranked: no rank, no tie, no rating, no award")
    {
        // a and b have final scores; c has entered nothing. Quotas: the flag by ballot, one Bằng khen by rank with no
        // minimum rating (so a total of 0 would pass it), and three more by rank.
        model::Dataset ds = Small({{900, 800, 0, 0}, {700, 800, 0, 0}});
        ds.years[0].ruleset.award_quotas[1].min_rating.clear();
        ds.years[0].ruleset.award_quotas[1].max_count = 3;
        scoring::YearResult yr = scoring::ComputeYear(ds, "y");
        REQUIRE(yr.members.size() == 3);
        CHECK(yr.unranked == 1);
        CHECK(yr.members[0].organization_id == "a");
        CHECK(yr.members[0].rank == 1);
        CHECK(yr.members[1].rank == 2);
        const scoring::MemberResult& c = yr.members[2]; // listed last, after every ranked unit
        CHECK(c.organization_id == "c");
        CHECK(c.rank == 0);
        CHECK(c.rank_explanation == "Chưa có điểm thống nhất nên chưa xếp hạng");
        CHECK(c.rating_id == "");
        CHECK(c.rating_explanation == "Chưa có điểm nên chưa xếp loại");
        CHECK(yr.ties.empty());
        REQUIRE(yr.proposed_awards.size() == 2); // a and b; never c, although the quota has room for 3
        CHECK(yr.proposed_awards[0].organization_id == "a");
        CHECK(yr.proposed_awards[1].organization_id == "b");

        // Two units with nothing entered are not "tied at 0, the conference must decide".
        model::Dataset two = Small({{900, 800, 0, 0}});
        scoring::YearResult yr2 = scoring::ComputeYear(two, "y");
        CHECK(yr2.unranked == 2);
        CHECK(yr2.ties.empty());
        CHECK(yr2.members[1].rank == 0);
        CHECK(yr2.members[2].rank == 0);

        // A ballot that elects a unit with no score: elected, but the rules do not propose it for the flag.
        model::Ballot b;
        b.id = "ballot";
        b.motion = "honour_leader";
        b.candidates = {"c"};
        b.members_present = 3;
        b.ballots_valid = 3;
        b.counts = {{"c", 3}};
        ds.results[0].ballots.push_back(b);
        scoring::YearResult yr3 = scoring::ComputeYear(ds, "y");
        REQUIRE(yr3.ballots.size() == 1);
        CHECK(yr3.ballots[0].result == "pass");
        for (const scoring::ProposedAward& p : yr3.proposed_awards)
            CHECK(p.organization_id != "c");
        CHECK(std::find(yr3.notes.begin(), yr3.notes.end(),
                        "c được suy tôn nhưng chưa có điểm thống nhất, nên không đề nghị Cờ thi đua của Bộ") != yr3.notes.end());

        // Nobody has entered anything: nobody is ranked.
        scoring::YearResult none = scoring::ComputeYear(Small({}), "y");
        CHECK(none.unranked == 3);
        for (const scoring::MemberResult& m : none.members)
            CHECK(m.rank == 0);
    }

    TEST_CASE("rating bands: the highest band whose minimum is reached")
    {
        model::Dataset ds = Small({{1000, 1000, 0, 0}, {600, 0, 0, 0}, {100, 100, 0, 0}});
        scoring::YearResult yr = scoring::ComputeYear(ds, "y");
        CHECK(Member(yr, "a").rating_id == "band.a");
        CHECK(Member(yr, "b").rating_id == "band.b");
        CHECK(Member(yr, "c").rating_id == "");
        CHECK(Member(yr, "b").rating_explanation == "Đạt mức “Hoàn thành tốt” vì 6 ≥ 5");
    }

    TEST_CASE("the cross stage ranks when there is no final stage; units never count their own cross score")
    {
        model::Dataset ds = Small({});
        auto add = [&](const char* scorer, const char* subject, Points v) {
            model::Score s;
            s.criterion_id = "m1";
            s.scorer_org_id = scorer;
            s.subject_org_id = subject;
            s.stage = "cross";
            s.value = v;
            ds.results[0].scores.push_back(s);
        };
        add("b", "a", 800);
        add("c", "a", 600);
        add("a", "a", 1000); // invalid (the checker reports it) and ignored here
        add("a", "b", 500);
        scoring::YearResult yr = scoring::ComputeYear(ds, "y");
        CHECK(yr.ranking_stage == "cross");
        CHECK(Member(yr, "a").ranking_total.value == 700);
        CHECK(Member(yr, "a").stages[1].criteria[1].scorers == 2);
        CHECK(Member(yr, "b").ranking_total.value == 500);
    }

    TEST_CASE("secret ballot: quorum, threshold base, most votes, ties and rounds")
    {
        model::VoteRules rules; // quorum 2/3, more than 1/2 of all members, 3 rounds
        model::Ballot b;
        b.id = "b";
        b.candidates = {"a", "b", "c"};
        b.members_present = 10;
        b.ballots_valid = 10;
        b.counts = {{"a", 6}, {"b", 4}};
        scoring::BallotOutcome o = scoring::EvaluateBallot(b, rules, 10);
        CHECK(o.result == "pass");
        CHECK(o.winners == std::vector<std::string>{"a"});
        CHECK(o.votes_needed == 6);

        b.members_present = 6; // 6/10 < 2/3
        CHECK(scoring::EvaluateBallot(b, rules, 10).result == "no_quorum");
        b.members_present = 7;
        CHECK(scoring::EvaluateBallot(b, rules, 10).result == "pass");

        b.counts = {{"a", 5}, {"b", 5}}; // nobody has more than half of 10
        o = scoring::EvaluateBallot(b, rules, 10);
        CHECK(o.result == "fail");
        CHECK(o.another_round);

        rules.threshold = {1, 2, false}; // at least half: both reach 5, equal → tie, another round among them
        o = scoring::EvaluateBallot(b, rules, 10);
        CHECK(o.result == "tie");
        CHECK(o.next_round_candidates == std::vector<std::string>{"a", "b"});
        CHECK(o.another_round);
        b.round = 3;
        CHECK_FALSE(scoring::EvaluateBallot(b, rules, 10).another_round);

        b.round = 1;
        rules.threshold = {1, 2, true};
        rules.threshold_base = "ballots_valid";
        b.ballots_valid = 8;
        b.counts = {{"a", 5}, {"b", 3}}; // more than half of 8 valid ballots
        o = scoring::EvaluateBallot(b, rules, 10);
        CHECK(o.base == 8);
        CHECK(o.votes_needed == 5);
        CHECK(o.result == "pass");
        rules.threshold_base = "members_present";
        b.members_present = 10;
        CHECK(scoring::EvaluateBallot(b, rules, 10).result == "fail"); // 5 is not more than half of 10 present

        b.seats = 2; // two seats, both qualified
        rules.threshold = {1, 3, false};
        b.counts = {{"a", 5}, {"b", 4}, {"c", 1}};
        o = scoring::EvaluateBallot(b, rules, 10);
        CHECK(o.result == "pass");
        CHECK(o.winners == std::vector<std::string>{"a", "b"});
    }

    TEST_CASE("award proposals follow the ballot and the ranking within the quotas")
    {
        model::Dataset ds = Small({{1000, 800, 0, 0}, {900, 800, 0, 0}, {700, 800, 0, 0}});
        model::Ballot b;
        b.id = "ballot";
        b.motion = "honour_leader";
        b.candidates = {"a", "b"};
        b.members_present = 3;
        b.ballots_valid = 3;
        b.counts = {{"b", 2}, {"a", 1}}; // the conference elects b, ranked second
        ds.results[0].ballots.push_back(b);
        scoring::YearResult yr = scoring::ComputeYear(ds, "y");
        REQUIRE(yr.proposed_awards.size() == 2);
        CHECK(yr.proposed_awards[0].award_type == "co_thi_dua_bo");
        CHECK(yr.proposed_awards[0].organization_id == "b");
        CHECK(yr.proposed_awards[1].award_type == "bang_khen_bo_truong"); // quota 1: the best ranked unit not yet proposed
        CHECK(yr.proposed_awards[1].organization_id == "a");
        // nothing stored yet: the engine says what is missing
        CHECK(yr.notes.size() == 2);

        ds.years[0].ruleset.award_quotas[1].max_count = 0;
        CHECK(scoring::ComputeYear(ds, "y").proposed_awards.size() == 1);
    }

    TEST_CASE("explanations name the units and the awards, never their ids or codes")
    {
        model::Dataset ds = Small({{1000, 800, 0, 0}, {900, 800, 0, 0}, {700, 800, 0, 0}});
        for (const char* id : {"a", "b", "c"})
        {
            model::Organization org;
            org.id = std::string("org.") + id;
            org.short_name = std::string("Sở ") + id;
            ds.organizations.push_back(org);
            for (model::ClusterMembership& m : ds.cluster.memberships)
                if (m.organization_id == id)
                    m.organization_id = org.id;
            for (model::Score& s : ds.results[0].scores)
                if (s.subject_org_id == id)
                    s.subject_org_id = org.id;
        }
        model::Ballot b;
        b.id = "ballot.cum1.2021.suy-ton.r1";
        b.round = 1;
        b.motion = "honour_leader";
        b.candidates = {"org.a", "org.b"};
        b.members_present = 3;
        b.ballots_valid = 3;
        b.counts = {{"org.b", 2}, {"org.a", 1}};
        ds.results[0].ballots.push_back(b);
        const scoring::YearResult yr = scoring::ComputeYear(ds, "y");
        REQUIRE(yr.ballots.size() == 1);
        CHECK(yr.ballots[0].explanation ==
              "Vòng 1: 3/3 thành viên có mặt (cần ít nhất 2/3); Sở b: 2, Sở a: 1; cần trên 1/2 tổng số thành viên (3) = "
              "tối thiểu 2 phiếu → trúng: Sở b");
        REQUIRE(yr.proposed_awards.size() == 2);
        CHECK(yr.proposed_awards[0].explanation.rfind("Được suy tôn dẫn đầu cụm (vòng 1); ", 0) == 0);
        CHECK(yr.proposed_awards[1].explanation.rfind("Trong chỉ tiêu 1 Bằng khen của Bộ trưởng theo thứ hạng; ", 0) == 0);
        REQUIRE(yr.notes.size() == 2);
        CHECK(yr.notes[0] == "Theo quy tắc, Sở b đủ điều kiện đề nghị Cờ thi đua của Bộ nhưng chưa có trong danh sách đề nghị");
    }

    TEST_CASE("the sample's stored ballots and proposals agree with the rules")
    {
        std::filesystem::path root = std::filesystem::path(THIDUA_SOURCE_DIR) / "assets/data/cum1";
        io::DataFiles files;
        for (const auto& e : std::filesystem::recursive_directory_iterator(root))
            if (e.path().extension() == ".json")
            {
                std::ifstream in(e.path(), std::ios::binary);
                std::ostringstream ss;
                ss << in.rdbuf();
                files[std::filesystem::relative(e.path(), root).generic_string()] = ss.str();
            }
        io::LoadResult r = io::LoadDataset(files);
        int closed = 0;
        for (const model::YearFile& y : r.dataset.years)
        {
            CAPTURE(y.year.id);
            scoring::YearResult yr = scoring::ComputeYear(r.dataset, y.year.id);
            // Ten Sở TN&MT until 2024; from 2025 the six units formed by the mergers.
            CHECK(yr.members.size() == (y.year.year <= 2024 ? 10u : 6u));
            if (y.year.status != "closed")
            {
                // The year in progress (2026): self-assessments only; nothing scored, voted or proposed yet.
                CHECK(y.year.year == 2026);
                CHECK(yr.ballots.empty());
                for (const model::Results& stored : r.dataset.results)
                    if (stored.year_id == y.year.id)
                        CHECK((stored.scores.empty() && stored.ballots.empty() && stored.award_proposals.empty()));
                continue;
            }
            ++closed;
            CHECK(yr.ranking_stage == "final");
            CHECK(yr.notes == std::vector<std::string>{});
            REQUIRE(!yr.ballots.empty());
            CHECK(yr.ballots.back().result == "pass");
            REQUIRE(!yr.proposed_awards.empty());
            CHECK(yr.proposed_awards[0].organization_id == yr.ballots.back().winners.at(0));
            for (const scoring::MemberResult& m : yr.members)
            {
                CHECK(!m.rank_explanation.empty());
                CHECK(!m.ranking_total.explanation.empty());
            }
        }
        CHECK(closed == 5); // 2021-2025
        scoring::YearResult y2021 = scoring::ComputeYear(r.dataset, "year.cum1.2021");
        REQUIRE(y2021.ballots.size() == 2);
        CHECK(y2021.ballots[0].result == "fail"); // 4-4-2: nobody has more than half of the 10 members
        CHECK(y2021.ballots[0].another_round);
        CHECK(y2021.ballots[1].result == "pass");
        CHECK_FALSE(scoring::ComputeYear(r.dataset, "year.none").found);
    }

    TEST_CASE("the cluster is named with the ministry of the year: Bộ NN&MT from 2025, Bộ TN&MT before")
    {
        model::Dataset d = coretest::LoadSample();
        CHECK(scoring::ClusterNameIn(d, 2024) == "Cụm thi đua số I – Bộ Tài nguyên và Môi trường");
        CHECK(scoring::ClusterNameIn(d, 2025) == "Cụm thi đua số I – Bộ Nông nghiệp và Môi trường");
        CHECK(scoring::ClusterNameIn(d, 2026) == "Cụm thi đua số I – Bộ Nông nghiệp và Môi trường");
        CHECK(scoring::ClusterNameIn(d, 0) == d.cluster.cluster.name); // no year chosen: the name as stored
        REQUIRE(scoring::ParentBodyOn(d, "2025-02-28") != nullptr);
        CHECK(scoring::ParentBodyOn(d, "2025-02-28")->id == "org.monre"); // its last day
        CHECK(scoring::ParentBodyOn(d, "2025-03-01")->id == "org.mae");

        // A name by the short form is renamed by the short form; a name without the body, or a successor missing
        // from the registry, keeps the stored name; a successor cycle in bad data ends.
        model::Organization& cluster = *std::find_if(d.organizations.begin(), d.organizations.end(),
                                                     [&](const model::Organization& o) { return o.id == d.cluster.cluster.organization_id; });
        d.cluster.cluster.name = "Cụm I (Bộ TN&MT)";
        CHECK(scoring::ClusterNameIn(d, 2026) == "Cụm I (Bộ NN&MT)");
        d.cluster.cluster.name = "Cụm thi đua số I";
        CHECK(scoring::ClusterNameIn(d, 2026) == "Cụm thi đua số I");
        d.cluster.cluster.name = "Cụm thi đua số I – Bộ Tài nguyên và Môi trường";
        for (model::Organization& o : d.organizations)
            if (o.id == "org.mae")
            {
                o.dissolution_date = "2025-06-01";
                o.successor_ids = {"org.monre"};
            }
        CHECK(scoring::ParentBodyOn(d, "2026-12-31") != nullptr);
        cluster.parent_id = "org.none";
        CHECK(scoring::ClusterNameIn(d, 2026) == "Cụm thi đua số I – Bộ Tài nguyên và Môi trường");
        CHECK(scoring::ParentBodyOn(d, "2026-12-31") == nullptr);
    }
}
