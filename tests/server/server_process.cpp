// Starting and stopping the real `thidua serve` for tests; see server_process.h.
#include "server_process.h"

#include <fcntl.h>

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

testing::ServerProcess testing::StartServer(const std::vector<std::string>& args, const std::string& log_path)
{
    ServerProcess sp;
    sp.log_path = log_path;
    int out[2];
    if (pipe(out) != 0)
        return sp;
    std::vector<std::string> argv_s = {THIDUA_CLI, "serve", "--host", "127.0.0.1", "--port", "0"};
    argv_s.insert(argv_s.end(), args.begin(), args.end());
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
    // Read the banner line, at most 10 s.
    std::string line;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
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
    return out;
}
