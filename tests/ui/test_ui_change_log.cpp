// "Lịch sử thay đổi" drawn from given versions (the history driver's part is the browser test's): newest first,
// local time, who by name and role, the record's name and a readable field, from -> to in Vietnamese style; this
// tablet's unsent edits on top; the secretariat's restore asks first and says what goes back.
#include "ui_harness.h"

#include "core/edit/diff.h"
#include "core/edit/edit.h"
#include "core/io/dataset.h"
#include "ui/change_log.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <ctime>

namespace
{
const char* const kFile = "meetings/mtg.cum1.2026-03-19.giao-uoc.json"; // of the year in progress
const char* const kMeeting = "mtg.cum1.2026-03-19.giao-uoc";

bool Drawn(const ui::AppState& app, const std::string& part)
{
    return std::any_of(app.items.texts.begin(), app.items.texts.end(),
                       [&](const std::string& t) { return t.find(part) != std::string::npos; });
}

size_t Where(const ui::AppState& app, const std::string& part)
{
    for (size_t i = 0; i < app.items.texts.size(); ++i)
        if (app.items.texts[i].find(part) != std::string::npos)
            return i;
    return app.items.texts.size();
}

ui::ChangeEntry Version(const nlohmann::json& doc, const std::string& time, const std::string& who,
                        const std::string& role, const std::string& etag)
{
    ui::ChangeEntry e;
    e.time = time;
    e.who = who;
    e.role = role;
    e.action = "update";
    e.etag = etag;
    e.doc = doc;
    return e;
}
} // namespace

