// The subcommands of the `thidua` tool; each lives in its own cmd_<name>.cpp.
// argv[0] is the subcommand's name; the return value is the process exit code.
#pragma once

namespace cli
{
int RunServe(int argc, char** argv);
int RunCheck(int argc, char** argv);
int RunSynth(int argc, char** argv);
int RunSchema(int argc, char** argv);
int RunToken(int argc, char** argv);
int RunDoc(int argc, char** argv);
int RunMigrate(int argc, char** argv);
} // namespace cli
