#include "core/io/json_read.h"

#include <set>
#include <vector>

namespace
{
// What the parser does about keys: nothing; count them (a repeated key makes the tree hold fewer keys than the
// text: cheap, for every data file); or track where it is, so a repeated key is found with its JSON pointer (only
// for a file that the count showed to have one).
enum class Keys
{
    Ignore,
    Count,
    Track,
};

// Builds the document like nlohmann's own DOM parser, but keeps a syntax error instead of throwing it.
struct CapturingSax : nlohmann::detail::json_sax_dom_parser<io::json>
{
    using Base = nlohmann::detail::json_sax_dom_parser<io::json>;
    CapturingSax(io::json& root, Keys keys) : Base(root, false), strict(keys == Keys::Track), count(keys == Keys::Count) {}

    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex)
    {
        failed = true;
        error = ex.what();
        byte = position;
        return false;
    }

    // A value ended: in an array, the next value has the next index.
    bool Next()
    {
        if (strict && !stack.empty() && stack.back().is_array)
            ++stack.back().index;
        return true;
    }
    bool null() { return Base::null() && Next(); }
    bool boolean(bool v) { return Base::boolean(v) && Next(); }
    bool number_integer(number_integer_t v) { return Base::number_integer(v) && Next(); }
    bool number_unsigned(number_unsigned_t v) { return Base::number_unsigned(v) && Next(); }
    bool number_float(number_float_t v, const string_t& s) { return Base::number_float(v, s) && Next(); }
    bool string(string_t& v) { return Base::string(v) && Next(); }
    bool binary(binary_t& v) { return Base::binary(v) && Next(); }
    bool start_object(std::size_t n)
    {
        if (strict)
            stack.push_back(Frame{});
        return Base::start_object(n);
    }
    bool start_array(std::size_t n)
    {
        if (strict)
            stack.push_back(Frame{true, 0, {}, {}});
        return Base::start_array(n);
    }
    bool end_object()
    {
        if (strict)
            stack.pop_back();
        return Base::end_object() && Next();
    }
    bool end_array()
    {
        if (strict)
            stack.pop_back();
        return Base::end_array() && Next();
    }
    bool key(string_t& k)
    {
        keys += count;
        if (strict && !stack.empty())
        {
            Frame& f = stack.back();
            f.key = k;
            if (!f.keys.insert(k).second)
            {
                failed = true;
                error = "duplicate key \"" + k + "\"";
                for (const Frame& frame : stack)
                    pointer += "/" + (frame.is_array ? std::to_string(frame.index) : io::PointerToken(frame.key));
                return false;
            }
        }
        return Base::key(k);
    }

    struct Frame
    {
        bool is_array = false;
        size_t index = 0;
        std::string key;
        std::set<std::string> keys;
    };
    const bool strict;
    const bool count;
    size_t keys = 0; // with Keys::Count
    std::vector<Frame> stack;
    bool failed = false;
    std::string error;
    std::string pointer;
    std::size_t byte = 0;
};

// Keys in every object of a tree (at most kMaxJsonDepth deep: the text was measured before it was parsed).
size_t CountKeys(const io::json& j)
{
    size_t n = j.is_object() ? j.size() : 0;
    if (j.is_structured())
        for (const io::json& child : j)
            n += CountKeys(child);
    return n;
}

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

size_t io::DepthExceededAt(const std::string& text, size_t max_depth)
{
    size_t depth = 0;
    bool in_string = false;
    for (size_t i = 0; i < text.size(); ++i)
    {
        const char c = text[i];
        if (in_string)
        {
            if (c == '\\')
                ++i; // the escaped character cannot end the string
            else if (c == '"')
                in_string = false;
        }
        else if (c == '"')
            in_string = true;
        else if (c == '[' || c == '{')
        {
            if (++depth > max_depth)
                return i + 1;
        }
        else if ((c == ']' || c == '}') && depth > 0)
            --depth;
    }
    return 0;
}

std::string io::DepthMessage(size_t max_depth)
{
    return "nested deeper than " + std::to_string(max_depth) +
           " levels (arrays and objects inside each other); the data files need far fewer";
}

bool io::ParseJson(const std::string& text, json* out, std::string* error, size_t* byte)
{
    if (const size_t at = DepthExceededAt(text); at != 0)
    {
        if (error)
            *error = DepthMessage();
        if (byte)
            *byte = at;
        return false;
    }
    json result;
    CapturingSax sax(result, Keys::Ignore);
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

bool io::ParseDataJson(const std::string& text, json* out, JsonError* error, size_t max_depth)
{
    JsonError local;
    JsonError& e = error ? *error : local;
    if (const size_t at = DepthExceededAt(text, max_depth); at != 0)
    {
        e = {DepthMessage(max_depth), at, ""};
        return false;
    }
    json result;
    CapturingSax sax(result, Keys::Count);
    if (!json::sax_parse(text, &sax) || sax.failed)
    {
        e = {sax.error.empty() ? "not valid JSON" : sax.error, sax.byte, ""};
        return false;
    }
    if (CountKeys(result) != sax.keys)
    {
        // A key was repeated: parse again, tracking the place, to name it.
        json again;
        CapturingSax track(again, Keys::Track);
        json::sax_parse(text, &track);
        e = {track.error.empty() ? "a key appears twice in one object" : track.error, track.byte, track.pointer};
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
