#include "ui/touch.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <cmath>

namespace
{
constexpr double kLongPressSeconds = 0.5;
constexpr float kInertiaTimeConstant = 0.325f; // seconds; frame-rate independent decay
constexpr float kStopSpeed = 20.0f;            // px/s below which coasting stops

// The innermost window under the finger that can scroll (tables and child windows included).
ImGuiWindow* ScrollableAt(ImGuiWindow* window)
{
    while (window && window->ScrollMax.y <= 0 && window->ScrollMax.x <= 0 && (window->Flags & ImGuiWindowFlags_ChildWindow))
        window = window->ParentWindow;
    return window && (window->ScrollMax.y > 0 || window->ScrollMax.x > 0) ? window : nullptr;
}

// The window that takes the rest of a swipe once `window` is at its end: the next scrollable parent.
ImGuiWindow* ScrollableParent(ImGuiWindow* window)
{
    return (window->Flags & ImGuiWindowFlags_ChildWindow) ? ScrollableAt(window->ParentWindow) : nullptr;
}

// Scrolls by the finger's movement; what a nested area cannot take (it is at its end, or does not scroll that
// way: a table that scrolls sideways inside a page that scrolls down) goes on to its parent.
void ScrollBy(ImGuiWindow* window, float dx, float dy)
{
    for (; window && (dx != 0 || dy != 0); window = ScrollableParent(window))
    {
        const float x = ImClamp(window->Scroll.x - dx, 0.0f, window->ScrollMax.x);
        const float y = ImClamp(window->Scroll.y - dy, 0.0f, window->ScrollMax.y);
        dx -= window->Scroll.x - x;
        dy -= window->Scroll.y - y;
        if (x != window->Scroll.x)
            ImGui::SetScrollX(window, x);
        if (y != window->Scroll.y)
            ImGui::SetScrollY(window, y);
    }
}

// Widgets that follow the finger themselves (sliders, drags, scrollbars) keep the drag.
bool ActiveWidgetDrags(const ImGuiContext& g, ImGuiWindow* window)
{
    if (g.ActiveId == 0)
        return false;
    // A press on empty background or plain text makes ImGui start a window move, even in a window that cannot
    // move (it then sets no MovingWindow but still claims every key and direction): that press is ours to scroll.
    if (g.ActiveIdWindow && g.ActiveId == g.ActiveIdWindow->MoveId)
        return false;
    if (g.ActiveIdUsingNavDirMask != 0)
        return true;
    return window && (g.ActiveId == ImGui::GetWindowScrollbarID(window, ImGuiAxis_X) ||
                      g.ActiveId == ImGui::GetWindowScrollbarID(window, ImGuiAxis_Y));
}
} // namespace

bool ui::UpdateTouch(TouchState& touch)
{
    ImGuiContext& g = *ImGui::GetCurrentContext();
    ImGuiIO& io = g.IO;
    const float dt = io.DeltaTime > 0 ? io.DeltaTime : 1.0f / 60.0f;
    const bool touch_down = io.MouseSource == ImGuiMouseSource_TouchScreen && io.MouseDown[0];

    if (touch_down && !touch.tracking)
    {
        ImGuiWindow* window = ScrollableAt(g.HoveredWindow);
        touch = TouchState{};
        touch.tracking = true;
        touch.down_x = io.MousePos.x;
        touch.down_y = io.MousePos.y;
        touch.down_time = g.Time;
        touch.window_id = window ? window->ID : 0;
        return false;
    }
    ImGuiWindow* window = touch.window_id ? ImGui::FindWindowByID(touch.window_id) : nullptr;

    if (touch_down)
    {
        const float dx = io.MousePos.x - touch.down_x, dy = io.MousePos.y - touch.down_y;
        const float threshold = ImGui::GetFontSize() * 0.6f;
        if (!touch.dragging && !touch.long_pressed && window && dx * dx + dy * dy > threshold * threshold &&
            !ActiveWidgetDrags(g, window))
        {
            touch.dragging = true;
            ImGui::ClearActiveID(); // the button under the finger must not fire on release
        }
        if (touch.dragging && window)
        {
            ScrollBy(window, io.MouseDelta.x, io.MouseDelta.y);
            const float blend = 0.35f; // smoothed velocity of the last frames
            touch.velocity_x = touch.velocity_x * (1 - blend) + (io.MouseDelta.x / dt) * blend;
            touch.velocity_y = touch.velocity_y * (1 - blend) + (io.MouseDelta.y / dt) * blend;
        }
        if (!touch.dragging && !touch.long_pressed && g.Time - touch.down_time > kLongPressSeconds &&
            !ActiveWidgetDrags(g, window))
        {
            touch.long_pressed = true;
            ImGui::ClearActiveID(); // the left press becomes a right click
            io.AddMouseButtonEvent(1, true);
            io.AddMouseButtonEvent(1, false);
        }
        return true;
    }

    if (touch.tracking)
    {
        touch.tracking = false;
        if (!touch.dragging)
            touch.velocity_x = touch.velocity_y = 0;
        touch.dragging = false;
    }
    // Inertia: keep coasting with exponential decay until slow.
    if (window && (std::fabs(touch.velocity_x) > kStopSpeed || std::fabs(touch.velocity_y) > kStopSpeed))
    {
        ScrollBy(window, touch.velocity_x * dt, touch.velocity_y * dt);
        const float decay = std::exp(-dt / kInertiaTimeConstant);
        touch.velocity_x *= decay;
        touch.velocity_y *= decay;
        return true;
    }
    touch.velocity_x = touch.velocity_y = 0;
    return false;
}
