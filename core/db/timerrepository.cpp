// Countdowns, cadences and stopwatches, and their entries on the timeline.
#include "timerrepository.h"
#include "domain/domainrules.h"

#include "storevalues.h"
#include "timelinerepository.h"
#include "writetransaction.h"

#include <QSqlQuery>

namespace cp {

using namespace storevalues;

namespace {

const QString TimerColumns =
    QStringLiteral("id, incident_id, kind, label, owner_role_key, entry_id, state, duration_ms, warn_ms, anchor_at, "
                   "deadline_at, paused_ms, ends_at, expired_deadline_at, default_key, created_at, created_by");
constexpr int MaxSnoozeMinutes = 24 * 60;

Timer readTimer(const QSqlQuery &q)
{
    Timer t;
    t.id = q.value(0).toLongLong();
    t.incidentId = q.value(1).toLongLong();
    t.kind = TimerVocabulary::kindFromKey(q.value(2).toString()).value_or(TimerKind::Countdown);
    t.label = q.value(3).toString();
    t.ownerRoleKey = q.value(4).toString();
    t.entryId = q.value(5).toLongLong();
    t.state = TimerVocabulary::stateFromKey(q.value(6).toString()).value_or(TimerState::Running);
    t.durationMs = q.value(7).toLongLong();
    t.warnMs = q.value(8).toLongLong();
    t.anchorAt = fromMs(q.value(9));
    t.deadlineAt = fromMs(q.value(10));
    t.pausedMs = q.value(11).toLongLong();
    t.endsAt = fromMs(q.value(12));
    t.expiredDeadlineAt = fromMs(q.value(13));
    t.defaultKey = q.value(14).toString();
    t.createdAt = fromMs(q.value(15));
    t.createdBy = q.value(16).toString();
    return t;
}

QString dur(qint64 ms)
{
    return TimerVocabulary::durationText(ms);
}

} // namespace

TimerRepository::TimerRepository(StoreSession &session, TimelineRepository &timeline, QObject *parent)
    : QObject(parent), m_session(session), m_timeline(timeline)
{
    connect(&m_session, &StoreSession::changed, this, &TimerRepository::announce);
}

void TimerRepository::announce(const StoreChange &c)
{
    if (c.entity == StoreEntity::Timer)
        emit timerChanged(c.incidentId, c.entityId);
}

Result<Timer> TimerRepository::timerInTx(WriteTransaction &tx, qint64 timerId)
{
    return tx.readOne(QStringLiteral("SELECT %1 FROM timer WHERE id = ?").arg(TimerColumns), {timerId},
                      tr("There is no timer #%1.").arg(timerId), readTimer);
}

Result<qint64> TimerRepository::insertTimer(WriteTransaction &tx, qint64 incidentId, TimerKind kind,
                                            const QString &label, qint64 durationMs, const TimerOptions &options,
                                            const QString &author, QString *started)
{
    Timer t;
    t.incidentId = incidentId;
    t.kind = kind;
    t.label = label.trimmed();
    t.ownerRoleKey = options.ownerRoleKey.trimmed();
    t.entryId = options.entryId;
    t.durationMs = kind == TimerKind::Stopwatch ? 0 : durationMs;
    t.warnMs = options.warnMs;
    t.defaultKey = options.defaultKey;
    t.createdBy = author.trimmed();
    const QDateTime now = m_session.clock().nowUtc();
    t.createdAt = now;

    if (t.label.isEmpty())
        return StoreError(StoreError::Code::Invalid, tr("A timer needs a label: what is it for?"));
    if (t.createdBy.isEmpty())
        return StoreError(StoreError::Code::Invalid, tr("Say who is starting the timer."));
    if (kind != TimerKind::Stopwatch && (durationMs <= 0 || durationMs > DomainRules::MaxDurationMs))
        return StoreError(StoreError::Code::Invalid, tr("A timer runs for more than nothing and at most a week."));
    if (options.warnMs < 0 || options.firstAfterMs < 0 || options.firstAfterMs > DomainRules::MaxDurationMs)
        return StoreError(StoreError::Code::Invalid, tr("Timer offsets cannot be negative or longer than a week."));

    if (StoreError error =
            tx.requireRow(QStringLiteral("incident"), incidentId, tr("There is no incident #%1.").arg(incidentId));
        !error.ok())
        return error;
    if (t.entryId > 0) {
        auto entry = tx.exec(QStringLiteral("SELECT incident_id FROM timeline_entry WHERE id = ?"), {t.entryId});
        if (!entry)
            return entry.error();
        if (!entry->next() || entry->value(0).toLongLong() != incidentId)
            return StoreError(StoreError::Code::NotFound,
                              tr("Incident #%1 has no timeline entry #%2.").arg(incidentId).arg(t.entryId));
        entry->finish();
    }

    QString what; // "“label” — …", the same in the entry of one timer and in a summary of several
    QString text;
    switch (kind) {
    case TimerKind::Countdown:
        t.anchorAt = now;
        t.deadlineAt = now.addMSecs(durationMs);
        what = tr("“%1” — %2 countdown").arg(t.label, dur(durationMs));
        text = tr("Timer started: %1");
        break;
    case TimerKind::Cadence: {
        const qint64 first = options.firstAfterMs > 0 ? options.firstAfterMs : durationMs;
        t.deadlineAt = now.addMSecs(first);
        t.anchorAt = t.deadlineAt;
        t.endsAt = options.endsAt.isValid() ? options.endsAt.toUTC() : QDateTime();
        what = first == durationMs ? tr("“%1” — every %2").arg(t.label, dur(durationMs))
                                   : tr("“%1” — first in %2, then every %3").arg(t.label, dur(first), dur(durationMs));
        if (t.endsAt.isValid())
            what += tr(", for %1").arg(dur(toMs(t.endsAt) - toMs(now)));
        text = tr("Recurring timer started: %1");
        break;
    }
    case TimerKind::Stopwatch:
        t.anchorAt = options.since.isValid() ? options.since.toUTC() : now;
        if (toMs(t.anchorAt) > toMs(now) + DomainRules::FutureToleranceMs)
            return StoreError(StoreError::Code::Invalid, tr("A stopwatch counts from a moment that has happened."));
        what = t.anchorAt == now
                   ? tr("“%1”").arg(t.label)
                   : tr("“%1” — counting from %2 UTC").arg(t.label, t.anchorAt.toString(QStringLiteral("HH:mm:ss")));
        text = tr("Stopwatch started: %1");
        break;
    }
    if (!t.ownerRoleKey.isEmpty())
        what += tr(" (owner: %1)").arg(t.ownerRoleKey);
    text = text.arg(what);

    auto inserted = tx.insert(
        QStringLiteral(
            "INSERT INTO timer (incident_id, kind, label, owner_role_key, entry_id, state, duration_ms, "
            "warn_ms, anchor_at, deadline_at, paused_ms, ends_at, expired_deadline_at, default_key, "
            "created_at, created_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, NULL, ?, ?, ?, ?) "
            "RETURNING id"),
        {incidentId, TimerVocabulary::kindKey(kind), t.label, nonNull(t.ownerRoleKey), idOrNull(t.entryId),
         TimerVocabulary::stateKey(TimerState::Running), t.durationMs, t.warnMs, toMs(t.anchorAt),
         msOrNull(t.deadlineAt), msOrNull(t.endsAt), nonNull(t.defaultKey), toMs(now), t.createdBy, toMs(now)});
    if (!inserted)
        return inserted.error();
    t.id = *inserted;
    if (StoreError error = m_session.logChange(tx, StoreEntity::Timer, t.id, incidentId, ChangeOp::Insert); !error.ok())
        return error;
    if (started) {
        *started = what;
        return t.id;
    }
    if (StoreError error = m_timeline.log(tx, t.incidentId, EntryKind::Timer, text, false, t.entryTags(), t.createdBy);
        !error.ok())
        return error;
    return t.id;
}

StoreError TimerRepository::saveTimer(WriteTransaction &tx, const Timer &t)
{
    if (StoreError error = tx.run(QStringLiteral("UPDATE timer SET state = ?, anchor_at = ?, deadline_at = ?, "
                                                 "paused_ms = ?, expired_deadline_at = ?, updated_at = ? WHERE id = ?"),
                                  {TimerVocabulary::stateKey(t.state), toMs(t.anchorAt), msOrNull(t.deadlineAt),
                                   t.pausedMs, msOrNull(t.expiredDeadlineAt), toMs(m_session.clock().nowUtc()), t.id});
        !error.ok())
        return error;
    return m_session.logChange(tx, StoreEntity::Timer, t.id, t.incidentId, ChangeOp::Update);
}

// An expiry that happened but is not on the timeline yet (nobody ticked since) is logged before
// whatever the command does, dated at the deadline.
StoreError TimerRepository::logPendingExpiry(WriteTransaction &tx, Timer &t)
{
    if (t.state != TimerState::Running || !t.hasDeadline() || !t.deadlineAt.isValid())
        return {};
    if (toMs(m_session.clock().nowUtc()) < toMs(t.deadlineAt) || t.expiredDeadlineAt == t.deadlineAt)
        return {};
    t.expiredDeadlineAt = t.deadlineAt;
    // Nobody expires a timer: whoever notices first, the entry is the system's.
    return m_timeline.log(tx, t.incidentId, EntryKind::Timer, tr("Timer expired: “%1”").arg(t.label), false,
                          t.entryTags(), EntryVocabulary::systemAuthor(), t.deadlineAt);
}

StoreError TimerRepository::changeTimer(qint64 timerId, const QString &author, const QString &doing,
                                        const std::function<Result<QString>(Timer &)> &change)
{
    if (author.trimmed().isEmpty())
        return {StoreError::Code::Invalid, tr("Say who is changing the timer.")};
    return m_session.write(doing, [&](WriteTransaction &tx) -> StoreError {
        auto loaded = timerInTx(tx, timerId);
        if (!loaded)
            return loaded.error();
        Timer t = *loaded;
        if (StoreError error = logPendingExpiry(tx, t); !error.ok())
            return error;
        auto text = change(t);
        if (!text)
            return text.error();
        if (StoreError error = saveTimer(tx, t); !error.ok())
            return error;
        return m_timeline.log(tx, t.incidentId, EntryKind::Timer, *text, false, t.entryTags(), author);
    });
}

Result<qint64> TimerRepository::startTimer(TimerKind kind, const QString &doing, qint64 incidentId,
                                           const QString &label, qint64 durationMs, const TimerOptions &options,
                                           const QString &author)
{
    return m_session.write(doing, [&](WriteTransaction &tx) -> Result<qint64> {
        return insertTimer(tx, incidentId, kind, label, durationMs, options, author);
    });
}

Result<qint64> TimerRepository::startCountdown(qint64 incidentId, const QString &label, qint64 durationMs,
                                               const TimerOptions &options, const QString &author)
{
    return startTimer(TimerKind::Countdown, tr("Starting the timer"), incidentId, label, durationMs, options, author);
}

Result<qint64> TimerRepository::startCadence(qint64 incidentId, const QString &label, qint64 periodMs,
                                             const TimerOptions &options, const QString &author)
{
    return startTimer(TimerKind::Cadence, tr("Starting the recurring timer"), incidentId, label, periodMs, options,
                      author);
}

Result<qint64> TimerRepository::startStopwatch(qint64 incidentId, const QString &label, const TimerOptions &options,
                                               const QString &author)
{
    return startTimer(TimerKind::Stopwatch, tr("Starting the stopwatch"), incidentId, label, 0, options, author);
}

Result<QList<qint64>> TimerRepository::startDefaults(qint64 incidentId, Severity severity, const QString &author)
{
    return startDefaults(incidentId, TimerDefaults::forSeverity(severity), author);
}

Result<QList<qint64>> TimerRepository::startDefaults(qint64 incidentId, const QList<TimerDefault> &defaults,
                                                     const QString &author)
{
    return m_session.write(tr("Starting the default timers"), [&](WriteTransaction &tx) -> Result<QList<qint64>> {
        auto incident = tx.exec(QStringLiteral("SELECT declared_at FROM incident WHERE id = ?"), {incidentId});
        if (!incident)
            return incident.error();
        if (!incident->next())
            return StoreError(StoreError::Code::NotFound, tr("There is no incident #%1.").arg(incidentId));
        const QDateTime declared = fromMs(incident->value(0));
        incident->finish();
        auto running = tx.exec(
            QStringLiteral("SELECT default_key FROM timer WHERE incident_id = ? AND default_key <> '' AND state <> ?"),
            {incidentId, TimerVocabulary::stateKey(TimerState::Cancelled)});
        if (!running)
            return running.error();
        QSet<QString> have;
        while (running->next())
            have.insert(running->value(0).toString());
        running->finish();

        const QDateTime now = m_session.clock().nowUtc();
        QList<qint64> ids;
        QStringList started;
        QStringList tags;
        for (const TimerDefault &d : defaults) {
            if (have.contains(d.key))
                continue;
            TimerOptions options;
            options.ownerRoleKey = d.ownerRoleKey;
            options.defaultKey = d.key;
            options.firstAfterMs = d.firstAfterMs;
            if (d.endsAfterMs > 0)
                options.endsAt = now.addMSecs(d.endsAfterMs);
            if (d.sinceDeclared)
                options.since = qMin(declared, now);
            QString what;
            auto id = insertTimer(tx, incidentId, d.kind, d.label, d.durationMs, options, author, &what);
            if (!id)
                return id.error();
            ids << *id;
            started << what;
            tags << Timer::tag(*id);
        }
        // The practice's cadences are one event of the declaration, not seven lines of the log.
        if (!ids.isEmpty()) {
            const QString text =
                ids.size() == 1
                    ? tr("Default timer started: %1").arg(started.first())
                    : tr("Default timers started (%1): %2").arg(ids.size()).arg(started.join(QStringLiteral("; ")));
            if (StoreError error =
                    m_timeline.log(tx, incidentId, EntryKind::Timer, text, false, tags, author.trimmed());
                !error.ok())
                return error;
        }
        return ids;
    });
}

StoreError TimerRepository::pause(qint64 timerId, const QString &author)
{
    return changeTimer(timerId, author, tr("Pausing the timer"), [this](Timer &t) -> Result<QString> {
        const QDateTime now = m_session.clock().nowUtc();
        if (t.state != TimerState::Running)
            return StoreError(StoreError::Code::Invalid, tr("Only a running timer can be paused."));
        if (t.phaseAt(now) == TimerPhase::Expired)
            return StoreError(StoreError::Code::Invalid,
                              tr("“%1” has expired: acknowledge, snooze or restart it.").arg(t.label));
        if (t.kind == TimerKind::Stopwatch) {
            t.pausedMs = t.elapsedMsAt(now);
            t.state = TimerState::Paused;
            return tr("Stopwatch paused: “%1” at %2").arg(t.label, TimerVocabulary::clockText(t.pausedMs));
        }
        t.state = TimerState::Paused;
        t.pausedMs = toMs(t.deadlineAt) - toMs(now);
        t.deadlineAt = QDateTime();
        return tr("Timer paused: “%1” with %2 left").arg(t.label, TimerVocabulary::clockText(t.pausedMs));
    });
}

StoreError TimerRepository::resume(qint64 timerId, const QString &author)
{
    return changeTimer(timerId, author, tr("Resuming the timer"), [this](Timer &t) -> Result<QString> {
        const QDateTime now = m_session.clock().nowUtc();
        if (t.state != TimerState::Paused)
            return StoreError(StoreError::Code::Invalid, tr("Only a paused timer can be resumed."));
        t.state = TimerState::Running;
        if (t.kind == TimerKind::Stopwatch) {
            t.anchorAt = now.addMSecs(-t.pausedMs);
            t.pausedMs = 0;
            return tr("Stopwatch resumed: “%1”").arg(t.label);
        }
        t.deadlineAt = now.addMSecs(t.pausedMs);
        // The schedule moves by the time it was paused, so a resumed timer is not taken for snoozed.
        if (t.kind == TimerKind::Cadence)
            t.anchorAt = t.deadlineAt;
        else
            t.anchorAt = t.deadlineAt.addMSecs(-t.durationMs);
        const qint64 left = t.pausedMs;
        t.pausedMs = 0;
        return tr("Timer resumed: “%1” with %2 left").arg(t.label, TimerVocabulary::clockText(left));
    });
}

StoreError TimerRepository::snooze(qint64 timerId, int minutes, const QString &author)
{
    return changeTimer(timerId, author, tr("Snoozing the timer"), [this, minutes](Timer &t) -> Result<QString> {
        if (minutes <= 0 || minutes > MaxSnoozeMinutes)
            return StoreError(StoreError::Code::Invalid, tr("Snooze for 1 minute to 24 hours."));
        if (t.kind == TimerKind::Stopwatch || t.state != TimerState::Running)
            return StoreError(StoreError::Code::Invalid,
                              tr("Only a running countdown or recurring timer can be snoozed."));
        t.deadlineAt = m_session.clock().nowUtc().addSecs(qint64(minutes) * 60);
        return tr("Timer snoozed for %n min: “%1”", nullptr, minutes).arg(t.label);
    });
}

StoreError TimerRepository::acknowledge(qint64 timerId, const QString &author)
{
    return changeTimer(timerId, author, tr("Acknowledging the timer"), [this](Timer &t) -> Result<QString> {
        const QDateTime now = m_session.clock().nowUtc();
        if (t.kind == TimerKind::Stopwatch || t.state != TimerState::Running)
            return StoreError(StoreError::Code::Invalid,
                              tr("Only a running countdown or recurring timer can be acknowledged."));
        const qint64 overdue = toMs(now) - toMs(t.deadlineAt);
        QString text = tr("Timer acknowledged: “%1”").arg(t.label);
        if (overdue > 0)
            text += tr(", %1 overdue").arg(TimerVocabulary::durationText(overdue));
        if (t.kind == TimerKind::Countdown) {
            t.state = TimerState::Acknowledged;
            return text;
        }
        qint64 skipped = 0;
        const QDateTime next = t.nextDeadlineAfter(now, &skipped);
        if (!next.isValid()) {
            t.state = TimerState::Acknowledged;
            return text + tr(" — cadence complete");
        }
        t.anchorAt = next;
        t.deadlineAt = next;
        if (skipped > 0)
            text += tr(" — %n missed period(s) skipped", nullptr, int(skipped));
        return text + tr(" — next due in %1").arg(TimerVocabulary::durationText(toMs(next) - toMs(now)));
    });
}

StoreError TimerRepository::restart(qint64 timerId, const QString &author)
{
    return changeTimer(timerId, author, tr("Restarting the timer"), [this](Timer &t) -> Result<QString> {
        const QDateTime now = m_session.clock().nowUtc();
        t.state = TimerState::Running;
        t.pausedMs = 0;
        switch (t.kind) {
        case TimerKind::Countdown:
            t.anchorAt = now;
            t.deadlineAt = now.addMSecs(t.durationMs);
            break;
        case TimerKind::Cadence:
            t.deadlineAt = now.addMSecs(t.durationMs);
            t.anchorAt = t.deadlineAt;
            break;
        case TimerKind::Stopwatch:
            t.anchorAt = now;
            return tr("Stopwatch restarted: “%1”").arg(t.label);
        }
        return tr("Timer restarted: “%1” — due in %2").arg(t.label, TimerVocabulary::durationText(t.durationMs));
    });
}

StoreError TimerRepository::cancel(qint64 timerId, const QString &author)
{
    return changeTimer(timerId, author, tr("Cancelling the timer"), [](Timer &t) -> Result<QString> {
        if (!t.isLive())
            return StoreError(StoreError::Code::Invalid, tr("“%1” is not running.").arg(t.label));
        t.state = TimerState::Cancelled;
        return tr("Timer cancelled: “%1”").arg(t.label);
    });
}

Result<bool> TimerRepository::markExpired(qint64 timerId)
{
    return m_session.write(tr("Recording the expiry"), [&](WriteTransaction &tx) -> Result<bool> {
        auto loaded = timerInTx(tx, timerId);
        if (!loaded)
            return loaded.error();
        Timer t = *loaded;
        const QDateTime before = t.expiredDeadlineAt;
        if (StoreError error = logPendingExpiry(tx, t); !error.ok())
            return error;
        if (t.expiredDeadlineAt == before)
            return false; // not due, or already on the timeline: nothing written
        if (StoreError error = saveTimer(tx, t); !error.ok())
            return error;
        return true;
    });
}

Result<QList<Timer>> TimerRepository::list(qint64 incidentId) const
{
    return m_session.readAll(QStringLiteral("SELECT %1 FROM timer WHERE incident_id = ? ORDER BY id").arg(TimerColumns),
                             {incidentId}, tr("Reading the timers"), readTimer);
}

Result<QList<Timer>> TimerRepository::live() const
{
    return m_session.readAll(
        // A resolved incident's timers are over, even one left running by an older version.
        QStringLiteral("SELECT %1 FROM timer WHERE state IN (?, ?) AND incident_id IN (SELECT id FROM incident WHERE "
                       "status <> ?) ORDER BY id")
            .arg(TimerColumns),
        {TimerVocabulary::stateKey(TimerState::Running), TimerVocabulary::stateKey(TimerState::Paused),
         IncidentVocabulary::statusKey(IncidentStatus::Resolved)},
        tr("Reading the timers"), readTimer);
}

Result<Timer> TimerRepository::timer(qint64 timerId) const
{
    return m_session.readOne(QStringLiteral("SELECT %1 FROM timer WHERE id = ?").arg(TimerColumns), {timerId},
                             tr("Reading timer #%1").arg(timerId), tr("There is no timer #%1.").arg(timerId),
                             readTimer);
}

} // namespace cp
