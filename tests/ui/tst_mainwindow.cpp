// The main window: incidents, docks and layout, toolbar and status bar, outside commits.

#include "dialogs/incidentdetailsdialog.h"
#include "dialogs/incidentswitcherdialog.h"
#include "dialogs/newincidentdialog.h"
#include "dialogs/resolvedialog.h"
#include "docks/timelinedock.h"
#include "docks/timersdock.h"
#include "models/incidentlistmodel.h"
#include "models/timelinemodel.h"
#include "models/timermodel.h"
#include "uifixture.h"
#include "undo/savestatus.h"
#include "widgets/headlinelabel.h"
#include "widgets/incidentclocklabel.h"
#include "widgets/quickentryedit.h"
#include "window/incidentactions.h"

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QToolBar>
#include <QTreeView>
#include <QUndoGroup>
#include <QUndoStack>

using namespace cp;
using namespace cp::test;

class TstMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void emptyStateUntilAnIncidentIsDeclared();
    void emptyStateHeadlineTypeOnlyWhenShown();
    void declareIncidentThroughTheDialog();
    void newIncidentDialogNeedsATitle();
    void docksHaveStableNamesAndViewToggles();
    void layoutRoundTripsThroughSettings();
    void layoutOfAnotherVersionIsIgnored();
    void severityAndStatusGoThroughTheStore();
    void severityComboChangesAndUndoes();
    void editDetailsChangesTitle();
    void incidentClockComesFromTheClock();
    void incidentClockFormats();
    void outsideCommitAppearsInTheView();
    void incidentDeclaredElsewhereOpensWhenNoneIsOpen();
    void switcherFiltersAndOpens();
    void ctrlKSwitchesEvenWhileTyping();
    void initialIncidentIsTheLastOneShown();
    void eachIncidentHasItsOwnUndoStack();
};

void TstMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TstMainWindow::emptyStateUntilAnIncidentIsDeclared()
{
    UiFixture f;
    QVERIFY2(f.openError.ok(), qPrintable(f.openError.message()));
    MainWindow &w = f.makeWindow();
    w.openInitialIncident();
    QCOMPARE(w.currentIncidentId(), 0);
    auto *empty = w.findChild<QWidget *>(QStringLiteral("timelineEmptyState"));
    QVERIFY(empty);
    QVERIFY(empty->isVisible());
    auto *label = w.findChild<QLabel *>(QStringLiteral("timelineEmptyLabel"));
    QVERIFY(label->text().contains(QStringLiteral("No incident open")));
    QVERIFY(label->text().contains(QKeySequence(QKeySequence::New).toString(QKeySequence::NativeText)));
    // Half as large again as the window's type once the empty state is on screen.
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(label->font().pointSizeF() > w.font().pointSizeF() * 1.4);
    QVERIFY(!w.findChild<QuickEntryEdit *>(QStringLiteral("quickEntryLine"))->isVisible());
    QCOMPARE(w.windowTitle(), QStringLiteral("CommandPost"));
    QVERIFY(!w.findChild<QAction *>(QStringLiteral("severityAction1"))->isEnabled());
    QVERIFY(!w.undoGroup()->activeStack());
}

void TstMainWindow::emptyStateHeadlineTypeOnlyWhenShown()
{
    // A window that opens on an incident never shows the empty state: its headline's larger type
    // (a font of its own to load) waits until it does.
    UiFixture f;
    const qint64 id = f.declare(QStringLiteral("Checkout down"));
    MainWindow w(*f.store, f.clock, *f.preferences, *f.settings); // as the program does: shown once open
    QVERIFY(w.openIncident(id));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    auto *label = w.findChild<HeadlineLabel *>(QStringLiteral("timelineEmptyLabel"));
    QVERIFY(label);
    QVERIFY(!label->isVisible());
    QVERIFY(!label->isEnlarged());
    QCOMPARE(label->font().pointSizeF(), w.font().pointSizeF());
}

