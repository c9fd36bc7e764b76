// `thidua migrate FROM TO [--s3-endpoint URL]`: copies a deployment between a data folder and an S3 bucket (either
// way, or folder to folder, bucket to bucket): the data files, the epoch, the kept versions and the audit. Every
// copied object is read back from TO and compared with the bytes read from FROM; TO must hold no data yet.
// The audit changes form on the way: one line per entry in a folder's .thidua/audit.log, one object per entry
// (.thidua/audit/<generation>.json) in a bucket. A deployment (deployment.json and one data tree per cluster) is
// copied cluster by cluster, its index last.
#include "cli/commands.h"

#include "core/check/check.h"
#include "core/deployment/deployment.h"
#include "server/location.h"
#include "server/paths.h"
#include "server/store_s3.h"

#include <cstdio>
#include <map>
#include <sstream>
#include <string>

namespace
{
void PrintMigrateUsage()
{
    std::printf("usage: thidua migrate FROM TO [--s3-endpoint URL]\n\n"
                "  FROM, TO   a data folder or s3://BUCKET/PREFIX (TO must hold no data files; a missing folder or\n"
                "             bucket is created)\n"
                "  --s3-endpoint URL  the S3 service (path style), e.g. http://127.0.0.1:8000; default\n"
                "             AWS_ENDPOINT_URL_S3 or AWS_ENDPOINT_URL\n\n"
                "Keys from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or ~/.aws/credentials.\n"
                "Exit 0 copied and compared, 1 failed (nothing is deleted at FROM), 2 usage.\n");
}

bool IsAuditObject(const std::string& key)
{
    return key.rfind(".thidua/audit/", 0) == 0 && key.size() > 5 && key.compare(key.size() - 5, 5, ".json") == 0;
}

// What a deployment holds, in a form independent of where it is kept.
struct Deployment
{
    std::map<std::string, std::string> data;    // data path -> bytes
    std::map<std::string, std::string> kept;    // ".thidua/epoch", ".thidua/history/..." -> bytes
    std::map<int64_t, std::string> audit;       // generation -> one JSON line (without "\n")
};

std::string Load(const server::Location& from, Deployment* d)
{
    std::vector<std::string> keys;
    if (std::string err = server::ListKeys(from, &keys); !err.empty())
        return err;
    for (const std::string& key : keys)
    {
        const bool data = server::CheckDataPath(key).empty();
        const bool state = key == ".thidua/epoch" || key.rfind(".thidua/history/", 0) == 0;
        const bool audit_log = key == ".thidua/audit.log";
        if (!data && !state && !audit_log && !IsAuditObject(key))
            continue; // not part of a deployment (e.g. a README next to the data)
        std::string bytes;
        if (std::string err = server::ReadKey(from, key, &bytes); !err.empty())
            return err;
        if (data)
            d->data[key] = std::move(bytes);
        else if (state)
            d->kept[key] = std::move(bytes);
        else
        {
            std::istringstream lines(bytes);
            for (std::string line; std::getline(lines, line);)
            {
                server::AuditEntry e;
                if (server::shared::ParseAuditLine(line, &e))
                {
                    std::string one = server::shared::AuditLine(e);
                    one.pop_back(); // the "\n"
                    d->audit[e.gen] = one;
                }
            }
        }
    }
    return "";
}
// Copies one data tree (a cluster) from FROM to TO; see the top of the file. Exit code as the command's.
int MigrateOne(const std::string& from_text, const std::string& to_text, const server::StoreOptions& options)
{
    server::Location from, to;
    for (auto [text, loc] : {std::pair{from_text, &from}, std::pair{to_text, &to}})
        if (std::string err = server::OpenLocation(text, options, loc); !err.empty())
        {
            std::fprintf(stderr, "thidua migrate: %s\n", err.c_str());
            return 2;
        }

    Deployment d;
    if (std::string err = Load(from, &d); !err.empty())
    {
        std::fprintf(stderr, "thidua migrate: %s: %s\n", from.text.c_str(), err.c_str());
        return 1;
    }
    if (d.data.empty())
    {
        std::fprintf(stderr, "thidua migrate: %s holds no data files\n", from.text.c_str());
        return 1;
    }
    size_t errors = 0;
    for (const check::Issue& i : check::CheckDataset(d.data))
        errors += i.severity == check::Severity::Error;
    if (errors > 0)
        std::fprintf(stderr, "thidua migrate: note: %s has %zu checker errors (copied as they are; see thidua check)\n",
                     from.text.c_str(), errors);

    bool created = false;
    if (std::string err = server::MakeLocation(to, &created); !err.empty())
    {
        std::fprintf(stderr, "thidua migrate: %s\n", err.c_str());
        return 1;
    }
    if (created)
        std::printf("thidua migrate: created %s\n", to.bucket ? ("bucket " + to.bucket_name).c_str() : to.dir.c_str());
    std::vector<std::string> existing;
    if (std::string err = server::ListKeys(to, &existing); !err.empty())
    {
        std::fprintf(stderr, "thidua migrate: %s: %s\n", to.text.c_str(), err.c_str());
        return 1;
    }
    for (const std::string& key : existing)
        if (server::CheckDataPath(key).empty() || key.rfind(".thidua/", 0) == 0)
        {
            std::fprintf(stderr, "thidua migrate: %s already holds a deployment (%s); migrate copies into an empty "
                                 "folder or prefix\n", to.text.c_str(), key.c_str());
            return 1;
        }

    // Everything to write, in the form TO keeps it.
    std::map<std::string, std::string> out = d.kept;
    for (const auto& [path, bytes] : d.data)
        out[path] = bytes;
    if (to.bucket)
        for (const auto& [gen, line] : d.audit)
        {
            char name[48];
            std::snprintf(name, sizeof name, ".thidua/audit/%012lld.json", static_cast<long long>(gen));
            out[name] = line + "\n";
        }
    else if (!d.audit.empty())
    {
        std::string log;
        for (const auto& [gen, line] : d.audit)
            log += line + "\n";
        out[".thidua/audit.log"] = log;
    }
    // Data files last: a server started on TO early sees either nothing or a complete state folder.
    std::vector<std::string> order;
    for (const auto& [key, bytes] : out)
        if (!server::CheckDataPath(key).empty())
            order.push_back(key);
    for (const auto& [path, bytes] : d.data)
        order.push_back(path);
    for (const std::string& key : order)
        if (std::string err = server::WriteKey(to, key, out[key]); !err.empty())
        {
            std::fprintf(stderr, "thidua migrate: %s\n", err.c_str());
            return 1;
        }
    // Read every object back and compare.
    for (const std::string& key : order)
    {
        std::string back;
        if (std::string err = server::ReadKey(to, key, &back); !err.empty() || back != out[key])
        {
            std::fprintf(stderr, "thidua migrate: %s: %s differs after copying%s\n", to.text.c_str(), key.c_str(),
                         err.empty() ? "" : (" (" + err + ")").c_str());
            return 1;
        }
    }
    std::printf("thidua migrate: %zu data files, %zu kept versions and %zu audit entries copied from %s to %s; "
                "all %zu objects read back and compared\n",
                d.data.size(), d.kept.size() - (d.kept.count(".thidua/epoch") ? 1 : 0), d.audit.size(),
                from.text.c_str(), to.text.c_str(), order.size());
    return 0;
}
} // namespace

