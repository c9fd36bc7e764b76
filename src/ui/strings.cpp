// The string table: one row per Str, {Vietnamese, English}, then the names of the codes used in the data.
// Text is UTF-8 NFC and uses only glyphs the embedded font subset has (see theme.cpp).
#include "ui/strings.h"

#include "core/text/text.h"

#include <vector>

namespace
{
struct Row
{
    ui::Str id;
    const char* vi;
    const char* en;
};

constexpr Row kRows[] = {
    {ui::Str::AppName, "Thidua", "Thidua"},
    {ui::Str::ClusterLabel, "Cụm thi đua", "Emulation cluster"},
    {ui::Str::NavOverview, "Tổng quan", "Overview"},
    {ui::Str::NavMembers, "Thành viên", "Members"},
    {ui::Str::NavMeetings, "Hội nghị", "Meetings"},
    {ui::Str::NavCovenant, "Giao ước", "Covenant"},
    {ui::Str::NavResults, "Kết quả", "Results"},
    {ui::Str::NavHistory, "Lịch sử", "History"},
    {ui::Str::Loading, "Đang tải dữ liệu…", "Loading data…"},
    {ui::Str::LoadFailed, "Không tải được dữ liệu", "The data could not be loaded"},
    {ui::Str::DataIssues, "Vấn đề trong dữ liệu", "Problems in the data"},
    {ui::Str::SyntheticBadge, "DỮ LIỆU MINH HOẠ", "DEMONSTRATION DATA"},
    {ui::Str::SyntheticExplain, "Một phần dữ liệu là giả lập để minh hoạ, không phải kết quả thật.", "Part of this data is invented for demonstration, not real results."},
    {ui::Str::Year, "Năm", "Year"},
    {ui::Str::Theme, "Chủ đề", "Theme"},
    {ui::Str::SectorTheme, "Chủ đề của ngành", "Sector theme"},
    {ui::Str::Chair, "Cụm trưởng", "Chair"},
    {ui::Str::Deputy, "Cụm phó", "Deputy"},
    {ui::Str::Members, "Thành viên", "Members"},
    {ui::Str::NotKnown, "Chưa ghi nhận trong dữ liệu", "Not recorded"},
    {ui::Str::LeaderNotDecided, "Chưa xác định: còn đơn vị chưa có điểm", "Not decided: some units have no score yet"},
    {ui::Str::LastMeeting, "Hội nghị gần nhất", "Last meeting"},
    {ui::Str::NextMeeting, "Hội nghị sắp tới", "Next meeting"},
    {ui::Str::NoMeeting, "Không có", "None"},
    {ui::Str::YearStatus, "Tiến độ năm", "Where the year stands"},
    {ui::Str::Status, "Trạng thái", "Status"},
    {ui::Str::Phase, "Giai đoạn", "Phase"},
    {ui::Str::Dates, "Thời gian", "Dates"},
    {ui::Str::Date, "Ngày", "Date"},
    {ui::Str::NoYear, "Chưa có dữ liệu năm thi đua", "No emulation year in the data"},
    {ui::Str::Language, "English", "Tiếng Việt"},
    {ui::Str::More, "Tuỳ chọn", "Options"},
    {ui::Str::Calendar, "Lịch", "Calendar"},
    {ui::Str::Month, "Tháng", "Month"},
    {ui::Str::Empty, "(trống)", "(empty)"},
    {ui::Str::UndoAdded, "thêm mới", "added"},
    {ui::Str::UndoRemoved, "xoá", "removed"},
    {ui::Str::SyntheticShort, "MINH HOẠ", "SAMPLE"},
    {ui::Str::TextSize, "Cỡ chữ", "Text size"},
    {ui::Str::TextSmaller, "A–", "A–"},
    {ui::Str::TextLarger, "A+", "A+"},
    {ui::Str::Retry, "Thử lại", "Retry"},
    {ui::Str::SyncLocal, "Dữ liệu trên máy", "Local data"},
    {ui::Str::PendingEdits, "Thay đổi chờ đồng bộ", "Changes waiting to sync"},
    {ui::Str::EditMode, "Chỉnh sửa", "Edit"},
    {ui::Str::Undo, "Hoàn tác", "Undo"},
    {ui::Str::Redo, "Làm lại", "Redo"},
    {ui::Str::Undone, "Đã hoàn tác", "Undone"},
    {ui::Str::Redone, "Đã làm lại", "Redone"},
    {ui::Str::EditSaved, "Đã lưu thay đổi", "Change saved"},
    {ui::Str::EditRefused, "Không lưu được", "Not saved"},
    {ui::Str::NotANumber, "Hãy nhập một số (tối đa hai chữ số thập phân)", "Enter a number (at most two decimals)"},
    {ui::Str::Present, "Trình chiếu", "Present"},
    {ui::Str::LeavePresentation, "Thoát trình chiếu", "Leave presentation"},
    {ui::Str::Search, "Tìm kiếm", "Search"},
    {ui::Str::NothingFound, "Không tìm thấy", "Nothing found"},
    {ui::Str::Name, "Tên", "Name"},
    {ui::Str::Area, "Địa bàn", "Area"},
    {ui::Str::GsoCode, "mã", "code"},
    {ui::Str::MemberSince, "Năm tham gia", "Member years"},
    {ui::Str::BackToList, "‹ Danh sách thành viên", "‹ All members"},
    {ui::Str::Head, "Người đứng đầu", "Head"},
    {ui::Str::Founded, "Thành lập", "Founded"},
    {ui::Str::Dissolved, "Giải thể / hợp nhất", "Dissolved or merged"},
    {ui::Str::Predecessors, "Tiền thân", "Predecessors"},
    {ui::Str::Successors, "Đơn vị kế thừa", "Successors"},
    {ui::Str::RolesByYear, "Vai trò qua các năm", "Roles by year"},
    {ui::Str::Role, "Vai trò", "Role"},
    {ui::Str::RoleMember, "Thành viên", "Member"},
    {ui::Str::People, "Lãnh đạo và cán bộ", "People"},
    {ui::Str::Post, "Chức vụ", "Post"},
    {ui::Str::Sources, "Nguồn", "Sources"},
    {ui::Str::Contacts, "Liên hệ", "Contacts"},
    {ui::Str::PrivateContact, "riêng tư", "private"},
    {ui::Str::ShowPrivate, "Hiện liên hệ riêng tư", "Show private contacts"},
    {ui::Str::HidePrivate, "Ẩn liên hệ riêng tư", "Hide private contacts"},
    {ui::Str::PrivateHiddenOnProjector, "Liên hệ riêng tư không hiện khi trình chiếu.", "Private contacts are not shown on the projector."},
    {ui::Str::Copied, "Đã sao chép", "Copied"},
    {ui::Str::BackToTimeline, "‹ Các hội nghị", "‹ All meetings"},
    {ui::Str::Meeting, "Hội nghị", "Meeting"},
    {ui::Str::MeetingName, "Tên hội nghị", "Meeting name"},
    {ui::Str::StartDate, "Ngày bắt đầu (dd/mm/yyyy)", "Start date (dd/mm/yyyy)"},
    {ui::Str::EndDate, "Ngày kết thúc (dd/mm/yyyy)", "End date (dd/mm/yyyy)"},
    {ui::Str::Kind, "Loại", "Kind"},
    {ui::Str::Venue, "Địa điểm", "Venue"},
    {ui::Str::Host, "Đơn vị đăng cai", "Host"},
    {ui::Str::Presiding, "Chủ trì", "Presiding"},
    {ui::Str::Agenda, "Chương trình", "Agenda"},
    {ui::Str::Participants, "Đại biểu", "Participants"},
    {ui::Str::TitleAtMeeting, "Chức danh tại hội nghị", "Title at the meeting"},
    {ui::Str::Documents, "Tài liệu", "Documents"},
    {ui::Str::Decisions, "Kết luận và nhiệm vụ", "Decisions and tasks"},
    {ui::Str::AssignedBy, "Người giao", "Assigned by"},
    {ui::Str::Assignees, "Đơn vị thực hiện", "Assignees"},
    {ui::Str::DueDate, "Hạn", "Due"},
    {ui::Str::NoneYet, "Chưa có", "None yet"},
    {ui::Str::NoCovenant, "Chưa ghi nhận giao ước của năm này", "No covenant recorded for this year"},
    {ui::Str::SignedOn, "Ngày ký", "Signed on"},
    {ui::Str::SigningMeeting, "Hội nghị ký kết", "Signing conference"},
    {ui::Str::Commitments, "Nội dung giao ước", "Commitments"},
    {ui::Str::Signatories, "Đơn vị ký kết", "Signatories"},
    {ui::Str::Unit, "Đơn vị", "Unit"},
    {ui::Str::SignedBy, "Người ký", "Signed by"},
    {ui::Str::Registrations, "Đăng ký thi đua", "Registrations"},
    {ui::Str::TitlesRegistered, "Danh hiệu đăng ký", "Titles registered"},
    {ui::Str::Targets, "Chỉ tiêu", "Targets"},
    {ui::Str::ScoreGrid, "Bảng điểm", "Score grid"},
    {ui::Str::Ballots, "Bỏ phiếu", "Ballots"},
    {ui::Str::AwardProposals, "Đề nghị khen thưởng", "Award proposals"},
    {ui::Str::AllCriteria, "Chi tiết tiêu chí", "All criteria"},
    {ui::Str::NoScores, "Chưa có điểm", "No scores yet"},
    {ui::Str::RankedOn, "Xếp hạng theo", "Ranked on"},
    {ui::Str::TapForExplanation, "chạm vào một con số để xem cách tính", "tap a figure to see how it was computed"},
    {ui::Str::Rank, "Hạng", "Rank"},
    {ui::Str::BasePoints, "Điểm tiêu chí", "Criteria"},
    {ui::Str::Bonus, "Cộng", "Bonus"},
    {ui::Str::Penalty, "Trừ", "Penalty"},
    {ui::Str::Total, "Tổng", "Total"},
    {ui::Str::Rating, "Xếp loại", "Rating"},
    {ui::Str::Explanation, "Cách tính", "How it was computed"},
    {ui::Str::NoExplanation, "Không có giải thích", "No explanation"},
    {ui::Str::NoInputs, "Chưa có điểm nhập cho ô này", "No score entered for this cell"},
    {ui::Str::InputBy, "Điểm do", "Entered by"},
    {ui::Str::Close, "Đóng", "Close"},
    {ui::Str::NoBallots, "Chưa có kết quả bỏ phiếu", "No ballots yet"},
    {ui::Str::Round, "Vòng", "Round"},
    {ui::Str::OfRound, "vòng", "round"},
    {ui::Str::Phases, "Giai đoạn", "Phases"},
    {ui::Str::OpenPhase, "Mở", "Open"},
    {ui::Str::ClosePhase, "Kết thúc", "Close"},
    {ui::Str::MembersPresent, "Đơn vị có mặt", "Members present"},
    {ui::Str::MembersTotal, "Tổng số thành viên", "Members in total"},
    {ui::Str::BallotsIssued, "Số phiếu phát ra", "Ballots issued"},
    {ui::Str::BallotsReturned, "Số phiếu thu về", "Ballots returned"},
    {ui::Str::BallotsValid, "Phiếu hợp lệ", "Valid ballots"},
    {ui::Str::BallotsInvalid, "Phiếu không hợp lệ", "Invalid ballots"},
    {ui::Str::VotesNeeded, "Số phiếu cần đạt", "Votes needed"},
    {ui::Str::Candidate, "Đơn vị được đề cử", "Candidate"},
    {ui::Str::Votes, "Số phiếu", "Votes"},
    {ui::Str::RuleApplied, "Quy định áp dụng", "Rule applied"},
    {ui::Str::Award, "Hình thức khen thưởng", "Award"},
    {ui::Str::Basis, "Căn cứ", "Basis"},
    {ui::Str::RulesSuggest, "Theo quy chế", "What the rules suggest"},
    {ui::Str::ChartRanks, "Thứ hạng", "Ranks"},
    {ui::Str::ChartTotals, "Tổng điểm", "Totals"},
    {ui::Str::LeadingUnits, "Đơn vị dẫn đầu qua các năm", "Leading unit of each year"},
    {ui::Str::LeadingUnit, "Đơn vị dẫn đầu", "Leading unit"},
    {ui::Str::ByBallot, "suy tôn", "elected"},
    {ui::Str::ByRank, "xếp hạng", "ranked first"},
    {ui::Str::CriteriaTable, "Bảng tiêu chí chấm điểm", "Scoring criteria"},
    {ui::Str::Criterion, "Tiêu chí", "Criterion"},
    {ui::Str::MaxPoints, "Điểm tối đa", "Max points"},
    {ui::Str::UnitsScored, "Số đơn vị được chấm", "Units scored"},
    {ui::Str::StillHidden, "Còn chưa công bố", "Still to reveal"},
    {ui::Str::RevealTitle, "Công bố kết quả thi đua năm", "Emulation results"},
    {ui::Str::RevealHint, "Công bố từ vị trí cuối đến vị trí dẫn đầu", "From last place to first"},
    {ui::Str::RevealNotFinal, "Chưa công bố được: chưa có điểm thống nhất", "Not ready to announce: no agreed final scores yet"},
    {ui::Str::Ranking, "Xếp hạng năm", "Ranking"},
    {ui::Str::BallotResult, "Kết quả bỏ phiếu suy tôn", "Ballot result"},
    {ui::Str::AwardsSlide, "Đề nghị khen thưởng", "Award proposals"},
    {ui::Str::SyncSynced, "Đã đồng bộ lúc", "Synced at"},
    {ui::Str::SyncWaiting, "thay đổi đã lưu trên máy này, chờ gửi lên máy chủ", "edits saved on this device, waiting to be sent"},
    {ui::Str::SyncSyncing, "Đang đồng bộ…", "Syncing…"},
    {ui::Str::SyncOffline, "Ngoại tuyến từ", "Offline since"},
    {ui::Str::SyncLastSynced, "đồng bộ lần cuối", "last synced"},
    {ui::Str::SyncConflict, "xung đột cần chọn", "conflicts to resolve"},
    {ui::Str::SyncError, "Lỗi đồng bộ — chạm để xem", "Sync problem — tap for details"},
    {ui::Str::SyncReadOnly, "Chỉ xem: ứng dụng đang mở ở thẻ khác", "Read only: the app is open in another tab"},
    {ui::Str::SyncNotPersisted, "Trình duyệt chưa cam kết giữ dữ liệu trên máy này lâu dài; hãy đồng bộ thường xuyên hoặc thêm ứng dụng vào màn hình chính.", "The browser has not promised to keep data on this device; sync often or add the app to the home screen."},
    {ui::Str::SyncWorkerFailed, "Chưa đồng bộ được: phần đồng bộ của ứng dụng không chạy được trên trình duyệt này lúc này. Ứng dụng sẽ tự thử lại; dữ liệu trên máy vẫn được giữ.", "Could not sync: the app's sync worker did not run in this browser. The app retries by itself; the data on this device is kept."},
    {ui::Str::ConflictTitle, "Xung đột", "Conflict"},
    {ui::Str::ConflictMine, "Giá trị trên máy này", "Value on this device"},
    {ui::Str::ConflictServer, "Giá trị trên máy chủ", "Value on the server"},
    {ui::Str::KeepMine, "Giữ giá trị trên máy này", "Keep this device's value"},
    {ui::Str::KeepServer, "Giữ giá trị trên máy chủ", "Keep the server's value"},
    {ui::Str::ServerProblems, "Tệp có vấn đề trên máy chủ", "Problem files on the server"},
    {ui::Str::SyncNow, "Đồng bộ ngay", "Sync now"},
    {ui::Str::DownloadPending, "Tải xuống các thay đổi đang chờ", "Download pending edits"},
    {ui::Str::UpdateNow, "Có phiên bản mới — cập nhật", "New version — update"},
    {ui::Str::UpdateWait, "Có phiên bản mới (cập nhật sau khi đồng bộ xong)", "New version (update once everything is synced)"},
    {ui::Str::DecisionText, "Nội dung", "Text"},
    {ui::Str::ExportCsv, "Tải về CSV (Excel)", "Download CSV (Excel)"},
    {ui::Str::PaperAction, "Văn bản", "Papers"},
    {ui::Str::PaperExcel, "Bảng tính Excel", "Excel spreadsheet"},
    {ui::Str::DocumentLacks, "Chưa lập được văn bản, dữ liệu còn thiếu:", "The paper cannot be made; the data lacks:"},
    {ui::Str::DocumentSaved, "Đã tải về", "Downloaded"},
    {ui::Str::DataFiles, "Tệp dữ liệu", "Data files"},
    {ui::Str::ExportDataset, "Xuất toàn bộ dữ liệu (JSON)", "Export all data (JSON)"},
    {ui::Str::ExportOneFile, "Tải một tệp dữ liệu (JSON)", "Download one data file (JSON)"},
    {ui::Str::ImportJson, "Nhập tệp JSON…", "Import a JSON file…"},
    {ui::Str::ImportTitle, "Nhập dữ liệu từ tệp", "Import data from a file"},
    {ui::Str::ImportFile, "Tệp", "File"},
    {ui::Str::ImportData, "Dữ liệu", "Data"},
    {ui::Str::ImportAdded, "Bản ghi thêm mới", "Records added"},
    {ui::Str::ImportChanged, "Trường thay đổi", "Fields changed"},
    {ui::Str::ImportConflicts, "Xung đột (chọn sau trong bảng đồng bộ)", "Conflicts (choose later in the sync panel)"},
    {ui::Str::ImportFirstChanges, "Các thay đổi", "Changes"},
    {ui::Str::ImportMore, "thay đổi khác", "more changes"},
    {ui::Str::ImportNew, "thêm mới", "new"},
    {ui::Str::ImportApply, "Nhập", "Import"},
    {ui::Str::ImportCancel, "Huỷ", "Cancel"},
    {ui::Str::ImportClose, "Đóng", "Close"},
    {ui::Str::ImportDone, "Đã nhập", "Imported"},
    {ui::Str::ImportNothing, "Tệp giống dữ liệu trên máy này — không có gì để nhập.", "The file matches the data on this device — nothing to import."},
    {ui::Str::ImportRefused, "Không nhập tệp này; dữ liệu không thay đổi.", "The file was not imported; nothing changed."},
    {ui::Str::ImportSkipped, "Bỏ qua", "Left out"},
    {ui::Str::ImportNeedsEdit, "Bật “Chỉnh sửa” để nhập tệp.", "Turn on “Edit” to import a file."},
    {ui::Str::ConflictInFile, "Giá trị trong tệp nhập", "Value in the imported file"},
    {ui::Str::ConflictCurrent, "Giá trị hiện có", "Current value"},
    {ui::Str::KeepFile, "Giữ giá trị trong tệp nhập", "Keep the imported value"},
    {ui::Str::KeepCurrent, "Giữ giá trị hiện có", "Keep the current value"},
    // ---- change log (issue 10, branch changelog) ----
    {ui::Str::ChangeLog, "Lịch sử thay đổi", "Change log"},
    {ui::Str::ChangeLogPending, "Trên máy này, chưa gửi", "On this device, not yet sent"},
    {ui::Str::ChangeLogNeedsServer, "Lịch sử thay đổi trên máy chủ cần kết nối tới máy chủ. Dưới đây chỉ có những thay đổi trên máy này.", "The change history needs the server. Below are only the changes made on this device."},
    {ui::Str::ChangeLogNoServer, "Máy chủ này không lưu lịch sử thay đổi. Dưới đây chỉ có những thay đổi trên máy này.", "This server keeps no history. Below are only the changes made on this device."},
    {ui::Str::ChangeLogLoading, "Đang tải lịch sử thay đổi…", "Loading the change history…"},
    {ui::Str::ChangeLogFailed, "Không tải được lịch sử thay đổi", "The change history could not be loaded"},
    {ui::Str::ChangeLogEmpty, "Chưa có thay đổi nào", "No changes yet"},
    {ui::Str::ChangeLogFirst, "Phiên bản đầu tiên máy chủ lưu", "The first version the server keeps"},
    {ui::Str::ChangeLogNotKept, "Máy chủ không còn giữ phiên bản này", "The server no longer keeps this version"},
    {ui::Str::ChangeLogNoField, "Không có thông tin nào thay đổi", "No field changed"},
    {ui::Str::ChangeLogCurrent, "Phiên bản hiện tại", "Current version"},
    {ui::Str::ChangeLogRestore, "Khôi phục phiên bản này", "Restore this version"},
    {ui::Str::ChangeLogRestoreAsk, "Khôi phục phiên bản này? Những thông tin sau sẽ trở lại như cũ:", "Restore this version? These fields go back:"},
    {ui::Str::ChangeLogRestoreYes, "Khôi phục", "Restore"},
    {ui::Str::ChangeLogRestoring, "Đang khôi phục…", "Restoring…"},
    {ui::Str::ChangeLogRestored, "Đã khôi phục phiên bản cũ", "The older version is restored"},
    {ui::Str::ChangeLogRestoreFailed, "Không khôi phục được", "The restore failed"},
    {ui::Str::ChangeLogRestoreStale, "tệp vừa được sửa ở nơi khác; hãy xem lại lịch sử rồi thử lại", "the file was just changed elsewhere; look at the history again and retry"},
    {ui::Str::ChangeLogSendFirst, "Hãy gửi các thay đổi trên máy này lên máy chủ trước khi khôi phục.", "Send this device's changes to the server before restoring."},
    {ui::Str::ChangeLogRestoreAction, "khôi phục phiên bản cũ", "restored an older version"},
    {ui::Str::ChangeLogAdded, "thêm mới", "added"},
    {ui::Str::ChangeLogRemoved, "bỏ đi", "removed"},
    {ui::Str::ChangeLogFileFields, "Thông tin chung", "General information"},
    {ui::Str::ChangeLogSomeone, "Không rõ người sửa", "Unknown editor"},
    {ui::Str::ChangeLogOtherField, "Thông tin khác", "Other information"},
    {ui::Str::ChangeLogReload, "Tải lại", "Reload"},
    {ui::Str::ChangeLogMore, "thay đổi khác", "more changes"},
    {ui::Str::ChangeLogFound, "đã có trên máy chủ khi máy chủ khởi động", "on the server when it started"},
    {ui::Str::ChangeLogYes, "Có", "Yes"},
    {ui::Str::ChangeLogNo, "Không", "No"},
    // ---- year, members and roles (issue 9, branch year) ----
    {ui::Str::RoleUnit, "đơn vị thành viên", "member unit"},
    {ui::Str::RoleSecretariat, "Văn phòng Cụm · thư ký cụm", "Cluster office · secretariat"},
    {ui::Str::RoleAdmin, "Quản trị máy chủ", "Server administrator"},
    {ui::Str::RoleViewer, "Chỉ xem", "View only"},
    {ui::Str::RoleMinistry, "Bộ (chỉ xem các cụm, khối)", "Ministry (reads every cluster)"},
    {ui::Str::RefusedWrite, "Máy chủ không nhận thay đổi", "The server refused a change"},
    {ui::Str::RefusedReadOnly, "tài khoản chỉ xem không được sửa dữ liệu", "a view-only account changes nothing"},
    {ui::Str::RefusedNotOwnFile, "đơn vị chỉ được sửa bản tự chấm điểm của mình", "a unit changes only its own self-assessment"},
    {ui::Str::RefusedNotMember, "đơn vị không phải thành viên của năm này", "the unit is not a member of this year"},
    {ui::Str::RefusedPhase, "giai đoạn tự chấm điểm chưa mở", "the self-assessment phase is not open"},
    {ui::Str::RefusedSubmitted, "đơn vị đã gửi bản tự chấm điểm", "the unit has already sent its self-assessment"},
    {ui::Str::RefusedWhyClosed, "năm đã kết thúc, chỉ xem", "the year is closed, read-only"},
    {ui::Str::RefusedWhyOther, "máy chủ từ chối", "the server refused it"},
    {ui::Str::DiscardChange, "Bỏ thay đổi này", "Discard this change"},
    {ui::Str::NavYear, "Điều hành năm", "Run the year"},
    {ui::Str::YearOpen, "Đang thực hiện", "In progress"},
    {ui::Str::YearClosedNote, "Năm đã kết thúc: chỉ xem. Văn phòng Cụm có thể mở lại.", "The year is closed: read-only. The secretariat may reopen it."},
    {ui::Str::CloseYear, "Kết thúc năm", "Close the year"},
    {ui::Str::ReopenYear, "Mở lại năm", "Reopen the year"},
    {ui::Str::OpenYearPrefix, "Mở năm", "Open year"},
    {ui::Str::OpenYearTitle, "Mở năm thi đua mới", "Open a new year"},
    {ui::Str::OpenYearFrom, "Lập từ năm", "Made from the year"},
    {ui::Str::ProposedMembers, "Đơn vị thành viên đề xuất", "Proposed member units"},
    {ui::Str::Succeeds, "thay cho", "succeeds"},
    {ui::Str::NewMembership, "thành viên mới", "new member"},
    {ui::Str::ChooseDeputy, "Chọn Cụm phó", "Choose the deputy"},
    {ui::Str::ChairByRotation, "Cụm trưởng (Cụm phó năm trước)", "Chair (last year's deputy)"},
    {ui::Str::CriteriaCopied, "Bảng tiêu chí chép từ năm trước", "Criteria copied from last year"},
    {ui::Str::PhaseDates, "Các giai đoạn (ngày/tháng/năm)", "Phases (day/month/year)"},
    {ui::Str::From, "Từ", "From"},
    {ui::Str::To, "Đến", "To"},
    {ui::Str::BadDate, "Ngày không đúng (ngày/tháng/năm)", "Not a date (day/month/year)"},
    {ui::Str::Cancel, "Huỷ", "Cancel"},
    {ui::Str::CriteriaLockedNote, "Bảng tiêu chí đã khoá: năm đã mở chấm điểm.", "The criteria table is locked: scoring has opened."},
    {ui::Str::MoveUp, "Lên", "Up"},
    {ui::Str::MoveDown, "Xuống", "Down"},
    {ui::Str::RemoveCriterion, "Bỏ", "Remove"},
    {ui::Str::AddCriterion, "Thêm tiêu chí", "Add a criterion"},
    {ui::Str::CriterionCode, "Mã", "Code"},
    {ui::Str::CriterionTitle, "Nội dung tiêu chí", "Criterion"},
    {ui::Str::InGroup, "Thuộc nhóm", "In group"},
    {ui::Str::TopLevel, "Nhóm mới", "New group"},
    {ui::Str::Add, "Thêm", "Add"},
    {ui::Str::YearMembers, "Thành viên của năm", "Members of the year"},
    {ui::Str::EndMembership, "Kết thúc", "End"},
    {ui::Str::EndMembershipTitle, "Kết thúc tư cách thành viên", "End the membership"},
    {ui::Str::EndDateDmy, "Ngày kết thúc (ngày/tháng/năm)", "End date (day/month/year)"},
    {ui::Str::MergedInto, "Hợp nhất vào", "Merged into"},
    {ui::Str::OtherReason, "Lý do khác", "Other reason"},
    {ui::Str::Reason, "Lý do", "Reason"},
    {ui::Str::Ended, "Đã kết thúc", "Ended"},
    {ui::Str::AddMember, "Thêm đơn vị thành viên", "Add a member unit"},
    {ui::Str::StartYear, "Từ năm", "From year"},
    {ui::Str::AddOrganization, "Thêm tổ chức", "Add an organisation"},
    {ui::Str::OrgName, "Tên đầy đủ", "Full name"},
    {ui::Str::OrgShortName, "Tên viết tắt", "Short name"},
    {ui::Str::FoundingDate, "Ngày thành lập", "Founded on"},
    {ui::Str::PredecessorYears, "Các năm của đơn vị tiền thân", "Years of its predecessors"},
    {ui::Str::YearOpened, "Đã mở năm", "Year opened"},
    {ui::Str::Saved, "Đã lưu", "Saved"},
    {ui::Str::NeedsText, "Cần nhập", "Required"},
    // meetings, scoring, ballots and awards being run
    {ui::Str::NewMeeting, "Hội nghị mới", "New meeting"},
    {ui::Str::MeetingKind, "Loại hội nghị", "Kind of meeting"},
    {ui::Str::DateDmy, "Ngày (dd/mm/yyyy)", "Date (dd/mm/yyyy)"},
    {ui::Str::TimeHm, "Giờ bắt đầu (hh:mm)", "Start time (hh:mm)"},
    {ui::Str::HostUnit, "Đơn vị đăng cai", "Host unit"},
    {ui::Str::CreateMeeting, "Tạo hội nghị", "Create the meeting"},
    {ui::Str::BadTime, "Giờ chưa đúng: nhập hh:mm, ví dụ 08:30", "Not a time: type hh:mm, e.g. 08:30"},
    {ui::Str::NameRequired, "Cần nhập tên hội nghị", "The meeting needs a name"},
    {ui::Str::VenueRequired, "Cần nhập địa điểm, hoặc chọn đơn vị đăng cai", "The meeting needs a venue, or a host unit"},
    {ui::Str::DateRequired, "Cần nhập ngày họp (ngày/tháng/năm)", "The meeting needs a date (day/month/year)"},
    {ui::Str::AddAgendaItem, "Thêm nội dung chương trình", "Add an agenda item"},
    {ui::Str::AgendaText, "Nội dung chương trình", "Agenda item"},
    {ui::Str::AddToAgenda, "Thêm vào chương trình", "Add to the agenda"},
    {ui::Str::AddAttendee, "Thêm đại biểu", "Add attendees"},
    {ui::Str::FindPerson, "Tìm đại biểu theo tên", "Find a person by name"},
    {ui::Str::GuestName, "Khách mời (họ tên)", "Guest (full name)"},
    {ui::Str::GuestTitle, "Chức danh khách mời", "Guest's title"},
    {ui::Str::AddGuest, "Thêm khách mời", "Add the guest"},
    {ui::Str::GuestNameRequired, "Cần nhập họ tên khách mời", "The guest needs a name"},
    {ui::Str::AddDecision, "Thêm kết luận, nhiệm vụ", "Add a conclusion or task"},
    {ui::Str::OwnerUnits, "Đơn vị thực hiện", "Units responsible"},
    {ui::Str::DeadlineDmy, "Hạn hoàn thành (dd/mm/yyyy)", "Deadline (dd/mm/yyyy)"},
    {ui::Str::TextRequired, "Cần nhập nội dung", "The text is empty"},
    {ui::Str::AddDecisionButton, "Thêm kết luận", "Add the conclusion"},
    {ui::Str::MarkHeld, "Đánh dấu đã diễn ra", "Mark as held"},
    {ui::Str::NavScoring, "Chấm điểm", "Scoring"},
    {ui::Str::AskRate, "Tỷ lệ đạt, %", "Rate achieved, %"},
    {ui::Str::AskResult, "Kết quả đạt", "Result achieved"},
    {ui::Str::AskCount, "Số lần", "How many times"},
    {ui::Str::AskPoints, "Điểm tự chấm", "Points given"},
    {ui::Str::AskAchieved, "Đạt hay không đạt", "Achieved or not"},
    {ui::Str::Achieved, "Đạt", "Achieved"},
    {ui::Str::NotAchieved, "Không đạt", "Not achieved"},
    {ui::Str::PointsWord, "điểm", "points"},
    {ui::Str::NoSelfFile, "Chưa có phiếu tự chấm của đơn vị cho năm này", "No self-assessment file for this unit this year"},
    {ui::Str::SentOn, "Đã gửi ngày", "Sent on"},
    {ui::Str::NotSentYet, "Chưa gửi", "Not sent yet"},
    {ui::Str::TargetWord, "chỉ tiêu", "target"},
    {ui::Str::SendToSecretariat, "Gửi Văn phòng Cụm", "Send to the cluster's secretariat"},
    {ui::Str::AgreeSelfScores, "Đồng ý điểm tự chấm", "Agree the self-assessed scores"},
    {ui::Str::SendBy, "hạn gửi", "due by"},
    {ui::Str::SendAsk, "Gửi bản tự chấm điểm cho Văn phòng Cụm? Sau khi gửi, đơn vị không sửa được nữa; nếu cần sửa, Văn phòng Cụm mở lại.",
     "Send the self-assessment to the cluster's secretariat? Once sent, the unit can no longer change it; the secretariat can reopen it."},
    {ui::Str::SendMissing, "Tiêu chí chưa nhập", "Criteria not entered yet"},
    {ui::Str::SendYes, "Gửi", "Send"},
    {ui::Str::ReopenSelf, "Mở lại để đơn vị sửa", "Reopen for the unit to change"},
    {ui::Str::UnitsSent, "đơn vị đã gửi", "units have sent"},
    {ui::Str::TallyReturnedOverIssued, "Số phiếu thu về nhiều hơn số phiếu phát ra", "More ballots returned than issued"},
    {ui::Str::TallyValidInvalidSum, "Phiếu hợp lệ cộng phiếu không hợp lệ phải bằng số phiếu thu về", "Valid plus invalid ballots must equal the ballots returned"},
    {ui::Str::TallyVotesOver, "Số phiếu bầu cho các đơn vị vượt quá số phiếu hợp lệ", "The votes exceed the valid ballots"},
    {ui::Str::TallyIssuedOverPresent, "Số phiếu phát ra nhiều hơn số thành viên có mặt", "More ballots issued than members present"},
    {ui::Str::TallyNegative, "Mỗi ô cần một số nguyên không âm", "Each box needs a whole number, not negative"},
    {ui::Str::BallotResultChanged, "Kết quả bỏ phiếu thay đổi", "The ballot result changed"},
    {ui::Str::NewBallot, "Phiếu bầu mới", "New ballot"},
    {ui::Str::Motion, "Nội dung bỏ phiếu", "Motion"},
    {ui::Str::Seats, "Số đơn vị được bầu", "Seats"},
    {ui::Str::CandidatesFromRanking, "Đơn vị được giới thiệu (theo xếp hạng)", "Candidates (from the ranking)"},
    {ui::Str::CountingCommittee, "Ban kiểm phiếu (họ tên, cách nhau bởi dấu phẩy)", "Counting committee (names, separated by commas)"},
    {ui::Str::CreateBallot, "Tạo phiếu bầu", "Create the ballot"},
    {ui::Str::ChooseMeeting, "Chọn hội nghị bỏ phiếu", "Choose the meeting"},
    {ui::Str::TooFewCandidates, "Số đơn vị được giới thiệu ít hơn số đơn vị được bầu", "Fewer candidates than seats"},
    {ui::Str::SaveTally, "Lưu kết quả kiểm phiếu", "Save the tally"},
    {ui::Str::StartNextRound, "Bỏ phiếu vòng", "Start round"},
    {ui::Str::ProposeFromResult, "Đề xuất theo kết quả", "Propose from the result"},
    {ui::Str::DecisionNumber, "Số quyết định", "Decision number"},
    {ui::Str::DecisionDate, "Ngày quyết định", "Decision date"},
    {ui::Str::DecisionNewText, "Nội dung kết luận, nhiệm vụ", "Conclusion or task"},
    {ui::Str::ClustersStart, "Các cụm, khối", "All clusters"},
    {ui::Str::MinistryOpen, "Bảng tổng hợp của Bộ", "Ministry table"},
    {ui::Str::MinistryTitle, "Bảng tổng hợp các cụm, khối thi đua", "Table across clusters and blocks"},
    {ui::Str::MinistryQuotaRule, "Cờ thi đua của Chính phủ: Bộ chọn trong các tập thể dẫn đầu cụm, khối, tối đa 20 % số tập thể dẫn đầu (Công văn 5007/BNV-TĐKT).", "Government emulation flag: the ministry chooses among the cluster and block leaders, at most 20 % of them (letter 5007/BNV-TĐKT)."},
    {ui::Str::MinistryLeadersCount, "tập thể dẫn đầu", "leading units"},
    {ui::Str::MinistryQuotaCount, "được đề nghị tối đa", "at most proposed"},
    {ui::Str::MinistryRoundDown, "20 %, làm tròn xuống", "20 %, rounded down"},
    {ui::Str::MinistryRanking, "Thứ tự đề nghị: đơn vị được suy tôn bằng bỏ phiếu kín đứng trước đơn vị chỉ đứng đầu theo điểm; rồi tỉ lệ phiếu suy tôn (số phiếu chia cho cơ sở tính) cao hơn đứng trước. Điểm của các cụm, khối không được so với nhau vì mỗi nơi có bảng tiêu chí riêng. Bằng nhau thì cùng thứ tự; bằng nhau ở ranh giới 20 % thì Hội đồng Thi đua – Khen thưởng Bộ quyết định.", "Order: a leader elected by secret ballot before one only ranked first by points; then the larger share of ballot votes (votes divided by the base). Points of different clusters are not compared (each has its own criteria). Equal keys share a rank; a tie across the 20 % line is for the ministry's council to decide."},
    {ui::Str::ColOrder, "Thứ tự", "Order"},
    {ui::Str::ColCluster, "Cụm, khối", "Cluster, block"},
    {ui::Str::ColLeader, "Đơn vị dẫn đầu", "Leading unit"},
    {ui::Str::ColBasis, "Căn cứ", "Basis"},
    {ui::Str::ColProposals, "Đề nghị khen thưởng của cụm, khối", "The cluster's award proposals"},
    {ui::Str::ColGovernmentFlag, "Cờ thi đua của Chính phủ", "Government emulation flag"},
    {ui::Str::BasisBallot, "suy tôn bằng phiếu kín", "elected by secret ballot"},
    {ui::Str::BasisVotes, "phiếu", "votes"},
    {ui::Str::BasisRank, "đứng đầu theo điểm (chưa có phiếu suy tôn)", "ranked first by points (no honour ballot yet)"},
    {ui::Str::Points, "điểm", "points"},
    {ui::Str::FlagPropose, "Đề nghị", "Propose"},
    {ui::Str::FlagNo, "Không", "No"},
    {ui::Str::FlagCouncil, "Bằng phiếu ở ranh giới: Hội đồng quyết định", "Tied at the line: the council decides"},
    {ui::Str::NoLeaderYet, "Chưa có đơn vị dẫn đầu", "No leading unit yet"},
    {ui::Str::NoYearData, "Chưa có dữ liệu năm này", "No data for this year"},
    {ui::Str::NoProposals, "Chưa có đề nghị", "No proposals yet"},
    {ui::Str::KindCluster, "Cụm", "Cluster"},
    {ui::Str::KindBlock, "Khối", "Block"},
    {ui::Str::MinistryLoading, "Đang tải bảng tổng hợp…", "Loading the table…"},
    {ui::Str::MinistryOffline, "Không kết nối được máy chủ; bảng tổng hợp cần mạng.", "The server cannot be reached; the table needs a connection."},
    {ui::Str::MinistryRefused, "Mã truy cập này không xem được bảng tổng hợp các cụm, khối.", "This access link cannot see the table across clusters."},
    {ui::Str::MinistryNoDeployment, "Máy chủ này chỉ giữ một cụm thi đua.", "This server holds one cluster only."},
    {ui::Str::MinistryFailed, "Máy chủ trả lời lỗi", "The server answered with an error"},
    {ui::Str::Decision, "Quyết định", "Decision"},
    {ui::Str::MinistryDownload, "Tải bảng (Excel)", "Download the table (Excel)"},
};
constexpr int kRowCount = static_cast<int>(sizeof(kRows) / sizeof(kRows[0]));
static_assert(kRowCount == static_cast<int>(ui::Str::Count), "one row per ui::Str");

constexpr bool RowsInOrder()
{
    for (int i = 0; i < kRowCount; ++i)
        if (static_cast<int>(kRows[i].id) != i)
            return false;
    return true;
}
static_assert(RowsInOrder(), "kRows must list the ui::Str values in declaration order");

struct CodeRow
{
    const char* code;
    const char* vi;
    const char* en;
};

const CodeRow kCodes[] = {
    {"address", "Địa chỉ", "Address"},
    {"email", "Email", "E-mail"},
    {"phone", "Điện thoại", "Telephone"},
    {"mobile", "Di động", "Mobile"},
    {"fax", "Fax", "Fax"},
    {"website", "Trang web", "Website"},
    {"covenant_signing", "Hội nghị ký kết giao ước", "Covenant signing"},
    {"mid_year_review", "Sơ kết 6 tháng", "Mid-year review"},
    {"year_end_summary", "Tổng kết năm", "Year-end summary"},
    {"working_meeting", "Họp làm việc", "Working meeting"},
    {"sports_exchange", "Giao lưu thể thao", "Sports exchange"},
    {"tentative", "Dự kiến", "Tentative"},
    {"confirmed", "Đã xác nhận", "Confirmed"},
    {"passed", "Đã diễn ra", "Held"},
    {"cancelled", "Đã huỷ", "Cancelled"},
    {"open", "Đang mở", "Open"},
    {"in_progress", "Đang thực hiện", "In progress"},
    {"done", "Hoàn thành", "Done"},
    {"not_started", "Chưa bắt đầu", "Not started"},
    {"not_counted", "Chưa kiểm phiếu", "Not counted yet"},
    {"closed", "Đã kết thúc", "Closed"},
    {"planning", "Lập kế hoạch", "Planning"},
    {"active", "Đang triển khai", "Active"},
    {"reviewing", "Đang đánh giá", "Reviewing"},
    {"voting", "Đang bỏ phiếu", "Voting"},
    {"phase:voting", "Bỏ phiếu", "Voting"},
    // kinds of criteria (criteria.json)
    {"group", "nhóm tiêu chí", "group"},
    {"quantitative", "định lượng", "quantitative"},
    {"qualitative", "định tính", "qualitative"},
    {"per_occurrence", "tính theo số lần", "per occurrence"},
    {"bonus", "điểm thưởng", "bonus"},
    {"penalty", "điểm trừ", "penalty"},
    {"manual", "chấm trực tiếp", "manual"}, // the phase, beside its status ("Bỏ phiếu · Đã kết thúc")
    {"submitted", "Đã trình", "Submitted"},
    {"covenant", "Ký giao ước", "Covenant"},
    {"self_assessment", "Tự chấm điểm", "Self-assessment"},
    {"cross_scoring", "Chấm chéo", "Cross-scoring"},
    {"review", "Thẩm định", "Review"},
    {"final_scoring", "Chấm điểm chính thức", "Final scoring"},
    {"submission", "Trình Bộ", "Submission"},
    {"self", "Tự chấm", "Self"},
    {"cross", "Chấm chéo", "Cross"},
    {"final", "Thống nhất", "Final"},
    {"chair", "Chủ trì", "Chair"},
    {"guest_of_honour", "Khách mời", "Guest of honour"},
    {"host_guest", "Đại diện địa phương đăng cai", "Host guest"},
    {"delegate", "Đại biểu", "Delegate"},
    {"secretary", "Thư ký", "Secretary"},
    {"vote_counter", "Kiểm phiếu", "Vote counter"},
    {"conclusion", "Kết luận", "Conclusion"},
    {"task", "Nhiệm vụ", "Task"},
    {"resolution", "Nghị quyết", "Resolution"},
    {"quyet_dinh", "Quyết định", "Decision"},
    {"quy_che", "Quy chế", "Rules"},
    {"ke_hoach", "Kế hoạch", "Plan"},
    {"giao_uoc", "Giao ước", "Covenant"},
    {"bang_tieu_chi", "Bảng tiêu chí", "Criteria table"},
    {"bao_cao", "Báo cáo", "Report"},
    {"bien_ban", "Biên bản", "Minutes"},
    {"bien_ban_kiem_phieu", "Biên bản kiểm phiếu", "Vote count minutes"},
    {"to_trinh", "Tờ trình", "Submission"},
    {"cong_van", "Công văn", "Official letter"},
    {"thong_bao", "Thông báo", "Notice"},
    {"phat_bieu", "Bài phát biểu", "Speech"},
    {"anh", "Ảnh", "Photo"},
    {"honour_leader", "Bỏ phiếu suy tôn đơn vị dẫn đầu", "Ballot to honour the leading unit"},
    {"propose_certificate", "Bỏ phiếu đề nghị Bằng khen", "Ballot to propose certificates"},
    {"pass", "Đạt", "Passed"},
    {"fail", "Không đạt", "Failed"},
    {"tie", "Bằng phiếu", "Tie"},
    {"no_quorum", "Không đủ số lượng", "No quorum"},
    {"co_thi_dua_bo", "Cờ thi đua của Bộ", "Ministry emulation flag"},
    {"bang_khen_bo_truong", "Bằng khen của Bộ trưởng", "Minister's certificate of merit"},
    {"co_thi_dua_chinh_phu", "Cờ thi đua của Chính phủ", "Government emulation flag"},
    {"bang_khen_thu_tuong", "Bằng khen của Thủ tướng", "Prime Minister's certificate of merit"},
    {"ballot_winner", "Được suy tôn dẫn đầu", "Elected leading unit"},
    {"rank", "Theo thứ hạng", "By rank"},
    {"draft", "Dự thảo", "Draft"},
    {"agreed", "Đã thống nhất tại hội nghị", "Agreed at the meeting"},
    {"approved", "Đã phê duyệt", "Approved"},
    {"rejected", "Không được duyệt", "Rejected"},
};
// Messages written in English by core (checker, editor, sync client) and the server, those a person meets in the
// app: "{}" in `en` stands for any text, and "{1}", "{2}"... in `vi` put those texts back (each translated in turn,
// so a server's reason inside a sync message is translated too). Keep in step with the messages' sources.
struct MessageRow
{
    const char* en;
    const char* vi;
};

const MessageRow kMessages[] = {
    // core/sync/client.cpp and the server's answers (server/server.cpp, server/rules.cpp)
    {"the server refused the write ({}): {}", "máy chủ không nhận thay đổi ({1}): {2}"},
    {"refused: {}", "{1}"},
    {"the viewer role is read-only", "tài khoản chỉ xem không được sửa dữ liệu"},
    // A deployment of several clusters (server/server.cpp): never the cluster ids on screen.
    {"this token is for cluster {}, not {}", "mã truy cập này dành cho cụm, khối khác"},
    {"this token names no cluster, and this server holds several; issue a token with --cluster {}",
     "mã truy cập này không dành cho cụm, khối nào trên máy chủ này; hãy xin quản trị viên cấp mã mới"},
    {"the ministry role reads every cluster and writes none", "tài khoản của Bộ chỉ xem các cụm, khối, không sửa dữ liệu"},
    {"no cluster '{}' in this deployment (GET /api/deployment lists them)", "máy chủ không có cụm, khối này"},
    {"unit:{} may write only years/<yyyy>/self/{}.json, not {}",
     "đơn vị chỉ được sửa bản tự chấm điểm của mình, không được sửa {3}"},
    {"{} is not the self-assessment of a member of that year", "{1} không phải bản tự chấm điểm của một thành viên năm đó"},
    {"the self-assessment of that year is not open", "giai đoạn tự chấm điểm của năm đó chưa mở"},
    {"the year is closed (the secretariat may reopen it in year.json)", "năm đã kết thúc (Văn phòng Cụm có thể mở lại)"},
    {"the self-assessment was sent already; the secretariat may reopen it",
     "bản tự chấm điểm đã được gửi; Văn phòng Cụm có thể mở lại"},
    {"the server is read-only (start it with --tokens FILE to accept writes)", "máy chủ chỉ cho xem, không nhận thay đổi"},
    {"GET answered {}", "máy chủ trả lời {1} khi tải tệp"},
    {"manifest answered {}: {}", "máy chủ trả lời {1} khi tải danh sách tệp: {2}"},
    {"the server's manifest is not usable", "danh sách tệp của máy chủ không dùng được"},
    {"PROPFIND answered {}", "máy chủ trả lời {1} khi liệt kê tệp"},
    {"still changing on the server after {} attempts; will retry",
     "tệp vẫn đang thay đổi trên máy chủ sau {1} lần thử; sẽ thử lại"},
    // core/edit/edit.cpp
    {"the file was taken away earlier in this change", "tệp đã bị xoá ở bước trước của thay đổi này"},
    {"the file is not loaded, so it cannot be changed", "tệp chưa được tải nên không sửa được"},
    {"the file was written by a newer version of the app and is read-only here",
     "tệp do phiên bản mới hơn của ứng dụng ghi, ở đây chỉ xem"},
    {"the file could not be written", "không ghi được tệp"},
    {"no record with id {}", "không tìm thấy bản ghi này"},
    {"the id and the revision of a record are not edited", "mã và số phiên bản của bản ghi không được sửa"},
    {"the record has no such field", "bản ghi không có trường này"},
    {"a new record needs an id", "bản ghi mới cần có mã"},
    {"a record with id {} exists already", "đã có bản ghi với mã này"},
    {"the file exists already", "tệp đã có"},
    // core/io/walk.cpp: numbers out of range
    {"{} is negative; expected a number of 0 or more", "{1} là số âm; cần một số từ 0 trở lên"},
    {"{} is negative; expected a whole number from {} to {}", "{1} là số âm; cần một số nguyên từ {2} đến {3}"},
    {"{} is out of range; expected a whole number from {} to {}", "{1} nằm ngoài khoảng cho phép; cần một số nguyên từ {2} đến {3}"},
    // core/check/rules.cpp: what a person can enter in the app (dates, contacts, scores, ballots, members, chairs)
    {"{} is before the start date {}", "{1} trước ngày bắt đầu {2}"},
    {"{} is not a telephone number; {}", "{1} không phải số điện thoại"},
    {"{} is not an e-mail address such as \"vanphong@example.org\"", "{1} không phải địa chỉ thư điện tử (ví dụ \"vanphong@example.org\")"},
    {"{} is not a web address; {}", "{1} không phải địa chỉ trang web"},
    {"score {} is above the maximum {} of {}", "điểm {1} vượt mức tối đa {2} của {3}"},
    {"{} is not allowed for the qualitative {}; {}", "{1} không dùng được cho {2}: tiêu chí định tính chỉ nhận đạt hoặc không đạt"},
    {"{} is a group; score its sub-criteria instead", "{1} là nhóm tiêu chí; hãy chấm điểm các tiêu chí con"},
    {"{} is not a whole number; {}", "{1} không phải số nguyên"},
    {"valid ({}) + invalid ({}) ballots must equal the ballots returned ({})",
     "phiếu hợp lệ ({1}) cộng phiếu không hợp lệ ({2}) phải bằng số phiếu thu về ({3})"},
    {"{} ballots returned but only {} issued", "thu về {1} phiếu nhưng chỉ phát ra {2} phiếu"},
    {"{} ballots issued but only {} member units present (one ballot per unit)",
     "phát ra {1} phiếu nhưng chỉ có {2} đơn vị có mặt (mỗi đơn vị một phiếu)"},
    {"{} members present, but the cluster has only {} in {}", "{1} đơn vị có mặt, nhưng năm {3} Cụm chỉ có {2} thành viên"},
    {"the votes add up to {}, more than {} valid ballots × {} choice(s) allow",
     "tổng số phiếu bầu là {1}, nhiều hơn {2} phiếu hợp lệ × {3} lựa chọn cho phép"},
    {"{} is not one of this ballot's candidates", "{1} không có trong danh sách bầu của phiếu này"},
    {"{} is counted twice", "{1} được đếm hai lần"},
    {"{} is listed twice", "{1} có tên hai lần"},
    {"{} seats but only {} candidates", "{1} vị trí nhưng chỉ có {2} đơn vị được bầu"},
    {"{} is not a member of the cluster in {}", "{1} không phải thành viên của Cụm năm {2}"},
    {"{} is already a member in these years (/memberships/{})", "{1} đã là thành viên trong những năm này"},
    {"{} is before start_year {}", "năm {1} trước năm bắt đầu {2}"},
    {"the chair of {} is already given at /rotations/{}", "Cụm trưởng năm {1} đã được phân công"},
    {"the deputy must be another unit than the chair", "Cụm phó phải là đơn vị khác Cụm trưởng"},
    {"{} is already registered at /registrations/{}", "{1} đã đăng ký"},
    {"the meeting is dated {} but belongs to the year {}", "hội nghị ngày {1} nhưng thuộc năm {2}"},
    {"a participant needs a person_id, a name or an organization_id", "người tham dự cần có tên hoặc đơn vị"},
    {"a source needs a \"url\" or a \"title\" saying where the fact comes from",
     "nguồn cần có địa chỉ hoặc tiêu đề cho biết thông tin lấy từ đâu"},
    // core/io (reading a file: JSON, UTF-8, types, required fields, ids) and the rest of core/check/rules.cpp.
    // tests/ui/test_ui_texts.cpp runs the checker over mutated sample files and fails on any message left out here.
    {"line {}, column {}: the text is not valid UTF-8 (save the file as UTF-8)",
     "dòng {1}, cột {2}: văn bản không đúng mã UTF-8 (hãy lưu tệp dưới dạng UTF-8)"},
    {"line {}, column {}: not valid JSON: {}", "dòng {1}, cột {2}: không đúng cú pháp JSON"}, // the parser's own words are English
    {"required field {} is missing", "thiếu trường bắt buộc {1}"},
    {"unknown field {} (not part of this format; check the spelling)",
     "trường {1} không có trong định dạng này (hãy kiểm tra chính tả)"},
    {"{} must not be empty", "{1} không được để trống"},
    {"id {} must not be empty", "mã {1} không được để trống"},
    {"reference {} must not be empty", "tham chiếu {1} không được để trống"},
    {"id {} may use only ASCII letters, digits, '.', '-' and '_'",
     "mã {1} chỉ được dùng chữ cái không dấu, chữ số, '.', '-' và '_'"},
    {"reference {} may use only ASCII letters, digits, '.', '-' and '_'",
     "tham chiếu {1} chỉ được dùng chữ cái không dấu, chữ số, '.', '-' và '_'"},
    {"id {} is used twice (it already names {} earlier in this file); every record needs its own id",
     "mã {1} bị dùng hai lần (đã đặt cho một bản ghi trước đó trong tệp); mỗi bản ghi cần mã riêng"},
    {"expected true or false, found {}", "cần đúng hoặc sai (true/false), nhưng gặp {1}"},
    {"expected the id of {}, found {}", "cần mã của {1}, nhưng gặp {2}"},
    {"expected an id (text), found {}", "cần một mã (dạng chữ), nhưng gặp {1}"},
    {"expected text, found {}", "cần văn bản, nhưng gặp {1}"},
    {"expected a whole number, found {}", "cần một số nguyên, nhưng gặp {1}"},
    {"expected a number, found {}", "cần một số, nhưng gặp {1}"},
    {"expected a date (text YYYY-MM-DD), found {}", "cần một ngày (dạng năm-tháng-ngày), nhưng gặp {1}"},
    {"expected an object, found {}", "cần một đối tượng JSON, nhưng gặp {1}"},
    {"expected a list, found {}", "cần một danh sách, nhưng gặp {1}"},
    {"the number {}", "số {1}"},
    {"the text {}", "văn bản {1}"},
    {"an organization", "một đơn vị"},
    {"an area", "một địa bàn"},
    {"a person", "một người"},
    {"a year", "một năm thi đua"},
    {"a cluster", "một cụm"},
    {"a rating band", "một mức xếp loại"},
    {"a meeting", "một hội nghị"},
    {"a criterion", "một tiêu chí"},
    {"a participant", "một người tham dự"},
    {"{} is not a real date; expected YYYY-MM-DD, e.g. {}",
     "{1} không phải ngày có thật; ghi theo dạng năm-tháng-ngày, ví dụ {2}"},
    {"{} is out of range; expected a number from {} to {}", "{1} nằm ngoài khoảng cho phép; cần một số từ {2} đến {3}"},
    {"{} has more than {} decimals; points are kept to {}", "{1} có quá {2} chữ số thập phân; điểm chỉ ghi đến {3} chữ số"},
    {"text is not in Unicode NFC (composed) form; write it as {} (the same letters, each as one character)",
     "chữ chưa ở dạng Unicode dựng sẵn (NFC); hãy ghi là {1} (cùng chữ, mỗi chữ một ký tự)"},
    {"written by a newer version of Thidua (schema_version {}; this app knows up to {}): shown read-only and never saved from here; update the app to edit it",
     "tệp do phiên bản mới hơn của Thidua ghi (phiên bản {1}; ứng dụng này chỉ biết đến {2}): chỉ xem, không lưu từ đây; hãy cập nhật ứng dụng để sửa"},
    {"{} is not an allowed value; expected one of: {}", "{1} không phải giá trị được phép; chọn một trong: {2}"},
    {"{} is not a known format; expected one of: {}", "{1} không phải định dạng đã biết; chọn một trong: {2}"},
    {"{} does not match the path; {} holds {}", "{1} không khớp với đường dẫn; tệp {2} phải có định dạng {3}"},
    {"this path holds {} files, but the file says {}", "đường dẫn này dành cho tệp {1}, nhưng tệp ghi {2}"},
    {"the file is named {} but holds the self-assessment of {}; they must match",
     "tệp tên {1} nhưng chứa bản tự chấm điểm của {2}; hai tên phải khớp nhau"},
    {"the file is named {} but the meeting's id is {}; they must match",
     "tệp tên {1} nhưng mã hội nghị là {2}; hai tên phải khớp nhau"},
    {"the file is not listed in datapackage.json, so the app will not load it; add it to {}",
     "tệp chưa có trong datapackage.json nên ứng dụng sẽ không tải; hãy thêm vào {1}"},
    {"the record is marked synthetic (invented) but the file is not; add {}: true at the top of the file",
     "bản ghi được đánh dấu là minh hoạ nhưng tệp thì không; hãy thêm {1}: true ở đầu tệp"},
    {"no {} with id {} exists in the dataset", "không có {1} nào mang mã {2} trong dữ liệu"},
    {"organization", "đơn vị"},
    {"area", "địa bàn"},
    {"person", "người"},
    {"year", "năm thi đua"},
    {"cluster", "cụm"},
    {"rating band", "mức xếp loại"},
    {"meeting", "hội nghị"},
    {"criterion", "tiêu chí"},
    {"no criterion {} in this year's criteria", "không có tiêu chí {1} trong bảng tiêu chí năm nay"},
    {"{} is not this dataset's cluster {}", "{1} không phải cụm của bộ dữ liệu này ({2})"},
    {"{} is not one of this ruleset's rating_bands", "{1} không phải một mức xếp loại của quy chế này"},
    {"{} is not a tie-break rule; expected {} or {}", "{1} không phải quy tắc xếp hạng khi bằng điểm; chọn {2} hoặc {3}"},
    {"{} is not a GSO code; expected digits such as {}", "{1} không phải mã đơn vị hành chính; cần các chữ số như {2}"},
    {"GSO code {} is already used by /areas/{}", "mã đơn vị hành chính {1} đã được dùng cho một địa bàn khác"},
    {"{} is a {} criterion; only a group can have sub-criteria", "{1} là tiêu chí loại {2}; chỉ nhóm tiêu chí mới có tiêu chí con"},
    {"a {} criterion {} needs {} above {}", "tiêu chí {2} (loại {1}) cần {3} lớn hơn {4}"},
    {"max_points", "điểm tối đa"},
    {"a target", "chỉ tiêu"},
    {"points_per_unit", "số điểm mỗi lần"},
    {"target", "chỉ tiêu"},
    {"{} % is not possible for criterion {}; a percentage is from {} to {}",
     "{1} % không hợp lệ cho tiêu chí {2}; tỷ lệ phần trăm phải từ {3} đến {4}"},
    {"in a self-assessment the scorer is the unit itself ({})", "trong bản tự chấm điểm, đơn vị chấm là chính đơn vị đó ({1})"},
    {"this file is {}'s self-assessment; it cannot score {}", "đây là bản tự chấm điểm của {1}; không thể chấm điểm cho {2}"},
    {"{} is not a member in {} and cannot cross-score", "{1} không phải thành viên năm {2} nên không chấm chéo được"},
    {"cluster.json names {} as chair of {}, but this file names {}", "cluster.json ghi {1} là Cụm trưởng năm {2}, nhưng tệp này ghi {3}"},
    {"the threshold {} can never be reached", "ngưỡng {1} không bao giờ đạt được"},
    {"the quorum {} is more than all members", "số có mặt tối thiểu {1} nhiều hơn tổng số thành viên"},
    {"the {} ruleset has no quota for {}", "quy chế năm {1} không có chỉ tiêu cho {2}"},
    {"{} starts with {}, so a spreadsheet would run it as a formula; exports add an apostrophe before it (check the name)",
     "{1} bắt đầu bằng {2} nên bảng tính sẽ coi là công thức; khi xuất tệp sẽ thêm dấu nháy phía trước (hãy kiểm tra tên)"},
    {"{} is the year {}, but the file is in years/{}/", "{1} là năm {2}, nhưng tệp nằm trong thư mục years/{3}/"},
    {"an organization cannot be its own parent", "một đơn vị không thể là đơn vị cấp trên của chính nó"},
    // Last: a criterion named inside another message ("criterion I.2 (Quản lý …)"), once no whole message matched.
    {"criterion {}", "tiêu chí {1}"},
};

// Matches `message` against `pattern` ("{}" = any text); fills `parts` with the texts the "{}"s stand for.
bool MatchMessage(const std::string& message, const std::string& pattern, std::vector<std::string>* parts)
{
    parts->clear();
    std::vector<std::string> literals; // the texts around the holes: the first starts the message, the last ends it
    for (size_t p = 0;;)
    {
        const size_t hole = pattern.find("{}", p);
        literals.push_back(pattern.substr(p, hole == std::string::npos ? std::string::npos : hole - p));
        if (hole == std::string::npos)
            break;
        p = hole + 2;
    }
    const std::string& first = literals.front();
    const std::string& last = literals.back();
    if (literals.size() == 1)
        return message == first;
    if (message.size() < first.size() + last.size() || message.compare(0, first.size(), first) != 0 ||
        message.compare(message.size() - last.size(), last.size(), last) != 0)
        return false;
    size_t at = first.size();
    const size_t stop = message.size() - last.size();
    for (size_t i = 1; i + 1 < literals.size(); ++i)
    {
        const size_t found = message.find(literals[i], at);
        if (found == std::string::npos || found + literals[i].size() > stop)
            return false;
        parts->push_back(message.substr(at, found - at));
        at = found + literals[i].size();
    }
    parts->push_back(message.substr(at, stop - at));
    return true;
}
} // namespace

