// The server's data store: ETags, manifest, atomic writes, history and audit; see store.h.
#include "server/store.h"

#include "server/paths.h"
#include "server/sha256.h"
#include "server/store_s3.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;
using nlohmann::json;

namespace
{
bool ReadWhole(const std::string& path, std::string* bytes)
{
    return server::ReadWholeFile(path, bytes);
}

std::string NowUtc()
{
    char buf[32];
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

bool FsyncPath(const std::string& path, int flags)
{
    const int fd = open(path.c_str(), flags | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool ok = fsync(fd) == 0;
    close(fd);
    return ok;
}

// temp file in the same folder (O_EXCL, O_NOFOLLOW) -> write -> fsync -> rename -> fsync the folder.
// Returns 0 or an errno value.
int WriteAtomic(const std::string& final_path, const std::string& bytes)
{
    const fs::path target(final_path);
    std::error_code ec;
    fs::create_directories(target.parent_path(), ec);
    static std::atomic<unsigned> counter{0};
    const std::string tmp = (target.parent_path() / ("." + target.filename().string() + ".tmp-" +
                                                      std::to_string(getpid()) + "-" + std::to_string(++counter)))
                                .string();
    const int fd = open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd < 0)
        return errno;
    size_t done = 0;
    while (done < bytes.size())
    {
        const ssize_t n = write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0)
        {
            if (errno == EINTR)
                continue;
            const int err = errno;
            close(fd);
            unlink(tmp.c_str());
            return err;
        }
        done += static_cast<size_t>(n);
    }
    if (fsync(fd) != 0)
    {
        const int err = errno;
        close(fd);
        unlink(tmp.c_str());
        return err;
    }
    close(fd);
    if (std::rename(tmp.c_str(), final_path.c_str()) != 0)
    {
        const int err = errno;
        unlink(tmp.c_str());
        return err;
    }
    FsyncPath(target.parent_path().string(), O_RDONLY | O_DIRECTORY);
    return 0;
}

std::string HistoryPath(const server::Store& store, const std::string& path, const std::string& etag)
{
    std::string bare = etag;
    if (bare.size() >= 2 && bare.front() == '"' && bare.back() == '"')
        bare = bare.substr(1, bare.size() - 2);
    return store.state_dir + "/history/" + path + "/" + bare + ".json";
}

// Keeps `bytes` (whose ETag is `etag`) in history unless it is there already; a version kept again counts as new
// (its modification time is what PruneHistory orders by).
int KeepVersion(const server::Store& store, const std::string& path, const std::string& etag,
                const std::string& bytes)
{
    const std::string h = HistoryPath(store, path, etag);
    std::error_code ec;
    if (fs::exists(h, ec))
    {
        utimensat(AT_FDCWD, h.c_str(), nullptr, 0);
        return 0;
    }
    return WriteAtomic(h, bytes);
}

// Deletes all but the newest `keep` versions of one file (the current version is the newest). The caller holds
// the file's lock. The audit log keeps its lines; a deleted version answers 404 from /api/version.
void PruneHistory(const server::Store& store, const std::string& path, size_t keep)
{
    std::error_code ec;
    std::vector<std::pair<fs::file_time_type, fs::path>> versions;
    for (const fs::directory_entry& e : fs::directory_iterator(fs::path(store.state_dir) / "history" / path, ec))
        if (e.is_regular_file(ec) && e.path().extension() == ".json")
            versions.emplace_back(e.last_write_time(ec), e.path());
    if (versions.size() <= keep)
        return;
    std::sort(versions.begin(), versions.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    for (size_t i = keep; i < versions.size(); ++i)
        fs::remove(versions[i].second, ec);
}

std::string AuditLine(const server::AuditEntry& e)
{
    json j = {{"time", e.time},         {"who", e.who},           {"role", e.role},
              {"path", e.path},         {"action", e.action},     {"old_etag", e.old_etag},
              {"new_etag", e.new_etag}, {"gen", e.gen},           {"op_ids", e.op_ids}};
    return j.dump() + "\n";
}

// Appends one line and fsyncs; the caller holds store.mu.
bool AppendAudit(const server::Store& store, const server::AuditEntry& e)
{
    const std::string line = AuditLine(e);
    const int fd = open((store.state_dir + "/audit.log").c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0)
        return false;
    const bool ok = write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size()) && fsync(fd) == 0;
    close(fd);
    return ok;
}

bool ParseAuditLine(const std::string& line, server::AuditEntry* e)
{
    const json j = json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object())
        return false;
    try
    {
        e->time = j.at("time");
        e->who = j.at("who");
        e->role = j.at("role");
        e->path = j.at("path");
        e->action = j.at("action");
        e->old_etag = j.at("old_etag");
        e->new_etag = j.at("new_etag");
        e->gen = j.at("gen");
        e->op_ids = j.at("op_ids").get<std::vector<std::string>>();
    }
    catch (const json::exception&)
    {
        return false;
    }
    return true;
}

