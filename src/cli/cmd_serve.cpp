// `thidua serve`: parses the flags, starts the server, prints the URL, and stops cleanly on SIGINT/SIGTERM.
#include "cli/commands.h"

#include "core/check/check.h"
#include "core/io/json_read.h"
#include "server/s3.h"
#include "server/server.h"
#include "server/store.h"

#include <csignal>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <cstdio>
#include <cstdlib>
#include <pthread.h>
#include <set>
#include <string>
#include <thread>

namespace
{
void PrintServeUsage()
{
    std::printf(
        "usage: thidua serve [--host H] [--port P] [--web DIR] [--data DIR | --store s3://BUCKET/PREFIX\n"
        "                    --s3-endpoint URL] [--init-from DIR]\n"
        "                    [--tokens FILE] [--cert PEM --key PEM] [--max-file-bytes N] [limits...]\n\n"
        "  --host H     address to listen on (default 127.0.0.1)\n"
        "  --port P     port (default 8080; 0 picks a free port)\n"
        "  --web DIR    web build folder served at / (default %s)\n"
        "  --data DIR   data folder served at /data/ (default %s); a deployment folder (deployment.json and\n"
        "               one folder per cluster) serves each cluster at /c/<cluster-id>/ and a start page at /\n"
        "  --store LOC  the data store: a folder (as --data) or s3://BUCKET/PREFIX, an S3 bucket (each data file one\n"
        "               object; history and audit under PREFIX/.thidua/). Several servers may share one bucket.\n"
        "               Keys from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or ~/.aws/credentials\n"
        "               (AWS_SHARED_CREDENTIALS_FILE, AWS_PROFILE); never from the command line.\n"
        "  --s3-endpoint URL  the S3 service, e.g. https://s3.example.org or http://127.0.0.1:8000 (path style);\n"
        "               default AWS_ENDPOINT_URL_S3 or AWS_ENDPOINT_URL from the environment\n"
        "  --init-from DIR  when the data folder is missing or empty, copy the data files of DIR into it first\n"
        "               (default: the sample above)\n"
        "  --tokens FILE    bearer tokens (see 'thidua token'); data and API then need a token, and writes are\n"
        "               accepted by role. Without it the server is read-only for everyone.\n"
        "  --cert PEM --key PEM  serve HTTPS with this certificate and private key\n"
        "  --max-file-bytes N    largest data file a PUT may send (default 2097152)\n"
        "  --max-json-depth N    deepest nesting of arrays/objects a PUT may send (default and most 64)\n"
        "  --max-connections N   connections served at once, one thread each (default 256); more wait\n"
        "  --read-timeout S      seconds to wait for each part of a request (default 5)\n"
        "  --write-timeout S     seconds to wait for the client to take each part of an answer (default 5)\n"
        "  --keep-alive-timeout S  seconds an open connection may wait for its next request (default 5)\n"
        "  --keep-alive-max N    requests on one connection (default 100)\n"
        "  --history-keep N      versions kept in DATA/.thidua/history per file, the newest (default 50)\n"
        "  --writes-per-minute N writes one token may make in a minute (default 600); more get 429\n"
        "  --check full|syntax   what a PUT must pass: the whole checker on the dataset with the new file\n"
        "               (default; refused when it adds an error anywhere), or JSON syntax only\n\n"
        "Writable mode keeps history and the audit log in DATA/.thidua/ (never served).\n",
        THIDUA_DEFAULT_WEB_DIR, THIDUA_DEFAULT_DATA_DIR);
}
} // namespace

