// Workspaces and the window's fit on a laptop: each workspace at 1280×720 and 1366×768 gives its
// key widgets their rows, the window shrinks below 700 px with the status bar in view, a saved
// geometry is fitted to the screen, user changes are kept per workspace, the role picks the
// workspace.

#include "docks/callscriptdock.h"
#include "docks/rolechartdock.h"
#include "docks/timersdock.h"
#include "models/timermodel.h"
#include "rollcallscenario.h"
#include "uifixture.h"
#include "workspaces/workspace.h"
#include "workspaces/workspaceswitcher.h"

#include <QAbstractItemView>
#include <QAction>
#include <QDockWidget>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenuBar>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabBar>
#include <QTableView>
#include <QTreeView>
#include <QTreeWidget>

using namespace cp;
using namespace cp::test;

namespace {

// How many rows the view has room for (it shows at least one to measure by).
int rowsInView(const QAbstractItemView *view)
{
    if (!view || !view->isVisible() || !view->model() || view->model()->rowCount() == 0)
        return 0;
    const int rowHeight = view->visualRect(view->model()->index(0, 0)).height();
    return rowHeight > 0 ? view->viewport()->height() / rowHeight : 0;
}

// Whether the widget is on screen, inside the window, whole (not squeezed under its minimum).
bool wholeInWindow(const QWidget *widget, const QWidget *window)
{
    if (!widget || !widget->isVisible())
        return false;
    const QRect inWindow(widget->mapTo(window, QPoint(0, 0)), widget->size());
    return window->rect().contains(inWindow) && widget->height() >= widget->minimumSizeHint().height();
}

// What keeps the timer board from being read at a glance: a label squeezed below what a short
// one needs, the time left or the state out of view, a board that scrolls sideways. Empty: none.
QString timerBoardProblem(const QTreeView *view)
{
    if (!view || !view->isVisible())
        return QStringLiteral("the board is not in view");
    const QHeaderView *header = view->header();
    const int label = header->sectionSize(TimerModel::LabelColumn);
    const int least = view->fontMetrics().horizontalAdvance(QStringLiteral("Check back with DB"));
    if (label < least)
        return QStringLiteral("the label column is %1 px, %2 needed").arg(label).arg(least);
    for (int column : {TimerModel::RemainingColumn, TimerModel::StateColumn}) {
        if (header->isSectionHidden(column) ||
            header->sectionViewportPosition(column) + header->sectionSize(column) > view->viewport()->width())
            return QStringLiteral("column %1 is out of view").arg(column);
    }
    if (view->horizontalScrollBar()->isVisible())
        return QStringLiteral("the board scrolls sideways");
    return {};
}

} // namespace

class TstWorkspaces : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void windowShrinksBelow700WithTheStatusBarInView_data();
    void windowShrinksBelow700WithTheStatusBarInView();
    void restoredGeometryIsFittedToTheScreen();
    void eachWorkspaceFits_data();
    void eachWorkspaceFits();
    void newTimerNeverScrollsTheMostUrgentAway();
    void theDeputySeesEveryCallAndEveryMiss_data();
    void theDeputySeesEveryCallAndEveryMiss();
    void untouchedDefaultFollowsTheWindowSize();
    void userChangesAreKeptPerWorkspaceAndReset();
    void workspaceFollowsTheUsersRole();

private:
    static void populate(UiFixture &f, qint64 &incidentId);
};

void TstWorkspaces::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

