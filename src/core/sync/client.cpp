// The sync client: outbox, pull, replay, push; see client.h.
#include "core/sync/client.h"

#include "core/io/dataset.h"

#include "core/io/json_read.h"

#include <algorithm>
#include <cctype>
#include <set>

using nlohmann::json;

namespace datasync
{
namespace
{
// Counts requests and bytes, and adds the bearer token.
struct Session
{
    Transport& transport;
    const Remote& remote;
    SyncReport& report;

    HttpResponse Send(HttpRequest req)
    {
        if (!remote.token.empty())
            req.headers.push_back({"Authorization", "Bearer " + remote.token});
        ++report.requests;
        report.bytes_sent += req.method.size() + req.path.size() + 12 + req.body.size();
        for (const auto& [k, v] : req.headers)
            report.bytes_sent += k.size() + v.size() + 4;
        HttpResponse res = transport.Send(req);
        report.bytes_received += res.body.size() + (res.status ? 17 : 0);
        for (const auto& [k, v] : res.headers)
            report.bytes_received += k.size() + v.size() + 4;
        if (res.status == 0)
            report.offline = true;
        return res;
    }
};

std::string Header(const HttpResponse& r, const std::string& name)
{
    auto it = r.headers.find(name);
    return it == r.headers.end() ? "" : it->second;
}

// Drops namespace prefixes ("<D:href>", "</lp1:getetag>") so elements can be found by name. (Hand-written:
// std::regex would add its locale machinery, tens of KB, to the browser's wasm.)
std::string StripXmlPrefixes(const std::string& xml)
{
    auto name_start = [](char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; };
    auto name_char = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '-'; };
    std::string out;
    out.reserve(xml.size());
    for (size_t i = 0; i < xml.size(); ++i)
    {
        out += xml[i];
        if (xml[i] != '<')
            continue;
        size_t j = i + 1;
        if (j < xml.size() && xml[j] == '/')
            out += xml[j++];
        size_t k = j;
        if (k < xml.size() && name_start(xml[k]))
            while (k < xml.size() && name_char(xml[k]))
                ++k;
        if (k > j && k < xml.size() && xml[k] == ':')
            i = k; // skip "prefix:"
        else
            i = j - 1;
    }
    return out;
}

std::vector<check::Issue> CheckBytes(const Client& c, const std::string& path, const std::string& bytes)
{
    if (c.check)
        return c.check(path, bytes);
    if (!json::accept(bytes))
        return {{path, "", "not valid JSON", check::Severity::Error}};
    return {};
}

bool HasErrorsIn(const std::vector<check::Issue>& issues)
{
    for (const check::Issue& i : issues)
        if (i.severity == check::Severity::Error)
            return true;
    return false;
}

json Parse(const std::string& bytes)
{
    json j = json::parse(bytes, nullptr, false);
    return j.is_discarded() ? json() : j;
}

std::vector<Op> OpsFor(const Client& c, const std::string& path)
{
    std::vector<Op> out;
    for (const Op& op : c.outbox)
        if (op.path == path)
            out.push_back(op);
    return out;
}

void Acknowledge(Client& c, const std::set<std::string>& ids, SyncReport& report)
{
    std::vector<Op> keep;
    for (Op& op : c.outbox)
    {
        if (ids.count(op.op_id))
            report.acknowledged.push_back(op.op_id);
        else
            keep.push_back(std::move(op));
    }
    c.outbox = std::move(keep);
}

// Op ids the server's audit log says were written to `path` (Thidua backend), for ops whose PUT got no answer.
// False when the server could not be asked.
bool AppliedOnServer(Session& s, const std::string& path, std::set<std::string>* ids_out)
{
    std::set<std::string>& ids = *ids_out;
    HttpResponse r = s.Send({"GET", "/api/history?path=" + path, {}, ""});
    if (r.status == 0)
        return false;
    if (r.status != 200)
        return true;
    const json h = Parse(r.body);
    if (!h.is_object() || !h.contains("versions"))
        return true;
    for (const json& v : h["versions"])
        if (const json* op_ids = io::Child(v, "op_ids"); op_ids && op_ids->is_array())
            for (const json& id : *op_ids)
                if (id.is_string())
                    ids.insert(id.get<std::string>());
    return true;
}

// After a new server copy of `path`: drop ops already there, move conflicting fields to the conflict list.
// False (nothing changed) when ops in doubt could not be looked up on the server.
bool Reconcile(Client& c, Session& s, const std::string& path)
{
    bool doubt = false;
    for (const Op& op : c.outbox)
        doubt = doubt || (op.path == path && op.in_doubt);
    if (doubt && s.remote.backend == Backend::Thidua)
    {
        std::set<std::string> on_server;
        if (!AppliedOnServer(s, path, &on_server))
            return false;
        std::set<std::string> mine;
        for (const Op& op : c.outbox)
            if (op.path == path && on_server.count(op.op_id))
                mine.insert(op.op_id);
        Acknowledge(c, mine, s.report);
    }
    auto base = c.synced.find(path);
    const json theirs = base == c.synced.end() ? json() : Parse(base->second.bytes);
    const ReplayResult rr = Replay(theirs, OpsFor(c, path));
    Acknowledge(c, std::set<std::string>(rr.present.begin(), rr.present.end()), s.report);
    std::set<std::string> dead;
    for (const Conflict& k : rr.conflicts)
    {
        c.conflicts.push_back(k);
        s.report.new_conflicts.push_back(k);
        for (Op& op : c.outbox)
            if (op.op_id == k.op_id)
            {
                if (op.kind == OpKind::SetFields && !k.field.empty() && op.value.contains(k.field))
                {
                    op.value.erase(k.field);
                    op.old.erase(k.field);
                    if (op.value.empty())
                        dead.insert(op.op_id);
                }
                else
                    dead.insert(op.op_id);
            }
    }
    c.outbox.erase(std::remove_if(c.outbox.begin(), c.outbox.end(),
                                  [&](const Op& op) { return dead.count(op.op_id) > 0; }),
                   c.outbox.end());
    return true;
}

// Takes a server copy: checked first; a bad file never replaces the synced copy. False when offline.
bool Accept(Client& c, Session& s, const std::string& path, const std::string& bytes, const std::string& etag)
{
    std::vector<check::Issue> issues = CheckBytes(c, path, bytes);
    if (HasErrorsIn(issues))
    {
        c.rejected_etag[path] = etag;
        for (check::Issue& i : issues)
            if (i.severity == check::Severity::Error)
            {
                i.message = "the server's copy was not used: " + i.message;
                s.report.problems.push_back(i);
            }
        return true;
    }
    c.rejected_etag.erase(path);
    c.synced[path] = SyncedFile{etag, bytes};
    s.report.pulled.push_back(path);
    return Reconcile(c, s, path);
}

// GET one data file; false when offline. A 404 leaves things as they are.
bool Fetch(Client& c, Session& s, const std::string& path, bool conditional)
{
    HttpRequest req{"GET", s.remote.data_prefix + path, {}, ""};
    auto base = c.synced.find(path);
    if (conditional && base != c.synced.end() && !base->second.etag.empty())
        req.headers.push_back({"If-None-Match", base->second.etag});
    HttpResponse r = s.Send(req);
    if (r.status == 0)
        return false;
    if (r.status == 200)
        return Accept(c, s, path, r.body, Header(r, "etag"));
    if (r.status != 304)
        s.report.problems.push_back({path, "", "GET answered " + std::to_string(r.status), check::Severity::Error});
    return true;
}

std::string PercentDecode(const std::string& s)
{
    std::string out;
    for (size_t i = 0; i < s.size(); ++i)
    {
        if (s[i] == '%' && i + 2 < s.size() && std::isxdigit((unsigned char)s[i + 1]) &&
            std::isxdigit((unsigned char)s[i + 2]))
        {
            out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
            i += 2;
        }
        else
            out += s[i];
    }
    return out;
}

// Position just after the opening tag <name> or <name attr...> at or after `from`, or npos.
size_t AfterOpenTag(const std::string& xml, const std::string& name, size_t from)
{
    for (size_t p = xml.find("<" + name, from); p != std::string::npos; p = xml.find("<" + name, p + 1))
    {
        const char next = p + name.size() + 1 < xml.size() ? xml[p + name.size() + 1] : '\0';
        if (next == '>' || next == ' ' || next == '\t' || next == '\n' || next == '\r')
        {
            const size_t end = xml.find('>', p);
            return end == std::string::npos ? end : end + 1;
        }
    }
    return std::string::npos;
}

// The text of the first <name>...</name> in xml[from, to) (namespace prefixes already stripped), or "".
std::string XmlElement(const std::string& xml, const std::string& name, size_t from, size_t to)
{
    const size_t start = AfterOpenTag(xml, name, from);
    if (start == std::string::npos || start >= to)
        return "";
    const size_t close = xml.find("</" + name + ">", start);
    if (close == std::string::npos || close > to)
        return "";
    return xml.substr(start, close - start);
}

std::string XmlUnescape(std::string s)
{
    const std::pair<const char*, const char*> kEntities[] = {{"&quot;", "\""}, {"&lt;", "<"}, {"&gt;", ">"},
                                                             {"&apos;", "'"}, {"&amp;", "&"}};
    for (const auto& [from, to] : kEntities)
        for (size_t p; (p = s.find(from)) != std::string::npos;)
            s.replace(p, std::string(from).size(), to);
    return s;
}

// The remote list path -> ETag: the manifest (Thidua) or one PROPFIND (WebDAV). False when offline/unusable;
// *unchanged when the server says nothing changed.
bool ListRemote(Client& c, Session& s, std::map<std::string, std::string>* files, bool* unchanged, json* manifest)
{
    *unchanged = false;
    if (s.remote.backend == Backend::Thidua)
    {
        std::string path = "/api/manifest";
        HttpRequest req{"GET", "", {}, ""};
        if (c.generation >= 0 && !c.epoch.empty())
            path += "?since=" + std::to_string(c.generation) + "&epoch=" + c.epoch;
        req.path = path;
        if (!c.manifest_etag.empty())
            req.headers.push_back({"If-None-Match", c.manifest_etag});
        HttpResponse r = s.Send(req);
        if (r.status == 304)
        {
            *unchanged = true;
            return true;
        }
        if (r.status != 200)
        {
            if (r.status != 0)
                s.report.problems.push_back({"", "", "manifest answered " + std::to_string(r.status) + ": " +
                                                         r.body.substr(0, 200), check::Severity::Error});
            return false;
        }
        *manifest = Parse(r.body);
        if (!manifest->is_object() || !(*manifest)["files"].is_object())
        {
            s.report.problems.push_back({"", "", "the server's manifest is not usable", check::Severity::Error});
            return false;
        }
        (*manifest)["etag"] = Header(r, "etag");
        for (auto& kv : (*manifest)["files"].items())
            (*files)[kv.key()] = io::StringOr(kv.value(), "etag", "");
        return true;
    }
    const std::string body = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                             "<D:propfind xmlns:D=\"DAV:\"><D:prop><D:getetag/></D:prop></D:propfind>\n";
    HttpResponse r = s.Send({"PROPFIND", s.remote.data_prefix, {{"Depth", "infinity"},
                             {"Content-Type", "application/xml"}}, body});
    if (r.status != 207)
    {
        if (r.status != 0)
            s.report.problems.push_back({"", "", "PROPFIND answered " + std::to_string(r.status),
                                         check::Severity::Error});
        return false;
    }
    const std::string xml = StripXmlPrefixes(r.body);
    for (size_t pos = 0;;)
    {
        const size_t start = AfterOpenTag(xml, "response", pos);
        if (start == std::string::npos)
            break;
        size_t end = xml.find("</response>", start);
        if (end == std::string::npos)
            end = xml.size();
        std::string href = PercentDecode(XmlUnescape(XmlElement(xml, "href", start, end)));
        const std::string etag = XmlUnescape(XmlElement(xml, "getetag", start, end));
        const size_t scheme = href.find("://");
        if (scheme != std::string::npos)
            href = href.substr(std::min(href.size(), href.find('/', scheme + 3)));
        if (href.rfind(s.remote.data_prefix, 0) == 0 && !href.empty() && href.back() != '/')
        {
            const std::string rel = href.substr(s.remote.data_prefix.size());
            if (rel.size() > 5 && rel.compare(rel.size() - 5, 5, ".json") == 0 && rel[0] != '.' &&
                rel.find("/.") == std::string::npos)
                (*files)[rel] = etag;
        }
        pos = end + 1;
    }
    return true;
}

bool Pull(Client& c, Session& s)
{
    std::map<std::string, std::string> files;
    bool unchanged = false;
    json manifest;
    if (!ListRemote(c, s, &files, &unchanged, &manifest))
        return false;
    if (unchanged)
        return true;
    for (const auto& [path, etag] : files)
    {
        auto base = c.synced.find(path);
        if (base != c.synced.end() && !etag.empty() && base->second.etag == etag)
            continue;
        auto bad = c.rejected_etag.find(path);
        if (bad != c.rejected_etag.end() && bad->second == etag && !etag.empty())
            continue;
        if (!Fetch(c, s, path, true))
            return false;
    }
    if (s.remote.backend == Backend::Thidua)
    {
        c.epoch = io::StringOr(manifest, "epoch", "");
        c.generation = io::IntOr(manifest, "generation", -1);
        c.manifest_etag = io::StringOr(manifest, "etag", "");
    }
    return true;
}

// Pushes the outbox of one file. False when offline.
bool PushFile(Client& c, Session& s, const std::string& path)
{
    for (int attempt = 0; attempt < s.remote.max_attempts; ++attempt)
    {
        std::vector<Op> ops = OpsFor(c, path);
        if (ops.empty())
            return true;
        auto base = c.synced.find(path);
        if (base != c.synced.end() && base->second.etag.empty())
        {
            if (!Fetch(c, s, path, false)) // learn the ETag (a WebDAV PUT does not return one)
                return false;
            continue;
        }
        const json theirs = base == c.synced.end() ? json() : Parse(base->second.bytes);
        const ReplayResult rr = Replay(theirs, ops);
        if (!rr.conflicts.empty())
        {
            if (!Reconcile(c, s, path))
                return false;
            continue;
        }
        std::set<std::string> ids(rr.present.begin(), rr.present.end());
        if (rr.effective.empty())
        {
            Acknowledge(c, ids, s.report);
            return true;
        }
        ids.insert(rr.effective.begin(), rr.effective.end());
        const std::string bytes = Serialize(rr.doc);
        std::vector<check::Issue> issues = CheckBytes(c, path, bytes);
        if (HasErrorsIn(issues))
        {
            for (check::Issue& i : issues)
            {
                i.message = "not sent, fix it first: " + i.message;
                s.report.problems.push_back(i);
            }
            return true;
        }
        HttpRequest req{"PUT", s.remote.data_prefix + path, {{"Content-Type", "application/json"}}, bytes};
        if (base == c.synced.end())
            req.headers.push_back({"If-None-Match", "*"});
        else
            req.headers.push_back({"If-Match", base->second.etag});
        std::string id_list;
        for (const std::string& id : ids)
            id_list += (id_list.empty() ? "" : ",") + id;
        req.headers.push_back({"Thidua-Op-Ids", id_list});
        for (Op& op : c.outbox)
            if (ids.count(op.op_id))
                op.in_doubt = true; // from here until we know, the write may or may not have happened
        HttpResponse r = s.Send(req);
        if (r.status == 0)
            return false;
        if (r.status == 200 || r.status == 201 || r.status == 204)
        {
            c.synced[path] = SyncedFile{Header(r, "etag"), bytes};
            Acknowledge(c, ids, s.report);
            return true;
        }
        if (r.status == 412)
        {
            if (!Fetch(c, s, path, false))
                return false;
            if (c.rejected_etag.count(path))
                return true; // the server's copy was refused by the checker: reported, edits kept
            continue;
        }
        std::string first_line = r.body.substr(0, r.body.find('\n'));
        s.report.problems.push_back({path, "", "the server refused the write (" + std::to_string(r.status) +
                                                   "): " + first_line, check::Severity::Error});
        return true;
    }
    s.report.problems.push_back({path, "", "still changing on the server after " +
                                               std::to_string(s.remote.max_attempts) + " attempts; will retry",
                                 check::Severity::Warning});
    return true;
}

std::string NewOpId(Client& c)
{
    return c.device_id + "-" + std::to_string(c.next_op++);
}
} // namespace

