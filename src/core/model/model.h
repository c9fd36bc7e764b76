// The cluster's data as plain structs: one struct per record kind, field names = JSON keys.
// No behaviour and no I/O here (reading, checking and writing live in io::, computing in scoring::).
// Points are integer hundredths (825 = 8.25 points) so 0.01 steps never drift; "" / 0 mean "not set".
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace model
{
using Points = int64_t; // hundredths of a point (or of any decimal quantity with <= 2 decimals)

constexpr int32_t kSchemaVersion = 1; // the newest schema_version this build reads and writes

// ---- [SECTION] shared pieces ----------------------------------------------------------------------------

struct Source // where a real fact comes from (Popolo `sources`); at least a url or a title
{
    std::string url;
    std::string title; // e.g. the article's headline, author and date when there is no address
    std::string note;
};

struct Identifier // e.g. {scheme: "gso", identifier: "27"}
{
    std::string scheme;
    std::string identifier;
};

struct ContactDetail // Popolo contact_detail: {type: "phone", label: "Văn phòng Sở", value: "0222 3822 xxx"}
{
    std::string type;  // address, email, phone, mobile, fax, website
    std::string label; // whose or which line, "Văn phòng Sở"
    std::string value;
    bool is_private = false; // JSON "private": a personal line, never shown on the projector
};

struct Ended // a record that no longer applies: kept, shown as ended, never deleted (edit::End)
{
    std::string date;   // YYYY-MM-DD
    std::string reason; // "Hợp nhất vào Sở NN&MT Hải Phòng"
};

struct Fraction // an exact ratio, e.g. 1/2 strict = "more than half", 2/3 = "at least two thirds"
{
    int64_t num = 1;
    int64_t den = 2;
    bool strict = false; // true: value must be greater than num/den; false: at least num/den
};

// ---- [SECTION] datapackage.json --------------------------------------------------------------------------

struct Resource // one file of the dataset
{
    std::string path;           // relative to the data root, e.g. "years/2021/year.json"
    std::string format;         // "thidua.year"
    int32_t schema_version = 1; // the version the file is written in
    std::string writer;         // role allowed to write it: "secretariat" or "member:<org-id>"
};

struct DataPackage
{
    std::string name;  // "cum1"
    std::string title; // shown on screen
    std::vector<Resource> resources;
};

// ---- [SECTION] registry/*.json ---------------------------------------------------------------------------

struct Organization
{
    std::string id; // "org.sotnmt.27"
    int64_t rev = 1;
    bool synthetic = false;
    std::string name;           // full name
    std::string short_name;     // "Sở TN&MT Bắc Ninh"
    std::string classification; // ministry, ministry_dept, provincial_dept, provincial_committee, emulation_cluster, emulation_block
    std::string parent_id;      // organisation
    std::string area_id;        // area
    std::string founding_date;  // YYYY-MM-DD
    std::string dissolution_date;
    std::vector<std::string> predecessor_ids; // organisations
    std::vector<std::string> successor_ids;   // organisations
    std::vector<Identifier> identifiers;
    std::vector<ContactDetail> contact_details;
    std::string note;
    std::vector<Source> sources;
};

struct Area
{
    std::string id; // "area.vn.27"
    int64_t rev = 1;
    bool synthetic = false;
    std::string name;
    std::string classification; // province, municipality
    std::string gso_code;       // official code of the General Statistics Office, "27"
    std::string valid_from;
    std::string valid_to;
    std::vector<std::string> successor_ids; // areas
    std::vector<Source> sources;
};

struct Post // a person's post over time (Popolo Membership)
{
    std::string id;
    std::string organization_id;
    std::string role;  // "Thứ trưởng", "Giám đốc", "Phó Chủ tịch UBND tỉnh"
    std::string label; // optional full title
    std::string start_date;
    std::string end_date;
    std::vector<Source> sources;
};

struct Person
{
    std::string id; // "per.nguyen-thi-phuong-hoa"
    int64_t rev = 1;
    bool synthetic = false;
    std::string name;
    std::string honorific_prefix; // "Bà", "Ông"
    std::vector<ContactDetail> contact_details;
    std::vector<Post> posts;
    std::vector<Source> sources;
};

// ---- [SECTION] cluster.json ------------------------------------------------------------------------------

struct ClusterInfo
{
    std::string id;               // "cluster.cum1"
    int64_t rev = 1;
    std::string organization_id;  // the cluster as an organisation ("org.cum1")
    std::string name;
    std::string note;
    std::vector<Source> sources;
};

struct ClusterMembership // a member unit from start_year to end_year (0 = still a member)
{
    std::string id;
    int64_t rev = 1;
    bool synthetic = false;
    std::string organization_id;
    int32_t start_year = 0;
    int32_t end_year = 0;
    std::string start_date; // optional, YYYY-MM-DD: the day within start_year the membership began
    Ended ended;            // date "" = still in force
    std::vector<Source> sources;
};

struct Rotation // who chairs the cluster in a year
{
    std::string id;
    int64_t rev = 1;
    bool synthetic = false;
    int32_t year = 0;
    std::string chair_org_id;
    std::string deputy_org_id; // "" = not known
    std::string note;
    std::vector<Source> sources;
};

struct Cluster
{
    ClusterInfo cluster;
    std::vector<ClusterMembership> memberships;
    std::vector<Rotation> rotations;
};

// ---- [SECTION] years/<y>/year.json: the year, its ruleset and its criteria tree -------------------------

struct Phase
{
    std::string id;
    std::string kind;   // covenant, self_assessment, cross_scoring, review, final_scoring, voting, submission
    std::string status; // not_started, open, closed
    std::string start_date;
    std::string end_date;
};

struct RatingBand
{
    std::string id;
    Points min = 0;    // the band applies when total >= min
    std::string label; // "Hoàn thành xuất sắc nhiệm vụ"
};

struct VoteRules
{
    Fraction quorum{2, 3, false};               // members present / members total
    Fraction threshold{1, 2, true};             // votes / base
    std::string threshold_base = "members_total"; // members_total, members_present, ballots_valid
    std::string voter_kind = "organization";    // organization (one ballot per unit), person
    int32_t max_choices = 1;                    // names a ballot may mark
    bool allow_self_vote = false;
    int32_t max_rounds = 3;
};

struct AwardQuota
{
    std::string id;
    std::string award_type;  // co_thi_dua_bo, bang_khen_bo_truong, ...
    int32_t max_count = 1;
    std::string min_rating;  // RatingBand id a unit needs ("" = none)
    std::string basis;       // ballot_winner (the elected leading unit) or rank (next best ranked units)
};

struct Ruleset
{
    std::string id;
    int64_t rev = 1;
    std::vector<std::string> legal_basis; // "Luật Thi đua, khen thưởng 2003 (sửa đổi 2013)", ...
    std::string second_stage = "cross";   // cross (members score each other) or review (the chair reviews)
    bool cross_drop_extremes = false;     // drop one highest and one lowest cross score (>= 3 scorers)
    Points bonus_cap = 0;                 // the most bonus points counted in a total
    std::vector<RatingBand> rating_bands;
    VoteRules vote_rules;
    std::vector<std::string> tie_break_order; // "group:<criterion-id>", "bonus", "penalty", "self_total", "revote"
    std::vector<AwardQuota> award_quotas;
    std::vector<Source> sources;
};

struct Criterion
{
    std::string id; // "crit.cum1.2021.I.1"
    int64_t rev = 1;
    std::string parent_id; // a group criterion, "" = top level
    std::string code;      // "I.1"
    std::string title;
    std::string description;
    std::string kind;        // group, quantitative, qualitative, per_occurrence, bonus, penalty, manual
    Points max_points = 0;   // group, quantitative, qualitative, per_occurrence, manual
    Points target = 0;       // quantitative: the target (chỉ tiêu), hundredths of `unit`
    std::string unit;        // quantitative: unit of the target ("%", "hồ sơ")
    Points points_per_unit = 0; // per_occurrence, bonus, penalty
    Points cap = 0;          // per_occurrence, bonus, penalty: the most points (0 = per_occurrence uses max_points; bonus/penalty uncapped)
    int32_t order = 0;
};

struct Year
{
    std::string id; // "year.cum1.2021"
    int64_t rev = 1;
    std::string cluster_id;
    int32_t year = 0;
    std::string theme;
    std::string sector_theme;
    std::string chair_org_id;
    std::string deputy_org_id;
    std::string status; // planning, active, reviewing, voting, submitted, closed
    std::vector<Phase> phases;
    std::vector<Source> sources;
};

struct YearFile
{
    Year year;
    Ruleset ruleset;
    std::vector<Criterion> criteria;
};

// ---- [SECTION] years/<y>/covenant.json ----------------------------------------------------------------

struct Commitment
{
    std::string id;
    int32_t order = 0;
    std::string text;
    std::vector<std::string> criterion_ids;
    std::vector<Source> sources;
};

struct Signatory
{
    std::string id;
    std::string organization_id;
    std::string person_id; // "" = not known
    std::string title;
    std::string signed_date;
};

struct Target
{
    std::string id;
    std::string text;
    std::string criterion_id; // optional
    Points value = 0;         // optional
};

struct Registration // a member's registration of titles and targets
{
    std::string id;
    int64_t rev = 1;
    bool synthetic = false;
    std::string organization_id;
    std::vector<std::string> titles; // titles registered
    std::vector<Target> targets;
};

struct Covenant
{
    std::string id;
    int64_t rev = 1;
    std::string year_id;
    std::string meeting_id; // the signing conference
    std::string theme;
    std::string signed_date;
    std::vector<Commitment> commitments;
    std::vector<Signatory> signatories;
    std::vector<Source> sources;
};

struct CovenantFile
{
    Covenant covenant;
    std::vector<Registration> registrations;
};

// ---- [SECTION] scores: self files and results.json ---------------------------------------------------

// One scorer's input for one criterion of one unit at one stage. What `value` means depends on the
// criterion's kind: quantitative -> the result achieved (in the criterion's unit), qualitative -> 1 achieved /
// 0 not, per_occurrence, bonus, penalty -> how many times (a whole number), manual -> the points given.
struct Score
{
    std::string id;
    int64_t rev = 1;
    std::string criterion_id;
    std::string subject_org_id; // the unit being scored
    std::string scorer_org_id;  // who scored
    std::string stage;          // self, cross, review, final
    Points value = 0;           // hundredths, see above
    std::string comment;
    std::vector<std::string> evidence; // document references or URLs
};

struct SelfAssessment // years/<y>/self/<org-id>.json: written by that unit
{
    std::string year_id;
    std::string organization_id;
    std::string report; // the unit's summary
    std::string submitted_date; // YYYY-MM-DD when the unit sent it to the secretariat ("" = still a draft)
    std::vector<Score> scores;
};

struct VoteCount
{
    std::string option; // a candidate organisation id
    int64_t votes = 0;
};

struct Ballot // a secret ballot: tallies only, never who voted for whom
{
    std::string id;
    int64_t rev = 1;
    std::string meeting_id;
    std::string motion; // honour_leader, propose_certificate
    int32_t round = 1;
    std::string previous_round_id; // the ballot this one repeats ("" for round 1)
    int32_t seats = 1;             // how many candidates the motion elects
    std::vector<std::string> candidates; // organisations
    int64_t members_present = 0;
    int64_t ballots_issued = 0;
    int64_t ballots_returned = 0;
    int64_t ballots_valid = 0;
    int64_t ballots_invalid = 0;
    std::vector<VoteCount> counts;
    std::vector<std::string> counting_team_person_ids;
    std::vector<std::string> counting_team_names; // members of the counting committee not in the people registry
    Ended ended;                                  // a ballot recorded by mistake (kept, not counted)
};

struct AwardProposal
{
    std::string id;
    int64_t rev = 1;
    std::string award_type; // co_thi_dua_bo, bang_khen_bo_truong
    std::string organization_id;
    std::string basis;     // ballot_winner, rank
    std::string ballot_id; // for ballot_winner
    std::string status;    // draft, agreed (at the meeting), submitted (sent), approved, rejected (decided)
    int32_t rank = 0;      // the unit's final rank when it was proposed
    std::string decision_number; // the ministry's decision ("1234/QĐ-BNNMT") once decided
    std::string decision_date;
    std::string note;
    Ended ended;           // withdrawn (kept for the record)
};

struct Results // years/<y>/results.json: written by the secretariat
{
    std::string year_id;
    std::vector<Score> scores;
    std::vector<Ballot> ballots;
    std::vector<AwardProposal> award_proposals;
};

// ---- [SECTION] meetings/<meeting-id>.json ----------------------------------------------------------------

struct Venue
{
    std::string name;
    std::string address;
    std::string host_org_id;
};

struct Participant
{
    std::string id;
    std::string person_id;       // "" when only the name is known
    std::string name;            // as reported
    std::string organization_id;
    std::string title_at_event;  // the title held at that meeting
    std::string role_at_event;   // chair, guest_of_honour, host_guest, delegate, secretary, vote_counter
    std::vector<Source> sources;
};

struct AgendaItem
{
    std::string id;
    std::string order; // "1", "2.1"
    std::string description;
    std::string presenter_org_id;
    std::string presenter_person_id;
    std::vector<Source> sources;
};

struct MeetingDocument
{
    std::string id;
    std::string doc_type; // quyet_dinh, quy_che, ke_hoach, giao_uoc, bien_ban, bien_ban_kiem_phieu, to_trinh, bao_cao, ...
    std::string number;   // "123/QĐ-BTNMT"
    std::string title;
    std::string issued_date;
    std::string url;
};

struct Decision // a conclusion or task decided at the meeting
{
    std::string id;
    int64_t rev = 1;
    std::string kind; // conclusion, task, resolution
    std::string text;
    std::string assigned_by_person_id;
    std::vector<std::string> assignee_org_ids;
    std::string due_date;
    std::string status; // "" (not tracked), open, in_progress, done, cancelled
    std::vector<Source> sources;
};

struct Meeting
{
    std::string id; // "mtg.cum1.2021-03-25.giao-uoc"
    int64_t rev = 1;
    std::string year_id;
    std::string classification; // covenant_signing, mid_year_review, year_end_summary, working_meeting, sports_exchange
    std::string name;
    std::string start_date;
    std::string start_time; // "HH:MM" (local time), optional
    std::string end_date;
    std::string status; // tentative, confirmed, passed, cancelled
    Venue venue;
    std::string chair_person_id;
    std::vector<Participant> participants;
    std::vector<AgendaItem> agenda;
    std::vector<MeetingDocument> documents;
    std::vector<Decision> decisions;
    std::vector<Source> sources;
};

// ---- [SECTION] the dataset -----------------------------------------------------------------------------

enum class FileKind
{
    Unknown,
    DataPackage,
    Organizations,
    Areas,
    People,
    Cluster,
    Year,
    Covenant,
    Results,
    SelfAssessment,
    Meeting,
};

struct FileInfo // one file of the dataset as it was loaded
{
    std::string path;           // relative to the data root
    std::string format;         // "thidua.year"
    FileKind kind = FileKind::Unknown;
    int32_t schema_version = 0; // as found in the file (before migration)
    bool synthetic = false;     // the file says it holds invented demonstration data
    bool read_only = false;     // newer schema_version than this build: shown, never written back
    bool loaded = false;        // false when the file was unusable (see the issues)
    std::string writer;         // from datapackage.json
    int32_t index = -1;         // position in the Dataset vector of its kind (years, meetings, ...)
};

struct Dataset
{
    DataPackage package;
    std::vector<FileInfo> files;

    std::vector<Organization> organizations;
    std::vector<Area> areas;
    std::vector<Person> people;
    Cluster cluster;
    std::vector<YearFile> years;
    std::vector<CovenantFile> covenants;
    std::vector<Results> results;
    std::vector<SelfAssessment> self_assessments;
    std::vector<Meeting> meetings;
};
} // namespace model
