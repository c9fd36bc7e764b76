// Draws the app headless on the Cluster I sample and checks what a person would see and do.
#include "ui_harness.h"

#include <doctest/doctest.h>
#include <imgui.h>
#include <nlohmann/json.hpp>

TEST_SUITE("ui")
{
    TEST_CASE("the sample loads without issues and the overview shows the 2021 theme")
    {
        uitest::Harness h;
        uitest::LoadFolder(h.app, THIDUA_SOURCE_DIR "/assets/data/cum1");
        h.Frames(3);
        for (const check::Issue& issue : h.app.issues)
            MESSAGE(check::FormatIssue(issue));
        CHECK(h.app.issues.empty());
        const nlohmann::json state = nlohmann::json::parse(ui::StateJson(h.app));
        CHECK(state["load"] == "ready");
        CHECK(state["counts"]["organizations"].get<int>() >= 10);
        CHECK(h.Has("English"));
    }

    TEST_CASE("tapping the language button switches the interface to English and back")
    {
        uitest::Harness h;
        uitest::LoadFolder(h.app, THIDUA_SOURCE_DIR "/assets/data/cum1");
        h.Frames(2);
        REQUIRE(h.Tap("English"));
        CHECK(h.app.settings.lang == ui::Language::En);
        CHECK(h.Has("Tiếng Việt"));
        REQUIRE(h.Tap("Tiếng Việt"));
        CHECK(h.app.settings.lang == ui::Language::Vi);
    }

    TEST_CASE("a dataset that failed to load shows the reason and a retry button")
    {
        uitest::Harness h;
        h.app.load.status = ui::LoadState::Status::Failed;
        h.app.load.error = "datapackage.json: HTTP 404";
        h.Frames(2);
        REQUIRE(h.Tap("Thử lại"));
        CHECK(h.app.retry_requested);
    }
}