std::string Serialize(const json& doc)
{
    return doc.dump(2) + "\n";
}

json WorkingCopy(const Client& client, const std::string& path)
{
    auto base = client.synced.find(path);
    const json theirs = base == client.synced.end() ? json() : Parse(base->second.bytes);
    return Replay(theirs, OpsFor(client, path)).doc;
}

std::map<std::string, std::string> WorkingFiles(const Client& client)
{
    std::set<std::string> paths;
    for (const auto& [p, f] : client.synced)
        paths.insert(p);
    for (const Op& op : client.outbox)
        paths.insert(op.path);
    std::map<std::string, std::string> out;
    for (const std::string& p : paths)
    {
        const json doc = WorkingCopy(client, p);
        if (!doc.is_null())
            out[p] = Serialize(doc);
    }
    return out;
}

std::string EditFields(Client& client, const std::string& path, const std::string& record_id, const json& fields,
                       std::string* op_id)
{
    if (!fields.is_object() || fields.empty())
        return "nothing to change";
    if (fields.contains("id") || fields.contains("rev"))
        return "id and rev are not edited directly";
    const json doc = WorkingCopy(client, path);
    const json* rec = FindRecord(doc, record_id);
    if (!rec)
        return path + ": no record " + record_id;
    Op op;
    op.op_id = NewOpId(client);
    op.path = path;
    op.kind = OpKind::SetFields;
    op.record_id = record_id;
    op.base_rev = io::IntOr(*rec, "rev", 0);
    op.value = fields;
    op.old = json::object();
    for (auto& kv : fields.items())
        if (rec->contains(kv.key()))
            op.old[kv.key()] = (*rec)[kv.key()];
    if (rec->contains("ended") && !fields.contains("ended"))
        op.old["ended"] = (*rec)["ended"]; // the edit was made on an ended record (see the edit-after-end rule)
    client.outbox.push_back(op);
    *op_id = op.op_id;
    return "";
}

