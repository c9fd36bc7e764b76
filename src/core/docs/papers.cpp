// The five papers from the model (see papers.h). Figures come from the engine (scoring::ComputeYear), never
// recomputed here; numbers are written the Vietnamese way (97,58) through text::FormatNumber / FormatPoints.
//
// Index of this file:
// [SECTION] lookups and formatting
// [SECTION] the parts every paper shares: header block, title, recipients and signatures
// [SECTION] giao ước thi đua (covenant)
// [SECTION] biên bản hội nghị (minutes)
// [SECTION] biên bản kiểm phiếu (ballot-count minutes)
// [SECTION] tờ trình đề nghị khen thưởng (proposal)
// [SECTION] bảng tổng hợp kết quả chấm điểm (score table)
// [SECTION] BuildPaper
//
// The administrative format follows Nghị định 30/2020/NĐ-CP về công tác văn thư, Phụ lục I (thể thức và kỹ thuật
// trình bày văn bản hành chính) and Phụ lục III (viết tắt tên loại văn bản):
// https://thuvienphapluat.vn/van-ban/Bo-may-hanh-chinh/Nghi-dinh-30-2020-ND-CP-cong-tac-van-thu-430401.aspx
#include "core/docs/papers.h"

#include "core/scoring/scoring.h"
#include "core/text/text.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace docs
{
namespace
{
// ---- [SECTION] lookups and formatting ------------------------------------------------------------------------

const char* const kNoScoreYet = "Chưa có điểm"; // a unit with no score at the ranking stage: not ranked, not rated

const model::Organization* FindOrg(const model::Dataset& data, const std::string& id)
{
    for (const model::Organization& o : data.organizations)
        if (o.id == id)
            return &o;
    return nullptr;
}

std::string OrgShort(const model::Dataset& data, const std::string& id)
{
    const model::Organization* o = FindOrg(data, id);
    if (!o)
        return id;
    return o->short_name.empty() ? o->name : o->short_name;
}

std::string OrgFull(const model::Dataset& data, const std::string& id)
{
    const model::Organization* o = FindOrg(data, id);
    if (!o)
        return id;
    return o->name.empty() ? o->short_name : o->name;
}

const model::Person* FindPerson(const model::Dataset& data, const std::string& id)
{
    for (const model::Person& p : data.people)
        if (!id.empty() && p.id == id)
            return &p;
    return nullptr;
}

// Upper case for Vietnamese: ASCII plus the precomposed Latin letters with diacritics (NFC text). The letters of
// Latin-1 Supplement, Latin Extended-A/B and Extended Additional (U+1EA0-U+1EF9) pair lower/upper as listed below.
std::string Upper(const std::string& s)
{
    std::string out;
    for (size_t i = 0; i < s.size();)
    {
        unsigned char c = static_cast<unsigned char>(s[i]);
        uint32_t cp = 0;
        size_t len = 1;
        if (c < 0x80)
            cp = c;
        else if ((c >> 5) == 6 && i + 1 < s.size())
            cp = ((c & 0x1f) << 6) | (s[i + 1] & 0x3f), len = 2;
        else if ((c >> 4) == 14 && i + 2 < s.size())
            cp = ((c & 0x0f) << 12) | ((s[i + 1] & 0x3f) << 6) | (s[i + 2] & 0x3f), len = 3;
        else
        {
            out += s.substr(i, 1);
            ++i;
            continue;
        }
        if (cp >= 'a' && cp <= 'z')
            cp -= 32;
        else if (cp >= 0xe0 && cp <= 0xfe && cp != 0xf7)
            cp -= 32;
        else if ((cp >= 0x100 && cp <= 0x17f && cp != 0x131 && cp != 0x138 && cp != 0x149 && cp != 0x17f) &&
                 ((cp <= 0x137 && (cp & 1)) || (cp >= 0x139 && cp <= 0x148 && !(cp & 1)) || (cp >= 0x14a && cp <= 0x177 && (cp & 1)) ||
                  (cp >= 0x179 && cp <= 0x17e && !(cp & 1))))
            cp -= 1;
        else if (cp == 0x1a1 || cp == 0x1b0) // ơ ư
            cp -= 1;
        else if (cp >= 0x1ea0 && cp <= 0x1ef9 && (cp & 1))
            cp -= 1;
        if (cp < 0x80)
            out += static_cast<char>(cp);
        else if (cp < 0x800)
        {
            out += static_cast<char>(0xc0 | (cp >> 6));
            out += static_cast<char>(0x80 | (cp & 0x3f));
        }
        else
        {
            out += static_cast<char>(0xe0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
            out += static_cast<char>(0x80 | (cp & 0x3f));
        }
        i += len;
    }
    return out;
}

std::string Points(model::Points v) { return text::FormatPoints(v); }
std::string Percent(double p) { return text::FormatPercent(p, 2, text::NumberStyle::Vietnamese); }
std::string TwoDigits(int v)
{
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d", v);
    return buf;
}

// The place of a date line: the province or city of the body's seat, without "Tỉnh"/"Thành phố" (NĐ 30/2020,
// Phụ lục I, mục II.5.a: "tên gọi chính thức của đơn vị hành chính cấp tỉnh" for bodies at provincial level).
std::string PlaceOf(const model::Dataset& data, const std::string& org_id)
{
    const model::Organization* org = FindOrg(data, org_id);
    if (!org)
        return "";
    for (const model::Area& a : data.areas)
        if (a.id == org->area_id)
        {
            for (const char* prefix : {"Thành phố ", "Tỉnh ", "thành phố ", "tỉnh "})
                if (a.name.rfind(prefix, 0) == 0)
                    return a.name.substr(std::string(prefix).size());
            return a.name;
        }
    return "";
}

// "08:30" -> "08 giờ 30 phút"; "" when not HH:MM.
std::string VietnameseTime(const std::string& hhmm)
{
    if (hhmm.size() != 5 || hhmm[2] != ':')
        return "";
    return hhmm.substr(0, 2) + " giờ " + hhmm.substr(3, 2) + " phút";
}

const model::YearFile* FindYear(const model::Dataset& data, int32_t year)
{
    for (const model::YearFile& y : data.years)
        if (y.year.year == year)
            return &y;
    return nullptr;
}

const model::YearFile* FindYearById(const model::Dataset& data, const std::string& id)
{
    for (const model::YearFile& y : data.years)
        if (y.year.id == id)
            return &y;
    return nullptr;
}

const model::Meeting* FindMeeting(const model::Dataset& data, const std::string& id)
{
    for (const model::Meeting& m : data.meetings)
        if (m.id == id)
            return &m;
    return nullptr;
}

// The file a record was loaded from (kind + index in its vector); nullptr when not known.
const model::FileInfo* FileOf(const model::Dataset& data, model::FileKind kind, size_t index)
{
    for (const model::FileInfo& f : data.files)
        if (f.kind == kind && f.index == static_cast<int32_t>(index) && f.loaded)
            return &f;
    return nullptr;
}

std::string PathOf(const model::Dataset& data, model::FileKind kind, size_t index, const std::string& fallback)
{
    const model::FileInfo* f = FileOf(data, kind, index);
    return f ? f->path : fallback;
}

std::string YearPath(int32_t year, const char* file) { return "years/" + std::to_string(year) + "/" + file; }

std::string AwardName(const std::string& type)
{
    if (type == "co_thi_dua_bo")
        return "Cờ thi đua của Bộ";
    if (type == "bang_khen_bo_truong")
        return "Bằng khen của Bộ trưởng";
    if (type == "co_thi_dua_chinh_phu")
        return "Cờ thi đua của Chính phủ";
    if (type == "bang_khen_thu_tuong")
        return "Bằng khen của Thủ tướng Chính phủ";
    return type;
}

std::string MotionName(const std::string& motion)
{
    if (motion == "honour_leader")
        return "suy tôn đơn vị dẫn đầu";
    if (motion == "propose_certificate")
        return "đề nghị tặng Bằng khen";
    return motion;
}

std::string BaseName(const std::string& base)
{
    if (base == "members_present")
        return "số đơn vị có mặt";
    if (base == "ballots_valid")
        return "số phiếu hợp lệ";
    return "tổng số đơn vị thành viên";
}

// Everything one paper needs to know about its cluster and year.
struct Context
{
    const model::Dataset* data = nullptr;
    const PaperSettings* settings = nullptr;
    std::string ministry;   // "Bộ Tài nguyên và Môi trường" (the cluster's parent body on the paper's date)
    std::string cluster;    // "Cụm thi đua số I"
    bool synthetic = false; // a file the paper draws from holds invented data
};

Context MakeContext(const model::Dataset& data, const PaperSettings& settings, const std::string& date)
{
    Context c;
    c.data = &data;
    c.settings = &settings;
    const std::string cluster_org = data.cluster.cluster.organization_id;
    const model::Organization* org = FindOrg(data, cluster_org);
    c.cluster = org ? (org->short_name.empty() ? org->name : org->short_name) : data.cluster.cluster.name;
    // A ministry dissolved before the paper's date (the 2025 merger) is named by its successor.
    const model::Organization* parent = scoring::ParentBodyOn(data, date);
    c.ministry = parent ? parent->name : "";
    return c;
}

void MarkSynthetic(Context& c, model::FileKind kind, size_t index)
{
    const model::FileInfo* f = FileOf(*c.data, kind, index);
    if (f && f->synthetic)
        c.synthetic = true;
}

// ---- [SECTION] the parts every paper shares: header block, title, recipients and signatures --------------------

Paragraph Tight(const std::string& s, Align a = Align::Center, bool bold = false, bool italic = false, int pt = 0)
{
    Paragraph p = Para(s, a, bold, italic);
    p.space_after_pt = 0;
    p.size_pt = pt;
    return p;
}

Paragraph Rule(int percent, int after_pt = 6)
{
    Paragraph p;
    p.rule_percent = percent;
    p.space_after_pt = after_pt;
    return p;
}

// The top of the page (NĐ 30/2020, Phụ lục I, mục II.1-5 and the layout "Sơ đồ bố trí các thành phần thể thức"):
// left, the superior body (upper case) and the issuing body (upper case, bold, a short rule below) and "Số: …";
// right, the national title (upper case, bold), the motto (bold, a rule as long as the motto: here its underline)
// and the place and date (italic).
Block HeaderBlock(const Context& c, const std::string& type_symbol, const std::string& place, const std::string& date_text)
{
    const PaperSettings& s = *c.settings;
    Table t;
    t.borders = false;
    t.widths = {42, 58};
    Cell left, right;
    if (!c.ministry.empty())
        left.paragraphs.push_back(Tight(Upper(c.ministry), Align::Center, false, false, s.body_name_pt));
    left.paragraphs.push_back(Tight(Upper(c.cluster), Align::Center, true, false, s.body_name_pt));
    left.paragraphs.push_back(Rule(35));
    if (!type_symbol.empty())
        left.paragraphs.push_back(Tight("Số: " + s.number_gap + "/" + type_symbol + "-" + s.body_symbol, Align::Center, false,
                                        false, s.body_name_pt));
    right.paragraphs.push_back(Tight("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", Align::Center, true, false, s.national_title_pt));
    Paragraph motto = Tight("Độc lập - Tự do - Hạnh phúc", Align::Center, true, false, s.motto_pt);
    motto.runs[0].underline = true;
    motto.space_after_pt = 6;
    right.paragraphs.push_back(motto);
    right.paragraphs.push_back(Tight((place.empty() ? std::string("……") : place) + ", " + date_text, Align::Center, false, true,
                                     s.page.body_pt));
    t.rows.push_back({left, right});
    return TableBlock(t);
}

void AddTitle(Document& doc, const std::string& type_caps, const std::string& subject)
{
    Paragraph type = Tight(type_caps, Align::Center, true);
    type.space_before_pt = 18;
    doc.blocks.push_back(ParaBlock(type));
    for (size_t start = 0; start <= subject.size();)
    {
        size_t nl = subject.find('\n', start);
        Paragraph p = Tight(subject.substr(start, nl == std::string::npos ? std::string::npos : nl - start), Align::Center, true);
        doc.blocks.push_back(ParaBlock(p));
        if (nl == std::string::npos)
            break;
        start = nl + 1;
    }
    doc.blocks.push_back(ParaBlock(Rule(25, 12)));
}

void AddBody(Document& doc, const std::string& s, bool bold = false, bool italic = false)
{
    Paragraph p = Para(s, Align::Justify, bold, italic);
    p.first_line_mm = 10; // "lùi đầu dòng từ 1 cm đến 1,27 cm" (Phụ lục I, mục II.7)
    p.space_after_pt = 6;
    doc.blocks.push_back(ParaBlock(p));
}

void AddHeading(Document& doc, const std::string& s)
{
    Paragraph p = Para(s, Align::Justify, true);
    p.first_line_mm = 10;
    p.space_before_pt = 6;
    p.space_after_pt = 6;
    p.keep_with_next = true;
    doc.blocks.push_back(ParaBlock(p));
}

struct Signature
{
    std::string on_behalf; // "TM. CỤM THI ĐUA SỐ I" ("" = none)
    std::string position;  // "CỤM TRƯỞNG", "THƯ KÝ"
    std::string name;      // "" = written by hand
};

Cell SignatureCell(const Signature& s, int pt)
{
    Cell c;
    if (!s.on_behalf.empty())
        c.paragraphs.push_back(Tight(s.on_behalf, Align::Center, true, false, pt));
    c.paragraphs.push_back(Tight(s.position, Align::Center, true, false, pt));
    Paragraph gap = Tight("", Align::Center);
    gap.space_after_pt = 60; // room for the signature and the seal
    c.paragraphs.push_back(gap);
    Paragraph name = Tight(s.name.empty() ? std::string("") : s.name, Align::Center, true, false, pt);
    name.space_after_pt = 12;
    c.paragraphs.push_back(name);
    return c;
}

// "Nơi nhận:" (bold italic, 12 pt) and its lines (11 pt) at the left, a signature block at the right
// (NĐ 30/2020, Phụ lục I, mục II.8-9).
Block RecipientsAndSignature(const std::vector<std::string>& recipients, const Signature& sig, int pt)
{
    Table t;
    t.borders = false;
    t.widths = {45, 55};
    Cell left;
    left.paragraphs.push_back(Tight("Nơi nhận:", Align::Left, true, true, 12));
    for (size_t i = 0; i < recipients.size(); ++i)
        left.paragraphs.push_back(Tight("- " + recipients[i] + (i + 1 == recipients.size() ? "." : ";"), Align::Left, false, false, 11));
    t.rows.push_back({left, SignatureCell(sig, pt)});
    return TableBlock(t);
}

// Signature blocks side by side, `per_row` to a row.
Block SignatureGrid(const std::vector<Signature>& sigs, int per_row, int pt)
{
    Table t;
    t.borders = false;
    per_row = std::max(1, per_row);
    t.widths.assign(per_row, 1);
    for (size_t i = 0; i < sigs.size(); i += per_row)
    {
        std::vector<Cell> row;
        for (int k = 0; k < per_row; ++k)
            row.push_back(i + k < sigs.size() ? SignatureCell(sigs[i + k], pt) : Cell{});
        t.rows.push_back(row);
    }
    return TableBlock(t);
}

Table GridTable(const std::vector<int>& widths, const std::vector<std::string>& header)
{
    Table t;
    t.widths = widths;
    t.header_rows = 1;
    std::vector<Cell> row;
    for (const std::string& h : header)
        row.push_back(TextCell(h, Align::Center, true));
    t.rows.push_back(row);
    return t;
}

std::string Banner(const Context& c)
{
    return c.synthetic ? "DỮ LIỆU MINH HỌA (TỔNG HỢP) - KHÔNG PHẢI SỐ LIỆU THẬT, KHÔNG DÙNG ĐỂ KÝ" : "";
}

std::string DateLine(const std::string& iso, int32_t year)
{
    const std::string d = VietnameseDate(iso);
    return d.empty() ? "ngày … tháng … năm " + std::to_string(year) : d;
}

// ---- [SECTION] giao ước thi đua (covenant) ---------------------------------------------------------------------

Paper Covenant(const model::Dataset& data, const Request& req, const PaperSettings& s)
{
    Paper paper;
    const model::YearFile* year = FindYear(data, req.year);
    if (!year)
    {
        paper.problems.push_back({YearPath(req.year, "year.json"), "", "không có năm " + std::to_string(req.year) + " trong dữ liệu"});
        return paper;
    }
    size_t index = 0;
    const model::CovenantFile* file = nullptr;
    for (size_t i = 0; i < data.covenants.size(); ++i)
        if (data.covenants[i].covenant.year_id == year->year.id)
            file = &data.covenants[i], index = i;
    const std::string path = file ? PathOf(data, model::FileKind::Covenant, index, YearPath(req.year, "covenant.json"))
                                  : YearPath(req.year, "covenant.json");
    if (!file)
    {
        paper.problems.push_back({path, "", "năm " + std::to_string(req.year) + " chưa có giao ước thi đua"});
        return paper;
    }
    const model::Covenant& cov = file->covenant;
    const model::Meeting* meeting = FindMeeting(data, cov.meeting_id);
    const std::string date = !cov.signed_date.empty() ? cov.signed_date : meeting ? meeting->start_date : "";
    if (cov.commitments.empty())
        paper.problems.push_back({path, "/covenant/commitments", "giao ước chưa có nội dung cam kết nào"});
    if (cov.signatories.empty())
        paper.problems.push_back({path, "/covenant/signatories", "giao ước chưa có đơn vị ký nào"});
    if (!text::IsValidDate(date))
        paper.problems.push_back({path, "/covenant/signed_date", "giao ước chưa có ngày ký (hoặc ngày của hội nghị ký giao ước)"});
    if (!paper.problems.empty())
        return paper;

    Context c = MakeContext(data, s, date);
    MarkSynthetic(c, model::FileKind::Covenant, index);
    MarkSynthetic(c, model::FileKind::Year, static_cast<size_t>(year - data.years.data()));
    const std::string host = meeting && !meeting->venue.host_org_id.empty() ? meeting->venue.host_org_id : year->year.chair_org_id;
    Document& doc = paper.document;
    doc.title = "Giao ước thi đua năm " + std::to_string(req.year) + " - " + c.cluster;
    doc.banner = Banner(c);
    doc.blocks.push_back(HeaderBlock(c, s.covenant_symbol, PlaceOf(data, host), DateLine(date, req.year)));
    AddTitle(doc, "GIAO ƯỚC THI ĐUA", "NĂM " + std::to_string(req.year));
    for (const std::string& basis : year->ruleset.legal_basis)
        AddBody(doc, "Căn cứ " + basis + ";", false, true);
    const std::string theme = !cov.theme.empty() ? cov.theme : year->year.theme;
    AddBody(doc, "Các đơn vị thành viên " + c.cluster + (c.ministry.empty() ? "" : " - " + c.ministry) +
                     " thống nhất ký kết Giao ước thi đua năm " + std::to_string(req.year) +
                     (theme.empty() ? "" : " với chủ đề “" + theme + "”") + ", với các nội dung sau:");
    std::vector<model::Commitment> commitments = cov.commitments;
    std::stable_sort(commitments.begin(), commitments.end(),
                     [](const model::Commitment& a, const model::Commitment& b) { return a.order < b.order; });
    for (size_t i = 0; i < commitments.size(); ++i)
        AddBody(doc, std::to_string(i + 1) + ". " + commitments[i].text);
    std::string closing = "Giao ước được ký kết";
    if (meeting)
        closing += " tại " + meeting->name + (meeting->venue.name.empty() ? "" : ", " + meeting->venue.name);
    closing += ", " + DateLine(date, req.year) + ". Đơn vị đăng cai: " + OrgShort(data, host) + ". Cụm trưởng năm " +
               std::to_string(req.year) + ": " + OrgShort(data, year->year.chair_org_id) + ".";
    AddBody(doc, closing);
    AddBody(doc, "Giao ước này là cơ sở để các đơn vị tổ chức thực hiện, chấm điểm, bình xét thi đua cuối năm.");
    Paragraph heading = Tight("ĐẠI DIỆN CÁC ĐƠN VỊ THÀNH VIÊN", Align::Center, true);
    heading.space_before_pt = 12;
    heading.space_after_pt = 6;
    heading.keep_with_next = true;
    doc.blocks.push_back(ParaBlock(heading));
    std::vector<Signature> sigs;
    for (const model::Signatory& sig : cov.signatories)
    {
        const model::Person* person = FindPerson(data, sig.person_id);
        sigs.push_back({Upper(OrgShort(data, sig.organization_id)), sig.title.empty() ? s.signer_title : Upper(sig.title),
                        person ? person->name : ""});
    }
    doc.blocks.push_back(SignatureGrid(sigs, s.signatures_per_row, 12));
    paper.file_stem = "giao-uoc-thi-dua-" + std::to_string(req.year);
    return paper;
}

// ---- [SECTION] biên bản hội nghị (minutes) ---------------------------------------------------------------------

bool IsGuest(const std::string& role) { return role == "guest_of_honour" || role == "host_guest"; }

std::string ParticipantName(const model::Dataset& data, const model::Participant& p)
{
    const model::Person* person = FindPerson(data, p.person_id);
    return person ? person->name : p.name;
}

Paper Minutes(const model::Dataset& data, const Request& req, const PaperSettings& s)
{
    Paper paper;
    size_t index = 0;
    const model::Meeting* m = nullptr;
    for (size_t i = 0; i < data.meetings.size(); ++i)
        if (data.meetings[i].id == req.meeting_id)
            m = &data.meetings[i], index = i;
    const std::string path = PathOf(data, model::FileKind::Meeting, index, "meetings/" + req.meeting_id + ".json");
    if (!m)
    {
        paper.problems.push_back({path, "", "không có hội nghị “" + req.meeting_id + "” trong dữ liệu"});
        return paper;
    }
    // Chair: the person named as chair, else the participant recorded with the role "chair".
    std::string chair_name, chair_title;
    if (const model::Person* p = FindPerson(data, m->chair_person_id))
        chair_name = p->name;
    std::string secretary_name;
    for (const model::Participant& p : m->participants)
    {
        if (p.role_at_event == "chair" && chair_name.empty())
            chair_name = ParticipantName(data, p), chair_title = p.title_at_event;
        if (p.role_at_event == "chair" && chair_title.empty())
            chair_title = p.title_at_event;
        if (p.role_at_event == "secretary" && secretary_name.empty())
            secretary_name = ParticipantName(data, p);
    }
    if (chair_name.empty())
        paper.problems.push_back({path, "/meeting/chair_person_id",
                                  "hội nghị chưa có người chủ trì (chair_person_id, hoặc một người dự với vai trò “chair”)"});
    if (!text::IsValidDate(m->start_date))
        paper.problems.push_back({path, "/meeting/start_date", "hội nghị chưa có ngày họp"});
    const model::YearFile* year = FindYearById(data, m->year_id);
    if (!year)
        paper.problems.push_back({path, "/meeting/year_id", "hội nghị không thuộc năm nào trong dữ liệu"});
    if (!paper.problems.empty())
        return paper;

    Context c = MakeContext(data, s, m->start_date);
    MarkSynthetic(c, model::FileKind::Meeting, index);
    Document& doc = paper.document;
    doc.title = "Biên bản " + m->name;
    doc.banner = Banner(c);
    const std::string host = !m->venue.host_org_id.empty() ? m->venue.host_org_id : year->year.chair_org_id;
    doc.blocks.push_back(HeaderBlock(c, "BB", PlaceOf(data, host), VietnameseDate(m->start_date)));
    AddTitle(doc, "BIÊN BẢN", m->name);
    const std::string time = VietnameseTime(m->start_time);
    AddBody(doc, "Thời gian: " + (time.empty() ? "" : time + ", ") + VietnameseDate(m->start_date) + ".");
    std::string place = m->venue.name;
    if (!m->venue.address.empty())
        place += (place.empty() ? "" : ", ") + m->venue.address;
    AddBody(doc, "Địa điểm: " + (place.empty() ? OrgFull(data, host) : place) + ".");
    AddBody(doc, "Chủ trì: " + chair_name + (chair_title.empty() ? "" : " - " + chair_title) + ".");
    AddBody(doc, "Thư ký: " + (secretary_name.empty() ? std::string("……………………………………") : secretary_name) + ".");

    AddHeading(doc, "I. THÀNH PHẦN THAM DỰ");
    std::vector<const model::Participant*> guests, members;
    for (const model::Participant& p : m->participants)
        (IsGuest(p.role_at_event) ? guests : members).push_back(&p);
    auto people_table = [&](const std::vector<const model::Participant*>& list) {
        Table t = GridTable({8, 32, 30, 30}, {"STT", "Họ và tên", "Chức vụ tại hội nghị", "Đơn vị"});
        for (size_t i = 0; i < list.size(); ++i)
            t.rows.push_back({TextCell(std::to_string(i + 1), Align::Center), TextCell(ParticipantName(data, *list[i])),
                              TextCell(list[i]->title_at_event), TextCell(OrgShort(data, list[i]->organization_id))});
        return TableBlock(t);
    };
    if (!guests.empty())
    {
        AddBody(doc, "1. Khách mời:");
        doc.blocks.push_back(people_table(guests));
    }
    AddBody(doc, std::string(guests.empty() ? "" : "2. ") + "Đại biểu các đơn vị thành viên (" + std::to_string(members.size()) +
                     " người):");
    doc.blocks.push_back(people_table(members));

    AddHeading(doc, "II. NỘI DUNG HỘI NGHỊ");
    for (const model::AgendaItem& a : m->agenda)
    {
        std::string line = a.order + ". " + a.description;
        if (!a.presenter_org_id.empty())
            line += " (trình bày: " + OrgShort(data, a.presenter_org_id) + ")";
        AddBody(doc, line);
    }
    if (m->agenda.empty())
        AddBody(doc, "(Chương trình hội nghị chưa được ghi trong dữ liệu.)", false, true);

    AddHeading(doc, "III. KẾT LUẬN, QUYẾT ĐỊNH CỦA HỘI NGHỊ");
    int n = 0;
    for (const model::Decision& d : m->decisions)
        if (d.kind != "task")
            AddBody(doc, std::to_string(++n) + ". " + d.text);
    // The ballots held at this meeting, as the engine counted them.
    const scoring::YearResult result = scoring::ComputeYear(data, year->year.id);
    for (const model::Results& r : data.results)
        for (const model::Ballot& b : r.ballots)
            if (b.meeting_id == m->id && b.ended.date.empty())
                for (const scoring::BallotOutcome& o : result.ballots)
                    if (o.ballot_id == b.id)
                    {
                        std::string line = std::to_string(++n) + ". Bỏ phiếu kín " + MotionName(b.motion) + ", vòng " +
                                           std::to_string(b.round) + ": ";
                        if (o.result == "pass")
                        {
                            std::string names;
                            for (const std::string& w : o.winners)
                            {
                                int64_t votes = 0;
                                for (const model::VoteCount& vc : b.counts)
                                    if (vc.option == w)
                                        votes = vc.votes;
                                names += (names.empty() ? "" : "; ") + OrgShort(data, w) + " đạt " + std::to_string(votes) + "/" +
                                         std::to_string(o.base) + " phiếu";
                            }
                            line += names + ", trúng cử.";
                        }
                        else if (o.result == "no_quorum")
                            line += "không đủ số đơn vị có mặt, kết quả không có giá trị.";
                        else
                            line += std::string("không đơn vị nào đạt ngưỡng") + (o.another_round ? ", bỏ phiếu vòng tiếp theo." : ".");
                        AddBody(doc, line + " (Chi tiết tại Biên bản kiểm phiếu.)");
                    }
    if (n == 0)
        AddBody(doc, "(Chưa ghi kết luận của hội nghị trong dữ liệu.)", false, true);
    std::vector<const model::Decision*> tasks;
    for (const model::Decision& d : m->decisions)
        if (d.kind == "task")
            tasks.push_back(&d);
    if (!tasks.empty())
    {
        AddBody(doc, "Nhiệm vụ giao:");
        Table t = GridTable({8, 48, 28, 16}, {"STT", "Nhiệm vụ", "Đơn vị thực hiện", "Thời hạn"});
        for (size_t i = 0; i < tasks.size(); ++i)
        {
            std::string owners;
            for (const std::string& o : tasks[i]->assignee_org_ids)
                owners += (owners.empty() ? "" : "; ") + OrgShort(data, o);
            t.rows.push_back({TextCell(std::to_string(i + 1), Align::Center), TextCell(tasks[i]->text), TextCell(owners),
                              TextCell(text::FormatDate(tasks[i]->due_date), Align::Center)});
        }
        doc.blocks.push_back(TableBlock(t));
    }
    // The data holds no closing time: the secretary writes it in before signing.
    AddBody(doc, "Hội nghị kết thúc vào lúc …… giờ …… phút cùng ngày. Biên bản đã được thông qua tại hội nghị.");
    Table sig;
    sig.borders = false;
    sig.widths = {50, 50};
    sig.rows.push_back({SignatureCell({"", "THƯ KÝ", secretary_name}, s.page.body_pt),
                        SignatureCell({"", "CHỦ TRÌ", chair_name}, s.page.body_pt)});
    doc.blocks.push_back(TableBlock(sig));
    Paragraph to = Tight("Nơi nhận:", Align::Left, true, true, 12);
    to.space_before_pt = 6;
    doc.blocks.push_back(ParaBlock(to));
    doc.blocks.push_back(ParaBlock(Tight("- Các đơn vị thành viên Cụm;", Align::Left, false, false, 11)));
    if (!c.ministry.empty())
        doc.blocks.push_back(ParaBlock(Tight("- " + c.ministry + " (để báo cáo);", Align::Left, false, false, 11)));
    doc.blocks.push_back(ParaBlock(Tight("- Lưu: VT, " + s.body_symbol + ".", Align::Left, false, false, 11)));
    std::string kind = m->classification == "covenant_signing" ? "ky-giao-uoc" : m->classification == "year_end_summary" ? "tong-ket" : "";
    paper.file_stem = "bien-ban-hoi-nghi-" + (kind.empty() ? "" : kind + "-") + m->start_date;
    return paper;
}

// ---- [SECTION] biên bản kiểm phiếu (ballot-count minutes) --------------------------------------------------------

struct BallotAt
{
    const model::Ballot* ballot = nullptr;
    size_t results_index = 0;
    size_t ballot_index = 0;
};

BallotAt FindBallot(const model::Dataset& data, const std::string& id)
{
    for (size_t r = 0; r < data.results.size(); ++r)
        for (size_t b = 0; b < data.results[r].ballots.size(); ++b)
            if (data.results[r].ballots[b].id == id)
                return {&data.results[r].ballots[b], r, b};
    return {};
}

// What a ballot must hold before its minutes can be written.
void CheckBallot(const model::Dataset& data, const BallotAt& at, std::vector<Problem>* problems)
{
    const std::string path = PathOf(data, model::FileKind::Results, at.results_index, "results.json");
    const std::string ptr = "/ballots/" + std::to_string(at.ballot_index);
    const model::Ballot& b = *at.ballot;
    if (!b.ended.date.empty())
        problems->push_back({path, ptr + "/ended", "phiếu bầu này đã được huỷ (ghi nhầm), không lập biên bản"});
    if (b.counts.empty())
        problems->push_back({path, ptr + "/counts", "chưa ghi số phiếu của từng đơn vị (vòng " + std::to_string(b.round) + ")"});
    if (b.ballots_issued <= 0)
        problems->push_back({path, ptr + "/ballots_issued", "chưa ghi số phiếu phát ra (vòng " + std::to_string(b.round) + ")"});
    if (b.ballots_returned <= 0)
        problems->push_back({path, ptr + "/ballots_returned", "chưa ghi số phiếu thu về (vòng " + std::to_string(b.round) + ")"});
    if (b.members_present <= 0)
        problems->push_back({path, ptr + "/members_present", "chưa ghi số đơn vị có mặt (vòng " + std::to_string(b.round) + ")"});
    if (b.ballots_valid + b.ballots_invalid != b.ballots_returned)
        problems->push_back({path, ptr + "/ballots_valid",
                             "số phiếu hợp lệ (" + std::to_string(b.ballots_valid) + ") cộng không hợp lệ (" +
                                 std::to_string(b.ballots_invalid) + ") khác số phiếu thu về (" +
                                 std::to_string(b.ballots_returned) + ")"});
}

Paper BallotMinutes(const model::Dataset& data, const Request& req, const PaperSettings& s)
{
    Paper paper;
    const BallotAt at = FindBallot(data, req.ballot_id);
    if (!at.ballot)
    {
        paper.problems.push_back({"", "", "không có phiếu bầu “" + req.ballot_id + "” trong dữ liệu"});
        return paper;
    }
    const model::Results& results = data.results[at.results_index];
    const std::string path = PathOf(data, model::FileKind::Results, at.results_index, "results.json");
    // Every round up to this one, first round first.
    std::vector<BallotAt> rounds = {at};
    for (int guard = 0; guard < 20 && !rounds.front().ballot->previous_round_id.empty(); ++guard)
    {
        const BallotAt prev = FindBallot(data, rounds.front().ballot->previous_round_id);
        if (!prev.ballot)
        {
            paper.problems.push_back({path, "/ballots/" + std::to_string(rounds.front().ballot_index) + "/previous_round_id",
                                      "không có vòng trước “" + rounds.front().ballot->previous_round_id + "”"});
            break;
        }
        rounds.insert(rounds.begin(), prev);
    }
    for (const BallotAt& r : rounds)
        CheckBallot(data, r, &paper.problems);
    const model::YearFile* year = FindYearById(data, results.year_id);
    const model::Meeting* meeting = FindMeeting(data, at.ballot->meeting_id);
    if (!year)
        paper.problems.push_back({path, "/year_id", "kết quả không thuộc năm nào trong dữ liệu"});
    if (!meeting)
        paper.problems.push_back({path, "/ballots/" + std::to_string(at.ballot_index) + "/meeting_id",
                                  "phiếu bầu không gắn với hội nghị nào trong dữ liệu (cần ngày và nơi bỏ phiếu)"});
    else if (!text::IsValidDate(meeting->start_date))
        paper.problems.push_back({"meetings/" + meeting->id + ".json", "/meeting/start_date", "hội nghị chưa có ngày họp"});
    if (!paper.problems.empty())
        return paper;

    const scoring::YearResult result = scoring::ComputeYear(data, year->year.id);
    const model::VoteRules& rules = year->ruleset.vote_rules;
    Context c = MakeContext(data, s, meeting->start_date);
    MarkSynthetic(c, model::FileKind::Results, at.results_index);
    const int32_t y = year->year.year;
    const model::Ballot& last = *at.ballot;
    Document& doc = paper.document;
    doc.title = "Biên bản kiểm phiếu " + MotionName(last.motion) + " năm " + std::to_string(y);
    doc.banner = Banner(c);
    const std::string host = !meeting->venue.host_org_id.empty() ? meeting->venue.host_org_id : year->year.chair_org_id;
    doc.blocks.push_back(HeaderBlock(c, "BB", PlaceOf(data, host), VietnameseDate(meeting->start_date)));
    AddTitle(doc, "BIÊN BẢN KIỂM PHIẾU", "Bỏ phiếu kín " + MotionName(last.motion) + " năm " + std::to_string(y) +
                                            (rounds.size() > 1 ? " (" + std::to_string(rounds.size()) + " vòng)" : ""));
    AddBody(doc, "Hôm nay, " + VietnameseDate(meeting->start_date) + ", tại " +
                     (meeting->venue.name.empty() ? OrgShort(data, host) : meeting->venue.name) + ", trong chương trình " + meeting->name +
                     ", Ban kiểm phiếu đã tiến hành kiểm phiếu bỏ phiếu kín " + MotionName(last.motion) + " năm " + std::to_string(y) + ".");
    std::vector<std::string> team;
    for (const std::string& id : last.counting_team_person_ids)
        if (const model::Person* p = FindPerson(data, id))
            team.push_back(p->name);
    for (const std::string& n : last.counting_team_names)
        team.push_back(n);
    AddHeading(doc, "I. BAN KIỂM PHIẾU");
    if (team.empty())
        AddBody(doc, "Ban kiểm phiếu gồm: ……………………………………………… (ghi tên trước khi ký).");
    for (size_t i = 0; i < team.size(); ++i)
        AddBody(doc, std::to_string(i + 1) + ". " + team[i] + (i == 0 ? " - Trưởng ban" : " - Thành viên"));

    AddHeading(doc, "II. NGUYÊN TẮC BẦU CHỌN");
    const int64_t members_total = result.member_ids.size();
    AddBody(doc, "Tổng số đơn vị thành viên của Cụm năm " + std::to_string(y) + ": " + std::to_string(members_total) +
                     ". Kết quả có giá trị khi số đơn vị có mặt đạt " + (rules.quorum.strict ? "trên " : "ít nhất ") +
                     std::to_string(rules.quorum.num) + "/" + std::to_string(rules.quorum.den) + " tổng số đơn vị thành viên.");
    AddBody(doc, "Đơn vị trúng cử khi đạt " + std::string(rules.threshold.strict ? "trên " : "ít nhất ") +
                     std::to_string(rules.threshold.num) + "/" + std::to_string(rules.threshold.den) + " " +
                     BaseName(rules.threshold_base) + "; tỷ lệ phần trăm dưới đây tính trên " + BaseName(rules.threshold_base) +
                     ". Mỗi phiếu chọn tối đa " + std::to_string(rules.max_choices) + " đơn vị" +
                     (rules.allow_self_vote ? "" : ", không tự bầu cho đơn vị mình") + ".");

    AddHeading(doc, "III. KẾT QUẢ KIỂM PHIẾU");
    std::string outcome_text;
    for (const BallotAt& r : rounds)
    {
        const model::Ballot& b = *r.ballot;
        scoring::BallotOutcome o;
        for (const scoring::BallotOutcome& e : result.ballots)
            if (e.ballot_id == b.id)
                o = e;
        if (rounds.size() > 1)
            AddHeading(doc, "Vòng " + std::to_string(b.round));
        Table counts = GridTable({70, 30}, {"Nội dung", "Số lượng"});
        const std::pair<const char*, int64_t> lines[] = {{"Số đơn vị có mặt", b.members_present},
                                                         {"Số phiếu phát ra", b.ballots_issued},
                                                         {"Số phiếu thu về", b.ballots_returned},
                                                         {"Số phiếu hợp lệ", b.ballots_valid},
                                                         {"Số phiếu không hợp lệ", b.ballots_invalid}};
        for (const auto& [label, value] : lines)
            counts.rows.push_back({TextCell(label), TextCell(std::to_string(value), Align::Center)});
        doc.blocks.push_back(TableBlock(counts));
        Table tally = GridTable({8, 52, 18, 22}, {"STT", "Đơn vị", "Số phiếu bầu", "Tỷ lệ (% " + BaseName(rules.threshold_base) + ")"});
        std::vector<model::VoteCount> sorted = b.counts;
        for (const std::string& cand : b.candidates)
            if (std::none_of(sorted.begin(), sorted.end(), [&](const model::VoteCount& v) { return v.option == cand; }))
                sorted.push_back({cand, 0});
        std::stable_sort(sorted.begin(), sorted.end(), [](const model::VoteCount& a, const model::VoteCount& b2) { return a.votes > b2.votes; });
        for (size_t i = 0; i < sorted.size(); ++i)
            tally.rows.push_back({TextCell(std::to_string(i + 1), Align::Center), TextCell(OrgFull(data, sorted[i].option)),
                                  TextCell(std::to_string(sorted[i].votes), Align::Center),
                                  TextCell(o.base > 0 ? Percent(100.0 * sorted[i].votes / o.base) : "", Align::Center)});
        doc.blocks.push_back(TableBlock(tally));
        std::string line;
        if (o.result == "pass")
        {
            std::string names;
            for (const std::string& w : o.winners)
                names += (names.empty() ? "" : ", ") + OrgFull(data, w);
            line = "Kết quả: " + names + " trúng cử (cần tối thiểu " + std::to_string(o.votes_needed) + "/" + std::to_string(o.base) +
                   " phiếu).";
        }
        else if (o.result == "no_quorum")
            line = "Kết quả: không đủ số đơn vị có mặt, kết quả bỏ phiếu không có giá trị.";
        else
        {
            line = "Kết quả: không đơn vị nào đạt tối thiểu " + std::to_string(o.votes_needed) + "/" + std::to_string(o.base) + " phiếu";
            if (o.another_round)
            {
                std::string next;
                for (const std::string& n : o.next_round_candidates)
                    next += (next.empty() ? "" : ", ") + OrgShort(data, n);
                line += "; tổ chức bỏ phiếu vòng tiếp theo giữa: " + next;
            }
            line += ".";
        }
        AddBody(doc, line, true);
        outcome_text = line;

        Sheet sheet;
        sheet.name = "Vòng " + std::to_string(b.round);
        sheet.widths = {8, 48, 16, 22};
        sheet.rows.push_back({TextValue("Biên bản kiểm phiếu " + MotionName(b.motion) + " năm " + std::to_string(y) + ", vòng " +
                                            std::to_string(b.round), true)});
        if (c.synthetic)
            sheet.rows.push_back({TextValue(Banner(c), true)});
        for (const auto& [label, value] : lines)
            sheet.rows.push_back({TextValue(""), TextValue(label), NumberValue(static_cast<double>(value))});
        sheet.rows.push_back({});
        sheet.header_row = static_cast<int>(sheet.rows.size());
        sheet.rows.push_back({TextValue("STT"), TextValue("Đơn vị"), TextValue("Số phiếu bầu"),
                              TextValue("Tỷ lệ (% " + BaseName(rules.threshold_base) + ")")});
        for (size_t i = 0; i < sorted.size(); ++i)
            sheet.rows.push_back({NumberValue(static_cast<double>(i + 1)), TextValue(OrgFull(data, sorted[i].option)),
                                  NumberValue(static_cast<double>(sorted[i].votes)),
                                  o.base > 0 ? NumberValue(std::round(10000.0 * sorted[i].votes / o.base) / 100.0, 2) : TextValue("")});
        sheet.rows.push_back({});
        sheet.rows.push_back({TextValue(""), TextValue(line)});
        paper.sheets.push_back(sheet);
    }
    AddBody(doc, "Ban kiểm phiếu lập biên bản này lúc …… giờ …… phút cùng ngày và công bố kết quả trước hội nghị.");
    std::vector<Signature> sigs;
    sigs.push_back({"", "TRƯỞNG BAN KIỂM PHIẾU", team.empty() ? "" : team.front()});
    for (size_t i = 1; i < team.size(); ++i)
        sigs.push_back({"", "THÀNH VIÊN", team[i]});
    if (team.size() < 2)
        sigs.insert(sigs.begin(), {"", "CÁC THÀNH VIÊN", ""});
    doc.blocks.push_back(SignatureGrid(sigs, sigs.size() <= 2 ? 2 : 3, s.page.body_pt));
    paper.file_stem = "bien-ban-kiem-phieu-" + std::to_string(y) + "-vong-" + std::to_string(last.round);
    return paper;
}

// ---- [SECTION] tờ trình đề nghị khen thưởng (proposal) ----------------------------------------------------------

const scoring::MemberResult* MemberOf(const scoring::YearResult& r, const std::string& org)
{
    for (const scoring::MemberResult& m : r.members)
        if (m.organization_id == org)
            return &m;
    return nullptr;
}

Paper Proposal(const model::Dataset& data, const Request& req, const PaperSettings& s)
{
    Paper paper;
    const model::YearFile* year = FindYear(data, req.year);
    if (!year)
    {
        paper.problems.push_back({YearPath(req.year, "year.json"), "", "không có năm " + std::to_string(req.year) + " trong dữ liệu"});
        return paper;
    }
    size_t index = 0;
    const model::Results* results = nullptr;
    for (size_t i = 0; i < data.results.size(); ++i)
        if (data.results[i].year_id == year->year.id)
            results = &data.results[i], index = i;
    const std::string path = results ? PathOf(data, model::FileKind::Results, index, YearPath(req.year, "results.json"))
                                     : YearPath(req.year, "results.json");
    const scoring::YearResult result = scoring::ComputeYear(data, year->year.id);
    struct Proposed
    {
        std::string award_type, org, basis, ballot_id;
    };
    std::vector<Proposed> proposed;
    if (results)
        for (const model::AwardProposal& a : results->award_proposals)
            if (a.ended.date.empty() && a.status != "rejected")
                proposed.push_back({a.award_type, a.organization_id, a.basis, a.ballot_id});
    if (!results)
        paper.problems.push_back({path, "", "năm " + std::to_string(req.year) + " chưa có kết quả (điểm, phiếu bầu, đề nghị khen thưởng)"});
    else if (proposed.empty())
        paper.problems.push_back({path, "/award_proposals", "chưa có đơn vị nào được đề nghị khen thưởng"});
    else if (result.members.empty())
        paper.problems.push_back({path, "/scores", "chưa có điểm chấm để làm căn cứ đề nghị"});
    if (!paper.problems.empty())
        return paper;

    const std::string date = s.proposal_date;
    Context c = MakeContext(data, s, date.empty() ? std::to_string(req.year) + "-12-31" : date);
    MarkSynthetic(c, model::FileKind::Results, index);
    MarkSynthetic(c, model::FileKind::Year, static_cast<size_t>(year - data.years.data()));
    Document& doc = paper.document;
    doc.title = "Tờ trình đề nghị khen thưởng năm " + std::to_string(req.year) + " - " + c.cluster;
    doc.banner = Banner(c);
    const std::string chair = year->year.chair_org_id;
    doc.blocks.push_back(HeaderBlock(c, "TTr", PlaceOf(data, chair), DateLine(date, req.year)));
    AddTitle(doc, "TỜ TRÌNH", "Về việc đề nghị khen thưởng công tác thi đua năm " + std::to_string(req.year) + "\ncủa " + c.cluster);
    const std::string recipient = !s.proposal_recipient.empty() ? s.proposal_recipient : "Bộ trưởng " + c.ministry;
    Paragraph to = Tight("Kính gửi: " + recipient + ".", Align::Center);
    to.space_after_pt = 12;
    doc.blocks.push_back(ParaBlock(to));
    for (const std::string& basis : year->ruleset.legal_basis)
        AddBody(doc, "Căn cứ " + basis + ";", false, true);
    AddBody(doc, "Căn cứ kết quả chấm điểm, xếp hạng thi đua năm " + std::to_string(req.year) + " của " + c.cluster + " (điểm " +
                     scoring::StageName(result.ranking_stage) + ", Bảng tổng hợp kèm theo);", false, true);
    // The ballots the proposals rest on, as the engine counted them.
    for (const scoring::BallotOutcome& o : result.ballots)
    {
        if (o.result != "pass")
            continue;
        const BallotAt at = FindBallot(data, o.ballot_id);
        if (!at.ballot || !at.ballot->ended.date.empty())
            continue;
        const model::Meeting* m = FindMeeting(data, at.ballot->meeting_id);
        std::string winners;
        for (const std::string& w : o.winners)
            for (const model::VoteCount& vc : at.ballot->counts)
                if (vc.option == w)
                    winners += (winners.empty() ? "" : "; ") + OrgShort(data, w) + " đạt " + std::to_string(vc.votes) + "/" +
                               std::to_string(o.base) + " phiếu (" + Percent(o.base > 0 ? 100.0 * vc.votes / o.base : 0) + ")";
        AddBody(doc, "Căn cứ kết quả bỏ phiếu kín " + MotionName(at.ballot->motion) +
                         (m ? " tại " + m->name + " " + VietnameseDate(m->start_date) : std::string()) + ", vòng " +
                         std::to_string(at.ballot->round) + ": " + winners + ";",
                     false, true);
    }
    AddBody(doc, c.cluster + " kính trình " + recipient + " xem xét, khen thưởng các đơn vị sau:");
    std::vector<std::string> award_order;
    for (const Proposed& p : proposed)
        if (std::find(award_order.begin(), award_order.end(), p.award_type) == award_order.end())
            award_order.push_back(p.award_type);
    int section = 0;
    for (const std::string& award : award_order)
    {
        int count = 0;
        for (const Proposed& p : proposed)
            count += p.award_type == award;
        AddHeading(doc, std::to_string(++section) + ". " + AwardName(award) + ": " + TwoDigits(count) + " đơn vị");
        Table t = GridTable({7, 40, 13, 11, 29}, {"STT", "Đơn vị", "Tổng điểm", "Xếp hạng", "Căn cứ"});
        int n = 0;
        for (const Proposed& p : proposed)
        {
            if (p.award_type != award)
                continue;
            const scoring::MemberResult* m = MemberOf(result, p.org);
            const std::string basis = p.basis == "ballot_winner" ? "Đơn vị dẫn đầu, được suy tôn bằng bỏ phiếu kín"
                                                                 : "Xếp hạng " + (m ? std::to_string(m->rank) : std::string("–")) +
                                                                       (m && !m->rating_label.empty() ? ", " + m->rating_label : "");
            t.rows.push_back({TextCell(std::to_string(++n), Align::Center), TextCell(OrgFull(data, p.org)),
                              TextCell(m ? Points(m->ranking_total.value) : "", Align::Center),
                              TextCell(m ? std::to_string(m->rank) : "", Align::Center), TextCell(basis)});
        }
        doc.blocks.push_back(TableBlock(t));
    }
    AddHeading(doc, "Hồ sơ kèm theo:");
    AddBody(doc, "- Bảng tổng hợp kết quả chấm điểm, xếp hạng thi đua năm " + std::to_string(req.year) + ";");
    AddBody(doc, "- Biên bản hội nghị tổng kết công tác thi đua năm " + std::to_string(req.year) + ";");
    AddBody(doc, "- Biên bản kiểm phiếu;");
    AddBody(doc, "- Báo cáo thành tích của các đơn vị được đề nghị khen thưởng.");
    AddBody(doc, c.cluster + " kính trình " + recipient + " xem xét, quyết định./.");
    std::vector<std::string> to_list = {"Như trên"};
    const model::Organization* cluster_org = FindOrg(data, data.cluster.cluster.organization_id);
    for (const model::Organization& o : data.organizations) // the ministry's emulation department, when registered
        if (cluster_org && o.parent_id == cluster_org->parent_id && o.classification == "ministry_dept" &&
            o.short_name.find("TĐKT") != std::string::npos)
            to_list.push_back(o.name);
    to_list.push_back("Các đơn vị thành viên Cụm");
    to_list.push_back("Lưu: VT, " + s.body_symbol);
    doc.blocks.push_back(RecipientsAndSignature(to_list, {"TM. " + Upper(c.cluster), "CỤM TRƯỞNG", ""}, s.page.body_pt));
    paper.file_stem = "to-trinh-khen-thuong-" + std::to_string(req.year);
    return paper;
}

// ---- [SECTION] bảng tổng hợp kết quả chấm điểm (score table) -----------------------------------------------------

Paper ScoreTable(const model::Dataset& data, const Request& req, const PaperSettings& s)
{
    Paper paper;
    const model::YearFile* year = FindYear(data, req.year);
    if (!year)
    {
        paper.problems.push_back({YearPath(req.year, "year.json"), "", "không có năm " + std::to_string(req.year) + " trong dữ liệu"});
        return paper;
    }
    const scoring::YearResult result = scoring::ComputeYear(data, year->year.id);
    size_t index = 0;
    bool has_results = false;
    for (size_t i = 0; i < data.results.size(); ++i)
        if (data.results[i].year_id == year->year.id)
            index = i, has_results = true;
    bool any_scores = false;
    for (const scoring::MemberResult& m : result.members)
        for (const scoring::StageTotal& st : m.stages)
            any_scores = any_scores || st.has_scores;
    if (result.members.empty() || !any_scores)
    {
        paper.problems.push_back({has_results ? PathOf(data, model::FileKind::Results, index, YearPath(req.year, "results.json"))
                                              : YearPath(req.year, "results.json"),
                                  "/scores", "năm " + std::to_string(req.year) + " chưa có điểm chấm của đơn vị nào"});
        return paper;
    }
    Context c = MakeContext(data, s, std::to_string(req.year) + "-12-31");
    if (has_results)
        MarkSynthetic(c, model::FileKind::Results, index);
    MarkSynthetic(c, model::FileKind::Year, static_cast<size_t>(year - data.years.data()));
    for (size_t i = 0; i < data.self_assessments.size(); ++i)
        if (data.self_assessments[i].year_id == year->year.id)
            MarkSynthetic(c, model::FileKind::SelfAssessment, i);

    // Columns: the top-level criteria except bonus and penalty, in their order.
    std::vector<const model::Criterion*> groups;
    for (const model::Criterion& cr : year->criteria)
        if (cr.parent_id.empty() && cr.kind != "bonus" && cr.kind != "penalty")
            groups.push_back(&cr);
    std::stable_sort(groups.begin(), groups.end(), [](const model::Criterion* a, const model::Criterion* b) { return a->order < b->order; });

    Document& doc = paper.document;
    doc.landscape = true;
    doc.title = "Bảng tổng hợp kết quả chấm điểm năm " + std::to_string(req.year) + " - " + c.cluster;
    doc.banner = Banner(c);
    Paragraph top = Tight(Upper(c.cluster), Align::Left, true, false, s.body_name_pt);
    doc.blocks.push_back(ParaBlock(top));
    AddTitle(doc, "BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM, XẾP HẠNG THI ĐUA NĂM " + std::to_string(req.year),
             "(Điểm " + scoring::StageName(result.ranking_stage) + "; kèm theo Tờ trình số " + s.number_gap + "/TTr-" + s.body_symbol + ")");
    std::vector<int> widths = {5, 20};
    std::vector<std::string> header = {"STT", "Đơn vị"};
    for (const model::Criterion* g : groups)
    {
        widths.push_back(14);
        header.push_back(g->code + ". " + g->title + " (tối đa " + Points(g->max_points) + ")");
    }
    for (int w : {8, 7, 8, 7, 17})
        widths.push_back(w);
    for (const char* h : {"Điểm thưởng", "Điểm trừ", "Tổng điểm", "Xếp hạng", "Xếp loại"})
        header.push_back(h);
    Table t = GridTable(widths, header);
    t.text_pt = 11; // ten members and every group on one landscape page

    Sheet sheet;
    sheet.name = "Bảng tổng hợp " + std::to_string(req.year);
    sheet.widths = {6, 34};
    sheet.rows.push_back({TextValue("Bảng tổng hợp kết quả chấm điểm, xếp hạng thi đua năm " + std::to_string(req.year) + " - " +
                                        c.cluster + " (điểm " + scoring::StageName(result.ranking_stage) + ")",
                                    true)});
    if (c.synthetic)
        sheet.rows.push_back({TextValue(Banner(c), true)});
    sheet.rows.push_back({});
    sheet.header_row = static_cast<int>(sheet.rows.size());
    std::vector<SheetCell> head_cells;
    for (size_t i = 0; i < header.size(); ++i)
    {
        head_cells.push_back(TextValue(header[i]));
        if (i >= 2)
            sheet.widths.push_back(i < 2 + groups.size() ? 18 : 12);
    }
    sheet.rows.push_back(head_cells);

    for (size_t i = 0; i < result.members.size(); ++i)
    {
        const scoring::MemberResult& m = result.members[i];
        const scoring::StageTotal* stage = nullptr;
        for (const scoring::StageTotal& st : m.stages)
            if (st.stage == result.ranking_stage)
                stage = &st;
        std::vector<Cell> row = {TextCell(std::to_string(i + 1), Align::Center), TextCell(OrgShort(data, m.organization_id))};
        std::vector<SheetCell> cells = {NumberValue(static_cast<double>(i + 1)), TextValue(OrgFull(data, m.organization_id))};
        if (m.rank == 0) // no score at this stage yet: not ranked, and not a row of zeros
        {
            for (size_t k = 0; k < groups.size() + 4; ++k)
            {
                row.push_back(TextCell("–", Align::Center));
                cells.push_back(TextValue(""));
            }
            row.push_back(TextCell(kNoScoreYet, Align::Center));
            cells.push_back(TextValue(kNoScoreYet));
            t.rows.push_back(row);
            sheet.rows.push_back(cells);
            continue;
        }
        for (const model::Criterion* g : groups)
        {
            model::Points v = 0;
            if (stage)
                for (const scoring::CriterionResult& cr : stage->criteria)
                    if (cr.criterion_id == g->id)
                        v = cr.score.value;
            row.push_back(TextCell(Points(v), Align::Center));
            cells.push_back(NumberValue(v / 100.0, 2));
        }
        const model::Points bonus = stage ? stage->bonus.value : 0, penalty = stage ? stage->penalty.value : 0;
        row.push_back(TextCell(Points(bonus), Align::Center));
        row.push_back(TextCell(Points(penalty), Align::Center));
        row.push_back(TextCell(Points(m.ranking_total.value), Align::Center, true));
        row.push_back(TextCell(std::to_string(m.rank), Align::Center, true));
        row.push_back(TextCell(m.rating_label, Align::Center));
        t.rows.push_back(row);
        cells.push_back(NumberValue(bonus / 100.0, 2));
        cells.push_back(NumberValue(penalty / 100.0, 2));
        cells.push_back(NumberValue(m.ranking_total.value / 100.0, 2));
        cells.push_back(NumberValue(static_cast<double>(m.rank)));
        cells.push_back(TextValue(m.rating_label));
        sheet.rows.push_back(cells);
    }
    doc.blocks.push_back(TableBlock(t));
    for (const scoring::Tie& tie : result.ties)
        if (!tie.explanation.empty())
            AddBody(doc, "Ghi chú: " + tie.explanation, false, true);
    Table sig;
    sig.borders = false;
    sig.widths = {50, 50};
    sig.rows.push_back({SignatureCell({"", "NGƯỜI LẬP BẢNG", ""}, s.page.body_pt),
                        SignatureCell({"TM. " + Upper(c.cluster), "CỤM TRƯỞNG", ""}, s.page.body_pt)});
    Paragraph gap = Tight("");
    gap.space_after_pt = 12;
    doc.blocks.push_back(ParaBlock(gap));
    doc.blocks.push_back(TableBlock(sig));
    paper.sheets.push_back(sheet);
    paper.file_stem = "bang-tong-hop-diem-" + std::to_string(req.year);
    return paper;
}
} // namespace

// ---- [SECTION] BuildPaper -------------------------------------------------------------------------------------------

const std::vector<KindInfo>& Kinds()
{
    static const std::vector<KindInfo> kinds = {
        {Kind::Covenant, "giao-uoc-thi-dua", "Giao ước thi đua", "--year", false},
        {Kind::Minutes, "bien-ban-hoi-nghi", "Biên bản hội nghị", "--meeting", false},
        {Kind::BallotMinutes, "bien-ban-kiem-phieu", "Biên bản kiểm phiếu", "--ballot", true},
        {Kind::Proposal, "to-trinh-khen-thuong", "Tờ trình đề nghị khen thưởng", "--year", false},
        {Kind::ScoreTable, "bang-tong-hop-diem", "Bảng tổng hợp kết quả chấm điểm", "--year", true},
    };
    return kinds;
}

const KindInfo* FindKind(const std::string& slug)
{
    for (const KindInfo& k : Kinds())
        if (slug == k.slug)
            return &k;
    return nullptr;
}

const KindInfo& InfoOf(Kind kind)
{
    for (const KindInfo& k : Kinds())
        if (k.kind == kind)
            return k;
    return Kinds().front();
}

std::string FormatProblem(const Problem& p)
{
    std::string out = p.file;
    if (!p.pointer.empty())
        out += ":" + p.pointer;
    return out.empty() ? p.message : out + ": " + p.message;
}

std::string VietnameseDate(const std::string& iso)
{
    if (!text::IsValidDate(iso))
        return "";
    const int day = std::stoi(iso.substr(8, 2));
    const int month = std::stoi(iso.substr(5, 2));
    return "ngày " + TwoDigits(day) + " tháng " + (month <= 2 ? TwoDigits(month) : std::to_string(month)) + " năm " + iso.substr(0, 4);
}

Paper BuildPaper(const model::Dataset& data, const Request& request, const PaperSettings& settings)
{
    Paper paper;
    switch (request.kind)
    {
    case Kind::Covenant: paper = Covenant(data, request, settings); break;
    case Kind::Minutes: paper = Minutes(data, request, settings); break;
    case Kind::BallotMinutes: paper = BallotMinutes(data, request, settings); break;
    case Kind::Proposal: paper = Proposal(data, request, settings); break;
    case Kind::ScoreTable: paper = ScoreTable(data, request, settings); break;
    }
    if (!paper.problems.empty())
    {
        paper.document = Document{}; // never a half-filled paper
        paper.sheets.clear();
        paper.file_stem.clear();
    }
    return paper;
}
} // namespace docs
