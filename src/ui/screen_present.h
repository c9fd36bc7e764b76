// Presentation mode for the projector: slides in order (overview, members, covenant, results, the reveal), driven
// by a clicker. The reveal shows the ranking from last to first, then the ballot, then the award proposals.
#pragma once

#include <string>

namespace ui
{
struct AppState;

enum class Slide
{
    Overview,
    Members,
    Covenant,
    Results,
    Reveal,
    Count,
};

struct PresentationState
{
    bool active = false;   // the platform requests full screen while this is true
    int slide = 0;         // a Slide
    int reveal_step = 0;   // 0 = title; k = the last k ranks shown; ranks + 1 = ballot; ranks + 2 = awards
    bool blank = false;    // B: a black screen
    double step_time = -1; // ImGui time of the last step, for the slide-in of the new row
    std::string member;    // the unit whose card is open on the members slide ("" = the list)
    std::string copied;    // a contact value copied from the card
    double controls_since = -1; // when the pointer last moved (seconds): the control bar hides a few seconds later
};

// Number of reveal steps after the title: one per unit, then the ballot, then the awards; none before the final
// scores are agreed (the title slide then says so).
int RevealSteps(const AppState& app);
// Next / previous step of the whole show (within the reveal, then across slides).
void PresentationNext(AppState& app);
void PresentationPrevious(AppState& app);
void EnterPresentation(AppState& app);
void LeavePresentation(AppState& app);

void DrawPresentation(PresentationState& state, AppState& app);
} // namespace ui
