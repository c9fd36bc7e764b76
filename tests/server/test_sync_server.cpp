// The sync server against the real `thidua serve` process: conditional GET/PUT, 428/412/422/413, create race,
// the role x path x method matrix, unit content rules, manifest deltas, history and restore.
#include "fixture.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <csignal>
#include <thread>

using namespace testing;
using nlohmann::json;

namespace
{
const char* kJson = "application/json";
}

TEST_SUITE("sync server")
{
TEST_CASE("GET gives a strong ETag and 304 on If-None-Match - data is no-cache")
{
    SyncServer s = StartSyncServer("get");
    REQUIRE(s.process.pid > 0);
    httplib::Client http("127.0.0.1", s.process.port);
    auto r = http.Get("/data/cluster.json", Auth(s, "viewer"));
    REQUIRE(r);
    CHECK(r->status == 200);
    const std::string etag = r->get_header_value("ETag");
    CHECK(etag.size() == 45); // "<43 base64url chars>"
    CHECK(etag.front() == '"');
    CHECK(r->get_header_value("Cache-Control") == "no-cache");
    auto again = http.Get("/data/cluster.json", With(Auth(s, "viewer"), "If-None-Match", etag));
    REQUIRE(again);
    CHECK(again->status == 304);
    CHECK(again->body.empty());
    auto other = http.Get("/data/cluster.json", With(Auth(s, "viewer"), "If-None-Match", "\"nope\""));
    CHECK(other->status == 200);
    StopSyncServer(s);
}

TEST_CASE("PUT needs a precondition, refuses stale ETags, bad JSON and oversize bodies, and writes nothing then")
{
    SyncServer s = StartSyncServer("put", {"--max-file-bytes", "4096"});
    REQUIRE(s.process.pid > 0);
    httplib::Client http("127.0.0.1", s.process.port);
    const auto sec = Auth(s, "secretariat");
    const std::string path = "/data/meetings/m1.json";
    const std::string file = s.data + "/meetings/m1.json";
    const std::string before = ReadFileOr(file, "");
    const std::string etag = http.Get(path, sec)->get_header_value("ETag");

    auto r = http.Put(path, sec, "{\"id\":\"m1\",\"rev\":2}", kJson);
    CHECK(r->status == 428);
    r = http.Put(path, With(sec, "If-Match", "\"stale\""), "{\"id\":\"m1\",\"rev\":2}", kJson);
    CHECK(r->status == 412);
    CHECK(r->get_header_value("ETag") == etag);
    r = http.Put(path, With(sec, "If-Match", "W/" + etag), "{\"id\":\"m1\",\"rev\":2}", kJson);
    CHECK(r->status == 412); // weak tags never match If-Match
    r = http.Put(path, With(sec, "If-None-Match", "*"), "{\"id\":\"m1\",\"rev\":2}", kJson);
    CHECK(r->status == 412); // exists already
    r = http.Put(path, With(sec, "If-Match", etag), "{\"id\":\"m1\",", kJson);
    CHECK(r->status == 422);
    CHECK(r->body.rfind("meetings/m1.json: not valid JSON", 0) == 0);
    r = http.Put(path, With(sec, "If-Match", etag), "{\"id\":\"m1\",\"meta\":{\"a\":1,\"a\":2}}", kJson);
    CHECK(r->status == 422);
    CHECK(r->body == "meetings/m1.json:/meta/a: duplicate key \"a\"\n");
    r = http.Put(path, With(sec, "If-Match", etag), "{\"pad\":\"" + std::string(5000, 'x') + "\"}", kJson);
    REQUIRE(r);
    CHECK(r->status == 413);
    CHECK(ReadFileOr(file, "") == before);

    r = http.Put(path, With(With(sec, "If-Match", etag), "Thidua-Op-Ids", "op-1,op-2"), "{\"id\":\"m1\",\"rev\":2}",
                 kJson);
    REQUIRE(r);
    CHECK(r->status == 200);
    const std::string etag2 = r->get_header_value("ETag");
    CHECK(etag2 != etag);
    CHECK(ReadFileOr(file, "") == "{\"id\":\"m1\",\"rev\":2}");
    CHECK(http.Get(path, sec)->get_header_value("ETag") == etag2);
    // The old ETag is now stale.
    CHECK(http.Put(path, With(sec, "If-Match", etag), "{\"id\":\"m1\",\"rev\":3}", kJson)->status == 412);
    // Create with If-None-Match: *.
    r = http.Put("/data/meetings/m2.json", With(sec, "If-None-Match", "*"), "{\"id\":\"m2\",\"rev\":1}", kJson);
    CHECK(r->status == 201);
    CHECK(ReadFileOr(s.data + "/meetings/m2.json", "") == "{\"id\":\"m2\",\"rev\":1}");
    // If-Match on a missing file fails.
    CHECK(http.Put("/data/meetings/m3.json", With(sec, "If-Match", etag), "{}", kJson)->status == 412);
    CHECK(ReadFileOr(s.data + "/meetings/m3.json", "<none>") == "<none>");
    StopSyncServer(s);
}

TEST_CASE("create race: of two If-None-Match: * PUTs to the same new file exactly one wins")
{
    SyncServer s = StartSyncServer("race");
    REQUIRE(s.process.pid > 0);
    for (int round = 0; round < 20; ++round)
    {
        const std::string path = "/data/meetings/race-" + std::to_string(round) + ".json";
        std::atomic<int> ready{0};
        int status[2] = {0, 0};
        std::thread t[2];
        for (int i = 0; i < 2; ++i)
            t[i] = std::thread([&, i] {
                httplib::Client http("127.0.0.1", s.process.port);
                const std::string body = "{\"id\":\"race\",\"writer\":" + std::to_string(i) + "}";
                ready++;
                while (ready < 2)
                    std::this_thread::yield();
                auto r = http.Put(path, With(Auth(s, "secretariat"), "If-None-Match", "*"), body, kJson);
                status[i] = r ? r->status : 0;
            });
        t[0].join();
        t[1].join();
        CAPTURE(round);
        CHECK(((status[0] == 201 && status[1] == 412) || (status[0] == 412 && status[1] == 201)));
        const std::string on_disk = ReadFileOr(s.data + path.substr(5), "");
        const int winner = status[0] == 201 ? 0 : 1;
        CHECK(on_disk == "{\"id\":\"race\",\"writer\":" + std::to_string(winner) + "}");
    }
    StopSyncServer(s);
}

TEST_CASE("role x path x method matrix, checked on disk")
{
    SyncServer s = StartSyncServer("matrix");
    REQUIRE(s.process.pid > 0);
    httplib::Client http("127.0.0.1", s.process.port);
    const std::vector<std::string> paths = {"cluster.json", "registry/organizations.json", "years/2025/year.json",
                                            "years/2025/results.json", "years/2025/self/org.a.json",
                                            "years/2025/self/org.b.json", "meetings/m1.json"};
    const std::vector<std::string> roles = {"none", "bad", "revoked", "viewer", "unit:org.a",
                                            "unit:org.b", "secretariat", "admin"};
    int writes = 0;
    for (const std::string& role : roles)
        for (const std::string& path : paths)
        {
            CAPTURE(role);
            CAPTURE(path);
            httplib::Headers h = role == "bad" ? httplib::Headers{{"Authorization", "Bearer not-a-token"}}
                                               : Auth(s, role);
            const bool known = role != "none" && role != "bad" && role != "revoked";
            auto g = http.Get("/data/" + path, h);
            REQUIRE(g);
            CHECK(g->status == (known ? 200 : 401));

            const std::string org = path.rfind("years/2025/self/", 0) == 0 ? path.substr(16, 5) : "";
            const std::string body =
                org.empty() ? "{\"id\":\"x\",\"by\":\"" + role + "\"}" : SelfFile(org, 10 + writes);
            const std::string file = s.data + "/" + path;
            const std::string before = ReadFileOr(file, "");
            const std::string etag = http.Get("/data/" + path, Auth(s, "admin"))->get_header_value("ETag");
            int expected = 403;
            if (!known)
                expected = 401;
            else if (role == "secretariat" || role == "admin")
                expected = 200;
            else if (role == "unit:" + org)
                expected = 200;
            auto p = http.Put("/data/" + path, With(h, "If-Match", etag), body, kJson);
            REQUIRE(p);
            CHECK(p->status == expected);
            CHECK(ReadFileOr(file, "") == (expected == 200 ? body : before));
            writes += expected == 200;

            auto d = http.Delete("/data/" + path, h);
            REQUIRE(d);
            CHECK(d->status == 405);
            CHECK(http.Post("/data/" + path, h, body, kJson)->status == 405);
            CHECK(!ReadFileOr(file, "").empty());
        }
    CHECK(writes == 2 * 7 + 2);

    // A unit may create its own self-assessment for a new year, and nobody else's.
    const auto create = [&](const std::string& role, const std::string& org) {
        return http.Put("/data/years/2026/self/" + org + ".json", With(Auth(s, role), "If-None-Match", "*"),
                        SelfFile(org, 1), kJson)->status;
    };
    CHECK(create("unit:org.a", "org.b") == 403);
    CHECK(ReadFileOr(s.data + "/years/2026/self/org.b.json", "<none>") == "<none>");
    CHECK(create("unit:org.a", "org.a") == 201);
    CHECK(create("viewer", "org.c") == 403);
    CHECK(ReadFileOr(s.data + "/years/2026/self/org.c.json", "<none>") == "<none>");
    StopSyncServer(s);
}

TEST_CASE("a unit cannot put another unit's records into its own file - the refusal names the JSON pointer")
{
    SyncServer s = StartSyncServer("content");
    REQUIRE(s.process.pid > 0);
    httplib::Client http("127.0.0.1", s.process.port);
    const auto unit = Auth(s, "unit:org.a");
    const std::string path = "/data/years/2025/self/org.a.json";
    const std::string before = ReadFileOr(s.data + "/years/2025/self/org.a.json", "");
    const std::string etag = http.Get(path, unit)->get_header_value("ETag");
    const std::string sneaky = "{\"org_id\":\"org.a\",\"scores\":[{\"id\":\"s1\",\"subject_org_id\":\"org.a\"},"
                               "{\"id\":\"s2\",\"subject_org_id\":\"org.b\",\"value\":10}]}";
    auto r = http.Put(path, With(unit, "If-Match", etag), sneaky, kJson);
    REQUIRE(r);
    CHECK(r->status == 403);
    CHECK(r->body.find("years/2025/self/org.a.json:/scores/1/subject_org_id: a record of another unit") == 0);
    r = http.Put(path, With(unit, "If-Match", etag), "{\"org_id\":\"org.b\",\"scores\":[]}", kJson);
    CHECK(r->status == 403);
    CHECK(r->body.find("years/2025/self/org.a.json:/org_id:") == 0);
    CHECK(ReadFileOr(s.data + "/years/2025/self/org.a.json", "") == before);
    // The secretariat is not bound by the unit rule.
    r = http.Put(path, With(Auth(s, "secretariat"), "If-Match", etag), sneaky, kJson);
    CHECK(r->status == 200);
    StopSyncServer(s);
}

TEST_CASE("path traversal and oversize corpus: refused, nothing written anywhere")
{
    SyncServer s = StartSyncServer("corpus", {"--max-file-bytes", "10000"});
    REQUIRE(s.process.pid > 0);
    // A symlink inside the data folder that points out of it.
    WriteFileBytes(s.root + "/outside/victim.json", "{\"safe\":true}");
    std::filesystem::create_directory_symlink(s.root + "/outside", s.data + "/meetings/link");
    std::filesystem::create_symlink(s.root + "/outside/victim.json", s.data + "/meetings/evil.json");
    const auto before = SnapshotTree(s.root, true);
    const std::string tok = s.token["admin"];
    const std::vector<std::string> targets = {
        "/data/../tokens.json", "/data/%2e%2e/tokens.json", "/data/%2E%2E%2Ftokens.json", "/data/..%2ftokens.json",
        "/data/meetings/..%2f..%2ftokens.json", "/data/meetings/%2e%2e/%2e%2e/tokens.json",
        "/data/meetings/..\\..\\tokens.json", "/data/meetings/%5c..%5ctokens.json", "/data//etc/passwd",
        "/data/%2fetc%2fpasswd", "/data/meetings/m1.json%00.txt", "/data/meetings/link/victim.json",
        "/data/meetings/evil.json", "/data/.thidua/audit.log", "/data/.thidua/epoch", "/data/meetings/.m1.json.tmp-1",
        "/data/years/2025/self/../../../tokens.json", "/data/registry/other.json", "/data/notes.txt",
        "/data/meetings/M1.JSON", "/data/meetings/m1.json/", "/data/years/25/year.json",
        "/data/%252e%252e/tokens.json", "/data/meetings/\xc3\xa4.json", "/../tokens.json", "/%2e%2e/tokens.json"};
    for (const std::string& t : targets)
    {
        CAPTURE(t);
        const std::string body = "{\"pwned\":true}";
        const int put = RawStatus(s.process.port, "PUT " + t + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + tok +
                                                      "\r\nIf-None-Match: *\r\nContent-Type: application/json\r\n"
                                                      "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body);
        CHECK(put >= 400);
        const int put2 = RawStatus(s.process.port, "PUT " + t + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + tok +
                                                       "\r\nIf-Match: *\r\nContent-Length: " +
                                                       std::to_string(body.size()) + "\r\n\r\n" + body);
        CHECK(put2 >= 400);
        const int get = RawStatus(s.process.port, "GET " + t + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + tok +
                                                      "\r\n\r\n");
        CHECK((get >= 400 || t.rfind("/data/", 0) != 0)); // web paths may 404; data paths never 2xx
        CHECK(get != 200);
    }
    // Oversize: declared too big, and streamed too big without a length.
    const std::string big(20000, 'x');
    CHECK(RawStatus(s.process.port, "PUT /data/meetings/m1.json HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + tok +
                                        "\r\nIf-Match: *\r\nContent-Length: 20000\r\n\r\n" + big) == 413);
    CHECK(RawStatus(s.process.port, "PUT /data/meetings/big.json HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + tok +
                                        "\r\nIf-None-Match: *\r\nContent-Length: 999999999\r\n\r\n{") == 413);
    CHECK(SnapshotTree(s.root, true) == before);
    StopSyncServer(s);
}

TEST_CASE("manifest: one small request says what changed - 304 when nothing did")
{
    SyncServer s = StartSyncServer("manifest");
    REQUIRE(s.process.pid > 0);
    httplib::Client http("127.0.0.1", s.process.port);
    const auto v = Auth(s, "viewer");
    auto r = http.Get("/api/manifest", v);
    REQUIRE(r);
    REQUIRE(r->status == 200);
    const json m = json::parse(r->body);
    CHECK(m["full"] == true);
    CHECK(m["files"].size() == 7);
    const std::string m1_etag = http.Get("/data/meetings/m1.json", v)->get_header_value("ETag");
    CHECK(m["files"]["meetings/m1.json"]["etag"] == m1_etag);
    const int64_t gen = m["generation"];
    const std::string epoch = m["epoch"];
    const std::string metag = r->get_header_value("ETag");
    const std::string query = "/api/manifest?since=" + std::to_string(gen) + "&epoch=" + epoch;
    auto same = http.Get(query, With(v, "If-None-Match", metag));
    CHECK(same->status == 304);

    auto w = http.Put("/data/meetings/m1.json", With(Auth(s, "secretariat"), "If-Match", m1_etag), "{\"id\":\"m1\"}",
                      kJson);
    REQUIRE(w->status == 200);
    auto changed = http.Get(query, With(v, "If-None-Match", metag));
    REQUIRE(changed->status == 200);
    const json d = json::parse(changed->body);
    CHECK(d["full"] == false);
    CHECK(d["generation"] == gen + 1);
    CHECK(d["files"].size() == 1);
    CHECK(d["files"]["meetings/m1.json"]["etag"] == w->get_header_value("ETag"));
    // Another epoch (e.g. a reset server) gets the full list.
    auto other = http.Get("/api/manifest?since=" + std::to_string(gen) + "&epoch=elsewhere", v);
    CHECK(json::parse(other->body)["files"].size() == 7);
    CHECK(http.Get("/api/manifest")->status == 401);
    StopSyncServer(s);
}

TEST_CASE("history keeps every version with an audit line - an admin restores")
{
    SyncServer s = StartSyncServer("history");
    REQUIRE(s.process.pid > 0);
    httplib::Client http("127.0.0.1", s.process.port);
    const auto sec = Auth(s, "secretariat");
    std::vector<std::string> etags = {http.Get("/data/meetings/m1.json", sec)->get_header_value("ETag")};
    for (int i = 2; i <= 4; ++i)
    {
        auto r = http.Put("/data/meetings/m1.json", With(With(sec, "If-Match", etags.back()), "Thidua-Op-Ids",
                                                           "op-" + std::to_string(i)),
                          "{\"id\":\"m1\",\"rev\":" + std::to_string(i) + "}", kJson);
        REQUIRE(r->status == 200);
        etags.push_back(r->get_header_value("ETag"));
    }
    auto h = http.Get("/api/history?path=meetings/m1.json", Auth(s, "viewer"));
    REQUIRE(h->status == 200);
    const json versions = json::parse(h->body)["versions"];
    REQUIRE(versions.size() == 4);
    CHECK(versions[0]["action"] == "found");
    for (size_t i = 1; i < 4; ++i)
    {
        CHECK(versions[i]["old_etag"] == etags[i - 1]);
        CHECK(versions[i]["new_etag"] == etags[i]);
        CHECK(versions[i]["role"] == "secretariat");
        CHECK(versions[i]["who"].get<std::string>().find("test secretariat") != std::string::npos);
        CHECK(versions[i]["op_ids"] == json::array({"op-" + std::to_string(i + 1)}));
        CHECK(versions[i]["gen"] > versions[i - 1]["gen"]);
    }
    for (size_t i = 0; i < 4; ++i)
    {
        const std::string bare = etags[i].substr(1, etags[i].size() - 2);
        auto v = http.Get("/api/version?path=meetings/m1.json&etag=" + bare, sec);
        REQUIRE(v->status == 200);
        CHECK(v->get_header_value("ETag") == etags[i]);
    }
    const std::string first = etags[0].substr(1, etags[0].size() - 2);
    const std::string restore = "/api/restore?path=meetings/m1.json&etag=" + first;
    CHECK(http.Post(restore, Auth(s, "admin"), "", "text/plain")->status == 428);
    auto r = http.Post(restore, With(Auth(s, "admin"), "If-Match", etags.back()), "", "text/plain");
    REQUIRE(r->status == 200);
    CHECK(r->get_header_value("ETag") == etags[0]);
    CHECK(ReadFileOr(s.data + "/meetings/m1.json", "") == "{\"id\":\"m1\",\"rev\":1}");
    auto audit = http.Get("/api/audit", Auth(s, "admin"));
    REQUIRE(audit->status == 200);
    CHECK(json::parse(audit->body).back()["action"] == "restore");
    CHECK(http.Get("/api/audit", sec)->status == 403);
    StopSyncServer(s);
}

TEST_CASE("the secretariat restores a cluster file; a unit and the viewer never; a stale If-Match is 412")
{
    SyncServer s = StartSyncServer("restore-secretariat");
    REQUIRE(s.process.pid > 0);
    httplib::Client http("127.0.0.1", s.process.port);
    const auto sec = Auth(s, "secretariat");
    std::vector<std::string> etags = {http.Get("/data/meetings/m1.json", sec)->get_header_value("ETag")};
    for (int i = 2; i <= 3; ++i)
    {
        auto r = http.Put("/data/meetings/m1.json", With(sec, "If-Match", etags.back()),
                          "{\"id\":\"m1\",\"rev\":" + std::to_string(i) + "}", kJson);
        REQUIRE(r->status == 200);
        etags.push_back(r->get_header_value("ETag"));
    }
    const std::string first = etags[0].substr(1, etags[0].size() - 2);
    const std::string restore = "/api/restore?path=meetings/m1.json&etag=" + first;
    CHECK(http.Post(restore, With(Auth(s, "unit:org.a"), "If-Match", etags.back()), "", "text/plain")->status == 403);
    CHECK(http.Post(restore, With(Auth(s, "viewer"), "If-Match", etags.back()), "", "text/plain")->status == 403);
    CHECK(http.Post(restore, With(sec, "If-Match", etags[1]), "", "text/plain")->status == 412); // stale
    CHECK(http.Post(restore, sec, "", "text/plain")->status == 428);
    CHECK(ReadFileOr(s.data + "/meetings/m1.json", "") == "{\"id\":\"m1\",\"rev\":3}");
    auto r = http.Post(restore, With(sec, "If-Match", etags.back()), "", "text/plain");
    REQUIRE(r->status == 200);
    CHECK(r->get_header_value("ETag") == etags[0]);
    CHECK(ReadFileOr(s.data + "/meetings/m1.json", "") == "{\"id\":\"m1\",\"rev\":1}");
    auto h = http.Get("/api/history?path=meetings/m1.json", sec);
    REQUIRE(h->status == 200);
    const json last = json::parse(h->body)["versions"].back();
    CHECK(last["action"] == "restore");
    CHECK(last["role"] == "secretariat");
    // A unit may not restore even its own self-assessment.
    const std::string own = "/data/years/2025/self/org.a.json";
    const std::string own_etag = http.Get(own, sec)->get_header_value("ETag");
    CHECK(http.Post("/api/restore?path=years/2025/self/org.a.json&etag=" + own_etag.substr(1, own_etag.size() - 2),
                    With(Auth(s, "unit:org.a"), "If-Match", own_etag), "", "text/plain")
              ->status == 403);
    StopSyncServer(s);
}

TEST_CASE("a kept version reaches a role as GET /data would send it: no private contacts for the viewer")
{
    SyncServer s = StartSyncServer("version-private");
    REQUIRE(s.process.pid > 0);
    httplib::Client http("127.0.0.1", s.process.port);
    const auto sec = Auth(s, "secretariat");
    const std::string path = "registry/organizations.json";
    const std::string etag = http.Get("/data/" + path, sec)->get_header_value("ETag");
    auto w = http.Put("/data/" + path, With(sec, "If-Match", etag),
                      "{\"records\":[{\"id\":\"org.a\",\"contact_details\":[{\"value\":\"0900 111 222\","
                      "\"private\":true},{\"value\":\"024 000\"}]}]}",
                      kJson);
    REQUIRE(w->status == 200);
    const std::string kept = w->get_header_value("ETag");
    const std::string bare = kept.substr(1, kept.size() - 2);
    auto as_sec = http.Get("/api/version?path=" + path + "&etag=" + bare, sec);
    REQUIRE(as_sec->status == 200);
    CHECK(as_sec->body.find("0900 111 222") != std::string::npos);
    for (const char* role : {"viewer"})
    {
        auto v = http.Get("/api/version?path=" + path + "&etag=" + bare, Auth(s, role));
        REQUIRE(v->status == 200);
        CHECK(v->body.find("0900 111 222") == std::string::npos);
        CHECK(v->body.find("024 000") != std::string::npos);
        CHECK(v->get_header_value("ETag") == http.Get("/data/" + path, Auth(s, role))->get_header_value("ETag"));
    }
    StopSyncServer(s);
}
}
