// The print page from a docs::Document: plain HTML + CSS, no script, no external resources. The page box comes from
// CSS Paged Media (@page size and margin: https://www.w3.org/TR/css-page-3/); header rows repeat on every printed
// page because they sit in <thead> (display: table-header-group, CSS 2.1 §17.2). Fonts: the device's Times New Roman
// or another serif it has, then Noto Sans (the app's own font family) as the last fallback.
#include "core/docs/document.h"

namespace docs
{
namespace
{
const char* AlignCss(Align a)
{
    switch (a)
    {
    case Align::Center: return "center";
    case Align::Right: return "right";
    case Align::Justify: return "justify";
    default: return "left";
    }
}

std::string RunHtml(const Run& r)
{
    std::string text = XmlEscape(r.text);
    std::string out;
    for (char c : text)
        out += c == '\n' ? std::string("<br>") : std::string(1, c);
    std::string style;
    if (r.size_pt)
        style += "font-size:" + std::to_string(r.size_pt) + "pt;";
    if (r.bold)
        style += "font-weight:bold;";
    if (r.italic)
        style += "font-style:italic;";
    if (r.underline)
        style += "text-decoration:underline;";
    return style.empty() ? out : "<span style=\"" + style + "\">" + out + "</span>";
}

std::string ParagraphHtml(const Paragraph& p)
{
    if (p.rule_percent > 0)
        return "<hr style=\"width:" + std::to_string(p.rule_percent) + "%;margin:1pt auto " + std::to_string(p.space_after_pt) +
               "pt auto;border:0;border-top:0.75pt solid #000;\">\n";
    std::string style = std::string("text-align:") + AlignCss(p.align) + ";";
    if (p.size_pt)
        style += "font-size:" + std::to_string(p.size_pt) + "pt;";
    style += "margin:" + std::to_string(p.space_before_pt) + "pt 0 " + std::to_string(p.space_after_pt) + "pt 0;";
    if (p.first_line_mm)
        style += "text-indent:" + std::to_string(p.first_line_mm) + "mm;";
    if (p.keep_with_next)
        style += "break-after:avoid;";
    std::string out = "<p style=\"" + style + "\">";
    for (const Run& r : p.runs)
        out += RunHtml(r);
    if (p.runs.empty())
        out += "&nbsp;";
    return out + "</p>\n";
}

std::string TableHtml(const Table& t)
{
    int total = 0;
    for (int w : t.widths)
        total += w;
    std::string out = std::string("<table class=\"") + (t.borders ? "grid" : "layout") + "\"" +
                      (t.text_pt ? " style=\"--pt:" + std::to_string(t.text_pt) + "pt\"" : std::string()) + "><colgroup>";
    for (int w : t.widths)
        out += "<col style=\"width:" + std::to_string(total > 0 ? 100.0 * w / total : 0).substr(0, 5) + "%\">";
    out += "</colgroup>\n";
    for (size_t r = 0; r < t.rows.size(); ++r)
    {
        const bool head = static_cast<int>(r) < t.header_rows;
        if (r == 0 && head)
            out += "<thead>";
        if (static_cast<int>(r) == t.header_rows)
            out += "<tbody>";
        out += "<tr>";
        for (const Cell& cell : t.rows[r])
        {
            out += head ? "<th" : "<td";
            if (cell.span > 1)
                out += " colspan=\"" + std::to_string(cell.span) + "\"";
            out += ">";
            for (const Paragraph& p : cell.paragraphs)
                out += ParagraphHtml(p);
            out += head ? "</th>" : "</td>";
        }
        out += "</tr>\n";
        if (head && static_cast<int>(r) + 1 == t.header_rows)
            out += "</thead>";
    }
    if (static_cast<int>(t.rows.size()) > t.header_rows)
        out += "</tbody>";
    return out + "</table>\n";
}
} // namespace

std::string ToHtml(const Document& doc, const PageSettings& page)
{
    const std::string size = doc.landscape ? "A4 landscape" : "A4 portrait";
    std::string out = "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + XmlEscape(doc.title) +
                      "</title>\n<style>\n";
    out += "@page { size: " + size + "; margin: " + std::to_string(page.top_mm) + "mm " + std::to_string(page.right_mm) + "mm " +
           std::to_string(page.bottom_mm) + "mm " + std::to_string(page.left_mm) + "mm; }\n";
    out += "body { font-family: '" + XmlEscape(page.font) +
           "', Times, 'Liberation Serif', 'Noto Serif', 'DejaVu Serif', 'Noto Sans', serif; font-size: " +
           std::to_string(page.body_pt) + "pt; line-height: 1.2; color: #000; margin: 0; }\n";
    out += "@media screen { body { max-width: " + std::string(doc.landscape ? "252" : "165") +
           "mm; margin: 12mm auto; padding: 0 8mm; } }\n";
    out += "table { border-collapse: collapse; width: 100%; table-layout: fixed; margin: 0 0 6pt 0; }\n";
    out += "table.grid td, table.grid th { border: 0.75pt solid #000; padding: 2pt 4pt; vertical-align: middle; font-size: var(--pt, " +
           std::to_string(page.table_pt) + "pt); font-weight: normal; }\n";
    out += "table.layout td { vertical-align: top; padding: 0; }\n";
    out += "tr { break-inside: avoid; }\nthead { display: table-header-group; }\np { orphans: 2; widows: 2; }\n";
    out += ".banner { text-align: center; font-weight: bold; font-style: italic; font-size: 11pt; margin: 0 0 6pt 0; }\n";
    out += "</style>\n</head>\n<body>\n";
    if (!doc.banner.empty())
        out += "<p class=\"banner\">" + XmlEscape(doc.banner) + "</p>\n";
    for (const Block& b : doc.blocks)
        out += b.kind == Block::Kind::Table ? TableHtml(b.table) : ParagraphHtml(b.paragraph);
    return out + "</body>\n</html>\n";
}
} // namespace docs
