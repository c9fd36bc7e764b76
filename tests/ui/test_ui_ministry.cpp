// The ministry's table across clusters (screen_ministry), headless: reached from the header by a ministry token in
// a deployment, every cluster's leader with its basis and proposals, the 20 % line in words, the invented cluster
// marked, no id or code on screen; a phone gets cards; "Các cụm, khối" asks for the start page.
#include "ui_harness.h"

#include "core/deployment/ministry.h"

#include <doctest/doctest.h>

namespace
{
bool Drawn(const ui::AppState& app, const std::string& part)
{
    for (const std::string& t : app.items.texts)
        if (t.find(part) != std::string::npos)
            return true;
    return false;
}

// The table the server computes for cum1 and cum2 of the sample deployment.
deployment::MinistryTable SampleTable(int32_t year)
{
    ui::AppState one, two;
    uitest::LoadFolder(one, THIDUA_SOURCE_DIR "/assets/data/cum1");
    uitest::LoadFolder(two, THIDUA_SOURCE_DIR "/assets/data/cum2");
    return deployment::BuildMinistryTable(
        {{{"cum1", "Cụm thi đua số I", "cluster", "Bộ Tài nguyên và Môi trường", false}, &one.dataset},
         {{"cum2", "Cụm thi đua số II (minh hoạ)", "cluster", "Bộ Tài nguyên và Môi trường", true}, &two.dataset}},
        year);
}
} // namespace

