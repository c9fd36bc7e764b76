// The conflict rules for records that are added, ended and removed (merge.h): each case keeps both sides for a
// person, and a person's choice does what it says.
#include "core/sync/client.h"
#include "core/sync/pack.h"

#include <doctest/doctest.h>

using nlohmann::json;

namespace
{
datasync::Op MakeOp(datasync::OpKind kind, const std::string& id, json value, json old = json::object(),
                    const std::string& parent = "/records")
{
    datasync::Op op;
    op.op_id = "d-" + id;
    op.path = "f.json";
    op.kind = kind;
    op.record_id = id;
    op.value = std::move(value);
    op.old = std::move(old);
    op.parent = parent;
    return op;
}
} // namespace

TEST_SUITE("sync records")
{
    TEST_CASE("add/add of the same id: the same record is already there, another record is a conflict keeping both")
    {
        const json rec = {{"id", "r1"}, {"rev", 1}, {"text", "của tôi"}};
        const json theirs = {{"records", {rec}}};
        datasync::ReplayResult r = datasync::Replay(theirs, {MakeOp(datasync::OpKind::AddRecord, "r1", rec)});
        CHECK(r.present == std::vector<std::string>{"d-r1"});
        CHECK(r.conflicts.empty());

        const json other = {{"records", {{{"id", "r1"}, {"rev", 1}, {"text", "của máy khác"}}}}};
        r = datasync::Replay(other, {MakeOp(datasync::OpKind::AddRecord, "r1", rec)});
        REQUIRE(r.conflicts.size() == 1);
        CHECK(r.conflicts[0].ours == rec);
        CHECK(r.conflicts[0].theirs["text"] == "của máy khác");
        CHECK(r.conflicts[0].parent == "/records");
        CHECK(r.doc == other); // theirs untouched until a person chooses
    }

    TEST_CASE("keeping ours after add/add adds our record under a new id: both records stay")
    {
        datasync::Client c;
        c.device_id = "d";
        c.synced["f.json"] = {"\"1\"", datasync::Serialize({{"records", {{{"id", "r1"}, {"text", "máy khác"}}}}})};
        datasync::Conflict k{"d-1", "f.json", "r1", "", json(), {{"id", "r1"}, {"text", "của tôi"}},
                             {{"id", "r1"}, {"text", "máy khác"}}, "/records"};
        c.conflicts.push_back(k);
        REQUIRE(datasync::ResolveConflict(c, 0, true).empty());
        CHECK(c.conflicts.empty());
        const json doc = datasync::WorkingCopy(c, "f.json");
        REQUIRE(doc["records"].size() == 2);
        CHECK(doc["records"][1]["id"] == "r1-2");
        CHECK(doc["records"][1]["text"] == "của tôi");
    }

    TEST_CASE("edit after end: an edit reaching a record the server ended is a conflict; keep ours applies it")
    {
        const json ended = {{"date", "2025-06-30"}, {"reason", "Hợp nhất"}};
        const json theirs = {{"records", {{{"id", "m1"}, {"rev", 2}, {"note", "cũ"}, {"ended", ended}}}}};
        datasync::ReplayResult r =
            datasync::Replay(theirs, {MakeOp(datasync::OpKind::SetFields, "m1", {{"note", "mới"}}, {{"note", "cũ"}})});
        REQUIRE(r.conflicts.size() == 1);
        CHECK(r.conflicts[0].field == "ended");
        CHECK(r.conflicts[0].theirs == ended);
        CHECK(r.conflicts[0].ours == json{{"note", "mới"}});
        CHECK(r.doc["records"][0]["note"] == "cũ");

        // An edit made on the record already ended (old carries "ended") is an ordinary edit.
        r = datasync::Replay(theirs, {MakeOp(datasync::OpKind::SetFields, "m1", {{"note", "mới"}},
                                             {{"note", "cũ"}, {"ended", ended}})});
        CHECK(r.conflicts.empty());
        CHECK(r.doc["records"][0]["note"] == "mới");

        // Keep ours: the fields are applied to the ended record.
        datasync::Client c;
        c.device_id = "d";
        c.synced["f.json"] = {"\"1\"", datasync::Serialize(theirs)};
        c.conflicts.push_back({"d-1", "f.json", "m1", "ended", json(), {{"note", "mới"}}, ended, ""});
        REQUIRE(datasync::ResolveConflict(c, 0, true).empty());
        CHECK(datasync::WorkingCopy(c, "f.json")["records"][0]["note"] == "mới");
        CHECK(datasync::WorkingCopy(c, "f.json")["records"][0]["ended"] == ended);
    }

    TEST_CASE("end after edit: our end reaches a record someone edited; both the edit and the end stay")
    {
        const json theirs = {{"records", {{{"id", "m1"}, {"rev", 3}, {"note", "máy khác sửa"}}}}};
        const json ended = {{"date", "2025-06-30"}, {"reason", "Hợp nhất"}};
        const datasync::ReplayResult r =
            datasync::Replay(theirs, {MakeOp(datasync::OpKind::SetFields, "m1", {{"ended", ended}})});
        CHECK(r.conflicts.empty());
        CHECK(r.doc["records"][0]["note"] == "máy khác sửa");
        CHECK(r.doc["records"][0]["ended"] == ended);
    }

    TEST_CASE("remove: an unchanged record goes, one changed by someone else is a conflict; already gone is fine")
    {
        const json rec = {{"id", "a1"}, {"rev", 1}, {"text", "Mục 9"}};
        datasync::ReplayResult r = datasync::Replay(
            {{"records", {rec}}}, {MakeOp(datasync::OpKind::RemoveRecord, "a1", nullptr, rec)});
        CHECK(r.effective == std::vector<std::string>{"d-a1"});
        CHECK(r.doc["records"].empty());

        const json changed = {{"id", "a1"}, {"rev", 2}, {"text", "Mục 9 (sửa)"}};
        r = datasync::Replay({{"records", {changed}}}, {MakeOp(datasync::OpKind::RemoveRecord, "a1", nullptr, rec)});
        REQUIRE(r.conflicts.size() == 1);
        CHECK(r.conflicts[0].theirs == changed);
        CHECK(r.doc["records"].size() == 1);

        r = datasync::Replay({{"records", json::array()}}, {MakeOp(datasync::OpKind::RemoveRecord, "a1", nullptr, rec)});
        CHECK(r.present == std::vector<std::string>{"d-a1"});
    }

    TEST_CASE("add then remove before a sync leaves nothing; a file created and cancelled before sending leaves nothing")
    {
        datasync::Client c;
        c.device_id = "d";
        c.synced["f.json"] = {"\"1\"", datasync::Serialize({{"records", json::array()}})};
        c.synced["datapackage.json"] = {"\"2\"", datasync::Serialize({{"resources", json::array()}})};
        std::string op;
        REQUIRE(datasync::AddRecord(c, "f.json", "/records", {{"id", "x"}, {"rev", 1}}, &op).empty());
        REQUIRE(datasync::RemoveRecord(c, "f.json", "x", &op).empty());
        CHECK(datasync::WorkingCopy(c, "f.json")["records"].empty());

        REQUIRE(datasync::CreateFile(c, "meetings/m.json", {{"format", "thidua.meeting"}}, &op).empty());
        REQUIRE(datasync::AddRecord(c, "datapackage.json", "/resources", {{"path", "meetings/m.json"}}, &op).empty());
        CHECK(datasync::WorkingCopy(c, "datapackage.json")["resources"].size() == 1);
        REQUIRE(datasync::CancelCreate(c, "meetings/m.json"));
        CHECK(datasync::WorkingCopy(c, "meetings/m.json").is_null());
        CHECK(datasync::WorkingCopy(c, "datapackage.json")["resources"].empty());
        // A create whose PUT got no answer may be on the server: it is not withdrawn.
        REQUIRE(datasync::CreateFile(c, "meetings/n.json", {{"format", "thidua.meeting"}}, &op).empty());
        c.outbox.back().in_doubt = true;
        CHECK_FALSE(datasync::CancelCreate(c, "meetings/n.json"));
    }

    TEST_CASE("create/create: the file on the server with other content is a conflict; the same content is ours")
    {
        const json mine = {{"format", "thidua.meeting"}, {"name", "của tôi"}};
        datasync::Op op = MakeOp(datasync::OpKind::CreateFile, "", mine);
        datasync::ReplayResult r = datasync::Replay(mine, {op});
        CHECK(r.present == std::vector<std::string>{"d-"});
        r = datasync::Replay({{"format", "thidua.meeting"}, {"name", "máy khác"}}, {op});
        REQUIRE(r.conflicts.size() == 1);
        CHECK(r.conflicts[0].ours == mine);
    }

    TEST_CASE("a field set to null is taken away, not written as null: a sent self-assessment given back to its unit")
    {
        datasync::Client c;
        c.device_id = "d";
        const std::string path = "years/2027/self/org.a.json";
        const json theirs = {{"format", "thidua.self_assessment"}, {"submitted_date", "2027-11-20"}, {"scores", json::array()}};
        c.synced[path] = {"\"1\"", datasync::Serialize(theirs)};
        std::string op_id;
        REQUIRE(datasync::EditFields(c, path, "", {{"submitted_date", nullptr}}, &op_id).empty());
        const json doc = datasync::WorkingCopy(c, path);
        CHECK_FALSE(doc.contains("submitted_date")); // null would be refused: "expected a date, found null"
        CHECK(doc["format"] == "thidua.self_assessment");

        // The server's copy lost it already (the same edit from elsewhere): nothing to push, no conflict.
        json gone = theirs;
        gone.erase("submitted_date");
        datasync::ReplayResult r = datasync::Replay(gone, c.outbox);
        CHECK(r.conflicts.empty());
        CHECK(r.present == std::vector<std::string>{op_id});
        CHECK(r.doc == gone);
        // Sent again on another day meanwhile: a conflict on that field, theirs kept until a person chooses.
        json again = theirs;
        again["submitted_date"] = "2027-11-25";
        r = datasync::Replay(again, c.outbox);
        REQUIRE(r.conflicts.size() == 1);
        CHECK(r.conflicts[0].field == "submitted_date");
        CHECK(r.doc == again);
    }

    TEST_CASE("an edit of the file itself (empty record id) is queued and replayed on the document's root")
    {
        datasync::Client c;
        c.device_id = "d";
        const json theirs = {{"format", "thidua.self_assessment"}, {"scores", {{{"id", "s1"}, {"rev", 1}}}}};
        c.synced["years/2027/self/org.a.json"] = {"\"1\"", datasync::Serialize(theirs)};
        std::string op_id;
        REQUIRE(datasync::EditFields(c, "years/2027/self/org.a.json", "", {{"submitted_date", "2027-11-20"}}, &op_id)
                    .empty());
        REQUIRE(c.outbox.size() == 1);
        CHECK(c.outbox[0].record_id.empty());
        const json doc = datasync::WorkingCopy(c, "years/2027/self/org.a.json");
        CHECK(doc["submitted_date"] == "2027-11-20");
        CHECK(doc["scores"] == theirs["scores"]);

        // Another device sent it on another day meanwhile: a conflict on that field, theirs kept until chosen.
        json other = theirs;
        other["submitted_date"] = "2027-11-19";
        const datasync::ReplayResult r = datasync::Replay(other, c.outbox);
        REQUIRE(r.conflicts.size() == 1);
        CHECK(r.conflicts[0].field == "submitted_date");
        CHECK(r.doc == other);
    }
}


