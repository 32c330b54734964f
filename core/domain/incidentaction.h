#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace cp {

enum class ActionStatus
{
    Proposed,
    Assigned,
    InProgress,
    Done,
    Cancelled
};

// Something the IC delegated: what, to whom (a person, a role, or both), where it stands.
struct IncidentAction
{
    qint64 id = 0;
    qint64 incidentId = 0;
    QString text;
    QString ownerRoleKey;     // empty: no role
    qint64 ownerPersonId = 0; // 0: no person
    QString ownerName;        // how the owner reads: "Dana Reyes", "SME", "SME (Dana Reyes)"
    ActionStatus status = ActionStatus::Proposed;
    qint64 timerId = 0;      // its time-box countdown; 0: none
    bool followUp = false;   // a preventive follow-up for the postmortem
    qint64 originItemId = 0; // the CAN report whose Needs it came from; 0: none
    QDateTime createdAt;
    QString createdBy;
    QDateTime updatedAt;
    QDateTime closedAt; // done or cancelled; null while open

    bool isOpen() const { return status != ActionStatus::Done && status != ActionStatus::Cancelled; }
};

struct NewAction
{
    qint64 incidentId = 0;
    QString text; // may stay empty when originItemId is given: the report's Needs
    QString ownerRoleKey;
    qint64 ownerPersonId = 0;
    std::optional<ActionStatus> status; // unset: assigned when it has an owner, proposed otherwise
    qint64 timeboxMs = 0;               // > 0: a countdown linked to the action
    bool followUp = false;
    qint64 originItemId = 0; // a roll-call item whose Needs become this action
};

// What an edit changes; unset fields stay as they are.
struct ActionChange
{
    std::optional<QString> text;
    std::optional<ActionStatus> status;
    std::optional<QString> ownerRoleKey; // "" clears the role
    std::optional<qint64> ownerPersonId; // 0 clears the person
    std::optional<bool> followUp;

    bool isEmpty() const { return !text && !status && !ownerRoleKey && !ownerPersonId && !followUp; }
};

// The "any strong objections?" check before a decision.
enum class ObjectionCheck
{
    NotAsked,
    NoneRaised,
    Raised
};

enum class DecisionOutcome
{
    Adopted,
    Rejected,
    Deferred
};

struct Decision
{
    qint64 id = 0;
    qint64 incidentId = 0;
    QString proposal;
    ObjectionCheck objectionCheck = ObjectionCheck::NotAsked;
    QString objections; // what was raised (empty when none)
    DecisionOutcome outcome = DecisionOutcome::Adopted;
    QString decidedBy;   // who made the call (usually the IC)
    QDateTime decidedAt; // UTC
    QString recordedBy;
};

struct NewDecision
{
    qint64 incidentId = 0;
    QString proposal;
    ObjectionCheck objectionCheck = ObjectionCheck::NotAsked;
    QString objections;
    DecisionOutcome outcome = DecisionOutcome::Adopted;
    QString decidedBy; // empty: the author
};

class ActionVocabulary
{
    Q_DECLARE_TR_FUNCTIONS(cp::ActionVocabulary)
public:
    static QString statusKey(ActionStatus s); // "in-progress"
    static std::optional<ActionStatus> statusFromKey(const QString &key);
    static QString statusLabel(ActionStatus s);
    static QList<ActionStatus> allStatuses();
    static QString objectionKey(ObjectionCheck c); // "none-raised"
    static std::optional<ObjectionCheck> objectionFromKey(const QString &key);
    static QString objectionLabel(ObjectionCheck c);
    static QString outcomeKey(DecisionOutcome o); // "adopted"
    static std::optional<DecisionOutcome> outcomeFromKey(const QString &key);
    static QString outcomeLabel(DecisionOutcome o);
};

} // namespace cp
