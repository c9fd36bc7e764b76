// Presentation mode: one slide at a time in the high-contrast theme, driven by a clicker (PageDown/PageUp, arrows,
// space, B = blank, Esc = leave). The reveal steps from the last-ranked unit to the first, then shows the ballot
// and the award proposals, like the ICPC resolver. Everything is already in memory: no step waits on the network.
//
// [SECTION] steps
// [SECTION] slides
// [SECTION] reveal
// [SECTION] DrawPresentation
#include "ui/screen_present.h"

#include "core/text/text.h"
#include "ui/app.h"
#include "ui/widgets.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>

namespace
{
constexpr double kSlideIn = 0.35; // seconds a newly revealed row takes to slide in
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
    }
    if (next)
        ui::PresentationNext(app);
    if (previous)
        ui::PresentationPrevious(app);
}

// ---- [SECTION] slides ----

void Title(const ui::AppState& app, const std::string& text)
{
    ImGui::PushFont(app.fonts.huge);
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
    Title(app, data.cluster.cluster.name.empty() ? data.package.title : data.cluster.cluster.name);
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
    const int columns = 2;
    // Names and heads; a tap on a name opens the unit's card.
    if (ImGui::BeginTable("present-members", columns, ImGuiTableFlags_ScrollY))
    {
        ImGuiListClipper clipper;
        const int rows = (static_cast<int>(app.year_members.size()) + columns - 1) / columns;
        clipper.Begin(rows);
        while (clipper.Step())
            for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row)
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
                        ImGui::TextDisabled("%s", ui::PersonName(app, head->id).c_str());
                }
            }
        ImGui::EndTable();
    }
}

void SlideCovenant(ui::AppState& app)
{
    const ui::Language lang = app.settings.lang;
    Title(app, ui::Tr(ui::Str::NavCovenant, lang));
    for (const model::CovenantFile& file : app.dataset.covenants)
    {
        if (file.covenant.year_id != app.results.year_id)
            continue;
        Large(app, "“" + file.covenant.theme + "”");
        ImGui::Spacing();
        for (const model::Commitment& c : file.covenant.commitments)
            Large(app, std::to_string(c.order) + ". " + c.text);
    }
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

void RevealRanking(ui::AppState& app, int revealed)
{
    const ui::Language lang = app.settings.lang;
    const std::vector<scoring::MemberResult>& members = app.results.members;
    const int n = static_cast<int>(members.size());
    const int first = n - revealed; // members[first] is the newest revealed (best so far)
    ImGui::PushFont(app.fonts.large);
    const float row_h = ImGui::GetTextLineHeight() * 1.9f;
    const float width = ImGui::GetContentRegionAvail().x;
    const int fit = std::max(1, static_cast<int>(ImGui::GetContentRegionAvail().y / row_h) - 1);
    const double age = ImGui::GetTime() - app.presentation.step_time;
    if (age < kSlideIn)
        app.animating = true;
    if (first > 0)
    {
        ImGui::TextDisabled("%s: %d", ui::Tr(ui::Str::StillHidden, lang), first);
        ImGui::Spacing();
    }
    ImDrawList* draw = ImGui::GetWindowDrawList();
    for (int i = first; i < n && i < first + fit; ++i)
    {
        const scoring::MemberResult& m = members[static_cast<size_t>(i)];
        ImVec2 pos = ImGui::GetCursorScreenPos();
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
        draw->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + row_h - 4), bg, 8);
        const ImU32 fg = ImGui::GetColorU32(ImGuiCol_Text, alpha);
        const float ty = pos.y + (row_h - 4 - ImGui::GetTextLineHeight()) / 2;
        const std::string rank = std::to_string(m.rank);
        draw->AddText(ImVec2(pos.x + row_h * 0.3f, ty), m.rank == 1 ? kGold : fg, rank.c_str());
        draw->AddText(ImVec2(pos.x + row_h * 1.5f, ty), fg, ui::OrgName(app, m.organization_id).c_str());
        const std::string total = text::FormatPoints(m.ranking_total.value);
        const float tw = ImGui::CalcTextSize(total.c_str()).x;
        const float rating_w = width * 0.32f;
        draw->AddText(ImVec2(pos.x + width - rating_w - tw - row_h * 0.5f, ty), fg, total.c_str());
        ImGui::PushFont(app.fonts.regular);
        const float rty = pos.y + (row_h - 4 - ImGui::GetTextLineHeight()) / 2;
        draw->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(pos.x + width - rating_w, rty),
                      ImGui::GetColorU32(ImGuiCol_TextDisabled, alpha), m.rating_label.c_str(), nullptr, rating_w - 8);
        ImGui::PopFont();
        ImGui::Dummy(ImVec2(width, row_h));
    }
    ImGui::PopFont();
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
    ImGui::TextDisabled("%s: %lld · %s: %lld · %s: %lld", ui::Tr(ui::Str::BallotsIssued, lang),
                        static_cast<long long>(ballot->ballots_issued), ui::Tr(ui::Str::BallotsValid, lang),
                        static_cast<long long>(ballot->ballots_valid), ui::Tr(ui::Str::VotesNeeded, lang),
                        static_cast<long long>(shown->votes_needed));
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
    ImGui::PushStyleColor(ImGuiCol_Text, ui::StatusColor(shown->result));
    Large(app, ui::TrCode(shown->result, lang));
    ImGui::PopStyleColor();
    ImGui::TextWrapped("%s", shown->explanation.c_str());
}

