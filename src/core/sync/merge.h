// Local edits as operations, and replaying them onto a newer server copy: a 3-way merge per record and per
// field (base = the value the edit started from, ours = the edit, theirs = the server's value now).
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace datasync
{
enum class OpKind
{
    SetFields,  // change fields of the record `record_id`
    AddRecord,  // append `value` (a record with an "id") to the array at JSON pointer `parent`
    CreateFile, // the file does not exist yet; `value` is its whole content
    RemoveRecord, // take the record `record_id` out of its list; `old` is the record as this device last saw it
};

// Conflict rules (each keeps both sides for a person, see Conflict):
// - add/add: a record with the same key (its "id", or "path" for a datapackage resource) exists on the server:
//   the same content is our own earlier write (nothing to do); different content is a conflict (field "").
// - create/create: the file exists on the server with other content: a conflict (record_id "", field "").
// - edit after end: our SetFields reaches a record the server has ended ("ended" set) while our edit was made on
//   the record in force: a conflict on field "ended"; our fields wait for the person (keep ours applies them).
// - end after edit: our "ended" reaches a record someone else edited: no conflict, both the edit and the end stay.
// - remove after edit: the record differs from what we removed: a conflict (keep ours removes it anyway).

struct Op
{
    std::string op_id; // "<device>-<n>", unique; makes a retry after a lost response harmless
    std::string path;  // data path, e.g. "years/2025/self/org.a.json"
    OpKind kind = OpKind::SetFields;
    std::string record_id;
    int64_t base_rev = 0;   // the record's rev when the edit was made
    nlohmann::json value;   // SetFields: {field: new value}; AddRecord: the record; CreateFile: the document
    nlohmann::json old;     // SetFields: {field: value before the edit}; a field absent here was absent (plus
                            // "ended" as it was, for the edit-after-end rule); RemoveRecord: the record
    std::string parent;     // AddRecord: JSON pointer of the array
    bool in_doubt = false;  // a PUT carrying it got no answer: it may be on the server already
};

// A field both sides changed differently: both values kept until a person chooses.
struct Conflict
{
    std::string op_id, path, record_id, field; // field "" = the whole record / file
    nlohmann::json base, ours, theirs;          // null when absent
    std::string parent;                         // add/add: the list our record was added to
};

struct ReplayResult
{
    nlohmann::json doc;                  // theirs with every applicable op applied
    std::vector<std::string> effective;  // ops that changed something (still to be pushed)
    std::vector<std::string> present;    // ops whose values are already in theirs (nothing to push)
    std::vector<Conflict> conflicts;     // fields (of any op) that conflict; those fields are not applied
};

// Replays `ops` (in order) onto `theirs` (null = the file does not exist on the server).
ReplayResult Replay(const nlohmann::json& theirs, const std::vector<Op>& ops);

// The key of a record: its "id", or the "path" of a datapackage resource ("" when it has neither).
std::string RecordKey(const nlohmann::json& record);

// The record with "id" == id anywhere in doc (objects inside arrays or objects), or nullptr; an empty id names the
// document's root object (fields of the file itself).
nlohmann::json* FindRecord(nlohmann::json& doc, const std::string& id);
const nlohmann::json* FindRecord(const nlohmann::json& doc, const std::string& id);

// Op <-> JSON for the outbox the platform stores.
nlohmann::json OpToJson(const Op& op);
bool OpFromJson(const nlohmann::json& j, Op* op);
nlohmann::json ConflictToJson(const Conflict& c);
bool ConflictFromJson(const nlohmann::json& j, Conflict* c);
} // namespace datasync