// Every allowed data file under the folder (no symlinks), as relative paths. Deletes stale temp files.
std::vector<std::string> ListDataFiles(const std::string& root, bool delete_temps)
{
    std::vector<std::string> out;
    std::error_code ec;
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
    for (; !ec && it != end; it.increment(ec))
    {
        const std::string name = it->path().filename().string();
        if (it->is_directory(ec) && !it->is_symlink(ec) && name == ".thidua" && it.depth() == 0)
        {
            it.disable_recursion_pending();
            continue;
        }
        if (it->is_symlink(ec) || !it->is_regular_file(ec))
            continue;
        if (delete_temps && name.size() > 1 && name[0] == '.' && name.find(".tmp-") != std::string::npos)
        {
            fs::remove(it->path(), ec);
            continue;
        }
        const std::string rel = fs::relative(it->path(), root, ec).generic_string();
        if (server::CheckDataPath(rel).empty())
            out.push_back(rel);
    }
    return out;
}

// A write that failed in the file system: 507 for a full disk, 503 for a folder the server may not write (the
// data folder made read-only, a read-only mount: an administrator's matter, so the client may retry later).
int StatusOfErrno(int err)
{
    if (err == ENOSPC || err == EDQUOT)
        return 507;
    if (err == EACCES || err == EPERM || err == EROFS)
        return 503;
    return 500;
}

std::string ReasonOf(int err)
{
    if (StatusOfErrno(err) == 503)
        return " (the data folder is read-only for the server; nothing was changed; ask the administrator)";
    if (err == ENOSPC || err == EDQUOT)
        return " (the disk is full; nothing was changed)";
    return "";
}

bool EtagMatches(const std::string& header, const std::string& current, bool exists)
{
    size_t start = 0;
    while (start < header.size())
    {
        size_t end = header.find(',', start);
        if (end == std::string::npos)
            end = header.size();
        std::string tag = header.substr(start, end - start);
        tag.erase(0, tag.find_first_not_of(" \t"));
        tag.erase(tag.find_last_not_of(" \t") + 1);
        if ((tag == "*" && exists) || (exists && tag == current)) // strong comparison: W/ never matches
            return true;
        start = end + 1;
    }
    return false;
}
} // namespace

std::string server::shared::NowUtc()
{
    return ::NowUtc();
}

std::string server::shared::AuditLine(const AuditEntry& e)
{
    return ::AuditLine(e);
}

bool server::shared::ParseAuditLine(const std::string& line, AuditEntry* e)
{
    return ::ParseAuditLine(line, e);
}

bool server::shared::EtagMatches(const std::string& header, const std::string& current, bool exists)
{
    return ::EtagMatches(header, current, exists);
}

std::string server::EtagOf(const std::string& bytes)
{
    const auto digest = Sha256(bytes);
    return "\"" + Base64Url(digest.data(), digest.size()) + "\"";
}

bool server::IsBucketLocation(const std::string& location)
{
    return location.rfind("s3://", 0) == 0;
}

