// Members: the member units in Vietnamese order with a search field, and one unit's page (names, area, head,
// contacts, roles by year, predecessor and successor organisations).
#pragma once

#include "core/model/model.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ui
{
struct AppState;

struct MembersScreen
{
    std::string query;    // what the search field holds
    std::string selected; // organisation id of the open page ("" = the list)
    std::string private_shown_for; // the page whose private contacts a person chose to see ("" = masked)
    std::string copied;   // the contact value last copied to the clipboard (shows "copied" next to it)
    // The sorted, filtered list, rebuilt only when the data or the query change (sorting 1,000 names per frame
    // would make the frame cost grow with the data).
    std::vector<int> order; // indexes into dataset.organizations
    std::vector<std::string> years; // "2018–2024" for each entry of `order`
    int64_t order_version = -1;
    std::string order_query;
    std::string order_year;
};

void DrawMembersScreen(MembersScreen& screen, AppState& app);

// The unit's own contacts and those of the people holding a post there on `on` (YYYY-MM-DD). Tapping a value
// copies it. Private contacts are masked unless `show_private`, and never drawn in presentation mode. Returns
// how many private contacts there are (drawn or not).
int DrawContacts(AppState& app, const model::Organization& org, const std::string& on, bool show_private,
                 std::string* copied);
} // namespace ui