std::string AddRecord(Client& client, const std::string& path, const std::string& parent_pointer, const json& record,
                      std::string* op_id)
{
    const std::string key = record.is_object() ? RecordKey(record) : "";
    if (key.empty())
        return "a record needs a string id";
    json doc = WorkingCopy(client, path);
    if (record.contains("id") && FindRecord(doc, key))
        return path + ": record " + key + " exists already";
    const json* parent = io::AtPointer(doc, parent_pointer);
    if (parent && !parent->is_array())
        return path + ":" + parent_pointer + ": not a list";
    if (!parent)
    {
        // An optional list left out while empty is created by Replay inside its object.
        const json* owner = parent_pointer.empty() ? nullptr
                                                   : io::AtPointer(doc, json::json_pointer(parent_pointer).parent_pointer().to_string());
        if (!owner || !owner->is_object())
            return path + ":" + parent_pointer + ": no such list";
    }
    else
        for (const json& item : *parent)
            if (RecordKey(item) == key)
                return path + ": record " + key + " exists already";
    Op op;
    op.op_id = NewOpId(client);
    op.path = path;
    op.kind = OpKind::AddRecord;
    op.record_id = key;
    op.value = record;
    op.parent = parent_pointer;
    client.outbox.push_back(op);
    *op_id = op.op_id;
    return "";
}

