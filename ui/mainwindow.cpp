#include "mainwindow.h"

#include "backupactions.h"
#include "db/incidentstore.h"
#include "dialogs/incidentdetailsdialog.h"
#include "dialogs/incidentswitcherdialog.h"
#include "dialogs/newincidentdialog.h"
#include "dialogs/resolvedialog.h"
#include "dialogs/shortcutsdialog.h"
#include "dialogs/statusreportdialog.h"
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
#include "domain/clock.h"
#include "domain/roletemplate.h"
#include "exportactions.h"
#include "models/incidentlistmodel.h"
#include "models/missedmodel.h"
#include "preferences.h"
#include "resources.h"
#include "undo/savestatus.h"
#include "undo/storecommands.h"
#include "widgets/dialogkeys.h"
#include "widgets/incidentclocklabel.h"
#include "widgets/kindstyle.h"
#include "workspaces/workspacelayout.h"
#include "workspaces/workspaceswitcher.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QIdentityProxyModel>
#include <QInputDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QToolBar>
#include <QUndoGroup>
#include <QUndoStack>

#include "notes/traineenotes.h"
#include "shadow/replaybar.h"
#include "shadow/replaypickerdialog.h"
#include "shadow/shadowwindow.h"
#include "widgets/accessiblename.h"
#include "widgets/timeralert.h"

namespace cp {

namespace {

const QString GeometryKey = QStringLiteral("window/geometry");

// The default size: a laptop's 1280×800, never more than the screen offers.
QSize defaultSize(const QScreen *screen)
{
    const QSize wanted(1280, 800);
    return screen ? wanted.boundedTo(screen->availableGeometry().size()) : wanted;
}

// The switcher combo shows "#12 SEV-1 · title" with a severity swatch.
class IncidentLabelProxy final : public QIdentityProxyModel
{
public:
    using QIdentityProxyModel::QIdentityProxyModel;

    QVariant data(const QModelIndex &index, int role) const override
    {
        if (index.column() == IncidentListModel::TitleColumn) {
            const QModelIndex source = mapToSource(index);
            const auto severity = static_cast<Severity>(source.data(IncidentListModel::SeverityRole).toInt());
            if (role == Qt::DisplayRole) {
                return QStringLiteral("#%1  %2 · %3")
                    .arg(source.data(IncidentListModel::IncidentIdRole).toLongLong())
                    .arg(IncidentVocabulary::severityKey(severity), source.data(Qt::DisplayRole).toString());
            }
            if (role == Qt::DecorationRole)
                return KindStyle::swatch(source.data(IncidentListModel::ResolvedRole).toBool()
                                             ? QColor(Qt::gray)
                                             : KindStyle::severityColor(severity));
        }
        return QIdentityProxyModel::data(index, role);
    }
};

QString plain(QString text)
{
    text.remove(QLatin1Char('&'));
    return text;
}

} // namespace

MainWindow::MainWindow(IncidentStore &store, const Clock &clock, Preferences &preferences, QSettings &settings,
                       QWidget *parent)
    : QMainWindow(parent), m_store(store), m_clock(clock), m_preferences(preferences), m_settings(settings),
      m_incidents(new IncidentListModel(store, this)), m_saveStatus(new SaveStatus(clock, this)),
      m_undoGroup(new QUndoGroup(this))
{
    initResources();
    DialogKeys::installCtrlEnterCommits();
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/commandpost.svg")));
    setDockNestingEnabled(true);
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowNestedDocks | QMainWindow::AllowTabbedDocks |
                   QMainWindow::GroupedDragging);

    createActions();
    createDocks();
    createToolBar();
    createMenus();
    createStatusBar();

    connect(m_saveStatus, &SaveStatus::saved, this, &MainWindow::showSaved);
    connect(m_saveStatus, &SaveStatus::failed, this, &MainWindow::showSaveError);
    connect(&m_store.incidents(), &IncidentRepository::incidentChanged, this, [this](qint64 incidentId) {
        if (incidentId == m_incidentId)
            refreshIncident();
    });
    connect(&m_store.incidents(), &IncidentRepository::incidentAdded, this, [this](qint64 incidentId) {
        if (m_incidentId == 0) // declared elsewhere (the CLI) while this window had none
            openIncident(incidentId);
    });

    resize(defaultSize(screen()));
    m_workspaces = new WorkspaceSwitcher(*this, m_settings, LayoutVersion, this);
    WorkspaceLayout::arrange(*this, m_workspaces->current());
    createWorkspaceMenu();
    connect(&m_store.roles(), &RoleRepository::roleChanged, this, [this](qint64 incidentId) {
        if (incidentId == m_incidentId)
            followUserRoles();
    });
    retranslateUi();
    refreshIncident();
}

MainWindow::~MainWindow() = default;

// ---------------------------------------------------------------------------------------------
// Building

