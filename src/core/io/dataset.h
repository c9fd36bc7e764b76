// Reading and writing a dataset: bytes in, model::Dataset + every problem out, and back to bytes.
// Takes bytes, never paths: the browser, the server and the CLI each fetch the files their own way.
// Nothing here throws to the caller; a bad file never crashes the load and never replaces good data silently.
#pragma once

#include "core/check/issue.h"
#include "core/model/model.h"

#include <map>
#include <string>
#include <vector>

namespace io
{
using DataFiles = std::map<std::string, std::string>; // path relative to the data root -> bytes

constexpr const char* kDescriptorPath = "datapackage.json";
constexpr size_t kMaxFileBytes = 64u * 1024u * 1024u; // larger files are refused with a clear message

// The paths datapackage.json names (the browser fetches these). Problems with the descriptor go to *issues.
std::vector<std::string> ListDatasetFiles(const std::string& descriptor_bytes, std::vector<check::Issue>* issues);

struct LoadResult
{
    model::Dataset dataset;            // every usable file (older schema versions migrated in memory)
    std::vector<check::Issue> issues;  // every problem of every file, cross-file references included
};

// Parses and checks all files. `files` should hold datapackage.json and the files it lists; a file that
// cannot be used is left out of the dataset (its FileInfo says loaded = false) and reported.
LoadResult LoadDataset(const DataFiles& files);

// What the first screen needs, read fast: every file but the closed years' scores (results.json and the
// self-assessments of the years before the latest), and only each file's own problems (no references across
// files, no rules, no descriptor check). The app shows this at once and LoadDataset(files) a moment later, so a
// long history does not delay the first screen. Its issues are a subset of LoadDataset's.
LoadResult LoadLatestYear(const DataFiles& files);

// One file on its own (no datapackage.json, references to other files not checked). The kind comes
// from the path when it follows the layout, otherwise from the file's "format".
LoadResult LoadSingleFile(const std::string& path, const std::string& bytes);

// One file as the deterministic JSON this build writes: keys sorted, 2-space indent, trailing newline.
// Returns "" when the dataset has no loaded, writable file at `path` (read-only files are never written). Loading a written file and writing it again gives
// the same bytes.
std::string WriteFile(const model::Dataset& dataset, const std::string& path);

// The format a path must hold ("years/2021/year.json" -> Year), from the layout rules.
model::FileKind KindOfPath(const std::string& path);
const char* FormatName(model::FileKind kind); // "thidua.year"
// The writer datapackage.json must name for a path: "member:<org-id>" for a unit's self-assessment, else
// "secretariat".
std::string WriterOfPath(const std::string& path);
} // namespace io
