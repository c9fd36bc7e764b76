// The field list of every record and file format, written once and walked by io::Reader, io::Writer and
// io::SchemaWriter (see walk.h). Adding a field here adds it to the reader, the writer and the schema.
// Internal to core/io. Rules that need several fields or several files live in check/rules.cpp.
#pragma once

#include "core/io/walk.h"

namespace io
{
using model::Points;
constexpr Req kReq = Req::Required;
constexpr Req kOpt = Req::Optional;
constexpr int64_t kMaxCount = 1000000000;

// ---- [SECTION] allowed values -------------------------------------------------------------------------

inline const Choices kOrgClassifications = {"ministry", "ministry_dept", "provincial_dept", "provincial_committee",
                                            "emulation_cluster", "emulation_block"};
inline const Choices kContactTypes = {"address", "email", "phone", "mobile", "fax", "website"};
inline const Choices kAreaClassifications = {"province", "municipality"};
inline const Choices kYearStatuses = {"planning", "active", "reviewing", "voting", "submitted", "closed"};
inline const Choices kPhaseKinds = {"covenant", "self_assessment", "cross_scoring", "review", "final_scoring", "voting", "submission"};
inline const Choices kPhaseStatuses = {"not_started", "open", "closed"};
inline const Choices kThresholdBases = {"members_total", "members_present", "ballots_valid"};
inline const Choices kVoterKinds = {"organization", "person"};
inline const Choices kSecondStages = {"cross", "review"};
inline const Choices kAwardTypes = {"co_thi_dua_bo", "bang_khen_bo_truong", "co_thi_dua_chinh_phu", "bang_khen_thu_tuong"};
inline const Choices kAwardBases = {"ballot_winner", "rank"};
inline const Choices kCriterionKinds = {"group", "quantitative", "qualitative", "per_occurrence", "bonus", "penalty", "manual"};
inline const Choices kStages = {"self", "cross", "review", "final"};
inline const Choices kMotions = {"honour_leader", "propose_certificate"};
inline const Choices kProposalStatuses = {"draft", "agreed", "submitted", "approved", "rejected"};
inline const Choices kMeetingKinds = {"covenant_signing", "mid_year_review", "year_end_summary", "working_meeting", "sports_exchange"};
inline const Choices kMeetingStatuses = {"tentative", "confirmed", "passed", "cancelled"};
inline const Choices kParticipantRoles = {"chair", "guest_of_honour", "host_guest", "delegate", "secretary", "vote_counter"};
inline const Choices kDocTypes = {"quyet_dinh", "quy_che", "ke_hoach", "giao_uoc", "bang_tieu_chi", "bao_cao", "bien_ban",
                                  "bien_ban_kiem_phieu", "to_trinh", "cong_van", "thong_bao", "phat_bieu", "anh"};
inline const Choices kDecisionKinds = {"conclusion", "task", "resolution"};
inline const Choices kDecisionStatuses = {"open", "in_progress", "done", "cancelled"};

// ---- [SECTION] shared pieces -------------------------------------------------------------------------

template <class V> void Fields(V& v, model::Source& o)
{
    v.Text("url", o.url, kOpt, 2000);
    v.Text("title", o.title, kOpt, 2000);
    v.Text("note", o.note, kOpt);
}

template <class V> void Fields(V& v, model::Identifier& o)
{
    v.Text("scheme", o.scheme, kReq, 100);
    v.Text("identifier", o.identifier, kReq, 200);
}

template <class V> void Fields(V& v, model::ContactDetail& o)
{
    v.Enum("type", o.type, kReq, kContactTypes);
    v.Text("label", o.label, kOpt, 500);
    v.Text("value", o.value, kReq, 1000);
    v.Bool("private", o.is_private, kOpt);
}

template <class V> void Fields(V& v, model::Ended& o)
{
    v.Date("date", o.date, kReq);
    v.Text("reason", o.reason, kReq, 1000);
}

template <class V> void Fields(V& v, model::Fraction& o)
{
    v.Int("num", o.num, kReq, 0, 1000);
    v.Int("den", o.den, kReq, 1, 1000);
    v.Bool("strict", o.strict, kReq);
}

// ---- [SECTION] datapackage.json -----------------------------------------------------------------------

template <class V> void Fields(V& v, model::Resource& o)
{
    v.Text("path", o.path, kReq, 500);
    v.Text("format", o.format, kReq, 100);
    v.Int("schema_version", o.schema_version, kReq, 0, 1000000);
    v.Text("writer", o.writer, kReq, 200);
}

template <class V> void Fields(V& v, model::DataPackage& o)
{
    v.Text("name", o.name, kReq, 200);
    v.Text("title", o.title, kOpt, 1000);
    v.List("resources", o.resources, kReq);
}

// ---- [SECTION] registry --------------------------------------------------------------------------------

template <class V> void Fields(V& v, model::Organization& o)
{
    v.Id("id", o.id, RefKind::Organization);
    v.Rev(o.rev);
    v.Synthetic(o.synthetic);
    v.Text("name", o.name, kReq, 1000);
    v.Text("short_name", o.short_name, kOpt, 500);
    v.Enum("classification", o.classification, kReq, kOrgClassifications);
    v.Ref("parent_id", o.parent_id, kOpt, RefKind::Organization);
    v.Ref("area_id", o.area_id, kOpt, RefKind::Area);
    v.Date("founding_date", o.founding_date, kOpt);
    v.Date("dissolution_date", o.dissolution_date, kOpt);
    v.RefList("predecessor_ids", o.predecessor_ids, kOpt, RefKind::Organization);
    v.RefList("successor_ids", o.successor_ids, kOpt, RefKind::Organization);
    v.List("identifiers", o.identifiers, kOpt);
    v.List("contact_details", o.contact_details, kOpt);
    v.Text("note", o.note, kOpt);
    v.List("sources", o.sources, kOpt);
}

template <class V> void Fields(V& v, model::Area& o)
{
    v.Id("id", o.id, RefKind::Area);
    v.Rev(o.rev);
    v.Synthetic(o.synthetic);
    v.Text("name", o.name, kReq, 500);
    v.Enum("classification", o.classification, kReq, kAreaClassifications);
    v.Text("gso_code", o.gso_code, kReq, 10);
    v.Date("valid_from", o.valid_from, kOpt);
    v.Date("valid_to", o.valid_to, kOpt);
    v.RefList("successor_ids", o.successor_ids, kOpt, RefKind::Area);
    v.List("sources", o.sources, kOpt);
}

template <class V> void Fields(V& v, model::Post& o)
{
    v.Id("id", o.id, RefKind::Post);
    v.Ref("organization_id", o.organization_id, kReq, RefKind::Organization);
    v.Text("role", o.role, kReq, 500);
    v.Text("label", o.label, kOpt, 1000);
    v.Date("start_date", o.start_date, kOpt);
    v.Date("end_date", o.end_date, kOpt);
    v.List("sources", o.sources, kOpt);
}

template <class V> void Fields(V& v, model::Person& o)
{
    v.Id("id", o.id, RefKind::Person);
    v.Rev(o.rev);
    v.Synthetic(o.synthetic);
    v.Text("name", o.name, kReq, 500);
    v.Text("honorific_prefix", o.honorific_prefix, kOpt, 50);
    v.List("contact_details", o.contact_details, kOpt);
    v.List("posts", o.posts, kOpt);
    v.List("sources", o.sources, kOpt);
}

// ---- [SECTION] cluster.json ----------------------------------------------------------------------------

template <class V> void Fields(V& v, model::ClusterInfo& o)
{
    v.Id("id", o.id, RefKind::Cluster);
    v.Rev(o.rev);
    v.Ref("organization_id", o.organization_id, kReq, RefKind::Organization);
    v.Text("name", o.name, kReq, 1000);
    v.Text("note", o.note, kOpt);
    v.List("sources", o.sources, kOpt);
}

template <class V> void Fields(V& v, model::ClusterMembership& o)
{
    v.Id("id", o.id, RefKind::Membership);
    v.Rev(o.rev);
    v.Synthetic(o.synthetic);
    v.Ref("organization_id", o.organization_id, kReq, RefKind::Organization);
    v.Int("start_year", o.start_year, kReq, 1945, 2200);
    v.Int("end_year", o.end_year, kOpt, 1945, 2200);
    v.Date("start_date", o.start_date, kOpt);
    v.Object("ended", o.ended, kOpt);
    v.List("sources", o.sources, kOpt);
}

template <class V> void Fields(V& v, model::Rotation& o)
{
    v.Id("id", o.id, RefKind::Rotation);
    v.Rev(o.rev);
    v.Synthetic(o.synthetic);
    v.Int("year", o.year, kReq, 1945, 2200);
    v.Ref("chair_org_id", o.chair_org_id, kReq, RefKind::Organization);
    v.Ref("deputy_org_id", o.deputy_org_id, kOpt, RefKind::Organization);
    v.Text("note", o.note, kOpt);
    v.List("sources", o.sources, kOpt);
}

template <class V> void Fields(V& v, model::Cluster& o)
{
    v.Object("cluster", o.cluster, kReq);
    v.List("memberships", o.memberships, kReq);
    v.List("rotations", o.rotations, kOpt);
}

// ---- [SECTION] year.json -------------------------------------------------------------------------------

template <class V> void Fields(V& v, model::Phase& o)
{
    v.Id("id", o.id, RefKind::Phase);
    v.Enum("kind", o.kind, kReq, kPhaseKinds);
    v.Enum("status", o.status, kReq, kPhaseStatuses);
    v.Date("start_date", o.start_date, kOpt);
    v.Date("end_date", o.end_date, kOpt);
}

template <class V> void Fields(V& v, model::RatingBand& o)
{
    v.Id("id", o.id, RefKind::RatingBand);
    v.Pts("min", o.min, kReq, -kMaxPoints, kMaxPoints);
    v.Text("label", o.label, kReq, 500);
}

template <class V> void Fields(V& v, model::VoteRules& o)
{
    v.Object("quorum", o.quorum, kReq);
    v.Object("threshold", o.threshold, kReq);
    v.Enum("threshold_base", o.threshold_base, kReq, kThresholdBases);
    v.Enum("voter_kind", o.voter_kind, kReq, kVoterKinds);
    v.Int("max_choices", o.max_choices, kReq, 1, 100);
    v.Bool("allow_self_vote", o.allow_self_vote, kReq);
    v.Int("max_rounds", o.max_rounds, kReq, 1, 10);
}

template <class V> void Fields(V& v, model::AwardQuota& o)
{
    v.Id("id", o.id, RefKind::AwardQuota);
    v.Enum("award_type", o.award_type, kReq, kAwardTypes);
    v.Int("max_count", o.max_count, kReq, 0, 1000);
    v.Ref("min_rating", o.min_rating, kOpt, RefKind::RatingBand);
    v.Enum("basis", o.basis, kReq, kAwardBases);
}

template <class V> void Fields(V& v, model::Ruleset& o)
{
    v.Id("id", o.id, RefKind::Ruleset);
    v.Rev(o.rev);
    v.TextList("legal_basis", o.legal_basis, kReq);
    v.Enum("second_stage", o.second_stage, kReq, kSecondStages);
    v.Bool("cross_drop_extremes", o.cross_drop_extremes, kReq);
    v.Pts("bonus_cap", o.bonus_cap, kOpt, 0, kMaxPoints);
    v.List("rating_bands", o.rating_bands, kReq);
    v.Object("vote_rules", o.vote_rules, kReq);
    v.TextList("tie_break_order", o.tie_break_order, kReq);
    v.List("award_quotas", o.award_quotas, kReq);
    v.List("sources", o.sources, kOpt);
}

template <class V> void Fields(V& v, model::Criterion& o)
{
    v.Id("id", o.id, RefKind::Criterion);
    v.Rev(o.rev);
    v.Ref("parent_id", o.parent_id, kOpt, RefKind::Criterion);
    v.Text("code", o.code, kReq, 50);
    v.Text("title", o.title, kReq, 2000);
    v.Text("description", o.description, kOpt);
    v.Enum("kind", o.kind, kReq, kCriterionKinds);
    v.Pts("max_points", o.max_points, kOpt, 0, kMaxPoints);
    v.Pts("target", o.target, kOpt, 0, kMaxPoints);
    v.Text("unit", o.unit, kOpt, 100);
    v.Pts("points_per_unit", o.points_per_unit, kOpt, 0, kMaxPoints);
    v.Pts("cap", o.cap, kOpt, 0, kMaxPoints);
    v.Int("order", o.order, kOpt, 0, 1000000);
}

template <class V> void Fields(V& v, model::Year& o)
{
    v.Id("id", o.id, RefKind::Year);
    v.Rev(o.rev);
    v.Ref("cluster_id", o.cluster_id, kReq, RefKind::Cluster);
    v.Int("year", o.year, kReq, 1945, 2200);
    v.Text("theme", o.theme, kOpt, 2000);
    v.Text("sector_theme", o.sector_theme, kOpt, 2000);
    v.Ref("chair_org_id", o.chair_org_id, kReq, RefKind::Organization);
    v.Ref("deputy_org_id", o.deputy_org_id, kOpt, RefKind::Organization);
    v.Enum("status", o.status, kReq, kYearStatuses);
    v.List("phases", o.phases, kOpt);
    v.List("sources", o.sources, kOpt);
}

template <class V> void Fields(V& v, model::YearFile& o)
{
    v.Object("year", o.year, kReq);
    v.Object("ruleset", o.ruleset, kReq);
    v.List("criteria", o.criteria, kReq);
}

// ---- [SECTION] covenant.json ---------------------------------------------------------------------------

template <class V> void Fields(V& v, model::Commitment& o)
{
    v.Id("id", o.id, RefKind::Commitment);
    v.Int("order", o.order, kReq, 0, 100000);
    v.Text("text", o.text, kReq);
    v.RefList("criterion_ids", o.criterion_ids, kOpt, RefKind::Criterion);
    v.List("sources", o.sources, kOpt);
}

template <class V> void Fields(V& v, model::Signatory& o)
{
    v.Id("id", o.id, RefKind::Signatory);
    v.Ref("organization_id", o.organization_id, kReq, RefKind::Organization);
    v.Ref("person_id", o.person_id, kOpt, RefKind::Person);
    v.Text("title", o.title, kOpt, 500);
    v.Date("signed_date", o.signed_date, kOpt);
}

template <class V> void Fields(V& v, model::Target& o)
{
    v.Id("id", o.id, RefKind::Target);
    v.Text("text", o.text, kReq);
    v.Ref("criterion_id", o.criterion_id, kOpt, RefKind::Criterion);
    v.Pts("value", o.value, kOpt, 0, kMaxPoints);
}

template <class V> void Fields(V& v, model::Registration& o)
{
    v.Id("id", o.id, RefKind::Registration);
    v.Rev(o.rev);
    v.Synthetic(o.synthetic);
    v.Ref("organization_id", o.organization_id, kReq, RefKind::Organization);
    v.TextList("titles", o.titles, kOpt);
    v.List("targets", o.targets, kOpt);
}

template <class V> void Fields(V& v, model::Covenant& o)
{
    v.Id("id", o.id, RefKind::Covenant);
    v.Rev(o.rev);
    v.Ref("year_id", o.year_id, kReq, RefKind::Year);
    v.Ref("meeting_id", o.meeting_id, kOpt, RefKind::Meeting);
    v.Text("theme", o.theme, kReq, 2000);
    v.Date("signed_date", o.signed_date, kOpt);
    v.List("commitments", o.commitments, kReq);
    v.List("signatories", o.signatories, kOpt);
    v.List("sources", o.sources, kOpt);
}

template <class V> void Fields(V& v, model::CovenantFile& o)
{
    v.Object("covenant", o.covenant, kReq);
    v.List("registrations", o.registrations, kOpt);
}

// ---- [SECTION] scores, ballots, proposals --------------------------------------------------------------

template <class V> void Fields(V& v, model::Score& o)
{
    v.Id("id", o.id, RefKind::Score);
    v.Rev(o.rev);
    v.Ref("criterion_id", o.criterion_id, kReq, RefKind::Criterion);
    v.Ref("subject_org_id", o.subject_org_id, kReq, RefKind::Organization);
    v.Ref("scorer_org_id", o.scorer_org_id, kReq, RefKind::Organization);
    v.Enum("stage", o.stage, kReq, kStages);
    v.Pts("value", o.value, kReq, 0, kMaxPoints);
    v.Text("comment", o.comment, kOpt);
    v.TextList("evidence", o.evidence, kOpt);
}

template <class V> void Fields(V& v, model::SelfAssessment& o)
{
    v.Ref("year_id", o.year_id, kReq, RefKind::Year);
    v.Ref("organization_id", o.organization_id, kReq, RefKind::Organization);
    v.Text("report", o.report, kOpt);
    v.Date("submitted_date", o.submitted_date, kOpt);
    v.List("scores", o.scores, kReq);
}

template <class V> void Fields(V& v, model::VoteCount& o)
{
    v.Ref("option", o.option, kReq, RefKind::Organization);
    v.Int("votes", o.votes, kReq, 0, kMaxCount);
}

template <class V> void Fields(V& v, model::Ballot& o)
{
    v.Id("id", o.id, RefKind::Ballot);
    v.Rev(o.rev);
    v.Ref("meeting_id", o.meeting_id, kOpt, RefKind::Meeting);
    v.Enum("motion", o.motion, kReq, kMotions);
    v.Int("round", o.round, kReq, 1, 100);
    v.Ref("previous_round_id", o.previous_round_id, kOpt, RefKind::Ballot);
    v.Int("seats", o.seats, kReq, 1, 100);
    v.RefList("candidates", o.candidates, kReq, RefKind::Organization);
    v.Int("members_present", o.members_present, kReq, 0, kMaxCount);
    v.Int("ballots_issued", o.ballots_issued, kReq, 0, kMaxCount);
    v.Int("ballots_returned", o.ballots_returned, kReq, 0, kMaxCount);
    v.Int("ballots_valid", o.ballots_valid, kReq, 0, kMaxCount);
    v.Int("ballots_invalid", o.ballots_invalid, kReq, 0, kMaxCount);
    v.List("counts", o.counts, kReq);
    v.RefList("counting_team_person_ids", o.counting_team_person_ids, kOpt, RefKind::Person);
    v.TextList("counting_team_names", o.counting_team_names, kOpt);
    v.Object("ended", o.ended, kOpt);
}

template <class V> void Fields(V& v, model::AwardProposal& o)
{
    v.Id("id", o.id, RefKind::Proposal);
    v.Rev(o.rev);
    v.Enum("award_type", o.award_type, kReq, kAwardTypes);
    v.Ref("organization_id", o.organization_id, kReq, RefKind::Organization);
    v.Enum("basis", o.basis, kReq, kAwardBases);
    v.Ref("ballot_id", o.ballot_id, kOpt, RefKind::Ballot);
    v.Enum("status", o.status, kReq, kProposalStatuses);
    v.Int("rank", o.rank, kOpt, 0, 10000);
    v.Text("decision_number", o.decision_number, kOpt, 200);
    v.Date("decision_date", o.decision_date, kOpt);
    v.Text("note", o.note, kOpt);
    v.Object("ended", o.ended, kOpt);
}

template <class V> void Fields(V& v, model::Results& o)
{
    v.Ref("year_id", o.year_id, kReq, RefKind::Year);
    v.List("scores", o.scores, kReq);
    v.List("ballots", o.ballots, kReq);
    v.List("award_proposals", o.award_proposals, kReq);
}

// ---- [SECTION] meetings ------------------------------------------------------------------------------

template <class V> void Fields(V& v, model::Venue& o)
{
    v.Text("name", o.name, kReq, 1000);
    v.Text("address", o.address, kOpt, 1000);
    v.Ref("host_org_id", o.host_org_id, kOpt, RefKind::Organization);
}

template <class V> void Fields(V& v, model::Participant& o)
{
    v.Id("id", o.id, RefKind::Participant);
    v.Ref("person_id", o.person_id, kOpt, RefKind::Person);
    v.Text("name", o.name, kOpt, 500);
    v.Ref("organization_id", o.organization_id, kOpt, RefKind::Organization);
    v.Text("title_at_event", o.title_at_event, kOpt, 1000);
    v.Enum("role_at_event", o.role_at_event, kReq, kParticipantRoles);
    v.List("sources", o.sources, kOpt);
}

template <class V> void Fields(V& v, model::AgendaItem& o)
{
    v.Id("id", o.id, RefKind::AgendaItem);
    v.Text("order", o.order, kReq, 20);
    v.Text("description", o.description, kReq);
    v.Ref("presenter_org_id", o.presenter_org_id, kOpt, RefKind::Organization);
    v.Ref("presenter_person_id", o.presenter_person_id, kOpt, RefKind::Person);
    v.List("sources", o.sources, kOpt);
}

template <class V> void Fields(V& v, model::MeetingDocument& o)
{
    v.Id("id", o.id, RefKind::Document);
    v.Enum("doc_type", o.doc_type, kReq, kDocTypes);
    v.Text("number", o.number, kOpt, 200);
    v.Text("title", o.title, kReq, 2000);
    v.Date("issued_date", o.issued_date, kOpt);
    v.Text("url", o.url, kOpt, 2000);
}

template <class V> void Fields(V& v, model::Decision& o)
{
    v.Id("id", o.id, RefKind::Decision);
    v.Rev(o.rev);
    v.Enum("kind", o.kind, kReq, kDecisionKinds);
    v.Text("text", o.text, kReq);
    v.Ref("assigned_by_person_id", o.assigned_by_person_id, kOpt, RefKind::Person);
    v.RefList("assignee_org_ids", o.assignee_org_ids, kOpt, RefKind::Organization);
    v.Date("due_date", o.due_date, kOpt);
    v.Enum("status", o.status, kOpt, kDecisionStatuses);
    v.List("sources", o.sources, kOpt);
}

template <class V> void Fields(V& v, model::Meeting& o)
{
    v.Id("id", o.id, RefKind::Meeting);
    v.Rev(o.rev);
    v.Ref("year_id", o.year_id, kReq, RefKind::Year);
    v.Enum("classification", o.classification, kReq, kMeetingKinds);
    v.Text("name", o.name, kReq, 2000);
    v.Date("start_date", o.start_date, kReq);
    v.Text("start_time", o.start_time, kOpt, 5);
    v.Date("end_date", o.end_date, kOpt);
    v.Enum("status", o.status, kReq, kMeetingStatuses);
    v.Object("venue", o.venue, kReq);
    v.Ref("chair_person_id", o.chair_person_id, kOpt, RefKind::Person);
    v.List("participants", o.participants, kOpt);
    v.List("agenda", o.agenda, kOpt);
    v.List("documents", o.documents, kOpt);
    v.List("decisions", o.decisions, kOpt);
    v.List("sources", o.sources, kOpt);
}

// Top-level wrappers for the registry files (one list each).
struct OrganizationsFile { std::vector<model::Organization> organizations; };
struct AreasFile { std::vector<model::Area> areas; };
struct PeopleFile { std::vector<model::Person> people; };
struct MeetingFile { model::Meeting meeting; };

template <class V> void Fields(V& v, OrganizationsFile& o) { v.List("organizations", o.organizations, kReq); }
template <class V> void Fields(V& v, AreasFile& o) { v.List("areas", o.areas, kReq); }
template <class V> void Fields(V& v, PeopleFile& o) { v.List("people", o.people, kReq); }
template <class V> void Fields(V& v, MeetingFile& o) { v.Object("meeting", o.meeting, kReq); }

// ---- [SECTION] the visitors' templates (need the Fields overloads above) ----------------------------

template <class T> void Reader::Object(const char* key, T& out, Req req)
{
    const json* value = Find(key, req);
    if (!value)
        return;
    PathSeg seg{m_path, key, 0};
    if (!value->is_object())
        return TypeError(seg, "an object ({...})", *value);
    Reader sub(m_ctx, *value, &seg);
    Fields(sub, out);
    sub.Finish();
}

template <class T> void Reader::List(const char* key, std::vector<T>& out, Req req)
{
    const json* value = Find(key, req);
    if (!value)
        return;
    PathSeg seg{m_path, key, 0};
    if (!value->is_array())
        return TypeError(seg, "a list ([...])", *value);
    out.resize(value->size()); // one struct per element, so positions match the file's pointers
    for (size_t i = 0; i < value->size(); ++i)
    {
        PathSeg item{&seg, nullptr, i};
        const json& element = (*value)[i];
        if (!element.is_object())
        {
            TypeError(item, "an object ({...})", element);
            continue;
        }
        Reader sub(m_ctx, element, &item);
        Fields(sub, out[i]);
        sub.Finish();
    }
}

template <class T> void Writer::Object(const char* key, const T& v, Req req)
{
    json sub = json::object();
    Writer w(sub);
    Fields(w, const_cast<T&>(v)); // the field list is shared with the Reader; the Writer only reads
    if (req == Req::Optional)
    {
        json empty = json::object();
        Writer e(empty);
        T dummy{};
        Fields(e, dummy);
        if (sub == empty)
            return; // an optional object never filled in (e.g. "ended" of a record in force) is left out
    }
    m_obj[key] = std::move(sub);
}

template <class T> void Writer::List(const char* key, const std::vector<T>& v, Req req)
{
    if (req == Req::Optional && v.empty())
        return;
    json list = json::array();
    for (const T& item : v)
    {
        json sub = json::object();
        Writer w(sub);
        Fields(w, const_cast<T&>(item));
        list.push_back(std::move(sub));
    }
    m_obj[key] = std::move(list);
}

template <class T> void SchemaWriter::Object(const char* key, const T&, Req req)
{
    json sub;
    SchemaWriter w(sub);
    T dummy{};
    Fields(w, dummy);
    Add(key, std::move(sub), req);
}

template <class T> void SchemaWriter::List(const char* key, const std::vector<T>&, Req req)
{
    json item;
    SchemaWriter w(item);
    T dummy{};
    Fields(w, dummy);
    Add(key, json{{"type", "array"}, {"items", std::move(item)}}, req);
}
} // namespace io
