// Meetings screen: the timeline (newest first, grouped by year) and the meeting book of one meeting.
#include "ui/screen_meetings.h"

#include "core/text/text.h"
#include "ui/app.h"
#include "ui/document_button.h"
#include "ui/edit_fields.h"
#include "ui/widgets.h"

#include <imgui.h>

#include <algorithm>
#include <initializer_list>

namespace
{
const char* const kMeetingStatuses[] = {"tentative", "confirmed", "passed", "cancelled"};
const char* const kDecisionStatuses[] = {"open", "in_progress", "done", "cancelled"};

std::string Join(const ui::AppState& app, const std::vector<std::string>& org_ids)
{
    std::string out;
    for (const std::string& id : org_ids)
        out += (out.empty() ? "" : ", ") + ui::OrgName(app, id);
    return out;
}

// The meeting book's tables: each column's share of the width is set here (weights; 0 = as wide as its contents),
// with a header row when `headers` are given. Left to ImGui, the shares followed the first frame's measure of
// wrapped text: the agenda's items began mid-page and the participants' names wrapped beside an empty column.
bool BeginBookTable(const char* id, std::initializer_list<float> weights, std::initializer_list<const char*> headers = {})
{
    if (!ImGui::BeginTable(id, static_cast<int>(weights.size()), ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH))
        return false;
    const char* const* header = headers.begin();
    for (const float weight : weights)
        ImGui::TableSetupColumn(header != headers.end() ? *header++ : "",
                                weight > 0 ? ImGuiTableColumnFlags_WidthStretch : ImGuiTableColumnFlags_WidthFixed, weight);
    if (headers.size() > 0)
        ImGui::TableHeadersRow();
    return true;
}

void DrawDecisions(ui::AppState& app, const model::Meeting& meeting, const std::string& file)
{
    const ui::Language lang = app.settings.lang;
    ui::Section(app, ui::Tr(ui::Str::Decisions, lang));
    if (meeting.decisions.empty())
    {
        ImGui::TextDisabled("%s", ui::Tr(ui::Str::NoneYet, lang));
        return;
    }
    int n = 0;
    for (const model::Decision& d : meeting.decisions)
    {
        ImGui::PushID(d.id.c_str());
        ++n;
        ImGui::BeginChild("decision", ImVec2(0, 0), ImGuiChildFlags_AutoResizeY | ImGuiChildFlags_AlwaysUseWindowPadding);
        ImGui::TextDisabled("%d. %s", n, ui::TrCode(d.kind, lang));
        if (app.edit.enabled && !file.empty())
        {
            const std::string label = "##" + std::string(ui::Tr(ui::Str::DecisionText, lang));
            ui::EditText(app, label.c_str(), {file, d.id, "text"}, d.text, ui::FieldKind::Multiline);
        }
        else
            ImGui::TextWrapped("%s", d.text.c_str());
        if (!d.assigned_by_person_id.empty())
            ui::LabelValue(ui::Tr(ui::Str::AssignedBy, lang), ui::PersonName(app, d.assigned_by_person_id));
        if (!d.assignee_org_ids.empty())
            ui::LabelValue(ui::Tr(ui::Str::Assignees, lang), Join(app, d.assignee_org_ids));
        if (app.edit.enabled && !file.empty())
        {
            const float width = ui::Dp(app, 220) * app.settings.text_scale;
            const std::string due = std::string(ui::Tr(ui::Str::DueDate, lang)) + "##due";
            const std::string status = std::string(ui::Tr(ui::Str::Status, lang)) + "##status";
            ui::EditText(app, due.c_str(), {file, d.id, "due_date"}, d.due_date, ui::FieldKind::Date, width);
            ui::EditChoice(app, status.c_str(), {file, d.id, "status"}, d.status, kDecisionStatuses, 4, width);
        }
        else
        {
            if (!d.due_date.empty())
                ui::LabelValue(ui::Tr(ui::Str::DueDate, lang), text::FormatDate(d.due_date));
            if (!d.status.empty())
            {
                ImGui::TextDisabled("%s:", ui::Tr(ui::Str::Status, lang));
                ImGui::SameLine();
                ui::Badge(ui::TrCode(d.status, lang), ui::StatusColor(d.status), IM_COL32_WHITE);
            }
        }
        ImGui::EndChild();
        ImGui::PopID();
    }
}

void DrawBook(ui::MeetingsScreen& screen, ui::AppState& app, const model::Meeting& m)
{
    const ui::Language lang = app.settings.lang;
    if (ui::TouchButton(app, ui::Tr(ui::Str::BackToTimeline, lang)))
    {
        screen.selected.clear();
        return;
    }
    std::string file;
    for (size_t i = 0; i < app.dataset.meetings.size(); ++i)
        if (&app.dataset.meetings[i] == &m)
            file = edit::FilePath(app.dataset, model::FileKind::Meeting, static_cast<int32_t>(i));
    ui::ChangeLogButton(app, file, m.name);
    ui::DocumentButton(app, docs::Kind::Minutes, 0, m.id); // on the toolbar, apart from the status choices

    if (app.edit.enabled && !file.empty())
    {
        const float width = ImGui::GetContentRegionAvail().x * 0.6f;
        auto label = [&](ui::Str text, const char* id) { return std::string(ui::Tr(text, lang)) + "##" + id; };
        ui::EditText(app, label(ui::Str::MeetingName, "name").c_str(), {file, m.id, "name"}, m.name, ui::FieldKind::Text, width);
        ui::EditText(app, label(ui::Str::StartDate, "start").c_str(), {file, m.id, "start_date"}, m.start_date,
                     ui::FieldKind::Date, width);
        ui::EditText(app, label(ui::Str::EndDate, "end").c_str(), {file, m.id, "end_date"}, m.end_date, ui::FieldKind::Date, width);
        ui::EditText(app, label(ui::Str::Venue, "venue").c_str(), {file, m.id, "venue/name"}, m.venue.name,
                     ui::FieldKind::Text, width);
        ui::EditChoice(app, label(ui::Str::Status, "meeting-status").c_str(), {file, m.id, "status"}, m.status,
                       kMeetingStatuses, 4, width);
    }
    else
    {
        ui::Heading(app, m.name);
        ImGui::TextWrapped("%s · %s", text::FormatDateRange(m.start_date, m.end_date).c_str(), ui::TrCode(m.classification, lang));
        ui::StatusBadge(m.status, lang);
        std::string venue = m.venue.name;
        if (!m.venue.address.empty())
            venue += ", " + m.venue.address;
        ui::LabelValue(ui::Tr(ui::Str::Venue, lang), venue);
    }
    if (!m.venue.host_org_id.empty())
    {
        ui::RowLabel(app, ui::Tr(ui::Str::Host, lang));
        const std::string host = ui::OrgName(app, m.venue.host_org_id) + "##host";
        if (ui::Link(app, host.c_str()))
            ui::OpenMember(app, m.venue.host_org_id);
    }
    if (!m.chair_person_id.empty())
        ui::LabelValue(ui::Tr(ui::Str::Presiding, lang), ui::PersonName(app, m.chair_person_id));

    ui::Section(app, ui::Tr(ui::Str::Agenda, lang));
    if (BeginBookTable("agenda", {0, 3, 1})) // number, item, presenter
    {
    for (const model::AgendaItem& item : m.agenda)
    {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(item.order.c_str());
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", item.description.c_str());
        ImGui::TableNextColumn();
        if (!item.presenter_person_id.empty())
            ImGui::TextWrapped("%s", ui::PersonName(app, item.presenter_person_id).c_str());
        else if (!item.presenter_org_id.empty())
            ImGui::TextWrapped("%s", ui::OrgName(app, item.presenter_org_id).c_str());
    }
    ImGui::EndTable();
    }

    ui::Section(app, ui::Tr(ui::Str::Participants, lang));
    if (BeginBookTable("participants", {2, 2, 1},
                       {ui::Tr(ui::Str::Name, lang), ui::Tr(ui::Str::TitleAtMeeting, lang), ui::Tr(ui::Str::Role, lang)}))
    {
    for (const model::Participant& p : m.participants)
    {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        const std::string name = p.person_id.empty() ? p.name : ui::PersonName(app, p.person_id);
        ImGui::TextWrapped("%s", name.empty() ? ui::OrgName(app, p.organization_id).c_str() : name.c_str());
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", p.title_at_event.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(ui::TrCode(p.role_at_event, lang));
    }
    ImGui::EndTable();
    }

    ui::Section(app, ui::Tr(ui::Str::Documents, lang));
    if (m.documents.empty())
        ImGui::TextDisabled("%s", ui::Tr(ui::Str::NoneYet, lang));
    else if (BeginBookTable("documents", {1, 3, 0})) // kind, number and title, date
    {
        for (const model::MeetingDocument& d : m.documents)
        {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextWrapped("%s", ui::TrCode(d.doc_type, lang));
            ImGui::TableNextColumn();
            ImGui::TextWrapped("%s%s%s", d.number.c_str(), d.number.empty() ? "" : " – ", d.title.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(text::FormatDate(d.issued_date).c_str());
        }
        ImGui::EndTable();
    }
    DrawDecisions(app, m, file);
    ui::DrawMeetingAdditions(screen.additions[m.id], app, m, file);
}
} // namespace

void ui::DrawMeetingsScreen(MeetingsScreen& screen, AppState& app)
{
    const Language lang = app.settings.lang;
    if (!screen.selected.empty())
    {
        if (const model::Meeting* meeting = FindMeeting(app, screen.selected))
        {
            DrawBook(screen, app, *meeting);
            return;
        }
        screen.selected.clear();
    }
    if (!screen.new_meeting.creating)
        Heading(app, Tr(Str::NavMeetings, lang));
    if (DrawNewMeetingForm(screen.new_meeting, app))
        return;
    const std::vector<model::Meeting>& meetings = app.dataset.meetings;
    if (screen.order_version != app.data_version || screen.order.size() != meetings.size())
    {
        screen.order.clear();
        for (size_t i = 0; i < meetings.size(); ++i)
            screen.order.push_back(static_cast<int>(i));
        std::stable_sort(screen.order.begin(), screen.order.end(), [&](int a, int b) {
            return meetings[static_cast<size_t>(a)].start_date > meetings[static_cast<size_t>(b)].start_date;
        });
        screen.order_version = app.data_version;
    }
    if (meetings.empty())
    {
        ImGui::TextDisabled("%s", Tr(Str::NoneYet, lang));
        return;
    }
    const bool narrow = app.layout == Layout::Phone;
    if (ImGui::BeginTable("timeline", narrow ? 3 : 5,
                          ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY))
    {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn(Tr(Str::Year, lang), ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn(Tr(Str::Date, lang), ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn(Tr(Str::Meeting, lang), ImGuiTableColumnFlags_WidthStretch, 3);
        if (!narrow)
        {
            // A share of the width, wrapped: as wide as its longest kind it crowded the names out at a large text size.
            ImGui::TableSetupColumn(Tr(Str::Kind, lang), ImGuiTableColumnFlags_WidthStretch, 1);
            ImGui::TableSetupColumn(Tr(Str::Status, lang), ImGuiTableColumnFlags_WidthFixed);
        }
        ImGui::TableHeadersRow();
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(screen.order.size())); // the first row is measured
        while (clipper.Step())
            for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row)
            {
                const model::Meeting& m = meetings[static_cast<size_t>(screen.order[static_cast<size_t>(row)])];
                ImGui::TableNextRow(0, TouchHeight(app));
                ImGui::TableNextColumn();
                const int year = YearOfDate(m.start_date);
                const int prev_year = row > 0 ? YearOfDate(meetings[static_cast<size_t>(screen.order[static_cast<size_t>(row - 1)])].start_date) : 0;
                if (year != prev_year) // the timeline's year marker, on the first meeting of each year
                {
                    ImGui::AlignTextToFramePadding();
                    ImGui::PushFont(app.fonts.bold);
                    ImGui::Text("%d", year);
                    ImGui::PopFont();
                }
                ImGui::TableNextColumn();
                ImGui::AlignTextToFramePadding();
                ImGui::TextUnformatted(text::FormatDate(m.start_date).c_str());
                ImGui::TableNextColumn();
                const std::string label = m.name + "##" + m.id;
                if (Link(app, label.c_str()))
                    screen.selected = m.id;
                if (!narrow)
                {
                    ImGui::TableNextColumn();
                    ImGui::AlignTextToFramePadding();
                    ImGui::TextWrapped("%s", TrCode(m.classification, lang));
                    ImGui::TableNextColumn();
                    Badge(TrCode(m.status, lang), StatusColor(m.status), IM_COL32_WHITE);
                }
            }
        ImGui::EndTable();
    }
}
