// The "Văn bản" action of the covenant, meeting, ballot and results screens: one tap asks for a paper of core/docs
// (the app layer then downloads the .docx and opens the print page); problems with the data are shown under it.
// Screens call DocumentButton with one line; nothing here touches the platform.
#pragma once

#include "core/docs/papers.h"

#include <string>
#include <vector>

namespace ui
{
struct AppState;

struct DocumentState
{
    bool pending = false;          // a paper was asked for this frame (handled after the frame by the app layer)
    docs::Request request;
    bool spreadsheet = false;      // the .xlsx (score table, ballot tallies) instead of the .docx and print page
    std::string key;               // which button asked ("<kind>:<id>"), so its problems show under it
    std::vector<std::string> problems; // "file:/pointer: message" when the data lacked something
    std::string saved;             // the file name last downloaded
    int reveal_frames = 0;         // the outcome just came: frames left to scroll it into view (under a button at the
                                   // screen's foot it was hidden; the card around it grows in the first, the screen's
                                   // scroll can reach it in the second)
};

// A "Văn bản" button for `kind` (and "Bảng tính Excel" beside it for the score table and ballot tallies); `id` is the meeting or ballot id (empty for the year's papers).
void DocumentButton(AppState& app, docs::Kind kind, int32_t year, const std::string& id = "");
} // namespace ui
