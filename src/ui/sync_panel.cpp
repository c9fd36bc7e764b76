// The sync status line and its detail panel: always visible, says in words where the edits are (on the server,
// saved on this tablet, waiting for the network), lists conflicts with both values to choose from, server
// problems naming file and place, and offers pending edits as a file and a new version at a safe moment.
// The panel also exports the data (one file, or all of it as one package) and imports a JSON file: the import
// dialog previews what would change and asks before anything does.
#include "ui/sync_panel.h"

#include "core/text/text.h"
#include "ui/app_state.h"
#include "ui/widgets.h"

#include <imgui.h>

#include <algorithm>

namespace
{
bool IsRefusedWrite(const check::Issue& issue)
{
    return !issue.file.empty() && (issue.message.find("refused the write (403)") != std::string::npos ||
                                   issue.message.find("refused the write (401)") != std::string::npos);
}

// Why the server refused this app's write to `file`, in the person's language: from the server's answer (its
// reasons come from the same table in core/roles), else from that table with what this app knows.
std::string RefusalWords(const ui::AppState& app, const std::string& file, const std::string& message)
{
    using ui::Str;
    const ui::Language lang = app.settings.lang;
    const struct
    {
        const char* text;
        Str words;
    } kAnswers[] = {
        {"is read-only", Str::RefusedReadOnly},          {"may write only", Str::RefusedNotOwnFile},
        {"not the self-assessment of a member", Str::RefusedNotMember}, {"is not open", Str::RefusedPhase},
        {"the year is closed", Str::RefusedWhyClosed},   {"was sent already", Str::RefusedSubmitted},
    };
    for (const auto& answer : kAnswers)
        if (message.find(answer.text) != std::string::npos)
            return ui::Tr(answer.words, lang);
    if (!app.who_known)
        return ui::Tr(Str::RefusedWhyOther, lang);
    switch (roles::WriteRefusal(app.who, file, app.dataset))
    {
    case roles::Refusal::ReadOnlyRole: return ui::Tr(Str::RefusedReadOnly, lang);
    case roles::Refusal::NotOwnFile: return ui::Tr(Str::RefusedNotOwnFile, lang);
    case roles::Refusal::NotAMember: return ui::Tr(Str::RefusedNotMember, lang);
    case roles::Refusal::PhaseNotOpen: return ui::Tr(Str::RefusedPhase, lang);
    case roles::Refusal::YearClosed: return ui::Tr(Str::RefusedWhyClosed, lang);
    case roles::Refusal::SelfSubmitted: return ui::Tr(Str::RefusedSubmitted, lang);
    case roles::Refusal::None: break;
    }
    return ui::Tr(Str::RefusedWhyOther, lang);
}

ImU32 StatusColour(ui::SyncStatus status)
{
    switch (status)
    {
    case ui::SyncStatus::Synced: return IM_COL32(46, 125, 50, 255);
    case ui::SyncStatus::Waiting:
    case ui::SyncStatus::Syncing: return IM_COL32(245, 124, 0, 255);
    case ui::SyncStatus::Offline: return IM_COL32(97, 97, 97, 255);
    case ui::SyncStatus::Conflict:
    case ui::SyncStatus::Error: return IM_COL32(198, 40, 40, 255);
    case ui::SyncStatus::ReadOnly:
    case ui::SyncStatus::Local: return IM_COL32(31, 78, 140, 255);
    }
    return IM_COL32(31, 78, 140, 255);
}

// One sentence for the status line, e.g. "3 thay đổi đã lưu trên máy này, chờ gửi".
std::string StatusText(const ui::SyncView& sync, ui::Language lang)
{
    using ui::Str;
    using ui::Tr;
    const std::string pending = std::to_string(sync.pending);
    switch (sync.status)
    {
    case ui::SyncStatus::Synced:
        return std::string(Tr(Str::SyncSynced, lang)) + (sync.last_synced.empty() ? "" : " " + sync.last_synced);
    case ui::SyncStatus::Waiting: return pending + " " + Tr(Str::SyncWaiting, lang);
    case ui::SyncStatus::Syncing: return Tr(Str::SyncSyncing, lang);
    case ui::SyncStatus::Offline:
        return std::string(Tr(Str::SyncOffline, lang)) + " " + sync.offline_since +
               (sync.pending > 0 ? " · " + pending + " " + Tr(Str::SyncWaiting, lang) : "") +
               (sync.last_synced.empty() ? "" : " · " + std::string(Tr(Str::SyncLastSynced, lang)) + " " + sync.last_synced);
    case ui::SyncStatus::Conflict: return std::to_string(sync.conflicts.size()) + " " + Tr(Str::SyncConflict, lang);
    case ui::SyncStatus::Error: return Tr(Str::SyncError, lang);
    case ui::SyncStatus::ReadOnly: return Tr(Str::SyncReadOnly, lang);
    case ui::SyncStatus::Local: return Tr(Str::SyncLocal, lang);
    }
    return "";
}

// A value as a person reads it: text as it is, anything else as JSON, "–" when absent; shortened to `chars`.
std::string ValueText(const nlohmann::json& value, size_t chars)
{
    if (value.is_null())
        return "–";
    return text::Clip(value.is_string() ? value.get_ref<const std::string&>() : value.dump(), chars);
}

const char* FieldLabel(const std::string& key, ui::Language lang)
{
    struct Label
    {
        const char* key;
        ui::Str label;
    };
    static const Label kLabels[] = {{"venue", ui::Str::Venue},   {"name", ui::Str::Name},   {"date", ui::Str::Date},
                                    {"status", ui::Str::Status}, {"theme", ui::Str::Theme}, {"text", ui::Str::DecisionText}};
    for (const Label& l : kLabels)
        if (key == l.key)
            return ui::Tr(l.label, lang);
    return key.c_str();
}

void DrawImportDialog(ui::AppState& app)
{
    using ui::Str;
    using ui::Tr;
    ui::SyncView& sync = app.sync;
    ui::ImportView& imp = sync.import;
    const ui::Language lang = app.settings.lang;
    const std::string title = std::string(Tr(Str::ImportTitle, lang)) + "###import-dialog";
    if (imp.shown && !ImGui::IsPopupOpen(title.c_str()))
        ImGui::OpenPopup(title.c_str());
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float width = std::min(viewport->WorkSize.x * 0.92f, ui::Dp(app, 640) * app.settings.text_scale);
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0), ImVec2(width, viewport->WorkSize.y * 0.9f));
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove))
        return;
    if (!imp.shown)
    {
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    ui::LabelValue(Tr(Str::ImportFile, lang), imp.plan.name);
    const std::vector<std::string>& paths = imp.plan.paths;
    if (!paths.empty())
        ui::LabelValue(Tr(Str::ImportData, lang),
                       paths.size() == 1 ? paths[0] : paths[0] + " … (" + std::to_string(paths.size()) + ")");
    ImGui::Spacing();
    switch (imp.status)
    {
    case ui::ImportStatus::Refused:
        ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(198, 40, 40, 255));
        ImGui::TextWrapped("%s", Tr(Str::ImportRefused, lang));
        ImGui::PopStyleColor();
        break;
    case ui::ImportStatus::Nothing: ImGui::TextWrapped("%s", Tr(Str::ImportNothing, lang)); break;
    case ui::ImportStatus::Unavailable:
        ImGui::TextWrapped("%s", Tr(imp.read_only ? Str::SyncReadOnly : Str::ImportNeedsEdit, lang));
        break;
    case ui::ImportStatus::Applied:
        ImGui::PushFont(app.fonts.bold);
        ImGui::TextUnformatted(Tr(Str::ImportDone, lang));
        ImGui::PopFont();
        [[fallthrough]];
    case ui::ImportStatus::Preview:
    case ui::ImportStatus::None:
        ui::LabelValue(Tr(Str::ImportAdded, lang), std::to_string(imp.plan.added));
        ui::LabelValue(Tr(Str::ImportChanged, lang), std::to_string(imp.plan.changed));
        ui::LabelValue(Tr(Str::ImportConflicts, lang), std::to_string(imp.plan.conflicted));
        break;
    }
    const std::vector<std::string> lines = ui::ImportLines(imp, lang, 8); // a package may hold thousands
    const size_t total = ui::ImportLineCount(imp);
    if (!lines.empty())
    {
        ImGui::SeparatorText(Tr(imp.status == ui::ImportStatus::Refused ? Str::DataIssues : Str::ImportFirstChanges, lang));
        for (const std::string& line : lines)
            ImGui::TextWrapped("• %s", line.c_str());
        if (total > lines.size())
            ImGui::TextDisabled("… %d %s", static_cast<int>(total - lines.size()), Tr(Str::ImportMore, lang));
    }
    ImGui::Spacing();
    if (imp.status == ui::ImportStatus::Preview)
    {
        if (ui::TouchButton(app, Tr(Str::ImportApply, lang), ui::Dp(app, 140)))
            sync.import_apply = true;
        ImGui::SameLine();
        if (ui::TouchButton(app, Tr(Str::ImportCancel, lang), ui::Dp(app, 140)))
            sync.import_close = true;
    }
    else if (ui::TouchButton(app, Tr(Str::ImportClose, lang), ui::Dp(app, 140)))
        sync.import_close = true;
    if (sync.import_close)
        ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