std::string server::OpenStore(const std::string& location, bool writable, Store* store, const StoreOptions& options)
{
    store->location = location;
    if (IsBucketLocation(location))
        return bucket::Open(location, options, writable, store);
    const std::string& data_dir = location;
    std::error_code ec;
    const fs::path root = fs::canonical(data_dir, ec);
    if (ec || !fs::is_directory(root))
        return "data folder not found: " + data_dir;
    store->data_dir = root.string();
    store->state_dir = store->data_dir + "/.thidua";
    store->writable = writable;
    if (!writable)
    {
        store->epoch = "read-only";
        RescanReadOnly(*store);
        return "";
    }
    fs::create_directories(store->state_dir + "/history", ec);
    if (ec)
        return "cannot create " + store->state_dir + ": " + ec.message();
    // The epoch names this generation sequence; clients that saw another epoch ask for the full manifest.
    std::string epoch;
    if (!ReadWhole(store->state_dir + "/epoch", &epoch) || epoch.size() < 8)
    {
        epoch = NewEpoch();
        if (WriteAtomic(store->state_dir + "/epoch", epoch) != 0)
            return "cannot write " + store->state_dir + "/epoch";
    }
    store->epoch = epoch;

    // Replay the audit log: the last entry per path gives its ETag and generation. A torn last line is dropped.
    std::string log;
    ReadWhole(store->state_dir + "/audit.log", &log);
    const size_t last_nl = log.rfind('\n');
    const size_t good = last_nl == std::string::npos ? 0 : last_nl + 1;
    if (good != log.size())
    {
        if (truncate((store->state_dir + "/audit.log").c_str(), static_cast<off_t>(good)) != 0)
            return "cannot repair " + store->state_dir + "/audit.log";
        log.resize(good);
    }
    std::map<std::string, AuditEntry> last;
    std::istringstream lines(log);
    for (std::string line; std::getline(lines, line);)
    {
        AuditEntry e;
        if (!ParseAuditLine(line, &e))
            continue;
        last[e.path] = e;
        store->generation = std::max(store->generation, e.gen);
    }

    // Compare with the files on disk; changes made while the server was down get a "found"/"missing" line.
    for (const std::string& path : ListDataFiles(store->data_dir, true))
    {
        std::string bytes;
        if (!ReadWhole(store->data_dir + "/" + path, &bytes))
            continue;
        const std::string etag = EtagOf(bytes);
        if (KeepVersion(*store, path, etag, bytes) != 0)
            return "cannot write history for " + path;
        auto it = last.find(path);
        FileEntry entry{etag, static_cast<int64_t>(bytes.size()), 0};
        if (it != last.end() && it->second.new_etag == etag)
            entry.gen = it->second.gen;
        else
        {
            AuditEntry e{NowUtc(), "server", "", path, "found", it == last.end() ? "" : it->second.new_etag, etag,
                         ++store->generation, {}};
            if (!AppendAudit(*store, e))
                return "cannot append to the audit log";
            entry.gen = e.gen;
        }
        store->files[path] = entry;
    }
    for (const auto& [path, e] : last)
        if (!store->files.count(path) && !e.new_etag.empty())
        {
            AuditEntry m{NowUtc(), "server", "", path, "missing", e.new_etag, "", ++store->generation, {}};
            if (!AppendAudit(*store, m))
                return "cannot append to the audit log";
        }
    return "";
}

std::string server::NewEpoch()
{
    uint8_t raw[9] = {};
    std::ifstream urandom("/dev/urandom", std::ios::binary);
    urandom.read(reinterpret_cast<char*>(raw), sizeof raw);
    return Base64Url(raw, sizeof raw);
}

void server::RescanReadOnly(Store& store)
{
    if (store.bucket)
        return; // a bucket is listed on every request anyway
    std::map<std::string, FileEntry> files;
    for (const std::string& path : ListDataFiles(store.data_dir, false))
    {
        std::string bytes;
        if (ReadWhole(store.data_dir + "/" + path, &bytes))
            files[path] = FileEntry{EtagOf(bytes), static_cast<int64_t>(bytes.size()), 0};
    }
    std::lock_guard<std::mutex> lock(store.mu);
    store.files = std::move(files);
}

