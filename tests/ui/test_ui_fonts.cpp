// The font atlas kept between visits (ui::PackFonts / ui::RestoreFonts): what comes back must be the atlas a build
// makes, to the pixel, and bytes that do not fit must be refused so that the fonts are built as on a first visit.
#include "ui/theme.h"

#include <doctest/doctest.h>
#include <imgui.h>

#include <cfloat>
#include <cstring>
#include <string>
#include <vector>

namespace
{
const char* const kSample = "Cụm thi đua số I — Ủy ban nhân dân tỉnh Bắc Ninh: 90,0 % ≥ 85 → “xuất sắc”…";

struct FontState
{
    float size = 0, ascent = 0, descent = 0, fallback_advance = 0, ellipsis_width = 0, ellipsis_step = 0;
    int fallback_char = 0, ellipsis_char = 0, ellipsis_count = 0;
    std::string glyphs;
    std::vector<float> advances;
    std::vector<ImWchar> lookup;
    ImVec2 sample;
};

struct AtlasState
{
    int width = 0, height = 0;
    std::string pixels;
    ImVec2 white;
    std::vector<ImVec4> lines;
    std::vector<FontState> fonts;
};

AtlasState Capture()
{
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    AtlasState s;
    unsigned char* pixels = nullptr;
    atlas->GetTexDataAsAlpha8(&pixels, &s.width, &s.height);
    s.pixels.assign(reinterpret_cast<const char*>(pixels), static_cast<size_t>(s.width) * s.height);
    s.white = atlas->TexUvWhitePixel;
    s.lines.assign(atlas->TexUvLines, atlas->TexUvLines + IM_ARRAYSIZE(atlas->TexUvLines));
    for (ImFont* font : atlas->Fonts)
    {
        FontState f;
        f.size = font->FontSize;
        f.ascent = font->Ascent;
        f.descent = font->Descent;
        f.fallback_advance = font->FallbackAdvanceX;
        f.ellipsis_width = font->EllipsisWidth;
        f.ellipsis_step = font->EllipsisCharStep;
        f.fallback_char = font->FallbackChar;
        f.ellipsis_char = font->EllipsisChar;
        f.ellipsis_count = font->EllipsisCharCount;
        f.glyphs.assign(reinterpret_cast<const char*>(font->Glyphs.Data), sizeof(ImFontGlyph) * font->Glyphs.Size);
        f.advances.assign(font->IndexAdvanceX.begin(), font->IndexAdvanceX.end());
        f.lookup.assign(font->IndexLookup.begin(), font->IndexLookup.end());
        f.sample = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, kSample);
        s.fonts.push_back(f);
    }
    return s;
}

void CheckSame(const AtlasState& a, const AtlasState& b)
{
    CHECK(a.width == b.width);
    CHECK(a.height == b.height);
    CHECK(a.pixels == b.pixels);
    CHECK(a.white.x == b.white.x);
    CHECK(a.white.y == b.white.y);
    CHECK(std::memcmp(a.lines.data(), b.lines.data(), sizeof(ImVec4) * a.lines.size()) == 0);
    REQUIRE(a.fonts.size() == b.fonts.size());
    for (size_t i = 0; i < a.fonts.size(); i++)
    {
        CAPTURE(i);
        const FontState &x = a.fonts[i], &y = b.fonts[i];
        CHECK(x.size == y.size);
        CHECK(x.ascent == y.ascent);
        CHECK(x.descent == y.descent);
        CHECK(x.fallback_advance == y.fallback_advance);
        CHECK(x.fallback_char == y.fallback_char);
        CHECK(x.ellipsis_char == y.ellipsis_char);
        CHECK(x.ellipsis_count == y.ellipsis_count);
        CHECK(x.ellipsis_width == y.ellipsis_width);
        CHECK(x.ellipsis_step == y.ellipsis_step);
        CHECK(x.glyphs == y.glyphs);
        CHECK(x.advances == y.advances);
        CHECK(x.lookup == y.lookup);
        CHECK(x.sample.x == y.sample.x);
        CHECK(x.sample.y == y.sample.y);
    }
}

