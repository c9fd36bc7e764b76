// The six screens on the Cluster I sample and on a large synthetic dataset, driven by taps, keys and typing as a
// person would, and checked through the app state and the item registry.
#include "ui_harness.h"

#include "core/text/text.h"
#include "ui/widgets.h"
#include "ui/sync_panel.h"

#include <doctest/doctest.h>
#include <imgui_internal.h> // ImGui::FindWindowByName: the results grid's own window

#include <algorithm>
#include <cmath>

namespace
{
const char* const kSample = THIDUA_SOURCE_DIR "/assets/data/cum1";
const char* const kNavLabels[] = {"Tổng quan", "Thành viên", "Hội nghị", "Giao ước", "Kết quả", "Lịch sử"};
const char* const kScreenNames[] = {"overview", "members", "meetings", "covenant", "results", "history"};

// Picks the year in the header's year selector, as a person would: the list is newest first and shows a few
// years at a time, so older years are scrolled to within the open list.
void OpenYear(uitest::Harness& h, int year)
{
    h.Frames(2);
    const model::YearFile* current = ui::SelectedYear(h.app);
    REQUIRE(current);
    const std::string shown = "Năm " + std::to_string(current->year.year);
    REQUIRE(h.Tap(shown));
    const std::string wanted = "Năm " + std::to_string(year);
    const std::vector<ui::RegisteredItem> open = h.Items(shown); // the header's combo, then the list's entry
    REQUIRE(!open.empty());
    const ui::RegisteredItem& entry = open.back();
    REQUIRE(h.ScrollTo(wanted, entry.x + entry.w / 2, entry.y + entry.h / 2));
    REQUIRE(h.Tap(wanted));
    REQUIRE(ui::SelectedYear(h.app)->year.year == year);
}

// The secretariat opens "Phiếu bầu mới" on the 2026 results; gives the year's summary conference and covenant signing.
std::pair<const model::Meeting*, const model::Meeting*> OpenNewBallot(uitest::Harness& h)
{
    uitest::LoadFolder(h.app, kSample);
    h.app.who = {roles::Role::Secretariat, ""}; // the secretariat records the ballots
    h.app.who_known = true;
    h.Frames(2);
    ui::OpenRoute(h.app, "/results?year=2026");
    h.Frames(2);
    REQUIRE(h.Tap("Bỏ phiếu"));
    REQUIRE(h.Tap("Phiếu bầu mới"));
    const model::Meeting* summary = ui::FindMeeting(h.app, "mtg.cum1.2026-12-16.tong-ket");
    REQUIRE(summary);
    const model::Meeting* signing = nullptr;
    for (const model::Meeting& m : h.app.dataset.meetings)
        if (m.year_id == summary->year_id && m.classification == "covenant_signing")
            signing = &m;
    REQUIRE(signing);
    return {summary, signing};
}
} // namespace

