#include "timelineentry.h"

namespace cp {

QString EntryVocabulary::kindKey(EntryKind k)
{
    switch (k) {
    case EntryKind::Action:
        return QStringLiteral("action");
    case EntryKind::Status:
        return QStringLiteral("status");
    case EntryKind::Decision:
        return QStringLiteral("decision");
    case EntryKind::Callout:
        return QStringLiteral("callout");
    case EntryKind::Note:
        return QStringLiteral("note");
    case EntryKind::Communication:
        return QStringLiteral("communication");
    case EntryKind::Role:
        return QStringLiteral("role");
    case EntryKind::Timer:
        return QStringLiteral("timer");
    case EntryKind::RollCall:
        return QStringLiteral("rollcall");
    case EntryKind::System:
        return QStringLiteral("system");
    }
    return {};
}

std::optional<EntryKind> EntryVocabulary::kindFromKey(const QString &key)
{
    const QString wanted = key.trimmed();
    for (EntryKind k : allKinds()) {
        if (kindKey(k).compare(wanted, Qt::CaseInsensitive) == 0)
            return k;
    }
    return std::nullopt;
}

QString EntryVocabulary::kindLabel(EntryKind k)
{
    switch (k) {
    case EntryKind::Action:
        return tr("Action");
    case EntryKind::Status:
        return tr("Status report");
    case EntryKind::Decision:
        return tr("Decision");
    case EntryKind::Callout:
        return tr("Callout");
    case EntryKind::Note:
        return tr("Note");
    case EntryKind::Communication:
        return tr("Communication");
    case EntryKind::Role:
        return tr("Role change");
    case EntryKind::Timer:
        return tr("Timer");
    case EntryKind::RollCall:
        return tr("Roll call");
    case EntryKind::System:
        return tr("System");
    }
    return {};
}

QList<EntryKind> EntryVocabulary::allKinds()
{
    return {EntryKind::Action, EntryKind::Status,        EntryKind::Decision, EntryKind::Callout,
            EntryKind::Note,   EntryKind::Communication, EntryKind::Role,     EntryKind::Timer,
            EntryKind::RollCall, EntryKind::System};
}

QList<EntryKind> EntryVocabulary::manualKinds()
{
    return {EntryKind::Note,    EntryKind::Action, EntryKind::Status,
            EntryKind::Decision, EntryKind::Callout, EntryKind::Communication};
}

} // namespace cp
