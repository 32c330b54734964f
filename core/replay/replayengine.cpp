#include "replayengine.h"

#include "db/incidentstore.h"
#include "replaysource.h"
#include "timers/timerengine.h"

#include <QDir>

namespace cp {

namespace {
const QString ReplayAuthor = QStringLiteral("replay");
}

ReplayEngine::ReplayEngine(const IncidentStore &source, const Clock &driver, QObject *parent)
    : QObject(parent), m_source(source), m_clock(driver),
      m_dir(QDir::tempPath() + QStringLiteral("/commandpost-replay-XXXXXX")),
      m_scratch(std::make_unique<IncidentStore>(m_clock))
{
}

ReplayEngine::~ReplayEngine()
{
    m_timerEngine.reset();
    m_scratch->session().close();
}

StoreError ReplayEngine::load(qint64 sourceIncidentId)
{
    auto source = ReplaySource::read(m_source, sourceIncidentId);
    if (!source)
        return source.error();
    if (source->incident.status != IncidentStatus::Resolved)
        return {StoreError::Code::Invalid,
                tr("Incident #%1 is still open; only a resolved incident can be replayed.").arg(sourceIncidentId)};
    if (!m_dir.isValid())
        return {StoreError::Code::Io, tr("Cannot create a temporary folder for the replay.")};
    m_script = ReplayScript(*std::move(source));
    m_clock.pause();
    return rebuild();
}

StoreError ReplayEngine::rebuild()
{
    m_timerEngine.reset();
    const QString previous = m_scratch->session().path();
    m_scratch->session().close();
    if (!previous.isEmpty()) {
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(previous + suffix);
    }
    StoreSession::Options options;
    options.quickCheck = false;
    if (StoreError error =
            m_scratch->session().open(m_dir.filePath(QStringLiteral("replay-%1.sqlite").arg(++m_generation)), options);
        !error.ok())
        return error;

    const ReplaySource &s = m_script.source();
    m_people.clear();
    m_timers.clear();
    m_rounds.clear();
    m_items.clear();
    m_problems.clear();
    m_applied = 0;
    m_finishedAnnounced = false;
    for (const Person &p : s.people) {
        Person copy = p;
        copy.id = 0;
        auto id = m_scratch->roster().addPerson(copy);
        if (!id)
            return id.error();
        m_people.insert(p.id, *id);
    }
    NewIncident incident;
    incident.title = s.incident.title;
    incident.summary = s.incident.summary;
    incident.kind = s.incident.kind;
    incident.severity = m_script.initialSeverity();
    incident.declaredAt = s.incident.declaredAt;
    if (!s.roles.isEmpty())
        incident.roles = m_script.roleTemplate();
    m_clock.setNow(s.incident.declaredAt);
    const QString declaredBy = m_script.declaredBy().isEmpty() ? ReplayAuthor : m_script.declaredBy();
    auto id = m_scratch->incidents().create(incident, declaredBy);
    if (!id)
        return id.error();
    m_incidentId = *id;
    m_clock.setNow(m_script.startUtc());
    m_timerEngine = std::make_unique<TimerEngine>(*m_scratch, m_clock);
    emit rebuilt(m_incidentId);
    emit positionChanged(m_clock.nowUtc());
    return {};
}

void ReplayEngine::play()
{
    if (isFinished())
        return;
    m_clock.play();
    emit playingChanged(true);
}

void ReplayEngine::pause()
{
    m_clock.pause();
    emit playingChanged(false);
}

void ReplayEngine::setSpeed(int factor)
{
    m_clock.setSpeed(factor);
}

void ReplayEngine::stepForward()
{
    pause();
    if (m_applied >= m_script.steps().size()) {
        jumpTo(m_script.endUtc());
        return;
    }
    jumpTo(m_script.steps().at(m_applied).at);
}

StoreError ReplayEngine::jumpTo(const QDateTime &atUtc)
{
    QDateTime target = atUtc;
    if (target < m_script.startUtc())
        target = m_script.startUtc();
    if (target > m_script.endUtc())
        target = m_script.endUtc();
    // Steps already told that lie after the target: the story must be told again up to it.
    if (m_applied > m_script.stepsUntil(target)) {
        const bool playing = m_clock.isPlaying();
        m_clock.pause();
        if (StoreError error = rebuild(); !error.ok())
            return error;
        if (playing)
            m_clock.play();
    }
    m_clock.setNow(target);
    tick();
    return {};
}

void ReplayEngine::tick()
{
    if (!m_scratch->session().isOpen() || m_incidentId == 0)
        return;
    QDateTime now = m_clock.nowUtc();
    const QDateTime end = m_script.endUtc();
    const bool atEnd = now >= end;
    if (atEnd) {
        now = end;
        m_clock.setNow(end);
    }
    const QList<ReplayStep> &steps = m_script.steps();
    while (m_applied < steps.size() && steps.at(m_applied).at <= now) {
        // The store dates what it writes by its clock: tell each step at its own moment.
        m_clock.setNow(steps.at(m_applied).at);
        m_timerEngine->tick();
        apply(m_applied);
        ++m_applied;
        emit stepApplied(m_applied - 1);
    }
    m_clock.setNow(now);
    m_timerEngine->tick();
    emit positionChanged(now);
    if (atEnd) {
        if (m_clock.isPlaying()) {
            m_clock.pause();
            emit playingChanged(false);
        }
        if (!m_finishedAnnounced) {
            m_finishedAnnounced = true;
            emit finished();
        }
    }
}

void ReplayEngine::apply(int index)
{
    const ReplayStep &step = m_script.steps().at(index);
    const ReplaySource &s = m_script.source();
    IncidentStore &store = *m_scratch;
    StoreError error;
    switch (step.kind) {
    case ReplayStep::Kind::Entry: {
        const TimelineEntry &e = s.entries.at(step.index);
        NewEntry entry;
        entry.incidentId = m_incidentId;
        entry.kind = e.kind;
        entry.author = e.author;
        entry.text = e.text;
        entry.tags = e.tags;
        entry.keyEvent = e.keyEvent;
        entry.occurredAt = e.occurredAt;
        error = store.timeline().append(entry).error();
        break;
    }
    case ReplayStep::Kind::Severity: {
        const IncidentFieldChange &c = s.changes.at(step.index);
        if (const auto severity = IncidentVocabulary::severityFromKey(c.newValue))
            error = store.incidents().setSeverity(m_incidentId, *severity, c.by);
        break;
    }
    case ReplayStep::Kind::Status: {
        const IncidentFieldChange &c = s.changes.at(step.index);
        const auto status = IncidentVocabulary::statusFromKey(c.newValue);
        if (!status)
            break;
        const QString original = tr("as in incident #%1").arg(s.incident.id);
        if (*status == IncidentStatus::Resolved) {
            // What was left open was acknowledged then; the replay takes that as given.
            error = store.resolution().resolve(m_incidentId, {{QStringLiteral("*"), original}}, c.by);
        } else if (c.oldValue == IncidentVocabulary::statusKey(IncidentStatus::Resolved)) {
            const QString reason = m_script.reopenReason(c);
            error = store.resolution().reopen(m_incidentId, *status, reason.isEmpty() ? original : reason, c.by);
        } else {
            error = store.incidents().setStatus(m_incidentId, *status, c.by);
        }
        break;
    }
    case ReplayStep::Kind::Assign: {
        const Assignment &a = s.assignments.at(step.index);
        error = store.roles().assign(m_incidentId, a.roleKey, scratchPerson(a.personId), a.startedBy).error();
        break;
    }
    case ReplayStep::Kind::HandOver: {
        const Assignment &from = s.assignments.at(step.index);
        const Assignment &to = s.assignments.at(step.other);
        error = store.roles().handOver(m_incidentId, from.roleKey, scratchPerson(from.personId),
                                       scratchPerson(to.personId), to.startedBy);
        break;
    }
    case ReplayStep::Kind::Release: {
        const Assignment &a = s.assignments.at(step.index);
        error = store.roles().release(m_incidentId, a.roleKey, scratchPerson(a.personId),
                                      a.endedBy.isEmpty() ? ReplayAuthor : a.endedBy);
        break;
    }
    case ReplayStep::Kind::TimerStart: {
        const Timer &t = s.timers.at(step.index);
        TimerOptions options;
        options.ownerRoleKey = t.ownerRoleKey;
        options.warnMs = t.warnMs;
        options.endsAt = t.endsAt;
        options.defaultKey = t.defaultKey;
        Result<qint64> started = qint64(0);
        if (t.kind == TimerKind::Countdown) {
            started = store.timers().startCountdown(m_incidentId, t.label, t.durationMs, options, t.createdBy);
        } else if (t.kind == TimerKind::Cadence) {
            // The first deadline where it first was: the anchor's grid point, or one period.
            if (t.anchorAt.isValid() && t.anchorAt > t.createdAt && t.durationMs > 0) {
                const qint64 first = t.createdAt.msecsTo(t.anchorAt) % t.durationMs;
                options.firstAfterMs = first > 0 ? first : t.durationMs;
            }
            started = store.timers().startCadence(m_incidentId, t.label, t.durationMs, options, t.createdBy);
        } else {
            options.since = t.anchorAt.isValid() && t.anchorAt <= t.createdAt ? t.anchorAt : t.createdAt;
            started = store.timers().startStopwatch(m_incidentId, t.label, options, t.createdBy);
        }
        if (started)
            m_timers.insert(t.id, *started);
        error = started.error();
        break;
    }
    case ReplayStep::Kind::TimerSettle: {
        const Timer &t = s.timers.at(step.index);
        const qint64 id = m_timers.value(t.id);
        if (id == 0)
            break;
        if (t.state == TimerState::Paused)
            error = store.timers().pause(id, t.createdBy);
        else if (t.state == TimerState::Acknowledged && t.kind == TimerKind::Countdown)
            error = store.timers().acknowledge(id, t.createdBy);
        else
            error = store.timers().cancel(id, t.createdBy);
        break;
    }
    case ReplayStep::Kind::RollCallStart: {
        const RollCall &r = s.rollCalls.at(step.index);
        RollCallSelection selection;
        QList<const RollCallItem *> items;
        for (const RollCallItem &item : s.rollCallItems) {
            if (item.rollCallId != r.id)
                continue;
            items << &item;
            if (!selection.roleKeys.contains(item.roleKey))
                selection.roleKeys << item.roleKey;
        }
        for (const Timer &t : s.timers) {
            if (t.id == r.timerId)
                selection.timeboxMs = t.durationMs;
        }
        auto started = store.rollCalls().start(m_incidentId, selection, r.startedBy);
        if (!started) {
            error = started.error();
            break;
        }
        m_rounds.insert(r.id, *started);
        // Match the new round's items to the old ones by role and (copied) person.
        if (auto round = store.rollCalls().roundItems(*started)) {
            for (const RollCallItem *old : std::as_const(items)) {
                for (const RollCallItem &made : std::as_const(*round)) {
                    if (made.roleKey == old->roleKey && made.personId == scratchPerson(old->personId))
                        m_items.insert(old->id, made.id);
                }
            }
        }
        break;
    }
    case ReplayStep::Kind::RollCallItem: {
        const RollCallItem &item = s.rollCallItems.at(step.index);
        const qint64 id = m_items.value(item.id);
        if (id == 0)
            break;
        if (item.state == RollCallItemState::Answered)
            error =
                store.rollCalls().answer(id, item.report, item.answeredBy.isEmpty() ? ReplayAuthor : item.answeredBy);
        else
            error = store.rollCalls().mark(id, item.state,
                                           m_script.markedBy(item).isEmpty() ? ReplayAuthor : m_script.markedBy(item));
        break;
    }
    case ReplayStep::Kind::RollCallDismiss: {
        const RollCallItem &item = s.rollCallItems.at(step.index);
        if (const qint64 id = m_items.value(item.id))
            error = store.rollCalls().dismissMissed(id, item.clearedBy.isEmpty() ? ReplayAuthor : item.clearedBy);
        break;
    }
    case ReplayStep::Kind::RollCallEnd: {
        const RollCall &r = s.rollCalls.at(step.index);
        // A round still open at the resolution was closed by resolving, here as in the source.
        const qint64 id = m_rounds.value(r.id);
        if (const auto round = store.rollCalls().round(id); id && round && round->isOpen())
            error = store.rollCalls().end(id, r.endedBy.isEmpty() ? ReplayAuthor : r.endedBy);
        break;
    }
    }
    if (!error.ok())
        m_problems << step.text + QStringLiteral(": ") + error.message();
}

} // namespace cp