TEST_SUITE("ui")
{
    TEST_CASE("the change log of a meeting: versions newest first, pending edits on top, restore with confirmation")
    {
        setenv("TZ", "ICT-7", 1); // Việt Nam: UTC+7
        tzset();
        uitest::Harness h(1280, 1600); // tall enough for the whole log without scrolling
        uitest::LoadFolder(h.app, THIDUA_SOURCE_DIR "/assets/data/cum1");
        h.app.who = {roles::Role::Secretariat, ""};
        h.app.who_known = true;
        h.Frames(2);

        // Three versions on the server: the venue changed twice, the second time with the start date.
        const nlohmann::json v1 = nlohmann::json::parse(io::WriteFile(h.app.dataset, kFile));
        nlohmann::json v2 = v1, v3 = v1;
        v2["meeting"]["venue"]["name"] = "Hội trường A";
        v3["meeting"]["venue"]["name"] = "Hội trường B";
        v3["meeting"]["start_date"] = "2026-03-20";
        v3["meeting"]["members_present"] = 14.5;
        ui::ChangeLogState& log = h.app.change_log;
        log.open = true;
        log.path = kFile;
        log.title = "Hội nghị tổng kết";
        log.status = ui::ChangeLogState::Status::Ready;
        // The file as the server found it on its disk at start-up, the admin's first write, then two of the secretariat.
        log.entries = {Version(v1, "2026-11-29T23:30:00Z", "", "", "\"e0\""),
                       Version(v1, "2026-11-30T01:00:00Z", "t0a1b2c3d", "admin", "\"e1\""),
                       Version(v2, "2026-12-01T02:15:00Z", "t11111111 Nguyễn Thị Thư", "secretariat", "\"e2\""),
                       Version(v3, "2026-12-01T02:40:00Z", "t22222222 Nguyễn Thị Thư", "secretariat", "\"e3\"")};
        log.entries[0].action = "found";
        log.entries[0].first = true;
        log.entries[2].diffs = edit::DiffVersions(v1, v2);
        log.entries[3].diffs = edit::DiffVersions(v2, v3);
        log.current_etag = "\"e3\"";
        // An edit on this tablet, not yet sent.
        REQUIRE(edit::Apply(h.app.dataset, h.app.edit.journal, kFile, kMeeting, "venue/name", "Hội trường C").applied);
        h.app.data_changed = true;
        h.Frames(3);

        CHECK(Drawn(h.app, "Trên máy này, chưa gửi"));
        CHECK(Drawn(h.app, "Địa điểm: Sở Nông nghiệp và Môi trường tỉnh Phú Thọ → Hội trường C")); // from the value on this tablet
        CHECK(Drawn(h.app, "01/12/2026 09:40 · Nguyễn Thị Thư · Văn phòng Cụm"));
        CHECK(Drawn(h.app, "01/12/2026 09:15 · Nguyễn Thị Thư"));
        CHECK(Drawn(h.app, "Hội nghị ký kết giao ước thi đua năm 2026 của Cụm thi đua số I (minh họa)")); // the record
        CHECK(Drawn(h.app, "Địa điểm: Hội trường A → Hội trường B"));
        CHECK(Drawn(h.app, "Ngày bắt đầu: 19/03/2026 → 20/03/2026"));
        CHECK(Drawn(h.app, "Thành viên có mặt:"));
        CHECK(Drawn(h.app, "→ 14,5"));
        CHECK(Drawn(h.app, "Địa điểm: Sở Nông nghiệp và Môi trường tỉnh Phú Thọ → Hội trường A"));
        // One line for a whole change, as DescribeDiff words it.
        CHECK(ui::DescribeDiff(h.app, log.entries[2].diffs.at(0)) ==
              "Hội nghị ký kết giao ước thi đua năm 2026 của Cụm thi đua số I (minh họa) · Địa điểm: Sở Nông nghiệp và Môi trường tỉnh Phú Thọ → Hội trường A");
        CHECK(Drawn(h.app, "30/11/2026 08:00 · Quản trị máy chủ")); // no name: the role alone, never the token id
        CHECK(Drawn(h.app, "Phiên bản đầu tiên máy chủ lưu"));
        CHECK(Drawn(h.app, "Không có thông tin nào thay đổi")); // the admin's write changed nothing
        // Newest first, pending on top.
        CHECK(Where(h.app, "Trên máy này") < Where(h.app, "09:40"));
        CHECK(Where(h.app, "09:40") < Where(h.app, "Địa điểm: Hội trường A → Hội trường B"));
        CHECK(Where(h.app, "09:40") < Where(h.app, "09:15"));
        CHECK(Where(h.app, "09:15") < Where(h.app, "08:00"));
        CHECK(Drawn(h.app, "30/11/2026 06:30 · đã có trên máy chủ khi máy chủ khởi động"));
        for (const std::string& t : h.app.items.texts)
        {
            CHECK_MESSAGE(t.find("t11111111") == std::string::npos, t);
            CHECK_MESSAGE(t.find(kMeeting) == std::string::npos, t);
            CHECK_MESSAGE(t.find("venue") == std::string::npos, t);
            CHECK_MESSAGE(t.find("secretariat") == std::string::npos, t);
        }

        // Restore the oldest version: the confirmation says what goes back; while the tablet holds unsent edits of
        // this file, the restore waits for them.
        const std::vector<ui::RegisteredItem> restores = h.Items("Khôi phục phiên bản này");
        REQUIRE(restores.size() == 3); // not on the current version
        REQUIRE(h.TapItem(restores[1])); // drawn newest first: the 08:00 version
        h.Frames(2);
        CHECK(Drawn(h.app, "Những thông tin sau sẽ trở lại như cũ"));
        CHECK(Drawn(h.app, "Địa điểm: Hội trường B → Sở Nông nghiệp và Môi trường tỉnh Phú Thọ"));
        CHECK(Drawn(h.app, "Ngày bắt đầu: 20/03/2026 → 19/03/2026"));
        CHECK(Drawn(h.app, "Hãy gửi các thay đổi trên máy này"));
        h.app.edit.journal.pending.clear(); // sent
        h.Frames(2);
        REQUIRE(h.Tap("Khôi phục"));
        CHECK(log.restore_etag == "\"e1\"");

        // A unit sees the history but restores nothing.
        log.restore_etag.clear();
        h.app.who = {roles::Role::Unit, "org.sotnmt.27"};
        h.Frames(2);
        CHECK(!h.Has("Khôi phục phiên bản này"));
        // A file of a closed year: nobody restores it (the secretariat reopens the year first).
        h.app.who = {roles::Role::Secretariat, ""};
        log.path = "meetings/mtg.cum1.2021-12-15.tong-ket.json";
        h.Frames(2);
        CHECK(!h.Has("Khôi phục phiên bản này"));
        // Offline: the server's part says it needs the server.
        log.status = ui::ChangeLogState::Status::Offline;
        h.Frames(2);
        CHECK(Drawn(h.app, "cần kết nối tới máy chủ"));
        REQUIRE(h.Tap("Đóng"));
        h.Frames(2);
        CHECK(!log.open);
        unsetenv("TZ");
        tzset();
    }
}
