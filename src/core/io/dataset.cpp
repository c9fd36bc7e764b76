// Loading a dataset from bytes (parse, migrate, read, resolve references, run the rules) and writing files
// back as deterministic JSON. Every problem becomes a check::Issue; nothing throws to the caller.
#include "core/io/dataset.h"

#include "core/io/json_read.h"

#include "core/check/rules.h"
#include "core/io/fields.h"
#include "core/io/schema.h"

#include <algorithm>
#include <cstdlib>

namespace io
{
namespace
{
// ---- [SECTION] paths and formats ----------------------------------------------------------------------

struct KindName
{
    model::FileKind kind;
    const char* format;
};

const KindName kKindNames[] = {
    {model::FileKind::DataPackage, "thidua.datapackage"},
    {model::FileKind::Organizations, "thidua.organizations"},
    {model::FileKind::Areas, "thidua.areas"},
    {model::FileKind::People, "thidua.people"},
    {model::FileKind::Cluster, "thidua.cluster"},
    {model::FileKind::Year, "thidua.year"},
    {model::FileKind::Covenant, "thidua.covenant"},
    {model::FileKind::Results, "thidua.results"},
    {model::FileKind::SelfAssessment, "thidua.self_assessment"},
    {model::FileKind::Meeting, "thidua.meeting"},
};

model::FileKind KindOfFormat(const std::string& format)
{
    for (const KindName& k : kKindNames)
        if (format == k.format)
            return k.kind;
    return model::FileKind::Unknown;
}

bool IsYearFolder(const std::string& s)
{
    return s.size() == 4 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool IsIdFileName(const std::string& name) // "<id>.json" with a plausible id
{
    if (name.size() <= 5 || name.compare(name.size() - 5, 5, ".json") != 0)
        return false;
    return std::all_of(name.begin(), name.end() - 5, [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_';
    });
}

// Order in which kinds are read, so references to earlier files resolve at once.
int LoadOrder(model::FileKind kind)
{
    switch (kind)
    {
    case model::FileKind::DataPackage: return 0;
    case model::FileKind::Organizations: return 1;
    case model::FileKind::Areas: return 2;
    case model::FileKind::People: return 3;
    case model::FileKind::Cluster: return 4;
    case model::FileKind::Year: return 5;
    case model::FileKind::Meeting: return 6;
    case model::FileKind::Covenant: return 7;
    case model::FileKind::Results: return 8;
    case model::FileKind::SelfAssessment: return 9;
    case model::FileKind::Unknown: return 10;
    }
    return 10;
}

// "line 3, column 7" for a byte offset (nlohmann counts bytes from 1; columns here count characters).
std::string LineColumn(const std::string& bytes, size_t byte)
{
    size_t end = std::min(byte > 0 ? byte - 1 : 0, bytes.size());
    size_t line = 1, column = 1;
    for (size_t i = 0; i < end; ++i)
    {
        unsigned char c = static_cast<unsigned char>(bytes[i]);
        if (c == '\n')
            line++, column = 1;
        else if ((c & 0xC0) != 0x80)
            column++;
    }
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

std::string SyntaxMessage(const std::string& bytes, const std::string& what, size_t byte)
{
    if (what == DepthMessage())
        return LineColumn(bytes, byte) + ": " + what;
    // nlohmann: "[json.exception.parse_error.101] parse error at line 3, column 7: syntax error while parsing ..."
    size_t colon = what.find(": ", what.find("column"));
    std::string reason = colon == std::string::npos ? what : what.substr(colon + 2);
    size_t last_read = reason.find("; last read: '"); // nlohmann echoes raw bytes; the line and column say enough
    if (last_read != std::string::npos)
    {
        size_t end = reason.find("'", last_read + 14);
        reason.erase(last_read, end == std::string::npos ? std::string::npos : end + 1 - last_read);
    }
    if (reason.find("ill-formed UTF-8") != std::string::npos || reason.find("invalid string: ill-formed") != std::string::npos)
        return LineColumn(bytes, byte) + ": the text is not valid UTF-8 (save the file as UTF-8)";
    if (reason.rfind("syntax error while parsing value - unexpected end of input", 0) == 0 && bytes.find_first_not_of(" \t\r\n") == std::string::npos)
        return "the file is empty; expected a JSON object";
    return LineColumn(bytes, byte) + ": not valid JSON: " + reason;
}

// ---- [SECTION] reading one file ---------------------------------------------------------------------

template <class Body> void ReadBody(Reader& r, Body& body) { Fields(r, body); }

// Reads `bytes` as a file of `kind` (Unknown: take the kind from its "format") into `ds`.
void ReadFile(ReadContext& ctx, model::Dataset& ds, model::FileInfo& info, const std::string& bytes)
{
    if (bytes.size() > kMaxFileBytes)
        return ctx.Error("", "the file is too large (" + std::to_string(bytes.size() / (1024 * 1024)) +
                                 " MB; at most " + std::to_string(kMaxFileBytes / (1024 * 1024)) + " MB are accepted)");
    json doc;
    JsonError syntax;
    if (!ParseDataJson(bytes, &doc, &syntax))
    {
        if (!syntax.pointer.empty())
            return ctx.Error(syntax.pointer, syntax.message);
        return ctx.Error("", SyntaxMessage(bytes, syntax.message, syntax.byte));
    }
    if (!doc.is_object())
        return ctx.Error("", "expected a JSON object ({...}) at the top of the file");

    Reader r(ctx, doc, nullptr);
    std::string format;
    int64_t version = -1;
    r.Text("format", format, Req::Required, 100);
    r.Int("schema_version", version, Req::Required, 0, 1000000);
    r.Synthetic(info.synthetic);
    info.format = format;
    info.schema_version = static_cast<int32_t>(version);
    model::FileKind by_format = KindOfFormat(format);
    if (format.empty() || version < 0)
        return; // reported above; without them the rest cannot be read safely
    if (by_format == model::FileKind::Unknown)
    {
        std::string list;
        for (const KindName& k : kKindNames)
            list += (list.empty() ? "" : ", ") + std::string(k.format);
        return ctx.Error("/format", "\"" + format + "\" is not a known format; expected one of: " + list);
    }
    if (info.kind != model::FileKind::Unknown && info.kind != by_format)
        return ctx.Error("/format", "this path holds " + std::string(FormatName(info.kind)) + " files, but the file says \"" +
                                        format + "\"");
    info.kind = by_format;

    ctx.tolerate_unknown = false;
    ctx.default_rev = false;
    if (version > model::kSchemaVersion)
    {
        info.read_only = true;
        ctx.tolerate_unknown = true;
        ctx.Warn("/schema_version", "written by a newer version of Thidua (schema_version " + std::to_string(version) +
                                        "; this app knows up to " + std::to_string(model::kSchemaVersion) +
                                        "): shown read-only and never saved from here; update the app to edit it");
    }
    else if (version < model::kSchemaVersion)
    {
        // Version 0 (before sync) had no revision counters; the migration gives every record rev 1.
        ctx.default_rev = true;
        ctx.Warn("/schema_version", "older format (schema_version " + std::to_string(version) + "); converted to version " +
                                        std::to_string(model::kSchemaVersion) + " in memory and saved as version " +
                                        std::to_string(model::kSchemaVersion) + " on the next save");
    }

    switch (info.kind)
    {
    case model::FileKind::DataPackage:
        ReadBody(r, ds.package);
        info.index = 0;
        break;
    case model::FileKind::Organizations:
    {
        OrganizationsFile f;
        ReadBody(r, f);
        info.index = static_cast<int32_t>(ds.organizations.size());
        ds.organizations.insert(ds.organizations.end(), f.organizations.begin(), f.organizations.end());
        break;
    }
    case model::FileKind::Areas:
    {
        AreasFile f;
        ReadBody(r, f);
        info.index = static_cast<int32_t>(ds.areas.size());
        ds.areas.insert(ds.areas.end(), f.areas.begin(), f.areas.end());
        break;
    }
    case model::FileKind::People:
    {
        PeopleFile f;
        ReadBody(r, f);
        info.index = static_cast<int32_t>(ds.people.size());
        ds.people.insert(ds.people.end(), f.people.begin(), f.people.end());
        break;
    }
    case model::FileKind::Cluster:
        ReadBody(r, ds.cluster);
        info.index = 0;
        break;
    case model::FileKind::Year:
        info.index = static_cast<int32_t>(ds.years.size());
        ds.years.emplace_back();
        ReadBody(r, ds.years.back());
        break;
    case model::FileKind::Covenant:
        info.index = static_cast<int32_t>(ds.covenants.size());
        ds.covenants.emplace_back();
        ReadBody(r, ds.covenants.back());
        break;
    case model::FileKind::Results:
        info.index = static_cast<int32_t>(ds.results.size());
        ds.results.emplace_back();
        ReadBody(r, ds.results.back());
        break;
    case model::FileKind::SelfAssessment:
        info.index = static_cast<int32_t>(ds.self_assessments.size());
        ds.self_assessments.emplace_back();
        ReadBody(r, ds.self_assessments.back());
        break;
    case model::FileKind::Meeting:
    {
        MeetingFile f;
        ReadBody(r, f);
        info.index = static_cast<int32_t>(ds.meetings.size());
        ds.meetings.push_back(std::move(f.meeting));
        break;
    }
    case model::FileKind::Unknown: return;
    }
    r.Finish();
    info.loaded = true;
}

// ---- [SECTION] loading many files ---------------------------------------------------------------------

void ResolvePending(ReadContext& ctx, std::vector<check::Issue>& issues)
{
    for (const PendingRef& p : ctx.pending)
    {
        auto it = ctx.ids.find(p.id);
        if (it == ctx.ids.end())
            issues.push_back({p.file, p.pointer,
                              std::string("no ") + RefKindName(p.kind) + " with id \"" + p.id + "\" exists in the dataset",
                              check::Severity::Error});
        else if (it->second.kind != p.kind)
            issues.push_back({p.file, p.pointer,
                              "\"" + p.id + "\" is the id of " + WithArticle(it->second.kind) + ", but " +
                                  WithArticle(p.kind) + " is expected here",
                              check::Severity::Error});
    }
}

void CheckDescriptor(const model::Dataset& ds, const DataFiles& files, std::vector<check::Issue>& issues)
{
    std::vector<std::string> listed;
    for (size_t i = 0; i < ds.package.resources.size(); ++i)
    {
        const model::Resource& res = ds.package.resources[i];
        std::string ptr = "/resources/" + std::to_string(i);
        if (res.path.empty())
            continue;
        listed.push_back(res.path);
        model::FileKind kind = KindOfPath(res.path);
        if (kind == model::FileKind::Unknown || kind == model::FileKind::DataPackage)
            issues.push_back({kDescriptorPath, ptr + "/path",
                              "\"" + res.path + "\" is not a place for a data file (see the data layout: registry/*.json, "
                              "cluster.json, years/<year>/..., meetings/<id>.json)",
                              check::Severity::Error});
        else if (res.format != FormatName(kind))
            issues.push_back({kDescriptorPath, ptr + "/format",
                              "\"" + res.format + "\" does not match the path; " + res.path + " holds " + FormatName(kind),
                              check::Severity::Error});
        if (std::count(listed.begin(), listed.end(), res.path) > 1)
            issues.push_back({kDescriptorPath, ptr + "/path", "\"" + res.path + "\" is listed twice", check::Severity::Error});
        if (!files.count(res.path))
            issues.push_back({kDescriptorPath, ptr + "/path", "lists \"" + res.path + "\", but that file is missing",
                              check::Severity::Error});
        const std::string expected_writer = WriterOfPath(res.path);
        if (kind != model::FileKind::Unknown && res.writer != expected_writer)
            issues.push_back({kDescriptorPath, ptr + "/writer",
                              "writer \"" + res.writer + "\" is wrong for " + res.path + "; expected \"" + expected_writer + "\"",
                              check::Severity::Error});
    }
    for (const auto& [path, bytes] : files)
        if (path != kDescriptorPath && std::find(listed.begin(), listed.end(), path) == listed.end())
            issues.push_back({path, "", "the file is not listed in datapackage.json, so the app will not load it; add it to \"resources\"",
                              check::Severity::Warning});
}
} // namespace

// ---- [SECTION] public functions ---------------------------------------------------------------------------

std::string WriterOfPath(const std::string& path)
{
    if (KindOfPath(path) != model::FileKind::SelfAssessment)
        return "secretariat";
    const std::string name = path.substr(path.rfind('/') + 1);
    return "member:" + name.substr(0, name.size() - 5);
}

const char* FormatName(model::FileKind kind)
{
    for (const KindName& k : kKindNames)
        if (k.kind == kind)
            return k.format;
    return "unknown";
}

model::FileKind KindOfPath(const std::string& path)
{
    if (path == kDescriptorPath)
        return model::FileKind::DataPackage;
    if (path == "registry/organizations.json")
        return model::FileKind::Organizations;
    if (path == "registry/areas.json")
        return model::FileKind::Areas;
    if (path == "registry/people.json")
        return model::FileKind::People;
    if (path == "cluster.json")
        return model::FileKind::Cluster;
    if (path.rfind("meetings/", 0) == 0 && path.find('/', 9) == std::string::npos && IsIdFileName(path.substr(9)))
        return model::FileKind::Meeting;
    if (path.rfind("years/", 0) == 0 && path.size() > 11 && IsYearFolder(path.substr(6, 4)) && path[10] == '/')
    {
        std::string rest = path.substr(11);
        if (rest == "year.json")
            return model::FileKind::Year;
        if (rest == "covenant.json")
            return model::FileKind::Covenant;
        if (rest == "results.json")
            return model::FileKind::Results;
        if (rest.rfind("self/", 0) == 0 && rest.find('/', 5) == std::string::npos && IsIdFileName(rest.substr(5)))
            return model::FileKind::SelfAssessment;
    }
    return model::FileKind::Unknown;
}

std::vector<std::string> ListDatasetFiles(const std::string& descriptor_bytes, std::vector<check::Issue>* issues)
{
    std::vector<check::Issue> local;
    ReadContext ctx;
    ctx.file_names = {kDescriptorPath};
    ctx.file = 0;
    ctx.issues = issues ? issues : &local;
    ctx.check_refs = false;
    model::Dataset ds;
    model::FileInfo info;
    info.path = kDescriptorPath;
    info.kind = model::FileKind::DataPackage;
    ReadFile(ctx, ds, info, descriptor_bytes);
    std::vector<std::string> paths;
    for (const model::Resource& res : ds.package.resources)
    {
        model::FileKind kind = KindOfPath(res.path);
        if (kind != model::FileKind::Unknown && kind != model::FileKind::DataPackage &&
            std::find(paths.begin(), paths.end(), res.path) == paths.end())
            paths.push_back(res.path);
    }
    return paths;
}

namespace
{
// The year of a file under years/<year>/ (0 for any other file).
int YearOfPath(const std::string& path, model::FileKind kind)
{
    const bool yearly = kind == model::FileKind::Year || kind == model::FileKind::Covenant ||
                        kind == model::FileKind::Results || kind == model::FileKind::SelfAssessment;
    return yearly ? std::atoi(path.c_str() + 6) : 0; // KindOfPath: "years/" + four digits
}

// Both loads: every file, or (latest_only) every file but the closed years' scores, without the checks across
// files.
LoadResult Load(const DataFiles& files, bool latest_only)
{
    LoadResult result;
    model::Dataset& ds = result.dataset;
    ReadContext ctx;
    ctx.issues = &result.issues;

    ctx.check_refs = !latest_only;

    int latest = 0;
    if (latest_only)
        for (const auto& [path, bytes] : files)
            if (KindOfPath(path) == model::FileKind::Year)
                latest = std::max(latest, YearOfPath(path, model::FileKind::Year));
    std::vector<model::FileInfo> infos;
    for (const auto& [path, bytes] : files)
    {
        model::FileInfo info;
        info.path = path;
        info.kind = KindOfPath(path);
        const bool scores = info.kind == model::FileKind::Results || info.kind == model::FileKind::SelfAssessment;
        if (latest_only && scores && YearOfPath(path, info.kind) < latest)
            continue; // a closed year's scores: read with the rest
        infos.push_back(info);
    }
    std::stable_sort(infos.begin(), infos.end(), [](const model::FileInfo& a, const model::FileInfo& b) {
        return LoadOrder(a.kind) < LoadOrder(b.kind);
    });
    if (!files.count(kDescriptorPath) && !latest_only)
        result.issues.push_back({kDescriptorPath, "", "missing: a dataset needs a datapackage.json that lists its files",
                                 check::Severity::Error});

    for (model::FileInfo& info : infos)
    {
        ctx.file_names.push_back(info.path);
        ctx.file = static_cast<int32_t>(ctx.file_names.size() - 1);
        if (info.kind == model::FileKind::Unknown)
        {
            ctx.Error("", "this path is not part of the data layout (registry/*.json, cluster.json, years/<year>/year.json, "
                          "covenant.json, results.json, self/<org-id>.json, meetings/<meeting-id>.json)");
            continue;
        }
        ReadFile(ctx, ds, info, files.at(info.path));
    }
    for (model::FileInfo& info : infos)
        for (const model::Resource& res : ds.package.resources)
            if (res.path == info.path)
                info.writer = res.writer;
    ds.files = std::move(infos);
    if (latest_only)
        return result; // only each file's own problems: a subset of what the whole load finds

    ResolvePending(ctx, result.issues);
    if (files.count(kDescriptorPath))
        CheckDescriptor(ds, files, result.issues);
    check::CheckRules(ds, &result.issues);
    std::stable_sort(result.issues.begin(), result.issues.end(),
                     [](const check::Issue& a, const check::Issue& b) { return a.file < b.file; });
    return result;
}
} // namespace

LoadResult LoadDataset(const DataFiles& files)
{
    return Load(files, false);
}

LoadResult LoadLatestYear(const DataFiles& files)
{
    return Load(files, true);
}

LoadResult LoadSingleFile(const std::string& path, const std::string& bytes)
{
    LoadResult result;
    ReadContext ctx;
    ctx.issues = &result.issues;
    ctx.check_refs = false;
    ctx.file_names = {path};
    ctx.file = 0;
    model::FileInfo info;
    info.path = path;
    info.kind = KindOfPath(path);
    ReadFile(ctx, result.dataset, info, bytes);
    result.dataset.files.push_back(info);
    check::CheckRules(result.dataset, &result.issues);
    return result;
}

std::string WriteFile(const model::Dataset& ds, const std::string& path)
{
    const model::FileInfo* info = nullptr;
    for (const model::FileInfo& f : ds.files)
        if (f.path == path)
            info = &f;
    if (!info || !info->loaded || info->read_only || info->index < 0)
        return "";
    json doc = json::object();
    Writer w(doc);
    doc["format"] = FormatName(info->kind);
    doc["schema_version"] = model::kSchemaVersion;
    if (info->synthetic)
        doc["synthetic"] = true;
    size_t i = static_cast<size_t>(info->index);
    switch (info->kind)
    {
    case model::FileKind::DataPackage: Fields(w, const_cast<model::DataPackage&>(ds.package)); break;
    case model::FileKind::Organizations:
    {
        OrganizationsFile f{ds.organizations};
        Fields(w, f);
        break;
    }
    case model::FileKind::Areas:
    {
        AreasFile f{ds.areas};
        Fields(w, f);
        break;
    }
    case model::FileKind::People:
    {
        PeopleFile f{ds.people};
        Fields(w, f);
        break;
    }
    case model::FileKind::Cluster: Fields(w, const_cast<model::Cluster&>(ds.cluster)); break;
    case model::FileKind::Year:
        if (i >= ds.years.size())
            return "";
        Fields(w, const_cast<model::YearFile&>(ds.years[i]));
        break;
    case model::FileKind::Covenant:
        if (i >= ds.covenants.size())
            return "";
        Fields(w, const_cast<model::CovenantFile&>(ds.covenants[i]));
        break;
    case model::FileKind::Results:
        if (i >= ds.results.size())
            return "";
        Fields(w, const_cast<model::Results&>(ds.results[i]));
        break;
    case model::FileKind::SelfAssessment:
        if (i >= ds.self_assessments.size())
            return "";
        Fields(w, const_cast<model::SelfAssessment&>(ds.self_assessments[i]));
        break;
    case model::FileKind::Meeting:
    {
        if (i >= ds.meetings.size())
            return "";
        MeetingFile f{ds.meetings[i]};
        Fields(w, f);
        break;
    }
    case model::FileKind::Unknown: return "";
    }
    return doc.dump(2) + "\n";
}

// ---- [SECTION] JSON Schemas ---------------------------------------------------------------------------------

std::string JsonSchema(model::FileKind kind)
{
    json schema;
    SchemaWriter w(schema);
    std::string format_dummy;
    int64_t version_dummy = 0;
    bool synthetic_dummy = false;
    w.Text("format", format_dummy, Req::Required);
    w.Int("schema_version", version_dummy, Req::Required, 0, 1000000);
    w.Synthetic(synthetic_dummy);
    switch (kind)
    {
    case model::FileKind::DataPackage: { model::DataPackage d; Fields(w, d); break; }
    case model::FileKind::Organizations: { OrganizationsFile d; Fields(w, d); break; }
    case model::FileKind::Areas: { AreasFile d; Fields(w, d); break; }
    case model::FileKind::People: { PeopleFile d; Fields(w, d); break; }
    case model::FileKind::Cluster: { model::Cluster d; Fields(w, d); break; }
    case model::FileKind::Year: { model::YearFile d; Fields(w, d); break; }
    case model::FileKind::Covenant: { model::CovenantFile d; Fields(w, d); break; }
    case model::FileKind::Results: { model::Results d; Fields(w, d); break; }
    case model::FileKind::SelfAssessment: { model::SelfAssessment d; Fields(w, d); break; }
    case model::FileKind::Meeting: { MeetingFile d; Fields(w, d); break; }
    case model::FileKind::Unknown: return "";
    }
    std::string name = FormatName(kind);
    schema["properties"]["format"] = json{{"const", name}};
    schema["properties"]["schema_version"] = json{{"const", model::kSchemaVersion}};
    json out = json::object();
    out["$schema"] = "https://json-schema.org/draft/2020-12/schema";
    out["$id"] = "https://thidua.invalid/schema/" + name + ".schema.json";
    out["title"] = name + " (schema_version " + std::to_string(model::kSchemaVersion) + ")";
    out["description"] = "Generated by `thidua schema` from src/core/io/fields.h. Structure only: rules across fields "
                         "and files (references, maxima, dates, NFC) are checked by `thidua check`.";
    for (auto& item : schema.items())
        out[item.key()] = item.value();
    return out.dump(2) + "\n";
}

std::vector<model::FileKind> AllFileKinds()
{
    std::vector<model::FileKind> kinds;
    for (const KindName& k : kKindNames)
        kinds.push_back(k.kind);
    return kinds;
}
} // namespace io
