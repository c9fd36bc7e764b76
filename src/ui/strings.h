// Every user-facing string of the app, Vietnamese first and English second, in one table (strings.cpp).
// Screens never hold literal UI text; they ask for Tr(id, lang).
#pragma once

namespace ui
{
enum class Language
{
    Vi,
    En,
};

enum class Str
{
    AppName,
    ClusterLabel,
    NavOverview,
    NavMembers,
    NavMeetings,
    NavCovenant,
    NavResults,
    NavHistory,
    Loading,
    LoadFailed,
    DataIssues,
    SyntheticBadge,
    SyntheticExplain,
    Year,
    Theme,
    Chair,
    Deputy,
    Members,
    NotKnown,
    LastMeeting,
    NextMeeting,
    YearStatus,
    Language,
    TextSize,
    Retry,
    SyncLocal,
    Count, // keep last
};

const char* Tr(Str id, Language lang);
} // namespace ui