void TstMainWindow::declareIncidentThroughTheDialog()
{
    UiFixture f;
    MainWindow &w = f.makeWindow();
    // The empty state's button asks for the same dialog as Ctrl+N.
    w.findChild<QPushButton *>(QStringLiteral("declareIncidentButton"))->click();
    auto *dialog = f.dialog<NewIncidentDialog>();
    QVERIFY(dialog);
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("incidentTitle")), QStringLiteral("Checkout down"));
    auto *severity = dialog->findChild<QComboBox *>(QStringLiteral("incidentSeverity"));
    severity->setCurrentIndex(severity->findData(static_cast<int>(Severity::Sev1)));
    dialog->findChild<QPlainTextEdit *>(QStringLiteral("incidentSummary"))->setPlainText(QStringLiteral("EU shoppers"));
    dialog->accept();

    QVERIFY(w.currentIncidentId() > 0);
    QCOMPARE(w.windowTitle(), QStringLiteral("Checkout down — CommandPost"));
    auto stored = f.store->incidents().incident(w.currentIncidentId());
    QVERIFY(stored);
    QCOMPARE(stored->title, QStringLiteral("Checkout down"));
    QCOMPARE(stored->severity, Severity::Sev1);
    QCOMPARE(stored->summary, QStringLiteral("EU shoppers"));
    QVERIFY(w.findChild<QWidget *>(QStringLiteral("timelinePage"))->isVisible());
    // "Incident declared", then the default timers of a SEV-1 (each logged as started).
    QVERIFY(w.timelineDock()->model()->rowCount() >= 1);
    QVERIFY(!f.store->timers().list(w.currentIncidentId())->isEmpty());
    QCOMPARE(w.timersDock()->model()->rowCount(), int(f.store->timers().list(w.currentIncidentId())->size()));
    QCOMPARE(w.findChild<QLabel *>(QStringLiteral("severityStatus"))->text(), QStringLiteral("SEV-1"));
    QVERIFY(w.findChild<QLabel *>(QStringLiteral("saveIndicator"))->text().startsWith(QStringLiteral("Saved ")));
    QCOMPARE(f.preferences->lastIncidentId(), w.currentIncidentId());
}

void TstMainWindow::newIncidentDialogNeedsATitle()
{
    UiFixture f;
    MainWindow &w = f.makeWindow();
    w.findChild<QAction *>(QStringLiteral("newIncidentAction"))->trigger();
    auto *dialog = f.dialog<NewIncidentDialog>();
    QVERIFY(dialog);
    auto *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QVERIFY(!ok->isEnabled());
    dialog->accept(); // refused without a title: stays open, nothing created
    QVERIFY(dialog->isVisible());
    QCOMPARE(f.store->incidents().list()->size(), 0);
    dialog->reject();
}

void TstMainWindow::docksHaveStableNamesAndViewToggles()
{
    UiFixture f;
    MainWindow &w = f.makeWindow();
    const QList<QDockWidget *> docks = w.docks();
    QVERIFY(!docks.isEmpty());
    QSet<QString> names;
    auto *viewMenu = w.findChild<QMenu *>(QStringLiteral("viewMenu"));
    QVERIFY(viewMenu);
    for (QDockWidget *dock : docks) {
        QVERIFY2(!dock->objectName().isEmpty(), qPrintable(dock->windowTitle()));
        QVERIFY(!names.contains(dock->objectName()));
        names.insert(dock->objectName());
        QVERIFY(viewMenu->actions().contains(dock->toggleViewAction()));
    }
    QVERIFY(names.contains(QStringLiteral("timelineDock")));
    const QList<QToolBar *> bars = w.findChildren<QToolBar *>();
    for (QToolBar *bar : bars)
        QVERIFY(!bar->objectName().isEmpty());
    // The docks fill the window: no central placeholder widget.
    QVERIFY(!w.centralWidget());
    // The timeline keeps a good share of the width beside the chart, timers and roster.
    QVERIFY(w.timelineDock()->width() > w.width() * 2 / 5);
}

void TstMainWindow::layoutRoundTripsThroughSettings()
{
    UiFixture f;
    {
        MainWindow &w = f.makeWindow();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.timelineDock()->hide();
        w.findChild<QToolBar *>(QStringLiteral("incidentToolBar"))->hide();
        w.close(); // saves
    }
    QVERIFY(f.settings->contains(QStringLiteral("workspace/ic/state")));
    QVERIFY(f.settings->contains(QStringLiteral("window/geometry")));

    MainWindow &again = f.makeWindow();
    QVERIFY(again.timelineDock()->isVisible());
    again.restoreWindowState();
    QVERIFY(again.timelineDock()->isHidden());
    QVERIFY(!again.timelineDock()->toggleViewAction()->isChecked());
    QVERIFY(again.findChild<QToolBar *>(QStringLiteral("incidentToolBar"))->isHidden());

    again.findChild<QAction *>(QStringLiteral("resetLayoutAction"))->trigger();
    QVERIFY(again.timelineDock()->isVisible());
    QVERIFY(again.findChild<QToolBar *>(QStringLiteral("incidentToolBar"))->isVisible());
}

