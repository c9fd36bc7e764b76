// Presentation mode driven like a presentation clicker: slides in order, the reveal from last place to first,
// then the ballot and the awards; B blanks the screen, Esc leaves.
#include "ui_harness.h"

#include <doctest/doctest.h>

TEST_SUITE("ui")
{
    TEST_CASE("the presentation runs through every slide and the whole reveal with clicker keys")
    {
        uitest::Harness h(1920, 1080);
        uitest::LoadFolder(h.app, THIDUA_SOURCE_DIR "/assets/data");
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
        h.Key(ImGuiKey_PageDown); // the award proposals
        CHECK(h.State()["presentation"]["reveal_step"] == ranked + 2);
        h.Key(ImGuiKey_PageDown); // the awards slide
        CHECK(h.State()["presentation"]["slide"] == 6);
        h.Key(ImGuiKey_PageDown); // the last slide stays
        CHECK(h.State()["presentation"]["slide"] == 6);

        h.Key(ImGuiKey_PageUp); // back into the reveal at its last step
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

        h.Key(ImGuiKey_Escape);
        CHECK(h.State()["presentation"]["active"] == false);
        CHECK(h.app.theme_applied == ui::ThemeKind::Light);
        CHECK(h.State()["route"] == "/overview?year=2025");
    }

    TEST_CASE("on the projector a member's card shows public contacts only; a click closes it")
    {
        uitest::Harness h(1920, 1080);
        uitest::LoadFolder(h.app, THIDUA_SOURCE_DIR "/assets/data");
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
        uitest::LoadFolder(h.app, THIDUA_SOURCE_DIR "/assets/data");
        h.Frames(2);
        ui::OpenRoute(h.app, "/present/5");
        h.Frames(2);
        h.Key(ImGuiKey_PageDown);
        CHECK(h.app.animating);
        h.Frames(40); // 0.67 s
        CHECK_FALSE(h.app.animating);
    }

    TEST_CASE("the touch controls step the presentation too")
    {
        uitest::Harness h(1280, 800);
        uitest::LoadFolder(h.app, THIDUA_SOURCE_DIR "/assets/data");
        h.Frames(2);
        REQUIRE(h.Tap("Trình chiếu"));
        REQUIRE(h.Tap("›"));
        CHECK(h.State()["presentation"]["slide"] == 2);
        REQUIRE(h.Tap("‹"));
        CHECK(h.State()["presentation"]["slide"] == 1);
        REQUIRE(h.Tap("Thoát trình chiếu"));
        CHECK(h.State()["presentation"]["active"] == false);
    }
}
