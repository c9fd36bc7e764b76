// Starting and stopping the real `thidua serve` for tests; see server_process.h.
#include "server_process.h"

#include "server/location.h"

#include <fcntl.h>

#include <algorithm>
#include <atomic>
#include <mutex>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <poll.h>
#include <sstream>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

namespace fs = std::filesystem;

// ---- the bucket mode ------------------------------------------------------------------------------------------
// With THIDUA_TEST_S3=<file> (tests/s3/rgw.sh's env file; ctest's "s3." runs set it), every writable server a test
// starts on a data folder runs on a fresh prefix of a bucket instead: the folder is copied there first with
// `thidua migrate`, `--data DIR` becomes `--store s3://... --s3-endpoint URL`, and ReadFileOr / WriteFileBytes /
// SnapshotTree read and write that folder's files in the bucket. The tests themselves stay as they are.
namespace
{
struct Mirror
{
    std::string dir;         // the test's data folder (absolute, no trailing slash)
    server::Location bucket; // where the server keeps it
};
std::mutex g_mirror_mu;
std::vector<Mirror> g_mirrors;

const std::string& S3Endpoint()
{
    static const std::string endpoint = [] {
        const char* file = std::getenv("THIDUA_TEST_S3");
        if (!file || !*file)
            return std::string();
        std::ifstream in(file);
        std::string line, found;
        while (std::getline(in, line))
        {
            const size_t eq = line.find('=');
            if (eq == std::string::npos)
                continue;
            setenv(line.substr(0, eq).c_str(), line.substr(eq + 1).c_str(), 1); // inherited by thidua processes
            if (line.substr(0, eq) == "THIDUA_S3_ENDPOINT")
                found = line.substr(eq + 1);
        }
        if (found.empty())
        {
            std::fprintf(stderr, "THIDUA_TEST_S3=%s names no RGW (no THIDUA_S3_ENDPOINT line)\n", file);
            std::abort();
        }
        return found;
    }();
    return endpoint;
}

// The mirror holding `path` (a file or folder under a mirrored data folder) and the key below it.
bool MirrorOf(const std::string& path, Mirror* out, std::string* key)
{
    std::error_code ec;
    const std::string abs = fs::absolute(path, ec).lexically_normal().generic_string();
    std::lock_guard<std::mutex> lock(g_mirror_mu);
    for (const Mirror& m : g_mirrors)
        if (abs == m.dir || abs.rfind(m.dir + "/", 0) == 0)
        {
            *out = m;
            *key = abs == m.dir ? "" : abs.substr(m.dir.size() + 1);
            return true;
        }
    return false;
}
} // namespace

bool testing::S3Mode()
{
    return !S3Endpoint().empty();
}

std::string testing::S3EndpointForTests()
{
    return S3Endpoint();
}

std::string testing::BucketFor(const std::string& data_dir)
{
    Mirror m;
    std::string key;
    if (MirrorOf(data_dir, &m, &key) && key.empty())
        return m.bucket.text;
    static std::atomic<int> counter{0};
    const std::string dir = fs::absolute(data_dir).lexically_normal().generic_string();
    const std::string location = "s3://thidua-tests/" + std::to_string(getpid()) + "-" + std::to_string(++counter) +
                                 "-" + fs::path(dir).filename().string();
    const std::string out = RunCli("migrate '" + dir + "' " + location + " --s3-endpoint " + S3Endpoint(), false);
    if (out.find("read back and compared") == std::string::npos)
    {
        std::fprintf(stderr, "cannot copy %s to %s: %s\n", dir.c_str(), location.c_str(), out.c_str());
        return "";
    }
    m.dir = dir;
    server::StoreOptions options;
    options.s3_endpoint = S3Endpoint();
    if (!server::OpenLocation(location, options, &m.bucket).empty())
        return "";
    std::lock_guard<std::mutex> lock(g_mirror_mu);
    g_mirrors.push_back(m);
    return location;
}

testing::ServerProcess::ServerProcess(ServerProcess&& other) noexcept
    : pid(other.pid), port(other.port), banner(std::move(other.banner)), log_path(std::move(other.log_path))
{
    other.pid = -1;
}

