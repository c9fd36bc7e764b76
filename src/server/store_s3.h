// The bucket store behind store.h's functions (an s3:// location), and the helpers both stores share.
// Internal to src/server: callers use store.h.
#pragma once

#include "server/store.h"

namespace server
{
namespace bucket
{
std::string Open(const std::string& location, const StoreOptions& options, bool writable, Store* store);
Listing CurrentFiles(Store& store);
std::string ReadDataset(Store& store, std::map<std::string, std::string>* files);
bool ReadDataFile(const Store& store, const std::string& path, std::string* bytes, std::string* error);
WriteResult CheckPrecondition(const Store& store, const std::string& path, const Precondition& pre);
WriteResult WriteDataFile(Store& store, const WriteRequest& request);
std::vector<AuditEntry> ReadAudit(Store& store, const std::string& path);
bool ReadHistoryVersion(const Store& store, const std::string& path, const std::string& bare_etag, std::string* bytes);
std::string ReadObjectAt(const std::string& location, const StoreOptions& options, const std::string& key,
                         std::string* bytes, bool* found);
std::string ListSubLocations(const std::string& location, const StoreOptions& options, std::vector<std::string>* names);
} // namespace bucket

namespace shared
{
std::string NowUtc();
std::string AuditLine(const AuditEntry& e); // one JSON line with "\n"
bool ParseAuditLine(const std::string& line, AuditEntry* e);
// If-Match header against the current ETag (strong comparison; "*" matches an existing file).
bool EtagMatches(const std::string& header, const std::string& current, bool exists);
} // namespace shared
} // namespace server
