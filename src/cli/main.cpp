// thidua: the native command-line tool. Dispatches to one subcommand per file (cmd_<name>.cpp).
// Nothing here knows about ImGui or the browser.
#include "cli/commands.h"

#include <cstdio>
#include <cstring>
#include <string>

namespace
{
struct Command
{
    const char* name;
    int (*run)(int argc, char** argv); // argv[0] is the subcommand name
    const char* help;
};

const Command kCommands[] = {
    {"serve", cli::RunServe, "serve the web app and a data folder over HTTP"},
    {"check", cli::RunCheck, "check data files or folders; prints file:/pointer: message lines"},
    {"synth", cli::RunSynth, "write a synthetic dataset of any size"},
    {"schema", cli::RunSchema, "write the JSON Schemas of the data file formats"},
    {"token", cli::RunToken, "issue, revoke or list the server's bearer tokens"},
    {"migrate", cli::RunMigrate, "copy a deployment between a data folder and an S3 bucket, every file compared"},
    {"doc", cli::RunDoc, "write a paper (covenant, minutes, ballot count, proposal, score table) as .docx/.html/.xlsx"},
};

void PrintUsage()
{
    std::printf("usage: thidua <command> [options]\n\ncommands:\n");
    for (const Command& c : kCommands)
        std::printf("  %-8s %s\n", c.name, c.help);
    std::printf("\n'thidua <command> --help' shows the options of a command.\n");
}
} // namespace

int main(int argc, char** argv)
{
    if (argc < 2 || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h"))
    {
        PrintUsage();
        return argc < 2 ? 2 : 0;
    }
    for (const Command& c : kCommands)
        if (std::string(argv[1]) == c.name)
            return c.run(argc - 1, argv + 1);
    std::fprintf(stderr, "thidua: unknown command '%s'\n\n", argv[1]);
    PrintUsage();
    return 2;
}
