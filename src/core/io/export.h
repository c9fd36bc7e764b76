// Exports for people and other programs: the year's results as CSV that Excel opens with Vietnamese intact
// (UTF-8 with a byte-order mark, comma-separated, RFC 4180 quoting). Pure functions; the platform saves the bytes.
#pragma once

#include "core/model/model.h"
#include "core/scoring/scoring.h"

#include <string>

namespace io
{
// One row per member in rank order: rank, unit, totals of each stage, ranking total, rating, tie-break rule.
std::string ResultsCsv(const model::Dataset& data, const scoring::YearResult& result);
} // namespace io
