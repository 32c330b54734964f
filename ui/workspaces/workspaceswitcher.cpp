#include "workspaceswitcher.h"

#include "workspacelayout.h"

#include <QAction>
#include <QActionGroup>
#include <QDockWidget>
#include <QEvent>
#include <QMainWindow>
#include <QMouseEvent>
#include <QSettings>
#include <QTabBar>
#include <QTimer>

namespace cp {

namespace {

const QString CurrentKey = QStringLiteral("workspace/current");
const QString FollowKey = QStringLiteral("workspace/followRole");
// Saved with a layout still in its default arrangement: it is arranged anew for the window's size.
const QString PristineValue = QStringLiteral("default");

} // namespace

WorkspaceSwitcher::WorkspaceSwitcher(QMainWindow &window, QSettings &settings, int layoutVersion, QObject *parent)
    : QObject(parent), m_window(window), m_settings(settings), m_layoutVersion(layoutVersion),
      m_group(new QActionGroup(this)), m_followAction(new QAction(this)), m_resetAction(new QAction(this))
{
    m_group->setExclusive(true);
    for (Workspace workspace : WorkspaceVocabulary::all()) {
        auto *action = new QAction(m_group);
        action->setObjectName(QStringLiteral("workspaceAction_%1").arg(WorkspaceVocabulary::key(workspace)));
        action->setCheckable(true);
        action->setShortcut(WorkspaceVocabulary::shortcut(workspace));
        action->setData(static_cast<int>(workspace));
        connect(action, &QAction::triggered, this, [this, workspace] {
            setFollowsRole(false); // chosen by hand: the user's choice wins over the role
            switchTo(workspace);
        });
    }
    m_followAction->setObjectName(QStringLiteral("followRoleAction"));
    m_followAction->setCheckable(true);
    m_followAction->setChecked(followsRole());
    connect(m_followAction, &QAction::toggled, this, &WorkspaceSwitcher::setFollowsRole);
    m_resetAction->setObjectName(QStringLiteral("resetLayoutAction"));
    connect(m_resetAction, &QAction::triggered, this, &WorkspaceSwitcher::resetCurrent);
    action(m_current)->setChecked(true);
    retranslateUi();

    m_window.installEventFilter(this);
    arrangeDefault(m_current);
}

// Where each dock is: its area, floating, closed, and the docks tabbed with it.
QString WorkspaceSwitcher::structure() const
{
    QStringList docks;
    for (QDockWidget *dock : m_window.findChildren<QDockWidget *>(QString(), Qt::FindDirectChildrenOnly)) {
        QStringList tabbed;
        for (QDockWidget *other : m_window.tabifiedDockWidgets(dock))
            tabbed << other->objectName();
        tabbed.sort();
        docks << QStringLiteral("%1:%2:%3:%4:%5")
                     .arg(dock->objectName())
                     .arg(m_window.dockWidgetArea(dock))
                     .arg(dock->isFloating())
                     .arg(dock->isHidden())
                     .arg(tabbed.join(QLatin1Char(',')));
    }
    docks.sort();
    return docks.join(QLatin1Char(';'));
}

bool WorkspaceSwitcher::pristine() const
{
    return !m_separatorDragged && structure() == m_defaultStructure;
}

void WorkspaceSwitcher::arrangeDefault(Workspace workspace)
{
    WorkspaceLayout::arrange(m_window, workspace);
    m_defaultStructure = structure();
    m_separatorDragged = false;
    m_defaultShape = WorkspaceLayout::shapeFor(m_window.size());
    m_arranged = workspace;
    m_arrangedSize = m_window.size();
}

bool WorkspaceSwitcher::arrangedAsDefault(Workspace workspace) const
{
    return m_arranged == workspace && m_arrangedSize == m_window.size() && pristine();
}

bool WorkspaceSwitcher::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == &m_window) {
        // The window makes a tab bar for docks tabbed together whenever it needs one, eliding the
        // titles to "R…" when they do not fit: keep them whole and let the bar scroll instead.
        if (event->type() == QEvent::ChildPolished) {
            if (auto *bar = qobject_cast<QTabBar *>(static_cast<QChildEvent *>(event)->child())) {
                bar->setElideMode(Qt::ElideNone);
                bar->setUsesScrollButtons(true);
            }
        }
        // A press on the window itself, not on a dock or bar in it, is on a separator.
        if (event->type() == QEvent::MouseButtonPress &&
            !m_window.childAt(static_cast<QMouseEvent *>(event)->position().toPoint()))
            m_separatorDragged = true;
        if (event->type() == QEvent::Resize && WorkspaceLayout::shapeFor(m_window.size()) != m_defaultShape) {
            // After the resize is laid out, so the shares are of the new size.
            QTimer::singleShot(0, this, [this] {
                if (WorkspaceLayout::shapeFor(m_window.size()) != m_defaultShape && pristine())
                    arrangeDefault(m_current);
            });
        }
    }
    return QObject::eventFilter(watched, event);
}

