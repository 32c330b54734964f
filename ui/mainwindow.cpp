#include "mainwindow.h"

#include "backupactions.h"
#include "db/incidentstore.h"
#include "docks/actionsdock.h"
#include "docks/businessdock.h"
#include "docks/callscriptdock.h"
#include "docks/commsdock.h"
#include "docks/rolechartdock.h"
#include "docks/rollcalldock.h"
#include "docks/rosterdock.h"
#include "docks/timelinedock.h"
#include "docks/timersdock.h"
#include "domain/roletemplate.h"
#include "exportactions.h"
#include "models/incidentlistmodel.h"
#include "models/missedmodel.h"
#include "models/timermodel.h"
#include "preferences.h"
#include "resources.h"
#include "session/incidentsession.h"
#include "session/storewriter.h"
#include "timers/timerservice.h"
#include "undo/savestatus.h"
#include "widgets/damagedfilenotice.h"
#include "widgets/deferredicon.h"
#include "widgets/dialogkeys.h"
#include "widgets/startuptrace.h"
#include "widgets/timeralert.h"
#include "window/incidentactions.h"
#include "window/incidentstatusbar.h"
#include "window/incidenttoolbar.h"
#include "window/mainmenus.h"
#include "window/serveractions.h"
#include "window/shadowactions.h"
#include "workspaces/windowplacement.h"
#include "workspaces/workspaceswitcher.h"

#include <QAction>
#include <QCloseEvent>
#include <QUndoGroup>
#include <QUndoStack>

namespace cp {

MainWindow::MainWindow(IncidentStore &store, const Clock &clock, Preferences &preferences, QSettings &settings,
                       QWidget *parent)
    : QMainWindow(parent), m_store(store), m_clock(clock), m_preferences(preferences), m_settings(settings),
      m_incidents(new IncidentListModel(store, this)), m_saveStatus(new SaveStatus(clock, this)),
      m_writer(std::make_unique<StoreWriter>(store, *m_saveStatus, preferences)),
      m_timerService(new TimerService(store, clock, this)), m_timerModel(new TimerModel(store, this)),
      m_undoGroup(new QUndoGroup(this))
{
    initResources();
    DialogKeys::installCtrlEnterCommits();
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(deferredIcon(QStringLiteral(":/icons/commandpost.svg")));
    setDockNestingEnabled(true);
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowNestedDocks | QMainWindow::AllowTabbedDocks |
                   QMainWindow::GroupedDragging);

    StartupTrace::mark("window: models");
    createDocks();
    createParts();
    StartupTrace::mark("window: toolbar, status bar, actions");
    resize(WindowPlacement::defaultSize(screen()));
    m_workspaces = new WorkspaceSwitcher(*this, m_settings, LayoutVersion, this); // arranges the default
    m_placement = std::make_unique<WindowPlacement>(*this, m_settings, *m_workspaces);
    StartupTrace::mark("window: workspace arranged");
    m_menus = new MainMenus(*this, m_preferences);
    connectParts();
    retranslateUi();
    refreshIncident();
    StartupTrace::mark("window: menus, texts");
}

MainWindow::~MainWindow() = default;

void MainWindow::createDocks()
{
    // The docks fill the frame; there is no central widget to leave an empty hole. Where each
    // dock sits is the workspace's business (WorkspaceLayout).
    m_roleTemplates = std::make_unique<RoleTemplateLibrary>();
    m_timeline = new TimelineDock(m_store, m_clock, m_preferences, this);
    StartupTrace::mark("dock: timeline");
    m_roleChart = new RoleChartDock(m_store, m_clock, *m_roleTemplates, this);
    StartupTrace::mark("dock: role chart");
    m_roster = new RosterDock(*m_writer, this);
    StartupTrace::mark("dock: roster");
    m_timers = new TimersDock(m_store, m_clock, m_preferences, *m_timerModel, *m_timerService, this);
    StartupTrace::mark("dock: timers");
    m_rollCall = new RollCallDock(m_store, m_clock, this);
    StartupTrace::mark("dock: roll call");
    m_actions = new ActionsDock(m_store, this);
    StartupTrace::mark("dock: actions");
    m_callScript = new CallScriptDock(m_store, m_clock, this);
    StartupTrace::mark("dock: call script");
    m_comms = new CommsDock(m_store, this);
    StartupTrace::mark("dock: comms");
    m_business = new BusinessDock(m_store, *m_roleTemplates, this);
    StartupTrace::mark("dock: business");
    for (QDockWidget *dock : docks())
        addDockWidget(Qt::LeftDockWidgetArea, dock);
}

