// The sync driver: edits -> outbox -> IndexedDB -> sync worker -> server, and server changes -> dataset.
#include "app/sync_driver.h"

#include "core/check/check.h"
#include "core/io/dataset.h"
#include "core/io/export.h"
#include "core/io/json_read.h"
#include "core/sync/import.h"
#include "core/sync/pack.h"
#include "platform/platform.h"
#include "ui/strings.h"
#include "ui/sync_panel.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <functional>
#include <map>
#include <memory>
#include <random>
#include <set>

namespace
{
const char* const kStoreKey = "client";
const char* const kLastSyncedKey = "last_synced"; // small and written on every complete sync
const char* const kTokenKey = "token";
const char* const kWhoKey = "whoami"; // the role the server named last, for an offline start
constexpr double kSyncAfterEditMs = 1500;  // a short pause gathers a burst of edits into one push
constexpr double kSyncIntervalMs = 30000;  // poll the server for other people's changes
constexpr double kRetryOfflineMs = 5000;   // try again soon when the network is gone
constexpr double kRetryErrorMs = 15000;

std::string LocalTime(double epoch_ms)
{
    const std::time_t t = static_cast<std::time_t>(epoch_ms / 1000);
    char text[16] = "";
    std::strftime(text, sizeof text, "%H:%M", std::localtime(&t));
    return text;
}

double EpochMs()
{
    return static_cast<double>(std::time(nullptr)) * 1000.0;
}

// "2026-11-26" (local date, for file names) or "2026-11-26T23:40:00Z" (UTC, for "created").
std::string DateText(bool utc_time)
{
    const std::time_t t = std::time(nullptr);
    char text[32] = "";
    if (utc_time)
        std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
    else
        std::strftime(text, sizeof text, "%Y-%m-%d", std::localtime(&t));
    return text;
}

std::string NewDeviceId()
{
    // Unique enough per tablet: time + address of a fresh allocation + a counter of our own is not needed;
    // op ids only need to differ between devices, and std::random_device reads crypto.getRandomValues here.
    std::random_device rd;
    char id[24];
    std::snprintf(id, sizeof id, "d%08x%08x", rd(), rd());
    return id;
}

// What of the client must survive a reload, in short (file bytes as a hash): a poll that brought nothing new
// leaves it equal, and the 1 MB store record is then not rewritten every 30 s.
std::string Fingerprint(const datasync::Client& client)
{
    nlohmann::json j = {{"device", client.device_id},    {"next_op", client.next_op},
                        {"epoch", client.epoch},         {"generation", client.generation},
                        {"manifest", client.manifest_etag}, {"rejected", client.rejected_etag}};
    for (const auto& [path, file] : client.synced)
        j["files"][path] = file.etag + "#" + std::to_string(std::hash<std::string>()(file.bytes));
    for (const datasync::Op& op : client.outbox)
        j["outbox"].push_back(datasync::OpToJson(op));
    for (const datasync::Conflict& c : client.conflicts)
        j["conflicts"].push_back(datasync::ConflictToJson(c));
    return j.dump();
}

// first_screen: only what the first screen needs (io::LoadLatestYear); CompleteLoad reads the rest.
io::LoadResult Load(const io::DataFiles& files, bool first_screen = false)
{
    platform::Mark("thidua-load-start");
    io::LoadResult result = first_screen ? io::LoadLatestYear(files) : io::LoadDataset(files);
    platform::Mark("thidua-loaded");
    return result;
}

void ShowLoaded(ui::AppState& app, io::LoadResult&& result)
{
    app.dataset = std::move(result.dataset);
    app.issues = std::move(result.issues);
    app.load.status = ui::LoadState::Status::Ready;
    app.data_changed = true;
}

// Rebuilds app.dataset from what this tablet holds (last synced copies + pending edits).
void LoadFromClient(app::SyncDriver& driver, ui::AppState& app, bool first_screen = false)
{
    // A file with no pending edit is its synced bytes as they are (datasync::WorkingFiles would parse and
    // re-serialise every file only for LoadDataset to parse it again: a third of a second on a first visit).
    std::set<std::string> edited;
    for (const datasync::Op& op : driver.client.outbox)
        edited.insert(op.path);
    io::DataFiles files;
    for (const auto& [path, synced] : driver.client.synced)
        if (!edited.count(path))
            files[path] = synced.bytes;
    for (const std::string& path : edited)
    {
        const nlohmann::json doc = datasync::WorkingCopy(driver.client, path);
        if (!doc.is_null())
            files[path] = datasync::Serialize(doc);
    }
    // A synced copy that is not even JSON has no working copy; hand its bytes over anyway so the checker
    // names the file, line and column instead of calling it missing.
    for (const auto& [path, synced] : driver.client.synced)
        if (!files.count(path))
            files[path] = synced.bytes;
    ShowLoaded(app, Load(files, first_screen));
    driver.latest_year_only = first_screen;
}

// The top-level field of the record that an edit changed, with its new value, read back from the dataset.
nlohmann::json ChangedFields(const model::Dataset& data, const edit::Op& op)
{
    const std::string key = op.field.substr(0, op.field.find('/'));
    const nlohmann::json doc = nlohmann::json::parse(io::WriteFile(data, op.file), nullptr, false);
    const nlohmann::json* record = doc.is_discarded() ? nullptr : datasync::FindRecord(doc, op.record_id);
    if (!record)
        return nullptr;
    nlohmann::json fields = nlohmann::json::object();
    fields[key] = record->contains(key) ? (*record)[key] : nlohmann::json();
    return fields;
}

// Puts one applied edit into the sync outbox; "" or why it could not be queued.
std::string PushEdit(datasync::Client& client, const model::Dataset& data, const edit::Op& op)
{
    std::string op_id;
    switch (op.kind)
    {
    case edit::OpKind::Set: {
        const nlohmann::json fields = ChangedFields(data, op);
        if (fields.is_null())
            return op.file + ": record " + op.record_id + " not found";
        return datasync::EditFields(client, op.file, op.record_id, fields, &op_id);
    }
    case edit::OpKind::Add:
        return datasync::AddRecord(client, op.file, op.parent, op.new_value, &op_id);
    case edit::OpKind::Remove:
        return datasync::RemoveRecord(client, op.file, op.record_id, &op_id);
    case edit::OpKind::Create: {
        // The file first, then its entry in datapackage.json: the server never sees a listed file that is missing.
        if (std::string error = datasync::CreateFile(client, op.file, op.new_value, &op_id); !error.empty())
            return error;
        const nlohmann::json package = nlohmann::json::parse(io::WriteFile(data, io::kDescriptorPath), nullptr, false);
        const nlohmann::json* resources = package.is_discarded() ? nullptr : io::Child(package, "resources");
        if (resources && resources->is_array())
            for (const nlohmann::json& r : *resources)
                if (io::StringOr(r, "path", "") == op.file)
                    return datasync::AddRecord(client, io::kDescriptorPath, "/resources", r, &op_id);
        return std::string(io::kDescriptorPath) + " does not list " + op.file;
    }
    case edit::OpKind::Delete:
        if (!datasync::CancelCreate(client, op.file))
            return op.file + ": already sent to the server, so it stays (end its records instead)";
        return "";
    }
    return "";
}

// ---- First visit ---------------------------------------------------------------------------------------------
// One request on `thidua serve`: GET api/snapshot brings every file with the bytes and ETag that GET data/<path>
// would give this token; each is stored in `client.synced` exactly as a per-file download stores it (same path,
// same ETag, same bytes), so the later syncs (per file, against the manifest) cannot tell the difference. Where
// there is no snapshot (Apache, a static host: any answer but a usable 200), datapackage.json and then every file
// it lists are fetched one by one, a few at a time. The page starts the snapshot request itself while the wasm
// compiles (web/index.html); platform::Fetch hands over that answer.
constexpr int kParallelFetches = 6; // per-file fallback: requests in flight at once (Apache serves one at a time)

// The client holds the dataset: edits, the store and syncing may start.
void Opened(app::SyncDriver& driver, ui::AppState& app)
{
    driver.ready = true;
    driver.next_sync_ms = 0;
    app.load.held = false;
}

struct FirstLoad
{
    std::map<std::string, std::string> headers;
    std::vector<std::string> queue; // files still to fetch one by one
    size_t next = 0;
    int running = 0;
    std::vector<check::Issue> missing;
};

void FinishFirstDownload(app::SyncDriver& driver, ui::AppState& app, const FirstLoad& load)
{
    platform::Mark("thidua-data"); // every file is in (the benchmark's timeline: main, data, ready)
    LoadFromClient(driver, app, true);
    app.issues.insert(app.issues.end(), load.missing.begin(), load.missing.end());
    Opened(driver, app);
    driver.store_dirty = true;
}

void FetchQueued(app::SyncDriver& driver, ui::AppState& app, const std::shared_ptr<FirstLoad>& load)
{
    if (load->queue.empty())
        return FinishFirstDownload(driver, app, *load);
    while (load->running < kParallelFetches && load->next < load->queue.size())
    {
        const std::string path = load->queue[load->next++];
        ++load->running;
        platform::HttpRequest file_request;
        file_request.url = "data/" + path;
        file_request.headers = load->headers;
        platform::Fetch(file_request, [&driver, &app, path, load](const platform::HttpResponse& file) {
            --load->running;
            if (file.status == 200)
                driver.client.synced[path] = {file.etag, file.body};
            else
                load->missing.push_back({path, "", "could not be downloaded (" +
                                                       (file.status == 0 ? file.error : "HTTP " + std::to_string(file.status)) + ")"});
            ++app.load.files_fetched;
            platform::LoadProgress(app.load.files_fetched, app.load.files_total);
            if (load->next < load->queue.size())
                FetchQueued(driver, app, load);
            else if (load->running == 0)
                FinishFirstDownload(driver, app, *load);
        });
    }
}

// datapackage.json is in: every file it lists is taken from the snapshot (may be null) or queued.
void TakeDescriptor(app::SyncDriver& driver, ui::AppState& app, const std::string& etag, const std::string& body,
                    datasync::Snapshot* snapshot, const std::shared_ptr<FirstLoad>& load)
{
    std::vector<check::Issue> issues;
    const std::vector<std::string> paths = io::ListDatasetFiles(body, &issues);
    if (paths.empty())
    {
        app.load.status = ui::LoadState::Status::Failed;
        app.load.error = issues.empty() ? "datapackage.json lists no files" : check::FormatIssue(issues.front());
        return;
    }
    driver.client.synced[io::kDescriptorPath] = {etag, body};
    app.load.files_total = static_cast<int>(paths.size());
    for (const std::string& path : paths)
    {
        if (snapshot && snapshot->files.count(path))
        {
            driver.client.synced[path] = std::move(snapshot->files[path]);
            ++app.load.files_fetched;
        }
        else
            load->queue.push_back(path);
    }
    platform::LoadProgress(app.load.files_fetched, app.load.files_total);
    FetchQueued(driver, app, load);
}

// No snapshot: datapackage.json first, then its files one by one.
void FetchDescriptor(app::SyncDriver& driver, ui::AppState& app, const std::shared_ptr<FirstLoad>& load)
{
    platform::HttpRequest request;
    request.url = "data/" + std::string(io::kDescriptorPath);
    request.headers = load->headers;
    platform::Fetch(request, [&driver, &app, load](const platform::HttpResponse& response) {
        if (response.status != 200)
        {
            app.load.status = ui::LoadState::Status::Failed;
            app.load.error = std::string(io::kDescriptorPath) + ": " +
                             (response.status == 0   ? "no connection to the server (" + response.error + ")"
                              : response.status == 401 ? "this server needs an access link with a token (HTTP 401)"
                                                       : "HTTP " + std::to_string(response.status));
            return;
        }
        TakeDescriptor(driver, app, response.etag, response.body, nullptr, load);
    });
}

// The snapshot's answer: its datapackage.json and files, or (no usable snapshot) file by file.
void TakeSnapshot(app::SyncDriver& driver, ui::AppState& app, const platform::HttpResponse& response,
                  const std::shared_ptr<FirstLoad>& load)
{
    datasync::Snapshot snapshot;
    if (response.status == 200 && datasync::ReadSnapshot(response.body, &snapshot))
    {
        const auto descriptor = snapshot.files.find(io::kDescriptorPath);
        if (descriptor != snapshot.files.end())
        {
            const datasync::SyncedFile file = std::move(descriptor->second);
            snapshot.files.erase(descriptor);
            return TakeDescriptor(driver, app, file.etag, file.bytes, &snapshot, load);
        }
    }
    FetchDescriptor(driver, app, load);
}
} // namespace

