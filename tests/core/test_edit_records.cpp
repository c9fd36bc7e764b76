// The edit layer's add, end, create and remove: one step each (all or none), checked by the whole checker, undone
// and redone as a step, and every op queued in journal.pending for sync.
#include "core/edit/edit.h"
#include "core/io/dataset.h"

#include "sample.h"

#include <doctest/doctest.h>


using nlohmann::json;

namespace
{
const char* const kMeeting = "meetings/mtg.cum1.2021-12-15.tong-ket.json";

const model::Meeting* Meeting(const model::Dataset& d, const std::string& id)
{
    for (const model::Meeting& m : d.meetings)
        if (m.id == id)
            return &m;
    return nullptr;
}

json File(const model::Dataset& d, const std::string& path)
{
    return json::parse(io::WriteFile(d, path), nullptr, false);
}

bool Listed(const model::Dataset& d, const std::string& path)
{
    for (const model::Resource& r : d.package.resources)
        if (r.path == path)
            return true;
    return false;
}
} // namespace

TEST_SUITE("edit")
{
    TEST_CASE("a decision added to a meeting is one step: undo takes it out, redo puts it back, sync sees each op")
    {
        model::Dataset d = coretest::LoadSample();
        edit::Journal j;
        const std::string meeting_id = "mtg.cum1.2021-12-15.tong-ket";
        const size_t before = Meeting(d, meeting_id)->decisions.size();
        const std::string id = edit::NewId(d, "dec.cum1.2021", "Hoàn thành báo cáo tổng kết");
        CHECK(id == "dec.cum1.2021.hoan-thanh-bao-cao-tong-ket");
        const json decision = {{"id", id}, {"kind", "task"}, {"text", "Hoàn thành báo cáo tổng kết"},
                               {"due_date", "2022-01-15"}, {"status", "open"}};
        edit::Outcome out = edit::ApplyAll(d, j, {edit::AddChange(kMeeting, "/meeting/decisions", decision)});
        REQUIRE(out.applied);
        REQUIRE(Meeting(d, meeting_id)->decisions.size() == before + 1);
        CHECK(Meeting(d, meeting_id)->decisions.back().rev == 1);
        REQUIRE(j.pending.size() == 1);
        CHECK(j.pending[0].kind == edit::OpKind::Add);
        CHECK(j.pending[0].parent == "/meeting/decisions");

        // The same id again is refused, and nothing changes.
        out = edit::ApplyAll(d, j, {edit::AddChange(kMeeting, "/meeting/decisions", decision)});
        CHECK_FALSE(out.applied);
        CHECK(Meeting(d, meeting_id)->decisions.size() == before + 1);

        REQUIRE(edit::Undo(d, j));
        CHECK(Meeting(d, meeting_id)->decisions.size() == before);
        CHECK(j.pending.back().kind == edit::OpKind::Remove);
        CHECK(j.pending.back().record_id == id);
        REQUIRE(edit::Redo(d, j));
        CHECK(Meeting(d, meeting_id)->decisions.size() == before + 1);
        CHECK(j.pending.back().kind == edit::OpKind::Add);
    }

    TEST_CASE("a batch is all or nothing: one change the checker refuses leaves the whole dataset as it was")
    {
        model::Dataset d = coretest::LoadSample();
        edit::Journal j;
        const std::string meeting_id = "mtg.cum1.2021-12-15.tong-ket";
        const std::string before = io::WriteFile(d, kMeeting);
        const json good = {{"id", "dec.test.1"}, {"kind", "conclusion"}, {"text", "Thống nhất"}};
        const json bad = {{"id", "dec.test.2"}, {"kind", "task"}, {"text", "Giao việc"},
                          {"assignee_org_ids", {"org.khong-co"}}}; // no such organisation
        const edit::Outcome out = edit::ApplyAll(d, j, {edit::AddChange(kMeeting, "/meeting/decisions", good),
                                                        edit::AddChange(kMeeting, "/meeting/decisions", bad)});
        CHECK_FALSE(out.applied);
        REQUIRE_FALSE(out.issues.empty());
        CHECK(out.issues[0].file == kMeeting);
        CHECK(out.issues[0].pointer.find("/meeting/decisions/") == 0);
        CHECK(io::WriteFile(d, kMeeting) == before);
        CHECK(j.undo.empty());
        CHECK(j.pending.empty());
        CHECK(Meeting(d, meeting_id) != nullptr);
    }

    TEST_CASE("ending a membership keeps the record with its date and reason; undo puts it back in force")
    {
        model::Dataset d = coretest::LoadSample();
        edit::Journal j;
        std::vector<size_t> in_force; // memberships not yet ended (the 2025 successors)
        for (size_t i = 0; i < d.cluster.memberships.size(); ++i)
            if (d.cluster.memberships[i].ended.date.empty())
                in_force.push_back(i);
        REQUIRE(in_force.size() >= 2);
        const size_t k = in_force[0];
        const std::string id = d.cluster.memberships[k].id;
        const size_t count = d.cluster.memberships.size();
        const size_t ended_before = count - in_force.size();
        const edit::Outcome out = edit::End(d, j, "cluster.json", id, "2026-12-31", "Hợp nhất vào đơn vị khác");
        REQUIRE_MESSAGE(out.applied, (out.issues.empty() ? "" : out.issues[0].message));
        CHECK(d.cluster.memberships.size() == count);
        CHECK(d.cluster.memberships[k].ended.date == "2026-12-31");
        CHECK(d.cluster.memberships[k].ended.reason == "Hợp nhất vào đơn vị khác");

        // An end needs a valid date: refused with the pointer of the field.
        const edit::Outcome bad = edit::End(d, j, "cluster.json", d.cluster.memberships[in_force[1]].id, "31/12/2026", "Lý do");
        CHECK_FALSE(bad.applied);
        REQUIRE_FALSE(bad.issues.empty());
        CHECK(bad.issues[0].pointer.find("/ended/date") != std::string::npos);

        REQUIRE(edit::Undo(d, j));
        CHECK(d.cluster.memberships[k].ended.date.empty());
        size_t ended_after = 0;
        for (const model::ClusterMembership& m : d.cluster.memberships)
            ended_after += m.ended.date.empty() ? 0 : 1;
        CHECK(ended_after == ended_before);
    }

    TEST_CASE("a new meeting file is created and listed in datapackage.json in one step; undo withdraws both")
    {
        model::Dataset d = coretest::LoadSample();
        edit::Journal j;
        const std::string path = "meetings/mtg.cum1.2024-06-20.so-ket.json";
        const json doc = {{"format", "thidua.meeting"},
                          {"schema_version", 1},
                          {"meeting",
                           {{"id", "mtg.cum1.2024-06-20.so-ket"},
                            {"rev", 1},
                            {"year_id", "year.cum1.2024"},
                            {"classification", "mid_year_review"},
                            {"name", "Hội nghị sơ kết 6 tháng năm 2024"},
                            {"start_date", "2024-06-20"},
                            {"start_time", "08:30"},
                            {"status", "confirmed"},
                            {"venue", {{"name", "Hội trường Sở"}}}}}};
        const size_t meetings = d.meetings.size();
        edit::Outcome out = edit::ApplyAll(d, j, {edit::CreateChange(path, doc)});
        REQUIRE_MESSAGE(out.applied, (out.issues.empty() ? "" : out.issues[0].message));
        CHECK(d.meetings.size() == meetings + 1);
        CHECK(Listed(d, path));
        REQUIRE(Meeting(d, "mtg.cum1.2024-06-20.so-ket"));
        CHECK(Meeting(d, "mtg.cum1.2024-06-20.so-ket")->start_time == "08:30");
        CHECK(j.pending.back().kind == edit::OpKind::Create);

        // The same path again: refused.
        out = edit::ApplyAll(d, j, {edit::CreateChange(path, doc)});
        CHECK_FALSE(out.applied);
        // A path that is no place for data: refused with a reason.
        out = edit::ApplyAll(d, j, {edit::CreateChange("../etc/x.json", doc)});
        CHECK_FALSE(out.applied);

        // A self-assessment file gets its unit as the writer.
        json self = {{"format", "thidua.self_assessment"},
                     {"schema_version", 1},
                     {"year_id", "year.cum1.2024"},
                     {"organization_id", "org.sonnmt.27"},
                     {"scores", json::array()}};
        edit::Journal j2;
        model::Dataset d2 = coretest::LoadSample();
        // 2024 has a self file for the unit already: a second one with another name is still a file of its own.
        out = edit::ApplyAll(d2, j2, {edit::CreateChange("years/2024/self/org.sonnmt.27.json", self)});
        REQUIRE_MESSAGE(out.applied, (out.issues.empty() ? "" : out.issues[0].message));
        for (const model::Resource& r : d2.package.resources)
            if (r.path == "years/2024/self/org.sonnmt.27.json")
                CHECK(r.writer == "member:org.sonnmt.27");

        REQUIRE(edit::Undo(d, j));
        CHECK(d.meetings.size() == meetings);
        CHECK_FALSE(Listed(d, path));
        CHECK(j.pending.back().kind == edit::OpKind::Delete);
        REQUIRE(edit::Redo(d, j));
        CHECK(Listed(d, path));
        CHECK(d.meetings.size() == meetings + 1);
    }

    TEST_CASE("a record added earlier is removed as one step; a removal the checker refuses changes nothing")
    {
        model::Dataset d = coretest::LoadSample();
        edit::Journal j;
        const std::string meeting_id = "mtg.cum1.2021-12-15.tong-ket";
        const json item = {{"id", "agenda.test.1"}, {"order", "9"}, {"description", "Các nội dung khác"}};
        REQUIRE(edit::ApplyAll(d, j, {edit::AddChange(kMeeting, "/meeting/agenda", item)}).applied);
        const size_t with = Meeting(d, meeting_id)->agenda.size();
        REQUIRE(edit::ApplyAll(d, j, {edit::RemoveChange(kMeeting, "agenda.test.1")}).applied);
        CHECK(Meeting(d, meeting_id)->agenda.size() == with - 1);
        // Taking out a criterion that scores still name is refused by the checker (names file and pointer).
        const std::string year_file = "years/2021/year.json";
        REQUIRE_FALSE(d.years.empty());
        const std::string criterion = d.years[0].criteria.back().id;
        const edit::Outcome out = edit::ApplyAll(d, j, {edit::RemoveChange(year_file, criterion)});
        CHECK_FALSE(out.applied);
        CHECK_FALSE(out.issues.empty());
    }

    TEST_CASE("an empty record id sets a field of the file itself: a self-assessment is sent, undo takes it back")
    {
        model::Dataset d = coretest::LoadSample();
        edit::Journal j;
        const std::string self = "years/2021/self/org.sotnmt.01.json";
        REQUIRE(File(d, self).is_object());
        REQUIRE_FALSE(File(d, self).contains("submitted_date"));
        edit::Outcome out = edit::ApplyAll(d, j, {edit::SetChange(self, "", "submitted_date", "2027-11-20")});
        REQUIRE_MESSAGE(out.applied, (out.issues.empty() ? "" : out.issues[0].message));
        CHECK(File(d, self)["submitted_date"] == "2027-11-20");
        bool found = false;
        for (const model::SelfAssessment& s : d.self_assessments)
            if (s.organization_id == "org.sotnmt.01" && s.submitted_date == "2027-11-20")
                found = true;
        CHECK(found);
        REQUIRE(j.pending.size() == 1);
        CHECK(j.pending[0].record_id.empty());
        CHECK(j.pending[0].field == "submitted_date");

        // The checker still decides: a date that is no date is refused.
        out = edit::ApplyAll(d, j, {edit::SetChange(self, "", "submitted_date", "20/11/2027")});
        CHECK_FALSE(out.applied);
        CHECK(File(d, self)["submitted_date"] == "2027-11-20");
        // The file itself is never removed as a record.
        out = edit::ApplyAll(d, j, {edit::RemoveChange(self, "")});
        CHECK_FALSE(out.applied);

        REQUIRE(edit::Undo(d, j));
        CHECK_FALSE(File(d, self).contains("submitted_date"));
    }

    TEST_CASE("a withdrawn (ended) proposal stays on record outside the quota: its successor fits the quota")
    {
        model::Dataset d = coretest::LoadSample();
        edit::Journal j;
        const std::string results = "years/2026/results.json";
        auto proposal = [](const std::string& org, const std::string& suffix = "") {
            return json{{"id", "prop.cum1.2026.bk-" + org + suffix}, {"award_type", "bang_khen_bo_truong"}, {"basis", "rank"},
                        {"organization_id", "org.sonnmt." + org}, {"status", "draft"}};
        };
        // The 2026 quota: two Bằng khen.
        REQUIRE(edit::ApplyAll(d, j, {edit::AddChange(results, "/award_proposals", proposal("37")),
                                      edit::AddChange(results, "/award_proposals", proposal("25"))}).applied);
        // A third is refused while both are live.
        edit::Outcome out = edit::ApplyAll(d, j, {edit::AddChange(results, "/award_proposals", proposal("01"))});
        CHECK_FALSE(out.applied);
        REQUIRE_FALSE(out.issues.empty());
        CHECK(out.issues.front().pointer == "/award_proposals/2");
        // Ending one (the ranking moved) and adding its successor is one valid step.
        out = edit::ApplyAll(d, j, {edit::SetChange(results, "prop.cum1.2026.bk-37", "ended",
                                                    {{"date", "2026-12-16"}, {"reason", "kết quả bỏ phiếu thay đổi"}}),
                                    edit::AddChange(results, "/award_proposals", proposal("01"))});
        CHECK(out.applied);
        // The withdrawn unit proposed again is not a duplicate of its ended proposal, but a second live one is.
        out = edit::ApplyAll(d, j, {edit::SetChange(results, "prop.cum1.2026.bk-25", "ended",
                                                    {{"date", "2026-12-16"}, {"reason", "kết quả bỏ phiếu thay đổi"}}),
                                    edit::AddChange(results, "/award_proposals", proposal("37", "-2"))});
        CHECK(out.applied);
        out = edit::ApplyAll(d, j, {edit::AddChange(results, "/award_proposals", proposal("01", "-2"))});
        CHECK_FALSE(out.applied);
    }
}
