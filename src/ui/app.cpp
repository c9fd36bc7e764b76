// The app shell: header (cluster, year, data badge, edit mode, presentation, text size, language), navigation
// placed by layout, the current screen, status line; routes; window.thidua.state(). Screens draw contents only.
//
// [SECTION] derived data (index, results)
// [SECTION] header, navigation, status line
// [SECTION] DrawApp
// [SECTION] routes
// [SECTION] StateJson
#include "ui/app.h"

#include "core/scoring/scoring.h"
#include "ui/sync_panel.h"

#include "ui/edit_fields.h"
#include "ui/widgets.h"

#include <imgui.h>
#include <imgui_internal.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace
{
struct NavEntry
{
    ui::Screen screen;
    ui::Str label;
    const char* route;
};

const NavEntry kNav[] = {
    {ui::Screen::Overview, ui::Str::NavOverview, "/overview"}, {ui::Screen::Members, ui::Str::NavMembers, "/members"},
    {ui::Screen::Meetings, ui::Str::NavMeetings, "/meetings"}, {ui::Screen::Covenant, ui::Str::NavCovenant, "/covenant"},
    {ui::Screen::Results, ui::Str::NavResults, "/results"},    {ui::Screen::History, ui::Str::NavHistory, "/history"},
    {ui::Screen::Scoring, ui::Str::NavScoring, "/scoring"},
};
const char* const kScreenNames[] = {"overview", "members", "meetings", "covenant", "results", "history", "scoring", "year",
                                    "ministry"};
const char* const kLoadNames[] = {"loading", "ready", "failed"};
const char* const kLayoutNames[] = {"landscape", "portrait", "phone"};
const char* const kResultsViews[] = {"grid", "ballots", "awards"};
const float kTextScales[] = {0.85f, 1.0f, 1.15f, 1.3f, 1.5f, 1.75f, 2.0f};

bool AnySynthetic(const model::Dataset& data)
{
    for (const model::FileInfo& file : data.files)
        if (file.synthetic)
            return true;
    return false;
}

// ---- [SECTION] derived data (index, results) ----

void RebuildIndex(ui::AppState& app)
{
    ui::DataIndex index;
    const model::Dataset& data = app.dataset;
    for (size_t i = 0; i < data.organizations.size(); ++i)
        index.organizations.emplace(data.organizations[i].id, static_cast<int>(i));
    for (size_t i = 0; i < data.people.size(); ++i)
        index.people.emplace(data.people[i].id, static_cast<int>(i));
    for (size_t i = 0; i < data.meetings.size(); ++i)
        index.meetings.emplace(data.meetings[i].id, static_cast<int>(i));
    for (size_t i = 0; i < data.areas.size(); ++i)
        index.areas.emplace(data.areas[i].id, static_cast<int>(i));
    if (const model::YearFile* year = ui::SelectedYear(app))
        for (size_t i = 0; i < year->criteria.size(); ++i)
            index.criteria.emplace(year->criteria[i].id, static_cast<int>(i));
    app.index = std::move(index);
}

// Recomputes the index and the selected year's results after a load, an edit or a change of year.
void Recompute(ui::AppState& app)
{
    const model::YearFile* year = ui::SelectedYear(app);
    const std::string year_id = year ? year->year.id : "";
    if (!app.data_changed && app.results.year_id == year_id)
        return;
    RebuildIndex(app);
    app.results = scoring::ComputeYear(app.dataset, year_id);
    app.results.year_id = year_id;
    app.year_members.clear();
    const int32_t y = year ? year->year.year : 0;
    for (const model::ClusterMembership& m : app.dataset.cluster.memberships)
        if (m.start_year <= y && (m.end_year == 0 || m.end_year >= y))
            app.year_members.push_back(m.organization_id);
    app.data_changed = false;
    ++app.data_version;
}

void ApplyThemeIfNeeded(ui::AppState& app)
{
    const ui::ThemeKind want = app.presentation.active ? ui::ThemeKind::Presentation : ui::ThemeKind::Light;
    const float scale = app.fonts.scale > 0 ? app.fonts.scale : 1.0f;
    if (want == app.theme_applied && scale == app.theme_scale)
        return;
    ui::ApplyTheme(want, scale);
    app.theme_applied = want;
    app.theme_scale = scale;
}

ui::Layout ChooseLayout(const ui::AppState& app)
{
    const ImVec2 size = ImGui::GetMainViewport()->WorkSize;
    const float ratio = ui::PixelRatio(app);
    const float width = size.x / ratio, height = size.y / ratio;
    if (width < 600)
        return ui::Layout::Phone;
    return height > width ? ui::Layout::Portrait : ui::Layout::Landscape;
}

// ---- [SECTION] header, navigation, status line ----

void DrawYearSelector(ui::AppState& app)
{
    const ui::Language lang = app.settings.lang;
    const model::YearFile* selected = ui::SelectedYear(app);
    const std::string preview = std::string(ui::Tr(ui::Str::Year, lang)) + " " +
                                (selected ? std::to_string(selected->year.year) : "–");
    std::vector<const model::YearFile*> years;
    for (const model::YearFile& year : app.dataset.years)
        years.push_back(&year);
    std::sort(years.begin(), years.end(),
              [](const model::YearFile* a, const model::YearFile* b) { return a->year.year > b->year.year; });
    ImGui::SetNextItemWidth(ui::ButtonWidth(preview.c_str()) + ImGui::GetFrameHeight());
    const std::string combo_label = std::string("##") + ui::Tr(ui::Str::Year, lang); // accessible name "Năm"
    const bool open = ImGui::BeginCombo(combo_label.c_str(), preview.c_str());
    // A combo reports no label to the item registry; name it by what it shows, so tests and the mirror find it.
    ImGuiTestEngineHook_ItemInfo(ImGui::GetCurrentContext(), ImGui::GetItemID(), preview.c_str(),
                                 ImGui::GetItemStatusFlags());
    if (open)
    {
        for (const model::YearFile* year : years)
        {
            const std::string label = std::string(ui::Tr(ui::Str::Year, lang)) + " " + std::to_string(year->year.year);
            if (ImGui::Selectable(label.c_str(), year == selected, 0, ImVec2(0, ui::TouchHeight(app))))
            {
                app.year_id = year->year.id;
                app.results_screen.selected_org.clear();
            }
        }
        ImGui::EndCombo();
    }
}

// Presentation, text size and language: in the header on a tablet, behind "Thêm" on a phone.
void DrawViewOptions(ui::AppState& app)
{
    const ui::Language lang = app.settings.lang;
    // (In the header, or behind "Thêm" on a phone.) In a deployment of several clusters: back to the list of clusters, and the ministry's table.
    if (!app.cluster_address.empty())
    {
        const char* all = ui::Tr(ui::Str::ClustersStart, lang);
        ui::Flow(ui::ButtonWidth(all));
        if (ui::TouchButton(app, all))
            app.open_start_page = true;
        if (app.who_known && app.who.role == roles::Role::Ministry)
        {
            const char* table = ui::Tr(ui::Str::MinistryOpen, lang);
            ui::Flow(ui::ButtonWidth(table));
            if (ui::TouchButton(app, table, 0, app.screen == ui::Screen::Ministry))
            {
                ui::OpenScreen(app, ui::Screen::Ministry);
                ImGui::CloseCurrentPopup(); // on a phone: "Thêm" closes on the table (nothing when not in it)
            }
        }
    }
    const char* present = ui::Tr(ui::Str::Present, lang);
    ui::Flow(ui::ButtonWidth(present));
    if (ui::TouchButton(app, present))
        ui::EnterPresentation(app);

    const char* smaller = ui::Tr(ui::Str::TextSmaller, lang);
    const char* larger = ui::Tr(ui::Str::TextLarger, lang);
    ui::Flow(ui::ButtonWidth(smaller) + ui::ButtonWidth(larger));
    const int steps = static_cast<int>(sizeof kTextScales / sizeof kTextScales[0]);
    int current = 0;
    for (int i = 0; i < steps; ++i)
        if (kTextScales[i] <= app.settings.text_scale + 0.001f)
            current = i;
    ImGui::BeginDisabled(current == 0);
    if (ui::TouchButton(app, smaller))
        app.settings.text_scale = kTextScales[current - 1];
    ImGui::EndDisabled();
    ImGui::SameLine(0, 2);
    ImGui::BeginDisabled(current == steps - 1);
    if (ui::TouchButton(app, larger))
        app.settings.text_scale = kTextScales[current + 1];
    ImGui::EndDisabled();

    const char* lang_label = ui::Tr(ui::Str::Language, lang);
    ui::Flow(ui::ButtonWidth(lang_label));
    if (ui::TouchButton(app, lang_label))
        app.settings.lang = lang == ui::Language::Vi ? ui::Language::En : ui::Language::Vi;
}


void DrawHeader(ui::AppState& app)
{
    const ui::Language lang = app.settings.lang;
    // A phone keeps the screen for the data: no app and cluster name (the overview shows them), one row of
    // controls, the rest behind "Thêm".
    const bool phone = app.layout == ui::Layout::Phone;
    if (!phone)
    {
        ImGui::PushFont(app.fonts.bold);
        ImGui::TextUnformatted(ui::Tr(ui::Str::AppName, lang));
        ImGui::PopFont();
        const model::YearFile* year = ui::SelectedYear(app);
        const std::string title = scoring::ClusterNameIn(app.dataset, year ? year->year.year : 0);
        ui::Flow(ImGui::CalcTextSize(title.c_str()).x);
        ImGui::TextDisabled("%s", title.c_str());
    }
    if (AnySynthetic(app.dataset))
    {
        const char* badge = ui::Tr(phone ? ui::Str::SyntheticShort : ui::Str::SyntheticBadge, lang);
        if (!phone)
            ui::Flow(ui::ButtonWidth(badge));
        ui::Badge(badge, IM_COL32(198, 40, 40, 255), IM_COL32_WHITE);
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s", ui::Tr(ui::Str::SyntheticExplain, lang));
        if (phone)
            ImGui::SameLine();
    }

    if (app.screen != ui::Screen::Ministry) // the table has its own years, across clusters
        DrawYearSelector(app);
    if (app.who_known)
    {
        const std::string who = ui::RoleLabel(app);
        ui::Flow(ImGui::CalcTextSize(who.c_str()).x);
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(who.c_str());
    }
    const char* edit_label = ui::Tr(ui::Str::EditMode, lang);
    // Offered only to a role that may write something (never to the projector's viewer token).
    if (!ui::MayWriteSomething(app))
        app.edit.enabled = false;
    else
    {
        ui::Flow(ui::ButtonWidth(edit_label));
        if (ui::TouchButton(app, edit_label, 0, app.edit.enabled))
            app.edit.enabled = !app.edit.enabled;
    }
    if (app.edit.enabled)
    {
        // Each says what it would change back: "Hoàn tác: 26 → 25".
        const edit::Journal& journal = app.edit.journal;
        std::string undo = ui::Tr(ui::Str::Undo, lang);
        if (!journal.undo.empty())
            undo += ": " + ui::DescribeOp(journal.undo.back(), lang);
        std::string redo = ui::Tr(ui::Str::Redo, lang);
        if (!journal.redo.empty())
            redo += ": " + ui::DescribeOp(journal.redo.back(), lang);
        undo += "##undo";
        redo += "##redo";
        ui::Flow(ui::ButtonWidth(undo.c_str()));
        ImGui::BeginDisabled(journal.undo.empty());
        if (ui::TouchButton(app, undo.c_str()))
            ui::UndoEdit(app);
        ImGui::EndDisabled();
        ui::Flow(ui::ButtonWidth(redo.c_str()));
        ImGui::BeginDisabled(journal.redo.empty());
        if (ui::TouchButton(app, redo.c_str()))
            ui::RedoEdit(app);
        ImGui::EndDisabled();
    }
    if (!phone)
    {
        DrawViewOptions(app);
        return;
    }
    const char* more = ui::Tr(ui::Str::More, lang);
    ui::Flow(ui::ButtonWidth(more));
    if (ui::TouchButton(app, more))
        ImGui::OpenPopup("header-more");
    ImGui::SetNextWindowPos(ImGui::GetItemRectMax(), ImGuiCond_Always, ImVec2(1, 0)); // under the button
    if (ImGui::BeginPopup("header-more"))
    {
        DrawViewOptions(app);
        ImGui::EndPopup();
    }
}

// The most entries to a row, up to `most`, that leave every label room to show whole: a label wider than its button
// starts after the padding and is clipped at the frame.
int NavColumns(const ui::AppState& app, int most)
{
    float widest = 0;
    for (const NavEntry& entry : kNav)
        widest = std::max(widest, ImGui::CalcTextSize(ui::Tr(entry.label, app.settings.lang)).x);
    widest += ImGui::GetStyle().FramePadding.x;
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float avail = ImGui::GetContentRegionAvail().x;
    int columns = most;
    while (columns > 1 && (avail - spacing * (columns - 1)) / columns < widest)
        --columns;
    return columns;
}

void DrawNavigation(ui::AppState& app, bool vertical, int columns)
{
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float avail = ImGui::GetContentRegionAvail().x;
    const float width = vertical ? avail : (avail - spacing * (columns - 1)) / columns;
    int i = 0;
    for (const NavEntry& entry : kNav)
    {
        if (!vertical && i % columns != 0)
            ImGui::SameLine();
        if (ui::TouchButton(app, ui::Tr(entry.label, app.settings.lang), width, app.screen == entry.screen))
            ui::OpenScreen(app, entry.screen);
        ++i;
    }
}

// What the screens' edits are doing, after the sync status: "Thay đổi chờ đồng bộ: 1 · Đã lưu thay đổi" ("" when none).
std::string EditStatusText(const ui::AppState& app)
{
    std::string text;
    if (!app.edit.journal.pending.empty())
        text = std::string(ui::Tr(ui::Str::PendingEdits, app.settings.lang)) + ": " +
               std::to_string(app.edit.journal.pending.size());
    if (!app.edit.status.empty())
        text += (text.empty() ? "" : " · ") + app.edit.status;
    return text;
}

// The line at the bottom: the sync status button, the offer of a new version and the edits' status, each beside the
// one before or, where it does not fit (a phone), on a row of its own. Laid out before the screens above it are
// given the rest of the height, and drawn as laid out.
struct StatusLine
{
    const char* update = nullptr; // the offer of a new version, when one waits
    bool update_below = false;
    std::string edits;
    bool edits_below = false;
    float height = 0;
};

StatusLine LayOutStatusLine(const ui::AppState& app)
{
    const ImGuiStyle& style = ImGui::GetStyle();
    const float avail = ImGui::GetContentRegionAvail().x;
    StatusLine line;
    line.height = ImGui::GetFrameHeight() + style.ItemSpacing.y; // the whole button (the line once kept room for text)
    float end = ui::SyncStatusWidth(app);                        // where the last row ends
    line.update = ui::UpdateOfferLabel(app);
    if (line.update)
    {
        const float width = ui::ButtonWidth(line.update);
        line.update_below = end + style.ItemSpacing.x + width > avail;
        if (line.update_below)
            line.height += ImGui::GetFrameHeight() + style.ItemSpacing.y;
        end = line.update_below ? width : end + style.ItemSpacing.x + width;
    }
    line.edits = EditStatusText(app);
    if (line.edits.empty())
        return line;
    line.edits_below = end + style.ItemSpacing.x + ImGui::CalcTextSize(("· " + line.edits).c_str()).x > avail;
    if (line.edits_below)
        line.height += ImGui::CalcTextSize(line.edits.c_str(), nullptr, false, avail).y + style.ItemSpacing.y;
    return line;
}

void DrawStatusLine(ui::AppState& app, const StatusLine& line)
{
    ui::DrawSyncStatus(app);
    if (line.update)
    {
        if (!line.update_below)
            ImGui::SameLine();
        ui::DrawUpdateOffer(app);
    }
    if (line.edits.empty())
        return;
    if (line.edits_below)
        ImGui::TextWrapped("%s", line.edits.c_str());
    else
    {
        ImGui::SameLine();
        ImGui::TextUnformatted(("· " + line.edits).c_str());
    }
}

void HandleShortcuts(ui::AppState& app)
{
    if (ImGui::GetIO().WantTextInput)
        return;
    // Esc goes back one level: the open explanation, then the member page or meeting book.
    if (ImGui::IsKeyPressed(ImGuiKey_Escape, false))
    {
        if (app.screen == ui::Screen::Results && !app.results_screen.selected_org.empty())
            app.results_screen.selected_org.clear();
        else if (app.screen == ui::Screen::Members)
            app.members.selected.clear();
        else if (app.screen == ui::Screen::Meetings)
            app.meetings.selected.clear();
    }
    if (!app.edit.enabled)
        return;
    if (ImGui::IsKeyChordPressed(ImGuiMod_Ctrl | ImGuiKey_Z))
        ui::UndoEdit(app);
    if (ImGui::IsKeyChordPressed(ImGuiMod_Ctrl | ImGuiKey_Y) ||
        ImGui::IsKeyChordPressed(ImGuiMod_Ctrl | ImGuiMod_Shift | ImGuiKey_Z))
        ui::RedoEdit(app);
}

void DrawScreen(ui::AppState& app)
{
    switch (app.screen)
    {
    case ui::Screen::Overview: ui::DrawOverviewScreen(app.overview, app); break;
    case ui::Screen::Members: ui::DrawMembersScreen(app.members, app); break;
    case ui::Screen::Meetings: ui::DrawMeetingsScreen(app.meetings, app); break;
    case ui::Screen::Covenant: ui::DrawCovenantScreen(app.covenant, app); break;
    case ui::Screen::Results: ui::DrawResultsScreen(app.results_screen, app); break;
    case ui::Screen::History: ui::DrawHistoryScreen(app.history, app); break;
    case ui::Screen::Scoring: ui::DrawScoringScreen(app.scoring, app); break;
    case ui::Screen::Year: ui::DrawYearScreen(app.year_screen, app); break;
    case ui::Screen::Ministry: ui::DrawMinistryScreen(app.ministry, app); break;
    }
}

void DrawReady(ui::AppState& app)
{
    DrawHeader(app);
    ImGui::Separator();
    const StatusLine status = LayOutStatusLine(app);
    const float status_height = status.height;
    const float nav_row = ui::TouchHeight(app) + ImGui::GetStyle().ItemSpacing.y;
    const ImGuiWindowFlags screen_flags = ImGuiWindowFlags_None;
    switch (app.layout)
    {
    case ui::Layout::Landscape:
    {
        ImGui::BeginChild("nav", ImVec2(ui::Dp(app, 190) * app.settings.text_scale, -status_height));
        DrawNavigation(app, true, 1);
        ImGui::EndChild();
        ImGui::SameLine();
        ImGui::BeginChild("screen", ImVec2(0, -status_height), ImGuiChildFlags_None, screen_flags);
        DrawScreen(app);
        ImGui::EndChild();
        break;
    }
    case ui::Layout::Portrait:
    case ui::Layout::Phone:
    {
        // Every entry gets a place: 4 to a row on a phone, one row on a portrait tablet; fewer to a row where the
        // labels would not fit whole (a phone at a large text size).
        const int entries = static_cast<int>(sizeof(kNav) / sizeof(kNav[0]));
        const int columns = NavColumns(app, app.layout == ui::Layout::Phone ? 4 : entries);
        const int rows = (entries + columns - 1) / columns;
        ImGui::BeginChild("screen", ImVec2(0, -(status_height + nav_row * rows)), ImGuiChildFlags_None, screen_flags);
        DrawScreen(app);
        ImGui::EndChild();
        ImGui::BeginChild("nav", ImVec2(0, nav_row * rows), ImGuiChildFlags_None, ImGuiWindowFlags_NoScrollbar);
        DrawNavigation(app, false, columns);
        ImGui::EndChild();
        break;
    }
    }
    DrawStatusLine(app, status);
}
} // namespace