void DrawDataFiles(ui::AppState& app)
{
    using ui::Str;
    using ui::Tr;
    ui::SyncView& sync = app.sync;
    const ui::Language lang = app.settings.lang;
    ImGui::SeparatorText(Tr(Str::DataFiles, lang));
    if (ui::TouchButton(app, Tr(Str::ExportDataset, lang)))
        sync.export_package = true;
    ImGui::SameLine();
    const bool read_only = sync.status == ui::SyncStatus::ReadOnly;
    const bool can_import = !read_only && app.edit.enabled;
    ImGui::BeginDisabled(!can_import);
    if (ui::TouchButton(app, Tr(Str::ImportJson, lang)))
        sync.import_pick = true;
    ImGui::EndDisabled();
    if (!can_import)
        ImGui::TextWrapped("%s", Tr(read_only ? Str::SyncReadOnly : Str::ImportNeedsEdit, lang));
    if (ui::TouchButton(app, Tr(Str::ExportOneFile, lang), 0, sync.files_open))
        sync.files_open = !sync.files_open;
    if (sync.files_open)
        for (const model::FileInfo& file : app.dataset.files)
            if (file.loaded && ui::TouchButton(app, file.path.c_str()))
                sync.export_path = file.path;
}

void DrawDetails(ui::AppState& app)
{
    using ui::Str;
    using ui::Tr;
    ui::SyncView& sync = app.sync;
    const ui::Language lang = app.settings.lang;
    if (!sync.error.empty())
        ImGui::TextWrapped("%s", sync.error.c_str());
    if (!sync.persisted)
        ImGui::TextWrapped("%s", Tr(Str::SyncNotPersisted, lang));

    for (size_t i = 0; i < sync.conflicts.size(); ++i)
    {
        const datasync::Conflict& c = sync.conflicts[i];
        ImGui::PushID(static_cast<int>(i));
        ImGui::SeparatorText(Tr(Str::ConflictTitle, lang));
        // A conflict from an import: "ours" is the file's value, "theirs" the value this device has.
        const bool imported = c.op_id.rfind("import-", 0) == 0;
        ImGui::TextWrapped("%s · %s · %s", c.path.c_str(), c.record_id.c_str(), c.field.c_str());
        ImGui::TextDisabled("%s:", Tr(imported ? Str::ConflictInFile : Str::ConflictMine, lang));
        ImGui::SameLine();
        ImGui::TextWrapped("%s", ValueText(c.ours, 120).c_str());
        ImGui::TextDisabled("%s:", Tr(imported ? Str::ConflictCurrent : Str::ConflictServer, lang));
        ImGui::SameLine();
        ImGui::TextWrapped("%s", ValueText(c.theirs, 120).c_str());
        if (ImGui::Button(Tr(imported ? Str::KeepFile : Str::KeepMine, lang)))
        {
            sync.resolve_index = static_cast<int>(i);
            sync.resolve_keep_ours = true;
        }
        ImGui::SameLine();
        if (ImGui::Button(Tr(imported ? Str::KeepCurrent : Str::KeepServer, lang)))
        {
            sync.resolve_index = static_cast<int>(i);
            sync.resolve_keep_ours = false;
        }
        ImGui::PopID();
    }
    if (!sync.problems.empty())
    {
        ImGui::SeparatorText(Tr(Str::ServerProblems, lang));
        for (size_t i = 0; i < sync.problems.size(); ++i)
        {
            const check::Issue& issue = sync.problems[i];
            const bool pending = std::find(sync.pending_files.begin(), sync.pending_files.end(), issue.file) !=
                                 sync.pending_files.end();
            if (!IsRefusedWrite(issue) || !pending)
            {
                ImGui::TextWrapped("%s", ui::TrIssue(issue, lang).c_str());
                continue;
            }
            // A write the server refused: say why in words, and let the person drop it (it would stay pending).
            ImGui::PushID(static_cast<int>(i));
            ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(198, 40, 40, 255));
            ImGui::TextWrapped("%s: %s", Tr(Str::RefusedWrite, lang), RefusalWords(app, issue.file, issue.message).c_str());
            ImGui::PopStyleColor();
            ImGui::TextDisabled("%s", issue.file.c_str());
            if (ui::TouchButton(app, Tr(Str::DiscardChange, lang)))
                sync.discard_file = issue.file;
            ImGui::PopID();
        }
    }
    ImGui::Spacing();
    if (ImGui::Button(Tr(Str::SyncNow, lang)))
        sync.sync_now = true;
    if (sync.pending > 0 || !sync.conflicts.empty())
    {
        ImGui::SameLine();
        if (ImGui::Button(Tr(Str::DownloadPending, lang)))
            sync.download_pending = true;
    }
    DrawDataFiles(app);
}