void MainWindow::createActions()
{
    m_newAction = new QAction(QIcon(QStringLiteral(":/icons/new-incident.svg")), QString(), this);
    m_newAction->setObjectName(QStringLiteral("newIncidentAction"));
    m_newAction->setShortcut(QKeySequence::New);
    connect(m_newAction, &QAction::triggered, this, &MainWindow::newIncident);

    m_switchAction = new QAction(QIcon(QStringLiteral(":/icons/switch-incident.svg")), QString(), this);
    m_switchAction->setObjectName(QStringLiteral("switchIncidentAction"));
    m_switchAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    connect(m_switchAction, &QAction::triggered, this, &MainWindow::switchIncident);

    m_quitAction = new QAction(QString(), this);
    m_quitAction->setObjectName(QStringLiteral("quitAction"));
    m_quitAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &MainWindow::close);

    m_undoAction = m_undoGroup->createUndoAction(this);
    m_undoAction->setObjectName(QStringLiteral("undoAction"));
    m_undoAction->setIcon(QIcon(QStringLiteral(":/icons/undo.svg")));
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_redoAction = m_undoGroup->createRedoAction(this);
    m_redoAction->setObjectName(QStringLiteral("redoAction"));
    m_redoAction->setIcon(QIcon(QStringLiteral(":/icons/redo.svg")));
    m_redoAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});

    m_detailsAction = new QAction(QString(), this);
    m_detailsAction->setObjectName(QStringLiteral("editDetailsAction"));
    m_detailsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    connect(m_detailsAction, &QAction::triggered, this, &MainWindow::editDetails);

    m_severityActions = new QActionGroup(this);
    m_severityActions->setExclusive(true);
    for (Severity severity : IncidentVocabulary::allSeverities()) {
        auto *action = new QAction(KindStyle::swatch(KindStyle::severityColor(severity)), QString(), m_severityActions);
        action->setObjectName(QStringLiteral("severityAction%1").arg(static_cast<int>(severity)));
        action->setCheckable(true);
        action->setData(static_cast<int>(severity));
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key(Qt::Key_0 + static_cast<int>(severity))));
        connect(action, &QAction::triggered, this, [this, severity] { setSeverity(severity); });
    }

    m_statusActions = new QActionGroup(this);
    m_statusActions->setExclusive(true);
    const QHash<IncidentStatus, Qt::Key> statusKeys{{IncidentStatus::Investigating, Qt::Key_I},
                                                    {IncidentStatus::Identified, Qt::Key_D},
                                                    {IncidentStatus::Monitoring, Qt::Key_M},
                                                    {IncidentStatus::Resolved, Qt::Key_R}};
    for (IncidentStatus status : IncidentVocabulary::allStatuses()) {
        auto *action = new QAction(KindStyle::swatch(KindStyle::statusColor(status)), QString(), m_statusActions);
        action->setObjectName(QStringLiteral("statusAction_%1").arg(IncidentVocabulary::statusKey(status)));
        action->setCheckable(true);
        action->setData(static_cast<int>(status));
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | statusKeys.value(status)));
        connect(action, &QAction::triggered, this, [this, status] { setStatus(status); });
    }

    m_resetLayoutAction = new QAction(QString(), this);
    m_resetLayoutAction->setObjectName(QStringLiteral("resetLayoutAction"));
    connect(m_resetLayoutAction, &QAction::triggered, this, &MainWindow::resetLayout);

    m_shortcutsAction = new QAction(QString(), this);
    m_shortcutsAction->setObjectName(QStringLiteral("shortcutsAction"));
    m_shortcutsAction->setShortcut(QKeySequence(Qt::Key_F1));
    connect(m_shortcutsAction, &QAction::triggered, this, &MainWindow::showShortcuts);
    m_statusReportAction = new QAction(QString(), this);
    m_statusReportAction->setObjectName(QStringLiteral("statusReportAction"));
    m_statusReportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_U));
    connect(m_statusReportAction, &QAction::triggered, this, &MainWindow::composeStatusReport);
    m_timerDefaultsAction = new QAction(QString(), this);
    m_timerDefaultsAction->setObjectName(QStringLiteral("timerDefaultsAction"));
    connect(m_timerDefaultsAction, &QAction::triggered, this, &MainWindow::editTimerDefaults);

    m_aboutAction = new QAction(QString(), this);
    m_aboutAction->setObjectName(QStringLiteral("aboutAction"));
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);

    m_shadowAction = new QAction(QString(), this);
    m_shadowAction->setObjectName(QStringLiteral("shadowViewAction"));
    m_shadowAction->setShortcut(QKeySequence(Qt::Key_F8));
    connect(m_shadowAction, &QAction::triggered, this, &MainWindow::showShadowView);
    m_replayAction = new QAction(QString(), this);
    m_replayAction->setObjectName(QStringLiteral("replayAction"));
    m_replayAction->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_R));
    connect(m_replayAction, &QAction::triggered, this, &MainWindow::replayIncident);
}

void MainWindow::createDocks()
{
    // The docks fill the frame; there is no central widget to leave an empty hole. Where each
    // dock sits is the workspace's business (WorkspaceLayout).
    m_timeline = new TimelineDock(m_store, m_clock, m_preferences, *m_saveStatus, this);
    connect(m_timeline, &TimelineDock::declareIncidentRequested, this, &MainWindow::newIncident);
    m_roleTemplates = std::make_unique<RoleTemplateLibrary>();
    m_roleChart = new RoleChartDock(m_store, m_clock, m_preferences, *m_saveStatus, *m_roleTemplates, this);
    m_roster = new RosterDock(m_store, this);
    m_timers = new TimersDock(m_store, m_clock, m_preferences, *m_saveStatus, this);
    m_rollCall = new RollCallDock(m_store, m_clock, m_preferences, *m_saveStatus, this);
    m_actions = new ActionsDock(m_store, m_preferences, *m_saveStatus, this);
    connect(m_rollCall, &RollCallDock::actionCreated, m_actions, &ActionsDock::selectAction);
    // A miss recorded while the user looks at another window calls them, as a timer does.
    connect(m_rollCall->missedModel(), &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) {
                QStringList who;
                for (int row = first; row <= last; ++row)
                    who << m_rollCall->missedModel()->itemAt(row).label();
                m_timers->alert()->callAttention(this,
                                                 tr("Roll call: no answer from %1").arg(who.join(QStringLiteral(", "))),
                                                 tr("On the missed list, to circle back to."));
            });
    m_callScript = new CallScriptDock(m_store, m_clock, this);
    m_comms = new CommsDock(m_store, m_clock, m_preferences, *m_saveStatus, this);
    m_business = new BusinessDock(m_store, m_preferences, *m_saveStatus, *m_roleTemplates, this);
    for (QDockWidget *dock : docks())
        addDockWidget(Qt::LeftDockWidgetArea, dock);
}

