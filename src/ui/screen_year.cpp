// The year screen (see screen_year.h).
//
// [SECTION] helpers
// [SECTION] open a new year
// [SECTION] criteria table
// [SECTION] members and organisations
// [SECTION] DrawYearScreen
#include "ui/screen_year.h"

#include "core/text/text.h"
#include "ui/app.h"
#include "ui/app_state.h"
#include "ui/edit_fields.h"
#include "ui/widgets.h"
#include "ui/year_work.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cstdlib>

namespace
{
// ---- [SECTION] helpers ----


using ui::ErrorLine;

// Gives the last widget an accessible name of its own (tests and the mirror find "Lên I.2", not every "Lên").
void Name(const std::string& name)
{
    ImGuiTestEngineHook_ItemInfo(ImGui::GetCurrentContext(), ImGui::GetItemID(), name.c_str(),
                                 ImGui::GetItemStatusFlags());
}

// A one-line text field `width` wide with its label on the right (the label is also its accessible name).
void Field(ui::AppState& app, const char* label, std::string* value, ui::FieldKind kind = ui::FieldKind::Text,
           float width = 0)
{
    // The field and its label on one line: the field gives way to a long label on a phone.
    const char* end = ImGui::FindRenderedTextEnd(label);
    const float label_width = ImGui::CalcTextSize(label, end).x + ImGui::GetStyle().ItemInnerSpacing.x;
    const float avail = ImGui::GetContentRegionAvail().x;
    const float w = width > 0 ? width : std::max(ImGui::GetFontSize() * 6, std::min(avail * 0.6f, avail - label_width));
    if (kind == ui::FieldKind::Date)
        return ui::DateTextField(app, label, value, w);
    ImGui::SetNextItemWidth(w);
    ui::TextField(app.text_edit, label, value, kind);
}

std::string IsoToDmy(const std::string& iso)
{
    return text::IsValidDate(iso) ? iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4) : "";
}

bool IsLatest(const ui::AppState& app, const model::YearFile& year)
{
    for (const model::YearFile& y : app.dataset.years)
        if (y.year.year > year.year.year)
            return false;
    return true;
}

std::string ShortName(const ui::AppState& app, const std::string& org_id)
{
    const model::Organization* org = ui::FindOrganization(app, org_id);
    if (!org)
        return org_id;
    return org->short_name.empty() ? org->name : org->short_name;
}

// ---- [SECTION] open a new year ----

void StartOpenYear(ui::YearScreen& screen, const ui::AppState& app)
{
    screen.form = ui::YearForm::OpenYear;
    screen.error.clear();
    screen.plan = ui::ProposeYear(app.dataset);
    screen.phase_from.clear();
    screen.phase_to.clear();
    for (const model::Phase& p : screen.plan.phases)
    {
        screen.phase_from.push_back(IsoToDmy(p.start_date));
        screen.phase_to.push_back(IsoToDmy(p.end_date));
    }
}

void DrawOpenYearActions(ui::YearScreen& screen, ui::AppState& app)
{
    const ui::Language lang = app.settings.lang;
    ui::YearPlan& plan = screen.plan;
    const std::string year_text = std::to_string(plan.year);
    const std::string open_label = std::string(ui::Tr(ui::Str::OpenYearPrefix, lang)) + " " + year_text;
    if (ui::TouchButton(app, open_label.c_str()))
    {
        screen.error.clear();
        for (size_t i = 0; i < plan.phases.size() && screen.error.empty(); ++i)
        {
            std::string from, to;
            const bool from_ok = screen.phase_from[i].empty() || ui::ParseDayMonthYear(screen.phase_from[i], &from);
            const bool to_ok = screen.phase_to[i].empty() || ui::ParseDayMonthYear(screen.phase_to[i], &to);
            if (!from_ok || !to_ok)
                screen.error = std::string(ui::Tr(ui::Str::BadDate, lang)) + ": " + ui::TrPhase(plan.phases[i].kind, lang);
            plan.phases[i].start_date = from;
            plan.phases[i].end_date = to;
        }
        if (plan.theme.empty() && screen.error.empty())
            screen.error = std::string(ui::Tr(ui::Str::NeedsText, lang)) + ": " + ui::Tr(ui::Str::Theme, lang);
        if (screen.error.empty())
        {
            plan.theme = text::ToNfc(plan.theme);
            ui::ApplyChanges(app, ui::OpenYearChanges(app.dataset, plan, ui::Tr(ui::Str::MergedInto, ui::Language::Vi)));
            app.year_id = plan.year_id;
            screen.form = ui::YearForm::None;
        }
    }
    ImGui::SameLine();
    if (ui::TouchButton(app, ui::Tr(ui::Str::Cancel, lang)))
        screen.form = ui::YearForm::None;
}

