// Results screen: the scoring grid (rows = members in rank order, columns = criteria of one stage, totals, rank,
// rating), the explanation of any tapped figure, ballot tallies with the rule applied, award proposals.
// Rows are clipped, so the frame cost does not grow with the number of members.
//
// [SECTION] helpers
// [SECTION] explanation panel
// [SECTION] grid
// [SECTION] ballots
// [SECTION] awards
// [SECTION] DrawResultsScreen
#include "ui/screen_results.h"

#include "core/text/text.h"
#include "ui/app.h"
#include "ui/document_button.h"
#include "ui/edit_fields.h"
#include "ui/widgets.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

namespace
{
// ---- [SECTION] helpers ----

struct Column // one figure column of the grid
{
    std::string id;    // criterion id, or base / bonus / penalty / total / rank / rating
    std::string title; // header text
    int criterion_index = -1; // position in StageTotal::criteria
};

const scoring::StageTotal* FindStage(const scoring::MemberResult& member, const std::string& stage)
{
    for (const scoring::StageTotal& s : member.stages)
        if (s.stage == stage)
            return &s;
    return nullptr;
}

std::string CurrentStage(const ui::ResultsScreen& screen, const ui::AppState& app)
{
    if (!screen.stage.empty())
        return screen.stage;
    return app.results.ranking_stage;
}

const model::Results* YearResults(const ui::AppState& app, std::string* path)
{
    for (size_t i = 0; i < app.dataset.results.size(); ++i)
        if (app.dataset.results[i].year_id == app.results.year_id)
        {
            if (path)
                *path = edit::FilePath(app.dataset, model::FileKind::Results, static_cast<int32_t>(i));
            return &app.dataset.results[i];
        }
    return nullptr;
}

std::vector<Column> BuildColumns(const ui::ResultsScreen& screen, const ui::AppState& app, const std::string& stage)
{
    std::vector<Column> columns;
    const model::YearFile* year = ui::SelectedYear(app);
    const scoring::StageTotal* first =
        app.results.members.empty() ? nullptr : FindStage(app.results.members.front(), stage);
    if (year && first)
        for (size_t i = 0; i < first->criteria.size(); ++i)
        {
            const model::Criterion* c = ui::FindCriterion(app, first->criteria[i].criterion_id);
            if (!c || c->kind == "bonus" || c->kind == "penalty")
                continue;
            if (!screen.all_criteria && !c->parent_id.empty())
                continue;
            columns.push_back({c->id, c->code.empty() ? c->title : c->code, static_cast<int>(i)});
        }
    const ui::Language lang = app.settings.lang;
    columns.push_back({"base", ui::Tr(ui::Str::BasePoints, lang)});
    columns.push_back({"bonus", ui::Tr(ui::Str::Bonus, lang)});
    columns.push_back({"penalty", ui::Tr(ui::Str::Penalty, lang)});
    columns.push_back({"total", ui::Tr(ui::Str::Total, lang)});
    columns.push_back({"rating", ui::Tr(ui::Str::Rating, lang)});
    if (app.layout == ui::Layout::Phone) // the total beside the name, frozen with it, on a narrow screen
        std::rotate(columns.begin(), columns.end() - 2, columns.end() - 1);
    return columns;
}

const scoring::MemberResult* FindMember(const ui::AppState& app, const std::string& org_id)
{
    for (const scoring::MemberResult& m : app.results.members)
        if (m.organization_id == org_id)
            return &m;
    return nullptr;
}

// The figure a column shows for a member at a stage; text is what the cell shows.
scoring::Figure ColumnFigure(const scoring::MemberResult& member, const scoring::StageTotal* stage, const Column& column,
                             std::string* text, ui::Language lang)
{
    scoring::Figure figure;
    if (column.id == "rank")
    {
        figure.value = member.rank;
        figure.explanation = member.rank_explanation;
        *text = member.rank > 0 ? std::to_string(member.rank) : "–"; // no score yet: not ranked
        return figure;
    }
    if (column.id == "rating")
    {
        figure.explanation = member.rating_explanation;
        // A unit that has entered nothing yet is not rated "Không hoàn thành nhiệm vụ": it has no score yet.
        *text = !stage || !stage->has_scores ? ui::Tr(ui::Str::NoScores, lang)
                : member.rating_label.empty() ? "–" : member.rating_label;
        return figure;
    }
    if (!stage)
    {
        *text = "–";
        return figure;
    }
    if (column.criterion_index >= 0 && static_cast<size_t>(column.criterion_index) < stage->criteria.size())
    {
        const scoring::CriterionResult& c = stage->criteria[static_cast<size_t>(column.criterion_index)];
        figure = c.score;
        *text = c.missing || !stage->has_scores ? "–" : text::FormatPoints(c.score.value); // no score yet is not 0
        return figure;
    }
    figure = column.id == "base" ? stage->base : column.id == "bonus" ? stage->bonus
                                           : column.id == "penalty" ? stage->penalty : stage->total;
    *text = stage->has_scores ? text::FormatPoints(figure.value) : "–";
    return figure;
}

// ---- [SECTION] explanation panel ----

// Every score record entered for (subject, criterion, stage), with the file it lives in.
struct InputRef
{
    std::string file;
    const model::Score* score = nullptr;
};

std::vector<InputRef> FindInputs(const ui::AppState& app, const std::string& org, const std::string& criterion,
                                 const std::string& stage)
{
    std::vector<InputRef> out;
    for (size_t i = 0; i < app.dataset.self_assessments.size(); ++i)
        for (const model::Score& s : app.dataset.self_assessments[i].scores)
            if (s.subject_org_id == org && s.criterion_id == criterion && s.stage == stage &&
                app.dataset.self_assessments[i].year_id == app.results.year_id)
                out.push_back({edit::FilePath(app.dataset, model::FileKind::SelfAssessment, static_cast<int32_t>(i)), &s});
    for (size_t i = 0; i < app.dataset.results.size(); ++i)
        for (const model::Score& s : app.dataset.results[i].scores)
            if (s.subject_org_id == org && s.criterion_id == criterion && s.stage == stage &&
                app.dataset.results[i].year_id == app.results.year_id)
                out.push_back({edit::FilePath(app.dataset, model::FileKind::Results, static_cast<int32_t>(i)), &s});
    return out;
}

void DrawExplanation(ui::ResultsScreen& screen, ui::AppState& app, const std::vector<Column>& columns,
                     const std::string& stage_name)
{
    const ui::Language lang = app.settings.lang;
    const scoring::MemberResult* member = FindMember(app, screen.selected_org);
    const Column* column = nullptr;
    for (const Column& c : columns)
        if (c.id == screen.selected_column)
            column = &c;
    Column rank_column{"rank", ui::Tr(ui::Str::Rank, lang)};
    if (screen.selected_column == "rank")
        column = &rank_column;
    if (!member || !column)
    {
        screen.selected_org.clear();
        return;
    }
    std::string text;
    const scoring::Figure figure = ColumnFigure(*member, FindStage(*member, stage_name), *column, &text, app.settings.lang);
    std::string title = ui::OrgName(app, member->organization_id) + " · ";
    if (const model::Criterion* c = ui::FindCriterion(app, column->id))
        title += (c->code.empty() ? "" : c->code + " ") + c->title;
    else
        title += column->title;
    ImGui::PushFont(app.fonts.bold);
    ImGui::TextWrapped("%s: %s", ui::Tr(ui::Str::Explanation, lang), title.c_str());
    ImGui::PopFont();
    ImGui::PushFont(app.fonts.large);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopFont();
    ImGui::SameLine();
    ImGui::TextDisabled("(%s)", ui::TrCode(stage_name, lang));
    ImGui::TextWrapped("%s", figure.explanation.empty() ? ui::Tr(ui::Str::NoExplanation, lang) : figure.explanation.c_str());
    if (column->id == "rank")
        for (const scoring::Tie& tie : app.results.ties)
            if (std::find(tie.organization_ids.begin(), tie.organization_ids.end(), member->organization_id) !=
                tie.organization_ids.end())
                ImGui::TextWrapped("%s", tie.explanation.c_str());

    const model::Criterion* criterion = ui::FindCriterion(app, column->id);
    if (app.edit.enabled && criterion && criterion->kind != "group") // a group is computed, never entered
    {
        const std::vector<InputRef> inputs = FindInputs(app, member->organization_id, column->id, stage_name);
        if (inputs.empty())
            ImGui::TextDisabled("%s", ui::Tr(ui::Str::NoInputs, lang));
        for (const InputRef& input : inputs)
        {
            if (input.file.empty())
                continue;
            ImGui::PushID(input.score->id.c_str());
            const std::string label = std::string(ui::Tr(ui::Str::InputBy, lang)) + " " +
                                      ui::OrgName(app, input.score->scorer_org_id) + "##score";
            ui::EditText(app, label.c_str(), {input.file, input.score->id, "value"}, text::FormatPoints(input.score->value),
                         ui::FieldKind::Decimal, ui::Dp(app, 140) * app.settings.text_scale);
            ImGui::PopID();
        }
    }
    if (ui::TouchButton(app, ui::Tr(ui::Str::Close, lang)))
        screen.selected_org.clear();
}

// ---- [SECTION] grid ----

void FigureCell(ui::ResultsScreen& screen, const ui::AppState& app, const std::string& text, const std::string& org,
                const std::string& column, bool right_align)
{
    const bool selected = screen.selected_org == org && screen.selected_column == column;
    const std::string label = text + "##" + column;
    if (right_align)
        ImGui::PushStyleVar(ImGuiStyleVar_SelectableTextAlign, ImVec2(1.0f, 0.5f));
    else
        ImGui::PushStyleVar(ImGuiStyleVar_SelectableTextAlign, ImVec2(0.0f, 0.5f));
    const float height = ui::TouchHeight(app) - ImGui::GetStyle().CellPadding.y * 2;
    if (ImGui::Selectable(label.c_str(), selected, 0, ImVec2(0, height)) ||
        ImGui::IsItemClicked(ImGuiMouseButton_Right))
    {
        screen.selected_org = org;
        screen.selected_column = column;
    }
    ImGui::PopStyleVar();
}

void DrawGrid(ui::ResultsScreen& screen, ui::AppState& app)
{
    const ui::Language lang = app.settings.lang;
    std::vector<std::string> stages;
    if (!app.results.members.empty())
        for (const scoring::StageTotal& s : app.results.members.front().stages)
            stages.push_back(s.stage);
    const std::string stage = CurrentStage(screen, app);
    if (!stages.empty())
    {
        std::vector<const char*> labels;
        int current = 0;
        for (size_t i = 0; i < stages.size(); ++i)
        {
            labels.push_back(ui::TrCode(stages[i], lang));
            if (stages[i] == stage)
                current = static_cast<int>(i);
        }
        const int tapped = ui::Segmented(app, labels.data(), static_cast<int>(labels.size()), current);
        if (tapped >= 0)
            screen.stage = stages[static_cast<size_t>(tapped)];
        const char* detail = ui::Tr(ui::Str::AllCriteria, lang);
        ui::Flow(ui::ButtonWidth(detail));
        if (ui::TouchButton(app, detail, 0, screen.all_criteria))
            screen.all_criteria = !screen.all_criteria;
        const char* csv = ui::Tr(ui::Str::ExportCsv, lang);
        ui::Flow(ui::ButtonWidth(csv));
        if (ui::TouchButton(app, csv))
            app.sync.export_results = true;
        if (const model::YearFile* year = ui::SelectedYear(app))
            ui::DocumentButton(app, docs::Kind::ScoreTable, year->year.year);
    }
    if (app.results.members.empty())
    {
        ImGui::TextDisabled("%s", ui::Tr(ui::Str::NoScores, lang));
        return;
    }
    ui::DimWrapped((std::string(ui::Tr(ui::Str::RankedOn, lang)) + ": " + ui::TrCode(app.results.ranking_stage, lang) +
                    " · " + ui::Tr(ui::Str::TapForExplanation, lang)).c_str());

    const std::vector<Column> columns = BuildColumns(screen, app, stage);
    const float avail = ImGui::GetContentRegionAvail().y;
    const float panel = screen.selected_org.empty() ? 0 : std::max(avail * 0.38f, ui::Dp(app, 180));
    const ImGuiTableFlags flags = ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg |
                                  ImGuiTableFlags_BordersInner | ImGuiTableFlags_SizingFixedFit;
    const int column_count = static_cast<int>(columns.size()) + 2;
    // The columns' widths: the rating column fits the longest rating of the year ("Hoàn thành xuất sắc nhiệm vụ"),
    // never cut; the others their title or a figure.
    const ImGuiStyle& style = ImGui::GetStyle();
    float rating_w = 0;
    for (const scoring::MemberResult& m : app.results.members)
        rating_w = std::max(rating_w, ImGui::CalcTextSize(m.rating_label.c_str()).x + style.FramePadding.x * 2);
    std::vector<float> widths = {ui::Dp(app, 56) * app.settings.text_scale,
                                 ui::Dp(app, app.layout == ui::Layout::Phone ? 130 : 200) * app.settings.text_scale};
    for (const Column& c : columns)
        widths.push_back(std::max({ImGui::CalcTextSize(c.title.c_str()).x, c.id == "rating" ? rating_w : 0.0f,
                                   ui::Dp(app, c.id == "rating" ? 190 : 64) * app.settings.text_scale}));
    float row_w = 0;
    for (const float w : widths)
        row_w += w + style.CellPadding.x * 2 + 1; // a column's padding and its border
    // On a phone the grid may take the whole screen: the buttons above it scroll away with the page once the grid
    // (swiped up to its last row) hands the swipe on. A year of few units: the grid ends under its last row (and
    // the sideways scrollbar, if its columns need one), not at the bottom of the screen with its column lines
    // running on through nothing.
    const float room = app.layout == ui::Layout::Phone ? std::max(avail, ImGui::GetWindowHeight() - style.WindowPadding.y * 2) - panel
                                                       : avail - panel;
    const float rows_h = ImGui::GetTextLineHeight() + style.CellPadding.y * 2 +
                         ui::TouchHeight(app) * static_cast<float>(app.results.members.size()) +
                         (row_w > ImGui::GetContentRegionAvail().x ? style.ScrollbarSize : 0) + 1;
    if (ImGui::BeginTable("grid", column_count, flags, ImVec2(0, std::min(room, rows_h))))
    {
        ImGui::TableSetupScrollFreeze(app.layout == ui::Layout::Phone ? 3 : 2, 1);
        ImGui::TableSetupColumn(ui::Tr(ui::Str::Rank, lang), ImGuiTableColumnFlags_WidthFixed, widths[0]);
        ImGui::TableSetupColumn(ui::Tr(ui::Str::Unit, lang), ImGuiTableColumnFlags_WidthFixed, widths[1]);
        for (size_t i = 0; i < columns.size(); ++i)
            ImGui::TableSetupColumn(columns[i].title.c_str(), ImGuiTableColumnFlags_WidthFixed, widths[i + 2]);
        ImGui::TableHeadersRow();
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(app.results.members.size())); // the first row is measured
        while (clipper.Step())
            for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row)
            {
                const scoring::MemberResult& member = app.results.members[static_cast<size_t>(row)];
                const scoring::StageTotal* stage_total = FindStage(member, stage);
                ImGui::TableNextRow(0, ui::TouchHeight(app));
                ImGui::PushID(row);
                ImGui::TableNextColumn();
                std::string text;
                const Column rank_column{"rank", ""};
                ColumnFigure(member, stage_total, rank_column, &text, app.settings.lang);
                FigureCell(screen, app, text, member.organization_id, "rank", true);
                ImGui::TableNextColumn();
                const float inner = ui::TouchHeight(app) - ImGui::GetStyle().CellPadding.y * 2;
                ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (inner - ImGui::GetTextLineHeight()) * 0.5f);
                ImGui::TextUnformatted(ui::OrgName(app, member.organization_id).c_str());
                for (const Column& c : columns)
                {
                    if (!ImGui::TableNextColumn())
                        continue; // scrolled out sideways: nothing to draw
                    ColumnFigure(member, stage_total, c, &text, app.settings.lang);
                    FigureCell(screen, app, text, member.organization_id, c.id, c.id != "rating");
                }
                ImGui::PopID();
            }
        ImGui::EndTable();
    }
    if (!screen.selected_org.empty())
    {
        ImGui::BeginChild("explanation", ImVec2(0, panel), ImGuiChildFlags_Border);
        DrawExplanation(screen, app, columns, stage);
        ImGui::EndChild();
    }
}

