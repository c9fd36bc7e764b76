// ImGui test-engine hooks (compiled into imgui with IMGUI_ENABLE_TEST_ENGINE) that fill ui::ItemRegistry, and
// the link-time wrapper of ImDrawList::AddText that records every text drawn.
#include "ui/item_registry.h"

#include <imgui.h>
#include <imgui_internal.h>
#include <nlohmann/json.hpp>

#include <cfloat>
#include <cstring>

namespace
{
ui::ItemRegistry* RegistryOf(ImGuiContext* ctx)
{
    return ctx ? static_cast<ui::ItemRegistry*>(ctx->TestEngine) : nullptr;
}

// "Name##id" -> "Name". A field with no visible label may carry its accessible name after the "##"
// ("##Số phiếu Sở TN&MT Hải Dương"), which tests and screen readers then use.
std::string VisibleLabel(const char* label)
{
    const char* end = std::strstr(label, "##");
    if (!end)
        return label;
    if (end != label)
        return std::string(label, end);
    const char* name = end + 2;
    while (*name == '#')
        ++name;
    return name;
}
} // namespace

void ImGuiTestEngineHook_ItemAdd(ImGuiContext* ctx, ImGuiID id, const ImRect& bb, const ImGuiLastItemData*)
{
    ui::ItemRegistry* registry = RegistryOf(ctx);
    ImGuiWindow* window = ctx->CurrentWindow;
    if (!registry || !window || window->IsFallbackWindow)
        return;
    ImRect clipped = bb;
    clipped.ClipWithFull(window->ClipRect);
    ui::RegisteredItem item;
    item.id = id;
    item.window = window->Name;
    item.visible = clipped.GetWidth() > 0 && clipped.GetHeight() > 0;
    item.x = clipped.Min.x;
    item.y = clipped.Min.y;
    item.w = clipped.GetWidth();
    item.h = clipped.GetHeight();
    registry->building.push_back(item);
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext* ctx, ImGuiID id, const char* label, ImGuiItemStatusFlags flags)
{
    ui::ItemRegistry* registry = RegistryOf(ctx);
    if (!registry || !label || ImGui::FindWindowByID(id))
        return; // windows and child windows are containers, not widgets a person taps
    for (auto it = registry->building.rbegin(); it != registry->building.rend(); ++it)
        if (it->id == id)
        {
            it->label = VisibleLabel(label);
            it->inputable = (flags & ImGuiItemStatusFlags_Inputable) != 0;
            it->checked = (flags & ImGuiItemStatusFlags_Checked) != 0;
            return;
        }
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext* ctx, ImGuiID id)
{
    if (ui::ItemRegistry* registry = RegistryOf(ctx))
        for (const ui::RegisteredItem& item : registry->items)
            if (item.id == id)
                return item.label.c_str();
    return nullptr;
}

// Every text ImGui draws (labels, Text, tables, input fields, our own draw-list text) goes through one of the two
// ImDrawList::AddText overloads. The link (-Wl,--wrap in CMakeLists.txt) sends calls from other object files to
// these wrappers, which record the text in the context's registry and draw it as the original does.
extern "C"
{
    void __real__ZN10ImDrawList7AddTextEPK6ImFontfRK6ImVec2jPKcS7_fPK6ImVec4(ImDrawList* list, const ImFont* font,
        float size, const ImVec2& pos, ImU32 col, const char* begin, const char* end, float wrap, const ImVec4* clip);

    void __wrap__ZN10ImDrawList7AddTextEPK6ImFontfRK6ImVec2jPKcS7_fPK6ImVec4(ImDrawList* list, const ImFont* font,
        float size, const ImVec2& pos, ImU32 col, const char* begin, const char* end, float wrap, const ImVec4* clip)
    {
        if (!end)
            end = begin + std::strlen(begin);
        // Not the title of ImGui's implicit "Debug" window, which NewFrame draws and then drops when it stays empty.
        ImGuiContext* ctx = ImGui::GetCurrentContext();
        ui::ItemRegistry* registry = RegistryOf(ctx);
        if (registry && begin != end && (col & IM_COL32_A_MASK) != 0 &&
            !(ctx->CurrentWindow && ctx->CurrentWindow->IsFallbackWindow))
        {
            registry->texts_building.emplace_back(begin, end);
            const float clip_right = clip && clip->z < list->_CmdHeader.ClipRect.z ? clip->z : list->_CmdHeader.ClipRect.z;
            registry->places_building.push_back({font ? font : list->_Data->Font, size != 0 ? size : list->_Data->FontSize,
                                                 pos.x, pos.y, wrap, clip_right,
                                                 ctx->CurrentWindow && ctx->CurrentWindow->ScrollMax.x > 0});
        }
        __real__ZN10ImDrawList7AddTextEPK6ImFontfRK6ImVec2jPKcS7_fPK6ImVec4(list, font, size, pos, col, begin, end,
                                                                              wrap, clip);
    }

    // AddText(pos, col, begin, end) is AddText(NULL, 0.0f, pos, col, begin, end) (imgui_draw.cpp).
    void __wrap__ZN10ImDrawList7AddTextERK6ImVec2jPKcS4_(ImDrawList* list, const ImVec2& pos, ImU32 col,
                                                          const char* begin, const char* end)
    {
        __wrap__ZN10ImDrawList7AddTextEPK6ImFontfRK6ImVec2jPKcS7_fPK6ImVec4(list, nullptr, 0.0f, pos, col, begin, end,
                                                                              0.0f, nullptr);
    }
}

void ui::AttachItemRegistry(ImGuiContext* ctx, ItemRegistry* registry)
{
    ctx->TestEngine = registry;
    ctx->TestEngineHookItems = registry != nullptr;
}

void ui::FinishItemFrame(ItemRegistry& registry)
{
    registry.items.clear();
    for (RegisteredItem& item : registry.building)
        if (!item.label.empty())
            registry.items.push_back(std::move(item));
    registry.building.clear();
    registry.texts.swap(registry.texts_building);
    registry.texts_building.clear();
    registry.places.swap(registry.places_building);
    registry.places_building.clear();
}

float ui::TextRight(const ItemRegistry& registry, std::size_t k)
{
    const TextPlace& place = registry.places[k];
    const std::string& text = registry.texts[k];
    const ImVec2 size = place.font->CalcTextSizeA(place.size, FLT_MAX, place.wrap, text.data(), text.data() + text.size());
    return place.x + size.x;
}

const ui::RegisteredItem* ui::FindItem(const ItemRegistry& registry, const std::string& label)
{
    for (const RegisteredItem& item : registry.items)
        if (item.visible && item.label == label)
            return &item;
    return nullptr;
}

std::string ui::ItemsToJson(const ItemRegistry& registry, float pixel_ratio)
{
    nlohmann::json out = nlohmann::json::array();
    const float k = pixel_ratio > 0 ? 1.0f / pixel_ratio : 1.0f;
    for (const RegisteredItem& item : registry.items)
        out.push_back({{"label", item.label}, {"window", item.window}, {"visible", item.visible},
                       {"inputable", item.inputable}, {"checked", item.checked},
                       {"x", item.x * k}, {"y", item.y * k}, {"w", item.w * k}, {"h", item.h * k}});
    return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string ui::TextsToJson(const ItemRegistry& registry)
{
    return nlohmann::json(registry.texts).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}
