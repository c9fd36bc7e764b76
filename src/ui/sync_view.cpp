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

const char* ui::ImportStatusKey(ImportStatus status)
{
    switch (status)
    {
    case ImportStatus::None: return "none";
    case ImportStatus::Preview: return "preview";
    case ImportStatus::Applied: return "applied";
    case ImportStatus::Nothing: return "nothing";
    case ImportStatus::Refused: return "refused";
    case ImportStatus::Unavailable: return "unavailable";
    }
    return "none";
}
