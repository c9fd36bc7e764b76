// The change log window; see change_log.h. The diffs come from core (edit::DiffVersions); this file only words them.
#include "ui/change_log.h"

#include "core/io/dataset.h"
#include "core/text/text.h"
#include "ui/app_state.h"
#include "ui/edit_fields.h"
#include "ui/widgets.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>

namespace ui
{
namespace
{
using nlohmann::json;

bool IsDigits(const std::string& s)
{
    return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos;
}

std::string NumberText(double v, Language lang)
{
    const double hundredths = std::round(v * 100.0);
    if (std::fabs(hundredths) < 9e15 && lang == Language::Vi)
        return text::FormatPoints(static_cast<int64_t>(hundredths));
    const bool whole = std::fabs(v - std::round(v)) < 1e-9;
    return text::FormatNumber(v, whole ? 0 : 2, lang == Language::Vi ? text::NumberStyle::Vietnamese
                                                                      : text::NumberStyle::English);
}

std::string StringText(const AppState& app, const std::string& s)
{
    const Language lang = app.settings.lang;
    if (text::IsValidDate(s))
        return text::FormatDate(s);
    if (FindOrganization(app, s))
        return OrgName(app, s);
    if (FindPerson(app, s))
        return PersonName(app, s);
    if (const model::Criterion* c = FindCriterion(app, s))
        return c->title;
    if (const model::Meeting* m = FindMeeting(app, s))
        return m->name;
    return TrCode(s, lang);
}

// A record's name as a person knows it: its own name or title, else what it is about; never its id.
std::string NameOf(const AppState& app, const json& record)
{
    if (!record.is_object())
        return "";
    for (const char* key : {"name", "title", "short_name", "label", "text", "description"})
    {
        auto it = record.find(key);
        if (it != record.end() && it->is_string() && !it->get_ref<const std::string&>().empty())
            return text::Clip(it->get_ref<const std::string&>(), 120);
        if (it != record.end() && it->is_object())
            if (auto n = it->find("name"); n != it->end() && n->is_string())
                return text::Clip(n->get_ref<const std::string&>(), 120);
    }
    std::string about;
    for (const char* key : {"criterion_id", "subject_org_id", "organization_id", "meeting_id", "person_id"})
    {
        auto it = record.find(key);
        if (it != record.end() && it->is_string())
            about += (about.empty() ? "" : " · ") + StringText(app, it->get_ref<const std::string&>());
    }
    return about;
}

std::string ValueText(const AppState& app, const json& value, int depth = 0)
{
    const Language lang = app.settings.lang;
    if (value.is_null())
        return "–";
    if (value.is_boolean())
        return Tr(value.get<bool>() ? Str::ChangeLogYes : Str::ChangeLogNo, lang);
    if (value.is_number())
        return NumberText(value.get<double>(), lang);
    if (value.is_string())
        return text::Clip(StringText(app, value.get_ref<const std::string&>()), 80);
    if (value.is_array())
    {
        std::string out;
        for (const json& item : value)
        {
            if (out.size() > 120)
                return out + ", …";
            out += (out.empty() ? "" : ", ") + ValueText(app, item, depth + 1);
        }
        return out.empty() ? "–" : out;
    }
    if (value.is_object())
    {
        const std::string name = NameOf(app, value);
        if (!name.empty())
            return name;
        std::string out;
        for (auto it = value.begin(); it != value.end() && depth < 2; ++it)
            if (TrField(it.key(), lang))
                out += (out.empty() ? "" : "; ") + std::string(TrField(it.key(), lang)) + ": " +
                       ValueText(app, it.value(), depth + 1);
        return out.empty() ? "…" : out;
    }
    return "…";
}

std::string RecordText(const AppState& app, const edit::FieldDiff& d)
{
    if (d.record_id.empty())
        return Tr(Str::ChangeLogFileFields, app.settings.lang);
    const std::string name = NameOf(app, d.record);
    if (!name.empty())
        return name;
    const std::string about = StringText(app, d.record_id); // an id that names something the dataset knows
    return about != d.record_id ? about : Tr(Str::ChangeLogOtherField, app.settings.lang);
}

// This tablet's edits of `path` not yet on the server, newest first.
std::vector<edit::FieldDiff> PendingDiffs(AppState& app, const std::string& path)
{
    ChangeLogState& log = app.change_log;
    if (log.doc_version != app.data_version || log.doc_path != path)
    {
        log.doc = json::parse(io::WriteFile(app.dataset, path), nullptr, false);
        if (log.doc.is_discarded())
            log.doc = nullptr;
        log.doc_version = app.data_version;
        log.doc_path = path;
    }
    const json& doc = log.doc;
    std::vector<edit::FieldDiff> out;
    const std::vector<edit::Op>& pending = app.edit.journal.pending;
    for (auto it = pending.rbegin(); it != pending.rend(); ++it)
    {
        if (it->file != path)
            continue;
        edit::FieldDiff d;
        d.record_id = it->record_id;
        switch (it->kind)
        {
        case edit::OpKind::Set:
            d.kind = edit::DiffKind::Changed;
            d.field = it->field;
            d.old_value = it->old_value;
            d.new_value = it->new_value;
            break;
        case edit::OpKind::Add:
        case edit::OpKind::Create: d.kind = edit::DiffKind::Added; d.record = it->new_value; break;
        case edit::OpKind::Remove:
        case edit::OpKind::Delete: d.kind = edit::DiffKind::Removed; d.record = it->old_value; break;
        }
        if (d.kind == edit::DiffKind::Changed)
            d.record = edit::RecordOf(doc, d.record_id); // the record as it stands now, for its name
        out.push_back(std::move(d));
    }
    return out;
}

// The secretariat (or an admin) restores a file it may write now (not one of a closed year); a unit never.
bool MayRestore(const AppState& app, const std::string& path)
{
    return app.who_known && (app.who.role == roles::Role::Secretariat || app.who.role == roles::Role::Admin) &&
           MayWrite(app, path);
}

std::string ChangeText(const AppState& app, const edit::FieldDiff& d);

// The diffs under the name of their record, said once for the changes of one record in a row.
void DrawDiffs(const AppState& app, const std::vector<edit::FieldDiff>& diffs, size_t limit)
{
    std::string last_record;
    for (size_t i = 0; i < diffs.size() && i < limit; ++i)
    {
        const std::string record = RecordText(app, diffs[i]);
        if (i == 0 || record != last_record)
        {
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
            ImGui::TextWrapped("%s", record.c_str());
            ImGui::PopStyleColor();
            last_record = record;
        }
        ImGui::Indent();
        ImGui::TextWrapped("%s", ChangeText(app, diffs[i]).c_str());
        ImGui::Unindent();
    }
    if (diffs.size() > limit)
        ImGui::TextDisabled("+ %zu %s", diffs.size() - limit, Tr(Str::ChangeLogMore, app.settings.lang));
}

// What changed, without the record: "Địa điểm: A → B", "thêm mới".
std::string ChangeText(const AppState& app, const edit::FieldDiff& d)
{
    const Language lang = app.settings.lang;
    switch (d.kind)
    {
    case edit::DiffKind::Added: return Tr(Str::ChangeLogAdded, lang);
    case edit::DiffKind::Removed: return Tr(Str::ChangeLogRemoved, lang);
    case edit::DiffKind::Changed: break;
    }
    return FieldText(d.field, lang) + ": " + ValueText(app, d.old_value) + " → " + ValueText(app, d.new_value);
}
} // namespace

std::string FieldText(const std::string& field, Language lang)
{
    if (const char* whole = TrField(field, lang))
        return whole;
    // "venue/name" -> the venue; "contact_details/0/value" -> the contact details; the first known part names it.
    std::string part;
    for (size_t start = 0; start <= field.size();)
    {
        size_t end = field.find('/', start);
        if (end == std::string::npos)
            end = field.size();
        part = field.substr(start, end - start);
        if (!IsDigits(part))
            if (const char* label = TrField(part, lang))
                return label;
        start = end + 1;
    }
    return Tr(Str::ChangeLogOtherField, lang);
}

std::string DescribeDiff(const AppState& app, const edit::FieldDiff& d)
{
    const std::string change = ChangeText(app, d);
    return RecordText(app, d) + (d.kind == edit::DiffKind::Changed ? " · " : ": ") + change;
}

std::string LocalTimeText(const std::string& utc_iso)
{
    std::tm tm{};
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
    if (std::sscanf(utc_iso.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d", &y, &mo, &d, &h, &mi, &s) != 6)
        return utc_iso;
    tm.tm_year = y - 1900;
    tm.tm_mon = mo - 1;
    tm.tm_mday = d;
    tm.tm_hour = h;
    tm.tm_min = mi;
    tm.tm_sec = s;
    const std::time_t t = timegm(&tm);
    std::tm local{};
    if (!localtime_r(&t, &local))
        return utc_iso;
    char buf[32];
    std::strftime(buf, sizeof buf, "%d/%m/%Y %H:%M", &local);
    return buf;
}

std::string WhoText(const AppState& app, const std::string& who, const std::string& role)
{
    const Language lang = app.settings.lang;
    // The audit writes "<token id> <name>": the id is never shown.
    const size_t space = who.find(' ');
    const std::string name = space == std::string::npos ? "" : who.substr(space + 1);
    std::string role_text;
    if (role == "secretariat")
        role_text = Tr(Str::RoleSecretariat, lang);
    else if (role == "admin")
        role_text = Tr(Str::RoleAdmin, lang);
    else if (role == "viewer")
        role_text = Tr(Str::RoleViewer, lang);
    else if (role.rfind("unit:", 0) == 0)
        role_text = OrgName(app, role.substr(5)) == role.substr(5) ? Tr(Str::RoleUnit, lang) : OrgName(app, role.substr(5));
    if (name.empty())
        return role_text.empty() ? Tr(Str::ChangeLogSomeone, lang) : role_text;
    return role_text.empty() ? name : name + " · " + role_text;
}

void ChangeLogButton(AppState& app, const std::string& path, const std::string& title)
{
    if (path.empty())
        return;
    ImGui::PushID(path.c_str());
    Flow(ButtonWidth(Tr(Str::ChangeLog, app.settings.lang))); // beside what comes before when it fits
    if (TouchButton(app, Tr(Str::ChangeLog, app.settings.lang)))
    {
        ChangeLogState& log = app.change_log;
        if (log.path != path)
            log = ChangeLogState{};
        log.open = true;
        log.path = path;
        log.title = title;
        log.load_requested = true;
        log.confirm = -1;
        log.restore_result.clear();
    }
    ImGui::PopID();
}

namespace
{
// Over the change log: what the restore of the chosen version changes back, then "Khôi phục" or "Huỷ".
void DrawConfirm(AppState& app, bool nothing_pending)
{
    ChangeLogState& log = app.change_log;
    const Language lang = app.settings.lang;
    const std::string title = std::string(Tr(Str::ChangeLogRestore, lang)) + "###restore-confirm";
    if (!ImGui::IsPopupOpen(title.c_str()))
        ImGui::OpenPopup(title.c_str());
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float width = std::min(viewport->WorkSize.x * 0.9f, Dp(app, 640) * app.settings.text_scale);
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0), ImVec2(width, viewport->WorkSize.y * 0.8f));
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove))
        return;
    const ChangeEntry& chosen = log.entries[static_cast<size_t>(log.confirm)];
    const std::vector<edit::FieldDiff> back = edit::DiffVersions(log.entries.back().doc, chosen.doc);
    ImGui::TextWrapped("%s", (LocalTimeText(chosen.time) + " · " +
                              (chosen.action == "found" ? std::string(Tr(Str::ChangeLogFound, lang))
                                                        : WhoText(app, chosen.who, chosen.role)))
                                 .c_str());
    ImGui::TextWrapped("%s", Tr(Str::ChangeLogRestoreAsk, lang));
    DrawDiffs(app, back, 30);
    if (back.empty())
        ImGui::TextDisabled("%s", Tr(Str::ChangeLogNoField, lang));
    if (!nothing_pending)
        ImGui::TextWrapped("%s", Tr(Str::ChangeLogSendFirst, lang));
    ImGui::BeginDisabled(!nothing_pending || log.restoring);
    if (TouchButton(app, Tr(Str::ChangeLogRestoreYes, lang)))
    {
        log.restore_etag = chosen.etag;
        log.confirm = -1;
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (TouchButton(app, Tr(Str::Cancel, lang)))
        log.confirm = -1;
    if (log.confirm < 0)
        ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}
} // namespace

