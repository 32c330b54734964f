#include "db/incidentstore.h"
#include "fakeclock.h"
#include "models/timermodel.h"
#include "storefixture.h"
#include "tempdatabase.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

using namespace cp;

namespace {
constexpr qint64 Second = 1000;
constexpr qint64 Minute = 60 * Second;
} // namespace

class TstTimerModel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::StoreFixture> m_fixture;
    test::FakeClock *m_clock = nullptr;
    IncidentStore *m_store = nullptr;
    qint64 m_incident = 0;
    const QString m_ana = QStringLiteral("ana");

    qint64 countdown(const QString &label, qint64 ms, qint64 warnMs = DefaultTimerWarnMs)
    {
        TimerOptions options;
        options.warnMs = warnMs;
        return *m_store->timers().startCountdown(m_incident, label, ms, options, m_ana);
    }

    static QStringList labels(const TimerModel &model)
    {
        QStringList list;
        for (int row = 0; row < model.rowCount(); ++row)
            list << model.index(row, TimerModel::LabelColumn).data().toString();
        return list;
    }

    static QString cell(const TimerModel &model, const QString &label, int column, int role = Qt::DisplayRole)
    {
        for (int row = 0; row < model.rowCount(); ++row) {
            if (model.index(row, TimerModel::LabelColumn).data().toString() == label)
                return model.index(row, column).data(role).toString();
        }
        return QStringLiteral("<none>");
    }