const model::YearFile* ui::SelectedYear(const AppState& app)
{
    const model::YearFile* latest = nullptr;
    for (const model::YearFile& year : app.dataset.years)
    {
        if (!app.year_id.empty() && year.year.id == app.year_id)
            return &year;
        if (!latest || year.year.year > latest->year.year)
            latest = &year;
    }
    return latest;
}

// ---- [SECTION] DrawApp ----

void ui::DrawApp(AppState& app)
{
    app.animating = UpdateTouch(app.touch);
    app.wake_in_ms = -1;
    if (app.load.status != LoadState::Status::Ready)
        app.data_changed = true; // whatever arrives next is new data
    else
        Recompute(app);
    ApplyThemeIfNeeded(app);
    app.layout = ChooseLayout(app);

    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    ImGui::Begin("Thidua", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                        ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus);
    const Language lang = app.settings.lang;
    switch (app.load.status)
    {
    case LoadState::Status::Loading:
        ImGui::TextUnformatted(Tr(Str::Loading, lang));
        if (app.load.files_total > 0)
        {
            const float fraction = static_cast<float>(app.load.files_fetched) / app.load.files_total;
            ImGui::ProgressBar(fraction, ImVec2(-FLT_MIN, 0), ui::FormatPercent(app, fraction * 100.0, 0).c_str());
        }
        break;
    case LoadState::Status::Failed:
        Heading(app, Tr(Str::LoadFailed, lang));
        ImGui::TextWrapped("%s", app.load.error.c_str());
        if (TouchButton(app, Tr(Str::Retry, lang)))
            app.retry_requested = true;
        break;
    case LoadState::Status::Ready:
        if (app.presentation.active)
            DrawPresentation(app.presentation, app);
        else
        {
            HandleShortcuts(app);
            DrawReady(app);
            DrawChangeLog(app);
            ApplyEditRequests(app);
        }
        break;
    }
    ImGui::End();
    EndTextFrame(app.text_edit);
}

