// Compressed transfer and the first visit's snapshot (issue #13): `thidua serve` picks the best representation
// Accept-Encoding allows (the build's .br/.gz files, data compressed on the fly), each with the right ETag, HEAD
// and 304; GET /api/snapshot carries every file exactly as GET /data/<path> gives it to the same token.
#include "fixture.h"
#include "server_process.h"

#include "core/sync/pack.h"
#include "server/encoding.h"

#include <brotli/decode.h>
#include <doctest/doctest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>
#include <zlib.h>

#include <csignal>
#include <sys/stat.h>
#include <utime.h>

using namespace testing;
using nlohmann::json;

namespace
{
std::string Gunzip(const std::string& in)
{
    z_stream z{};
    inflateInit2(&z, 15 + 16);
    std::string out;
    char buf[65536];
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    z.avail_in = static_cast<uInt>(in.size());
    int rc = Z_OK;
    while (rc == Z_OK)
    {
        z.next_out = reinterpret_cast<Bytef*>(buf);
        z.avail_out = sizeof buf;
        rc = inflate(&z, Z_NO_FLUSH);
        out.append(buf, sizeof buf - z.avail_out);
    }
    inflateEnd(&z);
    return rc == Z_STREAM_END ? out : "<gunzip failed>";
}

std::string Unbrotli(const std::string& in)
{
    std::string out;
    BrotliDecoderState* s = BrotliDecoderCreateInstance(nullptr, nullptr, nullptr);
    size_t avail_in = in.size();
    const uint8_t* next_in = reinterpret_cast<const uint8_t*>(in.data());
    BrotliDecoderResult r = BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT;
    while (r == BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT)
    {
        uint8_t buf[65536];
        size_t avail_out = sizeof buf;
        uint8_t* next_out = buf;
        r = BrotliDecoderDecompressStream(s, &avail_in, &next_in, &avail_out, &next_out, nullptr);
        out.append(reinterpret_cast<char*>(buf), sizeof buf - avail_out);
    }
    BrotliDecoderDestroyInstance(s);
    return r == BROTLI_DECODER_RESULT_SUCCESS ? out : "<unbrotli failed>";
}

std::string Decode(const httplib::Result& r)
{
    const std::string coding = r->get_header_value("Content-Encoding");
    return coding == "br" ? Unbrotli(r->body) : coding == "gzip" ? Gunzip(r->body) : r->body;
}

// A client that shows the bytes as sent (no decompression) and sends exactly the Accept-Encoding given.
httplib::Headers Accept(const std::string& accept_encoding, httplib::Headers more = {})
{
    more.emplace("Accept-Encoding", accept_encoding);
    return more;
}

void SetMtime(const std::string& path, time_t t)
{
    utimbuf times{t, t};
    utime(path.c_str(), &times);
}
} // namespace