TEST_SUITE("sync client record")
{
    // A client with what a tablet holds: synced files (Vietnamese text, quotes, newlines, an empty file), an edit in
    // the outbox, a conflict.
    datasync::Client Holding()
    {
        datasync::Client c;
        c.device_id = "d1234";
        c.epoch = "e1";
        c.generation = 42;
        c.manifest_etag = "\"m\"";
        c.synced["cluster.json"] = {"\"a1\"", "{\n  \"name\": \"Cụm thi đua số I \\\"Đồng bằng\\\"\"\n}\n"};
        c.synced["registry/people.json"] = {"\"b2\"", "{\"note\": \"chỉ trong tệp\", \"people\": []}\n"};
        c.synced["years/2026/self/org.x.json"] = {"", ""};
        c.rejected_etag["years/2026/results.json"] = "\"bad\"";
        std::string op_id;
        REQUIRE(datasync::EditFields(c, "cluster.json", "", json{{"name", "Cụm thi đua số II"}}, &op_id).empty());
        datasync::Conflict k;
        k.path = "cluster.json";
        k.field = "name";
        k.ours = "của tôi";
        k.theirs = "của máy khác";
        c.conflicts.push_back(k);
        return c;
    }

    TEST_CASE("a stored record gives back the same client: files as they are after one line of JSON")
    {
        const datasync::Client c = Holding();
        const std::string record = datasync::ClientToRecord(c, {{"last_synced_ms", 1733000000000.0}});
        REQUIRE(record.rfind("thidua.client.2\n", 0) == 0);
        // The files' bytes are not escaped into the JSON line: they follow it, unchanged, in path order.
        const size_t head_end = record.find('\n', 16);
        CHECK(record.substr(head_end + 1) == c.synced.at("cluster.json").bytes + c.synced.at("registry/people.json").bytes);
        CHECK(record.substr(0, head_end).find("chỉ trong tệp") == std::string::npos);

        datasync::Client back;
        json head;
        REQUIRE(datasync::ClientFromRecord(record, &back, &head));
        CHECK(head == json{{"last_synced_ms", 1733000000000.0}});
        CHECK(datasync::ClientToJson(back) == datasync::ClientToJson(c));
        CHECK(datasync::ClientToRecord(back, head) == record);
    }

    TEST_CASE("a record stored by an earlier version (one JSON document) is still read")
    {
        const datasync::Client c = Holding();
        const std::string old = json{{"client", datasync::ClientToJson(c)}, {"last_synced_ms", 5.0}}.dump();
        datasync::Client back;
        json head;
        REQUIRE(datasync::ClientFromRecord(old, &back, &head));
        CHECK(head == json{{"last_synced_ms", 5.0}});
        CHECK(datasync::ClientToJson(back) == datasync::ClientToJson(c));
    }

    TEST_CASE("a damaged record is refused and the client is left as it was")
    {
        const std::string record = datasync::ClientToRecord(Holding(), {{"last_synced_ms", 1.0}});
        const size_t head_end = record.find('\n', 16);
        const std::string head = record.substr(0, head_end + 1), files = record.substr(head_end + 1);
        const std::string sizes = "\"sizes\":[";
        const size_t at = head.find(sizes);
        REQUIRE(at != std::string::npos);
        std::string bigger = head;
        bigger.replace(at + sizes.size(), 1, "9"); // the first size no longer matches the bytes
        const std::vector<std::string> damaged = {
            record.substr(0, record.size() - 1), // cut short
            record + "x",                        // bytes left over
            bigger + files,
            "thidua.client.2\n",                  // no JSON line
            "thidua.client.2\n{\"client\": 1}\n",
            "thidua.client.2\n{not json\n" + files,
            "{\"client\": {\"device_id\": 5}}",     // an earlier version's record with a wrong type
            "",
        };
        for (const std::string& bad : damaged)
        {
            CAPTURE(bad.substr(0, 60));
            datasync::Client c = Holding();
            json head = {{"kept", true}};
            CHECK_FALSE(datasync::ClientFromRecord(bad, &c, &head));
            CHECK(datasync::ClientToJson(c) == datasync::ClientToJson(Holding()));
            CHECK(head == json{{"kept", true}});
        }
    }
}

