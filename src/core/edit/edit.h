// The one way the app changes data: a batch of changes (set a field, add a record, remove a record that was just
// added, create a file) is checked as a whole, recorded for undo/redo as one step and queued for sync.
// Records are never deleted to forget them: End() marks a record ended with a date and a reason (history and
// audit keep everything); Remove exists for undo of an add and for drafts the year has not yet locked.
// No ImGui, no I/O: files are rewritten in memory through io::WriteFile / io::LoadDataset.
// The sync layer hooks in by draining Journal::pending (every applied op, undos and redos included).
#pragma once

#include "core/check/issue.h"
#include "core/model/model.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace edit
{
enum class OpKind
{
    Set,    // one field of one record: old_value -> new_value
    Add,    // new_value (a record with an "id") appended to the array at `parent`
    Remove, // the record old_value (with its "id") taken out of the array at `parent`
    Create, // a new file whose whole content is new_value (datapackage.json lists it in the same step)
    Delete, // the file old_value taken away again (only as the undo of a Create)
};

struct Op
{
    int64_t id = 0;    // unique within the journal, increasing
    int64_t step = 0;  // ops made by one person's action share a step; undo and redo take a whole step
    OpKind kind = OpKind::Set;
    std::string file;      // path relative to the data root: "meetings/mtg.cum1.2021-03-25.giao-uoc.json"
    std::string record_id; // Set/Add/Remove: the record's "id" inside that file
    std::string field;     // Set: a JSON pointer relative to the record, without the leading '/': "status", "venue/name"
    std::string parent;    // Add/Remove: the JSON pointer of the array in the file: "/meeting/decisions"
    nlohmann::json old_value; // Set: null when the field was absent; Remove: the record; Delete: the document
    nlohmann::json new_value; // Set: null removes the field; Add: the record; Create: the document
};

struct Journal
{
    std::vector<Op> undo;    // applied ops, newest last
    std::vector<Op> redo;    // undone ops, the next to redo last
    std::vector<Op> pending; // every change not yet pushed by sync, in order (an undo appears as its inverse)
    int64_t next_id = 1;
    int64_t next_step = 1;
};

struct Outcome
{
    bool applied = false;
    std::vector<check::Issue> issues; // the checker's errors that refused the change (or its warnings)
};

// One change of a batch. Build them with the helpers below.
struct Change
{
    OpKind kind = OpKind::Set;
    std::string file;
    std::string record_id; // Set, Remove
    std::string field;     // Set
    std::string parent;    // Add: the array's JSON pointer in the file
    nlohmann::json value;  // Set: the new value (null removes the field); Add: the record; Create: the document
};

// An empty record_id in SetChange names the file's root object (fields of the file itself, such as a
// self-assessment's "submitted_date"); Remove always needs a record id.
Change SetChange(const std::string& file, const std::string& record_id, const std::string& field,
                 const nlohmann::json& value);
Change AddChange(const std::string& file, const std::string& parent, const nlohmann::json& record);
Change RemoveChange(const std::string& file, const std::string& record_id);
Change CreateChange(const std::string& file, const nlohmann::json& doc);

// Applies `changes` in order as one step: all of them or none. Added records need an id used by no other record
// of the dataset, and get "rev": 1 when their kind carries a revision (decisions, scores, ballots, ...); created files are added to datapackage.json's resources (format and writer
// from the path) and must not exist yet. After the changes the whole dataset is re-read and checked: an error in a
// touched record or file refuses the step (dataset unchanged, applied = false, issues name file and pointer).
Outcome ApplyAll(model::Dataset& data, Journal& journal, const std::vector<Change>& changes);

// Sets `field` of the record `record_id` in `file` to `value` (one change, one step).
Outcome Apply(model::Dataset& data, Journal& journal, const std::string& file, const std::string& record_id,
              const std::string& field, const nlohmann::json& value);

// Ends the record: sets its "ended" field to {"date": date, "reason": reason} (the record stays, shown as ended).
// `date` is YYYY-MM-DD; the reason is required ("Hợp nhất vào Sở NN&MT Hải Phòng").
Outcome End(model::Dataset& data, Journal& journal, const std::string& file, const std::string& record_id,
            const std::string& date, const std::string& reason);

// Reverts the newest step (applies the inverses of its ops, newest first); false when there is nothing to undo
// or the inverse was refused.
bool Undo(model::Dataset& data, Journal& journal);
// Re-applies the newest undone step.
bool Redo(model::Dataset& data, Journal& journal);

// The path of the loaded file of `kind` at `index` in its Dataset vector ("" when there is none).
std::string FilePath(const model::Dataset& data, model::FileKind kind, int32_t index);

// An id for a new record: `prefix` + "." + a slug of `hint` ("dec.cum1.2027.hoan-thanh-bao-cao"), with "-2", "-3"...
// when the dataset uses it already. `hint` may be Vietnamese: letters lose their marks. Two offline devices may
// still pick the same id: sync keeps both records as a conflict (datasync::Replay).
std::string NewId(const model::Dataset& data, const std::string& prefix, const std::string& hint);
} // namespace edit