void AwardList(ui::AppState& app)
{
    const ui::Language lang = app.settings.lang;
    bool any = false;
    for (const model::Results& r : app.dataset.results)
        if (r.year_id == app.results.year_id)
            for (const model::AwardProposal& p : r.award_proposals)
            {
                any = true;
                ImGui::PushStyleColor(ImGuiCol_Text, kGold);
                Large(app, ui::TrCode(p.award_type, lang));
                ImGui::PopStyleColor();
                Large(app, "    " + ui::OrgName(app, p.organization_id));
            }
    if (!any)
        for (const scoring::ProposedAward& a : app.results.proposed_awards)
        {
            any = true;
            ImGui::PushStyleColor(ImGuiCol_Text, kGold);
            Large(app, ui::TrCode(a.award_type, lang));
            ImGui::PopStyleColor();
            Large(app, "    " + ui::OrgName(app, a.organization_id));
            ImGui::TextWrapped("%s", a.explanation.c_str());
        }
    if (!any)
        Large(app, ui::Tr(ui::Str::NoneYet, lang));
}

void SlideReveal(ui::AppState& app)
{
    const ui::Language lang = app.settings.lang;
    const int n = static_cast<int>(app.results.members.size());
    const int step = app.presentation.reveal_step;
    const model::YearFile* year = ui::SelectedYear(app);
    const std::string y = year ? " " + std::to_string(year->year.year) : "";
    if (step == 0)
    {
        Title(app, ui::Tr(ui::Str::RevealTitle, lang) + y);
        Large(app, ui::Tr(ui::Str::RevealHint, lang));
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

void SlideAwards(ui::AppState& app)
{
    Title(app, ui::Tr(ui::Str::AwardsSlide, app.settings.lang));
    AwardList(app);
}
} // namespace

// ---- [SECTION] DrawPresentation ----

int ui::RevealSteps(const AppState& app)
{
    return static_cast<int>(app.results.members.size()) + 2;
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
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 min = ImGui::GetWindowPos();
    const ImVec2 max(min.x + ImGui::GetWindowWidth(), min.y + ImGui::GetWindowHeight());
    if (state.blank)
    {
        draw->AddRectFilled(min, max, IM_COL32_BLACK);
        return;
    }
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
    case Slide::Reveal: SlideReveal(app); break;
    case Slide::Awards:
    case Slide::Count: SlideAwards(app); break;
    }
    ImGui::EndChild();

    // Footer: the data badge (never mistaken for real results), touch controls, slide number.
    // Every piece sits on the same touch-high row (each SameLine is given the row's y again).
    ImGui::SetCursorPosX(margin);
    const float row_y = ImGui::GetCursorPosY();
    const float text_y = row_y + (TouchHeight(app) - ImGui::GetTextLineHeight()) * 0.5f;
    bool synthetic = false;
    for (const model::FileInfo& f : app.dataset.files)
        synthetic = synthetic || f.synthetic;
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
