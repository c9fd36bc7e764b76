// The secretariat's meeting forms (see meeting_forms.h): every button builds one list of edit::Change and hands
// it to ui::ApplyChanges, so each addition is one undoable, checked, synced step.
#include "ui/meeting_forms.h"

#include "core/text/text.h"
#include "ui/app.h"
#include "ui/edit_fields.h"
#include "ui/widgets.h"
#include "ui/year_work.h"

#include <imgui.h>

#include <algorithm>

namespace
{
float FieldWidth(const ui::AppState& app)
{
    return std::min(ImGui::GetContentRegionAvail().x, ui::Dp(app, 520) * app.settings.text_scale);
}

// A text field with its label above it (labels beside a field run off a phone's edge).
void Field(ui::AppState& app, ui::Str label, const char* id, std::string* value, ui::FieldKind kind = ui::FieldKind::Text)
{
    const char* text = ui::Tr(label, app.settings.lang);
    ImGui::TextDisabled("%s", text);
    const std::string full = "##" + std::string(text); // accessible name = the visible label; `id` keeps it unique
    ImGui::PushID(id);
    if (kind == ui::FieldKind::Date)
        ui::DateTextField(app, full.c_str(), value, FieldWidth(app));
    else
    {
        ImGui::SetNextItemWidth(FieldWidth(app));
        ui::TextField(app.text_edit, full.c_str(), value, kind, kind == ui::FieldKind::Multiline ? ui::Dp(app, 90) : 0);
    }
    ImGui::PopID();
}

using ui::ErrorLine;

// A button that adds what is typed in `text`; with nothing typed it puts `missing` in `error` and adds nothing.
bool AddButton(ui::AppState& app, ui::Str label, const std::string& text, ui::Str missing, std::string* error)
{
    if (!ui::TouchButton(app, ui::Tr(label, app.settings.lang)))
        return false;
    *error = text.empty() ? ui::Tr(missing, app.settings.lang) : "";
    return !text.empty();
}

// Toggle buttons for units: tapping one adds it to or removes it from `chosen` (or sets it when `single`).
void UnitChoice(ui::AppState& app, const std::vector<std::string>& units, std::vector<std::string>* chosen)
{
    for (size_t i = 0; i < units.size(); ++i)
    {
        const std::string name = ui::OrgName(app, units[i]);
        if (i > 0)
            ui::Flow(ui::ButtonWidth(name.c_str()));
        const auto at = std::find(chosen->begin(), chosen->end(), units[i]);
        ImGui::PushID(units[i].c_str());
        if (ui::TouchButton(app, name.c_str(), 0, at != chosen->end()))
        {
            if (at == chosen->end())
                chosen->push_back(units[i]);
            else
                chosen->erase(at);
        }
        ImGui::PopID();
    }
}

std::vector<std::string> UnitsFor(const ui::AppState& app, const std::string& iso_date)
{
    if (iso_date.size() == 10)
    {
        std::vector<std::string> units = scoring::MembersOfYear(app.dataset, std::atoi(iso_date.substr(0, 4).c_str()));
        if (!units.empty())
            return units;
    }
    return app.year_members;
}
} // namespace