void DrawOpenYearForm(ui::YearScreen& screen, ui::AppState& app)
{
    const ui::Language lang = app.settings.lang;
    ui::YearPlan& plan = screen.plan;
    const std::string year_text = std::to_string(plan.year);
    ui::Section(app, (std::string(ui::Tr(ui::Str::OpenYearTitle, lang)) + " " + year_text).c_str());
    // The action first: on a tablet the form is longer than the screen.
    DrawOpenYearActions(screen, app);
    ErrorLine(screen.error);
    for (const model::YearFile& y : app.dataset.years)
        if (y.year.id == plan.from_year_id)
            ui::LabelValue(ui::Tr(ui::Str::OpenYearFrom, lang), std::to_string(y.year.year));

    Field(app, ui::Tr(ui::Str::Theme, lang), &plan.theme);

    ui::LabelValue(ui::Tr(ui::Str::ChairByRotation, lang), ShortName(app, plan.chair_org_id));
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%s:", ui::Tr(ui::Str::ChooseDeputy, lang));
    for (const ui::PlannedMember& m : plan.members)
    {
        if (m.organization_id == plan.chair_org_id)
            continue;
        const std::string label = ShortName(app, m.organization_id) + "##deputy." + m.organization_id;
        ui::Flow(ui::ButtonWidth(label.c_str()));
        if (ui::TouchButton(app, label.c_str(), 0, plan.deputy_org_id == m.organization_id))
            plan.deputy_org_id = m.organization_id;
    }

    // The proposed members as one paragraph (a tablet keeps the dates and the button in view).
    std::string members = std::string(ui::Tr(ui::Str::ProposedMembers, lang)) + " (" +
                          std::to_string(plan.members.size()) + "): ";
    for (size_t k = 0; k < plan.members.size(); ++k)
    {
        const ui::PlannedMember& m = plan.members[k];
        members += (k ? "; " : "") + ShortName(app, m.organization_id);
        std::string notes;
        if (!m.replaces.empty())
        {
            notes = std::string(ui::Tr(ui::Str::Succeeds, lang)) + " ";
            for (size_t i = 0; i < m.replaces.size(); ++i)
                notes += (i ? ", " : "") + ShortName(app, m.replaces[i]);
        }
        if (m.needs_membership)
            notes += (notes.empty() ? "" : ", ") + std::string(ui::Tr(ui::Str::NewMembership, lang));
        if (!notes.empty())
            members += " (" + notes + ")";
    }
    ImGui::TextWrapped("%s", members.c_str());
    ui::LabelValue(ui::Tr(ui::Str::CriteriaCopied, lang), std::to_string(plan.criteria_count));

    ImGui::TextDisabled("%s:", ui::Tr(ui::Str::PhaseDates, lang));
    const float date_width = ImGui::CalcTextSize("00/00/00000").x + ImGui::GetStyle().FramePadding.x * 2;
    float kind_width = 0; // the dates line up in columns when the screen is wide enough
    for (const model::Phase& p : plan.phases)
        kind_width = std::max(kind_width, ImGui::CalcTextSize(ui::TrPhase(p.kind, lang)).x);
    const float row_start = ImGui::GetCursorPosX();
    for (size_t i = 0; i < plan.phases.size(); ++i)
    {
        ImGui::PushID(static_cast<int>(i));
        const char* kind = ui::TrPhase(plan.phases[i].kind, lang);
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(kind);
        const char* from_word = ui::Tr(ui::Str::From, lang);
        const char* to_word = ui::Tr(ui::Str::To, lang);
        const std::string from = std::string("##") + kind + " · " + from_word; // accessible name "Tự chấm điểm · Từ"
        const std::string to = std::string("##") + kind + " · " + to_word;
        const float dates = date_width * 2.4f + ImGui::CalcTextSize(from_word).x + ImGui::CalcTextSize(to_word).x;
        if (kind_width + dates + ImGui::GetFontSize() < ImGui::GetContentRegionAvail().x)
            ImGui::SameLine(row_start + kind_width + ImGui::GetFontSize());
        ImGui::TextUnformatted(from_word);
        ImGui::SameLine();
        Field(app, from.c_str(), &screen.phase_from[i], ui::FieldKind::Date, date_width);
        ImGui::SameLine();
        ImGui::TextUnformatted(to_word);
        ImGui::SameLine();
        Field(app, to.c_str(), &screen.phase_to[i], ui::FieldKind::Date, date_width);
        ImGui::PopID();
    }
}

