// Importing a picked or dropped JSON file as edits and conflicts; see import.h.
//
// [SECTION] helpers
// [SECTION] comparing one document with the working copy
// [SECTION] identifying the file
// [SECTION] PlanImport / ApplyImport
#include "core/sync/import.h"

#include "core/io/dataset.h"
#include "core/io/json_read.h"

#include <algorithm>
#include <set>

using nlohmann::json;

namespace datasync
{
namespace
{
// ---- [SECTION] helpers ----

const char* const kPackageFormat = "thidua.datapackage";

void Fail(ImportPlan& plan, const std::string& pointer, const std::string& message)
{
    plan.errors.push_back({plan.name, pointer, message, check::Severity::Error});
}

bool IsRecord(const json& v)
{
    const json* id = io::Child(v, "id");
    return id && id->is_string();
}

std::string RecordId(const json& v)
{
    return io::StringOr(v, "id", "");
}

// True when `v` is a record or holds one somewhere inside.
bool ContainsRecord(const json& v)
{
    if (IsRecord(v))
        return true;
    if (v.is_object() || v.is_array())
        for (const json& child : v)
            if (ContainsRecord(child))
                return true;
    return false;
}

// id -> JSON pointer of every record in `doc`.
void IndexRecords(const json& v, const std::string& pointer, std::map<std::string, std::string>* out)
{
    if (IsRecord(v))
        out->emplace(RecordId(v), pointer);
    if (v.is_object())
        for (auto it = v.begin(); it != v.end(); ++it)
            IndexRecords(it.value(), pointer + "/" + io::PointerToken(it.key()), out);
    else if (v.is_array())
        for (size_t i = 0; i < v.size(); ++i)
            IndexRecords(v[i], pointer + "/" + std::to_string(i), out);
}

std::string RecordName(const json& record)
{
    for (const char* key : {"name", "title", "description"})
    {
        std::string text;
        if (io::GetString(record, key, &text) && !text.empty())
            return text;
    }
    return "";
}

// What the client's checker says about `bytes` as the file at `path` (JSON syntax only without one).
std::vector<check::Issue> Check(const Client& client, const std::string& path, const std::string& bytes)
{
    if (client.check)
        return client.check(path, bytes);
    json doc;
    std::string error;
    if (!io::ParseJson(bytes, &doc, &error))
        return {{path, "", "not valid JSON: " + error, check::Severity::Error}};
    return {};
}

// ---- [SECTION] comparing one document with the working copy ----

struct Differ
{
    ImportPlan& plan;
    std::string path;                         // data path of the document
    std::string where;                        // pointer prefix of the document inside the imported file
    const json& local;                        // this device's working copy
    std::map<std::string, std::string> index; // record id -> pointer in `local`

    void Note(const std::string& pointer, const std::string& message)
    {
        plan.notes.push_back({plan.name, where + pointer, path + ": " + message, check::Severity::Warning});
    }

    void Error(const std::string& pointer, const std::string& message)
    {
        Fail(plan, where + pointer, path + ": " + message);
    }

    // A record of the file against the local record with the same id. `*_rev` are the revisions that apply (the
    // record's own "rev", else its enclosing record's; -1 when neither has one).
    void Record(const json& theirs_in_file, const std::string& file_ptr, const json& mine, const std::string& local_ptr,
                int64_t file_rev, int64_t local_rev)
    {
        file_rev = io::IntOr(theirs_in_file, "rev", file_rev);
        local_rev = io::IntOr(mine, "rev", local_rev);
        const std::string id = RecordId(theirs_in_file);
        Op op;
        op.path = path;
        op.kind = OpKind::SetFields;
        op.record_id = id;
        op.base_rev = io::IntOr(mine, "rev", 0);
        op.value = json::object();
        op.old = json::object();
        for (auto it = theirs_in_file.begin(); it != theirs_in_file.end(); ++it)
        {
            const std::string& key = it.key();
            const json& value = it.value();
            if (key == "id" || key == "rev")
                continue;
            const json* current = io::Child(mine, key.c_str());
            if (current && ContainsRecord(value))
            {
                Children(value, file_ptr + "/" + io::PointerToken(key), *current, local_ptr + "/" + io::PointerToken(key), file_rev,
                         local_rev);
                continue;
            }
            if (current && *current == value)
                continue;
            ImportChange change;
            change.path = path;
            change.record_id = id;
            change.record_name = RecordName(mine);
            change.field = key;
            change.old_value = current ? *current : json();
            change.new_value = value;
            if (file_rev >= local_rev)
            {
                change.kind = ImportChange::Kind::Set;
                op.value[key] = value;
                if (current)
                    op.old[key] = *current;
                ++plan.changed;
            }
            else
            {
                change.kind = ImportChange::Kind::Conflict;
                plan.conflicts.push_back({"", path, id, key, json(), value, change.old_value, ""});
                ++plan.conflicted;
            }
            plan.changes.push_back(std::move(change));
        }
        if (!op.value.empty())
            plan.ops.push_back(std::move(op));
    }

