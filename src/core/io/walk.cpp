// The Reader, Writer and SchemaWriter field visitors (see walk.h). Messages are for a secretariat official:
// they say what is wrong and what is expected. No I/O.
#include "core/io/walk.h"

#include "core/io/json_read.h"

#include "core/text/text.h"

#include <cmath>
#include <cstdio>
#include <cstring>

namespace io
{
const char* RefKindName(RefKind kind)
{
    switch (kind)
    {
    case RefKind::None: return "record";
    case RefKind::Organization: return "organization";
    case RefKind::Area: return "area";
    case RefKind::Person: return "person";
    case RefKind::Post: return "post";
    case RefKind::Cluster: return "cluster";
    case RefKind::Membership: return "membership";
    case RefKind::Rotation: return "rotation";
    case RefKind::Year: return "year";
    case RefKind::Ruleset: return "ruleset";
    case RefKind::Criterion: return "criterion";
    case RefKind::Phase: return "phase";
    case RefKind::RatingBand: return "rating band";
    case RefKind::AwardQuota: return "award quota";
    case RefKind::Covenant: return "covenant";
    case RefKind::Commitment: return "commitment";
    case RefKind::Signatory: return "signatory";
    case RefKind::Registration: return "registration";
    case RefKind::Target: return "target";
    case RefKind::Score: return "score";
    case RefKind::Ballot: return "ballot";
    case RefKind::Proposal: return "award proposal";
    case RefKind::Meeting: return "meeting";
    case RefKind::Participant: return "participant";
    case RefKind::AgendaItem: return "agenda item";
    case RefKind::Document: return "document";
    case RefKind::Decision: return "decision";
    }
    return "record";
}

std::string WithArticle(RefKind kind)
{
    std::string name = RefKindName(kind);
    bool vowel = name[0] == 'a' || name[0] == 'e' || name[0] == 'i' || name[0] == 'o' || name[0] == 'u';
    return (vowel ? "an " : "a ") + name;
}

// ---- [SECTION] pointers and issues --------------------------------------------------------------------

namespace
{
std::string Quote(const std::string& s, size_t max_bytes = 60)
{
    std::string shown = s;
    if (shown.size() > max_bytes)
    {
        size_t cut = max_bytes;
        while (cut > 0 && (static_cast<unsigned char>(shown[cut]) & 0xC0) == 0x80)
            --cut; // do not cut inside a UTF-8 sequence
        shown = shown.substr(0, cut) + "...";
    }
    return "\"" + shown + "\"";
}

std::string Describe(const json& v)
{
    switch (v.type())
    {
    case json::value_t::null: return "null";
    case json::value_t::boolean: return v.get<bool>() ? "true" : "false";
    case json::value_t::string: return "the text " + Quote(v.get_ref<const std::string&>(), 40);
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float: return "the number " + v.dump();
    case json::value_t::array: return "a list";
    case json::value_t::object: return "an object";
    default: return "an unsupported value";
    }
}

bool IsIdChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_';
}

// "" when fine, otherwise what is wrong with the id.
std::string IdProblem(const std::string& id)
{
    if (id.empty())
        return "must not be empty";
    if (id.size() > kMaxIdBytes)
        return "is longer than " + std::to_string(kMaxIdBytes) + " characters";
    for (char c : id)
        if (!IsIdChar(c))
            return "may use only ASCII letters, digits, '.', '-' and '_'";
    if (id[0] == '.' || id[0] == '-')
        return "must start with a letter or a digit";
    return "";
}
} // namespace

std::string ToPointer(const PathSeg* seg)
{
    std::vector<const PathSeg*> chain;
    for (; seg; seg = seg->parent)
        chain.push_back(seg);
    std::string out;
    for (auto it = chain.rbegin(); it != chain.rend(); ++it)
    {
        out += '/';
        if ((*it)->key)
            out += PointerToken((*it)->key);
        else
            out += std::to_string((*it)->index);
    }
    return out;
}

std::string ToPointer(const PathSeg* seg, const char* key)
{
    std::string out = ToPointer(seg);
    out += '/';
    out += PointerToken(key);
    return out;
}

