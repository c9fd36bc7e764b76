// Editing widgets over edit::Apply (see edit_fields.h).
#include "ui/edit_fields.h"

#include "core/text/text.h"
#include "ui/app.h"
#include "ui/app_state.h"
#include "ui/widgets.h"
#include "ui/year_work.h"

#include <imgui.h>
#include <imgui_internal.h>

namespace
{
// An edit the server would refuse is never offered: once the server said who this is, a field of a file this role
// may not write (another unit's, a closed year's) is drawn as text. Returns true when it was.
bool ReadOnlyFor(const ui::AppState& app, const ui::FieldRef& ref, const char* label, const std::string& value)
{
    if (!app.who_known || ui::MayWrite(app, ref.file))
        return false;
    const char* end = ImGui::FindRenderedTextEnd(label);
    if (end != label)
    {
        ImGui::TextDisabled("%.*s:", static_cast<int>(end - label), label);
        ImGui::SameLine();
    }
    ImGui::TextWrapped("%s", value.c_str());
    return true;
}

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

void ui::ApplyEdit(AppState& app, const FieldRef& ref, const nlohmann::json& value)
{
    app.edit.requests.push_back({EditState::Request::Kind::Set, ref.file, ref.record_id, ref.field, value, {}});
}

void ui::ApplyChanges(AppState& app, std::vector<edit::Change> changes)
{
    EditState::Request r;
    r.kind = EditState::Request::Kind::Batch;
    r.changes = std::move(changes);
    app.edit.requests.push_back(std::move(r));
}

void ui::EndRecord(AppState& app, const std::string& file, const std::string& record_id, const std::string& date,
                   const std::string& reason)
{
    ApplyEdit(app, {file, record_id, "ended"}, nlohmann::json{{"date", date}, {"reason", reason}});
}

bool ui::MayWrite(const AppState& app, const std::string& path)
{
    if (!app.who_known)
        return false;
    const std::string probe = !path.empty() && path.back() == '/' ? path + "new.json" : path;
    return roles::WriteRefusal(app.who, probe, app.dataset) == roles::Refusal::None;
}

void ui::UndoEdit(AppState& app)
{
    app.edit.requests.push_back({EditState::Request::Kind::Undo, "", "", "", nullptr, {}});
}

void ui::RedoEdit(AppState& app)
{
    app.edit.requests.push_back({EditState::Request::Kind::Redo, "", "", "", nullptr, {}});
}

void ui::ApplyEditRequests(AppState& app)
{
    const Language lang = app.settings.lang;
    std::vector<EditState::Request> requests;
    requests.swap(app.edit.requests);
    for (const EditState::Request& r : requests)
    {
        if (r.kind == EditState::Request::Kind::Undo || r.kind == EditState::Request::Kind::Redo)
        {
            const bool undo = r.kind == EditState::Request::Kind::Undo;
            if (undo ? edit::Undo(app.dataset, app.edit.journal) : edit::Redo(app.dataset, app.edit.journal))
            {
                app.data_changed = true;
                app.edit.error_field.clear();
                app.edit.status = Tr(undo ? Str::Undone : Str::Redone, lang);
            }
            continue;
        }
        const FieldRef ref{r.file, r.record_id, r.field};
        const edit::Outcome out = r.kind == EditState::Request::Kind::Batch
                                      ? edit::ApplyAll(app.dataset, app.edit.journal, r.changes)
                                      : edit::Apply(app.dataset, app.edit.journal, r.file, r.record_id, r.field, r.value);
        if (out.applied)
        {
            app.data_changed = true;
            app.edit.error_field.clear(); // a refused field shows its stored value again: its message is stale
            app.edit.status = Tr(Str::EditSaved, lang);
            continue;
        }
        for (const check::Issue& issue : out.issues)
            if (issue.severity == check::Severity::Error)
            {
                app.edit.error_field = Key(ref);
                app.edit.error_message = TrMessage(issue.message, lang);
                app.edit.status = std::string(Tr(Str::EditRefused, lang)) + ": " + app.edit.error_message;
                break;
            }
    }
}

// A month of days to tap, under a "Lịch" button beside a date field; returns the chosen date (yyyy-mm-dd) once.
std::string ui::DatePicker(AppState& app, const char* id, const std::string& iso)
{
    const Language lang = app.settings.lang;
    std::string chosen;
    ImGui::PushID(id);
    const char* open = Tr(Str::Calendar, lang);
    if (TouchButton(app, open))
    {
        const std::string start = text::IsValidDate(iso) ? iso : Today(app);
        app.edit.picker_year = std::stoi(start.substr(0, 4));
        app.edit.picker_month = std::stoi(start.substr(5, 2));
        const model::YearFile* year = SelectedYear(app);
        if (!text::IsValidDate(iso) && year && year->year.year > 0) // an empty field: this month of the year on screen
            app.edit.picker_year = year->year.year;
        ImGui::OpenPopup("calendar");
    }
    ImGui::SetNextWindowPos(ImGui::GetItemRectMin(), ImGuiCond_Appearing, ImVec2(1, 0));
    if (ImGui::BeginPopup("calendar"))
    {
        int& y = app.edit.picker_year;
        int& m = app.edit.picker_month;
        if (TouchButton(app, "‹##previous-month"))
            m == 1 ? (m = 12, --y) : --m;
        ImGui::SameLine();
        const std::string title = std::string(Tr(Str::Month, lang)) + " " + std::to_string(m) + "/" + std::to_string(y);
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(title.c_str());
        ImGui::SameLine();
        if (TouchButton(app, "›##next-month"))
            m == 12 ? (m = 1, ++y) : ++m;
        // Monday first, as Vietnamese calendars are (Thứ Hai … Chủ nhật).
        static const char* const kDays[2][7] = {{"T2", "T3", "T4", "T5", "T6", "T7", "CN"},
                                                {"Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"}};
        const float cell = TouchHeight(app);
        if (ImGui::BeginTable("days", 7, ImGuiTableFlags_SizingFixedSame))
        {
            for (int d = 0; d < 7; ++d)
                ImGui::TableSetupColumn(kDays[lang == Language::Vi ? 0 : 1][d], ImGuiTableColumnFlags_WidthFixed, cell);
            ImGui::TableHeadersRow();
            const int month_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
            const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
            const int days = month_days[m - 1] + (m == 2 && leap ? 1 : 0);
            // Day of the week of the 1st (Zeller, shifted so that Monday = 0).
            const int k = m < 3 ? y - 1 : y, mm = m < 3 ? m + 12 : m;
            const int first = ((1 + 13 * (mm + 1) / 5 + k % 100 + k % 100 / 4 + k / 100 / 4 + 5 * (k / 100)) % 7 + 5) % 7;
            char day_iso[40]; // room for any int the compiler cannot rule out (y, m and d are in range)
            for (int slot = 0; slot < first + days; ++slot)
            {
                ImGui::TableNextColumn();
                if (slot < first)
                    continue;
                const int d = slot - first + 1;
                std::snprintf(day_iso, sizeof day_iso, "%04d-%02d-%02d", y % 10000, m, d);
                const std::string label = std::to_string(d) + "##" + day_iso;
                if (TouchButton(app, label.c_str(), cell, iso == day_iso))
                {
                    chosen = day_iso;
                    ImGui::CloseCurrentPopup();
                }
            }
            ImGui::EndTable();
        }
        ImGui::EndPopup();
    }
    ImGui::PopID();
    return chosen;
}

namespace
{
// A value as a person reads it, at most a few words: dates dd/mm/yyyy, numbers Vietnamese style, long text cut.
std::string ShortValue(const nlohmann::json& value, ui::Language lang)
{
    std::string out;
    if (value.is_string())
        out = text::IsValidDate(value.get<std::string>()) ? text::FormatDate(value.get<std::string>())
                                                           : value.get<std::string>();
    else if (value.is_number_integer())
        out = std::to_string(value.get<long long>());
    else if (value.is_number())
        out = text::FormatNumber(value.get<double>(), 2, lang == ui::Language::Vi ? text::NumberStyle::Vietnamese
                                                                                   : text::NumberStyle::English);
    else if (value.is_null())
        out = ui::Tr(ui::Str::Empty, lang);
    else
        out = "…";
    return text::Clip(out, 18);
}
} // namespace

std::string ui::DescribeOp(const edit::Op& op, Language lang)
{
    switch (op.kind)
    {
    case edit::OpKind::Set: return ShortValue(op.old_value, lang) + " → " + ShortValue(op.new_value, lang);
    case edit::OpKind::Add:
    case edit::OpKind::Create: return Tr(Str::UndoAdded, lang);
    case edit::OpKind::Remove:
    case edit::OpKind::Delete: return Tr(Str::UndoRemoved, lang);
    }
    return "";
}

void ui::DateTextField(AppState& app, const char* label, std::string* dmy, float width)
{
    const float picker = ButtonWidth(Tr(Str::Calendar, app.settings.lang)) + ImGui::GetStyle().ItemSpacing.x;
    ImGui::SetNextItemWidth(width > picker * 2 ? width - picker : ImGui::GetFontSize() * 7);
    TextField(app.text_edit, label, dmy, FieldKind::Date);
    ImGui::SameLine();
    const std::string picked = DatePicker(app, label, ParseDateVi(*dmy));
    if (!picked.empty())
        *dmy = text::FormatDate(picked);
}

bool ui::EditText(AppState& app, const char* label, const FieldRef& ref, const std::string& value, FieldKind kind,
                  float width)
{
    // What the person reads and types: dates as dd/mm/yyyy.
    const std::string shown = kind == FieldKind::Date ? text::FormatDate(value) : value;
    if (ReadOnlyFor(app, ref, label, shown))
        return false;
    const ImGuiID id = ImGui::GetID(label);
    const bool typing = app.edit.draft_id == id;
    std::string text = typing ? app.edit.draft : shown;
    if (kind == FieldKind::Date && width > 0)
        width -= ButtonWidth(Tr(Str::Calendar, app.settings.lang)) + ImGui::GetStyle().ItemSpacing.x;
    ImGui::SetNextItemWidth(kind == FieldKind::Date && width < 0 ? ImGui::GetFontSize() * 9 : width);
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
        if (text != shown)
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
            if (kind == FieldKind::Date)
            {
                // 15/12/2025 (also 15-12-2025, 15.12.2025); a pasted 2025-12-15 is taken as it is.
                std::string iso = ParseDateVi(text);
                if (iso.empty() && text::IsValidDate(text))
                    iso = text;
                if (iso.empty())
                {
                    app.edit.error_field = Key(ref);
                    app.edit.error_message = Tr(Str::BadDate, app.settings.lang);
                    FieldError(app, ref);
                    return false;
                }
                json_value = iso;
            }
            ApplyEdit(app, ref, json_value);
            applied = true;
        }
    }
    if (kind == FieldKind::Date)
    {
        ImGui::SameLine();
        const std::string picked = DatePicker(app, label, value);
        if (!picked.empty() && picked != value)
        {
            ApplyEdit(app, ref, picked);
            applied = true;
        }
    }
    FieldError(app, ref);
    return applied;
}

bool ui::EditChoice(AppState& app, const char* label, const FieldRef& ref, const std::string& value,
                    const char* const* codes, int count, float)
{
    if (ReadOnlyFor(app, ref, label, TrCode(value, app.settings.lang)))
        return false;
    // A row of touch-sized buttons rather than a combo: one tap, and every choice is visible on a tablet.
    const Language lang = app.settings.lang;
    bool applied = false;
    ImGui::PushID(label);
    const char* end = ImGui::FindRenderedTextEnd(label);
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%.*s:", static_cast<int>(end - label), label);
    for (int i = 0; i < count; ++i)
    {
        const char* text = TrCode(codes[i], lang);
        Flow(ButtonWidth(text));
        ImGui::PushID(i);
        if (TouchButton(app, text, 0, value == codes[i]) && value != codes[i])
        {
            ApplyEdit(app, ref, codes[i]);
            applied = true;
        }
        ImGui::PopID();
    }
    ImGui::PopID();
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
