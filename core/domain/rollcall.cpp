#include "rollcall.h"

namespace cp {

QString RollCallItem::label() const
{
    if (personName.isEmpty())
        return roleTitle;
    return RollCallVocabulary::tr("%1 — %2").arg(roleTitle, personName);
}

QString RollCallVocabulary::conditionKey(Condition c)
{
    switch (c) {
    case Condition::Unknown:
        return QStringLiteral("unknown");
    case Condition::Healthy:
        return QStringLiteral("healthy");
    case Condition::Degraded:
        return QStringLiteral("degraded");
    case Condition::Down:
        return QStringLiteral("down");
    }
    return {};
}

std::optional<Condition> RollCallVocabulary::conditionFromKey(const QString &key)
{
    const QString wanted = key.trimmed();
    for (Condition c : allConditions()) {
        if (conditionKey(c).compare(wanted, Qt::CaseInsensitive) == 0)
            return c;
    }
    return std::nullopt;
}

QString RollCallVocabulary::conditionLabel(Condition c)
{
    switch (c) {
    case Condition::Unknown:
        return tr("Unknown");
    case Condition::Healthy:
        return tr("Healthy");
    case Condition::Degraded:
        return tr("Degraded");
    case Condition::Down:
        return tr("Down");
    }
    return {};
}

QList<Condition> RollCallVocabulary::allConditions()
{
    return {Condition::Healthy, Condition::Degraded, Condition::Down, Condition::Unknown};
}

QString RollCallVocabulary::stateKey(RollCallItemState s)
{
    switch (s) {
    case RollCallItemState::Pending:
        return QStringLiteral("pending");
    case RollCallItemState::Answered:
        return QStringLiteral("answered");
    case RollCallItemState::NoAnswer:
        return QStringLiteral("no-answer");
    case RollCallItemState::Skipped:
        return QStringLiteral("skipped");
    }
    return {};
}

std::optional<RollCallItemState> RollCallVocabulary::stateFromKey(const QString &key)
{
    const QString wanted = key.trimmed();
    for (RollCallItemState s : {RollCallItemState::Pending, RollCallItemState::Answered, RollCallItemState::NoAnswer,
                                RollCallItemState::Skipped}) {
        if (stateKey(s).compare(wanted, Qt::CaseInsensitive) == 0)
            return s;
    }
    return std::nullopt;
}

QString RollCallVocabulary::stateLabel(RollCallItemState s)
{
    switch (s) {
    case RollCallItemState::Pending:
        return tr("To call");
    case RollCallItemState::Answered:
        return tr("Answered");
    case RollCallItemState::NoAnswer:
        return tr("No answer");
    case RollCallItemState::Skipped:
        return tr("Skipped");
    }
    return {};
}

QString RollCallVocabulary::reportLine(const CanReport &report)
{
    QString line = conditionLabel(report.condition).toLower();
    if (!report.conditionText.trimmed().isEmpty())
        line += tr(" — %1").arg(report.conditionText.trimmed());
    if (!report.actions.trimmed().isEmpty())
        line += tr(" · A: %1").arg(report.actions.trimmed());
    if (!report.needs.trimmed().isEmpty())
        line += tr(" · N: %1").arg(report.needs.trimmed());
    return line;
}

QString RollCallVocabulary::ageText(qint64 ms)
{
    const qint64 minutes = qMax<qint64>(0, ms) / 60000;
    if (minutes < 1)
        return tr("just now");
    if (minutes < 60)
        return tr("%1 min").arg(minutes);
    return tr("%1 h %2 min").arg(minutes / 60).arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

QString RollCallVocabulary::agoText(qint64 ms)
{
    if (ms < 60000)
        return tr("just now");
    return tr("%1 ago").arg(ageText(ms));
}

} // namespace cp
