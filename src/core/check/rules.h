// The checker's rules that need more than one field: kind-specific criterion fields, scores against their
// criterion, ballots' arithmetic, award quotas, paths matching contents, chairs being members, ...
// Runs on whatever part of a dataset is loaded; a rule whose data is missing is skipped. No I/O.
#pragma once

#include "core/check/issue.h"
#include "core/model/model.h"

#include <string>
#include <vector>

namespace check
{
void CheckRules(const model::Dataset& dataset, std::vector<Issue>* issues);
// What is wrong with `value` (hundredths) as a score of criterion `k` (not a group): above a manual criterion's
// maximum, not 0 or 1 for a qualitative one, not a whole count, a percentage above 100, negative; "" when it may be
// stored.
// The checker's message for /scores/<i>/value, also asked by the scoring screen before it stores a typed value.
std::string ScoreValueProblem(const model::Criterion& k, model::Points value);
} // namespace check
