// The secretariat's ballot and award forms, drawn inside the Results screen: a new ballot for a meeting (motion,
// seats, candidates from the ranking, counting committee), the tally typed into a draft and saved as a whole
// ("Lưu kết quả kiểm phiếu": checked together, one step, the proposals follow the new result in the same step),
// the next round with the tied candidates, and the award proposals' status and decision.
#pragma once

#include "ui/year_work.h"

#include <string>
#include <vector>

namespace ui
{
struct AppState;

struct BallotForms
{
    // ---- "Phiếu bầu mới" ----
    bool creating = false;
    std::string meeting_id;
    std::string motion = "honour_leader";
    std::string seats_text = "1";
    std::vector<std::string> candidates;
    std::string counting_names; // "Nguyễn Văn A, Trần Thị B"
    std::string error;
    // ---- the tallies being corrected, one per ballot on screen ----
    struct Tally
    {
        TallyDraft draft;
        std::vector<std::string> text;      // members_present, issued, returned, valid, invalid, then one per option
        std::vector<TallyProblem> problems; // found when "Lưu" was tapped
        bool saving = false;                // "Lưu" was tapped: the draft stays until the data shows it (a refused
                                            // step keeps what was typed; the reason is on the status line)
    };
    std::vector<Tally> tallies;
};

// "Phiếu bầu mới" and its form; true while the form is drawn.
bool DrawNewBallotForm(BallotForms& forms, AppState& app, const std::string& results_file);
// The tally of one ballot as a draft with "Lưu kết quả kiểm phiếu", and "Bỏ phiếu vòng <n>" when the rules allow.
void DrawTallyEditor(BallotForms& forms, AppState& app, const model::Ballot& ballot,
                     const scoring::BallotOutcome& outcome, const std::string& results_file);
// Status and decision of each proposal, and "Đề xuất theo kết quả".
void DrawProposalEditor(BallotForms& forms, AppState& app, const model::Results& results, const std::string& results_file);
} // namespace ui
