// Field-level difference between two versions of one data file, for the change log: for each record (an object
// with a string "id", wherever it sits in the file) which field went from what to what, and which records were
// added or removed. Fields outside every record (a self-assessment's "submitted_date") belong to the file itself
// (record_id ""). Records nested in a record (a meeting's participants, decisions) are records of their own.
// Bookkeeping that a person never changes ("rev", "schema_version", "format") is left out.
// Pure: no I/O, no exceptions (the web build has none).
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace edit
{
enum class DiffKind
{
    Changed, // field of a record present in both versions: old_value -> new_value (null: absent)
    Added,   // a record only in the newer version (new_value is the record)
    Removed, // a record only in the older version (old_value is the record)
};

struct FieldDiff
{
    DiffKind kind = DiffKind::Changed;
    std::string record_id;    // "" for the file's own fields
    std::string field;        // Changed: JSON pointer relative to the record, without the leading '/': "venue/name"
    nlohmann::json old_value; // null when absent
    nlohmann::json new_value; // null when absent
    nlohmann::json record;    // the record as it stands in the newer version (the older one when removed)
};

// The differences from `before` to `after`, in the order of the records in `after` (removed records last).
// Either document may be null (a created file: every record added).
std::vector<FieldDiff> DiffVersions(const nlohmann::json& before, const nlohmann::json& after);

// The record `id` of a document (or the document itself for ""), null when absent.
nlohmann::json RecordOf(const nlohmann::json& doc, const std::string& id);
} // namespace edit
