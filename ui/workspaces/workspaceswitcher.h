#pragma once

#include "workspace.h"

#include <QObject>
#include <QSize>

#include <optional>

class QAction;
class QActionGroup;
class QMainWindow;
class QSettings;

namespace cp {

// Switches the window between the workspaces in one keystroke (View ▸ Workspace, Alt+1 … Alt+4).
// The layout a user makes of a workspace is kept per workspace in the settings and comes back
// the next time it is chosen; Reset brings back its default arrangement. While following roles
// (the default), the window switches to the workspace of the role its user takes on; choosing a
// workspace by hand stops that until "Follow my role" is chosen again.
class WorkspaceSwitcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkspaceSwitcher)

public:
    WorkspaceSwitcher(QMainWindow &window, QSettings &settings, int layoutVersion, QObject *parent = nullptr);

    Workspace current() const { return m_current; }
    // Keeps the current layout under the current workspace and shows the other one.
    void switchTo(Workspace workspace);
    // The current workspace's default arrangement; the user's version of it is forgotten.
    void resetCurrent();
    // Keeps the current layout in the settings (also done on every switch).
    void saveCurrent();
    // At start: the workspace last shown, as the user left it (or its default).
    void restore();

    bool followsRole() const;
    void setFollowsRole(bool follow);
    // The roles the user holds changed: follow them when following and they name a workspace.
    void rolesChanged(const QStringList &roleKeys);

    QList<QAction *> actions() const; // one per workspace, then "Follow my role"
    QAction *action(Workspace workspace) const;
    QAction *followAction() const { return m_followAction; }
    QAction *resetAction() const { return m_resetAction; } // resetCurrent()

    void retranslateUi();

signals:
    void switched(Workspace workspace);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void show(Workspace workspace);
    void arrangeDefault(Workspace workspace);
    // Still as arrangeDefault(workspace) left it, for the window's present size.
    bool arrangedAsDefault(Workspace workspace) const;
    QString structure() const;
    bool pristine() const;
    QString stateKey(Workspace workspace) const;

    QMainWindow &m_window;
    QSettings &m_settings;
    const int m_layoutVersion;
    Workspace m_current = Workspace::Commander;
    QActionGroup *m_group;
    QAction *m_followAction;
    QAction *m_resetAction;
    // While the default arrangement is untouched (the same docks where it put them, no separator
    // dragged) it follows the window's size.
    QString m_defaultStructure;
    bool m_separatorDragged = true;
    int m_defaultShape = 0;
    std::optional<Workspace> m_arranged; // the workspace arrangeDefault last arranged
    QSize m_arrangedSize;                // the window's size then
};

} // namespace cp