// ---- [SECTION] ballots ----

const model::Ballot* FindBallot(const model::Results* results, const std::string& id)
{
    if (results)
        for (const model::Ballot& b : results->ballots)
            if (b.id == id)
                return &b;
    return nullptr;
}

void DrawBallotCounts(ui::AppState& app, const model::Ballot& ballot, const scoring::BallotOutcome& outcome,
                      const std::string& file)
{
    const ui::Language lang = app.settings.lang;
    const int64_t base = outcome.base > 0 ? outcome.base : 1;
    if (!ImGui::BeginTable("counts", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH))
        return;
    ImGui::TableSetupColumn(ui::Tr(ui::Str::Candidate, lang), ImGuiTableColumnFlags_WidthStretch, 2);
    ImGui::TableSetupColumn(ui::Tr(ui::Str::Votes, lang), ImGuiTableColumnFlags_WidthStretch, 1);
    ImGui::TableSetupColumn("%", ImGuiTableColumnFlags_WidthStretch, 2);
    ImGui::TableHeadersRow();
    for (size_t i = 0; i < ballot.counts.size(); ++i)
    {
        const model::VoteCount& count = ballot.counts[i];
        ImGui::PushID(static_cast<int>(i));
        ImGui::TableNextRow(0, ui::TouchHeight(app));
        ImGui::TableNextColumn();
        const bool winner = std::find(outcome.winners.begin(), outcome.winners.end(), count.option) != outcome.winners.end();
        ImGui::AlignTextToFramePadding();
        if (winner)
            ImGui::PushFont(app.fonts.bold);
        ImGui::TextWrapped("%s", ui::OrgName(app, count.option).c_str()); // a phone wraps the name, never cuts it
        if (winner)
            ImGui::PopFont();
        ImGui::TableNextColumn();
        if (app.edit.enabled && !file.empty())
        {
            // One entry of the ballot's counts list: counts/<i>/votes inside the ballot record.
            const ui::FieldRef ref{file, ballot.id, "counts/" + std::to_string(i) + "/votes"};
            // No visible label (the name is in the row); the accessible name follows "##".
            const std::string votes_label = "##" + std::string(ui::Tr(ui::Str::Votes, lang)) + " " + ui::OrgName(app, count.option);
            ui::EditText(app, votes_label.c_str(), ref, std::to_string(count.votes), ui::FieldKind::Integer, -1);
        }
        else
        {
            ImGui::AlignTextToFramePadding();
            ImGui::Text("%lld", static_cast<long long>(count.votes));
        }
        ImGui::TableNextColumn();
        const float fraction = static_cast<float>(count.votes) / static_cast<float>(base);
        const std::string overlay = ui::FormatPercent(app, fraction * 100.0, 1);
        ImGui::PushStyleColor(ImGuiCol_PlotHistogram, winner ? IM_COL32(46, 125, 50, 255) : IM_COL32(31, 78, 140, 200));
        ImGui::ProgressBar(std::min(fraction, 1.0f), ImVec2(-1, 0), overlay.c_str());
        ImGui::PopStyleColor();
        ImGui::PopID();
    }
    ImGui::EndTable();
}

