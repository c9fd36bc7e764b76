// Ballot and award forms (see ballot_forms.h). The tally is edited in the screen state and written in one
// ApplyChanges, so a recount may be typed in any order and is checked as a whole only when saved.
#include "ui/ballot_forms.h"

#include "core/text/text.h"
#include "ui/app.h"
#include "ui/edit_fields.h"
#include "ui/widgets.h"

#include <imgui.h>

#include <algorithm>

namespace
{
using ui::ErrorLine;

ui::Str ProblemText(ui::TallyProblem p)
{
    switch (p)
    {
    case ui::TallyProblem::ReturnedOverIssued: return ui::Str::TallyReturnedOverIssued;
    case ui::TallyProblem::ValidInvalidSum: return ui::Str::TallyValidInvalidSum;
    case ui::TallyProblem::VotesOverChoices: return ui::Str::TallyVotesOver;
    case ui::TallyProblem::IssuedOverPresent: return ui::Str::TallyIssuedOverPresent;
    case ui::TallyProblem::Negative: return ui::Str::TallyNegative;
    }
    return ui::Str::TallyNegative;
}

std::string YearOf(const std::string& year_id)
{
    return year_id.size() > 4 ? year_id.substr(year_id.size() - 4) : year_id;
}

// The proposal changes that follow the year's result once `ballot` holds `draft` (computed on a copy).
std::vector<edit::Change> FollowingProposals(ui::AppState& app, const std::string& results_file,
                                             const model::Ballot* ballot, const ui::TallyDraft* draft)
{
    model::Dataset preview = app.dataset;
    const model::Results* current = nullptr;
    for (size_t i = 0; i < preview.results.size(); ++i)
        if (preview.results[i].year_id == app.results.year_id)
        {
            current = &app.dataset.results[i];
            if (ballot && draft)
                for (model::Ballot& b : preview.results[i].ballots)
                    if (b.id == ballot->id)
                    {
                        b.members_present = draft->members_present;
                        b.ballots_issued = draft->issued;
                        b.ballots_returned = draft->returned;
                        b.ballots_valid = draft->valid;
                        b.ballots_invalid = draft->invalid;
                        b.counts.clear();
                        for (size_t k = 0; k < draft->options.size(); ++k)
                            b.counts.push_back({draft->options[k], draft->votes[k]});
                    }
        }
    if (!current)
        return {};
    const scoring::YearResult result = scoring::ComputeYear(preview, app.results.year_id);
    return ui::ProposalChanges(app.dataset, results_file, *current, result, ui::Today(app),
                               ui::Tr(ui::Str::BallotResultChanged, ui::Language::Vi));
}
} // namespace

