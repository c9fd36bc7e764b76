// Fonts and style. The glyph ranges match scripts/embed_fonts.py, which subsets the fonts at build time;
// tests/ui/test_ui_texts.cpp checks that every character the app draws has a glyph in the atlas built here.
#include "ui/theme.h"

#include <imgui.h>
#include <imgui_internal.h> // ImFontAtlasBuildInit/SetupFont/Finish: the steps of a build, for RestoreFonts

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <vector>

namespace ui
{
extern const unsigned char kFontRegular[];
extern const std::size_t kFontRegularSize;
extern const unsigned char kFontBold[];
extern const std::size_t kFontBoldSize;
extern const unsigned char kFontSymbols[];
extern const std::size_t kFontSymbolsSize;
extern const char kFontDigest[];
} // namespace ui

namespace
{
const ImWchar kGlyphRanges[] = {
    0x0020, 0x007E, 0x00A0, 0x00FF, // ASCII, Latin-1 (the font holds the part Vietnamese uses)
    0x0102, 0x0103, 0x0110, 0x0111, 0x0128, 0x0129, 0x0168, 0x0169, 0x01A0, 0x01A1, 0x01AF, 0x01B0,
    0x0300, 0x0303, 0x0309, 0x0309, 0x0323, 0x0323, // combining tone marks
    0x1EA0, 0x1EF9,                                 // Vietnamese letters with tones
    0x2000, 0x206F,                                 // general punctuation (the font holds the common part)
    0x20AB, 0x20AB,                                 // ₫
    0,
};
// Signs Noto Sans lacks, merged from the Noto Sans Math subset: arrows, −, ≈, ≠, ≤, ≥ (SYMBOL_UNICODES).
const ImWchar kSymbolRanges[] = {0x2190, 0x2193, 0x2212, 0x2212, 0x2248, 0x2248, 0x2260, 0x2260, 0x2264, 0x2265, 0};

ImFont* AddFont(const unsigned char* data, std::size_t size, float px)
{
    ImFontConfig config;
    config.FontDataOwnedByAtlas = false; // the bytes live in the binary
    // Glyphs snap to whole pixels, so rasterising them at twice the width buys no sub-pixel placement (imgui.h:
    // "If enabled [PixelSnapH], you can set OversampleH/V to 1"): half the atlas, built in half the time.
    config.OversampleH = 1;
    config.OversampleV = 1;
    config.PixelSnapH = true;
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    ImFont* font = atlas->AddFontFromMemoryTTF(const_cast<unsigned char*>(data), static_cast<int>(size), px, &config,
                                               kGlyphRanges);
    config.MergeMode = true; // into `font`
    atlas->AddFontFromMemoryTTF(const_cast<unsigned char*>(ui::kFontSymbols), static_cast<int>(ui::kFontSymbolsSize), px,
                                &config, kSymbolRanges);
    return font;
}

ImVec4 Rgb(int hex, float alpha = 1.0f)
{
    return ImVec4(((hex >> 16) & 0xFF) / 255.0f, ((hex >> 8) & 0xFF) / 255.0f, (hex & 0xFF) / 255.0f, alpha);
}
} // namespace

namespace
{
// Clears the atlas and adds the fonts of `scale`, in the order RestoreFonts relies on; nothing is rasterised yet.
ui::Fonts AddFonts(float scale, bool projector)
{
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    atlas->Clear();
    // The texture is as tall as the glyphs need, not rounded up to a power of two (WebGL2 takes any size): at 2×
    // that is about 40 % fewer texels to rasterise into and upload.
    atlas->Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;
    ui::Fonts fonts;
    fonts.scale = scale;
    const float px = std::floor(ui::kBaseFontPx * scale);
    fonts.regular = AddFont(ui::kFontRegular, ui::kFontRegularSize, px);
    fonts.bold = AddFont(ui::kFontBold, ui::kFontBoldSize, px);
    fonts.large = AddFont(ui::kFontBold, ui::kFontBoldSize, std::floor(px * 1.45f));
    if (projector)
        fonts.huge = AddFont(ui::kFontBold, ui::kFontBoldSize, std::floor(px * 2.6f));
    return fonts;
}

// The first line of PackFonts' bytes: everything the atlas depends on besides the code of this file.
std::string FontsHeader(float scale, bool projector)
{
    char line[160];
    std::snprintf(line, sizeof line, "thidua.fonts.1 imgui=%d glyph=%zu fonts=%s scale=%.4f projector=%d\n",
                  IMGUI_VERSION_NUM, sizeof(ImFontGlyph), ui::kFontDigest, scale, projector ? 1 : 0);
    return line;
}

template <typename T>
void Put(std::string& out, const T& value)
{
    out.append(reinterpret_cast<const char*>(&value), sizeof value);
}

struct Bytes
{
    const std::string& bytes;
    std::size_t at;
    bool Get(void* out, std::size_t n)
    {
        if (n > bytes.size() - at)
            return false;
        std::memcpy(out, bytes.data() + at, n);
        at += n;
        return true;
    }
    template <typename T>
    bool Get(T* value)
    {
        return Get(value, sizeof *value);
    }
};

struct SavedFont
{
    float ascent = 0, descent = 0;
    int32_t surface = 0;
    ImVector<ImFontGlyph> glyphs;
};

bool Usable(const ImFontGlyph& g)
{
    return g.Codepoint <= IM_UNICODE_CODEPOINT_MAX && std::isfinite(g.AdvanceX) && std::isfinite(g.X0) &&
           std::isfinite(g.Y0) && std::isfinite(g.X1) && std::isfinite(g.Y1) && g.U0 >= 0 && g.U1 <= 1 && g.U0 <= g.U1 &&
           g.V0 >= 0 && g.V1 <= 1 && g.V0 <= g.V1;
}
} // namespace

