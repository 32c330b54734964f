#pragma once

#include "db/storeerror.h"
#include "replayclock.h"
#include "replayscript.h"

#include <QHash>
#include <QObject>
#include <QTemporaryDir>

#include <memory>

namespace cp {

class IncidentStore;
class TimerEngine;

// Plays a past incident again for training. The incident is read once from its database (which
// is never written: a read-only store is enough) and re-enacted, step by step at the moments
// things first happened, into a scratch database of its own in a temporary folder, through the
// ordinary store commands. A shadow view shows the scratch incident like a live one: its
// timelines, role chart and timers fill as the replayed time passes, and timers expire again in
// replayed time (a TimerEngine watches the scratch store against the replay clock).
//
// Time comes from a ReplayClock driven by the injected clock; tick() (the window calls it every
// 100 ms, tests by hand) applies every step that is now due. Jumping back builds the scratch
// incident anew and fast-forwards to the moment.
class ReplayEngine final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReplayEngine)

public:
    ReplayEngine(const IncidentStore &source, const Clock &driver, QObject *parent = nullptr);
    ~ReplayEngine() override;

    // Reads the incident and builds the scratch incident at its declaration, paused.
    StoreError load(qint64 sourceIncidentId);

    IncidentStore &store() { return *m_scratch; }
    const ReplayClock &clock() const { return m_clock; }
    const ReplayScript &script() const { return m_script; }
    qint64 sourceIncidentId() const { return m_script.source().incident.id; }
    qint64 incidentId() const { return m_incidentId; } // in store()
    int appliedSteps() const { return m_applied; }
    bool isFinished() const { return m_applied >= m_script.steps().size() && m_clock.nowUtc() >= m_script.endUtc(); }
    // Steps the scratch store refused (a role that no longer exists …), for the status line.
    QStringList problems() const { return m_problems; }
    TimerEngine *timerEngine() const { return m_timerEngine.get(); }

    void play();
    void pause();
    bool isPlaying() const { return m_clock.isPlaying(); }
    void setSpeed(int factor);
    int speed() const { return m_clock.speed(); }
    // Pauses and moves to the next step's moment, applying it.
    void stepForward();
    // Moves to a moment between the start and the end (clamped); back means rebuilding.
    StoreError jumpTo(const QDateTime &atUtc);
    // Applies the steps that are due at the replay clock's time; stops at the end.
    void tick();

signals:
    void stepApplied(int index);
    void rebuilt(qint64 incidentId); // a new scratch incident: views set it again
    void positionChanged(const QDateTime &replayedUtc);
    void playingChanged(bool playing);
    void finished();

private:
    StoreError rebuild();
    void apply(int index);
    qint64 scratchPerson(qint64 sourcePersonId) const { return m_people.value(sourcePersonId); }

    const IncidentStore &m_source;
    ReplayClock m_clock;
    QTemporaryDir m_dir;
    std::unique_ptr<IncidentStore> m_scratch;
    std::unique_ptr<TimerEngine> m_timerEngine;
    ReplayScript m_script;
    qint64 m_incidentId = 0;
    int m_applied = 0;
    int m_generation = 0;
    bool m_finishedAnnounced = false;
    QHash<qint64, qint64> m_people; // source person id → scratch
    QHash<qint64, qint64> m_timers; // source timer id → scratch
    QHash<qint64, qint64> m_rounds; // source roll call id → scratch
    QHash<qint64, qint64> m_items;  // source roll-call item id → scratch
    QStringList m_problems;
};

} // namespace cp
