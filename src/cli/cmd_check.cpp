// Placeholder until the data issue lands: the real command replaces this file.
#include "cli/commands.h"

#include <cstdio>

int cli::RunCheck(int, char**)
{
    std::fprintf(stderr, "thidua check: not built yet\n");
    return 2;
}
