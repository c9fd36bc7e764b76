// HTTP routing for `thidua serve`.
//   GET  /, /<file>                 the web build (index.html for "/")
//   GET  /data/<path>               a data file; strong ETag (sha-256), If-None-Match -> 304, Cache-Control: no-cache
//   PUT  /data/<path>               If-Match: "<etag>" (replace) or If-None-Match: * (create); 428 without, 412 on
//                                   mismatch, 413 too big, 422 invalid (checker lines), 403 role/content rules;
//                                   200/201 with the new ETag; optional Thidua-Op-Ids: id,id (kept in the audit)
//   GET  /api/manifest[?since=G&epoch=E]   {epoch, generation, full, files:{path:{etag,size,gen}}}; only files
//                                   changed after G when the epoch matches; ETag "m-<epoch>-<gen>" -> 304
//   GET  /api/whoami                {role, org, name, token_id, writable}
//   GET  /api/history?path=P        the audit entries of P (who, when, old/new ETag, op ids), oldest first
//   GET  /api/version?path=P&etag=E a kept version of P
//   POST /api/restore?path=P&etag=E admin only, If-Match of the current version: makes version E current again
//   GET  /api/audit                 admin only: every audit entry
// With --tokens, /data and /api need "Authorization: Bearer <token>" (401 otherwise); without, the server is read-only.
#include "server/server.h"

#include "server/paths.h"
#include "server/rules.h"
#include "server/store.h"
#include "server/tokens.h"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
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

struct server::Instance
{
    Config config;
    Store store;
    TokenCache tokens;
    std::unique_ptr<httplib::Server> http;
    int port = 0;
    std::atomic<bool> stopping{false};
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
    }
    return "";
}

