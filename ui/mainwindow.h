#pragma once

#include "db/storeerror.h"
#include "domain/incident.h"

#include <QHash>
#include <QMainWindow>

#include <memory>

class QAction;
class QActionGroup;
class QComboBox;
class QLabel;
class QMenu;
class QSettings;
class QToolBar;
class QUndoGroup;
class QUndoStack;

namespace cp {

class Clock;
class IncidentClockLabel;
class IncidentListModel;
class IncidentStore;
class Preferences;
class RoleChartDock;
class RoleTemplateLibrary;
class BackupActions;
class RosterDock;
class ExportActions;
class SaveStatus;
class StoreCommand;
class TimelineDock;
class TimersDock;
class ShadowWindow;
class TraineeNotes;
class RollCallDock;
class ActionsDock;
class CallScriptDock;
class CommsDock;
class BusinessDock;
class WorkspaceSwitcher;

// The console's window: a frame of docks (each a QDockWidget with a stable object name and a
// View menu toggle), the incident toolbar, the status bar with the incident clock and the
// save indicator, and one undo stack per incident.
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
    // The incident opened at start: the last one shown, else the most severe open one.
    void openInitialIncident();

    TimelineDock *timelineDock() const { return m_timeline; }
    RoleChartDock *roleChartDock() const { return m_roleChart; }
    RosterDock *rosterDock() const { return m_roster; }
    ExportActions *exportActions() const { return m_exports; } // File ▸ Export, Print, the postmortem
    TimersDock *timersDock() const { return m_timers; }
    RollCallDock *rollCallDock() const { return m_rollCall; }
    ActionsDock *actionsDock() const { return m_actions; }
    CallScriptDock *callScriptDock() const { return m_callScript; }
    CommsDock *commsDock() const { return m_comms; }
    BusinessDock *businessDock() const { return m_business; }
    QUndoStack *undoStack() const; // the current incident's; null without one
    QUndoGroup *undoGroup() const { return m_undoGroup; }
    SaveStatus *saveStatus() const { return m_saveStatus; }
    BackupActions *backupActions() const { return m_backups; } // File ▸ Back up…, Restore… (#8)
    QList<QDockWidget *> docks() const;

    // The geometry and the current workspace's layout; restoring fits the window to its screen.
    void saveWindowState();
    void restoreWindowState();
    void resetLayout(); // the current workspace's default layout
    WorkspaceSwitcher *workspaces() const { return m_workspaces; }

    // Menu entry points (also what the shortcuts trigger).
    void newIncident();
    void switchIncident();
    void editDetails();
    void setSeverity(Severity severity);
    // Resolved opens the resolve checklist; leaving Resolved asks for the reason to reopen.
    void setStatus(IncidentStatus status);
    void showShortcuts();
    void editTimerDefaults();
    void composeStatusReport(); // the status-report composer (#5)
    void showAbout();
    // The read-only, large-type shadow view of the current incident (View ▸ Shadow view, F8), on
    // the second screen when there is one; and a training replay of a resolved incident.
    void showShadowView();
    void replayIncident();
    ShadowWindow *shadowWindow() const;

    void retranslateUi();

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void reopen(IncidentStatus status);
    void createActions();
    void createMenus();
    void createToolBar();
    void createStatusBar();
    void createDocks();
    void createWorkspaceMenu();
    void fitToScreen();
    void followUserRoles();
    void refreshIncident();
    void updateActions();
    bool runCommand(std::unique_ptr<StoreCommand> command);
    QUndoStack *stackFor(qint64 incidentId);
    void showSaved(const QDateTime &atUtc);
    void showSaveError(const StoreError &error);

    IncidentStore &m_store;
    const Clock &m_clock;
    Preferences &m_preferences;
    QSettings &m_settings;
    IncidentListModel *m_incidents;
    SaveStatus *m_saveStatus;
    QUndoGroup *m_undoGroup;
    QHash<qint64, QUndoStack *> m_stacks;
    qint64 m_incidentId = 0;
    Incident m_incident;
    WorkspaceSwitcher *m_workspaces = nullptr;
    QMenu *m_workspaceMenu = nullptr;

    TimelineDock *m_timeline = nullptr;
    std::unique_ptr<RoleTemplateLibrary> m_roleTemplates;
    RoleChartDock *m_roleChart = nullptr;
    RosterDock *m_roster = nullptr;
    ExportActions *m_exports = nullptr; // exports, print and the postmortem (#7)
    BackupActions *m_backups = nullptr;
    QMenu *m_rolesMenu = nullptr;
    QLabel *m_vacancyLabel = nullptr;
    TimersDock *m_timers = nullptr;
    CommsDock *m_comms = nullptr;       // business incident mode (#9)
    BusinessDock *m_business = nullptr; // business incident mode (#9)
    QMenu *m_timersMenu = nullptr;
    RollCallDock *m_rollCall = nullptr; // roll call, missed list (#5)
    ActionsDock *m_actions = nullptr;   // actions and decisions (#5)
    QMenu *m_rollCallMenu = nullptr;
    CallScriptDock *m_callScript = nullptr;
    QAction *m_statusReportAction = nullptr;
    QLabel *m_nextTimerLabel = nullptr;

    QMenu *m_fileMenu = nullptr;
    QMenu *m_editMenu = nullptr;
    QMenu *m_incidentMenu = nullptr;
    QMenu *m_severityMenu = nullptr;
    QMenu *m_statusMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
    QToolBar *m_toolBar = nullptr;

    QAction *m_newAction = nullptr;
    QAction *m_switchAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QAction *m_detailsAction = nullptr;
    QActionGroup *m_severityActions = nullptr;
    QActionGroup *m_statusActions = nullptr;
    QAction *m_resetLayoutAction = nullptr;
    QAction *m_shortcutsAction = nullptr;
    QAction *m_timerDefaultsAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_shadowAction = nullptr;
    QAction *m_replayAction = nullptr;
    ShadowWindow *m_shadow = nullptr;
    std::unique_ptr<TraineeNotes> m_notes; // the trainee's notebook, opened with the first shadow view
    TraineeNotes *traineeNotes();

    QComboBox *m_incidentCombo = nullptr;
    QComboBox *m_severityCombo = nullptr;
    QComboBox *m_statusCombo = nullptr;
    QLabel *m_incidentLabel = nullptr;
    QLabel *m_severityLabel = nullptr;
    QLabel *m_statusLabel = nullptr;

    IncidentClockLabel *m_clockLabel = nullptr;
    QLabel *m_severityStatus = nullptr;
    QLabel *m_statusStatus = nullptr;
    QLabel *m_saveLabel = nullptr;
    QLabel *m_wallClock = nullptr;
};

} // namespace cp
