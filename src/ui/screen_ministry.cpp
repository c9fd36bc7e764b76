// The ministry's table across clusters; see screen_ministry.h. Phones get one card per cluster instead of columns.
#include "ui/screen_ministry.h"

#include "core/text/text.h"
#include "ui/app.h"
#include "ui/widgets.h"

#include <imgui.h>

namespace ui
{
namespace
{
void Wrapped(const std::string& text)
{
    ImGui::TextWrapped("%s", text.c_str()); // a narrow column wraps, never cuts
}

std::string ProposalText(const AppState& app, const deployment::ProposalRow& p)
{
    const Language lang = app.settings.lang;
    std::string s = std::string(TrCode(p.award_type, lang)) + ": " + p.organization + " (" + TrCode(p.status, lang);
    if (!p.decision_number.empty())
        s += std::string(", ") + Tr(Str::Decision, lang) + " " + p.decision_number +
             (p.decision_date.empty() ? "" : " " + text::FormatDate(p.decision_date));
    return s + ")";
}

void ClusterCell(const AppState& app, const deployment::LeaderRow& row)
{
    const Language lang = app.settings.lang;
    Wrapped(row.cluster_name);
    ImGui::TextDisabled("%s", Tr(row.kind == "block" ? Str::KindBlock : Str::KindCluster, lang));
    if (row.synthetic)
    {
        ImGui::SameLine();
        Badge(Tr(Str::SyntheticShort, lang), IM_COL32(198, 40, 40, 255), IM_COL32_WHITE);
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s", Tr(Str::SyntheticExplain, lang));
    }
}

void LeaderCell(const AppState& app, const deployment::LeaderRow& row)
{
    const Language lang = app.settings.lang;
    if (!row.has_year)
        ImGui::TextDisabled("%s", Tr(Str::NoYearData, lang));
    else if (row.leader_org_id.empty())
        ImGui::TextDisabled("%s", Tr(Str::NoLeaderYet, lang));
    else
    {
        ImGui::PushFont(app.fonts.bold);
        Wrapped(row.leader_name);
        ImGui::PopFont();
        ImGui::TextDisabled("%s %s", text::FormatPoints(row.total).c_str(), Tr(Str::Points, lang));
    }
}

void ProposalsCell(const AppState& app, const deployment::LeaderRow& row)
{
    if (row.proposals.empty())
        ImGui::TextDisabled("%s", Tr(row.has_year ? Str::NoProposals : Str::NotKnown, app.settings.lang));
    for (const deployment::ProposalRow& p : row.proposals)
        Wrapped(ProposalText(app, p));
}

void FlagCell(const AppState& app, const deployment::LeaderRow& row)
{
    const std::string text = FlagText(app, row);
    if (row.goes_forward)
        Badge(text.c_str(), IM_COL32(46, 125, 50, 255), IM_COL32_WHITE);
    else if (row.tied_at_quota)
    {
        ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(176, 96, 0, 255));
        Wrapped(text);
        ImGui::PopStyleColor();
    }
    else
        ImGui::TextDisabled("%s", text.c_str());
}

void DrawRules(const AppState& app, const deployment::MinistryTable& t)
{
    const Language lang = app.settings.lang;
    Wrapped(Tr(Str::MinistryQuotaRule, lang));
    ImGui::PushFont(app.fonts.bold);
    Wrapped(std::string(Tr(Str::Year, lang)) + " " + std::to_string(t.year) + ": " + std::to_string(t.leaders) + " " +
            Tr(Str::MinistryLeadersCount, lang) + " → " + Tr(Str::MinistryQuotaCount, lang) + " " +
            std::to_string(t.quota) + " (" + Tr(Str::MinistryRoundDown, lang) + ")");
    ImGui::PopFont();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    Wrapped(Tr(Str::MinistryRanking, lang));
    ImGui::PopStyleColor();
}

void DrawTable(const AppState& app, const deployment::MinistryTable& t)
{
    const Language lang = app.settings.lang;
    if (!ImGui::BeginTable("ministry", 6, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH))
        return;
    ImGui::TableSetupColumn(Tr(Str::ColOrder, lang), ImGuiTableColumnFlags_WidthStretch, 0.7f);
    ImGui::TableSetupColumn(Tr(Str::ColCluster, lang), ImGuiTableColumnFlags_WidthStretch, 2.2f);
    ImGui::TableSetupColumn(Tr(Str::ColLeader, lang), ImGuiTableColumnFlags_WidthStretch, 2.2f);
    ImGui::TableSetupColumn(Tr(Str::ColBasis, lang), ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableSetupColumn(Tr(Str::ColProposals, lang), ImGuiTableColumnFlags_WidthStretch, 3.4f);
    ImGui::TableSetupColumn(Tr(Str::ColGovernmentFlag, lang), ImGuiTableColumnFlags_WidthStretch, 1.8f);
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (int c = 0; c < 6; ++c)
    {
        ImGui::TableSetColumnIndex(c);
        ImGui::PushFont(app.fonts.bold);
        Wrapped(ImGui::TableGetColumnName(c)); // long headers wrap instead of being cut
        ImGui::PopFont();
    }
    for (const deployment::LeaderRow& row : t.rows)
    {
        ImGui::PushID(row.cluster_id.c_str());
        ImGui::TableNextRow(0, TouchHeight(app));
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        if (row.candidate_rank > 0)
            ImGui::Text("%d", row.candidate_rank);
        else
            ImGui::TextDisabled("–");
        ImGui::TableNextColumn();
        ClusterCell(app, row);
        ImGui::TableNextColumn();
        LeaderCell(app, row);
        ImGui::TableNextColumn();
        if (!row.leader_org_id.empty())
            Wrapped(BasisText(app, row));
        ImGui::TableNextColumn();
        ProposalsCell(app, row);
        ImGui::TableNextColumn();
        FlagCell(app, row);
        ImGui::PopID();
    }
    ImGui::EndTable();
}

void DrawCards(const AppState& app, const deployment::MinistryTable& t)
{
    const Language lang = app.settings.lang;
    for (const deployment::LeaderRow& row : t.rows)
    {
        ImGui::PushID(row.cluster_id.c_str());
        ImGui::Separator();
        if (row.candidate_rank > 0)
        {
            ImGui::AlignTextToFramePadding();
            ImGui::Text("%s %d", Tr(Str::ColOrder, lang), row.candidate_rank);
            ImGui::SameLine();
            FlagCell(app, row);
        }
        ClusterCell(app, row);
        LeaderCell(app, row);
        if (!row.leader_org_id.empty())
            Wrapped(BasisText(app, row));
        ProposalsCell(app, row);
        ImGui::PopID();
    }
}
} // namespace

std::string BasisText(const AppState& app, const deployment::LeaderRow& row)
{
    const Language lang = app.settings.lang;
    if (!row.by_ballot)
        return Tr(Str::BasisRank, lang);
    std::string s = std::string(Tr(Str::BasisBallot, lang)) + " · " + std::to_string(row.votes) + "/" +
                    std::to_string(row.base) + " " + Tr(Str::BasisVotes, lang);
    if (row.base > 0)
        s += " (" + FormatPercent(app, 100.0 * static_cast<double>(row.votes) / static_cast<double>(row.base), 1) + ")";
    return s;
}

std::string FlagText(const AppState& app, const deployment::LeaderRow& row)
{
    const Language lang = app.settings.lang;
    if (row.leader_org_id.empty())
        return "–";
    return Tr(row.goes_forward ? Str::FlagPropose : row.tied_at_quota ? Str::FlagCouncil : Str::FlagNo, lang);
}

docs::Sheet MinistrySheet(const AppState& app, const deployment::MinistryTable& t)
{
    const Language lang = app.settings.lang;
    docs::Sheet sheet;
    sheet.name = std::to_string(t.year);
    sheet.widths = {8, 34, 34, 40, 70, 22, 10};
    sheet.rows.push_back({docs::TextValue(std::string(Tr(Str::MinistryTitle, lang)) + " – " + Tr(Str::Year, lang) +
                                              " " + std::to_string(t.year),
                                          true)});
    sheet.rows.push_back({docs::TextValue(Tr(Str::MinistryQuotaRule, lang))});
    sheet.rows.push_back({docs::TextValue(std::string(Tr(Str::Year, lang)) + " " + std::to_string(t.year) + ": " +
                                          std::to_string(t.leaders) + " " + Tr(Str::MinistryLeadersCount, lang) +
                                          " → " + Tr(Str::MinistryQuotaCount, lang) + " " + std::to_string(t.quota) +
                                          " (" + Tr(Str::MinistryRoundDown, lang) + ")")});
    sheet.rows.push_back({docs::TextValue(Tr(Str::MinistryRanking, lang))});
    sheet.rows.push_back({});
    sheet.header_row = static_cast<int>(sheet.rows.size());
    sheet.rows.push_back({docs::TextValue(Tr(Str::ColOrder, lang)), docs::TextValue(Tr(Str::ColCluster, lang)),
                          docs::TextValue(Tr(Str::ColLeader, lang)), docs::TextValue(Tr(Str::ColBasis, lang)),
                          docs::TextValue(Tr(Str::ColProposals, lang)), docs::TextValue(Tr(Str::ColGovernmentFlag, lang)),
                          docs::TextValue(Tr(Str::Points, lang))});
    for (const deployment::LeaderRow& row : t.rows)
    {
        std::string proposals;
        for (const deployment::ProposalRow& p : row.proposals)
            proposals += (proposals.empty() ? "" : "; ") + ProposalText(app, p);
        std::string cluster = row.cluster_name;
        if (row.synthetic)
            cluster += std::string(" (") + Tr(Str::SyntheticShort, lang) + ")";
        const std::string leader = !row.has_year                ? Tr(Str::NoYearData, lang)
                                   : row.leader_org_id.empty() ? Tr(Str::NoLeaderYet, lang)
                                                               : row.leader_name;
        std::vector<docs::SheetCell> cells = {
            row.candidate_rank > 0 ? docs::NumberValue(row.candidate_rank) : docs::TextValue("–"),
            docs::TextValue(cluster),
            docs::TextValue(leader),
            docs::TextValue(row.leader_org_id.empty() ? "" : BasisText(app, row)),
            docs::TextValue(proposals),
            docs::TextValue(FlagText(app, row)),
        };
        cells.push_back(row.leader_org_id.empty() ? docs::TextValue("")
                                                  : docs::NumberValue(static_cast<double>(row.total) / 100.0, 2));
        sheet.rows.push_back(cells);
    }
    return sheet;
}

std::string MinistryFileName(const deployment::MinistryTable& t)
{
    return "bang-tong-hop-cac-cum-khoi-" + std::to_string(t.year) + ".xlsx";
}

void DrawMinistryScreen(MinistryScreen& screen, AppState& app)
{
    const Language lang = app.settings.lang;
    Heading(app, Tr(Str::MinistryTitle, lang));
    switch (screen.status)
    {
    case MinistryScreen::Status::Idle:
    case MinistryScreen::Status::Loading: ImGui::TextDisabled("%s", Tr(Str::MinistryLoading, lang)); return;
    case MinistryScreen::Status::Offline: ErrorLine(Tr(Str::MinistryOffline, lang)); return;
    case MinistryScreen::Status::Refused: ErrorLine(Tr(Str::MinistryRefused, lang)); return;
    case MinistryScreen::Status::NoDeployment: ImGui::TextDisabled("%s", Tr(Str::MinistryNoDeployment, lang)); return;
    case MinistryScreen::Status::Failed:
        ErrorLine(std::string(Tr(Str::MinistryFailed, lang)) + ": " + TrMessage(screen.error, lang));
        return;
    case MinistryScreen::Status::Ready: break;
    }
    const deployment::MinistryTable& t = screen.table;
    // The year: one button per year any cluster holds (the latest on the right, as on the year selector).
    for (size_t i = 0; i < t.years.size(); ++i)
    {
        const std::string label = std::to_string(t.years[i]) + "##ministry-year";
        if (i > 0)
            Flow(ButtonWidth(label.c_str()));
        if (TouchButton(app, label.c_str(), 0, t.years[i] == t.year) && t.years[i] != t.year)
        {
            screen.year = t.years[i];
            screen.load_requested = true;
        }
    }
    const char* download = Tr(Str::MinistryDownload, lang);
    Flow(ButtonWidth(download));
    if (TouchButton(app, download))
        screen.download_requested = true;
    DrawRules(app, t);
    if (app.layout == Layout::Phone)
        DrawCards(app, t);
    else
        DrawTable(app, t);
}
} // namespace ui
