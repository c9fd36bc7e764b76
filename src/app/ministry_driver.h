// Fills the ministry's table (ui::MinistryScreen) from the deployment's server: GET ../../api/ministry?year=Y
// (the app runs at /c/<cluster-id>/, the table is the deployment's, at /api/ministry). Asks nothing until the
// screen asks; saves the table as .xlsx when asked; also leaves the app for the deployment's start page when the header's "Các cụm, khối" was tapped.
#pragma once

#include "app/sync_driver.h"
#include "ui/app_state.h"

namespace app
{
struct MinistryDriver
{
    int generation = 0; // answers to an older request are dropped
};

// After each frame: starts what app.ministry asks for. Cheap when it asks nothing.
void TickMinistry(MinistryDriver& ministry, const SyncDriver& sync, ui::AppState& app);
} // namespace app
