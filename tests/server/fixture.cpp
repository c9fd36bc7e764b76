// The sync-server test fixture; see fixture.h.
#include "fixture.h"

#include <csignal>
#include <cstdio>

std::string testing::SelfFile(const std::string& org, int value)
{
    return "{\"org_id\":\"" + org + "\",\"year\":2025,\"scores\":[{\"id\":\"s." + org + ".1\",\"rev\":1," +
           "\"subject_org_id\":\"" + org + "\",\"criterion\":\"c1\",\"value\":" + std::to_string(value) + "}]}";
}

testing::SyncServer testing::StartSyncServer(const std::string& tag, const std::vector<std::string>& extra_args)
{
    SyncServer s;
    s.root = MakeTempDir(tag);
    s.data = s.root + "/data";
    s.tokens_file = s.root + "/tokens.json";
    WriteFileBytes(s.data + "/cluster.json", "{\"id\":\"cluster.1\",\"name\":\"Cụm thi đua số I\"}");
    WriteFileBytes(s.data + "/registry/organizations.json", "{\"records\":[{\"id\":\"org.a\",\"rev\":1}]}");
    WriteFileBytes(s.data + "/years/2025/year.json", "{\"year\":2025}");
    WriteFileBytes(s.data + "/years/2025/results.json", "{\"records\":[]}");
    WriteFileBytes(s.data + "/years/2025/self/org.a.json", SelfFile("org.a", 5));
    WriteFileBytes(s.data + "/years/2025/self/org.b.json", SelfFile("org.b", 7));
    WriteFileBytes(s.data + "/meetings/m1.json", "{\"id\":\"m1\",\"rev\":1}");
    for (const char* role : {"viewer", "unit:org.a", "unit:org.b", "secretariat", "admin"})
        s.token[role] = IssueToken(s.tokens_file, role, std::string("test ") + role);
    s.token["revoked"] = IssueToken(s.tokens_file, "secretariat", "to be revoked");
    const std::string list = RunCli("token list --tokens " + s.tokens_file, false);
    const size_t at = list.find("to be revoked");
    const size_t line = list.rfind('\n', at);
    const std::string id = list.substr(line == std::string::npos ? 0 : line + 1, 11);
    RunCli("token revoke --id " + id + " --tokens " + s.tokens_file);
    // These protocol tests use small stand-in files, so the server checks syntax only (see test_sample_data).
    std::vector<std::string> args = {"--web", s.root, "--data", s.data, "--tokens", s.tokens_file, "--check", "syntax"};
    args.insert(args.end(), extra_args.begin(), extra_args.end());
    s.extra_args = extra_args;
    s.process = StartServer(args);
    if (S3Mode() && s.process.banner.find("s3://") == std::string::npos)
    {
        std::fprintf(stderr, "fixture: THIDUA_TEST_S3 is set but the server is not on a bucket: %s\n",
                     s.process.banner.c_str());
        StopServer(s.process, SIGKILL); // the test's REQUIRE(pid > 0) fails
    }
    return s;
}

void testing::StopSyncServer(SyncServer& s)
{
    StopServer(s.process, SIGTERM);
    RemoveTree(s.root);
}

void testing::RestartSyncServer(SyncServer& s, int signal_number)
{
    StopServer(s.process, signal_number);
    std::vector<std::string> args = {"--web", s.root, "--data", s.data, "--tokens", s.tokens_file, "--check", "syntax"};
    args.insert(args.end(), s.extra_args.begin(), s.extra_args.end());
    s.process = StartServer(args);
}

httplib::Headers testing::Auth(const SyncServer& s, const std::string& role)
{
    auto it = s.token.find(role);
    if (it == s.token.end())
        return {};
    return {{"Authorization", "Bearer " + it->second}};
}

httplib::Headers testing::With(httplib::Headers h, const std::string& name, const std::string& value)
{
    h.emplace(name, value);
    return h;
}
