// Running the year as pure functions (ui/year_plan.h): members of a new year following successions, the chair
// by rotation, the one batch that opens the year, dates as typed, the criteria lock, reordering, and a merged
// unit's years through its predecessors. A small dataset of its own, so the sample's growth changes nothing here.
#include "core/edit/edit.h"
#include "core/io/dataset.h"
#include "ui/year_plan.h"
#include "ui_harness.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>

namespace
{
using nlohmann::json;

json Org(const std::string& id, const std::string& short_name, json extra = json::object())
{
    json o = {{"id", id}, {"rev", 1}, {"name", short_name + " (tên đầy đủ)"}, {"short_name", short_name},
              {"classification", "provincial_dept"}};
    o.update(extra);
    return o;
}

json Membership(const std::string& org, int start)
{
    return {{"id", "mem." + org}, {"rev", 1}, {"organization_id", org}, {"start_year", start}};
}

json Criterion(const std::string& code, int order, const std::string& parent = "", int points = 10)
{
    json c = {{"id", "crit.c.2026." + code}, {"rev", 1}, {"code", code}, {"title", "Tiêu chí " + code},
              {"kind", parent.empty() ? "group" : "manual"}, {"order", order}, {"max_points", points}};
    if (!parent.empty())
        c["parent_id"] = "crit.c.2026." + parent;
    return c;
}

// Five departments: A and B merge into AB on 1/7/2025; C becomes C2 (successor of unknown founding date);
// D and E stay. 2026 is the latest year, chaired by D with C2 as deputy.
model::Dataset Sample(json phases_status = "closed", bool with_score = false)
{
    json orgs = json::array({
        Org("org.a", "Sở A", {{"successor_ids", {"org.ab"}}}),
        Org("org.b", "Sở B", {{"successor_ids", {"org.ab"}}}),
        Org("org.ab", "Sở AB", {{"predecessor_ids", {"org.a", "org.b"}}, {"founding_date", "2025-07-01"}}),
        Org("org.c", "Sở C", {{"successor_ids", {"org.c2"}}}),
        Org("org.c2", "Sở C mới", {{"predecessor_ids", {"org.c"}}}),
        Org("org.d", "Sở D"),
        Org("org.e", "Sở E"),
    });
    json cluster = {{"format", "thidua.cluster"}, {"schema_version", 1},
                    {"cluster", {{"id", "cluster.c"}, {"rev", 1}, {"name", "Cụm thử"}}},
                    {"memberships", {Membership("org.a", 2020), Membership("org.b", 2020), Membership("org.c2", 2025),
                                     Membership("org.d", 2020), Membership("org.e", 2020)}},
                    {"rotations", json::array()}};
    json year = {{"format", "thidua.year"}, {"schema_version", 1},
                 {"year", {{"id", "year.c.2026"}, {"rev", 1}, {"cluster_id", "cluster.c"}, {"year", 2026},
                           {"theme", "Đoàn kết, đổi mới"}, {"chair_org_id", "org.d"}, {"deputy_org_id", "org.c2"},
                           {"status", "active"},
                           {"phases", {{{"id", "phase.c.2026.self_assessment"}, {"kind", "self_assessment"},
                                        {"status", phases_status}, {"start_date", "2026-11-01"},
                                        {"end_date", "2026-11-30"}}}}}},
                 {"ruleset", {{"id", "ruleset.c.2026"}, {"rev", 1}, {"legal_basis", {"Luật Thi đua, khen thưởng"}},
                              {"second_stage", "cross"}, {"cross_drop_extremes", false},
                              {"rating_bands", {{{"id", "band.a.2026"}, {"min", 90}, {"label", "Xuất sắc"}}}},
                              {"vote_rules", {{"quorum", {{"num", 2}, {"den", 3}, {"strict", false}}},
                                              {"threshold", {{"num", 1}, {"den", 2}, {"strict", true}}},
                                              {"threshold_base", "members_total"}, {"voter_kind", "organization"},
                                              {"max_choices", 1}, {"allow_self_vote", false}, {"max_rounds", 3}}},
                              {"tie_break_order", {"group:crit.c.2026.I", "revote"}},
                              {"award_quotas", {{{"id", "quota.c.2026.bk"}, {"award_type", "bang_khen_bo_truong"},
                                                 {"max_count", 2}, {"basis", "rank"},
                                                 {"min_rating", "band.a.2026"}}}}}},
                 {"criteria", {Criterion("I", 1, "", 30), Criterion("I.1", 1, "I"), Criterion("I.2", 2, "I"),
                               Criterion("I.3", 3, "I")}}};
    json results = {{"format", "thidua.results"}, {"schema_version", 1}, {"year_id", "year.c.2026"},
                    {"scores", json::array()}, {"ballots", json::array()}, {"award_proposals", json::array()}};
    if (with_score)
        results["scores"].push_back({{"id", "score.1"}, {"rev", 1}, {"criterion_id", "crit.c.2026.I.1"},
                                     {"subject_org_id", "org.d"}, {"scorer_org_id", "org.d"}, {"stage", "final"},
                                     {"value", 8}});
    json package = {{"format", "thidua.datapackage"}, {"name", "c"}, {"resources", json::array()}};
    io::DataFiles files = {{"registry/organizations.json",
                            json({{"format", "thidua.organizations"}, {"schema_version", 1}, {"organizations", orgs}}).dump()},
                           {"cluster.json", cluster.dump()},
                           {"years/2026/year.json", year.dump()},
                           {"years/2026/results.json", results.dump()}};
    for (const auto& [path, bytes] : files)
        package["resources"].push_back({{"path", path}, {"format", json::parse(bytes)["format"]}, {"schema_version", 1},
                                        {"writer", "secretariat"}});
    files["datapackage.json"] = package.dump();
    io::LoadResult loaded = io::LoadDataset(files);
    return loaded.dataset;
}

const ui::PlannedMember* Member(const ui::YearPlan& plan, const std::string& org)
{
    for (const ui::PlannedMember& m : plan.members)
        if (m.organization_id == org)
            return &m;
    return nullptr;
}

const edit::Change* Created(const std::vector<edit::Change>& changes, const std::string& path)
{
    for (const edit::Change& c : changes)
        if (c.kind == edit::OpKind::Create && c.file == path)
            return &c;
    return nullptr;
}
} // namespace

