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
    std::printf("usage: thidua token issue --role ROLE [--cluster ID]... [--name NAME] --tokens FILE\n"
                "       thidua token revoke --id ID --tokens FILE\n"
                "       thidua token list --tokens FILE\n\n"
                "ROLE is viewer, unit:<org-id>, secretariat, admin or ministry. 'issue' prints the secret once;\n"
                "the file keeps only its SHA-256. The server re-reads the file when it changes.\n\n"
                "On a deployment of several clusters (a data folder with deployment.json) a token opens only the\n"
                "clusters it names: --cluster cum1 (repeat for more), or --cluster '*' for every cluster.\n"
                "  unit:<org-id>, secretariat  exactly one cluster      viewer, admin  named clusters or '*'\n"
                "  ministry                    every cluster, read-only (no --cluster)\n"
                "A token without --cluster opens a one-cluster server only.\n");
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
    std::vector<std::string> clusters;
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
        else if (arg == "--cluster")
            clusters.push_back(value);
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
        if (std::string err = roles::CheckScope(p.role, clusters); !err.empty())
        {
            std::fprintf(stderr, "thidua token: %s\n", err.c_str());
            return 2;
        }
        if (p.role == server::Role::Ministry)
            clusters = {"*"};
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
        t.clusters = clusters;
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
        std::string scope;
        for (const std::string& c : clusters)
            scope += (scope.empty() ? ", cluster " : " ") + c;
        std::fprintf(stderr, "issued %s (%s%s%s%s); the secret above is shown only once\n", t.id.c_str(),
                     role.c_str(), scope.c_str(), name.empty() ? "" : ", ", name.c_str());
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
        {
            std::string scope;
            for (const std::string& c : t.clusters)
                scope += (scope.empty() ? "" : ",") + c;
            std::printf("%s  %-28s %-12s %-20s %s%s\n", t.id.c_str(), t.role.c_str(), scope.empty() ? "-" : scope.c_str(),
                        t.created.c_str(), t.name.c_str(), t.revoked ? "  (revoked)" : "");
        }
        return 0;
    }
    std::fprintf(stderr, "thidua token: unknown action '%s'\n", action.c_str());
    PrintTokenUsage();
    return 2;
}