// ---- [SECTION] criteria table ----

void DrawAddCriterionForm(ui::YearScreen& screen, ui::AppState& app, const model::YearFile& year,
                          const std::string& path)
{
    const ui::Language lang = app.settings.lang;
    ui::Section(app, ui::Tr(ui::Str::AddCriterion, lang));
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%s:", ui::Tr(ui::Str::InGroup, lang));
    const char* top = ui::Tr(ui::Str::TopLevel, lang);
    ui::Flow(ui::ButtonWidth(top));
    if (ui::TouchButton(app, top, 0, screen.crit_parent.empty()))
        screen.crit_parent.clear();
    for (const model::Criterion& c : year.criteria)
        if (c.kind == "group")
        {
            const std::string label = c.code + "##group." + c.id;
            ui::Flow(ui::ButtonWidth(label.c_str()));
            if (ui::TouchButton(app, label.c_str(), 0, screen.crit_parent == c.id))
                screen.crit_parent = c.id;
        }
    Field(app, ui::Tr(ui::Str::CriterionCode, lang), &screen.crit_code);
    Field(app, ui::Tr(ui::Str::CriterionTitle, lang), &screen.crit_title);
    Field(app, ui::Tr(ui::Str::MaxPoints, lang), &screen.crit_points, ui::FieldKind::Decimal);
    ErrorLine(screen.error);
    if (ui::TouchButton(app, ui::Tr(ui::Str::Add, lang)))
    {
        long long points = 0;
        screen.error.clear();
        if (screen.crit_code.empty() || screen.crit_title.empty())
            screen.error = std::string(ui::Tr(ui::Str::NeedsText, lang)) + ": " + ui::Tr(ui::Str::CriterionTitle, lang);
        else if (!ui::ParsePoints(screen.crit_points, &points) || points < 0)
            screen.error = ui::Tr(ui::Str::NotANumber, lang);
        if (screen.error.empty())
        {
            int32_t order = 0;
            for (const model::Criterion& c : year.criteria)
                if (c.parent_id == screen.crit_parent)
                    order = std::max(order, c.order);
            std::string prefix = "crit"; // "crit.cum1.2027" from the year id "year.cum1.2027"
            if (year.year.id.rfind("year.", 0) == 0)
                prefix += year.year.id.substr(4);
            nlohmann::json record = {{"id", edit::NewId(app.dataset, prefix, screen.crit_code)},
                                     {"code", text::ToNfc(screen.crit_code)},
                                     {"title", text::ToNfc(screen.crit_title)},
                                     {"kind", screen.crit_parent.empty() ? "group" : "manual"},
                                     {"order", order + 1}};
            if (points % 100 == 0)
                record["max_points"] = points / 100;
            else
                record["max_points"] = static_cast<double>(points) / 100.0;
            if (!screen.crit_parent.empty())
                record["parent_id"] = screen.crit_parent;
            ui::ApplyChanges(app, {edit::AddChange(path, "/criteria", record)});
            screen.crit_code.clear();
            screen.crit_title.clear();
            screen.crit_points.clear();
            screen.form = ui::YearForm::None;
        }
    }
    ImGui::SameLine();
    if (ui::TouchButton(app, ui::Tr(ui::Str::Cancel, lang)))
        screen.form = ui::YearForm::None;
}