bool server::ReadDataFile(const Store& store, const std::string& path, std::string* bytes, std::string* error)
{
    if (store.bucket)
        return bucket::ReadDataFile(store, path, bytes, error);
    std::string full;
    if (!ResolveUnder(store.data_dir, path, &full).empty())
        return false;
    std::error_code ec;
    if (fs::is_symlink(full, ec) || !fs::is_regular_file(full, ec))
        return false;
    return ReadWhole(full, bytes);
}

namespace
{
// Reads the file at `full` and compares it with the precondition: status 0 when it holds, else 412 (or 403 for a
// symlink) with the current ETag. *current and *exists describe the file as read.
server::WriteResult Compare(const std::string& full, const std::string& path, const server::Precondition& pre,
                            std::string* current, bool* exists)
{
    std::error_code ec;
    if (fs::is_symlink(full, ec))
        return {403, path + ": is a symlink", "", 0};
    *exists = fs::is_regular_file(full, ec) && ReadWhole(full, current);
    const std::string current_etag = *exists ? server::EtagOf(*current) : "";
    if (pre.if_none_match_star && *exists)
        return {412, path + " already exists", current_etag, 0};
    if (pre.has_if_match && !EtagMatches(pre.if_match, current_etag, *exists))
        return {412, *exists ? path + " has changed (ETag " + current_etag + ")" : path + " does not exist",
                current_etag, 0};
    return {0, "", current_etag, 0};
}
} // namespace

server::WriteResult server::CheckPrecondition(const Store& store, const std::string& path, const Precondition& pre)
{
    if (store.bucket)
        return bucket::CheckPrecondition(store, path, pre);
    std::string full;
    if (std::string why = ResolveUnder(store.data_dir, path, &full); !why.empty())
        return {403, path + ": " + why, "", 0};
    std::string current;
    bool exists = false;
    return Compare(full, path, pre, &current, &exists);
}

server::WriteResult server::WriteDataFile(Store& store, const WriteRequest& req)
{
    WriteResult r;
    if (!store.writable)
        return {403, "the server is read-only (start it with --tokens FILE to accept writes)", "", 0};
    if (!req.pre.has_if_match && !req.pre.if_none_match_star)
        return {428, "a write needs If-Match: \"<etag>\" (or If-None-Match: * to create)", "", 0};
    if (store.bucket)
        return bucket::WriteDataFile(store, req);
    std::string full;
    if (std::string why = ResolveUnder(store.data_dir, req.path, &full); !why.empty())
        return {403, req.path + ": " + why, "", 0};

    std::mutex* file_lock = nullptr;
    {
        std::lock_guard<std::mutex> lock(store.mu);
        auto& slot = store.file_locks[req.path];
        if (!slot)
            slot = std::make_unique<std::mutex>();
        file_lock = slot.get();
    }
    std::lock_guard<std::mutex> file_guard(*file_lock);

    std::string current;
    bool exists = false;
    if (WriteResult refused = Compare(full, req.path, req.pre, &current, &exists); refused.status != 0)
        return refused;
    const std::string current_etag = exists ? EtagOf(current) : "";

    const std::string new_etag = EtagOf(req.bytes);
    if (exists)
        KeepVersion(store, req.path, current_etag, current); // normally there already
    if (int err = KeepVersion(store, req.path, new_etag, req.bytes); err != 0)
        return {StatusOfErrno(err), "cannot keep history: " + std::string(std::strerror(err)) + ReasonOf(err), "", 0};
    if (int err = WriteAtomic(full, req.bytes); err != 0)
        return {StatusOfErrno(err), "cannot write " + req.path + ": " + std::strerror(err) + ReasonOf(err), "", 0};

    PruneHistory(store, req.path, store.history_keep);

    std::lock_guard<std::mutex> lock(store.mu);
    AuditEntry e{NowUtc(), req.who, req.role, req.path, exists ? req.action : "create", current_etag, new_etag,
                 ++store.generation, req.op_ids};
    AppendAudit(store, e); // a crash before this line is repaired at start-up ("found")
    store.files[req.path] = FileEntry{new_etag, static_cast<int64_t>(req.bytes.size()), e.gen};
    r.status = exists ? 200 : 201;
    r.etag = new_etag;
    r.generation = e.gen;
    return r;
}

