// Placeholder so the interface links; the engine lands in the next commit.
#include "core/scoring/scoring.h"

namespace scoring
{
Figure ScoreCriterion(const model::Criterion&, const model::Score&, model::Points) { return {}; }
Figure AggregateCross(const std::vector<model::Points>&, bool) { return {}; }
BallotOutcome EvaluateBallot(const model::Ballot& ballot, const model::VoteRules&, int64_t)
{
    BallotOutcome out;
    out.ballot_id = ballot.id;
    return out;
}
YearResult ComputeYear(const model::Dataset&, const std::string& year_id)
{
    YearResult out;
    out.year_id = year_id;
    return out;
}
std::vector<std::string> MembersOfYear(const model::Dataset&, int32_t) { return {}; }
} // namespace scoring