// ---- First visit: reading ahead -------------------------------------------------------------------------------
// On a first visit the page's snapshot answer is usually in before the store has answered (a new IndexedDB
// database is being created). The snapshot is read and loaded meanwhile into a ReadAhead, and taken only once the
// store has said it holds nothing for this device: a stored state always wins (it may hold edits not yet sent).
// Only a snapshot that holds every listed file is loaded ahead; anything else goes the ordinary way with the same
// answer (no second request).
struct app::ReadAhead
{
    std::string token;                     // the token it was asked with
    bool answered = false;
    platform::HttpResponse response;       // kept while not loaded ahead
    bool loaded = false;                   // `synced` and `result` hold the whole dataset
    std::map<std::string, datasync::SyncedFile> synced;
    io::LoadResult result;
    std::function<void()> waiting;         // FirstDownload, when the store answered first
    bool shown = false;                    // on screen before the store answered: `synced` is in the client
};

namespace
{
bool LoadAhead(app::ReadAhead& ahead)
{
    datasync::Snapshot snapshot;
    if (ahead.response.status != 200 || !datasync::ReadSnapshot(ahead.response.body, &snapshot))
        return false;
    const auto descriptor = snapshot.files.find(io::kDescriptorPath);
    if (descriptor == snapshot.files.end())
        return false;
    std::vector<check::Issue> issues;
    const std::vector<std::string> paths = io::ListDatasetFiles(descriptor->second.bytes, &issues);
    if (paths.empty())
        return false;
    ahead.synced[io::kDescriptorPath] = std::move(descriptor->second);
    for (const std::string& path : paths)
    {
        const auto file = snapshot.files.find(path);
        if (file == snapshot.files.end())
            return false;
        ahead.synced[path] = std::move(file->second);
    }
    platform::Mark("thidua-data"); // every file is in
    io::DataFiles bytes; // as LoadFromClient gives them: a first download has no pending edit
    for (const auto& [path, file] : ahead.synced)
        bytes[path] = file.bytes;
    ahead.result = Load(bytes, true);
    ahead.response = platform::HttpResponse{}; // the bytes now live in `synced`
    return true;
}

// The snapshot read ahead goes on screen: into the client as a first download leaves it, and into app.dataset.
void ShowAhead(app::SyncDriver& driver, ui::AppState& app, app::ReadAhead& ahead)
{
    driver.client.synced = std::move(ahead.synced);
    ahead.shown = true;
    app.load.files_total = app.load.files_fetched = static_cast<int>(driver.client.synced.size()) - 1;
    platform::LoadProgress(app.load.files_fetched, app.load.files_total);
    ShowLoaded(app, std::move(ahead.result));
    driver.latest_year_only = true;
}

// Starts reading the snapshot the page asked for (if it did) before the store has answered. When the snapshot is
// in first (on a first visit the store is still creating its database), it is shown at once but held: read-only
// and not synced until the store has answered. The store then either holds nothing for this device (FirstDownload
// takes the snapshot over) or holds a state, which replaces it (OpenStored): a stored state may hold edits not
// yet sent, and always wins.
void StartReadAhead(app::SyncDriver& driver, ui::AppState& app, const std::string& token)
{
    if (!platform::EarlyRequest("api/snapshot"))
        return;
    auto ahead = std::make_shared<app::ReadAhead>();
    ahead->token = token;
    driver.read_ahead = ahead;
    platform::HttpRequest request;
    request.url = "api/snapshot";
    if (!token.empty())
        request.headers["Authorization"] = "Bearer " + token;
    platform::Fetch(request, [&driver, &app, ahead](const platform::HttpResponse& response) {
        ahead->answered = true;
        ahead->response = response;
        ahead->loaded = LoadAhead(*ahead);
        if (ahead->waiting)
        {
            std::function<void()> next = std::move(ahead->waiting);
            next();
        }
        else if (ahead->loaded && !driver.started && driver.read_ahead == ahead)
        {
            ShowAhead(driver, app, *ahead);
            app.load.held = true;
            app.sync.status = ui::SyncStatus::Syncing; // "Đang đồng bộ…" until the store has answered
        }
    });
}

void FirstDownload(app::SyncDriver& driver, ui::AppState& app)
{
    auto load = std::make_shared<FirstLoad>();
    if (!driver.remote.token.empty())
        load->headers["Authorization"] = "Bearer " + driver.remote.token;
    std::shared_ptr<app::ReadAhead> ahead = std::move(driver.read_ahead);
    if (ahead && ahead->token == driver.remote.token)
    {
        if (!ahead->answered)
        {
            driver.read_ahead = ahead;
            ahead->waiting = [&driver, &app] { FirstDownload(driver, app); };
            return;
        }
        if (!ahead->loaded)
            return TakeSnapshot(driver, app, ahead->response, load);
        if (!ahead->shown)
            ShowAhead(driver, app, *ahead);
        Opened(driver, app);
        driver.store_dirty = true;
        return;
    }
    if (ahead && ahead->shown) // asked with another token than the store holds: its files go, the screen stays held
    {
        driver.client.synced.clear();
        driver.latest_year_only = false; // CompleteLoad must not read the emptied client
    }
    platform::HttpRequest request;
    request.url = "api/snapshot";
    request.headers = load->headers;
    platform::Fetch(request, [&driver, &app, load](const platform::HttpResponse& response) {
        TakeSnapshot(driver, app, response, load);
    });
}

// Drops the outbox's edits of `path` (a write the server refuses) and shows the data without them.
void DiscardFile(app::SyncDriver& driver, ui::AppState& app, const std::string& path)
{
    std::vector<datasync::Op>& outbox = driver.client.outbox;
    outbox.erase(std::remove_if(outbox.begin(), outbox.end(), [&](const datasync::Op& op) { return op.path == path; }),
                 outbox.end());
    // Undo would only make a new edit of the same file, refused again: those steps go too.
    for (std::vector<edit::Op>* ops : {&app.edit.journal.undo, &app.edit.journal.redo})
        ops->erase(std::remove_if(ops->begin(), ops->end(), [&](const edit::Op& op) { return op.file == path; }),
                   ops->end());
    std::vector<check::Issue>& problems = app.sync.problems;
    problems.erase(std::remove_if(problems.begin(), problems.end(),
                                  [&](const check::Issue& issue) { return issue.file == path; }),
                   problems.end());
    LoadFromClient(driver, app);
    driver.store_dirty = true;
}

void StartWorkerSync(app::SyncDriver& driver, ui::AppState& app)
{
    driver.in_flight = true;
    std::set<std::string> sent_ops;
    for (const datasync::Op& op : driver.client.outbox)
        sent_ops.insert(op.op_id);
    nlohmann::json remote = {{"backend", driver.remote.backend == datasync::Backend::WebDav ? "webdav" : "thidua"},
                             {"data_prefix", driver.remote.data_prefix},
                             {"token", driver.remote.token}};
    // Packed (core/sync/pack.h) both ways: the files' bytes are copied, never escaped into JSON and parsed back.
    const std::string input = datasync::ClientToRecord(driver.client, {{"base", driver.base_url}, {"remote", remote}});
    platform::RunSyncWorker(input, [&driver, &app, sent_ops](bool ok, const std::string& output) {
        driver.in_flight = false;
        const double now = platform::NowMs();
        if (!ok)
        {
            app.sync.error = ui::Tr(ui::Str::SyncWorkerFailed, app.settings.lang);
            std::fprintf(stderr, "sync worker: %s\n", output.c_str()); // the detail, for the browser's console
            driver.next_sync_ms = now + kRetryErrorMs;
            return;
        }
        datasync::Client synced;
        synced.check = driver.client.check;
        nlohmann::json out;
        const nlohmann::json* report_json = nullptr;
        if (!datasync::ClientFromRecord(output, &synced, &out) || !(report_json = io::Child(out, "report")))
        {
            app.sync.error = ui::Tr(ui::Str::SyncWorkerFailed, app.settings.lang);
            std::fprintf(stderr, "sync worker: its answer is unreadable\n");
            driver.next_sync_ms = now + kRetryErrorMs;
            return;
        }
        // Edits made while the worker ran are kept: they go on top of what the worker brought back.
        for (const datasync::Op& op : driver.client.outbox)
            if (!sent_ops.count(op.op_id))
                synced.outbox.push_back(op);
        synced.next_op = std::max(synced.next_op, driver.client.next_op);
        if (Fingerprint(synced) != Fingerprint(driver.client))
            driver.store_dirty = true;
        driver.client = std::move(synced);

        const nlohmann::json& report = *report_json;
        const nlohmann::json none = nlohmann::json::array();
        auto list = [&](const char* key) -> const nlohmann::json& {
            const nlohmann::json* v = io::Child(report, key);
            return v && v->is_array() ? *v : none;
        };
        app.sync.problems.clear();
        for (const nlohmann::json& p : list("problems"))
            app.sync.problems.push_back({io::StringOr(p, "file", ""), io::StringOr(p, "pointer", ""),
                                         io::StringOr(p, "message", "")});
        const bool offline = io::BoolOr(report, "offline", false);
        if (offline && driver.offline_since_ms == 0)
            driver.offline_since_ms = EpochMs();
        if (!offline)
            driver.offline_since_ms = 0;
        if (io::BoolOr(report, "complete", false))
        {
            driver.last_synced_ms = EpochMs();
            app.sync.error.clear();
            platform::StorePut(kLastSyncedKey, std::to_string(driver.last_synced_ms), [](bool, const std::string&) {});
            platform::KeepNumber(kLastSyncedKey, driver.last_synced_ms); // survives a reload that comes first
        }
        if (!list("pulled").empty() || !list("acknowledged").empty() || !list("new_conflicts").empty())
            LoadFromClient(driver, app);
        driver.next_sync_ms = now + (offline ? kRetryOfflineMs
                                             : !driver.client.outbox.empty() ? kSyncAfterEditMs : kSyncIntervalMs);
    });
}

void UpdateView(const app::SyncDriver& driver, ui::AppState& app)
{
    ui::SyncView& view = app.sync;
    const platform::BrowserStatus browser = platform::Status();
    view.pending = static_cast<int>(driver.client.outbox.size());
    view.saving = driver.storing || driver.store_dirty;
    view.persisted = browser.persisted;
    view.update_ready = browser.update_ready;
    view.conflicts = driver.client.conflicts;
    view.pending_files.clear();
    for (const datasync::Op& op : driver.client.outbox)
        if (std::find(view.pending_files.begin(), view.pending_files.end(), op.path) == view.pending_files.end())
            view.pending_files.push_back(op.path);
    view.last_synced = driver.last_synced_ms > 0 ? LocalTime(driver.last_synced_ms) : "";
    view.offline_since = driver.offline_since_ms > 0 ? LocalTime(driver.offline_since_ms) : "";
    if (driver.store_failed)
        view.error = "không lưu được trên máy này — could not save on this device";
    if (!browser.writer)
        view.status = ui::SyncStatus::ReadOnly;
    else if (!view.conflicts.empty())
        view.status = ui::SyncStatus::Conflict;
    else if (driver.offline_since_ms > 0)
        view.status = ui::SyncStatus::Offline;
    else if (!view.error.empty() || !view.problems.empty())
        view.status = ui::SyncStatus::Error;
    else if (driver.in_flight)
        view.status = ui::SyncStatus::Syncing;
    else if (view.pending > 0)
        view.status = ui::SyncStatus::Waiting;
    else if (driver.last_synced_ms > 0)
        view.status = ui::SyncStatus::Synced;
    else
        view.status = ui::SyncStatus::Local;
}

// The person's export and import requests: files are saved through the browser; a picked or dropped file is
// planned (checked and compared, nothing changed) for the preview, and applied as ordinary edits on "Nhập".
void HandleExportImport(app::SyncDriver& driver, ui::AppState& app, bool writer)
{
    ui::SyncView& sync = app.sync;
    if (sync.export_package)
    {
        sync.export_package = false;
        const io::DataFiles files = datasync::WorkingFiles(driver.client);
        platform::Download(io::DataPackageFileName(files, DateText(false)), "application/json",
                           io::DataPackageJson(files, DateText(true)));
    }
    if (!sync.export_path.empty())
    {
        const nlohmann::json doc = datasync::WorkingCopy(driver.client, sync.export_path);
        if (!doc.is_null())
            platform::Download(io::DataFileName(sync.export_path), "application/json", datasync::Serialize(doc));
        sync.export_path.clear();
    }
    ui::ImportView& imp = sync.import;
    const bool allowed = writer && app.edit.enabled;
    if (sync.import_pick)
    {
        sync.import_pick = false;
        if (allowed)
            platform::PickFile(".json,application/json");
    }
    const ui::Language lang = app.settings.lang;
    if (driver.file_received)
    {
        driver.file_received = false;
        imp = ui::ImportView{};
        imp.shown = true;
        imp.read_only = !writer;
        imp.plan.name = driver.file_name;
        ui::Str said = imp.read_only ? ui::Str::SyncReadOnly : ui::Str::ImportNeedsEdit;
        imp.status = ui::ImportStatus::Unavailable;
        if (allowed)
        {
            imp.plan = datasync::PlanImport(driver.client, driver.file_name, driver.file_bytes);
            const bool nothing = imp.plan.ops.empty() && imp.plan.conflicts.empty();
            imp.status = !imp.plan.errors.empty() ? ui::ImportStatus::Refused
                         : nothing                ? ui::ImportStatus::Nothing
                                                  : ui::ImportStatus::Preview;
            said = !imp.plan.errors.empty() ? ui::Str::ImportRefused : nothing ? ui::Str::ImportNothing : ui::Str::ImportTitle;
            driver.preview_bytes = std::move(driver.file_bytes); // kept for "Nhập"
        }
        driver.file_bytes.clear();
        platform::Announce(imp.plan.name + ": " + ui::Tr(said, lang));
    }
    // Applied between syncs only: the worker's result replaces the client, and must not drop new conflicts.
    if (sync.import_apply && !driver.in_flight)
    {
        sync.import_apply = false;
        if (imp.status == ui::ImportStatus::Preview && allowed)
        {
            // Planned again: the client may have synced since the preview; the ops must fit what it holds now.
            imp.plan = datasync::PlanImport(driver.client, imp.plan.name, driver.preview_bytes);
            const bool applied = datasync::ApplyImport(driver.client, imp.plan);
            imp.status = !imp.plan.errors.empty() ? ui::ImportStatus::Refused
                         : applied                ? ui::ImportStatus::Applied
                                                  : ui::ImportStatus::Nothing;
            if (applied)
            {
                LoadFromClient(driver, app);
                driver.store_dirty = true;
                driver.next_sync_ms = 0;
            }
            platform::Announce(imp.plan.name + ": " + ui::Tr(applied ? ui::Str::ImportDone : ui::Str::ImportRefused, lang) +
                               ". " + ui::Tr(ui::Str::ImportAdded, lang) + ": " + std::to_string(imp.plan.added) + ". " +
                               ui::Tr(ui::Str::ImportChanged, lang) + ": " + std::to_string(imp.plan.changed) + ". " +
                               ui::Tr(ui::Str::ConflictTitle, lang) + ": " + std::to_string(imp.plan.conflicted));
        }
        driver.preview_bytes.clear();
    }
    if (sync.import_close)
    {
        sync.import_close = false;
        imp.shown = false;
        if (imp.status == ui::ImportStatus::Preview)
        {
            imp = ui::ImportView{}; // cancelled: nothing changed
            driver.preview_bytes.clear();
        }
    }
}
} // namespace