const char* ui::Tr(Str id, Language lang)
{
    const Row& row = kRows[static_cast<int>(id)];
    return lang == Language::Vi ? row.vi : row.en;
}

const char* ui::TrCode(const std::string& code, Language lang)
{
    for (const CodeRow& row : kCodes)
        if (code == row.code)
            return lang == Language::Vi ? row.vi : row.en;
    return code.c_str();
}

const char* ui::TrPhase(const std::string& kind, Language lang)
{
    const std::string phase = "phase:" + kind;
    const char* own = TrCode(phase, lang);
    return own == phase.c_str() ? TrCode(kind, lang) : own;
}

namespace
{
// A part copied into a translated message: a large whole number gets its thousands grouped ("1.000.000.000";
// four digits are left alone, they are mostly years), anything else is translated in turn.
std::string TrPart(const std::string& part, ui::Language lang)
{
    const size_t sign = !part.empty() && part[0] == '-' ? 1 : 0;
    if (part.size() >= sign + 5 && part.find_first_not_of("0123456789", sign) == std::string::npos)
        return text::FormatNumber(std::stod(part), 0, text::NumberStyle::Vietnamese);
    const std::string message = ui::TrMessage(part, lang);
    return message != part ? message : ui::TrCode(part, lang); // a code inside a message: its readable name
}
} // namespace

