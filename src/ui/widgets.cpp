#include "ui/widgets.h"

#include "ui/app_state.h"

void ui::Badge(const char* text, ImU32 background, ImU32 foreground)
{
    const ImVec2 pad = ImGui::GetStyle().FramePadding;
    const ImVec2 size = ImGui::CalcTextSize(text);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const ImVec2 end(pos.x + size.x + pad.x * 2, pos.y + size.y + pad.y);
    ImGui::GetWindowDrawList()->AddRectFilled(pos, end, background, ImGui::GetStyle().FrameRounding);
    ImGui::GetWindowDrawList()->AddText(ImVec2(pos.x + pad.x, pos.y + pad.y * 0.5f), foreground, text);
    ImGui::Dummy(ImVec2(end.x - pos.x, end.y - pos.y));
}

void ui::LabelValue(const char* label, const std::string& value)
{
    ImGui::TextDisabled("%s:", label);
    ImGui::SameLine();
    ImGui::TextWrapped("%s", value.c_str());
}

void ui::Heading(const AppState& app, const std::string& text)
{
    ImGui::PushFont(app.fonts.large);
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::PopFont();
}

const model::Organization* ui::FindOrganization(const model::Dataset& data, const std::string& id)
{
    for (const model::Organization& org : data.organizations)
        if (org.id == id)
            return &org;
    return nullptr;
}

std::string ui::OrgName(const model::Dataset& data, const std::string& id)
{
    const model::Organization* org = FindOrganization(data, id);
    if (!org)
        return id;
    return org->short_name.empty() ? org->name : org->short_name;
}
