// The always-visible sync status (synced, N waiting, offline since, conflict, error) and its detail panel, with
// export and import of JSON files; the import dialog (preview, result, refusal) is drawn from here too.
#pragma once

#include "ui/strings.h"
#include "ui/sync_view.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ui
{
struct AppState;

// Draws the status chip at the cursor; a tap opens the details (conflicts, problems, sync now, download).
void DrawSyncStatus(AppState& app);
// The width DrawSyncStatus takes on its line: the dot and the status button.
float SyncStatusWidth(const AppState& app);
// The offer of a new version, when one waits (nullptr otherwise): "Có phiên bản mới — cập nhật", or to wait while
// edits are still to be sent; DrawUpdateOffer draws it as a button at the cursor.
const char* UpdateOfferLabel(const AppState& app);
void DrawUpdateOffer(AppState& app);
// The status as one sentence ("3 edits saved on this device, waiting to be sent"), also for screen readers.
std::string SyncStatusText(const AppState& app);
// One change of an import as a person reads it: "Hội nghị …: Địa điểm: cũ » mới"; the font has no arrows.
std::string DescribeImportChange(const datasync::ImportChange& change, Language lang);
// The import as lines (window.thidua.state().sync.import.lines): why it was refused, or its changes then what was
// left out.
std::vector<std::string> ImportLines(const ImportView& view, Language lang, size_t limit = SIZE_MAX);
// How many lines ImportLines gives without a limit.
size_t ImportLineCount(const ImportView& view);
} // namespace ui