// A SEV-1 in full swing: eight people in roles, a round with misses, timers, actions, decisions,
// business mode with messages and inbound questions, and a long timeline.
void TstWorkspaces::populate(UiFixture &f, qint64 &incidentId)
{
    RollCallScenario scenario;
    const QString error = scenario.setUp(*f.store);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    incidentId = scenario.incidentId;
    IncidentStore &store = *f.store;
    const QString ana = QStringLiteral("ana");
    for (int i = 0; i < 10; ++i)
        QVERIFY(store.timers().startCountdown(incidentId, QStringLiteral("check back %1").arg(i), (i + 2) * 60'000, {},
                                              ana));
    for (int i = 0; i < 60; ++i) {
        NewEntry entry;
        entry.incidentId = incidentId;
        entry.kind = i % 3 ? EntryKind::Action : EntryKind::Decision;
        entry.author = ana;
        entry.text = QStringLiteral("Entry %1: restarting the consumers on the second cluster").arg(i);
        QVERIFY(store.timeline().append(entry));
    }
    auto round = store.rollCalls().start(incidentId, {}, ana);
    QVERIFY(round);
    auto items = store.rollCalls().roundItems(*round);
    QVERIFY(items);
    for (int i = 0; i < 3; ++i)
        QVERIFY(store.rollCalls().mark(items->at(i).id, RollCallItemState::NoAnswer, ana).ok());
    for (int i = 0; i < 5; ++i) {
        NewAction action;
        action.incidentId = incidentId;
        action.text = QStringLiteral("Fail over the payment queue %1").arg(i);
        QVERIFY(store.rollCalls().addAction(action, ana));
    }
    for (int i = 0; i < 3; ++i) {
        NewDecision decision;
        decision.incidentId = incidentId;
        decision.proposal = QStringLiteral("Roll back release %1").arg(i);
        QVERIFY(store.rollCalls().addDecision(decision, ana));
    }
    QVERIFY(store.business().declare(incidentId, {}, ana).ok());
    for (int i = 0; i < 4; ++i)
        QVERIFY(store.business().logInbound(incidentId, QStringLiteral("media"), QStringLiteral("Reporter %1").arg(i),
                                            QStringLiteral("Is card data affected?"), ana));
    NewMessage message;
    message.incidentId = incidentId;
    message.audience = QStringLiteral("customers");
    message.channel = QStringLiteral("status page");
    message.text = QStringLiteral("Card payments fail at checkout; we are working on it.");
    QVERIFY(store.business().draftMessage(message, ana));
}

void TstWorkspaces::windowShrinksBelow700WithTheStatusBarInView_data()
{
    QTest::addColumn<int>("workspace");
    for (Workspace workspace : WorkspaceVocabulary::all())
        QTest::newRow(qPrintable(WorkspaceVocabulary::key(workspace))) << static_cast<int>(workspace);
}

void TstWorkspaces::windowShrinksBelow700WithTheStatusBarInView()
{
    QFETCH(int, workspace);
    UiFixture f;
    qint64 incident = 0;
    populate(f, incident);
    MainWindow &w = f.makeWindow();
    QVERIFY(w.openIncident(incident));
    w.workspaces()->switchTo(static_cast<Workspace>(workspace));
    QVERIFY2(w.minimumSizeHint().height() < 700, qPrintable(QString::number(w.minimumSizeHint().height())));
    QVERIFY2(w.minimumSizeHint().width() <= 1280, qPrintable(QString::number(w.minimumSizeHint().width())));
    w.resize(1280, 700);
    QTRY_COMPARE(w.height(), 700);
    QVERIFY(w.statusBar()->isVisible());
    QVERIFY(w.rect().contains(w.statusBar()->geometry()));
}

void TstWorkspaces::restoredGeometryIsFittedToTheScreen()
{
    UiFixture f;
    {
        MainWindow &big = f.makeWindow();
        big.setGeometry(QRect(QPoint(300, 200), QSize(2400, 1500))); // a big monitor, unplugged since
        big.close();
    }
    MainWindow &w = f.makeWindow();
    w.restoreWindowState();
    const QRect available = w.screen()->availableGeometry();
    QVERIFY2(available.contains(w.frameGeometry()), qPrintable(QStringLiteral("%1,%2 %3×%4 in %5×%6")
                                                                   .arg(w.frameGeometry().x())
                                                                   .arg(w.frameGeometry().y())
                                                                   .arg(w.frameGeometry().width())
                                                                   .arg(w.frameGeometry().height())
                                                                   .arg(available.width())
                                                                   .arg(available.height())));
    QVERIFY(w.statusBar()->isVisible());
}

void TstWorkspaces::eachWorkspaceFits_data()
{
    QTest::addColumn<int>("workspace");
    QTest::addColumn<QSize>("size");
    for (const QSize &size : {QSize(1280, 720), QSize(1366, 768), QSize(1600, 1000)}) {
        for (Workspace workspace : WorkspaceVocabulary::all()) {
            const QString name = QStringLiteral("%1 %2x%3")
                                     .arg(WorkspaceVocabulary::key(workspace))
                                     .arg(size.width())
                                     .arg(size.height());
            QTest::newRow(qPrintable(name)) << static_cast<int>(workspace) << size;
        }
    }
}

