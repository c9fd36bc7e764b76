// Fonts, colours and spacing in one place. Sizes are in framebuffer pixels: everything is built for
// scale = devicePixelRatio × the user's text size, and rebuilt when that changes (never FontGlobalScale: blurry).
#pragma once

#include <string>

struct ImFont;

namespace ui
{
enum class ThemeKind
{
    Light,        // tablets and desks
    Presentation, // projector: high contrast, dark
};

struct Fonts
{
    ImFont* regular = nullptr;
    ImFont* bold = nullptr;
    ImFont* large = nullptr;   // headings
    ImFont* huge = nullptr;    // projector slides' titles; built only for the projector (nullptr otherwise)
    float scale = 0;           // the scale the atlas was built for
};

constexpr float kBaseFontPx = 17.0f; // CSS pixels at text size 100 %

// Clears the atlas and adds Noto Sans (embedded subset) at `scale`. The caller re-uploads the texture.
// `projector` adds the huge size of the slides' titles: at 2.6× the text size it costs as much to rasterise as
// the three other sizes together, so the app builds it only while the presentation runs (a first visit waits
// for the atlas).
Fonts BuildFonts(float scale, bool projector = true);
// The atlas BuildFonts made, as bytes to keep (platform store): its pixels, glyphs and metrics, headed by what it
// was built from (the fonts' digest, ImGui's version, `scale`, `projector`).
std::string PackFonts(float scale, bool projector);
// Instead of BuildFonts: the atlas from PackFonts' bytes, without rasterising a glyph (a repeat visit's fonts in a
// few ms instead of ~70). False, with the atlas to be built, when the bytes are of other fonts, another scale, ImGui
// version or projector setting, or are damaged.
bool RestoreFonts(const std::string& bytes, float scale, bool projector, Fonts* fonts);
// Resets the style to the theme and sizes it for `scale` (touch-friendly paddings).
void ApplyTheme(ThemeKind kind, float scale);

} // namespace ui