void DrawCriteria(ui::YearScreen& screen, ui::AppState& app, const model::YearFile& year)
{
    const ui::Language lang = app.settings.lang;
    ui::Section(app, ui::Tr(ui::Str::CriteriaTable, lang));
    const std::string path = ui::YearFilePath(app.dataset, year.year.id);
    const bool locked = ui::CriteriaLocked(app.dataset, year);
    const bool editable = app.edit.enabled && !locked && !path.empty() && ui::MayWrite(app, path);
    if (locked && year.year.status != "closed") // a closed year says so above
        ImGui::TextDisabled("%s", ui::Tr(ui::Str::CriteriaLockedNote, lang));
    if (editable && screen.form == ui::YearForm::AddCriterion)
        return DrawAddCriterionForm(screen, app, year, path);
    if (editable && ui::TouchButton(app, ui::Tr(ui::Str::AddCriterion, lang)))
    {
        screen.form = ui::YearForm::AddCriterion;
        screen.error.clear();
    }

    // Groups in order, each followed by its criteria in order.
    const std::vector<const model::Criterion*> rows = ui::CriteriaInTreeOrder(year);

    const float code_width = ImGui::CalcTextSize("III.10").x + ImGui::GetStyle().FramePadding.x * 2;
    for (const model::Criterion* c : rows)
    {
        ImGui::PushID(c->id.c_str());
        const bool child = !c->parent_id.empty();
        if (child)
            ImGui::Indent(ImGui::GetFontSize());
        const std::string points = c->max_points > 0 ? text::FormatPoints(c->max_points)
                                   : c->cap > 0    ? text::FormatPoints(c->cap)
                                                   : "";
        if (!editable)
        {
            if (!child)
                ImGui::PushFont(app.fonts.bold);
            ImGui::TextWrapped("%s  %s%s%s", c->code.c_str(), c->title.c_str(), points.empty() ? "" : " · ",
                               points.c_str());
            if (!child)
                ImGui::PopFont();
        }
        else
        {
            bool has_children = false;
            for (const model::Criterion& other : year.criteria)
                has_children = has_children || other.parent_id == c->id;
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted(c->code.c_str());
            ImGui::SameLine(code_width + (child ? ImGui::GetFontSize() : 0));
            const std::string title_label = "##" + std::string(ui::Tr(ui::Str::CriterionTitle, lang)) + " " + c->code;
            const float buttons = ui::ButtonWidth(ui::Tr(ui::Str::MoveUp, lang)) +
                                  ui::ButtonWidth(ui::Tr(ui::Str::MoveDown, lang)) +
                                  ui::ButtonWidth(ui::Tr(ui::Str::RemoveCriterion, lang)) + code_width * 1.6f +
                                  ImGui::GetStyle().ItemSpacing.x * 5 + ImGui::GetFontSize();
            ui::EditText(app, title_label.c_str(), {path, c->id, "title"}, c->title, ui::FieldKind::Text,
                         std::max(ImGui::GetContentRegionAvail().x - buttons, ImGui::GetFontSize() * 8));
            if (c->kind != "bonus" && c->kind != "penalty")
            {
                ImGui::SameLine();
                const std::string points_label = "##" + std::string(ui::Tr(ui::Str::MaxPoints, lang)) + " " + c->code;
                ui::EditText(app, points_label.c_str(), {path, c->id, "max_points"}, points, ui::FieldKind::Decimal,
                             code_width * 1.3f);
            }
            const char* up = ui::Tr(ui::Str::MoveUp, lang);
            const char* down = ui::Tr(ui::Str::MoveDown, lang);
            const char* remove = ui::Tr(ui::Str::RemoveCriterion, lang);
            ui::Flow(ui::ButtonWidth(up));
            if (ui::TouchButton(app, up))
                ui::ApplyChanges(app, ui::MoveCriterion(app.dataset, year, c->id, -1));
            Name(std::string(up) + " " + c->code);
            ImGui::SameLine();
            if (ui::TouchButton(app, down))
                ui::ApplyChanges(app, ui::MoveCriterion(app.dataset, year, c->id, +1));
            Name(std::string(down) + " " + c->code);
            if (!has_children)
            {
                ImGui::SameLine();
                if (ui::TouchButton(app, remove))
                    ui::ApplyChanges(app, {edit::RemoveChange(path, c->id)});
                Name(std::string(remove) + " " + c->code);
            }
        }
        if (child)
            ImGui::Unindent(ImGui::GetFontSize());
        ImGui::PopID();
    }
}

