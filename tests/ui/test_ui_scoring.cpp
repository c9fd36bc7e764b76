// A member unit's self-assessment on its tablet: a typed value the checker would refuse stays in its field with the
// reason under it (in Vietnamese), and "Gửi Văn phòng Cụm" asks once more, with the criteria still empty.
#include "ui_harness.h"

#include "ui/widgets.h"

#include <doctest/doctest.h>

#include <algorithm>

namespace
{
const char* const kUnit = "org.sonnmt.33"; // has not sent its 2026 self-assessment in the sample

const model::SelfAssessment& Sheet(const ui::AppState& app, const std::string& org = kUnit)
{
    for (const model::SelfAssessment& a : app.dataset.self_assessments)
        if (a.year_id == "year.cum1.2026" && a.organization_id == org)
            return a;
    FAIL("no 2026 self-assessment of " << org);
    return app.dataset.self_assessments.front();
}

const model::Score* Stored(const ui::AppState& app, const std::string& criterion)
{
    for (const model::Score& s : Sheet(app).scores)
        if (s.criterion_id == criterion)
            return &s;
    return nullptr;
}

bool Drawn(const ui::AppState& app, const std::string& text)
{
    return std::find(app.items.texts.begin(), app.items.texts.end(), text) != app.items.texts.end();
}

// Types `text` into the field labelled `label` and leaves it with Enter, as on the tablet.
void Enter(uitest::Harness& h, const std::string& label, const std::string& text)
{
    REQUIRE(h.ScrollTo(label, 700, 400));
    REQUIRE(h.Tap(label));
    REQUIRE(h.Type(text));
    h.Key(ImGuiKey_Enter);
    h.Frames(2);
}
} // namespace

