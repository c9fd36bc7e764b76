#include "ui/screen_overview.h"

#include "ui/app.h"
#include "ui/widgets.h"

#include <imgui.h>

namespace
{
// Member units of the cluster in `year` (memberships whose span covers it).
std::vector<std::string> MemberIds(const model::Dataset& data, int year)
{
    std::vector<std::string> ids;
    for (const model::ClusterMembership& m : data.cluster.memberships)
        if (m.start_year <= year && (m.end_year == 0 || m.end_year >= year))
            ids.push_back(m.organization_id);
    return ids;
}
} // namespace

void ui::DrawOverviewScreen(OverviewScreen&, AppState& app)
{
    const model::Dataset& data = app.dataset;
    const Language lang = app.settings.lang;
    const model::YearFile* year = SelectedYear(app);

    Heading(app, data.cluster.cluster.name.empty() ? data.package.title : data.cluster.cluster.name);
    if (!data.cluster.cluster.note.empty())
        ImGui::TextWrapped("%s", data.cluster.cluster.note.c_str());
    ImGui::Spacing();
    if (!year)
    {
        ImGui::TextDisabled("%s", Tr(Str::NotKnown, lang));
        return;
    }

    ImGui::BeginChild("theme", ImVec2(0, 0), ImGuiChildFlags_AutoResizeY | ImGuiChildFlags_AlwaysUseWindowPadding);
    ImGui::TextDisabled("%s %d", Tr(Str::Theme, lang), year->year.year);
    ImGui::PushFont(app.fonts.large);
    ImGui::TextWrapped("“%s”", year->year.theme.c_str());
    ImGui::PopFont();
    ImGui::EndChild();
    ImGui::Spacing();

    const std::string none = Tr(Str::NotKnown, lang);
    LabelValue(Tr(Str::Chair, lang), year->year.chair_org_id.empty() ? none : OrgName(data, year->year.chair_org_id));
    LabelValue(Tr(Str::Deputy, lang), year->year.deputy_org_id.empty() ? none : OrgName(data, year->year.deputy_org_id));

    const std::vector<std::string> members = MemberIds(data, year->year.year);
    ImGui::SeparatorText((std::string(Tr(Str::Members, lang)) + " (" + std::to_string(members.size()) + ")").c_str());
    if (ImGui::BeginTable("members", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH))
    {
        for (size_t i = 0; i < members.size(); ++i)
        {
            ImGui::TableNextColumn();
            const model::Organization* org = FindOrganization(data, members[i]);
            ImGui::TextUnformatted(org ? org->name.c_str() : members[i].c_str());
        }
        ImGui::EndTable();
    }
}
