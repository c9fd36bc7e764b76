// Touch manners ImGui 1.90.1 lacks: drag anywhere to scroll (the press under the finger is cancelled once it
// moves), inertia after the finger lifts, and long-press = right click (context menus, explanations).
// Mouse input is left alone. Runs at the start of each frame, after ImGui::NewFrame().
#pragma once

namespace ui
{
struct TouchState
{
    bool tracking = false;       // a finger is down
    bool dragging = false;       // it moved past the threshold: we scroll, widgets don't get the press
    bool long_pressed = false;   // this touch already produced its right click
    float down_x = 0, down_y = 0;
    double down_time = 0;
    unsigned int window_id = 0;  // the scrollable window being dragged or coasting
    float velocity_x = 0, velocity_y = 0; // pixels per second, for inertia
};

// Returns true while an animation (inertia) needs more frames.
bool UpdateTouch(TouchState& touch);
} // namespace ui
