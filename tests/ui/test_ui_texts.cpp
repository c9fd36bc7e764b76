// What a person reads: every character the app can draw has a glyph in the embedded fonts, and the texts
// drawn on the Vietnamese screens are names and Vietnamese words, not ids, codes or English.
#include "ui_harness.h"

#include "core/check/check.h"
#include "core/scoring/scoring.h"
#include "ui/strings.h"

#include <doctest/doctest.h>
#include <imgui.h>
#include <imgui_internal.h> // ImTextCharFromUtf8
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace
{
void CollectStrings(const nlohmann::json& value, std::vector<std::string>& out)
{
    if (value.is_string())
        out.push_back(value.get<std::string>());
    else if (value.is_structured())
        for (const nlohmann::json& child : value)
            CollectStrings(child, out);
}

// Every string value of every JSON file in the sample data folder.
std::vector<std::string> SampleDataStrings()
{
    std::vector<std::string> out;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(THIDUA_SOURCE_DIR "/assets/data/cum1"))
        if (entry.is_regular_file() && entry.path().extension() == ".json")
        {
            std::ifstream in(entry.path(), std::ios::binary);
            std::ostringstream text;
            text << in.rdbuf();
            CollectStrings(nlohmann::json::parse(text.str()), out);
        }
    return out;
}

void AddFigure(const scoring::Figure& figure, std::vector<std::string>& out)
{
    out.push_back(figure.explanation);
}

// Every explanation, label and note the engine writes for every year of the sample.
std::vector<std::string> ExplanationStrings(const model::Dataset& data)
{
    std::vector<std::string> out;
    for (const model::YearFile& year : data.years)
    {
        const scoring::YearResult result = scoring::ComputeYear(data, year.year.id);
        for (const scoring::MemberResult& member : result.members)
        {
            for (const scoring::StageTotal& stage : member.stages)
            {
                for (const scoring::Figure* f : {&stage.base, &stage.bonus, &stage.penalty, &stage.total})
                    AddFigure(*f, out);
                for (const scoring::CriterionResult& c : stage.criteria)
                    AddFigure(c.score, out);
            }
            AddFigure(member.ranking_total, out);
            out.insert(out.end(), {member.rank_explanation, member.rating_label, member.rating_explanation});
        }
        for (const scoring::Tie& tie : result.ties)
            out.push_back(tie.explanation);
        for (const scoring::BallotOutcome& ballot : result.ballots)
            out.push_back(ballot.explanation);
        for (const scoring::ProposedAward& award : result.proposed_awards)
            out.push_back(award.explanation);
        out.insert(out.end(), result.notes.begin(), result.notes.end());
    }
    return out;
}

void CollectIds(const nlohmann::json& value, std::set<std::string>& out)
{
    if (value.is_object())
        for (auto it = value.begin(); it != value.end(); ++it)
        {
            if (it.key() == "id" && it.value().is_string())
                out.insert(it.value().get<std::string>());
            CollectIds(it.value(), out);
        }
    else if (value.is_array())
        for (const nlohmann::json& child : value)
            CollectIds(child, out);
}

// Every "id" value in the sample data ("org.sotnmt.30", "ballot.cum1.2024.suy-ton.r1", ...).
std::set<std::string> SampleDataIds()
{
    std::set<std::string> out;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(THIDUA_SOURCE_DIR "/assets/data/cum1"))
        if (entry.is_regular_file() && entry.path().extension() == ".json")
        {
            std::ifstream in(entry.path(), std::ios::binary);
            std::ostringstream text;
            text << in.rdbuf();
            CollectIds(nlohmann::json::parse(text.str()), out);
        }
    return out;
}

// English words that have no business on a Vietnamese screen (whole words, lower case).
const char* const kEnglish[] = {"self", "cross", "final", "review", "draft", "agreed", "approved", "rejected",
                                "refused", "server", "the", "not found", "pass", "fail", "tie", "quorum",
                                "member", "meeting", "ballot", "score", "total", "rank", "year", "error",
                                "missing", "unknown", "none", "true", "false", "null", "debug"};

bool IsWordChar(char c) // a byte of a Vietnamese letter (UTF-8, 0x80 and above) is part of its word too
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           (static_cast<unsigned char>(c) & 0x80) != 0;
}

