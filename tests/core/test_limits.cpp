// Reader limits (issue #11): nesting depth before parsing, duplicate keys, and the same answer from `thidua check`
// as from the server.
#include "core/check/check.h"
#include "core/io/json_read.h"

#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <sys/wait.h>

namespace
{
int CheckExitCode(const std::string& file, std::string* out)
{
    FILE* p = popen((std::string("\"") + THIDUA_CLI + "\" check \"" + file + "\" 2>/dev/null").c_str(), "r");
    REQUIRE(p != nullptr);
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0)
        out->append(buf, n);
    const int status = pclose(p);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}
} // namespace

TEST_SUITE("reader limits")
{
TEST_CASE("nesting depth is measured before parsing, brackets inside strings do not count")
{
    CHECK(io::DepthExceededAt("[[[]]]", 3) == 0);
    CHECK(io::DepthExceededAt("[[[[]]]]", 3) == 4);
    CHECK(io::DepthExceededAt("{\"a\":\"[[[[[[\\\"[[[[\"}", 2) == 0);
    CHECK(io::DepthExceededAt(std::string(1000000, '['), 64) == 65);
    io::json doc;
    io::JsonError error;
    CHECK_FALSE(io::ParseDataJson(std::string(17000, '[') + std::string(17000, ']'), &doc, &error));
    CHECK(error.message == io::DepthMessage());
    CHECK(error.byte == 65);
    CHECK(io::ParseDataJson(std::string(64, '[') + std::string(64, ']'), &doc, &error));
}

TEST_CASE("a key repeated in one object is an error with its pointer, in the checker as on the server")
{
    const std::string meeting = "{\"format\": \"thidua.meeting\", \"schema_version\": 1, \"meeting\": "
                                "{\"id\": \"mtg.a\", \"sources\": [{\"url\": \"x\"}, {\"url\": \"y\", \"url\": \"z\"}]}}";
    const std::vector<check::Issue> issues = check::CheckFile("meetings/mtg.a.json", meeting);
    REQUIRE(issues.size() == 1);
    CHECK(check::FormatIssue(issues[0]) == "meetings/mtg.a.json:/meeting/sources/1/url: duplicate key \"url\"");

    const std::string file = std::filesystem::temp_directory_path() / "thidua-duplicate-key.json";
    std::ofstream(file) << "{\"format\": \"thidua.cluster\", \"schema_version\": 1, \"format\": \"thidua.cluster\"}";
    std::string out;
    CHECK(CheckExitCode(file, &out) == 1);
    CHECK(out.find(":/format: duplicate key \"format\"") != std::string::npos);
    std::filesystem::remove(file);
}
}
