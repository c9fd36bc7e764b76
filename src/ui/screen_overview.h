// Overview: the cluster, the selected year's theme, chair and deputy, the members, where the year stands.
#pragma once

namespace ui
{
struct AppState;

struct OverviewScreen
{
};

void DrawOverviewScreen(OverviewScreen& screen, AppState& app);
} // namespace ui
