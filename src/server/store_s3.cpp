// The data store in an S3 bucket (s3://bucket/prefix); see store.h for the contract both stores keep.
//
// Layout under the prefix, every object readable with any S3 tool:
//   <prefix>/<path>                               each data file, one plain object written by one PUT
//   <prefix>/.thidua/epoch                        created once (If-None-Match: *): names the generation sequence
//   <prefix>/.thidua/audit/<generation>.json      one audit entry per write, created with If-None-Match: *; its key
//                                                 is its generation (12 digits), so creating the next key IS taking
//                                                 the next generation: two replicas can never hand out the same one
//   <prefix>/.thidua/history/<path>/<etag>.json   a kept version, named by its ETag exactly as in a data folder
//
// History is kept as objects under .thidua/history/, not with bucket versioning: it needs no bucket setting that
// the storage service's operator may not let the application change; a version is named by the ETag the clients
// already know (/api/version?etag=E is one GET, no ETag -> versionId search through ListObjectVersions); the
// layout is the data folder's, so `thidua migrate` copies a deployment both ways unchanged; and --history-keep is
// a plain DELETE of the oldest. Operators may still turn versioning on for backups (docs/deploy.md).
//
// ETags: a data file's ETag is the SHA-256 of its bytes, as in a data folder (/api/version names versions by it, and
// a deployment keeps its ETags when it moves between folder and bucket). S3's own ETag (MD5 of a single PUT) is
// only the compare-and-swap token sent to S3 as If-Match; each replica keeps path -> (S3 ETag, bytes, SHA-256),
// refreshed whenever a listing or a conditional GET shows another S3 ETag.
//
// Replicas: several `thidua serve` on one prefix behave as one server because nothing is answered from memory
// alone. The manifest and the snapshot come from one ListObjectsV2 of the prefix plus a listing of the audit keys
// after the last one this replica has read (audit entries never change, so keeping them is safe); a data file is
// a conditional GET against the cached S3 ETag; a write is S3's conditional PUT. A file whose bytes have no audit
// entry yet (a write in flight on another replica, or a change by another tool) is listed with generation+1, so
// every delta manifest includes it. Left per replica: the token-rate window (--writes-per-minute counts per
// replica) and the one-writer lock that lets the checker see one dataset (across replicas two writes to different
// files are not serialised; each write is still checked against the dataset as it stood).
//
// Known costs: a replica reads every audit object once at start-up (one GET each; a year of a cluster is a few
// thousand), and a replica starting while another one's write is between its data PUT and its audit object records
// that file as "found" (an extra audit line, no data lost).
//
// RGW 16.2 quirks handled here and in s3.cpp (tests/server/test_s3_store.cpp names each): If-Match must be sent
// without quotes; a lost race on a conditional PUT may be answered 500 instead of 412 (treated as 412: re-read and
// answer the client 412); If-Match is compared as a prefix (we only ever send the full S3 ETag we just read, and
// compare the client's If-Match with the SHA-256 ETag ourselves, exactly).
#include "server/store_s3.h"

#include "server/paths.h"
#include "server/s3.h"

#include <algorithm>
#include <cstdio>
#include <functional>

struct server::BucketState
{
    s3::Options options;
    std::string bucket;
    std::string prefix; // without a trailing slash; "" = the whole bucket

    std::mutex mu; // guards `objects`
    struct Cached
    {
        std::string s3_etag;
        std::string bytes;
        std::string etag; // SHA-256 ETag of bytes
    };
    std::map<std::string, Cached> objects;

    std::mutex audit_mu; // guards the audit cache; one refresh at a time
    std::vector<AuditEntry> audit; // in generation order, as read from the bucket
    int64_t audit_gen = 0;         // the last generation read
    std::map<std::string, size_t> last_of_path; // path -> index of its last entry in `audit`
};

