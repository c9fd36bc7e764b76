// edit::ApplyAll, End, undo/redo. Changes are made on the files' JSON (so any record of any file can be changed the
// same way), then the whole dataset is re-read with the changed bytes: the checker decides, nothing is trusted.
#include "core/edit/edit.h"

#include "core/io/dataset.h"
#include "core/io/json_read.h"

#include <map>
#include <set>
#include <utility>

namespace edit
{
namespace
{
using nlohmann::json;

// Finds the object whose "id" is `id` anywhere under `node`; `pointer` receives its JSON pointer.
json* FindIdUnder(json& node, const std::string& id, std::string& pointer)
{
    if (node.is_object())
    {
        auto it = node.find("id");
        if (it != node.end() && it->is_string() && it->get_ref<const std::string&>() == id)
            return &node;
        for (auto& [key, child] : node.items())
        {
            const size_t mark = pointer.size();
            pointer += "/" + key;
            if (json* found = FindIdUnder(child, id, pointer))
                return found;
            pointer.resize(mark);
        }
    }
    else if (node.is_array())
    {
        for (size_t i = 0; i < node.size(); ++i)
        {
            const size_t mark = pointer.size();
            pointer += "/" + std::to_string(i);
            if (json* found = FindIdUnder(node[i], id, pointer))
                return found;
            pointer.resize(mark);
        }
    }
    return nullptr;
}

// The record `id` of the document `doc`; an empty id names the document's root object (fields of the file itself,
// such as a self-assessment's "submitted_date").
json* FindRecord(json& doc, const std::string& id, std::string& pointer)
{
    if (id.empty())
        return doc.is_object() ? &doc : nullptr;
    return FindIdUnder(doc, id, pointer);
}

const model::FileInfo* FindFile(const model::Dataset& data, const std::string& path)
{
    for (const model::FileInfo& f : data.files)
        if (f.path == path)
            return &f;
    return nullptr;
}

// Whether records of the list at `parent` carry a revision counter (those the sync merges record by record; see
// the v.Rev() calls in io/fields.h). Agenda items, participants and other parts of a record have none.
bool CarriesRev(const std::string& parent)
{
    static const char* const kLists[] = {"organizations", "areas", "people", "memberships", "rotations", "criteria",
                                         "registrations", "scores", "ballots", "award_proposals", "decisions"};
    const std::string last = parent.substr(parent.rfind('/') + 1);
    for (const char* list : kLists)
        if (last == list)
            return true;
    return false;
}

// The files a batch works on, as JSON, plus the ops it made.
struct Work
{
    model::Dataset& data;
    std::map<std::string, json> docs; // path -> document being changed (null = deleted in this batch)
    std::vector<Op> ops;
    std::vector<check::Issue> refusals;
    std::vector<std::pair<std::string, std::string>> touched; // (file, record pointer or "" for the whole file)

    bool Refuse(const std::string& file, const std::string& pointer, const std::string& message)
    {
        refusals.push_back({file, pointer, message, check::Severity::Error});
        return false;
    }

    // The document of a loaded, writable file (read once per batch), or nullptr with a refusal.
    json* Doc(const std::string& path)
    {
        auto it = docs.find(path);
        if (it != docs.end())
            return it->second.is_null() ? (Refuse(path, "", "the file was taken away earlier in this change"), nullptr)
                                        : &it->second;
        const model::FileInfo* info = FindFile(data, path);
        if (!info || !info->loaded)
            return Refuse(path, "", "the file is not loaded, so it cannot be changed"), nullptr;
        if (info->read_only)
            return Refuse(path, "", "the file was written by a newer version of the app and is read-only here"), nullptr;
        json doc = json::parse(io::WriteFile(data, path), nullptr, false);
        if (doc.is_discarded())
            return Refuse(path, "", "the file could not be written"), nullptr;
        return &(docs[path] = std::move(doc));
    }