QString WorkspaceSwitcher::stateKey(Workspace workspace) const
{
    return QStringLiteral("workspace/%1/state").arg(WorkspaceVocabulary::key(workspace));
}

QList<QAction *> WorkspaceSwitcher::actions() const
{
    QList<QAction *> list = m_group->actions();
    list << m_followAction;
    return list;
}

QAction *WorkspaceSwitcher::action(Workspace workspace) const
{
    return m_group->actions().value(static_cast<int>(workspace));
}

void WorkspaceSwitcher::saveCurrent()
{
    if (pristine())
        m_settings.setValue(stateKey(m_current), PristineValue);
    else
        m_settings.setValue(stateKey(m_current), m_window.saveState(m_layoutVersion));
    m_settings.setValue(CurrentKey, WorkspaceVocabulary::key(m_current));
}

void WorkspaceSwitcher::switchTo(Workspace workspace)
{
    if (workspace == m_current)
        return;
    saveCurrent();
    show(workspace);
    m_settings.setValue(CurrentKey, WorkspaceVocabulary::key(m_current));
}

void WorkspaceSwitcher::show(Workspace workspace)
{
    m_current = workspace;
    action(workspace)->setChecked(true);
    const QVariant saved = m_settings.value(stateKey(workspace));
    const QByteArray state = saved.toByteArray();
    // A layout of another version (docks added or renamed since) is dropped for the default.
    const bool restored =
        saved.toString() != PristineValue && !state.isEmpty() && m_window.restoreState(state, m_layoutVersion);
    if (restored)
        m_separatorDragged = true;          // the user's layout: it keeps its sizes
    else if (!arrangedAsDefault(workspace)) // a start without a layout of the user's: arranged already
        arrangeDefault(workspace);
    emit switched(workspace);
}

void WorkspaceSwitcher::resetCurrent()
{
    m_settings.remove(stateKey(m_current));
    arrangeDefault(m_current);
    emit switched(m_current);
}

void WorkspaceSwitcher::restore()
{
    const auto saved = WorkspaceVocabulary::fromKey(m_settings.value(CurrentKey).toString());
    show(saved.value_or(m_current));
}

bool WorkspaceSwitcher::followsRole() const
{
    return m_settings.value(FollowKey, true).toBool();
}

void WorkspaceSwitcher::setFollowsRole(bool follow)
{
    m_settings.setValue(FollowKey, follow);
    const QSignalBlocker blocker(m_followAction);
    m_followAction->setChecked(follow);
}

void WorkspaceSwitcher::rolesChanged(const QStringList &roleKeys)
{
    if (!followsRole())
        return;
    if (const auto workspace = WorkspaceVocabulary::forRoles(roleKeys))
        switchTo(*workspace);
}

void WorkspaceSwitcher::retranslateUi()
{
    for (QAction *each : m_group->actions())
        each->setText(WorkspaceVocabulary::label(static_cast<Workspace>(each->data().toInt())));
    m_followAction->setText(tr("&Follow my role"));
    m_followAction->setToolTip(tr("Show the workspace of the role you hold in this incident"));
    m_resetAction->setText(tr("&Reset this workspace"));
    m_resetAction->setToolTip(tr("Back to the workspace's default layout; your changes to it are forgotten"));
}

} // namespace cp