float ui::NearestTextScale(float wanted)
{
    float best = kTextScales[0];
    for (float step : kTextScales)
        if (std::fabs(step - wanted) < std::fabs(best - wanted))
            best = step;
    return best;
}

float ui::FontTextScale(const AppState& app, float screen_height_css)
{
    if (!app.presentation.active)
        return app.settings.text_scale;
    return std::max(app.settings.text_scale, std::min(3.0f, screen_height_css / 540.0f));
}

// ---- [SECTION] navigation and routes ----

void ui::OpenScreen(AppState& app, Screen screen)
{
    app.screen = screen;
    if (screen == Screen::Members)
        app.members.selected.clear();
    if (screen == Screen::Meetings)
        app.meetings.selected.clear();
    if (screen == Screen::Ministry)
        app.ministry.load_requested = true; // the table is the server's: fetched again each time it is opened
}

void ui::OpenMember(AppState& app, const std::string& org_id)
{
    app.screen = Screen::Members;
    app.members.selected = org_id;
}

void ui::OpenMeeting(AppState& app, const std::string& meeting_id)
{
    app.screen = Screen::Meetings;
    app.meetings.selected = meeting_id;
}

std::string ui::CurrentRoute(const AppState& app)
{
    std::string route;
    if (app.presentation.active)
        route = "/present/" + std::to_string(app.presentation.slide + 1);
    else if (app.screen == Screen::Members && !app.members.selected.empty())
        route = "/members/" + app.members.selected;
    else if (app.screen == Screen::Meetings && !app.meetings.selected.empty())
        route = "/meetings/" + app.meetings.selected;
    else if (app.screen == Screen::Results && app.results_screen.view != ResultsView::Grid)
        route = std::string("/results/") + kResultsViews[static_cast<int>(app.results_screen.view)];
    else if (app.screen == Screen::Year)
        route = "/year";
    else if (app.screen == Screen::Ministry)
        route = "/bo";
    else
        route = kNav[static_cast<int>(app.screen)].route;
    const model::YearFile* latest = nullptr;
    for (const model::YearFile& year : app.dataset.years)
        if (!latest || year.year.year > latest->year.year)
            latest = &year;
    const model::YearFile* selected = SelectedYear(app);
    if (selected && selected != latest)
        route += "?year=" + std::to_string(selected->year.year);
    return route;
}