int cli::RunServe(int argc, char** argv)
{
    server::Config config;
    config.web_dir = THIDUA_DEFAULT_WEB_DIR;
    config.data_dir = THIDUA_DEFAULT_DATA_DIR;
    bool data_given = false;
    std::string check_mode = "full";
    std::string init_from = THIDUA_DEFAULT_DATA_DIR;
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
            data_given = true;
        }
        else if (arg == "--store")
        {
            if (!value(&config.data_dir))
                return 2;
            data_given = true;
        }
        else if (arg == "--s3-endpoint")
        {
            if (!value(&config.store.s3_endpoint))
                return 2;
        }
        else if (arg == "--init-from")
        {
            if (!value(&init_from))
                return 2;
        }
        else if (arg == "--tokens")
        {
            if (!value(&config.tokens_file))
                return 2;
        }
        else if (arg == "--cert")
        {
            if (!value(&config.cert_file))
                return 2;
        }
        else if (arg == "--key")
        {
            if (!value(&config.key_file))
                return 2;
        }
        else if (arg == "--check")
        {
            if (!value(&check_mode))
                return 2;
            if (check_mode != "full" && check_mode != "syntax")
            {
                std::fprintf(stderr, "thidua serve: --check is full or syntax\n");
                return 2;
            }
        }
        else if (arg == "--max-connections" || arg == "--read-timeout" || arg == "--write-timeout" ||
                 arg == "--keep-alive-timeout" || arg == "--keep-alive-max" || arg == "--history-keep" ||
                 arg == "--writes-per-minute")
        {
            std::string n;
            if (!value(&n))
                return 2;
            char* end = nullptr;
            const long long v = std::strtoll(n.c_str(), &end, 10);
            if (n.empty() || *end || v < 1 || v > 100000)
            {
                std::fprintf(stderr, "thidua serve: %s needs a whole number from 1 to 100000, not '%s'\n", arg.c_str(),
                             n.c_str());
                return 2;
            }
            if (arg == "--max-connections")
                config.max_connections = static_cast<size_t>(v);
            else if (arg == "--read-timeout")
                config.read_timeout_s = static_cast<int>(v);
            else if (arg == "--write-timeout")
                config.write_timeout_s = static_cast<int>(v);
            else if (arg == "--keep-alive-timeout")
                config.keep_alive_timeout_s = static_cast<int>(v);
            else if (arg == "--keep-alive-max")
                config.keep_alive_max = static_cast<size_t>(v);
            else if (arg == "--history-keep")
                config.history_keep = static_cast<size_t>(v);
            else
                config.writes_per_minute = static_cast<size_t>(v);
        }
        else if (arg == "--max-json-depth")
        {
            std::string n;
            if (!value(&n))
                return 2;
            config.max_json_depth = static_cast<size_t>(std::strtoull(n.c_str(), nullptr, 10));
            if (config.max_json_depth == 0 || config.max_json_depth > io::kMaxJsonDepth)
            {
                std::fprintf(stderr, "thidua serve: --max-json-depth is 1 to %zu\n", io::kMaxJsonDepth);
                return 2;
            }
        }
        else if (arg == "--max-file-bytes")
        {
            std::string n;
            if (!value(&n))
                return 2;
            config.max_file_bytes = static_cast<size_t>(std::strtoull(n.c_str(), nullptr, 10));
            if (config.max_file_bytes == 0)
            {
                std::fprintf(stderr, "thidua serve: bad --max-file-bytes '%s'\n", n.c_str());
                return 2;
            }
        }
        else
        {
            std::fprintf(stderr, "thidua serve: unknown option '%s'\n\n", arg.c_str());
            PrintServeUsage();
            return 2;
        }
    }

    if (!config.tokens_file.empty() && !data_given)
    {
        // Never write into the sample shipped with the source tree.
        std::fprintf(stderr, "thidua serve: --tokens makes the server writable; give it a data folder with --data DIR\n"
                             "(a missing or empty folder is initialised from the sample)\n");
        return 2;
    }
    if ((config.cert_file.empty()) != (config.key_file.empty()))
    {
        std::fprintf(stderr, "thidua serve: --cert and --key go together\n");
        return 2;
    }
    const bool bucket = server::IsBucketLocation(config.data_dir);
    if (bucket && config.store.s3_endpoint.empty() && server::s3::EndpointFromEnvironment().empty())
    {
        std::fprintf(stderr, "thidua serve: %s needs --s3-endpoint URL (or AWS_ENDPOINT_URL)\n", config.data_dir.c_str());
        return 2;
    }
    if (data_given && !bucket) // a bucket is filled with `thidua migrate FOLDER s3://...`
    {
        int copied = 0;
        if (std::string err = server::InitDataFolder(config.data_dir, init_from, &copied); !err.empty())
        {
            std::fprintf(stderr, "thidua serve: %s\n", err.c_str());
            return 1;
        }
        if (copied > 0)
            std::fprintf(stderr, "thidua serve: initialised %s with %d files from %s\n", config.data_dir.c_str(),
                         copied, init_from.c_str());
    }

    if (check_mode == "full")
    {
        // A PUT is refused when the dataset with the new bytes has an error the current dataset does not have
        // (in that file or, through a reference, in another one).
        // Checker errors are kept by the content of the whole dataset (a hash of every path and byte): the dataset
        // after a write that lands is the next write's dataset before, so each write runs the checker once, not twice.
        struct Known
        {
            std::mutex mu;
            std::map<size_t, std::set<std::string>> errors; // dataset hash -> its error lines; a few entries
        };
        auto known = std::make_shared<Known>();
        auto errors_of = [known](const io::DataFiles& files, std::vector<check::Issue>* issues) {
            std::string all;
            for (const auto& [p, b] : files)
                all += p + '\0' + std::to_string(b.size()) + '\0' + b;
            const size_t key = std::hash<std::string>{}(all);
            std::lock_guard<std::mutex> lock(known->mu);
            auto it = known->errors.find(key);
            if (it != known->errors.end() && !issues)
                return it->second;
            std::set<std::string> lines;
            for (check::Issue& i : check::CheckDataset(files))
                if (i.severity == check::Severity::Error)
                {
                    lines.insert(check::FormatIssue(i));
                    if (issues)
                        issues->push_back(i);
                }
            if (known->errors.size() >= 4)
                known->errors.clear();
            known->errors[key] = lines;
            return lines;
        };
        config.check = [errors_of](const io::DataFiles& dataset, const std::string& path, const std::string& bytes) {
            io::DataFiles files = dataset;
            const std::set<std::string> before = errors_of(files, nullptr);
            files[path] = bytes;
            std::vector<check::Issue> after;
            errors_of(files, &after);
            std::vector<check::Issue> added;
            for (check::Issue& i : after)
                if (!before.count(check::FormatIssue(i)))
                    added.push_back(i);
            return added;
        };
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
    std::printf("Thidua: serving %s://%s:%d/ (web: %s, data: %s)\n", config.cert_file.empty() ? "http" : "https",
                config.host.c_str(),
                server::BoundPort(*instance), config.web_dir.c_str(), config.data_dir.c_str());
    if (!server::IsWritable(*instance))
        std::printf("Thidua: read-only (no --tokens): anyone who can reach this address may read the data\n");
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
