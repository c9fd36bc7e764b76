// The stock engine: Apache httpd + mod_dav (config in tests/apache/httpd.conf.in), started stand-alone on a
// loopback port. Conditional writes, 412, the create race, and the same sync client with PROPFIND change detection.
#include "../server/fixture.h"

#include "core/sync/client.h"
#include "server/encoding.h"
#include "server/http_transport.h"

#include <doctest/doctest.h>

#include <arpa/inet.h>
#include <atomic>
#include <filesystem>
#include <map>
#include <set>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

using namespace testing;
using nlohmann::json;

namespace
{
const char* kApache = "/usr/sbin/apache2";

struct Apache
{
    std::string root, conf, run;
    int port = 0;
    bool running = false;
    Apache() = default;
    Apache(const Apache&) = delete;
    ~Apache(); // stops it even when a REQUIRE ends the test early
};

void StopApache(Apache& a)
{
    if (a.conf.empty())
        return;
    std::system((std::string(kApache) + " -f " + a.conf + " -k stop 2>/dev/null").c_str());
    for (int i = 0; i < 100 && std::filesystem::exists(a.run + "/httpd.pid"); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    RemoveTree(a.root);
    a.conf.clear();
}

Apache::~Apache()
{
    StopApache(*this);
}

int FreePort()
{
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
    close(fd);
    return ntohs(addr.sin_port);
}

void ChownTree(const std::string& path, uid_t uid, gid_t gid)
{
    namespace fs = std::filesystem;
    chown(path.c_str(), uid, gid);
    for (const auto& e : fs::recursive_directory_iterator(path))
        chown(e.path().c_str(), uid, gid);
}

// `extra` is written into the root before Apache starts (relative path -> bytes); `web` adds web.conf.in (the app
// served next to its data folder, precompressed copies chosen by Accept-Encoding).
void StartApache(const std::string& tag, Apache& a, const std::map<std::string, std::string>& extra = {},
                 bool web = false)
{
    a.root = MakeTempDir(tag);
    std::filesystem::permissions(a.root, std::filesystem::perms(0755)); // www-data must reach data/
    a.run = a.root + "/run";
    a.conf = a.root + "/httpd.conf";
    std::filesystem::create_directories(a.run);
    WriteFileBytes(a.root + "/data/meetings/m1.json", "{\"id\":\"m1\",\"rev\":1,\"title\":\"Họp\"}");
    WriteFileBytes(a.root + "/data/years/2025/self/org.a.json", SelfFile("org.a", 5));
    WriteFileBytes(a.root + "/data/cluster.json", "{\"id\":\"cluster.1\"}");
    std::filesystem::create_directories(a.root + "/data/years/2026/self"); // a WebDAV PUT needs its folder
    for (const auto& [rel, bytes] : extra)
        WriteFileBytes(a.root + "/" + rel, bytes);
    // As root, Apache's children run as www-data, which must own the data and the lock database.
    std::string user = "www-data";
    if (getuid() != 0)
        user = getpwuid(getuid())->pw_name;
    else if (const passwd* pw = getpwnam("www-data"))
    {
        ChownTree(a.root + "/data", pw->pw_uid, pw->pw_gid);
        ChownTree(a.run, pw->pw_uid, pw->pw_gid);
    }
    a.port = FreePort();
    std::string conf = ReadFileOr(std::string(THIDUA_SOURCE_DIR) + "/tests/apache/httpd.conf.in", "");
    if (web)
        conf += ReadFileOr(std::string(THIDUA_SOURCE_DIR) + "/tests/apache/web.conf.in", "");
    const std::pair<std::string, std::string> subst[] = {{"@PORT@", std::to_string(a.port)}, {"@ROOT@", a.root},
                                                         {"@RUN@", a.run}, {"@USER@", user}, {"@GROUP@", user}};
    for (const auto& [from, to] : subst)
        for (size_t p; (p = conf.find(from)) != std::string::npos;)
            conf.replace(p, from.size(), to);
    WriteFileBytes(a.conf, conf);
    if (std::system((std::string(kApache) + " -f " + a.conf + " -k start 2>>" + a.run + "/start.log").c_str()) != 0)
        return;
    for (int i = 0; i < 100 && !a.running; ++i) // up to 10 s
    {
        httplib::Client probe("127.0.0.1", a.port);
        auto r = probe.Get("/data/cluster.json");
        a.running = r && r->status == 200;
        if (!a.running)
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
}

datasync::Remote DavRemote()
{
    datasync::Remote r;
    r.backend = datasync::Backend::WebDav;
    return r;
}
} // namespace

TEST_SUITE("apache")
{
TEST_CASE("Apache mod_dav: strong ETags, 412 on a stale If-Match, blind PUT and DELETE refused, races have one winner")
{
    REQUIRE_MESSAGE(std::filesystem::exists(kApache), "apache2 is installed by scripts/setup");
    Apache a;
    StartApache("apache-cond", a);
    const std::string logs = ReadFileOr(a.run + "/error.log", "") + ReadFileOr(a.run + "/start.log", "");
    REQUIRE_MESSAGE(a.running, logs);
    httplib::Client http("127.0.0.1", a.port);
    const std::string file = a.root + "/data/meetings/m1.json";
    auto g = http.Get("/data/meetings/m1.json");
    REQUIRE(g);
    const std::string etag = g->get_header_value("ETag");
    CHECK(etag.rfind("W/", 0) == std::string::npos);
    CHECK(etag.size() == 30); // "base64(sha1)"
    CHECK(g->get_header_value("Cache-Control") == "no-cache");

    const std::string before = ReadFileOr(file, "");
    CHECK(http.Put("/data/meetings/m1.json", "{\"blind\":true}", "application/json")->status == 403);
    CHECK(http.Put("/data/meetings/m1.json", {{"If-Match", "\"stale\""}}, "{\"x\":1}", "application/json")->status ==
          412);
    CHECK(ReadFileOr(file, "") == before);
    // A same-size rewrite within the same second must still change the ETag (Digest, not mtime).
    auto p1 = http.Put("/data/meetings/m1.json", {{"If-Match", etag}}, "{\"id\":\"m1\",\"rev\":2,\"title\":\"A\"}",
                       "application/json");
    CHECK(p1->status == 204);
    const std::string etag2 = http.Get("/data/meetings/m1.json")->get_header_value("ETag");
    CHECK(http.Put("/data/meetings/m1.json", {{"If-Match", etag}}, "{\"id\":\"m1\",\"rev\":2,\"title\":\"B\"}",
                   "application/json")->status == 412);
    CHECK(http.Put("/data/meetings/m1.json", {{"If-Match", etag2}}, "{\"id\":\"m1\",\"rev\":3,\"title\":\"B\"}",
                   "application/json")->status == 204);
    CHECK(http.Delete("/data/meetings/m1.json")->status == 403);

    // Concurrent conditional writes: exactly one of two racing PUTs wins. Stock mod_dav checks the precondition
    // and writes without a lock; the config's single prefork worker serialises requests so this holds (with the
    // threaded event MPM both racers got 204 in 17 of 20 rounds: a silent lost update).
    const auto race = [&](const std::string& path, const std::string& header, const std::string& value, int win,
                          const std::string& key) {
        int status[2] = {0, 0};
        std::atomic<int> ready{0};
        std::thread t[2];
        for (int i = 0; i < 2; ++i)
            t[i] = std::thread([&, i] {
                httplib::Client c("127.0.0.1", a.port);
                ready++;
                while (ready < 2)
                    std::this_thread::yield();
                auto r = c.Put(path, {{header, value}}, "{\"" + key + "\":" + std::to_string(i) + "}", "application/json");
                status[i] = r ? r->status : 0;
            });
        t[0].join();
        t[1].join();
        CAPTURE(path);
        CAPTURE(status[0]);
        CAPTURE(status[1]);
        CHECK(((status[0] == win && status[1] == 412) || (status[0] == 412 && status[1] == win)));
        const int winner = status[0] == win ? 0 : 1;
        CHECK(ReadFileOr(a.root + path, "") == "{\"" + key + "\":" + std::to_string(winner) + "}");
    };
    for (int round = 0; round < 10; ++round)
    {
        const std::string path = "/data/meetings/race-" + std::to_string(round) + ".json";
        race(path, "If-None-Match", "*", 201, "created_by");
        race(path, "If-Match", http.Get(path)->get_header_value("ETag"), 204, "updated_by");
    }
    StopApache(a);
}

TEST_CASE("the sync client against Apache: PROPFIND finds what changed, merges and conflicts as with our server")
{
    REQUIRE(std::filesystem::exists(kApache));
    Apache a;
    StartApache("apache-sync", a);
    REQUIRE(a.running);
    server::HttpTransport ta("127.0.0.1", a.port), tb("127.0.0.1", a.port);
    const datasync::Remote remote = DavRemote();
    datasync::Client ca, cb;
    ca.device_id = "a";
    cb.device_id = "b";
    auto first = datasync::Sync(ca, ta, remote);
    REQUIRE(first.complete);
    CHECK(first.pulled.size() == 3);
    REQUIRE(datasync::Sync(cb, tb, remote).complete);

    auto idle = datasync::Sync(ca, ta, remote);
    CHECK(idle.requests == 1); // one PROPFIND, nothing fetched
    CHECK(idle.pulled.empty());

    std::string op;
    REQUIRE(datasync::EditFields(ca, "meetings/m1.json", "m1", {{"title", "Họp quý I"}}, &op).empty());
    REQUIRE(datasync::EditFields(cb, "meetings/m1.json", "m1", {{"place", "Hà Nội"}}, &op).empty());
    CHECK(datasync::Sync(ca, ta, remote).complete);
    auto rb = datasync::Sync(cb, tb, remote);
    CHECK(rb.complete);
    CHECK(rb.pulled == std::vector<std::string>{"meetings/m1.json"}); // only the changed file was fetched
    CHECK(rb.new_conflicts.empty());
    datasync::Sync(ca, ta, remote);
    const json doc = json::parse(ReadFileOr(a.root + "/data/meetings/m1.json", "null"));
    CHECK(doc["title"] == "Họp quý I");
    CHECK(doc["place"] == "Hà Nội");

    // Same field on both: the second writer gets 412, merges, and keeps a conflict with both values.
    REQUIRE(datasync::EditFields(ca, "meetings/m1.json", "m1", {{"title", "A"}}, &op).empty());
    REQUIRE(datasync::EditFields(cb, "meetings/m1.json", "m1", {{"title", "B"}}, &op).empty());
    CHECK(datasync::Sync(ca, ta, remote).complete);
    auto conflict = datasync::Sync(cb, tb, remote);
    REQUIRE(conflict.new_conflicts.size() == 1);
    CHECK(conflict.new_conflicts[0].ours == "B");
    CHECK(conflict.new_conflicts[0].theirs == "A");
    CHECK(json::parse(ReadFileOr(a.root + "/data/meetings/m1.json", "null"))["title"] == "A");

    // A new file, and convergence.
    REQUIRE(datasync::CreateFile(cb, "meetings/m2.json", {{"id", "m2"}, {"rev", 1}}, &op).empty());
    CHECK(datasync::Sync(cb, tb, remote).complete);
    datasync::Sync(ca, ta, remote);
    datasync::Sync(cb, tb, remote);
    CHECK(datasync::WorkingFiles(ca) == datasync::WorkingFiles(cb));
    CHECK(datasync::WorkingFiles(ca).at("meetings/m2.json") == ReadFileOr(a.root + "/data/meetings/m2.json", ""));
    StopApache(a);
}

TEST_CASE("two clients create the same file on Apache at once: nothing is lost silently")
{
    REQUIRE(std::filesystem::exists(kApache));
    Apache a;
    StartApache("apache-create", a);
    REQUIRE(a.running);
    const datasync::Remote remote = DavRemote();
    for (int round = 0; round < 8; ++round)
    {
        CAPTURE(round);
        const std::string path = "years/2026/self/org.a" + std::to_string(round) + ".json";
        std::vector<datasync::Client> clients(2);
        std::vector<std::string> ops(2);
        for (int i = 0; i < 2; ++i)
        {
            clients[i].device_id = "d" + std::to_string(i);
            server::HttpTransport t("127.0.0.1", a.port);
            REQUIRE(datasync::Sync(clients[i], t, remote).complete);
            REQUIRE(datasync::CreateFile(clients[i], path, {{"org_id", "org.a"}, {"by", i}}, &ops[i]).empty());
        }
        std::atomic<int> ready{0};
        std::thread t[2];
        for (int i = 0; i < 2; ++i)
            t[i] = std::thread([&, i] {
                server::HttpTransport tr("127.0.0.1", a.port);
                ready++;
                while (ready < 2)
                    std::this_thread::yield();
                datasync::Sync(clients[i], tr, remote);
            });
        t[0].join();
        t[1].join();
        for (int i = 0; i < 2; ++i)
        {
            server::HttpTransport tr("127.0.0.1", a.port);
            datasync::Sync(clients[i], tr, remote);
        }
        // One creation is in the file; the other is there too, or kept as a conflict on its device.
        const json on_server = json::parse(ReadFileOr(a.root + "/data/" + path, "null"));
        REQUIRE(on_server.is_object());
        int in_file = 0, kept = 0;
        for (int i = 0; i < 2; ++i)
        {
            in_file += on_server.value("by", -1) == i;
            for (const datasync::Conflict& k : clients[i].conflicts)
                kept += k.op_id == ops[i] && k.ours.value("by", -1) == i;
            CHECK(clients[i].outbox.empty());
        }
        CHECK(in_file == 1);
        CHECK(kept == 1);
    }
}

TEST_CASE("Apache serves the app's precompressed files: br, else gzip, else identity, each with its type, ETag and Vary")
{
    REQUIRE_MESSAGE(std::filesystem::exists(kApache), "apache2 is installed by scripts/setup");
    std::string wasm("\0asm\1\0\0\0", 8), js = "var Module;", html = "<!doctype html><title>Thi đua</title>";
    for (int i = 0; i < 3000; ++i)
        wasm += "f" + std::to_string(i % 41), js += "x" + std::to_string(i % 13) + "();", html += "<p>Thi đua</p>";
    std::map<std::string, std::string> files = {{"thidua.wasm", wasm}, {"thidua.js", js}, {"index.html", html}};
    std::map<std::string, std::string> extra = files;
    for (const auto& [name, bytes] : files)
    {
        std::string br, gz;
        REQUIRE(server::Compress("br", bytes, &br));
        REQUIRE(server::Compress("gzip", bytes, &gz));
        extra[name + ".br"] = br;
        extra[name + ".gz"] = gz;
    }
    std::string big = "{\"records\":[";
    for (int i = 0; i < 300; ++i)
        big += std::string(i ? "," : "") + "{\"id\":\"m" + std::to_string(i) + "\",\"rev\":1}";
    big += "]}";
    extra["data/meetings/big.json"] = big;
    Apache a;
    StartApache("apache-web", a, extra, true);
    const std::string logs = ReadFileOr(a.run + "/error.log", "") + ReadFileOr(a.run + "/start.log", "");
    REQUIRE_MESSAGE(a.running, logs);
    httplib::Client http("127.0.0.1", a.port);
    http.set_decompress(false);
    const std::map<std::string, std::string> types = {{"thidua.wasm", "application/wasm"},
                                                      {"thidua.js", "text/javascript"},
                                                      {"index.html", "text/html; charset=utf-8"}};
    for (const auto& [name, bytes] : files)
    {
        std::set<std::string> etags;
        for (const auto& [accept, coding] : std::vector<std::pair<std::string, std::string>>{
                 {"gzip, deflate, br", "br"}, {"gzip, deflate", "gzip"}, {"identity", ""}})
        {
            CAPTURE(name);
            CAPTURE(accept);
            auto r = http.Get("/" + name, {{"Accept-Encoding", accept}});
            REQUIRE(r);
            CHECK(r->status == 200);
            CHECK(r->get_header_value("Content-Encoding") == coding);
            const std::string type = types.at(name);
            CHECK(r->get_header_value("Content-Type").rfind(type.substr(0, type.find(';')), 0) == 0);
            CHECK(r->get_header_value("Vary").find("Accept-Encoding") != std::string::npos);
            CHECK(r->body == extra[coding.empty() ? name : name + (coding == "br" ? ".br" : ".gz")]);
            const std::string etag = r->get_header_value("ETag");
            etags.insert(etag);
            auto head = http.Head("/" + name, {{"Accept-Encoding", accept}});
            REQUIRE(head);
            CHECK(head->get_header_value("ETag") == etag);
            CHECK(head->get_header_value("Content-Length") == std::to_string(r->body.size()));
            CHECK(head->body.empty());
            auto again = http.Get("/" + name, {{"Accept-Encoding", accept}, {"If-None-Match", etag}});
            REQUIRE(again);
            CHECK(again->status == 304);
        }
        CHECK(etags.size() == 3); // a strong ETag per representation
    }
    // "/" is index.html, compressed too.
    auto root = http.Get("/", {{"Accept-Encoding", "br"}});
    REQUIRE(root);
    CHECK(root->get_header_value("Content-Encoding") == "br");
    CHECK(root->body == extra["index.html.br"]);

    // Data: compressed on the fly, the ETag stays the file's digest (the one If-Match names), 304 still works.
    auto plain = http.Get("/data/meetings/big.json", {{"Accept-Encoding", "identity"}});
    REQUIRE(plain);
    CHECK(plain->body == big);
    auto packed = http.Get("/data/meetings/big.json", {{"Accept-Encoding", "gzip"}});
    REQUIRE(packed);
    CHECK(packed->get_header_value("Content-Encoding") == "gzip");
    CHECK(packed->body.size() < big.size() / 4);
    CHECK(packed->get_header_value("ETag") == plain->get_header_value("ETag"));
    auto again = http.Get("/data/meetings/big.json",
                          {{"Accept-Encoding", "gzip"}, {"If-None-Match", plain->get_header_value("ETag")}});
    REQUIRE(again);
    CHECK(again->status == 304);
    // A write with that ETag is still accepted (mod_deflate left the ETag alone).
    auto put = http.Put("/data/meetings/big.json", {{"If-Match", plain->get_header_value("ETag")}}, big + " ",
                        "application/json");
    REQUIRE(put);
    CHECK(put->status == 204);
    // The server's own files are not served.
    CHECK(http.Get("/httpd.conf")->status == 403);
    CHECK(http.Get("/run/error.log")->status == 403);
}
}
