// Native headless ImGui for UI tests: no window, no GPU. Loads a dataset folder from disk the way the app
// does (datapackage.json, then every file it lists), draws ui::DrawApp for frames, and taps items by label
// through the same item registry the browser tests use.
#pragma once

#include "core/io/dataset.h"
#include "ui/app.h"

#include <string>

namespace uitest
{
// Reads datapackage.json and the files it lists from `folder` into `app` (as the browser loader does).
void LoadFolder(ui::AppState& app, const std::string& folder);

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
    bool Has(const std::string& label) const;

    ui::AppState app;
};
} // namespace uitest
