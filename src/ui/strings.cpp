// The string table: one row per Str, {Vietnamese, English}. Text is UTF-8 NFC.
#include "ui/strings.h"

namespace
{
struct Row
{
    const char* vi;
    const char* en;
};

const Row kRows[] = {
    /* AppName          */ {"Thidua", "Thidua"},
    /* ClusterLabel     */ {"Cụm thi đua", "Emulation cluster"},
    /* NavOverview      */ {"Tổng quan", "Overview"},
    /* NavMembers       */ {"Thành viên", "Members"},
    /* NavMeetings      */ {"Hội nghị", "Meetings"},
    /* NavCovenant      */ {"Giao ước", "Covenant"},
    /* NavResults       */ {"Kết quả", "Results"},
    /* NavHistory       */ {"Lịch sử", "History"},
    /* Loading          */ {"Đang tải dữ liệu…", "Loading data…"},
    /* LoadFailed       */ {"Không tải được dữ liệu", "The data could not be loaded"},
    /* DataIssues       */ {"Vấn đề trong dữ liệu", "Problems in the data"},
    /* SyntheticBadge   */ {"DỮ LIỆU MINH HOẠ", "DEMONSTRATION DATA"},
    /* SyntheticExplain */ {"Một phần dữ liệu là giả lập để minh hoạ, không phải kết quả thật.",
                            "Part of this data is invented for demonstration, not real results."},
    /* Year             */ {"Năm", "Year"},
    /* Theme            */ {"Chủ đề", "Theme"},
    /* Chair            */ {"Cụm trưởng", "Chair"},
    /* Deputy           */ {"Cụm phó", "Deputy"},
    /* Members          */ {"Thành viên", "Members"},
    /* NotKnown         */ {"Chưa rõ", "Not known"},
    /* LastMeeting      */ {"Hội nghị gần nhất", "Last meeting"},
    /* NextMeeting      */ {"Hội nghị sắp tới", "Next meeting"},
    /* YearStatus       */ {"Tiến độ năm", "Where the year stands"},
    /* Language         */ {"English", "Tiếng Việt"},
    /* TextSize         */ {"Cỡ chữ", "Text size"},
    /* Retry            */ {"Thử lại", "Retry"},
    /* SyncLocal        */ {"Dữ liệu trên máy", "Local data"},
};
static_assert(sizeof(kRows) / sizeof(kRows[0]) == static_cast<int>(ui::Str::Count), "one row per ui::Str");
} // namespace

const char* ui::Tr(Str id, Language lang)
{
    const Row& row = kRows[static_cast<int>(id)];
    return lang == Language::Vi ? row.vi : row.en;
}