TEST_SUITE("ui")
{
    TEST_CASE("year plan: an ended organisation is followed to its successor, once it exists")
    {
        const model::Dataset data = Sample();
        REQUIRE(data.organizations.size() == 7);
        CHECK(ui::SuccessorOn(data, "org.a", "2025-01-01") == "org.a");  // AB is founded on 1/7/2025
        CHECK(ui::SuccessorOn(data, "org.a", "2025-07-01") == "org.ab");
        CHECK(ui::SuccessorOn(data, "org.b", "2027-01-01") == "org.ab");
        CHECK(ui::SuccessorOn(data, "org.c", "2020-01-01") == "org.c2"); // founding not known: replaced
        CHECK(ui::SuccessorOn(data, "org.d", "2027-01-01") == "org.d");
        CHECK(ui::SuccessorOn(data, "org.unknown", "2027-01-01") == "org.unknown");
    }

    TEST_CASE("year plan: 2027 from 2026 proposes the members in force after successions, the chair by rotation")
    {
        const model::Dataset data = Sample();
        const ui::YearPlan plan = ui::ProposeYear(data);
        CHECK(plan.year == 2027);
        CHECK(plan.year_id == "year.c.2027");
        CHECK(plan.from_year_id == "year.c.2026");
        CHECK(plan.theme == "Đoàn kết, đổi mới");
        CHECK(plan.criteria_count == 4);
        // A and B merged into AB (a new member); C2, D and E stay. Nobody twice.
        REQUIRE(plan.members.size() == 4);
        const ui::PlannedMember* ab = Member(plan, "org.ab");
        REQUIRE(ab);
        CHECK(ab->needs_membership);
        CHECK(ab->replaces == std::vector<std::string>{"org.a", "org.b"});
        REQUIRE(Member(plan, "org.c2"));
        CHECK_FALSE(Member(plan, "org.c2")->needs_membership);
        CHECK(Member(plan, "org.c2")->replaces.empty());
        CHECK_FALSE(Member(plan, "org.a"));
        // The deputy of 2026 chairs 2027; the next member is proposed as deputy.
        CHECK(plan.chair_org_id == "org.c2");
        CHECK(plan.deputy_org_id == "org.d");
        REQUIRE(plan.phases.size() == 1);
        CHECK(plan.phases[0].id == "phase.c.2027.self_assessment");
        CHECK(plan.phases[0].status == "not_started");
        CHECK(plan.phases[0].start_date == "2027-11-01");
    }

    TEST_CASE("year plan: the opening batch creates the year's files, the rotation and the successors' memberships")
    {
        const model::Dataset data = Sample();
        ui::YearPlan plan = ui::ProposeYear(data);
        plan.deputy_org_id = "org.e";
        const std::vector<edit::Change> changes = ui::OpenYearChanges(data, plan, "Hợp nhất vào");
        const edit::Change* year = Created(changes, "years/2027/year.json");
        REQUIRE(year);
        const json& y = year->value;
        CHECK(y["format"] == "thidua.year");
        CHECK(y["year"]["id"] == "year.c.2027");
        CHECK(y["year"]["year"] == 2027);
        CHECK(y["year"]["status"] == "planning");
        CHECK(y["year"]["chair_org_id"] == "org.c2");
        CHECK(y["year"]["deputy_org_id"] == "org.e");
        CHECK(y["criteria"].size() == 4);
        CHECK(y["criteria"][1]["id"] == "crit.c.2027.I.1");
        CHECK(y["criteria"][1]["parent_id"] == "crit.c.2027.I");
        CHECK(y["ruleset"]["id"] == "ruleset.c.2027");
        CHECK(y["ruleset"]["tie_break_order"][0] == "group:crit.c.2027.I");
        CHECK(y["ruleset"]["award_quotas"][0]["min_rating"] == "band.a.2027");
        CHECK(y["ruleset"]["rating_bands"][0]["id"] == "band.a.2027");
        const edit::Change* covenant = Created(changes, "years/2027/covenant.json");
        REQUIRE(covenant);
        CHECK(covenant->value["covenant"]["commitments"].empty());
        CHECK(covenant->value["covenant"]["year_id"] == "year.c.2027");
        REQUIRE(Created(changes, "years/2027/results.json"));
        for (const char* org : {"org.ab", "org.c2", "org.d", "org.e"})
        {
            const edit::Change* self = Created(changes, std::string("years/2027/self/") + org + ".json");
            REQUIRE(self);
            CHECK(self->value["organization_id"] == org);
            CHECK(self->value["scores"].empty());
        }
        int rotations = 0, memberships = 0, ended = 0;
        for (const edit::Change& c : changes)
        {
            if (c.kind == edit::OpKind::Add && c.parent == "/rotations")
            {
                ++rotations;
                CHECK(c.value["year"] == 2027);
                CHECK(c.value["chair_org_id"] == "org.c2");
                CHECK(c.value["deputy_org_id"] == "org.e");
            }
            if (c.kind == edit::OpKind::Add && c.parent == "/memberships")
            {
                ++memberships;
                CHECK(c.value["organization_id"] == "org.ab");
                CHECK(c.value["start_year"] == 2027);
            }
            if (c.kind == edit::OpKind::Set && c.field == "ended")
            {
                ++ended;
                CHECK(c.value["date"] == "2025-07-01");
                CHECK(c.value["reason"] == "Hợp nhất vào Sở AB");
            }
        }
        CHECK(rotations == 1);
        CHECK(memberships == 1);
        CHECK(ended == 2); // A and B
    }

    TEST_CASE("year plan: dates are typed day/month/year")
    {
        std::string iso;
        CHECK(ui::ParseDayMonthYear("1/3/2027", &iso));
        CHECK(iso == "2027-03-01");
        CHECK(ui::ParseDayMonthYear(" 31/12/2027 ", &iso));
        CHECK(iso == "2027-12-31");
        CHECK_FALSE(ui::ParseDayMonthYear("31/02/2027", &iso));
        CHECK_FALSE(ui::ParseDayMonthYear("2027-03-01", &iso));
        CHECK_FALSE(ui::ParseDayMonthYear("1/3/2027x", &iso));
        CHECK_FALSE(ui::ParseDayMonthYear("", &iso));
    }

    TEST_CASE("year plan: the criteria table is locked once scoring opens, and reorders within its group")
    {
        CHECK(ui::CriteriaLocked(Sample("closed"), Sample("closed").years[0]));
        CHECK(ui::CriteriaLocked(Sample("open"), Sample("open").years[0]));
        const model::Dataset planning = Sample("not_started");
        CHECK_FALSE(ui::CriteriaLocked(planning, planning.years[0]));
        const model::Dataset scored = Sample("not_started", true);
        CHECK(ui::CriteriaLocked(scored, scored.years[0]));

        const std::vector<edit::Change> up = ui::MoveCriterion(planning, planning.years[0], "crit.c.2026.I.2", -1);
        REQUIRE(up.size() == 2);
        CHECK(up[0].record_id == "crit.c.2026.I.2");
        CHECK(up[0].value == 1);
        CHECK(up[1].record_id == "crit.c.2026.I.1");
        CHECK(up[1].value == 2);
        CHECK(ui::MoveCriterion(planning, planning.years[0], "crit.c.2026.I.1", -1).empty()); // already first
        CHECK(ui::MoveCriterion(planning, planning.years[0], "crit.c.2026.I.3", +1).empty()); // already last
    }

    TEST_CASE("year plan: a merged unit lists its predecessors' years")
    {
        const model::Dataset data = Sample();
        const auto years = ui::MemberYearsWithPredecessors(data, "org.ab");
        REQUIRE(years.size() == 2);
        CHECK(years[0] == std::make_pair(2026, std::string("org.a")));
        CHECK(years[1] == std::make_pair(2026, std::string("org.b")));
    }

    TEST_CASE("year plan: the next year opens on the sample data in one checked step, and undoes in one")
    {
        ui::AppState app;
        uitest::LoadFolder(app, THIDUA_SOURCE_DIR "/assets/data/cum1");
        model::Dataset& data = app.dataset;
        const size_t years = data.years.size(), files = data.files.size();
        ui::YearPlan plan = ui::ProposeYear(data);
        REQUIRE(plan.year > 0);
        plan.theme = "Đoàn kết, kỷ cương, chuyển đổi số";
        edit::Journal journal;
        const edit::Outcome out = edit::ApplyAll(data, journal, ui::OpenYearChanges(data, plan, "Hợp nhất vào"));
        for (const check::Issue& issue : out.issues)
            MESSAGE(check::FormatIssue(issue));
        REQUIRE(out.applied);
        CHECK(data.years.size() == years + 1);
        CHECK(data.files.size() == files + 3 + plan.members.size());
        const model::YearFile* opened = nullptr;
        for (const model::YearFile& y : data.years)
            if (y.year.id == plan.year_id)
                opened = &y;
        REQUIRE(opened);
        CHECK(opened->year.chair_org_id == plan.chair_org_id);
        CHECK_FALSE(ui::CriteriaLocked(data, *opened));
        // The criteria table may be reordered while the year plans, and is locked once it is closed.
        const std::vector<edit::Change> move = ui::MoveCriterion(data, *opened, opened->criteria[2].id, -1);
        REQUIRE_FALSE(move.empty());
        CHECK(edit::ApplyAll(data, journal, move).applied);
        const std::string path = ui::YearFilePath(data, plan.year_id);
        CHECK(edit::ApplyAll(data, journal, {edit::SetChange(path, plan.year_id, "status", "closed")}).applied);
        for (const model::YearFile& y : data.years)
            if (y.year.id == plan.year_id)
                CHECK(ui::CriteriaLocked(data, y));
        // Three steps, three undos: the year is gone again.
        CHECK(edit::Undo(data, journal));
        CHECK(edit::Undo(data, journal));
        CHECK(edit::Undo(data, journal));
        CHECK(data.years.size() == years);
        CHECK(data.files.size() == files);
    }
}
