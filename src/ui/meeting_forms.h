// The secretariat's meeting forms, drawn inside the Meetings screen: "Hội nghị mới" (kind, date, time, host,
// venue, a proposed name) creating meetings/<id>.json, and in the meeting book the additions (agenda item,
// attendee from the people registry with the title frozen on the meeting date, guest by name, decision or task
// with owners, deadline and status) and "Đã diễn ra". Each is one edit step; nothing is written until its button.
#pragma once

#include <string>
#include <vector>

namespace model
{
struct Meeting;
}

namespace ui
{
struct AppState;

struct NewMeetingForm
{
    bool creating = false;      // the form is open instead of the timeline
    std::string kind = "year_end_summary";
    std::string date_text;      // "15/12/2027" as typed
    std::string time_text;      // "08:30"
    std::string host_org_id;    // a member unit of the year
    std::string venue;
    std::string name;           // proposed from kind + year until the person types their own
    bool name_typed = false;
    std::string opening;        // the id of the meeting just asked for: opened once it exists
    std::string error;          // why "Tạo hội nghị" did nothing (a field to fix), shown above it
};

// What is being typed into one meeting book's additions. The screen keeps one per meeting, so a half-typed item
// stays with its meeting: it neither follows the secretariat into another book nor is lost on the way back.
struct MeetingAdditions
{
    std::string agenda_text;
    std::string agenda_error; // why the button under it did nothing
    std::string person_search;
    std::string guest_name;
    std::string guest_title;
    std::string guest_error;
    std::string decision_text;
    std::string decision_kind = "task";
    std::vector<std::string> decision_owners; // organisation ids
    std::string decision_due_text;
    std::string decision_error;
};

// The timeline's "Hội nghị mới" button (when the user may create meetings) and, while `creating`, the form.
// Returns true when the form is drawn (the timeline is then not).
bool DrawNewMeetingForm(NewMeetingForm& form, AppState& app);
// The additions at the end of a meeting book (only where the user may write `file`).
void DrawMeetingAdditions(MeetingAdditions& additions, AppState& app, const model::Meeting& meeting, const std::string& file);
} // namespace ui
