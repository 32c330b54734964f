#pragma once

#include <QSize>

class QMainWindow;
class QScreen;
class QSettings;

namespace cp {

class WorkspaceSwitcher;

// Where the window sits and how big it is, kept between runs with the workspace's layout, and
// fitted to the screen it opens on: a size saved on a bigger monitor (or one unplugged since)
// never runs off a laptop's edges, so the status bar with the incident clock stays in view.
class WindowPlacement final
{
public:
    WindowPlacement(QMainWindow &window, QSettings &settings, WorkspaceSwitcher &workspaces);

    // A laptop's 1280×800, never more than the screen offers.
    static QSize defaultSize(const QScreen *screen);

    void save();
    void restore(); // an older layout version gives the workspace's default
    void fitToScreen();

private:
    QMainWindow &m_window;
    QSettings &m_settings;
    WorkspaceSwitcher &m_workspaces;
};

} // namespace cp