TEST_SUITE("serve")
{
TEST_CASE("Accept-Encoding picks brotli, else gzip, else identity, and q=0 refuses a coding")
{
    const std::vector<std::string> both = {"br", "gzip"};
    CHECK(server::PickEncoding("gzip, deflate, br", both) == "br");
    CHECK(server::PickEncoding("gzip, deflate", both) == "gzip");
    CHECK(server::PickEncoding("", both) == "");
    CHECK(server::PickEncoding("identity", both) == "");
    CHECK(server::PickEncoding("br;q=0, gzip", both) == "gzip");
    CHECK(server::PickEncoding("br;q=0.5, gzip;q=1.0", both) == "gzip");
    CHECK(server::PickEncoding("*", both) == "br");
    CHECK(server::PickEncoding("*;q=0", both) == "");
    CHECK(server::PickEncoding("GZIP", both) == "gzip");
    CHECK(server::PickEncoding("x-gzip", both) == "gzip");
    CHECK(server::PickEncoding("gzip, br", {"gzip"}) == "gzip"); // only what exists is offered
    CHECK(server::PickEncoding("br", {}) == "");
}

TEST_CASE("the web build's .br and .gz files: best allowed coding, own strong ETag each, Vary, HEAD and 304")
{
    const std::string root = MakeTempDir("compressed");
    std::string wasm("\0asm\1\0\0\0", 8);
    for (int i = 0; i < 2000; ++i)
        wasm += "function" + std::to_string(i % 37);
    WriteFileBytes(root + "/web/thidua.wasm", wasm);
    std::string br, gz;
    REQUIRE(server::Compress("br", wasm, &br));
    REQUIRE(server::Compress("gzip", wasm, &gz));
    WriteFileBytes(root + "/web/thidua.wasm.br", br);
    WriteFileBytes(root + "/web/thidua.wasm.gz", gz);
    WriteFileBytes(root + "/web/index.html", "<!doctype html><title>Thi đua</title>"); // no compressed copies
    const time_t t = time(nullptr) - 100;
    SetMtime(root + "/web/thidua.wasm", t);
    WriteFileBytes(root + "/data/cluster.json", "{\"id\":\"cluster.1\"}");

    ServerProcess sp = StartServer({"--web", root + "/web", "--data", root + "/data"});
    REQUIRE(sp.pid > 0);
    httplib::Client http("127.0.0.1", sp.port);
    http.set_decompress(false);

    auto with_br = http.Get("/thidua.wasm", Accept("gzip, deflate, br"));
    REQUIRE(with_br);
    CHECK(with_br->status == 200);
    CHECK(with_br->get_header_value("Content-Encoding") == "br");
    CHECK(with_br->get_header_value("Content-Type") == "application/wasm");
    CHECK(with_br->get_header_value("Vary") == "Accept-Encoding");
    CHECK(with_br->body == br);
    CHECK(Decode(with_br) == wasm);

    auto with_gzip = http.Get("/thidua.wasm", Accept("gzip, deflate"));
    REQUIRE(with_gzip);
    CHECK(with_gzip->get_header_value("Content-Encoding") == "gzip");
    CHECK(with_gzip->get_header_value("Vary") == "Accept-Encoding");
    CHECK(with_gzip->body == gz);
    CHECK(Decode(with_gzip) == wasm);

    auto plain = http.Get("/thidua.wasm", Accept("identity"));
    REQUIRE(plain);
    CHECK(!plain->has_header("Content-Encoding"));
    CHECK(plain->get_header_value("Vary") == "Accept-Encoding");
    CHECK(plain->body == wasm);

    // Each representation has its own strong ETag.
    const std::string e_br = with_br->get_header_value("ETag"), e_gz = with_gzip->get_header_value("ETag"),
                      e_id = plain->get_header_value("ETag");
    CHECK(e_br.size() > 2);
    CHECK(e_br.front() == '"');
    CHECK(e_br != e_gz);
    CHECK(e_gz != e_id);
    CHECK(e_br != e_id);

    // HEAD: the same headers, the length of the representation, no body.
    auto head = http.Head("/thidua.wasm", Accept("br"));
    REQUIRE(head);
    CHECK(head->status == 200);
    CHECK(head->get_header_value("Content-Encoding") == "br");
    CHECK(head->get_header_value("Content-Length") == std::to_string(br.size()));
    CHECK(head->get_header_value("ETag") == e_br);
    CHECK(head->body.empty());
    auto head_plain = http.Head("/thidua.wasm", Accept("identity"));
    REQUIRE(head_plain);
    CHECK(head_plain->get_header_value("Content-Length") == std::to_string(wasm.size()));

    // 304 only for the ETag of the representation this request gets.
    auto again = http.Get("/thidua.wasm", Accept("gzip, deflate, br", {{"If-None-Match", e_br}}));
    REQUIRE(again);
    CHECK(again->status == 304);
    CHECK(again->body.empty());
    CHECK(again->get_header_value("ETag") == e_br);
    CHECK(again->get_header_value("Vary") == "Accept-Encoding");
    auto other = http.Get("/thidua.wasm", Accept("gzip", {{"If-None-Match", e_br}}));
    REQUIRE(other);
    CHECK(other->status == 200);
    CHECK(other->body == gz);
    CHECK(http.Get("/thidua.wasm", Accept("gzip", {{"If-None-Match", e_gz}}))->status == 304);
    CHECK(http.Get("/thidua.wasm", Accept("identity", {{"If-None-Match", e_id}}))->status == 304);

    // A file without compressed copies is sent as it is, whatever the request allows.
    auto index = http.Get("/", Accept("gzip, deflate, br"));
    REQUIRE(index);
    CHECK(!index->has_header("Content-Encoding"));
    CHECK(index->body == "<!doctype html><title>Thi đua</title>");
    CHECK(index->has_header("ETag"));

    // A compressed copy older than its file (the file was rebuilt, the copy not) is never sent.
    SetMtime(root + "/web/thidua.wasm.br", t - 50);
    auto stale = http.Get("/thidua.wasm", Accept("br, gzip"));
    REQUIRE(stale);
    CHECK(stale->get_header_value("Content-Encoding") == "gzip");
    CHECK(Decode(stale) == wasm);

    CHECK(StopServer(sp, SIGTERM) == 0);
    RemoveTree(root);
}

TEST_CASE("data files and the manifest travel compressed with the ETag of their bytes, HEAD and 304 unchanged")
{
    SyncServer s = StartSyncServer("datagz");
    REQUIRE(s.process.pid > 0);
    std::string big = "{\"records\":[";
    for (int i = 0; i < 200; ++i)
        big += std::string(i ? "," : "") + "{\"id\":\"m" + std::to_string(i) + "\",\"rev\":1,\"title\":\"Hội nghị\"}";
    big += "]}";
    WriteFileBytes(s.data + "/meetings/m2.json", big);
    RestartSyncServer(s, SIGTERM);
    httplib::Client http("127.0.0.1", s.process.port);
    http.set_decompress(false);
    const httplib::Headers viewer = Auth(s, "viewer");

    auto plain = http.Get("/data/meetings/m2.json", Accept("identity", viewer));
    REQUIRE(plain);
    CHECK(plain->status == 200);
    CHECK(plain->body == big);
    CHECK(!plain->has_header("Content-Encoding"));
    const std::string etag = plain->get_header_value("ETag");
    for (const char* accept : {"gzip, deflate", "gzip, deflate, br"})
    {
        CAPTURE(accept);
        auto r = http.Get("/data/meetings/m2.json", Accept(accept, viewer));
        REQUIRE(r);
        CHECK(r->status == 200);
        CHECK(r->get_header_value("Content-Encoding") == (std::string(accept).find("br") != std::string::npos ? "br" : "gzip"));
        CHECK(r->body.size() < big.size() / 4);
        CHECK(Decode(r) == big);
        CHECK(r->get_header_value("ETag") == etag); // the version If-Match names, whatever the transfer
        CHECK(r->get_header_value("Vary") == "Authorization, Accept-Encoding");
        CHECK(r->get_header_value("Content-Type") == "application/json");
        auto head = http.Head("/data/meetings/m2.json", Accept(accept, viewer));
        REQUIRE(head);
        CHECK(head->status == 200);
        CHECK(head->get_header_value("Content-Length") == std::to_string(r->body.size()));
        CHECK(head->body.empty());
        auto again = http.Get("/data/meetings/m2.json", Accept(accept, With(viewer, "If-None-Match", etag)));
        REQUIRE(again);
        CHECK(again->status == 304);
        CHECK(again->body.empty());
    }
    // A small file is not worth compressing.
    auto small = http.Get("/data/meetings/m1.json", Accept("gzip", viewer));
    REQUIRE(small);
    CHECK(!small->has_header("Content-Encoding"));
    CHECK(small->body == "{\"id\":\"m1\",\"rev\":1}");

    auto manifest = http.Get("/api/manifest", Accept("gzip", viewer));
    REQUIRE(manifest);
    CHECK(manifest->get_header_value("Content-Encoding") == "gzip");
    CHECK(json::parse(Decode(manifest))["files"]["meetings/m2.json"]["etag"] == etag);
    StopSyncServer(s);
}

TEST_CASE("the snapshot holds every file with exactly the bytes and ETag GET /data gives the same token")
{
    const std::string root = MakeTempDir("snapshot");
    const std::string data = root + "/data", tokens = root + "/tokens.json";
    std::map<std::string, std::string> token = {{"viewer", IssueToken(tokens, "viewer", "Máy chiếu")},
                                                {"secretariat", IssueToken(tokens, "secretariat", "Văn phòng")},
                                                {"unit", IssueToken(tokens, "unit:org.sotnmt.27", "Sở 27")}};
    ServerProcess sp = StartServer({"--web", root, "--data", data, "--tokens", tokens, "--init-from",
                                    std::string(THIDUA_SOURCE_DIR) + "/assets/data/cum1"});
    REQUIRE(sp.pid > 0);
    httplib::Client http("127.0.0.1", sp.port);
    http.set_decompress(false);

    CHECK(http.Get("/api/snapshot", Accept("gzip"))->status == 401);
    std::string viewer_people, secretariat_people;
    for (const auto& [role, secret] : token)
        for (const char* accept : {"identity", "gzip", "br"})
        {
            CAPTURE(role);
            CAPTURE(accept);
            const httplib::Headers auth = {{"Authorization", "Bearer " + secret}};
            auto r = http.Get("/api/snapshot", Accept(accept, auth));
            REQUIRE(r);
            CHECK(r->status == 200);
            CHECK(r->get_header_value("Content-Encoding") == (std::string(accept) == "identity" ? "" : accept));
            CHECK(r->get_header_value("Vary") == "Authorization, Accept-Encoding");
            CHECK(r->get_header_value("Content-Type") == "application/vnd.thidua.snapshot");
            datasync::Snapshot snap;
            REQUIRE(datasync::ReadSnapshot(Decode(r), &snap));
            auto manifest = http.Get("/api/manifest", Accept("identity", auth));
            REQUIRE(manifest);
            const json m = json::parse(manifest->body);
            CHECK(snap.epoch == m["epoch"]);
            CHECK(snap.generation == m["generation"]);
            const json listed = m["files"];
            CHECK(snap.files.size() == listed.size());
            for (const auto& [path, entry] : listed.items())
            {
                CAPTURE(path);
                auto file = http.Get("/data/" + path, Accept("identity", auth));
                REQUIRE(file);
                REQUIRE(snap.files.count(path));
                CHECK(snap.files[path].bytes == file->body);
                CHECK(snap.files[path].etag == file->get_header_value("ETag"));
                CHECK(snap.files[path].etag == entry["etag"]);
            }
            if (role == "viewer")
                viewer_people = snap.files["registry/people.json"].bytes;
            if (role == "secretariat")
                secretariat_people = snap.files["registry/people.json"].bytes;
        }
    // Private contact numbers are left out for the viewer, kept for the secretariat.
    CHECK(viewer_people.find("\"private\": true") == std::string::npos);
    CHECK(secretariat_people.find("\"private\": true") != std::string::npos);
    CHECK(secretariat_people == ReadFileOr(data + "/registry/people.json", ""));
    StopServer(sp, SIGTERM);

    // A read-only server (no tokens): the anonymous reader gets what GET /data gives it.
    ServerProcess ro = StartServer({"--web", root, "--data", data});
    REQUIRE(ro.pid > 0);
    httplib::Client anon("127.0.0.1", ro.port);
    anon.set_decompress(false);
    auto r = anon.Get("/api/snapshot", Accept("gzip"));
    REQUIRE(r);
    CHECK(r->status == 200);
    datasync::Snapshot snap;
    REQUIRE(datasync::ReadSnapshot(Decode(r), &snap));
    CHECK(snap.files.size() > 10);
    for (const auto& [path, entry] : snap.files)
    {
        CAPTURE(path);
        auto file = anon.Get("/data/" + path, Accept("identity"));
        REQUIRE(file);
        CHECK(entry.bytes == file->body);
        CHECK(entry.etag == file->get_header_value("ETag"));
    }
    StopServer(ro, SIGTERM);
    RemoveTree(root);
}
}
