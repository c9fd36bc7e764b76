// Presentation mode driven like a presentation clicker: slides in order, the reveal from last place to first,
// then the ballot and the awards; B blanks the screen, Esc leaves.
#include "ui_harness.h"
#include "ui/widgets.h"

#include <algorithm>

#include <doctest/doctest.h>

TEST_SUITE("ui")
{
    TEST_CASE("the presentation runs through every slide and the whole reveal with clicker keys")
    {
        uitest::Harness h(1920, 1080);
        uitest::LoadFolder(h.app, THIDUA_SOURCE_DIR "/assets/data/cum1");
        // The last year with a ballot and awards (2026, the year in progress, has neither yet).
        ui::OpenRoute(h.app, "/overview?year=2025");
        h.Frames(2);
        REQUIRE(h.Tap("Trình chiếu"));
        nlohmann::json p = h.State()["presentation"];
        CHECK(p["active"] == true);
        CHECK(p["slide"] == 1);
        CHECK(h.State()["route"] == "/present/1?year=2025"); // the address keeps the chosen year
        CHECK(h.app.theme_applied == ui::ThemeKind::Presentation);

        h.Key(ImGuiKey_PageDown); // members
        h.Key(ImGuiKey_RightArrow); // covenant
        h.Key(ImGuiKey_Space);      // results (criteria)
        CHECK(h.State()["presentation"]["slide"] == 4);
        h.Key(ImGuiKey_DownArrow); // the reveal, title
        p = h.State()["presentation"];
        CHECK(p["slide"] == 5);
        CHECK(p["reveal_step"] == 0);
        const int ranked = static_cast<int>(h.app.results.members.size());
        REQUIRE(ranked == 6); // the six units formed in 2025
        CHECK(p["reveal_steps"] == ranked + 2);

        // One press per unit, from last place up; each newly shown row slides in, so frames keep coming.
        for (int step = 1; step <= ranked; ++step)
        {
            h.Key(ImGuiKey_PageDown);
            CHECK(h.State()["presentation"]["reveal_step"] == step);
            CHECK(h.app.animating);
        }
        h.Key(ImGuiKey_PageDown); // the ballot tally
        CHECK(h.State()["presentation"]["reveal_step"] == ranked + 1);
        h.Key(ImGuiKey_PageDown); // the award proposals: the end of the show
        CHECK(h.State()["presentation"]["reveal_step"] == ranked + 2);
        h.Key(ImGuiKey_PageDown); // no slide repeats them: the last step stays
        p = h.State()["presentation"];
        CHECK(p["slide"] == 5);
        CHECK(p["reveal_step"] == ranked + 2);
        h.Key(ImGuiKey_LeftArrow);
        CHECK(h.State()["presentation"]["reveal_step"] == ranked + 1);

        h.Key(ImGuiKey_B);
        CHECK(h.State()["presentation"]["blank"] == true);
        h.Key(ImGuiKey_PageDown); // the first click after a blank screen only brings it back
        p = h.State()["presentation"];
        CHECK(p["blank"] == false);
        CHECK(p["reveal_step"] == ranked + 1);
        h.Key(ImGuiKey_Period); // what many clickers send for "blank"
        CHECK(h.State()["presentation"]["blank"] == true);
        h.Key(ImGuiKey_Period);
        CHECK(h.State()["presentation"]["blank"] == false);

        h.Key(ImGuiKey_Home); // the first slide
        p = h.State()["presentation"];
        CHECK(p["slide"] == 1);
        CHECK(p["reveal_step"] == 0);
        h.Key(ImGuiKey_End); // the last slide, fully revealed
        p = h.State()["presentation"];
        CHECK(p["slide"] == 5);
        CHECK(p["reveal_step"] == ranked + 2);

        h.Key(ImGuiKey_Escape);
        CHECK(h.State()["presentation"]["active"] == false);
        CHECK(h.app.theme_applied == ui::ThemeKind::Light);
        CHECK(h.State()["route"] == "/overview?year=2025");
    }

    // (No ";" in a test's name: ctest's list of doctest cases splits on it and then runs nothing.)
    TEST_CASE("on the projector a member's card shows public contacts only, and a click closes it")
    {
        uitest::Harness h(1920, 1080);
        uitest::LoadFolder(h.app, THIDUA_SOURCE_DIR "/assets/data/cum1");
        ui::OpenRoute(h.app, "/overview?year=2024"); // the ten Sở TN&MT, before the 2025 merger
        h.Frames(2);
        // Even after the tablet chose to see private contacts, the projector never shows them.
        REQUIRE(h.Tap("Thành viên"));
        REQUIRE(h.Tap("Sở TN&MT Bắc Ninh"));
        REQUIRE(h.Tap("Hiện liên hệ riêng tư"));
        REQUIRE(h.Has("0912 270 215"));
        REQUIRE(h.Tap("Trình chiếu"));
        h.Key(ImGuiKey_PageDown); // members
        REQUIRE(h.State()["presentation"]["slide"] == 2);
        REQUIRE(h.Tap("Sở TN&MT Bắc Ninh"));
        CHECK(h.State()["presentation"]["member"] == "org.sotnmt.27");
        CHECK(h.Has("0222 3270 103"));
        CHECK(h.Has("thidua.sotnmt27@example.org"));
        CHECK_FALSE(h.Has("0912 270 215"));
        h.Key(ImGuiKey_PageDown); // the clicker closes the card first
        CHECK(h.State()["presentation"]["member"] == "");
        CHECK(h.State()["presentation"]["slide"] == 2);
        REQUIRE(h.Tap("Sở TN&MT Hà Nội"));
        h.Key(ImGuiKey_Escape); // Esc closes the card, a second Esc leaves
        CHECK(h.State()["presentation"]["active"] == true);
        h.Key(ImGuiKey_Escape);
        CHECK(h.State()["presentation"]["active"] == false);
    }

    TEST_CASE("the idle presentation asks for no frames once a row has slid in")
    {
        uitest::Harness h(1920, 1080);
        uitest::LoadFolder(h.app, THIDUA_SOURCE_DIR "/assets/data/cum1");
        h.Frames(2);
        ui::OpenRoute(h.app, "/present/5?year=2025");
        h.Frames(2);
        h.Key(ImGuiKey_PageDown);
        CHECK(h.app.animating);
        h.Frames(40); // 0.67 s
        CHECK_FALSE(h.app.animating);
    }

    TEST_CASE("a year without agreed final scores is not revealed: its slide says so, and no rank shows")
    {
        uitest::Harness h(1920, 1080);
        uitest::LoadFolder(h.app, THIDUA_SOURCE_DIR "/assets/data/cum1");
        const auto drawn = [&h](const std::string& text) {
            const std::vector<std::string>& texts = h.app.items.texts;
            return std::find(texts.begin(), texts.end(), text) != texts.end();
        };
        ui::OpenRoute(h.app, "/present/5?year=2026"); // self-assessment under way: ranked on the units' own scores
        h.Frames(2);
        CHECK(h.State()["presentation"]["reveal_steps"] == 0);
        CHECK(drawn("Chưa công bố được: chưa có điểm thống nhất"));
        CHECK_FALSE(drawn("Công bố từ vị trí cuối đến vị trí dẫn đầu"));
        for (int i = 0; i < 3; i++)
            h.Key(ImGuiKey_PageDown);
        CHECK(h.State()["presentation"]["slide"] == 5);
        CHECK(h.State()["presentation"]["reveal_step"] == 0);
        CHECK_FALSE(drawn("Chưa có điểm")); // no row of the ranking
        CHECK_FALSE(drawn("Còn chưa công bố: 4"));

        ui::OpenRoute(h.app, "/present/5?year=2025"); // final scores agreed: the reveal as before
        h.Frames(2);
        CHECK(h.State()["presentation"]["reveal_steps"] == 8);
        CHECK(drawn("Công bố từ vị trí cuối đến vị trí dẫn đầu"));
    }

    TEST_CASE("the touch controls step the presentation too")
    {
        uitest::Harness h(1280, 800);
        uitest::LoadFolder(h.app, THIDUA_SOURCE_DIR "/assets/data/cum1");
        h.Frames(2);
        REQUIRE(h.Tap("Trình chiếu"));
        REQUIRE(h.Tap("›"));
        CHECK(h.State()["presentation"]["slide"] == 2);
        REQUIRE(h.Tap("‹"));
        CHECK(h.State()["presentation"]["slide"] == 1);
        REQUIRE(h.Tap("Thoát trình chiếu"));
        CHECK(h.State()["presentation"]["active"] == false);
    }

    TEST_CASE("the control bar hides a few seconds after the pointer stops, the data badge stays, a touch brings it back")
    {
        uitest::Harness h(1920, 1080);
        uitest::LoadFolder(h.app, THIDUA_SOURCE_DIR "/assets/data/cum1");
        h.Frames(2);
        REQUIRE(h.Tap("Trình chiếu"));
        CHECK(h.Has("›"));
        CHECK(h.app.wake_in_ms > 0); // one frame is asked for when the bar must go, not a frame per second
        CHECK(h.app.wake_in_ms <= 3100);
        h.Frames(200); // 3.3 s at the harness's 60 frames a second
        CHECK_FALSE(h.Has("›"));
        CHECK_FALSE(h.Has("Thoát trình chiếu"));
        CHECK(h.app.wake_in_ms < 0); // then nothing more until someone moves
        const auto& texts = h.app.items.texts;
        CHECK(std::find(texts.begin(), texts.end(), "DỮ LIỆU MINH HOẠ") != texts.end());
        h.Key(ImGuiKey_PageDown); // a clicker steps the show without bringing the bar back
        CHECK(h.State()["presentation"]["slide"] == 2);
        CHECK_FALSE(h.Has("›"));
        REQUIRE(h.Tap("Sở NN&MT Hà Nội")); // a touch anywhere brings it back
        CHECK(h.Has("Thoát trình chiếu"));
    }

    TEST_CASE("the whole final ranking is on the slide at 1920x1080 and 1280x720, with ten members")
    {
        for (const auto& [w, hgt] : {std::pair<float, float>{1920, 1080}, {1280, 720}})
        {
            CAPTURE(w);
            uitest::Harness h(w, hgt);
            uitest::LoadFolder(h.app, THIDUA_SOURCE_DIR "/assets/data/cum1");
            ui::OpenRoute(h.app, "/present/5?year=2021");
            h.Frames(2);
            const int ranked = static_cast<int>(h.app.results.members.size());
            REQUIRE(ranked == 10);
            for (int step = 0; step < ranked; ++step)
                h.Key(ImGuiKey_PageDown);
            h.Frames(30);
            int seen = 0;
            for (const ui::RegisteredItem& item : h.app.items.items)
                if (item.visible && item.label.find(". Sở TN&MT ") != std::string::npos)
                {
                    ++seen;
                    CHECK(item.y + item.h <= hgt);
                    CHECK(item.h >= 24); // still a readable row, not squeezed to fit
                }
            CHECK(seen == ranked);
            bool last = false; // the tenth rank, the one that fell below the screen before
            for (const ui::RegisteredItem& item : h.app.items.items)
                last = last || (item.visible && item.label.rfind("10. ", 0) == 0);
            CHECK(last);
        }
    }

    TEST_CASE("the awards slide names each award once with its units under it, and leaves out a withdrawn proposal")
    {
        uitest::Harness h(1920, 1080);
        uitest::LoadFolder(h.app, THIDUA_SOURCE_DIR "/assets/data/cum1");
        ui::OpenRoute(h.app, "/present/5?year=2025"); // 2025: a flag and two certificates of merit proposed
        h.Frames(2);
        h.Key(ImGuiKey_End); // the last step: the award proposals
        h.Frames(2);
        const auto count = [&h](const std::string& text) {
            const auto& texts = h.app.items.texts;
            return std::count(texts.begin(), texts.end(), text);
        };
        CHECK(count("Bằng khen của Bộ trưởng") == 1); // once, above both units (it was repeated above each)
        CHECK(count("Cờ thi đua của Bộ") == 1);
        CHECK(count(ui::OrgName(h.app, "org.sonnmt.25")) == 1);
        CHECK(count(ui::OrgName(h.app, "org.sonnmt.01")) == 1);
        CHECK(count(ui::OrgName(h.app, "org.sonnmt.37")) == 1);
        CHECK(count("Theo thứ hạng · Đã trình") == 1);

        // Withdrawn (kept in the file, ended): no longer on the projector, as on the results screen.
        for (model::Results& r : h.app.dataset.results)
            for (model::AwardProposal& p : r.award_proposals)
                if (p.id == "prop.cum1.2025.bk.2")
                    p.ended = {"2026-01-05", "Rút đề nghị"};
        h.app.data_changed = true;
        h.Frames(2);
        CHECK(count(ui::OrgName(h.app, "org.sonnmt.01")) == 0);
        CHECK(count(ui::OrgName(h.app, "org.sonnmt.25")) == 1);
        CHECK(count("Bằng khen của Bộ trưởng") == 1);
    }
}
