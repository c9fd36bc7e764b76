// `thidua serve`: the web build at "/", the data folder at "/data/", and the sync API at "/api/".
// Start() binds the socket (port 0 = any free port), Run() serves until Stop() is called from another thread.
// Endpoints and their semantics: docs in README ("Sync server") and src/server/server.cpp.
#pragma once

#include "core/check/issue.h"
#include "server/store.h"

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace server
{
// Extra content check for a PUT (the shared checker): the dataset as it stands (path -> bytes), the path, and the
// new bytes. Every Error it returns refuses the write with 422.
using CheckHook = std::function<std::vector<check::Issue>(const std::map<std::string, std::string>& dataset,
                                                          const std::string& path, const std::string& bytes)>;

struct Config
{
    std::string host = "127.0.0.1";
    int port = 8080;           // 0 = pick a free port
    std::string web_dir;       // the web build (index.html, thidua.js, thidua.wasm)
    std::string data_dir;      // the data served at /data/: a folder, or s3://bucket/prefix (store.h, OpenStore)
    StoreOptions store;        // the S3 endpoint and keys for an s3:// data_dir
    std::string tokens_file;   // "" = no tokens: every request may read, nothing may be written
    std::string cert_file;     // TLS certificate (PEM); with key_file, the server speaks HTTPS
    std::string key_file;      // TLS private key (PEM)
    size_t max_file_bytes = 2 * 1024 * 1024; // larger PUT bodies get 413
    size_t max_json_depth = 64;  // arrays/objects inside each other in a PUT body; deeper gets 422 before parsing
    // Connections (docs/deploy.md, "Limits"): a slow or idle client holds one thread, never the others.
    size_t max_connections = 256;   // connections served at once (one thread each); more wait for a free thread
    int read_timeout_s = 5;         // a request line, header line or body chunk not received within it: closed
    int write_timeout_s = 5;        // an answer the client does not take within it: closed
    int keep_alive_timeout_s = 5;   // an open connection with no new request within it: closed
    size_t keep_alive_max = 100;    // requests on one connection before it is closed
    size_t history_keep = 50;       // versions kept per file in <data>/.thidua/history (the newest ones)
    size_t writes_per_minute = 600; // writes (PUT, restore) one token may make in a minute; more get 429
    CheckHook check;           // may be empty
};

struct Instance; // owns the HTTP server and the data store; opaque to callers
using InstancePtr = std::unique_ptr<Instance, void (*)(Instance*)>;

// Opens the data store and binds host:port. On failure returns nullptr and sets *error.
InstancePtr Start(const Config& config, std::string* error);
int BoundPort(const Instance& instance);
bool IsWritable(const Instance& instance);
// Serves until Stop(); returns false if the server failed to run.
bool Run(Instance& instance);
// Safe from any thread (e.g. the signal-waiting thread).
void Stop(Instance& instance);

// Copies every allowed data file of `from` into `to` when `to` is missing or empty (a deployment: deployment.json
// and every <cluster-id>/<data file>). Returns "" or an error;
// sets *copied to the number of files copied.
std::string InitDataFolder(const std::string& to, const std::string& from, int* copied);
} // namespace server
