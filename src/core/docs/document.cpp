// Small builders shared by the papers, and XML escaping shared by the three renderers (see document.h).
#include "core/docs/document.h"

docs::Paragraph docs::Para(const std::string& text, Align align, bool bold, bool italic)
{
    Paragraph p;
    p.align = align;
    Run r;
    r.text = text;
    r.bold = bold;
    r.italic = italic;
    p.runs.push_back(r);
    return p;
}

docs::Block docs::ParaBlock(Paragraph p)
{
    Block b;
    b.kind = Block::Kind::Paragraph;
    b.paragraph = std::move(p);
    return b;
}

docs::Block docs::TableBlock(Table t)
{
    Block b;
    b.kind = Block::Kind::Table;
    b.table = std::move(t);
    return b;
}

docs::Cell docs::TextCell(const std::string& text, Align align, bool bold)
{
    Cell c;
    Paragraph p = Para(text, align, bold);
    p.space_after_pt = 0;
    c.paragraphs.push_back(p);
    return c;
}

docs::SheetCell docs::TextValue(const std::string& text, bool bold)
{
    SheetCell c;
    c.text = text;
    c.bold = bold;
    return c;
}

docs::SheetCell docs::NumberValue(double value, int decimals)
{
    SheetCell c;
    c.number = value;
    c.is_number = true;
    c.decimals = decimals;
    return c;
}

std::string docs::XmlEscape(const std::string& text)
{
    std::string out;
    out.reserve(text.size());
    for (char c : text)
        switch (c)
        {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default:
            // Control characters are not allowed in XML 1.0 (except TAB, LF, CR): dropped.
            if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n' || c == '\r')
                out += c;
        }
    return out;
}
