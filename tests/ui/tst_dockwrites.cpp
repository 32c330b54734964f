// Every write a dock makes takes one path (the incident session): refused by the store, the
// error shows and the save indicator never says "Saved"; committed, the indicator says so; an
// undoable write lands on the incident's undo stack and undoing it puts the record back, a
// one-way write never does.

#include "docks/actionsdock.h"
#include "docks/businessdock.h"
#include "docks/commsdock.h"
#include "docks/rolechartdock.h"
#include "docks/rollcalldock.h"
#include "docks/rosterdock.h"
#include "docks/timelinedock.h"
#include "docks/timersdock.h"
#include "domain/roletemplate.h"
#include "models/actionmodel.h"
#include "models/timermodel.h"
#include "session/incidentsession.h"
#include "uifixture.h"
#include "undo/savestatus.h"
#include "widgets/quickentryedit.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTableView>
#include <QTreeView>
#include <QUndoStack>

#include <functional>

using namespace cp;
using namespace cp::test;

namespace {

// One write from one dock: how to set the record up for it, how to make it through the dock's
// own API, and what of the record it changes (compared before and after).
struct DockWrite
{
    std::function<void(UiFixture &, qint64 incidentId)> prepare;
    std::function<void(MainWindow &)> write;
    std::function<QString(IncidentStore &, qint64 incidentId)> state;
    bool undoable = false;
};

QString timelineState(IncidentStore &store, qint64 incidentId)
{
    TimelinePage page;
    page.incidentId = incidentId;
    page.limit = 1000;
    auto entries = store.timeline().entries(page);
    if (!entries)
        return entries.error().message();
    QStringList lines; // as the record reads: an undone entry is struck out
    for (const TimelineEntry &entry : *entries) {
        if (!entry.retracted)
            lines << entry.text;
    }
    return lines.join(QLatin1Char('\n'));
}

void declareBusiness(UiFixture &f, qint64 incidentId)
{
    BusinessDeclaration declaration;
    declaration.audiences = {QStringLiteral("customers")};
    QVERIFY(f.store->business().declare(incidentId, declaration, QStringLiteral("ana")).ok());
}

// The technical response's roles, Bo Chen on the roster and (assign) its scribe.
void staff(UiFixture &f, qint64 incidentId, bool assign)
{
    auto roles = RoleTemplateLibrary().find(QStringLiteral("technical-response"));
    QVERIFY(roles);
    QVERIFY(f.store->roles().applyTemplate(incidentId, *roles, QString(), QStringLiteral("ana")).ok());
    const qint64 bo = f.addPerson(QStringLiteral("Bo Chen"), QStringLiteral("bo"));
    QVERIFY(bo > 0);
    if (assign)
        QVERIFY(f.store->roles().assign(incidentId, QStringLiteral("scribe"), bo, QStringLiteral("ana")));
}

QHash<QString, DockWrite> dockWrites()
{
    QHash<QString, DockWrite> writes;
    writes.insert(QStringLiteral("timers: start"),
                  {{},
                   [](MainWindow &w) {
                       w.timersDock()->timerLine()->setText(QStringLiteral("5m check DB"));
                       w.timersDock()->startTimerLine();
                   },
                   timelineState});
    writes.insert(QStringLiteral("timers: acknowledge"),
                  {[](UiFixture &f, qint64 id) {
                       QVERIFY(f.store->timers().startCountdown(id, QStringLiteral("check DB"), 60000, {},
                                                                QStringLiteral("ana")));
                   },
                   [](MainWindow &w) {
                       w.timersDock()->selectTimer(w.timersDock()->model()->timerAt(0).id);
                       w.timersDock()->acknowledgeCurrent();
                   },
                   timelineState});
    writes.insert(QStringLiteral("actions: add"),
                  {{},
                   [](MainWindow &w) {
                       w.actionsDock()->actionLine()->setText(QStringLiteral("Roll back checkout"));
                       w.actionsDock()->addFromLine();
                   },
                   timelineState});
    writes.insert(QStringLiteral("actions: done"),
                  {[](UiFixture &f, qint64 id) {
                       NewAction action;
                       action.incidentId = id;
                       action.text = QStringLiteral("Roll back checkout");
                       QVERIFY(f.store->rollCalls().addAction(action, QStringLiteral("ana")));
                   },
                   [](MainWindow &w) {
                       w.actionsDock()->selectAction(w.actionsDock()->model()->actionAt(0).id);
                       w.actionsDock()->setCurrentStatus(ActionStatus::Done);
                   },
                   [](IncidentStore &store, qint64 id) {
                       auto actions = store.rollCalls().actions(id);
                       return actions && !actions->isEmpty() ? ActionVocabulary::statusKey(actions->first().status)
                                                             : QStringLiteral("none");
                   },
                   true});
    writes.insert(QStringLiteral("roll call: start"),
                  {[](UiFixture &f, qint64 id) { staff(f, id, true); },
                   [](MainWindow &w) { w.rollCallDock()->startRound(); }, timelineState});
    writes.insert(
        QStringLiteral("business: declare"),
        {{}, [](MainWindow &w) { w.businessDock()->declare({QStringLiteral("customers")}, false); }, timelineState});
    writes.insert(QStringLiteral("business: add activity"),
                  {declareBusiness,
                   [](MainWindow &w) { w.businessDock()->addActivity(QStringLiteral("Pause the newsletter"), {}); },
                   timelineState});
    writes.insert(QStringLiteral("business: log a question"),
                  {declareBusiness,
                   [](MainWindow &w) {
                       w.businessDock()->logInbound(QStringLiteral("media"), QStringLiteral("Daily News"),
                                                    QStringLiteral("Is checkout down?"));
                   },
                   timelineState});
    writes.insert(QStringLiteral("business: halt an activity"),
                  {declareBusiness,
                   [](MainWindow &w) {
                       QTableView *ops = w.businessDock()->emergencyView();
                       ops->setCurrentIndex(ops->model()->index(0, 0));
                       w.businessDock()->tickCurrentActivity();
                   },
                   [](IncidentStore &store, qint64 id) {
                       auto activities = store.business().activities(id);
                       return activities && !activities->isEmpty() ? QString::number(activities->first().isHalted())
                                                                   : QStringLiteral("none");
                   },
                   true});
    writes.insert(QStringLiteral("comms: draft"),
                  {declareBusiness,
                   [](MainWindow &w) {
                       w.commsDock()->draft(QStringLiteral("customers"), QString(), QStringLiteral("email"),
                                            QStringLiteral("We are looking into failed checkouts."));
                   },
                   timelineState});
    writes.insert(QStringLiteral("comms: skip a cell"),
                  {declareBusiness,
                   [](MainWindow &w) {
                       w.commsDock()->skipCell(QStringLiteral("customers"), BusinessVocabulary::allPhases().first(),
                                               QStringLiteral("nothing to say yet"));
                   },
                   [](IncidentStore &store, qint64 id) {
                       auto skipped = store.business().skippedCells(id);
                       return skipped ? QString::number(skipped->size()) : skipped.error().message();
                   },
                   true});
    writes.insert(QStringLiteral("roles: add a sub-team"),
                  {[](UiFixture &f, qint64 id) { staff(f, id, false); },
                   [](MainWindow &w) { w.roleChartDock()->addSubTeam(QStringLiteral("Network")); }, timelineState});
    writes.insert(QStringLiteral("roles: assign"),
                  {[](UiFixture &f, qint64 id) { staff(f, id, false); },
                   [](MainWindow &w) {
                       auto bo = w.currentSession()->store().roster().findPerson(QStringLiteral("bo"));
                       QVERIFY(bo);
                       w.roleChartDock()->assignPerson(QStringLiteral("scribe"), bo->id);
                   },
                   [](IncidentStore &store, qint64 id) {
                       auto roles = store.roles().list(id);
                       QStringList held;
                       for (const IncidentRole &role : roles ? *roles : QList<IncidentRole>())
                           for (const RoleHolder &holder : role.holders)
                               held << role.definition.key + QLatin1Char(':') + holder.name;
                       return held.join(QLatin1Char(','));
                   },
                   true});
    writes.insert(QStringLiteral("roster: import"),
                  {[](UiFixture &f, qint64) {
                       QFile csv(f.db.path(QStringLiteral("people.csv")));
                       QVERIFY(csv.open(QIODevice::WriteOnly));
                       csv.write("handle,name,team\ncy,Cy Okafor,Payments\n");
                   },
                   [](MainWindow &w) {
                       w.rosterDock()->importFile(
                           QFileInfo(w.databasePath()).dir().filePath(QStringLiteral("people.csv")));
                   },
                   [](IncidentStore &store, qint64) {
                       auto people = store.roster().people();
                       return people ? QString::number(people->size()) : people.error().message();
                   }});
    writes.insert(QStringLiteral("timeline: log"),
                  {{},
                   [](MainWindow &w) {
                       auto *line = w.findChild<QuickEntryEdit *>(QStringLiteral("quickEntryLine"));
                       line->setText(QStringLiteral("checkout recovering"));
                       w.timelineDock()->logQuickEntry();
                   },
                   timelineState,
                   true});
    return writes;
}

// Holds SQLite's write lock from another connection, as another program writing would.
class WriteLock
{
public:
    explicit WriteLock(const QString &path)
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("writeLock"));
        db.setDatabaseName(path);
        QSqlQuery begin(db.open() ? db : QSqlDatabase());
        m_held = begin.exec(QStringLiteral("BEGIN IMMEDIATE"));
        if (!m_held)
            qWarning() << begin.lastError().text();
    }
    ~WriteLock() { release(); }
    bool held() const { return m_held; }
    void release()
    {
        if (!QSqlDatabase::contains(QStringLiteral("writeLock")))
            return;
        {
            QSqlDatabase db = QSqlDatabase::database(QStringLiteral("writeLock"));
            db.rollback();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("writeLock"));
        m_held = false;
    }