// ---- [SECTION] members and organisations ----

void DrawEndMembershipForm(ui::YearScreen& screen, ui::AppState& app, const model::ClusterMembership& m)
{
    const ui::Language lang = app.settings.lang;
    ui::Section(app, (std::string(ui::Tr(ui::Str::EndMembershipTitle, lang)) + ": " + ShortName(app, m.organization_id)).c_str());
    Field(app, ui::Tr(ui::Str::EndDateDmy, lang), &screen.end_date, ui::FieldKind::Date);
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%s:", ui::Tr(ui::Str::MergedInto, lang));
    // The unit's successors first, then every other unit of the same kind.
    std::vector<std::string> choices;
    if (const model::Organization* org = ui::FindOrganization(app, m.organization_id))
        choices = org->successor_ids;
    for (const model::Organization& o : app.dataset.organizations)
        if (o.classification == "provincial_dept" && o.id != m.organization_id &&
            std::find(choices.begin(), choices.end(), o.id) == choices.end() &&
            std::find(o.predecessor_ids.begin(), o.predecessor_ids.end(), m.organization_id) != o.predecessor_ids.end())
            choices.push_back(o.id);
    for (const std::string& id : choices)
    {
        const std::string label = ShortName(app, id) + "##merged." + id;
        ui::Flow(ui::ButtonWidth(label.c_str()));
        if (ui::TouchButton(app, label.c_str(), 0, screen.merged_into == id))
            screen.merged_into = id;
    }
    const char* other = ui::Tr(ui::Str::OtherReason, lang);
    ui::Flow(ui::ButtonWidth(other));
    if (ui::TouchButton(app, other, 0, screen.merged_into.empty()))
        screen.merged_into.clear();
    if (screen.merged_into.empty())
        Field(app, ui::Tr(ui::Str::Reason, lang), &screen.reason);
    ErrorLine(screen.error);
    if (ui::TouchButton(app, ui::Tr(ui::Str::EndMembership, lang)))
    {
        std::string date;
        screen.error.clear();
        const std::string reason = screen.merged_into.empty()
                                       ? text::ToNfc(screen.reason)
                                       : std::string(ui::Tr(ui::Str::MergedInto, ui::Language::Vi)) + " " +
                                             ShortName(app, screen.merged_into);
        if (!ui::ParseDayMonthYear(screen.end_date, &date))
            screen.error = ui::Tr(ui::Str::BadDate, lang);
        else if (reason.empty())
            screen.error = std::string(ui::Tr(ui::Str::NeedsText, lang)) + ": " + ui::Tr(ui::Str::Reason, lang);
        if (screen.error.empty())
        {
            std::vector<edit::Change> changes;
            changes.push_back(edit::SetChange("cluster.json", m.id, "end_year", std::atoi(date.substr(0, 4).c_str())));
            changes.push_back(edit::SetChange("cluster.json", m.id, "ended", {{"date", date}, {"reason", reason}}));
            ui::ApplyChanges(app, changes);
            screen.form = ui::YearForm::None;
        }
    }
    ImGui::SameLine();
    if (ui::TouchButton(app, ui::Tr(ui::Str::Cancel, lang)))
        screen.form = ui::YearForm::None;
}

