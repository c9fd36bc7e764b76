#include "core/check/issue.h"

std::string check::FormatIssue(const Issue& issue)
{
    std::string line = issue.file + ":";
    if (!issue.pointer.empty())
        line += issue.pointer + ":";
    line += " ";
    if (issue.severity == Severity::Warning)
        line += "warning: ";
    return line + issue.message;
}

bool check::HasErrors(const std::vector<Issue>& issues)
{
    for (const Issue& issue : issues)
        if (issue.severity == Severity::Error)
            return true;
    return false;
}
