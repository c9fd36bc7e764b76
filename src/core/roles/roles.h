// Who may change which data file: the one table the server enforces and the app follows to offer only the edits
// the server would accept. Roles come from the server's token ("viewer", "unit:<org-id>", "secretariat", "admin").
// No I/O; the answers are codes the server and the app each put into words.
#pragma once

#include "core/model/model.h"

#include <string>

namespace roles
{
enum class Role
{
    Viewer,      // the projector, a guest: reads, never writes
    Unit,        // a member unit: its own self-assessment while that phase is open
    Secretariat, // the chair's secretariat: everything of an open year; reopens a closed year
    Admin,       // the server's operator: like the secretariat, plus restore and audit
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

// "viewer" | "unit:<org-id>" | "secretariat" | "admin" -> principal; false when the text is no role.
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

// Private contact details (personal phones) are for the secretariat, the admin and the units; never the viewer.
bool MaySeePrivate(const Principal& who);
} // namespace roles