void DrawAddMemberForm(ui::YearScreen& screen, ui::AppState& app, const model::YearFile& year)
{
    const ui::Language lang = app.settings.lang;
    ui::Section(app, ui::Tr(ui::Str::AddMember, lang));
    for (const model::Organization& o : app.dataset.organizations)
    {
        if (o.classification != "provincial_dept")
            continue;
        bool member = false;
        for (const model::ClusterMembership& m : app.dataset.cluster.memberships)
            member = member || (m.organization_id == o.id && ui::MembershipInForce(m, year.year.year));
        if (member)
            continue;
        const std::string label = ShortName(app, o.id) + "##add." + o.id;
        ui::Flow(ui::ButtonWidth(label.c_str()));
        if (ui::TouchButton(app, label.c_str(), 0, screen.member_org == o.id))
            screen.member_org = o.id;
    }
    Field(app, ui::Tr(ui::Str::StartYear, lang), &screen.start_year, ui::FieldKind::Integer);
    ErrorLine(screen.error);
    if (ui::TouchButton(app, ui::Tr(ui::Str::Add, lang)))
    {
        const int start = std::atoi(screen.start_year.c_str());
        screen.error.clear();
        if (screen.member_org.empty())
            screen.error = std::string(ui::Tr(ui::Str::NeedsText, lang)) + ": " + ui::Tr(ui::Str::AddMember, lang);
        else if (start < 1990 || start > 2999)
            screen.error = std::string(ui::Tr(ui::Str::NeedsText, lang)) + ": " + ui::Tr(ui::Str::StartYear, lang);
        if (screen.error.empty())
        {
            const nlohmann::json record = {{"id", edit::NewId(app.dataset, "mem", screen.member_org)},
                                           {"organization_id", screen.member_org},
                                           {"start_year", start}};
            ui::ApplyChanges(app, {edit::AddChange("cluster.json", "/memberships", record)});
            screen.member_org.clear();
            screen.form = ui::YearForm::None;
        }
    }
    ImGui::SameLine();
    if (ui::TouchButton(app, ui::Tr(ui::Str::Cancel, lang)))
        screen.form = ui::YearForm::None;
}

void DrawAddOrganizationForm(ui::YearScreen& screen, ui::AppState& app)
{
    const ui::Language lang = app.settings.lang;
    ui::Section(app, ui::Tr(ui::Str::AddOrganization, lang));
    Field(app, ui::Tr(ui::Str::OrgName, lang), &screen.org_name);
    Field(app, ui::Tr(ui::Str::OrgShortName, lang), &screen.org_short);
    Field(app, ui::Tr(ui::Str::FoundingDate, lang), &screen.org_founding, ui::FieldKind::Date);
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%s:", ui::Tr(ui::Str::Predecessors, lang));
    for (const model::Organization& o : app.dataset.organizations)
    {
        if (o.classification != "provincial_dept")
            continue;
        auto it = std::find(screen.org_predecessors.begin(), screen.org_predecessors.end(), o.id);
        const std::string label = ShortName(app, o.id) + "##pred." + o.id;
        ui::Flow(ui::ButtonWidth(label.c_str()));
        if (ui::TouchButton(app, label.c_str(), 0, it != screen.org_predecessors.end()))
        {
            if (it == screen.org_predecessors.end())
                screen.org_predecessors.push_back(o.id);
            else
                screen.org_predecessors.erase(it);
        }
    }
    ErrorLine(screen.error);
    if (ui::TouchButton(app, ui::Tr(ui::Str::Add, lang)))
    {
        std::string founding;
        screen.error.clear();
        if (screen.org_name.empty())
            screen.error = std::string(ui::Tr(ui::Str::NeedsText, lang)) + ": " + ui::Tr(ui::Str::OrgName, lang);
        else if (!screen.org_founding.empty() && !ui::ParseDayMonthYear(screen.org_founding, &founding))
            screen.error = ui::Tr(ui::Str::BadDate, lang);
        if (screen.error.empty())
        {
            const std::string name = text::ToNfc(screen.org_name);
            const std::string id = edit::NewId(app.dataset, "org", screen.org_short.empty() ? name : screen.org_short);
            nlohmann::json record = {{"id", id}, {"name", name}, {"classification", "provincial_dept"}};
            if (!screen.org_short.empty())
                record["short_name"] = text::ToNfc(screen.org_short);
            if (!founding.empty())
                record["founding_date"] = founding;
            std::vector<edit::Change> changes;
            if (!screen.org_predecessors.empty())
            {
                record["predecessor_ids"] = screen.org_predecessors;
                // The predecessors name their successor too, so both pages show the succession.
                for (const std::string& p : screen.org_predecessors)
                    if (const model::Organization* pred = ui::FindOrganization(app, p))
                    {
                        std::vector<std::string> next = pred->successor_ids;
                        next.push_back(id);
                        if (!pred->area_id.empty() && !record.contains("area_id"))
                            record["area_id"] = pred->area_id;
                        changes.push_back(edit::SetChange("registry/organizations.json", p, "successor_ids", next));
                    }
            }
            changes.insert(changes.begin(), edit::AddChange("registry/organizations.json", "/organizations", record));
            ui::ApplyChanges(app, changes);
            screen.org_name.clear();
            screen.org_short.clear();
            screen.org_founding.clear();
            screen.org_predecessors.clear();
            screen.form = ui::YearForm::None;
        }
    }
    ImGui::SameLine();
    if (ui::TouchButton(app, ui::Tr(ui::Str::Cancel, lang)))
        screen.form = ui::YearForm::None;
}

