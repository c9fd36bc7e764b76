// The three visitors that share one field list per record (io/fields.h): Reader (JSON -> struct + issues),
// Writer (struct -> JSON) and SchemaWriter (struct -> JSON Schema 2020-12). Keeping one field list keeps
// the reader, the writer and the published schemas in step. Internal to core/io; no I/O, no globals.
#pragma once

#include "core/check/issue.h"
#include "core/model/model.h"

#include <nlohmann/json.hpp>

#include <string>
#include <unordered_map>
#include <vector>

namespace io
{
using json = nlohmann::json;

enum class Req
{
    Optional,
    Required,
};

// What an id names; references say which kind they expect.
enum class RefKind
{
    None,
    Organization,
    Area,
    Person,
    Post,
    Cluster,
    Membership,
    Rotation,
    Year,
    Ruleset,
    Criterion,
    Phase,
    RatingBand,
    AwardQuota,
    Covenant,
    Commitment,
    Signatory,
    Registration,
    Target,
    Score,
    Ballot,
    Proposal,
    Meeting,
    Participant,
    AgendaItem,
    Document,
    Decision,
};
const char* RefKindName(RefKind kind); // "organization"
std::string WithArticle(RefKind kind);   // "an organization", "a person"

using Choices = std::vector<const char*>;

constexpr size_t kMaxTextBytes = 100000; // one text field; longer text is refused
constexpr size_t kMaxIdBytes = 128;
constexpr model::Points kMaxPoints = 100000000000; // 1e9 points, in hundredths

// A JSON pointer built lazily: segments live on the stack while the walk is inside them.
struct PathSeg
{
    const PathSeg* parent = nullptr;
    const char* key = nullptr; // nullptr: array index
    size_t index = 0;
};
std::string ToPointer(const PathSeg* seg);
std::string ToPointer(const PathSeg* seg, const char* key);

struct IdEntry
{
    RefKind kind = RefKind::None;
    int32_t file = -1; // index into ReadContext::file_names
};

struct PendingRef // a reference that did not resolve when it was read (maybe defined later)
{
    std::string id;
    RefKind kind = RefKind::None;
    std::string file;
    std::string pointer;
};

// Shared by all files of one load.
struct ReadContext
{
    std::vector<std::string> file_names;
    std::unordered_map<std::string, IdEntry> ids;
    std::vector<PendingRef> pending;
    std::vector<check::Issue>* issues = nullptr;
    bool check_refs = true; // false when a file is checked alone

    // per file
    int32_t file = -1;
    bool tolerate_unknown = false; // newer schema_version: unknown fields are expected
    bool default_rev = false;      // schema_version 0 had no revision counters: missing rev = 1

    void Error(const std::string& pointer, std::string message);
    void Warn(const std::string& pointer, std::string message);
    const std::string& FileName() const { return file_names[static_cast<size_t>(file)]; }
};

// ---- [SECTION] Reader --------------------------------------------------------------------------------

class Reader
{
  public:
    Reader(ReadContext& ctx, const json& obj, const PathSeg* path) : m_ctx(ctx), m_obj(obj), m_path(path) {}

    void Id(const char* key, std::string& out, RefKind kind);
    void Rev(int64_t& out);
    void Synthetic(bool& out);
    void Text(const char* key, std::string& out, Req req, size_t max_bytes = kMaxTextBytes);
    void Enum(const char* key, std::string& out, Req req, const Choices& choices);
    void Date(const char* key, std::string& out, Req req);
    void Ref(const char* key, std::string& out, Req req, RefKind kind);
    void RefList(const char* key, std::vector<std::string>& out, Req req, RefKind kind);
    void TextList(const char* key, std::vector<std::string>& out, Req req);
    void Int(const char* key, int64_t& out, Req req, int64_t min, int64_t max);
    void Int(const char* key, int32_t& out, Req req, int64_t min, int64_t max);
    void Pts(const char* key, model::Points& out, Req req, model::Points min, model::Points max);
    void Bool(const char* key, bool& out, Req req);
    template <class T> void Object(const char* key, T& out, Req req);
    template <class T> void List(const char* key, std::vector<T>& out, Req req);