ui::Fonts ui::BuildFonts(float scale, bool projector)
{
    Fonts fonts = AddFonts(scale, projector);
    ImGui::GetIO().Fonts->Build();
    return fonts;
}

std::string ui::PackFonts(float scale, bool projector)
{
    const ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    if (!atlas->TexReady || atlas->TexPixelsAlpha8 == nullptr)
        return "";
    std::string out = FontsHeader(scale, projector);
    Put(out, int32_t{atlas->TexWidth});
    Put(out, int32_t{atlas->TexHeight});
    Put(out, int32_t{atlas->CustomRects.Size});
    for (const ImFontAtlasCustomRect& rect : atlas->CustomRects)
    {
        Put(out, rect.X);
        Put(out, rect.Y);
    }
    Put(out, int32_t{atlas->Fonts.Size});
    for (const ImFont* font : atlas->Fonts)
    {
        Put(out, font->Ascent);
        Put(out, font->Descent);
        Put(out, int32_t{font->MetricsTotalSurface});
        Put(out, int32_t{font->Glyphs.Size});
        out.append(reinterpret_cast<const char*>(font->Glyphs.Data), sizeof(ImFontGlyph) * font->Glyphs.Size);
    }
    out.append(reinterpret_cast<const char*>(atlas->TexPixelsAlpha8),
               static_cast<std::size_t>(atlas->TexWidth) * static_cast<std::size_t>(atlas->TexHeight));
    return out;
}

bool ui::RestoreFonts(const std::string& bytes, float scale, bool projector, Fonts* fonts)
{
    // The bytes are read and checked before the atlas is touched; the rectangles' places once it has them.
    const std::string header = FontsHeader(scale, projector);
    if (bytes.compare(0, header.size(), header) != 0)
        return false;
    Bytes in{bytes, header.size()};
    constexpr int32_t kMaxSide = 16384, kMaxRects = 16, kMaxFonts = 16;
    int32_t width = 0, height = 0, rect_count = 0, font_count = 0;
    if (!in.Get(&width) || !in.Get(&height) || !in.Get(&rect_count) || width <= 0 || height <= 0 || width > kMaxSide ||
        height > kMaxSide || rect_count < 0 || rect_count > kMaxRects)
        return false;
    std::vector<unsigned short> corners(2 * static_cast<std::size_t>(rect_count));
    for (unsigned short& c : corners)
        if (!in.Get(&c))
            return false;
    if (!in.Get(&font_count) || font_count <= 0 || font_count > kMaxFonts)
        return false;
    std::vector<SavedFont> saved(static_cast<std::size_t>(font_count));
    for (SavedFont& font : saved)
    {
        int32_t glyph_count = 0;
        if (!in.Get(&font.ascent) || !in.Get(&font.descent) || !in.Get(&font.surface) || !in.Get(&glyph_count) ||
            glyph_count <= 0 || glyph_count > IM_UNICODE_CODEPOINT_MAX + 1)
            return false;
        font.glyphs.resize(glyph_count);
        if (!in.Get(font.glyphs.Data, sizeof(ImFontGlyph) * static_cast<std::size_t>(glyph_count)))
            return false;
        for (const ImFontGlyph& glyph : font.glyphs)
            if (!Usable(glyph))
                return false;
    }
    const std::size_t texels = static_cast<std::size_t>(width) * static_cast<std::size_t>(height);
    if (bytes.size() - in.at != texels)
        return false;

    // The steps of ImFontAtlasBuildWithStbTruetype, with its rasterising and packing replaced by the saved results.
    Fonts restored = AddFonts(scale, projector);
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    ImFontAtlasBuildInit(atlas); // registers the white pixel's and the thick lines' rectangles
    if (atlas->CustomRects.Size != rect_count || atlas->Fonts.Size != font_count)
        return false;
    for (int i = 0; i < rect_count; i++)
    {
        ImFontAtlasCustomRect& rect = atlas->CustomRects[i];
        rect.X = corners[2 * i];
        rect.Y = corners[2 * i + 1];
        if (rect.X + rect.Width > width || rect.Y + rect.Height > height)
            return false;
    }
    atlas->TexWidth = width;
    atlas->TexHeight = height;
    atlas->TexUvScale = ImVec2(1.0f / width, 1.0f / height);
    atlas->TexPixelsAlpha8 = static_cast<unsigned char*>(IM_ALLOC(texels));
    std::memcpy(atlas->TexPixelsAlpha8, bytes.data() + in.at, texels);
    int i = 0;
    for (ImFontConfig& config : atlas->ConfigData)
    {
        if (config.MergeMode) // the symbols merged into the font before: their glyphs are among its own
            continue;
        ImFont* font = config.DstFont; // atlas->Fonts[i]: AddFonts adds them in order
        ImFontAtlasBuildSetupFont(atlas, font, &config, saved[i].ascent, saved[i].descent);
        font->Glyphs.swap(saved[i].glyphs);
        font->MetricsTotalSurface = saved[i].surface;
        font->DirtyLookupTables = true;
        i++;
    }
    ImFontAtlasBuildFinish(atlas); // the white pixel, the lines' UVs, every font's lookup tables
    *fonts = restored;
    return true;
}

