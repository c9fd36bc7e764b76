// Local edit mode: changes go through edit::Apply (checked, undoable, queued for sync), refused changes show the
// checker's message next to the field, and results are recomputed after every change.
#include "ui_harness.h"

#include "core/text/text.h"
#include "ui/widgets.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <utility>

namespace
{
const model::Ballot* Ballot(const ui::AppState& app, const std::string& id)
{
    for (const model::Results& r : app.dataset.results)
        for (const model::Ballot& b : r.ballots)
            if (b.id == id)
                return &b;
    return nullptr;
}

const char* const kBallot = "ballot.cum1.2021.suy-ton.r1";
const char* const kBook = "mtg.cum1.2026-12-16.tong-ket";      // the summary conference still to come
const char* const kOtherBook = "mtg.cum1.2026-03-19.giao-uoc"; // the covenant signing of the same year

// The secretariat in edit mode on `route`, with the dataset in `folder` loaded: where the meeting tests start.
void EditAsSecretariat(uitest::Harness& h, const char* folder, const std::string& route)
{
    uitest::LoadFolder(h.app, folder);
    h.app.who = {roles::Role::Secretariat, ""};
    h.app.who_known = true;
    h.Frames(2);
    REQUIRE(h.Tap("Chỉnh sửa"));
    ui::OpenRoute(h.app, route);
    h.Frames(2);
}
} // namespace

