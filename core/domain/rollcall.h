#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace cp {

// How a role says it is doing: the C of a CAN report.
enum class Condition
{
    Unknown,
    Healthy,
    Degraded,
    Down
};

// Where one item of a round stands. Pending: not called yet. NoAnswer: called, nobody answered
// (it goes on the Deputy's missed list). Skipped: deliberately left out this round.
enum class RollCallItemState
{
    Pending,
    Answered,
    NoAnswer,
    Skipped
};

// A CAN report: Condition (with a word of text), Actions under way, Needs.
struct CanReport
{
    Condition condition = Condition::Unknown;
    QString conditionText;
    QString actions;
    QString needs;
};

// One role (and, for a role several people hold, one of its holders) in one round.
struct RollCallItem
{
    qint64 id = 0;
    qint64 rollCallId = 0;
    qint64 incidentId = 0;
    int roundNumber = 0; // 1, 2, 3 … within the incident
    int position = 0;    // call order within the round
    QString roleKey;
    QString roleTitle;   // as it read when the round started
    qint64 personId = 0; // 0: nobody held the role
    QString personName;
    RollCallItemState state = RollCallItemState::Pending;
    CanReport report;     // meaningful when answered
    QDateTime askedAt;    // UTC; when it was called (answered, no answer or skipped); null while pending
    QDateTime answeredAt; // UTC; null unless answered
    QString answeredBy;   // who recorded the answer
    QDateTime clearedAt;  // a missed item leaves the missed list: answered later or dismissed
    QString clearedBy;
    QString clearedReason; // "answered" (a later answer of the same role and person) or "dismissed"

    bool isMissed() const { return state == RollCallItemState::NoAnswer && !clearedAt.isValid(); }
    // "SME — Dana Reyes", or the title alone when nobody held the role.
    QString label() const;
};

// One round of the roll call.
struct RollCall
{
    qint64 id = 0;
    qint64 incidentId = 0;
    int number = 0; // 1, 2, 3 … within the incident
    QString scope;  // "all", "sub-team Alpha", "roles sme,comms": how the items were chosen
    QDateTime startedAt;
    QString startedBy;
    QDateTime endedAt; // null while the round is open
    QString endedBy;
    qint64 timerId = 0; // the round's time-box countdown; 0: none

    bool isOpen() const { return !endedAt.isValid(); }
};

// Which items a new round has: every assigned role (but the commander who runs the call), the
// given role keys in that order, or the roles of one sub-team. A time-box starts a countdown.
struct RollCallSelection
{
    QStringList roleKeys; // empty: every assigned role
    QString subTeam;      // empty: no sub-team filter
    qint64 timeboxMs = 0; // 0: no time-box
};

class RollCallVocabulary
{
    Q_DECLARE_TR_FUNCTIONS(cp::RollCallVocabulary)
public:
    static QString conditionKey(Condition c); // "healthy"
    static std::optional<Condition> conditionFromKey(const QString &key);
    static QString conditionLabel(Condition c);
    static QList<Condition> allConditions();
    static QString stateKey(RollCallItemState s); // "no-answer"
    static std::optional<RollCallItemState> stateFromKey(const QString &key);
    static QString stateLabel(RollCallItemState s);
    // "degraded — checkout errors at 4% · A: rolling back · N: a DBA" (one line for the timeline).
    static QString reportLine(const CanReport &report);
    // "3 min", "1 h 05 min": how long ago, for ages in the missed list and the grid.
    static QString ageText(qint64 ms);
    // "just now", "12 min ago".
    static QString agoText(qint64 ms);
};

} // namespace cp
