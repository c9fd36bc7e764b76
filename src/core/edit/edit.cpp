// edit::Apply and undo/redo. A change is made on the file's JSON (so any field of any record can be set the
// same way), then the whole dataset is re-read with the changed bytes: the checker decides, nothing is trusted.
#include "core/edit/edit.h"

#include "core/io/dataset.h"

#include <utility>

namespace edit
{
namespace
{
using nlohmann::json;

// Finds the object whose "id" is `id` anywhere under `node`; `pointer` receives its JSON pointer.
json* FindRecord(json& node, const std::string& id, std::string& pointer)
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
            if (json* found = FindRecord(child, id, pointer))
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
            if (json* found = FindRecord(node[i], id, pointer))
                return found;
            pointer.resize(mark);
        }
    }
    return nullptr;
}

const model::FileInfo* FindFile(const model::Dataset& data, const std::string& path)
{
    for (const model::FileInfo& f : data.files)
        if (f.path == path)
            return &f;
    return nullptr;
}

// Copies the records of `path` from the re-read dataset into `data` (other files stay as they are).
void ReplaceFile(model::Dataset& data, model::Dataset& fresh, const std::string& path)
{
    const model::FileInfo* from = FindFile(fresh, path);
    const model::FileInfo* to = FindFile(data, path);
    if (!from || !to || from->index < 0 || to->index < 0)
        return;
    const size_t i = static_cast<size_t>(from->index), j = static_cast<size_t>(to->index);
    switch (from->kind)
    {
    case model::FileKind::DataPackage: data.package = std::move(fresh.package); break;
    case model::FileKind::Organizations: data.organizations = std::move(fresh.organizations); break;
    case model::FileKind::Areas: data.areas = std::move(fresh.areas); break;
    case model::FileKind::People: data.people = std::move(fresh.people); break;
    case model::FileKind::Cluster: data.cluster = std::move(fresh.cluster); break;
    case model::FileKind::Year: data.years[j] = std::move(fresh.years[i]); break;
    case model::FileKind::Covenant: data.covenants[j] = std::move(fresh.covenants[i]); break;
    case model::FileKind::Results: data.results[j] = std::move(fresh.results[i]); break;
    case model::FileKind::SelfAssessment: data.self_assessments[j] = std::move(fresh.self_assessments[i]); break;
    case model::FileKind::Meeting: data.meetings[j] = std::move(fresh.meetings[i]); break;
    case model::FileKind::Unknown: break;
    }
}

Outcome Refuse(const std::string& file, const std::string& pointer, const std::string& message)
{
    Outcome out;
    out.issues.push_back({file, pointer, message, check::Severity::Error});
    return out;
}

// Sets the field and, when the checker agrees, replaces the file's records in `data`. `old_value` receives
// the value before the change.
Outcome SetField(model::Dataset& data, const std::string& file, const std::string& record_id, const std::string& field,
                 const json& value, json* old_value)
{
    const model::FileInfo* info = FindFile(data, file);
    if (!info || !info->loaded)
        return Refuse(file, "", "the file is not loaded, so it cannot be changed");
    if (info->read_only)
        return Refuse(file, "", "the file was written by a newer version of the app and is read-only here");
    json doc = json::parse(io::WriteFile(data, file), nullptr, false);
    if (doc.is_discarded())
        return Refuse(file, "", "the file could not be written");
    std::string record_pointer;
    json* record = FindRecord(doc, record_id, record_pointer);
    if (!record)
        return Refuse(file, "", "no record with id \"" + record_id + "\"");
    const json::json_pointer where("/" + field);
    if (!record->contains(where.parent_pointer()))
        return Refuse(file, record_pointer + "/" + field, "the record has no such field");
    *old_value = record->contains(where) ? (*record)[where] : json();
    if (*old_value == value)
        return {};
    if (value.is_null())
        (*record)[where.parent_pointer()].erase(where.back());
    else
        (*record)[where] = value;
    if (record->contains("rev") && (*record)["rev"].is_number_integer())
        (*record)["rev"] = (*record)["rev"].get<int64_t>() + 1;

    io::DataFiles files;
    for (const model::FileInfo& f : data.files)
        if (f.loaded)
            files[f.path] = f.path == file ? doc.dump(2) + "\n" : io::WriteFile(data, f.path);
    io::LoadResult fresh = io::LoadDataset(files);
    Outcome out;
    for (const check::Issue& issue : fresh.issues)
    {
        const bool in_record = issue.file == file && (issue.pointer.empty() || issue.pointer == record_pointer ||
                                                      issue.pointer.rfind(record_pointer + "/", 0) == 0);
        if (in_record)
            out.issues.push_back(issue);
    }
    const model::FileInfo* reread = FindFile(fresh.dataset, file);
    if (check::HasErrors(out.issues) || !reread || !reread->loaded)
        return out;
    ReplaceFile(data, fresh.dataset, file);
    out.applied = true;
    return out;
}
} // namespace

Outcome Apply(model::Dataset& data, Journal& journal, const std::string& file, const std::string& record_id,
              const std::string& field, const json& value)
{
    Op op;
    Outcome out = SetField(data, file, record_id, field, value, &op.old_value);
    if (!out.applied)
        return out;
    op.id = journal.next_id++;
    op.file = file;
    op.record_id = record_id;
    op.field = field;
    op.new_value = value;
    journal.undo.push_back(op);
    journal.pending.push_back(std::move(op));
    journal.redo.clear();
    return out;
}

bool Undo(model::Dataset& data, Journal& journal)
{
    if (journal.undo.empty())
        return false;
    const Op& last = journal.undo.back();
    json ignored;
    if (!SetField(data, last.file, last.record_id, last.field, last.old_value, &ignored).applied)
        return false;
    Op inverse{journal.next_id++, last.file, last.record_id, last.field, last.new_value, last.old_value};
    journal.pending.push_back(std::move(inverse));
    journal.redo.push_back(std::move(journal.undo.back()));
    journal.undo.pop_back();
    return true;
}

bool Redo(model::Dataset& data, Journal& journal)
{
    if (journal.redo.empty())
        return false;
    Op op = journal.redo.back();
    json ignored;
    if (!SetField(data, op.file, op.record_id, op.field, op.new_value, &ignored).applied)
        return false;
    journal.redo.pop_back();
    op.id = journal.next_id++;
    journal.pending.push_back(op);
    journal.undo.push_back(std::move(op));
    return true;
}

std::string FilePath(const model::Dataset& data, model::FileKind kind, int32_t index)
{
    for (const model::FileInfo& f : data.files)
        if (f.kind == kind && f.index == index && f.loaded)
            return f.path;
    return "";
}
} // namespace edit
