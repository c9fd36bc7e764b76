// SIGKILL during writes, many times: no torn or empty file, no temp files after restart, every acknowledged
// version in history, and the audit log's last entry per file matches the file on disk.
#include "fixture.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <csignal>
#include <filesystem>
#include <mutex>
#include <random>
#include <thread>

using namespace testing;
using nlohmann::json;

TEST_SUITE("sync server")
{
TEST_CASE("SIGKILL during writes, 15 times: files whole, history and audit consistent")
{
    // Hundreds of writes per file: keep every version (the default keeps the newest 50, see test_hostile).
    SyncServer s = StartSyncServer("crash", {"--history-keep", "100000"});
    REQUIRE(s.process.pid > 0);
    const std::vector<std::string> paths = {"meetings/m1.json", "years/2025/results.json", "cluster.json"};
    std::mutex mu;
    std::map<std::string, std::string> acknowledged; // etag -> bytes
    std::mt19937 rng(12345);
    int total_acks = 0;
    for (int round = 0; round < 15; ++round)
    {
        CAPTURE(round);
        std::atomic<bool> stop{false};
        std::vector<std::thread> writers;
        for (size_t w = 0; w < paths.size(); ++w)
            writers.emplace_back([&, w] {
                httplib::Client http("127.0.0.1", s.process.port);
                http.set_read_timeout(2, 0);
                const auto sec = Auth(s, "secretariat");
                for (int i = 0; !stop && i < 1000; ++i)
                {
                    auto g = http.Get("/data/" + paths[w], sec);
                    if (!g || g->status != 200)
                        return;
                    // ~100 KB so that the kill often lands inside a write.
                    const std::string body = json{{"round", round}, {"i", i}, {"pad", std::string(100000, 'a' + i % 26)}}.dump();
                    auto p = http.Put("/data/" + paths[w], With(sec, "If-Match", g->get_header_value("ETag")), body,
                                      "application/json");
                    if (!p)
                        return;
                    if (p->status == 200)
                    {
                        std::lock_guard<std::mutex> lock(mu);
                        acknowledged[p->get_header_value("ETag")] = body;
                        ++total_acks;
                    }
                }
            });
        std::this_thread::sleep_for(std::chrono::milliseconds(150 + rng() % 300));
        RestartSyncServer(s, SIGKILL);
        stop = true;
        for (std::thread& t : writers)
            t.join();
        REQUIRE(s.process.pid > 0);

        // On disk: every data file is whole JSON, and no temp file is left.
        for (const auto& [rel, bytes] : SnapshotTree(s.data, true))
        {
            CAPTURE(rel);
            CHECK(rel.find(".tmp-") == std::string::npos);
            if (bytes == "<dir>")
                continue;
            CHECK(!bytes.empty());
            CHECK(json::accept(bytes));
        }
        // Through the API: the audit log's last entry per file is the file's ETag, gens strictly increase.
        httplib::Client http("127.0.0.1", s.process.port);
        auto audit = http.Get("/api/audit", Auth(s, "admin"));
        REQUIRE(audit);
        REQUIRE(audit->status == 200);
        const json entries = json::parse(audit->body);
        std::map<std::string, std::string> last;
        int64_t gen = 0;
        for (const json& e : entries)
        {
            CHECK(e["gen"].get<int64_t>() > gen);
            gen = e["gen"];
            last[e["path"]] = e["new_etag"];
        }
        for (const std::string& p : paths)
        {
            CAPTURE(p);
            auto g = http.Get("/data/" + p, Auth(s, "admin"));
            REQUIRE(g);
            CHECK(last[p] == g->get_header_value("ETag"));
        }
    }
    // Every acknowledged write is in history, byte for byte.
    httplib::Client http("127.0.0.1", s.process.port);
    for (const auto& [etag, bytes] : acknowledged)
    {
        bool found = false;
        for (const std::string& p : paths)
        {
            auto v = http.Get("/api/version?path=" + p + "&etag=" + etag.substr(1, etag.size() - 2), Auth(s, "admin"));
            if (v && v->status == 200)
                found = found || v->body == bytes;
        }
        CHECK(found);
    }
    MESSAGE("acknowledged writes: " << total_acks);
    CHECK(total_acks > 15);
    StopSyncServer(s);
}
}
