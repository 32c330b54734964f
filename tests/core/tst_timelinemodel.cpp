#include "db/incidentstore.h"
#include "fakeclock.h"
#include "models/timelinemodel.h"
#include "storefixture.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSqlDriver>
#include <QtTest>

#include <sqlite3.h>

using namespace cp;

namespace {

// Every statement SQLite runs on a store's connection, in order, as written.
class StatementTrace
{
public:
    explicit StatementTrace(const QSqlDatabase &db)
    {
        const QVariant handle = db.driver()->handle();
        if (qstrcmp(handle.typeName(), "sqlite3*") == 0)
            m_db = *static_cast<sqlite3 *const *>(handle.constData());
        if (m_db)
            sqlite3_trace_v2(m_db, SQLITE_TRACE_STMT, &StatementTrace::note, this);
    }
    ~StatementTrace()
    {
        if (m_db)
            sqlite3_trace_v2(m_db, 0, nullptr, nullptr);
    }
    Q_DISABLE_COPY_MOVE(StatementTrace)

    bool tracing() const { return m_db; }
    // What ran after the last COMMIT.
    QStringList afterCommit() const
    {
        const qsizetype commit = m_statements.lastIndexOf(QStringLiteral("COMMIT"));
        return commit < 0 ? QStringList() : m_statements.mid(commit + 1);
    }
    const QStringList &statements() const { return m_statements; }

private:
    static int note(unsigned, void *self, void *, void *sql)
    {
        static_cast<StatementTrace *>(self)->m_statements
            << QString::fromUtf8(static_cast<const char *>(sql)).simplified();
        return 0;
    }

    sqlite3 *m_db = nullptr;
    QStringList m_statements;
};

} // namespace

class TstTimelineModel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::StoreFixture> m_fixture;
    test::FakeClock *m_clock = nullptr;
    IncidentStore *m_store = nullptr;
    qint64 m_incident = 0;

    qint64 log(const QString &text, EntryKind kind = EntryKind::Note, const QString &author = QStringLiteral("cy"),
               const QDateTime &occurred = {})
    {
        NewEntry e;
        e.incidentId = m_incident;
        e.kind = kind;
        e.author = author;
        e.text = text;
        e.occurredAt = occurred;
        auto id = m_store->timeline().append(e);
        return id.ok() ? *id : 0;
    }

    void fill(int count)
    {
        for (int i = 0; i < count; ++i) {
            m_clock->advanceSecs(10);
            QVERIFY(log(QStringLiteral("entry %1").arg(i)) > 0);
        }
    }

    static QStringList texts(const TimelineModel &model)
    {
        QStringList list;
        for (int row = 0; row < model.rowCount(); ++row)
            list << model.index(row, TimelineModel::TextColumn).data().toString();
        return list;
    }

