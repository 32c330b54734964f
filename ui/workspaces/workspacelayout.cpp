#include "workspacelayout.h"

#include <QDockWidget>
#include <QMainWindow>
#include <QToolBar>

namespace cp {

namespace {

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
        // The roll call the whole height; the role chart, the actions and decisions, the latest
        // of the timeline beside it.
        docks.place(rollCall, Qt::LeftDockWidgetArea);
        docks.place(roleChart, Qt::RightDockWidgetArea);
        docks.below(roleChart, actions);
        docks.below(actions, timeline);
        docks.tabRestBehind(rollCall); // the tall column has room for the tab bar
        docks.widths({rollCall, roleChart}, {0.5, 0.5});
        docks.heights({roleChart, actions, timeline}, {0.28, 0.36, 0.36});
        break;
    case Workspace::Liaison:
        // The communications grid and messages beside the emergency operations and inbound.
        docks.place(comms, Qt::LeftDockWidgetArea);
        docks.place(business, Qt::RightDockWidgetArea);
        docks.below(business, timeline);
        docks.tabRestBehind(timeline);
        docks.widths({comms, business}, {0.5, 0.5});
        docks.heights({business, timeline}, {0.72, 0.28});
        break;
    }
}

} // namespace cp