namespace
{
// Opens the stored state once the token is known (from the address, else from the store).
void OpenStore(app::SyncDriver& driver, ui::AppState& app);
// The same with the stored state already read (`found`, `value`).
void OpenStored(app::SyncDriver& driver, ui::AppState& app, bool found, const std::string& value);
} // namespace

namespace
{
// The role from a /api/whoami answer ({"role": "unit:org.x", ...}); false when the answer is not one.
bool ReadWho(const std::string& body, roles::Principal* who)
{
    const nlohmann::json j = nlohmann::json::parse(body, nullptr, false);
    return !j.is_discarded() && roles::ParseRole(io::StringOr(j, "role", ""), who);
}

// Asks the server who this device is; the app offers edits only for what that role may write. Kept in the
// store so an offline start knows it too. A server without roles (a static host, Apache) leaves it unknown.
void AskWho(app::SyncDriver& driver, ui::AppState& app)
{
    platform::StoreGet(kWhoKey, [&app](bool found, const std::string& value) {
        if (found && !app.who_known)
            app.who_known = ReadWho(value, &app.who);
    });
    platform::HttpRequest request;
    request.url = "api/whoami";
    if (!driver.remote.token.empty())
        request.headers["Authorization"] = "Bearer " + driver.remote.token;
    platform::Fetch(request, [&app](const platform::HttpResponse& response) {
        roles::Principal who;
        if (response.status != 200 || !ReadWho(response.body, &who))
            return;
        app.who = who;
        app.who_known = true;
        platform::StorePut(kWhoKey, response.body, [](bool, const std::string&) {});
        platform::RequestRedraw();
    });
}
} // namespace

