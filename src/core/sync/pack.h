// Many files in one string, where a whole dataset travels or is kept at once (GET api/snapshot, the tablet's store
// record): a line naming the format, one line of JSON (the caller's fields and "sizes"), then the files' bytes one
// after another, exactly as they are. Reading it parses only the JSON line; no file is escaped into a JSON string
// and parsed back out, which was most of a start's time in the browser (issue #13).
#pragma once

#include "core/sync/client.h"

#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace datasync
{
// `head` must be a JSON object; its "sizes" is set here.
std::string Pack(const char* format, nlohmann::json head, const std::vector<const std::string*>& parts);
// True only for exactly such a string of `format`: *head gets the JSON line, *parts views of the parts (into
// `packed`, in order). Anything else (cut short, sizes that do not add up, bytes left over, bad JSON) is false.
bool Unpack(const std::string& packed, const char* format, nlohmann::json* head, std::vector<std::string_view>* parts);

// GET api/snapshot: every file a token may read, with the ETag GET data/<path> gives it, at one moment.
struct Snapshot
{
    std::string epoch;
    int64_t generation = -1;
    std::map<std::string, SyncedFile> files; // path -> {etag, bytes}
};
std::string WriteSnapshot(const Snapshot& snapshot);
bool ReadSnapshot(const std::string& bytes, Snapshot* snapshot); // false (and *snapshot unchanged) unless whole

// The client packed ("thidua.client.2"): the JSON line holds `head` (an object of the caller's fields) and
// "client" (everything but the synced files' bytes), the files' bytes follow. The tablet's store record (head
// {"last_synced_ms"}) and the sync worker's messages ({"base", "remote"} in, {"report"} out) use it.
std::string ClientToRecord(const Client& client, nlohmann::json head);
// Reads it back, or a store record of an earlier version ({"client": ClientToJson, ...}, one JSON document):
// *head gets the caller's fields. False (and *client, *head unchanged) for anything else.
bool ClientFromRecord(const std::string& record, Client* client, nlohmann::json* head);
} // namespace datasync