TEST_SUITE("ui")
{
    TEST_CASE("the ministry opens its table from the header; leaders, basis, proposals and the 20 % line, in Vietnamese")
    {
        for (const bool phone : {false, true})
        {
            CAPTURE(phone);
            uitest::Harness h(phone ? 390.0f : 1280.0f, phone ? 844.0f : 1400.0f); // the phone: its first card
            uitest::LoadFolder(h.app, THIDUA_SOURCE_DIR "/assets/data/cum1");
            h.app.cluster_address = "cum1";
            h.app.who = {roles::Role::Ministry, ""};
            h.app.who_known = true;
            h.Frames(2);
            CHECK(!h.Has("Chế độ sửa")); // read-only: no edit mode offered
            if (phone)
                REQUIRE(h.Tap("Tuỳ chọn")); // a phone keeps one row of controls; the rest is behind "Tuỳ chọn"
            REQUIRE(h.Tap("Bảng tổng hợp của Bộ"));
            CHECK(h.State()["screen"] == "ministry");
            CHECK(h.State()["route"] == "/bo");
            CHECK(h.app.ministry.load_requested); // the app layer fetches GET ../../api/ministry
            h.app.ministry.load_requested = false;
            h.app.ministry.table = SampleTable(2024);
            h.app.ministry.status = ui::MinistryScreen::Status::Ready;
            h.Frames(3);
            CHECK(Drawn(h.app, "Bảng tổng hợp các cụm, khối thi đua"));
            CHECK(Drawn(h.app, "Sở TN&MT Hải Dương"));
            if (!phone) // below the phone's first screen
            {
                CHECK(Drawn(h.app, "suy tôn bằng phiếu kín · 9/10 phiếu (90,0")); // a no-break space before %
                CHECK(Drawn(h.app, "Cờ thi đua của Bộ: Sở TN&MT Hải Dương (Đã trình)"));
                CHECK(Drawn(h.app, "suy tôn bằng phiếu kín · 5/6 phiếu (83,3"));
                CHECK(Drawn(h.app, "Cụm thi đua số II (minh hoạ)"));
            }
            CHECK(Drawn(h.app, "Năm 2024: 2 tập thể dẫn đầu → được đề nghị tối đa 0 (20 %, làm tròn xuống)"));
            CHECK(Drawn(h.app, "tối đa 20 % số tập thể dẫn đầu"));
            CHECK(Drawn(h.app, "MINH HOẠ"));
            CHECK(Drawn(h.app, "Không"));
            for (const std::string& t : h.app.items.texts)
                for (const char* code : {"cum1", "cum2", "org.", "co_thi_dua", "submitted", "honour_leader"})
                    CHECK_MESSAGE(t.find(code) == std::string::npos, t);
            // Another year: a tap asks the server again.
            REQUIRE(h.Tap("2021"));
            CHECK(h.app.ministry.year == 2021);
            CHECK(h.app.ministry.load_requested);
            if (!phone)
            {
                REQUIRE(h.Tap("Các cụm, khối"));
                CHECK(h.app.open_start_page);
            }
        }
    }

    TEST_CASE("the ministry table says why it is empty: refused, offline, a one-cluster server")
    {
        uitest::Harness h;
        uitest::LoadFolder(h.app, THIDUA_SOURCE_DIR "/assets/data/cum1");
        ui::OpenRoute(h.app, "/bo");
        h.app.ministry.load_requested = false;
        h.app.ministry.status = ui::MinistryScreen::Status::Refused;
        h.Frames(2);
        CHECK(Drawn(h.app, "Mã truy cập này không xem được bảng tổng hợp các cụm, khối."));
        h.app.ministry.status = ui::MinistryScreen::Status::NoDeployment;
        h.Frames(2);
        CHECK(Drawn(h.app, "Máy chủ này chỉ giữ một cụm thi đua."));
        // Without a cluster address (a one-cluster server) the header offers no list of clusters.
        CHECK(!h.Has("Các cụm, khối"));
    }

    TEST_CASE("the ministry table as a spreadsheet: the screen's words, numbers as numbers, the invented cluster marked")
    {
        uitest::Harness h;
        const deployment::MinistryTable t = SampleTable(2024);
        const docs::Sheet sheet = ui::MinistrySheet(h.app, t);
        CHECK(ui::MinistryFileName(t) == "bang-tong-hop-cac-cum-khoi-2024.xlsx");
        REQUIRE(sheet.header_row >= 0);
        REQUIRE(sheet.rows.size() == static_cast<size_t>(sheet.header_row) + 1 + t.rows.size());
        CHECK(sheet.rows[static_cast<size_t>(sheet.header_row)][1].text == "Cụm, khối");
        const auto& first = sheet.rows[static_cast<size_t>(sheet.header_row) + 1];
        CHECK(first[0].is_number);
        CHECK(first[0].number == 1);
        CHECK(first[2].text == "Sở TN&MT Hải Dương");
        CHECK(first[4].text.find("Cờ thi đua của Bộ: Sở TN&MT Hải Dương (Đã trình)") == 0);
        CHECK(first[6].is_number);
        CHECK(first[6].number == doctest::Approx(97.58));
        CHECK(sheet.rows[static_cast<size_t>(sheet.header_row) + 2][1].text == "Cụm thi đua số II (minh hoạ) (MINH HOẠ)");
        const std::string xlsx = docs::ToXlsx({sheet});
        CHECK(xlsx.rfind("PK", 0) == 0); // a zip
        CHECK(xlsx.size() > 1000);
    }

    TEST_CASE("the server's refusals about clusters read in Vietnamese, without cluster ids")
    {
        using ui::Language;
        CHECK(ui::TrMessage("the server refused the write (403): refused: this token is for cluster cum1, not cum2",
                            Language::Vi) == "máy chủ không nhận thay đổi (403): mã truy cập này dành cho cụm, khối khác");
        CHECK(ui::TrMessage("refused: the ministry role reads every cluster and writes none", Language::Vi) ==
              "tài khoản của Bộ chỉ xem các cụm, khối, không sửa dữ liệu");
        CHECK(ui::TrMessage("refused: this token names no cluster, and this server holds several; issue a token with "
                            "--cluster cum2",
                            Language::Vi)
                  .find("cum2") == std::string::npos);
        CHECK(ui::TrMessage("no cluster 'x9' in this deployment (GET /api/deployment lists them)", Language::Vi) ==
              "máy chủ không có cụm, khối này");
    }
}
