// Which URL paths map to which files: MIME types, the data allow-list and the web folder's path rules.
// Pure string functions, no I/O except the symlink check in ResolveUnder.
#pragma once

#include <string>

namespace server
{
// Content-Type for a file name by its extension ("application/octet-stream" when unknown).
std::string MimeType(const std::string& file_name);

// Checks a data path relative to the data folder (e.g. "years/2025/self/org.sotnmt.27.json") against the
// allow-list. Returns "" when allowed, otherwise the reason it is refused.
std::string CheckDataPath(const std::string& path);

// For role rules: the org id of "years/<yyyy>/self/<org-id>.json", or "" for any other path.
std::string SelfAssessmentOrg(const std::string& path);

// Checks a path below the web folder ("" or "assets/x.png"): no "..", no backslash, no NUL, not absolute.
std::string CheckWebPath(const std::string& path);

// Joins root + relative and verifies the real path (symlinks resolved) stays inside root.
// Returns "" and sets *full on success; the file itself need not exist (its folder is checked then).
std::string ResolveUnder(const std::string& root, const std::string& relative, std::string* full);
} // namespace server