private slots:
    void init()
    {
        m_fixture = std::make_unique<test::StoreFixture>();
        QVERIFY(m_fixture->open().ok());
        m_clock = &m_fixture->clock();
        m_store = &m_fixture->store();
        auto id = m_store->incidents().create({QStringLiteral("Search is slow")}, QStringLiteral("ana"));
        QVERIFY(id.ok());
        m_incident = *id;
    }

    void cleanup() { m_fixture.reset(); }

    void fetchesLazilyNewestFirst()
    {
        fill(94); // + the declaration = 95
        TimelineModel model(*m_store);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setBatchSize(10);
        model.setIncident(m_incident);
        QCOMPARE(model.rowCount(), 10);
        QVERIFY(model.canFetchMore());
        QCOMPARE(model.index(0, TimelineModel::TextColumn).data().toString(), QStringLiteral("entry 93"));
        while (model.canFetchMore())
            model.fetchMore();
        QCOMPARE(model.rowCount(), 95);
        QCOMPARE(model.data(model.index(94, 0), TimelineModel::KindRole).toInt(), int(EntryKind::System));
        for (int row = 1; row < model.rowCount(); ++row)
            QVERIFY(model.data(model.index(row - 1, 0), TimelineModel::OccurredAtRole).toDateTime() >=
                    model.data(model.index(row, 0), TimelineModel::OccurredAtRole).toDateTime());
    }

    void testerPassesWithFetchMore()
    {
        fill(40);
        TimelineModel model(*m_store);
        model.setBatchSize(7);
        model.setIncident(m_incident);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        tester.setUseFetchMore(true);
        QVERIFY(model.rowCount() < 41);
        while (model.canFetchMore())
            model.fetchMore();
        QCOMPARE(model.rowCount(), 41);
        log(QStringLiteral("after"));
        QCOMPARE(model.rowCount(), 42);
    }

    void appendInsertsOneRowWithoutReset()
    {
        fill(5);
        TimelineModel model(*m_store);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setIncident(m_incident);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        m_clock->advanceSecs(5);
        log(QStringLiteral("IC: next check-in in 3 minutes"), EntryKind::Status);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.first().at(1).toInt(), 0);
        QCOMPARE(inserted.first().at(2).toInt(), 0);
        QCOMPARE(model.index(0, TimelineModel::TextColumn).data().toString(),
                 QStringLiteral("IC: next check-in in 3 minutes"));
        QCOMPARE(model.index(0, TimelineModel::KindColumn).data().toString(),
                 EntryVocabulary::kindLabel(EntryKind::Status));
    }

    void backfillLandsInItsPlace()
    {
        fill(5); // entries at +10 … +50 s
        TimelineModel model(*m_store);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setIncident(m_incident);
        const QDateTime between = m_clock->nowUtc().addSecs(-25); // between entry 1 and entry 2
        m_clock->advanceSecs(120);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        log(QStringLiteral("backfilled"), EntryKind::Action, QStringLiteral("cy"), between);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(texts(model).mid(2, 3),
                 (QStringList{QStringLiteral("entry 2"), QStringLiteral("backfilled"), QStringLiteral("entry 1")}));
        const int row = texts(model).indexOf(QStringLiteral("backfilled"));
        QVERIFY(model.data(model.index(row, 0), TimelineModel::BackfilledRole).toBool());
        QVERIFY(!model.data(model.index(0, 0), TimelineModel::BackfilledRole).toBool());
    }

    void backfillBeyondTheLoadedPageArrivesOnceWithTheNextPage()
    {
        const QDateTime early = m_clock->nowUtc().addSecs(5);
        fill(30);
        TimelineModel model(*m_store);
        model.setBatchSize(10);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setIncident(m_incident);
        QCOMPARE(model.rowCount(), 10);
        log(QStringLiteral("very early"), EntryKind::Note, QStringLiteral("cy"), early);
        QCOMPARE(model.rowCount(), 10); // not loaded yet: it belongs far below
        while (model.canFetchMore())
            model.fetchMore();
        QCOMPARE(model.rowCount(), 32);
        QCOMPARE(texts(model).count(QStringLiteral("very early")), 1);
        QCOMPARE(texts(model).at(30), QStringLiteral("very early"));
    }

    void amendUpdatesAndRedatingMovesTheRow()
    {
        fill(5);
        TimelineModel model(*m_store);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setIncident(m_incident);
        const qint64 top = model.data(model.index(0, 0), TimelineModel::EntryIdRole).toLongLong();
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        EntryAmendment amendment;
        amendment.text = QStringLiteral("entry 4 (amended)");
        QVERIFY(m_store->timeline().amend(top, amendment, QStringLiteral("cy")).ok());
        QCOMPARE(changed.count(), 1);
        QCOMPARE(model.index(0, TimelineModel::TextColumn).data().toString(), QStringLiteral("entry 4 (amended)"));
        QCOMPARE(model.data(model.index(0, 0), TimelineModel::RevisionRole).toInt(), 1);

        EntryAmendment redate;
        redate.occurredAt = m_clock->nowUtc().addSecs(-45); // between entry 0 and entry 1
        QVERIFY(m_store->timeline().amend(top, redate, QStringLiteral("cy")).ok());
        QCOMPARE(reset.count(), 0);
        QCOMPARE(texts(model).at(4), QStringLiteral("entry 4 (amended)"));
        QCOMPARE(model.rowCount(), 6);
    }

    void filterByKindAuthorAndText()
    {
        log(QStringLiteral("rolling restart"), EntryKind::Action, QStringLiteral("Bo"));
        log(QStringLiteral("proceed with rollback"), EntryKind::Decision, QStringLiteral("Ana"));
        log(QStringLiteral("TODO: alert on stuck locks"), EntryKind::Callout, QStringLiteral("Bo"));
        TimelineModel model(*m_store);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setIncident(m_incident);
        QCOMPARE(model.rowCount(), 4);

        model.setFilter({{EntryKind::Action, EntryKind::Decision}});
        QCOMPARE(texts(model),
                 (QStringList{QStringLiteral("proceed with rollback"), QStringLiteral("rolling restart")}));
        model.setFilter({{}, QStringLiteral("bo")});
        QCOMPARE(model.rowCount(), 2);
        model.setFilter({{}, {}, QStringLiteral("stuck")});
        QCOMPARE(texts(model), QStringList{QStringLiteral("TODO: alert on stuck locks")});

        // Live entries respect the filter.
        log(QStringLiteral("unrelated"), EntryKind::Note, QStringLiteral("Bo"));
        QCOMPARE(model.rowCount(), 1);
        log(QStringLiteral("stuck lock cleared"), EntryKind::Action, QStringLiteral("Bo"));
        QCOMPARE(model.rowCount(), 2);
    }

    void retractionLeavesOrDropsTheRowByFilter()
    {
        const qint64 id = log(QStringLiteral("wrong host restarted"));
        TimelineModel model(*m_store);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setIncident(m_incident);
        QVERIFY(m_store->timeline().setRetracted(id, true, QStringLiteral("cy")).ok());
        QCOMPARE(model.rowCount(), 2);
        QVERIFY(model.data(model.index(0, 0), TimelineModel::RetractedRole).toBool());

        TimelineFilter hideRetracted;
        hideRetracted.includeRetracted = false;
        model.setFilter(hideRetracted);
        QCOMPARE(model.rowCount(), 1);
        QVERIFY(m_store->timeline().setRetracted(id, false, QStringLiteral("cy")).ok());
        QCOMPARE(model.rowCount(), 2);
        QVERIFY(m_store->timeline().setRetracted(id, true, QStringLiteral("cy")).ok());
        QCOMPARE(model.rowCount(), 1);
    }

    void otherIncidentsDoNotLeakIn()
    {
        TimelineModel model(*m_store);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setIncident(m_incident);
        auto other = m_store->incidents().create({QStringLiteral("Other")}, QStringLiteral("ana"));
        QVERIFY(other.ok());
        QCOMPARE(model.rowCount(), 1);
        model.setIncident(*other);
        QCOMPARE(model.rowCount(), 1);
        QVERIFY(model.index(0, TimelineModel::TextColumn).data().toString().contains(QStringLiteral("Other")));
    }

    void outsideCommitsShowUp()
    {
        TimelineModel model(*m_store);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setIncident(m_incident);
        m_store->session().setExternalPollInterval(20);
        IncidentStore second(*m_clock);
        QVERIFY(m_fixture->openAnother(second).ok());
        NewEntry e;
        e.incidentId = m_incident;
        e.author = QStringLiteral("cli");
        e.text = QStringLiteral("logged from a terminal");
        QVERIFY(second.timeline().append(e).ok());
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 2, 2000);
        QCOMPARE(model.index(0, TimelineModel::TextColumn).data().toString(), QStringLiteral("logged from a terminal"));
    }

    // Our commits are shown from what the write itself returned; another's commit landing between
    // two of ours still arrives, once, in its place, with no poll in between.
    void anOutsideCommitBetweenOursArrivesOnce()
    {
        TimelineModel model(*m_store);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setIncident(m_incident);
        const int before = model.rowCount();
        QSignalSpy added(&m_store->timeline(), &TimelineRepository::entryAdded);
        IncidentStore second(*m_clock);
        QVERIFY(m_fixture->openAnother(second).ok());

        m_clock->advanceSecs(1);
        const qint64 first = log(QStringLiteral("ours, first"));
        m_clock->advanceSecs(1);
        NewEntry e;
        e.incidentId = m_incident;
        e.author = QStringLiteral("cli");
        e.text = QStringLiteral("theirs, between");
        auto theirs = second.timeline().append(e);
        QVERIFY(theirs.ok());
        m_clock->advanceSecs(1);
        const qint64 last = log(QStringLiteral("ours, after"));

        const QStringList expected{QStringLiteral("ours, after"), QStringLiteral("theirs, between"),
                                   QStringLiteral("ours, first")};
        QCOMPARE(texts(model).mid(0, 3), expected);
        QCOMPARE(model.rowCount(), before + 3);
        // Looking again (a poll, a wake-up) brings nothing twice.
        m_store->session().dispatchChanges();
        QCoreApplication::processEvents();
        QCOMPARE(model.rowCount(), before + 3);
        QList<qint64> ids;
        for (const QList<QVariant> &signal : std::as_const(added))
            ids << signal.at(1).toLongLong();
        QCOMPARE(ids, (QList<qint64>{first, *theirs, last}));
        // And what the model shows of ours is what was stored.
        const auto stored = m_store->timeline().entry(last);
        QVERIFY(stored.ok());
        const TimelineEntry shown = model.entryAt(0);
        QCOMPARE(shown.id, stored->id);
        QCOMPARE(shown.incidentId, stored->incidentId);
        QCOMPARE(shown.text, stored->text);
        QCOMPARE(shown.author, stored->author);
        QCOMPARE(shown.keyEvent, stored->keyEvent);
        QCOMPARE(shown.retracted, stored->retracted);
        QCOMPARE(shown.occurredAt, stored->occurredAt);
        QCOMPARE(shown.capturedAt, stored->capturedAt);
        QCOMPARE(shown.kind, stored->kind);
        QCOMPARE(shown.tags, stored->tags);
        QCOMPARE(shown.revision, stored->revision);
    }

    // The writer knows what it committed: neither the change log nor the entry is read back.
    void ownAppendIsShownWithoutReadingItBack()
    {
        if (test::StoreFixture::onServer())
            QSKIP("SQLite's statement trace");
        TimelineModel model(*m_store);
        model.setIncident(m_incident);
        StatementTrace trace(m_store->session().database());
        QVERIFY(trace.tracing());
        m_clock->advanceSecs(5);
        const qint64 id = log(QStringLiteral("IC: next check-in in 3 minutes"), EntryKind::Status);
        QVERIFY(id > 0);
        QCOMPARE(model.entryAt(0).id, id);
        QCOMPARE(model.index(0, TimelineModel::TextColumn).data().toString(),
                 QStringLiteral("IC: next check-in in 3 minutes"));
        QVERIFY2(trace.statements().contains(QStringLiteral("COMMIT")), qPrintable(trace.statements().join(QLatin1Char('\n'))));
        QVERIFY2(trace.afterCommit().isEmpty(), qPrintable(trace.afterCommit().join(QLatin1Char('\n'))));
    }

    void bulkImportReloads()
    {
        TimelineModel model(*m_store);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setBatchSize(50);
        model.setIncident(m_incident);
        QList<NewEntry> batch;
        for (int i = 0; i < 500; ++i) {
            NewEntry e;
            e.incidentId = m_incident;
            e.author = QStringLiteral("import");
            e.text = QStringLiteral("imported %1").arg(i);
            batch << e;
        }
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QVERIFY(m_store->timeline().appendAll(batch).ok());
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.rowCount(), 50);
        QVERIFY(model.canFetchMore());
    }

    void headersAndTooltips()
    {
        TimelineModel model(*m_store);
        model.setTimeZone(QTimeZone(QByteArray("Europe/Berlin")));
        model.setIncident(m_incident);
        QCOMPARE(model.headerData(TimelineModel::TimeColumn, Qt::Horizontal).toString(), QStringLiteral("Time"));
        QCOMPARE(model.index(0, TimelineModel::TimeColumn).data().toString(), QStringLiteral("15:00:00"));
        QVERIFY(model.index(0, 0).data(Qt::ToolTipRole).toString().contains(QStringLiteral("2026-11-22 15:00:00")));
    }
};

QTEST_GUILESS_MAIN(TstTimelineModel)
#include "tst_timelinemodel.moc"