// `word` in `text` as a whole word, ignoring ASCII case.
bool HasWord(const std::string& text, const std::string& word)
{
    std::string lower = text;
    for (char& c : lower)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    for (size_t at = lower.find(word); at != std::string::npos; at = lower.find(word, at + 1))
        if ((at == 0 || !IsWordChar(lower[at - 1])) &&
            (at + word.size() == lower.size() || !IsWordChar(lower[at + word.size()])))
            return true;
    return false;
}

// A snake_case code such as "bang_khen_bo_truong" or "self_assessment", or "".
std::string SnakeCode(const std::string& text)
{
    for (size_t i = 0; i < text.size(); ++i)
    {
        if (text[i] != '_' || i == 0 || !IsWordChar(text[i - 1]) || i + 1 == text.size() || !IsWordChar(text[i + 1]))
            continue;
        size_t b = i, e = i;
        while (b > 0 && IsWordChar(text[b - 1]))
            --b;
        while (e < text.size() && IsWordChar(text[e]))
            ++e;
        return text.substr(b, e - b);
    }
    return "";
}

// What is wrong with a text drawn on a Vietnamese screen: an id of the data, a code or an English word ("" = fine).
std::string Problem(const std::string& drawn, const std::set<std::string>& ids)
{
    std::string text; // without web addresses (a source's link may hold "option=com_content")
    for (size_t at = 0; at < drawn.size();)
    {
        size_t end = drawn.find(' ', at);
        end = end == std::string::npos ? drawn.size() : end + 1;
        const std::string word = drawn.substr(at, end - at);
        if (word.find("://") == std::string::npos)
            text += word;
        at = end;
    }
    for (const std::string& id : ids)
        if (text.find(id) != std::string::npos)
            return "id " + id;
    for (size_t at = text.find('%'); at != std::string::npos; at = text.find('%', at + 1))
        if (at > 0 && text[at - 1] >= '0' && text[at - 1] <= '9')
            return "a percentage written the English way"; // Vietnamese: "90,0 %"
    auto digit = [&](size_t i) { return i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])); };
    for (size_t at = text.find('.'); at != std::string::npos; at = text.find('.', at + 1))
        if (at > 0 && digit(at - 1) && digit(at + 1) && !(digit(at + 2) && digit(at + 3) && !digit(at + 4)))
            return "a decimal point"; // "14.5"; a thousands separator ("1.500") is fine
    if (const std::string code = SnakeCode(text); !code.empty())
        return "code " + code;
    for (const char* word : kEnglish)
        if (HasWord(text, word))
            return std::string("English \"") + word + "\"";
    return "";
}

// Code points of `s` that `font` has no glyph for (control characters are not drawn as glyphs).
std::set<unsigned int> MissingGlyphs(const ImFont* font, const std::string& s)
{
    std::set<unsigned int> missing;
    const char* p = s.c_str();
    const char* end = p + s.size();
    while (p < end)
    {
        unsigned int c = 0;
        p += ImTextCharFromUtf8(&c, p, end);
        if (c >= 0x20 && !font->FindGlyphNoFallback(static_cast<ImWchar>(c)))
            missing.insert(c);
    }
    return missing;
}

// Fails once per missing code point, naming the font and the first string that needs it.
void CheckGlyphs(const ui::Fonts& fonts, const std::vector<std::string>& strings, const char* what)
{
    std::map<unsigned int, std::string> first_use;
    for (const ImFont* font : {fonts.regular, fonts.bold})
        for (const std::string& s : strings)
            for (unsigned int c : MissingGlyphs(font, s))
                first_use.emplace(c, s);
    for (const auto& [c, s] : first_use)
    {
        char hex[16];
        std::snprintf(hex, sizeof hex, "U+%04X", c);
        FAIL_CHECK(std::string(what) << ": no glyph for " << hex << " in \"" << s << "\"");
    }
}
} // namespace