private slots:
    void init()
    {
        m_fixture = std::make_unique<test::StoreFixture>();
        QVERIFY(m_fixture->open().ok());
        m_clock = &m_fixture->clock();
        m_store = &m_fixture->store();
        NewIncident incident;
        incident.title = QStringLiteral("Checkout errors");
        m_incident = *m_store->incidents().create(incident, m_ana);
    }

    void cleanup() { m_fixture.reset(); }

    void sortsByUrgency()
    {
        const qint64 cancelled = countdown(QStringLiteral("cancelled"), 2 * Minute);
        QVERIFY(m_store->timers().cancel(cancelled, m_ana).ok());
        const qint64 acked = countdown(QStringLiteral("acknowledged"), 2 * Minute);
        QVERIFY(m_store->timers().acknowledge(acked, m_ana).ok());
        const qint64 paused = countdown(QStringLiteral("paused"), 2 * Minute);
        QVERIFY(m_store->timers().pause(paused, m_ana).ok());
        QVERIFY(m_store->timers().startStopwatch(m_incident, QStringLiteral("since declared"), {}, m_ana).ok());
        countdown(QStringLiteral("running later"), 30 * Minute);
        countdown(QStringLiteral("running sooner"), 10 * Minute);
        countdown(QStringLiteral("expired long ago"), 1 * Minute);
        countdown(QStringLiteral("expired just now"), 2 * Minute);
        countdown(QStringLiteral("due soon"), 2 * Minute + 30 * Second);
        m_clock->advance(2 * Minute);

        TimerModel model(*m_store);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setIncident(m_incident);
        QCOMPARE(labels(model),
                 (QStringList{QStringLiteral("expired long ago"), QStringLiteral("expired just now"),
                              QStringLiteral("due soon"), QStringLiteral("running sooner"),
                              QStringLiteral("running later"), QStringLiteral("since declared"),
                              QStringLiteral("paused"), QStringLiteral("acknowledged"), QStringLiteral("cancelled")}));
        QCOMPARE(model.columnCount(), int(TimerModel::ColumnCount));
        QCOMPARE(model.headerData(TimerModel::RemainingColumn, Qt::Horizontal).toString(), QStringLiteral("Remaining"));

        QCOMPARE(cell(model, QStringLiteral("expired long ago"), TimerModel::RemainingColumn), QStringLiteral("+1:00"));
        QCOMPARE(cell(model, QStringLiteral("expired long ago"), TimerModel::StateColumn), QStringLiteral("Expired"));
        QCOMPARE(cell(model, QStringLiteral("expired long ago"), 0, TimerModel::PhaseKeyRole),
                 QStringLiteral("expired"));
        QCOMPARE(cell(model, QStringLiteral("expired long ago"), 0, TimerModel::OverdueRole), QStringLiteral("60000"));
        QCOMPARE(cell(model, QStringLiteral("due soon"), TimerModel::RemainingColumn), QStringLiteral("0:30"));
        QCOMPARE(cell(model, QStringLiteral("due soon"), 0, TimerModel::PhaseKeyRole), QStringLiteral("due-soon"));
        QCOMPARE(cell(model, QStringLiteral("due soon"), 0, TimerModel::RemainingMsRole), QStringLiteral("30000"));
        QCOMPARE(cell(model, QStringLiteral("running later"), TimerModel::RemainingColumn), QStringLiteral("28:00"));
        QCOMPARE(cell(model, QStringLiteral("since declared"), TimerModel::RemainingColumn), QStringLiteral("2:00"));
        QCOMPARE(cell(model, QStringLiteral("since declared"), 0, TimerModel::ElapsedMsRole), QStringLiteral("120000"));
        QCOMPARE(cell(model, QStringLiteral("paused"), TimerModel::RemainingColumn), QStringLiteral("2:00"));
        QCOMPARE(cell(model, QStringLiteral("paused"), TimerModel::StateColumn), QStringLiteral("Paused"));
        QCOMPARE(cell(model, QStringLiteral("acknowledged"), TimerModel::RemainingColumn), QStringLiteral("—"));
        QCOMPARE(cell(model, QStringLiteral("cancelled"), TimerModel::StateColumn), QStringLiteral("Cancelled"));
        QCOMPARE(model.timerAt(0).label, QStringLiteral("expired long ago"));
        QCOMPARE(model.rowOf(paused), 6);
        QCOMPARE(model.rowOf(4242), -1);
    }

    void ticksChangeOnlyTheRemainingColumn()
    {
        countdown(QStringLiteral("check DB SME"), 10 * Minute);
        countdown(QStringLiteral("vendor call"), 20 * Minute);
        QVERIFY(m_store->timers().startStopwatch(m_incident, QStringLiteral("since declared"), {}, m_ana).ok());
        TimerModel model(*m_store);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setIncident(m_incident);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

        for (int i = 0; i < 30; ++i) {
            m_clock->advance(Second);
            model.refreshRemaining();
        }
        QCOMPARE(changed.count(), 30);
        for (const QList<QVariant> &args : std::as_const(changed)) {
            const auto topLeft = args.at(0).value<QModelIndex>();
            const auto bottomRight = args.at(1).value<QModelIndex>();
            QCOMPARE(topLeft.column(), int(TimerModel::RemainingColumn));
            QCOMPARE(bottomRight.column(), int(TimerModel::RemainingColumn));
            QCOMPARE(topLeft.row(), 0);
            QCOMPARE(bottomRight.row(), 2);
        }
        QCOMPARE(moved.count(), 0);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(inserted.count(), 0);
        QCOMPARE(cell(model, QStringLiteral("check DB SME"), TimerModel::RemainingColumn), QStringLiteral("9:30"));
        QCOMPARE(cell(model, QStringLiteral("since declared"), TimerModel::RemainingColumn), QStringLiteral("0:30"));

        // Crossing into amber updates that one row whole (its colour changes), once.
        changed.clear();
        m_clock->advance(8 * Minute + 30 * Second);
        model.refreshRemaining();
        QCOMPARE(changed.count(), 2);
        const auto row = changed.first().at(0).value<QModelIndex>();
        QCOMPARE(row.row(), 0);
        QCOMPARE(row.column(), 0);
        QCOMPARE(changed.first().at(1).value<QModelIndex>().column(), int(TimerModel::ColumnCount) - 1);
        QCOMPARE(cell(model, QStringLiteral("check DB SME"), TimerModel::StateColumn), QStringLiteral("Due soon"));
    }

    void aRowMovesWhenItsUrgencyChanges()
    {
        // Later deadline but a long warning: it turns amber first and moves up.
        const qint64 sooner = countdown(QStringLiteral("sooner"), 5 * Minute);
        const qint64 longWarn = countdown(QStringLiteral("long warning"), 10 * Minute, 9 * Minute);
        TimerModel model(*m_store);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setIncident(m_incident);
        QCOMPARE(model.rowOf(sooner), 0);
        QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
        m_clock->advance(Minute);
        model.refreshRemaining();
        QCOMPARE(moved.count(), 1);
        QCOMPARE(model.rowOf(longWarn), 0);
        QCOMPARE(model.rowOf(sooner), 1);

        // The sooner one expires: red goes above amber.
        m_clock->advance(4 * Minute);
        model.refreshRemaining();
        QCOMPARE(moved.count(), 2);
        QCOMPARE(model.rowOf(sooner), 0);
        QCOMPARE(model.index(0, 0).data(TimerModel::StateRole).toInt(), int(TimerPhase::Expired));
    }

    void storeChangesUpdateSingleRows()
    {
        const qint64 first = countdown(QStringLiteral("first"), 10 * Minute);
        TimerModel model(*m_store);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setIncident(m_incident);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

        const qint64 second = countdown(QStringLiteral("second"), 3 * Minute);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.first().at(1).toInt(), 0); // sooner: on top
        QCOMPARE(model.rowOf(second), 0);

        QVERIFY(m_store->timers().pause(second, m_ana).ok());
        QCOMPARE(moved.count(), 1);
        QCOMPARE(model.rowOf(second), 1);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().at(0).value<QModelIndex>().row(), 1);
        QCOMPARE(changed.first().at(1).value<QModelIndex>().row(), 1);
        QCOMPARE(model.index(1, 0).data(TimerModel::StateRole).toInt(), int(TimerPhase::Paused));

        // Another incident's timers are not this model's business.
        NewIncident other;
        other.title = QStringLiteral("Other");
        const qint64 otherIncident = *m_store->incidents().create(other, m_ana);
        QVERIFY(m_store->timers().startCountdown(otherIncident, QStringLiteral("elsewhere"), Minute, {}, m_ana).ok());
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(model.rowOf(first), 0);

        model.setIncident(otherIncident);
        QCOMPARE(model.rowCount(), 1);
        model.setIncident(0);
        QCOMPARE(model.rowCount(), 0);
        model.refreshRemaining();
    }

    // What the status bar shows, whatever the docks: the overdue timers first, then the next one.
    void nextDueNamesTheOverdueAndTheNext()
    {
        TimerModel model(*m_store);
        QCOMPARE(model.nextDueText(), QString()); // no incident
        QSignalSpy changed(&model, &TimerModel::nextDueChanged);
        model.setIncident(m_incident);
        QCOMPARE(model.nextDueText(), QStringLiteral("No timers running"));
        QVERIFY(!model.hasOverdue());
        QVERIFY(m_store->timers().startStopwatch(m_incident, QStringLiteral("since declared"), {}, m_ana).ok());
        QCOMPARE(model.nextDueText(), QStringLiteral("No timers running")); // a stopwatch is due never
        countdown(QStringLiteral("status update"), 10 * Minute);
        countdown(QStringLiteral("check DB"), 4 * Minute);
        QCOMPARE(model.nextDueText(), QStringLiteral("Next: check DB in 4:00"));
        QVERIFY(!model.hasOverdue());
        const int changes = changed.count();
        QVERIFY(changes >= 2);

        m_clock->advance(5 * Minute);
        model.refreshRemaining();
        QCOMPARE(model.nextDueText(), QStringLiteral("Overdue: check DB +1:00 · Next: status update in 5:00"));
        QVERIFY(model.hasOverdue());
        QCOMPARE(changed.count(), changes + 1);
        model.refreshRemaining(); // the same second: nothing new to say
        QCOMPARE(changed.count(), changes + 1);

        m_clock->advance(6 * Minute);
        model.refreshRemaining();
        QCOMPARE(model.nextDueText(), QStringLiteral("Overdue (2): check DB +7:00"));
    }
};

QTEST_GUILESS_MAIN(TstTimerModel)
#include "tst_timermodel.moc"
