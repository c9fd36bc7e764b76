// Role rules and the server's own content checks; see rules.h.
#include "server/rules.h"

#include "core/roles/roles.h"
#include "core/io/dataset.h"
#include "server/paths.h"
#include "server/store.h"

#include <set>

using nlohmann::json;

std::string server::WriteRefusal(const Principal& who, const std::string& path, const std::string& data_dir)
{
    roles::Principal p{who.role, who.org};
    if (who.role == Role::Viewer)
        return "the viewer role is read-only";
    // The rules need the year's status and phases: read the dataset as it stands (only for a writing role).
    const io::LoadResult data = io::LoadDataset(ReadAllDataFiles(data_dir));
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
std::string EscapeToken(const std::string& s)
{
    std::string out;
    for (char c : s)
        out += c == '~' ? "~0" : c == '/' ? "~1" : std::string(1, c);
    return out;
}

struct Frame
{
    bool is_array = false;
    size_t index = 0;
    std::string key;
    std::set<std::string> keys;
};

std::string PointerOf(const std::vector<Frame>& stack)
{
    std::string p;
    for (const Frame& f : stack)
        p += "/" + (f.is_array ? std::to_string(f.index) : EscapeToken(f.key));
    return p;
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

std::vector<check::Issue> server::ParseStrict(const std::string& path, const std::string& bytes, json* out)
{
    std::vector<check::Issue> issues;
    std::vector<Frame> stack;
    auto callback = [&](int, json::parse_event_t event, json& parsed) {
        switch (event)
        {
        case json::parse_event_t::object_start:
            stack.push_back(Frame{});
            break;
        case json::parse_event_t::array_start:
        {
            Frame f;
            f.is_array = true;
            stack.push_back(f);
        }
            break;
        case json::parse_event_t::key: {
            Frame& f = stack.back();
            f.key = parsed.get<std::string>();
            if (!f.keys.insert(f.key).second && issues.size() < 20)
                issues.push_back({path, PointerOf(stack), "duplicate key \"" + f.key + "\"", check::Severity::Error});
            break;
        }
        case json::parse_event_t::object_end:
        case json::parse_event_t::array_end:
            stack.pop_back();
            if (!stack.empty() && stack.back().is_array)
                ++stack.back().index;
            break;
        case json::parse_event_t::value:
            if (!stack.empty() && stack.back().is_array)
                ++stack.back().index;
            break;
        }
        return true;
    };
    try
    {
        *out = json::parse(bytes, callback);
    }
    catch (const json::parse_error& e)
    {
        return {{path, "", std::string("not valid JSON: ") + e.what(), check::Severity::Error}};
    }
    return issues;
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
