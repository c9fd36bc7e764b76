// app::TickHistory; see history_driver.h. Runs in the browser: no exceptions, JSON read with core's accessors.
#include "app/history_driver.h"

#include "core/edit/diff.h"
#include "core/io/json_read.h"
#include "platform/platform.h"

#include <nlohmann/json.hpp>

#include <memory>

namespace app
{
namespace
{
using nlohmann::json;

constexpr size_t kMaxVersions = 30; // the newest versions shown (each one is a request)

std::string Bare(const std::string& etag)
{
    if (etag.size() >= 2 && etag.front() == '"' && etag.back() == '"')
        return etag.substr(1, etag.size() - 2);
    return etag;
}

platform::HttpRequest Request(const SyncDriver& sync, const std::string& url)
{
    platform::HttpRequest r;
    r.url = url;
    if (!sync.remote.token.empty())
        r.headers["Authorization"] = "Bearer " + sync.remote.token;
    return r;
}

// Every entry's diff from the version before it, once all versions have arrived.
void Finish(ui::ChangeLogState& log)
{
    for (size_t i = 0; i < log.entries.size(); ++i)
    {
        ui::ChangeEntry& e = log.entries[i];
        e.diffs.clear();
        if (e.doc.is_null())
            continue;
        if (i == 0)
        {
            e.first = e.action != "create";
            if (!e.first)
                e.diffs = edit::DiffVersions(json(), e.doc);
            continue;
        }
        const ui::ChangeEntry& before = log.entries[i - 1];
        if (before.doc.is_null())
            e.first = true; // the version before is no longer kept: nothing to compare with
        else
            e.diffs = edit::DiffVersions(before.doc, e.doc);
    }
    log.status = ui::ChangeLogState::Status::Ready;
}

void Load(HistoryDriver& history, const SyncDriver& sync, ui::AppState& app)
{
    ui::ChangeLogState& log = app.change_log;
    log.load_requested = false;
    log.status = ui::ChangeLogState::Status::Loading;
    log.error.clear();
    const int generation = ++history.generation;
    const std::string path = log.path;
    platform::Fetch(Request(sync, "api/history?path=" + path), [&history, &sync, &app, generation,
                                                                  path](const platform::HttpResponse& response) {
        ui::ChangeLogState& log = app.change_log;
        if (generation != history.generation)
            return;
        platform::RequestRedraw();
        if (response.status == 0)
        {
            log.status = ui::ChangeLogState::Status::Offline;
            return;
        }
        if (response.status == 404 || response.status == 405)
        {
            log.status = ui::ChangeLogState::Status::NoServer;
            return;
        }
        json doc;
        const json* versions = nullptr;
        if (response.status == 200 && io::ParseJson(response.body, &doc))
            versions = io::Child(doc, "versions");
        if (!versions || !versions->is_array())
        {
            log.status = ui::ChangeLogState::Status::Failed;
            log.error = response.status == 200 ? "" : response.body;
            return;
        }
        log.entries.clear();
        const size_t start = versions->size() > kMaxVersions ? versions->size() - kMaxVersions : 0;
        for (size_t i = start; i < versions->size(); ++i)
        {
            const json& v = (*versions)[i];
            ui::ChangeEntry e;
            e.time = io::StringOr(v, "time", "");
            e.who = io::StringOr(v, "who", "");
            e.role = io::StringOr(v, "role", "");
            e.action = io::StringOr(v, "action", "");
            e.etag = io::StringOr(v, "new_etag", "");
            if (e.etag.empty())
                continue; // the file went missing: no version to show
            log.entries.push_back(std::move(e));
        }
        log.current_etag = log.entries.empty() ? "" : log.entries.back().etag;
        if (log.entries.empty())
            return Finish(log);
        auto outstanding = std::make_shared<size_t>(log.entries.size());
        for (size_t i = 0; i < log.entries.size(); ++i)
        {
            const std::string url = "api/version?path=" + path + "&etag=" + Bare(log.entries[i].etag);
            platform::Fetch(Request(sync, url), [&history, &app, generation, i,
                                                 outstanding](const platform::HttpResponse& version) {
                ui::ChangeLogState& log = app.change_log;
                if (generation != history.generation || i >= log.entries.size())
                    return;
                ui::ChangeEntry& e = log.entries[i];
                json parsed;
                if (version.status == 200 && io::ParseJson(version.body, &parsed))
                    e.doc = std::move(parsed);
                else
                    e.kept = false;
                if (--*outstanding == 0)
                {
                    Finish(log);
                    platform::RequestRedraw();
                }
            });
        }
    });
}

void Restore(HistoryDriver& history, const SyncDriver& sync, ui::AppState& app)
{
    ui::ChangeLogState& log = app.change_log;
    const std::string etag = log.restore_etag;
    log.restore_etag.clear();
    log.restoring = true;
    log.restore_result.clear();
    platform::HttpRequest r = Request(sync, "api/restore?path=" + log.path + "&etag=" + Bare(etag));
    r.method = "POST";
    r.headers["If-Match"] = log.current_etag;
    (void)history;
    platform::Fetch(r, [&app](const platform::HttpResponse& response) {
        ui::ChangeLogState& log = app.change_log;
        const ui::Language lang = app.settings.lang;
        log.restoring = false;
        log.restore_ok = response.status == 200;
        if (log.restore_ok)
        {
            log.restore_result = ui::Tr(ui::Str::ChangeLogRestored, lang);
            app.sync.sync_now = true;  // bring the restored version to this tablet
            log.load_requested = true; // and show it in the history
        }
        else
        {
            std::string why = response.status == 412 ? ui::Tr(ui::Str::ChangeLogRestoreStale, lang)
                              : response.status == 0 ? ui::Tr(ui::Str::ChangeLogNeedsServer, lang)
                                                     : ui::TrMessage(response.body, lang);
            while (!why.empty() && (why.back() == '\n' || why.back() == ' '))
                why.pop_back();
            log.restore_result = std::string(ui::Tr(ui::Str::ChangeLogRestoreFailed, lang)) + ": " + why;
            if (response.status == 412)
                log.load_requested = true;
        }
        platform::RequestRedraw();
    });
}
} // namespace

void TickHistory(HistoryDriver& history, const SyncDriver& sync, ui::AppState& app)
{
    ui::ChangeLogState& log = app.change_log;
    if (!log.open || log.path.empty())
        return;
    if (log.load_requested)
        Load(history, sync, app);
    if (!log.restore_etag.empty() && !log.restoring)
        Restore(history, sync, app);
}
} // namespace app
