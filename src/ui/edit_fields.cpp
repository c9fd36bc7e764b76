// Editing widgets over edit::Apply (see edit_fields.h).
#include "ui/edit_fields.h"

#include "core/text/text.h"
#include "ui/app_state.h"
#include "ui/widgets.h"

#include <imgui.h>

namespace
{
std::string Key(const ui::FieldRef& ref)
{
    return ref.file + "#" + ref.record_id + "#" + ref.field;
}
} // namespace

bool ui::ParsePoints(const std::string& input, long long* hundredths)
{
    std::string s;
    for (char c : input)
        if (c != ' ')
            s += c == ',' ? '.' : c;
    if (s.empty())
        return false;
    bool negative = false;
    size_t i = 0;
    if (s[0] == '-')
    {
        negative = true;
        i = 1;
    }
    long long whole = 0, frac = 0;
    int decimals = -1, digits = 0;
    for (; i < s.size(); ++i)
    {
        if (s[i] == '.' && decimals < 0)
            decimals = 0;
        else if (s[i] >= '0' && s[i] <= '9')
        {
            ++digits;
            if (decimals < 0)
                whole = whole * 10 + (s[i] - '0');
            else if (++decimals <= 2)
                frac = frac * 10 + (s[i] - '0');
            else
                return false;
            if (whole > 1000000000LL)
                return false;
        }
        else
            return false;
    }
    if (digits == 0)
        return false;
    if (decimals == 1)
        frac *= 10;
    *hundredths = (negative ? -1 : 1) * (whole * 100 + frac);
    return true;
}

bool ui::ApplyEdit(AppState& app, const FieldRef& ref, const nlohmann::json& value)
{
    const edit::Outcome out = edit::Apply(app.dataset, app.edit.journal, ref.file, ref.record_id, ref.field, value);
    const Language lang = app.settings.lang;
    if (out.applied)
    {
        app.data_changed = true;
        if (app.edit.error_field == Key(ref))
            app.edit.error_field.clear();
        app.edit.status = Tr(Str::EditSaved, lang);
        return true;
    }
    for (const check::Issue& issue : out.issues)
        if (issue.severity == check::Severity::Error)
        {
            app.edit.error_field = Key(ref);
            app.edit.error_message = issue.message;
            app.edit.status = std::string(Tr(Str::EditRefused, lang)) + ": " + issue.message;
            return false;
        }
    return false;
}

bool ui::UndoEdit(AppState& app)
{
    if (!edit::Undo(app.dataset, app.edit.journal))
        return false;
    app.data_changed = true;
    app.edit.error_field.clear();
    app.edit.status = Tr(Str::Undone, app.settings.lang);
    return true;
}

bool ui::RedoEdit(AppState& app)
{
    if (!edit::Redo(app.dataset, app.edit.journal))
        return false;
    app.data_changed = true;
    app.edit.error_field.clear();
    app.edit.status = Tr(Str::Redone, app.settings.lang);
    return true;
}

bool ui::EditText(AppState& app, const char* label, const FieldRef& ref, const std::string& value, FieldKind kind,
                  float width)
{
    const ImGuiID id = ImGui::GetID(label);
    const bool typing = app.edit.draft_id == id;
    std::string text = typing ? app.edit.draft : value;
    ImGui::SetNextItemWidth(width);
    TextField(app.text_edit, label, &text, kind);
    bool applied = false;
    if (ImGui::IsItemActive())
    {
        app.edit.draft_id = id;
        app.edit.draft = text;
    }
    else if (typing)
    {
        app.edit.draft_id = 0;
        if (text != value)
        {
            nlohmann::json json_value = text;
            long long number = 0;
            if (kind == FieldKind::Decimal || kind == FieldKind::Integer)
            {
                if (!ParsePoints(text, &number) || (kind == FieldKind::Integer && number % 100 != 0))
                {
                    app.edit.error_field = Key(ref);
                    app.edit.error_message = Tr(Str::NotANumber, app.settings.lang);
                    FieldError(app, ref);
                    return false;
                }
                if (kind == FieldKind::Integer)
                    json_value = number / 100;
                else if (number % 100 == 0)
                    json_value = number / 100;
                else
                    json_value = static_cast<double>(number) / 100.0;
            }
            applied = ApplyEdit(app, ref, json_value);
        }
    }
    FieldError(app, ref);
    return applied;
}

bool ui::EditChoice(AppState& app, const char* label, const FieldRef& ref, const std::string& value,
                    const char* const* codes, int count, float width)
{
    const Language lang = app.settings.lang;
    bool applied = false;
    ImGui::SetNextItemWidth(width);
    if (ImGui::BeginCombo(label, value.empty() ? Tr(Str::NotKnown, lang) : TrCode(value, lang)))
    {
        for (int i = 0; i < count; ++i)
            if (ImGui::Selectable(TrCode(codes[i], lang), value == codes[i], 0, ImVec2(0, TouchHeight(app))) &&
                value != codes[i])
                applied = ApplyEdit(app, ref, codes[i]);
        ImGui::EndCombo();
    }
    FieldError(app, ref);
    return applied;
}

void ui::FieldError(const AppState& app, const FieldRef& ref)
{
    if (app.edit.error_field.empty() || app.edit.error_field != Key(ref))
        return;
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(198, 40, 40, 255));
    ImGui::TextWrapped("%s", app.edit.error_message.c_str());
    ImGui::PopStyleColor();
}
