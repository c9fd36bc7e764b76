// History screen: ranks (or totals) of the members across years as a line chart on ImDrawList, and the leading
// unit of each year (elected by the honour ballot, else ranked first). Computed once per data version.
#include "ui/screen_history.h"

#include "core/text/text.h"
#include "ui/app.h"
#include "ui/widgets.h"

#include <imgui.h>

#include <algorithm>
#include <vector>

namespace
{
const ImU32 kPalette[] = {
    IM_COL32(31, 78, 140, 255),  IM_COL32(200, 16, 46, 255),  IM_COL32(46, 125, 50, 255),
    IM_COL32(230, 145, 0, 255),  IM_COL32(106, 27, 154, 255), IM_COL32(0, 131, 143, 255),
    IM_COL32(121, 85, 72, 255),  IM_COL32(216, 27, 96, 255),  IM_COL32(85, 139, 47, 255),
    IM_COL32(69, 90, 100, 255),  IM_COL32(255, 87, 34, 255),  IM_COL32(57, 73, 171, 255),
};
constexpr int kMaxLines = 12;

void Compute(ui::HistoryScreen& screen, const ui::AppState& app)
{
    screen.years.clear();
    for (const model::YearFile& year : app.dataset.years)
    {
        ui::HistoryYear h;
        h.year = year.year.year;
        h.result = scoring::ComputeYear(app.dataset, year.year.id);
        for (const scoring::BallotOutcome& outcome : h.result.ballots)
        {
            const model::Ballot* ballot = nullptr;
            for (const model::Results& r : app.dataset.results)
                if (r.year_id == year.year.id)
                    for (const model::Ballot& b : r.ballots)
                        if (b.id == outcome.ballot_id)
                            ballot = &b;
            if (ballot && ballot->motion == "honour_leader" && outcome.result == "pass" && !outcome.winners.empty())
            {
                h.leader_org_id = outcome.winners.front();
                h.leader_by_ballot = true;
            }
        }
        // Ranked first names the leader only once every member has a score: while units are still entering
        // theirs (the year in progress) the first place is not decided.
        h.scoring_open = h.result.unranked > 0 && h.result.unranked < static_cast<int32_t>(h.result.members.size());
        if (h.leader_org_id.empty() && h.result.unranked == 0 && !h.result.members.empty() && h.result.members.front().rank == 1)
            h.leader_org_id = h.result.members.front().organization_id;
        screen.years.push_back(std::move(h));
    }
    std::sort(screen.years.begin(), screen.years.end(),
              [](const ui::HistoryYear& a, const ui::HistoryYear& b) { return a.year < b.year; });
    screen.version = app.data_version;
}

const scoring::MemberResult* Find(const scoring::YearResult& result, const std::string& org)
{
    for (const scoring::MemberResult& m : result.members)
        if (m.organization_id == org)
            return &m;
    return nullptr;
}

// A line goes on through a merger: in the years before a unit existed, its (first) predecessor's place is drawn.
const scoring::MemberResult* FindLine(const ui::AppState& app, const scoring::YearResult& result, const std::string& org,
                                      int depth)
{
    if (const scoring::MemberResult* m = Find(result, org))
        return m;
    if (const model::Organization* o = depth > 0 ? ui::FindOrganization(app, org) : nullptr)
        for (const std::string& predecessor : o->predecessor_ids)
            if (const scoring::MemberResult* m = FindLine(app, result, predecessor, depth - 1))
                return m;
    return nullptr;
}

void DrawChart(ui::HistoryScreen& screen, ui::AppState& app, const std::vector<std::string>& lines)
{
    const float height = std::max(ui::Dp(app, 220), ImGui::GetContentRegionAvail().y * 0.45f);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 size(ImGui::GetContentRegionAvail().x, height);
    ImGui::InvisibleButton("chart", size);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float pad_left = ImGui::CalcTextSize("000,00").x + ui::Dp(app, 8);
    // Room on the right for half the last year's label, which is centred on its point (cut at a large text size).
    const float pad = std::max(ui::Dp(app, 16), ImGui::CalcTextSize("0000").x * 0.5f + ui::Dp(app, 4));
    const float line_h = ImGui::GetTextLineHeight();
    const ImVec2 p0(origin.x + pad_left, origin.y + pad);
    const ImVec2 p1(origin.x + size.x - pad, origin.y + size.y - line_h - pad);
    draw->AddRectFilled(origin, ImVec2(origin.x + size.x, origin.y + size.y), ImGui::GetColorU32(ImGuiCol_ChildBg), 6);

    double lo = 1, hi = 1;
    bool any = false;
    for (const ui::HistoryYear& y : screen.years)
        for (const scoring::MemberResult& m : y.result.members)
        {
            if (m.rank == 0) // no score that year: no point on the chart
                continue;
            const double v = screen.show_totals ? static_cast<double>(m.ranking_total.value) : m.rank;
            lo = any ? std::min(lo, v) : v;
            hi = any ? std::max(hi, v) : v;
            any = true;
        }
    if (hi <= lo)
        hi = lo + 1;
    const size_t n = screen.years.size();
    auto x_of = [&](size_t i) { return n <= 1 ? (p0.x + p1.x) / 2 : p0.x + (p1.x - p0.x) * i / (n - 1); };
    auto y_of = [&](double v) {
        const float t = static_cast<float>((v - lo) / (hi - lo));
        return screen.show_totals ? p1.y - (p1.y - p0.y) * t : p0.y + (p1.y - p0.y) * t; // rank 1 at the top
    };
    const ImU32 grid = ImGui::GetColorU32(ImGuiCol_Border);
    const ImU32 label = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    // Totals: five even steps. Ranks are whole numbers: a line at every rank (1, 2, 3 … 10), or every 2nd, 5th …
    // rank when there are too many for the height, always starting at the top rank.
    std::vector<double> ticks;
    if (screen.show_totals)
        for (int k = 0; k <= 4; ++k)
            ticks.push_back(lo + (hi - lo) * k / 4);
    else
    {
        const int first = static_cast<int>(lo + 0.5), last = static_cast<int>(hi + 0.5);
        const int fit = std::max(2, static_cast<int>((p1.y - p0.y) / (line_h * 1.2f)));
        int step = 1;
        for (int candidate : {1, 2, 5, 10, 20, 50, 100})
            if ((last - first) / candidate + 1 <= fit)
            {
                step = candidate;
                break;
            }
            else
                step = candidate;
        for (int r = first; r <= last; r += step)
            ticks.push_back(r);
    }
    for (double v : ticks)
    {
        const float y = y_of(v);
        draw->AddLine(ImVec2(p0.x, y), ImVec2(p1.x, y), grid);
        const std::string t = screen.show_totals ? text::FormatPoints(static_cast<int64_t>(v)) : std::to_string(static_cast<int>(v + 0.5));
        draw->AddText(ImVec2(origin.x + ui::Dp(app, 4), y - line_h / 2), label, t.c_str());
    }
    for (size_t i = 0; i < n; ++i)
    {
        const std::string t = std::to_string(screen.years[i].year);
        const float w = ImGui::CalcTextSize(t.c_str()).x;
        draw->AddText(ImVec2(x_of(i) - w / 2, p1.y + ui::Dp(app, 6)), label, t.c_str());
    }
    for (size_t l = 0; l < lines.size(); ++l)
    {
        const bool bold = lines[l] == screen.highlighted;
        const ImU32 colour = kPalette[l % kMaxLines];
        const float thickness = ui::Dp(app, bold ? 4.0f : 2.0f);
        bool has_prev = false;
        ImVec2 prev;
        for (size_t i = 0; i < n; ++i)
        {
            const scoring::MemberResult* m = FindLine(app, screen.years[i].result, lines[l], 4);
            if (!m || m->rank == 0)
            {
                has_prev = false;
                continue;
            }
            const ImVec2 p(x_of(i), y_of(screen.show_totals ? static_cast<double>(m->ranking_total.value) : m->rank));
            if (has_prev)
                draw->AddLine(prev, p, colour, thickness);
            draw->AddCircleFilled(p, thickness * 1.6f, colour);
            prev = p;
            has_prev = true;
        }
    }
}
} // namespace