namespace
{
using server::AuditEntry;
using server::BucketState;
using server::WriteResult;
namespace s3 = server::s3;

std::string Key(const BucketState& b, const std::string& rel)
{
    return b.prefix.empty() ? rel : b.prefix + "/" + rel;
}

std::string DataPrefix(const BucketState& b)
{
    return b.prefix.empty() ? "" : b.prefix + "/";
}

std::string AuditKey(const BucketState& b, int64_t gen)
{
    char name[32];
    std::snprintf(name, sizeof name, "%012lld.json", static_cast<long long>(gen));
    return Key(b, std::string(".thidua/audit/") + name);
}

std::string HistoryKey(const BucketState& b, const std::string& path, const std::string& etag)
{
    std::string bare = etag;
    if (bare.size() >= 2 && bare.front() == '"' && bare.back() == '"')
        bare = bare.substr(1, bare.size() - 2);
    return Key(b, ".thidua/history/" + path + "/" + bare + ".json");
}

// Reads the audit entries written since the last refresh (by any replica). "" or an error.
std::string RefreshAudit(BucketState& b)
{
    std::lock_guard<std::mutex> lock(b.audit_mu);
    std::vector<s3::Object> fresh;
    const std::string start = b.audit_gen > 0 ? AuditKey(b, b.audit_gen) : "";
    if (std::string err = s3::List(b.options, b.bucket, Key(b, ".thidua/audit/"), start, &fresh); !err.empty())
        return err;
    for (const s3::Object& o : fresh)
    {
        const std::string name = o.key.substr(o.key.rfind('/') + 1);
        const int64_t gen = std::atoll(name.c_str());
        if (gen <= b.audit_gen)
            continue;
        const s3::Response r = s3::Get(b.options, b.bucket, o.key);
        if (r.status != 200)
            return s3::Describe(b.options, r);
        AuditEntry e;
        if (!server::shared::ParseAuditLine(r.body, &e))
            e = AuditEntry{"", "", "", "", "unreadable", "", "", gen, {}};
        e.gen = gen;
        b.audit_gen = gen;
        if (!e.path.empty())
            b.last_of_path[e.path] = b.audit.size();
        b.audit.push_back(std::move(e));
    }
    return "";
}

// Appends one audit entry by creating the next generation's key; a key another replica created first (412, or
// RGW's 500 on a lost race) means: read the newer entries and take the next number. Sets e->gen. "" or an error.
std::string AppendAudit(BucketState& b, AuditEntry* e)
{
    for (int attempt = 0; attempt < 200; ++attempt)
    {
        if (std::string err = RefreshAudit(b); !err.empty())
            return err;
        {
            std::lock_guard<std::mutex> lock(b.audit_mu);
            e->gen = b.audit_gen + 1;
        }
        const s3::Response r =
            s3::Put(b.options, b.bucket, AuditKey(b, e->gen), server::shared::AuditLine(*e), {true, ""});
        if (r.status == 200)
        {
            std::lock_guard<std::mutex> lock(b.audit_mu);
            if (b.audit_gen == e->gen - 1)
            {
                b.audit_gen = e->gen;
                b.last_of_path[e->path] = b.audit.size();
                b.audit.push_back(*e);
            }
            return "";
        }
        if (r.status != 412 && r.status != 409 && r.status != 500)
            return s3::Describe(b.options, r);
    }
    return "too many writers at once: no free audit number after 200 attempts";
}

// The bytes of one object, from the cache when S3 says it has not changed (a conditional GET). 0 on success, 404,
// or -1 with *error set.
int Fetch(BucketState& b, const std::string& path, BucketState::Cached* out, std::string* error)
{
    std::string known;
    {
        std::lock_guard<std::mutex> lock(b.mu);
        auto it = b.objects.find(path);
        if (it != b.objects.end())
            known = it->second.s3_etag;
    }
    s3::Response r = s3::Get(b.options, b.bucket, Key(b, path), known);
    if (r.status == 304)
    {
        std::lock_guard<std::mutex> lock(b.mu);
        auto it = b.objects.find(path);
        if (it != b.objects.end() && it->second.s3_etag == known)
        {
            *out = it->second;
            return 0;
        }
        r = s3::Get(b.options, b.bucket, Key(b, path)); // evicted meanwhile: read it whole
    }
    if (r.status == 404)
        return 404;
    if (r.status != 200)
    {
        *error = s3::Describe(b.options, r);
        return -1;
    }
    BucketState::Cached c{r.etag, std::move(r.body), ""};
    c.etag = server::EtagOf(c.bytes);
    std::lock_guard<std::mutex> lock(b.mu);
    b.objects[path] = c;
    *out = std::move(c);
    return 0;
}

// Every data file as listed now, with its bytes (read again only when its S3 ETag changed). "" or an error.
std::string ListData(BucketState& b, std::map<std::string, BucketState::Cached>* out)
{
    std::vector<s3::Object> objects;
    const std::string prefix = DataPrefix(b);
    // ".thidua0" sorts right after every ".thidua/..." key: one listing skips the state objects, however many.
    if (std::string err = s3::List(b.options, b.bucket, prefix, prefix + ".thidua0", &objects); !err.empty())
        return err;
    for (const s3::Object& o : objects)
    {
        const std::string rel = o.key.substr(prefix.size());
        if (!server::CheckDataPath(rel).empty())
            continue;
        {
            std::lock_guard<std::mutex> lock(b.mu);
            auto it = b.objects.find(rel);
            if (it != b.objects.end() && it->second.s3_etag == o.etag)
            {
                (*out)[rel] = it->second;
                continue;
            }
        }
        BucketState::Cached c;
        std::string error;
        const int status = Fetch(b, rel, &c, &error);
        if (status == 404)
            continue; // deleted between the listing and the GET
        if (status != 0)
            return error;
        (*out)[rel] = std::move(c);
    }
    return "";
}

// Keeps a version in history unless it is there already (*created tells which). The key is named by the SHA-256
// of the bytes, so every writer of that key writes the same bytes. With refresh, a version that was there is
// written again, which makes it the newest for --history-keep (a restored old version).
std::string KeepVersion(const BucketState& b, const std::string& path, const std::string& etag,
                        const std::string& bytes, bool refresh, bool* created = nullptr)
{
    const s3::Response r = s3::Put(b.options, b.bucket, HistoryKey(b, path, etag), bytes, {!refresh, ""});
    if (created)
        *created = r.status == 200 && !refresh;
    if (r.status == 200 || (!refresh && (r.status == 412 || r.status == 500 || r.status == 409)))
        return "";
    return s3::Describe(b.options, r);
}

void PruneHistory(const BucketState& b, const std::string& path, size_t keep)
{
    std::vector<s3::Object> versions;
    if (!s3::List(b.options, b.bucket, Key(b, ".thidua/history/" + path + "/"), "", &versions).empty() ||
        versions.size() <= keep)
        return;
    std::sort(versions.begin(), versions.end(),
              [](const s3::Object& x, const s3::Object& y) { return x.last_modified > y.last_modified; });
    for (size_t i = keep; i < versions.size(); ++i)
        s3::Delete(b.options, b.bucket, versions[i].key);
}

WriteResult Unavailable(const std::string& what, const std::string& why)
{
    return {503, what + ": the object store cannot be reached or refused (" + why +
                     "); nothing was changed; try again later",
            "", 0};
}

// Bucket, prefix and keys of an s3:// location. "" or an error.
std::string Connect(const std::string& location, const server::StoreOptions& options, BucketState* b)
{
    if (!s3::ParseLocation(location, &b->bucket, &b->prefix))
        return "not an S3 location: " + location + " (s3://bucket/prefix)";
    b->options.endpoint = options.s3_endpoint.empty() ? s3::EndpointFromEnvironment() : options.s3_endpoint;
    if (b->options.endpoint.empty())
        return location + " needs the S3 service's address: --s3-endpoint URL or AWS_ENDPOINT_URL (e.g. "
                          "https://s3.example.org)";
    b->options.access_key = options.s3_access_key;
    b->options.secret_key = options.s3_secret_key;
    return s3::LoadCredentials(&b->options);
}

// A clear sentence for a failed first request.
std::string Explain(const BucketState& b, const s3::Response& r)
{
    if (r.status == 404 && r.error == "NoSuchBucket")
        return "the bucket '" + b.bucket + "' does not exist at " + b.options.endpoint + " (create it first)";
    if (r.status == 403)
        return "the S3 service refused the keys for bucket '" + b.bucket + "' (" + r.error +
               "): check AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY";
    return s3::Describe(b.options, r);
}
} // namespace

