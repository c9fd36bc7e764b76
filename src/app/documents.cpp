// See documents.h.
#include "app/documents.h"

#include "core/docs/document.h"
#include "core/docs/papers.h"
#include "platform/platform.h"

void app::HandleDocumentRequest(ui::AppState& app)
{
    ui::DocumentState& d = app.documents;
    if (!d.pending)
        return;
    d.pending = false;
    d.reveal_frames = 2;
    const docs::PaperSettings settings;
    const docs::Paper paper = docs::BuildPaper(app.dataset, d.request, settings);
    d.problems.clear();
    for (const docs::Problem& p : paper.problems)
        d.problems.push_back(docs::FormatProblem(p));
    if (!d.problems.empty())
    {
        platform::Announce(d.problems.front());
        platform::RequestRedraw();
        return;
    }
    if (d.spreadsheet)
    {
        d.saved = paper.file_stem + ".xlsx";
        platform::Download(d.saved, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", docs::ToXlsx(paper.sheets));
        platform::RequestRedraw();
        return;
    }
    d.saved = paper.file_stem + ".docx";
    platform::Download(d.saved, "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                       docs::ToDocx(paper.document, settings.page));
    platform::OpenPrintPage(docs::ToHtml(paper.document, settings.page));
    platform::RequestRedraw();
}
