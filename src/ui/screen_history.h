// History: totals and ranks across years as a chart drawn with ImDrawList, and the leading unit of each year.
#pragma once

#include "core/scoring/scoring.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ui
{
struct AppState;

struct HistoryYear
{
    int32_t year = 0;
    scoring::YearResult result;
    std::string leader_org_id; // elected by the honour_leader ballot, else ranked first
    bool leader_by_ballot = false;
    bool scoring_open = false; // some members have scores and some not yet: no leader by rank
};

struct HistoryScreen
{
    bool show_totals = false;  // chart totals instead of ranks
    std::string highlighted;   // organisation drawn on top in bold
    std::vector<HistoryYear> years; // computed once per data version
    int64_t version = -1;
};

void DrawHistoryScreen(HistoryScreen& screen, AppState& app);
} // namespace ui
