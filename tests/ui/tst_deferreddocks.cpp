// The docks kept behind tabs are built when someone first looks at them: a window on a file
// builds only the docks in view; raising a tab, a "Go to" shortcut or a restored layout builds a
// dock, which then shows what is current and follows later changes; the status bar and the menus
// know the hidden docks' state before they are built.

#include "docks/actionsdock.h"
#include "docks/businessdock.h"
#include "docks/callscriptdock.h"
#include "docks/commsdock.h"
#include "docks/deferreddock.h"
#include "docks/rolechartdock.h"
#include "docks/rollcalldock.h"
#include "docks/rosterdock.h"
#include "docks/timelinedock.h"
#include "docks/timersdock.h"
#include "models/peoplemodel.h"
#include "models/rollcallmodel.h"
#include "timers/timerservice.h"
#include "uifixture.h"
#include "widgets/timeralert.h"
#include "workspaces/workspace.h"
#include "workspaces/workspaceswitcher.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTreeView>

using namespace cp;
using namespace cp::test;

namespace {

// The deferred docks by object name that are built.
QStringList builtDocks(const MainWindow &window)
{
    QStringList names;
    for (QDockWidget *dock : window.docks()) {
        if (auto *deferred = qobject_cast<DeferredDock *>(dock); deferred && deferred->isBuilt())
            names << dock->objectName();
    }
    names.sort();
    return names;
}

// In front (a dock behind a tab is visible too, only moved out of the window's view).
bool inView(const QDockWidget *dock)
{
    return dock->isVisible() && !dock->visibleRegion().isEmpty();
}

} // namespace

class TstDeferredDocks : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup() { m_ui.reset(); }

    void aWindowBuildsOnlyTheDocksInView();
    void raisingATabBuildsTheDockWithCurrentDataThatFollowsChanges();
    void aShortcutBuildsItsDock();
    void aRestoredLayoutBuildsTheDockItShows();
    void theStatusBarAndTheMenusKnowTheHiddenDocksState();
    void theTimersBoardBehindATabStillAlertsAndItsShortcutBuildsIt();

private:
    // The workspace is the one saved in the settings (the Scribe's unless told) for a first window.
    MainWindow &window(const QString &workspace = QStringLiteral("scribe"));

    std::unique_ptr<UiFixture> m_ui;
    qint64 m_incident = 0;
    qint64 m_person = 0;
};

void TstDeferredDocks::init()
{
    m_ui = std::make_unique<UiFixture>();
    QVERIFY(m_ui->openError.ok());
    m_incident = m_ui->declare(QStringLiteral("Checkout outage"), Severity::Sev1, QStringLiteral("technical-response"));
    QVERIFY(m_incident > 0);
    m_person = m_ui->addPerson(QStringLiteral("Bo Chen"), QStringLiteral("bo"));
    QVERIFY(m_person > 0);
}

// As the program starts: the window made, its saved layout (the Scribe's workspace) restored, the
// incident opened, then shown.
MainWindow &TstDeferredDocks::window(const QString &workspace)
{
    if (!m_ui->window)
        m_ui->settings->setValue(QStringLiteral("workspace/current"), workspace);
    m_ui->window = std::make_unique<MainWindow>(*m_ui->store, m_ui->clock, *m_ui->preferences, *m_ui->settings);
    MainWindow &w = *m_ui->window;
    w.restoreWindowState();
    w.openInitialIncident();
    w.show();
    return w;
}

void TstDeferredDocks::aWindowBuildsOnlyTheDocksInView()
{
    MainWindow &w = window();
    QCOMPARE(w.currentIncidentId(), m_incident);
    QTRY_VERIFY(inView(w.timelineDock()));
    // The Scribe's workspace shows the timeline, the timers and the actions; the rest wait behind a tab.
    QCOMPARE(w.workspaces()->current(), Workspace::Scribe);
    QVERIFY(!inView(w.rosterDock()));
    QCOMPARE(builtDocks(w), QStringList{QStringLiteral("timersDock")});
    QVERIFY(!w.findChild<QTableView *>(QStringLiteral("rosterView")));
    QVERIFY(!w.findChild<QTableView *>(QStringLiteral("rollCallView")));
    // Each keeps its frame: title, toggle action, place in the tabs.
    QCOMPARE(w.rosterDock()->windowTitle(), QStringLiteral("Roster"));
    QVERIFY(w.rosterDock()->toggleViewAction()->isChecked());
    QVERIFY(w.tabifiedDockWidgets(w.actionsDock()).contains(w.rosterDock()));
    // Another workspace builds what it brings into view, and only that.
    w.workspaces()->switchTo(Workspace::Liaison);
    QTRY_VERIFY(inView(w.commsDock()));
    QVERIFY(w.commsDock()->isBuilt());
    QVERIFY(w.businessDock()->isBuilt());
    QCOMPARE(builtDocks(w),
             (QStringList{QStringLiteral("businessDock"), QStringLiteral("commsDock"), QStringLiteral("timersDock")}));
}

