// Shared helpers for the screens. Lookups go through AppState::index (built once per data change).
//
// [SECTION] sizes
// [SECTION] widgets
// [SECTION] lookups
// [SECTION] text
#include "ui/widgets.h"

#include "ui/app_state.h"

#include "core/text/text.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cstdio>
#include <ctime>

namespace
{
// Every Vietnamese letter with a diacritic, grouped by the plain letter it folds to.
struct FoldGroup
{
    char plain;
    const char* letters;
};

const FoldGroup kFold[] = {
    {'a', "àáảãạăằắẳẵặâầấẩẫậÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ"},
    {'d', "đĐ"},
    {'e', "èéẻẽẹêềếểễệÈÉẺẼẸÊỀẾỂỄỆ"},
    {'i', "ìíỉĩịÌÍỈĨỊ"},
    {'o', "òóỏõọôồốổỗộơờớởỡợÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ"},
    {'u', "ùúủũụưừứửữựÙÚỦŨỤƯỪỨỬỮỰ"},
    {'y', "ỳýỷỹỵỲÝỶỸỴ"},
};

// Decodes one UTF-8 code point at s[i], advancing i (invalid bytes decode as themselves).
unsigned Decode(const std::string& s, size_t& i)
{
    const unsigned char c = static_cast<unsigned char>(s[i]);
    int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
    unsigned cp = extra == 3 ? c & 0x07 : extra == 2 ? c & 0x0F : extra == 1 ? c & 0x1F : c;
    ++i;
    while (extra-- > 0 && i < s.size())
        cp = (cp << 6) | (static_cast<unsigned char>(s[i++]) & 0x3F);
    return cp;
}

char FoldCodePoint(unsigned cp)
{
    for (const FoldGroup& group : kFold)
    {
        const std::string letters = group.letters;
        for (size_t i = 0; i < letters.size();)
            if (Decode(letters, i) == cp)
                return group.plain;
    }
    return 0;
}

template <class T>
const T* Lookup(const std::unordered_map<std::string, int>& index, const std::vector<T>& items, const std::string& id)
{
    auto it = index.find(id);
    if (it == index.end() || it->second < 0 || static_cast<size_t>(it->second) >= items.size())
        return nullptr;
    return &items[static_cast<size_t>(it->second)];
}
} // namespace

// ---- [SECTION] sizes ----

float ui::PixelRatio(const AppState& app)
{
    if (app.fonts.scale <= 0 || app.settings.text_scale <= 0)
        return 1.0f;
    return app.fonts.scale / app.settings.text_scale;
}

float ui::Dp(const AppState& app, float css)
{
    return css * PixelRatio(app);
}

float ui::TouchHeight(const AppState& app)
{
    return std::max(Dp(app, 44), ImGui::GetFrameHeight());
}

// ---- [SECTION] widgets ----

void ui::Badge(const char* text, ImU32 background, ImU32 foreground)
{
    // The label sits on the line's text baseline, as ImGui places text, so it reads level with the text beside it:
    // text aligned to a button's padding (AlignTextToFramePadding) or plain text. The fill reaches half a padding
    // above and below the label; above the line's top only beside plain text (into the spacing between lines), and
    // a badge that starts a line moves its label down instead.
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    const ImVec2 pad = ImGui::GetStyle().FramePadding;
    const ImVec2 size = ImGui::CalcTextSize(text);
    const ImVec2 pos = window->DC.CursorPos;
    const float baseline = window->DC.CurrLineTextBaseOffset;
    const float text_y = window->DC.IsSameLine ? baseline : std::max(baseline, pad.y * 0.5f);
    const ImRect fill(pos.x, pos.y + text_y - pad.y * 0.5f, pos.x + size.x + pad.x * 2, pos.y + text_y + size.y + pad.y * 0.5f);
    ImGui::ItemSize(ImVec2(fill.GetWidth(), fill.Max.y - pos.y), text_y);
    if (!ImGui::ItemAdd(fill, 0))
        return; // scrolled out of view: nothing to draw
    window->DrawList->AddRectFilled(fill.Min, fill.Max, background, ImGui::GetStyle().FrameRounding);
    window->DrawList->AddText(ImVec2(pos.x + pad.x, pos.y + text_y), foreground, text);
}

void ui::DimWrapped(const char* text)
{
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", text);
    ImGui::PopStyleColor();
}

void ui::LabelValue(const char* label, const std::string& value)
{
    ImGui::TextDisabled("%s:", label);
    ImGui::SameLine();
    ImGui::TextWrapped("%s", value.c_str());
}

void ui::RowLabel(const AppState& app, const char* label)
{
    const float y = ImGui::GetCursorPosY();
    AlignToRowLabel(app);
    ImGui::TextDisabled("%s:", label);
    ImGui::SameLine();
    ImGui::SetCursorPosY(y);
}

