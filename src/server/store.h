// The data folder as the server sees it: ETags, the change manifest (generation counter), atomic conditional
// writes under a per-file lock, the newest versions of each file kept in <data>/.thidua/history/ (history_keep), and
// one audit line per write.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace server
{
// The whole file as bytes; false when it cannot be read.
bool ReadWholeFile(const std::string& path, std::string* bytes);

struct FileEntry
{
    std::string etag; // quoted strong ETag, "\"<base64url sha256>\""
    int64_t size = 0;
    int64_t gen = 0; // generation of the last change to this file
};

struct AuditEntry
{
    std::string time; // UTC ISO 8601, informational only
    std::string who;  // token id and name
    std::string role;
    std::string path;
    std::string action; // "create", "update", "restore", "found" (seen at start-up), "missing"
    std::string old_etag;
    std::string new_etag;
    int64_t gen = 0;
    std::vector<std::string> op_ids; // client operation ids carried by the write (Thidua-Op-Ids header)
};

struct Store
{
    std::string data_dir;  // canonical
    std::string state_dir; // <data>/.thidua (history/, audit.log, epoch); unused when read-only
    bool writable = false;
    size_t history_keep = 50; // versions kept per file in history/ (the newest; older ones are deleted)
    std::string epoch; // identifies this store's generation sequence (changes if the state folder is reset)

    std::mutex mu; // guards the fields below and the audit log
    std::map<std::string, FileEntry> files;
    int64_t generation = 0;
    std::map<std::string, std::unique_ptr<std::mutex>> file_locks;
};

// The ETag of some bytes.
std::string EtagOf(const std::string& bytes);
// A random id for a new generation sequence.
std::string NewEpoch();

// Opens the data folder: removes stale temp files, reads the audit log, hashes every allowed file, and records
// files changed outside the server. A read-only store writes nothing. Returns "" or an error.
std::string OpenStore(const std::string& data_dir, bool writable, Store* store);

// Re-hashes the folder (read-only stores, whose files may change under them).
void RescanReadOnly(Store& store);

struct Precondition
{
    bool has_if_match = false;
    std::string if_match; // raw header
    bool if_none_match_star = false;
};

struct WriteRequest
{
    std::string path; // allowed data path, already checked
    std::string bytes;
    Precondition pre;
    std::string who, role;
    std::string action = "update"; // or "restore"
    std::vector<std::string> op_ids;
};

struct WriteResult
{
    int status = 500; // 200, 201, 412, 428, 403, 500, 507 (0: CheckPrecondition holds)
    std::string message;
    std::string etag;     // new ETag on success, current ETag on 412
    int64_t generation = 0;
};

// The precondition against the file as it is now, without any lock: status 0 when it holds, else 412 with the
// current ETag. Cheap (one read and one hash), so a stale If-Match is answered before any content check;
// WriteDataFile compares again under the file's lock.
WriteResult CheckPrecondition(const Store& store, const std::string& path, const Precondition& pre);

// Compare-and-swap write: checks the precondition against the current file under its lock, keeps the new
// version in history, writes atomically, appends the audit line, bumps the generation.
WriteResult WriteDataFile(Store& store, const WriteRequest& request);

// The current bytes of an allowed data path; false if missing.
bool ReadDataFile(const Store& store, const std::string& path, std::string* bytes);

// Audit entries for one path (all paths when empty), oldest first.
std::vector<AuditEntry> ReadAudit(Store& store, const std::string& path);
// Every allowed data file of a folder (path -> bytes), e.g. to check a whole dataset.
std::map<std::string, std::string> ReadAllDataFiles(const std::string& data_dir);

// A kept version of a file by its ETag; false when not in history.
bool ReadHistoryVersion(const Store& store, const std::string& path, const std::string& etag, std::string* bytes);
} // namespace server