QList<QDockWidget *> MainWindow::docks() const
{
    return findChildren<QDockWidget *>(QString(), Qt::FindDirectChildrenOnly);
}

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_fileMenu->setObjectName(QStringLiteral("fileMenu"));
    m_fileMenu->addAction(m_newAction);
    m_fileMenu->addAction(m_switchAction);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_roster->importAction());
    m_exports = new ExportActions(m_store, m_clock, m_preferences, this);
    m_fileMenu->addSeparator();
    m_fileMenu->addMenu(m_exports->exportMenu());
    m_fileMenu->addAction(m_exports->printAction());
    m_fileMenu->addAction(m_exports->postmortemAction());
    m_fileMenu->addSeparator();
    m_backups = new BackupActions(m_store, m_clock, this); // File ▸ Back up…, Restore… (#8)
    m_fileMenu->addAction(m_backups->backupAction());
    m_fileMenu->addAction(m_backups->restoreAction());
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_quitAction);

    m_editMenu = menuBar()->addMenu(QString());
    m_editMenu->setObjectName(QStringLiteral("editMenu"));
    m_editMenu->addAction(m_undoAction);
    m_editMenu->addAction(m_redoAction);
    m_editMenu->addSeparator();
    m_editMenu->addAction(m_timeline->amendAction());
    m_editMenu->addAction(m_timeline->retractAction());
    m_editMenu->addAction(m_timeline->keyEventAction());
    m_editMenu->addAction(m_timeline->historyAction());
    m_editMenu->addAction(m_timeline->copyAction());
    m_editMenu->addSeparator();
    m_editMenu->addAction(m_timeline->findAction());

    m_incidentMenu = menuBar()->addMenu(QString());
    m_incidentMenu->setObjectName(QStringLiteral("incidentMenu"));
    m_severityMenu = m_incidentMenu->addMenu(QString());
    m_severityMenu->setObjectName(QStringLiteral("severityMenu"));
    m_severityMenu->addActions(m_severityActions->actions());
    m_statusMenu = m_incidentMenu->addMenu(QString());
    m_statusMenu->setObjectName(QStringLiteral("statusMenu"));
    m_statusMenu->addActions(m_statusActions->actions());
    m_incidentMenu->addSeparator();
    m_incidentMenu->addAction(m_detailsAction);
    m_incidentMenu->addSeparator();
    m_incidentMenu->addAction(m_business->declareAction());
    m_incidentMenu->addAction(m_business->normalAction());
    m_incidentMenu->addAction(m_business->focusAction());
    m_incidentMenu->addAction(m_comms->focusAction());

    m_rolesMenu = menuBar()->addMenu(QString());
    m_rolesMenu->setObjectName(QStringLiteral("rolesMenu"));
    m_rolesMenu->addActions(m_roleChart->roleActions());
    m_rolesMenu->insertSeparator(m_roleChart->focusChartAction());
    m_rolesMenu->insertSeparator(m_roleChart->editTemplatesAction());
    m_rolesMenu->addSeparator();
    m_rolesMenu->addAction(m_roster->addPersonAction());
    m_rolesMenu->addAction(m_roster->focusRosterAction());

    m_timersMenu = menuBar()->addMenu(QString());
    m_timersMenu->setObjectName(QStringLiteral("timersMenu"));
    m_timersMenu->addAction(m_timers->focusLineAction());
    m_timersMenu->addAction(m_timers->focusBoardAction());
    m_timersMenu->addSeparator();
    m_timersMenu->addActions(m_timers->timerActions());
    m_timersMenu->insertMenu(m_timers->timerActions().at(2), m_timers->snoozeMenu());
    m_timersMenu->addSeparator();
    m_timersMenu->addAction(m_timers->muteAction());
    m_timersMenu->addAction(m_timerDefaultsAction);

    m_rollCallMenu = menuBar()->addMenu(QString());
    m_rollCallMenu->setObjectName(QStringLiteral("rollCallMenu"));
    m_rollCallMenu->addActions(m_rollCall->rollCallActions());
    m_rollCallMenu->addSeparator();
    m_rollCallMenu->addAction(m_actions->focusLineAction());
    m_rollCallMenu->addActions(m_actions->actionActions());
    m_rollCallMenu->addSeparator();
    m_rollCallMenu->addAction(m_actions->decisionAction());
    m_rollCallMenu->addAction(m_statusReportAction);
    m_rollCallMenu->addAction(m_callScript->focusAction());

    m_viewMenu = menuBar()->addMenu(QString());
    m_viewMenu->setObjectName(QStringLiteral("viewMenu"));
    m_workspaceMenu = m_viewMenu->addMenu(QString());
    m_workspaceMenu->setObjectName(QStringLiteral("workspaceMenu"));
    m_viewMenu->addSeparator();
    for (QDockWidget *dock : docks())
        m_viewMenu->addAction(dock->toggleViewAction());
    m_viewMenu->addAction(m_toolBar->toggleViewAction());
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(m_timeline->focusEntryAction());
    m_viewMenu->addAction(m_timeline->focusTimelineAction());
    QMenu *kinds = m_viewMenu->addMenu(QString());
    kinds->setObjectName(QStringLiteral("entryKindMenu"));
    kinds->addActions(m_timeline->kindActions());
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(m_shadowAction);
    m_viewMenu->addAction(m_replayAction);

    m_helpMenu = menuBar()->addMenu(QString());
    m_helpMenu->setObjectName(QStringLiteral("helpMenu"));
    m_helpMenu->addAction(m_shortcutsAction);
    m_helpMenu->addSeparator();
    m_helpMenu->addAction(m_aboutAction);
}