int cli::RunMigrate(int argc, char** argv)
{
    std::vector<std::string> places;
    server::StoreOptions options;
    for (int i = 1; i < argc; ++i)
    {
        const std::string arg = argv[i];
        if (arg == "--help" || arg == "-h")
        {
            PrintMigrateUsage();
            return 0;
        }
        if (arg == "--s3-endpoint" && i + 1 < argc)
            options.s3_endpoint = argv[++i];
        else if (!arg.empty() && arg[0] == '-')
        {
            std::fprintf(stderr, "thidua migrate: unknown option '%s'\n\n", arg.c_str());
            PrintMigrateUsage();
            return 2;
        }
        else
            places.push_back(arg);
    }
    if (places.size() != 2)
    {
        PrintMigrateUsage();
        return 2;
    }
    // A deployment (deployment.json, one data tree per cluster): each cluster is copied as a data tree, then the
    // index, last, so a server started on TO sees either no deployment or every cluster it lists.
    std::string index;
    bool single = false, indexed = false;
    if (std::string err = server::ReadObjectAt(places[0], options, "datapackage.json", &index, &single);
        err.empty() && !single)
        err = server::ReadObjectAt(places[0], options, "deployment.json", &index, &indexed);
    if (single || !indexed)
        return MigrateOne(places[0], places[1], options);
    deployment::Deployment d;
    if (std::vector<check::Issue> issues = deployment::ParseDeployment(index, &d); !issues.empty())
    {
        std::fprintf(stderr, "thidua migrate: %s/%s\n", places[0].c_str(), check::FormatIssue(issues.front()).c_str());
        return 1;
    }
    std::string there;
    bool exists = false;
    server::ReadObjectAt(places[1], options, "deployment.json", &there, &exists);
    if (exists)
    {
        std::fprintf(stderr, "thidua migrate: %s already holds a deployment (deployment.json); migrate copies into an "
                             "empty folder or prefix\n", places[1].c_str());
        return 1;
    }
    for (const deployment::ClusterEntry& c : d.clusters)
        if (int rc = MigrateOne(places[0] + "/" + c.id, places[1] + "/" + c.id, options); rc != 0)
            return rc;
    server::Location to;
    std::string back;
    std::string err = server::OpenLocation(places[1], options, &to);
    if (err.empty())
        err = server::WriteKey(to, "deployment.json", index);
    if (err.empty())
        err = server::ReadKey(to, "deployment.json", &back);
    if (err.empty() && back != index)
        err = "deployment.json differs after copying";
    if (!err.empty())
    {
        std::fprintf(stderr, "thidua migrate: %s: %s\n", places[1].c_str(), err.c_str());
        return 1;
    }
    std::printf("thidua migrate: the deployment's index and its %zu clusters copied from %s to %s\n",
                d.clusters.size(), places[0].c_str(), places[1].c_str());
    return 0;
}