void ui::DrawHistoryScreen(HistoryScreen& screen, AppState& app)
{
    const Language lang = app.settings.lang;
    Heading(app, Tr(Str::NavHistory, lang));
    if (screen.version != app.data_version)
        Compute(screen, app);
    if (screen.years.empty())
    {
        ImGui::TextDisabled("%s", Tr(Str::NoYear, lang));
        return;
    }
    const char* modes[] = {Tr(Str::ChartRanks, lang), Tr(Str::ChartTotals, lang)};
    const int tapped = Segmented(app, modes, 2, screen.show_totals ? 1 : 0);
    if (tapped >= 0)
        screen.show_totals = tapped == 1;

    // Lines: the best-ranked units of the latest year with results (at most kMaxLines), plus the highlighted one.
    std::vector<std::string> lines;
    for (auto it = screen.years.rbegin(); it != screen.years.rend() && lines.empty(); ++it)
        for (const scoring::MemberResult& m : it->result.members)
            if (static_cast<int>(lines.size()) < kMaxLines)
                lines.push_back(m.organization_id);
    if (!screen.highlighted.empty() && std::find(lines.begin(), lines.end(), screen.highlighted) == lines.end())
        lines.back() = screen.highlighted;
    if (lines.empty())
        ImGui::TextDisabled("%s", Tr(Str::NoScores, lang));
    else
        DrawChart(screen, app, lines);

    for (size_t l = 0; l < lines.size(); ++l)
    {
        const std::string label = OrgName(app, lines[l]) + "##legend";
        if (l > 0)
            Flow(ImGui::CalcTextSize(label.c_str(), nullptr, true).x + Dp(app, 24));
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        const float box = Dp(app, 12);
        const float h = TouchHeight(app);
        ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(pos.x, pos.y + (h - box) / 2),
                                                  ImVec2(pos.x + box, pos.y + (h + box) / 2), kPalette[l % kMaxLines], 2);
        ImGui::Dummy(ImVec2(box, h));
        ImGui::SameLine(0, Dp(app, 4));
        if (Link(app, label.c_str()))
            screen.highlighted = screen.highlighted == lines[l] ? "" : lines[l];
    }

    Section(app, Tr(Str::LeadingUnits, lang));
    if (ImGui::BeginTable("leaders", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH))
    {
        // The year and the total as wide as their figures (a share of the width cut "100,65" on a phone); the names
        // share the rest and wrap.
        ImGui::TableSetupColumn(Tr(Str::Year, lang), ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn(Tr(Str::LeadingUnit, lang), ImGuiTableColumnFlags_WidthStretch, 4);
        ImGui::TableSetupColumn(Tr(Str::Total, lang), ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn(Tr(Str::Chair, lang), ImGuiTableColumnFlags_WidthStretch, 3);
        ImGui::TableHeadersRow();
        for (auto it = screen.years.rbegin(); it != screen.years.rend(); ++it)
        {
            ImGui::TableNextRow(0, TouchHeight(app));
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            ImGui::Text("%d", it->year);
            ImGui::TableNextColumn();
            if (it->leader_org_id.empty())
                DimWrapped(Tr(it->scoring_open ? Str::LeaderNotDecided : Str::NotKnown, lang));
            else
            {
                const std::string label = OrgName(app, it->leader_org_id) + "##leader" + std::to_string(it->year);
                if (Link(app, label.c_str()))
                    OpenMember(app, it->leader_org_id);
                // "(suy tôn)" beside the name, or under it when the column is narrow (never cut).
                const std::string how = std::string("(") + Tr(it->leader_by_ballot ? Str::ByBallot : Str::ByRank, lang) + ")";
                const float cell_right = ImGui::GetWindowPos().x + ImGui::GetContentRegionMax().x; // in a table: the cell's
                if (ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + ImGui::CalcTextSize(how.c_str()).x <= cell_right)
                    ImGui::SameLine();
                ImGui::AlignTextToFramePadding();
                ImGui::TextDisabled("%s", how.c_str());
            }
            ImGui::TableNextColumn();
            const scoring::MemberResult* m = Find(it->result, it->leader_org_id);
            ImGui::TextUnformatted(m ? text::FormatPoints(m->ranking_total.value).c_str() : "–");
            ImGui::TableNextColumn();
            std::string chair;
            for (const model::YearFile& y : app.dataset.years)
                if (y.year.year == it->year)
                    chair = y.year.chair_org_id;
            ImGui::TextWrapped("%s", chair.empty() ? "–" : OrgName(app, chair).c_str()); // a phone wraps, never cuts
        }
        ImGui::EndTable();
    }
}
