#include "incidentaction.h"

namespace cp {

namespace {

template <typename E, typename KeyFn> std::optional<E> fromKey(const QList<E> &all, const QString &key, KeyFn keyOf)
{
    const QString wanted = key.trimmed();
    for (E e : all) {
        if (keyOf(e).compare(wanted, Qt::CaseInsensitive) == 0)
            return e;
    }
    return std::nullopt;
}

} // namespace

QString ActionVocabulary::statusKey(ActionStatus s)
{
    switch (s) {
    case ActionStatus::Proposed:
        return QStringLiteral("proposed");
    case ActionStatus::Assigned:
        return QStringLiteral("assigned");
    case ActionStatus::InProgress:
        return QStringLiteral("in-progress");
    case ActionStatus::Done:
        return QStringLiteral("done");
    case ActionStatus::Cancelled:
        return QStringLiteral("cancelled");
    }
    return {};
}

std::optional<ActionStatus> ActionVocabulary::statusFromKey(const QString &key)
{
    return fromKey(allStatuses(), key, &ActionVocabulary::statusKey);
}

QString ActionVocabulary::statusLabel(ActionStatus s)
{
    switch (s) {
    case ActionStatus::Proposed:
        return tr("Proposed");
    case ActionStatus::Assigned:
        return tr("Assigned");
    case ActionStatus::InProgress:
        return tr("In progress");
    case ActionStatus::Done:
        return tr("Done");
    case ActionStatus::Cancelled:
        return tr("Cancelled");
    }
    return {};
}

QList<ActionStatus> ActionVocabulary::allStatuses()
{
    return {ActionStatus::Proposed, ActionStatus::Assigned, ActionStatus::InProgress, ActionStatus::Done,
            ActionStatus::Cancelled};
}

QString ActionVocabulary::objectionKey(ObjectionCheck c)
{
    switch (c) {
    case ObjectionCheck::NotAsked:
        return QStringLiteral("not-asked");
    case ObjectionCheck::NoneRaised:
        return QStringLiteral("none-raised");
    case ObjectionCheck::Raised:
        return QStringLiteral("raised");
    }
    return {};
}

std::optional<ObjectionCheck> ActionVocabulary::objectionFromKey(const QString &key)
{
    return fromKey(QList<ObjectionCheck>{ObjectionCheck::NotAsked, ObjectionCheck::NoneRaised, ObjectionCheck::Raised},
                   key, &ActionVocabulary::objectionKey);
}

QString ActionVocabulary::objectionLabel(ObjectionCheck c)
{
    switch (c) {
    case ObjectionCheck::NotAsked:
        return tr("Objections not asked for");
    case ObjectionCheck::NoneRaised:
        return tr("No strong objections");
    case ObjectionCheck::Raised:
        return tr("Objections raised");
    }
    return {};
}

QString ActionVocabulary::outcomeKey(DecisionOutcome o)
{
    switch (o) {
    case DecisionOutcome::Adopted:
        return QStringLiteral("adopted");
    case DecisionOutcome::Rejected:
        return QStringLiteral("rejected");
    case DecisionOutcome::Deferred:
        return QStringLiteral("deferred");
    }
    return {};
}

std::optional<DecisionOutcome> ActionVocabulary::outcomeFromKey(const QString &key)
{
    return fromKey(
        QList<DecisionOutcome>{DecisionOutcome::Adopted, DecisionOutcome::Rejected, DecisionOutcome::Deferred}, key,
        &ActionVocabulary::outcomeKey);
}

QString ActionVocabulary::outcomeLabel(DecisionOutcome o)
{
    switch (o) {
    case DecisionOutcome::Adopted:
        return tr("Adopted");
    case DecisionOutcome::Rejected:
        return tr("Rejected");
    case DecisionOutcome::Deferred:
        return tr("Deferred");
    }
    return {};
}

} // namespace cp
