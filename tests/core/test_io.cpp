// io:: loading, writing and the checker through its public functions: round trips of every format,
// exact messages and pointers for each kind of problem, migration, read-only files, hostile input.
#include "core/check/check.h"
#include "core/io/dataset.h"
#include "core/io/json_read.h"
#include "core/io/schema.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace fs = std::filesystem;

namespace
{
io::DataFiles ReadSample()
{
    io::DataFiles files;
    fs::path root = fs::path(THIDUA_SOURCE_DIR) / "assets/data/cum1";
    for (const auto& e : fs::recursive_directory_iterator(root))
        if (e.path().extension() == ".json")
        {
            std::ifstream in(e.path(), std::ios::binary);
            std::ostringstream ss;
            ss << in.rdbuf();
            files[fs::relative(e.path(), root).generic_string()] = ss.str();
        }
    return files;
}

std::vector<std::string> Lines(const std::vector<check::Issue>& issues)
{
    std::vector<std::string> out;
    for (const check::Issue& i : issues)
        out.push_back(check::FormatIssue(i));
    return out;
}

const char* kMeeting = R"({"format": "thidua.meeting", "schema_version": 1, "meeting": {"id": "mtg.a", "rev": 3, "year_id": "year.x",
 "classification": "working_meeting", "name": "Họp Cụm", "start_date": "2021-05-10", "status": "passed", "venue": {"name": "Hà Nam"}}})";
} // namespace

