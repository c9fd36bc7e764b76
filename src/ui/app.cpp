// The app shell: header (cluster, year, data badge, language), navigation, the current screen, status line.
#include "ui/app.h"

#include "ui/screen_overview.h"
#include "ui/widgets.h"

#include <imgui.h>
#include <nlohmann/json.hpp>

namespace
{
struct NavEntry
{
    ui::Screen screen;
    ui::Str label;
};

const NavEntry kNav[] = {
    {ui::Screen::Overview, ui::Str::NavOverview},
};

bool AnySynthetic(const model::Dataset& data)
{
    for (const model::FileInfo& file : data.files)
        if (file.synthetic)
            return true;
    return false;
}

void DrawHeader(ui::AppState& app)
{
    const ui::Language lang = app.settings.lang;
    ImGui::PushFont(app.fonts.bold);
    ImGui::TextUnformatted(ui::Tr(ui::Str::AppName, lang));
    ImGui::PopFont();
    ImGui::SameLine();
    ImGui::TextDisabled("%s", app.dataset.package.title.c_str());

    if (AnySynthetic(app.dataset))
    {
        ImGui::SameLine();
        ui::Badge(ui::Tr(ui::Str::SyntheticBadge, lang), IM_COL32(198, 40, 40, 255), IM_COL32_WHITE);
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s", ui::Tr(ui::Str::SyntheticExplain, lang));
    }

    const char* lang_label = ui::Tr(ui::Str::Language, lang);
    const float lang_width = ImGui::CalcTextSize(lang_label).x + ImGui::GetStyle().FramePadding.x * 2;
    ImGui::SameLine(ImGui::GetContentRegionMax().x - lang_width);
    if (ImGui::Button(lang_label))
        app.settings.lang = lang == ui::Language::Vi ? ui::Language::En : ui::Language::Vi;
}

void DrawNavigation(ui::AppState& app)
{
    for (const NavEntry& entry : kNav)
    {
        const bool current = app.screen == entry.screen;
        if (current)
            ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_HeaderActive));
        if (ImGui::Button(ui::Tr(entry.label, app.settings.lang)))
            app.screen = entry.screen;
        if (current)
            ImGui::PopStyleColor();
        ImGui::SameLine();
    }
    ImGui::NewLine();
}

void DrawIssues(ui::AppState& app)
{
    if (app.issues.empty())
        return;
    const std::string label = std::string(ui::Tr(ui::Str::DataIssues, app.settings.lang)) + " (" +
                              std::to_string(app.issues.size()) + ")";
    if (ImGui::CollapsingHeader(label.c_str()))
        for (const check::Issue& issue : app.issues)
            ImGui::TextWrapped("%s", check::FormatIssue(issue).c_str());
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

void ui::DrawApp(AppState& app)
{
    app.animating = UpdateTouch(app.touch);
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
            ImGui::ProgressBar(static_cast<float>(app.load.files_fetched) / app.load.files_total);
        break;
    case LoadState::Status::Failed:
        Heading(app, Tr(Str::LoadFailed, lang));
        ImGui::TextWrapped("%s", app.load.error.c_str());
        if (ImGui::Button(Tr(Str::Retry, lang)))
            app.retry_requested = true;
        break;
    case LoadState::Status::Ready:
    {
        DrawHeader(app);
        DrawNavigation(app);
        ImGui::Separator();
        ImGui::BeginChild("screen", ImVec2(0, 0), ImGuiChildFlags_None);
        DrawOverviewScreen(app.overview, app);
        DrawIssues(app);
        ImGui::EndChild();
        break;
    }
    }
    ImGui::End();
    EndTextFrame(app.text_edit);
}

std::string ui::StateJson(const AppState& app)
{
    static const char* const kScreens[] = {"overview", "members", "meetings", "covenant", "results", "history"};
    static const char* const kLoad[] = {"loading", "ready", "failed"};
    const model::Dataset& data = app.dataset;
    nlohmann::json counts = {
        {"organizations", data.organizations.size()}, {"areas", data.areas.size()},
        {"people", data.people.size()},               {"memberships", data.cluster.memberships.size()},
        {"years", data.years.size()},                 {"meetings", data.meetings.size()},
        {"self_assessments", data.self_assessments.size()}, {"files", data.files.size()},
        {"issues", app.issues.size()},
    };
    const model::YearFile* year = SelectedYear(app);
    nlohmann::json state = {
        {"screen", kScreens[static_cast<int>(app.screen)]},
        {"load", kLoad[static_cast<int>(app.load.status)]},
        {"load_error", app.load.error},
        {"language", app.settings.lang == Language::Vi ? "vi" : "en"},
        {"year", year ? year->year.year : 0},
        {"theme", year ? year->year.theme : ""},
        {"synthetic", AnySynthetic(data)},
        {"counts", counts},
        {"sync", {{"status", "local"}, {"pending", 0}}},
        {"frames", ImGui::GetCurrentContext() ? ImGui::GetFrameCount() : 0},
    };
    return state.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}
