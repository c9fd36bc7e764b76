#include "ui/sync_view.h"

const char* ui::SyncStatusKey(SyncStatus status)
{
    switch (status)
    {
    case SyncStatus::Local: return "local";
    case SyncStatus::Synced: return "synced";
    case SyncStatus::Waiting: return "waiting";
    case SyncStatus::Syncing: return "syncing";
    case SyncStatus::Offline: return "offline";
    case SyncStatus::Conflict: return "conflict";
    case SyncStatus::Error: return "error";
    case SyncStatus::ReadOnly: return "read_only";
    }
    return "local";
}