// A fresh ImGui context per step: nothing of one atlas can leak into the next.
struct Context
{
    Context() { ImGui::CreateContext(); }
    ~Context() { ImGui::DestroyContext(); }
};
} // namespace

TEST_SUITE("ui fonts")
{
    TEST_CASE("an atlas kept as bytes comes back pixel for pixel and glyph for glyph, and text measures the same")
    {
        for (const bool projector : {false, true})
        {
            CAPTURE(projector);
            std::string kept;
            AtlasState built;
            {
                Context context;
                const ui::Fonts fonts = ui::BuildFonts(2.0f, projector);
                kept = ui::PackFonts(2.0f, projector);
                built = Capture();
                CHECK(built.fonts.size() == (projector ? 4u : 3u));
                CHECK(fonts.regular != nullptr);
            }
            REQUIRE(!kept.empty());
            CHECK(built.fonts[0].glyphs.size() / sizeof(ImFontGlyph) > 250); // Latin, Vietnamese, punctuation, signs
            Context context;
            ui::Fonts fonts;
            REQUIRE(ui::RestoreFonts(kept, 2.0f, projector, &fonts));
            ImFontAtlas* atlas = ImGui::GetIO().Fonts;
            CHECK(fonts.scale == 2.0f);
            CHECK(fonts.regular == atlas->Fonts[0]);
            CHECK(fonts.bold == atlas->Fonts[1]);
            CHECK(fonts.large == atlas->Fonts[2]);
            CHECK(fonts.huge == (projector ? atlas->Fonts[3] : nullptr));
            CHECK(atlas->IsBuilt());
            CheckSame(built, Capture());
        }
    }

    TEST_CASE("kept bytes of another scale, the projector's sizes, another format or damaged are refused; the fonts "
              "are then built as on a first visit")
    {
        std::string kept;
        AtlasState built;
        {
            Context context;
            ui::BuildFonts(2.0f, false);
            kept = ui::PackFonts(2.0f, false);
            built = Capture();
        }
        const size_t header = kept.find('\n') + 1;
        std::vector<std::pair<std::string, std::string>> refused = {
            {"empty", ""},
            {"the header alone", kept.substr(0, header)},
            {"cut in the glyphs", kept.substr(0, header + 100)},
            {"one byte short", kept.substr(0, kept.size() - 1)},
            {"one byte more", kept + "x"},
            {"another format", "thidua.fonts.0" + kept.substr(std::strlen("thidua.fonts.1"))},
        };
        // A glyph's code point beyond Unicode (would size the lookup table by it) and a texture side of 0.
        std::string bad_glyph = kept;
        const size_t first_glyph = header + 4 * 4 + 2 * 2 * 2 + 4 * 4; // w, h, rects, 2 rects, fonts, a font's 4 values
        const unsigned int huge = 0xFFFFFFFFu;
        std::memcpy(&bad_glyph[first_glyph], &huge, sizeof huge);
        refused.push_back({"a code point beyond Unicode", bad_glyph});
        std::string no_width = kept;
        std::memset(&no_width[header], 0, 4);
        refused.push_back({"a texture 0 wide", no_width});

        for (const auto& [what, bytes] : refused)
        {
            CAPTURE(what);
            Context context;
            ui::Fonts fonts;
            CHECK_FALSE(ui::RestoreFonts(bytes, 2.0f, false, &fonts));
            CHECK(fonts.regular == nullptr); // untouched
            ui::BuildFonts(2.0f, false);     // what the app does next
            CheckSame(built, Capture());
        }
        for (const auto& [scale, projector] : {std::pair{1.0f, false}, std::pair{2.5f, false}, std::pair{2.0f, true}})
        {
            CAPTURE(scale);
            CAPTURE(projector);
            Context context;
            ui::Fonts fonts;
            CHECK_FALSE(ui::RestoreFonts(kept, scale, projector, &fonts));
        }
    }
}
