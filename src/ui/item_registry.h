// The on-screen rectangle and label of every labelled ImGui widget in the last frame, collected through
// ImGui's test-engine item hooks, and every text drawn (ImDrawList::AddText, wrapped at link time). Browser tests
// and native UI tests tap items by label through this, like a person, and read what a person would read.
#pragma once

#include <string>
#include <vector>

struct ImGuiContext;

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

struct ItemRegistry
{
    std::vector<RegisteredItem> building; // items of the frame being drawn
    std::vector<RegisteredItem> items;    // items of the last complete frame
    std::vector<std::string> texts_building; // every text drawn in the frame being drawn, in drawing order
    std::vector<std::string> texts;          // every text drawn in the last complete frame
};

// Points ImGui's item hooks at `registry` (stored in the context; no globals). Call once after CreateContext.
void AttachItemRegistry(ImGuiContext* ctx, ItemRegistry* registry);
// Call after ImGui::Render(): publishes the frame's items and texts.
void FinishItemFrame(ItemRegistry& registry);

// First visible item whose label equals `label` (or nullptr).
const RegisteredItem* FindItem(const ItemRegistry& registry, const std::string& label);

// The last frame's items as JSON, with coordinates divided by `pixel_ratio` (CSS pixels in the browser).
std::string ItemsToJson(const ItemRegistry& registry, float pixel_ratio);
// The last frame's texts as a JSON array of strings.
std::string TextsToJson(const ItemRegistry& registry);
} // namespace ui
