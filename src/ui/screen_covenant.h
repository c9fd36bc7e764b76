// Covenant: the selected year's theme, commitments, signatories and each member's registration. Read-only.
#pragma once

namespace ui
{
struct AppState;

struct CovenantScreen
{
};

void DrawCovenantScreen(CovenantScreen& screen, AppState& app);
} // namespace ui
