// Reader limits and hostile values (issue #11): nesting depth before parsing, duplicate keys, and the same answer
// from `thidua check` as from the server.
#include "core/check/check.h"
#include "core/io/json_read.h"
#include "core/io/dataset.h"
#include "core/io/export.h"

#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <sys/wait.h>

namespace
{
io::DataFiles SampleFiles()
{
    const std::filesystem::path root = std::filesystem::path(THIDUA_SOURCE_DIR) / "assets/data/cum1";
    io::DataFiles files;
    for (const auto& e : std::filesystem::recursive_directory_iterator(root))
        if (e.is_regular_file() && e.path().extension() == ".json")
        {
            std::ifstream in(e.path(), std::ios::binary);
            files[std::filesystem::relative(e.path(), root).generic_string()] =
                std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
        }
    return files;
}

// The checker's errors for the sample with one score's value replaced.
std::vector<std::string> ErrorsWithValue(const std::string& path, size_t score, double value)
{
    io::DataFiles files = SampleFiles();
    io::json doc = io::json::parse(files.at(path));
    doc["scores"][score]["value"] = value;
    files[path] = doc.dump(2);
    std::vector<std::string> out;
    for (const check::Issue& i : check::CheckDataset(files))
        if (i.severity == check::Severity::Error)
            out.push_back(check::FormatIssue(i));
    return out;
}

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

TEST_CASE("a percentage result above 100 is refused at every stage, with the file and the pointer")
{
    CHECK(ErrorsWithValue("years/2025/self/org.sonnmt.27.json", 0, 100).empty()); // the sample passes
    CHECK(ErrorsWithValue("years/2025/self/org.sonnmt.27.json", 0, 100000) ==
          std::vector<std::string>{"years/2025/self/org.sonnmt.27.json:/scores/0/value: 100000 % is not possible for "
                                   "criterion I.1 (Tỷ lệ hồ sơ đất đai giải quyết đúng hạn); a percentage is from 0 to 100"});
    const auto cross = ErrorsWithValue("years/2025/results.json", 4, 100.25); // cross stage, criterion I.5
    REQUIRE(cross.size() == 1);
    CHECK(cross[0].rfind("years/2025/results.json:/scores/4/value: 100,25 % is not possible", 0) == 0);
    const auto final_stage = ErrorsWithValue("years/2025/results.json", 300, 101);
    REQUIRE(final_stage.size() == 1);
    CHECK(final_stage[0].rfind("years/2025/results.json:/scores/300/value: 101 %", 0) == 0);
    // The other kinds keep their ranges: qualitative 0/1, counts whole and not negative, manual up to its maximum.
    CHECK(ErrorsWithValue("years/2025/self/org.sonnmt.27.json", 2, 2).size() == 1);   // I.3 qualitative
    CHECK(ErrorsWithValue("years/2025/self/org.sonnmt.27.json", 5, 1.5).size() == 1); // II.1 per occurrence
    CHECK(ErrorsWithValue("years/2025/self/org.sonnmt.27.json", 5, -1).size() == 1);
    CHECK(ErrorsWithValue("years/2025/self/org.sonnmt.27.json", 1, 16).size() == 1);  // I.2 manual, at most 15
}

TEST_CASE("CSV cells that a spreadsheet would run as formulas get an apostrophe, the checker warns about such names")
{
    CHECK(io::CsvField("=HYPERLINK(\"http://x\",\"y\")") == "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
    for (const char* payload : {"+1+1", "-1+1", "@SUM(A1)", "\t=1", "\r=1", "=1"})
    {
        CAPTURE(payload);
        CHECK(io::CsvField(payload).find('\'') <= 1); // the apostrophe comes first (after a quote when quoted)
    }
    CHECK(io::CsvField("Sở NN&MT 27") == "Sở NN&MT 27");
    CHECK(io::CsvField("a,b") == "\"a,b\"");

    const std::string orgs = "{\"format\": \"thidua.organizations\", \"schema_version\": 1, \"organizations\": "
                             "[{\"id\": \"org.x\", \"rev\": 1, \"name\": \"=1+1\", \"short_name\": \"@x\", "
                             "\"classification\": \"provincial_dept\"}]}";
    std::vector<std::string> warnings;
    for (const check::Issue& i : check::CheckFile("registry/organizations.json", orgs))
        if (i.severity == check::Severity::Warning && i.message.find("formula") != std::string::npos)
            warnings.push_back(i.pointer);
    CHECK(warnings == std::vector<std::string>{"/organizations/0/name", "/organizations/0/short_name"});
}

TEST_CASE("control characters are refused in text, a name or title is one line")
{
    const std::string head = "{\"format\": \"thidua.organizations\", \"schema_version\": 1, \"organizations\": "
                             "[{\"id\": \"org.x\", \"rev\": 1, \"classification\": \"provincial_dept\", \"name\": ";
    auto errors = [&](const std::string& name) {
        std::vector<std::string> out;
        for (const check::Issue& i : check::CheckFile("registry/organizations.json", head + name + "}]}"))
            if (i.severity == check::Severity::Error)
                out.push_back(check::FormatIssue(i));
        return out;
    };
    CHECK(errors("\"Sở NN&MT\"").empty());
    CHECK(errors("\"S\\u0007\"") == std::vector<std::string>{"registry/organizations.json:/organizations/0/name: text holds the "
                                                               "control character U+0007 (a name or title is one line of text); remove it"});
    CHECK(errors("\"a\\nb\"").size() == 1);
    CHECK(errors("\"\\u0000\"").size() == 1);
    CHECK(errors("\"a\\u0085b\"").size() == 1); // C1 control (NEL)
    CHECK(errors("\"\\u007f\"").size() == 1);
}
}
