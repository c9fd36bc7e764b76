// The papers of core/docs: the ZIP container, Vietnamese dates, each of the five papers from the sample data, bad data
// refused with file + pointer, and the same bytes from the CLI as in-process. tests/docs/check_docs.py then opens the
// files with python-docx, openpyxl and LibreOffice; it asks this binary for the engine's figures
// ("docs: the engine's figures for check_docs.py", which writes JSON when THIDUA_DOCS_EXPECTED is set).
#include "core/docs/document.h"
#include "core/docs/papers.h"
#include "core/docs/zip.h"
#include "core/model/model.h"
#include "core/scoring/scoring.h"
#include "core/text/text.h"
#include "../core/sample.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include <sys/wait.h>

namespace
{
std::string DocumentText(const docs::Document& doc)
{
    std::string out = doc.banner + "\n";
    auto para = [&](const docs::Paragraph& p) {
        for (const docs::Run& r : p.runs)
            out += r.text;
        out += "\n";
    };
    for (const docs::Block& b : doc.blocks)
    {
        if (b.kind == docs::Block::Kind::Paragraph)
            para(b.paragraph);
        else
            for (const auto& row : b.table.rows)
                for (const docs::Cell& c : row)
                    for (const docs::Paragraph& p : c.paragraphs)
                        para(p);
    }
    return out;
}

docs::Paper Build(const model::Dataset& data, docs::Kind kind, int year, const std::string& id = "")
{
    docs::Request r;
    r.kind = kind;
    r.year = year;
    (kind == docs::Kind::Minutes ? r.meeting_id : r.ballot_id) = id;
    return docs::BuildPaper(data, r);
}

std::string ReadFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}
} // namespace

