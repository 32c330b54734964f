#pragma once

#include "db/storeerror.h"
#include "domain/incident.h"

#include <QHash>
#include <QMainWindow>

#include <memory>

class QAction;
class QSettings;
class QUndoGroup;
class QUndoStack;

namespace cp {

class ActionsDock;
class BackupActions;
class BusinessDock;
class CallScriptDock;
class Clock;
class CommsDock;
class ExportActions;
class IncidentActions;
class IncidentListModel;
class IncidentSession;
class IncidentStatusBar;
class IncidentStore;
class IncidentToolBar;
class MainMenus;
class Preferences;
class RoleChartDock;
class RoleTemplateLibrary;
class RollCallDock;
class RosterDock;
class SaveStatus;
class StoreWriter;
class ServerActions;
class ShadowActions;
class ShadowWindow;
class TimelineDock;
class TimerModel;
class TimerService;
class TimersDock;
class WindowPlacement;
class WorkspaceSwitcher;

// The console's window: the composition of its parts. A frame of docks (each a QDockWidget with
// a stable object name and a View menu toggle) arranged by the workspace, the incident toolbar,
// the menus, the status bar with the incident clock and the save indicator, and one undo stack
// per incident. Opening an incident hands it to every part.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    // Bump when docks are added or renamed, so an old saved layout is not applied to a new frame.
    static constexpr int LayoutVersion = 6;

    MainWindow(IncidentStore &store, const Clock &clock, Preferences &preferences, QSettings &settings,
               QWidget *parent = nullptr);
    ~MainWindow() override;

    // Shows an incident; false (and an error in the status bar) when it cannot be read.
    bool openIncident(qint64 incidentId);
    qint64 currentIncidentId() const { return m_incidentId; }
    const Incident *currentIncident() const { return m_incidentId > 0 ? &m_incident : nullptr; }
    // The incident opened at start: the last one shown (on a team server, the last one shown from
    // it), else the most severe open one.
    void openInitialIncident();
    // Team mode: the window opened before its server first answered; until then it shows the
    // incident last shown from that server as remembered, and only the quick entry works (its
    // lines wait in the outbox). The first answer loads everything.
    bool isWaitingForServer() const { return m_waitingForServer; }

    TimelineDock *timelineDock() const { return m_timeline; }
    RoleChartDock *roleChartDock() const { return m_roleChart; }
    RosterDock *rosterDock() const { return m_roster; }
    TimersDock *timersDock() const { return m_timers; }
    RollCallDock *rollCallDock() const { return m_rollCall; }
    ActionsDock *actionsDock() const { return m_actions; }
    CallScriptDock *callScriptDock() const { return m_callScript; }
    CommsDock *commsDock() const { return m_comms; }
    BusinessDock *businessDock() const { return m_business; }
    QList<QDockWidget *> docks() const;

    IncidentActions *incidentActions() const { return m_incidentActions; } // declare, switch, severity, status
    ExportActions *exportActions() const { return m_exports; }             // File ▸ Export, Print, the postmortem
    BackupActions *backupActions() const { return m_backups; }             // File ▸ Back up…, Restore…
    ShadowActions *shadowActions() const { return m_shadowActions; }       // the shadow view and replay
    ServerActions *serverActions() const { return m_serverActions; }       // File ▸ Connect to a team server…
    ShadowWindow *shadowWindow() const;
    MainMenus *menus() const { return m_menus; }
    IncidentToolBar *incidentToolBar() const { return m_toolBar; }
    QAction *undoAction() const { return m_undoAction; }
    QAction *redoAction() const { return m_redoAction; }
    QUndoStack *undoStack() const;                                // the current incident's; null without one
    IncidentSession *currentSession() const { return m_session; } // null without an incident
    QUndoGroup *undoGroup() const { return m_undoGroup; }
    SaveStatus *saveStatus() const { return m_saveStatus; }
    TimerService *timerService() const { return m_timerService; } // runs every incident's timers
    TimerModel *timerModel() const { return m_timerModel; }       // the incident's: board and status bar
    QString databasePath() const;

    // The geometry and the current workspace's layout; restoring fits the window to its screen.
    void saveWindowState();
    void restoreWindowState();
    WorkspaceSwitcher *workspaces() const { return m_workspaces; }

    void retranslateUi();

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void createDocks();
    void createParts();
    void connectParts();
    void followUserRoles();
    void refreshIncident();
    IncidentSession *sessionFor(qint64 incidentId);
    // The incident from the store, or while waiting for the server as remembered.
    Result<Incident> readIncident(qint64 incidentId) const;
    // The server's first answer after an opening without it: the incidents and the docks are read.
    void loadFromServer();
    QString serverName() const; // login@host:port/db on a team server; empty on a file

    IncidentStore &m_store;
    const Clock &m_clock;
    Preferences &m_preferences;
    QSettings &m_settings;
    IncidentListModel *m_incidents;
    SaveStatus *m_saveStatus;
    std::unique_ptr<StoreWriter> m_writer; // how the window writes; every session writes through it
    TimerService *m_timerService;
    TimerModel *m_timerModel;
    QUndoGroup *m_undoGroup;
    QHash<qint64, IncidentSession *> m_sessions; // one per incident opened: each keeps its undo stack
    IncidentSession *m_session = nullptr;
    qint64 m_incidentId = 0;
    Incident m_incident;
    bool m_waitingForServer = false;

    std::unique_ptr<RoleTemplateLibrary> m_roleTemplates;
    TimelineDock *m_timeline = nullptr;
    RoleChartDock *m_roleChart = nullptr;
    RosterDock *m_roster = nullptr;
    TimersDock *m_timers = nullptr;
    RollCallDock *m_rollCall = nullptr;
    ActionsDock *m_actions = nullptr;
    CallScriptDock *m_callScript = nullptr;
    CommsDock *m_comms = nullptr;
    BusinessDock *m_business = nullptr;

    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    ExportActions *m_exports = nullptr;
    BackupActions *m_backups = nullptr;
    IncidentActions *m_incidentActions = nullptr;
    ShadowActions *m_shadowActions = nullptr;
    ServerActions *m_serverActions = nullptr;
    IncidentToolBar *m_toolBar = nullptr;
    IncidentStatusBar *m_statusBar = nullptr;
    WorkspaceSwitcher *m_workspaces = nullptr;
    std::unique_ptr<WindowPlacement> m_placement;
    MainMenus *m_menus = nullptr;
};

} // namespace cp
