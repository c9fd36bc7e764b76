// The scoring, voting and award engine (see scoring.h). Integer hundredths throughout; every figure gets a
// Vietnamese explanation naming its inputs and the rule used. No I/O, no state.
#include "core/scoring/scoring.h"

#include "core/text/text.h"

#include <algorithm>
#include <map>

namespace scoring
{
using model::Points;

namespace
{
// ---- [SECTION] helpers -----------------------------------------------------------------------------------

// num / den rounded half away from zero (den > 0). 128-bit so point products never overflow.
Points RoundDiv(__int128 num, __int128 den)
{
    bool negative = num < 0;
    __int128 a = negative ? -num : num;
    __int128 q = (a + den / 2) / den;
    return static_cast<Points>(negative ? -q : q);
}

std::string P(Points v) { return text::FormatPoints(v); }

const model::Organization* FindOrg(const model::Dataset& ds, const std::string& id)
{
    for (const model::Organization& o : ds.organizations)
        if (o.id == id)
            return &o;
    return nullptr;
}

std::string OrgName(const model::Dataset& ds, const std::string& id)
{
    const model::Organization* o = FindOrg(ds, id);
    if (!o)
        return id;
    return o->short_name.empty() ? o->name : o->short_name;
}

// The award's name in the explanations ("bang_khen_bo_truong" -> "Bằng khen của Bộ trưởng"); the code when unknown.
std::string AwardName(const std::string& award_type)
{
    static const std::pair<const char*, const char*> kNames[] = {
        {"co_thi_dua_bo", "Cờ thi đua của Bộ"},
        {"bang_khen_bo_truong", "Bằng khen của Bộ trưởng"},
        {"co_thi_dua_chinh_phu", "Cờ thi đua của Chính phủ"},
        {"bang_khen_thu_tuong", "Bằng khen của Thủ tướng"},
    };
    for (const auto& [code, name] : kNames)
        if (award_type == code)
            return name;
    return award_type;
}

struct Tree // the criteria of a year in display order
{
    std::vector<const model::Criterion*> ordered;                    // depth-first
    std::map<std::string, std::vector<const model::Criterion*>> children; // parent id -> children
    std::map<std::string, const model::Criterion*> by_id;
};

Tree BuildTree(const std::vector<model::Criterion>& criteria)
{
    Tree t;
    for (const model::Criterion& c : criteria)
        t.by_id[c.id] = &c;
    for (const model::Criterion& c : criteria)
    {
        std::string parent = t.by_id.count(c.parent_id) ? c.parent_id : "";
        t.children[parent].push_back(&c);
    }
    for (auto& [parent, list] : t.children)
        std::stable_sort(list.begin(), list.end(), [](const model::Criterion* a, const model::Criterion* b) {
            return a->order < b->order;
        });
    // Depth-first; `seen` guards against cycles in broken data (the checker reports them).
    std::vector<std::string> seen;
    std::vector<const model::Criterion*> stack(t.children[""].rbegin(), t.children[""].rend());
    while (!stack.empty())
    {
        const model::Criterion* c = stack.back();
        stack.pop_back();
        if (std::find(seen.begin(), seen.end(), c->id) != seen.end())
            continue;
        seen.push_back(c->id);
        t.ordered.push_back(c);
        auto it = t.children.find(c->id);
        if (it != t.children.end())
            stack.insert(stack.end(), it->second.rbegin(), it->second.rend());
    }
    return t;
}

struct Input
{
    std::string scorer;
    Points value = 0;
};

// criterion id -> subject org id -> inputs, for one stage
using StageInputs = std::map<std::string, std::map<std::string, std::vector<Input>>>;
} // namespace

std::string StageName(const std::string& stage)
{
    if (stage == "self")
        return "tự chấm";
    if (stage == "cross")
        return "chấm chéo";
    if (stage == "review")
        return "thẩm định";
    if (stage == "final")
        return "thống nhất";
    return stage;
}

// ---- [SECTION] one criterion ---------------------------------------------------------------------------

Figure ScoreCriterion(const model::Criterion& c, const model::Score& input, Points leader_actual)
{
    Figure f;
    const Points m = c.max_points;
    const Points v = input.value;
    const std::string unit = c.unit.empty() ? "" : " " + c.unit;
    if (c.kind == "quantitative")
    {
        const Points t = c.target;
        if (t <= 0)
            return {0, "Định lượng: chưa có chỉ tiêu nên không tính điểm"};
        if (v < t)
        {
            f.value = RoundDiv(static_cast<__int128>(m) * v, static_cast<__int128>(2) * t);
            f.explanation = "Định lượng: đạt " + P(v) + unit + " so với chỉ tiêu " + P(t) + unit + ", dưới chỉ tiêu → " + P(m) +
                            " × 1/2 × " + P(v) + "/" + P(t) + " = " + P(f.value);
        }
        else if (v == t)
        {
            f.value = RoundDiv(m, 2);
            f.explanation = "Định lượng: đạt đúng chỉ tiêu " + P(t) + unit + " → " + P(m) + " × 1/2 = " + P(f.value);
        }
        else if (v >= leader_actual)
        {
            f.value = m;
            f.explanation = "Định lượng: đạt " + P(v) + unit + ", vượt chỉ tiêu " + P(t) + unit + " và dẫn đầu cụm → điểm tối đa " + P(m);
        }
        else
        {
            f.value = RoundDiv(m, 2) + RoundDiv(static_cast<__int128>(m) * (v - t), static_cast<__int128>(2) * (leader_actual - t));
            f.explanation = "Định lượng: đạt " + P(v) + unit + ", vượt chỉ tiêu " + P(t) + unit + "; đơn vị dẫn đầu đạt " +
                            P(leader_actual) + unit + " → " + P(m) + "/2 + " + P(m) + "/2 × (" + P(v) + " − " + P(t) + ")/(" +
                            P(leader_actual) + " − " + P(t) + ") = " + P(f.value);
        }
        f.value = std::min(std::max<Points>(f.value, 0), m);
        return f;
    }
    if (c.kind == "qualitative")
    {
        if (v >= 100)
            return {m, "Định tính: đạt → " + P(m)};
        return {0, "Định tính: không đạt → 0"};
    }
    const int64_t count = v / 100;
    const Points raw = count * c.points_per_unit;
    if (c.kind == "per_occurrence")
    {
        const Points cap = c.cap > 0 ? c.cap : m;
        f.value = std::min(raw, cap);
        f.explanation = "Chấm theo lần: " + std::to_string(count) + " lần × " + P(c.points_per_unit) + " = " + P(raw) +
                        (raw > cap ? ", vượt mức tối đa " + P(cap) + " → " + P(f.value) : "");
        return f;
    }
    if (c.kind == "bonus" || c.kind == "penalty")
    {
        f.value = c.cap > 0 ? std::min(raw, c.cap) : raw;
        f.explanation = std::string(c.kind == "bonus" ? "Điểm thưởng: " : "Điểm trừ: ") + std::to_string(count) + " lần × " +
                        P(c.points_per_unit) + " = " + P(raw) + (c.cap > 0 && raw > c.cap ? ", tối đa " + P(c.cap) + " → " + P(f.value) : "");
        return f;
    }
    if (c.kind == "manual")
    {
        f.value = std::min(std::max<Points>(v, 0), m);
        f.explanation = "Chấm trực tiếp: " + P(v) + (v > m ? ", vượt điểm tối đa → " + P(f.value) : "") + " (tối đa " + P(m) + ")";
        return f;
    }
    return {0, "Nhóm tiêu chí: điểm là tổng các tiêu chí con"};
}

Figure AggregateCross(const std::vector<Points>& values, bool drop_extremes)
{
    if (values.empty())
        return {0, "Chưa có điểm chấm chéo"};
    std::vector<Points> sorted = values;
    std::sort(sorted.begin(), sorted.end());
    std::string dropped;
    if (drop_extremes && sorted.size() >= 5)
    {
        dropped = ", bỏ điểm thấp nhất " + P(sorted.front()) + " và cao nhất " + P(sorted.back());
        sorted = std::vector<Points>(sorted.begin() + 1, sorted.end() - 1);
    }
    __int128 sum = 0;
    std::string list;
    for (Points v : values)
        list += (list.empty() ? "" : "; ") + P(v);
    for (Points v : sorted)
        sum += v;
    Figure f;
    f.value = RoundDiv(sum, static_cast<__int128>(sorted.size()));
    f.explanation = "Chấm chéo: " + std::to_string(values.size()) + " đơn vị chấm (" + list + ")" + dropped + "; trung bình " +
                    std::to_string(sorted.size()) + " điểm = " + P(f.value);
    return f;
}

// ---- [SECTION] ballots ------------------------------------------------------------------------------------

BallotOutcome EvaluateBallot(const model::Ballot& b, const model::VoteRules& rules, int64_t members_total,
                             const model::Dataset* names)
{
    auto name = [&](const std::string& option) { return names ? OrgName(*names, option) : option; };
    BallotOutcome out;
    out.ballot_id = b.id;
    out.members_total = members_total;
    const model::Fraction& q = rules.quorum;
    std::string round = "Vòng " + std::to_string(b.round) + ": ";
    if (q.den <= 0 || rules.threshold.den <= 0)
    {
        out.result = "fail";
        out.explanation = round + "quy tắc bỏ phiếu không hợp lệ (mẫu số bằng 0)";
        return out;
    }
    bool quorum_ok = q.strict ? b.members_present * q.den > q.num * members_total : b.members_present * q.den >= q.num * members_total;
    std::string quorum_text = std::to_string(b.members_present) + "/" + std::to_string(members_total) + " thành viên có mặt (cần " +
                              (q.strict ? "trên " : "ít nhất ") + std::to_string(q.num) + "/" + std::to_string(q.den) + ")";
    if (!quorum_ok)
    {
        out.result = "no_quorum";
        out.explanation = round + "không đủ số thành viên: " + quorum_text + "; kết quả không có giá trị";
        return out;
    }
    const std::string& base_kind = rules.threshold_base;
    out.base = base_kind == "members_present" ? b.members_present : base_kind == "ballots_valid" ? b.ballots_valid : members_total;
    const std::string base_text = base_kind == "members_present" ? "số thành viên có mặt"
                                  : base_kind == "ballots_valid" ? "số phiếu hợp lệ"
                                                                 : "tổng số thành viên";
    const model::Fraction& t = rules.threshold;
    out.votes_needed = t.strict ? (t.num * out.base) / t.den + 1 : (t.num * out.base + t.den - 1) / t.den;

    std::vector<model::VoteCount> counts = b.counts;
    for (const std::string& c : b.candidates) // candidates without a count have 0 votes
        if (std::none_of(counts.begin(), counts.end(), [&](const model::VoteCount& vc) { return vc.option == c; }))
            counts.push_back({c, 0});
    std::stable_sort(counts.begin(), counts.end(), [](const model::VoteCount& a, const model::VoteCount& b2) { return a.votes > b2.votes; });
    std::string tally;
    for (const model::VoteCount& vc : counts)
        tally += (tally.empty() ? "" : ", ") + name(vc.option) + ": " + std::to_string(vc.votes);
    std::string rule = "cần " + std::string(t.strict ? "trên " : "ít nhất ") + std::to_string(t.num) + "/" + std::to_string(t.den) + " " +
                       base_text + " (" + std::to_string(out.base) + ") = tối thiểu " + std::to_string(out.votes_needed) + " phiếu";

    std::vector<model::VoteCount> qualified;
    for (const model::VoteCount& vc : counts)
        if (vc.votes >= out.votes_needed)
            qualified.push_back(vc);
    const size_t seats = static_cast<size_t>(std::max(1, b.seats));
    bool can_repeat = b.round < rules.max_rounds;
    if (qualified.empty())
    {
        out.result = "fail";
        for (const model::VoteCount& vc : counts)
            if (vc.votes > 0)
                out.next_round_candidates.push_back(vc.option);
        out.another_round = can_repeat;
        out.explanation = round + quorum_text + "; " + tally + "; không đơn vị nào đạt ngưỡng: " + rule +
                          (can_repeat ? "; bỏ phiếu vòng tiếp theo" : "; đã hết số vòng cho phép");
        return out;
    }
    if (qualified.size() > seats && qualified[seats - 1].votes == qualified[seats].votes)
    {
        const int64_t tied_votes = qualified[seats - 1].votes;
        for (const model::VoteCount& vc : qualified)
        {
            if (vc.votes > tied_votes)
                out.winners.push_back(vc.option);
            else if (vc.votes == tied_votes)
                out.next_round_candidates.push_back(vc.option);
        }
        out.result = "tie";
        out.another_round = can_repeat;
        out.explanation = round + quorum_text + "; " + tally + "; " + std::to_string(out.next_round_candidates.size()) +
                          " đơn vị bằng phiếu (" + std::to_string(tied_votes) + " phiếu) cho " +
                          std::to_string(seats - out.winners.size()) + " vị trí" +
                          (can_repeat ? " → bỏ phiếu lại giữa các đơn vị bằng phiếu" : "; đã hết số vòng cho phép");
        return out;
    }
    for (size_t i = 0; i < qualified.size() && i < seats; ++i)
        out.winners.push_back(qualified[i].option);
    out.result = "pass";
    std::string winners;
    for (const std::string& w : out.winners)
        winners += (winners.empty() ? "" : ", ") + name(w);
    out.explanation = round + quorum_text + "; " + tally + "; " + rule + " → trúng: " + winners;
    return out;
}

// ---- [SECTION] the year ----------------------------------------------------------------------------------

std::vector<std::string> MembersOfYear(const model::Dataset& ds, int32_t year)
{
    std::vector<std::string> out;
    for (const model::ClusterMembership& m : ds.cluster.memberships)
        if (m.start_year <= year && (m.end_year == 0 || year <= m.end_year) &&
            std::find(out.begin(), out.end(), m.organization_id) == out.end())
            out.push_back(m.organization_id);
    return out;
}

const model::Organization* ParentBodyOn(const model::Dataset& ds, const std::string& date)
{
    const model::Organization* org = FindOrg(ds, ds.cluster.cluster.organization_id);
    const model::Organization* parent = org ? FindOrg(ds, org->parent_id) : nullptr;
    for (size_t hops = 0; parent && hops < ds.organizations.size(); ++hops) // a successor cycle in bad data ends here
    {
        if (parent->dissolution_date.empty() || date.empty() || !(parent->dissolution_date < date) ||
            parent->successor_ids.empty())
            break;
        const model::Organization* next = FindOrg(ds, parent->successor_ids.front());
        if (!next)
            break;
        parent = next;
    }
    return parent;
}

std::string ClusterNameIn(const model::Dataset& ds, int32_t year)
{
    std::string name = ds.cluster.cluster.name.empty() ? ds.package.title : ds.cluster.cluster.name;
    const model::Organization* parent = ParentBodyOn(ds, ""); // no date: the parent as recorded
    if (year <= 0 || !parent)
        return name;
    const model::Organization* body = ParentBodyOn(ds, std::to_string(year) + "-12-31");
    if (body == parent)
        return name;
    for (const auto& [from, to] : {std::pair{parent->name, body->name}, std::pair{parent->short_name, body->short_name}})
    {
        const size_t at = from.empty() || to.empty() ? std::string::npos : name.find(from);
        if (at != std::string::npos)
            return name.replace(at, from.size(), to);
    }
    return name;
}

namespace
{
StageTotal ComputeStage(const std::string& stage, const std::string& subject, const Tree& tree, const StageInputs& inputs,
                        const std::map<std::string, std::map<std::string, Points>>& leaders, const model::Ruleset& rules)
{
    StageTotal st;
    st.stage = stage;
    std::map<std::string, Points> value; // criterion id -> score
    // Leaves first (in tree order), then groups bottom-up.
    for (const model::Criterion* c : tree.ordered)
    {
        CriterionResult cr;
        cr.criterion_id = c->id;
        if (c->kind != "group")
        {
            std::vector<Figure> per_scorer;
            auto ci = inputs.find(c->id);
            if (ci != inputs.end())
            {
                auto si = ci->second.find(subject);
                if (si != ci->second.end())
                    for (const Input& in : si->second)
                    {
                        if (stage == "cross" && in.scorer == subject)
                            continue; // members never cross-score themselves (the checker reports it)
                        model::Score s;
                        s.value = in.value;
                        Points leader = 0;
                        auto li = leaders.find(c->id);
                        if (li != leaders.end())
                        {
                            auto lj = li->second.find(stage == "self" ? std::string() : in.scorer);
                            if (lj != li->second.end())
                                leader = lj->second;
                        }
                        per_scorer.push_back(ScoreCriterion(*c, s, leader));
                    }
            }
            cr.scorers = static_cast<int32_t>(per_scorer.size());
            if (per_scorer.empty())
            {
                cr.missing = true;
                cr.score = {0, "Chưa có điểm ở bước này → tính 0"};
            }
            else if (stage == "cross")
            {
                std::vector<Points> values;
                for (const Figure& f : per_scorer)
                    values.push_back(f.value);
                cr.score = AggregateCross(values, rules.cross_drop_extremes);
                if (per_scorer.size() == 1)
                    cr.score.explanation = per_scorer[0].explanation;
            }
            else
                cr.score = per_scorer.front();
            if (!cr.missing)
                st.has_scores = true;
            value[c->id] = cr.score.value;
        }
        st.criteria.push_back(cr);
    }
    // Groups: deepest first (reverse depth-first order visits children before parents).
    for (auto it = tree.ordered.rbegin(); it != tree.ordered.rend(); ++it)
    {
        const model::Criterion* c = *it;
        if (c->kind != "group")
            continue;
        Points sum = 0;
        std::string parts;
        auto ch = tree.children.find(c->id);
        if (ch != tree.children.end())
            for (const model::Criterion* k : ch->second)
            {
                if (k->kind == "bonus" || k->kind == "penalty")
                    continue;
                sum += value[k->id];
                parts += (parts.empty() ? "" : " + ") + P(value[k->id]);
            }
        Points v = std::min(sum, c->max_points);
        value[c->id] = v;
        for (CriterionResult& cr : st.criteria)
            if (cr.criterion_id == c->id)
                cr.score = {v, "Nhóm " + c->code + ": " + (parts.empty() ? "0" : parts) + " = " + P(sum) +
                                   (sum > c->max_points ? ", vượt tối đa " + P(c->max_points) + " → " + P(v) : " (tối đa " + P(c->max_points) + ")")};
    }
    Points bonus = 0, penalty = 0;
    std::string base_parts;
    auto top = tree.children.find("");
    if (top != tree.children.end())
        for (const model::Criterion* c : top->second)
        {
            if (c->kind == "bonus")
                bonus += value[c->id];
            else if (c->kind == "penalty")
                penalty += value[c->id];
            else
            {
                st.base.value += value[c->id];
                base_parts += (base_parts.empty() ? "" : " + ") + c->code + " " + P(value[c->id]);
            }
        }
    st.base.explanation = "Điểm các nhóm: " + (base_parts.empty() ? "0" : base_parts) + " = " + P(st.base.value);
    st.bonus.value = rules.bonus_cap > 0 ? std::min(bonus, rules.bonus_cap) : bonus;
    st.bonus.explanation = "Điểm thưởng " + P(bonus) + (rules.bonus_cap > 0 ? (bonus > rules.bonus_cap ? ", vượt mức tối đa " : ", tối đa ") + P(rules.bonus_cap) : "") +
                           " → " + P(st.bonus.value);
    st.penalty = {penalty, "Điểm trừ " + P(penalty)};
    st.total.value = st.base.value + st.bonus.value - st.penalty.value;
    st.total.explanation = "Tổng = " + P(st.base.value) + " + thưởng " + P(st.bonus.value) + " − trừ " + P(st.penalty.value) + " = " +
                           P(st.total.value);
    return st;
}

// The number a tie-break rule compares (higher is better); false when the rule cannot be computed.
bool TieKey(const std::string& rule, const MemberResult& m, size_t ranking_index, Points* key)
{
    const StageTotal& st = m.stages[ranking_index];
    if (rule.rfind("group:", 0) == 0)
    {
        for (const CriterionResult& cr : st.criteria)
            if (cr.criterion_id == rule.substr(6))
            {
                *key = cr.score.value;
                return true;
            }
        return false;
    }
    if (rule == "bonus")
        return *key = st.bonus.value, true;
    if (rule == "penalty")
        return *key = -st.penalty.value, true;
    if (rule == "self_total")
        return *key = m.stages[0].total.value, true;
    return false; // revote, conference: decided by people, not by the numbers
}

std::string RuleName(const std::string& rule, const Tree& tree)
{
    if (rule.rfind("group:", 0) == 0)
    {
        auto it = tree.by_id.find(rule.substr(6));
        return it != tree.by_id.end() ? "điểm nhóm " + it->second->code + " cao hơn" : rule;
    }
    if (rule == "bonus")
        return "điểm thưởng cao hơn";
    if (rule == "penalty")
        return "điểm trừ ít hơn";
    if (rule == "self_total")
        return "điểm tự chấm cao hơn";
    if (rule == "revote")
        return "bỏ phiếu lại giữa các đơn vị bằng điểm";
    if (rule == "conference")
        return "hội nghị quyết định";
    return rule;
}

// Orders `group` (indices into members, all with equal totals) by the tie-break rules from `r` on.
// Sets tie_broken_by; returns the still-tied runs as [begin, end) pairs.
void BreakTies(std::vector<MemberResult>& members, std::vector<size_t>& group, size_t r, const std::vector<std::string>& order,
               size_t ranking_index, std::vector<std::vector<size_t>>* unresolved, std::vector<std::string>* rule_used)
{
    if (group.size() < 2)
        return;
    for (; r < order.size(); ++r)
    {
        Points probe = 0;
        if (!TieKey(order[r], members[group[0]], ranking_index, &probe))
        {
            if (order[r] == "revote" || order[r] == "conference")
                break;
            continue; // a rule that cannot be computed (unknown criterion): try the next
        }
        std::map<size_t, Points> keys;
        for (size_t i : group)
            TieKey(order[r], members[i], ranking_index, &keys[i]);
        std::stable_sort(group.begin(), group.end(), [&](size_t a, size_t b) { return keys[a] > keys[b]; });
        bool all_equal = keys[group.front()] == keys[group.back()];
        if (all_equal)
            continue;
        rule_used->push_back(order[r]);
        // Split into runs of equal key; each run may need the next rules.
        size_t start = 0;
        for (size_t i = 1; i <= group.size(); ++i)
            if (i == group.size() || keys[group[i]] != keys[group[start]])
            {
                std::vector<size_t> run(group.begin() + static_cast<std::ptrdiff_t>(start), group.begin() + static_cast<std::ptrdiff_t>(i));
                for (size_t k : run)
                    members[k].tie_broken_by = order[r];
                BreakTies(members, run, r + 1, order, ranking_index, unresolved, rule_used);
                std::copy(run.begin(), run.end(), group.begin() + static_cast<std::ptrdiff_t>(start));
                start = i;
            }
        return;
    }
    unresolved->push_back(group);
    for (size_t k : group)
        members[k].tie_broken_by = "";
}
} // namespace

YearResult ComputeYear(const model::Dataset& ds, const std::string& year_id)
{
    YearResult out;
    out.year_id = year_id;
    const model::YearFile* yf = nullptr;
    for (const model::YearFile& y : ds.years)
        if (y.year.id == year_id)
            yf = &y;
    if (!yf)
        return out;
    out.found = true;
    const model::Ruleset& rules = yf->ruleset;
    out.member_ids = MembersOfYear(ds, yf->year.year);
    Tree tree = BuildTree(yf->criteria);
    const std::string second = rules.second_stage == "review" ? "review" : "cross";
    const std::vector<std::string> stages = {"self", second, "final"};

    // Inputs per stage, and the highest `actual` of each quantitative criterion per (stage, scorer).
    std::map<std::string, StageInputs> inputs;
    std::map<std::string, std::map<std::string, std::map<std::string, Points>>> leaders; // stage -> criterion -> scorer -> max
    auto add = [&](const model::Score& s) {
        inputs[s.stage][s.criterion_id][s.subject_org_id].push_back({s.scorer_org_id, s.value});
        auto c = tree.by_id.find(s.criterion_id);
        if (c != tree.by_id.end() && c->second->kind == "quantitative")
        {
            Points& lead = leaders[s.stage][s.criterion_id][s.stage == "self" ? std::string() : s.scorer_org_id];
            lead = std::max(lead, s.value);
        }
    };
    for (const model::SelfAssessment& sa : ds.self_assessments)
        if (sa.year_id == year_id)
            for (const model::Score& s : sa.scores)
                if (s.stage == "self" && s.subject_org_id == sa.organization_id)
                    add(s);
    const model::Results* results = nullptr;
    for (const model::Results& r : ds.results)
        if (r.year_id == year_id)
            results = &r;
    if (results)
        for (const model::Score& s : results->scores)
            if (s.stage != "self")
                add(s);

    for (const std::string& org : out.member_ids)
    {
        MemberResult m;
        m.organization_id = org;
        for (const std::string& stage : stages)
            m.stages.push_back(ComputeStage(stage, org, tree, inputs[stage], leaders[stage], rules));
        out.members.push_back(std::move(m));
    }
    size_t ranking_index = 0;
    for (size_t i = stages.size(); i-- > 0;)
        if (std::any_of(out.members.begin(), out.members.end(), [&](const MemberResult& m) { return m.stages[i].has_scores; }))
        {
            ranking_index = i;
            break;
        }
    out.ranking_stage = stages[ranking_index];

    // ---- ranking with tie-breaks: only the units with scores at the ranking stage (a unit that has entered nothing
    // yet is not last with 0 points, nor tied with the others who have entered nothing)
    for (MemberResult& m : out.members)
        m.ranking_total = m.stages[ranking_index].total;
    std::vector<size_t> order, unranked;
    for (size_t i = 0; i < out.members.size(); ++i)
        (out.members[i].stages[ranking_index].has_scores ? order : unranked).push_back(i);
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        return out.members[a].ranking_total.value > out.members[b].ranking_total.value;
    });
    std::vector<std::vector<size_t>> unresolved;
    for (size_t start = 0; start < order.size();)
    {
        size_t end = start + 1;
        while (end < order.size() && out.members[order[end]].ranking_total.value == out.members[order[start]].ranking_total.value)
            ++end;
        if (end - start > 1)
        {
            std::vector<size_t> group(order.begin() + static_cast<std::ptrdiff_t>(start), order.begin() + static_cast<std::ptrdiff_t>(end));
            std::vector<std::string> used;
            size_t before = unresolved.size();
            BreakTies(out.members, group, 0, rules.tie_break_order, ranking_index, &unresolved, &used);
            std::copy(group.begin(), group.end(), order.begin() + static_cast<std::ptrdiff_t>(start));
            Tie tie;
            tie.total = out.members[group[0]].ranking_total.value;
            for (size_t k : group)
                tie.organization_ids.push_back(out.members[k].organization_id);
            tie.resolved = unresolved.size() == before;
            std::string rules_text;
            for (const std::string& r : used)
                rules_text += (rules_text.empty() ? "" : ", rồi ") + RuleName(r, tree);
            tie.broken_by = used.empty() ? "" : used.front();
            std::string still_rule;
            for (const std::string& r : rules.tie_break_order)
                if (r == "revote" || r == "conference")
                {
                    still_rule = RuleName(r, tree);
                    break;
                }
            tie.explanation = std::to_string(group.size()) + " đơn vị bằng " + P(tie.total) + " điểm; " +
                              (used.empty() ? std::string("không tiêu chí phụ nào phân định được") : "phân định theo " + rules_text) +
                              (tie.resolved ? "" : "; còn bằng nhau → " + (still_rule.empty() ? std::string("cần hội nghị quyết định") : still_rule));
            out.ties.push_back(tie);
        }
        start = end;
    }
    std::vector<MemberResult> ranked;
    for (size_t pos = 0; pos < order.size(); ++pos)
    {
        MemberResult m = out.members[order[pos]];
        bool tied_with_previous = false;
        if (pos > 0)
            for (const std::vector<size_t>& u : unresolved)
                if (std::find(u.begin(), u.end(), order[pos]) != u.end() && std::find(u.begin(), u.end(), order[pos - 1]) != u.end())
                    tied_with_previous = true;
        m.rank = tied_with_previous ? ranked.back().rank : static_cast<int32_t>(pos + 1);
        m.rank_explanation = "Xếp thứ " + std::to_string(m.rank) + " theo tổng điểm " + StageName(out.ranking_stage) + " " +
                             P(m.ranking_total.value);
        if (!m.tie_broken_by.empty())
        {
            m.tie_broken_by_name = RuleName(m.tie_broken_by, tree);
            m.rank_explanation += "; bằng điểm với đơn vị khác, phân định theo " + m.tie_broken_by_name;
        }
        else if (tied_with_previous || (pos + 1 < order.size() && m.ranking_total.value == out.members[order[pos + 1]].ranking_total.value &&
                                        std::any_of(unresolved.begin(), unresolved.end(), [&](const std::vector<size_t>& u) {
                                            return std::find(u.begin(), u.end(), order[pos]) != u.end();
                                        })))
            m.rank_explanation += "; đồng hạng, chưa phân định được";
        // rating band: the highest band whose minimum the total reaches
        const model::RatingBand* band = nullptr;
        for (const model::RatingBand& b : rules.rating_bands)
            if (m.ranking_total.value >= b.min && (!band || b.min > band->min))
                band = &b;
        if (band)
        {
            m.rating_id = band->id;
            m.rating_label = band->label;
            m.rating_explanation = "Đạt mức “" + band->label + "” vì " + P(m.ranking_total.value) + " ≥ " + P(band->min);
        }
        else
            m.rating_explanation = "Chưa đạt mức xếp loại nào (" + P(m.ranking_total.value) + " điểm)";
        ranked.push_back(std::move(m));
    }
    for (size_t i : unranked)
    {
        MemberResult m = out.members[i];
        m.rank_explanation = "Chưa có điểm " + StageName(out.ranking_stage) + " nên chưa xếp hạng";
        m.rating_explanation = "Chưa có điểm nên chưa xếp loại";
        ranked.push_back(std::move(m));
    }
    out.unranked = static_cast<int32_t>(unranked.size());
    out.members = std::move(ranked);

    // ---- ballots
    if (results)
        for (const model::Ballot& b : results->ballots)
            out.ballots.push_back(EvaluateBallot(b, rules.vote_rules, static_cast<int64_t>(out.member_ids.size()), &ds));

    // ---- award proposals within the quotas
    auto band_min = [&](const std::string& band_id, Points* min) {
        for (const model::RatingBand& b : rules.rating_bands)
            if (b.id == band_id)
                return *min = b.min, true;
        return false;
    };
    std::vector<std::string> proposed;
    for (const model::AwardQuota& q : rules.award_quotas)
    {
        Points need = 0;
        bool has_need = !q.min_rating.empty() && band_min(q.min_rating, &need);
        auto rating_ok = [&](const std::string& org, std::string* why) {
            for (const MemberResult& m : out.members)
                if (m.organization_id == org)
                {
                    if (m.rank == 0)
                    {
                        *why = "chưa có điểm " + StageName(out.ranking_stage);
                        return false;
                    }
                    if (has_need && m.ranking_total.value < need)
                    {
                        *why = "tổng điểm " + P(m.ranking_total.value) + " dưới mức yêu cầu " + P(need);
                        return false;
                    }
                    *why = "xếp thứ " + std::to_string(m.rank) + ", " + P(m.ranking_total.value) + " điểm" +
                           (m.rating_label.empty() ? "" : ", " + m.rating_label);
                    return true;
                }
            *why = "không phải thành viên của cụm năm này";
            return false;
        };
        int32_t count = 0;
        if (q.basis == "ballot_winner")
        {
            if (!results)
                continue;
            for (size_t i = 0; i < results->ballots.size() && i < out.ballots.size(); ++i)
            {
                if (results->ballots[i].motion != "honour_leader" || out.ballots[i].result != "pass")
                    continue;
                for (const std::string& w : out.ballots[i].winners)
                {
                    std::string why;
                    if (count >= q.max_count || std::find(proposed.begin(), proposed.end(), w) != proposed.end())
                        continue;
                    if (!rating_ok(w, &why))
                    {
                        out.notes.push_back(OrgName(ds, w) + " được suy tôn nhưng " + why + ", nên không đề nghị " + AwardName(q.award_type));
                        continue;
                    }
                    out.proposed_awards.push_back({q.award_type, w, "Được suy tôn dẫn đầu cụm (vòng " +
                                                              std::to_string(results->ballots[i].round) + "); " + why});
                    proposed.push_back(w);
                    ++count;
                }
            }
        }
        else
        {
            for (const MemberResult& m : out.members)
            {
                if (count >= q.max_count)
                    break;
                if (std::find(proposed.begin(), proposed.end(), m.organization_id) != proposed.end())
                    continue;
                std::string why;
                if (!rating_ok(m.organization_id, &why))
                    continue;
                bool boundary_tie = false;
                for (const MemberResult& other : out.members)
                    if (&other != &m && other.rank == m.rank &&
                        std::find(proposed.begin(), proposed.end(), other.organization_id) == proposed.end())
                        boundary_tie = true;
                if (boundary_tie && count + 1 == q.max_count)
                    out.notes.push_back("Đồng hạng " + std::to_string(m.rank) + " ở vị trí cuối của chỉ tiêu " + AwardName(q.award_type) +
                                        "; cần phân định trước khi đề nghị");
                out.proposed_awards.push_back({q.award_type, m.organization_id, "Trong chỉ tiêu " + std::to_string(q.max_count) + " " +
                                                                                     AwardName(q.award_type) + " theo thứ hạng; " + why});
                proposed.push_back(m.organization_id);
                ++count;
            }
        }
    }
    if (results)
        for (const ProposedAward& p : out.proposed_awards)
            if (std::none_of(results->award_proposals.begin(), results->award_proposals.end(), [&](const model::AwardProposal& a) {
                    return a.award_type == p.award_type && a.organization_id == p.organization_id && a.status != "rejected";
                }))
                out.notes.push_back("Theo quy tắc, " + OrgName(ds, p.organization_id) + " đủ điều kiện đề nghị " + AwardName(p.award_type) +
                                    " nhưng chưa có trong danh sách đề nghị");
    return out;
}
} // namespace scoring
