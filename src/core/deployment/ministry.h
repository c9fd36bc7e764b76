// The ministry's table across clusters for one year: every cluster's leading unit (the unit its honour ballot
// elected, else the unit its scores rank first, as the history screen decides), the cluster's award proposals and
// their status, and which leaders go forward for the Government's emulation flag (Cờ thi đua của Chính phủ): at
// most 20 % of the cluster and block leaders (CV 5007/BNV-TĐKT 2023, domain.md §2.1), rounded down.
// Ranking of the candidates (the ministry council picks "the most outstanding" among the leaders; the clusters'
// criteria tables differ, so their points are not compared across clusters):
//   1. a leader elected by its cluster's secret honour ballot before one only ranked first by scores;
//   2. then the larger share of the ballot's votes (votes for the leader / the ballot's threshold base): its peers'
//      judgement, a ratio that means the same in every cluster;
//   3. still equal: the same rank (ties are shown; a tie across the quota line is for the council to decide).
// Pure functions; the server computes the table with one request (GET /api/ministry?year=Y), the app draws it.
#pragma once

#include "core/deployment/deployment.h"
#include "core/model/model.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace deployment
{
struct ProposalRow
{
    std::string award_type;   // co_thi_dua_bo, bang_khen_bo_truong, ...
    std::string organization; // the unit's name
    std::string status;       // draft, agreed, submitted, approved, rejected
    std::string decision_number;
    std::string decision_date; // YYYY-MM-DD
};

struct LeaderRow
{
    std::string cluster_id;
    std::string cluster_name;
    std::string kind; // cluster | block
    bool synthetic = false;
    bool has_year = false;       // the cluster holds that year
    std::string leader_org_id;   // "" = no leader yet (no passed ballot, no complete ranking)
    std::string leader_name;
    bool by_ballot = false;      // elected by the honour ballot (else ranked first by scores)
    int64_t votes = 0;           // the leader's votes in that ballot
    int64_t base = 0;            // the ballot's threshold base
    model::Points total = 0;     // the leader's ranking total in its own cluster
    int32_t members = 0;         // members of the cluster that year
    std::vector<ProposalRow> proposals;
    int32_t candidate_rank = 0;  // 1-based among the leaders (equal keys share a rank); 0 = no leader
    bool goes_forward = false;   // within the quota
    bool tied_at_quota = false;  // equal with a unit on the other side of the quota line: the council decides
};

struct MinistryTable
{
    int32_t year = 0;
    std::vector<int32_t> years; // every year some cluster holds, ascending
    int32_t leaders = 0;        // clusters with a leader that year
    int32_t quota = 0;          // floor(leaders * 20 / 100)
    std::vector<LeaderRow> rows; // candidates by rank, then clusters without a leader (Vietnamese order)
};

struct ClusterData
{
    ClusterEntry entry;
    const model::Dataset* dataset = nullptr;
};

MinistryTable BuildMinistryTable(const std::vector<ClusterData>& clusters, int32_t year);

// The largest number of leaders that may go forward: 20 % of `leaders`, rounded down.
int32_t GovernmentFlagQuota(int32_t leaders);

nlohmann::json ToJson(const MinistryTable& table);
// Never throws; false when `j` is not such a table.
bool FromJson(const nlohmann::json& j, MinistryTable* out);
} // namespace deployment
