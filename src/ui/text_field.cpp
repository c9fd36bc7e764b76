#include "ui/text_field.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

namespace
{
int Clamp(int v, int hi)
{
    return std::max(0, std::min(v, hi));
}

int OnEdit(ImGuiInputTextCallbackData* data)
{
    auto* edit = static_cast<ui::TextEdit*>(data->UserData);
    if (edit->incoming)
    {
        edit->incoming = false;
        data->DeleteChars(0, data->BufTextLen);
        data->InsertChars(0, edit->incoming_text.data(), edit->incoming_text.data() + edit->incoming_text.size());
        data->SelectionStart = Clamp(edit->incoming_start, data->BufTextLen);
        data->SelectionEnd = Clamp(edit->incoming_end, data->BufTextLen);
        data->CursorPos = data->SelectionEnd;
    }
    edit->text.assign(data->Buf, static_cast<size_t>(data->BufTextLen));
    edit->selection_start = std::min(data->SelectionStart, data->SelectionEnd);
    edit->selection_end = std::max(data->SelectionStart, data->SelectionEnd);
    if (edit->selection_start == edit->selection_end)
        edit->selection_start = edit->selection_end = data->CursorPos;
    return 0;
}
} // namespace

bool ui::TextField(TextEdit& edit, const char* label, std::string* value, FieldKind kind, float multiline_height)
{
    ImGuiInputTextFlags flags = ImGuiInputTextFlags_CallbackAlways;
    if (kind == FieldKind::Decimal)
        flags |= ImGuiInputTextFlags_CharsDecimal;
    if (kind == FieldKind::Integer)
        flags |= ImGuiInputTextFlags_CharsDecimal | ImGuiInputTextFlags_CharsNoBlank;
    bool changed = kind == FieldKind::Multiline
                       ? ImGui::InputTextMultiline(label, value, ImVec2(-1, multiline_height), flags, OnEdit, &edit)
                       : ImGui::InputText(label, value, flags, OnEdit, &edit);
    if (ImGui::IsItemActive())
    {
        edit.id = ImGui::GetItemID();
        edit.kind = kind;
        edit.seen = true;
        const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
        edit.x = min.x;
        edit.y = min.y;
        edit.w = max.x - min.x;
        edit.h = max.y - min.y;
    }
    return changed;
}

void ui::EndTextFrame(TextEdit& edit)
{
    if (!edit.seen)
    {
        edit.id = 0;
        edit.incoming = false;
    }
    edit.seen = false;
}
