#include "mainmenus.h"

#include "backupactions.h"
#include "db/incidentstore.h"
#include "dialogs/shortcutsdialog.h"
#include "dialogs/timerdefaultsdialog.h"
#include "docks/actionsdock.h"
#include "docks/businessdock.h"
#include "docks/callscriptdock.h"
#include "docks/commsdock.h"
#include "docks/rolechartdock.h"
#include "docks/rollcalldock.h"
#include "docks/rosterdock.h"
#include "docks/timelinedock.h"
#include "docks/timersdock.h"
#include "exportactions.h"
#include "incidentactions.h"
#include "incidenttoolbar.h"
#include "mainwindow.h"
#include "serveractions.h"
#include "shadowactions.h"
#include "workspaces/workspaceswitcher.h"

#include <QAction>
#include <QCoreApplication>
#include <QDockWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QToolBar>

namespace cp {

namespace {

QString plain(QString text)
{
    text.remove(QLatin1Char('&'));
    return text;
}

} // namespace

MainMenus::MainMenus(MainWindow &window, Preferences &preferences)
    : QObject(&window), m_window(window), m_preferences(preferences)
{
    createActions();
    fillFile();
    fillEdit();
    fillIncident();
    fillRoles();
    fillTimers();
    fillRollCall();
    fillView();
    fillHelp();
}

void MainMenus::createActions()
{
    m_quitAction = new QAction(this);
    m_quitAction->setObjectName(QStringLiteral("quitAction"));
    m_quitAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, &m_window, &QWidget::close);

    m_shortcutsAction = new QAction(this);
    m_shortcutsAction->setObjectName(QStringLiteral("shortcutsAction"));
    m_shortcutsAction->setShortcut(QKeySequence(Qt::Key_F1));
    connect(m_shortcutsAction, &QAction::triggered, this, &MainMenus::showShortcuts);

    m_timerDefaultsAction = new QAction(this);
    m_timerDefaultsAction->setObjectName(QStringLiteral("timerDefaultsAction"));
    connect(m_timerDefaultsAction, &QAction::triggered, this, &MainMenus::editTimerDefaults);

    m_aboutAction = new QAction(this);
    m_aboutAction->setObjectName(QStringLiteral("aboutAction"));
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainMenus::showAbout);
}

QMenu *MainMenus::addMenu(const char *name)
{
    QMenu *menu = m_window.menuBar()->addMenu(QString());
    menu->setObjectName(QLatin1String(name));
    return menu;
}

void MainMenus::fillFile()
{
    m_fileMenu = addMenu("fileMenu");
    IncidentActions *incidents = m_window.incidentActions();
    m_fileMenu->addAction(incidents->newAction());
    m_fileMenu->addAction(incidents->switchAction());
    m_fileMenu->addAction(m_window.serverActions()->connectAction());
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_window.rosterDock()->importAction());
    m_fileMenu->addSeparator();
    ExportActions *exports = m_window.exportActions();
    m_fileMenu->addMenu(exports->exportMenu());
    m_fileMenu->addAction(exports->printAction());
    m_fileMenu->addAction(exports->postmortemAction());
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_window.backupActions()->backupAction());
    m_fileMenu->addAction(m_window.backupActions()->restoreAction());
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_quitAction);
}

void MainMenus::fillEdit()
{
    m_editMenu = addMenu("editMenu");
    m_editMenu->addAction(m_window.undoAction());
    m_editMenu->addAction(m_window.redoAction());
    m_editMenu->addSeparator();
    TimelineDock *timeline = m_window.timelineDock();
    m_editMenu->addAction(timeline->amendAction());
    m_editMenu->addAction(timeline->retractAction());
    m_editMenu->addAction(timeline->keyEventAction());
    m_editMenu->addAction(timeline->historyAction());
    m_editMenu->addAction(timeline->copyAction());
    m_editMenu->addSeparator();
    m_editMenu->addAction(timeline->findAction());
}

