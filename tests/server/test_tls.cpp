// `thidua serve --cert --key`: HTTPS (needed on tablets for service workers and persistent storage).
#include "fixture.h"

#include <doctest/doctest.h>

#include <csignal>
#include <cstdlib>

using namespace testing;

TEST_SUITE("serve")
{
TEST_CASE("with --cert and --key the server speaks HTTPS only")
{
    const std::string root = MakeTempDir("tls");
    WriteFileBytes(root + "/data/cluster.json", "{\"id\":\"cluster.1\"}");
    const std::string cmd = "openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 -keyout " + root +
                            "/key.pem -out " + root + "/cert.pem >/dev/null 2>&1";
    REQUIRE_MESSAGE(std::system(cmd.c_str()) == 0, "openssl is needed to make a test certificate");
    ServerProcess sp = StartServer({"--web", root, "--data", root + "/data", "--cert", root + "/cert.pem", "--key",
                                    root + "/key.pem"});
    REQUIRE(sp.pid > 0);
    CHECK(sp.banner.rfind("Thidua: serving https://127.0.0.1:", 0) == 0);
    httplib::SSLClient https("127.0.0.1", sp.port);
    https.enable_server_certificate_verification(false); // self-signed for the test
    auto r = https.Get("/data/cluster.json");
    REQUIRE(r);
    CHECK(r->status == 200);
    CHECK(r->body == "{\"id\":\"cluster.1\"}");
    httplib::Client plain("127.0.0.1", sp.port);
    plain.set_connection_timeout(2, 0);
    plain.set_read_timeout(2, 0);
    auto p = plain.Get("/data/cluster.json");
    CHECK((!p || p->status != 200));
    CHECK(StopServer(sp, SIGTERM) == 0);

    // A bad key is refused at start, with a message.
    WriteFileBytes(root + "/bad.pem", "not a key");
    ServerProcess bad = StartServer({"--web", root, "--data", root + "/data", "--cert", root + "/cert.pem", "--key",
                                     root + "/bad.pem"});
    CHECK(bad.pid == -1);
    RemoveTree(root);
}
}
