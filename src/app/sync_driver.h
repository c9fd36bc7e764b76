// Keeps the app's data in step with the server, offline first: the dataset is opened from this tablet's store
// (IndexedDB) when there is one, every edit goes to the outbox and is committed to the store before the app says
// "saved on this tablet", and a sync worker pushes and pulls in the background. Nothing is dropped on failure.
#pragma once

#include "core/sync/client.h"
#include "ui/app_state.h"

#include <memory>
#include <string>

namespace app
{
struct ReadAhead; // the first visit's snapshot, read while the store is still opening (sync_driver.cpp)

struct SyncDriver
{
    datasync::Client client;
    datasync::Remote remote;
    std::string base_url;          // prefix of the server's paths: "" (the page's origin) or "/c/<cluster-id>"
    bool started = false;          // the stored state was looked for
    bool ready = false;            // the client holds the dataset (from the store or the first download)
    bool in_flight = false;        // the worker is syncing a snapshot of `client`
    bool store_dirty = false;      // `client` changed since it was last committed to the store
    bool storing = false;          // a store write is running
    bool store_failed = false;     // the last store write failed (edits are then NOT safe on this tablet)
    double next_sync_ms = 0;       // when to sync next (0 = as soon as possible)
    double offline_since_ms = 0;   // 0 = online
    double last_synced_ms = 0;
    // A JSON file a person picked or dropped (ServiceHooks::on_file), handled at the next tick.
    bool file_received = false;
    std::string file_name, file_bytes;
    // The file shown in the import preview: planned again against the client when the person says "Nhập".
    std::string preview_bytes;
    // When to ask GET /api/whoami again while no server has said who this is (0 = not yet scheduled).
    double next_whoami_ms = 0;
    std::shared_ptr<ReadAhead> read_ahead;
    bool latest_year_only = false; // app.dataset was read by io::LoadLatestYear; CompleteLoad reads the rest
};

// Opens the stored state, or downloads the dataset the first time; fills app.dataset either way.
void StartSync(SyncDriver& driver, ui::AppState& app, const std::string& base_url);
// The first screen is drawn from the latest year alone (io::LoadLatestYear: a long history does not delay it);
// this reads the whole dataset, with every check, into app. Called before the frame after the first one, and
// before a first frame that opens another screen than the overview. Nothing to do the rest of the time.
void CompleteLoad(SyncDriver& driver, ui::AppState& app);
// After each frame: forwards new edits to the outbox, commits the store, starts a sync when due,
// and handles the person's requests in app.sync. Cheap when there is nothing to do.
void TickSync(SyncDriver& driver, ui::AppState& app, double now_ms);
// Milliseconds until TickSync has something to do on its own (a scheduled sync), or -1 for nothing.
double NextSyncDelay(const SyncDriver& driver, double now_ms);
} // namespace app
