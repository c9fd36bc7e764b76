// The always-visible sync status (synced, N waiting, offline since, conflict, error) and its detail panel.
#pragma once

namespace ui
{
struct AppState;

// Draws the status chip at the cursor; a tap opens the details (conflicts, problems, sync now, download).
void DrawSyncStatus(AppState& app);
} // namespace ui
