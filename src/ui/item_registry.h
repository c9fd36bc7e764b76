// The on-screen rectangle and label of every labelled ImGui widget in the last frame, collected through
// ImGui's test-engine item hooks, and every text drawn (ImDrawList::AddText, wrapped at link time). Browser tests
// and native UI tests tap items by label through this, like a person, and read what a person would read.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

struct ImGuiContext;
struct ImFont;

namespace ui
{
struct RegisteredItem
{
    unsigned int id = 0;
    std::string label;         // as passed to the widget, without the "##..." suffix ("##name" -> "name")
    std::string window;        // name of the window the item is in
    float x = 0, y = 0, w = 0, h = 0; // visible part, in framebuffer pixels
    bool visible = false;      // some part is inside its window's clip rect
    bool inputable = false;    // a text field
    bool checked = false;
};

// Where a text of ItemRegistry::texts was drawn: what ImGui passed to ImDrawList::AddText, kept as it is (nothing
// is measured while the app draws); TextRight measures it.
struct TextPlace
{
    const ImFont* font = nullptr;
    float size = 0, x = 0, y = 0, wrap = 0;
    float clip_right = 0; // the right edge of what shows: the draw list's clip rect, narrowed by AddText's own
    bool scrolls_x = false; // drawn in a window that scrolls sideways (a wide table): its edge cuts by design
};

struct ItemRegistry
{
    std::vector<RegisteredItem> building; // items of the frame being drawn
    std::vector<RegisteredItem> items;    // items of the last complete frame
    std::vector<std::string> texts_building; // every text drawn in the frame being drawn, in drawing order
    std::vector<std::string> texts;          // every text drawn in the last complete frame
    std::vector<TextPlace> places_building;  // where each of texts_building was drawn (same index)
    std::vector<TextPlace> places;           // where each of texts was drawn (same index)
};

// Points ImGui's item hooks at `registry` (stored in the context; no globals). Call once after CreateContext.
void AttachItemRegistry(ImGuiContext* ctx, ItemRegistry* registry);
// Call after ImGui::Render(): publishes the frame's items and texts.
void FinishItemFrame(ItemRegistry& registry);

// The right edge of the k-th text of the last frame, as drawn (wrapped where it was drawn wrapped).
float TextRight(const ItemRegistry& registry, std::size_t k);

// First visible item whose label equals `label` (or nullptr).
const RegisteredItem* FindItem(const ItemRegistry& registry, const std::string& label);

// The last frame's items as JSON, with coordinates divided by `pixel_ratio` (CSS pixels in the browser).
std::string ItemsToJson(const ItemRegistry& registry, float pixel_ratio);
// The last frame's texts as a JSON array of strings.
std::string TextsToJson(const ItemRegistry& registry);
} // namespace ui
