// `thidua schema OUT_DIR`: writes the JSON Schema (2020-12) of every file format, generated from the reader's
// field lists (src/core/io/fields.h). assets/schema/ holds the committed output; a test keeps it in step.
#include "cli/commands.h"

#include "core/io/dataset.h"
#include "core/io/schema.h"

#include <cstdio>
#include <filesystem>
#include <fstream>

int cli::RunSchema(int argc, char** argv)
{
    if (argc != 2 || argv[1][0] == '-')
    {
        std::fprintf(stderr, "usage: thidua schema OUT_DIR\n  writes <format>.schema.json for every data file format\n");
        return 2;
    }
    std::error_code ec;
    std::filesystem::create_directories(argv[1], ec);
    for (model::FileKind kind : io::AllFileKinds())
    {
        std::filesystem::path p = std::filesystem::path(argv[1]) / (std::string(io::FormatName(kind)) + ".schema.json");
        std::ofstream out(p, std::ios::binary);
        out << io::JsonSchema(kind);
        if (!out)
        {
            std::fprintf(stderr, "thidua schema: cannot write %s\n", p.string().c_str());
            return 1;
        }
    }
    return 0;
}