    // After the fields: reports keys nobody asked for (typos, fields of another format).
    void Finish();

  private:
    const json* Find(const char* key, Req req);
    bool CheckText(const std::string& value, const PathSeg& seg, size_t max_bytes);
    void CheckRef(const std::string& value, RefKind kind, const PathSeg& seg);
    void TypeError(const PathSeg& seg, const char* expected, const json& found);

    ReadContext& m_ctx;
    const json& m_obj;
    const PathSeg* m_path;
    size_t m_found = 0;
    size_t m_key_count = 0;
    const char* m_keys[32] = {}; // the fields asked for (no record has more), to report unknown keys
};

// ---- [SECTION] Writer --------------------------------------------------------------------------------

class Writer
{
  public:
    explicit Writer(json& obj) : m_obj(obj) {}

    void Id(const char* key, const std::string& v, RefKind) { m_obj[key] = v; }
    void Rev(const int64_t& v) { m_obj["rev"] = v; }
    void Synthetic(const bool& v) { if (v) m_obj["synthetic"] = true; }
    void Text(const char* key, const std::string& v, Req req, size_t = 0) { Str(key, v, req); }
    void Enum(const char* key, const std::string& v, Req req, const Choices&) { Str(key, v, req); }
    void Date(const char* key, const std::string& v, Req req) { Str(key, v, req); }
    void Ref(const char* key, const std::string& v, Req req, RefKind) { Str(key, v, req); }
    void RefList(const char* key, const std::vector<std::string>& v, Req req, RefKind) { Strs(key, v, req); }
    void TextList(const char* key, const std::vector<std::string>& v, Req req) { Strs(key, v, req); }
    template <class I> void Int(const char* key, const I& v, Req req, int64_t, int64_t) { if (req == Req::Required || v != 0) m_obj[key] = v; }
    void Pts(const char* key, const model::Points& v, Req req, model::Points, model::Points);
    void Bool(const char* key, const bool& v, Req req) { if (req == Req::Required || v) m_obj[key] = v; }
    template <class T> void Object(const char* key, const T& v, Req req);
    template <class T> void List(const char* key, const std::vector<T>& v, Req req);
    void Finish() {}

  private:
    void Str(const char* key, const std::string& v, Req req) { if (req == Req::Required || !v.empty()) m_obj[key] = v; }
    void Strs(const char* key, const std::vector<std::string>& v, Req req) { if (req == Req::Required || !v.empty()) m_obj[key] = v; }
    json& m_obj;
};

json PointsToJson(model::Points v); // 825 -> 8.25, 800 -> 8 (a whole number stays an integer)

// ---- [SECTION] SchemaWriter ----------------------------------------------------------------------------

class SchemaWriter
{
  public:
    explicit SchemaWriter(json& schema); // fills an {"type": "object", ...} schema

    void Id(const char* key, const std::string&, RefKind kind);
    void Rev(const int64_t&);
    void Synthetic(const bool&);
    void Text(const char* key, const std::string&, Req req, size_t max_bytes = kMaxTextBytes);
    void Enum(const char* key, const std::string&, Req req, const Choices& choices);
    void Date(const char* key, const std::string&, Req req);
    void Ref(const char* key, const std::string&, Req req, RefKind kind);
    void RefList(const char* key, const std::vector<std::string>&, Req req, RefKind kind);
    void TextList(const char* key, const std::vector<std::string>&, Req req);
    template <class I> void Int(const char* key, const I&, Req req, int64_t min, int64_t max)
    {
        Add(key, json{{"type", "integer"}, {"minimum", min}, {"maximum", max}}, req);
    }
    void Pts(const char* key, const model::Points&, Req req, model::Points min, model::Points max);
    void Bool(const char* key, const bool&, Req req);
    template <class T> void Object(const char* key, const T& v, Req req);
    template <class T> void List(const char* key, const std::vector<T>& v, Req req);
    void Finish() {}

  private:
    void Add(const char* key, json prop, Req req);
    json& m_schema;
};
} // namespace io
