// Importing a JSON file (src/core/sync/import.h) into a client holding the sample dataset: edits where the file was
// made from what this device has, conflicts where this device moved on, new records added, nothing deleted, and
// every bad input refused with the client left exactly as it was. Also the whole-dataset export round trip.
#include "core/check/check.h"
#include "core/io/dataset.h"
#include "core/io/export.h"
#include "core/io/json_read.h"
#include "core/sync/import.h"

#include <doctest/doctest.h>

#include <algorithm>

#include <fstream>
#include <sstream>

using nlohmann::json;

namespace
{
const char* const kMeeting = "meetings/mtg.cum1.2021-03-25.giao-uoc.json";
const char* const kMeetingName = "mtg.cum1.2021-03-25.giao-uoc.json";

std::string ReadSample(const std::string& path)
{
    std::ifstream in(THIDUA_SOURCE_DIR "/assets/data/cum1/" + path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// A client that has synced the sample dataset, with the app's checker.
datasync::Client SampleClient(const std::string& device = "dev")
{
    datasync::Client c;
    c.device_id = device;
    c.check = [](const std::string& path, const std::string& bytes) { return check::CheckFile(path, bytes); };
    const std::string descriptor = ReadSample(io::kDescriptorPath);
    c.synced[io::kDescriptorPath] = {"\"e0\"", descriptor};
    for (const std::string& path : io::ListDatasetFiles(descriptor, nullptr))
        c.synced[path] = {"\"e-" + path + "\"", ReadSample(path)};
    return c;
}

json Meeting(const datasync::Client& c)
{
    return datasync::WorkingCopy(c, kMeeting);
}

std::string State(const datasync::Client& c)
{
    return datasync::ClientToJson(c).dump();
}

std::string Lines(const datasync::ImportPlan& plan)
{
    std::string out;
    for (const check::Issue& i : plan.errors)
        out += check::FormatIssue(i) + "\n";
    return out;
}

json Package(const datasync::Client& c)
{
    json doc;
    REQUIRE(io::ParseJson(io::DataPackageJson(datasync::WorkingFiles(c), "2026-11-26T10:00:00Z"), &doc));
    return doc;
}
} // namespace

TEST_SUITE("import")
{
TEST_CASE("a file made from this device's copy and edited elsewhere becomes an edit (SetFields)")
{
    datasync::Client c = SampleClient();
    json file = Meeting(c);
    const int64_t rev = file["meeting"]["rev"];
    file["meeting"]["venue"]["name"] = "Hội trường A, Sở TN&MT Bắc Ninh";
    const datasync::ImportPlan plan = datasync::PlanImport(c, kMeetingName, datasync::Serialize(file));
    REQUIRE_MESSAGE(plan.errors.empty(), Lines(plan));
    CHECK(plan.paths == std::vector<std::string>{kMeeting});
    CHECK(plan.changed == 1);
    CHECK(plan.added == 0);
    CHECK(plan.conflicted == 0);
    REQUIRE(plan.ops.size() == 1);
    CHECK(plan.ops[0].kind == datasync::OpKind::SetFields);
    CHECK(plan.ops[0].record_id == file["meeting"]["id"]);
    CHECK(plan.ops[0].value == json{{"venue", file["meeting"]["venue"]}});
    REQUIRE(plan.changes.size() == 1);
    CHECK(plan.changes[0].field == "venue");
    CHECK(plan.changes[0].old_value["name"] == "Sở Tài nguyên và Môi trường tỉnh Bắc Ninh");

    REQUIRE(datasync::ApplyImport(c, plan));
    REQUIRE(c.outbox.size() == 1);
    CHECK(c.outbox[0].op_id == "dev-1");
    CHECK(Meeting(c)["meeting"]["venue"]["name"] == "Hội trường A, Sở TN&MT Bắc Ninh");
    CHECK(Meeting(c)["meeting"]["rev"] == rev + 1);
    // The same file again: what it says is here now.
    CHECK(datasync::PlanImport(c, kMeetingName, datasync::Serialize(file)).ops.empty());
}

TEST_CASE("when this device's record moved on since the file was made, a differing field is a conflict, not an edit")
{
    datasync::Client c = SampleClient();
    const json original = Meeting(c);
    std::string op_id;
    const std::string renamed = original["meeting"]["name"].get<std::string>() + " (sửa trên máy này)";
    REQUIRE(datasync::EditFields(c, kMeeting, original["meeting"]["id"], {{"name", renamed}}, &op_id).empty());
    REQUIRE(Meeting(c)["meeting"]["rev"] > original["meeting"]["rev"]);
    json file = original; // made before the local edit
    file["meeting"]["venue"]["name"] = "Hội trường B";
    const datasync::ImportPlan plan = datasync::PlanImport(c, kMeetingName, datasync::Serialize(file));
    REQUIRE_MESSAGE(plan.errors.empty(), Lines(plan));
    CHECK(plan.changed == 0);
    CHECK(plan.ops.empty());
    CHECK(plan.conflicted >= 1);
    const size_t outbox = c.outbox.size();
    REQUIRE(datasync::ApplyImport(c, plan));
    CHECK(c.outbox.size() == outbox); // no edit: the local value stays until a person chooses
    CHECK(Meeting(c)["meeting"]["venue"]["name"] == original["meeting"]["venue"]["name"]);
    size_t venue = c.conflicts.size();
    for (size_t i = 0; i < c.conflicts.size(); ++i)
        if (c.conflicts[i].field == "venue")
            venue = i;
    REQUIRE(venue < c.conflicts.size());
    CHECK(c.conflicts[venue].path == kMeeting);
    CHECK(c.conflicts[venue].ours["name"] == "Hội trường B");
    CHECK(c.conflicts[venue].theirs == original["meeting"]["venue"]);
    CHECK(c.conflicts[venue].op_id.rfind("import-", 0) == 0);
    CHECK(Meeting(c)["meeting"]["name"] == renamed); // the file's older name did not overwrite the local edit
    // Keeping the file's value makes it an edit.
    REQUIRE(datasync::ResolveConflict(c, venue, true).empty());
    CHECK(Meeting(c)["meeting"]["venue"]["name"] == "Hội trường B");
}

TEST_CASE("a record only the file has is added (AddRecord); records only this device has are never deleted")
{
    datasync::Client c = SampleClient();
    json file = Meeting(c);
    json& agenda = file["meeting"]["agenda"];
    REQUIRE(agenda.size() >= 2);
    json item = agenda[0];
    item["id"] = "agenda.2021-03-25.99";
    item["order"] = "99";
    item["description"] = "Bế mạc hội nghị";
    agenda.erase(agenda.begin()); // gone from the file: must stay on this device
    agenda.push_back(item);
    const datasync::ImportPlan plan = datasync::PlanImport(c, kMeetingName, datasync::Serialize(file));
    REQUIRE_MESSAGE(plan.errors.empty(), Lines(plan));
    CHECK(plan.added == 1);
    CHECK(plan.changed == 0);
    REQUIRE(plan.ops.size() == 1);
    CHECK(plan.ops[0].kind == datasync::OpKind::AddRecord);
    CHECK(plan.ops[0].parent == "/meeting/agenda");
    REQUIRE(datasync::ApplyImport(c, plan));
    const json after = Meeting(c)["meeting"]["agenda"];
    CHECK(after.size() == Meeting(SampleClient())["meeting"]["agenda"].size() + 1);
    CHECK(after.back()["description"] == "Bế mạc hội nghị");
    CHECK(datasync::FindRecord(after, "agenda.2021-03-25.1") != nullptr);
}

TEST_CASE("malformed JSON is refused with its line and column, and the client is unchanged")
{
    datasync::Client c = SampleClient();
    const std::string before = State(c);
    const datasync::ImportPlan plan =
        datasync::PlanImport(c, "hong.json", "{\n  \"format\": \"thidua.meeting\",\n  \"meeting\": {oops}\n}\n");
    REQUIRE(plan.errors.size() >= 1);
    CHECK(plan.errors[0].file == "hong.json");
    CHECK(plan.errors[0].message.find("line 3") != std::string::npos);
    CHECK(plan.errors[0].message.find("column") != std::string::npos);
    CHECK(plan.ops.empty());
    CHECK_FALSE(datasync::ApplyImport(c, plan));
    CHECK(State(c) == before);
}

TEST_CASE("a file the checker refuses changes nothing and its lines name the JSON pointer")
{
    datasync::Client c = SampleClient();
    const std::string before = State(c);
    json file = Meeting(c);
    file["meeting"]["venue"]["name"] = 42; // a number where text belongs
    file["meeting"]["agenda"].push_back({{"id", "agenda.new"}, {"order", "9"}, {"description", "ok"}});
    const datasync::ImportPlan plan = datasync::PlanImport(c, kMeetingName, datasync::Serialize(file));
    REQUIRE_FALSE(plan.errors.empty());
    CHECK(Lines(plan).find(std::string(kMeetingName) + ":/meeting/venue/name: ") != std::string::npos);
    CHECK(plan.ops.empty());
    CHECK(plan.added == 0);
    CHECK_FALSE(datasync::ApplyImport(c, plan));
    CHECK(State(c) == before);
}

TEST_CASE("bad input is refused with a clear message: too large, not an object, another cluster, unknown file")
{
    datasync::Client c = SampleClient();
    const std::string before = State(c);
    SUBCASE("too large")
    {
        const datasync::ImportPlan plan = datasync::PlanImport(c, "big.json", std::string(datasync::kMaxImportBytes + 1, ' '));
        REQUIRE(plan.errors.size() == 1);
        CHECK(plan.errors[0].message.find("8 MB") != std::string::npos);
    }
    SUBCASE("not an object")
    {
        CHECK(datasync::PlanImport(c, "a.json", "[1, 2]").errors.size() == 1);
    }
    SUBCASE("a year file of another cluster")
    {
        json year = datasync::WorkingCopy(c, "years/2021/year.json");
        year["year"]["cluster_id"] = "cluster.cum2";
        const datasync::ImportPlan plan = datasync::PlanImport(c, "year.json", datasync::Serialize(year));
        REQUIRE(plan.errors.size() == 1);
        CHECK(plan.errors[0].message.find("cluster.cum2") != std::string::npos);
    }
    SUBCASE("a file of no known kind that this device does not hold")
    {
        json file = Meeting(c);
        file["format"] = "thidua.covenant";
        file["year_id"] = "year.cum1.2030";
        const datasync::ImportPlan plan = datasync::PlanImport(c, "x.json", datasync::Serialize(file));
        REQUIRE_FALSE(plan.errors.empty());
        CHECK(plan.ops.empty());
    }
    SUBCASE("a package of another cluster")
    {
        json package = Package(c);
        package["name"] = "cum2";
        const datasync::ImportPlan plan = datasync::PlanImport(c, "p.json", package.dump());
        REQUIRE(plan.errors.size() == 1);
        CHECK(plan.errors[0].pointer == "/name");
    }
    SUBCASE("a package with a path outside the data layout")
    {
        json package = Package(c);
        package["resources"][1]["path"] = "../x.json";
        package["resources"][1]["data"]["meeting"]["venue"]["name"] = "X";
        const datasync::ImportPlan plan = datasync::PlanImport(c, "p.json", package.dump());
        REQUIRE(plan.errors.size() == 1);
        CHECK(plan.errors[0].pointer == "/resources/1/path");
        CHECK(plan.errors[0].message.find("../x.json") != std::string::npos);
        CHECK(plan.ops.empty());
    }
    SUBCASE("a package whose file has the wrong type somewhere")
    {
        json package = Package(c);
        package["resources"][1]["data"]["meeting"]["date"] = true;
        const datasync::ImportPlan plan = datasync::PlanImport(c, "p.json", package.dump());
        REQUIRE_FALSE(plan.errors.empty());
        CHECK(plan.errors[0].pointer == "/resources/1/data/meeting/date");
        CHECK(plan.ops.empty());
    }
    SUBCASE("the plain descriptor, which holds no data")
    {
        const datasync::ImportPlan plan = datasync::PlanImport(c, "datapackage.json", ReadSample(io::kDescriptorPath));
        CHECK(plan.errors.size() == 1);
    }
    CHECK(State(c) == before);
}

TEST_CASE("an identical file has nothing to import")
{
    datasync::Client c = SampleClient();
    const datasync::ImportPlan plan = datasync::PlanImport(c, kMeetingName, datasync::Serialize(Meeting(c)));
    CHECK(plan.errors.empty());
    CHECK(plan.ops.empty());
    CHECK(plan.conflicts.empty());
    CHECK(plan.changes.empty());
    CHECK_FALSE(datasync::ApplyImport(c, plan));
}

TEST_CASE("the whole-dataset package round-trips: exported, then imported into a fresh client, changes nothing")
{
    datasync::Client a = SampleClient("a");
    const io::DataFiles files = datasync::WorkingFiles(a);
    const std::string bytes = io::DataPackageJson(files, "2026-11-26T10:00:00Z");
    json package;
    REQUIRE(io::ParseJson(bytes, &package));
    CHECK(package["name"] == "cum1");
    CHECK(package["created"] == "2026-11-26T10:00:00Z");
    CHECK(io::DataPackageFileName(files, "2026-11-26") == "thidua-cum1-2026-11-26.datapackage.json");
    const size_t listed = io::ListDatasetFiles(files.at(io::kDescriptorPath), nullptr).size();
    REQUIRE(package["resources"].size() == listed);
    const json& first = package["resources"][0];
    CHECK(first["path"] == "cluster.json");
    CHECK(first["mediatype"] == "application/json");
    CHECK(first["encoding"] == "utf-8");
    CHECK(first["bytes"] == files.at("cluster.json").size());
    CHECK(datasync::Serialize(first["data"]) == files.at("cluster.json"));

    datasync::Client b = SampleClient("b");
    const datasync::ImportPlan plan = datasync::PlanImport(b, "p.json", bytes);
    REQUIRE_MESSAGE(plan.errors.empty(), Lines(plan));
    CHECK(plan.paths.size() == listed);
    CHECK(plan.changes.empty());
    CHECK(plan.ops.empty());

    // An edit made on device a arrives on device b through the package.
    std::string op_id;
    json venue = Meeting(a)["meeting"]["venue"];
    venue["name"] = "Phòng 301";
    REQUIRE(datasync::EditFields(a, kMeeting, Meeting(a)["meeting"]["id"], {{"venue", venue}}, &op_id).empty());
    const datasync::ImportPlan edited =
        datasync::PlanImport(b, "p.json", io::DataPackageJson(datasync::WorkingFiles(a), "2026-11-26T11:00:00Z"));
    REQUIRE_MESSAGE(edited.errors.empty(), Lines(edited));
    CHECK(edited.changed == 1);
    CHECK(edited.conflicted == 0);
    REQUIRE(datasync::ApplyImport(b, edited));
    CHECK(Meeting(b)["meeting"]["venue"] == venue);
}

TEST_CASE("a single data file is named by its path's last part")
{
    CHECK(io::DataFileName(kMeeting) == kMeetingName);
    CHECK(io::DataFileName("cluster.json") == "cluster.json");
}
}

TEST_SUITE("import")
{
TEST_CASE("a hostile, deeply nested file is refused before it is parsed; quotes and brackets in strings do not count")
{
    datasync::Client c = SampleClient();
    const std::string deep = "{\"format\": \"thidua.meeting\", \"x\": " + std::string(200000, '[') + std::string(200000, ']') + "}";
    const datasync::ImportPlan plan = datasync::PlanImport(c, "deep.json", deep);
    REQUIRE(plan.errors.size() == 1);
    CHECK(plan.errors[0].message.find("nest more than 64") != std::string::npos);

    json file = Meeting(c);
    file["meeting"]["venue"]["name"] = "Phòng \"[[[[\" {{ \\\" ]]";
    const datasync::ImportPlan text = datasync::PlanImport(c, kMeetingName, datasync::Serialize(file));
    CHECK_MESSAGE(text.errors.empty(), Lines(text));
    CHECK(text.changed == 1);
}

TEST_CASE("a meeting this device does not hold is created where its id says, and listed in datapackage.json")
{
    datasync::Client c = SampleClient();
    json file = Meeting(c);
    file["meeting"]["id"] = "mtg.cum1.2030-01-01.x";
    const datasync::ImportPlan plan = datasync::PlanImport(c, "mtg.cum1.2030-01-01.x.json", datasync::Serialize(file));
    REQUIRE_MESSAGE(plan.errors.empty(), Lines(plan));
    REQUIRE(plan.ops.size() == 2);
    CHECK(plan.ops[0].kind == datasync::OpKind::CreateFile);
    CHECK(plan.ops[0].path == "meetings/mtg.cum1.2030-01-01.x.json");
    CHECK(plan.ops[1].path == "datapackage.json");
    CHECK(plan.ops[1].value["writer"] == "secretariat");
    CHECK(plan.added == 1);
    REQUIRE(datasync::ApplyImport(c, plan));
    CHECK(datasync::WorkingCopy(c, "meetings/mtg.cum1.2030-01-01.x.json")["meeting"]["id"] == "mtg.cum1.2030-01-01.x");
    const json resources = datasync::WorkingCopy(c, "datapackage.json")["resources"];
    CHECK(std::any_of(resources.begin(), resources.end(),
                      [](const json& r) { return r["path"] == "meetings/mtg.cum1.2030-01-01.x.json"; }));
    // Importing it again changes nothing: the file is there now, with the same content.
    const datasync::ImportPlan again = datasync::PlanImport(c, "mtg.cum1.2030-01-01.x.json", datasync::Serialize(file));
    CHECK(again.ops.empty());
}

TEST_CASE("a package resource for a file this device does not hold is created with the rest of the package")
{
    datasync::Client c = SampleClient();
    json package = Package(c);
    json extra = package["resources"][1];
    REQUIRE(extra["path"] == kMeeting);
    extra["path"] = "meetings/mtg.cum1.2030-01-01.x.json";
    extra["data"]["meeting"]["id"] = "mtg.cum1.2030-01-01.x";
    package["resources"].push_back(extra);
    package["resources"][1]["data"]["meeting"]["venue"]["name"] = "Phòng 302";
    const datasync::ImportPlan plan = datasync::PlanImport(c, "p.json", package.dump());
    REQUIRE_MESSAGE(plan.errors.empty(), Lines(plan));
    CHECK(plan.changed == 1);
    CHECK(plan.added == 1);
    CHECK(plan.notes.empty());
    CHECK(std::any_of(plan.ops.begin(), plan.ops.end(), [](const datasync::Op& op) {
        return op.kind == datasync::OpKind::CreateFile && op.path == "meetings/mtg.cum1.2030-01-01.x.json";
    }));
}
}
