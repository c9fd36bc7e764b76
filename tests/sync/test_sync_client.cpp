// The sync client (src/core/sync) against the real `thidua serve`: merges, conflicts kept, bad server files
// refused, a lost response retried harmlessly, and several clients with random edits through the fault proxy.
#include "../server/fixture.h"
#include "fault_proxy.h"

#include "core/sync/client.h"
#include "server/http_transport.h"

#include <doctest/doctest.h>

#include <mutex>
#include <random>
#include <set>
#include <thread>

using namespace testing;
using nlohmann::json;
using datasync::Client;
using datasync::Remote;

namespace
{
Remote RemoteFor(const SyncServer& s, const std::string& role)
{
    Remote r;
    r.token = s.token.at(role);
    return r;
}

Client NewClient(const std::string& device)
{
    Client c;
    c.device_id = device;
    return c;
}

std::string Edit(Client& c, const std::string& path, const std::string& id, const json& fields)
{
    std::string op_id;
    const std::string err = datasync::EditFields(c, path, id, fields, &op_id);
    REQUIRE_MESSAGE(err.empty(), err);
    return op_id;
}

const char* kMeeting = "meetings/m1.json";
} // namespace

TEST_SUITE("sync client")
{
TEST_CASE("replay is a 3-way merge per field: one side changed -> taken, both the same -> taken, both differ -> conflict")
{
    const json theirs = {{"records", {{{"id", "r1"}, {"rev", 3}, {"a", 1}, {"b", "server"}, {"c", 0}}}}};
    datasync::Op op;
    op.op_id = "d-1";
    op.record_id = "r1";
    op.base_rev = 2;
    op.value = {{"a", 2}, {"b", "mine"}, {"c", 0}, {"d", true}};
    op.old = {{"a", 1}, {"b", "base"}, {"c", 5}}; // d was absent
    const datasync::ReplayResult r = datasync::Replay(theirs, {op});
    const json& rec = r.doc["records"][0];
    CHECK(rec["a"] == 2);        // only we changed it
    CHECK(rec["b"] == "server"); // both changed: theirs stays in the file ...
    CHECK(rec["c"] == 0);        // both set the same value
    CHECK(rec["d"] == true);     // added by us
    CHECK(rec["rev"] == 4);
    REQUIRE(r.conflicts.size() == 1); // ... and both values are kept for a person
    CHECK(r.conflicts[0].field == "b");
    CHECK(r.conflicts[0].ours == "mine");
    CHECK(r.conflicts[0].theirs == "server");
    CHECK(r.conflicts[0].base == "base");
    CHECK(r.effective == std::vector<std::string>{"d-1"});

    // Replaying onto a copy that already has our values changes nothing (a retry after a lost response).
    const datasync::ReplayResult again = datasync::Replay(r.doc, {op});
    CHECK(again.doc == r.doc);
    CHECK(again.present.size() + again.effective.size() + again.conflicts.size() >= 1);
    datasync::Op only_a = op;
    only_a.value = {{"a", 2}};
    only_a.old = {{"a", 1}};
    CHECK(datasync::Replay(r.doc, {only_a}).present == std::vector<std::string>{"d-1"});
}

TEST_CASE("two clients on the same base: both edits arrive, or a conflict keeps both values")
{
    SyncServer s = StartSyncServer("two");
    REQUIRE(s.process.pid > 0);
    server::HttpTransport ta("127.0.0.1", s.process.port), tb("127.0.0.1", s.process.port);
    const Remote remote = RemoteFor(s, "secretariat");
    Client a = NewClient("a"), b = NewClient("b");
    REQUIRE(datasync::Sync(a, ta, remote).complete);
    REQUIRE(datasync::Sync(b, tb, remote).complete);
    CHECK(datasync::WorkingFiles(a) == datasync::WorkingFiles(b));

    // Different fields of the same record.
    Edit(a, kMeeting, "m1", {{"title", "Họp quý I"}});
    Edit(b, kMeeting, "m1", {{"place", "Hà Nội"}});
    auto ra = datasync::Sync(a, ta, remote);
    auto rb = datasync::Sync(b, tb, remote); // 412, pull, merge, retry
    CHECK(ra.complete);
    CHECK(rb.complete);
    CHECK(rb.new_conflicts.empty());
    datasync::Sync(a, ta, remote);
    const json server_copy = json::parse(ReadFileOr(s.data + "/meetings/m1.json", "null"));
    CHECK(server_copy["title"] == "Họp quý I");
    CHECK(server_copy["place"] == "Hà Nội");
    CHECK(datasync::WorkingFiles(a) == datasync::WorkingFiles(b));

    // The same field: the first push wins on the server, the second keeps a conflict with both values.
    Edit(a, kMeeting, "m1", {{"title", "A's title"}});
    Edit(b, kMeeting, "m1", {{"title", "B's title"}});
    CHECK(datasync::Sync(a, ta, remote).complete);
    auto r2 = datasync::Sync(b, tb, remote);
    REQUIRE(r2.new_conflicts.size() == 1);
    REQUIRE(b.conflicts.size() == 1);
    CHECK(b.conflicts[0].ours == "B's title");
    CHECK(b.conflicts[0].theirs == "A's title");
    CHECK(b.conflicts[0].base == "Họp quý I");
    CHECK(json::parse(ReadFileOr(s.data + "/meetings/m1.json", "null"))["title"] == "A's title");
    // A person chooses B's value: it becomes a new edit on top of A's, and nobody's conflict is hidden.
    REQUIRE(datasync::ResolveConflict(b, 0, true).empty());
    CHECK(datasync::Sync(b, tb, remote).complete);
    datasync::Sync(a, ta, remote);
    CHECK(json::parse(ReadFileOr(s.data + "/meetings/m1.json", "null"))["title"] == "B's title");
    CHECK(datasync::WorkingFiles(a) == datasync::WorkingFiles(b));

    // A unit's file: the unit edits its own, the secretariat another field; both present.
    Client u = NewClient("u");
    server::HttpTransport tu("127.0.0.1", s.process.port);
    const Remote unit = RemoteFor(s, "unit:org.a");
    REQUIRE(datasync::Sync(u, tu, unit).complete);
    Edit(u, "years/2025/self/org.a.json", "s.org.a.1", {{"value", 8}});
    Edit(a, "years/2025/self/org.a.json", "s.org.a.1", {{"note", "đã xem"}});
    CHECK(datasync::Sync(a, ta, remote).complete);
    CHECK(datasync::Sync(u, tu, unit).complete);
    const json self = json::parse(ReadFileOr(s.data + "/years/2025/self/org.a.json", "null"));
    CHECK(self["scores"][0]["value"] == 8);
    CHECK(self["scores"][0]["note"] == "đã xem");
    StopSyncServer(s);
}

TEST_CASE("a bad file on the server never replaces good local data - the report names the file and pointer")
{
    SyncServer s = StartSyncServer("bad");
    REQUIRE(s.process.pid > 0);
    server::HttpTransport ta("127.0.0.1", s.process.port), tb("127.0.0.1", s.process.port);
    const Remote remote = RemoteFor(s, "secretariat");
    Client a = NewClient("a"), b = NewClient("b");
    // A's checker (standing in for check::CheckFile): a score value must be within 0..100.
    a.check = [](const std::string& path, const std::string& bytes) {
        std::vector<check::Issue> issues;
        const json j = json::parse(bytes, nullptr, false);
        if (j.is_discarded())
            return std::vector<check::Issue>{{path, "", "not valid JSON", check::Severity::Error}};
        if (j.contains("scores"))
            for (size_t i = 0; i < j["scores"].size(); ++i)
                if (j["scores"][i].value("value", 0) > 100)
                    issues.push_back({path, "/scores/" + std::to_string(i) + "/value", "above the maximum 100",
                                      check::Severity::Error});
        return issues;
    };
    REQUIRE(datasync::Sync(a, ta, remote).complete);
    REQUIRE(datasync::Sync(b, tb, remote).complete);
    const std::string good = datasync::WorkingFiles(a).at("years/2025/self/org.b.json");
    Edit(b, "years/2025/self/org.b.json", "s.org.b.1", {{"value", 1000}});
    REQUIRE(datasync::Sync(b, tb, remote).complete); // this server only checks syntax; the value lands
    auto r = datasync::Sync(a, ta, remote);
    REQUIRE(r.problems.size() == 1);
    CHECK(check::FormatIssue(r.problems[0]) ==
          "years/2025/self/org.b.json:/scores/0/value: the server's copy was not used: above the maximum 100");
    CHECK(datasync::WorkingFiles(a).at("years/2025/self/org.b.json") == good);
    // Not fetched again while the server still has that version.
    auto again = datasync::Sync(a, ta, remote);
    CHECK(again.requests == 1);
    CHECK(again.problems.empty());
    StopSyncServer(s);
}

TEST_CASE("no-change sync is one request under 2 KB")
{
    SyncServer s = StartSyncServer("nochange");
    REQUIRE(s.process.pid > 0);
    server::HttpTransport t("127.0.0.1", s.process.port);
    Client c = NewClient("c");
    const Remote remote = RemoteFor(s, "viewer");
    REQUIRE(datasync::Sync(c, t, remote).complete);
    auto r = datasync::Sync(c, t, remote);
    CHECK(r.complete);
    CHECK(r.requests == 1);
    CHECK(r.bytes_sent + r.bytes_received < 2048);
    StopSyncServer(s);
}

TEST_CASE("a lost response: the retry is harmless, the op ids show the write happened")
{
    SyncServer s = StartSyncServer("lost");
    REQUIRE(s.process.pid > 0);
    auto proxy = StartProxy(s.process.port, 7);
    REQUIRE(proxy);
    server::HttpTransport via_proxy("127.0.0.1", proxy->port, 2, false), direct("127.0.0.1", s.process.port);
    const Remote remote = RemoteFor(s, "secretariat");
    Client a = NewClient("a"), b = NewClient("b");
    REQUIRE(datasync::Sync(a, via_proxy, remote).complete);
    REQUIRE(datasync::Sync(b, direct, remote).complete);
    const std::string op = Edit(a, kMeeting, "m1", {{"title", "from A"}});
    proxy->force_method = "PUT";
    proxy->force_fault = 2; // the PUT reaches the server, its response is lost
    auto lost = datasync::Sync(a, via_proxy, remote);
    CHECK(lost.offline);
    CHECK(a.outbox.size() == 1);
    CHECK(json::parse(ReadFileOr(s.data + "/meetings/m1.json", "null"))["title"] == "from A"); // it did land
    // Meanwhile B builds on A's value.
    datasync::Sync(b, direct, remote);
    Edit(b, kMeeting, "m1", {{"title", "B after A"}});
    REQUIRE(datasync::Sync(b, direct, remote).complete);
    proxy->force_fault = 0;
    auto retry = datasync::Sync(a, via_proxy, remote);
    CHECK(retry.complete);
    CHECK(retry.new_conflicts.empty()); // the history's op ids say A's write is on the server
    CHECK(std::count(retry.acknowledged.begin(), retry.acknowledged.end(), op) == 1);
    CHECK(a.conflicts.empty());
    CHECK(json::parse(ReadFileOr(s.data + "/meetings/m1.json", "null"))["title"] == "B after A");
    StopProxy(*proxy);
    StopSyncServer(s);
}

TEST_CASE("4 clients, random edits through a faulty network: no acknowledged edit lost, all converge")
{
    SyncServer s = StartSyncServer("jepsen");
    REQUIRE(s.process.pid > 0);
    // A meeting file with 4 records of 3 fields that everybody edits.
    {
        httplib::Client http("127.0.0.1", s.process.port);
        json doc = {{"id", "m1"}, {"rev", 1}, {"items", json::array()}};
        for (int r = 0; r < 4; ++r)
            doc["items"].push_back({{"id", "item." + std::to_string(r)}, {"rev", 1}, {"a", "0"}, {"b", "0"}, {"c", "0"}});
        const std::string etag = http.Get("/data/meetings/m1.json", Auth(s, "admin"))->get_header_value("ETag");
        REQUIRE(http.Put("/data/meetings/m1.json", With(Auth(s, "admin"), "If-Match", etag), doc.dump(),
                         "application/json")->status == 200);
    }
    auto proxy = StartProxy(s.process.port, 2024);
    REQUIRE(proxy);
    proxy->fault_percent = 25;
    proxy->max_delay_ms = 15;
    const Remote remote = RemoteFor(s, "secretariat");
    struct Edited
    {
        std::string record, field, old_value, new_value;
    };
    std::mutex mu;
    std::map<std::string, Edited> edits; // op id -> edit
    std::set<std::string> acked;
    const int kClients = 4, kEdits = 25;
    std::vector<Client> clients;
    for (int k = 0; k < kClients; ++k)
        clients.push_back(NewClient("c" + std::to_string(k)));
    std::vector<std::thread> threads;
    for (int k = 0; k < kClients; ++k)
        threads.emplace_back([&, k] {
            Client& c = clients[k];
            server::HttpTransport t("127.0.0.1", proxy->port, 2, false);
            std::mt19937 rng(100 + k);
            for (int i = 0; i < 20 && !datasync::Sync(c, t, remote).complete; ++i)
            {
            }
            for (int n = 0; n < kEdits; ++n)
            {
                const std::string record = "item." + std::to_string(rng() % 4);
                const std::string field = std::string(1, "abc"[rng() % 3]);
                const json doc = datasync::WorkingCopy(c, kMeeting);
                const json* rec = datasync::FindRecord(doc, record);
                if (!rec)
                    continue;
                const std::string value = c.device_id + "-" + std::to_string(n);
                std::string op_id;
                if (!datasync::EditFields(c, kMeeting, record, {{field, value}}, &op_id).empty())
                    continue;
                {
                    std::lock_guard<std::mutex> lock(mu);
                    edits[op_id] = {record, field, rec->value(field, ""), value};
                }
                if (rng() % 3 == 0)
                    continue; // several edits offline before the next sync
                auto r = datasync::Sync(c, t, remote);
                std::lock_guard<std::mutex> lock(mu);
                acked.insert(r.acknowledged.begin(), r.acknowledged.end());
            }
        });
    for (std::thread& t : threads)
        t.join();
    // Quiesce: network healthy, sync everyone until nothing is pending.
    proxy->fault_percent = 0;
    proxy->max_delay_ms = 0;
    for (int round = 0; round < 4; ++round)
        for (Client& c : clients)
        {
            server::HttpTransport t("127.0.0.1", proxy->port);
            auto r = datasync::Sync(c, t, remote);
            CHECK(!r.offline);
            acked.insert(r.acknowledged.begin(), r.acknowledged.end());
        }
    MESSAGE("edits: " << edits.size() << ", acknowledged: " << acked.size() << ", proxy faults: " << proxy->faults.load()
                      << " of " << proxy->connections.load() << " connections");
    const std::string server_bytes = ReadFileOr(s.data + "/meetings/m1.json", "");
    const json final_doc = json::parse(server_bytes);
    std::set<std::string> in_conflict;
    for (Client& c : clients)
    {
        CAPTURE(c.device_id);
        CHECK(c.outbox.empty());
        CHECK(datasync::WorkingFiles(c).at(kMeeting) == server_bytes); // converged, byte for byte
        for (const datasync::Conflict& k : c.conflicts)
            in_conflict.insert(k.op_id);
    }
    for (const std::string& id : acked)
        REQUIRE_MESSAGE(edits.count(id), id);
    // Every edit is acknowledged or kept as a conflict: nothing vanished silently.
    for (const auto& [op_id, e] : edits)
    {
        CAPTURE(op_id);
        CHECK((acked.count(op_id) + in_conflict.count(op_id)) == 1);
    }
    // An acknowledged value is still there, or someone who had seen it changed it afterwards.
    int overwritten = 0;
    for (const std::string& op_id : acked)
    {
        CAPTURE(op_id);
        const Edited& e = edits.at(op_id);
        const json* rec = datasync::FindRecord(final_doc, e.record);
        REQUIRE(rec);
        bool seen_later = false;
        for (const std::string& other : acked)
            seen_later = seen_later || (other != op_id && edits.at(other).record == e.record &&
                                        edits.at(other).field == e.field && edits.at(other).old_value == e.new_value);
        overwritten += seen_later;
        CHECK((rec->value(e.field, "") == e.new_value || seen_later));
    }
    CHECK(acked.size() > edits.size() / 3);
    CHECK(proxy->faults > 5);
    StopProxy(*proxy);
    StopSyncServer(s);
}
}
