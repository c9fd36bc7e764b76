// The server under hostile clients (issue #11), through the real `thidua serve`: deep nesting, a stale If-Match
// before any content check, stalls, restore of unknown versions, smaller protocol abuses. Each case failed
// before its fix.
#include "fixture.h"

#include "server/store.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <arpa/inet.h>
#include <chrono>
#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <thread>
#include <netinet/in.h>
#include <string>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

using namespace testing;
using nlohmann::json;

namespace
{
const char* kJson = "application/json";

// A connected loopback socket that has sent `bytes` (maybe nothing) and then stays silent; -1 on failure.
int OpenSilent(int port, const std::string& bytes)
{
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd < 0 || connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0)
        return -1;
    if (!bytes.empty())
        send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    return fd;
}

double Seconds(std::chrono::steady_clock::time_point since)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

std::string Nested(size_t levels)
{
    return "{\"org_id\":\"org.a\",\"deep\":" + std::string(levels, '[') + std::string(levels, ']') + "}";
}
} // namespace

TEST_SUITE("hostile clients")
{
TEST_CASE("a PUT nested 17,000 levels deep is refused with 422 before parsing, and the server keeps serving")
{
    SyncServer s = StartSyncServer("deep");
    REQUIRE(s.process.pid > 0);
    httplib::Client http("127.0.0.1", s.process.port);
    const auto unit = Auth(s, "unit:org.a");
    const std::string path = "/data/years/2025/self/org.a.json";
    const std::string etag = http.Get(path, unit)->get_header_value("ETag");
    auto r = http.Put(path, With(unit, "If-Match", etag), Nested(17000), kJson);
    REQUIRE(r);
    CHECK(r->status == 422);
    CHECK(r->body.find("years/2025/self/org.a.json: nested deeper than 64 levels") == 0);
    r = http.Put(path, With(unit, "If-Match", etag), Nested(65), kJson);
    REQUIRE(r);
    CHECK(r->status == 422);
    CHECK(r->body.find("(at byte 89)") != std::string::npos); // the 64th "[" (the object is level 1; 25 bytes before the first "[")
    auto g = http.Get(path, unit); // still alive, file unchanged
    REQUIRE(g);
    CHECK(g->status == 200);
    CHECK(g->get_header_value("ETag") == etag);
    // 60 levels are fine for the parser (the server's own checks then see a small, shallow tree).
    r = http.Put(path, With(unit, "If-Match", etag), Nested(60), kJson);
    REQUIRE(r);
    CHECK(r->status == 200);
    StopSyncServer(s);
}

TEST_CASE("a registry file nested 100,000 levels deep on disk does not crash a viewer's GET")
{
    SyncServer s = StartSyncServer("deep-disk");
    REQUIRE(s.process.pid > 0);
    // Only a hand edit can put it there (every PUT is depth-checked); the contact filter must not recurse into it.
    WriteFileBytes(s.data + "/registry/organizations.json", Nested(100000));
    httplib::Client http("127.0.0.1", s.process.port);
    auto r = http.Get("/data/registry/organizations.json", Auth(s, "viewer"));
    REQUIRE(r);
    CHECK(r->status == 200);
    CHECK(r->body.empty());
    r = http.Get("/data/registry/organizations.json", Auth(s, "secretariat")); // as stored
    REQUIRE(r);
    CHECK(r->body == Nested(100000));
    CHECK(http.Get("/data/cluster.json", Auth(s, "viewer"))->status == 200);
    StopSyncServer(s);
}

TEST_CASE("--max-json-depth lowers the limit, a value above 64 is a usage error")
{
    SyncServer s = StartSyncServer("depth-flag", {"--max-json-depth", "8"});
    REQUIRE(s.process.pid > 0);
    httplib::Client http("127.0.0.1", s.process.port);
    const auto sec = Auth(s, "secretariat");
    const std::string etag = http.Get("/data/meetings/m1.json", sec)->get_header_value("ETag");
    auto r = http.Put("/data/meetings/m1.json", With(sec, "If-Match", etag), Nested(8), kJson);
    REQUIRE(r);
    CHECK(r->status == 422);
    CHECK(r->body.find("nested deeper than 8 levels") != std::string::npos);
    StopSyncServer(s);
    CHECK(RunCli("serve --max-json-depth 65 --port 0 2>&1") == "thidua serve: --max-json-depth is 1 to 64");
}

TEST_CASE("a stale If-Match is answered 412 before the content is looked at")
{
    SyncServer s = StartSyncServer("stale");
    REQUIRE(s.process.pid > 0);
    httplib::Client http("127.0.0.1", s.process.port);
    const auto unit = Auth(s, "unit:org.a");
    const std::string path = "/data/years/2025/self/org.a.json";
    const std::string etag = http.Get(path, unit)->get_header_value("ETag");
    // Broken JSON, a foreign record, deep nesting: with a stale tag, each costs only the comparison.
    for (const std::string& body : {std::string("{\"org_id\":"), SelfFile("org.b", 1), Nested(20000)})
    {
        auto r = http.Put(path, With(unit, "If-Match", "\"stale\""), body, kJson);
        REQUIRE(r);
        CHECK(r->status == 412);
        CHECK(r->get_header_value("ETag") == etag);
    }
    StopSyncServer(s);
}

TEST_CASE("200 idle connections and 8 slowloris connections do not delay a normal GET")
{
    SyncServer s = StartSyncServer("idle");
    REQUIRE(s.process.pid > 0);
    std::vector<int> fds;
    for (int i = 0; i < 200; ++i)
        fds.push_back(OpenSilent(s.process.port, ""));
    for (int i = 0; i < 8; ++i) // a request whose headers never end
        fds.push_back(OpenSilent(s.process.port, "GET /data/cluster.json HTTP/1.1\r\nHost: x\r\nX-Slow: 1\r\n"));
    CHECK(std::count(fds.begin(), fds.end(), -1) == 0);
    httplib::Client http("127.0.0.1", s.process.port);
    http.set_read_timeout(3, 0);
    for (int i = 0; i < 5; ++i)
    {
        const auto t0 = std::chrono::steady_clock::now();
        auto r = http.Get("/data/cluster.json", Auth(s, "viewer"));
        CHECK(Seconds(t0) < 1.0);
        REQUIRE(r);
        CHECK(r->status == 200);
    }
    for (int fd : fds)
        if (fd >= 0)
            close(fd);
    StopSyncServer(s);
}

TEST_CASE("a body is not read before its sender is known: chunked gets 411, no token 401, at once")
{
    SyncServer s = StartSyncServer("body-auth");
    REQUIRE(s.process.pid > 0);
    const std::string put = "PUT /data/meetings/m1.json HTTP/1.1\r\nHost: x\r\nIf-Match: *\r\n";
    const auto t0 = std::chrono::steady_clock::now();
    // The headers only: the server must answer without waiting for the body (RawStatus waits 5 s at most).
    CHECK(RawStatus(s.process.port, put + "Transfer-Encoding: chunked\r\n\r\n") == 411);
    CHECK(RawStatus(s.process.port, put + "Authorization: Bearer " + s.token["secretariat"] +
                                        "\r\nTransfer-Encoding: chunked\r\n\r\n") == 411);
    CHECK(RawStatus(s.process.port, put + "Content-Length: 1000\r\n\r\n") == 401);
    CHECK(RawStatus(s.process.port, put + "Authorization: Bearer not-a-token\r\nContent-Length: 1000\r\n\r\n") == 401);
    CHECK(RawStatus(s.process.port, put + "Authorization: Bearer " + s.token["revoked"] +
                                        "\r\nContent-Length: 1000\r\n\r\n") == 401);
    CHECK(RawStatus(s.process.port, "POST /api/restore?path=cluster.json&etag=x HTTP/1.1\r\nHost: x\r\n"
                                    "Content-Length: 1000\r\n\r\n") == 401);
    CHECK(RawStatus(s.process.port, "POST /api/whoami HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n") == 405);
    // Expect: 100-continue gets the refusal instead of "100 Continue".
    CHECK(RawStatus(s.process.port, put + "Expect: 100-continue\r\nContent-Length: 1000\r\n\r\n") == 401);
    CHECK(Seconds(t0) < 3.0);
    // A known writer's body is read as before.
    httplib::Client http("127.0.0.1", s.process.port);
    const auto sec = Auth(s, "secretariat");
    const std::string etag = http.Get("/data/meetings/m1.json", sec)->get_header_value("ETag");
    auto r = http.Put("/data/meetings/m1.json", With(sec, "If-Match", etag), "{\"id\":\"m1\",\"rev\":2}", kJson);
    REQUIRE(r);
    CHECK(r->status == 200);
    StopSyncServer(s);
}

TEST_CASE("restore refuses an unknown version and checks a kept one like any write")
{
    SyncServer s = StartSyncServer("restore");
    REQUIRE(s.process.pid > 0);
    httplib::Client http("127.0.0.1", s.process.port);
    const auto admin = Auth(s, "admin");
    const std::string before = ReadFileOr(s.data + "/cluster.json", "");
    const std::string etag = http.Get("/data/cluster.json", admin)->get_header_value("ETag");
    for (const std::string& bad : std::vector<std::string>{"%00", "", "x", "..", "%2e%2e", std::string(43, '.')})
    {
        CAPTURE(bad);
        auto r = http.Post("/api/restore?path=cluster.json&etag=" + bad, With(admin, "If-Match", etag), "", "");
        REQUIRE(r);
        CHECK(r->status == 404);
    }
    CHECK(ReadFileOr(s.data + "/cluster.json", "") == before);
    // A kept version that is not valid JSON (e.g. found on disk at start-up) is refused like a PUT of it.
    const std::string broken = "{\"id\": \"cluster.1\",";
    std::string bare = server::EtagOf(broken);
    bare = bare.substr(1, bare.size() - 2);
    WriteFileBytes(s.data + "/.thidua/history/cluster.json/" + bare + ".json", broken);
    auto r = http.Post("/api/restore?path=cluster.json&etag=" + bare, With(admin, "If-Match", etag), "", "");
    REQUIRE(r);
    CHECK(r->status == 422);
    CHECK(r->body.rfind("cluster.json: not valid JSON", 0) == 0);
    CHECK(ReadFileOr(s.data + "/cluster.json", "") == before);
    StopSyncServer(s);
}

TEST_CASE("smaller abuses: newer schema_version, 1e400, a byte-order mark, If-Match: * all get 4xx without leaks")
{
    SyncServer s = StartSyncServer("small");
    REQUIRE(s.process.pid > 0);
    httplib::Client http("127.0.0.1", s.process.port);
    const auto sec = Auth(s, "secretariat");
    const std::string path = "/data/meetings/m1.json";
    const std::string before = ReadFileOr(s.data + "/meetings/m1.json", "");
    const std::string etag = http.Get(path, sec)->get_header_value("ETag");
    struct Case
    {
        std::string body;
        int status;
        std::string starts;
    };
    const std::vector<Case> cases = {
        {"{\"id\":\"m1\",\"schema_version\":999}", 422, "meetings/m1.json:/schema_version: 999 is not a schema_version"},
        {"{\"id\":\"m1\",\"schema_version\":1.5}", 422, "meetings/m1.json:/schema_version: 1.5 is not"},
        {"{\"id\":\"m1\",\"rev\":1e400}", 422, "meetings/m1.json: not valid JSON"},
        {"\xEF\xBB\xBF{\"id\":\"m1\"}", 422, "meetings/m1.json: starts with a UTF-8 byte-order mark"},
    };
    for (const Case& c : cases)
    {
        CAPTURE(c.body);
        auto r = http.Put(path, With(sec, "If-Match", etag), c.body, kJson);
        REQUIRE(r);
        CHECK(r->status == c.status);
        CHECK(r->body.rfind(c.starts, 0) == 0);
        CHECK(!r->has_header("EXCEPTION_WHAT"));
    }
    auto r = http.Put(path, With(sec, "If-Match", "*"), "{\"id\":\"m1\",\"rev\":2}", kJson);
    REQUIRE(r);
    CHECK(r->status == 428);
    CHECK(r->body.find("If-Match: *") != std::string::npos);
    CHECK(ReadFileOr(s.data + "/meetings/m1.json", "") == before);
    StopSyncServer(s);
}

TEST_CASE("a data folder the server may not write answers 503 with a reason, and nothing changes")
{
    SyncServer s = StartSyncServer("readonly");
    REQUIRE(s.process.pid > 0);
    // Tests run as root, for whom permissions do not stop a write: the immutable attribute does.
    if (std::system(("chattr +i '" + s.data + "/meetings' 2>/dev/null").c_str()) != 0)
    {
        MESSAGE("chattr +i is not available here; skipped");
        StopSyncServer(s);
        return;
    }
    httplib::Client http("127.0.0.1", s.process.port);
    const auto sec = Auth(s, "secretariat");
    const std::string before = ReadFileOr(s.data + "/meetings/m1.json", "");
    const std::string etag = http.Get("/data/meetings/m1.json", sec)->get_header_value("ETag");
    auto r = http.Put("/data/meetings/m1.json", With(sec, "If-Match", etag), "{\"id\":\"m1\",\"rev\":2}", kJson);
    std::system(("chattr -i '" + s.data + "/meetings'").c_str());
    REQUIRE(r);
    CHECK(r->status == 503);
    CHECK(r->body.find("read-only for the server") != std::string::npos);
    CHECK(ReadFileOr(s.data + "/meetings/m1.json", "") == before);
    StopSyncServer(s);
}

TEST_CASE("a broken token file refuses every token and says so in the log, a deleted one revokes them all")
{
    SyncServer s = StartSyncServer("tokens");
    REQUIRE(s.process.pid > 0);
    StopServer(s.process, SIGTERM); // again, with its log in a file
    s.process = StartServer({"--web", s.root, "--data", s.data, "--tokens", s.tokens_file, "--check", "syntax"},
                            s.root + "/serve.log");
    REQUIRE(s.process.pid > 0);
    httplib::Client http("127.0.0.1", s.process.port);
    const auto sec = Auth(s, "secretariat");
    REQUIRE(http.Get("/api/whoami", sec)->status == 200);
    const std::string good = ReadFileOr(s.tokens_file, "");
    WriteFileBytes(s.tokens_file, good.substr(0, good.size() / 2)); // a hand edit gone wrong
    CHECK(http.Get("/api/whoami", sec)->status == 401);
    CHECK(http.Get("/data/cluster.json", Auth(s, "admin"))->status == 401);
    CHECK(ReadFileOr(s.process.log_path, "").find("every token is refused until the file is fixed") != std::string::npos);
    WriteFileBytes(s.tokens_file, good);
    CHECK(http.Get("/api/whoami", sec)->status == 200);
    std::filesystem::remove(s.tokens_file);
    CHECK(http.Get("/api/whoami", sec)->status == 401);
    CHECK(ReadFileOr(s.process.log_path, "").find("is gone: every token is refused") != std::string::npos);
    WriteFileBytes(s.tokens_file, good);
    CHECK(http.Get("/api/whoami", sec)->status == 200);
    StopSyncServer(s);
}

TEST_CASE("two valid writes sent together never make an invalid dataset (full checker)")
{
    const std::string root = MakeTempDir("race");
    const std::string data = root + "/data", tokens = root + "/tokens.json";
    const std::string secret = IssueToken(tokens, "secretariat", "Văn phòng Cụm");
    std::filesystem::copy(std::string(THIDUA_SOURCE_DIR) + "/assets/data/cum1", data, std::filesystem::copy_options::recursive);
    ServerProcess sp = StartServer({"--web", root, "--data", data, "--tokens", tokens});
    REQUIRE(sp.pid > 0);
    const httplib::Headers sec = {{"Authorization", "Bearer " + secret}};
    const std::string registry = "/data/registry/organizations.json";
    const std::string meeting = "/data/meetings/mtg.cum1.2026-12-16.tong-ket.json";
    httplib::Client http("127.0.0.1", sp.port);
    http.set_read_timeout(60, 0);
    auto get = [&](const std::string& path, std::string* etag) {
        auto r = http.Get(path, sec);
        REQUIRE(r);
        *etag = r->get_header_value("ETag");
        return json::parse(r->body);
    };
    std::string etag;
    const json without_x = get(registry, &etag);
    json with_x = without_x;
    json x = with_x["organizations"][0];
    x["id"] = "org.race.x";
    x["name"] = "Đơn vị thử";
    x["short_name"] = "Đơn vị thử";
    x.erase("predecessor_ids");
    x.erase("contact_details");
    with_x["organizations"].push_back(x);
    auto r = http.Put(registry, With(sec, "If-Match", etag), with_x.dump(2), kJson);
    REQUIRE(r);
    REQUIRE_MESSAGE(r->status == 200, r->body); // an organisation nothing refers to
    std::string meeting_etag;
    const json original_meeting = get(meeting, &meeting_etag);
    json naming_x = original_meeting;
    naming_x["meeting"]["participants"].push_back(
        {{"id", "part.race.x"}, {"name", "Đại diện"}, {"organization_id", "org.race.x"}, {"role_at_event", "host_guest"}});
    for (int round = 0; round < 3; ++round)
    {
        CAPTURE(round);
        std::string registry_etag;
        get(registry, &registry_etag);
        get(meeting, &meeting_etag);
        int remove_status = 0, name_status = 0;
        std::thread remove([&] {
            httplib::Client c("127.0.0.1", sp.port);
            c.set_read_timeout(60, 0);
            auto a = c.Put(registry, With(sec, "If-Match", registry_etag), without_x.dump(2), kJson);
            remove_status = a ? a->status : 0;
        });
        std::thread name([&] {
            httplib::Client c("127.0.0.1", sp.port);
            c.set_read_timeout(60, 0);
            auto b = c.Put(meeting, With(sec, "If-Match", meeting_etag), naming_x.dump(2), kJson);
            name_status = b ? b->status : 0;
        });
        remove.join();
        name.join();
        // One lands, the other is checked against it and refused.
        CHECK(((remove_status == 200 && name_status == 422) || (remove_status == 422 && name_status == 200)));
        CHECK(RunCli("check '" + data + "' >/dev/null 2>&1; echo $?") == "0");
        // Back to the start: X in the registry, the meeting without it.
        std::string e;
        if (remove_status == 200)
        {
            get(registry, &e);
            REQUIRE(http.Put(registry, With(sec, "If-Match", e), with_x.dump(2), kJson)->status == 200);
        }
        else
        {
            get(meeting, &e);
            REQUIRE(http.Put(meeting, With(sec, "If-Match", e), original_meeting.dump(2), kJson)->status == 200);
        }
    }
    StopServer(sp, SIGTERM);
    RemoveTree(root);
}

TEST_CASE("history keeps the newest --history-keep versions of a file, a token writes at most --writes-per-minute")
{
    SyncServer s = StartSyncServer("history", {"--history-keep", "3", "--writes-per-minute", "5"});
    REQUIRE(s.process.pid > 0);
    httplib::Client http("127.0.0.1", s.process.port);
    const auto sec = Auth(s, "secretariat");
    // The server counts per minute of the monotonic clock, which this process shares: start well inside a minute.
    const auto since_boot = std::chrono::steady_clock::now().time_since_epoch();
    const auto into_minute = since_boot - std::chrono::duration_cast<std::chrono::minutes>(since_boot);
    if (into_minute > std::chrono::seconds(50))
        std::this_thread::sleep_for(std::chrono::seconds(61) - into_minute);
    std::vector<std::string> etags;
    int refused = 0;
    for (int i = 0; i < 10; ++i)
    {
        const std::string etag = http.Get("/data/meetings/m1.json", sec)->get_header_value("ETag");
        auto r = http.Put("/data/meetings/m1.json", With(sec, "If-Match", etag),
                          "{\"id\":\"m1\",\"rev\":" + std::to_string(i + 2) + "}", kJson);
        REQUIRE(r);
        if (r->status == 429)
        {
            ++refused;
            CHECK(r->get_header_value("Retry-After") == "60");
            continue;
        }
        CHECK(r->status == 200);
        etags.push_back(r->get_header_value("ETag"));
    }
    CHECK(refused == 5); // 10 writes, 5 a minute
    REQUIRE(etags.size() == 5);
    size_t kept = 0;
    for (const auto& e : std::filesystem::directory_iterator(s.data + "/.thidua/history/meetings/m1.json"))
        kept += e.is_regular_file();
    CHECK(kept == 3);
    auto version = [&](const std::string& etag) {
        return http.Get("/api/version?path=meetings/m1.json&etag=" + etag.substr(1, etag.size() - 2), sec)->status;
    };
    CHECK(version(etags.back()) == 200);
    CHECK(version(etags.front()) == 404);
    // Another token has its own budget.
    const std::string etag = http.Get("/data/meetings/m1.json", sec)->get_header_value("ETag");
    CHECK(http.Put("/data/meetings/m1.json", With(Auth(s, "admin"), "If-Match", etag), "{\"id\":\"m1\"}", kJson)->status ==
          200);
    StopSyncServer(s);
}

TEST_CASE("a unit cannot raise its rank with an impossible percentage: 422 with the file and pointer (full checker)")
{
    const std::string root = MakeTempDir("percent");
    const std::string data = root + "/data", tokens = root + "/tokens.json";
    const std::string unit = IssueToken(tokens, "unit:org.sonnmt.27", "Sở NN&MT 27");
    std::filesystem::copy(std::string(THIDUA_SOURCE_DIR) + "/assets/data/cum1", data, std::filesystem::copy_options::recursive);
    ServerProcess sp = StartServer({"--web", root, "--data", data, "--tokens", tokens});
    REQUIRE(sp.pid > 0);
    const std::string rel = "years/2026/self/org.sonnmt.27.json";
    const httplib::Headers auth = {{"Authorization", "Bearer " + unit}};
    httplib::Client http("127.0.0.1", sp.port);
    auto g = http.Get("/data/" + rel, auth);
    REQUIRE(g);
    json doc = json::parse(g->body);
    const json score = {{"id", "score.2026.self.27.I.1"}, {"rev", 1}, {"criterion_id", "crit.cum1.2026.I.1"},
                        {"subject_org_id", "org.sonnmt.27"}, {"scorer_org_id", "org.sonnmt.27"}, {"stage", "self"},
                        {"value", 100000}};
    doc["scores"] = json::array({score});
    auto r = http.Put("/data/" + rel, With(auth, "If-Match", g->get_header_value("ETag")), doc.dump(2), kJson);
    REQUIRE(r);
    CHECK(r->status == 422);
    CHECK(r->body.rfind(rel + ":/scores/0/value: 100000 % is not possible", 0) == 0);
    doc["scores"][0]["value"] = 100;
    r = http.Put("/data/" + rel, With(auth, "If-Match", g->get_header_value("ETag")), doc.dump(2), kJson);
    REQUIRE(r);
    CHECK_MESSAGE(r->status == 200, r->body);
    StopServer(sp, SIGTERM);
    RemoveTree(root);
}
}