void TstWorkspaces::eachWorkspaceFits()
{
    QFETCH(int, workspace);
    QFETCH(QSize, size);
    UiFixture f;
    qint64 incident = 0;
    populate(f, incident);
    MainWindow &w = f.makeWindow();
    w.resize(size);
    QVERIFY(w.openIncident(incident));
    QTRY_COMPARE(w.size(), size);
    // Switched to from another one, as Alt+n does: the workspace is arranged for this size.
    const auto other = static_cast<Workspace>((workspace + 1) % WorkspaceVocabulary::all().size());
    w.workspaces()->switchTo(other);
    w.workspaces()->action(static_cast<Workspace>(workspace))->trigger();
    QCOMPARE(w.workspaces()->current(), static_cast<Workspace>(workspace));
    QCoreApplication::processEvents();

    // Nothing in view is cut off: every dock in view lies inside the window at its full minimum.
    for (QDockWidget *dock : w.docks()) {
        if (dock->visibleRegion().isEmpty())
            continue;
        QVERIFY2(wholeInWindow(dock->widget(), &w), qPrintable(dock->objectName()));
        // A dock squeezed below its content scrolls (QScrollArea): none does in a workspace.
        const auto areas = dock->findChildren<QScrollArea *>();
        for (const QScrollArea *area : areas) {
            if (area->isVisible())
                QVERIFY2(!area->verticalScrollBar()->isVisible(), qPrintable(area->objectName()));
        }
    }
    QVERIFY(w.statusBar()->isVisible());
    QVERIFY(w.rect().contains(w.statusBar()->geometry()));
    // The tabs of the docks behind others name them whole ("Roll call", not "R…"); a bar too
    // narrow for them all scrolls.
    for (const QTabBar *bar : w.findChildren<QTabBar *>(QString(), Qt::FindDirectChildrenOnly)) {
        if (!bar->isVisible())
            continue;
        for (int i = 0; i < bar->count(); ++i) {
            const int needed = bar->fontMetrics().horizontalAdvance(bar->tabText(i));
            QVERIFY2(
                bar->tabRect(i).width() >= needed,
                qPrintable(
                    QStringLiteral("%1: %2 < %3 px").arg(bar->tabText(i)).arg(bar->tabRect(i).width()).arg(needed)));
        }
    }

    const auto view = [&w](const char *name) { return w.findChild<QAbstractItemView *>(QLatin1String(name)); };
    const auto rows = [&](const char *name) { return rowsInView(view(name)); };
    const auto message = [&](const char *name) {
        return qPrintable(QStringLiteral("%1: %2 rows").arg(QLatin1String(name)).arg(rows(name)));
    };
    // The rows each job needs in view on a laptop (1280×720 and 1366×768); a 1600×1000 screen
    // gives the timeline the room the roll call does not need.
    const bool tall = size.height() >= 1000;
    const auto dock = [&w](const char *name) { return w.findChild<QDockWidget *>(QLatin1String(name)); };
    switch (static_cast<Workspace>(workspace)) {
    case Workspace::Scribe: {
        QVERIFY2(dock("timelineDock")->height() >= w.height() * 0.6,
                 qPrintable(QString::number(dock("timelineDock")->height())));
        QVERIFY(wholeInWindow(w.findChild<QWidget *>(QStringLiteral("quickEntryLine")), &w));
        QVERIFY2(rows("timelineView") >= 15, message("timelineView"));
        QVERIFY2(rows("timersView") >= 4, message("timersView"));
        QVERIFY2(timerBoardProblem(w.timersDock()->view()).isEmpty(),
                 qPrintable(timerBoardProblem(w.timersDock()->view())));
        break;
    }
    case Workspace::Deputy:
        QVERIFY2(rows("timersView") >= 6, message("timersView"));
        QVERIFY2(timerBoardProblem(w.timersDock()->view()).isEmpty(),
                 qPrintable(timerBoardProblem(w.timersDock()->view())));
        QVERIFY2(rows("missedView") >= 3, message("missedView"));
        QVERIFY2(rows("rollCallView") >= 5, message("rollCallView"));
        QVERIFY2(rows("timelineView") >= 7, message("timelineView"));
        break;
    case Workspace::Commander: {
        QVERIFY2(rows("rollCallView") >= 6, message("rollCallView")); // the round's six calls
        QWidget *chart = w.findChild<QWidget *>(QStringLiteral("roleChartView"));
        QVERIFY(wholeInWindow(chart, &w));
        QVERIFY2(chart->height() >= 110, qPrintable(QString::number(chart->height())));
        QVERIFY2(rows("actionsView") >= 3, message("actionsView"));
        QVERIFY2(rows("decisionsView") >= 2, message("decisionsView"));
        QVERIFY2(rows("timelineView") >= (tall ? 15 : 5), message("timelineView"));
        // The roll call's column is as wide as its grid needs; the timeline has the rest.
        QVERIFY2(dock("rollCallDock")->width() <= 770, qPrintable(QString::number(dock("rollCallDock")->width())));
        if (tall) {
            QVERIFY(dock("timelineDock")->width() > dock("rollCallDock")->width());
            QVERIFY2(rows("rollCallView") <= 12, message("rollCallView")); // not the whole height for six calls
        }
        break;
    }
    case Workspace::Liaison: {
        auto *grid = qobject_cast<QTableView *>(view("audiencePhaseGrid"));
        QVERIFY(wholeInWindow(grid, &w)); // every audience in view
        QVERIFY2(rows("messageList") >= 3, message("messageList"));
        QVERIFY2(rows("emergencyOpsView") >= 6, message("emergencyOpsView")); // all six activities
        QVERIFY2(rows("inboundList") >= 3, message("inboundList"));
        QVERIFY2(rows("timelineView") >= (tall ? 9 : 5), message("timelineView"));
        break;
    }
    }
}

