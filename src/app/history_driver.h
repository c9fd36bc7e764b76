// Fills the change log (ui::ChangeLogState) from the server: GET /api/history?path=P lists the versions of a file,
// GET /api/version fetches each kept version, consecutive versions are diffed (edit::DiffVersions); a confirmed
// restore is POST /api/restore with If-Match of the current version, then a sync. Asks nothing until the person
// opens the change log.
#pragma once

#include "app/sync_driver.h"
#include "ui/app_state.h"

namespace app
{
struct HistoryDriver
{
    int generation = 0; // answers to an older request are dropped
};

// After each frame: starts what app.change_log asks for. Cheap when it asks nothing.
void TickHistory(HistoryDriver& history, const SyncDriver& sync, ui::AppState& app);
} // namespace app
