// Native headless ImGui for UI tests: no window, no GPU. Loads a dataset folder from disk the way the app
// does (datapackage.json, then every file it lists), draws ui::DrawApp for frames, and taps items by label
// through the same item registry the browser tests use; keys and typed text arrive as the platform sends them.
#pragma once

#include "core/io/dataset.h"
#include "ui/app.h"

#include <imgui.h>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace uitest
{
// Reads datapackage.json and the files it lists from `folder` into `app` (as the browser loader does).
void LoadFolder(ui::AppState& app, const std::string& folder);

// Writes a synthetic dataset with `thidua synth` into a fresh temporary folder and returns the folder.
std::string MakeSynthetic(int members, int criteria, int years, int seed = 7);

// Grows the cluster to `members` units in memory by copying existing units (organisation, membership, self-assessment,
// final scores) under new ids, and drops the cross scores: `thidua synth` writes members² of those, so a
// 1,000-member dataset would be about 1 GB on disk. The screens see the same shape of data, only wider.
void ScaleMembers(model::Dataset& data, int members);

struct Harness
{
    explicit Harness(float width = 1280, float height = 800, float scale = 1.0f);
    ~Harness();
    Harness(const Harness&) = delete;
    Harness& operator=(const Harness&) = delete;

    void Frame();             // one full frame of DrawApp
    void Frames(int count);   // several frames
    // Moves the pointer to the item's centre, presses and releases (touch source), drawing frames between.
    // Returns false when no visible item has this label.
    bool Tap(const std::string& label);
    bool TapItem(const ui::RegisteredItem& item);
    // Holds a finger on the item past the long-press time (the touch layer turns it into a right click).
    bool LongPress(const std::string& label);
    bool Has(const std::string& label) const;
    // One finger down at (x, y), moved by (dx, dy) over `steps` frames, held still, then lifted (no fling).
    void Swipe(float x, float y, float dx, float dy, int steps = 12);
    // Turns the mouse wheel over (x, y) until an item with `label` is visible (at most `tries` turns).
    bool ScrollTo(const std::string& label, float x, float y, int tries = 20);
    // Every visible item with this label, in drawing order.
    std::vector<ui::RegisteredItem> Items(const std::string& label) const;
    // The texts of the last frame that run past the right edge of what shows of them (a window's or a cell's edge, a
    // button's frame): a person reads "Vĩnh Phú" for "Vĩnh Phúc". Not counted: texts wholly out of view (scrolled away),
    // and texts in a region that scrolls sideways (a wide table), which a person swipes to.
    std::vector<std::string> CutTexts() const;
    // Presses and releases a key (what a presentation clicker or keyboard sends), drawing frames between.
    void Key(ImGuiKey key, ImGuiKey modifier = ImGuiKey_None);
    // Replaces the active text field's text, as the browser's hidden input does after typing or an IME.
    bool Type(const std::string& text);
    void Resize(float width, float height);
    nlohmann::json State() const; // ui::StateJson, parsed

    ui::AppState app;
};
} // namespace uitest
