// The sync benchmark (run by scripts/bench-sync, and by ctest with the same goals): requests and bytes for a
// no-change sync and for one changed file among ~1,000, counted on the wire by the proxy (no faults) and by the
// client. Data: `thidua synth` (20 members x 50 years = 1,000 self-assessments plus the other files), without the
// years/*/results.json (peer scores, ~1 MB each here), which would only slow the first sync.
#include "../server/fixture.h"
#include "fault_proxy.h"

#include "core/sync/client.h"
#include "server/http_transport.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <filesystem>

using namespace testing;
using nlohmann::json;

namespace
{
struct Figures
{
    int requests = 0;
    size_t client_bytes = 0;
    uint64_t wire_bytes = 0;
    double seconds = 0;
};

Figures Measure(datasync::Client& c, datasync::Transport& t, const datasync::Remote& remote, FaultProxy& proxy,
                datasync::SyncReport* report)
{
    const uint64_t before = proxy.bytes_up + proxy.bytes_down;
    const auto start = std::chrono::steady_clock::now();
    *report = datasync::Sync(c, t, remote);
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    return {report->requests, report->bytes_sent + report->bytes_received,
            proxy.bytes_up + proxy.bytes_down - before, took.count()};
}

size_t ReadAllFilesCount(const std::string& dir)
{
    size_t n = 0;
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir))
        n += e.is_regular_file() && e.path().extension() == ".json";
    return n;
}

std::string FirstSelfFile(const std::string& data, int year)
{
    std::string first;
    for (const auto& e : std::filesystem::directory_iterator(data + "/years/" + std::to_string(year) + "/self"))
        if (first.empty() || e.path().string() < first)
            first = e.path().string();
    return first;
}

void Print(const char* what, const Figures& f)
{
    std::printf("bench-sync: %-36s %5d request(s) %9llu bytes on the wire (client count %zu) %7.3f s\n", what,
                f.requests, static_cast<unsigned long long>(f.wire_bytes), f.client_bytes, f.seconds);
    std::fflush(stdout);
}

// The p-th percentile (nearest rank) of some times, in milliseconds.
double Percentile(std::vector<double> seconds, double p)
{
    std::sort(seconds.begin(), seconds.end());
    const size_t rank = static_cast<size_t>(std::ceil(p / 100.0 * static_cast<double>(seconds.size())));
    return 1000.0 * seconds[std::min(seconds.size(), std::max<size_t>(rank, 1)) - 1];
}

// One line scripts/bench-sync puts side by side for the folder and the bucket.
void PrintTimes(const char* what, const Figures& f, const std::vector<double>& seconds)
{
    std::printf("bench-sync-times: %s|%d|%llu|%.1f|%.1f|%zu\n", what, f.requests,
                static_cast<unsigned long long>(f.wire_bytes), Percentile(seconds, 50), Percentile(seconds, 99),
                seconds.size());
    std::fflush(stdout);
}
} // namespace

TEST_SUITE("bench")
{
TEST_CASE("bench-sync: a no-change sync is 1 request under 2 KB, one changed file among 1,000 costs that file plus the manifest delta")
{
    const std::string root = MakeTempDir("bench");
    const std::string data = root + "/data", tokens = root + "/tokens.json";
    REQUIRE(RunCli("synth --members 20 --criteria 8 --years 50 --seed 7 " + data + " >/dev/null 2>&1; echo done") ==
            "done");
    for (int year = 2021; year <= 2070; ++year)
        std::filesystem::remove(data + "/years/" + std::to_string(year) + "/results.json");
    const size_t files = ReadAllFilesCount(data);
    const std::string viewer = IssueToken(tokens, "viewer", "bench reader");
    const std::string secretariat = IssueToken(tokens, "secretariat", "bench writer");
    ServerProcess sp = StartServer({"--web", root, "--data", data, "--tokens", tokens, "--check", "syntax"});
    REQUIRE(sp.pid > 0);
    auto proxy = StartProxy(sp.port, 1);
    REQUIRE(proxy);
    server::HttpTransport t("127.0.0.1", proxy->port);
    datasync::Remote remote;
    remote.token = viewer;
    datasync::Client reader;
    reader.device_id = "reader";
    datasync::SyncReport report;

    std::printf("bench-sync: %zu data files (thidua synth: 20 members, 50 years, results.json left out)\n", files);
    const Figures first = Measure(reader, t, remote, *proxy, &report);
    REQUIRE(report.complete);
    CHECK(report.pulled.size() == files);
    Print("first sync (everything)", first);

    const Figures idle = Measure(reader, t, remote, *proxy, &report);
    Print("no-change sync", idle);
    CHECK(idle.requests == 1);
    CHECK(idle.wire_bytes <= 2048);
    CHECK(report.pulled.empty());
    std::vector<double> idle_times = {idle.seconds};
    for (int i = 0; i < 99; ++i)
    {
        const Figures again = Measure(reader, t, remote, *proxy, &report);
        CHECK(again.requests == 1);
        CHECK(report.pulled.empty());
        idle_times.push_back(again.seconds);
    }
    PrintTimes("no-change sync", idle, idle_times);

    // Another device changes one self-assessment (of the newest year: older ones are closed, so read-only), 20 times.
    const std::string changed = "years/2070/self/" + std::filesystem::path(FirstSelfFile(data, 2070)).filename().string();
    datasync::Client writer;
    writer.device_id = "writer";
    server::HttpTransport direct("127.0.0.1", sp.port);
    datasync::Remote w = remote;
    w.token = secretariat;
    REQUIRE(datasync::Sync(writer, direct, w).complete);
    std::vector<double> one_times;
    Figures one;
    for (int round = 1; round <= 20; ++round)
    {
        CAPTURE(round);
        const json doc = datasync::WorkingCopy(writer, changed);
        REQUIRE(doc.contains("scores"));
        std::string op;
        REQUIRE(datasync::EditFields(writer, changed, doc["scores"][0]["id"], {{"value", round % 2 ? 1 : 2}}, &op).empty());
        REQUIRE(datasync::Sync(writer, direct, w).complete);
        const size_t file_size = ReadFileOr(data + "/" + changed, "").size();
        one = Measure(reader, t, remote, *proxy, &report);
        if (round == 1)
        {
            Print("one changed file among all", one);
            std::printf("bench-sync: %-36s %25zu bytes (the rest: manifest delta and headers)\n", "  of which the file",
                        file_size);
        }
        CHECK(one.requests == 2); // the manifest delta, then the file
        CHECK(report.pulled == std::vector<std::string>{changed});
        CHECK(one.wire_bytes < file_size + 2048);
        one_times.push_back(one.seconds);
    }
    PrintTimes("one changed file", one, one_times);

    StopProxy(*proxy);
    StopServer(sp, SIGTERM);
    RemoveTree(root);
}
}
