// The pure part of the year's work forms; see year_work.h.
#include "ui/year_work.h"

#include <algorithm>
#include <cstdio>

namespace ui
{
const char* const kMeetingKinds[4] = {"covenant_signing", "mid_year_review", "year_end_summary", "working_meeting"};
const char* const kProposalStatuses[5] = {"draft", "agreed", "submitted", "approved", "rejected"};

namespace
{
bool ReadInt(const std::string& s, size_t* i, int* out, int max_digits)
{
    int digits = 0, v = 0;
    while (*i < s.size() && s[*i] >= '0' && s[*i] <= '9' && digits < max_digits)
    {
        v = v * 10 + (s[*i] - '0');
        ++*i;
        ++digits;
    }
    *out = v;
    return digits > 0;
}

std::string Trim(const std::string& s)
{
    size_t a = 0, b = s.size();
    while (a < b && (s[a] == ' ' || s[a] == '\t'))
        ++a;
    while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t'))
        --b;
    return s.substr(a, b - a);
}
} // namespace

nlohmann::json PointsJson(model::Points v)
{
    if (v % 100 == 0)
        return v / 100;
    return static_cast<double>(v) / 100.0;
}

std::string ParseDateVi(const std::string& input)
{
    const std::string s = Trim(input);
    size_t i = 0;
    int d = 0, m = 0, y = 0;
    if (!ReadInt(s, &i, &d, 2) || i >= s.size() || (s[i] != '/' && s[i] != '-' && s[i] != '.'))
        return "";
    ++i;
    if (!ReadInt(s, &i, &m, 2) || i >= s.size() || (s[i] != '/' && s[i] != '-' && s[i] != '.'))
        return "";
    ++i;
    const size_t year_start = i;
    if (!ReadInt(s, &i, &y, 4) || i != s.size() || i - year_start != 4)
        return "";
    const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12 || d < 1 || y < 1900)
        return "";
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (d > days[m - 1] + (m == 2 && leap ? 1 : 0))
        return "";
    char out[40]; // room for any int the compiler cannot rule out (the values are checked above)
    std::snprintf(out, sizeof out, "%04d-%02d-%02d", y, m, d);
    return out;
}

std::string ParseTimeVi(const std::string& input)
{
    const std::string s = Trim(input);
    size_t i = 0;
    int h = 0, mi = 0;
    if (!ReadInt(s, &i, &h, 2))
        return "";
    if (i < s.size() && (s[i] == ':' || s[i] == 'h' || s[i] == 'H' || s[i] == 'g'))
    {
        ++i;
        if (i < s.size() && !ReadInt(s, &i, &mi, 2))
            return "";
    }
    if (i != s.size() || h > 23 || mi > 59)
        return "";
    char out[8];
    std::snprintf(out, sizeof out, "%02d:%02d", h, mi);
    return out;
}

std::string DateVi(const std::string& iso)
{
    if (iso.size() != 10)
        return iso;
    return iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4);
}

std::string ClusterStem(const model::Dataset& data)
{
    const std::string& id = data.cluster.cluster.id;
    const std::string stem = id.rfind("cluster.", 0) == 0 ? id.substr(8) : id;
    return stem.empty() ? "cluster" : stem;
}

std::string ProposedMeetingName(const std::string& kind, int32_t year, const std::string& cluster_short)
{
    std::string head;
    if (kind == "covenant_signing")
        head = "Hội nghị ký kết giao ước thi đua năm ";
    else if (kind == "mid_year_review")
        head = "Hội nghị sơ kết 6 tháng đầu năm ";
    else if (kind == "year_end_summary")
        head = "Hội nghị tổng kết công tác thi đua năm ";
    else
        head = "Cuộc họp của Cụm năm ";
    std::string name = head + std::to_string(year);
    if (!cluster_short.empty())
        name += " của " + cluster_short;
    return name;
}

const char* MeetingSlug(const std::string& kind)
{
    if (kind == "covenant_signing")
        return "giao-uoc";
    if (kind == "mid_year_review")
        return "so-ket";
    if (kind == "year_end_summary")
        return "tong-ket";
    return "hop";
}

std::string MeetingPath(const std::string& meeting_id)
{
    return "meetings/" + meeting_id + ".json";
}

nlohmann::json MeetingDocument(const NewMeeting& m, const std::string& meeting_id)
{
    nlohmann::json meeting = {
        {"id", meeting_id},       {"rev", 1},
        {"classification", m.kind}, {"name", m.name},
        {"start_date", m.date},   {"status", "confirmed"},
        {"agenda", nlohmann::json::array()}, {"participants", nlohmann::json::array()},
        {"decisions", nlohmann::json::array()}, {"documents", nlohmann::json::array()},
    };
    if (!m.year_id.empty())
        meeting["year_id"] = m.year_id;
    if (!m.time.empty())
        meeting["start_time"] = m.time;
    nlohmann::json venue = nlohmann::json::object();
    if (!m.venue.empty())
        venue["name"] = m.venue;
    if (!m.host_org_id.empty())
        venue["host_org_id"] = m.host_org_id;
    meeting["venue"] = venue;
    return {{"format", "thidua.meeting"}, {"schema_version", model::kSchemaVersion}, {"meeting", meeting}};
}

