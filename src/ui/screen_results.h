// Results: the scoring grid (members × criteria for one stage) with totals, rank and rating; tap or long-press a
// figure for its explanation; ballot tallies with the rule applied; award proposals. Editing of scores and tallies.
#pragma once

#include "ui/ballot_forms.h"

#include <string>

namespace ui
{
struct AppState;

enum class ResultsView
{
    Grid,
    Ballots,
    Awards,
};

struct ResultsScreen
{
    ResultsView view = ResultsView::Grid;
    std::string stage;          // "" = the stage the ranking uses
    bool all_criteria = false;  // every criterion of the tree, not only the top-level groups
    std::string selected_org;   // the figure whose explanation is open ("" = none)
    std::string selected_column; // a criterion id, or "base", "bonus", "penalty", "total", "rank", "rating"
    BallotForms ballot_forms;    // new ballot, the tally being corrected, proposals (secretariat)
};

void DrawResultsScreen(ResultsScreen& screen, AppState& app);
} // namespace ui
