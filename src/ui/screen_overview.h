// Overview: the cluster, the selected year's theme, chair and deputy, the members, the last and next meeting,
// where the year stands (its phases). Read-only.
#pragma once

namespace ui
{
struct AppState;

struct OverviewScreen
{
    bool show_issues = false;
};

void DrawOverviewScreen(OverviewScreen& screen, AppState& app);
} // namespace ui