void DrawMembers(ui::YearScreen& screen, ui::AppState& app, const model::YearFile& year)
{
    const ui::Language lang = app.settings.lang;
    ui::Section(app, ui::Tr(ui::Str::YearMembers, lang));
    const bool editable = app.edit.enabled && year.year.status != "closed" && ui::MayWrite(app, "cluster.json");
    // An open form takes the place of the list (on a tablet its fields stay on screen above the keyboard).
    if (editable && screen.form == ui::YearForm::EndMembership)
        for (const model::ClusterMembership& m : app.dataset.cluster.memberships)
            if (m.id == screen.membership_id)
                return DrawEndMembershipForm(screen, app, m);
    if (editable && screen.form == ui::YearForm::AddMember)
        return DrawAddMemberForm(screen, app, year);
    if (editable && screen.form == ui::YearForm::AddOrganization && ui::MayWrite(app, "registry/organizations.json"))
        return DrawAddOrganizationForm(screen, app);
    // One row per member: the name, then its state or the action in a column of their own (aligned, not trailing
    // each name at a different place).
    const char* end = ui::Tr(ui::Str::EndMembership, lang);
    if (!ImGui::BeginTable("year-members", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH))
        return;
    ImGui::TableSetupColumn("##name", ImGuiTableColumnFlags_WidthStretch, 1);
    ImGui::TableSetupColumn("##state", ImGuiTableColumnFlags_WidthStretch, 1);
    for (const model::ClusterMembership& m : app.dataset.cluster.memberships)
    {
        if (!ui::MembershipInForce(m, year.year.year))
            continue;
        ImGui::PushID(m.id.c_str());
        ImGui::TableNextRow(0, ui::TouchHeight(app));
        ImGui::TableNextColumn();
        const std::string name = ShortName(app, m.organization_id) + "##member." + m.id;
        if (ui::Link(app, name.c_str()))
            ui::OpenMember(app, m.organization_id);
        ImGui::TableNextColumn();
        if (!m.ended.date.empty())
        {
            ImGui::AlignTextToFramePadding();
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
            ImGui::TextWrapped("%s %s: %s", ui::Tr(ui::Str::Ended, lang), text::FormatDate(m.ended.date).c_str(),
                               m.ended.reason.c_str()); // a phone wraps the reason, never cuts it
            ImGui::PopStyleColor();
        }
        else if (editable)
        {
            const bool pressed = ui::TouchButton(app, end);
            Name(std::string(end) + " " + ShortName(app, m.organization_id));
            if (pressed)
            {
                screen.form = ui::YearForm::EndMembership;
                screen.membership_id = m.id;
                screen.end_date.clear();
                screen.reason.clear();
                screen.error.clear();
                const model::Organization* org = ui::FindOrganization(app, m.organization_id);
                screen.merged_into = org && !org->successor_ids.empty() ? org->successor_ids.front() : "";
            }
        }
        ImGui::PopID();
    }
    ImGui::EndTable();
    if (!editable)
        return;
    const char* add_member = ui::Tr(ui::Str::AddMember, lang);
    if (ui::TouchButton(app, add_member))
    {
        screen.form = ui::YearForm::AddMember;
        screen.error.clear();
        screen.start_year = std::to_string(year.year.year);
    }
    if (ui::MayWrite(app, "registry/organizations.json"))
    {
        const char* add_org = ui::Tr(ui::Str::AddOrganization, lang);
        ui::Flow(ui::ButtonWidth(add_org));
        if (ui::TouchButton(app, add_org))
        {
            screen.form = ui::YearForm::AddOrganization;
            screen.error.clear();
        }
    }
}