void DrawChangeLog(AppState& app)
{
    ChangeLogState& log = app.change_log;
    const Language lang = app.settings.lang;
    const std::string title = std::string(Tr(Str::ChangeLog, lang)) + "###change-log";
    if (log.open && !ImGui::IsPopupOpen(title.c_str()))
        ImGui::OpenPopup(title.c_str());
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float width = std::min(viewport->WorkSize.x * 0.94f, Dp(app, 760) * app.settings.text_scale);
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(width, viewport->WorkSize.y * 0.88f), ImGuiCond_Always);
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize))
        return;
    if (!log.open)
    {
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    if (!log.title.empty())
        Heading(app, log.title);
    if (TouchButton(app, Tr(Str::Close, lang)))
        log.open = false;
    ImGui::SameLine();
    ImGui::BeginDisabled(log.status == ChangeLogState::Status::Loading);
    if (TouchButton(app, Tr(Str::ChangeLogReload, lang)))
        log.load_requested = true;
    ImGui::EndDisabled();
    if (!log.restore_result.empty())
    {
        if (log.restore_ok)
            ImGui::TextWrapped("%s", log.restore_result.c_str());
        else
            ErrorLine(log.restore_result);
    }

    ImGui::BeginChild("change-log-list", ImVec2(0, 0), false);
    // This tablet's edits not yet on the server, on top.
    const std::vector<edit::FieldDiff> pending = PendingDiffs(app, log.path);
    if (!pending.empty())
    {
        Section(app, Tr(Str::ChangeLogPending, lang));
        DrawDiffs(app, pending, 50);
    }
    switch (log.status)
    {
    case ChangeLogState::Status::Idle:
    case ChangeLogState::Status::Loading: ImGui::TextDisabled("%s", Tr(Str::ChangeLogLoading, lang)); break;
    case ChangeLogState::Status::Offline: ImGui::TextWrapped("%s", Tr(Str::ChangeLogNeedsServer, lang)); break;
    case ChangeLogState::Status::NoServer: ImGui::TextWrapped("%s", Tr(Str::ChangeLogNoServer, lang)); break;
    case ChangeLogState::Status::Failed:
        ErrorLine(std::string(Tr(Str::ChangeLogFailed, lang)) + (log.error.empty() ? "" : ": " + TrMessage(log.error, lang)));
        break;
    case ChangeLogState::Status::Ready:
        if (log.entries.empty() && pending.empty())
            ImGui::TextDisabled("%s", Tr(Str::ChangeLogEmpty, lang));
        break;
    }
    const bool may_restore = MayRestore(app, log.path) && log.status == ChangeLogState::Status::Ready;
    const int newest = static_cast<int>(log.entries.size()) - 1;
    for (int i = newest; i >= 0; --i)
    {
        const ChangeEntry& e = log.entries[static_cast<size_t>(i)];
        ImGui::PushID(i);
        ImGui::Separator();
        ImGui::Spacing();
        std::string head = LocalTimeText(e.time) + " · " +
                           (e.action == "found" ? std::string(Tr(Str::ChangeLogFound, lang)) : WhoText(app, e.who, e.role));
        if (e.action == "restore")
            head += " · " + std::string(Tr(Str::ChangeLogRestoreAction, lang));
        if (i == newest)
            head += " · " + std::string(Tr(Str::ChangeLogCurrent, lang));
        ImGui::PushFont(app.fonts.bold); // wrapped: a phone shows who and "Phiên bản hiện tại" whole
        ImGui::TextWrapped("%s", head.c_str());
        ImGui::PopFont();
        if (!e.kept)
            ImGui::TextDisabled("%s", Tr(Str::ChangeLogNotKept, lang));
        else if (e.first)
            ImGui::TextDisabled("%s", Tr(Str::ChangeLogFirst, lang));
        else if (e.diffs.empty())
            ImGui::TextDisabled("%s", Tr(Str::ChangeLogNoField, lang));
        else
            DrawDiffs(app, e.diffs, 30);
        if (may_restore && i != newest && e.kept && !e.doc.is_null())
        {
            ImGui::BeginDisabled(log.restoring);
            if (TouchButton(app, Tr(Str::ChangeLogRestore, lang)))
                log.confirm = i;
            ImGui::EndDisabled();
        }
        ImGui::PopID();
    }
    if (log.restoring)
        ImGui::TextDisabled("%s", Tr(Str::ChangeLogRestoring, lang));
    ImGui::EndChild();
    if (log.confirm >= 0 && log.confirm < newest && may_restore)
        DrawConfirm(app, pending.empty());
    else
        log.confirm = -1;
    ImGui::EndPopup();
}
} // namespace ui
