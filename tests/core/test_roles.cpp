// The one write-permission table (core/roles) on the sample: 2025 is closed, 2026 is being run with its
// self-assessment open; Bắc Ninh's 2026 sheet is a draft and Hà Nội's was sent.
#include "core/io/dataset.h"
#include "core/roles/roles.h"

#include "sample.h"

#include <doctest/doctest.h>


namespace
{
roles::Principal Role(const std::string& text)
{
    roles::Principal p;
    REQUIRE(roles::ParseRole(text, &p));
    return p;
}
} // namespace

TEST_SUITE("roles")
{
    TEST_CASE("who may write which file, on the sample's closed 2025 and open 2026")
    {
        const model::Dataset d = coretest::LoadSample();
        using R = roles::Refusal;
        const auto viewer = Role("viewer"), secretariat = Role("secretariat"), bac_ninh = Role("unit:org.sonnmt.27"),
                   ha_noi = Role("unit:org.sonnmt.01");
        CHECK(roles::WriteRefusal(viewer, "years/2026/self/org.sonnmt.27.json", d) == R::ReadOnlyRole);
        CHECK(roles::WriteRefusal(bac_ninh, "years/2026/self/org.sonnmt.27.json", d) == R::None);
        CHECK(roles::WriteRefusal(bac_ninh, "years/2026/self/org.sonnmt.01.json", d) == R::NotOwnFile);
        CHECK(roles::WriteRefusal(bac_ninh, "years/2026/results.json", d) == R::NotOwnFile);
        CHECK(roles::WriteRefusal(bac_ninh, "../years/2026/self/org.sonnmt.27.json", d) == R::NotOwnFile);
        CHECK(roles::WriteRefusal(ha_noi, "years/2026/self/org.sonnmt.01.json", d) == R::SelfSubmitted);
        CHECK(roles::WriteRefusal(bac_ninh, "years/2025/self/org.sonnmt.27.json", d) == R::YearClosed);
        CHECK(roles::WriteRefusal(secretariat, "years/2026/results.json", d) == R::None);
        CHECK(roles::WriteRefusal(secretariat, "years/2025/results.json", d) == R::YearClosed);
        CHECK(roles::WriteRefusal(secretariat, "years/2025/year.json", d) == R::None); // to reopen it
        CHECK(roles::WriteRefusal(secretariat, "meetings/mtg.cum1.2025-12-15.tong-ket.json", d) == R::YearClosed);
        CHECK(roles::WriteRefusal(secretariat, "meetings/mtg.cum1.2026-12-16.tong-ket.json", d) == R::None);
        CHECK(roles::WriteRefusal(secretariat, "cluster.json", d) == R::None);
        // A year with its self-assessment not open: a unit is refused even its own sheet.
        model::Dataset closed_phase = d;
        for (model::YearFile& y : closed_phase.years)
            for (model::Phase& p : y.year.phases)
                if (p.kind == "self_assessment")
                    p.status = "closed";
        CHECK(roles::WriteRefusal(bac_ninh, "years/2026/self/org.sonnmt.27.json", closed_phase) == R::PhaseNotOpen);
        // The viewer never receives private contacts; every other role may.
        CHECK_FALSE(roles::MaySeePrivate(viewer));
        CHECK(roles::MaySeePrivate(bac_ninh));
        CHECK(roles::RoleName(bac_ninh) == "unit:org.sonnmt.27");
        roles::Principal none;
        CHECK_FALSE(roles::ParseRole("unit:", &none));
        CHECK_FALSE(roles::ParseRole("root", &none));
    }
}

TEST_SUITE("roles")
{
    TEST_CASE("the ministry reads and writes nothing; it never sees private contacts")
    {
        const model::Dataset d = coretest::LoadSample();
        const auto ministry = Role("ministry");
        CHECK(roles::RoleName(ministry) == "ministry");
        for (const char* path : {"cluster.json", "years/2026/year.json", "years/2026/self/org.sonnmt.27.json"})
            CHECK(roles::WriteRefusal(ministry, path, d) == roles::Refusal::ReadOnlyRole);
        CHECK(!roles::MaySeePrivate(ministry));
    }

    TEST_CASE("which clusters a token opens (the table in roles.h)")
    {
        using R = roles::Role;
        using S = roles::ScopeRefusal;
        const std::vector<std::string> cum1 = {"cum1"}, all = {"*"}, both = {"cum1", "cum2"}, none;
        // A one-cluster server: every token, as before deployments.
        CHECK(roles::MayOpenCluster(R::Unit, none, "", false) == S::None);
        // A deployment.
        CHECK(roles::MayOpenCluster(R::Unit, cum1, "cum1", true) == S::None);
        CHECK(roles::MayOpenCluster(R::Unit, cum1, "cum2", true) == S::OtherCluster);
        CHECK(roles::MayOpenCluster(R::Unit, all, "cum1", true) == S::OtherCluster); // never "*"
        CHECK(roles::MayOpenCluster(R::Secretariat, both, "cum1", true) == S::OtherCluster); // exactly one
        CHECK(roles::MayOpenCluster(R::Secretariat, none, "cum1", true) == S::NoCluster);
        CHECK(roles::MayOpenCluster(R::Viewer, both, "cum2", true) == S::None);
        CHECK(roles::MayOpenCluster(R::Viewer, all, "khoi1", true) == S::None);
        CHECK(roles::MayOpenCluster(R::Admin, cum1, "cum2", true) == S::OtherCluster);
        CHECK(roles::MayOpenCluster(R::Admin, all, "cum2", true) == S::None);
        CHECK(roles::MayOpenCluster(R::Ministry, none, "cum2", true) == S::None);
        CHECK(roles::CheckScope(R::Ministry, cum1) != "");
        CHECK(roles::CheckScope(R::Unit, all) != "");
        CHECK(roles::CheckScope(R::Viewer, {"*", "cum1"}) != "");
        CHECK(roles::CheckScope(R::Admin, {"../x"}) != "");
        CHECK(roles::CheckScope(R::Viewer, both) == "");
        CHECK(roles::ValidClusterId("khoi-2"));
        for (const char* bad : {"", "..", "-x", "Cum1", "a/b", "a b", "cụm"})
            CHECK(!roles::ValidClusterId(bad));
    }
}