void DrawBallots(ui::ResultsScreen& screen, ui::AppState& app)
{
    const ui::Language lang = app.settings.lang;
    std::string file;
    const model::Results* results = YearResults(app, &file);
    if (ui::DrawNewBallotForm(screen.ballot_forms, app, file))
        return;
    const bool writable = !file.empty() && ui::MayWrite(app, file);
    if (app.results.ballots.empty())
    {
        ImGui::TextDisabled("%s", ui::Tr(ui::Str::NoBallots, lang));
        return;
    }
    for (const scoring::BallotOutcome& outcome : app.results.ballots)
    {
        const model::Ballot* ballot = FindBallot(results, outcome.ballot_id);
        if (!ballot)
            continue;
        ImGui::PushID(ballot->id.c_str());
        ImGui::BeginChild("ballot", ImVec2(0, 0), ImGuiChildFlags_AutoResizeY | ImGuiChildFlags_AlwaysUseWindowPadding);
        ImGui::PushFont(app.fonts.bold);
        ImGui::TextWrapped("%s · %s %d", ui::TrCode(ballot->motion, lang), ui::Tr(ui::Str::Round, lang), ballot->round);
        ImGui::PopFont();
        const std::string result = ballot->ballots_returned > 0 ? outcome.result : "not_counted"; // a new ballot
        ui::StatusBadge(result, lang); // beside the title, or under it on a phone
        ui::DocumentButton(app, docs::Kind::BallotMinutes, 0, ballot->id);
        if (const model::Meeting* meeting = ui::FindMeeting(app, ballot->meeting_id))
        {
            const std::string label = meeting->name + "##ballot-meeting";
            if (ui::Link(app, label.c_str()))
                ui::OpenMeeting(app, meeting->id);
        }
        struct Number
        {
            ui::Str label;
            const char* field;
            int64_t value;
        };
        const Number numbers[] = {
            {ui::Str::MembersPresent, "members_present", ballot->members_present},
            {ui::Str::BallotsIssued, "ballots_issued", ballot->ballots_issued},
            {ui::Str::BallotsReturned, "ballots_returned", ballot->ballots_returned},
            {ui::Str::BallotsValid, "ballots_valid", ballot->ballots_valid},
            {ui::Str::BallotsInvalid, "ballots_invalid", ballot->ballots_invalid},
        };
        if (writable)
        {
            ui::DrawTallyEditor(screen.ballot_forms, app, *ballot, outcome, file);
            DrawBallotCounts(app, *ballot, outcome, "");
            ImGui::TextDisabled("%s:", ui::Tr(ui::Str::RuleApplied, lang));
            ImGui::TextWrapped("%s", outcome.explanation.c_str());
            ImGui::EndChild();
            ImGui::PopID();
            ImGui::Spacing();
            continue;
        }
        for (const Number& n : numbers)
        {
            if (app.edit.enabled && !file.empty())
            {
                const std::string label = std::string(ui::Tr(n.label, lang)) + "##" + n.field;
                ui::EditText(app, label.c_str(), {file, ballot->id, n.field}, std::to_string(n.value),
                             ui::FieldKind::Integer, ui::Dp(app, 140) * app.settings.text_scale);
            }
            else
            {
                ImGui::TextDisabled("%s:", ui::Tr(n.label, lang));
                ImGui::SameLine();
                ImGui::Text("%lld", static_cast<long long>(n.value));
            }
        }
        ImGui::TextDisabled("%s: %lld · %s: %lld", ui::Tr(ui::Str::MembersTotal, lang),
                            static_cast<long long>(outcome.members_total), ui::Tr(ui::Str::VotesNeeded, lang),
                            static_cast<long long>(outcome.votes_needed));
        DrawBallotCounts(app, *ballot, outcome, file);
        ImGui::TextDisabled("%s:", ui::Tr(ui::Str::RuleApplied, lang));
        ImGui::TextWrapped("%s", outcome.explanation.c_str());
        ImGui::EndChild();
        ImGui::PopID();
        ImGui::Spacing();
    }
}

