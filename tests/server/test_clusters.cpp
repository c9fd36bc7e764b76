// A deployment of several clusters (issue #14) through the real `thidua serve`: every role x every cluster x read
// and write, with the files on disk compared after each attempt (nothing written where it must not be), the start
// page's list per token, the ministry's table, and hostile addresses.
#include "fixture.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "server/store.h"

#include <filesystem>
#include <set>

using namespace testing;
using nlohmann::json;
namespace fs = std::filesystem;

namespace
{
struct Deployment
{
    std::string root, data, tokens;
};

// cum1 (the sample) and cum2 (invented), with an index listing both.
Deployment MakeDeployment(const std::string& tag)
{
    Deployment d;
    d.root = MakeTempDir(tag);
    d.data = d.root + "/data";
    d.tokens = d.root + "/tokens.json";
    fs::create_directories(d.data);
    for (const char* id : {"cum1", "cum2"})
        fs::copy(std::string(THIDUA_SOURCE_DIR) + "/assets/data/" + id, d.data + "/" + id, fs::copy_options::recursive);
    WriteFileBytes(d.data + "/deployment.json",
                   json{{"format", "thidua.deployment"},
                        {"schema_version", 1},
                        {"name", "Các cụm, khối thi đua – thử"},
                        {"clusters",
                         {{{"id", "cum2"}, {"name", "Cụm thi đua số II (minh hoạ)"}, {"kind", "cluster"},
                           {"parent", "Bộ Tài nguyên và Môi trường"}, {"synthetic", true}},
                          {{"id", "cum1"}, {"name", "Cụm thi đua số I"}, {"kind", "cluster"},
                           {"parent", "Bộ Tài nguyên và Môi trường"}, {"synthetic", false}}}}}
                       .dump(2));
    return d;
}

struct Who
{
    std::string label; // for messages
    std::string role;
    std::vector<std::string> clusters; // given to `thidua token issue --cluster`
    std::set<std::string> reads, writes_shared; // clusters it may read; may write cluster.json of
    std::string own_self;                        // "cluster:path" of a self-assessment it may write, or ""
    std::string secret;
};

std::string Issue(const std::string& tokens, const Who& w)
{
    std::string args = "token issue --role " + w.role + " --name '" + w.label + "' --tokens " + tokens;
    for (const std::string& c : w.clusters)
        args += " --cluster '" + c + "'";
    return RunCli(args);
}

// Every file of the deployment, without each cluster's server state (<id>/.thidua: history, audit).
std::map<std::string, std::string> Files(const std::string& data)
{
    std::map<std::string, std::string> out;
    for (auto& [path, bytes] : SnapshotTree(data, true))
        if (path.find(".thidua") == std::string::npos)
            out[path] = bytes;
    return out;
}

// A changed cluster.json: the same file with a note naming who wrote it (valid for the checker).
std::string Changed(const std::string& bytes, const std::string& marker)
{
    json doc = json::parse(bytes);
    doc["cluster"]["note"] = marker;
    return doc.dump(2) + "\n";
}
} // namespace