TEST_SUITE("ui texts")
{
    TEST_CASE("every character of the string table, the sample data and the explanations has a glyph in the fonts")
    {
        uitest::Harness h; // builds the atlas from the embedded subsets with the app's glyph ranges
        REQUIRE(h.app.fonts.regular);
        REQUIRE(h.app.fonts.bold);
        std::vector<std::string> table;
        for (int i = 0; i < static_cast<int>(ui::Str::Count); ++i)
            for (ui::Language lang : {ui::Language::Vi, ui::Language::En})
                table.push_back(ui::Tr(static_cast<ui::Str>(i), lang));
        CheckGlyphs(h.app.fonts, table, "string table");

        const std::vector<std::string> data = SampleDataStrings();
        CHECK(data.size() > 1000);
        CheckGlyphs(h.app.fonts, data, "sample data");
        std::vector<std::string> codes;
        for (const std::string& s : data)
            for (ui::Language lang : {ui::Language::Vi, ui::Language::En})
                codes.push_back(ui::TrCode(s, lang));
        CheckGlyphs(h.app.fonts, codes, "names of codes");

        uitest::LoadFolder(h.app, THIDUA_SOURCE_DIR "/assets/data/cum1");
        const std::vector<std::string> explanations = ExplanationStrings(h.app.dataset);
        CHECK(explanations.size() > 100);
        CheckGlyphs(h.app.fonts, explanations, "explanations");
    }

    TEST_CASE("no screen or slide of any year shows an id, a code or English in Vietnamese, or a missing glyph")
    {
        // A tablet, and a screen tall enough that long pages draw to their end (ImGui skips what is scrolled away).
        float height = 800;
        SUBCASE("tablet") {}
        SUBCASE("tall") { height = 8000; }
        uitest::Harness h(1280, height);
        uitest::LoadFolder(h.app, THIDUA_SOURCE_DIR "/assets/data/cum1");
        const std::set<std::string> ids = SampleDataIds();
        REQUIRE(ids.size() > 1000);
        std::map<std::string, std::string> problems; // text -> where and what, once per text
        std::vector<std::string> drawn;
        auto look = [&](const std::string& where) {
            for (const std::string& text : h.app.items.texts)
            {
                drawn.push_back(text);
                if (const std::string problem = Problem(text, ids); !problem.empty())
                    problems.emplace(text, where + ": " + problem);
            }
        };
        for (const char* year : {"2021", "2024", "2025", "2026"})
        {
            const std::string q = std::string("?year=") + year;
            std::vector<std::string> routes = {"/overview", "/members", "/meetings", "/covenant", "/results",
                                               "/results/ballots", "/results/awards", "/history", "/scoring", "/year"};
            for (const model::Organization& org : h.app.dataset.organizations)
                routes.push_back("/members/" + org.id);
            for (const model::Meeting& meeting : h.app.dataset.meetings)
                if (meeting.id.find(std::string(".") + year + "-") != std::string::npos)
                    routes.push_back("/meetings/" + meeting.id);
            for (const std::string& route : routes)
            {
                ui::OpenRoute(h.app, route + q);
                h.Frames(3);
                look(route + q);
            }
            for (int slide = 1; slide <= static_cast<int>(ui::Slide::Count); ++slide)
            {
                ui::OpenRoute(h.app, "/present/" + std::to_string(slide) + q);
                h.Frames(3);
                look("/present/" + std::to_string(slide) + q);
                for (int step = 0; step < h.State()["presentation"]["reveal_steps"].get<int>(); ++step)
                {
                    h.Key(ImGuiKey_PageDown);
                    h.Frames(30); // the row slides in
                    look("/present/" + std::to_string(slide) + q + " step " + std::to_string(step + 1));
                }
            }
            ui::OpenRoute(h.app, "/overview");
            h.Frames(2);
        }
        CHECK(drawn.size() > 1000);
        for (const auto& [text, where] : problems)
            FAIL_CHECK(where << " in \"" << text << "\"");
        CheckGlyphs(h.app.fonts, drawn, "drawn texts");
    }

    TEST_CASE("ballot percentages read 90,0 % in Vietnamese and 90.0% in English")
    {
        uitest::Harness h(1280, 8000);
        uitest::LoadFolder(h.app, THIDUA_SOURCE_DIR "/assets/data/cum1");
        ui::OpenRoute(h.app, "/results/ballots?year=2024"); // 9 of 10 votes
        h.Frames(3);
        auto shows = [&](const std::string& text) {
            return std::find(h.app.items.texts.begin(), h.app.items.texts.end(), text) != h.app.items.texts.end();
        };
        CHECK(shows("90,0\u00a0%"));
        h.app.settings.lang = ui::Language::En;
        h.Frames(3);
        CHECK(shows("90.0%"));
    }

    TEST_CASE("sync refusals, edit refusals and checker messages read in Vietnamese, keeping file and place")
    {
        const std::set<std::string> ids = SampleDataIds();
        // As the sync client reports the server's answer to a unit writing the secretariat's file.
        const std::string refused = "the server refused the write (403): refused: unit:org.sotnmt.30 may write only "
                                    "years/<yyyy>/self/org.sotnmt.30.json, not years/2025/results.json";
        const std::string vi = ui::TrMessage(refused, ui::Language::Vi);
        CHECK(vi == "máy chủ không nhận thay đổi (403): đơn vị chỉ được sửa bản tự chấm điểm của mình, không được sửa "
                    "years/2025/results.json");
        CHECK(Problem(vi, ids) == "");
        CHECK(ui::TrMessage(refused, ui::Language::En) == refused);
        CHECK(ui::TrMessage("the server refused the write (403): refused: the viewer role is read-only", ui::Language::Vi) ==
              "máy chủ không nhận thay đổi (403): tài khoản chỉ xem không được sửa dữ liệu");

        const check::Issue issue{"years/2021/results.json", "/ballots/0/members_present",
                                 "11 members present, but the cluster has only 10 in 2021", check::Severity::Error};
        CHECK(ui::TrIssue(issue, ui::Language::Vi) ==
              "years/2021/results.json:/ballots/0/members_present: 11 đơn vị có mặt, nhưng năm 2021 Cụm chỉ có 10 thành viên");
        CHECK(ui::TrIssue(issue, ui::Language::En) == check::FormatIssue(issue));
        CHECK(ui::TrMessage("-3 is negative; expected a whole number from 0 to 1000", ui::Language::Vi) ==
              "-3 là số âm; cần một số nguyên từ 0 đến 1000");
        CHECK(ui::TrMessage("score 12 is above the maximum 10 of 1.1 Chấp hành", ui::Language::Vi) ==
              "điểm 12 vượt mức tối đa 10 của 1.1 Chấp hành");
        // The checker names a criterion as "criterion <code> (<title>)" inside its messages (a unit's score over the
        // maximum is refused with one): the word is translated too.
        CHECK(ui::TrMessage("score 20 is above the maximum 15 of criterion I.2 (Quản lý nhà nước về bảo vệ môi trường)",
                            ui::Language::Vi) == "điểm 20 vượt mức tối đa 15 của tiêu chí I.2 (Quản lý nhà nước về bảo vệ môi trường)");
        CHECK(ui::TrMessage("criterion I (Thực hiện nhiệm vụ chuyên môn) is a group; score its sub-criteria instead",
                            ui::Language::Vi) == "tiêu chí I (Thực hiện nhiệm vụ chuyên môn) là nhóm tiêu chí; hãy chấm điểm các tiêu chí con");
        CHECK(ui::TrMessage("50 is not allowed for the qualitative criterion I.3 (Hoàn thành kế hoạch); expected 1 (achieved) or "
                            "0 (not achieved)", ui::Language::Vi) ==
              "50 không dùng được cho tiêu chí I.3 (Hoàn thành kế hoạch): tiêu chí định tính chỉ nhận đạt hoặc không đạt");
        // A message the table does not know stays as it is (never an empty line).
        CHECK(ui::TrMessage("something new happened", ui::Language::Vi) == "something new happened");
    }

    TEST_CASE("a refused ballot tally shows the checker's reason in Vietnamese next to the field")
    {
        uitest::Harness h(1280, 800);
        uitest::LoadFolder(h.app, THIDUA_SOURCE_DIR "/assets/data/cum1");
        h.Frames(2);
        REQUIRE(h.Tap("Chỉnh sửa"));
        ui::OpenRoute(h.app, "/results/ballots?year=2021");
        h.Frames(2);
        REQUIRE(h.Tap("Đơn vị có mặt"));
        REQUIRE(h.Type("-3"));
        h.Key(ImGuiKey_Enter);
        const std::string error = h.State()["edit"]["error"];
        CHECK(error == "-3 là số âm; cần một số nguyên từ 0 đến 1.000.000.000");
        const std::set<std::string> ids = SampleDataIds();
        for (const std::string& text : h.app.items.texts)
            CHECK_MESSAGE(Problem(text, ids) == "", text);
    }
}

