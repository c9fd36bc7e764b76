// `thidua doc KIND --year Y [--meeting ID | --ballot ID] DATA_DIR OUT`: one of the papers of core/docs, written as
// .docx, .html (print page) or .xlsx after OUT's extension; `thidua doc --list` prints the kinds and their options.
// The same core functions as the app, so a server or a script produces the same bytes. Exit 0 written, 1 the data
// lacks something (each problem printed as file:/json/pointer: message), 2 usage.
#include "cli/commands.h"
#include "server/store.h"

#include "core/docs/document.h"
#include "core/docs/papers.h"
#include "core/io/dataset.h"

#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>

namespace
{
void Usage()
{
    std::fprintf(stderr,
                 "usage: thidua doc KIND --year Y [--meeting ID | --ballot ID] [--date YYYY-MM-DD] DATA_DIR OUT\n"
                 "       thidua doc --list\n"
                 "  OUT's extension picks the format: .docx (Word), .html (print page), .xlsx (score table, ballot tallies)\n"
                 "  --date: the date of a proposal (to-trinh-khen-thuong); without it the date line is left to fill in\n");
}

std::string Extension(const std::string& path)
{
    const size_t dot = path.rfind('.');
    const size_t slash = path.rfind('/');
    if (dot == std::string::npos || (slash != std::string::npos && dot < slash))
        return "";
    std::string ext = path.substr(dot);
    for (char& c : ext)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return ext;
}
} // namespace

int cli::RunDoc(int argc, char** argv)
{
    if (argc == 2 && !std::strcmp(argv[1], "--list"))
    {
        for (const docs::KindInfo& k : docs::Kinds())
            std::printf("%s %s%s\t%s (.docx, .html%s)\n", k.slug, k.option, std::strcmp(k.option, "--year") ? " [--year]" : "", k.name,
                        k.spreadsheet ? ", .xlsx" : "");
        return 0;
    }
    docs::Request request;
    docs::PaperSettings settings;
    std::string kind_name, data_dir, out;
    bool have_year = false;
    for (int i = 1; i < argc; ++i)
    {
        const std::string arg = argv[i];
        const bool has_value = i + 1 < argc;
        if (arg == "--help" || arg == "-h")
        {
            Usage();
            return 0;
        }
        if (arg == "--year" && has_value)
            request.year = std::atoi(argv[++i]), have_year = true;
        else if (arg == "--meeting" && has_value)
            request.meeting_id = argv[++i];
        else if (arg == "--ballot" && has_value)
            request.ballot_id = argv[++i];
        else if (arg == "--date" && has_value)
            settings.proposal_date = argv[++i];
        else if (arg.rfind("--", 0) == 0)
        {
            std::fprintf(stderr, "thidua doc: unknown option '%s'\n", arg.c_str());
            Usage();
            return 2;
        }
        else if (kind_name.empty())
            kind_name = arg;
        else if (data_dir.empty())
            data_dir = arg;
        else if (out.empty())
            out = arg;
        else
        {
            Usage();
            return 2;
        }
    }
    const docs::KindInfo* kind = docs::FindKind(kind_name);
    if (!kind || data_dir.empty() || out.empty())
    {
        if (!kind_name.empty() && !kind)
            std::fprintf(stderr, "thidua doc: unknown kind '%s' (thidua doc --list shows them)\n", kind_name.c_str());
        Usage();
        return 2;
    }
    request.kind = kind->kind;
    const std::string option = kind->option;
    if ((option == "--year" && !have_year) || (option == "--meeting" && request.meeting_id.empty()) ||
        (option == "--ballot" && request.ballot_id.empty()))
    {
        std::fprintf(stderr, "thidua doc: %s needs %s\n", kind->slug, kind->option);
        return 2;
    }
    const std::string ext = Extension(out);
    if (ext != ".docx" && ext != ".html" && ext != ".htm" && ext != ".xlsx")
    {
        std::fprintf(stderr, "thidua doc: OUT must end in .docx, .html or .xlsx\n");
        return 2;
    }
    if (ext == ".xlsx" && !kind->spreadsheet)
    {
        std::fprintf(stderr, "thidua doc: %s has no spreadsheet form (.docx or .html)\n", kind->slug);
        return 2;
    }

    // The data folder as the app sees it: datapackage.json and the files it lists.
    const std::string root = data_dir.back() == '/' ? data_dir : data_dir + "/";
    io::DataFiles files;
    std::string descriptor;
    if (!server::ReadWholeFile(root + io::kDescriptorPath, &descriptor))
    {
        std::fprintf(stderr, "thidua doc: %s%s: cannot read the data folder's descriptor\n", root.c_str(), io::kDescriptorPath);
        return 1;
    }
    files[io::kDescriptorPath] = descriptor;
    for (const std::string& path : io::ListDatasetFiles(descriptor, nullptr))
    {
        std::string bytes;
        if (server::ReadWholeFile(root + path, &bytes))
            files[path] = std::move(bytes);
    }
    const io::LoadResult loaded = io::LoadDataset(files);
    for (const check::Issue& issue : loaded.issues)
        if (issue.severity == check::Severity::Error)
            std::fprintf(stderr, "%s%s\n", root.c_str(), check::FormatIssue(issue).c_str());

    const docs::Paper paper = docs::BuildPaper(loaded.dataset, request, settings);
    if (!paper.problems.empty())
    {
        std::fprintf(stderr, "thidua doc: cannot write %s, the data lacks:\n", kind->name);
        for (const docs::Problem& p : paper.problems)
            std::fprintf(stderr, "%s%s\n", p.file.empty() ? "" : root.c_str(), docs::FormatProblem(p).c_str());
        return 1;
    }
    const std::string bytes = ext == ".xlsx"   ? docs::ToXlsx(paper.sheets)
                              : ext == ".docx" ? docs::ToDocx(paper.document, settings.page)
                                               : docs::ToHtml(paper.document, settings.page);
    std::ofstream file(out, std::ios::binary);
    file.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!file)
    {
        std::fprintf(stderr, "thidua doc: cannot write %s\n", out.c_str());
        return 1;
    }
    std::printf("%s (%s, %zu bytes)\n", out.c_str(), paper.file_stem.c_str(), bytes.size());
    return 0;
}