// The year's phases in order with their dates and status; the secretariat opens a phase and ends it (opening the
// first one makes a planned year active, in the same step). A unit may write its self-assessment only while that
// phase is open (roles::WriteRefusal), so this is where the year's work is let in and shut.
void DrawPhases(ui::AppState& app, const model::YearFile& year, const std::string& path, bool writable)
{
    const ui::Language lang = app.settings.lang;
    ImGui::Spacing();
    for (const model::Phase& p : year.year.phases)
    {
        ImGui::PushID(p.id.c_str());
        ImGui::AlignTextToFramePadding();
        const std::string dates = text::FormatDateRange(p.start_date, p.end_date);
        ImGui::Text("%s%s%s", ui::TrPhase(p.kind, lang), dates.empty() ? "" : " · ", dates.c_str());
        ui::StatusBadge(p.status, lang);
        const char* next = p.status == "not_started" ? "open" : p.status == "open" ? "closed" : nullptr;
        if (writable && next)
        {
            const std::string label = std::string(ui::Tr(next[0] == 'o' ? ui::Str::OpenPhase : ui::Str::ClosePhase, lang)) + ": " +
                                      ui::TrPhase(p.kind, lang);
            ImGui::SameLine();
            if (ui::TouchButton(app, label.c_str()))
            {
                std::vector<edit::Change> changes = {edit::SetChange(path, p.id, "status", next)};
                if (year.year.status == "planning")
                    changes.push_back(edit::SetChange(path, year.year.id, "status", "active"));
                ui::ApplyChanges(app, changes);
            }
        }
        ImGui::PopID();
    }
}
} // namespace

// ---- [SECTION] DrawYearScreen ----

void ui::DrawYearEntry(AppState& app)
{
    const model::YearFile* year = SelectedYear(app);
    if (!year || !app.edit.enabled || !MayWrite(app, YearFilePath(app.dataset, year->year.id)))
        return;
    const char* label = Tr(Str::NavYear, app.settings.lang);
    if (TouchButton(app, label))
        OpenScreen(app, Screen::Year);
}

void ui::DrawYearScreen(YearScreen& screen, AppState& app)
{
    const Language lang = app.settings.lang;
    const model::YearFile* year = SelectedYear(app);
    if (!year)
    {
        ImGui::TextDisabled("%s", Tr(Str::NoYear, lang));
        return;
    }
    const std::string path = YearFilePath(app.dataset, year->year.id);
    const bool closed = year->year.status == "closed";
    Heading(app, std::string(Tr(Str::NavYear, lang)) + " " + std::to_string(year->year.year));
    Badge(closed ? Tr(Str::Ended, lang) : Tr(Str::YearOpen, lang),
          closed ? IM_COL32(97, 97, 97, 255) : IM_COL32(46, 125, 50, 255), IM_COL32_WHITE);
    if (closed)
        ImGui::TextWrapped("%s", Tr(Str::YearClosedNote, lang));
    const bool may_write_year = app.edit.enabled && !path.empty() && MayWrite(app, path);
    if (may_write_year)
    {
        const char* toggle = Tr(closed ? Str::ReopenYear : Str::CloseYear, lang);
        if (TouchButton(app, toggle))
            ApplyChanges(app, {edit::SetChange(path, year->year.id, "status", closed ? "active" : "closed")});
        const std::string open_next = std::string(Tr(Str::OpenYearPrefix, lang)) + " " + std::to_string(year->year.year + 1);
        if (IsLatest(app, *year) && MayWrite(app, "cluster.json") && screen.form != YearForm::OpenYear)
        {
            Flow(ButtonWidth(open_next.c_str()));
            if (TouchButton(app, open_next.c_str()))
                StartOpenYear(screen, app);
        }
    }
    if (screen.form == YearForm::OpenYear)
    {
        if (may_write_year)
            DrawOpenYearForm(screen, app);
        return;
    }
    ImGui::Spacing();
    const char* views[] = {Tr(Str::YearMembers, lang), Tr(Str::CriteriaTable, lang), Tr(Str::Phases, lang)};
    const int tapped = Segmented(app, views, 3, screen.view);
    if (tapped >= 0)
        screen.view = tapped;
    if (screen.view == 0)
        DrawMembers(screen, app, *year);
    else if (screen.view == 1)
        DrawCriteria(screen, app, *year);
    else
        DrawPhases(app, *year, path, may_write_year && !closed);
}
