#include "resolvechecklist.h"

#include <QHash>

namespace cp {

namespace {

QString inQuotes(const QString &text)
{
    constexpr int MaxChars = 60;
    const QString line = text.simplified();
    return QStringLiteral("“%1”").arg(line.size() > MaxChars ? line.left(MaxChars - 1) + QChar(0x2026) : line);
}

} // namespace

QList<ResolveBlocker> ResolveChecklist::blockers(const ResolveInputs &in)
{
    QList<ResolveBlocker> list;
    for (const IncidentAction &a : in.actions) {
        if (!a.isOpen() || a.followUp)
            continue;
        const QString text = a.ownerName.isEmpty()
                                 ? tr("Action #%1 %2 is open and has no owner").arg(a.id).arg(inQuotes(a.text))
                                 : tr("Action #%1 %2 is open (%3)").arg(a.id).arg(inQuotes(a.text), a.ownerName);
        list << ResolveBlocker{ResolveBlockerKind::OpenAction, QStringLiteral("action:%1").arg(a.id), a.id, text};
    }
    for (const BusinessActivity &activity : in.activities) {
        if (!activity.isHalted())
            continue;
        list << ResolveBlocker{ResolveBlockerKind::HaltedActivity, QStringLiteral("activity:%1").arg(activity.id),
                               activity.id,
                               tr("%1 is still halted (halted by %2)").arg(activity.activity, activity.haltedBy)};
    }
    // One line per role and person, however many rounds they missed.
    QStringList missedOrder;
    QHash<QString, QList<RollCallItem>> missed;
    for (const RollCallItem &item : in.rollCallItems) {
        if (!item.isMissed())
            continue;
        const QString key = QStringLiteral("missed:%1:%2").arg(item.roleKey).arg(item.personId);
        if (!missed.contains(key))
            missedOrder << key;
        missed[key] << item;
    }
    for (const QString &key : std::as_const(missedOrder)) {
        const QList<RollCallItem> &items = missed.value(key);
        list << ResolveBlocker{ResolveBlockerKind::MissedRollCall, key, items.constLast().id,
                               items.size() == 1 ? tr("%1 did not answer the roll call").arg(items.constLast().label())
                                                 : tr("%1 did not answer the roll call (missed %2 times)")
                                                       .arg(items.constLast().label())
                                                       .arg(items.size())};
    }
    if (in.businessMode) {
        const QString phase = BusinessVocabulary::phaseForStatus(in.incident.status);
        for (const Message &m : in.messages) {
            if (m.isSent())
                continue;
            list << ResolveBlocker{ResolveBlockerKind::MessageInReview, QStringLiteral("message:%1").arg(m.id), m.id,
                                   tr("Message #%1 to %2 is not sent; it waits for %3")
                                       .arg(m.id)
                                       .arg(BusinessVocabulary::audienceLabel(m.audience),
                                            BusinessVocabulary::stepLabel(m.waitingFor).toLower())};
        }
        for (const QString &audience : in.businessMode->audiences) {
            bool covered = false;
            for (const Message &m : in.messages)
                covered = covered || (m.audience == audience && m.phase == phase);
            for (const SkippedCell &cell : in.skippedCells)
                covered = covered || (cell.audience == audience && cell.phase == phase);
            if (!covered)
                list << ResolveBlocker{ResolveBlockerKind::MessageDue, QStringLiteral("due:%1").arg(audience), 0,
                                       tr("%1 have had no %2 message")
                                           .arg(BusinessVocabulary::audienceLabel(audience),
                                                BusinessVocabulary::phaseLabel(phase).toLower())};
        }
    }
    if (!in.postmortem || in.postmortem->owner.trimmed().isEmpty())
        list << ResolveBlocker{ResolveBlockerKind::PostmortemOwner, QStringLiteral("postmortem"), 0,
                               tr("Nobody owns the postmortem yet")};
    return list;
}

std::optional<QString> ResolveChecklist::unacknowledged(const QList<ResolveBlocker> &blockers,
                                                        const QList<ResolveAcknowledgement> &acknowledgements,
                                                        QStringList *reasons)
{
    QHash<QString, QString> byKey;
    for (const ResolveAcknowledgement &ack : acknowledgements) {
        const QString key = ack.key.trimmed();
        if (ack.reason.trimmed().isEmpty())
            return tr("Say why %1 may stay as it is: an acknowledgement needs a reason.")
                .arg(key == QLatin1String("*") ? tr("everything open") : key);
        bool known = key == QLatin1String("*");
        for (const ResolveBlocker &b : blockers)
            known = known || b.key == key;
        if (!known)
            return tr("“%1” is not open on this incident; nothing to acknowledge.").arg(key);
        byKey.insert(key, ack.reason.trimmed());
    }
    QStringList out;
    for (const ResolveBlocker &b : blockers) {
        const QString reason = byKey.value(b.key, byKey.value(QStringLiteral("*")));
        if (reason.isEmpty())
            return tr("%1 (%2): settle it or acknowledge it with a reason before resolving.").arg(b.text, b.key);
        out << reason;
    }
    if (reasons)
        *reasons = out;
    return std::nullopt;
}

QString ResolveChecklist::kindLabel(ResolveBlockerKind kind)
{
    switch (kind) {
    case ResolveBlockerKind::OpenAction:
        return tr("Open action");
    case ResolveBlockerKind::HaltedActivity:
        return tr("Halted activity");
    case ResolveBlockerKind::MissedRollCall:
        return tr("Missed roll call");
    case ResolveBlockerKind::MessageInReview:
        return tr("Message not sent");
    case ResolveBlockerKind::MessageDue:
        return tr("Message due");
    case ResolveBlockerKind::PostmortemOwner:
        return tr("Postmortem owner");
    }
    return {};
}

} // namespace cp