std::string server::bucket::Open(const std::string& location, const StoreOptions& options, bool writable, Store* store)
{
    auto b = std::make_shared<BucketState>();
    if (std::string err = Connect(location, options, b.get()); !err.empty())
        return err;
    store->bucket = b;
    store->writable = writable;
    store->data_dir.clear();
    store->state_dir.clear();
    s3::Response r = s3::Get(b->options, b->bucket, Key(*b, ".thidua/epoch"));
    if (r.status != 200 && !(r.status == 404 && r.error != "NoSuchBucket"))
        return Explain(*b, r);
    if (!writable)
    {
        store->epoch = r.status == 200 ? r.body : "read-only";
        return "";
    }
    if (r.status == 404)
    {
        // Created once; a replica starting at the same moment reads the one that was created first.
        const s3::Response made = s3::Put(b->options, b->bucket, Key(*b, ".thidua/epoch"), NewEpoch(), {true, ""});
        if (made.status != 200 && made.status != 412 && made.status != 500 && made.status != 409)
            return "cannot create .thidua/epoch in " + location + ": " + Explain(*b, made);
        r = s3::Get(b->options, b->bucket, Key(*b, ".thidua/epoch"));
        if (r.status != 200)
            return "cannot read .thidua/epoch in " + location + ": " + Explain(*b, r);
    }
    store->epoch = r.body;

    // Files changed while no server ran (or by another tool) get a "found" entry, removed ones "missing".
    const Listing now = bucket::CurrentFiles(*store);
    if (!now.error.empty())
        return now.error;
    std::map<std::string, BucketState::Cached> data;
    if (std::string err = ListData(*b, &data); !err.empty())
        return err;
    for (const auto& [path, entry] : now.files)
    {
        if (entry.gen <= now.generation)
            continue;
        std::string old_etag;
        {
            std::lock_guard<std::mutex> lock(b->audit_mu);
            if (auto it = b->last_of_path.find(path); it != b->last_of_path.end())
                old_etag = b->audit[it->second].new_etag;
        }
        if (std::string err = KeepVersion(*b, path, entry.etag, data[path].bytes, false); !err.empty())
            return "cannot keep history of " + path + ": " + err;
        AuditEntry e{shared::NowUtc(), "server", "", path, "found", old_etag, entry.etag, 0, {}};
        if (std::string err = AppendAudit(*b, &e); !err.empty())
            return "cannot write the audit: " + err;
    }
    std::vector<std::string> gone;
    {
        std::lock_guard<std::mutex> lock(b->audit_mu);
        for (const auto& [path, index] : b->last_of_path)
            if (!now.files.count(path) && !b->audit[index].new_etag.empty())
                gone.push_back(path);
    }
    for (const std::string& path : gone)
    {
        AuditEntry e{shared::NowUtc(), "server", "", path, "missing", "", "", 0, {}};
        {
            std::lock_guard<std::mutex> lock(b->audit_mu);
            e.old_etag = b->audit[b->last_of_path[path]].new_etag;
        }
        if (std::string err = AppendAudit(*b, &e); !err.empty())
            return "cannot write the audit: " + err;
    }
    return "";
}