void TstWorkspaces::untouchedDefaultFollowsTheWindowSize()
{
    UiFixture f;
    MainWindow &w = f.makeWindow();
    w.resize(1280, 720);
    w.workspaces()->resetCurrent();
    QCOMPARE(w.workspaces()->current(), Workspace::Commander);
    QDockWidget *chart = w.roleChartDock();
    QCOMPARE(w.dockWidgetArea(chart), Qt::RightDockWidgetArea); // over the actions: the roll call needs the height

    // Maximised on a tall screen: the chart moves under the roll call, the timeline takes its room.
    w.resize(1600, 1000);
    QTRY_COMPARE(w.dockWidgetArea(chart), Qt::LeftDockWidgetArea);
    w.workspaces()->switchTo(Workspace::Deputy);
    w.workspaces()->switchTo(Workspace::Commander); // saved as the default: arranged for the size again
    QCOMPARE(w.dockWidgetArea(chart), Qt::LeftDockWidgetArea);

    // Once the user changes it, the layout is theirs: a resize only scales it.
    w.timersDock()->show();
    w.removeDockWidget(w.callScriptDock());
    w.resize(1280, 720);
    QCoreApplication::processEvents();
    QCOMPARE(w.dockWidgetArea(chart), Qt::LeftDockWidgetArea);
}

void TstWorkspaces::newTimerNeverScrollsTheMostUrgentAway()
{
    UiFixture f;
    qint64 incident = 0;
    populate(f, incident);
    MainWindow &w = f.makeWindow();
    w.resize(1280, 720);
    QVERIFY(w.openIncident(incident));
    w.workspaces()->action(Workspace::Deputy)->trigger();
    TimersDock *timers = w.timersDock();
    for (int i = 0; i < 30; ++i) { // far more than the board shows, the last the least urgent
        timers->timerLine()->setText(QStringLiteral("%1m later check %2").arg(40 + i).arg(i));
        QVERIFY(timers->startTimerLine());
    }
    QTreeView *view = timers->view();
    const QRect first = view->visualRect(view->model()->index(0, 0));
    QVERIFY2(view->viewport()->rect().contains(first), "the most urgent timer scrolled out of view");
    QCOMPARE(timers->currentTimerId(),
             view->model()->index(view->model()->rowCount() - 1, 0).data(TimerModel::TimerIdRole).toLongLong());
}

void TstWorkspaces::theDeputySeesEveryCallAndEveryMiss_data()
{
    QTest::addColumn<QSize>("size");
    QTest::newRow("1280x720") << QSize(1280, 720);
    QTest::newRow("1366x768") << QSize(1366, 768);
}

