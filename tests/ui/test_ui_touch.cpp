// One-finger scrolling as on a tablet or phone: a swipe scrolls from wherever it starts (blank background, plain
// text, a button), and a nested scroll area hands the rest of the swipe to the page once it is at its end.
#include "ui_harness.h"

#include <doctest/doctest.h>
#include <imgui.h>
#include <imgui_internal.h>

namespace
{
// A point inside the window under test that no item covers: blank background.
bool BlankPoint(const uitest::Harness& h, float x0, float y0, float x1, float y1, float& x, float& y)
{
    for (float py = y0; py < y1; py += 8)
        for (float px = x0; px < x1; px += 8)
        {
            bool covered = false;
            for (const ui::RegisteredItem& item : h.app.items.items)
                covered = covered || (item.visible && px >= item.x - 4 && px <= item.x + item.w + 4 &&
                                      py >= item.y - 4 && py <= item.y + item.h + 4);
            if (!covered)
            {
                x = px, y = py;
                return true;
            }
        }
    return false;
}

float ItemY(const uitest::Harness& h, const std::string& label)
{
    for (const ui::RegisteredItem& item : h.app.items.items)
        if (item.label == label)
            return item.y;
    return -1e9f;
}

// The vertical scroll of the child window (or table) named `child` ("screen", "grid"); -1 when there is none.
float ScrollOf(const std::string& child)
{
    for (ImGuiWindow* window : ImGui::GetCurrentContext()->Windows)
    {
        const std::string name = window->Name;
        const std::string last = name.substr(name.rfind('/') + 1);
        if (last.rfind(child + "_", 0) == 0)
            return window->Scroll.y;
    }
    return -1;
}
} // namespace

TEST_SUITE("ui")
{
    TEST_CASE("a swipe that starts on blank background scrolls the page on a phone")
    {
        uitest::Harness h(390, 844);
        uitest::LoadFolder(h.app, THIDUA_SOURCE_DIR "/assets/data/cum1");
        ui::OpenRoute(h.app, "/members?year=2024");
        h.Frames(3);
        std::string first; // the first unit of the list
        for (const ui::RegisteredItem& item : h.app.items.items)
            if (first.empty() && item.visible && item.label.rfind("Sở ", 0) == 0)
                first = item.label;
        const float before = ItemY(h, first);
        REQUIRE(before > -1e9f);
        float x = 0, y = 0;
        REQUIRE(BlankPoint(h, 200, 330, 380, 640, x, y)); // beside the names, inside the list
        CAPTURE(x);
        CAPTURE(y);
        h.Swipe(x, y, 0, -200);
        CHECK(ItemY(h, first) < before - 100); // the list followed the finger up
        h.Swipe(x, 500, 0, 200);
        CHECK(ItemY(h, first) == doctest::Approx(before).epsilon(0.01)); // and back down
    }

    TEST_CASE("a swipe that starts on plain text scrolls, and a nested area hands the swipe to the page at its end")
    {
        // A block of 30 units (a province's emulation block): the results grid scrolls inside the page.
        const std::string folder = uitest::MakeSynthetic(30, 6, 1);
        REQUIRE(!folder.empty());
        uitest::Harness h(390, 844);
        uitest::LoadFolder(h.app, folder);
        h.Frames(2);
        REQUIRE(h.Tap("Kết quả"));
        h.Frames(2);
        REQUIRE(ScrollOf("grid") == 0);
        REQUIRE(ScrollOf("screen") == 0);
        const ui::RegisteredItem* rank = ui::FindItem(h.app.items, "1");
        REQUIRE(rank != nullptr);
        // The unit's name beside the rank is plain text, not a button.
        h.Swipe(rank->x + rank->w + 20, rank->y + rank->h / 2, 0, -120);
        CHECK(ScrollOf("grid") > 0);
        CHECK(ScrollOf("screen") == 0); // the grid took the whole swipe: it was not at its end
        // A long swipe up that starts inside the grid takes it to its last row, then the page moves on: the
        // buttons above the grid go out of sight.
        for (int i = 0; i < 8; ++i)
            h.Swipe(200, 650, 0, -300);
        CHECK(ScrollOf("grid") > 0);
        CHECK(ScrollOf("screen") > 0);
        CHECK_FALSE(h.Has("Tải về CSV (Excel)"));
    }
}

TEST_SUITE("ui")
{
    TEST_CASE("the sync panel opens just above the status button a finger tapped, not at the top left")
    {
        uitest::Harness h(390, 844);
        uitest::LoadFolder(h.app, THIDUA_SOURCE_DIR "/assets/data/cum1");
        h.Frames(2);
        const ui::RegisteredItem* chip = nullptr;
        for (const ui::RegisteredItem& item : h.app.items.items)
            if (item.visible && item.label.rfind("Dữ liệu trên máy", 0) == 0)
                chip = &item;
        REQUIRE(chip != nullptr);
        const ui::RegisteredItem status = *chip;
        REQUIRE(h.TapItem(status)); // the finger lifts: ImGui has no pointer position afterwards
        ImGuiWindow* panel = nullptr;
        for (ImGuiWindow* window : ImGui::GetCurrentContext()->Windows)
            if (window->Active && (window->Flags & ImGuiWindowFlags_Popup))
                panel = window;
        REQUIRE(panel != nullptr);
        CHECK(panel->Pos.y + panel->Size.y <= status.y + 1); // above the button
        CHECK(panel->Pos.y + panel->Size.y >= status.y - 40); // and right next to it
        CHECK(panel->Pos.x <= status.x + 1);
    }
}

TEST_SUITE("ui")
{
    TEST_CASE("the mouse wheel over a ballot card scrolls the page (a card that never scrolls does not take the wheel)")
    {
        struct Size
        {
            float w, h, scale;
        };
        for (const Size size : {Size{1280, 800, 1}, Size{1280, 800, 2}, Size{390, 844, 1}, Size{1920, 1080, 1}})
            for (const float fx : {0.1f, 0.5f, 0.9f})
                for (const float fy : {0.15f, 0.5f, 0.85f})
                {
                    CAPTURE(size.w);
                    CAPTURE(size.scale);
                    CAPTURE(fx);
                    CAPTURE(fy);
                    uitest::Harness h(size.w, size.h, size.scale);
                    uitest::LoadFolder(h.app, THIDUA_SOURCE_DIR "/assets/data/cum1");
                    ui::OpenRoute(h.app, "/results/ballots?year=2021");
                    h.Frames(3);
                    REQUIRE(ScrollOf("screen") == 0);
                    ImGuiWindow* card = nullptr; // the first ballot card on screen
                    for (ImGuiWindow* window : ImGui::GetCurrentContext()->Windows)
                    {
                        const std::string name = window->Name;
                        if (!card && window->Active && name.substr(name.rfind('/') + 1).rfind("ballot_", 0) == 0)
                            card = window;
                    }
                    REQUIRE(card != nullptr);
                    const float x = card->Pos.x + card->Size.x * fx;
                    // inside the card and inside the page's visible part (not under the status bar)
                    const float y = std::min(card->Pos.y + card->Size.y * fy, card->ParentWindow->InnerRect.Max.y - 10);
                    ImGuiIO& io = ImGui::GetIO();
                    io.AddMouseSourceEvent(ImGuiMouseSource_Mouse);
                    io.AddMousePosEvent(x, y);
                    h.Frame();
                    REQUIRE(ImGui::GetCurrentContext()->HoveredWindow == card);
                    io.AddMouseWheelEvent(0, -2);
                    h.Frames(3);
                    CHECK(ScrollOf("screen") > 0);
                }
    }
}
