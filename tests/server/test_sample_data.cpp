// The server on the real sample data (assets/data/cum1, copied by --init-from) with the shared checker: a PUT that
// breaks a rule is refused with the checker's "file:/pointer: message" lines and nothing changes on disk.
// The unit writes its 2026 self-assessment: the year in progress, its self-assessment phase open, its file a draft.
#include "fixture.h"

#include <fstream>
#include <filesystem>
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <csignal>

using namespace testing;
using nlohmann::json;

TEST_SUITE("sync server")
{
TEST_CASE("with the sample data and the full checker: invalid content gets 422 with pointers, a valid edit lands")
{
    const std::string root = MakeTempDir("sample");
    const std::string data = root + "/data", tokens = root + "/tokens.json";
    const std::string unit = IssueToken(tokens, "unit:org.sonnmt.27", "Sở NN&MT 27");
    const std::string secretariat = IssueToken(tokens, "secretariat", "Văn phòng Cụm");
    std::filesystem::copy(std::string(THIDUA_SOURCE_DIR) + "/assets/data/cum1", data, std::filesystem::copy_options::recursive);
    ServerProcess sp = StartServer({"--web", root, "--data", data, "--tokens", tokens});
    REQUIRE(sp.pid > 0);
    const std::string rel = "years/2026/self/org.sonnmt.27.json";
    const std::string before = ReadFileOr(data + "/" + rel, "");
    REQUIRE(!before.empty());
    json doc = json::parse(before);
    REQUIRE(doc["scores"].empty()); // a draft: the unit enters its first scores
    const json score = {{"id", "score.2026.self.27.I.1"}, {"rev", 1}, {"criterion_id", "crit.cum1.2026.I.1"},
                        {"subject_org_id", "org.sonnmt.27"}, {"scorer_org_id", "org.sonnmt.27"}, {"stage", "self"}, {"value", 96}};
    json other = score;
    other["id"] = "score.2026.self.27.I.5";
    other["criterion_id"] = "crit.cum1.2026.I.5";
    doc["scores"] = json::array({score, other});
    httplib::Client http("127.0.0.1", sp.port);
    const httplib::Headers auth = {{"Authorization", "Bearer " + unit}};
    const std::string etag = http.Get("/data/" + rel, auth)->get_header_value("ETag");

    json bad = doc;
    bad["scores"][0]["value"] = "chín mươi"; // a number is required
    auto r = http.Put("/data/" + rel, With(auth, "If-Match", etag), bad.dump(2), "application/json");
    REQUIRE(r);
    CHECK(r->status == 422);
    CHECK(r->body.find(rel + ":/scores/0/value: ") != std::string::npos);
    CHECK(ReadFileOr(data + "/" + rel, "") == before);

    json foreign = doc;
    foreign["scores"][1]["subject_org_id"] = "org.sonnmt.01";
    r = http.Put("/data/" + rel, With(auth, "If-Match", etag), foreign.dump(2), "application/json");
    CHECK(r->status == 403);
    CHECK(r->body.find(rel + ":/scores/1/subject_org_id: a record of another unit") == 0);

    // A closed year refuses even the unit's own file, before its content is looked at.
    const std::string closed = "years/2025/self/org.sonnmt.27.json";
    const std::string closed_etag = http.Get("/data/" + closed, auth)->get_header_value("ETag");
    r = http.Put("/data/" + closed, With(auth, "If-Match", closed_etag), ReadFileOr(data + "/" + closed, ""),
                 "application/json");
    CHECK(r->status == 403);
    CHECK(r->body.find("closed") != std::string::npos);

    json good = doc;
    good["scores"][0]["value"] = 97.5;
    r = http.Put("/data/" + rel, With(auth, "If-Match", etag), good.dump(2) + "\n", "application/json");
    REQUIRE(r);
    CHECK_MESSAGE(r->status == 200, r->body);
    CHECK(json::parse(ReadFileOr(data + "/" + rel, "null"))["scores"][0]["value"] == 97.5);
    // The unit cannot write the secretariat's files; the secretariat can.
    const std::string cluster_etag = http.Get("/data/cluster.json", auth)->get_header_value("ETag");
    const std::string cluster = ReadFileOr(data + "/cluster.json", "");
    CHECK(http.Put("/data/cluster.json", With(auth, "If-Match", cluster_etag), cluster, "application/json")->status ==
          403);
    CHECK(http.Put("/data/cluster.json", {{"Authorization", "Bearer " + secretariat}, {"If-Match", cluster_etag}},
                   cluster, "application/json")->status == 200);
    StopServer(sp, SIGTERM);
    RemoveTree(root);
}
}

TEST_CASE("private contact numbers never reach the viewer: left out of the registry and its ETag, kept for the secretariat")
{
    const std::string root = MakeTempDir("private");
    const std::string data = root + "/data", tokens = root + "/tokens.json";
    const std::string viewer = IssueToken(tokens, "viewer", "Máy chiếu");
    const std::string secretariat = IssueToken(tokens, "secretariat", "Văn phòng Cụm");
    ServerProcess sp = StartServer({"--web", root, "--data", data, "--tokens", tokens, "--init-from",
                                    std::string(THIDUA_SOURCE_DIR) + "/assets/data/cum1"});
    REQUIRE(sp.pid > 0);
    httplib::Client http("127.0.0.1", sp.port);
    const std::string path = "/data/registry/people.json";
    const std::string on_disk = ReadFileOr(data + "/registry/people.json", "");
    REQUIRE(on_disk.find("\"private\": true") != std::string::npos);

    auto full = http.Get(path, {{"Authorization", "Bearer " + secretariat}});
    REQUIRE(full);
    CHECK(full->body == on_disk);
    auto masked = http.Get(path, {{"Authorization", "Bearer " + viewer}});
    REQUIRE(masked);
    CHECK(masked->status == 200);
    CHECK(masked->body.find("\"private\": true") == std::string::npos);
    CHECK(json::parse(masked->body)["people"].size() == json::parse(on_disk)["people"].size());
    CHECK(masked->get_header_value("ETag") != full->get_header_value("ETag"));

    // The viewer's manifest names the ETag of what the viewer receives, so its sync finds nothing to fetch again.
    auto manifest = http.Get("/api/manifest", {{"Authorization", "Bearer " + viewer}});
    REQUIRE(manifest);
    CHECK(json::parse(manifest->body)["files"]["registry/people.json"]["etag"] == masked->get_header_value("ETag"));
    auto again = http.Get(path, {{"Authorization", "Bearer " + viewer}, {"If-None-Match", masked->get_header_value("ETag")}});
    REQUIRE(again);
    CHECK(again->status == 304);
}