void app::StartSync(SyncDriver& driver, ui::AppState& app, const std::string& base_url)
{
    driver.base_url = base_url;
    driver.client.check = [](const std::string& path, const std::string& bytes) { return check::CheckFile(path, bytes); };
    const std::string token = platform::TakeTokenFromAddress();
    StartReadAhead(driver, app, token); // a first visit: the snapshot is loaded while the store opens
    if (!token.empty())
    {
        driver.remote.token = token;
        platform::StorePut(kTokenKey, token, [](bool, const std::string&) {});
        AskWho(driver, app);
        OpenStore(driver, app);
        return;
    }
    // The stored token and the stored state are read at once (one wait for the store instead of two).
    struct Reads
    {
        int left = 2;
        bool token_found = false, state_found = false;
        std::string token, state;
    };
    auto reads = std::make_shared<Reads>();
    auto both = [&driver, &app, reads] {
        if (--reads->left > 0)
            return;
        platform::Mark("thidua-store-read");
        if (reads->token_found)
            driver.remote.token = reads->token;
        AskWho(driver, app);
        OpenStored(driver, app, reads->state_found, reads->state);
    };
    platform::StoreGet(kTokenKey, [reads, both](bool found, const std::string& value) {
        reads->token_found = found;
        reads->token = value;
        both();
    });
    platform::StoreGet(kStoreKey, [reads, both](bool found, const std::string& value) {
        reads->state_found = found;
        reads->state = value;
        both();
    });
}