constexpr float kDotWidth = 0.6f; // the status's coloured dot, in font sizes

// Updating now would not lose an edit nor interrupt the projection.
bool UpdateSafe(const ui::AppState& app)
{
    return app.sync.pending == 0 && !app.sync.saving && !app.presentation.active;
}
} // namespace

std::string ui::DescribeImportChange(const datasync::ImportChange& change, Language lang)
{
    const std::string record = change.record_name.empty() ? change.record_id : text::Clip(change.record_name, 60);
    if (change.kind == datasync::ImportChange::Kind::Add)
        return record + ": " + Tr(Str::ImportNew, lang);
    std::string text = record + ": " + FieldLabel(change.field, lang) + ": ";
    const nlohmann::json &old_value = change.old_value, &new_value = change.new_value;
    if (old_value.is_object() && new_value.is_object())
    {
        std::string parts;
        for (auto it = new_value.begin(); it != new_value.end(); ++it)
        {
            auto before = old_value.find(it.key());
            if (before == old_value.end() || *before != it.value())
                parts += (parts.empty() ? "" : "; ") + ValueText(before == old_value.end() ? nlohmann::json() : *before, 80) +
                         " » " + ValueText(it.value(), 80);
        }
        text += parts.empty() ? ValueText(old_value, 80) + " » " + ValueText(new_value, 80) : parts;
    }
    else
        text += ValueText(old_value, 80) + " » " + ValueText(new_value, 80);
    if (change.kind == datasync::ImportChange::Kind::Conflict)
        text += " (" + std::string(Tr(Str::ConflictTitle, lang)) + ")";
    return text;
}