void TstMainWindow::layoutOfAnotherVersionIsIgnored()
{
    UiFixture f;
    MainWindow &w = f.makeWindow();
    w.timelineDock()->hide();
    f.settings->setValue(QStringLiteral("workspace/ic/state"), w.saveState(MainWindow::LayoutVersion + 1));
    w.timelineDock()->show();
    w.restoreWindowState();
    QVERIFY(w.timelineDock()->isVisible());
}

void TstMainWindow::severityAndStatusGoThroughTheStore()
{
    UiFixture f;
    const qint64 id = f.declare(QStringLiteral("Payments slow"), Severity::Sev3);
    MainWindow &w = f.makeWindow();
    QVERIFY(w.openIncident(id));
    const int rowsBefore = w.timelineDock()->model()->rowCount();

    w.findChild<QAction *>(QStringLiteral("severityAction1"))->trigger();
    QCOMPARE(f.store->incidents().incident(id)->severity, Severity::Sev1);
    QCOMPARE(w.findChild<QComboBox *>(QStringLiteral("severityCombo"))->currentData().toInt(), 1);
    QCOMPARE(w.findChild<QLabel *>(QStringLiteral("severityStatus"))->text(), QStringLiteral("SEV-1"));
    QVERIFY(w.findChild<QAction *>(QStringLiteral("severityAction1"))->isChecked());

    w.findChild<QAction *>(QStringLiteral("statusAction_identified"))->trigger();
    QCOMPARE(f.store->incidents().incident(id)->status, IncidentStatus::Identified);
    QCOMPARE(w.findChild<QLabel *>(QStringLiteral("statusStatus"))->text(), QStringLiteral("Identified"));

    // The store logged both changes on the timeline, and the view shows them.
    TimelineModel *model = w.timelineDock()->model();
    QCOMPARE(model->rowCount(), rowsBefore + 2);
    QVERIFY(model->entryAt(0).text.startsWith(QStringLiteral("Status:")));
    QVERIFY(model->entryAt(1).text.startsWith(QStringLiteral("Severity raised")));

    // The shortcut reaches the same place.
    w.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&w));
    QTest::keyClick(&w, Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
    ResolveDialog *resolve = nullptr;
    QTRY_VERIFY((resolve = f.dialog<ResolveDialog>()) != nullptr); // the checklist first
    QCOMPARE(f.store->incidents().incident(id)->status, IncidentStatus::Identified);
    QTest::keyClicks(resolve->findChild<QLineEdit *>(QStringLiteral("resolveAllReason")), QStringLiteral("test"));
    QTest::keyClick(resolve->findChild<QLineEdit *>(QStringLiteral("resolveAllReason")), Qt::Key_Return);
    QCOMPARE(f.store->incidents().incident(id)->status, IncidentStatus::Resolved);
    QVERIFY(w.findChild<QLabel *>(QStringLiteral("incidentClock"))->text().contains(QStringLiteral("resolved")));
}

void TstMainWindow::severityComboChangesAndUndoes()
{
    UiFixture f;
    const qint64 id = f.declare(QStringLiteral("Search empty"), Severity::Sev4);
    MainWindow &w = f.makeWindow();
    QVERIFY(w.openIncident(id));
    auto *combo = w.findChild<QComboBox *>(QStringLiteral("severityCombo"));
    const int sev2 = combo->findData(static_cast<int>(Severity::Sev2));
    combo->setCurrentIndex(sev2);
    emit combo->activated(sev2);
    QCOMPARE(f.store->incidents().incident(id)->severity, Severity::Sev2);
    QCOMPARE(w.undoStack()->count(), 1);

    w.findChild<QAction *>(QStringLiteral("undoAction"))->trigger();
    QCOMPARE(f.store->incidents().incident(id)->severity, Severity::Sev4);
    QCOMPARE(combo->currentData().toInt(), static_cast<int>(Severity::Sev4));
    w.findChild<QAction *>(QStringLiteral("redoAction"))->trigger();
    QCOMPARE(f.store->incidents().incident(id)->severity, Severity::Sev2);
}

