// See document_button.h.
#include "ui/document_button.h"

#include "ui/app_state.h"
#include "ui/widgets.h"

#include <imgui.h>
#include <imgui_internal.h>

void ui::DocumentButton(AppState& app, docs::Kind kind, int32_t year, const std::string& id)
{
    const Language lang = app.settings.lang;
    const std::string key = std::string(docs::InfoOf(kind).slug) + ":" + (id.empty() ? std::to_string(year) : id);
    const std::string label = std::string(Tr(Str::PaperAction, lang)) + "##doc-" + key;
    ImGui::PushID(key.c_str());
    const std::string excel = std::string(Tr(Str::PaperExcel, lang)) + "##xlsx-" + key;
    const int buttons = docs::InfoOf(kind).spreadsheet ? 2 : 1; // "Văn bản", then "Bảng tính Excel"
    for (int spreadsheet = 0; spreadsheet < buttons; ++spreadsheet)
    {
        const char* text = spreadsheet ? excel.c_str() : label.c_str();
        ui::Flow(ButtonWidth(text));
        if (!TouchButton(app, text))
            continue;
        DocumentState& d = app.documents;
        d.pending = true;
        d.spreadsheet = spreadsheet != 0;
        d.key = key;
        d.request = docs::Request{};
        d.request.kind = kind;
        d.request.year = year;
        (kind == docs::Kind::Minutes ? d.request.meeting_id : d.request.ballot_id) = id;
        d.problems.clear();
        d.saved.clear();
    }
    ImGui::PopID();
    if (app.documents.key != key)
        return;
    if (!app.documents.problems.empty())
    {
        ErrorLine(Tr(Str::DocumentLacks, lang));
        for (const std::string& line : app.documents.problems)
            ErrorLine(line);
    }
    else if (!app.documents.saved.empty())
        ImGui::TextDisabled("%s: %s", Tr(Str::DocumentSaved, lang), app.documents.saved.c_str());
    else
        return;
    if (app.documents.reveal_frames <= 0)
        return;
    --app.documents.reveal_frames;
    ImGui::ScrollToItem(ImGuiScrollFlags_KeepVisibleEdgeY); // the card around it, then the screen; no move when in view
    app.animating = true;                                    // the scroll is applied in the next frame
}