namespace
{
void Leaves(const nlohmann::json& j, const nlohmann::json::json_pointer& at, std::vector<nlohmann::json::json_pointer>* out)
{
    if (j.is_object())
        for (auto it = j.begin(); it != j.end(); ++it)
            Leaves(it.value(), at / it.key(), out);
    else if (j.is_array())
        for (size_t i = 0; i < j.size(); ++i)
            Leaves(j[i], at / i, out);
    else
        out->push_back(at);
}

// A message's words, without what it quotes from the data ("…") and without paths and file names.
std::string OwnWords(const std::string& message)
{
    std::string out;
    bool quoted = false;
    for (char c : message)
    {
        if (c == '"')
            quoted = !quoted;
        else if (!quoted)
            out += c;
    }
    std::string words;
    std::istringstream in(out);
    for (std::string word; in >> word;)
        if (word.find('/') == std::string::npos && word.find(".json") == std::string::npos)
            words += word + " ";
    return words;
}
} // namespace

TEST_SUITE("ui texts")
{
    // The checker's messages reach people in the import preview, under a refused field and in the sync panel. Each
    // sampled field of the sample's files gets a wrong type, an empty or impossible value, a formula, or is removed,
    // and every message the checker then gives (on the file and on the whole dataset) must read in Vietnamese.
    TEST_CASE("every checker message on broken and mutated sample files has a Vietnamese text")
    {
        namespace fs = std::filesystem;
        const fs::path root = THIDUA_SOURCE_DIR "/assets/data/cum1";
        auto read = [](const fs::path& p) {
            std::ifstream f(p, std::ios::binary);
            std::ostringstream s;
            s << f.rdbuf();
            return s.str();
        };
        io::DataFiles files;
        for (const auto& e : fs::recursive_directory_iterator(root))
            if (e.is_regular_file())
                files[fs::relative(e.path(), root).generic_string()] = read(e.path());
        std::set<std::string> messages;
        auto keep = [&](const std::vector<check::Issue>& issues) {
            for (const check::Issue& issue : issues)
                messages.insert(issue.message);
        };
        for (const auto& e : fs::directory_iterator(THIDUA_SOURCE_DIR "/tests/fixtures/broken"))
            keep(check::CheckFile("meetings/" + e.path().filename().string(), read(e.path())));
        // One file of each kind.
        for (const std::string path : {"datapackage.json", "cluster.json", "registry/organizations.json", "registry/areas.json",
                                       "registry/people.json", "years/2021/year.json",
                                       "years/2021/covenant.json", "years/2021/results.json",
                                       "years/2021/self/org.sotnmt.26.json", "meetings/mtg.cum1.2021-03-25.giao-uoc.json"})
        {
            REQUIRE(files.count(path) == 1);
            const nlohmann::json doc = nlohmann::json::parse(files[path]);
            std::vector<nlohmann::json::json_pointer> leaves;
            Leaves(doc, nlohmann::json::json_pointer(), &leaves);
            const size_t step = std::max<size_t>(1, leaves.size() / 30);
            for (size_t k = 0; k < leaves.size(); k += step)
            {
                const nlohmann::json::json_pointer& p = leaves[k];
                const nlohmann::json& v = doc[p];
                std::vector<nlohmann::json> wrong = {nullptr}; // null = the field is removed
                if (v.is_string())
                    wrong.insert(wrong.end(), {12, "", "2021-02-30", "=cmd()", "x"});
                else if (v.is_number())
                    wrong.insert(wrong.end(), {"x", -1, 1e12, 0.123});
                else
                    wrong.insert(wrong.end(), {"x", 3});
                for (const nlohmann::json& w : wrong)
                {
                    nlohmann::json copy = doc;
                    if (w.is_null())
                    {
                        if (!copy[p.parent_pointer()].is_object())
                            continue;
                        copy[p.parent_pointer()].erase(p.back());
                    }
                    else
                        copy[p] = w;
                    const std::string bytes = copy.dump();
                    keep(check::CheckFile(path, bytes));
                    if (k % (step * 6) == 0)
                    {
                        io::DataFiles changed = files;
                        changed[path] = bytes;
                        keep(check::CheckDataset(changed));
                    }
                }
            }
        }
        CHECK(messages.size() > 150); // the mutations reach most of the checker
        const char* const english[] = {"is", "not", "expected", "found", "must", "with", "and", "or", "of", "needs",
                                       "file", "the", "a", "an", "cannot", "already", "missing", "member", "criterion",
                                       "score", "above", "maximum"};
        for (const std::string& message : messages)
        {
            const std::string vi = ui::TrMessage(message, ui::Language::Vi);
            CAPTURE(message);
            CAPTURE(vi);
            CHECK(vi != message);
            for (const std::string word : english)
            {
                CAPTURE(word);
                CHECK_FALSE(HasWord(OwnWords(vi), word));
            }
        }
    }
}
