// The bucket store on a real Ceph RGW (tests/s3/rgw.sh; ctest's s3.store): two replicas on one bucket behave as
// one server, the lost-update race across replicas, the RGW 16.2 quirks the adapter covers (each test names its
// quirk), thidua migrate both ways, and clear errors for bad S3 settings. The server suites of thidua_tests also run
// on the bucket (ctest s3.sync_server, s3.sync_client, s3.hostile_clients, s3.serve).
#include "fixture.h"
#include "../sync/fault_proxy.h"

#include "core/sync/pack.h"
#include "server/location.h"
#include "server/s3.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <thread>
#include <unistd.h>

using namespace testing;
using nlohmann::json;
namespace s3 = server::s3;

namespace
{
const char* kJson = "application/json";
const char* kBucket = "thidua-tests";

s3::Options Keys()
{
    s3::Options o;
    o.endpoint = S3EndpointForTests();
    s3::LoadCredentials(&o);
    return o;
}

// The bucket the tests use, created when missing.
void NeedBucket()
{
    REQUIRE_MESSAGE(S3Mode(), "run through ctest (s3.store), or set THIDUA_TEST_S3 to tests/s3/rgw.sh's env file");
    server::Location at;
    server::StoreOptions options;
    options.s3_endpoint = S3EndpointForTests();
    REQUIRE(server::OpenLocation(std::string("s3://") + kBucket + "/x", options, &at) == "");
    bool created = false;
    REQUIRE(server::MakeLocation(at, &created) == "");
}

std::string UniqueKey(const std::string& name)
{
    static std::atomic<int> n{0};
    return "quirks/" + std::to_string(getpid()) + "-" + std::to_string(++n) + "/" + name;
}

// A request with the curl command-line tool (signed by curl's own SigV4), for headers the adapter never sends.
int CurlStatus(const std::string& method, const std::string& key, const std::string& header, const std::string& body)
{
    const std::string file = MakeTempDir("curl") + "/body";
    WriteFileBytes(file, body);
    const s3::Options o = Keys();
    const std::string cmd = "curl -s -o /dev/null -w '%{http_code}' --aws-sigv4 'aws:amz:us-east-1:s3' --user '" +
                            o.access_key + ":" + o.secret_key + "' -H 'x-amz-content-sha256: UNSIGNED-PAYLOAD' -H '" +
                            header + "' -X " + method + " --data-binary @" + file + " '" + o.endpoint + "/" + kBucket +
                            "/" + key + "'";
    FILE* f = popen(cmd.c_str(), "r");
    char buf[16] = {};
    const size_t n = f ? fread(buf, 1, sizeof buf - 1, f) : 0;
    if (f)
        pclose(f);
    RemoveTree(std::filesystem::path(file).parent_path().string());
    return std::atoi(std::string(buf, n).c_str());
}

// Runs a shell command line and returns its output with "rc=<exit code>" appended.
std::string Shell(const std::string& cmd)
{
    FILE* f = popen((cmd + " 2>&1; echo rc=$?").c_str(), "r");
    std::string out;
    char buf[512];
    size_t n;
    while (f && (n = fread(buf, 1, sizeof buf, f)) > 0)
        out.append(buf, n);
    if (f)
        pclose(f);
    return out;
}

std::string Cli()
{
    return std::string("'") + THIDUA_CLI + "'";
}
} // namespace