std::vector<std::string> ui::ImportLines(const ImportView& view, Language lang, size_t limit)
{
    std::vector<std::string> lines;
    const bool refused = !view.plan.errors.empty();
    for (size_t i = 0; i < view.plan.changes.size() && lines.size() < limit; ++i)
        lines.push_back(DescribeImportChange(view.plan.changes[i], lang));
    for (const check::Issue& issue : refused ? view.plan.errors : view.plan.notes)
        if (lines.size() < limit)
            lines.push_back((refused ? "" : std::string(Tr(Str::ImportSkipped, lang)) + ": ") + ui::TrIssue(issue, lang));
    return lines;
}

size_t ui::ImportLineCount(const ImportView& view)
{
    const bool refused = !view.plan.errors.empty();
    return view.plan.changes.size() + (refused ? view.plan.errors.size() : view.plan.notes.size());
}

std::string ui::SyncStatusText(const AppState& app)
{
    return StatusText(app.sync, app.settings.lang);
}

float ui::SyncStatusWidth(const AppState& app)
{
    return ImGui::GetFontSize() * kDotWidth + ImGui::GetStyle().ItemSpacing.x +
           ButtonWidth(StatusText(app.sync, app.settings.lang).c_str());
}

const char* ui::UpdateOfferLabel(const AppState& app)
{
    return app.sync.update_ready ? Tr(UpdateSafe(app) ? Str::UpdateNow : Str::UpdateWait, app.settings.lang) : nullptr;
}

void ui::DrawUpdateOffer(AppState& app)
{
    ImGui::BeginDisabled(!UpdateSafe(app));
    if (ImGui::Button(UpdateOfferLabel(app)))
        app.sync.apply_update = true;
    ImGui::EndDisabled();
}

void ui::DrawSyncStatus(AppState& app)
{
    SyncView& sync = app.sync;
    const Language lang = app.settings.lang;
    const float r = ImGui::GetFontSize() * kDotWidth / 2;
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(p.x + r, p.y + ImGui::GetFrameHeight() * 0.5f), r,
                                                StatusColour(sync.status));
    ImGui::Dummy(ImVec2(r * 2, ImGui::GetFrameHeight()));
    ImGui::SameLine();
    const std::string text = StatusText(sync, lang) + "##sync-status";
    if (ImGui::Button(text.c_str()))
        ImGui::OpenPopup("sync-details");
    // Just above the status button that opened it (a touch leaves no pointer position for ImGui's default place).
    ImGui::SetNextWindowPos(ImVec2(ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y - ImGui::GetStyle().ItemSpacing.y),
                            ImGuiCond_Always, ImVec2(0, 1));
    if (ImGui::BeginPopup("sync-details"))
    {
        DrawDetails(app);
        ImGui::EndPopup();
    }
    DrawImportDialog(app);
}