// Fills *who from the bearer token. Returns 0, or the HTTP status to answer (401).
int Authenticate(Instance& inst, const httplib::Request& req, httplib::Response& res, Principal* who)
{
    if (inst.config.tokens_file.empty())
    {
        *who = Principal{Role::Viewer, "", "", "anonymous"};
        return 0;
    }
    const std::string auth = req.get_header_value("Authorization");
    const std::string prefix = "Bearer ";
    std::string secret = auth.rfind(prefix, 0) == 0 ? auth.substr(prefix.size()) : "";
    TokenCache& cache = inst.tokens;
    std::lock_guard<std::mutex> lock(cache.mu);
    struct stat st{};
    if (stat(cache.path.c_str(), &st) == 0 &&
        (st.st_mtim.tv_sec != cache.mtime.tv_sec || st.st_mtim.tv_nsec != cache.mtime.tv_nsec || st.st_size != cache.size))
    {
        std::vector<server::Token> fresh;
        if (server::LoadTokens(cache.path, &fresh).empty())
        {
            cache.tokens = std::move(fresh);
            cache.mtime = st.st_mtim;
            cache.size = st.st_size;
        }
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
    *who = p;
    return 0;
}

// The data path of a /data/ request, or "" after answering with an error.
std::string DataPathOf(const httplib::Request& req, httplib::Response& res)
{
    const std::string raw = req.target.substr(0, req.target.find('?'));
    if (raw.find('%') != std::string::npos)
    {
        SendError(res, 400, "refused: percent-encoding in a data path");
        return "";
    }
    const std::string rel = req.path.substr(std::string("/data/").size());
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

void ServeWeb(const server::Config& config, const httplib::Request& req, httplib::Response& res)
{
    std::string rel = req.path.size() > 1 ? req.path.substr(1) : "";
    if (rel.empty() || rel.back() == '/')
        rel += "index.html";
    if (req.target.find("%2e") != std::string::npos || req.target.find("%2E") != std::string::npos)
        return SendError(res, 400, "refused: encoded '.' in path");
    if (std::string why = server::CheckWebPath(rel); !why.empty())
        return SendError(res, 400, "refused: " + why);
    std::string full;
    if (std::string why = server::ResolveUnder(config.web_dir, rel, &full); !why.empty())
        return SendError(res, 404, "not found: " + rel);
    std::string bytes;
    if (!fs::is_regular_file(full) || !server::ReadWholeFile(full, &bytes))
        return SendError(res, 404, "not found: " + rel);
    res.set_header("Cache-Control", "no-cache");
    res.set_content(std::move(bytes), server::MimeType(rel));
}

void GetData(Instance& inst, const httplib::Request& req, httplib::Response& res)
{
    Principal who;
    if (Authenticate(inst, req, res, &who))
        return;
    const std::string rel = DataPathOf(req, res);
    if (rel.empty())
        return;
    std::string bytes;
    if (!server::ReadDataFile(inst.store, rel, &bytes))
        return SendError(res, 404, "not found: " + rel);
    const std::string etag = server::EtagOf(bytes);
    res.set_header("ETag", etag);
    res.set_header("Cache-Control", "no-cache");
    if (IfNoneMatchHits(req, etag))
    {
        res.status = 304;
        return;
    }
    res.set_content(std::move(bytes), "application/json");
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

void PutData(Instance& inst, const httplib::Request& req, httplib::Response& res)
{
    Principal who;
    if (Authenticate(inst, req, res, &who))
        return;
    const std::string rel = DataPathOf(req, res);
    if (rel.empty())
        return;
    if (!inst.store.writable)
        return SendError(res, 403, "the server is read-only (start it with --tokens FILE to accept writes)");
    if (std::string why = server::WriteRefusal(who, rel, inst.store.data_dir); !why.empty())
        return SendError(res, 403, "refused: " + why);
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

    json doc;
    if (auto issues = server::ParseStrict(rel, req.body, &doc); !issues.empty())
        return SendIssues(res, 422, issues);
    if (who.role == Role::Unit)
        if (auto issues = server::CheckUnitContent(rel, who.org, doc); !issues.empty())
            return SendIssues(res, 403, issues);
    if (inst.config.check)
    {
        std::vector<check::Issue> issues = inst.config.check(inst.store.data_dir, rel, req.body);
        std::vector<check::Issue> errors;
        for (const check::Issue& i : issues)
            if (i.severity == check::Severity::Error)
                errors.push_back(i);
        if (!errors.empty())
            return SendIssues(res, 422, errors);
    }
    w.who = who.token_id + (who.name.empty() ? "" : " " + who.name);
    w.role = RoleName(who);
    w.op_ids = OpIds(req);
    SendWriteResult(res, server::WriteDataFile(inst.store, w));
}

void GetManifest(Instance& inst, const httplib::Request& req, httplib::Response& res)
{
    Principal who;
    if (Authenticate(inst, req, res, &who))
        return;
    server::Store& store = inst.store;
    if (!store.writable)
        server::RescanReadOnly(store);
    const bool delta = req.has_param("since") && req.get_param_value("epoch") == store.epoch && store.writable;
    int64_t since = 0;
    if (delta)
        since = std::atoll(req.get_param_value("since").c_str());
    json files = json::object();
    int64_t generation = 0;
    {
        std::lock_guard<std::mutex> lock(store.mu);
        generation = store.generation;
        for (const auto& [path, e] : store.files)
            if (!delta || e.gen > since)
                files[path] = {{"etag", e.etag}, {"size", e.size}, {"gen", e.gen}};
    }
    const std::string body =
        json{{"epoch", store.epoch}, {"generation", generation}, {"full", !delta}, {"files", files}}.dump();
    const std::string etag = store.writable ? "\"m-" + store.epoch + "-" + std::to_string(generation) + "\""
                                            : server::EtagOf(body);
    res.set_header("ETag", etag);
    res.set_header("Cache-Control", "no-cache");
    if (IfNoneMatchHits(req, etag))
    {
        res.status = 304;
        return;
    }
    res.set_content(body, "application/json");
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

void GetHistory(Instance& inst, const httplib::Request& req, httplib::Response& res)
{
    Principal who;
    if (Authenticate(inst, req, res, &who))
        return;
    const std::string path = PathParam(req, res);
    if (path.empty())
        return;
    json out = json::array();
    for (const server::AuditEntry& e : server::ReadAudit(inst.store, path))
        out.push_back(AuditJson(e));
    res.set_header("Cache-Control", "no-cache");
    res.set_content(json{{"path", path}, {"versions", out}}.dump(1) + "\n", "application/json");
}

void GetVersion(Instance& inst, const httplib::Request& req, httplib::Response& res)
{
    Principal who;
    if (Authenticate(inst, req, res, &who))
        return;
    const std::string path = PathParam(req, res);
    if (path.empty())
        return;
    std::string bytes;
    const std::string etag = req.get_param_value("etag");
    if (!server::ReadHistoryVersion(inst.store, path, etag, &bytes))
        return SendError(res, 404, "no version " + etag + " of " + path + " in history");
    res.set_header("ETag", server::EtagOf(bytes));
    res.set_content(bytes, "application/json");
}

void PostRestore(Instance& inst, const httplib::Request& req, httplib::Response& res)
{
    Principal who;
    if (Authenticate(inst, req, res, &who))
        return;
    if (who.role != Role::Admin)
        return SendError(res, 403, "refused: only an admin may restore a version");
    const std::string path = PathParam(req, res);
    if (path.empty())
        return;
    std::string bytes;
    const std::string etag = req.get_param_value("etag");
    if (!server::ReadHistoryVersion(inst.store, path, etag, &bytes))
        return SendError(res, 404, "no version " + etag + " of " + path + " in history");
    server::WriteRequest w;
    w.path = path;
    w.bytes = bytes;
    w.pre.has_if_match = req.has_header("If-Match");
    w.pre.if_match = req.get_header_value("If-Match");
    w.pre.if_none_match_star = req.get_header_value("If-None-Match") == "*";
    w.who = who.token_id + (who.name.empty() ? "" : " " + who.name);
    w.role = RoleName(who);
    w.action = "restore";
    SendWriteResult(res, server::WriteDataFile(inst.store, w));
}
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
    if (std::string err = OpenStore(config.data_dir, !config.tokens_file.empty(), &inst->store); !err.empty())
    {
        *error = err;
        return InstancePtr(nullptr, deleter);
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
    http.set_read_timeout(30, 0);
    http.set_tcp_nodelay(true); // a response is headers + body in two writes: no Nagle wait between them
    // Refuse a declared oversize body before httplib reads (and discards) it.
    http.set_pre_routing_handler([&I](const httplib::Request& q, httplib::Response& r) {
        const std::string length = q.get_header_value("Content-Length");
        const bool digits = !length.empty() && length.find_first_not_of("0123456789") == std::string::npos;
        if (digits && (length.size() > 15 || std::stoull(length) > I.config.max_file_bytes))
        {
            r.set_header("Connection", "close");
            SendError(r, 413, q.path + ": " + length + " bytes is over the limit of " +
                                  std::to_string(I.config.max_file_bytes));
            return httplib::Server::HandlerResponse::Handled;
        }
        return httplib::Server::HandlerResponse::Unhandled;
    });
    http.Get("/api/manifest", [&I](const httplib::Request& q, httplib::Response& r) { GetManifest(I, q, r); });
    http.Get("/api/history", [&I](const httplib::Request& q, httplib::Response& r) { GetHistory(I, q, r); });
    http.Get("/api/version", [&I](const httplib::Request& q, httplib::Response& r) { GetVersion(I, q, r); });
    http.Post("/api/restore", [&I](const httplib::Request& q, httplib::Response& r) { PostRestore(I, q, r); });
    http.Get("/api/whoami", [&I](const httplib::Request& q, httplib::Response& r) {
        Principal who;
        if (Authenticate(I, q, r, &who))
            return;
        r.set_content(json{{"role", RoleName(who)}, {"org", who.org}, {"name", who.name},
                           {"token_id", who.token_id}, {"writable", I.store.writable}}
                          .dump(),
                      "application/json");
    });
    http.Get("/api/audit", [&I](const httplib::Request& q, httplib::Response& r) {
        Principal who;
        if (Authenticate(I, q, r, &who))
            return;
        if (who.role != Role::Admin)
            return SendError(r, 403, "refused: only an admin may read the whole audit log");
        json out = json::array();
        for (const AuditEntry& e : ReadAudit(I.store, ""))
            out.push_back(AuditJson(e));
        r.set_content(out.dump(1) + "\n", "application/json");
    });
    http.Get("/api/.*", [](const httplib::Request&, httplib::Response& r) { SendError(r, 404, "no such API"); });
    http.Get("/data/.*", [&I](const httplib::Request& q, httplib::Response& r) { GetData(I, q, r); });
    http.Put("/data/.*", [&I](const httplib::Request& q, httplib::Response& r) { PutData(I, q, r); });
    for (const char* pattern : {"/data/.*", "/api/.*", "/.*"})
    {
        auto refuse = [](const httplib::Request&, httplib::Response& r) { SendError(r, 405, "method not allowed"); };
        http.Delete(pattern, refuse);
        http.Patch(pattern, refuse);
    }
    http.Post("/.*", [](const httplib::Request&, httplib::Response& r) { SendError(r, 405, "method not allowed"); });
    http.Put("/.*", [](const httplib::Request&, httplib::Response& r) { SendError(r, 405, "method not allowed"); });
    const Config& cfg = inst->config;
    http.Get("/.*", [&cfg](const httplib::Request& q, httplib::Response& r) { ServeWeb(cfg, q, r); });

    if (config.port == 0)
        inst->port = http.bind_to_any_port(config.host);
    else
        inst->port = http.bind_to_port(config.host, config.port) ? config.port : -1;
    if (inst->port <= 0)
    {
        *error = "cannot listen on " + config.host + ":" + std::to_string(config.port);
        return InstancePtr(nullptr, deleter);
    }
    return inst;
}

int server::BoundPort(const Instance& instance)
{
    return instance.port;
}

bool server::IsWritable(const Instance& instance)
{
    return instance.store.writable;
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
    for (auto it = fs::recursive_directory_iterator(src, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec))
    {
        if (!it->is_regular_file() || it->is_symlink())
            continue;
        const std::string rel = fs::relative(it->path(), src).generic_string();
        if (!CheckDataPath(rel).empty())
            continue;
        fs::create_directories((fs::path(to) / rel).parent_path(), ec);
        fs::copy_file(it->path(), fs::path(to) / rel, ec);
        if (ec)
            return "cannot copy " + rel + ": " + ec.message();
        ++*copied;
    }
    return "";
}