void ReadContext::Error(const std::string& pointer, std::string message)
{
    if (issues)
        issues->push_back({FileName(), pointer, std::move(message), check::Severity::Error});
}

void ReadContext::Warn(const std::string& pointer, std::string message)
{
    if (issues)
        issues->push_back({FileName(), pointer, std::move(message), check::Severity::Warning});
}

// ---- [SECTION] Reader --------------------------------------------------------------------------------

const json* Reader::Find(const char* key, Req req)
{
    if (m_key_count < 32)
        m_keys[m_key_count++] = key;
    auto it = m_obj.find(key);
    if (it == m_obj.end())
    {
        if (req == Req::Required)
            m_ctx.Error(ToPointer(m_path, key), std::string("required field \"") + key + "\" is missing");
        return nullptr;
    }
    ++m_found;
    return &*it;
}

void Reader::TypeError(const PathSeg& seg, const char* expected, const json& found)
{
    m_ctx.Error(ToPointer(&seg), std::string("expected ") + expected + ", found " + Describe(found));
}

bool Reader::CheckText(const std::string& value, const PathSeg& seg, size_t max_bytes)
{
    if (value.size() > max_bytes)
    {
        m_ctx.Error(ToPointer(&seg), "text is too long (" + std::to_string(value.size()) + " bytes; at most " +
                                         std::to_string(max_bytes) + " allowed here)");
        return false;
    }
    // Control characters (JSON lets them in as \u0007 and the like) print as nothing or garble a CSV or a
    // document: refused, except tab and line breaks in running text. A name or title is one line.
    const bool one_line = seg.key && (!std::strcmp(seg.key, "name") || !std::strcmp(seg.key, "short_name") ||
                                      !std::strcmp(seg.key, "title") || !std::strcmp(seg.key, "code"));
    for (size_t i = 0; i < value.size(); ++i)
    {
        const unsigned char c = static_cast<unsigned char>(value[i]);
        const unsigned char next = i + 1 < value.size() ? static_cast<unsigned char>(value[i + 1]) : 0;
        const bool c1 = c == 0xC2 && next >= 0x80 && next <= 0x9F; // U+0080..U+009F in UTF-8
        const bool line = c == '\t' || c == '\n' || c == '\r';
        if ((c < 0x20 && (!line || one_line)) || c == 0x7F || c1)
        {
            char code[8];
            std::snprintf(code, sizeof code, "U+%04X", c1 ? next : c);
            m_ctx.Error(ToPointer(&seg), std::string("text holds the control character ") + code +
                                             (one_line ? " (a name or title is one line of text)" : "") +
                                             "; remove it");
            return false;
        }
    }
    // Valid UTF-8 is guaranteed by the JSON parser; only non-ASCII text can be non-NFC.
    bool ascii = true;
    for (char c : value)
        if (static_cast<unsigned char>(c) >= 0x80)
        {
            ascii = false;
            break;
        }
    if (!ascii && !text::IsNfc(value))
    {
        m_ctx.Error(ToPointer(&seg), "text is not in Unicode NFC (composed) form; write it as " +
                                         Quote(text::ToNfc(value)) + " (the same letters, each as one character)");
        return false;
    }
    return true;
}

void Reader::CheckRef(const std::string& value, RefKind kind, const PathSeg& seg)
{
    std::string problem = IdProblem(value);
    if (!problem.empty())
    {
        m_ctx.Error(ToPointer(&seg), "reference " + Quote(value) + " " + problem);
        return;
    }
    if (!m_ctx.check_refs)
        return;
    auto it = m_ctx.ids.find(value);
    if (it != m_ctx.ids.end() && it->second.kind == kind)
        return;
    // Not (yet) known: it may be defined later in this file or in a file read later.
    m_ctx.pending.push_back({value, kind, m_ctx.FileName(), ToPointer(&seg)});
}

