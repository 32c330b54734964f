#include "workspacelayout.h"

#include <QDockWidget>
#include <QMainWindow>
#include <QToolBar>

namespace cp {

namespace {

// From this height on (a 1080-line screen, a 1600×1000 one) the IC's role chart fits under the
// roll call; below it, the roll call needs the whole height for its grid, form and missed list.
constexpr int TallWindow = 900;

// The docks by role in the layouts; all of them are the window's direct children.
class DockSet
{
public:
    explicit DockSet(QMainWindow &window) : m_window(window)
    {
        m_all = window.findChildren<QDockWidget *>(QString(), Qt::FindDirectChildrenOnly);
    }

    QDockWidget *operator[](const char *name) const
    {
        for (QDockWidget *dock : m_all) {
            if (dock->objectName() == QLatin1String(name))
                return dock;
        }
        return nullptr;
    }

    // Takes every dock out of the frame, so the arrangement starts from nothing.
    void clear()
    {
        for (QDockWidget *dock : m_all) {
            // QDockWidget redoes its window state, title bar included, even when asked for the
            // state it is in: only a floating dock is docked again.
            if (dock->isFloating())
                dock->setFloating(false);
            m_window.removeDockWidget(dock);
        }
    }

    void place(QDockWidget *dock, Qt::DockWidgetArea area)
    {
        if (!dock)
            return;
        m_window.addDockWidget(area, dock);
        dock->show();
        m_placed << dock;
    }

    void below(QDockWidget *above, QDockWidget *dock)
    {
        if (!above || !dock)
            return;
        m_window.splitDockWidget(above, dock, Qt::Vertical);
        dock->show();
        m_placed << dock;
    }

    // Every dock not yet placed becomes a tab behind `front`, which stays in view.
    void tabRestBehind(QDockWidget *front)
    {
        for (QDockWidget *dock : m_all) {
            if (m_placed.contains(dock) || !front)
                continue;
            m_window.tabifyDockWidget(front, dock);
            dock->show();
            m_placed << dock;
        }
        if (front)
            front->raise();
    }

    // Shares of the frame's width (docks side by side) or height (docks stacked); the docks'
    // minimums still apply.
    void widths(const QList<QDockWidget *> &row, const QList<double> &shares) { resize(row, shares, Qt::Horizontal); }
    // Two columns, the first its share of the width but no narrower than `least` and no wider
    // than `most` pixels: what its content needs, the rest going to the second.
    void widths(const QList<QDockWidget *> &row, const QList<double> &shares, int least, int most)
    {
        if (row.size() != 2 || row.contains(nullptr))
            return;
        const int first = qBound(least, static_cast<int>(m_window.width() * shares.first()), most);
        m_window.resizeDocks(row, {first, qMax(1, m_window.width() - first)}, Qt::Horizontal);
    }
    void heights(const QList<QDockWidget *> &column, const QList<double> &shares)
    {
        resize(column, shares, Qt::Vertical);
    }

private:
    void resize(const QList<QDockWidget *> &docks, const QList<double> &shares, Qt::Orientation orientation)
    {
        if (docks.contains(nullptr))
            return;
        const int total = orientation == Qt::Horizontal ? m_window.width() : m_window.height();
        QList<int> sizes;
        for (double share : shares)
            sizes << qMax(1, static_cast<int>(total * share));
        m_window.resizeDocks(docks, sizes, orientation);
    }

    QMainWindow &m_window;
    QList<QDockWidget *> m_all;
    QList<QDockWidget *> m_placed;
};

} // namespace

int WorkspaceLayout::shapeFor(const QSize &size)
{
    return size.height() >= TallWindow ? 1 : 0;
}

void WorkspaceLayout::arrange(QMainWindow &window, Workspace workspace)
{
    DockSet docks(window);
    docks.clear();
    for (QToolBar *toolBar : window.findChildren<QToolBar *>(QString(), Qt::FindDirectChildrenOnly))
        toolBar->show(); // a workspace's default has every toolbar in view
    QDockWidget *timeline = docks["timelineDock"];
    QDockWidget *timers = docks["timersDock"];
    QDockWidget *rollCall = docks["rollCallDock"];
    QDockWidget *actions = docks["actionsDock"];
    QDockWidget *roleChart = docks["roleChartDock"];
    QDockWidget *comms = docks["commsDock"];
    QDockWidget *business = docks["businessDock"];

    switch (workspace) {
    case Workspace::Scribe:
        // The log takes the whole height; the timers and the actions beside it.
        docks.place(timeline, Qt::LeftDockWidgetArea);
        docks.place(timers, Qt::RightDockWidgetArea);
        docks.below(timers, actions);
        docks.tabRestBehind(actions);
        docks.widths({timeline, timers}, {0.62, 0.38});
        docks.heights({timers, actions}, {0.45, 0.55});
        break;
    case Workspace::Deputy:
        // The timer board over the log; the roll call with its missed list the whole height.
        docks.place(timers, Qt::LeftDockWidgetArea);
        docks.place(rollCall, Qt::RightDockWidgetArea);
        docks.below(timers, timeline);
        docks.tabRestBehind(timeline);
        docks.widths({timers, rollCall}, {0.5, 0.5});
        docks.heights({timers, timeline}, {0.45, 0.55});
        break;
    case Workspace::Commander:
        // The roll call in a column as wide as its grid needs; the actions and decisions and the
        // latest of the timeline beside it, taking the rest of the width. The role chart sits under
        // the roll call where the window is tall enough for both, else over the actions.
        docks.place(rollCall, Qt::LeftDockWidgetArea);
        if (shapeFor(window.size()) == 1) {
            docks.place(actions, Qt::RightDockWidgetArea);
            docks.below(rollCall, roleChart);
            docks.below(actions, timeline);
            docks.tabRestBehind(roleChart);
            docks.heights({rollCall, roleChart}, {0.62, 0.38});
            docks.heights({actions, timeline}, {0.36, 0.64});
        } else {
            docks.place(roleChart, Qt::RightDockWidgetArea);
            docks.below(roleChart, actions);
            docks.below(actions, timeline);
            docks.tabRestBehind(rollCall); // the tall column has room for the tab bar
            docks.heights({roleChart, actions, timeline}, {0.27, 0.37, 0.36});
        }
        docks.widths({rollCall, timeline}, {0.5, 0.5}, 600, 760);
        break;
    case Workspace::Liaison:
        // The communications grid and messages over the timeline (to log what was sent); the
        // emergency operations checklist and the inbound questions the whole height beside them.
        docks.place(comms, Qt::LeftDockWidgetArea);
        docks.place(business, Qt::RightDockWidgetArea);
        docks.below(comms, timeline);
        docks.tabRestBehind(timeline);
        docks.widths({comms, business}, {0.5, 0.5});
        docks.heights({comms, timeline}, {0.55, 0.45});
        break;
    }
}

} // namespace cp