TEST_SUITE("ui")
{
    TEST_CASE("a unit's refused value stays typed with the reason under it; sending asks first and names what is empty")
    {
        uitest::Harness h;
        uitest::LoadFolder(h.app, THIDUA_SOURCE_DIR "/assets/data/cum1");
        h.app.who = {roles::Role::Unit, kUnit};
        h.app.who_known = true;
        ui::OpenRoute(h.app, "/scoring?year=2026");
        h.Frames(3);
        CHECK(Drawn(h.app, "Chưa gửi · hạn gửi 04/12/2026")); // the self-assessment phase's end date
        REQUIRE(Sheet(h.app).scores.empty());
        const int undo = h.State()["edit"]["undo"];

        // Above the maximum of a manual criterion: nothing stored, the text stays, the checker's reason in Vietnamese.
        Enter(h, "I.2 Điểm tự chấm Tự chấm", "20");
        CHECK_FALSE(Stored(h.app, "crit.cum1.2026.I.2"));
        CHECK(h.State()["edit"]["undo"] == undo);
        REQUIRE(h.app.scoring.refused.size() == 1);
        CHECK(h.app.scoring.refused.begin()->second.text == "20");
        CHECK(Drawn(h.app, "điểm 20 vượt mức tối đa 15 của tiêu chí I.2 (Quản lý nhà nước về bảo vệ môi trường)"));
        CHECK_FALSE(Drawn(h.app, "» 15 điểm")); // no points are shown for a value that is not stored

        // A percentage above 100, and text that is no number.
        Enter(h, "I.1 Tỷ lệ đạt, % Tự chấm", "120");
        CHECK_FALSE(Stored(h.app, "crit.cum1.2026.I.1"));
        CHECK(Drawn(h.app, "120 % không hợp lệ cho tiêu chí I.1 (Tỷ lệ hồ sơ đất đai giải quyết đúng hạn); "
                           "tỷ lệ phần trăm phải từ 0 đến 100"));
        Enter(h, "I.4 Điểm tự chấm Tự chấm", "12,345");
        CHECK_FALSE(Stored(h.app, "crit.cum1.2026.I.4"));
        CHECK(Drawn(h.app, "Hãy nhập một số (tối đa hai chữ số thập phân)"));
        CHECK(h.app.scoring.refused.size() == 3); // each field keeps its own text and reason
        for (const std::string& text : h.app.items.texts)
            CHECK_MESSAGE(text.find("criterion") == std::string::npos, text);

        // Corrected: stored, and the reason goes.
        Enter(h, "I.2 Điểm tự chấm Tự chấm", "14,5");
        REQUIRE(Stored(h.app, "crit.cum1.2026.I.2"));
        CHECK(Stored(h.app, "crit.cum1.2026.I.2")->value == 1450);
        CHECK(h.app.scoring.refused.count("self#org.sonnmt.33#crit.cum1.2026.I.2") == 0);
        CHECK_FALSE(Drawn(h.app, "điểm 20 vượt mức tối đa 15 của tiêu chí I.2 (Quản lý nhà nước về bảo vệ môi trường)"));
        CHECK(Drawn(h.app, "» 14,5 điểm"));

        // Sending asks first, naming what is still empty (bonus and penalty may stay empty); "Huỷ" sends nothing.
        REQUIRE(h.ScrollTo("Gửi Văn phòng Cụm", 700, 400));
        REQUIRE(h.Tap("Gửi Văn phòng Cụm"));
        h.Frames(2);
        CHECK(Sheet(h.app).submitted_date.empty());
        CHECK(Drawn(h.app, "Tiêu chí chưa nhập (7): I.1, I.3, I.4, I.5, II.1, II.2, III.1"));
        for (const char* button : {"Gửi", "Huỷ"}) // in view at once, without scrolling
        {
            const std::vector<ui::RegisteredItem> seen = h.Items(button);
            REQUIRE(seen.size() == 1);
            CHECK(seen[0].h >= 40); // whole, not clipped by the window's bottom edge
        }
        REQUIRE(h.Tap("Huỷ"));
        h.Frames(2);
        CHECK(Sheet(h.app).submitted_date.empty());
        CHECK_FALSE(h.Has("Gửi"));
        REQUIRE(h.ScrollTo("Gửi Văn phòng Cụm", 700, 400));
        REQUIRE(h.Tap("Gửi Văn phòng Cụm"));
        h.Frames(2);
        REQUIRE(h.Tap("Gửi"));
        h.Frames(2);
        CHECK(Sheet(h.app).submitted_date == ui::Today(h.app));
        CHECK_FALSE(h.Has("Gửi Văn phòng Cụm")); // sent: the unit is offered nothing more
    }

    TEST_CASE("a sheet read by someone who may not write it shows a dash for every value not entered, of every kind")
    {
        uitest::Harness h(1280, 4000); // the whole sheet on screen
        uitest::LoadFolder(h.app, THIDUA_SOURCE_DIR "/assets/data/cum1");
        h.app.who = {roles::Role::Viewer, ""};
        h.app.who_known = true;
        ui::OpenRoute(h.app, "/scoring?year=2026");
        h.app.scoring.org = kUnit;
        h.Frames(3);
        REQUIRE(Sheet(h.app).scores.empty());
        CHECK_FALSE(h.Has("Đạt")); // no buttons to tap
        // Ten values to enter in 2026 (I.3 and II.2 are "đạt hay không đạt"), self-assessed and final: twenty dashes,
        // none left blank (a blank one also drew the next criterion's line over its own text).
        CHECK(std::count(h.app.items.texts.begin(), h.app.items.texts.end(), "–") == 20);
    }

    TEST_CASE("the secretariat gives a sent self-assessment back to its unit, which may then change it and send again")
    {
        uitest::Harness h;
        uitest::LoadFolder(h.app, THIDUA_SOURCE_DIR "/assets/data/cum1");
        h.app.who = {roles::Role::Secretariat, ""};
        h.app.who_known = true;
        ui::OpenRoute(h.app, "/scoring?year=2026");
        h.Frames(2);
        const char* sent = "org.sonnmt.01"; // sent on 20/11/2026 in the sample
        REQUIRE(Sheet(h.app, sent).submitted_date == "2026-11-20");
        h.app.scoring.org = sent;
        h.Frames(2);
        const int undo = h.State()["edit"]["undo"];
        REQUIRE(h.Tap("Mở lại để đơn vị sửa"));
        h.Frames(2);
        CHECK(Sheet(h.app, sent).submitted_date.empty());
        CHECK(h.State()["edit"]["undo"] == undo + 1);
        CHECK_FALSE(h.Has("Mở lại để đơn vị sửa"));

        // The unit's own tablet: its fields are offered again, and so is sending.
        h.app.who = {roles::Role::Unit, sent};
        h.Frames(2);
        CHECK(h.Has("I.1 Tỷ lệ đạt, % Tự chấm"));
        CHECK(h.ScrollTo("Gửi Văn phòng Cụm", 700, 400));
        // A unit never gives its own sheet back: another that has sent (24/11/2026) is not offered it.
        h.app.who = {roles::Role::Unit, "org.sonnmt.25"};
        h.Frames(2);
        CHECK_FALSE(h.Has("Mở lại để đơn vị sửa"));
    }
}