namespace
{
void OpenStore(app::SyncDriver& driver, ui::AppState& app)
{
    platform::StoreGet(kStoreKey, [&driver, &app](bool found, const std::string& value) {
        OpenStored(driver, app, found, value);
    });
}

void OpenStored(app::SyncDriver& driver, ui::AppState& app, bool found, const std::string& value)
{
    {
        driver.started = true;
        if (found)
        {
            nlohmann::json head;
            datasync::Client stored; // read aside: a record that is no use leaves the client (and a held screen) as it is
            stored.check = driver.client.check;
            if (datasync::ClientFromRecord(value, &stored, &head) && !stored.synced.empty())
            {
                driver.client = std::move(stored);
                driver.last_synced_ms = std::max(io::NumberOr(head, "last_synced_ms", 0.0), platform::KeptNumber(kLastSyncedKey));
                platform::StoreGet(kLastSyncedKey, [&driver](bool found_time, const std::string& time) {
                    if (found_time)
                        driver.last_synced_ms = std::max(driver.last_synced_ms, std::atof(time.c_str()));
                });
                driver.read_ahead.reset(); // a snapshot read ahead is not needed: the stored state wins
                LoadFromClient(driver, app, true); // a start from the store: last synced data + pending edits
                Opened(driver, app);
                return;
            }
            app.sync.error = "dữ liệu lưu trên máy không đọc được; tải lại từ máy chủ — stored data unreadable";
        }
        driver.client.device_id = NewDeviceId();
        FirstDownload(driver, app);
    }
}
} // namespace

