// Test helper: runs the real `thidua serve` (THIDUA_CLI) as a child process on a free loopback port,
// reads the "serving http://HOST:PORT/" line to learn the port, and kills it (SIGTERM or SIGKILL) at the end.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace testing
{
struct ServerProcess
{
    int pid = -1;
    int port = 0;
    std::string banner; // the first line printed on stdout
    std::string log_path;

    // Move-only; a process still running when its owner goes away (e.g. a REQUIRE ended the test) is killed.
    ServerProcess() = default;
    ServerProcess(ServerProcess&& other) noexcept;
    ServerProcess& operator=(ServerProcess&& other) noexcept;
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;
    ~ServerProcess();
};

// Starts `thidua serve --host 127.0.0.1 --port 0 <args...>`; pid stays -1 when it failed to start. With a
// `log_path`, the server's stderr is appended to that file (and log_path is set) instead of the test's stderr.
// In the bucket mode (below) a writable server's --data DIR is moved to a bucket unless allow_bucket is false.
ServerProcess StartServer(const std::vector<std::string>& args, const std::string& log_path = "",
                          bool allow_bucket = true);
// Sends `signal_number` and waits (bounded) for the process; returns its exit status (or -signal).
int StopServer(ServerProcess& server, int signal_number);

// A fresh empty folder under the build's temp area; removed by the caller with RemoveTree.
std::string MakeTempDir(const std::string& tag);
void RemoveTree(const std::string& path);
std::string ReadFileOr(const std::string& path, const std::string& fallback);
void WriteFileBytes(const std::string& path, const std::string& bytes);

// Runs `thidua <args>` and returns its stdout (first line without the newline when first_line).
std::string RunCli(const std::string& args, bool first_line = true);
// Issues a token with `thidua token issue` into tokens_file and returns the secret.
std::string IssueToken(const std::string& tokens_file, const std::string& role, const std::string& name);

// Sends `request` verbatim on a fresh loopback connection and returns the status code (0 on failure).
int RawStatus(int port, const std::string& request);

// The bucket mode (THIDUA_TEST_S3 names tests/s3/rgw.sh's env file): writable servers started with --data DIR run
// on a copy of DIR in a fresh bucket prefix, and the file helpers here read and write DIR's files there.
bool S3Mode();
std::string S3EndpointForTests();
// Copies DIR to a fresh prefix (once) and returns its s3:// location; "" on failure.
std::string BucketFor(const std::string& data_dir);

// Every file under root (relative path -> bytes), optionally skipping the server's .thidua folder.
std::map<std::string, std::string> SnapshotTree(const std::string& root, bool skip_state);
} // namespace testing
