#include "core/io/json_read.h"

namespace
{
// Builds the document like nlohmann's own DOM parser, but keeps a syntax error instead of throwing it.
struct CapturingSax : nlohmann::detail::json_sax_dom_parser<io::json>
{
    explicit CapturingSax(io::json& root) : json_sax_dom_parser(root, false) {}

    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex)
    {
        failed = true;
        error = ex.what();
        byte = position;
        return false;
    }

    bool failed = false;
    std::string error;
    std::size_t byte = 0;
};

// One reference token: "~1" -> "/", "~0" -> "~"; false when a "~" is not followed by 0 or 1.
bool Unescape(const std::string& token, std::string* out)
{
    out->clear();
    for (size_t i = 0; i < token.size(); ++i)
    {
        if (token[i] != '~')
        {
            *out += token[i];
            continue;
        }
        if (i + 1 >= token.size() || (token[i + 1] != '0' && token[i + 1] != '1'))
            return false;
        *out += token[i + 1] == '0' ? '~' : '/';
        ++i;
    }
    return true;
}

// An array index: "0" or digits without a leading zero, below the size.
bool Index(const std::string& token, size_t size, size_t* index)
{
    if (token.empty() || token.size() > 9 || (token.size() > 1 && token[0] == '0'))
        return false;
    size_t n = 0;
    for (char c : token)
    {
        if (c < '0' || c > '9')
            return false;
        n = n * 10 + static_cast<size_t>(c - '0');
    }
    *index = n;
    return n < size;
}
} // namespace

bool io::ParseJson(const std::string& text, json* out, std::string* error, size_t* byte)
{
    json result;
    CapturingSax sax(result);
    const bool ok = json::sax_parse(text, &sax) && !sax.failed;
    if (!ok)
    {
        if (error)
            *error = sax.error.empty() ? "not valid JSON" : sax.error;
        if (byte)
            *byte = sax.byte;
        return false;
    }
    *out = std::move(result);
    return true;
}

io::json* io::AtPointer(json& doc, const std::string& pointer)
{
    if (pointer.empty())
        return &doc;
    if (pointer[0] != '/')
        return nullptr;
    json* at = &doc;
    size_t start = 1;
    std::string token;
    while (true)
    {
        const size_t slash = pointer.find('/', start);
        const std::string raw = pointer.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
        if (!Unescape(raw, &token))
            return nullptr;
        if (at->is_object())
        {
            auto it = at->find(token);
            if (it == at->end())
                return nullptr;
            at = &*it;
        }
        else if (at->is_array())
        {
            size_t index = 0;
            if (!Index(token, at->size(), &index))
                return nullptr;
            at = &(*at)[index];
        }
        else
            return nullptr;
        if (slash == std::string::npos)
            return at;
        start = slash + 1;
    }
}

const io::json* io::AtPointer(const json& doc, const std::string& pointer)
{
    return AtPointer(const_cast<json&>(doc), pointer);
}

std::string io::PointerToken(const std::string& key)
{
    std::string out;
    for (char c : key)
        out += c == '~' ? std::string("~0") : c == '/' ? std::string("~1") : std::string(1, c);
    return out;
}
