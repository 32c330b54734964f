#pragma once

#include "storefixture.h"
#include "timers/timerengine.h"

#include <QObject>
#include <QSignalSpy>

#include <memory>

namespace cp::test {

// The base of the timer tests: a store over a fresh database with one SEV-1 incident, and a
// TimerEngine on the fake clock whose due, expired and clock-jump signals are recorded. A test
// class derives from it and calls setUpTimers()/tearDownTimers() from its init()/cleanup().
class TimerTestCase : public QObject
{
public:
    static constexpr qint64 Second = 1000;
    static constexpr qint64 Minute = 60 * Second;
    static constexpr qint64 Hour = 60 * Minute;

protected:
    void setUpTimers();
    void tearDownTimers();
    // A store and engine as a process has them, on the fixture's database; again after the
    // process ended (m_engine and m_store reset), as a new process: the engine's memory of what it
    // announced is gone, the database's is not.
    void openStoreAndEngine();

    qint64 countdown(qint64 ms, const QString &label = QStringLiteral("check back with DB SME"),
                     TimerOptions options = {});
    qint64 cadence(qint64 ms, const QString &label = QStringLiteral("status update"), TimerOptions options = {});
    Timer timer(qint64 id) { return *m_store->timers().timer(id); }
    QDateTime now() const { return m_clock->nowUtc(); }
    TimerPhase phase(qint64 id) { return timer(id).phaseAt(now()); }
    QList<TimelineEntry> timerEntries(); // oldest first
    QStringList timerTexts();
    int expiryEntries(qint64 timerId); // "Timer expired" entries of the timer
    static QList<qint64> ids(const QSignalSpy &spy);

    std::unique_ptr<StoreFixture> m_fixture;
    FakeClock *m_clock = nullptr;
    std::unique_ptr<IncidentStore> m_store;
    std::unique_ptr<TimerEngine> m_engine;
    std::unique_ptr<QSignalSpy> m_due;
    std::unique_ptr<QSignalSpy> m_expired;
    std::unique_ptr<QSignalSpy> m_jumped;
    qint64 m_incident = 0;
    const QString m_ana = QStringLiteral("ana");
};

} // namespace cp::test
