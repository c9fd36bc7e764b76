// `thidua serve`: parses the flags, starts the server, prints the URL, and stops cleanly on SIGINT/SIGTERM.
#include "cli/commands.h"

#include "server/server.h"

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <pthread.h>
#include <string>
#include <thread>

namespace
{
void PrintServeUsage()
{
    std::printf(
        "usage: thidua serve [--host H] [--port P] [--web DIR] [--data DIR]\n\n"
        "  --host H     address to listen on (default 127.0.0.1)\n"
        "  --port P     port (default 8080; 0 picks a free port)\n"
        "  --web DIR    web build folder served at / (default %s)\n"
        "  --data DIR   data folder served at /data/ (default %s)\n",
        THIDUA_DEFAULT_WEB_DIR, THIDUA_DEFAULT_DATA_DIR);
}
} // namespace

int cli::RunServe(int argc, char** argv)
{
    server::Config config;
    config.web_dir = THIDUA_DEFAULT_WEB_DIR;
    config.data_dir = THIDUA_DEFAULT_DATA_DIR;
    for (int i = 1; i < argc; ++i)
    {
        const std::string arg = argv[i];
        auto value = [&](std::string* out) {
            if (i + 1 >= argc)
            {
                std::fprintf(stderr, "thidua serve: %s needs a value\n", arg.c_str());
                return false;
            }
            *out = argv[++i];
            return true;
        };
        std::string port;
        if (arg == "--help" || arg == "-h")
        {
            PrintServeUsage();
            return 0;
        }
        else if (arg == "--host")
        {
            if (!value(&config.host))
                return 2;
        }
        else if (arg == "--port")
        {
            if (!value(&port))
                return 2;
            char* end = nullptr;
            const long p = std::strtol(port.c_str(), &end, 10);
            if (port.empty() || *end || p < 0 || p > 65535)
            {
                std::fprintf(stderr, "thidua serve: bad port '%s'\n", port.c_str());
                return 2;
            }
            config.port = static_cast<int>(p);
        }
        else if (arg == "--web")
        {
            if (!value(&config.web_dir))
                return 2;
        }
        else if (arg == "--data")
        {
            if (!value(&config.data_dir))
                return 2;
        }
        else
        {
            std::fprintf(stderr, "thidua serve: unknown option '%s'\n\n", arg.c_str());
            PrintServeUsage();
            return 2;
        }
    }

    // Block the stop signals in every thread; one thread waits for them with sigwait and stops the server.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
    std::signal(SIGPIPE, SIG_IGN);

    std::string error;
    auto instance = server::Start(config, &error);
    if (!instance)
    {
        std::fprintf(stderr, "thidua serve: %s\n", error.c_str());
        return 1;
    }
    std::printf("Thidua: serving http://%s:%d/ (web: %s, data: %s)\n", config.host.c_str(),
                server::BoundPort(*instance), config.web_dir.c_str(), config.data_dir.c_str());
    std::fflush(stdout);

    std::thread waiter([&] {
        int sig = 0;
        sigwait(&stop_signals, &sig);
        server::Stop(*instance);
    });
    const bool ok = server::Run(*instance);
    pthread_kill(waiter.native_handle(), SIGTERM); // wakes the waiter if Run ended on its own
    waiter.join();
    std::printf("Thidua: stopped\n");
    return ok ? 0 : 1;
}
