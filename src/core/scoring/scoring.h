// The scoring, voting and award engine: pure functions from a model::Dataset to figures with explanations.
// No I/O, no state, nothing stored: the app recomputes after each edit and shows every `explanation`.
// All points are integer hundredths; means are rounded half away from zero to the hundredth.
#pragma once

#include "core/model/model.h"

#include <string>
#include <vector>

namespace scoring
{
struct Figure // a computed number and why it is what it is (Vietnamese, for the screen)
{
    model::Points value = 0;
    std::string explanation;
};

// ---- [SECTION] criteria and stages ----------------------------------------------------------------------

struct CriterionResult
{
    std::string criterion_id;
    Figure score;
    int32_t scorers = 0;  // how many inputs were combined (cross stage: scores of other members)
    bool missing = false; // no input at this stage: counted as 0
};

struct StageTotal
{
    std::string stage;       // self, cross, review, final
    bool has_scores = false; // at least one input at this stage for this unit
    Figure base;             // sum of the top-level criteria (groups capped at their maximum)
    Figure bonus;            // bonus points, capped at the ruleset's bonus_cap
    Figure penalty;          // penalty points (subtracted)
    Figure total;            // base + bonus - penalty
    std::vector<CriterionResult> criteria; // every criterion of the tree, in tree order
};

// One criterion score from one input. `leader_actual` is the highest `actual` entered for this criterion
// among all units at this stage by this scorer (quantitative criteria only; used for "leading the cluster").
Figure ScoreCriterion(const model::Criterion& criterion, const model::Score& input, model::Points leader_actual);

// Cross scores of other members combined into one: the mean, optionally without one highest and one
// lowest value (only when at least 3 remain after dropping).
Figure AggregateCross(const std::vector<model::Points>& values, bool drop_extremes);

// ---- [SECTION] ranking and rating -----------------------------------------------------------------------

struct MemberResult
{
    std::string organization_id;
    std::vector<StageTotal> stages; // self, then cross or review (the ruleset's second_stage), then final
    Figure ranking_total;           // the total ranked on (from `YearResult::ranking_stage`)
    int32_t rank = 0;               // 1-based; units still tied share a rank (1, 2, 2, 4); 0 = not ranked: no score
                                    // at the ranking stage yet (listed after the ranked units, no rating, no award)
    std::string tie_broken_by;      // the tie-break rule that placed this unit, "" when there was no tie
    std::string tie_broken_by_name; // that rule in words ("điểm thưởng cao hơn"), "" when there was no tie
    std::string rank_explanation;
    std::string rating_id;          // the rating band reached, "" = none
    std::string rating_label;
    std::string rating_explanation;
};

struct Tie // units with equal totals, and how the tie was handled
{
    std::vector<std::string> organization_ids; // in final order
    model::Points total = 0;
    std::string broken_by; // the rule that separated them ("group:<id>", "bonus", ...); "" = still tied
    bool resolved = false;
    std::string explanation;
};

// ---- [SECTION] secret ballots ---------------------------------------------------------------------------

struct BallotOutcome
{
    std::string ballot_id;
    std::string result;                // pass, tie, fail, no_quorum
    std::vector<std::string> winners;  // candidates elected (at most `seats`)
    std::vector<std::string> next_round_candidates; // for tie/fail when another round may be held
    bool another_round = false;        // the rules allow another round and it is needed
    int64_t members_total = 0;
    int64_t base = 0;                  // the number the threshold is measured against
    int64_t votes_needed = 0;          // the least number of votes that passes the threshold
    std::string explanation;
};

// `names`: the dataset whose organisations name the options in the explanation (else the options as they are).
BallotOutcome EvaluateBallot(const model::Ballot& ballot, const model::VoteRules& rules, int64_t members_total,
                             const model::Dataset* names = nullptr);

// ---- [SECTION] the whole year ---------------------------------------------------------------------------

struct ProposedAward
{
    std::string award_type;
    std::string organization_id;
    std::string explanation;
};

struct YearResult
{
    std::string year_id;
    bool found = false;                // false: no such year in the dataset
    std::string ranking_stage;         // the latest stage that has scores: final, else cross/review, else self
    std::vector<std::string> member_ids; // members of the cluster that year
    std::vector<MemberResult> members;   // ordered by rank, the units not ranked yet (rank 0) last
    int32_t unranked = 0;                // members with no score at the ranking stage: the ranking is not complete
    std::vector<Tie> ties;
    std::vector<BallotOutcome> ballots;  // in file order
    std::vector<ProposedAward> proposed_awards; // what the rules suggest, within the quotas
    std::vector<std::string> notes;      // things a person should look at (quota exceeded, ...)
};

YearResult ComputeYear(const model::Dataset& dataset, const std::string& year_id);

// A stage as the screens and papers name it, in lower case: "self" -> "tự chấm", "final" -> "thống nhất".
std::string StageName(const std::string& stage);

// Members of the cluster in `year` (from cluster.json memberships), in registry order.
std::vector<std::string> MembersOfYear(const model::Dataset& dataset, int32_t year);

// The body the cluster belongs to on `date` (yyyy-mm-dd): the cluster organisation's parent, or the successor of a
// parent dissolved before that date (the 2025 merger: Bộ TN&MT -> Bộ NN&MT). No date: the parent. Null: none known.
const model::Organization* ParentBodyOn(const model::Dataset& dataset, const std::string& date);

// The cluster's name as `year` knows it (screens and slides): cluster.json's name, with its parent body's name
// replaced by the successor's when that body was dissolved before the year's end. A name that does not mention the
// dissolved body, or year 0, keeps cluster.json's name (the package title when that is empty).
std::string ClusterNameIn(const model::Dataset& dataset, int32_t year);
} // namespace scoring
