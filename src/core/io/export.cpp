#include "core/io/export.h"

#include "core/text/text.h"

namespace
{
// A CSV field: quoted when it holds a comma, a quote or a line break (quotes doubled).
std::string Field(const std::string& value)
{
    if (value.find_first_of(",\"\r\n") == std::string::npos)
        return value;
    std::string out = "\"";
    for (char c : value)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
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
        csv += ",Tổng (" + stage + ")";
    csv += ",Tổng xếp hạng,Xếp loại,Phá thế hoà\r\n";
    for (const scoring::MemberResult& m : result.members)
    {
        csv += std::to_string(m.rank) + "," + Field(m.organization_id) + "," + Field(OrgName(data, m.organization_id));
        for (const scoring::StageTotal& stage : m.stages)
            csv += "," + (stage.has_scores ? Number(stage.total.value) : std::string());
        csv += "," + Number(m.ranking_total.value) + "," + Field(m.rating_label) + "," + Field(m.tie_broken_by) + "\r\n";
    }
    return csv;
}