void MainWindow::createToolBar()
{
    m_toolBar = addToolBar(QString());
    m_toolBar->setObjectName(QStringLiteral("incidentToolBar"));
    m_toolBar->setMovable(true);
    m_toolBar->setIconSize(QSize(20, 20));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonIconOnly);
    m_toolBar->addAction(m_newAction);

    m_incidentLabel = new QLabel(m_toolBar);
    m_incidentLabel->setContentsMargins(8, 0, 4, 0);
    m_toolBar->addWidget(m_incidentLabel);
    m_incidentCombo = new QComboBox(m_toolBar);
    m_incidentCombo->setObjectName(QStringLiteral("incidentSwitcherCombo"));
    auto *proxy = new IncidentLabelProxy(m_incidentCombo);
    proxy->setSourceModel(m_incidents);
    m_incidentCombo->setModel(proxy);
    m_incidentCombo->setModelColumn(IncidentListModel::TitleColumn);
    m_incidentCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_incidentCombo->setMinimumContentsLength(42);
    m_incidentCombo->setFocusPolicy(Qt::ClickFocus);
    m_toolBar->addWidget(m_incidentCombo);
    connect(m_incidentCombo, &QComboBox::activated, this, [this](int row) {
        const qint64 id = m_incidentCombo->itemData(row, IncidentListModel::IncidentIdRole).toLongLong();
        if (id > 0 && id != m_incidentId)
            openIncident(id);
    });
    m_toolBar->addAction(m_switchAction);
    m_toolBar->addSeparator();

    m_severityLabel = new QLabel(m_toolBar);
    m_severityLabel->setContentsMargins(8, 0, 4, 0);
    m_toolBar->addWidget(m_severityLabel);
    m_severityCombo = new QComboBox(m_toolBar);
    m_severityCombo->setObjectName(QStringLiteral("severityCombo"));
    m_severityCombo->setFocusPolicy(Qt::ClickFocus);
    m_severityCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents); // "SEV-1 · critical" whole
    for (Severity severity : IncidentVocabulary::allSeverities())
        m_severityCombo->addItem(KindStyle::swatch(KindStyle::severityColor(severity)), QString(),
                                 static_cast<int>(severity));
    m_toolBar->addWidget(m_severityCombo);
    connect(m_severityCombo, &QComboBox::activated, this,
            [this](int index) { setSeverity(static_cast<Severity>(m_severityCombo->itemData(index).toInt())); });

    m_statusLabel = new QLabel(m_toolBar);
    m_statusLabel->setContentsMargins(8, 0, 4, 0);
    m_toolBar->addWidget(m_statusLabel);
    m_statusCombo = new QComboBox(m_toolBar);
    m_statusCombo->setObjectName(QStringLiteral("statusCombo"));
    m_statusCombo->setFocusPolicy(Qt::ClickFocus);
    m_statusCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents); // "Investigating" whole
    for (IncidentStatus status : IncidentVocabulary::allStatuses())
        m_statusCombo->addItem(KindStyle::swatch(KindStyle::statusColor(status)), QString(), static_cast<int>(status));
    m_toolBar->addWidget(m_statusCombo);
    connect(m_statusCombo, &QComboBox::activated, this,
            [this](int index) { setStatus(static_cast<IncidentStatus>(m_statusCombo->itemData(index).toInt())); });

    m_toolBar->addSeparator();
    m_toolBar->addAction(m_undoAction);
    m_toolBar->addAction(m_redoAction);
}

void MainWindow::createStatusBar()
{
    m_clockLabel = new IncidentClockLabel(m_clock, statusBar());
    m_clockLabel->setObjectName(QStringLiteral("incidentClock"));
    m_clockLabel->setContentsMargins(6, 0, 6, 0);
    m_severityStatus = new QLabel(statusBar());
    m_severityStatus->setObjectName(QStringLiteral("severityStatus"));
    m_severityStatus->setContentsMargins(6, 0, 6, 0);
    m_statusStatus = new QLabel(statusBar());
    m_statusStatus->setObjectName(QStringLiteral("statusStatus"));
    m_statusStatus->setContentsMargins(6, 0, 6, 0);
    m_saveLabel = new QLabel(statusBar());
    m_saveLabel->setObjectName(QStringLiteral("saveIndicator"));
    m_saveLabel->setContentsMargins(6, 0, 6, 0);
    m_saveLabel->setTextFormat(Qt::PlainText);
    m_saveLabel->setText(tr("Ready · %1").arg(QFileInfo(m_store.session().path()).fileName()));
    m_saveLabel->setToolTip(QDir::toNativeSeparators(m_store.session().path()));
    // Idle, not disabled: a disabled label's grey is unreadable (1.6:1); quiet keeps 4.5:1.
    m_saveLabel->setStyleSheet(QStringLiteral("QLabel { color: %1; }").arg(KindStyle::quietColor().name()));
    m_wallClock = new QLabel(statusBar());
    m_wallClock->setObjectName(QStringLiteral("wallClock"));
    m_wallClock->setContentsMargins(6, 0, 6, 0);
    connect(m_clockLabel, &IncidentClockLabel::ticked, this, [this](const QDateTime &nowUtc) {
        // Times are stored in UTC and shown in local time: say which zone that is.
        m_wallClock->setText(nowUtc.toLocalTime().toString(QStringLiteral("HH:mm:ss t")));
    });
    m_wallClock->setToolTip(tr("The time now; the timeline shows times in this zone"));
    statusBar()->addWidget(m_clockLabel);
    statusBar()->addWidget(m_severityStatus);
    statusBar()->addWidget(m_statusStatus);
    m_vacancyLabel = new QLabel(statusBar());
    m_vacancyLabel->setObjectName(QStringLiteral("vacancyStatus"));
    m_vacancyLabel->setContentsMargins(6, 0, 6, 0);
    m_vacancyLabel->setStyleSheet(
        QStringLiteral("QLabel { color: %1; font-weight: bold; }").arg(KindStyle::errorColor().name()));
    statusBar()->addWidget(m_vacancyLabel);
    connect(m_roleChart, &RoleChartDock::vacanciesChanged, m_vacancyLabel, &QLabel::setText);
    m_nextTimerLabel = new QLabel(statusBar());
    m_nextTimerLabel->setObjectName(QStringLiteral("nextTimerStatus"));
    m_nextTimerLabel->setContentsMargins(6, 0, 6, 0);
    m_nextTimerLabel->setTextFormat(Qt::PlainText);
    m_nextTimerLabel->setText(m_timers->nextDueText());
    statusBar()->addWidget(m_nextTimerLabel);
    connect(m_timers, &TimersDock::nextDueChanged, m_nextTimerLabel, [this](const QString &text) {
        m_nextTimerLabel->setText(text);
        const bool overdue = m_timers->hasOverdue();
        m_nextTimerLabel->setStyleSheet(
            overdue ? QStringLiteral("QLabel { color: %1; font-weight: bold; }").arg(KindStyle::errorColor().name())
                    : QString());
    });
    statusBar()->addPermanentWidget(m_saveLabel);
    statusBar()->addPermanentWidget(m_wallClock);
}

