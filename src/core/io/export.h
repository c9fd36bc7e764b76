// Exports for people and other programs: the year's results as CSV (for other programs: decimal points, commas
// between fields; a spreadsheet in Vietnamese, whose decimal sign is a comma, gets the .xlsx of core/docs instead) that Excel opens with Vietnamese intact
// (UTF-8 with a byte-order mark, comma-separated, RFC 4180 quoting), and the whole dataset as one JSON file (a
// Frictionless-style data package with every file inline). Pure functions; the platform saves the bytes.
#pragma once

#include "core/io/dataset.h"
#include "core/model/model.h"
#include "core/scoring/scoring.h"

#include <string>

namespace io
{
// One CSV field for any export: RFC 4180 quoting, and text a spreadsheet would run as a formula (it starts with
// = + - @ TAB or CR) gets a leading apostrophe. Every CSV (and spreadsheet cell) this program writes goes through it.
std::string CsvField(const std::string& text);

// One row per member in rank order: rank, unit, totals of each stage, ranking total, rating, tie-break rule.
std::string ResultsCsv(const model::Dataset& data, const scoring::YearResult& result);

// The dataset as one JSON file: datapackage.json's name and title, `created` (ISO 8601), and one resource per file
// it lists (name, path, format, schema_version, mediatype, encoding, bytes) with the file itself inline as "data".
// `files` are the files as this device has them (datasync::WorkingFiles). "" when there is no readable descriptor.
// No hash: SHA-256 lives in the server, and the browser build does not carry it.
std::string DataPackageJson(const DataFiles& files, const std::string& created);
// "thidua-cum1-2026-11-26.datapackage.json" for the package of `files` made on `date` ("YYYY-MM-DD").
std::string DataPackageFileName(const DataFiles& files, const std::string& date);
// The name a data file is saved under: its path's last part ("meetings/mtg.x.json" -> "mtg.x.json").
std::string DataFileName(const std::string& path);
} // namespace io
