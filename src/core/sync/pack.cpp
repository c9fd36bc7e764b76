#include "core/sync/pack.h"

#include "core/io/json_read.h"

using nlohmann::json;

namespace datasync
{
namespace
{
constexpr const char* kSnapshotFormat = "thidua.snapshot.2";
constexpr const char* kRecordFormat = "thidua.client.2";
} // namespace

std::string Pack(const char* format, json head, const std::vector<const std::string*>& parts)
{
    json sizes = json::array();
    size_t total = 0;
    for (const std::string* part : parts)
    {
        sizes.push_back(part->size());
        total += part->size();
    }
    head["sizes"] = std::move(sizes);
    // One line: without indent every newline is escaped. A byte that is not UTF-8 (a server's message, say) becomes
    // U+FFFD instead of failing the whole state (the files' bytes are not in this line).
    const std::string line = head.dump(-1, ' ', false, json::error_handler_t::replace);
    std::string packed;
    packed.reserve(std::char_traits<char>::length(format) + line.size() + 2 + total);
    packed.append(format).append(1, '\n').append(line).append(1, '\n');
    for (const std::string* part : parts)
        packed.append(*part);
    return packed;
}

bool Unpack(const std::string& packed, const char* format, json* head, std::vector<std::string_view>* parts)
{
    const size_t format_size = std::char_traits<char>::length(format);
    if (packed.size() <= format_size || packed.compare(0, format_size, format) != 0 || packed[format_size] != '\n')
        return false;
    const size_t end = packed.find('\n', format_size + 1);
    if (end == std::string::npos)
        return false;
    json line = json::parse(packed.begin() + static_cast<std::ptrdiff_t>(format_size + 1),
                            packed.begin() + static_cast<std::ptrdiff_t>(end), nullptr, false);
    const json* sizes = line.is_object() ? io::Child(line, "sizes") : nullptr;
    if (!sizes || !sizes->is_array())
        return false;
    std::vector<std::string_view> out;
    size_t at = end + 1;
    for (const json& size : *sizes)
    {
        if (!size.is_number_unsigned() || size.get<size_t>() > packed.size() - at)
            return false;
        out.emplace_back(packed.data() + at, size.get<size_t>());
        at += size.get<size_t>();
    }
    if (at != packed.size())
        return false;
    *head = std::move(line);
    *parts = std::move(out);
    return true;
}

std::string WriteSnapshot(const Snapshot& snapshot)
{
    json files = json::array();
    std::vector<const std::string*> parts;
    for (const auto& [path, file] : snapshot.files)
    {
        files.push_back({{"path", path}, {"etag", file.etag}});
        parts.push_back(&file.bytes);
    }
    return Pack(kSnapshotFormat, {{"epoch", snapshot.epoch}, {"generation", snapshot.generation}, {"files", files}},
                parts);
}

bool ReadSnapshot(const std::string& bytes, Snapshot* snapshot)
{
    json head;
    std::vector<std::string_view> parts;
    if (!Unpack(bytes, kSnapshotFormat, &head, &parts))
        return false;
    const json* files = io::Child(head, "files");
    Snapshot out;
    if (!files || !files->is_array() || files->size() != parts.size() || !io::GetString(head, "epoch", &out.epoch) ||
        !io::GetInt(head, "generation", &out.generation))
        return false;
    for (size_t i = 0; i < parts.size(); ++i)
    {
        std::string path, etag;
        if (!io::GetString((*files)[i], "path", &path) || !io::GetString((*files)[i], "etag", &etag) ||
            out.files.count(path))
            return false;
        out.files[path] = {etag, std::string(parts[i])};
    }
    *snapshot = std::move(out);
    return true;
}

std::string ClientToRecord(const Client& client, json head)
{
    std::vector<const std::string*> parts;
    for (const auto& [path, file] : client.synced) // the order of "synced" in the JSON line
        parts.push_back(&file.bytes);
    head["client"] = ClientToJsonWithoutBytes(client);
    return Pack(kRecordFormat, std::move(head), parts);
}

bool ClientFromRecord(const std::string& record, Client* client, json* head)
{
    json top;
    std::vector<std::string_view> parts;
    if (Unpack(record, kRecordFormat, &top, &parts))
    {
        const auto child = [](json* j, const char* key) -> json* {
            if (!j || !j->is_object())
                return nullptr;
            const auto it = j->find(key);
            return it == j->end() ? nullptr : &*it;
        };
        json* synced = child(child(&top, "client"), "synced");
        if (!synced || !synced->is_object() || synced->size() != parts.size())
            return false;
        size_t i = 0;
        for (auto& [path, file] : synced->items())
        {
            if (!file.is_object())
                return false;
            file["bytes"] = std::string(parts[i++]);
        }
        top.erase("sizes");
    }
    else if (record.rfind("{", 0) == 0) // an earlier version's store record: one JSON document
        top = json::parse(record, nullptr, false);
    const json* stored = top.is_object() ? io::Child(top, "client") : nullptr;
    if (!stored || !ClientFromJson(*stored, client))
        return false;
    top.erase("client");
    *head = std::move(top);
    return true;
}
} // namespace datasync