    // A value of the file that holds records (a record field, a list of records) against the local value there.
    void Children(const json& value, const std::string& file_ptr, const json& mine, const std::string& local_ptr,
                  int64_t file_rev, int64_t local_rev)
    {
        if (IsRecord(value))
            return Matched(value, file_ptr, file_rev, local_rev);
        if (value.is_array())
        {
            for (size_t i = 0; i < value.size(); ++i)
            {
                const json& item = value[i];
                const std::string item_ptr = file_ptr + "/" + std::to_string(i);
                if (!IsRecord(item))
                    continue;
                if (index.count(RecordId(item)))
                    Matched(item, item_ptr, file_rev, local_rev);
                else if (mine.is_array())
                    Add(item, local_ptr);
                else
                    Note(item_ptr, "record " + RecordId(item) + " has no list to go into on this device; not imported");
            }
            return;
        }
        Note(file_ptr, "records inside a plain object are not imported");
    }

    // A record of the file whose id this device knows (wherever it sits in the local file).
    void Matched(const json& record, const std::string& file_ptr, int64_t file_rev, int64_t local_rev)
    {
        auto at = index.find(RecordId(record));
        if (at == index.end())
            return Error(file_ptr, "record " + RecordId(record) + " is not in this device's copy of the file");
        const json* mine = io::AtPointer(local, at->second);
        if (mine)
            Record(record, file_ptr, *mine, at->second, file_rev, local_rev);
    }

    void Add(const json& record, const std::string& parent)
    {
        Op op;
        op.path = path;
        op.kind = OpKind::AddRecord;
        op.record_id = RecordId(record);
        op.value = record;
        op.parent = parent;
        plan.ops.push_back(op);
        ImportChange change;
        change.kind = ImportChange::Kind::Add;
        change.path = path;
        change.record_id = op.record_id;
        change.record_name = RecordName(record);
        change.new_value = record;
        plan.changes.push_back(std::move(change));
        ++plan.added;
    }

