#pragma once

#include <QObject>

class QAction;
class QMenu;

namespace cp {

class MainWindow;
class Preferences;

// The menu bar: File, Edit, Incident, Roles, Timers, Roll call, View, Help, filled with the
// docks' and the window's actions (so a menu shows each one's key), and the few actions that
// only the menus hold: Quit, Keyboard shortcuts (F1, read from the menus themselves), Timer
// defaults and About.
class MainMenus final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainMenus)

public:
    MainMenus(MainWindow &window, Preferences &preferences);

    void showShortcuts();
    void editTimerDefaults();
    void showAbout();

    void retranslateUi();

private:
    void createActions();
    QMenu *addMenu(const char *name);
    void fillFile();
    void fillEdit();
    void fillIncident();
    void fillRoles();
    void fillTimers();
    void fillRollCall();
    void fillView();
    void fillHelp();

    MainWindow &m_window;
    Preferences &m_preferences;
    QAction *m_quitAction = nullptr;
    QAction *m_shortcutsAction = nullptr;
    QAction *m_timerDefaultsAction = nullptr;
    QAction *m_aboutAction = nullptr;

    QMenu *m_fileMenu = nullptr;
    QMenu *m_editMenu = nullptr;
    QMenu *m_incidentMenu = nullptr;
    QMenu *m_severityMenu = nullptr;
    QMenu *m_statusMenu = nullptr;
    QMenu *m_rolesMenu = nullptr;
    QMenu *m_timersMenu = nullptr;
    QMenu *m_rollCallMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_workspaceMenu = nullptr;
    QMenu *m_kindMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
};

} // namespace cp
