// Roll-call rounds: starting, answering, marking and closing them.
#include "rollcallrepository.h"

#include "rolerepository.h"
#include "rosterrepository.h"
#include "storevalues.h"
#include "timelinerepository.h"
#include "timerrepository.h"
#include "writetransaction.h"

#include <QSqlQuery>

namespace cp {

using namespace storevalues;

namespace {

const QString ItemColumns =
    QStringLiteral("i.id, i.roll_call_id, i.incident_id, c.number, i.position, i.role_key, i.role_title, i.person_id, "
                   "i.person_name, i.state, i.condition, i.condition_text, i.actions_text, i.needs_text, i.asked_at, "
                   "i.answered_at, i.answered_by, i.cleared_at, i.cleared_by, i.cleared_reason "
                   "FROM roll_call_item i JOIN roll_call c ON c.id = i.roll_call_id");
const QString RoundColumns =
    QStringLiteral("id, incident_id, number, scope, started_at, started_by, ended_at, ended_by, timer_id");

RollCallItem readItem(const QSqlQuery &q)
{
    RollCallItem i;
    i.id = q.value(0).toLongLong();
    i.rollCallId = q.value(1).toLongLong();
    i.incidentId = q.value(2).toLongLong();
    i.roundNumber = q.value(3).toInt();
    i.position = q.value(4).toInt();
    i.roleKey = q.value(5).toString();
    i.roleTitle = q.value(6).toString();
    i.personId = q.value(7).toLongLong();
    i.personName = q.value(8).toString();
    i.state = RollCallVocabulary::stateFromKey(q.value(9).toString()).value_or(RollCallItemState::Pending);
    i.report.condition = RollCallVocabulary::conditionFromKey(q.value(10).toString()).value_or(Condition::Unknown);
    i.report.conditionText = q.value(11).toString();
    i.report.actions = q.value(12).toString();
    i.report.needs = q.value(13).toString();
    i.askedAt = fromMs(q.value(14));
    i.answeredAt = fromMs(q.value(15));
    i.answeredBy = q.value(16).toString();
    i.clearedAt = fromMs(q.value(17));
    i.clearedBy = q.value(18).toString();
    i.clearedReason = q.value(19).toString();
    return i;
}

RollCall readRound(const QSqlQuery &q)
{
    RollCall r;
    r.id = q.value(0).toLongLong();
    r.incidentId = q.value(1).toLongLong();
    r.number = q.value(2).toInt();
    r.scope = q.value(3).toString();
    r.startedAt = fromMs(q.value(4));
    r.startedBy = q.value(5).toString();
    r.endedAt = fromMs(q.value(6));
    r.endedBy = q.value(7).toString();
    r.timerId = q.value(8).toLongLong();
    return r;
}

bool tooLong(const CanReport &r)
{
    constexpr int max = RollCallRepository::MaxTextLength;
    return r.conditionText.size() > max || r.actions.size() > max || r.needs.size() > max;
}

} // namespace

RollCallRepository::RollCallRepository(StoreSession &session, TimelineRepository &timeline, RoleRepository &roles,
                                       RosterRepository &roster, TimerRepository &timers, QObject *parent)
    : QObject(parent), m_session(session), m_timeline(timeline), m_roles(roles), m_roster(roster), m_timers(timers)
{
    connect(&m_session, &StoreSession::changed, this, &RollCallRepository::announce);
}

void RollCallRepository::announce(const StoreChange &c)
{
    switch (c.entity) {
    case StoreEntity::RollCall:
        emit rollCallChanged(c.incidentId, c.entityId);
        break;
    case StoreEntity::RollCallItem:
        emit rollCallItemChanged(c.incidentId, c.entityId);
        break;
    case StoreEntity::Action:
        emit actionChanged(c.incidentId, c.entityId);
        break;
    case StoreEntity::Decision:
        emit decisionChanged(c.incidentId, c.entityId);
        break;
    default:
        break;
    }
}

Result<RollCallItem> RollCallRepository::rollCallItemInTx(WriteTransaction &tx, qint64 itemId)
{
    return tx.readOne(QStringLiteral("SELECT %1 WHERE i.id = ?").arg(ItemColumns), {itemId},
                      tr("There is no roll-call item #%1.").arg(itemId), readItem);
}

StoreError RollCallRepository::saveRollCallItem(WriteTransaction &tx, const RollCallItem &i)
{
    const bool answered = i.state == RollCallItemState::Answered;
    if (StoreError error = tx.run(
            QStringLiteral("UPDATE roll_call_item SET state = ?, condition = ?, condition_text = ?, actions_text = ?, "
                           "needs_text = ?, asked_at = ?, answered_at = ?, answered_by = ?, cleared_at = ?, "
                           "cleared_by = ?, cleared_reason = ? WHERE id = ?"),
            {RollCallVocabulary::stateKey(i.state),
             answered ? RollCallVocabulary::conditionKey(i.report.condition) : QStringLiteral(""),
             nonNull(i.report.conditionText.trimmed()), nonNull(i.report.actions.trimmed()),
             nonNull(i.report.needs.trimmed()), msOrNull(i.askedAt), msOrNull(i.answeredAt),
             i.answeredBy.isEmpty() ? QVariant() : QVariant(i.answeredBy), msOrNull(i.clearedAt),
             i.clearedBy.isEmpty() ? QVariant() : QVariant(i.clearedBy),
             i.clearedReason.isEmpty() ? QVariant() : QVariant(i.clearedReason), i.id});
        !error.ok())
        return error;
    return m_session.logChange(tx, StoreEntity::RollCallItem, i.id, i.incidentId, ChangeOp::Update);
}

Result<qint64> RollCallRepository::start(qint64 incidentId, const RollCallSelection &selection, const QString &author)
{
    const QString who = author.trimmed();
    if (who.isEmpty())
        return StoreError(StoreError::Code::Invalid, tr("Say who is starting the roll call."));
    if (selection.timeboxMs < 0 || selection.timeboxMs > MaxTimeboxMs)
        return StoreError(StoreError::Code::Invalid, tr("A roll call's time-box runs for more than nothing and at "
                                                        "most a week."));
    if (!selection.roleKeys.isEmpty() && !selection.subTeam.trimmed().isEmpty())
        return StoreError(StoreError::Code::Invalid,
                          tr("Choose either roles or a sub-team for the roll call, not both."));

    return m_session.write(tr("Starting the roll call"), [&](WriteTransaction &tx) -> Result<qint64> {
        if (StoreError error =
                tx.requireRow(QStringLiteral("incident"), incidentId, tr("There is no incident #%1.").arg(incidentId));
            !error.ok())
            return error;
        auto allRoles = m_roles.list(incidentId); // same connection: reads inside this transaction
        if (!allRoles)
            return allRoles.error();

        QList<IncidentRole> chosen;
        QString scope;
        if (!selection.roleKeys.isEmpty()) {
            for (const QString &rawKey : selection.roleKeys) {
                const QString key = rawKey.trimmed();
                auto it = std::find_if(allRoles->cbegin(), allRoles->cend(),
                                       [&key](const IncidentRole &r) { return r.definition.key == key; });
                if (it == allRoles->cend())
                    return StoreError(StoreError::Code::NotFound,
                                      tr("Incident #%1 has no role “%2”.").arg(incidentId).arg(key));
                if (it->isVacant())
                    return StoreError(
                        StoreError::Code::Invalid,
                        tr("Nobody holds %1: assign it or leave it out of the roll call.").arg(it->definition.title));
                if (std::none_of(chosen.cbegin(), chosen.cend(),
                                 [&key](const IncidentRole &r) { return r.definition.key == key; }))
                    chosen << *it;
            }
            QStringList keys;
            for (const IncidentRole &r : std::as_const(chosen))
                keys << r.definition.key;
            scope = QStringLiteral("roles %1").arg(keys.join(QLatin1Char(',')));
        } else if (!selection.subTeam.trimmed().isEmpty()) {
            const QString team = selection.subTeam.trimmed();
            bool known = false;
            for (const IncidentRole &r : std::as_const(*allRoles)) {
                if (r.subTeam.compare(team, Qt::CaseInsensitive) != 0)
                    continue;
                known = true;
                if (!r.isVacant())
                    chosen << r;
            }
            if (!known)
                return StoreError(StoreError::Code::NotFound,
                                  tr("Incident #%1 has no sub-team “%2”.").arg(incidentId).arg(team));
            if (chosen.isEmpty())
                return StoreError(StoreError::Code::Invalid,
                                  tr("Nobody holds a role in sub-team %1 yet: assign its roles first.").arg(team));
            scope = QStringLiteral("sub-team %1").arg(chosen.first().subTeam);
        } else {
            // Every held role but the command role: the commander runs the call.
            bool commanderSeen = false;
            for (const IncidentRole &r : std::as_const(*allRoles)) {
                if (!commanderSeen && r.definition.parentKey.isEmpty()) {
                    commanderSeen = true;
                    continue;
                }
                if (!r.isVacant())
                    chosen << r;
            }
            if (chosen.isEmpty())
                return StoreError(
                    StoreError::Code::Invalid,
                    tr("Nobody besides the commander holds a role yet: assign roles before a roll call."));
            scope = QStringLiteral("all");
        }

        // The previous round closes: what it did not hear back counts as missed.
        auto open = tx.exec(
            QStringLiteral("SELECT %1 FROM roll_call WHERE incident_id = ? AND ended_at IS NULL ORDER BY number")
                .arg(RoundColumns),
            {incidentId});
        if (!open)
            return open.error();
        QList<RollCall> openRounds;
        while (open->next())
            openRounds << readRound(*open);
        open->finish();
        for (const RollCall &round : std::as_const(openRounds)) {
            if (StoreError error = closeRollCallInTx(tx, round, who); !error.ok())
                return error;
        }

        auto last = tx.exec(QStringLiteral("SELECT COALESCE(MAX(number), 0) FROM roll_call WHERE incident_id = ?"),
                            {incidentId});
        if (!last)
            return last.error();
        const int number = last->next() ? last->value(0).toInt() + 1 : 1;
        last->finish();

        qint64 timerId = 0;
        if (selection.timeboxMs > 0) {
            TimerOptions options;
            options.ownerRoleKey = QStringLiteral("deputy");
            auto timer = m_timers.insertTimer(tx, incidentId, TimerKind::Countdown, tr("Roll call %1").arg(number),
                                              selection.timeboxMs, options, who);
            if (!timer)
                return timer.error();
            timerId = *timer;
        }

        const QDateTime now = m_session.clock().nowUtc();
        auto inserted = tx.insert(QStringLiteral("INSERT INTO roll_call (incident_id, number, scope, started_at, "
                                                 "started_by, timer_id) VALUES (?, ?, ?, ?, ?, ?) RETURNING id"),
                                  {incidentId, number, scope, toMs(now), who, idOrNull(timerId)});
        if (!inserted)
            return inserted.error();
        const qint64 roundId = *inserted;
        if (StoreError error = m_session.logChange(tx, StoreEntity::RollCall, roundId, incidentId, ChangeOp::Insert);
            !error.ok())
            return error;

        QStringList names;
        int position = 0;
        for (const IncidentRole &role : std::as_const(chosen)) {
            const QString title =
                role.definition.shortName.isEmpty() ? role.definition.title : role.definition.shortName;
            for (const RoleHolder &holder : role.holders) {
                auto item = tx.insert(
                    QStringLiteral(
                        "INSERT INTO roll_call_item (roll_call_id, incident_id, position, role_key, role_title, "
                        "person_id, person_name, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
                    {roundId, incidentId, position++, role.definition.key, title, idOrNull(holder.personId),
                     nonNull(holder.name), RollCallVocabulary::stateKey(RollCallItemState::Pending)});
                if (!item)
                    return item.error();
                if (StoreError error =
                        m_session.logChange(tx, StoreEntity::RollCallItem, *item, incidentId, ChangeOp::Insert);
                    !error.ok())
                    return error;
                names << tr("%1 (%2)").arg(title, holder.name);
            }
        }
        QString text = tr("Roll call %1 started — %n to report: %2", nullptr, int(names.size()))
                           .arg(number)
                           .arg(names.join(QStringLiteral(", ")));
        if (selection.timeboxMs > 0)
            text += tr("; time-box %1").arg(TimerVocabulary::durationText(selection.timeboxMs));
        if (StoreError error = m_timeline.log(tx, incidentId, EntryKind::RollCall, text, false, {}, who); !error.ok())
            return error;
        return roundId;
    });
}

StoreError RollCallRepository::closeRollCallInTx(WriteTransaction &tx, const RollCall &round, const QString &author)
{
    const QDateTime now = m_session.clock().nowUtc();
    auto q =
        tx.exec(QStringLiteral("SELECT %1 WHERE i.roll_call_id = ? ORDER BY i.position").arg(ItemColumns), {round.id});
    if (!q)
        return q.error();
    QList<RollCallItem> items;
    while (q->next())
        items << readItem(*q);
    q->finish();

    QStringList reported, missed, skipped;
    for (RollCallItem &item : items) {
        if (item.state == RollCallItemState::Pending) {
            // Never called before the round closed: asked when the round asked everyone.
            item.state = RollCallItemState::NoAnswer;
            item.askedAt = round.startedAt;
            if (StoreError error = saveRollCallItem(tx, item); !error.ok())
                return error;
        }
        switch (item.state) {
        case RollCallItemState::Answered:
            reported << tr("%1: %2").arg(item.label(), RollCallVocabulary::reportLine(item.report));
            break;
        case RollCallItemState::NoAnswer:
            missed << item.label();
            break;
        case RollCallItemState::Skipped:
            skipped << item.label();
            break;
        case RollCallItemState::Pending:
            break;
        }
    }
    if (StoreError error = tx.run(QStringLiteral("UPDATE roll_call SET ended_at = ?, ended_by = ? WHERE id = ?"),
                                  {toMs(now), author, round.id});
        !error.ok())
        return error;
    if (StoreError error = m_session.logChange(tx, StoreEntity::RollCall, round.id, round.incidentId, ChangeOp::Update);
        !error.ok())
        return error;

    // The round's time-box has done its job.
    if (round.timerId > 0) {
        auto timer = m_timers.timerInTx(tx, round.timerId);
        if (!timer)
            return timer.error();
        Timer t = *timer;
        if (t.isLive()) {
            if (StoreError error = m_timers.logPendingExpiry(tx, t); !error.ok())
                return error;
            t.state = TimerState::Acknowledged;
            if (StoreError error = m_timers.saveTimer(tx, t); !error.ok())
                return error;
            if (StoreError error = m_timeline.log(tx, t.incidentId, EntryKind::Timer,
                                                  tr("Timer acknowledged: “%1” — the round is closed").arg(t.label),
                                                  false, t.entryTags(), author);
                !error.ok())
                return error;
        }
    }

    QString text = tr("Roll call %1 closed — %2 of %3 reported.")
                       .arg(round.number)
                       .arg(reported.size())
                       .arg(items.size() - skipped.size());
    if (!reported.isEmpty())
        text += QLatin1Char(' ') + reported.join(QStringLiteral("; ")) + QLatin1Char('.');
    if (!missed.isEmpty())
        text += QLatin1Char(' ') + tr("Missed: %1.").arg(missed.join(QStringLiteral(", ")));
    if (!skipped.isEmpty())
        text += QLatin1Char(' ') + tr("Skipped: %1.").arg(skipped.join(QStringLiteral(", ")));
    return m_timeline.log(tx, round.incidentId, EntryKind::RollCall, text, false, {}, author);
}

StoreError RollCallRepository::end(qint64 rollCallId, const QString &author)
{
    if (author.trimmed().isEmpty())
        return {StoreError::Code::Invalid, tr("Say who is closing the roll call.")};
    return m_session.write(tr("Closing the roll call"), [&](WriteTransaction &tx) -> StoreError {
        auto q = tx.exec(QStringLiteral("SELECT %1 FROM roll_call WHERE id = ?").arg(RoundColumns), {rollCallId});
        if (!q)
            return q.error();
        if (!q->next())
            return {StoreError::Code::NotFound, tr("There is no roll call #%1.").arg(rollCallId)};
        const RollCall round = readRound(*q);
        q->finish();
        if (!round.isOpen())
            return {StoreError::Code::Invalid, tr("Roll call %1 is already closed.").arg(round.number)};
        return closeRollCallInTx(tx, round, author.trimmed());
    });
}

StoreError RollCallRepository::answer(qint64 itemId, const CanReport &report, const QString &author)
{
    const QString who = author.trimmed();
    if (who.isEmpty())
        return {StoreError::Code::Invalid, tr("Say who is recording the answer.")};
    if (tooLong(report))
        return {StoreError::Code::Invalid,
                tr("Keep each part of a CAN report under %1 characters.").arg(MaxTextLength)};
    return m_session.write(tr("Recording the answer"), [&](WriteTransaction &tx) -> StoreError {
        auto loaded = rollCallItemInTx(tx, itemId);
        if (!loaded)
            return loaded.error();
        RollCallItem item = *loaded;
        const bool wasMissed = item.isMissed();
        const bool correction = item.state == RollCallItemState::Answered;
        const QDateTime now = m_session.clock().nowUtc();
        item.state = RollCallItemState::Answered;
        item.report = report;
        if (!item.askedAt.isValid())
            item.askedAt = now;
        item.answeredAt = now;
        item.answeredBy = who;
        if (wasMissed) {
            item.clearedAt = now;
            item.clearedBy = who;
            item.clearedReason = QStringLiteral("answered");
        }
        if (StoreError error = saveRollCallItem(tx, item); !error.ok())
            return error;

        // An answer clears what the same role and person missed in earlier rounds.
        auto earlier = tx.exec(
            QStringLiteral("SELECT %1 WHERE i.incident_id = ? AND i.role_key = ? AND COALESCE(i.person_id, 0) = ? "
                           "AND i.state = ? AND i.cleared_at IS NULL AND i.id <> ?")
                .arg(ItemColumns),
            {item.incidentId, item.roleKey, item.personId, RollCallVocabulary::stateKey(RollCallItemState::NoAnswer),
             item.id});
        if (!earlier)
            return earlier.error();
        QList<RollCallItem> cleared;
        while (earlier->next())
            cleared << readItem(*earlier);
        earlier->finish();
        for (RollCallItem &old : cleared) {
            old.clearedAt = now;
            old.clearedBy = who;
            old.clearedReason = QStringLiteral("answered");
            if (StoreError error = saveRollCallItem(tx, old); !error.ok())
                return error;
        }

        QString text = correction ? tr("CAN corrected — %1 (roll call %2): %3") : tr("CAN — %1 (roll call %2): %3");
        text = text.arg(item.label(), QString::number(item.roundNumber), RollCallVocabulary::reportLine(item.report));
        const int missedBefore = int(cleared.size()) + (wasMissed ? 1 : 0);
        if (missedBefore > 0)
            text += tr(" — off the missed list (%n earlier call(s) unanswered)", nullptr, missedBefore);
        return m_timeline.log(tx, item.incidentId, EntryKind::RollCall, text, false, {}, who);
    });
}

StoreError RollCallRepository::mark(qint64 itemId, RollCallItemState state, const QString &author)
{
    const QString who = author.trimmed();
    if (who.isEmpty())
        return {StoreError::Code::Invalid, tr("Say who is marking the roll call.")};
    if (state == RollCallItemState::Answered)
        return {StoreError::Code::Invalid, tr("An answer needs its CAN report: record it as an answer.")};
    return m_session.write(tr("Marking the roll call"), [&](WriteTransaction &tx) -> StoreError {
        auto loaded = rollCallItemInTx(tx, itemId);
        if (!loaded)
            return loaded.error();
        RollCallItem item = *loaded;
        if (item.state == state)
            return {StoreError::Code::Invalid,
                    tr("%1 is already marked “%2”.").arg(item.label(), RollCallVocabulary::stateLabel(state))};
        if (state != RollCallItemState::Pending && item.state == RollCallItemState::Answered)
            return {StoreError::Code::Invalid, tr("%1 has answered in roll call %2; take the answer back first.")
                                                   .arg(item.label(), QString::number(item.roundNumber))};
        const QDateTime now = m_session.clock().nowUtc();
        QString text;
        item.state = state;
        item.clearedAt = QDateTime();
        item.clearedBy.clear();
        item.clearedReason.clear();
        switch (state) {
        case RollCallItemState::NoAnswer:
            item.askedAt = now;
            text = tr("No answer from %1 (roll call %2) — on the missed list")
                       .arg(item.label(), QString::number(item.roundNumber));
            break;
        case RollCallItemState::Skipped:
            item.askedAt = now;
            text = tr("Skipped %1 in roll call %2").arg(item.label(), QString::number(item.roundNumber));
            break;
        case RollCallItemState::Pending:
            item.askedAt = QDateTime();
            item.answeredAt = QDateTime();
            item.answeredBy.clear();
            item.report = CanReport();
            text = tr("Roll-call mark taken back: %1 (roll call %2) is waiting to be called")
                       .arg(item.label(), QString::number(item.roundNumber));
            break;
        case RollCallItemState::Answered:
            break;
        }
        if (StoreError error = saveRollCallItem(tx, item); !error.ok())
            return error;
        return m_timeline.log(tx, item.incidentId, EntryKind::RollCall, text, false, {}, who);
    });
}

StoreError RollCallRepository::dismissMissed(qint64 itemId, const QString &author)
{
    const QString who = author.trimmed();
    if (who.isEmpty())
        return {StoreError::Code::Invalid, tr("Say who is dismissing the missed item.")};
    return m_session.write(tr("Dismissing the missed item"), [&](WriteTransaction &tx) -> StoreError {
        auto loaded = rollCallItemInTx(tx, itemId);
        if (!loaded)
            return loaded.error();
        RollCallItem item = *loaded;
        if (!item.isMissed())
            return {StoreError::Code::Invalid, tr("%1 (roll call %2) is not on the missed list.")
                                                   .arg(item.label(), QString::number(item.roundNumber))};
        const QDateTime now = m_session.clock().nowUtc();
        item.clearedAt = now;
        item.clearedBy = who;
        item.clearedReason = QStringLiteral("dismissed");
        if (StoreError error = saveRollCallItem(tx, item); !error.ok())
            return error;
        const QString text = tr("Dismissed from the missed list: %1 (roll call %2, asked %3)")
                                 .arg(item.label(), QString::number(item.roundNumber))
                                 .arg(RollCallVocabulary::agoText(toMs(now) - toMs(item.askedAt)));
        return m_timeline.log(tx, item.incidentId, EntryKind::RollCall, text, false, {}, who);
    });
}

Result<QList<RollCall>> RollCallRepository::rounds(qint64 incidentId) const
{
    return m_session.readAll(
        QStringLiteral("SELECT %1 FROM roll_call WHERE incident_id = ? ORDER BY number").arg(RoundColumns),
        {incidentId}, tr("Reading the roll calls"), &readRound);
}

Result<RollCall> RollCallRepository::round(qint64 rollCallId) const
{
    return m_session.readOne(QStringLiteral("SELECT %1 FROM roll_call WHERE id = ?").arg(RoundColumns), {rollCallId},
                             tr("Reading the roll call"), tr("There is no roll call #%1.").arg(rollCallId), &readRound);
}

Result<QList<RollCallItem>> RollCallRepository::items(qint64 incidentId) const
{
    return m_session.readAll(
        QStringLiteral("SELECT %1 WHERE i.incident_id = ? ORDER BY c.number, i.position").arg(ItemColumns),
        {incidentId}, tr("Reading the roll calls"), &readItem);
}

Result<QList<RollCallItem>> RollCallRepository::roundItems(qint64 rollCallId) const
{
    return m_session.readAll(QStringLiteral("SELECT %1 WHERE i.roll_call_id = ? ORDER BY i.position").arg(ItemColumns),
                             {rollCallId}, tr("Reading the roll call"), &readItem);
}

Result<RollCallItem> RollCallRepository::item(qint64 itemId) const
{
    return m_session.readOne(QStringLiteral("SELECT %1 WHERE i.id = ?").arg(ItemColumns), {itemId},
                             tr("Reading the roll call"), tr("There is no roll-call item #%1.").arg(itemId), &readItem);
}

} // namespace cp
