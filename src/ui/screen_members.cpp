// Members screen: the cluster's member units in Vietnamese order, searchable (tones optional), and a unit's page.
#include "ui/screen_members.h"

#include "ui/year_plan.h"

#include "core/text/text.h"
#include "ui/app.h"
#include "ui/widgets.h"

#include <imgui.h>

#include <algorithm>
#include <set>

namespace
{
// "2018–" or "2018–2024" from the unit's cluster memberships.
std::string MemberYears(const ui::AppState& app, const std::string& org_id)
{
    std::string out;
    for (const model::ClusterMembership& m : app.dataset.cluster.memberships)
        if (m.organization_id == org_id)
        {
            if (!out.empty())
                out += ", ";
            out += std::to_string(m.start_year) + "–" + (m.end_year ? std::to_string(m.end_year) : "");
        }
    return out;
}

void RebuildOrder(ui::MembersScreen& screen, const ui::AppState& app)
{
    std::set<std::string> ids;
    for (const model::ClusterMembership& m : app.dataset.cluster.memberships)
        ids.insert(m.organization_id);
    const std::string needle = ui::FoldForSearch(screen.query);
    screen.order.clear();
    for (const std::string& id : ids)
    {
        auto it = app.index.organizations.find(id);
        if (it == app.index.organizations.end())
            continue;
        const model::Organization& org = app.dataset.organizations[static_cast<size_t>(it->second)];
        const model::Area* area = ui::FindArea(app, org.area_id);
        const std::string hay = ui::FoldForSearch(org.name + " | " + org.short_name + " | " + (area ? area->name : ""));
        if (needle.empty() || hay.find(needle) != std::string::npos)
            screen.order.push_back(it->second);
    }
    std::vector<std::pair<std::string, int>> keyed;
    for (int i : screen.order)
        keyed.emplace_back(text::VietnameseSortKey(ui::OrgName(app, app.dataset.organizations[static_cast<size_t>(i)].id)), i);
    std::sort(keyed.begin(), keyed.end());
    screen.years.clear();
    for (size_t i = 0; i < keyed.size(); ++i)
    {
        screen.order[i] = keyed[i].second;
        screen.years.push_back(MemberYears(app, app.dataset.organizations[static_cast<size_t>(keyed[i].second)].id));
    }
    screen.order_version = app.data_version;
    screen.order_query = screen.query;
    screen.order_year = app.results.year_id;
}

void OrgLinks(ui::AppState& app, const char* label, const std::vector<std::string>& ids)
{
    if (ids.empty())
        return;
    ui::RowLabel(app, label);
    for (size_t i = 0; i < ids.size(); ++i)
    {
        const std::string& id = ids[i];
        if (i > 0)
            ImGui::SameLine();
        const std::string text = ui::OrgName(app, id) + "##link" + id;
        if (ui::Link(app, text.c_str()))
        {
            ui::OpenMember(app, id);
            return;
        }
    }
}

// One contact: "Điện thoại: 0222 3270 101 (Văn phòng Sở)"; the value is a link that copies it.
void ContactRow(ui::AppState& app, const model::ContactDetail& contact, const std::string& key, bool masked,
                std::string* copied)
{
    const ui::Language lang = app.settings.lang;
    ui::RowLabel(app, ui::TrCode(contact.type, lang));
    const float row_y = ImGui::GetCursorPosY();
    const float text_y = row_y + (ui::TouchHeight(app) - ImGui::GetTextLineHeight()) * 0.5f;
    if (masked)
    {
        ImGui::SetCursorPosY(text_y);
        ImGui::TextDisabled("•••••• (%s)", ui::Tr(ui::Str::PrivateContact, lang));
        ImGui::SameLine();
        ImGui::SetCursorPosY(row_y);
        ImGui::Dummy(ImVec2(1, ui::TouchHeight(app))); // the row as high as the others
        return;
    }
    const std::string label = contact.value + "##contact-" + key;
    if (ui::Link(app, label.c_str()) && copied)
    {
        ImGui::SetClipboardText(contact.value.c_str());
        *copied = contact.value;
    }
    std::string note = contact.label;
    if (contact.is_private)
        note += std::string(note.empty() ? "" : ", ") + ui::Tr(ui::Str::PrivateContact, lang);
    if (copied && *copied == contact.value)
        note += std::string(note.empty() ? "" : " · ") + ui::Tr(ui::Str::Copied, lang);
    if (!note.empty())
    {
        ImGui::SameLine();
        ImGui::SetCursorPosY(text_y);
        ImGui::TextDisabled("(%s)", note.c_str());
    }
}

void ContactList(ui::AppState& app, const std::vector<model::ContactDetail>& contacts, const std::string& key,
                 bool show_private, std::string* copied, int* private_count)
{
    for (size_t i = 0; i < contacts.size(); ++i)
    {
        const model::ContactDetail& contact = contacts[i];
        if (contact.is_private)
        {
            ++*private_count;
            if (app.presentation.active)
                continue; // never on the projector, whatever the tablet chose
        }
        ContactRow(app, contact, key + "-" + std::to_string(i), contact.is_private && !show_private, copied);
    }
}

void DrawMemberPage(ui::MembersScreen& screen, ui::AppState& app, const model::Organization& org)
{
    const ui::Language lang = app.settings.lang;
    if (ui::TouchButton(app, ui::Tr(ui::Str::BackToList, lang)))
    {
        screen.selected.clear();
        return;
    }
    ui::Heading(app, org.name);
    if (!org.short_name.empty() && org.short_name != org.name)
        ImGui::TextDisabled("%s", org.short_name.c_str());
    if (const model::Area* area = ui::FindArea(app, org.area_id))
        ui::LabelValue(ui::Tr(ui::Str::Area, lang),
                       area->name + (area->gso_code.empty() ? "" : " (" + std::string(ui::Tr(ui::Str::GsoCode, lang)) +
                                                                        " " + area->gso_code + ")"));
    const model::YearFile* year = ui::SelectedYear(app);
    const std::string on = year ? std::to_string(year->year.year) + "-12-31" : ui::Today(app);
    const model::Person* head = ui::HeadOf(app, org.id, on);
    ui::LabelValue(ui::Tr(ui::Str::Head, lang), head ? ui::PersonName(app, head->id) : ui::Tr(ui::Str::NotKnown, lang));
    if (!org.founding_date.empty())
        ui::LabelValue(ui::Tr(ui::Str::Founded, lang), text::FormatDate(org.founding_date));
    if (!org.dissolution_date.empty())
        ui::LabelValue(ui::Tr(ui::Str::Dissolved, lang), text::FormatDate(org.dissolution_date));
    if (screen.private_shown_for != org.id)
        screen.private_shown_for.clear(); // another page: private contacts are masked again
    const bool show_private = screen.private_shown_for == org.id;
    const int private_count = ui::DrawContacts(app, org, on, show_private, &screen.copied);
    // A viewer token (the projector) is never offered the private lines.
    if (private_count > 0 && (!app.who_known || roles::MaySeePrivate(app.who)))
    {
        const ui::Str toggle = show_private ? ui::Str::HidePrivate : ui::Str::ShowPrivate;
        if (ui::TouchButton(app, ui::Tr(toggle, lang)))
            screen.private_shown_for = show_private ? "" : org.id;
    }
    OrgLinks(app, ui::Tr(ui::Str::Predecessors, lang), org.predecessor_ids);
    OrgLinks(app, ui::Tr(ui::Str::Successors, lang), org.successor_ids);
    if (!org.note.empty())
        ImGui::TextWrapped("%s", org.note.c_str());

    ui::Section(app, ui::Tr(ui::Str::RolesByYear, lang));
    int first = 0, last = 0;
    for (const model::ClusterMembership& m : app.dataset.cluster.memberships)
        if (m.organization_id == org.id)
        {
            first = first == 0 ? m.start_year : std::min(first, m.start_year);
            int end = m.end_year;
            if (end == 0)
                for (const model::YearFile& y : app.dataset.years)
                    end = std::max(end, y.year.year);
            last = std::max(last, std::max(end, m.start_year));
        }
    if (first > 0 && ImGui::BeginTable("roles", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH))
    {
        ImGui::TableSetupColumn(ui::Tr(ui::Str::Year, lang));
        ImGui::TableSetupColumn(ui::Tr(ui::Str::Role, lang));
        ImGui::TableHeadersRow();
        for (int y = last; y >= first; --y)
        {
            const char* role = nullptr;
            for (const model::ClusterMembership& m : app.dataset.cluster.memberships)
                if (m.organization_id == org.id && m.start_year <= y && (m.end_year == 0 || m.end_year >= y))
                    role = ui::Tr(ui::Str::RoleMember, lang);
            for (const model::Rotation& r : app.dataset.cluster.rotations)
                if (r.year == y && r.chair_org_id == org.id)
                    role = ui::Tr(ui::Str::Chair, lang);
                else if (r.year == y && r.deputy_org_id == org.id)
                    role = ui::Tr(ui::Str::Deputy, lang);
            if (!role)
                continue;
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::Text("%d", y);
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(role);
        }
        ImGui::EndTable();
    }
    for (const model::ClusterMembership& m : app.dataset.cluster.memberships)
        if (m.organization_id == org.id && !m.ended.date.empty())
            ImGui::TextWrapped("%s %s: %s", ui::Tr(ui::Str::Ended, lang), text::FormatDate(m.ended.date).c_str(),
                               m.ended.reason.c_str());
    // A merged unit carries its predecessors' years in the cluster.
    const auto inherited = ui::MemberYearsWithPredecessors(app.dataset, org.id);
    bool any_inherited = false;
    for (const auto& [year, id] : inherited)
    {
        if (id == org.id)
            continue;
        if (!any_inherited)
            ui::Section(app, ui::Tr(ui::Str::PredecessorYears, lang));
        any_inherited = true;
        const std::string label = std::to_string(year) + " · " + ui::OrgName(app, id) + "##pred." +
                                  std::to_string(year) + "." + id;
        if (ui::Link(app, label.c_str()))
            ui::OpenMember(app, id);
    }

    ui::Section(app, ui::Tr(ui::Str::People, lang));
    if (ImGui::BeginTable("people", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH))
    {
        ImGui::TableSetupColumn(ui::Tr(ui::Str::Name, lang));
        ImGui::TableSetupColumn(ui::Tr(ui::Str::Post, lang));
        ImGui::TableSetupColumn(ui::Tr(ui::Str::Dates, lang));
        ImGui::TableHeadersRow();
        bool any = false;
        for (const model::Person& person : app.dataset.people)
            for (const model::Post& post : person.posts)
                if (post.organization_id == org.id)
                {
                    any = true;
                    ImGui::TableNextRow();
                    ImGui::TableNextColumn();
                    ImGui::TextWrapped("%s", ui::PersonName(app, person.id).c_str());
                    ImGui::TableNextColumn();
                    ImGui::TextWrapped("%s", post.label.empty() ? ui::TrCode(post.role, lang) : post.label.c_str());
                    ImGui::TableNextColumn();
                    ImGui::TextWrapped("%s", (text::FormatDate(post.start_date) + " – " + text::FormatDate(post.end_date)).c_str());
                }
        if (!any)
        {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextDisabled("%s", ui::Tr(ui::Str::NoneYet, lang));
        }
        ImGui::EndTable();
    }
    if (!app.presentation.active && !org.sources.empty())
    {
        ui::Section(app, ui::Tr(ui::Str::Sources, lang));
        for (const model::Source& source : org.sources)
            ImGui::TextWrapped("%s", source.url.c_str());
    }
}
} // namespace