    bool Exists(const std::string& path) const
    {
        auto it = docs.find(path);
        if (it != docs.end())
            return !it->second.is_null();
        const model::FileInfo* info = FindFile(data, path);
        return info != nullptr;
    }
};

bool Set(Work& w, const Change& c)
{
    json* doc = w.Doc(c.file);
    if (!doc)
        return false;
    std::string record_pointer;
    json* record = FindRecord(*doc, c.record_id, record_pointer);
    if (!record)
        return w.Refuse(c.file, "", "no record with id \"" + c.record_id + "\"");
    if (c.field.empty() || c.field == "id" || c.field == "rev")
        return w.Refuse(c.file, record_pointer, "the id and the revision of a record are not edited");
    const json::json_pointer where("/" + c.field);
    if (!record->contains(where.parent_pointer()))
        return w.Refuse(c.file, record_pointer + "/" + c.field, "the record has no such field");
    Op op;
    op.kind = OpKind::Set;
    op.file = c.file;
    op.record_id = c.record_id;
    op.field = c.field;
    op.old_value = record->contains(where) ? (*record)[where] : json();
    op.new_value = c.value;
    if (op.old_value == c.value)
        return true; // nothing to change, nothing to record
    if (c.value.is_null())
        (*record)[where.parent_pointer()].erase(where.back());
    else
        (*record)[where] = c.value;
    if (record->contains("rev") && (*record)["rev"].is_number_integer())
        (*record)["rev"] = (*record)["rev"].get<int64_t>() + 1;
    w.touched.push_back({c.file, record_pointer});
    w.ops.push_back(std::move(op));
    return true;
}

bool Add(Work& w, const Change& c)
{
    json* doc = w.Doc(c.file);
    if (!doc)
        return false;
    const std::string id = io::StringOr(c.value, "id", "");
    if (!c.value.is_object() || id.empty())
        return w.Refuse(c.file, c.parent, "a new record needs an id");
    std::string ignored;
    if (FindRecord(*doc, id, ignored))
        return w.Refuse(c.file, c.parent, "a record with id \"" + id + "\" exists already");
    json* parent = io::AtPointer(*doc, c.parent);
    if (!parent)
    {
        // An optional list the writer left out while empty: create it inside its (existing) object.
        const json::json_pointer where(c.parent);
        json* owner = c.parent.empty() ? nullptr : io::AtPointer(*doc, where.parent_pointer().to_string());
        if (!owner || !owner->is_object())
            return w.Refuse(c.file, c.parent, "there is no such list in the file");
        parent = &((*owner)[where.back()] = json::array());
    }
    if (!parent->is_array())
        return w.Refuse(c.file, c.parent, "not a list");
    json record = c.value;
    if (!record.contains("rev") && CarriesRev(c.parent))
        record["rev"] = 1;
    w.touched.push_back({c.file, c.parent + "/" + std::to_string(parent->size())});
    parent->push_back(record);
    Op op;
    op.kind = OpKind::Add;
    op.file = c.file;
    op.record_id = id;
    op.parent = c.parent;
    op.new_value = std::move(record);
    w.ops.push_back(std::move(op));
    return true;
}

bool Remove(Work& w, const Change& c)
{
    json* doc = w.Doc(c.file);
    if (!doc)
        return false;
    std::string pointer;
    json* record = c.record_id.empty() ? nullptr : FindRecord(*doc, c.record_id, pointer);
    if (!record)
        return w.Refuse(c.file, "", "no record with id \"" + c.record_id + "\"");
    const json::json_pointer where(pointer);
    json* parent = io::AtPointer(*doc, where.parent_pointer().to_string());
    if (!parent || !parent->is_array())
        return w.Refuse(c.file, pointer, "only a record in a list can be taken out");
    Op op;
    op.kind = OpKind::Remove;
    op.file = c.file;
    op.record_id = c.record_id;
    op.parent = where.parent_pointer().to_string();
    op.old_value = *record;
    parent->erase(static_cast<size_t>(std::stoul(where.back())));
    w.touched.push_back({c.file, op.parent});
    w.ops.push_back(std::move(op));
    return true;
}

// Adds (create) or takes out (!create) the datapackage.json entry of `path`.
bool ListInDescriptor(Work& w, const std::string& path, const json& doc, bool create)
{
    json* package = w.Doc(io::kDescriptorPath);
    if (!package)
        return false;
    json& resources = (*package)["resources"];
    if (!resources.is_array())
        resources = json::array();
    for (size_t i = 0; i < resources.size(); ++i)
        if (io::StringOr(resources[i], "path", "") == path)
        {
            if (create)
                return w.Refuse(io::kDescriptorPath, "/resources/" + std::to_string(i), path + " is listed already");
            resources.erase(i);
            return true;
        }
    if (!create)
        return true;
    resources.push_back({{"path", path},
                         {"format", io::StringOr(doc, "format", "")},
                         {"schema_version", io::IntOr(doc, "schema_version", model::kSchemaVersion)},
                         {"writer", io::WriterOfPath(path)}});
    return true;
}

bool Create(Work& w, const Change& c)
{
    if (io::KindOfPath(c.file) == model::FileKind::Unknown || c.file == io::kDescriptorPath)
        return w.Refuse(c.file, "", "not a place for a data file (registry/*.json, cluster.json, years/<year>/..., "
                                    "meetings/<id>.json)");
    if (w.Exists(c.file))
        return w.Refuse(c.file, "", "the file exists already");
    if (!c.value.is_object())
        return w.Refuse(c.file, "", "expected a JSON object ({...}) at the top of the file");
    if (!ListInDescriptor(w, c.file, c.value, true))
        return false;
    w.docs[c.file] = c.value;
    w.touched.push_back({c.file, ""});
    Op op;
    op.kind = OpKind::Create;
    op.file = c.file;
    op.new_value = c.value;
    w.ops.push_back(std::move(op));
    return true;
}

bool Delete(Work& w, const Change& c)
{
    json* doc = w.Doc(c.file);
    if (!doc)
        return false;
    Op op;
    op.kind = OpKind::Delete;
    op.file = c.file;
    op.old_value = *doc;
    if (!ListInDescriptor(w, c.file, *doc, false))
        return false;
    w.docs[c.file] = json();
    w.ops.push_back(std::move(op));
    return true;
}

std::string IssueKey(const check::Issue& i)
{
    return i.file + "\n" + i.pointer + "\n" + i.message;
}

io::DataFiles FilesOf(const model::Dataset& data, const std::map<std::string, json>& docs)
{
    io::DataFiles files;
    for (const model::FileInfo& f : data.files)
        if (f.loaded && !docs.count(f.path))
            files[f.path] = io::WriteFile(data, f.path);
    for (const auto& [path, doc] : docs)
        if (!doc.is_null())
            files[path] = doc.dump(2) + "\n";
    return files;
}

// Applies the changes to a copy of the files and re-reads the dataset; on success `data` becomes the new dataset
// and `ops` what was done. An error the checker did not report before the batch refuses it.
Outcome Run(model::Dataset& data, const std::vector<Change>& changes, std::vector<Op>* ops)
{
    Work w{data, {}, {}, {}, {}};
    for (const Change& c : changes)
    {
        bool ok = false;
        switch (c.kind)
        {
        case OpKind::Set: ok = Set(w, c); break;
        case OpKind::Add: ok = Add(w, c); break;
        case OpKind::Remove: ok = Remove(w, c); break;
        case OpKind::Create: ok = Create(w, c); break;
        case OpKind::Delete: ok = Delete(w, c); break;
        }
        if (!ok)
            return Outcome{false, w.refusals};
    }
    Outcome out;
    if (w.ops.empty())
        return out;
    io::LoadResult fresh = io::LoadDataset(FilesOf(data, w.docs));
    std::vector<check::Issue> errors;
    for (const check::Issue& issue : fresh.issues)
        if (issue.severity == check::Severity::Error)
            errors.push_back(issue);
    if (!errors.empty())
    {
        std::set<std::string> before;
        for (const check::Issue& issue : io::LoadDataset(FilesOf(data, {})).issues)
            before.insert(IssueKey(issue));
        for (const check::Issue& issue : errors)
            if (!before.count(IssueKey(issue)))
                out.issues.push_back(issue);
        if (!out.issues.empty())
            return out;
    }
    for (const auto& [path, doc] : w.docs)
    {
        const model::FileInfo* info = FindFile(fresh.dataset, path);
        if (!doc.is_null() && (!info || !info->loaded))
            return Outcome{false, {{path, "", "the changed file could not be read back", check::Severity::Error}}};
    }
    // Files that could not be loaded before stay listed as such (they are not part of the re-read).
    for (const model::FileInfo& f : data.files)
        if (!f.loaded && !w.docs.count(f.path))
            fresh.dataset.files.push_back(f);
    data = std::move(fresh.dataset);
    *ops = std::move(w.ops);
    out.applied = true;
    return out;
}

// The changes that undo `ops` (newest first).
std::vector<Change> Inverse(const std::vector<Op>& ops)
{
    std::vector<Change> out;
    for (auto it = ops.rbegin(); it != ops.rend(); ++it)
    {
        const Op& op = *it;
        switch (op.kind)
        {
        case OpKind::Set: out.push_back(SetChange(op.file, op.record_id, op.field, op.old_value)); break;
        case OpKind::Add: out.push_back(RemoveChange(op.file, op.record_id)); break;
        case OpKind::Remove: out.push_back(AddChange(op.file, op.parent, op.old_value)); break;
        case OpKind::Create: out.push_back({OpKind::Delete, op.file, "", "", "", nullptr}); break;
        case OpKind::Delete: out.push_back(CreateChange(op.file, op.old_value)); break;
        }
    }
    return out;
}

std::vector<Change> Forward(const std::vector<Op>& ops)
{
    std::vector<Change> out;
    for (const Op& op : ops)
        out.push_back({op.kind, op.file, op.record_id, op.field, op.parent,
                       op.kind == OpKind::Delete || op.kind == OpKind::Remove ? json() : op.new_value});
    return out;
}

// Takes the newest step off `from` (its ops, oldest first).
std::vector<Op> PopStep(std::vector<Op>& from)
{
    std::vector<Op> step;
    if (from.empty())
        return step;
    const int64_t id = from.back().step;
    while (!from.empty() && from.back().step == id)
    {
        step.insert(step.begin(), std::move(from.back()));
        from.pop_back();
    }
    return step;
}

void Record(Journal& journal, std::vector<Op>& ops, std::vector<Op>& into)
{
    const int64_t step = journal.next_step++;
    for (Op& op : ops)
    {
        op.id = journal.next_id++;
        op.step = step;
        journal.pending.push_back(op);
        into.push_back(std::move(op));
    }
}
} // namespace

Change SetChange(const std::string& file, const std::string& record_id, const std::string& field, const json& value)
{
    return {OpKind::Set, file, record_id, field, "", value};
}

Change AddChange(const std::string& file, const std::string& parent, const json& record)
{
    return {OpKind::Add, file, "", "", parent, record};
}

Change RemoveChange(const std::string& file, const std::string& record_id)
{
    return {OpKind::Remove, file, record_id, "", "", nullptr};
}

Change CreateChange(const std::string& file, const json& doc)
{
    return {OpKind::Create, file, "", "", "", doc};
}

Outcome ApplyAll(model::Dataset& data, Journal& journal, const std::vector<Change>& changes)
{
    for (const Change& c : changes)
        if (c.kind == OpKind::Delete)
            return Outcome{false, {{c.file, "", "a file is never deleted, only ended", check::Severity::Error}}};
    std::vector<Op> ops;
    Outcome out = Run(data, changes, &ops);
    if (out.applied && !ops.empty())
    {
        Record(journal, ops, journal.undo);
        journal.redo.clear();
    }
    return out;
}

Outcome Apply(model::Dataset& data, Journal& journal, const std::string& file, const std::string& record_id,
              const std::string& field, const json& value)
{
    return ApplyAll(data, journal, {SetChange(file, record_id, field, value)});
}

Outcome End(model::Dataset& data, Journal& journal, const std::string& file, const std::string& record_id,
            const std::string& date, const std::string& reason)
{
    return ApplyAll(data, journal, {SetChange(file, record_id, "ended", json{{"date", date}, {"reason", reason}})});
}

bool Undo(model::Dataset& data, Journal& journal)
{
    std::vector<Op> step = PopStep(journal.undo);
    if (step.empty())
        return false;
    std::vector<Op> inverse;
    if (!Run(data, Inverse(step), &inverse).applied)
    {
        journal.undo.insert(journal.undo.end(), step.begin(), step.end());
        return false;
    }
    std::vector<Op> ignored;
    Record(journal, inverse, ignored);
    journal.redo.insert(journal.redo.end(), step.begin(), step.end());
    return true;
}

bool Redo(model::Dataset& data, Journal& journal)
{
    std::vector<Op> step = PopStep(journal.redo);
    if (step.empty())
        return false;
    std::vector<Op> ops;
    if (!Run(data, Forward(step), &ops).applied)
    {
        journal.redo.insert(journal.redo.end(), step.begin(), step.end());
        return false;
    }
    Record(journal, ops, journal.undo);
    return true;
}

std::string FilePath(const model::Dataset& data, model::FileKind kind, int32_t index)
{
    for (const model::FileInfo& f : data.files)
        if (f.kind == kind && f.index == index && f.loaded)
            return f.path;
    return "";
}

namespace
{
// ASCII letter for a Vietnamese letter (lower case), 0 when `cp` is not one.
char FoldVietnamese(uint32_t cp)
{
    static const struct
    {
        const char* letters;
        char base;
    } kTable[] = {
        {"àáạảãâầấậẩẫăằắặẳẵÀÁẠẢÃÂẦẤẬẨẪĂẰẮẶẲẴ", 'a'}, {"èéẹẻẽêềếệểễÈÉẸẺẼÊỀẾỆỂỄ", 'e'},
        {"ìíịỉĩÌÍỊỈĨ", 'i'}, {"òóọỏõôồốộổỗơờớợởỡÒÓỌỎÕÔỒỐỘỔỖƠỜỚỢỞỠ", 'o'},
        {"ùúụủũưừứựửữÙÚỤỦŨƯỪỨỰỬỮ", 'u'}, {"ỳýỵỷỹỲÝỴỶỸ", 'y'}, {"đĐ", 'd'},
    };
    for (const auto& row : kTable)
    {
        const std::string s = row.letters;
        for (size_t i = 0; i < s.size();)
        {
            uint32_t c = static_cast<unsigned char>(s[i]);
            int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : 3;
            uint32_t v = n == 1 ? c : n == 2 ? c & 0x1F : c & 0x0F;
            for (int k = 1; k < n; ++k)
                v = (v << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
            if (v == cp)
                return row.base;
            i += n;
        }
    }
    return 0;
}

std::string Slug(const std::string& text, size_t max_length)
{
    std::string out;
    for (size_t i = 0; i < text.size() && out.size() < max_length;)
    {
        uint32_t c = static_cast<unsigned char>(text[i]);
        int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        uint32_t v = n == 1 ? c : n == 2 ? c & 0x1F : n == 3 ? c & 0x0F : c & 0x07;
        for (int k = 1; k < n && i + k < text.size(); ++k)
            v = (v << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
        i += n;
        char a = 0;
        if ((v >= 'a' && v <= 'z') || (v >= '0' && v <= '9'))
            a = static_cast<char>(v);
        else if (v >= 'A' && v <= 'Z')
            a = static_cast<char>(v - 'A' + 'a');
        else
            a = FoldVietnamese(v);
        if (a)
            out += a;
        else if (!out.empty() && out.back() != '-')
            out += '-';
    }
    while (!out.empty() && out.back() == '-')
        out.pop_back();
    return out;
}

bool IdUsed(const model::Dataset& data, const std::string& id)
{
    for (const model::FileInfo& f : data.files)
    {
        if (!f.loaded)
            continue;
        const std::string bytes = io::WriteFile(data, f.path);
        if (bytes.find("\"" + id + "\"") != std::string::npos)
            return true;
    }
    return false;
}
} // namespace

std::string NewId(const model::Dataset& data, const std::string& prefix, const std::string& hint)
{
    std::string base = prefix;
    const std::string slug = Slug(hint, 40);
    if (!slug.empty())
        base += "." + slug;
    if (!IdUsed(data, base))
        return base;
    for (int n = 2;; ++n)
    {
        const std::string id = base + "-" + std::to_string(n);
        if (!IdUsed(data, id))
            return id;
    }
}
} // namespace edit
