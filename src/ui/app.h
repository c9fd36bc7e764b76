// The app's one window: header, navigation, the current screen, status line. Decides layout; screens draw
// contents. Also the app's routes (the URL hash) and its state as JSON for tests and the accessibility mirror.
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
// Who this app is, in words for the header: "Sở NN&MT Bắc Ninh · đơn vị thành viên", "Chỉ xem", ...
std::string RoleLabel(const AppState& app);
// May this app's role write anything at all (else no edit mode is offered)? True when no server said who it is.
bool MayWriteSomething(const AppState& app);

// The route of what is on screen: "/overview", "/members", "/members/<org-id>", "/meetings",
// "/meetings/<meeting-id>", "/covenant", "/results", "/results/ballots", "/results/awards", "/history",
// "/present/<slide 1..6>". A selected year other than the latest adds "?year=<yyyy>".
std::string CurrentRoute(const AppState& app);
// Shows what a route names; unknown routes show the overview. Leaving "/present/..." leaves presentation mode.
void OpenRoute(AppState& app, const std::string& route);

// Navigation used by the screens (taps on names, meetings, ...).
void OpenScreen(AppState& app, Screen screen);
void OpenMember(AppState& app, const std::string& org_id);
void OpenMeeting(AppState& app, const std::string& meeting_id);

// The text size the fonts should be built for: the user's setting, or in presentation mode one sized from the
// screen (a projector is read from the back of the room). main.cpp multiplies it by the pixel ratio.
float FontTextScale(const AppState& app, float screen_height_css);
// The text-size step nearest to `wanted` (a pinch: the size when the fingers went down × their spread since),
// within the same limits as the A– / A+ buttons.
float NearestTextScale(float wanted);
} // namespace ui
