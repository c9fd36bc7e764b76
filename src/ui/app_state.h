// Everything the app knows: the dataset, load/sync status, settings and one state struct per screen.
// Owned by main.cpp; screens get it by reference. Transient UI state only in the screen structs.
#pragma once

#include "core/check/issue.h"
#include "core/model/model.h"
#include "ui/item_registry.h"
#include "ui/screen_overview.h"
#include "ui/strings.h"
#include "ui/text_field.h"
#include "ui/touch.h"
#include "ui/theme.h"

#include <string>
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
};

struct AppState
{
    model::Dataset dataset;
    std::vector<check::Issue> issues; // everything the checker found while loading
    LoadState load;
    Settings settings;
    Screen screen = Screen::Overview;
    std::string year_id; // the selected year ("" = the latest)
    bool retry_requested = false;
    bool show_issues = false;

    OverviewScreen overview;

    Fonts fonts;
    ItemRegistry items;
    TextEdit text_edit; // the active text field, mirrored by the platform to the browser's hidden input
    TouchState touch;   // drag-to-scroll, inertia, long-press
    bool animating = false; // set by DrawApp when the next frame must come even without input
};
} // namespace ui
