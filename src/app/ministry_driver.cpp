// app::TickMinistry; see ministry_driver.h. Runs in the browser: no exceptions, JSON read with core's accessors.
#include "app/ministry_driver.h"

#include "core/deployment/ministry.h"
#include "core/docs/document.h"
#include "ui/screen_ministry.h"
#include "core/io/json_read.h"
#include "platform/platform.h"

namespace app
{
void TickMinistry(MinistryDriver& ministry, const SyncDriver& sync, ui::AppState& app)
{
    if (app.open_start_page)
    {
        app.open_start_page = false;
        platform::OpenAddress("../../"); // the start page of the deployment, from /c/<id>/
    }
    ui::MinistryScreen& screen = app.ministry;
    if (screen.download_requested)
    {
        screen.download_requested = false;
        platform::Download(ui::MinistryFileName(screen.table),
                           "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                           docs::ToXlsx({ui::MinistrySheet(app, screen.table)}));
    }
    if (!screen.load_requested || app.screen != ui::Screen::Ministry)
        return;
    screen.load_requested = false;
    screen.status = ui::MinistryScreen::Status::Loading;
    const int generation = ++ministry.generation;
    platform::HttpRequest request;
    // From /c/<id>/ the deployment's API is two folders up; a one-cluster server answers 404 there.
    request.url = std::string(app.cluster_address.empty() ? "" : "../../") + "api/ministry" +
                  (screen.year > 0 ? "?year=" + std::to_string(screen.year) : "");
    if (!sync.remote.token.empty())
        request.headers["Authorization"] = "Bearer " + sync.remote.token;
    platform::Fetch(request, [&ministry, &app, generation](const platform::HttpResponse& response) {
        ui::MinistryScreen& screen = app.ministry;
        if (generation != ministry.generation)
            return;
        platform::RequestRedraw();
        using Status = ui::MinistryScreen::Status;
        if (response.status == 0)
            return void(screen.status = Status::Offline);
        if (response.status == 401 || response.status == 403)
            return void(screen.status = Status::Refused);
        if (response.status == 404 || response.status == 405)
            return void(screen.status = Status::NoDeployment);
        io::json doc;
        if (response.status != 200 || !io::ParseJson(response.body, &doc) ||
            !deployment::FromJson(doc, &screen.table))
        {
            screen.status = Status::Failed;
            screen.error = response.status == 200 ? "" : response.body;
            return;
        }
        screen.year = screen.table.year;
        screen.status = Status::Ready;
    });
}
} // namespace app