void ui::OpenRoute(AppState& app, const std::string& route_in)
{
    std::string route = route_in;
    if (!route.empty() && route[0] == '#')
        route.erase(0, 1);
    const size_t query = route.find('?');
    if (query != std::string::npos)
    {
        const std::string params = route.substr(query + 1);
        route.resize(query);
        if (params.rfind("year=", 0) == 0)
        {
            const int wanted = std::atoi(params.c_str() + 5);
            for (const model::YearFile& year : app.dataset.years)
                if (year.year.year == wanted)
                    app.year_id = year.year.id;
        }
    }
    else
        app.year_id.clear();
    std::vector<std::string> parts;
    for (size_t start = 0; start <= route.size();)
    {
        size_t end = route.find('/', start);
        if (end == std::string::npos)
            end = route.size();
        if (end > start)
            parts.push_back(route.substr(start, end - start));
        start = end + 1;
    }
    const std::string first = parts.empty() ? "" : parts[0];
    const std::string second = parts.size() > 1 ? parts[1] : "";
    if (first == "present")
    {
        if (!app.presentation.active)
            EnterPresentation(app);
        const int slide = std::atoi(second.c_str()) - 1;
        if (slide >= 0 && slide < static_cast<int>(Slide::Count) && slide != app.presentation.slide)
        {
            app.presentation.slide = slide;
            app.presentation.reveal_step = 0;
            app.presentation.blank = false;
        }
        return;
    }
    if (app.presentation.active)
        LeavePresentation(app);
    Screen screen = Screen::Overview;
    for (const NavEntry& entry : kNav)
        if (first == entry.route + 1)
            screen = entry.screen;
    if (first == "year")
        screen = Screen::Year;
    if (first == "bo")
        screen = Screen::Ministry;
    OpenScreen(app, screen);
    if (screen == Screen::Members && !second.empty())
        app.members.selected = second;
    if (screen == Screen::Meetings && !second.empty())
        app.meetings.selected = second;
    if (screen == Screen::Results)
    {
        app.results_screen.view = ResultsView::Grid;
        for (int i = 0; i < 3; ++i)
            if (second == kResultsViews[i])
                app.results_screen.view = static_cast<ResultsView>(i);
    }
}

