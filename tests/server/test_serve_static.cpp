// `thidua serve` as a static server: web folder at /, data at /data/, MIME types, traversal refused, clean stop.
#include "server_process.h"

#include <doctest/doctest.h>
#include <httplib.h>

#include <csignal>

using namespace testing;

TEST_SUITE("serve")
{
TEST_CASE("serves the web folder and the data folder with the right types, refuses traversal, stops on SIGTERM")
{
    const std::string root = MakeTempDir("static");
    WriteFileBytes(root + "/web/index.html", "<!doctype html><title>Thi đua</title>");
    WriteFileBytes(root + "/web/thidua.wasm", std::string("\0asm\1\0\0\0", 8));
    WriteFileBytes(root + "/web/thidua.js", "var x;");
    WriteFileBytes(root + "/web/app.webmanifest", "{}");
    WriteFileBytes(root + "/data/cluster.json", "{\"id\":\"cluster.1\"}");
    WriteFileBytes(root + "/secret.txt", "top secret");

    ServerProcess sp = StartServer({"--web", root + "/web", "--data", root + "/data"});
    REQUIRE(sp.pid > 0);
    CHECK(sp.banner == "Thidua: serving http://127.0.0.1:" + std::to_string(sp.port) + "/ (web: " + root +
                           "/web, data: " + root + "/data)");
    httplib::Client http("127.0.0.1", sp.port);

    auto index = http.Get("/");
    REQUIRE(index);
    CHECK(index->status == 200);
    CHECK(index->get_header_value("Content-Type") == "text/html; charset=utf-8");
    CHECK(index->body.find("Thi đua") != std::string::npos);

    auto wasm = http.Get("/thidua.wasm");
    REQUIRE(wasm);
    CHECK(wasm->get_header_value("Content-Type") == "application/wasm");
    CHECK(wasm->body.size() == 8);
    CHECK(http.Get("/thidua.js")->get_header_value("Content-Type") == "text/javascript");
    CHECK(http.Get("/app.webmanifest")->get_header_value("Content-Type") == "application/manifest+json");

    auto data = http.Get("/data/cluster.json");
    REQUIRE(data);
    CHECK(data->status == 200);
    CHECK(data->get_header_value("Content-Type") == "application/json");
    CHECK(data->get_header_value("Cache-Control") == "no-cache");
    CHECK(data->body == "{\"id\":\"cluster.1\"}");

    for (const char* bad : {"/../secret.txt", "/%2e%2e/secret.txt", "/data/../secret.txt", "/data/%2e%2e/secret.txt",
                            "/data/..%2fsecret.txt", "/..%5csecret.txt", "/data/%2E%2E%2Fsecret.txt"})
    {
        CAPTURE(bad);
        auto r = http.Get(bad);
        REQUIRE(r);
        CHECK(r->status >= 400);
        CHECK(r->body.find("top secret") == std::string::npos);
    }
    CHECK(http.Get("/missing.js")->status == 404);

    CHECK(StopServer(sp, SIGTERM) == 0);
    RemoveTree(root);
}
}