bool ui::DrawNewMeetingForm(NewMeetingForm& f, AppState& app)
{
    const Language lang = app.settings.lang;
    if (!f.opening.empty())
    {
        if (FindMeeting(app, f.opening))
        {
            app.meetings.selected = f.opening;
            f = NewMeetingForm{};
            return false;
        }
        if (app.edit.requests.empty() && !app.data_changed)
            f.opening.clear(); // refused: the status line says why; the form stays filled in
    }
    if (!f.creating)
    {
        if (MayWrite(app, "meetings/") && TouchButton(app, Tr(Str::NewMeeting, lang)))
        {
            f = NewMeetingForm{};
            f.creating = true;
            // Today, when the year on screen is this year; another year's date is typed or picked, not invented.
            const std::string today = Today(app);
            const model::YearFile* year = SelectedYear(app);
            if (!year || today.compare(0, 4, std::to_string(year->year.year)) == 0)
                f.date_text = DateVi(today);
        }
        return false;
    }
    Heading(app, Tr(Str::NewMeeting, lang));
    ImGui::TextDisabled("%s", Tr(Str::MeetingKind, lang));
    for (int i = 0; i < 4; ++i)
    {
        const char* label = TrCode(kMeetingKinds[i], lang);
        if (i > 0)
            Flow(ButtonWidth(label));
        if (TouchButton(app, label, 0, f.kind == kMeetingKinds[i]))
            f.kind = kMeetingKinds[i];
    }
    Field(app, Str::DateDmy, "date", &f.date_text, ui::FieldKind::Date);
    Field(app, Str::TimeHm, "time", &f.time_text);
    const std::string date = ParseDateVi(f.date_text);
    ImGui::TextDisabled("%s", Tr(Str::HostUnit, lang));
    std::vector<std::string> host;
    if (!f.host_org_id.empty())
        host.push_back(f.host_org_id);
    UnitChoice(app, UnitsFor(app, date), &host);
    f.host_org_id = host.empty() ? "" : host.back(); // one host: the newest tap wins
    if (!f.host_org_id.empty() && f.venue.empty())
        f.venue = OrgName(app, f.host_org_id);
    Field(app, Str::Venue, "venue", &f.venue);
    if (!f.name_typed && date.size() == 10)
    {
        // "… của Cụm thi đua số I": the short name, without the ministry's (the 2025 merger renamed that one)
        const model::Organization* cluster = FindOrganization(app, app.dataset.cluster.cluster.organization_id);
        const std::string short_name = !cluster ? "" : cluster->short_name.empty() ? cluster->name : cluster->short_name;
        f.name = ProposedMeetingName(f.kind, std::atoi(date.substr(0, 4).c_str()), short_name);
    }
    const std::string before = f.name;
    Field(app, Str::MeetingName, "name", &f.name);
    if (f.name != before)
        f.name_typed = true;
    ErrorLine(f.error);
    if (TouchButton(app, Tr(Str::CreateMeeting, lang)))
    {
        const std::string time = ParseTimeVi(f.time_text);
        f.error.clear();
        if (f.date_text.empty())
            f.error = Tr(Str::DateRequired, lang);
        else if (date.empty())
            f.error = Tr(Str::BadDate, lang);
        else if (!f.time_text.empty() && time.empty())
            f.error = Tr(Str::BadTime, lang);
        else if (f.venue.empty()) // the meeting file requires a venue: asked here, in words, not by the checker
            f.error = Tr(Str::VenueRequired, lang);
        else if (f.name.empty())
            f.error = Tr(Str::NameRequired, lang);
        else
        {
            NewMeeting m;
            m.kind = f.kind;
            m.date = date;
            m.time = time;
            m.host_org_id = f.host_org_id;
            m.venue = f.venue;
            m.name = f.name;
            if (const model::YearFile* y = YearOfDateIn(app.dataset, date))
                m.year_id = y->year.id;
            const std::string id = edit::NewId(app.dataset, "mtg." + ClusterStem(app.dataset), date + " " + MeetingSlug(f.kind));
            ApplyChanges(app, {edit::CreateChange(MeetingPath(id), MeetingDocument(m, id))});
            f.opening = id;
        }
    }
    ImGui::SameLine();
    if (TouchButton(app, Tr(Str::ImportCancel, lang)))
        f = NewMeetingForm{};
    return true;
}

