// The browser side of sync, run inside a Web Worker (web/sync-worker.js loads the same thidua.js/wasm there):
// datasync::Sync is sequential C++, so it gets a synchronous XMLHttpRequest transport, which a worker may use
// with timeouts and without ever freezing the page. The page and the worker exchange JSON only.
#include "core/check/check.h"
#include "core/io/json_read.h"
#include "core/sync/client.h"
#include "core/sync/pack.h"

#include <emscripten.h>
#include <nlohmann/json.hpp>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>

// One blocking request (allowed in workers). Returns malloc'd JSON {status, headers, body, error}.
EM_JS(char*, js_sync_xhr, (const char* method, const char* url, const char* headers_json, const char* body, int len), {
    const out = {status: 0, headers: {}, body: "", error: ""};
    try {
        const xhr = new XMLHttpRequest();
        xhr.open(UTF8ToString(method), UTF8ToString(url), false);
        xhr.timeout = 20000;
        const headers = JSON.parse(UTF8ToString(headers_json));
        for (const pair of headers) xhr.setRequestHeader(pair[0], pair[1]);
        xhr.send(len > 0 ? HEAPU8.slice(body, body + len) : null);
        out.status = xhr.status;
        out.body = xhr.responseText || "";
        for (const line of xhr.getAllResponseHeaders().trim().split('\n')) {
            const i = line.indexOf(':');
            if (i > 0) out.headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
        }
    } catch (e) {
        out.status = 0;
        out.error = String(e);
    }
    const s = JSON.stringify(out);
    const n = lengthBytesUTF8(s) + 1;
    const p = _malloc(n);
    stringToUTF8(s, p, n);
    return p;
});

namespace
{
struct XhrTransport : datasync::Transport
{
    std::string base; // "http://host:port" (no trailing slash)

    datasync::HttpResponse Send(const datasync::HttpRequest& request) override
    {
        nlohmann::json headers = nlohmann::json::array();
        for (const auto& [name, value] : request.headers)
            headers.push_back({name, value});
        char* raw = js_sync_xhr(request.method.c_str(), (base + request.path).c_str(), headers.dump().c_str(),
                                request.body.data(), static_cast<int>(request.body.size()));
        datasync::HttpResponse response;
        const nlohmann::json out = nlohmann::json::parse(raw, nullptr, false);
        std::free(raw);
        response.status = static_cast<int>(io::IntOr(out, "status", 0));
        response.body = io::StringOr(out, "body", "");
        response.error = io::StringOr(out, "error", "");
        if (const nlohmann::json* headers = io::Child(out, "headers"))
            for (const auto& [name, value] : headers->items())
                if (value.is_string())
                    response.headers[name] = value.get<std::string>();
        return response;
    }
};

nlohmann::json ReportToJson(const datasync::SyncReport& report)
{
    nlohmann::json problems = nlohmann::json::array();
    for (const check::Issue& issue : report.problems)
        problems.push_back({{"file", issue.file}, {"pointer", issue.pointer}, {"message", issue.message},
                            {"line", check::FormatIssue(issue)}});
    nlohmann::json conflicts = nlohmann::json::array();
    for (const datasync::Conflict& conflict : report.new_conflicts)
        conflicts.push_back(datasync::ConflictToJson(conflict));
    return {{"complete", report.complete},       {"offline", report.offline},
            {"requests", report.requests},       {"bytes_sent", report.bytes_sent},
            {"bytes_received", report.bytes_received}, {"pulled", report.pulled},
            {"acknowledged", report.acknowledged}, {"new_conflicts", conflicts},
            {"problems", problems}};
}
} // namespace

// Input: the client packed (core/sync/pack.h) with {"base": "http://host:port", "remote": {"backend": "thidua"|
// "webdav", "data_prefix", "token"}} in its JSON line. Output: the synced client packed with {"report": ...}, or
// {"error": "..."}; either as [4-byte length][bytes], malloc'd (the bytes may hold anything, NUL included).
extern "C" EMSCRIPTEN_KEEPALIVE char* thidua_worker_sync(const char* input, int length)
{
    std::string out;
    datasync::Client client;
    nlohmann::json head;
    const nlohmann::json* r = nullptr;
    if (!datasync::ClientFromRecord(std::string(input, static_cast<size_t>(length)), &client, &head) ||
        !(r = io::Child(head, "remote")))
    {
        out = nlohmann::json{{"error", "the stored sync state is unreadable"}}.dump();
    }
    else
    {
        client.check = [](const std::string& path, const std::string& bytes) { return check::CheckFile(path, bytes); };
        datasync::Remote remote;
        remote.backend = io::StringOr(*r, "backend", "thidua") == "webdav" ? datasync::Backend::WebDav : datasync::Backend::Thidua;
        remote.data_prefix = io::StringOr(*r, "data_prefix", "/data/");
        remote.token = io::StringOr(*r, "token", "");
        XhrTransport transport;
        transport.base = io::StringOr(head, "base", "");
        const datasync::SyncReport report = datasync::Sync(client, transport, remote);
        out = datasync::ClientToRecord(client, {{"report", ReportToJson(report)}});
    }
    const uint32_t size = static_cast<uint32_t>(out.size());
    char* result = static_cast<char*>(std::malloc(sizeof size + out.size()));
    std::memcpy(result, &size, sizeof size);
    std::memcpy(result + sizeof size, out.data(), out.size());
    return result;
}