void MainWindow::retranslateUi()
{
    m_fileMenu->setTitle(tr("&File"));
    m_exports->retranslateUi();
    setAccessibleLabel(m_incidentCombo, tr("Incident"));
    setAccessibleLabel(m_severityCombo, tr("Severity"));
    setAccessibleLabel(m_statusCombo, tr("Status"));
    m_editMenu->setTitle(tr("&Edit"));
    m_incidentMenu->setTitle(tr("&Incident"));
    m_severityMenu->setTitle(tr("&Severity"));
    m_statusMenu->setTitle(tr("S&tatus"));
    m_viewMenu->setTitle(tr("&View"));
    m_rolesMenu->setTitle(tr("&Roles"));
    m_timersMenu->setTitle(tr("Ti&mers"));
    m_rollCallMenu->setTitle(tr("Roll &call"));
    m_statusReportAction->setText(tr("Compose a status &report…"));
    m_helpMenu->setTitle(tr("&Help"));
    m_toolBar->setWindowTitle(tr("Incident toolbar"));

    m_newAction->setText(tr("&New incident…"));
    m_newAction->setToolTip(
        tr("Declare a new incident (%1)").arg(m_newAction->shortcut().toString(QKeySequence::NativeText)));
    m_switchAction->setText(tr("S&witch incident…"));
    m_switchAction->setToolTip(
        tr("Switch to another incident (%1)").arg(m_switchAction->shortcut().toString(QKeySequence::NativeText)));
    m_quitAction->setText(tr("&Quit"));
    m_backups->retranslateUi();
    m_detailsAction->setText(tr("Edit &title and summary…"));
    for (QAction *action : m_severityActions->actions())
        action->setText(IncidentVocabulary::severityLabel(static_cast<Severity>(action->data().toInt())));
    for (QAction *action : m_statusActions->actions())
        action->setText(IncidentVocabulary::statusLabel(static_cast<IncidentStatus>(action->data().toInt())));
    m_resetLayoutAction->setText(tr("&Reset this workspace"));
    m_resetLayoutAction->setToolTip(tr("Back to the workspace's default layout; your changes to it are forgotten"));
    m_workspaceMenu->setTitle(tr("&Workspace"));
    m_workspaces->retranslateUi();
    m_shortcutsAction->setText(tr("&Keyboard shortcuts…"));
    m_timerDefaultsAction->setText(tr("Timer &defaults…"));
    m_timerDefaultsAction->setToolTip(tr("The timers started when an incident is declared, by severity"));
    m_aboutAction->setText(tr("&About CommandPost"));
    m_shadowAction->setText(tr("S&hadow view"));
    m_shadowAction->setToolTip(tr("A read-only, large-type view of this incident for a second screen (%1)")
                                   .arg(m_shadowAction->shortcut().toString(QKeySequence::NativeText)));
    m_replayAction->setText(tr("Re&play for training…"));
    if (QMenu *kinds = m_viewMenu->findChild<QMenu *>(QStringLiteral("entryKindMenu")))
        kinds->setTitle(tr("Next entry &kind"));

    m_incidentLabel->setText(tr("Incident"));
    m_severityLabel->setText(tr("Severity"));
    m_statusLabel->setText(tr("Status"));
    for (int i = 0; i < m_severityCombo->count(); ++i)
        m_severityCombo->setItemText(
            i, IncidentVocabulary::severityLabel(static_cast<Severity>(m_severityCombo->itemData(i).toInt())));
    for (int i = 0; i < m_statusCombo->count(); ++i)
        m_statusCombo->setItemText(
            i, IncidentVocabulary::statusLabel(static_cast<IncidentStatus>(m_statusCombo->itemData(i).toInt())));
    m_severityCombo->setToolTip(tr("Severity of the incident (Ctrl+Alt+1 … Ctrl+Alt+5)"));
    m_statusCombo->setToolTip(tr("Status of the incident"));
    m_incidentCombo->setToolTip(
        tr("The incident shown (%1 to search)").arg(m_switchAction->shortcut().toString(QKeySequence::NativeText)));
    refreshIncident();
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QMainWindow::changeEvent(event);
}

// ---------------------------------------------------------------------------------------------
// Incidents

QUndoStack *MainWindow::stackFor(qint64 incidentId)
{
    if (QUndoStack *stack = m_stacks.value(incidentId))
        return stack;
    auto *stack = new QUndoStack(m_undoGroup);
    stack->setObjectName(QStringLiteral("undoStack_%1").arg(incidentId));
    stack->setUndoLimit(200);
    m_stacks.insert(incidentId, stack);
    return stack;
}

QUndoStack *MainWindow::undoStack() const
{
    return m_undoGroup->activeStack();
}

