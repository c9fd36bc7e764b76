// One problem found in a data file, as the checker reports it: `file:/json/pointer: message`.
// Shared by the app, the server and the CLI; plain data only.
#pragma once

#include <string>
#include <vector>

namespace check
{
enum class Severity
{
    Error,   // the file cannot be used as it is
    Warning, // usable, but a person should look (e.g. a newer schema_version: read-only)
};

struct Issue
{
    std::string file;    // path relative to the data folder, e.g. "years/2021/results.json"
    std::string pointer; // RFC 6901 JSON pointer into the file ("" = the whole file)
    std::string message; // readable by a secretariat official
    Severity severity = Severity::Error;
};

// "file:/json/pointer: message" (or "file: message" when the pointer is empty).
std::string FormatIssue(const Issue& issue);

bool HasErrors(const std::vector<Issue>& issues);
} // namespace check