TEST_SUITE("docs")
{
    TEST_CASE("CRC-32 matches the standard check value and the ZIP has its records")
    {
        CHECK(docs::Crc32("123456789") == 0xCBF43926u);
        CHECK(docs::Crc32("") == 0u);
        const std::string zip = docs::Zip({{"a.txt", "hello"}, {"b/c.xml", "<x/>"}});
        CHECK(zip.rfind("PK\x03\x04", 0) == 0);
        CHECK(zip.find("PK\x01\x02") != std::string::npos);
        CHECK(zip.find("PK\x05\x06") == zip.size() - 22);
        CHECK(zip.find("hello") != std::string::npos);
    }

    TEST_CASE("dates are written the decree's way: leading zero for days below 10 and for January and February")
    {
        CHECK(docs::VietnameseDate("2024-12-15") == "ngày 15 tháng 12 năm 2024");
        CHECK(docs::VietnameseDate("2021-03-25") == "ngày 25 tháng 3 năm 2021");
        CHECK(docs::VietnameseDate("2021-02-05") == "ngày 05 tháng 02 năm 2021");
        CHECK(docs::VietnameseDate("2021-02-30") == "");
    }

    TEST_CASE("every kind is listed once with the option that selects its record")
    {
        CHECK(docs::Kinds().size() == 5);
        REQUIRE(docs::FindKind("bien-ban-kiem-phieu"));
        CHECK(std::string(docs::FindKind("bien-ban-kiem-phieu")->option) == "--ballot");
        CHECK(std::string(docs::FindKind("bien-ban-hoi-nghi")->option) == "--meeting");
        CHECK(docs::FindKind("bang-tong-hop-diem")->spreadsheet);
        CHECK(!docs::FindKind("giao-uoc-thi-dua")->spreadsheet);
        CHECK(docs::FindKind("nothing") == nullptr);
    }

    TEST_CASE("the five papers of 2021 build from the sample with the national title, motto and the synthetic mark")
    {
        const model::Dataset data = coretest::LoadSample();
        struct Case
        {
            docs::Kind kind;
            std::string id, type, stem;
        };
        const Case cases[] = {
            {docs::Kind::Covenant, "", "GIAO ƯỚC THI ĐUA", "giao-uoc-thi-dua-2021"},
            {docs::Kind::Minutes, "mtg.cum1.2021-12-15.tong-ket", "BIÊN BẢN", "bien-ban-hoi-nghi-tong-ket-2021-12-15"},
            {docs::Kind::BallotMinutes, "ballot.cum1.2021.suy-ton.r2", "BIÊN BẢN KIỂM PHIẾU", "bien-ban-kiem-phieu-2021-vong-2"},
            {docs::Kind::Proposal, "", "TỜ TRÌNH", "to-trinh-khen-thuong-2021"},
            {docs::Kind::ScoreTable, "", "BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM, XẾP HẠNG THI ĐUA NĂM 2021", "bang-tong-hop-diem-2021"},
        };
        for (const Case& c : cases)
        {
            CAPTURE(c.stem);
            const docs::Paper paper = Build(data, c.kind, 2021, c.id);
            for (const docs::Problem& p : paper.problems)
                FAIL_CHECK(docs::FormatProblem(p));
            CHECK(paper.file_stem == c.stem);
            const std::string text = DocumentText(paper.document);
            CHECK(text.find("\n" + c.type + "\n") != std::string::npos);
            if (c.kind != docs::Kind::ScoreTable)
            {
                CHECK(text.find("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") != std::string::npos);
                CHECK(text.find("Độc lập - Tự do - Hạnh phúc") != std::string::npos);
            }
            CHECK(paper.document.banner.find("DỮ LIỆU MINH HỌA") == 0);
            CHECK(text.find("CỤM THI ĐUA SỐ I") != std::string::npos);
            // Same input, same bytes (fixed ZIP timestamps, no clock, no randomness).
            CHECK(docs::ToDocx(paper.document, {}) == docs::ToDocx(Build(data, c.kind, 2021, c.id).document, {}));
        }
    }

    TEST_CASE("the ballot-count minutes carry both rounds, the engine's votes and percentages of its base")
    {
        const model::Dataset data = coretest::LoadSample();
        const docs::Paper paper = Build(data, docs::Kind::BallotMinutes, 2021, "ballot.cum1.2021.suy-ton.r2");
        REQUIRE(paper.problems.empty());
        const std::string text = DocumentText(paper.document);
        CHECK(text.find("Vòng 1") != std::string::npos);
        CHECK(text.find("Vòng 2") != std::string::npos);
        const scoring::YearResult result = scoring::ComputeYear(data, "year.cum1.2021");
        for (const scoring::BallotOutcome& o : result.ballots)
            CHECK(o.base == 10);
        // Round 2: Vĩnh Phúc 6 of the base 10 -> 60,00 %, elected.
        CHECK(text.find("60,00\u00a0%") != std::string::npos);
        CHECK(text.find("ngày 15 tháng 12 năm 2021") != std::string::npos);
        CHECK(text.find("Bắc Ninh, ngày 15 tháng 12 năm 2021") != std::string::npos);
        REQUIRE(paper.sheets.size() == 2);
        CHECK(paper.sheets[1].name == "Vòng 2");
    }

    TEST_CASE("the covenant is dated and placed where it was signed, with a signature block for every member")
    {
        const model::Dataset data = coretest::LoadSample();
        const docs::Paper paper = Build(data, docs::Kind::Covenant, 2021);
        REQUIRE(paper.problems.empty());
        const std::string text = DocumentText(paper.document);
        CHECK(text.find("Bắc Ninh, ngày 25 tháng 3 năm 2021") != std::string::npos);
        CHECK(text.find("SỞ TN&MT BẮC NINH\nGIÁM ĐỐC") != std::string::npos);
        CHECK(text.find("SỞ TN&MT NINH BÌNH\nGIÁM ĐỐC") != std::string::npos);
    }

    TEST_CASE("the score table shows every member's total and rank as the engine computed them")
    {
        const model::Dataset data = coretest::LoadSample();
        const docs::Paper paper = Build(data, docs::Kind::ScoreTable, 2021);
        REQUIRE(paper.problems.empty());
        CHECK(paper.document.landscape);
        const std::string text = DocumentText(paper.document);
        const scoring::YearResult result = scoring::ComputeYear(data, "year.cum1.2021");
        for (const scoring::MemberResult& m : result.members)
            CHECK(text.find(text::FormatPoints(m.ranking_total.value) + "\n" + std::to_string(m.rank) + "\n") != std::string::npos);
        const std::string xlsx = docs::ToXlsx(paper.sheets);
        CHECK(xlsx.find("<v>" + std::to_string(result.members.front().rank) + "</v>") != std::string::npos);
    }

    TEST_CASE("the score table of a year still being scored: a unit with no score has a row of '–', no rank and no 0")
    {
        const model::Dataset data = coretest::LoadSample();
        const docs::Paper paper = Build(data, docs::Kind::ScoreTable, 2026); // two of six units have sent nothing
        REQUIRE(paper.problems.empty());
        const std::string text = DocumentText(paper.document);
        std::string year_id;
        for (const model::YearFile& y : data.years)
            if (y.year.year == 2026)
                year_id = y.year.id;
        const scoring::YearResult result = scoring::ComputeYear(data, year_id);
        REQUIRE(result.unranked == 2);
        for (const scoring::MemberResult& m : result.members)
        {
            if (m.rank > 0)
            {
                CHECK(text.find(text::FormatPoints(m.ranking_total.value) + "\n" + std::to_string(m.rank) + "\n") != std::string::npos);
                continue;
            }
            // The row: the unit's short name, then "–" in every figure and the rank, then "Chưa có điểm".
            std::string name;
            for (const model::Organization& o : data.organizations)
                if (o.id == m.organization_id)
                    name = o.short_name.empty() ? o.name : o.short_name;
            REQUIRE_FALSE(name.empty());
            const size_t at = text.find(name + "\n");
            REQUIRE(at != std::string::npos);
            const size_t end = text.find("Chưa có điểm\n", at);
            REQUIRE(end != std::string::npos);
            const std::string cells = text.substr(at + name.size() + 1, end - at - name.size() - 1);
            CAPTURE(cells);
            CHECK(cells.find_first_of("0123456789") == std::string::npos);
            CHECK(std::count(cells.begin(), cells.end(), '\n') >= 5); // groups, bonus, penalty, total, rank
        }
    }

    TEST_CASE("a ballot without counts and a meeting without a chair are refused, naming the file and the pointer")
    {
        model::Dataset data = coretest::LoadSample();
        for (model::Results& r : data.results)
            for (model::Ballot& b : r.ballots)
                if (b.id == "ballot.cum1.2021.suy-ton.r2")
                    b.counts.clear();
        docs::Paper paper = Build(data, docs::Kind::BallotMinutes, 2021, "ballot.cum1.2021.suy-ton.r2");
        REQUIRE(paper.problems.size() == 1);
        CHECK(docs::FormatProblem(paper.problems[0]) ==
              "years/2021/results.json:/ballots/1/counts: chưa ghi số phiếu của từng đơn vị (vòng 2)");
        CHECK(paper.document.blocks.empty());
        CHECK(paper.file_stem.empty());

        for (model::Meeting& m : data.meetings)
            if (m.id == "mtg.cum1.2021-12-15.tong-ket")
            {
                m.chair_person_id.clear();
                for (model::Participant& p : m.participants)
                    if (p.role_at_event == "chair")
                        p.role_at_event = "delegate";
            }
        paper = Build(data, docs::Kind::Minutes, 2021, "mtg.cum1.2021-12-15.tong-ket");
        REQUIRE(paper.problems.size() == 1);
        CHECK(paper.problems[0].file == "meetings/mtg.cum1.2021-12-15.tong-ket.json");
        CHECK(paper.problems[0].pointer == "/meeting/chair_person_id");
        CHECK(paper.document.blocks.empty());

        paper = Build(data, docs::Kind::Proposal, 2030);
        REQUIRE(paper.problems.size() == 1);
        CHECK(paper.problems[0].file == "years/2030/year.json");
    }

    TEST_CASE("the CLI writes the same bytes as the core, lists the kinds, and refuses bad data with exit 1")
    {
        const model::Dataset data = coretest::LoadSample();
        const std::string out = std::string(THIDUA_SOURCE_DIR) + "/build/test-docs-cli.docx";
        const std::string cmd = std::string("\"") + THIDUA_CLI + "\" doc bien-ban-kiem-phieu --ballot ballot.cum1.2021.suy-ton.r2 \"" +
                                THIDUA_SOURCE_DIR + "/assets/data/cum1\" \"" + out + "\" >/dev/null 2>&1";
        REQUIRE(std::system(cmd.c_str()) == 0);
        CHECK(ReadFile(out) == docs::ToDocx(Build(data, docs::Kind::BallotMinutes, 2021, "ballot.cum1.2021.suy-ton.r2").document, {}));
        std::remove(out.c_str());

        FILE* p = popen((std::string("\"") + THIDUA_CLI + "\" doc --list").c_str(), "r");
        REQUIRE(p);
        std::string listed;
        char buf[512];
        while (fgets(buf, sizeof buf, p))
            listed += buf;
        CHECK(pclose(p) == 0);
        CHECK(listed.find("bien-ban-kiem-phieu --ballot") != std::string::npos);
        CHECK(listed.find("giao-uoc-thi-dua --year") != std::string::npos);

        const std::string missing = std::string("\"") + THIDUA_CLI + "\" doc bien-ban-hoi-nghi --meeting mtg.nothing \"" +
                                    THIDUA_SOURCE_DIR + "/assets/data/cum1\" /tmp/x.docx >/dev/null 2>&1";
        CHECK(WEXITSTATUS(std::system(missing.c_str())) == 1);
    }

    TEST_CASE("the engine's figures for check_docs.py")
    {
        const char* path = std::getenv("THIDUA_DOCS_EXPECTED");
        if (!path)
            return;
        const model::Dataset data = coretest::LoadSample();
        nlohmann::json out = nlohmann::json::object();
        for (const model::YearFile& y : data.years)
        {
            const scoring::YearResult r = scoring::ComputeYear(data, y.year.id);
            nlohmann::json members = nlohmann::json::array();
            for (const scoring::MemberResult& m : r.members)
            {
                std::string name = m.organization_id, short_name = m.organization_id;
                for (const model::Organization& o : data.organizations)
                    if (o.id == m.organization_id)
                        name = o.name, short_name = o.short_name;
                members.push_back({{"name", name}, {"short_name", short_name}, {"total", m.ranking_total.value / 100.0},
                                   {"total_text", text::FormatPoints(m.ranking_total.value)}, {"rank", m.rank}});
            }
            out["years"][std::to_string(y.year.year)] = members;
            for (const scoring::BallotOutcome& o : r.ballots)
                for (const model::Results& res : data.results)
                    for (const model::Ballot& b : res.ballots)
                        if (b.id == o.ballot_id)
                        {
                            nlohmann::json counts = nlohmann::json::array();
                            for (const model::VoteCount& vc : b.counts)
                            {
                                std::string name = vc.option;
                                for (const model::Organization& org : data.organizations)
                                    if (org.id == vc.option)
                                        name = org.name;
                                counts.push_back({{"name", name}, {"votes", vc.votes},
                                                  {"percent", o.base > 0 ? std::round(10000.0 * vc.votes / o.base) / 100.0 : 0.0}});
                            }
                            out["ballots"][b.id] = {{"year", y.year.year}, {"round", b.round}, {"counts", counts}, {"base", o.base},
                                                    {"result", o.result}, {"issued", b.ballots_issued}, {"valid", b.ballots_valid}};
                        }
        }
        std::ofstream(path) << out.dump(2);
    }
}
