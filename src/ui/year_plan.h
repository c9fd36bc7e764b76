// Running the year, as pure functions the year screen calls: who are the members of a new year (memberships in
// force, following successions), who chairs it (the cluster's rotation), what it copies from the last year, the
// one batch of changes that opens it, and whether its criteria table may still change. No ImGui, no I/O.
#pragma once

#include "core/edit/edit.h"
#include "core/model/model.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ui
{
struct PlannedMember
{
    std::string organization_id;              // the unit proposed for the new year
    std::vector<std::string> replaces;        // the members of the last year it succeeds ("" none: the same unit)
    bool needs_membership = false;            // no membership of the cluster in force yet: one is added
};

struct YearPlan
{
    int32_t year = 0;               // the new year, e.g. 2027
    std::string from_year_id;       // the year it is copied from ("" = none: an empty first year)
    std::string year_id;            // "year.cum1.2027"
    std::vector<PlannedMember> members;
    std::string chair_org_id;       // the last year's deputy (after succession), else the first member
    std::string deputy_org_id;      // proposed: the member after the chair in the list (the secretariat picks)
    std::string theme;              // the last year's theme, to be rewritten
    std::vector<model::Phase> phases; // the last year's phases (kinds), not started, dates moved a year on
    int criteria_count = 0;         // criteria copied (ids renamed to the new year)
};

// The organisation that stands for `org_id` on `date` (YYYY-MM-DD): itself, or - when it has ended by then (its
// dissolution date is before `date`, or it has successors founded on or before `date`, or of unknown founding) -
// its successor's successor, followed to the end. Several predecessors may lead to one successor.
std::string SuccessorOn(const model::Dataset& data, const std::string& org_id, const std::string& date);

// Is the membership in force in `year` (between start and end year, not ended before the year began)?
bool MembershipInForce(const model::ClusterMembership& m, int32_t year);

// Proposes the year after the latest one (or `year` when given) from the latest year of the dataset.
YearPlan ProposeYear(const model::Dataset& data, int32_t year = 0);

// The one step that opens the year: year.json, covenant.json (no commitments), results.json (empty), a
// self-assessment file per member, the rotation record, the memberships the successors need, and the ended
// memberships of the units they replace. `reason_prefix` words the end ("Hợp nhất vào").
std::vector<edit::Change> OpenYearChanges(const model::Dataset& data, const YearPlan& plan,
                                          const std::string& reason_prefix);

// "31/12/2027" (or "1/3/2027") -> "2027-12-31"; false when it is no valid date.
bool ParseDayMonthYear(const std::string& text, std::string* iso);

// The year's criteria table may change until its scoring opens: no self-assessment phase open or closed, no
// score in its self-assessments or results. Also refused for a closed year.
bool CriteriaLocked(const model::Dataset& data, const model::YearFile& year);

// The path of the loaded year file for `year_id` ("" when none).
std::string YearFilePath(const model::Dataset& data, const std::string& year_id);

// Changes that reorder the year's criteria so that the sibling `criterion_id` moves up (-1) or down (+1): the
// "order" fields of the two criteria swapped. Empty when it cannot move.
std::vector<edit::Change> MoveCriterion(const model::Dataset& data, const model::YearFile& year,
                                        const std::string& criterion_id, int direction);

// The years (newest first) in which `org_id` or one of its predecessors (followed back) was a member.
std::vector<std::pair<int32_t, std::string>> MemberYearsWithPredecessors(const model::Dataset& data,
                                                                         const std::string& org_id);
} // namespace ui