TEST_SUITE("ui")
{
    TEST_CASE("a ballot tally is edited, refused when invalid, undone and redone")
    {
        uitest::Harness h;
        uitest::LoadFolder(h.app, THIDUA_SOURCE_DIR "/assets/data/cum1");
        h.Frames(2);
        REQUIRE(h.Tap("Chỉnh sửa"));
        CHECK(h.State()["edit"]["enabled"] == true);
        ui::OpenRoute(h.app, "/results/ballots?year=2021");
        h.Frames(2);
        REQUIRE(Ballot(h.app, kBallot));
        const int64_t before = Ballot(h.app, kBallot)->members_present;
        const int64_t version = h.app.data_version;

        // A negative count: the checker refuses, the data stays, the message appears next to the field.
        REQUIRE(h.Tap("Đơn vị có mặt"));
        REQUIRE(h.Type("-3"));
        h.Key(ImGuiKey_Enter);
        CHECK(Ballot(h.app, kBallot)->members_present == before);
        CHECK(h.State()["edit"]["undo"] == 0);
        CHECK(h.State()["edit"]["error"] != "");

        // 9 present while 10 ballots were issued: a rule across fields of the ballot refuses it.
        REQUIRE(h.Tap("Đơn vị có mặt"));
        REQUIRE(h.Type("9"));
        h.Key(ImGuiKey_Enter);
        CHECK(Ballot(h.app, kBallot)->members_present == before);
        CHECK(h.State()["edit"]["error"].get<std::string>().find("có mặt") != std::string::npos); // in Vietnamese

        // One vote fewer for the second candidate: accepted.
        const model::VoteCount second = Ballot(h.app, kBallot)->counts[1];
        REQUIRE(h.Tap("Số phiếu " + ui::OrgName(h.app, second.option)));
        REQUIRE(h.Type(std::to_string(second.votes - 1)));
        h.Key(ImGuiKey_Enter);
        CHECK(Ballot(h.app, kBallot)->counts[1].votes == second.votes - 1);
        CHECK(h.State()["edit"]["undo"] == 1);
        CHECK(h.State()["edit"]["error"] == "");
        CHECK(h.State()["sync"]["pending"].get<int>() >= 1);
        CHECK(h.app.data_version > version); // the results were recomputed
        REQUIRE(!h.app.edit.journal.pending.empty());
        const edit::Op op = h.app.edit.journal.pending.back();
        CHECK(op.file == "years/2021/results.json");
        CHECK(op.record_id == kBallot);
        CHECK(op.field == "counts/1/votes");
        CHECK(op.old_value == second.votes);
        CHECK(op.new_value == second.votes - 1);
        const int64_t votes_before = second.votes;

        // The button says what it will change back.
        const std::string undo = "Hoàn tác: " + std::to_string(votes_before) + " → " + std::to_string(votes_before - 1);
        REQUIRE(h.Tap(undo));
        CHECK(Ballot(h.app, kBallot)->counts[1].votes == votes_before);
        CHECK(h.Has("Làm lại: " + std::to_string(votes_before) + " → " + std::to_string(votes_before - 1)));
        CHECK(h.State()["edit"]["redo"] == 1);
        h.Key(ImGuiKey_Y, ImGuiMod_Ctrl);
        CHECK(Ballot(h.app, kBallot)->counts[1].votes == votes_before - 1);
        h.Key(ImGuiKey_Z, ImGuiMod_Ctrl);
        CHECK(Ballot(h.app, kBallot)->counts[1].votes == votes_before);
        CHECK(Ballot(h.app, kBallot)->members_present == before);
        CHECK(h.app.edit.journal.pending.size() == 4); // the change, its undo, the redo, the undo again
    }

    TEST_CASE("a task's status is set from the meeting book")
    {
        uitest::Harness h;
        uitest::LoadFolder(h.app, THIDUA_SOURCE_DIR "/assets/data/cum1");
        h.Frames(2);
        REQUIRE(h.Tap("Chỉnh sửa"));
        ui::OpenRoute(h.app, "/meetings/mtg.cum1.2021-03-25.giao-uoc");
        h.Frames(2);
        REQUIRE(h.ScrollTo("Hoàn thành", 700, 600));
        const std::vector<ui::RegisteredItem> buttons = h.Items("Hoàn thành");
        REQUIRE(!buttons.empty());
        REQUIRE(h.TapItem(buttons.front()));
        const model::Meeting* meeting = nullptr;
        for (const model::Meeting& m : h.app.dataset.meetings)
            if (m.id == "mtg.cum1.2021-03-25.giao-uoc")
                meeting = &m;
        REQUIRE(meeting);
        int done = 0;
        for (const model::Decision& d : meeting->decisions)
            done += d.status == "done" ? 1 : 0;
        CHECK(done == 1);
        CHECK(h.app.edit.journal.undo.back().field == "status");
        CHECK(h.app.edit.journal.undo.back().new_value == "done");
    }

    TEST_CASE("a score typed in the explanation panel changes the total and the ranking is recomputed")
    {
        uitest::Harness h;
        uitest::LoadFolder(h.app, THIDUA_SOURCE_DIR "/assets/data/cum1");
        h.Frames(2);
        REQUIRE(h.Tap("Chỉnh sửa"));
        ui::OpenRoute(h.app, "/results?year=2021");
        h.Frames(2);
        const scoring::MemberResult last = h.app.results.members.back();
        const model::YearFile* year = ui::SelectedYear(h.app);
        REQUIRE(year);
        std::string criterion; // the first manual criterion: its final score is points given at the conference
        for (const model::Criterion& c : year->criteria)
            if (c.kind == "manual" && criterion.empty())
                criterion = c.id;
        REQUIRE(!criterion.empty());
        // What a tap on that unit's cell in the detailed grid selects (the tap itself is tested with the totals).
        REQUIRE(h.Tap("Chi tiết tiêu chí"));
        h.app.results_screen.selected_org = last.organization_id;
        h.app.results_screen.selected_column = criterion;
        h.Frames(2);
        const std::vector<ui::RegisteredItem> inputs = [&] {
            std::vector<ui::RegisteredItem> out;
            for (const ui::RegisteredItem& item : h.app.items.items)
                if (item.inputable && item.label.rfind("Điểm do", 0) == 0)
                    out.push_back(item);
            return out;
        }();
        REQUIRE(!inputs.empty());
        const model::Points total_before = last.ranking_total.value;
        REQUIRE(h.TapItem(inputs.front()));
        REQUIRE(h.Type("0"));
        h.Key(ImGuiKey_Enter);
        REQUIRE(h.State()["edit"]["undo"] == 1);
        const scoring::MemberResult* after = nullptr;
        for (const scoring::MemberResult& m : h.app.results.members)
            if (m.organization_id == last.organization_id)
                after = &m;
        REQUIRE(after);
        CHECK(after->ranking_total.value < total_before);
    }
}

TEST_SUITE("ui")
{
    TEST_CASE("a decision's text typed in Vietnamese is saved when the field is left")
    {
        uitest::Harness h;
        uitest::LoadFolder(h.app, THIDUA_SOURCE_DIR "/assets/data/cum1");
        h.Frames(2);
        REQUIRE(h.Tap("Chỉnh sửa"));
        ui::OpenRoute(h.app, "/meetings/mtg.cum1.2021-03-25.giao-uoc");
        h.Frames(2);
        REQUIRE(h.ScrollTo("Nội dung", 700, 600));
        REQUIRE(h.Tap("Nội dung"));
        const std::string typed = "Đẩy mạnh chuyển đổi số; hoàn thành trước ngày 30/6";
        REQUIRE(h.Type(typed));
        ui::RegisteredItem empty_space; // a tap on the navigation rail's empty part leaves the field
        empty_space.x = 20, empty_space.y = 700, empty_space.w = 10, empty_space.h = 10;
        REQUIRE(h.TapItem(empty_space));
        REQUIRE(h.app.edit.journal.undo.size() == 1);
        const edit::Op& op = h.app.edit.journal.undo.back();
        CHECK(op.field == "text");
        CHECK(op.new_value == typed);
        CHECK(text::IsNfc(op.new_value.get<std::string>()));
        bool found = false;
        for (const model::Meeting& m : h.app.dataset.meetings)
            for (const model::Decision& d : m.decisions)
                found = found || d.text == typed;
        CHECK(found);
    }
}

