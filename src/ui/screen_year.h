// Running the year (the secretariat): close and reopen the year, open the next one from it (members following
// successions, chair by rotation, criteria copied, phases with dates), edit the criteria table until scoring
// opens, end a membership ("Hợp nhất vào ..."), add a member unit, add an organisation with its predecessors.
// Every change goes through ui::ApplyChanges / ui::EndRecord; controls are drawn only where ui::MayWrite holds.
#pragma once

#include "ui/year_plan.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ui
{
struct AppState;

enum class YearForm
{
    None,
    OpenYear,
    EndMembership,
    AddMember,
    AddOrganization,
    AddCriterion,
};

struct YearScreen
{
    YearForm form = YearForm::None;
    int view = 0;      // 0: the members of the year, 1: the criteria table, 2: the phases
    std::string error; // why the form's last "save" was refused before it reached the edit layer

    // Open a new year.
    YearPlan plan;
    std::vector<std::string> phase_from, phase_to; // dd/mm/yyyy as typed, one per plan.phases

    // End a membership.
    std::string membership_id;
    std::string end_date;     // dd/mm/yyyy
    std::string merged_into;  // organisation id ("" = another reason)
    std::string reason;       // the other reason, typed

    // Add a member unit / an organisation.
    std::string member_org;
    std::string start_year;
    std::string org_name, org_short, org_founding;
    std::vector<std::string> org_predecessors;

    // Add a criterion.
    std::string crit_code, crit_title, crit_points, crit_parent;
};

void DrawYearScreen(YearScreen& screen, AppState& app);
// The overview's entry point: a button to the year screen when this app may change the year.
void DrawYearEntry(AppState& app);
} // namespace ui
