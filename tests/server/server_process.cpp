// Starting and stopping the real `thidua serve` for tests; see server_process.h.
#include "server_process.h"

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

namespace fs = std::filesystem;

testing::ServerProcess testing::StartServer(const std::vector<std::string>& args)
{
    ServerProcess sp;
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
