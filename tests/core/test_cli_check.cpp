// `thidua check` and `thidua synth` through the real binary: the sample is valid, each broken fixture exits 1
// with the right pointer and message, warnings alone exit 0, usage errors exit 2.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>

namespace fs = std::filesystem;

namespace
{
struct Run
{
    int code = -1;
    std::string out;
};

Run Cli(const std::string& args)
{
    Run r;
    std::string cmd = std::string("\"") + THIDUA_CLI + "\" " + args + " 2>/dev/null";
    FILE* p = popen(cmd.c_str(), "r");
    REQUIRE(p != nullptr);
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0)
        r.out.append(buf, n);
    int status = pclose(p);
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

std::string Fixture(const std::string& rel) { return std::string(THIDUA_SOURCE_DIR) + "/tests/fixtures/" + rel; }

bool HasLine(const std::string& out, const std::string& line)
{
    std::istringstream in(out);
    for (std::string l; std::getline(in, l);)
        if (l == line)
            return true;
    return false;
}
} // namespace

TEST_SUITE("cli check")
{
    TEST_CASE("the sample dataset is valid")
    {
        Run r = Cli(std::string("check \"") + THIDUA_SOURCE_DIR + "/assets/data/cum1\"");
        CHECK(r.code == 0);
        CHECK(r.out == "");
    }

    TEST_CASE("each broken file exits 1 with its pointer and message")
    {
        const std::pair<const char*, const char*> cases[] = {
            {"syntax-error.json", ": line 22, column 11: not valid JSON: syntax error while parsing object - unexpected string literal; expected '}'"},
            {"invalid-utf8.json", ": line 15, column 21: the text is not valid UTF-8 (save the file as UTF-8)"},
            {"wrong-type.json", ":/meeting/start_date: expected a date (text YYYY-MM-DD), found the number 20210510"},
            {"missing-field.json", ":/meeting/name: required field \"name\" is missing"},
            {"impossible-date.json", ":/meeting/start_date: \"2021-02-30\" is not a real date; expected YYYY-MM-DD, e.g. \"2021-03-25\""},
            {"duplicate-id.json", ":/meeting/participants/1/id: id \"part.a\" is used twice (it already names a participant earlier in this file); every record needs its own id"},
            {"not-nfc.json", ":/meeting/name: text is not in Unicode NFC (composed) form; write it as \"Họp giao ban Cụm\" (the same letters, each as one character)"},
            {"unknown-field.json", ":/meeting/venue/hots_org_id: unknown field \"hots_org_id\" (not part of this format; check the spelling)"},
            {"bad-enum.json", ":/meeting/status: \"finished\" is not an allowed value; expected one of: tentative, confirmed, passed, cancelled"},
            {"three-decimals.json", ":/scores/0/value: 8.255 has more than 2 decimals; points are kept to 0.01"},
            {"self-file-other-stage.json", ":/scores/0/stage: a unit's own file holds only \"self\" scores; \"cross\" scores belong in results.json"},
            {"negative-ballot-count.json", ":/ballots/0/counts/0/votes: -3 is negative; expected a whole number from 0 to 1000000000"},
            {"ballot-arithmetic.json", ":/ballots/0/ballots_returned: valid (9) + invalid (0) ballots must equal the ballots returned (10)"},
        };
        for (const auto& [file, line] : cases)
        {
            CAPTURE(file);
            std::string path = Fixture(std::string("broken/") + file);
            Run r = Cli("check \"" + path + "\"");
            CHECK(r.code == 1);
            CHECK_MESSAGE(HasLine(r.out, path + line), r.out);
        }
    }

    TEST_CASE("a newer or older schema_version is a warning, not an error")
    {
        std::string newer = Fixture("warn/newer-version.json");
        Run r = Cli("check \"" + newer + "\"");
        CHECK(r.code == 0);
        CHECK(HasLine(r.out, newer + ":/schema_version: warning: written by a newer version of Thidua (schema_version 2; this app knows up to 1): "
                                     "shown read-only and never saved from here; update the app to edit it"));
        std::string older = Fixture("warn/older-version.json");
        r = Cli("check \"" + older + "\"");
        CHECK(r.code == 0);
        CHECK(HasLine(r.out, older + ":/schema_version: warning: older format (schema_version 0); converted to version 1 in memory and saved as version 1 on the next save"));
    }

    TEST_CASE("valid loose files exit 0; missing paths and no arguments exit 2")
    {
        CHECK(Cli("check \"" + Fixture("valid") + "\"").code == 0);
        CHECK(Cli("check \"" + Fixture("valid/meeting.json") + "\" \"" + Fixture("broken/bad-enum.json") + "\"").code == 1);
        CHECK(Cli("check /nonexistent/thidua-path").code == 2);
        CHECK(Cli("check").code == 2);
    }

    TEST_CASE("each broken copy of the sample exits 1 with the pointer into the right file")
    {
        for (const auto& entry : fs::directory_iterator(Fixture("dataset")))
        {
            CAPTURE(entry.path().filename().string());
            nlohmann::json fixture = nlohmann::json::parse(std::ifstream(entry.path()));
            fs::path dir = fs::temp_directory_path() / ("thidua-fixture-" + entry.path().stem().string());
            fs::remove_all(dir);
            fs::copy(fs::path(THIDUA_SOURCE_DIR) / "assets/data/cum1", dir, fs::copy_options::recursive);
            std::string file = fixture["file"];
            nlohmann::json doc = nlohmann::json::parse(std::ifstream(dir / file));
            std::ofstream(dir / file, std::ios::binary) << doc.patch(fixture["patch"]).dump(2) << "\n";
            Run r = Cli("check \"" + dir.string() + "\"");
            CHECK(r.code == 1);
            CHECK_MESSAGE(HasLine(r.out, dir.string() + "/" + file + ":" + fixture["expect"].get<std::string>()), r.out);
            // the same problem is reported when only that file is named (checked within its dataset)
            Run single = Cli("check \"" + (dir / file).string() + "\"");
            CHECK(single.code == 1);
            CHECK_MESSAGE(HasLine(single.out, (dir / file).string() + ":" + fixture["expect"].get<std::string>()), single.out);
            fs::remove_all(dir);
        }
    }

    TEST_CASE("thidua synth writes a dataset that thidua check accepts, every file synthetic")
    {
        fs::path dir = fs::temp_directory_path() / "thidua-synth-test";
        fs::remove_all(dir);
        Run r = Cli("synth --members 4 --criteria 7 --years 2 --seed 42 \"" + dir.string() + "\"");
        REQUIRE(r.code == 0);
        CHECK(Cli("check \"" + dir.string() + "\"").code == 0);
        int files = 0;
        for (const auto& e : fs::recursive_directory_iterator(dir))
            if (e.path().extension() == ".json" && e.path().filename() != "datapackage.json")
            {
                ++files;
                CHECK(nlohmann::json::parse(std::ifstream(e.path())).value("synthetic", false));
            }
        CHECK(files == 3 + 1 + 2 * (1 + 1 + 4 + 1)); // registry + cluster + per year: year, results, 4 self, 1 meeting
        CHECK(Cli("synth --members 1 --criteria 7 --years 1 \"" + dir.string() + "\"").code == 2);
        fs::remove_all(dir);
    }
}