const model::YearFile* YearOfDateIn(const model::Dataset& data, const std::string& iso_date)
{
    if (iso_date.size() < 4)
        return nullptr;
    const int32_t y = std::atoi(iso_date.substr(0, 4).c_str());
    for (const model::YearFile& f : data.years)
        if (f.year.year == y)
            return &f;
    return nullptr;
}

std::string TitleOn(const model::Dataset& data, const model::Person& person, const std::string& date, std::string* org_id)
{
    const model::Post* best = nullptr;
    for (const model::Post& p : person.posts)
    {
        if (!p.start_date.empty() && p.start_date > date)
            continue;
        if (!p.end_date.empty() && p.end_date < date)
            continue;
        if (!best || p.start_date > best->start_date)
            best = &p;
    }
    if (!best)
        return "";
    if (org_id)
        *org_id = best->organization_id;
    if (!best->label.empty())
        return best->label;
    std::string org;
    for (const model::Organization& o : data.organizations)
        if (o.id == best->organization_id)
            org = o.short_name.empty() ? o.name : o.short_name;
    return org.empty() ? best->role : best->role + " " + org;
}

InputKind InputKindOf(const model::Criterion& c)
{
    if (c.kind == "quantitative")
        return InputKind::Result;
    if (c.kind == "qualitative")
        return InputKind::Achieved;
    if (c.kind == "per_occurrence" || c.kind == "bonus" || c.kind == "penalty")
        return InputKind::Count;
    if (c.kind == "manual")
        return InputKind::Points;
    return InputKind::None;
}

std::vector<const model::Criterion*> CriteriaInTreeOrder(const model::YearFile& year)
{
    // Each top-level criterion by `order`, then its children by `order`.
    std::vector<const model::Criterion*> top, out;
    for (const model::Criterion& c : year.criteria)
        if (c.parent_id.empty())
            top.push_back(&c);
    auto by_order = [](const model::Criterion* a, const model::Criterion* b) { return a->order < b->order; };
    std::stable_sort(top.begin(), top.end(), by_order);
    for (const model::Criterion* t : top)
    {
        out.push_back(t);
        std::vector<const model::Criterion*> children;
        for (const model::Criterion& c : year.criteria)
            if (c.parent_id == t->id)
                children.push_back(&c);
        std::stable_sort(children.begin(), children.end(), by_order);
        out.insert(out.end(), children.begin(), children.end());
    }
    return out;
}

std::vector<const model::Criterion*> InputCriteria(const model::YearFile& year)
{
    std::vector<const model::Criterion*> out;
    for (const model::Criterion* c : CriteriaInTreeOrder(year))
        if (InputKindOf(*c) != InputKind::None)
            out.push_back(c);
    return out;
}

scoring::Figure PointsFor(const model::Criterion& c, model::Points value)
{
    model::Score input;
    input.criterion_id = c.id;
    input.value = value;
    return scoring::ScoreCriterion(c, input, value); // on its own tablet a unit is its own leader
}

int32_t SubmittedCount(const model::Dataset& data, const std::string& year_id, int32_t* total)
{
    int32_t sent = 0, all = 0;
    for (const model::SelfAssessment& s : data.self_assessments)
        if (s.year_id == year_id)
        {
            ++all;
            if (!s.submitted_date.empty())
                ++sent;
        }
    if (total)
        *total = all;
    return sent;
}

std::vector<TallyProblem> CheckTally(const TallyDraft& t, int32_t max_choices)
{
    std::vector<TallyProblem> out;
    bool negative = t.members_present < 0 || t.issued < 0 || t.returned < 0 || t.valid < 0 || t.invalid < 0;
    int64_t sum = 0;
    bool over = false;
    for (int64_t v : t.votes)
    {
        negative = negative || v < 0;
        sum += v;
        over = over || v > t.valid;
    }
    if (negative)
        out.push_back(TallyProblem::Negative);
    if (t.members_present > 0 && t.issued > t.members_present)
        out.push_back(TallyProblem::IssuedOverPresent);
    if (t.returned > t.issued)
        out.push_back(TallyProblem::ReturnedOverIssued);
    if (t.valid + t.invalid != t.returned)
        out.push_back(TallyProblem::ValidInvalidSum);
    if (over || sum > t.valid * std::max<int64_t>(1, max_choices))
        out.push_back(TallyProblem::VotesOverChoices);
    return out;
}

TallyDraft DraftOf(const model::Ballot& b)
{
    TallyDraft t;
    t.ballot_id = b.id;
    t.members_present = b.members_present;
    t.issued = b.ballots_issued;
    t.returned = b.ballots_returned;
    t.valid = b.ballots_valid;
    t.invalid = b.ballots_invalid;
    for (const std::string& c : b.candidates)
    {
        int64_t v = 0;
        for (const model::VoteCount& vc : b.counts)
            if (vc.option == c)
                v = vc.votes;
        t.options.push_back(c);
        t.votes.push_back(v);
    }
    return t;
}