TEST_SUITE("ui")
{
    TEST_CASE("a meeting's date is read and typed as dd/mm/yyyy, a wrong one is refused, and the calendar picks a day")
    {
        uitest::Harness h;
        uitest::LoadFolder(h.app, THIDUA_SOURCE_DIR "/assets/data/cum1");
        h.Frames(2);
        REQUIRE(h.Tap("Chỉnh sửa"));
        const std::string id = "mtg.cum1.2021-03-25.giao-uoc";
        ui::OpenRoute(h.app, "/meetings/" + id);
        h.Frames(2);
        auto start = [&] {
            for (const model::Meeting& m : h.app.dataset.meetings)
                if (m.id == id)
                    return m.start_date;
            return std::string();
        };
        REQUIRE(start() == "2021-03-25");
        const std::string label = "Ngày bắt đầu (dd/mm/yyyy)";
        REQUIRE(h.ScrollTo(label, 700, 600));
        // The field shows the date the way it is written in Vietnam.
        const auto& texts = h.app.items.texts;
        CHECK(std::find(texts.begin(), texts.end(), "25/03/2021") != texts.end());

        REQUIRE(h.Tap(label));
        REQUIRE(h.Type("26/3/2021"));
        h.Key(ImGuiKey_Enter);
        CHECK(start() == "2021-03-26");

        REQUIRE(h.Tap(label));
        REQUIRE(h.Type("31/02/2021")); // no such day: refused with a message, nothing changes
        h.Key(ImGuiKey_Enter);
        CHECK(start() == "2021-03-26");
        CHECK(h.app.edit.error_message == "Ngày không đúng (ngày/tháng/năm)");

        // The calendar beside the field opens on the field's month; a tap on a day sets it.
        const std::vector<ui::RegisteredItem> calendars = h.Items("Lịch");
        REQUIRE(!calendars.empty());
        REQUIRE(h.TapItem(calendars.front()));
        REQUIRE(h.Tap("Tháng 3/2021") == false); // the title is text, not a button
        REQUIRE(h.Tap("30"));
        CHECK(start() == "2021-03-30");
    }

    TEST_CASE("a meeting created in another cluster of a deployment is named and numbered as that cluster's")
    {
        uitest::Harness h;
        EditAsSecretariat(h, THIDUA_SOURCE_DIR "/assets/data/cum2", "/meetings?year=2026"); // "Cụm thi đua số II"
        REQUIRE(h.Tap("Hội nghị mới"));
        REQUIRE(h.Tap("Ngày (dd/mm/yyyy)"));
        REQUIRE(h.Type("20/11/2026"));
        h.Key(ImGuiKey_Enter);
        auto made = [&]() -> const model::Meeting* {
            for (const model::Meeting& m : h.app.dataset.meetings)
                if (m.start_date == "2026-11-20")
                    return &m;
            return nullptr;
        };
        // No venue and no host: the form asks for one in words (the file requires it), and nothing is made.
        REQUIRE(h.Tap("Tạo hội nghị"));
        h.Frames(2);
        CHECK_FALSE(made());
        CHECK(h.app.meetings.new_meeting.error == "Cần nhập địa điểm, hoặc chọn đơn vị đăng cai");
        CHECK(h.State()["edit"]["error"] == "");

        REQUIRE(h.Tap("Địa điểm"));
        REQUIRE(h.Type("Hội trường A"));
        h.Key(ImGuiKey_Enter);
        REQUIRE(h.Tap("Tạo hội nghị"));
        h.Frames(2);
        REQUIRE(made());
        CHECK(made()->id.rfind("mtg.synth.2026-11-20", 0) == 0); // as its own files: meetings/mtg.synth.2026-12-15.json
        CHECK(made()->name == "Hội nghị tổng kết công tác thi đua năm 2026 của Cụm thi đua số II");
    }
}