TEST_SUITE("clusters")
{
TEST_CASE("every role x every cluster x read and write: answers by token scope, and the disk changes only where allowed")
{
    Deployment d = MakeDeployment("matrix");
    const std::string self27 = "years/2026/self/org.sonnmt.27.json";   // cum1's unit, self-assessment open
    const std::string self0001 = "years/2026/self/org.unit.0001.json"; // cum2's unit
    std::vector<Who> people = {
        {"thư ký (cụm 1)", "secretariat", {"cum1"}, {"cum1"}, {"cum1"}, "", ""},
        {"thư ký (cụm 2)", "secretariat", {"cum2"}, {"cum2"}, {"cum2"}, "", ""},
        {"Sở 27 (Cụm I)", "unit:org.sonnmt.27", {"cum1"}, {"cum1"}, {}, "cum1:" + self27, ""},
        {"đơn vị 1 (Cụm II)", "unit:org.unit.0001", {"cum2"}, {"cum2"}, {}, "cum2:" + self0001, ""},
        {"màn chiếu (cụm 1)", "viewer", {"cum1"}, {"cum1"}, {}, "", ""},
        {"màn chiếu Bộ", "viewer", {"*"}, {"cum1", "cum2"}, {}, "", ""},
        {"quản trị (cụm 1)", "admin", {"cum1"}, {"cum1"}, {"cum1"}, "", ""},
        {"quản trị chung", "admin", {"*"}, {"cum1", "cum2"}, {"cum1", "cum2"}, "", ""},
        {"Vụ Thi đua", "ministry", {}, {"cum1", "cum2"}, {}, "", ""},
        {"thư ký cũ (không cụm)", "secretariat", {}, {}, {}, "", ""},
    };
    for (Who& w : people)
    {
        w.secret = Issue(d.tokens, w);
        REQUIRE_MESSAGE(w.secret.size() > 20, w.label);
    }
    ServerProcess sp = StartServer({"--web", d.root, "--data", d.data, "--tokens", d.tokens});
    REQUIRE(sp.pid > 0);
    httplib::Client http("127.0.0.1", sp.port);

    for (const Who& w : people)
        for (const std::string cluster : {"cum1", "cum2"})
        {
            CAPTURE(w.label);
            CAPTURE(cluster);
            const httplib::Headers auth = {{"Authorization", "Bearer " + w.secret}};
            const std::string base = "/c/" + cluster;
            const std::string dir = d.data + "/" + cluster;
            const bool reads = w.reads.count(cluster) > 0;

            // Read: the data file, the manifest, the snapshot.
            auto r = http.Get(base + "/data/cluster.json", auth);
            REQUIRE(r);
            CHECK(r->status == (reads ? 200 : 403));
            if (!reads)
                CHECK(r->body.find("refused: this token") == 0); // names what the token is for
            CHECK(http.Get(base + "/api/manifest", auth)->status == (reads ? 200 : 403));
            CHECK(http.Get(base + "/api/snapshot", auth)->status == (reads ? 200 : 403));

            // Write the shared cluster.json: a changed file, compared on disk afterwards.
            const auto before = Files(d.data);
            const std::string current = ReadFileOr(dir + "/cluster.json", "");
            const std::string etag = server::EtagOf(current);
            const std::string marker = "viết bởi " + w.label;
            r = http.Put(base + "/data/cluster.json", With(auth, "If-Match", etag), Changed(current, marker),
                         "application/json");
            REQUIRE(r);
            const bool writes = w.writes_shared.count(cluster) > 0;
            CHECK(r->status == (writes ? 200 : 403));
            auto after = Files(d.data);
            if (writes)
            {
                CHECK(after[cluster + "/cluster.json"] == Changed(current, marker));
                after[cluster + "/cluster.json"] = before.at(cluster + "/cluster.json");
            }
            CHECK(after == before); // nothing else anywhere, in either cluster

            // Write a unit's self-assessment: its own in its cluster lands; every other attempt leaves the disk alone.
            for (const std::string path : {self27, self0001})
            {
                CAPTURE(path);
                const auto was = Files(d.data);
                const std::string bytes = ReadFileOr(dir + "/" + path, "");
                httplib::Headers h = auth;
                std::string body;
                if (bytes.empty())
                {
                    h.emplace("If-None-Match", "*"); // an attempt to create it in the wrong cluster
                    body = json{{"format", "thidua.self_assessment"}}.dump();
                }
                else
                {
                    h.emplace("If-Match", server::EtagOf(bytes));
                    body = bytes;
                }
                r = http.Put(base + "/data/" + path, h, body, "application/json");
                REQUIRE(r);
                // Its own file; the secretariat and the admin write every file of their cluster's open year.
                const bool own = w.own_self == cluster + ":" + path || (writes && !bytes.empty());
                if (own)
                    CHECK(r->status == 200);
                else
                    CHECK(r->status >= 400);
                if (!reads || w.role == "viewer" || w.role == "ministry")
                    CHECK(r->status == 403);
                CHECK(Files(d.data) == was); // same bytes at most (the allowed one wrote its own file)
            }
        }
    // The allowed writers, and only they, are in each cluster's audit (read through the API, as an operator does, so
    // the same check holds on a bucket store).
    const auto root_admin = std::find_if(people.begin(), people.end(), [](const Who& w) { return w.label == "quản trị chung"; });
    REQUIRE(root_admin != people.end());
    for (const std::string cluster : {"cum1", "cum2"})
    {
        auto got = http.Get("/c/" + cluster + "/api/audit", {{"Authorization", "Bearer " + root_admin->secret}});
        REQUIRE(got);
        REQUIRE(got->status == 200);
        const std::string audit = got->body;
        for (const Who& w : people)
        {
            CAPTURE(w.label);
            CAPTURE(cluster);
            const bool wrote = w.writes_shared.count(cluster) || w.own_self.rfind(cluster + ":", 0) == 0;
            CHECK((audit.find(w.label) != std::string::npos) == wrote);
        }
    }

    // The start page's list: the clusters the token opens, in Vietnamese order; the ministry table for whole-
    // deployment tokens only.
    for (const Who& w : people)
    {
        CAPTURE(w.label);
        const httplib::Headers auth = {{"Authorization", "Bearer " + w.secret}};
        auto r = http.Get("/api/deployment", auth);
        REQUIRE(r);
        REQUIRE(r->status == 200);
        const json view = json::parse(r->body);
        std::vector<std::string> ids;
        for (const json& c : view["clusters"])
            ids.push_back(c["id"]);
        std::vector<std::string> expected(w.reads.begin(), w.reads.end()); // "cum1" < "cum2" = "Cụm … I" < "… II"
        CHECK(ids == expected);
        const bool whole = w.reads.size() == 2 && w.role != "secretariat" && w.role.rfind("unit:", 0) != 0;
        CHECK(view["ministry_table"] == whole);
        CHECK(http.Get("/api/ministry?year=2024", auth)->status == (whole ? 200 : 403));
    }
    StopServer(sp, SIGTERM);
    RemoveTree(d.root);
}

TEST_CASE("the ministry's table: each cluster's leader, its proposals, the 20 % line")
{
    Deployment d = MakeDeployment("ministry");
    const std::string ministry = RunCli("token issue --role ministry --name 'Vụ TĐKT' --tokens " + d.tokens);
    ServerProcess sp = StartServer({"--web", d.root, "--data", d.data, "--tokens", d.tokens});
    REQUIRE(sp.pid > 0);
    httplib::Client http("127.0.0.1", sp.port);
    const httplib::Headers auth = {{"Authorization", "Bearer " + ministry}};
    auto r = http.Get("/api/ministry?year=2024", auth);
    REQUIRE(r);
    REQUIRE(r->status == 200);
    const json t = json::parse(r->body);
    CHECK(t["year"] == 2024);
    CHECK(t["leaders"] == 2);
    CHECK(t["quota"] == 0); // 20 % of 2, rounded down: no cluster's leader goes forward
    REQUIRE(t["rows"].size() == 2);
    // Cụm I 2024: Hải Dương elected with 9 of 10; Cụm II (invented): unit 6 with 5 of 6 -> Cụm I first.
    CHECK(t["rows"][0]["cluster_id"] == "cum1");
    CHECK(t["rows"][0]["leader_name"] == "Sở TN&MT Hải Dương");
    CHECK(t["rows"][0]["by_ballot"] == true);
    CHECK(t["rows"][0]["votes"] == 9);
    CHECK(t["rows"][0]["base"] == 10);
    CHECK(t["rows"][0]["candidate_rank"] == 1);
    CHECK(t["rows"][0]["goes_forward"] == false);
    CHECK(t["rows"][1]["cluster_id"] == "cum2");
    CHECK(t["rows"][1]["candidate_rank"] == 2);
    CHECK(t["rows"][1]["synthetic"] == true);
    CHECK(t["rows"][0]["proposals"][0]["award_type"] == "co_thi_dua_bo");
    CHECK(t["rows"][0]["proposals"][0]["status"] == "submitted");
    CHECK(http.Get("/api/ministry?year=20x4", auth)->status == 400);
    StopServer(sp, SIGTERM);
    RemoveTree(d.root);
}

TEST_CASE("hostile addresses and a broken index: a clear message, nothing served or written")
{
    Deployment d = MakeDeployment("hostile");
    const std::string admin = RunCli("token issue --role admin --cluster '*' --name root --tokens " + d.tokens);
    ServerProcess sp = StartServer({"--web", d.root, "--data", d.data, "--tokens", d.tokens});
    REQUIRE(sp.pid > 0);
    httplib::Client http("127.0.0.1", sp.port);
    const httplib::Headers auth = {{"Authorization", "Bearer " + admin}};
    const auto before = Files(d.data);
    auto r = http.Get("/c/nope/data/cluster.json", auth);
    CHECK(r->status == 404);
    CHECK(r->body.find("no cluster 'nope'") == 0);
    CHECK(http.Get("/c/CUM1/data/cluster.json", auth)->status == 400);
    CHECK(http.Get("/data/cluster.json", auth)->status == 404); // the root holds no cluster's data
    CHECK(http.Get("/api/manifest", auth)->status == 404);
    CHECK(RawStatus(sp.port, "GET /c/../data/cluster.json HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + admin +
                                 "\r\n\r\n") == 400);
    CHECK(RawStatus(sp.port, "GET /c/cum1/../cum2/data/cluster.json HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
                                 admin + "\r\n\r\n") == 400);
    const std::string body = ReadFileOr(d.data + "/cum2/cluster.json", "");
    CHECK(RawStatus(sp.port, "PUT /c/cum1/../cum2/data/cluster.json HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
                                 admin + "\r\nIf-Match: " + server::EtagOf(body) + "\r\nContent-Length: " +
                                 std::to_string(body.size()) + "\r\n\r\n" + body) == 405);
    CHECK(http.Get("/c/cum1", auth)->status == 302); // to /c/cum1/, the app's relative addresses need the slash
    CHECK(Files(d.data) == before);
    StopServer(sp, SIGTERM);

    // A hostile index: the server does not start, and says which line is wrong.
    WriteFileBytes(d.data + "/deployment.json", R"({"format":"thidua.deployment","schema_version":1,"name":"x",
        "clusters":[{"id":"../etc","name":"x","kind":"cluster","parent":"y"}]})");
    ServerProcess bad = StartServer({"--web", d.root, "--data", d.data, "--tokens", d.tokens}, d.root + "/log");
    CHECK(bad.pid < 0);
    CHECK(ReadFileOr(d.root + "/log", "").find("deployment.json:/clusters/0/id: '../etc' is not a cluster id") !=
          std::string::npos);
    WriteFileBytes(d.data + "/deployment.json", R"({"format":"thidua.deployment","schema_version":1,"name":"x",
        "clusters":[{"id":"cum9","name":"Cụm 9","kind":"cluster","parent":"y"}]})");
    ServerProcess missing = StartServer({"--web", d.root, "--data", d.data, "--tokens", d.tokens}, d.root + "/log");
    CHECK(missing.pid < 0);
    CHECK(ReadFileOr(d.root + "/log", "").find("lists cluster 'cum9'") != std::string::npos);
    RemoveTree(d.root);
}