void ui::ApplyTheme(ThemeKind kind, float scale)
{
    ImGuiStyle style;
    ImGui::StyleColorsLight(&style);
    style.WindowPadding = ImVec2(14, 12);
    style.FramePadding = ImVec2(12, 13);  // 17 px font + 2 × 13 = 43 CSS px: touch-sized fields and buttons
    style.ItemSpacing = ImVec2(10, 9);
    style.ItemInnerSpacing = ImVec2(8, 6);
    style.CellPadding = ImVec2(8, 6);
    style.TouchExtraPadding = ImVec2(3, 3);
    style.ScrollbarSize = 16;
    style.GrabMinSize = 18;
    style.WindowRounding = 0;
    style.ChildRounding = 6;
    style.FrameRounding = 6;
    style.PopupRounding = 6;
    style.GrabRounding = 6;
    style.TabRounding = 6;
    style.WindowBorderSize = 0;
    style.FrameBorderSize = 0;

    ImVec4* c = style.Colors;
    if (kind == ThemeKind::Light)
    {
        c[ImGuiCol_Text] = Rgb(0x1B2430);
        c[ImGuiCol_TextDisabled] = Rgb(0x5F6B7A);
        c[ImGuiCol_WindowBg] = Rgb(0xF4F6F9);
        c[ImGuiCol_ChildBg] = Rgb(0xFFFFFF);
        c[ImGuiCol_PopupBg] = Rgb(0xFFFFFF);
        c[ImGuiCol_Border] = Rgb(0xD5DBE3);
        c[ImGuiCol_FrameBg] = Rgb(0xE9EDF2);
        c[ImGuiCol_FrameBgHovered] = Rgb(0xDDE4EC);
        c[ImGuiCol_FrameBgActive] = Rgb(0xD0D9E4);
        c[ImGuiCol_Button] = Rgb(0xE3E9F1);
        c[ImGuiCol_ButtonHovered] = Rgb(0xD3DDEA);
        c[ImGuiCol_ButtonActive] = Rgb(0xBFCDE0);
        c[ImGuiCol_Header] = Rgb(0x1F4E8C, 0.14f);
        c[ImGuiCol_HeaderHovered] = Rgb(0x1F4E8C, 0.22f);
        c[ImGuiCol_HeaderActive] = Rgb(0x1F4E8C, 0.32f);
        c[ImGuiCol_CheckMark] = Rgb(0x1F4E8C);
        c[ImGuiCol_SliderGrab] = Rgb(0x1F4E8C);
        c[ImGuiCol_SliderGrabActive] = Rgb(0x163A69);
        c[ImGuiCol_TableHeaderBg] = Rgb(0xE3E9F1);
        c[ImGuiCol_TableRowBgAlt] = Rgb(0xF6F8FB);
        c[ImGuiCol_TableBorderStrong] = Rgb(0xC9D1DC);
        c[ImGuiCol_TableBorderLight] = Rgb(0xE1E6ED);
        c[ImGuiCol_ScrollbarBg] = Rgb(0xF4F6F9, 0.0f);
        c[ImGuiCol_ScrollbarGrab] = Rgb(0xB8C2CF);
        c[ImGuiCol_NavHighlight] = Rgb(0xC8102E);
    }
    else
    {
        ImGui::StyleColorsDark(&style);
        c[ImGuiCol_Text] = Rgb(0xFFFFFF);
        c[ImGuiCol_TextDisabled] = Rgb(0xB8C4D2);
        c[ImGuiCol_WindowBg] = Rgb(0x0B1726);
        c[ImGuiCol_ChildBg] = Rgb(0x12233A);
        c[ImGuiCol_Border] = Rgb(0x2C4461);
        c[ImGuiCol_TableHeaderBg] = Rgb(0x1A3152);
        c[ImGuiCol_TableRowBgAlt] = Rgb(0x10203A);
        c[ImGuiCol_Header] = Rgb(0xF2C14E, 0.25f);
        c[ImGuiCol_Button] = Rgb(0x1A3152);
    }
    style.ScaleAllSizes(scale);
    ImGui::GetStyle() = style;
}
