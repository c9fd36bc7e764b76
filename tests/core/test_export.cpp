// The results CSV: opens in Excel with Vietnamese intact (BOM), one row per member in rank order, safe quoting.
#include "core/io/dataset.h"
#include "core/io/export.h"
#include "core/scoring/scoring.h"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

namespace
{
model::Dataset LoadSample()
{
    const std::string root = THIDUA_SOURCE_DIR "/assets/data/cum1/";
    auto read = [&](const std::string& path) {
        std::ifstream in(root + path, std::ios::binary);
        std::ostringstream s;
        s << in.rdbuf();
        return s.str();
    };
    io::DataFiles files;
    files[io::kDescriptorPath] = read(io::kDescriptorPath);
    for (const std::string& path : io::ListDatasetFiles(files[io::kDescriptorPath], nullptr))
        files[path] = read(path);
    return io::LoadDataset(files).dataset;
}
} // namespace

TEST_SUITE("export")
{
    TEST_CASE("the results CSV starts with a BOM and lists every member in rank order with Vietnamese names")
    {
        const model::Dataset data = LoadSample();
        const scoring::YearResult result = scoring::ComputeYear(data, "year.cum1.2021");
        REQUIRE(result.found);
        const std::string csv = io::ResultsCsv(data, result);
        CHECK(csv.rfind("\xEF\xBB\xBF" "Hạng,Mã đơn vị,Đơn vị", 0) == 0);
        size_t rows = 0;
        for (char c : csv)
            rows += c == '\n';
        CHECK(rows == result.members.size() + 1);
        const std::string first = result.members.front().organization_id;
        CHECK(csv.find("\r\n1," + first + ",") != std::string::npos);
        CHECK(csv.find("Sở Tài nguyên và Môi trường") != std::string::npos);
        // Headers and cells in Vietnamese: stages and tie-break rules by name, not by code.
        const std::string header = csv.substr(0, csv.find("\r\n"));
        CHECK(header == "\xEF\xBB\xBF" "Hạng,Mã đơn vị,Đơn vị,Tổng (Tự chấm),Tổng (Chấm chéo),Tổng (Thống nhất),"
                        "Tổng xếp hạng,Xếp loại,Phá thế hoà");
        for (const char* code : {"self", "cross", "final", "bonus", "penalty", "group:"})
            CHECK_MESSAGE(csv.find(code) == std::string::npos, code);
    }

    TEST_CASE("a unit with no score yet has an empty rank and total, not 0 (a year still being scored)")
    {
        const model::Dataset data = LoadSample();
        const scoring::YearResult result = scoring::ComputeYear(data, "year.cum1.2026");
        REQUIRE(result.unranked == 2);
        const std::string csv = io::ResultsCsv(data, result);
        for (const scoring::MemberResult& m : result.members)
        {
            const size_t at = csv.find("," + m.organization_id + ",");
            REQUIRE(at != std::string::npos);
            const size_t start = csv.rfind("\r\n", at) + 2;
            const std::string row = csv.substr(start, csv.find("\r\n", at) - start);
            CAPTURE(row);
            if (m.rank > 0)
                CHECK(row.rfind(std::to_string(m.rank) + ",", 0) == 0);
            else // an empty rank; after the unit's name, every total, the rating and the tie-break are empty
            {
                CHECK(row.rfind("," + m.organization_id + ",", 0) == 0);
                const std::string after = row.substr(row.find("Sở"));
                CHECK(after.substr(after.find(',')).find_first_not_of(',') == std::string::npos);
            }
        }
    }

    TEST_CASE("a name with a comma or a quote is quoted, and a total uses a decimal point")
    {
        model::Dataset data = LoadSample();
        scoring::YearResult result = scoring::ComputeYear(data, "year.cum1.2021");
        REQUIRE(!result.members.empty());
        for (model::Organization& org : data.organizations)
            if (org.id == result.members.front().organization_id)
                org.name = "Sở \"A\", tỉnh B";
        result.members.front().ranking_total.value = 9758;
        const std::string csv = io::ResultsCsv(data, result);
        CHECK(csv.find(",\"Sở \"\"A\"\", tỉnh B\",") != std::string::npos);
        CHECK(csv.find(",97.58,") != std::string::npos);
    }
}
