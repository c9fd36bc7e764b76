// The papers a cluster signs, built from the model and the engine's results: the covenant, the meeting minutes, the
// ballot-count minutes, the award proposal and the score table. Each becomes a docs::Document (then .docx / print
// HTML) and, for figures, spreadsheet sheets (.xlsx). Missing data gives problems naming file and JSON pointer, and
// then no document at all: a half-filled paper is never produced.
#pragma once

#include "core/docs/document.h"
#include "core/model/model.h"

#include <cstdint>
#include <string>
#include <vector>

namespace docs
{
enum class Kind
{
    Covenant,      // giao-uoc-thi-dua --year
    Minutes,       // bien-ban-hoi-nghi --meeting
    BallotMinutes, // bien-ban-kiem-phieu --ballot
    Proposal,      // to-trinh-khen-thuong --year
    ScoreTable,    // bang-tong-hop-diem --year
};

struct KindInfo
{
    Kind kind;
    const char* slug;    // "bien-ban-kiem-phieu": the CLI's KIND and the start of the file name
    const char* name;    // "Biên bản kiểm phiếu"
    const char* option;  // what selects the record: "--year", "--meeting" or "--ballot"
    bool spreadsheet;    // also as .xlsx (score table, ballot tallies)
};
const std::vector<KindInfo>& Kinds();
const KindInfo* FindKind(const std::string& slug);
const KindInfo& InfoOf(Kind kind);

// Choices the decree leaves open, or that a cluster makes differently (see also PageSettings).
struct PaperSettings
{
    PageSettings page;
    // The header block's sizes, at the low end of the decree's ranges so that the national title and the ministry's
    // name fit on one line each beside each other (NĐ 30/2020, Phụ lục I, mục II.1-2).
    int national_title_pt = 12; // "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM": 12-13
    int motto_pt = 13;          // "Độc lập - Tự do - Hạnh phúc": 13-14
    int body_name_pt = 12;      // the superior and the issuing body's names, top left: 12-13
    // "Số: …/BB-CTĐ": the number is given by the clerk (văn thư) when the paper is issued, so a draft keeps a gap.
    std::string number_gap = "…";
    // Abbreviation of the issuing body in the symbol (ký hiệu) "BB-CTĐ". The decree (Phụ lục III) lists the type
    // abbreviations (BB biên bản, TTr tờ trình) but not one for an emulation cluster, which each cluster decides.
    std::string body_symbol = "CTĐ";
    // A covenant is not one of the decree's 29 types and has no standard abbreviation: "" = no number line.
    std::string covenant_symbol;
    std::string signer_title = "GIÁM ĐỐC"; // a covenant signatory whose title is not recorded
    int signatures_per_row = 3;            // covenant signature blocks side by side
    // The date of a proposal (tờ trình), which the data does not hold: "" leaves "ngày … tháng … năm YYYY" to fill in.
    std::string proposal_date;
    // Who the proposal is addressed to; "" = "Bộ trưởng <the cluster's ministry>".
    std::string proposal_recipient;
};

struct Request
{
    Kind kind = Kind::Covenant;
    int32_t year = 0;       // covenant, proposal, score table
    std::string meeting_id; // minutes
    std::string ballot_id;  // ballot-count minutes
};

struct Problem
{
    std::string file;    // "years/2021/results.json" ("" = the request itself)
    std::string pointer; // "/ballots/1/counts"
    std::string message; // Vietnamese, says what is missing
};
std::string FormatProblem(const Problem& p); // "years/2021/results.json:/ballots/1/counts: message"

struct Paper
{
    std::vector<Problem> problems; // not empty: nothing below is filled in
    Document document;
    std::vector<Sheet> sheets;     // spreadsheet kinds only
    std::string file_stem;         // "bien-ban-kiem-phieu-2021-vong-2" (ASCII, no extension)
};

Paper BuildPaper(const model::Dataset& data, const Request& request, const PaperSettings& settings = {});

// "2024-12-15" -> "ngày 15 tháng 12 năm 2024"; days below 10 and the months 1 and 2 get a leading zero
// ("ngày 05 tháng 02 năm 2021"), as NĐ 30/2020 Phụ lục I, mục II.5.b asks. "" when the date is not valid.
std::string VietnameseDate(const std::string& iso);
} // namespace docs
