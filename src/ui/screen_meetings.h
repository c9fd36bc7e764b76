// Meetings: a timeline by year, and each meeting as a meeting book (agenda, participants with their titles,
// documents, decisions and tasks). In edit mode the meeting's fields and task statuses can be changed.
#pragma once

#include "ui/meeting_forms.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace ui
{
struct AppState;

struct MeetingsScreen
{
    std::string selected; // meeting id of the open book ("" = the timeline)
    std::vector<int> order; // meetings newest first, rebuilt when the data changes
    int64_t order_version = -1;
    NewMeetingForm new_meeting;
    std::map<std::string, MeetingAdditions> additions; // by meeting id: what is typed into each book
};

void DrawMeetingsScreen(MeetingsScreen& screen, AppState& app);
} // namespace ui