void MainMenus::fillIncident()
{
    m_incidentMenu = addMenu("incidentMenu");
    IncidentActions *incidents = m_window.incidentActions();
    m_severityMenu = m_incidentMenu->addMenu(QString());
    m_severityMenu->setObjectName(QStringLiteral("severityMenu"));
    m_severityMenu->addActions(incidents->severityActions());
    m_statusMenu = m_incidentMenu->addMenu(QString());
    m_statusMenu->setObjectName(QStringLiteral("statusMenu"));
    m_statusMenu->addActions(incidents->statusActions());
    m_incidentMenu->addSeparator();
    m_incidentMenu->addAction(incidents->detailsAction());
    m_incidentMenu->addSeparator();
    m_incidentMenu->addAction(m_window.businessDock()->declareAction());
    m_incidentMenu->addAction(m_window.businessDock()->normalAction());
    m_incidentMenu->addAction(m_window.businessDock()->focusAction());
    m_incidentMenu->addAction(m_window.commsDock()->focusAction());
}

void MainMenus::fillRoles()
{
    m_rolesMenu = addMenu("rolesMenu");
    RoleChartDock *chart = m_window.roleChartDock();
    m_rolesMenu->addActions(chart->roleActions());
    m_rolesMenu->insertSeparator(chart->focusChartAction());
    m_rolesMenu->insertSeparator(chart->editTemplatesAction());
    m_rolesMenu->addSeparator();
    m_rolesMenu->addAction(m_window.rosterDock()->addPersonAction());
    m_rolesMenu->addAction(m_window.rosterDock()->focusRosterAction());
}

void MainMenus::fillTimers()
{
    m_timersMenu = addMenu("timersMenu");
    TimersDock *timers = m_window.timersDock();
    m_timersMenu->addAction(timers->focusLineAction());
    m_timersMenu->addAction(timers->focusBoardAction());
    m_timersMenu->addSeparator();
    m_timersMenu->addActions(timers->timerActions());
    m_timersMenu->insertMenu(timers->timerActions().at(2), timers->snoozeMenu());
    m_timersMenu->addSeparator();
    m_timersMenu->addAction(timers->muteAction());
    m_timersMenu->addAction(m_timerDefaultsAction);
}

void MainMenus::fillRollCall()
{
    m_rollCallMenu = addMenu("rollCallMenu");
    ActionsDock *actions = m_window.actionsDock();
    m_rollCallMenu->addActions(m_window.rollCallDock()->rollCallActions());
    m_rollCallMenu->addSeparator();
    m_rollCallMenu->addAction(actions->focusLineAction());
    m_rollCallMenu->addActions(actions->actionActions());
    m_rollCallMenu->addSeparator();
    m_rollCallMenu->addAction(actions->decisionAction());
    m_rollCallMenu->addAction(m_window.incidentActions()->statusReportAction());
    m_rollCallMenu->addAction(m_window.callScriptDock()->focusAction());
}

void MainMenus::fillView()
{
    m_viewMenu = addMenu("viewMenu");
    WorkspaceSwitcher *workspaces = m_window.workspaces();
    m_workspaceMenu = m_viewMenu->addMenu(QString());
    m_workspaceMenu->setObjectName(QStringLiteral("workspaceMenu"));
    m_workspaceMenu->addActions(workspaces->actions());
    m_workspaceMenu->insertSeparator(workspaces->followAction());
    m_workspaceMenu->addSeparator();
    m_workspaceMenu->addAction(workspaces->resetAction());
    m_viewMenu->addSeparator();
    for (QDockWidget *dock : m_window.docks())
        m_viewMenu->addAction(dock->toggleViewAction());
    m_viewMenu->addAction(m_window.incidentToolBar()->toggleViewAction());
    m_viewMenu->addSeparator();
    TimelineDock *timeline = m_window.timelineDock();
    m_viewMenu->addAction(timeline->focusEntryAction());
    m_viewMenu->addAction(timeline->focusTimelineAction());
    m_kindMenu = m_viewMenu->addMenu(QString());
    m_kindMenu->setObjectName(QStringLiteral("entryKindMenu"));
    m_kindMenu->addActions(timeline->kindActions());
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(m_window.shadowActions()->shadowAction());
    m_viewMenu->addAction(m_window.shadowActions()->replayAction());
}

