// Who may change which data file: the one table the server enforces and the app follows to offer only the edits
// the server would accept. Roles come from the server's token ("viewer", "unit:<org-id>", "secretariat", "admin").
// No I/O; the answers are codes the server and the app each put into words.
#pragma once

#include "core/model/model.h"

#include <string>
#include <vector>

namespace roles
{
enum class Role
{
    Viewer,      // the projector, a guest: reads, never writes
    Unit,        // a member unit: its own self-assessment while that phase is open
    Secretariat, // the chair's secretariat: everything of an open year; reopens a closed year
    Admin,       // the server's operator: like the secretariat, plus restore and audit
    Ministry,    // the ministry's emulation department: reads every cluster of the deployment, writes none
};

struct Principal
{
    Role role = Role::Viewer;
    std::string org; // Role::Unit: the member unit's organisation id
};

enum class Refusal
{
    None,
    ReadOnlyRole,     // the viewer role writes nothing
    NotOwnFile,       // a unit writes only years/<yyyy>/self/<its org-id>.json
    NotAMember,       // that self-assessment file is not for a member of the year
    PhaseNotOpen,     // the year's self-assessment phase is not open (or was never set up)
    YearClosed,       // the year is closed: read-only until the secretariat reopens it (only year.json is writable)
    SelfSubmitted,    // the unit has already sent its self-assessment (the secretariat may reopen it)
};

// "viewer" | "unit:<org-id>" | "secretariat" | "admin" | "ministry" -> principal; false when the text is no role.
bool ParseRole(const std::string& text, Principal* out);
std::string RoleName(const Principal& who); // the inverse of ParseRole

// May `who` write the data file `path`? `data` is the dataset as it stands before the write (the year's status
// and phases, the unit's file). A unit's write that sets "submitted_date" is its last until the secretariat
// clears that date again.
Refusal WriteRefusal(const Principal& who, const std::string& path, const model::Dataset& data);

// The year (e.g. 2027) a path "years/2027/..." belongs to, or 0.
int32_t YearOfPath(const std::string& path);
// For "years/<yyyy>/self/<org-id>.json": the org id, else "".
std::string SelfAssessmentOrg(const std::string& path);

// Private contact details (personal phones) are for the secretariat, the admin and the units; never the viewer
// nor the ministry (they stay inside the cluster).
bool MaySeePrivate(const Principal& who);

// ---- clusters of a deployment ----------------------------------------------------------------------------
// A token names the clusters it opens: a list of cluster ids, or "*" for every cluster of the deployment.
//   unit:<org-id>, secretariat   exactly one cluster (its own); never "*"
//   viewer                       one or more named clusters, or "*" (a projector at the ministry)
//   admin                        one or more named clusters (that cluster's operator), or "*" (the deployment's)
//   ministry                     always "*" (reads every cluster; writes none, so no cluster to name)
// A token that names no cluster (issued before deployments, or for a one-cluster server) opens a one-cluster
// server only.
enum class ScopeRefusal
{
    None,
    NoCluster,       // the token names no cluster, and this server holds several
    OtherCluster,    // the token is for other clusters
};
// May a token of `role` naming `clusters` open cluster `cluster_id`? `deployment` is false on a one-cluster
// server (the cluster id is then "" and every token opens it, as before deployments).
ScopeRefusal MayOpenCluster(Role role, const std::vector<std::string>& clusters, const std::string& cluster_id,
                            bool deployment);
// "" when `clusters` is a valid scope for `role` (the table above; no cluster at all is valid: a token for a
// one-cluster server), else the reason (English, for the CLI).
std::string CheckScope(Role role, const std::vector<std::string>& clusters);
// A cluster id as it appears in addresses (/c/<id>/) and folder names: 1-40 of a-z, 0-9 and '-', starting with a
// letter or digit.
bool ValidClusterId(const std::string& id);
} // namespace roles