void TstDeferredDocks::raisingATabBuildsTheDockWithCurrentDataThatFollowsChanges()
{
    MainWindow &w = window();
    QVERIFY(!w.rosterDock()->isBuilt());
    // Another program adds a person before the dock is built: nothing to miss, the model reads it.
    auto other = m_ui->openAnother();
    QVERIFY(other);
    Person early;
    early.name = QStringLiteral("Cy Dunn");
    early.handle = QStringLiteral("cy");
    QVERIFY(other->roster().addPerson(early));

    w.rosterDock()->raise(); // the user clicks its tab
    QTRY_VERIFY(w.rosterDock()->isBuilt());
    auto *view = w.rosterDock()->findChild<QTableView *>(QStringLiteral("rosterView"));
    QVERIFY(view);
    QTRY_VERIFY(inView(w.rosterDock()));
    QTRY_VERIFY(view->isVisible());
    QTRY_COMPARE(view->model()->rowCount(), 2);
    // Later changes reach it: the model subscribed when it was built.
    QVERIFY(m_ui->addPerson(QStringLiteral("Di Evans"), QStringLiteral("di")) > 0);
    QTRY_COMPARE(view->model()->rowCount(), 3);
    // The others stay unbuilt.
    QCOMPARE(builtDocks(w), (QStringList{QStringLiteral("rosterDock"), QStringLiteral("timersDock")}));

    // Built in view, laid out with its texts: a combo box asks for the width of its choice.
    w.businessDock()->raise();
    auto *owner = w.businessDock()->findChild<QComboBox *>(QStringLiteral("newActivityOwner"));
    QVERIFY(owner);
    QTRY_VERIFY(owner->isVisible());
    QVERIFY2(owner->sizeHint().width() > owner->fontMetrics().horizontalAdvance(owner->currentText()),
             qPrintable(QStringLiteral("%1 px for “%2”").arg(owner->sizeHint().width()).arg(owner->currentText())));
}

void TstDeferredDocks::aShortcutBuildsItsDock()
{
    MainWindow &w = window();
    QVERIFY(!w.rosterDock()->isBuilt());
    QVERIFY(!w.rollCallDock()->isBuilt());
    w.rosterDock()->focusRosterAction()->trigger();
    QVERIFY(w.rosterDock()->isBuilt());
    QTRY_VERIFY(inView(w.rosterDock()));
    QTRY_VERIFY(w.rosterDock()->filterEdit()->hasFocus() || !QApplication::activeWindow());
    // Starting a roll call from its key builds the roll call and starts the round.
    QVERIFY(m_ui->store->roles().assign(m_incident, QStringLiteral("deputy"), m_person, QStringLiteral("ana")));
    QVERIFY(w.rollCallDock()->startRoundAction()->isEnabled());
    w.rollCallDock()->startRoundAction()->trigger();
    QVERIFY(w.rollCallDock()->isBuilt());
    QTRY_VERIFY(inView(w.rollCallDock()));
    auto *feedback = w.rollCallDock()->findChild<QLabel *>(QStringLiteral("rollCallFeedback"));
    QTRY_VERIFY2(w.rollCallDock()->model()->rowCount() > 0, qPrintable(feedback ? feedback->text() : QString()));
}

void TstDeferredDocks::aRestoredLayoutBuildsTheDockItShows()
{
    {
        MainWindow &w = window();
        w.commsDock()->raise();
        QTRY_VERIFY(inView(w.commsDock()));
        w.callScriptDock()->close(); // a layout of the user's own, so it is saved as it is
        w.saveWindowState();
    }
    MainWindow &again = window();
    QTRY_VERIFY(inView(again.commsDock()));
    QVERIFY(again.commsDock()->isBuilt());
    QVERIFY(again.commsDock()->findChild<QWidget *>(QStringLiteral("audiencePhaseGrid"))->isVisible());
    QCOMPARE(builtDocks(again), (QStringList{QStringLiteral("commsDock"), QStringLiteral("timersDock")}));
}