bool MainWindow::openIncident(qint64 incidentId)
{
    auto incident = m_store.incidents().incident(incidentId);
    if (!incident) {
        showSaveError(incident.error());
        return false;
    }
    m_incidentId = incidentId;
    m_incident = *incident;
    QUndoStack *stack = stackFor(incidentId);
    m_undoGroup->setActiveStack(stack);
    m_timeline->setIncident(incidentId, stack);
    m_roleChart->setIncident(incidentId, stack);
    m_roster->setIncident(incidentId);
    m_timers->setIncident(incidentId);
    m_rollCall->setIncident(incidentId, stack);
    m_exports->setIncident(incidentId);
    m_actions->setIncident(incidentId, stack);
    m_callScript->setIncident(incidentId);
    m_comms->setIncident(incidentId, stack);
    m_business->setIncident(incidentId, stack);
    if (m_shadow)
        m_shadow->setIncident(incidentId); // the shadow view shows what the console shows
    m_preferences.setLastIncidentId(incidentId);
    refreshIncident();
    followUserRoles();
    return true;
}

void MainWindow::openInitialIncident()
{
    const qint64 last = m_preferences.lastIncidentId();
    if (last > 0 && m_incidents->rowOfIncident(last) >= 0 && openIncident(last))
        return;
    // Otherwise the most severe open incident (the list puts open ones first, newest first).
    int best = -1;
    for (int row = 0; row < m_incidents->rowCount(); ++row) {
        const Incident incident = m_incidents->incidentAt(row);
        if (incident.isResolved())
            break;
        if (best < 0 || incident.severity < m_incidents->incidentAt(best).severity)
            best = row;
    }
    if (best < 0 && m_incidents->rowCount() > 0)
        best = 0;
    if (best >= 0)
        openIncident(m_incidents->incidentAt(best).id);
}

void MainWindow::refreshIncident()
{
    if (m_incidentId > 0) {
        if (auto incident = m_store.incidents().incident(m_incidentId))
            m_incident = *incident;
    }
    const bool have = m_incidentId > 0;
    setWindowTitle(have ? tr("%1 — CommandPost").arg(m_incident.title) : tr("CommandPost"));

    {
        const QSignalBlocker a(m_incidentCombo), b(m_severityCombo), c(m_statusCombo);
        const int row = have ? m_incidents->rowOfIncident(m_incidentId) : -1;
        m_incidentCombo->setCurrentIndex(row);
        m_severityCombo->setCurrentIndex(have ? m_severityCombo->findData(static_cast<int>(m_incident.severity)) : -1);
        m_statusCombo->setCurrentIndex(have ? m_statusCombo->findData(static_cast<int>(m_incident.status)) : -1);
    }
    for (QAction *action : m_severityActions->actions())
        action->setChecked(have && action->data().toInt() == static_cast<int>(m_incident.severity));
    for (QAction *action : m_statusActions->actions())
        action->setChecked(have && action->data().toInt() == static_cast<int>(m_incident.status));

    if (have) {
        m_clockLabel->setTimes(m_incident.declaredAt, m_incident.resolvedAt);
        const Chip severity = KindStyle::severityChip(m_incident.severity);
        m_severityStatus->setText(IncidentVocabulary::severityKey(m_incident.severity));
        m_severityStatus->setStyleSheet(
            QStringLiteral("QLabel { color: %1; background: %2; border-radius: 3px; padding: 1px 6px; "
                           "font-weight: bold; }")
                .arg(severity.text.name(), severity.fill.name()));
        m_statusStatus->setText(IncidentVocabulary::statusLabel(m_incident.status));
        m_statusStatus->setStyleSheet(QStringLiteral("QLabel { color: %1; font-weight: bold; }")
                                          .arg(KindStyle::statusColor(m_incident.status).name()));
    } else {
        m_clockLabel->clear();
        m_severityStatus->clear();
        m_severityStatus->setStyleSheet(QString());
        m_statusStatus->setText(tr("No incident open"));
        m_statusStatus->setStyleSheet(QString());
    }
    m_severityStatus->setVisible(have);
    updateActions();
}

void MainWindow::updateActions()
{
    const bool have = m_incidentId > 0;
    m_severityActions->setEnabled(have);
    m_statusActions->setEnabled(have);
    m_detailsAction->setEnabled(have);
    m_severityCombo->setEnabled(have);
    m_statusCombo->setEnabled(have);
    m_switchAction->setEnabled(m_incidents->rowCount() > 0);
}

bool MainWindow::runCommand(std::unique_ptr<StoreCommand> command)
{
    QUndoStack *stack = undoStack();
    if (!stack)
        return false;
    const StoreError error = StoreCommand::execute(*stack, std::move(command));
    refreshIncident(); // on failure the controls go back to what the database says
    return error.ok();
}

void MainWindow::setSeverity(Severity severity)
{
    if (m_incidentId <= 0)
        return;
    if (severity == m_incident.severity) {
        refreshIncident();
        return;
    }
    const Severity before = m_incident.severity;
    const bool done = runCommand(std::make_unique<SetSeverityCommand>(m_store, m_saveStatus, m_incidentId, severity,
                                                                      m_preferences.authorName()));
    // Lowering the severity is one chord (Ctrl+Alt+n): say so, and how to take it back.
    if (done && severity > before)
        statusBar()->showMessage(tr("Severity lowered from %1 to %2 — %3 undoes it")
                                     .arg(IncidentVocabulary::severityKey(before),
                                          IncidentVocabulary::severityKey(severity),
                                          m_undoAction->shortcut().toString(QKeySequence::NativeText)),
                                 15000);
}

