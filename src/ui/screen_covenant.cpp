// Covenant screen: the selected year's covenant (theme, commitments, signatories) and each member's registration.
#include "ui/screen_covenant.h"

#include "core/text/text.h"
#include "ui/app.h"
#include "ui/document_button.h"
#include "ui/widgets.h"

#include <imgui.h>

namespace
{
const model::CovenantFile* FindCovenant(const ui::AppState& app, const std::string& year_id)
{
    for (const model::CovenantFile& c : app.dataset.covenants)
        if (c.covenant.year_id == year_id)
            return &c;
    return nullptr;
}
} // namespace

void ui::DrawCovenantScreen(CovenantScreen&, AppState& app)
{
    const Language lang = app.settings.lang;
    const model::YearFile* year = SelectedYear(app);
    const model::CovenantFile* file = year ? FindCovenant(app, year->year.id) : nullptr;
    Heading(app, std::string(Tr(Str::NavCovenant, lang)) + (year ? " " + std::to_string(year->year.year) : ""));
    if (!file)
    {
        ImGui::TextDisabled("%s", Tr(Str::NoCovenant, lang));
        return;
    }
    ChangeLogButton(app, edit::FilePath(app.dataset, model::FileKind::Covenant, static_cast<int32_t>(file - app.dataset.covenants.data())), Tr(Str::NavCovenant, lang));
    const model::Covenant& c = file->covenant;
    DocumentButton(app, docs::Kind::Covenant, year->year.year);
    ImGui::PushFont(app.fonts.large);
    ImGui::TextWrapped("“%s”", c.theme.c_str());
    ImGui::PopFont();
    if (!c.signed_date.empty())
        LabelValue(Tr(Str::SignedOn, lang), text::FormatDate(c.signed_date));
    if (const model::Meeting* meeting = FindMeeting(app, c.meeting_id))
    {
        RowLabel(app, Tr(Str::SigningMeeting, lang));
        const std::string label = meeting->name + "##signing";
        if (Link(app, label.c_str()))
            OpenMeeting(app, meeting->id);
    }

    Section(app, Tr(Str::Commitments, lang));
    for (const model::Commitment& commitment : c.commitments)
    {
        ImGui::TextDisabled("%d.", commitment.order);
        ImGui::SameLine();
        ImGui::TextWrapped("%s", commitment.text.c_str());
    }

    Section(app, Tr(Str::Signatories, lang));
    if (ImGui::BeginTable("signatories", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH))
    {
        ImGui::TableSetupColumn(Tr(Str::Unit, lang));
        ImGui::TableSetupColumn(Tr(Str::SignedBy, lang));
        ImGui::TableSetupColumn(Tr(Str::Date, lang));
        ImGui::TableHeadersRow();
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(c.signatories.size()));
        while (clipper.Step())
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i)
            {
                const model::Signatory& s = c.signatories[static_cast<size_t>(i)];
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextWrapped("%s", OrgName(app, s.organization_id).c_str());
                ImGui::TableNextColumn();
                std::string who = s.person_id.empty() ? "" : PersonName(app, s.person_id);
                if (!s.title.empty())
                    who += (who.empty() ? "" : ", ") + s.title;
                if (who.empty()) // nobody recorded yet: a dash, not a blank that reads as a lost entry
                    ImGui::TextDisabled("–");
                else
                    ImGui::TextWrapped("%s", who.c_str());
                ImGui::TableNextColumn();
                const std::string date = text::FormatDate(s.signed_date);
                if (date.empty())
                    ImGui::TextDisabled("–");
                else
                    ImGui::TextUnformatted(date.c_str());
            }
        ImGui::EndTable();
    }

    Section(app, Tr(Str::Registrations, lang));
    if (file->registrations.empty())
        ImGui::TextDisabled("%s", Tr(Str::NoneYet, lang));
    else if (ImGui::BeginTable("registrations", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH))
    {
        ImGui::TableSetupColumn(Tr(Str::Unit, lang), ImGuiTableColumnFlags_WidthStretch, 1);
        ImGui::TableSetupColumn(Tr(Str::TitlesRegistered, lang), ImGuiTableColumnFlags_WidthStretch, 1);
        ImGui::TableSetupColumn(Tr(Str::Targets, lang), ImGuiTableColumnFlags_WidthStretch, 2);
        ImGui::TableHeadersRow();
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(file->registrations.size()));
        while (clipper.Step())
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i)
            {
                const model::Registration& r = file->registrations[static_cast<size_t>(i)];
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                const std::string label = OrgName(app, r.organization_id) + "##reg" + r.id;
                if (Link(app, label.c_str()))
                    OpenMember(app, r.organization_id);
                ImGui::TableNextColumn();
                for (const std::string& title : r.titles)
                    ImGui::TextWrapped("%s", TrCode(title, lang));
                ImGui::TableNextColumn();
                for (const model::Target& t : r.targets)
                    ImGui::TextWrapped("• %s", t.text.c_str());
            }
        ImGui::EndTable();
    }
}
