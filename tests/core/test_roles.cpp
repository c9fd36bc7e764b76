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
