// What the screens know about sync: one status, counts, times, conflicts and problems, the last import, plus the
// person's requests (sync now, resolve a conflict, download pending edits, export, import). The app layer fills it;
// screens only read it and set the request fields.
#pragma once

#include "core/check/issue.h"
#include "core/sync/import.h"
#include "core/sync/merge.h"

#include <string>
#include <vector>

namespace ui
{
enum class SyncStatus
{
    Local,     // data from the server folder, no sync set up (static hosting)
    Synced,    // every edit is on the server
    Waiting,   // edits saved on this tablet, not yet on the server
    Syncing,   // a sync is running
    Offline,   // no network: edits wait on this tablet
    Conflict,  // a field was changed here and on the server: a person must choose
    Error,     // the server refused something (see problems)
    ReadOnly,  // another tab of the app is the writer
};

enum class ImportStatus
{
    None,        // no file given (or the preview was cancelled)
    Preview,     // a checked file waits for "Nhập" / "Huỷ"
    Applied,     // its edits are in the outbox, its conflicts in the list
    Nothing,     // the file matches this device's data
    Refused,     // bad input: nothing changed (issues say why)
    Unavailable, // this tab may not edit (read only, or edit mode off)
};

struct ImportView
{
    ImportStatus status = ImportStatus::None;
    bool shown = false;       // the import dialog is open
    bool read_only = false;   // Unavailable because another tab is the writer (else: edit mode is off)
    datasync::ImportPlan plan; // the file's name, data paths, counts, changes, why it was refused or what was left out
};

struct SyncView
{
    SyncStatus status = SyncStatus::Local;
    int pending = 0;             // edits not yet acknowledged by the server
    bool saving = false;         // an edit is being written to this tablet's storage
    std::string last_synced;     // "14:05" (local time of the last complete sync), "" = never
    std::string offline_since;   // "14:02", "" when online
    std::string error;           // the last failure, readable
    bool persisted = false;      // the browser promised not to evict our storage
    bool update_ready = false;   // a new version of the app is installed and waits for a safe moment
    std::vector<datasync::Conflict> conflicts;
    std::vector<check::Issue> problems; // bad files on the server, refused writes
    std::vector<std::string> pending_files; // the files that have edits in the outbox (a refused one may be discarded)
    ImportView import;
    bool files_open = false;            // the list of files to download is unfolded

    // Requests from the screens, handled after the frame.
    bool sync_now = false;
    bool download_pending = false;
    bool apply_update = false;  // switch to the new version now (only offered when nothing is pending)
    bool export_results = false; // save the selected year's results as CSV
    bool export_package = false; // save the whole dataset as one JSON data package
    std::string export_path;     // save this data file as JSON ("" = none)
    bool import_pick = false;    // open the file picker for a JSON file to import
    bool import_apply = false;   // import the previewed file
    bool import_close = false;   // close the import dialog (cancels a preview)
    int resolve_index = -1;     // the conflict to resolve, -1 = none
    bool resolve_keep_ours = false;
    std::string discard_file; // drop the pending edits of this file (a write the server refused), "" = none
};

const char* SyncStatusKey(SyncStatus status); // "synced", "waiting", ... (window.thidua.state().sync.status)
const char* ImportStatusKey(ImportStatus status); // "none", "preview", ... (window.thidua.state().sync.import.status)
} // namespace ui
