// The one way the app changes data: edit::Apply sets one field of one record, checked, recorded for undo/redo
// and queued for sync. No ImGui, no I/O: it rewrites the file in memory through io::WriteFile / io::LoadDataset.
// The sync layer hooks in by draining Journal::pending (every applied change, undos and redos included).
#pragma once

#include "core/check/issue.h"
#include "core/model/model.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace edit
{
struct Op // one field of one record changed from old_value to new_value
{
    int64_t id = 0;        // unique within the journal, increasing
    std::string file;      // path relative to the data root: "meetings/mtg.cum1.2021-03-25.giao-uoc.json"
    std::string record_id; // the record's "id" inside that file
    std::string field;     // a JSON pointer relative to the record, without the leading '/': "status", "venue/name"
    nlohmann::json old_value; // null when the field was absent
    nlohmann::json new_value; // null removes the field
};

struct Journal
{
    std::vector<Op> undo;    // applied ops, newest last
    std::vector<Op> redo;    // undone ops, the next to redo last
    std::vector<Op> pending; // every change not yet pushed by sync, in order (an undo appears as its inverse)
    int64_t next_id = 1;
};

struct Outcome
{
    bool applied = false;
    std::vector<check::Issue> issues; // the checker's errors that refused the change (or its warnings)
};

// Sets `field` of the record `record_id` in `file` to `value`, bumps the record's `rev`, re-reads the file and
// checks the whole dataset. Refused (dataset unchanged, applied = false) when the file is not loaded or is
// read-only, the record or field path does not exist, or the checker finds an error in that record.
// On success the op goes to journal.undo and journal.pending, and journal.redo is cleared.
Outcome Apply(model::Dataset& data, Journal& journal, const std::string& file, const std::string& record_id,
              const std::string& field, const nlohmann::json& value);

// Reverts the newest op (applies its inverse); false when there is nothing to undo or the inverse was refused.
bool Undo(model::Dataset& data, Journal& journal);
// Re-applies the newest undone op.
bool Redo(model::Dataset& data, Journal& journal);

// The path of the loaded file of `kind` at `index` in its Dataset vector ("" when there is none).
std::string FilePath(const model::Dataset& data, model::FileKind kind, int32_t index);
} // namespace edit
