// The always-visible sync status (synced, N waiting, offline since, conflict, error) and its detail panel.
#pragma once

#include <string>

namespace ui
{
struct AppState;

// Draws the status chip at the cursor; a tap opens the details (conflicts, problems, sync now, download).
void DrawSyncStatus(AppState& app);
// The status as one sentence ("3 edits saved on this device, waiting to be sent"), also for screen readers.
std::string SyncStatusText(const AppState& app);
} // namespace ui