TEST_SUITE("ui")
{
    TEST_CASE("every screen is reached by tapping its navigation label, in all three layouts")
    {
        struct Size
        {
            float w, h;
            const char* layout;
        };
        const Size sizes[] = {{1280, 800, "landscape"}, {800, 1280, "portrait"}, {390, 844, "phone"}};
        for (const Size& size : sizes)
        {
            CAPTURE(size.layout);
            uitest::Harness h(size.w, size.h);
            uitest::LoadFolder(h.app, kSample);
            h.Frames(3);
            CHECK(h.State()["layout"] == size.layout);
            for (int i = 5; i >= 0; --i)
            {
                REQUIRE(h.Tap(kNavLabels[i]));
                h.Frames(3);
                CHECK(h.State()["screen"] == kScreenNames[i]);
                const ui::RegisteredItem* nav = ui::FindItem(h.app.items, kNavLabels[i]);
                REQUIRE(nav);
                CHECK(nav->h >= 44.0f); // a touch target
            }
        }
    }

    TEST_CASE("the sync status is whole at the bottom of a tablet and a phone; an edit's status goes under it on a phone")
    {
        for (const auto& [w, hgt] : {std::pair<float, float>{1280, 800}, {390, 844}})
        {
            CAPTURE(w);
            uitest::Harness h(w, hgt);
            uitest::LoadFolder(h.app, kSample);
            h.app.sync.status = ui::SyncStatus::Waiting; // the longest status a person meets while editing
            h.app.sync.pending = 2;
            h.app.edit.status = "Đã lưu thay đổi";
            h.Frames(3);
            const ui::RegisteredItem* status = ui::FindItem(h.app.items, ui::SyncStatusText(h.app));
            REQUIRE(status);
            // Its visible part is the whole button (it was cut to 38 of 43 px on a tablet, 29 on a phone: the line kept room
            // for a line of text, not a button).
            CHECK(status->h == doctest::Approx(ImGui::GetFrameHeight()));
            CHECK(status->y + status->h <= hgt);
            const auto& texts = h.app.items.texts;
            if (w < 400) // no room beside the status: on the next row, whole
                CHECK(std::find(texts.begin(), texts.end(), "Đã lưu thay đổi") != texts.end());
            else
                CHECK(std::find(texts.begin(), texts.end(), "· Đã lưu thay đổi") != texts.end());
        }
    }

    TEST_CASE("a new version's offer is whole on a phone: under the sync status when it does not fit beside it")
    {
        uitest::Harness h(390, 844);
        uitest::LoadFolder(h.app, kSample);
        h.app.sync.update_ready = true;
        h.app.sync.status = ui::SyncStatus::Waiting; // edits to send first: the offer says to wait, the longest line
        h.app.sync.pending = 2;
        h.Frames(3);
        const char* const wait = "Có phiên bản mới (cập nhật sau khi đồng bộ xong)";
        const ui::RegisteredItem* status = ui::FindItem(h.app.items, ui::SyncStatusText(h.app));
        const ui::RegisteredItem* offer = ui::FindItem(h.app.items, wait);
        REQUIRE(status);
        REQUIRE(offer);
        CHECK(offer->y >= status->y + status->h); // beside it, it ran off the screen's right edge
        CHECK(offer->x + offer->w <= 390);
        CHECK(offer->y + offer->h <= 844);
        CHECK(offer->h == doctest::Approx(ImGui::GetFrameHeight()));
        // Everything sent: the offer can be taken.
        h.app.sync.status = ui::SyncStatus::Synced;
        h.app.sync.pending = 0;
        h.Frames(2);
        CHECK(h.Tap("Có phiên bản mới — cập nhật"));
        CHECK(h.app.sync.apply_update);
    }

    TEST_CASE("no text is cut at its right edge: every screen, in view and edit mode, on a phone, tablets and a projector, at three text sizes")
    {
        // A person read "Vĩnh Phú" for "Sở TN&MT Vĩnh Phúc" and half of "Không đạt" beside a ballot's title on a phone.
        // The whole of each screen is looked at: the mouse wheel turns it page by page to its end.
        const char* const routes[] = {"/overview", "/members", "/members/org.sotnmt.27", "/meetings",
                                      "/meetings/mtg.cum1.2021-03-23.ky-giao-uoc", "/covenant", "/results?year=2025",
                                      "/results?year=2026", "/results/ballots?year=2021", "/results/awards?year=2025",
                                      "/history", "/year", "/bo"};
        struct Size
        {
            float w, h;
        };
        const Size sizes[] = {{390, 844}, {800, 1280}, {1280, 800}, {1920, 1080}};
        for (const Size& size : sizes)
            for (float text_scale : {1.0f, 1.3f, 1.75f})
                for (bool edit : {false, true})
                    for (const char* route : routes)
                    {
                        CAPTURE(size.w);
                        CAPTURE(text_scale);
                        CAPTURE(edit);
                        const std::string screen = route;
                        CAPTURE(screen);
                        uitest::Harness h(size.w, size.h, text_scale); // the fonts of that text size, 1 px per CSS px
                        h.app.settings.text_scale = text_scale;
                        uitest::LoadFolder(h.app, kSample);
                        h.app.who = {roles::Role::Secretariat, ""};
                        h.app.who_known = true;
                        h.app.edit.enabled = edit;
                        h.Frames(2);
                        ui::OpenRoute(h.app, route);
                        h.Frames(3);
                        std::string cut;
                        for (int page = 0; page < 8 && cut.empty(); ++page)
                        {
                            for (const std::string& text : h.CutTexts())
                                cut += "«" + text + "» ";
                            for (int turn = 0; turn < 6; ++turn)
                            {
                                ImGui::GetIO().AddMousePosEvent(size.w / 2, size.h / 2);
                                ImGui::GetIO().AddMouseWheelEvent(0, -1);
                                h.Frame();
                            }
                        }
                        CHECK_MESSAGE(cut.empty(), "cut at the right: " << cut);
                    }
    }

    TEST_CASE("the overview shows the chair, the members and the last meeting as links that open their pages")
    {
        uitest::Harness h;
        uitest::LoadFolder(h.app, kSample);
        OpenYear(h, 2021);
        const model::YearFile* year = ui::SelectedYear(h.app);
        REQUIRE(year);
        const std::string chair = ui::OrgName(h.app, year->year.chair_org_id);
        CHECK(h.app.year_members.size() == 10);
        CHECK(h.State()["synthetic"] == true);
        REQUIRE(h.Tap(chair));
        CHECK(h.State()["selected"]["member"] == year->year.chair_org_id);
        REQUIRE(h.Tap("Tổng quan"));
        const std::string last = ui::OrgName(h.app, h.app.year_members.back());
        REQUIRE(h.ScrollTo(last, 700, 600));
        REQUIRE(h.Tap(last));
        CHECK(h.State()["screen"] == "members");
        CHECK(h.State()["selected"]["member"] == h.app.year_members.back());
    }

    TEST_CASE("a member's page shows roles and returns to the list")
    {
        uitest::Harness h;
        uitest::LoadFolder(h.app, kSample);
        h.Frames(2);
        REQUIRE(h.Tap("Thành viên"));
        REQUIRE(h.Tap("Sở TN&MT Bắc Ninh"));
        CHECK(h.State()["route"] == "/members/org.sotnmt.27");
        CHECK(h.Has("‹ Danh sách thành viên"));
        REQUIRE(h.Tap("‹ Danh sách thành viên"));
        CHECK(h.State()["route"] == "/members");
        REQUIRE(h.Tap("Sở TN&MT Hà Nam"));
        CHECK(h.State()["route"] == "/members/org.sotnmt.35");
        h.Key(ImGuiKey_Escape); // the keyboard way back
        CHECK(h.State()["route"] == "/members");
    }

    TEST_CASE("a member's page lists contacts: private ones masked until asked for, a tap copies a value")
    {
        uitest::Harness h;
        uitest::LoadFolder(h.app, kSample);
        h.Frames(2);
        REQUIRE(h.Tap("Thành viên"));
        REQUIRE(h.Tap("Sở TN&MT Bắc Ninh"));
        // The sample's (invented) focal officer of Bắc Ninh: office phone and e-mail public, mobile private.
        CHECK(h.Has("0222 3270 103"));
        CHECK(h.Has("thidua.sotnmt27@example.org"));
        CHECK_FALSE(h.Has("0912 270 215"));
        REQUIRE(h.Tap("Hiện liên hệ riêng tư"));
        CHECK(h.Has("0912 270 215"));
        REQUIRE(h.Tap("0222 3270 103"));
        CHECK(std::string(ImGui::GetClipboardText()) == "0222 3270 103");
        // Another page, then back: masked again.
        REQUIRE(h.Tap("‹ Danh sách thành viên"));
        REQUIRE(h.Tap("Sở TN&MT Hà Nam"));
        CHECK(h.Has("0226 3350 108"));
        CHECK_FALSE(h.Has("0222 3270 103"));
        REQUIRE(h.Tap("‹ Danh sách thành viên"));
        REQUIRE(h.Tap("Sở TN&MT Bắc Ninh"));
        CHECK_FALSE(h.Has("0912 270 215"));
    }

    TEST_CASE("member search ignores tones and case, and the list is in Vietnamese order")
    {
        uitest::Harness h;
        uitest::LoadFolder(h.app, kSample);
        h.Frames(2);
        REQUIRE(h.Tap("Thành viên"));
        REQUIRE(h.Tap("Tìm kiếm"));
        REQUIRE(h.Type("hai"));
        h.Frames(2);
        CHECK(h.app.members.query == "hai");
        CHECK(h.Has("Sở TN&MT Hải Dương"));
        CHECK(h.Has("Sở TN&MT Hải Phòng"));
        CHECK_FALSE(h.Has("Sở TN&MT Bắc Ninh"));
        REQUIRE(h.Type("HẢI PH"));
        h.Frames(2);
        // The Sở TN&MT until 2024 and the Sở NN&MT that succeeded it in 2025.
        CHECK(h.app.members.order.size() == 2);
        CHECK(h.Has("Sở NN&MT Hải Phòng"));
        CHECK_FALSE(h.Has("Sở TN&MT Hải Dương"));

        // Đ sorts after every D, whatever the tones: rename three members to make that visible.
        REQUIRE(h.Type(""));
        const char* names[] = {"Sở Điện Biên", "Sở Đắk Lắk", "Sở Dương Kinh"};
        for (int i = 0; i < 3; ++i)
            h.app.dataset.organizations[static_cast<size_t>(h.app.index.organizations.at(h.app.year_members[static_cast<size_t>(i)]))]
                .short_name = names[i];
        h.app.data_changed = true;
        h.Frames(2);
        std::vector<std::string> shown;
        for (int i : h.app.members.order)
            shown.push_back(ui::OrgName(h.app, h.app.dataset.organizations[static_cast<size_t>(i)].id));
        CHECK(std::is_sorted(shown.begin(), shown.end(), text::VietnameseLess));
        const auto pos = [&](const char* name) { return std::find(shown.begin(), shown.end(), name) - shown.begin(); };
        CHECK(pos("Sở Dương Kinh") < pos("Sở Điện Biên"));
        CHECK(pos("Sở Đắk Lắk") < pos("Sở Điện Biên"));
    }

    TEST_CASE("the meeting timeline opens the meeting book of the 2021 covenant signing")
    {
        uitest::Harness h;
        uitest::LoadFolder(h.app, kSample);
        h.Frames(2);
        REQUIRE(h.Tap("Hội nghị"));
        const model::Meeting* signing = ui::FindMeeting(h.app, "mtg.cum1.2021-03-25.giao-uoc");
        REQUIRE(signing);
        // The timeline is newest first: scroll by dragging until the 2021 meeting is visible, like a finger would.
        REQUIRE(h.ScrollTo(signing->name, 700, 600));
        REQUIRE(h.Tap(signing->name));
        CHECK(h.State()["route"] == "/meetings/mtg.cum1.2021-03-25.giao-uoc");
        CHECK(h.Has("‹ Các hội nghị"));
        CHECK(h.Has("Sở TN&MT Bắc Ninh")); // the host, as a link
    }

    TEST_CASE("the meeting book's 'Văn bản' sits on its toolbar, never among the status choices of edit mode")
    {
        uitest::Harness h(1280, 800);
        uitest::LoadFolder(h.app, kSample);
        h.Frames(2);
        ui::OpenRoute(h.app, "/meetings/mtg.cum1.2026-12-16.tong-ket"); // the summary conference still to come
        h.Frames(3);
        const auto row = [&](const char* label) {
            const std::vector<ui::RegisteredItem> items = h.Items(label);
            REQUIRE_MESSAGE(items.size() == 1, label);
            return items.front().y;
        };
        CHECK(row("Văn bản") == row("‹ Các hội nghị"));
        REQUIRE(h.Tap("Chỉnh sửa"));
        h.Frames(2);
        CHECK(row("Văn bản") == row("‹ Các hội nghị"));
        CHECK(row("Văn bản") < row("Đã xác nhận")); // the status choices come below, with nothing else on their row
        CHECK(row("Dự kiến") == row("Đã huỷ"));
    }

    TEST_CASE("a new ballot starts on the year's summary conference, where the vote is held")
    {
        uitest::Harness h(1280, 800);
        const auto [summary, signing] = OpenNewBallot(h);
        const std::vector<ui::RegisteredItem> chosen = h.Items(summary->name), other = h.Items(signing->name);
        REQUIRE(chosen.size() == 1);
        REQUIRE(other.size() == 1);
        CHECK(chosen.front().checked);
        CHECK_FALSE(other.front().checked);
    }

    TEST_CASE("on a phone a choice wider than the screen wraps inside its button, whole, and still chooses")
    {
        uitest::Harness h(390, 844);
        const auto [summary, signing] = OpenNewBallot(h);
        for (const model::Meeting* m : {summary, signing})
        {
            CAPTURE(m->name);
            const std::vector<ui::RegisteredItem> items = h.Items(m->name);
            REQUIRE(items.size() == 1);
            CHECK(items.front().x + items.front().w <= 390);
            CHECK(items.front().h > ui::TouchHeight(h.app) + 1); // two lines (it was one, its name cut at the edge)
            const auto& texts = h.app.items.texts;
            CHECK(std::find(texts.begin(), texts.end(), m->name) != texts.end()); // the whole name is drawn
        }
        REQUIRE(h.Tap(signing->name));
        CHECK(h.Items(signing->name).front().checked);
        CHECK_FALSE(h.Items(summary->name).front().checked);
    }

    TEST_CASE("the covenant screen shows the 2021 signing meeting as a link")
    {
        uitest::Harness h;
        uitest::LoadFolder(h.app, kSample);
        OpenYear(h, 2021);
        REQUIRE(h.Tap("Giao ước"));
        const model::CovenantFile* covenant = nullptr;
        for (const model::CovenantFile& c : h.app.dataset.covenants)
            if (c.covenant.year_id == h.app.results.year_id)
                covenant = &c;
        REQUIRE(covenant);
        const model::Meeting* meeting = ui::FindMeeting(h.app, covenant->covenant.meeting_id);
        REQUIRE(meeting);
        REQUIRE(h.Tap(meeting->name));
        CHECK(h.State()["selected"]["meeting"] == meeting->id);
    }

    TEST_CASE("tapping a total in the results grid shows how it was computed; a long press does the same")
    {
        uitest::Harness h;
        uitest::LoadFolder(h.app, kSample);
        OpenYear(h, 2021);
        REQUIRE(h.Tap("Kết quả"));
        REQUIRE(!h.app.results.members.empty());
        const scoring::MemberResult& first = h.app.results.members.front();
        const std::string total = text::FormatPoints(first.ranking_total.value);
        std::vector<ui::RegisteredItem> cells = h.Items(total);
        REQUIRE(!cells.empty());
        // The first row's total is the right-most cell with that text on the topmost row showing it.
        std::sort(cells.begin(), cells.end(), [](const ui::RegisteredItem& a, const ui::RegisteredItem& b) {
            return a.y != b.y ? a.y < b.y : a.x > b.x;
        });
        REQUIRE(h.TapItem(cells.front()));
        CHECK(h.State()["selected"]["figure_org"] == first.organization_id);
        CHECK(h.State()["selected"]["figure_column"] == "total");
        CHECK(h.Has("Đóng"));
        REQUIRE(h.Tap("Đóng"));
        CHECK(h.State()["selected"]["figure_org"] == "");

        REQUIRE(h.LongPress(std::to_string(first.rank)));
        CHECK(h.State()["selected"]["figure_column"] == "rank");
    }

    TEST_CASE("the results grid ends under its last unit when all fit, and scrolls within the screen when they do not")
    {
        // 2026 has six units: on the projector and a tablet the grid's column lines ran on to the bottom of the screen
        // under its last row. 120 units do not fit, nor do six at the largest text size: the grid fills the screen and
        // scrolls.
        const std::string synthetic = uitest::MakeSynthetic(120, 6, 2);
        REQUIRE(!synthetic.empty());
        struct Case
        {
            float width, height, scale, text_scale; // scale: the fonts' (pixel ratio × text size)
            std::string folder;
            const char* route;
            bool every_criterion; // "Chi tiết tiêu chí": more columns than the screen is wide, a sideways scrollbar
            bool all_fit;
        };
        for (const Case& c : {Case{1920, 1080, 1, 1, kSample, "/results?year=2026", false, true},
                              Case{1920, 1080, 1.75f, 1.75f, kSample, "/results?year=2026", false, false}, // the largest text
                              Case{2560, 1600, 2, 1, kSample, "/results?year=2026", false, true},
                              Case{2560, 1600, 2, 1, kSample, "/results?year=2026", true, true},
                              Case{390, 844, 1, 1, kSample, "/results?year=2021", false, true},
                              Case{1280, 800, 1, 1, synthetic, "/results", false, false}})
        {
            CAPTURE(c.width);
            CAPTURE(c.every_criterion);
            CAPTURE(c.text_scale);
            uitest::Harness h(c.width, c.height, c.scale);
            h.app.settings.text_scale = c.text_scale;
            uitest::LoadFolder(h.app, c.folder);
            ui::OpenRoute(h.app, c.route);
            h.Frames(3);
            if (c.every_criterion)
                REQUIRE(h.Tap("Chi tiết tiêu chí"));
            std::string window; // the grid's own window: its cells are drawn in it
            for (const ui::RegisteredItem& item : h.app.items.items)
                if (item.window.find("grid") != std::string::npos)
                    window = item.window;
            const ImGuiWindow* grid = ImGui::FindWindowByName(window.c_str());
            REQUIRE(grid);
            const float row = ui::TouchHeight(h.app);
            if (c.all_fit)
            {
                CHECK(grid->ScrollMax.y == 0);                   // every row shown whole, above the sideways scrollbar
                CHECK(grid->Size.y - grid->ContentSize.y < row * 0.6f); // and nothing under the last one
            }
            else
            {
                CHECK(grid->ScrollMax.y > 0);
                CHECK(grid->Pos.y + grid->Size.y >= c.height - row * 2); // the grid takes the screen's height
            }
        }
    }

    TEST_CASE("the ballot view shows the tallies with the rule applied, and the award view the proposals")
    {
        uitest::Harness h;
        uitest::LoadFolder(h.app, kSample);
        OpenYear(h, 2021);
        REQUIRE(h.Tap("Kết quả"));
        REQUIRE(h.Tap("Bỏ phiếu"));
        CHECK(h.State()["route"] == "/results/ballots?year=2021");
        CHECK(h.app.results.ballots.size() >= 1);
        CHECK_FALSE(h.app.results.ballots.front().explanation.empty());
        REQUIRE(h.Tap("Đề nghị khen thưởng"));
        CHECK(h.State()["selected"]["results_view"] == "awards");
        CHECK(h.Has("Sở TN&MT Vĩnh Phúc")); // the flag proposal of the sample
    }

    TEST_CASE("the history chart lists the leading unit of every year, and none for the year still being scored")
    {
        uitest::Harness h;
        uitest::LoadFolder(h.app, kSample);
        h.Frames(2);
        REQUIRE(h.Tap("Lịch sử"));
        CHECK(h.app.history.years.size() == h.app.dataset.years.size());
        int open = 0;
        for (const ui::HistoryYear& y : h.app.history.years)
        {
            CAPTURE(y.year);
            if (y.result.unranked == 0)
                CHECK_FALSE(y.leader_org_id.empty());
            else // the sample's 2026: two of six units have not sent their scores, so first place is not decided
            {
                ++open;
                CHECK(y.year == 2026);
                CHECK(y.scoring_open);
                CHECK(y.leader_org_id.empty());
            }
        }
        CHECK(open == 1);
        const auto& texts = h.app.items.texts;
        CHECK(std::find(texts.begin(), texts.end(), std::string("Chưa xác định: còn đơn vị chưa có điểm")) != texts.end());
        REQUIRE(h.Tap("Tổng điểm"));
        CHECK(h.app.history.show_totals);
    }

    TEST_CASE("the language switch translates navigation")
    {
        uitest::Harness h;
        uitest::LoadFolder(h.app, kSample);
        h.Frames(2);
        REQUIRE(h.Tap("English"));
        CHECK(h.Has("Results"));
        CHECK(h.Has("Meetings"));
        CHECK_FALSE(h.Has("Kết quả"));
    }

    TEST_CASE("the text-size buttons change the text scale within limits")
    {
        uitest::Harness h;
        uitest::LoadFolder(h.app, kSample);
        h.Frames(2);
        REQUIRE(h.Tap("A+"));
        CHECK(h.app.settings.text_scale == doctest::Approx(1.15f));
        for (int i = 0; i < 10; ++i)
            h.Tap("A–");
        CHECK(h.app.settings.text_scale == doctest::Approx(0.85f));
    }

    TEST_CASE("a pinch lands on the text-size steps of the buttons, within their limits")
    {
        CHECK(ui::NearestTextScale(1.0f * 1.12f) == doctest::Approx(1.15f));
        CHECK(ui::NearestTextScale(1.0f * 1.6f) == doctest::Approx(1.5f));
        CHECK(ui::NearestTextScale(1.3f * 0.95f) == doctest::Approx(1.3f)); // a small wobble keeps the size
        CHECK(ui::NearestTextScale(1.0f * 9.0f) == doctest::Approx(2.0f));
        CHECK(ui::NearestTextScale(1.0f * 0.1f) == doctest::Approx(0.85f));
    }

    TEST_CASE("routes open the same view and round-trip")
    {
        uitest::Harness h;
        uitest::LoadFolder(h.app, kSample);
        h.Frames(2);
        const char* routes[] = {"/overview", "/members", "/members/org.sotnmt.27", "/meetings",
                                "/meetings/mtg.cum1.2021-03-25.giao-uoc", "/covenant", "/results",
                                "/results/ballots", "/results/awards", "/history", "/present/5",
                                "/members/org.sotnmt.01?year=2021"};
        for (const char* route : routes)
        {
            CAPTURE(route);
            ui::OpenRoute(h.app, route);
            h.Frames(2);
            CHECK(ui::CurrentRoute(h.app) == route);
        }
        CHECK(h.State()["year"] == 2021);
        ui::OpenRoute(h.app, "#/nowhere");
        h.Frames(1);
        CHECK(ui::CurrentRoute(h.app) == "/overview");
    }

    TEST_CASE("every screen draws on a large synthetic dataset")
    {
        const std::string folder = uitest::MakeSynthetic(120, 6, 2);
        REQUIRE(!folder.empty());
        uitest::Harness h;
        uitest::LoadFolder(h.app, folder);
        h.Frames(2);
        CHECK(h.State()["counts"]["organizations"].get<int>() >= 120);
        CHECK(h.app.results.members.size() == 120);
        for (int i = 0; i < 6; ++i)
        {
            REQUIRE(h.Tap(kNavLabels[i]));
            h.Frames(3);
            CHECK(h.State()["screen"] == kScreenNames[i]);
        }
        // Clipping: the grid submits only the rows on screen, not 120 (the rank cells alone would be 120 items).
        REQUIRE(h.Tap("Kết quả"));
        size_t grid_items = 0;
        for (const ui::RegisteredItem& item : h.app.items.items)
            grid_items += item.window.find("grid") != std::string::npos ? 1 : 0;
        CHECK(grid_items > 20);
        CHECK(grid_items < 120);
    }
}