    // The top of the document: not a record; its fields hold records, or are plain values that no edit reaches.
    void Document(const json& doc)
    {
        for (auto it = doc.begin(); it != doc.end(); ++it)
        {
            const std::string ptr = "/" + io::PointerToken(it.key());
            const json* current = io::Child(local, it.key().c_str());
            if (it.key() == "format" || it.key() == "schema_version" || (current && *current == it.value()))
                continue;
            if (current && ContainsRecord(it.value()))
                Children(it.value(), ptr, *current, ptr, -1, -1);
            else
                Note(ptr, "this value lies outside any record and is not imported");
        }
    }
};

// A checked file this device does not hold: created (If-None-Match: * on the server, which checks it in the whole
// dataset like any write) and listed in datapackage.json after it.
void PlanNewFile(ImportPlan& plan, const std::string& path, const json& doc)
{
    Op create;
    create.path = path;
    create.kind = OpKind::CreateFile;
    create.value = doc;
    plan.ops.push_back(create);
    Op list;
    list.path = io::kDescriptorPath;
    list.kind = OpKind::AddRecord;
    list.record_id = path;
    list.parent = "/resources";
    list.value = {{"path", path},
                  {"format", io::StringOr(doc, "format", "")},
                  {"schema_version", io::IntOr(doc, "schema_version", 0)},
                  {"writer", io::WriterOfPath(path)}};
    plan.ops.push_back(list);
    ImportChange change;
    change.kind = ImportChange::Kind::Add;
    change.path = path;
    change.record_name = path;
    change.new_value = doc;
    plan.changes.push_back(std::move(change));
    plan.paths.push_back(path);
    ++plan.added;
}

// Compares one checked document (`doc`, to be the file at `path`) with this device's copy and adds to the plan.
void PlanDocument(const Client& client, ImportPlan& plan, const std::string& path, const json& doc,
                  const std::string& where, const std::string& bytes)
{
    const json local = WorkingCopy(client, path);
    std::vector<check::Issue> issues = Check(client, path, bytes);
    for (check::Issue& issue : issues)
        if (issue.severity == check::Severity::Error)
            Fail(plan, where + issue.pointer, path + ": " + issue.message);
    if (check::HasErrors(issues))
        return;
    if (local.is_null())
        return PlanNewFile(plan, path, doc);
    const int64_t version = io::IntOr(doc, "schema_version", 0), local_version = io::IntOr(local, "schema_version", 0);
    if (version != local_version)
        return Fail(plan, where + "/schema_version", path + ": schema_version " + std::to_string(version) + " differs "
                                                            "from this device's; both apps must be the same version");
    plan.paths.push_back(path);
    Differ differ{plan, path, where, local, {}};
    IndexRecords(local, "", &differ.index);
    differ.Document(doc);
}

// ---- [SECTION] identifying the file ----

// What makes a data file this file and no other: its format, the ids of its top-level records (with their cluster)
// and its "*_id" fields (a meeting's id; a self-assessment's year and organisation; only the format for a registry).
std::string Signature(const json& doc)
{
    std::string sig = io::StringOr(doc, "format", "");
    if (!doc.is_object())
        return sig;
    for (auto it = doc.begin(); it != doc.end(); ++it)
    {
        const std::string& key = it.key();
        if (IsRecord(it.value())) // a year names its cluster: another cluster's year is another file
            sig += " " + RecordId(it.value()) + " " + io::StringOr(it.value(), "cluster_id", "");
        else if (key.size() > 3 && key.compare(key.size() - 3, 3, "_id") == 0 && it.value().is_string())
            sig += " " + it.value().get_ref<const std::string&>();
    }
    return sig;
}

std::string BaseName(const std::string& path)
{
    const size_t slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::set<std::string> KnownPaths(const Client& client)
{
    std::set<std::string> paths;
    for (const auto& [path, file] : client.synced)
        paths.insert(path);
    for (const Op& op : client.outbox)
        paths.insert(op.path);
    paths.erase(io::kDescriptorPath);
    return paths;
}

// The data path a single file belongs at, or "" (with an error in the plan).
std::string IdentifyFile(const Client& client, ImportPlan& plan, const json& doc)
{
    const std::string sig = Signature(doc);
    std::vector<std::string> matches;
    for (const std::string& path : KnownPaths(client))
        if (Signature(WorkingCopy(client, path)) == sig)
            matches.push_back(path);
    if (matches.size() > 1)
        for (const std::string& path : matches)
            if (BaseName(path) == plan.name)
                return path;
    if (matches.size() == 1)
        return matches.front();
    if (matches.empty())
    {
        // A new file whose place follows from its content: a meeting, or a unit's self-assessment.
        const std::string format = io::StringOr(doc, "format", "");
        const json* meeting = io::Child(doc, "meeting");
        std::string path;
        if (format == "thidua.meeting" && meeting)
            path = "meetings/" + io::StringOr(*meeting, "id", "") + ".json";
        const std::string year_id = io::StringOr(doc, "year_id", "");
        if (format == "thidua.self_assessment" && year_id.size() > 4)
            path = "years/" + year_id.substr(year_id.size() - 4) + "/self/" + io::StringOr(doc, "organization_id", "") + ".json";
        if (!path.empty() && io::KindOfPath(path) != model::FileKind::Unknown && !KnownPaths(client).count(path))
            return path;
    }
    Fail(plan, "", matches.empty() ? "this device does not hold this file (" + sig + "), or it is another cluster's; "
                                     "nothing was imported"
                                   : "several files on this device could be this one; name it like the one it came from");
    return "";
}

void PlanPackage(const Client& client, ImportPlan& plan, const json& doc)
{
    const std::string mine = io::StringOr(WorkingCopy(client, io::kDescriptorPath), "name", "");
    const std::string theirs = io::StringOr(doc, "name", "");
    if (!mine.empty() && theirs != mine)
        return Fail(plan, "/name", "this package is for \"" + theirs + "\"; this device holds \"" +
                                                              mine + "\". Nothing was imported");
    const json* listed = io::Child(doc, "resources");
    const json none = json::array();
    const json& resources = listed && listed->is_array() ? *listed : none;
    bool any_data = false;
    for (size_t i = 0; i < resources.size(); ++i)
    {
        const json& res = resources[i];
        const std::string ptr = "/resources/" + std::to_string(i);
        const std::string path = io::StringOr(res, "path", "");
        const model::FileKind kind = io::KindOfPath(path);
        if (path.find("..") != std::string::npos || kind == model::FileKind::Unknown ||
            kind == model::FileKind::DataPackage)
        {
            Fail(plan, ptr + "/path", "\"" + path + "\" is not a data path of this app (data "
                                                             "paths look like meetings/<id>.json or years/<year>/year.json)");
            continue;
        }
        const json* data = io::Child(res, "data");
        if (!data)
            continue;
        any_data = true;
        if (io::StringOr(*data, "format", "") != io::FormatName(kind))
            Fail(plan, ptr + "/data", path + ": expected the file itself, a JSON object with \"format\": \"" +
                                          io::FormatName(kind) + "\"");
    }
    if (!any_data && plan.errors.empty())
        Fail(plan, "/resources", "this package lists files but holds none of their content "
                                                        "(\"data\"); export the whole dataset from the app to move data");
    if (!plan.errors.empty())
        return;
    for (size_t i = 0; i < resources.size(); ++i)
    {
        const json& res = resources[i];
        const json* data = io::Child(res, "data");
        if (data)
            PlanDocument(client, plan, io::StringOr(res, "path", ""), *data, "/resources/" + std::to_string(i) + "/data",
                         Serialize(*data));
    }
}

std::string NewId(Client& client)
{
    return client.device_id + "-" + std::to_string(client.next_op++);
}
} // namespace

// ---- [SECTION] PlanImport / ApplyImport ----

ImportPlan PlanImport(const Client& client, const std::string& name, const std::string& bytes)
{
    ImportPlan plan;
    plan.name = name;
    if (bytes.size() > kMaxImportBytes)
    {
        Fail(plan, "", "the file is larger than " + std::to_string(kMaxImportBytes / (1024 * 1024)) +
                                             " MB and was not read; export a single file instead");
        return plan;
    }
    // The comparison walks values recursively: a hostile file of a million "[" must not exhaust the stack.
    if (io::DepthExceededAt(bytes) != 0)
    {
        Fail(plan, "", "arrays and objects nest more than " + std::to_string(io::kMaxJsonDepth) +
                           " levels deep; not a data file");
        return plan;
    }
    json doc;
    std::string error;
    if (!io::ParseJson(bytes, &doc, &error))
    {
        for (check::Issue& issue : Check(client, name, bytes)) // the checker names line and column
            if (issue.severity == check::Severity::Error)
                plan.errors.push_back(issue);
        if (plan.errors.empty())
            Fail(plan, "", "not valid JSON: " + error);
        return plan;
    }
    if (!doc.is_object())
    {
        Fail(plan, "", "expected a JSON object ({...}) at the top of the file");
        return plan;
    }
    if (io::StringOr(doc, "format", "") == kPackageFormat)
        PlanPackage(client, plan, doc);
    else
    {
        const std::string path = IdentifyFile(client, plan, doc);
        if (!path.empty())
            PlanDocument(client, plan, path, doc, "", bytes);
    }
    if (!plan.errors.empty())
    {
        plan.ops.clear();
        plan.conflicts.clear();
        plan.changes.clear();
        plan.added = plan.changed = plan.conflicted = 0;
        return plan;
    }
    // The merged files must pass the checker too (a field taken from the file next to one kept here).
    for (const std::string& path : plan.paths)
    {
        std::vector<Op> ops;
        for (const Op& op : plan.ops)
            if (op.path == path)
                ops.push_back(op);
        if (ops.empty())
            continue;
        for (check::Issue& issue : Check(client, path, Serialize(Replay(WorkingCopy(client, path), ops).doc)))
            if (issue.severity == check::Severity::Error)
            {
                issue.message = "after merging: " + issue.message;
                plan.errors.push_back(issue);
            }
    }
    if (!plan.errors.empty())
    {
        plan.ops.clear();
        plan.conflicts.clear();
    }
    return plan;
}

bool ApplyImport(Client& client, const ImportPlan& plan)
{
    if (!plan.errors.empty() || (plan.ops.empty() && plan.conflicts.empty()))
        return false;
    for (Op op : plan.ops)
    {
        op.op_id = NewId(client);
        client.outbox.push_back(std::move(op));
    }
    for (Conflict conflict : plan.conflicts)
    {
        conflict.op_id = "import-" + NewId(client);
        client.conflicts.push_back(std::move(conflict));
    }
    return true;
}
} // namespace datasync
