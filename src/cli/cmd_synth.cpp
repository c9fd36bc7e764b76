// `thidua synth --members N --criteria M --years Y --seed S OUT`: writes a valid synthetic dataset of any size
// (for tests and benchmarks). Builds model structs and writes them with io::WriteFile; every file is synthetic.
#include "cli/commands.h"

#include "core/io/dataset.h"
#include "core/scoring/scoring.h"
#include "server/location.h"

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>

namespace fs = std::filesystem;

namespace
{
struct Rng // splitmix64: the same seed gives the same dataset everywhere
{
    uint64_t state;
    uint64_t Next()
    {
        uint64_t z = (state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    int64_t Range(int64_t lo, int64_t hi) { return lo + static_cast<int64_t>(Next() % static_cast<uint64_t>(hi - lo + 1)); }
};

std::string Num(int64_t i, int width = 4)
{
    std::string s = std::to_string(i);
    return std::string(s.size() < static_cast<size_t>(width) ? static_cast<size_t>(width) - s.size() : 0, '0') + s;
}

void AddFile(model::Dataset& ds, const std::string& path, model::FileKind kind, int32_t index, const std::string& writer = "secretariat")
{
    model::FileInfo f;
    f.path = path;
    f.format = io::FormatName(kind);
    f.kind = kind;
    f.schema_version = model::kSchemaVersion;
    f.synthetic = true;
    f.loaded = true;
    f.writer = writer;
    f.index = index;
    ds.files.push_back(f);
    ds.package.resources.push_back({path, f.format, model::kSchemaVersion, writer});
}

model::Score MakeScore(const std::string& id, const std::string& crit, const std::string& subject, const std::string& scorer,
                       const std::string& stage, model::Points value)
{
    model::Score s;
    s.id = id;
    s.criterion_id = crit;
    s.subject_org_id = subject;
    s.scorer_org_id = scorer;
    s.stage = stage;
    s.value = value;
    return s;
}

int Usage()
{
    std::fprintf(stderr, "usage: thidua synth --members N --criteria M --years Y --seed S [--s3-endpoint URL] OUT\n"
                         "  writes a valid synthetic dataset (every file \"synthetic\": true) into the folder OUT, or\n"
                         "  into a bucket: OUT = s3://BUCKET/PREFIX with --s3-endpoint (keys as for thidua serve)\n"
                         "  N: 2-2000 member units, M: 4-2000 scored criteria, Y: 1-50 years from 2021\n");
    return 2;
}
} // namespace

int cli::RunSynth(int argc, char** argv)
{
    int64_t members = 10, criteria = 10, years = 1;
    uint64_t seed = 1;
    std::string out;
    server::StoreOptions store;
    for (int i = 1; i < argc; ++i)
    {
        std::string a = argv[i];
        if (a == "--s3-endpoint" && i + 1 < argc)
        {
            store.s3_endpoint = argv[++i];
            continue;
        }
        auto value = [&](int64_t* v) {
            if (i + 1 >= argc)
                return false;
            char* end = nullptr;
            *v = std::strtoll(argv[++i], &end, 10);
            return end && *end == '\0';
        };
        int64_t s = 0;
        if (a == "--members" ? !value(&members) : a == "--criteria" ? !value(&criteria) : a == "--years" ? !value(&years)
                             : a == "--seed" ? !(value(&s) && (seed = static_cast<uint64_t>(s), true)) : false)
            return Usage();
        if (a == "--help" || a == "-h")
            return Usage(), 0;
        if (a.rfind("--", 0) == 0 && a != "--members" && a != "--criteria" && a != "--years" && a != "--seed")
            return Usage();
        if (a.rfind("--", 0) != 0)
        {
            if (!out.empty())
                return Usage();
            out = a;
        }
    }
    if (out.empty() || members < 2 || members > 2000 || criteria < 4 || criteria > 2000 || years < 1 || years > 50)
        return Usage();

    Rng rng{seed};
    model::Dataset ds;
    ds.package.name = "synthetic";
    ds.package.title = "Dữ liệu tổng hợp: " + std::to_string(members) + " đơn vị, " + std::to_string(criteria) + " tiêu chí, " +
                       std::to_string(years) + " năm (seed " + std::to_string(seed) + ")";

    // ---- registry and cluster
    ds.organizations.push_back({"org.bo", 1, true, "Bộ Tổng hợp", "Bộ TH", "ministry", "", "", "", "", {}, {}, {}, {}, "", {}});
    ds.organizations.push_back({"org.cum", 1, true, "Cụm thi đua tổng hợp", "Cụm TH", "emulation_cluster", "org.bo", "", "", "", {}, {}, {}, {}, "", {}});
    std::vector<std::string> units;
    for (int64_t i = 1; i <= members; ++i)
    {
        std::string n = Num(i);
        units.push_back("org.unit." + n);
        ds.areas.push_back({"area.synth." + n, 1, true, "Tỉnh Tổng hợp " + n, "province", std::to_string(1000 + i), "", "", {}, {}});
        ds.organizations.push_back({units.back(), 1, true, "Sở Tài nguyên và Môi trường tỉnh Tổng hợp " + n, "Sở TN&MT Tổng hợp " + n,
                                    "provincial_dept", "", "area.synth." + n, "", "", {}, {}, {}, {}, "", {}});
        model::Person p;
        p.id = "per.synth." + n;
        p.synthetic = true;
        p.name = "Nguyễn Văn Tổng Hợp " + n;
        p.posts.push_back({"post.synth." + n, units.back(), "Giám đốc", "", "", "", {}});
        const std::string digits = std::to_string(10000000 + i).substr(1);
        p.contact_details = {{"phone", "Văn phòng Sở", "024 3" + digits, false},
                             {"mobile", "", "091" + digits, true}};
        ds.people.push_back(p);
    }
    ds.cluster.cluster = {"cluster.synth", 1, "org.cum", "Cụm thi đua tổng hợp", "", {}};
    for (const std::string& u : units)
    {
        model::ClusterMembership m;
        m.id = "mem." + u;
        m.synthetic = true;
        m.organization_id = u;
        m.start_year = 2021;
        ds.cluster.memberships.push_back(m);
    }

    AddFile(ds, "registry/organizations.json", model::FileKind::Organizations, 0);
    AddFile(ds, "registry/areas.json", model::FileKind::Areas, 0);
    AddFile(ds, "registry/people.json", model::FileKind::People, 0);
    AddFile(ds, "cluster.json", model::FileKind::Cluster, 0);

    static const char* kKinds[] = {"quantitative", "manual", "qualitative", "per_occurrence"};
    for (int64_t yi = 0; yi < years; ++yi)
    {
        const int32_t year = static_cast<int32_t>(2021 + yi);
        const std::string ys = std::to_string(year);
        const std::string year_id = "year.synth." + ys;
        const std::string chair = units[static_cast<size_t>(yi) % units.size()];
        const std::string deputy = units[static_cast<size_t>(yi + 1) % units.size()];
        ds.cluster.rotations.push_back({"rot.synth." + ys, 1, true, year, chair, deputy, "", {}});

        model::YearFile yf;
        yf.year = {year_id, 1, "cluster.synth", year, "Chủ đề thi đua năm " + ys, "", chair, deputy, "closed", {}, {}};
        if (yi + 1 == years) // the newest year is in progress: its self-assessment is open
        {
            yf.year.status = "active";
            yf.year.phases.push_back({"phase.synth." + ys + ".self", "self_assessment", "open", ys + "-10-01", ys + "-11-30"});
        }
        model::Ruleset& r = yf.ruleset;
        r.id = "ruleset.synth." + ys;
        r.legal_basis = {"Quy chế tổng hợp (dữ liệu minh họa)"};
        r.cross_drop_extremes = true;
        r.bonus_cap = 500;
        r.rating_bands = {{"band.a." + ys, 9000, "Hoàn thành xuất sắc nhiệm vụ"}, {"band.b." + ys, 7000, "Hoàn thành tốt nhiệm vụ"},
                          {"band.c." + ys, 5000, "Hoàn thành nhiệm vụ"}, {"band.d." + ys, -100000, "Không hoàn thành nhiệm vụ"}};
        r.award_quotas = {{"quota.co." + ys, "co_thi_dua_bo", 1, "band.b." + ys, "ballot_winner"},
                          {"quota.bk." + ys, "bang_khen_bo_truong", 2, "band.b." + ys, "rank"}};
        // criteria: groups of up to 5 scored leaves, one bonus and one penalty; group maxima add up to 100 points
        const int64_t leaves = criteria - 2;
        const int64_t groups = (leaves + 4) / 5;
        std::vector<model::Criterion> leaf_list;
        for (int64_t g = 0; g < groups; ++g)
        {
            model::Criterion grp;
            grp.id = "crit.synth." + ys + ".g" + Num(g + 1);
            grp.code = std::to_string(g + 1);
            grp.title = "Nhóm tiêu chí " + grp.code;
            grp.kind = "group";
            grp.order = static_cast<int32_t>(g + 1);
            int64_t in_group = std::min<int64_t>(5, leaves - g * 5);
            grp.max_points = 10000 / groups;
            yf.criteria.push_back(grp);
            for (int64_t k = 0; k < in_group; ++k)
            {
                model::Criterion c;
                c.id = grp.id + "." + Num(k + 1, 1);
                c.parent_id = grp.id;
                c.code = grp.code + "." + std::to_string(k + 1);
                c.title = "Tiêu chí " + c.code + ": kết quả thực hiện nhiệm vụ";
                c.kind = kKinds[(g + k) % 4];
                c.max_points = grp.max_points / in_group;
                c.order = static_cast<int32_t>(k + 1);
                if (c.kind == std::string("quantitative"))
                {
                    c.target = 9000;
                    c.unit = "%";
                }
                if (c.kind == std::string("per_occurrence"))
                    c.points_per_unit = std::max<model::Points>(1, c.max_points / 4);
                yf.criteria.push_back(c);
                leaf_list.push_back(c);
            }
        }
        model::Criterion bonus, penalty;
        bonus.id = "crit.synth." + ys + ".bonus";
        bonus.code = "T";
        bonus.title = "Điểm thưởng";
        bonus.kind = "bonus";
        bonus.points_per_unit = 100;
        bonus.cap = 500;
        bonus.order = static_cast<int32_t>(groups + 1);
        penalty = bonus;
        penalty.id = "crit.synth." + ys + ".penalty";
        penalty.code = "P";
        penalty.title = "Điểm trừ";
        penalty.kind = "penalty";
        penalty.cap = 0;
        penalty.points_per_unit = 200;
        penalty.order = static_cast<int32_t>(groups + 2);
        yf.criteria.push_back(bonus);
        yf.criteria.push_back(penalty);
        leaf_list.push_back(bonus);
        leaf_list.push_back(penalty);
        r.tie_break_order = {"group:" + yf.criteria[0].id, "bonus", "penalty", "revote"};
        ds.years.push_back(yf);
        AddFile(ds, "years/" + ys + "/year.json", model::FileKind::Year, static_cast<int32_t>(ds.years.size() - 1));

        // true values per unit and criterion
        auto draw = [&](const model::Criterion& c) -> model::Points {
            if (c.kind == "quantitative")
                return rng.Range(7000, 10000);
            if (c.kind == "manual")
                return rng.Range(c.max_points / 2, c.max_points);
            if (c.kind == "qualitative")
                return rng.Range(0, 9) < 8 ? 100 : 0;
            if (c.kind == "per_occurrence")
                return rng.Range(0, 5) * 100;
            if (c.kind == "bonus")
                return rng.Range(0, 3) * 100;
            return rng.Range(0, 4) == 0 ? 100 : 0;
        };
        std::vector<std::vector<model::Points>> truth(units.size());
        for (size_t u = 0; u < units.size(); ++u)
            for (const model::Criterion& c : leaf_list)
                truth[u].push_back(draw(c));

        model::Results res;
        res.year_id = year_id;
        for (size_t u = 0; u < units.size(); ++u)
        {
            model::SelfAssessment sa;
            sa.year_id = year_id;
            sa.organization_id = units[u];
            sa.report = "Báo cáo tự chấm điểm (dữ liệu tổng hợp)";
            for (size_t k = 0; k < leaf_list.size(); ++k)
                sa.scores.push_back(MakeScore("score." + ys + ".self." + Num(static_cast<int64_t>(u)) + "." + Num(static_cast<int64_t>(k)),
                                              leaf_list[k].id, units[u], units[u], "self", truth[u][k]));
            ds.self_assessments.push_back(sa);
            AddFile(ds, "years/" + ys + "/self/" + units[u] + ".json", model::FileKind::SelfAssessment,
                    static_cast<int32_t>(ds.self_assessments.size() - 1), "member:" + units[u]);
            for (size_t s = 0; s < units.size(); ++s)
            {
                if (s == u)
                    continue;
                for (size_t k = 0; k < leaf_list.size(); ++k)
                {
                    model::Points v = truth[u][k];
                    if (leaf_list[k].kind == "manual")
                        v = std::max<model::Points>(0, std::min(leaf_list[k].max_points, v + rng.Range(-50, 50)));
                    res.scores.push_back(MakeScore("score." + ys + ".cross." + Num(static_cast<int64_t>(s)) + "." + Num(static_cast<int64_t>(u)) + "." +
                                                       Num(static_cast<int64_t>(k)),
                                                   leaf_list[k].id, units[u], units[s], "cross", v));
                }
            }
            for (size_t k = 0; k < leaf_list.size(); ++k)
                res.scores.push_back(MakeScore("score." + ys + ".final." + Num(static_cast<int64_t>(u)) + "." + Num(static_cast<int64_t>(k)),
                                               leaf_list[k].id, units[u], "org.cum", "final", truth[u][k]));
        }
        ds.results.push_back(res);
        AddFile(ds, "years/" + ys + "/results.json", model::FileKind::Results, static_cast<int32_t>(ds.results.size() - 1));

        // the ballot follows the computed ranking; proposals are what the engine proposes within the quotas
        scoring::YearResult yr = scoring::ComputeYear(ds, year_id);
        model::Meeting mtg;
        mtg.id = "mtg.synth." + ys + "-12-15";
        mtg.year_id = year_id;
        mtg.classification = "year_end_summary";
        mtg.name = "Hội nghị tổng kết năm " + ys + " (dữ liệu tổng hợp)";
        mtg.start_date = ys + "-12-15";
        mtg.status = "passed";
        mtg.venue = {"Trụ sở " + chair, "", chair};
        ds.meetings.push_back(mtg);
        AddFile(ds, "meetings/" + mtg.id + ".json", model::FileKind::Meeting, static_cast<int32_t>(ds.meetings.size() - 1));

        model::Ballot b;
        b.id = "ballot.synth." + ys + ".r1";
        b.meeting_id = mtg.id;
        b.motion = "honour_leader";
        const int64_t n = static_cast<int64_t>(units.size());
        for (size_t i = 0; i < yr.members.size() && i < 3; ++i)
            b.candidates.push_back(yr.members[i].organization_id);
        b.members_present = b.ballots_issued = b.ballots_returned = b.ballots_valid = n;
        const int64_t first = n / 2 + 1 + rng.Range(0, (n - 1) / 2); // a majority for the top-ranked unit
        b.counts.push_back({b.candidates[0], first});
        int64_t rest = n - first;
        for (size_t i = 1; i < b.candidates.size(); ++i)
        {
            int64_t v = i + 1 == b.candidates.size() ? rest : rest / 2;
            b.counts.push_back({b.candidates[i], v});
            rest -= v;
        }
        ds.results.back().ballots.push_back(b);
        yr = scoring::ComputeYear(ds, year_id);
        int i = 0;
        for (const scoring::ProposedAward& p : yr.proposed_awards)
        {
            model::AwardProposal a;
            a.id = "prop.synth." + ys + "." + std::to_string(++i);
            a.award_type = p.award_type;
            a.organization_id = p.organization_id;
            a.basis = p.award_type == "co_thi_dua_bo" ? "ballot_winner" : "rank";
            a.ballot_id = p.award_type == "co_thi_dua_bo" ? b.id : "";
            a.status = "submitted";
            ds.results.back().award_proposals.push_back(a);
        }
    }
    AddFile(ds, "datapackage.json", model::FileKind::DataPackage, 0);
    ds.package.resources.pop_back(); // the descriptor does not list itself

    io::DataFiles written;
    std::error_code ec;
    server::Location bucket;
    if (server::IsBucketLocation(out))
    {
        bool created = false;
        std::string err = server::OpenLocation(out, store, &bucket);
        if (err.empty())
            err = server::MakeLocation(bucket, &created);
        if (!err.empty())
        {
            std::fprintf(stderr, "thidua synth: %s\n", err.c_str());
            return 1;
        }
    }
    for (const model::FileInfo& f : ds.files)
    {
        std::string bytes = io::WriteFile(ds, f.path);
        if (bucket.bucket)
        {
            if (std::string err = server::WriteKey(bucket, f.path, bytes); !err.empty())
            {
                std::fprintf(stderr, "thidua synth: %s\n", err.c_str());
                return 1;
            }
            written[f.path] = std::move(bytes);
            continue;
        }
        fs::path p = fs::path(out) / f.path;
        fs::create_directories(p.parent_path(), ec);
        std::ofstream file(p, std::ios::binary);
        file << bytes;
        if (!file)
        {
            std::fprintf(stderr, "thidua synth: cannot write %s\n", p.string().c_str());
            return 1;
        }
        written[f.path] = std::move(bytes);
    }
    size_t total = 0;
    for (const auto& [path, bytes] : written)
        total += bytes.size();
    io::LoadResult check = io::LoadDataset(written);
    std::fprintf(stderr, "thidua synth: wrote %zu files, %.1f MB, to %s (%zu issues)\n", written.size(),
                 static_cast<double>(total) / (1024.0 * 1024.0), out.c_str(), check.issues.size());
    return check::HasErrors(check.issues) ? 1 : 0;
}
