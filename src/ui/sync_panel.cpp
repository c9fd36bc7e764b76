// The sync status line and its detail panel: always visible, says in words where the edits are (on the server,
// saved on this tablet, waiting for the network), lists conflicts with both values to choose from, server
// problems naming file and place, and offers pending edits as a file and a new version at a safe moment.
#include "ui/sync_panel.h"

#include "ui/app_state.h"
#include "ui/widgets.h"

#include <imgui.h>

namespace
{
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

std::string Short(const nlohmann::json& value)
{
    if (value.is_null())
        return "–";
    std::string text = value.is_string() ? value.get<std::string>() : value.dump();
    if (text.size() > 120)
        text = text.substr(0, 117) + "…";
    return text;
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
        ImGui::TextWrapped("%s · %s · %s", c.path.c_str(), c.record_id.c_str(), c.field.c_str());
        ImGui::TextDisabled("%s:", Tr(Str::ConflictMine, lang));
        ImGui::SameLine();
        ImGui::TextWrapped("%s", Short(c.ours).c_str());
        ImGui::TextDisabled("%s:", Tr(Str::ConflictServer, lang));
        ImGui::SameLine();
        ImGui::TextWrapped("%s", Short(c.theirs).c_str());
        if (ImGui::Button(Tr(Str::KeepMine, lang)))
        {
            sync.resolve_index = static_cast<int>(i);
            sync.resolve_keep_ours = true;
        }
        ImGui::SameLine();
        if (ImGui::Button(Tr(Str::KeepServer, lang)))
        {
            sync.resolve_index = static_cast<int>(i);
            sync.resolve_keep_ours = false;
        }
        ImGui::PopID();
    }
    if (!sync.problems.empty())
    {
        ImGui::SeparatorText(Tr(Str::ServerProblems, lang));
        for (const check::Issue& issue : sync.problems)
            ImGui::TextWrapped("%s", check::FormatIssue(issue).c_str());
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
}
} // namespace

std::string ui::SyncStatusText(const AppState& app)
{
    return StatusText(app.sync, app.settings.lang);
}

void ui::DrawSyncStatus(AppState& app)
{
    SyncView& sync = app.sync;
    const Language lang = app.settings.lang;
    const float r = ImGui::GetFontSize() * 0.3f;
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(p.x + r, p.y + ImGui::GetFrameHeight() * 0.5f), r,
                                                StatusColour(sync.status));
    ImGui::Dummy(ImVec2(r * 2, ImGui::GetFrameHeight()));
    ImGui::SameLine();
    const std::string text = StatusText(sync, lang) + "##sync-status";
    if (ImGui::Button(text.c_str()))
        ImGui::OpenPopup("sync-details");
    if (ImGui::BeginPopup("sync-details"))
    {
        DrawDetails(app);
        ImGui::EndPopup();
    }
    if (sync.update_ready)
    {
        ImGui::SameLine();
        const bool safe = sync.pending == 0 && !sync.saving && !app.presentation.active;
        ImGui::BeginDisabled(!safe);
        if (ImGui::Button(Tr(safe ? Str::UpdateNow : Str::UpdateWait, lang)))
            sync.apply_update = true;
        ImGui::EndDisabled();
    }
}