void ui::DrawMeetingAdditions(MeetingAdditions& f, AppState& app, const model::Meeting& m, const std::string& file)
{
    if (file.empty() || !MayWrite(app, file))
        return;
    const Language lang = app.settings.lang;
    const std::string date = m.start_date;
    const std::string year = date.size() >= 4 ? date.substr(0, 4) : "";

    // ---- agenda ----
    Section(app, Tr(Str::AddAgendaItem, lang));
    Field(app, Str::AgendaText, "agenda", &f.agenda_text);
    ErrorLine(f.agenda_error);
    if (AddButton(app, Str::AddToAgenda, f.agenda_text, Str::TextRequired, &f.agenda_error))
    {
        const nlohmann::json item = {{"id", edit::NewId(app.dataset, "agenda." + date, f.agenda_text)},
                                     {"order", std::to_string(m.agenda.size() + 1)},
                                     {"description", f.agenda_text}};
        ApplyChanges(app, {edit::AddChange(file, "/meeting/agenda", item)});
        f.agenda_text.clear();
    }

    // ---- attendees ----
    Section(app, Tr(Str::AddAttendee, lang));
    Field(app, Str::FindPerson, "person", &f.person_search);
    const std::string needle = FoldForSearch(f.person_search);
    int shown = 0;
    for (const model::Person& p : app.dataset.people)
    {
        if (shown >= 6)
            break;
        if (std::any_of(m.participants.begin(), m.participants.end(),
                        [&](const model::Participant& x) { return x.person_id == p.id; }))
            continue;
        if (!needle.empty() && FoldForSearch(p.name).find(needle) == std::string::npos)
            continue;
        if (needle.empty() && shown >= 3)
            break;
        ++shown;
        std::string org;
        const std::string title = TitleOn(app.dataset, p, date, &org);
        const std::string label = PersonName(app, p.id) + (title.empty() ? "" : " · " + title) + "##add-" + p.id;
        if (TouchButton(app, label.c_str()))
        {
            nlohmann::json part = {{"id", edit::NewId(app.dataset, "part." + date, p.name)},
                                   {"person_id", p.id},
                                   {"name", p.name},
                                   {"role_at_event", "delegate"}};
            if (!title.empty())
                part["title_at_event"] = title;
            if (!org.empty())
                part["organization_id"] = org;
            ApplyChanges(app, {edit::AddChange(file, "/meeting/participants", part)});
            f.person_search.clear();
        }
    }
    Field(app, Str::GuestName, "guest", &f.guest_name);
    Field(app, Str::GuestTitle, "guest-title", &f.guest_title);
    ErrorLine(f.guest_error);
    if (AddButton(app, Str::AddGuest, f.guest_name, Str::GuestNameRequired, &f.guest_error))
    {
        nlohmann::json part = {{"id", edit::NewId(app.dataset, "part." + date, f.guest_name)},
                               {"name", f.guest_name},
                               {"role_at_event", "guest_of_honour"}};
        if (!f.guest_title.empty())
            part["title_at_event"] = f.guest_title;
        ApplyChanges(app, {edit::AddChange(file, "/meeting/participants", part)});
        f.guest_name.clear();
        f.guest_title.clear();
    }

    // ---- decisions and tasks ----
    Section(app, Tr(Str::AddDecision, lang));
    const char* kinds[] = {"conclusion", "task"};
    for (int i = 0; i < 2; ++i)
    {
        if (i > 0)
            ImGui::SameLine();
        if (TouchButton(app, TrCode(kinds[i], lang), 0, f.decision_kind == kinds[i]))
            f.decision_kind = kinds[i];
    }
    Field(app, Str::DecisionNewText, "decision", &f.decision_text, FieldKind::Multiline);
    ImGui::TextDisabled("%s", Tr(Str::OwnerUnits, lang));
    UnitChoice(app, UnitsFor(app, date), &f.decision_owners);
    Field(app, Str::DeadlineDmy, "due", &f.decision_due_text, ui::FieldKind::Date);
    ErrorLine(f.decision_error);
    if (TouchButton(app, Tr(Str::AddDecisionButton, lang)))
    {
        const std::string due = ParseDateVi(f.decision_due_text);
        f.decision_error.clear();
        if (f.decision_text.empty())
            f.decision_error = Tr(Str::TextRequired, lang);
        else if (!f.decision_due_text.empty() && due.empty())
            f.decision_error = Tr(Str::BadDate, lang);
        else
        {
            nlohmann::json d = {{"id", edit::NewId(app.dataset, "dec." + ClusterStem(app.dataset) + "." + year, f.decision_text)},
                                {"kind", f.decision_kind},
                                {"text", f.decision_text}};
            if (!f.decision_owners.empty())
                d["assignee_org_ids"] = f.decision_owners;
            if (!due.empty())
                d["due_date"] = due;
            if (f.decision_kind == "task")
                d["status"] = "open";
            ApplyChanges(app, {edit::AddChange(file, "/meeting/decisions", d)});
            f.decision_text.clear();
            f.decision_owners.clear();
            f.decision_due_text.clear();
        }
    }

    if (m.status != "passed")
    {
        ImGui::Spacing();
        if (TouchButton(app, Tr(Str::MarkHeld, lang)))
            ApplyChanges(app, {edit::SetChange(file, m.id, "status", "passed")});
    }
}
