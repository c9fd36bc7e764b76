// Role rules and the server's own content checks; see rules.h.
#include "server/rules.h"

#include "core/roles/roles.h"
#include "core/io/dataset.h"
#include "core/io/json_read.h"
#include "server/paths.h"
#include "server/store.h"


using nlohmann::json;

std::string server::WriteRefusal(const Principal& who, const std::string& path,
                                 const std::map<std::string, std::string>& dataset)
{
    roles::Principal p{who.role, who.org};
    if (who.role == Role::Viewer)
        return "the viewer role is read-only";
    // The rules need the year's status and phases: read the dataset as it stands (only for a writing role).
    const io::LoadResult data = io::LoadDataset(dataset);
    switch (roles::WriteRefusal(p, path, data.dataset))
    {
    case roles::Refusal::None: return "";
    case roles::Refusal::ReadOnlyRole: return "the viewer role is read-only";
    case roles::Refusal::NotOwnFile:
        return "unit:" + who.org + " may write only years/<yyyy>/self/" + who.org + ".json, not " + path;
    case roles::Refusal::NotAMember: return path + " is not the self-assessment of a member of that year";
    case roles::Refusal::PhaseNotOpen: return "the self-assessment of that year is not open";
    case roles::Refusal::YearClosed: return "the year is closed (the secretariat may reopen it in year.json)";
    case roles::Refusal::SelfSubmitted: return "the self-assessment was sent already; the secretariat may reopen it";
    }
    return "refused";
}

namespace
{
// Takes every {"private": true} entry out of the "contact_details" lists under `node`.
void DropPrivate(json& node)
{
    if (node.is_object())
    {
        for (auto& kv : node.items())
        {
            if (kv.key() == "contact_details" && kv.value().is_array())
            {
                json& list = kv.value();
                for (size_t i = list.size(); i-- > 0;)
                    if (list[i].is_object() && list[i].value("private", false) == true)
                        list.erase(i);
            }
            DropPrivate(kv.value());
        }
    }
    else if (node.is_array())
        for (json& item : node)
            DropPrivate(item);
}
} // namespace

std::string server::ForRole(const Principal& who, const std::string& path, std::string bytes)
{
    if (roles::MaySeePrivate({who.role, who.org}) || path.rfind("registry/", 0) != 0)
        return bytes;
    if (io::DepthExceededAt(bytes) != 0)
        return ""; // not a data file (the checker refuses it), and too deep to filter safely: nothing of it
    json doc = json::parse(bytes, nullptr, false);
    if (doc.is_discarded())
        return bytes; // not JSON: nothing in it can be read as a contact
    DropPrivate(doc);
    return doc.dump(2) + "\n";
}

namespace
{
std::string EscapeToken(const std::string& s)
{
    std::string out;
    for (char c : s)
        out += c == '~' ? "~0" : c == '/' ? "~1" : std::string(1, c);
    return out;
}

void WalkUnit(const json& j, const std::string& pointer, const std::string& path, const std::string& org,
              std::vector<check::Issue>* issues)
{
    if (j.is_object())
    {
        for (const char* key : {"subject_org_id", "scorer_org_id"})
        {
            auto it = j.find(key);
            if (it != j.end() && !(it->is_string() && *it == org))
                issues->push_back({path, pointer + "/" + key,
                                   "a record of another unit (" + it->dump() + "); unit:" + org +
                                       " may change only its own records",
                                   check::Severity::Error});
        }
        for (auto kv = j.begin(); kv != j.end(); ++kv)
            WalkUnit(kv.value(), pointer + "/" + EscapeToken(kv.key()), path, org, issues);
    }
    else if (j.is_array())
        for (size_t i = 0; i < j.size(); ++i)
            WalkUnit(j[i], pointer + "/" + std::to_string(i), path, org, issues);
}
} // namespace

std::vector<check::Issue> server::ParseStrict(const std::string& path, const std::string& bytes, json* out,
                                              size_t max_depth)
{
    if (bytes.size() >= 3 && bytes.compare(0, 3, "\xEF\xBB\xBF") == 0)
        return {{path, "", "starts with a UTF-8 byte-order mark (BOM); send the JSON text without it", check::Severity::Error}};
    io::JsonError error;
    if (io::ParseDataJson(bytes, out, &error, max_depth))
        return {};
    if (!error.pointer.empty())
        return {{path, error.pointer, error.message, check::Severity::Error}};
    if (error.message == io::DepthMessage(max_depth))
        return {{path, "", error.message + " (at byte " + std::to_string(error.byte) + ")", check::Severity::Error}};
    return {{path, "", "not valid JSON: " + error.message, check::Severity::Error}};
}

std::vector<check::Issue> server::CheckUnitContent(const std::string& path, const std::string& org, const json& doc)
{
    std::vector<check::Issue> issues;
    if (doc.is_object())
    {
        for (const char* key : {"org_id", "organization_id"})
        {
            auto it = doc.find(key);
            if (it != doc.end() && !(it->is_string() && *it == org))
                issues.push_back({path, std::string("/") + key,
                                  "this file belongs to " + it->dump() + ", not to unit:" + org,
                                  check::Severity::Error});
        }
    }
    WalkUnit(doc, "", path, org, &issues);
    return issues;
}