TEST_SUITE("io")
{
    TEST_CASE("every file of the sample loads without issues and writes back byte for byte")
    {
        io::DataFiles files = ReadSample();
        REQUIRE(files.size() >= 60);
        io::LoadResult r = io::LoadDataset(files);
        CHECK(Lines(r.issues) == std::vector<std::string>{});
        std::set<model::FileKind> kinds;
        for (const model::FileInfo& f : r.dataset.files)
        {
            CAPTURE(f.path);
            CHECK(f.loaded);
            kinds.insert(f.kind);
            CHECK(io::WriteFile(r.dataset, f.path) == files.at(f.path));
        }
        CHECK(kinds.size() == io::AllFileKinds().size()); // all ten formats are exercised
    }

    TEST_CASE("the sample holds the article's facts")
    {
        io::LoadResult r = io::LoadDataset(ReadSample());
        // Ten members from 2018 (records kept, ended with the 2025 mergers) and the six units that succeeded them.
        CHECK(r.dataset.cluster.memberships.size() == 16);
        int members_2021 = 0;
        for (const model::ClusterMembership& m : r.dataset.cluster.memberships)
            members_2021 += m.start_year <= 2021 && (m.end_year == 0 || 2021 <= m.end_year);
        CHECK(members_2021 == 10);
        const model::YearFile* y2021 = nullptr;
        for (const model::YearFile& y : r.dataset.years)
            if (y.year.year == 2021)
                y2021 = &y;
        REQUIRE(y2021);
        CHECK(y2021->year.theme == "Đoàn kết, kỷ cương, đổi mới toàn diện để phát triển");
        const model::Meeting* signing = nullptr;
        for (const model::Meeting& m : r.dataset.meetings)
            if (m.start_date == "2021-03-25")
                signing = &m;
        REQUIRE(signing);
        CHECK(signing->venue.host_org_id == "org.sotnmt.27");
        REQUIRE(signing->decisions.size() == 5);
        CHECK(signing->decisions[0].text.rfind("Một là, Tiếp tục quán triệt", 0) == 0);
        CHECK(signing->decisions[4].text == "Năm là, tích cực tham gia tập huấn nâng cao nghiệp vụ để công tác thi đua, khen thưởng ngày các chính xác, chuẩn mực theo quy định.");
        bool hoa = false, khai = false;
        for (const model::Participant& p : signing->participants)
        {
            hoa = hoa || (p.person_id == "per.nguyen-thi-phuong-hoa" && p.title_at_event == "Thứ trưởng Bộ TN&MT");
            khai = khai || (p.person_id == "per.dao-quang-khai" && p.title_at_event == "Phó Chủ tịch UBND tỉnh Bắc Ninh");
        }
        CHECK(hoa);
        CHECK(khai);
        for (const model::FileInfo& f : r.dataset.files)
            if (f.kind == model::FileKind::Results || f.kind == model::FileKind::SelfAssessment || f.kind == model::FileKind::Year)
                CHECK(f.synthetic);
    }

    TEST_CASE("a file written by WriteFile round-trips, points keep their hundredths")
    {
        std::string self = R"({"format": "thidua.self_assessment", "schema_version": 1, "synthetic": true, "year_id": "y", "organization_id": "o",
          "scores": [{"id": "s1", "rev": 2, "criterion_id": "c", "subject_org_id": "o", "scorer_org_id": "o", "stage": "self", "value": 8.3},
                     {"id": "s2", "rev": 1, "criterion_id": "c2", "subject_org_id": "o", "scorer_org_id": "o", "stage": "self", "value": 0.07}]})";
        io::LoadResult r = io::LoadSingleFile("years/2021/self/o.json", self);
        CHECK(Lines(r.issues) == std::vector<std::string>{});
        REQUIRE(r.dataset.self_assessments.size() == 1);
        CHECK(r.dataset.self_assessments[0].scores[0].value == 830);
        CHECK(r.dataset.self_assessments[0].scores[1].value == 7);
        std::string once = io::WriteFile(r.dataset, "years/2021/self/o.json");
        CHECK(once.find("\"value\": 8.3\n") != std::string::npos);
        io::LoadResult again = io::LoadSingleFile("years/2021/self/o.json", once);
        CHECK(io::WriteFile(again.dataset, "years/2021/self/o.json") == once);
    }

    TEST_CASE("each kind of problem has its exact message and pointer")
    {
        auto check_one = [](std::string bytes, const std::string& from, const std::string& to, const std::string& expected) {
            size_t at = bytes.find(from);
            REQUIRE(at != std::string::npos);
            bytes.replace(at, from.size(), to);
            CHECK(Lines(check::CheckFile("meetings/mtg.a.json", bytes)) == std::vector<std::string>{expected});
        };
        CHECK(Lines(check::CheckFile("meetings/mtg.a.json", kMeeting)) == std::vector<std::string>{});
        check_one(kMeeting, "\"rev\": 3", "\"rev\": \"3\"", "meetings/mtg.a.json:/meeting/rev: expected a whole number, found the text \"3\"");
        check_one(kMeeting, "\"rev\": 3", "\"rev\": 0", "meetings/mtg.a.json:/meeting/rev: 0 is out of range; expected a whole number from 1 to 9007199254740992");
        check_one(kMeeting, "\"rev\": 3", "\"rev\": 99999999999999999999999", "meetings/mtg.a.json:/meeting/rev: 9.999999999999999e+22 is out of range; expected a whole number from 1 to 9007199254740992");
        check_one(kMeeting, "\"name\": \"Họp Cụm\", ", "", "meetings/mtg.a.json:/meeting/name: required field \"name\" is missing");
        check_one(kMeeting, "\"name\": \"Họp Cụm\"", "\"name\": \"\"", "meetings/mtg.a.json:/meeting/name: \"name\" must not be empty");
        check_one(kMeeting, "2021-05-10", "2021-04-31", "meetings/mtg.a.json:/meeting/start_date: \"2021-04-31\" is not a real date; expected YYYY-MM-DD, e.g. \"2021-03-25\"");
        check_one(kMeeting, "\"year.x\"", "\"year x\"", "meetings/mtg.a.json:/meeting/year_id: reference \"year x\" may use only ASCII letters, digits, '.', '-' and '_'");
        check_one(kMeeting, "\"mtg.a\"", "\"mtg.b\"", "meetings/mtg.a.json:/meeting/id: the file is named mtg.a.json but the meeting's id is \"mtg.b\"; they must match");
        check_one(kMeeting, "\"venue\": {\"name\": \"Hà Nam\"}", "\"venue\": [\"Hà Nam\"]", "meetings/mtg.a.json:/meeting/venue: expected an object ({...}), found a list");
        check_one(kMeeting, "\"format\": \"thidua.meeting\"", "\"format\": \"thidua.year\"", "meetings/mtg.a.json:/format: this path holds thidua.meeting files, but the file says \"thidua.year\"");
        check_one(kMeeting, "Họp Cụm", "Ho\xCC\xA3p Cụm", "meetings/mtg.a.json:/meeting/name: text is not in Unicode NFC (composed) form; write it as \"Họp Cụm\" (the same letters, each as one character)");
        check_one(kMeeting, "\"status\": \"passed\"", "\"status\": \"passed\", \"status2\": 1", "meetings/mtg.a.json:/meeting/status2: unknown field \"status2\" (not part of this format; check the spelling)");
    }

    TEST_CASE("contacts: each kind is checked, and the private flag round-trips")
    {
        const std::string people = R"({"format": "thidua.people", "schema_version": 1, "synthetic": true, "people": [
          {"id": "per.a", "rev": 1, "synthetic": true, "name": "Nguyễn Thu Trang", "contact_details": [
            {"type": "phone", "label": "Văn phòng Sở", "value": "0222 3270 101"},
            {"type": "email", "value": "thidua@example.org"},
            {"type": "mobile", "value": "0912 270 201", "private": true},
            {"type": "website", "value": "https://example.org/so"}]}]})";
        CHECK(Lines(check::CheckFile("registry/people.json", people)) == std::vector<std::string>{});
        io::DataFiles files{{"registry/people.json", people}};
        io::LoadResult loaded = io::LoadDataset(files);
        REQUIRE(loaded.dataset.people.size() == 1);
        const auto& contacts = loaded.dataset.people[0].contact_details;
        REQUIRE(contacts.size() == 4);
        CHECK(contacts[0].label == "Văn phòng Sở");
        CHECK(!contacts[1].is_private);
        CHECK(contacts[2].is_private);
        CHECK(io::WriteFile(loaded.dataset, "registry/people.json").find("\"private\": true") != std::string::npos);

        auto bad = [&](const std::string& from, const std::string& to) {
            std::string bytes = people;
            bytes.replace(bytes.find(from), from.size(), to);
            return Lines(check::CheckFile("registry/people.json", bytes));
        };
        CHECK(bad("0222 3270 101", "0222 32x") == std::vector<std::string>{
                  "registry/people.json:/people/0/contact_details/0/value: \"0222 32x\" is not a telephone number; expected 8 to 15 digits such as \"0222 3822 100\""});
        CHECK(bad("thidua@example.org", "thidua.example.org") == std::vector<std::string>{
                  "registry/people.json:/people/0/contact_details/1/value: \"thidua.example.org\" is not an e-mail address such as \"vanphong@example.org\""});
        CHECK(bad("https://example.org/so", "example.org/so") == std::vector<std::string>{
                  "registry/people.json:/people/0/contact_details/3/value: \"example.org/so\" is not a web address; it should start with https://"});
        CHECK(bad("\"type\": \"mobile\"", "\"type\": \"pager\"") == std::vector<std::string>{
                  "registry/people.json:/people/0/contact_details/2/type: \"pager\" is not an allowed value; expected one of: address, email, phone, mobile, fax, website"});
        CHECK(bad("\"private\": true", "\"private\": \"yes\"") == std::vector<std::string>{
                  "registry/people.json:/people/0/contact_details/2/private: expected true or false, found the text \"yes\""});
        // Invented contacts must sit in a file that says it holds invented facts.
        CHECK(bad("\"schema_version\": 1, \"synthetic\": true,", "\"schema_version\": 1,") == std::vector<std::string>{
                  "registry/people.json:/people/0/synthetic: the record is marked synthetic (invented) but the file is not; add \"synthetic\": true at the top of the file"});
    }

    TEST_CASE("every problem of a file is reported at once")
    {
        std::string bad = R"({"format": "thidua.meeting", "schema_version": 1, "meeting": {"id": "mtg.a", "rev": -1, "year_id": 5,
          "classification": "party", "start_date": "2021-02-30", "status": "passed", "venue": {}}})";
        CHECK(Lines(check::CheckFile("meetings/mtg.a.json", bad)) == std::vector<std::string>{
                  "meetings/mtg.a.json:/meeting/rev: -1 is out of range; expected a whole number from 1 to 9007199254740992",
                  "meetings/mtg.a.json:/meeting/year_id: expected the id of a year, found the number 5",
                  "meetings/mtg.a.json:/meeting/classification: \"party\" is not an allowed value; expected one of: covenant_signing, mid_year_review, year_end_summary, working_meeting, sports_exchange",
                  "meetings/mtg.a.json:/meeting/name: required field \"name\" is missing",
                  "meetings/mtg.a.json:/meeting/start_date: \"2021-02-30\" is not a real date; expected YYYY-MM-DD, e.g. \"2021-03-25\"",
                  "meetings/mtg.a.json:/meeting/venue/name: required field \"name\" is missing",
              });
    }

    TEST_CASE("syntax errors give line and column; a broken file adds nothing to the dataset")
    {
        io::DataFiles files = ReadSample();
        std::string& org = files.at("registry/people.json");
        org.insert(org.find("\"people\""), "\n  oops\n");
        io::LoadResult r = io::LoadDataset(files);
        std::vector<std::string> lines = Lines(r.issues);
        CHECK(std::find(lines.begin(), lines.end(),
                        "registry/people.json: line 4, column 3: not valid JSON: syntax error while parsing object key - invalid literal; expected string literal") != lines.end());
        // references to the people of the broken file cannot resolve, and say so
        CHECK(std::find(lines.begin(), lines.end(),
                        "meetings/mtg.cum1.2021-03-25.giao-uoc.json:/meeting/participants/0/person_id: no person with id \"per.nguyen-thi-phuong-hoa\" exists in the dataset") != lines.end());
        CHECK(r.dataset.people.empty());
        for (const model::FileInfo& f : r.dataset.files)
            if (f.path == "registry/people.json")
                CHECK_FALSE(f.loaded);
        CHECK(io::WriteFile(r.dataset, "registry/people.json") == "");
    }

    TEST_CASE("references are resolved across files, with the expected kind")
    {
        io::DataFiles files = ReadSample();
        std::string& m = files.at("meetings/mtg.cum1.2021-03-25.giao-uoc.json");
        const std::string host = "\"host_org_id\": \"org.sotnmt.27\"";
        REQUIRE(m.find(host) != std::string::npos);
        m.replace(m.find(host), host.size(), "\"host_org_id\": \"org.sotnmt.99\"");
        CHECK(Lines(io::LoadDataset(files).issues) ==
              std::vector<std::string>{"meetings/mtg.cum1.2021-03-25.giao-uoc.json:/meeting/venue/host_org_id: no organization with id \"org.sotnmt.99\" exists in the dataset"});
    }

    TEST_CASE("the first screen's load: the latest year and everything else but the closed years' scores, same bytes")
    {
        const io::DataFiles files = ReadSample();
        int latest = 0;
        for (const auto& [path, bytes] : files)
            if (io::KindOfPath(path) == model::FileKind::Year)
                latest = std::max(latest, std::stoi(path.substr(6, 4)));
        REQUIRE(latest == 2026);
        std::set<std::string> expected; // every file but results.json and self/* of the years before `latest`
        for (const auto& [path, bytes] : files)
        {
            const model::FileKind kind = io::KindOfPath(path);
            const bool scores = kind == model::FileKind::Results || kind == model::FileKind::SelfAssessment;
            if (!(scores && std::stoi(path.substr(6, 4)) < latest))
                expected.insert(path);
        }
        REQUIRE(expected.size() < files.size());
        REQUIRE(expected.count("years/2026/year.json"));
        REQUIRE_FALSE(expected.count("years/2021/results.json"));

        const io::LoadResult full = io::LoadDataset(files);
        const io::LoadResult first = io::LoadLatestYear(files);
        std::set<std::string> read;
        for (const model::FileInfo& f : first.dataset.files)
        {
            CAPTURE(f.path);
            read.insert(f.path);
            CHECK(f.loaded);
            CHECK(io::WriteFile(first.dataset, f.path) == io::WriteFile(full.dataset, f.path));
        }
        CHECK(read == expected);
        CHECK(first.issues.empty());
    }

    TEST_CASE("the first screen's load reports each read file's own problems, a subset of the whole load's")
    {
        io::DataFiles files = ReadSample();
        std::string& closed = files.at("years/2021/results.json"); // a closed year's scores: not read first
        closed.insert(closed.find("\"scores\""), "\n  oops\n");
        std::string& people = files.at("registry/people.json"); // read first
        people.insert(people.find("\"people\""), "\n  oops\n");
        std::string& m = files.at("meetings/mtg.cum1.2021-03-25.giao-uoc.json"); // a reference: checked later
        const std::string host = "\"host_org_id\": \"org.sotnmt.27\"";
        REQUIRE(m.find(host) != std::string::npos);
        m.replace(m.find(host), host.size(), "\"host_org_id\": \"org.sotnmt.99\"");

        const std::vector<std::string> first = Lines(io::LoadLatestYear(files).issues);
        const std::vector<std::string> full = Lines(io::LoadDataset(files).issues);
        const auto mentions = [](const std::vector<std::string>& lines, const std::string& what) {
            return std::any_of(lines.begin(), lines.end(), [&](const std::string& l) { return l.find(what) != std::string::npos; });
        };
        CHECK(mentions(first, "registry/people.json: line 4, column 3: not valid JSON"));
        CHECK_FALSE(mentions(first, "years/2021/results.json"));
        CHECK_FALSE(mentions(first, "org.sotnmt.99"));
        CHECK(mentions(full, "years/2021/results.json"));
        CHECK(mentions(full, "no organization with id \"org.sotnmt.99\""));
        for (const std::string& line : first)
        {
            CAPTURE(line);
            CHECK(std::find(full.begin(), full.end(), line) != full.end());
        }
    }

    TEST_CASE("a newer schema_version is read-only; an older one is migrated and written as the current version")
    {
        std::string newer = kMeeting;
        newer.replace(newer.find("\"schema_version\": 1"), 19, "\"schema_version\": 7");
        newer.replace(newer.find("\"status\""), 8, "\"future_field\": [1], \"status\"");
        io::LoadResult r = io::LoadSingleFile("meetings/mtg.a.json", newer);
        REQUIRE(r.issues.size() == 1);
        CHECK(r.issues[0].severity == check::Severity::Warning);
        CHECK(r.issues[0].pointer == "/schema_version");
        CHECK(r.dataset.files[0].read_only);
        CHECK(r.dataset.meetings[0].name == "Họp Cụm");
        CHECK(io::WriteFile(r.dataset, "meetings/mtg.a.json") == "");

        std::string older = kMeeting;
        older.replace(older.find("\"schema_version\": 1"), 19, "\"schema_version\": 0");
        older.replace(older.find("\"rev\": 3, "), 10, "");
        io::LoadResult o = io::LoadSingleFile("meetings/mtg.a.json", older);
        REQUIRE(o.issues.size() == 1);
        CHECK(o.issues[0].severity == check::Severity::Warning);
        CHECK(o.dataset.meetings[0].rev == 1);
        std::string written = io::WriteFile(o.dataset, "meetings/mtg.a.json");
        CHECK(written.find("\"schema_version\": 1") != std::string::npos);
        CHECK(io::LoadSingleFile("meetings/mtg.a.json", written).issues.empty());
        // the same file at version 1 without rev is an error: only the migration supplies it
        std::string current_without_rev = older;
        current_without_rev.replace(current_without_rev.find("\"schema_version\": 0"), 19, "\"schema_version\": 1");
        CHECK(Lines(check::CheckFile("meetings/mtg.a.json", current_without_rev)) ==
              std::vector<std::string>{"meetings/mtg.a.json:/meeting/rev: required field \"rev\" is missing"});
    }

    TEST_CASE("hostile input gets a clear message and never crashes")
    {
        CHECK(Lines(check::CheckFile("x.json", "")) == std::vector<std::string>{"x.json: the file is empty; expected a JSON object"});
        CHECK(Lines(check::CheckFile("x.json", "[1, 2]")) == std::vector<std::string>{"x.json: expected a JSON object ({...}) at the top of the file"});
        std::string deep(200000, '[');
        std::vector<check::Issue> issues = check::CheckFile("x.json", deep);
        REQUIRE(issues.size() == 1);
        // Refused before parsing (issue #11): no walk ever sees a tree deeper than io::kMaxJsonDepth.
        CHECK(issues[0].message.rfind("line 1, column 65: nested deeper than 64 levels", 0) == 0);
        std::string nested = "{\"format\": \"thidua.meeting\", \"schema_version\": 1, \"meeting\": " + std::string(100000, '[') + std::string(100000, ']') + "}";
        CHECK(Lines(check::CheckFile("meetings/mtg.a.json", nested)) ==
              std::vector<std::string>{"meetings/mtg.a.json: line 1, column 125: " + io::DepthMessage()});
        CHECK(Lines(check::CheckFile("x.json", "{\"format\": \"thidua.meeting\", \"schema_version\": 1e400}"))[0].find("not valid JSON") != std::string::npos);
        std::string huge = "{\"format\": \"thidua.meeting\", \"schema_version\": 1, \"meeting\": {\"name\": \"" + std::string(100u * 1024u * 1024u, 'a') + "\"}}";
        CHECK(Lines(check::CheckFile("x.json", huge)) == std::vector<std::string>{"x.json: the file is too large (100 MB; at most 64 MB are accepted)"});
        std::string long_name = kMeeting;
        long_name.replace(long_name.find("Họp Cụm"), std::string("Họp Cụm").size(), std::string(3000, 'a'));
        CHECK(Lines(check::CheckFile("meetings/mtg.a.json", long_name)) ==
              std::vector<std::string>{"meetings/mtg.a.json:/meeting/name: text is too long (3000 bytes; at most 2000 allowed here)"});
    }

    TEST_CASE("the descriptor lists the files the browser fetches")
    {
        io::DataFiles files = ReadSample();
        std::vector<check::Issue> issues;
        std::vector<std::string> listed = io::ListDatasetFiles(files.at("datapackage.json"), &issues);
        CHECK(issues.empty());
        CHECK(listed.size() == files.size() - 1);
        for (const std::string& p : listed)
            CHECK(files.count(p) == 1);
        files["meetings/mtg.extra.json"] = kMeeting;
        std::vector<std::string> lines = Lines(io::LoadDataset(files).issues);
        CHECK(std::find(lines.begin(), lines.end(),
                        "meetings/mtg.extra.json: warning: the file is not listed in datapackage.json, so the app will not load it; add it to \"resources\"") != lines.end());
    }

    TEST_CASE("paths follow the layout")
    {
        CHECK(io::KindOfPath("years/2021/self/org.sotnmt.27.json") == model::FileKind::SelfAssessment);
        CHECK(io::KindOfPath("years/2021/results.json") == model::FileKind::Results);
        CHECK(io::KindOfPath("meetings/mtg.x.json") == model::FileKind::Meeting);
        CHECK(io::KindOfPath("years/21/year.json") == model::FileKind::Unknown);
        CHECK(io::KindOfPath("meetings/../cluster.json") == model::FileKind::Unknown);
        CHECK(io::KindOfPath("years/2021/self/a/b.json") == model::FileKind::Unknown);
    }
}
