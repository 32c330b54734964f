#include "timertestcase.h"

#include <QTest>

namespace cp::test {

void TimerTestCase::setUpTimers()
{
    m_fixture = std::make_unique<StoreFixture>();
    m_clock = &m_fixture->clock();
    openStoreAndEngine();
    NewIncident incident;
    incident.title = QStringLiteral("Events are not processed");
    incident.severity = Severity::Sev1;
    auto id = m_store->incidents().create(incident, m_ana);
    QVERIFY2(id.ok(), qPrintable(id.error().message()));
    m_incident = *id;
}

void TimerTestCase::tearDownTimers()
{
    m_due.reset();
    m_expired.reset();
    m_jumped.reset();
    m_engine.reset();
    m_store.reset();
    m_clock = nullptr;
    m_fixture.reset();
}

void TimerTestCase::openStoreAndEngine()
{
    m_due.reset();
    m_expired.reset();
    m_jumped.reset();
    m_engine.reset();
    m_store = std::make_unique<IncidentStore>(*m_clock);
    const StoreError error = m_fixture->openAnother(*m_store);
    QVERIFY2(error.ok(), qPrintable(error.message()));
    m_engine = std::make_unique<TimerEngine>(*m_store, *m_clock);
    m_due = std::make_unique<QSignalSpy>(m_engine.get(), &TimerEngine::timerDue);
    m_expired = std::make_unique<QSignalSpy>(m_engine.get(), &TimerEngine::timerExpired);
    m_jumped = std::make_unique<QSignalSpy>(m_engine.get(), &TimerEngine::clockJumped);
}

qint64 TimerTestCase::countdown(qint64 ms, const QString &label, TimerOptions options)
{
    auto id = m_store->timers().startCountdown(m_incident, label, ms, options, m_ana);
    if (!id)
        qWarning() << id.error().message();
    return id ? *id : 0;
}

qint64 TimerTestCase::cadence(qint64 ms, const QString &label, TimerOptions options)
{
    auto id = m_store->timers().startCadence(m_incident, label, ms, options, m_ana);
    if (!id)
        qWarning() << id.error().message();
    return id ? *id : 0;
}

QList<TimelineEntry> TimerTestCase::timerEntries()
{
    TimelinePage page{m_incident};
    page.oldestFirst = true;
    page.limit = 100000;
    page.filter.kinds = {EntryKind::Timer};
    return *m_store->timeline().entries(page);
}

QStringList TimerTestCase::timerTexts()
{
    QStringList texts;
    for (const TimelineEntry &e : timerEntries())
        texts << e.text;
    return texts;
}

int TimerTestCase::expiryEntries(qint64 timerId)
{
    int n = 0;
    for (const TimelineEntry &e : timerEntries()) {
        if (e.text.startsWith(QStringLiteral("Timer expired")) && e.tags.contains(Timer::tag(timerId)))
            ++n;
    }
    return n;
}

QList<qint64> TimerTestCase::ids(const QSignalSpy &spy)
{
    QList<qint64> list;
    for (const QList<QVariant> &args : spy)
        list << args.at(0).toLongLong();
    return list;
}

} // namespace cp::test
