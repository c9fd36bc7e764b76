// The pure part of running the year's work on screen: reading dates and times as people type them, the new
// meeting's file, titles frozen at a meeting, what a self-assessment field asks for, the tally check of a ballot,
// the next round, and award proposals that follow the ballot. No ImGui, no I/O: forms build edit::Change lists
// from these, and tests/ui checks them.
#pragma once

#include "core/edit/edit.h"
#include "core/model/model.h"
#include "core/scoring/scoring.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace ui
{
// ---- dates and times ----
// "15/12/2027", "5/3/2027" -> "2027-12-15", "2027-03-05"; "" when the text is not a real date.
std::string ParseDateVi(const std::string& text);
// "8:30", "08:30", "14h", "14h30" -> "08:30", "14:00", "14:30"; "" when it is not a time of day.
std::string ParseTimeVi(const std::string& text);
// Hundredths as the JSON number a data file holds (825 -> 8.25, 900 -> 9).
nlohmann::json PointsJson(model::Points v);
// "2027-12-15" -> "15/12/2027" (what a date field shows).
std::string DateVi(const std::string& iso);

// The cluster's part of a new record's id ("cluster.cum1" -> "cum1": "mtg.cum1.2027-12-15-tong-ket"), so that
// every cluster of a deployment names its records as its own files do.
std::string ClusterStem(const model::Dataset& data);

// ---- meetings ----
// The meeting kinds the form offers (codes of Meeting::classification).
extern const char* const kMeetingKinds[4];
// "Hội nghị tổng kết công tác thi đua năm 2027 của Cụm thi đua số I" from the kind and the year.
std::string ProposedMeetingName(const std::string& kind, int32_t year, const std::string& cluster_short);
// A short Vietnamese slug for the meeting's id ("tong-ket", "giao-uoc", "so-ket", "hop").
const char* MeetingSlug(const std::string& kind);

struct NewMeeting // what the "Hội nghị mới" form collects
{
    std::string kind = "year_end_summary";
    std::string date;  // YYYY-MM-DD
    std::string time;  // HH:MM or ""
    std::string host_org_id;
    std::string venue;
    std::string name;
    std::string year_id; // the year the date falls in ("" when there is none)
};

// The meeting's file path ("meetings/<id>.json") and whole document, status "confirmed".
std::string MeetingPath(const std::string& meeting_id);
nlohmann::json MeetingDocument(const NewMeeting& m, const std::string& meeting_id);
// The year record whose year is the date's year, or nullptr.
const model::YearFile* YearOfDateIn(const model::Dataset& data, const std::string& iso_date);

// The person's post in force on `date` (start <= date, no end or end >= date): its label, else role + the
// organisation's short name. `org_id` receives the post's organisation. "" when no post is in force.
std::string TitleOn(const model::Dataset& data, const model::Person& person, const std::string& date,
                    std::string* org_id);

// ---- self-assessment ----
enum class InputKind
{
    Result,   // quantitative: the raw result in the criterion's unit ("Tỷ lệ đạt, %")
    Achieved, // qualitative: đạt / không đạt
    Count,    // per_occurrence, bonus, penalty: how many times
    Points,   // manual: the points given
    None,     // group: nothing to enter
};
InputKind InputKindOf(const model::Criterion& c);
// The year's criteria in tree order: each top-level criterion by `order`, then its children by `order`.
std::vector<const model::Criterion*> CriteriaInTreeOrder(const model::YearFile& year);
// The criteria of a year a unit enters values for (every kind but group), in tree order.
std::vector<const model::Criterion*> InputCriteria(const model::YearFile& year);
// The points a raw value gives for the criterion (scoring::ScoreCriterion with no leader).
scoring::Figure PointsFor(const model::Criterion& c, model::Points value);
// Self-assessment files of the year that have a submitted_date / all of them (for "7/10 đơn vị đã gửi").
int32_t SubmittedCount(const model::Dataset& data, const std::string& year_id, int32_t* total);

// ---- ballots ----
struct TallyDraft // the counts of a ballot as being typed (screen state until "Lưu kết quả kiểm phiếu")
{
    std::string ballot_id;
    int64_t members_present = 0;
    int64_t issued = 0;
    int64_t returned = 0;
    int64_t valid = 0;
    int64_t invalid = 0;
    std::vector<std::string> options; // candidates, in the ballot's order
    std::vector<int64_t> votes;       // one per option
};

enum class TallyProblem
{
    ReturnedOverIssued,  // more ballots returned than issued
    ValidInvalidSum,     // valid + invalid != returned
    VotesOverChoices,    // a candidate has more votes than valid ballots, or the votes exceed valid × max choices
    IssuedOverPresent,   // more ballots issued than members present (one ballot per unit)
    Negative,            // a count below zero
};
// Everything wrong with the tally as a whole (empty = it may be saved).
std::vector<TallyProblem> CheckTally(const TallyDraft& t, int32_t max_choices);
TallyDraft DraftOf(const model::Ballot& b);
// The Set changes that write the draft into the ballot (counts as a whole list, in candidate order).
std::vector<edit::Change> TallyChanges(const std::string& file, const model::Ballot& b, const TallyDraft& t);
// The ballot of the next round for the tied (or all remaining) candidates, counts at zero.
nlohmann::json NextRoundBallot(const model::Ballot& b, const std::vector<std::string>& candidates,
                               const std::string& id);

// ---- award proposals ----
// The changes that make the year's proposals follow `result` (computed from the data as it will be): proposals
// of the rules not yet there are added as drafts; draft/agreed proposals the rules no longer give are ended
// ("Kết quả bỏ phiếu thay đổi"). Submitted and decided ones are left as they are.
std::vector<edit::Change> ProposalChanges(const model::Dataset& data, const std::string& results_file,
                                          const model::Results& results, const scoring::YearResult& result,
                                          const std::string& today, const std::string& reason);
// The statuses a proposal goes through, in order.
extern const char* const kProposalStatuses[5];
} // namespace ui