server::Listing server::bucket::CurrentFiles(Store& store)
{
    BucketState& b = *store.bucket;
    Listing out;
    out.epoch = store.epoch;
    // The audit first, then the data: a write that lands between the two shows as a file without its entry
    // (generation + 1), never as an entry whose file this listing missed.
    if (std::string err = RefreshAudit(b); !err.empty())
    {
        out.error = err;
        return out;
    }
    std::map<std::string, int64_t> gen_of;
    std::map<std::string, std::string> etag_of;
    {
        std::lock_guard<std::mutex> lock(b.audit_mu);
        out.generation = b.audit_gen;
        for (const auto& [path, index] : b.last_of_path)
        {
            gen_of[path] = b.audit[index].gen;
            etag_of[path] = b.audit[index].new_etag;
        }
    }
    std::map<std::string, BucketState::Cached> data;
    if (std::string err = ListData(b, &data); !err.empty())
    {
        out.error = err;
        return out;
    }
    std::string all;
    for (const auto& [path, c] : data)
    {
        auto it = etag_of.find(path);
        const int64_t gen = it != etag_of.end() && it->second == c.etag ? gen_of[path] : out.generation + 1;
        out.files[path] = FileEntry{c.etag, static_cast<int64_t>(c.bytes.size()), gen};
        all += path + '\0' + c.etag + '\0';
    }
    char hash[32];
    std::snprintf(hash, sizeof hash, "%016zx", std::hash<std::string>{}(all));
    out.version = std::to_string(out.generation) + "-" + hash;
    return out;
}