void MainWindow::setStatus(IncidentStatus status)
{
    if (m_incidentId <= 0)
        return;
    if (status == m_incident.status) {
        refreshIncident();
        return;
    }
    if (m_incident.isResolved()) {
        reopen(status);
        return;
    }
    if (status != IncidentStatus::Resolved) {
        runCommand(std::make_unique<SetStatusCommand>(m_store, m_saveStatus, m_incidentId, status,
                                                      m_preferences.authorName()));
        return;
    }
    refreshIncident(); // the controls show the status until the checklist resolves it
    auto *dialog = new ResolveDialog(m_store, m_incidentId, m_preferences.authorName(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ResolveDialog::postmortemRequested, m_exports, [this] { m_exports->showPostmortem(); });
    connect(dialog, &ResolveDialog::resolved, this, [this] {
        // Its undo would rewrite a closed record: a resolve is taken back by reopening, with a reason.
        if (QUndoStack *stack = m_undoGroup->activeStack())
            stack->clear();
        m_saveStatus->reportSaved();
        refreshIncident();
        m_exports->offerPostmortem(); // the owner, when the checklist left it acknowledged
    });
    dialog->open();
}

void MainWindow::reopen(IncidentStatus status)
{
    refreshIncident();
    auto *ask = new QInputDialog(this);
    ask->setObjectName(QStringLiteral("reopenDialog"));
    ask->setAttribute(Qt::WA_DeleteOnClose);
    ask->setWindowTitle(tr("Reopen the incident"));
    ask->setLabelText(tr("The incident is resolved. Why is it reopened (as %1)? The reason goes on the timeline.")
                          .arg(IncidentVocabulary::statusLabel(status)));
    ask->setOkButtonText(tr("&Reopen"));
    connect(ask, &QInputDialog::textValueSelected, this, [this, status](const QString &reason) {
        if (StoreError error = m_store.resolution().reopen(m_incidentId, status, reason, m_preferences.authorName());
            !error.ok())
            showSaveError(error);
        else
            m_saveStatus->reportSaved();
        refreshIncident();
    });
    ask->open();
}

void MainWindow::newIncident()
{
    auto *dialog = new NewIncidentDialog(m_store, m_preferences.authorName(), this);
    m_roleTemplates->reload();
    dialog->setTemplates(m_roleTemplates->templates());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        m_saveStatus->reportSaved();
        const qint64 created = dialog->createdIncidentId();
        // The cadences the practice asks for at this severity (status updates, callouts, hand-over).
        if (auto incident = m_store.incidents().incident(created)) {
            auto timers = m_store.timers().startDefaults(
                created, TimerDefaults::forSeverity(incident->severity, m_preferences.timerDefaultOverrides()),
                m_preferences.authorName());
            if (!timers)
                showSaveError(timers.error());
        }
        openIncident(created);
        m_timeline->focusEntryAction()->trigger();
    });
    dialog->open();
}

void MainWindow::switchIncident()
{
    auto *dialog = new IncidentSwitcherDialog(*m_incidents, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &IncidentSwitcherDialog::incidentChosen, this, [this](qint64 incidentId) {
        openIncident(incidentId);
        m_timeline->focusEntryAction()->trigger();
    });
    dialog->open();
}