void TstDeferredDocks::theStatusBarAndTheMenusKnowTheHiddenDocksState()
{
    MainWindow &w = window();
    // The role chart's vacancies, in the status bar without the chart.
    auto *status = w.findChild<QLabel *>(QStringLiteral("vacancyStatus"));
    QVERIFY(status);
    QTRY_VERIFY2(status->text().startsWith(QStringLiteral("Vacant: IC")), qPrintable(status->text()));
    QVERIFY(!w.roleChartDock()->isBuilt());
    QVERIFY(m_ui->store->roles().assign(m_incident, QStringLiteral("ic"), m_person, QStringLiteral("ana")));
    QTRY_VERIFY2(!status->text().contains(QStringLiteral("IC,")) &&
                     !status->text().startsWith(QStringLiteral("Vacant: IC")),
                 qPrintable(status->text()));
    // The business actions in the Incident menu follow the incident's business state.
    BusinessDock *business = w.businessDock();
    QVERIFY(business->declareAction()->isEnabled());
    QVERIFY(!business->normalAction()->isEnabled());
    QVERIFY(m_ui->store->business().declare(m_incident, BusinessDeclaration{}, QStringLiteral("ana")).ok());
    QTRY_VERIFY(!business->declareAction()->isEnabled());
    QVERIFY(business->normalAction()->isEnabled());
    QVERIFY(!business->isBuilt());
    QVERIFY(!w.roleChartDock()->isBuilt());
}

void TstDeferredDocks::theTimersBoardBehindATabStillAlertsAndItsShortcutBuildsIt()
{
    MainWindow &w = window(QStringLiteral("ic"));
    TimersDock *timers = w.timersDock();
    QCOMPARE(w.workspaces()->current(), Workspace::Commander);
    QTRY_VERIFY(inView(w.timelineDock()));
    QVERIFY(!inView(timers));
    QVERIFY(!timers->isBuilt());
    QVERIFY(!w.findChild<QTreeView *>(QStringLiteral("timersView")));

    // A countdown runs out while the board waits behind its tab: the alert sounds, the row is to
    // flash, the status bar says it is overdue.
    auto id =
        m_ui->store->timers().startCountdown(m_incident, QStringLiteral("check DB"), 60000, {}, QStringLiteral("ana"));
    QVERIFY(id);
    QSignalSpy alerts(timers->alert(), &TimerAlert::alerted);
    m_ui->clock.advanceSecs(61);
    w.timerService()->tick();
    QCOMPARE(alerts.count(), 1);
    QCOMPARE(alerts.first().first().toString(), QStringLiteral("Timer expired: check DB"));
    QVERIFY(timers->isFlashing(*id));
    auto *next = w.findChild<QLabel *>(QStringLiteral("nextTimerStatus"));
    QVERIFY(next);
    QCOMPARE(next->text(), QStringLiteral("Overdue: check DB +0:01"));
    // Its menu's commands need no board: muting is kept.
    timers->muteAction()->trigger();
    QVERIFY(timers->alert()->isMuted());
    QVERIFY(!timers->isBuilt());

    // Its key builds it and takes the user there: the expired timer selected, still flashing, and
    // the board's commands act on it.
    QVERIFY(QTest::qWaitForWindowActive(&w));
    QTest::keyClick(&w, Qt::Key_B, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(timers->isBuilt());
    QTRY_VERIFY(inView(timers));
    QTRY_VERIFY(timers->view()->hasFocus());
    QCOMPARE(timers->currentTimerId(), *id);
    QVERIFY(timers->isFlashing(*id));
    QAction *acknowledge = timers->timerActions().first();
    QVERIFY(acknowledge->isEnabled());
    QTest::keyClick(timers->view(), Qt::Key_A);
    QTRY_VERIFY(!timers->isFlashing(*id));
    QCOMPARE(m_ui->store->timers().timer(*id)->state, TimerState::Acknowledged);
}

QTEST_MAIN(TstDeferredDocks)
#include "tst_deferreddocks.moc"
