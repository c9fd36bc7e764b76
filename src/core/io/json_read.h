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

// Parses JSON text without throwing; `error` gets nlohmann's message and `byte` the position when it fails.
bool ParseJson(const std::string& text, json* out, std::string* error = nullptr, size_t* byte = nullptr);

// A key as one RFC 6901 reference token: "~" -> "~0", "/" -> "~1".
std::string PointerToken(const std::string& key);

// Resolves an RFC 6901 JSON pointer ("/a/0/b") without throwing: nullptr when it is malformed or absent.
json* AtPointer(json& doc, const std::string& pointer);
const json* AtPointer(const json& doc, const std::string& pointer);
} // namespace io