std::vector<server::AuditEntry> server::ReadAudit(Store& store, const std::string& path)
{
    std::vector<AuditEntry> out;
    if (!store.writable)
        return out;
    if (store.bucket)
        return bucket::ReadAudit(store, path);
    std::string log;
    {
        std::lock_guard<std::mutex> lock(store.mu);
        ReadWhole(store.state_dir + "/audit.log", &log);
    }
    std::istringstream lines(log);
    for (std::string line; std::getline(lines, line);)
    {
        AuditEntry e;
        if (ParseAuditLine(line, &e) && (path.empty() || e.path == path))
            out.push_back(e);
    }
    return out;
}

bool server::ReadHistoryVersion(const Store& store, const std::string& path, const std::string& etag,
                                std::string* bytes)
{
    // Only what EtagOf makes: 43 base64url characters, quoted or bare. Anything else ("", "%00" decoded to a NUL,
    // a folder name) names no version; the kept file must also hash to that ETag.
    std::string bare = etag;
    if (bare.size() >= 2 && bare.front() == '"' && bare.back() == '"')
        bare = bare.substr(1, bare.size() - 2);
    if (!store.writable || bare.size() != 43 ||
        bare.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") != std::string::npos)
        return false;
    if (store.bucket)
        return bucket::ReadHistoryVersion(store, path, bare, bytes);
    std::string kept;
    if (!ReadWhole(HistoryPath(store, path, bare), &kept) || EtagOf(kept) != "\"" + bare + "\"")
        return false;
    *bytes = std::move(kept);
    return true;
}

std::map<std::string, std::string> server::ReadAllDataFiles(const std::string& data_dir)
{
    std::map<std::string, std::string> out;
    for (const std::string& path : ListDataFiles(data_dir, false))
    {
        std::string bytes;
        if (ReadWhole(data_dir + "/" + path, &bytes))
            out[path] = std::move(bytes);
    }
    return out;
}

server::Listing server::CurrentFiles(Store& store)
{
    if (store.bucket)
        return bucket::CurrentFiles(store);
    if (!store.writable)
        RescanReadOnly(store);
    Listing out;
    out.epoch = store.epoch;
    std::lock_guard<std::mutex> lock(store.mu);
    out.generation = store.generation;
    out.files = store.files;
    out.version = std::to_string(store.generation);
    return out;
}

std::string server::ReadDataset(Store& store, std::map<std::string, std::string>* files)
{
    if (store.bucket)
        return bucket::ReadDataset(store, files);
    *files = ReadAllDataFiles(store.data_dir);
    return "";
}

std::string server::ReadObjectAt(const std::string& location, const StoreOptions& options, const std::string& key,
                                 std::string* bytes, bool* found)
{
    *found = false;
    if (IsBucketLocation(location))
        return bucket::ReadObjectAt(location, options, key, bytes, found);
    std::error_code ec;
    const std::string full = location + "/" + key;
    if (!fs::exists(full, ec))
        return "";
    if (!ReadWhole(full, bytes))
        return "cannot read " + full;
    *found = true;
    return "";
}

std::string server::ListSubLocations(const std::string& location, const StoreOptions& options,
                                     std::vector<std::string>* names)
{
    if (IsBucketLocation(location))
        return bucket::ListSubLocations(location, options, names);
    std::error_code ec;
    for (const fs::directory_entry& e : fs::directory_iterator(location, ec))
        if (e.is_directory(ec) && !e.is_symlink(ec) && e.path().filename() != ".thidua")
            names->push_back(e.path().filename().string());
    std::sort(names->begin(), names->end());
    return ec ? "cannot list " + location + ": " + ec.message() : "";
}

bool server::ReadWholeFile(const std::string& path, std::string* bytes)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return false;
    std::ostringstream ss;
    ss << in.rdbuf();
    *bytes = ss.str();
    return !in.bad();
}
