#include "windowplacement.h"

#include "workspaceswitcher.h"

#include <QMainWindow>
#include <QScreen>
#include <QSettings>

namespace cp {

namespace {

const QString GeometryKey = QStringLiteral("window/geometry");

} // namespace

WindowPlacement::WindowPlacement(QMainWindow &window, QSettings &settings, WorkspaceSwitcher &workspaces)
    : m_window(window), m_settings(settings), m_workspaces(workspaces)
{
}

QSize WindowPlacement::defaultSize(const QScreen *screen)
{
    const QSize wanted(1280, 800);
    return screen ? wanted.boundedTo(screen->availableGeometry().size()) : wanted;
}

void WindowPlacement::save()
{
    m_settings.setValue(GeometryKey, m_window.saveGeometry());
    m_workspaces.saveCurrent();
    m_settings.sync();
}

void WindowPlacement::restore()
{
    const QByteArray geometry = m_settings.value(GeometryKey).toByteArray();
    const QScreen *screen = m_window.screen();
    if (!geometry.isEmpty())
        m_window.restoreGeometry(geometry);
    else if (screen && m_window.height() >= screen->availableGeometry().height())
        m_window.setWindowState(m_window.windowState() | Qt::WindowMaximized); // a laptop screen: all of it
    fitToScreen();
    m_workspaces.restore();
}

void WindowPlacement::fitToScreen()
{
    const QScreen *shown = m_window.screen();
    if (!shown || m_window.isMaximized() || m_window.isFullScreen())
        return;
    const QRect available = shown->availableGeometry();
    const QRect inner = m_window.geometry();
    const QRect outer = m_window.frameGeometry();
    const QMargins frame(inner.left() - outer.left(), inner.top() - outer.top(), outer.right() - inner.right(),
                         outer.bottom() - inner.bottom());
    const QSize room = available.size().shrunkBy(frame);
    const QSize fitted = m_window.size().boundedTo(room).expandedTo(m_window.minimumSizeHint().boundedTo(room));
    if (fitted != m_window.size())
        m_window.resize(fitted);
    QRect placed = m_window.frameGeometry();
    placed.moveLeft(
        qBound(available.left(), placed.left(), qMax(available.left(), available.right() - placed.width() + 1)));
    placed.moveTop(
        qBound(available.top(), placed.top(), qMax(available.top(), available.bottom() - placed.height() + 1)));
    if (placed.topLeft() != m_window.frameGeometry().topLeft())
        m_window.move(placed.topLeft());
}

} // namespace cp
