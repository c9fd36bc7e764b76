// Importing a JSON file a person picked or dropped: one data file, or a whole-dataset package exported by
// io::DataPackageJson. Nothing is overwritten silently: the file is checked first, then compared record by record
// (records = objects with an "id") with this device's working copy, and the differences become ordinary edits
// (AddRecord / SetFields ops in the outbox) or conflicts a person resolves. Records missing from the file are never
// deleted. Platform-independent and exception-free: the bytes are untrusted and this runs in the browser.
#pragma once

#include "core/check/issue.h"
#include "core/sync/client.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace datasync
{
constexpr size_t kMaxImportBytes = 8u * 1024u * 1024u; // larger files are refused before parsing

// One difference, for the preview ("Hội nghị …: Địa điểm: cũ » mới"; the font has no arrows).
struct ImportChange
{
    enum class Kind
    {
        Add,      // a new record (new_value = the record)
        Set,      // a field changed here (the local record is what the file was made from)
        Conflict, // the local record moved on since the file was made: both values kept for a person
    };
    Kind kind = Kind::Set;
    std::string path;        // data path
    std::string record_id;
    std::string record_name; // the record's "name" / "title" / "description" when it has one, else ""
    std::string field;       // Set / Conflict: the record's field
    nlohmann::json old_value, new_value; // this device's value (null = absent), the file's value
};

struct ImportPlan
{
    std::string name;                 // the file's name as picked
    std::vector<std::string> paths;   // the data paths it holds, in file order
    std::vector<check::Issue> errors; // any: refused, nothing changes (file = the picked name, pointer into it)
    std::vector<check::Issue> notes;  // parts left out on purpose (a field outside records, a file not on this device)
    std::vector<Op> ops;              // op ids are given by ApplyImport
    std::vector<Conflict> conflicts;
    std::vector<ImportChange> changes; // every op and conflict, in file order
    int added = 0, changed = 0, conflicted = 0; // records added, fields changed, fields in conflict
};

// What importing `bytes` (a file named `name`) into `client` would do. Refused (errors set, no ops) when the file
// is too large, not JSON, fails the checker, belongs to another cluster, names a path outside the data layout, or
// is not one of the files this device holds.
ImportPlan PlanImport(const Client& client, const std::string& name, const std::string& bytes);

// Adds a plan made against `client` just now: its ops go to the outbox (fresh op ids), its conflicts to the list.
// Returns false (nothing changed) when the plan was refused or has nothing to do.
bool ApplyImport(Client& client, const ImportPlan& plan);
} // namespace datasync