void MainWindow::editDetails()
{
    if (m_incidentId <= 0)
        return;
    auto *dialog = new IncidentDetailsDialog(m_incident.title, m_incident.summary, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const qint64 incidentId = m_incidentId;
    connect(dialog, &QDialog::accepted, this, [this, dialog, incidentId] {
        if (incidentId != m_incidentId)
            return;
        if (dialog->title() == m_incident.title && dialog->summary() == m_incident.summary)
            return;
        runCommand(std::make_unique<SetDetailsCommand>(m_store, m_saveStatus, incidentId, dialog->title(),
                                                       dialog->summary(), m_preferences.authorName()));
    });
    dialog->open();
}

// ---------------------------------------------------------------------------------------------
// Status bar

void MainWindow::showSaved(const QDateTime &atUtc)
{
    m_saveLabel->setEnabled(true);
    m_saveLabel->setText(tr("Saved %1").arg(atUtc.toLocalTime().toString(QStringLiteral("HH:mm:ss"))));
    m_saveLabel->setToolTip(tr("Every change shown here is committed to %1").arg(m_store.session().path()));
    m_saveLabel->setStyleSheet(QStringLiteral("QLabel { color: %1; }").arg(KindStyle::savedColor().name()));
}

void MainWindow::showSaveError(const StoreError &error)
{
    m_saveLabel->setEnabled(true);
    const QString text = tr("Not saved: %1").arg(error.message());
    m_saveLabel->setText(m_saveLabel->fontMetrics().elidedText(text, Qt::ElideRight, 520));
    m_saveLabel->setToolTip(text);
    m_saveLabel->setStyleSheet(
        QStringLiteral("QLabel { color: %1; font-weight: bold; }").arg(KindStyle::errorColor().name()));
}

// ---------------------------------------------------------------------------------------------
// Window state

void MainWindow::createWorkspaceMenu()
{
    m_workspaceMenu->addActions(m_workspaces->actions());
    m_workspaceMenu->insertSeparator(m_workspaces->followAction());
    m_workspaceMenu->addSeparator();
    m_workspaceMenu->addAction(m_resetLayoutAction);
}

void MainWindow::saveWindowState()
{
    m_settings.setValue(GeometryKey, saveGeometry());
    m_workspaces->saveCurrent();
    m_settings.sync();
}

void MainWindow::restoreWindowState()
{
    const QByteArray geometry = m_settings.value(GeometryKey).toByteArray();
    if (!geometry.isEmpty())
        restoreGeometry(geometry);
    else if (screen() && height() >= screen()->availableGeometry().height())
        setWindowState(windowState() | Qt::WindowMaximized); // a laptop screen: all of it, frame included
    fitToScreen();
    m_workspaces->restore(); // an older layout version gives the workspace's default
}

void MainWindow::fitToScreen()
{
    // A size saved on a bigger screen (or one unplugged since) must not run off this one's edges,
    // or the status bar with the incident clock is out of sight.
    const QScreen *shown = screen();
    if (!shown)
        return;
    const QRect available = shown->availableGeometry();
    if (isMaximized() || isFullScreen())
        return;
    const QMargins frame(geometry().left() - frameGeometry().left(), geometry().top() - frameGeometry().top(),
                         frameGeometry().right() - geometry().right(), frameGeometry().bottom() - geometry().bottom());
    const QSize room = available.size().shrunkBy(frame);
    const QSize fitted = size().boundedTo(room).expandedTo(minimumSizeHint().boundedTo(room));
    if (fitted != size())
        resize(fitted);
    QRect outer = frameGeometry();
    outer.moveLeft(
        qBound(available.left(), outer.left(), qMax(available.left(), available.right() - outer.width() + 1)));
    outer.moveTop(qBound(available.top(), outer.top(), qMax(available.top(), available.bottom() - outer.height() + 1)));
    if (outer.topLeft() != frameGeometry().topLeft())
        move(outer.topLeft());
}

void MainWindow::resetLayout()
{
    m_workspaces->resetCurrent();
    m_toolBar->show();
}

void MainWindow::followUserRoles()
{
    if (m_incidentId <= 0)
        return;
    auto roles = m_store.roles().list(m_incidentId);
    if (!roles)
        return;
    QStringList held;
    const QString me = m_preferences.authorName();
    for (const IncidentRole &role : *roles) {
        for (const RoleHolder &holder : role.holders) {
            if (holder.handle.compare(me, Qt::CaseInsensitive) == 0 ||
                holder.name.compare(me, Qt::CaseInsensitive) == 0)
                held << role.definition.key;
        }
    }
    m_workspaces->rolesChanged(held);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveWindowState();
    m_preferences.sync();
    event->accept();
}

// ---------------------------------------------------------------------------------------------
void MainWindow::editTimerDefaults()
{
    auto *dialog = new TimerDefaultsDialog(m_preferences, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (m_incidentId > 0)
        dialog->setSeverity(m_incident.severity);
    dialog->open();
}

void MainWindow::composeStatusReport()
{
    QUndoStack *stack = undoStack();
    if (m_incidentId <= 0 || !stack)
        return;
    auto *dialog =
        new StatusReportDialog(m_store, m_clock, *stack, *m_saveStatus, m_incidentId, m_preferences.authorName(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

// Help

void MainWindow::showShortcuts()
{
    QList<ShortcutsDialog::Group> groups;
    groups << ShortcutsDialog::Group{plain(m_fileMenu->title()), m_fileMenu->actions()};
    groups << ShortcutsDialog::Group{plain(m_editMenu->title()), m_editMenu->actions()};
    groups << ShortcutsDialog::Group{plain(m_severityMenu->title()), m_severityActions->actions()};
    QList<QAction *> incident = m_statusActions->actions();
    incident << m_detailsAction;
    groups << ShortcutsDialog::Group{plain(m_incidentMenu->title()), incident};
    QList<QAction *> timeline{m_timeline->focusEntryAction(), m_timeline->focusTimelineAction(),
                              m_timeline->findAction()};
    timeline << m_timeline->kindActions();
    groups << ShortcutsDialog::Group{tr("Timeline"), timeline};
    groups << ShortcutsDialog::Group{plain(m_rolesMenu->title()), m_rolesMenu->actions()};
    groups << ShortcutsDialog::Group{plain(m_timersMenu->title()), m_timersMenu->actions()};
    groups << ShortcutsDialog::Group{plain(m_rollCallMenu->title()), m_rollCallMenu->actions()};
    groups << ShortcutsDialog::Group{plain(m_helpMenu->title()), m_helpMenu->actions()};
    auto *dialog = new ShortcutsDialog(groups, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void MainWindow::showAbout()
{
    auto *box = new QMessageBox(this);
    box->setObjectName(QStringLiteral("aboutBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowTitle(tr("About CommandPost"));
    box->setIconPixmap(QIcon(QStringLiteral(":/icons/commandpost.svg")).pixmap(64, 64));
    box->setText(tr("<b>CommandPost %1</b>").arg(QCoreApplication::applicationVersion()));
    box->setInformativeText(tr("An incident command console that works offline. Every entry is committed to the "
                               "local database before the window says it is saved.<br><br>Database: %1")
                                .arg(m_store.session().path().toHtmlEscaped()));
    box->setStandardButtons(QMessageBox::Close);
    box->open();
}

TraineeNotes *MainWindow::traineeNotes()
{
    if (!m_notes) {
        auto notes = std::make_unique<TraineeNotes>(m_clock);
        if (StoreError error = notes->open(TraineeNotes::defaultPath()); !error.ok()) {
            statusBar()->showMessage(error.message(), 8000);
            return nullptr;
        }
        m_notes = std::move(notes);
    }
    return m_notes.get();
}

ShadowWindow *MainWindow::shadowWindow() const
{
    return m_shadow;
}

void MainWindow::showShadowView()
{
    if (!m_shadow) {
        m_shadow = new ShadowWindow(m_store, m_clock, traineeNotes(), this);
        m_shadow->moveToScreen(ShadowWindow::preferredScreen());
    }
    if (m_shadow->incidentId() != m_incidentId)
        m_shadow->setIncident(m_incidentId);
    m_shadow->show();
    m_shadow->raise();
    m_shadow->activateWindow();
}

void MainWindow::replayIncident()
{
    auto *picker = new ReplayPickerDialog(m_store, this);
    picker->setAttribute(Qt::WA_DeleteOnClose);
    connect(picker, &QDialog::accepted, this, [this, picker] {
        QString error;
        ShadowWindow *replay = openReplayWindow(m_store, m_clock, traineeNotes(), picker->incidentId(), this, &error);
        if (!replay) {
            statusBar()->showMessage(error, 8000);
            return;
        }
        replay->moveToScreen(ShadowWindow::preferredScreen());
        replay->show();
    });
    picker->open();
}

} // namespace cp