int ui::DrawContacts(AppState& app, const model::Organization& org, const std::string& on, bool show_private,
                     std::string* copied)
{
    const Language lang = app.settings.lang;
    int private_count = 0;
    bool titled = false;
    auto title = [&]() {
        if (!titled)
            Section(app, Tr(Str::Contacts, lang));
        titled = true;
    };
    if (!org.contact_details.empty())
    {
        title();
        ContactList(app, org.contact_details, org.id, show_private, copied, &private_count);
    }
    for (const model::Person& person : app.dataset.people)
    {
        if (person.contact_details.empty())
            continue;
        const model::Post* current = nullptr;
        for (const model::Post& post : person.posts)
            if (post.organization_id == org.id && (post.start_date.empty() || post.start_date <= on) &&
                (post.end_date.empty() || post.end_date >= on))
                current = &post;
        if (!current)
            continue;
        title();
        ImGui::TextUnformatted(PersonName(app, person.id).c_str());
        ImGui::SameLine();
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::TextWrapped("– %s", (current->label.empty() ? current->role : current->label).c_str()); // phones wrap it
        ImGui::PopStyleColor();
        ImGui::Indent();
        ContactList(app, person.contact_details, person.id, show_private, copied, &private_count);
        ImGui::Unindent();
    }
    if (private_count > 0 && app.presentation.active)
        ImGui::TextDisabled("%s", Tr(Str::PrivateHiddenOnProjector, lang));
    return private_count;
}