void Reader::Id(const char* key, std::string& out, RefKind kind)
{
    const json* value = Find(key, Req::Required);
    if (!value)
        return;
    PathSeg seg{m_path, key, 0};
    if (!value->is_string())
        return TypeError(seg, "an id (text)", *value);
    out = value->get_ref<const std::string&>();
    std::string problem = IdProblem(out);
    if (!problem.empty())
        return m_ctx.Error(ToPointer(&seg), "id " + Quote(out) + " " + problem);
    auto [it, inserted] = m_ctx.ids.emplace(out, IdEntry{kind, m_ctx.file});
    if (!inserted)
    {
        const std::string& where = m_ctx.file_names[static_cast<size_t>(it->second.file)];
        m_ctx.Error(ToPointer(&seg), "id " + Quote(out) + " is used twice (it already names " +
                                         WithArticle(it->second.kind) +
                                         (it->second.file == m_ctx.file ? " earlier in this file" : " in " + where) +
                                         "); every record needs its own id");
    }
}

void Reader::Rev(int64_t& out)
{
    Int("rev", out, m_ctx.default_rev ? Req::Optional : Req::Required, 1, INT64_C(1) << 53);
}

void Reader::Synthetic(bool& out)
{
    Bool("synthetic", out, Req::Optional);
}

void Reader::Text(const char* key, std::string& out, Req req, size_t max_bytes)
{
    const json* value = Find(key, req);
    if (!value)
        return;
    PathSeg seg{m_path, key, 0};
    if (!value->is_string())
        return TypeError(seg, "text", *value);
    const std::string& s = value->get_ref<const std::string&>();
    if (req == Req::Required && s.empty())
        return m_ctx.Error(ToPointer(&seg), std::string("\"") + key + "\" must not be empty");
    if (CheckText(s, seg, max_bytes))
        out = s;
}

void Reader::Enum(const char* key, std::string& out, Req req, const Choices& choices)
{
    const json* value = Find(key, req);
    if (!value)
        return;
    PathSeg seg{m_path, key, 0};
    if (!value->is_string())
        return TypeError(seg, "text", *value);
    const std::string& s = value->get_ref<const std::string&>();
    for (const char* choice : choices)
        if (s == choice)
        {
            out = s;
            return;
        }
    std::string list;
    for (const char* choice : choices)
        list += (list.empty() ? "" : ", ") + std::string(choice);
    m_ctx.Error(ToPointer(&seg), Quote(s) + " is not an allowed value; expected one of: " + list);
}

void Reader::Date(const char* key, std::string& out, Req req)
{
    const json* value = Find(key, req);
    if (!value)
        return;
    PathSeg seg{m_path, key, 0};
    if (!value->is_string())
        return TypeError(seg, "a date (text YYYY-MM-DD)", *value);
    const std::string& s = value->get_ref<const std::string&>();
    if (!text::IsValidDate(s))
        return m_ctx.Error(ToPointer(&seg), Quote(s) + " is not a real date; expected YYYY-MM-DD, e.g. \"2021-03-25\"");
    out = s;
}

void Reader::Ref(const char* key, std::string& out, Req req, RefKind kind)
{
    const json* value = Find(key, req);
    if (!value)
        return;
    PathSeg seg{m_path, key, 0};
    if (!value->is_string())
        return TypeError(seg, ("the id of " + WithArticle(kind)).c_str(), *value);
    out = value->get_ref<const std::string&>();
    CheckRef(out, kind, seg);
}

void Reader::RefList(const char* key, std::vector<std::string>& out, Req req, RefKind kind)
{
    const json* value = Find(key, req);
    if (!value)
        return;
    PathSeg seg{m_path, key, 0};
    if (!value->is_array())
        return TypeError(seg, "a list of ids", *value);
    out.assign(value->size(), std::string());
    for (size_t i = 0; i < value->size(); ++i)
    {
        PathSeg item{&seg, nullptr, i};
        const json& element = (*value)[i];
        if (!element.is_string())
        {
            TypeError(item, ("the id of " + WithArticle(kind)).c_str(), element);
            continue;
        }
        out[i] = element.get_ref<const std::string&>();
        CheckRef(out[i], kind, item);
    }
}

void Reader::TextList(const char* key, std::vector<std::string>& out, Req req)
{
    const json* value = Find(key, req);
    if (!value)
        return;
    PathSeg seg{m_path, key, 0};
    if (!value->is_array())
        return TypeError(seg, "a list of texts", *value);
    out.assign(value->size(), std::string());
    for (size_t i = 0; i < value->size(); ++i)
    {
        PathSeg item{&seg, nullptr, i};
        const json& element = (*value)[i];
        if (!element.is_string())
        {
            TypeError(item, "text", element);
            continue;
        }
        if (CheckText(element.get_ref<const std::string&>(), item, kMaxTextBytes))
            out[i] = element.get_ref<const std::string&>();
    }
}