TEST_SUITE("s3 store")
{
TEST_CASE("RGW 16.2 quirk 'quoted If-Match': RGW refuses the tag as the ETag header gives it; the adapter sends it bare")
{
    NeedBucket();
    const s3::Options o = Keys();
    const std::string key = UniqueKey("quoted.json");
    const s3::Response first = s3::Put(o, kBucket, key, "{\"v\":1}");
    REQUIRE(first.status == 200);
    REQUIRE(first.etag.size() == 34); // "<32 hex digits of MD5>"
    CHECK(first.etag.front() == '"');
    // The quirk: the current tag, quoted as HTTP wants it, is refused (fixed upstream after 16.2).
    CHECK(CurlStatus("PUT", key, "If-Match: " + first.etag, "{\"v\":2}") == 412);
    CHECK(s3::Get(o, kBucket, key).body == "{\"v\":1}");
    // The adapter: the same quoted tag goes through (it takes the quotes off), a stale one still fails.
    const s3::Response second = s3::Put(o, kBucket, key, "{\"v\":3}", {false, first.etag});
    CHECK(second.status == 200);
    CHECK(s3::Put(o, kBucket, key, "{\"v\":4}", {false, first.etag}).status == 412);
    CHECK(s3::Get(o, kBucket, key).body == "{\"v\":3}");
}

TEST_CASE("RGW 16.2 quirk 'If-Match compared as a prefix': RGW takes <etag>ff; the server compares the client's tag exactly")
{
    NeedBucket();
    const s3::Options o = Keys();
    const std::string key = UniqueKey("prefix.json");
    const s3::Response first = s3::Put(o, kBucket, key, "{\"v\":1}");
    REQUIRE(first.status == 200);
    const std::string bare = first.etag.substr(1, first.etag.size() - 2);
    CHECK(CurlStatus("PUT", key, "If-Match: " + bare + "ff", "{\"v\":2}") == 200); // the quirk

    // Through the server: a longer or a shorter tag than the current one is stale, and nothing is written.
    SyncServer s = StartSyncServer("s3-prefix");
    REQUIRE(s.process.pid > 0);
    REQUIRE(s.process.banner.find("s3://") != std::string::npos);
    httplib::Client http("127.0.0.1", s.process.port);
    const auto sec = Auth(s, "secretariat");
    const std::string etag = http.Get("/data/meetings/m1.json", sec)->get_header_value("ETag");
    const std::string before = ReadFileOr(s.data + "/meetings/m1.json", "");
    const std::string longer = etag.substr(0, etag.size() - 1) + "ff\"";
    const std::string shorter = etag.substr(0, etag.size() - 3) + "\"";
    for (const std::string& tag : {longer, shorter})
    {
        auto r = http.Put("/data/meetings/m1.json", With(sec, "If-Match", tag), "{\"id\":\"m1\",\"rev\":9}", kJson);
        REQUIRE(r);
        CHECK(r->status == 412);
        CHECK(r->get_header_value("ETag") == etag);
    }
    CHECK(ReadFileOr(s.data + "/meetings/m1.json", "") == before);
    StopSyncServer(s);
}

TEST_CASE("RGW 16.2 quirk '500 on a lost race': of 16 conditional PUTs one wins, the others get 412 or 500")
{
    NeedBucket();
    const s3::Options o = Keys();
    const std::string key = UniqueKey("race.json");
    std::string etag = s3::Put(o, kBucket, key, "{\"round\":0}").etag;
    int five_hundreds = 0, rounds = 0;
    for (; rounds < 12; ++rounds)
    {
        int status[16] = {};
        std::atomic<int> ready{0};
        std::vector<std::thread> writers;
        for (int i = 0; i < 16; ++i)
            writers.emplace_back([&, i] {
                ready++;
                while (ready < 16)
                    std::this_thread::yield();
                status[i] = s3::Put(o, kBucket, key, "{\"round\":" + std::to_string(rounds) + ",\"w\":" +
                                                         std::to_string(i) + "}", {false, etag}).status;
            });
        for (std::thread& t : writers)
            t.join();
        int won = 0, lost = 0;
        for (int st : status)
        {
            won += st == 200;
            lost += st == 412 || st == 500;
            five_hundreds += st == 500;
        }
        CAPTURE(rounds);
        CHECK(won == 1);
        CHECK(lost == 15);
        etag = s3::Head(o, kBucket, key).etag;
    }
    // The quirk itself (162 of 180 losers on this machine); the store turns it into a 412 (next test).
    CHECK(five_hundreds > 0);
    MESSAGE("RGW answered 500 to " << five_hundreds << " of " << rounds * 15 << " losing conditional PUTs");
}

TEST_CASE("two replicas on one bucket, 16 racing writers on one file, 8 rounds: one wins, 15 get 412, nothing acknowledged is lost")
{
    NeedBucket();
    SyncServer a = StartSyncServer("s3-replicas");
    REQUIRE(a.process.pid > 0);
    REQUIRE(a.process.banner.find("s3://") != std::string::npos);
    // The second replica: the same bucket prefix (the fixture maps the data folder to it), its own log.
    ServerProcess b = StartServer({"--web", a.root, "--data", a.data, "--tokens", a.tokens_file, "--check", "syntax"},
                                  a.root + "/replica-b.log");
    REQUIRE(b.pid > 0);
    REQUIRE(b.banner.find(BucketFor(a.data)) != std::string::npos);
    const int ports[2] = {a.process.port, b.port};
    const auto sec = Auth(a, "secretariat");
    const std::string path = "/data/meetings/m1.json";
    struct Win
    {
        std::string etag, body, op;
    };
    std::vector<Win> wins;
    std::string etag = httplib::Client("127.0.0.1", ports[1]).Get(path, sec)->get_header_value("ETag");
    const std::string first_etag = etag;
    for (int round = 0; round < 8; ++round)
    {
        int status[16] = {};
        std::string got_etag[16];
        std::atomic<int> ready{0};
        std::vector<std::thread> writers;
        for (int i = 0; i < 16; ++i)
            writers.emplace_back([&, i] {
                httplib::Client http("127.0.0.1", ports[i % 2]);
                const std::string body = "{\"id\":\"m1\",\"round\":" + std::to_string(round) + ",\"writer\":" +
                                         std::to_string(i) + "}";
                const std::string op = "r" + std::to_string(round) + "-w" + std::to_string(i);
                ready++;
                while (ready < 16)
                    std::this_thread::yield();
                auto r = http.Put(path, With(With(sec, "If-Match", etag), "Thidua-Op-Ids", op), body, kJson);
                status[i] = r ? r->status : 0;
                got_etag[i] = r ? r->get_header_value("ETag") : "";
            });
        for (std::thread& t : writers)
            t.join();
        int winner = -1, lost = 0;
        for (int i = 0; i < 16; ++i)
        {
            CAPTURE(round);
            CAPTURE(i);
            CHECK((status[i] == 200 || status[i] == 412));
            if (status[i] == 200)
                winner = winner == -1 ? i : 99;
            lost += status[i] == 412;
        }
        REQUIRE(winner >= 0);
        REQUIRE(winner < 16); // exactly one
        CHECK(lost == 15);
        const std::string body = "{\"id\":\"m1\",\"round\":" + std::to_string(round) + ",\"writer\":" +
                                 std::to_string(winner) + "}";
        // The object in the bucket and both replicas give the winner's bytes and ETag.
        CHECK(ReadFileOr(a.data + "/meetings/m1.json", "") == body);
        for (int port : ports)
        {
            auto g = httplib::Client("127.0.0.1", port).Get(path, sec);
            CHECK(g->body == body);
            CHECK(g->get_header_value("ETag") == got_etag[winner]);
        }
        for (int i = 0; i < 16; ++i)
            if (status[i] == 412)
                CHECK(got_etag[i] == got_etag[winner]); // each loser learns the winning version
        wins.push_back({got_etag[winner], body, "r" + std::to_string(round) + "-w" + std::to_string(winner)});
        etag = got_etag[winner];
    }
    // The audit (read through either replica) has exactly the acknowledged writes, in order, as one chain.
    for (int port : ports)
    {
        auto h = httplib::Client("127.0.0.1", port).Get("/api/history?path=meetings/m1.json", sec);
        REQUIRE(h->status == 200);
        const json versions = json::parse(h->body)["versions"];
        REQUIRE(versions.size() == wins.size() + 1);
        CHECK(versions[0]["action"] == "found");
        std::string prev = first_etag;
        for (size_t i = 0; i < wins.size(); ++i)
        {
            const json& v = versions[i + 1];
            CHECK(v["old_etag"] == prev);
            CHECK(v["new_etag"] == wins[i].etag);
            CHECK(v["op_ids"] == json::array({wins[i].op}));
            CHECK(v["gen"] > versions[i]["gen"]);
            prev = wins[i].etag;
            // Every acknowledged version is kept and readable.
            const std::string bare = wins[i].etag.substr(1, wins[i].etag.size() - 2);
            auto kept = httplib::Client("127.0.0.1", port).Get("/api/version?path=meetings/m1.json&etag=" + bare, sec);
            REQUIRE(kept->status == 200);
            CHECK(kept->body == wins[i].body);
        }
    }
    // History holds the first version and the winners, no loser's bytes (a loser takes back the copy it kept).
    server::Location at;
    server::StoreOptions options;
    options.s3_endpoint = S3EndpointForTests();
    REQUIRE(server::OpenLocation(BucketFor(a.data), options, &at) == "");
    std::vector<std::string> keys;
    REQUIRE(server::ListKeys(at, &keys) == "");
    size_t kept = 0;
    for (const std::string& k : keys)
        kept += k.rfind(".thidua/history/meetings/m1.json/", 0) == 0;
    CHECK(kept == wins.size() + 1);
    // RGW's 500s on lost races, as the replicas logged them (each answered 412 to its client above).
    size_t logged = 0;
    const std::string log = ReadFileOr(a.root + "/replica-b.log", "");
    for (size_t at_pos = 0; (at_pos = log.find("S3 answered 500", at_pos)) != std::string::npos; ++at_pos)
        ++logged;
    MESSAGE("replica B turned " << logged << " of RGW's 500 answers into 412");
    StopServer(b, SIGTERM);
    StopSyncServer(a);
}

TEST_CASE("two replicas answer as one: a write on one is in the other's delta manifest, 304s, snapshot, history and restore")
{
    NeedBucket();
    SyncServer a = StartSyncServer("s3-as-one");
    REQUIRE(a.process.pid > 0);
    ServerProcess b = StartServer({"--web", a.root, "--data", a.data, "--tokens", a.tokens_file, "--check", "syntax"});
    REQUIRE(b.pid > 0);
    httplib::Client ha("127.0.0.1", a.process.port), hb("127.0.0.1", b.port);
    const auto v = Auth(a, "viewer");
    const auto sec = Auth(a, "secretariat");
    auto ma = ha.Get("/api/manifest", v);
    auto mb = hb.Get("/api/manifest", v);
    REQUIRE(ma->status == 200);
    REQUIRE(mb->status == 200);
    CHECK(ma->body == mb->body);
    CHECK(ma->get_header_value("ETag") == mb->get_header_value("ETag"));
    const json m = json::parse(ma->body);
    const std::string query = "/api/manifest?since=" + std::to_string(m["generation"].get<int64_t>()) +
                              "&epoch=" + m["epoch"].get<std::string>();
    CHECK(hb.Get(query, With(v, "If-None-Match", ma->get_header_value("ETag")))->status == 304);

    const std::string old_etag = m["files"]["meetings/m1.json"]["etag"];
    auto w = ha.Put("/data/meetings/m1.json", With(sec, "If-Match", old_etag), "{\"id\":\"m1\",\"rev\":2}", kJson);
    REQUIRE(w->status == 200);
    auto d = hb.Get(query, With(v, "If-None-Match", ma->get_header_value("ETag")));
    REQUIRE(d->status == 200);
    const json delta = json::parse(d->body);
    CHECK(delta["full"] == false);
    CHECK(delta["generation"] == m["generation"].get<int64_t>() + 1);
    CHECK(delta["files"].size() == 1);
    CHECK(delta["files"]["meetings/m1.json"]["etag"] == w->get_header_value("ETag"));
    auto snap = hb.Get("/api/snapshot", sec);
    REQUIRE(snap->status == 200);
    datasync::Snapshot snapshot;
    REQUIRE(datasync::ReadSnapshot(snap->body, &snapshot));
    CHECK(snapshot.files["meetings/m1.json"].bytes == "{\"id\":\"m1\",\"rev\":2}");
    // Restore through B the version A replaced; A's audit shows it.
    const std::string bare = old_etag.substr(1, old_etag.size() - 2);
    auto r = hb.Post("/api/restore?path=meetings/m1.json&etag=" + bare,
                     With(Auth(a, "admin"), "If-Match", w->get_header_value("ETag")), "", "text/plain");
    REQUIRE(r->status == 200);
    CHECK(r->get_header_value("ETag") == old_etag);
    auto audit = ha.Get("/api/audit", Auth(a, "admin"));
    REQUIRE(audit->status == 200);
    CHECK(json::parse(audit->body).back()["action"] == "restore");
    CHECK(ha.Get("/data/meetings/m1.json", v)->get_header_value("ETag") == old_etag);
    // A replica started later on the same bucket finds nothing new to record.
    ServerProcess c = StartServer({"--web", a.root, "--data", a.data, "--tokens", a.tokens_file, "--check", "syntax"});
    REQUIRE(c.pid > 0);
    auto ac = httplib::Client("127.0.0.1", c.port).Get("/api/audit", Auth(a, "admin"));
    CHECK(json::parse(ac->body).size() == json::parse(audit->body).size());
    StopServer(c, SIGTERM);
    StopServer(b, SIGTERM);
    StopSyncServer(a);
}

TEST_CASE("the store unreachable: the manifest, reads and writes get 503 with the reason, the server keeps running")
{
    NeedBucket();
    SyncServer a = StartSyncServer("s3-unreachable");
    REQUIRE(a.process.pid > 0);
    const std::string location = BucketFor(a.data);
    const int rgw_port = std::atoi(S3EndpointForTests().substr(S3EndpointForTests().rfind(':') + 1).c_str());
    auto proxy = StartProxy(rgw_port, 7);
    REQUIRE(proxy);
    ServerProcess b = StartServer({"--web", a.root, "--store", location, "--s3-endpoint",
                                   "http://127.0.0.1:" + std::to_string(proxy->port), "--tokens", a.tokens_file,
                                   "--check", "syntax"}, a.root + "/serve.log");
    REQUIRE(b.pid > 0);
    httplib::Client http("127.0.0.1", b.port);
    http.set_read_timeout(30, 0);
    const auto sec = Auth(a, "secretariat");
    const std::string etag = http.Get("/data/meetings/m1.json", sec)->get_header_value("ETag");
    REQUIRE(!etag.empty());
    StopProxy(*proxy);
    for (const char* p : {"/api/manifest", "/api/snapshot", "/data/meetings/m1.json"})
    {
        auto r = http.Get(p, sec);
        INFO(ReadFileOr(a.root + "/serve.log", ""));
        REQUIRE(r);
        CAPTURE(p);
        CHECK(r->status == 503);
        CHECK(r->body.find("cannot reach the S3 endpoint") != std::string::npos);
    }
    auto w = http.Put("/data/meetings/m1.json", With(sec, "If-Match", etag), "{\"id\":\"m1\",\"rev\":5}", kJson);
    REQUIRE(w);
    CHECK(w->status == 503);
    CHECK(http.Get("/api/whoami", sec)->status == 200);
    CHECK(ReadFileOr(a.data + "/meetings/m1.json", "") != "{\"id\":\"m1\",\"rev\":5}");
    StopServer(b, SIGTERM);
    StopSyncServer(a);
}

TEST_CASE("bad S3 settings get a clear message and an exit code, never a crash")
{
    NeedBucket();
    const std::string endpoint = S3EndpointForTests();
    const std::string tokens = MakeTempDir("s3-bad") + "/tokens.json";
    IssueToken(tokens, "admin", "a");
    const std::string serve = "timeout 30 " + Cli() + " serve --port 0 --tokens " + tokens + " --store ";
    std::string out = Shell("env -u AWS_ENDPOINT_URL -u AWS_ENDPOINT_URL_S3 " + serve + "s3://" + kBucket + "/x");
    CHECK(out.find("needs --s3-endpoint URL") != std::string::npos);
    CHECK(out.find("rc=2") != std::string::npos);
    out = Shell("env -u AWS_ACCESS_KEY_ID -u AWS_SECRET_ACCESS_KEY AWS_SHARED_CREDENTIALS_FILE=/nonexistent " + serve +
                "s3://" + kBucket + "/x --s3-endpoint " + endpoint);
    CHECK(out.find("no S3 keys: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY") != std::string::npos);
    CHECK(out.find("rc=1") != std::string::npos);
    out = Shell(serve + "s3://" + kBucket + "/x --s3-endpoint http://127.0.0.1:1");
    CHECK(out.find("cannot reach the S3 endpoint http://127.0.0.1:1") != std::string::npos);
    CHECK(out.find("rc=1") != std::string::npos);
    out = Shell(serve + "s3://no-such-bucket-here/x --s3-endpoint " + endpoint);
    CHECK(out.find("the bucket 'no-such-bucket-here' does not exist") != std::string::npos);
    CHECK(out.find("rc=1") != std::string::npos);
    out = Shell("AWS_SECRET_ACCESS_KEY=wrong " + serve + "s3://" + kBucket + "/x --s3-endpoint " + endpoint);
    CHECK(out.find("refused the keys") != std::string::npos);
    CHECK(out.find("rc=1") != std::string::npos);
    // The credentials file works instead of the environment.
    const std::string creds = MakeTempDir("s3-creds") + "/credentials";
    const s3::Options o = Keys();
    WriteFileBytes(creds, "[default]\naws_access_key_id = " + o.access_key + "\naws_secret_access_key = " +
                              o.secret_key + "\n");
    out = Shell("env -u AWS_ACCESS_KEY_ID -u AWS_SECRET_ACCESS_KEY AWS_SHARED_CREDENTIALS_FILE=" + creds + " " + Cli() +
                " migrate " + THIDUA_SAMPLE_DATA_DIR + " s3://" + kBucket + "/" + UniqueKey("creds") +
                " --s3-endpoint " + endpoint);
    CHECK(out.find("read back and compared") != std::string::npos);
    CHECK(out.find("rc=0") != std::string::npos);
    out = Shell(Cli() + " migrate " + THIDUA_SAMPLE_DATA_DIR + " s3://" + kBucket + "/x --s3-endpoint http://127.0.0.1:1");
    CHECK(out.find("cannot reach") != std::string::npos);
    CHECK(out.find("rc=1") != std::string::npos);
    out = Shell(Cli() + " migrate /nonexistent-folder s3://" + kBucket + "/y --s3-endpoint " + endpoint);
    CHECK(out.find("folder not found: /nonexistent-folder") != std::string::npos);
    CHECK(out.find("rc=1") != std::string::npos);
}

TEST_CASE("thidua migrate: the sample to a bucket and back, with history and audit; check reads the bucket")
{
    NeedBucket();
    const std::string endpoint = S3EndpointForTests();
    const std::string location = std::string("s3://") + kBucket + "/" + UniqueKey("sample");
    std::string out = Shell(Cli() + " migrate " + THIDUA_SAMPLE_DATA_DIR + " " + location + " --s3-endpoint " + endpoint);
    REQUIRE(out.find("rc=0") != std::string::npos);
    // A server on the bucket records the files it found and a write; then everything comes back to a folder.
    const std::string root = MakeTempDir("s3-migrate");
    IssueToken(root + "/tokens.json", "secretariat", "s");
    const std::string secret = IssueToken(root + "/tokens.json", "admin", "a");
    ServerProcess s = StartServer({"--web", root, "--store", location, "--s3-endpoint", endpoint, "--tokens",
                                   root + "/tokens.json"});
    REQUIRE(s.pid > 0);
    httplib::Client http("127.0.0.1", s.port);
    const httplib::Headers admin = {{"Authorization", "Bearer " + secret}};
    auto audit = http.Get("/api/audit", admin);
    REQUIRE(audit->status == 200);
    const size_t entries = json::parse(audit->body).size();
    CHECK(entries > 50); // one "found" per sample file
    StopServer(s, SIGTERM);
    out = Shell(Cli() + " check " + location + " --s3-endpoint " + endpoint);
    CHECK(out.find("0 error(s)") != std::string::npos);
    CHECK(out.find("rc=0") != std::string::npos);
    out = Shell(Cli() + " migrate " + location + " " + root + "/back --s3-endpoint " + endpoint);
    REQUIRE(out.find("rc=0") != std::string::npos);
    CHECK(out.find(std::to_string(entries) + " audit entries") != std::string::npos);
    const auto sample = SnapshotTree(THIDUA_SAMPLE_DATA_DIR, true);
    const auto back = SnapshotTree(root + "/back", true);
    CHECK(back == sample);
    CHECK(ReadFileOr(root + "/back/.thidua/audit.log", "").find("\"found\"") != std::string::npos);
    // The folder works as a server's data folder: nothing new is found there.
    ServerProcess f = StartServer({"--web", root, "--data", root + "/back", "--tokens", root + "/tokens.json"}, "",
                                  false);
    REQUIRE(f.pid > 0);
    auto again = httplib::Client("127.0.0.1", f.port).Get("/api/audit", admin);
    CHECK(json::parse(again->body).size() == entries);
    StopServer(f, SIGTERM);
    RemoveTree(root);
}
}

