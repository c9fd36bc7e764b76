// Token file I/O and role parsing; see tokens.h.
#include "server/tokens.h"

#include "server/paths.h"
#include "server/sha256.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

using nlohmann::json;

std::string server::ParseRole(const std::string& text, Principal* out)
{
    Principal p;
    if (text == "viewer")
        p.role = Role::Viewer;
    else if (text == "secretariat")
        p.role = Role::Secretariat;
    else if (text == "admin")
        p.role = Role::Admin;
    else if (text == "ministry")
        p.role = Role::Ministry;
    else if (text.rfind("unit:", 0) == 0 && text.size() > 5)
    {
        p.role = Role::Unit;
        p.org = text.substr(5);
        // The org id must be usable as a self-assessment file name.
        if (SelfAssessmentOrg("years/2000/self/" + p.org + ".json") != p.org)
            return "bad org id in role '" + text + "'";
    }
    else
        return "unknown role '" + text + "' (viewer, unit:<org-id>, secretariat, admin, ministry)";
    *out = p;
    return "";
}

std::string server::LoadTokens(const std::string& path, std::vector<Token>* tokens)
{
    tokens->clear();
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return "";
    std::ostringstream ss;
    ss << in.rdbuf();
    try
    {
        const json j = json::parse(ss.str());
        for (const json& t : j.at("tokens"))
        {
            Token tok;
            tok.id = t.at("id").get<std::string>();
            tok.sha256 = t.at("sha256").get<std::string>();
            tok.role = t.at("role").get<std::string>();
            tok.name = t.value("name", "");
            tok.created = t.value("created", "");
            tok.revoked = t.value("revoked", false);
            if (const auto c = t.find("clusters"); c != t.end())
                tok.clusters = c->get<std::vector<std::string>>();
            tokens->push_back(tok);
        }
    }
    catch (const json::exception& e)
    {
        return path + ": " + e.what();
    }
    return "";
}

std::string server::SaveTokens(const std::string& path, const std::vector<Token>& tokens)
{
    json arr = json::array();
    for (const Token& t : tokens)
    {
        json one = {{"id", t.id}, {"sha256", t.sha256}, {"role", t.role}, {"name", t.name},
                    {"created", t.created}, {"revoked", t.revoked}};
        if (!t.clusters.empty())
            one["clusters"] = t.clusters;
        arr.push_back(one);
    }
    const std::string bytes = json{{"tokens", arr}}.dump(2) + "\n";
    const std::string tmp = path + ".tmp";
    const int fd = open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd < 0)
        return "cannot write " + tmp;
    const bool ok = write(fd, bytes.data(), bytes.size()) == static_cast<ssize_t>(bytes.size()) && fsync(fd) == 0;
    close(fd);
    if (!ok || std::rename(tmp.c_str(), path.c_str()) != 0)
        return "cannot write " + path;
    return "";
}

std::string server::NewTokenSecret()
{
    uint8_t raw[32] = {};
    std::ifstream urandom("/dev/urandom", std::ios::binary);
    urandom.read(reinterpret_cast<char*>(raw), sizeof raw);
    if (!urandom)
        return "";
    return Base64Url(raw, sizeof raw);
}

const server::Token* server::FindToken(const std::vector<Token>& tokens, const std::string& secret)
{
    if (secret.empty())
        return nullptr;
    const std::string hash = Sha256Hex(secret);
    for (const Token& t : tokens)
    {
        // Compare every byte so timing does not reveal a prefix.
        unsigned diff = hash.size() ^ t.sha256.size();
        for (size_t i = 0; i < hash.size() && i < t.sha256.size(); ++i)
            diff |= unsigned(hash[i] ^ t.sha256[i]);
        if (diff == 0 && !t.revoked)
            return &t;
    }
    return nullptr;
}
