// Scoring screen (see screen_scoring.h). Values are typed as text and written when the field is left: a Set on
// the unit's score record, or an Add of a new one, through ui::ApplyChanges (one step each).
#include "ui/screen_scoring.h"

#include "core/check/rules.h"
#include "core/text/text.h"
#include "ui/app.h"
#include "ui/edit_fields.h"
#include "ui/widgets.h"
#include "ui/year_work.h"

#include <imgui.h>

#include <algorithm>

namespace
{
struct Sheet // where a unit's values live
{
    const model::YearFile* year = nullptr;
    std::string org;
    const model::SelfAssessment* self = nullptr;
    std::string self_file;
    const model::Results* results = nullptr;
    std::string results_file;
};

Sheet FindSheet(const ui::AppState& app, const model::YearFile* year, const std::string& org)
{
    Sheet s;
    s.year = year;
    s.org = org;
    for (size_t i = 0; i < app.dataset.self_assessments.size(); ++i)
    {
        const model::SelfAssessment& a = app.dataset.self_assessments[i];
        if (a.year_id == year->year.id && a.organization_id == org)
        {
            s.self = &a;
            s.self_file = edit::FilePath(app.dataset, model::FileKind::SelfAssessment, static_cast<int32_t>(i));
        }
    }
    for (size_t i = 0; i < app.dataset.results.size(); ++i)
        if (app.dataset.results[i].year_id == year->year.id)
        {
            s.results = &app.dataset.results[i];
            s.results_file = edit::FilePath(app.dataset, model::FileKind::Results, static_cast<int32_t>(i));
        }
    return s;
}

const model::Score* FindScore(const std::vector<model::Score>& scores, const std::string& crit, const std::string& org,
                              const std::string& stage)
{
    for (const model::Score& s : scores)
        if (s.criterion_id == crit && s.subject_org_id == org && s.stage == stage)
            return &s;
    return nullptr;
}

std::string AskFor(const model::Criterion& c, ui::Language lang)
{
    switch (ui::InputKindOf(c))
    {
    case ui::InputKind::Result:
        return std::string(ui::Tr(c.unit == "%" ? ui::Str::AskRate : ui::Str::AskResult, lang)) +
               (c.unit.empty() || c.unit == "%" ? "" : ", " + c.unit);
    case ui::InputKind::Count: return ui::Tr(ui::Str::AskCount, lang);
    case ui::InputKind::Points: return ui::Tr(ui::Str::AskPoints, lang);
    default: return ui::Tr(ui::Str::AskAchieved, lang);
    }
}

// The change that stores `value` (hundredths) for the criterion at `stage` in `file`.
edit::Change StoreChange(const ui::AppState& app, const std::string& file, const std::string& parent,
                         const std::vector<model::Score>& scores, const model::Criterion& c, const std::string& org,
                         const std::string& scorer, const std::string& stage, model::Points value)
{
    if (const model::Score* s = FindScore(scores, c.id, org, stage))
        return edit::SetChange(file, s->id, "value", ui::PointsJson(value));
    const nlohmann::json record = {{"id", edit::NewId(app.dataset, "score." + stage, org + " " + c.code)},
                                   {"criterion_id", c.id},
                                   {"subject_org_id", org},
                                   {"scorer_org_id", scorer},
                                   {"stage", stage},
                                   {"value", ui::PointsJson(value)}};
    return edit::AddChange(file, parent, record);
}

// One value cell: a field (or the stored value when read-only) and the points it gives beside it.
void ValueCell(ui::ScoringScreen& screen, ui::AppState& app, const model::Criterion& c, const model::Score* stored,
               const std::string& stage, bool writable, const std::string& file, const std::string& parent,
               const std::vector<model::Score>& scores, const std::string& org, const std::string& scorer)
{
    const ui::Language lang = app.settings.lang;
    const std::string key = stage + "#" + org + "#" + c.id;
    const std::string stored_text = stored ? text::FormatPoints(stored->value) : "";
    const auto refused = screen.refused.find(key);
    std::string current = screen.typing_key == key ? screen.typing_text
                          : refused != screen.refused.end() ? refused->second.text
                                                            : stored_text;
    long long typed = 0;
    const bool has_value = ui::ParsePoints(current, &typed);
    ImGui::PushID(key.c_str());
    if (ui::InputKindOf(c) == ui::InputKind::Achieved)
    {
        const char* labels[] = {ui::Tr(ui::Str::Achieved, lang), ui::Tr(ui::Str::NotAchieved, lang)};
        if (!writable && stored)
        {
            const bool achieved = stored->value >= 100;
            ui::Badge(labels[achieved ? 0 : 1], ui::StatusColor(achieved ? "pass" : "fail"), IM_COL32_WHITE);
        }
        else if (!writable) // nothing entered: a dash on its own line, as for the other kinds
        {
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted("–");
        }
        for (int i = 0; i < 2 && writable; ++i)
        {
            if (i > 0)
                ImGui::SameLine();
            const bool on = stored && ((i == 0) == (stored->value >= 100));
            const std::string label = std::string(labels[i]) + "##" + c.code + " " + ui::TrCode(stage, lang);
            if (ui::TouchButton(app, label.c_str(), 0, on) && !on)
                ui::ApplyChanges(app, {StoreChange(app, file, parent, scores, c, org, scorer, stage, i == 0 ? 100 : 0)});
        }
    }
    else if (writable)
    {
        const std::string label = "##" + c.code + " " + AskFor(c, lang) + " " + ui::TrCode(stage, lang);
        ImGui::SetNextItemWidth(ui::Dp(app, 120) * app.settings.text_scale);
        ui::TextField(app.text_edit, label.c_str(), &current,
                      ui::InputKindOf(c) == ui::InputKind::Count ? ui::FieldKind::Integer : ui::FieldKind::Decimal);
        if (ImGui::IsItemActive())
        {
            screen.typing_key = key;
            screen.typing_text = current;
        }
        else if (screen.typing_key == key)
        {
            // Left: a value the checker would refuse is not stored and stays typed, with the reason under it.
            screen.typing_key.clear();
            screen.refused.erase(key);
            long long v = 0;
            if (!current.empty() && current != stored_text) // emptied or unchanged: the stored value shows again
            {
                const std::string problem = !ui::ParsePoints(current, &v)
                                                ? std::string(ui::Tr(ui::Str::NotANumber, lang))
                                                : ui::TrMessage(check::ScoreValueProblem(c, v), lang);
                if (problem.empty())
                    ui::ApplyChanges(app, {StoreChange(app, file, parent, scores, c, org, scorer, stage, v)});
                else
                    screen.refused[key] = {current, problem};
            }
        }
    }
    else
    {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(stored ? stored_text.c_str() : "–");
    }
    // The points the value gives, beside it, as it is typed.
    const model::Points value = ui::InputKindOf(c) == ui::InputKind::Achieved ? (stored ? stored->value : -1) : typed;
    const auto wrong = screen.refused.find(key);
    if (writable && wrong != screen.refused.end() && screen.typing_key != key)
        ui::ErrorLine(wrong->second.message);
    else if ((has_value || (stored && ui::InputKindOf(c) == ui::InputKind::Achieved)) && value >= 0)
    {
        const scoring::Figure f = ui::PointsFor(c, value);
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        const std::string pts = "» " + text::FormatPoints(c.kind == "penalty" ? -f.value : f.value) + " " +
                                ui::Tr(ui::Str::PointsWord, lang);
        ImGui::TextUnformatted(pts.c_str());
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s", f.explanation.c_str());
    }
    ImGui::PopID();
}

void DrawSheet(ui::ScoringScreen& screen, ui::AppState& app, const Sheet& s)
{
    const ui::Language lang = app.settings.lang;
    ui::Section(app, ui::OrgName(app, s.org).c_str());
    if (!s.self)
    {
        ImGui::TextDisabled("%s", ui::Tr(ui::Str::NoSelfFile, lang));
        return;
    }
    ui::ChangeLogButton(app, s.self_file, ui::OrgName(app, s.org));
    const bool self_writable = ui::MayWrite(app, s.self_file);
    const bool unit = app.who.role == roles::Role::Unit;
    const bool final_writable = !unit && s.results && ui::MayWrite(app, s.results_file);
    if (!s.self->submitted_date.empty())
    {
        ui::LabelValue(ui::Tr(ui::Str::SentOn, lang), text::FormatDate(s.self->submitted_date));
        // A unit that sent too early asks the secretariat, which gives the sheet back (the unit then sends again).
        if (!unit && self_writable && ui::TouchButton(app, ui::Tr(ui::Str::ReopenSelf, lang)))
            ui::ApplyChanges(app, {edit::SetChange(s.self_file, "", "submitted_date", nullptr)});
    }
    else
    {
        std::string line = ui::Tr(ui::Str::NotSentYet, lang);
        for (const model::Phase& phase : s.year->year.phases)
            if (phase.kind == "self_assessment" && !phase.end_date.empty())
                line += " · " + std::string(ui::Tr(ui::Str::SendBy, lang)) + " " + text::FormatDate(phase.end_date);
        ImGui::TextDisabled("%s", line.c_str());
    }
    const std::string cluster = app.dataset.cluster.cluster.organization_id;
    for (const model::Criterion* c : ui::InputCriteria(*s.year))
    {
        ImGui::PushID(c->id.c_str());
        ImGui::Separator();
        ImGui::PushFont(app.fonts.bold);
        ImGui::TextWrapped("%s  %s", c->code.c_str(), c->title.c_str());
        ImGui::PopFont();
        std::string ask = AskFor(*c, lang);
        if (c->kind == "quantitative" && c->target > 0)
            ask += " · " + std::string(ui::Tr(ui::Str::TargetWord, lang)) + " " + text::FormatPoints(c->target) + " " + c->unit;
        if (c->max_points > 0)
            ask += " · " + std::string(ui::Tr(ui::Str::MaxPoints, lang)) + " " + text::FormatPoints(c->max_points);
        ImGui::TextDisabled("%s", ask.c_str());
        ValueCell(screen, app, *c, FindScore(s.self->scores, c->id, s.org, "self"), "self", self_writable, s.self_file,
                  "/scores", s.self->scores, s.org, s.org);
        if (!unit && s.results)
        {
            ImGui::SameLine(0, ui::Dp(app, 24));
            ImGui::AlignTextToFramePadding();
            ImGui::TextDisabled("%s:", ui::TrCode("final", lang));
            ImGui::SameLine();
            ValueCell(screen, app, *c, FindScore(s.results->scores, c->id, s.org, "final"), "final", final_writable,
                      s.results_file, "/scores", s.results->scores, s.org, cluster);
        }
        ImGui::PopID();
    }
    ImGui::Separator();
    if (self_writable && s.self->submitted_date.empty() && unit)
    {
        // Sending cannot be taken back by the unit: it is asked once more, with what is still empty.
        bool asked_now = false;
        if (screen.confirm_send != s.org && ui::TouchButton(app, ui::Tr(ui::Str::SendToSecretariat, lang)))
        {
            screen.confirm_send = s.org;
            asked_now = true;
        }
        if (screen.confirm_send == s.org)
        {
            ImGui::TextWrapped("%s", ui::Tr(ui::Str::SendAsk, lang));
            std::string missing;
            int count = 0;
            for (const model::Criterion* c : ui::InputCriteria(*s.year))
                if (c->kind != "bonus" && c->kind != "penalty" && !FindScore(s.self->scores, c->id, s.org, "self"))
                    missing += (count++ ? ", " : "") + c->code;
            if (count > 0)
                ui::ErrorLine(std::string(ui::Tr(ui::Str::SendMissing, lang)) + " (" + std::to_string(count) + "): " + missing);
            if (ui::TouchButton(app, ui::Tr(ui::Str::SendYes, lang)))
            {
                ui::ApplyChanges(app, {edit::SetChange(s.self_file, "", "submitted_date", ui::Today(app))});
                screen.confirm_send.clear();
            }
            ImGui::SameLine();
            if (ui::TouchButton(app, ui::Tr(ui::Str::Cancel, lang)))
                screen.confirm_send.clear();
            if (asked_now) // the question and its buttons come into view, under the finger that asked
                ImGui::SetScrollHereY(1.0f);
        }
    }
    if (final_writable)
    {
        if (ui::TouchButton(app, ui::Tr(ui::Str::AgreeSelfScores, lang)))
        {
            std::vector<edit::Change> changes;
            std::vector<std::string> ids;
            for (const model::Score& sc : s.self->scores)
            {
                const model::Criterion* c = ui::FindCriterion(app, sc.criterion_id);
                if (!c || sc.stage != "self")
                    continue;
                const model::Score* fin = FindScore(s.results->scores, c->id, s.org, "final");
                if (fin && fin->value == sc.value)
                    continue;
                edit::Change ch = StoreChange(app, s.results_file, "/scores", s.results->scores, *c, s.org, cluster, "final", sc.value);
                if (ch.kind == edit::OpKind::Add)
                {
                    // NewId looks at the dataset only: keep ids unique within this batch.
                    std::string id = ch.value["id"];
                    for (int k = 2; std::find(ids.begin(), ids.end(), id) != ids.end(); ++k)
                        id = ch.value["id"].get<std::string>() + "-" + std::to_string(k);
                    ch.value["id"] = id;
                    ids.push_back(id);
                }
                changes.push_back(ch);
            }
            if (!changes.empty())
                ui::ApplyChanges(app, changes);
        }
    }
}
} // namespace

