// `thidua token issue|revoke|list`: manages the server's token file (only hashes are stored; the secret is
// printed once at issue time).
#include "cli/commands.h"

#include "server/sha256.h"
#include "server/tokens.h"

#include <cstdio>
#include <ctime>
#include <string>

namespace
{
void PrintTokenUsage()
{
    std::printf("usage: thidua token issue --role ROLE [--name NAME] --tokens FILE\n"
                "       thidua token revoke --id ID --tokens FILE\n"
                "       thidua token list --tokens FILE\n\n"
                "ROLE is viewer, unit:<org-id>, secretariat or admin. 'issue' prints the secret once;\n"
                "the file keeps only its SHA-256. The server re-reads the file when it changes.\n");
}
} // namespace

int cli::RunToken(int argc, char** argv)
{
    if (argc < 2 || std::string(argv[1]) == "--help" || std::string(argv[1]) == "-h")
    {
        PrintTokenUsage();
        return argc < 2 ? 2 : 0;
    }
    const std::string action = argv[1];
    std::string role, name, file, id;
    for (int i = 2; i < argc; ++i)
    {
        const std::string arg = argv[i];
        if (i + 1 >= argc)
        {
            std::fprintf(stderr, "thidua token: %s needs a value\n", arg.c_str());
            return 2;
        }
        const std::string value = argv[++i];
        if (arg == "--role")
            role = value;
        else if (arg == "--name")
            name = value;
        else if (arg == "--tokens")
            file = value;
        else if (arg == "--id")
            id = value;
        else
        {
            std::fprintf(stderr, "thidua token: unknown option '%s'\n", arg.c_str());
            return 2;
        }
    }
    if (file.empty())
    {
        std::fprintf(stderr, "thidua token: --tokens FILE is required\n");
        return 2;
    }
    std::vector<server::Token> tokens;
    if (std::string err = server::LoadTokens(file, &tokens); !err.empty())
    {
        std::fprintf(stderr, "thidua token: %s\n", err.c_str());
        return 1;
    }
    if (action == "issue")
    {
        server::Principal p;
        if (std::string err = server::ParseRole(role, &p); !err.empty())
        {
            std::fprintf(stderr, "thidua token: %s\n", err.c_str());
            return 2;
        }
        const std::string secret = server::NewTokenSecret();
        if (secret.empty())
        {
            std::fprintf(stderr, "thidua token: no random bytes from /dev/urandom\n");
            return 1;
        }
        server::Token t;
        t.sha256 = server::Sha256Hex(secret);
        t.id = "t" + t.sha256.substr(0, 10);
        t.role = role;
        t.name = name;
        char when[32];
        const std::time_t now = std::time(nullptr);
        std::strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
        t.created = when;
        tokens.push_back(t);
        if (std::string err = server::SaveTokens(file, tokens); !err.empty())
        {
            std::fprintf(stderr, "thidua token: %s\n", err.c_str());
            return 1;
        }
        std::printf("%s\n", secret.c_str());
        std::fprintf(stderr, "issued %s (%s%s%s); the secret above is shown only once\n", t.id.c_str(), role.c_str(),
                     name.empty() ? "" : ", ", name.c_str());
        return 0;
    }
    if (action == "revoke")
    {
        bool found = false;
        for (server::Token& t : tokens)
            if (t.id == id)
                t.revoked = found = true;
        if (!found)
        {
            std::fprintf(stderr, "thidua token: no token with id '%s' in %s\n", id.c_str(), file.c_str());
            return 1;
        }
        if (std::string err = server::SaveTokens(file, tokens); !err.empty())
        {
            std::fprintf(stderr, "thidua token: %s\n", err.c_str());
            return 1;
        }
        std::printf("revoked %s\n", id.c_str());
        return 0;
    }
    if (action == "list")
    {
        for (const server::Token& t : tokens)
            std::printf("%s  %-28s %-20s %s%s\n", t.id.c_str(), t.role.c_str(), t.created.c_str(), t.name.c_str(),
                        t.revoked ? "  (revoked)" : "");
        return 0;
    }
    std::fprintf(stderr, "thidua token: unknown action '%s'\n", action.c_str());
    PrintTokenUsage();
    return 2;
}
