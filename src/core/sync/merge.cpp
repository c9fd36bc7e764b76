// Replaying local operations onto the server's copy, field by field; see merge.h.
#include "core/sync/merge.h"

#include "core/io/json_read.h"

using nlohmann::json;

namespace
{
// A field's value, or nullptr when the field is absent. A null value is absent too: an edit that sets a field to null
// takes it away (edit::Set), as no format stores null.
const json* Field(const json& obj, const std::string& key)
{
    if (!obj.is_object())
        return nullptr;
    auto it = obj.find(key);
    return it == obj.end() || it->is_null() ? nullptr : &*it;
}

bool Same(const json* a, const json* b)
{
    if (!a || !b)
        return a == b;
    return *a == *b;
}

json OrNull(const json* v)
{
    return v ? *v : json();
}

// Takes the object whose "id" is `id` out of the array holding it; true when found.
bool RemoveById(json& node, const std::string& id)
{
    if (node.is_array())
    {
        for (size_t i = 0; i < node.size(); ++i)
        {
            const json& item = node[i];
            if (item.is_object() && item.contains("id") && item["id"] == id)
            {
                node.erase(i);
                return true;
            }
            if (RemoveById(node[i], id))
                return true;
        }
    }
    else if (node.is_object())
        for (auto& kv : node.items())
            if (RemoveById(kv.value(), id))
                return true;
    return false;
}
} // namespace

std::string datasync::RecordKey(const json& record)
{
    if (const json* id = Field(record, "id"); id && id->is_string())
        return id->get<std::string>();
    if (const json* path = Field(record, "path"); path && path->is_string())
        return path->get<std::string>();
    return "";
}

json* datasync::FindRecord(json& doc, const std::string& id)
{
    if (id.empty()) // the document's root object: fields of the file itself (a self-assessment's "submitted_date")
        return doc.is_object() ? &doc : nullptr;
    if (doc.is_object())
    {
        auto it = doc.find("id");
        if (it != doc.end() && it->is_string() && *it == id)
            return &doc;
        for (auto& kv : doc.items())
            if (json* r = FindRecord(kv.value(), id))
                return r;
    }
    else if (doc.is_array())
        for (json& item : doc)
            if (json* r = FindRecord(item, id))
                return r;
    return nullptr;
}

const json* datasync::FindRecord(const json& doc, const std::string& id)
{
    return FindRecord(const_cast<json&>(doc), id);
}