void MainWindow::createParts()
{
    m_undoAction = m_undoGroup->createUndoAction(this);
    m_undoAction->setObjectName(QStringLiteral("undoAction"));
    m_undoAction->setIcon(deferredIcon(QStringLiteral(":/icons/undo.svg")));
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_redoAction = m_undoGroup->createRedoAction(this);
    m_redoAction->setObjectName(QStringLiteral("redoAction"));
    m_redoAction->setIcon(deferredIcon(QStringLiteral(":/icons/redo.svg")));
    m_redoAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});

    m_exports = new ExportActions(*m_writer, m_clock, m_preferences, this);
    m_backups = new BackupActions(m_store, m_clock, this);
    m_incidentActions = new IncidentActions(
        {m_store, m_clock, m_preferences, *m_writer, *m_incidents, *m_roleTemplates, *m_exports}, *this);
    m_shadowActions = new ShadowActions(m_store, m_clock, *this);
    m_serverActions = new ServerActions(m_preferences, *this);
    m_toolBar = new IncidentToolBar(
        *m_incidents, {m_incidentActions->newAction(), m_incidentActions->switchAction(), m_undoAction, m_redoAction},
        this);
    addToolBar(m_toolBar);
    m_statusBar = new IncidentStatusBar(m_clock, m_store.session().path(), this);
    m_statusBar->addNotice(new DamagedFileNotice(m_store.session(), m_statusBar));
    setStatusBar(m_statusBar);
}