void TstMainWindow::editDetailsChangesTitle()
{
    UiFixture f;
    const qint64 id = f.declare(QStringLiteral("Old title"));
    MainWindow &w = f.makeWindow();
    QVERIFY(w.openIncident(id));
    w.findChild<QAction *>(QStringLiteral("editDetailsAction"))->trigger();
    auto *dialog = f.dialog<IncidentDetailsDialog>();
    QVERIFY(dialog);
    dialog->setTitle(QStringLiteral("Checkout 500s in EU"));
    dialog->setSummary(QStringLiteral("Card payments fail"));
    dialog->accept();
    QCOMPARE(f.store->incidents().incident(id)->title, QStringLiteral("Checkout 500s in EU"));
    QCOMPARE(w.windowTitle(), QStringLiteral("Checkout 500s in EU — CommandPost"));
    w.undoStack()->undo();
    QCOMPARE(f.store->incidents().incident(id)->title, QStringLiteral("Old title"));
    QCOMPARE(w.windowTitle(), QStringLiteral("Old title — CommandPost"));
}

void TstMainWindow::incidentClockComesFromTheClock()
{
    UiFixture f;
    const qint64 id = f.declare(QStringLiteral("Clocked"));
    MainWindow &w = f.makeWindow();
    QVERIFY(w.openIncident(id));
    auto *clock = w.findChild<QLabel *>(QStringLiteral("incidentClock"));
    QVERIFY(clock);
    QCOMPARE(clock->text(), QStringLiteral("T+00:00:00"));
    // A laptop asleep for an hour: nothing counted, the next repaint simply computes.
    f.clock.advanceSecs(3600 + 23 * 60 + 45);
    QTRY_COMPARE(clock->text(), QStringLiteral("T+01:23:45"));
}

void TstMainWindow::incidentClockFormats()
{
    QCOMPARE(IncidentClockLabel::format(0), QStringLiteral("T+00:00:00"));
    QCOMPARE(IncidentClockLabel::format(59'999), QStringLiteral("T+00:00:59"));
    QCOMPARE(IncidentClockLabel::format((2 * 86400 + 3 * 3600 + 4 * 60 + 5) * 1000LL), QStringLiteral("T+2d 03:04:05"));
    QCOMPARE(IncidentClockLabel::format(-5000), QStringLiteral("T-00:00:05"));
    for (const QTime time : {QTime(0, 0), QTime(9, 5, 7), QTime(12, 30, 59, 999), QTime(23, 59, 59)})
        QCOMPARE(IncidentClockLabel::timeOfDay(time), time.toString(QStringLiteral("HH:mm:ss")));
}

void TstMainWindow::outsideCommitAppearsInTheView()
{
    UiFixture f;
    const qint64 id = f.declare(QStringLiteral("Shared"));
    MainWindow &w = f.makeWindow();
    QVERIFY(w.openIncident(id));
    TimelineModel *model = w.timelineDock()->model();
    const int before = model->rowCount();

    // Another connection (the CLI, a second process) commits an entry.
    const auto other = f.openAnother();
    QVERIFY(other);
    NewEntry entry;
    entry.incidentId = id;
    entry.kind = EntryKind::Communication;
    entry.author = QStringLiteral("cli");
    entry.text = QStringLiteral("Status page updated");
    auto added = other->timeline().append(entry);
    QVERIFY(added);
    QTRY_VERIFY_WITH_TIMEOUT(model->rowOfEntry(*added) >= 0, 2000);
    QCOMPARE(model->rowCount(), before + 1);
    QCOMPARE(model->entryAt(model->rowOfEntry(*added)).author, QStringLiteral("cli"));

    // And a severity change made elsewhere reaches the toolbar and status bar.
    QVERIFY(other->incidents().setSeverity(id, Severity::Sev1, QStringLiteral("cli")).ok());
    QTRY_COMPARE_WITH_TIMEOUT(w.findChild<QLabel *>(QStringLiteral("severityStatus"))->text(), QStringLiteral("SEV-1"),
                              2000);
}

void TstMainWindow::incidentDeclaredElsewhereOpensWhenNoneIsOpen()
{
    UiFixture f;
    MainWindow &w = f.makeWindow();
    QCOMPARE(w.currentIncidentId(), 0);
    const auto other = f.openAnother();
    QVERIFY(other);
    NewIncident incident;
    incident.title = QStringLiteral("Declared from the CLI");
    auto id = other->incidents().create(incident, QStringLiteral("bo"));
    QVERIFY(id);
    QTRY_COMPARE_WITH_TIMEOUT(w.currentIncidentId(), *id, 2000);
    QVERIFY(w.findChild<QWidget *>(QStringLiteral("timelinePage"))->isVisible());
}

void TstMainWindow::switcherFiltersAndOpens()
{
    UiFixture f;
    const qint64 db = f.declare(QStringLiteral("Database failover"), Severity::Sev1);
    const qint64 cdn = f.declare(QStringLiteral("CDN purge stuck"), Severity::Sev3);
    MainWindow &w = f.makeWindow();
    QVERIFY(w.openIncident(cdn));

    w.findChild<QAction *>(QStringLiteral("switchIncidentAction"))->trigger();
    auto *dialog = f.dialog<IncidentSwitcherDialog>();
    QVERIFY(dialog);
    QCOMPARE(dialog->visibleCount(), 2);
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("switcherFilter")), QStringLiteral("sev-1 fail"));
    QCOMPARE(dialog->visibleCount(), 1);
    QCOMPARE(dialog->selectedIncidentId(), db);
    QTest::keyClick(dialog->findChild<QLineEdit *>(QStringLiteral("switcherFilter")), Qt::Key_Return);
    QCOMPARE(w.currentIncidentId(), db);
    QCOMPARE(w.timelineDock()->model()->incidentId(), db);
    QCOMPARE(w.windowTitle(), QStringLiteral("Database failover — CommandPost"));
    QVERIFY(!dialog->isVisible());

    // The toolbar combo switches too.
    auto *combo = w.findChild<QComboBox *>(QStringLiteral("incidentSwitcherCombo"));
    QCOMPARE(combo->itemData(combo->currentIndex(), IncidentListModel::IncidentIdRole).toLongLong(), db);
    for (int i = 0; i < combo->count(); ++i) {
        if (combo->itemData(i, IncidentListModel::IncidentIdRole).toLongLong() == cdn) {
            combo->setCurrentIndex(i);
            emit combo->activated(i);
        }
    }
    QCOMPARE(w.currentIncidentId(), cdn);
}