datasync::ReplayResult datasync::Replay(const json& theirs, const std::vector<Op>& ops)
{
    ReplayResult r;
    r.doc = theirs;
    for (const Op& op : ops)
    {
        switch (op.kind)
        {
        case OpKind::CreateFile:
            if (r.doc.is_null())
            {
                r.doc = op.value;
                r.effective.push_back(op.op_id);
            }
            else if (r.doc == op.value)
                r.present.push_back(op.op_id);
            else
                r.conflicts.push_back({op.op_id, op.path, "", "", json(), op.value, r.doc, ""});
            break;
        case OpKind::AddRecord: {
            const std::string id = RecordKey(op.value);
            json* parent = r.doc.is_null() ? nullptr : io::AtPointer(r.doc, op.parent);
            if (!parent && !r.doc.is_null() && !op.parent.empty())
            {
                // An optional list the writer leaves out while it is empty.
                const json::json_pointer where(op.parent);
                json* owner = io::AtPointer(r.doc, where.parent_pointer().to_string());
                if (owner && owner->is_object())
                    parent = &((*owner)[where.back()] = json::array());
            }
            const json* existing = nullptr;
            if (parent && parent->is_array())
                for (const json& item : *parent)
                    if (RecordKey(item) == id)
                        existing = &item;
            if (!existing && !r.doc.is_null() && op.value.contains("id"))
                existing = FindRecord(r.doc, id);
            if (existing)
            {
                if (*existing == op.value)
                    r.present.push_back(op.op_id); // our own earlier write, already there
                else
                    r.conflicts.push_back({op.op_id, op.path, id, "", json(), op.value, *existing, op.parent});
                break;
            }
            if (parent && parent->is_array())
            {
                parent->push_back(op.value);
                r.effective.push_back(op.op_id);
            }
            else
                r.conflicts.push_back({op.op_id, op.path, id, "", json(), op.value, json(), op.parent});
            break;
        }
        case OpKind::RemoveRecord: {
            json* rec = r.doc.is_null() ? nullptr : FindRecord(r.doc, op.record_id);
            if (!rec)
            {
                r.present.push_back(op.op_id); // gone already
                break;
            }
            if (*rec != op.old)
            {
                r.conflicts.push_back({op.op_id, op.path, op.record_id, "", op.old, json(), *rec, ""});
                break;
            }
            RemoveById(r.doc, op.record_id);
            r.effective.push_back(op.op_id);
            break;
        }
        case OpKind::SetFields: {
            json* rec = r.doc.is_null() ? nullptr : FindRecord(r.doc, op.record_id);
            if (!rec)
            {
                r.conflicts.push_back({op.op_id, op.path, op.record_id, "", op.old, op.value, json(), ""});
                break;
            }
            const json* ended_now = Field(*rec, "ended");
            if (ended_now && !op.value.contains("ended") && !Same(ended_now, Field(op.old, "ended")))
            {
                // Edit after end: the server ended the record after our edit was made on it in force.
                r.conflicts.push_back({op.op_id, op.path, op.record_id, "ended", OrNull(Field(op.old, "ended")),
                                       op.value, *ended_now, ""});
                break;
            }
            bool changed = false, conflicted = false;
            for (auto& kv : op.value.items())
            {
                const json* cur = Field(*rec, kv.key());
                const json* old = Field(op.old, kv.key());
                if (Same(cur, Field(op.value, kv.key())))
                    continue; // already has our value (our earlier write, or the same edit elsewhere)
                if (Same(cur, old))
                {
                    if (kv.value().is_null())
                        rec->erase(kv.key());
                    else
                        (*rec)[kv.key()] = kv.value();
                    changed = true;
                }
                else
                {
                    r.conflicts.push_back(
                        {op.op_id, op.path, op.record_id, kv.key(), OrNull(old), kv.value(), OrNull(cur), ""});
                    conflicted = true;
                }
            }
            if (changed)
            {
                const json* rev = Field(*rec, "rev");
                if (rev && rev->is_number_integer())
                    (*rec)["rev"] = std::max(rev->get<int64_t>(), op.base_rev) + 1;
                r.effective.push_back(op.op_id);
            }
            else if (!conflicted)
                r.present.push_back(op.op_id);
            break;
        }
        }
    }
    return r;
}

json datasync::OpToJson(const Op& op)
{
    static const char* kinds[] = {"set", "add", "create", "remove"};
    return {{"op_id", op.op_id},         {"path", op.path},   {"kind", kinds[int(op.kind)]},
            {"record_id", op.record_id}, {"base_rev", op.base_rev}, {"value", op.value},
            {"old", op.old},             {"parent", op.parent},     {"in_doubt", op.in_doubt}};
}

bool datasync::OpFromJson(const json& j, Op* op)
{
    std::string kind;
    const json* value = io::Child(j, "value");
    if (!io::GetString(j, "kind", &kind) || !io::GetString(j, "op_id", &op->op_id) ||
        !io::GetString(j, "path", &op->path) || !value)
        return false;
    op->kind = kind == "add"      ? OpKind::AddRecord
               : kind == "create" ? OpKind::CreateFile
               : kind == "remove" ? OpKind::RemoveRecord
                                  : OpKind::SetFields;
    op->record_id = io::StringOr(j, "record_id", "");
    op->base_rev = io::IntOr(j, "base_rev", 0);
    op->value = *value;
    const json* old = io::Child(j, "old");
    op->old = old && (old->is_object() || op->kind == OpKind::RemoveRecord) ? *old : json::object();
    op->parent = io::StringOr(j, "parent", "");
    op->in_doubt = io::BoolOr(j, "in_doubt", false);
    return true;
}

json datasync::ConflictToJson(const Conflict& c)
{
    return {{"op_id", c.op_id}, {"path", c.path}, {"record_id", c.record_id}, {"field", c.field},
            {"base", c.base},   {"ours", c.ours}, {"theirs", c.theirs},       {"parent", c.parent}};
}

bool datasync::ConflictFromJson(const json& j, Conflict* c)
{
    const json* base = io::Child(j, "base");
    const json* ours = io::Child(j, "ours");
    const json* theirs = io::Child(j, "theirs");
    if (!io::GetString(j, "op_id", &c->op_id) || !io::GetString(j, "path", &c->path) ||
        !io::GetString(j, "record_id", &c->record_id) || !io::GetString(j, "field", &c->field) || !base || !ours ||
        !theirs)
        return false;
    c->base = *base;
    c->parent = io::StringOr(j, "parent", "");
    c->ours = *ours;
    c->theirs = *theirs;
    return true;
}