void MainWindow::connectParts()
{
    connect(m_saveStatus, &SaveStatus::saved, m_statusBar, &IncidentStatusBar::showSaved);
    connect(m_saveStatus, &SaveStatus::failed, m_statusBar, &IncidentStatusBar::showSaveError);
    m_statusBar->showClockOffset(m_store.session().serverClockOffsetMs());
    connect(&m_store.session(), &StoreSession::serverClockOffsetChanged, m_statusBar,
            &IncidentStatusBar::showClockOffset);
    if (m_store.session().isServer()) {
        const ServerLink &link = m_store.session().link();
        const QString server = m_store.session().serverAddress().displayName();
        m_statusBar->showLink(link, server);
        connect(&link, &ServerLink::changed, m_statusBar,
                [this, &link, server] { m_statusBar->showLink(link, server); });
        m_waitingForServer = !link.hasConnected();
        connect(&link, &ServerLink::stateChanged, this, [this](ServerLink::State state) {
            if (state == ServerLink::State::Connected && m_waitingForServer)
                loadFromServer();
        });
    }
    connect(m_roleChart, &RoleChartDock::vacanciesChanged, m_statusBar, &IncidentStatusBar::showVacancies);
    // The countdowns move with the service's beat, docked or not; the status bar reads the model.
    connect(m_timerService, &TimerService::ticked, m_timerModel, &TimerModel::refreshRemaining);
    const auto showNextDue = [this] {
        m_statusBar->showNextDue(m_timerModel->nextDueText(), m_timerModel->hasOverdue());
    };
    showNextDue();
    connect(m_timerModel, &TimerModel::nextDueChanged, m_statusBar, showNextDue);

    const auto showMessage = [this](const QString &text, int timeoutMs) { m_statusBar->showMessage(text, timeoutMs); };
    connect(m_incidentActions, &IncidentActions::message, this, showMessage);
    connect(m_shadowActions, &ShadowActions::message, this, showMessage);
    // The window's docks keep their store: on another server, the program opens another window.
    connect(m_serverActions, &ServerActions::connected, this, &QWidget::close);
    connect(m_incidentActions, &IncidentActions::refreshRequested, this, &MainWindow::refreshIncident);
    connect(m_incidentActions, &IncidentActions::openRequested, this, [this](qint64 incidentId) {
        openIncident(incidentId);
        m_timeline->focusEntryAction()->trigger();
    });
    connect(m_timeline, &TimelineDock::declareIncidentRequested, m_incidentActions, &IncidentActions::newIncident);
    connect(m_toolBar, &IncidentToolBar::incidentChosen, this, [this](qint64 incidentId) {
        if (incidentId != m_incidentId)
            openIncident(incidentId);
    });
    connect(m_toolBar, &IncidentToolBar::severityChosen, m_incidentActions, &IncidentActions::setSeverity);
    connect(m_toolBar, &IncidentToolBar::statusChosen, m_incidentActions, &IncidentActions::setStatus);
    connect(m_workspaces->resetAction(), &QAction::triggered, m_toolBar, &QWidget::show);

    connect(m_rollCall, &RollCallDock::actionCreated, m_actions, &ActionsDock::selectAction);
    // The two meanings of "action" meet: a logged one is offered as a tracked one, a chord away.
    connect(m_timeline, &TimelineDock::actionLogged, this, [this](const QString &text) {
        if (m_actions->offerAction(text))
            m_statusBar->showMessage(
                tr("Logged. To track it as an action with an owner: %1, then Enter")
                    .arg(m_actions->focusLineAction()->shortcut().toString(QKeySequence::NativeText)),
                15000);
    });
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

    connect(&m_store.incidents(), &IncidentRepository::incidentChanged, this, [this](qint64 incidentId) {
        if (incidentId == m_incidentId)
            refreshIncident();
    });
    connect(&m_store.incidents(), &IncidentRepository::incidentAdded, this, [this](qint64 incidentId) {
        if (m_incidentId == 0) // declared elsewhere (the CLI) while this window had none
            openIncident(incidentId);
    });
    connect(&m_store.roles(), &RoleRepository::roleChanged, this, [this](qint64 incidentId) {
        if (incidentId == m_incidentId)
            followUserRoles();
    });
    connect(&m_store.session(), &StoreSession::stampedAuthorChanged, this, &MainWindow::followUserRoles);
}

QList<QDockWidget *> MainWindow::docks() const
{
    return findChildren<QDockWidget *>(QString(), Qt::FindDirectChildrenOnly);
}

ShadowWindow *MainWindow::shadowWindow() const
{
    return m_shadowActions->shadowWindow();
}

QString MainWindow::databasePath() const
{
    return m_store.session().path();
}

