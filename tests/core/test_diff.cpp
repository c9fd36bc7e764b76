// edit::DiffVersions: which field of which record went from what to what between two versions of one file.
#include "core/edit/diff.h"

#include <doctest/doctest.h>

using nlohmann::json;

namespace
{
const edit::FieldDiff* Find(const std::vector<edit::FieldDiff>& diffs, const std::string& record, const std::string& field)
{
    for (const edit::FieldDiff& d : diffs)
        if (d.record_id == record && d.field == field)
            return &d;
    return nullptr;
}

json Meeting(const std::string& venue, int rev)
{
    return json::parse(R"({"format": "thidua.meeting", "schema_version": 1,
      "meeting": {"id": "mtg.a", "name": "Họp giao ban", "rev": )" + std::to_string(rev) + R"(,
        "start_date": "2025-03-10", "venue": {"name": ")" + venue + R"("},
        "participants": [{"id": "part.a", "name": "Nguyễn Văn A", "role_at_event": "chair"}],
        "agenda": ["Khai mạc", "Tổng kết"]}})");
}
} // namespace

TEST_SUITE("edit diff")
{
    TEST_CASE("a changed field of a record: the pointer relative to the record, from and to; rev is left out")
    {
        const auto diffs = edit::DiffVersions(Meeting("Sở A", 1), Meeting("Sở B", 2));
        REQUIRE(diffs.size() == 1);
        CHECK(diffs[0].kind == edit::DiffKind::Changed);
        CHECK(diffs[0].record_id == "mtg.a");
        CHECK(diffs[0].field == "venue/name");
        CHECK(diffs[0].old_value == "Sở A");
        CHECK(diffs[0].new_value == "Sở B");
        CHECK(diffs[0].record["name"] == "Họp giao ban");
        CHECK(edit::DiffVersions(Meeting("Sở A", 1), Meeting("Sở A", 1)).empty());
    }

    TEST_CASE("nested records are records of their own; added and removed records; fields set and taken away")
    {
        json before = Meeting("Sở A", 1);
        json after = before;
        after["meeting"]["participants"][0]["role_at_event"] = "delegate";
        after["meeting"]["participants"].push_back({{"id", "part.b"}, {"name", "Trần Thị B"}});
        after["meeting"]["end_date"] = "2025-03-11";
        after["meeting"].erase("start_date");
        after["meeting"]["agenda"].push_back("Bế mạc");
        const auto diffs = edit::DiffVersions(before, after);
        const edit::FieldDiff* role = Find(diffs, "part.a", "role_at_event");
        REQUIRE(role);
        CHECK(role->old_value == "chair");
        CHECK(role->new_value == "delegate");
        CHECK(!Find(diffs, "mtg.a", "participants")); // the list of records is not a field of the meeting
        const edit::FieldDiff* added = Find(diffs, "part.b", "");
        REQUIRE(added);
        CHECK(added->kind == edit::DiffKind::Added);
        CHECK(added->new_value["name"] == "Trần Thị B");
        const edit::FieldDiff* end = Find(diffs, "mtg.a", "end_date");
        REQUIRE(end);
        CHECK(end->old_value.is_null());
        CHECK(end->new_value == "2025-03-11");
        const edit::FieldDiff* start = Find(diffs, "mtg.a", "start_date");
        REQUIRE(start);
        CHECK(start->new_value.is_null());
        const edit::FieldDiff* agenda = Find(diffs, "mtg.a", "agenda"); // a list of values is one field
        REQUIRE(agenda);
        CHECK(agenda->new_value.size() == 3);
        CHECK(diffs.size() == 5);

        const auto back = edit::DiffVersions(after, before);
        const edit::FieldDiff* removed = Find(back, "part.b", "");
        REQUIRE(removed);
        CHECK(removed->kind == edit::DiffKind::Removed);
        CHECK(removed->old_value["name"] == "Trần Thị B");
    }

    TEST_CASE("a self-assessment: the file's own fields belong to record \"\"; scores by id; a new file adds all")
    {
        const json before = json::parse(R"({"format": "thidua.self_assessment", "schema_version": 1,
          "organization_id": "org.a", "year_id": "year.x",
          "scores": [{"id": "s1", "criterion_id": "c1", "value": 8.25, "rev": 1},
                     {"id": "s2", "criterion_id": "c2", "value": 5, "rev": 1}]})");
        json after = before;
        after["submitted_date"] = "2025-11-30";
        after["scores"][1]["value"] = 6.5;
        after["scores"][1]["rev"] = 2;
        const auto diffs = edit::DiffVersions(before, after);
        REQUIRE(diffs.size() == 2);
        CHECK(diffs[0].record_id == "");
        CHECK(diffs[0].field == "submitted_date");
        CHECK(diffs[1].record_id == "s2");
        CHECK(diffs[1].field == "value");
        CHECK(diffs[1].old_value == 5);
        CHECK(diffs[1].new_value == 6.5);

        const auto created = edit::DiffVersions(json(), before);
        CHECK(Find(created, "s1", "") != nullptr);
        CHECK(Find(created, "s2", "") != nullptr);
        CHECK(edit::DiffVersions(before, json()).size() == 2); // both scores removed
        CHECK(edit::RecordOf(after, "s2")["value"] == 6.5);
        CHECK(edit::RecordOf(after, "nope").is_null());
    }

    TEST_CASE("a key with '/' or '~' is escaped in the pointer")
    {
        const json a = {{"records", {{{"id", "r"}, {"a/b", 1}, {"c~d", 1}}}}};
        const json b = {{"records", {{{"id", "r"}, {"a/b", 2}, {"c~d", 2}}}}};
        const auto diffs = edit::DiffVersions(a, b);
        CHECK(Find(diffs, "r", "a~1b") != nullptr);
        CHECK(Find(diffs, "r", "c~0d") != nullptr);
    }
}