// ---- [SECTION] awards ----

void DrawAwards(ui::ResultsScreen& screen, ui::AppState& app)
{
    const ui::Language lang = app.settings.lang;
    std::string file;
    const model::Results* results = YearResults(app, &file);
    if (results)
        ui::DrawProposalEditor(screen.ballot_forms, app, *results, file);
    if (const model::YearFile* year = ui::SelectedYear(app))
        ui::DocumentButton(app, docs::Kind::Proposal, year->year.year);
    ui::Section(app, ui::Tr(ui::Str::AwardProposals, lang));
    if (!results || results->award_proposals.empty())
        ImGui::TextDisabled("%s", ui::Tr(ui::Str::NoneYet, lang));
    else if (app.layout == ui::Layout::Phone) // four columns leave a phone no room: one block per proposal
        for (const model::AwardProposal& p : results->award_proposals)
        {
            if (!p.ended.date.empty())
                continue;
            ImGui::PushFont(app.fonts.bold);
            ImGui::TextWrapped("%s", ui::TrCode(p.award_type, lang));
            ImGui::PopFont();
            const std::string label = ui::OrgName(app, p.organization_id) + "##award" + p.id;
            if (ui::Link(app, label.c_str()))
                ui::OpenMember(app, p.organization_id);
            ui::StatusBadge(p.status, lang);
            ui::DimWrapped(ui::TrCode(p.basis, lang));
            ImGui::Separator();
        }
    else if (ImGui::BeginTable("proposals", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH))
    {
        ImGui::TableSetupColumn(ui::Tr(ui::Str::Award, lang));
        ImGui::TableSetupColumn(ui::Tr(ui::Str::Unit, lang));
        ImGui::TableSetupColumn(ui::Tr(ui::Str::Basis, lang));
        ImGui::TableSetupColumn(ui::Tr(ui::Str::Status, lang));
        ImGui::TableHeadersRow();
        for (const model::AwardProposal& p : results->award_proposals)
        {
            if (!p.ended.date.empty())
                continue; // withdrawn or followed a changed result: kept in the file, not listed
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            ImGui::TextWrapped("%s", ui::TrCode(p.award_type, lang));
            ImGui::TableNextColumn();
            const std::string label = ui::OrgName(app, p.organization_id) + "##award" + p.id;
            if (ui::Link(app, label.c_str()))
                ui::OpenMember(app, p.organization_id);
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            ImGui::TextWrapped("%s", ui::TrCode(p.basis, lang));
            ImGui::TableNextColumn();
            ui::Badge(ui::TrCode(p.status, lang), ui::StatusColor(p.status), IM_COL32_WHITE);
        }
        ImGui::EndTable();
    }
    ui::Section(app, ui::Tr(ui::Str::RulesSuggest, lang));
    if (app.results.proposed_awards.empty())
        ImGui::TextDisabled("%s", ui::Tr(ui::Str::NoneYet, lang));
    for (const scoring::ProposedAward& award : app.results.proposed_awards)
    {
        ImGui::PushFont(app.fonts.bold);
        ImGui::TextWrapped("%s — %s", ui::TrCode(award.award_type, lang), ui::OrgName(app, award.organization_id).c_str());
        ImGui::PopFont();
        ImGui::TextWrapped("%s", award.explanation.c_str());
    }
    for (const std::string& note : app.results.notes)
        ImGui::TextWrapped("• %s", note.c_str());
}
} // namespace

// ---- [SECTION] DrawResultsScreen ----

void ui::DrawResultsScreen(ResultsScreen& screen, AppState& app)
{
    const Language lang = app.settings.lang;
    const model::YearFile* year = SelectedYear(app);
    Heading(app, std::string(Tr(Str::NavResults, lang)) + (year ? " " + std::to_string(year->year.year) : ""));
    const char* views[] = {Tr(Str::ScoreGrid, lang), Tr(Str::Ballots, lang), Tr(Str::AwardProposals, lang)};
    const int tapped = Segmented(app, views, 3, static_cast<int>(screen.view));
    if (std::string path; YearResults(app, &path)) ChangeLogButton(app, path, Tr(Str::NavResults, lang));
    if (tapped >= 0)
        screen.view = static_cast<ResultsView>(tapped);
    ImGui::Separator();
    switch (screen.view)
    {
    case ResultsView::Grid: DrawGrid(screen, app); break;
    case ResultsView::Ballots: DrawBallots(screen, app); break;
    case ResultsView::Awards: DrawAwards(screen, app); break;
    }
}