TEST_SUITE("s3 store")
{
TEST_CASE("the sample deployment in a bucket: thidua migrate assets/data s3://..., check, and every cluster served from it")
{
    NeedBucket();
    const std::string endpoint = S3EndpointForTests();
    const std::string deployment = std::string(THIDUA_SOURCE_DIR) + "/assets/data";
    const std::string location = std::string("s3://") + kBucket + "/" + UniqueKey("demo");
    std::string out = Shell(Cli() + " migrate " + deployment + " " + location + " --s3-endpoint " + endpoint);
    REQUIRE(out.find("rc=0") != std::string::npos);
    CHECK(out.find("its 5 clusters") != std::string::npos);
    out = Shell(Cli() + " check " + location + " --s3-endpoint " + endpoint);
    CHECK(out.find(" 0 error(s)") != std::string::npos);
    CHECK(out.find("rc=0") != std::string::npos);
    // A second copy into the same place is refused: migrate never merges two deployments.
    out = Shell(Cli() + " migrate " + deployment + " " + location + " --s3-endpoint " + endpoint);
    CHECK(out.find("already holds a deployment") != std::string::npos);
    CHECK(out.find("rc=1") != std::string::npos);

    const std::string root = MakeTempDir("s3-deployment");
    const std::string tokens = root + "/tokens.json";
    const std::string unit = RunCli("token issue --role unit:org.sotnmt.01 --cluster cum1 --name u --tokens " + tokens +
                                    " 2>/dev/null");
    const std::string ministry = RunCli("token issue --role ministry --name m --tokens " + tokens + " 2>/dev/null");
    ServerProcess s = StartServer({"--web", root, "--store", location, "--s3-endpoint", endpoint, "--tokens", tokens});
    REQUIRE(s.pid > 0);
    httplib::Client http("127.0.0.1", s.port);
    const httplib::Headers as_unit = {{"Authorization", "Bearer " + unit}};
    const httplib::Headers as_ministry = {{"Authorization", "Bearer " + ministry}};
    for (const std::string id : {"cum1", "cum2", "cum3", "khoi1", "khoi2"})
    {
        CAPTURE(id);
        auto r = http.Get("/c/" + id + "/data/cluster.json", as_ministry);
        REQUIRE(r);
        CHECK(r->status == 200);
        CHECK(r->body == ReadFileOr(deployment + "/" + id + "/cluster.json", "-"));
    }
    auto table = http.Get("/api/ministry?year=2024", as_ministry);
    REQUIRE(table);
    CHECK(table->status == 200);
    // A unit of Cluster I writes nothing in Cluster II: refused, and the bucket's object is unchanged.
    auto before = http.Get("/c/cum2/data/cluster.json", as_ministry);
    REQUIRE(before);
    auto put = http.Put("/c/cum2/data/cluster.json",
                        {{"Authorization", "Bearer " + unit}, {"If-Match", before->get_header_value("ETag")}},
                        before->body, kJson);
    REQUIRE(put);
    CHECK(put->status == 403);
    server::Location at;
    server::StoreOptions options;
    options.s3_endpoint = endpoint;
    REQUIRE(server::OpenLocation(location, options, &at) == "");
    std::string bytes;
    CHECK(server::ReadKey(at, "cum2/cluster.json", &bytes) == "");
    CHECK(bytes == ReadFileOr(deployment + "/cum2/cluster.json", "-"));
    CHECK(http.Get("/c/cum2/data/cluster.json", as_unit)->status == 403);
    StopServer(s, SIGTERM);
    RemoveTree(root);
}

TEST_CASE("one location string opens either store: <root>/<cluster> with OpenStore, ReadObjectAt, ListSubLocations")
{
    NeedBucket();
    server::StoreOptions options;
    options.s3_endpoint = S3EndpointForTests();
    const std::string folder_root = MakeTempDir("s3-roots");
    const std::string bucket_root = std::string("s3://") + kBucket + "/" + UniqueKey("deployment");
    for (const std::string& root : {folder_root, bucket_root})
    {
        CAPTURE(root);
        std::string out = Shell(Cli() + " migrate " + THIDUA_SAMPLE_DATA_DIR + " " + root + "/cum1 --s3-endpoint " +
                                options.s3_endpoint);
        REQUIRE(out.find("rc=0") != std::string::npos);
        server::Location at;
        REQUIRE(server::OpenLocation(root, options, &at) == "");
        REQUIRE(server::WriteKey(at, "deployment.json", "{\"clusters\":[\"cum1\"]}") == "");
        std::string bytes;
        bool found = false;
        CHECK(server::ReadObjectAt(root, options, "deployment.json", &bytes, &found) == "");
        CHECK(found);
        CHECK(bytes == "{\"clusters\":[\"cum1\"]}");
        CHECK(server::ReadObjectAt(root, options, "missing.json", &bytes, &found) == "");
        CHECK(!found);
        std::vector<std::string> names;
        CHECK(server::ListSubLocations(root, options, &names) == "");
        CHECK(names == std::vector<std::string>{"cum1"});
        server::Store store;
        REQUIRE(server::OpenStore(root + "/cum1", false, &store, options) == "");
        const server::Listing now = server::CurrentFiles(store);
        CHECK(now.error == "");
        size_t sample_files = 0;
        for (const auto& [rel, content] : SnapshotTree(THIDUA_SAMPLE_DATA_DIR, true))
            sample_files += content != "<dir>";
        CHECK(now.files.size() == sample_files);
        std::string cluster;
        CHECK(server::ReadDataFile(store, "cluster.json", &cluster));
        CHECK(cluster == ReadFileOr(std::string(THIDUA_SAMPLE_DATA_DIR) + "/cluster.json", ""));
    }
    // synth writes a bucket as it writes a folder, and check reads it back.
    const std::string synth = std::string("s3://") + kBucket + "/" + UniqueKey("synth");
    std::string out = Shell(Cli() + " synth --members 3 --criteria 4 --years 1 --seed 2 --s3-endpoint " +
                            options.s3_endpoint + " " + synth);
    CHECK(out.find("rc=0") != std::string::npos);
    out = Shell(Cli() + " check --s3-endpoint " + options.s3_endpoint + " " + synth);
    CHECK(out.find(" 0 error(s)") != std::string::npos);
    CHECK(out.find("rc=0") != std::string::npos);
    RemoveTree(folder_root);
}
}