bool ui::DrawNewBallotForm(BallotForms& f, AppState& app, const std::string& results_file)
{
    const Language lang = app.settings.lang;
    if (results_file.empty() || !MayWrite(app, results_file))
        return false;
    if (!f.creating)
    {
        if (TouchButton(app, Tr(Str::NewBallot, lang)))
        {
            f = BallotForms{};
            f.creating = true;
            for (const scoring::MemberResult& m : app.results.members) // the three best ranked, as a start
                if (f.candidates.size() < 3)
                    f.candidates.push_back(m.organization_id);
            for (const model::Meeting& m : app.dataset.meetings) // the year's summary conference holds the vote
                if (m.year_id == app.results.year_id && m.classification == "year_end_summary" && m.status != "cancelled")
                    f.meeting_id = m.id;
        }
        return false;
    }
    Heading(app, Tr(Str::NewBallot, lang));
    ImGui::TextDisabled("%s", Tr(Str::Meeting, lang));
    const std::string year_id = app.results.year_id;
    for (const model::Meeting& m : app.dataset.meetings)
        if (m.year_id == year_id)
        {
            const std::string label = m.name + "##ballot-meeting-" + m.id;
            if (TouchButton(app, label.c_str(), 0, f.meeting_id == m.id, true))
                f.meeting_id = m.id;
        }
    ImGui::TextDisabled("%s", Tr(Str::Motion, lang));
    const char* motions[] = {"honour_leader", "propose_certificate"};
    for (int i = 0; i < 2; ++i)
    {
        if (i > 0)
            Flow(ButtonWidth(TrCode(motions[i], lang)));
        if (TouchButton(app, TrCode(motions[i], lang), 0, f.motion == motions[i]))
            f.motion = motions[i];
    }
    ImGui::TextDisabled("%s", Tr(Str::Seats, lang));
    ImGui::SetNextItemWidth(Dp(app, 120) * app.settings.text_scale);
    const std::string seats_label = std::string("##") + Tr(Str::Seats, lang);
    TextField(app.text_edit, seats_label.c_str(), &f.seats_text, FieldKind::Integer);
    ImGui::TextDisabled("%s", Tr(Str::CandidatesFromRanking, lang));
    bool first = true;
    for (const scoring::MemberResult& m : app.results.members)
    {
        const std::string label = (m.rank > 0 ? std::to_string(m.rank) + ". " : "") + OrgName(app, m.organization_id) +
                                  "##cand-" + m.organization_id; // no score yet: no rank in front
        if (!first)
            Flow(ButtonWidth(label.c_str()));
        first = false;
        auto at = std::find(f.candidates.begin(), f.candidates.end(), m.organization_id);
        if (TouchButton(app, label.c_str(), 0, at != f.candidates.end()))
        {
            if (at == f.candidates.end())
                f.candidates.push_back(m.organization_id);
            else
                f.candidates.erase(at);
        }
    }
    ImGui::TextDisabled("%s", Tr(Str::CountingCommittee, lang));
    ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, Dp(app, 520) * app.settings.text_scale));
    const std::string names_label = std::string("##") + Tr(Str::CountingCommittee, lang);
    TextField(app.text_edit, names_label.c_str(), &f.counting_names);
    ErrorLine(f.error);
    if (TouchButton(app, Tr(Str::CreateBallot, lang)))
    {
        long long seats = 0;
        f.error.clear();
        if (f.meeting_id.empty())
            f.error = Tr(Str::ChooseMeeting, lang);
        else if (!ParsePoints(f.seats_text, &seats) || seats < 100 || seats % 100 != 0)
            f.error = Tr(Str::NotANumber, lang);
        else if (f.candidates.size() < static_cast<size_t>(seats / 100))
            f.error = Tr(Str::TooFewCandidates, lang);
        else
        {
            std::vector<std::string> names;
            std::string cur;
            for (char ch : f.counting_names + ",")
            {
                if (ch == ',' || ch == ';')
                {
                    const size_t a = cur.find_first_not_of(' '), b = cur.find_last_not_of(' ');
                    if (a != std::string::npos)
                        names.push_back(cur.substr(a, b - a + 1));
                    cur.clear();
                }
                else
                    cur += ch;
            }
            nlohmann::json counts = nlohmann::json::array();
            for (const std::string& c : f.candidates)
                counts.push_back({{"option", c}, {"votes", 0}});
            nlohmann::json ballot = {
                {"id", edit::NewId(app.dataset, "ballot." + ClusterStem(app.dataset) + "." + YearOf(year_id), f.motion + " r1")},
                {"meeting_id", f.meeting_id},
                {"motion", f.motion},
                {"round", 1},
                {"seats", seats / 100},
                {"candidates", f.candidates},
                {"members_present", static_cast<int64_t>(app.year_members.size())},
                {"ballots_issued", 0},
                {"ballots_returned", 0},
                {"ballots_valid", 0},
                {"ballots_invalid", 0},
                {"counts", counts},
            };
            if (!names.empty())
                ballot["counting_team_names"] = names;
            ApplyChanges(app, {edit::AddChange(results_file, "/ballots", ballot)});
            f = BallotForms{};
        }
    }
    ImGui::SameLine();
    if (TouchButton(app, Tr(Str::ImportCancel, lang)))
        f = BallotForms{};
    return true;
}