private:
    bool m_held = false;
};

} // namespace

class TstDockWrites : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void refusedThenSaved_data();
    void refusedThenSaved();
    void oneSessionPerIncident();
};

void TstDockWrites::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TstDockWrites::refusedThenSaved_data()
{
    QTest::addColumn<QString>("name");
    QStringList names = dockWrites().keys();
    names.sort();
    for (const QString &name : std::as_const(names))
        QTest::newRow(qPrintable(name)) << name;
}

void TstDockWrites::refusedThenSaved()
{
    QFETCH(QString, name);
    const DockWrite write = dockWrites().value(name);
    UiFixture f(/*busyTimeoutMs=*/100);
    QVERIFY(f.openError.ok());
    const qint64 id = f.declare(QStringLiteral("Checkout is down"));
    if (write.prepare)
        write.prepare(f, id);
    MainWindow &w = f.makeWindow();
    QVERIFY(w.openIncident(id));
    QVERIFY(w.currentSession());
    QCOMPARE(w.currentSession()->incidentId(), id);
    QUndoStack *stack = w.undoStack();
    auto *indicator = w.findChild<QLabel *>(QStringLiteral("saveIndicator"));
    QVERIFY(indicator);
    QSignalSpy saved(w.saveStatus(), &SaveStatus::saved);
    QSignalSpy failed(w.saveStatus(), &SaveStatus::failed);
    const QString before = write.state(*f.store, id);

    {
        WriteLock lock(f.db.path());
        QVERIFY(lock.held());
        write.write(w);
        QCOMPARE(failed.count(), 1);
        QCOMPARE(saved.count(), 0);
        QVERIFY2(indicator->text().startsWith(QStringLiteral("Not saved")), qPrintable(indicator->text()));
        QCOMPARE(stack->count(), 0);
    }
    QCOMPARE(write.state(*f.store, id), before);

    write.write(w);
    QVERIFY2(saved.count() == 1, qPrintable(w.saveStatus()->lastError().message()));
    QCOMPARE(failed.count(), 1);
    QVERIFY2(indicator->text().startsWith(QStringLiteral("Saved")), qPrintable(indicator->text()));
    const QString after = write.state(*f.store, id);
    QVERIFY2(after != before, qPrintable(after));
    QCOMPARE(stack->count(), write.undoable ? 1 : 0);
    if (write.undoable) {
        stack->undo();
        QCOMPARE(saved.count(), 2);
        QCOMPARE(stack->index(), 0);
        QCOMPARE(write.state(*f.store, id), before);
    }
}

void TstDockWrites::oneSessionPerIncident()
{
    UiFixture f;
    const qint64 first = f.declare(QStringLiteral("First"));
    const qint64 second = f.declare(QStringLiteral("Second"));
    MainWindow &w = f.makeWindow();
    QVERIFY(!w.currentSession() || w.currentSession()->incidentId() > 0);
    QVERIFY(w.openIncident(first));
    IncidentSession *one = w.currentSession();
    QVERIFY(one);
    QCOMPARE(one->incidentId(), first);
    QCOMPARE(one->author(), QStringLiteral("ana"));
    QCOMPARE(&one->undoStack(), w.undoStack());
    QVERIFY(w.openIncident(second));
    QVERIFY(w.currentSession() != one);
    QCOMPARE(w.currentSession()->incidentId(), second);
    QVERIFY(w.openIncident(first));
    QCOMPARE(w.currentSession(), one); // its undo history kept
}

QTEST_MAIN(TstDockWrites)
#include "tst_dockwrites.moc"
