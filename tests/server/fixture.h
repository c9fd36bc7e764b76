// Test fixture: a small data folder, a token file with one token per role, and the real `thidua serve` on it.
#pragma once

#include "server_process.h"

#include <httplib.h>

#include <map>
#include <string>
#include <vector>

namespace testing
{
struct SyncServer
{
    std::string root, data, tokens_file;
    std::map<std::string, std::string> token; // role -> secret ("viewer", "unit:org.a", ...)
    std::vector<std::string> extra_args;       // given to StartSyncServer; a restart uses them again
    ServerProcess process;
};

// Writes the sample files and tokens, starts the server with --tokens. Check process.pid > 0.
SyncServer StartSyncServer(const std::string& tag, const std::vector<std::string>& extra_args = {});
void StopSyncServer(SyncServer& s);
// Restarts the server on the same data (new port).
void RestartSyncServer(SyncServer& s, int signal_number);

httplib::Headers Auth(const SyncServer& s, const std::string& role);
httplib::Headers With(httplib::Headers h, const std::string& name, const std::string& value);

// The sample: cluster.json, registry/organizations.json, years/2025/{year,results}.json,
// years/2025/self/org.a.json and org.b.json, meetings/m1.json.
std::string SelfFile(const std::string& org, int value);
} // namespace testing