std::string server::bucket::ReadDataset(Store& store, std::map<std::string, std::string>* files)
{
    std::map<std::string, BucketState::Cached> data;
    if (std::string err = ListData(*store.bucket, &data); !err.empty())
        return err;
    for (auto& [path, c] : data)
        (*files)[path] = std::move(c.bytes);
    return "";
}

bool server::bucket::ReadDataFile(const Store& store, const std::string& path, std::string* bytes, std::string* error)
{
    BucketState::Cached c;
    std::string why;
    const int status = Fetch(*store.bucket, path, &c, &why);
    if (status != 0)
    {
        if (error)
            *error = status == 404 ? "" : why;
        return false;
    }
    *bytes = std::move(c.bytes);
    return true;
}

namespace
{
// The file as it is now and the precondition against it: status 0 when it holds, 412 with the current ETag, or 503.
WriteResult Compare(BucketState& b, const std::string& path, const server::Precondition& pre,
                    BucketState::Cached* current, bool* exists)
{
    std::string error;
    const int status = Fetch(b, path, current, &error);
    if (status != 0 && status != 404)
        return Unavailable(path, error);
    *exists = status == 0;
    const std::string current_etag = *exists ? current->etag : "";
    if (pre.if_none_match_star && *exists)
        return {412, path + " already exists", current_etag, 0};
    if (pre.has_if_match && !server::shared::EtagMatches(pre.if_match, current_etag, *exists))
        return {412, *exists ? path + " has changed (ETag " + current_etag + ")" : path + " does not exist",
                current_etag, 0};
    return {0, "", current_etag, 0};
}
} // namespace

server::WriteResult server::bucket::CheckPrecondition(const Store& store, const std::string& path,
                                                      const Precondition& pre)
{
    BucketState::Cached current;
    bool exists = false;
    return Compare(*store.bucket, path, pre, &current, &exists);
}

