// What the screens know about sync: one status, counts, times, conflicts and problems, plus the person's
// requests (sync now, resolve a conflict, download pending edits). The app layer fills it; screens only read it
// and set the request fields.
#pragma once

#include "core/check/issue.h"
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

    // Requests from the screens, handled after the frame.
    bool sync_now = false;
    bool download_pending = false;
    bool apply_update = false;  // switch to the new version now (only offered when nothing is pending)
    bool export_results = false; // save the selected year's results as CSV
    int resolve_index = -1;     // the conflict to resolve, -1 = none
    bool resolve_keep_ours = false;
};

const char* SyncStatusKey(SyncStatus status); // "synced", "waiting", ... (window.thidua.state().sync.status)
} // namespace ui
