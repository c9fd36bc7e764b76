#include "core/io/export.h"

#include "core/io/json_read.h"
#include "core/text/text.h"

std::string io::CsvField(const std::string& cell)
{
    // A spreadsheet runs a cell that starts with = + - @ (or TAB/CR before them) as a formula: a leading
    // apostrophe makes it text, and the apostrophe is not shown.
    const std::string value = text::LooksLikeFormula(cell) ? "'" + cell : cell;
    if (value.find_first_of(",\"\r\n") == std::string::npos)
        return value;
    std::string out = "\"";
    for (char c : value)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

namespace
{
// A scoring stage as the column header names it ("self" -> "Tự chấm"): every stage name starts with an ASCII letter.
std::string StageHeader(const std::string& stage)
{
    std::string name = scoring::StageName(stage);
    if (!name.empty() && name[0] >= 'a' && name[0] <= 'z')
        name[0] = static_cast<char>(name[0] - 'a' + 'A');
    return name;
}

std::string OrgName(const model::Dataset& data, const std::string& id)
{
    for (const model::Organization& org : data.organizations)
        if (org.id == id)
            return org.name.empty() ? org.short_name : org.name;
    return id;
}

// Points for a spreadsheet: a dot as decimal separator, so Excel in any locale reads a number.
std::string Number(model::Points hundredths)
{
    std::string text = text::FormatPoints(hundredths);
    for (char& c : text)
        if (c == ',')
            c = '.';
    return text;
}
} // namespace

std::string io::ResultsCsv(const model::Dataset& data, const scoring::YearResult& result)
{
    std::string csv = "\xEF\xBB\xBF"; // UTF-8 byte-order mark: Excel then reads the Vietnamese correctly
    std::vector<std::string> stages;
    if (!result.members.empty())
        for (const scoring::StageTotal& stage : result.members.front().stages)
            stages.push_back(stage.stage);
    csv += "Hạng,Mã đơn vị,Đơn vị";
    for (const std::string& stage : stages)
        csv += ",Tổng (" + StageHeader(stage) + ")";
    csv += ",Tổng xếp hạng,Xếp loại,Phá thế hoà\r\n";
    for (const scoring::MemberResult& m : result.members)
    {
        csv += (m.rank > 0 ? std::to_string(m.rank) : std::string()) + "," + io::CsvField(m.organization_id) + "," + io::CsvField(OrgName(data, m.organization_id));
        for (const scoring::StageTotal& stage : m.stages)
            csv += "," + (stage.has_scores ? Number(stage.total.value) : std::string());
        csv += "," + (m.rank > 0 ? Number(m.ranking_total.value) : std::string()) + "," + io::CsvField(m.rating_label) + "," + io::CsvField(m.tie_broken_by_name) + "\r\n";
    }
    return csv;
}

namespace
{
// A name safe in a file name on any system: ASCII letters, digits, "-", "_", "." (others become "-").
std::string SafeName(const std::string& text)
{
    std::string out;
    for (char c : text)
        out += (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.'
                   ? c
                   : '-';
    return out;
}

// A resource name as Frictionless wants it (lower case, digits, "-", "_", "."): the path without ".json", "/" -> "-".
std::string ResourceName(const std::string& path)
{
    const bool json_file = path.size() > 5 && path.compare(path.size() - 5, 5, ".json") == 0;
    std::string name = SafeName(json_file ? path.substr(0, path.size() - 5) : path);
    for (char& c : name)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return name;
}
} // namespace

std::string io::DataPackageJson(const DataFiles& files, const std::string& created)
{
    auto descriptor_bytes = files.find(kDescriptorPath);
    json descriptor;
    if (descriptor_bytes == files.end() || !ParseJson(descriptor_bytes->second, &descriptor) || !descriptor.is_object())
        return "";
    json package = json::object();
    package["profile"] = "data-package";
    package["format"] = "thidua.datapackage";
    package["schema_version"] = IntOr(descriptor, "schema_version", 1);
    package["name"] = StringOr(descriptor, "name", "");
    package["title"] = StringOr(descriptor, "title", "");
    package["created"] = created;
    json& resources = package["resources"] = json::array();
    const json* listed = Child(descriptor, "resources");
    if (listed && listed->is_array())
        for (const json& listed_res : *listed)
        {
            const std::string path = StringOr(listed_res, "path", "");
            auto file = files.find(path);
            json data;
            if (file == files.end() || !ParseJson(file->second, &data))
                continue;
            json res = listed_res; // path, format, schema_version, writer as datapackage.json has them
            res["name"] = ResourceName(path);
            res["mediatype"] = "application/json";
            res["encoding"] = "utf-8";
            res["bytes"] = static_cast<int64_t>(file->second.size());
            res["data"] = std::move(data);
            resources.push_back(std::move(res));
        }
    return package.dump(2) + "\n";
}

std::string io::DataPackageFileName(const DataFiles& files, const std::string& date)
{
    std::string name;
    auto descriptor_bytes = files.find(kDescriptorPath);
    json descriptor;
    if (descriptor_bytes != files.end() && ParseJson(descriptor_bytes->second, &descriptor))
        name = SafeName(StringOr(descriptor, "name", ""));
    return "thidua-" + (name.empty() ? std::string() : name + "-") + SafeName(date) + ".datapackage.json";
}

std::string io::DataFileName(const std::string& path)
{
    const size_t slash = path.rfind('/');
    return SafeName(slash == std::string::npos ? path : path.substr(slash + 1));
}