std::string RemoveRecord(Client& client, const std::string& path, const std::string& record_id, std::string* op_id)
{
    const json doc = WorkingCopy(client, path);
    const json* rec = FindRecord(doc, record_id);
    if (!rec)
        return path + ": no record " + record_id;
    Op op;
    op.op_id = NewOpId(client);
    op.path = path;
    op.kind = OpKind::RemoveRecord;
    op.record_id = record_id;
    op.old = *rec;
    client.outbox.push_back(op);
    *op_id = op.op_id;
    return "";
}

bool CancelCreate(Client& client, const std::string& path)
{
    auto create = std::find_if(client.outbox.begin(), client.outbox.end(), [&](const Op& op) {
        return op.path == path && op.kind == OpKind::CreateFile;
    });
    if (create == client.outbox.end() || create->in_doubt)
        return false;
    auto gone = [&](const Op& op) {
        return op.path == path || (op.path == io::kDescriptorPath && op.kind == OpKind::AddRecord && op.record_id == path);
    };
    client.outbox.erase(std::remove_if(client.outbox.begin(), client.outbox.end(), gone), client.outbox.end());
    return true;
}

std::string CreateFile(Client& client, const std::string& path, const json& doc, std::string* op_id)
{
    if (!WorkingCopy(client, path).is_null())
        return path + " exists already";
    Op op;
    op.op_id = NewOpId(client);
    op.path = path;
    op.kind = OpKind::CreateFile;
    op.value = doc;
    client.outbox.push_back(op);
    *op_id = op.op_id;
    return "";
}

