// Placeholder until the data issue lands: the real command replaces this file.
#include "cli/commands.h"

#include <cstdio>

int cli::RunSynth(int, char**)
{
    std::fprintf(stderr, "thidua synth: not built yet\n");
    return 2;
}