std::string ui::TrMessage(const std::string& message, Language lang)
{
    if (lang != Language::Vi)
        return message;
    std::vector<std::string> parts;
    for (const MessageRow& row : kMessages)
        if (MatchMessage(message, row.en, &parts))
        {
            std::string out;
            for (const char* c = row.vi; *c; ++c)
                if (c[0] == '{' && c[1] >= '1' && c[1] <= '9' && c[2] == '}')
                {
                    const size_t k = static_cast<size_t>(c[1] - '1');
                    if (k < parts.size())
                        out += TrPart(parts[k], lang);
                    c += 2;
                }
                else
                    out += *c;
            return out;
        }
    return message;
}

std::string ui::TrIssue(const check::Issue& issue, Language lang)
{
    check::Issue translated = issue;
    translated.message = TrMessage(issue.message, lang);
    return check::FormatIssue(translated);
}

namespace
{
struct FieldRow
{
    const char* key;
    const char* vi;
    const char* en;
};
// The fields a person edits, by key, as the change log names them.
const FieldRow kFields[] = {
    {"name", "Tên", "Name"},
    {"short_name", "Tên viết tắt", "Short name"},
    {"title", "Tiêu đề", "Title"},
    {"description", "Mô tả", "Description"},
    {"venue", "Địa điểm", "Venue"},
    {"start_date", "Ngày bắt đầu", "Start date"},
    {"end_date", "Ngày kết thúc", "End date"},
    {"date", "Ngày", "Date"},
    {"signed_date", "Ngày ký", "Date signed"},
    {"submitted_date", "Ngày gửi", "Date sent"},
    {"founding_date", "Ngày thành lập", "Founding date"},
    {"status", "Trạng thái", "Status"},
    {"classification", "Loại hội nghị", "Kind of meeting"},
    {"theme", "Chủ đề", "Theme"},
    {"text", "Nội dung", "Text"},
    {"note", "Ghi chú", "Note"},
    {"reason", "Lý do", "Reason"},
    {"value", "Điểm", "Points"},
    {"stage", "Vòng chấm", "Scoring stage"},
    {"role_at_event", "Vai trò tại hội nghị", "Role at the meeting"},
    {"role", "Vai trò", "Role"},
    {"participants", "Người tham dự", "Participants"},
    {"agenda", "Chương trình", "Agenda"},
    {"documents", "Tài liệu", "Documents"},
    {"decisions", "Quyết định", "Decisions"},
    {"members_present", "Thành viên có mặt", "Members present"},
    {"host_org_id", "Đơn vị đăng cai", "Host"},
    {"chair_org_id", "Trưởng cụm", "Chair"},
    {"deputy_org_id", "Phó cụm", "Deputy chair"},
    {"organization_id", "Đơn vị", "Unit"},
    {"subject_org_id", "Đơn vị được chấm", "Unit scored"},
    {"scorer_org_id", "Đơn vị chấm", "Scoring unit"},
    {"criterion_id", "Tiêu chí", "Criterion"},
    {"targets", "Chỉ tiêu", "Targets"},
    {"target", "Chỉ tiêu", "Target"},
    {"ended", "Kết thúc", "Ended"},
    {"phases", "Giai đoạn", "Phases"},
    {"votes", "Phiếu bầu", "Votes"},
    {"award_type", "Hình thức khen thưởng", "Award"},
    {"contact_details", "Liên hệ", "Contact details"},
    {"max_points", "Điểm tối đa", "Maximum points"},
    {"order", "Thứ tự", "Order"},
    {"legal_basis", "Căn cứ pháp lý", "Legal basis"},
    {"motion", "Nội dung biểu quyết", "Motion"},
    {"option", "Lựa chọn", "Option"},
    {"round", "Vòng", "Round"},
    {"year", "Năm", "Year"},
    {"meeting_id", "Hội nghị", "Meeting"},
    {"doc_type", "Loại văn bản", "Document type"},
    {"num", "Số", "Number"},
    {"label", "Nhãn", "Label"},
    {"url", "Địa chỉ", "Address"},
};
} // namespace

const char* ui::TrField(const std::string& key, Language lang)
{
    for (const FieldRow& row : kFields)
        if (key == row.key)
            return lang == Language::Vi ? row.vi : row.en;
    return nullptr;
}