testing::ServerProcess& testing::ServerProcess::operator=(ServerProcess&& other) noexcept
{
    if (this != &other)
    {
        if (pid > 0)
            StopServer(*this, SIGKILL);
        pid = other.pid;
        port = other.port;
        banner = std::move(other.banner);
        log_path = std::move(other.log_path);
        other.pid = -1;
    }
    return *this;
}

testing::ServerProcess::~ServerProcess()
{
    if (pid > 0)
        StopServer(*this, SIGKILL);
}

testing::ServerProcess testing::StartServer(const std::vector<std::string>& args, const std::string& log_path,
                                            bool allow_bucket)
{
    ServerProcess sp;
    sp.log_path = log_path;
    std::vector<std::string> args_s = args;
    const bool writable = std::find(args.begin(), args.end(), "--tokens") != args.end();
    auto data = std::find(args_s.begin(), args_s.end(), "--data");
    std::error_code ec;
    if (allow_bucket && S3Mode() && writable && data != args_s.end() && data + 1 != args_s.end())
    {
        // The server would fill a missing or empty folder from --init-from: do that here, then copy it to the bucket.
        auto init = std::find(args_s.begin(), args_s.end(), "--init-from");
        if ((!fs::exists(*(data + 1), ec) || fs::is_empty(*(data + 1), ec)) && init != args_s.end() &&
            init + 1 != args_s.end())
            fs::copy(*(init + 1), *(data + 1), fs::copy_options::recursive, ec);
    }
    if (allow_bucket && S3Mode() && writable && data != args_s.end() && data + 1 != args_s.end() &&
        fs::exists(*(data + 1), ec) && !fs::is_empty(*(data + 1), ec))
    {
        const std::string location = BucketFor(*(data + 1));
        if (location.empty())
            return sp;
        *data = "--store";
        *(data + 1) = location;
        args_s.push_back("--s3-endpoint");
        args_s.push_back(S3Endpoint());
    }
    int out[2];
    if (pipe(out) != 0)
        return sp;
    std::vector<std::string> argv_s = {THIDUA_CLI, "serve", "--host", "127.0.0.1", "--port", "0"};
    argv_s.insert(argv_s.end(), args_s.begin(), args_s.end());
    std::vector<char*> argv;
    for (std::string& a : argv_s)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    const pid_t pid = fork();
    if (pid == 0)
    {
        dup2(out[1], 1);
        if (!log_path.empty())
        {
            const int log = open(log_path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
            if (log >= 0)
                dup2(log, 2);
        }
        close(out[0]);
        close(out[1]);
        execv(argv[0], argv.data());
        _exit(127);
    }
    close(out[1]);
    sp.pid = pid;
    // Read the banner line, at most 30 s: the server opens its store before it prints it, and on S3 (a deployment of
    // five clusters, RGW on the same 2 cores) that took over 10 s once in a clean-clone run on a busy machine. A
    // server that hangs still fails here.
    std::string line;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (std::chrono::steady_clock::now() < deadline && line.find('\n') == std::string::npos)
    {
        pollfd p{out[0], POLLIN, 0};
        if (poll(&p, 1, 100) <= 0)
            continue;
        char buf[256];
        const ssize_t n = read(out[0], buf, sizeof buf);
        if (n <= 0)
            break;
        line.append(buf, static_cast<size_t>(n));
    }
    close(out[0]); // the server ignores SIGPIPE; later prints just fail
    sp.banner = line.substr(0, line.find('\n'));
    const size_t colon = sp.banner.find("127.0.0.1:");
    if (colon == std::string::npos)
    {
        StopServer(sp, SIGKILL);
        sp.pid = -1;
        return sp;
    }
    sp.port = std::atoi(sp.banner.c_str() + colon + 10);
    return sp;
}

int testing::StopServer(ServerProcess& server, int signal_number)
{
    if (server.pid <= 0)
        return -1;
    kill(server.pid, signal_number);
    int status = 0;
    for (int i = 0; i < 500; ++i) // 10 s
    {
        if (waitpid(server.pid, &status, WNOHANG) == server.pid)
        {
            server.pid = -1;
            return WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    kill(server.pid, SIGKILL);
    waitpid(server.pid, &status, 0);
    server.pid = -1;
    return -1000;
}

std::string testing::MakeTempDir(const std::string& tag)
{
    std::string templ = (fs::temp_directory_path() / ("thidua-" + tag + "-XXXXXX")).string();
    if (!mkdtemp(templ.data()))
        return "";
    return templ;
}

void testing::RemoveTree(const std::string& path)
{
    std::error_code ec;
    if (!path.empty())
        fs::remove_all(path, ec);
}

std::string testing::ReadFileOr(const std::string& path, const std::string& fallback)
{
    Mirror m;
    std::string key;
    if (MirrorOf(path, &m, &key))
    {
        std::string bytes;
        return server::ReadKey(m.bucket, key, &bytes).empty() ? bytes : fallback;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return fallback;
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void testing::WriteFileBytes(const std::string& path, const std::string& bytes)
{
    fs::create_directories(fs::path(path).parent_path());
    std::ofstream(path, std::ios::binary) << bytes;
    Mirror m;
    std::string key;
    if (MirrorOf(path, &m, &key))
        server::WriteKey(m.bucket, key, bytes);
}

std::string testing::RunCli(const std::string& args, bool first_line)
{
    const std::string cmd = std::string(THIDUA_CLI) + " " + args;
    FILE* f = popen(cmd.c_str(), "r");
    if (!f)
        return "";
    std::string out;
    char buf[512];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        out.append(buf, n);
    pclose(f);
    if (first_line)
        out = out.substr(0, out.find('\n'));
    return out;
}

std::string testing::IssueToken(const std::string& tokens_file, const std::string& role, const std::string& name)
{
    return RunCli("token issue --role '" + role + "' --name '" + name + "' --tokens '" + tokens_file + "' 2>/dev/null");
}

int testing::RawStatus(int port, const std::string& request)
{
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return 0;
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    timeval tv{5, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0)
    {
        close(fd);
        return 0;
    }
    size_t sent = 0;
    while (sent < request.size())
    {
        const ssize_t n = send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
        if (n <= 0)
            break;
        sent += static_cast<size_t>(n);
    }
    std::string reply;
    char buf[1024];
    while (reply.find("\r\n") == std::string::npos)
    {
        const ssize_t n = recv(fd, buf, sizeof buf, 0);
        if (n <= 0)
            break;
        reply.append(buf, static_cast<size_t>(n));
    }
    close(fd);
    // "HTTP/1.1 403 Forbidden"
    const size_t sp = reply.find(' ');
    return sp == std::string::npos ? 0 : std::atoi(reply.c_str() + sp + 1);
}

std::map<std::string, std::string> testing::SnapshotTree(const std::string& root, bool skip_state)
{
    std::map<std::string, std::string> out;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec))
    {
        const std::string rel = fs::relative(it->path(), root).generic_string();
        if (skip_state && (rel == ".thidua" || rel.rfind(".thidua/", 0) == 0))
            continue;
        out[rel] = it->is_regular_file() ? ReadFileOr(it->path().string(), "") : std::string("<dir>");
    }
    // A mirrored data folder under root: its files as the bucket holds them (folders as the keys imply them).
    std::vector<Mirror> mirrors;
    {
        std::lock_guard<std::mutex> lock(g_mirror_mu);
        mirrors = g_mirrors;
    }
    const std::string abs_root = fs::absolute(root, ec).lexically_normal().generic_string();
    for (const Mirror& m : mirrors)
    {
        if (m.dir != abs_root && m.dir.rfind(abs_root + "/", 0) != 0)
            continue;
        const std::string base = m.dir == abs_root ? "" : m.dir.substr(abs_root.size() + 1) + "/";
        for (auto it = out.begin(); it != out.end();)
            it = !base.empty() && it->first.rfind(base, 0) == 0 ? out.erase(it)
                 : base.empty()                                 ? out.erase(it)
                                                                : std::next(it);
        std::vector<std::string> keys;
        server::ListKeys(m.bucket, &keys);
        for (const std::string& key : keys)
        {
            const std::string rel = base + key;
            if (skip_state && (rel == ".thidua" || rel.rfind(".thidua/", 0) == 0))
                continue;
            std::string bytes;
            server::ReadKey(m.bucket, key, &bytes);
            out[rel] = bytes;
            for (fs::path parent = fs::path(rel).parent_path(); !parent.empty(); parent = parent.parent_path())
                out[parent.generic_string()] = "<dir>";
        }
    }
    return out;
}