SyncReport Sync(Client& client, Transport& transport, const Remote& remote)
{
    SyncReport report;
    Session s{transport, remote, report};
    if (!Pull(client, s))
        return report;
    std::vector<std::string> paths;
    for (const Op& op : client.outbox)
        if (std::find(paths.begin(), paths.end(), op.path) == paths.end())
            paths.push_back(op.path);
    for (const std::string& path : paths)
        if (!PushFile(client, s, path))
            return report;
    report.complete = client.outbox.empty();
    return report;
}

std::string ResolveConflict(Client& client, size_t index, bool keep_ours)
{
    if (index >= client.conflicts.size())
        return "no such conflict";
    const Conflict k = client.conflicts[index];
    if (keep_ours)
    {
        std::string op_id, err;
        if (k.field == "ended" && k.ours.is_object())
            err = EditFields(client, k.path, k.record_id, k.ours, &op_id); // edit after end: apply our fields anyway
        else if (!k.field.empty())
            err = EditFields(client, k.path, k.record_id, json{{k.field, k.ours}}, &op_id);
        else if (k.ours.is_null() && !k.theirs.is_null())
            err = RemoveRecord(client, k.path, k.record_id, &op_id); // remove after edit: remove it anyway
        else if (k.ours.is_object() && !k.record_id.empty() && k.ours.contains("id"))
        {
            // add/add: both records stay, ours under a new id.
            json ours = k.ours;
            const json doc = WorkingCopy(client, k.path);
            std::string id;
            for (int n = 2; id.empty() || FindRecord(doc, id); ++n)
                id = k.record_id + "-" + std::to_string(n);
            ours["id"] = id;
            err = AddRecord(client, k.path, k.parent, ours, &op_id);
        }
        else
            return "this conflict is resolved by editing the record or the file";
        if (!err.empty())
            return err;
    }
    client.conflicts.erase(client.conflicts.begin() + static_cast<std::ptrdiff_t>(index));
    return "";
}