void app::CompleteLoad(SyncDriver& driver, ui::AppState& app)
{
    if (driver.latest_year_only)
        LoadFromClient(driver, app);
}

void app::TickSync(SyncDriver& driver, ui::AppState& app, double now_ms)
{
    if (!driver.ready)
        return;
    const bool writer = platform::Status().writer;
    // A start without an answer (offline, nothing stored): ask again now and then until a server says.
    if (!app.who_known && driver.next_whoami_ms == 0)
        driver.next_whoami_ms = now_ms + kSyncIntervalMs;
    else if (!app.who_known && now_ms >= driver.next_whoami_ms)
    {
        driver.next_whoami_ms = now_ms + kSyncIntervalMs;
        AskWho(driver, app);
    }

    // 1. New edits from the screens go to the outbox (the dataset already shows them).
    std::vector<edit::Op>& pending = app.edit.journal.pending;
    for (const edit::Op& op : pending)
    {
        std::string error = PushEdit(driver.client, app.dataset, op);
        if (!error.empty())
        {
            app.sync.error = error;
            LoadFromClient(driver, app); // the tablet shows again what it will really send
        }
        driver.store_dirty = true;
        driver.next_sync_ms = now_ms + kSyncAfterEditMs;
    }
    pending.clear();

    // 2. The person's requests.
    if (app.sync.sync_now)
    {
        app.sync.sync_now = false;
        driver.next_sync_ms = 0;
    }
    // Not while the worker syncs a snapshot: its answer replaces the outbox and would bring the refused op back.
    if (!app.sync.discard_file.empty() && !driver.in_flight)
    {
        DiscardFile(driver, app, app.sync.discard_file);
        app.sync.discard_file.clear();
    }
    if (app.sync.resolve_index >= 0)
    {
        const std::string error = datasync::ResolveConflict(driver.client, static_cast<size_t>(app.sync.resolve_index),
                                                            app.sync.resolve_keep_ours);
        app.sync.resolve_index = -1;
        if (!error.empty())
            app.sync.error = error;
        LoadFromClient(driver, app);
        driver.store_dirty = true;
        driver.next_sync_ms = 0;
    }
    if (app.sync.download_pending)
    {
        app.sync.download_pending = false;
        nlohmann::json ops = nlohmann::json::array(), conflicts = nlohmann::json::array();
        for (const datasync::Op& op : driver.client.outbox)
            ops.push_back(datasync::OpToJson(op));
        for (const datasync::Conflict& c : driver.client.conflicts)
            conflicts.push_back(datasync::ConflictToJson(c));
        const nlohmann::json doc = {{"format", "thidua.pending-edits"}, {"device_id", driver.client.device_id},
                                    {"edits", ops}, {"conflicts", conflicts}};
        platform::Download("thidua-pending-edits.json", "application/json", doc.dump(2) + "\n");
    }

    if (app.sync.export_results)
    {
        app.sync.export_results = false;
        std::string name = "ket-qua-thi-dua";
        for (const model::YearFile& y : app.dataset.years)
            if (y.year.id == app.results.year_id)
                name += "-" + std::to_string(y.year.year);
        platform::Download(name + ".csv", "text/csv;charset=utf-8", io::ResultsCsv(app.dataset, app.results));
    }

    HandleExportImport(driver, app, writer);

    // A new version is applied only at a safe moment: every edit on the server, no presentation running.
    if (app.sync.apply_update)
    {
        app.sync.apply_update = false;
        if (driver.client.outbox.empty() && !driver.store_dirty && !driver.storing && !app.presentation.active)
            platform::ApplyUpdate();
    }

    // 3. Commit to this tablet's store before anything is called saved (only the writer tab writes).
    if (writer && driver.store_dirty && !driver.storing)
    {
        driver.store_dirty = false;
        driver.storing = true;
        platform::StorePut(kStoreKey, datasync::ClientToRecord(driver.client, {{"last_synced_ms", driver.last_synced_ms}}),
                           [&driver](bool ok, const std::string&) {
            driver.storing = false;
            driver.store_failed = !ok;
            if (!ok)
                driver.store_dirty = true; // try again next tick; the edits stay in memory meanwhile
        });
    }

    // 4. Sync when due.
    if (writer && !driver.in_flight && now_ms >= driver.next_sync_ms)
        StartWorkerSync(driver, app);

    UpdateView(driver, app);
}

double app::NextSyncDelay(const SyncDriver& driver, double now_ms)
{
    if (!driver.ready || driver.in_flight)
        return -1;
    return driver.next_sync_ms > now_ms ? driver.next_sync_ms - now_ms : 0;
}