void ui::DrawMembersScreen(MembersScreen& screen, AppState& app)
{
    const Language lang = app.settings.lang;
    if (!screen.selected.empty())
    {
        if (const model::Organization* org = FindOrganization(app, screen.selected))
        {
            DrawMemberPage(screen, app, *org);
            return;
        }
        screen.selected.clear();
    }
    Heading(app, Tr(Str::NavMembers, lang));
    // The label before the field, so a phone never cuts it off (ImGui puts it after the field).
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(Tr(Str::Search, lang));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, Dp(app, 420) * app.settings.text_scale));
    TextField(app.text_edit, (std::string("##") + Tr(Str::Search, lang)).c_str(), &screen.query);
    if (screen.order_version != app.data_version || screen.order_query != screen.query ||
        screen.order_year != app.results.year_id)
        RebuildOrder(screen, app);
    if (screen.order.empty())
    {
        ImGui::TextDisabled("%s", Tr(Str::NothingFound, lang));
        return;
    }
    const bool narrow = app.layout == Layout::Phone;
    const int columns = narrow ? 1 : 3;
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY;
    if (ImGui::BeginTable("member-list", columns, flags))
    {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn(Tr(Str::Name, lang), ImGuiTableColumnFlags_WidthStretch, 3);
        if (!narrow)
        {
            ImGui::TableSetupColumn(Tr(Str::Area, lang), ImGuiTableColumnFlags_WidthStretch, 2);
            ImGui::TableSetupColumn(Tr(Str::MemberSince, lang), ImGuiTableColumnFlags_WidthStretch, 1);
        }
        ImGui::TableHeadersRow();
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(screen.order.size())); // the first row is measured
        while (clipper.Step())
            for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row)
            {
                const model::Organization& org = app.dataset.organizations[static_cast<size_t>(screen.order[static_cast<size_t>(row)])];
                ImGui::TableNextRow(0, TouchHeight(app));
                ImGui::TableNextColumn();
                const std::string label = OrgName(app, org.id) + "##" + org.id;
                if (Link(app, label.c_str()))
                    screen.selected = org.id;
                if (!narrow)
                {
                    ImGui::TableNextColumn();
                    const model::Area* area = FindArea(app, org.area_id);
                    ImGui::AlignTextToFramePadding();
                    ImGui::TextUnformatted(area ? area->name.c_str() : "");
                    ImGui::TableNextColumn();
                    ImGui::AlignTextToFramePadding();
                    ImGui::TextUnformatted(screen.years[static_cast<size_t>(row)].c_str());
                }
            }
        ImGui::EndTable();
    }
}