// Nobody answered the round: the Deputy circles back to every call on the missed list, in view
// without scrolling, and the grid shows each call of the round with no blank rows under them
// (the room goes to the missed list).
void TstWorkspaces::theDeputySeesEveryCallAndEveryMiss()
{
    QFETCH(QSize, size);
    UiFixture f;
    qint64 incident = 0;
    populate(f, incident);
    const auto rounds = f.store->rollCalls().rounds(incident);
    QVERIFY(rounds && !rounds->isEmpty());
    const auto items = f.store->rollCalls().roundItems(rounds->last().id);
    QVERIFY(items);
    for (const RollCallItem &item : std::as_const(*items)) {
        if (item.state == RollCallItemState::Pending)
            QVERIFY(f.store->rollCalls().mark(item.id, RollCallItemState::NoAnswer, QStringLiteral("ana")).ok());
    }
    MainWindow &w = f.makeWindow();
    w.resize(size);
    QVERIFY(w.openIncident(incident));
    QTRY_COMPARE(w.size(), size);
    w.workspaces()->switchTo(Workspace::Scribe);
    w.workspaces()->action(Workspace::Deputy)->trigger();
    QCoreApplication::processEvents();

    auto *grid = w.findChild<QTableView *>(QStringLiteral("rollCallView"));
    auto *missed = w.findChild<QTreeView *>(QStringLiteral("missedView"));
    QVERIFY(grid && missed);
    const int calls = grid->model()->rowCount();
    QCOMPARE(calls, items->size());
    QCOMPARE(missed->model()->rowCount(), calls);
    QVERIFY2(rowsInView(missed) >= calls,
             qPrintable(QStringLiteral("missed: room for %1 of %2 rows").arg(rowsInView(missed)).arg(calls)));
    QVERIFY(!missed->verticalScrollBar()->isVisible());
    const int rowHeight = grid->rowHeight(0);
    const int blank = grid->viewport()->height() - calls * rowHeight;
    QVERIFY2(blank == 0, qPrintable(QStringLiteral("grid: %1 px under its %2 calls").arg(blank).arg(calls)));
}

void TstWorkspaces::userChangesAreKeptPerWorkspaceAndReset()
{
    UiFixture f;
    MainWindow &w = f.makeWindow();
    w.resize(1280, 720);
    w.workspaces()->action(Workspace::Scribe)->trigger();
    QDockWidget *timers = w.timersDock();
    QVERIFY(timers->isVisible());
    timers->hide();
    w.workspaces()->action(Workspace::Deputy)->trigger();
    QVERIFY(timers->isVisible()); // the Deputy's board is not the Scribe's choice
    w.workspaces()->action(Workspace::Scribe)->trigger();
    QVERIFY(timers->isHidden());

    // Kept across a restart.
    w.close();
    MainWindow &again = f.makeWindow();
    again.restoreWindowState();
    QCOMPARE(again.workspaces()->current(), Workspace::Scribe);
    QVERIFY(again.timersDock()->isHidden());

    again.findChild<QAction *>(QStringLiteral("resetLayoutAction"))->trigger();
    QVERIFY(again.timersDock()->isVisible());
    QVERIFY(!f.settings->contains(QStringLiteral("workspace/scribe/state")));
}

void TstWorkspaces::workspaceFollowsTheUsersRole()
{
    UiFixture f; // the user is "ana"
    RollCallScenario scenario;
    QVERIFY(scenario.setUp(*f.store).isEmpty()); // ana is the IC, bo the Deputy
    MainWindow &w = f.makeWindow();
    w.workspaces()->switchTo(Workspace::Scribe);
    QVERIFY(w.openIncident(scenario.incidentId));
    QCOMPARE(w.workspaces()->current(), Workspace::Commander);

    // Ana hands command to bo and becomes Deputy: the window follows.
    QVERIFY(f.store->roles().takeCommand(scenario.incidentId, true, QStringLiteral("ana")).ok());
    QTRY_COMPARE(w.workspaces()->current(), Workspace::Deputy);

    // Chosen by hand, the workspace stays.
    w.workspaces()->action(Workspace::Liaison)->trigger();
    QVERIFY(!w.workspaces()->followsRole());
    QVERIFY(f.store->roles().takeCommand(scenario.incidentId, true, QStringLiteral("ana")).ok()); // ana commands again
    QCoreApplication::processEvents();
    QCOMPARE(w.workspaces()->current(), Workspace::Liaison);
    w.workspaces()->followAction()->trigger();
    QVERIFY(w.workspaces()->followsRole());
}

QTEST_MAIN(TstWorkspaces)
#include "tst_workspaces.moc"