server::WriteResult server::bucket::WriteDataFile(Store& store, const WriteRequest& req)
{
    BucketState& b = *store.bucket;
    BucketState::Cached current;
    bool exists = false;
    if (WriteResult refused = Compare(b, req.path, req.pre, &current, &exists); refused.status != 0)
        return refused;
    const std::string new_etag = EtagOf(req.bytes);
    if (exists)
        KeepVersion(b, req.path, current.etag, current.bytes, false); // normally there already
    // The new version goes to history first (a crash after the data PUT must not leave it unkept). A write that
    // then loses the race takes back the copy it made, so losers' versions do not fill --history-keep.
    bool created = false;
    if (std::string err = KeepVersion(b, req.path, new_etag, req.bytes, false, &created); !err.empty())
        return Unavailable("cannot keep history of " + req.path, err);
    auto take_back = [&] {
        if (created)
            s3::Delete(b.options, b.bucket, HistoryKey(b, req.path, new_etag));
    };

    // The compare-and-swap is S3's: the object must still be the one just compared (its S3 ETag), or absent.
    s3::Condition cond;
    if (exists)
        cond.if_match = current.s3_etag;
    else
        cond.create_only = true;
    const s3::Response put = s3::Put(b.options, b.bucket, Key(b, req.path), req.bytes, cond);
    if (put.status == 412 || put.status == 409 || put.status == 500)
    {
        // Another writer (this replica or another) got there first. RGW 16.2 may say 500 for this lost race.
        BucketState::Cached now;
        std::string error;
        const int status = Fetch(b, req.path, &now, &error);
        if (status != 0 || now.etag != new_etag) // the same bytes may have won from another writer
            take_back();
        if (put.status == 500)
            std::fprintf(stderr, "thidua serve: %s: S3 answered 500 to a conditional PUT: a lost race, answered 412\n",
                         req.path.c_str());
        return {412, req.path + " has changed (another write landed first)", status == 0 ? now.etag : "", 0};
    }
    if (put.status != 200)
    {
        take_back();
        return Unavailable("cannot write " + req.path, s3::Describe(b.options, put));
    }
    if (!created)
        KeepVersion(b, req.path, new_etag, req.bytes, true); // kept before: now the newest for --history-keep
    {
        std::lock_guard<std::mutex> lock(b.mu);
        b.objects[req.path] = BucketState::Cached{put.etag, req.bytes, new_etag};
    }
    AuditEntry e{shared::NowUtc(), req.who, req.role, req.path, exists ? req.action : "create",
                 exists ? current.etag : "", new_etag, 0, req.op_ids};
    if (std::string err = AppendAudit(b, &e); !err.empty())
    {
        // The write stands (it is in the bucket); its entry is missing, so manifests list the file with
        // generation + 1 and the next server start records it as "found".
        std::fprintf(stderr, "thidua serve: %s written but its audit entry failed: %s\n", req.path.c_str(), err.c_str());
        std::lock_guard<std::mutex> lock(b.audit_mu);
        e.gen = b.audit_gen + 1;
    }
    PruneHistory(b, req.path, store.history_keep);
    return {exists ? 200 : 201, "", new_etag, e.gen};
}

std::vector<server::AuditEntry> server::bucket::ReadAudit(Store& store, const std::string& path)
{
    BucketState& b = *store.bucket;
    std::vector<AuditEntry> out;
    if (std::string err = RefreshAudit(b); !err.empty())
        std::fprintf(stderr, "thidua serve: the audit cannot be read: %s\n", err.c_str());
    std::lock_guard<std::mutex> lock(b.audit_mu);
    for (const AuditEntry& e : b.audit)
        if (path.empty() || e.path == path)
            out.push_back(e);
    return out;
}

bool server::bucket::ReadHistoryVersion(const Store& store, const std::string& path, const std::string& bare,
                                        std::string* bytes)
{
    const BucketState& b = *store.bucket;
    s3::Response r = s3::Get(b.options, b.bucket, HistoryKey(b, path, bare));
    if (r.status != 200 || EtagOf(r.body) != "\"" + bare + "\"")
        return false;
    *bytes = std::move(r.body);
    return true;
}

std::string server::bucket::ReadObjectAt(const std::string& location, const StoreOptions& options,
                                         const std::string& key, std::string* bytes, bool* found)
{
    BucketState b;
    if (std::string err = Connect(location, options, &b); !err.empty())
        return err;
    s3::Response r = s3::Get(b.options, b.bucket, Key(b, key));
    if (r.status == 404 && r.error != "NoSuchBucket")
        return "";
    if (r.status != 200)
        return Explain(b, r);
    *bytes = std::move(r.body);
    *found = true;
    return "";
}

std::string server::bucket::ListSubLocations(const std::string& location, const StoreOptions& options,
                                             std::vector<std::string>* names)
{
    BucketState b;
    if (std::string err = Connect(location, options, &b); !err.empty())
        return err;
    std::vector<s3::Object> objects;
    std::vector<std::string> prefixes;
    if (std::string err = s3::List(b.options, b.bucket, DataPrefix(b), "", &objects, "/", &prefixes); !err.empty())
        return err;
    for (std::string p : prefixes)
    {
        p = p.substr(DataPrefix(b).size());
        if (!p.empty() && p.back() == '/')
            p.pop_back();
        if (!p.empty() && p != ".thidua")
            names->push_back(p);
    }
    return "";
}