void ui::RowValue(const AppState& app, const char* text)
{
    AlignToRowLabel(app);
    ImGui::TextUnformatted(text);
}

void ui::AlignToRowLabel(const AppState& app)
{
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (TouchHeight(app) - ImGui::GetTextLineHeight()) * 0.5f);
}

void ui::Heading(const AppState& app, const std::string& text)
{
    ImGui::PushFont(app.fonts.large);
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::PopFont();
}

void ui::Section(const AppState& app, const char* text)
{
    ImGui::Spacing();
    ImGui::PushFont(app.fonts.bold);
    ImGui::SeparatorText(text);
    ImGui::PopFont();
}

bool ui::TouchButton(const AppState& app, const char* label, float width, bool selected, bool wrap)
{
    if (selected)
    {
        ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_CheckMark));
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImGui::GetStyleColorVec4(ImGuiCol_CheckMark));
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_WindowBg));
    }
    const ImGuiStyle& style = ImGui::GetStyle();
    const char* end = wrap ? ImGui::FindRenderedTextEnd(label) : nullptr; // measured only where wrapping is asked for
    const float avail = ImGui::GetContentRegionAvail().x;
    bool pressed = false;
    if (!wrap || width > 0 || ImGui::CalcTextSize(label, end).x + style.FramePadding.x * 2 <= avail)
        pressed = ImGui::Button(label, ImVec2(width, TouchHeight(app)));
    else
    {
        // Wider than the line (a meeting's full name on a phone): the label wraps inside a taller button instead of
        // being cut at the screen's edge.
        const float wrap_width = std::max(avail - style.FramePadding.x * 2, ImGui::GetFontSize() * 4);
        const ImVec2 text = ImGui::CalcTextSize(label, end, false, wrap_width);
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        const ImVec2 size(std::max(avail, text.x + style.FramePadding.x * 2),
                          std::max(TouchHeight(app), text.y + style.FramePadding.y * 2));
        pressed = ImGui::InvisibleButton(label, size);
        const ImGuiCol colour = ImGui::IsItemActive()    ? ImGuiCol_ButtonActive
                                : ImGui::IsItemHovered() ? ImGuiCol_ButtonHovered
                                                         : ImGuiCol_Button;
        const ImRect box(pos, ImVec2(pos.x + size.x, pos.y + size.y));
        ImGui::RenderNavHighlight(box, ImGui::GetItemID());
        ImGui::RenderFrame(box.Min, box.Max, ImGui::GetColorU32(colour), true, style.FrameRounding);
        ImGui::GetWindowDrawList()->AddText(nullptr, 0.0f, ImVec2(pos.x + style.FramePadding.x, pos.y + style.FramePadding.y),
                                            ImGui::GetColorU32(ImGuiCol_Text), label, end, wrap_width);
    }
    if (selected)
    {
        ImGui::PopStyleColor(3);
        // The chosen one of a row of choices is "checked" for the item registry (tests, the accessibility mirror).
        ImGuiTestEngineHook_ItemInfo(ImGui::GetCurrentContext(), ImGui::GetItemID(), label,
                                     ImGui::GetItemStatusFlags() | ImGuiItemStatusFlags_Checkable |
                                         ImGuiItemStatusFlags_Checked);
    }
    return pressed;
}

bool ui::Link(const AppState& app, const char* label)
{
    // Wraps within the space left on the line, so long meeting names stay readable on a phone, and a unit's name in a
    // table's narrow column at a large text size.
    const char* end = ImGui::FindRenderedTextEnd(label);
    const float wrap = std::max(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 2);
    const ImVec2 text = ImGui::CalcTextSize(label, end, false, wrap);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float height = std::max(TouchHeight(app), text.y + ImGui::GetStyle().FramePadding.y * 2);
    const bool pressed = ImGui::InvisibleButton(label, ImVec2(std::max(text.x, 1.0f), height));
    const ImU32 colour = ImGui::GetColorU32(ImGuiCol_CheckMark);
    const float y = pos.y + (height - text.y) * 0.5f;
    // The line's text baseline is the link's (centred on the touch height): a badge or text put beside it reads level.
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    window->DC.PrevLineTextBaseOffset = std::max(window->DC.PrevLineTextBaseOffset, y - pos.y);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(pos.x, y), colour, label, end, wrap);
    if ((ImGui::IsItemHovered() || ImGui::IsItemActive()) && text.y <= ImGui::GetTextLineHeight() * 1.5f)
        draw->AddLine(ImVec2(pos.x, y + text.y), ImVec2(pos.x + text.x, y + text.y), colour);
    return pressed;
}

void ui::Flow(float next_width)
{
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    if (ImGui::GetItemRectMax().x + spacing + next_width <= right)
        ImGui::SameLine();
}