void Reader::Int(const char* key, int64_t& out, Req req, int64_t min, int64_t max)
{
    const json* value = Find(key, req);
    if (!value)
        return;
    PathSeg seg{m_path, key, 0};
    if (value->is_number_float() && std::fabs(value->get<double>()) >= 9007199254740992.0)
        return m_ctx.Error(ToPointer(&seg), value->dump() + " is out of range; expected a whole number from " + std::to_string(min) +
                                                " to " + std::to_string(max));
    if (!value->is_number_integer()) // signed or unsigned
        return TypeError(seg, "a whole number", *value);
    bool in_range;
    int64_t v = 0;
    if (value->is_number_unsigned())
    {
        uint64_t u = value->get<uint64_t>();
        in_range = u <= static_cast<uint64_t>(max) && static_cast<int64_t>(u) >= min && u <= static_cast<uint64_t>(INT64_MAX);
        v = static_cast<int64_t>(u);
    }
    else
    {
        v = value->get<int64_t>();
        in_range = v >= min && v <= max;
    }
    if (!in_range)
    {
        std::string msg = value->dump() + " is out of range; ";
        if (min == 0 && value->is_number_integer() && !value->is_number_unsigned() && v < 0)
            msg = value->dump() + " is negative; ";
        return m_ctx.Error(ToPointer(&seg), msg + "expected a whole number from " + std::to_string(min) + " to " +
                                                std::to_string(max));
    }
    out = v;
}

void Reader::Int(const char* key, int32_t& out, Req req, int64_t min, int64_t max)
{
    int64_t v = out;
    Int(key, v, req, min, max);
    out = static_cast<int32_t>(v);
}

void Reader::Pts(const char* key, model::Points& out, Req req, model::Points min, model::Points max)
{
    const json* value = Find(key, req);
    if (!value)
        return;
    PathSeg seg{m_path, key, 0};
    if (!value->is_number())
        return TypeError(seg, "a number", *value);
    double x = value->is_number_float() ? value->get<double>() : 0.0;
    double hundredths = value->is_number_float() ? x * 100.0 : 0.0;
    model::Points v = 0;
    auto range_error = [&] {
        m_ctx.Error(ToPointer(&seg), value->dump() + " is out of range; expected a number from " + text::FormatPoints(min) +
                                         " to " + text::FormatPoints(max));
    };
    if (value->is_number_unsigned())
    {
        uint64_t u = value->get<uint64_t>();
        if (u > static_cast<uint64_t>(max / 100))
            return range_error();
        v = static_cast<model::Points>(u) * 100;
    }
    else if (value->is_number_integer())
    {
        int64_t i = value->get<int64_t>();
        if (i > max / 100 || i < min / 100)
            return min == 0 && i < 0 ? m_ctx.Error(ToPointer(&seg), value->dump() + " is negative; expected a number of 0 or more")
                                     : range_error();
        v = i * 100;
    }
    else
    {
        if (!(hundredths <= static_cast<double>(max)) || !(hundredths >= static_cast<double>(min)))
            return min == 0 && x < 0 ? m_ctx.Error(ToPointer(&seg), value->dump() + " is negative; expected a number of 0 or more")
                                     : range_error();
        double rounded = std::round(hundredths);
        if (std::fabs(hundredths - rounded) > 1e-6)
            return m_ctx.Error(ToPointer(&seg), value->dump() + " has more than 2 decimals; points are kept to 0.01");
        v = static_cast<model::Points>(rounded);
    }
    if (v < min || v > max)
        return range_error();
    out = v;
}

void Reader::Bool(const char* key, bool& out, Req req)
{
    const json* value = Find(key, req);
    if (!value)
        return;
    PathSeg seg{m_path, key, 0};
    if (!value->is_boolean())
        return TypeError(seg, "true or false", *value);
    out = value->get<bool>();
}

