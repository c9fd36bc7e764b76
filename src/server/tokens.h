// Bearer tokens and roles: the token file stores only SHA-256 hashes of the secrets, with role and name.
// Roles: "viewer", "unit:<org-id>", "secretariat", "admin", "ministry"; in a deployment of several clusters a
// token also names the clusters it opens ("clusters": ["cum1"] or ["*"]; core/roles/roles.h has the table).
#pragma once

#include "core/roles/roles.h"

#include <string>
#include <vector>

namespace server
{
using Role = roles::Role; // the roles and their write rules live in core (core/roles/roles.h)

struct Principal
{
    Role role = Role::Viewer;
    std::string org;      // for Role::Unit: the member unit's org id
    std::string token_id; // short public id of the token ("" = no token, read-only server)
    std::string name;     // who, for the audit log
    std::vector<std::string> clusters; // the clusters the token opens (["*"] = every one; empty = a one-cluster server)
};

struct Token
{
    std::string id;      // public, e.g. "t3f9a01c2"
    std::string sha256;  // hex SHA-256 of the secret
    std::string role;    // "viewer", "unit:<org-id>", "secretariat", "admin", "ministry"
    std::vector<std::string> clusters; // cluster ids or "*"; empty for a token issued without --cluster
    std::string name;    // a person or device
    std::string created; // ISO time, informational
    bool revoked = false;
};

// Parses "viewer", "unit:<org-id>", "secretariat", "admin", "ministry"; returns "" or the reason it is not a role.
std::string ParseRole(const std::string& text, Principal* out);

// Reads the token file ({"tokens": [...]}); a missing file is an empty list. Returns "" or an error.
std::string LoadTokens(const std::string& path, std::vector<Token>* tokens);
// Writes the token file atomically (temp + rename), mode 0600.
std::string SaveTokens(const std::string& path, const std::vector<Token>& tokens);

// 32 random bytes from /dev/urandom as base64url (43 characters).
std::string NewTokenSecret();
// The token whose hash matches `secret` and is not revoked, or nullptr.
const Token* FindToken(const std::vector<Token>& tokens, const std::string& secret);
} // namespace server
