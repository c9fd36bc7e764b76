// HTTP routing for `thidua serve`.
//   GET  /, /<file>                 the web build (index.html for "/"); Server-Timing: thidua-snapshot
//   GET  /data/<path>               a data file; strong ETag (sha-256), If-None-Match -> 304, Cache-Control: no-cache
//   PUT  /data/<path>               If-Match: "<etag>" (replace) or If-None-Match: * (create); 428 without, 412 on
//                                   mismatch, 413 too big, 422 invalid (checker lines), 403 role/content rules;
//                                   200/201 with the new ETag; optional Thidua-Op-Ids: id,id (kept in the audit)
//   GET  /api/manifest[?since=G&epoch=E]   {epoch, generation, full, files:{path:{etag,size,gen}}}; only files
//                                   changed after G when the epoch matches; ETag "m-<epoch>-<gen>" -> 304
//   GET  /api/snapshot              the whole dataset in one answer, for a first visit (issue #13):
//                                   "thidua.snapshot.2" (core/sync/pack.h: a JSON line {epoch, generation,
//                                   files:[{path, etag}], sizes}, then each file's bytes as they are), each file's
//                                   bytes and ETag exactly as GET /data/<path> gives them to this token
//   GET  /api/whoami                {role, org, name, token_id, writable}
//   GET  /api/history?path=P        the audit entries of P (who, when, old/new ETag, op ids), oldest first
//   GET  /api/version?path=P&etag=E a kept version of P, as the role may GET it (no private contacts for some roles)
//   POST /api/restore?path=P&etag=E admin, or the secretariat for a file it may write; If-Match of the current
//                                   version: makes version E current again
//   GET  /api/audit                 admin only: every audit entry
// Bodies are sent compressed when Accept-Encoding allows (brotli, else gzip; `Vary: Accept-Encoding`): the web
// build's precompressed .br/.gz files (each representation with its own strong ETag), data files, the manifest and
// the snapshot compressed on the fly (a data file keeps the ETag of its bytes: that ETag is the version that
// If-Match names).
// With --tokens, /data and /api need "Authorization: Bearer <token>" (401 otherwise); without, the server is read-only.
//
// A deployment of several clusters (a data folder with deployment.json instead of datapackage.json, issue #14)
// serves every route above under /c/<cluster-id>/ (web shell, data and API of that cluster, each with its own
// store), and at the root:
//   GET  /                          the start page (web/start.html): the clusters this token may open
//   GET  /api/deployment            {name, role, clusters: [{id, name, kind, parent, synthetic}]} in Vietnamese
//                                   order, only the clusters the token opens (core/roles: MayOpenCluster)
//   GET  /api/ministry?year=Y       the ministry's table across clusters (core/deployment/ministry.h); for a token
//                                   that opens every cluster (ministry, or viewer/admin with --cluster '*')
//   GET  /api/whoami                {role, name, token_id, clusters}
// A token used on a cluster it does not open gets 403 naming its clusters; an unknown cluster id 404.
#include "server/server.h"

#include "core/deployment/deployment.h"
#include "core/deployment/ministry.h"
#include "core/io/dataset.h"
#include "core/io/json_read.h"
#include "core/model/model.h"
#include "core/sync/pack.h"

#include "core/text/text.h"

#include "server/encoding.h"
#include "server/location.h"
#include "server/paths.h"
#include "server/pool.h"
#include "server/rules.h"
#include "server/store.h"
#include "server/tokens.h"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <sys/socket.h>
#include <sys/stat.h>
#include <thread>

namespace fs = std::filesystem;
using nlohmann::json;

namespace
{
// The token file, re-read when its modification time changes (so a revoke takes effect at once).
struct TokenCache
{
    std::string path;
    std::mutex mu;
    std::vector<server::Token> tokens;
    struct timespec mtime = {};
    off_t size = -1;
};
} // namespace

// One cluster's data tree and what belongs to it: the store, its write lock and its snapshot cache. A one-cluster
// server has one, with id "" and no address prefix.
struct ClusterState
{
    std::string id;     // "" on a one-cluster server
    std::string prefix; // "" or "/c/<id>": where its routes start
    server::Store store;
    // One write at a time per data folder: the checker reads the whole dataset, so a second write landing between
    // its check and its commit could leave two valid writes making an invalid dataset (issue #11).
    std::mutex write_mu;
    // The last snapshot for each view (all contacts, or without the private ones), identified by every file's
    // ETag, with its compressed forms: a first visit after no change costs neither reading nor compressing.
    struct Snapshot
    {
        std::string key;
        std::shared_ptr<const std::string> body;
        std::map<std::string, std::shared_ptr<const std::string>> packed; // coding ("" = identity) -> bytes
    };
    std::mutex snapshot_mu;
    std::map<bool, Snapshot> snapshots;
};

struct server::Instance
{
    Config config;
    bool deployment = false;            // several clusters (deployment.json) rather than one data tree
    deployment::Deployment index;       // deployment mode: the clusters, as deployment.json lists them
    std::map<std::string, std::unique_ptr<ClusterState>> clusters; // by id ("" on a one-cluster server)
    bool writable = false;              // started with --tokens
    TokenCache tokens;
    std::unique_ptr<httplib::Server> http;
    // Writes per token in the current minute (a fixed window): one token cannot fill the disk or the CPU alone.
    std::mutex rate_mu;
    std::map<std::string, std::pair<int64_t, size_t>> writes; // token id -> (minute, writes in it)
    int port = 0;
    std::atomic<bool> stopping{false};
    // Strong ETags of the web build's files (each representation: x, x.br, x.gz), by file: size and mtime
    // tell when to hash again.
    struct WebTag
    {
        int64_t size = -1;
        int64_t mtime_ns = -1;
        std::string etag;
    };
    std::mutex web_mu;
    std::map<std::string, WebTag> web_tags;
};