void MainWindow::retranslateUi()
{
    m_menus->retranslateUi();
    m_exports->retranslateUi();
    m_backups->retranslateUi();
    m_incidentActions->retranslateUi();
    m_shadowActions->retranslateUi();
    m_serverActions->retranslateUi();
    m_workspaces->retranslateUi();
    m_toolBar->retranslateUi();
    m_statusBar->retranslateUi();
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

IncidentSession *MainWindow::sessionFor(qint64 incidentId)
{
    if (IncidentSession *session = m_sessions.value(incidentId))
        return session;
    auto *session = new IncidentSession(incidentId, *m_writer, *m_undoGroup, this);
    m_sessions.insert(incidentId, session);
    return session;
}

QUndoStack *MainWindow::undoStack() const
{
    return m_undoGroup->activeStack();
}

QString MainWindow::serverName() const
{
    return m_store.session().isServer() ? m_store.session().serverAddress().keyringKey() : QString();
}

Result<Incident> MainWindow::readIncident(qint64 incidentId) const
{
    auto incident = m_store.incidents().incident(incidentId);
    if (!incident && m_waitingForServer && incident.error().code() == StoreError::Code::Unreachable) {
        if (auto remembered = m_preferences.lastServerIncident(serverName());
            remembered && remembered->id == incidentId)
            return *remembered;
    }
    return incident;
}

void MainWindow::loadFromServer()
{
    m_waitingForServer = false;
    m_incidents->reload();
    // The incident shown from memory is read now, and every dock with it; gone from the server
    // meanwhile: the one a start would choose.
    if (m_incidentId > 0 && openIncident(m_incidentId))
        return;
    openInitialIncident();
}

bool MainWindow::openIncident(qint64 incidentId)
{
    auto incident = readIncident(incidentId);
    if (!incident) {
        m_statusBar->showSaveError(incident.error());
        return false;
    }
    m_incidentId = incidentId;
    m_incident = *incident;
    m_session = sessionFor(incidentId);
    m_undoGroup->setActiveStack(&m_session->undoStack());
    m_timerModel->setIncident(incidentId);
    m_timeline->setSession(m_session);
    m_roleChart->setSession(m_session);
    m_roster->setSession(m_session);
    m_timers->setSession(m_session);
    m_rollCall->setSession(m_session);
    m_exports->setIncident(incidentId);
    m_actions->setSession(m_session);
    m_callScript->setSession(m_session);
    m_comms->setSession(m_session);
    m_business->setSession(m_session);
    m_incidentActions->setSession(m_session);
    m_shadowActions->setIncident(incidentId);
    m_preferences.setLastIncidentId(incidentId);
    refreshIncident();
    followUserRoles();
    return true;
}

void MainWindow::openInitialIncident()
{
    const auto remembered = m_preferences.lastServerIncident(serverName());
    const qint64 last =
        m_store.session().isServer() ? (remembered ? remembered->id : 0) : m_preferences.lastIncidentId();
    if (last > 0 && (m_incidents->rowOfIncident(last) >= 0 || m_waitingForServer) && openIncident(last))
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
        if (auto incident = m_store.incidents().incident(m_incidentId)) {
            m_incident = *incident;
            if (m_store.session().isServer())
                m_preferences.setLastServerIncident(serverName(), m_incident);
        }
    }
    const Incident *shown = currentIncident();
    // Two windows, one on a file and one on a server (or two servers), tell themselves apart. The
    // application's name goes last: Qt adds it to a title that does not end with it.
    const QString server = m_store.session().isServer() ? m_store.session().serverAddress().displayName() : QString();
    if (server.isEmpty())
        setWindowTitle(shown ? tr("%1 — CommandPost").arg(shown->title) : tr("CommandPost"));
    else
        setWindowTitle(shown ? tr("%1 — team: %2 — CommandPost").arg(shown->title, server)
                             : tr("Team: %1 — CommandPost").arg(server));
    m_toolBar->showIncident(shown);
    m_statusBar->showIncident(shown);
    m_incidentActions->showIncident(shown);
}

// The window follows the role its user holds (where the workspace is left to follow it).
void MainWindow::followUserRoles()
{
    if (m_incidentId <= 0)
        return;
    auto roles = m_store.roles().list(m_incidentId);
    if (!roles)
        return;
    QStringList held;
    const QString me = m_writer->author();
    for (const IncidentRole &role : *roles) {
        for (const RoleHolder &holder : role.holders) {
            if (holder.handle.compare(me, Qt::CaseInsensitive) == 0 ||
                holder.name.compare(me, Qt::CaseInsensitive) == 0)
                held << role.definition.key;
        }
    }
    m_workspaces->rolesChanged(held);
}

// ---------------------------------------------------------------------------------------------
// Window state

void MainWindow::saveWindowState()
{
    m_placement->save();
}

void MainWindow::restoreWindowState()
{
    m_placement->restore();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveWindowState();
    m_preferences.sync();
    event->accept();
}

} // namespace cp
