// What a role may do, and the content checks the server makes itself before a write: strict JSON (no duplicate
// keys) and, for a member unit, that every record in its file is its own.
#pragma once

#include "core/check/issue.h"
#include "server/tokens.h"

#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <vector>

namespace server
{
// "" when `who` may PUT the data path, otherwise the reason (for a 403). The rule is core's access table
// (roles::WriteRefusal), applied to the dataset as it stands (path -> bytes).
std::string WriteRefusal(const Principal& who, const std::string& path,
                         const std::map<std::string, std::string>& dataset);

// The bytes of data file `path` as `who` may receive them: private contact details ("private": true in a
// registry file's contact_details) are taken out for a role that may not see them (roles::MaySeePrivate).
// Everything else is sent as stored. The ETag a role sees is the ETag of these bytes. A registry file nested
// deeper than io::kMaxJsonDepth (only a hand edit can make one) is sent to such a role as nothing.
std::string ForRole(const Principal& who, const std::string& path, std::string bytes);

// Parses `bytes` as one JSON document (core's io::ParseDataJson): refuses duplicate keys, nesting deeper than
// `max_depth` (before parsing), numbers out of range and a UTF-8 byte-order mark. Issues name the file and pointer.
std::vector<check::Issue> ParseStrict(const std::string& path, const std::string& bytes, nlohmann::json* out,
                                      size_t max_depth);

// For a member unit's write: every "subject_org_id" and "scorer_org_id", and a top-level "org_id" or
// "organization_id", must be `org`.
std::vector<check::Issue> CheckUnitContent(const std::string& path, const std::string& org,
                                           const nlohmann::json& doc);
} // namespace server