TEST_SUITE("sync snapshot")
{
    TEST_CASE("a snapshot gives back every file's bytes and ETag; anything damaged is refused whole")
    {
        datasync::Snapshot s;
        s.epoch = "e7";
        s.generation = 12;
        s.files["datapackage.json"] = {"\"d\"", "{\"resources\": []}\n"};
        s.files["registry/people.json"] = {"\"p\"", "{\n  \"name\": \"Nguyễn Thị \\\"Hoa\\\"\\n\"\n}\n"};
        s.files["years/2026/self/org.x.json"] = {"\"e\"", ""};
        const std::string bytes = datasync::WriteSnapshot(s);
        REQUIRE(bytes.rfind("thidua.snapshot.2\n", 0) == 0);
        datasync::Snapshot back;
        REQUIRE(datasync::ReadSnapshot(bytes, &back));
        CHECK(back.epoch == "e7");
        CHECK(back.generation == 12);
        REQUIRE(back.files.size() == 3);
        for (const auto& [path, file] : s.files)
        {
            CAPTURE(path);
            CHECK(back.files[path].etag == file.etag);
            CHECK(back.files[path].bytes == file.bytes);
        }

        const size_t line_end = bytes.find('\n', 18);
        const std::string line = bytes.substr(18, line_end - 18), files = bytes.substr(line_end + 1);
        auto with_line = [&](const json& j) { return "thidua.snapshot.2\n" + j.dump() + "\n" + files; };
        json twice = json::parse(line);
        twice["files"][1]["path"] = "datapackage.json"; // one path twice
        json fewer = json::parse(line);
        fewer["files"].erase(fewer["files"].begin());
        json text_generation = json::parse(line);
        text_generation["generation"] = "12";
        const std::vector<std::string> damaged = {
            bytes.substr(0, bytes.size() - 1), bytes + "x", with_line(twice), with_line(fewer), with_line(text_generation),
            "thidua.snapshot.3\n" + line + "\n" + files,
            json{{"format", "thidua.snapshot"}, {"files", json::object()}}.dump(), // the earlier, all-JSON form
            "thidua.snapshot.2\n", "",
        };
        for (const std::string& bad : damaged)
        {
            CAPTURE(bad.substr(0, 80));
            datasync::Snapshot out;
            out.epoch = "unchanged";
            CHECK_FALSE(datasync::ReadSnapshot(bad, &out));
            CHECK(out.epoch == "unchanged");
            CHECK(out.files.empty());
        }
    }
}
