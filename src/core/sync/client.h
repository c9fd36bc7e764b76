// The offline-first sync client: local edits go to an outbox of operations; Sync() pulls what changed (manifest or
// WebDAV PROPFIND, then only changed files, each checked before use), replays the outbox onto the server's copy,
// and pushes with If-Match. Conflicts keep both values for a person. Platform-independent; the caller persists
// the state (ClientToJson) after every edit and every sync.
#pragma once

#include "core/check/issue.h"
#include "core/sync/merge.h"
#include "core/sync/transport.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace datasync
{
enum class Backend
{
    Thidua, // `thidua serve`: GET /api/manifest, history with op ids
    WebDav, // a stock WebDAV server (Apache mod_dav): PROPFIND Depth: infinity
};

struct Remote
{
    Backend backend = Backend::Thidua;
    std::string data_prefix = "/data/"; // where data paths live on the server
    std::string token;                   // bearer token ("" = none)
    int max_attempts = 5;                // PUT retries after 412 per file and sync
};

// Checks one file before it is used or sent; returns its issues (errors make the file unusable).
using CheckFn = std::function<std::vector<check::Issue>(const std::string& path, const std::string& bytes)>;

struct SyncedFile
{
    std::string etag;  // "" = not known (e.g. after a WebDAV PUT, which returns none)
    std::string bytes; // the server's bytes when last synced: the base for merges
};

struct Client
{
    std::string device_id;  // unique per device/tab; prefixes op ids
    int64_t next_op = 1;
    std::map<std::string, SyncedFile> synced;
    std::map<std::string, std::string> rejected_etag; // server versions the checker refused (not fetched again)
    std::vector<Op> outbox;
    std::vector<Conflict> conflicts;
    std::string epoch;           // manifest epoch / generation / ETag seen last (Thidua backend)
    int64_t generation = -1;
    std::string manifest_etag;
    CheckFn check;               // not persisted; empty = JSON syntax only
};

struct SyncReport
{
    bool complete = false; // pulled and pushed everything there was
    bool offline = false;  // a request got no answer; the rest waits for the next Sync
    int requests = 0;
    size_t bytes_sent = 0, bytes_received = 0; // bodies plus request/status lines and headers
    std::vector<std::string> pulled;        // paths updated from the server
    std::vector<std::string> acknowledged;  // op ids now on the server (safe to forget)
    std::vector<Conflict> new_conflicts;
    std::vector<check::Issue> problems;     // bad files on the server, refused writes: file, pointer, reason
};

// Edits: each returns "" and sets *op_id, or the reason nothing was recorded.
std::string EditFields(Client& client, const std::string& path, const std::string& record_id,
                       const nlohmann::json& fields, std::string* op_id);
std::string AddRecord(Client& client, const std::string& path, const std::string& parent_pointer,
                      const nlohmann::json& record, std::string* op_id);
std::string CreateFile(Client& client, const std::string& path, const nlohmann::json& doc, std::string* op_id);
// Takes the record out of its list (the undo of an add); pushed like any edit (see the remove rule in merge.h).
std::string RemoveRecord(Client& client, const std::string& path, const std::string& record_id, std::string* op_id);
// Withdraws a file this device created and has not yet sent (and its datapackage.json entry): false when the
// server may have it already (sent, or in doubt), because a file on the server is never deleted.
bool CancelCreate(Client& client, const std::string& path);

// The file as this device sees it: last synced copy + pending edits (null when there is none).
nlohmann::json WorkingCopy(const Client& client, const std::string& path);
// All files this device knows, as bytes (for comparing devices).
std::map<std::string, std::string> WorkingFiles(const Client& client);
// The one serialisation of a document: keys sorted, 2-space indent, trailing newline.
std::string Serialize(const nlohmann::json& doc);

SyncReport Sync(Client& client, Transport& transport, const Remote& remote);

// A person's choice for conflicts[index]: keep the server's value (drop ours) or ours (a new edit on top).
std::string ResolveConflict(Client& client, size_t index, bool keep_ours);

nlohmann::json ClientToJson(const Client& client);
bool ClientFromJson(const nlohmann::json& j, Client* client);

// The same without the synced files' bytes (ClientToRecord, sync/pack.h, keeps those apart).
nlohmann::json ClientToJsonWithoutBytes(const Client& client);
} // namespace datasync