float ui::ButtonWidth(const char* label)
{
    return ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2;
}

int ui::Segmented(const AppState& app, const char* const* labels, int count, int current)
{
    int tapped = -1;
    for (int i = 0; i < count; ++i)
    {
        if (i > 0)
            Flow(ButtonWidth(labels[i]));
        if (TouchButton(app, labels[i], 0, i == current))
            tapped = i;
    }
    return tapped;
}

ImU32 ui::StatusColor(const std::string& status)
{
    if (status == "done" || status == "passed" || status == "closed" || status == "pass" || status == "approved")
        return IM_COL32(46, 125, 50, 255);
    if (status == "open" || status == "in_progress" || status == "confirmed" || status == "submitted")
        return IM_COL32(230, 145, 0, 255);
    if (status == "fail" || status == "rejected" || status == "no_quorum" || status == "tie")
        return IM_COL32(198, 40, 40, 255);
    return IM_COL32(120, 130, 145, 255);
}

void ui::StatusBadge(const std::string& status, Language lang)
{
    const char* label = TrCode(status, lang);
    Flow(ButtonWidth(label));
    Badge(label, StatusColor(status), IM_COL32_WHITE);
}

// ---- [SECTION] lookups ----

const model::Organization* ui::FindOrganization(const AppState& app, const std::string& id)
{
    return Lookup(app.index.organizations, app.dataset.organizations, id);
}

const model::Person* ui::FindPerson(const AppState& app, const std::string& id)
{
    return Lookup(app.index.people, app.dataset.people, id);
}

const model::Meeting* ui::FindMeeting(const AppState& app, const std::string& id)
{
    return Lookup(app.index.meetings, app.dataset.meetings, id);
}

const model::Area* ui::FindArea(const AppState& app, const std::string& id)
{
    return Lookup(app.index.areas, app.dataset.areas, id);
}

const model::Criterion* ui::FindCriterion(const AppState& app, const std::string& id)
{
    auto it = app.index.criteria.find(id);
    for (const model::YearFile& year : app.dataset.years)
        if (year.year.id == app.results.year_id && it != app.index.criteria.end() &&
            static_cast<size_t>(it->second) < year.criteria.size())
            return &year.criteria[static_cast<size_t>(it->second)];
    return nullptr;
}

std::string ui::OrgName(const AppState& app, const std::string& id)
{
    const model::Organization* org = FindOrganization(app, id);
    if (!org)
        return id;
    return org->short_name.empty() ? org->name : org->short_name;
}

std::string ui::PersonName(const AppState& app, const std::string& id)
{
    const model::Person* person = FindPerson(app, id);
    if (!person)
        return id;
    return person->honorific_prefix.empty() ? person->name : person->honorific_prefix + " " + person->name;
}

const model::Person* ui::HeadOf(const AppState& app, const std::string& org_id, const std::string& date)
{
    for (const model::Person& person : app.dataset.people)
        for (const model::Post& post : person.posts)
            if (post.organization_id == org_id && post.role.rfind("Giám đốc", 0) == 0 &&
                (post.start_date.empty() || post.start_date <= date) && (post.end_date.empty() || post.end_date >= date))
                return &person;
    return nullptr;
}

// ---- [SECTION] text ----

namespace
{
text::NumberStyle StyleOf(const ui::AppState& app)
{
    return app.settings.lang == ui::Language::Vi ? text::NumberStyle::Vietnamese : text::NumberStyle::English;
}
} // namespace

std::string ui::FormatPercent(const AppState& app, double percent, int decimals)
{
    return text::FormatPercent(percent, decimals, StyleOf(app));
}

std::string ui::FoldForSearch(const std::string& s)
{
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size();)
    {
        const unsigned cp = Decode(s, i);
        if (cp < 0x80)
            out += static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp - 'A' + 'a' : cp);
        else if (cp >= 0x0300 && cp <= 0x0323)
            continue; // a combining tone mark (text not in NFC)
        else if (char plain = FoldCodePoint(cp))
            out += plain;
        else
            out += '?';
    }
    return out;
}

std::string ui::Today(const AppState& app)
{
    if (!app.today.empty())
        return app.today;
    // The date where the tablet is: in Vietnam (UTC+7) the UTC date is yesterday's until 07:00.
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    localtime_r(&now, &tm);
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
    return buf;
}

int ui::YearOfDate(const std::string& iso)
{
    if (iso.size() < 4)
        return 0;
    int year = 0;
    for (int i = 0; i < 4; ++i)
    {
        if (iso[i] < '0' || iso[i] > '9')
            return 0;
        year = year * 10 + (iso[i] - '0');
    }
    return year;
}

void ui::ErrorLine(const std::string& text)
{
    if (text.empty())
        return;
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(198, 40, 40, 255));
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::PopStyleColor();
}