void ui::DrawScoringScreen(ScoringScreen& screen, AppState& app)
{
    const Language lang = app.settings.lang;
    const model::YearFile* year = SelectedYear(app);
    Heading(app, std::string(Tr(Str::NavScoring, lang)) + (year ? " " + std::to_string(year->year.year) : ""));
    if (!year)
    {
        ImGui::TextDisabled("%s", Tr(Str::NoYear, lang));
        return;
    }
    int32_t total = 0;
    const int32_t sent = SubmittedCount(app.dataset, year->year.id, &total);
    const std::string count = std::to_string(sent) + "/" + std::to_string(total) + " " + Tr(Str::UnitsSent, lang);
    ImGui::TextUnformatted(count.c_str());

    if (app.who.role == roles::Role::Unit)
    {
        DrawSheet(screen, app, FindSheet(app, year, app.who.org));
        return;
    }
    if (!screen.org.empty())
    {
        if (TouchButton(app, Tr(Str::BackToList, lang)))
            screen.org.clear();
        else
            DrawSheet(screen, app, FindSheet(app, year, screen.org));
        return;
    }
    if (!ImGui::BeginTable("sent", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH))
        return;
    ImGui::TableSetupColumn(Tr(Str::Unit, lang), ImGuiTableColumnFlags_WidthStretch, 2);
    ImGui::TableSetupColumn(Tr(Str::Status, lang), ImGuiTableColumnFlags_WidthStretch, 1);
    ImGui::TableHeadersRow();
    for (const model::SelfAssessment& a : app.dataset.self_assessments)
    {
        if (a.year_id != year->year.id)
            continue;
        ImGui::TableNextRow(0, TouchHeight(app));
        ImGui::TableNextColumn();
        const std::string label = OrgName(app, a.organization_id) + "##sheet-" + a.organization_id;
        if (Link(app, label.c_str()))
            screen.org = a.organization_id;
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        if (a.submitted_date.empty())
            ImGui::TextDisabled("%s", Tr(Str::NotSentYet, lang));
        else
            ImGui::Text("%s %s", Tr(Str::SentOn, lang), text::FormatDate(a.submitted_date).c_str());
    }
    ImGui::EndTable();
}
