// The checker's rules that need more than one field: kind-specific criterion fields, scores against their
// criterion, ballots' arithmetic, award quotas, paths matching contents, chairs being members, ...
// Runs on whatever part of a dataset is loaded; a rule whose data is missing is skipped. No I/O.
#pragma once

#include "core/check/issue.h"
#include "core/model/model.h"

#include <vector>

namespace check
{
void CheckRules(const model::Dataset& dataset, std::vector<Issue>* issues);
} // namespace check
