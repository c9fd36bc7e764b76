// Excel (.xlsx) from docs::Sheet tables: SpreadsheetML (ECMA-376 Part 1, §18) in an OPC package. Numbers are
// written as numeric cells (<c><v>97.58</v></c>, always with a dot: the file format is locale-free, and Excel shows
// "97,58" when its decimal sign is a comma). Text uses inline strings (t="inlineStr", §18.3.1.4), so no shared
// string table is needed. Styles (§18.8): 0 plain, 1 bold header with borders, 2 number "0", 3 number "0.00".
#include "core/docs/document.h"
#include "core/docs/zip.h"

#include <cmath>
#include <cstdio>

namespace docs
{
namespace
{
constexpr const char* kXmlHead = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

std::string ColumnName(size_t index) // 0 -> A, 25 -> Z, 26 -> AA
{
    std::string name;
    for (size_t n = index + 1; n > 0; n = (n - 1) / 26)
        name.insert(name.begin(), static_cast<char>('A' + (n - 1) % 26));
    return name;
}

std::string NumberText(double v, int decimals)
{
    char buf[64];
    // Round to the shown decimals so the stored value equals the figure the engine computed (hundredths).
    std::snprintf(buf, sizeof buf, "%.*f", decimals > 0 ? decimals : 0, v);
    std::string s = buf;
    if (s.find('.') != std::string::npos)
    {
        while (s.back() == '0')
            s.pop_back();
        if (s.back() == '.')
            s.pop_back();
    }
    return s == "-0" ? "0" : s;
}

std::string SheetXml(const Sheet& sheet)
{
    std::string out = std::string(kXmlHead) +
                      "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">";
    if (sheet.header_row >= 0)
        out += "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"" + std::to_string(sheet.header_row + 1) +
               "\" topLeftCell=\"A" + std::to_string(sheet.header_row + 2) +
               "\" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>";
    if (!sheet.widths.empty())
    {
        out += "<cols>";
        for (size_t i = 0; i < sheet.widths.size(); ++i)
            out += "<col min=\"" + std::to_string(i + 1) + "\" max=\"" + std::to_string(i + 1) + "\" width=\"" +
                   std::to_string(sheet.widths[i]) + "\" customWidth=\"1\"/>";
        out += "</cols>";
    }
    out += "<sheetData>";
    for (size_t r = 0; r < sheet.rows.size(); ++r)
    {
        out += "<row r=\"" + std::to_string(r + 1) + "\">";
        for (size_t c = 0; c < sheet.rows[r].size(); ++c)
        {
            const SheetCell& cell = sheet.rows[r][c];
            const std::string ref = ColumnName(c) + std::to_string(r + 1);
            const bool header = static_cast<int>(r) == sheet.header_row;
            if (cell.is_number)
                out += "<c r=\"" + ref + "\" s=\"" + std::string(cell.decimals > 0 ? "3" : "2") + "\"><v>" +
                       NumberText(cell.number, cell.decimals) + "</v></c>";
            else if (!cell.text.empty())
                out += "<c r=\"" + ref + "\" t=\"inlineStr\"" + (header || cell.bold ? " s=\"1\"" : "") + "><is><t xml:space=\"preserve\">" +
                       XmlEscape(cell.text) + "</t></is></c>";
        }
        out += "</row>";
    }
    out += "</sheetData>";
    out += "<pageMargins left=\"0.6\" right=\"0.6\" top=\"0.8\" bottom=\"0.8\" header=\"0.3\" footer=\"0.3\"/>";
    out += "<pageSetup paperSize=\"9\" orientation=\"landscape\"/>"; // 9 = A4 (§18.3.1.63)
    return out + "</worksheet>";
}

// A sheet name Excel accepts: at most 31 characters (counted in UTF-8 code points), none of : \ / ? * [ ].
std::string SheetName(const std::string& name, size_t index)
{
    std::string out;
    size_t points = 0;
    for (size_t i = 0; i < name.size(); ++i)
    {
        const unsigned char c = static_cast<unsigned char>(name[i]);
        if ((c & 0xC0) != 0x80 && ++points > 31)
            break;
        out += std::string(":\\/?*[]").find(name[i]) == std::string::npos ? name[i] : '-';
    }
    return out.empty() ? "Sheet" + std::to_string(index + 1) : out;
}
} // namespace

std::string ToXlsx(const std::vector<Sheet>& sheets)
{
    std::string types = std::string(kXmlHead) +
                        "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                        "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                        "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                        "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                        "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>";
    std::string workbook = std::string(kXmlHead) +
                           "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                           "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>";
    std::string workbook_rels = std::string(kXmlHead) +
                                "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                                "<Relationship Id=\"rIdStyles\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>";
    std::vector<ZipEntry> sheet_entries;
    for (size_t i = 0; i < sheets.size(); ++i)
    {
        const std::string n = std::to_string(i + 1);
        types += "<Override PartName=\"/xl/worksheets/sheet" + n +
                 ".xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>";
        workbook += "<sheet name=\"" + XmlEscape(SheetName(sheets[i].name, i)) + "\" sheetId=\"" + n + "\" r:id=\"rId" + n + "\"/>";
        workbook_rels += "<Relationship Id=\"rId" + n +
                         "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet" +
                         n + ".xml\"/>";
        sheet_entries.push_back({"xl/worksheets/sheet" + n + ".xml", SheetXml(sheets[i])});
    }
    types += "</Types>";
    workbook += "</sheets></workbook>";
    workbook_rels += "</Relationships>";
    const std::string styles =
        std::string(kXmlHead) +
        "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
        "<fonts count=\"2\"><font><sz val=\"12\"/><name val=\"Times New Roman\"/></font>"
        "<font><b/><sz val=\"12\"/><name val=\"Times New Roman\"/></font></fonts>"
        "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
        "<borders count=\"2\"><border><left/><right/><top/><bottom/><diagonal/></border>"
        "<border><left style=\"thin\"/><right style=\"thin\"/><top style=\"thin\"/><bottom style=\"thin\"/><diagonal/></border></borders>"
        "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        "<cellXfs count=\"4\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyFont=\"1\" applyBorder=\"1\" applyAlignment=\"1\"><alignment wrapText=\"1\" vertical=\"center\"/></xf>"
        "<xf numFmtId=\"1\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        "<xf numFmtId=\"2\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/></cellXfs>"
        "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        "</styleSheet>";
    std::vector<ZipEntry> entries = {
        {"[Content_Types].xml", types},
        {"_rels/.rels", std::string(kXmlHead) +
                            "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                            "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
                            "</Relationships>"},
        {"xl/workbook.xml", workbook},
        {"xl/_rels/workbook.xml.rels", workbook_rels},
        {"xl/styles.xml", styles},
    };
    for (ZipEntry& e : sheet_entries)
        entries.push_back(std::move(e));
    return Zip(entries);
}
} // namespace docs
