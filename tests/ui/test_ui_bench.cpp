// The frame-cost benchmark (run by scripts/bench-ui, skipped in the normal test run): the results grid at 100
// and at 1,000 members must cost about the same per frame, because only the rows on screen are submitted.
#include "ui_harness.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>

namespace
{
// Median microseconds per frame over `frames` frames.
double MedianFrameMicros(uitest::Harness& h, int frames)
{
    std::vector<double> times;
    for (int i = 0; i < frames; ++i)
    {
        const auto start = std::chrono::steady_clock::now();
        h.Frame();
        times.push_back(std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count());
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

struct Costs
{
    double grid = 0, members = 0, overview = 0;
};

Costs Measure(const std::string& folder, int members)
{
    uitest::Harness h(2560, 1600, 2.0f); // a 1280x800 landscape tablet at devicePixelRatio 2
    uitest::LoadFolder(h.app, folder);
    uitest::ScaleMembers(h.app.dataset, members);
    h.app.data_changed = true;
    h.Frames(3);
    REQUIRE(h.app.results.members.size() == static_cast<size_t>(members));
    Costs costs;
    REQUIRE(h.Tap("Kết quả"));
    h.Frames(30);
    costs.grid = MedianFrameMicros(h, 300);
    REQUIRE(h.Tap("Thành viên"));
    h.Frames(30);
    costs.members = MedianFrameMicros(h, 300);
    REQUIRE(h.Tap("Tổng quan"));
    h.Frames(30);
    costs.overview = MedianFrameMicros(h, 300);
    return costs;
}
} // namespace

TEST_SUITE("ui.bench")
{
    TEST_CASE("bench: the results grid costs the same per frame at 100 and at 1,000 members" * doctest::skip())
    {
        const std::string folder = uitest::MakeSynthetic(20, 12, 1);
        REQUIRE(!folder.empty());
        const Costs small = Measure(folder, 100);
        const Costs large = Measure(folder, 1000);
        std::printf("frame cost (median of 300 frames, 2560x1600 framebuffer = 1280x800 CSS at 2x, native Debug):\n");
        std::printf("  results grid   100 members: %8.1f us   1000 members: %8.1f us   ratio %.2f (goal <= 1.20)\n",
                    small.grid, large.grid, large.grid / small.grid);
        std::printf("  members list   100 members: %8.1f us   1000 members: %8.1f us   ratio %.2f\n", small.members,
                    large.members, large.members / small.members);
        std::printf("  overview       100 members: %8.1f us   1000 members: %8.1f us   ratio %.2f\n", small.overview,
                    large.overview, large.overview / small.overview);
        CHECK(large.grid / small.grid <= 1.2);
    }
}
