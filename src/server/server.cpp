// HTTP routing for `thidua serve`: static web files, data files, and (phase 2) the sync API.
#include "server/server.h"

#include "server/paths.h"

#include <httplib.h>

#include <atomic>
#include <filesystem>
#include <chrono>
#include <fstream>
#include <thread>
#include <sstream>

struct server::Instance
{
    Config config;
    std::unique_ptr<httplib::Server> http;
    int port = 0;
    std::atomic<bool> stopping{false};
};

namespace
{
bool ReadFile(const std::string& path, std::string* bytes)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return false;
    std::ostringstream ss;
    ss << in.rdbuf();
    *bytes = ss.str();
    return !in.bad();
}

void SendError(httplib::Response& res, int status, const std::string& message)
{
    res.status = status;
    res.set_content(message + "\n", "text/plain; charset=utf-8");
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
    if (!std::filesystem::is_regular_file(full) || !ReadFile(full, &bytes))
        return SendError(res, 404, "not found: " + rel);
    res.set_header("Cache-Control", "no-cache");
    res.set_content(std::move(bytes), server::MimeType(rel));
}

void ServeData(const server::Config& config, const httplib::Request& req, httplib::Response& res)
{
    const std::string rel = req.path.substr(std::string("/data/").size());
    const std::string raw = req.target.substr(0, req.target.find('?'));
    if (raw.find('%') != std::string::npos)
        return SendError(res, 400, "refused: percent-encoding in data path");
    if (std::string why = server::CheckDataPath(rel); !why.empty())
        return SendError(res, 404, "refused: " + rel + ": " + why);
    std::string full;
    if (std::string why = server::ResolveUnder(config.data_dir, rel, &full); !why.empty())
        return SendError(res, 403, "refused: " + rel + ": " + why);
    std::string bytes;
    if (!std::filesystem::is_regular_file(full) || !ReadFile(full, &bytes))
        return SendError(res, 404, "not found: " + rel);
    res.set_header("Cache-Control", "no-cache");
    res.set_content(std::move(bytes), "application/json");
}
} // namespace

std::unique_ptr<server::Instance, void (*)(server::Instance*)> server::Start(const Config& config, std::string* error)
{
    std::unique_ptr<Instance, void (*)(Instance*)> inst(new Instance, [](Instance* p) { delete p; });
    inst->config = config;
    inst->http = std::make_unique<httplib::Server>();
    httplib::Server& http = *inst->http;
    const Config& cfg = inst->config;
    http.Get("/data/.*", [&cfg](const httplib::Request& req, httplib::Response& res) { ServeData(cfg, req, res); });
    http.Get("/.*", [&cfg](const httplib::Request& req, httplib::Response& res) { ServeWeb(cfg, req, res); });

    if (config.port == 0)
        inst->port = http.bind_to_any_port(config.host);
    else
        inst->port = http.bind_to_port(config.host, config.port) ? config.port : -1;
    if (inst->port <= 0)
    {
        *error = "cannot listen on " + config.host + ":" + std::to_string(config.port);
        return {nullptr, [](Instance* p) { delete p; }};
    }
    return inst;
}

int server::BoundPort(const Instance& instance)
{
    return instance.port;
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