void ui::DrawTallyEditor(BallotForms& f, AppState& app, const model::Ballot& b, const scoring::BallotOutcome& outcome,
                         const std::string& results_file)
{
    const Language lang = app.settings.lang;
    ImGui::PushID(b.id.c_str());
    const size_t fixed = 5;
    auto it = std::find_if(f.tallies.begin(), f.tallies.end(),
                           [&](const BallotForms::Tally& x) { return x.draft.ballot_id == b.id; });
    if (it != f.tallies.end() && it->saving && app.edit.requests.empty()) // the save step has been applied or refused
    {
        const TallyDraft now = DraftOf(b), &d = it->draft;
        const bool written = now.members_present == d.members_present && now.issued == d.issued &&
                             now.returned == d.returned && now.valid == d.valid && now.invalid == d.invalid &&
                             now.votes == d.votes;
        it->saving = false;
        if (written)
        {
            f.tallies.erase(it);
            it = f.tallies.end(); // re-read from the data below
        }
    }
    if (it == f.tallies.end()) // open this ballot's tally as a draft
    {
        BallotForms::Tally fresh;
        fresh.draft = DraftOf(b);
        fresh.text = {std::to_string(b.members_present), std::to_string(b.ballots_issued),
                      std::to_string(b.ballots_returned), std::to_string(b.ballots_valid),
                      std::to_string(b.ballots_invalid)};
        for (int64_t v : fresh.draft.votes)
            fresh.text.push_back(std::to_string(v));
        f.tallies.push_back(fresh);
        it = f.tallies.end() - 1;
    }
    BallotForms::Tally& tally = *it;
    const Str labels[fixed] = {Str::MembersPresent, Str::BallotsIssued, Str::BallotsReturned, Str::BallotsValid,
                               Str::BallotsInvalid};
    const float width = Dp(app, 110) * app.settings.text_scale;
    // A later round's fields say which round they are: two rounds' tallies are on the screen together.
    const std::string of_round = b.round > 1 ? " (" + std::string(Tr(Str::OfRound, lang)) + " " + std::to_string(b.round) + ")" : "";
    for (size_t i = 0; i < fixed; ++i)
    {
        const std::string label = std::string(Tr(labels[i], lang)) + of_round + "##tally" + std::to_string(i);
        ImGui::SetNextItemWidth(width);
        TextField(app.text_edit, label.c_str(), &tally.text[i], FieldKind::Integer);
    }
    for (size_t k = 0; k < tally.draft.options.size(); ++k)
    {
        const std::string label = std::string(Tr(Str::Votes, lang)) + " " + OrgName(app, tally.draft.options[k]) + of_round + "##votes" +
                                  std::to_string(k);
        ImGui::SetNextItemWidth(width);
        TextField(app.text_edit, label.c_str(), &tally.text[fixed + k], FieldKind::Integer);
    }
    for (TallyProblem p : tally.problems)
        ErrorLine(Tr(ProblemText(p), lang));
    if (TouchButton(app, (Tr(Str::SaveTally, lang) + of_round).c_str()))
    {
        // Read the whole draft, check it as a whole, then write it in one step with the proposals that follow.
        TallyDraft t = tally.draft;
        int64_t* fields[fixed] = {&t.members_present, &t.issued, &t.returned, &t.valid, &t.invalid};
        bool numbers = true;
        for (size_t i = 0; i < tally.text.size(); ++i)
        {
            long long v = 0;
            if (!ParsePoints(tally.text[i], &v) || v % 100 != 0)
            {
                numbers = false;
                continue;
            }
            if (i < fixed)
                *fields[i] = v / 100;
            else
                t.votes[i - fixed] = v / 100;
        }
        tally.problems.clear();
        if (!numbers)
            tally.problems.push_back(TallyProblem::Negative);
        else
        {
            const model::YearFile* year = SelectedYear(app);
            tally.problems = CheckTally(t, year ? year->ruleset.vote_rules.max_choices : 1);
        }
        if (tally.problems.empty())
        {
            std::vector<edit::Change> changes = TallyChanges(results_file, b, t);
            std::vector<edit::Change> follow = FollowingProposals(app, results_file, &b, &t);
            changes.insert(changes.end(), follow.begin(), follow.end());
            tally.draft = t;
            if (!changes.empty())
            {
                ApplyChanges(app, changes);
                tally.saving = true;
            }
        }
    }
    const bool has_next = std::any_of(app.dataset.results.begin(), app.dataset.results.end(), [&](const model::Results& r) {
        return std::any_of(r.ballots.begin(), r.ballots.end(),
                           [&](const model::Ballot& x) { return x.previous_round_id == b.id && x.ended.date.empty(); });
    });
    if (outcome.another_round && !outcome.next_round_candidates.empty() && !has_next)
    {
        const std::string label = std::string(Tr(Str::StartNextRound, lang)) + " " + std::to_string(b.round + 1);
        if (TouchButton(app, label.c_str()))
        {
            const std::string id = edit::NewId(app.dataset, "ballot." + ClusterStem(app.dataset) + "." + YearOf(app.results.year_id),
                                               b.motion + " r" + std::to_string(b.round + 1));
            ApplyChanges(app, {edit::AddChange(results_file, "/ballots", NextRoundBallot(b, outcome.next_round_candidates, id))});
        }
    }
    ImGui::PopID();
}

void ui::DrawProposalEditor(BallotForms&, AppState& app, const model::Results& results, const std::string& results_file)
{
    const Language lang = app.settings.lang;
    if (results_file.empty() || !MayWrite(app, results_file))
        return;
    if (TouchButton(app, Tr(Str::ProposeFromResult, lang)))
    {
        std::vector<edit::Change> changes = FollowingProposals(app, results_file, nullptr, nullptr);
        if (!changes.empty())
            ApplyChanges(app, changes);
    }
    for (const model::AwardProposal& p : results.award_proposals)
    {
        if (!p.ended.date.empty())
            continue;
        ImGui::PushID(p.id.c_str());
        ImGui::Separator();
        ImGui::PushFont(app.fonts.bold);
        ImGui::TextWrapped("%s — %s", TrCode(p.award_type, lang), OrgName(app, p.organization_id).c_str());
        ImGui::PopFont();
        const std::string status_label = std::string(Tr(Str::Status, lang)) + "##" + p.id;
        EditChoice(app, status_label.c_str(), {results_file, p.id, "status"}, p.status, kProposalStatuses, 5);
        if (p.status == "approved" || p.status == "rejected")
        {
            const float width = Dp(app, 260) * app.settings.text_scale;
            const std::string number = std::string(Tr(Str::DecisionNumber, lang)) + "##num";
            EditText(app, number.c_str(), {results_file, p.id, "decision_number"}, p.decision_number, FieldKind::Text, width);
            const std::string date = std::string(Tr(Str::DecisionDate, lang)) + "##date";
            EditText(app, date.c_str(), {results_file, p.id, "decision_date"}, p.decision_date, FieldKind::Date, width);
        }
        ImGui::PopID();
    }
}
