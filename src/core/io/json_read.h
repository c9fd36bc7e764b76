// Reading JSON we did not write (stored state, server answers, data files) without exceptions: the web build
// compiles with exceptions off (they cost a third of the wasm), so nothing here may throw. Each accessor checks
// the key and the type; a missing or mistyped value gives the fallback / false / nullptr.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

namespace io
{
using json = nlohmann::json;

// The value of `key` in the object `j`, or nullptr when `j` is not an object or has no such key.
inline const json* Child(const json& j, const char* key)
{
    if (!j.is_object())
        return nullptr;
    auto it = j.find(key);
    return it == j.end() ? nullptr : &*it;
}

inline bool GetString(const json& j, const char* key, std::string* out)
{
    const json* v = Child(j, key);
    if (!v || !v->is_string())
        return false;
    *out = v->get_ref<const std::string&>();
    return true;
}

inline bool GetInt(const json& j, const char* key, int64_t* out)
{
    const json* v = Child(j, key);
    if (!v || !v->is_number_integer())
        return false;
    *out = v->get<int64_t>();
    return true;
}

inline std::string StringOr(const json& j, const char* key, const std::string& fallback)
{
    std::string v;
    return GetString(j, key, &v) ? v : fallback;
}

inline int64_t IntOr(const json& j, const char* key, int64_t fallback)
{
    int64_t v = 0;
    return GetInt(j, key, &v) ? v : fallback;
}

inline bool BoolOr(const json& j, const char* key, bool fallback)
{
    const json* v = Child(j, key);
    return v && v->is_boolean() ? v->get<bool>() : fallback;
}

inline double NumberOr(const json& j, const char* key, double fallback)
{
    const json* v = Child(j, key);
    return v && v->is_number() ? v->get<double>() : fallback;
}

// Arrays and objects inside each other: the data files need fewer than 10 levels. Deeper text is refused before
// it is parsed, so no recursive walk (dump, compare, destroy, the readers) ever sees a deep tree.
constexpr size_t kMaxJsonDepth = 64;

// The byte offset (counted from 1, like nlohmann) of the first '[' or '{' that opens level max_depth + 1, or 0
// when the text never nests deeper than max_depth. Brackets inside strings do not count. One pass, no allocation.
size_t DepthExceededAt(const std::string& text, size_t max_depth = kMaxJsonDepth);
// "nested deeper than 64 levels (arrays and objects inside each other)": the message for the above.
std::string DepthMessage(size_t max_depth = kMaxJsonDepth);

// Parses JSON text without throwing; `error` gets nlohmann's message and `byte` the position when it fails.
// Text nested deeper than kMaxJsonDepth is refused with DepthMessage() before parsing.
bool ParseJson(const std::string& text, json* out, std::string* error = nullptr, size_t* byte = nullptr);

struct JsonError
{
    std::string message; // nlohmann's message, DepthMessage(), or "duplicate key ..."
    size_t byte = 0;     // where the text failed (from 1; 0 = not known)
    std::string pointer; // for a duplicate key: the JSON pointer of its second appearance
};
// Data files (and every PUT body): ParseJson's rules, and a key repeated in one object is refused (nlohmann
// would keep the last value silently, so two readers could see two different files).
bool ParseDataJson(const std::string& text, json* out, JsonError* error, size_t max_depth = kMaxJsonDepth);

// A key as one RFC 6901 reference token: "~" -> "~0", "/" -> "~1".
std::string PointerToken(const std::string& key);

// Resolves an RFC 6901 JSON pointer ("/a/0/b") without throwing: nullptr when it is malformed or absent.
json* AtPointer(json& doc, const std::string& pointer);
const json* AtPointer(const json& doc, const std::string& pointer);
} // namespace io
