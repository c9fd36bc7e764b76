// Fields that change the data: every change goes through edit::Apply (checked, undoable, queued for sync), and a
// refused change shows the checker's message next to its field. Text is committed when the field is left.
#pragma once

#include "core/edit/edit.h"
#include "ui/strings.h"
#include "ui/text_field.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace ui
{
struct AppState;

struct FieldRef // which field of which record of which file
{
    std::string file;
    std::string record_id;
    std::string field; // JSON pointer relative to the record, without the leading '/'
};

// Asks for one change; it goes through edit::Apply when the frame's screens are drawn (ApplyEditRequests).
void ApplyEdit(AppState& app, const FieldRef& ref, const nlohmann::json& value);
// Asks for several changes as one step (all or none, one undo); applied like ApplyEdit.
void ApplyChanges(AppState& app, std::vector<edit::Change> changes);
// Ends a record ("ended": {date, reason}); the record stays and is shown as ended.
void EndRecord(AppState& app, const std::string& file, const std::string& record_id, const std::string& date,
               const std::string& reason);
// May this device's role write `path` now (roles::WriteRefusal on the current data)? A path ending in "/" asks
// about a new file in that folder ("meetings/"). False until the server said who we are, and for read-only tabs.
bool MayWrite(const AppState& app, const std::string& path);
void UndoEdit(AppState& app);
// What an op changed, in a few words for the undo and redo buttons: "25/03/2021 → 26/03/2021", "thêm mới".
std::string DescribeOp(const edit::Op& op, Language lang);
void RedoEdit(AppState& app);
// Applies the frame's requests in order (called by DrawApp after the screens); the results are recomputed at the
// start of the next frame. A refused change leaves its checker message for FieldError.
void ApplyEditRequests(AppState& app);

// A text/number field bound to `ref`: shows `value`, asks for the change on leaving the field (Enter or a tap
// elsewhere); returns true when it did.
// Decimal fields take "8,25" or "8.25" and store points; Integer fields store whole numbers.
bool EditText(AppState& app, const char* label, const FieldRef& ref, const std::string& value, FieldKind kind,
              float width = -1);
// A "Lịch" button that opens a month of days to tap (Monday first); returns the tapped date as yyyy-mm-dd in the
// frame it was tapped, "" otherwise. `iso` is the current value (its month opens first; today's when empty).
std::string DatePicker(AppState& app, const char* id, const std::string& iso);
// A form's date field (dd/mm/yyyy text, checked when the form is sent) with the calendar beside it.
void DateTextField(AppState& app, const char* label, std::string* dmy, float width);
// A choice among codes (shown translated with TrCode) as a row of buttons after "label:", bound to `ref`.
bool EditChoice(AppState& app, const char* label, const FieldRef& ref, const std::string& value,
                const char* const* codes, int count, float width = -1);
// The checker's message for `ref` when its last change was refused (drawn in red under the field).
void FieldError(const AppState& app, const FieldRef& ref);

// "8,25" / "8.25" / "8" -> 825; false when the text is not a number with at most two decimals.
bool ParsePoints(const std::string& text, long long* hundredths);
} // namespace ui
