// The data store as the server sees it: ETags, the change manifest (generation counter), conditional writes, the
// newest versions of each file kept in history (history_keep), and one audit entry per write. Two kinds, opened by
// one location string (OpenStore):
//   - a local folder (this file's store.cpp): atomic writes under a per-file lock, <data>/.thidua/history/, audit.log;
//   - an S3 bucket, "s3://bucket/prefix" (store_s3.cpp): each data file one plain object <prefix>/<path>, history and
//     audit as write-once objects under <prefix>/.thidua/, compare-and-swap by S3's conditional PUT, and no state in
//     memory that another replica on the same bucket could contradict (caches are revalidated on every request).
// A deployment of many clusters opens each as OpenStore(root + "/" + cluster_id, ...), whichever kind root is.
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

struct BucketState; // store_s3.cpp: endpoint, keys, bucket, prefix and the revalidated caches

// What a location needs besides its string: for s3:// the endpoint and keys (keys: s3::LoadCredentials).
struct StoreOptions
{
    std::string s3_endpoint;      // "http://host:port" of the S3 service (path-style requests)
    std::string s3_access_key;    // empty: from the environment or the credentials file
    std::string s3_secret_key;
};

// True for "s3://bucket/prefix".
bool IsBucketLocation(const std::string& location);

struct Store
{
    std::string location;  // as given to OpenStore: a folder or s3://bucket/prefix
    std::shared_ptr<BucketState> bucket; // set for an S3 location; then data_dir and state_dir are unused
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

// Opens a data store at `location` (a folder, or s3://bucket/prefix with options.s3_endpoint): a folder's stale temp
// files are removed, the audit is read, every allowed file hashed, and files changed outside the server are
// recorded ("found"/"missing"). A read-only store writes nothing. Returns "" or an error a person can act on
// (missing keys, an unreachable endpoint, a missing bucket or folder).
std::string OpenStore(const std::string& location, bool writable, Store* store, const StoreOptions& options = {});

// Re-hashes the folder (read-only stores, whose files may change under them).
void RescanReadOnly(Store& store);

// The files as they are now, for the manifest and the snapshot: a copy of the folder store's table (rescanned when
// read-only), or for a bucket one listing of the prefix plus the audit entries written since the last request.
// `version` changes whenever any file changes (the manifest's ETag); `error` is set when the store cannot be read.
struct Listing
{
    std::string epoch;
    int64_t generation = 0;
    std::map<std::string, FileEntry> files;
    std::string version;
    std::string error;
};
Listing CurrentFiles(Store& store);

// Every data file of the store as it stands (path -> bytes), e.g. for the role rules and the checker; "" or error.
std::string ReadDataset(Store& store, std::map<std::string, std::string>* files);

// One object at a location, by its key under the location ("deployment.json"); "" or an error ("" with
// *found = false when it does not exist).
std::string ReadObjectAt(const std::string& location, const StoreOptions& options, const std::string& key,
                         std::string* bytes, bool* found);
// The immediate sub-locations of a location (folders, or common prefixes of a bucket), by name, e.g. the clusters
// of a deployment root; the state folder .thidua is left out. "" or an error.
std::string ListSubLocations(const std::string& location, const StoreOptions& options, std::vector<std::string>* names);

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

// The current bytes of an allowed data path; false if missing, or (with *error set) when the store cannot be read.
bool ReadDataFile(const Store& store, const std::string& path, std::string* bytes, std::string* error = nullptr);

// Audit entries for one path (all paths when empty), oldest first.
std::vector<AuditEntry> ReadAudit(Store& store, const std::string& path);
// Every allowed data file of a folder (path -> bytes), e.g. to check a whole dataset.
std::map<std::string, std::string> ReadAllDataFiles(const std::string& data_dir);

// A kept version of a file by its ETag; false when not in history (or the store cannot be read).
bool ReadHistoryVersion(const Store& store, const std::string& path, const std::string& etag, std::string* bytes);
} // namespace server
