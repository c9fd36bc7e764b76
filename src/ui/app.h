// The app's one window: header, navigation, the current screen, status line. Decides layout; screens draw contents.
#pragma once

#include "ui/app_state.h"

#include <string>

namespace ui
{
void DrawApp(AppState& app);

// The selected year's record (the latest year when none is selected), or nullptr when there is none.
const model::YearFile* SelectedYear(const AppState& app);
// Counts and status for window.thidua.state() (tests, accessibility mirror).
std::string StateJson(const AppState& app);
} // namespace ui