namespace
{
// The client as JSON; without_bytes leaves the synced files' bytes out (ClientToRecord writes them raw).
json ClientJson(const Client& c, bool without_bytes)
{
    json synced = json::object();
    for (const auto& [p, f] : c.synced)
        synced[p] = without_bytes ? json{{"etag", f.etag}} : json{{"etag", f.etag}, {"bytes", f.bytes}};
    json outbox = json::array(), conflicts = json::array();
    for (const Op& op : c.outbox)
        outbox.push_back(OpToJson(op));
    for (const Conflict& k : c.conflicts)
        conflicts.push_back(ConflictToJson(k));
    return {{"device_id", c.device_id}, {"next_op", c.next_op},         {"synced", synced},
            {"rejected_etag", c.rejected_etag}, {"outbox", outbox},     {"conflicts", conflicts},
            {"epoch", c.epoch},          {"generation", c.generation},  {"manifest_etag", c.manifest_etag}};
}

} // namespace

json ClientToJson(const Client& c)
{
    return ClientJson(c, false);
}

json ClientToJsonWithoutBytes(const Client& c)
{
    return ClientJson(c, true);
}

bool ClientFromJson(const json& j, Client* c)
{
    Client out;
    const json* synced = io::Child(j, "synced");
    const json* rejected = io::Child(j, "rejected_etag");
    const json* outbox = io::Child(j, "outbox");
    const json* conflicts = io::Child(j, "conflicts");
    if (!io::GetString(j, "device_id", &out.device_id) || !io::GetInt(j, "next_op", &out.next_op) || !synced ||
        !synced->is_object() || !rejected || !rejected->is_object() || !outbox || !outbox->is_array() || !conflicts ||
        !conflicts->is_array() || !io::GetString(j, "epoch", &out.epoch) ||
        !io::GetInt(j, "generation", &out.generation) || !io::GetString(j, "manifest_etag", &out.manifest_etag))
        return false;
    for (const auto& kv : synced->items())
    {
        SyncedFile file;
        if (!io::GetString(kv.value(), "etag", &file.etag) || !io::GetString(kv.value(), "bytes", &file.bytes))
            return false;
        out.synced[kv.key()] = std::move(file);
    }
    for (const auto& kv : rejected->items())
    {
        if (!kv.value().is_string())
            return false;
        out.rejected_etag[kv.key()] = kv.value().get<std::string>();
    }
    for (const json& o : *outbox)
    {
        Op op;
        if (!OpFromJson(o, &op))
            return false;
        out.outbox.push_back(op);
    }
    for (const json& k : *conflicts)
    {
        Conflict conflict;
        if (!ConflictFromJson(k, &conflict))
            return false;
        out.conflicts.push_back(conflict);
    }
    out.check = c->check;
    *c = std::move(out);
    return true;
}
} // namespace datasync
