// `thidua serve`: the web build at "/", the data folder at "/data/", and the sync API at "/api/".
// Start() binds the socket (port 0 = any free port), Run() serves until Stop() is called from another thread.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>

namespace server
{
struct Config
{
    std::string host = "127.0.0.1";
    int port = 8080;           // 0 = pick a free port
    std::string web_dir;       // the web build (index.html, thidua.js, thidua.wasm)
    std::string data_dir;      // the data folder served at /data/
};

struct Instance; // owns the HTTP server and the data store; opaque to callers

// Binds host:port. On failure returns nullptr and sets *error.
std::unique_ptr<Instance, void (*)(Instance*)> Start(const Config& config, std::string* error);
int BoundPort(const Instance& instance);
// Serves until Stop(); returns false if the server failed to run.
bool Run(Instance& instance);
// Safe from any thread (e.g. the signal-waiting thread).
void Stop(Instance& instance);
} // namespace server