namespace
{
using server::Instance;
using server::Principal;
using server::Role;


void SendError(httplib::Response& res, int status, const std::string& message)
{
    res.status = status;
    res.set_content(message + "\n", "text/plain; charset=utf-8");
}

void SendIssues(httplib::Response& res, int status, const std::vector<check::Issue>& issues)
{
    std::string text;
    for (const check::Issue& i : issues)
        text += check::FormatIssue(i) + "\n";
    res.status = status;
    res.set_content(text, "text/plain; charset=utf-8");
}

std::string RoleName(const Principal& p)
{
    switch (p.role)
    {
    case Role::Viewer:
        return "viewer";
    case Role::Unit:
        return "unit:" + p.org;
    case Role::Secretariat:
        return "secretariat";
    case Role::Admin:
        return "admin";
    case Role::Ministry:
        return "ministry";
    }
    return "";
}

// Fills *who from the bearer token. Returns 0, or the HTTP status to answer (401).
int Authenticate(Instance& inst, const httplib::Request& req, httplib::Response& res, Principal* who)
{
    if (inst.config.tokens_file.empty())
    {
        *who = Principal{Role::Viewer, "", "", "anonymous", {}};
        return 0;
    }
    const std::string auth = req.get_header_value("Authorization");
    const std::string prefix = "Bearer ";
    std::string secret = auth.rfind(prefix, 0) == 0 ? auth.substr(prefix.size()) : "";
    TokenCache& cache = inst.tokens;
    std::lock_guard<std::mutex> lock(cache.mu);
    // Fail closed: a deleted token file revokes every token, a broken one refuses every token until it is fixed.
    struct stat st{};
    if (stat(cache.path.c_str(), &st) != 0)
    {
        if (cache.size != -2)
            std::fprintf(stderr, "thidua serve: token file %s is gone: every token is refused until it is back\n",
                         cache.path.c_str());
        cache.tokens.clear();
        cache.size = -2; // logged once; any file that appears later is read
    }
    else if (st.st_mtim.tv_sec != cache.mtime.tv_sec || st.st_mtim.tv_nsec != cache.mtime.tv_nsec ||
             st.st_size != cache.size)
    {
        std::vector<server::Token> fresh;
        if (std::string err = server::LoadTokens(cache.path, &fresh); !err.empty())
        {
            std::fprintf(stderr, "thidua serve: %s: every token is refused until the file is fixed\n", err.c_str());
            fresh.clear();
        }
        cache.tokens = std::move(fresh);
        cache.mtime = st.st_mtim;
        cache.size = st.st_size;
    }
    const server::Token* t = server::FindToken(cache.tokens, secret);
    Principal p;
    if (!t || !server::ParseRole(t->role, &p).empty())
    {
        res.set_header("WWW-Authenticate", "Bearer");
        SendError(res, 401, secret.empty() ? "a bearer token is required" : "unknown or revoked token");
        return 401;
    }
    p.token_id = t->id;
    p.name = t->name;
    p.clusters = t->clusters;
    *who = p;
    return 0;
}

std::string Joined(const std::vector<std::string>& list)
{
    std::string out;
    for (const std::string& s : list)
        out += (out.empty() ? "" : ", ") + s;
    return out;
}

// Authenticate, then the token's clusters (core/roles: MayOpenCluster): 0, or the status answered (401, 403).
int Admit(Instance& inst, const ClusterState& cluster, const httplib::Request& req, httplib::Response& res,
          Principal* who)
{
    if (int status = Authenticate(inst, req, res, who))
        return status;
    if (inst.config.tokens_file.empty())
        return 0; // a read-only server without tokens: everyone reads every cluster
    switch (roles::MayOpenCluster(who->role, who->clusters, cluster.id, inst.deployment))
    {
    case roles::ScopeRefusal::None: return 0;
    case roles::ScopeRefusal::NoCluster:
        SendError(res, 403, "refused: this token names no cluster, and this server holds several; issue a token "
                            "with --cluster " + cluster.id);
        return 403;
    case roles::ScopeRefusal::OtherCluster:
        SendError(res, 403, "refused: this token is for cluster " + Joined(who->clusters) + ", not " + cluster.id);
        return 403;
    }
    return 403;
}

// The cluster a path under /c/<id>/ names (deployment mode), or the only one; nullptr when the path names none.
ClusterState* ClusterOfPath(Instance& inst, const std::string& path, std::string* id_out = nullptr)
{
    if (!inst.deployment)
        return inst.clusters.begin()->second.get();
    if (path.rfind("/c/", 0) != 0)
        return nullptr;
    const size_t end = path.find('/', 3);
    const std::string id = path.substr(3, end == std::string::npos ? std::string::npos : end - 3);
    if (id_out)
        *id_out = id;
    auto it = inst.clusters.find(id);
    return it == inst.clusters.end() ? nullptr : it->second.get();
}

// The cluster of a routed request, or nullptr after answering 404 (unknown id) or 400 (not an id).
ClusterState* ClusterOf(Instance& inst, const httplib::Request& req, httplib::Response& res)
{
    std::string id;
    if (ClusterState* c = ClusterOfPath(inst, req.path, &id))
        return c;
    if (!roles::ValidClusterId(id))
        SendError(res, 400, "refused: '" + id + "' is not a cluster id");
    else
        SendError(res, 404, "no cluster '" + id + "' in this deployment (GET /api/deployment lists them)");
    return nullptr;
}

// For a request that carries a body, before any of it is read: true after answering with an error when the body
// must not be read at all: chunked (no length to check; 411), declared too large (413), sent where no body is taken
// (405), or from a client that may not write (no or unknown token: 401; a read-only server: 403). The connection
// is closed after such an answer.
bool RefuseBodyEarly(Instance& inst, const httplib::Request& req, httplib::Response& res)
{
    const std::string length = req.get_header_value("Content-Length");
    const bool chunked = req.has_header("Transfer-Encoding");
    if (!chunked && (length.empty() || length == "0"))
        return false;
    res.set_header("Connection", "close");
    if (chunked)
    {
        SendError(res, 411, "a body must be sent with Content-Length (Transfer-Encoding is refused)");
        return true;
    }
    const bool digits = length.find_first_not_of("0123456789") == std::string::npos;
    if (!digits || length.size() > 15 || std::stoull(length) > inst.config.max_file_bytes)
    {
        SendError(res, 413, req.path + ": " + length + " bytes is over the limit of " +
                                std::to_string(inst.config.max_file_bytes));
        return true;
    }
    ClusterState* cluster = ClusterOfPath(inst, req.path);
    const std::string rest = cluster ? req.path.substr(cluster->prefix.size()) : "";
    const bool write_route = cluster && ((req.method == "PUT" && rest.rfind("/data/", 0) == 0) ||
                                         (req.method == "POST" && rest == "/api/restore"));
    if (!write_route)
    {
        SendError(res, 405, "method not allowed");
        return true;
    }
    if (!inst.writable)
    {
        SendError(res, 403, "the server is read-only (start it with --tokens FILE to accept writes)");
        return true;
    }
    Principal who;
    if (Admit(inst, *cluster, req, res, &who))
        return true;
    res.headers.erase("Connection"); // the body may be read: the connection stays usable
    return false;
}

// The data path of a /data/ request, or "" after answering with an error.
std::string DataPathOf(const ClusterState& cluster, const httplib::Request& req, httplib::Response& res)
{
    const std::string raw = req.target.substr(0, req.target.find('?'));
    if (raw.find('%') != std::string::npos)
    {
        SendError(res, 400, "refused: percent-encoding in a data path");
        return "";
    }
    const std::string rel = req.path.substr(cluster.prefix.size() + std::string("/data/").size());
    if (std::string why = server::CheckDataPath(rel); !why.empty())
    {
        SendError(res, rel.find("..") != std::string::npos || rel.find('\\') != std::string::npos ? 400 : 404,
                  "refused: " + rel + ": " + why);
        return "";
    }
    return rel;
}

bool IfNoneMatchHits(const httplib::Request& req, const std::string& etag)
{
    const std::string h = req.get_header_value("If-None-Match");
    if (h.empty())
        return false;
    if (h == "*")
        return true;
    size_t start = 0;
    while (start < h.size())
    {
        size_t end = h.find(',', start);
        if (end == std::string::npos)
            end = h.size();
        std::string tag = h.substr(start, end - start);
        tag.erase(0, tag.find_first_not_of(" \t"));
        tag.erase(tag.find_last_not_of(" \t") + 1);
        if (tag.rfind("W/", 0) == 0)
            tag = tag.substr(2); // weak comparison for GET
        if (tag == etag)
            return true;
        start = end + 1;
    }
    return false;
}

// Sends `body`, already in content coding `coding` ("" = identity), as it is: a body given with a length is never
// compressed again by httplib (it compresses only set_content bodies and chunked providers).
void SendBody(httplib::Response& res, std::string body, const std::string& type, const std::string& coding)
{
    if (!coding.empty())
        res.set_header("Content-Encoding", coding);
    if (body.empty())
    {
        res.set_header("Content-Type", type);
        return;
    }
    auto shared = std::make_shared<std::string>(std::move(body));
    res.set_content_provider(shared->size(), type, [shared](size_t offset, size_t length, httplib::DataSink& sink) {
        if (offset < shared->size())
            sink.write(shared->data() + offset, std::min(length, shared->size() - offset));
        return true;
    });
}

// Sends a body made by the server (a data file, the manifest, an API answer) compressed when the request allows
// it, at a quick level (httplib itself would use brotli's slowest, quality 11: a quarter of a second for the 87 KB
// results.json on this machine, which is what made the per-file first visit of issue #13 wait seconds for them).
void SendCompressed(const httplib::Request& req, httplib::Response& res, std::string body, const std::string& type)
{
    const std::string coding =
        body.size() >= 256 ? server::PickEncoding(req.get_header_value("Accept-Encoding"), {"br", "gzip"}) : "";
    std::string packed;
    if (!coding.empty() && server::Compress(coding, body, &packed))
        return SendBody(res, std::move(packed), type, coding);
    SendBody(res, std::move(body), type, "");
}

int64_t MtimeNs(const struct stat& st)
{
    return static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
}

// The web build: index.html for "/", each file as the best representation Accept-Encoding allows among the
// file and its precompressed x.br / x.gz (made by the build; used only when not older than the file).
void ServeWeb(Instance& inst, const httplib::Request& req, httplib::Response& res, std::string rel)
{
    if (rel.empty() || rel.back() == '/')
        rel += "index.html";
    if (req.target.find("%2e") != std::string::npos || req.target.find("%2E") != std::string::npos)
        return SendError(res, 400, "refused: encoded '.' in path");
    if (std::string why = server::CheckWebPath(rel); !why.empty())
        return SendError(res, 400, "refused: " + why);
    std::string full;
    if (std::string why = server::ResolveUnder(inst.config.web_dir, rel, &full); !why.empty())
        return SendError(res, 404, "not found: " + rel);
    struct stat st{};
    if (::stat(full.c_str(), &st) != 0 || !S_ISREG(st.st_mode))
        return SendError(res, 404, "not found: " + rel);
    const std::string type = server::MimeType(rel);
    std::vector<std::string> offered;
    std::map<std::string, std::string> file_of = {{"", full}};
    if (server::Compressible(type))
        for (const auto& [coding, ext] : {std::pair<const char*, const char*>{"br", ".br"}, {"gzip", ".gz"}})
        {
            struct stat cst{};
            // Whole seconds: a tool may copy its input's time to the copy at that precision (brotli does).
            if (::stat((full + ext).c_str(), &cst) == 0 && S_ISREG(cst.st_mode) && cst.st_mtime >= st.st_mtime)
            {
                offered.push_back(coding);
                file_of[coding] = full + ext;
            }
        }
    const std::string coding = server::PickEncoding(req.get_header_value("Accept-Encoding"), offered);
    const std::string& file = file_of[coding];
    std::string bytes;
    struct stat fst{};
    if (::stat(file.c_str(), &fst) != 0 || !server::ReadWholeFile(file, &bytes))
        return SendError(res, 404, "not found: " + rel);
    std::string etag;
    {
        std::lock_guard<std::mutex> lock(inst.web_mu);
        Instance::WebTag& tag = inst.web_tags[file];
        if (tag.size != static_cast<int64_t>(bytes.size()) || tag.mtime_ns != MtimeNs(fst) || tag.etag.empty())
            tag = {static_cast<int64_t>(bytes.size()), MtimeNs(fst), server::EtagOf(bytes)};
        etag = tag.etag;
    }
    res.set_header("Cache-Control", "no-cache");
    if (server::Compressible(type))
        res.set_header("Vary", "Accept-Encoding");
    res.set_header("ETag", etag);
    // Tells the page that this server answers api/snapshot, in the one header a page can read about its own
    // response (performance.getEntriesByType('navigation')[0].serverTiming): it asks for one only then, at once
    // (Apache or a static host would answer 404, and the app fetches file by file there anyway).
    res.set_header("Server-Timing", "thidua-snapshot");
    if (IfNoneMatchHits(req, etag))
    {
        res.status = 304;
        return;
    }
    SendBody(res, std::move(bytes), type, coding);
}

void GetData(Instance& inst, ClusterState& cl, const httplib::Request& req, httplib::Response& res)
{
    Principal who;
    if (Admit(inst, cl, req, res, &who))
        return;
    const std::string rel = DataPathOf(cl, req, res);
    if (rel.empty())
        return;
    std::string bytes, error;
    if (!server::ReadDataFile(cl.store, rel, &bytes, &error))
        return error.empty() ? SendError(res, 404, "not found: " + rel)
                             : SendError(res, 503, "the data store cannot be read: " + error);
    bytes = server::ForRole(who, rel, std::move(bytes));
    const std::string etag = server::EtagOf(bytes);
    res.set_header("ETag", etag);
    res.set_header("Vary", "Authorization, Accept-Encoding"); // private contacts are left out for some roles
    res.set_header("Cache-Control", "no-cache");
    if (IfNoneMatchHits(req, etag))
    {
        res.status = 304;
        return;
    }
    SendCompressed(req, res, std::move(bytes), "application/json");
}

std::vector<std::string> OpIds(const httplib::Request& req)
{
    std::vector<std::string> ids;
    const std::string h = req.get_header_value("Thidua-Op-Ids");
    std::string cur;
    for (char c : h + ",")
    {
        if (c == ',')
        {
            if (!cur.empty() && ids.size() < 500)
                ids.push_back(cur);
            cur.clear();
        }
        else if (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.' || c == ':')
        {
            if (cur.size() < 80)
                cur += c;
        }
    }
    return ids;
}

void SendWriteResult(httplib::Response& res, const server::WriteResult& w)
{
    if (!w.etag.empty())
        res.set_header("ETag", w.etag);
    if (w.status == 200 || w.status == 201)
    {
        res.status = w.status;
        res.set_content(json{{"etag", w.etag}, {"generation", w.generation}}.dump() + "\n", "application/json");
        return;
    }
    SendError(res, w.status, w.message);
}

// True after answering 429 when `who` has used up its writes for this minute.
bool OverRate(Instance& inst, const Principal& who, httplib::Response& res)
{
    const int64_t minute = std::chrono::duration_cast<std::chrono::minutes>(
                               std::chrono::steady_clock::now().time_since_epoch())
                               .count();
    std::lock_guard<std::mutex> lock(inst.rate_mu);
    auto& [window, count] = inst.writes[who.token_id];
    if (window != minute)
        window = minute, count = 0;
    if (++count <= inst.config.writes_per_minute)
        return false;
    res.set_header("Retry-After", "60");
    SendError(res, 429, "refused: more than " + std::to_string(inst.config.writes_per_minute) +
                            " writes in a minute from this token; try again in a minute");
    return true;
}

// Everything a write must pass, cheapest first: the token's rate, the precondition (one read and hash of the
// current file, so a stale If-Match costs no dataset check), then under the data folder's write lock the role
// rules, strict JSON (depth, duplicate keys, BOM, schema_version), a unit's own records, the shared checker, and
// the compare-and-swap write.
void CommitWrite(Instance& inst, ClusterState& cl, const Principal& who, server::WriteRequest w,
                 httplib::Response& res)
{
    if (OverRate(inst, who, res))
        return;
    if (w.pre.has_if_match && w.pre.if_match.find('*') != std::string::npos)
        return SendError(res, 428, "refused: If-Match: * would overwrite " + w.path +
                                       " blindly; send the ETag of the version you changed");
    if (server::WriteResult early = server::CheckPrecondition(cl.store, w.path, w.pre); early.status != 0)
        return SendWriteResult(res, early);
    std::lock_guard<std::mutex> one_writer(cl.write_mu); // role rules, checker and commit see one dataset
    std::map<std::string, std::string> dataset;
    if (std::string err = server::ReadDataset(cl.store, &dataset); !err.empty())
        return SendError(res, 503, "the data store cannot be read (" + err + "); nothing was changed; try again later");
    if (std::string why = server::WriteRefusal(who, w.path, dataset); !why.empty())
        return SendError(res, 403, "refused: " + why);
    json doc;
    if (auto issues = server::ParseStrict(w.path, w.bytes, &doc, inst.config.max_json_depth); !issues.empty())
        return SendIssues(res, 422, issues);
    // A newer schema_version is something this server cannot check; the app keeps such files read-only.
    if (const json* v = io::Child(doc, "schema_version");
        v && v->is_number() && (!v->is_number_integer() || v->get<int64_t>() > model::kSchemaVersion))
        return SendIssues(res, 422, {{w.path, "/schema_version",
                                      v->dump() + " is not a schema_version this server knows (at most " +
                                          std::to_string(model::kSchemaVersion) + "); update the server first",
                                      check::Severity::Error}});
    if (who.role == Role::Unit)
        if (auto issues = server::CheckUnitContent(w.path, who.org, doc); !issues.empty())
            return SendIssues(res, 403, issues);
    if (inst.config.check)
    {
        std::vector<check::Issue> issues = inst.config.check(dataset, w.path, w.bytes);
        std::vector<check::Issue> errors;
        for (const check::Issue& i : issues)
            if (i.severity == check::Severity::Error)
                errors.push_back(i);
        if (!errors.empty())
            return SendIssues(res, 422, errors);
    }
    w.who = who.token_id + (who.name.empty() ? "" : " " + who.name);
    w.role = RoleName(who);
    SendWriteResult(res, server::WriteDataFile(cl.store, w));
}

void PutData(Instance& inst, ClusterState& cl, const httplib::Request& req, httplib::Response& res)
{
    Principal who;
    if (Admit(inst, cl, req, res, &who))
        return;
    const std::string rel = DataPathOf(cl, req, res);
    if (rel.empty())
        return;
    if (!inst.writable)
        return SendError(res, 403, "the server is read-only (start it with --tokens FILE to accept writes)");
    if (who.role == Role::Viewer)
        return SendError(res, 403, "refused: the viewer role is read-only");
    if (who.role == Role::Ministry)
        return SendError(res, 403, "refused: the ministry role reads every cluster and writes none");
    if (req.body.size() > inst.config.max_file_bytes)
        return SendError(res, 413, rel + ": " + std::to_string(req.body.size()) + " bytes is over the limit of " +
                                       std::to_string(inst.config.max_file_bytes));
    server::WriteRequest w;
    w.path = rel;
    w.bytes = req.body;
    w.pre.has_if_match = req.has_header("If-Match");
    w.pre.if_match = req.get_header_value("If-Match");
    w.pre.if_none_match_star = req.get_header_value("If-None-Match") == "*";
    if (!w.pre.has_if_match && !w.pre.if_none_match_star)
        return SendError(res, 428, "a write needs If-Match: \"<etag>\" (or If-None-Match: * to create " + rel + ")");
    w.op_ids = OpIds(req);
    CommitWrite(inst, cl, who, std::move(w), res);
}

void GetManifest(Instance& inst, ClusterState& cl, const httplib::Request& req, httplib::Response& res)
{
    Principal who;
    if (Admit(inst, cl, req, res, &who))
        return;
    server::Store& store = cl.store;
    const server::Listing now = server::CurrentFiles(store);
    if (!now.error.empty())
        return SendError(res, 503, "the data store cannot be read: " + now.error);
    const bool delta = req.has_param("since") && req.get_param_value("epoch") == now.epoch && store.writable;
    int64_t since = 0;
    if (delta)
        since = std::atoll(req.get_param_value("since").c_str());
    json files = json::object();
    for (const auto& [path, e] : now.files)
        if (!delta || e.gen > since)
            files[path] = {{"etag", e.etag}, {"size", e.size}, {"gen", e.gen}};
    // A role that receives registry files without private contacts sees those files' own ETags.
    if (!roles::MaySeePrivate({who.role, who.org}))
        for (auto& [path, entry] : files.items())
        {
            std::string bytes;
            if (path.rfind("registry/", 0) == 0 && server::ReadDataFile(store, path, &bytes))
            {
                bytes = server::ForRole(who, path, std::move(bytes));
                entry["etag"] = server::EtagOf(bytes);
                entry["size"] = bytes.size();
            }
        }
    const std::string body =
        json{{"epoch", now.epoch}, {"generation", now.generation}, {"full", !delta}, {"files", files}}.dump();
    const std::string etag = store.writable ? "\"m-" + now.epoch + "-" + now.version +
                                                  (roles::MaySeePrivate({who.role, who.org}) ? "" : "-p") + "\""
                                            : server::EtagOf(body);
    res.set_header("Vary", "Authorization, Accept-Encoding"); // the registry's ETags depend on the role
    res.set_header("ETag", etag);
    res.set_header("Cache-Control", "no-cache");
    if (IfNoneMatchHits(req, etag))
    {
        res.status = 304;
        return;
    }
    SendCompressed(req, res, body, "application/json");
}

// The whole dataset in one answer for a first visit: every data file with the bytes and ETag GET /data/<path>
// gives this token (ForRole), so the client stores it exactly as if it had fetched each file. A file that is not
// valid UTF-8 cannot travel in a JSON string: it is left out, and the client fetches it by itself.
constexpr const char* kSnapshotType = "application/vnd.thidua.snapshot"; // not JSON: see core/sync/pack.h

void GetSnapshot(Instance& inst, ClusterState& cl, const httplib::Request& req, httplib::Response& res)
{
    Principal who;
    if (Admit(inst, cl, req, res, &who))
        return;
    server::Store& store = cl.store;
    const server::Listing now = server::CurrentFiles(store);
    if (!now.error.empty())
        return SendError(res, 503, "the data store cannot be read: " + now.error);
    // What the answer depends on: the role's view (private contacts or not) and every file's ETag. An unchanged
    // dataset is answered from the cache, compressed once per coding.
    const bool full_view = roles::MaySeePrivate({who.role, who.org});
    std::vector<std::string> paths;
    const int64_t generation = now.generation;
    std::string key = now.epoch + (full_view ? "+" : "-");
    for (const auto& [path, e] : now.files)
    {
        paths.push_back(path);
        key += path + "=" + e.etag + ";";
    }
    res.set_header("Vary", "Authorization, Accept-Encoding");
    res.set_header("Cache-Control", "no-store");
    const std::string coding = server::PickEncoding(req.get_header_value("Accept-Encoding"), {"br", "gzip"});
    std::shared_ptr<const std::string> body;
    {
        std::lock_guard<std::mutex> lock(cl.snapshot_mu);
        ClusterState::Snapshot& cached = cl.snapshots[full_view];
        if (cached.key == key)
        {
            if (auto it = cached.packed.find(coding); it != cached.packed.end())
                return SendBody(res, *it->second, kSnapshotType, coding);
            body = cached.body;
        }
    }
    if (!body)
    {
        datasync::Snapshot snapshot;
        snapshot.epoch = now.epoch;
        snapshot.generation = generation;
        for (const std::string& path : paths)
        {
            std::string bytes;
            if (!server::ReadDataFile(store, path, &bytes))
                continue;
            bytes = server::ForRole(who, path, std::move(bytes));
            if (text::FindInvalidUtf8(bytes) >= 0)
                continue;
            const std::string etag = server::EtagOf(bytes);
            snapshot.files[path] = {etag, std::move(bytes)};
        }
        body = std::make_shared<const std::string>(datasync::WriteSnapshot(snapshot));
    }
    std::shared_ptr<const std::string> packed = body;
    if (!coding.empty())
    {
        auto made = std::make_shared<std::string>();
        if (server::Compress(coding, *body, made.get()))
            packed = made;
    }
    {
        std::lock_guard<std::mutex> lock(cl.snapshot_mu);
        ClusterState::Snapshot& cached = cl.snapshots[full_view];
        if (cached.key != key)
            cached = ClusterState::Snapshot{key, body, {}};
        if (packed != body || coding.empty())
            cached.packed[coding] = packed;
    }
    SendBody(res, *packed, kSnapshotType, packed == body ? "" : coding);
}

json AuditJson(const server::AuditEntry& e)
{
    return {{"time", e.time},         {"who", e.who},           {"role", e.role},
            {"path", e.path},         {"action", e.action},     {"old_etag", e.old_etag},
            {"new_etag", e.new_etag}, {"gen", e.gen},           {"op_ids", e.op_ids}};
}

// The `path` query parameter, checked against the allow-list; "" after answering with an error.
std::string PathParam(const httplib::Request& req, httplib::Response& res)
{
    const std::string p = req.get_param_value("path");
    if (std::string why = server::CheckDataPath(p); !why.empty())
    {
        SendError(res, 400, "refused: path '" + p + "': " + why);
        return "";
    }
    return p;
}

void GetHistory(Instance& inst, ClusterState& cl, const httplib::Request& req, httplib::Response& res)
{
    Principal who;
    if (Admit(inst, cl, req, res, &who))
        return;
    const std::string path = PathParam(req, res);
    if (path.empty())
        return;
    json out = json::array();
    for (const server::AuditEntry& e : server::ReadAudit(cl.store, path))
        out.push_back(AuditJson(e));
    res.set_header("Cache-Control", "no-cache");
    SendCompressed(req, res, json{{"path", path}, {"versions", out}}.dump(1) + "\n", "application/json");
}

void GetVersion(Instance& inst, ClusterState& cl, const httplib::Request& req, httplib::Response& res)
{
    Principal who;
    if (Admit(inst, cl, req, res, &who))
        return;
    const std::string path = PathParam(req, res);
    if (path.empty())
        return;
    std::string bytes;
    const std::string etag = req.get_param_value("etag");
    if (!server::ReadHistoryVersion(cl.store, path, etag, &bytes))
        return SendError(res, 404, "no version " + etag + " of " + path + " in history");
    // The same bytes GET /data would send this role for that version: no private contacts where it may not see them.
    bytes = server::ForRole(who, path, std::move(bytes));
    res.set_header("ETag", server::EtagOf(bytes));
    res.set_header("Vary", "Authorization, Accept-Encoding");
    SendCompressed(req, res, std::move(bytes), "application/json");
}

void PostRestore(Instance& inst, ClusterState& cl, const httplib::Request& req, httplib::Response& res)
{
    Principal who;
    if (Admit(inst, cl, req, res, &who))
        return;
    // The secretariat restores the files it may write (CommitWrite applies the same role rules as a PUT); a unit and
    // the viewer never restore.
    if (who.role != Role::Admin && who.role != Role::Secretariat)
        return SendError(res, 403, "refused: only the secretariat or an admin may restore a version");
    const std::string path = PathParam(req, res);
    if (path.empty())
        return;
    std::string bytes;
    const std::string etag = req.get_param_value("etag");
    if (!server::ReadHistoryVersion(cl.store, path, etag, &bytes))
        return SendError(res, 404, "no version " + etag + " of " + path + " in history");
    server::WriteRequest w;
    w.path = path;
    w.bytes = bytes;
    w.pre.has_if_match = req.has_header("If-Match");
    w.pre.if_match = req.get_header_value("If-Match");
    w.pre.if_none_match_star = req.get_header_value("If-None-Match") == "*";
    w.action = "restore";
    CommitWrite(inst, cl, who, std::move(w), res);
}

// ---- the deployment's own routes (several clusters) ----

// Does this token open cluster `id`? (Everyone does on a server without tokens: it is read-only.)
bool Opens(const Instance& inst, const Principal& who, const std::string& id)
{
    return inst.config.tokens_file.empty() ||
           roles::MayOpenCluster(who.role, who.clusters, id, inst.deployment) == roles::ScopeRefusal::None;
}

void GetDeployment(Instance& inst, const httplib::Request& req, httplib::Response& res)
{
    Principal who;
    if (Authenticate(inst, req, res, &who))
        return;
    json list = json::array();
    for (const deployment::ClusterEntry& c : deployment::SortedForDisplay(inst.index.clusters))
        if (Opens(inst, who, c.id))
            list.push_back({{"id", c.id}, {"name", c.name}, {"kind", c.kind}, {"parent", c.parent},
                            {"synthetic", c.synthetic}});
    bool all = true;
    for (const deployment::ClusterEntry& c : inst.index.clusters)
        all = all && Opens(inst, who, c.id);
    res.set_header("Cache-Control", "no-cache");
    res.set_header("Vary", "Authorization, Accept-Encoding");
    SendCompressed(req, res,
                   json{{"format", "thidua.deployment_view"}, {"name", inst.index.name}, {"role", RoleName(who)},
                        {"name_of_token", who.name}, {"ministry_table", all}, {"clusters", list}}
                       .dump(),
                   "application/json");
}

// The ministry's table for ?year=Y (default: the latest year any cluster holds), computed with the engine on every
// cluster's dataset as it stands. Only for a token that opens every cluster.
void GetMinistry(Instance& inst, const httplib::Request& req, httplib::Response& res)
{
    Principal who;
    if (Authenticate(inst, req, res, &who))
        return;
    for (const deployment::ClusterEntry& c : inst.index.clusters)
        if (!Opens(inst, who, c.id) || who.role == Role::Unit || who.role == Role::Secretariat)
            return SendError(res, 403, "refused: the table across clusters is for the ministry (or a viewer or "
                                       "admin of every cluster); this token opens " +
                                           (who.clusters.empty() ? std::string("no cluster") : Joined(who.clusters)));
    int32_t year = 0;
    if (req.has_param("year"))
    {
        const std::string y = req.get_param_value("year");
        if (y.size() != 4 || y.find_first_not_of("0123456789") != std::string::npos)
            return SendError(res, 400, "refused: year '" + y + "' is not a year (four digits)");
        year = std::atoi(y.c_str());
    }
    std::vector<model::Dataset> datasets;
    datasets.reserve(inst.index.clusters.size());
    std::vector<deployment::ClusterData> input;
    for (const deployment::ClusterEntry& c : inst.index.clusters)
    {
        std::map<std::string, std::string> files;
        if (std::string err = server::ReadDataset(inst.clusters.at(c.id)->store, &files); !err.empty())
            return SendError(res, 503, "the data store cannot be read: " + err);
        datasets.push_back(io::LoadDataset(std::move(files)).dataset);
    }
    for (size_t i = 0; i < inst.index.clusters.size(); ++i)
        input.push_back({inst.index.clusters[i], &datasets[i]});
    if (year == 0)
        for (const model::Dataset& d : datasets)
            for (const model::YearFile& y : d.years)
                year = std::max(year, y.year.year);
    const deployment::MinistryTable table = deployment::BuildMinistryTable(input, year);
    res.set_header("Cache-Control", "no-cache");
    res.set_header("Vary", "Authorization, Accept-Encoding");
    SendCompressed(req, res, deployment::ToJson(table).dump(), "application/json");
}
} // namespace

namespace
{
// cpp-httplib 0.11.4 listens with a backlog of 5: under a burst of connections the kernel then drops SYNs, and a
// client waits a second for its retry. A listening socket takes a new backlog from a second listen() call; the
// socket is a protected member, reached through a pointer to member of a derived class.
struct ListenSocket : httplib::Server
{
    static int Of(httplib::Server& http) { return http.*(&ListenSocket::svr_sock_); }
};
} // namespace

server::InstancePtr server::Start(const Config& config, std::string* error)
{
    auto deleter = [](Instance* p) { delete p; };
    InstancePtr inst(new Instance, deleter);
    inst->config = config;
    inst->tokens.path = config.tokens_file;
    if (!config.tokens_file.empty())
    {
        if (std::string err = LoadTokens(config.tokens_file, &inst->tokens.tokens); !err.empty())
        {
            *error = err;
            return InstancePtr(nullptr, deleter);
        }
    }
    inst->writable = !config.tokens_file.empty();
    // A location (folder or bucket) with datapackage.json is one cluster (as before deployments); one with
    // deployment.json instead holds several, each in <root>/<id>/.
    std::string index_bytes, ignored;
    bool single = false, indexed = false;
    if (std::string err = ReadObjectAt(config.data_dir, config.store, "datapackage.json", &ignored, &single);
        err.empty() && !single)
        err = ReadObjectAt(config.data_dir, config.store, "deployment.json", &index_bytes, &indexed);
    if (!single && indexed)
    {
        inst->deployment = true;
        std::vector<check::Issue> issues = deployment::ParseDeployment(index_bytes, &inst->index);
        if (!issues.empty())
        {
            *error = config.data_dir + "/" + check::FormatIssue(issues.front());
            return InstancePtr(nullptr, deleter);
        }
        for (const deployment::ClusterEntry& c : inst->index.clusters)
        {
            auto cl = std::make_unique<ClusterState>();
            cl->id = c.id;
            cl->prefix = "/c/" + c.id;
            const std::string dir = config.data_dir + "/" + c.id;
            bool found = false;
            if (ReadObjectAt(dir, config.store, "datapackage.json", &ignored, &found); !found)
            {
                *error = "deployment.json lists cluster '" + c.id + "', but " + dir + "/datapackage.json is missing";
                return InstancePtr(nullptr, deleter);
            }
            inst->clusters[c.id] = std::move(cl);
        }
    }
    else
        inst->clusters[""] = std::make_unique<ClusterState>();
    for (auto& [id, cl] : inst->clusters)
    {
        const std::string dir = id.empty() ? config.data_dir : config.data_dir + "/" + id;
        if (std::string err = OpenStore(dir, inst->writable, &cl->store, config.store); !err.empty())
        {
            *error = err;
            return InstancePtr(nullptr, deleter);
        }
        cl->store.history_keep = config.history_keep;
    }
    if (!config.cert_file.empty() || !config.key_file.empty())
    {
        auto tls = std::make_unique<httplib::SSLServer>(config.cert_file.c_str(), config.key_file.c_str());
        if (!tls->is_valid())
        {
            *error = "cannot use TLS certificate " + config.cert_file + " / key " + config.key_file;
            return InstancePtr(nullptr, deleter);
        }
        inst->http = std::move(tls);
    }
    else
        inst->http = std::make_unique<httplib::Server>();

    httplib::Server& http = *inst->http;
    Instance& I = *inst;
    http.set_payload_max_length(config.max_file_bytes + 1);
    http.set_read_timeout(config.read_timeout_s, 0);
    http.set_write_timeout(config.write_timeout_s, 0);
    http.set_keep_alive_timeout(config.keep_alive_timeout_s);
    http.set_keep_alive_max_count(config.keep_alive_max);
    http.new_task_queue = [max = config.max_connections] { return new ConnectionPool(max); };
    http.set_tcp_nodelay(true); // a response is headers + body in two writes: no Nagle wait between them
    // A body is read only for a client that may send one: refused here, before httplib reads any of it.
    http.set_expect_100_continue_handler([&I](const httplib::Request& q, httplib::Response& r) {
        return RefuseBodyEarly(I, q, r) ? r.status : 100;
    });
    http.set_pre_routing_handler([&I](const httplib::Request& q, httplib::Response& r) {
        return RefuseBodyEarly(I, q, r) ? httplib::Server::HandlerResponse::Handled
                                        : httplib::Server::HandlerResponse::Unhandled;
    });
    // An exception in a handler is our bug: log it, and tell the client no more than that (httplib's default puts
    // the exception text in an EXCEPTION_WHAT header).
    http.set_exception_handler([](const httplib::Request& q, httplib::Response& r, std::exception_ptr ep) {
        std::string what = "unknown exception";
        try
        {
            std::rethrow_exception(ep);
        }
        catch (const std::exception& e)
        {
            what = e.what();
        }
        catch (...)
        {
        }
        std::fprintf(stderr, "thidua serve: %s %s: internal error: %s\n", q.method.c_str(), q.path.c_str(), what.c_str());
        SendError(r, 500, "internal error (logged by the server)");
    });
    // Every cluster route resolves its cluster first (the only one, or /c/<id>/ in a deployment).
    using Handler = void (*)(Instance&, ClusterState&, const httplib::Request&, httplib::Response&);
    auto in_cluster = [&I](Handler handler) {
        return [&I, handler](const httplib::Request& q, httplib::Response& r) {
            if (ClusterState* cl = ClusterOf(I, q, r))
                handler(I, *cl, q, r);
        };
    };
    const std::string P = I.deployment ? "/c/[^/]*" : "";
    http.Get(P + "/api/manifest", in_cluster(GetManifest));
    http.Get(P + "/api/snapshot", in_cluster(GetSnapshot));
    http.Get(P + "/api/history", in_cluster(GetHistory));
    http.Get(P + "/api/version", in_cluster(GetVersion));
    http.Post(P + "/api/restore", in_cluster(PostRestore));
    http.Get(P + "/api/whoami", in_cluster([](Instance& I, ClusterState& cl, const httplib::Request& q,
                                               httplib::Response& r) {
        Principal who;
        if (Admit(I, cl, q, r, &who))
            return;
        SendCompressed(q, r, json{{"role", RoleName(who)}, {"org", who.org}, {"name", who.name},
                           {"token_id", who.token_id}, {"writable", I.writable}, {"cluster", cl.id}}
                          .dump(),
                      "application/json");
    }));
    http.Get(P + "/api/audit", in_cluster([](Instance& I, ClusterState& cl, const httplib::Request& q,
                                              httplib::Response& r) {
        Principal who;
        if (Admit(I, cl, q, r, &who))
            return;
        if (who.role != Role::Admin)
            return SendError(r, 403, "refused: only an admin may read the whole audit log");
        json out = json::array();
        for (const AuditEntry& e : ReadAudit(cl.store, ""))
            out.push_back(AuditJson(e));
        SendCompressed(q, r, out.dump(1) + "\n", "application/json");
    }));
    http.Get(P + "/api/.*", [](const httplib::Request&, httplib::Response& r) { SendError(r, 404, "no such API"); });
    http.Get(P + "/data/.*", in_cluster(GetData));
    http.Put(P + "/data/.*", in_cluster(PutData));
    if (I.deployment)
    {
        http.Get("/api/deployment", [&I](const httplib::Request& q, httplib::Response& r) { GetDeployment(I, q, r); });
        http.Get("/api/ministry", [&I](const httplib::Request& q, httplib::Response& r) { GetMinistry(I, q, r); });
        http.Get("/api/whoami", [&I](const httplib::Request& q, httplib::Response& r) {
            Principal who;
            if (Authenticate(I, q, r, &who))
                return;
            SendCompressed(q, r, json{{"role", RoleName(who)}, {"name", who.name}, {"token_id", who.token_id},
                               {"clusters", who.clusters}, {"writable", I.writable}}
                              .dump(),
                          "application/json");
        });
        auto elsewhere = [](const httplib::Request& q, httplib::Response& r) {
            SendError(r, 404, "this server holds several clusters: " + q.path +
                                  " is under /c/<cluster-id>/ (GET /api/deployment lists them)");
        };
        http.Get("/api/.*", elsewhere);
        http.Get("/data/.*", elsewhere);
        // The web shell of a cluster: /c/<id>/ and the files next to it; "/c/<id>" goes to "/c/<id>/" (the app's
        // addresses are relative to it).
        http.Get("/c/.*", [&I](const httplib::Request& q, httplib::Response& r) {
            ClusterState* cl = ClusterOf(I, q, r);
            if (!cl)
                return;
            if (q.path == cl->prefix)
                return r.set_redirect(cl->prefix + "/");
            ServeWeb(I, q, r, q.path.substr(cl->prefix.size() + 1));
        });
    }
    for (const char* pattern : {"/data/.*", "/api/.*", "/.*"})
    {
        auto refuse = [](const httplib::Request&, httplib::Response& r) { SendError(r, 405, "method not allowed"); };
        http.Delete(pattern, refuse);
        http.Patch(pattern, refuse);
    }
    http.Post("/.*", [](const httplib::Request&, httplib::Response& r) { SendError(r, 405, "method not allowed"); });
    http.Put("/.*", [](const httplib::Request&, httplib::Response& r) { SendError(r, 405, "method not allowed"); });
    http.Get("/.*", [&I](const httplib::Request& q, httplib::Response& r) {
        // The deployment's start page at "/"; a one-cluster server's app.
        std::string rel = q.path.size() > 1 ? q.path.substr(1) : "";
        if (I.deployment && rel.empty())
            rel = "start.html";
        ServeWeb(I, q, r, rel);
    });

    if (config.port == 0)
        inst->port = http.bind_to_any_port(config.host);
    else
        inst->port = http.bind_to_port(config.host, config.port) ? config.port : -1;
    if (inst->port <= 0)
    {
        *error = "cannot listen on " + config.host + ":" + std::to_string(config.port);
        return InstancePtr(nullptr, deleter);
    }
    ::listen(ListenSocket::Of(http), static_cast<int>(std::min<size_t>(config.max_connections, 4096)));
    return inst;
}

int server::BoundPort(const Instance& instance)
{
    return instance.port;
}

bool server::IsWritable(const Instance& instance)
{
    return instance.writable;
}

bool server::Run(Instance& instance)
{
    if (instance.stopping)
        return true;
    return instance.http->listen_after_bind();
}

void server::Stop(Instance& instance)
{
    instance.stopping = true;
    // Stop() may come before Run() has started listening; httplib's stop() is a no-op then, so wait briefly.
    for (int i = 0; i < 200 && !instance.http->is_running(); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    instance.http->stop();
}

std::string server::InitDataFolder(const std::string& to, const std::string& from, int* copied)
{
    *copied = 0;
    std::error_code ec;
    if (fs::exists(to, ec) && !fs::is_empty(to, ec))
        return "";
    const fs::path src = fs::canonical(from, ec);
    if (ec)
        return "sample folder not found: " + from;
    fs::create_directories(to, ec);
    if (ec)
        return "cannot create " + to + ": " + ec.message();
    const bool deployment_root =
        !fs::exists(src / "datapackage.json", ec) && fs::exists(src / "deployment.json", ec);
    for (auto it = fs::recursive_directory_iterator(src, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec))
    {
        if (!it->is_regular_file() || it->is_symlink())
            continue;
        const std::string rel = fs::relative(it->path(), src).generic_string();
        // A deployment copies its index and each cluster's data files (<id>/<data path>).
        const size_t slash = rel.find('/');
        const bool in_cluster = deployment_root && slash != std::string::npos &&
                                roles::ValidClusterId(rel.substr(0, slash)) &&
                                CheckDataPath(rel.substr(slash + 1)).empty();
        if (!(deployment_root ? rel == "deployment.json" || in_cluster : CheckDataPath(rel).empty()))
            continue;
        fs::create_directories((fs::path(to) / rel).parent_path(), ec);
        fs::copy_file(it->path(), fs::path(to) / rel, ec);
        if (ec)
            return "cannot copy " + rel + ": " + ec.message();
        ++*copied;
    }
    return "";
}