// ---- [SECTION] StateJson ----

std::string ui::StateJson(const AppState& app)
{
    const model::Dataset& data = app.dataset;
    nlohmann::json counts = {
        {"organizations", data.organizations.size()}, {"areas", data.areas.size()},
        {"people", data.people.size()},               {"memberships", data.cluster.memberships.size()},
        {"years", data.years.size()},                 {"meetings", data.meetings.size()},
        {"self_assessments", data.self_assessments.size()}, {"files", data.files.size()},
        {"issues", app.issues.size()},
    };
    const model::YearFile* year = SelectedYear(app);
    nlohmann::json ranking = nlohmann::json::array();
    for (const scoring::MemberResult& member : app.results.members)
        ranking.push_back({{"org", member.organization_id}, {"rank", member.rank},
                           {"total", member.ranking_total.value}});
    const PresentationState& present = app.presentation;
    nlohmann::json state = {
        {"screen", kScreenNames[static_cast<int>(app.screen)]},
        {"route", CurrentRoute(app)},
        {"load", kLoadNames[static_cast<int>(app.load.status)]},
        {"load_error", app.load.error},
        {"load_held", app.load.held},
        {"language", app.settings.lang == Language::Vi ? "vi" : "en"},
        {"text_scale", app.settings.text_scale},
        {"layout", kLayoutNames[static_cast<int>(app.layout)]},
        {"year", year ? year->year.year : 0},
        {"theme", year ? year->year.theme : ""},
        {"synthetic", AnySynthetic(data)},
        {"counts", counts},
        {"selected",
         {{"member", app.members.selected},
          {"meeting", app.meetings.selected},
          {"results_view", kResultsViews[static_cast<int>(app.results_screen.view)]},
          {"figure_org", app.results_screen.selected_org},
          {"figure_column", app.results_screen.selected_column}}},
        {"results",
         {{"stage", app.results.ranking_stage}, {"ranking", ranking}, {"ballots", app.results.ballots.size()},
          {"proposed_awards", app.results.proposed_awards.size()}}},
        {"presentation",
         {{"active", present.active}, {"slide", present.slide + 1}, {"reveal_step", present.reveal_step},
          {"reveal_steps", RevealSteps(app)}, {"blank", present.blank}, {"member", present.member}}},
        {"who", {{"known", app.who_known}, {"role", roles::RoleName(app.who)}, {"label", app.who_known ? RoleLabel(app) : ""},
                 {"may_edit", MayWriteSomething(app)}}},
        {"edit",
         {{"enabled", app.edit.enabled}, {"undo", app.edit.journal.undo.size()},
          {"redo", app.edit.journal.redo.size()}, {"error", app.edit.error_message}}},
        {"sync", {{"status", SyncStatusKey(app.sync.status)},
                  {"pending", app.sync.pending + static_cast<int>(app.edit.journal.pending.size())},
                  {"saving", app.sync.saving},
                  {"conflicts", app.sync.conflicts.size()},
                  {"problems", app.sync.problems.size()},
                  {"last_synced", app.sync.last_synced},
                  {"offline_since", app.sync.offline_since},
                  {"update_ready", app.sync.update_ready},
                  {"error", app.sync.error}}},
        {"frames", ImGui::GetCurrentContext() ? ImGui::GetFrameCount() : 0},
    };
    if (app.edit.error_field.empty())
        state["edit"]["error"] = "";
    nlohmann::json lines = nlohmann::json::array(); // the checker's findings, as shown on screen (first 50)
    for (size_t i = 0; i < app.issues.size() && i < 50; ++i)
        lines.push_back(check::FormatIssue(app.issues[i]));
    state["issue_lines"] = lines;
    // The deployment: the cluster this app was opened at, and the ministry's table as drawn (names, not ids).
    state["cluster_address"] = app.cluster_address;
    state["cluster_name"] = app.dataset.cluster.cluster.name;
    const char* const ministry_status[] = {"idle", "loading", "ready", "offline", "refused", "no_deployment", "failed"};
    nlohmann::json leaders = nlohmann::json::array();
    for (const deployment::LeaderRow& row : app.ministry.table.rows)
        leaders.push_back({{"cluster", row.cluster_name}, {"leader", row.leader_name}, {"rank", row.candidate_rank},
                           {"forward", row.goes_forward}, {"tied", row.tied_at_quota}, {"synthetic", row.synthetic}});
    state["ministry"] = {{"status", ministry_status[static_cast<int>(app.ministry.status)]},
                         {"year", app.ministry.table.year}, {"leaders", app.ministry.table.leaders},
                         {"quota", app.ministry.table.quota}, {"rows", leaders}};
    nlohmann::json problems = nlohmann::json::array(); // what sync refused from the server, and why
    for (const check::Issue& issue : app.sync.problems)
        problems.push_back(check::FormatIssue(issue));
    state["sync"]["problem_lines"] = problems;
    const ImportView& imp = app.sync.import; // the last file given to import, and what became of it
    std::string paths;
    for (const std::string& path : imp.plan.paths)
        paths += (paths.empty() ? "" : ", ") + path;
    nlohmann::json& import_state = state["sync"]["import"];
    import_state["status"] = ImportStatusKey(imp.status);
    import_state["shown"] = imp.shown;
    import_state["file"] = imp.plan.name;
    import_state["path"] = paths;
    import_state["added"] = imp.plan.added;
    import_state["changed"] = imp.plan.changed;
    import_state["conflicts"] = imp.plan.conflicted;
    import_state["lines"] = ImportLines(imp, app.settings.lang);
    return state.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// ---- [SECTION] roles ----

std::string ui::RoleLabel(const AppState& app)
{
    const Language lang = app.settings.lang;
    switch (app.who.role)
    {
    case roles::Role::Unit: return OrgName(app, app.who.org) + " · " + Tr(Str::RoleUnit, lang);
    case roles::Role::Secretariat: return Tr(Str::RoleSecretariat, lang);
    case roles::Role::Admin: return Tr(Str::RoleAdmin, lang);
    case roles::Role::Viewer: return Tr(Str::RoleViewer, lang);
    case roles::Role::Ministry: return Tr(Str::RoleMinistry, lang);
    }
    return Tr(Str::RoleViewer, lang);
}

bool ui::MayWriteSomething(const AppState& app)
{
    if (app.load.held)
        return false;
    if (!app.who_known)
        return true; // no server said who this is (a local copy): editing stays as it was
    switch (app.who.role)
    {
    case roles::Role::Viewer:
    case roles::Role::Ministry: return false;
    case roles::Role::Secretariat:
    case roles::Role::Admin: return true;
    case roles::Role::Unit:
        for (const model::YearFile& y : app.dataset.years)
            if (MayWrite(app, "years/" + std::to_string(y.year.year) + "/self/" + app.who.org + ".json"))
                return true;
        return false;
    }
    return false;
}