TEST_SUITE("ui")
{
    TEST_CASE("a covenant signatory with no signer recorded reads '–' between its unit and its date, not a blank")
    {
        uitest::Harness h(1280, 800);
        uitest::LoadFolder(h.app, THIDUA_SOURCE_DIR "/assets/data/cum1");
        ui::OpenRoute(h.app, "/covenant?year=2026"); // the sample records the units and dates of 2026, not the signers
        h.Frames(3);
        const auto& texts = h.app.items.texts;
        int rows = 0;
        for (size_t k = 0; k + 2 < texts.size(); ++k)
            if (texts[k].rfind("Sở ", 0) == 0 && texts[k + 2] == "19/03/2026")
            {
                CHECK_MESSAGE(texts[k + 1] == "–", texts[k] << ": '" << texts[k + 1] << "'");
                ++rows;
            }
        CHECK(rows == 6);
    }

    TEST_CASE("a phase with no dates reads its name alone, without a separator before nothing")
    {
        uitest::Harness h(1280, 800);
        uitest::LoadFolder(h.app, THIDUA_SOURCE_DIR "/assets/data/cum1");
        ui::OpenRoute(h.app, "/year?year=2026"); // the sample dates the covenant and self-assessment phases only
        h.Frames(2);
        REQUIRE(h.Tap("Giai đoạn"));
        h.Frames(2);
        const auto& texts = h.app.items.texts;
        CHECK(std::find(texts.begin(), texts.end(), "Ký giao ước · 15/01/2026 – 19/03/2026") != texts.end());
        for (const char* undated : {"Chấm chéo", "Chấm điểm chính thức", "Bỏ phiếu", "Trình Bộ"})
            CHECK_MESSAGE(std::find(texts.begin(), texts.end(), undated) != texts.end(), undated); // not "Chấm chéo ·  – "
    }

    TEST_CASE("a status badge reads level with the text beside it, at every size")
    {
        // A badge beside text had its label half a padding above that text's (it ignored the line's baseline).
        const char* const statuses[] = {"Đã kết thúc", "Đang mở", "Chưa bắt đầu"};
        auto is_status = [&](const std::string& t) { return std::find(std::begin(statuses), std::end(statuses), t) != std::end(statuses); };
        struct Size
        {
            float w, h, scale;
        };
        for (const Size size : {Size{2560, 1600, 2}, Size{390, 844, 1}, Size{1920, 1080, 1}})
        {
            CAPTURE(size.w);
            uitest::Harness h(size.w, size.h, size.scale);
            uitest::LoadFolder(h.app, THIDUA_SOURCE_DIR "/assets/data/cum1");
            const float line = ImGui::GetTextLineHeight();
            // The year's phases: each phase's line, then its badge beside it or, where it does not fit, under it.
            ui::OpenRoute(h.app, "/year?year=2026");
            h.Frames(2);
            REQUIRE(h.Tap("Giai đoạn"));
            h.Frames(2);
            const ui::ItemRegistry& reg = h.app.items;
            int beside = 0, badges = 0;
            for (size_t k = 1; k < reg.texts.size(); ++k)
            {
                if (!is_status(reg.texts[k]))
                    continue;
                ++badges;
                const float dy = reg.places[k].y - reg.places[k - 1].y;
                CHECK_MESSAGE((std::abs(dy) < 0.5f || dy >= line), reg.texts[k - 1] << " / " << reg.texts[k] << ": " << dy);
                beside += std::abs(dy) < 0.5f ? 1 : 0;
            }
            CHECK(badges == 6);
            if (size.w > 1000)
                CHECK(beside == 6);
            // The overview's phase table: name, dates and badge on one row (a screen tall enough to show it whole).
            h.Resize(size.w, size.h * 4);
            ui::OpenRoute(h.app, "/overview?year=2026");
            h.Frames(3);
            badges = 0;
            for (size_t k = 2; k < reg.texts.size(); ++k)
            {
                if (!is_status(reg.texts[k]) || reg.texts[k - 2].empty())
                    continue;
                ++badges;
                CHECK_MESSAGE(std::abs(reg.places[k].y - reg.places[k - 1].y) < 0.5f, reg.texts[k - 1] << " / " << reg.texts[k]);
            }
            CHECK(badges >= 6);
            // The year's status beside its row label.
            const auto label = std::find(reg.texts.begin(), reg.texts.end(), "Trạng thái:");
            REQUIRE(label + 1 < reg.texts.end());
            const size_t at = static_cast<size_t>(label - reg.texts.begin());
            CHECK(reg.texts[at + 1] == "Đang triển khai");
            CHECK(std::abs(reg.places[at + 1].y - reg.places[at].y) < 0.5f);
            // An award proposal's status beside the unit's name, a link centred on a touch target's height.
            ui::OpenRoute(h.app, "/results/awards?year=2021");
            h.Frames(3);
            badges = 0;
            for (size_t k = 1; k < reg.texts.size(); ++k)
            {
                if (reg.texts[k] != "Đã trình")
                    continue;
                ++badges;
                CAPTURE(reg.texts[k - 1]);
                CHECK(std::abs(reg.places[k].y - reg.places[k - 1].y) < 0.5f);
            }
            CHECK(badges >= 3);
        }
    }

    TEST_CASE("a unit that has entered no score yet reads 'Chưa có điểm', not a rating of 0, and the rating is never cut")
    {
        uitest::Harness h(1280, 800);
        uitest::LoadFolder(h.app, THIDUA_SOURCE_DIR "/assets/data/cum1");
        ui::OpenRoute(h.app, "/results?year=2026"); // self-assessment open: two units have entered nothing
        h.Frames(3);
        int unscored = 0;
        for (const scoring::MemberResult& m : h.app.results.members)
            for (const scoring::StageTotal& s : m.stages)
                unscored += s.stage == "self" && !s.has_scores ? 1 : 0;
        REQUIRE(unscored > 0);
        const auto& texts = h.app.items.texts;
        CHECK(std::count(texts.begin(), texts.end(), std::string("Chưa có điểm")) == unscored);
        // Its figures read "–" too: a 0 in a criteria group would read as a score of nothing. The cells of a row are
        // drawn in order, from the unit's name to its rating.
        int rows = 0;
        for (size_t k = 0; k < texts.size(); ++k)
        {
            if (texts[k] != "Chưa có điểm")
                continue;
            size_t name = k;
            while (name > 0 && texts[name - 1].rfind("Sở ", 0) != 0)
                --name;
            REQUIRE(name > 1);
            CHECK_MESSAGE(texts[name - 2] == "–", texts[name - 1] << ": rank " << texts[name - 2]); // not ranked (was 5)
            CHECK(k - name >= 7); // I, II, III, criteria points, bonus, penalty, total
            for (size_t j = name; j < k; ++j)
                CHECK_MESSAGE(texts[j] == "–", texts[name - 1] << ": " << texts[j]);
            ++rows;
        }
        CHECK(rows == unscored);
    }
}
