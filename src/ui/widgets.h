// Small shared drawing helpers used by several screens: touch-sized buttons, links, badges, labelled values,
// lookups by id (through AppState::index, so a frame never scans the data), search folding, dates.
#pragma once

#include "core/model/model.h"

#include <imgui.h>

#include <string>

namespace ui
{
struct AppState;
enum class Language;

// ---- sizes ----
// Device pixels per CSS pixel (the font scale divided by the user's text size).
float PixelRatio(const AppState& app);
// `css` CSS pixels in framebuffer pixels.
float Dp(const AppState& app, float css);
// The height of a touch target: at least 44 CSS px, at least one frame.
float TouchHeight(const AppState& app);

// ---- widgets ----
// A filled rounded label, e.g. the red "synthetic data" badge, on one line (it may size a table's column to itself).
// It is as wide as a button with the same label: Flow(ButtonWidth(text)) puts it beside other items or under them.
void Badge(const char* text, ImU32 background, ImU32 foreground);
// Dimmed text that wraps at the end of the line or cell (never cut on a phone).
void DimWrapped(const char* text);
// A form's error in red, wrapped; nothing when `text` is empty.
void ErrorLine(const std::string& text);
// "Label: value" on one line, label dimmed; wraps long values.
void LabelValue(const char* label, const std::string& value);
// "Label:" dimmed, vertically centred on a touch-high row, then SameLine (for a link, badge or value after it).
void RowLabel(const AppState& app, const char* label);
// Plain text after RowLabel, centred on the same touch-high row.
void RowValue(const AppState& app, const char* text);
// Moves the cursor down to where RowLabel's text sits on its touch-high row: what is drawn next (text, a badge)
// reads level with the label.
void AlignToRowLabel(const AppState& app);
// A heading in the large bold font.
void Heading(const AppState& app, const std::string& text);
// A section title: bold text with a rule under it.
void Section(const AppState& app, const char* text);
// A button at least one touch target high; `selected` draws it as the current choice. With `wrap`, a label wider
// than the line wraps inside a taller button (a meeting's full name on a phone); not for a window or table column
// that sizes itself to its contents, which would then never grow.
bool TouchButton(const AppState& app, const char* label, float width = 0, bool selected = false, bool wrap = false);
// Text that navigates when tapped (underlined, accent colour), one touch target high.
bool Link(const AppState& app, const char* label);
// Puts the next item on the same line when `next_width` pixels still fit, otherwise on a new line.
void Flow(float next_width);
// Width of a button with this label.
float ButtonWidth(const char* label);
// A row of buttons where one is current; returns the index tapped, or -1.
int Segmented(const AppState& app, const char* const* labels, int count, int current);
// Colour for a status code (done/passed = green, open/in_progress = amber, cancelled = grey, ...).
ImU32 StatusColor(const std::string& status);
// A status code's badge in its colour, beside the items before it on the line when it fits, otherwise under them.
void StatusBadge(const std::string& status, Language lang);

// ---- lookups (nullptr when the id does not resolve) ----
const model::Organization* FindOrganization(const AppState& app, const std::string& id);
const model::Person* FindPerson(const AppState& app, const std::string& id);
const model::Meeting* FindMeeting(const AppState& app, const std::string& id);
const model::Area* FindArea(const AppState& app, const std::string& id);
const model::Criterion* FindCriterion(const AppState& app, const std::string& id);
// The organisation's short name, or its id when unknown (never an empty cell).
std::string OrgName(const AppState& app, const std::string& id);
// "Bà Nguyễn Thị Phương Hoa" (honorific + name), or the id when unknown.
std::string PersonName(const AppState& app, const std::string& id);
// The head of an organisation on `date` (a post whose role starts with "Giám đốc"), or nullptr.
const model::Person* HeadOf(const AppState& app, const std::string& org_id, const std::string& date);

// ---- text ----
// A percentage the way the interface language writes it: "90,0 %" in Vietnamese, "90.0%" in English
// (text::FormatPercent; text::FormatNumber writes other numbers the same two ways).
std::string FormatPercent(const AppState& app, double percent, int decimals);
// Lower case without Vietnamese diacritics ("Đông" -> "dong"), for search that forgives missing tones.
std::string FoldForSearch(const std::string& s);
// Today as "YYYY-MM-DD" (AppState::today when set, for tests).
std::string Today(const AppState& app);
// The year of "YYYY-MM-DD", or 0.
int YearOfDate(const std::string& iso);
} // namespace ui
