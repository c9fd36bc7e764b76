// Presentation mode: one slide at a time in the high-contrast theme, driven by a clicker (PageDown/PageUp, arrows,
// space, B = blank, Esc = leave). The reveal steps from the last-ranked unit to the first, then shows the ballot
// and the award proposals, like the ICPC resolver. Everything is already in memory: no step waits on the network.
//
// [SECTION] steps
// [SECTION] slides
// [SECTION] reveal
// [SECTION] DrawPresentation
#include "ui/screen_present.h"

#include "core/scoring/scoring.h"
#include "core/text/text.h"
#include "ui/app.h"
#include "ui/widgets.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>

namespace
{
constexpr double kSlideIn = 0.35;        // seconds a newly revealed row takes to slide in
constexpr double kControlsSeconds = 3.0; // the control bar hides this long after the pointer last moved
const ImU32 kGold = IM_COL32(242, 193, 78, 255);

// ---- [SECTION] steps ----

bool AnyPressed(std::initializer_list<ImGuiKey> keys)
{
    for (ImGuiKey key : keys)
        if (ImGui::IsKeyPressed(key, false))
            return true;
    return false;
}

void HandleKeys(ui::AppState& app)
{
    ui::PresentationState& p = app.presentation;
    if (ImGui::IsKeyPressed(ImGuiKey_Escape, false))
    {
        if (p.member.empty())
            ui::LeavePresentation(app);
        p.member.clear();
        return;
    }
    const bool next = AnyPressed({ImGuiKey_PageDown, ImGuiKey_RightArrow, ImGuiKey_DownArrow, ImGuiKey_Space, ImGuiKey_Enter});
    const bool previous = AnyPressed({ImGuiKey_PageUp, ImGuiKey_LeftArrow, ImGuiKey_UpArrow, ImGuiKey_Backspace});
    if (AnyPressed({ImGuiKey_B, ImGuiKey_Period}))
    {
        p.blank = !p.blank;
        return;
    }
    if (p.blank && (next || previous))
    {
        p.blank = false; // the first click after a blank screen brings the slide back
        return;
    }
    if (ImGui::IsKeyPressed(ImGuiKey_Home, false))
    {
        p.slide = 0;
        p.reveal_step = 0;
        p.member.clear();
    }
    if (ImGui::IsKeyPressed(ImGuiKey_End, false)) // the last slide, fully revealed
    {
        p.slide = static_cast<int>(ui::Slide::Count) - 1;
        p.reveal_step = ui::RevealSteps(app);
        p.step_time = -1;
        p.member.clear();
    }
    if (next)
        ui::PresentationNext(app);
    if (previous)
        ui::PresentationPrevious(app);
}

// ---- [SECTION] slides ----

void Title(const ui::AppState& app, const std::string& text)
{
    ImGui::PushFont(app.fonts.huge ? app.fonts.huge : app.fonts.large); // huge is built from the next frame on
    ImGui::PushStyleColor(ImGuiCol_Text, kGold);
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ImGui::Spacing();
}

void Large(const ui::AppState& app, const std::string& text)
{
    ImGui::PushFont(app.fonts.large);
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::PopFont();
}

void SlideOverview(ui::AppState& app)
{
    const ui::Language lang = app.settings.lang;
    const model::YearFile* year = ui::SelectedYear(app);
    const model::Dataset& data = app.dataset;
    Title(app, scoring::ClusterNameIn(data, year ? year->year.year : 0));
    if (!year)
        return;
    if (!year->year.theme.empty())
    {
        ImGui::PushFont(app.fonts.large);
        ImGui::TextDisabled("%s %d", ui::Tr(ui::Str::Theme, lang), year->year.year);
        ImGui::PopFont();
        Large(app, "“" + year->year.theme + "”");
    }
    ImGui::Spacing();
    if (!year->year.chair_org_id.empty())
        Large(app, std::string(ui::Tr(ui::Str::Chair, lang)) + ": " + ui::OrgName(app, year->year.chair_org_id));
    if (!year->year.deputy_org_id.empty())
        Large(app, std::string(ui::Tr(ui::Str::Deputy, lang)) + ": " + ui::OrgName(app, year->year.deputy_org_id));
    Large(app, std::string(ui::Tr(ui::Str::Members, lang)) + ": " + std::to_string(app.year_members.size()));
}

// A member's card on the projector: name, area, head and public contacts (DrawContacts leaves out private ones).
void MemberCard(ui::AppState& app, const model::Organization& org, const std::string& on)
{
    const ui::Language lang = app.settings.lang;
    ui::PresentationState& p = app.presentation;
    Title(app, org.name);
    if (const model::Area* area = ui::FindArea(app, org.area_id))
        Large(app, std::string(ui::Tr(ui::Str::Area, lang)) + ": " + area->name);
    if (const model::Person* head = ui::HeadOf(app, org.id, on))
        Large(app, std::string(ui::Tr(ui::Str::Head, lang)) + ": " + ui::PersonName(app, head->id));
    ui::DrawContacts(app, org, on, false, &p.copied);
    ImGui::Spacing();
    if (ui::TouchButton(app, ui::Tr(ui::Str::BackToList, lang)))
        p.member.clear();
}

void SlideMembers(ui::AppState& app)
{
    const ui::Language lang = app.settings.lang;
    const model::YearFile* year = ui::SelectedYear(app);
    const std::string on = year ? std::to_string(year->year.year) + "-12-31" : ui::Today(app);
    if (const model::Organization* org = ui::FindOrganization(app, app.presentation.member))
    {
        MemberCard(app, *org, on);
        return;
    }
    Title(app, ui::Tr(ui::Str::Members, lang));
    // Every member on one slide: as many columns as it takes (2 to 4) for the rows to fit the height left.
    const int count = static_cast<int>(app.year_members.size());
    ImGui::PushFont(app.fonts.large);
    const float link_h = std::max(ui::TouchHeight(app), ImGui::GetTextLineHeight() + ImGui::GetStyle().FramePadding.y * 2);
    ImGui::PopFont();
    const ImGuiStyle& style = ImGui::GetStyle();
    const float cell_h = link_h + ImGui::GetTextLineHeight() + style.ItemSpacing.y * 2 + style.CellPadding.y * 2;
    int columns = 2;
    while (columns < 4 && (count + columns - 1) / columns * cell_h > ImGui::GetContentRegionAvail().y)
        ++columns;
    const int rows = (count + columns - 1) / columns;
    const bool fits = rows * cell_h <= ImGui::GetContentRegionAvail().y;
    // Names and heads; a tap on a name opens the unit's card.
    if (ImGui::BeginTable("present-members", columns, fits ? ImGuiTableFlags_None : ImGuiTableFlags_ScrollY))
    {
        for (int row = 0; row < rows; ++row)
        {
            ImGui::TableNextRow();
            for (int c = 0; c < columns; ++c)
            {
                ImGui::TableNextColumn();
                const size_t i = static_cast<size_t>(row * columns + c);
                if (i >= app.year_members.size())
                    continue;
                const std::string& id = app.year_members[i];
                ImGui::PushFont(app.fonts.large);
                const std::string label = ui::OrgName(app, id) + "##present-" + id;
                if (ui::Link(app, label.c_str()))
                    app.presentation.member = id;
                ImGui::PopFont();
                if (const model::Person* head = ui::HeadOf(app, id, on))
                    ImGui::TextUnformatted(ui::PersonName(app, head->id).c_str());
            }
        }
        ImGui::EndTable();
    }
}

void SlideCovenant(ui::AppState& app)
{
    const ui::Language lang = app.settings.lang;
    Title(app, ui::Tr(ui::Str::NavCovenant, lang));
    bool any = false;
    for (const model::CovenantFile& file : app.dataset.covenants)
    {
        if (file.covenant.year_id != app.results.year_id)
            continue;
        any = true;
        Large(app, "“" + file.covenant.theme + "”");
        ImGui::Spacing();
        for (const model::Commitment& c : file.covenant.commitments)
            Large(app, std::to_string(c.order) + ". " + c.text);
    }
    if (!any)
        Large(app, ui::Tr(ui::Str::NoCovenant, lang));
}

void SlideResults(ui::AppState& app)
{
    const ui::Language lang = app.settings.lang;
    Title(app, ui::Tr(ui::Str::CriteriaTable, lang));
    const model::YearFile* year = ui::SelectedYear(app);
    if (!year)
        return;
    if (ImGui::BeginTable("present-criteria", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH))
    {
        ImGui::TableSetupColumn(ui::Tr(ui::Str::Criterion, lang), ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn(ui::Tr(ui::Str::MaxPoints, lang), ImGuiTableColumnFlags_WidthFixed);
        ImGui::PushFont(app.fonts.large);
        for (const model::Criterion& c : year->criteria)
        {
            if (!c.parent_id.empty())
                continue;
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextWrapped("%s %s", c.code.c_str(), c.title.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(c.max_points ? text::FormatPoints(c.max_points).c_str() : "");
        }
        ImGui::PopFont();
        ImGui::EndTable();
    }
    ImGui::Spacing();
    Large(app, std::string(ui::Tr(ui::Str::UnitsScored, lang)) + ": " + std::to_string(app.results.members.size()) +
                   " · " + ui::Tr(ui::Str::RankedOn, lang) + ": " + ui::TrCode(app.results.ranking_stage, lang));
}

// ---- [SECTION] reveal ----

// The ranking so far, newest (best) on top. Row heights are laid out for the whole ranking from the start, so
// rows never jump during the reveal and the last rank is on screen at the end: rows shrink to fit the height, and
// below a readable size the ranking flows into two columns.
void RevealRanking(ui::AppState& app, int revealed)
{
    const ui::Language lang = app.settings.lang;
    const std::vector<scoring::MemberResult>& members = app.results.members;
    const int n = static_cast<int>(members.size());
    const int first = n - revealed; // members[first] is the newest revealed (best so far)
    ImFont* font = app.fonts.large;
    const float line = font->FontSize;
    const float avail = ImGui::GetContentRegionAvail().y;
    const float full_width = ImGui::GetContentRegionAvail().x;
    const float ideal = line * 1.9f;
    int columns = 1;
    float row_h = std::min(ideal, avail / static_cast<float>(n + 1)); // + 1: the "still to reveal" line
    if (row_h < line * 1.3f)
    {
        columns = 2;
        row_h = std::min(ideal, avail / static_cast<float>((n + 1) / 2 + 1));
    }
    const float size = std::min(line, row_h / 1.35f); // the text shrinks with the row, never grows
    const float gap = columns > 1 ? line : 0;
    const float width = (full_width - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    const int per_column = (n + columns - 1) / columns;
    const double age = ImGui::GetTime() - app.presentation.step_time;
    if (age < kSlideIn)
        app.animating = true;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    if (first > 0)
    {
        const std::string hidden = std::string(ui::Tr(ui::Str::StillHidden, lang)) + ": " + std::to_string(first);
        draw->AddText(font, size, ImVec2(origin.x, origin.y + (row_h - size) / 2),
                      ImGui::GetColorU32(ImGuiCol_Text, 0.8f), hidden.c_str());
    }
    for (int i = first; i < n; ++i)
    {
        const scoring::MemberResult& m = members[static_cast<size_t>(i)];
        const int column = i / per_column;
        ImVec2 pos(origin.x + static_cast<float>(column) * (width + gap),
                   origin.y + row_h * static_cast<float>(i % per_column + 1));
        const bool newest = i == first;
        float alpha = 1.0f;
        if (newest && age < kSlideIn)
        {
            const float t = static_cast<float>(age / kSlideIn);
            pos.x += (1.0f - t) * width * 0.25f;
            alpha = t;
        }
        const ImU32 bg = newest ? IM_COL32(242, 193, 78, static_cast<int>(60 * alpha))
                                : ImGui::GetColorU32(ImGuiCol_ChildBg);
        draw->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + row_h * 0.92f), bg, 8);
        const ImU32 fg = ImGui::GetColorU32(ImGuiCol_Text, alpha);
        const float ty = pos.y + (row_h * 0.92f - size) / 2;
        const float pad = size * 0.6f;
        const bool ranked = m.rank > 0; // a unit with no score yet is shown as such, not as 0 points
        const std::string rank = ranked ? std::to_string(m.rank) : "–";
        draw->AddText(font, size, ImVec2(pos.x + pad, ty), m.rank == 1 ? kGold : fg, rank.c_str());
        // Name | total | rating: the rating takes a third of the row, in the same bold face, slightly smaller.
        const float rating_size = size * 0.8f;
        const float rating_w = width * 0.34f;
        const std::string total = ranked ? text::FormatPoints(m.ranking_total.value) : "–";
        const float total_w = font->CalcTextSizeA(size, FLT_MAX, 0, total.c_str()).x;
        const float total_x = pos.x + width - rating_w - total_w - pad;
        const float name_x = pos.x + pad + size * 2.2f;
        const ImVec4 name_clip(name_x, pos.y, total_x - pad, pos.y + row_h);
        draw->AddText(font, size, ImVec2(name_x, ty), fg, ui::OrgName(app, m.organization_id).c_str(), nullptr, 0,
                      &name_clip);
        draw->AddText(font, size, ImVec2(total_x, ty), fg, total.c_str());
        const ImVec4 rating_clip(pos.x + width - rating_w, pos.y, pos.x + width - pad, pos.y + row_h);
        draw->AddText(font, rating_size, ImVec2(pos.x + width - rating_w, pos.y + (row_h * 0.92f - rating_size) / 2),
                      ImGui::GetColorU32(ImGuiCol_Text, 0.85f * alpha),
                      ranked ? m.rating_label.c_str() : ui::Tr(ui::Str::NoScores, lang), nullptr, 0, &rating_clip);
        // The row is an item ("3. Sở …") for screen readers and tests, which check that the last rank is on screen.
        const std::string label = (ranked ? rank + ". " : "") + ui::OrgName(app, m.organization_id) + "##rank-" + m.organization_id;
        const ImGuiID id = ImGui::GetID(label.c_str());
        ImGui::ItemAdd(ImRect(pos, ImVec2(pos.x + width, pos.y + row_h * 0.92f)), id, nullptr, ImGuiItemFlags_NoNav);
        ImGuiTestEngineHook_ItemInfo(ImGui::GetCurrentContext(), id, label.c_str(), 0);
    }
    ImGui::Dummy(ImVec2(full_width, row_h * static_cast<float>(per_column + 1)));
}

const model::Ballot* FindBallot(const ui::AppState& app, const std::string& id)
{
    for (const model::Results& r : app.dataset.results)
        if (r.year_id == app.results.year_id)
            for (const model::Ballot& b : r.ballots)
                if (b.id == id)
                    return &b;
    return nullptr;
}

void RevealBallot(ui::AppState& app)
{
    const ui::Language lang = app.settings.lang;
    if (app.results.ballots.empty())
    {
        Large(app, ui::Tr(ui::Str::NoBallots, lang));
        return;
    }
    // The last round of the honour ballot (or the last ballot) is the one that decided.
    const scoring::BallotOutcome* shown = &app.results.ballots.back();
    for (const scoring::BallotOutcome& o : app.results.ballots)
        if (const model::Ballot* b = FindBallot(app, o.ballot_id))
            if (b->motion == "honour_leader")
                shown = &o;
    const model::Ballot* ballot = FindBallot(app, shown->ballot_id);
    if (!ballot)
        return;
    Large(app, std::string(ui::TrCode(ballot->motion, lang)) + " · " + ui::Tr(ui::Str::Round, lang) + " " +
                   std::to_string(ballot->round));
    Large(app, std::string(ui::Tr(ui::Str::BallotsIssued, lang)) + ": " + std::to_string(ballot->ballots_issued) +
                   " · " + ui::Tr(ui::Str::BallotsValid, lang) + ": " + std::to_string(ballot->ballots_valid) + " · " +
                   ui::Tr(ui::Str::VotesNeeded, lang) + ": " + std::to_string(shown->votes_needed));
    const float width = ImGui::GetContentRegionAvail().x;
    ImGui::PushFont(app.fonts.large);
    const float row_h = ImGui::GetTextLineHeight() * 1.6f;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const int64_t base = std::max<int64_t>(1, shown->base);
    for (const model::VoteCount& c : ballot->counts)
    {
        const bool winner = std::find(shown->winners.begin(), shown->winners.end(), c.option) != shown->winners.end();
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        const float name_w = width * 0.38f;
        draw->AddText(ImVec2(pos.x, pos.y), winner ? kGold : ImGui::GetColorU32(ImGuiCol_Text),
                      ui::OrgName(app, c.option).c_str());
        const float bar = (width - name_w - row_h * 3) * std::min(1.0f, static_cast<float>(c.votes) / base);
        draw->AddRectFilled(ImVec2(pos.x + name_w, pos.y + 4), ImVec2(pos.x + name_w + bar, pos.y + row_h - 8),
                            winner ? kGold : IM_COL32(90, 140, 200, 255), 4);
        const std::string votes = std::to_string(c.votes);
        draw->AddText(ImVec2(pos.x + name_w + bar + 12, pos.y), ImGui::GetColorU32(ImGuiCol_Text), votes.c_str());
        ImGui::Dummy(ImVec2(width, row_h));
    }
    ImGui::PopFont();
    ImGui::Spacing();
    // The light theme's status colour, lifted halfway to white so it reads on the dark slide.
    ImVec4 status = ImGui::ColorConvertU32ToFloat4(ui::StatusColor(shown->result));
    status = ImVec4((status.x + 1) / 2, (status.y + 1) / 2, (status.z + 1) / 2, 1);
    ImGui::PushStyleColor(ImGuiCol_Text, status);
    Large(app, ui::TrCode(shown->result, lang));
    ImGui::PopStyleColor();
    Large(app, shown->explanation);
}

// The proposals the secretariat recorded for the year (withdrawn ones left out, as on the results screen), or,
// while none is recorded, what the rules suggest: one heading per award, the units under it, each with its why.
void AwardList(ui::AppState& app)
{
    const ui::Language lang = app.settings.lang;
    struct Line
    {
        std::string award_type, organization_id, why;
    };
    std::vector<Line> lines;
    bool recorded = false;
    for (const model::Results& r : app.dataset.results)
        if (r.year_id == app.results.year_id)
            for (const model::AwardProposal& p : r.award_proposals)
            {
                recorded = true;
                if (p.ended.date.empty())
                    lines.push_back({p.award_type, p.organization_id,
                                     std::string(ui::TrCode(p.basis, lang)) + " · " + ui::TrCode(p.status, lang)});
            }
    if (!recorded)
        for (const scoring::ProposedAward& a : app.results.proposed_awards)
            lines.push_back({a.award_type, a.organization_id, a.explanation});
    if (lines.empty())
        Large(app, ui::Tr(ui::Str::NoneYet, lang));
    std::vector<std::string> awards; // in the order they first come
    for (const Line& line : lines)
        if (std::find(awards.begin(), awards.end(), line.award_type) == awards.end())
            awards.push_back(line.award_type);
    for (const std::string& award : awards)
    {
        ImGui::PushStyleColor(ImGuiCol_Text, kGold);
        Large(app, ui::TrCode(award, lang));
        ImGui::PopStyleColor();
        ImGui::Indent(ImGui::GetFontSize() * 2);
        for (const Line& line : lines)
            if (line.award_type == award)
            {
                Large(app, ui::OrgName(app, line.organization_id));
                ImGui::TextWrapped("%s", line.why.c_str());
            }
        ImGui::Unindent(ImGui::GetFontSize() * 2);
        ImGui::Spacing();
    }
}

// The ranking is announced once the secretariat has agreed the final scores: before that it stands on the units'
// own or cross scores, still moving (2026 in the sample), and a reveal would announce it to the room as the result.
// A unit left without a final score is then shown as such ("Chưa có điểm"), never as 0 points.
bool RankingFinal(const ui::AppState& app)
{
    return app.results.ranking_stage == "final";
}

void SlideReveal(ui::AppState& app)
{
    const ui::Language lang = app.settings.lang;
    const int n = static_cast<int>(app.results.members.size());
    const int step = RankingFinal(app) ? app.presentation.reveal_step : 0; // also when a sync took the final scores away
    const model::YearFile* year = ui::SelectedYear(app);
    const std::string y = year ? " " + std::to_string(year->year.year) : "";
    if (step == 0)
    {
        Title(app, ui::Tr(ui::Str::RevealTitle, lang) + y);
        Large(app, ui::Tr(RankingFinal(app) ? ui::Str::RevealHint : ui::Str::RevealNotFinal, lang));
    }
    else if (step <= n)
    {
        Title(app, ui::Tr(ui::Str::Ranking, lang) + y);
        RevealRanking(app, step);
    }
    else if (step == n + 1)
    {
        Title(app, ui::Tr(ui::Str::BallotResult, lang));
        RevealBallot(app);
    }
    else
    {
        Title(app, ui::Tr(ui::Str::AwardProposals, lang));
        AwardList(app);
    }
}

} // namespace

// ---- [SECTION] DrawPresentation ----

int ui::RevealSteps(const AppState& app)
{
    return RankingFinal(app) ? static_cast<int>(app.results.members.size()) + 2 : 0;
}

void ui::PresentationNext(AppState& app)
{
    PresentationState& p = app.presentation;
    if (!p.member.empty())
    {
        p.member.clear(); // a click closes a member's card, back to the list
        return;
    }
    if (p.slide == static_cast<int>(Slide::Reveal) && p.reveal_step < RevealSteps(app))
    {
        ++p.reveal_step;
        p.step_time = ImGui::GetTime();
        return;
    }
    if (p.slide + 1 < static_cast<int>(Slide::Count))
    {
        ++p.slide;
        p.reveal_step = 0;
        p.step_time = ImGui::GetTime();
    }
}

void ui::PresentationPrevious(AppState& app)
{
    PresentationState& p = app.presentation;
    if (!p.member.empty())
    {
        p.member.clear();
        return;
    }
    if (p.slide == static_cast<int>(Slide::Reveal) && p.reveal_step > 0)
    {
        --p.reveal_step;
        p.step_time = -1; // stepping back shows the row without the slide-in
        return;
    }
    if (p.slide > 0)
    {
        --p.slide;
        p.reveal_step = p.slide == static_cast<int>(Slide::Reveal) ? RevealSteps(app) : 0;
        p.step_time = -1;
    }
}

void ui::EnterPresentation(AppState& app)
{
    app.presentation = PresentationState{};
    app.presentation.active = true;
}

void ui::LeavePresentation(AppState& app)
{
    app.presentation.active = false;
    app.presentation.blank = false;
}

void ui::DrawPresentation(PresentationState& state, AppState& app)
{
    HandleKeys(app);
    if (!state.active)
        return;
    if (state.blank)
    {
        // Over everything the canvas shows (the foreground list draws after every window), so nothing but black.
        ImGui::GetForegroundDrawList()->AddRectFilled(ImVec2(0, 0), ImGui::GetIO().DisplaySize, IM_COL32_BLACK);
        return;
    }
    // The control bar shows while the pointer moves or touches, and for a few seconds after; then only the slide
    // (and the data badge, small in its corner) is on the wall. A clicker's keys never bring the bar back.
    const ImGuiIO& io = ImGui::GetIO();
    const double now = app.now_ms / 1000.0; // wall clock: ImGui's time advances at most 0.1 s per frame after idle
    if (state.controls_since < 0 || io.MouseDelta.x != 0 || io.MouseDelta.y != 0 || ImGui::IsAnyMouseDown() ||
        io.MouseWheel != 0)
        state.controls_since = now;
    const double shown_for = now - state.controls_since;
    const bool controls = shown_for < kControlsSeconds;
    if (controls)
        app.wake_in_ms = (kControlsSeconds - shown_for) * 1000.0 + 50;
    const Language lang = app.settings.lang;
    const float margin = ImGui::GetWindowWidth() * 0.04f;
    const float footer = TouchHeight(app) + ImGui::GetStyle().ItemSpacing.y * 2;
    ImGui::SetCursorPos(ImVec2(margin, margin * 0.6f));
    ImGui::BeginChild("slide", ImVec2(ImGui::GetWindowWidth() - margin * 2, ImGui::GetWindowHeight() - margin * 0.6f - footer),
                      ImGuiChildFlags_None, ImGuiWindowFlags_NoBackground);
    switch (static_cast<Slide>(state.slide))
    {
    case Slide::Overview: SlideOverview(app); break;
    case Slide::Members: SlideMembers(app); break;
    case Slide::Covenant: SlideCovenant(app); break;
    case Slide::Results: SlideResults(app); break;
    case Slide::Reveal:
    case Slide::Count: SlideReveal(app); break;
    }
    ImGui::EndChild();

    bool synthetic = false;
    for (const model::FileInfo& f : app.dataset.files)
        synthetic = synthetic || f.synthetic;
    if (!controls)
    {
        if (synthetic) // invented figures are never mistaken for real results, even with the bar hidden
        {
            const char* badge = Tr(Str::SyntheticBadge, lang);
            const ImVec2 size = ImGui::CalcTextSize(badge);
            const ImVec2 pad = ImGui::GetStyle().FramePadding;
            ImGui::SetCursorPos(ImVec2(margin * 0.25f, ImGui::GetWindowHeight() - size.y - pad.y * 2 - margin * 0.25f));
            Badge(badge, IM_COL32(198, 40, 40, 255), IM_COL32_WHITE);
        }
        return;
    }
    // Footer: the data badge, touch controls, slide number.
    // Every piece sits on the same touch-high row (each SameLine is given the row's y again).
    ImGui::SetCursorPosX(margin);
    const float row_y = ImGui::GetCursorPosY();
    const float text_y = row_y + (TouchHeight(app) - ImGui::GetTextLineHeight()) * 0.5f;
    if (synthetic)
    {
        ImGui::SetCursorPosY(text_y - ImGui::GetStyle().FramePadding.y * 0.5f);
        Badge(Tr(Str::SyntheticBadge, lang), IM_COL32(198, 40, 40, 255), IM_COL32_WHITE);
        ImGui::SameLine();
        ImGui::SetCursorPosY(row_y);
    }
    ImGui::PushStyleColor(ImGuiCol_Button, IM_COL32(255, 255, 255, 18));
    ImGui::PushItemFlag(ImGuiItemFlags_NoNav, true); // Space and Enter step the show, never press a focused button
    if (TouchButton(app, "‹##previous-slide"))
        PresentationPrevious(app);
    ImGui::SameLine();
    ImGui::SetCursorPosY(row_y);
    if (TouchButton(app, "›##next-slide"))
        PresentationNext(app);
    ImGui::SameLine();
    ImGui::SetCursorPosY(row_y);
    if (TouchButton(app, Tr(Str::LeavePresentation, lang)))
        LeavePresentation(app);
    ImGui::PopItemFlag();
    ImGui::PopStyleColor();
    ImGui::SameLine();
    ImGui::SetCursorPosY(text_y - ImGui::GetStyle().FramePadding.y); // buttons on this line add that to text
    ImGui::TextDisabled("%d / %d", state.slide + 1, static_cast<int>(Slide::Count));
}