std::vector<edit::Change> TallyChanges(const std::string& file, const model::Ballot& b, const TallyDraft& t)
{
    std::vector<edit::Change> out;
    auto set = [&](const char* field, int64_t now, int64_t before) {
        if (now != before)
            out.push_back(edit::SetChange(file, b.id, field, now));
    };
    set("members_present", t.members_present, b.members_present);
    set("ballots_issued", t.issued, b.ballots_issued);
    set("ballots_returned", t.returned, b.ballots_returned);
    set("ballots_valid", t.valid, b.ballots_valid);
    set("ballots_invalid", t.invalid, b.ballots_invalid);
    nlohmann::json counts = nlohmann::json::array();
    for (size_t i = 0; i < t.options.size() && i < t.votes.size(); ++i)
        counts.push_back({{"option", t.options[i]}, {"votes", t.votes[i]}});
    TallyDraft before = DraftOf(b);
    if (before.votes != t.votes || b.counts.size() != t.options.size())
        out.push_back(edit::SetChange(file, b.id, "counts", counts));
    return out;
}

nlohmann::json NextRoundBallot(const model::Ballot& b, const std::vector<std::string>& candidates, const std::string& id)
{
    nlohmann::json counts = nlohmann::json::array();
    for (const std::string& c : candidates)
        counts.push_back({{"option", c}, {"votes", 0}});
    nlohmann::json out = {
        {"id", id},
        {"meeting_id", b.meeting_id},
        {"motion", b.motion},
        {"round", b.round + 1},
        {"previous_round_id", b.id},
        {"seats", b.seats},
        {"candidates", candidates},
        {"members_present", b.members_present},
        {"ballots_issued", 0},
        {"ballots_returned", 0},
        {"ballots_valid", 0},
        {"ballots_invalid", 0},
        {"counts", counts},
    };
    if (!b.counting_team_person_ids.empty())
        out["counting_team_person_ids"] = b.counting_team_person_ids;
    if (!b.counting_team_names.empty())
        out["counting_team_names"] = b.counting_team_names;
    return out;
}

std::vector<edit::Change> ProposalChanges(const model::Dataset& data, const std::string& results_file,
                                          const model::Results& results, const scoring::YearResult& result,
                                          const std::string& today, const std::string& reason)
{
    std::vector<edit::Change> out;
    auto live = [](const model::AwardProposal& p) { return p.ended.date.empty() && p.status != "rejected"; };
    auto following = [](const model::AwardProposal& p) { return p.status == "draft" || p.status == "agreed"; };
    // End what the rules no longer give.
    for (const model::AwardProposal& p : results.award_proposals)
    {
        if (!live(p) || !following(p))
            continue;
        const bool still = std::any_of(result.proposed_awards.begin(), result.proposed_awards.end(),
                                       [&](const scoring::ProposedAward& a) {
                                           return a.award_type == p.award_type && a.organization_id == p.organization_id;
                                       });
        if (!still)
            out.push_back(edit::SetChange(results_file, p.id, "ended", {{"date", today}, {"reason", reason}}));
    }
    // Add what the rules give and the list lacks.
    std::vector<std::string> taken;
    const std::string year = result.year_id.size() > 4 ? result.year_id.substr(result.year_id.size() - 4) : result.year_id;
    for (const scoring::ProposedAward& a : result.proposed_awards)
    {
        const bool have = std::any_of(results.award_proposals.begin(), results.award_proposals.end(),
                                      [&](const model::AwardProposal& p) {
                                          return live(p) && p.award_type == a.award_type && p.organization_id == a.organization_id;
                                      });
        if (have)
            continue;
        nlohmann::json record = {{"award_type", a.award_type}, {"organization_id", a.organization_id}, {"status", "draft"}};
        std::string basis = "rank";
        for (const model::YearFile& y : data.years)
            if (y.year.id == result.year_id)
                for (const model::AwardQuota& q : y.ruleset.award_quotas)
                    if (q.award_type == a.award_type)
                        basis = q.basis;
        record["basis"] = basis;
        if (basis == "ballot_winner")
            for (size_t i = 0; i < result.ballots.size(); ++i)
            {
                const scoring::BallotOutcome& o = result.ballots[i];
                if (std::find(o.winners.begin(), o.winners.end(), a.organization_id) != o.winners.end())
                    record["ballot_id"] = o.ballot_id;
            }
        for (const scoring::MemberResult& m : result.members)
            if (m.organization_id == a.organization_id && m.rank > 0)
                record["rank"] = m.rank;
        std::string id = edit::NewId(data, "prop." + ClusterStem(data) + "." + year, a.award_type + " " + a.organization_id);
        for (int k = 2; std::find(taken.begin(), taken.end(), id) != taken.end(); ++k) // NewId sees the dataset only
            id = edit::NewId(data, "prop." + ClusterStem(data) + "." + year, a.award_type + " " + a.organization_id + " " + std::to_string(k));
        taken.push_back(id);
        record["id"] = id;
        out.push_back(edit::AddChange(results_file, "/award_proposals", record));
    }
    return out;
}
} // namespace ui