TEST_SUITE("ui")
{
    TEST_CASE("a new meeting's date starts on today only in today's year; another year's calendar opens on that year")
    {
        uitest::Harness h;
        h.app.today = "2026-12-04";
        EditAsSecretariat(h, THIDUA_SOURCE_DIR "/assets/data/cum1", "/meetings?year=2026");
        REQUIRE(h.Tap("Hội nghị mới"));
        CHECK(h.app.meetings.new_meeting.date_text == "04/12/2026");
        REQUIRE(h.Tap("Huỷ"));

        // 2025 on screen: no invented date. Creating asks for one; the calendar opens on December 2025.
        ui::OpenRoute(h.app, "/meetings?year=2025");
        h.Frames(2);
        const size_t meetings = h.app.dataset.meetings.size();
        REQUIRE(h.Tap("Hội nghị mới"));
        CHECK(h.app.meetings.new_meeting.date_text == "");
        REQUIRE(h.Tap("Tạo hội nghị"));
        h.Frames(2);
        CHECK(h.app.meetings.new_meeting.error == "Cần nhập ngày họp (ngày/tháng/năm)");
        REQUIRE(h.Tap("Ngày (dd/mm/yyyy)"));
        REQUIRE(h.Type("31/02/2025"));
        h.Key(ImGuiKey_Enter);
        REQUIRE(h.Tap("Tạo hội nghị"));
        h.Frames(2);
        CHECK(h.app.meetings.new_meeting.error == "Ngày không đúng (ngày/tháng/năm)");
        CHECK(h.app.dataset.meetings.size() == meetings);
        REQUIRE(h.Tap("Lịch"));
        CHECK(h.app.edit.picker_year == 2025);
        CHECK(h.app.edit.picker_month == 12);
    }

    TEST_CASE("an empty agenda item or guest is asked for in words; a half-typed item stays with its meeting")
    {
        uitest::Harness h;
        EditAsSecretariat(h, THIDUA_SOURCE_DIR "/assets/data/cum1", std::string("/meetings/") + kBook);
        const int64_t version = h.app.data_version;
        REQUIRE(h.ScrollTo("Thêm vào chương trình", 640, 400, 40));
        REQUIRE(h.Tap("Thêm vào chương trình"));
        h.Frames(2);
        CHECK(h.app.meetings.additions[kBook].agenda_error == "Cần nhập nội dung");
        REQUIRE(h.ScrollTo("Thêm khách mời", 640, 400, 40));
        REQUIRE(h.Tap("Thêm khách mời"));
        h.Frames(2);
        CHECK(h.app.meetings.additions[kBook].guest_error == "Cần nhập họ tên khách mời");
        CHECK(h.app.data_version == version);
        CHECK(h.State()["edit"]["undo"] == 0);

        // A half-typed item stays with its meeting: another book's field is empty, and back in this one it is there.
        REQUIRE(h.Tap("Nội dung chương trình"));
        REQUIRE(h.Type("Báo cáo kết quả kiểm tra chéo"));
        h.Key(ImGuiKey_Enter);
        ui::OpenRoute(h.app, std::string("/meetings/") + kOtherBook);
        h.Frames(2);
        REQUIRE(ui::FindMeeting(h.app, kOtherBook));
        const size_t other_agenda = ui::FindMeeting(h.app, kOtherBook)->agenda.size();
        REQUIRE(h.ScrollTo("Thêm vào chương trình", 640, 400, 40));
        REQUIRE(h.Tap("Thêm vào chương trình"));
        h.Frames(2);
        CHECK(h.app.meetings.additions[kOtherBook].agenda_error == "Cần nhập nội dung");
        CHECK(ui::FindMeeting(h.app, kOtherBook)->agenda.size() == other_agenda);

        ui::OpenRoute(h.app, std::string("/meetings/") + kBook);
        h.Frames(2);
        REQUIRE(h.ScrollTo("Thêm vào chương trình", 640, 400, 40));
        REQUIRE(h.Tap("Thêm vào chương trình"));
        h.Frames(2);
        CHECK(h.app.meetings.additions[kBook].agenda_error == "");
        CHECK(h.State()["edit"]["undo"] == 1);
        REQUIRE(!ui::FindMeeting(h.app, kBook)->agenda.empty());
        CHECK(ui::FindMeeting(h.app, kBook)->agenda.back().description == "Báo cáo kết quả kiểm tra chéo");
        CHECK(ui::FindMeeting(h.app, kOtherBook)->agenda.size() == other_agenda);
    }

    TEST_CASE("today is the date where the tablet is, not in Greenwich")
    {
        // Between them, +14 h and -12 h put every moment of a UTC day on another date in one of the two zones.
        const char* const saved = std::getenv("TZ");
        const std::string old_tz = saved ? saved : "";
        for (const auto& [tz, hours] : {std::pair<const char*, int>{"<+14>-14", 14}, {"<-12>+12", -12}})
        {
            setenv("TZ", tz, 1);
            tzset();
            const std::time_t shifted = std::time(nullptr) + hours * 3600;
            std::tm tm{};
            gmtime_r(&shifted, &tm);
            char expected[16];
            std::strftime(expected, sizeof expected, "%Y-%m-%d", &tm);
            CHECK_MESSAGE(ui::Today(ui::AppState{}) == expected, tz);
        }
        if (saved)
            setenv("TZ", old_tz.c_str(), 1);
        else
            unsetenv("TZ");
        tzset();
    }
}