void TstMainWindow::ctrlKSwitchesEvenWhileTyping()
{
    UiFixture f;
    MainWindow *window = f.activeWindowOn(QStringLiteral("Typing"));
    QVERIFY(window);
    MainWindow &w = *window;
    auto *line = w.findChild<QuickEntryEdit *>(QStringLiteral("quickEntryLine"));
    line->setFocus();
    QTest::keyClicks(line, QStringLiteral("half typed"));
    line->setCursorPosition(0);
    // In a plain line edit Ctrl+K would delete to the end of the line.
    QTest::keyClick(line, Qt::Key_K, Qt::ControlModifier);
    QVERIFY(f.dialog<IncidentSwitcherDialog>());
    QCOMPARE(line->text(), QStringLiteral("half typed"));
    f.dialog<IncidentSwitcherDialog>()->reject();
}

void TstMainWindow::initialIncidentIsTheLastOneShown()
{
    UiFixture f;
    const qint64 major = f.declare(QStringLiteral("Major"), Severity::Sev1);
    f.clock.advanceSecs(60);
    const qint64 minor = f.declare(QStringLiteral("Minor, but newer"), Severity::Sev4);
    {
        MainWindow &w = f.makeWindow();
        w.openInitialIncident();
        QCOMPARE(w.currentIncidentId(), major); // nothing shown before: the most severe open one
        QVERIFY(w.openIncident(minor));
        w.close();
    }
    MainWindow &again = f.makeWindow();
    again.openInitialIncident();
    QCOMPARE(again.currentIncidentId(), minor);
}

void TstMainWindow::eachIncidentHasItsOwnUndoStack()
{
    UiFixture f;
    const qint64 a = f.declare(QStringLiteral("A"), Severity::Sev3);
    const qint64 b = f.declare(QStringLiteral("B"), Severity::Sev3);
    MainWindow &w = f.makeWindow();
    QVERIFY(w.openIncident(a));
    w.incidentActions()->setSeverity(Severity::Sev2);
    QUndoStack *stackA = w.undoStack();
    QVERIFY(w.openIncident(b));
    QVERIFY(w.undoStack() != stackA);
    QCOMPARE(w.undoStack()->count(), 0);
    QVERIFY(!w.findChild<QAction *>(QStringLiteral("undoAction"))->isEnabled());
    QVERIFY(w.openIncident(a));
    QCOMPARE(w.undoStack(), stackA);
    QVERIFY(w.findChild<QAction *>(QStringLiteral("undoAction"))->isEnabled());
    w.findChild<QAction *>(QStringLiteral("undoAction"))->trigger();
    QCOMPARE(f.store->incidents().incident(a)->severity, Severity::Sev3);
    QCOMPARE(f.store->incidents().incident(b)->severity, Severity::Sev3);
}

QTEST_MAIN(TstMainWindow)
#include "tst_mainwindow.moc"
