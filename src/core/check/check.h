// The checker: every problem of a dataset or of one file, as check::Issue values (file, JSON pointer, message).
// The same code serves the app, the server (before it accepts a PUT) and `thidua check`. No I/O here.
#pragma once

#include "core/check/issue.h"
#include "core/io/dataset.h"

#include <string>
#include <vector>

namespace check
{
// All issues of all files, including references across files and rules that need several files
// (a score above its criterion's maximum, a chair who is not a member, ...).
std::vector<Issue> CheckDataset(const io::DataFiles& files);

// One file on its own: syntax, types, missing fields, ranges, duplicate ids, text, dates, schema_version.
// References to records in other files are not checked.
std::vector<Issue> CheckFile(const std::string& path, const std::string& bytes);
} // namespace check