void MainMenus::fillHelp()
{
    m_helpMenu = addMenu("helpMenu");
    m_helpMenu->addAction(m_shortcutsAction);
    m_helpMenu->addSeparator();
    m_helpMenu->addAction(m_aboutAction);
}

void MainMenus::showShortcuts()
{
    QList<ShortcutsDialog::Group> groups;
    groups << ShortcutsDialog::Group{plain(m_fileMenu->title()), m_fileMenu->actions()};
    groups << ShortcutsDialog::Group{plain(m_editMenu->title()), m_editMenu->actions()};
    IncidentActions *incidents = m_window.incidentActions();
    groups << ShortcutsDialog::Group{plain(m_severityMenu->title()), incidents->severityActions()};
    QList<QAction *> incident = incidents->statusActions();
    incident << incidents->detailsAction();
    groups << ShortcutsDialog::Group{plain(m_incidentMenu->title()), incident};
    TimelineDock *timeline = m_window.timelineDock();
    QList<QAction *> entries{timeline->focusEntryAction(), timeline->focusTimelineAction(), timeline->findAction()};
    entries << timeline->kindActions();
    groups << ShortcutsDialog::Group{tr("Timeline"), entries};
    groups << ShortcutsDialog::Group{plain(m_rolesMenu->title()), m_rolesMenu->actions()};
    groups << ShortcutsDialog::Group{plain(m_timersMenu->title()), m_timersMenu->actions()};
    groups << ShortcutsDialog::Group{plain(m_rollCallMenu->title()), m_rollCallMenu->actions()};
    groups << ShortcutsDialog::Group{plain(m_workspaceMenu->title()), m_workspaceMenu->actions()};
    QList<QAction *> shadow{m_window.shadowActions()->shadowAction(), m_window.shadowActions()->replayAction()};
    groups << ShortcutsDialog::Group{plain(m_viewMenu->title()), shadow};
    groups << ShortcutsDialog::Group{plain(m_helpMenu->title()), m_helpMenu->actions()};
    auto *dialog = new ShortcutsDialog(groups, &m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void MainMenus::editTimerDefaults()
{
    auto *dialog = new TimerDefaultsDialog(m_preferences, &m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (const Incident *incident = m_window.currentIncident())
        dialog->setSeverity(incident->severity);
    dialog->open();
}

void MainMenus::showAbout()
{
    auto *box = new QMessageBox(&m_window);
    box->setObjectName(QStringLiteral("aboutBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowTitle(tr("About CommandPost"));
    box->setIconPixmap(QIcon(QStringLiteral(":/icons/commandpost.svg")).pixmap(64, 64));
    box->setText(tr("<b>CommandPost %1</b>").arg(QCoreApplication::applicationVersion()));
    box->setInformativeText(tr("An incident command console that works offline. Every entry is committed to the "
                               "local database before the window says it is saved.<br><br>Database: %1")
                                .arg(m_window.databasePath().toHtmlEscaped()));
    box->setStandardButtons(QMessageBox::Close);
    box->open();
}

void MainMenus::retranslateUi()
{
    m_fileMenu->setTitle(tr("&File"));
    m_editMenu->setTitle(tr("&Edit"));
    m_incidentMenu->setTitle(tr("&Incident"));
    m_severityMenu->setTitle(tr("&Severity"));
    m_statusMenu->setTitle(tr("S&tatus"));
    m_rolesMenu->setTitle(tr("&Roles"));
    m_timersMenu->setTitle(tr("Ti&mers"));
    m_rollCallMenu->setTitle(tr("Roll &call"));
    m_viewMenu->setTitle(tr("&View"));
    m_workspaceMenu->setTitle(tr("&Workspace"));
    m_kindMenu->setTitle(tr("Next entry &kind"));
    m_helpMenu->setTitle(tr("&Help"));
    m_quitAction->setText(tr("&Quit"));
    m_shortcutsAction->setText(tr("&Keyboard shortcuts…"));
    m_timerDefaultsAction->setText(tr("Timer &defaults…"));
    m_timerDefaultsAction->setToolTip(tr("The timers started when an incident is declared, by severity"));
    m_aboutAction->setText(tr("&About CommandPost"));
}

} // namespace cp
