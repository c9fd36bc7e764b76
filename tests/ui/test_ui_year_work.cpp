// The pure logic behind the year's work forms (ui/year_work.h): dates and times as typed, the new meeting's file,
// titles frozen on the meeting date, what a self-assessment field asks for and the points it gives, the tally
// checked as a whole (a recount typed in any order), the next round, and proposals that follow the ballot.
#include "ui/year_work.h"

#include <doctest/doctest.h>

TEST_SUITE("ui year work")
{
    TEST_CASE("dates are read as dd/mm/yyyy and times as hh:mm")
    {
        CHECK(ui::ParseDateVi("15/12/2027") == "2027-12-15");
        CHECK(ui::ParseDateVi(" 5/3/2027 ") == "2027-03-05");
        CHECK(ui::ParseDateVi("29/02/2028") == "2028-02-29");
        CHECK(ui::ParseDateVi("29/02/2027").empty());
        CHECK(ui::ParseDateVi("2027-12-15").empty()); // an ISO date is not what the field asks for
        CHECK(ui::ParseDateVi("15/13/2027").empty());
        CHECK(ui::ParseDateVi("").empty());
        CHECK(ui::ParseTimeVi("8:30") == "08:30");
        CHECK(ui::ParseTimeVi("14h") == "14:00");
        CHECK(ui::ParseTimeVi("14h30") == "14:30");
        CHECK(ui::ParseTimeVi("24:00").empty());
        CHECK(ui::ParseTimeVi("abc").empty());
        CHECK(ui::DateVi("2027-12-15") == "15/12/2027");
    }

    TEST_CASE("a new meeting's name is proposed from its kind and year, and its file has the meeting shape")
    {
        CHECK(ui::ProposedMeetingName("year_end_summary", 2027, "Cụm thi đua số I") ==
              "Hội nghị tổng kết công tác thi đua năm 2027 của Cụm thi đua số I");
        CHECK(ui::ProposedMeetingName("covenant_signing", 2027, "").find("giao ước") != std::string::npos);
        ui::NewMeeting m;
        m.kind = "year_end_summary";
        m.date = "2027-12-15";
        m.time = "08:30";
        m.host_org_id = "org.sotnmt.27";
        m.venue = "Sở TN&MT Bắc Ninh";
        m.name = "Hội nghị tổng kết";
        m.year_id = "year.cum1.2027";
        const nlohmann::json doc = ui::MeetingDocument(m, "mtg.cum1.2027-12-15-tong-ket");
        CHECK(ui::MeetingPath("mtg.cum1.2027-12-15-tong-ket") == "meetings/mtg.cum1.2027-12-15-tong-ket.json");
        CHECK(doc["format"] == "thidua.meeting");
        CHECK(doc["meeting"]["start_time"] == "08:30");
        CHECK(doc["meeting"]["venue"]["host_org_id"] == "org.sotnmt.27");
        CHECK(doc["meeting"]["status"] == "confirmed");
        CHECK(doc["meeting"]["agenda"].is_array());
    }

    TEST_CASE("an attendee's title is the post in force on the meeting date")
    {
        model::Dataset data;
        data.organizations.push_back({});
        data.organizations[0].id = "org.sotnmt.27";
        data.organizations[0].short_name = "Sở TN&MT Bắc Ninh";
        model::Person p;
        p.id = "per.a";
        p.posts.push_back({"post.1", "org.sotnmt.27", "Phó Giám đốc", "", "2019-01-01", "2024-06-30", {}});
        p.posts.push_back({"post.2", "org.sotnmt.27", "Giám đốc", "", "2024-07-01", "", {}});
        std::string org;
        CHECK(ui::TitleOn(data, p, "2023-12-15", &org) == "Phó Giám đốc Sở TN&MT Bắc Ninh");
        CHECK(ui::TitleOn(data, p, "2027-12-15", &org) == "Giám đốc Sở TN&MT Bắc Ninh");
        CHECK(org == "org.sotnmt.27");
        CHECK(ui::TitleOn(data, p, "2010-01-01", nullptr).empty());
    }

    TEST_CASE("each criterion kind asks for what it means and gives its points")
    {
        model::Criterion q;
        q.kind = "quantitative";
        q.max_points = 1500;
        q.target = 9500;
        q.unit = "%";
        CHECK(ui::InputKindOf(q) == ui::InputKind::Result);
        CHECK(ui::PointsFor(q, 9500).value == 750);    // exactly the target: half the points
        CHECK(ui::PointsFor(q, 9770).value == 1500);   // above the target on its own tablet: the maximum
        model::Criterion per;
        per.kind = "per_occurrence";
        per.max_points = 1000;
        per.points_per_unit = 250;
        CHECK(ui::InputKindOf(per) == ui::InputKind::Count);
        CHECK(ui::PointsFor(per, 300).value == 750);
        model::Criterion yes;
        yes.kind = "qualitative";
        yes.max_points = 1000;
        CHECK(ui::InputKindOf(yes) == ui::InputKind::Achieved);
        CHECK(ui::PointsFor(yes, 100).value == 1000);
        model::Criterion group;
        group.kind = "group";
        CHECK(ui::InputKindOf(group) == ui::InputKind::None);
        CHECK(ui::PointsJson(825) == nlohmann::json(8.25));
        CHECK(ui::PointsJson(900) == nlohmann::json(9));
    }

    TEST_CASE("the tally is checked as a whole: a recount may pass through wrong states in any order")
    {
        model::Ballot b;
        b.id = "ballot.1";
        b.candidates = {"org.a", "org.b"};
        b.members_present = 10;
        b.ballots_issued = 10;
        b.ballots_returned = 10;
        b.ballots_valid = 10;
        b.counts = {{"org.a", 5}, {"org.b", 5}};
        ui::TallyDraft t = ui::DraftOf(b);
        CHECK(ui::CheckTally(t, 1).empty());
        // The recount: one ballot was invalid and one vote moved. Typed valid first, the draft is wrong for a while.
        t.valid = 9;
        CHECK(!ui::CheckTally(t, 1).empty());
        t.votes = {6, 3};
        CHECK(!ui::CheckTally(t, 1).empty());
        t.invalid = 1;
        CHECK(ui::CheckTally(t, 1).empty());
        const std::vector<edit::Change> changes = ui::TallyChanges("years/2027/results.json", b, t);
        REQUIRE(changes.size() == 3); // valid, invalid, counts: one step
        CHECK(changes[2].field == "counts");
        CHECK(changes[2].value[0]["votes"] == 6);
        ui::TallyDraft bad = t;
        bad.returned = 11;
        const auto problems = ui::CheckTally(bad, 1);
        CHECK(std::find(problems.begin(), problems.end(), ui::TallyProblem::ReturnedOverIssued) != problems.end());
        CHECK(std::find(problems.begin(), problems.end(), ui::TallyProblem::ValidInvalidSum) != problems.end());
    }

    TEST_CASE("the next round repeats the ballot for the tied candidates")
    {
        model::Ballot b;
        b.id = "ballot.1";
        b.meeting_id = "mtg.1";
        b.motion = "honour_leader";
        b.round = 1;
        b.members_present = 10;
        b.counting_team_names = {"Nguyễn Văn A"};
        const nlohmann::json next = ui::NextRoundBallot(b, {"org.a", "org.b"}, "ballot.2");
        CHECK(next["round"] == 2);
        CHECK(next["previous_round_id"] == "ballot.1");
        CHECK(next["candidates"] == nlohmann::json({"org.a", "org.b"}));
        CHECK(next["counts"][1]["votes"] == 0);
        CHECK(next["counting_team_names"][0] == "Nguyễn Văn A");
    }

    TEST_CASE("self-assessments sent are counted per year")
    {
        model::Dataset data;
        for (int i = 0; i < 3; ++i)
        {
            model::SelfAssessment s;
            s.year_id = "year.cum1.2027";
            s.organization_id = "org." + std::to_string(i);
            s.submitted_date = i < 2 ? "2027-11-30" : "";
            data.self_assessments.push_back(s);
        }
        int32_t total = 0;
        CHECK(ui::SubmittedCount(data, "year.cum1.2027", &total) == 2);
        CHECK(total == 3);
    }

    TEST_CASE("proposals follow a changed result: drafts no longer given are ended, new ones added, sent ones kept")
    {
        model::Dataset data;
        model::YearFile y;
        y.year.id = "year.cum1.2027";
        y.ruleset.award_quotas.push_back({"q1", "co_thi_dua_bo", 1, "", "ballot_winner"});
        data.years.push_back(y);
        model::Results r;
        r.year_id = "year.cum1.2027";
        model::AwardProposal old_flag;
        old_flag.id = "prop.1";
        old_flag.award_type = "co_thi_dua_bo";
        old_flag.organization_id = "org.a";
        old_flag.status = "draft";
        model::AwardProposal sent;
        sent.id = "prop.2";
        sent.award_type = "bang_khen_bo_truong";
        sent.organization_id = "org.c";
        sent.status = "submitted";
        r.award_proposals = {old_flag, sent};
        data.results.push_back(r);
        scoring::YearResult result;
        result.year_id = "year.cum1.2027";
        scoring::BallotOutcome o;
        o.ballot_id = "ballot.2";
        o.result = "pass";
        o.winners = {"org.b"};
        result.ballots.push_back(o);
        result.proposed_awards.push_back({"co_thi_dua_bo", "org.b", ""});
        const std::vector<edit::Change> changes =
            ui::ProposalChanges(data, "years/2027/results.json", r, result, "2027-12-15", "Kết quả bỏ phiếu thay đổi");
        REQUIRE(changes.size() == 2);
        CHECK(changes[0].kind == edit::OpKind::Set);
        CHECK(changes[0].record_id == "prop.1");
        CHECK(changes[0].field == "ended");
        CHECK(changes[0].value["reason"] == "Kết quả bỏ phiếu thay đổi");
        CHECK(changes[1].kind == edit::OpKind::Add);
        CHECK(changes[1].parent == "/award_proposals");
        CHECK(changes[1].value["organization_id"] == "org.b");
        CHECK(changes[1].value["basis"] == "ballot_winner");
        CHECK(changes[1].value["ballot_id"] == "ballot.2");
        CHECK(changes[1].value["status"] == "draft");
    }
}
