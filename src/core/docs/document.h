// A printed administrative document as plain data (paragraphs, tables, a header block, signature blocks), and its
// three renderings: Word (.docx, Office Open XML), a print-ready HTML page, and a spreadsheet (.xlsx) for tables of
// figures. Pure functions, bytes out: the browser, the CLI and the tests produce the same bytes.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace docs
{
// Layout settings where Nghị định 30/2020/NĐ-CP gives a range or leaves a choice (Phụ lục I, mục II "Kỹ thuật trình
// bày": A4, lề trên/dưới 20-25 mm, lề trái 30-35 mm, lề phải 15-20 mm, chữ Times New Roman, cỡ 13-14 cho nội dung);
// https://thuvienphapluat.vn/van-ban/Bo-may-hanh-chinh/Nghi-dinh-30-2020-ND-CP-cong-tac-van-thu-430401.aspx
// The defaults take the lower end of each range; a cluster that wants the other end changes them here.
struct PageSettings
{
    int top_mm = 20;
    int bottom_mm = 20;
    int left_mm = 30;
    int right_mm = 15;
    int body_pt = 14;        // 13 or 14
    int table_pt = 12;       // text inside tables (the decree leaves tables free; 12 keeps wide tables readable)
    std::string font = "Times New Roman";
};

enum class Align
{
    Left,
    Center,
    Right,
    Justify,
};

struct Run
{
    std::string text; // UTF-8 (NFC); "\n" is a line break inside the paragraph
    bool bold = false;
    bool italic = false;
    bool underline = false;
    int size_pt = 0; // 0 = the paragraph's size
};

struct Paragraph
{
    std::vector<Run> runs;
    Align align = Align::Justify;
    int size_pt = 0;          // 0 = body size (table_pt inside tables)
    int space_before_pt = 0;
    int space_after_pt = 6;
    int first_line_mm = 0;    // first-line indent (the decree: 1-1.27 cm for body paragraphs)
    bool keep_with_next = false;
    int rule_percent = 0;     // > 0: no text, a centred solid line this wide (percent of the column), e.g. under
                              // the issuing body's name ("đường kẻ ngang, nét liền, độ dài 1/3 - 1/2 dòng chữ")
};

struct Cell
{
    std::vector<Paragraph> paragraphs;
    int span = 1; // columns this cell covers
};

struct Table
{
    std::vector<int> widths;           // relative column widths (any unit; scaled to the text width)
    std::vector<std::vector<Cell>> rows;
    int header_rows = 0;               // repeated at the top of every page
    bool borders = true;               // false: a layout table (header block, signature blocks)
    int text_pt = 0;                   // 0 = PageSettings::table_pt (bordered) or body_pt (layout)
};

struct Block
{
    enum class Kind
    {
        Paragraph,
        Table,
    };
    Kind kind = Kind::Paragraph;
    Paragraph paragraph;
    Table table;
};

struct Document
{
    std::string title;          // trích yếu, for the file's properties and the HTML <title>
    bool landscape = false;
    std::string banner;         // a line on top of every page ("" = none): synthetic data is marked here
    std::vector<Block> blocks;
};

// Helpers for building documents.
Paragraph Para(const std::string& text, Align align = Align::Justify, bool bold = false, bool italic = false);
Block ParaBlock(Paragraph p);
Block TableBlock(Table t);
Cell TextCell(const std::string& text, Align align = Align::Left, bool bold = false);

// Word 2007+ (.docx): styles, A4 page and margins, page numbers centred in the top margin from page 2 on (the decree:
// "số trang ... đặt canh giữa theo chiều ngang trong phần lề trên", not on the first page), tables with borders and
// repeating header rows.
std::string ToDocx(const Document& doc, const PageSettings& page);

// A print-ready HTML page: its own @page size and margins, the device's Times New Roman (or a serif it has), Noto
// Sans as the last fallback, header rows repeated on every printed page. No script, no external resources.
std::string ToHtml(const Document& doc, const PageSettings& page);

// ---- spreadsheets --------------------------------------------------------------------------------------------------

struct SheetCell
{
    std::string text;     // shown when !is_number
    double number = 0;
    bool is_number = false;
    int decimals = 0;     // number format: 0 -> "0", 2 -> "0.00" (the reader's locale picks the decimal sign)
    bool bold = false;
};

struct Sheet
{
    std::string name;                       // at most 31 characters, none of : \ / ? * [ ]
    std::vector<int> widths;                // column widths in characters
    std::vector<std::vector<SheetCell>> rows;
    int header_row = -1;                    // row index of the column headers (bold, bordered, frozen below)
};

SheetCell TextValue(const std::string& text, bool bold = false);
SheetCell NumberValue(double value, int decimals = 0);

// Excel 2007+ (.xlsx): numbers stored as numbers (not text), inline strings, one worksheet per Sheet.
std::string ToXlsx(const std::vector<Sheet>& sheets);

// Text escaped for XML and HTML content and attribute values (& < > " ').
std::string XmlEscape(const std::string& text);
} // namespace docs