TEST_CASE("token scopes at issue: a unit or secretariat names one cluster; the ministry names none")
{
    const std::string root = MakeTempDir("scopes");
    const std::string tokens = root + "/tokens.json";
    auto status = [&](const std::string& args) {
        return std::system((std::string(THIDUA_CLI) + " token issue --tokens " + tokens + " " + args +
                            " >/dev/null 2>&1").c_str());
    };
    CHECK(status("--role unit:org.a --cluster cum1") == 0);
    CHECK(status("--role unit:org.a --cluster '*'") != 0);
    CHECK(status("--role secretariat --cluster cum1 --cluster cum2") != 0);
    CHECK(status("--role ministry --cluster cum1") != 0);
    CHECK(status("--role viewer --cluster '*' --cluster cum1") != 0);
    CHECK(status("--role admin --cluster ../x") != 0);
    CHECK(status("--role viewer --cluster cum1 --cluster cum2") == 0);
    CHECK(ReadFileOr(tokens, "").find("\"clusters\"") != std::string::npos);
    RemoveTree(root);
}

TEST_CASE("--init-from a deployment copies its index and every cluster's data files, and serves them at /c/<id>/")
{
    const std::string root = MakeTempDir("init");
    const std::string data = root + "/data", tokens = root + "/tokens.json";
    const std::string viewer = RunCli("token issue --role viewer --cluster '*' --name v --tokens " + tokens);
    ServerProcess sp = StartServer({"--web", root, "--data", data, "--init-from",
                                    std::string(THIDUA_SOURCE_DIR) + "/assets/data", "--tokens", tokens});
    REQUIRE(sp.pid > 0);
    CHECK(ReadFileOr(data + "/deployment.json", "") ==
          ReadFileOr(std::string(THIDUA_SOURCE_DIR) + "/assets/data/deployment.json", "-"));
    for (const char* id : {"cum1", "cum2", "cum3", "khoi1", "khoi2"})
    {
        CAPTURE(id);
        CHECK(Files(data + "/" + id) == Files(std::string(THIDUA_SOURCE_DIR) + "/assets/data/" + id));
    }
    httplib::Client http("127.0.0.1", sp.port);
    auto r = http.Get("/c/khoi2/data/cluster.json", {{"Authorization", "Bearer " + viewer}});
    REQUIRE(r);
    CHECK(r->status == 200);
    CHECK(r->body.find("Khối thi đua số II (minh hoạ)") != std::string::npos);
    StopServer(sp, SIGTERM);
    RemoveTree(root);
}

TEST_CASE("thidua check on a deployment: the index and every cluster it lists")
{
    const std::string sample = std::string(THIDUA_SOURCE_DIR) + "/assets/data";
    CHECK(std::system((std::string(THIDUA_CLI) + " check '" + sample + "' >/dev/null 2>&1").c_str()) == 0);
    Deployment d = MakeDeployment("check");
    WriteFileBytes(d.data + "/deployment.json", R"({"format":"thidua.deployment","schema_version":1,"name":"x",
        "clusters":[{"id":"cum1","name":"Cụm 1","kind":"cluster","parent":"y"},
                    {"id":"cum7","name":"Cụm 7","kind":"khối","parent":"y"},
                    {"id":"cum8","name":"Cụm 8","kind":"cluster","parent":"y"}]})");
    const std::string out = RunCli("check '" + d.data + "'", false);
    CHECK(out.find("deployment.json:/clusters/1/kind: must be \"cluster\" or \"block\"") != std::string::npos);
    CHECK(out.find("cluster 'cum8': ") != std::string::npos);
    CHECK(out.find("/cum8/datapackage.json is missing") != std::string::npos);
    RemoveTree(d.root);
}
}
