// "Lịch sử thay đổi": who changed which field of the current file, when, from what to what. The server's versions
// (GET /api/history, diffed version by version by the app layer's history driver) newest first, with this tablet's
// edits not yet sent (app.edit.journal.pending) on top; the secretariat (and an admin) restores an older version
// after a confirmation that says what will change. One state struct, one Draw function.
#pragma once

#include "core/edit/diff.h"
#include "ui/strings.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ui
{
struct AppState;

struct ChangeEntry // one version of the file on the server
{
    std::string time;   // as the server wrote it: UTC ISO 8601 "2026-12-01T02:15:00Z"
    std::string who;    // the token's name ("" when the token has none); never its id
    std::string role;   // "secretariat", "admin", "unit:<org id>", "viewer"
    std::string action; // "create", "update", "restore", "found"
    std::string etag;   // the version this write made (quoted ETag), the one a restore brings back
    bool kept = true;   // the server still keeps this version (else no diff and no restore)
    bool first = false; // the oldest version the server knows: nothing to compare it with
    std::vector<edit::FieldDiff> diffs; // from the version before to this one
    nlohmann::json doc; // this version as the server sent it (null when not kept)
};

struct ChangeLogState
{
    bool open = false;
    std::string path;  // the data file shown
    std::string title; // what the person opened it from ("Hội nghị tổng kết 2025")
    // Requests for the history driver (src/app/history_driver.h).
    bool load_requested = false;
    std::string restore_etag; // a restore the person confirmed
    // Filled by the driver.
    enum class Status
    {
        Idle,
        Loading,
        Ready,
        Offline,  // no server (or no answer): only this tablet's edits can be shown
        Failed,   // the server answered with an error
        NoServer, // the app runs without a server that keeps history (a static host)
    };
    Status status = Status::Idle;
    std::string error;                // why it failed
    std::vector<ChangeEntry> entries; // oldest first, as the server lists them
    std::string current_etag;         // the newest version (If-Match of a restore)
    bool restoring = false;
    std::string restore_result; // "" or what the last restore did (ok) / why it failed
    bool restore_ok = false;
    // The screen's own state.
    int confirm = -1; // entry whose restore waits for confirmation
    nlohmann::json doc;       // the file as this tablet has it (names of the records of pending edits)
    int64_t doc_version = -1; // app.data_version it was read at
    std::string doc_path;
};

// A button "Lịch sử thay đổi" that opens the change log of `path` (one line at the call site), beside the item
// before it when it fits.
void ChangeLogButton(AppState& app, const std::string& path, const std::string& title);
// The change log window, when open (drawn once per frame by DrawApp).
void DrawChangeLog(AppState& app);

// For tests and the window: one line of text for a diff, "Hội nghị X · Địa điểm: A → B".
std::string DescribeDiff(const AppState& app, const edit::FieldDiff& diff);
// "01/12/2026 09:15" in local time from the server's UTC time; the text as it is when not a time.
std::string LocalTimeText(const std::string& utc_iso);
// "Nguyễn Văn A · Văn phòng Cụm · thư ký cụm" from an audit entry's name and role.
std::string WhoText(const AppState& app, const std::string& who, const std::string& role);
// The readable name of a field pointer ("venue/name" -> "Địa điểm"), never a code.
std::string FieldText(const std::string& field, Language lang);
} // namespace ui
