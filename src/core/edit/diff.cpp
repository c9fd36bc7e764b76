// edit::DiffVersions: records are found the way edit::FindRecord finds them (any object with a string "id").
#include "core/edit/diff.h"

#include <map>

namespace edit
{
namespace
{
using nlohmann::json;

struct Rec
{
    std::string id;
    json record;
    std::map<std::string, json> leaves; // pointer relative to the record (no leading '/') -> value
};

bool IsRecord(const json& j)
{
    if (!j.is_object())
        return false;
    auto it = j.find("id");
    return it != j.end() && it->is_string();
}

std::string Token(const std::string& key)
{
    std::string out;
    for (char c : key)
        out += c == '~' ? "~0" : c == '/' ? "~1" : std::string(1, c);
    return out;
}

std::string Join(const std::string& rel, const std::string& token)
{
    return rel.empty() ? token : rel + "/" + token;
}

bool Bookkeeping(const std::string& rel, const std::string& key, bool file_root)
{
    if (!rel.empty())
        return false;
    return key == "rev" || (file_root && (key == "format" || key == "schema_version"));
}

void Walk(const json& node, const std::string& rel, size_t owner, std::vector<Rec>& recs, int depth);

void WalkRecord(const json& record, std::vector<Rec>& recs, int depth)
{
    const size_t index = recs.size();
    recs.push_back({record.find("id")->get<std::string>(), record, {}});
    for (auto it = record.begin(); it != record.end(); ++it)
        if (it.key() != "id" && !Bookkeeping("", it.key(), false))
            Walk(it.value(), Token(it.key()), index, recs, depth + 1);
}

void Walk(const json& node, const std::string& rel, size_t owner, std::vector<Rec>& recs, int depth)
{
    if (depth > 64) // deeper than any data file the checker accepts: the rest is one value
    {
        recs[owner].leaves[rel] = node;
        return;
    }
    if (IsRecord(node))
        return WalkRecord(node, recs, depth);
    if (node.is_object() && !node.empty())
    {
        for (auto it = node.begin(); it != node.end(); ++it)
            Walk(it.value(), Join(rel, Token(it.key())), owner, recs, depth + 1);
        return;
    }
    if (node.is_array())
    {
        bool holds_records = false;
        for (const json& item : node)
            holds_records = holds_records || IsRecord(item);
        if (holds_records)
        {
            for (size_t i = 0; i < node.size(); ++i)
                if (IsRecord(node[i]))
                    WalkRecord(node[i], recs, depth + 1);
                else
                    recs[owner].leaves[Join(rel, std::to_string(i))] = node[i];
            return;
        }
    }
    recs[owner].leaves[rel] = node; // a value, an empty object, or a list of values or of parts without ids
}

std::vector<Rec> Records(const json& doc)
{
    std::vector<Rec> recs;
    if (doc.is_null())
        return recs;
    recs.push_back({"", doc, {}});
    if (doc.is_object())
    {
        for (auto it = doc.begin(); it != doc.end(); ++it)
            if (!Bookkeeping("", it.key(), true))
                Walk(it.value(), Token(it.key()), 0, recs, 1);
    }
    else
        recs[0].leaves[""] = doc;
    return recs;
}
} // namespace

std::vector<FieldDiff> DiffVersions(const json& before, const json& after)
{
    const std::vector<Rec> old_recs = Records(before);
    const std::vector<Rec> new_recs = Records(after);
    std::map<std::string, size_t> old_index, new_index;
    for (size_t i = 0; i < old_recs.size(); ++i)
        old_index.emplace(old_recs[i].id, i);
    for (size_t i = 0; i < new_recs.size(); ++i)
        new_index.emplace(new_recs[i].id, i);

    std::vector<FieldDiff> out;
    for (size_t i = 0; i < new_recs.size(); ++i)
    {
        const Rec& now = new_recs[i];
        if (new_index[now.id] != i)
            continue; // a duplicate id: the first one stands for it
        auto was = old_index.find(now.id);
        if (was == old_index.end())
        {
            if (!now.id.empty())
                out.push_back({DiffKind::Added, now.id, "", nullptr, now.record, now.record});
            else
                for (const auto& [field, value] : now.leaves) // a new file: its own fields as set
                    out.push_back({DiffKind::Changed, "", field, nullptr, value, json()});
            continue;
        }
        const Rec& then = old_recs[was->second];
        for (const auto& [field, value] : then.leaves)
        {
            auto other = now.leaves.find(field);
            if (other == now.leaves.end())
                out.push_back({DiffKind::Changed, now.id, field, value, nullptr, now.record});
            else if (other->second != value)
                out.push_back({DiffKind::Changed, now.id, field, value, other->second, now.record});
        }
        for (const auto& [field, value] : now.leaves)
            if (then.leaves.find(field) == then.leaves.end())
                out.push_back({DiffKind::Changed, now.id, field, nullptr, value, now.record});
    }
    for (size_t i = 0; i < old_recs.size(); ++i)
    {
        const Rec& then = old_recs[i];
        if (old_index[then.id] == i && !then.id.empty() && new_index.find(then.id) == new_index.end())
            out.push_back({DiffKind::Removed, then.id, "", then.record, nullptr, then.record});
    }
    return out;
}

json RecordOf(const json& doc, const std::string& id)
{
    for (const Rec& r : Records(doc))
        if (r.id == id)
            return r.record;
    return nullptr;
}
} // namespace edit
