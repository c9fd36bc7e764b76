// The server on the real sample data (assets/data, copied by --init-from) with the shared checker: a PUT that
// breaks a rule is refused with the checker's "file:/pointer: message" lines and nothing changes on disk.
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
    const std::string unit = IssueToken(tokens, "unit:org.sotnmt.27", "Sở TN&MT 27");
    const std::string secretariat = IssueToken(tokens, "secretariat", "Văn phòng Cụm");
    // The sample's 2024 is closed; here its self-assessment is open again, as the secretariat would reopen it.
    std::filesystem::copy(std::string(THIDUA_SOURCE_DIR) + "/assets/data", data, std::filesystem::copy_options::recursive);
    {
        json year = json::parse(ReadFileOr(data + "/years/2024/year.json", "null"));
        year["year"]["status"] = "active";
        for (json& phase : year["year"]["phases"])
            if (phase["kind"] == "self_assessment")
                phase["status"] = "open";
        std::ofstream(data + "/years/2024/year.json") << year.dump(2) << "\n";
    }
    ServerProcess sp = StartServer({"--web", root, "--data", data, "--tokens", tokens});
    REQUIRE(sp.pid > 0);
    const std::string rel = "years/2024/self/org.sotnmt.27.json";
    const std::string before = ReadFileOr(data + "/" + rel, "");
    REQUIRE(!before.empty());
    httplib::Client http("127.0.0.1", sp.port);
    const httplib::Headers auth = {{"Authorization", "Bearer " + unit}};
    const std::string etag = http.Get("/data/" + rel, auth)->get_header_value("ETag");

    json doc = json::parse(before);
    json bad = doc;
    bad["scores"][0]["value"] = "chín mươi"; // a number is required
    auto r = http.Put("/data/" + rel, With(auth, "If-Match", etag), bad.dump(2), "application/json");
    REQUIRE(r);
    CHECK(r->status == 422);
    CHECK(r->body.find(rel + ":/scores/0/value: ") != std::string::npos);
    CHECK(ReadFileOr(data + "/" + rel, "") == before);

    json foreign = doc;
    foreign["scores"][1]["subject_org_id"] = "org.sotnmt.01";
    r = http.Put("/data/" + rel, With(auth, "If-Match", etag), foreign.dump(2), "application/json");
    CHECK(r->status == 403);
    CHECK(r->body.find(rel + ":/scores/1/subject_org_id: a record of another unit") == 0);

    // A closed year refuses even the unit's own file, before its content is looked at.
    const std::string closed = "years/2023/self/org.sotnmt.27.json";
    const std::string closed_etag = http.Get("/data/" + closed, auth)->get_header_value("ETag");
    r = http.Put("/data/" + closed, With(auth, "If-Match", closed_etag), ReadFileOr(data + "/" + closed, ""),
                 "application/json");
    CHECK(r->status == 403);
    CHECK(r->body.find("closed") != std::string::npos);

    json good = doc;
    good["scores"][0]["value"] = 97.5;
    good["scores"][0]["rev"] = 2;
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
