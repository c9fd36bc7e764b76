// Overview screen: the cluster and the selected year at a glance; names and meetings open their pages.
#include "ui/screen_overview.h"

#include "core/scoring/scoring.h"
#include "core/text/text.h"
#include "ui/app.h"
#include "ui/app_state.h"
#include "ui/widgets.h"

#include <imgui.h>

namespace
{
// The latest meeting of the year on or before today, and the first one after today.
void FindLastAndNext(const ui::AppState& app, const std::string& year_id, const model::Meeting** last,
                     const model::Meeting** next)
{
    const std::string today = ui::Today(app);
    *last = *next = nullptr;
    for (const model::Meeting& m : app.dataset.meetings)
    {
        if (m.year_id != year_id || m.status == "cancelled")
            continue;
        if (m.start_date <= today && (!*last || m.start_date > (*last)->start_date))
            *last = &m;
        if (m.start_date > today && (!*next || m.start_date < (*next)->start_date))
            *next = &m;
    }
}

void MeetingLine(ui::AppState& app, ui::Str label, const model::Meeting* meeting)
{
    const ui::Language lang = app.settings.lang;
    ui::RowLabel(app, ui::Tr(label, lang));
    if (!meeting)
    {
        ui::RowValue(app, ui::Tr(ui::Str::NoMeeting, lang));
        return;
    }
    const std::string text = text::FormatDate(meeting->start_date) + " · " + meeting->name + "##" + meeting->id;
    if (ui::Link(app, text.c_str()))
        ui::OpenMeeting(app, meeting->id);
}

void OrgLine(ui::AppState& app, ui::Str label, const std::string& org_id)
{
    ui::RowLabel(app, ui::Tr(label, app.settings.lang));
    if (org_id.empty())
    {
        ui::RowValue(app, ui::Tr(ui::Str::NotKnown, app.settings.lang));
        return;
    }
    const std::string name = ui::OrgName(app, org_id) + "##" + std::string(ui::Tr(label, ui::Language::En));
    if (ui::Link(app, name.c_str()))
        ui::OpenMember(app, org_id);
}
} // namespace

void ui::DrawOverviewScreen(OverviewScreen& screen, AppState& app)
{
    const model::Dataset& data = app.dataset;
    const Language lang = app.settings.lang;
    const model::YearFile* year = SelectedYear(app);

    Heading(app, scoring::ClusterNameIn(data, year ? year->year.year : 0));
    DrawYearEntry(app); // the secretariat's way to run the year (edit mode)
    if (!data.cluster.cluster.note.empty())
        ImGui::TextWrapped("%s", data.cluster.cluster.note.c_str());
    bool synthetic = false;
    for (const model::FileInfo& file : data.files)
        synthetic = synthetic || file.synthetic;
    if (synthetic)
    {
        ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(198, 40, 40, 255));
        ImGui::TextWrapped("%s", Tr(Str::SyntheticExplain, lang));
        ImGui::PopStyleColor();
    }
    ImGui::Spacing();
    if (!year)
    {
        ImGui::TextDisabled("%s", Tr(Str::NoYear, lang));
        return;
    }

    ImGui::BeginChild("theme", ImVec2(0, 0), ImGuiChildFlags_AutoResizeY | ImGuiChildFlags_AlwaysUseWindowPadding);
    ImGui::TextDisabled("%s %d", Tr(Str::Theme, lang), year->year.year);
    ImGui::PushFont(app.fonts.large);
    if (year->year.theme.empty())
        ImGui::TextDisabled("%s", Tr(Str::NotKnown, lang));
    else
        ImGui::TextWrapped("“%s”", year->year.theme.c_str());
    ImGui::PopFont();
    if (!year->year.sector_theme.empty())
        LabelValue(Tr(Str::SectorTheme, lang), year->year.sector_theme);
    ImGui::EndChild();
    ImGui::Spacing();

    OrgLine(app, Str::Chair, year->year.chair_org_id);
    OrgLine(app, Str::Deputy, year->year.deputy_org_id);
    const model::Meeting* last = nullptr;
    const model::Meeting* next = nullptr;
    FindLastAndNext(app, year->year.id, &last, &next);
    MeetingLine(app, Str::LastMeeting, last);
    MeetingLine(app, Str::NextMeeting, next);

    Section(app, Tr(Str::YearStatus, lang));
    if (!year->year.status.empty())
    {
        RowLabel(app, Tr(Str::Status, lang));
        AlignToRowLabel(app);
        Badge(TrCode(year->year.status, lang), StatusColor(year->year.status), IM_COL32_WHITE);
    }
    if (ImGui::BeginTable("phases", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH))
    {
        ImGui::TableSetupColumn(Tr(Str::Phase, lang), ImGuiTableColumnFlags_WidthStretch, 1);
        ImGui::TableSetupColumn(Tr(Str::Dates, lang), ImGuiTableColumnFlags_WidthStretch, 1);
        ImGui::TableSetupColumn(Tr(Str::Status, lang), ImGuiTableColumnFlags_WidthFixed); // as wide as its badges
        ImGui::TableHeadersRow();
        for (const model::Phase& phase : year->year.phases)
        {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            ImGui::TextWrapped("%s", TrPhase(phase.kind, lang)); // a phone's narrow columns wrap, never cut
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            const std::string dates = text::FormatDateRange(phase.start_date, phase.end_date);
            if (dates.empty())
                DimWrapped(Tr(Str::NotKnown, lang)); // the sample's early years keep no phase dates
            else
                ImGui::TextWrapped("%s", dates.c_str());
            ImGui::TableNextColumn();
            Badge(TrCode(phase.status, lang), StatusColor(phase.status), IM_COL32_WHITE);
        }
        ImGui::EndTable();
    }

    const std::vector<std::string>& members = app.year_members;
    Section(app, (std::string(Tr(Str::Members, lang)) + " (" + std::to_string(members.size()) + ")").c_str());
    const int columns = app.layout == Layout::Phone ? 1 : 2;
    if (ImGui::BeginTable("members", columns, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH))
    {
        ImGuiListClipper clipper;
        clipper.Begin((static_cast<int>(members.size()) + columns - 1) / columns); // the first row is measured
        while (clipper.Step())
            for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row)
            {
                ImGui::TableNextRow();
                for (int c = 0; c < columns; ++c)
                {
                    ImGui::TableNextColumn();
                    const size_t i = static_cast<size_t>(row * columns + c);
                    if (i >= members.size())
                        continue;
                    const std::string label = OrgName(app, members[i]) + "##member" + std::to_string(i);
                    if (Link(app, label.c_str()))
                        OpenMember(app, members[i]);
                }
            }
        ImGui::EndTable();
    }

    if (!app.issues.empty())
    {
        const std::string label =
            std::string(Tr(Str::DataIssues, lang)) + " (" + std::to_string(app.issues.size()) + ")##issues";
        Section(app, Tr(Str::DataIssues, lang));
        if (TouchButton(app, label.c_str(), 0, screen.show_issues))
            screen.show_issues = !screen.show_issues;
        if (screen.show_issues)
        {
            ImGuiListClipper clipper;
            clipper.Begin(static_cast<int>(app.issues.size()));
            while (clipper.Step())
                for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i)
                    ImGui::TextUnformatted(ui::TrIssue(app.issues[static_cast<size_t>(i)], lang).c_str());
        }
    }
}