void Reader::Finish()
{
    if (m_found == m_obj.size() || m_ctx.tolerate_unknown)
        return;
    for (auto it = m_obj.begin(); it != m_obj.end(); ++it)
    {
        bool known = false;
        for (size_t k = 0; k < m_key_count; ++k)
            if (it.key() == m_keys[k])
            {
                known = true;
                break;
            }
        if (!known)
            m_ctx.Error(ToPointer(m_path, it.key().c_str()),
                        "unknown field \"" + it.key() + "\" (not part of this format; check the spelling)");
    }
}

// ---- [SECTION] Writer --------------------------------------------------------------------------------

json PointsToJson(model::Points v)
{
    if (v % 100 == 0)
        return json(v / 100);
    return json(static_cast<double>(v) / 100.0); // shortest round-trip form: 8.25, 0.1, -3.05
}

void Writer::Pts(const char* key, const model::Points& v, Req req, model::Points, model::Points)
{
    if (req == Req::Required || v != 0)
        m_obj[key] = PointsToJson(v);
}

// ---- [SECTION] SchemaWriter -------------------------------------------------------------------------

namespace
{
const char* kIdPattern = "^[A-Za-z0-9][A-Za-z0-9._-]*$";
const char* kDatePattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";

json IdSchema(RefKind kind, bool is_ref)
{
    return json{{"type", "string"},
                {"pattern", kIdPattern},
                {"maxLength", kMaxIdBytes},
                {"description", is_ref ? "the id of " + WithArticle(kind) : "stable id of this " + std::string(RefKindName(kind))}};
}
} // namespace

SchemaWriter::SchemaWriter(json& schema) : m_schema(schema)
{
    m_schema = json{{"type", "object"}, {"properties", json::object()}, {"required", json::array()},
                    {"additionalProperties", false}};
}

void SchemaWriter::Add(const char* key, json prop, Req req)
{
    m_schema["properties"][key] = std::move(prop);
    if (req == Req::Required)
        m_schema["required"].push_back(key);
}

void SchemaWriter::Id(const char* key, const std::string&, RefKind kind) { Add(key, IdSchema(kind, false), Req::Required); }

void SchemaWriter::Rev(const int64_t&)
{
    Add("rev", json{{"type", "integer"}, {"minimum", 1}, {"description", "revision counter, +1 on every edit"}}, Req::Required);
}

void SchemaWriter::Synthetic(const bool&)
{
    Add("synthetic", json{{"type", "boolean"}, {"description", "true: invented demonstration data"}}, Req::Optional);
}

void SchemaWriter::Text(const char* key, const std::string&, Req req, size_t max_bytes)
{
    json s{{"type", "string"}, {"maxLength", max_bytes}};
    if (req == Req::Required)
        s["minLength"] = 1;
    Add(key, std::move(s), req);
}

void SchemaWriter::Enum(const char* key, const std::string&, Req req, const Choices& choices)
{
    json list = json::array();
    for (const char* c : choices)
        list.push_back(c);
    Add(key, json{{"enum", std::move(list)}}, req);
}

void SchemaWriter::Date(const char* key, const std::string&, Req req)
{
    Add(key, json{{"type", "string"}, {"pattern", kDatePattern}, {"description", "a calendar date, YYYY-MM-DD"}}, req);
}

void SchemaWriter::Ref(const char* key, const std::string&, Req req, RefKind kind) { Add(key, IdSchema(kind, true), req); }

void SchemaWriter::RefList(const char* key, const std::vector<std::string>&, Req req, RefKind kind)
{
    Add(key, json{{"type", "array"}, {"items", IdSchema(kind, true)}}, req);
}

void SchemaWriter::TextList(const char* key, const std::vector<std::string>&, Req req)
{
    Add(key, json{{"type", "array"}, {"items", {{"type", "string"}, {"maxLength", kMaxTextBytes}}}}, req);
}


void SchemaWriter::Pts(const char* key, const model::Points&, Req req, model::Points min, model::Points max)
{
    Add(key, json{{"type", "number"}, {"minimum", PointsToJson(min)}, {"maximum", PointsToJson(max)},
                  {"description", "at most 2 decimals"}},
        req);
}

void SchemaWriter::Bool(const char* key, const bool&, Req req) { Add(key, json{{"type", "boolean"}}, req); }
} // namespace io
