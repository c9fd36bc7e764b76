// Word (.docx) from a docs::Document: WordprocessingML (ECMA-376 Part 1, §17) in an OPC package (Part 2).
// Element order inside pPr, rPr, tblPr, tcPr and sectPr follows the schema's sequences, which Word checks strictly
// ("unreadable content" otherwise); see ECMA-376 Part 1 §17.3.1.26 (pPr), §17.3.2.28 (rPr), §17.4.60 (tblPr),
// §17.4.70 (tcPr), §17.6.17 (sectPr); http://officeopenxml.com/WPparagraphProperties.php summarises them.
#include "core/docs/document.h"
#include "core/docs/zip.h"

#include <cmath>

namespace docs
{
namespace
{
constexpr const char* kXmlHead = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
constexpr const char* kW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr const char* kR = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

// Twentieths of a point ("twips"): 1 mm = 1440 / 25.4 twips. A4 is 11906 x 16838 twips (§17.6.13 pgSz).
int Twips(double mm) { return static_cast<int>(std::lround(mm * 1440.0 / 25.4)); }
constexpr int kA4Short = 11906;
constexpr int kA4Long = 16838;

std::string JcValue(Align a)
{
    switch (a)
    {
    case Align::Center: return "center";
    case Align::Right: return "right";
    case Align::Justify: return "both";
    default: return "left";
    }
}

std::string RunXml(const Run& r, int size_pt)
{
    std::string props;
    if (r.bold)
        props += "<w:b/><w:bCs/>";
    if (r.italic)
        props += "<w:i/><w:iCs/>";
    const int half_points = 2 * (r.size_pt ? r.size_pt : size_pt);
    props += "<w:sz w:val=\"" + std::to_string(half_points) + "\"/><w:szCs w:val=\"" + std::to_string(half_points) + "\"/>";
    if (r.underline)
        props += "<w:u w:val=\"single\"/>";
    std::string out;
    size_t start = 0;
    for (;;)
    {
        const size_t nl = r.text.find('\n', start);
        const std::string piece = r.text.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
        out += "<w:r><w:rPr>" + props + "</w:rPr>";
        if (start > 0)
            out += "<w:br/>";
        out += "<w:t xml:space=\"preserve\">" + XmlEscape(piece) + "</w:t></w:r>";
        if (nl == std::string::npos)
            break;
        start = nl + 1;
    }
    return out;
}

std::string ParagraphXml(const Paragraph& p, int default_pt, int width = 0)
{
    const int size_pt = p.size_pt ? p.size_pt : default_pt;
    std::string out = "<w:p><w:pPr>";
    if (p.rule_percent > 0) // an empty 2 pt paragraph with a bottom border, indented to the line's length
    {
        const int indent = width * (100 - p.rule_percent) / 200;
        return out + "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"000000\"/></w:pBdr>"
                     "<w:spacing w:before=\"0\" w:after=\"" + std::to_string(p.space_after_pt * 20) + "\" w:line=\"80\" w:lineRule=\"exact\"/>"
                     "<w:ind w:left=\"" + std::to_string(indent) + "\" w:right=\"" + std::to_string(indent) + "\"/>"
                     "<w:rPr><w:sz w:val=\"4\"/></w:rPr></w:pPr></w:p>";
    }
    if (p.keep_with_next)
        out += "<w:keepNext/>";
    out += "<w:spacing w:before=\"" + std::to_string(p.space_before_pt * 20) + "\" w:after=\"" +
           std::to_string(p.space_after_pt * 20) + "\"/>";
    if (p.first_line_mm)
        out += "<w:ind w:firstLine=\"" + std::to_string(Twips(p.first_line_mm)) + "\"/>";
    out += "<w:jc w:val=\"" + JcValue(p.align) + "\"/>";
    out += "<w:rPr><w:sz w:val=\"" + std::to_string(2 * size_pt) + "\"/></w:rPr></w:pPr>";
    for (const Run& r : p.runs)
        out += RunXml(r, size_pt);
    return out + "</w:p>";
}

std::string TableXml(const Table& t, int text_width, int table_pt, int body_pt)
{
    int total = 0;
    for (int w : t.widths)
        total += w;
    std::vector<int> cols;
    for (int w : t.widths)
        cols.push_back(total > 0 ? text_width * w / total : 0);
    std::string out = "<w:tbl><w:tblPr><w:tblW w:w=\"" + std::to_string(text_width) + "\" w:type=\"dxa\"/>";
    out += "<w:jc w:val=\"center\"/>";
    if (t.borders)
    {
        out += "<w:tblBorders>";
        for (const char* side : {"top", "left", "bottom", "right", "insideH", "insideV"})
            out += std::string("<w:") + side + " w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>";
        out += "</w:tblBorders>";
    }
    out += "<w:tblLayout w:type=\"fixed\"/>";
    out += "<w:tblCellMar><w:left w:w=\"85\" w:type=\"dxa\"/><w:right w:w=\"85\" w:type=\"dxa\"/></w:tblCellMar>";
    out += "<w:tblLook w:val=\"0000\"/></w:tblPr><w:tblGrid>";
    for (int c : cols)
        out += "<w:gridCol w:w=\"" + std::to_string(c) + "\"/>";
    out += "</w:tblGrid>";
    for (size_t r = 0; r < t.rows.size(); ++r)
    {
        out += "<w:tr><w:trPr><w:cantSplit/>";
        if (static_cast<int>(r) < t.header_rows)
            out += "<w:tblHeader/>";
        out += "</w:trPr>";
        size_t col = 0;
        for (const Cell& cell : t.rows[r])
        {
            int width = 0;
            for (int k = 0; k < cell.span && col + k < cols.size(); ++k)
                width += cols[col + k];
            col += cell.span;
            out += "<w:tc><w:tcPr><w:tcW w:w=\"" + std::to_string(width) + "\" w:type=\"dxa\"/>";
            if (cell.span > 1)
                out += "<w:gridSpan w:val=\"" + std::to_string(cell.span) + "\"/>";
            out += "<w:vAlign w:val=\"" + std::string(t.borders ? "center" : "top") + "\"/></w:tcPr>";
            for (Paragraph p : cell.paragraphs)
            {
                // Word keeps a row with the next one when its paragraphs are "keep with next": a header row never
                // ends a page alone.
                if (static_cast<int>(r) < t.header_rows)
                    p.keep_with_next = true;
                out += ParagraphXml(p, t.text_pt ? t.text_pt : t.borders ? table_pt : body_pt, width - 170);
            }
            if (cell.paragraphs.empty())
                out += "<w:p/>";
            out += "</w:tc>";
        }
        out += "</w:tr>";
    }
    return out + "</w:tbl>";
}

// The page header: the synthetic-data banner (if any) and, on pages after the first, the page number.
std::string HeaderXml(const std::string& banner, bool page_number, int body_pt)
{
    std::string out = std::string(kXmlHead) + "<w:hdr xmlns:w=\"" + kW + "\" xmlns:r=\"" + kR + "\">";
    if (!banner.empty())
    {
        Paragraph p = Para(banner, Align::Center, true, true);
        p.size_pt = 11;
        p.space_after_pt = 0;
        out += ParagraphXml(p, 11);
    }
    out += "<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr>";
    if (page_number)
        out += "<w:fldSimple w:instr=\" PAGE \"><w:r><w:rPr><w:sz w:val=\"" + std::to_string(2 * body_pt) +
               "\"/></w:rPr><w:t>2</w:t></w:r></w:fldSimple>";
    return out + "</w:p></w:hdr>";
}

std::string StylesXml(const PageSettings& page)
{
    const std::string font = XmlEscape(page.font);
    const std::string sz = std::to_string(2 * page.body_pt);
    return std::string(kXmlHead) + "<w:styles xmlns:w=\"" + kW + "\">" +
           "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"" + font + "\" w:hAnsi=\"" + font + "\" w:eastAsia=\"" +
           font + "\" w:cs=\"" + font + "\"/><w:sz w:val=\"" + sz + "\"/><w:szCs w:val=\"" + sz +
           "\"/><w:lang w:val=\"vi-VN\" w:eastAsia=\"vi-VN\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>" +
           "<w:pPrDefault><w:pPr><w:spacing w:after=\"0\" w:line=\"264\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>" +
           "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>" +
           "<w:style w:type=\"paragraph\" w:styleId=\"Header\"><w:name w:val=\"header\"/><w:basedOn w:val=\"Normal\"/></w:style>" +
           "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>" +
           "<w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/>" +
           "<w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/>" +
           "</w:tblCellMar></w:tblPr></w:style></w:styles>";
}
} // namespace

std::string ToDocx(const Document& doc, const PageSettings& page)
{
    const int page_w = doc.landscape ? kA4Long : kA4Short;
    const int page_h = doc.landscape ? kA4Short : kA4Long;
    const int text_width = page_w - Twips(page.left_mm) - Twips(page.right_mm);

    std::string body = std::string(kXmlHead) + "<w:document xmlns:w=\"" + kW + "\" xmlns:r=\"" + kR + "\"><w:body>";
    for (const Block& b : doc.blocks)
    {
        body += b.kind == Block::Kind::Table ? TableXml(b.table, text_width, page.table_pt, page.body_pt)
                                             : ParagraphXml(b.paragraph, page.body_pt, text_width);
        // Two tables with nothing between them become one in Word: a 6 pt gap after every bordered table.
        if (b.kind == Block::Kind::Table && b.table.borders)
            body += "<w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"120\" w:lineRule=\"exact\"/>"
                    "<w:rPr><w:sz w:val=\"12\"/></w:rPr></w:pPr></w:p>";
    }
    if (doc.blocks.empty() || doc.blocks.back().kind == Block::Kind::Table)
        body += "<w:p/>"; // Word ends a body with a paragraph, never a table
    body += "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rIdHeaderPages\"/>"
            "<w:headerReference w:type=\"first\" r:id=\"rIdHeaderFirst\"/>";
    body += "<w:pgSz w:w=\"" + std::to_string(page_w) + "\" w:h=\"" + std::to_string(page_h) + "\"" +
            (doc.landscape ? " w:orient=\"landscape\"" : "") + "/>";
    body += "<w:pgMar w:top=\"" + std::to_string(Twips(page.top_mm)) + "\" w:right=\"" + std::to_string(Twips(page.right_mm)) +
            "\" w:bottom=\"" + std::to_string(Twips(page.bottom_mm)) + "\" w:left=\"" + std::to_string(Twips(page.left_mm)) +
            "\" w:header=\"" + std::to_string(Twips(8)) + "\" w:footer=\"" + std::to_string(Twips(8)) + "\" w:gutter=\"0\"/>";
    body += "<w:titlePg/></w:sectPr></w:body></w:document>";

    const std::string content_types =
        std::string(kXmlHead) +
        "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
        "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
        "<Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>"
        "<Override PartName=\"/word/header1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>"
        "<Override PartName=\"/word/header2.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>"
        "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
        "</Types>";
    const std::string package_rels =
        std::string(kXmlHead) +
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
        "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
        "</Relationships>";
    const std::string document_rels =
        std::string(kXmlHead) +
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        "<Relationship Id=\"rIdStyles\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
        "<Relationship Id=\"rIdSettings\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings\" Target=\"settings.xml\"/>"
        "<Relationship Id=\"rIdHeaderPages\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/header\" Target=\"header1.xml\"/>"
        "<Relationship Id=\"rIdHeaderFirst\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/header\" Target=\"header2.xml\"/>"
        "</Relationships>";
    const std::string settings = std::string(kXmlHead) + "<w:settings xmlns:w=\"" + kW +
                                 "\"><w:defaultTabStop w:val=\"720\"/><w:characterSpacingControl w:val=\"doNotCompress\"/>"
                                 "<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>"
                                 "</w:settings>";
    const std::string core = std::string(kXmlHead) +
                             "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
                             "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>" +
                             XmlEscape(doc.title) + "</dc:title><dc:creator>Thidua</dc:creator><dc:language>vi-VN</dc:language></cp:coreProperties>";
    return Zip({
        {"[Content_Types].xml", content_types},
        {"_rels/.rels", package_rels},
        {"word/document.xml", body},
        {"word/_rels/document.xml.rels", document_rels},
        {"word/styles.xml", StylesXml(page)},
        {"word/settings.xml", settings},
        {"word/header1.xml", HeaderXml(doc.banner, true, page.body_pt)},
        {"word/header2.xml", HeaderXml(doc.banner, false, page.body_pt)},
        {"docProps/core.xml", core},
    });
}
} // namespace docs
