// Everything the app knows: the dataset, load/sync status, settings and one state struct per screen.
// Owned by main.cpp; screens get it by reference. Transient UI state only in the screen structs.
#pragma once

#include "core/roles/roles.h"
#include "core/check/issue.h"
#include "core/edit/edit.h"
#include "core/model/model.h"
#include "core/scoring/scoring.h"
#include "ui/change_log.h"
#include "ui/document_button.h"
#include "ui/item_registry.h"
#include "ui/screen_covenant.h"
#include "ui/screen_history.h"
#include "ui/screen_meetings.h"
#include "ui/screen_members.h"
#include "ui/screen_ministry.h"
#include "ui/screen_overview.h"
#include "ui/screen_present.h"
#include "ui/screen_results.h"
#include "ui/screen_scoring.h"
#include "ui/screen_year.h"
#include "ui/strings.h"
#include "ui/sync_view.h"
#include "ui/text_field.h"
#include "ui/theme.h"
#include "ui/touch.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace ui
{
enum class Screen
{
    Overview,
    Members,
    Meetings,
    Covenant,
    Results,
    History,
    Scoring, // self-assessment and final scores (added after History: kNav is indexed by Screen)
    Year, // running the year (secretariat): not in the navigation, opened from the overview
    Ministry, // the ministry's table across the clusters of a deployment: opened from the header (route /bo)
};

enum class Layout
{
    Landscape, // tablet across: navigation rail on the left
    Portrait,  // tablet upright: one row of tabs at the bottom
    Phone,     // narrow: two rows of tabs at the bottom
};

struct Settings
{
    Language lang = Language::Vi;
    float text_scale = 1.0f; // the user's text size, 0.8 .. 2.0
};

struct LoadState
{
    enum class Status
    {
        Loading,
        Ready,
        Failed,
    };
    Status status = Status::Loading;
    std::string error;     // why loading failed (names the file)
    int files_total = 0;   // files named by the descriptor
    int files_fetched = 0; // of those, fetched so far
    // Ready, but shown before this tablet's store has answered (a first visit's snapshot): read-only until it does,
    // since a state stored here would replace it.
    bool held = false;
};

struct DataIndex // id -> position in the dataset's vectors; rebuilt whenever the data changes
{
    std::unordered_map<std::string, int> organizations;
    std::unordered_map<std::string, int> people;
    std::unordered_map<std::string, int> meetings;
    std::unordered_map<std::string, int> areas;
    std::unordered_map<std::string, int> criteria; // of the selected year
};

struct EditState // edit mode: only offered to a role that may write something
{
    bool enabled = false;
    edit::Journal journal;       // undo, redo and the ops waiting for sync
    unsigned int draft_id = 0;   // the edit field being typed in (its text lives in `draft`)
    std::string draft;
    std::string error_field;     // "<file>#<record>#<field>" of the last refused change
    std::string error_message;   // the checker's message for it, shown next to that field
    std::string status;          // the last edit's outcome, for the status line
    int picker_year = 0, picker_month = 0; // the month the open calendar shows
    // Changes asked for during the frame, applied after the screens are drawn (screens hold references into the
    // dataset while drawing, so the data never changes under them).
    struct Request
    {
        enum class Kind
        {
            Set,
            Batch, // `changes` as one step
            Undo,
            Redo,
        };
        Kind kind = Kind::Set;
        std::string file, record_id, field;
        nlohmann::json value;
        std::vector<edit::Change> changes;
    };
    std::vector<Request> requests;
};

struct AppState
{
    model::Dataset dataset;
    std::vector<check::Issue> issues; // everything the checker found while loading
    LoadState load;
    Settings settings;
    Screen screen = Screen::Overview;
    std::string year_id; // the selected year ("" = the latest)
    std::string today;   // "YYYY-MM-DD" for last/next meeting; "" = the system date
    bool retry_requested = false;

    // Derived from the dataset, recomputed at the start of the frame after any change (never stale).
    bool data_changed = true;  // set by loads and edits
    int64_t data_version = 0;  // increases on every recompute; screens key their caches on it
    DataIndex index;
    scoring::YearResult results; // the selected year's scores, ranks, ballots and awards
    std::vector<std::string> year_members; // member units of the selected year (cluster memberships)

    OverviewScreen overview;
    MembersScreen members;
    MeetingsScreen meetings;
    CovenantScreen covenant;
    ResultsScreen results_screen;
    HistoryScreen history;
    ScoringScreen scoring;
    PresentationState presentation; // projector mode; the platform goes full screen while `active`
    EditState edit;
    SyncView sync; // filled by the app layer's sync driver; screens read it and set its requests
    DocumentState documents; // the "Văn bản" action: the paper asked for, handled by the app layer after the frame
    YearScreen year_screen;
    ChangeLogState change_log; // "Lịch sử thay đổi" of one file; the app layer's history driver fills it
    MinistryScreen ministry;   // the table across clusters; the app layer's ministry driver fills it
    // The cluster this app was opened at in a deployment of several (its address /c/<id>/), "" on a one-cluster
    // server. Its data, store and sync are that cluster's only; the header then offers the list of clusters.
    std::string cluster_address;
    bool open_start_page = false; // "Các cụm, khối" was tapped: the app layer leaves for the deployment's start page

    // Who this device is on the server (GET /api/whoami); until known, nothing is offered for editing.
    roles::Principal who;
    bool who_known = false;

    Layout layout = Layout::Landscape; // chosen each frame from the window's size
    ThemeKind theme_applied = ThemeKind::Light;
    float theme_scale = 0;             // the font scale the style was last sized for

    Fonts fonts;
    ItemRegistry items;
    TextEdit text_edit; // the active text field, mirrored by the platform to the browser's hidden input
    TouchState touch;   // drag-to-scroll, inertia, long-press
    bool animating = false; // set by DrawApp when the next frame must come even without input
    double wake_in_ms = -1; // set by DrawApp when one frame must come later without input (-1 = none)
    double now_ms = 0;      // the wall clock for timers that must run while idle (ImGui's time is clamped after idle)
};
} // namespace ui
