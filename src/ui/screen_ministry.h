// "Bảng tổng hợp các cụm, khối thi đua": the ministry's table across every cluster of a deployment for one year
// (core/deployment/ministry.h computes it; the server sends it with one request, GET /api/ministry?year=Y, and the
// app layer's ministry driver fetches it). Read-only: every cluster's leading unit and how it was chosen, the
// cluster's award proposals and their status, and which leaders go forward for the Government's emulation flag
// (at most 20 %), with the ranking rule said on screen. One state struct, one Draw function.
#pragma once

#include "core/deployment/ministry.h"
#include "core/docs/document.h"

#include <cstdint>
#include <string>

namespace ui
{
struct AppState;

struct MinistryScreen
{
    enum class Status
    {
        Idle,
        Loading,
        Ready,
        Offline,      // no answer from the server
        Refused,      // the token may not see every cluster (403)
        NoDeployment, // the server holds one cluster (no /api/ministry)
        Failed,       // another error; `error` holds the server's text
    };
    Status status = Status::Idle;
    int32_t year = 0;           // the year asked for (0 = the latest any cluster holds)
    bool load_requested = true; // for the app layer (src/app/ministry_driver.h)
    deployment::MinistryTable table;
    std::string error;
    bool download_requested = false; // "Tải bảng (Excel)": the app layer saves MinistrySheet as .xlsx
};

void DrawMinistryScreen(MinistryScreen& screen, AppState& app);

// For the screen and tests: "suy tôn bằng phiếu kín · 9/10 phiếu (90 %)" or "đứng đầu theo điểm …".
std::string BasisText(const AppState& app, const deployment::LeaderRow& row);
// "Đề nghị" / "Không" / "Bằng phiếu ở ranh giới: Hội đồng quyết định" / "–" for a cluster without a leader.
std::string FlagText(const AppState& app, const deployment::LeaderRow& row);
// The table as a spreadsheet sheet, in the screen's words (for the council's paper copy), and its file name.
docs::Sheet MinistrySheet(const AppState& app, const deployment::MinistryTable& table);
std::string MinistryFileName(const deployment::MinistryTable& table);
} // namespace ui
