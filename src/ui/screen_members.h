// Members: the member units in Vietnamese order with a search field, and one unit's page (names, area, head,
// roles by year, predecessor and successor organisations).
#pragma once

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
    // The sorted, filtered list, rebuilt only when the data or the query change (sorting 1,000 names per frame
    // would make the frame cost grow with the data).
    std::vector<int> order; // indexes into dataset.organizations
    std::vector<std::string> years; // "2018–2024" for each entry of `order`
    int64_t order_version = -1;
    std::string order_query;
    std::string order_year;
};

void DrawMembersScreen(MembersScreen& screen, AppState& app);
} // namespace ui
